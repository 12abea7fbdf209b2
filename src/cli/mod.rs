//! The command line: clap definitions (one file per noun) and the glue from a parsed command to
//! calls on the vault and the output. `main.rs` calls [`run`] and maps its error to an exit code.

pub mod api;
mod context;
mod event;
mod inject;
mod io;
mod migrate;
pub(crate) mod project;
pub(crate) mod provider;
mod run;
mod scan;
pub(crate) mod secret;
mod setup;
pub(crate) mod team;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

pub use context::Ctx;

use crate::output::Style;
use crate::Result;

const EXAMPLES: &str = "\
Examples:
  vault init --user alice
  vault project create ml-pipeline --description \"training jobs\"
  printf '%s' \"$TOKEN\" | vault secret create HF_TOKEN --project ml-pipeline
  vault secret list --project ml-pipeline
  vault secret get HF_TOKEN --project ml-pipeline --reveal
  eval \"$(vault unlock --ttl 30m)\"

Non-interactive use (scripts, CI): set VAULT_SESSION (from `vault unlock`), pass
--passphrase-file FILE, or set VAULT_PASSPHRASE. Values are read from stdin, a hidden
prompt or --from-file, never from the command line.

Exit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 already exists or still in use,
5 authentication failed, 6 permission denied, 7 vault damaged, tampered or rolled back,
8 provider unreachable or refused.";

/// A secret manager for the terminal and CI: one encrypted file, values shown as *** until you
/// ask, handed to programs as environment variables.
#[derive(Debug, Parser)]
#[command(name = "vault", version, after_long_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// Vault file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB (its password from
    /// PGPASSWORD or ~/.pgpass, never the URL) [default: <data dir>/vault/vault.db]
    #[arg(long = "vault", global = true, env = "VAULT_PATH", hide_env_values = true, value_name = "PATH|URL")]
    pub vault_path: Option<PathBuf>,

    /// Acting user [default: the OS user name]
    #[arg(long, global = true, env = "VAULT_USER", hide_env_values = true, value_name = "NAME")]
    pub user: Option<String>,

    /// Read the passphrase from FILE (one trailing newline is ignored)
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    /// Machine-readable JSON output (stable fields, RFC 3339 times)
    #[arg(long, global = true)]
    pub json: bool,

    /// Print only requested data, no confirmations
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Take the vault file even if it is older than the one this computer last saw (a backup
    /// you restored on purpose); without it such a file is exit 7
    #[arg(long, global = true)]
    pub accept_rollback: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// The top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new vault file; its first user becomes the vault admin
    Init(setup::InitArgs),
    /// Show the vault file, the acting user and the session
    Status,
    /// Unlock once and print a session token for scripts: eval "$(vault unlock)"
    Unlock(setup::UnlockArgs),
    /// End the session named by VAULT_SESSION
    Lock,
    /// Change the acting user's passphrase (and KDF cost); re-seals one row
    Passwd(setup::PasswdArgs),
    /// Create, list, show, edit, clone and delete projects
    #[command(subcommand)]
    Project(project::ProjectCmd),
    /// Create, list, show, get, edit, clone, delete secrets; history and rollback
    #[command(subcommand)]
    Secret(secret::SecretCmd),
    /// Add, list and remove users; make vault admins (vault admin)
    #[command(subcommand)]
    User(team::UserCmd),
    /// Communities: groups of projects that share secrets
    #[command(subcommand)]
    Community(team::CommunityCmd),
    /// Who did what, when (never values); --verify checks the MAC chain
    Audit(team::AuditArgs),
    /// OpenBao / HashiCorp Vault servers that keep secret values (KV v2)
    #[command(subcommand)]
    Provider(provider::ProviderCmd),
    /// Run a program with a project's secrets as env vars, its output masked
    Run(run::RunArgs),
    /// Import secrets from a dotenv or JSON file (all or nothing)
    Import(io::ImportArgs),
    /// Export a project's secrets as dotenv, JSON or shell (masked unless --reveal)
    Export(io::ExportArgs),
    /// Render a template with {{ vault://PROJECT/SECRET }} references to stdout or a 0600 file
    Inject(inject::InjectArgs),
    /// Find your secrets' values (and their encodings) in files, folders or git history
    Scan(scan::ScanArgs),
    /// Copy the whole vault into another store (a file into PostgreSQL, or back), checked
    Migrate(migrate::MigrateArgs),
    /// Print a shell completion script
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Write man pages (vault.1 and one per subcommand) into DIR
    Man {
        /// Output folder
        dir: PathBuf,
    },
}

/// The clap command, for completions and man pages.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Runs a parsed command line. Returns the exit code on success (`vault run` passes the child's).
pub fn run(cli: Cli) -> Result<ExitCode> {
    let style = Style::new(cli.json, cli.quiet);
    let config = crate::config::load()?;
    let vault = match cli.vault_path.or(config.vault) {
        Some(p) => crate::store::Location::parse(p.as_os_str())?,
        None => crate::store::Location::File(context::default_vault_path()?),
    };
    let event = event::describe(&cli.command, config.project.as_deref());
    let user = cli.user.or(config.user).unwrap_or_else(context::os_user);
    let mut ctx = Ctx::new(vault, user, config.project, style, event);
    ctx.passphrase_file = cli.passphrase_file;
    ctx.accept_rollback = cli.accept_rollback;
    ctx.finish(dispatch(&ctx, cli.command))
}

fn dispatch(ctx: &Ctx, command: Command) -> Result<ExitCode> {
    match command {
        Command::Init(a) => setup::init(ctx, a),
        Command::Status => setup::status(ctx),
        Command::Unlock(a) => setup::unlock(ctx, a),
        Command::Lock => setup::lock(ctx),
        Command::Passwd(a) => setup::passwd(ctx, a),
        Command::Project(c) => project::run(ctx, c),
        Command::Secret(c) => secret::run(ctx, c),
        Command::User(c) => team::user(ctx, c),
        Command::Community(c) => team::community(ctx, c),
        Command::Audit(a) => team::audit(ctx, a),
        Command::Provider(c) => provider::run(ctx, c),
        Command::Import(a) => io::import(ctx, a),
        Command::Export(a) => io::export(ctx, a),
        Command::Inject(a) => inject::inject(ctx, a),
        Command::Run(a) => return run::run(ctx, a),
        Command::Scan(a) => return scan::scan(ctx, a),
        Command::Migrate(a) => migrate::migrate(ctx, a),
        Command::Completions { shell } => setup::completions(shell),
        Command::Man { dir } => setup::man(&dir),
    }?;
    Ok(ExitCode::SUCCESS)
}
