//! Jupyter notebooks: a value printed by a cell sits in the saved file's outputs as JSON strings,
//! one per line of output, escaped. Scanning the decoded strings finds it whatever escaping the
//! writer used, a value split over the strings of one list (a cell's source, a stream's text)
//! included, and tells which cell and whether in its source or its outputs.
//!
//! A small JSON reader of our own, because the position of each string in the file is needed and
//! serde_json does not give it. It reads any JSON; what is not valid JSON (or nests deeper than
//! [`MAX_DEPTH`]) makes [`scan`] return `None`, and the caller scans the bytes as they are.

use zeroize::Zeroizing;

use super::{Hit, Hits, LineIndex, Overlap};
use crate::mask::Masker;

/// Deepest nesting read; notebooks nest about 6 deep.
const MAX_DEPTH: usize = 64;

/// A run of strings that are read as one text: the string items of one list (notebook formats
/// split sources and outputs into lines), or one string on its own.
struct Group {
    /// Decoded bytes of all its strings, one after the other.
    text: Zeroizing<Vec<u8>>,
    /// For each string: where its decoded bytes start in `text`, and its opening quote's offset
    /// in the file.
    parts: Vec<(usize, usize)>,
    /// Index in `Reader::places`.
    place: usize,
}

/// A step on the way from the top of the document: an object key or an array index.
enum Seg {
    Key(String),
    Index(usize),
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
    groups: Vec<Group>,
    /// Where groups are, in notebook terms (`cell 3 output`), each once in a row.
    places: Vec<String>,
    /// Object keys and array indices from the top down to where the reader is.
    path: Vec<Seg>,
}

/// Scans a notebook's JSON strings. `None` if `text` is not JSON.
pub fn scan(m: &Masker, text: &[u8], hits: &mut Hits) -> Option<()> {
    let mut r = Reader { b: text, i: 0, groups: Vec::new(), places: Vec::new(), path: Vec::new() };
    r.blank();
    r.value(0, None)?;
    r.blank();
    if r.i != text.len() {
        return None;
    }
    let lines = LineIndex::new(text);
    for g in &r.groups {
        let mut pos = 0;
        let mut overlap = Overlap::default();
        while let Some(f) = m.find(&g.text, pos, g.text.len()) {
            pos = f.start + 1;
            let owners = overlap.fresh(f.start as u64, f.end as u64, f.owners);
            if owners.is_empty() {
                continue;
            }
            let k = g.parts.partition_point(|&(start, _)| start <= f.start) - 1;
            let (start, quote) = g.parts[k];
            let offset = raw_offset(text, quote, f.start - start);
            let (line, column) = lines.position(offset);
            for o in owners {
                hits.push(Hit { line, column, value: o.value, form: o.form, place: Some(r.places[g.place].clone()) });
            }
        }
    }
    Some(())
}

/// Offset in the file of decoded byte `n` of the string whose opening quote is at `quote`.
fn raw_offset(text: &[u8], quote: usize, n: usize) -> usize {
    let mut i = quote + 1;
    let mut decoded = 0;
    while decoded < n && i < text.len() && text[i] != b'"' {
        if text[i] == b'\\' {
            let (bytes, len) = escape_at(text, i).unwrap_or((Vec::new(), 2));
            decoded += bytes.len();
            i += len;
        } else {
            decoded += 1;
            i += 1;
        }
    }
    i
}

/// The bytes an escape at `i` (a backslash) stands for, and its length in the file. A `\u`
/// high surrogate followed by a `\u` low surrogate is one character.
fn escape_at(b: &[u8], i: usize) -> Option<(Vec<u8>, usize)> {
    let one = |c: u8| Some((vec![c], 2));
    match *b.get(i + 1)? {
        b'"' => one(b'"'),
        b'\\' => one(b'\\'),
        b'/' => one(b'/'),
        b'b' => one(8),
        b'f' => one(12),
        b'n' => one(b'\n'),
        b'r' => one(b'\r'),
        b't' => one(b'\t'),
        b'u' => {
            let hi = hex4(b, i + 2)?;
            let (c, len) =
                if (0xd800..0xdc00).contains(&hi) && b.get(i + 6) == Some(&b'\\') && b.get(i + 7) == Some(&b'u') {
                    match hex4(b, i + 8) {
                        Some(lo) if (0xdc00..0xe000).contains(&lo) => {
                            (char::from_u32(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)), 12)
                        }
                        _ => (None, 6),
                    }
                } else {
                    (char::from_u32(hi), 6)
                };
            // A lone surrogate decodes to U+FFFD, as Python and serde_json (lossy) read it.
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            Some((c.encode_utf8(&mut [0; 4]).as_bytes().to_vec(), len))
        }
        _ => None,
    }
}

fn hex4(b: &[u8], at: usize) -> Option<u32> {
    let s = std::str::from_utf8(b.get(at..at + 4)?).ok()?;
    u32::from_str_radix(s, 16).ok().filter(|_| s.bytes().all(|c| c.is_ascii_hexdigit()))
}

impl Reader<'_> {
    fn blank(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.blank();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    /// Where the reader is in notebook terms: `cell 3 output`, `cell 3 source`, `metadata`.
    fn place(&self) -> String {
        match self.path.as_slice() {
            [Seg::Key(cells), Seg::Index(n), rest @ ..] if cells == "cells" => {
                let n = n + 1;
                match rest.first() {
                    Some(Seg::Key(k)) if k == "outputs" => format!("cell {n} output"),
                    Some(Seg::Key(k)) if k == "source" => format!("cell {n} source"),
                    Some(Seg::Key(k)) if k == "attachments" => format!("cell {n} attachment"),
                    _ => format!("cell {n} metadata"),
                }
            }
            _ => "metadata".into(),
        }
    }

    /// A new group of strings where the reader is.
    fn new_group(&mut self) -> usize {
        let place = self.place();
        if self.places.last() != Some(&place) {
            self.places.push(place);
        }
        self.groups.push(Group { text: Zeroizing::new(Vec::new()), parts: Vec::new(), place: self.places.len() - 1 });
        self.groups.len() - 1
    }

    /// Reads one value. `list`: the group of the list this value is an item of, made when its
    /// first string comes (a list of numbers makes none).
    fn value(&mut self, depth: usize, list: Option<&mut Option<usize>>) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.blank();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                if self.eat(b'}').is_some() {
                    return Some(());
                }
                loop {
                    self.blank();
                    let key = self.string()?;
                    self.eat(b':')?;
                    self.path.push(Seg::Key(String::from_utf8_lossy(&key).into_owned()));
                    self.value(depth + 1, None)?;
                    self.path.pop();
                    if self.eat(b',').is_none() {
                        return self.eat(b'}');
                    }
                }
            }
            b'[' => {
                self.i += 1;
                if self.eat(b']').is_some() {
                    return Some(());
                }
                let mut list = None;
                let mut n = 0usize;
                loop {
                    self.path.push(Seg::Index(n));
                    self.value(depth + 1, Some(&mut list))?;
                    self.path.pop();
                    n += 1;
                    if self.eat(b',').is_none() {
                        return self.eat(b']');
                    }
                }
            }
            b'"' => {
                let quote = self.i;
                let s = self.string()?;
                let g = match list {
                    Some(Some(g)) => *g,
                    Some(slot) => {
                        // The list's group is named after the list, not this item.
                        self.path.pop();
                        let g = self.new_group();
                        self.path.push(Seg::Index(0));
                        *slot = Some(g);
                        g
                    }
                    None => self.new_group(),
                };
                let g = &mut self.groups[g];
                g.parts.push((g.text.len(), quote));
                g.text.extend_from_slice(&s);
                Some(())
            }
            _ => {
                // A number, true, false or null.
                let start = self.i;
                while self.i < self.b.len()
                    && matches!(self.b[self.i], b'0'..=b'9' | b'a'..=b'z' | b'-' | b'+' | b'.' | b'E')
                {
                    self.i += 1;
                }
                let word = &self.b[start..self.i];
                let ok = matches!(word, b"true" | b"false" | b"null")
                    || (!word.is_empty()
                        && word.iter().all(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')));
                ok.then_some(())
            }
        }
    }

    /// Reads a string at `self.i` (its opening quote), decoded.
    fn string(&mut self) -> Option<Zeroizing<Vec<u8>>> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out = Zeroizing::new(Vec::new());
        loop {
            let run = memchr::memchr2(b'"', b'\\', &self.b[self.i..])?;
            out.extend_from_slice(&self.b[self.i..self.i + run]);
            self.i += run;
            if self.b[self.i] == b'"' {
                self.i += 1;
                return Some(out);
            }
            let (bytes, len) = escape_at(self.b, self.i)?;
            out.extend_from_slice(&bytes);
            self.i += len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mask::Form;

    #[test]
    fn finds_values_in_outputs_by_cell_whatever_the_escaping() {
        let (m, _) = Masker::new(&[b"tok-\xc3\xa9t\xc3\xa9-12345", b"line-one-value\nline-two-value"]);
        let nb = br#"{
 "cells": [
  {"cell_type": "code", "source": ["print(x)"], "outputs": []},
  {"cell_type": "code", "source": ["x = 1\n", "y"],
   "outputs": [{"name": "stdout", "output_type": "stream",
                "text": ["tok-\u00e9t\u00E9-", "12345\n", "line-one-value\n", "line-two-value"]}]}
 ],
 "metadata": {"note": "tok-\u00e9t\u00e9-12345"}, "nbformat": 4, "nbformat_minor": 5
}"#;
        let mut hits = Hits::default();
        scan(&m, nb, &mut hits).expect("valid JSON");
        let got: Vec<(u64, u64, usize, Form, &str)> =
            hits.list.iter().map(|h| (h.line, h.column, h.value, h.form, h.place.as_deref().unwrap())).collect();
        assert_eq!(
            got,
            vec![
                (6, 27, 0, Form::Raw, "cell 2 output"),
                (6, 60, 1, Form::Raw, "cell 2 output"),
                (8, 24, 0, Form::Raw, "metadata"),
            ]
        );
    }

    #[test]
    fn refuses_what_is_not_json() {
        let (m, _) = Masker::new(&[b"abcdefgh"]);
        for bad in [&b"{\"a\": [1, 2"[..], b"{\"a\": tru}", b"[\"x\\q\"]", b"{} x", b"\"abc"] {
            assert!(scan(&m, bad, &mut Hits::default()).is_none(), "{}", String::from_utf8_lossy(bad));
        }
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(scan(&m, deep.as_bytes(), &mut Hits::default()).is_none());
    }
}
