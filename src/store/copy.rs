//! A whole vault copied row by row from one store to another (a file into a database, or
//! back), and a digest of everything a store holds, to prove the copy equal. Rows move as they
//! are: sealed values stay sealed, signatures stay what they sign.

use super::db::{Arg, Row};
use super::Store;
use crate::crypto::Sha256;
use crate::{Error, Result};

/// Every table, parents before children, with its columns and its key (the copy's order).
const TABLES: &[(&str, &str, &str)] = &[
    ("meta", "key, value", "key"),
    ("users", super::rows::USER_COLS, "id"),
    ("communities", super::team::COMMUNITY_COLS, "id"),
    ("community_members", super::team::MEMBER_COLS, "community_id, user_id"),
    ("projects", super::rows::PROJECT_COLS, "id"),
    ("project_members", super::rows::GRANT_COLS, "project_id, user_id"),
    ("secrets", super::rows::SECRET_COLS, "id"),
    ("secret_versions", "secret_id, version, sealed, created_by, created_at", "secret_id, version"),
    ("secret_shares", super::team::SHARE_COLS, "secret_id, community_id"),
    ("secret_accepts", super::team::ACCEPT_COLS, "project_id, secret_id"),
    ("providers", super::provider::PROVIDER_COLS, "name"),
    ("provider_tokens", super::provider::TOKEN_COLS, "provider, project_id"),
    ("heads", "scope, seq, body, extra, signer, sig, prev", "scope"),
    ("audit", "seq, at, user_name, action, project, resource, outcome, mac, sig", "seq"),
];

/// The `meta` rows each backend keeps for itself (a database's format number; a file keeps
/// it in its header): never copied, never compared.
const OWN_META: &str = "key <> 'format'";

/// The columns that may be NULL, with their kind (a NULL must be sent with its column's type).
fn null_of(table: &str, col: &str) -> Arg<'static> {
    match (table, col) {
        ("projects", "community_id" | "personal_of") | ("secrets", "provider") => Arg::Text(None),
        _ => Arg::Blob(None),
    }
}

/// One column's value, owned.
enum Value {
    Null,
    Int(i64),
    Text(String),
    Blob(Vec<u8>),
}

impl Row<'_> {
    fn value(&self, i: usize) -> Result<Value> {
        use postgres::types::Type;
        match self {
            Row::Lite(r) => {
                use rusqlite::types::ValueRef;
                Ok(match r.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::Int(n),
                    ValueRef::Text(t) => Value::Text(
                        String::from_utf8(t.to_vec())
                            .map_err(|_| Error::Corrupt("a text column is not UTF-8".into()))?,
                    ),
                    ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                    ValueRef::Real(_) => return Err(Error::Corrupt("a row holds a value of the wrong type".into())),
                })
            }
            Row::Pg(r) => {
                let ty = r.columns()[i].type_().clone();
                let wrong = |_| Error::Corrupt("a row holds a value of the wrong type".into());
                Ok(match ty {
                    Type::INT8 => r.try_get::<_, Option<i64>>(i).map_err(wrong)?.map_or(Value::Null, Value::Int),
                    Type::BYTEA => r.try_get::<_, Option<Vec<u8>>>(i).map_err(wrong)?.map_or(Value::Null, Value::Blob),
                    _ => r.try_get::<_, Option<String>>(i).map_err(wrong)?.map_or(Value::Null, Value::Text),
                })
            }
        }
    }
}

/// What a copy moved: rows per table.
#[derive(Debug, Default)]
pub struct Copied {
    pub rows: Vec<(&'static str, u64)>,
}

impl Copied {
    pub fn count(&self, table: &str) -> u64 {
        self.rows.iter().find(|(t, _)| *t == table).map_or(0, |(_, n)| *n)
    }
}

impl Store {
    /// Copies every row of this store into `dest`, a store just created (empty but for its own
    /// `meta`), in one write transaction there and one snapshot here: all or nothing.
    pub fn copy_into(&self, dest: &Store) -> Result<Copied> {
        self.begin_read()?;
        let copied = dest.write(|d| {
            let mut copied = Copied::default();
            for (table, cols, key) in TABLES {
                let names: Vec<&str> = cols.split(',').map(str::trim).collect();
                let params: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
                let insert = if *table == "meta" {
                    super::db::upsert("meta", cols, &["key"])
                } else {
                    format!("INSERT INTO {table}({cols}) VALUES ({})", params.join(","))
                };
                let filter = if *table == "meta" { format!(" WHERE {OWN_META}") } else { String::new() };
                let mut n = 0;
                self.db.each(&format!("SELECT {cols} FROM {table}{filter} ORDER BY {key}"), &[], |r| {
                    let values = (0..names.len()).map(|i| r.value(i)).collect::<Result<Vec<_>>>()?;
                    let args: Vec<Arg<'_>> = values
                        .iter()
                        .zip(&names)
                        .map(|(v, c)| match v {
                            Value::Null => null_of(table, c),
                            Value::Int(i) => Arg::Int(Some(*i)),
                            Value::Text(t) => Arg::Text(Some(t)),
                            Value::Blob(b) => Arg::Blob(Some(b)),
                        })
                        .collect();
                    d.exec(&insert, &args)?;
                    n += 1;
                    Ok(())
                })?;
                copied.rows.push((*table, n));
            }
            Ok(copied)
        });
        self.end_read();
        copied
    }

    /// A digest of every row of every table (but each backend's own `meta`), in key order:
    /// two stores with the same digest hold the same vault, byte for byte.
    pub fn content_digest(&self) -> Result<[u8; 32]> {
        self.begin_read()?;
        let mut h = Sha256::new();
        for (table, cols, key) in TABLES {
            let n = cols.split(',').count();
            let filter = if *table == "meta" { format!(" WHERE {OWN_META}") } else { String::new() };
            h.update(table.as_bytes());
            self.db.each(&format!("SELECT {cols} FROM {table}{filter} ORDER BY {key}"), &[], |r| {
                h.update(b"\x1erow");
                for i in 0..n {
                    match r.value(i)? {
                        Value::Null => h.update(b"\x00"),
                        Value::Int(v) => {
                            h.update(b"\x01");
                            h.update(v.to_be_bytes());
                        }
                        Value::Text(t) => {
                            h.update(b"\x02");
                            h.update((t.len() as u64).to_be_bytes());
                            h.update(t.as_bytes());
                        }
                        Value::Blob(b) => {
                            h.update(b"\x03");
                            h.update((b.len() as u64).to_be_bytes());
                            h.update(&b);
                        }
                    }
                }
                Ok(())
            })?;
        }
        self.end_read();
        Ok(h.finalize())
    }
}
