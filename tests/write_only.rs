//! Write-only secrets in a team vault (issue 4), driven through the binary: they reach programs
//! through `vault run`, but nobody, their writer and the vault admin included, can read them.
//!
//! Every refusal checks the exit code and stderr, that nothing changed (`vault_state`, which
//! leaves out the audit log a refusal appends to), and that no output shows the value.

mod common;

use common::team::*;
use common::*;
use predicates::str::contains;

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
