//! Where a shape or member is written, for diagnostics: from the positions an IDL file
//! recorded, or by finding the shape's key (and the member's key inside it) in the text of a
//! JSON AST file.

use super::LoadedFile;
use crate::diagnostics::Diagnostics;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Fills in the line and column of every problem that names a shape in one of `files`. Only
/// runs when there are problems, so a valid model pays nothing for it; JSON files are read
/// again for their text.
pub fn locate(problems: &mut Diagnostics, files: &[LoadedFile]) {
    let mut texts: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
    problems.locate_with(|file, shape| {
        if let Some(loaded) = files.iter().find(|f| f.path == file) {
            if !loaded.positions.is_empty() {
                return recorded_position(&loaded.positions, shape);
            }
        }
        let text = texts
            .entry(file.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(file).ok());
        text.as_deref().and_then(|text| json_position(text, shape))
    });
}

/// Fills in positions for the problems of one file being loaded, whose text is at hand.
pub(super) fn locate_in_file(
    problems: &mut Diagnostics,
    path: &Path,
    text: Option<&str>,
    positions: &BTreeMap<String, (usize, usize)>,
) {
    problems.locate_with(|file, shape| {
        if file != path {
            return None;
        }
        match text {
            Some(text) => json_position(text, shape),
            None => recorded_position(positions, shape),
        }
    });
}

/// The recorded position of a member, or of its shape when the member has none.
fn recorded_position(
    positions: &BTreeMap<String, (usize, usize)>,
    shape: &str,
) -> Option<(usize, usize)> {
    let root = shape.split_once('$').map_or(shape, |(root, _)| root);
    positions
        .get(shape)
        .or_else(|| positions.get(root))
        .copied()
}

/// The 1-based line and column of `"ns#Name"` as a key in a JSON AST, or of the member key
/// `"member"` after it for `ns#Name$member`.
fn json_position(text: &str, shape: &str) -> Option<(usize, usize)> {
    let (root, member) = match shape.split_once('$') {
        Some((root, member)) => (root, Some(member)),
        None => (shape, None),
    };
    let is_key = |at: usize, len: usize| {
        text.get(at + len..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    };
    let key = format!("\"{root}\"");
    let mut at = text
        .match_indices(&key)
        .map(|(i, _)| i)
        .find(|&i| is_key(i, key.len()))?;
    if let Some(member) = member {
        let member_key = format!("\"{member}\"");
        let after = text.get(at..).unwrap_or_default();
        if let Some(offset) = after
            .match_indices(&member_key)
            .map(|(i, _)| i)
            .find(|&i| is_key(at + i, member_key.len()))
        {
            at += offset;
        }
    }
    let before = text.get(..at)?;
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(at, |newline| at - newline - 1) + 1;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::json_position;

    #[test]
    fn finds_shape_and_member_keys_not_values() {
        let text = "{\n  \"a#B\": {\n    \"target\": \"a#B\",\n    \"members\": {\n      \"x\": {}\n    }\n  }\n}";
        assert_eq!(json_position(text, "a#B"), Some((2, 3)));
        assert_eq!(json_position(text, "a#B$x"), Some((5, 7)));
        assert_eq!(json_position(text, "a#C"), None);
    }
}
