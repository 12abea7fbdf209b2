//! The few calls into libc: process hardening (no core dumps, not ptrace-attachable by other
//! users' processes), the file-creation mask, the user ids, `flock`, opening without following
//! symbolic links, and for `vault run` pseudo-terminals, terminal modes and window sizes,
//! `poll` and `kill`. Everything unsafe lives here, each call a small safe wrapper with its
//! safety note.
#![allow(unsafe_code)]

/// The caller's umask and core-file limit, saved by `harden` so a child can be given them back.
static SAVED: std::sync::OnceLock<(libc::mode_t, libc::rlimit)> = std::sync::OnceLock::new();

/// Makes this process non-dumpable and disables core files, so keys in memory never land in a
/// core dump; sets umask 077 so anything we create is private. Called first thing in `main`.
pub fn harden() {
    // SAFETY: prctl with PR_SET_DUMPABLE and an integer argument touches no memory of ours.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    let mut core = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes one rlimit into `core`, valid for writes.
    unsafe {
        libc::getrlimit(libc::RLIMIT_CORE, &mut core);
    }
    // The soft limit drops to 0, the hard one stays, so a child can be given the old soft
    // limit back.
    let zero = libc::rlimit { rlim_cur: 0, rlim_max: core.rlim_max };
    // SAFETY: setrlimit reads the rlimit struct we pass by reference; it outlives the call.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &zero);
    }
    // SAFETY: umask only sets the process's file-creation mask (and returns the old one).
    let old_mask = unsafe { libc::umask(0o077) };
    let _ = SAVED.set((old_mask, core));
}

/// Spawns a child of `vault run` with the file-creation mask and core-size limit the user had,
/// not the ones `harden` set for vault itself. They are set in the child, between fork and
/// exec; vault's own stay as they are throughout. (A `pre_exec` hook means a full `fork`
/// rather than `posix_spawn`; measured on `vault run -- true` it costs about 0.1 ms, and
/// changing them in vault around a `posix_spawn` instead would have raised vault's own core
/// limit for that moment, and its signal mask would have reached the child.)
pub fn spawn_as_user(cmd: &mut std::process::Command) -> std::io::Result<std::process::Child> {
    use std::os::unix::process::CommandExt;
    if let Some(&(mask, core)) = SAVED.get() {
        // SAFETY: the closure runs in the forked child before exec and calls only umask and
        // setrlimit, which are async-signal-safe; `core` is a copy owned by the closure.
        unsafe {
            cmd.pre_exec(move || {
                libc::umask(mask);
                libc::setrlimit(libc::RLIMIT_CORE, &core);
                Ok(())
            });
        }
    }
    cmd.spawn()
}

/// A sealed anonymous file in memory (`memfd_create`) holding `bytes`, for a child to read a
/// value too large for its environment (or asked for as a file): it is on no file system and
/// no disk, nobody can write to it once sealed, and it lives exactly as long as an open
/// descriptor does, so it is gone when the child (and whatever it handed the descriptor to)
/// exits, even if vault was killed first. The descriptor is left open across exec (no
/// close-on-exec) so the child started next inherits it; the caller closes its copy once the
/// child is started. The offset is back at 0 for a child that reads the descriptor itself.
pub fn sealed_memfd(name: &str, bytes: &[u8]) -> std::io::Result<std::os::fd::OwnedFd> {
    use std::io::{Seek, Write};
    use std::os::fd::{FromRawFd, OwnedFd};
    let name = std::ffi::CString::new(name).map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    // SAFETY: memfd_create takes a NUL-terminated name that outlives the call and flags.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_ALLOW_SEALING) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: memfd_create returned a new descriptor that nothing else owns.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    let mut file = std::fs::File::from(fd);
    file.write_all(bytes)?;
    file.rewind()?;
    let seals = libc::F_SEAL_SHRINK | libc::F_SEAL_GROW | libc::F_SEAL_WRITE | libc::F_SEAL_SEAL;
    // SAFETY: fcntl on a descriptor we own, with an integer argument.
    if unsafe { libc::fcntl(std::os::fd::AsRawFd::as_raw_fd(&file), libc::F_ADD_SEALS, seals) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(OwnedFd::from(file))
}

/// Writes all of `bytes` to file descriptor 1 with `write(2)`, bypassing the standard library's
/// stdout buffer, which would keep an unwiped copy of a last line without a newline (a bare
/// value from `secret get`). The caller flushes that buffer first so output stays in order.
pub fn write_stdout_unbuffered(mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        // SAFETY: write reads at most `bytes.len()` bytes from a live slice.
        let n = unsafe { libc::write(1, bytes.as_ptr().cast(), bytes.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        bytes = &bytes[n as usize..];
    }
    Ok(())
}

/// ARG_MAX: how many bytes argv and the environment of a new program may take together
/// (`sysconf(_SC_ARG_MAX)`; 128 KiB if it cannot say).
pub fn arg_max() -> usize {
    // SAFETY: sysconf takes a constant and touches no memory of ours.
    let n = unsafe { libc::sysconf(libc::_SC_ARG_MAX) };
    usize::try_from(n).ok().filter(|n| *n > 0).unwrap_or(128 * 1024)
}

/// Tries to take an exclusive `flock` on `fd` without waiting (`LOCK_NB`): `Ok(false)` when
/// another open file holds it. Released when the file is closed. Callers wait a bounded time
/// in a loop of their own, so a process holding the lock can never hang them.
pub fn try_flock_exclusive(fd: std::os::fd::RawFd) -> std::io::Result<bool> {
    loop {
        // SAFETY: flock only takes an fd and flags; a bad fd is an error, not undefined behaviour.
        if unsafe { libc::flock(fd, libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(true);
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EWOULDBLOCK) => return Ok(false),
            Some(libc::EINTR) => continue,
            _ => return Err(e),
        }
    }
}

/// Opens a folder to hold a handle on it (to lock it, or to check the very folder we use),
/// refusing a symbolic link at its last component (`O_NOFOLLOW`) and anything that is not a
/// folder (`O_DIRECTORY`).
pub fn open_dir_nofollow(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW).open(path)
}

/// Opens a file for reading without following a symbolic link at its last component
/// (`O_NOFOLLOW`) and without waiting for a writer if it is a FIFO (`O_NONBLOCK`, which
/// changes nothing for a regular file).
pub fn open_file_nofollow(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(path)
}

/// Whether an open failed because its last component is a symbolic link (`ELOOP` under
/// `O_NOFOLLOW`).
pub fn is_symlink_refusal(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

/// Lowers the calling thread's scheduling priority (nice +10; Linux applies it per thread).
/// For work that may wait, such as building the masker while the child starts: on a machine
/// with few cores the child and vault's own threads go first. Best effort.
pub fn lower_thread_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid has no preconditions; setpriority takes plain integers.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

/// The real user id.
pub fn uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// The effective user id: the owner of what we create, so the owner we demand of the session
/// folder and files.
pub fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// The name of the OS account we run as (the password database's entry for our uid), for the
/// default acting user when neither `$USER` nor `$LOGNAME` is set (a container, a CI job).
pub fn account_name() -> Option<String> {
    let mut buf = vec![0u8; 4096];
    // SAFETY: `passwd` is plain old data that getpwuid_r fills in; `buf` outlives the call and
    // its length is passed; `result` is either null or points at `pwd`, whose `pw_name` then
    // points into `buf` as a NUL-terminated string, read before `buf` is dropped.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(libc::getuid(), &mut pwd, buf.as_mut_ptr().cast(), buf.len(), &mut result);
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        let name = std::ffi::CStr::from_ptr(pwd.pw_name).to_str().ok()?.to_owned();
        (!name.is_empty()).then_some(name)
    }
}

/// Opens a pseudo-terminal pair sized `ws`: (master, slave). The fds are not close-on-exec
/// (see [`set_cloexec`]).
pub fn openpty(ws: &libc::winsize) -> std::io::Result<(std::os::fd::OwnedFd, std::os::fd::OwnedFd)> {
    use std::os::fd::{FromRawFd, OwnedFd, RawFd};
    let mut master: RawFd = -1;
    let mut slave: RawFd = -1;
    // SAFETY: openpty writes two fds into the locals we pass; name/termios are null (allowed),
    // and `ws` is a valid winsize that outlives the call.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), ws) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: openpty succeeded, so both fds are open and owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) })
}

/// Sets close-on-exec on `fd` (`F_SETFD` to `FD_CLOEXEC`), so a child gets only its stdio.
pub fn set_cloexec(fd: std::os::fd::RawFd) -> std::io::Result<()> {
    // SAFETY: fcntl F_SETFD takes an fd and an integer; a bad fd is an error, not undefined
    // behaviour.
    if unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) } == -1 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Makes `cmd`'s child, between fork and exec, the leader of a new session (`setsid`) whose
/// controlling terminal is the terminal on its stdin (`TIOCSCTTY`). Its stdin must be set to a
/// terminal's slave side; a failure of either call fails the spawn.
pub fn new_session_on_stdin_terminal(cmd: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure runs in the forked child before exec and calls only
    // async-signal-safe functions (setsid, ioctl); TIOCSCTTY takes an integer argument.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// The window size of the terminal on `fd` (`TIOCGWINSZ`).
pub fn window_size(fd: std::os::fd::RawFd) -> std::io::Result<libc::winsize> {
    let mut ws = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one winsize into `ws`, which is valid for writes.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(ws)
}

/// Sets the window size of the terminal on `fd` (`TIOCSWINSZ`).
pub fn set_window_size(fd: std::os::fd::RawFd, ws: &libc::winsize) -> std::io::Result<()> {
    // SAFETY: TIOCSWINSZ reads one winsize from `ws`, valid for the call.
    if unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, ws) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// The attributes of the terminal on `fd` (`tcgetattr`).
pub fn terminal_attributes(fd: std::os::fd::RawFd) -> std::io::Result<libc::termios> {
    // SAFETY: termios is plain data; zeroed is a valid value to be overwritten by tcgetattr.
    let mut attrs: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: tcgetattr writes into `attrs`, valid for writes.
    if unsafe { libc::tcgetattr(fd, &mut attrs) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(attrs)
}

/// `attrs` changed to raw mode (`cfmakeraw`): no echo, no line editing, no signal keys.
pub fn raw_attributes(attrs: &libc::termios) -> libc::termios {
    let mut raw = *attrs;
    // SAFETY: cfmakeraw only edits the struct we pass, valid for writes.
    unsafe { libc::cfmakeraw(&mut raw) };
    raw
}

/// Sets the attributes of the terminal on `fd` at once (`tcsetattr` with `TCSANOW`).
pub fn set_terminal_attributes(fd: std::os::fd::RawFd, attrs: &libc::termios) -> std::io::Result<()> {
    // SAFETY: tcsetattr reads the termios we pass by reference; it outlives the call.
    if unsafe { libc::tcsetattr(fd, libc::TCSANOW, attrs) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// One `poll(2)` for `fd` readable (`POLLIN`), waiting at most `timeout_ms` (-1: no limit):
/// true when readable, at EOF or in error, false on timeout. An interrupted wait is an error
/// of kind `Interrupted`; the caller decides whether to wait again.
pub fn poll_readable(fd: std::os::fd::RawFd, timeout_ms: libc::c_int) -> std::io::Result<bool> {
    let mut pfd = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: `pfd` is a valid, initialised pollfd that lives across the call, and we pass
    // exactly one entry. poll only writes `revents`; an invalid fd is reported via POLLNVAL.
    let rc = unsafe { libc::poll(&mut pfd, 1, timeout_ms) };
    match rc {
        0 => Ok(false),
        r if r > 0 => Ok(true),
        _ => Err(std::io::Error::last_os_error()),
    }
}

/// Asks for a pipe buffer of `bytes` on `fd` (`F_SETPIPE_SZ`): fewer, larger reads from a child
/// that writes a lot. Not a pipe (a pty master), or over the system's limit: nothing changes.
pub fn grow_pipe(fd: std::os::fd::RawFd, bytes: usize) {
    // SAFETY: fcntl with an integer argument on a descriptor the caller holds open; a
    // descriptor that is not a pipe gets EBADF or EINVAL and is left as it is.
    unsafe {
        libc::fcntl(fd, libc::F_SETPIPE_SZ, bytes as libc::c_int);
    }
}

/// Sends `sig` to process `pid`.
pub fn kill(pid: u32, sig: i32) -> std::io::Result<()> {
    // SAFETY: kill has no memory effects; a stale pid at worst gets ESRCH.
    if unsafe { libc::kill(pid as libc::pid_t, sig) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
