//! Faults and hostile input (issue 7): durability settings, SIGKILL at random moments of writes,
//! concurrent writers, odd files and odd values. Each test asserts what a user would see, and
//! that nothing acknowledged was lost and nothing half-written is visible.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use common::*;
use predicates::prelude::*;

/// A small deterministic generator; the seed is printed so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn seeded() -> Lcg {
        let seed = std::env::var("VAULT_TEST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
        });
        eprintln!("VAULT_TEST_SEED={seed}");
        Lcg(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// A `std::process::Command` for the vault binary with the harness's environment, as alice.
fn raw(home: &Path) -> StdCommand {
    let mut c = StdCommand::new(env!("CARGO_BIN_EXE_vault"));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home.join("run"))
        .env("VAULT_PATH", vault_location(home))
        .env("VAULT_USER", "alice")
        .env("VAULT_PASSPHRASE", ALICE_PASS)
        .current_dir(home)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Starts `args` with `stdin`, SIGKILLs it after `delay` unless it finished; returns whether it
/// reported success on its own.
fn run_and_maybe_kill(home: &Path, args: &[&str], stdin: &[u8], delay: Duration) -> bool {
    let mut child = raw(home).args(args).spawn().expect("spawn vault");
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(stdin);
    }
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.success();
        }
        if start.elapsed() >= delay {
            let _ = child.kill(); // SIGKILL
            let status = child.wait().unwrap();
            // It may have finished between the check and the kill.
            return status.success();
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn list_names(home: &Path, project: &str) -> Vec<String> {
    let out = alice(home).args(["secret", "list", "--project", project, "--json"]).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    v.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect()
}

// See issue 7, "Durability": the binary's own connection reports WAL and synchronous=FULL.
#[test]
fn durability_settings_are_read_back_from_the_binarys_connection() {
    if !file_backend_only() {
        return;
    }
    let home = init_vault();
    let out = alice(home.path()).args(["status", "--json"]).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["storage"]["journal_mode"], "wal");
    assert_eq!(v["storage"]["synchronous"], "full");
    assert_eq!(v["storage"]["foreign_keys"], true);
}

// See issue 7, "Crash safety": SIGKILL at random moments of creates and edits. Every create or
// edit that reported success is present with its value; every listed secret opens (no half
// write is visible); the vault still opens and verifies its audit chain.
#[test]
fn sigkill_during_creates_and_edits_loses_no_acknowledged_write() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "crash");
    let mut rng = Lcg::seeded();
    let mut acked = std::collections::BTreeMap::new();
    for i in 0..40 {
        let name = format!("S_{i:03}");
        let value = format!("value-{i}-{}", rng.next());
        let delay = Duration::from_micros(rng.next() % 40_000);
        if run_and_maybe_kill(h, &["secret", "create", &name, "--project", "crash"], value.as_bytes(), delay) {
            acked.insert(name.clone(), value);
        }
        // Edit an acknowledged one, killed at a random moment too.
        if let Some((n, _)) = acked.iter().nth((rng.next() % acked.len().max(1) as u64) as usize) {
            let n = n.clone();
            let newv = format!("edited-{i}-{}", rng.next());
            let delay = Duration::from_micros(rng.next() % 40_000);
            if run_and_maybe_kill(
                h,
                &["secret", "edit", &n, "--project", "crash", "--value-stdin"],
                newv.as_bytes(),
                delay,
            ) {
                acked.insert(n, newv);
            }
        }
    }
    let names = list_names(h, "crash");
    for (name, value) in &acked {
        assert!(names.contains(name), "acknowledged secret {name} is missing after kills");
        let got = reveal(h, "crash", name);
        // An edit killed after its commit but before it reported is also fine: then the stored
        // value is newer than what we recorded. Only a value we never wrote would be a bug.
        assert!(
            got.starts_with(b"value-") || got.starts_with(b"edited-"),
            "{name} holds {:?}",
            String::from_utf8_lossy(&got)
        );
        if got != value.as_bytes() {
            assert!(got.starts_with(b"edited-"), "{name} lost its acknowledged value {value}");
        }
    }
    for name in &names {
        // No half-written secret: every listed one opens.
        reveal(h, "crash", name);
    }
    alice(h).args(["audit", "--verify"]).assert().success();
}

// See issue 7: an import killed at any moment is all or nothing.
#[test]
fn sigkill_during_import_is_all_or_nothing() {
    let home = init_vault();
    let h = home.path();
    let scratch = scratch();
    let mut dotenv = String::new();
    for i in 0..300 {
        dotenv.push_str(&format!("IMP_{i:04}=\"import-value-{i}\"\n"));
    }
    let file = scratch.path().join("big.env");
    std::fs::write(&file, &dotenv).unwrap();
    let mut rng = Lcg::seeded();
    for round in 0..8 {
        let project = format!("imp{round}");
        create_project(h, &project);
        let delay = Duration::from_micros(rng.next() % 80_000);
        let ok = run_and_maybe_kill(h, &["import", file.to_str().unwrap(), "--project", &project], b"", delay);
        let n = list_names(h, &project).len();
        assert!(n == 0 || n == 300, "round {round}: import left {n} of 300 secrets");
        if ok {
            assert_eq!(n, 300, "round {round}: an acknowledged import is complete");
        }
    }
}

// See issue 7: member changes (which rotate every key of the project) killed at random moments
// leave a project whose secrets all open for its owner.
#[test]
fn sigkill_during_member_changes_leaves_a_consistent_project() {
    let home = init_vault();
    let h = home.path();
    let scratch = scratch();
    let pass = scratch.path().join("bob.pass");
    std::fs::write(&pass, "bob pass phrase").unwrap();
    alice(h)
        .args([
            "user",
            "add",
            "bob",
            "--new-passphrase-file",
            pass.to_str().unwrap(),
            "--kdf-memory",
            "8",
            "--kdf-iterations",
            "1",
        ])
        .assert()
        .success();
    vault(h)
        .env("VAULT_USER", "bob")
        .env("VAULT_PASSPHRASE", "bob pass phrase")
        .args(["project", "list"])
        .assert()
        .success();
    create_project(h, "team");
    for i in 0..20 {
        create_secret(h, "team", &format!("T_{i:02}"), format!("team-value-{i}"));
    }
    let mut rng = Lcg::seeded();
    for _ in 0..12 {
        let delay = Duration::from_micros(rng.next() % 60_000);
        run_and_maybe_kill(h, &["project", "member", "add", "team", "bob", "--role", "viewer"], b"", delay);
        let delay = Duration::from_micros(rng.next() % 60_000);
        run_and_maybe_kill(h, &["project", "member", "remove", "team", "bob"], b"", delay);
    }
    for i in 0..20 {
        assert_eq!(reveal(h, "team", &format!("T_{i:02}")), format!("team-value-{i}").as_bytes());
    }
}

// See issue 7, "Concurrency": 4 writers x 50 creates plus readers, all succeed, none lost.
#[test]
fn concurrent_writers_and_readers_lose_nothing() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "busy");
    // A session, so each command costs no key derivation.
    let out = alice(h).args(["unlock", "--ttl", "10m"]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let token = stdout.trim().strip_prefix("export VAULT_SESSION='").unwrap().strip_suffix('\'').unwrap().to_owned();
    let mut handles = Vec::new();
    for w in 0..4 {
        let home = h.to_owned();
        let token = token.clone();
        handles.push(std::thread::spawn(move || {
            for i in 0..50 {
                let status = raw(&home)
                    .env_remove("VAULT_PASSPHRASE")
                    .env("VAULT_SESSION", &token)
                    .args(["secret", "create", &format!("W{w}_{i:02}"), "--project", "busy"])
                    .stdin(Stdio::piped())
                    .spawn()
                    .and_then(|mut c| {
                        c.stdin.take().unwrap().write_all(format!("w{w}-v{i}").as_bytes())?;
                        c.wait()
                    })
                    .unwrap();
                assert!(status.success(), "writer {w} create {i} failed");
            }
        }));
    }
    for _ in 0..2 {
        let home = h.to_owned();
        let token = token.clone();
        handles.push(std::thread::spawn(move || {
            for _ in 0..40 {
                let status = raw(&home)
                    .env_remove("VAULT_PASSPHRASE")
                    .env("VAULT_SESSION", &token)
                    .args(["secret", "list", "--project", "busy", "--reveal"])
                    .status()
                    .unwrap();
                assert!(status.success(), "a reader failed");
            }
        }));
    }
    for t in handles {
        t.join().unwrap();
    }
    let names = list_names(h, "busy");
    assert_eq!(names.len(), 200);
    assert_eq!(reveal(h, "busy", "W3_49"), b"w3-v49");
}

#[test]
fn a_folder_or_a_missing_parent_where_the_file_should_be_is_a_clear_error() {
    if !file_backend_only() {
        return;
    }
    let home = init_vault();
    let h = home.path();
    // The vault path is a folder.
    let dir = h.join("a-folder.db");
    std::fs::create_dir(&dir).unwrap();
    alice(h)
        .env("VAULT_PATH", &dir)
        .args(["project", "list"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains("not a regular file"))
        .stderr(predicate::str::contains("panicked").not());
    // init under a path whose parent is a file.
    let file = h.join("plain-file");
    std::fs::write(&file, "x").unwrap();
    alice(h)
        .env("VAULT_PATH", file.join("vault.db"))
        .args(["init", "--kdf-memory", "8", "--kdf-iterations", "1"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("vault: error: cannot create"));
}

#[test]
fn megabyte_values_nul_bytes_and_multiline_unicode_round_trip() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "odd");
    // Exactly 1 MiB of multi-line unicode.
    let line = "ключ=значение 🔑 \"quoted\" 'single' $HOME #hash\r\n";
    let mut big = line.repeat(1024 * 1024 / line.len());
    while big.len() < 1024 * 1024 {
        big.push('x');
    }
    assert_eq!(big.len(), 1024 * 1024);
    create_secret(h, "odd", "BIG_VALUE", &big);
    assert_eq!(reveal(h, "odd", "BIG_VALUE"), big.as_bytes());
    // A NUL byte is valid UTF-8 and is kept; `vault run` refuses it as an env var by name.
    create_secret(h, "odd", "NUL_VALUE", "before\0after");
    assert_eq!(reveal(h, "odd", "NUL_VALUE"), b"before\0after");
    alice(h)
        .args(["run", "--project", "odd", "--", "true"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("secret 'NUL_VALUE' contains a NUL byte"));
    assert_absent(h, b"before\0after");
}

#[test]
fn huge_dotenv_import_and_empty_stdin() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "huge");
    let scratch = scratch();
    let mut dotenv = String::from("# generated\n");
    for i in 0..5000 {
        dotenv.push_str(&format!("export HUGE_{i:05}='v{i}-{}'\n", "z".repeat(100)));
    }
    let file = scratch.path().join("huge.env");
    std::fs::write(&file, &dotenv).unwrap();
    alice(h)
        .args(["import", file.to_str().unwrap(), "--project", "huge"])
        .assert()
        .success()
        .stderr(predicate::str::contains("5000 created"));
    assert_eq!(list_names(h, "huge").len(), 5000);
    alice(h)
        .args(["secret", "create", "EMPTY_ONE", "--project", "huge"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the value is empty"));
}

#[test]
fn names_at_every_boundary() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "bounds");
    let ok = ["abc", "A_1", &"a".repeat(63), "a-b_c-9Z"];
    for n in ok {
        alice(h)
            .args(["secret", "create", n, "--project", "bounds", "--env-name", "ENV_OK"])
            .write_stdin("v1234")
            .assert()
            .success();
        alice(h).args(["secret", "delete", n, "--project", "bounds", "--yes"]).assert().success();
    }
    for n in ["ab", &"a".repeat(64), "9abc", "abc-", "abc_", "a bc", "abé", "", "a\u{1b}[2Jb"] {
        alice(h)
            .args(["secret", "create", n, "--project", "bounds"])
            .write_stdin("v1234")
            .assert()
            .code(2)
            .stderr(predicate::str::starts_with("vault: error: invalid secret name"))
            .stderr(predicate::str::contains("\u{1b}").not());
    }
    assert!(list_names(h, "bounds").is_empty());
}

fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

/// Runs the vault binary so that file modes apply: as the unprivileged user `nobody` when the
/// tests run as root (as CI does; root ignores modes), else as the current user.
fn unprivileged(home: &Path, args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut c = if running_as_root() {
        let mut c = StdCommand::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(env!("CARGO_BIN_EXE_vault"));
        c
    } else {
        StdCommand::new(env!("CARGO_BIN_EXE_vault"))
    };
    c.args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home.join("run"))
        .env("VAULT_PATH", vault_location(home))
        .env("VAULT_USER", "alice")
        .env("VAULT_PASSPHRASE", ALICE_PASS)
        .current_dir(home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("setpriv");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

// See issue 7, "a read-only file or folder": one clear error (exit 1, not "damaged") and
// nothing changes. Root ignores file modes, so as root the binary runs as `nobody` here.
#[test]
fn a_read_only_vault_file_and_folder_is_one_clear_error() {
    if !file_backend_only() {
        return;
    }
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let home = init_vault();
    let h = home.path();
    create_project(h, "rop");
    create_secret(h, "rop", "RO_KEY", "read-only-value");
    let root = running_as_root();
    if root {
        // Hand the whole home to nobody, who runs the binary below.
        let status = StdCommand::new("chown").args(["-R", "65534:65534"]).arg(h).status().unwrap();
        assert!(status.success());
    }
    assert_ne!(std::fs::metadata(h).unwrap().uid(), 0, "the files must belong to whoever runs vault, not root");
    // Take write permission away from file and folder.
    std::fs::set_permissions(h, std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = vault_path(h).parent().unwrap().to_owned();
    for f in std::fs::read_dir(&dir).unwrap() {
        std::fs::set_permissions(f.unwrap().path(), std::fs::Permissions::from_mode(0o400)).unwrap();
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    let before = std::fs::read(vault_path(h)).unwrap();

    let out = unprivileged(h, &["secret", "create", "NEW_ONE", "--project", "rop"], b"new-value-1");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "a write to a read-only vault must fail");
    assert!(stderr.starts_with("vault: error:"), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("new-value-1"), "{stderr}");
    assert_eq!(std::fs::read(vault_path(h)).unwrap(), before, "the file changed");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // A read says the same, clearly, rather than calling the file damaged.
    let read = unprivileged(h, &["secret", "list", "--project", "rop"], b"");
    let rerr = String::from_utf8_lossy(&read.stderr).to_string();
    assert_eq!(read.status.code(), Some(1), "{rerr}");
    assert!(rerr.contains("read-only") && !rerr.contains("damaged"), "{rerr}");

    // Put permissions back so the temp folder can be removed.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    if root {
        let _ = StdCommand::new("chown").args(["-R", "0:0"]).arg(h).status();
    }
}

/// Every read appends an audit event to the WAL (about 8 KiB), and the first process to open
/// the file reads the whole WAL to rebuild its index: a WAL left to grow would make every open
/// slower (100 reads grew it to 820 KiB). Past 256 KiB a closing read checkpoints it, so it
/// stays bounded however many reads there are, and the events are all kept.
#[test]
fn reads_do_not_grow_the_wal_without_bound() {
    if !file_backend_only() {
        return;
    }
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", "wal-bound-value-77c1");
    let wal = std::path::PathBuf::from(format!("{}-wal", vault_path(h).display()));
    let events = |h: &Path| store_sql(h, "SELECT count(*) FROM audit").parse::<u64>().unwrap();
    let before = events(h);
    let mut largest = 0;
    for _ in 0..100 {
        alice(h).args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"]).assert().success();
        largest = largest.max(std::fs::metadata(&wal).map_or(0, |m| m.len()));
    }
    assert!(largest > 0, "no WAL seen: the check would be vacuous");
    assert!(largest < 384 * 1024, "the WAL grew to {largest} bytes over 100 reads");
    assert_eq!(events(h), before + 100, "an audit event of a read was lost");
}
