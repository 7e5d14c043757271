//! Helpers shared by the workspace-level tests. The crate's documentation is the README, so
//! its Rust examples run as doctests.
#![doc = include_str!("../README.md")]

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    codegen::workspace_root()
}

/// The bundled model directory.
pub fn models_dir() -> PathBuf {
    root().join("models")
}

/// `../shared` beside the project, when it exists. Tests that need it print why they skip
/// when it does not; they never pass silently when it is there. Under `CI=true` a missing
/// `../shared` is a failure, not a skip (see [`missing_input`]).
pub fn shared_dir() -> Option<PathBuf> {
    let dir = root().join("..").join("shared");
    if dir.is_dir() {
        Some(std::fs::canonicalize(&dir).unwrap_or(dir))
    } else {
        // Fails here under CI, so no caller can forget to.
        if missing_input(ci_env().as_deref(), false) == Missing::Fail {
            panic!("{}", ci_failure("shared_dir", "../shared is not present"));
        }
        None
    }
}

/// The official KMS model in `../shared/models`, or `None` after printing a skip notice.
pub fn official_kms_model(test: &str) -> Option<PathBuf> {
    match shared_dir().map(|d| d.join("models/kms.smithy-rs.json")) {
        Some(path) if path.is_file() => Some(path),
        _ => {
            skipped(test, "../shared/models/kms.smithy-rs.json is not present");
            None
        }
    }
}

/// What a test does about an input it needs (`../shared`, the protocol suite).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The input is there: the test runs.
    Run,
    /// It is absent and this is not CI: print `SKIPPED <test>: <why>` and pass.
    Skip,
    /// It is absent under `CI=true`: the test fails.
    Fail,
}

/// The decision, as a pure function of the `CI` environment variable's value and whether
/// the input is present. `CI` counts as set when it is `true` or `1` (any case), as CI
/// services set it; anything else (unset, empty, `false`) lets an absent input be skipped.
pub fn missing_input(ci: Option<&str>, present: bool) -> Missing {
    let under_ci = ci.is_some_and(|v| {
        let v = v.trim();
        v.eq_ignore_ascii_case("true") || v == "1"
    });
    match (present, under_ci) {
        (true, _) => Missing::Run,
        (false, false) => Missing::Skip,
        (false, true) => Missing::Fail,
    }
}

/// The `CI` environment variable, when set and valid Unicode.
pub fn ci_env() -> Option<String> {
    std::env::var("CI").ok()
}

fn ci_failure(test: &str, why: &str) -> String {
    format!("FAILED {test}: {why}, and CI=true: a missing input fails under CI instead of skipping")
}

/// Prints a skip notice that the test harness does not capture (it goes to the process's
/// stderr directly, not through `eprintln!`), so a skipped test is visible in every run.
/// Under `CI=true` it fails the test instead: CI must never pass by skipping.
pub fn skipped(test: &str, why: &str) {
    use std::io::Write;
    if missing_input(ci_env().as_deref(), false) == Missing::Fail {
        panic!("{}", ci_failure(test, why));
    }
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// The six custom key store operations.
pub const CUSTOM_KEY_STORE_OPERATIONS: [&str; 6] = [
    "ConnectCustomKeyStore",
    "CreateCustomKeyStore",
    "DeleteCustomKeyStore",
    "DescribeCustomKeyStores",
    "DisconnectCustomKeyStore",
    "UpdateCustomKeyStore",
];

/// Generates the crate from the bundled model, in memory, formatted as `cargo xtask codegen`
/// writes it.
pub fn generate_bundled() -> codegen::Generation {
    let options = codegen::Options {
        models: vec![models_dir()],
        ..Default::default()
    };
    match xtask::format::generate(&options, None) {
        Ok(formatted) => formatted.generation,
        Err(problems) => panic!("the bundled model must generate:\n{problems}"),
    }
}

/// Generates from one model file with the given operations, in memory, formatted as
/// `cargo xtask codegen` writes it.
pub fn generate_from(
    model: &Path,
    operations: Option<&[&str]>,
) -> Result<codegen::Generation, codegen::diagnostics::Diagnostics> {
    let options = codegen::Options {
        models: vec![model.to_path_buf()],
        plan: codegen::PlanOptions {
            operations: operations.map(|ops| ops.iter().map(|s| s.to_string()).collect()),
            ..Default::default()
        },
    };
    xtask::format::generate(&options, None).map(|formatted| formatted.generation)
}

/// Every file below `dir`, as (path relative to `dir`, contents), sorted by path.
pub fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).unwrap_or_else(|e| panic!("{}: {e}", next.display()))
        {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .expect("below dir")
                    .display()
                    .to_string();
                files.push((relative, std::fs::read(&path).expect("readable file")));
            }
        }
    }
    files.sort();
    files
}

/// A fresh, empty temporary directory for one test, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates `<tmp>/kms-codegen-test-<name>-<pid>`.
    pub fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("kms-codegen-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temporary directory");
        TempDir(path)
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The generated crate's automaton (`kms_api::validation::Automaton`) for any pattern the
/// generator compiles, with the tables the generator would write (leaked: tests only).
pub fn generated_automaton(source: &str) -> &'static kms_api::validation::Automaton {
    let program = codegen::pattern::compile(source)
        .unwrap_or_else(|| panic!("the generator compiles {source:?}"));
    let classes: Vec<&'static [(char, char)]> = program
        .classes
        .into_iter()
        .map(|class| &*Box::leak(class.into_boxed_slice()))
        .collect();
    Box::leak(Box::new(kms_api::validation::Automaton {
        classes: Box::leak(classes.into_boxed_slice()),
        ascii: Box::leak(program.ascii.into_boxed_slice()),
        state_class: Box::leak(program.state_class.into_boxed_slice()),
        first: program.first,
        follow: Box::leak(program.follow.into_boxed_slice()),
        accept_anywhere: program.accept_anywhere,
        accept_at_end: program.accept_at_end,
        empty_matches: program.empty_matches,
        always_matches: program.always_matches,
    }))
}

/// The generated crate's pattern check (`kms_api::validation::Pattern`, with the ASCII table
/// the generator determinized, when it fits) for any pattern the generator compiles.
pub fn generated_pattern(source: &str) -> kms_api::validation::Pattern {
    let ascii = codegen::pattern::compile(source)
        .and_then(|program| codegen::pattern_dfa::determinize(&program))
        .map(|dfa| {
            &*Box::leak(Box::new(kms_api::validation::AsciiDfa {
                column: dfa.column,
                columns: dfa.columns,
                table: Box::leak(dfa.table.into_boxed_slice()),
            }))
        });
    kms_api::validation::Pattern::automaton(
        Box::leak(source.to_owned().into_boxed_str()),
        generated_automaton(source),
        ascii,
    )
}

#[cfg(test)]
mod tests {
    use super::{missing_input, Missing};

    #[test]
    fn a_missing_input_skips_locally_and_fails_under_ci() {
        for ci in [None, Some(""), Some("false"), Some("0"), Some("no")] {
            assert_eq!(missing_input(ci, false), Missing::Skip, "CI={ci:?}");
            assert_eq!(missing_input(ci, true), Missing::Run, "CI={ci:?}");
        }
        for ci in ["true", "TRUE", "True", "1", " true\n"] {
            assert_eq!(missing_input(Some(ci), false), Missing::Fail, "CI={ci:?}");
            assert_eq!(missing_input(Some(ci), true), Missing::Run, "CI={ci:?}");
        }
    }
}
