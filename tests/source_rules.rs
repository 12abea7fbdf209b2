//! Rules of the code base that a review asked for (issue 18), checked on the source so that a
//! change that breaks one fails here instead of waiting for the next review.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `.rs` file under `src/`, relative to the crate root, with its text.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    assert!(files.len() > 20, "found only {} source files", files.len());
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.strip_prefix(root).unwrap().display().to_string(), text)
        })
        .collect()
}

/// Lines of code, comments left out (a doc comment may name what the code must not do).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| !l.trim_start().starts_with("//"))
}

fn offenders(files: &[(String, String)], allowed: impl Fn(&str) -> bool, bad: impl Fn(&str) -> bool) -> Vec<String> {
    files
        .iter()
        .filter(|(path, _)| !allowed(path))
        .flat_map(|(path, text)| code_lines(text).filter(|(_, l)| bad(l)).map(move |(n, l)| format!("{path}:{n}: {l}")))
        .collect()
}

#[test]
fn commands_hand_what_they_show_to_output() {
    // One output path: no command decides between JSON and text, or writes to stdout or
    // stderr itself, or spells a `vault: warning:` prefix; `output` does all of that.
    let files = sources();
    let found = offenders(
        &files,
        |path| path == "src/output.rs",
        |l| {
            l.contains("style.json")
                || l.contains("println!")
                || l.contains("print!(")
                || l.contains("\"vault: warning")
                || l.contains("\"vault: note")
                || l.contains("\"vault: hint")
                || l.contains("\"vault: error")
        },
    );
    // A prompt is written to the terminal where it is asked (context.rs), not output.
    let found: Vec<_> = found.into_iter().filter(|l| !l.contains("eprint!(\"Delete {what}?")).collect();
    assert!(found.is_empty(), "output outside src/output.rs:\n{}", found.join("\n"));
}

#[test]
fn unsafe_code_lives_in_sys_only() {
    let files = sources();
    let found = offenders(&files, |path| path == "src/sys.rs", |l| l.contains("unsafe"));
    assert!(found.is_empty(), "unsafe outside src/sys.rs:\n{}", found.join("\n"));
}

#[test]
fn hashes_macs_and_signatures_go_through_crypto() {
    let files = sources();
    let found = offenders(
        &files,
        |path| path.starts_with("src/crypto/"),
        |l| {
            l.contains("sha2::")
                || l.contains("hmac::")
                || l.contains("ed25519_dalek")
                || l.contains("Hmac<")
                || l.contains("subtle::")
        },
    );
    assert!(found.is_empty(), "crypto outside src/crypto/:\n{}", found.join("\n"));
}

#[test]
fn sql_lives_in_store_only() {
    // The layers above the store speak in rows and calls, never in SQL or to a database
    // driver. (`src/error.rs` names the SQLite driver's error type only to map it to an exit
    // code.)
    let files = sources();
    let driver = offenders(
        &files,
        |path| path.starts_with("src/store/") || path == "src/error.rs",
        |l| l.contains("rusqlite") || l.contains("tokio_postgres") || l.contains("postgres::"),
    );
    let sql = offenders(
        &files,
        |path| path.starts_with("src/store/"),
        |l| {
            ["SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "PRAGMA "]
                .iter()
                .any(|k| l.contains(&format!("\"{k}")))
        },
    );
    let found = [driver, sql].concat();
    assert!(found.is_empty(), "SQL outside src/store/:\n{}", found.join("\n"));
}
