//! The config file (issue 5): TOML in the config dir sets a default project, vault path and
//! user; flags and environment variables win over it; a malformed file is a clear error.

mod common;

use common::*;
use predicates::prelude::*;

fn write_config(home: &std::path::Path, text: &str) {
    let dir = home.join("config").join("vault");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

#[test]
fn default_project_comes_from_the_config_file_and_flags_win() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "from-config");
    create_project(h, "from-flag");
    create_secret(h, "from-config", "CONF_KEY", "config-value");
    create_secret(h, "from-flag", "FLAG_KEY", "flag-value");
    write_config(h, "project = \"from-config\"\n");
    alice(h).args(["secret", "get", "CONF_KEY", "--reveal"]).assert().success().stdout("config-value");
    // VAULT_PROJECT beats the config file, --project beats both.
    alice(h)
        .env("VAULT_PROJECT", "from-flag")
        .args(["secret", "get", "FLAG_KEY", "--reveal"])
        .assert()
        .success()
        .stdout("flag-value");
    alice(h)
        .env("VAULT_PROJECT", "from-config")
        .args(["secret", "get", "FLAG_KEY", "--project", "from-flag", "--reveal"])
        .assert()
        .success()
        .stdout("flag-value");
}

#[test]
fn vault_path_from_the_config_file() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "elsewhere");
    write_config(h, &format!("vault = \"{}\"\nuser = \"alice\"\n", vault_shown(h)));
    alice(h)
        .env_remove("VAULT_PATH")
        .env_remove("VAULT_USER")
        .args(["project", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("elsewhere"));
}

#[test]
fn a_malformed_or_unknown_key_config_is_a_clear_error() {
    let home = init_vault();
    let h = home.path();
    write_config(h, "projet = \"typo\"\n");
    alice(h)
        .args(["project", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("vault: error: config file"))
        .stderr(predicate::str::contains("projet"));
}
