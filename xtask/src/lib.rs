//! `cargo xtask`: the maintainer's single entry point. The binary is a thin wrapper around
//! [`run`], so tests drive the exact command-line behaviour in-process.
//!
//! ```text
//! cargo xtask codegen [--model PATH]... [--service SHAPE_ID] [--operations A,B,...]
//!                     [--out DIR] [--crate-name NAME] [--check]
//! ```

pub mod bloat;
pub mod mutants;
pub mod protocol_tests;
pub mod verify_models;

use codegen::plan::PlanOptions;
use codegen::{output, workspace_root, Options};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

const USAGE: &str = "\
usage: cargo xtask codegen [OPTIONS]

Generates a Rust crate from a Smithy 2.0 model (JSON AST or IDL). With no options it regenerates
generated/ from models/.

options:
  --model PATH          a model file (*.json or *.smithy) or a directory of them, read with its
                        subdirectories (repeatable; default: models/)
  --service SHAPE_ID    the service to generate (default: the only service in the models)
  --operations A,B,...  operation names to generate (default: all of the service's operations)
  --out DIR             where to write the crate (default: generated/)
  --crate-name NAME     the generated package's name (default: <sdkId>-api)
  --check               write nothing; exit 1 listing every stale, missing or extra file
  --timings             also print how long each stage took
  -h, --help            this text";

/// Parsed `codegen` arguments.
#[derive(Debug, Default)]
struct CodegenArgs {
    models: Vec<PathBuf>,
    service: Option<String>,
    operations: Option<Vec<String>>,
    out: Option<PathBuf>,
    crate_name: Option<String>,
    check: bool,
    timings: bool,
}

/// Exit status for success.
pub const SUCCESS: u8 = 0;
/// Exit status for a model, generation or staleness failure.
pub const FAILURE: u8 = 1;
/// Exit status for a command-line mistake.
pub const USAGE_ERROR: u8 = 2;

/// Runs `cargo xtask` with `args` (without the program name); returns the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match args.first().map(String::as_str) {
        Some("codegen") => match parse_codegen(&args[1..]) {
            Ok(Some(parsed)) => codegen(parsed, out, err),
            Ok(None) => {
                let _ = writeln!(out, "{USAGE}");
                SUCCESS
            }
            Err(message) => usage_error(&message, err),
        },
        Some("verify-models") => verify_models::run(&args[1..], out, err),
        Some("bloat") => bloat::run(&args[1..], out, err),
        Some("protocol-tests") => protocol_tests::run(&args[1..], out, err),
        Some("mutants") => mutants::run(&args[1..], out, err),
        Some("-h" | "--help" | "help") => {
            let _ = writeln!(out, "{USAGE}");
            SUCCESS
        }
        None => usage_error("no command given", err),
        Some(other) => usage_error(&format!("unknown command `{other}`"), err),
    }
}

fn usage_error(message: &str, err: &mut dyn Write) -> u8 {
    let _ = writeln!(err, "error: {message}\n\n{USAGE}");
    USAGE_ERROR
}

/// Parses the flags; `Ok(None)` means help was asked for.
fn parse_codegen(args: &[String]) -> Result<Option<CodegenArgs>, String> {
    let mut parsed = CodegenArgs::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| iter.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--model" => parsed.models.push(PathBuf::from(value("--model")?)),
            "--service" => parsed.service = Some(value("--service")?),
            "--operations" => {
                let list: Vec<String> = value("--operations")?
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                if list.is_empty() {
                    return Err("--operations needs at least one operation name".to_owned());
                }
                parsed.operations.get_or_insert_with(Vec::new).extend(list);
            }
            "--out" => parsed.out = Some(PathBuf::from(value("--out")?)),
            "--crate-name" => parsed.crate_name = Some(value("--crate-name")?),
            "--check" if inline.is_none() => parsed.check = true,
            "--timings" if inline.is_none() => parsed.timings = true,
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(Some(parsed))
}

fn codegen(args: CodegenArgs, out_stream: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let started = Instant::now();
    let root = workspace_root();
    let models = if args.models.is_empty() {
        vec![root.join("models")]
    } else {
        args.models
    };
    let out = args.out.unwrap_or_else(|| root.join("generated"));
    let options = Options {
        models,
        plan: PlanOptions {
            service: args.service,
            operations: args.operations,
            crate_name: args.crate_name,
        },
        // Unchanged files are taken from here instead of being printed and formatted again.
        format_cache: Some(root.join("target/codegen-cache")),
    };
    let generation = match codegen::generate(&options) {
        Ok(generation) => generation,
        Err(problems) => {
            let _ = writeln!(err, "{problems}");
            return FAILURE;
        }
    };
    for (operation, why) in &generation.service.skipped {
        let _ = writeln!(err, "warning: skipped operation {operation}: {why}");
    }
    for warning in &generation.service.warnings {
        let _ = writeln!(err, "warning: {warning}");
    }
    let shown = display_path(&out);
    let outcome = if args.check {
        match output::check(&generation.files, &out) {
            Ok(stale) if stale.is_empty() => "up to date".to_owned(),
            Ok(stale) => {
                let _ = writeln!(
                    err,
                    "error: {shown} is out of date with the model and the generator:"
                );
                for entry in &stale {
                    let _ = writeln!(err, "  {entry}");
                }
                let _ = writeln!(err, "run `cargo xtask codegen` and commit the result");
                return FAILURE;
            }
            Err(error) => {
                let _ = writeln!(err, "error: cannot compare with {shown}: {error}");
                return FAILURE;
            }
        }
    } else {
        if let Err(error) = output::write_atomically(&generation.files, &out) {
            let _ = writeln!(err, "error: cannot write {shown} (left unchanged): {error}");
            return FAILURE;
        }
        "written".to_owned()
    };
    let _ = writeln!(
        out_stream,
        "codegen: {} operations, {} shapes, {} files, {} lines in {} ms -> {shown} ({outcome})",
        generation.service.operations.len(),
        generation.shape_count(),
        generation.files.len(),
        generation.line_count(),
        started.elapsed().as_millis(),
    );
    if args.timings {
        let t = generation.timings;
        let _ = writeln!(
            out_stream,
            "codegen: load {} ms, plan {} ms, emit and print {} ms, rustfmt {} ms",
            t.load.as_millis(),
            t.plan.as_millis(),
            t.emit.as_millis(),
            t.format.as_millis()
        );
    }
    SUCCESS
}

/// A path as the user would write it: relative to the current directory when below it.
fn display_path(path: &std::path::Path) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    match cwd.and_then(|cwd| absolute.strip_prefix(&cwd).ok().map(|p| p.to_path_buf())) {
        Some(relative) if !relative.as_os_str().is_empty() => format!("{}/", relative.display()),
        _ => path.display().to_string(),
    }
}
