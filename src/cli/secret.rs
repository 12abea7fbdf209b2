//! `vault secret ...`

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;
use zeroize::Zeroizing;

use super::context::{confirm_delete, read_value};
use super::Ctx;
use crate::output::{self, clean, cleaned, json_time, table_time, LastTime, Level, Style, Text, MASK};
pub(crate) use crate::vault::NewSecret;
use crate::vault::{names, ListDetail, Scope, SecretDetail, SecretEdit, SecretInfo, SecretMeta};
use crate::{Error, Result};

/// Where a secret lives: a project, or your private secrets.
#[derive(Debug, Args)]
pub struct ScopeArgs {
    /// Project holding the secret
    /// [env: VAULT_PROJECT] (read by vault itself, so --private still wins over it)
    #[arg(long, short = 'p', value_name = "P")]
    pub project: Option<String>,
    /// Use your private secrets (only you can ever read them)
    #[arg(long, conflicts_with = "project")]
    pub private: bool,
}

impl ScopeArgs {
    /// The project named by --project, else `VAULT_PROJECT`, else the config file's `default`.
    /// `VAULT_PROJECT` is read here rather than through clap's `env`, which would make it
    /// conflict with `--private` as if `--project` had been typed.
    pub(crate) fn project_name(&self, default: Option<&str>) -> Option<String> {
        self.project
            .clone()
            .or_else(|| std::env::var("VAULT_PROJECT").ok().filter(|p| !p.is_empty()))
            .or_else(|| default.map(str::to_owned))
    }

    /// The scope asked for: --private, --project / VAULT_PROJECT, then the config file's project.
    pub(crate) fn scope(&self, ctx: &Ctx) -> Result<Scope> {
        match (self.project_name(ctx.default_project.as_deref()), self.private) {
            (_, true) => Ok(Scope::Private),
            (Some(p), false) => Ok(Scope::Project(p)),
            (None, false) => Err(Error::Usage(
                "which project? pass --project P (or set VAULT_PROJECT, or `project` in the config file), or --private"
                    .into(),
            )),
        }
    }
}

/// Secret commands.
#[derive(Debug, Subcommand)]
pub enum SecretCmd {
    /// Create a secret; the value comes from stdin, a hidden prompt or --from-file
    #[command(
        after_help = "Examples:\n  printf '%s' \"$TOKEN\" | vault secret create HF_TOKEN --project ml-pipeline --description \"hub token\"\n  \
vault secret create DB_PASS --project api            # prompts, hidden\n  \
vault secret create TLS_KEY --project api --from-file key.pem\n  \
vault secret create MY_TOKEN --private\n  \
printf '%s' \"$KEY\" | vault secret create WANDB_KEY --project vision --provider platform\n\n\
The value is any UTF-8 text up to 1 MiB, kept byte for byte (a trailing newline too).\n\
With --provider the value goes to that OpenBao / Vault server (see `vault provider`) and never\n\
into the vault file; if the server cannot be reached or refuses, nothing is created."
    )]
    Create {
        /// Secret name; its env var name too, with each '-' made '_', unless --env-name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// What it is (stored in clear)
        #[arg(long, default_value = "")]
        description: String,
        /// Environment variable name for `vault run`, taken as given [default: the name, each '-'
        /// made '_']
        #[arg(long, value_name = "ENV")]
        env_name: Option<String>,
        /// Read the value from FILE
        #[arg(long, value_name = "FILE")]
        from_file: Option<PathBuf>,
        /// Make it write-only: it reaches programs through `vault run` but nobody, you included,
        /// can reveal, get, export or clone it. Cannot be undone.
        #[arg(long)]
        write_only: bool,
        /// Keep the value in this provider (OpenBao / Vault KV v2) instead of the vault file
        #[arg(long, value_name = "NAME")]
        provider: Option<String>,
    },
    /// List secrets with values masked as *** (or shown with --reveal)
    #[command(
        after_help = "Examples:\n  vault secret list --project ml-pipeline\n  vault secret list --private --json"
    )]
    List {
        #[command(flatten)]
        scope: ScopeArgs,
        /// Show values instead of ***
        #[arg(long)]
        reveal: bool,
    },
    /// Show a secret's metadata, its value as ***, and code that reads it
    Show {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Show the value instead of ***
        #[arg(long)]
        reveal: bool,
    },
    /// Print a secret's bare value for scripts (*** unless --reveal)
    #[command(after_help = "Example:\n  DB_PASS=\"$(vault secret get DB_PASS --project api --reveal)\"")]
    Get {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Print the value instead of ***
        #[arg(long)]
        reveal: bool,
    },
    /// Rename a secret, change its description or env name, or give it a new value
    #[command(after_help = "Examples:\n  vault secret edit HF_TOKEN --project ml-pipeline --rename HUB_TOKEN\n  \
vault secret edit HUB_TOKEN --project ml-pipeline --value-stdin < new.txt\n  \
vault secret edit HUB_TOKEN --project ml-pipeline --from-file new.txt --description \"rotated\"\n  \
vault secret edit HUB_TOKEN --project ml-pipeline --provider platform   # value to OpenBao\n  \
vault secret edit HUB_TOKEN --project ml-pipeline --local               # and back\n\n\
A new value is a new version; see `vault secret history`. For a provider-backed secret it is a\n\
new KV version on the server. Moving with --provider or --local carries every version across,\n\
in memory only.")]
    Edit {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// New name
        #[arg(long, value_name = "NEW")]
        rename: Option<String>,
        /// New description
        #[arg(long)]
        description: Option<String>,
        /// New env var name
        #[arg(long, value_name = "ENV")]
        env_name: Option<String>,
        /// Read a new value from stdin (or a hidden prompt on a terminal)
        #[arg(long, conflicts_with = "from_file")]
        value_stdin: bool,
        /// Read a new value from FILE
        #[arg(long, value_name = "FILE")]
        from_file: Option<PathBuf>,
        /// Make it write-only: it reaches programs through `vault run` but nobody, you included,
        /// can reveal, get, export or clone it. Cannot be undone.
        #[arg(long)]
        write_only: bool,
        /// Move the value (every version) from the vault file to this provider
        #[arg(
            long,
            value_name = "NAME",
            conflicts_with_all = ["rename", "description", "env_name", "value_stdin", "from_file", "write_only", "local"]
        )]
        provider: Option<String>,
        /// Move the value (every version) from its provider back into the vault file
        #[arg(long, conflicts_with_all = ["rename", "description", "env_name", "value_stdin", "from_file", "write_only"])]
        local: bool,
    },
    /// Copy a secret into another project as an independent secret (new id, new key)
    #[command(
        after_help = "Example:\n  vault secret clone HUB_TOKEN --project ml-pipeline --to-project other --name HUB_TOKEN_COPY"
    )]
    Clone {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Target project
        #[arg(long, value_name = "Q", required_unless_present = "to_private")]
        to_project: Option<String>,
        /// Copy into your private secrets
        #[arg(long, conflicts_with = "to_project")]
        to_private: bool,
        /// Name in the target [default: the same name]
        #[arg(long = "name", value_name = "NEW")]
        new_name: Option<String>,
    },
    /// Delete a secret and all its versions
    #[command(after_help = "Example:\n  vault secret delete HUB_TOKEN_COPY --project other --yes")]
    Delete {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Do not ask; required without a terminal
        #[arg(long)]
        yes: bool,
    },
    /// Share a secret with its project's community (community admin); other projects of the
    /// community then see it read-only, and each may accept it for its programs
    #[command(after_help = "Example:\n  vault secret share S3_KEY --project vision --community research\n\n\
Edits in the home project reach the community at once. Another project's `vault run` and\n\
`vault export` get the secret only after an owner or editor there accepts it\n\
(`vault secret accept S3_KEY --project other`).\n\n\
A secret kept in a provider is shared with the provider's token: the community's members\n\
can then read whatever that token's policy allows. The first such share into a community\n\
needs --provider-token; `vault provider rotate-token` takes the token back.")]
    Share {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Community [default: the project's community]
        #[arg(long, value_name = "C")]
        community: Option<String>,
        /// For a secret kept in a provider: hand the community the provider's token with it
        #[arg(long)]
        provider_token: bool,
    },
    /// Stop sharing a secret (community admin); its data key is rotated
    Unshare {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// Community [default: the project's community]
        #[arg(long, value_name = "C")]
        community: Option<String>,
    },
    /// Let a secret shared into this project's community reach this project's programs (owner or
    /// editor), under an env name you choose now
    #[command(after_help = "Examples:\n  vault secret accept S3_KEY --project gamma\n  \
vault secret accept S3_KEY --project gamma --from vision --env-name VISION_S3_KEY\n\n\
A shared secret is listed in every project of the community but reaches `vault run` and\n\
`vault export` of a project only once accepted there: its env name decides what a program\n\
does, so the project that runs the program chooses it. The acceptance lapses when the\n\
secret's name or env name changes in its home project; accept it again then.")]
    Accept {
        /// Name of the shared secret
        name: String,
        /// The receiving project
        #[arg(long, short = 'p', value_name = "P")]
        project: String,
        /// Its home project, when several share a secret of that name
        #[arg(long, value_name = "HOME")]
        from: Option<String>,
        /// Env var name it gets here [default: its env name at home]
        #[arg(long, value_name = "ENV")]
        env_name: Option<String>,
    },
    /// Withdraw a project's acceptance of a shared secret (owner or editor)
    #[command(after_help = "Example:\n  vault secret unaccept S3_KEY --project gamma")]
    Unaccept {
        /// Name of the shared secret
        name: String,
        /// The receiving project
        #[arg(long, short = 'p', value_name = "P")]
        project: String,
        /// Its home project, when several share a secret of that name
        #[arg(long, value_name = "HOME")]
        from: Option<String>,
    },
    /// List a secret's versions: number, time, author (values stay masked)
    History {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
    },
    /// Write a new version holding an older version's value
    #[command(after_help = "Example:\n  vault secret rollback DB_URL --project vision --version 3")]
    Rollback {
        /// Secret name
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// The version whose value becomes current again
        #[arg(long, value_name = "N")]
        version: i64,
    },
}

/// A secret in `--json` output. `value` is present only with `--reveal`.
#[derive(Serialize)]
pub(crate) struct SecretJson<'a> {
    id: &'a str,
    name: &'a str,
    env_name: &'a str,
    project: &'a str,
    description: &'a str,
    version: i64,
    write_only: bool,
    /// The provider keeping the value, for a provider-backed secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<&'a str>,
    created_by: &'a str,
    created_at: String,
    modified_by: &'a str,
    modified_at: String,
    /// The community it is shared with (in its home project).
    #[serde(skip_serializing_if = "Option::is_none")]
    shared_with: Option<&'a str>,
    /// Its home project, when it is shared into this project's community (read-only here).
    #[serde(skip_serializing_if = "Option::is_none")]
    shared_from: Option<&'a str>,
    /// For a secret shared in: the env name this project accepted it as, or null when it has
    /// not accepted it (then `run` and `export` leave it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    accepted_as: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) value: Option<&'a str>,
}

pub(crate) fn to_json(s: &SecretInfo) -> SecretJson<'_> {
    meta_json(s.meta(), s.detail(), s.value.as_ref().map(|v| v.expose()))
}

fn meta_json<'a>(m: SecretMeta<'a>, d: SecretDetail<'a>, value: Option<&'a str>) -> SecretJson<'a> {
    SecretJson {
        id: d.id,
        name: m.name,
        env_name: d.env_name,
        project: m.project,
        description: m.description,
        version: d.version,
        write_only: m.write_only,
        provider: d.provider,
        created_by: m.creator,
        created_at: json_time(m.created_at),
        modified_by: d.modifier,
        modified_at: json_time(m.modified_at),
        shared_with: m.shared_with,
        shared_from: m.shared_from,
        accepted_as: m.shared_from.map(|_| m.accepted_as),
        value,
    }
}

/// A listed secret's [`SecretJson`] (no value), written field by field: the same bytes
/// (see the test below), without building it.
fn write_listed_json(o: &mut output::JsonObject<'_>, m: &SecretMeta<'_>, d: &SecretDetail<'_>, last: &mut ListedJson) {
    o.str("id", d.id);
    o.str("name", m.name);
    o.str("env_name", d.env_name);
    // From project to modified_at, consecutive secrets mostly agree (one project, one author,
    // one import second): those fields are written once for a run of them.
    let middle = Middle {
        project: m.project,
        description: m.description,
        version: d.version,
        write_only: m.write_only,
        provider: d.provider,
        creator: m.creator,
        created_at: m.created_at,
        modifier: d.modifier,
        modified_at: m.modified_at,
    };
    if last.middle.as_ref().is_none_or(|l| !l.is(&middle)) {
        last.text = output::JsonObject::fields_later(|o| {
            o.str("project", m.project);
            o.str("description", m.description);
            o.int("version", d.version);
            o.bool("write_only", m.write_only);
            if let Some(p) = d.provider {
                o.str("provider", p);
            }
            o.str("created_by", m.creator);
            o.str("created_at", &json_time(m.created_at));
            o.str("modified_by", d.modifier);
            o.str("modified_at", &json_time(m.modified_at));
        });
        last.middle = Some(middle.owned());
    }
    o.append(&last.text);
    if let Some(c) = m.shared_with {
        o.str("shared_with", c);
    }
    if let Some(home) = m.shared_from {
        o.str("shared_from", home);
        o.opt_str("accepted_as", m.accepted_as);
    }
}

/// The fields of a listed secret's JSON from `project` to `modified_at`, as last written.
#[derive(Default)]
struct ListedJson {
    middle: Option<Middle<String>>,
    text: output::JsonFields,
}

/// The values of those fields.
struct Middle<S> {
    project: S,
    description: S,
    version: i64,
    write_only: bool,
    provider: Option<S>,
    creator: S,
    created_at: i64,
    modifier: S,
    modified_at: i64,
}

impl Middle<String> {
    fn is(&self, m: &Middle<&str>) -> bool {
        self.version == m.version
            && self.write_only == m.write_only
            && self.created_at == m.created_at
            && self.modified_at == m.modified_at
            && self.project == m.project
            && self.description == m.description
            && self.provider.as_deref() == m.provider
            && self.creator == m.creator
            && self.modifier == m.modifier
    }
}

impl Middle<&str> {
    fn owned(&self) -> Middle<String> {
        Middle {
            project: self.project.to_owned(),
            description: self.description.to_owned(),
            version: self.version,
            write_only: self.write_only,
            provider: self.provider.map(str::to_owned),
            creator: self.creator.to_owned(),
            created_at: self.created_at,
            modifier: self.modifier.to_owned(),
            modified_at: self.modified_at,
        }
    }
}

/// "with C" for a secret shared from here, "from P (read-only)" for one shared into here.
fn shared_label(s: &SecretMeta<'_>) -> String {
    match (s.shared_with, s.shared_from) {
        (_, Some(home)) => match s.accepted_as {
            Some(env) => format!("from {home} (read-only, accepted as {env})"),
            None => format!("from {home} (read-only, not accepted)"),
        },
        (Some(c), None) => format!("with {c}"),
        (None, None) => String::new(),
    }
}

/// What the VALUE column shows of a secret whose value is not revealed.
fn masked(s: &SecretMeta<'_>) -> &'static str {
    if s.write_only {
        MASK_WRITE_ONLY
    } else {
        MASK
    }
}

const MASK_WRITE_ONLY: &str = "*** (write-only)";

/// The value when revealed, else its mask. The caller wipes it.
fn shown(s: &SecretInfo) -> String {
    match &s.value {
        Some(v) => v.expose().to_owned(),
        None => masked(&s.meta()).to_owned(),
    }
}

/// A confirmation for a command whose `--json` answer is the secret itself.
fn changed(style: Style, s: &SecretInfo, msg: impl FnOnce() -> String) -> Result<()> {
    output::show(style, || to_json(s), || Text::Done(msg()))
}

/// `secret create`: the names are checked before `value` is read (nothing is asked for with a
/// bad name), and the value is read before the unlock, so a piped value is not taken for the
/// passphrase.
pub(crate) fn create(
    ctx: &Ctx,
    scope: &Scope,
    new: &NewSecret<'_>,
    value: impl FnOnce() -> Result<crate::vault::SecretValue>,
) -> Result<SecretInfo> {
    names::check("secret", new.name)?;
    names::env_for(new.name, new.env_name)?;
    let value = value()?;
    let v = ctx.unlock()?;
    v.create_secret(scope, new, &value)
}

/// `secret get`: with `reveal`, the event is in the audit log before the value is returned.
pub(crate) fn get(ctx: &Ctx, scope: &Scope, name: &str, reveal: bool) -> Result<SecretInfo> {
    let v = ctx.unlock()?;
    let s = v.get_secret(scope, name, reveal)?;
    if reveal {
        ctx.record_before_reveal()?;
    }
    Ok(s)
}

/// What `secret edit` changes (a move to or from a provider apart).
pub(crate) struct Change<'a> {
    pub rename: Option<&'a str>,
    pub description: Option<&'a str>,
    pub env_name: Option<&'a str>,
    /// Whether a new value is read (through `edit`'s `value`).
    pub new_value: bool,
    pub write_only: bool,
}

/// `secret edit`: every argument is checked before a value is read or the vault unlocked.
pub(crate) fn edit(
    ctx: &Ctx,
    scope: &Scope,
    name: &str,
    change: &Change<'_>,
    value: impl FnOnce() -> Result<crate::vault::SecretValue>,
) -> Result<SecretInfo> {
    if change.rename.is_none()
        && change.description.is_none()
        && change.env_name.is_none()
        && !change.new_value
        && !change.write_only
    {
        return Err(Error::Usage(
            "nothing to change: pass --rename, --description, --env-name, --value-stdin, --from-file, \
             --write-only, --provider or --local"
                .into(),
        ));
    }
    if let Some(n) = change.rename {
        names::check("secret", n)?;
    }
    if let Some(e) = change.env_name {
        names::check_env(e)?;
    }
    let value = if change.new_value { Some(value()?) } else { None };
    let v = ctx.unlock()?;
    let edit = SecretEdit {
        rename: change.rename,
        env_name: change.env_name,
        description: change.description,
        value: value.as_ref(),
        write_only: change.write_only,
    };
    v.edit_secret(scope, name, &edit)
}

/// `secret delete`: `confirm` runs once the secret is known to exist.
pub(crate) fn delete(ctx: &Ctx, scope: &Scope, name: &str, confirm: impl FnOnce() -> Result<()>) -> Result<SecretInfo> {
    let v = ctx.unlock()?;
    v.get_secret(scope, name, false)?;
    confirm()?;
    v.delete_secret(scope, name)
}

pub(crate) fn run(ctx: &Ctx, cmd: SecretCmd) -> Result<()> {
    let style = ctx.style;
    match cmd {
        SecretCmd::Create { name, scope, description, env_name, from_file, write_only, provider } => {
            let scope = scope.scope(ctx)?;
            let new = NewSecret {
                name: &name,
                description: &description,
                env_name: env_name.as_deref(),
                write_only,
                provider: provider.as_deref(),
            };
            let s = create(ctx, &scope, &new, || read_value(from_file.as_deref(), &name))?;
            changed(style, &s, || {
                format!("created secret '{}' in project '{}' (id {})", s.row.name, s.project, s.row.id)
            })
        }
        SecretCmd::List { scope, reveal } => {
            let scope = scope.scope(ctx)?;
            let v = ctx.unlock()?;
            let header = ["NAME", "DESCRIPTION", "VALUE", "SHARED", "CREATOR", "CREATED", "MODIFIED"];
            let empty = "no secrets yet: add one with `printf '%s' \"$VALUE\" | vault secret create NAME --project P`";
            // One row of the table: `value` is the VALUE cell.
            let (mut created, mut modified) = (LastTime::default(), LastTime::default());
            let mut add = |t: &mut output::Table, m: &SecretMeta<'_>, value: &str| {
                let shared = shared_label(m);
                let (c, d) = (created.table(m.created_at), modified.table(m.modified_at));
                t.add_cells([m.name, &cleaned(m.description), value, &shared, m.creator, c, d]);
            };
            if reveal {
                let list = v.list_secrets(&scope, true)?;
                ctx.record_before_reveal()?;
                return output::show(
                    style,
                    || list.iter().map(to_json).collect::<Vec<_>>(),
                    || {
                        let mut t = output::table(style, &header);
                        for s in &list {
                            // A revealed value is escaped for the terminal, as in a table it must be.
                            let value = match &s.value {
                                Some(v) => Zeroizing::new(clean(v.expose())),
                                None => Zeroizing::new(shown(s)),
                            };
                            add(&mut t, &s.meta(), &value);
                        }
                        Text::Table(t, empty)
                    },
                );
            }
            output::show_rows(
                style,
                |out| {
                    // Streamed: each secret is printed as it is read.
                    let mut last = ListedJson::default();
                    v.each_listed(&scope, ListDetail::Full, |m| {
                        let d = m.detail.ok_or_else(|| Error::Corrupt("a listing without its details".into()))?;
                        out.push_object(|o| write_listed_json(o, m, &d, &mut last)).map_err(output::write_failed)
                    })
                },
                || {
                    let mut t = output::table(style, &header);
                    v.each_listed(&scope, ListDetail::Brief, |m| {
                        add(&mut t, m, masked(m));
                        Ok(())
                    })?;
                    Ok(Text::Table(t, empty))
                },
            )
        }
        SecretCmd::Show { name, scope, reveal } => {
            let scope = scope.scope(ctx)?;
            let v = ctx.unlock()?;
            let s = v.get_secret(&scope, &name, reveal)?;
            if reveal {
                ctx.record_before_reveal()?;
            }
            output::show(
                style,
                || to_json(&s),
                || {
                    let env = &s.row.env_name;
                    let run_scope = match &scope {
                        Scope::Project(p) => format!("--project {p}"),
                        Scope::Private => "--private".into(),
                    };
                    let kept_in =
                        s.row.provider.as_ref().map_or("the vault file".into(), |p| format!("provider '{p}'"));
                    Text::Fields(
                        vec![
                            ("ID", s.row.id.clone()),
                            ("Name", s.row.name.clone()),
                            ("Project", s.project.clone()),
                            ("Env name", env.clone()),
                            ("Description", clean(&s.row.description)),
                            ("Value", shown(&s)),
                            ("Kept in", kept_in),
                            ("Version", s.row.current_version.to_string()),
                            ("Creator", s.creator.clone()),
                            ("Created", format!("{} UTC", table_time(s.row.created_at))),
                            ("Modified", format!("{} UTC by {}", table_time(s.row.modified_at), s.modifier)),
                        ],
                        format!(
                            "\nRead it in a program started with `vault run {run_scope} -- CMD`:\n  \
                             bash:    printenv {env}      # or \"${env}\"\n  \
                             python:  import os; os.environ['{env}']\n"
                        ),
                    )
                },
            )
        }
        SecretCmd::Get { name, scope, reveal } => {
            let scope = scope.scope(ctx)?;
            let s = get(ctx, &scope, &name, reveal)?;
            output::show(
                style,
                || to_json(&s),
                || match &s.value {
                    Some(val) => {
                        // The bare value, byte for byte; a newline only for a person at a terminal.
                        let mut out = String::with_capacity(val.expose().len() + 1);
                        out.push_str(val.expose());
                        if style.tty && !val.expose().ends_with('\n') {
                            out.push('\n');
                        }
                        Text::Plain(out, None)
                    }
                    None => {
                        Text::Plain(format!("{MASK}\n"), Some((Level::Hint, "pass --reveal to print the value".into())))
                    }
                },
            )
        }
        SecretCmd::Edit { name, scope, provider, local, .. } if provider.is_some() || local => {
            let scope = scope.scope(ctx)?;
            let v = ctx.unlock()?;
            let (s, warning) = v.move_secret(&scope, &name, provider.as_deref())?;
            if let Some(w) = warning {
                output::say(style, Level::Warning, w);
            }
            changed(style, &s, || {
                let place = s.row.provider.as_ref().map_or("the vault file".into(), |p| format!("provider '{p}'"));
                format!("moved the value of secret '{}' in project '{}' to {place}", s.row.name, s.project)
            })
        }
        SecretCmd::Edit { name, scope, rename, description, env_name, value_stdin, from_file, write_only, .. } => {
            let scope = scope.scope(ctx)?;
            let change = Change {
                rename: rename.as_deref(),
                description: description.as_deref(),
                env_name: env_name.as_deref(),
                new_value: value_stdin || from_file.is_some(),
                write_only,
            };
            let s = edit(ctx, &scope, &name, &change, || read_value(from_file.as_deref(), &name))?;
            changed(style, &s, || {
                format!(
                    "updated secret '{}' in project '{}' (version {})",
                    s.row.name, s.project, s.row.current_version
                )
            })
        }
        SecretCmd::Clone { name, scope, to_project, to_private, new_name } => {
            let scope = scope.scope(ctx)?;
            let to = match (to_project, to_private) {
                (_, true) => Scope::Private,
                (Some(p), false) => Scope::Project(p),
                (None, false) => return Err(Error::Usage("pass --to-project Q or --to-private".into())),
            };
            if let Some(n) = &new_name {
                names::check("secret", n)?;
            }
            let v = ctx.unlock()?;
            let s = v.clone_secret(&scope, &name, &to, new_name.as_deref())?;
            changed(style, &s, || {
                format!("cloned secret '{name}' to '{}' in project '{}' (id {})", s.row.name, s.project, s.row.id)
            })
        }
        SecretCmd::Delete { name, scope, yes } => {
            let scope = scope.scope(ctx)?;
            let s = delete(ctx, &scope, &name, || {
                confirm_delete(yes, &format!("secret '{name}' and all its versions"), &name)
            })?;
            output::done(style, &format!("deleted secret '{}' from project '{}'", s.row.name, s.project));
            Ok(())
        }
        SecretCmd::Share { name, scope, community, .. } | SecretCmd::Unshare { name, scope, community }
            if !matches!(scope.scope(ctx)?, Scope::Project(_)) =>
        {
            let _ = (name, community);
            Err(Error::Usage("private secrets cannot be shared".into()))
        }
        SecretCmd::Share { name, scope, community, provider_token } => {
            let Scope::Project(project) = scope.scope(ctx)? else { unreachable!("checked above") };
            let v = ctx.unlock()?;
            let c = v.share_secret(&project, &name, community.as_deref(), provider_token)?;
            output::done(style, &format!("shared secret '{name}' of project '{project}' with community '{c}'"));
            Ok(())
        }
        SecretCmd::Unshare { name, scope, community } => {
            let Scope::Project(project) = scope.scope(ctx)? else { unreachable!("checked above") };
            let v = ctx.unlock()?;
            let c = v.unshare_secret(&project, &name, community.as_deref())?;
            output::done(
                style,
                &format!("secret '{name}' is no longer shared with community '{c}'; its data key was rotated"),
            );
            Ok(())
        }
        SecretCmd::Accept { name, project, from, env_name } => {
            if let Some(e) = &env_name {
                names::check_env(e)?;
            }
            let v = ctx.unlock()?;
            let (home, env) = v.accept_shared(&project, &name, from.as_deref(), env_name.as_deref())?;
            output::done(
                style,
                &format!(
                    "accepted secret '{name}' shared from project '{home}': programs of '{project}' get it as {env}"
                ),
            );
            Ok(())
        }
        SecretCmd::Unaccept { name, project, from } => {
            let v = ctx.unlock()?;
            let home = v.unaccept_shared(&project, &name, from.as_deref())?;
            output::done(
                style,
                &format!("secret '{name}' shared from project '{home}' no longer reaches programs of '{project}'"),
            );
            Ok(())
        }
        SecretCmd::History { name, scope } => {
            let scope = scope.scope(ctx)?;
            let v = ctx.unlock()?;
            let (_, versions) = v.secret_history(&scope, &name)?;
            #[derive(Serialize)]
            struct V<'a> {
                version: i64,
                author: &'a str,
                created_at: String,
                current: bool,
                #[serde(skip_serializing_if = "Option::is_none")]
                note: Option<&'a str>,
            }
            output::show(
                style,
                || {
                    versions
                        .iter()
                        .map(|x| V {
                            version: x.version,
                            author: &x.author,
                            created_at: json_time(x.created_at),
                            current: x.current,
                            note: x.note.as_deref(),
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    let mut t = output::table(style, &["VERSION", "VALUE", "AUTHOR", "CREATED", ""]);
                    for x in &versions {
                        t.add_row(vec![
                            x.version.to_string(),
                            MASK.to_owned(),
                            x.author.clone(),
                            table_time(x.created_at),
                            [x.current.then_some("current"), x.note.as_deref()]
                                .into_iter()
                                .flatten()
                                .collect::<Vec<_>>()
                                .join(", "),
                        ]);
                    }
                    Text::Table(t, "no versions")
                },
            )
        }
        SecretCmd::Rollback { name, scope, version } => {
            let scope = scope.scope(ctx)?;
            let v = ctx.unlock()?;
            let s = v.rollback_secret(&scope, &name, version)?;
            changed(style, &s, || {
                format!(
                    "secret '{}' now holds version {version}'s value as version {}",
                    s.row.name, s.row.current_version
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta<'a>(text: &'a str, shared: u8) -> SecretMeta<'a> {
        SecretMeta {
            name: text,
            project: "proj",
            description: text,
            write_only: shared % 3 == 0,
            creator: "alice",
            created_at: 1_658_154_180 + i64::from(shared),
            modified_at: -5,
            shared_with: (shared == 1).then_some(text),
            shared_from: (shared >= 2).then_some("home"),
            accepted_as: (shared == 3).then_some(text),
            detail: Some(SecretDetail {
                id: "0123456789abcdef0123456789abcdef",
                env_name: "ENV_NAME",
                provider: (shared % 2 == 1).then_some("bao"),
                version: i64::from(shared) * 1000 - 7,
                modifier: text,
            }),
        }
    }

    #[test]
    fn listed_json_is_what_serde_writes() {
        let texts =
            ["", "plain", "quote \" back \\ slash", "ctl \u{1}\u{8}\t\n\u{c}\r\u{1f}\u{7f}", "été 日本 \u{2028}"];
        for n in 0..=texts.len() * 4 {
            let metas: Vec<SecretMeta<'_>> = (0..n).map(|i| meta(texts[i % texts.len()], (i % 4) as u8)).collect();
            let mut fast = Vec::new();
            let mut a = output::JsonArray::to(&mut fast);
            let mut last = ListedJson::default();
            for m in &metas {
                a.push_object(|o| write_listed_json(o, m, &m.detail.unwrap(), &mut last)).unwrap();
            }
            a.finish().unwrap();
            let whole = serde_json::to_string_pretty(
                &metas.iter().map(|m| meta_json(*m, m.detail.unwrap(), None)).collect::<Vec<_>>(),
            )
            .unwrap();
            assert_eq!(String::from_utf8(fast).unwrap(), whole + "\n", "{n} secrets");
        }
    }

    /// Runs of secrets that share the middle fields, each broken by one field that differs.
    #[test]
    fn listed_json_follows_every_change_of_the_shared_fields() {
        let base = meta("plain", 0);
        let d = base.detail.unwrap();
        let mut metas = vec![base, base];
        for change in 0..11 {
            let mut m = base;
            let mut md = d;
            match change {
                0 => m.project = "other",
                1 => m.description = "now described",
                2 => md.version = 2,
                3 => m.write_only = !m.write_only,
                4 => md.provider = Some("bao"),
                5 => m.creator = "carol",
                6 => m.created_at += 1,
                7 => md.modifier = "dave",
                8 => m.modified_at += 60,
                9 => md.id = "ffffffffffffffffffffffffffffffff",
                _ => m.shared_with = Some("com"),
            }
            m.detail = Some(md);
            metas.extend([m, m, base]);
        }
        let mut fast = Vec::new();
        let mut a = output::JsonArray::to(&mut fast);
        let mut last = ListedJson::default();
        for m in &metas {
            a.push_object(|o| write_listed_json(o, m, &m.detail.unwrap(), &mut last)).unwrap();
        }
        a.finish().unwrap();
        let whole = serde_json::to_string_pretty(
            &metas.iter().map(|m| meta_json(*m, m.detail.unwrap(), None)).collect::<Vec<_>>(),
        )
        .unwrap();
        assert_eq!(String::from_utf8(fast).unwrap(), whole + "\n");
    }
}
