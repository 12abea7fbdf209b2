//! `vault inject` (issue 17): templates with `{{ vault://PROJECT/SECRET }}` references rendered
//! to stdout or to a 0600 file, every reference checked before anything is written, each value
//! an audit event first.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::*;
use predicates::prelude::*;
use predicates::str::contains;

const DB: &str = "db-pass-Zq81!x";
const TOKEN: &str = "tok_5bN2yQw7Lr";

/// A vault with project `api` (DB_PASS, TOKEN, a write-only SIGNING_KEY) and `web` (DB_PASS).
fn setup() -> tempfile::TempDir {
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_project(h, "web");
    create_secret(h, "api", "DB_PASS", DB);
    create_secret(h, "api", "TOKEN", TOKEN);
    create_secret(h, "web", "DB_PASS", "web-db-pass-44");
    alice(h)
        .args(["secret", "create", "SIGNING_KEY", "--project", "api", "--write-only"])
        .write_stdin("signing-key-never-out")
        .assert()
        .code(0);
    home
}

fn audit_actions(h: &Path) -> Vec<(String, String, String, String)> {
    let a = alice(h).args(["audit", "--json"]).assert().code(0);
    json(&a.get_output().stdout)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let f = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
            (f("action"), f("project"), f("resource"), f("outcome"))
        })
        .filter(|(action, ..)| action.starts_with("inject"))
        .collect()
}

#[test]
fn a_template_renders_to_stdout_byte_for_byte() {
    let home = setup();
    let h = home.path();
    let dir = scratch();
    let tpl = dir.path().join("app.yaml.tpl");
    let template = "db: postgres://app:{{ vault://api/DB_PASS }}@db/app\n\
                    token: \"{{vault://TOKEN}}\"\n\
                    other: {{ vault://web/DB_PASS }}\n\
                    helm: {{ .Values.replicas }} and {{ vault://api/DB_PASS }} again\n\
                    no newline at the end";
    std::fs::write(&tpl, template).unwrap();
    let a = alice(h).arg("inject").arg(&tpl).args(["--project", "api"]).assert().code(0).stderr("");
    assert_eq!(
        stdout_of(&a),
        format!(
            "db: postgres://app:{DB}@db/app\ntoken: \"{TOKEN}\"\nother: web-db-pass-44\n\
             helm: {{{{ .Values.replicas }}}} and {DB} again\nno newline at the end"
        )
    );
    // From stdin too.
    alice(h)
        .args(["inject", "-"])
        .write_stdin("x={{ vault://api/TOKEN }}\n")
        .assert()
        .code(0)
        .stdout(format!("x={TOKEN}\n"));

    // One event per value rendered (each secret once), then the command's.
    let events = audit_actions(h);
    let reveal = |p: &str, s: &str| ("inject reveal".to_owned(), p.to_owned(), s.to_owned(), "ok".to_owned());
    assert_eq!(events[..3], [reveal("api", "DB_PASS"), reveal("api", "TOKEN"), reveal("web", "DB_PASS")]);
    assert_eq!(events[3].0, "inject");
    assert_eq!(events[3].3, "ok");
    assert_eq!(events[4], reveal("api", "TOKEN"));
    for v in [DB, TOKEN, "web-db-pass-44"] {
        assert_absent(h, v.as_bytes());
    }
}

#[test]
fn out_writes_a_0600_file_atomically_and_never_through_a_link() {
    let home = setup();
    let h = home.path();
    let dir = scratch();
    let d = dir.path();
    std::fs::write(d.join("t.tpl"), "PASSWORD={{ vault://api/DB_PASS }}\n").unwrap();

    // An existing world-readable file is replaced by a private one.
    let out = d.join("app.env");
    std::fs::write(&out, "old contents\n").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    alice(h)
        .arg("inject")
        .arg(d.join("t.tpl"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains("wrote").and(contains(DB).not()));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), format!("PASSWORD={DB}\n"));
    assert_eq!(mode(&out), 0o600);

    // A link planted where the output goes is replaced, not written through.
    let victim = d.join("victim");
    std::fs::write(&victim, "victim's file\n").unwrap();
    let link = d.join("linked.env");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    alice(h).arg("inject").arg(d.join("t.tpl")).arg("--out").arg(&link).assert().code(0);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "victim's file\n");
    assert!(!std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&link).unwrap(), format!("PASSWORD={DB}\n"));

    // No temporary file is left behind.
    let names: Vec<String> =
        std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    assert_absent(h, DB.as_bytes());
}

#[test]
fn every_reference_is_checked_before_anything_is_written() {
    let home = setup();
    let h = home.path();
    let dir = scratch();
    let d = dir.path();
    let out = d.join("out.conf");
    let before = vault_state(h);
    let events_before = audit_actions(h).iter().filter(|e| e.0 == "inject reveal").count();

    // An unknown secret, after a good one: exit 3 naming it, no output, no reveal recorded.
    std::fs::write(d.join("unknown.tpl"), "a={{ vault://api/DB_PASS }}\nb={{ vault://api/NOPE }}\n").unwrap();
    for to_file in [false, true] {
        let mut cmd = alice(h);
        cmd.arg("inject").arg(d.join("unknown.tpl"));
        if to_file {
            cmd.arg("--out").arg(&out);
        }
        let a = cmd.assert().code(3).stdout("");
        let err = stderr_of(&a);
        assert!(err.contains("NOPE") && !err.contains(DB), "{err}");
        assert!(!out.exists());
    }
    // A write-only secret is never rendered.
    std::fs::write(d.join("wo.tpl"), "a={{ vault://api/TOKEN }}\nk={{ vault://api/SIGNING_KEY }}\n").unwrap();
    let a = alice(h).arg("inject").arg(d.join("wo.tpl")).arg("--out").arg(&out).assert().code(6).stdout("");
    assert!(stderr_of(&a).contains("write-only"), "{}", stderr_of(&a));
    assert!(!out.exists());
    // A broken reference or name is exit 2 naming its line, before any passphrase is asked for.
    for (template, line) in [
        ("ok={{ vault://api/DB_PASS }}\nbad={{ vault://api/DB_PASS\n", 2),
        ("\n\nx={{ vault://a/b/c }}", 3),
        ("x={{ vault://api/bad!name }}", 1),
        ("x={{ vault://TOKEN }}", 1),
    ] {
        let a = vault(h).args(["inject", "-"]).write_stdin(template).assert().code(2).stdout("");
        let err = stderr_of(&a);
        assert!(!err.contains("passphrase"), "{template:?}: {err}");
        if !template.contains("vault://TOKEN") {
            assert!(err.contains(&format!("template line {line}:")), "{template:?}: {err}");
        } else {
            // No --project for a reference without one.
            assert!(err.contains("which project?"), "{err}");
        }
    }
    // An output folder that does not exist, before unlocking.
    vault(h)
        .args(["inject", "-", "--out"])
        .arg(d.join("missing/out.conf"))
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(contains("does not exist"));

    assert_unchanged(h, &before);
    let events_after = audit_actions(h).iter().filter(|e| e.0 == "inject reveal").count();
    assert_eq!(events_after, events_before, "a refused inject recorded a reveal");
}
