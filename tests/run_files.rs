//! Values the environment cannot carry (issue 17, item 2): `vault run --files`, and values too
//! large for the environment handed as sealed in-memory files by themselves, never on disk,
//! gone when the child exits even after `kill -9` of vault, and still masked.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

fn run_sh(home: &Path, flags: &[&str], script: &str) -> std::process::Output {
    alice(home).args(["run", "--project", "app"]).args(flags).args(["--", "sh", "-c", script]).output().unwrap()
}

/// A value of `len` bytes that no other test text contains.
fn big_value(tag: &str, len: usize) -> String {
    let mut v = format!("{tag}-");
    let mut x: u32 = 0x1234_5678 ^ len as u32;
    while v.len() < len {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        v.push(char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[(x % 36) as usize]));
    }
    v
}

fn app_with(values: &[(&str, &str)]) -> tempfile::TempDir {
    let home = init_vault();
    create_project(home.path(), "app");
    for (name, value) in values {
        create_secret(home.path(), "app", name, value);
    }
    home
}

#[test]
fn files_hands_every_secret_as_a_sealed_in_memory_file() {
    let home = app_with(&[("API_KEY", "api-key-value-8812")]);
    let h = home.path();
    let script = "printf '%s|' \"${API_KEY-unset}\" \"$API_KEY_FILE\"; cat \"$API_KEY_FILE\"; \
                  printf '|'; readlink \"$API_KEY_FILE\"; \
                  printf x 2>/dev/null >> \"$API_KEY_FILE\" && echo WRITABLE || echo sealed";
    let out = run_sh(h, &["--files", "--no-mask"], script);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let got = text(&out.stdout);
    let parts: Vec<&str> = got.splitn(4, '|').collect();
    assert_eq!(parts[0], "unset", "{got}");
    assert!(parts[1].starts_with("/dev/fd/"), "{got}");
    assert_eq!(parts[2], "api-key-value-8812", "{got}");
    // An anonymous memory file, on no file system: the link names memfd, not a path.
    assert!(parts[3].starts_with("/memfd:"), "{got}");
    assert!(got.ends_with("sealed\n"), "{got}");
    // Masked like any value when printed.
    let out = run_sh(h, &["--files"], "cat \"$API_KEY_FILE\"");
    assert_eq!(text(&out.stdout), "***");
    assert_absent(h, b"api-key-value-8812");
}

#[test]
fn a_value_too_large_for_the_environment_goes_as_a_file_with_a_note() {
    // 200 KiB: over Linux's 128 KiB limit for one environment string ("Argument list too
    // long" before).
    let big = big_value("kubeconfig", 200 * 1024);
    let home = app_with(&[("KUBECONFIG_YAML", &big), ("SMALL", "small-value-551")]);
    let h = home.path();
    let out = run_sh(
        h,
        &[],
        "printf '%s|%s|' \"${KUBECONFIG_YAML-unset}\" \"$SMALL\"; wc -c < \"$KUBECONFIG_YAML_FILE\"; \
         head -c 10 \"$KUBECONFIG_YAML_FILE\"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim_end(), format!("unset|***|{}\nkubeconfig", 200 * 1024));
    let err = text(&out.stderr);
    assert!(
        err.contains("vault: note: too large for the environment") && err.contains("KUBECONFIG_YAML_FILE"),
        "{err}"
    );
    assert!(!err.contains("SMALL") && !err.contains(&big[..40]), "{err}");
    // The whole value printed is masked.
    let out = run_sh(h, &[], "cat \"$KUBECONFIG_YAML_FILE\"");
    assert_eq!(text(&out.stdout), "***");
    assert_absent(h, &big.as_bytes()[..4096]);
}

#[test]
fn an_environment_over_its_share_of_arg_max_moves_the_largest_values_to_files() {
    // Each value fits one environment string; together they pass ARG_MAX (2 MiB here).
    let values: Vec<(String, String)> =
        (0..24).map(|i| (format!("BLOB_{i:02}"), big_value(&format!("blob{i:02}"), 100 * 1024 + i * 10))).collect();
    let refs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let home = app_with(&refs);
    let h = home.path();
    let out = run_sh(
        h,
        &[],
        "n=0; for i in 00 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23; do \
           eval \"v=\\${BLOB_$i-}\"; eval \"f=\\${BLOB_${i}_FILE-}\"; \
           if [ -n \"$v\" ]; then n=$((n+1)); elif [ -n \"$f\" ] && [ -s \"$f\" ]; then n=$((n+1)); fi; done; echo $n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "24\n", "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("too large for the environment"), "{err}");
    // The largest went first.
    assert!(err.contains("BLOB_23_FILE"), "{err}");
}

#[test]
fn the_file_outlives_a_killed_vault_and_dies_with_the_child() {
    let value = "survives-kill-9-value-3317";
    let home = app_with(&[("TOKEN", value)]);
    let h = home.path();
    let dir = scratch();
    let d = dir.path();
    let script = format!(
        "echo $$ > {pid}; while [ ! -e {go} ]; do sleep 0.05; done; cat \"$TOKEN_FILE\" > {out}",
        pid = d.join("pid").display(),
        go = d.join("go").display(),
        out = d.join("out").display()
    );
    // The environment `common::vault` builds, as a std Command we can kill.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vault"));
    child
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(alice_env(h))
        .args(["run", "--project", "app", "--files", "--no-mask", "--", "sh", "-c", &script])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut vault_child = child.spawn().unwrap();
    let start = Instant::now();
    while !d.join("pid").exists() {
        assert!(start.elapsed() < Duration::from_secs(20), "the child never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    let sh_pid: u32 = std::fs::read_to_string(d.join("pid")).unwrap().trim().parse().unwrap();
    // kill -9 vault; the child reads the file afterwards.
    vault_child.kill().unwrap();
    vault_child.wait().unwrap();
    std::fs::write(d.join("go"), "").unwrap();
    let start = Instant::now();
    while Path::new(&format!("/proc/{sh_pid}")).exists() {
        assert!(start.elapsed() < Duration::from_secs(20), "the child never ended");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(std::fs::read_to_string(d.join("out")).unwrap(), value);
    // Nothing in the vault's folders or in shared memory holds it (the only copy written is
    // the test's own, outside them).
    assert_absent(h, value.as_bytes());
    for f in all_files(Path::new("/dev/shm")) {
        if let Ok(bytes) = std::fs::read(&f) {
            assert!(find(&bytes, value.as_bytes()).is_none(), "the value is in {}", f.display());
        }
    }
}

#[test]
fn a_file_variable_that_would_change_a_program_is_refused() {
    // PIP_CONFIG is a fine env name, but handed as a file it would set PIP_CONFIG_FILE, which
    // pip reads its configuration (and package index) from.
    let home = app_with(&[("PIP_CONFIG", "index-url = https://evil.example/simple")]);
    let h = home.path();
    let out = run_sh(h, &["--files"], "true");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("PIP_CONFIG_FILE"), "{}", text(&out.stderr));
}

#[test]
fn a_file_variable_another_secret_sets_is_refused_and_an_inherited_one_is_named() {
    let big = big_value("cabundle", 140 * 1024);
    let home = app_with(&[("CA_BUNDLE", &big), ("CA_BUNDLE_FILE", "/etc/ssl/certs/ca.pem")]);
    let h = home.path();
    let out = run_sh(h, &[], "true");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("'CA_BUNDLE'") && err.contains("'CA_BUNDLE_FILE'"), "{err}");
    assert!(!err.contains(&big[..40]), "{err}");

    // An inherited variable the file replaces is named, as an inherited env var is.
    let home = app_with(&[("CA_BUNDLE", &big)]);
    let h = home.path();
    let out = alice(h)
        .env("CA_BUNDLE_FILE", "/inherited/path")
        .args(["run", "--project", "app", "--", "sh", "-c", "wc -c < \"$CA_BUNDLE_FILE\""])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), (140 * 1024).to_string());
    assert!(text(&out.stderr).contains("override inherited CA_BUNDLE_FILE"), "{}", text(&out.stderr));
}
