//! `vault scan` (issue 14): the values of your secrets found in files, folders, stdin, git
//! history, the index and notebooks, in every encoded form, with decoys that must not be
//! reported; never a value or a part of one in what it prints.

mod common;

use std::path::Path;
use std::process::Command as Std;

use base64::Engine as _;
use common::*;
use predicates::str::contains;

const API_KEY: &str = "sk-live-9Qv2mX7pL4tR8wZ1";
const DB_PASS: &str = "hunter2-Correct-Horse!";
const PEM: &str = "-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\nQ0Zb7s3rT1uV5wX9yA2bC4d\n-----END KEY-----";
const SIGNING: &str = "signing-key-write-only-77";
const OTHER: &str = "web-only-token-5f3a9c";

/// alice's vault: project `api` (API_KEY, DB_PASS, PEM, write-only SIGNING_KEY), project `web`
/// (WEB_TOKEN), and a private secret MY_TOKEN.
fn setup() -> tempfile::TempDir {
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_project(h, "web");
    create_secret(h, "api", "API_KEY", API_KEY);
    create_secret(h, "api", "DB_PASS", DB_PASS);
    create_secret(h, "api", "PEM", PEM);
    alice(h)
        .args(["secret", "create", "SIGNING_KEY", "--project", "api", "--write-only"])
        .write_stdin(SIGNING)
        .assert()
        .code(0);
    create_secret(h, "web", "WEB_TOKEN", OTHER);
    alice(h).args(["secret", "create", "MY_TOKEN", "--private"]).write_stdin("private-tok-81x").assert().code(0);
    home
}

/// Fails if the output holds any 6-byte piece of a value (or its base64).
fn assert_no_fragment(out: &str) {
    for v in [API_KEY, DB_PASS, PEM, SIGNING, OTHER, "private-tok-81x"] {
        let b64 = base64::engine::general_purpose::STANDARD.encode(v);
        for s in [v, b64.as_str()] {
            for w in s.as_bytes().windows(6) {
                let w = std::str::from_utf8(w).unwrap_or("");
                assert!(w.is_empty() || !out.contains(w), "output holds {w:?} of a value:\n{out}");
            }
        }
    }
}

fn scan(h: &Path, dir: &Path, args: &[&str]) -> (i32, String, String) {
    let a = alice(h).current_dir(dir).arg("scan").args(args).assert();
    let o = a.get_output();
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_no_fragment(&out);
    assert_no_fragment(&err);
    (o.status.code().unwrap_or(-1), out, err)
}

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn git(dir: &Path, args: &[&str]) -> String {
    let o = Std::new("git")
        .current_dir(dir)
        .args(["-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "init.defaultBranch=main"])
        .args(args)
        .output()
        .expect("git");
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).trim().to_owned()
}

#[test]
fn finds_every_form_in_a_tree_and_no_decoy() {
    let home = setup();
    let h = home.path();
    let tree = scratch();
    let t = tree.path();
    let std64 = |v: &str| base64::engine::general_purpose::STANDARD.encode(v);
    let hex: String = DB_PASS.bytes().map(|b| format!("{b:02x}")).collect();
    let pct = DB_PASS.replace('!', "%21");
    // Base64 of the key inside a longer base64 text, at an offset of one byte.
    let inner = base64::engine::general_purpose::STANDARD.encode(format!("x{API_KEY}yz"));
    write(t, "src/config.py", format!("import os\nKEY = \"{API_KEY}\"\n"));
    write(t, "src/deep/b64.txt", format!("header\n  auth: {}\n", std64(DB_PASS)));
    write(t, "logs/run.log", format!("a\nb\nurl=https://u:{pct}@db\nhex {hex}\nblob {inner}\n"));
    write(t, "data.json", format!("{{\"k\": {}}}\n", serde_json::to_string(PEM).unwrap()));
    write(t, "pem.txt", "junk MIIBOgIBAAJBAKj34GkxFhD9 junk\n");
    write(t, "wo.txt", format!("s={SIGNING}\n"));
    write(t, "web/token", OTHER);
    write(t, "me.txt", "private-tok-81x");
    // Decoys: near misses and other random strings.
    write(
        t,
        "decoys.txt",
        format!(
            "{}\n{}\nsk-live-9Qv2mX7pL4tR8wZ\nhunter2-Correct-Horse\n{}\n",
            &API_KEY[1..],
            std64("sk-live-9Qv2mX7pL4tR8wZ2"),
            "A".repeat(200)
        ),
    );
    let (code, out, err) = scan(h, t, &[]);
    assert_eq!(code, 1, "{err}");
    let want = [
        "data.json:1:8: PEM (api, json)",
        "logs/run.log:3:15: DB_PASS (api, url)",
        "logs/run.log:4:5: DB_PASS (api, hex)",
        "logs/run.log:5:8: API_KEY (api, base64)",
        "me.txt:1:1: MY_TOKEN (",
        "pem.txt:1:6: PEM (api, line)",
        "src/config.py:2:8: API_KEY (api, raw)",
        "src/deep/b64.txt:2:9: DB_PASS (api, base64)",
        "web/token:1:1: WEB_TOKEN (web, raw)",
        "wo.txt:1:3: SIGNING_KEY (api, raw)",
    ];
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), want.len(), "{out}");
    for (line, want) in lines.iter().zip(want) {
        assert!(line.starts_with(want), "{line:?} is not {want:?}\n{out}");
    }
    assert!(!out.contains("decoys"), "{out}");
    assert!(err.contains("10 secret value(s) found in 8 of 9 file(s)"), "{err}");

    // Only one project's values.
    let (code, out, _) = scan(h, t, &["--project", "web"]);
    assert_eq!((code, out.as_str()), (1, "web/token:1:1: WEB_TOKEN (web, raw)\n"));
    // A clean folder: exit 0.
    let (code, out, err) = scan(h, &t.join("src/deep"), &["--project", "web"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.contains("no secret values found in 1 file(s)"), "{err}");
}

#[test]
fn what_is_read_and_what_is_not() {
    let home = setup();
    let h = home.path();
    let outside = scratch();
    write(outside.path(), "elsewhere.txt", API_KEY);
    let tree = scratch();
    let t = tree.path();
    write(t, ".env", format!("API_KEY={API_KEY}\n"));
    write(t, ".gitignore", "ignored/\n*.secret\n");
    write(t, "ignored/a.txt", API_KEY);
    write(t, "x.secret", API_KEY);
    write(t, ".git/config", API_KEY);
    write(t, "bin.dat", [&b"\x00\x01\x02ELF"[..], API_KEY.as_bytes(), b"\x00\xff"].concat());
    write(t, "big.txt", format!("{}{API_KEY}\n", "z".repeat(5000)));
    std::os::unix::fs::symlink(outside.path().join("elsewhere.txt"), t.join("link.txt")).unwrap();

    let (code, out, err) = scan(h, t, &["--project", "api", "--max-size", "4K"]);
    assert_eq!(code, 1);
    assert_eq!(out, ".env:1:9: API_KEY (api, raw)\nbin.dat:1:7: API_KEY (api, raw)\n", "{err}");
    assert!(err.contains("big.txt (over --max-size)") && err.contains("link.txt (symbolic link)"), "{err}");

    // --no-ignore reads the ignored paths; never .git; a link named on the command line is read.
    let (_, out, _) = scan(h, t, &["--project", "api", "--no-ignore", ".", "link.txt"]);
    for want in ["ignored/a.txt:1:1:", "x.secret:1:1:", "big.txt:1:5001:", "link.txt:1:1:"] {
        assert!(out.contains(want), "{want} missing:\n{out}");
    }
    assert!(!out.contains(".git/"), "{out}");

    // JSON names what was skipped.
    let (_, out, _) = scan(h, t, &["--project", "api", "--json", "--max-size", "4K"]);
    let j = json(out.as_bytes());
    assert_eq!(j["findings"].as_array().unwrap().len(), 2);
    let skipped: Vec<&str> = j["skipped"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap()).collect();
    assert_eq!(skipped, ["big.txt", "link.txt"]);
}

#[test]
fn large_files_are_streamed_with_exact_lines() {
    let home = setup();
    let h = home.path();
    let tree = scratch();
    let t = tree.path();
    // Values across the 1 MiB read boundary and near the end of a 5 MiB file.
    let mut data = Vec::new();
    let line = b"0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz012345678\n";
    while data.len() < (1 << 20) - 10 {
        data.extend_from_slice(line);
    }
    data.truncate((1 << 20) - 10);
    let first_line = data.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = data.len() - data.iter().rposition(|&b| b == b'\n').unwrap();
    data.extend_from_slice(API_KEY.as_bytes());
    data.push(b'\n');
    while data.len() < 5 << 20 {
        data.extend_from_slice(line);
    }
    let last_line = data.iter().filter(|&&b| b == b'\n').count() + 1;
    data.extend_from_slice(b"..");
    data.extend_from_slice(DB_PASS.as_bytes());
    write(t, "big.log", &data);
    let (code, out, _) = scan(h, t, &["--project", "api"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!("big.log:{first_line}:{col}: API_KEY (api, raw)\nbig.log:{last_line}:3: DB_PASS (api, raw)\n")
    );

    // The same bytes on stdin.
    let a = alice(h).args(["scan", "-", "--project", "api"]).write_stdin(data).assert().code(1);
    assert_eq!(
        stdout_of(&a),
        format!("-:{first_line}:{col}: API_KEY (api, raw)\n-:{last_line}:3: DB_PASS (api, raw)\n")
    );
}

#[test]
fn git_history_old_commits_renames_merges_and_ranges() {
    let home = setup();
    let h = home.path();
    let repo = scratch();
    let r = repo.path();
    git(r, &["init", "-q"]);
    write(r, "README", "hello\n");
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "clean start"]);
    let base = git(r, &["rev-parse", "HEAD"]);
    // A value committed, then removed: it is still in history.
    write(r, "app/settings.py", format!("KEY = '{API_KEY}'\n"));
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "oops"]);
    let oops = git(r, &["rev-parse", "HEAD"]);
    write(r, "app/settings.py", "KEY = os.environ['KEY']\n");
    git(r, &["commit", "-qam", "fix"]);
    // A renamed file keeps its blob: found once, where it was added.
    write(r, "notes.txt", format!("pass {}\n", base64::engine::general_purpose::STANDARD.encode(DB_PASS)));
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "notes"]);
    let notes = git(r, &["rev-parse", "HEAD"]);
    std::fs::create_dir(r.join("docs")).unwrap();
    git(r, &["mv", "notes.txt", "docs/notes.txt"]);
    git(r, &["commit", "-qm", "move"]);
    // A branch whose value only a merge resolution brings in.
    git(r, &["checkout", "-qb", "side"]);
    write(r, "side.txt", "side\n");
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "side"]);
    git(r, &["checkout", "-q", "main"]);
    write(r, "main.txt", "main\n");
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "main"]);
    git(r, &["merge", "-q", "--no-commit", "side"]);
    write(r, "merged.txt", format!("{OTHER}\n"));
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "merge"]);
    let merge = git(r, &["rev-parse", "HEAD"]);
    // Decoy: a near miss in a later commit.
    write(r, "decoy.txt", &API_KEY[..API_KEY.len() - 1]);
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "decoy"]);

    let (code, out, err) = scan(h, r, &["--git"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        format!(
            "{}:app/settings.py:1:8: API_KEY (api, raw)\n{}:notes.txt:1:6: DB_PASS (api, base64)\n{}:merged.txt:1:1: WEB_TOKEN (web, raw)\n",
            &oops[..12],
            &notes[..12],
            &merge[..12]
        )
    );
    // Only the commits after `notes`: there the move adds the renamed file, and the merge its
    // value.
    let (code, out, _) = scan(h, r, &["--git", &format!("{notes}..HEAD")]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].ends_with(":docs/notes.txt:1:6: DB_PASS (api, base64)"), "{out}");
    assert!(lines[1].ends_with(":merged.txt:1:1: WEB_TOKEN (web, raw)"), "{out}");
    // Nothing in the first commit.
    let (code, out, _) = scan(h, r, &["--git", &base]);
    assert_eq!((code, out.as_str()), (0, ""));
    // JSON carries the full commit.
    let (_, out, _) = scan(h, r, &["--git", "--json"]);
    assert_eq!(json(out.as_bytes())["findings"][0]["commit"], oops.as_str());
    // A bad range is exit 2 before any passphrase is needed.
    vault(h).current_dir(r).args(["scan", "--git", "no-such-branch..HEAD"]).assert().code(2);
    vault(h).current_dir(r).args(["scan", "--git", "--output=x"]).assert().code(2);
    vault(h)
        .current_dir(scratch().path())
        .args(["scan", "--git"])
        .assert()
        .code(2)
        .stderr(contains("not a git repository"));
}

#[test]
fn a_pre_commit_hook_stops_a_staged_value() {
    let home = setup();
    let h = home.path();
    let repo = scratch();
    let r = repo.path();
    git(r, &["init", "-q"]);
    // The command the repository's .pre-commit-hooks.yaml gives the pre-commit framework.
    let hooks = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml")).unwrap();
    let entries: Vec<&str> = hooks.lines().filter_map(|l| l.trim().strip_prefix("entry: ")).collect();
    assert_eq!(entries, ["vault scan --staged", "vault scan --staged"]);
    let args = entries[0].strip_prefix("vault ").unwrap();
    let hook = r.join(".git/hooks/pre-commit");
    std::fs::write(&hook, format!("#!/bin/sh\nexec '{}' {args}\n", env!("CARGO_BIN_EXE_vault"))).unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    write(r, "ok.txt", "fine\n");
    write(r, "later.txt", format!("{API_KEY}\n"));
    git(r, &["add", "ok.txt"]);
    // Only what is staged counts: later.txt is not.
    let (code, out, _) = scan(h, r, &["--staged"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let git_commit = |msg: &str| {
        Std::new("git")
            .current_dir(r)
            .args(["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", msg])
            .envs(alice_env(h))
            .output()
            .unwrap()
    };
    let o = git_commit("first");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    git(r, &["add", "later.txt"]);
    let o = git_commit("second");
    assert!(!o.status.success(), "the hook let a value through");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("later.txt:1:1: API_KEY (api, raw)")
            || String::from_utf8_lossy(&o.stdout).contains("later.txt:1:1")
    );
    assert_no_fragment(&err);
    assert_eq!(git(r, &["rev-list", "--count", "HEAD"]), "1");
    let (code, out, _) = scan(h, r, &["--staged"]);
    assert_eq!((code, out.as_str()), (1, "later.txt:1:1: API_KEY (api, raw)\n"));
}

#[test]
fn notebooks_name_the_cell_whatever_the_escaping() {
    let home = setup();
    let h = home.path();
    let tree = scratch();
    let t = tree.path();
    // `print(key)` saved by Jupyter: the value is escaped (\u002d for '-') and split over the
    // stream's lines; the source only names the variable.
    let escaped: String =
        API_KEY.chars().map(|c| if c == '-' { "\\u002d".to_owned() } else { c.to_string() }).collect();
    let nb = format!(
        r##"{{
 "cells": [
  {{"cell_type": "markdown", "metadata": {{}}, "source": ["# demo"]}},
  {{"cell_type": "code", "execution_count": 1, "metadata": {{}},
   "source": ["import os\n", "print(os.environ['KEY'])"],
   "outputs": [{{"name": "stdout", "output_type": "stream", "text": ["{}", "{}\n"]}}]}}
 ],
 "metadata": {{}}, "nbformat": 4, "nbformat_minor": 5
}}"##,
        &escaped[..10],
        &escaped[10..]
    );
    write(t, "analysis.ipynb", nb);
    write(t, "broken.ipynb", format!("{{ not json {API_KEY}"));
    let (code, out, _) = scan(h, t, &["--project", "api"]);
    assert_eq!(code, 1);
    assert_eq!(out, "analysis.ipynb:6:70: API_KEY (api, raw, cell 2 output)\nbroken.ipynb:1:12: API_KEY (api, raw)\n");
}

#[test]
fn sarif_and_json_for_tools() {
    let home = setup();
    let h = home.path();
    let tree = scratch();
    let t = tree.path();
    write(t, "my dir/app.py", format!("x = '{API_KEY}'\n"));
    let (code, out, _) = scan(h, t, &["--project", "api", "--format", "sarif"]);
    assert_eq!(code, 1);
    let s = json(out.as_bytes());
    assert_eq!(s["version"], "2.1.0");
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "vault");
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "vault/secret-value");
    let r = &run["results"][0];
    assert_eq!(r["ruleId"], "vault/secret-value");
    assert_eq!(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "my%20dir/app.py");
    assert_eq!(r["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
    assert_eq!(r["locations"][0]["physicalLocation"]["region"]["startColumn"], 6);
    assert!(r["message"]["text"].as_str().unwrap().contains("API_KEY"));

    let (_, out, _) = scan(h, t, &["--project", "api", "--json"]);
    let j = json(out.as_bytes());
    assert_eq!(j["findings"][0]["path"], "my dir/app.py");
    assert_eq!(j["findings"][0]["secret"], "API_KEY");
    assert_eq!(j["findings"][0]["form"], "raw");
    assert_eq!(j["scanned"]["files"], 1);
}

#[test]
fn permissions_audit_and_arguments_checked_first() {
    let home = setup();
    let h = home.path();
    let tree = scratch();
    write(tree.path(), "a.txt", API_KEY);
    // Bad arguments and missing paths fail before any passphrase is asked for.
    vault(h).current_dir(tree.path()).args(["scan", "missing.txt"]).assert().code(3).stderr(contains("missing.txt"));
    vault(h).current_dir(tree.path()).args(["scan", "--max-size", "lots"]).assert().code(2);
    vault(h).current_dir(tree.path()).args(["scan", "--project", "bad name!"]).assert().code(2);
    vault(h).current_dir(tree.path()).args(["scan", "-", "a.txt"]).assert().code(2);
    // A project alice is not in: refused.
    common::team::add_active_user(h, "bob");
    common::team::as_user(h, "bob").args(["project", "create", "bobs"]).assert().code(0);
    let (code, _, err) = scan(h, tree.path(), &["--project", "bobs"]);
    assert_eq!(code, 6, "{err}");
    // Bob reads none of alice's values: nothing to look for is an error, never a clean exit 0.
    let a = common::team::as_user(h, "bob").current_dir(tree.path()).arg("scan").assert().code(2);
    assert!(stderr_of(&a).contains("no secret values to look for"), "{}", stderr_of(&a));
    // One audit event per scan, naming what was scanned, never a value.
    let a = alice(h).args(["audit", "--json"]).assert().code(0);
    let events = json(&a.get_output().stdout);
    let scans: Vec<&serde_json::Value> = events.as_array().unwrap().iter().filter(|e| e["action"] == "scan").collect();
    assert!(scans.iter().any(|e| e["project"] == "bobs" && e["outcome"] == "denied"), "{scans:?}");
    assert!(scans.iter().any(|e| e["resource"] == "."), "{scans:?}");
    assert_absent(h, API_KEY.as_bytes());
}

#[test]
fn a_repository_from_someone_else_runs_nothing() {
    // A repository handed over whole (a tarball, a shared folder) carries its .git/config:
    // `git diff --cached` would run its fsmonitor hook, and a diff could run an external
    // program. Scanning it must run neither.
    let home = setup();
    let h = home.path();
    let repo = scratch();
    let r = repo.path();
    git(r, &["init", "-q"]);
    write(r, "a.txt", "one\n");
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "one"]);
    let marker = scratch();
    let ran = marker.path().join("ran");
    let hook = marker.path().join("hook.sh");
    std::fs::write(&hook, format!("#!/bin/sh\ntouch '{}'\n", ran.display())).unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let hook = hook.display().to_string();
    write(r, "a.txt", format!("{API_KEY}\n"));
    git(r, &["add", "."]);
    // The repository's config, set last (the test's own git commands would run it).
    git(r, &["config", "core.fsmonitor", &hook]);
    git(r, &["config", "diff.external", &hook]);
    git(r, &["config", "core.pager", &hook]);
    let (code, out, _) = scan(h, r, &["--staged"]);
    assert_eq!((code, out.as_str()), (1, "a.txt:1:1: API_KEY (api, raw)\n"));
    let (code, _, _) = scan(h, r, &["--git"]);
    assert_eq!(code, 0);
    assert!(!ran.exists(), "the scanned repository's config ran a program");
}

#[test]
fn a_file_repeating_a_value_lists_the_first_thousand() {
    let home = setup();
    let h = home.path();
    let tree = scratch();
    write(tree.path(), "spam.log", format!("{API_KEY}\n").repeat(1500));
    let (code, out, err) = scan(h, tree.path(), &["--project", "api"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1000);
    assert!(out.ends_with("spam.log:1000:1: API_KEY (api, raw)\n"), "{}", &out[out.len() - 80..]);
    assert!(err.contains("spam.log: 500 more finding(s) not listed (at most 1000 a file)"), "{err}");
    assert!(err.contains("1500 secret value(s) found in 1 of 1 file(s)"), "{err}");
    let (_, out, _) = scan(h, tree.path(), &["--project", "api", "--json"]);
    assert_eq!(json(out.as_bytes())["not_listed"], serde_json::json!([{"path": "spam.log", "more": 500}]));
}

#[test]
fn a_partial_clone_fetches_nothing_and_sees_no_passphrase() {
    // A partial clone fetches missing objects from its remote on demand, through the
    // repository's own core.sshCommand: a scan must start no transport, and no git it runs may
    // see what unlocks the vault.
    let home = setup();
    let h = home.path();
    let dir = scratch();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    git(&src, &["init", "-q"]);
    write(&src, "a.txt", format!("{API_KEY}\n"));
    git(&src, &["add", "."]);
    git(&src, &["commit", "-qm", "one"]);
    git(&src, &["config", "uploadpack.allowfilter", "true"]);
    let url = format!("file://{}", src.display());
    git(dir.path(), &["clone", "-q", "--no-local", "--filter=blob:none", "--no-checkout", &url, "pt"]);
    let pt = dir.path().join("pt");
    let dump = dir.path().join("env-seen-by-ssh");
    git(&pt, &["config", "remote.origin.url", "ssh://x.invalid/x"]);
    git(&pt, &["config", "core.sshCommand", &format!("sh -c 'env > {}; false'", dump.display())]);
    let (code, out, err) = scan(h, &pt, &["--git"]);
    assert!(!dump.exists(), "git started the repository's ssh command");
    // The blob is not here: named as unreadable, never a clean exit 0.
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("a.txt: git:") && err.contains("missing"), "{err}");
    assert!(err.contains("could not be read"), "{err}");
}

#[test]
fn review_fixes_tracked_ignored_files_parent_ignores_fifos_and_overlaps() {
    let home = setup();
    let h = home.path();
    let dir = scratch();
    // A .gitignore above a folder that is no work tree counts for nothing.
    write(dir.path(), ".gitignore", "*\n");
    let plain = dir.path().join("plain");
    write(&plain, "a.txt", API_KEY);
    let (code, out, _) = scan(h, &plain, &["--project", "api"]);
    assert_eq!((code, out.as_str()), (1, "a.txt:1:1: API_KEY (api, raw)\n"));
    // A file git tracks is published even when a .gitignore matches it.
    let repo = dir.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    write(&repo, "config.env", format!("KEY={API_KEY}\n"));
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "one"]);
    write(&repo, ".gitignore", "config.env\nlocal.env\n");
    write(&repo, "local.env", format!("KEY={API_KEY}\n"));
    let (code, out, _) = scan(h, &repo, &["--project", "api"]);
    assert_eq!((code, out.as_str()), (1, "config.env:1:5: API_KEY (api, raw)\n"));
    // A FIFO: skipped inside a folder, refused (never waited on) when named.
    let fifo = plain.join("pipe");
    assert!(Std::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (code, out, _) = scan(h, &plain, &["--project", "api"]);
    assert_eq!((code, out.as_str()), (1, "a.txt:1:1: API_KEY (api, raw)\n"));
    let (code, _, err) = scan(h, &plain, &["--project", "api", "pipe"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read pipe: not a regular file"), "{err}");
    // Two values that overlap are both named.
    create_project(h, "ovl");
    create_secret(h, "ovl", "LEFT", "prefix-OVERLAP-key");
    create_secret(h, "ovl", "RIGHT", "OVERLAP-key-suffix-9");
    let a = alice(h)
        .args(["scan", "-", "--project", "ovl"])
        .write_stdin("x prefix-OVERLAP-key-suffix-9\n")
        .assert()
        .code(1);
    assert_eq!(stdout_of(&a), "-:1:3: LEFT (ovl, raw)\n-:1:10: RIGHT (ovl, raw)\n");
}

#[test]
fn commit_messages_tags_and_notebook_keys_are_read() {
    let home = setup();
    let h = home.path();
    let repo = scratch();
    let r = repo.path();
    git(r, &["init", "-q"]);
    write(r, "a.txt", "clean\n");
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", &format!("set the key\n\nSTRIPE={API_KEY}")]);
    let c = git(r, &["rev-parse", "HEAD"]);
    git(r, &["tag", "-a", "v1", "-m", &format!("release with {DB_PASS}")]);
    let blob = Std::new("git").current_dir(r).args(["hash-object", "-w", "--stdin"]).output_with_stdin(OTHER);
    git(r, &["tag", "raw-blob", &blob]);
    let (code, out, _) = scan(h, r, &["--git"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{}:(commit message):7:8: API_KEY (api, raw)\n(refs/tags/raw-blob):1:1: WEB_TOKEN (web, raw)\n(tag refs/tags/v1):6:14: DB_PASS (api, raw)\n",
            &c[..12]
        )
    );
    // A value as a notebook's object key or number is found in the bytes.
    let tree = scratch();
    write(
        tree.path(),
        "k.ipynb",
        format!("{{\"cells\": [], \"metadata\": {{\"{API_KEY}\": true, \"pin\": 12345678901234}}, \"nbformat\": 4}}"),
    );
    create_project(h, "pins");
    create_secret(h, "pins", "PIN", "12345678901234");
    let (code, out, _) = scan(h, tree.path(), &["--project", "api", "--project", "pins"]);
    assert_eq!(code, 1);
    assert_eq!(out, "k.ipynb:1:29: API_KEY (api, raw)\nk.ipynb:1:69: PIN (pins, raw)\n");
}

/// `Command::output` with bytes on stdin, returning stdout trimmed.
trait WithStdin {
    fn output_with_stdin(&mut self, input: &str) -> String;
}

impl WithStdin for Std {
    fn output_with_stdin(&mut self, input: &str) -> String {
        use std::io::Write;
        let mut child = self.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        String::from_utf8_lossy(&child.wait_with_output().unwrap().stdout).trim().to_owned()
    }
}

#[test]
fn a_shared_secret_is_looked_for_before_anyone_accepts_it() {
    let home = common::team::team(&["bob"]);
    let h = home.path();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["community", "member", "add", "research", "bob"]).assert().success();
    alice(h).args(["project", "create", "vision", "--community", "research"]).assert().success();
    alice(h).args(["project", "create", "lab", "--community", "research"]).assert().success();
    create_secret(h, "vision", "S3_KEY", "s3-shared-value-77ab");
    common::team::add_member(h, "alice", "lab", "bob", "editor");
    alice(h).args(["secret", "share", "S3_KEY", "--project", "vision", "--community", "research"]).assert().success();
    let tree = scratch();
    write(tree.path(), "f.txt", "s3-shared-value-77ab");
    // Bob is in lab only: the value shared into lab, not yet accepted, is looked for.
    let a =
        common::team::as_user(h, "bob").current_dir(tree.path()).args(["scan", "--project", "lab"]).assert().code(1);
    assert_eq!(stdout_of(&a), "f.txt:1:1: S3_KEY (vision, raw)\n");
}
