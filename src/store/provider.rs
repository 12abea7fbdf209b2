//! Rows and queries for external providers: their signed settings, and their tokens sealed
//! under project keys. Blobs stay opaque here; the store never sees a token in clear.

use super::db::{args, Row};

use super::{SecretRow, Store};
use crate::Result;

/// A provider's settings, in clear and signed by a vault admin: its kind, and that kind's
/// settings as the kind encodes them (see `provider::Settings`; opaque here).
#[derive(Debug, Clone)]
pub struct ProviderRow {
    pub name: String,
    pub kind: String,
    pub settings: String,
    pub sig: Vec<u8>,
    pub created_by: String,
    pub created_at: i64,
}

/// A provider's token sealed under one project's key, for one key epoch.
#[derive(Debug, Clone)]
pub struct TokenRow {
    pub provider: String,
    pub project_id: String,
    pub key_epoch: i64,
    pub sealed: Vec<u8>,
}

pub(super) const PROVIDER_COLS: &str = "name, kind, settings, sig, created_by, created_at";
pub(super) const TOKEN_COLS: &str = "provider, project_id, key_epoch, sealed";

fn provider_row(r: &Row<'_>) -> Result<ProviderRow> {
    Ok(ProviderRow {
        name: r.get(0)?,
        kind: r.get(1)?,
        settings: r.get(2)?,
        sig: r.get(3)?,
        created_by: r.get(4)?,
        created_at: r.get(5)?,
    })
}

fn token_row(r: &Row<'_>) -> Result<TokenRow> {
    Ok(TokenRow { provider: r.get(0)?, project_id: r.get(1)?, key_epoch: r.get(2)?, sealed: r.get(3)? })
}

impl Store {
    /// Inserts a provider.
    pub fn insert_provider(&self, p: &ProviderRow) -> Result<()> {
        self.exec(
            &format!("INSERT INTO providers({PROVIDER_COLS}) VALUES (?1,?2,?3,?4,?5,?6)"),
            args![p.name, p.kind, p.settings, p.sig, p.created_by, p.created_at],
        )?;
        Ok(())
    }

    /// Replaces a provider's signature (another vault admin re-signed the same settings).
    pub fn update_provider_sig(&self, name: &str, sig: &[u8]) -> Result<()> {
        self.exec("UPDATE providers SET sig = ?2 WHERE name = ?1", args![name, sig])?;
        Ok(())
    }

    /// Deletes one project's copy of a provider's token.
    pub fn delete_provider_token(&self, provider: &str, project_id: &str) -> Result<()> {
        self.exec("DELETE FROM provider_tokens WHERE provider = ?1 AND project_id = ?2", args![provider, project_id])?;
        Ok(())
    }

    /// A provider by name.
    pub fn provider(&self, name: &str) -> Result<Option<ProviderRow>> {
        self.db.opt(&format!("SELECT {PROVIDER_COLS} FROM providers WHERE name = ?1"), args![name], provider_row)
    }

    /// All providers, by name.
    pub fn providers(&self) -> Result<Vec<ProviderRow>> {
        self.db.all(&format!("SELECT {PROVIDER_COLS} FROM providers ORDER BY name"), args![], provider_row)
    }

    /// Deletes a provider and every sealed copy of its token (cascade).
    pub fn delete_provider(&self, name: &str) -> Result<()> {
        self.exec("DELETE FROM providers WHERE name = ?1", args![name])?;
        Ok(())
    }

    /// The secrets kept in a provider: (project name, secret row), by project then name.
    pub fn secrets_using_provider(&self, name: &str) -> Result<Vec<(String, SecretRow)>> {
        let cols = super::rows::SECRET_COLS.split(", ").map(|c| format!("s.{c}")).collect::<Vec<_>>().join(", ");
        self.db.all(
            &format!(
                "SELECT {cols}, p.name FROM secrets s JOIN projects p ON p.id = s.project_id \
             WHERE s.provider = ?1 ORDER BY p.name, s.name"
            ),
            args![name],
            |r| Ok((r.get(super::rows::SECRET_NCOLS)?, super::rows::secret_row(r)?)),
        )
    }

    /// Inserts or replaces a project's sealed copy of a provider token.
    pub fn put_provider_token(&self, t: &TokenRow) -> Result<()> {
        self.exec(
            &super::db::upsert("provider_tokens", TOKEN_COLS, &["provider", "project_id"]),
            args![t.provider, t.project_id, t.key_epoch, t.sealed],
        )?;
        Ok(())
    }

    /// A project's sealed copy of a provider token.
    pub fn provider_token(&self, provider: &str, project_id: &str) -> Result<Option<TokenRow>> {
        self.db.opt(
            &format!("SELECT {TOKEN_COLS} FROM provider_tokens WHERE provider = ?1 AND project_id = ?2"),
            args![provider, project_id],
            token_row,
        )
    }

    /// Every sealed copy of one provider's token.
    pub fn provider_tokens(&self, provider: &str) -> Result<Vec<TokenRow>> {
        self.db.all(
            &format!("SELECT {TOKEN_COLS} FROM provider_tokens WHERE provider = ?1"),
            args![provider],
            token_row,
        )
    }

    /// The provider tokens sealed under one project's key.
    pub fn project_provider_tokens(&self, project_id: &str) -> Result<Vec<TokenRow>> {
        self.db.all(
            &format!("SELECT {TOKEN_COLS} FROM provider_tokens WHERE project_id = ?1"),
            args![project_id],
            token_row,
        )
    }

    /// Removes one version row (a version the provider no longer keeps, when a value moves back).
    pub fn delete_version(&self, secret_id: &str, version: i64) -> Result<()> {
        self.exec("DELETE FROM secret_versions WHERE secret_id = ?1 AND version = ?2", args![secret_id, version])?;
        Ok(())
    }
}
