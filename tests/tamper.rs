//! A vault file edited behind our back: every case is an error (exit 7, or 5 for a KDF
//! downgrade, 1 for a newer format), never a wrong value, never the value, never a panic.
//!
//! Rows are edited with the sqlite3 command-line tool, as an attacker with write access to the
//! file (a co-user included) would (DESIGN.md section 3).

mod common;

use std::path::Path;

use common::*;
use predicates::prelude::*;
use predicates::str::contains;

const PASS_VALUE: &str = "tamper-db-pass-61c0e9";
const OTHER_VALUE: &str = "tamper-other-val-2b7d44";

/// A vault with project `api` holding `DB_PASS` and `OTHER`.
fn victim() -> tempfile::TempDir {
    let home = init_vault();
    create_project(home.path(), "api");
    create_secret(home.path(), "api", "DB_PASS", PASS_VALUE);
    create_secret(home.path(), "api", "OTHER", OTHER_VALUE);
    home
}

fn secret_id(home: &Path, name: &str) -> String {
    let id = store_sql(home, &format!("SELECT id FROM secrets WHERE name = '{name}'"));
    assert!(matches(r"^[0-9a-f]{32}$", &id), "secret id {id:?}");
    id
}

fn blob(home: &Path, query: &str) -> Vec<u8> {
    hex::decode(store_sql(home, query)).expect("hex from sqlite3")
}

fn sql_blob(b: &[u8]) -> String {
    format!("X'{}'", hex::encode(b))
}

/// Runs `get --reveal` of `name` and checks the failure: `code`, `stderr_has` in stderr, no
/// value anywhere in the output, no panic.
fn assert_refused(home: &Path, name: &str, code: i32, stderr_has: &str) -> String {
    let a = alice(home)
        .args(["secret", "get", name, "--project", "api", "--reveal"])
        .assert()
        .code(code)
        .stdout("")
        .stderr(contains(stderr_has))
        .stderr(predicate::str::starts_with("vault: error: "))
        .stderr(contains("panicked").not())
        .stderr(contains(PASS_VALUE).not())
        .stderr(contains(OTHER_VALUE).not());
    stderr_of(&a)
}

const TAMPERED: &str = "failed to verify; the vault was damaged or edited";
const RESTORE_HINT: &str = "vault: hint: restore the vault from a backup; nothing was changed";

#[test]
fn a_flipped_byte_in_a_sealed_value_exits_7() {
    let home = victim();
    let id = secret_id(home.path(), "DB_PASS");
    let where_ = format!("WHERE secret_id = '{id}' AND version = 1");
    let mut sealed = blob(home.path(), &format!("SELECT hex(sealed) FROM secret_versions {where_}"));
    let mid = sealed.len() / 2;
    sealed[mid] ^= 0x01;
    store_sql(home.path(), &format!("UPDATE secret_versions SET sealed = {} {where_}", sql_blob(&sealed)));
    let err = assert_refused(home.path(), "DB_PASS", 7, TAMPERED);
    assert!(err.contains("version 1 of secret 'DB_PASS' in project 'api'"), "{err}");
    assert!(err.contains(RESTORE_HINT), "{err}");
    // The untouched secret still opens.
    assert_eq!(reveal(home.path(), "api", "OTHER"), OTHER_VALUE.as_bytes());
}

#[test]
fn swapped_sealed_values_exit_7() {
    let home = victim();
    let (a, b) = (secret_id(home.path(), "DB_PASS"), secret_id(home.path(), "OTHER"));
    let sealed =
        |id: &str| blob(home.path(), &format!("SELECT hex(sealed) FROM secret_versions WHERE secret_id = '{id}'"));
    let (sa, sb) = (sealed(&a), sealed(&b));
    assert_ne!(sa, sb);
    store_sql(
        home.path(),
        &format!(
            "UPDATE secret_versions SET sealed = {} WHERE secret_id = '{a}'; \
             UPDATE secret_versions SET sealed = {} WHERE secret_id = '{b}';",
            sql_blob(&sb),
            sql_blob(&sa)
        ),
    );
    assert_eq!(sealed(&a), sb, "swap did not happen");
    assert_refused(home.path(), "DB_PASS", 7, TAMPERED);
    assert_refused(home.path(), "OTHER", 7, TAMPERED);
    alice(home.path())
        .args(["secret", "list", "--project", "api", "--reveal"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains(TAMPERED))
        .stderr(contains(PASS_VALUE).not())
        .stderr(contains(OTHER_VALUE).not());
}

#[test]
fn a_copied_wrapped_dek_exits_7() {
    let home = victim();
    store_sql(
        home.path(),
        "UPDATE secrets SET wrapped_dek = (SELECT wrapped_dek FROM secrets WHERE name = 'OTHER') \
         WHERE name = 'DB_PASS'",
    );
    let err = assert_refused(home.path(), "DB_PASS", 7, TAMPERED);
    assert!(err.contains("the key of secret 'DB_PASS' in project 'api'"), "{err}");
    assert_eq!(reveal(home.path(), "api", "OTHER"), OTHER_VALUE.as_bytes());
}

#[test]
fn an_env_name_changed_in_clear_exits_7() {
    // The value's associated data binds its env name: renaming the variable on disk would hand
    // the value to a program under another name.
    let home = victim();
    store_sql(home.path(), "UPDATE secrets SET env_name = 'LD_PRELOAD' WHERE name = 'DB_PASS'");
    assert_refused(home.path(), "DB_PASS", 7, TAMPERED);
}

#[test]
fn a_rolled_back_current_version_exits_7() {
    let home = victim();
    alice(home.path())
        .args(["secret", "edit", "DB_PASS", "--project", "api", "--value-stdin"])
        .write_stdin("tamper-v2-value-9e8f")
        .assert()
        .code(0)
        .stderr(contains("(version 2)"));
    store_sql(home.path(), "UPDATE secrets SET current_version = 1 WHERE name = 'DB_PASS'");
    let err = assert_refused(home.path(), "DB_PASS", 7, TAMPERED);
    assert!(err.contains("the version history of secret 'DB_PASS' in project 'api'"), "{err}");
    assert!(!err.contains("tamper-v2-value-9e8f"), "{err}");
}

/// Another vault's recipient for alice: others would grant keys to an attacker.
fn swap_recipient(home: &Path) {
    let other = init_vault();
    let theirs = store_sql(other.path(), "SELECT recipient FROM users WHERE name = 'alice'");
    let ours = store_sql(home, "SELECT recipient FROM users WHERE name = 'alice'");
    assert!(theirs.starts_with("age1") && theirs != ours, "{theirs} / {ours}");
    store_sql(home, &format!("UPDATE users SET recipient = '{theirs}' WHERE name = 'alice'"));
}

#[test]
fn a_swapped_recipient_exits_7_with_a_session() {
    let home = victim();
    let a = alice(home.path()).arg("unlock").assert().code(0);
    let out = stdout_of(&a);
    let token = out.trim().trim_start_matches("export VAULT_SESSION='").trim_end_matches('\'');
    swap_recipient(home.path());
    vault(home.path())
        .env("VAULT_SESSION", token)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains("vault: error: user 'alice' public keys failed to verify"))
        .stderr(contains("panicked").not());
}

#[test]
fn a_swapped_recipient_exits_7_with_a_passphrase() {
    let home = victim();
    swap_recipient(home.path());
    assert_refused(home.path(), "DB_PASS", 7, "user 'alice' public keys failed to verify");
}

#[test]
fn a_kdf_downgrade_is_refused_before_deriving() {
    let home = victim();
    store_sql(home.path(), "UPDATE users SET kdf_memory_mib = 4 WHERE name = 'alice'");
    let before = vault_state(home.path());
    let err = assert_refused(
        home.path(),
        "DB_PASS",
        5,
        "vault: error: user 'alice' has key-derivation parameters below the floor (8 MiB, t=1)",
    );
    assert!(err.contains("refusing to use them"), "{err}");
    assert_unchanged(home.path(), &before);
}

#[test]
fn a_random_file_exits_7() {
    if !file_backend_only() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let path = vault_path(home.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut noise = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open("/dev/urandom").unwrap(), 64 * 1024),
        &mut noise,
    )
    .unwrap();
    std::fs::write(&path, &noise).unwrap();
    let err = assert_refused(home.path(), "DB_PASS", 7, "is not a readable vault file");
    assert!(err.contains(RESTORE_HINT), "{err}");
    assert!(std::fs::read(&path).unwrap() == noise, "the file changed");
}

#[test]
fn a_truncated_vault_exits_7() {
    if !file_backend_only() {
        return;
    }
    let home = victim();
    let full = vault_bytes(home.path());
    for len in [full.len() / 2, 4096 + 100, 100, full.len() - 4096] {
        std::fs::write(vault_path(home.path()), &full[..len]).unwrap();
        let err = assert_refused(home.path(), "DB_PASS", 7, "vault: error: ");
        assert!(
            err.contains("damaged") || err.contains("corrupt") || err.contains("not a readable vault"),
            "truncated to {len}: {err}"
        );
    }
}

#[test]
fn another_sqlite_database_exits_7_not_a_vault() {
    if !file_backend_only() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let path = vault_path(home.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    sql(&path, "CREATE TABLE t(a)");
    let before = std::fs::read(&path).unwrap();
    let err = assert_refused(home.path(), "DB_PASS", 7, "it is an SQLite file but not a vault");
    assert!(err.contains(&format!("{} is not a readable vault file", path.display())), "{err}");
    assert!(std::fs::read(&path).unwrap() == before, "the file changed");
}

#[test]
fn a_newer_format_exits_1_asking_to_upgrade() {
    if !file_backend_only() {
        return;
    }
    let home = victim();
    store_sql(home.path(), "PRAGMA user_version = 99");
    let err = assert_refused(home.path(), "DB_PASS", 1, "uses vault file format 99");
    assert!(err.contains("this vault understands up to 3"), "{err}");
    assert!(err.contains("vault: hint: upgrade vault to open this file"), "{err}");
}
