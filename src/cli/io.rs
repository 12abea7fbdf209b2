//! `vault import` and `vault export`: dotenv and JSON in, dotenv, JSON and shell out.
//!
//! Import parses the whole file first (`formats::parse_dotenv` for dotenv), checks every name with its line
//! number, then writes everything in one transaction. Export masks values unless `--reveal`;
//! what it writes with `--reveal` imports back byte for byte.

use std::io::Read;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use zeroize::Zeroizing;

use super::secret::ScopeArgs;
use super::Ctx;
use crate::formats::{dotenv_quote_for, parse_dotenv, parse_json, push_dotenv_quoted, push_shell_quoted};
use crate::output::{self, Level, Text, MASK};
use crate::vault::{names, Scope, SecretInfo, SecretValue, Vault};
use crate::{Error, Result};

/// File formats for import.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InFormat {
    /// KEY=value lines as python-dotenv and Node's dotenv both read them
    Dotenv,
    /// One JSON object of string values: {"KEY": "value"}
    Json,
}

/// File formats for export.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutFormat {
    /// KEY='value' lines that vault, python-dotenv, Node's dotenv and sh read back alike
    Dotenv,
    /// One JSON object of string values
    Json,
    /// export KEY='value' lines, safe for `eval`
    Shell,
}

/// `vault import`
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  vault import .env --project vision\n  vault import secrets.json --project vision --format json --overwrite\n  \
vault import - --project vision < .env\n\n\
All or nothing: one invalid name (reported with its line) or one existing name without\n\
--overwrite and nothing is imported. A dotenv file is read as python-dotenv and Node's dotenv\n\
both read it; a line they read differently (`${NAME}`, `\\t` in double quotes, `a#b`) is refused\n\
with its line number. `$NAME` is never expanded. Empty values (`DEBUG=`) are skipped and named."
)]
pub struct ImportArgs {
    /// File to read ('-' for stdin)
    pub file: PathBuf,
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// File format [default: json for *.json, else dotenv]
    #[arg(long, value_enum)]
    pub format: Option<InFormat>,
    /// Write a new version of secrets that already exist instead of refusing
    #[arg(long)]
    pub overwrite: bool,
}

/// `vault export`
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  vault export --project vision                       # values masked\n  \
vault export --project vision --format dotenv --reveal > .env\n  \
eval \"$(vault export --project vision --format shell --reveal)\"\n\n\
dotenv output reads back byte for byte in python-dotenv, Node's dotenv and sh (`set -a; . FILE`):\n\
each value gets the quotes all three read alike. A value no quoting carries (a carriage return,\n\
a NUL, `${...}`, `\\\\`, a final `\\`, or ' with one of \" $ ` \\) stops the export by name; use --format json.")]
pub struct ExportArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "dotenv")]
    pub format: OutFormat,
    /// Print values instead of ***
    #[arg(long)]
    pub reveal: bool,
}

/// Largest import file: 64 MiB.
const MAX_IMPORT: u64 = 64 * 1024 * 1024;

/// Reads `file` (`-`: stdin) whole into a wiping buffer, refusing one over `max` bytes (named
/// `max_text` in the error) without reading further.
pub(super) fn read_limited(file: &std::path::Path, max: u64, max_text: &str) -> Result<Zeroizing<Vec<u8>>> {
    let mut buf = Zeroizing::new(Vec::new());
    let res = if file.as_os_str() == "-" {
        std::io::stdin().lock().take(max + 1).read_to_end(&mut buf)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(max + 1).read_to_end(&mut buf))
    };
    res.map_err(|e| Error::io(format!("cannot read {}", file.display()), e))?;
    if buf.len() as u64 > max {
        return Err(Error::BadValue(format!("{} is larger than {max_text}", file.display())));
    }
    Ok(buf)
}

fn read_input(file: &std::path::Path) -> Result<Zeroizing<String>> {
    let buf = read_limited(file, MAX_IMPORT, "64 MiB")?;
    let text = std::str::from_utf8(&buf).map_err(|e| {
        Error::BadValue(format!("{} is not UTF-8 text (invalid byte at offset {})", file.display(), e.valid_up_to()))
    })?;
    Ok(Zeroizing::new(text.to_owned()))
}

pub(super) fn import(ctx: &Ctx, a: ImportArgs) -> Result<()> {
    let scope = a.scope.scope(ctx)?;
    let text = read_input(&a.file)?;
    let format = a.format.unwrap_or(if a.file.extension().is_some_and(|e| e == "json") {
        InFormat::Json
    } else {
        InFormat::Dotenv
    });
    // Unlock first: that takes VAULT_PASSPHRASE out of our environment before any parser runs.
    let v = ctx.unlock()?;
    let parsed = match format {
        InFormat::Dotenv => parse_dotenv(&text)?,
        InFormat::Json => parse_json(&text)?,
    };
    let mut seen = std::collections::HashSet::new();
    let mut bad = Vec::new();
    let named =
        parsed.entries.iter().map(|(k, _, line)| (k, line)).chain(parsed.empty.iter().map(|(k, line)| (k, line)));
    for (k, line) in named {
        if let Err(Error::InvalidName { reason, .. }) = names::check("secret", k) {
            bad.push(format!("line {line}: '{}' {reason}", names::printable(k)));
        } else if let Err(Error::InvalidName { reason, .. }) = names::check_env(k) {
            bad.push(format!("line {line}: env var '{}': {reason}", names::printable(k)));
        } else if !seen.insert(k.clone()) {
            bad.push(format!("line {line}: '{}' appears twice", names::printable(k)));
        }
    }
    if !bad.is_empty() {
        let n = bad.len();
        bad.truncate(20);
        return Err(Error::Usage(format!(
            "{n} invalid name(s), nothing imported (names: 3-63 letters, digits, '-', '_'; first a letter):\n  {}",
            bad.join("\n  ")
        )));
    }
    let entries: Vec<(String, SecretValue)> = parsed.entries.into_iter().map(|(k, v, _)| (k, v)).collect();
    let bar = (entries.len() >= 200)
        .then(|| output::progress(ctx.style, entries.len() as u64, "importing {bar:40} {pos}/{len} {eta}"))
        .flatten();
    let result = v.import_secrets(&scope, &entries, a.overwrite, &mut |i| {
        if let Some(b) = &bar {
            b.set_position(i as u64);
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let r = result?;
    // A secret has a value: an empty one (`DEBUG=`) is no secret, so it is skipped and named.
    let skipped: Vec<String> = parsed.empty.iter().map(|(k, line)| format!("{k} (line {line})")).collect();
    if !skipped.is_empty() {
        output::say(
            ctx.style,
            Level::Note,
            format!("skipped {} empty value(s), a secret needs a value: {}", skipped.len(), skipped.join(", ")),
        );
    }
    output::show(
        ctx.style,
        || {
            let skipped: Vec<&str> = parsed.empty.iter().map(|(k, _)| k.as_str()).collect();
            serde_json::json!({"created": r.created, "updated": r.updated, "skipped_empty": skipped})
        },
        || {
            Text::Done(format!(
                "imported {} secret(s): {} created, {} updated",
                r.created + r.updated,
                r.created,
                r.updated
            ))
        },
    )
}

/// The secrets `export` hands out of `scope` (and the library's `env`): the project's own and
/// those shared in that it accepted, under the env name it accepted them as; a write-only one
/// refused when values are revealed, and every env name judged by the policy `vault run` uses.
pub(crate) fn exportable(v: &Vault, scope: &Scope, reveal: bool) -> Result<Vec<SecretInfo>> {
    let mut list = v.list_secrets(scope, reveal)?;
    // A secret shared in goes out only if this project accepted it, under the env name it
    // accepted; the others stay behind, as they do for `vault run`.
    list.retain(|s| s.shared_from.is_none() || s.accepted_as.is_some());
    for s in &mut list {
        if let Some(env) = s.accepted_as.take() {
            s.row.env_name = env;
        }
    }
    if let Some(wo) = list.iter().find(|s| reveal && s.row.write_only) {
        return Err(Error::PermissionDenied {
            user: v.me().name.clone(),
            lacks: format!("cannot export secret '{}' in clear: it is write-only", wo.row.name),
        });
    }
    // The same env-name policy as `vault run`, whatever the file says: `eval "$(vault export
    // --format shell)"` must not run the code of whoever wrote a name into the file.
    if let Some(bad) = list.iter().find(|s| names::check_env(&s.row.env_name).is_err()) {
        return Err(Error::Usage(format!(
            "secret '{}' would set {}, which vault refuses as an env name; nothing was exported (rename it with \
             `vault secret edit {} --env-name NEW`)",
            names::printable(&bad.row.name),
            names::printable(&bad.row.env_name),
            names::printable(&bad.row.name)
        )));
    }
    Ok(list)
}

pub(super) fn export(ctx: &Ctx, a: ExportArgs) -> Result<()> {
    let scope = a.scope.scope(ctx)?;
    let v = ctx.unlock()?;
    let list = exportable(&v, &scope, a.reveal)?;
    // A dotenv file is read by python-dotenv, Node's dotenv and sh alike only if every value has a
    // quoting all three read back as it is; a value without one stops the export, by name,
    // before anything is revealed or written.
    if a.reveal && matches!(a.format, OutFormat::Dotenv) {
        let unportable: Vec<&str> = list
            .iter()
            .filter(|s| s.value.as_ref().is_some_and(|x| dotenv_quote_for(x.expose()).is_none()))
            .map(|s| s.row.env_name.as_str())
            .collect();
        if !unportable.is_empty() {
            return Err(Error::BadValue(format!(
                "no dotenv quoting reads {} back the same in python-dotenv, Node's dotenv and sh (a value with a \
                 carriage return, a NUL, '${{...}}', '\\\\', a final '\\', or ' with one of \" $ ` \\); nothing was exported. Use --format json, \
                 or --format shell for sh",
                unportable.join(", ")
            )));
        }
    }
    if a.reveal {
        ctx.record_before_reveal()?;
    }
    // One zeroizing buffer, sized up front for the worst case of each format's quoting, so it
    // never grows: a grown buffer would leave the revealed values it held in freed memory.
    let worst: usize = list
        .iter()
        .map(|s| s.row.env_name.len() + 16 + 6 * s.value.as_ref().map_or(MASK.len(), |x| x.expose().len()))
        .sum();
    let mut out = Zeroizing::new(Vec::<u8>::with_capacity(worst + 16));
    match a.format {
        OutFormat::Json => {
            let map: std::collections::BTreeMap<&str, &str> =
                list.iter().map(|s| (s.row.env_name.as_str(), s.value.as_ref().map_or(MASK, |x| x.expose()))).collect();
            serde_json::to_writer_pretty(&mut *out, &map).map_err(|e| Error::io("cannot write JSON", e.into()))?;
            out.push(b'\n');
        }
        OutFormat::Dotenv | OutFormat::Shell => {
            let mut text = Zeroizing::new(String::with_capacity(worst + 16));
            for s in &list {
                let val = s.value.as_ref().map_or(MASK, |x| x.expose());
                if matches!(a.format, OutFormat::Shell) {
                    text.push_str("export ");
                }
                text.push_str(&s.row.env_name);
                text.push('=');
                match a.format {
                    OutFormat::Shell => push_shell_quoted(&mut text, val),
                    _ => {
                        // Checked above for revealed values; `***` always quotes.
                        push_dotenv_quoted(&mut text, val);
                    }
                }
                text.push('\n');
            }
            out.extend_from_slice(text.as_bytes());
        }
    }
    output::plain(&out)?;
    if !a.reveal && !list.is_empty() {
        output::say(ctx.style, Level::Note, "values are masked; pass --reveal to export them");
    }
    Ok(())
}
