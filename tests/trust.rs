//! The attacks of the format 2 security review, one test each, driven through the binary. On the
//! release before format 2 each attack worked (a value leaked, a child ran, a refused user
//! acted, an event vanished) and its test fails; the demoted-admin case is a guard that held then
//! too:
//!
//! - a: a secret shared into a community reaches another project's `vault run` and `vault export`
//!   only once an owner or editor there accepts it, under the env name they chose; a change of
//!   name or env name at home drops the acceptance; no path gives it a dangerous env name.
//! - b: import, rename and clone apply the same env-name policy as create; a dangerous name
//!   written into the file is refused by `run` and `export`.
//! - c: a removed user's session is refused at once; a demoted admin's session adds nobody.
//! - d: a trigger, view or index slipped into the file is exit 7 for every command; an audit
//!   event whose signature is removed or copied fails `audit --verify`; a reveal whose audit
//!   event cannot be written shows no value.
//! - e: two secrets whose names were swapped in the file are exit 7, in their project and in a
//!   project they are shared into; neither value is printed.
//!
//! Like tests/attacks.rs, the attacker edits the SQLite file with the sqlite3 CLI, as anyone who
//! can write it (a co-user included) could. Every refusal checks the exit code, stderr (exact
//! where the message is ours), that no value appears on stdout or stderr, and, where nothing may
//! change, `assert_unchanged`.

mod common;

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use common::team::*;
use common::*;
use predicates::prelude::*;
use predicates::str::contains;
use tempfile::TempDir;

const SHARED: &str = "beta-shared-value-3c9e1d";
const GAMMA: &str = "gamma-own-value-71ab04";
const API: &str = "api-value-e41f0a";
const OTHER: &str = "other-value-9d27c5";
const RESTORE_HINT: &str = "vault: hint: restore the vault from a backup; nothing was changed\n";

/// Names every path must refuse: each makes git, a pager or an HTTP client run code or send
/// traffic where the secret's writer wants.
const DANGEROUS: &[&str] = &["GIT_EXTERNAL_DIFF", "GIT_CONFIG_COUNT", "PAGER", "HTTPS_PROXY", "https_proxy"];

fn tampered(what: &str) -> String {
    format!("vault: error: {what} failed to verify; the vault was damaged or edited\n{RESTORE_HINT}")
}

fn bad_env(name: &str) -> String {
    format!(
        "vault: error: invalid env var name '{name}': it would change how programs start or what vault unlocks \
         with (loader, shell, interpreter or vault settings); choose another env name\n"
    )
}

/// Fails if a value of this file, a panic or a started child (`echo child-started`) shows in
/// any of `outs`.
fn assert_clean(outs: &[Output]) {
    for o in outs {
        assert_no_value(o, &[SHARED, GAMMA, API, OTHER, "child-started"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// `cmd`, asserted to exit `code` with nothing on stdout and exactly `stderr`.
fn refused(mut cmd: Command, code: i32, stderr: &str) -> Output {
    cmd.assert().code(code).stdout("").stderr(stderr.to_owned()).get_output().clone()
}

/// `vault run --project P --no-mask -- sh -c SCRIPT` as `user`, asserting success.
fn run_sh(home: &Path, user: &str, project: &str, script: &str) -> Output {
    as_user(home, user)
        .args(["run", "--project", project, "--no-mask", "--", "sh", "-c", script])
        .assert()
        .success()
        .get_output()
        .clone()
}

/// `vault export --project P --reveal --format shell` as `user`, asserting success.
fn export_shell(home: &Path, user: &str, project: &str) -> Output {
    as_user(home, user)
        .args(["export", "--project", project, "--reveal", "--format", "shell"])
        .assert()
        .success()
        .get_output()
        .clone()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// The SHARED cell of `secret list --project P` for `name`, as `user` sees it.
fn shared_cell_matches(home: &Path, user: &str, project: &str, name: &str, cell: &str) -> bool {
    let a = as_user(home, user).args(["secret", "list", "--project", project]).assert().success();
    stdout_of(&a).lines().any(|l| row_matches(l, &[name, r"\*\*\*", cell, ".*"]))
}

fn accepted_as(home: &Path, user: &str, project: &str, name: &str) -> serde_json::Value {
    let list = list_json_as(home, user, project);
    let s = list.iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("no {name} in {list:?}"));
    s.get("accepted_as").unwrap_or_else(|| panic!("no accepted_as in {s}")).clone()
}

/// A community `crew` of two projects. alice: vault admin, owner of both, admin of crew. beta
/// (editor bob, an admin of crew so he can share) holds TOOL_TOKEN, shared into crew. gamma
/// (editor carol, viewer dave; both members of crew, neither in beta) holds GAMMA_OWN.
fn crew() -> TempDir {
    let home = team(&["bob", "carol", "dave"]);
    let h = home.path();
    alice(h).args(["community", "create", "crew"]).assert().success();
    alice(h).args(["community", "member", "add", "crew", "bob", "--admin"]).assert().success();
    for u in ["carol", "dave"] {
        alice(h).args(["community", "member", "add", "crew", u]).assert().success();
    }
    for p in ["beta", "gamma"] {
        alice(h).args(["project", "create", p, "--community", "crew"]).assert().success();
    }
    add_member(h, "alice", "beta", "bob", "editor");
    add_member(h, "alice", "gamma", "carol", "editor");
    add_member(h, "alice", "gamma", "dave", "viewer");
    create_secret_as(h, "bob", "beta", "TOOL_TOKEN", SHARED);
    create_secret(h, "gamma", "GAMMA_OWN", GAMMA);
    as_user(h, "bob").args(["secret", "share", "TOOL_TOKEN", "--project", "beta"]).assert().success();
    home
}

/// What gamma's programs get: `vault run` and `vault export` leave the shared secret out
/// (gamma's own secret goes, so the commands did run).
fn gamma_gets_nothing_shared(h: &Path) {
    let run = run_sh(h, "carol", "gamma", "env");
    assert!(text(&run.stdout).lines().any(|l| l == format!("GAMMA_OWN={GAMMA}")), "{}", text(&run.stdout));
    assert_no_value(&run, &[SHARED]);
    let export = export_shell(h, "carol", "gamma");
    assert_eq!(text(&export.stdout), format!("export GAMMA_OWN='{GAMMA}'\n"));
    assert_no_value(&export, &[SHARED]);
}

// ---- a: shared secrets and env names ----

#[test]
fn a_shared_secret_reaches_another_projects_programs_only_once_accepted_there() {
    let home = crew();
    let h = home.path();
    let mut outs = Vec::new();

    // Listed in gamma, readable by its members, but not accepted: its programs never see it.
    assert_eq!(reveal_as(h, "carol", "gamma", "TOOL_TOKEN"), SHARED);
    assert_eq!(accepted_as(h, "carol", "gamma", "TOOL_TOKEN"), serde_json::Value::Null);
    assert!(shared_cell_matches(h, "carol", "gamma", "TOOL_TOKEN", r"from beta \(read-only, not accepted\)"));
    gamma_gets_nothing_shared(h);

    // A viewer of gamma cannot accept it; nobody can accept it under a dangerous name.
    let before = vault_state(h);
    let mut dave = as_user(h, "dave");
    dave.args(["secret", "accept", "TOOL_TOKEN", "--project", "gamma"]);
    outs.push(refused(
        dave,
        6,
        "vault: error: user 'dave' is a viewer of project 'gamma'; accepting a shared secret needs an editor\n",
    ));
    for bad in DANGEROUS {
        let mut carol = as_user(h, "carol");
        carol.args(["secret", "accept", "TOOL_TOKEN", "--project", "gamma", "--env-name", bad]);
        outs.push(refused(carol, 2, &bad_env(bad)));
    }
    assert_unchanged(h, &before);
    gamma_gets_nothing_shared(h);

    // Accepted by an editor of gamma, under the name gamma chose: only that name is set.
    as_user(h, "carol")
        .args(["secret", "accept", "TOOL_TOKEN", "--project", "gamma", "--env-name", "BETA_TOOL_TOKEN"])
        .assert()
        .success()
        .stdout("")
        .stderr(
            "accepted secret 'TOOL_TOKEN' shared from project 'beta': programs of 'gamma' get it as BETA_TOOL_TOKEN\n",
        );
    assert_eq!(accepted_as(h, "carol", "gamma", "TOOL_TOKEN"), "BETA_TOOL_TOKEN");
    assert!(shared_cell_matches(
        h,
        "carol",
        "gamma",
        "TOOL_TOKEN",
        r"from beta \(read-only, accepted as BETA_TOOL_TOKEN\)"
    ));
    let run = run_sh(h, "carol", "gamma", "printf '%s|%s' \"$BETA_TOOL_TOKEN\" \"${TOOL_TOKEN-unset}\"");
    assert_eq!(text(&run.stdout), format!("{SHARED}|unset"));
    let export = export_shell(h, "carol", "gamma");
    let lines: Vec<String> = text(&export.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.contains(&format!("export BETA_TOOL_TOKEN='{SHARED}'")), "{lines:?}");
    assert!(lines.contains(&format!("export GAMMA_OWN='{GAMMA}'")), "{lines:?}");

    // Beta's editor cannot make it set a dangerous name at home.
    let before = vault_state(h);
    for bad in DANGEROUS {
        let mut bob = as_user(h, "bob");
        bob.args(["secret", "edit", "TOOL_TOKEN", "--project", "beta", "--env-name", bad]);
        outs.push(refused(bob, 2, &bad_env(bad)));
    }
    assert_unchanged(h, &before);

    // An allowed change of env name at home drops gamma's acceptance until gamma accepts again.
    as_user(h, "bob")
        .args(["secret", "edit", "TOOL_TOKEN", "--project", "beta", "--env-name", "TOOL_TOKEN_V2"])
        .assert()
        .success();
    assert_eq!(accepted_as(h, "carol", "gamma", "TOOL_TOKEN"), serde_json::Value::Null);
    assert!(shared_cell_matches(h, "carol", "gamma", "TOOL_TOKEN", r"from beta \(read-only, not accepted\)"));
    gamma_gets_nothing_shared(h);
    as_user(h, "carol").args(["secret", "accept", "TOOL_TOKEN", "--project", "gamma"]).assert().success().stderr(
        "accepted secret 'TOOL_TOKEN' shared from project 'beta': programs of 'gamma' get it as TOOL_TOKEN_V2\n",
    );
    let run = run_sh(h, "carol", "gamma", "printf %s \"$TOOL_TOKEN_V2\"");
    assert_eq!(text(&run.stdout), SHARED);

    // So does a rename at home (the env name, no longer the name, stays TOOL_TOKEN_V2).
    as_user(h, "bob")
        .args(["secret", "edit", "TOOL_TOKEN", "--project", "beta", "--rename", "TOOL_SECRET"])
        .assert()
        .success();
    assert_eq!(accepted_as(h, "carol", "gamma", "TOOL_SECRET"), serde_json::Value::Null);
    gamma_gets_nothing_shared(h);

    // Withdrawn, it stays out as well.
    as_user(h, "carol").args(["secret", "accept", "TOOL_SECRET", "--project", "gamma"]).assert().success().stderr(
        "accepted secret 'TOOL_SECRET' shared from project 'beta': programs of 'gamma' get it as TOOL_TOKEN_V2\n",
    );
    assert_eq!(text(&run_sh(h, "carol", "gamma", "printf %s \"$TOOL_TOKEN_V2\"").stdout), SHARED);
    as_user(h, "carol")
        .args(["secret", "unaccept", "TOOL_SECRET", "--project", "gamma"])
        .assert()
        .success()
        .stderr("secret 'TOOL_SECRET' shared from project 'beta' no longer reaches programs of 'gamma'\n");
    gamma_gets_nothing_shared(h);
    assert_clean(&outs);
}

#[test]
fn a_dangerous_env_name_written_into_the_file_never_reaches_another_project() {
    let home = crew();
    let h = home.path();
    as_user(h, "carol")
        .args(["secret", "accept", "TOOL_TOKEN", "--project", "gamma", "--env-name", "BETA_TOOL_TOKEN"])
        .assert()
        .success();
    let mut outs = Vec::new();
    let started = "echo child-started";

    // The attacker points the shared secret's home env name at GIT_EXTERNAL_DIFF. The env name
    // is bound into each sealed version, so gamma's run and export fail before any child
    // starts; and gamma's acceptance was for the old env name anyway.
    store_sql(h, "UPDATE secrets SET env_name = 'GIT_EXTERNAL_DIFF' WHERE name = 'TOOL_TOKEN'");
    let before = vault_state(h);
    let version = tampered("version 1 of secret 'TOOL_TOKEN' in project 'beta'");
    let mut run = as_user(h, "carol");
    run.args(["run", "--project", "gamma", "--no-mask", "--", "sh", "-c", started]);
    outs.push(refused(run, 7, &version));
    let mut export = as_user(h, "carol");
    export.args(["export", "--project", "gamma", "--reveal", "--format", "shell"]);
    outs.push(refused(export, 7, &version));
    // Accepting it under its (new) home name is refused by the policy.
    let mut accept = as_user(h, "carol");
    accept.args(["secret", "accept", "TOOL_TOKEN", "--project", "gamma"]);
    outs.push(refused(accept, 2, &bad_env("GIT_EXTERNAL_DIFF")));
    assert_unchanged(h, &before);
    assert_eq!(accepted_as(h, "carol", "gamma", "TOOL_TOKEN"), serde_json::Value::Null);

    // Put back, the acceptance made for it holds again.
    store_sql(h, "UPDATE secrets SET env_name = 'TOOL_TOKEN' WHERE name = 'TOOL_TOKEN'");
    assert_eq!(text(&run_sh(h, "carol", "gamma", "printf %s \"$BETA_TOOL_TOKEN\"").stdout), SHARED);

    // The acceptance itself is signed: pointing it at a dangerous name is tampering.
    store_sql(h, "UPDATE secret_accepts SET env_name = 'GIT_EXTERNAL_DIFF'");
    let before = vault_state(h);
    let acceptance = tampered("the acceptance of shared secret 'TOOL_TOKEN' in project 'gamma'");
    let mut run = as_user(h, "carol");
    run.args(["run", "--project", "gamma", "--no-mask", "--", "sh", "-c", started]);
    outs.push(refused(run, 7, &acceptance));
    let mut export = as_user(h, "carol");
    export.args(["export", "--project", "gamma", "--reveal", "--format", "shell"]);
    outs.push(refused(export, 7, &acceptance));
    assert_unchanged(h, &before);
    assert_clean(&outs);
}

// ---- b: one env-name policy on every path ----

#[test]
fn import_refuses_dangerous_env_names_naming_their_lines_and_imports_nothing() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "API_KEY", API);
    let files = scratch();
    let dotenv = files.path().join("evil.env");
    std::fs::write(
        &dotenv,
        format!(
            "GOOD_ONE={OTHER}\nPATH=/tmp/evil-bin-4c1e\nexport BASH_ENV=/tmp/evil-rc-4c1e\n# a comment\n\
             LD_PRELOAD=/tmp/evil-so-4c1e.so\nGIT_ASKPASS=/tmp/evil-askpass-4c1e\nGOOD_TWO=fine\n"
        ),
    )
    .unwrap();
    let json_file = files.path().join("evil.json");
    std::fs::write(&json_file, format!("{{\"GOOD_ONE\": \"{OTHER}\", \"LD_PRELOAD\": \"/tmp/evil-so-4c1e.so\"}}"))
        .unwrap();
    let before = vault_state(h);
    let why = "it would change how programs start or what vault unlocks with (loader, shell, interpreter or vault \
               settings); choose another env name";
    let mut cmd = alice(h);
    cmd.args(["import"]).arg(&dotenv).args(["--project", "api"]);
    let mut outs = vec![refused(
        cmd,
        2,
        &format!(
            "vault: error: 4 invalid name(s), nothing imported (names: 3-63 letters, digits, '-', '_'; first a letter):\n\
             \x20 line 2: env var 'PATH': {why}\n\
             \x20 line 3: env var 'BASH_ENV': {why}\n\
             \x20 line 5: env var 'LD_PRELOAD': {why}\n\
             \x20 line 6: env var 'GIT_ASKPASS': {why}\n"
        ),
    )];
    // The same from stdin, with --overwrite, and as JSON.
    let mut cmd = alice(h);
    cmd.args(["import", "-", "--project", "api", "--overwrite"]).write_stdin(std::fs::read(&dotenv).unwrap());
    outs.push(
        cmd.assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!("line 5: env var 'LD_PRELOAD': {why}")))
            .get_output()
            .clone(),
    );
    let mut cmd = alice(h);
    cmd.arg("import").arg(&json_file).args(["--project", "api"]);
    outs.push(
        cmd.assert().code(2).stdout("").stderr(contains(format!("env var 'LD_PRELOAD': {why}"))).get_output().clone(),
    );
    assert_unchanged(h, &before);
    assert_eq!(one(h, "SELECT group_concat(name) FROM secrets"), "API_KEY");
    assert_absent(h, OTHER.as_bytes());
    assert_absent(h, b"/tmp/evil-so-4c1e.so");
    assert_clean(&outs);
}

#[test]
fn rename_and_clone_refuse_dangerous_env_names() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_project(h, "ops");
    create_secret(h, "api", "API_KEY", API);
    let before = vault_state(h);
    let mut outs = Vec::new();
    // A rename carries the env name with it (API_KEY's env name is its name).
    for bad in ["LD_PRELOAD", "ld_preload", "BASH_ENV", "GIT_SSH_COMMAND", "PAGER"] {
        let mut cmd = alice(h);
        cmd.args(["secret", "edit", "API_KEY", "--project", "api", "--rename", bad]);
        outs.push(refused(cmd, 2, &bad_env(bad)));
    }
    for bad in ["BASH_ENV", "LD_PRELOAD", "NODE_OPTIONS", "GIT_EXTERNAL_DIFF"] {
        for to in ["ops", "api"] {
            let mut cmd = alice(h);
            cmd.args(["secret", "clone", "API_KEY", "--project", "api", "--to-project", to, "--name", bad]);
            outs.push(refused(cmd, 2, &bad_env(bad)));
        }
        let mut cmd = alice(h);
        cmd.args(["secret", "clone", "API_KEY", "--project", "api", "--to-private", "--name", bad]);
        outs.push(refused(cmd, 2, &bad_env(bad)));
        let mut cmd = alice(h);
        cmd.args(["secret", "edit", "API_KEY", "--project", "api", "--env-name", bad]);
        outs.push(refused(cmd, 2, &bad_env(bad)));
    }
    assert_unchanged(h, &before);
    assert_eq!(one(h, "SELECT group_concat(name || '=' || env_name) FROM secrets"), "API_KEY=API_KEY");
    assert_clean(&outs);
}

#[test]
fn a_dangerous_env_name_written_into_the_file_is_refused_by_run_and_export() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "API_KEY", API);
    create_secret(h, "api", "OTHER_KEY", OTHER);
    store_sql(h, "UPDATE secrets SET env_name = 'LD_PRELOAD' WHERE name = 'API_KEY'");
    let before = vault_state(h);
    let mut outs = Vec::new();
    // Each sealed version binds its env name, so a value under a name written into the file
    // does not open: `run` and `export --reveal` are exit 7 before any child starts or any
    // value is written out. (A row whose value does open under a refused name can only come
    // from an older release's file; run and export check every name too.)
    let version = tampered("version 1 of secret 'API_KEY' in project 'api'");
    for script in ["echo child-started", "env"] {
        let mut cmd = alice(h);
        cmd.args(["run", "--project", "api", "--no-mask", "--", "sh", "-c", script]);
        outs.push(refused(cmd, 7, &version));
    }
    for format in ["shell", "dotenv", "json"] {
        let mut cmd = alice(h);
        cmd.args(["export", "--project", "api", "--reveal", "--format", format]);
        outs.push(refused(cmd, 7, &version));
    }
    // Masked, nothing needs to open: the export policy refuses the name itself.
    let mut cmd = alice(h);
    cmd.args(["export", "--project", "api", "--format", "shell"]);
    outs.push(refused(
        cmd,
        2,
        "vault: error: secret 'API_KEY' would set LD_PRELOAD, which vault refuses as an env name; nothing was \
         exported (rename it with `vault secret edit API_KEY --env-name NEW`)\n",
    ));
    assert_unchanged(h, &before);
    // The other secret is intact.
    assert_eq!(reveal(h, "api", "OTHER_KEY"), OTHER.as_bytes());
    assert_clean(&outs);
}

// ---- c: removed and demoted admins ----

/// `user` unlocks a session; returns its token.
fn session_token(home: &Path, user: &str) -> String {
    let a = as_user(home, user).args(["unlock", "--ttl", "10m"]).assert().success();
    let line = stdout_of(&a);
    line.trim()
        .strip_prefix("export VAULT_SESSION='")
        .and_then(|t| t.strip_suffix('\''))
        .unwrap_or_else(|| panic!("no token in {line:?}"))
        .to_owned()
}

/// `vault` acting as `user` with only a session token (no passphrase).
fn with_session(home: &Path, user: &str, token: &str) -> Command {
    let mut cmd = vault(home);
    cmd.env("VAULT_USER", user).env("VAULT_SESSION", token);
    cmd
}

/// alice adds bob as a vault admin; bob enrolls and takes a session. alice owns api (API_KEY).
fn admin_bob() -> (TempDir, String) {
    let home = init_vault();
    let h = home.path();
    let f = pass_file("bob");
    alice(h)
        .args(["user", "add", "bob", "--admin", "--kdf-memory", "8", "--kdf-iterations", "1", "--new-passphrase-file"])
        .arg(f.path())
        .assert()
        .success();
    enroll(h, "bob");
    create_project(h, "api");
    create_secret(h, "api", "API_KEY", API);
    let token = session_token(h, "bob");
    // The session works while bob is an admin.
    with_session(h, "bob", &token).args(["user", "list"]).assert().success();
    (home, token)
}

/// bob's `user add mallory [--admin]` with his session; mallory's passphrase is in `pass`.
fn add_mallory(home: &Path, token: &str, admin: bool, pass: &Path) -> Command {
    let mut cmd = with_session(home, "bob", token);
    cmd.args(["user", "add", "mallory", "--kdf-memory", "8", "--kdf-iterations", "1", "--new-passphrase-file"])
        .arg(pass);
    if admin {
        cmd.arg("--admin");
    }
    cmd
}

fn mallory_count(home: &Path) -> String {
    one(home, "SELECT count(*) FROM users WHERE name = 'mallory'")
}

#[test]
fn a_removed_admins_session_is_refused_at_once() {
    let (home, token) = admin_bob();
    let h = home.path();
    alice(h).args(["user", "remove", "bob", "--yes"]).assert().success().stderr("removed user 'bob'\n");
    // The roster says so under alice's signature: removed, and no admin.
    assert_eq!(one(h, "SELECT is_admin FROM users WHERE name = 'bob'"), "0");
    let a = alice(h).args(["user", "list", "--json"]).assert().success();
    let users = json(&a.get_output().stdout);
    let bob = users.as_array().unwrap().iter().find(|u| u["name"] == "bob").unwrap().clone();
    assert_eq!((bob["status"].as_str(), bob["admin"].as_bool()), (Some("removed"), Some(false)), "{bob}");

    // status tells bob why his session is dead.
    let a = with_session(h, "bob", &token).arg("status").assert().success();
    let status = stdout_of(&a);
    assert!(status.lines().any(|l| matches(r"^User:\s+bob \(removed\)$", l)), "{status}");
    assert!(
        status.lines().any(|l| matches(r"^Session:\s+refused: user 'bob' was removed from this vault$", l)),
        "{status}"
    );
    let a = with_session(h, "bob", &token).args(["status", "--json"]).assert().success();
    let j = json(&a.get_output().stdout);
    assert_eq!(j["session"], "refused: user 'bob' was removed from this vault");
    assert_eq!(j["removed"], true);
    assert_eq!(j["is_admin"], false);

    let before = vault_state(h);
    let dead = "vault: error: session belongs to user 'bob', who was removed from this vault\n";
    let pass = pass_file("mallory");
    let mut outs = vec![
        refused(add_mallory(h, &token, true, pass.path()), 5, dead),
        refused(add_mallory(h, &token, false, pass.path()), 5, dead),
    ];
    assert_eq!(mallory_count(h), "0");
    for args in [
        vec!["project", "list"],
        vec!["user", "list"],
        vec!["secret", "get", "API_KEY", "--project", "api", "--reveal"],
        vec!["secret", "list", "--project", "api", "--reveal"],
        vec!["run", "--project", "api", "--no-mask", "--", "env"],
        vec!["export", "--project", "api", "--reveal"],
        vec!["user", "role", "bob", "--admin"],
        vec!["project", "create", "bobs"],
        vec!["audit"],
    ] {
        let mut cmd = with_session(h, "bob", &token);
        cmd.args(&args);
        outs.push(refused(cmd, 5, dead));
    }
    assert_unchanged(h, &before);
    assert_eq!(mallory_count(h), "0");
    assert_clean(&outs);
}

#[test]
fn a_demoted_admins_session_adds_no_user() {
    let (home, token) = admin_bob();
    let h = home.path();
    alice(h).args(["user", "role", "bob", "--no-admin"]).assert().success();
    let before = vault_state(h);
    let pass = pass_file("mallory");
    let mut outs = Vec::new();
    for admin in [true, false] {
        outs.push(refused(
            add_mallory(h, &token, admin, pass.path()),
            6,
            "vault: error: user 'bob' is not a vault admin; adding a user needs the vault admin role\n",
        ));
    }
    let mut cmd = with_session(h, "bob", &token);
    cmd.args(["user", "role", "bob", "--admin"]);
    outs.push(refused(
        cmd,
        6,
        "vault: error: user 'bob' is not a vault admin; changing a user's role needs the vault admin role\n",
    ));
    assert_unchanged(h, &before);
    assert_eq!(mallory_count(h), "0");
    assert_clean(&outs);
}

/// "Removed" is an erased envelope. bob, who could read the file while he was a user, keeps a
/// copy of his envelope and writes it back after his removal: he must stay removed (his session
/// and his passphrase refused, exit 5, or the row refused as tampered, exit 7), not come back
/// as an active user whom owners may grant projects again.
#[test]
fn a_removed_users_envelope_written_back_does_not_revive_them() {
    let (home, token) = admin_bob();
    let h = home.path();
    let envelope = one(h, "SELECT hex(envelope) || '|' || hex(salt) FROM users WHERE name = 'bob'");
    let (env_hex, salt_hex) = envelope.split_once('|').unwrap();
    alice(h).args(["user", "remove", "bob", "--yes"]).assert().success();
    store_sql(h, &format!("UPDATE users SET envelope = X'{env_hex}', salt = X'{salt_hex}' WHERE name = 'bob'"));
    let before = vault_state(h);
    let mut outs = Vec::new();
    for args in [vec!["project", "list"], vec!["project", "create", "bobs"]] {
        for with_passphrase in [false, true] {
            let mut cmd = if with_passphrase { as_user(h, "bob") } else { with_session(h, "bob", &token) };
            let out = cmd.args(&args).output().unwrap();
            assert!(
                matches!(out.status.code(), Some(5 | 7)),
                "bob, removed, ran `{}` ({}): exit {:?}\nstdout: {}\nstderr: {}",
                args.join(" "),
                if with_passphrase { "passphrase" } else { "session" },
                out.status.code(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            outs.push(out);
        }
    }
    assert_unchanged(h, &before);
    assert_eq!(one(h, "SELECT count(*) FROM projects WHERE name = 'bobs'"), "0");
    // Alice does not see him as active either.
    let a = alice(h).args(["user", "list", "--json"]).assert();
    let out = a.get_output();
    if out.status.success() {
        let users = json(&out.stdout);
        let bob = users.as_array().unwrap().iter().find(|u| u["name"] == "bob").unwrap().clone();
        assert_ne!(bob["status"], "active", "{bob}");
    } else {
        assert_eq!(out.status.code(), Some(7), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_clean(&outs);
}

// ---- d: the audit log ----

/// alice and bob (viewer of api); api holds API_KEY, which both revealed: events of both users,
/// each signed.
fn audited() -> TempDir {
    let home = team(&["bob"]);
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "API_KEY", API);
    add_member(h, "alice", "api", "bob", "viewer");
    assert_eq!(reveal(h, "api", "API_KEY"), API.as_bytes());
    assert_eq!(reveal_as(h, "bob", "api", "API_KEY"), API);
    home
}

fn audit_rows(home: &Path) -> String {
    store_sql(home, "SELECT seq, user_name, action, outcome, hex(mac), hex(sig) FROM audit ORDER BY seq")
}

fn verify_broken(home: &Path, what: &str) -> Output {
    let mut cmd = alice(home);
    cmd.args(["audit", "--verify"]);
    refused(
        cmd,
        7,
        &format!(
            "vault: error: the audit log ({what}) failed to verify; the vault was damaged or edited\n{RESTORE_HINT}"
        ),
    )
}

/// Every command, as alice and as bob: each must be refused before it reads or writes anything.
fn every_command(home: &Path) -> Vec<Command> {
    let mut cmds = Vec::new();
    for args in [
        vec!["secret", "get", "API_KEY", "--project", "api", "--reveal"],
        vec!["secret", "show", "API_KEY", "--project", "api", "--reveal"],
        vec!["secret", "list", "--project", "api", "--reveal"],
        vec!["run", "--project", "api", "--no-mask", "--", "sh", "-c", "echo child-started"],
        vec!["export", "--project", "api", "--reveal"],
        vec!["project", "list"],
        vec!["user", "list"],
        vec!["audit"],
        vec!["audit", "--verify"],
        vec!["status"],
        vec!["unlock"],
    ] {
        let mut cmd = alice(home);
        cmd.args(&args);
        cmds.push(cmd);
    }
    let mut cmd = alice(home);
    cmd.args(["secret", "create", "NEW_SECRET", "--project", "api"]).write_stdin(OTHER);
    cmds.push(cmd);
    let mut cmd = as_user(home, "bob");
    cmd.args(["secret", "get", "API_KEY", "--project", "api", "--reveal"]);
    cmds.push(cmd);
    cmds
}

/// Runs [`every_command`] on a file whose schema differs by `what`: each is exit 7 naming it,
/// nothing changes (the audit log included), no session is made, no value is shown.
fn assert_schema_refused(home: &Path, what: &str) {
    let before = vault_state(home);
    let audit = audit_rows(home);
    let bad = tampered(&format!("the vault file's schema ({what})"));
    let outs: Vec<Output> = every_command(home).into_iter().map(|c| refused(c, 7, &bad)).collect();
    assert_unchanged(home, &before);
    assert_eq!(audit_rows(home), audit, "the audit log changed");
    let sessions = session_dir(home);
    assert!(!sessions.exists() || all_files(&sessions).is_empty(), "{:?}", all_files(&sessions));
    assert_clean(&outs);
}

#[test]
fn a_trigger_dropping_reveal_events_is_refused_by_every_command() {
    if !file_backend_only() {
        return;
    }
    let home = audited();
    let h = home.path();
    store_sql(
        h,
        "CREATE TRIGGER drop_reveals BEFORE INSERT ON audit WHEN NEW.action = 'secret reveal' \
         BEGIN SELECT RAISE(IGNORE); END;",
    );
    assert_schema_refused(h, "unknown trigger 'drop_reveals'");
}

#[test]
fn a_view_an_index_a_table_or_a_changed_trigger_is_refused_by_every_command() {
    if !file_backend_only() {
        return;
    }
    let home = audited();
    let h = home.path();
    let original =
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;";
    for (edit, what, undo) in [
        ("CREATE VIEW shadow AS SELECT * FROM secrets", "unknown view 'shadow'", "DROP VIEW shadow".to_owned()),
        (
            "CREATE INDEX audit_by_user ON audit(user_name)",
            "unknown index 'audit_by_user'",
            "DROP INDEX audit_by_user".into(),
        ),
        ("CREATE TABLE stash(x BLOB)", "unknown table 'stash'", "DROP TABLE stash".into()),
        (
            "DROP TRIGGER audit_no_delete; CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0 \
             BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
            "changed trigger 'audit_no_delete'",
            format!("DROP TRIGGER audit_no_delete; {original}"),
        ),
        ("DROP TRIGGER audit_no_delete", "missing trigger 'audit_no_delete'", original.into()),
    ] {
        store_sql(h, edit);
        assert_schema_refused(h, what);
        store_sql(h, &undo);
        // Put back as it was, the file opens again.
        assert_eq!(reveal(h, "api", "API_KEY"), API.as_bytes());
    }
}

#[test]
fn an_event_whose_signature_was_removed_fails_verify() {
    let home = audited();
    let h = home.path();
    let seq = one(h, "SELECT seq FROM audit WHERE action = 'secret create'");
    edit_audit(h, &format!("UPDATE audit SET sig = NULL WHERE seq = {seq}"));
    let out = verify_broken(h, &format!("event {seq}, 'secret create' by 'alice': not signed by its user"));
    assert_clean(&[out]);
}

#[test]
fn an_event_carrying_another_users_signature_fails_verify() {
    let home = audited();
    let h = home.path();
    let seq = one(h, "SELECT seq FROM audit WHERE action = 'secret create'");
    // bob's signature from his reveal, on alice's event.
    edit_audit(
        h,
        &format!(
            "UPDATE audit SET sig = (SELECT sig FROM audit WHERE user_name = 'bob' AND action = 'secret reveal') \
             WHERE seq = {seq}"
        ),
    );
    let out = verify_broken(h, &format!("event {seq}, 'secret create' by 'alice': not signed by 'alice'"));
    // alice's signature on bob's event, the other way round.
    let home2 = audited();
    let h2 = home2.path();
    let bobs = one(h2, "SELECT seq FROM audit WHERE user_name = 'bob' AND action = 'secret reveal'");
    edit_audit(
        h2,
        &format!(
            "UPDATE audit SET sig = (SELECT sig FROM audit WHERE user_name = 'alice' AND action = 'secret reveal') \
             WHERE seq = {bobs}"
        ),
    );
    let out2 = verify_broken(h2, &format!("event {bobs}, 'secret reveal' by 'bob': not signed by 'bob'"));
    assert_clean(&[out, out2]);
}

/// In a vault made at format 2 every event is signed from the first (`init`). Removing the
/// signatures of all events, or of all but the last, leaves no "first signed event" before the
/// gap: the log must still fail to verify. Otherwise signatures are optional, and any user (all
/// hold the MAC key, and the MAC does not cover the signature) can delete their own reveals or
/// write events in another user's name: strip every signature, edit, recompute the MAC chain.
#[test]
fn stripping_the_signatures_of_a_format_2_log_fails_verify() {
    for strip in ["UPDATE audit SET sig = NULL", "UPDATE audit SET sig = NULL WHERE seq < (SELECT max(seq) FROM audit)"]
    {
        let home = audited();
        let h = home.path();
        assert_eq!(one(h, "SELECT count(*) FROM audit WHERE sig IS NULL"), "0", "every event is signed");
        assert_eq!(one(h, "SELECT count(*) FROM meta WHERE key LIKE 'migrated_from_%'"), "0");
        edit_audit(h, strip);
        let out = alice(h).args(["audit", "--verify"]).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(7),
            "`{strip}` then `audit --verify`:\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("vault: error: the audit log (event 1,"), "{err}");
        assert!(err.contains("failed to verify"), "{err}");
    }
}

/// The highest sequence number AUTOINCREMENT hands out is data, not schema: set to the largest
/// integer, every append fails ("database or disk is full") while the schema check passes.
/// A command that would reveal a value must then fail without showing it.
#[test]
fn a_reveal_whose_audit_event_cannot_be_written_shows_no_value() {
    if !file_backend_only() {
        return;
    }
    let home = audited();
    let h = home.path();
    let n = one(h, "SELECT count(*) FROM audit");
    store_sql(h, "UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'audit'");
    let before = vault_state(h);
    let audit = audit_rows(h);
    let mut outs = Vec::new();
    let failed = "vault: error: the audit log could not record this command: ";
    for (user, args) in [
        ("alice", vec!["secret", "get", "API_KEY", "--project", "api", "--reveal"]),
        ("alice", vec!["secret", "show", "API_KEY", "--project", "api", "--reveal"]),
        ("alice", vec!["secret", "list", "--project", "api", "--reveal"]),
        ("alice", vec!["secret", "list", "--project", "api", "--reveal", "--json"]),
        ("alice", vec!["export", "--project", "api", "--reveal"]),
        ("alice", vec!["export", "--project", "api", "--reveal", "--format", "shell"]),
        ("alice", vec!["run", "--project", "api", "--no-mask", "--", "sh", "-c", "echo child-started; env"]),
        ("bob", vec!["secret", "get", "API_KEY", "--project", "api", "--reveal"]),
        ("bob", vec!["run", "--project", "api", "--no-mask", "--", "sh", "-c", "echo child-started; env"]),
    ] {
        outs.push(
            as_user(h, user)
                .args(&args)
                .assert()
                .code(1)
                .stdout("")
                .stderr(predicate::str::starts_with(failed))
                .stderr(contains("database or disk is full"))
                .get_output()
                .clone(),
        );
    }
    assert_unchanged(h, &before);
    assert_eq!(audit_rows(h), audit);
    // And verify notices the gap it left.
    outs.push(verify_broken(h, &format!("9223372036854775807 event(s) recorded, {n} present")));
    assert_clean(&outs);
}

// ---- e: swapped names ----

/// Swaps the `name` columns of two secrets of one project (through a temporary name: the pair
/// is UNIQUE); with `env_too`, their env names as well.
fn swap_names(home: &Path, project: &str, a: &str, b: &str, env_too: bool) {
    let pid = project_id(home, project);
    let cols = |c: &str| {
        format!(
            "UPDATE secrets SET {c} = 'SWAP_TMP' WHERE project_id = '{pid}' AND {c} = '{a}'; \
             UPDATE secrets SET {c} = '{a}' WHERE project_id = '{pid}' AND {c} = '{b}'; \
             UPDATE secrets SET {c} = '{b}' WHERE project_id = '{pid}' AND {c} = 'SWAP_TMP';"
        )
    };
    let mut q = cols("name");
    if env_too {
        q.push_str(&cols("env_name"));
    }
    store_sql(home, &q);
    let got = one(
        home,
        &format!(
            "SELECT group_concat(name, ',') FROM (SELECT name FROM secrets WHERE project_id = '{pid}' ORDER BY name) s"
        ),
    );
    assert_eq!(got.split(',').count(), 2, "{got}");
}

#[test]
fn swapped_secret_names_in_a_project_are_exit_7_and_show_neither_value() {
    for env_too in [false, true] {
        let home = init_vault();
        let h = home.path();
        create_project(h, "api");
        create_secret(h, "api", "ALPHA_KEY", API);
        create_secret(h, "api", "BRAVO_KEY", OTHER);
        let alpha_id = one(h, "SELECT id FROM secrets WHERE name = 'ALPHA_KEY'");
        swap_names(h, "api", "ALPHA_KEY", "BRAVO_KEY", env_too);
        assert_eq!(one(h, &format!("SELECT name FROM secrets WHERE id = '{alpha_id}'")), "BRAVO_KEY");
        let before = vault_state(h);
        let mut outs = Vec::new();
        for name in ["ALPHA_KEY", "BRAVO_KEY"] {
            let mut cmd = alice(h);
            cmd.args(["secret", "get", name, "--project", "api", "--reveal"]);
            outs.push(refused(cmd, 7, &tampered(&format!("the key of secret '{name}' in project 'api'"))));
        }
        for args in [
            vec!["run", "--project", "api", "--no-mask", "--", "sh", "-c", "echo child-started; env"],
            vec!["export", "--project", "api", "--reveal"],
            vec!["secret", "list", "--project", "api", "--reveal"],
        ] {
            outs.push(
                alice(h)
                    .args(&args)
                    .assert()
                    .code(7)
                    .stdout("")
                    .stderr(contains("vault: error: the key of secret '"))
                    .stderr(contains("in project 'api' failed to verify"))
                    .get_output()
                    .clone(),
            );
        }
        assert_unchanged(h, &before);
        assert_clean(&outs);
    }
}

#[test]
fn swapped_names_of_shared_secrets_are_exit_7_in_the_receiving_project() {
    let home = crew();
    let h = home.path();
    create_secret_as(h, "bob", "beta", "OTHER_TOKEN", OTHER);
    as_user(h, "bob").args(["secret", "share", "OTHER_TOKEN", "--project", "beta"]).assert().success();
    for name in ["TOOL_TOKEN", "OTHER_TOKEN"] {
        as_user(h, "carol").args(["secret", "accept", name, "--project", "gamma"]).assert().success();
    }
    assert_eq!(reveal_as(h, "dave", "gamma", "TOOL_TOKEN"), SHARED);
    assert_eq!(reveal_as(h, "dave", "gamma", "OTHER_TOKEN"), OTHER);
    swap_names(h, "beta", "TOOL_TOKEN", "OTHER_TOKEN", false);
    let before = vault_state(h);
    let mut outs = Vec::new();
    // Read from gamma (dave and carol are not in beta: only the shares open these).
    for user in ["dave", "carol"] {
        for args in [
            vec!["secret", "get", "TOOL_TOKEN", "--project", "gamma", "--reveal"],
            vec!["secret", "get", "OTHER_TOKEN", "--project", "gamma", "--reveal"],
            vec!["secret", "list", "--project", "gamma", "--reveal"],
            vec!["run", "--project", "gamma", "--no-mask", "--", "sh", "-c", "echo child-started; env"],
            vec!["export", "--project", "gamma", "--reveal", "--format", "shell"],
        ] {
            outs.push(
                as_user(h, user)
                    .args(&args)
                    .assert()
                    .code(7)
                    .stdout("")
                    .stderr(predicate::str::is_match(
                        r"^vault: error: the share of secret '(TOOL|OTHER)_TOKEN' into community 'crew' failed to verify; the vault was damaged or edited\n",
                    )
                    .unwrap())
                    .get_output()
                    .clone(),
            );
        }
    }
    // And at home, by bob.
    for name in ["TOOL_TOKEN", "OTHER_TOKEN"] {
        let mut cmd = as_user(h, "bob");
        cmd.args(["secret", "get", name, "--project", "beta", "--reveal"]);
        outs.push(refused(cmd, 7, &tampered(&format!("the key of secret '{name}' in project 'beta'"))));
    }
    assert_unchanged(h, &before);
    assert_clean(&outs);
}
