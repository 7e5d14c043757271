//! A code generator for AWS-style service bindings: Smithy 2.0 models (JSON AST or IDL) in, a
//! Rust crate of request, response and error types out.
//!
//! The pipeline has three stages, each a private module that knows nothing of the later ones:
//! *load* reads files into the typed model of [`load`]; *plan* selects, checks and resolves it
//! into one table of types, the [`ir`]; *emit* turns the IR into Rust tokens, and prettyplease
//! prints them. [`generate`] runs all three; [`output`] writes the result atomically or checks
//! a directory against it. Formatting with rustfmt is the maintainer tool's job (`cargo xtask`).
//!
//! The public API is what the maintainer tool and the tests need: [`Options`], [`generate`],
//! [`load_models`], [`diagnostics`], the report types ([`Generation`], [`ir`]), and the
//! compliance and wire-case test generators ([`compliance`], [`wire_cases`]).

#![deny(missing_docs)]

pub mod compliance;
pub mod diagnostics;
mod emit;
pub mod load;
pub mod output;
mod plan;
mod print;
pub mod wire_cases;

pub use plan::{ir, pattern, pattern_dfa, plan, PlanOptions};
pub use print::{token_key, PrintMemo};

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
}

/// The result of a generation: the planned service and every file of the crate.
#[derive(Debug)]
pub struct Generation {
    /// The IR the files were emitted from.
    pub service: plan::ir::Service,
    /// File contents by path relative to the crate root (`/`-separated), sorted: Rust files
    /// as prettyplease prints them, not yet formatted by rustfmt (`cargo xtask` does that).
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
    /// Emitting tokens and printing them with prettyplease, on all cores.
    pub emit: std::time::Duration,
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
    generate_inner(options, None)
}

/// [`generate`], taking the text of files whose tokens `memo` has seen printed before instead
/// of printing them again (and telling it the newly printed ones). The files are the same.
pub fn generate_with_memo(
    options: &Options,
    memo: &dyn PrintMemo,
) -> Result<Generation, Diagnostics> {
    generate_inner(options, Some(memo))
}

fn generate_inner(
    options: &Options,
    memo: Option<&dyn PrintMemo>,
) -> Result<Generation, Diagnostics> {
    let started = std::time::Instant::now();
    let loaded = load_models(&options.models)?;
    let load = started.elapsed();
    let mut generation = generate_loaded_inner(&loaded, options, memo)?;
    generation.timings.load = load;
    Ok(generation)
}

/// Reads model files: Smithy JSON AST (`*.json`) and Smithy IDL 2.0 (`*.smithy`) files, or
/// directories, whose model files (subdirectories included) are all read. The IDL files are
/// loaded together, so that `use`, `apply` and mixins may cross files.
pub fn load_models(paths: &[PathBuf]) -> Result<Vec<load::LoadedFile>, Diagnostics> {
    let files = model_files(paths)?;
    let mut loaded = Vec::new();
    let mut problems = Diagnostics::default();
    let mut idl = Vec::new();
    for file in &files {
        if is_idl(file) {
            match std::fs::read_to_string(file) {
                Ok(text) => idl.push((file.clone(), text)),
                Err(err) => problems.push(Diagnostic::in_file(
                    file,
                    format!("cannot read the model: {err}"),
                )),
            }
            continue;
        }
        match load::load_file(file) {
            Ok(model) => loaded.push(model),
            Err(found) => problems.extend(found),
        }
    }
    if !idl.is_empty() {
        match load::idl::load_idl_files(&idl) {
            Ok(files) => loaded.extend(files),
            Err(found) => problems.extend(found),
        }
    }
    problems.into_result(loaded)
}

/// Plans the service and emits the crate from models already loaded (by [`load_models`]);
/// `options.models` is not read.
pub fn generate_loaded(
    loaded: &[load::LoadedFile],
    options: &Options,
) -> Result<Generation, Diagnostics> {
    generate_loaded_inner(loaded, options, None)
}

/// [`generate_loaded`] with a [`PrintMemo`], as in [`generate_with_memo`].
pub fn generate_loaded_with_memo(
    loaded: &[load::LoadedFile],
    options: &Options,
    memo: &dyn PrintMemo,
) -> Result<Generation, Diagnostics> {
    generate_loaded_inner(loaded, options, Some(memo))
}

fn generate_loaded_inner(
    loaded: &[load::LoadedFile],
    options: &Options,
    memo: Option<&dyn PrintMemo>,
) -> Result<Generation, Diagnostics> {
    let mut timings = Timings::default();
    let started = std::time::Instant::now();
    let service = plan::plan(loaded, &options.plan).map_err(|mut problems| {
        load::locate(&mut problems, loaded);
        problems
    })?;
    timings.plan = started.elapsed();
    let started = std::time::Instant::now();
    let (jobs, text) = emit::crate_jobs(&service);
    let crate_key = memo.map(|_| print::crate_key(&service));
    let memo = memo.zip(crate_key.as_deref());
    let files = print::print_jobs(jobs, text, memo)
        .map_err(|err| Diagnostics::one(Diagnostic::general(err)))?;
    timings.emit = started.elapsed();
    Ok(Generation {
        service,
        files,
        timings,
    })
}

fn is_idl(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "smithy")
}

fn is_model_file(path: &Path) -> bool {
    is_idl(path) || path.extension().is_some_and(|ext| ext == "json")
}

/// Expands directories into their model files (sorted, subdirectories included); files are
/// taken as given.
fn model_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    if paths.is_empty() {
        return Err(Diagnostics::one(Diagnostic::general(
            "no model files given",
        )));
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            collect_model_files(path, &mut found, 0).map_err(|err| {
                Diagnostics::one(Diagnostic::in_file(
                    path,
                    format!("cannot read the directory: {err}"),
                ))
            })?;
            found.sort();
            if found.is_empty() {
                return Err(Diagnostics::one(Diagnostic::in_file(
                    path,
                    "the directory holds no *.json or *.smithy model",
                )));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The model files below `dir`; symbolic link loops are cut off by a depth limit.
fn collect_model_files(dir: &Path, found: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    if depth > 16 {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_model_files(&path, found, depth + 1)?;
        } else if is_model_file(&path) {
            found.push(path);
        }
    }
    Ok(())
}

/// The directory holding `models/`, `generated/`, ... when running inside this workspace.
pub fn workspace_root() -> PathBuf {
    // codegen/ is one level below the workspace root.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::canonicalize(&root).unwrap_or(root)
}
