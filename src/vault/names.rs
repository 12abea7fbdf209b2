//! Name rules for projects, communities and secrets (DESIGN.md section 4), and for users and env
//! variables.

use crate::{Error, Result};

/// Checks a project, community or secret name: 3 to 63 characters of Latin letters, digits, `-`
/// and `_`; first a letter; last not `-` or `_`. The error names the rule that was broken.
pub(crate) fn check(kind: &'static str, name: &str) -> Result<()> {
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

/// The env name a secret gets when none is given: its name with each `-` made `_`
/// (`hf-token` is `hf_token`). A secret name is letters, digits, `-` and `_` and starts with a
/// letter, so this is always an env name in form; [`check_env`] still judges it.
pub(crate) fn derived_env(name: &str) -> String {
    name.replace('-', "_")
}

/// The env name of secret `name`: `explicit` when given (an explicit name is never rewritten),
/// else [`derived_env`]; checked either way.
pub(crate) fn env_for(name: &str, explicit: Option<&str>) -> Result<String> {
    let env = explicit.map_or_else(|| derived_env(name), str::to_owned);
    check_env(&env)?;
    Ok(env)
}

/// Checks an environment variable name: letters, digits and `_`, not starting with a digit,
/// 1 to 255 characters.
pub(crate) fn check_env(name: &str) -> Result<()> {
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

/// Environment variables a secret may not set, whoever sets it and however (create, edit,
/// rename, clone, import, accepting a share, and again at `run` and `export` for rows already
/// in the file). Each one makes a program run code, trust a certificate or a proxy, or read a
/// configuration of the secret writer's choosing (`GIT_EXTERNAL_DIFF`, `PAGER`, `LD_PRELOAD`,
/// `HOME`, `HTTPS_PROXY`, ...), or it changes what vault itself opens or unlocks with.
///
/// No such list can be complete, which is why a secret shared from another project reaches a
/// program only under an env name the receiving project accepted (`vault secret accept`); this
/// list is defence in depth inside one project.
pub(crate) fn is_dangerous_env(name: &str) -> bool {
    const EXACT: &[&str] = &[
        // Shells and the loader.
        "PATH",
        "IFS",
        "ENV",
        "BASH_ENV",
        "PS4",
        "SHELL",
        "SHELLOPTS",
        "BASHOPTS",
        "PROMPT_COMMAND",
        "CDPATH",
        "GLOBIGNORE",
        "HOME",
        "ZDOTDIR",
        "TMPDIR",
        "GCONV_PATH",
        "LOCPATH",
        "NLSPATH",
        "HOSTALIASES",
        "RESOLV_HOST_CONF",
        "MALLOC_CHECK_",
        // bash evaluates what is assigned to these as arithmetic, where `z[$(cmd)]` runs cmd,
        // when a file of assignments is sourced (`set -a; . .env`, `eval "$(vault export ...)"`);
        // and these are read-only there, so such a file stops at them.
        "RANDOM",
        "SRANDOM",
        "OPTIND",
        "HISTCMD",
        "UID",
        "EUID",
        "PPID",
        "BASH_VERSINFO",
        // Programs other programs start.
        "PAGER",
        "MANPAGER",
        "SYSTEMD_PAGER",
        "EDITOR",
        "VISUAL",
        "BROWSER",
        "LESS",
        "LESSOPEN",
        "LESSCLOSE",
        "LESSKEY",
        "SSH_ASKPASS",
        "SUDO_ASKPASS",
        "SSH_AUTH_SOCK",
        "GNUPGHOME",
        "GPG_AGENT_INFO",
        "TERMINFO",
        "TERMINFO_DIRS",
        "INPUTRC",
        // Interpreters and build tools.
        "NODE_OPTIONS",
        "NODE_PATH",
        "NODE_EXTRA_CA_CERTS",
        "RUBYOPT",
        "RUBYLIB",
        "GEM_HOME",
        "GEM_PATH",
        "BUNDLE_GEMFILE",
        "CLASSPATH",
        "JAVA_TOOL_OPTIONS",
        "_JAVA_OPTIONS",
        "JDK_JAVA_OPTIONS",
        "MAVEN_OPTS",
        "GRADLE_OPTS",
        "DOTNET_STARTUP_HOOKS",
        "CORECLR_PROFILER_PATH",
        "RUSTC_WRAPPER",
        "RUSTC",
        "RUSTFLAGS",
        "CARGO_HOME",
        "GOFLAGS",
        "GOPROXY",
        "CC",
        "CXX",
        "MAKEFLAGS",
        "LUA_INIT",
        "LUA_PATH",
        "LUA_CPATH",
        "R_PROFILE",
        "R_PROFILE_USER",
        "R_ENVIRON",
        "TCLLIBPATH",
        "OPENSSL_CONF",
        "OPENSSL_ENGINES",
        // Where traffic goes and which certificates are trusted.
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "FTP_PROXY",
        "NO_PROXY",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
        "CURL_CA_BUNDLE",
        "REQUESTS_CA_BUNDLE",
        "CURL_HOME",
        "WGETRC",
        "PIP_INDEX_URL",
        "PIP_EXTRA_INDEX_URL",
        "PIP_CONFIG_FILE",
        "UV_INDEX_URL",
        "UV_EXTRA_INDEX_URL",
        "UV_DEFAULT_INDEX",
        "DOCKER_HOST",
        "DOCKER_CONFIG",
        "KUBECONFIG",
        "GCC_EXEC_PREFIX",
        "CPATH",
        "LIBRARY_PATH",
        "JAVA_OPTS",
        "ERL_FLAGS",
        "ERL_AFLAGS",
        "ERL_ZFLAGS",
        "ELIXIR_ERL_OPTIONS",
        // Where keys and credentials go, and what else programs load.
        "SSLKEYLOGFILE",
        "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_CA_BUNDLE",
        "NODE_TLS_REJECT_UNAUTHORIZED",
        "VIMINIT",
        "EXINIT",
        "MYVIMRC",
        "PS0",
        "PS1",
        "PS2",
        "PS3",
        "JAVA_HOME",
        "GOROOT",
        "GOPATH",
        "GOTOOLCHAIN",
        "RUSTC_WORKSPACE_WRAPPER",
        "RUSTDOC",
        "PHPRC",
        "PHP_INI_SCAN_DIR",
        "GRADLE_USER_HOME",
        "JUPYTER_CONFIG_DIR",
        "JUPYTER_PATH",
        "IPYTHONDIR",
        "TF_CLI_CONFIG_FILE",
        // vault's own settings.
        "VAULT_PATH",
        "VAULT_USER",
        "VAULT_PROJECT",
        "VAULT_CONFIG",
        "VAULT_PASSPHRASE",
        "VAULT_SESSION",
    ];
    const PREFIXES: &[&str] = &[
        "LD_",
        "DYLD_",
        "PYTHON",
        "PERL5",
        "PERLLIB",
        "PERL_",
        "BASH_FUNC_",
        "GIT_",
        "NPM_CONFIG_",
        "XDG_",
        "CONDA_",
        "CARGO_BUILD_",
    ];
    // Where a client sends its requests (and the caller's own credentials with them):
    // AWS_ENDPOINT_URL, HF_ENDPOINT, OPENAI_BASE_URL, ...
    const SUFFIXES: &[&str] = &["_ENDPOINT", "_ENDPOINT_URL", "_BASE_URL", "_API_BASE"];
    let upper = name.to_ascii_uppercase();
    EXACT.contains(&upper.as_str())
        || PREFIXES.iter().any(|p| upper.starts_with(p))
        || SUFFIXES.iter().any(|x| upper.ends_with(x))
}

/// Checks a user name: 1 to 63 characters of letters, digits, `.`, `-` and `_`, starting with a
/// letter or digit (OS user names can start with a digit).
pub(crate) fn check_user(name: &str) -> Result<()> {
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
pub(crate) fn printable(s: &str) -> String {
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
        for bad in [
            "LD_PRELOAD",
            "BASH_ENV",
            "PATH",
            "PYTHONPATH",
            "NODE_OPTIONS",
            "VAULT_PASSPHRASE",
            "ld_preload",
            "GIT_EXTERNAL_DIFF",
            "GIT_CONFIG_COUNT",
            "GIT_CONFIG_KEY_0",
            "GIT_PAGER",
            "PAGER",
            "EDITOR",
            "GIT_ASKPASS",
            "LESSOPEN",
            "HOME",
            "ZDOTDIR",
            "HTTPS_PROXY",
            "https_proxy",
            "SSL_CERT_FILE",
            "VAULT_PATH",
            "SSLKEYLOGFILE",
            "HF_ENDPOINT",
            "AWS_ENDPOINT_URL",
            "OPENAI_BASE_URL",
            "PS1",
            "JAVA_HOME",
            "CARGO_BUILD_RUSTC_WRAPPER",
        ] {
            assert!(check_env(bad).is_err(), "{bad}");
        }
        for good in [
            "VAULT_ADDR",
            "VAULT_TOKEN",
            "GITHUB_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "DATABASE_URL",
            "NODE_ENV",
            "CARGO_REGISTRY_TOKEN",
            "HF_TOKEN",
        ] {
            assert!(check_env(good).is_ok(), "{good}");
        }
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
