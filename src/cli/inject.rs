//! `vault inject`: renders a template with secrets in it, to stdout or to a file only you can
//! read. Every reference is checked (its name, that it exists, that you may reveal it) before
//! anything is written, and each value rendered is an audit event first.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use clap::Args;
use zeroize::Zeroizing;

use super::secret::ScopeArgs;
use super::Ctx;
use crate::template::{self, Reference};
use crate::vault::audit::EventSpec;
use crate::vault::{names, Scope, SecretValue};
use crate::{output, Error, Result};

/// `vault inject`
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
vault inject app.conf.tpl --out app.conf\n  \
vault inject config.yaml.tpl --project ml-pipeline > config.yaml\n  \
printf 'url: postgres://app:{{ vault://db/PASSWORD }}@db/app\\n' | vault inject -\n\n\
A reference is {{ vault://PROJECT/SECRET }}, or {{ vault://SECRET }} for a secret of the project\n\
given by --project (or --private). Blanks inside the braces are allowed; any other {{ ... }} is\n\
left as it is, so Jinja, Helm and Go templates pass through. Every reference is checked before\n\
anything is written: an unknown secret is exit 3 naming it, a write-only one exit 6, a broken\n\
reference exit 2 naming its line. Each value rendered is an audit event (`inject reveal`).\n\
--out writes the file atomically with mode 0600; without it the result goes to stdout.")]
pub struct InjectArgs {
    /// The template ('-' for stdin)
    pub template: PathBuf,
    /// Project of references without one ({{ vault://SECRET }})
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Write the result to FILE (mode 0600, replaced atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Largest template: 16 MiB.
const MAX_TEMPLATE: u64 = 16 * 1024 * 1024;

pub(super) fn inject(ctx: &Ctx, a: InjectArgs) -> Result<()> {
    // Everything that can be checked without the vault, before asking for a passphrase.
    let text = super::io::read_limited(&a.template, MAX_TEMPLATE, "16 MiB")?;
    let pieces = template::parse(&text)?;
    let refs = template::references(&pieces);
    let scope_of = |r: &Reference| match &r.project {
        Some(p) => Ok(Scope::Project(p.clone())),
        None => a.scope.scope(ctx),
    };
    for (r, line) in &refs {
        let named = |e: Error| match e {
            Error::InvalidName { kind, name, reason } => {
                let r = names::printable(&r.to_string());
                Error::Usage(format!("template line {line}: invalid {kind} name '{name}' in {r}: {reason}"))
            }
            other => other,
        };
        if let Some(p) = &r.project {
            names::check("project", p).map_err(named)?;
        }
        names::check("secret", &r.secret).map_err(named)?;
        scope_of(r)?;
    }
    if let Some(out) = &a.out {
        check_out(out)?;
    }

    let v = ctx.unlock()?;
    // Every value first, in the template's order: an unknown or write-only one stops the
    // command before anything is recorded as revealed or written.
    let mut values: Vec<(&Reference, SecretValue, String)> = Vec::with_capacity(refs.len());
    for (r, _) in &refs {
        let scope = scope_of(r)?;
        let s = v.get_secret(&scope, &r.secret, true)?;
        let value =
            s.value.ok_or_else(|| Error::Corrupt(format!("secret '{}' came back without its value", r.secret)))?;
        values.push((r, value, s.project));
    }
    let events: Vec<EventSpec> = values
        .iter()
        .map(|(r, _, project)| EventSpec {
            action: "inject reveal".into(),
            project: project.clone(),
            resource: r.secret.clone(),
        })
        .collect();
    ctx.record_each_before_reveal(&events)?;

    let value_of = |r: &Reference| {
        values.iter().find(|(k, _, _)| *k == r).map_or(&[][..], |(_, value, _)| value.expose().as_bytes())
    };
    let mut rendered = Zeroizing::new(Vec::with_capacity(template::rendered_len(&pieces, value_of)));
    template::render(&text, &pieces, value_of, &mut rendered);
    match &a.out {
        None => output::plain(&rendered),
        Some(out) => {
            write_private(out, &rendered)?;
            output::done(ctx.style, &format!("wrote {} ({} secret(s), mode 0600)", out.display(), values.len()));
            Ok(())
        }
    }
}

/// Refuses an output path that cannot be written before any value is read: a missing folder or
/// a folder in the file's place.
fn check_out(out: &Path) -> Result<()> {
    let parent = folder_of(out);
    if !parent.is_dir() {
        return Err(Error::Usage(format!(
            "cannot write {}: folder {} does not exist",
            out.display(),
            parent.display()
        )));
    }
    if out.is_dir() {
        return Err(Error::Usage(format!("cannot write {}: it is a folder", out.display())));
    }
    Ok(())
}

fn folder_of(out: &Path) -> &Path {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `out` as a new file of mode 0600 that replaces `out` in one rename: a
/// reader sees the old file or the whole new one, never a part, and never one others can read.
/// The temporary file is created exclusively (no file or link of that name is followed) and
/// removed if anything fails.
fn write_private(out: &Path, bytes: &[u8]) -> Result<()> {
    let parent = folder_of(out);
    let name = out.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = parent.join(format!(".{name}.vault-{}-{}", std::process::id(), crate::crypto::random_id()));
    let failed = |e: std::io::Error| Error::io(format!("cannot write {}", out.display()), e);
    let written = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, out)?;
        // The rename itself, durable.
        std::fs::File::open(parent)?.sync_all()
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(failed)
}
