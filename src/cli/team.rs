//! `vault user ...`, `vault community ...` and `vault audit`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::context::confirm_delete;
use super::setup::KdfArgs;
use super::Ctx;
use crate::crypto::KdfParams;
use crate::output::{self, clean, json_time, table_time, Text};
use crate::vault::TokenScope;
use crate::{Error, Result};

/// User commands (the vault admin manages users).
#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Add a user (vault admin). They choose their own keys at their first unlock
    #[command(
        after_help = "Examples:\n  vault user add bob --new-passphrase-file bob.pass\n  vault user add carol --admin          # prompts for carol's passphrase twice\n\n\
The new user unlocks once (any command) to make their own keys; until then nothing can be\n\
granted to them. Compare fingerprints from `vault user list` with them out of band."
    )]
    Add {
        /// User name
        name: String,
        /// Read the new user's first passphrase from FILE instead of a prompt
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
        #[command(flatten)]
        kdf: KdfArgs,
        /// Make them a vault admin too
        #[arg(long)]
        admin: bool,
    },
    /// List users: role, status, key fingerprint
    List,
    /// Remove a user (vault admin): they can no longer unlock; their private secrets are deleted
    Remove {
        /// User name
        name: String,
        /// Do not ask; required without a terminal
        #[arg(long)]
        yes: bool,
    },
    /// Make a user a vault admin or not (vault admin)
    Role {
        /// User name
        name: String,
        /// Grant the vault admin role
        #[arg(long, conflicts_with = "no_admin", required_unless_present = "no_admin")]
        admin: bool,
        /// Take the vault admin role away
        #[arg(long)]
        no_admin: bool,
    },
}

/// Community commands.
#[derive(Debug, Subcommand)]
pub enum CommunityCmd {
    /// Create a community; you become its first admin
    #[command(after_help = "Example:\n  vault community create research --description \"ML research\"")]
    Create {
        /// Community name
        name: String,
        /// What it is for (stored in clear)
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List communities
    List,
    /// Show a community: its projects, members and shared secrets (members only)
    Show {
        /// Community name
        name: String,
    },
    /// Rename a community or change its description (community admin)
    Edit {
        /// Community name
        name: String,
        /// New name
        #[arg(long, value_name = "NEW")]
        rename: Option<String>,
        /// New description
        #[arg(long)]
        description: Option<String>,
    },
    /// Delete a community (community admin): its shares end and its projects leave it
    Delete {
        /// Community name
        name: String,
        /// Do not ask; required without a terminal
        #[arg(long)]
        yes: bool,
    },
    /// Add, remove and list members (community admins manage)
    #[command(subcommand)]
    Member(CommunityMemberCmd),
}

/// Community member commands.
#[derive(Debug, Subcommand)]
pub enum CommunityMemberCmd {
    /// Add a member, or change their admin flag (community admin)
    #[command(after_help = "Example:\n  vault community member add research bob --admin")]
    Add {
        /// Community
        community: String,
        /// User
        #[arg(value_name = "USER")]
        member: String,
        /// Make them a community admin (they can share secrets and manage members)
        #[arg(long)]
        admin: bool,
    },
    /// Remove a member (community admin); the community key is rotated
    Remove {
        /// Community
        community: String,
        /// User
        #[arg(value_name = "USER")]
        member: String,
    },
    /// List members
    List {
        /// Community
        community: String,
    },
}

/// `vault audit`
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  vault audit --since 2026-11-01 --user bob\n  vault audit --project vision --json\n  vault audit --verify"
)]
pub struct AuditArgs {
    /// Only events at or after T (RFC 3339 time or YYYY-MM-DD, UTC)
    #[arg(long, value_name = "T", value_parser = parse_since)]
    pub since: Option<i64>,
    /// Only events by user U
    #[arg(long, value_name = "U")]
    pub by: Option<String>,
    /// Only events in project P
    #[arg(long, value_name = "P")]
    pub project: Option<String>,
    /// Check the MAC chain; exit 7 if an event was removed or edited
    #[arg(long)]
    pub verify: bool,
}

fn parse_since(s: &str) -> std::result::Result<i64, String> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = time::OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(t.unix_timestamp());
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, &fmt)
        .map(|d| d.midnight().assume_utc().unix_timestamp())
        .map_err(|_| format!("'{s}' is not a time like 2026-11-23 or 2026-11-23T10:00:00Z"))
}

pub(crate) fn user(ctx: &Ctx, cmd: UserCmd) -> Result<()> {
    let style = ctx.style;
    match cmd {
        UserCmd::Add { name, new_passphrase_file, kdf, admin } => {
            let params = kdf.params(KdfParams::DEFAULT)?;
            crate::vault::names::check_user(&name)?;
            let v = ctx.unlock()?;
            let pass = ctx.new_user_passphrase(new_passphrase_file.as_deref(), &name)?;
            v.add_user(&name, &pass, params, admin)?;
            output::done(
                style,
                &format!(
                    "added user '{name}'{}; they make their own keys at their first unlock",
                    if admin { " (vault admin)" } else { "" }
                ),
            );
        }
        UserCmd::List => {
            let v = ctx.unlock()?;
            let users = v.list_users()?;
            #[derive(Serialize)]
            struct U<'a> {
                name: &'a str,
                admin: bool,
                status: &'a str,
                fingerprint: &'a str,
                created_at: String,
            }
            output::show(
                style,
                || {
                    users
                        .iter()
                        .map(|u| U {
                            name: &u.name,
                            admin: u.is_admin,
                            status: u.status,
                            fingerprint: &u.fingerprint,
                            created_at: json_time(u.created_at),
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    let mut t = output::table(style, &["NAME", "ROLE", "STATUS", "FINGERPRINT", "CREATED"]);
                    for u in &users {
                        t.add_row(vec![
                            u.name.clone(),
                            if u.is_admin { "vault admin".into() } else { "user".into() },
                            u.status.to_owned(),
                            u.fingerprint.clone(),
                            table_time(u.created_at),
                        ]);
                    }
                    Text::Table(t, "no users")
                },
            )?;
        }
        UserCmd::Remove { name, yes } => {
            let v = ctx.unlock()?;
            confirm_delete(yes, &format!("user '{name}'"), &name)?;
            v.remove_user(&name)?;
            output::done(style, &format!("removed user '{name}'"));
        }
        UserCmd::Role { name, admin, no_admin } => {
            let v = ctx.unlock()?;
            let admin = admin && !no_admin;
            v.set_admin(&name, admin)?;
            output::done(style, &format!("'{name}' is {}a vault admin", if admin { "now " } else { "no longer " }));
        }
    }
    Ok(())
}

pub(crate) fn community(ctx: &Ctx, cmd: CommunityCmd) -> Result<()> {
    let style = ctx.style;
    // The new names first: no passphrase is asked for before they are known good.
    if let CommunityCmd::Create { name, .. } | CommunityCmd::Edit { rename: Some(name), .. } = &cmd {
        crate::vault::names::check("community", name)?;
    }
    let v = ctx.unlock()?;
    match cmd {
        CommunityCmd::Create { name, description } => {
            let c = v.create_community(&name, &description)?;
            output::done(style, &format!("created community '{}' (id {}); you are its admin", c.name, c.id));
        }
        CommunityCmd::List => {
            let list = v.list_communities()?;
            output::show(
                style,
                || {
                    list.iter()
                        .map(|(c, member, admin)| {
                            serde_json::json!({"id": c.id, "name": c.name, "description": c.description,
                                "member": member, "admin": admin, "created_at": json_time(c.created_at)})
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    let mut t = output::table(style, &["NAME", "DESCRIPTION", "YOU", "CREATED"]);
                    for (c, member, admin) in &list {
                        let you = match (member, admin) {
                            (_, true) => "admin",
                            (true, false) => "member",
                            _ => "",
                        };
                        t.add_row(vec![c.name.clone(), clean(&c.description), you.into(), table_time(c.created_at)]);
                    }
                    Text::Table(t, "no communities yet: create one with `vault community create NAME`")
                },
            )?;
        }
        CommunityCmd::Show { name } => {
            let info = v.show_community(&name)?;
            output::show(
                style,
                || {
                    serde_json::json!({
                        "id": info.row.id, "name": info.row.name, "description": info.row.description,
                        "created_by": info.creator, "created_at": json_time(info.row.created_at),
                        "modified_at": json_time(info.row.modified_at),
                        "members": info.members.iter().map(|(u, a)| serde_json::json!({"user": u, "admin": a})).collect::<Vec<_>>(),
                        "projects": info.projects,
                        "shared_secrets": info.shared.iter().map(|(s, p)| serde_json::json!({"name": s, "project": p})).collect::<Vec<_>>(),
                    })
                },
                || {
                    let members = info
                        .members
                        .iter()
                        .map(|(u, a)| if *a { format!("{u} (admin)") } else { u.clone() })
                        .collect::<Vec<_>>();
                    let shared = info.shared.iter().map(|(s, p)| format!("{s} (from {p})")).collect::<Vec<_>>();
                    Text::Fields(
                        vec![
                            ("ID", info.row.id.clone()),
                            ("Name", info.row.name.clone()),
                            ("Description", clean(&info.row.description)),
                            ("Projects", info.projects.join(", ")),
                            ("Members", members.join(", ")),
                            ("Shared secrets", shared.join(", ")),
                            ("Creator", info.creator.clone()),
                            ("Created", format!("{} UTC", table_time(info.row.created_at))),
                        ],
                        String::new(),
                    )
                },
            )?;
        }
        CommunityCmd::Edit { name, rename, description } => {
            if rename.is_none() && description.is_none() {
                return Err(Error::Usage("nothing to change: pass --rename NEW and/or --description TEXT".into()));
            }
            let c = v.edit_community(&name, rename.as_deref(), description.as_deref())?;
            output::done(style, &format!("updated community '{}'", c.name));
        }
        CommunityCmd::Delete { name, yes } => {
            v.show_community(&name)?;
            confirm_delete(yes, &format!("community '{name}'"), &name)?;
            v.delete_community(&name)?;
            output::done(style, &format!("deleted community '{name}'"));
        }
        CommunityCmd::Member(CommunityMemberCmd::Add { community, member: user, admin }) => {
            v.add_community_member(&community, &user, admin)?;
            output::done(
                style,
                &format!("'{user}' is now {} of community '{community}'", if admin { "an admin" } else { "a member" }),
            );
        }
        CommunityCmd::Member(CommunityMemberCmd::Remove { community, member: user }) => {
            v.remove_community_member(&community, &user)?;
            output::done(style, &format!("removed '{user}' from community '{community}'; its key was rotated"));
            let tokens = v.tokens_reachable_in(TokenScope::Community(&community))?;
            super::provider::warn_kept_tokens(style, &user, &tokens);
        }
        CommunityCmd::Member(CommunityMemberCmd::List { community }) => {
            let members = v.community_members(&community)?;
            output::show(
                style,
                || members.iter().map(|(u, a)| serde_json::json!({"user": u, "admin": a})).collect::<Vec<_>>(),
                || {
                    let mut t = output::table(style, &["USER", "ROLE"]);
                    for (u, a) in &members {
                        t.add_row(vec![u.clone(), if *a { "admin".into() } else { "member".into() }]);
                    }
                    Text::Table(t, "no members")
                },
            )?;
        }
    }
    Ok(())
}

pub(crate) fn audit(ctx: &Ctx, a: AuditArgs) -> Result<()> {
    let v = ctx.unlock()?;
    if a.verify {
        let (n, loose) = v.verify_audit()?;
        output::done(
            ctx.style,
            &format!(
                "audit log intact: {n} event(s) verified{}",
                if loose > 0 {
                    format!(", the last {loose} not yet covered by a MAC (failed unlocks since the last command)")
                } else {
                    String::new()
                }
            ),
        );
        return Ok(());
    }
    let events = v.audit_events(a.since, a.by.as_deref(), a.project.as_deref())?;
    output::show(
        ctx.style,
        || {
            events
                .iter()
                .map(|e| {
                    serde_json::json!({"seq": e.row.seq, "at": json_time(e.row.at), "user": e.row.user_name,
                        "action": e.row.action, "project": e.row.project, "resource": e.row.resource,
                        "outcome": e.row.outcome, "authenticated": e.authenticated})
                })
                .collect::<Vec<_>>()
        },
        || {
            let mut t =
                output::table(ctx.style, &["#", "TIME (UTC)", "USER", "ACTION", "PROJECT", "RESOURCE", "OUTCOME"]);
            for e in &events {
                t.add_row(vec![
                    e.row.seq.to_string(),
                    table_time(e.row.at),
                    clean(&e.row.user_name),
                    e.row.action.clone(),
                    clean(&e.row.project),
                    clean(&e.row.resource),
                    clean(&e.row.outcome),
                ]);
            }
            Text::Table(t, "no events")
        },
    )
}
