//! Session tokens, session files and the session memo (once opened): malformed input is an
//! error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vault::session::parse_file(data);
    if let Some(memo) = vault::crypto::memo::Memo::from_bytes(data) {
        // What parses must serialize to something that parses again.
        assert!(vault::crypto::memo::Memo::from_bytes(&memo.to_bytes()).is_some());
    }
    if let Ok(token) = std::str::from_utf8(data) {
        let _ = vault::session::parse_token(token);
    }
});
