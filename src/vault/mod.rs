//! The domain: an unlocked [`Vault`] acting as one user, and what that user may do with projects
//! and secrets. Access is cryptographic: reading a project's secrets needs the project key wrapped
//! to the user's recipient, and every row that gives access is signed and checked against the
//! admin-signed roster before it is used.
//!
//! This module knows nothing of clap, terminals or output formats.

mod access;
pub(crate) mod audit;
mod heads;
mod import;
pub(crate) mod names;
mod project;
mod provider;
mod remote;
mod secret;
mod share;
mod team;
mod value;

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use zeroize::Zeroizing;

pub(crate) use crate::store::ListDetail;
pub(crate) use heads::{Position, VerifiedLists};
pub(crate) use project::ProjectSummary;
pub(crate) use provider::{NewProvider, Reach, TokenScope};
pub(crate) use secret::{NewSecret, SecretDetail, SecretEdit, SecretInfo, SecretMeta, MAX_VALUE_LEN};
pub(crate) use value::RunSecret;
pub use value::SecretValue;

use crate::crypto::{self, domain, Envelope, KdfParams, PublicKeys, UserKeys};
use crate::store::{self, GrantRow, Location, ProjectRow, Store, UserRow};
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

/// (scope id, user id, membership signature): a membership checked once per command.
type GrantKey = (String, String, Vec<u8>);

/// A vault unlocked by one user.
pub struct Vault {
    store: Rc<Store>,
    vault_id: String,
    me: UserRow,
    keys: UserKeys,
    /// Users whose roster signature has been checked in this process.
    verified: RefCell<HashMap<String, PublicKeys>>,
    /// Memberships checked in this process: (scope id, user id, signature) to the role or
    /// admin flag, so a grant is verified once per command however often it is consulted.
    grants_ok: RefCell<HashMap<GrantKey, u8>>,
    /// User names by id, for listings.
    names: RefCell<HashMap<String, String>>,
    /// Scopes whose signed list of rows was checked in this process (see `heads`).
    heads_ok: RefCell<HashSet<String>>,
    /// The sequence number of every scope's list seen in this process, for the client's memory.
    seen_heads: heads::VerifiedLists,
    /// Users enrolled since the roster's list was signed: an admin re-signs it.
    roster_stale: Cell<bool>,
    /// `vault run --max-age`: provider values are kept as offline copies, and copies no older
    /// than this many seconds stand in for a provider that cannot be reached.
    offline_max_age: Cell<Option<i64>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("location", self.store.location()).field("user", &self.me.name).finish()
    }
}

fn vault_id(store: &Store) -> Result<String> {
    let id = store.meta("vault_id")?.ok_or_else(|| Error::tampered("the vault id"))?;
    String::from_utf8(id).map_err(|_| Error::tampered("the vault id"))
}

/// The envelope's binding: its user and KDF parameters. The public keys are not in it on
/// purpose: after opening, `with_keys` compares them with the row, so a substituted key reads
/// as tampering (exit 7) rather than as a wrong passphrase.
fn envelope_ad(vault_id: &str, u: &UserRow) -> Vec<u8> {
    crypto::ad(
        domain::USER_ENVELOPE,
        &[vault_id.as_bytes(), u.id.as_bytes(), u.name.as_bytes(), &u.kdf.to_ad(), &u.salt],
    )
}

fn roster_parts<'a>(vault_id: &'a str, u: &'a UserRow, admin: &'a [u8; 1]) -> [&'a [u8]; 6] {
    roster_tuple(vault_id, u, &u.recipient, &u.verifying_key, admin)
}

/// The fields the roster signature covers.
fn roster_tuple<'a>(
    vault_id: &'a str,
    u: &'a UserRow,
    recipient: &'a str,
    vk: &'a [u8],
    admin: &'a [u8; 1],
) -> [&'a [u8]; 6] {
    [vault_id.as_bytes(), u.id.as_bytes(), u.name.as_bytes(), recipient.as_bytes(), vk, admin]
}

/// The fields an enrollment signature covers: the user's own keys.
fn enroll_parts<'a>(vault_id: &'a str, u: &'a UserRow) -> [&'a [u8]; 5] {
    [vault_id.as_bytes(), u.id.as_bytes(), u.name.as_bytes(), u.recipient.as_bytes(), &u.verifying_key]
}

fn evk_bytes(u: &UserRow) -> Option<[u8; 32]> {
    u.enroll_vk.as_deref()?.try_into().ok()
}

/// Seals a user's keys under a KEK derived from `passphrase`, filling the row's envelope fields.
fn seal_envelope(vault_id: &str, u: &mut UserRow, keys: &UserKeys, passphrase: &[u8], kdf: KdfParams) -> Result<()> {
    seal_plaintext(vault_id, u, &keys.to_plaintext(), passphrase, kdf)
}

/// Opens a user's envelope with their passphrase.
fn open_envelope(vault_id: &str, u: &UserRow, passphrase: &[u8]) -> Result<Envelope> {
    if u.envelope.is_empty() {
        return Err(Error::UnknownUser { user: format!("{} (removed)", u.name) });
    }
    u.kdf.check().map_err(|reason| Error::KdfRefused { user: u.name.clone(), reason })?;
    let kek = u.kdf.derive(passphrase, &u.salt).map_err(|reason| Error::KdfRefused { user: u.name.clone(), reason })?;
    let pt = crypto::open(&kek, &u.envelope, &envelope_ad(vault_id, u))
        .map_err(|_| Error::WrongPassphrase { user: u.name.clone() })?;
    Envelope::parse(&pt).map_err(|_| Error::tampered(format!("user '{}' key envelope", u.name)))
}

/// Seals any envelope plaintext under a fresh salt and the KEK of `passphrase`.
fn seal_plaintext(vault_id: &str, u: &mut UserRow, pt: &[u8], passphrase: &[u8], kdf: KdfParams) -> Result<()> {
    kdf.check().map_err(Error::Usage)?;
    let mut salt = [0u8; crypto::SALT_LEN];
    crypto::random_bytes(&mut salt);
    u.kdf = kdf;
    u.salt = salt.to_vec();
    let kek = kdf.derive(passphrase, &salt).map_err(Error::Usage)?;
    u.envelope = crypto::seal(&kek, pt, &envelope_ad(vault_id, u));
    Ok(())
}

/// The id a project or community gets: it commits to its creator's verifying key, so nobody else can later
/// claim to have created it and sign themselves in as owner.
fn project_id_for(creator_vk: &[u8], nonce: &[u8]) -> String {
    committed_id(domain::PROJECT_ID, creator_vk, nonce)
}

fn committed_id(dom: &str, creator_vk: &[u8], nonce: &[u8]) -> String {
    hex::encode(&crypto::digest(dom, &[creator_vk, nonce])[..16])
}

/// What a passphrase-less unlock needs: opens the store and returns it with the user's row.
pub(crate) fn open_store(location: &Location) -> Result<Store> {
    Store::open(location)
}

impl Vault {
    fn new(store: Store, vault_id: String, me: UserRow, keys: UserKeys) -> Vault {
        // Our own name is known: most secrets a user reads were written by that user.
        let names = RefCell::new([(me.id.clone(), me.name.clone())].into_iter().collect());
        Vault {
            store: Rc::new(store),
            vault_id,
            me,
            keys,
            verified: RefCell::default(),
            grants_ok: RefCell::default(),
            names,
            heads_ok: RefCell::default(),
            seen_heads: Default::default(),
            roster_stale: Cell::new(false),
            offline_max_age: Cell::new(None),
        }
    }

    /// The vault file's store, shared: the command's audit event is written on the same
    /// connection after the command, without opening the file again.
    pub fn shared_store(&self) -> Rc<Store> {
        Rc::clone(&self.store)
    }

    /// A user's name by id (cached; the id itself when the user is gone).
    pub(crate) fn user_name(&self, id: &str) -> Result<String> {
        if let Some(n) = self.names.borrow().get(id) {
            return Ok(n.clone());
        }
        let n = self.store.user_name(id)?;
        self.names.borrow_mut().insert(id.to_owned(), n.clone());
        Ok(n)
    }

    /// Creates a new vault file with `user` as its first user and vault admin.
    pub fn init(location: &Location, user: &str, passphrase: &[u8], kdf: KdfParams) -> Result<Vault> {
        names::check_user(user)?;
        kdf.check().map_err(Error::Usage)?;
        let store = Store::create(location)?;
        let result = (|| {
            let vault_id = crypto::random_id();
            let keys = UserKeys::generate(None, None);
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
                enroll_vk: None,
                enroll_sig: None,
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
            let v = Vault::new(store, vault_id, row, keys);
            v.store.write(|_| v.sign_roster_head())?;
            Ok(v)
        })();
        if result.is_err() {
            Store::discard_new(location);
        }
        result
    }

    /// Unlocks with a passphrase. A user an admin added enrolls here, at their first unlock.
    pub fn unlock(store: Store, user: &str, passphrase: &[u8]) -> Result<Vault> {
        let vault_id = vault_id(&store)?;
        let me = store.user_by_name(user)?.ok_or_else(|| Error::UnknownUser { user: user.to_owned() })?;
        match open_envelope(&vault_id, &me, passphrase)? {
            Envelope::Enrolled(keys) => Self::with_keys(store, vault_id, me, keys),
            Envelope::Pending(pending) => Self::enroll(store, vault_id, me, pending, passphrase),
        }
    }

    /// First unlock of a user an admin added: make the user's own keys, sign them with the
    /// enrollment key the admin signed, and seal them under the same passphrase.
    fn enroll(
        store: Store,
        vault_id: String,
        mut me: UserRow,
        pending: crypto::PendingKeys,
        passphrase: &[u8],
    ) -> Result<Vault> {
        // The enrollment key in the envelope must be the one the admin signed in the roster.
        if me.verifying_key != pending.enroll.verifying_key().as_bytes() || !me.recipient.is_empty() {
            return Err(Error::tampered(format!("user '{}' enrollment", me.name)));
        }
        let keys = pending.enroll();
        let pubk = keys.public();
        me.enroll_vk = Some(me.verifying_key.clone());
        me.recipient = pubk.recipient.to_string();
        me.verifying_key = pubk.verifying.as_bytes().to_vec();
        me.enroll_sig = Some(pending.enroll.sign(domain::ENROLL, &enroll_parts(&vault_id, &me)));
        let kdf = me.kdf;
        seal_envelope(&vault_id, &mut me, &keys, passphrase, kdf)?;
        me.modified_at = store::now();
        let v = Vault::new(store, vault_id, me, keys);
        v.verify_user(&v.me.clone(), 0)?;
        v.store.write(|s| s.update_user_roster(&v.me))?;
        Ok(v)
    }

    /// Unlocks with keys recovered from a session; they must match the user's stored row.
    pub fn unlock_with_keys(store: Store, session_vault_id: &str, user_id: &str, keys: UserKeys) -> Result<Vault> {
        let vault_id = vault_id(&store)?;
        if vault_id != session_vault_id {
            return Err(Error::Session(format!("is for another vault than {}", store.location())));
        }
        let me =
            store.user_by_id(user_id)?.ok_or_else(|| Error::Session("names a user who no longer exists".into()))?;
        // Revoked means revoked: a session made before its user was removed unlocks nothing.
        // Roles are not carried in the session; each command reads them from the signed roster.
        if me.envelope.is_empty() {
            return Err(Error::Session(format!("belongs to user '{}', who was removed from this vault", me.name)));
        }
        Self::with_keys(store, vault_id, me, keys)
    }

    fn with_keys(store: Store, vault_id: String, me: UserRow, keys: UserKeys) -> Result<Vault> {
        let pubk = keys.public();
        // Our own row must carry the keys our envelope holds: a swapped recipient would make
        // others grant keys to an attacker.
        if me.recipient != pubk.recipient.to_string() || me.verifying_key != pubk.verifying.as_bytes() {
            return Err(Error::tampered(format!("user '{}' public keys", me.name)));
        }
        let v = Vault::new(store, vault_id, me, keys);
        v.verify_user(&v.me.clone(), 0)?;
        Ok(v)
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
    pub fn change_passphrase(&mut self, new_passphrase: &[u8], kdf: Option<KdfParams>) -> Result<()> {
        let mut row = self.me.clone();
        seal_envelope(&self.vault_id, &mut row, &self.keys, new_passphrase, kdf.unwrap_or(self.me.kdf))?;
        row.modified_at = store::now();
        self.store.write(|s| s.update_user_envelope(&row))?;
        self.me = row;
        Ok(())
    }

    /// Checks a user's public keys against the roster: signed by a vault admin whose own row
    /// verifies, down to the admin key pinned in our envelope. A user an admin added is signed
    /// through their enrollment key. A pending user has no keys yet.
    fn verify_user(&self, u: &UserRow, depth: usize) -> Result<PublicKeys> {
        if let Some(k) = self.verified.borrow().get(&u.id) {
            return Ok(k.clone());
        }
        let what = || format!("user '{}' roster entry", u.name);
        if depth > 8 {
            return Err(Error::tampered(what()));
        }
        self.check_roster_head()?;
        let admin = [u8::from(u.is_admin)];
        // What the admin signed: the keys themselves, or (for an added user) the enrollment key.
        let signed = match &u.enroll_vk {
            Some(evk) => roster_tuple(&self.vault_id, u, "", evk, &admin),
            None => roster_tuple(&self.vault_id, u, &u.recipient, &u.verifying_key, &admin),
        };
        let signer_vk = if u.roster_signer == u.id {
            // Only the root admin signs themselves, and the root is whoever our envelope pins.
            let vk = PublicKeys::parse(&u.recipient, &u.verifying_key).map_err(|_| Error::tampered(what()))?.verifying;
            if vk != self.keys.admin_vk || !u.is_admin || u.enroll_vk.is_some() {
                return Err(Error::tampered(what()));
            }
            vk
        } else {
            let signer = self.store.user_by_id(&u.roster_signer)?.ok_or_else(|| Error::tampered(what()))?;
            if !signer.is_admin {
                return Err(Error::tampered(what()));
            }
            self.verify_user(&signer, depth + 1)?.verifying
        };
        crypto::verify(&signer_vk, &u.roster_sig, domain::ROSTER, &signed).map_err(|_| Error::tampered(what()))?;
        if u.recipient.is_empty() {
            return Err(Error::NotEnrolled { user: u.name.clone() });
        }
        let keys = PublicKeys::parse(&u.recipient, &u.verifying_key).map_err(|_| Error::tampered(what()))?;
        if u.enroll_vk.is_some() {
            let b = evk_bytes(u).ok_or_else(|| Error::tampered(what()))?;
            let evk = crypto::parse_verifying_key(&b).map_err(|_| Error::tampered(what()))?;
            let sig = u.enroll_sig.as_deref().ok_or_else(|| Error::tampered(what()))?;
            crypto::verify(&evk, sig, domain::ENROLL, &enroll_parts(&self.vault_id, u))
                .map_err(|_| Error::tampered(what()))?;
        }
        self.verified.borrow_mut().insert(u.id.clone(), keys.clone());
        Ok(keys)
    }

    /// A user's verified public keys, by id.
    fn user_keys(&self, user_id: &str) -> Result<PublicKeys> {
        if let Some(k) = self.verified.borrow().get(user_id) {
            return Ok(k.clone());
        }
        let u = self.store.user_by_id(user_id)?.ok_or_else(|| Error::tampered("a grant's signer"))?;
        self.verify_user(&u, 0)
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
                    project.name,
                    article(need.as_str()),
                    need.as_str()
                ),
            });
        }
        Ok(g)
    }

    /// Finds a project by name, or the acting user's personal project for `None`.
    fn project(&self, name: &str) -> Result<ProjectRow> {
        self.store.project_by_name(name)?.filter(|p| p.personal_of.is_none()).ok_or_else(|| Error::NotFound {
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
        Ok(self.store.project_by_name(&self.personal_name())?.filter(|p| p.personal_of.as_deref() == Some(&self.me.id)))
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

/// What [`Vault::verify_everything`] checked.
#[derive(Debug, Default, Clone, Copy)]
pub struct Verified {
    /// Audit events whose MAC chain (and signatures) held.
    pub events: usize,
    /// Projects (the user's private one included) whose signed lists and grants held.
    pub projects: usize,
    /// Values opened (every version a listing opens: the current one of each secret).
    pub values: usize,
    /// Communities whose signed lists held.
    pub communities: usize,
}

impl Vault {
    /// The same vault in another store (a copy of this one), unlocked as this user with the
    /// keys already open: no passphrase again.
    pub fn reopen(&self, store: Store) -> Result<Vault> {
        let keys = UserKeys::from_plaintext(&self.keys.to_plaintext())
            .map_err(|_| Error::Corrupt("the keys of this unlock do not round-trip".into()))?;
        Vault::unlock_with_keys(store, &self.vault_id, &self.me.id, keys)
    }

    /// Checks everything this user can: the audit log (MAC chain and signatures), the roster,
    /// the signed list of every project and community they belong to, every grant on the way,
    /// and every secret's current value they can read (each opened, none kept).
    pub fn verify_everything(&self) -> Result<Verified> {
        let mut done = Verified { events: self.verify_audit()?.0, ..Verified::default() };
        let mut scopes: Vec<Scope> = self.list_projects()?.into_iter().map(|p| Scope::Project(p.row.name)).collect();
        scopes.push(Scope::Private);
        for scope in &scopes {
            done.values += self.list_secrets(scope, true)?.len();
            done.projects += 1;
        }
        for (c, member, _) in self.list_communities()? {
            if member {
                self.show_community(&c.name)?;
                done.communities += 1;
            }
        }
        Ok(done)
    }
}
