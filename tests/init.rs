//! `vault init`, `vault status`, a missing vault, and the help text.

mod common;

use std::time::{Duration, Instant};

use common::*;
use predicates::prelude::*;
use predicates::str::contains;

#[test]
fn init_creates_a_private_file_in_a_private_folder() {
    if !file_backend_only() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let path = vault_path(home.path());
    init_cmd(home.path())
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains(format!("created vault {} with admin 'alice' (Argon2id 8 MiB, t=1)", path.display())))
        .stderr(contains("next: vault project create NAME"));
    // DESIGN.md 3: file 0600, its folder 0700, made with those modes.
    assert_eq!(mode(&path), 0o600, "vault file mode");
    assert_eq!(mode(path.parent().unwrap()), 0o700, "vault folder mode");
    assert_absent(home.path(), ALICE_PASS.as_bytes());
}

#[test]
fn second_init_exits_4_and_leaves_the_file_unchanged() {
    let home = init_vault();
    let file = (!common::pg::enabled()).then(|| vault_bytes(home.path()));
    let before = vault_state(home.path());
    init_cmd(home.path())
        .assert()
        .code(4)
        .stdout("")
        .stderr(contains(format!("vault: error: a vault already exists at {}", vault_shown(home.path()))));
    assert_unchanged(home.path(), &before);
    assert!(file.is_none_or(|f| vault_bytes(home.path()) == f), "the vault file changed");
    // Still alice's vault, with her passphrase.
    alice(home.path()).args(["project", "list"]).assert().code(0);
}

#[test]
fn init_below_the_kdf_floor_exits_2_and_creates_nothing() {
    let home = tempfile::tempdir().unwrap();
    for (memory, iterations) in [("4", "1"), ("8", "0")] {
        alice(home.path())
            .args(["init", "--user", "alice", "--kdf-memory", memory])
            .args(["--kdf-iterations", iterations])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("vault: error: key-derivation parameters below the floor (8 MiB, t=1)"))
            .stderr(contains(format!("memory {memory} MiB, t={iterations}")));
    }
    assert!(!vault_path(home.path()).exists(), "a vault file was created");
    assert!(!vault_path(home.path()).parent().unwrap().exists(), "the vault folder was created");
}

#[test]
fn init_without_terminal_or_passphrase_exits_5_at_once() {
    let home = tempfile::tempdir().unwrap();
    let started = Instant::now();
    vault(home.path())
        .args(["init", "--user", "alice", "--kdf-memory", "8", "--kdf-iterations", "1"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains(
            "vault: error: no passphrase: stdin is not a terminal and none of VAULT_SESSION, --passphrase-file or VAULT_PASSPHRASE is set",
        ))
        .stderr(contains("vault: hint: set VAULT_PASSPHRASE"));
    // Never a wait on a prompt nobody can answer.
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert!(!vault_path(home.path()).exists(), "a vault file was created");
}

#[test]
fn init_with_passphrase_file_then_unlock_with_it() {
    let home = tempfile::tempdir().unwrap();
    let inputs = scratch();
    let pass_file = inputs.path().join("alice.pass");
    // One trailing newline belongs to the file, not the passphrase.
    std::fs::write(&pass_file, format!("{ALICE_PASS}\n")).unwrap();
    vault(home.path())
        .arg("--passphrase-file")
        .arg(&pass_file)
        .args(["init", "--user", "alice", "--kdf-memory", "8", "--kdf-iterations", "1"])
        .assert()
        .code(0)
        .stderr(contains("created vault"));
    if file_backend_only() {
        assert_eq!(mode(&vault_path(home.path())), 0o600);
    }
    vault(home.path())
        .arg("--passphrase-file")
        .arg(&pass_file)
        .args(["project", "create", "api"])
        .assert()
        .code(0)
        .stderr(contains("created project 'api'"));
    // The same passphrase without the newline, through the environment.
    alice(home.path())
        .args(["project", "show", "api"])
        .assert()
        .code(0)
        .stdout(contains("Members:      alice (owner)"));
    assert_absent(home.path(), ALICE_PASS.as_bytes());
}

#[test]
fn status_shows_the_user_and_kdf_parameters() {
    let home = init_vault();
    let a = vault(home.path()).arg("status").assert().code(0).stderr("");
    let out = stdout_of(&a);
    let path = vault_shown(home.path());
    for re in [
        format!(r"(?m)^Vault:\s+{}$", regex_escape(&path)),
        r"(?m)^User:\s+alice \(vault admin\)$".to_owned(),
        r"(?m)^KDF:\s+Argon2id 8 MiB, t=1, p=1$".to_owned(),
        r"(?m)^Session:\s+none$".to_owned(),
    ] {
        assert!(matches(&re, &out), "no line matching {re} in:\n{out}");
    }

    let a = vault(home.path()).args(["status", "--json"]).assert().code(0).stderr("");
    let j = json(&a.get_output().stdout);
    assert_eq!(j["user"], "alice");
    assert_eq!(j["user_known"], true);
    assert_eq!(j["is_admin"], true);
    assert_eq!(j["exists"], true);
    assert_eq!(j["users"], 1);
    assert_eq!(j["format"], 3);
    assert_eq!(j["kdf"]["memory_mib"], 8);
    assert_eq!(j["kdf"]["iterations"], 1);
    assert_eq!(j["kdf"]["parallelism"], 1);
    assert_eq!(j["session"], "none");
    assert_eq!(j["path"], vault_shown(home.path()));
}

#[test]
fn status_without_a_vault_says_to_run_init() {
    let home = tempfile::tempdir().unwrap();
    vault(home.path()).arg("status").assert().code(0).stdout(contains("(does not exist: run `vault init`)"));
    assert!(!vault_path(home.path()).exists());
}

#[test]
fn a_missing_vault_exits_3_with_the_init_hint() {
    let home = tempfile::tempdir().unwrap();
    for args in [&["project", "list"][..], &["secret", "get", "DB_PASS", "--project", "api", "--reveal"]] {
        alice(home.path())
            .args(args)
            .assert()
            .code(3)
            .stdout("")
            .stderr(contains(format!("vault: error: no vault at {}", vault_shown(home.path()))))
            .stderr(contains("vault: hint: create one with `vault init`"));
    }
    assert!(!vault_path(home.path()).exists(), "opening a missing vault created one");
    if common::pg::enabled() {
        let schemas = common::pg::query(home.path(), "SELECT count(*) FROM pg_namespace WHERE nspname = 'vault'");
        assert_eq!(schemas, "0", "opening a missing vault created its schema");
    }
}

#[test]
fn help_contains_examples() {
    let home = tempfile::tempdir().unwrap();
    vault(home.path())
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("Examples:"))
        .stdout(contains("vault init --user alice"))
        .stdout(contains("vault secret get HF_TOKEN --project ml-pipeline --reveal"))
        .stdout(contains("Exit codes:"));
    // alice(): with VAULT_PASSPHRASE set, help must still never print it.
    alice(home.path())
        .args(["secret", "create", "--help"])
        .assert()
        .code(0)
        .stdout(contains("Examples:"))
        .stdout(contains("printf '%s' \"$TOKEN\" | vault secret create HF_TOKEN --project ml-pipeline"))
        .stdout(contains("--from-file"))
        .stdout(contains(ALICE_PASS).not());
}

/// With neither `$USER` nor `$LOGNAME` (a container, a CI job), the default acting user is the
/// OS account the process runs as, never a made-up name (issue 18).
#[test]
fn the_default_user_without_user_or_logname_is_the_os_account() {
    let account = std::process::Command::new("id").arg("-un").output().expect("id -un");
    let account = String::from_utf8(account.stdout).unwrap().trim().to_owned();
    assert!(!account.is_empty());
    let home = tempfile::tempdir().unwrap();
    let path = vault_shown(home.path());
    vault(home.path())
        .env_remove("VAULT_USER")
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env("VAULT_PASSPHRASE", ALICE_PASS)
        .args(["init", "--kdf-memory", "8", "--kdf-iterations", "1"])
        .assert()
        .success()
        .stderr(predicates::str::contains(format!(
            "created vault {path} with admin '{account}' (Argon2id 8 MiB, t=1)"
        )));
}
