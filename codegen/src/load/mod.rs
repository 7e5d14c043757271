//! *Load*: read Smithy models into a typed model.
//!
//! Both front ends, JSON AST files and Smithy IDL files ([`idl`]), produce the JSON AST form
//! ([`ast::Document`]), and one step types every shape of it once: its [`ShapeKind`], its
//! references as [`ShapeId`]s and its traits as [`Traits`]. A trait value that is wrong is
//! kept with its message, for the planner to report when a selected operation reaches it.
//! Nothing here knows about Rust: choosing what to generate is the job of [`crate::plan`].

pub mod ast;
pub mod idl;
mod kind;
mod locate;
mod model;
pub mod number_text;
mod shape_id;
mod shapes;
pub mod traits;

pub use kind::ShapeKind;
pub use locate::locate;
pub use model::{Member, Shape};
pub use shape_id::ShapeId;
pub use shapes::Model;
pub use traits::{TraitId, Traits};

use crate::diagnostics::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A model file after loading, remembered with where it came from.
#[derive(Debug)]
pub struct LoadedFile {
    /// The path the model was read from (used in diagnostics).
    pub path: PathBuf,
    /// The file in JSON AST form, as written (IDL files are converted to it).
    pub document: ast::Document,
    /// The file's shapes, typed.
    pub shapes: BTreeMap<ShapeId, Shape>,
    /// Where each shape and member is defined (`ns#Name` or `ns#Name$member` -> 1-based line
    /// and column), when the loader knows; empty for JSON AST files, whose diagnostics are
    /// located by searching the text instead.
    pub positions: BTreeMap<String, (usize, usize)>,
}

impl LoadedFile {
    /// Types a document's shapes. `text` is the JSON text the document was read from, to
    /// locate problems in; IDL files give `positions` instead.
    pub(crate) fn new(
        path: PathBuf,
        document: ast::Document,
        positions: BTreeMap<String, (usize, usize)>,
        text: Option<&str>,
    ) -> Result<LoadedFile, Diagnostics> {
        let mut problems = Diagnostics::default();
        let mut shapes = BTreeMap::new();
        let mut found = Vec::new();
        for (raw_id, raw) in &document.shapes {
            let at_key = |message: String| Diagnostic {
                file: Some(path.clone()),
                position: None,
                shape: Some(raw_id.clone()),
                message,
            };
            match ShapeId::parse(raw_id) {
                Ok(id) if id.member().is_some() => problems.push(at_key(
                    "a shape id in `shapes` cannot name a member".to_owned(),
                )),
                Ok(id) => {
                    shapes.insert(id.clone(), Shape::read(id, raw, &mut found));
                }
                Err(why) => problems.push(at_key(why)),
            }
        }
        for (at, message) in found {
            let mut problem = Diagnostic::at_shape(at, message);
            problem.file = Some(path.clone());
            problems.push(problem);
        }
        if !problems.is_empty() {
            locate::locate_in_file(&mut problems, &path, text, &positions);
        }
        problems.into_result(LoadedFile {
            path,
            document,
            shapes,
            positions,
        })
    }
}

/// The JSON AST versions this loader understands.
const SUPPORTED_VERSIONS: &[&str] = &["2.0", "2"];

/// Model files larger than this are refused: the largest AWS service models are a few MiB,
/// so a bigger file is almost certainly the wrong file, and reading it would only waste time.
pub const MAX_MODEL_BYTES: u64 = 32 * 1024 * 1024;

/// Reads and parses one JSON AST file.
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
    let mut document: ast::Document = serde_json::from_str(text).map_err(|err| {
        let mut diagnostic =
            Diagnostic::in_file(path, format!("not a valid Smithy JSON AST: {err}"));
        if err.line() > 0 {
            diagnostic.position = Some((err.line(), err.column()));
        }
        Diagnostics::one(diagnostic)
    })?;
    if !SUPPORTED_VERSIONS.contains(&document.smithy.as_str()) {
        return Err(Diagnostics::one(Diagnostic::in_file(
            path,
            format!(
                "unsupported Smithy version \"{}\": only 2.0 JSON AST models are supported",
                document.smithy
            ),
        )));
    }
    refuse_mixins(path, text, &document)?;
    number_text::keep_in_json(&mut document, text);
    LoadedFile::new(path.to_path_buf(), document, BTreeMap::new(), Some(text))
}

/// Refuses the shapes of a JSON AST that use mixins. A JSON AST lists only a shape's own
/// members and traits beside its `mixins`; this generator flattens mixins in IDL models
/// only (`idl/resolve.rs`), so reading such a shape would lose what it inherits, silently.
fn refuse_mixins(path: &Path, text: &str, document: &ast::Document) -> Result<(), Diagnostics> {
    let mut users = document
        .shapes
        .iter()
        .filter(|(_, shape)| !shape.mixins.is_empty())
        .map(|(id, _)| id);
    let Some(first) = users.next() else {
        return Ok(());
    };
    // One diagnostic, at the first shape: locating each of thousands would cost more than
    // the whole model.
    let others = match users.count() {
        0 => String::new(),
        1 => " (and 1 more shape does)".to_owned(),
        n => format!(" (and {n} more shapes do)"),
    };
    let mut problems = Diagnostics::one(Diagnostic {
        file: Some(path.to_path_buf()),
        position: None,
        shape: Some(first.clone()),
        message: format!(
            "uses mixins, which this generator flattens only in IDL models{others}; in a JSON \
             AST the members and traits a shape inherits would be lost, so the model is refused \
             (write it in IDL, or flatten the mixins first, as smithy-build's \
             `flattenAndRemoveMixins` transform does)"
        ),
    });
    locate::locate_in_file(&mut problems, path, Some(text), &BTreeMap::new());
    Err(problems)
}
