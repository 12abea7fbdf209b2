//! The audit log (issue 4, DESIGN.md section 9): every read of a value, change, share, member
//! change and failed unlock is an event naming who, what, where and how it ended; never a value,
//! passphrase or session token. Each event carries a MAC chained to the one before, so deleting
//! or editing an event (after dropping the append-only triggers) is exit 7 on `audit --verify`.

mod common;

use std::path::Path;

use common::team::*;
use common::*;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const V1: &str = "audit-value-one-5e0b17";
const V2: &str = "audit-value-two-c2d9a4";
const WRONG_PASS: &str = "not bob's passphrase 0x41";
const RESTORE_HINT: &str = "vault: hint: restore the vault from a backup; nothing was changed\n";

fn events(home: &Path, filter: &[&str]) -> Vec<Value> {
    let a = alice(home).arg("audit").args(filter).arg("--json").assert().success();
    match json(&a.get_output().stdout) {
        Value::Array(a) => a,
        other => panic!("audit --json: {other}"),
    }
}

/// (user, action, project, resource, outcome) of each event.
fn tuples(events: &[Value]) -> Vec<(String, String, String, String, String)> {
    events
        .iter()
        .map(|e| {
            let f = |k: &str| e[k].as_str().unwrap_or_else(|| panic!("{k} in {e}")).to_owned();
            (f("user"), f("action"), f("project"), f("resource"), f("outcome"))
        })
        .collect()
}

fn has(events: &[Value], user: &str, action: &str, project: &str, resource: &str, outcome: &str) -> bool {
    tuples(events).iter().any(|t| {
        (t.0.as_str(), t.1.as_str(), t.2.as_str(), t.3.as_str(), t.4.as_str())
            == (user, action, project, resource, outcome)
    })
}

/// The whole audit table as sqlite3 dumps it.
fn audit_dump(home: &Path) -> String {
    if common::pg::enabled() {
        return common::pg::dump_table(home, "audit");
    }
    store_sql(home, ".dump audit")
}

fn verify_ok(home: &Path) -> String {
    let a = alice(home).args(["audit", "--verify"]).assert().success().stdout("");
    stderr_of(&a)
}

/// `audit --verify` fails naming `what`. With --accept-rollback: some edits here also make the
/// file differ from what this computer last saw (tests/rollback.rs covers that); the chain must
/// catch them on its own, as on a computer that never saw the file.
fn verify_broken(home: &Path, what: &str) {
    alice(home).args(["--accept-rollback", "audit", "--verify"]).assert().code(7).stdout("").stderr(format!(
        "vault: error: the audit log ({what}) failed to verify; the vault was damaged or edited\n{RESTORE_HINT}"
    ));
}

/// A vault with a history: alice and bob, project api in community research, DB_PASS created,
/// revealed, edited, shared; bob added, refused, removed; a wrong passphrase; an unknown user.
fn history() -> tempfile::TempDir {
    let home = team(&["bob"]);
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", V1);
    assert_eq!(reveal(h, "api", "DB_PASS"), V1.as_bytes());
    alice(h)
        .args(["secret", "edit", "DB_PASS", "--project", "api", "--value-stdin"])
        .write_stdin(V2)
        .assert()
        .success();
    alice(h).args(["community", "create", "research"]).assert().success();
    alice(h).args(["project", "edit", "api", "--community", "research"]).assert().success();
    alice(h).args(["secret", "share", "DB_PASS", "--project", "api"]).assert().success();
    add_member(h, "alice", "api", "bob", "viewer");
    as_user(h, "bob").args(["secret", "create", "BOB_SECRET", "--project", "api"]).write_stdin(V1).assert().code(6);
    alice(h).args(["project", "member", "remove", "api", "bob"]).assert().success();
    vault(h)
        .env("VAULT_USER", "bob")
        .env("VAULT_PASSPHRASE", WRONG_PASS)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(5);
    vault(h)
        .env("VAULT_USER", "mallory")
        .env("VAULT_PASSPHRASE", WRONG_PASS)
        .args(["project", "list"])
        .assert()
        .code(5);
    home
}

#[test]
fn events_name_who_did_what_where_and_how_it_ended() {
    let home = history();
    let h = home.path();
    let ev = events(h, &[]);
    for (user, action, project, resource, outcome) in [
        ("alice", "init", "", "", "ok"),
        ("alice", "user add", "", "bob", "ok"),
        ("alice", "project create", "api", "", "ok"),
        ("alice", "secret create", "api", "DB_PASS", "ok"),
        ("alice", "secret reveal", "api", "DB_PASS", "ok"),
        ("alice", "secret edit", "api", "DB_PASS", "ok"),
        ("alice", "community create", "", "research", "ok"),
        ("alice", "project edit", "api", "", "ok"),
        ("alice", "secret share", "api", "DB_PASS", "ok"),
        ("alice", "project member add", "api", "bob (viewer)", "ok"),
        ("bob", "secret create", "api", "BOB_SECRET", "denied"),
        ("alice", "project member remove", "api", "bob", "ok"),
        ("bob", "secret reveal", "api", "DB_PASS", "failed: wrong passphrase"),
        ("mallory", "unlock", "", "", "failed: unknown user"),
    ] {
        assert!(
            has(&ev, user, action, project, resource, outcome),
            "no event {:?} in {:#?}",
            (user, action, project, resource, outcome),
            tuples(&ev)
        );
    }
    // Sequence numbers run 1..n; times are RFC 3339 UTC.
    for (i, e) in ev.iter().enumerate() {
        assert_eq!(e["seq"], i as i64 + 1, "{e}");
        assert!(matches(RFC3339_UTC, e["at"].as_str().unwrap()), "{e}");
    }
    // Failed unlocks, written before any key, are never shown as authenticated (a later MAC
    // covers that they were there, not who wrote them); every other event is MACed and signed.
    let n = ev.len();
    let failed_unlock = |e: &serde_json::Value| e["outcome"].as_str().unwrap().starts_with("failed: ");
    assert!(ev[n - 2..].iter().all(failed_unlock), "{ev:#?}");
    assert!(ev.iter().all(|e| (e["authenticated"] == true) != failed_unlock(e)), "{ev:#?}");
    assert_eq!(
        verify_ok(h),
        format!(
            "audit log intact: {n} event(s) verified, the last 2 not yet covered by a MAC (failed unlocks since the last command)\n"
        )
    );
    // The next command's event covers them.
    assert_eq!(reveal(h, "api", "DB_PASS"), V2.as_bytes());
    let ev = events(h, &[]);
    assert_eq!(ev.len(), n + 1);
    assert!(ev.iter().all(|e| (e["authenticated"] == true) != failed_unlock(e)), "{ev:#?}");
    assert_eq!(verify_ok(h), format!("audit log intact: {} event(s) verified\n", n + 1));

    // The table view.
    let a = alice(h).arg("audit").assert().success();
    let out = stdout_of(&a);
    let mut lines = out.lines();
    assert_columns(lines.next().unwrap(), &["#", "TIME", "USER", "ACTION", "PROJECT", "RESOURCE", "OUTCOME"]);
    assert!(
        out.lines().any(|l| row_matches(
            l,
            &[r"\d+", TABLE_TIME, "bob", "secret reveal", "api", "DB_PASS", "failed: wrong passphrase"]
        )),
        "{out}"
    );
}

#[test]
fn no_value_passphrase_or_token_enters_the_audit_log() {
    let home = history();
    let h = home.path();
    // A session, used for a reveal and a run.
    let a = alice(h).args(["unlock", "--ttl", "5m"]).assert().success();
    let line = stdout_of(&a);
    let token = line
        .trim()
        .strip_prefix("export VAULT_SESSION='")
        .and_then(|t| t.strip_suffix('\''))
        .expect("token")
        .to_owned();
    vault(h)
        .env("VAULT_SESSION", &token)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .success();
    vault(h)
        .env("VAULT_SESSION", &token)
        .args(["run", "--project", "api", "--", "sh", "-c", "echo \"$DB_PASS\""])
        .assert()
        .success()
        .stdout("***\n");
    assert!(has(&events(h, &[]), "alice", "run", "api", "sh", "ok"));
    assert!(has(&events(h, &[]), "alice", "unlock", "", "session", "ok"));

    let json_out = alice(h).args(["audit", "--json"]).assert().success().get_output().clone();
    let table_out = alice(h).arg("audit").assert().success().get_output().clone();
    let dump = audit_dump(h);
    let forbidden = [V1, V2, ALICE_PASS, &pass_of("bob"), WRONG_PASS, &token];
    // The token's key part alone, too (its id names the session file).
    let key_part = token.rsplit('.').next().unwrap();
    for out in [&json_out, &table_out] {
        assert_no_value(out, &forbidden);
        assert_no_value(out, &[key_part]);
    }
    for f in forbidden.iter().chain([&key_part]) {
        assert!(!dump.contains(f), "the audit table holds {f:?}");
        assert_absent(h, f.as_bytes());
    }
}

#[test]
fn verify_passes_on_an_untouched_log() {
    let home = history();
    let n = events(home.path(), &[]).len();
    assert!(n >= 14, "{n}");
    assert!(verify_ok(home.path()).starts_with(&format!("audit log intact: {n} event(s) verified")));
}

#[test]
fn the_table_refuses_deletes_and_updates_while_its_triggers_stand() {
    let home = history();
    for stmt in ["DELETE FROM audit WHERE seq = 2", "UPDATE audit SET outcome = 'ok' WHERE seq = 2"] {
        let refused = std::panic::catch_unwind(|| store_sql(home.path(), stmt)).expect_err(stmt);
        let why = refused.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(why.contains("audit is append-only"), "{stmt}: {why}");
    }
    verify_ok(home.path());
}

#[test]
fn a_deleted_event_is_exit_7_on_verify() {
    let home = history();
    let h = home.path();
    edit_audit(h, "DELETE FROM audit WHERE seq = 3");
    verify_broken(h, "event 3 is missing");
}

#[test]
fn a_deleted_and_renumbered_event_is_exit_7_on_verify() {
    let home = history();
    let h = home.path();
    edit_audit(h, "DELETE FROM audit WHERE seq = 3; UPDATE audit SET seq = seq - 1 WHERE seq > 3");
    verify_broken(h, "event 3 or one before it was edited or removed");
}

#[test]
fn a_deleted_last_event_is_exit_7_on_verify() {
    let home = history();
    let h = home.path();
    // Cover the failed unlocks with a MACed event, then remove the newest event.
    assert_eq!(reveal(h, "api", "DB_PASS"), V2.as_bytes());
    edit_audit(h, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)");
    alice(h).args(["audit", "--verify"]).assert().code(7);
}

#[test]
fn an_edited_event_is_exit_7_on_verify() {
    let home = history();
    let h = home.path();
    let seq = one(h, "SELECT seq FROM audit WHERE outcome = 'denied'");
    edit_audit(h, "UPDATE audit SET outcome = 'ok' WHERE outcome = 'denied'");
    verify_broken(h, &format!("event {seq} or one before it was edited or removed"));
}

#[test]
fn an_edited_failed_unlock_is_caught_once_a_later_event_covers_it() {
    let home = history();
    let h = home.path();
    // Covered by the MAC of the reveal that follows.
    assert_eq!(reveal(h, "api", "DB_PASS"), V2.as_bytes());
    let last = one(h, "SELECT max(seq) FROM audit");
    edit_audit(h, "UPDATE audit SET user_name = 'carol' WHERE user_name = 'mallory'");
    verify_broken(h, &format!("event {last} or one before it was edited or removed"));
}

#[test]
fn an_edited_time_or_project_is_exit_7_on_verify() {
    for set in ["at = at - 86400", "project = 'other'", "action = 'secret list'"] {
        let home = history();
        let h = home.path();
        edit_audit(h, &format!("UPDATE audit SET {set} WHERE seq = 5"));
        verify_broken(h, "event 5 or one before it was edited or removed");
    }
}

#[test]
fn filters_by_user_project_and_time() {
    let home = history();
    let h = home.path();
    create_project(h, "ops");
    create_secret(h, "ops", "OPS_KEY", "ops-key-value-3311");
    let all = events(h, &[]);

    let by_bob = events(h, &["--by", "bob"]);
    assert!(by_bob.len() >= 2, "{by_bob:#?}");
    assert!(by_bob.iter().all(|e| e["user"] == "bob"));
    assert_eq!(by_bob.len(), all.iter().filter(|e| e["user"] == "bob").count());

    let ops = events(h, &["--project", "ops"]);
    assert_eq!(
        tuples(&ops),
        [
            ("alice".into(), "project create".into(), "ops".into(), "".into(), "ok".into()),
            ("alice".into(), "secret create".into(), "ops".into(), "OPS_KEY".into(), "ok".into()),
        ]
    );
    let api_by_bob = events(h, &["--project", "api", "--by", "bob"]);
    assert!(!api_by_bob.is_empty());
    assert!(api_by_bob.iter().all(|e| e["user"] == "bob" && e["project"] == "api"));

    assert_eq!(events(h, &["--since", "2000-01-01"]).len(), all.len());
    assert_eq!(events(h, &["--since", "2999-12-31"]), Vec::<Value>::new());
    let mid = all[all.len() / 2]["at"].as_str().unwrap().to_owned();
    let since = events(h, &["--since", &mid]);
    assert!(!since.is_empty() && since.len() <= all.len());
    assert!(since.iter().all(|e| e["at"].as_str().unwrap() >= mid.as_str()));
    // No events: the table view says so on stderr.
    alice(h).args(["audit", "--since", "2999-12-31"]).assert().success().stdout("").stderr("no events\n");
    alice(h)
        .args(["audit", "--since", "yesterday"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("'yesterday' is not a time like 2026-11-23 or 2026-11-23T10:00:00Z"));
    alice(h).args(["audit", "--by", "nobody", "--json"]).assert().success().stdout(predicate::str::diff("[]\n"));
}

/// An event slipped in without a MAC, in another user's name (no key needed to write one), is
/// refused by --verify even once a later MAC covers it: only a failed unlock is written without
/// a key.
#[test]
fn an_unmaced_event_in_another_users_name_is_exit_7_on_verify() {
    let home = history();
    let h = home.path();
    let next = one(h, "SELECT max(seq) + 1 FROM audit");
    store_sql(
        h,
        &format!(
            "INSERT INTO audit(seq, at, user_name, action, project, resource, outcome) \
             VALUES ({next}, 0, 'bob', 'secret reveal', 'api', 'DB_PASS', 'ok')"
        ),
    );
    assert_eq!(reveal(h, "api", "DB_PASS"), V2.as_bytes());
    verify_broken(h, &format!("event {next}, 'secret reveal' by 'bob': neither MACed nor a failed unlock"));
    let ev = events(h, &[]);
    let forged = ev.iter().find(|e| e["seq"] == next.parse::<i64>().unwrap()).unwrap();
    assert_eq!(forged["authenticated"], false, "{forged}");
}
