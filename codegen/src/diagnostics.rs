//! Problems found in a model, each naming where it is: the file, the shape id and member,
//! and what is wrong in plain words. Independent problems are collected and reported together.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a model or in the generator's inputs.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The model file the problem is in, when known.
    pub file: Option<PathBuf>,
    /// Line and column (1-based) in the file, when known.
    pub position: Option<(usize, usize)>,
    /// The shape id (with `$member` when it is about a member), when the problem has one.
    pub shape: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// A problem that is about a whole file.
    pub fn in_file(file: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: Some(file.to_path_buf()),
            position: None,
            shape: None,
            message: message.into(),
        }
    }

    /// A problem with a shape (or member); the file is filled in by whoever knows it.
    pub fn at_shape(shape: impl fmt::Display, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: None,
            position: None,
            shape: Some(shape.to_string()),
            message: message.into(),
        }
    }

    /// A problem with the generator's own inputs (options, paths).
    pub fn general(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: None,
            position: None,
            shape: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("error: ")?;
        match (&self.file, self.position) {
            (Some(file), Some((line, column))) => {
                write!(f, "{}:{line}:{column}: ", file.display())?
            }
            (Some(file), None) => write!(f, "{}: ", file.display())?,
            _ => {}
        }
        if let Some(shape) = &self.shape {
            write!(f, "{shape}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// One or more problems; never empty when returned as an error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// A single problem.
    pub fn one(diagnostic: Diagnostic) -> Diagnostics {
        Diagnostics(vec![diagnostic])
    }

    /// Adds a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds all of another set's problems.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, sorted and without repeats, for stable reports.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort();
        self.0.dedup();
        self.0
    }

    /// Fills in the line and column of every problem that names a shape: from the positions
    /// an IDL file recorded, or by finding the shape's key (and the member's key inside it) in
    /// the text of a JSON file. Only runs when there are problems, so a valid model pays
    /// nothing for it.
    pub fn locate(&mut self, files: &[crate::load::LoadedFile]) {
        let mut texts: std::collections::BTreeMap<PathBuf, Option<String>> = Default::default();
        for diagnostic in &mut self.0 {
            let (Some(file), Some(shape), None) =
                (&diagnostic.file, &diagnostic.shape, diagnostic.position)
            else {
                continue;
            };
            if let Some(loaded) = files.iter().find(|f| &f.path == file) {
                if !loaded.positions.is_empty() {
                    let root = shape
                        .split_once('$')
                        .map_or(shape.as_str(), |(root, _)| root);
                    diagnostic.position = loaded
                        .positions
                        .get(shape)
                        .or_else(|| loaded.positions.get(root))
                        .copied();
                    continue;
                }
            }
            let text = texts
                .entry(file.clone())
                .or_insert_with(|| std::fs::read_to_string(file).ok());
            if let Some(text) = text {
                diagnostic.position = locate_shape(text, shape);
            }
        }
    }

    /// The problems in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// `Ok(value)` when nothing was found, the problems otherwise.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sorted = self.clone().into_sorted();
        for (i, diagnostic) in sorted.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        if sorted.len() > 1 {
            write!(f, "\n{} problems found", sorted.len())?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The 1-based line and column of `"ns#Name"` as a key in a JSON AST, or of the member key
/// `"member"` after it for `ns#Name$member`.
fn locate_shape(text: &str, shape: &str) -> Option<(usize, usize)> {
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
