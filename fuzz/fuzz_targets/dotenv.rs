//! dotenv import parsing: any text gives entries or an error naming a line, never a panic; `$`
//! is an ordinary byte outside the `${` and `\$` the grammar refuses (attack 3: a grammar that
//! treats it specially anywhere else is one that can be talked into expanding it); and what
//! parses survives an export-quote round trip, or has no portable quoting.
#![no_main]
use libfuzzer_sys::fuzz_target;

/// Entries as plain (name, value, line), or the error's text.
fn outcome(text: &str) -> Result<Vec<(String, String, usize)>, String> {
    vault::formats::parse_dotenv(text)
        .map(|p| p.entries.into_iter().map(|(k, v, l)| (k, v.expose().to_owned(), l)).collect())
        .map_err(|e| e.to_string())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = outcome(text);
    if let Err(e) = &parsed {
        assert!(e.contains("line "), "an error that names no line: {e}");
    }

    // With `{` and `\$` taken out, swapping every `$` for `%` must give the same names, lines
    // and errors, and values swapped alike.
    let plain = text.replace(['{', '\\'], "");
    let want = outcome(&plain).map(|v| v.into_iter().map(|(k, v, l)| (k, v.replace('$', "%"), l)).collect::<Vec<_>>());
    assert_eq!(outcome(&plain.replace('$', "%")), want, "`$` changed how the text parses");

    // A value that export can quote reads back byte for byte.
    if let Ok(entries) = parsed {
        for (k, v, _) in &entries {
            if let Some(q) = vault::formats::dotenv_quote(v) {
                let back = outcome(&format!("{k}={q}\n")).expect("an exported value must read back");
                assert_eq!(&back[0].1, v, "export quoting must round-trip");
            }
        }
    }
});
