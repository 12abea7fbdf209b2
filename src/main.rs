//! The `vault` binary: parse, run, map the error to an exit code. Nothing else.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

/// `Cli::parse()`, without dropping the clap command tree afterwards: freeing its thousands of
/// small allocations cost as much as a third of a read's CPU time before any work, and the
/// process ends soon anyway.
fn parse() -> vault::cli::Cli {
    let mut cmd = vault::cli::Cli::command();
    let mut matches = cmd.get_matches_mut();
    let cli = vault::cli::Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| e.format(&mut cmd).exit());
    std::mem::forget(matches);
    std::mem::forget(cmd);
    cli
}

fn main() -> ExitCode {
    vault::sys::harden();
    let cli = parse();
    match vault::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`vault secret list | head`) is not an error.
            if let vault::Error::Io { source, .. } = &e {
                if source.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            vault::output::say_error(&e);
            if let Some(h) = e.hint() {
                // Hints go with the error, even under -q.
                vault::output::say_error_hint(h);
            }
            ExitCode::from(e.exit_code())
        }
    }
}
