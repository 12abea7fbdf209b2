//! No replay (issue 12, attack 5): a row that was validly signed once but is no longer current
//! (a demoted owner's or community admin's old membership, a removed member's old row, a removed
//! admin's old roster entry, a pending user's retired enrollment key) is put back with the sqlite3
//! CLI, as anyone who can write the file could. Each is exit 7, it never receives a key, and
//! nothing is changed on its account. The defence is each scope's signed list of current rows.

mod common;

use common::team::*;
use common::*;
use predicates::str::contains;

const VALUE: &str = "replay-test-value-4c1d9e";

fn not_listed(scope: &str, user: &str) -> String {
    format!("{scope} (the row of '{user}' is not in the signed list: an old or forged row) failed to verify")
}

/// alice owns api (DB_PASS) with bob as owner too.
fn api_with_bob_as(role: &str) -> tempfile::TempDir {
    let home = team(&["bob", "carol"]);
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", VALUE);
    add_member(h, "alice", "api", "bob", role);
    home
}

#[test]
fn a_demoted_owner_cannot_put_their_owner_row_back() {
    let home = api_with_bob_as("owner");
    let h = home.path();
    let bob = user_id(h, "bob");
    let owner_row = saved_rows(h, "project_members", &format!("user_id = '{bob}'"));
    add_member(h, "alice", "api", "bob", "viewer");
    put_back(h, &owner_row);
    let before = vault_state(h);
    let out = as_user(h, "bob")
        .args(["project", "member", "add", "api", "carol", "--role", "owner"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains(not_listed("the members of project 'api'", "bob")))
        .get_output()
        .clone();
    assert_no_value(&out, &[VALUE]);
    assert_unchanged(h, &before);
    assert_eq!(grant_count(h, "api", "carol"), 0);
    // Alice sees it too, and her next rotation hands the old row nothing.
    alice(h)
        .args(["project", "member", "remove", "api", "bob"])
        .assert()
        .code(7)
        .stderr(contains(not_listed("the members of project 'api'", "bob")));
    assert_eq!(key_epoch(h, "api"), 1);
}

#[test]
fn a_removed_member_never_receives_the_next_key() {
    let home = api_with_bob_as("editor");
    let h = home.path();
    add_member(h, "alice", "api", "carol", "viewer");
    let bob = user_id(h, "bob");
    let old_row = saved_rows(h, "project_members", &format!("user_id = '{bob}'"));
    alice(h).args(["project", "member", "remove", "api", "bob"]).assert().success();
    assert_eq!(key_epoch(h, "api"), 2);
    // Bob puts his row back, claiming the current epoch so that a rotation would re-wrap to him.
    put_back(h, &old_row);
    store_sql(h, &format!("UPDATE project_members SET key_epoch = 2 WHERE user_id = '{bob}'"));
    let bobs_wrap = one(h, &format!("SELECT hex(wrapped_key) FROM project_members WHERE user_id = '{bob}'"));
    let before = vault_state(h);
    alice(h)
        .args(["project", "member", "remove", "api", "carol"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains(not_listed("the members of project 'api'", "bob")));
    assert_unchanged(h, &before);
    assert_eq!(key_epoch(h, "api"), 2);
    assert_eq!(one(h, &format!("SELECT hex(wrapped_key) FROM project_members WHERE user_id = '{bob}'")), bobs_wrap);
    // Nor does bob read anything through it.
    let out = as_user(h, "bob")
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(7)
        .get_output()
        .clone();
    assert_no_value(&out, &[VALUE]);
}

#[test]
fn a_removed_admin_cannot_put_their_roster_entry_back() {
    let home = team(&["carol"]);
    let h = home.path();
    add_user(h, "bob");
    alice(h).args(["user", "role", "bob", "--admin"]).assert().success();
    enroll(h, "bob");
    let bob = user_id(h, "bob");
    let admin_row = saved_rows(h, "users", &format!("id = '{bob}'"));
    alice(h).args(["user", "remove", "bob", "--yes"]).assert().success();
    put_back(h, &admin_row);
    let before = vault_state(h);
    let f = pass_file("mallory");
    as_user(h, "bob")
        .args(["user", "add", "mallory", "--kdf-memory", "8", "--kdf-iterations", "1", "--new-passphrase-file"])
        .arg(f.path())
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains(not_listed("the roster", "bob")));
    assert_unchanged(h, &before);
    assert_eq!(one(h, "SELECT count(*) FROM users WHERE name = 'mallory'"), "0");
    // Everyone else's commands refuse the roster as it stands.
    as_user(h, "carol").args(["project", "list"]).assert().code(7).stderr(contains("the roster"));
}

#[test]
fn a_demoted_community_admin_cannot_put_their_admin_row_back() {
    let home = team(&["bob", "carol"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["community", "member", "add", "research", "bob", "--admin"]).assert().success();
    let bob = user_id(h, "bob");
    let admin_row = saved_rows(h, "community_members", &format!("user_id = '{bob}'"));
    alice(h).args(["community", "member", "add", "research", "bob"]).assert().success();
    put_back(h, &admin_row);
    let before = vault_state(h);
    as_user(h, "bob")
        .args(["community", "member", "add", "research", "carol", "--admin"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains(not_listed("the members of community 'research'", "bob")));
    assert_unchanged(h, &before);
}

#[test]
fn an_enrollment_key_is_retired_at_first_unlock() {
    let home = init_vault();
    let h = home.path();
    add_user(h, "bob");
    let bob = user_id(h, "bob");
    // Whoever knew bob's first passphrase (the admin who typed it) keeps his pending row.
    let pending = saved_rows(h, "users", &format!("id = '{bob}'"));
    enroll(h, "bob");
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", VALUE);
    add_member(h, "alice", "api", "bob", "viewer");
    put_back(h, &pending);
    let before = vault_state(h);
    // Unlocking with the first passphrase would make new keys for "bob": refused instead.
    as_user(h, "bob")
        .args(["project", "list"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains("the roster (user 'bob' is back to a retired enrollment key) failed to verify"));
    assert_unchanged(h, &before);
    alice(h).args(["user", "list"]).assert().code(7).stderr(contains("retired enrollment key"));
}

#[test]
fn a_signed_list_cannot_be_removed_to_skip_the_check() {
    let home = api_with_bob_as("owner");
    let h = home.path();
    let bob = user_id(h, "bob");
    let owner_row = saved_rows(h, "project_members", &format!("user_id = '{bob}'"));
    add_member(h, "alice", "api", "bob", "viewer");
    let api = project_id(h, "api");
    // The old row back, the list that would refuse it gone, and the file dressed up as one
    // migrated from format 1 (whose scopes may lack a list until an owner unlocks).
    put_back(h, &owner_row);
    store_sql(
        h,
        &format!(
            "DELETE FROM heads WHERE scope = 'project:{api}'; \
             INSERT INTO meta(key, value) VALUES ('migrated_from_1', X'00');"
        ),
    );
    // On another computer, which never saw the list: the file says it was made at format 2.
    let other = second_computer(h);
    as_user(other.path(), "bob")
        .args(["project", "member", "add", "api", "carol", "--role", "owner"])
        .assert()
        .code(7)
        .stderr(contains("the members of project 'api' (its signed list of members is missing) failed to verify"));
    // Moving the roster-bound boundary to pose as a migrated file breaks the roster's list.
    store_sql(other.path(), "UPDATE meta SET value = X'0000000000000005' WHERE key = 'audit_signed_from'");
    as_user(other.path(), "bob")
        .args(["project", "member", "add", "api", "carol", "--role", "owner"])
        .assert()
        .code(7)
        .stderr(contains("the roster (what its list binds was changed) failed to verify"));
    assert_eq!(grant_count(other.path(), "api", "carol"), 0);
}
