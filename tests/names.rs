//! Secret names that are not env names (issue 17): `hf-token` gets the env name `hf_token`, an
//! explicit `--env-name` is taken as given or refused, two secrets cannot set one env var, and
//! every command checks its arguments before it asks for a value or a passphrase.

mod common;

use common::*;
use predicates::prelude::*;
use predicates::str::contains;

const HF: &str = "hf_live_4Qz8pLk2Vx9mN3rT";

fn env_name(home: &std::path::Path, project: &str, name: &str) -> String {
    let a = alice(home).args(["secret", "show", name, "--project", project, "--json"]).assert().code(0);
    json(&a.get_output().stdout)["env_name"].as_str().unwrap().to_owned()
}

#[test]
fn a_hyphenated_secret_reaches_programs_under_its_derived_env_name() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "mlp");
    create_secret(h, "mlp", "hf-token", HF);
    assert_eq!(env_name(h, "mlp", "hf-token"), "hf_token");

    // `show` names it, in the field and in the sample code.
    let shown = stdout_of(&alice(h).args(["secret", "show", "hf-token", "--project", "mlp"]).assert().code(0));
    assert!(matches(r"(?m)^Env name:\s+hf_token$", &shown), "{shown}");
    assert!(shown.contains("printenv hf_token") && shown.contains("os.environ['hf_token']"), "{shown}");

    // The program gets it under that name, masked in its output; --no-mask shows it arrived.
    alice(h)
        .args(["run", "--project", "mlp", "--", "sh", "-c", "printf '%s' \"$hf_token\""])
        .assert()
        .code(0)
        .stdout("***");
    alice(h)
        .args(["run", "--project", "mlp", "--no-mask", "--", "sh", "-c", "printf '%s' \"$hf_token\""])
        .assert()
        .code(0)
        .stdout(HF);
    // Exported under it too.
    alice(h)
        .args(["export", "--project", "mlp", "--format", "dotenv", "--reveal"])
        .assert()
        .code(0)
        .stdout(format!("hf_token='{HF}'\n"));

    // The env name follows a rename and a clone, as it follows an unhyphenated name.
    alice(h).args(["secret", "edit", "hf-token", "--project", "mlp", "--rename", "hf-key"]).assert().code(0);
    assert_eq!(env_name(h, "mlp", "hf-key"), "hf_key");
    create_project(h, "mlx-copy");
    alice(h)
        .args(["secret", "clone", "hf-key", "--project", "mlp", "--to-project", "mlx-copy", "--name", "hub-token"])
        .assert()
        .code(0);
    assert_eq!(env_name(h, "mlx-copy", "hub-token"), "hub_token");
    assert_eq!(reveal(h, "mlx-copy", "hub-token"), HF.as_bytes());

    // An env name set apart from the name stays put through a rename.
    alice(h).args(["secret", "edit", "hf-key", "--project", "mlp", "--env-name", "HUGGINGFACE_TOKEN"]).assert().code(0);
    alice(h).args(["secret", "edit", "hf-key", "--project", "mlp", "--rename", "hf-main"]).assert().code(0);
    assert_eq!(env_name(h, "mlp", "hf-main"), "HUGGINGFACE_TOKEN");
    assert_absent(h, HF.as_bytes());
}

#[test]
fn two_secrets_deriving_one_env_name_is_exit_4_naming_the_first() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "mlp");
    create_secret(h, "mlp", "hf-token", HF);
    let before = vault_state(h);
    let a = alice(h)
        .args(["secret", "create", "hf_token", "--project", "mlp"])
        .write_stdin("other-value-77")
        .assert()
        .code(4)
        .stdout("");
    let err = stderr_of(&a);
    assert!(err.contains("hf_token") && err.contains("'hf-token'"), "{err}");
    assert!(!err.contains("other-value-77") && !err.contains(HF), "{err}");
    assert_unchanged(h, &before);

    // A rename onto a name deriving a taken env name is refused the same way.
    create_secret(h, "mlp", "wandb-key", "wandb-value-12345");
    let before = vault_state(h);
    alice(h)
        .args(["secret", "edit", "wandb-key", "--project", "mlp", "--rename", "hf_token"])
        .assert()
        .code(4)
        .stderr(contains("'hf-token'"));
    assert_unchanged(h, &before);
}

#[test]
fn an_explicit_env_name_is_taken_as_given_or_refused() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "mlp");
    let before = vault_state(h);
    for bad in ["hf-token", "1TOKEN", "LD_PRELOAD", "has space"] {
        let a = alice(h)
            .args(["secret", "create", "hf-token", "--project", "mlp", "--env-name", bad])
            .write_stdin(HF)
            .assert()
            .code(2)
            .stdout("");
        let err = stderr_of(&a);
        assert!(err.contains("env var") && !err.contains(HF), "{bad}: {err}");
    }
    assert_unchanged(h, &before);
    // A dangerous name derived from a secret name is refused as an explicit one is.
    alice(h).args(["secret", "create", "LD-PRELOAD", "--project", "mlp"]).write_stdin(HF).assert().code(2);
    assert_unchanged(h, &before);
}

/// With a value on stdin and no passphrase anywhere: a command that checked its arguments late
/// would read the value, then fail for the missing passphrase (exit 5). Checked first, it is
/// exit 2 for the argument and never gets as far as the passphrase.
#[test]
fn every_command_checks_its_arguments_before_it_asks_for_anything() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "mlp");
    create_secret(h, "mlp", "api-key", "api-value-0042");
    create_project(h, "other");
    let before = vault_state(h);
    let cases: &[&[&str]] = &[
        &["secret", "create", "no!", "--project", "mlp"],
        &["secret", "create", "ok-name", "--project", "mlp", "--env-name", "BASH_ENV"],
        &["secret", "create", "ok-name", "--project", "mlp", "--env-name", "a-b"],
        &["secret", "edit", "api-key", "--project", "mlp", "--rename", "x", "--value-stdin"],
        &["secret", "edit", "api-key", "--project", "mlp", "--env-name", "PATH", "--value-stdin"],
        &["secret", "clone", "api-key", "--project", "mlp", "--to-project", "other", "--name", "9lives"],
        &["secret", "accept", "api-key", "--project", "other", "--env-name", "LD_PRELOAD"],
        &["project", "create", "ab"],
        &["project", "edit", "mlp", "--rename", "b_"],
        &["project", "clone", "mlp", "--name", "bad name"],
        &["community", "create", "c!"],
        &["community", "edit", "c1", "--rename", "x"],
        &["user", "add", "Bad Name"],
    ];
    for args in cases {
        // No VAULT_PASSPHRASE, no session, no terminal: asking for a passphrase would be exit 5.
        let a = vault(h).args(*args).write_stdin("typed-value-9931").assert().stdout("");
        let out = a.get_output();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        // Refused for the name, not by the argument parser.
        assert!(err.starts_with("vault: error: invalid "), "{args:?}: {err}");
        assert!(!err.contains("passphrase") && !err.contains("typed-value-9931"), "{args:?}: {err}");
    }
    assert_unchanged(h, &before);
    // And nothing reached the audit log in anyone's name: no unlock was attempted.
    let audit = stdout_of(&alice(h).args(["audit", "--json"]).assert().code(0));
    assert!(!audit.contains("failed (exit 2)"), "{audit}");
    assert_absent(h, b"typed-value-9931");
}

#[test]
fn import_keeps_env_names_as_they_are() {
    // An imported key is an env name already: a hyphen in one is refused with its line, not
    // rewritten (the file's reader would look for the key as written).
    let home = init_vault();
    let h = home.path();
    create_project(h, "mlp");
    let dir = scratch();
    let file = dir.path().join("x.env");
    std::fs::write(&file, format!("GOOD_KEY=v1-value-1\nhf-token={HF}\n")).unwrap();
    let before = vault_state(h);
    alice(h)
        .args(["import"])
        .arg(&file)
        .args(["--project", "mlp"])
        .assert()
        .code(2)
        .stderr(contains("line 2").and(contains(HF).not()));
    assert_unchanged(h, &before);
}
