//! `vault scan`: finds the values of your secrets in files, folders, stdin or git history before
//! they are published, and says where and whose, never the value.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Ctx;
use crate::mask::Masker;
use crate::output::{self, Level};
use crate::scan::{self, git, walk, Hit, Hits};
use crate::vault::{RunSecret, Scope};
use crate::{Error, Result};

/// `vault scan`
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
vault scan                                  # the current folder, every project you can read\n  \
vault scan src notebooks --project ml-pipeline\n  \
vault scan --git                            # every blob in the history of every branch and tag\n  \
vault scan --git origin/main..HEAD          # the commits about to be pushed\n  \
vault scan --staged                         # what the next commit holds (a pre-commit hook)\n  \
kubectl logs deploy/api | vault scan -\n  \
vault scan --format sarif > vault.sarif\n\n\
Looks for every value of the projects named (default: every project you can read and your\n\
private secrets), write-only ones included, as itself, each line of a multi-line value, base64\n\
and URL-safe base64 at any alignment, percent-, JSON- and hex-encoded. A finding prints as\n\
PATH:LINE:COLUMN: SECRET (PROJECT, FORM): never the value or a part of it. Columns count bytes.\n\
In git history PATH is COMMIT:PATH, the commit that added the blob; commit messages, annotated\n\
tags and refs to blobs are read too. In a notebook (.ipynb) the JSON strings are decoded and the\n\
finding names the cell. Values shorter than 4 characters cannot be looked for and are named in\n\
a warning. At most 1000 findings are listed per file; the rest are counted.\n\n\
What is read: hidden files yes, .git folders no (use --git), paths a work tree's .gitignore\n\
ignores no unless git tracks them (--no-ignore reads them all), symbolic links inside folders\n\
no (a link you name yes), FIFOs and devices no, binary files yes, files of any size (memory\n\
stays bounded; --max-size skips larger ones, named).\n\n\
Exit code: 0 nothing found, 1 values found or something could not be read (named on stderr),\n\
2 bad arguments or no value to look for, 3 a path that does not exist, 5 wrong passphrase,\n\
6 a project you may not read.")]
pub struct ScanArgs {
    /// Files and folders to scan, '-' for stdin [default: .]
    #[arg(value_name = "PATH", conflicts_with_all = ["git", "staged"])]
    pub paths: Vec<PathBuf>,
    /// Look for the secrets of project P (repeatable) [default: every project you can read,
    /// and your private secrets]
    #[arg(long, short = 'p', value_name = "P")]
    pub project: Vec<String>,
    /// Look for your private secrets (with --project: as well; alone: only them)
    #[arg(long)]
    pub private: bool,
    /// Scan every blob in the git history of the current repository: of all refs, or of the
    /// commits in REV-RANGE (as `git rev-list` reads it, e.g. main..HEAD)
    #[arg(long, value_name = "REV-RANGE", num_args = 0..=1, default_missing_value = "", conflicts_with = "staged")]
    pub git: Option<String>,
    /// Scan what is staged for the next commit (for a pre-commit hook)
    #[arg(long)]
    pub staged: bool,
    /// Read paths that .gitignore files ignore, too
    #[arg(long)]
    pub no_ignore: bool,
    /// Skip files larger than SIZE: bytes, or with a K, M or G suffix [default: no limit]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,
    /// Output: text lines, JSON (same as --json), or SARIF 2.1.0 for code-scanning tools
    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    pub format: ScanFormat,
}

/// `vault scan --format`
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    Text,
    Json,
    Sarif,
}

fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let (digits, mult) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1u64 << 10),
        Some((i, 'm' | 'M')) => (&s[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("'{s}' is not a size (bytes, or a number with K, M or G)"))
}

/// What is scanned, decided before the vault is opened.
enum Input {
    Paths(walk::Walk),
    Stdin,
    Git(Vec<git::Blob>),
}

/// One finding, as printed. Names and places only.
#[derive(Debug, Serialize)]
struct Finding {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<String>,
    line: u64,
    column: u64,
    secret: String,
    project: String,
    form: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
}

/// The description of the whole scan, for `--json`.
#[derive(Debug, Serialize)]
struct Report<'a> {
    findings: &'a [Finding],
    scanned: Scanned,
    skipped: Vec<Skipped>,
    unreadable: Vec<Skipped>,
    not_looked_for: &'a [String],
    /// Files with more than `scan::MAX_HITS` findings: how many more each has.
    not_listed: Vec<NotListed>,
}

#[derive(Debug, Serialize)]
struct NotListed {
    path: String,
    more: u64,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
struct Scanned {
    files: u64,
    bytes: u64,
}

#[derive(Debug, Serialize)]
struct Skipped {
    path: String,
    reason: String,
}

pub(super) fn scan(ctx: &Ctx, a: ScanArgs) -> Result<ExitCode> {
    // Everything that can be checked without the vault, before asking for a passphrase.
    for p in &a.project {
        crate::vault::names::check("project", p)?;
    }
    let here = Path::new(".");
    let input = if a.staged {
        Input::Git(git::blobs(here, &git::Source::Staged)?)
    } else if let Some(range) = &a.git {
        Input::Git(git::blobs(here, &git::Source::History(Some(range.clone()).filter(|r| !r.is_empty())))?)
    } else if a.paths.iter().any(|p| p.as_os_str() == "-") {
        if a.paths.len() > 1 {
            return Err(Error::Usage("'-' (stdin) cannot be scanned together with other paths".into()));
        }
        Input::Stdin
    } else {
        let roots = if a.paths.is_empty() { vec![PathBuf::from(".")] } else { a.paths.clone() };
        Input::Paths(walk::walk(&roots, !a.no_ignore, a.max_size)?)
    };

    let v = ctx.unlock()?;
    let mut scopes: Vec<Scope> = a.project.iter().cloned().map(Scope::Project).collect();
    if a.project.is_empty() && !a.private {
        scopes.extend(v.list_projects()?.into_iter().map(|p| Scope::Project(p.row.name)));
    }
    if a.private || a.project.is_empty() {
        scopes.push(Scope::Private);
    }
    let mut secrets: Vec<RunSecret> = Vec::new();
    for scope in &scopes {
        for s in v.scan_secrets(scope)? {
            // A shared secret accepted into several projects is one secret.
            if !secrets.iter().any(|t| t.project == s.project && t.name == s.name) {
                secrets.push(s);
            }
        }
    }
    // No read snapshot held open for the length of the scan.
    v.shared_store().end_read();
    drop(v);

    let values: Vec<&[u8]> = secrets.iter().map(|s| s.value.expose().as_bytes()).collect();
    let (masker, short) = Masker::new(&values);
    drop(values);
    if masker.is_empty() {
        // Nothing to look for is no clean result.
        return Err(Error::Usage(format!(
            "no secret values to look for: the projects scanned hold {} secret(s), none of {} characters or more",
            secrets.len(),
            crate::mask::MIN_MASK_LEN
        )));
    }
    let not_looked_for: Vec<String> = short.iter().map(|&i| secrets[i].name.clone()).collect();
    if !not_looked_for.is_empty() {
        output::say(
            ctx.style,
            Level::Warning,
            format!(
                "values shorter than {} characters cannot be looked for: {}",
                crate::mask::MIN_MASK_LEN,
                not_looked_for.iter().map(|n| output::clean(n)).collect::<Vec<_>>().join(", ")
            ),
        );
    }
    let name_of = |h: &Hit| (secrets[h.value].name.clone(), secrets[h.value].project.clone());

    let mut findings: Vec<Finding> = Vec::new();
    let mut scanned = Scanned::default();
    let mut skipped = Vec::new();
    let mut unreadable = Vec::new();
    let mut not_listed = Vec::new();
    let finding = |path: String, commit: Option<String>, h: Hit| {
        let (secret, project) = name_of(&h);
        Finding { path, commit, line: h.line, column: h.column, secret, project, form: h.form.as_str(), cell: h.place }
    };
    let mut add = |findings: &mut Vec<Finding>, path: String, commit: Option<String>, hits: Hits| {
        if hits.more > 0 {
            not_listed.push(NotListed { path: git::shown_at(commit.as_deref(), &path), more: hits.more });
        }
        findings.extend(hits.list.into_iter().map(|h| finding(path.clone(), commit.clone(), h)));
    };
    let style = ctx.style.with_json(a.format == ScanFormat::Json);
    let bar = |len: u64, what: &str| {
        let quiet = output::Style { quiet: style.quiet || a.format == ScanFormat::Sarif, ..style };
        output::progress(quiet, len, &format!("scanning {what} {{bar:40}} {{percent}}% {{eta}}"))
    };
    match input {
        Input::Stdin => {
            let mut hits = Hits::default();
            let n = scan::scan_stream(&masker, std::io::stdin().lock(), None, &mut hits)
                .map_err(|e| Error::io("cannot read stdin", e))?;
            scanned = Scanned { files: 1, bytes: n };
            add(&mut findings, "-".into(), None, hits);
        }
        Input::Git(blobs) => {
            let total: u64 = blobs.len() as u64;
            let bar = bar(total, "blobs");
            let missing = git::read_blobs(here, &blobs, |blob, size, r| {
                let mut hits = Hits::default();
                let n = scan::scan_named(&masker, &blob.path, Some(size), r, &mut hits)
                    .map_err(|e| Error::io(format!("cannot read {} from git", git::shown(blob)), e))?;
                scanned.files += 1;
                scanned.bytes += n;
                add(&mut findings, blob.path.clone(), blob.commit.clone(), hits);
                if let Some(b) = &bar {
                    b.inc(1);
                }
                Ok(())
            })?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            unreadable.extend(missing.into_iter().map(|(b, why)| Skipped { path: git::shown(&b), reason: why }));
        }
        Input::Paths(w) => {
            let total = w.files.iter().map(|(_, s)| s).sum();
            let bar = bar(total, "files");
            let results = scan_files(&masker, &w.files, bar.as_ref());
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            for ((path, _), result) in w.files.iter().zip(results) {
                match result {
                    Ok((n, hits)) => {
                        scanned.files += 1;
                        scanned.bytes += n;
                        add(&mut findings, walk::shown(path), None, hits);
                    }
                    Err(e) => unreadable.push(Skipped { path: walk::shown(path), reason: e }),
                }
            }
            skipped =
                w.skipped.iter().map(|(p, why)| Skipped { path: walk::shown(p), reason: (*why).into() }).collect();
            unreadable.extend(w.unreadable.iter().map(|(p, e)| Skipped { path: walk::shown(p), reason: e.clone() }));
        }
    }
    drop(masker);
    drop(secrets);

    let report =
        Report { findings: &findings, scanned, skipped, unreadable, not_looked_for: &not_looked_for, not_listed };
    print(style, a.format == ScanFormat::Sarif, &report)?;
    if !findings.is_empty() {
        return Ok(ExitCode::from(1));
    }
    if !report.unreadable.is_empty() {
        return Err(Error::Io {
            context: format!("{} file(s) could not be read; the scan is incomplete", report.unreadable.len()),
            source: std::io::Error::other("see the warnings above"),
        });
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads the files on every core; returns, for each in order, its bytes and hits or why it
/// could not be read.
type FileResult = std::result::Result<(u64, Hits), String>;

fn scan_files(masker: &Masker, files: &[(PathBuf, u64)], bar: Option<&indicatif::ProgressBar>) -> Vec<FileResult> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<FileResult>>> = Mutex::new((0..files.len()).map(|_| None).collect());
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len()).max(1);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((path, size)) = files.get(i) else { break };
                let r = scan_file(masker, path);
                if let Some(b) = bar {
                    b.inc(*size);
                }
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().map(|r| r.expect("every file")).collect()
}

fn scan_file(masker: &Masker, path: &Path) -> FileResult {
    use std::os::unix::fs::OpenOptionsExt;
    // Not blocked by a FIFO put where a file was: opened without waiting, then refused.
    let f =
        std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path).map_err(|e| e.to_string())?;
    let meta = f.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file (use '-' to scan a stream)".into());
    }
    let size = Some(meta.len());
    let mut hits = Hits::default();
    let name = path.to_string_lossy();
    let n = scan::scan_named(masker, &name, size, f, &mut hits).map_err(|e| e.to_string())?;
    Ok((n, hits))
}

fn print(style: output::Style, sarif_out: bool, r: &Report<'_>) -> Result<()> {
    for s in &r.unreadable {
        output::warn(format!("cannot read {}: {}", output::clean(&s.path), output::clean(&s.reason)));
    }
    if sarif_out {
        let text = serde_json::to_string_pretty(&sarif(r.findings)).expect("serializable") + "\n";
        return output::plain(text.as_bytes());
    }
    output::show(
        style,
        || r,
        || {
            let mut text = String::new();
            for f in r.findings {
                let path = git::shown_at(f.commit.as_deref(), &f.path);
                let cell = f.cell.as_deref().map(|c| format!(", {c}")).unwrap_or_default();
                text.push_str(&format!(
                    "{}:{}:{}: {} ({}, {}{cell})\n",
                    output::cleaned(&path),
                    f.line,
                    f.column,
                    output::cleaned(&f.secret),
                    output::cleaned(&f.project),
                    f.form
                ));
            }
            output::Text::Plain(text, None)
        },
    )?;
    if !r.skipped.is_empty() {
        let names: Vec<String> =
            r.skipped.iter().map(|s| format!("{} ({})", output::clean(&s.path), s.reason)).collect();
        output::say(style, Level::Note, format!("skipped {}: {}", names.len(), names.join(", ")));
    }
    for n in &r.not_listed {
        output::say(
            style,
            Level::Warning,
            format!(
                "{}: {} more finding(s) not listed (at most {} a file)",
                output::clean(&n.path),
                n.more,
                scan::MAX_HITS
            ),
        );
    }
    let size = human_bytes(r.scanned.bytes);
    if r.findings.is_empty() {
        output::done(style, &format!("no secret values found in {} file(s), {size}", r.scanned.files));
    } else {
        let files: std::collections::BTreeSet<(&Option<String>, &str)> =
            r.findings.iter().map(|f| (&f.commit, f.path.as_str())).collect();
        output::say(
            style,
            Level::Warning,
            format!(
                "{} secret value(s) found in {} of {} file(s) scanned ({size})",
                r.findings.len() as u64 + r.not_listed.iter().map(|n| n.more).sum::<u64>(),
                files.len(),
                r.scanned.files
            ),
        );
    }
    Ok(())
}

fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 30 => format!("{:.1} GiB", n as f64 / f64::from(1u32 << 30)),
        n if n >= 1 << 20 => format!("{:.1} MiB", n as f64 / f64::from(1u32 << 20)),
        n if n >= 1 << 10 => format!("{:.1} KiB", n as f64 / 1024.0),
        n => format!("{n} bytes"),
    }
}

/// SARIF 2.1.0 (what GitHub code scanning and other tools read): one rule, one result per
/// finding, with the file, line and column; the commit of a git finding in its properties.
fn sarif(findings: &[Finding]) -> serde_json::Value {
    let results: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let mut message =
                format!("The value of secret {} (project {}) is here, {} form", f.secret, f.project, f.form);
            if let Some(c) = &f.commit {
                message.push_str(&format!(", in commit {c}"));
            }
            if let Some(c) = &f.cell {
                message.push_str(&format!(", {c}"));
            }
            let mut result = serde_json::json!({
                "ruleId": "vault/secret-value",
                "level": "error",
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&f.path) },
                        "region": { "startLine": f.line, "startColumn": f.column }
                    }
                }],
                "properties": { "secret": f.secret, "project": f.project, "form": f.form }
            });
            if let Some(c) = &f.commit {
                result["properties"]["commit"] = c.clone().into();
            }
            result
        })
        .collect();
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "vault",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": [{
                    "id": "vault/secret-value",
                    "name": "SecretValue",
                    "shortDescription": { "text": "The value of a secret kept in vault" },
                    "fullDescription": { "text": "A value stored in vault, or an encoding of it (base64, percent, JSON, hex), appears in the file. Rotate the secret and remove it from the file and its history." },
                    "defaultConfiguration": { "level": "error" }
                }]
            }},
            "results": results
        }]
    })
}

/// A relative path as a URI reference: bytes outside the unreserved set and `/` percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
