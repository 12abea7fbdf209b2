//! Private secrets in a team vault (issue 4), driven through the binary: a user's `--private`
//! secrets are invisible to everyone else, the vault admin included.
//!
//! Every refusal checks the exit code and stderr, and no output of any command shows the value.

mod common;

use common::team::*;
use common::*;
use predicates::str::contains;

#[test]
fn private_secrets_are_invisible_to_everyone_else_the_admin_included() {
    let home = team(&["bob"]);
    let h = home.path();
    let bob_value = "bob-private-token-93c1";
    as_user(h, "bob")
        .args(["secret", "create", "MY_TOKEN", "--private"])
        .write_stdin(bob_value)
        .assert()
        .success()
        .stderr(contains("created secret 'MY_TOKEN' in project '@bob'"));
    alice(h)
        .args(["secret", "create", "ALICE_TOKEN", "--private"])
        .write_stdin("alice-private-4f4f")
        .assert()
        .success();

    // Alice (the vault admin) lists only her own.
    let a = alice(h).args(["secret", "list", "--private", "--json", "--reveal"]).assert().success();
    let mine = json(&a.get_output().stdout);
    let names: Vec<&str> = mine.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["ALICE_TOKEN"]);
    let mut outs = vec![a.get_output().clone()];
    outs.push(
        alice(h)
            .args(["secret", "get", "MY_TOKEN", "--private", "--reveal"])
            .assert()
            .code(3)
            .stdout("")
            // Only the first line: the hint's wording is a known bug (tests/secret.rs).
            .stderr(predicates::str::starts_with(
                "vault: error: secret 'MY_TOKEN' not found in project 'your private secrets'\n",
            ))
            .get_output()
            .clone(),
    );
    // Bob's personal project cannot be named, listed or joined.
    for args in [
        vec!["secret", "list", "--project", "@bob", "--reveal"],
        vec!["secret", "get", "MY_TOKEN", "--project", "@bob", "--reveal"],
        vec!["project", "member", "add", "@bob", "alice", "--role", "viewer"],
        vec!["run", "--project", "@bob", "--no-mask", "--", "env"],
    ] {
        outs.push(
            alice(h)
                .args(&args)
                .assert()
                .code(3)
                .stdout("")
                .stderr(contains("vault: error: project '@bob' not found"))
                .get_output()
                .clone(),
        );
    }
    outs.push(alice(h).args(["run", "--private", "--no-mask", "--", "env"]).assert().success().get_output().clone());
    outs.push(alice(h).args(["project", "list", "--json"]).assert().success().get_output().clone());
    for o in &outs {
        assert_no_value(o, &[bob_value]);
    }
    // Only bob holds a grant of his personal project.
    assert_eq!(
        one(h, "SELECT group_concat(u.name) FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = (SELECT id FROM projects WHERE name = '@bob')"),
        "bob"
    );
    assert_eq!(
        as_user(h, "bob")
            .args(["secret", "get", "MY_TOKEN", "--private", "--reveal"])
            .assert()
            .success()
            .get_output()
            .stdout,
        bob_value.as_bytes()
    );
    assert_absent(h, bob_value.as_bytes());
}
