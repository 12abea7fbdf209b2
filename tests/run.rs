//! `vault run` (issue 5): a program gets the project's secrets as environment variables, its
//! output streamed through the masker; exit codes and signals pass through; the terminal keeps
//! working on a pseudo-terminal; the child never sees the vault's own credentials.
//!
//! Each masking test checks where the value must not appear: stdout and stderr of the run.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::team::*;
use common::*;
use predicates::prelude::*;
use predicates::str::contains;

const TOKEN: &str = "tok-3f9a1c7e5b2d";
const DB_URL: &str = "postgres://app:pw-8e1d@db:5432/app";

/// A vault with project `app` holding TOKEN and DB_URL.
fn app() -> tempfile::TempDir {
    let home = init_vault();
    create_project(home.path(), "app");
    create_secret(home.path(), "app", "TOKEN", TOKEN);
    create_secret(home.path(), "app", "DB_URL", DB_URL);
    home
}

/// `vault run --project app <flags> -- sh -c script` as alice.
fn run_sh(home: &Path, flags: &[&str], script: &str) -> assert_cmd::Command {
    let mut cmd = alice(home);
    cmd.args(["run", "--project", "app"]).args(flags).args(["--", "sh", "-c", script]);
    cmd
}

fn out_of(cmd: &mut assert_cmd::Command) -> std::process::Output {
    cmd.output().expect("run vault")
}

// ---- environment ----

#[test]
fn secrets_arrive_as_env_vars_named_by_their_env_name() {
    let home = app();
    let h = home.path();
    alice(h)
        .args(["secret", "create", "HUB", "--project", "app", "--env-name", "HF_TOKEN"])
        .write_stdin("hf-value-0a0b0c0d")
        .assert()
        .success();
    run_sh(h, &["--no-mask"], r#"printf '%s|%s|%s|%s' "$TOKEN" "$DB_URL" "$HF_TOKEN" "${HUB-unset}""#)
        .assert()
        .success()
        .stdout(format!("{TOKEN}|{DB_URL}|hf-value-0a0b0c0d|unset"))
        .stderr("");
}

#[test]
fn the_value_is_in_no_argv() {
    // The child reads vault's own command line: it names the command, never a value.
    let home = app();
    let a = run_sh(
        home.path(),
        &["--no-mask"],
        r#"tr '\0' ' ' < /proc/$PPID/cmdline; echo; tr '\0' ' ' < /proc/$$/cmdline"#,
    )
    .assert()
    .success();
    let out = stdout_of(&a);
    assert!(out.contains("run --project app --no-mask -- sh -c"), "{out}");
    assert_no_value(a.get_output(), &[TOKEN, DB_URL]);
}

#[test]
fn only_injects_a_subset() {
    let home = app();
    let h = home.path();
    run_sh(h, &["--no-mask", "--only", "TOKEN"], r#"printf '%s|%s' "$TOKEN" "${DB_URL-unset}""#)
        .assert()
        .success()
        .stdout(format!("{TOKEN}|unset"));
    run_sh(h, &["--no-mask", "--only", "TOKEN,DB_URL"], r#"printf '%s|%s' "$TOKEN" "$DB_URL""#)
        .assert()
        .success()
        .stdout(format!("{TOKEN}|{DB_URL}"));
    run_sh(h, &["--only", "TOKEN,NOPE"], "echo ran")
        .assert()
        .code(2)
        .stdout("")
        .stderr("vault: error: --only names no secret of this project: NOPE\n");
}

#[test]
fn pristine_keeps_only_path_home_user_lang_term_and_the_secrets() {
    let home = app();
    let a = alice(home.path())
        .env("USER", "alice-os")
        .env("LANG", "C.UTF-8")
        .env("TERM", "dumb")
        .env("EXTRA_VAR", "should-not-pass")
        .args(["run", "--project", "app", "--pristine", "--no-mask", "--", "env"])
        .assert()
        .success();
    let out = stdout_of(&a);
    let mut names: Vec<&str> = out.lines().map(|l| l.split('=').next().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(names, ["DB_URL", "HOME", "LANG", "PATH", "TERM", "TOKEN", "USER"], "{out}");
    assert!(out.lines().any(|l| l == "USER=alice-os"), "{out}");
    assert!(out.lines().any(|l| l == format!("TOKEN={TOKEN}")), "{out}");
}

#[test]
fn without_pristine_the_environment_is_inherited() {
    let home = app();
    let a = alice(home.path())
        .env("EXTRA_VAR", "passes-through")
        .args(["run", "--project", "app", "--", "sh", "-c", "printf %s \"$EXTRA_VAR\""])
        .assert()
        .success()
        .stderr("");
    assert_eq!(stdout_of(&a), "passes-through");
}

#[test]
fn a_project_secret_overrides_an_inherited_variable_with_a_note() {
    let home = app();
    let h = home.path();
    alice(h)
        .env("TOKEN", "inherited-value")
        .args(["run", "--project", "app", "--no-mask", "--", "sh", "-c", "printf %s \"$TOKEN\""])
        .assert()
        .success()
        .stdout(TOKEN)
        .stderr("vault: note: the project's secrets override inherited TOKEN\n");
    // -q drops the note, not the override.
    alice(h)
        .env("TOKEN", "inherited-value")
        .env("DB_URL", "inherited-db")
        .args(["-q", "run", "--project", "app", "--no-mask", "--", "sh", "-c", "printf %s \"$TOKEN\""])
        .assert()
        .success()
        .stdout(TOKEN)
        .stderr("");
    // The note names both, never a value.
    alice(h)
        .env("TOKEN", "inherited-value")
        .env("DB_URL", "inherited-db")
        .args(["run", "--project", "app", "--", "true"])
        .assert()
        .success()
        .stderr("vault: note: the project's secrets override inherited DB_URL, TOKEN\n");
    // Notes are typed, not matched as text: an env name with "warning" in it is still a note
    // that -q drops (issue 18).
    create_secret(h, "app", "NO_WARNING_FLAG", "flag-value-1234");
    alice(h)
        .env("NO_WARNING_FLAG", "inherited")
        .args(["-q", "run", "--project", "app", "--", "true"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn the_child_never_sees_the_passphrase_or_the_session() {
    let home = app();
    let h = home.path();
    let a = alice(h).args(["run", "--project", "app", "--no-mask", "--", "env"]).assert().success();
    let out = stdout_of(&a);
    assert!(!out.contains("VAULT_PASSPHRASE"), "{out}");
    assert_no_value(a.get_output(), &[ALICE_PASS]);
    assert!(out.contains("VAULT_PATH="), "the rest of the environment passes: {out}");

    let a = alice(h).args(["unlock"]).assert().success();
    let line = stdout_of(&a);
    let token =
        line.trim().strip_prefix("export VAULT_SESSION='").and_then(|t| t.strip_suffix('\'')).unwrap().to_owned();
    let a = vault(h)
        .env("VAULT_SESSION", &token)
        .args(["run", "--project", "app", "--no-mask", "--", "env"])
        .assert()
        .success();
    let out = stdout_of(&a);
    assert!(!out.contains("VAULT_SESSION"), "{out}");
    assert!(out.contains(&format!("TOKEN={TOKEN}")), "{out}");
    assert_no_value(a.get_output(), &[&token, token.rsplit('.').next().unwrap()]);
    // Nor with --pristine, nor as a shadowed note.
    let a = vault(h)
        .env("VAULT_SESSION", &token)
        .args(["run", "--project", "app", "--pristine", "--", "env"])
        .assert()
        .success();
    assert_no_value(a.get_output(), &[&token]);
    assert!(!stdout_of(&a).contains("VAULT_"), "{}", stdout_of(&a));
}

#[test]
fn stdin_passes_through_to_the_child() {
    let home = app();
    alice(home.path())
        .args(["run", "--project", "app", "--", "cat"])
        .write_stdin("hi\nsecond line\n")
        .assert()
        .success()
        .stdout("hi\nsecond line\n");
    // And a value on stdin is masked on the way out.
    alice(home.path())
        .args(["run", "--project", "app", "--", "cat"])
        .write_stdin(format!("got {TOKEN}\n"))
        .assert()
        .success()
        .stdout("got ***\n");
}

// ---- exit codes ----

#[test]
fn exit_codes_pass_through() {
    let home = app();
    let h = home.path();
    alice(h).args(["run", "--project", "app", "--", "true"]).assert().code(0).stdout("").stderr("");
    run_sh(h, &[], "exit 3").assert().code(3).stdout("").stderr("");
    run_sh(h, &[], "echo out; echo err >&2; exit 42").assert().code(42).stdout("out\n").stderr("err\n");
    // Killed by SIGTERM: 128 + 15.
    run_sh(h, &[], "kill -TERM $$").assert().code(143).stdout("");
    run_sh(h, &[], "kill -KILL $$").assert().code(137).stdout("");
}

#[test]
fn a_missing_command_is_127_and_a_non_executable_one_126() {
    let home = app();
    let h = home.path();
    alice(h)
        .args(["run", "--project", "app", "--", "no-such-command-5e2f"])
        .assert()
        .code(127)
        .stdout("")
        .stderr("vault: error: cannot run 'no-such-command-5e2f': command not found\n");
    let dir = scratch();
    let file = dir.path().join("not-executable.sh");
    std::fs::write(&file, "#!/bin/sh\necho ran\n").unwrap();
    alice(h)
        .args(["run", "--project", "app", "--"])
        .arg(&file)
        .assert()
        .code(126)
        .stdout("")
        .stderr(format!("vault: error: cannot run '{}': permission denied (not executable)\n", file.display()));
    alice(h).args(["run", "--project", "app", "--"]).arg(dir.path()).assert().code(126).stdout("");
}

// ---- masking ----

#[test]
fn values_are_masked_on_stdout_and_stderr() {
    let home = app();
    let out = out_of(&mut run_sh(
        home.path(),
        &[],
        r#"echo "token=$TOKEN"; echo "err: $DB_URL" >&2; printf 'a%sb%sc\n' "$TOKEN" "$TOKEN""#,
    ));
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "token=***\na***b***c\n");
    assert_eq!(text(&out.stderr), "err: ***\n");
    assert_no_value(&out, &[TOKEN, DB_URL]);
}

#[test]
fn output_that_is_not_a_secret_passes_unchanged() {
    let home = app();
    let a = run_sh(home.path(), &[], r#"printf 'plain \033[1mbold\033[0m tok-3f9a and ünï\n'; printf 'Password: '"#)
        .assert()
        .success();
    assert_eq!(a.get_output().stdout, "plain \x1b[1mbold\x1b[0m tok-3f9a and ünï\nPassword: ".as_bytes());
}

#[test]
fn a_value_split_across_two_writes_is_masked() {
    let home = app();
    // Two write(2) calls back to back: the first ends inside the value.
    let out = out_of(&mut run_sh(
        home.path(),
        &[],
        r#"printf %s "${TOKEN%????}"; printf '%s\n' "${TOKEN#${TOKEN%????}}"; printf %s "${TOKEN%????}" >&2; printf '%s\n' "${TOKEN#${TOKEN%????}}" >&2"#,
    ));
    assert_eq!(text(&out.stdout), "***\n");
    assert_eq!(text(&out.stderr), "***\n");
    assert_no_value(&out, &[TOKEN]);
    // The same from python, flushing in between, a few bytes at a time.
    let out = out_of(alice(home.path()).args(["run", "--project", "app", "--", "python3", "-c"]).arg(
        "import os, sys, time\n\
         v = os.environ['TOKEN']\n\
         for i in range(0, len(v), 3):\n\
         \x20   sys.stdout.write(v[i:i+3]); sys.stdout.flush(); time.sleep(0.005)\n\
         print()\n",
    ));
    assert_eq!(text(&out.stdout), "***\n");
    assert_no_value(&out, &[TOKEN]);
}

// Was a bug at d89d6fd: the held prefix was let go after 50 ms and the rest followed unmasked.
#[test]
fn a_value_split_by_a_pause_is_still_not_printed_whole() {
    let home = app();
    let out = out_of(&mut run_sh(
        home.path(),
        &[],
        r#"printf %s "${TOKEN%????}"; sleep 0.2; printf '%s\n' "${TOKEN#${TOKEN%????}}""#,
    ));
    // The prefix may show (it was let go so prompts never stall), but never the whole value.
    assert_no_value(&out, &[TOKEN]);
    assert!(text(&out.stdout).contains("***"), "{}", text(&out.stdout));
}

/// The python script that prints every encoded form of $ENC and $JSONV, one per line.
const ENCODER: &str = r#"
import base64, json, os, re, urllib.parse
v = os.environ['ENC'].encode()
j = os.environ['JSONV']
print('b64=' + base64.b64encode(v).decode())
print('b64nopad=' + base64.b64encode(v).decode().rstrip('='))
print('url=' + base64.urlsafe_b64encode(v).decode())
for k in range(3):
    print('off%d=' % k + base64.b64encode(b'\x8f\x01\xfe'[:k] + v + b'\x00tail-bytes').decode())
    print('urloff%d=' % k + base64.urlsafe_b64encode(b'\xfb\xff\x10'[:k] + v + b'\xff\xfe').decode())
print('pct=' + urllib.parse.quote(v, safe=''))
print('pctlow=' + re.sub('%[0-9A-F]{2}', lambda m: m.group(0).lower(), urllib.parse.quote(v, safe='')))
print('json=' + json.dumps({'k': j}))
print('jsonu=' + json.dumps({'k': j}, ensure_ascii=False))
print('hex=' + v.hex())
print('HEX=' + v.hex().upper())
"#;

/// The base64 characters fully determined by `n` value bytes that start `k` bytes into the
/// encoded data (the rest mix in neighbouring bytes).
fn b64_core(line: &str, k: usize, n: usize) -> &str {
    let first = (8 * k).div_ceil(6);
    let last = 8 * (k + n) / 6;
    &line[first..last]
}

#[test]
fn encoded_forms_of_a_value_are_masked() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    // Characters that every encoding changes: '+', '&', ' ', '?', '~' and a byte above 0x7f.
    let enc = "Tr0ub4dor&3 horse+battery?~é";
    // ASCII only here; json_with_ascii_escapes_is_masked covers json.dumps' default \uXXXX form.
    let jsonv = "say \"hi\"\\path\ttab\nline2 </end>";
    create_secret(h, "app", "ENC", enc);
    create_secret(h, "app", "JSONV", jsonv);
    let plain = out_of(alice(h).args(["run", "--project", "app", "--no-mask", "--", "python3", "-c", ENCODER]));
    assert!(plain.status.success(), "{}", text(&plain.stderr));
    let masked = out_of(alice(h).args(["run", "--project", "app", "--", "python3", "-c", ENCODER]));
    assert!(masked.status.success(), "{}", text(&masked.stderr));
    let plain = text(&plain.stdout);
    let masked = text(&masked.stdout);
    assert_eq!(plain.lines().count(), masked.lines().count(), "{masked}");
    let n = enc.len();
    for (p, m) in plain.lines().zip(masked.lines()) {
        let (label, form) = p.split_once('=').unwrap();
        let (mlabel, mform) = m.split_once('=').unwrap();
        assert_eq!(label, mlabel);
        assert!(mform.contains("***"), "{label}: {form} came out as {mform}");
        // What must be gone: the part of the line that only the value determines.
        let gone = if let Some(k) = label.strip_prefix("off").or_else(|| label.strip_prefix("urloff")) {
            b64_core(form, k.parse().unwrap(), n).to_owned()
        } else if label.starts_with("json") {
            form.trim_start_matches("{\"k\": \"").trim_end_matches("\"}").to_owned()
        } else {
            form.to_owned()
        };
        assert!(gone.len() >= 8, "{label}: {gone}");
        assert!(!mform.contains(&gone), "{label}: {gone} is still in {mform}");
    }
    assert!(!masked.contains(enc) && !masked.contains("Tr0ub4dor"), "{masked}");
}

// Was a bug at d89d6fd: quote()'s default form, which keeps '/', was not masked.
#[test]
fn percent_encoding_that_keeps_slashes_is_masked() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    create_secret(h, "app", "URLV", "https://user:p@ss w0rd/path?x=1");
    let out = out_of(alice(h).args([
        "run",
        "--project",
        "app",
        "--",
        "python3",
        "-c",
        "import os, urllib.parse; print(urllib.parse.quote(os.environ['URLV']))",
    ]));
    assert_eq!(text(&out.stdout), "***\n");
}

// Was a bug at d89d6fd: non-ASCII escaped as \uXXXX (json.dumps' default) was not masked.
#[test]
fn json_with_ascii_escapes_is_masked() {
    let home = init_vault();
    let h = home.path();
    create_project(h, "app");
    create_secret(h, "app", "UNI", "pässwörd-✓-value");
    let out = out_of(alice(h).args([
        "run",
        "--project",
        "app",
        "--",
        "python3",
        "-c",
        "import json, os; print(json.dumps(os.environ['UNI']))",
    ]));
    assert_eq!(text(&out.stdout), "\"***\"\n");
}

#[test]
fn a_multi_line_value_is_masked_line_by_line() {
    let home = app();
    let h = home.path();
    let pem = "-----BEGIN PRIVATE KEY-----\n\
               MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n\
               VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDu\n\
               -----END PRIVATE KEY-----\n";
    alice(h).args(["secret", "create", "TLS_KEY", "--project", "app"]).write_stdin(pem).assert().success();
    let lines: Vec<&str> = pem.lines().collect();
    // Whole.
    let out = out_of(&mut run_sh(h, &[], r#"printf '%s' "$TLS_KEY""#));
    assert_eq!(text(&out.stdout), "***");
    assert_no_value(&out, &lines);
    // One line at a time, with pauses longer than the hold timer; one line on stderr.
    let out = out_of(&mut run_sh(
        h,
        &[],
        r#"printf '%s\n' "$TLS_KEY" | while IFS= read -r l; do printf '%s\n' "$l"; sleep 0.1; done; printf '%s\n' "$TLS_KEY" | sed -n 2p >&2"#,
    ));
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    // Each line comes out masked (how the newline that ends the value is shown may vary).
    assert!(stdout.lines().all(|l| matches(r"^(\*\*\*)*$", l)), "{stdout:?}");
    // Lines held while they continue the whole value come out as one mask: at least two.
    assert!(stdout.matches("***").count() >= 2, "{stdout:?}");
    assert_eq!(text(&out.stderr), "***\n");
    assert_no_value(&out, &lines);
}

#[test]
fn a_value_too_short_to_mask_is_named_in_a_warning() {
    let home = app();
    let h = home.path();
    create_secret(h, "app", "PIN", "123");
    run_sh(h, &[], "echo \"pin=$PIN token=$TOKEN\"")
        .assert()
        .success()
        .stdout("pin=123 token=***\n")
        .stderr("vault: warning: this secret is shorter than 4 characters and will not be masked: PIN\n");
    // -q keeps warnings.
    alice(h)
        .args(["-q", "run", "--project", "app", "--", "true"])
        .assert()
        .success()
        .stderr("vault: warning: this secret is shorter than 4 characters and will not be masked: PIN\n");
    create_secret(h, "app", "TWO", "ab");
    alice(h)
        .args(["run", "--project", "app", "--", "true"])
        .assert()
        .success()
        .stderr("vault: warning: these secrets are shorter than 4 characters and will not be masked: PIN, TWO\n");
}

#[test]
fn no_mask_passes_output_through_but_still_masks_write_only_secrets() {
    let home = app();
    let h = home.path();
    alice(h)
        .args(["secret", "create", "WO_KEY", "--project", "app", "--write-only"])
        .write_stdin("write-only-value-77aa")
        .assert()
        .success();
    let out = out_of(&mut run_sh(h, &["--no-mask"], r#"echo "$TOKEN $WO_KEY"; echo "$DB_URL $WO_KEY" >&2"#));
    assert_eq!(text(&out.stdout), format!("{TOKEN} ***\n"));
    assert_eq!(text(&out.stderr), format!("{DB_URL} ***\n"));
    assert_no_value(&out, &["write-only-value-77aa"]);
}

// ---- terminals and signals ----

#[test]
fn without_a_terminal_the_child_gets_pipes() {
    let home = app();
    run_sh(home.path(), &[], "test -t 1 && echo TTY || echo PIPE; test -t 2 && echo TTY >&2 || echo PIPE >&2")
        .assert()
        .success()
        .stdout("PIPE\n")
        .stderr("PIPE\n");
}

#[test]
fn on_a_terminal_the_child_gets_a_pty_with_colours_kept_and_values_masked() {
    let home = app();
    let h = home.path();
    let inner = r#"test -t 0 && test -t 1 && echo TTY-YES; printf '\033[31mred\033[0m %s\n' "$TOKEN"; stty size"#;
    let cmd = format!("{} run --project app -- sh -c {}", sh_quote(vault_bin()), sh_quote(inner));
    let out = std_command(h, "script").args(["-qec", &cmd, "/dev/null"]).output().expect("run script");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("TTY-YES"), "{stdout:?}");
    assert!(stdout.contains("\x1b[31mred\x1b[0m ***\r\n"), "{stdout:?}");
    // The pty has a window size.
    assert!(stdout.lines().any(|l| matches(r"\d+ \d+\r?$", l)), "{stdout:?}");
    assert_no_value(&out, &[TOKEN]);
}

#[test]
fn on_a_terminal_the_exit_code_still_passes_through() {
    let home = app();
    let cmd = format!("{} run --project app -- sh -c 'exit 9'", sh_quote(vault_bin()));
    let out = std_command(home.path(), "script").args(["-qec", &cmd, "/dev/null"]).output().expect("run script");
    assert_eq!(out.status.code(), Some(9), "{}", text(&out.stdout));
}

#[test]
fn sigterm_reaches_the_child_and_its_exit_code_comes_back() {
    let home = app();
    let mut child = std_command(home.path(), vault_bin())
        .args(["run", "--project", "app", "--", "sh", "-c"])
        .arg(r#"trap 'echo got-term; exit 7' TERM; echo ready; sleep 5 >/dev/null 2>&1 & wait"#)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vault run");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "ready\n");
    std::thread::sleep(Duration::from_millis(500));
    let start = Instant::now();
    let kill = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(rest, "got-term\n");
    assert_eq!(status.code(), Some(7));
    assert!(start.elapsed() < Duration::from_secs(4), "vault waited for the sleep: {:?}", start.elapsed());
}

#[test]
fn sigint_reaches_the_child_too() {
    let home = app();
    let mut child = std_command(home.path(), vault_bin())
        .args(["run", "--project", "app", "--", "sh", "-c"])
        .arg(r#"trap 'echo got-int; exit 5' INT; echo ready; sleep 5 >/dev/null 2>&1 & wait"#)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn vault run");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "ready\n");
    std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(rest, "got-int\n");
    assert_eq!(child.wait().unwrap().code(), Some(5));
}

// ---- sessions and shared secrets ----

#[test]
fn run_works_with_a_session_and_records_no_value() {
    let home = app();
    let h = home.path();
    let a = alice(h).args(["unlock"]).assert().success();
    let token = stdout_of(&a).trim().trim_start_matches("export VAULT_SESSION='").trim_end_matches('\'').to_owned();
    vault(h)
        .env("VAULT_SESSION", &token)
        .args(["run", "--project", "app", "--", "sh", "-c", "echo $TOKEN"])
        .assert()
        .success()
        .stdout("***\n");
    // A locked session is exit 5, and the command does not run.
    vault(h).env("VAULT_SESSION", &token).arg("lock").assert().success();
    vault(h)
        .env("VAULT_SESSION", &token)
        .args(["run", "--project", "app", "--", "sh", "-c", "echo ran"])
        .assert()
        .code(5)
        .stdout("");
    assert_absent(h, TOKEN.as_bytes());
}

#[test]
fn a_non_member_cannot_run_and_nothing_starts() {
    let home = app();
    let h = home.path();
    add_active_user(h, "bob");
    let marker = scratch();
    let flag = marker.path().join("ran");
    as_user(h, "bob")
        .args(["run", "--project", "app", "--", "touch"])
        .arg(&flag)
        .assert()
        .code(6)
        .stdout("")
        .stderr("vault: error: user 'bob' is not a member of project 'app'\n");
    assert!(!flag.exists());
    // An unknown project is exit 3; no command is started either.
    alice(h)
        .args(["run", "--project", "nope", "--", "touch"])
        .arg(&flag)
        .assert()
        .code(3)
        .stderr(contains("project 'nope' not found"));
    assert!(!flag.exists());
    alice(h).args(["run", "--project", "app"]).assert().code(2).stderr(predicate::str::contains("CMD"));
}
