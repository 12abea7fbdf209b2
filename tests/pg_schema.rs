//! The PostgreSQL schema a vault makes is exactly the one every open accepts
//! (src/store/expected_pg_schema.rs). Runs against the test server named by VAULT_TEST_PG (which
//! `.ci/run` starts); without it there is no PostgreSQL to ask, and the test says so and passes
//! only when not in CI.
//!
//! After a change to src/store/pg_schema.sql: `VAULT_BLESS_SCHEMA=1 cargo test --test pg_schema`
//! (with VAULT_TEST_PG set) rewrites the expected file; run it again without the variable.

mod common;

#[test]
fn the_expected_schema_is_what_pg_schema_sql_makes() {
    let Some(url) = common::pg::database_url_for_new_db() else { return };
    // Make the schema as init does, then read the catalog back.
    common::pg::create_schema_only(&url);
    let found = vault::store::pg::catalog_at(&url).expect("catalog");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/expected_pg_schema.rs");
    let mut out = String::from(
        "//! The schema objects of a format 3 vault in PostgreSQL, as `pg::CATALOG` lists them: (kind,\n\
         //! name, definition). Generated from pg_schema.sql on a real server by\n\
         //! `VAULT_BLESS_SCHEMA=1 cargo test --test pg_schema` (with VAULT_TEST_PG set); that test\n\
         //! fails while this file and the SQL disagree. Every open compares the database with it.\n\n\
         #[rustfmt::skip]\n\
         pub(super) const EXPECTED_PG_SCHEMA: &[(&str, &str, &str)] = &[\n",
    );
    for (k, n, d) in &found {
        out.push_str(&format!("    ({k:?}, {n:?}, {d:?}),\n"));
    }
    out.push_str("];\n");
    if std::env::var_os("VAULT_BLESS_SCHEMA").is_some() {
        std::fs::write(path, out).unwrap();
        return;
    }
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        out,
        "src/store/expected_pg_schema.rs differs from what pg_schema.sql makes; rewrite it with \
         `VAULT_BLESS_SCHEMA=1 cargo test --test pg_schema`"
    );
}
