//! `cargo xtask protocol-tests --dir DIR`: runs a Smithy protocol compliance suite against
//! the code this generator writes.
//!
//! Every model file under DIR (`.smithy` or `.json`, subdirectories included) is loaded
//! unmodified. For each service with `smithy.test` cases for its protocol, the crate is
//! generated, the cases become Rust tests (`codegen::compliance`), and the tests run in a
//! crate of their own under `target/protocol-tests/`. A case runs on each side it applies to
//! (`appliesTo`, or both): the client side serializes requests and parses responses, the
//! server side (the crate's `server` feature) reads requests through the router and writes
//! responses. The report has a line per case and side (pass, fail or excluded, with the
//! reason for everything that did not pass), then one summary line per side
//! (`client: N passed, N failed, N excluded`, `server: ...`), and ends with
//! `N passed, N failed, N excluded`. Every case in the files is counted: cases whose
//! operation the planner leaves out, and cases no service takes up, are reported as excluded
//! with their reason. Exit status 1 when any case fails or cannot run, or when DIR holds no
//! case at all.

use crate::cli::{Long, Parsed, Parser, Short};
use codegen::compliance::{self, Case, Disposition, Side};
use codegen::{workspace_root, Options};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;

/// Usage of the subcommand.
pub const USAGE: &str = "\
usage: cargo xtask protocol-tests --dir DIR

Loads the Smithy models under DIR (the official awsJson1_1 suite, for example), generates a crate
for every service with smithy.test cases for its protocol, turns each case into a Rust test on each
side it applies to (client, server), runs them and reports every case, a summary per side and the
total. Builds go to target/protocol-tests/.

options:
  --dir DIR     the directory of the suite's model files (required)";

fn parse(parser: &mut Parser) -> Result<Parsed<PathBuf>, crate::cli::Error> {
    let mut dir = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("dir") => dir = Some(PathBuf::from(parser.value()?)),
            Short('h') | Long("help") => return Ok(Parsed::Help),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Parsed::Run(dir.ok_or("--dir is required")?))
}

/// Runs the subcommand with the arguments after its name; returns the exit status.
pub(crate) fn run(parser: &mut Parser, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    crate::cli::dispatch(parser, USAGE, parse, run_suite, out, err)
}

/// Runs every case of the suite in `dir`.
fn run_suite(dir: PathBuf, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if !dir.is_dir() {
        let _ = writeln!(err, "error: {} is not a directory", dir.display());
        return 1;
    }
    let loaded = match codegen::load_models(std::slice::from_ref(&dir)) {
        Ok(loaded) => loaded,
        Err(problems) => {
            let _ = writeln!(err, "{problems}");
            return 1;
        }
    };
    let services = service_ids(&loaded);
    let mut totals = Totals::default();
    let facts = compliance::ModelFacts::from_loaded(&loaded);
    // (shape, case id) of every case reported under a service; the rest are reported at the end.
    let mut reported = BTreeSet::new();
    let mut generation_failures = 0;
    for service in services {
        let options = Options {
            models: vec![dir.clone()],
            plan: codegen::PlanOptions {
                service: Some(service.clone()),
                ..Default::default()
            },
        };
        let formatted = codegen::generate_loaded(&loaded, &options)
            .and_then(|generation| crate::format::format_crate(generation, None));
        let generation = match formatted {
            Ok(formatted) => formatted.generation,
            Err(problems) => {
                let _ = writeln!(out, "protocol-tests: {service}: generation failed");
                let _ = writeln!(err, "{problems}");
                totals.client.failed += 1;
                generation_failures += 1;
                continue;
            }
        };
        let cases = compliance::collect_cases(&loaded, &generation.service);
        let unplanned = compliance::unplanned_cases(&loaded, &generation.service);
        for case in &cases {
            reported.insert((case.shape.to_string(), case.id.clone()));
        }
        for case in &unplanned {
            reported.insert((case.shape.to_string(), case.id.clone()));
            totals.side(case.side).excluded += 1;
            let side = case.side.name();
            let _ = writeln!(
                out,
                "{service} {side} EXCLUDED {}: {}",
                case.id, case.reason
            );
        }
        if cases.is_empty() {
            continue;
        }
        let results = run_service(&generation, &facts, &cases, err);
        for case in &cases {
            let counts = totals.side(case.side);
            let outcome = match &case.disposition {
                Disposition::Excluded(reason) => {
                    counts.excluded += 1;
                    format!("EXCLUDED {}: {reason}", case.id)
                }
                Disposition::Run => match results.get(&case.test_name()) {
                    Some(Ok(())) => {
                        counts.passed += 1;
                        let mut line = format!("PASS     {}", case.id);
                        for note in &case.notes {
                            line.push_str(&format!(" (note: {note})"));
                        }
                        line
                    }
                    Some(Err(reason)) => {
                        counts.failed += 1;
                        format!("FAIL     {}: {reason}", case.id)
                    }
                    None => {
                        counts.failed += 1;
                        format!("FAIL     {}: the test did not run", case.id)
                    }
                },
            };
            let _ = writeln!(out, "{service} {} {outcome}", case.side.name());
        }
    }
    // Cases that no service took up: on shapes outside every service, or for a protocol no
    // service speaks. They are counted too, so that no case vanishes from the report.
    for (shape, id, protocol, sides) in all_cases(&loaded) {
        if reported.contains(&(shape.clone(), id.clone())) {
            continue;
        }
        for &side in sides {
            let name = side.name();
            if generation_failures > 0 {
                totals.side(side).failed += 1;
                let _ = writeln!(
                    out,
                    "(no service) {name} FAIL     {id}: not run; {generation_failures} services \
                     failed to generate, and it may be one of theirs"
                );
            } else {
                totals.side(side).excluded += 1;
                let reason = compliance::no_service(&shape, &protocol);
                let _ = writeln!(out, "(no service) {name} EXCLUDED {id}: {reason}");
            }
        }
    }
    let total = totals.total();
    for (side, counts) in [
        (Side::Client, &totals.client),
        (Side::Server, &totals.server),
    ] {
        let _ = writeln!(out, "{}: {}", side.name(), counts.summary());
    }
    let _ = writeln!(out, "{}", total.summary());
    if total.passed + total.failed + total.excluded == 0 {
        let _ = writeln!(
            err,
            "error: no smithy.test compliance cases (httpRequestTests, httpResponseTests) were \
             found under {}: nothing was tested",
            dir.display()
        );
        return 1;
    }
    u8::from(total.failed > 0)
}

/// Every compliance case in the loaded files, whatever its protocol, as (shape id, case id,
/// protocol, the sides it applies to), sorted.
fn all_cases(
    loaded: &[codegen::load::LoadedFile],
) -> Vec<(String, String, String, &'static [Side])> {
    let mut found = Vec::new();
    for file in loaded {
        for (shape_id, shape) in &file.document.shapes {
            for trait_id in [compliance::REQUEST_TESTS, compliance::RESPONSE_TESTS] {
                let entries = shape.traits.get(trait_id).and_then(|v| v.as_array());
                for case in entries.into_iter().flatten() {
                    let text = |key: &str| {
                        case.get(key)
                            .and_then(|v| v.as_str())
                            .unwrap_or("(none)")
                            .to_owned()
                    };
                    let sides = Side::of(case);
                    found.push((shape_id.clone(), text("id"), text("protocol"), sides));
                }
            }
        }
    }
    found.sort();
    found
}

/// How many cases passed, failed and were excluded.
#[derive(Clone, Copy, Default)]
struct Counts {
    passed: usize,
    failed: usize,
    excluded: usize,
}

impl Counts {
    /// `N passed, N failed, N excluded`.
    fn summary(&self) -> String {
        format!(
            "{} passed, {} failed, {} excluded",
            self.passed, self.failed, self.excluded
        )
    }
}

/// The counts of each side.
#[derive(Default)]
struct Totals {
    client: Counts,
    server: Counts,
}

impl Totals {
    fn side(&mut self, side: Side) -> &mut Counts {
        match side {
            Side::Client => &mut self.client,
            Side::Server => &mut self.server,
        }
    }

    fn total(&self) -> Counts {
        Counts {
            passed: self.client.passed + self.server.passed,
            failed: self.client.failed + self.server.failed,
            excluded: self.client.excluded + self.server.excluded,
        }
    }
}

/// Every service shape in the loaded files, sorted.
fn service_ids(loaded: &[codegen::load::LoadedFile]) -> Vec<String> {
    let mut ids: Vec<String> = loaded
        .iter()
        .flat_map(|file| file.document.shapes.iter())
        .filter(|(_, shape)| shape.kind == codegen::load::ShapeKind::Service)
        .map(|(id, _)| id.clone())
        .collect();
    ids.sort();
    ids
}

/// Writes the crate and its compliance tests, runs them, and returns each test's outcome
/// by test name (`Err` with the first lines of the failure).
fn run_service(
    generation: &codegen::Generation,
    facts: &compliance::ModelFacts,
    cases: &[Case],
    err: &mut dyn Write,
) -> BTreeMap<String, Result<(), String>> {
    let service = &generation.service;
    let root = workspace_root().join("target/protocol-tests");
    let crate_dir = root.join("crates").join(&service.crate_name);
    let mut files = generation.files.clone();
    if let Some(manifest) = files.get_mut("Cargo.toml") {
        // Its own workspace: the crate lives below this repository's target directory.
        manifest.push_str("\n[workspace]\n");
    }
    files.insert(
        "tests/compliance.rs".to_owned(),
        compliance::test_file(service, facts, cases),
    );
    files.insert(
        "tests/support.rs".to_owned(),
        compliance::SUPPORT_FILE.to_owned(),
    );
    let mut results = BTreeMap::new();
    if let Err(error) = crate::write_scratch_crate(&files, &crate_dir) {
        let _ = writeln!(err, "error: cannot write {}: {error}", crate_dir.display());
        return results;
    }
    let target = root.join("target");
    let cargo = || crate::verify_models::cargo(&target);
    // The generated crate itself must be warning- and clippy-clean, like every crate we emit.
    // With the server half: the server cases need it, and it must be clippy-clean too.
    let clippy = cargo()
        .args([
            "clippy",
            "--quiet",
            "--lib",
            "--features",
            "server",
            "--manifest-path",
        ])
        .arg(crate_dir.join("Cargo.toml"))
        .args(["--", "-D", "warnings"])
        .output();
    match clippy {
        Ok(output) if output.status.success() => {}
        Ok(output) => {
            let _ = writeln!(
                err,
                "error: the crate generated for {} is not clippy-clean:\n{}",
                service.id,
                String::from_utf8_lossy(&output.stderr)
            );
            return cases
                .iter()
                .map(|case| {
                    (
                        case.test_name(),
                        Err(
                            "the generated crate is not clippy-clean (see the errors above)"
                                .to_owned(),
                        ),
                    )
                })
                .collect();
        }
        Err(error) => {
            let _ = writeln!(err, "error: cannot run cargo clippy: {error}");
            return results;
        }
    }
    let output = cargo()
        .env("RUST_BACKTRACE", "0")
        .args([
            "test",
            "--test",
            "compliance",
            "--features",
            "server",
            "--manifest-path",
        ])
        .arg(crate_dir.join("Cargo.toml"))
        .args(["--", "--test-threads", "1"])
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) => {
            let _ = writeln!(err, "error: cannot run cargo: {error}");
            return results;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let failures = failure_messages(&stdout);
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, status)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        let outcome = match status.trim() {
            "ok" => Ok(()),
            _ => Err(failures
                .get(name)
                .cloned()
                .unwrap_or_else(|| format!("the test failed ({})", status.trim()))),
        };
        results.insert(name.to_owned(), outcome);
    }
    if results.is_empty() {
        let _ = writeln!(
            err,
            "error: the compliance tests of {} did not run:\n{}",
            service.crate_name,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    results
}

/// The panic message of each failed test, from libtest's `---- name stdout ----` sections,
/// folded onto one line.
fn failure_messages(stdout: &str) -> BTreeMap<String, String> {
    let mut messages = BTreeMap::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in stdout.lines() {
        if let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|rest| rest.strip_suffix(" stdout ----"))
        {
            if let Some((name, lines)) = current.take() {
                messages.insert(name, lines.join(" "));
            }
            current = Some((name.to_owned(), Vec::new()));
            continue;
        }
        if line.starts_with("failures:") || line.starts_with("test result:") {
            if let Some((name, lines)) = current.take() {
                messages.insert(name, lines.join(" "));
            }
            continue;
        }
        if let Some((_, lines)) = current.as_mut() {
            let line = line.trim();
            // `thread 'name' (id) panicked at file:line:col:` only says where.
            let line = match line.strip_prefix("thread '") {
                Some(rest) => rest.split_once(" panicked at ").map_or(line, |(_, at)| at),
                None => line,
            };
            if !line.is_empty() && !line.starts_with("note: run with `RUST_BACKTRACE") {
                lines.push(line.to_owned());
            }
        }
    }
    if let Some((name, lines)) = current {
        messages.insert(name, lines.join(" "));
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::failure_messages;

    #[test]
    fn failure_messages_are_read_per_test_and_folded() {
        let stdout = "\
running 2 tests
test a ... ok
test b ... FAILED

failures:

---- b stdout ----

thread 'b' (123) panicked at tests/support.rs:42:9:
header X is missing
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


failures:
    b

test result: FAILED. 1 passed; 1 failed
";
        let messages = failure_messages(stdout);
        assert_eq!(messages.len(), 1);
        assert_eq!(messages["b"], "tests/support.rs:42:9: header X is missing");
    }
}
