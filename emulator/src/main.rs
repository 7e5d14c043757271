//! `kms-emulator [--listen ADDR] [--config FILE] [--state FILE] [--control]`

use kms_emulator::config::Config;
use kms_emulator::http::{serve, App};
use kms_emulator::service::Emulator;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: kms-emulator [--listen ADDR] [--config FILE] [--state FILE] [--control]

  --listen ADDR   where to listen (default 127.0.0.1:4599; port 0 picks a free port)
  --config FILE   TOML configuration (see the README's config reference)
  --state FILE    keep the state in FILE, durable across restarts (default: in memory)
  --control       enable the unauthenticated test-control API under /_emulator/";

struct Args {
    listen: String,
    config: Option<PathBuf>,
    state: Option<PathBuf>,
    control: bool,
}

fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        listen: "127.0.0.1:4599".to_owned(),
        config: None,
        state: None,
        control: false,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("listen") => args.listen = parser.value()?.string()?,
            Long("config") => args.config = Some(parser.value()?.into()),
            Long("state") => args.state = Some(parser.value()?.into()),
            Long("control") => args.control = true,
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("error: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let config = match &args.config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    // Signal handlers first, so that a SIGTERM right after the listening line is graceful.
    let shutdown = shutdown_signal()?;
    let emulator = Emulator::open(config, args.state.as_deref())?;
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .map_err(|error| format!("cannot listen on {}: {error}", args.listen))?;
    let address = listener.local_addr().map_err(|error| error.to_string())?;
    {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "listening on http://{address}").map_err(|error| error.to_string())?;
        stdout.flush().map_err(|error| error.to_string())?;
    }
    tracing::info!(%address, control = args.control, state = ?args.state, "kms-emulator started");
    serve(listener, App::new(emulator, args.control), shutdown).await;
    tracing::info!("kms-emulator stopped");
    Ok(())
}

/// SIGINT or SIGTERM, registered now and awaited later.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>, String> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt()).map_err(|error| error.to_string())?;
    let mut terminate = signal(SignalKind::terminate()).map_err(|error| error.to_string())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => tracing::info!("SIGINT: shutting down"),
            _ = terminate.recv() => tracing::info!("SIGTERM: shutting down"),
        }
    })
}
