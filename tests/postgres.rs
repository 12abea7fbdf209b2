//! The PostgreSQL backend as its users and its attackers meet it: connection settings as libpq
//! reads them (passwords from PGPASSWORD or a password file, never the URL), an unreachable or
//! refusing server (exit 8, nothing changed), a database administrator who changes the schema
//! (exit 7), eight clients writing at once, a failover to a streaming standby, and TLS with
//! `sslmode=verify-full`.
//!
//! The shared server of `.ci/run` (VAULT_TEST_PG) serves most tests; failover and TLS start
//! servers of their own. Without VAULT_TEST_PG these tests have no server: they pass outside CI
//! and fail in it (see `common::pg::database_url_for_new_db`).

mod common;

use std::process::Output;

use common::pg::{at, init_at, token};
use common::team::*;
use common::*;
use predicates::prelude::*;
use predicates::str::contains;

fn assert_not_in(outs: &[&Output], needle: &str) {
    for o in outs {
        assert!(!text(&o.stdout).contains(needle), "stdout holds {needle:?}");
        assert!(!text(&o.stderr).contains(needle), "stderr holds {needle:?}");
    }
}

/// The database part of the shared server's URL replaced.
fn with_user(url: &str, user: &str) -> String {
    url.replacen("vault_test@", &format!("{user}@"), 1)
}

#[test]
fn an_unreachable_server_is_exit_8_naming_host_and_reason_and_changes_nothing() {
    if common::pg::admin_url().is_none() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let port = common::pg::free_port();
    let url = format!("postgres://alice@127.0.0.1:{port}/team?connect_timeout=3");
    for args in [&["init", "--kdf-memory", "8", "--kdf-iterations", "1"][..], &["secret", "list", "--project", "api"]] {
        at(home.path(), &url)
            .args(args)
            .assert()
            .code(8)
            .stdout("")
            .stderr(contains(format!("vault: error: vault database at 127.0.0.1:{port}: ")))
            .stderr(contains("refused").or(contains("timed out")));
    }
    // Nothing was written on this computer either: no vault file, no session, no state.
    assert!(all_files(home.path()).is_empty(), "{:?}", all_files(home.path()));
}

#[test]
fn a_password_in_the_url_is_refused_and_never_echoed() {
    let home = tempfile::tempdir().unwrap();
    for url in ["postgres://alice:hunter2-pw@127.0.0.1:5/team", "postgres://alice@127.0.0.1:5/team?password=hunter2-pw"]
    {
        let out = at(home.path(), url)
            .args(["secret", "list", "--project", "api"])
            .assert()
            .code(2)
            .stderr(contains("~/.pgpass"))
            .get_output()
            .clone();
        assert_not_in(&[&out], "hunter2-pw");
    }
}

/// A role that logs in with a password (SCRAM, per the server's pg_hba.conf) and owns a fresh
/// database; returns its URL (no password in it).
fn password_role(name: &str, password: &str) -> Option<String> {
    let url = common::pg::database_url_for_new_db()?;
    let db = url.rsplit('/').next().unwrap().to_owned();
    let mut admin = common::pg::admin();
    admin
        .batch_execute(&format!(
            "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN \
               CREATE ROLE {name} LOGIN; END IF; END$$; \
             ALTER ROLE {name} PASSWORD '{password}'; ALTER DATABASE {db} OWNER TO {name}"
        ))
        .unwrap();
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    c.batch_execute(&format!("ALTER SCHEMA public OWNER TO {name}")).unwrap();
    Some(with_user(&url, name))
}

#[test]
fn passwords_come_from_pgpassword_or_a_private_password_file_like_libpq() {
    let pw = "s3cret-role-pw-9d1c";
    let Some(url) = password_role("vault_pw", pw) else { return };
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // None at all: the server refuses, exit 8, and nothing is created.
    let out = init_at(h, &url).assert().code(8).stderr(contains("vault database at")).get_output().clone();
    // A wrong one: the server's refusal, never the password.
    let wrong = init_at(h, &url).env("PGPASSWORD", "not-it-7").assert().code(8).get_output().clone();
    assert!(text(&wrong.stderr).contains("password authentication failed"), "{}", text(&wrong.stderr));
    assert_not_in(&[&out, &wrong], "not-it-7");
    // PGPASSWORD.
    init_at(h, &url).env("PGPASSWORD", pw).assert().success();
    // A password file others can read is ignored, as libpq does, with a warning.
    let scratch = scratch();
    let file = scratch.path().join("pgpass");
    std::fs::write(&file, format!("# team vault\n127.0.0.1:*:*:vault_pw:{pw}\n")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let ignored = at(h, &url)
        .env("PGPASSFILE", &file)
        .args(["project", "list"])
        .assert()
        .code(8)
        .stderr(contains("has group or world access; ignoring it"))
        .get_output()
        .clone();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    at(h, &url).env("PGPASSFILE", &file).args(["project", "create", "api"]).assert().success();
    // ~/.pgpass when PGPASSFILE is not set.
    std::fs::copy(&file, h.join(".pgpass")).unwrap();
    std::fs::set_permissions(h.join(".pgpass"), std::fs::Permissions::from_mode(0o600)).unwrap();
    let ok = at(h, &url).args(["project", "list"]).assert().success().stdout(contains("api")).get_output().clone();
    assert_not_in(&[&ignored, &ok], pw);
}

/// A fresh vault on the shared server, alice its admin; returns (home, url).
fn pg_vault() -> Option<(tempfile::TempDir, String)> {
    let url = common::pg::database_url_for_new_db()?;
    let home = tempfile::tempdir().unwrap();
    init_at(home.path(), &url).assert().success();
    Some((home, url))
}

#[test]
fn init_on_a_database_that_holds_a_vault_is_exit_4_and_changes_nothing() {
    let Some((home, url)) = pg_vault() else { return };
    at(home.path(), &url).args(["project", "create", "api"]).assert().success();
    init_at(home.path(), &url).assert().code(4).stderr(contains("a vault already exists at"));
    at(home.path(), &url).args(["project", "list"]).assert().success().stdout(contains("api"));
}

/// What the database administrator can do to the schema, each refused by every command before
/// it reads or writes anything: exit 7 naming the object.
#[test]
fn schema_changes_by_the_database_administrator_are_exit_7() {
    let Some((home, url)) = pg_vault() else { return };
    let h = home.path();
    at(h, &url).args(["project", "create", "api"]).assert().success();
    let admin = |sql: &str| {
        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        c.batch_execute(sql).unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    };
    let cases: &[(&str, &str, &str)] = &[
        ("CREATE RULE hide AS ON SELECT TO vault.heads DO INSTEAD NOTHING", "DROP RULE hide ON vault.heads", ""),
        (
            "CREATE RULE keep AS ON INSERT TO vault.audit DO INSTEAD NOTHING",
            "DROP RULE keep ON vault.audit",
            "unknown rule 'audit.keep'",
        ),
        (
            "ALTER TABLE vault.audit DISABLE TRIGGER audit_no_change",
            "ALTER TABLE vault.audit ENABLE TRIGGER audit_no_change",
            "changed trigger 'audit.audit_no_change'",
        ),
        (
            "CREATE FUNCTION vault.lower(text) RETURNS text LANGUAGE sql AS 'SELECT $1'",
            "DROP FUNCTION vault.lower(text)",
            "unknown function 'vault.lower(text)'",
        ),
        ("CREATE VIEW vault.names AS SELECT name FROM vault.secrets", "DROP VIEW vault.names", "unknown view 'names'"),
        (
            "ALTER TABLE vault.secrets ADD COLUMN plain text",
            "ALTER TABLE vault.secrets DROP COLUMN plain",
            "changed table 'secrets'",
        ),
        (
            "ALTER TABLE vault.secrets ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE vault.secrets DISABLE ROW LEVEL SECURITY",
            "changed table 'secrets'",
        ),
    ];
    for (attack, undo, what) in cases {
        // A rule ON SELECT turns the table into a view in PostgreSQL: refused by the server.
        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        if c.batch_execute(attack).is_err() {
            assert!(what.is_empty(), "{attack} was refused by the server");
            continue;
        }
        for args in [&["project", "list"][..], &["secret", "create", "NEW_KEY", "--project", "api"]] {
            alice(h)
                .env("VAULT_PATH", &url)
                .args(args)
                .write_stdin("value-never-stored")
                .assert()
                .code(7)
                .stdout("")
                .stderr(contains(format!("the vault database's schema ({what})")));
        }
        admin(undo);
        at(h, &url).args(["project", "list"]).assert().success();
    }
    assert_eq!(
        text(
            &at(h, &url).args(["secret", "list", "--project", "api", "--json"]).assert().success().get_output().stdout
        ),
        "[]\n"
    );
}

/// What the database holds is what a file holds: names and times in clear, every value sealed.
/// A value is nowhere in the database, as bytes or as hex.
#[test]
fn the_database_never_holds_a_value_or_a_passphrase() {
    let Some((home, url)) = pg_vault() else { return };
    let h = home.path();
    let value = "pg-value-7c41e0f2aa93";
    at(h, &url).args(["project", "create", "api"]).assert().success();
    at(h, &url).args(["secret", "create", "DB_PASS", "--project", "api"]).write_stdin(value).assert().success();
    at(h, &url)
        .args(["run", "--project", "api", "--", "sh", "-c", "test \"$DB_PASS\" = pg-value-7c41e0f2aa93"])
        .assert()
        .success();
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let tables: Vec<String> = c
        .query("SELECT tablename::text FROM pg_tables WHERE schemaname = 'vault'", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(tables.len() >= 10, "{tables:?}");
    let hex: String = value.bytes().map(|b| format!("{b:02x}")).collect();
    for t in &tables {
        for row in c.simple_query(&format!("SELECT t::text FROM vault.{t} t")).unwrap() {
            if let postgres::SimpleQueryMessage::Row(r) = row {
                let line = r.get(0).unwrap_or("");
                for needle in [value, hex.as_str(), common::ALICE_PASS] {
                    assert!(!line.contains(needle), "table {t} holds {needle:?}");
                }
            }
        }
    }
}

/// 8 clients at once, 50 writes each: creates, edits, and member changes that rotate the
/// project key. Every acknowledged write is there, none half done, nobody waits forever.
#[test]
fn eight_clients_writing_at_once_lose_nothing() {
    if common::pg::admin_url().is_none() {
        return;
    }
    let home = team(&["bob"]);
    let h = home.path().to_owned();
    if !common::pg::enabled() {
        // The file suite runs this against a file: the point here is the database.
        eprintln!("runs against PostgreSQL (VAULT_TEST_BACKEND=postgres)");
        return;
    }
    for w in 0..8 {
        create_project(&h, &format!("proj{w}"));
    }
    let token = token(alice(&h).args(["unlock"]).assert().success().get_output());
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let h = h.clone();
            let token = token.clone();
            std::thread::spawn(move || {
                let project = format!("proj{w}");
                let mut acknowledged = Vec::new();
                for i in 0..50 {
                    let mut cmd = vault(&h);
                    cmd.env("VAULT_SESSION", &token);
                    let (args, value): (Vec<String>, Option<String>) = match i % 10 {
                        // a member change with key rotation: bob in (9), out (4, after 9)
                        9 => (
                            ["project", "member", "add", &project, "bob", "--role", "viewer"]
                                .iter()
                                .map(|s| s.to_string())
                                .collect(),
                            None,
                        ),
                        4 if i > 9 => (
                            ["project", "member", "remove", &project, "bob"].iter().map(|s| s.to_string()).collect(),
                            None,
                        ),
                        // an edit of the secret created just before
                        3 | 7 => {
                            let v = format!("edited-{w}-{i}");
                            (
                                vec![
                                    "secret".into(),
                                    "edit".into(),
                                    format!("SECRET_{}", i - 1),
                                    "--project".into(),
                                    project.clone(),
                                    "--value-stdin".into(),
                                ],
                                Some(v),
                            )
                        }
                        _ => {
                            let v = format!("value-{w}-{i}");
                            (
                                vec![
                                    "secret".into(),
                                    "create".into(),
                                    format!("SECRET_{i}"),
                                    "--project".into(),
                                    project.clone(),
                                ],
                                Some(v),
                            )
                        }
                    };
                    let out = cmd.args(&args).write_stdin(value.clone().unwrap_or_default()).output().unwrap();
                    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
                    acknowledged.push((args, value));
                }
                acknowledged
            })
        })
        .collect();
    let results: Vec<_> = workers.into_iter().map(|t| t.join().expect("worker")).collect();
    for (w, acked) in results.iter().enumerate() {
        let project = format!("proj{w}");
        // The newest value of each secret, from what was acknowledged.
        let mut expect = std::collections::BTreeMap::new();
        for (args, value) in acked {
            if args[0] == "secret" {
                expect.insert(args[2].clone(), value.clone().unwrap());
            }
        }
        let listed = list_json_as(&h, "alice", &project);
        assert_eq!(listed.len(), expect.len(), "project {project}: {listed:?}");
        for (name, value) in &expect {
            assert_eq!(&reveal_as(&h, "alice", &project, name), value, "{project}/{name}");
        }
        // bob was added (9, 19, .. 49) and removed (14, .. 44) by turns, each removal rotating
        // the project key: he is a viewer again at the end, and reads with the newest key.
        assert_eq!(grant_count(&h, &project, "bob"), 1, "{project}");
        assert_eq!(reveal_as(&h, "bob", &project, "SECRET_48"), format!("value-{w}-48"));
    }
    alice(&h).args(["audit", "--verify"]).assert().success();
}

#[test]
fn a_failover_to_the_standby_keeps_reads_runs_and_every_acknowledged_write() {
    if common::pg::admin_url().is_none() {
        return;
    }
    let primary = common::pg::Server::init();
    primary.configure(
        "wal_level = replica\nmax_wal_senders = 5\nsynchronous_commit = on\nsynchronous_standby_names = '*'\nfsync = on",
        "",
    );
    primary.run();
    let standby = common::pg::Server::standby_of(&primary);
    // The copy of the primary's settings would make the promoted standby wait for a standby of
    // its own on every commit: as a team's failover runbook does, it takes none.
    standby.configure("hot_standby = on\nfsync = on\nsynchronous_standby_names = ''", "");
    standby.run();
    primary.sql("postgres", "CREATE DATABASE team");
    let url = format!(
        "postgres://vault_test@127.0.0.1:{},127.0.0.1:{}/team?target_session_attrs=read-write&connect_timeout=5",
        primary.port, standby.port
    );
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    init_at(h, &url).assert().success();
    at(h, &url).args(["project", "create", "api"]).assert().success();
    let mut acked = Vec::new();
    for i in 0..20 {
        let v = format!("failover-value-{i}");
        // Synchronous commit: acknowledged only once the standby has it.
        at(h, &url)
            .args(["secret", "create", &format!("SECRET_{i}"), "--project", "api"])
            .write_stdin(v.clone())
            .assert()
            .success();
        acked.push((format!("SECRET_{i}"), v));
    }
    let session = token(at(h, &url).args(["unlock"]).assert().success().get_output());
    primary.kill();
    // The standby alone takes no writes: a write fails as a server error and changes nothing.
    at(h, &url)
        .args(["secret", "create", "NEVER", "--project", "api"])
        .write_stdin("never-written")
        .assert()
        .code(8)
        .stderr(contains("vault database at"));
    standby.promote();
    for (name, v) in &acked {
        let out = at(h, &url)
            .env_remove("VAULT_PASSPHRASE")
            .env("VAULT_SESSION", &session)
            .args(["secret", "get", name, "--project", "api", "--reveal"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(text(&out), *v);
    }
    at(h, &url)
        .env_remove("VAULT_PASSPHRASE")
        .env("VAULT_SESSION", &session)
        .args(["run", "--project", "api", "--", "sh", "-c", "echo \"$SECRET_19\""])
        .assert()
        .success()
        .stdout("***\n");
    // And it takes writes now, with the audit chain whole across the failover.
    at(h, &url)
        .args(["secret", "create", "AFTER", "--project", "api"])
        .write_stdin("after-failover")
        .assert()
        .success();
    at(h, &url).args(["audit", "--verify"]).assert().success();
    let names = text(
        &at(h, &url).args(["secret", "list", "--project", "api", "--json"]).assert().success().get_output().stdout,
    );
    assert!(!names.contains("NEVER"));
    assert_eq!(names.matches("\"name\"").count(), 21, "{names}");
}

/// `sslmode=verify-full` with `sslrootcert`: the server's certificate must chain to that CA and
/// name the host; another CA is exit 8 naming the failure, and nothing is sent.
#[test]
fn tls_with_verify_full_checks_the_servers_certificate() {
    if common::pg::admin_url().is_none() {
        return;
    }
    let server = common::pg::Server::init();
    let d = server.dir.path();
    let openssl = |args: &[&str]| {
        let out = std::process::Command::new("openssl").args(args).current_dir(d).output().expect("openssl");
        assert!(out.status.success(), "openssl {args:?}: {}", text(&out.stderr));
    };
    for ca in ["ca", "other-ca"] {
        let (key, pem) = (format!("{ca}.key"), format!("{ca}.pem"));
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            &format!("/CN=test {ca}"),
            "-keyout",
            &key,
            "-out",
            &pem,
        ]);
    }
    std::fs::write(d.join("san.cnf"), "subjectAltName = IP:127.0.0.1, DNS:localhost\n").unwrap();
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-subj",
        "/CN=127.0.0.1",
        "-out",
        "server.csr",
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.cnf",
        "-out",
        "server.pem",
    ]);
    for f in ["server.key", "server.pem"] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d.join(f), std::fs::Permissions::from_mode(0o600)).unwrap();
        server.give_to_owner(&d.join(f));
    }
    server.configure(
        &format!(
            "ssl = on\nssl_cert_file = '{}'\nssl_key_file = '{}'",
            d.join("server.pem").display(),
            d.join("server.key").display()
        ),
        "hostnossl team all 127.0.0.1/32 reject",
    );
    server.run();
    server.sql("postgres", "CREATE DATABASE team");
    let base = format!("postgres://vault_test@127.0.0.1:{}/team?sslmode=verify-full&sslrootcert=", server.port);
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    init_at(h, &format!("{base}{}", d.join("ca.pem").display())).assert().success();
    at(h, &format!("{base}{}", d.join("ca.pem").display())).args(["project", "list"]).assert().success();
    at(h, &format!("{base}{}", d.join("other-ca.pem").display()))
        .args(["project", "list"])
        .assert()
        .code(8)
        .stderr(contains("vault database at 127.0.0.1:"))
        .stderr(contains("certificate").or(contains("Certificate")));
    // Without TLS the server says no (hostnossl reject): the refusal, exit 8.
    at(h, &format!("postgres://vault_test@127.0.0.1:{}/team?sslmode=disable", server.port))
        .args(["project", "list"])
        .assert()
        .code(8);
}

/// Whether the database at `url` holds a vault's schema.
fn has_vault(url: &str) -> bool {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let n: i64 = c.query_one("SELECT count(*) FROM pg_namespace WHERE nspname = 'vault'", &[]).unwrap().get(0);
    n == 1
}

/// A file vault with a team in it moves into a database and back: every user reads their
/// values there (the private ones included), the audit chain holds, and the database holds no
/// value. A damaged original, or a destination that holds a vault, changes nothing anywhere.
#[test]
fn migrate_copies_a_file_vault_into_a_database_and_back_all_or_nothing() {
    let Some(url) = common::pg::database_url_for_new_db() else { return };
    if common::pg::enabled() {
        // The original must be a file: the file suite runs this.
        return;
    }
    let home = team(&["bob"]);
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", "migrated-db-pass-41a7");
    add_member(h, "alice", "api", "bob", "viewer");
    as_user(h, "bob")
        .args(["secret", "create", "MINE", "--private"])
        .write_stdin("bobs-private-9c2e")
        .assert()
        .success();
    let out = alice(h)
        .args(["migrate", "--to", &url])
        .assert()
        .success()
        .stderr(contains(format!("copied the vault to {url}: ")))
        .stderr(contains("verified before and after:"))
        .get_output()
        .clone();
    assert_not_in(&[&out], "migrated-db-pass-41a7");
    // The same vault there, for everyone, with the same sessions and memory of it.
    let on_db = |user: &str| {
        let mut c = as_user(h, user);
        c.env("VAULT_PATH", &url);
        c
    };
    on_db("bob")
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .success()
        .stdout("migrated-db-pass-41a7");
    on_db("bob")
        .args(["secret", "get", "MINE", "--private", "--reveal"])
        .assert()
        .success()
        .stdout("bobs-private-9c2e");
    on_db("alice").args(["audit", "--verify"]).assert().success();
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    for row in c.simple_query("SELECT t::text FROM vault.secret_versions t").unwrap() {
        if let postgres::SimpleQueryMessage::Row(r) = row {
            assert!(!r.get(0).unwrap_or("").contains("migrated-db-pass"));
        }
    }
    // And back into a file.
    let back = scratch();
    let file = back.path().join("back.db");
    on_db("alice").args(["migrate", "--to"]).arg(&file).assert().success();
    as_user(h, "bob")
        .env("VAULT_PATH", &file)
        .args(["secret", "get", "MINE", "--private", "--reveal"])
        .assert()
        .success()
        .stdout("bobs-private-9c2e");
    // The original is now an older copy of a vault this computer saw move on: refused.
    alice(h).args(["project", "list"]).assert().code(7).stderr(contains("older than the one this computer last saw"));
    let on_file = |user: &str| {
        let mut c = as_user(h, user);
        c.env("VAULT_PATH", &file);
        c
    };
    // A destination that holds a vault: exit 4, both unchanged.
    on_file("alice").args(["migrate", "--to", &url]).assert().code(4).stderr(contains("a vault already exists at"));
    on_file("alice").args(["audit", "--verify"]).assert().success();
    // A damaged original (two values swapped by someone who can write the file): exit 7,
    // and nothing is created at the destination.
    let fresh = common::pg::database_url_for_new_db().unwrap();
    on_file("alice")
        .args(["secret", "create", "OTHER", "--project", "api"])
        .write_stdin("other-value-55d0")
        .assert()
        .success();
    sql(
        &file,
        "UPDATE secret_versions SET sealed = (SELECT sealed FROM secret_versions v JOIN secrets s ON s.id = v.secret_id \
         WHERE s.name = 'OTHER') WHERE secret_id = (SELECT id FROM secrets WHERE name = 'DB_PASS')",
    );
    let out = on_file("alice").args(["migrate", "--to", &fresh]).assert().code(7).get_output().clone();
    assert_not_in(&[&out], "other-value-55d0");
    assert!(!has_vault(&fresh), "a damaged vault was copied");
}

/// A client on the database at `url` (the test server's admin role).
fn sql_at(url: &str, sql: &str) -> Vec<postgres::SimpleQueryMessage> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    c.simple_query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn first_value(msgs: &[postgres::SimpleQueryMessage]) -> String {
    msgs.iter()
        .find_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_owned),
            _ => None,
        })
        .expect("a row")
}

/// A read appends its audit event in the round trip of its snapshot's end of the log, only if
/// the log still ends there under the write lock: readers at once all get their event in,
/// each chained to the one before, and the log verifies.
#[test]
fn reads_at_once_each_append_their_event_and_the_log_verifies() {
    let Some((home, url)) = pg_vault() else { return };
    let h = home.path().to_owned();
    at(&h, &url).args(["project", "create", "app"]).assert().success();
    at(&h, &url)
        .args(["secret", "create", "API_KEY", "--project", "app"])
        .write_stdin("sk-concurrent-7f3a")
        .assert()
        .success();
    let token = token(at(&h, &url).args(["unlock"]).assert().success().get_output());
    let readers: Vec<_> = (0..6)
        .map(|_| {
            let (h, url, token) = (h.clone(), url.clone(), token.clone());
            std::thread::spawn(move || {
                for _ in 0..10 {
                    at(&h, &url)
                        .env_remove("VAULT_PASSPHRASE")
                        .env("VAULT_SESSION", &token)
                        .args(["secret", "get", "API_KEY", "--project", "app", "--reveal"])
                        .assert()
                        .success()
                        .stdout("sk-concurrent-7f3a");
                }
            })
        })
        .collect();
    for r in readers {
        r.join().unwrap();
    }
    let reveals = first_value(&sql_at(&url, "SELECT count(*) FROM vault.audit WHERE action = 'secret reveal'"));
    assert_eq!(reveals, "60");
    at(&h, &url).args(["audit", "--verify"]).assert().success();
}

/// This computer remembers the id of the vault it found at a URL, to ask everything of an
/// unlock in one round trip; it checks it each time. Another vault at the same URL is read as
/// itself: no false rollback from the first one's memory, the right value.
#[test]
fn another_vault_at_the_same_url_is_not_taken_for_the_one_remembered() {
    let Some((home, url)) = pg_vault() else { return };
    let h = home.path();
    at(h, &url).args(["project", "create", "app"]).assert().success();
    let create = |value: &str| {
        at(h, &url)
            .args(["secret", "create", "API_KEY", "--project", "app"])
            .write_stdin(value.to_owned())
            .assert()
            .success();
    };
    create("first-vault-value");
    for _ in 0..2 {
        at(h, &url)
            .args(["secret", "get", "API_KEY", "--project", "app", "--reveal"])
            .assert()
            .stdout("first-vault-value");
    }
    sql_at(&url, "DROP SCHEMA vault CASCADE");
    init_at(h, &url).assert().success();
    at(h, &url).args(["project", "create", "app"]).assert().success();
    create("second-vault-value");
    for _ in 0..2 {
        at(h, &url)
            .args(["secret", "get", "API_KEY", "--project", "app", "--reveal"])
            .assert()
            .success()
            .stdout("second-vault-value");
    }
    at(h, &url).args(["audit", "--verify"]).assert().success();
}
