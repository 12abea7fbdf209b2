//! `vault provider ...`: external value stores (OpenBao / HashiCorp Vault KV v2). The token
//! comes from a file only, never argv, and is never printed.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde::Serialize;
use zeroize::Zeroizing;

use super::Ctx;
use crate::output::{self, clean, json_time, table_time, Text};
use crate::provider::{NewSettings, Token, DEFAULT_TIMEOUT_SECS};
use crate::vault::{NewProvider, Reach};
use crate::{Error, Result};

/// Provider commands.
#[derive(Debug, Subcommand)]
pub enum ProviderCmd {
    /// Add an OpenBao / HashiCorp Vault server whose KV v2 mount keeps secret values (vault admin)
    ///
    /// Secrets created with `--provider NAME` then keep their value at
    /// <mount>/data/vault/<project>/<secret> on that server; their metadata, permissions and
    /// audit stay in the vault file. The token is read from a file (never the command line) and
    /// stored sealed: under your personal key, and under the key of each project that keeps
    /// values there, so that its members can read them. Anyone who can read a project's values
    /// can therefore use the token: give it a policy limited to the `vault/` paths of the mount.
    #[command(after_help = "Examples:\n  \
vault provider add platform --kind openbao --address https://bao.example.com:8200 --token-file token.txt\n  \
vault provider add local --kind openbao --address http://127.0.0.1:8200 --token-file t --mount kv\n  \
vault provider add corp --kind openbao --address https://vault.corp:8200 --token-file t --ca-cert ca.pem --namespace team-a\n  \
vault provider add bao-ha --kind openbao --address https://bao-1:8200 --address https://bao-2:8200 --address https://bao-3:8200 --token-file t\n\n\
Plain http is accepted only for loopback addresses. TLS trusts the public (Mozilla) roots, or\n\
only the certificates of --ca-cert. Check the settings with `vault provider check NAME`.\n\n\
With several addresses, a request that a node cannot take (connection refused or failed, a\n\
sealed node, a standby without an active node: 503, 500, a redirect) goes to the next one, and\n\
vault warns on stderr which node answered. A write that may have reached a node is not sent again.")]
    Add {
        /// Provider name (3 to 63 letters, digits, '-' or '_')
        name: String,
        /// What kind of server it is (openbao: OpenBao, or HashiCorp Vault, the same KV v2 API)
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(crate::provider::Settings::KINDS))]
        kind: String,
        /// Server address, e.g. https://bao.example.com:8200; repeat it (or separate with
        /// commas) for the nodes of a cluster, tried in that order
        #[arg(long, value_name = "URL", required = true)]
        address: Vec<String>,
        /// Read the token from FILE (one trailing newline is ignored)
        #[arg(long, value_name = "FILE")]
        token_file: PathBuf,
        /// KV version 2 mount that keeps the values
        #[arg(long, default_value = "secret", value_name = "MOUNT")]
        mount: String,
        /// Namespace (sent as X-Vault-Namespace)
        #[arg(long, value_name = "NS")]
        namespace: Option<String>,
        /// Trust only the CA certificates in this PEM file (a private CA)
        #[arg(long, value_name = "FILE")]
        ca_cert: Option<PathBuf>,
        /// Seconds allowed for each request (connecting is capped at 3)
        #[arg(long, value_name = "SECS", default_value_t = DEFAULT_TIMEOUT_SECS)]
        timeout: i64,
    },
    /// List providers: kind, address, mount and whether each answers (never the token)
    List,
    /// Check a provider: reachable and unsealed, token accepted, mount is KV v2 (exit 8 if not)
    Check {
        /// Provider name
        name: String,
    },
    /// Replace a provider's token (vault admin): checked against the server, then every
    /// sealed copy re-sealed
    ///
    /// The new token is checked first (server reachable and unsealed, token accepted, mount KV
    /// v2); then every copy of the token (yours, each project's, and each share of a secret
    /// kept there) is re-sealed with it in one change. A copy you cannot re-seal (a project you
    /// are not a member of, a share into a community you do not administer) refuses the whole
    /// rotation, naming them, with nothing changed, unless --drop-unreachable deletes those
    /// copies (ending those shares). Revoke the old token in OpenBao afterwards.
    #[command(after_help = "Examples:\n  vault provider rotate-token platform --token-file new-token.txt\n  \
bao token revoke \"$OLD_TOKEN\"   # then revoke the old one on the server")]
    RotateToken {
        /// Provider name
        name: String,
        /// Read the new token from FILE (one trailing newline is ignored)
        #[arg(long, value_name = "FILE")]
        token_file: PathBuf,
        /// Delete the copies you cannot re-seal (projects you are not a member of, other
        /// users' private secrets, shares into communities you do not administer) instead of
        /// refusing
        #[arg(long)]
        drop_unreachable: bool,
    },
    /// Remove a provider (vault admin); refused while secrets keep their values there
    Remove {
        /// Provider name
        name: String,
    },
}

/// A provider in `--json` output: settings only, never the token.
#[derive(Serialize)]
struct ProviderJson<'a> {
    name: &'a str,
    kind: &'a str,
    /// The kind's settings (for openbao: address, mount, namespace, private_ca, timeout_secs).
    #[serde(flatten)]
    settings: serde_json::Map<String, serde_json::Value>,
    created_by: &'a str,
    /// The vault admin whose signature on the settings holds: `created_by`, or the admin who
    /// demoted or removed them.
    signed_by: &'a str,
    created_at: String,
    reachable: bool,
    /// "ok", "sealed" or why it did not answer.
    status: String,
}

/// Reads a token file: at most 16 KiB, one trailing newline stripped.
fn read_token(path: &Path) -> Result<Token> {
    let mut buf = Zeroizing::new(Vec::new());
    std::fs::File::open(path)
        .and_then(|f| f.take(16 * 1024).read_to_end(&mut buf))
        .map_err(|e| Error::io(format!("cannot read token file {}", path.display()), e))?;
    Token::from_file_bytes(buf)
}

pub(crate) fn run(ctx: &Ctx, cmd: ProviderCmd) -> Result<()> {
    let style = ctx.style;
    match cmd {
        ProviderCmd::Add { name, kind, address, token_file, mount, namespace, ca_cert, timeout } => {
            let token = read_token(&token_file)?;
            let ca_cert = match ca_cert {
                Some(f) => Some(
                    std::fs::read_to_string(&f)
                        .map_err(|e| Error::io(format!("cannot read CA certificate {}", f.display()), e))?,
                ),
                None => None,
            };
            let v = ctx.unlock()?;
            let settings = NewSettings { address: address.join(","), mount, namespace, ca_cert, timeout_secs: timeout };
            let (row, settings) = v.add_provider(NewProvider { name, kind, settings, token })?;
            output::done(
                style,
                &format!(
                    "added provider '{}' ({}, mount '{}'); check it with `vault provider check {}`",
                    row.name,
                    clean(settings.address()),
                    clean(&settings.location()),
                    row.name
                ),
            );
        }
        ProviderCmd::List => {
            let v = ctx.unlock()?;
            let list = v.list_providers()?;
            let status = |r: &Reach| match r {
                Reach::Yes(_) => "ok".to_owned(),
                Reach::Sealed => "sealed".to_owned(),
                Reach::No(why) => why.clone(),
            };
            output::show(
                style,
                || {
                    list.iter()
                        .map(|p| ProviderJson {
                            name: &p.row.name,
                            kind: &p.row.kind,
                            settings: p.settings.describe(),
                            created_by: &p.creator,
                            signed_by: &p.signer,
                            created_at: json_time(p.row.created_at),
                            reachable: !matches!(p.reach, Reach::No(_)),
                            status: status(&p.reach),
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    let mut t = output::table(style, &["NAME", "KIND", "ADDRESS", "MOUNT", "REACHABLE", "CREATED"]);
                    for p in &list {
                        t.add_row(vec![
                            p.row.name.clone(),
                            p.row.kind.clone(),
                            clean(p.settings.address()),
                            clean(&p.settings.location()),
                            match &p.reach {
                                Reach::Yes(_) => "yes".to_owned(),
                                Reach::Sealed => "yes (sealed)".to_owned(),
                                Reach::No(_) => "no".to_owned(),
                            },
                            table_time(p.row.created_at),
                        ]);
                    }
                    Text::Table(
                        t,
                        "no providers yet: a vault admin adds one with \
                         `vault provider add NAME --kind openbao --address URL --token-file FILE`",
                    )
                },
            )?;
        }
        ProviderCmd::Check { name } => {
            let v = ctx.unlock()?;
            let health = v.check_provider(&name)?;
            #[derive(Serialize)]
            struct Check<'a> {
                name: &'a str,
                ok: bool,
                server_version: &'a str,
            }
            output::show(
                style,
                || Check { name: &name, ok: true, server_version: &health.version },
                || {
                    Text::Plain(
                        format!(
                            "provider '{name}': reachable (server {}), unsealed, token accepted, mount is KV v2\n",
                            clean(&health.version)
                        ),
                        None,
                    )
                },
            )?;
        }
        ProviderCmd::RotateToken { name, token_file, drop_unreachable } => {
            let token = read_token(&token_file)?;
            let v = ctx.unlock()?;
            let r = v.rotate_provider_token(&name, token, drop_unreachable)?;
            let shares = match r.shares {
                0 => String::new(),
                1 => " and 1 share".into(),
                n => format!(" and {n} shares"),
            };
            output::done(
                style,
                &format!(
                    "provider '{name}': new token checked and {} sealed cop{}{shares} re-sealed; revoke the old \
                     token on the server",
                    r.copies,
                    if r.copies == 1 { "y" } else { "ies" }
                ),
            );
            if !r.dropped_projects.is_empty() {
                output::say(
                    style,
                    output::Level::Warning,
                    format_args!(
                        "deleted the old token's copies held by {}: their members read through another copy they hold",
                        r.dropped_projects.iter().map(|p| format!("'{}'", clean(p))).collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            if !r.dropped_shares.is_empty() {
                output::say(
                    style,
                    output::Level::Warning,
                    format_args!(
                        "ended the share(s) of {}: an admin of the community can share again",
                        r.dropped_shares.iter().map(|s| clean(s)).collect::<Vec<_>>().join(", ")
                    ),
                );
            }
        }
        ProviderCmd::Remove { name } => {
            let v = ctx.unlock()?;
            v.remove_provider(&name)?;
            output::done(style, &format!("removed provider '{name}' and every sealed copy of its token"));
        }
    }
    Ok(())
}

/// After a member is removed: the provider tokens they could open there, which only a
/// rotation takes back.
pub(super) fn warn_kept_tokens(style: output::Style, user: &str, providers: &[String]) {
    for p in providers {
        output::say(
            style,
            output::Level::Warning,
            format_args!(
                "'{}' could open the token of provider '{}' and may have kept it: rotate it with `vault provider \
                 rotate-token {} --token-file NEW`, then revoke the old one on the server",
                clean(user),
                clean(p),
                clean(p)
            ),
        );
    }
}
