//! Which files a scan of paths reads. The choices, each tested (tests/scan.rs):
//! - Hidden files are read (`.env` is the first place a value leaks to); `.git` folders are not
//!   (`--git` scans history).
//! - Inside a git work tree, paths that its `.gitignore` files (and `.git/info/exclude`) ignore
//!   are skipped: they are not published. A file git tracks is read even if a `.gitignore`
//!   matches it (it is published), and a `.gitignore` outside the work tree, or anywhere when
//!   there is no work tree, counts for nothing. `--no-ignore` reads everything. A path named on
//!   the command line is always read.
//! - Symbolic links found inside a folder are not followed: one pointing out of the tree would
//!   scan what is not part of it, one pointing inside names a file scanned anyway. A link named
//!   on the command line is followed.
//! - Binary files are read like text: a value compiled or pickled into one is still there.
//! - A file larger than `--max-size` is skipped and named; there is no limit by default, and
//!   memory stays bounded whatever the size.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to read, with their sizes, in path order.
    pub files: Vec<(PathBuf, u64)>,
    /// Files passed over, with why (`symlink`, `over --max-size`), in path order.
    pub skipped: Vec<(PathBuf, &'static str)>,
    /// Paths that could not be listed, with the error.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Lists the files under `roots`.
pub fn walk(roots: &[PathBuf], ignore_files: bool, max_size: Option<u64>) -> Result<Walk> {
    let mut w = Walk::default();
    for root in roots {
        let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                Error::NotFound { kind: "path", name: root.display().to_string(), scope: None }
            }
            _ => Error::io(format!("cannot read {}", root.display()), e),
        })?;
        if !meta.is_dir() {
            add(&mut w, root.clone(), meta.len(), max_size);
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .hidden(false)
            .ignore(false)
            .parents(ignore_files)
            .git_ignore(ignore_files)
            .git_global(false)
            .git_exclude(ignore_files)
            .require_git(true)
            .follow_links(false)
            .filter_entry(|e| !(e.file_name() == ".git" && e.file_type().is_some_and(|t| t.is_dir())))
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        let first = w.files.len();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = error_path(&e).unwrap_or_else(|| root.clone());
                    w.unreadable.push((path, e.to_string()));
                    continue;
                }
            };
            let Some(t) = entry.file_type() else { continue };
            if t.is_symlink() {
                w.skipped.push((entry.into_path(), "symbolic link"));
            } else if t.is_file() {
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                add(&mut w, entry.into_path(), size, max_size);
            }
        }
        if ignore_files {
            // Tracked files the ignore rules hid: git publishes them all the same.
            let seen: std::collections::HashSet<PathBuf> = w.files[first..].iter().map(|(p, _)| p.clone()).collect();
            for rel in super::git::tracked(root).unwrap_or_default() {
                let path = root.join(rel);
                if seen.contains(&path) || path.components().any(|c| c.as_os_str() == ".git") {
                    continue;
                }
                match std::fs::symlink_metadata(&path) {
                    Ok(m) if m.is_file() => add(&mut w, path, m.len(), max_size),
                    _ => {}
                }
            }
            w.files[first..].sort();
        }
    }
    Ok(w)
}

fn add(w: &mut Walk, path: PathBuf, size: u64, max_size: Option<u64>) {
    if max_size.is_some_and(|max| size > max) {
        w.skipped.push((path, "over --max-size"));
    } else {
        w.files.push((path, size));
    }
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        _ => None,
    }
}

/// How a path is shown: as given, without a leading `./`.
pub fn shown(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").map_or_else(|| s.clone().into_owned(), str::to_owned)
}
