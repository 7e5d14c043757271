//! `cargo xtask`: the maintainer's single entry point. The binary is a thin wrapper around
//! [`run`], so tests drive the exact command-line behaviour in-process.
//!
//! ```text
//! cargo xtask codegen [--model PATH]... [--service SHAPE_ID] [--operations A,B,...]
//!                     [--out DIR] [--crate-name NAME] [--check] [--timings]
//! cargo xtask verify-models --dir DIR [--cases DIR]
//! cargo xtask protocol-tests --dir DIR
//! cargo xtask bloat [--release] [--lines-only] [--json PATH] [--keep]
//! cargo xtask mutants [--known] [CARGO_MUTANTS_ARGS...]
//! cargo xtask fuzz-models [--count N] [--seed S] [--settled]
//! ```
//!
//! Every subcommand reads its flags with the same parser (`cli`): `--flag value` and
//! `--flag=value` are the same, `-h`/`--help` prints the usage, and a mistake exits 2.

pub mod bloat;
pub mod cache_pack;
mod cli;
pub mod format;
pub mod fuzz_models;
pub mod mutants;
pub mod print_memo;
pub mod protocol_tests;
pub mod verify_models;

use cli::{Long, Parsed, Parser, Short, Value, ValueExt};
use codegen::PlanOptions;
use codegen::{output, workspace_root, Options};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
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

/// The top-level help: every command, then the default command's options.
const COMMANDS: &str = "\
usage: cargo xtask <COMMAND> [OPTIONS]

commands:
  codegen          generate a crate from a Smithy model (the default job; options below)
  verify-models    generate, build and test a crate for each model of a directory
  protocol-tests   run an awsJson compliance suite against generated crates
  bloat            compare build time and code size with aws-sdk-kms
  mutants          run cargo-mutants on the generated crate, or the known mutations
  fuzz-models      generate, build and property-test random valid Smithy models

`cargo xtask <COMMAND> --help` gives a command's options.
";

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

pub use cli::{FAILURE, SUCCESS, USAGE_ERROR};

/// Runs `cargo xtask` with `args` (without the program name); returns the exit status.
/// Every argument must be UTF-8; one that is not is a command-line mistake (status 2).
pub fn run<I>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    let args = match cli::utf8_args(args) {
        Ok(args) => args,
        Err(message) => return cli::usage_error(&message, USAGE, err),
    };
    let mut parser = Parser::from_args(args);
    let command = match parser.next() {
        Ok(Some(Value(command))) => command.string().unwrap_or_default(),
        Ok(Some(Short('h') | Long("help"))) => "--help".to_owned(),
        Ok(Some(Short(flag))) => format!("-{flag}"),
        Ok(Some(Long(flag))) => format!("--{flag}"),
        Ok(None) => return cli::usage_error("no command given", USAGE, err),
        Err(error) => return cli::usage_error(&cli::message(error), USAGE, err),
    };
    match command.as_str() {
        "codegen" => cli::dispatch(&mut parser, USAGE, parse_codegen, codegen, out, err),
        "verify-models" => verify_models::run(&mut parser, out, err),
        "bloat" => bloat::run(&mut parser, out, err),
        "protocol-tests" => protocol_tests::run(&mut parser, out, err),
        "mutants" => mutants::run(&mut parser, out, err),
        "fuzz-models" => fuzz_models::run(&mut parser, out, err),
        "--help" | "help" => {
            let _ = writeln!(out, "{COMMANDS}\n{USAGE}");
            SUCCESS
        }
        other => cli::usage_error(&format!("unknown command `{other}`"), USAGE, err),
    }
}

/// Parses the `codegen` flags.
fn parse_codegen(parser: &mut Parser) -> Result<Parsed<CodegenArgs>, cli::Error> {
    let mut parsed = CodegenArgs::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("model") => parsed.models.push(PathBuf::from(parser.value()?)),
            Long("service") => parsed.service = Some(parser.value()?.string()?),
            Long("operations") => {
                let list: Vec<String> = parser
                    .value()?
                    .string()?
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                if list.is_empty() {
                    return Err("--operations needs at least one operation name".into());
                }
                parsed.operations.get_or_insert_with(Vec::new).extend(list);
            }
            Long("out") => parsed.out = Some(PathBuf::from(parser.value()?)),
            Long("crate-name") => {
                let name = parser.value()?.string()?;
                if let Err(why) = cli::check_package_name(&name) {
                    return Err(format!(
                        "--crate-name `{name}` is not a valid package name: {why}"
                    )
                    .into());
                }
                parsed.crate_name = Some(name);
            }
            Long("check") => parsed.check = true,
            Long("timings") => parsed.timings = true,
            Short('h') | Long("help") => return Ok(Parsed::Help),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Parsed::Run(parsed))
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
    // A directory that holds a model, or anything else the generator did not write, is
    // refused before any work (and again, should it change meanwhile, when writing).
    if !args.check {
        let refused = output::ownership::refuse_overlap(&out, &models)
            .err()
            .or_else(|| output::ownership::inspect(&out).err()?.ok());
        if let Some(refusal) = refused {
            return refuse(&display_path(&out), &refusal, err);
        }
    }
    let options = Options {
        models,
        plan: PlanOptions {
            service: args.service,
            operations: args.operations,
            crate_name: args.crate_name,
        },
    };
    // Unchanged files are taken from the cache instead of being formatted again.
    let cache = root.join("target/codegen-cache");
    let (generation, rustfmt) = match format::generate(&options, Some(&cache)) {
        Ok(formatted) => (formatted.generation, formatted.rustfmt),
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
        match write_output(&generation.files, &out, &shown, err) {
            Some(outcome) => outcome.to_string(),
            None => return FAILURE,
        }
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
            rustfmt.as_millis()
        );
    }
    SUCCESS
}

/// Writes the crate to `out` unless `out` is not the generator's to replace; prints the notes
/// and any error. `None` when nothing, or not all, was written.
fn write_output(
    files: &std::collections::BTreeMap<String, String>,
    out: &Path,
    shown: &str,
    err: &mut dyn Write,
) -> Option<output::Outcome> {
    let result = output::write_atomically(files, out);
    let notes = match &result {
        Ok(written) => &written.notes,
        Err(error) => &error.notes,
    };
    for note in notes {
        let _ = writeln!(err, "note: {note}");
    }
    match result {
        Ok(written) => Some(written.outcome),
        Err(error) => {
            match &error.problem {
                output::Problem::Refused(refusal) => {
                    refuse(shown, refusal, err);
                }
                output::Problem::Unchanged(cause) => {
                    let _ = writeln!(err, "error: cannot write {shown} (left unchanged): {cause}");
                }
                _ => {
                    let _ = writeln!(err, "error: cannot write {shown}: {error}");
                }
            }
            None
        }
    }
}

/// Prints why `shown` is not written; returns [`FAILURE`].
fn refuse(shown: &str, refusal: &output::ownership::Refusal, err: &mut dyn Write) -> u8 {
    let _ = writeln!(
        err,
        "error: will not write {shown}: {refusal} (nothing was changed)"
    );
    FAILURE
}

/// Writes a crate into a directory below the workspace's `target/`, which only this tool
/// writes: a crate left there by a version of the tool that wrote no manifest is removed
/// first (it could not be recognised otherwise). Elsewhere, as [`output::write_atomically`].
pub(crate) fn write_scratch_crate(
    files: &std::collections::BTreeMap<String, String>,
    dir: &Path,
) -> std::io::Result<()> {
    let below_target = dir.starts_with(workspace_root().join("target"));
    if below_target && dir.is_dir() && !dir.join(output::manifest::MANIFEST).exists() {
        std::fs::remove_dir_all(dir)?;
    }
    output::write_atomically(files, dir)?;
    Ok(())
}

/// A path as the user would write it: relative to the current directory when below it.
fn display_path(path: &Path) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    match cwd.and_then(|cwd| absolute.strip_prefix(&cwd).ok().map(|p| p.to_path_buf())) {
        Some(relative) if !relative.as_os_str().is_empty() => format!("{}/", relative.display()),
        _ => path.display().to_string(),
    }
}
