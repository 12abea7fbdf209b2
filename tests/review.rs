//! Findings of the independent security review, each driven through the binary: env names that
//! would run code in `vault run` children, key rotations handing the new key to a row slipped
//! into the file, removing or demoting an owner without breaking what they granted, and dotenv
//! tricks that tried to expand the importer's environment.

mod common;

use common::team::*;
use common::*;
use predicates::prelude::*;

// A community admin must not be able to run code in other projects' `vault run` through a
// shared secret named LD_PRELOAD or BASH_ENV: such env names are refused outright.
#[test]
fn env_names_that_change_how_programs_start_are_refused() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    // RANDOM, OPTIND, ...: bash runs `z[$(cmd)]` assigned to them when it sources an export.
    for env in [
        "LD_PRELOAD",
        "BASH_ENV",
        "PATH",
        "PYTHONPATH",
        "NODE_OPTIONS",
        "VAULT_PASSPHRASE",
        "RANDOM",
        "SRANDOM",
        "OPTIND",
        "HISTCMD",
        "UID",
    ] {
        alice(h)
            .args(["secret", "create", "HOOK", "--project", "api", "--env-name", env])
            .write_stdin("/tmp/evil.so")
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains("changes how programs start")
                    .or(predicate::str::contains("change how programs start")),
            );
    }
    // Nor through a rename of the env name.
    create_secret(h, "api", "GOOD_ONE", "fine-value-1");
    alice(h).args(["secret", "edit", "GOOD_ONE", "--project", "api", "--env-name", "LD_PRELOAD"]).assert().code(2);
    assert_eq!(reveal(h, "api", "GOOD_ONE"), b"fine-value-1");
}

// A row an attacker inserts into project_members must not receive the next key when an owner
// removes someone: the rotation checks every row first and refuses.
#[test]
fn a_rotation_refuses_to_hand_the_new_key_to_an_unverified_row() {
    let home = team(&["bob", "mallory"]);
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", "rotation-secret-1");
    add_member(h, "alice", "api", "bob", "viewer");
    let pid = project_id(h, "api");
    let mid = user_id(h, "mallory");
    let aid = user_id(h, "alice");
    store_sql(
        h,
        &format!(
            "INSERT INTO project_members (project_id, user_id, role, granted_by, sig, key_epoch, wrapped_key, key_signer, key_sig, created_at) \
             VALUES ('{pid}', '{mid}', 'viewer', '{aid}', X'00', 1, X'00', '{aid}', X'00', 0)"
        ),
    );
    alice(h)
        .args(["project", "member", "remove", "api", "bob"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains("members of project 'api'"));
    // Nothing rotated: the project is still at epoch 1 and mallory's row got no key.
    assert_eq!(key_epoch(h, "api"), 1);
    assert_eq!(one(h, &format!("SELECT hex(wrapped_key) FROM project_members WHERE user_id = '{mid}'")), "00");
}

// Removing an owner keeps every membership they granted working (they are re-signed by the
// owner who removes them), and the creator of a project cannot be removed.
#[test]
fn removing_or_demoting_an_owner_keeps_what_they_granted() {
    let home = team(&["bob", "carol", "dave"]);
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", "owner-chain-value");
    add_member(h, "alice", "api", "bob", "owner");
    add_member(h, "bob", "api", "carol", "viewer");
    add_member(h, "bob", "api", "dave", "owner");
    // Demote bob: carol and dave (granted by bob) still read.
    add_member(h, "alice", "api", "bob", "viewer");
    assert_eq!(reveal_as(h, "carol", "api", "DB_PASS"), "owner-chain-value");
    assert_eq!(reveal_as(h, "dave", "api", "DB_PASS"), "owner-chain-value");
    // Remove bob entirely: still fine for them, and bob is out.
    alice(h).args(["project", "member", "remove", "api", "bob"]).assert().success();
    assert_eq!(reveal_as(h, "carol", "api", "DB_PASS"), "owner-chain-value");
    as_user(h, "bob").args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"]).assert().code(6);
    // dave, an owner, cannot remove alice, who created the project.
    as_user(h, "dave")
        .args(["project", "member", "remove", "api", "alice"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("created project 'api'"));
    assert_eq!(reveal(h, "api", "DB_PASS"), b"owner-chain-value");
}

// `x\ #${VAR}`: once an escaped blank (dotenvy), now a backslash then a comment (python-dotenv
// and Node); `${VAR}` must never become the importer's environment either way: in a comment it is
// ignored, in a value refused.
#[test]
fn dotenv_cannot_smuggle_the_importers_environment() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "imp");
    let scratch = scratch();
    let file = scratch.path().join("evil.env");
    std::fs::write(&file, "INNOCENT=x\\ #${VAULT_PASSPHRASE}\nOTHER=\"$HOME\"\n").unwrap();
    alice(h).args(["import", file.to_str().unwrap(), "--project", "imp"]).assert().success();
    assert_eq!(reveal(h, "imp", "INNOCENT"), b"x\\");
    assert_eq!(reveal(h, "imp", "OTHER"), b"$HOME");
    std::fs::write(&file, "SMUGGLED=\"${VAULT_PASSPHRASE}\"\n").unwrap();
    alice(h).args(["import", file.to_str().unwrap(), "--project", "imp"]).assert().code(2);
    assert_absent(h, ALICE_PASS.as_bytes());
}

// vault keeps umask 077 and no core dumps for itself; the programs it runs get the user's own.
#[test]
fn a_run_child_gets_the_callers_umask_not_vaults() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "SOME_KEY", "umask-test-value");
    // umask, core-size limit and signal mask (from /proc): all the caller's, so a child started
    // through vault behaves as it would without it.
    let probe = "umask; ulimit -c; grep '^SigBlk:' /proc/self/status";
    let direct = std::process::Command::new("sh").args(["-c", probe]).output().unwrap();
    let through = alice(h).args(["run", "--project", "api", "--", "sh", "-c", probe]).assert().success();
    assert_eq!(
        String::from_utf8_lossy(&through.get_output().stdout),
        String::from_utf8_lossy(&direct.stdout),
        "the child's umask, core limit and signal state should be the caller's"
    );
    assert!(String::from_utf8_lossy(&direct.stdout).contains("SigBlk:"), "no signal state read");
}

// "Something still depends on this" is one exit code, 4, wherever it is refused (issue 18):
// a shared secret made write-only, a member still in a project removed from the vault, the
// last owner leaving (the last two are checked in tests/user_removal.rs and tests/roles.rs).
#[test]
fn refusals_because_something_depends_on_it_are_exit_4() {
    let home = team(&["bob"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    create_secret(h, "vision", "S3_KEY", "depends-value-5e21");
    alice(h).args(["secret", "share", "S3_KEY", "--project", "vision"]).assert().success();
    let before = vault_state(h);
    alice(h)
        .args(["secret", "edit", "S3_KEY", "--project", "vision", "--write-only"])
        .assert()
        .code(4)
        .stdout("")
        .stderr("vault: error: secret 'S3_KEY' is shared with a community; unshare it before making it write-only\n");
    assert_unchanged(h, &before);
    add_member(h, "alice", "vision", "bob", "viewer");
    let before = vault_state(h);
    alice(h).args(["user", "remove", "bob", "--yes"]).assert().code(4);
    alice(h).args(["project", "member", "remove", "vision", "alice"]).assert().code(4);
    assert_unchanged(h, &before);
}
