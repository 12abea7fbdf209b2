//! `vault project create | list | show | edit | clone | delete`.

mod common;

use std::collections::HashSet;

use common::*;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

fn project_json(home: &std::path::Path, name: &str) -> Value {
    let a = alice(home).args(["project", "show", name, "--json"]).assert().code(0).stderr("");
    json(&a.get_output().stdout)
}

fn list_json(home: &std::path::Path) -> Vec<Value> {
    let a = alice(home).args(["project", "list", "--json"]).assert().code(0);
    json(&a.get_output().stdout).as_array().expect("project list --json is an array").clone()
}

fn secrets_json(home: &std::path::Path, project: &str) -> Vec<Value> {
    let a = alice(home).args(["secret", "list", "--project", project, "--json"]).assert().code(0);
    json(&a.get_output().stdout).as_array().unwrap().clone()
}

#[test]
fn create_then_list_prints_a_table() {
    let home = init_vault();
    alice(home.path())
        .args(["project", "create", "api", "--description", "backend service"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::is_match(r"^created project 'api' \(id [0-9a-f]{32}\)\n$").unwrap());
    create_project(home.path(), "web");
    create_secret(home.path(), "web", "TOKEN", "tok-5b1e7a0c");

    let a = alice(home.path()).args(["project", "list"]).assert().code(0).stderr("");
    let out = stdout_of(&a);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_columns(lines[0], &["NAME", "DESCRIPTION", "ROLE", "SECRETS", "CREATOR", "CREATED", "MODIFIED"]);
    assert!(row_matches(lines[1], &["api", "backend service", "owner", "0", "alice", TABLE_TIME, TABLE_TIME]), "{out}");
    assert!(row_matches(lines[2], &["web", "owner", "1", "alice", TABLE_TIME, TABLE_TIME]), "{out}");
}

#[test]
fn an_empty_list_says_how_to_create_one() {
    let home = init_vault();
    alice(home.path())
        .args(["project", "list"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains("no projects yet: create one with `vault project create NAME`"));
    assert_eq!(list_json(home.path()), Vec::<Value>::new());
}

#[test]
fn list_and_show_json_have_the_documented_fields() {
    let home = init_vault();
    alice(home.path())
        .args(["project", "create", "api", "--description", "backend"])
        .args(["--json"])
        .assert()
        .code(0)
        .stdout(contains("\"name\": \"api\""));
    create_secret(home.path(), "api", "DB_PASS", "pw-9c2d41e7");
    create_secret(home.path(), "api", "DB_USER", "user-0a8f3b");

    let list = list_json(home.path());
    assert_eq!(list.len(), 1);
    let p = &list[0];
    // The documented fields (more may be added; none may go).
    for k in ["id", "name", "description", "role", "secrets", "created_by", "created_at", "modified_at"] {
        assert!(p.get(k).is_some(), "no {k:?} in {p}");
    }
    assert!(matches(r"^[0-9a-f]{32}$", p["id"].as_str().unwrap()), "{p}");
    assert_eq!(p["name"], "api");
    assert_eq!(p["description"], "backend");
    assert_eq!(p["role"], "owner");
    assert_eq!(p["secrets"], 2);
    assert_eq!(p["created_by"], "alice");
    for t in ["created_at", "modified_at"] {
        assert!(matches(RFC3339_UTC, p[t].as_str().unwrap()), "{t}: {p}");
    }

    let shown = project_json(home.path(), "api");
    assert_eq!(shown["id"], p["id"]);
    assert_eq!(shown["secrets"], 2);
    assert_eq!(shown["members"], serde_json::json!([{"user": "alice", "role": "owner"}]));
}

#[test]
fn show_prints_metadata_and_members() {
    let home = init_vault();
    alice(home.path()).args(["project", "create", "api", "--description", "backend"]).assert().code(0);
    let a = alice(home.path()).args(["project", "show", "api"]).assert().code(0).stderr("");
    let out = stdout_of(&a);
    for re in [
        r"(?m)^ID:\s+[0-9a-f]{32}$".to_owned(),
        r"(?m)^Name:\s+api$".to_owned(),
        r"(?m)^Description:\s+backend$".to_owned(),
        r"(?m)^Your role:\s+owner$".to_owned(),
        r"(?m)^Secrets:\s+0$".to_owned(),
        r"(?m)^Members:\s+alice \(owner\)$".to_owned(),
        r"(?m)^Creator:\s+alice$".to_owned(),
        format!(r"(?m)^Created:\s+{TABLE_TIME} UTC$"),
        format!(r"(?m)^Modified:\s+{TABLE_TIME} UTC$"),
    ] {
        assert!(matches(&re, &out), "no line matching {re} in:\n{out}");
    }
    alice(home.path())
        .args(["project", "show", "nope"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("vault: error: project 'nope' not found"))
        .stderr(contains("vault: hint: see what exists with `vault project list`"));
}

#[test]
fn edit_renames_and_redescribes_keeping_secrets() {
    let home = init_vault();
    create_project(home.path(), "api");
    create_secret(home.path(), "api", "DB_PASS", "pw-e1d0c5b2");
    let id = project_json(home.path(), "api")["id"].clone();

    alice(home.path())
        .args(["project", "edit", "api", "--rename", "backend"])
        .args(["--description", "the backend"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("updated project 'backend'\n");
    alice(home.path()).args(["project", "show", "api"]).assert().code(3).stderr(contains("project 'api' not found"));
    let p = project_json(home.path(), "backend");
    assert_eq!(p["id"], id, "a rename keeps the id");
    assert_eq!(p["description"], "the backend");
    assert_eq!(p["secrets"], 1);
    assert_eq!(reveal(home.path(), "backend", "DB_PASS"), b"pw-e1d0c5b2");

    // Description alone.
    alice(home.path())
        .args(["project", "edit", "backend", "--description", "GPU jobs"])
        .assert()
        .code(0)
        .stderr("updated project 'backend'\n");
    assert_eq!(project_json(home.path(), "backend")["description"], "GPU jobs");

    // Nothing to change, a taken name, an invalid name: refused, nothing changed.
    alice(home.path())
        .args(["project", "edit", "backend"])
        .assert()
        .code(2)
        .stderr(contains("vault: error: nothing to change: pass --rename NEW"));
    create_project(home.path(), "web");
    alice(home.path())
        .args(["project", "edit", "backend", "--rename", "web"])
        .assert()
        .code(4)
        .stderr(contains("vault: error: project 'web' already exists"));
    alice(home.path())
        .args(["project", "edit", "backend", "--rename", "9lives"])
        .assert()
        .code(2)
        .stderr(contains("invalid project name '9lives': it must start with a letter"));
    alice(home.path())
        .args(["project", "edit", "nope", "--description", "x"])
        .assert()
        .code(3)
        .stderr(contains("project 'nope' not found"));
    let names: Vec<Value> = list_json(home.path()).iter().map(|p| p["name"].clone()).collect();
    assert_eq!(names, ["backend", "web"]);
    assert_absent(home.path(), b"pw-e1d0c5b2");
}

#[test]
fn invalid_names_exit_2_naming_the_rule_and_create_nothing() {
    let home = init_vault();
    let too_long = "a".repeat(64);
    let cases = [
        ("ab", "it must be at least 3 characters long"),
        (too_long.as_str(), "it must be at most 63 characters long"),
        ("1abc", "it must start with a letter"),
        ("abc-", "it must not end with '-' or '_'"),
        ("abc_", "it must not end with '-' or '_'"),
        ("ab c", "it may contain only letters, digits, '-' and '_'"),
        ("abé", "it may use only Latin letters (A-Z, a-z), digits, '-' and '_'"),
    ];
    for (name, rule) in cases {
        alice(home.path())
            .args(["project", "create", name])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!("vault: error: invalid project name '{name}': {rule}")));
    }
    assert_eq!(list_json(home.path()), Vec::<Value>::new(), "something was created");

    // The boundaries themselves are fine.
    let longest = "a".repeat(63);
    for name in ["abc", longest.as_str(), "a-b_c9", "ML-pipeline_2"] {
        create_project(home.path(), name);
    }
    assert_eq!(list_json(home.path()).len(), 4);
}

#[test]
fn duplicate_name_exits_4() {
    let home = init_vault();
    alice(home.path()).args(["project", "create", "api", "--description", "first"]).assert().code(0);
    alice(home.path())
        .args(["project", "create", "api", "--description", "second"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(contains("vault: error: project 'api' already exists"));
    let list = list_json(home.path());
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["description"], "first");
}

#[test]
fn delete_needs_yes_without_a_terminal() {
    let home = init_vault();
    create_project(home.path(), "api");
    create_secret(home.path(), "api", "DB_PASS", "pw-77a1c3d9");
    let before = vault_state(home.path());

    alice(home.path()).args(["project", "delete", "api"]).assert().code(2).stdout("").stderr(contains(
        "vault: error: deleting project 'api' and all its secrets needs --yes when there is no terminal to confirm on",
    ));
    assert_unchanged(home.path(), &before);
    assert_eq!(reveal(home.path(), "api", "DB_PASS"), b"pw-77a1c3d9");

    alice(home.path())
        .args(["project", "delete", "api", "--yes"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("deleted project 'api' and its 1 secret(s)\n");
    alice(home.path()).args(["project", "show", "api"]).assert().code(3).stderr(contains("project 'api' not found"));
    alice(home.path()).args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"]).assert().code(3).stdout("");
    assert_eq!(list_json(home.path()), Vec::<Value>::new());
    alice(home.path())
        .args(["project", "delete", "api", "--yes"])
        .assert()
        .code(3)
        .stderr(contains("project 'api' not found"));
    assert_absent(home.path(), b"pw-77a1c3d9");
}

#[test]
fn clone_copies_secrets_with_new_ids_and_independent_values() {
    let home = init_vault();
    alice(home.path()).args(["project", "create", "api", "--description", "backend"]).assert().code(0);
    create_secret(home.path(), "api", "DB_PASS", "orig-pw-3f9a1b");
    create_secret(home.path(), "api", "API_KEY", "orig-key-c04e2d");

    alice(home.path()).args(["project", "clone", "api", "--name", "api-staging"]).assert().code(0).stdout("").stderr(
        predicate::str::is_match(r"^cloned project 'api' to 'api-staging' with 2 secret\(s\) \(id [0-9a-f]{32}\)\n$")
            .unwrap(),
    );
    let src = project_json(home.path(), "api");
    let dst = project_json(home.path(), "api-staging");
    assert_ne!(src["id"], dst["id"]);
    assert_eq!(dst["description"], "backend");
    assert_eq!(dst["secrets"], 2);
    assert_eq!(dst["role"], "owner");

    let a = secrets_json(home.path(), "api");
    let b = secrets_json(home.path(), "api-staging");
    let names = |v: &[Value]| {
        let mut n: Vec<String> = v.iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect();
        n.sort();
        n
    };
    assert_eq!(names(&a), names(&b));
    let ids_a: HashSet<&str> = a.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let ids_b: HashSet<&str> = b.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert!(ids_a.is_disjoint(&ids_b), "clone reused secret ids: {ids_a:?} {ids_b:?}");
    assert_eq!(reveal(home.path(), "api-staging", "DB_PASS"), b"orig-pw-3f9a1b");
    assert_eq!(reveal(home.path(), "api-staging", "API_KEY"), b"orig-key-c04e2d");

    // DESIGN.md 4: later edits of the original don't reach the clone, nor the other way.
    alice(home.path())
        .args(["secret", "edit", "DB_PASS", "--project", "api", "--value-stdin"])
        .write_stdin("new-pw-8e2c55")
        .assert()
        .code(0);
    alice(home.path())
        .args(["secret", "edit", "API_KEY", "--project", "api-staging", "--value-stdin"])
        .write_stdin("staging-key-1d7f")
        .assert()
        .code(0);
    assert_eq!(reveal(home.path(), "api", "DB_PASS"), b"new-pw-8e2c55");
    assert_eq!(reveal(home.path(), "api-staging", "DB_PASS"), b"orig-pw-3f9a1b");
    assert_eq!(reveal(home.path(), "api", "API_KEY"), b"orig-key-c04e2d");
    assert_eq!(reveal(home.path(), "api-staging", "API_KEY"), b"staging-key-1d7f");

    // Deleting the original leaves the clone whole.
    alice(home.path()).args(["project", "delete", "api", "--yes"]).assert().code(0);
    assert_eq!(reveal(home.path(), "api-staging", "DB_PASS"), b"orig-pw-3f9a1b");

    for v in ["orig-pw-3f9a1b", "orig-key-c04e2d", "new-pw-8e2c55", "staging-key-1d7f"] {
        assert_absent(home.path(), v.as_bytes());
    }
}

#[test]
fn clone_refuses_a_taken_name_a_missing_source_and_a_bad_name() {
    let home = init_vault();
    create_project(home.path(), "api");
    create_project(home.path(), "web");
    alice(home.path())
        .args(["project", "clone", "api", "--name", "web"])
        .assert()
        .code(4)
        .stderr(contains("vault: error: project 'web' already exists"));
    alice(home.path())
        .args(["project", "clone", "nope", "--name", "copy"])
        .assert()
        .code(3)
        .stderr(contains("project 'nope' not found"));
    alice(home.path())
        .args(["project", "clone", "api", "--name", "x"])
        .assert()
        .code(2)
        .stderr(contains("invalid project name 'x': it must be at least 3 characters long"));
    assert_eq!(list_json(home.path()).len(), 2);
}

/// The harness's own check: vault_state sees a change, and a read changes nothing.
#[test]
fn vault_state_sees_writes_not_reads() {
    let home = init_vault();
    let before = vault_state(home.path());
    alice(home.path()).args(["project", "list"]).assert().code(0);
    assert_unchanged(home.path(), &before);
    create_project(home.path(), "api");
    let caught = std::panic::catch_unwind(|| assert_unchanged(home.path(), &before));
    assert!(caught.is_err(), "vault_state missed a new project");
}
