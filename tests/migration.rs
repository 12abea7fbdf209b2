//! A vault file of format 1, written by the last release of that format
//! (tests/fixtures/format-1.db, made by tests/fixtures/make-format-1.sh, whose users, projects,
//! secrets and values this file repeats), opened by this build.
//!
//! Each test copies the fixture to the harness's vault path (mode 0600) and drives the binary:
//! the file migrates once, on its first open (`PRAGMA user_version` 1 -> 3, a `migrated_from_1`
//! meta key); every value reads back; the first owner or editor of a project to unlock rebinds
//! its legacy rows (`bind` 1 -> 2: the secret's name sealed in), and a community admin its shares (-> 3);
//! the shared DB_PASS reaches another project's programs only once accepted there; the old
//! (unsigned) audit events still verify and new ones are signed. The last test records what
//! happens to names swapped in a format 1 file before it was migrated.

mod common;

use std::path::Path;

use common::team::*;
use common::*;
use predicates::str::contains;
use serde_json::Value;
use tempfile::TempDir;

// Users, passphrases (alice's ALICE_PASS, bob's `pass_of("bob")`) and values as
// tests/fixtures/make-format-1.sh wrote them.
const DB_V1: &str = "db-pass-v1-5a1c";
const DB_V2: &str = "db-pass-v2-93e0";
const HF: &str = "hf-token-77b2c9";
const SVC: &str = "svc-key-0d41e8";
const SIGNING: &str = "write-only-c3f9";
const COOKIE: &str = "web-cookie-61aa";
const MINE: &str = "alice-private-8e2d";
/// Events the format 1 release wrote (none signed).
const OLD_EVENTS: i64 = 17;

const ALL_VALUES: &[&str] = &[DB_V1, DB_V2, HF, SVC, SIGNING, COOKIE, MINE];

/// A home holding a copy of the format 1 fixture at the harness's vault path.
fn format_1_home() -> TempDir {
    fixture_home("format-1.db", 1)
}

/// A home holding a copy of `tests/fixtures/NAME`, a file of format `format`, at the harness's
/// vault path (mode 0600).
fn fixture_home(name: &str, format: i64) -> TempDir {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let home = tempfile::tempdir().expect("temp home");
    let db = vault_path(home.path());
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(db.parent().unwrap()).expect("vault folder");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::copy(&fixture, &db).unwrap_or_else(|e| panic!("copy {}: {e}", fixture.display()));
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).expect("chmod 0600");
    assert_eq!(user_version(home.path()), format, "{name} is not a format {format} file");
    home
}

fn user_version(home: &Path) -> i64 {
    one(home, "PRAGMA user_version").parse().expect("user_version")
}

/// The hex of meta's `migrated_from_1` value ("" when absent).
fn migrated_mark(home: &Path) -> String {
    one(home, "SELECT hex(value) FROM meta WHERE key = 'migrated_from_1'")
}

/// `project.name=bind` for every secret, sorted, and the binds of all shares.
fn binds(home: &Path) -> (String, String) {
    (
        one(
            home,
            "SELECT group_concat(x, ' ') FROM (SELECT p.name || '.' || s.name || '=' || s.bind AS x FROM secrets s \
             JOIN projects p ON p.id = s.project_id ORDER BY p.name, s.name)",
        ),
        one(home, "SELECT group_concat(bind, ' ') FROM secret_shares"),
    )
}

fn schema(db: &Path) -> String {
    sql(db, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
}

#[test]
fn a_format_1_file_opens_migrates_and_every_value_reads_back() {
    if !file_backend_only() {
        return;
    }
    let home = format_1_home();
    let h = home.path();
    assert_eq!(migrated_mark(h), "");

    // api's DB_PASS, at its second version.
    assert_eq!(reveal(h, "api", "DB_PASS"), DB_V2.as_bytes());
    assert_eq!(user_version(h), 3);
    assert_eq!(one(h, "SELECT count(*) FROM meta WHERE key = 'migrated_from_1'"), "1");
    let a = alice(h).args(["secret", "history", "DB_PASS", "--project", "api", "--json"]).assert().success();
    let history = json(&a.get_output().stdout);
    let versions: Vec<(i64, bool)> = history
        .as_array()
        .expect("history is an array")
        .iter()
        .map(|v| (v["version"].as_i64().unwrap(), v["current"].as_bool().unwrap()))
        .collect();
    assert_eq!(versions.len(), 2, "{history}");
    assert!(versions.contains(&(1, false)) && versions.contains(&(2, true)), "{history}");
    // The older version is still there: a rollback brings it back as version 3.
    alice(h).args(["secret", "rollback", "DB_PASS", "--project", "api", "--version", "1"]).assert().success();
    assert_eq!(reveal(h, "api", "DB_PASS"), DB_V1.as_bytes());

    assert_eq!(reveal(h, "api", "HF_TOKEN"), HF.as_bytes());
    // API_KEY kept its own env name.
    assert_eq!(reveal(h, "api", "API_KEY"), SVC.as_bytes());
    let list = list_json_as(h, "alice", "api");
    let api_key = list.iter().find(|s| s["name"] == "API_KEY").expect("API_KEY listed");
    assert_eq!(api_key["env_name"], "SERVICE_API_KEY");
    assert_eq!(run_sh(h, "alice", "api", "printf %s \"$SERVICE_API_KEY\""), SVC);
    // api holds a write-only secret: an export in clear is refused.
    alice(h)
        .args(["export", "--project", "api", "--reveal"])
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'alice' cannot export secret 'SIGNING_KEY' in clear: it is write-only\n");

    // The write-only SIGNING_KEY: never shown, but programs get it.
    alice(h).args(["secret", "get", "SIGNING_KEY", "--project", "api", "--reveal"]).assert().code(6).stdout("").stderr(
        "vault: error: user 'alice' cannot reveal secret 'SIGNING_KEY': it is write-only (it reaches programs \
             only through `vault run`)\n",
    );
    assert_eq!(run_sh(h, "alice", "api", &format!("[ \"$SIGNING_KEY\" = '{SIGNING}' ] && echo match")), "match\n");

    // alice's private MY_TOKEN.
    let a = alice(h).args(["secret", "get", "MY_TOKEN", "--private", "--reveal"]).assert().success();
    assert_eq!(stdout_of(&a), MINE);

    // bob: editor of web, viewer of api.
    assert_eq!(reveal_as(h, "bob", "web", "COOKIE_SECRET"), COOKIE);
    assert_eq!(reveal_as(h, "bob", "api", "HF_TOKEN"), HF);
    assert_eq!(run_sh(h, "bob", "web", "printf %s \"$COOKIE_SECRET\""), COOKIE);
    // Nobody else's private secret.
    as_user(h, "bob").args(["secret", "get", "MY_TOKEN", "--private", "--reveal"]).assert().code(3).stdout("");
    assert_eq!(user_version(h), 3);
}

#[test]
fn legacy_rows_are_rebound_by_the_first_editor_and_community_admin_to_unlock() {
    if !file_backend_only() {
        return;
    }
    let home = format_1_home();
    let h = home.path();
    // Opening without unlocking migrates the schema; nothing is rebound yet.
    let a = alice(h).args(["status", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout)["format"], 3);
    assert_eq!(user_version(h), 3);
    let legacy = (
        "@alice.MY_TOKEN=1 api.API_KEY=1 api.DB_PASS=1 api.HF_TOKEN=1 api.SIGNING_KEY=1 web.COOKIE_SECRET=1".to_owned(),
        "1".to_owned(),
    );
    assert_eq!(binds(h), legacy);

    // bob is an editor of web, a viewer of api and a plain member of research: he rebinds
    // web's row only, and reads api's with format 1's binding.
    assert_eq!(reveal_as(h, "bob", "api", "HF_TOKEN"), HF);
    assert_eq!(
        binds(h),
        (
            "@alice.MY_TOKEN=1 api.API_KEY=1 api.DB_PASS=1 api.HF_TOKEN=1 api.SIGNING_KEY=1 web.COOKIE_SECRET=2"
                .to_owned(),
            "1".to_owned()
        )
    );
    assert_eq!(reveal_as(h, "bob", "web", "COOKIE_SECRET"), COOKIE);
    assert_eq!(reveal_as(h, "bob", "web", "DB_PASS"), DB_V2);

    // alice owns api and @alice and administers research: everything else, the share included.
    alice(h).args(["project", "list"]).assert().success();
    assert_eq!(
        binds(h),
        (
            "@alice.MY_TOKEN=2 api.API_KEY=2 api.DB_PASS=2 api.HF_TOKEN=2 api.SIGNING_KEY=2 web.COOKIE_SECRET=2"
                .to_owned(),
            "3".to_owned()
        )
    );
    // Every value still reads, for both.
    assert_eq!(reveal(h, "api", "DB_PASS"), DB_V2.as_bytes());
    assert_eq!(reveal(h, "api", "HF_TOKEN"), HF.as_bytes());
    assert_eq!(reveal(h, "api", "API_KEY"), SVC.as_bytes());
    assert_eq!(reveal_as(h, "bob", "api", "DB_PASS"), DB_V2);
    assert_eq!(reveal_as(h, "bob", "web", "DB_PASS"), DB_V2);
    assert_eq!(reveal_as(h, "bob", "web", "COOKIE_SECRET"), COOKIE);
    let a = alice(h).args(["secret", "get", "MY_TOKEN", "--private", "--reveal"]).assert().success();
    assert_eq!(stdout_of(&a), MINE);

    // Rebound, the names are sealed in: a swap is now caught, at home and through the share.
    let api = project_id(h, "api");
    sql(
        &vault_path(h),
        &format!(
            "UPDATE secrets SET name = 'SWAP_TMP' WHERE project_id = '{api}' AND name = 'DB_PASS'; \
             UPDATE secrets SET name = 'DB_PASS' WHERE project_id = '{api}' AND name = 'HF_TOKEN'; \
             UPDATE secrets SET name = 'HF_TOKEN' WHERE project_id = '{api}' AND name = 'SWAP_TMP';"
        ),
    );
    for name in ["DB_PASS", "HF_TOKEN"] {
        let out = alice(h)
            .args(["secret", "get", name, "--project", "api", "--reveal"])
            .assert()
            .code(7)
            .stdout("")
            .stderr(contains(format!("the key of secret '{name}' in project 'api' failed to verify")))
            .get_output()
            .clone();
        assert_no_value(&out, ALL_VALUES);
    }
    let out = as_user(h, "bob")
        .args(["secret", "get", "HF_TOKEN", "--project", "web", "--reveal"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains("the share of secret 'HF_TOKEN' into community 'research' failed to verify"))
        .get_output()
        .clone();
    assert_no_value(&out, ALL_VALUES);
}

#[test]
fn the_shared_db_pass_reaches_web_only_once_bob_accepts_it() {
    if !file_backend_only() {
        return;
    }
    let home = format_1_home();
    let h = home.path();
    let list = list_json_as(h, "bob", "web");
    let shared = list.iter().find(|s| s["name"] == "DB_PASS").unwrap_or_else(|| panic!("DB_PASS not in {list:?}"));
    assert_eq!(shared["shared_from"], "api");
    assert_eq!(shared["accepted_as"], Value::Null);
    let a = as_user(h, "bob").args(["secret", "list", "--project", "web"]).assert().success();
    assert!(
        stdout_of(&a)
            .lines()
            .any(|l| row_matches(l, &["DB_PASS", r"\*\*\*", r"from api \(read-only, not accepted\)", ".*"])),
        "{}",
        stdout_of(&a)
    );
    // Readable by bob, but web's programs do not get it.
    assert_eq!(reveal_as(h, "bob", "web", "DB_PASS"), DB_V2);
    assert_eq!(
        run_sh(h, "bob", "web", "printf '%s|%s' \"${DB_PASS-unset}\" \"$COOKIE_SECRET\""),
        format!("unset|{COOKIE}")
    );
    let a = as_user(h, "bob").args(["export", "--project", "web", "--reveal", "--format", "shell"]).assert().success();
    assert_eq!(stdout_of(&a), format!("export COOKIE_SECRET='{COOKIE}'\n"));

    as_user(h, "bob")
        .args(["secret", "accept", "DB_PASS", "--project", "web"])
        .assert()
        .success()
        .stdout("")
        .stderr("accepted secret 'DB_PASS' shared from project 'api': programs of 'web' get it as DB_PASS\n");
    assert_eq!(
        list_json_as(h, "bob", "web").iter().find(|s| s["name"] == "DB_PASS").unwrap()["accepted_as"],
        "DB_PASS"
    );
    assert_eq!(run_sh(h, "bob", "web", "printf %s \"$DB_PASS\""), DB_V2);
    // And a new value at home reaches web at once.
    alice(h)
        .args(["secret", "edit", "DB_PASS", "--project", "api", "--value-stdin"])
        .write_stdin("db-pass-v3-after-migration")
        .assert()
        .success();
    assert_eq!(run_sh(h, "bob", "web", "printf %s \"$DB_PASS\""), "db-pass-v3-after-migration");
}

#[test]
fn audit_verify_passes_on_a_migrated_file_old_events_unsigned_new_ones_signed() {
    if !file_backend_only() {
        return;
    }
    let home = format_1_home();
    let h = home.path();
    assert_eq!(one(h, "SELECT count(*) FROM audit"), OLD_EVENTS.to_string());
    assert_eq!(reveal(h, "api", "DB_PASS"), DB_V2.as_bytes());
    assert_eq!(reveal_as(h, "bob", "web", "COOKIE_SECRET"), COOKIE);
    let a = alice(h).args(["audit", "--verify"]).assert().success().stdout("");
    let total: i64 = one(h, "SELECT count(*) FROM audit").parse().unwrap();
    assert_eq!(total, OLD_EVENTS + 2, "the two reveals (a verify records nothing)");
    assert_eq!(stderr_of(&a), format!("audit log intact: {total} event(s) verified\n"));
    assert_eq!(
        one(h, &format!("SELECT count(*) FROM audit WHERE seq <= {OLD_EVENTS} AND sig IS NULL AND mac IS NOT NULL")),
        OLD_EVENTS.to_string(),
        "the old events keep their MAC and have no signature"
    );
    assert_eq!(
        one(h, &format!("SELECT group_concat(user_name || ':' || action, ',') FROM audit WHERE seq > {OLD_EVENTS} AND sig IS NOT NULL")),
        "alice:secret reveal,bob:secret reveal"
    );
    let a = alice(h).args(["audit", "--json"]).assert().success();
    let events = json(&a.get_output().stdout);
    assert!(events.as_array().unwrap().iter().all(|e| e["authenticated"] == true), "{events:#}");

    // After the first signed event, an unsigned one is refused.
    let bobs = one(h, &format!("SELECT seq FROM audit WHERE seq > {OLD_EVENTS} AND user_name = 'bob'"));
    sql(
        &vault_path(h),
        &format!(
            "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; UPDATE audit SET sig = NULL WHERE seq = {bobs}; \
             CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END; \
             CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;"
        ),
    );
    alice(h).args(["audit", "--verify"]).assert().code(7).stdout("").stderr(contains(format!(
        "the audit log (event {bobs}, 'secret reveal' by 'bob': not signed by its user) failed to verify"
    )));
}

#[test]
fn a_second_open_does_not_migrate_again() {
    if !file_backend_only() {
        return;
    }
    let home = format_1_home();
    let h = home.path();
    assert_eq!(reveal(h, "api", "HF_TOKEN"), HF.as_bytes());
    let mark = migrated_mark(h);
    assert_eq!(mark.len(), 16, "an 8-byte time: {mark:?}");
    let migrated_schema = schema(&vault_path(h));
    // The mark is a time in seconds: let one pass so that a second migration would show.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(reveal_as(h, "bob", "web", "COOKIE_SECRET"), COOKIE);
    alice(h).args(["status"]).assert().success();
    assert_eq!(reveal(h, "api", "HF_TOKEN"), HF.as_bytes());
    assert_eq!(migrated_mark(h), mark);
    assert_eq!(one(h, "SELECT count(*) FROM meta WHERE key LIKE 'migrated_from_%'"), "1");
    assert_eq!(user_version(h), 3);
    assert_eq!(schema(&vault_path(h)), migrated_schema);
    // The same schema as a file made by this build.
    let fresh = init_vault();
    assert_eq!(schema(&vault_path(fresh.path())), migrated_schema);
}

/// Names swapped in a format 1 file before it was ever opened by this build. Format 1 did not
/// seal the name, so nothing in the file tells which name a row had: what we observe
/// (and pin here, so that a change is seen) is
///
/// - names swapped alone (env names left): alice's first unlock rebinds both rows under the
///   names it finds, with no error; from then on `secret get HF_TOKEN` prints DB_PASS's value
///   and the other way round, while `vault run` still sets each env name to its own value (the
///   env name is bound into each sealed version and was not moved). The share moves with its
///   row: web now lists the shared secret as HF_TOKEN. A swap after the rebind is caught.
/// - names and env names swapped together: the rebind still happens (it opens only the data
///   keys), but every version was sealed under the old env name, so reading either is exit 7.
#[test]
fn names_swapped_in_a_format_1_file_before_migration() {
    if !file_backend_only() {
        return;
    }
    let swap = |h: &Path, cols: &[&str]| {
        let set = |from: &str, to: &str| {
            cols.iter().map(|c| format!("{c} = '{to}'")).collect::<Vec<_>>().join(", ")
                + &format!(" WHERE name = '{from}'")
        };
        sql(
            &vault_path(h),
            &format!(
                "UPDATE secrets SET {}; UPDATE secrets SET {}; UPDATE secrets SET {};",
                set("DB_PASS", "SWAP_TMP"),
                set("HF_TOKEN", "DB_PASS"),
                set("SWAP_TMP", "HF_TOKEN")
            ),
        );
    };

    // Names alone.
    let home = format_1_home();
    let h = home.path();
    swap(h, &["name"]);
    assert_eq!(reveal(h, "api", "HF_TOKEN"), DB_V2.as_bytes());
    assert_eq!(reveal(h, "api", "DB_PASS"), HF.as_bytes());
    assert_eq!(
        binds(h).0,
        "@alice.MY_TOKEN=2 api.API_KEY=2 api.DB_PASS=2 api.HF_TOKEN=2 api.SIGNING_KEY=2 web.COOKIE_SECRET=2"
    );
    assert_eq!(binds(h).1, "3");
    assert_eq!(
        one(h, "SELECT group_concat(name || '=' || env_name, ' ') FROM (SELECT * FROM secrets WHERE name IN ('DB_PASS', 'HF_TOKEN') ORDER BY name)"),
        "DB_PASS=HF_TOKEN HF_TOKEN=DB_PASS"
    );
    assert_eq!(run_sh(h, "alice", "api", "printf '%s|%s' \"$DB_PASS\" \"$HF_TOKEN\""), format!("{DB_V2}|{HF}"));
    let a = alice(h).args(["secret", "history", "HF_TOKEN", "--project", "api", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout).as_array().unwrap().len(), 2);
    assert_eq!(reveal_as(h, "bob", "web", "HF_TOKEN"), DB_V2);
    as_user(h, "bob").args(["secret", "get", "DB_PASS", "--project", "web", "--reveal"]).assert().code(3).stdout("");
    alice(h).args(["audit", "--verify"]).assert().success();
    // Swapped back after the rebind: caught.
    swap(h, &["name"]);
    for name in ["DB_PASS", "HF_TOKEN"] {
        let out = alice(h)
            .args(["secret", "get", name, "--project", "api", "--reveal"])
            .assert()
            .code(7)
            .stdout("")
            .get_output()
            .clone();
        assert_no_value(&out, ALL_VALUES);
    }

    // Names and env names together.
    let home = format_1_home();
    let h = home.path();
    swap(h, &["name", "env_name"]);
    for name in ["DB_PASS", "HF_TOKEN"] {
        let out = alice(h)
            .args(["secret", "get", name, "--project", "api", "--reveal"])
            .assert()
            .code(7)
            .stdout("")
            .stderr(contains(format!("of secret '{name}' in project 'api' failed to verify")))
            .get_output()
            .clone();
        assert_no_value(&out, ALL_VALUES);
    }
    assert_eq!(binds(h).1, "3");
    assert!(binds(h).0.contains("api.DB_PASS=2 api.HF_TOKEN=2"), "{:?}", binds(h));
    // The rest of the file is unharmed.
    assert_eq!(reveal(h, "api", "API_KEY"), SVC.as_bytes());
    assert_eq!(reveal_as(h, "bob", "web", "COOKIE_SECRET"), COOKIE);
}

/// A home holding a copy of the format 2 fixture (made by tests/fixtures/make-format-2.sh).
fn format_2_home() -> TempDir {
    fixture_home("format-2.db", 2)
}

/// The provider `platform` as `provider list --json` shows it: its settings survived the
/// move to JSON, and its format 2 signature still verifies them.
fn assert_platform_listed(h: &Path, address: &str) {
    let a = alice(h).args(["provider", "list", "--json"]).assert().success();
    let list = json(&a.get_output().stdout);
    let p = &list[0];
    assert_eq!(p["name"], "platform", "{list}");
    assert_eq!(p["kind"], "openbao");
    assert_eq!(p["address"], address);
    assert_eq!(p["mount"], "kv/team");
    assert_eq!(p["namespace"], "ops");
    assert_eq!(p["timeout_secs"], 7);
    assert_eq!(p["private_ca"], false);
    assert_eq!(p["signed_by"], "alice");
}

/// Format 3: a provider's settings are its kind's JSON (one column, not one per OpenBao
/// setting), files get an index for listings, and a share may carry a provider's token.
#[test]
fn a_format_2_file_becomes_format_3_once_and_keeps_its_providers_and_values() {
    if !file_backend_only() {
        return;
    }
    let home = format_2_home();
    let h = home.path();
    assert_platform_listed(h, "http://127.0.0.1:8200,http://127.0.0.1:8201");
    assert_eq!(user_version(h), 3);
    let settings = one(h, "SELECT settings FROM providers");
    assert!(settings.starts_with("{\"address\":\"http://127.0.0.1:8200,http://127.0.0.1:8201\""), "{settings}");
    let mark = one(h, "SELECT hex(value) FROM meta WHERE key = 'migrated_from_2'");
    assert_eq!(mark.len(), 16, "an 8-byte time: {mark:?}");
    // The same schema as a file made by this build.
    let fresh = init_vault();
    assert_eq!(schema(&vault_path(h)), schema(&vault_path(fresh.path())));
    assert_eq!(reveal(h, "api", "DB_PASS"), DB_V2.as_bytes());
    assert_eq!(reveal(h, "api", "HF_TOKEN"), HF.as_bytes());
    assert_eq!(reveal_as(h, "bob", "web", "COOKIE_SECRET"), COOKIE);
    // The share (format 2's binding) still reaches web, where bob accepted it.
    assert_eq!(run_sh(h, "bob", "web", "printf %s \"$DB_PASS\""), DB_V2);
    let a = alice(h).args(["secret", "get", "MY_TOKEN", "--private", "--reveal"]).assert().success();
    assert_eq!(stdout_of(&a), MINE);
    alice(h).args(["audit", "--verify"]).assert().success();
    // Once only.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    alice(h).args(["status"]).assert().success();
    assert_eq!(one(h, "SELECT hex(value) FROM meta WHERE key = 'migrated_from_2'"), mark);
    assert_eq!(one(h, "SELECT count(*) FROM meta WHERE key LIKE 'migrated_from_%'"), "1");
    let a = alice(h).args(["status", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout)["format"], 3);
}

/// The same step on a database: a format 2 one (made here from a format 3 one, as the
/// format 2 release laid out its providers) is brought to format 3 by the first client that
/// opens it, before anything is read, in one transaction.
#[test]
fn a_format_2_database_becomes_format_3_before_anything_is_read() {
    if !pg::enabled() {
        eprintln!("about PostgreSQL: runs in the PostgreSQL suite only");
        return;
    }
    let home = init_vault();
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", DB_V1);
    let scratch = scratch();
    let token = scratch.path().join("token");
    std::fs::write(&token, "hvs.format2-pg-token-77a0\n").unwrap();
    alice(h)
        .args(["provider", "add", "platform", "--kind", "openbao", "--address", "http://127.0.0.1:8200"])
        .args(["--mount", "kv/team", "--namespace", "ops", "--timeout", "7", "--token-file"])
        .arg(&token)
        .assert()
        .success();
    store_sql(
        h,
        "ALTER TABLE providers ADD COLUMN address TEXT COLLATE \"C\" NOT NULL DEFAULT '', \
         ADD COLUMN mount TEXT COLLATE \"C\" NOT NULL DEFAULT '', ADD COLUMN namespace TEXT COLLATE \"C\", \
         ADD COLUMN ca_cert TEXT COLLATE \"C\", ADD COLUMN timeout_secs BIGINT NOT NULL DEFAULT 0; \
         UPDATE providers SET address = settings::json->>'address', mount = settings::json->>'mount', \
         namespace = settings::json->>'namespace', ca_cert = settings::json->>'ca_cert', \
         timeout_secs = (settings::json->>'timeout_secs')::bigint; \
         ALTER TABLE providers ALTER COLUMN address DROP DEFAULT, ALTER COLUMN mount DROP DEFAULT, \
         ALTER COLUMN timeout_secs DROP DEFAULT, DROP COLUMN settings; \
         UPDATE meta SET value = X'0000000000000002' WHERE key = 'format'",
    );
    let format = || one(h, "SELECT hex(value) FROM meta WHERE key = 'format'").to_lowercase();
    assert_eq!(format(), "0000000000000002");
    // A role that may read and write rows but not change tables (as the README sets up users
    // and CI jobs) cannot upgrade it: a clear refusal, and nothing changes.
    let role = format!("vault_rows_{}", std::process::id());
    pg::dba(
        h,
        &format!(
            "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN \
               CREATE ROLE {role} LOGIN; END IF; END$$; ALTER ROLE {role} PASSWORD 'rows-only-5b2e'; \
             GRANT USAGE ON SCHEMA vault TO {role}; \
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA vault TO {role}"
        ),
    );
    let url = pg::vault_url(h).replacen("vault_test@", &format!("{role}@"), 1);
    pg::at(h, &url)
        .env("PGPASSWORD", "rows-only-5b2e")
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(8)
        .stdout("")
        .stderr(contains("the vault there is of format 2; this release upgrades it to format 3 on its first open"))
        .stderr(contains("vault: hint: have the owner of the vault tables run any vault command"));
    assert_eq!(format(), "0000000000000002");
    // Something planted in it fails the open before the upgrade could run it (with the
    // owner's rights).
    pg::dba(
        h,
        "CREATE FUNCTION vault.planted() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; \
         CREATE TRIGGER planted BEFORE UPDATE ON vault.meta FOR EACH ROW EXECUTE FUNCTION vault.planted()",
    );
    alice(h)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains("the vault database's schema (unknown "));
    assert_eq!(format(), "0000000000000002");
    pg::dba(h, "DROP TRIGGER planted ON vault.meta; DROP FUNCTION vault.planted()");
    // The owner's first command upgrades it, before any answer is used; here a write.
    create_secret(h, "api", "HF_TOKEN", HF);
    assert_eq!(format(), "0000000000000003");
    assert_eq!(reveal(h, "api", "DB_PASS"), DB_V1.as_bytes());
    assert_eq!(format(), "0000000000000003");
    assert_eq!(one(h, "SELECT count(*) FROM meta WHERE key = 'migrated_from_2'"), "1");
    assert_platform_listed(h, "http://127.0.0.1:8200");
    let a = alice(h).args(["status", "--json"]).assert().success();
    assert_eq!(json(&a.get_output().stdout)["format"], 3);
    // Once only, and the schema is this format's (every open compares it). The role that
    // reads and writes rows now works too.
    assert_eq!(reveal(h, "api", "DB_PASS"), DB_V1.as_bytes());
    assert_eq!(one(h, "SELECT count(*) FROM meta WHERE key LIKE 'migrated_from_%'"), "1");
    pg::at(h, &url).env("PGPASSWORD", "rows-only-5b2e").args(["project", "list"]).assert().success();
}
