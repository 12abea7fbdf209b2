//! A demoted owner with a patched client (issue 12, no replay; found by an independent review):
//! besides putting their old, validly signed owner row back, they sign a members list of their
//! own that includes it, with their own key. The test plays that client through the library's
//! public pieces (the store, the crypto primitives), recomputing the list format by hand.
//!
//! Lists chain: list n must be signed by an owner of list n-1. So the demoted owner cannot
//! extend the real history (in the list that demoted them they are no owner), and a rival list
//! n, forked from n-1 where they still were, is refused by every computer that saw list n.

mod common;

use std::path::Path;

use common::team::*;
use common::*;
use predicates::str::contains;
use vault::crypto::{self, domain, Envelope, UserKeys};
use vault::store::{HeadRow, Store};

const VALUE: &str = "forged-list-value-2b7e90";

/// Opens `user`'s key envelope with their passphrase, as their own client would.
fn keys_of(store: &Store, vault_id: &str, user: &str) -> UserKeys {
    let u = store.user_by_name(user).unwrap().expect("user");
    let kek = u.kdf.derive(pass_of(user).as_bytes(), &u.salt).expect("kdf");
    let ad = crypto::ad(
        domain::USER_ENVELOPE,
        &[vault_id.as_bytes(), u.id.as_bytes(), u.name.as_bytes(), &u.kdf.to_ad(), &u.salt],
    );
    let pt = crypto::open(&kek, &u.envelope, &ad).expect("passphrase");
    match Envelope::parse(&pt).expect("envelope") {
        Envelope::Enrolled(k) => k,
        Envelope::Pending(_) => panic!("{user} has not enrolled"),
    }
}

/// The two hashes a project membership row has in its list (what it grants, its key wrap).
fn grant_hashes(g: &vault::store::GrantRow) -> [[u8; 32]; 2] {
    [
        crypto::digest(
            domain::HEAD_ROW,
            &[
                b"project-member",
                g.project_id.as_bytes(),
                g.user_id.as_bytes(),
                g.role.as_bytes(),
                g.granted_by.as_bytes(),
                &g.sig,
            ],
        ),
        crypto::digest(
            domain::HEAD_ROW,
            &[
                b"project-key",
                g.project_id.as_bytes(),
                g.user_id.as_bytes(),
                &g.key_epoch.to_be_bytes(),
                &crypto::sha256(&g.wrapped_key),
                g.key_signer.as_bytes(),
                &g.key_sig,
            ],
        ),
    ]
}

fn list_digest(vault_id: &str, scope: &str, seq: i64, body: &[u8], extra: &[u8], before: &[u8]) -> [u8; 32] {
    crypto::digest(domain::HEAD, &[vault_id.as_bytes(), scope.as_bytes(), &seq.to_be_bytes(), body, extra, before])
}

/// The digest of the list a stored list carries as its `prev`.
fn prev_digest(vault_id: &str, scope: &str, seq: i64, prev: &[u8]) -> [u8; 32] {
    let mut parts = Vec::new();
    let mut rest = prev;
    for _ in 0..5 {
        let len = u32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
        parts.push(&rest[4..4 + len]);
        rest = &rest[4 + len..];
    }
    list_digest(vault_id, scope, seq, parts[0], parts[1], parts[4])
}

/// Signs, as `user`, a list of project `pid`'s current rows at number `seq`, chained to `prev`
/// (a stored list's `prev` blob, or a list encoded as the next one carries it).
fn forge(home: &Path, user: &str, pid: &str, seq: i64, prev: Vec<u8>, before: [u8; 32]) {
    let store = Store::open(&vault::store::Location::parse(&vault_location(home)).unwrap()).unwrap();
    let vault_id = String::from_utf8(store.meta("vault_id").unwrap().unwrap()).unwrap();
    let keys = keys_of(&store, &vault_id, user);
    let scope = format!("project:{pid}");
    let mut hashes: Vec<[u8; 32]> = store.grants(pid).unwrap().iter().flat_map(grant_hashes).collect();
    hashes.sort_unstable();
    hashes.dedup();
    let body = hashes.concat();
    let digest = list_digest(&vault_id, &scope, seq, &body, &[], &before);
    let sig = keys.sign(domain::HEAD, &[&digest]);
    let me = store.user_by_name(user).unwrap().unwrap().id;
    store.put_head(&HeadRow { scope, seq, body, extra: Vec::new(), signer: me, sig, prev }).unwrap();
}

fn encode(h: &HeadRow, before: &[u8; 32]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in [h.body.as_slice(), &h.extra, h.signer.as_bytes(), &h.sig, before] {
        out.extend_from_slice(&(part.len() as u32).to_be_bytes());
        out.extend_from_slice(part);
    }
    out
}

/// alice and bob own api; alice demotes bob. Returns bob's saved owner row.
fn demoted_bob() -> (tempfile::TempDir, String, String) {
    let home = team(&["bob", "carol"]);
    let h = home.path();
    create_project(h, "api");
    create_secret(h, "api", "DB_PASS", VALUE);
    add_member(h, "alice", "api", "bob", "owner");
    let bob = user_id(h, "bob");
    let owner_row = saved_rows(h, "project_members", &format!("user_id = '{bob}'"));
    add_member(h, "alice", "api", "bob", "viewer");
    // Alice's computer has now seen the list that demoted bob.
    alice(h).args(["project", "show", "api"]).assert().success();
    let pid = project_id(h, "api");
    (home, owner_row, pid)
}

#[test]
fn a_demoted_owner_cannot_sign_their_old_row_into_the_next_list() {
    let (home, owner_row, pid) = demoted_bob();
    let h = home.path();
    store_sql(h, &owner_row);
    // Bob extends the real history: list n+1 over list n, the one that made him a viewer.
    let store = Store::open(&vault::store::Location::parse(&vault_location(h)).unwrap()).unwrap();
    let vault_id = String::from_utf8(store.meta("vault_id").unwrap().unwrap()).unwrap();
    let scope = format!("project:{pid}");
    let cur = store.head(&scope).unwrap().unwrap();
    let before_cur = prev_digest(&vault_id, &scope, cur.seq - 1, &cur.prev);
    let d_cur = list_digest(&vault_id, &scope, cur.seq, &cur.body, &cur.extra, &before_cur);
    drop(store);
    forge(h, "bob", &pid, cur.seq + 1, encode(&cur, &before_cur), d_cur);
    // Refused everywhere, a computer that never saw the file included (the copy takes the WAL
    // in, where the forged list is).
    let other = second_computer(h);
    for home in [h, other.path()] {
        let out = as_user(home, "bob")
            .args(["project", "member", "add", "api", "carol", "--role", "owner"])
            .assert()
            .code(7)
            .stderr(contains("the members of project 'api' (signed by someone who had no right in the list before)"))
            .get_output()
            .clone();
        assert_no_value(&out, &[VALUE]);
        assert_eq!(grant_count(home, "api", "carol"), 0);
    }
}

#[test]
fn a_rival_list_forked_before_the_demotion_is_refused_where_the_demotion_was_seen() {
    let (home, owner_row, pid) = demoted_bob();
    let h = home.path();
    store_sql(h, &owner_row);
    // Bob forks: a rival list n over list n-1, where he still was an owner.
    let store = Store::open(&vault::store::Location::parse(&vault_location(h)).unwrap()).unwrap();
    let scope = format!("project:{pid}");
    let cur = store.head(&scope).unwrap().unwrap();
    let vault_id = String::from_utf8(store.meta("vault_id").unwrap().unwrap()).unwrap();
    let before = prev_digest(&vault_id, &scope, cur.seq - 1, &cur.prev);
    drop(store);
    forge(h, "bob", &pid, cur.seq, cur.prev.clone(), before);
    // Alice's computer saw list n: the rival is refused before anything runs.
    let out = alice(h)
        .args(["secret", "get", "DB_PASS", "--project", "api", "--reveal"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(contains(format!("project 'api' is not the one seen at change {}", cur.seq)))
        .get_output()
        .clone();
    assert_no_value(&out, &[VALUE]);
    alice(h).args(["project", "member", "add", "api", "carol", "--role", "owner"]).assert().code(7);
    assert_eq!(grant_count(h, "api", "carol"), 0);
}
