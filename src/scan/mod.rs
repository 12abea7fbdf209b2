//! `vault scan`: finds secret values in files, folders, stdin and git history, in every form the
//! masker knows ([`crate::mask`]), and says where and which secret, never the value or a part of
//! it. This module reads bytes and reports positions; which values, and what is printed, is the
//! command's business (`cli/scan.rs`).
//!
//! Memory stays bounded whatever the size of a file: a stream is read [`CHUNK`] bytes at a time
//! and only the last `max_len - 1` bytes (which may start a value the next piece completes) are
//! kept between pieces. A notebook is the exception: it is read whole (up to
//! [`NOTEBOOK_MAX`]) so its JSON strings can be decoded.

pub mod git;
pub mod notebook;
pub mod walk;

use std::io::{self, Read};

use zeroize::Zeroizing;

use crate::mask::{Form, Masker, Owner};

/// Bytes read from a file at a time.
pub const CHUNK: usize = 1 << 20;

/// Largest notebook decoded as JSON; a larger one is scanned as plain bytes.
pub const NOTEBOOK_MAX: u64 = 64 << 20;

/// One occurrence of a value: where, and whose value in which form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// 1-based line (lines end at `\n`).
    pub line: u64,
    /// 1-based byte column in that line.
    pub column: u64,
    /// Index of the value in the slice the masker was built from.
    pub value: usize,
    pub form: Form,
    /// Where in a notebook: `cell 3 output`, `cell 1 source`, `metadata`.
    pub place: Option<String>,
}

/// Findings listed per file at most: a file that repeats a value a million times (a log, or a
/// file made to exhaust memory) is named with its first ones and a count of the rest.
pub const MAX_HITS: usize = 1000;

/// The hits of one file or stream: the first [`MAX_HITS`], and how many more there were.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Hits {
    pub list: Vec<Hit>,
    pub more: u64,
}

impl Hits {
    pub fn push(&mut self, h: Hit) {
        if self.list.len() < MAX_HITS {
            self.list.push(h);
        } else {
            self.more += 1;
        }
    }
}

/// Which values were already named for the run of overlapping occurrences being read. The
/// search goes on from one byte after each occurrence's start, so a value that overlaps
/// another (`prefix-KEY` and `KEY-suffix` in `prefix-KEY-suffix`) is named too, while the forms
/// of a value inside its own occurrence (a line of a multi-line value, a base64 core) are not
/// named again.
#[derive(Debug, Default)]
pub(crate) struct Overlap {
    end: u64,
    values: Vec<usize>,
}

impl Overlap {
    /// The owners of the occurrence `start..end` to report.
    pub(crate) fn fresh(&mut self, start: u64, end: u64, owners: &[Owner]) -> Vec<Owner> {
        if start >= self.end {
            self.values.clear();
        }
        self.end = self.end.max(end);
        let new: Vec<Owner> = owners.iter().filter(|o| !self.values.contains(&o.value)).copied().collect();
        self.values.extend(new.iter().map(|o| o.value));
        new
    }
}

/// Counts lines up to the offsets asked for, in increasing order, over a stream read in pieces.
#[derive(Debug, Clone, Copy)]
struct Lines {
    /// Lines ended before `counted`, plus one.
    line: u64,
    /// Absolute offset of the start of line `line`.
    line_start: u64,
    /// Absolute offset up to which newlines are counted.
    counted: u64,
}

impl Lines {
    fn new() -> Lines {
        Lines { line: 1, line_start: 0, counted: 0 }
    }

    /// Counts the newlines of `bytes`, which start at absolute offset `at`, up to `upto`.
    fn advance(&mut self, bytes: &[u8], at: u64, upto: u64) {
        if upto <= self.counted {
            return;
        }
        let from = usize::try_from(self.counted - at).expect("in memory");
        let to = usize::try_from(upto - at).expect("in memory");
        let part = &bytes[from..to];
        let n = count_newlines(part);
        if n > 0 {
            self.line += n as u64;
            let last = part.iter().rposition(|&b| b == b'\n').expect("a newline");
            self.line_start = self.counted + last as u64 + 1;
        }
        self.counted = upto;
    }

    fn position(&self, offset: u64) -> (u64, u64) {
        (self.line, offset - self.line_start + 1)
    }
}

/// Newlines in `b`, 32 bytes at a time (the compiler turns this into vector compares).
fn count_newlines(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(32);
    let mut n = 0;
    for c in &mut chunks {
        n += c.iter().map(|&x| usize::from(x == b'\n')).sum::<usize>();
    }
    n + chunks.remainder().iter().filter(|&&x| x == b'\n').count()
}

/// Scans a stream to its end, appending what it finds to `hits`; returns the bytes read.
/// Holds at most [`CHUNK`] + `max_len` bytes, wiped when done.
///
/// `size`, when known (a file's), sizes the buffer: a tree of small files does not pay for
/// zeroing and wiping [`CHUNK`] bytes each.
pub fn scan_stream(m: &Masker, mut r: impl Read, size: Option<u64>, hits: &mut Hits) -> io::Result<u64> {
    let keep = m.max_len().saturating_sub(1);
    let piece = size.map_or(CHUNK, |s| usize::try_from(s.saturating_add(1)).unwrap_or(CHUNK).clamp(4096, CHUNK));
    // Zeroed once; `len` bytes of it are in use (a pipe's small reads cost no refill).
    let mut buf = Zeroizing::new(vec![0u8; piece + keep]);
    let mut len = 0;
    // Absolute offset of buf[0].
    let mut base: u64 = 0;
    // Where the next search starts in buf (after the last occurrence, or where the last
    // piece's search stopped).
    let mut pos = 0;
    let mut lines = Lines::new();
    let mut overlap = Overlap::default();
    loop {
        let n = loop {
            match r.read(&mut buf[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        len += n;
        let end = n == 0;
        if !end && len < buf.len() && len - pos.min(len) < keep + piece / 2 {
            // Read more before searching: a search per small read would re-read what it held.
            continue;
        }
        let data = &buf[..len];
        // Occurrences starting before `limit` lie wholly in `data`.
        let limit = if end { len } else { len.saturating_sub(keep) };
        while let Some(f) = m.find(data, pos, limit) {
            let at = base + f.start as u64;
            let owners = overlap.fresh(at, base + f.end as u64, f.owners);
            if !owners.is_empty() {
                lines.advance(data, base, at);
                let (line, column) = lines.position(at);
                for o in owners {
                    hits.push(Hit { line, column, value: o.value, form: o.form, place: None });
                }
            }
            pos = f.start + 1;
        }
        if end {
            return Ok(base + len as u64);
        }
        let cut = pos.max(limit);
        lines.advance(data, base, base + cut as u64);
        buf.copy_within(cut..len, 0);
        len -= cut;
        base += cut as u64;
        pos -= cut.min(pos);
    }
}

/// Line and column of absolute offsets in a whole text: the offsets of its newlines, searched.
pub(crate) struct LineIndex(Vec<usize>);

impl LineIndex {
    pub(crate) fn new(text: &[u8]) -> LineIndex {
        LineIndex(memchr::memchr_iter(b'\n', text).collect())
    }

    /// 1-based line and byte column of `offset`.
    pub(crate) fn position(&self, offset: usize) -> (u64, u64) {
        let before = self.0.partition_point(|&nl| nl < offset);
        let line_start = if before == 0 { 0 } else { self.0[before - 1] + 1 };
        (before as u64 + 1, (offset - line_start) as u64 + 1)
    }
}

/// Scans one file or blob whose name is `name`: a notebook (`.ipynb`, up to [`NOTEBOOK_MAX`]
/// bytes) through its decoded JSON strings, anything else as a byte stream. Returns the bytes
/// read.
pub fn scan_named(m: &Masker, name: &str, size: Option<u64>, r: impl Read, hits: &mut Hits) -> io::Result<u64> {
    if name.ends_with(".ipynb") && size.is_some_and(|s| s <= NOTEBOOK_MAX) {
        let mut text = Zeroizing::new(Vec::with_capacity(size.unwrap_or(0) as usize));
        r.take(NOTEBOOK_MAX + 1).read_to_end(&mut text)?;
        let mut raw = Hits::default();
        scan_stream(m, &text[..], Some(text.len() as u64), &mut raw)?;
        if notebook::scan(m, &text, hits).is_some() {
            // What only the bytes show (a value as an object key or a number), not what the
            // decoded strings named already on that line.
            raw.list.retain(|r| !hits.list.iter().any(|h| h.value == r.value && h.line == r.line));
        }
        for h in raw.list {
            hits.push(h);
        }
        hits.more += raw.more;
        return Ok(text.len() as u64);
    }
    scan_stream(m, r, size, hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_in_pieces(m: &Masker, data: &[u8], piece: usize) -> Vec<Hit> {
        struct Slow<'a>(&'a [u8], usize);
        impl Read for Slow<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut hits = Hits::default();
        scan_stream(m, Slow(data, piece), None, &mut hits).unwrap();
        hits.list
    }

    #[test]
    fn lines_and_columns_are_the_same_in_any_pieces() {
        let (m, _) = Masker::new(&[b"s3cret-value-1", b"other-token-22"]);
        let mut data = Vec::new();
        for i in 0..5000 {
            data.extend_from_slice(format!("line {i} ").as_bytes());
            if i % 997 == 3 {
                data.extend_from_slice(b"x=s3cret-value-1;");
            }
            if i % 1499 == 7 {
                data.extend_from_slice(b"b64 b3RoZXItdG9rZW4tMjI= ");
            }
            data.push(b'\n');
        }
        let whole = {
            let mut h = Hits::default();
            scan_stream(&m, &data[..], Some(data.len() as u64), &mut h).unwrap();
            h.list
        };
        assert_eq!(whole.len(), 6 + 4, "{whole:?}");
        assert_eq!((whole[0].line, whole[0].column, whole[0].value, whole[0].form), (4, 10, 0, Form::Raw));
        assert!(whole.iter().any(|h| h.value == 1 && h.form == Form::Base64 && h.line == 8 && h.column == 12));
        for piece in [1, 3, 7, 64, 4096] {
            assert_eq!(scan_in_pieces(&m, &data, piece), whole, "pieces of {piece}");
        }
        // A file that grew after its size was read: a small buffer, the same hits.
        let mut grown = Hits::default();
        scan_stream(&m, &data[..], Some(10), &mut grown).unwrap();
        assert_eq!(grown.list, whole);
    }

    #[test]
    fn counts_newlines_exactly() {
        let text: Vec<u8> = (0..1000u32).map(|i| if i % 7 == 0 { b'\n' } else { b'a' }).collect();
        assert_eq!(count_newlines(&text), text.iter().filter(|&&b| b == b'\n').count());
        let idx = LineIndex::new(b"ab\ncd\n\nx");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(4), (2, 2));
        assert_eq!(idx.position(7), (4, 1));
    }
}
