//! `vault secret create | list | show | get | edit | clone | delete | history | rollback`.
//!
//! Every test that handles a value ends by checking the value's bytes are in no file under the
//! test home (vault file, WAL, sessions): values are only ever stored sealed.

mod common;

use std::path::Path;

use common::*;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

/// A home with a vault and an empty project `api`.
fn with_api() -> tempfile::TempDir {
    let home = init_vault();
    create_project(home.path(), "api");
    home
}

fn secret_json(home: &Path, project: &str, name: &str, reveal: bool) -> Value {
    let mut cmd = alice(home);
    cmd.args(["secret", "show", name, "--project", project, "--json"]);
    if reveal {
        cmd.arg("--reveal");
    }
    let a = cmd.assert().code(0).stderr("");
    json(&a.get_output().stdout)
}

/// Checks a value never shows in list/show/history output without --reveal.
fn assert_masked_everywhere(home: &Path, project: &str, name: &str, value: &str) {
    for args in [
        vec!["secret", "list", "--project", project],
        vec!["secret", "list", "--project", project, "--json"],
        vec!["secret", "show", name, "--project", project],
        vec!["secret", "show", name, "--project", project, "--json"],
        vec!["secret", "get", name, "--project", project],
        vec!["secret", "get", name, "--project", project, "--json"],
        vec!["secret", "history", name, "--project", project],
        vec!["secret", "history", name, "--project", project, "--json"],
    ] {
        alice(home).args(&args).assert().code(0).stdout(contains(value).not()).stderr(contains(value).not());
    }
}

/// A deterministic, non-repeating alphanumeric text of `len` bytes.
fn pseudo_random_text(len: usize) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ALPHABET[(x % ALPHABET.len() as u64) as usize]
        })
        .collect()
}

#[test]
fn stdin_values_are_kept_byte_for_byte() {
    let home = with_api();
    let values: [(&str, &str); 6] = [
        ("MULTI_LINE", "first line 4c1f\nsecond line\nthird"),
        ("QUOTES", "q-91b3 \"double\" 'single' `back` $HOME \\n \\ end"),
        ("UNICODE", "ключ-🔑-ünïcödé-秘密-e7a2"),
        ("TRAILING_NL", "ends with a newline 5d0e\n"),
        ("CRLF", "crlf-2b6a\r\nsecond\r\n"),
        ("SPACES", "  padded-0f3c  \t"),
    ];
    for (name, value) in values {
        create_secret(home.path(), "api", name, value);
    }
    for (name, value) in values {
        assert_eq!(reveal(home.path(), "api", name), value.as_bytes(), "secret {name}");
        assert_eq!(secret_json(home.path(), "api", name, true)["value"], value, "secret {name} --json --reveal");
    }
    for (_, value) in values {
        assert_absent(home.path(), value.as_bytes());
    }
}

#[test]
fn from_file_reads_the_value() {
    let home = with_api();
    let inputs = scratch();
    let f = inputs.path().join("key.pem");
    let value = "-----BEGIN KEY-----\nMIIB-0d5e8a71\n-----END KEY-----\n";
    std::fs::write(&f, value).unwrap();
    alice(home.path())
        .args(["secret", "create", "TLS_KEY", "--project", "api", "--from-file"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains("created secret 'TLS_KEY' in project 'api'"));
    assert_eq!(reveal(home.path(), "api", "TLS_KEY"), value.as_bytes());

    alice(home.path())
        .args(["secret", "create", "MISSING", "--project", "api", "--from-file"])
        .arg(inputs.path().join("nope.txt"))
        .assert()
        .code(1)
        .stderr(contains("vault: error: cannot read"))
        .stderr(contains("nope.txt"));
    assert_absent(home.path(), b"MIIB-0d5e8a71");
}

#[test]
fn a_value_of_exactly_1_mib_works_and_one_byte_more_is_refused() {
    let home = with_api();
    let mut value = pseudo_random_text(1024 * 1024);
    create_secret(home.path(), "api", "BIG", &value);
    assert!(reveal(home.path(), "api", "BIG") == value, "the 1 MiB value did not round-trip");

    value.push(b'x');
    alice(home.path())
        .args(["secret", "create", "BIGGER", "--project", "api"])
        .write_stdin(value.clone())
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("vault: error: the value is 1048577 bytes; the limit is 1048576 bytes (1 MiB)"));
    alice(home.path()).args(["secret", "get", "BIGGER", "--project", "api"]).assert().code(3);
    value.pop();
    assert_absent(home.path(), &value);
}

#[test]
fn non_utf8_and_empty_values_are_refused() {
    let home = with_api();
    alice(home.path())
        .args(["secret", "create", "BINARY", "--project", "api"])
        .write_stdin(&b"ok\xff\xfe-a1b2c3"[..])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "vault: error: the value is not UTF-8 text (invalid byte at offset 2); store binary data base64-encoded",
        ));
    // No stdin at all: an empty pipe.
    alice(home.path())
        .args(["secret", "create", "EMPTY", "--project", "api"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("vault: error: the value is empty"));
    alice(home.path())
        .args(["secret", "list", "--project", "api"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains("no secrets yet"));
    assert_absent(home.path(), b"\xff\xfe-a1b2c3");
}

#[test]
fn list_masks_values_unless_reveal() {
    let home = with_api();
    create_secret(home.path(), "api", "DB_PASS", "list-pw-6a0f13");
    alice(home.path())
        .args(["secret", "create", "DB_USER", "--project", "api"])
        .args(["--description", "login name"])
        .write_stdin("list-user-c7e9")
        .assert()
        .code(0);

    let a = alice(home.path()).args(["secret", "list", "--project", "api"]).assert().code(0).stderr("");
    let out = stdout_of(&a);
    assert!(!out.contains("list-pw-6a0f13") && !out.contains("list-user-c7e9"), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_columns(lines[0], &["NAME", "DESCRIPTION", "VALUE", "CREATOR", "CREATED", "MODIFIED"]);
    assert!(row_matches(lines[1], &["DB_PASS", r"\*\*\*", "alice", TABLE_TIME, TABLE_TIME]), "{out}");
    assert!(row_matches(lines[2], &["DB_USER", "login name", r"\*\*\*", "alice", TABLE_TIME, TABLE_TIME]), "{out}");
    assert_masked_everywhere(home.path(), "api", "DB_PASS", "list-pw-6a0f13");

    let a = alice(home.path()).args(["secret", "list", "--project", "api", "--reveal"]).assert().code(0).stderr("");
    let out = stdout_of(&a);
    assert!(row_matches(out.lines().nth(1).unwrap(), &["DB_PASS", "list-pw-6a0f13", "alice", TABLE_TIME]), "{out}");
    assert!(out.contains("list-user-c7e9"), "{out}");

    let a = alice(home.path()).args(["secret", "list", "--project", "api", "--json"]).assert().code(0);
    let list = json(&a.get_output().stdout);
    assert!(list.as_array().unwrap().iter().all(|s| s.get("value").is_none()), "{list}");
    let a = alice(home.path()).args(["secret", "list", "--project", "api", "--json", "--reveal"]).assert().code(0);
    let list = json(&a.get_output().stdout);
    assert_eq!(list[0]["value"], "list-pw-6a0f13");
    assert_eq!(list[1]["value"], "list-user-c7e9");

    assert_absent(home.path(), b"list-pw-6a0f13");
    assert_absent(home.path(), b"list-user-c7e9");
}

#[test]
fn show_masks_the_value_and_ends_with_code_to_read_it() {
    let home = with_api();
    alice(home.path())
        .args(["secret", "create", "HF_TOKEN", "--project", "api"])
        .args(["--description", "hub token"])
        .write_stdin("hf-show-83b1d2")
        .assert()
        .code(0);
    let a = alice(home.path()).args(["secret", "show", "HF_TOKEN", "--project", "api"]).assert().code(0).stderr("");
    let out = stdout_of(&a);
    assert!(!out.contains("hf-show-83b1d2"), "{out}");
    for re in [
        r"(?m)^ID:\s+[0-9a-f]{32}$".to_owned(),
        r"(?m)^Name:\s+HF_TOKEN$".to_owned(),
        r"(?m)^Project:\s+api$".to_owned(),
        r"(?m)^Env name:\s+HF_TOKEN$".to_owned(),
        r"(?m)^Description:\s+hub token$".to_owned(),
        r"(?m)^Value:\s+\*\*\*$".to_owned(),
        r"(?m)^Version:\s+1$".to_owned(),
        r"(?m)^Creator:\s+alice$".to_owned(),
        format!(r"(?m)^Created:\s+{TABLE_TIME} UTC$"),
        format!(r"(?m)^Modified:\s+{TABLE_TIME} UTC by alice$"),
    ] {
        assert!(matches(&re, &out), "no line matching {re} in:\n{out}");
    }
    let tail: Vec<&str> = out.lines().rev().take(2).collect();
    assert!(tail[1].contains("bash:") && tail[1].contains("printenv HF_TOKEN"), "{out}");
    assert!(tail[0].contains("python:") && tail[0].contains("import os; os.environ['HF_TOKEN']"), "{out}");
    assert!(out.contains("vault run --project api -- CMD"), "{out}");

    alice(home.path())
        .args(["secret", "show", "HF_TOKEN", "--project", "api", "--reveal"])
        .assert()
        .code(0)
        .stdout(predicate::str::is_match(r"(?m)^Value:\s+hf-show-83b1d2$").unwrap());
    assert_absent(home.path(), b"hf-show-83b1d2");
}

#[test]
fn get_prints_a_mask_and_hint_or_the_bare_value() {
    let home = with_api();
    create_secret(home.path(), "api", "DB_PASS", "get-pw-4e5f60");
    alice(home.path())
        .args(["secret", "get", "DB_PASS", "--project", "api"])
        .assert()
        .code(0)
        .stdout("***\n")
        .stderr("vault: hint: pass --reveal to print the value\n");
    // The bare value: no newline added when stdout is not a terminal.
    alice(home.path())
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(0)
        .stdout("get-pw-4e5f60")
        .stderr("");
    assert_absent(home.path(), b"get-pw-4e5f60");
}

#[test]
fn json_has_the_value_only_with_reveal() {
    let home = with_api();
    alice(home.path())
        .args(["secret", "create", "DB_PASS", "--project", "api"])
        .args(["--description", "db", "--env-name", "DATABASE_PASSWORD"])
        .write_stdin("json-pw-1c2d3e")
        .assert()
        .code(0);
    for verb in ["show", "get"] {
        let a = alice(home.path())
            .args(["secret", verb, "DB_PASS", "--project", "api", "--json"])
            .assert()
            .code(0)
            .stdout(contains("json-pw-1c2d3e").not());
        let j = json(&a.get_output().stdout);
        // The documented fields (more may be added; none may go), and no value.
        for k in [
            "id",
            "name",
            "env_name",
            "project",
            "description",
            "version",
            "write_only",
            "created_by",
            "created_at",
            "modified_by",
            "modified_at",
        ] {
            assert!(j.get(k).is_some(), "{verb}: no {k:?} in {j}");
        }
        assert!(j.get("value").is_none(), "{verb}: a value without --reveal: {j}");
        assert!(matches(r"^[0-9a-f]{32}$", j["id"].as_str().unwrap()));
        assert_eq!(j["name"], "DB_PASS");
        assert_eq!(j["env_name"], "DATABASE_PASSWORD");
        assert_eq!(j["project"], "api");
        assert_eq!(j["description"], "db");
        assert_eq!(j["version"], 1);
        assert_eq!(j["write_only"], false);
        assert_eq!(j["created_by"], "alice");
        assert_eq!(j["modified_by"], "alice");
        assert!(matches(RFC3339_UTC, j["created_at"].as_str().unwrap()));
        assert!(matches(RFC3339_UTC, j["modified_at"].as_str().unwrap()));

        let a = alice(home.path())
            .args(["secret", verb, "DB_PASS", "--project", "api", "--json", "--reveal"])
            .assert()
            .code(0);
        assert_eq!(json(&a.get_output().stdout)["value"], "json-pw-1c2d3e", "{verb}");
    }
    assert_absent(home.path(), b"json-pw-1c2d3e");
}

#[test]
fn edit_rename_description_env_name_and_value() {
    let home = with_api();
    create_secret(home.path(), "api", "DB_PASS", "edit-v1-0a9b8c");
    let id = secret_json(home.path(), "api", "DB_PASS", false)["id"].clone();

    // Rename: the env name follows when it was the name.
    alice(home.path())
        .args(["secret", "edit", "DB_PASS", "--project", "api", "--rename", "DB_PASSWORD"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("updated secret 'DB_PASSWORD' in project 'api' (version 1)\n");
    let j = secret_json(home.path(), "api", "DB_PASSWORD", false);
    assert_eq!(j["id"], id);
    assert_eq!(j["env_name"], "DB_PASSWORD");
    alice(home.path())
        .args(["secret", "get", "DB_PASS", "--project", "api"])
        .assert()
        .code(3)
        .stderr(contains("secret 'DB_PASS' not found in project 'api'"));

    // Description and env name; the value still opens (it is re-sealed under the new env name).
    alice(home.path())
        .args(["secret", "edit", "DB_PASSWORD", "--project", "api"])
        .args(["--description", "primary db", "--env-name", "PGPASSWORD"])
        .assert()
        .code(0)
        .stderr(contains("updated secret 'DB_PASSWORD'"));
    let j = secret_json(home.path(), "api", "DB_PASSWORD", false);
    assert_eq!(j["description"], "primary db");
    assert_eq!(j["env_name"], "PGPASSWORD");
    assert_eq!(j["version"], 1);
    assert_eq!(reveal(home.path(), "api", "DB_PASSWORD"), b"edit-v1-0a9b8c");
    alice(home.path())
        .args(["secret", "show", "DB_PASSWORD", "--project", "api"])
        .assert()
        .code(0)
        .stdout(contains("printenv PGPASSWORD"))
        .stdout(contains("os.environ['PGPASSWORD']"));

    // A rename no longer moves an env name set apart from the name.
    alice(home.path())
        .args(["secret", "edit", "DB_PASSWORD", "--project", "api", "--rename", "PG_PASS"])
        .assert()
        .code(0);
    assert_eq!(secret_json(home.path(), "api", "PG_PASS", false)["env_name"], "PGPASSWORD");

    // A new value is version 2.
    alice(home.path())
        .args(["secret", "edit", "PG_PASS", "--project", "api", "--value-stdin"])
        .write_stdin("edit-v2-d4e5f6")
        .assert()
        .code(0)
        .stderr("updated secret 'PG_PASS' in project 'api' (version 2)\n");
    assert_eq!(secret_json(home.path(), "api", "PG_PASS", false)["version"], 2);
    assert_eq!(reveal(home.path(), "api", "PG_PASS"), b"edit-v2-d4e5f6");

    // Refusals change nothing.
    alice(home.path())
        .args(["secret", "edit", "PG_PASS", "--project", "api"])
        .assert()
        .code(2)
        .stderr(contains("nothing to change"));
    alice(home.path())
        .args(["secret", "edit", "PG_PASS", "--project", "api", "--env-name", "1BAD"])
        .assert()
        .code(2)
        .stderr(contains("invalid env var name '1BAD': it must not start with a digit"));
    alice(home.path())
        .args(["secret", "edit", "PG_PASS", "--project", "api", "--value-stdin"])
        .assert()
        .code(2)
        .stderr(contains("the value is empty"));
    let j = secret_json(home.path(), "api", "PG_PASS", false);
    assert_eq!(j["version"], 2);
    assert_eq!(j["env_name"], "PGPASSWORD");

    assert_masked_everywhere(home.path(), "api", "PG_PASS", "edit-v2-d4e5f6");
    assert_absent(home.path(), b"edit-v1-0a9b8c");
    assert_absent(home.path(), b"edit-v2-d4e5f6");
}

#[test]
fn history_lists_versions_with_authors_and_masked_values() {
    let home = with_api();
    create_secret(home.path(), "api", "DB_PASS", "hist-v1-5a6b7c");
    alice(home.path())
        .args(["secret", "edit", "DB_PASS", "--project", "api", "--value-stdin"])
        .write_stdin("hist-v2-8d9e0f")
        .assert()
        .code(0);
    let a = alice(home.path()).args(["secret", "history", "DB_PASS", "--project", "api"]).assert().code(0).stderr("");
    let out = stdout_of(&a);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_columns(lines[0], &["VERSION", "VALUE", "AUTHOR", "CREATED"]);
    assert!(matches(&format!(r"^\s*1\s+\*\*\*\s+alice\s+{TABLE_TIME}$"), lines[1]), "{out}");
    assert!(matches(&format!(r"^\s*2\s+\*\*\*\s+alice\s+{TABLE_TIME}\s+current$"), lines[2]), "{out}");
    let a = alice(home.path()).args(["secret", "history", "DB_PASS", "--project", "api", "--json"]).assert().code(0);
    let j = json(&a.get_output().stdout);
    assert_eq!(j.as_array().unwrap().len(), 2);
    assert_eq!(j[0]["version"], 1);
    assert_eq!(j[0]["author"], "alice");
    assert_eq!(j[0]["current"], false);
    assert_eq!(j[1]["current"], true);
    assert!(matches(RFC3339_UTC, j[1]["created_at"].as_str().unwrap()));
    assert!(j[0].get("value").is_none());
    assert_masked_everywhere(home.path(), "api", "DB_PASS", "hist-v1-5a6b7c");
    assert_masked_everywhere(home.path(), "api", "DB_PASS", "hist-v2-8d9e0f");
    assert_absent(home.path(), b"hist-v1-5a6b7c");
    assert_absent(home.path(), b"hist-v2-8d9e0f");
}

#[test]
fn rollback_writes_a_new_version_with_the_old_value() {
    let home = with_api();
    create_secret(home.path(), "api", "DB_PASS", "roll-v1-1f2e3d");
    alice(home.path())
        .args(["secret", "edit", "DB_PASS", "--project", "api", "--value-stdin"])
        .write_stdin("roll-v2-4c5b6a")
        .assert()
        .code(0);
    alice(home.path())
        .args(["secret", "rollback", "DB_PASS", "--project", "api", "--version", "1"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("secret 'DB_PASS' now holds version 1's value as version 3\n");
    assert_eq!(reveal(home.path(), "api", "DB_PASS"), b"roll-v1-1f2e3d");
    assert_eq!(secret_json(home.path(), "api", "DB_PASS", false)["version"], 3);
    let a = alice(home.path()).args(["secret", "history", "DB_PASS", "--project", "api", "--json"]).assert().code(0);
    let versions: Vec<i64> =
        json(&a.get_output().stdout).as_array().unwrap().iter().map(|v| v["version"].as_i64().unwrap()).collect();
    assert_eq!(versions, [1, 2, 3]);

    alice(home.path())
        .args(["secret", "rollback", "DB_PASS", "--project", "api", "--version", "9"])
        .assert()
        .code(3)
        .stderr(contains("version '9' not found in secret 'DB_PASS'"));
    assert_eq!(secret_json(home.path(), "api", "DB_PASS", false)["version"], 3);
    assert_absent(home.path(), b"roll-v1-1f2e3d");
    assert_absent(home.path(), b"roll-v2-4c5b6a");
}

#[test]
fn clone_to_another_project_with_a_new_name() {
    let home = with_api();
    create_project(home.path(), "web");
    create_secret(home.path(), "api", "DB_PASS", "clone-pw-7b8c9d");
    alice(home.path())
        .args(["secret", "clone", "DB_PASS", "--project", "api"])
        .args(["--to-project", "web", "--name", "WEB_DB_PASS"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains("cloned secret 'DB_PASS' to 'WEB_DB_PASS' in project 'web'"));
    let src = secret_json(home.path(), "api", "DB_PASS", false);
    let dst = secret_json(home.path(), "web", "WEB_DB_PASS", false);
    assert_ne!(src["id"], dst["id"]);
    assert_eq!(dst["env_name"], "WEB_DB_PASS");
    assert_eq!(dst["version"], 1);
    assert_eq!(reveal(home.path(), "web", "WEB_DB_PASS"), b"clone-pw-7b8c9d");

    alice(home.path())
        .args(["secret", "edit", "DB_PASS", "--project", "api", "--value-stdin"])
        .write_stdin("clone-new-0e1f2a")
        .assert()
        .code(0);
    assert_eq!(reveal(home.path(), "web", "WEB_DB_PASS"), b"clone-pw-7b8c9d");

    // Same name again in the target: taken.
    alice(home.path())
        .args(["secret", "clone", "DB_PASS", "--project", "api"])
        .args(["--to-project", "web", "--name", "WEB_DB_PASS"])
        .assert()
        .code(4)
        .stderr(contains("secret 'WEB_DB_PASS' already exists in project 'web'"));
    assert_absent(home.path(), b"clone-pw-7b8c9d");
    assert_absent(home.path(), b"clone-new-0e1f2a");
}

#[test]
fn delete_with_yes_removes_the_secret() {
    let home = with_api();
    create_secret(home.path(), "api", "DB_PASS", "del-pw-3a4b5c");
    alice(home.path())
        .args(["secret", "delete", "DB_PASS", "--project", "api"])
        .assert()
        .code(2)
        .stderr(contains("needs --yes when there is no terminal"));
    assert_eq!(reveal(home.path(), "api", "DB_PASS"), b"del-pw-3a4b5c");
    alice(home.path())
        .args(["secret", "delete", "DB_PASS", "--project", "api", "--yes"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("deleted secret 'DB_PASS' from project 'api'\n");
    alice(home.path()).args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"]).assert().code(3).stdout("");
    alice(home.path()).args(["secret", "delete", "DB_PASS", "--project", "api", "--yes"]).assert().code(3);
    assert_absent(home.path(), b"del-pw-3a4b5c");
}

#[test]
fn unknown_secret_exits_3_with_the_list_hint() {
    let home = with_api();
    for verb in ["get", "show", "history"] {
        alice(home.path()).args(["secret", verb, "NOPE", "--project", "api"]).assert().code(3).stdout("").stderr(
            "vault: error: secret 'NOPE' not found in project 'api'\n\
                 vault: hint: see what exists with `vault secret list --project api`\n",
        );
    }
    alice(home.path())
        .args(["secret", "get", "NOPE", "--project", "nope", "--reveal"])
        .assert()
        .code(3)
        .stderr(contains("project 'nope' not found"));
}

#[test]
fn duplicate_name_exits_4_and_keeps_the_first_value() {
    let home = with_api();
    create_secret(home.path(), "api", "DB_PASS", "dup-first-6d7e8f");
    alice(home.path())
        .args(["secret", "create", "DB_PASS", "--project", "api"])
        .write_stdin("dup-second-9a0b1c")
        .assert()
        .code(4)
        .stdout("")
        .stderr(contains("vault: error: secret 'DB_PASS' already exists in project 'api'"));
    // An env name already used by another secret is a conflict too.
    alice(home.path())
        .args(["secret", "create", "OTHER", "--project", "api", "--env-name", "DB_PASS"])
        .write_stdin("dup-second-9a0b1c")
        .assert()
        .code(4)
        .stderr(contains("env var name 'DB_PASS' already exists"));
    assert_eq!(reveal(home.path(), "api", "DB_PASS"), b"dup-first-6d7e8f");
    assert_absent(home.path(), b"dup-first-6d7e8f");
    assert_absent(home.path(), b"dup-second-9a0b1c");
}

#[test]
fn invalid_secret_name_exits_2() {
    let home = with_api();
    alice(home.path())
        .args(["secret", "create", "9_LIVES", "--project", "api"])
        .write_stdin("bad-name-2c3d4e")
        .assert()
        .code(2)
        .stderr(contains("invalid secret name '9_LIVES': it must start with a letter"));
    alice(home.path()).args(["secret", "list", "--project", "api"]).assert().code(0).stdout("");
    assert_absent(home.path(), b"bad-name-2c3d4e");
}

#[test]
fn private_secrets() {
    let home = init_vault();
    alice(home.path())
        .args(["secret", "create", "MY_TOKEN", "--private"])
        .write_stdin("priv-tok-5e6f70")
        .assert()
        .code(0)
        .stderr(contains("created secret 'MY_TOKEN'"));
    let a = alice(home.path()).args(["secret", "list", "--private"]).assert().code(0).stderr("");
    let out = stdout_of(&a);
    assert!(matches(r"(?m)^\s*MY_TOKEN\s+\*\*\*\s+alice", &out), "{out}");
    assert!(!out.contains("priv-tok-5e6f70"), "{out}");
    alice(home.path())
        .args(["secret", "get", "MY_TOKEN", "--private", "--reveal"])
        .assert()
        .code(0)
        .stdout("priv-tok-5e6f70");
    // The personal project is not a project in the list.
    alice(home.path()).args(["project", "list", "--json"]).assert().code(0).stdout("[]\n");
    assert_absent(home.path(), b"priv-tok-5e6f70");
}

#[test]
fn private_works_while_vault_project_is_set() {
    let home = with_api();
    alice(home.path())
        .env("VAULT_PROJECT", "api")
        .args(["secret", "create", "MY_TOKEN", "--private"])
        .write_stdin("priv-env-1a2b3c")
        .assert()
        .code(0);
    alice(home.path())
        .env("VAULT_PROJECT", "api")
        .args(["secret", "get", "MY_TOKEN", "--private", "--reveal"])
        .assert()
        .code(0)
        .stdout("priv-env-1a2b3c");
    alice(home.path()).args(["secret", "list", "--project", "api"]).assert().code(0).stdout("");
}

#[test]
fn unknown_private_secret_hint_names_private() {
    let home = init_vault();
    alice(home.path())
        .args(["secret", "get", "NOPE", "--private"])
        .assert()
        .code(3)
        .stderr(contains("vault secret list --private"));
}

#[test]
fn a_missing_project_is_a_usage_error() {
    let home = with_api();
    for args in [&["secret", "create", "DB_PASS"][..], &["secret", "list"], &["secret", "get", "DB_PASS", "--reveal"]] {
        alice(home.path())
            .args(args)
            .write_stdin("noproj-4f5a6b")
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with("vault: error: which project? pass --project P (or set VAULT_PROJECT"))
            .stderr(contains("or --private"));
    }
    assert_absent(home.path(), b"noproj-4f5a6b");
}

#[test]
fn vault_project_from_the_environment() {
    let home = with_api();
    alice(home.path())
        .env("VAULT_PROJECT", "api")
        .args(["secret", "create", "DB_PASS"])
        .write_stdin("envproj-7c8d9e")
        .assert()
        .code(0)
        .stderr(contains("created secret 'DB_PASS' in project 'api'"));
    alice(home.path())
        .env("VAULT_PROJECT", "api")
        .args(["secret", "get", "DB_PASS", "--reveal"])
        .assert()
        .code(0)
        .stdout("envproj-7c8d9e");
    // The flag beats the environment.
    create_project(home.path(), "web");
    alice(home.path())
        .env("VAULT_PROJECT", "web")
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(0)
        .stdout("envproj-7c8d9e");
    assert_eq!(reveal(home.path(), "api", "DB_PASS"), b"envproj-7c8d9e");
    assert_absent(home.path(), b"envproj-7c8d9e");
}

/// The harness's own check: assert_absent finds bytes planted anywhere under home.
#[test]
fn assert_absent_finds_planted_bytes() {
    let home = init_vault();
    let nested = home.path().join("run").join("vault");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(nested.join("x.session"), b"....planted-needle-0f1e....").unwrap();
    let caught = std::panic::catch_unwind(|| assert_absent(home.path(), b"planted-needle-0f1e"));
    let msg = caught.expect_err("assert_absent missed planted bytes");
    let msg = msg.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(msg.contains("x.session"), "{msg}");
}
