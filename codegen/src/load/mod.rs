//! *Load*: read Smithy 2.0 JSON AST files into plain serde types.
//!
//! Nothing clever happens here: the types mirror the JSON AST one to one, so that any valid
//! JSON AST file (ours, or the full official service models) loads. Interpretation of shape
//! types and traits is the job of [`crate::plan`].

mod ast;
pub mod idl;
mod shape_id;

pub use ast::{MemberShape, Model, Shape, ShapeRef};
pub use shape_id::ShapeId;

use crate::diagnostics::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A model file after loading, remembered with where it came from.
#[derive(Debug)]
pub struct LoadedFile {
    /// The path the model was read from (used in diagnostics).
    pub path: PathBuf,
    /// The model, in JSON AST form (IDL files are converted to it).
    pub model: Model,
    /// Where each shape and member is defined (`ns#Name` or `ns#Name$member` -> 1-based line
    /// and column), when the loader knows; empty for JSON AST files, whose diagnostics are
    /// located by searching the text instead.
    pub positions: BTreeMap<String, (usize, usize)>,
}

/// The JSON AST versions this loader understands.
const SUPPORTED_VERSIONS: &[&str] = &["2.0", "2"];

/// Reads and parses one JSON AST file.
/// Model files larger than this are refused: the largest AWS service models are a few MiB,
/// so a bigger file is almost certainly the wrong file, and reading it would only waste time.
pub const MAX_MODEL_BYTES: u64 = 32 * 1024 * 1024;

pub fn load_file(path: &Path) -> Result<LoadedFile, Diagnostics> {
    if let Ok(metadata) = std::fs::metadata(path) {
        if metadata.len() > MAX_MODEL_BYTES {
            return Err(Diagnostics::one(Diagnostic::in_file(
                path,
                format!(
                    "the model is {:.1} MiB; files over {} MiB are refused as not being Smithy models",
                    metadata.len() as f64 / (1024.0 * 1024.0),
                    MAX_MODEL_BYTES / (1024 * 1024)
                ),
            )));
        }
    }
    let text = std::fs::read_to_string(path).map_err(|err| {
        Diagnostics::one(Diagnostic::in_file(
            path,
            format!("cannot read the model: {err}"),
        ))
    })?;
    parse_model(path, &text)
}

/// Parses JSON AST text; `path` is only used to name the file in errors.
pub fn parse_model(path: &Path, text: &str) -> Result<LoadedFile, Diagnostics> {
    let model: Model = serde_json::from_str(text).map_err(|err| {
        let mut diagnostic =
            Diagnostic::in_file(path, format!("not a valid Smithy JSON AST: {err}"));
        if err.line() > 0 {
            diagnostic.position = Some((err.line(), err.column()));
        }
        Diagnostics::one(diagnostic)
    })?;
    if !SUPPORTED_VERSIONS.contains(&model.smithy.as_str()) {
        return Err(Diagnostics::one(Diagnostic::in_file(
            path,
            format!(
                "unsupported Smithy version \"{}\": only 2.0 JSON AST models are supported",
                model.smithy
            ),
        )));
    }
    Ok(LoadedFile {
        path: path.to_path_buf(),
        model,
        positions: BTreeMap::new(),
    })
}
