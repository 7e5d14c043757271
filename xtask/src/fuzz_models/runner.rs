//! Runs random models in batches: writes each model (JSON AST, or IDL for a third of them),
//! generates its crate with a property test, then builds the whole batch as one cargo
//! workspace (one `cargo clippy`, one `cargo test --no-run`) and runs each crate's test
//! binary, so that every failure is attributed to its seed.

use super::builder::{build, Features};
use super::{idl, json_ast, test_writer};
use crate::verify_models::cargo;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How many crates one cargo workspace builds at once.
const BATCH: usize = 12;

/// A seed whose model failed, and why.
#[derive(Debug)]
pub struct Failure {
    pub seed: u64,
    /// `generate`, `clippy`, `build` or `property test`.
    pub stage: &'static str,
    /// Where the failing model was kept.
    pub model: PathBuf,
    pub details: String,
}

/// Generates, builds and tests the model of every seed in `seeds` under `work`. Prints to
/// `out` a line per failure as its batch ends (its seed, stage, model and the command that
/// reproduces it, with `flag` appended) and one per batch, and to `err` each failure's details;
/// returns the failures.
pub fn run(
    seeds: &[u64],
    features: Features,
    work: &Path,
    flag: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Vec<Failure> {
    let mut failures = Vec::new();
    for batch in seeds.chunks(BATCH) {
        let found = run_batch(batch, features, work);
        for failure in &found {
            let _ = writeln!(
                out,
                "fuzz-models: seed {} FAILED ({}): model {}; reproduce with `cargo xtask fuzz-models --seed {} --count 1{flag}`",
                failure.seed,
                failure.stage,
                failure.model.display(),
                failure.seed
            );
            let _ = writeln!(
                err,
                "--- seed {} ({}) ---\n{}",
                failure.seed,
                failure.stage,
                failure.details.trim_end()
            );
        }
        let _ = writeln!(
            out,
            "fuzz-models: seeds {}..={}: {} models, {} failed",
            batch[0],
            batch[batch.len() - 1],
            batch.len(),
            found.len()
        );
        failures.extend(found);
    }
    failures
}

/// `cargo` for a batch: no incremental state and no debug info, which a batch built once
/// never uses, so that it builds faster and leaves less on disk.
fn batch_cargo(target: &Path) -> Command {
    let mut command = cargo(target);
    command
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .env("CARGO_PROFILE_TEST_DEBUG", "false");
    command
}

fn run_batch(seeds: &[u64], features: Features, work: &Path) -> Vec<Failure> {
    let mut failures = Vec::new();
    let crates = work.join("crates");
    let _ = std::fs::remove_dir_all(&crates);
    let mut members = Vec::new();
    let mut models = std::collections::BTreeMap::new();
    for &seed in seeds {
        match prepare(seed, features, work) {
            Ok((model_path, crate_dir)) => {
                members.push((seed, crate_dir));
                models.insert(seed, model_path);
            }
            Err((model, details)) => failures.push(keep(
                work,
                Failure {
                    seed,
                    stage: "generate",
                    model,
                    details,
                },
            )),
        }
    }
    if members.is_empty() {
        return failures;
    }
    if let Err(e) = write_workspace(work, &members) {
        for (seed, _) in &members {
            failures.push(Failure {
                seed: *seed,
                stage: "build",
                model: models[seed].clone(),
                details: e.to_string(),
            });
        }
        return failures;
    }
    let manifest = work.join("Cargo.toml");
    let target = work.join("target");
    let clippy = batch_cargo(&target)
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            // With the server half: every crate has the feature, and its code must be
            // clippy-clean too (the property tests below build without it).
            "--features",
            "server",
            "--keep-going",
            "--quiet",
            "--manifest-path",
        ])
        .arg(&manifest)
        .args(["--", "-D", "warnings"])
        .output();
    let clippy_text = clippy
        .as_ref()
        .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
        .unwrap_or_else(|e| e.to_string());
    // A failure of a seed of this batch, its model kept.
    let failed = |seed: u64, stage, details| {
        let model = models[&seed].clone();
        keep(
            work,
            Failure {
                seed,
                stage,
                model,
                details,
            },
        )
    };
    let mut broken = Vec::new();
    for (seed, _) in &members {
        let name = format!("`fuzz-{seed}`");
        if clippy_text
            .lines()
            .any(|l| l.contains("could not compile") && l.contains(&name))
        {
            broken.push(*seed);
            failures.push(failed(*seed, "clippy", messages_for(&clippy_text, *seed)));
        }
    }
    if clippy.as_ref().map(|o| !o.status.success()).unwrap_or(true) && broken.is_empty() {
        // Cargo itself failed (the workspace, the registry): every seed of the batch is unproven.
        for (seed, _) in &members {
            failures.push(failed(*seed, "clippy", clippy_text.clone()));
        }
        return failures;
    }
    let mut build = batch_cargo(&target);
    build
        .args([
            "test",
            "--workspace",
            "--test",
            "prop",
            "--no-run",
            "--no-fail-fast",
            "--message-format=json",
            "--quiet",
            "--manifest-path",
        ])
        .arg(&manifest);
    for seed in &broken {
        build.args(["--exclude", &format!("fuzz-{seed}")]);
    }
    let executables = match build.output() {
        Ok(output) => test_executables(&String::from_utf8_lossy(&output.stdout)),
        Err(_) => Default::default(),
    };
    for (seed, _) in members.iter().filter(|(s, _)| !broken.contains(s)) {
        let Some(exe) = executables.get(&format!("fuzz-{seed}")) else {
            let why = "the property test did not build".to_owned();
            failures.push(failed(*seed, "build", why));
            continue;
        };
        match Command::new(exe).arg("--quiet").output() {
            Ok(output) if output.status.success() => {}
            Ok(output) => {
                let text = String::from_utf8_lossy(&output.stdout).into_owned();
                failures.push(failed(*seed, "property test", text));
            }
            Err(e) => failures.push(failed(*seed, "property test", e.to_string())),
        }
    }
    prune(&target);
    failures
}

/// Writes the model of `seed` and its crate; the model's path and the crate's directory, or
/// the model's path and the generator's diagnostics.
fn prepare(
    seed: u64,
    features: Features,
    work: &Path,
) -> Result<(PathBuf, PathBuf), (PathBuf, String)> {
    let model = build(seed, features);
    let (text, extension) = if model.idl {
        (idl::write(&model), "smithy")
    } else {
        (json_ast::write(&model), "json")
    };
    let dir = work.join("models");
    let path = dir.join(format!("seed-{seed}.{extension}"));
    std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::write(&path, text))
        .map_err(|e| (path.clone(), e.to_string()))?;
    let options = codegen::Options {
        models: vec![path.clone()],
        plan: codegen::PlanOptions {
            crate_name: Some(model.crate_name()),
            ..Default::default()
        },
    };
    let generation = crate::format::generate(&options, None)
        .map_err(|problems| (path.clone(), problems.to_string()))?
        .generation;
    let mut files = generation.files.clone();
    files.insert(
        "tests/prop.rs".to_owned(),
        test_writer::write(&model, &generation),
    );
    let crate_dir = work.join("crates").join(model.crate_name());
    crate::write_scratch_crate(&files, &crate_dir).map_err(|e| (path.clone(), e.to_string()))?;
    Ok((path, crate_dir))
}

/// The batch's workspace manifest, with the lock file of this repository so that the
/// generated crates build against the dependency versions it was tested with.
fn write_workspace(work: &Path, members: &[(u64, PathBuf)]) -> std::io::Result<()> {
    let list: Vec<String> = members
        .iter()
        .map(|(seed, _)| format!("    \"crates/fuzz-{seed}\","))
        .collect();
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [\n{}\n]\n",
        list.join("\n")
    );
    std::fs::write(work.join("Cargo.toml"), manifest)?;
    let lock = work.join("Cargo.lock");
    if !lock.exists() {
        std::fs::copy(codegen::workspace_root().join("Cargo.lock"), lock)?;
    }
    Ok(())
}

/// Test executables by package name, from cargo's JSON messages.
fn test_executables(messages: &str) -> std::collections::BTreeMap<String, PathBuf> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "prop")
        .filter_map(|m| {
            let exe = m["executable"].as_str()?;
            let id = m["package_id"].as_str()?;
            // `path+file:///.../crates/fuzz-7#0.1.0` or `fuzz-7 0.1.0 (path+...)`.
            let name = id
                .rsplit('/')
                .next()
                .and_then(|tail| tail.split('#').next())
                .filter(|n| n.starts_with("fuzz-"))
                .or_else(|| id.split(' ').next())?;
            Some((name.to_owned(), PathBuf::from(exe)))
        })
        .collect()
}

/// The compiler messages that name the crate of `seed`.
fn messages_for(stderr: &str, seed: u64) -> String {
    let needle = format!("crates/fuzz-{seed}/");
    let blocks: Vec<&str> = stderr
        .split("\n\n")
        .filter(|block| block.contains(&needle) || block.contains(&format!("`fuzz-{seed}`")))
        .collect();
    let text = blocks.join("\n\n");
    text.chars().take(20_000).collect()
}

/// Keeps the failing model under `failures/`, where a later batch does not overwrite it.
fn keep(work: &Path, mut failure: Failure) -> Failure {
    let dir = work.join("failures");
    if let Some(name) = failure.model.file_name() {
        let kept = dir.join(name);
        if std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::copy(&failure.model, &kept))
            .is_ok()
        {
            failure.model = kept;
        }
    }
    failure
}

/// Removes the batch's own build products, keeping the compiled dependencies for the next
/// batch, so that a long run's disk use stays flat.
fn prune(target: &Path) {
    let debug = target.join("debug");
    for dir in [
        debug.join("deps"),
        debug.join(".fingerprint"),
        debug.join("build"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("fuzz_")
                || name.starts_with("fuzz-")
                || name.starts_with("libfuzz_")
                || name.starts_with("prop-")
            {
                let path = entry.path();
                let _ = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
            }
        }
    }
}
