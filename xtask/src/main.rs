//! `cargo xtask`: see the library's documentation for the commands.

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

fn main() -> ExitCode {
    // A panic is a bug in this tool, never the user's doing: it gets one line saying so and
    // status 1, not a backtrace. `RUST_BACKTRACE` keeps Rust's own report, for debugging.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        panic::set_hook(Box::new(|info| {
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let place = info
                .location()
                .map(|at| format!(" ({}:{})", at.file(), at.line()))
                .unwrap_or_default();
            eprintln!("error: internal error, a bug in cargo xtask: {message}{place}");
        }));
    }
    // `args_os`: a non-UTF-8 argument is reported by `run` (status 2), not a panic here.
    let status = panic::catch_unwind(AssertUnwindSafe(|| {
        xtask::run(
            std::env::args_os().skip(1),
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )
    }));
    ExitCode::from(status.unwrap_or(xtask::FAILURE))
}
