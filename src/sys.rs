//! The few calls into libc: process hardening (no core dumps, not ptrace-attachable by other
//! users' processes), the file-creation mask, and the user id. Everything unsafe lives here.
#![allow(unsafe_code)]

/// Makes this process non-dumpable and disables core files, so keys in memory never land in a
/// core dump; sets umask 077 so anything we create is private. Called first thing in `main`.
static SAVED: std::sync::OnceLock<(libc::mode_t, libc::rlimit)> = std::sync::OnceLock::new();

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

/// Gives a child started by `vault run` the file-creation mask and core-size limit the user
/// had, not the ones `harden` set for vault itself.
pub fn restore_for_child(cmd: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    let Some(&(mask, core)) = SAVED.get() else { return };
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

/// The real user id.
pub fn uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}
