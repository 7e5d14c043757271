//! `cargo xtask bloat`: what the generated crate costs to build and to read, side by side with
//! the official aws-sdk-kms, measured in one run.
//!
//! - **Clean build** (with dependencies): a copy of `generated/` as a standalone crate (an
//!   empty `[workspace]` table appended to its `Cargo.toml`), and a minimal crate that
//!   depends on aws-sdk-kms (`default-features = false`, features `rt-tokio` and
//!   `behavior-version-latest`, so no TLS stack) and calls the six custom key store
//!   operations through `aws_sdk_kms::Client`. Each is built with `cargo build --offline`
//!   in its own fresh `CARGO_TARGET_DIR`, one after the other, timed wall-clock. Both copy
//!   the workspace's `Cargo.lock`, so they build the same dependency versions as the
//!   workspace. Debug (the `dev` profile, what `cargo build` gives) always; release too
//!   with `--release`.
//! - **Incremental rebuild** of the generated crate: after its clean debug build, a comment
//!   is appended to one file of the copy and `cargo build` runs again.
//! - **Code lines** (the rules are in `lines.rs`): every Rust file of the generated crate (it
//!   holds exactly the six operations, plus its protocol support) against aws-sdk-kms's
//!   source files for the same six operations (which files, `scope.rs`); and the same
//!   without the model-independent runtime: the generated files that are verbatim copies of
//!   `codegen/runtime/src`, identical whatever the model (listed in the report).
//!
//! Dependencies are fetched once (`cargo fetch`, which needs crates.io only when the
//! registry cache lacks a crate); the timed builds then run `--offline`. `RUSTC_WRAPPER`
//! is removed from the builds' environment so that no compiler cache shortens a clean build.
//! Where aws-sdk-kms's source lives and which version was built, `cargo metadata` says
//! (`metadata.rs`).
//!
//! | file | what |
//! | --- | --- |
//! | `mod.rs` | the command: flags, and the order of the measurements |
//! | `builds.rs` | running cargo: fetch, timed clean builds, the load average |
//! | `peer.rs` | the crate on aws-sdk-kms that is built for comparison |
//! | `metadata.rs` | package facts from `cargo metadata --format-version 1` |
//! | `scope.rs` | which files count on each side |
//! | `lines.rs` | what counts as a line of code |
//! | `report.rs` | the table, and the JSON written with `--json` |

mod builds;
mod lines;
mod metadata;
mod peer;
mod report;
mod scope;

use crate::cli::{Long, Parsed, Parser, Short};
use report::Figures;
use std::io::Write;
use std::path::{Path, PathBuf};

const USAGE: &str = "\
usage: cargo xtask bloat [OPTIONS]

Measures, side by side with aws-sdk-kms, the generated crate's clean build time (with its
dependencies, each in a fresh target directory), its incremental rebuild after touching one
file, and the lines of Rust code for the six custom key store operations, with and without
the model-independent runtime (the files copied verbatim from codegen/runtime/src).

options:
  --rounds N     clean debug builds per side, alternating ours and aws-sdk-kms (1 to 9,
                 default 3); each figure is the median of its side's rounds
  --release      also time clean release builds (`cargo build --release`)
  --lines-only   count lines only; build nothing
  --json PATH    also write the figures as JSON to PATH
  --keep         keep the temporary crates and target directories (their path is printed)
  -h, --help     this text";

/// The generated file that the incremental rebuild touches.
const TOUCHED_FILE: &str = "src/operations/create_custom_key_store.rs";

/// Clean debug builds per side when `--rounds` is not given: a single build on a shared
/// machine can be off by a tenth, and the median of three is not.
const DEFAULT_ROUNDS: usize = 3;

/// Parsed `bloat` arguments.
#[derive(Debug, PartialEq)]
struct BloatArgs {
    rounds: usize,
    release: bool,
    lines_only: bool,
    json: Option<PathBuf>,
    keep: bool,
}

impl Default for BloatArgs {
    fn default() -> Self {
        BloatArgs {
            rounds: DEFAULT_ROUNDS,
            release: false,
            lines_only: false,
            json: None,
            keep: false,
        }
    }
}

fn parse(parser: &mut Parser) -> Result<Parsed<BloatArgs>, crate::cli::Error> {
    let mut parsed = BloatArgs::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("rounds") => {
                let value = parser.value()?;
                let value = value.to_string_lossy();
                parsed.rounds = match value.parse::<usize>() {
                    Ok(rounds @ 1..=9) => rounds,
                    _ => {
                        return Err(
                            format!("--rounds needs a number from 1 to 9, not {value:?}").into(),
                        )
                    }
                };
            }
            Long("release") => parsed.release = true,
            Long("lines-only") => parsed.lines_only = true,
            Long("keep") => parsed.keep = true,
            Long("json") => {
                let path = parser.value()?;
                if path.is_empty() {
                    return Err("--json needs a value".into());
                }
                parsed.json = Some(PathBuf::from(path));
            }
            Short('h') | Long("help") => return Ok(Parsed::Help),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Parsed::Run(parsed))
}

/// Runs `cargo xtask bloat` with the arguments after its name; returns the exit status: 0, 1
/// when a build or the count failed, 2 for a command-line mistake.
pub(crate) fn run(parser: &mut Parser, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    crate::cli::dispatch(parser, USAGE, parse, bloat, out, err)
}

fn bloat(parsed: BloatArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    // Created atomically with an unpredictable name: no other local user can have made it
    // first and have the builds written through it.
    let work = match tempfile::Builder::new().prefix("kms-bloat-").tempdir() {
        Ok(work) => work,
        Err(error) => {
            let _ = writeln!(err, "error: cannot create a temporary directory: {error}");
            return 1;
        }
    };
    let result = measure(&parsed, work.path(), out);
    if parsed.keep {
        let _ = writeln!(out, "kept {}", work.keep().display());
    }
    match result {
        Ok(figures) => {
            let _ = write!(out, "{}", figures.table());
            if let Some(path) = &parsed.json {
                let written = figures
                    .json()
                    .map_err(|e| e.to_string())
                    .and_then(|json| std::fs::write(path, json).map_err(|e| e.to_string()));
                if let Err(error) = written {
                    let _ = writeln!(err, "error: cannot write {}: {error}", path.display());
                    return 1;
                }
                let _ = writeln!(out, "figures written to {}", path.display());
            }
            0
        }
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            1
        }
    }
}

/// Sets up both crates, builds them (unless `--lines-only`) and counts their lines.
fn measure(args: &BloatArgs, work: &Path, out: &mut dyn Write) -> Result<Figures, String> {
    let root = codegen::workspace_root();
    let ours = work.join("kms-api");
    let peer = work.join("kms-bloat-peer");
    builds::copy_dir(&root.join("generated"), &ours)
        .map_err(|e| format!("cannot copy generated/ to {}: {e}", ours.display()))?;
    let manifest = ours.join("Cargo.toml");
    let mut text = std::fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
    text.push_str("\n[workspace]\n");
    std::fs::write(&manifest, text).map_err(|e| e.to_string())?;
    peer::write_crate(&peer).map_err(|e| format!("cannot write {}: {e}", peer.display()))?;
    // The workspace's lock file pins both to the versions the workspace builds.
    let lock = root.join("Cargo.lock");
    for dir in [&ours, &peer] {
        if lock.is_file() {
            std::fs::copy(&lock, dir.join("Cargo.lock")).map_err(|e| e.to_string())?;
        }
        builds::fetch(dir)?;
    }
    let peer_package = metadata::dependency(&peer, peer::PACKAGE)?;
    let mut figures = Figures {
        peer_version: peer_package.version.clone(),
        ..Figures::default()
    };

    figures.loadavg.0 = builds::loadavg();
    if !args.lines_only {
        let _ = writeln!(
            out,
            "clean debug builds, one after the other (not cached), {} round{}...",
            args.rounds,
            if args.rounds == 1 { "" } else { "s" }
        );
        let timed = |dir: &Path, target: &str, release: bool, out: &mut dyn Write| {
            builds::build(dir, &work.join(target), release, out)
        };
        // Alternating which side goes first evens out a machine that speeds up or slows
        // down during the run. Each round builds into fresh target directories; all but the
        // last are removed at once (a peer build takes about a gigabyte).
        let mut rounds = Vec::with_capacity(args.rounds);
        for round in 1..=args.rounds {
            let ours_target = format!("target-ours-debug-{round}");
            let peer_target = format!("target-peer-debug-{round}");
            let (ours_build, peer_build) = if round % 2 == 1 {
                let o = timed(&ours, &ours_target, false, out)?;
                (o, timed(&peer, &peer_target, false, out)?)
            } else {
                let p = timed(&peer, &peer_target, false, out)?;
                (timed(&ours, &ours_target, false, out)?, p)
            };
            rounds.push((ours_build, peer_build));
            if round < args.rounds && !args.keep {
                let _ = std::fs::remove_dir_all(work.join(&ours_target));
                let _ = std::fs::remove_dir_all(work.join(&peer_target));
            }
        }
        let last_ours_target = format!("target-ours-debug-{}", args.rounds);
        figures.ours_debug = builds::median(rounds.iter().map(|(o, _)| o));
        figures.peer_debug = builds::median(rounds.iter().map(|(_, p)| p));
        figures.debug_rounds = rounds.iter().map(|(o, p)| (o.seconds, p.seconds)).collect();
        let touched = ours.join(TOUCHED_FILE);
        let mut source = std::fs::read_to_string(&touched).map_err(|e| e.to_string())?;
        source.push_str("\n// touched by cargo xtask bloat\n");
        std::fs::write(&touched, source).map_err(|e| e.to_string())?;
        figures.ours_incremental = Some(timed(&ours, &last_ours_target, false, out)?);
        if args.release {
            let _ = writeln!(out, "clean release builds...");
            figures.ours_release = Some(timed(&ours, "target-ours-release", true, out)?);
            figures.peer_release = Some(timed(&peer, "target-peer-release", true, out)?);
        }
    }

    figures.loadavg.1 = builds::loadavg();
    let generated = root.join("generated");
    let ours_groups = scope::ours_files(
        &generated.join("src"),
        &root.join("codegen").join("runtime").join("src"),
    );
    figures.runtime_files = ours_groups
        .iter()
        .filter(|(label, _)| label == scope::RUNTIME_LABEL)
        .flat_map(|(_, files)| files)
        .map(|file| {
            let relative = file.strip_prefix(&generated).unwrap_or(file);
            relative.to_string_lossy().replace('\\', "/")
        })
        .collect();
    figures.ours_lines = ours_groups
        .into_iter()
        .map(|(label, files)| lines::count_group(label, &files))
        .collect::<Result<_, _>>()?;
    let peer_src = peer_package.source_dir().ok_or_else(|| {
        format!(
            "cargo metadata names no library source for {} {}",
            peer::PACKAGE,
            figures.peer_version
        )
    })?;
    let (groups, missing) = scope::peer_files(peer_src);
    figures.peer_lines = groups
        .into_iter()
        .map(|(label, files)| lines::count_group(label, &files))
        .collect::<Result<_, _>>()?;
    figures.peer_missing = missing;
    Ok(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_options() {
        let parse_all = |list: &[&str]| parse(&mut Parser::from_args(list));
        assert_eq!(
            parse_all(&["--release", "--json", "x.json", "--keep"]).ok(),
            Some(Parsed::Run(BloatArgs {
                rounds: 3,
                release: true,
                lines_only: false,
                json: Some(PathBuf::from("x.json")),
                keep: true,
            }))
        );
        assert_eq!(
            parse_all(&["--json=x.json"]).ok(),
            parse_all(&["--json", "x.json"]).ok()
        );
        assert_eq!(parse_all(&["--help"]).ok(), Some(Parsed::Help));
        assert!(parse_all(&["--json"]).is_err());
        assert!(parse_all(&["--json="]).is_err());
        assert!(parse_all(&["--fast"]).is_err());
        assert_eq!(
            parse_all(&["--rounds", "5"]).ok(),
            Some(Parsed::Run(BloatArgs {
                rounds: 5,
                ..BloatArgs::default()
            }))
        );
        for bad in ["0", "10", "x", "-1", ""] {
            assert!(parse_all(&["--rounds", bad]).is_err(), "--rounds {bad:?}");
        }
        let mut out = Vec::new();
        let mut err = Vec::new();
        assert_eq!(crate::run(["bloat", "--nope"], &mut out, &mut err), 2);
        assert!(String::from_utf8_lossy(&err).contains("usage: cargo xtask bloat"));
    }
}
