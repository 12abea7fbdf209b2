//! `vault run`: build the child's environment from the secrets, spawn it, stream its output
//! through the masker, forward signals, and return its exit code.
//!
//! On a terminal the child runs on a pseudo-terminal, so `isatty()`, colours, progress bars and
//! line editing keep working while the stream is still masked. Without one, plain pipes. Values
//! reach the child only through its environment: never argv, never a file.

mod pty;
pub mod pump;

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use zeroize::Zeroizing;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGWINCH};
use signal_hook::iterator::Signals;

use crate::mask::{self, Masker, MIN_MASK_LEN};
use crate::vault::RunSecret;
use crate::{Error, Result};

/// How long held-back output (a possible start of a secret) waits for more bytes.
pub const HOLD: Duration = Duration::from_millis(50);

/// The variables a `--pristine` child keeps from our environment.
pub const PRISTINE_KEEP: &[&str] = &["PATH", "HOME", "USER", "LANG", "TERM"];

/// Variables the child never inherits: they unlock the vault.
pub const NEVER_INHERIT: &[&str] = &["VAULT_PASSPHRASE", "VAULT_SESSION"];

/// What `vault run` was asked to do.
#[derive(Debug, Default)]
pub struct RunOptions {
    /// Pass output through unmasked (write-only secrets stay masked).
    pub no_mask: bool,
    /// Inject only these env names.
    pub only: Option<Vec<String>>,
    /// Start from an empty environment plus PATH, HOME, USER, LANG, TERM.
    pub pristine: bool,
    /// Hand every secret as a file (`NAME_FILE`) rather than an env var.
    pub files: bool,
}

/// Linux refuses one environment string (`NAME=value`) longer than this (MAX_ARG_STRLEN).
const MAX_ENV_STRING: usize = 32 * 4096;

/// How much of ARG_MAX (which argv and the environment share) the environment may fill before
/// the largest secrets go as files instead: half, leaving the rest to argv.
fn env_budget() -> usize {
    crate::sys::arg_max() / 2
}

/// The env var that names the file holding secret `env`'s value.
pub fn file_var(env: &str) -> String {
    format!("{env}_FILE")
}

/// Something `vault run` tells on stderr before starting the program. Names only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Printed unless `-q`: which variables were shadowed or kept.
    Info(String),
    /// Always printed: a value that will not be masked.
    Warning(String),
}

impl Note {
    /// What it is said as.
    pub fn said(&self) -> (crate::output::Level, &str) {
        match self {
            Note::Info(s) => (crate::output::Level::Note, s),
            Note::Warning(s) => (crate::output::Level::Warning, s),
        }
    }
}

/// The environment and masker for one run, before spawning.
pub struct Plan {
    /// (env name, value) pairs, in env-name order.
    env: Vec<(String, crate::vault::SecretValue)>,
    /// (env name, value) pairs handed as sealed in-memory files: `NAME_FILE=/dev/fd/N`.
    files: Vec<(String, crate::vault::SecretValue)>,
    /// Built on another thread once the child is started (see `PendingMasker::start`).
    masker: Option<PendingMasker>,
    /// Notes for stderr: shadowed variables, values too short to mask. Names only.
    pub notes: Vec<Note>,
    pristine: bool,
}

/// The values to mask and where their masker will be, once built.
struct PendingMasker {
    values: Vec<Zeroizing<Vec<u8>>>,
    cell: Arc<OnceLock<Masker>>,
}

impl PendingMasker {
    /// Builds the masker on another thread, at a lower priority. Called right after the child
    /// is spawned, so the two do not compete for a core while the child starts; the pumps wait
    /// for it only once the child writes something (a quiet child never does).
    fn start(self) -> Arc<OnceLock<Masker>> {
        let PendingMasker { values, cell } = self;
        let target = Arc::clone(&cell);
        std::thread::spawn(move || {
            crate::sys::lower_thread_priority();
            let refs: Vec<&[u8]> = values.iter().map(|v| v.as_slice()).collect();
            match std::panic::catch_unwind(|| Masker::new(&refs).0) {
                Ok(m) => {
                    let _ = target.set(m);
                }
                // Fail closed: without a masker no output may pass, and the pumps would wait
                // for it forever. Nothing of the child's output has been written yet.
                Err(_) => {
                    crate::output::say_error("the secrets are too large to build the output masker; use --no-mask");
                    std::process::exit(1);
                }
            }
        });
        cell
    }
}

/// Chooses what the child gets. Project secrets override inherited variables of the same name
/// (a note names them); `--only` narrows the set.
pub fn plan(secrets: Vec<RunSecret>, opts: &RunOptions) -> Result<Plan> {
    let mut secrets = secrets;
    if let Some(only) = &opts.only {
        let known: BTreeSet<&str> = secrets.iter().map(|s| s.env_name.as_str()).collect();
        let missing: Vec<&str> = only.iter().map(String::as_str).filter(|n| !known.contains(n)).collect();
        if !missing.is_empty() {
            return Err(Error::Usage(format!("--only names no secret of this project: {}", missing.join(", "))));
        }
        secrets.retain(|s| only.contains(&s.env_name));
    }
    secrets.sort_by(|a, b| a.env_name.cmp(&b.env_name));
    // Names that would run code in the child (LD_PRELOAD, BASH_ENV, ...) are refused when a
    // secret is created; refuse them here too, whatever the file says.
    if let Some(bad) = secrets.iter().find(|s| crate::vault::names::check_env(&s.env_name).is_err()) {
        return Err(Error::Usage(format!(
            "secret '{}' would set {}, which vault refuses as an env name (it can change how programs start); \
             vault run refuses it",
            crate::vault::names::printable(&bad.name),
            crate::vault::names::printable(&bad.env_name)
        )));
    }
    let mut notes = Vec::new();
    if let Some(bad) = secrets.iter().find(|s| s.value.expose().contains('\0')) {
        return Err(Error::BadValue(format!(
            "secret '{}' contains a NUL byte and cannot be passed as an environment variable",
            bad.name
        )));
    }
    if !opts.pristine {
        // A secret shared in from another project never overrides what the caller set.
        let kept: Vec<String> = secrets
            .iter()
            .filter(|s| s.shared && std::env::var_os(&s.env_name).is_some())
            .map(|s| s.env_name.clone())
            .collect();
        if !kept.is_empty() {
            notes.push(Note::Info(format!("inherited {} kept over the community's shared secrets", kept.join(", "))));
            secrets.retain(|s| !(s.shared && kept.contains(&s.env_name)));
        }
        let shadowed: Vec<&str> =
            secrets.iter().filter(|s| std::env::var_os(&s.env_name).is_some()).map(|s| s.env_name.as_str()).collect();
        if !shadowed.is_empty() {
            notes.push(Note::Info(format!("the project's secrets override inherited {}", shadowed.join(", "))));
        }
    }
    let masked: Vec<&RunSecret> = secrets.iter().filter(|s| !opts.no_mask || s.write_only).collect();
    let masker = if masked.is_empty() {
        None
    } else {
        let short: Vec<&str> =
            masked.iter().filter(|s| s.value.expose().len() < MIN_MASK_LEN).map(|s| s.name.as_str()).collect();
        if !short.is_empty() {
            notes.push(Note::Warning(format!(
                "{} shorter than {MIN_MASK_LEN} characters and will not be masked: {}",
                if short.len() == 1 { "this secret is" } else { "these secrets are" },
                short.join(", ")
            )));
        }
        let short_lines: Vec<&str> = masked
            .iter()
            .filter(|s| s.value.expose().len() >= MIN_MASK_LEN && mask::has_short_line(s.value.expose().as_bytes()))
            .map(|s| s.name.as_str())
            .collect();
        if !short_lines.is_empty() {
            notes.push(Note::Warning(format!(
                "{} a line shorter than {MIN_MASK_LEN} characters, which is not masked when printed alone: {}",
                if short_lines.len() == 1 { "this multi-line secret has" } else { "these multi-line secrets have" },
                short_lines.join(", ")
            )));
        }
        Some(PendingMasker {
            values: masked.iter().map(|s| Zeroizing::new(s.value.expose().as_bytes().to_vec())).collect(),
            cell: Arc::new(OnceLock::new()),
        })
    };
    let (env, files) = split_files(secrets, opts, &mut notes)?;
    Ok(Plan { env, files, masker, notes, pristine: opts.pristine })
}

type Pairs = Vec<(String, crate::vault::SecretValue)>;

/// Which secrets go as files: all with `--files`; else each whose `NAME=value` string Linux would
/// refuse, then the largest until the environment fits its share of ARG_MAX. Each file's
/// variable meets the env-name policy, as the secret's own name does.
fn split_files(secrets: Vec<RunSecret>, opts: &RunOptions, notes: &mut Vec<Note>) -> Result<(Pairs, Pairs)> {
    let size = |s: &RunSecret| s.env_name.len() + 1 + s.value.expose().len() + 1;
    let mut as_file: Vec<bool> = secrets.iter().map(|s| opts.files || size(s) > MAX_ENV_STRING).collect();
    if !opts.files {
        let inherited: usize =
            if opts.pristine { 0 } else { std::env::vars_os().map(|(k, v)| k.len() + v.len() + 2).sum() };
        let mut total =
            inherited + secrets.iter().zip(&as_file).filter(|(_, f)| !**f).map(|(s, _)| size(s)).sum::<usize>();
        let mut by_size: Vec<usize> = (0..secrets.len()).filter(|&i| !as_file[i]).collect();
        by_size.sort_by_key(|&i| std::cmp::Reverse(size(&secrets[i])));
        for i in by_size {
            if total <= env_budget() {
                break;
            }
            as_file[i] = true;
            total -= size(&secrets[i]);
        }
    }
    // The variable a file sets is judged as the secret's own name is: the policy, another
    // secret setting it (refused rather than one silently winning), and an inherited one (kept
    // over a shared secret, overridden with a note by the project's own).
    let mut keep = vec![true; secrets.len()];
    let (mut kept, mut shadowed) = (Vec::new(), Vec::new());
    for (i, s) in secrets.iter().enumerate().filter(|(i, _)| as_file[*i]) {
        let var = file_var(&s.env_name);
        if let Some((other, _)) = secrets.iter().zip(&as_file).find(|(o, f)| !**f && o.env_name == var) {
            return Err(Error::Usage(format!(
                "secret '{}' would be handed as a file through {var}, which secret '{}' sets too; rename one \
                 (`vault secret edit NAME --env-name NEW`)",
                crate::vault::names::printable(&s.name),
                crate::vault::names::printable(&other.name)
            )));
        }
        if !opts.pristine && std::env::var_os(&var).is_some() {
            if s.shared {
                keep[i] = false;
                kept.push(var);
            } else {
                shadowed.push(var);
            }
        }
    }
    if !kept.is_empty() {
        notes.push(Note::Info(format!("inherited {} kept over the community's shared secrets", kept.join(", "))));
    }
    if !shadowed.is_empty() {
        notes.push(Note::Info(format!("the project's secrets override inherited {}", shadowed.join(", "))));
    }
    for (s, _) in secrets.iter().zip(&as_file).filter(|(_, f)| **f) {
        if crate::vault::names::check_env(&file_var(&s.env_name)).is_err() {
            return Err(Error::Usage(format!(
                "secret '{}' would be handed as a file through {}, which vault refuses as an env name; \
                 vault run refuses it",
                crate::vault::names::printable(&s.name),
                file_var(&s.env_name)
            )));
        }
    }
    let moved: Vec<String> = secrets
        .iter()
        .enumerate()
        .filter(|(i, _)| as_file[*i] && keep[*i] && !opts.files)
        .map(|(_, s)| file_var(&s.env_name))
        .collect();
    if !moved.is_empty() {
        notes.push(Note::Info(format!(
            "too large for the environment, so handed as files (read the value from the file the variable names): {}",
            moved.join(", ")
        )));
    }
    let (mut env, mut files) = (Vec::new(), Vec::new());
    for ((s, f), _) in secrets.into_iter().zip(as_file).zip(keep).filter(|(_, k)| *k) {
        if f {
            files.push((s.env_name, s.value));
        } else {
            env.push((s.env_name, s.value));
        }
    }
    Ok((env, files))
}

/// The sealed in-memory files of a plan's file secrets, each with its variable's value
/// (`/dev/fd/N`). Kept open until the child is started, then closed here.
fn open_files(plan: &Plan) -> Result<Vec<(String, std::os::fd::OwnedFd)>> {
    plan.files
        .iter()
        .map(|(env, value)| {
            let fd = crate::sys::sealed_memfd(env, value.expose().as_bytes())
                .map_err(|e| Error::io(format!("cannot make the in-memory file for {}", file_var(env)), e))?;
            Ok((file_var(env), fd))
        })
        .collect()
}

fn build_command(plan: &Plan, argv: &[OsString], files: &[(String, std::os::fd::OwnedFd)]) -> Command {
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..]);
    if plan.pristine {
        cmd.env_clear();
        for k in PRISTINE_KEEP {
            if let Some(v) = std::env::var_os(k) {
                cmd.env(k, v);
            }
        }
    }
    for k in NEVER_INHERIT {
        cmd.env_remove(k);
    }
    for (k, v) in &plan.env {
        cmd.env(k, v.expose());
    }
    for (var, fd) in files {
        cmd.env(var, format!("/dev/fd/{}", fd.as_raw_fd()));
    }
    cmd
}

fn spawn_error(program: &OsString, e: std::io::Error) -> Error {
    let name = program.to_string_lossy().into_owned();
    match e.kind() {
        std::io::ErrorKind::NotFound => Error::Spawn { program: name, reason: "command not found".into(), code: 127 },
        std::io::ErrorKind::PermissionDenied => {
            Error::Spawn { program: name, reason: "permission denied (not executable)".into(), code: 126 }
        }
        _ => Error::Spawn { program: name, reason: e.to_string(), code: 126 },
    }
}

fn exit_code(status: std::process::ExitStatus) -> u8 {
    match (status.code(), status.signal()) {
        (Some(c), _) => c as u8,
        (None, Some(s)) => (128 + s) as u8,
        _ => 1,
    }
}

/// Runs the command. On a terminal (our stdout is one) the child gets a pty; otherwise pipes.
/// Returns the child's exit code (128+N when killed by signal N).
pub fn execute(plan: Plan, argv: &[OsString]) -> Result<u8> {
    if argv.is_empty() {
        return Err(Error::Usage("no command given: vault run --project P -- CMD [ARGS...]".into()));
    }
    if std::io::stdout().is_terminal() {
        run_on_pty(plan, argv)
    } else {
        run_on_pipes(plan, argv)
    }
}

fn run_on_pipes(plan: Plan, argv: &[OsString]) -> Result<u8> {
    let files = open_files(&plan)?;
    let mut cmd = build_command(&plan, argv, &files);
    cmd.stdin(Stdio::inherit()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // With a terminal on stdin the terminal delivers Ctrl-C to the child itself (same process
    // group); without one the child gets its own group and we forward every signal.
    let interactive = std::io::stdin().is_terminal();
    if !interactive {
        cmd.process_group(0);
    }
    let mut forwarded = vec![SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGINT];
    let mut signals = Signals::new(&forwarded).map_err(|e| Error::io("cannot install signal handlers", e))?;
    let mut child = crate::sys::spawn_as_user(&mut cmd).map_err(|e| spawn_error(&argv[0], e))?;
    drop(cmd);
    drop(files);
    let pid = child.id();
    if interactive {
        forwarded.retain(|s| *s != SIGINT);
    }
    let handle = signals.handle();
    let sig_thread = std::thread::spawn(move || {
        for sig in signals.forever() {
            if forwarded.contains(&sig) {
                let _ = crate::sys::kill(pid, sig);
            }
        }
    });
    let out = child.stdout.take();
    let err = child.stderr.take();
    drop(plan.env);
    drop(plan.files);
    let masker = plan.masker.map(PendingMasker::start);
    let masker = masker.as_deref();
    let status = std::thread::scope(|s| {
        let t1 = out.map(|o| s.spawn(move || pump::pump(o, std::io::stdout(), masker, HOLD)));
        let t2 = err.map(|e| s.spawn(move || pump::pump(e, std::io::stderr(), masker, HOLD)));
        let status = child.wait();
        for t in [t1, t2].into_iter().flatten() {
            let _ = t.join();
        }
        status
    })
    .map_err(|e| Error::io("cannot wait for the command", e))?;
    handle.close();
    let _ = sig_thread.join();
    Ok(exit_code(status))
}

fn run_on_pty(plan: Plan, argv: &[OsString]) -> Result<u8> {
    let stdout_fd = std::io::stdout().as_raw_fd();
    let pty = pty::Pty::open(stdout_fd).map_err(|e| Error::io("cannot open a pseudo-terminal", e))?;
    let files = open_files(&plan)?;
    let mut cmd = build_command(&plan, argv, &files);
    pty.attach(&mut cmd).map_err(|e| Error::io("cannot attach the pseudo-terminal", e))?;
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGINT, SIGWINCH])
        .map_err(|e| Error::io("cannot install signal handlers", e))?;
    let mut child = crate::sys::spawn_as_user(&mut cmd).map_err(|e| spawn_error(&argv[0], e))?;
    drop(cmd);
    drop(files);
    let master = pty.close_slave();
    let pid = child.id();
    let master_fd = master.as_raw_fd();
    let handle = signals.handle();
    let sig_thread = std::thread::spawn(move || {
        for sig in signals.forever() {
            if sig == SIGWINCH {
                pty::copy_window_size(stdout_fd, master_fd);
            } else {
                let _ = crate::sys::kill(pid, sig);
            }
        }
    });
    // Keys go to the child's terminal as typed; its line discipline turns Ctrl-C into SIGINT.
    let raw = pty::RawMode::enter(std::io::stdin().as_raw_fd());
    let mut to_child = master.try_clone().map_err(|e| Error::io("cannot clone the pty", e))?;
    // Not joined: it blocks reading our stdin and ends with the process.
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        let mut stdin = std::io::stdin().lock();
        while let Ok(n) = stdin.read(&mut buf) {
            if n == 0 || to_child.write_all(&buf[..n]).is_err() {
                break;
            }
        }
    });
    drop(plan.env);
    drop(plan.files);
    let masker = plan.masker.map(PendingMasker::start);
    let masker = masker.as_deref();
    let result = std::thread::scope(|s| {
        let t = s.spawn(move || pump::pump(master, std::io::stdout(), masker, HOLD));
        let status = child.wait();
        let _ = t.join();
        status
    });
    drop(raw);
    handle.close();
    let _ = sig_thread.join();
    let status = result.map_err(|e| Error::io("cannot wait for the command", e))?;
    Ok(exit_code(status))
}
