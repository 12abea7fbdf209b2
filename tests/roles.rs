//! Project roles in a team vault (issue 4), driven through the binary with two or three users:
//! what a viewer, an editor and an owner may do, non-members, and removing a member (which
//! rotates the project's key) or leaving.
//!
//! Every refusal checks the exit code, that stderr names who lacks which role, and that nothing
//! changed (`vault_state`, which leaves out the audit log a refusal appends to).

mod common;

use common::team::*;
use common::*;

#[test]
fn a_viewer_reads_and_runs_but_cannot_create_edit_delete_or_add_members() {
    let home = api_team();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "viewer");
    assert_eq!(reveal_as(h, "bob", "api", "API_KEY"), API_VALUE);
    assert_eq!(run_sh(h, "bob", "api", "printf %s \"$API_KEY\""), API_VALUE);

    let before = vault_state(h);
    let new_value = "viewer-wrote-this-3e8a";
    let denied = |args: &[&str], stdin: Option<&str>, doing: &str, need: &str| {
        let mut cmd = as_user(h, "bob");
        cmd.args(args);
        if let Some(s) = stdin {
            cmd.write_stdin(s);
        }
        cmd.assert()
            .code(6)
            .stdout("")
            .stderr(format!("vault: error: user 'bob' is a viewer of project 'api'; {doing} needs {need}\n"));
        assert_unchanged(h, &before);
    };
    denied(&["secret", "create", "NEW_ONE", "--project", "api"], Some(new_value), "creating a secret", "an editor");
    denied(
        &["secret", "edit", "API_KEY", "--project", "api", "--value-stdin"],
        Some(new_value),
        "editing a secret",
        "an editor",
    );
    denied(
        &["secret", "edit", "API_KEY", "--project", "api", "--description", "x"],
        None,
        "editing a secret",
        "an editor",
    );
    denied(&["secret", "delete", "API_KEY", "--project", "api", "--yes"], None, "deleting a secret", "an editor");
    denied(
        &["secret", "rollback", "API_KEY", "--project", "api", "--version", "1"],
        None,
        "rolling back a secret",
        "an editor",
    );
    denied(&["project", "member", "add", "api", "carol", "--role", "viewer"], None, "adding members", "an owner");
    denied(&["project", "member", "remove", "api", "alice"], None, "removing members", "an owner");
    denied(&["project", "edit", "api", "--description", "mine"], None, "editing the project", "an owner");
    assert_absent(h, new_value.as_bytes());
    assert_eq!(reveal(h, "api", "API_KEY"), API_VALUE.as_bytes());
}

#[test]
fn an_editor_manages_secrets_but_not_members_and_authors_are_recorded() {
    let home = api_team();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "editor");
    create_secret_as(h, "bob", "api", "BOB_TOKEN", "bob-token-v1-51aa");
    as_user(h, "bob")
        .args(["secret", "edit", "API_KEY", "--project", "api", "--value-stdin"])
        .write_stdin("api-key-v2-by-bob-77")
        .assert()
        .success()
        .stderr("updated secret 'API_KEY' in project 'api' (version 2)\n");
    assert_eq!(reveal(h, "api", "API_KEY"), b"api-key-v2-by-bob-77");

    // Creator and modifier per secret, author per version.
    let list = list_json_as(h, "alice", "api");
    let api = list.iter().find(|s| s["name"] == "API_KEY").unwrap();
    assert_eq!(api["created_by"], "alice");
    assert_eq!(api["modified_by"], "bob");
    assert_eq!(api["version"], 2);
    let bob_token = list.iter().find(|s| s["name"] == "BOB_TOKEN").unwrap();
    assert_eq!(bob_token["created_by"], "bob");
    let a = alice(h).args(["secret", "history", "API_KEY", "--project", "api", "--json"]).assert().success();
    let hist = json(&a.get_output().stdout);
    let authors: Vec<&str> = hist.as_array().unwrap().iter().map(|v| v["author"].as_str().unwrap()).collect();
    assert_eq!(authors, ["alice", "bob"]);

    as_user(h, "bob")
        .args(["secret", "delete", "BOB_TOKEN", "--project", "api", "--yes"])
        .assert()
        .success()
        .stderr("deleted secret 'BOB_TOKEN' from project 'api'\n");
    assert_eq!(names_in(h, "alice", "api"), ["API_KEY"]);

    let before = vault_state(h);
    for (args, doing) in [
        (vec!["project", "member", "add", "api", "carol", "--role", "viewer"], "adding members"),
        (vec!["project", "member", "remove", "api", "alice"], "removing members"),
        (vec!["project", "delete", "api", "--yes"], "deleting the project"),
    ] {
        as_user(h, "bob")
            .args(&args)
            .assert()
            .code(6)
            .stdout("")
            .stderr(format!("vault: error: user 'bob' is an editor of project 'api'; {doing} needs an owner\n"));
        assert_unchanged(h, &before);
    }
    assert_eq!(grant_count(h, "api", "carol"), 0);
}

#[test]
fn an_owner_adds_changes_and_removes_members() {
    let home = api_team();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "owner");
    add_member(h, "bob", "api", "carol", "viewer");
    assert_eq!(reveal_as(h, "carol", "api", "API_KEY"), API_VALUE);
    let a = as_user(h, "carol").args(["project", "member", "list", "api", "--json"]).assert().success();
    assert_eq!(
        json(&a.get_output().stdout),
        serde_json::json!([
            {"user": "alice", "role": "owner"},
            {"user": "bob", "role": "owner"},
            {"user": "carol", "role": "viewer"},
        ])
    );
    let a = alice(h).args(["project", "member", "list", "api"]).assert().success();
    let out = stdout_of(&a);
    assert_columns(out.lines().next().unwrap(), &["USER", "ROLE"]);
    assert!(out.lines().any(|l| row_matches(l, &["carol", "viewer"])), "{out}");

    // Promote carol to editor: she can now create.
    add_member(h, "bob", "api", "carol", "editor");
    create_secret_as(h, "carol", "api", "CAROL_KEY", "carol-key-0f0f0f");

    // An owner cannot change their own role.
    as_user(h, "bob")
        .args(["project", "member", "add", "api", "bob", "--role", "viewer"])
        .assert()
        .code(2)
        .stderr("vault: error: you cannot change your own role; ask another owner\n");

    as_user(h, "bob")
        .args(["project", "member", "remove", "api", "carol"])
        .assert()
        .success()
        .stderr("removed 'carol' from project 'api'; its keys were rotated\n");
    let out = as_user(h, "carol")
        .args(["secret", "get", "API_KEY", "--project", "api", "--reveal"])
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'carol' is not a member of project 'api'\n")
        .get_output()
        .clone();
    assert_no_value(&out, &[API_VALUE]);
}

#[test]
fn a_non_member_gets_exit_6_on_list_get_show_run_and_create() {
    let home = api_team();
    let h = home.path();
    let before = vault_state(h);
    let not_member = "vault: error: user 'carol' is not a member of project 'api'\n";
    for args in [
        vec!["secret", "list", "--project", "api"],
        vec!["secret", "list", "--project", "api", "--reveal"],
        vec!["secret", "get", "API_KEY", "--project", "api", "--reveal"],
        vec!["secret", "show", "API_KEY", "--project", "api"],
        vec!["secret", "history", "API_KEY", "--project", "api"],
        vec!["export", "--project", "api", "--reveal"],
        vec!["project", "show", "api"],
        vec!["run", "--project", "api", "--no-mask", "--", "env"],
    ] {
        let out = as_user(h, "carol").args(&args).assert().code(6).stdout("").stderr(not_member).get_output().clone();
        assert_no_value(&out, &[API_VALUE]);
    }
    as_user(h, "carol")
        .args(["secret", "create", "SNEAKY", "--project", "api"])
        .write_stdin("carol-sneaky-value")
        .assert()
        .code(6)
        .stderr(not_member);
    assert_unchanged(h, &before);
    // Her project list does not show it.
    as_user(h, "carol").args(["project", "list", "--json"]).assert().success().stdout("[]\n");
}

#[test]
fn removing_a_member_rekeys_the_project_and_later_reads_exit_6() {
    let home = api_team();
    let h = home.path();
    alice(h)
        .args(["secret", "edit", "API_KEY", "--project", "api", "--value-stdin"])
        .write_stdin("api-key-v2-aa11")
        .assert()
        .success();
    create_secret(h, "api", "SECOND", "second-value-5d5d");
    add_member(h, "alice", "api", "bob", "viewer");
    assert_eq!(reveal_as(h, "bob", "api", "API_KEY"), "api-key-v2-aa11");

    let epoch = key_epoch(h, "api");
    let deks = [wrapped_dek(h, "api", "API_KEY"), wrapped_dek(h, "api", "SECOND")];
    let sealed = sealed_versions(h, "api", "API_KEY");
    let alice_wrap = one(h, "SELECT hex(m.wrapped_key) FROM project_members m JOIN users u ON u.id = m.user_id WHERE u.name = 'alice' AND m.project_id = (SELECT id FROM projects WHERE name = 'api')");
    alice(h)
        .args(["project", "member", "remove", "api", "bob"])
        .assert()
        .success()
        .stdout("")
        .stderr("removed 'bob' from project 'api'; its keys were rotated\n");

    // The project key moved to a new epoch, re-wrapped to alice; each secret got a new data key
    // and every version was re-sealed under it.
    assert_eq!(key_epoch(h, "api"), epoch + 1);
    assert_eq!(grant_count(h, "api", "bob"), 0);
    assert_eq!(
        one(h, "SELECT key_epoch FROM project_members WHERE project_id = (SELECT id FROM projects WHERE name = 'api')"),
        (epoch + 1).to_string()
    );
    let alice_wrap_after = one(h, "SELECT hex(m.wrapped_key) FROM project_members m JOIN users u ON u.id = m.user_id WHERE u.name = 'alice' AND m.project_id = (SELECT id FROM projects WHERE name = 'api')");
    assert_ne!(alice_wrap, alice_wrap_after);
    assert_ne!(wrapped_dek(h, "api", "API_KEY"), deks[0]);
    assert_ne!(wrapped_dek(h, "api", "SECOND"), deks[1]);
    let sealed_after = sealed_versions(h, "api", "API_KEY");
    assert_eq!(sealed_after.lines().count(), 2);
    for (old, new) in sealed.lines().zip(sealed_after.lines()) {
        assert_ne!(old, new, "a version was not re-sealed");
    }
    assert_eq!(
        one(h, "SELECT count(*) FROM secrets WHERE key_epoch != (SELECT key_epoch FROM projects WHERE name = 'api') AND project_id = (SELECT id FROM projects WHERE name = 'api')"),
        "0"
    );

    for args in [
        vec!["secret", "get", "API_KEY", "--project", "api", "--reveal"],
        vec!["secret", "list", "--project", "api"],
        vec!["run", "--project", "api", "--no-mask", "--", "env"],
    ] {
        let out = as_user(h, "bob")
            .args(&args)
            .assert()
            .code(6)
            .stdout("")
            .stderr("vault: error: user 'bob' is not a member of project 'api'\n")
            .get_output()
            .clone();
        assert_no_value(&out, &["api-key-v2-aa11", API_VALUE, "second-value-5d5d"]);
    }
    // Alice still reads every version under the new keys.
    assert_eq!(reveal(h, "api", "API_KEY"), b"api-key-v2-aa11");
    assert_eq!(reveal(h, "api", "SECOND"), b"second-value-5d5d");
    alice(h).args(["secret", "rollback", "API_KEY", "--project", "api", "--version", "1"]).assert().success();
    assert_eq!(reveal(h, "api", "API_KEY"), API_VALUE.as_bytes());
}

#[test]
fn a_member_may_leave_on_their_own() {
    let home = api_team();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "viewer");
    as_user(h, "bob").args(["project", "member", "remove", "api", "bob"]).assert().success();
    assert_eq!(grant_count(h, "api", "bob"), 0);
    as_user(h, "bob").args(["secret", "list", "--project", "api"]).assert().code(6);
    // The last owner cannot leave.
    alice(h)
        .args(["project", "member", "remove", "api", "alice"])
        .assert()
        .code(4)
        .stderr("vault: error: 'alice' is the last owner of project 'api'; add another owner first\n");
}
