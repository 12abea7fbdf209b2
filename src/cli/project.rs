//! `vault project ...`

use clap::Subcommand;
use serde::Serialize;

use super::context::confirm_delete;
use super::Ctx;
use crate::output::{self, clean, json_time, table_time, Text};
use crate::vault::{names, ProjectSummary, Role, TokenScope};
use crate::{Error, Result};

/// Project commands.
#[derive(Debug, Subcommand)]
pub enum ProjectCmd {
    /// Create a project; you become its owner
    #[command(after_help = "Example:\n  vault project create ml-pipeline --description \"training jobs\"\n\n\
Names: 3-63 Latin letters, digits, '-' and '_'; first a letter; last not '-' or '_'.")]
    Create {
        /// Project name
        name: String,
        /// What the project is for (stored in clear)
        #[arg(long, default_value = "")]
        description: String,
        /// Community the project belongs to (you must be a member)
        #[arg(long, value_name = "C")]
        community: Option<String>,
    },
    /// List the projects you are a member of
    List,
    /// Show a project: metadata, members, number of secrets
    Show {
        /// Project name
        name: String,
    },
    /// Rename a project or change its description (owner)
    #[command(after_help = "Example:\n  vault project edit ml-pipeline --rename training --description \"GPU jobs\"")]
    Edit {
        /// Project name
        name: String,
        /// New name
        #[arg(long, value_name = "NEW")]
        rename: Option<String>,
        /// New description
        #[arg(long)]
        description: Option<String>,
        /// Move the project into community C (you must be a member)
        #[arg(long, value_name = "C", conflicts_with = "no_community")]
        community: Option<String>,
        /// Take the project out of its community
        #[arg(long)]
        no_community: bool,
    },
    /// Add, remove and list a project's members (owner manages)
    #[command(subcommand)]
    Member(MemberCmd),
    /// Copy a project's secrets into a new project (new ids and keys; history not copied)
    #[command(after_help = "Example:\n  vault project clone ml-pipeline --name ml-staging")]
    Clone {
        /// Project to copy
        name: String,
        /// Name of the new project
        #[arg(long = "name", value_name = "NEW")]
        new_name: String,
    },
    /// Delete a project and every secret in it (owner)
    #[command(after_help = "Example:\n  vault project delete old-project --yes")]
    Delete {
        /// Project name
        name: String,
        /// Do not ask; required without a terminal
        #[arg(long)]
        yes: bool,
    },
}

/// Project member commands.
#[derive(Debug, Subcommand)]
pub enum MemberCmd {
    /// Grant a user a role in the project (owner); the project key is wrapped to them
    #[command(after_help = "Example:\n  vault project member add vision bob --role editor\n\n\
Roles: owner (members, delete), editor (create, edit, delete secrets), viewer (read and run).")]
    Add {
        /// Project
        project: String,
        /// User
        #[arg(value_name = "USER")]
        member: String,
        /// Role
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// Remove a member (owner) and rotate the project's keys
    #[command(after_help = "Removal rotates the project key and re-seals secrets under new data keys, so the\n\
member cannot open values written afterwards. Values they already saw stay known to them.")]
    Remove {
        /// Project
        project: String,
        /// User
        #[arg(value_name = "USER")]
        member: String,
    },
    /// List members and roles
    List {
        /// Project
        project: String,
    },
}

/// A project role.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RoleArg {
    /// Members and delete, and everything an editor does
    Owner,
    /// Create, edit and delete secrets, and everything a viewer does
    Editor,
    /// Read values and run programs with them
    Viewer,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Owner => Role::Owner,
            RoleArg::Editor => Role::Editor,
            RoleArg::Viewer => Role::Viewer,
        }
    }
}

/// A project in `--json` output.
#[derive(Serialize)]
struct ProjectJson<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    role: &'a str,
    secrets: i64,
    created_by: &'a str,
    created_at: String,
    modified_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<Vec<MemberJson<'a>>>,
}

#[derive(Serialize)]
struct MemberJson<'a> {
    user: &'a str,
    role: &'a str,
}

fn to_json(p: &ProjectSummary) -> ProjectJson<'_> {
    ProjectJson {
        id: &p.row.id,
        name: &p.row.name,
        description: &p.row.description,
        role: p.role.as_str(),
        secrets: p.secrets,
        created_by: &p.creator,
        created_at: json_time(p.row.created_at),
        modified_at: json_time(p.row.modified_at),
        members: None,
    }
}

fn members_json<'a>(members: &'a [(String, Role)]) -> Vec<MemberJson<'a>> {
    members.iter().map(|(u, r)| MemberJson { user: u, role: r.as_str() }).collect()
}

pub(crate) fn run(ctx: &Ctx, cmd: ProjectCmd) -> Result<()> {
    // The new names first: no passphrase is asked for before they are known good.
    match &cmd {
        ProjectCmd::Create { name, .. } | ProjectCmd::Edit { rename: Some(name), .. } => names::check("project", name)?,
        ProjectCmd::Clone { new_name, .. } => names::check("project", new_name)?,
        _ => {}
    }
    let v = ctx.unlock()?;
    let style = ctx.style;
    match cmd {
        ProjectCmd::Create { name, description, community } => {
            let p = v.create_project(&name, &description, community.as_deref())?;
            let s = ProjectSummary { creator: v.me().name.clone(), row: p, role: Role::Owner, secrets: 0 };
            output::show(
                style,
                || to_json(&s),
                || Text::Done(format!("created project '{}' (id {})", s.row.name, s.row.id)),
            )
        }
        ProjectCmd::List => {
            let list = v.list_projects()?;
            output::show(
                style,
                || list.iter().map(to_json).collect::<Vec<_>>(),
                || {
                    let mut t = output::table(
                        style,
                        &["NAME", "DESCRIPTION", "ROLE", "SECRETS", "CREATOR", "CREATED", "MODIFIED"],
                    );
                    for p in &list {
                        t.add_row(vec![
                            p.row.name.clone(),
                            clean(&p.row.description),
                            p.role.as_str().to_owned(),
                            p.secrets.to_string(),
                            p.creator.clone(),
                            table_time(p.row.created_at),
                            table_time(p.row.modified_at),
                        ]);
                    }
                    Text::Table(t, "no projects yet: create one with `vault project create NAME`")
                },
            )
        }
        ProjectCmd::Show { name } => {
            let info = v.show_project(&name)?;
            let p = &info.summary;
            output::show(
                style,
                || ProjectJson { members: Some(members_json(&info.members)), ..to_json(p) },
                || {
                    let members = info.members.iter().map(|(u, r)| format!("{u} ({})", r.as_str())).collect::<Vec<_>>();
                    Text::Fields(
                        vec![
                            ("ID", p.row.id.clone()),
                            ("Name", p.row.name.clone()),
                            ("Description", clean(&p.row.description)),
                            ("Your role", p.role.as_str().to_owned()),
                            ("Secrets", p.secrets.to_string()),
                            ("Members", members.join(", ")),
                            ("Creator", p.creator.clone()),
                            ("Created", format!("{} UTC", table_time(p.row.created_at))),
                            ("Modified", format!("{} UTC", table_time(p.row.modified_at))),
                        ],
                        String::new(),
                    )
                },
            )
        }
        ProjectCmd::Edit { name, rename, description, community, no_community } => {
            let community = if no_community { Some(None) } else { community.as_deref().map(Some) };
            if rename.is_none() && description.is_none() && community.is_none() {
                return Err(Error::Usage(
                    "nothing to change: pass --rename NEW, --description TEXT, --community C or --no-community".into(),
                ));
            }
            let p = v.edit_project(&name, rename.as_deref(), description.as_deref(), community)?;
            output::done(style, &format!("updated project '{}'", p.name));
            Ok(())
        }
        ProjectCmd::Member(MemberCmd::Add { project, member: user, role }) => {
            v.add_project_member(&project, &user, role.into())?;
            output::done(style, &format!("'{user}' is now {} of project '{project}'", Role::from(role).as_str()));
            Ok(())
        }
        ProjectCmd::Member(MemberCmd::Remove { project, member: user }) => {
            v.remove_project_member(&project, &user)?;
            output::done(style, &format!("removed '{user}' from project '{project}'; its keys were rotated"));
            super::provider::warn_kept_tokens(style, &user, &v.tokens_reachable_in(TokenScope::Project(&project))?);
            Ok(())
        }
        ProjectCmd::Member(MemberCmd::List { project }) => {
            let members = v.project_members(&project)?;
            output::show(
                style,
                || members_json(&members),
                || {
                    let mut t = output::table(style, &["USER", "ROLE"]);
                    for (u, r) in &members {
                        t.add_row(vec![u.clone(), r.as_str().to_owned()]);
                    }
                    Text::Table(t, "no members")
                },
            )
        }
        ProjectCmd::Clone { name, new_name } => {
            let (p, n) = v.clone_project(&name, &new_name)?;
            output::done(style, &format!("cloned project '{name}' to '{}' with {n} secret(s) (id {})", p.name, p.id));
            Ok(())
        }
        ProjectCmd::Delete { name, yes } => {
            // Check it exists and we may delete it before asking.
            v.show_project(&name)?;
            confirm_delete(yes, &format!("project '{name}' and all its secrets"), &name)?;
            let s = v.delete_project(&name)?;
            output::done(style, &format!("deleted project '{}' and its {} secret(s)", s.row.name, s.secrets));
            Ok(())
        }
    }
}
