//! The text formats secrets travel in: dotenv and JSON parsing for `vault import`, and quoting
//! for `vault export`. Pure functions over text, so the parsers can be fuzzed (fuzz/) and tested
//! without a vault. Errors name lines, never values.
//!
//! The dotenv reader accepts what python-dotenv and Node's dotenv, the two loaders most `.env`
//! files are written for, both accept and read the same way, and refuses the rest with the line
//! and character, naming how they differ: a guess is how a value one loader reads becomes a
//! different one in the vault. It never expands `$NAME` or `${NAME}`: a loader that does looks
//! names up in vault's own environment, so a hostile `.env` could copy the importer's tokens,
//! even VAULT_PASSPHRASE, into a vault its author reads. `tests/dotenv_interop.rs` runs both
//! loaders on awkward and random files to hold this to what they really do.

use zeroize::Zeroizing;

use crate::vault::SecretValue;
use crate::{Error, Result};

/// What an import file holds: the entries with a value, in file order, as (name, value, line),
/// and the names assigned an empty value, as (name, line). A secret has a value, so import skips
/// those and says so. The line is where the name is first assigned, which is what a report of a
/// repeated name points at.
#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<(String, SecretValue, usize)>,
    pub empty: Vec<(String, usize)>,
}

/// Parses dotenv text, taking every `$` literally. Errors name the line and character, never a
/// value or a piece of one.
///
/// Accepted, because python-dotenv (default settings, reading a file) and Node's dotenv read it
/// alike:
/// - an optional UTF-8 BOM (Node drops it; python-dotenv keeps it in the first name, which no
///   one means); LF or CRLF line ends, and a CRLF inside quotes reads as LF; blank lines;
///   `#` comment lines;
/// - `[export ]NAME=value`, NAME `[A-Za-z_][A-Za-z0-9_.]*`, spaces or tabs around `=`;
/// - unquoted values, trimmed, blanks inside kept (`A=hello world`), backslashes and quotes
///   inside taken literally; a blank then `#` starts a comment;
/// - empty values: `A=`, `A=''`, `A=""`;
/// - `'single'` quotes: literal; `"double"` quotes: `\n` and `\r` are escapes, any other
///   backslash is literal; quoted values may span lines; after the closing quote only blanks
///   and a `# comment`.
///
/// Refused, each because the two read it differently (or one of them not at all): `${...}`
/// anywhere (python-dotenv expands it from the reader's environment); `\\ \' \" \a \b \f \t \v`
/// in double quotes and `\\ \'` in single quotes (python-dotenv's escapes, Node keeps the
/// backslash); `\$` in double quotes (both keep the backslash, but vault used to write it for
/// `$`); a `#` inside an unquoted value not after a blank (Node cuts the value there); a value
/// starting with `#` or a backtick; `A=` followed by a line starting with a quote (Node reads
/// that line as the value); `export =`; a CR that does not start a CRLF, a NUL, a control or
/// space-like character in an unquoted value; an unterminated quote; text after a closing
/// quote; a line that is not an assignment.
pub fn parse_dotenv(text: &str) -> Result<Parsed> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cur = Cursor { text: body, b: body.as_bytes(), pos: 0, line: 1, line_start: 0 };
    // python-dotenv reads a BOM as part of the first name: harmless before a name, but before
    // a blank or `export ` it loses that first line.
    if body.len() < text.len()
        && (body.starts_with([' ', '\t']) || body.starts_with("export ") || body.starts_with("export\t"))
    {
        return Err(cur.fail(
            "a byte order mark then a blank or 'export': python-dotenv reads the mark as part of a name and \
             loses this line; save the file without the mark",
        ));
    }
    // Values are built here: no value is longer than the text, so it never reallocates and
    // leaves no copy of a value behind; dropping it wipes it.
    let mut scratch = Zeroizing::new(Vec::with_capacity(body.len()));
    let mut first_line = std::collections::HashMap::new();
    let mut out = Parsed::default();
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
                let first = *first_line.entry(key.clone()).or_insert(line);
                if scratch.is_empty() {
                    out.empty.push((key, first));
                } else {
                    let value = SecretValue::from_bytes(Zeroizing::new(scratch.to_vec())).map_err(|e| {
                        Error::BadValue(format!("line {line} ({}): {e}", crate::vault::names::printable(&key)))
                    })?;
                    out.entries.push((key, value, first));
                }
            }
        }
        cur.end_line()?;
    }
    Ok(out)
}

/// Whether python-dotenv, with its default `interpolate=True`, would replace part of `v` with a
/// variable: its pattern `\$\{[^}:]*(:-[^}]*)?\}`, applied to every value however quoted.
pub fn expands_in_python(v: &[u8]) -> bool {
    let mut i = 0;
    while let Some(at) = v[i..].windows(2).position(|w| w == b"${") {
        let mut j = i + at + 2;
        while j < v.len() && v[j] != b'}' && v[j] != b':' {
            j += 1;
        }
        if v.get(j) == Some(&b'}') {
            return true;
        }
        if v[j..].starts_with(b":-") && v[j + 2..].contains(&b'}') {
            return true;
        }
        i += at + 1;
    }
    false
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

    /// Takes one byte; a CRLF is taken whole and read as LF, as both loaders read it, in values
    /// too. Every byte goes through here, so a NUL or a lone CR is refused wherever it is: in a
    /// value, in a comment, between tokens.
    fn bump(&mut self) -> Result<Option<u8>> {
        let Some(c) = self.peek() else { return Ok(None) };
        match c {
            0 => return Err(self.fail("a NUL byte")),
            b'\r' if self.b.get(self.pos + 1) != Some(&b'\n') => {
                return Err(self.fail("a carriage return that is not part of a CRLF line end"))
            }
            b'\r' => self.pos += 1,
            _ => {}
        }
        let c = self.b[self.pos];
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
        self.bump()?;
        Ok(())
    }

    /// A `#` comment, up to the line end; its bytes are checked like any other. U+2028 and
    /// U+2029 end a line for Node's pattern (and not for python-dotenv): after one, Node reads
    /// what python-dotenv and vault take for the rest of the comment as an assignment.
    fn comment(&mut self) -> Result<()> {
        while !self.at_line_end() {
            if self.b[self.pos..].starts_with("\u{2028}".as_bytes())
                || self.b[self.pos..].starts_with("\u{2029}".as_bytes())
            {
                return Err(self.fail(
                    "a line or paragraph separator (U+2028, U+2029) in a comment: Node's dotenv reads a new line \
                     there, python-dotenv does not",
                ));
            }
            self.bump()?;
        }
        Ok(())
    }

    /// `[export ]NAME = value [# comment]`; the value goes into `v`.
    fn assignment(&mut self, v: &mut Vec<u8>) -> Result<String> {
        let mut key = self.name()?;
        if key == "export" && matches!(self.peek(), Some(b' ' | b'\t')) {
            self.skip_blanks()?;
            if self.peek() == Some(b'=') {
                return Err(self.fail(
                    "'export =': python-dotenv reads 'export ' as a prefix with no name after it, Node's dotenv \
                     a variable named export",
                ));
            }
            key = self.name()?;
        }
        self.skip_blanks()?;
        if self.peek() != Some(b'=') {
            return Err(self.fail("expected '=' after the name"));
        }
        self.bump()?;
        self.skip_blanks()?;
        let start = self.here();
        match self.peek() {
            Some(b'\'') => self.single_quoted(v)?,
            Some(b'"') => self.double_quoted(v)?,
            Some(b'#') => {
                return Err(self.fail(
                    "a value starting with '#': python-dotenv reads it as the value, Node's dotenv as a comment; \
                     quote it, or leave nothing after '='",
                ))
            }
            Some(b'`') => {
                return Err(self.fail(
                    "a value starting with '`': Node's dotenv reads a quote, python-dotenv a character; use ' or \"",
                ))
            }
            _ => {
                self.unquoted(v)?;
                if v.is_empty() {
                    self.no_quote_below()?;
                }
            }
        }
        if expands_in_python(v) {
            return Err(syntax_error(
                start,
                "'${...}' in the value: python-dotenv replaces it with a variable from the reading environment, \
                 Node's dotenv keeps it as text",
            ));
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

    /// After `NAME=` with nothing else on the line: Node's pattern lets the value's quotes come
    /// after any run of whitespace, line ends included, so a quoted line below becomes the value
    /// there while python-dotenv reads it as a line of its own.
    fn no_quote_below(&self) -> Result<()> {
        let rest = &self.text[self.pos..];
        let next = rest.chars().find(|&c| !(c.is_whitespace() || c == '\u{feff}'));
        if matches!(next, Some('\'' | '"' | '`')) {
            return Err(self.fail(
                "an empty value, then a line starting with a quote: Node's dotenv reads that line as this value, \
                 python-dotenv reads it empty; write '' for an empty value",
            ));
        }
        Ok(())
    }

    fn unquoted(&mut self, v: &mut Vec<u8>) -> Result<()> {
        loop {
            match self.peek() {
                None | Some(b'\n' | b'\r') => return Ok(()),
                Some(b' ' | b'\t') => {
                    let blanks = self.pos;
                    self.skip_blanks()?;
                    match self.peek() {
                        Some(b'#') => return self.comment(),
                        _ if self.at_line_end() => return Ok(()),
                        // Inside the value: both loaders keep it.
                        _ => v.extend_from_slice(&self.b[blanks..self.pos]),
                    }
                }
                Some(b'#') => {
                    return Err(self.fail(
                        "a '#' inside an unquoted value: python-dotenv keeps it, Node's dotenv ends the value there; \
                         quote the value",
                    ))
                }
                // A NUL is left to bump(), which names it.
                Some(c) if (c < 0x20 && c != 0) || c == 0x7f => {
                    return Err(self.fail("a control character in an unquoted value: quote the value"))
                }
                Some(c) if c >= 0x80 => {
                    // Only whole characters are taken here, so a character starts at `pos`.
                    let ch = self.text.get(self.pos..).and_then(|r| r.chars().next()).unwrap_or('\u{fffd}');
                    // The loaders trim different sets of these (Node's trim() drops U+FEFF, Python's
                    // rstrip() U+0085).
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
                Some(b'\\') if matches!(self.peek(), Some(b'\\' | b'\'')) => {
                    return Err(self.fail(
                        "\\\\ or \\' inside single quotes: python-dotenv reads an escape, Node's dotenv a backslash \
                         and the character",
                    ))
                }
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
                Some(b'\\') => match self.peek() {
                    Some(e @ (b'n' | b'r')) => {
                        self.bump()?;
                        v.push(if e == b'n' { b'\n' } else { b'\r' });
                    }
                    Some(b'$') => {
                        return Err(self.fail(
                            "\\$ inside double quotes: python-dotenv and Node's dotenv keep the backslash, older \
                             vault exports meant '$'; put the value in single quotes",
                        ))
                    }
                    Some(b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b't' | b'v') => {
                        return Err(self.fail(
                            "this escape inside double quotes: python-dotenv reads it, Node's dotenv keeps the \
                             backslash (both read only \\n and \\r)",
                        ))
                    }
                    // Both keep any other backslash; what follows is read as usual.
                    _ => v.push(b'\\'),
                },
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

/// Parses a JSON object of strings; errors name the line. An empty string is listed in
/// [`Parsed::empty`], as in dotenv.
pub fn parse_json(text: &str) -> Result<Parsed> {
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
    let mut out = Parsed::default();
    for (k, v) in map {
        let line = lines.get(k.as_str()).copied().unwrap_or(if text.lines().nth(1).is_none() { 1 } else { 0 });
        let serde_json::Value::String(s) = v else {
            return Err(Error::BadValue(format!(
                "line {line} ({}): the value must be a string",
                crate::vault::names::printable(&k)
            )));
        };
        if s.is_empty() {
            out.empty.push((k, line));
            continue;
        }
        let v = SecretValue::from_bytes(Zeroizing::new(s.into_bytes()))
            .map_err(|e| Error::BadValue(format!("line {line} ({}): {e}", crate::vault::names::printable(&k))))?;
        out.entries.push((k, v, line));
    }
    Ok(out)
}

/// Quotes a value for `vault export --format dotenv`, choosing per value a form that
/// python-dotenv (default settings), Node's dotenv and sh (`set -a; . FILE`) all read back byte
/// for byte, and that [`parse_dotenv`] reads the same: `'single'` quotes where the value allows
/// them, else `"double"` quotes. None when no form does: a carriage return (the loaders read LF,
/// sh a CR), a NUL (sh drops it), `${...}` (python-dotenv expands it), `\\` or a final `\` with no room for double
/// quotes, or a `'` together with one of `" $ ` \`.
pub fn dotenv_quote(v: &str) -> Option<String> {
    let mut out = String::with_capacity(v.len() + 2);
    push_dotenv_quoted(&mut out, v).then_some(out)
}

/// The quote [`dotenv_quote`] puts around `v`, or None when no form reads back the same in
/// every reader. Deciding needs no copy of the value, so an export checks every value first.
pub fn dotenv_quote_for(v: &str) -> Option<char> {
    // bash drops a NUL from a value; python-dotenv and Node keep it.
    if v.contains(['\r', '\0']) || expands_in_python(v.as_bytes()) {
        return None;
    }
    // Inside single quotes python-dotenv reads `\\` and `\'` as escapes; sh and Node read
    // nothing inside them. Inside double quotes all three read no escape and no `$` only when
    // the value has no backslash, `$`, backtick or double quote.
    if !v.contains('\'') && !v.contains("\\\\") && !v.ends_with('\\') {
        Some('\'')
    } else if !v.contains(['"', '$', '`', '\\']) {
        Some('"')
    } else {
        None
    }
}

/// Appends `v` quoted as [`dotenv_quote`] does, exactly 2 bytes more than the value (an export
/// writes each value straight into one zeroizing buffer sized up front, never a copy); false,
/// with nothing appended, when no form reads back the same everywhere.
pub fn push_dotenv_quoted(out: &mut String, v: &str) -> bool {
    let Some(quote) = dotenv_quote_for(v) else { return false };
    out.push(quote);
    out.push_str(v);
    out.push(quote);
    true
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

    fn entries(text: &str) -> Vec<(String, String, usize)> {
        let p = parse_dotenv(text).unwrap();
        p.entries.into_iter().map(|(k, v, l)| (k, v.expose().to_owned(), l)).collect()
    }

    fn owned(want: &[(&str, &str, usize)]) -> Vec<(String, String, usize)> {
        want.iter().map(|&(k, v, l)| (k.to_owned(), v.to_owned(), l)).collect()
    }

    fn outcome(text: &str) -> std::result::Result<Vec<(String, String, usize)>, String> {
        parse_dotenv(text)
            .map(|p| p.entries.into_iter().map(|(k, v, l)| (k, v.expose().to_owned(), l)).collect())
            .map_err(|e| e.to_string())
    }

    fn round_trip(v: &str) -> Option<String> {
        let text = format!("KEY={}\n", dotenv_quote(v)?);
        Some(parse_dotenv(&text).unwrap().entries[0].1.expose().to_owned())
    }

    #[test]
    fn export_quoting_picks_a_form_per_value_or_none() {
        for (v, want) in [
            ("plain", Some("'plain'")),
            ("with space", Some("'with space'")),
            ("a$HOME b$X", Some("'a$HOME b$X'")),
            ("q\"uote", Some("'q\"uote'")),
            ("it's", Some("\"it's\"")),
            ("multi\nline\n", Some("'multi\nline\n'")),
            ("back\\slash\\n", Some("'back\\slash\\n'")),
            ("#hash=eq", Some("'#hash=eq'")),
            ("ünï😀", Some("'ünï😀'")),
            ("pre${HOME}post", None),
            ("${X:-d}", None),
            ("crlf\r\nx", None),
            ("nul\0x", None),
            ("unc\\\\share", None),
            ("ends\\", None),
            ("it's $5", None),
            ("it's \"q\"", None),
            ("it's `x`", None),
            ("it's \\", None),
        ] {
            assert_eq!(dotenv_quote(v).as_deref(), want, "value {v:?}");
            if want.is_some() {
                assert_eq!(round_trip(v).as_deref(), Some(v), "value {v:?}");
            }
        }
        // Not python-dotenv's pattern, so not expanded by it: written as it is.
        assert_eq!(dotenv_quote("${a:b} ${ x").as_deref(), Some("'${a:b} ${ x'"));
    }

    #[test]
    fn python_dotenv_interpolation_pattern() {
        for v in ["${A}", "x${}y", "${A:-}", "${A:-b}c", "$${A}", "${A\n}"] {
            assert!(expands_in_python(v.as_bytes()), "{v:?}");
        }
        for v in ["$A", "${A", "${A:b}", "${A:-b", "{A}", "$ {A}", "${:x}"] {
            assert!(!expands_in_python(v.as_bytes()), "{v:?}");
        }
    }

    #[test]
    fn dollar_signs_are_literal_never_expanded() {
        let text = "# it's a comment with $HOME ${X}\nA=\"x$PATH\"\nB=$PATH}y\nC='$HOME'\nD=a\\$b # it's\nE=\"q'$X\"\n";
        assert_eq!(
            entries(text),
            owned(&[("A", "x$PATH", 2), ("B", "$PATH}y", 3), ("C", "$HOME", 4), ("D", "a\\$b", 5), ("E", "q'$X", 6)])
        );
    }

    #[test]
    fn syntax_errors_name_their_line() {
        let err = parse_dotenv("A=1\nB=two#words\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }

    // Attack 3: the escaping pre-pass took `\r#...` for a comment and dotenvy read a new line
    // there, expanding `${...}` from vault's environment. A CR is a line end only in CRLF and
    // refused anywhere else: between tokens, in values, quoted or not, and in comments.
    #[test]
    fn a_carriage_return_outside_crlf_is_refused_wherever_it_is() {
        for (text, at) in [
            ("NOTE=ok\r#$AWS_SECRET_ACCESS_KEY:$VAULT_PASSPHRASE\n", "on line 1 at character 8:"),
            ("A_1=1\nNOTE=\"ok\r#$X\"\n", "on line 2 at character 9:"),
            ("A_1=1\nNOTE='ok\r#$X'\n", "on line 2 at character 9:"),
            ("A_1=1\n# note\r$X=1\n", "on line 2 at character 7:"),
            ("NOTE=ok #\r$X\n", "on line 1 at character 10:"),
            ("NOTE=\"ok\" \r#$X\n", "on line 1 at character 11:"),
            ("\rNOTE=$X\n", "on line 1 at character 1:"),
            ("NOTE=ok\r", "on line 1 at character 8:"),
            ("NOTE=ok\r\r\n", "on line 1 at character 8:"),
        ] {
            let err = parse_dotenv(text).unwrap_err().to_string();
            assert!(err.starts_with("dotenv syntax error ") && err.contains(at), "{text:?}: {err}");
        }
        // A CRLF ends a line outside quotes and reads as LF inside them, as both loaders read it.
        assert_eq!(
            entries("A_1=x\r\n\r\n# c\r\nB_2=\"y\r\nz\" # c\r\nC_3='$q\r\n'\r\n"),
            owned(&[("A_1", "x", 1), ("B_2", "y\nz", 4), ("C_3", "$q\n", 6)])
        );
    }

    #[test]
    fn accepted_syntax_reads_as_the_loaders_read_it() {
        let text = "\u{feff}# top $HOME\r\n\r\n  export  EXP_1 = plain\r\n\tSPACED\t=   hello  world \t \n\
                    HASH=a #b${X} # comment\nSQ='lit \\n \\$X \" #' # c\nDQ=\"n\\nr\\rq'b\\d\\x\\u0041\"#c\n\
                    MULTI=\"one\n#two\r\n  three \"\nexport=is-a-name\nUNQ=\\$\\\\\\ \\\"\\'x'\"\nUNI=ünï😀$\n  \t\n\
                    URL=postgres://u:p@h/db?x=1&y=2\nDOLLAR=$HOME\nLAST=x";
        assert_eq!(
            entries(text),
            owned(&[
                ("EXP_1", "plain", 3),
                ("SPACED", "hello  world", 4),
                ("HASH", "a", 5),
                ("SQ", "lit \\n \\$X \" #", 6),
                ("DQ", "n\nr\rq'b\\d\\x\\u0041", 7),
                ("MULTI", "one\n#two\n  three ", 8),
                ("export", "is-a-name", 11),
                ("UNQ", "\\$\\\\\\ \\\"\\'x'\"", 12),
                ("UNI", "ünï😀$", 13),
                ("URL", "postgres://u:p@h/db?x=1&y=2", 15),
                ("DOLLAR", "$HOME", 16),
                ("LAST", "x", 17),
            ])
        );
        // A repeated name is reported at its first assignment, as the duplicate check shows it.
        assert_eq!(entries("AAA=1\nBBB=2\nAAA=3\n"), owned(&[("AAA", "1", 1), ("BBB", "2", 2), ("AAA", "3", 1)]));
        assert_eq!(entries(""), owned(&[]));
        assert_eq!(entries("\u{feff}"), owned(&[]));
        assert_eq!(entries("# only\n\n"), owned(&[]));
        // Empty values are read, and listed apart: a secret needs a value.
        let p = parse_dotenv("A_1=ok\nE_1=\nE_2=''\nexport E_3=\"\" # c\nE_4= \t\nE_5=\n\nB_1=x\n").unwrap();
        assert_eq!(p.entries.len(), 2);
        let empty: Vec<_> = p.empty.iter().map(|(k, l)| (k.as_str(), *l)).collect();
        assert_eq!(empty, [("E_1", 2), ("E_2", 3), ("E_3", 4), ("E_4", 5), ("E_5", 6)]);
    }

    #[test]
    fn what_the_loaders_read_differently_is_refused_with_line_and_character_but_no_value() {
        for (text, at) in [
            ("A_1=ok\nB_2=two#s3cr3t\n", "on line 2 at character 8:"),
            ("A_1=\"s3cr3t\n", "on line 1 at character 5:"),
            ("A_1=ok\n\nB_2='s3cr3t\n\nC_3=1\n", "on line 3 at character 5:"),
            ("A_1=\"s3cr3t\"x\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\nmore\" x\n", "on line 2 at character 7:"),
            ("A_1='s3cr3t' 'x'\n", "on line 1 at character 14:"),
            ("# s3cr3t\0\nA_1=1\n", "on line 1 at character 9:"),
            ("A_1=\"s3cr3t\0\"\n", "on line 1 at character 12:"),
            ("A_1='s3cr3t\0'\n", "on line 1 at character 12:"),
            ("A_1=s3cr3t\0\n", "on line 1 at character 11:"),
            ("A_1=\"s3cr3t\\t\"\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\\a\"\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\\\\\"\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\\'\"\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\\\"\"\n", "on line 1 at character 13:"),
            ("A_1=\"s3cr3t\\$x\"\n", "on line 1 at character 13:"),
            ("A_1='s3cr3t\\\\'\n", "on line 1 at character 13:"),
            ("A_1='s3cr3t\\'x'\n", "on line 1 at character 13:"),
            ("A_1=s3cr3t${HOME}\n", "on line 1 at character 5:"),
            ("A_1='s3cr3t${X:-y}'\n", "on line 1 at character 5:"),
            ("A_1=\"s3cr3t${}\"\n", "on line 1 at character 5:"),
            ("A_1=#s3cr3t\n", "on line 1 at character 5:"),
            ("A_1= #s3cr3t\n", "on line 1 at character 6:"),
            ("A_1=`s3cr3t`\n", "on line 1 at character 5:"),
            ("A_1=\n's3cr3t'\n", "on line 1 at character 5:"),
            ("A_1=  \n\n  \"s3cr3t\"\n", "on line 1 at character 7:"),
            ("export = s3cr3t\n", "on line 1 at character 8:"),
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
            ("C_1=1\n# note\u{2028}B_1=s3cr3t\n", "on line 2 at character 7:"),
            ("A_1=x # c\u{2029}B_1=s3cr3t\n", "on line 1 at character 10:"),
            ("A_1='x' # c\u{2028}B_1=s3cr3t\n", "on line 1 at character 12:"),
        ] {
            let err = parse_dotenv(text).unwrap_err().to_string();
            assert!(err.starts_with("dotenv syntax error ") && err.contains(at), "{text:?}: {err}");
            assert!(!err.contains("s3cr"), "{text:?}: the error shows the value: {err}");
        }
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
        "{",
        "}",
        "$HOME",
        "$AWS_SECRET_ACCESS_KEY",
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
    const VALUE_PIECES: &[&str] =
        &["a", "$", "$X", "{", "}", "\\\\", "\\n", "\\ ", " ", "\t", "#", " #", "'", "\"", "é", "\r\n", "\n", "%"];

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
        // Outside `${`, `\$` and a `$` that would start `${`, `$` is never special: swapping
        // every `$` for `%` changes nothing but the values, the same way (same names, lines,
        // errors).
        #[test]
        fn a_dollar_is_an_ordinary_byte(text in dotenv_like()) {
            prop_assume!(!text.contains('{') && !text.contains("\\$"));
            let want = outcome(&text).map(|v| v.into_iter().map(|(k, v, l)| (k, v.replace('$', "%"), l)).collect::<Vec<_>>());
            prop_assert_eq!(outcome(&text.replace('$', "%")), want);
        }

        // What `vault export --format dotenv` writes reads back byte for byte; what it will not
        // write is exactly what has no portable form.
        #[test]
        fn exported_values_read_back_exactly(values in prop::collection::vec(prop::collection::vec(value_char(), 1..40), 1..5)) {
            let values: Vec<String> = values.into_iter().map(|v| v.into_iter().collect()).collect();
            for v in &values {
                let Some(q) = dotenv_quote(v) else {
                    let two_quotes_fail = v.contains('\'') || v.contains("\\\\") || v.ends_with('\\');
                    prop_assert!(v.contains('\r') || expands_in_python(v.as_bytes())
                        || (two_quotes_fail && v.contains(['"', '$', '`', '\\'])), "refused {:?}", v);
                    continue;
                };
                prop_assert_eq!(q.len(), v.len() + 2);
                prop_assert_eq!(outcome(&format!("KEY={q}\n")), Ok(vec![("KEY".to_owned(), v.clone(), 1)]));
            }
        }
    }
}
