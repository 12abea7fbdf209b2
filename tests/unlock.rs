//! Unlocking: passphrases (env, file), sessions (`unlock`, `lock`, expiry, tampering), `passwd`.

mod common;

use std::path::Path;

use base64::Engine;
use common::*;
use predicates::prelude::*;
use predicates::str::contains;

const VALUE: &str = "unlock-value-3e7a91c4";

/// A vault with project `api` holding `DB_PASS` = [`VALUE`].
fn vault_with_secret() -> tempfile::TempDir {
    let home = init_vault();
    create_project(home.path(), "api");
    create_secret(home.path(), "api", "DB_PASS", VALUE);
    home
}

/// `vault unlock --ttl TTL` as alice; returns the token from `export VAULT_SESSION='...'`.
fn unlock(home: &Path, ttl: &str) -> String {
    let a = alice(home)
        .args(["unlock", "--ttl", ttl])
        .assert()
        .code(0)
        .stdout(predicate::str::is_match(r"^export VAULT_SESSION='vs1\.[0-9a-f]{32}\.[A-Za-z0-9_-]+'\n$").unwrap())
        .stderr(contains("# session for 'alice' lasts"));
    let out = stdout_of(&a);
    out.trim_end()
        .strip_prefix("export VAULT_SESSION='")
        .and_then(|s| s.strip_suffix('\''))
        .expect("token between quotes")
        .to_owned()
}

/// `secret get DB_PASS --project api --reveal` with only a session, no passphrase.
fn get_with_session(home: &Path, token: &str) -> assert_cmd::assert::Assert {
    vault(home).env("VAULT_SESSION", token).args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"]).assert()
}

/// The one session file, with its id.
fn session_file(home: &Path, token: &str) -> std::path::PathBuf {
    let id = token.split('.').nth(1).unwrap();
    let files = all_files(&session_dir(home));
    let want = session_dir(home).join(format!("{id}.session"));
    assert_eq!(files, std::slice::from_ref(&want), "session files");
    want
}

#[test]
fn wrong_passphrase_exits_5_and_changes_nothing() {
    let home = vault_with_secret();
    let before = vault_state(home.path());
    vault(home.path())
        .env("VAULT_PASSPHRASE", "not alice's passphrase")
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(
            "vault: error: wrong passphrase for user 'alice'\n\
             vault: hint: check VAULT_USER / --user names the right user\n",
        );
    vault(home.path())
        .env("VAULT_PASSPHRASE", "not alice's passphrase")
        .args(["secret", "create", "NEW_ONE", "--project", "api"])
        .write_stdin("wrong-pass-value-5d2c")
        .assert()
        .code(5)
        .stderr(contains("wrong passphrase"));
    vault(home.path())
        .env("VAULT_PASSPHRASE", "not alice's passphrase")
        .args(["project", "delete", "api", "--yes"])
        .assert()
        .code(5);
    assert_unchanged(home.path(), &before);
    assert_eq!(reveal(home.path(), "api", "DB_PASS"), VALUE.as_bytes());
    assert_absent(home.path(), b"wrong-pass-value-5d2c");
}

#[test]
fn unknown_user_exits_5() {
    let home = vault_with_secret();
    alice(home.path())
        .env("VAULT_USER", "bob")
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains("vault: error: no user 'bob' in this vault"))
        .stderr(contains("vault: hint: name the user with --user or VAULT_USER"));
    alice(home.path())
        .args(["--user", "carol", "project", "list"])
        .assert()
        .code(5)
        .stderr(contains("no user 'carol' in this vault"));
}

#[test]
fn no_passphrase_source_exits_5_at_once() {
    let home = vault_with_secret();
    vault(home.path())
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains("vault: error: no passphrase: stdin is not a terminal"))
        .stderr(contains("vault: hint: set VAULT_PASSPHRASE, pass --passphrase-file FILE"));
}

#[test]
fn passphrase_file_with_a_trailing_newline_works() {
    let home = vault_with_secret();
    let inputs = scratch();
    let f = inputs.path().join("pass");
    std::fs::write(&f, format!("{ALICE_PASS}\n")).unwrap();
    vault(home.path())
        .arg("--passphrase-file")
        .arg(&f)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(0)
        .stdout(VALUE);
    // CRLF too; but only one line ending is stripped.
    std::fs::write(&f, format!("{ALICE_PASS}\r\n")).unwrap();
    vault(home.path())
        .arg("--passphrase-file")
        .arg(&f)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(0)
        .stdout(VALUE);
    std::fs::write(&f, format!("{ALICE_PASS}\n\n")).unwrap();
    vault(home.path())
        .arg("--passphrase-file")
        .arg(&f)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(5)
        .stderr(contains("wrong passphrase"));
    vault(home.path())
        .arg("--passphrase-file")
        .arg(inputs.path().join("missing"))
        .args(["project", "list"])
        .assert()
        .code(1)
        .stderr(contains("vault: error: cannot read passphrase file"));
}

#[test]
fn a_session_unlocks_without_a_passphrase_until_locked() {
    let home = vault_with_secret();
    let token = unlock(home.path(), "10m");

    get_with_session(home.path(), &token).code(0).stdout(VALUE).stderr("");
    // The session comes first: a wrong passphrase beside it is never used.
    vault(home.path())
        .env("VAULT_SESSION", &token)
        .env("VAULT_PASSPHRASE", "wrong")
        .args(["secret", "list", "--project", "api"])
        .assert()
        .code(0)
        .stdout(contains("DB_PASS"));
    vault(home.path())
        .env("VAULT_SESSION", &token)
        .arg("status")
        .assert()
        .code(0)
        .stdout(predicate::str::is_match(r"(?m)^Session:\s+active until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$").unwrap());

    // The session file: in $XDG_RUNTIME_DIR/vault, 0600 in a 0700 folder, holding neither the
    // value, the passphrase nor the key the token carries.
    let file = session_file(home.path(), &token);
    assert_eq!(mode(&file), 0o600, "session file mode");
    assert_eq!(mode(&session_dir(home.path())), 0o700, "session folder mode");
    let key = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(token.split('.').nth(2).unwrap()).unwrap();
    let session_bytes = std::fs::read(&file).unwrap();
    assert!(find(&session_bytes, &key).is_none(), "the session file holds the token's key");
    assert_absent(home.path(), VALUE.as_bytes());
    assert_absent(home.path(), ALICE_PASS.as_bytes());
    assert_absent(home.path(), token.as_bytes());

    vault(home.path())
        .env("VAULT_SESSION", &token)
        .arg("lock")
        .assert()
        .code(0)
        .stdout("unset VAULT_SESSION\n")
        .stderr("session locked\n");
    assert!(!file.exists(), "lock left the session file");
    get_with_session(home.path(), &token)
        .code(5)
        .stdout("")
        .stderr(contains("vault: error: session is locked or unknown; run `vault unlock` again"));
    vault(home.path())
        .env("VAULT_SESSION", &token)
        .arg("lock")
        .assert()
        .code(0)
        .stderr("session was already locked or expired\n");
    vault(home.path()).arg("lock").assert().code(2).stderr(contains("VAULT_SESSION is not set"));
}

/// Flips the last hex digit of a hex string.
fn flip_hex(h: &str) -> String {
    let (head, last) = h.split_at(h.len() - 1);
    format!("{head}{}", if last == "0" { "1" } else { "0" })
}

/// The session's memo (the signature checks and key unwraps an earlier command made) is saved
/// in the session file, sealed, and never vouches for a row that changed: a tampered signature
/// or wrapped key is refused with the memo warm, as without it.
#[test]
fn a_session_memo_is_sealed_and_never_covers_a_tampered_row() {
    let home = vault_with_secret();
    let token = unlock(home.path(), "10m");
    let file = session_file(home.path(), &token);
    let fresh = std::fs::read(&file).unwrap().len();
    get_with_session(home.path(), &token).code(0).stdout(VALUE).stderr("");
    let warm = std::fs::read(&file).unwrap();
    assert!(warm.len() > fresh + 100, "no memo saved ({fresh} -> {} bytes)", warm.len());
    // A second read finds all it needs remembered: the file is not written again.
    get_with_session(home.path(), &token).code(0).stdout(VALUE).stderr("");
    assert_eq!(std::fs::read(&file).unwrap(), warm, "a warm memo was written again");
    // Still one file (no temporary left), still 0600, and no value in clear anywhere.
    assert_eq!(session_file(home.path(), &token), file);
    assert_eq!(mode(&file), 0o600, "session file mode after saving the memo");
    assert_absent(home.path(), VALUE.as_bytes());

    let h = home.path();
    let row = "FROM project_members WHERE project_id = (SELECT id FROM projects WHERE name = 'api')";
    let only = "WHERE project_id = (SELECT id FROM projects WHERE name = 'api')";
    assert_eq!(store_sql(h, &format!("SELECT count(*) {row}")), "1");
    for column in ["sig", "key_sig", "wrapped_key"] {
        let good = store_sql(h, &format!("SELECT hex({column}) {row}"));
        store_sql(h, &format!("UPDATE project_members SET {column} = {} {only}", blob_sql(&flip_hex(&good))));
        get_with_session(home.path(), &token)
            .code(7)
            .stdout("")
            .stderr(contains("vault: error:"))
            .stderr(contains("failed to verify; the vault was damaged or edited"));
        store_sql(h, &format!("UPDATE project_members SET {column} = {} {only}", blob_sql(&good)));
        get_with_session(home.path(), &token).code(0).stdout(VALUE);
    }

    // A copy of the session left half-saved by a crash goes with `vault lock` too.
    let tmp = file.with_extension("session.tmp");
    std::fs::copy(&file, &tmp).unwrap();
    vault(home.path()).env("VAULT_SESSION", &token).arg("lock").assert().code(0);
    assert!(all_files(&session_dir(home.path())).is_empty(), "lock left {:?}", all_files(&session_dir(home.path())));
}

#[test]
fn an_expired_session_exits_5() {
    let home = vault_with_secret();
    let token = unlock(home.path(), "1s");
    std::thread::sleep(std::time::Duration::from_secs(2));
    get_with_session(home.path(), &token)
        .code(5)
        .stdout("")
        .stderr(contains("vault: error: session has expired; run `vault unlock` again"));
    assert!(all_files(&session_dir(home.path())).is_empty(), "expired session file kept");
}

#[test]
fn a_garbage_session_exits_5() {
    let home = vault_with_secret();
    for garbage in [
        "garbage",
        "vs1.zz.AAAA",
        "vs1.0123456789abcdef0123456789abcdef.!!!",
        "vs1.0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ] {
        get_with_session(home.path(), garbage)
            .code(5)
            .stdout("")
            .stderr(predicate::str::starts_with("vault: error: session "))
            .stderr(contains("run `vault unlock` again"));
    }
}

#[test]
fn an_edited_session_file_exits_5() {
    let home = vault_with_secret();
    let token = unlock(home.path(), "10m");
    let file = session_file(home.path(), &token);
    let mut blob = std::fs::read(&file).unwrap();
    // Layout: "VSS2", then u32-length-prefixed vault id and user id, then the i64 expiry.
    assert_eq!(&blob[..4], b"VSS2");
    let mut at = 4;
    for _ in 0..2 {
        let n = u32::from_be_bytes(blob[at..at + 4].try_into().unwrap()) as usize;
        at += 4 + n;
    }
    // Push the expiry about 12 days later: a longer session than the one unlocked.
    blob[at + 5] ^= 0x10;
    std::fs::write(&file, &blob).unwrap();
    get_with_session(home.path(), &token)
        .code(5)
        .stdout("")
        .stderr(contains("vault: error: session does not open with this token (edited or replaced)"));
}

#[test]
fn passwd_changes_the_passphrase_and_keeps_the_values() {
    let home = vault_with_secret();
    let inputs = scratch();
    let new_pass = "a brand new passphrase 0c9d";
    let f = inputs.path().join("new.pass");
    std::fs::write(&f, format!("{new_pass}\n")).unwrap();

    alice(home.path())
        .arg("passwd")
        .arg("--new-passphrase-file")
        .arg(&f)
        .assert()
        .code(0)
        .stdout("")
        .stderr("passphrase changed for 'alice' (Argon2id 8 MiB, t=1)\n");

    alice(home.path())
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(contains("wrong passphrase for user 'alice'"));
    vault(home.path())
        .env("VAULT_PASSPHRASE", new_pass)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(0)
        .stdout(VALUE);
    vault(home.path()).arg("--passphrase-file").arg(&f).args(["project", "show", "api"]).assert().code(0);
    assert_absent(home.path(), new_pass.as_bytes());
    assert_absent(home.path(), VALUE.as_bytes());
}

#[test]
fn passwd_below_the_floor_or_without_a_new_passphrase_changes_nothing() {
    let home = vault_with_secret();
    let inputs = scratch();
    let f = inputs.path().join("new.pass");
    std::fs::write(&f, "never used 4b3a\n").unwrap();
    let before = vault_state(home.path());

    alice(home.path())
        .args(["passwd", "--kdf-memory", "4", "--new-passphrase-file"])
        .arg(&f)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("vault: error: key-derivation parameters below the floor (8 MiB, t=1): memory 4 MiB"));
    alice(home.path())
        .arg("passwd")
        .assert()
        .code(2)
        .stderr(contains("no terminal to type the new passphrase on: pass --new-passphrase-file FILE"));
    assert_unchanged(home.path(), &before);
    assert_eq!(reveal(home.path(), "api", "DB_PASS"), VALUE.as_bytes());
    vault(home.path()).env("VAULT_PASSPHRASE", "never used 4b3a").args(["project", "list"]).assert().code(5);
}
