//! `init`, `status`, `unlock`, `lock`, `passwd`, `completions`, `man`.

use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::json;

use super::Ctx;
use crate::crypto::KdfParams;
use crate::output::{self, Level, Text};
use crate::vault::{self, Vault};
use crate::{session, Error, Result};

/// Argon2id cost flags shared by `init`, `passwd` and `user add`.
#[derive(Debug, Args)]
pub struct KdfArgs {
    /// Argon2id memory in MiB (floor 8) [default: 256]
    #[arg(long, value_name = "MIB")]
    pub kdf_memory: Option<u32>,
    /// Argon2id passes (floor 1) [default: 3]
    #[arg(long, value_name = "N")]
    pub kdf_iterations: Option<u32>,
}

impl KdfArgs {
    pub(super) fn params(&self, base: KdfParams) -> Result<KdfParams> {
        let p = KdfParams {
            memory_mib: self.kdf_memory.unwrap_or(base.memory_mib),
            iterations: self.kdf_iterations.unwrap_or(base.iterations),
            parallelism: 1,
        };
        p.check().map_err(|e| Error::Usage(format!("key-derivation parameters {e}")))?;
        Ok(p)
    }

    fn given(&self) -> bool {
        self.kdf_memory.is_some() || self.kdf_iterations.is_some()
    }
}

/// `vault init`
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  vault init --user alice\n  vault init --user ci --passphrase-file ci.pass --vault ./team.db\n\n\
The default cost (256 MiB, 3 passes) unlocks in about 0.6 s on a 2-core machine."
)]
pub struct InitArgs {
    #[command(flatten)]
    pub kdf: KdfArgs,
}

/// `vault unlock`
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  eval \"$(vault unlock --ttl 30m)\"\n  vault secret get DB_URL --project api --reveal   # no passphrase, no KDF\n  vault lock"
)]
pub struct UnlockArgs {
    /// How long the session lasts: 30s, 15m, 2h, 1d (at most 30d)
    #[arg(long, default_value = "15m", value_parser = session::parse_ttl)]
    pub ttl: i64,
}

/// `vault passwd`
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  vault passwd\n  vault passwd --passphrase-file old.pass --new-passphrase-file new.pass --kdf-memory 512"
)]
pub struct PasswdArgs {
    /// Read the new passphrase from FILE instead of a prompt
    #[arg(long, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
    #[command(flatten)]
    pub kdf: KdfArgs,
}

pub(super) fn init(ctx: &Ctx, a: InitArgs) -> Result<()> {
    let kdf = a.kdf.params(KdfParams::DEFAULT)?;
    vault::names::check_user(&ctx.user)?;
    if ctx.vault.file().is_some_and(Path::exists) {
        return Err(Error::VaultExists { path: ctx.vault.shown() });
    }
    let pass = ctx.new_passphrase(None, &ctx.user)?;
    let v = Vault::init(&ctx.vault, &ctx.user, &pass, kdf)?;
    v.record(&crate::vault::audit::EventSpec { action: "init".into(), ..Default::default() }, "ok")?;
    output::show(
        ctx.style,
        || {
            json!({
                "path": ctx.vault.shown(),
                "vault_id": v.id(),
                "user": ctx.user,
                "kdf": {"algorithm": "argon2id", "memory_mib": kdf.memory_mib, "iterations": kdf.iterations, "parallelism": kdf.parallelism},
            })
        },
        || {
            Text::Done(format!(
                "created vault {} with admin '{}' (Argon2id {} MiB, t={})\nnext: vault project create NAME",
                ctx.vault, ctx.user, kdf.memory_mib, kdf.iterations
            ))
        },
    )
}

pub(super) fn status(ctx: &Ctx) -> Result<()> {
    let store = match &ctx.vault {
        crate::store::Location::File(path) if !path.exists() => None,
        // A database's checks go with its first query: ask one before deciding.
        location => match vault::open_store(location).and_then(|s| s.meta("vault_id").map(|_| s)) {
            Ok(store) => Some(store),
            Err(Error::NoVault { .. }) => None,
            Err(e) => return Err(e),
        },
    };
    let exists = store.is_some();
    let session = session::token_from_env().map(|t| session::load(&t));
    let mut session_state = match &session {
        None => "none".to_owned(),
        Some(Ok(s)) => format!("active until {}", output::json_time(s.expires_at)),
        Some(Err(e)) => e.to_string(),
    };
    let mut users = None;
    let mut format = None;
    if let Some(store) = store {
        users = Some(store.users()?.len());
        format = Some(crate::store::FORMAT_VERSION);
        // Read back from the connection every command uses, so the durability promise is
        // checkable: WAL with synchronous=FULL (2).
        let (storage, storage_text) = match (store.file_settings()?, store.location()) {
            (Some((journal, sync, fk)), _) => {
                let sync_name = match sync {
                    0 => "off",
                    1 => "normal",
                    2 => "full",
                    _ => "extra",
                };
                (
                    json!({"journal_mode": journal, "synchronous": sync_name, "foreign_keys": fk == 1}),
                    format!("SQLite journal={journal}, synchronous={sync_name}"),
                )
            }
            (None, crate::store::Location::Postgres(t)) => {
                (json!({"backend": "postgresql", "hosts": t.hosts()}), format!("PostgreSQL at {}", t.hosts()))
            }
            (None, location) => (json!({}), location.to_string()),
        };
        // A session of a removed user is refused by every command; say so here too.
        if let Some(Ok(sess)) = &session {
            if let Some(owner) = store.user_by_id(&sess.user_id)? {
                if owner.envelope.is_empty() {
                    session_state = format!("refused: user '{}' was removed from this vault", owner.name);
                }
            }
        }
        if let Some(u) = store.user_by_name(&ctx.user)? {
            let removed = u.envelope.is_empty();
            return output::show(
                ctx.style,
                || {
                    json!({
                        "path": ctx.vault.shown(), "exists": true, "format": format, "users": users,
                        "user": ctx.user, "user_known": true, "is_admin": u.is_admin && !removed, "removed": removed,
                        "kdf": {"memory_mib": u.kdf.memory_mib, "iterations": u.kdf.iterations, "parallelism": u.kdf.parallelism},
                        "storage": storage,
                        "session": session_state,
                    })
                },
                || {
                    let role = match (removed, u.is_admin) {
                        (true, _) => " (removed)",
                        (false, true) => " (vault admin)",
                        (false, false) => "",
                    };
                    Text::Fields(
                        vec![
                            ("Vault", ctx.vault.to_string()),
                            ("Users", users.unwrap_or(0).to_string()),
                            ("User", format!("{}{role}", u.name)),
                            (
                                "KDF",
                                format!(
                                    "Argon2id {} MiB, t={}, p={}",
                                    u.kdf.memory_mib, u.kdf.iterations, u.kdf.parallelism
                                ),
                            ),
                            ("Storage", storage_text),
                            ("Session", session_state.clone()),
                        ],
                        String::new(),
                    )
                },
            );
        }
    }
    output::show(
        ctx.style,
        || {
            json!({
                "path": ctx.vault.shown(), "exists": exists, "format": format, "users": users,
                "user": ctx.user, "user_known": false, "session": session_state,
            })
        },
        || {
            Text::Fields(
                vec![
                    (
                        "Vault",
                        format!("{}{}", ctx.vault, if exists { "" } else { " (does not exist: run `vault init`)" }),
                    ),
                    ("User", format!("{}{}", ctx.user, if exists { " (not a user of this vault)" } else { "" })),
                    ("Session", session_state.clone()),
                ],
                String::new(),
            )
        },
    )
}

pub(super) fn unlock(ctx: &Ctx, a: UnlockArgs) -> Result<()> {
    let v = ctx.unlock()?;
    let token = session::create(v.id(), &v.me().id, v.keys(), a.ttl)?;
    output::show(
        ctx.style,
        || {
            json!({
                "session": token.as_str(),
                "user": v.me().name,
                "expires_at": output::json_time(crate::store::now() + a.ttl),
            })
        },
        || {
            Text::Plain(
                format!("export VAULT_SESSION='{}'\n", token.as_str()),
                Some((
                    Level::Done,
                    format!("# session for '{}' lasts {} s; end it with `vault lock`", v.me().name, a.ttl),
                )),
            )
        },
    )
}

pub(super) fn lock(ctx: &Ctx) -> Result<()> {
    let token = session::token_from_env()
        .ok_or_else(|| Error::Usage("VAULT_SESSION is not set: there is no session to lock".into()))?;
    let was = session::lock(&token)?;
    output::done(ctx.style, if was { "session locked" } else { "session was already locked or expired" });
    output::plain(b"unset VAULT_SESSION\n")
}
pub(super) fn passwd(ctx: &Ctx, a: PasswdArgs) -> Result<()> {
    let mut v = ctx.unlock()?;
    let kdf = if a.kdf.given() { Some(a.kdf.params(v.me().kdf)?) } else { None };
    let new_file = a.new_passphrase_file.as_deref();
    if new_file.is_none() && !super::context::has_tty() {
        return Err(Error::Usage("no terminal to type the new passphrase on: pass --new-passphrase-file FILE".into()));
    }
    let pass = match new_file {
        Some(f) => ctx.new_passphrase(Some(f), &v.me().name.clone())?,
        None => {
            let first = super::context::prompt_hidden("New passphrase: ").ok_or(Error::NoPassphrase)?;
            let again = super::context::prompt_hidden("Type it again: ").ok_or(Error::NoPassphrase)?;
            if first != again || first.is_empty() {
                return Err(Error::Usage("the passphrases did not match or were empty; nothing was changed".into()));
            }
            first
        }
    };
    v.change_passphrase(&pass, kdf)?;
    let k = v.me().kdf;
    output::done(
        ctx.style,
        &format!("passphrase changed for '{}' (Argon2id {} MiB, t={})", v.me().name, k.memory_mib, k.iterations),
    );
    Ok(())
}

pub(super) fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = super::command();
    clap_complete::generate(shell, &mut cmd, "vault", &mut std::io::stdout());
    Ok(())
}

/// Writes `vault.1` and `vault-<sub>.1`, `vault-<sub>-<verb>.1` for every subcommand into `dir`.
pub(super) fn man(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    write_man(dir, super::command(), "vault")
}

fn write_man(dir: &Path, cmd: clap::Command, name: &str) -> Result<()> {
    let cmd = cmd.name(name.to_owned());
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf).map_err(|e| Error::io("cannot render man page", e))?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, buf).map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        write_man(dir, sub.clone(), &format!("{name}-{}", sub.get_name()))?;
    }
    Ok(())
}
