//! Projects: create, list, show, edit, clone, delete.

use super::value::Undo;
use super::{names, project_id_for, Role, Vault};
use crate::crypto::{self, Key32};
use crate::store::{self, ProjectRow};
use crate::{Error, Result};

/// A project as listed: the row, our role, and how many secrets it holds.
#[derive(Debug, Clone)]
pub struct ProjectSummary {
    pub row: ProjectRow,
    pub role: Role,
    pub secrets: i64,
    pub creator: String,
}

/// A project as shown: the summary plus its members.
#[derive(Debug, Clone)]
pub struct ProjectInfo {
    pub summary: ProjectSummary,
    /// (user name, role), by name.
    pub members: Vec<(String, Role)>,
}

impl Vault {
    /// Creates a project and its key; the creator becomes its owner.
    pub fn create_project(&self, name: &str, description: &str, community: Option<&str>) -> Result<ProjectRow> {
        names::check("project", name)?;
        self.store.write(|s| {
            if s.project_by_name(name)?.is_some() {
                return Err(Error::AlreadyExists { kind: "project", name: name.to_owned(), scope: None });
            }
            let (mut row, _key) = self.new_project(name, description, None)?;
            if community.is_some() {
                self.link_community(&mut row, community)?;
                s.update_project(&row)?;
            }
            Ok(row)
        })
    }

    /// Inserts a new project owned by us and returns it with its key. Runs inside a write.
    pub(super) fn new_project(
        &self,
        name: &str,
        description: &str,
        personal: Option<&str>,
    ) -> Result<(ProjectRow, Key32)> {
        let mut nonce = [0u8; 16];
        crypto::random_bytes(&mut nonce);
        let now = store::now();
        let row = ProjectRow {
            id: project_id_for(&self.me.verifying_key, &nonce),
            name: name.to_owned(),
            description: description.to_owned(),
            community_id: None,
            community_sig: None,
            personal_of: personal.map(str::to_owned),
            id_nonce: nonce.to_vec(),
            key_epoch: 1,
            created_by: self.me.id.clone(),
            created_at: now,
            modified_at: now,
        };
        let key = Key32::generate();
        self.store.insert_project(&row)?;
        let grant = self.make_grant(&row, &self.me, Role::Owner, &key)?;
        self.store.put_grant(&grant)?;
        self.sign_project_head(&row.id)?;
        Ok((row, key))
    }

    /// Our personal project, created on first use.
    pub(super) fn personal_project_or_create(&self) -> Result<ProjectRow> {
        if let Some(p) = self.personal_project()? {
            return Ok(p);
        }
        let name = self.personal_name();
        let (row, _) = self.new_project(&name, "private secrets", Some(&self.me.id.clone()))?;
        Ok(row)
    }

    fn summary(&self, row: ProjectRow, role: Role) -> Result<ProjectSummary> {
        Ok(ProjectSummary {
            secrets: self.store.secret_count(&row.id)?,
            creator: self.user_name(&row.created_by)?,
            row,
            role,
        })
    }

    /// The projects we are a member of (not personal ones), by name. Each membership is verified.
    pub fn list_projects(&self) -> Result<Vec<ProjectSummary>> {
        let mut out = Vec::new();
        for (row, _) in self.store.projects_of(&self.me.id)? {
            if row.personal_of.is_some() {
                continue;
            }
            let (role, _) = self.my_role(&row)?;
            out.push(self.summary(row, role)?);
        }
        Ok(out)
    }

    /// One project with its members.
    pub fn show_project(&self, name: &str) -> Result<ProjectInfo> {
        let row = self.project(name)?;
        let (role, _) = self.my_role(&row)?;
        let mut members = Vec::new();
        for g in self.store.grants(&row.id)? {
            let r = self.verify_grant(&row, &g, 0)?;
            members.push((self.user_name(&g.user_id)?, r));
        }
        members.sort();
        Ok(ProjectInfo { summary: self.summary(row, role)?, members })
    }

    /// Renames a project or changes its description (owner).
    pub fn edit_project(
        &self,
        name: &str,
        rename: Option<&str>,
        description: Option<&str>,
        community: Option<Option<&str>>,
    ) -> Result<ProjectRow> {
        if let Some(n) = rename {
            names::check("project", n)?;
        }
        self.store.write(|s| {
            let mut row = self.project(name)?;
            self.require(&row, Role::Owner, "editing the project")?;
            if let Some(n) = rename.filter(|n| *n != row.name) {
                if s.project_by_name(n)?.is_some() {
                    return Err(Error::AlreadyExists { kind: "project", name: n.to_owned(), scope: None });
                }
                row.name = n.to_owned();
            }
            if let Some(d) = description {
                row.description = d.to_owned();
            }
            if let Some(c) = community {
                self.link_community(&mut row, c)?;
            }
            row.modified_at = store::now();
            s.update_project(&row)?;
            Ok(row)
        })
    }

    /// Deletes a project with all its secrets and versions (owner).
    pub fn delete_project(&self, name: &str) -> Result<ProjectSummary> {
        self.store.write(|s| {
            let row = self.project(name)?;
            let grant = self.require(&row, Role::Owner, "deleting the project")?;
            // Values kept outside the file go first: a provider that refuses leaves the project
            // as it was.
            self.delete_values(&row, &grant, &s.secrets(&row.id)?)?;
            let summary = self.summary(row, Role::Owner)?;
            s.delete_project(&summary.row.id)?;
            Ok(summary)
        })
    }

    /// Copies a project: a new project owned by us holding each secret's current value under new
    /// ids and new keys. History is not copied.
    pub fn clone_project(&self, name: &str, new_name: &str) -> Result<(ProjectRow, usize)> {
        names::check("project", new_name)?;
        let mut undo = Undo::default();
        let r = self.store.write(|s| {
            let src = self.project(name)?;
            let grant = self.require(&src, Role::Viewer, "cloning the project")?;
            if s.project_by_name(new_name)?.is_some() {
                return Err(Error::AlreadyExists { kind: "project", name: new_name.to_owned(), scope: None });
            }
            let src_key = self.project_key(&src, &grant)?;
            let (dst, dst_key) = self.new_project(new_name, &src.description, None)?;
            let secrets = s.secrets(&src.id)?;
            for sec in &secrets {
                let value = self.open_current(&src, &src_key, sec)?;
                let mut copy = sec.clone();
                copy.id = crypto::random_id();
                // A provider-backed secret's copy keeps its value in the same provider.
                self.insert_with_value(&dst, &dst_key, &mut copy, &value, &mut undo)?;
            }
            Ok((dst, secrets.len()))
        });
        undo.settle(r)
    }
}
