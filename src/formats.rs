//! The text formats secrets travel in: dotenv and JSON parsing for `vault import`, and quoting
//! for `vault export`. Pure functions over text, so the parsers can be fuzzed (fuzz/) and tested
//! without a vault. Errors name lines, never values.
//!
//! The dotenv reader is our own and never expands `$NAME` or `${NAME}`: a loader that does looks
//! names up in vault's own environment, so a hostile `.env` could copy the importer's tokens, even
//! VAULT_PASSPHRASE, into a vault its author reads. dotenvy used to read the files behind a
//! pre-pass that escaped every `$`; the two disagreed on where a comment starts (a bare CR before
//! `#`), and dotenvy expanded what the pre-pass had taken for a comment. One reader that decides
//! quotes, escapes and comments in a single pass leaves nothing to disagree, and whatever is
//! ambiguous between loaders is refused rather than guessed.

use zeroize::Zeroizing;

use crate::vault::SecretValue;
use crate::{Error, Result};

/// The 1-based line where `key` is first assigned in dotenv `text`: a lexical guess for messages
/// about text that was not parsed ([`parse_dotenv`] reports its own lines).
pub fn line_of(text: &str, key: &str) -> usize {
    key_lines(text).get(key).copied().unwrap_or(0)
}

/// The 1-based line where each key is first assigned, in one pass over the text (a lookup per
/// key would make a large import quadratic). Lines that are not `KEY=` or `export KEY=` are
/// skipped; a key inside a multi-line value could shadow a later real one only if it looks
/// exactly like an assignment, which costs a wrong line number in a message, nothing more.
pub fn key_lines(text: &str) -> std::collections::HashMap<&str, usize> {
    let mut map = std::collections::HashMap::new();
    for (i, l) in text.lines().enumerate() {
        let l = l.trim_start();
        let l = l.strip_prefix("export ").map(str::trim_start).unwrap_or(l);
        if let Some(eq) = l.find('=') {
            let key = l[..eq].trim_end();
            if !key.is_empty() && !key.contains(char::is_whitespace) {
                map.entry(key).or_insert(i + 1);
            }
        }
    }
    map
}

/// Parses dotenv text into (name, value, line) in file order, taking every `$` literally. The
/// line is where the name is first assigned, which is what a report of a repeated name points
/// at. Errors name the line and character, never a value or a piece of one.
///
/// Read as python-dotenv and Node's dotenv read it (where they differ, as noted):
/// - an optional UTF-8 BOM; LF or CRLF line ends; blank lines; `#` comment lines;
/// - `[export ]NAME=value`, NAME `[A-Za-z_][A-Za-z0-9_.]*`, spaces or tabs around `=`;
/// - unquoted values, trimmed; a blank then `#` starts a comment, any other `#` is part of the
///   value (Node cuts at it); `\` before `\`, `$`, `"`, `'` or a space stands for that character
///   (dotenvy's escapes, which vault has always read; the other two keep the backslash);
/// - `'single'` quotes: literal, no escapes; `"double"` quotes: `\n`, `\r`, `\t`, `\\`, `\"`
///   (python-dotenv's; Node reads only `\n` and `\r`) and `\$` (which [`dotenv_quote`] writes);
///   quoted values may span lines, a CRLF inside them is kept (Node reads LF); after the closing
///   quote only blanks and a `# comment`.
///
/// Refused, because loaders read them differently and a guess is how a line meant as a comment
/// becomes a value: a CR that does not start a CRLF, anywhere (python-dotenv and dotenvy end a
/// line there, Node turns it into LF); a NUL byte; an unterminated quote; a blank inside an
/// unquoted value (`A=hello world`: sh runs `world`); a quote, control character or other
/// whitespace in an unquoted value; an unquoted value starting with `#` or a backtick; any other
/// backslash escape; text after a closing quote; a line that is not an assignment.
pub fn parse_dotenv(text: &str) -> Result<Vec<(String, SecretValue, usize)>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cur = Cursor { text: body, b: body.as_bytes(), pos: 0, line: 1, line_start: 0 };
    // Values are built here: no value is longer than the text, so it never reallocates and
    // leaves no copy of a value behind; dropping it wipes it.
    let mut scratch = Zeroizing::new(Vec::with_capacity(body.len()));
    let mut first_line = std::collections::HashMap::new();
    let mut out = Vec::new();
    loop {
        cur.skip_blanks()?;
        match cur.peek() {
            None => break,
            Some(b'#') => cur.comment()?,
            Some(_) if cur.at_line_end() => {}
            Some(_) => {
                let line = cur.line;
                scratch.clear();
                let key = cur.assignment(&mut scratch)?;
                let value = SecretValue::from_bytes(Zeroizing::new(scratch.to_vec())).map_err(|e| {
                    Error::BadValue(format!("line {line} ({}): {e}", crate::vault::names::printable(&key)))
                })?;
                let first = *first_line.entry(key.clone()).or_insert(line);
                out.push((key, value, first));
            }
        }
        cur.end_line()?;
    }
    Ok(out)
}

/// The dotenv reader: a position in the text and the line it is on. Everything from quotes to
/// comments is decided here, in one pass, so no second reading can disagree with it.
struct Cursor<'a> {
    text: &'a str,
    /// `text` as bytes: everything the grammar looks at is ASCII.
    b: &'a [u8],
    pos: usize,
    /// 1-based line of `pos`.
    line: usize,
    /// Offset where that line starts.
    line_start: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    /// Line and 1-based character of the cursor, kept to report an unterminated quote where it
    /// opened.
    fn here(&self) -> (usize, usize) {
        // Characters, not bytes: count every byte that does not continue a UTF-8 sequence.
        let chars = self.b[self.line_start..self.pos].iter().filter(|&&c| c & 0xC0 != 0x80).count();
        (self.line, chars + 1)
    }

    fn fail(&self, why: &str) -> Error {
        syntax_error(self.here(), why)
    }

    /// Takes one byte. Every byte goes through here, so a NUL or a lone CR is refused wherever it
    /// is: in a value, in a comment, between tokens.
    fn bump(&mut self) -> Result<Option<u8>> {
        let Some(c) = self.peek() else { return Ok(None) };
        match c {
            0 => return Err(self.fail("a NUL byte")),
            b'\r' if self.b.get(self.pos + 1) != Some(&b'\n') => {
                return Err(self.fail("a carriage return that is not part of a CRLF line end"))
            }
            _ => {}
        }
        self.pos += 1;
        if c == b'\n' {
            self.line += 1;
            self.line_start = self.pos;
        }
        Ok(Some(c))
    }

    fn skip_blanks(&mut self) -> Result<()> {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.bump()?;
        }
        Ok(())
    }

    /// At LF, CRLF (or a lone CR, which [`Self::bump`] refuses) or the end of the text.
    fn at_line_end(&self) -> bool {
        matches!(self.peek(), None | Some(b'\n' | b'\r'))
    }

    /// Steps over the line end the cursor is at.
    fn end_line(&mut self) -> Result<()> {
        debug_assert!(self.at_line_end());
        if self.peek() == Some(b'\r') {
            self.bump()?;
        }
        self.bump()?;
        Ok(())
    }

    /// A `#` comment, up to the line end; its bytes are checked like any other.
    fn comment(&mut self) -> Result<()> {
        while !self.at_line_end() {
            self.bump()?;
        }
        Ok(())
    }

    /// `[export ]NAME = value [# comment]`; the value goes into `v`.
    fn assignment(&mut self, v: &mut Vec<u8>) -> Result<String> {
        let mut key = self.name()?;
        // `export` is a prefix when a name follows it, else a name (as in dotenvy).
        if key == "export" && matches!(self.peek(), Some(b' ' | b'\t')) {
            self.skip_blanks()?;
            if self.peek() != Some(b'=') {
                key = self.name()?;
            }
        }
        self.skip_blanks()?;
        if self.peek() != Some(b'=') {
            return Err(self.fail("expected '=' after the name"));
        }
        self.bump()?;
        self.skip_blanks()?;
        match self.peek() {
            Some(b'\'') => self.single_quoted(v)?,
            Some(b'"') => self.double_quoted(v)?,
            // python-dotenv keeps these as the value, Node reads a comment or a backtick quote.
            Some(b'#' | b'`') => return Err(self.fail("a value cannot start with '#' or '`' unless quoted")),
            _ => self.unquoted(v)?,
        }
        Ok(key)
    }

    fn name(&mut self) -> Result<String> {
        let start = self.pos;
        if !matches!(self.peek(), Some(c) if c.is_ascii_alphabetic() || c == b'_') {
            return Err(self.fail("expected a name: a letter or '_', then letters, digits, '_' or '.'"));
        }
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'.') {
            self.bump()?;
        }
        Ok(String::from_utf8_lossy(&self.b[start..self.pos]).into_owned())
    }

    fn unquoted(&mut self, v: &mut Vec<u8>) -> Result<()> {
        loop {
            match self.peek() {
                None | Some(b'\n' | b'\r') => return Ok(()),
                Some(b' ' | b'\t') => {
                    self.skip_blanks()?;
                    return match self.peek() {
                        Some(b'#') => self.comment(),
                        _ if self.at_line_end() => Ok(()),
                        _ => Err(self.fail("a blank inside an unquoted value: quote the value")),
                    };
                }
                Some(b'\\') => {
                    self.bump()?;
                    match self.peek() {
                        Some(c @ (b'\\' | b'$' | b'"' | b'\'' | b' ')) => {
                            self.bump()?;
                            v.push(c);
                        }
                        _ => return Err(self.fail("unknown escape in an unquoted value: quote the value")),
                    }
                }
                Some(b'"' | b'\'') => return Err(self.fail("a quote inside an unquoted value: quote the whole value")),
                // A NUL is left to bump(), which names it.
                Some(c) if (c < 0x20 && c != 0) || c == 0x7f => {
                    return Err(self.fail("a control character in an unquoted value: quote the value"))
                }
                Some(c) if c >= 0x80 => {
                    // Only whole characters are taken here, so a character starts at `pos`.
                    let ch = self.text.get(self.pos..).and_then(|r| r.chars().next()).unwrap_or('\u{fffd}');
                    // Node's trim() also drops U+FEFF; Rust and Python do not call it whitespace.
                    if ch.is_whitespace() || ch.is_control() || ch == '\u{feff}' {
                        return Err(
                            self.fail("a space-like or control character in an unquoted value: quote the value")
                        );
                    }
                    for _ in 0..ch.len_utf8() {
                        v.extend(self.bump()?);
                    }
                }
                Some(_) => v.extend(self.bump()?),
            }
        }
    }

    fn single_quoted(&mut self, v: &mut Vec<u8>) -> Result<()> {
        let open = self.here();
        self.bump()?;
        loop {
            match self.bump()? {
                None => return Err(syntax_error(open, "this quote is never closed")),
                Some(b'\'') => break,
                Some(c) => v.push(c),
            }
        }
        self.after_quote()
    }

    fn double_quoted(&mut self, v: &mut Vec<u8>) -> Result<()> {
        let open = self.here();
        self.bump()?;
        loop {
            match self.bump()? {
                None => return Err(syntax_error(open, "this quote is never closed")),
                Some(b'"') => break,
                Some(b'\\') => {
                    let c = match self.peek() {
                        Some(b'n') => b'\n',
                        Some(b'r') => b'\r',
                        Some(b't') => b'\t',
                        Some(c @ (b'\\' | b'"' | b'$')) => c,
                        _ => {
                            return Err(self.fail("unknown escape: inside double quotes only \\n \\r \\t \\\\ \\\" \\$"))
                        }
                    };
                    self.bump()?;
                    v.push(c);
                }
                Some(c) => v.push(c),
            }
        }
        self.after_quote()
    }

    fn after_quote(&mut self) -> Result<()> {
        self.skip_blanks()?;
        match self.peek() {
            Some(b'#') => self.comment(),
            _ if self.at_line_end() => Ok(()),
            _ => Err(self.fail("only blanks and a '#' comment may follow a closing quote")),
        }
    }
}

fn syntax_error((line, col): (usize, usize), why: &str) -> Error {
    Error::BadValue(format!("dotenv syntax error on line {line} at character {col}: {why}"))
}

/// Parses a JSON object of strings; errors name the line.
pub fn parse_json(text: &str) -> Result<Vec<(String, SecretValue, usize)>> {
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)
        .map_err(|e| Error::BadValue(format!("invalid JSON on line {}: expected one object of strings", e.line())))?;
    // The line of each key, in one pass: a line that starts with "KEY": (pretty-printed JSON).
    let mut lines = std::collections::HashMap::new();
    for (i, l) in text.lines().enumerate() {
        if let Some(rest) = l.trim_start().strip_prefix('"') {
            if let Some(end) = rest.find('"') {
                lines.entry(&rest[..end]).or_insert(i + 1);
            }
        }
    }
    let mut out = Vec::new();
    for (k, v) in map {
        let line = lines.get(k.as_str()).copied().unwrap_or(if text.lines().nth(1).is_none() { 1 } else { 0 });
        let serde_json::Value::String(s) = v else {
            return Err(Error::BadValue(format!(
                "line {line} ({}): the value must be a string",
                crate::vault::names::printable(&k)
            )));
        };
        let v = SecretValue::from_bytes(Zeroizing::new(s.into_bytes()))
            .map_err(|e| Error::BadValue(format!("line {line} ({}): {e}", crate::vault::names::printable(&k))))?;
        out.push((k, v, line));
    }
    Ok(out)
}

/// Quotes a value for dotenv so [`parse_dotenv`] reads it back exactly. `$` is escaped for
/// loaders that expand it (dotenvy and others would otherwise substitute their own environment),
/// and CR is written `\r` because a bare CR is refused on import. A NUL cannot be written at
/// all: the file it ends up in is refused on import, naming the line.
pub fn dotenv_quote(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    push_dotenv_quoted(&mut out, v);
    out
}

/// Appends `v` quoted as [`dotenv_quote`] does, at most 2 bytes per byte plus 2: an export
/// writes each value straight into one zeroizing buffer sized up front, never a copy.
pub fn push_dotenv_quoted(out: &mut String, v: &str) {
    out.push('"');
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Quotes a value for POSIX sh: single quotes, a quote as '\''.
pub fn shell_quote(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    push_shell_quoted(&mut out, v);
    out
}

/// Appends `v` quoted as [`shell_quote`] does, at most 4 bytes per byte plus 2.
pub fn push_shell_quoted(out: &mut String, v: &str) {
    out.push('\'');
    for c in v.chars() {
        match c {
            '\'' => out.push_str("'\\''"),
            c => out.push(c),
        }
    }
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn round_trip(v: &str) -> String {
        let text = format!("KEY={}\n", dotenv_quote(v));
        let parsed = parse_dotenv(&text).unwrap();
        parsed[0].1.expose().to_owned()
    }

    #[test]
    fn dotenv_quoting_round_trips() {
        for v in [
            "plain",
            "with space",
            "q\"uote's",
            "a$HOME b${X}",
            "back\\slash\\n",
            "multi\nline\n",
            "crlf\r\nx",
            "#hash=eq",
            "ünï😀",
        ] {
            assert_eq!(round_trip(v), v, "value {v:?}");
        }
    }

    #[test]
    fn dollar_signs_are_literal_never_expanded() {
        let text = "# it's a comment with $HOME\nA=\"x$PATH\"\nB=${PATH}y\nC='$HOME'\nD=a\\$b # it's\nE=\"q'$X\"\n";
        let got: Vec<(String, String)> =
            parse_dotenv(text).unwrap().into_iter().map(|(k, v, _)| (k, v.expose().to_owned())).collect();
        // An escaped blank does not start a comment: the `$` after it stays literal too.
        let tricky = parse_dotenv("INNOCENT=x\\ #${HOME}\n").unwrap();
        assert_eq!(tricky[0].1.expose(), "x #${HOME}");
        let want = [("A", "x$PATH"), ("B", "${PATH}y"), ("C", "$HOME"), ("D", "a$b"), ("E", "q'$X")];
        assert_eq!(got.len(), want.len());
        for ((k, v), (wk, wv)) in got.iter().zip(want) {
            assert_eq!((k.as_str(), v.as_str()), (wk, wv));
        }
    }

    #[test]
    fn syntax_errors_name_their_line() {
        let err = parse_dotenv("A=1\nB=two words\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn line_numbers() {
        let text = "# c\nA_OK=1\n\nexport BAD-=2\n";
        assert_eq!(line_of(text, "BAD-"), 4);
        assert_eq!(line_of(text, "A_OK"), 2);
    }

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }

    fn entries(text: &str) -> Vec<(String, String, usize)> {
        parse_dotenv(text).unwrap().into_iter().map(|(k, v, l)| (k, v.expose().to_owned(), l)).collect()
    }

    fn owned(want: &[(&str, &str, usize)]) -> Vec<(String, String, usize)> {
        want.iter().map(|&(k, v, l)| (k.to_owned(), v.to_owned(), l)).collect()
    }

    // Attack 3: the escaping pre-pass took `\r#...` for a comment and dotenvy read a new line
    // there, expanding `${...}` from vault's environment. A CR is now a line end only in CRLF and
    // refused anywhere else: between tokens, in values, quoted or not, and in comments.
    #[test]
    fn a_carriage_return_outside_crlf_is_refused_wherever_it_is() {
        for (text, at) in [
            ("NOTE=ok\r#${AWS_SECRET_ACCESS_KEY}:${VAULT_PASSPHRASE}\n", "on line 1 at character 8:"),
            ("A_1=1\nNOTE=\"ok\r#${X}\"\n", "on line 2 at character 9:"),
            ("A_1=1\nNOTE='ok\r#${X}'\n", "on line 2 at character 9:"),
            ("A_1=1\n# note\r${X}=1\n", "on line 2 at character 7:"),
            ("NOTE=ok #\r${X}\n", "on line 1 at character 10:"),
            ("NOTE=\"ok\" \r#${X}\n", "on line 1 at character 11:"),
            ("\rNOTE=${X}\n", "on line 1 at character 1:"),
            ("NOTE=ok\r", "on line 1 at character 8:"),
            ("NOTE=ok\r\r\n", "on line 1 at character 8:"),
        ] {
            let err = parse_dotenv(text).unwrap_err().to_string();
            assert!(err.starts_with("dotenv syntax error ") && err.contains(at), "{text:?}: {err}");
        }
        // In CRLF it ends a line outside quotes and is kept inside them.
        assert_eq!(
            entries("A_1=x\r\n\r\n# c\r\nB_2=\"y\r\nz\" # c\r\nC_3='$q\r\n'\r\n"),
            owned(&[("A_1", "x", 1), ("B_2", "y\r\nz", 4), ("C_3", "$q\r\n", 6)])
        );
    }

    #[test]
    fn accepted_syntax_reads_as_written() {
        let text = "\u{feff}# top $HOME\r\n\r\n  export  EXP_1 = plain\r\n\tSPACED\t=   trim\\ med\\ \t \n\
                    HASH=a#b${X} # comment\nSQ='lit \\n \\$X \"' # c\nDQ=\"t\\tn\\nr\\rq\\\"b\\\\d\\$e${X}\"#c\n\
                    MULTI=\"one\n#two\r\n  three \"\nexport=is-a-name\nUNQ=\\$\\\\\\ \\\"\\'x\nUNI=ünï😀$\n  \t\nLAST=x";
        assert_eq!(
            entries(text),
            owned(&[
                ("EXP_1", "plain", 3),
                ("SPACED", "trim med ", 4),
                ("HASH", "a#b${X}", 5),
                ("SQ", "lit \\n \\$X \"", 6),
                ("DQ", "t\tn\nr\rq\"b\\d$e${X}", 7),
                ("MULTI", "one\n#two\r\n  three ", 8),
                ("export", "is-a-name", 11),
                ("UNQ", "$\\ \"'x", 12),
                ("UNI", "ünï😀$", 13),
                ("LAST", "x", 15),
            ])
        );
        // A repeated name is reported at its first assignment, as the duplicate check shows it.
        assert_eq!(entries("AAA=1\nBBB=2\nAAA=3\n"), owned(&[("AAA", "1", 1), ("BBB", "2", 2), ("AAA", "3", 1)]));
        assert_eq!(entries(""), owned(&[]));
        assert_eq!(entries("\u{feff}"), owned(&[]));
        assert_eq!(entries("# only\n\n"), owned(&[]));
    }

    #[test]
    fn ambiguous_syntax_is_refused_with_line_and_character_but_no_value() {
        for (text, at) in [
            ("A_1=ok\nB_2=two s3cr3t\n", "on line 2 at character 9:"),
            ("A_1=\"s3cr3t\n", "on line 1 at character 5:"),
            ("A_1=ok\n\nB_2='s3cr3t\n\nC_3=1\n", "on line 3 at character 5:"),
            ("A_1=\"s3cr3t\"x\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\nmore\" x\n", "on line 2 at character 7:"),
            ("A_1=s3cr3t\"x\"\n", "on line 1 at character 11:"),
            ("A_1=s3cr3t'x'\n", "on line 1 at character 11:"),
            ("# s3cr3t\0\nA_1=1\n", "on line 1 at character 9:"),
            ("A_1=\"s3cr3t\0\"\n", "on line 1 at character 12:"),
            ("A_1='s3cr3t\0'\n", "on line 1 at character 12:"),
            ("A_1=s3cr3t\0\n", "on line 1 at character 11:"),
            ("A_1=\"s3cr3t\\a\"\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\\\nx\"\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\\'\"\n", "on line 1 at character 13:"),
            ("A_1=s3cr3t\\n\n", "on line 1 at character 12:"),
            ("A_1=s3cr3t\\\n", "on line 1 at character 12:"),
            ("A_1=#s3cr3t\n", "on line 1 at character 5:"),
            ("A_1= #s3cr3t\n", "on line 1 at character 6:"),
            ("A_1=`s3cr3t`\n", "on line 1 at character 5:"),
            ("A_1=s3cr3t\u{a0}#x\n", "on line 1 at character 11:"),
            ("A_1=s3cr3t\u{2028}x\n", "on line 1 at character 11:"),
            ("A_1=s3cr3t\u{feff}\n", "on line 1 at character 11:"),
            ("A_1=s3cr3t\x0b#x\n", "on line 1 at character 11:"),
            ("A_1=s3cr3t\x1b[0m\n", "on line 1 at character 11:"),
            ("A_1 s3cr3t\n", "on line 1 at character 5:"),
            ("export A_1\n", "on line 1 at character 11:"),
            ("export\n", "on line 1 at character 7:"),
            ("1A=s3cr3t\n", "on line 1 at character 1:"),
            ("A-B=s3cr3t\n", "on line 1 at character 2:"),
            ("ключ=s3cr3t\n", "on line 1 at character 1:"),
            ("\u{a0}A_1=s3cr3t\n", "on line 1 at character 1:"),
            ("A_1:s3cr3t\n", "on line 1 at character 4:"),
        ] {
            let err = parse_dotenv(text).unwrap_err().to_string();
            assert!(err.starts_with("dotenv syntax error ") && err.contains(at), "{text:?}: {err}");
            assert!(!err.contains("s3cr"), "{text:?}: the error shows the value: {err}");
        }
        // The vault refuses empty values; that error names the line and the name only.
        for text in ["A_1=ok\nEMPTY=\n", "A_1=ok\nexport EMPTY=''\n", "A_1=ok\nEMPTY=\"\""] {
            assert_eq!(parse_dotenv(text).unwrap_err().to_string(), "line 2 (EMPTY): the value is empty", "{text:?}");
        }
    }

    #[test]
    fn a_nul_in_an_exported_value_is_refused_not_mangled() {
        let text = format!("FIRST=1\nK_1={}\n", dotenv_quote("a\0b"));
        let err = parse_dotenv(&text).unwrap_err().to_string();
        assert!(err.contains("on line 2 at character 7: a NUL byte"), "{err}");
    }

    /// `$` stands for itself in one escape, `\$`; with those taken out, a `$` must behave like
    /// any ordinary byte. Removal repeats because taking one out can join a `\` and a `$`.
    fn without_dollar_escapes(text: &str) -> String {
        let mut text = text.to_owned();
        while text.contains("\\$") {
            text = text.replace("\\$", "$");
        }
        text
    }

    fn outcome(text: &str) -> std::result::Result<Vec<(String, String, usize)>, String> {
        parse_dotenv(text)
            .map(|v| v.into_iter().map(|(k, v, l)| (k, v.expose().to_owned(), l)).collect())
            .map_err(|e| e.to_string())
    }

    /// Pieces of dotenv that move the grammar, glued at random: most make errors, which must
    /// come out the same too.
    const PIECES: &[&str] = &[
        "KEY",
        "_k.1",
        "export ",
        "export\t",
        "=",
        " = ",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "#",
        " #",
        "'",
        "\"",
        "\\",
        "\\\\",
        "\\ ",
        "\\n",
        "\\r",
        "\\t",
        "\\\"",
        "\\'",
        "$",
        "${",
        "}",
        "$HOME",
        "${AWS_SECRET_ACCESS_KEY}",
        "$$",
        "$(id)",
        "x",
        "é",
        "\u{a0}",
        "\u{feff}",
        "\0",
        "`",
        "%",
        "\x0b",
    ];
    /// What goes between quotes, or bare, on an assignment line.
    const VALUE_PIECES: &[&str] = &[
        "a", "$", "${X}", "$X", "{", "}", "\\\\", "\\n", "\\ ", " ", "\t", "#", " #", "'", "\"", "é", "\r\n", "\n", "%",
    ];

    fn dotenv_like() -> impl Strategy<Value = String> {
        use proptest::sample::select;
        let raw = prop::collection::vec(select(PIECES), 0..40).prop_map(|v| v.concat());
        let line = (
            select(&["", "export ", "  "][..]),
            "[A-Za-z_][A-Za-z0-9_.]{0,5}",
            select(&["=", " = ", "\t="][..]),
            select(&["", "'", "\""][..]),
            prop::collection::vec(select(VALUE_PIECES), 1..8),
            select(&["\n", "\r\n", " # $c\n", "#c\n", ""][..]),
        )
            .prop_map(|(export, key, eq, quote, body, end)| {
                format!("{export}{key}{eq}{quote}{}{quote}{end}", body.concat())
            });
        let lines = prop::collection::vec(line, 1..6).prop_map(|v| v.concat());
        prop_oneof![raw, lines]
    }

    /// Any character but NUL, biased towards those dotenv and shells care about.
    fn value_char() -> impl Strategy<Value = char> {
        let special = proptest::sample::select(vec![
            '$', '{', '}', '"', '\'', '\\', '\n', '\r', '\t', '#', ' ', '`', '=', '\u{a0}', '\u{feff}', '\u{2028}', 'n',
        ]);
        prop_oneof![special, any::<char>().prop_filter("NUL cannot be exported", |c| *c != '\0')]
    }

    proptest! {
        // `$` is never special: swapping every `$` for `%` changes nothing but the values, the
        // same way (same names, lines, errors).
        #[test]
        fn a_dollar_is_an_ordinary_byte(text in dotenv_like()) {
            let text = without_dollar_escapes(&text);
            let want = outcome(&text).map(|v| v.into_iter().map(|(k, v, l)| (k, v.replace('$', "%"), l)).collect::<Vec<_>>());
            prop_assert_eq!(outcome(&text.replace('$', "%")), want);
        }

        // What `vault export --format dotenv` writes reads back byte for byte.
        #[test]
        fn exported_values_read_back_exactly(values in prop::collection::vec(prop::collection::vec(value_char(), 1..40), 1..5)) {
            let values: Vec<String> = values.into_iter().map(|v| v.into_iter().collect()).collect();
            let text: String = values.iter().enumerate().map(|(i, v)| format!("KEY_{i}={}\n", dotenv_quote(v))).collect();
            let got = outcome(&text);
            let want: Vec<(String, String, usize)> = values.iter().enumerate().map(|(i, v)| (format!("KEY_{i}"), v.clone(), i + 1)).collect();
            prop_assert_eq!(got, Ok(want));
        }
    }
}
