//! Users of a team vault (issue 4), driven through the binary: only the vault admin adds them, and
//! a new user stays pending, with nothing grantable to them, until their first unlock makes
//! their own keys.
//!
//! Every refusal checks the exit code, that stderr names who lacks which role, and that nothing
//! changed (`vault_state`, which leaves out the audit log a refusal appends to).

mod common;

use common::team::*;
use common::*;

#[test]
fn only_the_vault_admin_adds_users_and_a_refusal_changes_nothing() {
    let home = team(&["bob"]);
    let before = vault_state(home.path());
    let f = pass_file("carol");
    as_user(home.path(), "bob")
        .args(["user", "add", "carol", "--kdf-memory", "8", "--kdf-iterations", "1", "--new-passphrase-file"])
        .arg(f.path())
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'bob' is not a vault admin; adding a user needs the vault admin role\n");
    assert_unchanged(home.path(), &before);
    assert!(users_json(home.path()).iter().all(|u| u["name"] != "carol"));
    // Nor may bob remove or promote anyone.
    as_user(home.path(), "bob")
        .args(["user", "role", "bob", "--admin"])
        .assert()
        .code(6)
        .stderr("vault: error: user 'bob' is not a vault admin; changing a user's role needs the vault admin role\n");
    as_user(home.path(), "bob")
        .args(["user", "remove", "alice", "--yes"])
        .assert()
        .code(6)
        .stderr("vault: error: user 'bob' is not a vault admin; removing a user needs the vault admin role\n");
    assert_unchanged(home.path(), &before);
}

#[test]
fn a_new_user_is_pending_until_their_first_unlock_and_cannot_be_granted_anything() {
    let home = init_vault();
    let h = home.path();
    add_user(h, "bob");
    let pending = user_entry(h, "bob");
    assert_eq!(pending["status"], "pending");
    assert_eq!(pending["admin"], false);
    let fp_pending = pending["fingerprint"].as_str().unwrap().to_owned();
    assert!(matches(r"^[0-9a-f]{16}$", &fp_pending), "{fp_pending}");
    let a = alice(h).args(["user", "list"]).assert().success();
    let out = stdout_of(&a);
    let mut lines = out.lines();
    assert_columns(lines.next().unwrap(), &["NAME", "ROLE", "STATUS", "FINGERPRINT", "CREATED"]);
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.iter().any(|l| row_matches(l, &["alice", "vault admin", "active", "[0-9a-f]{16}", TABLE_TIME])),
        "{out}"
    );
    assert!(rows.iter().any(|l| row_matches(l, &["bob", "user", "pending", &fp_pending, TABLE_TIME])), "{out}");

    // Nothing can be granted to a pending user: there is no key to wrap to.
    create_project(h, "api");
    let before = vault_state(h);
    alice(h).args(["project", "member", "add", "api", "bob", "--role", "viewer"]).assert().code(1).stdout("").stderr(
        "vault: error: user 'bob' has not unlocked the vault yet, so nothing can be granted to them\n\
             vault: hint: ask bob to unlock once with their passphrase, e.g. `vault --user bob project list`\n",
    );
    assert_unchanged(h, &before);
    assert_eq!(grant_count(h, "api", "bob"), 0);

    // A wrong passphrase does not enroll him.
    vault(h).env("VAULT_USER", "bob").env("VAULT_PASSPHRASE", "not bob's").args(["project", "list"]).assert().code(5);
    assert_eq!(user_entry(h, "bob")["status"], "pending");

    // His first unlock makes his own keys: a new fingerprint, no longer the enrollment key's.
    enroll(h, "bob");
    let active = user_entry(h, "bob");
    assert_eq!(active["status"], "active");
    let fp = active["fingerprint"].as_str().unwrap();
    assert!(matches(r"^[0-9a-f]{16}$", fp), "{fp}");
    assert_ne!(fp, fp_pending);
    assert_ne!(fp, user_entry(h, "alice")["fingerprint"].as_str().unwrap());
    assert!(matches(RFC3339_UTC, active["created_at"].as_str().unwrap()));
    // Bob sees the same fingerprints alice does.
    let a = as_user(h, "bob").args(["user", "list", "--json"]).assert().success();
    let seen = json(&a.get_output().stdout);
    assert!(seen.as_array().unwrap().iter().any(|u| u["name"] == "bob" && u["fingerprint"] == fp));

    add_member(h, "alice", "api", "bob", "viewer");
    assert_eq!(grant_count(h, "api", "bob"), 1);
}
