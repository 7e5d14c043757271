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
/// then swapped into place. On any error the previous `dir` is left as it was. A `dir` that
/// already holds exactly `files` (no file changed, missing or extra) is left untouched:
/// reading it back costs far less than creating every file again, and unchanged files keep
/// their modification times.
pub fn write_atomically(files: &BTreeMap<String, String>, dir: &Path) -> io::Result<()> {
    if dir.is_dir() && matches!(check(files, dir), Ok(stale) if stale.is_empty()) {
        return Ok(());
    }
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

/// Writes `files` below a fresh `root`, the directories first, then the files on every core:
/// creating a file is mostly the file system's work, which some file systems do slowly.
fn write_tree(files: &BTreeMap<String, String>, root: &Path) -> io::Result<()> {
    if root.exists() {
        fs::remove_dir_all(root)?;
    }
    fs::create_dir_all(root)?;
    for path in files.keys() {
        if let Some(parent) = root.join(path).parent() {
            fs::create_dir_all(parent)?;
        }
    }
    let files: Vec<(&String, &String)> = files.iter().collect();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let files = &files;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || -> io::Result<()> {
                    for (path, contents) in files.iter().skip(worker).step_by(workers) {
                        fs::write(root.join(path), contents)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles.into_iter().try_for_each(|handle| {
            handle
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("a writing thread panicked")))
        })
    })
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

#[cfg(test)]
mod tests {
    // Full paths: tests/architecture.rs reads `super` here as the crate root.
    use crate::output::{check, list_files, write_atomically};
    use std::collections::BTreeMap;
    use std::fs;
    #[cfg(unix)]
    use std::os::unix::fs::MetadataExt;
    use std::path::{Path, PathBuf};

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, String> {
        list.iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect()
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("codegen-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    /// The directory's identity: a swap puts a new directory (a new inode) in its place.
    #[cfg(unix)]
    fn inode(dir: &Path) -> u64 {
        fs::metadata(dir).expect("directory exists").ino()
    }

    #[cfg(unix)]
    #[test]
    fn an_up_to_date_directory_is_left_untouched() {
        let dir = scratch("untouched");
        let crate_files = files(&[("src/lib.rs", "pub mod a;\n"), ("src/a.rs", "")]);
        write_atomically(&crate_files, &dir).expect("first write");
        let before = inode(&dir);
        write_atomically(&crate_files, &dir).expect("second write");
        assert_eq!(
            inode(&dir),
            before,
            "an identical output was swapped in again"
        );
        assert!(check(&crate_files, &dir).unwrap().is_empty());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_changed_missing_or_extra_file_replaces_the_whole_directory() {
        let dir = scratch("replaced");
        let old = files(&[("a.rs", "old"), ("b.rs", "b"), ("extra.rs", "")]);
        write_atomically(&old, &dir).expect("first write");
        for new in [
            files(&[("a.rs", "new"), ("b.rs", "b"), ("extra.rs", "")]),
            files(&[("a.rs", "new"), ("b.rs", "b")]),
            files(&[("a.rs", "new"), ("b.rs", "b"), ("c.rs", "c")]),
        ] {
            write_atomically(&new, &dir).expect("rewrite");
            assert_eq!(
                list_files(&dir).unwrap(),
                new.keys().cloned().collect::<Vec<_>>()
            );
            assert!(check(&new, &dir).unwrap().is_empty());
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
