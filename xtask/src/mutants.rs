//! `cargo xtask mutants`: mutation testing of the generated crate, so that we learn whether the
//! tests would notice a wrong generated crate, not only a changed one.
//!
//! - `cargo xtask mutants [ARGS...]` runs `cargo mutants --test-workspace=true` with
//!   `.cargo/mutants.toml`, on `generated/src/**/*.rs` unless ARGS name files: mutants of the
//!   generated crate (the runtime and what the wire-critical emitters write), judged
//!   only by behavioural tests; ARGS go to cargo-mutants (`--file`, `--shard 1/4`, `--iterate`).
//! - `cargo xtask mutants --known` applies the mutations a reviewer once found unnoticed, one at
//!   a time, in a scratch copy of the workspace, and checks that `cargo test --workspace` then
//!   fails in a behavioural test: it runs the test binaries `.cargo/mutants.toml` lists. The
//!   staleness, snapshot and `--check` tests are not among them: they notice any change to the
//!   checked-in text, so they say nothing about whether the behaviour is tested.

use crate::cli::{Parsed, Parser, ValueExt};
use codegen::workspace_root;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const USAGE: &str = "\
usage: cargo xtask mutants [--known] [CARGO_MUTANTS_ARGS...]

Runs `cargo mutants` on the generated crate with .cargo/mutants.toml (install it with
`cargo install cargo-mutants --locked`); other arguments are passed to it.

options:
  --known     apply each known mutation in a scratch copy (target/mutation-check/) and check
              that `cargo test --workspace` fails in a behavioural test
  -h, --help  this text";

/// The behavioural test binaries: the `"--test", "NAME"` pairs of `.cargo/mutants.toml`, so
/// that cargo-mutants and the known mutations are judged by the same tests.
fn behavioural_binaries(root: &Path) -> Result<BTreeSet<String>, String> {
    let path = root.join(".cargo/mutants.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let names: BTreeSet<String> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix("\"--test\", \""))
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        return Err(format!(
            "{} lists no `\"--test\", NAME` pairs",
            path.display()
        ));
    }
    Ok(names)
}

/// One text replacement in one file of the workspace.
struct Edit {
    file: String,
    from: &'static str,
    to: &'static str,
}

/// A mutation: edits applied together, each of which must still find its text.
struct Mutation {
    name: &'static str,
    edits: Vec<Edit>,
}

/// The mutations of the issue that made our tests prove themselves.
fn known_mutations(root: &Path) -> Vec<Mutation> {
    let state = "generated/src/types/connection_state_type.rs";
    let swap = Mutation {
        name: "ConnectionStateType: CONNECTED and DISCONNECTED swapped in both directions",
        edits: vec![
            Edit {
                file: state.to_owned(),
                from: "ConnectionStateType::Connected => \"CONNECTED\"",
                to: "ConnectionStateType::Connected => \"DISCONNECTED\"",
            },
            Edit {
                file: state.to_owned(),
                from: "ConnectionStateType::Disconnected => \"DISCONNECTED\"",
                to: "ConnectionStateType::Disconnected => \"CONNECTED\"",
            },
            Edit {
                file: state.to_owned(),
                from: "\"CONNECTED\" => ::std::option::Option::Some(ConnectionStateType::Connected)",
                to: "\"CONNECTED\" => ::std::option::Option::Some(ConnectionStateType::Disconnected)",
            },
            Edit {
                file: state.to_owned(),
                from: "\"DISCONNECTED\" => ::std::option::Option::Some(ConnectionStateType::Disconnected)",
                to: "\"DISCONNECTED\" => ::std::option::Option::Some(ConnectionStateType::Connected)",
            },
        ],
    };
    let mut status = Mutation {
        name: "every modelled error declares status 599",
        edits: Vec::new(),
    };
    for file in error_files(root) {
        for from in ["\n    400,\n", "\n    500,\n"] {
            status.edits.push(Edit {
                file: file.clone(),
                from,
                to: "\n    599,\n",
            });
        }
    }
    let request_id = Mutation {
        name: "modelled errors forget the response (no request id, no status)",
        edits: vec![Edit {
            file: "generated/src/wire/modelled_error.rs".to_owned(),
            from: "self.response = ::std::option::Option::Some(response);",
            to: "let _ = response;",
        }],
    };
    let unwrap = Mutation {
        name: "an .unwrap() inside the modelled_error! macro body",
        edits: vec![Edit {
            file: "generated/src/wire/modelled_error.rs".to_owned(),
            from: "f.write_str(Self::CODE)?;",
            to: "f.write_str(Self::CODE).unwrap();",
        }],
    };
    vec![swap, status, request_id, unwrap]
}

/// The generated error files, relative to the workspace root.
fn error_files(root: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root.join("generated/src/errors"))
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".rs") && name != "mod.rs")
        .map(|name| format!("generated/src/errors/{name}"))
        .collect();
    files.sort();
    files
}

/// What `cargo xtask mutants` was asked to do.
#[derive(Debug, PartialEq)]
enum Mode {
    /// Apply the known mutations (`--known`).
    Known,
    /// Run cargo-mutants with these arguments.
    CargoMutants(Vec<String>),
}

/// Only a leading `--known` or `--help` is ours; any other arguments are cargo-mutants'
/// (`--file x`, `--shard=1/4`, ...) and go to it untouched, in either flag form.
fn parse(parser: &mut Parser) -> Result<Parsed<Mode>, crate::cli::Error> {
    let rest: Vec<String> = parser
        .raw_args()?
        .map(|arg| arg.string())
        .collect::<Result<_, _>>()?;
    match rest.first().map(String::as_str) {
        Some("-h" | "--help") => Ok(Parsed::Help),
        Some("--known") if rest.len() == 1 => Ok(Parsed::Run(Mode::Known)),
        Some("--known") => Err("--known takes no other arguments".into()),
        _ => Ok(Parsed::Run(Mode::CargoMutants(rest))),
    }
}

/// Runs `cargo xtask mutants` with the arguments after its name; returns the exit status.
pub(crate) fn run(parser: &mut Parser, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let run_mode = |mode: Mode, out: &mut dyn Write, err: &mut dyn Write| match mode {
        Mode::Known => known(out, err),
        Mode::CargoMutants(args) => cargo_mutants(&args, err),
    };
    crate::cli::dispatch(parser, USAGE, parse, run_mode, out, err)
}

fn cargo_mutants(args: &[String], err: &mut dyn Write) -> u8 {
    let names_files = args.iter().any(|arg| {
        arg == "-f" || arg.starts_with("--file") || (arg.starts_with("-f") && arg.len() > 2)
    });
    let default_files: &[&str] = if names_files {
        &[]
    } else {
        &["--file", "generated/src/**/*.rs"]
    };
    // cargo-mutants runs its unmutated baseline with `--package` of the mutated crate even
    // under `--test-workspace=true`, where our behavioural tests do not live; CI proves the
    // baseline green, so it is skipped and the timeout is fixed instead.
    let given = |flag: &str| args.iter().any(|arg| arg.starts_with(flag));
    let mut defaults: Vec<&str> = Vec::new();
    if !given("--baseline") {
        defaults.push("--baseline=skip");
    }
    if !given("--timeout") && !given("-t") {
        defaults.push("--timeout=120");
    }
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["mutants", "--test-workspace=true"])
        .args(default_files)
        .args(&defaults)
        .args(args)
        .current_dir(workspace_root())
        .status();
    match status {
        Ok(status) if status.success() => crate::SUCCESS,
        Ok(_) if !cargo_mutants_installed() => {
            let _ = writeln!(
                err,
                "error: cargo-mutants is not installed; install it with `cargo install cargo-mutants --locked`"
            );
            crate::FAILURE
        }
        Ok(_) => crate::FAILURE,
        Err(error) => {
            let _ = writeln!(
                err,
                "error: cannot run `cargo mutants` ({error}); install it with `cargo install cargo-mutants --locked`"
            );
            crate::FAILURE
        }
    }
}

fn cargo_mutants_installed() -> bool {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["mutants", "--version"])
        .output()
        .is_ok_and(|output| output.status.success())
}

fn known(out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let root = workspace_root();
    let scratch = root.join("target/mutation-check");
    let binaries = match behavioural_binaries(&root) {
        Ok(binaries) => binaries,
        Err(problem) => {
            let _ = writeln!(err, "error: {problem}");
            return crate::FAILURE;
        }
    };
    let mut missed = 0;
    for mutation in known_mutations(&root) {
        let outcome = copy_workspace(&root, &scratch.join("tree"))
            .and_then(|tree| apply(&mutation, &tree).map(|()| tree))
            .and_then(|tree| behavioural_failures(&tree, &scratch.join("target"), &binaries));
        match outcome {
            Ok(caught) if !caught.is_empty() => {
                let some: Vec<&str> = caught.iter().take(3).map(String::as_str).collect();
                let _ = writeln!(
                    out,
                    "CAUGHT {}: {} behavioural test(s) failed, e.g. {}",
                    mutation.name,
                    caught.len(),
                    some.join(", ")
                );
            }
            Ok(_) => {
                missed += 1;
                let _ = writeln!(
                    out,
                    "MISSED {}: no behavioural test failed (change detectors may have)",
                    mutation.name
                );
            }
            Err(problem) => {
                missed += 1;
                let _ = writeln!(out, "ERROR  {}: {problem}", mutation.name);
            }
        }
    }
    if missed > 0 {
        let _ = writeln!(
            err,
            "error: {missed} known mutation(s) not caught by a behavioural test"
        );
        crate::FAILURE
    } else {
        crate::SUCCESS
    }
}

/// Copies the files git knows (tracked, or untracked and not ignored) into `tree`, fresh, and
/// links `../shared` beside it when the workspace has one.
fn copy_workspace(root: &Path, tree: &Path) -> Result<PathBuf, String> {
    let listing = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !listing.status.success() {
        return Err("`git ls-files` failed".to_owned());
    }
    if tree.exists() {
        std::fs::remove_dir_all(tree)
            .map_err(|e| format!("cannot clear {}: {e}", tree.display()))?;
    }
    for name in listing.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name);
        let (from, to) = (root.join(&*name), tree.join(&*name));
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    let shared = root.join("../shared");
    let link = tree.join("../shared");
    if shared.is_dir() && !link.exists() {
        #[cfg(unix)]
        std::os::unix::fs::symlink(&shared, &link)
            .map_err(|e| format!("{}: {e}", link.display()))?;
    }
    Ok(tree.to_path_buf())
}

fn apply(mutation: &Mutation, tree: &Path) -> Result<(), String> {
    for edit in &mutation.edits {
        let path = tree.join(&edit.file);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", edit.file))?;
        if !text.contains(edit.from) {
            // The status edits try both 400 and 500 on every error file; one of them applies.
            if edit.from.trim().ends_with("00,") {
                continue;
            }
            return Err(format!("{} no longer contains {:?}", edit.file, edit.from));
        }
        std::fs::write(&path, text.replace(edit.from, edit.to))
            .map_err(|e| format!("{}: {e}", edit.file))?;
    }
    Ok(())
}

/// Runs the behavioural test `binaries` of the workspace in `tree` (`cargo test --workspace
/// --no-fail-fast --test NAME...`); returns the tests that failed.
fn behavioural_failures(
    tree: &Path,
    target: &Path,
    binaries: &BTreeSet<String>,
) -> Result<BTreeSet<String>, String> {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["test", "--workspace", "--no-fail-fast"])
        .args(binaries.iter().flat_map(|name| ["--test", name.as_str()]))
        .env("CARGO_TARGET_DIR", target)
        .current_dir(tree)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("error[E") || stderr.contains("error: could not compile") {
        // A mutant that does not compile is caught by the compiler, which is no test.
        return Err("the mutated workspace does not compile".to_owned());
    }
    let failed = failed_tests(&String::from_utf8_lossy(&output.stdout));
    if failed.is_empty() && !output.status.success() {
        return Err(format!(
            "cargo test failed without a failing test:\n{stderr}"
        ));
    }
    Ok(failed)
}

/// The name of every `test NAME ... FAILED` line of the test harness's output (stdout).
fn failed_tests(stdout: &str) -> BTreeSet<String> {
    stdout
        .lines()
        .filter_map(|line| {
            line.trim()
                .strip_prefix("test ")?
                .strip_suffix(" ... FAILED")
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_leading_known_or_help_is_ours_the_rest_passes_through() {
        let parse_all = |list: &[&str]| parse(&mut Parser::from_args(list)).ok();
        assert_eq!(parse_all(&["--known"]), Some(Parsed::Run(Mode::Known)));
        assert_eq!(parse_all(&["-h"]), Some(Parsed::Help));
        assert_eq!(parse_all(&["--known", "--shard=1/4"]), None);
        let through = ["--file=generated/src/wire.rs", "--shard", "1/4", "--help"];
        assert_eq!(
            parse_all(&through),
            Some(Parsed::Run(Mode::CargoMutants(
                through.iter().map(|s| s.to_string()).collect()
            )))
        );
    }

    #[test]
    fn failed_tests_are_read_from_the_harness_output() {
        let stdout = "\
running 3 tests
test outputs_describe_every_connection_state ... FAILED
test outputs_other ... ok
test every_error_connect ... FAILED
test result: FAILED. 1 passed; 2 failed
";
        let failed: Vec<String> = failed_tests(stdout).into_iter().collect();
        assert_eq!(
            failed,
            [
                "every_error_connect",
                "outputs_describe_every_connection_state"
            ]
        );
    }

    #[test]
    fn the_behavioural_binaries_are_those_cargo_mutants_runs() {
        let binaries = behavioural_binaries(&workspace_root()).expect("the config lists them");
        assert!(binaries.contains("typed_wire_cases"), "{binaries:?}");
        for detector in ["staleness", "snapshots", "xtask_cli", "idl_agreement"] {
            assert!(
                !binaries.contains(detector),
                "{detector} notices any change"
            );
        }
    }

    #[test]
    fn every_known_mutation_still_applies_to_the_generated_crate() {
        let root = workspace_root();
        for mutation in known_mutations(&root) {
            let applies = mutation.edits.iter().any(|edit| {
                std::fs::read_to_string(root.join(&edit.file))
                    .is_ok_and(|text| text.contains(edit.from))
            });
            assert!(applies, "{} no longer applies", mutation.name);
        }
    }
}
