//! The `vault` binary: parse, run, map the error to an exit code. Nothing else.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    vault::sys::harden();
    let cli = vault::cli::Cli::parse();
    match vault::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`vault secret list | head`) is not an error.
            if let vault::Error::Io { source, .. } = &e {
                if source.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("vault: error: {e}");
            if let Some(h) = e.hint() {
                eprintln!("vault: hint: {h}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}
