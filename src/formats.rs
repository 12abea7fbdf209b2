//! The text formats secrets travel in: dotenv and JSON parsing for `vault import` (dotenvy does
//! the dotenv grammar), and quoting for `vault export`. Pure functions over text, so the
//! parsers can be fuzzed (fuzz/) and tested without a vault. Errors name lines, never values.

use zeroize::Zeroizing;

use crate::vault::SecretValue;
use crate::{Error, Result};

/// The 1-based line where `key` is first assigned in dotenv `text`.
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

/// Parses dotenv text; errors name the line.
pub fn parse_dotenv(text: &str) -> Result<Vec<(String, SecretValue, usize)>> {
    let literal = escape_dollars(text);
    let lines = key_lines(text);
    let mut out = Vec::new();
    for item in dotenvy::from_read_iter(literal.as_bytes()) {
        match item {
            Ok((k, v)) => {
                let line = lines.get(k.as_str()).copied().unwrap_or(0);
                out.push((k, v, line));
            }
            Err(dotenvy::Error::LineParse(bad, idx)) => {
                // Find which line the failing fragment starts on, without echoing its content
                // (it may hold a value).
                // dotenvy hands back the failing value (or line); find the line holding its
                // first line, in the text as parsed.
                let first = bad.lines().next().unwrap_or("").trim();
                let line = if first.is_empty() {
                    0
                } else {
                    literal.lines().position(|l| l.contains(first)).map_or(0, |i| i + 1)
                };
                return Err(Error::BadValue(format!(
                    "dotenv syntax error on line {line} at character {idx}: check its quotes and escapes"
                )));
            }
            Err(e) => return Err(Error::BadValue(format!("cannot parse dotenv: {e}"))),
        }
    }
    out.into_iter()
        .map(|(k, v, line)| {
            let v = SecretValue::from_bytes(Zeroizing::new(v.into_bytes()))
                .map_err(|e| Error::BadValue(format!("line {line} ({}): {e}", crate::vault::names::printable(&k))))?;
            Ok((k, v, line))
        })
        .collect()
}

/// Makes every `$` outside single quotes literal by escaping it (`\$`), so dotenvy never
/// expands `$NAME` or `${NAME}`. dotenvy would look names up in vault's own environment: a
/// hostile `.env` could copy the importer's variables (tokens, even VAULT_PASSPHRASE) into the
/// vault. Values are taken literally instead. The scan follows dotenvy's quoting: single quotes
/// are literal, double quotes and bare values take backslash escapes.
fn escape_dollars(text: &str) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(text.len() + 16));
    let (mut single, mut double, mut escaped, mut comment) = (false, false, false, false);
    // A `#` starts a comment at a line's start or after a blank, outside quotes.
    let mut after_blank = true;
    for c in text.chars() {
        let was_escaped = escaped;
        if comment {
            comment = c != '\n';
        } else if escaped {
            escaped = false;
        } else if single {
            single = c != '\'';
        } else {
            match c {
                '\\' => escaped = true,
                '"' => double = !double,
                '\'' if !double => single = true,
                '#' if !double && after_blank => comment = true,
                '$' => out.push('\\'),
                _ => {}
            }
        }
        // An escaped blank (`\ `) is part of the value for dotenvy, so it starts no comment.
        after_blank = c.is_whitespace() && !was_escaped;
        out.push(c);
    }
    out
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

/// Quotes a value for dotenv so dotenvy reads it back exactly.
pub fn dotenv_quote(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Quotes a value for POSIX sh: single quotes, a quote as '\''.
pub fn shell_quote(v: &str) -> String {
    format!("'{}'", v.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
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
}
