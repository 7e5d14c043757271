//! The problems the planner finds, each located at a shape (or member) of the model and in
//! the file that defines it. Passes report into one collection, so every mistake of a model
//! is reported in one run.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{Model, ShapeId};
use std::path::Path;

/// The problems found so far.
pub(super) struct Problems<'a> {
    model: &'a Model<'a>,
    found: Diagnostics,
    /// Warnings: what the crate leaves out of a model it still generates.
    warnings: Vec<String>,
}

impl<'a> Problems<'a> {
    pub(super) fn new(model: &'a Model<'a>) -> Problems<'a> {
        Problems {
            model,
            found: Diagnostics::default(),
            warnings: Vec::new(),
        }
    }

    /// A problem with a shape or member.
    pub(super) fn report(&mut self, at: &ShapeId, message: impl Into<String>) {
        let diagnostic = located(self.model, at, message);
        self.found.push(diagnostic);
    }

    /// Something the generated crate leaves out, located as a problem is (`file: shape:
    /// message`), but not a reason to refuse the model.
    pub(super) fn warn(&mut self, at: &ShapeId, message: impl Into<String>) {
        let located = located(self.model, at, message).to_string();
        let text = located
            .strip_prefix("error: ")
            .unwrap_or(&located)
            .to_owned();
        if !self.warnings.contains(&text) {
            self.warnings.push(text);
        }
    }

    /// The warnings so far, taken out.
    pub(super) fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// `Ok(value)` when nothing was found.
    pub(super) fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        self.found.into_result(value)
    }
}

/// A problem with a shape or member, naming the file that defines it.
pub(super) fn located(model: &Model, at: &ShapeId, message: impl Into<String>) -> Diagnostic {
    let mut diagnostic = Diagnostic::at_shape(at, message);
    diagnostic.file = model.file_of(at).map(Path::to_path_buf);
    diagnostic
}
