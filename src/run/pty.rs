//! Pseudo-terminal plumbing for `vault run` on a terminal: open a pty pair, make it the child's
//! controlling terminal, copy window sizes, and put our own terminal in raw mode while the child
//! runs. The libc calls live here, each with its safety note.
#![allow(unsafe_code)]

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

/// A pty pair: we keep the master, the child gets the slave.
pub(super) struct Pty {
    pub master: File,
    slave: OwnedFd,
}

impl Pty {
    /// Opens a pty pair sized like the terminal on `like` (if it is one).
    pub(super) fn open(like: RawFd) -> io::Result<Pty> {
        let mut master: RawFd = -1;
        let mut slave: RawFd = -1;
        let ws = window_size(like).unwrap_or(libc::winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 });
        // SAFETY: openpty writes two fds into the locals we pass; name/termios are null (allowed),
        // and `ws` is a valid winsize that outlives the call.
        let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &ws) };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: openpty succeeded, so both fds are open and owned by nobody else.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        for fd in [master.as_raw_fd(), slave.as_raw_fd()] {
            // SAFETY: fcntl on an fd we own; sets close-on-exec so the child only gets stdio.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
        Ok(Pty { master, slave })
    }

    /// Sets the child's stdio to the slave and makes it the child's controlling terminal in a
    /// new session.
    pub(super) fn attach(&self, cmd: &mut Command) -> io::Result<()> {
        cmd.stdin(Stdio::from(self.slave.try_clone()?));
        cmd.stdout(Stdio::from(self.slave.try_clone()?));
        cmd.stderr(Stdio::from(self.slave.try_clone()?));
        // SAFETY: the closure runs in the forked child before exec and calls only
        // async-signal-safe functions (setsid, ioctl).
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        Ok(())
    }

    /// Closes our copy of the slave after the spawn, so the master sees EOF when the child exits.
    pub(super) fn close_slave(self) -> File {
        drop(self.slave);
        self.master
    }
}

/// The window size of the terminal on `fd`.
pub(super) fn window_size(fd: RawFd) -> Option<libc::winsize> {
    let mut ws = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one winsize into `ws`, which is valid for writes.
    let rc = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    (rc == 0 && ws.ws_col > 0).then_some(ws)
}

/// Copies the window size of `from` onto the pty master `to` (on SIGWINCH).
pub(super) fn copy_window_size(from: RawFd, to: RawFd) {
    if let Some(ws) = window_size(from) {
        // SAFETY: TIOCSWINSZ reads one winsize from `ws`, valid for the call.
        unsafe { libc::ioctl(to, libc::TIOCSWINSZ, &ws) };
    }
}

/// Our terminal in raw mode until dropped, so keys (Ctrl-C included) reach the child's pty,
/// whose own line discipline interprets them.
pub(super) struct RawMode {
    fd: RawFd,
    saved: libc::termios,
}

impl RawMode {
    /// Puts `fd` in raw mode; `None` when it is not a terminal.
    pub(super) fn enter(fd: RawFd) -> Option<RawMode> {
        // SAFETY: termios is plain data; zeroed is a valid value to be overwritten by tcgetattr.
        let mut saved: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: tcgetattr writes into `saved`, valid for writes.
        if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
            return None;
        }
        let mut raw = saved;
        // SAFETY: cfmakeraw edits the struct we pass; tcsetattr reads it.
        unsafe {
            libc::cfmakeraw(&mut raw);
            if libc::tcsetattr(fd, libc::TCSANOW, &raw) != 0 {
                return None;
            }
        }
        Some(RawMode { fd, saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the attributes saved by `enter` on the same fd.
        unsafe { libc::tcsetattr(self.fd, libc::TCSANOW, &self.saved) };
    }
}

/// Sends `sig` to process `pid`.
pub(super) fn kill(pid: u32, sig: i32) {
    // SAFETY: kill has no memory effects; a stale pid at worst gets ESRCH.
    unsafe { libc::kill(pid as libc::pid_t, sig) };
}
