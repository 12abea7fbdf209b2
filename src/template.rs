//! Templates for `vault inject`: text with references to secrets, `{{ vault://PROJECT/SECRET }}`
//! or `{{ vault://SECRET }}` (the project given by `--project`), each replaced by the secret's
//! value. Pure: parsing knows nothing of vaults, and rendering takes the values from the caller.
//!
//! Only `{{`, optional blanks, then `vault://` opens a reference; any other `{{` (a Jinja, Helm
//! or Go template's own) is text and passes through unchanged. A reference that starts that way
//! but does not end in a well-formed `PROJECT/SECRET }}` on the same line is an error naming its
//! line, never text: a typo must not ship a config file with the reference left in it.

use crate::{Error, Result};

/// Where a reference points.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    /// `None`: the project given on the command line.
    pub project: Option<String>,
    pub secret: String,
}

impl std::fmt::Display for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.project {
            Some(p) => write!(f, "vault://{p}/{}", self.secret),
            None => write!(f, "vault://{}", self.secret),
        }
    }
}

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Bytes copied as they are: `template[start..end]`.
    Text(usize, usize),
    /// A reference, on 1-based line `line`.
    Ref(Reference, usize),
}

const OPEN: &[u8] = b"{{";
const CLOSE: &[u8] = b"}}";
const SCHEME: &[u8] = b"vault://";

/// Splits a template into text and references. The names inside references are checked by the
/// caller (they follow the vault's name rules); here only their shape is.
pub fn parse(template: &[u8]) -> Result<Vec<Piece>> {
    let mut pieces = Vec::new();
    let (mut at, mut text_from, mut line) = (0, 0, 1);
    while let Some(found) = find(&template[at..], OPEN) {
        let open = at + found;
        line += template[at..open].iter().filter(|b| **b == b'\n').count();
        let inner = skip_blanks(template, open + OPEN.len());
        if !template[inner..].starts_with(SCHEME) {
            // Another template language's `{{`: text.
            at = open + OPEN.len();
            continue;
        }
        let bad = |why: &str| Error::Usage(format!("template line {line}: {why}"));
        let body_from = inner + SCHEME.len();
        let line_end = template[body_from..].iter().position(|b| *b == b'\n').map_or(template.len(), |n| body_from + n);
        let close = find(&template[body_from..line_end], CLOSE)
            .map(|n| body_from + n)
            .ok_or_else(|| bad("a reference opened with '{{ vault://' has no '}}' on its line"))?;
        let body = std::str::from_utf8(&template[body_from..close])
            .map_err(|_| bad("a reference is not UTF-8 text"))?
            .trim_end_matches([' ', '\t']);
        let reference = match body.split('/').collect::<Vec<_>>().as_slice() {
            [secret] if !secret.is_empty() => Reference { project: None, secret: (*secret).to_owned() },
            [project, secret] if !project.is_empty() && !secret.is_empty() => {
                Reference { project: Some((*project).to_owned()), secret: (*secret).to_owned() }
            }
            _ => {
                return Err(bad(&format!(
                    "'{}' is not a reference: write {{{{ vault://PROJECT/SECRET }}}} or {{{{ vault://SECRET }}}}",
                    crate::vault::names::printable(body)
                )))
            }
        };
        if text_from < open {
            pieces.push(Piece::Text(text_from, open));
        }
        pieces.push(Piece::Ref(reference, line));
        at = close + CLOSE.len();
        text_from = at;
    }
    if text_from < template.len() {
        pieces.push(Piece::Text(text_from, template.len()));
    }
    Ok(pieces)
}

/// The references of a parsed template, each once, in the order they first appear, with the
/// line of that first appearance.
pub fn references(pieces: &[Piece]) -> Vec<(&Reference, usize)> {
    let mut seen: Vec<(&Reference, usize)> = Vec::new();
    for p in pieces {
        if let Piece::Ref(r, line) = p {
            if !seen.iter().any(|(s, _)| *s == r) {
                seen.push((r, *line));
            }
        }
    }
    seen
}

/// Renders a parsed template into `out`, taking each reference's value from `value` (which the
/// caller has checked can answer every reference). `out` should be sized for the result so it
/// never grows: a grown buffer would leave values in freed memory.
pub fn render<'v>(template: &[u8], pieces: &[Piece], value: impl Fn(&Reference) -> &'v [u8], out: &mut Vec<u8>) {
    for p in pieces {
        match p {
            Piece::Text(from, to) => out.extend_from_slice(&template[*from..*to]),
            Piece::Ref(r, _) => out.extend_from_slice(value(r)),
        }
    }
}

/// The rendered length, to size the output buffer up front.
pub fn rendered_len<'v>(pieces: &[Piece], value: impl Fn(&Reference) -> &'v [u8]) -> usize {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(from, to) => to - from,
            Piece::Ref(r, _) => value(r).len(),
        })
        .sum()
}

fn skip_blanks(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && (s[i] == b' ' || s[i] == b'\t') {
        i += 1;
    }
    i
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(project: Option<&str>, secret: &str) -> Reference {
        Reference { project: project.map(str::to_owned), secret: secret.to_owned() }
    }

    fn render_with(t: &str, f: impl Fn(&Reference) -> String) -> String {
        let pieces = parse(t.as_bytes()).unwrap();
        let values: Vec<(Reference, String)> =
            references(&pieces).into_iter().map(|(r, _)| (r.clone(), f(r))).collect();
        let get = |r: &Reference| values.iter().find(|(k, _)| k == r).unwrap().1.as_bytes();
        let mut out = Vec::with_capacity(rendered_len(&pieces, get));
        let cap = out.capacity();
        render(t.as_bytes(), &pieces, get, &mut out);
        assert_eq!(out.capacity(), cap, "the buffer grew");
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn references_are_replaced_and_other_braces_kept() {
        let t = "a: {{ vault://app/DB_PASS }}\nb: {{vault://TOKEN}}\nc: {{ .Values.x }} {{}} {{ vault:x }}\n\
                 d: {{\tvault://app/DB_PASS\t}}";
        let out = render_with(t, |r| format!("<{}>", r.secret));
        assert_eq!(out, "a: <DB_PASS>\nb: <TOKEN>\nc: {{ .Values.x }} {{}} {{ vault:x }}\nd: <DB_PASS>");
        let pieces = parse(t.as_bytes()).unwrap();
        assert_eq!(references(&pieces), vec![(&r(Some("app"), "DB_PASS"), 1), (&r(None, "TOKEN"), 2)]);
    }

    #[test]
    fn a_template_without_references_is_itself() {
        for t in ["", "plain", "{{", "}}", "{{ x }}", "line\n{{ vault:/x }}"] {
            assert_eq!(render_with(t, |_| unreachable!()), t);
        }
    }

    #[test]
    fn broken_references_name_their_line() {
        for (t, line) in [
            ("ok\n{{ vault://app/X\n}}", 2),
            ("{{ vault:// }}", 1),
            ("a\nb\n{{ vault://a/b/c }}", 3),
            ("{{ vault://app/ }}", 1),
            ("{{ vault:///X }}", 1),
            ("x {{ vault://app/X }} {{ vault://", 1),
        ] {
            let e = parse(t.as_bytes()).unwrap_err().to_string();
            assert!(e.contains(&format!("template line {line}:")), "{t:?}: {e}");
        }
    }
}
