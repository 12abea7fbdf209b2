//! `vault scan`'s notebook reader: any bytes give findings or "not JSON", never a panic; every
//! document serde_json reads is read; a value in any string of it (however escaped) is found.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vault::mask::Masker;
use vault::scan::{notebook, Hits};

const VALUE: &str = "fz-secret-value";

fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let (m, _) = Masker::new(&[VALUE.as_bytes()]);
    let mut hits = Hits::default();
    let read = notebook::scan(&m, data, &mut hits).is_some();
    let Ok(doc) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    // serde_json's default depth limit (128) is above ours (64): deeper documents may be refused.
    if !read {
        let depth = data.iter().filter(|&&b| b == b'[' || b == b'{').count();
        assert!(depth > 64, "serde_json reads it, the notebook reader does not");
        return;
    }
    let mut all = Vec::new();
    strings(&doc, &mut all);
    if all.iter().any(|s| s.contains(VALUE)) {
        assert!(!hits.list.is_empty(), "a value in a string was not found");
    }
    for h in &hits.list {
        assert!(h.line >= 1 && h.column >= 1);
    }
});
