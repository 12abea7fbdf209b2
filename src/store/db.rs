//! The one interface every query of the store goes through, with two implementations: an SQLite
//! file (rusqlite) and a PostgreSQL database (the `postgres` crate).
//!
//! Queries are written once, in the SQL both databases accept, with SQLite's numbered
//! parameters (`?1`); PostgreSQL gets them as `$1`. Values cross as three types only: integers
//! (`INTEGER` / `BIGINT`, booleans as 0 and 1), text, and blobs (`BLOB` / `BYTEA`). What differs
//! beyond that (opening, the schema and its check, transactions and their locks) is in
//! `store/mod.rs` and `store/pg.rs`, not in the queries.

use std::borrow::Cow;
use std::cell::RefCell;

use postgres::types::{IsNull, ToSql, Type};

use crate::{Error, Result};

/// A parameter of a query: an integer, text or a blob, each possibly NULL.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg<'a> {
    Int(Option<i64>),
    Text(Option<&'a str>),
    Blob(Option<&'a [u8]>),
}

/// What can be a parameter.
pub(crate) trait ToArg {
    fn to_arg(&self) -> Arg<'_>;
    /// This type's NULL (what `None` of it binds as).
    fn null() -> Arg<'static>
    where
        Self: Sized;
}

impl ToArg for i64 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Int(Some(*self))
    }
    fn null() -> Arg<'static> {
        Arg::Int(None)
    }
}

impl ToArg for u32 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Int(Some(i64::from(*self)))
    }
    fn null() -> Arg<'static> {
        Arg::Int(None)
    }
}

impl ToArg for bool {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Int(Some(i64::from(*self)))
    }
    fn null() -> Arg<'static> {
        Arg::Int(None)
    }
}

impl ToArg for str {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(Some(self))
    }
}

impl ToArg for String {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(Some(self))
    }
    fn null() -> Arg<'static> {
        Arg::Text(None)
    }
}

impl ToArg for [u8] {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Blob(Some(self))
    }
}

impl ToArg for Vec<u8> {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Blob(Some(self))
    }
    fn null() -> Arg<'static> {
        Arg::Blob(None)
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg<'_> {
        (**self).to_arg()
    }
    fn null() -> Arg<'static> {
        // Only sized types have a NULL of their own; `Option<&str>` is not used.
        Arg::Text(None)
    }
}

impl<T: ToArg> ToArg for Option<T> {
    fn to_arg(&self) -> Arg<'_> {
        match self {
            Some(v) => v.to_arg(),
            None => T::null(),
        }
    }
    fn null() -> Arg<'static> {
        T::null()
    }
}

/// The parameters of a query, in order: `args![a, b, c]`.
macro_rules! args {
    ($($x:expr),* $(,)?) => {
        &[$($crate::store::db::ToArg::to_arg(&$x)),*][..]
    };
}
pub(crate) use args;

impl rusqlite::ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match *self {
            Arg::Int(Some(i)) => ValueRef::Integer(i),
            Arg::Text(Some(t)) => ValueRef::Text(t.as_bytes()),
            Arg::Blob(Some(b)) => ValueRef::Blob(b),
            Arg::Int(None) | Arg::Text(None) | Arg::Blob(None) => ValueRef::Null,
        }))
    }
}

impl ToSql for Arg<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match *self {
            Arg::Int(Some(i)) => i.to_sql(ty, out),
            Arg::Text(Some(t)) => t.to_sql(ty, out),
            Arg::Blob(Some(b)) => b.to_sql(ty, out),
            Arg::Int(None) | Arg::Text(None) | Arg::Blob(None) => Ok(IsNull::Yes),
        }
    }

    fn accepts(ty: &Type) -> bool {
        matches!(*ty, Type::INT8 | Type::TEXT | Type::BYTEA)
    }

    postgres::types::to_sql_checked!();
}

impl Arg<'_> {
    /// The PostgreSQL type this parameter is sent as (no statement is prepared first: the
    /// types go with the query, in one round trip).
    fn pg_type(&self) -> Type {
        match self {
            Arg::Int(_) => Type::INT8,
            Arg::Text(_) => Type::TEXT,
            Arg::Blob(_) => Type::BYTEA,
        }
    }
}

/// One row of a result, from either database.
pub(crate) enum Row<'a> {
    Lite(&'a rusqlite::Row<'a>),
    Pg(&'a postgres::Row),
}

/// What a column can be read as.
pub(crate) trait FromCol: Sized {
    fn lite(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self>;
    fn pg(r: &postgres::Row, i: usize) -> Result<Self>;
}

/// A column of another type than the schema's: someone wrote the row by hand.
fn wrong_type() -> Error {
    Error::Corrupt("a row holds a value of the wrong type".into())
}

fn pg_int(r: &postgres::Row, i: usize) -> Result<Option<i64>> {
    let ty = r.columns().get(i).map(|c| c.type_().clone()).ok_or_else(wrong_type)?;
    let v = match ty {
        Type::BOOL => r.try_get::<_, Option<bool>>(i).map(|b| b.map(i64::from)),
        Type::INT4 => r.try_get::<_, Option<i32>>(i).map(|v| v.map(i64::from)),
        Type::INT2 => r.try_get::<_, Option<i16>>(i).map(|v| v.map(i64::from)),
        _ => r.try_get::<_, Option<i64>>(i),
    };
    v.map_err(|_| wrong_type())
}

impl FromCol for i64 {
    fn lite(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        r.get(i)
    }
    fn pg(r: &postgres::Row, i: usize) -> Result<Self> {
        pg_int(r, i)?.ok_or_else(wrong_type)
    }
}

impl FromCol for Option<i64> {
    fn lite(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        r.get(i)
    }
    fn pg(r: &postgres::Row, i: usize) -> Result<Self> {
        pg_int(r, i)
    }
}

impl FromCol for u32 {
    fn lite(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        r.get(i)
    }
    fn pg(r: &postgres::Row, i: usize) -> Result<Self> {
        u32::try_from(i64::pg(r, i)?).map_err(|_| wrong_type())
    }
}

impl FromCol for bool {
    fn lite(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
        r.get(i)
    }
    fn pg(r: &postgres::Row, i: usize) -> Result<Self> {
        Ok(i64::pg(r, i)? != 0)
    }
}

macro_rules! from_col_plain {
    ($($t:ty),*) => {$(
        impl FromCol for $t {
            fn lite(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Self> {
                r.get(i)
            }
            fn pg(r: &postgres::Row, i: usize) -> Result<Self> {
                r.try_get(i).map_err(|_| wrong_type())
            }
        }
    )*};
}
from_col_plain!(String, Option<String>, Vec<u8>, Option<Vec<u8>>);

impl Row<'_> {
    /// Column `i`, as `T`.
    pub(crate) fn get<T: FromCol>(&self, i: usize) -> Result<T> {
        match self {
            Row::Lite(r) => Ok(T::lite(r, i)?),
            Row::Pg(r) => T::pg(r, i),
        }
    }

    /// Text column `i`, borrowed from the row.
    pub(crate) fn text(&self, i: usize) -> Result<&str> {
        self.opt_text(i)?.ok_or_else(wrong_type)
    }

    /// Text column `i` or NULL, borrowed from the row.
    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<&str>> {
        match self {
            Row::Lite(r) => Ok(r.get_ref(i)?.as_str_or_null().map_err(|_| wrong_type())?),
            Row::Pg(r) => r.try_get(i).map_err(|_| wrong_type()),
        }
    }
}

/// A connection to either database.
pub(crate) enum Db {
    Lite(rusqlite::Connection),
    Pg(Box<PgConn>),
}

/// A PostgreSQL client: tokio-postgres driven by a one-thread runtime that runs only while a
/// call waits for the server. Several requests given at once go out together and their answers
/// come back together: one round trip (pipelining), which the synchronous `postgres` crate
/// cannot do.
pub(crate) struct PgClient {
    rt: tokio::runtime::Runtime,
    client: Option<tokio_postgres::Client>,
    connection: Option<tokio::task::JoinHandle<()>>,
}

impl PgClient {
    /// The runtime a client runs on (it can fail only when the process is out of resources).
    pub(crate) fn runtime() -> Result<tokio::runtime::Runtime> {
        tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| Error::io("cannot start the database client", e))
    }

    pub(crate) fn connect<T>(
        rt: tokio::runtime::Runtime,
        config: &tokio_postgres::Config,
        tls: T,
    ) -> std::result::Result<PgClient, postgres::Error>
    where
        T: tokio_postgres::tls::MakeTlsConnect<tokio_postgres::Socket> + 'static + Send,
        T::Stream: Send + 'static,
    {
        let (client, connection) = rt.block_on(config.connect(tls))?;
        // Errors of the connection reach the requests waiting on it; nothing else to report.
        let connection = rt.spawn(async move {
            let _ = connection.await;
        });
        Ok(PgClient { rt, client: Some(client), connection: Some(connection) })
    }

    fn client(&self) -> &tokio_postgres::Client {
        self.client.as_ref().expect("the client lives as long as the connection")
    }

    /// Runs statements without parameters (simple protocol), one round trip.
    pub(crate) fn batch_execute(&self, sql: &str) -> std::result::Result<(), postgres::Error> {
        self.rt.block_on(self.client().batch_execute(sql))
    }

    /// Sends every request, then reads every answer: one round trip for all of them. Each
    /// answer is its request's own (a failed one does not stop the others from being sent;
    /// inside a transaction the server refuses everything after a failure).
    pub(crate) fn pipeline(&self, reqs: &[Req<'_>]) -> Vec<std::result::Result<Answer, postgres::Error>> {
        use futures_util::future::{join_all, BoxFuture, FutureExt};
        let client = self.client();
        let params: Vec<Vec<(&(dyn ToSql + Sync), Type)>> = reqs
            .iter()
            .map(|r| match r {
                Req::Query(_, a) | Req::Exec(_, a) => pg_params(a),
                Req::Batch(_) => Vec::new(),
            })
            .collect();
        let sqls: Vec<Cow<'_, str>> = reqs
            .iter()
            .map(|r| match r {
                Req::Query(s, _) | Req::Exec(s, _) => pg_sql(s),
                Req::Batch(s) => Cow::Borrowed(&**s),
            })
            .collect();
        let futures: Vec<BoxFuture<'_, std::result::Result<Answer, postgres::Error>>> = reqs
            .iter()
            .zip(sqls.iter().zip(&params))
            .map(|(r, (sql, p))| match r {
                Req::Batch(_) => client.batch_execute(sql).map(|a| a.map(|()| Answer::Done)).boxed(),
                Req::Query(..) => client.query_typed(sql, p).map(|a| a.map(Answer::Rows)).boxed(),
                Req::Exec(..) => client.execute_typed(sql, p).map(|a| a.map(Answer::Count)).boxed(),
            })
            .collect();
        self.rt.block_on(join_all(futures))
    }
}

impl Drop for PgClient {
    fn drop(&mut self) {
        // Dropping the client makes the connection say goodbye (Terminate) and end: let it.
        drop(self.client.take());
        if let Some(c) = self.connection.take() {
            let _ = self.rt.block_on(async { tokio::time::timeout(std::time::Duration::from_secs(1), c).await });
        }
    }
}

/// One request of a round trip.
pub(crate) enum Req<'a> {
    /// Statements without parameters, by the simple protocol (transaction control).
    Batch(Cow<'a, str>),
    /// A query with typed parameters: its rows.
    Query(Cow<'a, str>, &'a [Arg<'a>]),
    /// A statement with typed parameters: how many rows it changed.
    Exec(Cow<'a, str>, &'a [Arg<'a>]),
}

/// The answer to a [`Req`].
pub(crate) enum Answer {
    Done,
    Rows(Vec<postgres::Row>),
    Count(u64),
}

impl Answer {
    pub(crate) fn rows(self) -> Vec<postgres::Row> {
        match self {
            Answer::Rows(r) => r,
            Answer::Done | Answer::Count(_) => Vec::new(),
        }
    }
    pub(crate) fn count(&self) -> u64 {
        match self {
            Answer::Count(n) => *n,
            Answer::Done | Answer::Rows(_) => 0,
        }
    }
}

/// What a deferred request's answer must satisfy (its error is the connection's, by default).
pub(crate) type Check =
    Box<dyn FnOnce(&PgConn, std::result::Result<Vec<postgres::Row>, postgres::Error>) -> Result<()>>;

/// A request that nothing waits for until the next round trip, which carries it: transaction
/// control (`BEGIN`, ending a read) and the checks of an open. Its check runs before any
/// answer of that round trip is used.
struct Deferred {
    sql: String,
    query: bool,
    check: Option<Check>,
}

/// A PostgreSQL connection, with the hosts its errors name.
pub(crate) struct PgConn {
    pub client: PgClient,
    pub hosts: String,
    /// A read snapshot (`REPEATABLE READ`) is open: the same query gives the same rows until
    /// it ends, so each is asked once (an unlock and a read look up the same user, lists and
    /// meta several times; every lookup is a round trip to the server).
    snapshot: std::cell::Cell<bool>,
    answers: RefCell<std::collections::HashMap<String, std::rc::Rc<Vec<postgres::Row>>>>,
    deferred: RefCell<Vec<Deferred>>,
    /// A deferred request failed: see `round_trip`.
    failed: std::cell::Cell<bool>,
    /// The database holds an older format, found by the checks of this round trip: it is
    /// brought up to date before anything is read from it (see `pg::upgrade`).
    pub older_format: std::cell::Cell<Option<i64>>,
}

/// The key of a query's answer in a snapshot.
fn answer_key(sql: &str, args: &[Arg<'_>]) -> String {
    format!("{sql}\u{0}{args:?}")
}

impl PgConn {
    pub(crate) fn new(client: PgClient, hosts: String) -> PgConn {
        PgConn {
            client,
            hosts,
            snapshot: Default::default(),
            answers: Default::default(),
            deferred: Default::default(),
            failed: Default::default(),
            older_format: Default::default(),
        }
    }

    /// A read snapshot starts (`true`) or ends: answers kept so far are dropped either way.
    pub(crate) fn set_snapshot(&self, open: bool) {
        self.snapshot.set(open);
        self.answers.borrow_mut().clear();
    }

    /// Whether a read snapshot is open.
    pub(crate) fn in_snapshot(&self) -> bool {
        self.snapshot.get()
    }

    /// Sends `sql` (statements without parameters) with the next round trip.
    pub(crate) fn defer_batch(&self, sql: &str) {
        self.deferred.borrow_mut().push(Deferred { sql: sql.to_owned(), query: false, check: None });
    }

    /// Sends the query `sql` (no parameters) with the next round trip; `check` judges its
    /// answer before anything else of that round trip is used.
    pub(crate) fn defer_check(&self, sql: &str, check: Check) {
        self.deferred.borrow_mut().push(Deferred { sql: sql.to_owned(), query: true, check: Some(check) });
    }

    /// One round trip: what was deferred, then `reqs`. The deferred requests' checks run
    /// first, in order (the first failure is the error); then each request's answer.
    pub(crate) fn round_trip(&self, reqs: &[Req<'_>]) -> Result<Vec<std::result::Result<Answer, postgres::Error>>> {
        if self.failed.get() {
            return Err(Error::Server {
                hosts: self.hosts.clone(),
                reason: "this connection's checks of the vault failed; nothing more is sent on it".into(),
            });
        }
        // A change is never sent before the checks of the open are judged: they go first, alone.
        let checks_pending = self.deferred.borrow().iter().any(|d| d.check.is_some());
        if checks_pending && reqs.iter().any(|r| matches!(r, Req::Exec(..))) {
            self.round_trip(&[])?;
        }
        let deferred = std::mem::take(&mut *self.deferred.borrow_mut());
        // What was deferred besides checks (a transaction's BEGIN), sent again should the
        // database have to be brought to this format first.
        let plain: Vec<(String, bool)> =
            deferred.iter().filter(|d| d.check.is_none()).map(|d| (d.sql.clone(), d.query)).collect();
        let mut all: Vec<Req<'_>> = deferred
            .iter()
            .map(|d| if d.query { Req::Query(Cow::Borrowed(&d.sql), &[]) } else { Req::Batch(Cow::Borrowed(&d.sql)) })
            .collect();
        all.extend(reqs.iter().map(|r| match r {
            Req::Batch(s) => Req::Batch(Cow::Borrowed(&**s)),
            Req::Query(s, a) => Req::Query(Cow::Borrowed(&**s), a),
            Req::Exec(s, a) => Req::Exec(Cow::Borrowed(&**s), a),
        }));
        let mut answers = self.client.pipeline(&all);
        let rest = answers.split_off(deferred.len());
        for (d, a) in deferred.into_iter().zip(answers) {
            let judged = match d.check {
                Some(check) => check(self, a.map(Answer::rows)),
                None => a.map(|_| ()).map_err(|e| self.err(&e)),
            };
            // A failed check leaves the connection unusable: the checks after it were not
            // judged, so nothing may be read or written on it any more.
            if judged.is_err() {
                self.failed.set(true);
            }
            judged?;
        }
        if let Some(from) = self.older_format.take() {
            // The answers were to the older tables: none is used. The database is brought to
            // this format (its checks queued again), then everything is asked again.
            drop(rest);
            super::pg::upgrade(self, from).inspect_err(|_| self.failed.set(true))?;
            self.answers.borrow_mut().clear();
            self.deferred.borrow_mut().extend(plain.into_iter().map(|(sql, query)| Deferred {
                sql,
                query,
                check: None,
            }));
            return self.round_trip(reqs);
        }
        Ok(rest)
    }

    /// Asks several queries in one round trip (inside a snapshot, their answers are kept for
    /// the queries that follow). Each answer, in order.
    pub(crate) fn ask_all(&self, queries: &[(&str, &[Arg<'_>])]) -> Result<Vec<std::rc::Rc<Vec<postgres::Row>>>> {
        let reqs: Vec<Req<'_>> = queries.iter().map(|(s, a)| Req::Query(Cow::Borrowed(*s), a)).collect();
        let answers = self.round_trip(&reqs)?;
        let mut out = Vec::with_capacity(answers.len());
        for ((sql, args), a) in queries.iter().zip(answers) {
            let rows = std::rc::Rc::new(a.map_err(|e| self.err(&e))?.rows());
            self.remember(sql, args, rows.clone());
            out.push(rows);
        }
        Ok(out)
    }

    /// Keeps `rows` as the answer to `sql` with `args` for the rest of the snapshot (nothing
    /// outside one: a write's reads must see its own changes).
    pub(crate) fn remember(&self, sql: &str, args: &[Arg<'_>], rows: std::rc::Rc<Vec<postgres::Row>>) {
        if self.snapshot.get() {
            self.answers.borrow_mut().insert(answer_key(sql, args), rows);
        }
    }

    /// The answer kept for `sql` with `args` in this snapshot, if any.
    pub(crate) fn recall(&self, sql: &str, args: &[Arg<'_>]) -> Option<std::rc::Rc<Vec<postgres::Row>>> {
        if !self.snapshot.get() {
            return None;
        }
        self.answers.borrow().get(&answer_key(sql, args)).cloned()
    }

    /// The rows of a query: from the server, or, inside a read snapshot, as it answered before.
    fn rows(&self, sql: &str, args: &[Arg<'_>]) -> Result<std::rc::Rc<Vec<postgres::Row>>> {
        if let Some(rows) = self.recall(sql, args) {
            return Ok(rows);
        }
        Ok(self.ask_all(&[(sql, args)])?.remove(0))
    }

    /// Runs one statement: the number of rows it changed.
    fn exec(&self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        let mut answers = self.round_trip(&[Req::Exec(Cow::Borrowed(sql), args)])?;
        Ok(answers.remove(0).map_err(|e| self.err(&e))?.count())
    }

    /// Runs statements without parameters, after what was deferred: one round trip.
    fn batch(&self, sql: &str) -> Result<()> {
        if self.deferred.borrow().is_empty() && !self.failed.get() {
            return self.client.batch_execute(sql).map_err(|e| self.err(&e));
        }
        let mut answers = self.round_trip(&[Req::Batch(Cow::Borrowed(sql))])?;
        answers.remove(0).map_err(|e| self.err(&e))?;
        Ok(())
    }

    /// A failed statement or a lost connection, as exit 8 naming the server.
    pub(crate) fn err(&self, e: &postgres::Error) -> Error {
        Error::Server { hosts: self.hosts.clone(), reason: super::pg::describe(e) }
    }
}

/// `?1`-style parameters as PostgreSQL's `$1` (our SQL has no `?` in its string literals).
fn pg_sql(sql: &str) -> Cow<'_, str> {
    if !sql.contains('?') {
        return Cow::Borrowed(sql);
    }
    Cow::Owned(sql.replace('?', "$"))
}

impl Db {
    /// Runs one statement; the number of rows it changed.
    pub(crate) fn exec(&self, sql: &str, args: &[Arg<'_>]) -> Result<usize> {
        match self {
            Db::Lite(c) => Ok(c.prepare_cached(sql)?.execute(rusqlite::params_from_iter(args.iter()))?),
            Db::Pg(c) => Ok(usize::try_from(c.exec(sql, args)?).unwrap_or(usize::MAX)),
        }
    }

    /// The first row of a query mapped by `f`, if there is one.
    pub(crate) fn opt<T>(
        &self,
        sql: &str,
        args: &[Arg<'_>],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        match self {
            Db::Lite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(args.iter()))?;
                match rows.next()? {
                    Some(r) => Ok(Some(f(&Row::Lite(r))?)),
                    None => Ok(None),
                }
            }
            Db::Pg(c) => {
                let rows = c.rows(sql, args)?;
                rows.first().map(|r| f(&Row::Pg(r))).transpose()
            }
        }
    }

    /// The one row of a query (an aggregate, say) mapped by `f`.
    pub(crate) fn one<T>(&self, sql: &str, args: &[Arg<'_>], f: impl FnOnce(&Row<'_>) -> Result<T>) -> Result<T> {
        self.opt(sql, args, f)?.ok_or_else(|| Error::Corrupt("a query that returns one row returned none".into()))
    }

    /// Every row of a query mapped by `f`.
    pub(crate) fn all<T>(
        &self,
        sql: &str,
        args: &[Arg<'_>],
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, args, |r| {
            out.push(f(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each row of a query in turn. SQLite streams them (one row in memory);
    /// PostgreSQL's arrive together first, so `f` may run other queries on either.
    pub(crate) fn each(&self, sql: &str, args: &[Arg<'_>], mut f: impl FnMut(&Row<'_>) -> Result<()>) -> Result<()> {
        match self {
            Db::Lite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(args.iter()))?;
                while let Some(r) = rows.next()? {
                    f(&Row::Lite(r))?;
                }
                Ok(())
            }
            Db::Pg(c) => {
                for r in c.rows(sql, args)?.iter() {
                    f(&Row::Pg(r))?;
                }
                Ok(())
            }
        }
    }

    /// Runs several statements without parameters (schema, transaction control).
    pub(crate) fn batch(&self, sql: &str) -> Result<()> {
        match self {
            Db::Lite(c) => Ok(c.execute_batch(sql)?),
            Db::Pg(c) => c.batch(sql),
        }
    }
}

/// `INSERT` of `cols` (a comma-separated list) that replaces the row with the same `key`: the
/// upsert both databases understand (SQLite's `INSERT OR REPLACE` is not PostgreSQL's).
pub(crate) fn upsert(table: &str, cols: &str, key: &[&str]) -> String {
    let names: Vec<&str> = cols.split(',').map(str::trim).collect();
    let params: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let set: Vec<String> = names.iter().filter(|c| !key.contains(c)).map(|c| format!("{c} = excluded.{c}")).collect();
    format!(
        "INSERT INTO {table}({}) VALUES ({}) ON CONFLICT({}) DO UPDATE SET {}",
        names.join(", "),
        params.join(","),
        key.join(", "),
        set.join(", ")
    )
}

fn pg_params<'a>(args: &'a [Arg<'a>]) -> Vec<(&'a (dyn ToSql + Sync), Type)> {
    args.iter().map(|a| (a as &(dyn ToSql + Sync), a.pg_type())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_parameters_become_dollars() {
        assert_eq!(pg_sql("SELECT a FROM t WHERE b = ?1 AND c = ?12"), "SELECT a FROM t WHERE b = $1 AND c = $12");
        assert!(matches!(pg_sql("SELECT 1"), Cow::Borrowed(_)));
    }

    #[test]
    fn upserts_replace_by_key() {
        assert_eq!(
            upsert("t", "a, b, c", &["a"]),
            "INSERT INTO t(a, b, c) VALUES (?1,?2,?3) ON CONFLICT(a) DO UPDATE SET b = excluded.b, c = excluded.c"
        );
    }

    #[test]
    fn options_bind_their_own_null() {
        let none: Option<Vec<u8>> = None;
        assert!(matches!(none.to_arg(), Arg::Blob(None)));
        let some: Option<String> = Some("x".into());
        assert!(matches!(some.to_arg(), Arg::Text(Some("x"))));
        assert!(matches!(true.to_arg(), Arg::Int(Some(1))));
    }
}
