//! `vault run`: a program gets the project's secrets as environment variables, its output masked.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Args;

use super::secret::ScopeArgs;
use super::Ctx;
use crate::run::{self, RunOptions};
use crate::Result;

/// `vault run`
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  vault run --project vision -- python train.py\n  \
vault run --project vision --only DB_URL,API_KEY -- ./deploy.sh\n  \
vault run --project vision --pristine -- env\n  \
vault run --project vision --no-mask -- ./debug.sh\n  \
vault run --project infra --files -- sh -c 'kubectl --kubeconfig \"$KUBECONFIG_YAML_FILE\" get pods'\n  \
vault run --project vision --max-age 1h -- python train.py   # offline copies when OpenBao is down\n\n\
Which value wins: a project secret overrides an inherited variable of the same name (a note on\n\
stderr names them). The child never inherits VAULT_PASSPHRASE or VAULT_SESSION.\n\n\
Masking: every value, and its base64, URL-safe base64, percent-encoded, JSON-escaped and hex\n\
forms, and each line of a multi-line value, prints as *** on stdout and stderr. Values shorter\n\
than 4 characters cannot be masked safely and are named in a warning. On a terminal the command\n\
runs on a pseudo-terminal, so colours and isatty() keep working.\n\n\
Files: with --files every secret NAME arrives as NAME_FILE=/dev/fd/N, a sealed in-memory file\n\
(never on disk) that is gone when the command exits, even if vault is killed. A value too large\n\
for the environment (over 128 KiB, or the environment over half of ARG_MAX) goes that way by\n\
itself, with a note naming it. Masking covers those values too.\n\n\
Offline: with --max-age DURATION, each run keeps a sealed copy of the provider-backed values\n\
it fetched ($XDG_STATE_HOME/vault/offline, never a value in clear), and when a provider cannot\n\
be reached (no connection, no answer in time, sealed) a copy of the current version no older\n\
than DURATION stands in, with a warning naming the secrets and the copy's age. Without the\n\
flag, or with an older copy, an unreachable provider is exit 8.\n\n\
Exit code: the command's own; 128+N if a signal N killed it; 127 if it was not found; 126 if it\n\
could not be executed.")]
pub struct RunArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Do not mask output (write-only secrets are still masked)
    #[arg(long)]
    pub no_mask: bool,
    /// Inject only these env names (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "NAME,...")]
    pub only: Option<Vec<String>>,
    /// Start from an empty environment plus PATH, HOME, USER, LANG, TERM and the secrets
    #[arg(long)]
    pub pristine: bool,
    /// Hand each secret as NAME_FILE=/dev/fd/N (a sealed in-memory file) instead of NAME=value
    #[arg(long)]
    pub files: bool,
    /// When a provider cannot be reached, use offline copies of its values up to this old
    /// (30s, 15m, 2h, 1d); runs with this flag keep those copies, sealed
    #[arg(long, value_name = "DURATION", value_parser = crate::session::parse_ttl)]
    pub max_age: Option<i64>,
    /// The command and its arguments, after --
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, required = true, value_name = "CMD")]
    pub command: Vec<OsString>,
}

pub(super) fn run(ctx: &Ctx, a: RunArgs) -> Result<ExitCode> {
    let scope = a.scope.scope(ctx)?;
    let v = ctx.unlock()?;
    if let Some(max_age) = a.max_age {
        v.allow_offline(max_age);
    }
    let secrets = v.run_secrets(&scope)?;
    let opts = RunOptions { no_mask: a.no_mask, only: a.only, pristine: a.pristine, files: a.files };
    let plan = run::plan(secrets, &opts)?;
    for n in &plan.notes {
        // Warnings about unmasked values always print; other notes respect -q.
        let (level, msg) = n.said();
        crate::output::say(ctx.style, level, msg);
    }
    // The event is in the log before any value reaches the program.
    ctx.record_before_reveal()?;
    // No read snapshot held open while the child runs (it would hold back WAL checkpoints).
    // Ended after the event, whose append on a database uses the end of the log it saw.
    v.shared_store().end_read();
    drop(v);
    let code = run::execute(plan, &a.command)?;
    Ok(ExitCode::from(code))
}
