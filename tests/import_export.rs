//! Import, export, history and rollback (issue 5): a 100-entry dotenv of awkward values round
//! trips exactly through dotenv, JSON and shell exports; import is all or nothing with line
//! numbers; existing names need --overwrite; export masks without --reveal; every value change
//! is a version that rollback can bring back.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::team::*;
use common::*;
use predicates::prelude::*;
use predicates::str::contains;

/// One dotenv entry: (name, exact value, the text that writes it).
struct Entry {
    name: String,
    value: String,
    text: String,
}

/// 100 entries, ten kinds of awkward value, with comments and blank lines between them: each
/// written as python-dotenv and Node's dotenv both read it, and with a dotenv quoting that
/// python-dotenv, Node's dotenv and sh all read back (tests/dotenv_interop.rs runs them).
fn awkward_entries() -> Vec<Entry> {
    const KINDS: [&str; 10] = ["PLAIN", "EXPORT", "DQ", "PEM_DQ", "PEM_SQ", "UNI", "CRLF", "ESC", "HASH", "SPACES"];
    (0..100)
        .map(|i| {
            let kind = i % 10;
            let name = format!("K{i:03}_{}", KINDS[kind]);
            let (value, body) = match kind {
                // Unquoted with '=', ':' and a blank inside, CRLF line ending.
                0 => {
                    let v = format!("tok=en:{i}=x/y+z a");
                    (v.clone(), format!("{name}={v}\r\n"))
                }
                // `export` prefix, single quotes keep $, " # and \ literally.
                1 => {
                    let v = format!("$HOME \"dq\" #{i} = $NOT_EXPANDED \\ back");
                    let export = if i % 20 == 1 { "export   " } else { "export " };
                    (v.clone(), format!("{export}{name}='{v}'\n"))
                }
                // Double quotes with a single quote and a '#' inside.
                2 => {
                    let v = format!("say 'bye' #{i} = now");
                    (v.clone(), format!("{name}=\"{v}\"\n"))
                }
                // A PEM key over several raw lines in double quotes, trailing newline included.
                3 => {
                    let v = format!(
                        "-----BEGIN RSA PRIVATE KEY-----\nMIIB{i:04}AgEAAkEAx+/9zQ2xhc3Mg=\nJHtub3R9IGEgdmFy/+{i}==\n-----END RSA PRIVATE KEY-----\n"
                    );
                    (v.clone(), format!("{name}=\"{v}\"\n"))
                }
                // An OpenSSH-style key in single quotes, with $ and " inside, no trailing newline.
                4 => {
                    let v = format!(
                        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA$\"x\"{i}\n#not-a-comment = {i}\n-----END OPENSSH PRIVATE KEY-----"
                    );
                    (v.clone(), format!("{name}='{v}'\n"))
                }
                5 => {
                    let v = format!("ünïcødé ✓ 日本語 🙂 {i} Ελληνικά");
                    (v.clone(), format!("{name}=\"{v}\"\n"))
                }
                // CRLF inside the value: both loaders read LF.
                6 => {
                    let v = format!("line one {i}\nline two\n");
                    (v.clone(), format!("{name}=\"line one {i}\r\nline two\r\n\"\n"))
                }
                // A \n escape, and a backslash that is no escape.
                7 => {
                    let v = format!("first {i}\nsecond\\dthird");
                    (v.clone(), format!("{name}=\"first {i}\\nsecond\\dthird\"\n"))
                }
                // '#' inside quotes, a real comment after.
                8 => {
                    let v = format!("v{i} # not a comment = yes");
                    (v.clone(), format!("{name}=\"{v}\" # a real comment\n"))
                }
                // Leading and trailing spaces and a tab, kept by the quotes.
                _ => {
                    let v = format!("  spaced\tvalue with 'single' {i}  ");
                    (v.clone(), format!("{name}=\"{v}\"\n"))
                }
            };
            let mut text = String::new();
            if i % 7 == 0 {
                text.push_str(&format!("# comment {i} with = and 'quotes' and \"KEY=value\"\n\n"));
            }
            text.push_str(&body);
            Entry { name, value, text }
        })
        .collect()
}

fn write(dir: &Path, file: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(file);
    std::fs::write(&p, content).unwrap();
    p
}

/// A session token for alice, so that a hundred `get`s cost no KDF.
fn session(home: &Path) -> String {
    let a = alice(home).arg("unlock").assert().success();
    stdout_of(&a).trim().trim_start_matches("export VAULT_SESSION='").trim_end_matches('\'').to_owned()
}

fn get_with(home: &Path, token: &str, project: &str, name: &str) -> Vec<u8> {
    vault(home)
        .env("VAULT_SESSION", token)
        .args(["secret", "get", name, "--project", project, "--reveal"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// name -> value, from `secret list --reveal --json`.
fn revealed(home: &Path, project: &str) -> BTreeMap<String, String> {
    let a = alice(home).args(["secret", "list", "--project", project, "--reveal", "--json"]).assert().success();
    json(&a.get_output().stdout)
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_owned(), s["value"].as_str().unwrap().to_owned()))
        .collect()
}

fn export(home: &Path, project: &str, format: &str) -> Vec<u8> {
    alice(home)
        .args(["export", "--project", project, "--format", format, "--reveal"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone()
}

#[test]
fn a_hundred_awkward_values_round_trip_through_every_format() {
    let home = init_vault();
    let h = home.path();
    let files = scratch();
    let entries = awkward_entries();
    let text: String = entries.iter().map(|e| e.text.as_str()).collect();
    let env_file = write(files.path(), "awkward.env", &text);
    let expected: BTreeMap<String, String> = entries.iter().map(|e| (e.name.clone(), e.value.clone())).collect();
    assert_eq!(expected.len(), 100);

    create_project(h, "src");
    alice(h)
        .args(["import"])
        .arg(&env_file)
        .args(["--project", "src"])
        .assert()
        .success()
        .stdout("")
        .stderr("imported 100 secret(s): 100 created, 0 updated\n");
    let token = session(h);
    for e in &entries {
        assert_eq!(
            String::from_utf8(get_with(h, &token, "src", &e.name)).unwrap(),
            e.value,
            "{} imported wrong from {:?}",
            e.name,
            e.text
        );
    }

    // dotenv export -> import into a fresh project: byte for byte, checked with `get`.
    let dotenv = export(h, "src", "dotenv");
    let dotenv_file = write(files.path(), "export.env", &dotenv);
    create_project(h, "from-dotenv");
    alice(h).arg("import").arg(&dotenv_file).args(["--project", "from-dotenv"]).assert().success();
    for e in &entries {
        assert_eq!(String::from_utf8(get_with(h, &token, "from-dotenv", &e.name)).unwrap(), e.value, "{}", e.name);
    }

    // JSON export -> import.
    let json_out = export(h, "src", "json");
    let parsed = json(&json_out);
    assert_eq!(parsed.as_object().unwrap().len(), 100);
    let json_file = write(files.path(), "export.json", &json_out);
    create_project(h, "from-json");
    alice(h)
        .arg("import")
        .arg(&json_file)
        .args(["--project", "from-json", "--format", "json"])
        .assert()
        .success()
        .stderr("imported 100 secret(s): 100 created, 0 updated\n");
    assert_eq!(revealed(h, "from-json"), expected);
    assert_eq!(revealed(h, "from-dotenv"), expected);

    // Shell export: `eval` in sh reproduces every value.
    let shell = export(h, "src", "shell");
    let shell_text = String::from_utf8(shell.clone()).unwrap();
    assert!(shell_text.lines().next().unwrap().starts_with("export K000_PLAIN='"), "{shell_text}");
    let shell_file = write(files.path(), "export.sh", &shell);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("eval \"$(cat \"$1\")\" && env -0")
        .arg("sh")
        .arg(&shell_file)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let env: BTreeMap<String, String> = out
        .stdout
        .split(|&b| b == 0)
        .filter_map(|kv| {
            let kv = String::from_utf8(kv.to_vec()).unwrap();
            kv.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned()))
        })
        .filter(|(k, _)| k.starts_with('K'))
        .collect();
    assert_eq!(env, expected);
    // And through printenv for a few of the worst.
    for name in ["K001_EXPORT", "K003_PEM_DQ", "K006_CRLF", "K009_SPACES"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("eval \"$(cat \"$1\")\" && printenv {name}"))
            .arg("sh")
            .arg(&shell_file)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{}\n", expected[name]), "{name}");
    }
    for e in &entries[..3] {
        assert_absent(h, e.value.as_bytes());
    }
}

#[test]
fn export_without_reveal_masks_every_value_in_every_format() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    let values = ["masked-export-one-11aa", "multi\nline-export-22bb", "quote'\"-export-33cc"];
    for (i, v) in values.iter().enumerate() {
        create_secret(h, "app", &format!("KEY_{i}"), v);
    }
    let note = "vault: note: values are masked; pass --reveal to export them\n";
    for (format, want) in [
        ("dotenv", "KEY_0='***'\nKEY_1='***'\nKEY_2='***'\n"),
        ("shell", "export KEY_0='***'\nexport KEY_1='***'\nexport KEY_2='***'\n"),
        ("json", "{\n  \"KEY_0\": \"***\",\n  \"KEY_1\": \"***\",\n  \"KEY_2\": \"***\"\n}\n"),
    ] {
        let out = alice(h)
            .args(["export", "--project", "app", "--format", format])
            .assert()
            .success()
            .stdout(want)
            .stderr(note)
            .get_output()
            .clone();
        let lines: Vec<&str> = values.iter().flat_map(|v| v.lines()).collect();
        assert_no_value(&out, &lines);
    }
    // The default format is dotenv.
    alice(h).args(["export", "--project", "app"]).assert().success().stdout(predicate::str::starts_with("KEY_0='***'"));
}

#[test]
fn invalid_names_are_reported_with_line_numbers_and_nothing_is_imported() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    create_secret(h, "app", "EXISTING", "existing-value-4455");
    let files = scratch();
    let file = write(
        files.path(),
        "bad.env",
        "# header\n\
         GOOD_ONE=fine-value-1\n\
         ab=too-short\n\
         export _LEADING=x-value\n\
         MULTI=\"a\n\
         b\"\n\
         BAD.DOT=1234\n\
         TRAIL_=value\n\
         GOOD_TWO=fine-value-2\n\
         GOOD_ONE=again\n",
    );
    let before = vault_state(h);
    alice(h)
        .arg("import")
        .arg(&file)
        .args(["--project", "app"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "vault: error: 5 invalid name(s), nothing imported (names: 3-63 letters, digits, '-', '_'; first a letter):\n  \
             line 3: 'ab' it must be at least 3 characters long\n  \
             line 4: '_LEADING' it must start with a letter\n  \
             line 7: 'BAD.DOT' it may contain only letters, digits, '-' and '_'\n  \
             line 8: 'TRAIL_' it must not end with '-' or '_'\n  \
             line 2: 'GOOD_ONE' appears twice\n",
        );
    assert_unchanged(h, &before);
    assert_absent(h, b"fine-value-1");
}

#[test]
fn a_syntax_error_names_its_line_and_never_echoes_the_value() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    let files = scratch();
    let file = write(files.path(), "broken.env", "GOOD_ONE=ok-value\nBROKEN=\"unterminated-secret-9f8e\n");
    let before = vault_state(h);
    let out = alice(h)
        .arg("import")
        .arg(&file)
        .args(["--project", "app"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("vault: error: dotenv syntax error on line 2 at character"))
        .get_output()
        .clone();
    assert_no_value(&out, &["unterminated-secret-9f8e"]);
    assert_unchanged(h, &before);
}

// Was a bug at d89d6fd: an error inside a value was reported as line 0.
#[test]
fn a_syntax_error_inside_a_value_names_its_line() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    let files = scratch();
    let file = write(files.path(), "broken.env", "GOOD_ONE=ok-value\nBROKEN=two words#secret-7a7a\n");
    let out = alice(h)
        .arg("import")
        .arg(&file)
        .args(["--project", "app"])
        .assert()
        .code(2)
        .stderr(contains("dotenv syntax error on line 2 "))
        .get_output()
        .clone();
    assert_no_value(&out, &["words-secret-7a7a"]);
}

// Was a bug at d89d6fd: dotenvy's ${VAR} substitution read vault's own environment, so
// `X="${VAULT_PASSPHRASE}"` stored the importer's passphrase as a value.
#[test]
fn import_does_not_store_the_importers_passphrase_or_environment() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    let files = scratch();
    let file = write(
        files.path(),
        "evil.env",
        "LEAKED_PASS=\"${VAULT_PASSPHRASE}\"\nLEAKED_SESSION=\"x${VAULT_SESSION}\"\nLEAKED_HOME=\"x${HOME}\"\n",
    );
    // Refusing the file, or storing the text literally, are both fine.
    alice(h).arg("import").arg(&file).args(["--project", "app"]).output().expect("run vault import");
    let values = revealed(h, "app");
    let pass = values.get("LEAKED_PASS").map(String::as_str).unwrap_or_default();
    assert!(!pass.contains(ALICE_PASS), "the importer's passphrase was stored as LEAKED_PASS");
    for v in values.values() {
        assert!(!v.contains(&h.display().to_string()), "HOME was imported as a value: {v}");
    }
}

#[test]
fn existing_names_need_overwrite_which_writes_a_new_version() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    create_secret(h, "app", "DB_PASS", "db-pass-v1-0101");
    let files = scratch();
    let file = write(files.path(), "update.env", "NEW_KEY=new-key-value-0202\nDB_PASS=db-pass-v2-0303\n");
    let before = vault_state(h);
    alice(h).arg("import").arg(&file).args(["--project", "app"]).assert().code(4).stdout("").stderr(
        "vault: error: secret 'DB_PASS' already exists in project 'app' (pass --overwrite to write new versions)\n",
    );
    // All or nothing: NEW_KEY, read before DB_PASS, was not kept either.
    assert_unchanged(h, &before);
    assert_absent(h, b"new-key-value-0202");

    alice(h)
        .arg("import")
        .arg(&file)
        .args(["--project", "app", "--overwrite"])
        .assert()
        .success()
        .stderr("imported 2 secret(s): 1 created, 1 updated\n");
    assert_eq!(reveal(h, "app", "DB_PASS"), b"db-pass-v2-0303");
    assert_eq!(reveal(h, "app", "NEW_KEY"), b"new-key-value-0202");
    let list = list_json_as(h, "alice", "app");
    let version = |n: &str| list.iter().find(|s| s["name"] == n).unwrap()["version"].clone();
    assert_eq!(version("DB_PASS"), 2);
    assert_eq!(version("NEW_KEY"), 1);
    // The old version is still there.
    let a = alice(h).args(["secret", "history", "DB_PASS", "--project", "app", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout).as_array().unwrap().len(), 2);
}

#[test]
fn json_import_refuses_non_string_values_with_their_line() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    let files = scratch();
    let file = write(files.path(), "vals.json", "{\n  \"GOOD_KEY\": \"good-value-9090\",\n  \"NUM_KEY\": 5\n}\n");
    let before = vault_state(h);
    alice(h)
        .arg("import")
        .arg(&file)
        .args(["--project", "app"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("vault: error: line 3 (NUM_KEY): the value must be a string\n");
    assert_unchanged(h, &before);
    // Import reads stdin with '-'.
    alice(h)
        .args(["import", "-", "--project", "app", "--format", "json"])
        .write_stdin("{\"FROM_STDIN\": \"stdin-value-8080\"}")
        .assert()
        .success()
        .stderr("imported 1 secret(s): 1 created, 0 updated\n");
    assert_eq!(reveal(h, "app", "FROM_STDIN"), b"stdin-value-8080");
}

#[test]
fn history_lists_versions_and_rollback_writes_a_new_one() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    let versions = ["db-url-version-one-a1", "db-url-version-two-b2", "db-url-version-three-c3"];
    create_secret(h, "app", "DB_URL", versions[0]);
    alice(h)
        .args(["secret", "edit", "DB_URL", "--project", "app", "--value-stdin"])
        .write_stdin(versions[1])
        .assert()
        .success()
        .stderr("updated secret 'DB_URL' in project 'app' (version 2)\n");
    let files = scratch();
    let v3 = write(files.path(), "v3.txt", versions[2]);
    alice(h)
        .args(["secret", "edit", "DB_URL", "--project", "app", "--from-file"])
        .arg(&v3)
        .assert()
        .success()
        .stderr("updated secret 'DB_URL' in project 'app' (version 3)\n");
    // A description change is not a new version.
    alice(h)
        .args(["secret", "edit", "DB_URL", "--project", "app", "--description", "the database"])
        .assert()
        .success()
        .stderr("updated secret 'DB_URL' in project 'app' (version 3)\n");

    let hist = |h: &Path| {
        let a = alice(h).args(["secret", "history", "DB_URL", "--project", "app", "--json"]).assert().success();
        json(&a.get_output().stdout).as_array().unwrap().clone()
    };
    let v = hist(h);
    assert_eq!(v.len(), 3);
    for (i, x) in v.iter().enumerate() {
        assert_eq!(x["version"], i as i64 + 1);
        assert_eq!(x["author"], "alice");
        assert_eq!(x["current"], i == 2);
        assert!(matches(RFC3339_UTC, x["created_at"].as_str().unwrap()));
        assert!(x.get("value").is_none());
    }
    let a = alice(h).args(["secret", "history", "DB_URL", "--project", "app"]).assert().success();
    let table = stdout_of(&a);
    assert_columns(table.lines().next().unwrap(), &["VERSION", "VALUE", "AUTHOR", "CREATED"]);
    assert!(table.lines().any(|l| row_matches(l, &["3", r"\*\*\*", "alice", TABLE_TIME, "current"])), "{table}");
    assert!(table.lines().any(|l| row_matches(l, &["1", r"\*\*\*", "alice", TABLE_TIME])), "{table}");
    assert_no_value(a.get_output(), &versions);

    alice(h)
        .args(["secret", "rollback", "DB_URL", "--project", "app", "--version", "1"])
        .assert()
        .success()
        .stdout("")
        .stderr("secret 'DB_URL' now holds version 1's value as version 4\n");
    assert_eq!(reveal(h, "app", "DB_URL"), versions[0].as_bytes());
    let v = hist(h);
    assert_eq!(v.len(), 4);
    assert_eq!(v[3]["current"], true);
    // Rolling back to the rollback's source again, then to 3.
    alice(h).args(["secret", "rollback", "DB_URL", "--project", "app", "--version", "3"]).assert().success();
    assert_eq!(reveal(h, "app", "DB_URL"), versions[2].as_bytes());
    assert_eq!(hist(h).len(), 5);
    let before = vault_state(h);
    alice(h)
        .args(["secret", "rollback", "DB_URL", "--project", "app", "--version", "9"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("vault: error: version '9' not found in secret 'DB_URL'"));
    assert_unchanged(h, &before);
    for v in versions {
        assert_absent(h, v.as_bytes());
    }
}

/// An imported name that another secret already sets as its env var is refused (exit 4) and
/// nothing is imported, not even the entries before it; a name that is taken is refused
/// without --overwrite and re-versioned with it.
#[test]
fn an_import_clashing_with_an_env_name_imports_nothing() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    alice(h)
        .args(["secret", "create", "db_main", "--project", "api", "--env-name", "DB_PASS"])
        .write_stdin("clash-existing-5e1a")
        .assert()
        .success();
    let dir = scratch();
    let file = write(dir.path(), "clash.env", "AAA_FIRST=clash-first-9c2b\nDB_PASS=clash-new-77d0\n");
    let before = vault_state(h);
    alice(h)
        .args(["import"])
        .arg(&file)
        .args(["--project", "api"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(contains("env var name 'DB_PASS' already exists in project 'api' (secret 'db_main')"));
    assert_unchanged(h, &before);
    assert_absent(h, b"clash-first-9c2b");
    assert_absent(h, b"clash-new-77d0");

    // The same name: refused without --overwrite, a new version with it.
    let file = write(dir.path(), "same.env", "db_main=clash-second-3f4e\n");
    alice(h).arg("import").arg(&file).args(["--project", "api"]).assert().code(4).stderr(contains("--overwrite"));
    alice(h).arg("import").arg(&file).args(["--project", "api", "--overwrite"]).assert().success();
    assert_eq!(reveal(h, "api", "db_main"), b"clash-second-3f4e");
}
