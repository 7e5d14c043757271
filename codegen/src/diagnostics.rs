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

    /// Fills in the line and column of every problem that names a shape in a file and has
    /// no position yet, with what `find` says for (file, shape id) (see `load::locate`).
    pub fn locate_with(&mut self, mut find: impl FnMut(&Path, &str) -> Option<(usize, usize)>) {
        for diagnostic in &mut self.0 {
            if let (Some(file), Some(shape), None) =
                (&diagnostic.file, &diagnostic.shape, diagnostic.position)
            {
                diagnostic.position = find(file, shape);
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
