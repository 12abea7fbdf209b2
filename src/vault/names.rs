//! Name rules for projects, communities and secrets (DESIGN.md section 4), and for users and env
//! variables.

use crate::{Error, Result};

/// Checks a project, community or secret name: 3 to 63 characters of Latin letters, digits, `-`
/// and `_`; first a letter; last not `-` or `_`. The error names the rule that was broken.
pub fn check(kind: &'static str, name: &str) -> Result<()> {
    let bad = |reason: &'static str| Err(Error::InvalidName { kind, name: printable(name), reason });
    let len = name.chars().count();
    if len < 3 {
        return bad("it must be at least 3 characters long");
    }
    if len > 63 {
        return bad("it must be at most 63 characters long");
    }
    if let Some(c) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_')) {
        return if c.is_alphabetic() {
            bad("it may use only Latin letters (A-Z, a-z), digits, '-' and '_'")
        } else {
            bad("it may contain only letters, digits, '-' and '_'")
        };
    }
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return bad("it must start with a letter");
    }
    if name.ends_with(['-', '_']) {
        return bad("it must not end with '-' or '_'");
    }
    Ok(())
}

/// Checks an environment variable name: letters, digits and `_`, not starting with a digit,
/// 1 to 255 characters.
pub fn check_env(name: &str) -> Result<()> {
    let bad = |reason: &'static str| Err(Error::InvalidName { kind: "env var", name: printable(name), reason });
    if name.is_empty() || name.len() > 255 {
        return bad("it must be 1 to 255 characters long");
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return bad("it may contain only Latin letters, digits and '_'");
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return bad("it must not start with a digit");
    }
    if is_dangerous_env(name) {
        return bad("it would change how programs start or what vault unlocks with (loader, shell, interpreter or vault settings); choose another env name");
    }
    Ok(())
}

/// Environment variables a secret may not set: they make the dynamic loader, a shell or an
/// interpreter run code of the secret writer's choosing in every program `vault run` starts
/// (a community admin could otherwise read other projects' secrets), or they unlock vault.
pub fn is_dangerous_env(name: &str) -> bool {
    const EXACT: &[&str] = &[
        "PATH",
        "IFS",
        "ENV",
        "BASH_ENV",
        "PS4",
        "SHELLOPTS",
        "BASHOPTS",
        "PROMPT_COMMAND",
        "NODE_OPTIONS",
        "NODE_PATH",
        "RUBYOPT",
        "RUBYLIB",
        "JAVA_TOOL_OPTIONS",
        "_JAVA_OPTIONS",
        "JDK_JAVA_OPTIONS",
        "GCONV_PATH",
        "GIT_SSH_COMMAND",
        "VAULT_PASSPHRASE",
        "VAULT_SESSION",
    ];
    const PREFIXES: &[&str] = &["LD_", "DYLD_", "PYTHON", "PERL5", "PERLLIB", "BASH_FUNC_"];
    let upper = name.to_ascii_uppercase();
    EXACT.contains(&upper.as_str()) || PREFIXES.iter().any(|p| upper.starts_with(p))
}

/// Checks a user name: 1 to 63 characters of letters, digits, `.`, `-` and `_`, starting with a
/// letter or digit (OS user names can start with a digit).
pub fn check_user(name: &str) -> Result<()> {
    let bad = |reason: &'static str| Err(Error::InvalidName { kind: "user", name: printable(name), reason });
    if name.is_empty() || name.len() > 63 {
        return bad("it must be 1 to 63 characters long");
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')) {
        return bad("it may contain only Latin letters, digits, '.', '-' and '_'");
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return bad("it must start with a letter or digit");
    }
    Ok(())
}

/// A name as it may be echoed in an error: control characters escaped, length capped, so a
/// hostile argument cannot drive the terminal.
pub fn printable(s: &str) -> String {
    let mut out: String = s.chars().take(80).flat_map(char::escape_debug).collect();
    if s.chars().count() > 80 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert!(check("secret", "abc").is_ok());
        assert!(check("secret", "ab").is_err());
        assert!(check("secret", &"a".repeat(63)).is_ok());
        assert!(check("secret", &"a".repeat(64)).is_err());
        assert!(check("secret", "HF_TOKEN").is_ok());
        assert!(check("secret", "ml-pipeline").is_ok());
        assert!(check("secret", "a-b_c9").is_ok());
    }

    #[test]
    fn each_rule_has_its_message() {
        let reason = |n: &str| match check("project", n) {
            Err(Error::InvalidName { reason, .. }) => reason,
            other => panic!("{n}: {other:?}"),
        };
        assert!(reason("1abc").contains("start with a letter"));
        assert!(reason("_abc").contains("start with a letter"));
        assert!(reason("abc-").contains("end with"));
        assert!(reason("abc_").contains("end with"));
        assert!(reason("ab c").contains("only letters"));
        assert!(reason("abç").contains("Latin"));
        assert!(reason("a.bc").contains("only letters"));
        assert!(reason("ab").contains("at least 3"));
    }

    #[test]
    fn env_and_user_names() {
        assert!(check_env("HF_TOKEN").is_ok());
        assert!(check_env("_X").is_ok());
        assert!(check_env("1X").is_err());
        assert!(check_env("A-B").is_err());
        for bad in ["LD_PRELOAD", "BASH_ENV", "PATH", "PYTHONPATH", "NODE_OPTIONS", "VAULT_PASSPHRASE", "ld_preload"] {
            assert!(check_env(bad).is_err(), "{bad}");
        }
        assert!(check_env("VAULT_ADDR").is_ok());
        assert!(check_user("alice").is_ok());
        assert!(check_user("bob.smith").is_ok());
        assert!(check_user("").is_err());
        assert!(check_user("-x").is_err());
    }

    #[test]
    fn printable_escapes_controls() {
        assert_eq!(printable("a\x1b[31mb"), "a\\u{1b}[31mb");
    }
}
