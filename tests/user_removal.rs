//! Removing users from a team vault (issue 4), driven through the binary: refused while the
//! user is still a member somewhere, after which they cannot unlock; the first admin can be
//! neither removed nor demoted.
//!
//! Every refusal checks the exit code, that stderr names who lacks which role, and that nothing
//! changed (`vault_state`, which leaves out the audit log a refusal appends to).

mod common;

use common::team::*;
use common::*;
use predicates::str::contains;

#[test]
fn user_remove_is_refused_while_a_member_then_the_user_cannot_unlock() {
    let home = api_team();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "viewer");
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["community", "member", "add", "research", "bob"]).assert().success();
    as_user(h, "bob")
        .args(["secret", "create", "MY_TOKEN", "--private"])
        .write_stdin("bob-private-7e7e")
        .assert()
        .success();

    let before = vault_state(h);
    alice(h)
        .args(["user", "remove", "bob", "--yes"])
        .assert()
        .code(4)
        .stdout("")
        .stderr("vault: error: 'bob' is still a member of project 'api', community 'research'; remove them there first (that rotates the keys they held)\n");
    assert_unchanged(h, &before);
    // Without --yes and no terminal it asks for --yes.
    alice(h).args(["user", "remove", "bob"]).assert().code(2).stderr(contains("needs --yes"));

    alice(h).args(["project", "member", "remove", "api", "bob"]).assert().success();
    alice(h)
        .args(["community", "member", "remove", "research", "bob"])
        .assert()
        .success()
        .stderr("removed 'bob' from community 'research'; its key was rotated\n");
    alice(h).args(["user", "remove", "bob", "--yes"]).assert().success().stderr("removed user 'bob'\n");
    assert_eq!(user_entry(h, "bob")["status"], "removed");
    // His private secrets went with him.
    assert_eq!(one(h, "SELECT count(*) FROM projects WHERE name = '@bob'"), "0");
    assert_absent(h, b"bob-private-7e7e");

    as_user(h, "bob")
        .args(["project", "list"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains("vault: error: no user 'bob (removed)' in this vault"));
    alice(h)
        .args(["project", "member", "add", "api", "bob", "--role", "viewer"])
        .assert()
        .code(2)
        .stderr("vault: error: user 'bob' was removed from the vault\n");
    // Alice and carol carry on.
    assert_eq!(reveal(h, "api", "API_KEY"), API_VALUE.as_bytes());
    alice(h).args(["user", "list"]).assert().success();
}

#[test]
fn the_first_admin_cannot_be_removed_or_demoted() {
    let home = team(&["bob"]);
    let h = home.path();
    alice(h).args(["user", "role", "bob", "--admin"]).assert().success().stderr("'bob' is now a vault admin\n");
    as_user(h, "bob")
        .args(["user", "remove", "alice", "--yes"])
        .assert()
        .code(2)
        .stderr("vault: error: 'alice' cannot remove themselves or the vault's first admin\n");
    as_user(h, "bob").args(["user", "role", "alice", "--no-admin"]).assert().code(2).stderr(contains("root of trust"));
    // A second admin adds users whose keys verify for everyone.
    let f = pass_file("carol");
    as_user(h, "bob")
        .args(["user", "add", "carol", "--kdf-memory", "8", "--kdf-iterations", "1", "--new-passphrase-file"])
        .arg(f.path())
        .assert()
        .success();
    enroll(h, "carol");
    create_project(h, "api");
    add_member(h, "alice", "api", "carol", "viewer");
    // Demoting bob keeps carol's entry valid (alice re-signs it).
    alice(h).args(["user", "role", "bob", "--no-admin"]).assert().success();
    assert_eq!(user_entry(h, "carol")["status"], "active");
    as_user(h, "carol").args(["secret", "list", "--project", "api"]).assert().success();
}
