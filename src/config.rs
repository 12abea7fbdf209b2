//! The optional config file: TOML at `<config dir>/vault/config.toml` (e.g.
//! `~/.config/vault/config.toml`), or the path in `VAULT_CONFIG`. It may set defaults for the
//! vault path, the user and the project; a flag or an environment variable always wins.
//!
//! ```toml
//! vault = "/home/alice/team.db"
//! user = "alice"
//! project = "ml-pipeline"
//! ```

use std::path::PathBuf;

use serde::Deserialize;

use crate::{Error, Result};

/// Defaults read from the config file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    /// Default vault file.
    pub vault: Option<PathBuf>,
    /// Default acting user.
    pub user: Option<String>,
    /// Default project for commands that take `--project`.
    pub project: Option<String>,
}

/// Where the config file is looked for.
pub(crate) fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VAULT_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "vault").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config file; a missing file is an empty config, a malformed one an error.
pub(crate) fn load() -> Result<Config> {
    let Some(path) = path() else { return Ok(Config::default()) };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(Error::io(format!("cannot read config file {}", path.display()), e)),
    };
    toml::from_str(&text).map_err(|e| Error::Usage(format!("config file {}: {}", path.display(), e.message())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_unknown_keys() {
        let c: Config = toml::from_str("project = \"api\"\nvault = \"/x.db\"").unwrap();
        assert_eq!(c.project.as_deref(), Some("api"));
        assert!(toml::from_str::<Config>("projet = \"api\"").is_err());
    }
}
