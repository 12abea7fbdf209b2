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
/// diff, a pager, or, in a partial clone, an ssh command or `ext::` remote that a lazy fetch of
/// a missing object would start. Git reads only local objects here (a missing one is named as
/// unreadable), talks to no remote, and never sees what unlocks the vault.
fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(dir)
        .args(["-c", "core.fsmonitor=false", "-c", "diff.external=", "-c", "core.pager=cat"])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_NO_LAZY_FETCH", "1")
        // Older git without GIT_NO_LAZY_FETCH: no transport is allowed at all.
        .env("GIT_ALLOW_PROTOCOL", "none-allowed")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("GIT_PAGER")
        .stdin(Stdio::null());
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("VAULT_") {
            c.env_remove(name);
        }
    }
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
            let mut found = parse_raw(&diff_tree(dir, &commits)?, false);
            // Commit messages are published with the history.
            for c in String::from_utf8_lossy(&commits).split_whitespace() {
                found.push(Blob { oid: c.to_owned(), commit: Some(c.to_owned()), path: COMMIT_MESSAGE.into() });
            }
            if range.is_none() {
                found.extend(tag_objects(dir)?);
            }
            return Ok(found);
        }
    };
    Ok(parse_raw(&raw, true))
}

/// The files git tracks under `dir` (relative to it), or `None` outside a work tree: a tracked
/// file is published even when a `.gitignore` matches it.
pub fn tracked(dir: &Path) -> Option<Vec<std::path::PathBuf>> {
    let out = git(dir).args(["ls-files", "-z", "--cached"]).stderr(Stdio::null()).output().ok()?;
    if !out.status.success() {
        return None;
    }
    use std::os::unix::ffi::OsStrExt;
    Some(
        out.stdout
            .split(|&b| b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| std::ffi::OsStr::from_bytes(p).into())
            .collect(),
    )
}

/// What a commit's own text (author, message) is named as in findings.
pub const COMMIT_MESSAGE: &str = "(commit message)";

/// Annotated tags (their messages) and refs that point straight at a blob, which no commit
/// reaches.
fn tag_objects(dir: &Path) -> Result<Vec<Blob>> {
    let refs = output(
        git(dir)
            .args(["for-each-ref", "--format=%(objectname) %(objecttype) %(*objectname) %(*objecttype) %(refname)"]),
        "git for-each-ref",
    )?;
    let mut out = Vec::new();
    for line in String::from_utf8_lossy(&refs).lines() {
        let f: Vec<&str> = line.splitn(5, ' ').collect();
        let [oid, kind, peeled, peeled_kind, name] = f.as_slice() else { continue };
        if *kind == "tag" {
            out.push(Blob { oid: (*oid).to_owned(), commit: None, path: format!("(tag {name})") });
        }
        if *kind == "blob" {
            out.push(Blob { oid: (*oid).to_owned(), commit: None, path: format!("({name})") });
        }
        if *peeled_kind == "blob" {
            out.push(Blob { oid: (*peeled).to_owned(), commit: None, path: format!("({name})") });
        }
    }
    Ok(out)
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

/// Streams each object's bytes to `each(blob, size, reader)`, in order, through one
/// `git cat-file --batch`. A reader `each` leaves unfinished is drained before the next.
/// Returns the objects git could not read, with what it said; the others are still read.
pub fn read_blobs(
    dir: &Path,
    blobs: &[Blob],
    mut each: impl FnMut(&Blob, u64, &mut dyn Read) -> Result<()>,
) -> Result<Vec<(Blob, String)>> {
    let mut unreadable = Vec::new();
    if blobs.is_empty() {
        return Ok(unreadable);
    }
    let mut child = git(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
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
            if out.read_line(&mut header).map_err(failed)? == 0 {
                unreadable.push((blob.clone(), "git cat-file stopped".to_owned()));
                continue;
            }
            // `OID TYPE SIZE`, or `OID missing` (an object a partial clone does not have).
            let size = match header.trim_end().split(' ').collect::<Vec<_>>().as_slice() {
                [_, "blob" | "commit" | "tag", size] => size.parse::<u64>().ok(),
                _ => None,
            };
            let Some(size) = size else {
                unreadable.push((blob.clone(), format!("git: {}", header.trim())));
                continue;
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
    result.map(|()| unreadable)
}

/// How a blob is named in findings and warnings: `COMMIT:PATH` (git's name for it).
pub fn shown(blob: &Blob) -> String {
    shown_at(blob.commit.as_deref(), &blob.path)
}

/// `COMMIT:PATH` with the commit's first 12 digits, or PATH.
pub fn shown_at(commit: Option<&str>, path: &str) -> String {
    match commit {
        Some(c) => format!("{}:{path}", &c[..c.len().min(12)]),
        None => path.to_owned(),
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
