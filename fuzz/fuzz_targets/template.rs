//! `vault inject` template parsing: any bytes give pieces or an error naming a line, never a
//! panic; the pieces cover the template exactly, in order; and rendering each reference as its
//! own text gives the template back with only the references rewritten.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vault::template::{self, Piece};

fuzz_target!(|data: &[u8]| {
    let pieces = match template::parse(data) {
        Ok(p) => p,
        Err(e) => {
            assert!(e.to_string().contains("template line "), "an error that names no line: {e}");
            return;
        }
    };
    // Text pieces are in order and never overlap; references sit between them.
    let mut at = 0;
    for p in &pieces {
        if let Piece::Text(from, to) = p {
            assert!(*from >= at && from < to && *to <= data.len(), "text {from}..{to} after {at}");
            at = *to;
        }
    }
    // A template without references renders to itself.
    let refs = template::references(&pieces);
    if refs.is_empty() {
        let mut out = Vec::new();
        template::render(data, &pieces, |_| unreachable!("no references"), &mut out);
        assert_eq!(out, data);
    }
    // Rendering a reference as its `{{ vault://... }}` text parses back to the same references.
    let texts: Vec<(template::Reference, Vec<u8>)> =
        refs.iter().map(|(r, _)| ((*r).clone(), format!("{{{{ {r} }}}}").into_bytes())).collect();
    let value = |r: &template::Reference| texts.iter().find(|(k, _)| k == r).map_or(&[][..], |(_, t)| t.as_slice());
    let mut out = Vec::with_capacity(template::rendered_len(&pieces, value));
    template::render(data, &pieces, value, &mut out);
    let again = template::parse(&out).expect("a rendered template of references parses");
    let names = |p: &[Piece]| {
        template::references(p).into_iter().map(|(r, _)| r.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&again), names(&pieces));
});
