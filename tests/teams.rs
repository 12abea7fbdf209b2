//! Teams in one vault (issue 4), driven through the binary with two or three users: adding
//! users, pending and active accounts, project roles, members and key rotation, private and
//! write-only secrets, communities and sharing, removing users.
//!
//! Every refusal checks the exit code, that stderr names who lacks which role, and that nothing
//! changed (`vault_state`, which leaves out the audit log a refusal appends to).

mod common;

use std::path::Path;

use common::team::*;
use common::*;
use predicates::str::contains;

/// `user`'s `secret list` names for `project`, in order.
fn names_in(home: &Path, user: &str, project: &str) -> Vec<String> {
    list_json_as(home, user, project).iter().map(|s| s["name"].as_str().expect("name").to_owned()).collect()
}

/// Runs `sh -c script` under `vault run --project P --no-mask` as `user`; returns stdout.
fn run_sh(home: &Path, user: &str, project: &str, script: &str) -> String {
    let a = as_user(home, user)
        .args(["run", "--project", project, "--no-mask", "--", "sh", "-c", script])
        .assert()
        .success();
    stdout_of(&a)
}

/// `user list --json` as alice.
fn users_json(home: &Path) -> Vec<serde_json::Value> {
    let a = alice(home).args(["user", "list", "--json"]).assert().success();
    match json(&a.get_output().stdout) {
        serde_json::Value::Array(a) => a,
        other => panic!("user list --json: {other}"),
    }
}

fn user_entry(home: &Path, name: &str) -> serde_json::Value {
    users_json(home).into_iter().find(|u| u["name"] == name).unwrap_or_else(|| panic!("no user {name}"))
}

// ---- users ----

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

// ---- roles ----

const API_VALUE: &str = "api-key-7c1f0e9d2b";

/// alice, bob, carol; project `api` (alice owner) holding API_KEY.
fn api_team() -> tempfile::TempDir {
    let home = team(&["bob", "carol"]);
    create_project(home.path(), "api");
    create_secret(home.path(), "api", "API_KEY", API_VALUE);
    home
}

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

// ---- private secrets ----

#[test]
fn private_secrets_are_invisible_to_everyone_else_the_admin_included() {
    let home = team(&["bob"]);
    let h = home.path();
    let bob_value = "bob-private-token-93c1";
    as_user(h, "bob")
        .args(["secret", "create", "MY_TOKEN", "--private"])
        .write_stdin(bob_value)
        .assert()
        .success()
        .stderr(contains("created secret 'MY_TOKEN' in project '@bob'"));
    alice(h)
        .args(["secret", "create", "ALICE_TOKEN", "--private"])
        .write_stdin("alice-private-4f4f")
        .assert()
        .success();

    // Alice (the vault admin) lists only her own.
    let a = alice(h).args(["secret", "list", "--private", "--json", "--reveal"]).assert().success();
    let mine = json(&a.get_output().stdout);
    let names: Vec<&str> = mine.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["ALICE_TOKEN"]);
    let mut outs = vec![a.get_output().clone()];
    outs.push(
        alice(h)
            .args(["secret", "get", "MY_TOKEN", "--private", "--reveal"])
            .assert()
            .code(3)
            .stdout("")
            // Only the first line: the hint's wording is a known bug (tests/secret.rs).
            .stderr(predicates::str::starts_with(
                "vault: error: secret 'MY_TOKEN' not found in project 'your private secrets'\n",
            ))
            .get_output()
            .clone(),
    );
    // Bob's personal project cannot be named, listed or joined.
    for args in [
        vec!["secret", "list", "--project", "@bob", "--reveal"],
        vec!["secret", "get", "MY_TOKEN", "--project", "@bob", "--reveal"],
        vec!["project", "member", "add", "@bob", "alice", "--role", "viewer"],
        vec!["run", "--project", "@bob", "--no-mask", "--", "env"],
    ] {
        outs.push(
            alice(h)
                .args(&args)
                .assert()
                .code(3)
                .stdout("")
                .stderr(contains("vault: error: project '@bob' not found"))
                .get_output()
                .clone(),
        );
    }
    outs.push(alice(h).args(["run", "--private", "--no-mask", "--", "env"]).assert().success().get_output().clone());
    outs.push(alice(h).args(["project", "list", "--json"]).assert().success().get_output().clone());
    for o in &outs {
        assert_no_value(o, &[bob_value]);
    }
    // Only bob holds a grant of his personal project.
    assert_eq!(
        one(h, "SELECT group_concat(u.name) FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = (SELECT id FROM projects WHERE name = '@bob')"),
        "bob"
    );
    assert_eq!(
        as_user(h, "bob")
            .args(["secret", "get", "MY_TOKEN", "--private", "--reveal"])
            .assert()
            .success()
            .get_output()
            .stdout,
        bob_value.as_bytes()
    );
    assert_absent(h, bob_value.as_bytes());
}

// ---- write-only secrets ----

#[test]
fn write_only_secrets_reach_programs_but_nobody_can_read_them() {
    let home = api_team();
    let h = home.path();
    add_member(h, "alice", "api", "bob", "editor");
    let value = "deploy-key-wo-6a0b71c2";
    as_user(h, "bob")
        .args(["secret", "create", "DEPLOY_KEY", "--project", "api", "--write-only"])
        .write_stdin(value)
        .assert()
        .success();
    let before = vault_state(h);
    let mut outs = Vec::new();
    for user in ["bob", "alice"] {
        let refuse = |args: &[&str], doing: &str| {
            as_user(h, user)
                .args(args)
                .assert()
                .code(6)
                .stdout("")
                .stderr(format!(
                    "vault: error: user '{user}' cannot {doing} secret 'DEPLOY_KEY': it is write-only (it reaches programs only through `vault run`)\n"
                ))
                .get_output()
                .clone()
        };
        outs.push(refuse(&["secret", "get", "DEPLOY_KEY", "--project", "api", "--reveal"], "reveal"));
        outs.push(refuse(&["secret", "show", "DEPLOY_KEY", "--project", "api", "--reveal"], "reveal"));
        outs.push(refuse(
            &["secret", "clone", "DEPLOY_KEY", "--project", "api", "--to-project", "api", "--name", "COPY_KEY"],
            "clone",
        ));
        outs.push(
            as_user(h, user)
                .args(["export", "--project", "api", "--reveal"])
                .assert()
                .code(6)
                .stdout("")
                .stderr(format!(
                    "vault: error: user '{user}' cannot export secret 'DEPLOY_KEY' in clear: it is write-only\n"
                ))
                .get_output()
                .clone(),
        );
    }
    assert_unchanged(h, &before);

    // Listings show it as write-only, never its value.
    let a = alice(h).args(["secret", "list", "--project", "api", "--reveal"]).assert().success();
    assert!(
        stdout_of(&a).lines().any(|l| row_matches(l, &["DEPLOY_KEY", r"\*\*\* \(write-only\).*"])),
        "{}",
        stdout_of(&a)
    );
    outs.push(a.get_output().clone());
    let a = alice(h).args(["secret", "list", "--project", "api", "--reveal", "--json"]).assert().success();
    let list = json(&a.get_output().stdout);
    let wo = list.as_array().unwrap().iter().find(|s| s["name"] == "DEPLOY_KEY").unwrap().clone();
    assert_eq!(wo["write_only"], true);
    assert!(wo.get("value").is_none(), "{wo}");
    outs.push(a.get_output().clone());

    // `vault run` injects it; --no-mask still masks it.
    let a = as_user(h, "bob")
        .args([
            "run",
            "--project",
            "api",
            "--no-mask",
            "--",
            "sh",
            "-c",
            "echo \"k=$DEPLOY_KEY\"; echo \"len=${#DEPLOY_KEY}\"",
        ])
        .assert()
        .success();
    assert_eq!(stdout_of(&a), format!("k=***\nlen={}\n", value.len()));
    outs.push(a.get_output().clone());

    // A new value keeps it write-only; the flag cannot be taken away.
    as_user(h, "bob")
        .args(["secret", "edit", "DEPLOY_KEY", "--project", "api", "--value-stdin"])
        .write_stdin("deploy-key-wo-v2-99")
        .assert()
        .success();
    assert_eq!(list_json_as(h, "alice", "api").iter().find(|s| s["name"] == "DEPLOY_KEY").unwrap()["write_only"], true);
    as_user(h, "bob").args(["secret", "get", "DEPLOY_KEY", "--project", "api", "--reveal"]).assert().code(6);
    as_user(h, "bob")
        .args(["secret", "edit", "DEPLOY_KEY", "--project", "api", "--no-write-only"])
        .assert()
        .code(2)
        .stderr(contains("--no-write-only"));

    // An ordinary secret made write-only by edit is refused from then on.
    alice(h)
        .args(["secret", "edit", "API_KEY", "--project", "api", "--write-only", "--description", "now write-only"])
        .assert()
        .success();
    alice(h)
        .args(["secret", "get", "API_KEY", "--project", "api", "--reveal"])
        .assert()
        .code(6)
        .stderr(contains("cannot reveal secret 'API_KEY': it is write-only"));
    for o in &outs {
        assert_no_value(o, &[value, "deploy-key-wo-v2-99"]);
    }
    assert_absent(h, value.as_bytes());
}

// Was a bug at d89d6fd: `--write-only` alone exited 2 "nothing to change".
#[test]
fn edit_with_only_write_only_makes_a_secret_write_only() {
    let home = api_team();
    let h = home.path();
    alice(h)
        .args(["secret", "edit", "API_KEY", "--project", "api", "--write-only"])
        .assert()
        .success()
        .stderr("updated secret 'API_KEY' in project 'api' (version 1)\n");
    alice(h)
        .args(["secret", "get", "API_KEY", "--project", "api", "--reveal"])
        .assert()
        .code(6)
        .stdout("")
        .stderr(
            "vault: error: user 'alice' cannot reveal secret 'API_KEY': it is write-only (it reaches programs only through `vault run`)\n",
        );
}

// ---- communities and sharing ----

const S3_V1: &str = "s3-key-shared-v1-0c4e";
const S3_V2: &str = "s3-key-shared-v2-8d2a";
const LAB_S3: &str = "lab-own-s3-value-61f7";

#[test]
fn sharing_into_a_community_end_to_end() {
    let home = team(&["bob", "carol"]);
    let h = home.path();
    alice(h)
        .args(["community", "create", "research", "--description", "ML research"])
        .assert()
        .success()
        .stderr(contains("created community 'research' (id "))
        .stderr(contains("you are its admin"));
    alice(h)
        .args(["community", "member", "add", "research", "bob"])
        .assert()
        .success()
        .stderr("'bob' is now a member of community 'research'\n");
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    alice(h).args(["project", "create", "lab", "--community", "research"]).assert().success();
    create_secret(h, "vision", "S3_KEY", S3_V1);
    add_member(h, "alice", "lab", "bob", "editor");
    add_member(h, "alice", "lab", "carol", "viewer");
    assert!(names_in(h, "bob", "lab").is_empty());

    alice(h)
        .args(["secret", "share", "S3_KEY", "--project", "vision", "--community", "research"])
        .assert()
        .success()
        .stdout("")
        .stderr("shared secret 'S3_KEY' of project 'vision' with community 'research'\n");
    let a = alice(h).args(["community", "show", "research"]).assert().success();
    let show = stdout_of(&a);
    assert!(show.lines().any(|l| matches(r"^Shared secrets:\s+S3_KEY \(from vision\)$", l)), "{show}");
    assert!(show.lines().any(|l| matches(r"^Projects:\s+(lab, vision|vision, lab)$", l)), "{show}");
    assert!(show.lines().any(|l| matches(r"^Members:\s+alice \(admin\), bob$", l)), "{show}");
    let a = alice(h).args(["secret", "list", "--project", "vision"]).assert().success();
    assert!(
        stdout_of(&a).lines().any(|l| row_matches(l, &["S3_KEY", r"\*\*\*", "with research.*"])),
        "{}",
        stdout_of(&a)
    );

    // Bob (community member, lab editor, not in vision) sees it in lab, read-only.
    let list = list_json_as(h, "bob", "lab");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["name"], "S3_KEY");
    assert_eq!(list[0]["project"], "lab");
    assert_eq!(list[0]["shared_from"], "vision");
    assert!(list[0].get("value").is_none());
    let a = as_user(h, "bob").args(["secret", "list", "--project", "lab"]).assert().success();
    assert!(
        stdout_of(&a)
            .lines()
            .any(|l| row_matches(l, &["S3_KEY", r"\*\*\*", r"from vision \(read-only, not accepted\)", "alice.*"])),
        "{}",
        stdout_of(&a)
    );
    assert_eq!(list[0]["accepted_as"], serde_json::Value::Null);
    assert_eq!(reveal_as(h, "bob", "lab", "S3_KEY"), S3_V1);
    // Not accepted in lab yet: its programs do not get it.
    assert_eq!(run_sh(h, "bob", "lab", "test -z \"${S3_KEY+x}\" && echo unset"), "unset\n");
    // Carol is only a viewer of lab: she cannot accept it for lab's programs.
    as_user(h, "carol")
        .args(["secret", "accept", "S3_KEY", "--project", "lab"])
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'carol' is a viewer of project 'lab'; accepting a shared secret needs an editor\n");
    as_user(h, "bob")
        .args(["secret", "accept", "S3_KEY", "--project", "lab"])
        .assert()
        .success()
        .stdout("")
        .stderr("accepted secret 'S3_KEY' shared from project 'vision': programs of 'lab' get it as S3_KEY\n");
    assert_eq!(list_json_as(h, "bob", "lab")[0]["accepted_as"], "S3_KEY");
    as_user(h, "bob")
        .args(["secret", "get", "S3_KEY", "--project", "vision", "--reveal"])
        .assert()
        .code(6)
        .stderr("vault: error: user 'bob' is not a member of project 'vision'\n");
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$S3_KEY\""), S3_V1);

    // Read-only in lab, even for an editor of lab.
    let before = vault_state(h);
    let read_only = "vault: error: user 'bob' cannot change secret 'S3_KEY' in project 'lab': it is shared from project 'vision' and read-only here\n";
    as_user(h, "bob")
        .args(["secret", "edit", "S3_KEY", "--project", "lab", "--value-stdin"])
        .write_stdin("bob-overwrote-it-1234")
        .assert()
        .code(6)
        .stdout("")
        .stderr(read_only);
    as_user(h, "bob")
        .args(["secret", "delete", "S3_KEY", "--project", "lab", "--yes"])
        .assert()
        .code(6)
        .stderr(read_only);
    as_user(h, "bob")
        .args(["secret", "rollback", "S3_KEY", "--project", "lab", "--version", "1"])
        .assert()
        .code(6)
        .stderr(read_only);
    assert_unchanged(h, &before);
    assert_absent(h, b"bob-overwrote-it-1234");

    // Carol is in lab but not in the community: she does not see it.
    assert!(names_in(h, "carol", "lab").is_empty());
    as_user(h, "carol").args(["secret", "get", "S3_KEY", "--project", "lab", "--reveal"]).assert().code(3).stdout("");
    let out = as_user(h, "carol")
        .args(["run", "--project", "lab", "--no-mask", "--", "env"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_value(&out, &[S3_V1]);

    // Edits in its home reach the community at once, with no re-share.
    alice(h)
        .args(["secret", "edit", "S3_KEY", "--project", "vision", "--value-stdin"])
        .write_stdin(S3_V2)
        .assert()
        .success();
    assert_eq!(reveal_as(h, "bob", "lab", "S3_KEY"), S3_V2);
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$S3_KEY\""), S3_V2);

    // A project secret of the same env name wins over the shared one.
    as_user(h, "bob")
        .args(["secret", "create", "LAB_S3", "--project", "lab", "--env-name", "S3_KEY"])
        .write_stdin(LAB_S3)
        .assert()
        .success();
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$S3_KEY\""), LAB_S3);
    as_user(h, "bob").args(["secret", "delete", "LAB_S3", "--project", "lab", "--yes"]).assert().success();
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$S3_KEY\""), S3_V2);

    // Unsharing hides it and rotates its data key (every version re-sealed).
    let dek = wrapped_dek(h, "vision", "S3_KEY");
    let sealed = sealed_versions(h, "vision", "S3_KEY");
    alice(h)
        .args(["secret", "unshare", "S3_KEY", "--project", "vision"])
        .assert()
        .success()
        .stderr("secret 'S3_KEY' is no longer shared with community 'research'; its data key was rotated\n");
    assert_ne!(wrapped_dek(h, "vision", "S3_KEY"), dek);
    let sealed_after = sealed_versions(h, "vision", "S3_KEY");
    for (old, new) in sealed.lines().zip(sealed_after.lines()) {
        assert_ne!(old, new, "a version kept the old data key");
    }
    assert_eq!(one(h, "SELECT count(*) FROM secret_shares"), "0");
    assert!(names_in(h, "bob", "lab").is_empty());
    as_user(h, "bob")
        .args(["secret", "get", "S3_KEY", "--project", "lab", "--reveal"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("vault: error: secret 'S3_KEY' not found in project 'lab'"));
    assert_eq!(run_sh(h, "bob", "lab", "test -z \"${S3_KEY+x}\" && echo unset"), "unset\n");
    assert_eq!(reveal(h, "vision", "S3_KEY"), S3_V2.as_bytes());
    assert_absent(h, S3_V2.as_bytes());
}

#[test]
fn only_a_community_admin_shares_and_unshares() {
    let home = team(&["bob", "carol"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["community", "member", "add", "research", "bob"]).assert().success();
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    create_secret(h, "vision", "S3_KEY", S3_V1);
    add_member(h, "alice", "vision", "bob", "owner");
    add_member(h, "alice", "vision", "carol", "owner");

    let before = vault_state(h);
    as_user(h, "bob")
        .args(["secret", "share", "S3_KEY", "--project", "vision"])
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'bob' is a member but not an admin of community 'research'; sharing a secret needs a community admin\n");
    as_user(h, "carol")
        .args(["secret", "share", "S3_KEY", "--project", "vision"])
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'carol' is not a member of community 'research'\n");
    as_user(h, "bob")
        .args(["community", "member", "add", "research", "carol"])
        .assert()
        .code(6)
        .stderr("vault: error: user 'bob' is a member but not an admin of community 'research'; adding members needs a community admin\n");
    assert_unchanged(h, &before);

    alice(h).args(["secret", "share", "S3_KEY", "--project", "vision"]).assert().success();
    let before = vault_state(h);
    as_user(h, "bob")
        .args(["secret", "unshare", "S3_KEY", "--project", "vision"])
        .assert()
        .code(6)
        .stderr("vault: error: user 'bob' is a member but not an admin of community 'research'; unsharing a secret needs a community admin\n");
    assert_unchanged(h, &before);

    // Made an admin, bob can.
    alice(h)
        .args(["community", "member", "add", "research", "bob", "--admin"])
        .assert()
        .success()
        .stderr("'bob' is now an admin of community 'research'\n");
    as_user(h, "bob").args(["secret", "unshare", "S3_KEY", "--project", "vision"]).assert().success();
    as_user(h, "bob").args(["secret", "share", "S3_KEY", "--project", "vision"]).assert().success();
    // Sharing twice is a conflict.
    as_user(h, "bob").args(["secret", "share", "S3_KEY", "--project", "vision"]).assert().code(4);
}

#[test]
fn a_project_joins_a_community_with_project_edit() {
    let home = team(&["bob"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["community", "member", "add", "research", "bob"]).assert().success();
    create_project(h, "vision");
    create_project(h, "lab");
    create_secret(h, "vision", "S3_KEY", S3_V1);
    // Not linked yet: sharing says how to link.
    alice(h)
        .args(["secret", "share", "S3_KEY", "--project", "vision"])
        .assert()
        .code(2)
        .stderr("vault: error: project 'vision' belongs to no community; link it with `vault project edit vision --community C`\n");
    for p in ["vision", "lab"] {
        alice(h)
            .args(["project", "edit", p, "--community", "research"])
            .assert()
            .success()
            .stderr(format!("updated project '{p}'\n"));
    }
    alice(h).args(["secret", "share", "S3_KEY", "--project", "vision", "--community", "research"]).assert().success();
    add_member(h, "alice", "lab", "bob", "viewer");
    assert_eq!(reveal_as(h, "bob", "lab", "S3_KEY"), S3_V1);
}

// ---- removing users ----

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

/// A listing is streamed, but everything that can fail it is checked before the first line:
/// a tampered link between the project and its community fails `secret list` with nothing on
/// stdout, in JSON or as a table (never half a JSON array).
#[test]
fn a_tampered_share_fails_a_listing_before_it_prints_anything() {
    let home = team(&["bob"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    alice(h).args(["project", "create", "lab", "--community", "research"]).assert().success();
    create_secret(h, "vision", "S3_KEY", S3_V1);
    create_secret(h, "lab", "AAA_OWN", LAB_S3);
    alice(h).args(["secret", "share", "S3_KEY", "--project", "vision", "--community", "research"]).assert().success();
    assert_eq!(list_json_as(h, "alice", "lab").len(), 2);

    let sig = one(h, "SELECT hex(community_sig) FROM projects WHERE name = 'lab'");
    let flipped = format!("{}{}", &sig[..sig.len() - 1], if sig.ends_with('0') { "1" } else { "0" });
    let update = format!("UPDATE projects SET community_sig = X'{flipped}' WHERE name = 'lab'; SELECT changes()");
    assert_eq!(one(h, &update), "1");
    for json in [true, false] {
        let mut cmd = alice(h);
        cmd.args(["secret", "list", "--project", "lab"]);
        if json {
            cmd.arg("--json");
        }
        cmd.assert().code(7).stdout("").stderr(contains("vault: error:"));
    }
}
