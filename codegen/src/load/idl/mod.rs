//! A Smithy IDL 2.0 front end (<https://smithy.io/2.0/spec/idl.html>): reads `.smithy` files
//! into the same JSON AST [`Document`](crate::load::ast::Document) that JSON files load into,
//! typed the same way, so the planner cannot tell the two apart.
//!
//! The work is split by concept: `lexer` (tokens with positions, documentation comments),
//! `text` (string escapes and text blocks), `node` (node values), `ids` (shape id
//! syntax), `parser` (one file's syntax tree), `prelude` (names in `smithy.api`) and
//! `resolve` (shape ids, `apply`, mixins, target elision, metadata, across all files).
//!
//! What the result looks like, matching what the Smithy CLI writes in a JSON AST:
//! - every shape id is absolute; members keep declaration order, mixin members first;
//! - annotation traits (`@required`, `@foo()`) are `{}`; documentation comments become
//!   `smithy.api#documentation` (an explicit `@documentation` wins over a comment);
//! - enum members target `smithy.api#Unit` and always carry `smithy.api#enumValue` (the
//!   member name when no value is given); `member: T = v` adds `smithy.api#default`;
//! - inline operation input/output become `{Operation}Input`/`{Operation}Output` structures
//!   (suffixes from `$operationInputSuffix`/`$operationOutputSuffix`) with `@input`/`@output`;
//! - mixins are flattened into members and traits, and the `mixins` list is kept; mixin
//!   shapes stay in the model;
//! - prelude shapes are never emitted.
//!
//! Metadata from all files is merged per the spec (arrays concatenate, equal values are
//! fine, anything else conflicts) and the merged map is put on the **first** file's model;
//! the other files' models have empty metadata.
//!
//! Known gaps: integers wider than 64 bits become floats (no arbitrary-precision JSON
//! numbers here); trait values are not checked against trait definitions, and shapes
//! referenced by absolute id are not required to exist (the planner reports those).

mod ids;
mod lexer;
mod node;
mod parser;
mod prelude;
mod resolve;
mod text;

use super::LoadedFile;
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::path::PathBuf;

/// Loads a set of IDL files together (relative ids, `apply`, mixins may cross files).
///
/// Returns one [`LoadedFile`] per input, in input order, each holding the shapes defined in
/// that file, fully resolved, and the 1-based position of every shape and member it defines.
/// Syntax errors are reported per file (the first one in each file); resolution errors are
/// collected across all files. Never panics, whatever the input.
pub fn load_idl_files(files: &[(PathBuf, String)]) -> Result<Vec<LoadedFile>, Diagnostics> {
    let mut errors = Diagnostics::default();
    let mut parsed = Vec::with_capacity(files.len());
    for (path, text) in files {
        if text.len() as u64 > super::MAX_MODEL_BYTES {
            errors.push(Diagnostic::in_file(
                path,
                format!(
                    "the model is {:.1} MiB; files over {} MiB are refused as not being Smithy models",
                    text.len() as f64 / (1024.0 * 1024.0),
                    super::MAX_MODEL_BYTES / (1024 * 1024)
                ),
            ));
            continue;
        }
        match parser::parse(text) {
            Ok(file) => parsed.push(resolve::ParsedFile {
                path: path.clone(),
                file,
            }),
            Err(err) => errors.push(Diagnostic {
                file: Some(path.clone()),
                position: Some(err.pos),
                shape: None,
                message: err.message,
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut loaded = Vec::new();
    for file in resolve::resolve(parsed)? {
        match LoadedFile::new(file.path, file.document, file.positions, None) {
            Ok(file) => loaded.push(file),
            Err(found) => errors.extend(found),
        }
    }
    errors.into_result(loaded)
}

#[cfg(test)]
mod tests;
