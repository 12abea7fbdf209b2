//! Session tokens and session files: malformed input is an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vault::session::parse_file(data);
    if let Ok(token) = std::str::from_utf8(data) {
        let _ = vault::session::parse_token(token);
    }
});
