//! `vault import`: many secrets in one transaction, all of them or none.

use super::secret::draft;
use super::value::SecretValue;
use super::value::Undo;
use super::{Role, Scope, Vault};
use crate::store::{self, VersionRow};
use crate::{Error, Result};

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
}

impl Vault {
    /// Imports `entries` (name, value) in one transaction: all of them or none. Names must be
    /// valid secret names; existing names are refused unless `overwrite`, which writes a new
    /// version (for a provider-backed secret, a new KV version there, destroyed again if the
    /// import fails). `progress` is called after each entry.
    pub fn import_secrets(
        &self,
        scope: &Scope,
        entries: &[(String, SecretValue)],
        overwrite: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportReport> {
        let mut undo = Undo::default();
        let r = self.store.write(|s| {
            let project = self.write_project(scope)?;
            let grant = self.require(&project, Role::Editor, "importing secrets")?;
            let pkey = self.project_key(&project, &grant)?;
            let mut report = ImportReport::default();
            let now = store::now();
            for (i, (name, value)) in entries.iter().enumerate() {
                // The secret of that name, or else one already setting that env var.
                let mut found = s.secrets_named_or_setting(&project.id, name)?;
                found.sort_by_key(|r| r.name != *name);
                if let Some(other) = found.first().filter(|r| r.name != *name) {
                    return Err(Error::AlreadyExists {
                        kind: "env var name",
                        name: name.clone(),
                        scope: Some(format!("project '{}' (secret '{}')", Self::scope_label(scope), other.name)),
                    });
                }
                match found.into_iter().next() {
                    Some(mut row) if overwrite => {
                        let old = row.clone();
                        let dek = self.open_dek(&project, &pkey, &row)?;
                        row.current_version += 1;
                        // In a provider: a new version there, destroyed again if the import
                        // fails later.
                        let sealed = self.seal_new_version(&project, &pkey, &dek, (&old, &row), value, &mut undo)?;
                        s.insert_version(&VersionRow {
                            secret_id: row.id.clone(),
                            version: row.current_version,
                            sealed,
                            created_by: self.me.id.clone(),
                            created_at: now,
                        })?;
                        row.modified_by = self.me.id.clone();
                        row.modified_at = now;
                        s.update_secret(&row)?;
                        report.updated += 1;
                    }
                    Some(_) => {
                        return Err(Error::AlreadyExists {
                            kind: "secret",
                            name: name.clone(),
                            scope: Some(format!(
                                "project '{}' (pass --overwrite to write new versions)",
                                Self::scope_label(scope)
                            )),
                        })
                    }
                    None => {
                        let mut row = draft(name, name, "", false);
                        self.insert_with_value(&project, &pkey, &mut row, value, &mut undo)?;
                        report.created += 1;
                    }
                }
                progress(i + 1);
            }
            Ok(report)
        });
        undo.settle(r)
    }
}
