//! `cargo xtask`: see the library's documentation for the commands.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = xtask::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(status)
}
