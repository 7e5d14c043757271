//! Whose is the output directory? The generator replaces a directory only when it knows it
//! wrote it: missing, empty, or holding a crate it generated and nothing else. Anything else
//! is refused, naming the first entry that made it refuse, and nothing is changed.

use super::manifest::{self, GENERATED_MARK, MANIFEST};
use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// What building a generated crate leaves at its root; kept across a regeneration.
pub const BUILD_PRODUCTS: [&str; 2] = ["Cargo.lock", "target"];

/// The prefix of every temporary file and directory the generator creates: staging
/// directories beside the output, and files written in place inside it.
pub const TEMPORARY_PREFIX: &str = ".kms-codegen-tmp-";

/// Who wrote the output directory, when the generator may replace it.
#[derive(Debug, PartialEq, Eq)]
pub enum Ours {
    /// It does not exist.
    Missing,
    /// It exists and is empty.
    Empty,
    /// It holds a crate the generator wrote: every file is listed in its manifest or
    /// carries the `@generated` header (a crate written before manifests has only headers;
    /// a file another branch added, merged in, has its header but no line in the manifest).
    Crate {
        /// The crate's files: those listed, and those found carrying the header.
        files: BTreeSet<String>,
        /// Temporary files an interrupted in-place write left.
        temporaries: Vec<String>,
    },
}

/// Why the generator will not write a directory. Nothing has been changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The path is a symbolic link: the generator does not follow it.
    Symlink {
        /// Where the link points.
        target: PathBuf,
    },
    /// The path exists and is not a directory.
    NotADirectory,
    /// The directory holds an entry the generator did not write (the first one, by path).
    Foreign {
        /// The entry, relative to the directory (a directory ends in `/`).
        entry: String,
        /// Why it is not the generator's, as a clause ("which ...").
        why: &'static str,
    },
    /// The directory is, contains, or lies inside a model the generator reads.
    OverlapsModel {
        /// The model path, as given.
        model: PathBuf,
        /// The directory lies inside the model path (else it contains it).
        inside: bool,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Symlink { target } => write!(
                f,
                "it is a symbolic link (to {}); the generator does not write through links: \
                 name the directory itself",
                target.display()
            ),
            Refusal::NotADirectory => write!(f, "it is a file, not a directory"),
            Refusal::Foreign { entry, why } => write!(
                f,
                "it holds `{entry}`, {why}; the generator replaces only a directory that is \
                 empty or holds a crate it generated (listed in its {MANIFEST}); move the \
                 file away or choose another directory"
            ),
            Refusal::OverlapsModel {
                model,
                inside: true,
            } => write!(
                f,
                "it lies inside the model path {}; choose a directory outside the models",
                model.display()
            ),
            Refusal::OverlapsModel {
                model,
                inside: false,
            } => write!(
                f,
                "it contains the model path {}; choose a directory outside the models",
                model.display()
            ),
        }
    }
}

/// Refuses an output directory that is, contains, or lies inside one of `models`: replacing
/// it would delete the models. Paths are compared with links resolved.
pub fn refuse_overlap(dir: &Path, models: &[PathBuf]) -> Result<(), Refusal> {
    let out = resolved(dir);
    for model in models {
        let model_path = resolved(model);
        if model_path.starts_with(&out) {
            return Err(Refusal::OverlapsModel {
                model: model.clone(),
                inside: false,
            });
        }
        if out.starts_with(&model_path) {
            return Err(Refusal::OverlapsModel {
                model: model.clone(),
                inside: true,
            });
        }
    }
    Ok(())
}

/// `path` absolute with links resolved, as far as it exists; the rest appended as written.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = fs::canonicalize(existing) {
            return rest.iter().rev().fold(real, |path, part| path.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Decides whether `dir` is the generator's to replace. `Err(Ok(refusal))` refuses;
/// `Err(Err(io))` could not read it.
pub fn inspect(dir: &Path) -> Result<Ours, Result<Refusal, io::Error>> {
    let metadata = match fs::symlink_metadata(dir) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Ours::Missing),
        Err(error) => return Err(Err(error)),
    };
    if metadata.file_type().is_symlink() {
        let target = fs::read_link(dir).unwrap_or_default();
        return Err(Ok(Refusal::Symlink { target }));
    }
    if !metadata.is_dir() {
        return Err(Ok(Refusal::NotADirectory));
    }
    let entries = walk(dir).map_err(Err)?;
    if entries.is_empty() {
        return Ok(Ours::Empty);
    }
    // A manifest that does not parse (say, with merge conflict markers) lists nothing; the
    // files it should have listed are still recognised by their header.
    let listed = match fs::read_to_string(dir.join(MANIFEST)) {
        Ok(text) => manifest::parse(&text).unwrap_or_default(),
        Err(error) if error.kind() == io::ErrorKind::NotFound => BTreeSet::new(),
        Err(error) => return Err(Err(error)),
    };
    let mut files = BTreeSet::new();
    let mut dirs = Vec::new();
    for (path, kind) in &entries {
        let top_level = !path.contains('/');
        let ours = match kind {
            Kind::Other => Err("which is neither a file nor a directory"),
            Kind::BadName => Err("whose name is not UTF-8"),
            Kind::Dir => {
                dirs.push(path);
                Ok(())
            }
            Kind::File if top_level && (path == MANIFEST || path == BUILD_PRODUCTS[0]) => Ok(()),
            Kind::File if is_temporary(path) => Ok(()),
            Kind::File if listed.contains(path.as_str()) => Ok(()),
            Kind::File if carries_header(&dir.join(path)).map_err(Err)? => Ok(()),
            Kind::File => Err("which is neither listed in its manifest nor marked `@generated`"),
        };
        match ours {
            Ok(()) if *kind == Kind::File => {
                files.insert(path.clone());
            }
            Ok(()) => {}
            Err(why) => {
                return Err(Ok(Refusal::Foreign {
                    entry: path.clone(),
                    why,
                }))
            }
        }
    }
    // A directory is ours when it holds a file of ours (or is the build's target/).
    for path in dirs {
        let prefix = format!("{path}/");
        if path != BUILD_PRODUCTS[1] && !files.iter().any(|file| file.starts_with(&prefix)) {
            return Err(Ok(Refusal::Foreign {
                entry: prefix,
                why: "a directory with no generated file in it",
            }));
        }
    }
    let temporaries = files.iter().filter(|p| is_temporary(p)).cloned().collect();
    files.retain(|path| path != MANIFEST && path != BUILD_PRODUCTS[0] && !is_temporary(path));
    files.extend(listed);
    Ok(Ours::Crate { files, temporaries })
}

/// Whether `path`'s file name marks a temporary file the generator writes in place.
pub fn is_temporary(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.starts_with(TEMPORARY_PREFIX))
}

#[derive(Debug, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
    Other,
    BadName,
}

/// Every entry below `dir` as `/`-separated relative paths, sorted, links not followed;
/// the build's `target/` at the root is not entered.
fn walk(dir: &Path) -> io::Result<Vec<(String, Kind)>> {
    let mut out = Vec::new();
    let mut pending = vec![String::new()];
    while let Some(relative) = pending.pop() {
        for entry in fs::read_dir(dir.join(&relative))? {
            let entry = entry?;
            let name = entry.file_name();
            let utf8 = name.to_str().is_some();
            let name = name.to_string_lossy().into_owned();
            let path = if relative.is_empty() {
                name
            } else {
                format!("{relative}/{name}")
            };
            let kind = entry.file_type()?;
            let kind = if !utf8 {
                Kind::BadName
            } else if kind.is_dir() {
                if path != BUILD_PRODUCTS[1] {
                    pending.push(path.clone());
                }
                Kind::Dir
            } else if kind.is_file() {
                Kind::File
            } else {
                Kind::Other
            };
            out.push((path, kind));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Whether the file's first line carries the generator's `@generated` header.
fn carries_header(path: &Path) -> io::Result<bool> {
    let mut start = Vec::new();
    fs::File::open(path)?
        .take(GENERATED_MARK.len() as u64 + 8)
        .read_to_end(&mut start)?;
    Ok(["// ", "# "].iter().any(|comment| {
        start
            .strip_prefix(comment.as_bytes())
            .is_some_and(|rest| rest.starts_with(GENERATED_MARK.as_bytes()))
    }))
}
