//! dotenv import parsing: any text gives entries or an error naming a line, never a panic, and
//! what parses survives an export-quote round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(entries) = vault::formats::parse_dotenv(text) {
        for (name, value, _line) in entries {
            let again = format!("{name}={}\n", vault::formats::dotenv_quote(value.expose()));
            if let Ok(back) = vault::formats::parse_dotenv(&again) {
                assert_eq!(back.len(), 1);
                assert_eq!(back[0].1.expose(), value.expose(), "export quoting must round-trip");
            }
        }
    }
});
