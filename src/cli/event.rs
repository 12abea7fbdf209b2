//! Which commands leave an audit event, and what it names: every command that reads a value,
//! changes anything, or (through the unlock) fails authentication. Names only, never values.

use super::project::{MemberCmd, ProjectCmd};
use super::provider::ProviderCmd;
use super::secret::{ScopeArgs, SecretCmd};
use super::team::{CommunityCmd, CommunityMemberCmd, UserCmd};
use super::Command;
use crate::vault::audit::EventSpec;

fn ev(action: &str, project: &str, resource: &str) -> Option<EventSpec> {
    Some(EventSpec { action: action.to_owned(), project: project.to_owned(), resource: resource.to_owned() })
}

fn scope_name(s: &ScopeArgs, default: Option<&str>) -> String {
    if s.private {
        return "(private)".into();
    }
    s.project_name(default).unwrap_or_default()
}

/// The event a command records, decided from its arguments before it runs. The matches name
/// every command (no `_` arm), so a new command does not compile until it is decided here.
pub(super) fn describe(cmd: &Command, default_project: Option<&str>) -> Option<EventSpec> {
    let p = |s: &ScopeArgs| scope_name(s, default_project);
    match cmd {
        Command::Unlock(_) => ev("unlock", "", "session"),
        Command::Passwd(_) => ev("passwd", "", ""),
        Command::Project(c) => match c {
            ProjectCmd::Create { name, .. } => ev("project create", name, ""),
            ProjectCmd::Edit { name, .. } => ev("project edit", name, ""),
            ProjectCmd::Clone { name, new_name } => ev("project clone", name, new_name),
            ProjectCmd::Delete { name, .. } => ev("project delete", name, ""),
            ProjectCmd::Member(MemberCmd::Add { project, member: user, role }) => {
                ev("project member add", project, &format!("{user} ({})", crate::vault::Role::from(*role).as_str()))
            }
            ProjectCmd::Member(MemberCmd::Remove { project, member: user }) => {
                ev("project member remove", project, user)
            }
            // Reads of names and roles only.
            ProjectCmd::List | ProjectCmd::Show { .. } | ProjectCmd::Member(MemberCmd::List { .. }) => None,
        },
        Command::Secret(c) => match c {
            SecretCmd::Create { name, scope, .. } => ev("secret create", &p(scope), name),
            SecretCmd::Edit { name, scope, .. } => ev("secret edit", &p(scope), name),
            SecretCmd::Clone { name, scope, .. } => ev("secret clone", &p(scope), name),
            SecretCmd::Delete { name, scope, .. } => ev("secret delete", &p(scope), name),
            SecretCmd::Rollback { name, scope, version } => {
                ev("secret rollback", &p(scope), &format!("{name} to v{version}"))
            }
            SecretCmd::Share { name, scope, .. } => ev("secret share", &p(scope), name),
            SecretCmd::Unshare { name, scope, .. } => ev("secret unshare", &p(scope), name),
            SecretCmd::Accept { name, project, .. } => ev("secret accept", project, name),
            SecretCmd::Unaccept { name, project, .. } => ev("secret unaccept", project, name),
            SecretCmd::Get { name, scope, reveal: true } | SecretCmd::Show { name, scope, reveal: true } => {
                ev("secret reveal", &p(scope), name)
            }
            SecretCmd::List { scope, reveal: true } => ev("secret reveal", &p(scope), "*"),
            // Masked reads: no value leaves the vault.
            SecretCmd::Get { reveal: false, .. }
            | SecretCmd::Show { reveal: false, .. }
            | SecretCmd::List { reveal: false, .. }
            | SecretCmd::History { .. } => None,
        },
        Command::Provider(c) => match c {
            ProviderCmd::Add { name, .. } => ev("provider add", "", name),
            ProviderCmd::Remove { name } => ev("provider remove", "", name),
            ProviderCmd::RotateToken { name, .. } => ev("provider rotate-token", "", name),
            // Check opens the token.
            ProviderCmd::Check { name } => ev("provider check", "", name),
            ProviderCmd::List => None,
        },
        Command::Run(a) => {
            ev("run", &p(&a.scope), &a.command.first().map(|c| c.to_string_lossy().into_owned()).unwrap_or_default())
        }
        Command::Import(a) => ev("import", &p(&a.scope), &a.file.display().to_string()),
        Command::Export(a) if a.reveal => ev("export reveal", &p(&a.scope), "*"),
        // Masked: names only.
        Command::Export(_) => None,
        // Each value rendered is its own `inject reveal` event, recorded before any is written.
        Command::Inject(a) => ev("inject", &p(&a.scope), &a.template.display().to_string()),
        // The values are looked for, never shown: one event, naming what was scanned.
        Command::Scan(a) => {
            let projects = if a.project.is_empty() && !a.private { "*".to_owned() } else { a.project.join(",") };
            let what = if a.staged {
                "git index".to_owned()
            } else if let Some(r) = &a.git {
                format!("git {}", if r.is_empty() { "--all" } else { r })
            } else if a.paths.is_empty() {
                ".".to_owned()
            } else {
                a.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" ")
            };
            ev("scan", &projects, &what)
        }
        Command::User(c) => match c {
            UserCmd::Add { name, .. } => ev("user add", "", name),
            UserCmd::Remove { name, .. } => ev("user remove", "", name),
            UserCmd::Role { name, admin, .. } => {
                ev(if *admin { "user role admin" } else { "user role no-admin" }, "", name)
            }
            UserCmd::List => None,
        },
        Command::Community(c) => match c {
            CommunityCmd::Create { name, .. } => ev("community create", "", name),
            CommunityCmd::Edit { name, .. } => ev("community edit", "", name),
            CommunityCmd::Delete { name, .. } => ev("community delete", "", name),
            CommunityCmd::Member(CommunityMemberCmd::Add { community, member: user, .. }) => {
                ev("community member add", "", &format!("{community}: {user}"))
            }
            CommunityCmd::Member(CommunityMemberCmd::Remove { community, member: user }) => {
                ev("community member remove", "", &format!("{community}: {user}"))
            }
            CommunityCmd::List | CommunityCmd::Show { .. } | CommunityCmd::Member(CommunityMemberCmd::List { .. }) => {
                None
            }
        },
        Command::Migrate(a) => ev(
            "migrate",
            "",
            &crate::store::Location::parse(a.to.as_os_str())
                .map_or_else(|_| a.to.display().to_string(), |l| l.to_string()),
        ),
        // `init` records its own event once the vault exists; the others read no value and
        // change nothing (`lock` ends a session on this computer only).
        Command::Init(_)
        | Command::Status
        | Command::Lock
        | Command::Audit(_)
        | Command::Completions { .. }
        | Command::Man { .. } => None,
    }
}
