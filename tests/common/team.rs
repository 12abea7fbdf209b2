//! Helpers for tests with several users (issue 4) and for commands the harness cannot build
//! (`script`, a `vault` we signal ourselves): adding and enrolling users, acting as one of them,
//! and reading ids, key epochs and wrapped keys out of the SQLite file.
//!
//! Every user's passphrase is derived from their name ([`pass_of`]); alice keeps
//! [`ALICE_PASS`]. Passphrase files live in their own temporary folder, never under home.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::{NamedTempFile, TempDir};

use super::{
    alice, create_project, create_secret, init_vault, stdout_of, store_sql, vault, vault_location, ALICE_PASS,
};

/// The passphrase of `user` in every test vault.
pub fn pass_of(user: &str) -> String {
    if user == "alice" {
        ALICE_PASS.to_owned()
    } else {
        format!("{user} passphrase 5e1d-93ab")
    }
}

/// A file (outside any home) holding `user`'s passphrase and a newline.
pub fn pass_file(user: &str) -> NamedTempFile {
    let mut f = NamedTempFile::new().expect("passphrase file");
    writeln!(f, "{}", pass_of(user)).expect("write passphrase file");
    f
}

/// `vault` acting as `user` with their passphrase.
pub fn as_user(home: &Path, user: &str) -> Command {
    let mut cmd = vault(home);
    cmd.env("VAULT_USER", user).env("VAULT_PASSPHRASE", pass_of(user));
    cmd
}

/// Adds `name` as alice (the vault admin) at the KDF floor; they stay pending until they unlock.
pub fn add_user(home: &Path, name: &str) {
    let f = pass_file(name);
    alice(home)
        .args(["user", "add", name, "--kdf-memory", "8", "--kdf-iterations", "1", "--new-passphrase-file"])
        .arg(f.path())
        .assert()
        .success()
        .stdout("")
        .stderr(format!("added user '{name}'; they make their own keys at their first unlock\n"));
}

/// `name` unlocks once (`project list`), which makes their own keys; then alice, the vault
/// admin, unlocks once, which re-signs the roster's list with the user enrolled (so that later
/// "nothing changed" checks do not see that bookkeeping).
pub fn enroll(home: &Path, name: &str) {
    as_user(home, name).args(["project", "list"]).assert().success();
    alice(home).args(["user", "list"]).assert().success();
}

/// Adds `name` and lets them enroll.
pub fn add_active_user(home: &Path, name: &str) {
    add_user(home, name);
    enroll(home, name);
}

/// A vault whose admin is alice, with `users` added and enrolled.
pub fn team(users: &[&str]) -> TempDir {
    let home = init_vault();
    for u in users {
        add_active_user(home.path(), u);
    }
    home
}

/// API_KEY's value in [`api_team`].
pub const API_VALUE: &str = "api-key-7c1f0e9d2b";

/// alice, bob, carol; project `api` (alice owner) holding API_KEY.
pub fn api_team() -> TempDir {
    let home = team(&["bob", "carol"]);
    create_project(home.path(), "api");
    create_secret(home.path(), "api", "API_KEY", API_VALUE);
    home
}

/// `user`'s `secret list` names for `project`, in order.
pub fn names_in(home: &Path, user: &str, project: &str) -> Vec<String> {
    list_json_as(home, user, project).iter().map(|s| s["name"].as_str().expect("name").to_owned()).collect()
}

/// Runs `sh -c script` under `vault run --project P --no-mask` as `user`; returns stdout.
pub fn run_sh(home: &Path, user: &str, project: &str, script: &str) -> String {
    let a = as_user(home, user)
        .args(["run", "--project", project, "--no-mask", "--", "sh", "-c", script])
        .assert()
        .success();
    stdout_of(&a)
}

/// `user list --json` as alice.
pub fn users_json(home: &Path) -> Vec<serde_json::Value> {
    let a = alice(home).args(["user", "list", "--json"]).assert().success();
    match super::json(&a.get_output().stdout) {
        serde_json::Value::Array(a) => a,
        other => panic!("user list --json: {other}"),
    }
}

/// `name`'s entry in [`users_json`].
pub fn user_entry(home: &Path, name: &str) -> serde_json::Value {
    users_json(home).into_iter().find(|u| u["name"] == name).unwrap_or_else(|| panic!("no user {name}"))
}

/// Creates project `name` as `user`.
pub fn create_project_as(home: &Path, user: &str, name: &str) {
    as_user(home, user).args(["project", "create", name]).assert().success();
}

/// Creates a secret as `user`, its value on stdin.
pub fn create_secret_as(home: &Path, user: &str, project: &str, name: &str, value: &str) {
    as_user(home, user)
        .args(["secret", "create", name, "--project", project])
        .write_stdin(value)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(format!("created secret '{name}' in project '{project}'")));
}

/// `by` gives `user` a role in `project`.
pub fn add_member(home: &Path, by: &str, project: &str, user: &str, role: &str) {
    as_user(home, by)
        .args(["project", "member", "add", project, user, "--role", role])
        .assert()
        .success()
        .stdout("")
        .stderr(format!("'{user}' is now {role} of project '{project}'\n"));
}

/// `user`'s `secret get NAME --project P --reveal`, asserting success.
pub fn reveal_as(home: &Path, user: &str, project: &str, name: &str) -> String {
    let out = as_user(home, user)
        .args(["secret", "get", name, "--project", project, "--reveal"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("value is UTF-8")
}

/// `user`'s `secret list --project P --json` (values masked).
pub fn list_json_as(home: &Path, user: &str, project: &str) -> Vec<serde_json::Value> {
    let out = as_user(home, user)
        .args(["secret", "list", "--project", project, "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    match super::json(&out) {
        serde_json::Value::Array(a) => a,
        other => panic!("secret list --json is not an array: {other}"),
    }
}

/// One column of one row, as sqlite3 prints it.
pub fn one(home: &Path, query: &str) -> String {
    store_sql(home, query)
}

/// A user's id.
pub fn user_id(home: &Path, name: &str) -> String {
    let id = one(home, &format!("SELECT id FROM users WHERE name = '{name}'"));
    assert!(!id.is_empty(), "no user {name}");
    id
}

/// A project's id.
pub fn project_id(home: &Path, name: &str) -> String {
    let id = one(home, &format!("SELECT id FROM projects WHERE name = '{name}'"));
    assert!(!id.is_empty(), "no project {name}");
    id
}

/// A project's key epoch.
pub fn key_epoch(home: &Path, project: &str) -> i64 {
    one(home, &format!("SELECT key_epoch FROM projects WHERE name = '{project}'")).parse().expect("key_epoch")
}

/// A secret's wrapped data key, hex.
pub fn wrapped_dek(home: &Path, project: &str, secret: &str) -> String {
    one(
        home,
        &format!(
            "SELECT hex(s.wrapped_dek) FROM secrets s JOIN projects p ON p.id = s.project_id \
             WHERE p.name = '{project}' AND s.name = '{secret}'"
        ),
    )
}

/// Every sealed version of a secret, hex, oldest first.
pub fn sealed_versions(home: &Path, project: &str, secret: &str) -> String {
    one(
        home,
        &format!(
            "SELECT hex(v.sealed) FROM secret_versions v JOIN secrets s ON s.id = v.secret_id \
             JOIN projects p ON p.id = s.project_id WHERE p.name = '{project}' AND s.name = '{secret}' \
             ORDER BY v.version"
        ),
    )
}

/// How many grant rows `user` has in `project`.
pub fn grant_count(home: &Path, project: &str, user: &str) -> i64 {
    one(
        home,
        &format!(
            "SELECT count(*) FROM project_members m JOIN projects p ON p.id = m.project_id \
             JOIN users u ON u.id = m.user_id WHERE p.name = '{project}' AND u.name = '{user}'"
        ),
    )
    .parse()
    .expect("count")
}

/// Fails if any of `values` occurs in a command's stdout or stderr.
pub fn assert_no_value(out: &std::process::Output, values: &[&str]) {
    for v in values {
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                super::find(bytes, v.as_bytes()).is_none(),
                "{stream} holds the value {v:?}:\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

/// The environment [`vault`] gives the binary, for commands that are not `vault` itself
/// (`script`) or that a test must spawn and signal itself.
pub fn base_env(home: &Path) -> Vec<(&'static str, OsString)> {
    // Make sure the session folder exists, as `vault()` does.
    drop(vault(home));
    vec![
        ("PATH", std::env::var_os("PATH").unwrap_or_default()),
        ("HOME", home.into()),
        ("XDG_RUNTIME_DIR", home.join("run").into()),
        ("XDG_DATA_HOME", home.join("data").into()),
        ("XDG_CONFIG_HOME", home.join("config").into()),
        ("VAULT_PATH", vault_location(home)),
        ("VAULT_USER", "alice".into()),
        ("VAULT_PASSPHRASE", ALICE_PASS.into()),
    ]
}

/// A plain `std::process::Command` for `program` with [`base_env`] (acting as alice), in
/// `home`, in its own process group and with stdin from /dev/null.
pub fn std_command(home: &Path, program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(program);
    cmd.env_clear().envs(base_env(home)).current_dir(home).stdin(std::process::Stdio::null()).process_group(0);
    cmd
}

/// The path of the `vault` binary under test.
pub fn vault_bin() -> &'static str {
    env!("CARGO_BIN_EXE_vault")
}

/// Quotes `s` for POSIX sh.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
