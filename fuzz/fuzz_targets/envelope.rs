//! A user's opened envelope (what a passphrase unseals): any bytes are keys or an error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vault::crypto::Envelope::parse(data);
    let _ = vault::crypto::UserKeys::from_plaintext(data);
});
