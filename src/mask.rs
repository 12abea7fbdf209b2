//! Finding secret values in bytes, in every form they leak in, for masking a child's output
//! (`vault run`) and for scanning files and git history (`vault scan`). This module owns which
//! forms of a value are looked for (the value, its lines, base64 at any alignment, percent-,
//! JSON- and hex-encodings), the matching rules (leftmost-longest; for masking, a match always
//! becomes `***` as a whole, never partially, and matches that overlap become one `***`), which
//! value and form each match is ([`Masker::find`]), and the per-stream state that lets a match
//! span chunk boundaries by holding back only the bytes that could still be the start of a
//! secret. It is pure: it does no I/O and must not know about processes, file descriptors,
//! timers, secret names or where the values come from. Callers feed it bytes and decide when
//! held-back bytes must be let go (see [`MaskStream::flush`]).

use std::fmt;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind};
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::engine::GeneralPurpose;
use base64::Engine as _;
use zeroize::{Zeroize, Zeroizing};

/// What every occurrence of a secret (in any of its forms) is replaced with.
pub const MASK: &[u8] = b"***";

/// Values (and lines, base64 cores) shorter than this many bytes are not masked: masking them
/// would garble ordinary output and reveal more than it hides.
pub const MIN_MASK_LEN: usize = 4;

// The pattern-start filter reads groups of exactly 4 bytes.
const _: () = assert!(MIN_MASK_LEN == 4);

/// Pattern bytes that are wiped when dropped.
type Secret = Zeroizing<Vec<u8>>;

/// The matcher for a fixed set of secret values, built once and shared by every output stream.
///
/// The pattern bytes used to build it are zeroized as soon as the automaton is built; the
/// `Masker` itself keeps no copy. The automaton inside `aho-corasick` holds its own encoding of
/// the patterns (its transitions), which that crate gives no way to wipe: that copy lives until
/// the process exits or the memory is reused.
///
/// Cost: about 14 patterns per value; building for 100 values of 20-40 bytes takes ~10 ms. It
/// is linear in the pattern bytes (about 28 times a value's length), so a 1 MiB value takes
/// seconds and several hundred MiB while building.
pub struct Masker {
    matcher: Option<Matcher>,
    pattern_count: usize,
    max_len: usize,
    /// For pattern `p`, `owners[owner_at[p]..owner_at[p + 1]]` are the values it is a form of.
    owner_at: Vec<u32>,
    owners: Vec<Owner>,
}

/// Which encoding of a value a pattern is. Names only: it never holds a byte of the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    /// The value itself.
    Raw,
    /// One line of a multi-line value.
    Line,
    /// Standard base64, padded or not, whole or at any byte alignment inside a longer text.
    Base64,
    /// URL-safe base64 (`-` and `_`), padded or not, at any alignment.
    Base64Url,
    /// Percent-encoding (URLs, HTML forms, `encodeURIComponent`, every byte as `%XX`).
    Url,
    /// Inside a JSON string (serde_json, Python's `json.dumps`, Go's `encoding/json`).
    Json,
    /// Hexadecimal, lower or upper case.
    Hex,
}

impl Form {
    /// The name printed in a finding and used in JSON and SARIF output.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Raw => "raw",
            Form::Line => "line",
            Form::Base64 => "base64",
            Form::Base64Url => "base64url",
            Form::Url => "url",
            Form::Json => "json",
            Form::Hex => "hex",
        }
    }
}

/// A value (its index in the slice given to [`Masker::new`]) and the form a pattern is of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owner {
    pub value: usize,
    pub form: Form,
}

/// One occurrence found by [`Masker::find`]: where it is, and which values it is a form of
/// (several when values share a form, such as two secrets with the same value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    pub start: usize,
    pub end: usize,
    pub owners: &'a [Owner],
}

/// The matching machinery. Leftmost-longest selection is done here rather than with
/// `aho-corasick`'s own leftmost-longest search, for speed: with hundreds of base64/hex patterns
/// that start with nearly every alphanumeric byte, its prefilters cannot help and its automaton
/// walk runs at 150-250 MB/s. Instead a cheap bitmap test on the next 4 bytes skips positions
/// where no pattern can start, and a classic Aho-Corasick automaton is stepped only from those
/// candidates, for as long as an occurrence is still in progress (700+ MB/s). Each byte is
/// stepped at most once per search, so even pathological, self-overlapping secrets stay linear
/// (apart from re-reading at most `max_len` bytes after each match, as any leftmost-longest
/// search does).
struct Matcher {
    /// Classic (`MatchKind::Standard`) automaton over every pattern: after a walk from `start`,
    /// its state is the longest suffix of the input that is a prefix of some pattern, and it
    /// reports every pattern ending there.
    nfa: contiguous::NFA,
    start: StateID,
    /// For every state, indexed by state id: `depth << 1 | 1 if some pattern extends it`.
    info: Vec<u32>,
    /// Bitmap of hashed first-4-byte groups of the patterns (all are at least
    /// `MIN_MASK_LEN` = 4 bytes long): a position whose next 4 bytes miss it starts no match.
    starts: Box<[u64; START_WORDS]>,
    /// When every pattern is long enough, a sampled test that skips most positions unread.
    grams: Option<Grams>,
    max_len: usize,
}

/// Every 4-byte group at offsets `0..=span` of every pattern, where `span + 4` is the shortest
/// pattern's length. An occurrence starting anywhere in `w..=w + span` has one of these groups at
/// `w + span`, so reading the 4 bytes there clears `span + 1` start positions at once when they
/// miss (ordinary output, secrets of 32 characters: one test per 29 bytes instead of 29).
struct Grams {
    bits: Box<[u64]>,
    /// Right shift that turns a hashed group into a bit index (32 - log2 of the bit count).
    shift: u32,
    span: usize,
}

impl Grams {
    /// Shortest pattern for which sampling beats testing every position.
    const MIN_PATTERN: usize = 12;

    fn build(patterns: &[Secret]) -> Option<Grams> {
        let min_len = patterns.iter().map(|p| p.len()).min()?;
        if min_len < Self::MIN_PATTERN {
            return None;
        }
        let span = min_len - 4;
        // About 16 bits per group keeps chance hits near 6 %; 64 KiB to 1 MiB of bitmap.
        let groups = patterns.len() * (span + 1);
        let log2 = (groups * 16).next_power_of_two().trailing_zeros().clamp(19, 23);
        let mut bits = vec![0u64; 1 << (log2 - 6)].into_boxed_slice();
        let shift = 32 - log2;
        for p in patterns {
            for off in 0..=span {
                let h = (first4(&p[off..]).wrapping_mul(0x9e37_79b1) >> shift) as usize;
                bits[h >> 6] |= 1 << (h & 63);
            }
        }
        Some(Grams { bits, shift, span })
    }

    fn hit(&self, group: u32) -> bool {
        let h = (group.wrapping_mul(0x9e37_79b1) >> self.shift) as usize;
        self.bits[h >> 6] & (1 << (h & 63)) != 0
    }
}

impl Masker {
    /// Builds the matcher from the secret values. Returns the masker and the indices (into
    /// `values`) of values shorter than [`MIN_MASK_LEN`] bytes, which are NOT masked (the caller
    /// warns by name).
    ///
    /// # Panics
    ///
    /// If the automaton cannot be built (more pattern bytes than `aho-corasick` can index, far
    /// beyond what 1 MiB values produce). Panicking beats running the child unmasked.
    pub fn new(values: &[&[u8]]) -> (Masker, Vec<usize>) {
        let mut short = Vec::new();
        let mut forms: Vec<(Secret, Owner)> = Vec::new();
        for (i, v) in values.iter().enumerate() {
            if v.len() < MIN_MASK_LEN {
                short.push(i);
            } else {
                add_patterns(v, &mut |p, form| forms.push((p, Owner { value: i, form })));
            }
        }
        // Equal patterns become one, owned by every value (and form) that produced it.
        forms.sort_unstable_by(|(a, oa), (b, ob)| {
            a.as_slice().cmp(b.as_slice()).then(oa.value.cmp(&ob.value)).then(oa.form.cmp(&ob.form))
        });
        let mut patterns: Vec<Secret> = Vec::new();
        let mut owner_at: Vec<u32> = Vec::new();
        let mut owners: Vec<Owner> = Vec::new();
        for (p, owner) in forms {
            if patterns.last().is_none_or(|last| last.as_slice() != p.as_slice()) {
                owner_at.push(u32::try_from(owners.len()).expect("fewer than 4G patterns"));
                patterns.push(p);
            } else if owners.last().is_some_and(|o| o.value == owner.value) {
                // One value, two forms with the same bytes (base64 and base64url of a value
                // without `+` or `/`): the first form names it.
                continue;
            }
            owners.push(owner);
        }
        owner_at.push(u32::try_from(owners.len()).expect("fewer than 4G patterns"));
        let pattern_count = patterns.len();
        let max_len = patterns.iter().map(|p| p.len()).max().unwrap_or(0);
        let matcher = (!patterns.is_empty()).then(|| Matcher::build(&patterns, max_len));
        // `patterns` is dropped (and zeroized) here.
        let masker = Masker { matcher, pattern_count, max_len, owner_at, owners };
        (masker, short)
    }

    /// The leftmost-longest occurrence of any form of any value that starts in `from..limit`,
    /// with the values it is a form of. Occurrences are looked for in `data` only: a caller
    /// reading a stream in pieces passes as `limit` a point no occurrence starting before it can
    /// run past the end of `data` from (`data.len() - (max_len() - 1)`, or `data.len()` at the
    /// end), and keeps the bytes from there for the next piece. To find every occurrence, call
    /// again from the end of the last one.
    pub fn find(&self, data: &[u8], from: usize, limit: usize) -> Option<Found<'_>> {
        let m = self.matcher.as_ref()?;
        let (start, end, pattern) = m.find(data, from, limit.min(data.len()))?;
        let owners = &self.owners[self.owner_at[pattern] as usize..self.owner_at[pattern + 1] as usize];
        Some(Found { start, end, owners })
    }

    /// True when there is nothing to mask (every value was short, or there were none).
    pub fn is_empty(&self) -> bool {
        self.pattern_count == 0
    }

    /// Number of distinct patterns (all forms of all values) being matched.
    pub fn pattern_count(&self) -> usize {
        self.pattern_count
    }

    /// Length in bytes of the longest pattern; at most `max_len() - 1` bytes are ever held back.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Starts masking one output stream (stdout and stderr each get their own).
    pub fn stream(&self) -> MaskStream<'_> {
        MaskStream { masker: self, held: Vec::new(), emitted: 0 }
    }
}

impl fmt::Debug for Masker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Masker")
            .field("pattern_count", &self.pattern_count)
            .field("max_len", &self.max_len)
            .finish_non_exhaustive()
    }
}

impl Matcher {
    /// `patterns` must be non-empty and each at least `MIN_MASK_LEN` bytes long.
    fn build(patterns: &[Secret], max_len: usize) -> Matcher {
        let nfa = contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(patterns.iter().map(|p| p.as_slice()))
            .expect("secret masking automaton too large");
        let start = nfa.start_state(Anchored::No).expect("unanchored start state");

        // Every state is a prefix of some pattern: walking each pattern from the start state
        // along its own bytes visits them all and tells their depth (linear in pattern bytes).
        let mut info: Vec<u32> = Vec::new();
        let mut note = |sid: StateID, bits: u32| {
            let i = sid.as_usize();
            if i >= info.len() {
                info.resize(i + 1, 0);
            }
            info[i] |= bits;
        };
        note(start, 1);
        for p in patterns {
            let mut sid = start;
            for (k, &b) in p.iter().enumerate() {
                sid = nfa.next_state(Anchored::No, sid, b);
                let depth = u32::try_from(k + 1).expect("pattern longer than 4 GiB");
                note(sid, depth << 1 | u32::from(k + 1 < p.len()));
            }
        }
        info.shrink_to_fit();

        let mut starts = Box::new([0u64; START_WORDS]);
        for p in patterns {
            let h = hash4(first4(p));
            starts[h >> 6] |= 1 << (h & 63);
        }
        let grams = Grams::build(patterns);
        Matcher { nfa, start, info, starts, grams, max_len }
    }

    /// Depth and "some pattern extends it" of a state.
    fn info(&self, sid: StateID) -> (usize, bool) {
        let bits = self.info[sid.as_usize()];
        ((bits >> 1) as usize, bits & 1 == 1)
    }

    fn walk(&self, bytes: &[u8]) -> StateID {
        bytes.iter().fold(self.start, |sid, &b| self.nfa.next_state(Anchored::No, sid, b))
    }

    /// Start of the longest suffix of `data[from..]` that is a proper prefix of some pattern
    /// (`data.len()` when there is none). Only the last `max_len - 1` bytes can matter.
    fn hold_from(&self, data: &[u8], from: usize) -> usize {
        let end = data.len();
        let mut lo = from.max(end.saturating_sub(self.max_len - 1));
        loop {
            let (depth, extends) = self.info(self.walk(&data[lo..]));
            if extends || depth == 0 {
                return end - depth;
            }
            // The longest such suffix is a whole pattern that nothing extends (it will be
            // matched, not held); look at the shorter suffixes.
            lo = end - depth + 1;
        }
    }

    /// Whether a pattern may start with the 4 bytes `group`.
    fn hit(&self, group: u32) -> bool {
        let h = hash4(group);
        self.starts[h >> 6] & (1 << (h & 63)) != 0
    }

    /// Whether a pattern may start at `i` (needs `i + 4 <= data.len()`).
    fn is_candidate(&self, data: &[u8], i: usize) -> bool {
        self.hit(first4(&data[i..]))
    }

    /// First candidate position in `from..stop` (`stop + 3 <= data.len()`). This loop is where
    /// nearly all the time goes on ordinary output: one 8-byte load tests 5 positions.
    fn next_candidate(&self, data: &[u8], from: usize, stop: usize) -> Option<usize> {
        let mut i = from;
        if let Some(g) = &self.grams {
            // Windows `i..=i + span`, each cleared by one test at `i + span` unless it hits;
            // past the last window that fits, the loop below tests the few positions left.
            while i < stop && i + g.span + 4 <= data.len() {
                if g.hit(first4(&data[i + g.span..])) {
                    let end = (i + g.span + 1).min(stop);
                    if let Some(p) = (i..end).find(|&p| self.is_candidate(data, p)) {
                        return Some(p);
                    }
                }
                i += g.span + 1;
            }
        }
        while i + 5 <= stop && i + 8 <= data.len() {
            let w = u64::from_le_bytes(data[i..i + 8].try_into().expect("8 bytes"));
            let hits = [0, 8, 16, 24, 32].map(|sh| self.hit((w >> sh) as u32));
            if hits.iter().any(|&h| h) {
                return hits.iter().position(|&h| h).map(|k| i + k);
            }
            i += 5;
        }
        (i..stop).find(|&i| self.is_candidate(data, i))
    }

    /// The leftmost-longest match starting in `from..limit`. Callers guarantee that no
    /// occurrence starting before `limit` could run past the end of `data`.
    fn find(&self, data: &[u8], from: usize, limit: usize) -> Option<(usize, usize, usize)> {
        let len = data.len();
        // A match needs MIN_MASK_LEN bytes, so candidates lie before `stop`.
        let stop = limit.min(len.saturating_sub(MIN_MASK_LEN - 1));
        let mut at = from;
        loop {
            let cand = self.next_candidate(data, at, stop)?;
            // From the start state at `cand`, the automaton sees every occurrence starting at or
            // after `cand`; none starts in `at..cand`.
            let mut sid = self.start;
            let mut last_cand = cand;
            let mut best: Option<(usize, usize, usize)> = None;
            let mut j = cand;
            loop {
                if j == len {
                    return best;
                }
                if j > last_cand && j < stop && self.is_candidate(data, j) {
                    last_cand = j;
                }
                sid = self.nfa.next_state(Anchored::No, sid, data[j]);
                j += 1;
                if self.nfa.is_match(sid) {
                    for k in 0..self.nfa.match_len(sid) {
                        let pattern = self.nfa.match_pattern(sid, k);
                        let s = j - self.nfa.pattern_len(pattern);
                        let better = match best {
                            None => true,
                            Some((bs, be, _)) => s < bs || (s == bs && j > be),
                        };
                        if s < limit && better {
                            best = Some((s, j, pattern.as_usize()));
                        }
                    }
                }
                // Every occurrence still in progress started at or after `open`.
                let open = j - self.info(sid).0;
                match best {
                    // Nothing in progress can start earlier or end later at the same start.
                    Some((bs, _, _)) if open > bs => return best,
                    // Nothing in progress started at a candidate: skip ahead again.
                    None if open > last_cand => {
                        at = j;
                        break;
                    }
                    _ => {}
                }
            }
        }
    }

    /// Where the masked run that begins with the match `start..end` ends: an occurrence that
    /// starts inside it and ends later joins it (`abcd1234` and `1234wxyz` in `abcd1234wxyz`
    /// are one `***`, not `***wxyz`), and so on until none does.
    fn extend(&self, data: &[u8], start: usize, mut end: usize) -> usize {
        let mut from = start + 1;
        while let Some((s, e, _)) = self.find(data, from, end) {
            end = end.max(e);
            // The next occurrence that could reach further starts after this one's start; a
            // run of them is walked once, not once per byte of each.
            from = (s + 1).max(end.saturating_sub(self.max_len));
        }
        end
    }

    /// Masks `data` as if more bytes may follow: appends to `out` everything that is final and
    /// returns where the held-back tail starts. The first `skip` bytes were already emitted (a
    /// tail released by the timer): they are matched against but not written again, and a
    /// secret that started in them has its remainder written as `***`.
    fn mask_partial(&self, data: &[u8], skip: usize, out: &mut Vec<u8>) -> usize {
        // Every occurrence starting before `hold` lies wholly inside `data` (one running past the
        // end would make its start part of a held suffix), so leftmost-longest matches found here
        // are the same the whole stream would give.
        let mut hold = self.hold_from(data, 0);
        let mut pos = 0;
        while let Some((start, end, _)) = self.find(data, pos, hold) {
            let end = self.extend(data, start, end);
            // A secret that overlaps this match and has not fully arrived yet would extend it:
            // hold the match back whole (it is written as `***` either way, once). Not past a
            // few patterns' length, though: a child printing an endless run of overlapping
            // matches (`aaaa...` for the value `aaaaaaaa`) must not stall its output or make
            // each chunk rescan all it held; such a run is written as several `***`.
            if data.len() - start <= HOLD_RUN_MAX * self.max_len && self.hold_from(data, start + 1) < end {
                emit(data, pos, start, skip, out);
                return start;
            }
            emit(data, pos, start, skip, out);
            if end > skip {
                out.extend_from_slice(MASK);
            }
            pos = end;
            if pos > hold {
                // The match swallowed the held suffix; hold what may start after it instead.
                hold = self.hold_from(data, pos);
            }
        }
        emit(data, pos, hold, skip, out);
        hold
    }

    /// Masks `data` as final (nothing follows); the first `skip` bytes were already emitted.
    fn mask_all(&self, data: &[u8], skip: usize, out: &mut Vec<u8>) {
        let mut pos = 0;
        while let Some((start, end, _)) = self.find(data, pos, data.len()) {
            let end = self.extend(data, start, end);
            emit(data, pos, start, skip, out);
            if end > skip {
                out.extend_from_slice(MASK);
            }
            pos = end;
        }
        emit(data, pos, data.len(), skip, out);
    }
}

/// How many of the longest pattern's length a run of overlapping matches may be held back for.
const HOLD_RUN_MAX: usize = 4;

/// Writes `data[from..to]` except its part before `skip` (already written).
fn emit(data: &[u8], from: usize, to: usize, skip: usize, out: &mut Vec<u8>) {
    let from = from.max(skip);
    if to > from {
        out.extend_from_slice(&data[from..to]);
    }
}

/// Masking state of one output stream: the held-back tail between chunks.
///
/// The held bytes may be the start of a secret; they are zeroized on drop and on flush. After a
/// flush on the timer, the released bytes stay as context (`emitted` of them), so that when the
/// rest of a secret arrives later it is still recognised and its remainder written as `***`:
/// the prefix already on screen cannot be taken back, but the rest never shows.
pub struct MaskStream<'a> {
    masker: &'a Masker,
    held: Vec<u8>,
    /// How many bytes at the start of `held` were already written out.
    emitted: usize,
}

impl MaskStream<'_> {
    /// Feed a chunk; append to `out` every byte that is now safe to emit (masked). Bytes that
    /// could still be the start of a secret (the longest suffix of the pending data that is a
    /// proper prefix of some pattern) are held back, and nothing else is held back: plain text
    /// such as a prompt `"Password: "` with no newline comes out at once unless its end could
    /// start a secret. Pushing in any split gives the same output as one push.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let Some(m) = self.masker.matcher.as_ref() else {
            out.extend_from_slice(chunk);
            return;
        };
        if self.held.is_empty() {
            let hold = m.mask_partial(chunk, 0, out);
            self.held.extend_from_slice(&chunk[hold..]);
        } else {
            self.held.extend_from_slice(chunk);
            let hold = m.mask_partial(&self.held, self.emitted, out);
            self.held.drain(..hold);
            self.emitted = self.emitted.saturating_sub(hold);
        }
    }

    /// Emits the held-back tail (called on a short timer with no new data, and at EOF). Any
    /// complete secret inside it is still masked; the rest comes out as is, and stays as
    /// context: if it was the start of a secret whose remainder arrives later, the remainder
    /// is masked.
    pub fn flush(&mut self, out: &mut Vec<u8>) {
        if self.pending() == 0 {
            return;
        }
        if let Some(m) = self.masker.matcher.as_ref() {
            // A partial secret was already let out once and the bytes since still continue it:
            // keep holding them until it completes (masked), diverges or the stream ends, so a
            // value written slowly shows at most its first part, once.
            if self.emitted > 0 && m.hold_from(&self.held, 0) == 0 {
                return;
            }
        }
        self.release(out);
    }

    /// Emits everything still held (the stream has ended: nothing can complete a secret now).
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        if self.pending() > 0 {
            self.release(out);
        }
        self.held.zeroize();
        self.emitted = 0;
    }

    fn release(&mut self, out: &mut Vec<u8>) {
        let Some(m) = self.masker.matcher.as_ref() else {
            out.extend_from_slice(&self.held);
            self.held.zeroize();
            return;
        };
        m.mask_all(&self.held, self.emitted, out);
        // Keep only what could still be the start of a secret.
        let keep = m.hold_from(&self.held, 0);
        self.held.drain(..keep);
        self.emitted = self.held.len();
        if self.held.is_empty() {
            self.held.zeroize();
        }
    }

    /// Number of bytes held back and not yet written.
    pub fn pending(&self) -> usize {
        self.held.len() - self.emitted
    }
}

impl Drop for MaskStream<'_> {
    fn drop(&mut self) {
        self.held.zeroize();
    }
}

impl fmt::Debug for MaskStream<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MaskStream").field("pending", &self.held.len()).finish_non_exhaustive()
    }
}

/// Values longer than this are masked as themselves and line by line, but not in their encoded
/// forms: each encoding of a 1 MiB value would add megabytes of patterns (seconds to build,
/// about a gigabyte of automaton) for leaks that long values rarely suffer whole.
pub const ENCODED_FORMS_MAX: usize = 64 * 1024;

/// Hands every masked form of `v` (at least `MIN_MASK_LEN` bytes long) to `out`.
fn add_patterns(v: &[u8], out: &mut impl FnMut(Secret, Form)) {
    out(Zeroizing::new(v.to_vec()), Form::Raw);

    if v.contains(&b'\n') {
        for line in v.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.len() >= MIN_MASK_LEN {
                out(Zeroizing::new(line.to_vec()), Form::Line);
            }
        }
    }
    if v.len() > ENCODED_FORMS_MAX {
        return;
    }

    for (engine, form) in [
        (STANDARD, Form::Base64),
        (STANDARD_NO_PAD, Form::Base64),
        (URL_SAFE, Form::Base64Url),
        (URL_SAFE_NO_PAD, Form::Base64Url),
    ] {
        out(Zeroizing::new(engine.encode(v).into_bytes()), form);
    }
    add_base64_cores(v, &STANDARD_NO_PAD, &mut |p| out(p, Form::Base64));
    add_base64_cores(v, &URL_SAFE_NO_PAD, &mut |p| out(p, Form::Base64Url));

    for upper in [false, true] {
        for style in [
            PercentStyle::Strict,
            PercentStyle::KeepSlash,
            PercentStyle::Form,
            PercentStyle::UriComponent,
            PercentStyle::Every,
        ] {
            let p = percent_encode(v, upper, style);
            if p.as_slice() != v {
                out(p, Form::Url);
            }
        }
    }
    // A value of printable ASCII with nothing to escape is its own JSON form (the usual case).
    let json_plain = v.iter().all(|&b| (0x20..0x7f).contains(&b) && !matches!(b, b'"' | b'\\' | b'/'));
    for escape_slash in [false, true].into_iter().filter(|_| !json_plain) {
        for ascii_only in [false, true] {
            let j = json_escape(v, escape_slash, ascii_only);
            if j.as_slice() != v {
                out(j, Form::Json);
            }
        }
    }
    // Go's encoding/json escapes `<`, `>` and `&` (and U+2028, U+2029) by default, so HTML
    // can embed its output: `a&b` is written `a\u0026b`.
    if v.iter().any(|b| matches!(b, b'<' | b'>' | b'&')) || contains_line_separators(v) {
        out(json_escape_go(v), Form::Json);
    }
    for upper in [false, true] {
        out(hex_encode(v, upper), Form::Hex);
    }
}

/// Whether `v` holds U+2028 or U+2029 (which Go's JSON encoder escapes).
fn contains_line_separators(v: &[u8]) -> bool {
    v.windows(3).any(|w| w[0] == 0xe2 && w[1] == 0x80 && matches!(w[2], 0xa8 | 0xa9))
}

/// The content of a JSON string as Go's `json.Marshal` writes it: serde_json's escapes, plus
/// `<`, `>`, `&`, U+2028 and U+2029 as `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`.
fn json_escape_go(v: &[u8]) -> Secret {
    let mut o = Zeroizing::new(Vec::with_capacity(v.len() * 6));
    let mut i = 0;
    while i < v.len() {
        let b = v[i];
        if matches!(b, b'<' | b'>' | b'&') {
            o.extend_from_slice(b"\\u00");
            o.push(HEX_LOWER[usize::from(b >> 4)]);
            o.push(HEX_LOWER[usize::from(b & 15)]);
        } else if b == 0xe2 && v.get(i + 1) == Some(&0x80) && matches!(v.get(i + 2), Some(0xa8 | 0xa9)) {
            o.extend_from_slice(if v[i + 2] == 0xa8 { b"\\u2028" } else { b"\\u2029" });
            i += 2;
        } else {
            push_json_byte(&mut o, b, false);
        }
        i += 1;
    }
    o
}

/// Whether a multi-line value has a line (not empty) too short to be masked on its own: a
/// program that prints only that line shows it (the caller warns by name).
pub fn has_short_line(v: &[u8]) -> bool {
    v.contains(&b'\n')
        && v.split(|&b| b == b'\n')
            .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
            .any(|l| !l.is_empty() && l.len() < MIN_MASK_LEN)
}

/// The base64 characters fully determined by `v` when it sits at each byte alignment inside a
/// longer base64-encoded text: for shift `s`, encode `s` zero bytes followed by `v`, and drop
/// the leading characters that mix in the unknown preceding bytes and the trailing character
/// that mixes in the unknown following bytes.
fn add_base64_cores(v: &[u8], engine: &GeneralPurpose, out: &mut impl FnMut(Secret)) {
    let mut shifted: Secret = Zeroizing::new(Vec::with_capacity(v.len() + 2));
    for s in 0..3usize {
        shifted.clear();
        shifted.resize(s, 0);
        shifted.extend_from_slice(v);
        let enc = Zeroizing::new(engine.encode(shifted.as_slice()).into_bytes());
        // Character i covers bits [6i, 6i + 6); v covers bits [8s, 8(s + len)).
        let first = (8 * s).div_ceil(6);
        let last = 8 * (s + v.len()) / 6;
        if last >= first + MIN_MASK_LEN {
            out(Zeroizing::new(enc[first..last].to_vec()));
        }
    }
}

/// The first 4 bytes of `b` (at least 4 long) as one number.
fn first4(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// log2 of the bits in the pattern-start bitmap: 32 KiB, which stays in L1/L2 cache and lets
/// through about 0.5 % of positions by chance with the ~1400 patterns of 100 values.
const START_BITS: u32 = 18;
const START_WORDS: usize = 1 << (START_BITS - 6);

/// Bit index of a 4-byte group in the pattern-start bitmap.
fn hash4(g: u32) -> usize {
    (g.wrapping_mul(0x9e37_79b1) >> (32 - START_BITS)) as usize
}

const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";
const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

fn hex_digits(upper: bool) -> &'static [u8; 16] {
    if upper {
        HEX_UPPER
    } else {
        HEX_LOWER
    }
}

fn hex_encode(v: &[u8], upper: bool) -> Secret {
    let digits = hex_digits(upper);
    let mut o = Zeroizing::new(Vec::with_capacity(v.len() * 2));
    for &b in v {
        o.push(digits[usize::from(b >> 4)]);
        o.push(digits[usize::from(b & 15)]);
    }
    o
}

/// How a percent-encoder treats the bytes it may leave alone.
#[derive(Clone, Copy)]
enum PercentStyle {
    /// RFC 3986: only unreserved characters stay.
    Strict,
    /// Python's `urllib.parse.quote` default: `/` stays too.
    KeepSlash,
    /// HTML forms, `quote_plus`: a space becomes `+`.
    Form,
    /// JavaScript's `encodeURIComponent`: `!`, `*`, `'`, `(` and `)` stay too.
    UriComponent,
    /// Every byte as `%XX`, letters and digits included (some loggers and proxies).
    Every,
}

fn percent_encode(v: &[u8], upper: bool, style: PercentStyle) -> Secret {
    let digits = hex_digits(upper);
    let mut o = Zeroizing::new(Vec::with_capacity(v.len() * 3));
    for &b in v {
        let unreserved = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        let kept = match style {
            PercentStyle::Every => false,
            PercentStyle::KeepSlash => unreserved || b == b'/',
            PercentStyle::UriComponent => unreserved || matches!(b, b'!' | b'*' | b'\'' | b'(' | b')'),
            PercentStyle::Strict | PercentStyle::Form => unreserved,
        };
        if kept {
            o.push(b);
        } else if b == b' ' && matches!(style, PercentStyle::Form) {
            o.push(b'+');
        } else {
            o.extend_from_slice(&[b'%', digits[usize::from(b >> 4)], digits[usize::from(b & 15)]]);
        }
    }
    o
}

/// The content of a JSON string as serde_json writes it (without the quotes), optionally with
/// `/` escaped as `\/` as some other encoders do, and optionally with every non-ASCII character
/// as `\uXXXX` (UTF-16, lowercase hex) as Python's `json.dumps` does by default.
fn json_escape(v: &[u8], escape_slash: bool, ascii_only: bool) -> Secret {
    let mut o = Zeroizing::new(Vec::with_capacity(v.len() * 6));
    match std::str::from_utf8(v).ok().filter(|_| ascii_only) {
        Some(text) => {
            let mut units = [0u16; 2];
            for c in text.chars() {
                if c.is_ascii() {
                    push_json_byte(&mut o, c as u8, escape_slash);
                } else {
                    for &unit in c.encode_utf16(&mut units).iter() {
                        o.extend_from_slice(b"\\u");
                        for shift in [12, 8, 4, 0] {
                            o.push(HEX_LOWER[usize::from((unit >> shift) & 15)]);
                        }
                    }
                }
            }
            units.zeroize();
        }
        None => v.iter().for_each(|&b| push_json_byte(&mut o, b, escape_slash)),
    }
    o
}

/// Appends byte `b` as a JSON string encoder writes it.
fn push_json_byte(o: &mut Vec<u8>, b: u8, escape_slash: bool) {
    match b {
        b'"' => o.extend_from_slice(b"\\\""),
        b'\\' => o.extend_from_slice(b"\\\\"),
        b'\n' => o.extend_from_slice(b"\\n"),
        b'\r' => o.extend_from_slice(b"\\r"),
        b'\t' => o.extend_from_slice(b"\\t"),
        0x08 => o.extend_from_slice(b"\\b"),
        0x0c => o.extend_from_slice(b"\\f"),
        b'/' if escape_slash => o.extend_from_slice(b"\\/"),
        0..=0x1f => {
            o.extend_from_slice(b"\\u00");
            o.push(HEX_LOWER[usize::from(b >> 4)]);
            o.push(HEX_LOWER[usize::from(b & 15)]);
        }
        _ => o.push(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn masker(values: &[&[u8]]) -> Masker {
        let (m, short) = Masker::new(values);
        assert!(short.is_empty(), "unexpected short values {short:?}");
        m
    }

    fn run(m: &Masker, chunks: &[&[u8]]) -> Vec<u8> {
        let mut s = m.stream();
        let mut out = Vec::new();
        for c in chunks {
            s.push(c, &mut out);
        }
        s.flush(&mut out);
        assert_eq!(s.pending(), 0);
        out
    }

    fn once(m: &Masker, text: &[u8]) -> Vec<u8> {
        run(m, &[text])
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
    }

    /// Small deterministic generator so encoded-form tests are reproducible.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn bytes(&mut self, n: usize) -> Vec<u8> {
            (0..n).map(|_| self.next() as u8).collect()
        }
    }

    #[test]
    fn typical_tokens_take_the_sampled_prefilter() {
        let (m, _) = Masker::new(&[b"0123456789abcdef0123456789abcdef", b"ghp_16C7e42F292c6912E7710c838347Ae178B4a"]);
        let grams = m.matcher.as_ref().and_then(|x| x.grams.as_ref()).expect("sampled prefilter");
        assert!(grams.span >= 8, "span {}", grams.span);
        let (m, _) = Masker::new(&[b"short-1"]);
        assert!(m.matcher.as_ref().is_some_and(|x| x.grams.is_none()));
    }

    #[test]
    fn masker_is_shared_across_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Masker>();
    }

    #[test]
    fn value_in_one_chunk() {
        let m = masker(&[b"hunter22"]);
        assert_eq!(once(&m, b"pw=hunter22\n"), b"pw=***\n");
        assert_eq!(once(&m, b"hunter22hunter22"), b"******");
    }

    #[test]
    fn value_split_at_every_position() {
        let m = masker(&[b"s3cr3t-v4lue"]);
        let text = b"before s3cr3t-v4lue after";
        for i in 0..=text.len() {
            let out = run(&m, &[&text[..i], &text[i..]]);
            assert_eq!(out, b"before *** after", "split at {i}");
        }
    }

    #[test]
    fn value_in_one_byte_pushes() {
        let m = masker(&[b"s3cr3t-v4lue", b"other-secret"]);
        let text = b"x s3cr3t-v4lue y other-secret z s3cr3t";
        let chunks: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(run(&m, &chunks), b"x *** y *** z s3cr3t");
    }

    #[test]
    fn longest_and_leftmost_win() {
        let m = masker(&[b"secret", b"secret-long"]);
        assert_eq!(once(&m, b"a secret-long b secret c"), b"a *** b *** c");
        assert_eq!(once(&m, b"secret-lon"), b"***-lon");
        let text = b"a secret-long b";
        for i in 0..=text.len() {
            assert_eq!(run(&m, &[&text[..i], &text[i..]]), b"a *** b", "split at {i}");
        }
        // Overlapping values are one run: nothing of either shows.
        let m = masker(&[b"abcdef", b"defghi"]);
        assert_eq!(once(&m, b"xabcdefghiy"), b"x***y");
        assert_eq!(once(&m, b"xbcdefghiy"), b"xbc***y");
        // A shorter match must not win over an earlier one that completes later.
        let m = masker(&[b"xxab12345", b"ab12"]);
        let text = b"-xxab12345-";
        for i in 0..=text.len() {
            assert_eq!(run(&m, &[&text[..i], &text[i..]]), b"-***-", "split at {i}");
        }
        assert_eq!(once(&m, b"-xxab1234-"), b"-xx***34-");
    }

    #[test]
    fn overlapping_values_are_one_run_in_any_split() {
        let m = masker(&[b"abcd1234", b"1234wxyz"]);
        let text = b"<abcd1234wxyz>";
        assert_eq!(once(&m, text), b"<***>");
        for i in 0..=text.len() {
            for j in i..=text.len() {
                assert_eq!(run(&m, &[&text[..i], &text[i..j], &text[j..]]), b"<***>", "split at {i}, {j}");
            }
        }
        let bytes: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(run(&m, &bytes), b"<***>");
        // A chain of three, and one that only touches (no overlap) stays two runs.
        let m = masker(&[b"aaaa1111", b"1111bbbb", b"bbbbcccc"]);
        assert_eq!(once(&m, b"-aaaa1111bbbbcccc-"), b"-***-");
        assert_eq!(once(&m, b"-aaaa11111111bbbb-"), b"-******-");
    }

    #[test]
    fn an_endless_run_of_overlapping_matches_neither_stalls_nor_leaks() {
        let m = masker(&[b"aaaaaaaa"]);
        let mut s = m.stream();
        let (mut out, mut total) = (Vec::new(), 0);
        let chunk = vec![b'a'; 4096];
        for _ in 0..100 {
            s.push(&chunk, &mut out);
            assert!(s.pending() <= HOLD_RUN_MAX * m.max_len() + chunk.len(), "{} held", s.pending());
            total += out.len();
            assert!(out.iter().all(|&b| b == b'*'), "a byte of the value came out");
            out.clear();
        }
        assert!(total > 0, "nothing came out of 400 KB");
        s.finish(&mut out);
        assert!(out.iter().all(|&b| b == b'*'));
    }

    #[test]
    fn go_json_and_javascript_percent_forms() {
        let m = masker(&[b"p&ss<w>rd!*(x)'"]);
        // Go's json.Marshal, encodeURIComponent, and every byte percent-encoded.
        for form in [
            &b"p\\u0026ss\\u003cw\\u003erd!*(x)'"[..],
            b"p%26ss%3Cw%3Erd!*(x)'",
            b"%70%26%73%73%3C%77%3E%72%64%21%2A%28%78%29%27",
            b"%70%26%73%73%3c%77%3e%72%64%21%2a%28%78%29%27",
        ] {
            let text = [b"v=", form, b";"].concat();
            assert_eq!(once(&m, &text), b"v=***;", "{}", String::from_utf8_lossy(form));
        }
        let m = masker(&["line\u{2028}sep".as_bytes()]);
        assert_eq!(once(&m, b"\"line\\u2028sep\""), b"\"***\"");
    }

    #[test]
    fn short_lines_of_multi_line_values_are_found() {
        assert!(has_short_line(b"-----BEGIN-----\nab\n-----END-----"));
        assert!(has_short_line(b"long line\r\nxyz\r\n"));
        assert!(!has_short_line(b"long line\n\nother line\n"));
        assert!(!has_short_line(b"ab"));
    }

    #[test]
    fn base64_at_every_alignment() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for vlen in [4usize, 5, 6, 17, 32] {
            let value = rng.bytes(vlen);
            let m = masker(&[&value]);
            for prefix_len in 0..9 {
                for suffix_len in [0usize, 1, 2, 3, 7] {
                    let prefix = rng.bytes(prefix_len);
                    let suffix = rng.bytes(suffix_len);
                    let blob = [prefix.as_slice(), &value, &suffix].concat();
                    for engine in [STANDARD, URL_SAFE, STANDARD_NO_PAD, URL_SAFE_NO_PAD] {
                        let enc = engine.encode(&blob).into_bytes();
                        let text = [b"data: ".as_slice(), &enc, b"\n"].concat();
                        let out = once(&m, &text);
                        // The characters determined by the value alone.
                        let first = (8 * prefix_len).div_ceil(6);
                        let last = 8 * (prefix_len + vlen) / 6;
                        let core = &enc[first..last];
                        assert!(
                            !contains(&out, core),
                            "vlen {vlen} prefix {prefix_len} suffix {suffix_len}: {}",
                            String::from_utf8_lossy(&out)
                        );
                        assert!(contains(&out, MASK));
                        assert!(out.starts_with(b"data: "));
                    }
                }
            }
        }
    }

    #[test]
    fn base64_whole_value_padded_and_unpadded() {
        let value = b"correct horse battery";
        let m = masker(&[value]);
        for engine in [STANDARD, URL_SAFE, STANDARD_NO_PAD, URL_SAFE_NO_PAD] {
            let enc = engine.encode(value);
            let out = once(&m, format!("Basic {enc};").as_bytes());
            assert_eq!(out, b"Basic ***;", "{enc}");
        }
        // URL-safe differs from standard only where '+' or '/' would appear.
        let value = [0xfbu8, 0xff, 0xbf, 0xfe, 0xfb, 0xef];
        let m = masker(&[&value]);
        assert_eq!(STANDARD.encode(value), "+/+//vvv");
        assert_eq!(once(&m, b"a -_-__vvv b"), b"a *** b");
        assert_eq!(once(&m, b"a +/+//vvv b"), b"a *** b");
    }

    #[test]
    fn percent_json_hex_forms() {
        let value: &[u8] = b"p@ss w/rd:\"x\"\\\n\t\x01\x1b=1234";
        let m = masker(&[value]);
        let texts: Vec<Vec<u8>> = vec![
            percent_encode(value, false, PercentStyle::Strict).to_vec(),
            percent_encode(value, true, PercentStyle::Strict).to_vec(),
            json_escape(value, false, false).to_vec(),
            json_escape(value, true, false).to_vec(),
            hex::encode(value).into_bytes(),
            hex::encode_upper(value).into_bytes(),
        ];
        assert_eq!(json_escape(value, false, false).as_slice(), br#"p@ss w/rd:\"x\"\\\n\t\u0001\u001b=1234"#);
        assert_eq!(
            percent_encode(value, true, PercentStyle::Strict).as_slice(),
            b"p%40ss%20w%2Frd%3A%22x%22%5C%0A%09%01%1B%3D1234"
        );
        for t in texts {
            let text = [b"<".as_slice(), &t, b">"].concat();
            assert_eq!(once(&m, &text), b"<***>", "{}", String::from_utf8_lossy(&t));
        }
        // A JSON document as serde_json would write it.
        let doc = [br#"{"token":""#.as_slice(), &json_escape(value, false, false), br#""}"#].concat();
        assert_eq!(once(&m, &doc), br#"{"token":"***"}"#);
    }

    #[test]
    fn encodings_equal_to_value_are_not_duplicated() {
        // Percent and JSON forms equal the value; 9 bytes need no base64 padding.
        let (m, _) = Masker::new(&[b"abcd-1234"]);
        let (m2, _) = Masker::new(&[b"abcd-1234", b"abcd-1234"]);
        assert_eq!(m.pattern_count(), m2.pattern_count());
        let mut all: Vec<Secret> = Vec::new();
        add_patterns(b"abcd-1234", &mut |p, _| all.push(p));
        all.sort_unstable_by(|a, b| a.as_slice().cmp(b.as_slice()));
        all.dedup_by(|a, b| a.as_slice() == b.as_slice());
        assert_eq!(all.len(), m.pattern_count());
        assert!(all.iter().all(|p| p.len() >= MIN_MASK_LEN));
    }

    #[test]
    fn pem_line_printed_alone() {
        let pem: &[u8] = b"-----BEGIN PRIVATE KEY-----\r\nMIIBVwIBADANBgkqhkiG9w0BAQEFAASCAUEwggE9AgEAAkEA\r\nq7BFUpkGp3+XQvcWq7BFUpkGp3\r\n-----END PRIVATE KEY-----\r\n";
        let m = masker(&[pem]);
        assert_eq!(once(&m, b"line: MIIBVwIBADANBgkqhkiG9w0BAQEFAASCAUEwggE9AgEAAkEA\n"), b"line: ***\n");
        assert_eq!(once(&m, pem), b"***");
        let crlf_free = String::from_utf8(pem.to_vec()).unwrap().replace("\r\n", "\n");
        assert_eq!(once(&m, crlf_free.as_bytes()), b"***\n***\n***\n***\n");
    }

    #[test]
    fn short_value_reported_and_not_masked() {
        let (m, short) = Masker::new(&[b"longsecret", b"abc", b"", b"abcd"]);
        assert_eq!(short, vec![1, 2]);
        assert_eq!(once(&m, b"abc longsecret abcd"), b"abc *** ***");
        let (m, short) = Masker::new(&[b"ab"]);
        assert_eq!(short, vec![0]);
        assert!(m.is_empty());
        assert_eq!(m.pattern_count(), 0);
        let mut s = m.stream();
        let mut out = Vec::new();
        s.push(b"ab cd", &mut out);
        assert_eq!(s.pending(), 0);
        assert_eq!(out, b"ab cd");
    }

    #[test]
    fn plain_text_passes_immediately() {
        let m = masker(&[b"hunter22", b"swordfish!", b"Tr0ub4dor&3"]);
        let mut s = m.stream();
        let mut out = Vec::new();
        s.push(b"Password: ", &mut out);
        assert_eq!(out, b"Password: ");
        assert_eq!(s.pending(), 0);
        // Arbitrary binary text without secrets comes out byte for byte.
        let text: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        assert_eq!(once(&m, &text), text);
        // Only a real secret prefix is held, and only as long as it could still be one.
        let mut out = Vec::new();
        s.push(b"user: hun", &mut out);
        assert_eq!(out, b"user: ");
        assert_eq!(s.pending(), 3);
        s.push(b"ter2", &mut out);
        assert_eq!(s.pending(), 7);
        s.push(b"x", &mut out);
        assert_eq!(s.pending(), 0);
        assert_eq!(out, b"user: hunter2x");
    }

    #[test]
    fn ansi_colour_codes_kept() {
        let m = masker(&[b"hunter22"]);
        let text = b"\x1b[1;31mpw: hunter22\x1b[0m\r\n";
        assert_eq!(once(&m, text), b"\x1b[1;31mpw: ***\x1b[0m\r\n");
    }

    #[test]
    fn flush_masks_complete_secret_in_held_tail() {
        let m = masker(&[b"abcd", b"abcdef"]);
        let mut s = m.stream();
        let mut out = Vec::new();
        s.push(b"x abcd", &mut out);
        assert_eq!(out, b"x ");
        assert_eq!(s.pending(), 4);
        s.flush(&mut out);
        assert_eq!(out, b"x ***");
    }

    #[test]
    fn python_url_and_json_defaults_are_masked() {
        // urllib.parse.quote keeps '/', quote_plus turns ' ' into '+', json.dumps escapes
        // non-ASCII as \uXXXX (surrogate pairs beyond the BMP).
        let value = "p/ss wörd😀x".as_bytes();
        let m = masker(&[value]);
        for form in
            [&b"p/ss%20w%C3%B6rd%F0%9F%98%80x"[..], b"p%2Fss+w%C3%B6rd%F0%9F%98%80x", br"p/ss w\u00f6rd\ud83d\ude00x"]
        {
            assert_eq!(once(&m, form), b"***", "{}", String::from_utf8_lossy(form));
        }
    }

    #[test]
    fn large_value_builds_linearly() {
        let mut rng = Rng(7);
        let value = rng.bytes(256 * 1024);
        let (m, _) = Masker::new(&[&value]);
        let text = [b"begin ".as_slice(), &value, b" end"].concat();
        let chunks: Vec<&[u8]> = text.chunks(65536).collect();
        assert_eq!(run(&m, &chunks), b"begin *** end");
        // Encoded forms are kept for values up to ENCODED_FORMS_MAX only.
        let small = &value[..ENCODED_FORMS_MAX];
        let (m, _) = Masker::new(&[small]);
        let b64 = STANDARD.encode(small);
        assert_eq!(once(&m, b64.as_bytes()), b"***");
        let (m, _) = Masker::new(&[&value]);
        let b64 = STANDARD.encode(&value);
        assert_eq!(once(&m, b64.as_bytes()), b64.as_bytes(), "a value over the cap is not masked in base64");
    }

    fn naive_hold(patterns: &[Vec<u8>], data: &[u8]) -> usize {
        (0..=data.len())
            .find(|&p| {
                patterns.iter().any(|pat| data.len() - p < pat.len() && pat.starts_with(&data[p..])) && p < data.len()
            })
            .unwrap_or(data.len())
    }

    /// Reference leftmost-longest masking, byte by byte.
    fn naive_mask(patterns: &[Vec<u8>], text: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let longest = patterns.iter().filter(|p| text[i..].starts_with(p)).map(|p| p.len()).max();
            match longest {
                Some(n) => {
                    // The run goes on while an occurrence starting inside it ends later.
                    let mut end = i + n;
                    let mut j = i + 1;
                    while j < end {
                        let reach = patterns.iter().filter(|p| text[j..].starts_with(p)).map(|p| j + p.len()).max();
                        end = end.max(reach.unwrap_or(0));
                        j += 1;
                    }
                    out.extend_from_slice(MASK);
                    i = end;
                }
                None => {
                    out.push(text[i]);
                    i += 1;
                }
            }
        }
        out
    }

    fn all_patterns(values: &[Vec<u8>]) -> Vec<Vec<u8>> {
        let mut patterns: Vec<Secret> = Vec::new();
        for v in values {
            add_patterns(v, &mut |p, _| patterns.push(p));
        }
        patterns.iter().map(|p| p.to_vec()).collect()
    }

    proptest! {
        /// Timer flushes at any points may let a secret's first bytes out, but never a whole
        /// secret: the remainder is recognised and masked.
        #[test]
        fn timer_flushes_never_release_a_whole_value(
            value in prop::collection::vec(prop::sample::select(b"abcd".to_vec()), 6..24),
            filler in prop::collection::vec(prop::sample::select(b"xy ".to_vec()), 0..16),
            cuts in prop::collection::vec(0usize..64, 1..6),
        ) {
            let (m, _) = Masker::new(&[&value]);
            let text = [filler.as_slice(), &value, b" end"].concat();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(text.len())).collect();
            cuts.sort_unstable();
            let mut s = m.stream();
            let mut out = Vec::new();
            let mut at = 0;
            for c in cuts {
                s.push(&text[at..c], &mut out);
                s.flush(&mut out);
                at = c;
            }
            s.push(&text[at..], &mut out);
            s.flush(&mut out);
            prop_assert!(!contains(&out, &value), "value leaked: {:?}", String::from_utf8_lossy(&out));
            prop_assert!(out.ends_with(b" end"));
        }

        // Long values take the sampled prefilter (`Grams`): it must miss nothing the naive
        // search finds, at any offset and across chunk boundaries.
        #[test]
        fn same_as_naive_with_long_values(
            values in prop::collection::vec(
                prop::collection::vec(prop::sample::select(b"ab".to_vec()), 12..40), 1..6),
            pieces in prop::collection::vec((0usize..8, prop::collection::vec(
                prop::sample::select(b"abx".to_vec()), 0..40)), 0..14),
            cut in 0usize..2000,
        ) {
            let mut text = Vec::new();
            for (which, filler) in &pieces {
                text.extend_from_slice(filler);
                if let Some(v) = values.get(*which) {
                    text.extend_from_slice(v);
                }
            }
            let refs: Vec<&[u8]> = values.iter().map(|v| v.as_slice()).collect();
            let (m, _) = Masker::new(&refs);
            let want = naive_mask(&all_patterns(&values), &text);
            prop_assert_eq!(&once(&m, &text), &want);
            let cut = cut.min(text.len());
            prop_assert_eq!(&run(&m, &[&text[..cut], &text[cut..]]), &want);
        }

        #[test]
        fn find_names_every_value_of_the_leftmost_longest_match(
            values in prop::collection::vec(
                prop::collection::vec(prop::sample::select(b"ab".to_vec()), 4..9), 1..5),
            text in prop::collection::vec(prop::sample::select(b"aab".to_vec()), 0..200),
            twice in any::<bool>(),
        ) {
            // Two secrets with one value: both are named.
            let mut values = values;
            if twice {
                values.push(values[0].clone());
            }
            let refs: Vec<&[u8]> = values.iter().map(|v| v.as_slice()).collect();
            let (m, _) = Masker::new(&refs);
            // Every (pattern, value) pair, naively.
            let mut owned: Vec<(Vec<u8>, usize)> = Vec::new();
            for (i, v) in values.iter().enumerate() {
                add_patterns(v, &mut |p, _| owned.push((p.to_vec(), i)));
            }
            let mut pos = 0;
            let mut naive = Vec::new();
            while pos < text.len() {
                let at = |i: usize| owned.iter().filter(|(p, _)| text[i..].starts_with(p)).map(|(p, _)| p.len()).max();
                match at(pos) {
                    Some(n) => {
                        let mut who: Vec<usize> =
                            owned.iter().filter(|(p, _)| p.as_slice() == &text[pos..pos + n]).map(|&(_, i)| i).collect();
                        who.sort_unstable();
                        who.dedup();
                        naive.push((pos, pos + n, who));
                        pos += n;
                    }
                    None => pos += 1,
                }
            }
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(f) = m.find(&text, from, text.len()) {
                let mut who: Vec<usize> = f.owners.iter().map(|o| o.value).collect();
                who.sort_unstable();
                found.push((f.start, f.end, who));
                from = f.end;
            }
            prop_assert_eq!(found, naive);
        }

        #[test]
        fn same_as_naive_leftmost_longest(
            values in prop::collection::vec(
                prop::collection::vec(prop::sample::select(b"ab".to_vec()), 4..10), 1..6),
            text in prop::collection::vec(prop::sample::select(b"aab".to_vec()), 0..200),
            cut in 0usize..200,
        ) {
            let refs: Vec<&[u8]> = values.iter().map(|v| v.as_slice()).collect();
            let (m, _) = Masker::new(&refs);
            let want = naive_mask(&all_patterns(&values), &text);
            prop_assert_eq!(&once(&m, &text), &want);
            let cut = cut.min(text.len());
            prop_assert_eq!(&run(&m, &[&text[..cut], &text[cut..]]), &want);
        }

        #[test]
        fn chunking_never_changes_output(
            values in prop::collection::vec(
                prop::collection::vec(prop::sample::select(b"abc".to_vec()), 4..64), 1..5),
            pieces in prop::collection::vec((0usize..6, prop::collection::vec(
                prop::sample::select(b"abcx \n".to_vec()), 0..12)), 0..12),
            cuts in prop::collection::vec(0usize..2000, 0..12),
        ) {
            let mut text = Vec::new();
            for (which, filler) in &pieces {
                text.extend_from_slice(filler);
                if let Some(v) = values.get(*which) {
                    text.extend_from_slice(v);
                }
            }
            let refs: Vec<&[u8]> = values.iter().map(|v| v.as_slice()).collect();
            let (m, short) = Masker::new(&refs);
            prop_assert!(short.is_empty());
            let whole = once(&m, &text);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (text.len() + 1)).collect();
            cuts.sort_unstable();
            let mut chunks = Vec::new();
            let mut last = 0;
            for c in cuts {
                chunks.push(&text[last..c]);
                last = c;
            }
            chunks.push(&text[last..]);
            prop_assert_eq!(&run(&m, &chunks), &whole);
            let bytes: Vec<&[u8]> = text.chunks(1).collect();
            prop_assert_eq!(&run(&m, &bytes), &whole);
            for v in &values {
                prop_assert!(!contains(&whole, v));
            }
        }

        #[test]
        fn held_suffix_is_longest_proper_prefix(
            values in prop::collection::vec(
                prop::collection::vec(prop::sample::select(b"ab".to_vec()), 4..12), 1..4),
            data in prop::collection::vec(prop::sample::select(b"abc".to_vec()), 0..40),
        ) {
            let refs: Vec<&[u8]> = values.iter().map(|v| v.as_slice()).collect();
            let patterns = all_patterns(&values);
            let (m, _) = Masker::new(&refs);
            let matcher = m.matcher.as_ref().unwrap();
            for from in 0..=data.len() {
                let got = matcher.hold_from(&data, from);
                let want = from + naive_hold(&patterns, &data[from..]);
                prop_assert_eq!(got, want);
            }
        }
    }
}
