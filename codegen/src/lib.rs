//! A code generator for AWS-style service bindings: Smithy 2.0 JSON AST in, a Rust crate of
//! request, response and error types out.
//!
//! The pipeline has three stages with one module each:
//! - [`load`]: serde types that mirror the JSON AST;
//! - [`plan`]: selection, checks and the resolved intermediate representation ([`plan::ir`]);
//! - [`emit`]: pure functions from the IR to Rust tokens, formatted with prettyplease.
//!
//! [`generate`] runs all three; [`output`] writes the result atomically or checks a
//! directory against it.

pub mod diagnostics;
pub mod emit;
pub mod format;
pub mod load;
pub mod output;
pub mod plan;
pub mod wire_cases;

use diagnostics::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Model files, or directories whose `*.json` files are all read.
    pub models: Vec<PathBuf>,
    /// Service, operations and crate name.
    pub plan: plan::PlanOptions,
    /// A directory for the formatting cache (see [`format`](mod@format)); none when `None`.
    pub format_cache: Option<PathBuf>,
}

/// The result of a generation: the planned service and every file of the crate.
#[derive(Debug)]
pub struct Generation {
    /// The IR the files were emitted from.
    pub service: plan::ir::Service,
    /// File contents by path relative to the crate root (`/`-separated), sorted.
    pub files: BTreeMap<String, String>,
    /// How long each stage took.
    pub timings: Timings,
}

/// Wall time of each stage of a generation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Reading and parsing the model files.
    pub load: std::time::Duration,
    /// Planning (checks and the IR).
    pub plan: std::time::Duration,
    /// Emitting tokens and printing them with prettyplease.
    pub emit: std::time::Duration,
    /// The rustfmt pass.
    pub format: std::time::Duration,
}

impl Generation {
    /// Total number of lines across all files.
    pub fn line_count(&self) -> usize {
        self.files.values().map(|text| text.lines().count()).sum()
    }

    /// Number of model shapes the crate was generated from: the selected operations and
    /// every shape they reach.
    pub fn shape_count(&self) -> usize {
        self.service.shape_count
    }
}

/// Loads the models, plans the service and emits the crate, in memory.
pub fn generate(options: &Options) -> Result<Generation, Diagnostics> {
    let mut timings = Timings::default();
    let started = std::time::Instant::now();
    let files = model_files(&options.models)?;
    let mut loaded = Vec::new();
    let mut problems = Diagnostics::default();
    for file in &files {
        match load::load_file(file) {
            Ok(model) => loaded.push(model),
            Err(found) => problems.extend(found),
        }
    }
    let loaded = problems.into_result(loaded)?;
    timings.load = started.elapsed();
    let started = std::time::Instant::now();
    let service = plan::plan(&loaded, &options.plan).map_err(|mut problems| {
        problems.locate();
        problems
    })?;
    timings.plan = started.elapsed();
    let started = std::time::Instant::now();
    let emitted = emit::emit_crate_tokens(&service)
        .map_err(|err| Diagnostics::one(Diagnostic::general(err)))?;
    timings.emit = started.elapsed();
    let started = std::time::Instant::now();
    let files = format::format_crate(emitted, options.format_cache.as_deref())
        .map_err(|err| Diagnostics::one(Diagnostic::general(err)))?;
    timings.format = started.elapsed();
    Ok(Generation {
        service,
        files,
        timings,
    })
}

/// Expands directories into their `*.json` files (sorted); files are taken as given.
fn model_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    if paths.is_empty() {
        return Err(Diagnostics::one(Diagnostic::general(
            "no model files given",
        )));
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|err| {
                Diagnostics::one(Diagnostic::in_file(
                    path,
                    format!("cannot read the directory: {err}"),
                ))
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Diagnostics::one(Diagnostic::in_file(
                    path,
                    "the directory holds no *.json model",
                )));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The directory holding `models/`, `generated/`, ... when running inside this workspace.
pub fn workspace_root() -> PathBuf {
    // codegen/ is one level below the workspace root.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::canonicalize(&root).unwrap_or(root)
}
