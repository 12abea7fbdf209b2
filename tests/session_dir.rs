//! The session folder is ours or refused (attack 7): another user who made `vault-<uid>` in the
//! temporary folder beforehand, or who can write in `$XDG_RUNTIME_DIR`, could bring a locked
//! session back or hold the folder's lock forever. Every refusal is exit 5, one line naming the
//! folder and what is wrong, and writes, fixes and deletes nothing; a held lock is an error
//! after a bounded wait, never a hang.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use common::*;
use predicates::str::contains;

const VALUE: &str = "session-dir-value-8c41d2";

/// The uid unowned folders get: `nobody`.
const NOBODY: u32 = 65534;

/// The end of every refusal of a session folder.
const DIR_HINT: &str = "; refusing to use it: set XDG_RUNTIME_DIR to a private folder of yours (mode 0700)\n";

/// A vault with project `api` holding `DB_PASS` = [`VALUE`].
fn vault_with_secret() -> tempfile::TempDir {
    let home = init_vault();
    create_project(home.path(), "api");
    create_secret(home.path(), "api", "DB_PASS", VALUE);
    home
}

/// Our uid, as the owner of a folder we just made (the tests run with uid = euid).
fn my_uid(made_by_us: &Path) -> u32 {
    std::fs::metadata(made_by_us).unwrap().uid()
}

/// `vault` as the harness runs it, but without `XDG_RUNTIME_DIR` and with `TMPDIR` at `tmp`:
/// sessions go to `tmp/vault-<uid>`.
fn vault_tmp(home: &Path, tmp: &Path) -> assert_cmd::Command {
    let mut cmd = vault(home);
    cmd.env_remove("XDG_RUNTIME_DIR").env("TMPDIR", tmp);
    cmd
}

/// Where sessions go with [`vault_tmp`].
fn fallback_dir(tmp: &Path) -> PathBuf {
    tmp.join(format!("vault-{}", my_uid(tmp)))
}

/// Runs `vault unlock` as alice; returns the token from `export VAULT_SESSION='...'`.
fn unlock_with(cmd: assert_cmd::Command) -> String {
    let a = as_alice(cmd).arg("unlock").assert().code(0);
    let out = stdout_of(&a);
    out.trim_end()
        .strip_prefix("export VAULT_SESSION='")
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or_else(|| panic!("no token in {out:?}"))
        .to_owned()
}

/// Asserts `vault unlock` as alice is refused with exit 5 and the one error line `line`.
fn assert_unlock_refused(cmd: assert_cmd::Command, line: &str) {
    as_alice(cmd).arg("unlock").assert().code(5).stdout("").stderr(format!("vault: error: {line}"));
}

/// The file of the session a token names, in `dir`.
fn session_file_in(dir: &Path, token: &str) -> PathBuf {
    dir.join(format!("{}.session", token.split('.').nth(1).expect("token id")))
}

/// `secret get DB_PASS --project api --reveal` with only a session.
fn get_with_session(mut cmd: assert_cmd::Command, token: &str) -> assert_cmd::assert::Assert {
    cmd.env("VAULT_SESSION", token).args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"]).assert()
}

fn lock_with_session(mut cmd: assert_cmd::Command, token: &str) -> assert_cmd::assert::Assert {
    cmd.env("VAULT_SESSION", token).arg("lock").assert()
}

fn make_dir(p: &Path, mode: u32) {
    std::fs::create_dir(p).unwrap_or_else(|e| panic!("cannot create {}: {e}", p.display()));
    chmod(p, mode);
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("cannot chmod {}: {e}", p.display()));
}

/// The names in a folder.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Permission bits including the sticky one, without following a symbolic link.
fn lmode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().mode() & 0o7777
}

/// `vault-<uid>` made beforehand with mode 0777 is refused by `unlock`, left as it was, and
/// holds nothing; a session whose folder became open to others is refused by reads and by
/// `vault lock` too (which then deletes nothing).
#[test]
fn a_fallback_folder_open_to_others_is_refused() {
    let home = vault_with_secret();
    let tmp = tempfile::tempdir().unwrap();
    let sd = fallback_dir(tmp.path());
    make_dir(&sd, 0o777);
    let refusal = format!("session folder {} has mode 0777, open to group or others{DIR_HINT}", sd.display());

    assert_unlock_refused(vault_tmp(home.path(), tmp.path()), &refusal);
    assert_eq!(listing(&sd), Vec::<String>::new(), "something was written into the refused folder");
    assert_eq!(lmode(&sd), 0o777, "the refused folder's mode was changed");

    // Made private, the same folder is used; opened again, its session is refused.
    chmod(&sd, 0o700);
    let token = unlock_with(vault_tmp(home.path(), tmp.path()));
    let file = session_file_in(&sd, &token);
    get_with_session(vault_tmp(home.path(), tmp.path()), &token).code(0).stdout(VALUE);
    chmod(&sd, 0o770);
    let refusal = format!("session folder {} has mode 0770, open to group or others{DIR_HINT}", sd.display());
    get_with_session(vault_tmp(home.path(), tmp.path()), &token)
        .code(5)
        .stdout("")
        .stderr(format!("vault: error: {refusal}"));
    lock_with_session(vault_tmp(home.path(), tmp.path()), &token)
        .code(5)
        .stdout("")
        .stderr(format!("vault: error: {refusal}"));
    assert!(file.exists(), "a refused folder had its session file deleted");
    assert_eq!(lmode(&sd), 0o770, "the refused folder's mode was changed");
}

/// A folder someone else owns is refused. As root (CI): `vault-<uid>` and `$XDG_RUNTIME_DIR`
/// given to `nobody`. Otherwise: `$XDG_RUNTIME_DIR` at `/usr`, which root owns.
#[test]
fn a_folder_owned_by_someone_else_is_refused() {
    let home = init_vault();
    let tmp = tempfile::tempdir().unwrap();
    let me = my_uid(tmp.path());
    if me == 0 {
        let sd = fallback_dir(tmp.path());
        make_dir(&sd, 0o700);
        std::os::unix::fs::chown(&sd, Some(NOBODY), Some(NOBODY)).unwrap();
        assert_unlock_refused(
            vault_tmp(home.path(), tmp.path()),
            &format!("session folder {} is owned by uid {NOBODY}, not by you (uid 0){DIR_HINT}", sd.display()),
        );
        assert_eq!(listing(&sd), Vec::<String>::new(), "something was written into the refused folder");
        assert_eq!(std::fs::symlink_metadata(&sd).unwrap().uid(), NOBODY, "the refused folder changed owner");

        let rt = tmp.path().join("run");
        make_dir(&rt, 0o700);
        std::os::unix::fs::chown(&rt, Some(NOBODY), Some(NOBODY)).unwrap();
        let mut cmd = vault(home.path());
        cmd.env("XDG_RUNTIME_DIR", &rt);
        assert_unlock_refused(
            cmd,
            &format!(
                "session runtime folder {} (XDG_RUNTIME_DIR) is owned by uid {NOBODY}, not by you (uid 0){DIR_HINT}",
                rt.display()
            ),
        );
        assert_eq!(listing(&rt), Vec::<String>::new(), "something was written into the refused XDG_RUNTIME_DIR");
    } else {
        let usr = Path::new("/usr");
        assert_eq!(std::fs::metadata(usr).unwrap().uid(), 0, "/usr is not root's here");
        let mut cmd = vault(home.path());
        cmd.env("XDG_RUNTIME_DIR", usr);
        assert_unlock_refused(
            cmd,
            &format!(
                "session runtime folder /usr (XDG_RUNTIME_DIR) is owned by uid 0, not by you (uid {me}){DIR_HINT}"
            ),
        );
    }
}

/// `vault-<uid>` as a symbolic link, even to a private folder of ours, is refused, and so is
/// `$XDG_RUNTIME_DIR/vault` as one; nothing is written where they point.
#[test]
fn a_symlinked_session_folder_is_refused() {
    let home = init_vault();
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("elsewhere");
    make_dir(&target, 0o700);

    let sd = fallback_dir(tmp.path());
    std::os::unix::fs::symlink(&target, &sd).unwrap();
    assert_unlock_refused(
        vault_tmp(home.path(), tmp.path()),
        &format!("session folder {} is a symbolic link{DIR_HINT}", sd.display()),
    );

    let rt = tmp.path().join("run");
    make_dir(&rt, 0o700);
    std::os::unix::fs::symlink(&target, rt.join("vault")).unwrap();
    let mut cmd = vault(home.path());
    cmd.env("XDG_RUNTIME_DIR", &rt);
    assert_unlock_refused(cmd, &format!("session folder {} is a symbolic link{DIR_HINT}", rt.join("vault").display()));

    assert_eq!(listing(&target), Vec::<String>::new(), "a session was written through the symbolic link");
    assert!(std::fs::symlink_metadata(&sd).unwrap().file_type().is_symlink(), "the link was removed");
}

/// `$XDG_RUNTIME_DIR` that group or others can write in is refused, and left as it was.
#[test]
fn an_xdg_runtime_dir_others_can_write_in_is_refused() {
    let home = init_vault();
    let tmp = tempfile::tempdir().unwrap();
    let rt = tmp.path().join("run");
    make_dir(&rt, 0o700);
    for mode in [0o777, 0o730, 0o702] {
        chmod(&rt, mode);
        let mut cmd = vault(home.path());
        cmd.env("XDG_RUNTIME_DIR", &rt);
        assert_unlock_refused(
            cmd,
            &format!(
                "session runtime folder {} (XDG_RUNTIME_DIR) is writable by group or others (mode {mode:04o}){DIR_HINT}",
                rt.display()
            ),
        );
        assert_eq!(listing(&rt), Vec::<String>::new(), "something was written into the refused XDG_RUNTIME_DIR");
        assert_eq!(lmode(&rt), mode, "the refused folder's mode was changed");
    }
    // Readable by others but writable only by us: accepted, the session folder made private.
    chmod(&rt, 0o755);
    let mut cmd = vault(home.path());
    cmd.env("XDG_RUNTIME_DIR", &rt);
    unlock_with(cmd);
    assert_eq!(lmode(&rt.join("vault")), 0o700, "session folder mode");
}

/// A temporary folder others may write in needs the sticky bit (as `/tmp` has), or anyone
/// could rename `vault-<uid>` away and put theirs in its place.
#[test]
fn a_temporary_folder_others_can_write_in_must_be_sticky() {
    let home = init_vault();
    let tmp = tempfile::tempdir().unwrap();
    chmod(tmp.path(), 0o777);
    assert_unlock_refused(
        vault_tmp(home.path(), tmp.path()),
        &format!(
            "session temporary folder {} is writable by others but not sticky (mode 0777){DIR_HINT}",
            tmp.path().display()
        ),
    );
    assert_eq!(listing(tmp.path()), Vec::<String>::new(), "something was created in the refused temporary folder");

    chmod(tmp.path(), 0o1777);
    unlock_with(vault_tmp(home.path(), tmp.path()));
    assert_eq!(lmode(&fallback_dir(tmp.path())), 0o700, "session folder mode");
}

/// Without `XDG_RUNTIME_DIR`, sessions live in `$TMPDIR/vault-<uid>` (made 0700, files 0600)
/// and work until `vault lock`, after which the token is refused with exit 5.
#[test]
fn sessions_in_the_temporary_folder_work_until_locked() {
    let home = vault_with_secret();
    let tmp = tempfile::tempdir().unwrap();
    let sd = fallback_dir(tmp.path());
    let token = unlock_with(vault_tmp(home.path(), tmp.path()));
    let file = session_file_in(&sd, &token);
    assert_eq!(listing(&sd), vec![file.file_name().unwrap().to_string_lossy().into_owned()]);
    assert_eq!(lmode(&sd), 0o700, "session folder mode");
    assert_eq!(lmode(&file), 0o600, "session file mode");
    assert!(!session_dir(home.path()).exists(), "the session went to XDG_RUNTIME_DIR though it was unset");

    get_with_session(vault_tmp(home.path(), tmp.path()), &token).code(0).stdout(VALUE).stderr("");
    lock_with_session(vault_tmp(home.path(), tmp.path()), &token)
        .code(0)
        .stdout("unset VAULT_SESSION\n")
        .stderr("session locked\n");
    assert_eq!(listing(&sd), Vec::<String>::new(), "lock left files behind");
    get_with_session(vault_tmp(home.path(), tmp.path()), &token)
        .code(5)
        .stdout("")
        .stderr(contains("vault: error: session is locked or unknown; run `vault unlock` again"));
}

/// Takes an exclusive `flock` on `path` without waiting, as another process would; held until
/// the file returned is dropped.
#[allow(unsafe_code)]
fn hold_flock(path: &Path) -> std::fs::File {
    use std::os::fd::AsRawFd;
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    // SAFETY: flock takes an fd that `f` keeps open, and flags; it touches no memory of ours.
    let rc = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    assert_eq!(rc, 0, "cannot lock {}: {}", path.display(), std::io::Error::last_os_error());
    f
}

/// Someone holding the session folder's lock can no longer hang `vault`: `vault lock` fails
/// with exit 5 naming the folder and deletes nothing, a read with the session still works
/// (its memo is not saved, with a warning); once the lock is released, `vault lock` works.
/// The harness's timeout turns a hang into a failure.
#[test]
fn a_held_session_lock_is_an_error_not_a_hang() {
    let home = vault_with_secret();
    let sd = session_dir(home.path());
    let token = unlock_with(vault(home.path()));
    let file = session_file_in(&sd, &token);
    let held = hold_flock(&sd);

    lock_with_session(vault(home.path()), &token).code(5).stdout("").stderr(format!(
        "vault: error: session lock on {} is held by another process (waited 5 s); try again\n",
        sd.display()
    ));
    assert!(file.exists(), "a failed lock deleted the session file");

    // The first read with a fresh session has a memo to save, under the lock: it gives up.
    let before = std::fs::read(&file).unwrap();
    get_with_session(vault(home.path()), &token).code(0).stdout(VALUE).stderr(format!(
        "vault: warning: the session memo was not saved: another process held the lock on {} for 5 s\n",
        sd.display()
    ));
    assert_eq!(std::fs::read(&file).unwrap(), before, "the session file was written without the lock");

    drop(held);
    lock_with_session(vault(home.path()), &token).code(0).stderr("session locked\n");
    assert!(!file.exists(), "lock left the session file");
    get_with_session(vault(home.path()), &token)
        .code(5)
        .stderr(contains("vault: error: session is locked or unknown; run `vault unlock` again"));
}

/// A session file is read only if it is a regular file of ours with mode 0600, and never
/// through a symbolic link; each refusal is exit 5 naming the file, and the same file restored
/// works again.
#[test]
fn a_session_file_must_be_ours_regular_and_0600() {
    let home = vault_with_secret();
    let token = unlock_with(vault(home.path()));
    let file = session_file_in(&session_dir(home.path()), &token);
    get_with_session(vault(home.path()), &token).code(0).stdout(VALUE);
    let refused = |problem: &str| {
        format!("vault: error: session file {} {problem}; refusing it: run `vault unlock` again\n", file.display())
    };

    chmod(&file, 0o644);
    get_with_session(vault(home.path()), &token).code(5).stdout("").stderr(refused("has mode 0644, not 0600"));
    chmod(&file, 0o600);
    get_with_session(vault(home.path()), &token).code(0).stdout(VALUE);

    let away = scratch();
    let moved = away.path().join("real.session");
    std::fs::rename(&file, &moved).unwrap();
    std::os::unix::fs::symlink(&moved, &file).unwrap();
    get_with_session(vault(home.path()), &token).code(5).stdout("").stderr(refused("is a symbolic link"));
    std::fs::remove_file(&file).unwrap();
    std::fs::rename(&moved, &file).unwrap();
    get_with_session(vault(home.path()), &token).code(0).stdout(VALUE);

    if my_uid(away.path()) == 0 {
        std::os::unix::fs::chown(&file, Some(NOBODY), None).unwrap();
        get_with_session(vault(home.path()), &token)
            .code(5)
            .stdout("")
            .stderr(refused(&format!("is owned by uid {NOBODY}, not by you (uid 0)")));
        std::os::unix::fs::chown(&file, Some(0), None).unwrap();
        get_with_session(vault(home.path()), &token).code(0).stdout(VALUE);
    }
    // A named pipe in its place is refused at once, not waited on for a writer.
    std::fs::remove_file(&file).unwrap();
    let status = std::process::Command::new("mkfifo").arg("-m").arg("600").arg(&file).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo failed");
    get_with_session(vault(home.path()), &token).code(5).stdout("").stderr(refused("is not a regular file"));
}
