//! Criterion microbenchmarks: `cargo bench --bench micro` (a few minutes on 2 cores).
//!
//! * `mask/throughput/{1,100,1000}`: MB/s of `Masker` over 8 MiB of base64 text (the same kind of
//!   output as the `vault run` masking workload in `benches/peers.sh`), pushed in 64 KiB chunks
//!   like `run::pump` does. The masker always builds every encoded form of each value (base64 at
//!   three alignments, URL-safe, percent, JSON, hex, lines), so these are "with encoded forms";
//!   the public API has no switch to leave them out (only values over 64 KiB skip them).
//! * `mask/throughput_text/100`: the same over plain ASCII log lines (few candidate positions).
//! * `mask/build/{100,1000}`: time to build the masker (all forms) for 100 and 1,000 values.
//! * `crypto/seal|open/{32B,4KiB}`: XChaCha20-Poly1305 via `vault::crypto::seal`/`open`.
//! * `crypto/wrap_key`, `crypto/unwrap_key`: age X25519 wrapping of a 32-byte key.
//! * `crypto/verify`: one Ed25519 `verify_strict` over a domain digest.
//! * `kdf/floor` (8 MiB, t=1) and `kdf/default` (256 MiB, t=3): Argon2id via `KdfParams::derive`.
//!
//! Values are 32 random alphanumeric characters, like the harness's data. Sample sizes and
//! measurement times are kept small so the whole run stays in a few minutes on a busy machine;
//! pass criterion flags after `--` to change them (e.g. `cargo bench --bench micro -- mask`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rand::distributions::Alphanumeric;
use rand::{Rng, RngCore, SeedableRng};

use vault::crypto::{self, KdfParams, Key32, UserKeys};
use vault::mask::Masker;

const VALUE_LEN: usize = 32;
/// Bytes masked per iteration.
const INPUT_LEN: usize = 8 << 20;
/// Chunk size `run::pump` reads the child's output in.
const CHUNK: usize = 64 * 1024;

fn rng() -> rand::rngs::StdRng {
    rand::rngs::StdRng::seed_from_u64(0x5641_4C54)
}

fn values(n: usize) -> Vec<Vec<u8>> {
    let mut r = rng();
    (0..n).map(|_| (&mut r).sample_iter(&Alphanumeric).take(VALUE_LEN).collect()).collect()
}

/// Base64 of random bytes in 76-column lines, as `head -c N /dev/urandom | base64` prints.
fn base64_text(len: usize) -> Vec<u8> {
    use base64::Engine as _;
    let mut r = rng();
    let mut raw = vec![0u8; len * 3 / 4 + 3];
    r.fill_bytes(&mut raw);
    let enc = base64::engine::general_purpose::STANDARD.encode(&raw);
    let mut out = Vec::with_capacity(len + len / 76 + 1);
    for line in enc.as_bytes().chunks(76) {
        out.extend_from_slice(line);
        out.push(b'\n');
        if out.len() >= len {
            break;
        }
    }
    out.truncate(len);
    out
}

/// Plain log lines: ASCII words, timestamps, few positions where a secret could start.
fn log_text(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 128);
    let mut i = 0u64;
    while out.len() < len {
        out.extend_from_slice(
            format!(
                "2026-11-23T12:{:02}:{:02}Z INFO worker {} processed batch {} in {} ms\n",
                i % 60,
                i % 59,
                i % 7,
                i,
                i % 1000
            )
            .as_bytes(),
        );
        i += 1;
    }
    out.truncate(len);
    out
}

fn mask_all(m: &Masker, input: &[u8], out: &mut Vec<u8>) -> usize {
    let mut s = m.stream();
    let mut total = 0;
    for chunk in input.chunks(CHUNK) {
        out.clear();
        s.push(chunk, out);
        total += out.len();
    }
    out.clear();
    s.flush(out);
    total + out.len()
}

fn bench_mask(c: &mut Criterion) {
    let mut g = c.benchmark_group("mask");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));

    let b64 = base64_text(INPUT_LEN);
    let mut out = Vec::with_capacity(CHUNK * 2);
    g.throughput(Throughput::BytesDecimal(b64.len() as u64));
    for n in [1usize, 100, 1000] {
        let vals = values(n);
        let refs: Vec<&[u8]> = vals.iter().map(|v| v.as_slice()).collect();
        let (m, short) = Masker::new(&refs);
        assert!(short.is_empty());
        eprintln!("mask: {n} values -> {} patterns, longest {} bytes", m.pattern_count(), m.max_len());
        g.bench_with_input(BenchmarkId::new("throughput", n), &m, |b, m| {
            b.iter(|| black_box(mask_all(m, black_box(&b64), &mut out)))
        });
    }

    let text = log_text(INPUT_LEN);
    g.throughput(Throughput::BytesDecimal(text.len() as u64));
    {
        let vals = values(100);
        let refs: Vec<&[u8]> = vals.iter().map(|v| v.as_slice()).collect();
        let (m, _) = Masker::new(&refs);
        g.bench_with_input(BenchmarkId::new("throughput_text", 100), &m, |b, m| {
            b.iter(|| black_box(mask_all(m, black_box(&text), &mut out)))
        });
    }

    g.finish();

    // Build time: no throughput unit (reported as time per build).
    let mut g2 = c.benchmark_group("mask_build");
    g2.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    for n in [100usize, 1000] {
        let vals = values(n);
        let refs: Vec<&[u8]> = vals.iter().map(|v| v.as_slice()).collect();
        g2.bench_with_input(BenchmarkId::new("build", n), &refs, |b, refs| b.iter(|| black_box(Masker::new(refs))));
    }
    g2.finish();
}

fn bench_crypto(c: &mut Criterion) {
    let mut g = c.benchmark_group("crypto");
    g.sample_size(30).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));

    let key = Key32::generate();
    let ad = crypto::ad(crypto::domain::VALUE, &[b"vault-id", b"secret-id", b"ENV_NAME", &1u64.to_be_bytes()]);
    for (label, len) in [("32B", 32usize), ("4KiB", 4096)] {
        let mut pt = vec![0u8; len];
        rng().fill_bytes(&mut pt);
        let blob = crypto::seal(&key, &pt, &ad);
        g.throughput(Throughput::BytesDecimal(len as u64));
        g.bench_function(BenchmarkId::new("seal", label), |b| {
            b.iter(|| black_box(crypto::seal(&key, black_box(&pt), &ad)))
        });
        g.bench_function(BenchmarkId::new("open", label), |b| {
            b.iter(|| black_box(crypto::open(&key, black_box(&blob), &ad).unwrap()))
        });
    }

    g.throughput(Throughput::Elements(1));
    let user = UserKeys::generate(None, None);
    let public = user.public();
    let parts: [&[u8]; 3] = [b"vault-id", b"project-id", b"user-id"];
    let wrapped = crypto::wrap_key(&public.recipient, &key, crypto::domain::PROJECT_GRANT, &parts);
    g.bench_function("wrap_key", |b| {
        b.iter(|| black_box(crypto::wrap_key(&public.recipient, &key, crypto::domain::PROJECT_GRANT, &parts)))
    });
    g.bench_function("unwrap_key", |b| {
        b.iter(|| {
            black_box(
                crypto::unwrap_key(user.identity(), black_box(&wrapped), crypto::domain::PROJECT_GRANT, &parts)
                    .unwrap(),
            )
        })
    });

    let sig = user.sign(crypto::domain::ROSTER, &parts);
    g.bench_function("verify", |b| {
        b.iter(|| crypto::verify(&public.verifying, black_box(&sig), crypto::domain::ROSTER, &parts).unwrap())
    });
    // The sign side too, for the write paths.
    g.bench_function("sign", |b| b.iter(|| black_box(user.sign(crypto::domain::ROSTER, &parts))));
    g.finish();
}

fn bench_kdf(c: &mut Criterion) {
    let mut g = c.benchmark_group("kdf");
    let salt = [7u8; crypto::SALT_LEN];
    g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    g.bench_function("floor_8MiB_t1", |b| {
        b.iter(|| black_box(KdfParams::FLOOR.derive(b"correct horse", &salt).unwrap()))
    });
    // The default costs ~0.6 s a derivation: flat sampling with criterion's minimum of 10
    // samples keeps it to one or two derivations per sample.
    g.sampling_mode(criterion::SamplingMode::Flat);
    g.measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_millis(100));
    g.bench_function("default_256MiB_t3", |b| {
        b.iter(|| black_box(KdfParams::DEFAULT.derive(b"correct horse", &salt).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench_mask, bench_crypto, bench_kdf);
criterion_main!(benches);
