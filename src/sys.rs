//! The few calls into libc: process hardening (no core dumps, not ptrace-attachable by other
//! users' processes), the file-creation mask, and the user id. Everything unsafe lives here.
#![allow(unsafe_code)]

/// Makes this process non-dumpable and disables core files, so keys in memory never land in a
/// core dump; sets umask 077 so anything we create is private. Called first thing in `main`.
pub fn harden() {
    // SAFETY: prctl with PR_SET_DUMPABLE and an integer argument touches no memory of ours.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    let zero = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: setrlimit reads the rlimit struct we pass by reference; it outlives the call.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &zero);
    }
    // SAFETY: umask only sets the process's file-creation mask.
    unsafe {
        libc::umask(0o077);
    }
}

/// The real user id.
pub fn uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}
