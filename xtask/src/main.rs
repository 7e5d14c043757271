//! `cargo xtask`: see the library's documentation for the commands.

use std::process::ExitCode;

fn main() -> ExitCode {
    // `args_os`: a non-UTF-8 argument is reported by `run` (status 2), not a panic here.
    let status = xtask::run(
        std::env::args_os().skip(1),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    ExitCode::from(status)
}
