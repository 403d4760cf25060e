//! The `livret` command: arguments → terminal settings → the command → exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match livret::cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    cli.terminal().install();
    livret::cli::run(cli.command).into()
}
