//! Rendering: tables (comfy-table), JSON (serde), times, masking with `***`, and escaping of
//! clear-text fields bound for a terminal. Knows nothing of SQLite or keys.

use std::cell::RefCell;
use std::io::{IsTerminal, Write};

use comfy_table::{presets, ContentArrangement};
use serde::Serialize;
use time::OffsetDateTime;
use unicode_width::UnicodeWidthStr;
use zeroize::{Zeroize, Zeroizing};

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
    thread_local!(static LAST: RefCell<Option<(i64, String)>> = const { RefCell::new(None) });
    remembered(&LAST, ts, |ts| {
        let fmt = time::macros::format_description!("[month repr:long] [day padding:none], [year], [hour]:[minute]");
        OffsetDateTime::from_unix_timestamp(ts).ok().and_then(|t| t.format(&fmt).ok()).unwrap_or_else(|| ts.to_string())
    })
}

/// A time as JSON shows it: RFC 3339, UTC.
pub fn json_time(ts: i64) -> String {
    thread_local!(static LAST: RefCell<Option<(i64, String)>> = const { RefCell::new(None) });
    remembered(&LAST, ts, |ts| {
        OffsetDateTime::from_unix_timestamp(ts)
            .ok()
            .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
            .unwrap_or_else(|| ts.to_string())
    })
}

/// `format(ts)`, reusing the last result when `ts` repeats: the rows of a listing mostly share
/// their times (an import writes them all in the same second), and formatting was a tenth of
/// the cost of listing 10,000 secrets.
fn remembered(
    last: &'static std::thread::LocalKey<RefCell<Option<(i64, String)>>>,
    ts: i64,
    format: impl FnOnce(i64) -> String,
) -> String {
    last.with_borrow_mut(|last| match last {
        Some((t, s)) if *t == ts => s.clone(),
        _ => {
            let s = format(ts);
            *last = Some((ts, s.clone()));
            s
        }
    })
}

/// Display width of a table cell: its length when it is printable ASCII (nearly always), else
/// what comfy-table measures.
fn width(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        s.len()
    } else {
        s.width()
    }
}

/// Escapes control characters (ANSI escapes included) in clear text that others may have
/// written, so a shared vault cannot drive our terminal.
pub fn clean(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars().map(|c| if c.is_control() { c.escape_default().collect::<String>() } else { c.to_string() }).collect()
}

/// A table with our look: borders on a terminal (comfy-table, wrapped to its width), plain
/// aligned columns when piped (written here: comfy-table laid out a 10,000-row listing in
/// ~40 ms, this writes it in ~2 ms, byte for byte the same).
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    tty: bool,
}

/// Starts a table with these column titles.
pub fn table(style: Style, header: &[&str]) -> Table {
    Table { header: header.iter().map(|h| (*h).to_owned()).collect(), rows: Vec::new(), tty: style.tty }
}

impl Table {
    /// Adds a row (one cell per column).
    pub fn add_row(&mut self, cells: Vec<String>) -> &mut Self {
        self.rows.push(cells);
        self
    }

    /// The number of rows, header not counted.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Writes the table's lines, each without trailing blanks.
    fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        let multi_line = || self.rows.iter().flatten().any(|c| c.contains('\n'));
        if self.tty || multi_line() {
            return self.write_comfy(out);
        }
        // One leading and one trailing blank per cell, columns as wide as their widest cell:
        // what comfy-table prints with the NOTHING preset.
        let mut widths: Vec<usize> = self.header.iter().map(|h| width(h)).collect();
        let mut longest = self.header.iter().map(String::len).sum::<usize>();
        for row in &self.rows {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(c));
            }
            longest = longest.max(row.iter().map(String::len).sum());
        }
        // Room for the longest line from the start: growing would free copies of revealed
        // values unwiped.
        let mut line = Zeroizing::new(String::with_capacity(longest + widths.iter().sum::<usize>() + 2 * widths.len()));
        for row in std::iter::once(&self.header).chain(&self.rows) {
            line.clear();
            for (i, w) in widths.iter().enumerate() {
                let c = row.get(i).map_or("", String::as_str);
                line.push(' ');
                line.push_str(c);
                line.extend(std::iter::repeat_n(' ', w - width(c) + 1));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }

    fn write_comfy(&self, out: &mut impl Write) -> std::io::Result<()> {
        // comfy-table lays out its own copies, which it does not wipe: only for a terminal,
        // or cells with line breaks.
        let mut t = comfy_table::Table::new();
        if self.tty {
            t.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            t.load_preset(presets::NOTHING);
        }
        t.set_header(self.header.iter());
        for row in &self.rows {
            t.add_row(row.iter());
        }
        for line in t.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

impl Drop for Table {
    /// Cells may hold revealed values (`list --reveal`, `history --reveal`).
    fn drop(&mut self) {
        self.rows.iter_mut().flatten().for_each(Zeroize::zeroize);
    }
}

/// Prints a table to stdout; a table with no rows prints a note to stderr instead.
pub fn print_table(t: &Table, empty_note: &str) -> std::io::Result<()> {
    if t.row_count() == 0 {
        eprintln!("{empty_note}");
        return Ok(());
    }
    // One buffer, a few writes for 10,000 rows; wiped, since revealed values may be in it.
    let mut out = WipingWriter::new(std::io::stdout().lock());
    t.write_to(&mut out)?;
    out.flush()
}

/// A writer that buffers for `inner` and wipes its buffer after each write-out and on drop:
/// JSON with revealed values passes through it. Small writes (serde_json makes one per token)
/// are a bounds check and a copy.
struct WipingWriter<W: Write> {
    buf: Vec<u8>,
    inner: W,
}

impl<W: Write> WipingWriter<W> {
    const CAPACITY: usize = 64 * 1024;

    fn new(inner: W) -> Self {
        WipingWriter { buf: Vec::with_capacity(Self::CAPACITY), inner }
    }

    #[cold]
    fn write_slow(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.write_out()?;
        if data.len() > Self::CAPACITY - self.buf.len() {
            // Still no room (a long line): out with all of it, then `data` itself, which is too
            // big to buffer and goes straight through (it is the caller's memory, not ours).
            self.send(self.buf.len())?;
            if data.len() >= Self::CAPACITY {
                return self.inner.write_all(data);
            }
        }
        self.buf.extend_from_slice(data);
        Ok(())
    }

    /// Writes out the buffer up to its last line break and keeps the rest. Stdout's own line
    /// buffer (never wiped) would keep a trailing partial line, which may be part of a value;
    /// handed whole lines, it keeps nothing. A buffer with no line break at all is longer than
    /// that line buffer, which then passes it straight through.
    fn write_out(&mut self) -> std::io::Result<()> {
        let cut = self.buf.iter().rposition(|&b| b == b'\n').map_or(self.buf.len(), |i| i + 1);
        self.send(cut)
    }

    /// Writes out the first `n` bytes, moves the rest to the front and wipes what is freed.
    fn send(&mut self, n: usize) -> std::io::Result<()> {
        let r = self.inner.write_all(&self.buf[..n]);
        let len = self.buf.len();
        self.buf.copy_within(n.., 0);
        self.buf[len - n..].zeroize();
        self.buf.truncate(len - n);
        r
    }
}

impl<W: Write> Write for WipingWriter<W> {
    #[inline]
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.write_all(data)?;
        Ok(data.len())
    }

    #[inline]
    fn write_all(&mut self, data: &[u8]) -> std::io::Result<()> {
        if data.len() <= Self::CAPACITY - self.buf.len() {
            self.buf.extend_from_slice(data);
            Ok(())
        } else {
            self.write_slow(data)
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.send(self.buf.len())?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for WipingWriter<W> {
    fn drop(&mut self) {
        self.buf.zeroize();
    }
}

/// A JSON array printed on stdout one element at a time, exactly as [`print_json`] prints a
/// whole `Vec` (pretty, two-space indent), without holding the elements.
pub struct JsonArray<W: Write = std::io::StdoutLock<'static>> {
    out: WipingWriter<W>,
    item: Vec<u8>,
    count: usize,
}

impl JsonArray {
    /// Starts the array on stdout (nothing is printed before the first element).
    pub fn new() -> Self {
        JsonArray::to(std::io::stdout().lock())
    }
}

impl Default for JsonArray {
    fn default() -> Self {
        Self::new()
    }
}

impl<W: Write> JsonArray<W> {
    /// Starts the array on `out`.
    pub fn to(out: W) -> Self {
        JsonArray { out: WipingWriter::new(out), item: Vec::with_capacity(1024), count: 0 }
    }

    /// Prints one element.
    pub fn push<T: Serialize + ?Sized>(&mut self, v: &T) -> std::io::Result<()> {
        let r = self.push_inner(v);
        // Only the bytes written (the rest of the buffer was never used or is already wiped).
        self.item.as_mut_slice().zeroize();
        self.item.clear();
        r
    }

    fn push_inner<T: Serialize + ?Sized>(&mut self, v: &T) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut self.item, v).map_err(std::io::Error::from)?;
        self.out.write_all(if self.count == 0 { b"[\n  " } else { b",\n  " })?;
        // One level deeper than on its own: every line of the element gets two more blanks
        // (JSON strings never hold a raw newline, so each one is a line break).
        for piece in self.item.split_inclusive(|&b| b == b'\n') {
            self.out.write_all(piece)?;
            if piece.ends_with(b"\n") {
                self.out.write_all(b"  ")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Ends the array (`[]` when it had no element).
    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: Serialize + ?Sized>(v: &T) -> std::io::Result<()> {
    // Streamed in 64 KiB pieces, not serialized whole first: a 10,000-secret listing is 3 MB.
    let mut out = WipingWriter::new(std::io::stdout().lock());
    // serde_json hands an I/O error back as it was (a closed pipe stays BrokenPipe, which is
    // not an error for `vault ... --json | head`).
    serde_json::to_writer_pretty(&mut out, v).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
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
    fn a_streamed_json_array_matches_a_whole_one() {
        #[derive(Serialize)]
        struct Item {
            name: String,
            n: i64,
            nested: Vec<u8>,
            quoted: &'static str,
        }
        let items: Vec<Item> =
            (0..3).map(|i| Item { name: format!("n{i}"), n: i, nested: vec![1, 2], quoted: "a\"b\\n" }).collect();
        for count in 0..=items.len() {
            let mut out = Vec::new();
            let mut a = JsonArray::to(&mut out);
            for it in &items[..count] {
                a.push(it).unwrap();
            }
            a.finish().unwrap();
            let whole = serde_json::to_string_pretty(&items[..count]).unwrap() + "\n";
            assert_eq!(String::from_utf8(out).unwrap(), whole, "{count} elements");
        }
    }

    #[test]
    fn plain_tables_match_comfy_table() {
        let mut t = table(Style { json: false, quiet: false, tty: false }, &["NAME", "DESCRIPTION", "VALUE", "X"]);
        t.add_row(vec!["SECRET_1".into(), String::new(), "***".into(), String::new()]);
        t.add_row(vec!["ÉTÉ_日本".into(), "wide 日本語 text".into(), "a".into(), String::new()]);
        t.add_row(vec!["B".into(), "short".into(), "value with  spaces ".into(), String::new()]);
        let (mut plain, mut comfy) = (Vec::new(), Vec::new());
        t.write_to(&mut plain).unwrap();
        t.write_comfy(&mut comfy).unwrap();
        assert_eq!(String::from_utf8(plain).unwrap(), String::from_utf8(comfy).unwrap());
    }

    #[test]
    fn clean_escapes_controls() {
        assert_eq!(clean("ok"), "ok");
        assert_eq!(clean("a\x1b[2Jb\n"), "a\\u{1b}[2Jb\\n");
    }
}
