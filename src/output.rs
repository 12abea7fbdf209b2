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

    /// This style, with JSON output (a command's own `--format json`).
    pub fn with_json(self, json: bool) -> Style {
        Style { json: self.json || json, ..self }
    }
}

/// A progress bar on stderr for long work (`{what} {bar} ...`), when stderr is a terminal and
/// neither `--json` nor `-q` was given; `None` otherwise.
pub fn progress(style: Style, len: u64, template: &str) -> Option<indicatif::ProgressBar> {
    (std::io::stderr().is_terminal() && !style.quiet && !style.json).then(|| {
        let b = indicatif::ProgressBar::new(len);
        b.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    })
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

/// The last time a listing formatted, kept to lend out: its rows mostly share their times.
#[derive(Default)]
pub struct LastTime(Option<(i64, String)>);

impl LastTime {
    /// `table_time(ts)`.
    pub fn table(&mut self, ts: i64) -> &str {
        self.get(ts, table_time)
    }

    /// `json_time(ts)`.
    pub fn json(&mut self, ts: i64) -> &str {
        self.get(ts, json_time)
    }

    fn get(&mut self, ts: i64, format: fn(i64) -> String) -> &str {
        if self.0.as_ref().is_none_or(|(t, _)| *t != ts) {
            self.0 = Some((ts, format(ts)));
        }
        self.0.as_ref().map_or("", |(_, s)| s.as_str())
    }
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
    cleaned(s).into_owned()
}

/// [`clean`], borrowing `s` when it has nothing to escape (nearly always).
pub fn cleaned(s: &str) -> std::borrow::Cow<'_, str> {
    // Printable ASCII has no control character; anything else is looked at char by char.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars().map(|c| if c.is_control() { c.escape_default().collect::<String>() } else { c.to_string() }).collect()
}

/// A table with our look: borders on a terminal (comfy-table, wrapped to its width), plain
/// aligned columns when piped (written here: comfy-table laid out a 10,000-row listing in
/// ~40 ms, this writes it in ~2 ms, byte for byte the same).
///
/// The rows are kept encoded one after another in a few large buffers rather than as a
/// string per cell (a 10,000-row listing made 70,000 of them to allocate, fault in and free):
/// each cell is a short header (length, and display width when it differs) and its text, or
/// one byte when it repeats the cell above it (a listing's times, creator and masked value
/// mostly do). Headers are ASCII, so a buffer is text and a cell a slice of it. Column widths
/// are kept as rows come, so writing the table is one pass. The buffers are wiped when
/// dropped, since revealed values may be among the cells (`list --reveal`, `history
/// --reveal`), and a full one is never grown (its reallocation would free a copy unwiped):
/// the next cells go to a new one.
pub struct Table {
    header: Vec<String>,
    /// The encoded rows, in buffers of at least `CHUNK` bytes; a cell never spans two.
    data: Vec<Zeroizing<String>>,
    /// Per column, where the text of the last row's cell is: (buffer, start, end).
    above: Vec<(usize, usize, usize)>,
    /// Per column, the widest cell's display width (the header's included).
    widths: Vec<usize>,
    /// The longest row's text, in bytes (the header's included).
    longest: usize,
    rows: usize,
    /// A cell holds a line break (then comfy-table lays the table out).
    multi_line: bool,
    tty: bool,
}

/// The size of one buffer of encoded rows.
const CHUNK: usize = 64 * 1024;
/// The header of a cell that repeats the one above it.
const SAME_AS_ABOVE: u64 = 0;

/// Starts a table with these column titles.
pub fn table(style: Style, header: &[&str]) -> Table {
    Table {
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        data: Vec::new(),
        above: Vec::new(),
        widths: header.iter().map(|h| width(h)).collect(),
        longest: header.iter().map(|h| h.len()).sum(),
        rows: 0,
        multi_line: false,
        tty: style.tty,
    }
}

impl Table {
    /// Adds a row (one cell per column). The strings are wiped once copied in.
    pub fn add_row(&mut self, mut cells: Vec<String>) -> &mut Self {
        self.add_cells(cells.iter().map(String::as_str));
        cells.iter_mut().for_each(Zeroize::zeroize);
        self
    }

    /// Adds a row from borrowed cells (one per column; missing ones are empty, extra ones
    /// left out).
    pub fn add_cells<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> &mut Self {
        let mut n = 0;
        let mut len = 0;
        for c in cells.into_iter().take(self.header.len()) {
            self.push_cell(n, c);
            len += c.len();
            n += 1;
        }
        debug_assert_eq!(n, self.header.len(), "a table row has one cell per column");
        for col in n..self.header.len() {
            self.push_cell(col, "");
        }
        self.longest = self.longest.max(len);
        self.rows += 1;
        self
    }

    fn push_cell(&mut self, col: usize, c: &str) {
        if self.rows > 0 {
            let (b, start, end) = self.above[col];
            if self.data[b][start..end] == *c {
                match self.data.last_mut() {
                    Some(d) if d.len() < d.capacity() => d.push(char::from(SAME_AS_ABOVE as u8)),
                    _ => drop(self.put("", &[SAME_AS_ABOVE])),
                }
                return;
            }
        }
        let w = width(c);
        self.widths[col] = self.widths[col].max(w);
        self.multi_line |= c.contains('\n');
        // (length + 1) * 2, odd when the display width (next) differs from the length.
        let len = c.len() as u64 + 1;
        let (b, start) = if w == c.len() { self.put(c, &[len * 2]) } else { self.put(c, &[len * 2 + 1, w as u64]) };
        let at = (b, start, start + c.len());
        match self.above.get_mut(col) {
            Some(a) => *a = at,
            None => self.above.push(at),
        }
    }

    /// Appends the numbers `head` (6 bits a byte, ASCII) and `text` in one buffer; returns
    /// where `text` starts.
    fn put(&mut self, text: &str, head: &[u64]) -> (usize, usize) {
        let need = text.len() + 11 * head.len();
        if self.data.last().is_none_or(|d| d.capacity() - d.len() < need) {
            self.data.push(Zeroizing::new(String::with_capacity(CHUNK.max(need))));
        }
        let b = self.data.len() - 1;
        let d = &mut self.data[b];
        for &n in head {
            let mut n = n;
            loop {
                let low = (n & 0x3f) as u8;
                n >>= 6;
                if n == 0 {
                    d.push(char::from(low));
                    break;
                }
                d.push(char::from(low | 0x40));
            }
        }
        let start = d.len();
        d.push_str(text);
        (b, start)
    }

    /// The number of rows, header not counted.
    pub fn row_count(&self) -> usize {
        self.rows
    }

    /// Calls `each` with every row: each cell's text and display width.
    fn for_each_row(&self, mut each: impl FnMut(&[(&str, usize)]) -> std::io::Result<()>) -> std::io::Result<()> {
        let mut row: Vec<(&str, usize)> = vec![("", 0); self.header.len()];
        let (mut b, mut at) = (0, 0);
        for _ in 0..self.rows {
            for cell in row.iter_mut() {
                if at == self.data[b].len() {
                    (b, at) = (b + 1, 0);
                }
                let d = &self.data[b];
                let mut number = || {
                    let (mut n, mut shift) = (0u64, 0);
                    loop {
                        let byte = d.as_bytes()[at];
                        at += 1;
                        n |= u64::from(byte & 0x3f) << shift;
                        shift += 6;
                        if byte & 0x40 == 0 {
                            return n as usize;
                        }
                    }
                };
                let head = number();
                if head as u64 != SAME_AS_ABOVE {
                    let len = head / 2 - 1;
                    let w = if head % 2 == 1 { number() } else { len };
                    *cell = (&d[at..at + len], w);
                    at += len;
                }
            }
            each(&row)?;
        }
        Ok(())
    }

    /// Writes the table's lines, each without trailing blanks.
    fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        if self.tty || self.multi_line {
            return self.write_comfy(out);
        }
        // One leading and one trailing blank per cell, columns as wide as their widest cell:
        // what comfy-table prints with the NOTHING preset. Room for the longest line from the
        // start: growing would free copies of revealed values unwiped.
        let widths = &self.widths;
        let mut line =
            Zeroizing::new(String::with_capacity(self.longest + widths.iter().sum::<usize>() + 2 * widths.len()));
        let mut write_line = |cells: &[(&str, usize)]| {
            line.clear();
            for (w, (c, cw)) in widths.iter().zip(cells) {
                line.push(' ');
                line.push_str(c);
                let mut pad = w - cw + 1;
                while pad > 0 {
                    let n = pad.min(BLANKS.len());
                    line.push_str(&BLANKS[..n]);
                    pad -= n;
                }
            }
            out.write_all(line.trim_end().as_bytes())?;
            out.write_all(b"\n")
        };
        let header: Vec<(&str, usize)> = self.header.iter().map(|h| (h.as_str(), width(h))).collect();
        write_line(&header)?;
        self.for_each_row(write_line)
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
        self.for_each_row(|row| {
            t.add_row(row.iter().map(|(c, _)| *c));
            Ok(())
        })?;
        for line in t.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// Padding for table cells, pushed a slice at a time.
const BLANKS: &str = "                                                                ";

/// Prints a table to stdout; a table with no rows prints a note to stderr instead.
fn print_table(t: &Table, empty_note: &str) -> std::io::Result<()> {
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
        JsonArray { out: WipingWriter::new(out), item: Vec::with_capacity(4096), count: 0 }
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

    /// Prints one object whose fields `fields` writes (see [`JsonObject`]): byte for byte what
    /// [`JsonArray::push`] prints for a struct with those fields, without serde's machinery
    /// (a 10,000-secret listing spent half its time there). The object is put together in the
    /// element buffer, written out whole and wiped, as `push` does.
    pub fn push_object(&mut self, fields: impl FnOnce(&mut JsonObject<'_>)) -> std::io::Result<()> {
        self.item.extend_from_slice(if self.count == 0 { b"[\n  {" } else { b",\n  {" });
        let mut o = JsonObject { buf: &mut self.item, fields: 0 };
        fields(&mut o);
        let empty = o.fields == 0;
        self.item.extend_from_slice(if empty { b"}" } else { b"\n  }" });
        let r = self.out.write_all(&self.item);
        self.item.as_mut_slice().zeroize();
        self.item.clear();
        self.count += 1;
        r
    }

    /// Ends the array (`[]` when it had no element).
    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// The fields of one object of a [`JsonArray`], written as serde_json's pretty printer
/// writes a struct's fields one level deep: keys are plain ASCII names (nothing to escape),
/// strings are escaped as serde_json escapes them. Inlined into the caller, so each key is a
/// constant copied in place.
pub struct JsonObject<'a> {
    buf: &'a mut Vec<u8>,
    fields: usize,
}

/// Fields written ahead of time (see [`JsonObject::fields_later`]), to append to objects as
/// they are with [`JsonObject::append`].
#[derive(Default)]
pub struct JsonFields {
    text: Vec<u8>,
    count: usize,
}

impl JsonObject<'_> {
    /// Writes fields that follow at least one other field of an object, to append later,
    /// as often as they recur.
    pub fn fields_later(write: impl FnOnce(&mut JsonObject<'_>)) -> JsonFields {
        let mut text = Vec::new();
        let mut o = JsonObject { buf: &mut text, fields: 1 };
        write(&mut o);
        let count = o.fields - 1;
        JsonFields { text, count }
    }

    /// Appends fields written by [`JsonObject::fields_later`], after at least one field.
    pub fn append(&mut self, f: &JsonFields) {
        debug_assert!(self.fields > 0, "written to follow another field");
        self.buf.extend_from_slice(&f.text);
        self.fields += f.count;
    }

    #[inline(always)]
    fn key(&mut self, key: &str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "plain key {key}");
        self.buf.extend_from_slice(if self.fields == 0 { b"\n    \"" } else { b",\n    \"" });
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
        self.fields += 1;
    }

    /// A string field.
    #[inline(always)]
    pub fn str(&mut self, key: &str, v: &str) {
        self.key(key);
        json_str(self.buf, v);
    }

    /// A string field, or `null`.
    #[inline(always)]
    pub fn opt_str(&mut self, key: &str, v: Option<&str>) {
        self.key(key);
        match v {
            Some(v) => json_str(self.buf, v),
            None => self.buf.extend_from_slice(b"null"),
        }
    }

    /// An integer field.
    #[inline(always)]
    pub fn int(&mut self, key: &str, v: i64) {
        self.key(key);
        // What `{v}` formats, without the formatting machinery (a listing writes 10,000).
        let mut digits = [0u8; 20];
        let mut n = v.unsigned_abs();
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if v < 0 {
            self.buf.push(b'-');
        }
        self.buf.extend_from_slice(&digits[at..]);
    }

    /// A boolean field.
    #[inline(always)]
    pub fn bool(&mut self, key: &str, v: bool) {
        self.key(key);
        self.buf.extend_from_slice(if v { b"true" } else { b"false" });
    }
}

/// Appends `s` as a JSON string, escaped exactly as serde_json escapes it.
fn json_str(buf: &mut Vec<u8>, s: &str) {
    if needs_json_escape(s.as_bytes()) {
        // Something to escape (rare): serde_json's own escaping, so the bytes are its own.
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *buf, s);
        return;
    }
    buf.push(b'"');
    buf.extend_from_slice(s.as_bytes());
    buf.push(b'"');
}

/// Whether serde_json escapes anything in `s`: a control character (below 0x20), `"` or `\`.
/// Eight bytes at a time: a listing checks some 130,000 strings.
fn needs_json_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Some byte of x is below n (n <= 0x80): exact for the word as a whole.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0;
    let bad =
        |x: u64| below(x, 0x20) || below(x ^ (ONES * u64::from(b'"')), 1) || below(x ^ (ONES * u64::from(b'\\')), 1);
    let word = |w: &[u8]| u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
    let mut words = s.chunks_exact(8);
    if words.any(|w| bad(word(w))) {
        return true;
    }
    let rest = words.remainder();
    if rest.is_empty() {
        return false;
    }
    if s.len() >= 8 {
        // The last eight bytes, overlapping words already checked.
        return bad(word(&s[s.len() - 8..]));
    }
    // Shorter than a word: padded with blanks, which need no escape.
    let mut w = [b' '; 8];
    w[..rest.len()].copy_from_slice(rest);
    bad(u64::from_le_bytes(w))
}

/// What a command shows without `--json`: [`show`] renders it.
pub enum Text {
    /// A confirmation on stderr, left out under `-q`.
    Done(String),
    /// Aligned `Key: value` lines on stdout, then `after` as it is (may be empty). The values
    /// are wiped once written: a revealed one may be among them.
    Fields(Vec<(&'static str, String)>, String),
    /// A table on stdout; with no rows, the note on stderr instead.
    Table(Table, &'static str),
    /// Text on stdout as it is (a session's `export` line, a check's verdict, a bare value),
    /// wiped once written, then perhaps a message on stderr (see [`say`]).
    Plain(String, Option<(Level, String)>),
}

/// Shows what a command produced: `json()` as pretty JSON on stdout under `--json`, else
/// `text()`. Only the half the style asks for is built. The one place a command's result
/// reaches stdout, so no command branches on `--json`.
pub fn show<J: Serialize>(style: Style, json: impl FnOnce() -> J, text: impl FnOnce() -> Text) -> crate::Result<()> {
    let written = if style.json { print_json(&json()) } else { print_text(style, text()) };
    written.map_err(write_failed)
}

/// [`show`] for a listing read row by row: under `--json`, `json` pushes each row onto the
/// array as it is read (10,000 secrets are never held at once); else `text()` builds the table.
pub fn show_rows(
    style: Style,
    json: impl FnOnce(&mut JsonArray) -> crate::Result<()>,
    text: impl FnOnce() -> crate::Result<Text>,
) -> crate::Result<()> {
    if style.json {
        let mut out = JsonArray::new();
        json(&mut out)?;
        out.finish().map_err(write_failed)
    } else {
        print_text(style, text()?).map_err(write_failed)
    }
}

/// The error for output that could not be written (a closed pipe among them, which `main`
/// does not count as one).
pub fn write_failed(e: std::io::Error) -> crate::Error {
    crate::Error::io("cannot write output", e)
}

/// Like [`show`] for a command whose only answer is a confirmation: under `--json` it still
/// goes to stderr (unless `-q`), and stdout stays empty.
pub fn done(style: Style, msg: &str) {
    say(style, Level::Done, msg);
}

/// How much a [`say`] message matters, which decides its prefix and whether `-q` hides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A confirmation, no prefix, hidden by `-q`.
    Done,
    /// `vault: note:`, hidden by `-q`.
    Note,
    /// `vault: hint:`, hidden by `-q`.
    Hint,
    /// `vault: warning:`, always shown.
    Warning,
    /// `vault: error:`, always shown.
    Error,
}

impl Level {
    fn prefix(self) -> &'static str {
        match self {
            Level::Done => "",
            Level::Note => "vault: note: ",
            Level::Hint => "vault: hint: ",
            Level::Warning => "vault: warning: ",
            Level::Error => "vault: error: ",
        }
    }
}

/// A message to the person running vault, on stderr, with its level's prefix. Output owns
/// the prefixes: callers pass the message alone.
pub fn say(style: Style, level: Level, msg: impl std::fmt::Display) {
    if style.quiet && matches!(level, Level::Done | Level::Note | Level::Hint) {
        return;
    }
    eprintln!("{}{msg}", level.prefix());
}

/// [`say`] at [`Level::Warning`], for code that has no [`Style`] at hand (warnings always show).
pub fn warn(msg: impl std::fmt::Display) {
    eprintln!("{}{msg}", Level::Warning.prefix());
}

/// Bytes on stdout as they are, the same with or without `--json` (a bare value, a shell
/// line meant for `eval`).
pub fn plain(bytes: &[u8]) -> crate::Result<()> {
    print_plain(bytes).map_err(write_failed)
}

/// An error that ends the command, at [`Level::Error`] (always shown).
pub fn say_error(msg: impl std::fmt::Display) {
    eprintln!("{}{msg}", Level::Error.prefix());
}

/// The hint that goes with an error: shown whenever the error is, `-q` or not.
pub fn say_error_hint(msg: impl std::fmt::Display) {
    eprintln!("{}{msg}", Level::Hint.prefix());
}

/// Straight to the descriptor: the standard library's stdout buffer would keep (unwiped) a last
/// line without a newline, which a bare value usually is.
fn print_plain(bytes: &[u8]) -> std::io::Result<()> {
    std::io::stdout().lock().flush()?;
    crate::sys::write_stdout_unbuffered(bytes)
}

fn print_text(style: Style, text: Text) -> std::io::Result<()> {
    match text {
        Text::Done(msg) => {
            done(style, &msg);
            Ok(())
        }
        Text::Fields(mut fields, mut after) => {
            let written = print_fields(&fields, &after);
            fields.iter_mut().for_each(|(_, v)| v.zeroize());
            after.zeroize();
            written
        }
        Text::Table(t, empty) => print_table(&t, empty),
        Text::Plain(mut s, after) => {
            let written = print_plain(s.as_bytes());
            s.zeroize();
            if let Some((level, msg)) = after {
                say(style, level, msg);
            }
            written
        }
    }
}

/// Prints a value as pretty JSON on stdout.
fn print_json<T: Serialize + ?Sized>(v: &T) -> std::io::Result<()> {
    // Streamed in 64 KiB pieces, not serialized whole first: a 10,000-secret listing is 3 MB.
    let mut out = WipingWriter::new(std::io::stdout().lock());
    // serde_json hands an I/O error back as it was (a closed pipe stays BrokenPipe, which is
    // not an error for `vault ... --json | head`).
    serde_json::to_writer_pretty(&mut out, v).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Key/value lines for `show`, aligned, then `after`; through a wiping buffer.
fn print_fields(fields: &[(&str, String)], after: &str) -> std::io::Result<()> {
    let width = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0) + 1;
    let mut out = WipingWriter::new(std::io::stdout().lock());
    for (k, v) in fields {
        write!(out, "{k}:")?;
        out.write_all(&BLANKS.as_bytes()[..(width - k.len() - 1 + 2).min(BLANKS.len())])?;
        writeln!(out, "{v}")?;
    }
    out.write_all(after.as_bytes())?;
    out.flush()
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
    fn long_plain_tables_match_comfy_table() {
        // Repeated cells, empty ones, long ones, rows across buffers. (comfy-table wraps a
        // cell longer than 65,535 columns: see the next test for one longer than a buffer.)
        let big = "v".repeat(CHUNK / 2 + 100);
        let mut t = table(Style { json: false, quiet: false, tty: false }, &["A", "B", "C", "D"]);
        for i in 0..3000 {
            let a = format!("NAME_{i:05}");
            let b = if i % 7 == 0 { "été" } else { "" };
            let c = if i % 1000 == 999 { big.as_str() } else { "***" };
            let d = format!("time {}", i / 100);
            t.add_cells([a.as_str(), b, c, d.as_str()]);
        }
        assert_eq!(t.row_count(), 3000);
        assert!(t.data.len() > 2, "{} buffers", t.data.len());
        let (mut plain, mut comfy) = (Vec::new(), Vec::new());
        t.write_to(&mut plain).unwrap();
        t.write_comfy(&mut comfy).unwrap();
        assert_eq!(String::from_utf8(plain).unwrap(), String::from_utf8(comfy).unwrap());
    }

    #[test]
    fn a_cell_longer_than_a_buffer_reads_back() {
        let big = "w".repeat(3 * CHUNK);
        let mut t = table(Style { json: false, quiet: false, tty: false }, &["A", "B"]);
        t.add_cells(["x", "y"]).add_cells(["x", &big]).add_cells(["z", &big]).add_cells(["", ""]);
        let mut rows = Vec::new();
        t.for_each_row(|r| {
            rows.push(r.iter().map(|(c, w)| (c.to_string(), *w)).collect::<Vec<_>>());
            Ok(())
        })
        .unwrap();
        let cell = |c: &str| (c.to_owned(), c.len());
        assert_eq!(
            rows,
            [
                vec![cell("x"), cell("y")],
                vec![cell("x"), cell(&big)],
                vec![cell("z"), cell(&big)],
                vec![cell(""), cell("")],
            ]
        );
    }

    #[test]
    fn json_integers_are_what_serde_writes() {
        for v in [0, 1, -1, 9, 10, -10, 99, 100, 12_345, i64::MAX, i64::MIN, i64::MIN + 1] {
            let mut out = Vec::new();
            let mut a = JsonArray::to(&mut out);
            a.push_object(|o| o.int("n", v)).unwrap();
            a.finish().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!("[\n  {{\n    \"n\": {v}\n  }}\n]\n"));
        }
    }

    #[test]
    fn json_escapes_are_found_in_any_position() {
        for len in 0..20 {
            for at in 0..len {
                for b in 0u8..=255 {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    let serde = serde_json::to_string(&String::from_utf8_lossy(&s)).unwrap();
                    let plain = b >= 0x20 && b != b'"' && b != b'\\';
                    assert_eq!(needs_json_escape(&s), !plain, "byte {b:#x} at {at} of {len}");
                    if plain && b < 0x80 {
                        assert_eq!(serde.len(), len + 2);
                    }
                }
            }
        }
    }

    #[test]
    fn clean_escapes_controls() {
        assert_eq!(clean("ok"), "ok");
        assert_eq!(clean("a\x1b[2Jb\n"), "a\\u{1b}[2Jb\\n");
    }
}
