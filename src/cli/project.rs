//! `vault project ...`

use clap::Subcommand;
use serde::Serialize;

use super::context::confirm_delete;
use super::Ctx;
use crate::output::{self, clean, json_time, note, table_time};
use crate::vault::ProjectSummary;
use crate::{Error, Result};

/// Project commands.
#[derive(Debug, Subcommand)]
pub enum ProjectCmd {
    /// Create a project; you become its owner
    #[command(
        after_help = "Example:\n  vault project create ml-pipeline --description \"training jobs\"\n\n\
Names: 3-63 Latin letters, digits, '-' and '_'; first a letter; last not '-' or '_'."
    )]
    Create {
        /// Project name
        name: String,
        /// What the project is for (stored in clear)
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List the projects you are a member of
    List,
    /// Show a project: metadata, members, number of secrets
    Show {
        /// Project name
        name: String,
    },
    /// Rename a project or change its description (owner)
    #[command(
        after_help = "Example:\n  vault project edit ml-pipeline --rename training --description \"GPU jobs\""
    )]
    Edit {
        /// Project name
        name: String,
        /// New name
        #[arg(long, value_name = "NEW")]
        rename: Option<String>,
        /// New description
        #[arg(long)]
        description: Option<String>,
    },
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

fn io(e: std::io::Error) -> Error {
    Error::io("cannot write output", e)
}

pub fn run(ctx: &Ctx, cmd: ProjectCmd) -> Result<()> {
    let v = ctx.unlock()?;
    let style = ctx.style;
    match cmd {
        ProjectCmd::Create { name, description } => {
            let p = v.create_project(&name, &description)?;
            if style.json {
                let s = ProjectSummary {
                    creator: v.me().name.clone(),
                    row: p,
                    role: crate::vault::Role::Owner,
                    secrets: 0,
                };
                output::print_json(&to_json(&s)).map_err(io)?;
            } else {
                note(
                    style,
                    &format!("created project '{}' (id {})", p.name, p.id),
                );
            }
        }
        ProjectCmd::List => {
            let list = v.list_projects()?;
            if style.json {
                output::print_json(&list.iter().map(to_json).collect::<Vec<_>>()).map_err(io)?;
            } else {
                let mut t = output::table(
                    style,
                    &[
                        "NAME",
                        "DESCRIPTION",
                        "ROLE",
                        "SECRETS",
                        "CREATOR",
                        "CREATED",
                        "MODIFIED",
                    ],
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
                output::print_table(
                    &t,
                    "no projects yet: create one with `vault project create NAME`",
                )
                .map_err(io)?;
            }
        }
        ProjectCmd::Show { name } => {
            let info = v.show_project(&name)?;
            let p = &info.summary;
            if style.json {
                let mut j = to_json(p);
                j.members = Some(
                    info.members
                        .iter()
                        .map(|(u, r)| MemberJson {
                            user: u,
                            role: r.as_str(),
                        })
                        .collect(),
                );
                output::print_json(&j).map_err(io)?;
            } else {
                let members = info
                    .members
                    .iter()
                    .map(|(u, r)| format!("{u} ({})", r.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ");
                output::print_fields(&[
                    ("ID", p.row.id.clone()),
                    ("Name", p.row.name.clone()),
                    ("Description", clean(&p.row.description)),
                    ("Your role", p.role.as_str().to_owned()),
                    ("Secrets", p.secrets.to_string()),
                    ("Members", members),
                    ("Creator", p.creator.clone()),
                    ("Created", format!("{} UTC", table_time(p.row.created_at))),
                    ("Modified", format!("{} UTC", table_time(p.row.modified_at))),
                ])
                .map_err(io)?;
            }
        }
        ProjectCmd::Edit {
            name,
            rename,
            description,
        } => {
            if rename.is_none() && description.is_none() {
                return Err(Error::Usage(
                    "nothing to change: pass --rename NEW and/or --description TEXT".into(),
                ));
            }
            let p = v.edit_project(&name, rename.as_deref(), description.as_deref())?;
            note(style, &format!("updated project '{}'", p.name));
        }
        ProjectCmd::Clone { name, new_name } => {
            let (p, n) = v.clone_project(&name, &new_name)?;
            note(
                style,
                &format!(
                    "cloned project '{name}' to '{}' with {n} secret(s) (id {})",
                    p.name, p.id
                ),
            );
        }
        ProjectCmd::Delete { name, yes } => {
            // Check it exists and we may delete it before asking.
            v.show_project(&name)?;
            confirm_delete(yes, &format!("project '{name}' and all its secrets"), &name)?;
            let s = v.delete_project(&name)?;
            note(
                style,
                &format!(
                    "deleted project '{}' and its {} secret(s)",
                    s.row.name, s.secrets
                ),
            );
        }
    }
    Ok(())
}
