//! Pseudo-terminal plumbing for `vault run` on a terminal: open a pty pair, make it the child's
//! controlling terminal, copy window sizes, and put our own terminal in raw mode while the child
//! runs. The libc calls themselves are safe wrappers in `crate::sys`.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::process::{Command, Stdio};

use crate::sys;

/// A pty pair: we keep the master, the child gets the slave.
pub(super) struct Pty {
    pub master: File,
    slave: OwnedFd,
}

impl Pty {
    /// Opens a pty pair sized like the terminal on `like` (if it is one).
    pub(super) fn open(like: RawFd) -> io::Result<Pty> {
        let ws = window_size(like).unwrap_or(libc::winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 });
        let (master, slave) = sys::openpty(&ws)?;
        let master = File::from(master);
        for fd in [master.as_raw_fd(), slave.as_raw_fd()] {
            // Close-on-exec so the child only gets stdio; best effort, as before.
            let _ = sys::set_cloexec(fd);
        }
        Ok(Pty { master, slave })
    }

    /// Sets the child's stdio to the slave and makes it the child's controlling terminal in a
    /// new session.
    pub(super) fn attach(&self, cmd: &mut Command) -> io::Result<()> {
        cmd.stdin(Stdio::from(self.slave.try_clone()?));
        cmd.stdout(Stdio::from(self.slave.try_clone()?));
        cmd.stderr(Stdio::from(self.slave.try_clone()?));
        sys::new_session_on_stdin_terminal(cmd);
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
    sys::window_size(fd).ok().filter(|ws| ws.ws_col > 0)
}

/// Copies the window size of `from` onto the pty master `to` (on SIGWINCH).
pub(super) fn copy_window_size(from: RawFd, to: RawFd) {
    if let Some(ws) = window_size(from) {
        let _ = sys::set_window_size(to, &ws);
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
        let saved = sys::terminal_attributes(fd).ok()?;
        sys::set_terminal_attributes(fd, &sys::raw_attributes(&saved)).ok()?;
        Some(RawMode { fd, saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // Restores the attributes saved by `enter` on the same fd.
        let _ = sys::set_terminal_attributes(self.fd, &self.saved);
    }
}
