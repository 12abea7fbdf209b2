//! Streaming one of a child's output streams (a pipe or a pty master) to our own output through
//! the masker. This module owns the copy loop: large reads, one write and flush per masked chunk,
//! the short hold timer that lets held-back bytes go when no more data comes (using `poll(2)`
//! through `crate::sys`), EOF handling (including EIO from a pty master) and carrying on
//! draining the child after our own output is closed. It must not know what the secrets are or
//! how they are matched (that is `mask`), nor anything about spawning, signals or exit codes.

use std::io::{self, ErrorKind, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use crate::mask::Masker;

/// Size of each read from the child.
const CHUNK: usize = 256 * 1024;

/// The pipe buffer asked for on the child's side: Linux's default 64 KiB makes a fast writer
/// and the pump take turns every 64 KiB. Not more: pipe buffers count against a per-user quota
/// (64 MiB by default), and a `make -j` of many `vault run`s should not use it up.
const PIPE_SIZE: usize = 256 * 1024;

/// Copies everything readable from `src` to `dst`, masking with `masker` (None = pass through),
/// until EOF. Reads in large chunks (256 KiB, from a pipe grown to as much), writes each masked chunk with one `write_all` and a
/// `flush` so output is never delayed beyond what masking needs. When held-back bytes are pending
/// and no new data arrives within `hold` (use 50 ms in callers), emits them
/// ([`MaskStream::flush`](crate::mask::MaskStream::flush)). On EOF flushes. A write error of kind
/// `BrokenPipe` on `dst` ends the copy quietly (returns Ok) but keeps draining `src` so the child
/// is not blocked (discarding its output).
///
/// `src` is waited on with `poll(2)` on its raw fd, so it must not buffer data internally (a
/// `File`, `ChildStdout`, `PipeReader` or pty master is fine, a `BufReader` is not). A read error
/// of EIO is taken as EOF: that is what reading a pty master returns once the child side has
/// closed. Other read errors, and write errors other than `BrokenPipe`, are returned after
/// emitting what is pending. Returns the number of bytes read from `src`.
pub fn pump<R: Read + AsRawFd, W: Write, M: MaskerSource + ?Sized>(
    mut src: R,
    mut dst: W,
    masker: Option<&M>,
    hold: Duration,
) -> io::Result<u64> {
    let fd = src.as_raw_fd();
    crate::sys::grow_pipe(fd, PIPE_SIZE);
    // The masker may still be building on another thread: it is waited for only once the child
    // has written something, so a quiet child never waits for it.
    let mut masker = masker;
    let mut stream: Option<crate::mask::MaskStream<'_>> = None;
    // Raw child output, secrets included: wiped on drop.
    let mut buf = Zeroizing::new(vec![0u8; CHUNK]);
    // May hold a secret's start let go by the hold timer: wiped on drop too.
    let mut out = Zeroizing::new(Vec::with_capacity(CHUNK + CHUNK / 2));
    let mut sink = Sink { dst: &mut dst, open: true };
    let mut total = 0u64;
    loop {
        if let Some(s) = stream.as_mut() {
            if sink.open && s.pending() > 0 && !wait_readable(fd, hold)? {
                s.flush(&mut out);
                sink.write(&mut out)?;
                continue;
            }
        }
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) if e.raw_os_error() == Some(libc::EIO) => break,
            Err(e) => {
                if let Some(s) = stream.as_mut() {
                    s.finish(&mut out);
                }
                // The read error is the one worth reporting.
                let _ = sink.write(&mut out);
                return Err(e);
            }
        };
        total += n as u64;
        if !sink.open {
            continue;
        }
        if let Some(source) = masker.take() {
            stream = Some(source.masker()).filter(|m| !m.is_empty()).map(Masker::stream);
        }
        match stream.as_mut() {
            Some(s) => {
                s.push(&buf[..n], &mut out);
                sink.write(&mut out)?;
            }
            None => sink.write_slice(&buf[..n])?,
        }
    }
    if let Some(s) = stream.as_mut() {
        s.finish(&mut out);
    }
    sink.write(&mut out)?;
    Ok(total)
}

/// Where `pump` gets its masker: one that is ready, or one being built on another thread.
pub trait MaskerSource: Sync {
    /// The masker, waiting for it if it is still being built.
    fn masker(&self) -> &Masker;
}

impl MaskerSource for Masker {
    fn masker(&self) -> &Masker {
        self
    }
}

impl MaskerSource for std::sync::OnceLock<Masker> {
    fn masker(&self) -> &Masker {
        self.wait()
    }
}

/// Our side of the copy; stops writing (but not reading) once the reader of `dst` has gone.
struct Sink<'w, W: Write> {
    dst: &'w mut W,
    open: bool,
}

impl<W: Write> Sink<'_, W> {
    /// Writes and clears `out`.
    fn write(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        let r = self.write_slice(out);
        out.clear();
        r
    }

    fn write_slice(&mut self, bytes: &[u8]) -> io::Result<()> {
        if !self.open || bytes.is_empty() {
            return Ok(());
        }
        match self.dst.write_all(bytes).and_then(|()| self.dst.flush()) {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.open = false;
                Ok(())
            }
            r => r,
        }
    }
}

/// Waits until `fd` is readable, at EOF or in error (true), or `timeout` has passed (false).
fn wait_readable(fd: RawFd, timeout: Duration) -> io::Result<bool> {
    // No deadline (wait forever) if `timeout` is too large to add.
    let deadline = Instant::now().checked_add(timeout);
    loop {
        let ms = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                // Round up so a sub-millisecond remainder is not a busy zero-timeout poll.
                let ms = left.as_nanos().div_ceil(1_000_000);
                libc::c_int::try_from(ms).unwrap_or(libc::c_int::MAX)
            }
            None => -1,
        };
        match crate::sys::poll_readable(fd, ms) {
            Ok(readable) => return Ok(readable),
            Err(e) if e.kind() != ErrorKind::Interrupted => return Err(e),
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::net::UnixStream;
    use std::sync::mpsc;
    use std::thread;

    const SECRET: &[u8] = b"my-s3cret-value-42";

    // Socket pairs stand in for the child's pipe: same fd semantics for read and poll, and
    // available on every supported toolchain (`std::io::pipe` needs 1.87).

    fn masker() -> Masker {
        Masker::new(&[SECRET]).0
    }

    /// Sends every write to a channel, with the time it happened.
    struct ChanWriter(mpsc::Sender<(Instant, Vec<u8>)>);

    impl Write for ChanWriter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.send((Instant::now(), buf.to_vec())).map_err(|_| io::Error::from(ErrorKind::BrokenPipe))?;
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn secret_split_across_writes_is_masked() {
        let (r, mut w) = UnixStream::pair().unwrap();
        let writer = thread::spawn(move || {
            w.write_all(b"token=").unwrap();
            w.write_all(&SECRET[..7]).unwrap();
            thread::sleep(Duration::from_millis(100));
            w.write_all(&SECRET[7..]).unwrap();
            w.write_all(b"\nbye\n").unwrap();
        });
        let m = masker();
        let mut out = Vec::new();
        let n = pump(r, &mut out, Some(&m), Duration::from_secs(2)).unwrap();
        writer.join().unwrap();
        assert_eq!(out, b"token=***\nbye\n");
        assert_eq!(n, (6 + SECRET.len() + 5) as u64);
    }

    #[test]
    fn held_prefix_is_let_go_after_hold_and_the_rest_masked() {
        let (r, mut w) = UnixStream::pair().unwrap();
        let (rest_tx, rest_rx) = mpsc::channel();
        let writer = thread::spawn(move || {
            w.write_all(b"A ").unwrap();
            w.write_all(&SECRET[..5]).unwrap();
            thread::sleep(Duration::from_millis(300));
            rest_tx.send(Instant::now()).unwrap();
            w.write_all(&SECRET[5..]).unwrap();
        });
        let (tx, rx) = mpsc::channel();
        let m = masker();
        let n = pump(r, ChanWriter(tx), Some(&m), Duration::from_millis(50)).unwrap();
        writer.join().unwrap();
        let rest_at = rest_rx.recv().unwrap();
        let writes: Vec<(Instant, Vec<u8>)> = rx.try_iter().collect();
        // The held prefix comes out after `hold`, before the rest is even written (a prompt is
        // never stalled); the rest, when it comes, is still recognised and masked.
        let early: Vec<u8> = writes.iter().filter(|(t, _)| *t < rest_at).flat_map(|(_, b)| b.clone()).collect();
        assert_eq!(early, [b"A ".as_slice(), &SECRET[..5]].concat());
        let all: Vec<u8> = writes.into_iter().flat_map(|(_, b)| b).collect();
        assert_eq!(all, [b"A ".as_slice(), &SECRET[..5], b"***"].concat());
        assert_eq!(n, (2 + SECRET.len()) as u64);
    }

    #[test]
    fn prompt_without_newline_arrives_before_close() {
        let (r, mut w) = UnixStream::pair().unwrap();
        let (close_tx, close_rx) = mpsc::channel::<()>();
        let writer = thread::spawn(move || {
            w.write_all(b"Password: ").unwrap();
            // Keep the pipe open until the prompt was seen (or 2 s passed).
            let _ = close_rx.recv_timeout(Duration::from_secs(2));
        });
        let (tx, rx) = mpsc::channel();
        let m = masker();
        let pumper = thread::spawn(move || pump(r, ChanWriter(tx), Some(&m), Duration::from_millis(50)).unwrap());
        let (_, first) = rx.recv_timeout(Duration::from_secs(2)).unwrap();
        assert_eq!(first, b"Password: ");
        assert!(!writer.is_finished(), "prompt only arrived after close");
        close_tx.send(()).unwrap();
        writer.join().unwrap();
        assert_eq!(pumper.join().unwrap(), 10);
    }

    struct BrokenPipe;

    impl Write for BrokenPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn broken_pipe_keeps_draining() {
        let (r, mut w) = UnixStream::pair().unwrap();
        let total = 1 << 20;
        // Far more than a pipe buffer: the writer finishes only if the pump keeps reading.
        let writer = thread::spawn(move || {
            let block = vec![b'x'; 4096];
            for _ in 0..total / block.len() {
                w.write_all(&block).unwrap();
            }
        });
        let m = masker();
        let n = pump(r, BrokenPipe, Some(&m), Duration::from_millis(50)).unwrap();
        writer.join().unwrap();
        assert_eq!(n, total as u64);
        let (r, mut w) = UnixStream::pair().unwrap();
        let writer = thread::spawn(move || w.write_all(&vec![b'y'; total]).unwrap());
        let n = pump(r, BrokenPipe, None::<&Masker>, Duration::from_millis(50)).unwrap();
        writer.join().unwrap();
        assert_eq!(n, total as u64);
    }

    #[test]
    fn other_write_errors_are_returned() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let (r, mut w) = UnixStream::pair().unwrap();
        w.write_all(b"hello\n").unwrap();
        drop(w);
        let err = pump(r, Full, None::<&Masker>, Duration::from_millis(50)).unwrap_err();
        assert_eq!(err.to_string(), "disk full");
    }

    #[test]
    fn pass_through_without_masker() {
        let (r, mut w) = UnixStream::pair().unwrap();
        let writer = thread::spawn(move || {
            w.write_all(b"\x1b[32mok ").unwrap();
            w.write_all(SECRET).unwrap();
        });
        let mut out = Vec::new();
        pump(r, &mut out, None::<&Masker>, Duration::from_millis(50)).unwrap();
        writer.join().unwrap();
        assert_eq!(out, [b"\x1b[32mok ".as_slice(), SECRET].concat());
        // An empty masker passes through as well.
        let (empty, _) = Masker::new(&[b"ab"]);
        let (r, mut w) = UnixStream::pair().unwrap();
        w.write_all(b"ab cd").unwrap();
        drop(w);
        let mut out = Vec::new();
        pump(r, &mut out, Some(&empty), Duration::from_millis(50)).unwrap();
        assert_eq!(out, b"ab cd");
    }

    /// A stream that reports EIO instead of EOF, like a pty master after the child exits.
    struct PtyLike(UnixStream);

    impl Read for PtyLike {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(io::Error::from_raw_os_error(libc::EIO)),
                n => Ok(n),
            }
        }
    }

    impl AsRawFd for PtyLike {
        fn as_raw_fd(&self) -> RawFd {
            self.0.as_raw_fd()
        }
    }

    #[test]
    fn eio_is_eof_and_flushes_held_bytes() {
        let (r, mut w) = UnixStream::pair().unwrap();
        w.write_all(b"pw ").unwrap();
        w.write_all(SECRET).unwrap();
        w.write_all(b" then ").unwrap();
        w.write_all(&SECRET[..6]).unwrap();
        drop(w);
        let m = masker();
        let mut out = Vec::new();
        let n = pump(PtyLike(r), &mut out, Some(&m), Duration::from_secs(5)).unwrap();
        assert_eq!(out, [b"pw *** then ".as_slice(), &SECRET[..6]].concat());
        assert_eq!(n, (3 + SECRET.len() + 6 + 6) as u64);
    }
}
