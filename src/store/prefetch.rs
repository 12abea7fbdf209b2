//! Asking ahead, on PostgreSQL: the lookups a command is about to make, sent together in one
//! round trip at the start of a read snapshot, their answers kept for the lookups themselves.
//!
//! Every lookup of the store is a round trip to the server; an unlock and a `secret get` make
//! some twenty-five of them, one after another, each waiting for the last. Inside a
//! `REPEATABLE READ` snapshot the same query gives the same rows, so the answers can be
//! fetched early and kept under the query's text (see `PgConn::remember`). A lookup whose
//! arguments come from another's answer (a project's grants need its id) is asked through a
//! sub-select on what the caller knows (the project's name) and kept under the query the
//! lookup will make once the id is known, when the answer it depends on has exactly one row.
//!
//! Nothing here decides anything: the code that reads still makes every lookup and every check
//! it made before, and one asked here that it does not make is only wasted. A file vault asks
//! nothing ahead (SQLite answers in microseconds).

use std::rc::Rc;

use super::db::{Arg, Db, Row};
use super::rows::{
    current_versions_sql, grant_sql, grants_sql, project_by_name_sql, secret_sql, secrets_of_sql, user_by_id_sql,
    users_sql, GRANT_COLS, SECRET_COLS, USER_COLS, VERSION_SQL,
};
use super::team::{
    shares_sql, AUDIT_AFTER_SQL, HEAD_SQL, LAST_MAC_SQL, LEGACY_BINDINGS_SQL, MAC_AT_SQL, MISSING_HEADS_SQL, SHARE_COLS,
};
use super::{Store, META_SQL, NEXT_SEQ_SQL};
use crate::Result;

/// A lookup, or a group of lookups, a command is about to make.
#[derive(Debug, Clone, Copy)]
pub enum Ask<'a> {
    /// What an unlock with a session reads: the vault id and the other `meta` values, the
    /// user's row and the row of whoever signed it into the roster, the roster's signed list,
    /// its signer's row and every user's (the list is checked against them), and whether the user has format-1 rows to rebind or lists to sign.
    Unlock { user_id: &'a str },
    /// A signed list (`heads`) by scope: the ones this computer remembers.
    Head(&'a str),
    /// The MAC of an audit event: the newest one this computer appended.
    MacAt(i64),
    /// Where the audit log ends: what appending an event reads.
    AuditTail,
    /// What reading one secret of a project (by name) reads: the project, its grants and
    /// signed list, the secret, its newest version and its shares.
    Secret { project: &'a str, name: &'a str, user_id: &'a str },
    /// What handing a project's secrets to a program reads: the project, its grants and signed
    /// list, every secret and its current version.
    ProjectSecrets { project: &'a str, user_id: &'a str },
}

/// A query that goes out now, and where its answer is kept once all are back.
struct Q<'a> {
    sql: String,
    args: Vec<Arg<'a>>,
    keep: Keep,
}

/// Under which lookup an answer is kept.
enum Keep {
    /// Under the query itself.
    Same,
    /// Under `sql`, with arguments made from earlier answers (by index).
    Derived { sql: String, args: ArgsFrom },
}

/// The answers so far (by index in the round trip).
type Answers = [Rc<Vec<postgres::Row>>];

/// How a derived key's arguments are made from the answers (`None`: not kept).
type ArgsFrom = Box<dyn Fn(&Answers) -> Option<Vec<Owned>>>;

/// An argument made from an answer.
#[derive(Debug)]
enum Owned {
    Text(String),
    Int(i64),
}

/// The text or integer column `i` of the only row of an answer (`None` unless exactly one).
fn only_text(rows: &[postgres::Row], i: usize) -> Option<String> {
    match rows {
        [r] => Row::Pg(r).get::<String>(i).ok(),
        _ => None,
    }
}

fn only_int(rows: &[postgres::Row], i: usize) -> Option<i64> {
    match rows {
        [r] => Row::Pg(r).get::<i64>(i).ok(),
        _ => None,
    }
}

/// A text argument.
fn t(s: &str) -> Arg<'_> {
    Arg::Text(Some(s))
}

/// Column positions in the rows the lookups read (`USER_COLS`, `SECRET_COLS`, `HEAD_SQL`).
const USER_ROSTER_SIGNER: usize = 10;
const HEAD_SIGNER: usize = 4;
const SECRET_ID: usize = 0;
const SECRET_CURRENT_VERSION: usize = 7;
const PROJECT_ID: usize = 0;
const LAST_MAC_SEQ: usize = 0;

impl Store {
    /// Asks the lookups of `asks` in one round trip, inside the read snapshot, and keeps their
    /// answers for the lookups themselves. Does nothing on a file, or outside a snapshot.
    pub fn prefetch(&self, asks: &[Ask<'_>]) -> Result<()> {
        let Db::Pg(c) = &self.db else { return Ok(()) };
        if !c.in_snapshot() {
            return Ok(());
        }
        let mut qs: Vec<Q<'_>> = Vec::new();
        for ask in asks {
            plan(ask, &mut qs);
        }
        // Nothing to ask, or all of it asked before in this snapshot: no round trip.
        if qs.iter().all(|q| c.recall(&q.sql, &q.args).is_some()) {
            return Ok(());
        }
        let queries: Vec<(&str, &[Arg<'_>])> = qs.iter().map(|q| (q.sql.as_str(), q.args.as_slice())).collect();
        let answers = c.ask_all(&queries)?;
        for (q, rows) in qs.iter().zip(&answers) {
            if let Keep::Derived { sql, args } = &q.keep {
                if let Some(owned) = args(&answers) {
                    let a: Vec<Arg<'_>> = owned
                        .iter()
                        .map(|o| match o {
                            Owned::Text(t) => Arg::Text(Some(t)),
                            Owned::Int(i) => Arg::Int(Some(*i)),
                        })
                        .collect();
                    c.remember(sql, &a, rows.clone());
                }
            }
        }
        Ok(())
    }
}

/// The queries of one ask, appended to `qs` (derived keys refer to answers by index in `qs`).
fn plan<'a>(ask: &Ask<'a>, qs: &mut Vec<Q<'a>>) {
    let same = |sql: String, args: Vec<Arg<'a>>| Q { sql, args, keep: Keep::Same };
    match *ask {
        Ask::Unlock { user_id } => {
            for key in ["vault_id", super::AUDIT_SIGNED_FROM, super::LEGACY_LISTS] {
                qs.push(same(META_SQL.into(), vec![t(key)]));
            }
            qs.push(same(user_by_id_sql(), vec![t(user_id)]));
            // The user who signed ours into the roster, and the roster's signer.
            let me = qs.len() - 1;
            qs.push(Q {
                sql: format!(
                    "SELECT {USER_COLS} FROM users WHERE id IN (SELECT roster_signer FROM users WHERE id = ?1)"
                ),
                args: vec![t(user_id)],
                keep: Keep::Derived {
                    sql: user_by_id_sql(),
                    args: Box::new(move |a| Some(vec![Owned::Text(only_text(&a[me], USER_ROSTER_SIGNER)?)])),
                },
            });
            qs.push(same(HEAD_SQL.into(), vec![t("roster")]));
            let roster = qs.len() - 1;
            // Every user: the roster's signed list is checked against all of them.
            qs.push(same(users_sql(), Vec::new()));
            qs.push(Q {
                sql: format!(
                    "SELECT {USER_COLS} FROM users WHERE id IN (SELECT signer FROM heads WHERE scope = 'roster')"
                ),
                args: Vec::new(),
                keep: Keep::Derived {
                    sql: user_by_id_sql(),
                    args: Box::new(move |a| Some(vec![Owned::Text(only_text(&a[roster], HEAD_SIGNER)?)])),
                },
            });
            qs.push(same(LEGACY_BINDINGS_SQL.into(), vec![t(user_id)]));
            for admin in [false, true] {
                qs.push(same(MISSING_HEADS_SQL.into(), vec![t(user_id), Arg::Int(Some(admin.into()))]));
            }
        }
        Ask::Head(scope) => qs.push(same(HEAD_SQL.into(), vec![t(scope)])),
        Ask::MacAt(seq) => qs.push(same(MAC_AT_SQL.into(), vec![Arg::Int(Some(seq))])),
        Ask::AuditTail => {
            qs.push(same(NEXT_SEQ_SQL.into(), Vec::new()));
            qs.push(same(LAST_MAC_SQL.into(), Vec::new()));
            let last = qs.len() - 1;
            qs.push(Q {
                sql: "SELECT seq, at, user_name, action, project, resource, outcome, mac, sig FROM audit \
                      WHERE seq > (SELECT coalesce(max(seq), 0) FROM audit WHERE mac IS NOT NULL) ORDER BY seq"
                    .into(),
                args: Vec::new(),
                keep: Keep::Derived {
                    sql: AUDIT_AFTER_SQL.into(),
                    args: Box::new(move |a| {
                        let seq = if a[last].is_empty() { 0 } else { only_int(&a[last], LAST_MAC_SEQ)? };
                        Some(vec![Owned::Int(seq)])
                    }),
                },
            });
        }
        Ask::ProjectSecrets { project, user_id } => {
            let pid = plan_project(project, user_id, qs);
            qs.push(Q {
                sql: format!("SELECT {SECRET_COLS} FROM secrets WHERE project_id IN {P} ORDER BY name"),
                args: vec![t(project)],
                keep: Keep::Derived {
                    sql: secrets_of_sql(),
                    args: Box::new(move |a| Some(vec![Owned::Text(pid(a)?)])),
                },
            });
            qs.push(Q {
                sql: current_versions_sql(&format!("IN {P}")),
                args: vec![t(project)],
                keep: Keep::Derived {
                    sql: current_versions_sql("= ?1"),
                    args: Box::new(move |a| Some(vec![Owned::Text(pid(a)?)])),
                },
            });
        }
        Ask::Secret { project, name, user_id } => {
            let pid = plan_project(project, user_id, qs);
            let secret_where = format!("project_id IN {P} AND name = ?2");
            qs.push(Q {
                sql: format!("SELECT {SECRET_COLS} FROM secrets WHERE {secret_where}"),
                args: vec![t(project), t(name)],
                keep: Keep::Derived {
                    sql: secret_sql(),
                    args: {
                        let name = name.to_owned();
                        Box::new(move |a| Some(vec![Owned::Text(pid(a)?), Owned::Text(name.clone())]))
                    },
                },
            });
            let s = qs.len() - 1;
            let sid = move |a: &Answers| only_text(&a[s], SECRET_ID);
            let sub = format!("(SELECT id FROM secrets WHERE {secret_where})");
            qs.push(Q {
                sql: format!("SELECT coalesce(max(version), 0) FROM secret_versions WHERE secret_id IN {sub}"),
                args: vec![t(project), t(name)],
                keep: Keep::Derived {
                    sql: super::rows::MAX_VERSION_SQL.into(),
                    args: Box::new(move |a| Some(vec![Owned::Text(sid(a)?)])),
                },
            });
            qs.push(Q {
                sql: format!(
                    "SELECT secret_id, version, sealed, created_by, created_at FROM secret_versions \
                     WHERE (secret_id, version) IN (SELECT id, current_version FROM secrets WHERE {secret_where})"
                ),
                args: vec![t(project), t(name)],
                keep: Keep::Derived {
                    sql: VERSION_SQL.into(),
                    args: Box::new(move |a| {
                        Some(vec![Owned::Text(sid(a)?), Owned::Int(only_int(&a[s], SECRET_CURRENT_VERSION)?)])
                    }),
                },
            });
            qs.push(Q {
                sql: format!("SELECT {SHARE_COLS} FROM secret_shares WHERE secret_id IN {sub}"),
                args: vec![t(project), t(name)],
                keep: Keep::Derived { sql: shares_sql(), args: Box::new(move |a| Some(vec![Owned::Text(sid(a)?)])) },
            });
        }
    }
}

/// The project (by name) as sub-select.
const P: &str = "(SELECT id FROM projects WHERE name = ?1)";

/// The project by name, its grant to the user, all its grants and its signed list. Returns how
/// to find the project's id among the answers.
fn plan_project<'a>(
    project: &'a str,
    user_id: &'a str,
    qs: &mut Vec<Q<'a>>,
) -> impl Fn(&Answers) -> Option<String> + Copy {
    qs.push(Q { sql: project_by_name_sql(), args: vec![t(project)], keep: Keep::Same });
    let p = qs.len() - 1;
    let pid = move |a: &Answers| only_text(&a[p], PROJECT_ID);
    qs.push(Q {
        sql: format!("SELECT {GRANT_COLS} FROM project_members WHERE project_id IN {P} AND user_id = ?2"),
        args: vec![t(project), t(user_id)],
        keep: Keep::Derived {
            sql: grant_sql(),
            args: {
                let user_id = user_id.to_owned();
                Box::new(move |a| Some(vec![Owned::Text(pid(a)?), Owned::Text(user_id.clone())]))
            },
        },
    });
    qs.push(Q {
        sql: format!("SELECT {GRANT_COLS} FROM project_members WHERE project_id IN {P}"),
        args: vec![t(project)],
        keep: Keep::Derived { sql: grants_sql(), args: Box::new(move |a| Some(vec![Owned::Text(pid(a)?)])) },
    });
    qs.push(Q {
        sql: "SELECT scope, seq, body, extra, signer, sig, prev FROM heads \
              WHERE scope IN (SELECT 'project:' || id FROM projects WHERE name = ?1)"
            .into(),
        args: vec![t(project)],
        keep: Keep::Derived {
            sql: HEAD_SQL.into(),
            args: Box::new(move |a| Some(vec![Owned::Text(format!("project:{}", pid(a)?))])),
        },
    });
    pid
}
