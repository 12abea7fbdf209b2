//! The domain: an unlocked [`Vault`] acting as one user, and what that user may do with projects
//! and secrets. Access is cryptographic: reading a project's secrets needs the project key wrapped
//! to the user's recipient, and every row that gives access is signed and checked against the
//! admin-signed roster before it is used.
//!
//! This module knows nothing of clap, terminals or output formats.

pub mod names;
mod project;
mod secret;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use zeroize::Zeroizing;

pub use project::{ProjectInfo, ProjectSummary};
pub use secret::{SecretEdit, SecretInfo, SecretValue, VersionInfo, MAX_VALUE_LEN};

use crate::crypto::{self, domain, KdfParams, Key32, PublicKeys, UserKeys};
use crate::store::{self, GrantRow, ProjectRow, Store, UserRow};
use crate::{Error, Result};

/// A member's role in a project, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Reads values and runs programs with them.
    Viewer,
    /// Also creates, edits and deletes secrets.
    Editor,
    /// Also manages members, renames and deletes the project.
    Owner,
}

impl Role {
    /// The stored and displayed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Owner => "owner",
        }
    }

    /// Parses a stored role name.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "viewer" => Some(Role::Viewer),
            "editor" => Some(Role::Editor),
            "owner" => Some(Role::Owner),
            _ => None,
        }
    }
}

/// A vault unlocked by one user.
pub struct Vault {
    store: Store,
    vault_id: String,
    me: UserRow,
    keys: UserKeys,
    /// Users whose roster signature has been checked in this process.
    verified: RefCell<HashMap<String, PublicKeys>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("path", &self.store.path())
            .field("user", &self.me.name)
            .finish()
    }
}

fn vault_id(store: &Store) -> Result<String> {
    let id = store
        .meta("vault_id")?
        .ok_or_else(|| Error::tampered("the vault id"))?;
    String::from_utf8(id).map_err(|_| Error::tampered("the vault id"))
}

fn envelope_ad(vault_id: &str, u: &UserRow) -> Vec<u8> {
    crypto::ad(
        domain::USER_ENVELOPE,
        &[
            vault_id.as_bytes(),
            u.id.as_bytes(),
            u.name.as_bytes(),
            &u.kdf.to_ad(),
            &u.salt,
            u.recipient.as_bytes(),
            &u.verifying_key,
        ],
    )
}

fn roster_parts<'a>(vault_id: &'a str, u: &'a UserRow, admin: &'a [u8; 1]) -> [&'a [u8]; 6] {
    [
        vault_id.as_bytes(),
        u.id.as_bytes(),
        u.name.as_bytes(),
        u.recipient.as_bytes(),
        &u.verifying_key,
        admin,
    ]
}

/// Seals a user's keys under a KEK derived from `passphrase`, filling the row's envelope fields.
fn seal_envelope(
    vault_id: &str,
    u: &mut UserRow,
    keys: &UserKeys,
    passphrase: &[u8],
    kdf: KdfParams,
) -> Result<()> {
    kdf.check().map_err(Error::Usage)?;
    let mut salt = [0u8; crypto::SALT_LEN];
    crypto::random_bytes(&mut salt);
    u.kdf = kdf;
    u.salt = salt.to_vec();
    let kek = kdf.derive(passphrase, &salt).map_err(Error::Usage)?;
    u.envelope = crypto::seal(&kek, &keys.to_plaintext(), &envelope_ad(vault_id, u));
    Ok(())
}

/// Opens a user's envelope with their passphrase.
fn open_envelope(vault_id: &str, u: &UserRow, passphrase: &[u8]) -> Result<UserKeys> {
    u.kdf.check().map_err(|reason| Error::KdfRefused {
        user: u.name.clone(),
        reason,
    })?;
    let kek = u
        .kdf
        .derive(passphrase, &u.salt)
        .map_err(|reason| Error::KdfRefused {
            user: u.name.clone(),
            reason,
        })?;
    let pt = crypto::open(&kek, &u.envelope, &envelope_ad(vault_id, u)).map_err(|_| {
        Error::WrongPassphrase {
            user: u.name.clone(),
        }
    })?;
    UserKeys::from_plaintext(&pt)
        .map_err(|_| Error::tampered(format!("user '{}' key envelope", u.name)))
}

/// The id a project gets: it commits to its creator's verifying key, so nobody else can later
/// claim to have created it and sign themselves in as owner.
fn project_id_for(creator_vk: &[u8], nonce: &[u8]) -> String {
    hex::encode(&crypto::digest(domain::PROJECT_ID, &[creator_vk, nonce])[..16])
}

/// What a passphrase-less unlock needs: opens the store and returns it with the user's row.
pub fn open_store(path: &Path) -> Result<Store> {
    Store::open(path)
}

impl Vault {
    /// Creates a new vault file with `user` as its first user and vault admin.
    pub fn init(path: &Path, user: &str, passphrase: &[u8], kdf: KdfParams) -> Result<Vault> {
        names::check_user(user)?;
        kdf.check().map_err(Error::Usage)?;
        let store = Store::create(path)?;
        let result = (|| {
            let vault_id = crypto::random_id();
            let keys = UserKeys::generate(None);
            let pubk = keys.public();
            let now = store::now();
            let id = crypto::random_id();
            let mut row = UserRow {
                id: id.clone(),
                name: user.to_owned(),
                is_admin: true,
                recipient: pubk.recipient.to_string(),
                verifying_key: pubk.verifying.as_bytes().to_vec(),
                kdf,
                salt: Vec::new(),
                envelope: Vec::new(),
                roster_signer: id.clone(),
                roster_sig: Vec::new(),
                created_by: id,
                created_at: now,
                modified_at: now,
            };
            row.roster_sig = keys.sign(domain::ROSTER, &roster_parts(&vault_id, &row, &[1]));
            seal_envelope(&vault_id, &mut row, &keys, passphrase, kdf)?;
            store.write(|s| {
                s.set_meta("vault_id", vault_id.as_bytes())?;
                s.insert_user(&row)
            })?;
            Ok(Vault {
                store,
                vault_id,
                me: row,
                keys,
                verified: RefCell::default(),
            })
        })();
        if result.is_err() {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
        result
    }

    /// Unlocks with a passphrase.
    pub fn unlock(store: Store, user: &str, passphrase: &[u8]) -> Result<Vault> {
        let vault_id = vault_id(&store)?;
        let me = store
            .user_by_name(user)?
            .ok_or_else(|| Error::UnknownUser {
                user: user.to_owned(),
            })?;
        let keys = open_envelope(&vault_id, &me, passphrase)?;
        Self::with_keys(store, vault_id, me, keys)
    }

    /// Unlocks with keys recovered from a session; they must match the user's stored row.
    pub fn unlock_with_keys(
        store: Store,
        session_vault_id: &str,
        user_id: &str,
        keys: UserKeys,
    ) -> Result<Vault> {
        let vault_id = vault_id(&store)?;
        if vault_id != session_vault_id {
            return Err(Error::Session(format!(
                "is for another vault file than {}",
                store.path().display()
            )));
        }
        let me = store
            .user_by_id(user_id)?
            .ok_or_else(|| Error::Session("names a user who no longer exists".into()))?;
        Self::with_keys(store, vault_id, me, keys)
    }

    fn with_keys(store: Store, vault_id: String, me: UserRow, keys: UserKeys) -> Result<Vault> {
        let pubk = keys.public();
        // Our own row must carry the keys our envelope holds: a swapped recipient would make
        // others grant keys to an attacker.
        if me.recipient != pubk.recipient.to_string()
            || me.verifying_key != pubk.verifying.as_bytes()
        {
            return Err(Error::tampered(format!("user '{}' public keys", me.name)));
        }
        let v = Vault {
            store,
            vault_id,
            me,
            keys,
            verified: RefCell::default(),
        };
        v.verify_user(&v.me.clone(), 0)?;
        Ok(v)
    }

    /// The vault file's store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The vault's random id.
    pub fn id(&self) -> &str {
        &self.vault_id
    }

    /// The acting user.
    pub fn me(&self) -> &UserRow {
        &self.me
    }

    /// The acting user's keys (for sealing a session).
    pub fn keys(&self) -> &UserKeys {
        &self.keys
    }

    /// Changes the acting user's passphrase and optionally KDF parameters: re-seals one row.
    pub fn change_passphrase(
        &mut self,
        new_passphrase: &[u8],
        kdf: Option<KdfParams>,
    ) -> Result<()> {
        let mut row = self.me.clone();
        seal_envelope(
            &self.vault_id,
            &mut row,
            &self.keys,
            new_passphrase,
            kdf.unwrap_or(self.me.kdf),
        )?;
        row.modified_at = store::now();
        self.store.write(|s| s.update_user_envelope(&row))?;
        self.me = row;
        Ok(())
    }

    /// Checks a user's public keys against the roster: signed by a vault admin whose own row
    /// verifies, down to the admin key pinned in our envelope.
    fn verify_user(&self, u: &UserRow, depth: usize) -> Result<PublicKeys> {
        if let Some(k) = self.verified.borrow().get(&u.id) {
            return Ok(k.clone());
        }
        let what = || format!("user '{}' roster entry", u.name);
        if depth > 8 {
            return Err(Error::tampered(what()));
        }
        let keys = PublicKeys::parse(&u.recipient, &u.verifying_key)
            .map_err(|_| Error::tampered(what()))?;
        let admin = [u8::from(u.is_admin)];
        let parts = roster_parts(&self.vault_id, u, &admin);
        let signer_vk = if u.roster_signer == u.id {
            // Only the root admin signs themselves, and the root is whoever our envelope pins.
            if keys.verifying != self.keys.admin_vk || !u.is_admin {
                return Err(Error::tampered(what()));
            }
            keys.verifying
        } else {
            let signer = self
                .store
                .user_by_id(&u.roster_signer)?
                .ok_or_else(|| Error::tampered(what()))?;
            if !signer.is_admin {
                return Err(Error::tampered(what()));
            }
            self.verify_user(&signer, depth + 1)?.verifying
        };
        crypto::verify(&signer_vk, &u.roster_sig, domain::ROSTER, &parts)
            .map_err(|_| Error::tampered(what()))?;
        self.verified
            .borrow_mut()
            .insert(u.id.clone(), keys.clone());
        Ok(keys)
    }

    /// A user's verified public keys, by id.
    fn user_keys(&self, user_id: &str) -> Result<PublicKeys> {
        if let Some(k) = self.verified.borrow().get(user_id) {
            return Ok(k.clone());
        }
        let u = self
            .store
            .user_by_id(user_id)?
            .ok_or_else(|| Error::tampered("a grant's signer"))?;
        self.verify_user(&u, 0)
    }

    fn grant_sig_parts(&self, g: &GrantRow) -> Vec<Vec<u8>> {
        use sha2::Digest;
        vec![
            self.vault_id.as_bytes().to_vec(),
            g.project_id.as_bytes().to_vec(),
            g.user_id.as_bytes().to_vec(),
            g.role.as_bytes().to_vec(),
            g.key_epoch.to_be_bytes().to_vec(),
            sha2::Sha256::digest(&g.wrapped_key).to_vec(),
            g.granted_by.as_bytes().to_vec(),
        ]
    }

    fn grant_key_parts(&self, project_id: &str, user_id: &str, epoch: i64) -> [Vec<u8>; 4] {
        [
            self.vault_id.as_bytes().to_vec(),
            project_id.as_bytes().to_vec(),
            user_id.as_bytes().to_vec(),
            epoch.to_be_bytes().to_vec(),
        ]
    }

    /// Makes a signed grant of `key` to `user` in `project`, signed by us.
    fn make_grant(
        &self,
        project: &ProjectRow,
        user: &UserRow,
        role: Role,
        key: &Key32,
    ) -> Result<GrantRow> {
        let keys = self.verify_user(user, 0)?;
        let kp = self.grant_key_parts(&project.id, &user.id, project.key_epoch);
        let kp: Vec<&[u8]> = kp.iter().map(Vec::as_slice).collect();
        let mut g = GrantRow {
            project_id: project.id.clone(),
            user_id: user.id.clone(),
            role: role.as_str().to_owned(),
            key_epoch: project.key_epoch,
            wrapped_key: crypto::wrap_key(&keys.recipient, key, domain::PROJECT_GRANT, &kp),
            granted_by: self.me.id.clone(),
            sig: Vec::new(),
            created_at: store::now(),
        };
        let sp = self.grant_sig_parts(&g);
        let sp: Vec<&[u8]> = sp.iter().map(Vec::as_slice).collect();
        g.sig = self.keys.sign(domain::PROJECT_GRANT_SIG, &sp);
        Ok(g)
    }

    /// Verifies a grant row: its signature, and that its signer was allowed to make it (the
    /// project's committed creator granting themselves ownership, or an owner whose own grant
    /// verifies). Returns the role. A grant that fails is tampering, never used.
    fn verify_grant(&self, project: &ProjectRow, g: &GrantRow, depth: usize) -> Result<Role> {
        let what = || format!("membership of project '{}'", project.name);
        if depth > 16 || g.project_id != project.id || g.key_epoch != project.key_epoch {
            return Err(Error::tampered(what()));
        }
        let role = Role::parse(&g.role).ok_or_else(|| Error::tampered(what()))?;
        if project
            .personal_of
            .as_deref()
            .is_some_and(|p| p != g.user_id)
        {
            return Err(Error::tampered(what()));
        }
        let signer = self.user_keys(&g.granted_by)?;
        let sp = self.grant_sig_parts(g);
        let sp: Vec<&[u8]> = sp.iter().map(Vec::as_slice).collect();
        crypto::verify(&signer.verifying, &g.sig, domain::PROJECT_GRANT_SIG, &sp)
            .map_err(|_| Error::tampered(what()))?;
        if g.granted_by == g.user_id {
            // A self-grant is valid only as the creator's ownership, and the project id commits
            // to the creator's key.
            let creator_ok = g.user_id == project.created_by
                && role == Role::Owner
                && project.id == project_id_for(signer.verifying.as_bytes(), &project.id_nonce);
            if !creator_ok {
                return Err(Error::tampered(what()));
            }
        } else {
            let granter = self
                .store
                .grant(&project.id, &g.granted_by)?
                .ok_or_else(|| Error::tampered(what()))?;
            if self.verify_grant(project, &granter, depth + 1)? != Role::Owner {
                return Err(Error::tampered(what()));
            }
        }
        Ok(role)
    }

    /// Our verified role in a project, or permission denied.
    fn my_role(&self, project: &ProjectRow) -> Result<(Role, GrantRow)> {
        let g =
            self.store
                .grant(&project.id, &self.me.id)?
                .ok_or_else(|| Error::PermissionDenied {
                    user: self.me.name.clone(),
                    lacks: format!("is not a member of project '{}'", project_label(project)),
                })?;
        let role = self.verify_grant(project, &g, 0)?;
        Ok((role, g))
    }

    /// Requires at least `need` in `project`; returns our grant.
    fn require(&self, project: &ProjectRow, need: Role, doing: &str) -> Result<GrantRow> {
        let (role, g) = self.my_role(project)?;
        if role < need {
            return Err(Error::PermissionDenied {
                user: self.me.name.clone(),
                lacks: format!(
                    "is {} {} of project '{}'; {doing} needs {} {}",
                    article(role.as_str()),
                    role.as_str(),
                    project_label(project),
                    article(need.as_str()),
                    need.as_str()
                ),
            });
        }
        Ok(g)
    }

    /// Unwraps the project key from our grant.
    fn project_key(&self, project: &ProjectRow, grant: &GrantRow) -> Result<Key32> {
        let kp = self.grant_key_parts(&project.id, &self.me.id, grant.key_epoch);
        let kp: Vec<&[u8]> = kp.iter().map(Vec::as_slice).collect();
        crypto::unwrap_key(
            self.keys.identity(),
            &grant.wrapped_key,
            domain::PROJECT_GRANT,
            &kp,
        )
        .map_err(|_| Error::tampered(format!("the key of project '{}'", project_label(project))))
    }

    /// Finds a project by name, or the acting user's personal project for `None`.
    fn project(&self, name: &str) -> Result<ProjectRow> {
        self.store
            .project_by_name(name)?
            .filter(|p| p.personal_of.is_none())
            .ok_or_else(|| Error::NotFound {
                kind: "project",
                name: names::printable(name),
                scope: None,
            })
    }

    fn personal_name(&self) -> String {
        format!("@{}", self.me.name)
    }

    /// Our personal project, if it exists yet.
    fn personal_project(&self) -> Result<Option<ProjectRow>> {
        Ok(self
            .store
            .project_by_name(&self.personal_name())?
            .filter(|p| p.personal_of.as_deref() == Some(&self.me.id)))
    }
}

/// "a" or "an" before a role name.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// A project's name as users know it ('@alice' shows as "alice's private secrets").
pub fn project_label(p: &ProjectRow) -> String {
    p.name.clone()
}

/// Which project a command acts on.
#[derive(Debug, Clone)]
pub enum Scope {
    /// A named shared project.
    Project(String),
    /// The acting user's personal project.
    Private,
}

/// Zeroized passphrase bytes.
pub type Passphrase = Zeroizing<Vec<u8>>;
