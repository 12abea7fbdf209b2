//! `vault migrate --to DEST`: the whole vault copied into another store (a file into a
//! PostgreSQL database, or back), checked on both sides, all or nothing.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::Ctx;
use crate::output::{self, Text};
use crate::store::{Location, Store};
use crate::{Error, Result};

/// `vault migrate`
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    vault migrate --to postgres://alice@db.internal:5432/team\n  \
    VAULT_PATH=postgres://alice@db.internal/team vault migrate --to ~/vault-backup.db\n\n\
Every row is copied as it is (values stay sealed, signatures stay what they sign) in one\n\
transaction. Before and after, everything the acting user can check is checked: the audit\n\
log, every signed list of members and every grant they reach, every value they can read.\n\
The copy must hold exactly the rows of the original. Anything else removes the copy and\n\
leaves the original as it was.")]
pub struct MigrateArgs {
    /// Where the copy goes: a file that does not exist yet, or postgres://USER@HOST:PORT/DB
    /// (an existing database without a vault)
    #[arg(long, value_name = "PATH|URL")]
    pub to: PathBuf,
}

pub(super) fn migrate(ctx: &Ctx, a: MigrateArgs) -> Result<()> {
    let dest = Location::parse(a.to.as_os_str())?;
    if dest == ctx.vault {
        return Err(Error::Usage("--to names the vault being copied; name another file or database".into()));
    }
    if dest.file().is_some_and(|p| p.exists()) {
        return Err(Error::VaultExists { path: dest.shown() });
    }
    let v = ctx.unlock()?;
    let before = v.verify_everything()?;
    let source = v.shared_store();
    let target = Store::create(&dest)?;
    // The event goes in before the copy, so that both stores end with it: this computer
    // remembers the newest event it appended, and a copy without it would look like an older
    // copy (a rollback) of the same vault.
    if let Err(e) = ctx.record("started") {
        Store::discard_new(&dest);
        return Err(e);
    }
    let result = (|| {
        let copied = source.copy_into(&target)?;
        if source.content_digest()? != target.content_digest()? {
            return Err(Error::tampered(format!("the copy at {dest} (its rows differ from the original's)")));
        }
        let copy = v.reopen(target)?;
        let after = copy.verify_everything()?;
        Ok((copied, after))
    })();
    let (copied, after) = match result {
        Ok(done) => done,
        Err(e) => {
            Store::discard_new(&dest);
            return Err(e);
        }
    };
    let rows: u64 = copied.rows.iter().map(|(_, n)| n).sum();
    output::show(
        ctx.style,
        || {
            json!({
                "from": ctx.vault.shown(),
                "to": dest.shown(),
                "rows": rows,
                "tables": copied.rows.iter().map(|(t, n)| ((*t).to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
                "verified": {
                    "audit_events": after.events, "projects": after.projects,
                    "values": after.values, "communities": after.communities,
                },
            })
        },
        || {
            Text::Done(format!(
                "copied the vault to {dest}: {rows} rows ({} users, {} projects, {} secrets, {} versions, {} audit events)\n\
                 verified before and after: {} audit events, {} projects, {} values opened, {} communities",
                copied.count("users"),
                copied.count("projects"),
                copied.count("secrets"),
                copied.count("secret_versions"),
                copied.count("audit"),
                after.events.max(before.events),
                after.projects,
                after.values,
                after.communities,
            ))
        },
    )
}
