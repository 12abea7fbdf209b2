//! Grants are signed, not only stored (issue 4, DESIGN.md section 3 "Who may read what is
//! authenticated"). Each test edits the SQLite file with the sqlite3 CLI the way an attacker who
//! can write it would (a co-user included): a substituted recipient, an injected grant, a
//! self-promotion to vault admin or project owner. Every case is exit 7 (or 6), the forged row is
//! never used, nothing is sealed to the attacker's key, and no value appears in any output.

mod common;

use std::path::Path;
use std::process::Output;

use common::team::*;
use common::*;
use predicates::prelude::*;
use predicates::str::contains;

const ALICE_VALUE: &str = "alice-secret-value-0d9c31";
const CAROL_VALUE: &str = "carol-secret-value-7b21e4";
const RESTORE_HINT: &str = "vault: hint: restore the vault from a backup; nothing was changed\n";

/// The error for a row that is not in its scope's signed list (an old or forged row).
fn not_listed(scope: &str, user: &str) -> String {
    tampered(&format!("{scope} (the row of '{user}' is not in the signed list: an old or forged row)"))
}

fn tampered(what: &str) -> String {
    format!("vault: error: {what} failed to verify; the vault was damaged or edited\n{RESTORE_HINT}")
}

/// alice, bob and carol; alice owns `api` holding DB_PASS.
fn victim() -> tempfile::TempDir {
    let home = team(&["bob", "carol"]);
    create_project(home.path(), "api");
    create_secret(home.path(), "api", "DB_PASS", ALICE_VALUE);
    home
}

fn assert_no_values(outs: &[Output]) {
    for o in outs {
        assert_no_value(o, &[ALICE_VALUE, CAROL_VALUE]);
        assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

fn total_grants(home: &Path) -> String {
    one(home, "SELECT count(*) FROM project_members")
}

/// The age recipient of alice in a second, unrelated vault: a real key the attacker holds.
fn foreign_recipient() -> (tempfile::TempDir, String) {
    let other = init_vault();
    let r = store_sql(other.path(), "SELECT recipient FROM users WHERE name = 'alice'");
    assert!(r.starts_with("age1"), "{r}");
    (other, r)
}

#[test]
fn a_substituted_recipient_is_refused_and_nothing_is_granted_to_it() {
    let home = victim();
    let h = home.path();
    let (_other, foreign) = foreign_recipient();
    assert_ne!(one(h, "SELECT recipient FROM users WHERE name = 'bob'"), foreign);
    store_sql(h, &format!("UPDATE users SET recipient = '{foreign}' WHERE name = 'bob'"));
    let grants = total_grants(h);
    let before = vault_state(h);

    let mut outs = vec![alice(h)
        .args(["project", "member", "add", "api", "bob", "--role", "viewer"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(tampered("the roster (user 'bob' has keys that are not in the signed list)"))
        .get_output()
        .clone()];
    // No grant row was written, for bob or anyone.
    assert_eq!(grant_count(h, "api", "bob"), 0);
    assert_eq!(total_grants(h), grants);
    assert_unchanged(h, &before);
    // Everyone who checks bob's entry sees the tampering; bob himself cannot unlock with it.
    outs.push(
        alice(h)
            .args(["user", "list"])
            .assert()
            .code(7)
            .stderr(tampered("the roster (user 'bob' has keys that are not in the signed list)"))
            .get_output()
            .clone(),
    );
    // Bob himself, unlocking with his passphrase, is told his keys were tampered with (not
    // "wrong passphrase": the envelope opens, and its keys disagree with the row).
    let out = as_user(h, "bob")
        .args(["project", "list"])
        .assert()
        .code(7)
        .stderr(tampered("user 'bob' public keys"))
        .get_output()
        .clone();
    outs.push(out);
    // The roster's signed list holds every user's keys, so an edited entry stops every command
    // that checks the roster (all of them), alice's too: exit 7, no value.
    outs.push(
        alice(h)
            .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
            .assert()
            .code(7)
            .stdout("")
            .get_output()
            .clone(),
    );
    assert_no_values(&outs);
}

#[test]
fn a_substituted_recipient_stops_a_key_rotation_before_anything_is_rewrapped() {
    let home = victim();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "viewer");
    add_member(h, "alice", "api", "carol", "viewer");
    let (_other, foreign) = foreign_recipient();
    store_sql(h, &format!("UPDATE users SET recipient = '{foreign}' WHERE name = 'bob'"));
    let epoch = key_epoch(h, "api");
    let before = vault_state(h);
    // Removing carol rotates the key and would re-wrap it to bob's (forged) recipient.
    let out = alice(h)
        .args(["project", "member", "remove", "api", "carol"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(tampered("the roster (user 'bob' has keys that are not in the signed list)"))
        .get_output()
        .clone();
    assert_unchanged(h, &before);
    assert_eq!(key_epoch(h, "api"), epoch);
    assert_no_values(&[out]);
}

#[test]
fn a_grant_copied_from_another_project_is_refused() {
    let home = victim();
    let h = home.path();
    create_project_as(h, "carol", "carol-proj");
    create_secret_as(h, "carol", "carol-proj", "CAROL_PASS", CAROL_VALUE);
    let api = project_id(h, "api");
    let carols = project_id(h, "carol-proj");
    let carol = user_id(h, "carol");
    // Carol copies her own (validly signed) owner grant of carol-proj into api.
    store_sql(
        h,
        &format!(
            "INSERT INTO project_members (project_id, user_id, role, granted_by, sig, key_epoch, wrapped_key, \
             key_signer, key_sig, created_at) SELECT '{api}', user_id, role, granted_by, sig, key_epoch, wrapped_key, \
             key_signer, key_sig, created_at FROM project_members WHERE project_id = '{carols}' AND user_id = '{carol}'"
        ),
    );
    assert_eq!(grant_count(h, "api", "carol"), 1);
    let mut outs = Vec::new();
    for args in [
        vec!["secret", "list", "--project", "api"],
        vec!["secret", "list", "--project", "api", "--reveal"],
        vec!["secret", "get", "DB_PASS", "--project", "api", "--reveal"],
        vec!["run", "--project", "api", "--no-mask", "--", "env"],
        vec!["export", "--project", "api", "--reveal"],
    ] {
        outs.push(
            as_user(h, "carol")
                .args(&args)
                .assert()
                .code(7)
                .stdout("")
                .stderr(not_listed("the members of project 'api'", "carol"))
                .get_output()
                .clone(),
        );
    }
    // Alice, checking the members, sees the forged row too.
    outs.push(
        alice(h)
            .args(["project", "member", "list", "api"])
            .assert()
            .code(7)
            .stderr(not_listed("the members of project 'api'", "carol"))
            .get_output()
            .clone(),
    );
    assert_no_values(&outs);
}

#[test]
fn a_grant_of_a_key_the_attacker_knows_is_refused_and_nothing_is_sealed_under_it() {
    // Carol makes alice an owner of carol-proj, so she holds a grant row wrapping a key carol
    // knows to alice's real recipient, signed by carol. She swaps it in for alice's grant of
    // api (whole row, then only the wrapped key): if alice used it, her new secrets in api
    // would be sealed under carol's key.
    for whole_row in [true, false] {
        let home = victim();
        let h = home.path();
        create_project_as(h, "carol", "carol-proj");
        add_member(h, "carol", "carol-proj", "alice", "owner");
        let api = project_id(h, "api");
        let carols = project_id(h, "carol-proj");
        let alice_id = user_id(h, "alice");
        let cols = if whole_row {
            "role, granted_by, sig, key_epoch, wrapped_key, key_signer, key_sig"
        } else {
            "wrapped_key"
        };
        store_sql(
            h,
            &format!(
                "UPDATE project_members SET ({cols}) = (SELECT {cols} FROM project_members \
                 WHERE project_id = '{carols}' AND user_id = '{alice_id}') \
                 WHERE project_id = '{api}' AND user_id = '{alice_id}'"
            ),
        );
        let before = vault_state(h);
        // A whole row fails its own signature (alice signed the project's list, so her row is
        // checked first); a swapped key alone leaves a row that is not in the signed list.
        let what = if whole_row {
            tampered("membership of project 'api'")
        } else {
            not_listed("the members of project 'api'", "alice")
        };
        let mut outs = vec![alice(h)
            .args(["secret", "create", "NEW_SECRET", "--project", "api"])
            .write_stdin(CAROL_VALUE)
            .assert()
            .code(7)
            .stdout("")
            .stderr(what.clone())
            .get_output()
            .clone()];
        assert_unchanged(h, &before);
        assert_eq!(one(h, "SELECT count(*) FROM secrets WHERE name = 'NEW_SECRET'"), "0");
        assert_absent(h, CAROL_VALUE.as_bytes());
        outs.push(
            alice(h)
                .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
                .assert()
                .code(7)
                .stdout("")
                .stderr(what.clone())
                .get_output()
                .clone(),
        );
        assert_no_values(&outs);
    }
}

#[test]
fn promoting_oneself_to_vault_admin_is_refused() {
    for sql_edit in [
        "UPDATE users SET is_admin = 1 WHERE name = 'bob'",
        // Claiming to be a root of trust: signed by oneself.
        "UPDATE users SET is_admin = 1, roster_signer = id WHERE name = 'bob'",
    ] {
        let home = victim();
        let h = home.path();
        store_sql(h, sql_edit);
        let before = vault_state(h);
        let f = pass_file("dave");
        let mut outs = vec![as_user(h, "bob")
            .args(["user", "add", "dave", "--kdf-memory", "8", "--kdf-iterations", "1", "--new-passphrase-file"])
            .arg(f.path())
            .assert()
            .code(7)
            .stdout("")
            .stderr(not_listed("the roster", "bob"))
            .get_output()
            .clone()];
        assert_unchanged(h, &before);
        assert_eq!(one(h, "SELECT count(*) FROM users WHERE name = 'dave'"), "0");
        // Alice's commands that verify bob report the tampering.
        outs.push(
            alice(h)
                .args(["user", "list"])
                .assert()
                .code(7)
                .stderr(not_listed("the roster", "bob"))
                .get_output()
                .clone(),
        );
        outs.push(
            alice(h)
                .args(["project", "member", "add", "api", "bob", "--role", "viewer"])
                .assert()
                .code(7)
                .stderr(not_listed("the roster", "bob"))
                .get_output()
                .clone(),
        );
        assert_eq!(grant_count(h, "api", "bob"), 0);
        assert_no_values(&outs);
    }
}

#[test]
fn promoting_oneself_to_project_owner_is_refused() {
    let home = victim();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "viewer");
    let api = project_id(h, "api");
    let bob = user_id(h, "bob");
    store_sql(
        h,
        &format!("UPDATE project_members SET role = 'owner' WHERE project_id = '{api}' AND user_id = '{bob}'"),
    );
    let before = vault_state(h);
    let bad = not_listed("the members of project 'api'", "bob");
    let mut outs = vec![as_user(h, "bob")
        .args(["project", "member", "add", "api", "carol", "--role", "owner"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(bad.clone())
        .get_output()
        .clone()];
    outs.push(
        as_user(h, "bob")
            .args(["secret", "create", "BOB_SECRET", "--project", "api"])
            .write_stdin("bob-wrote-this-4c4c")
            .assert()
            .code(7)
            .stderr(bad.clone())
            .get_output()
            .clone(),
    );
    outs.push(
        as_user(h, "bob")
            .args(["project", "delete", "api", "--yes"])
            .assert()
            .code(7)
            .stderr(bad.clone())
            .get_output()
            .clone(),
    );
    // Even reading is refused: a forged row is never used.
    outs.push(
        as_user(h, "bob")
            .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
            .assert()
            .code(7)
            .stdout("")
            .stderr(bad.clone())
            .get_output()
            .clone(),
    );
    assert_unchanged(h, &before);
    assert_eq!(grant_count(h, "api", "carol"), 0);
    assert_absent(h, b"bob-wrote-this-4c4c");
    // Alice, when she looks at the members, sees it.
    for args in [vec!["project", "member", "list", "api"], vec!["project", "show", "api"]] {
        outs.push(alice(h).args(&args).assert().code(7).stderr(bad.clone()).get_output().clone());
    }
    assert_no_values(&outs);
}

#[test]
fn a_non_member_holds_no_grant_and_cannot_open_the_rows() {
    let home = victim();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "viewer");
    let api = project_id(h, "api");
    let carol = user_id(h, "carol");
    // The file holds no wrap of api's key for carol: only alice's and bob's, each one age
    // stanza to one recipient, which only that recipient's identity opens.
    assert_eq!(
        one(h, &format!("SELECT count(*) FROM project_members WHERE project_id = '{api}' AND user_id = '{carol}'")),
        "0"
    );
    let members = one(h, &format!("SELECT u.name FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = '{api}' ORDER BY u.name"));
    assert_eq!(members, "alice\nbob");
    for hex_blob in one(h, &format!("SELECT hex(wrapped_key) FROM project_members WHERE project_id = '{api}'")).lines()
    {
        let blob = hex::decode(hex_blob).unwrap();
        let text = String::from_utf8_lossy(&blob);
        assert!(text.starts_with("age-encryption.org/v1\n"), "{text}");
        assert_eq!(text.matches("\n-> X25519 ").count(), 1, "{text}");
    }
    assert_absent(h, ALICE_VALUE.as_bytes());
    let mut outs = Vec::new();
    for args in [
        vec!["secret", "get", "DB_PASS", "--project", "api", "--reveal"],
        vec!["secret", "list", "--project", "api", "--reveal"],
        vec!["run", "--project", "api", "--no-mask", "--", "env"],
    ] {
        outs.push(
            as_user(h, "carol")
                .args(&args)
                .assert()
                .code(6)
                .stdout("")
                .stderr("vault: error: user 'carol' is not a member of project 'api'\n")
                .get_output()
                .clone(),
        );
    }
    // Copying bob's grant to carol's name does not help her either: it is bob's signature over
    // bob's id, and the key inside is wrapped to bob's recipient.
    let bob = user_id(h, "bob");
    store_sql(
            h,
        &format!(
            "INSERT INTO project_members (project_id, user_id, role, granted_by, sig, key_epoch, wrapped_key, \
             key_signer, key_sig, created_at) SELECT project_id, '{carol}', role, granted_by, sig, key_epoch, \
             wrapped_key, key_signer, key_sig, created_at FROM project_members WHERE project_id = '{api}' AND user_id = '{bob}'"
        ),
    );
    outs.push(
        as_user(h, "carol")
            .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
            .assert()
            .code(7)
            .stdout("")
            .stderr(contains("failed to verify"))
            .stderr(predicate::str::starts_with("vault: error: "))
            .get_output()
            .clone(),
    );
    assert_no_values(&outs);
}
