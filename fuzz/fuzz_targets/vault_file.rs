//! The vault file's decoding: any bytes as a vault file open as a vault or give an error
//! (damaged, not a vault, newer format), and every row decodes or errors, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("vault.db");
    std::fs::write(&path, data).expect("write");
    let Ok(store) = vault::store::Store::open(&vault::store::Location::File(path.clone())) else { return };
    let _ = store.meta("vault_id");
    if let Ok(users) = store.users() {
        for u in users {
            let _ = store.projects_of(&u.id);
        }
    }
    let _ = store.communities();
    let _ = store.audit_after(0);
});
