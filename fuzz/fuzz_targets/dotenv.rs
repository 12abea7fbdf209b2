//! dotenv import parsing: any text gives entries or an error naming a line, never a panic; `$`
//! is an ordinary byte (attack 3: a grammar that treats it specially anywhere is one that can be
//! talked into expanding it); and what parses survives an export-quote round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;

/// Entries as plain (name, value, line), or the error's text.
fn outcome(text: &str) -> Result<Vec<(String, String, usize)>, String> {
    vault::formats::parse_dotenv(text)
        .map(|v| v.into_iter().map(|(k, v, l)| (k, v.expose().to_owned(), l)).collect())
        .map_err(|e| e.to_string())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = outcome(text);
    if let Err(e) = &parsed {
        assert!(e.contains("line "), "an error that names no line: {e}");
    }

    // `\$` is the one place the grammar names `$` (it means `$`); with it taken out, swapping
    // every `$` for `%` must give the same names, lines and errors, and values swapped alike.
    let mut plain = text.to_owned();
    while plain.contains("\\$") {
        plain = plain.replace("\\$", "$");
    }
    let want = outcome(&plain).map(|v| v.into_iter().map(|(k, v, l)| (k, v.replace('$', "%"), l)).collect::<Vec<_>>());
    assert_eq!(outcome(&plain.replace('$', "%")), want, "`$` changed how the text parses");

    // A parsed value holds no NUL, so its export always reads back, byte for byte.
    if let Ok(entries) = parsed {
        let again: String =
            entries.iter().map(|(k, v, _)| format!("{k}={}\n", vault::formats::dotenv_quote(v))).collect();
        let back = outcome(&again).expect("an exported file must read back");
        let pairs =
            |e: &[(String, String, usize)]| e.iter().map(|(k, v, _)| (k.clone(), v.clone())).collect::<Vec<_>>();
        assert_eq!(pairs(&back), pairs(&entries), "export quoting must round-trip");
    }
});
