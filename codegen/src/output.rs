//! Writing a generated crate: atomically (a complete new directory replaces the old one, or
//! nothing changes), or not at all (`--check` compares a directory with what would be written).

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

/// Compares `dir` with the files that would be generated; empty when up to date.
pub fn check(files: &BTreeMap<String, String>, dir: &Path) -> io::Result<Vec<Staleness>> {
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

/// Every file below `dir`, as `/`-separated relative paths, sorted.
fn list_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        for entry in fs::read_dir(dir.join(&relative))? {
            let entry = entry?;
            let path = relative.join(entry.file_name());
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

/// Writes `files` as the complete contents of `dir`: first into a fresh directory beside it,
/// then swapped into place. On any error the previous `dir` is left as it was.
pub fn write_atomically(files: &BTreeMap<String, String>, dir: &Path) -> io::Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = dir
        .file_name()
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is not a directory name", dir.display()),
            )
        })?
        .to_string_lossy()
        .into_owned();
    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    let backup = parent.join(format!(".{name}.old-{}", std::process::id()));
    let result = write_tree(files, &staging).and_then(|()| swap_into_place(&staging, dir, &backup));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn write_tree(files: &BTreeMap<String, String>, root: &Path) -> io::Result<()> {
    if root.exists() {
        fs::remove_dir_all(root)?;
    }
    fs::create_dir_all(root)?;
    for (path, contents) in files {
        let target = root.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&target, contents)?;
    }
    Ok(())
}

/// Replaces `dir` by `staging`, keeping the old `dir` until the new one is in place.
fn swap_into_place(staging: &Path, dir: &Path, backup: &Path) -> io::Result<()> {
    if !dir.exists() {
        return fs::rename(staging, dir);
    }
    if backup.exists() {
        fs::remove_dir_all(backup)?;
    }
    fs::rename(dir, backup)?;
    if let Err(err) = fs::rename(staging, dir) {
        // Put the previous output back before reporting.
        fs::rename(backup, dir)?;
        return Err(err);
    }
    fs::remove_dir_all(backup)
}
