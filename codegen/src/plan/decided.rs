//! What the passes before conversion decided (names, Rust types, limits, checks), bundled
//! for the conversions of [`convert`](super::convert) and [`enums`](super::enums), and the
//! documentation every converted entry carries.

use super::checks::Checks;
use super::constraints::MemberLimits;
use super::docs;
use super::ir::RustType;
use super::markdown;
use super::naming::Names;
use super::select::Selection;
use crate::load::{Model, ShapeId, Traits};
use std::collections::BTreeMap;

/// What the earlier passes decided, for building the table.
pub(super) struct Decided<'p, 'a> {
    pub model: &'p Model<'a>,
    pub selection: &'p Selection<'a>,
    pub names: &'p Names,
    pub types: &'p BTreeMap<ShapeId, RustType>,
    pub limits: &'p BTreeMap<ShapeId, MemberLimits>,
    pub checks: &'p Checks,
}

/// Rustdoc Markdown for a shape's or member's documentation, unless it is empty: CommonMark
/// (an IDL documentation comment) re-written by [`markdown`], HTML converted by [`docs`].
pub(super) fn docs_of(traits: &Traits) -> Option<String> {
    let convert = match traits.documentation_is_commonmark {
        true => markdown::to_rustdoc,
        false => docs::to_markdown,
    };
    traits
        .documentation
        .as_deref()
        .map(convert)
        .filter(|d| !d.is_empty())
}
