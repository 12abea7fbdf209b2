//! The audit log (DESIGN.md section 9): an append-only table where each event carries an
//! HMAC-SHA256, under the vault's audit key, over the event and the MAC before it. Removing or
//! editing an event breaks the chain and `vault audit --verify` reports it. Events written before
//! an unlock (a failed passphrase) cannot be MACed; the next MACed event covers them, so they
//! cannot be removed unnoticed once it exists. Never a value, passphrase or token.
//!
//! The MAC key is shared by every user, so since format 2 each event is also signed by the
//! user who acted, over the event and its MAC: nobody can write an event in another user's
//! name. Events of format 1 (before the first signed one) carry no signature.

use super::{names, Vault};
use crate::crypto::{self, domain, Key32, Sha256, SigningKey};
use crate::store::{self, AuditRow, Store};
use crate::{Error, Result};

/// One event as shown.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub row: AuditRow,
    /// Whether its own MAC and its user's signature cover it (run `audit --verify` to check
    /// them); a failed unlock, written before any key, never is.
    pub authenticated: bool,
}

/// What an event is about. Resource and project are names, never values.
#[derive(Debug, Clone, Default)]
pub struct EventSpec {
    pub action: String,
    pub project: String,
    pub resource: String,
}

fn event_digest(e: &AuditRow) -> Vec<u8> {
    crypto::ad(
        domain::AUDIT,
        &[
            &e.seq.to_be_bytes(),
            &e.at.to_be_bytes(),
            e.user_name.as_bytes(),
            e.action.as_bytes(),
            e.project.as_bytes(),
            e.resource.as_bytes(),
            e.outcome.as_bytes(),
        ],
    )
}

fn chain_mac(key: &[u8; 32], vault_id: &str, prev: &[u8], pending: &[AuditRow], e: &AuditRow) -> Vec<u8> {
    let mut covered = Sha256::new();
    for p in pending {
        covered.update(crypto::sha256(event_digest(p)));
    }
    let covered = covered.finalize();
    crypto::hmac_sha256(key, &crypto::ad(domain::AUDIT, &[vault_id.as_bytes(), prev, &covered, &event_digest(e)]))
        .to_vec()
}

fn next_seq(store: &Store) -> Result<i64> {
    store.next_audit_seq()
}

/// What an unlock leaves for the audit: enough to append MACed events after the command,
/// whatever its outcome.
#[derive(Debug)]
pub struct AuditSigner {
    vault_id: String,
    user: String,
    key: Key32,
    signing: SigningKey,
}

/// What a user's signature on an event covers: the vault, the event and its MAC.
fn sig_parts<'a>(vault_id: &'a str, digest: &'a [u8], mac: &'a [u8]) -> [&'a [u8]; 3] {
    [vault_id.as_bytes(), digest, mac]
}

/// Appends an event in its own transaction: MACed into the chain when `signer` is given, else
/// unauthenticated (a failed unlock, covered by the next MACed event). Returns the MACed
/// event's (number, MAC), which the client remembers (`crate::state`).
pub(crate) fn append(
    store: &Store,
    signer: Option<&AuditSigner>,
    user: &str,
    spec: &EventSpec,
    outcome: &str,
) -> Result<Option<(i64, Vec<u8>)>> {
    let event = |seq: i64, last: Option<(i64, Vec<u8>)>, pending: Vec<AuditRow>| -> Result<AuditRow> {
        let mut row = AuditRow {
            seq,
            at: store::now(),
            user_name: signer.map_or(user, |g| g.user.as_str()).to_owned(),
            action: spec.action.clone(),
            project: spec.project.clone(),
            resource: spec.resource.clone(),
            outcome: outcome.to_owned(),
            mac: None,
            sig: None,
        };
        if let Some(g) = signer {
            let prev_mac = last.map(|l| l.1).unwrap_or_default();
            let mac = chain_mac(g.key.expose(), &g.vault_id, &prev_mac, &pending, &row);
            row.sig = Some(g.signing.sign(domain::AUDIT_SIG, &sig_parts(&g.vault_id, &event_digest(&row), &mac)));
            row.mac = Some(mac);
        }
        Ok(row)
    };
    // On a database, the end of the log the command's snapshot saw: one round trip if no
    // other event came since (checked under the write lock), else the usual way.
    if signer.is_some() {
        if let Some(row) = store.append_audit_at_tail(event)? {
            return Ok(row.mac.map(|m| (row.seq, m)));
        }
    }
    store.write(|s| {
        let seq = next_seq(s)?;
        let (last, pending) = match signer {
            Some(_) => {
                let last = s.last_audit_mac()?;
                let pending = s.audit_after(last.as_ref().map_or(0, |l| l.0))?;
                (last, pending)
            }
            None => (None, Vec::new()),
        };
        let row = event(seq, last, pending)?;
        let seq = s.append_audit(&row)?;
        Ok(row.mac.map(|m| (seq, m)))
    })
}

impl Vault {
    /// The acting user's right to append MACed events.
    pub fn audit_signer(&self) -> AuditSigner {
        AuditSigner {
            vault_id: self.vault_id.clone(),
            user: self.me.name.clone(),
            key: Key32::from_bytes(*self.keys.audit_key.expose()),
            signing: self.keys.signing_key(),
        }
    }

    /// Appends a MACed event by the acting user.
    pub fn record(&self, spec: &EventSpec, outcome: &str) -> Result<()> {
        append(&self.store, Some(&self.audit_signer()), &self.me.name, spec, outcome).map(|_| ())
    }

    /// Checks the whole chain. Returns (events, events not covered by any MAC yet).
    pub fn verify_audit(&self) -> Result<(usize, usize)> {
        let events = self.store.audit_after(0)?;
        let mut prev = Vec::new();
        let mut pending: Vec<AuditRow> = Vec::new();
        // Every MACed event from the file's boundary on (bound into the roster's signed list)
        // must be signed, and once an event is signed, every MACed event after it.
        let boundary = self.signed_from()?;
        let mut signed_from = None;
        for (i, e) in events.iter().enumerate() {
            if e.seq != i as i64 + 1 {
                return Err(Error::tampered(format!("the audit log (event {} is missing)", i + 1)));
            }
            match &e.mac {
                None if e.sig.is_some() => return Err(bad_event(e, "signed but not MACed")),
                // Only a failed unlock is written without a key; anything else unMACed was
                // slipped into the file (the next MAC covers that it was there, not who wrote it).
                None if !e.outcome.starts_with("failed: ") => {
                    return Err(bad_event(e, "neither MACed nor a failed unlock"))
                }
                None => pending.push(e.clone()),
                Some(mac) => {
                    let want = chain_mac(self.keys.audit_key.expose(), &self.vault_id, &prev, &pending, e);
                    // Constant time, as any MAC comparison should be.
                    if !crypto::mac_eq(&want, mac) {
                        return Err(Error::tampered(format!(
                            "the audit log (event {} or one before it was edited or removed)",
                            e.seq
                        )));
                    }
                    match &e.sig {
                        Some(sig) => {
                            self.verify_event_sig(e, mac, sig)?;
                            signed_from.get_or_insert(e.seq);
                        }
                        None if signed_from.is_some() || boundary.is_some_and(|b| e.seq >= b) => {
                            return Err(bad_event(e, "not signed by its user"))
                        }
                        None => {}
                    }
                    prev = mac.clone();
                    pending.clear();
                }
            }
        }
        // AUTOINCREMENT keeps the highest sequence number ever used in sqlite_sequence: events
        // cut off the end leave a gap between it and the last event. (An attacker who edits
        // sqlite_sequence too is not caught: that is a rollback of the file's tail.)
        // A database keeps no such number: there the computers' memory of the events they
        // appended catches a cut tail (`crate::state`).
        let high = self.store.audit_high_water()?;
        if let Some(high) = high.filter(|h| *h != events.len() as i64) {
            return Err(Error::tampered(format!(
                "the audit log ({} event(s) recorded, {} present)",
                high,
                events.len()
            )));
        }
        Ok((events.len(), pending.len()))
    }

    /// The first event that must be signed by its user (bound into the roster's signed list).
    fn signed_from(&self) -> Result<Option<i64>> {
        Ok(self
            .store
            .meta(crate::store::AUDIT_SIGNED_FROM)?
            .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok())
            .map(i64::from_be_bytes))
    }

    /// Checks that an event was signed by the user it names, whose roster entry verifies.
    fn verify_event_sig(&self, e: &AuditRow, mac: &[u8], sig: &[u8]) -> Result<()> {
        let user = self.store.user_by_name(&e.user_name)?.ok_or_else(|| bad_event(e, "names no user of the vault"))?;
        let keys = self.verify_user(&user, 0).map_err(|_| bad_event(e, "its user's roster entry does not verify"))?;
        let digest = event_digest(e);
        crypto::verify(&keys.verifying, sig, domain::AUDIT_SIG, &sig_parts(&self.vault_id, &digest, mac))
            .map_err(|_| bad_event(e, &format!("not signed by '{}'", names::printable(&e.user_name))))
    }

    /// Events, oldest first, filtered by time (Unix seconds), user and project.
    pub fn audit_events(
        &self,
        since: Option<i64>,
        user: Option<&str>,
        project: Option<&str>,
    ) -> Result<Vec<AuditEvent>> {
        let events = self.store.audit_after(0)?;
        let boundary = self.signed_from()?.unwrap_or(1);
        Ok(events
            .into_iter()
            .filter(|e| since.is_none_or(|t| e.at >= t))
            .filter(|e| user.is_none_or(|u| e.user_name == u))
            .filter(|e| project.is_none_or(|p| e.project == p))
            // Only a MACed, signed event says who wrote it (before a migrated file's boundary,
            // format 1's MAC alone); a failed unlock (no key yet) is shown as unauthenticated
            // even once a later MAC covers that it was there.
            .map(|row| AuditEvent {
                authenticated: row.mac.is_some() && (row.sig.is_some() || row.seq < boundary),
                row,
            })
            .collect())
    }
}

/// The first bad event, named in the error.
fn bad_event(e: &AuditRow, why: &str) -> Error {
    Error::tampered(format!(
        "the audit log (event {}, '{}' by '{}': {why})",
        e.seq,
        names::printable(&e.action),
        names::printable(&e.user_name)
    ))
}
