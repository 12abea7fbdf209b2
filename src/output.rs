//! Rendering: tables (comfy-table), JSON (serde), times, masking with `***`, and escaping of
//! clear-text fields bound for a terminal. Knows nothing of SQLite or keys.

use std::io::{IsTerminal, Write};

use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;
use time::OffsetDateTime;

/// What a hidden value prints as: fixed width, so it says nothing of the value's length.
pub const MASK: &str = "***";

/// How output should look, decided once from the flags and the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// `--json`: machine output.
    pub json: bool,
    /// `-q`: no confirmations, only requested data.
    pub quiet: bool,
    /// stdout is a terminal (borders, wrapping).
    pub tty: bool,
}

impl Style {
    /// From the global flags and stdout.
    pub fn new(json: bool, quiet: bool) -> Style {
        Style { json, quiet, tty: std::io::stdout().is_terminal() }
    }
}

/// A time as tables show it, UTC: `July 18, 2022, 14:23`.
pub fn table_time(ts: i64) -> String {
    let fmt = time::macros::format_description!("[month repr:long] [day padding:none], [year], [hour]:[minute]");
    OffsetDateTime::from_unix_timestamp(ts).ok().and_then(|t| t.format(&fmt).ok()).unwrap_or_else(|| ts.to_string())
}

/// A time as JSON shows it: RFC 3339, UTC.
pub fn json_time(ts: i64) -> String {
    OffsetDateTime::from_unix_timestamp(ts)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_else(|| ts.to_string())
}

/// Escapes control characters (ANSI escapes included) in clear text that others may have
/// written, so a shared vault cannot drive our terminal.
pub fn clean(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars().map(|c| if c.is_control() { c.escape_default().collect::<String>() } else { c.to_string() }).collect()
}

/// A table with our look: borders on a terminal (unless NO_COLOR... borders carry no colour, so
/// they stay), plain aligned columns when piped.
pub fn table(style: Style, header: &[&str]) -> Table {
    let mut t = Table::new();
    if style.tty {
        t.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        t.load_preset(presets::NOTHING);
    }
    t.set_header(header.iter().copied());
    t
}

/// Prints a table to stdout; a table with no rows prints a note to stderr instead.
pub fn print_table(t: &Table, empty_note: &str) -> std::io::Result<()> {
    if t.row_count() == 0 {
        eprintln!("{empty_note}");
        return Ok(());
    }
    // One buffer, one flush: a 10,000-row listing is a few writes, not one per line.
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    for line in t.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    out.flush()
}

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: Serialize + ?Sized>(v: &T) -> std::io::Result<()> {
    // Serialize first, then write: a closed pipe then surfaces as BrokenPipe (not an error for
    // `vault ... --json | head`), not hidden inside a serde error.
    let mut buf = zeroize::Zeroizing::new(serde_json::to_vec_pretty(v).map_err(std::io::Error::other)?);
    buf.push(b'\n');
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()
}

/// Key/value lines for `show`, aligned.
pub fn print_fields(fields: &[(&str, String)]) -> std::io::Result<()> {
    let width = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for (k, v) in fields {
        writeln!(out, "{:width$}  {}", format!("{k}:"), v, width = width + 1)?;
    }
    out.flush()
}

/// A confirmation on stderr, unless quiet.
pub fn note(style: Style, msg: &str) {
    if !style.quiet {
        eprintln!("{msg}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(table_time(1_658_154_180), "July 18, 2022, 14:23");
        assert_eq!(json_time(1_658_154_180), "2022-07-18T14:23:00Z");
    }

    #[test]
    fn clean_escapes_controls() {
        assert_eq!(clean("ok"), "ok");
        assert_eq!(clean("a\x1b[2Jb\n"), "a\\u{1b}[2Jb\\n");
    }
}
