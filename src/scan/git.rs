//! Git history and the index, through the `git` command: which blobs a range of commits added
//! (`git rev-list | git diff-tree --stdin`), or which the index holds for the next commit
//! (`git diff --cached`), and their bytes (`git cat-file --batch`), streamed.
//!
//! Each blob is read once, however many commits or paths hold it, and named by the oldest
//! commit (in `rev-list --reverse` order) and path that added it: `COMMIT:PATH`, git's own name
//! for a file at a commit (`git show COMMIT:PATH`). Merge commits are compared with each parent,
//! so a value that only a merge brought in is found too. Submodules (gitlinks) are not entered.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::{Error, Result};

/// A blob to scan and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blob {
    pub oid: String,
    /// The commit that added it (none for the index).
    pub commit: Option<String>,
    pub path: String,
}

/// What the scan covers.
#[derive(Debug, Clone)]
pub enum Source {
    /// Commits of a `git rev-list` range (`main..HEAD`); `None`: every ref (`--all`).
    History(Option<String>),
    /// The index: what the next commit would contain (for a pre-commit hook).
    Staged,
}

/// `git` in `dir`, with nothing a repository's own config could make it run: the repository
/// being scanned may come from someone else (a tarball, a shared folder), and its
/// `.git/config` could name an fsmonitor hook (which `git diff --cached` runs), an external
/// diff or a pager.
fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(dir)
        .args(["-c", "core.fsmonitor=false", "-c", "diff.external=", "-c", "core.pager=cat"])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("GIT_PAGER")
        .stdin(Stdio::null());
    c
}

fn spawn_failed(e: std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            Error::Usage("--git and --staged need the `git` command, which is not on PATH".into())
        }
        _ => Error::io("cannot start git", e),
    }
}

/// Runs git and returns its stdout; its stderr becomes the error.
fn output(c: &mut Command, what: &str) -> Result<Vec<u8>> {
    let out = c.stderr(Stdio::piped()).output().map_err(spawn_failed)?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        let msg = crate::output::clean(msg.trim());
        return Err(Error::Usage(format!("{what}: {msg}")));
    }
    Ok(out.stdout)
}

/// The blobs `source` covers in the repository at `dir`, each once, in the order found.
pub fn blobs(dir: &Path, source: &Source) -> Result<Vec<Blob>> {
    output(git(dir).args(["rev-parse", "--git-dir"]), "not a git repository")?;
    let raw = match source {
        Source::Staged => output(
            git(dir).args([
                "diff",
                "--cached",
                "--raw",
                "-z",
                "--no-renames",
                "--no-abbrev",
                "--no-ext-diff",
                "--no-textconv",
                "--diff-filter=d",
            ]),
            "git diff --cached",
        )?,
        Source::History(range) => {
            if range.as_deref().is_some_and(|r| r.starts_with('-')) {
                return Err(Error::Usage(format!(
                    "'{}' is not a revision range",
                    crate::output::clean(range.as_deref().unwrap_or_default())
                )));
            }
            let mut list = git(dir);
            list.args(["rev-list", "--reverse"]);
            match range {
                Some(r) => list.args(["--end-of-options", r]),
                None => list.arg("--all"),
            };
            let commits = output(&mut list, "git rev-list")?;
            if commits.is_empty() {
                return Ok(Vec::new());
            }
            diff_tree(dir, &commits)?
        }
    };
    Ok(parse_raw(&raw, matches!(source, Source::Staged)))
}

/// `git diff-tree --stdin` over a list of commits: each commit id, then the files it changed.
fn diff_tree(dir: &Path, commits: &[u8]) -> Result<Vec<u8>> {
    let mut child = git(dir)
        .args(["diff-tree", "--stdin", "-r", "-z", "--root", "-m", "--no-renames", "--no-abbrev", "--diff-filter=d"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(spawn_failed)?;
    let mut stdin = child.stdin.take().expect("piped");
    let commits = commits.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&commits));
    let out = child.wait_with_output().map_err(|e| Error::io("git diff-tree", e))?;
    let _ = feeder.join();
    if !out.status.success() {
        let msg = crate::output::clean(String::from_utf8_lossy(&out.stderr).trim());
        return Err(Error::Usage(format!("git diff-tree: {msg}")));
    }
    Ok(out.stdout)
}

/// Reads `--raw -z` output: `:MODE MODE OID OID STATUS\0PATH\0` entries, after a `COMMIT\0`
/// line for each commit when `staged` is false.
fn parse_raw(raw: &[u8], staged: bool) -> Vec<Blob> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut commit: Option<String> = None;
    let mut fields = raw.split(|&b| b == 0).filter(|f| !f.is_empty());
    while let Some(f) = fields.next() {
        let f = String::from_utf8_lossy(f);
        if let Some(entry) = f.strip_prefix(':') {
            let Some(path) = fields.next() else { break };
            let parts: Vec<&str> = entry.split(' ').collect();
            let [_, new_mode, _, oid, _] = parts.as_slice() else { continue };
            // Gitlinks (submodules) are commits of another repository; a deleted file has none.
            if *new_mode == "160000" || oid.bytes().all(|b| b == b'0') {
                continue;
            }
            if seen.insert(oid.to_string()) {
                out.push(Blob {
                    oid: oid.to_string(),
                    commit: commit.clone().filter(|_| !staged),
                    path: String::from_utf8_lossy(path).into_owned(),
                });
            }
        } else {
            commit = Some(f.into_owned());
        }
    }
    out
}

/// Streams each blob's bytes to `each(blob, size, reader)`, in order, through one
/// `git cat-file --batch`. A reader `each` leaves unfinished is drained before the next.
pub fn read_blobs(
    dir: &Path,
    blobs: &[Blob],
    mut each: impl FnMut(&Blob, u64, &mut dyn Read) -> Result<()>,
) -> Result<()> {
    if blobs.is_empty() {
        return Ok(());
    }
    let mut child = git(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(spawn_failed)?;
    let mut stdin = child.stdin.take().expect("piped");
    let ids: Vec<u8> = blobs.iter().flat_map(|b| format!("{}\n", b.oid).into_bytes()).collect();
    let feeder = std::thread::spawn(move || stdin.write_all(&ids));
    let mut out = BufReader::with_capacity(super::CHUNK, child.stdout.take().expect("piped"));
    let failed = |e: std::io::Error| Error::io("cannot read from git cat-file", e);
    let result = (|| {
        for blob in blobs {
            let mut header = String::new();
            out.read_line(&mut header).map_err(failed)?;
            let size: u64 = match header.trim_end().split(' ').collect::<Vec<_>>().as_slice() {
                [_, "blob", size] => size.parse().map_err(|_| Error::Corrupt(format!("git cat-file said {header}")))?,
                _ => {
                    return Err(Error::Usage(format!(
                        "git cannot read blob {} ({}): {}",
                        blob.oid,
                        blob.path,
                        crate::output::clean(header.trim())
                    )))
                }
            };
            let mut body = (&mut out).take(size);
            each(blob, size, &mut body)?;
            std::io::copy(&mut body, &mut std::io::sink()).map_err(failed)?;
            let mut newline = [0u8; 1];
            out.read_exact(&mut newline).map_err(failed)?;
        }
        Ok(())
    })();
    drop(out);
    let _ = feeder.join();
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// How a blob is named in findings.
pub fn shown(blob: &Blob) -> String {
    match &blob.commit {
        Some(c) => format!("{}:{}", &c[..c.len().min(12)], blob.path),
        None => blob.path.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_raw_entries_once_per_blob() {
        let z = "0".repeat(40);
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        let raw = format!(
            "c1\0:000000 100644 {z} {a} A\0one.txt\0c2\0:100644 100644 {a} {b} M\0one.txt\0\
             :000000 100644 {z} {a} A\0copy.txt\0:000000 160000 {z} {b} A\0sub\0:100644 000000 {b} {z} D\0gone\0"
        );
        let blobs = parse_raw(raw.as_bytes(), false);
        assert_eq!(
            blobs,
            vec![
                Blob { oid: a.clone(), commit: Some("c1".into()), path: "one.txt".into() },
                Blob { oid: b.clone(), commit: Some("c2".into()), path: "one.txt".into() },
            ]
        );
    }
}
