//! `vault`: a command-line secret manager with a local encrypted vault.
//!
//! A vault is one SQLite file. Each user unlocks with their own passphrase (Argon2id); each
//! secret's value is sealed with XChaCha20-Poly1305 under its own data key, which is sealed under
//! its project's key, which is wrapped to each member's age X25519 recipient. Rows that grant
//! access are signed and checked against an admin-signed roster. Values are printed as `***`
//! unless asked for, and never appear in errors, logs or argv.
//!
//! Layers, each knowing only those below: `cli` → `vault` (domain) → `store` (SQLite) and
//! `crypto`; `provider` talks to OpenBao / Vault KV v2; `mask` finds values in any form (masking `run`'s output, `scan`); `output` renders; `session` keeps scripts
//! unlocked; `sys` holds the libc calls.

#![warn(unreachable_pub)]

pub mod cli;
pub(crate) mod config;
pub mod crypto;
pub mod error;
pub mod formats;
pub mod mask;
pub(crate) mod offline;
pub mod output;
pub(crate) mod provider;
pub mod run;
pub mod scan;
pub mod session;
pub(crate) mod state;
pub mod store;
pub mod sys;
pub mod template;
pub(crate) mod vault;

pub use error::{Error, Result};
