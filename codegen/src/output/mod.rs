//! Writing a generated crate: atomically (a complete new directory replaces the old one, or
//! nothing changes), or not at all (`--check` compares a directory with what would be written).
//!
//! The generator writes only where it knows the directory is its own ([`ownership`]): a
//! missing or empty directory, or one holding a crate it generated, recognised by the
//! manifest it writes beside the files ([`manifest`]) or, for a crate written before
//! manifests, by the `@generated` header every file carries. Anything else is refused, and
//! nothing is changed. The swap itself is in [`swap`].

pub mod manifest;
pub mod ownership;
pub mod swap;

use manifest::MANIFEST;
use ownership::{Ours, Refusal, BUILD_PRODUCTS};
use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use swap::{annotate, Failure, Renames, Swapped};

/// How a file on disk differs from what would be generated.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Staleness {
    /// The file would be generated but does not exist.
    Missing(String),
    /// The file exists with other contents.
    Changed(String),
    /// The file exists but would not be generated (it would be removed).
    Extra(String),
}

impl fmt::Display for Staleness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Staleness::Missing(path) => write!(f, "missing: {path}"),
            Staleness::Changed(path) => write!(f, "stale:   {path}"),
            Staleness::Extra(path) => write!(f, "extra:   {path}"),
        }
    }
}

/// Compares `dir` with the files that would be generated (and the manifest listing them);
/// empty when up to date. `Cargo.lock` and `target/` from building the crate do not count.
pub fn check(files: &BTreeMap<String, String>, dir: &Path) -> io::Result<Vec<Staleness>> {
    compare(&with_manifest(files), dir)
}

/// `files` and the manifest listing them: everything the generator writes.
fn with_manifest(files: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut all = files.clone();
    all.insert(MANIFEST.to_owned(), manifest::render(files.keys()));
    all
}

fn compare(files: &BTreeMap<String, String>, dir: &Path) -> io::Result<Vec<Staleness>> {
    let mut found = Vec::new();
    for (path, contents) in files {
        match fs::read(dir.join(path)) {
            Ok(bytes) if bytes == contents.as_bytes() => {}
            Ok(_) => found.push(Staleness::Changed(path.clone())),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                found.push(Staleness::Missing(path.clone()))
            }
            Err(err) => {
                return Err(io::Error::new(
                    err.kind(),
                    format!("{}: {err}", dir.join(path).display()),
                ))
            }
        }
    }
    if dir.is_dir() {
        for path in list_files(dir)? {
            if !files.contains_key(&path) {
                found.push(Staleness::Extra(path));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Every file below `dir`, as `/`-separated relative paths, sorted; `Cargo.lock` and
/// `target/` at the root (from building the crate) left out.
fn list_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        for entry in fs::read_dir(dir.join(&relative))? {
            let entry = entry?;
            let path = relative.join(entry.file_name());
            if relative.as_os_str().is_empty()
                && BUILD_PRODUCTS.iter().any(|p| entry.file_name() == *p)
            {
                continue;
            }
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else {
                let parts: Vec<String> = path
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// What a successful write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The directory already held exactly these files; nothing was written.
    Unchanged,
    /// The directory did not exist, or was empty; it now holds the crate.
    Created,
    /// The previous crate was replaced by the new one in one swap.
    Replaced,
    /// The directory cannot be renamed (a mount point): its files were replaced one by one.
    UpdatedInPlace,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::Unchanged => "unchanged",
            Outcome::Created | Outcome::Replaced => "written",
            Outcome::UpdatedInPlace => "written in place",
        })
    }
}

/// A successful write: what it did, and what it noticed on the way (leftovers of an
/// interrupted run found and removed, or left alone).
#[derive(Debug)]
pub struct Written {
    /// What happened to the directory.
    pub outcome: Outcome,
    /// One sentence each, for the user.
    pub notes: Vec<String>,
}

/// Why nothing, or not everything, was written.
#[derive(Debug)]
pub enum Problem {
    /// The directory is not the generator's to replace (see [`ownership`]); nothing changed.
    Refused(Refusal),
    /// Writing failed; nothing at the path changed.
    Unchanged(io::Error),
    /// The swap failed halfway and the previous crate could not be put back: it is at this
    /// path, and the output path is missing.
    PreviousAt(io::Error, PathBuf),
    /// Writing in place failed: some files are new, some old. The next run finishes it.
    PartlyUpdated(io::Error),
}

/// A failed write, with the notes gathered before it failed.
#[derive(Debug)]
pub struct WriteError {
    /// What went wrong, and what it left at the path.
    pub problem: Problem,
    /// As in [`Written::notes`].
    pub notes: Vec<String>,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            Problem::Refused(refusal) => write!(f, "refused: {refusal} (nothing was changed)"),
            Problem::Unchanged(error) => write!(f, "{error} (left unchanged)"),
            Problem::PreviousAt(error, kept) => write!(
                f,
                "{error}; the output path is now missing and the previous crate is at {}",
                kept.display()
            ),
            Problem::PartlyUpdated(error) => {
                write!(f, "{error} (partly updated in place; run again to finish)")
            }
        }
    }
}

impl std::error::Error for WriteError {}

impl From<WriteError> for io::Error {
    fn from(error: WriteError) -> io::Error {
        let kind = match &error.problem {
            Problem::Refused(_) => io::ErrorKind::AlreadyExists,
            Problem::Unchanged(e) | Problem::PreviousAt(e, _) | Problem::PartlyUpdated(e) => {
                e.kind()
            }
        };
        io::Error::new(kind, error.to_string())
    }
}

/// Writes `files` as the complete contents of `dir`, with a manifest listing them, when `dir`
/// is the generator's to write (missing, empty, or a crate it generated): first into a fresh
/// directory beside it, then swapped into place (see [`swap`]). On any error the previous
/// `dir` is left as it was, or the error says otherwise. `Cargo.lock` and `target/` of the
/// previous crate are kept. A `dir` that already holds exactly `files` is left untouched:
/// reading it back costs far less than creating every file again, and unchanged files keep
/// their modification times.
pub fn write_atomically(
    files: &BTreeMap<String, String>,
    dir: &Path,
) -> Result<Written, WriteError> {
    write_with(files, dir, swap::SYSTEM)
}

/// [`write_atomically`] with the given rename operations (tests simulate failures).
fn write_with(
    files: &BTreeMap<String, String>,
    dir: &Path,
    renames: Renames,
) -> Result<Written, WriteError> {
    let mut notes = Vec::new();
    let result = write_noting(files, dir, renames, &mut notes);
    match result {
        Ok(outcome) => Ok(Written { outcome, notes }),
        Err(problem) => Err(WriteError { problem, notes }),
    }
}

fn write_noting(
    files: &BTreeMap<String, String>,
    dir: &Path,
    renames: Renames,
    notes: &mut Vec<String>,
) -> Result<Outcome, Problem> {
    if let Some(bad) = files
        .keys()
        .find(|path| !manifest::is_plain_relative_path(path) || *path == MANIFEST)
    {
        return Err(Problem::Unchanged(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("the generator produced a file named {bad:?}, which it may not write"),
        )));
    }
    let dir = located(dir).map_err(Problem::Unchanged)?;
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent).map_err(Problem::Unchanged)?;
    }
    swap::clean_leftovers(&dir, notes);
    let previous = match ownership::inspect(&dir) {
        Ok(Ours::Missing) => None,
        Ok(Ours::Empty) => Some(Default::default()),
        Ok(Ours::Crate { files, temporaries }) => {
            swap::remove_temporaries(&dir, &temporaries, notes);
            Some(files)
        }
        Err(Ok(refusal)) => return Err(Problem::Refused(refusal)),
        Err(Err(error)) => return Err(Problem::Unchanged(annotate(error, &dir))),
    };
    let all = with_manifest(files);
    if previous.is_some() && matches!(compare(&all, &dir), Ok(stale) if stale.is_empty()) {
        return Ok(Outcome::Unchanged);
    }
    let swapped = swap::replace(&all, &dir, previous.as_ref(), renames, notes);
    match swapped {
        Ok(Swapped::Created) => Ok(Outcome::Created),
        Ok(Swapped::Replaced) => Ok(Outcome::Replaced),
        Ok(Swapped::InPlace) => Ok(Outcome::UpdatedInPlace),
        Err(Failure::Unchanged(error)) => Err(Problem::Unchanged(error)),
        Err(Failure::PreviousAt(error, kept)) => Err(Problem::PreviousAt(error, kept)),
        Err(Failure::PartlyUpdated(error)) => Err(Problem::PartlyUpdated(error)),
    }
}

/// `dir` as a parent directory and a name in it: `.` and `..` resolved, since a directory
/// is renamed through its parent.
fn located(dir: &Path) -> io::Result<PathBuf> {
    let named = match dir.file_name() {
        Some(_) => dir.to_path_buf(),
        None => fs::canonicalize(dir).map_err(|e| annotate(e, dir))?,
    };
    match (named.parent(), named.file_name()) {
        (Some(parent), Some(name)) if parent.as_os_str().is_empty() => {
            Ok(Path::new(".").join(name))
        }
        (Some(_), Some(_)) => Ok(named),
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a directory name", dir.display()),
        )),
    }
}

#[cfg(test)]
mod tests;
