//! Putting a new crate where the old one was, so that the path holds one complete crate or
//! the other at every moment.
//!
//! The new crate is written into a staging directory beside the output (same file system, so
//! a rename moves it), created by `tempfile` with an unpredictable name that starts with
//! [`TEMPORARY_PREFIX`]. The staging directory holds a `.gitignore` of `*` (git then shows
//! neither it nor anything in it) and a run marker naming the process and the output, and
//! below them `new/` (the crate being written) and, after the swap, the previous crate. On
//! Linux the swap is one `renameat2(RENAME_EXCHANGE)`; elsewhere, or where the file system
//! cannot exchange, two renames, with the previous crate put back if the second fails.
//!
//! A run killed midway leaves its staging directory; the next run for the same output finds
//! it by its marker, puts the previous crate back if the output went missing, and removes it.
//!
//! A directory that cannot be renamed (a mount point) is written in place instead, one
//! file at a time, each file renamed into place; see [`in_place`].

use super::manifest::{self, MANIFEST};
use super::ownership::{is_temporary, BUILD_PRODUCTS, TEMPORARY_PREFIX};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The marker in a staging directory: which process made it, for which output.
const RUN_MARKER: &str = ".kms-codegen-run";

/// The file-system operations a swap uses; tests replace them to simulate failures that
/// need privileges to cause (a mount point refuses to be renamed).
#[derive(Clone, Copy)]
pub struct Renames {
    /// Atomically exchanges two directories.
    pub exchange: fn(&Path, &Path) -> io::Result<()>,
    /// Renames a directory.
    pub rename: fn(&Path, &Path) -> io::Result<()>,
}

/// The real operations.
pub const SYSTEM: Renames = Renames {
    exchange,
    rename: |from, to| fs::rename(from, to),
};

/// How a crate got to its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swapped {
    /// The path did not exist; it holds the new crate.
    Created,
    /// The previous crate was swapped for the new one.
    Replaced,
    /// The directory could not be renamed, so its files were replaced one by one.
    InPlace,
}

/// What a failed write left at the output path.
#[derive(Debug)]
pub enum Failure {
    /// Nothing at the path changed.
    Unchanged(io::Error),
    /// The path is empty; the previous crate was kept at this path.
    PreviousAt(io::Error, PathBuf),
    /// Some files are new and some old (writing in place); the manifest lists them all, so
    /// the next run recognises the directory and finishes the job.
    PartlyUpdated(io::Error),
}

/// Writes `files` (the manifest among them) as the complete contents of `dir`, which exists
/// (holding `previous`, the files of the crate there) or not (`previous` is `None`).
pub fn replace(
    files: &BTreeMap<String, String>,
    dir: &Path,
    previous: Option<&BTreeSet<String>>,
    renames: Renames,
    notes: &mut Vec<String>,
) -> Result<Swapped, Failure> {
    let parent = dir.parent().unwrap_or(Path::new("."));
    if let Some(previous) = previous {
        if is_mount_point(dir, parent) {
            return in_place(files, dir, previous);
        }
    }
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let staging = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .tempdir_in(parent)
        .map_err(|e| Failure::Unchanged(annotate(e, parent)))?;
    let new = staging.path().join("new");
    let prepared = fs::write(staging.path().join(".gitignore"), "*\n")
        .and_then(|()| {
            fs::write(
                staging.path().join(RUN_MARKER),
                format!("pid {}\nfor {name}\n", std::process::id()),
            )
        })
        .and_then(|()| write_tree(files, &new));
    prepared.map_err(Failure::Unchanged)?;
    let Some(previous) = previous else {
        (renames.rename)(&new, dir).map_err(Failure::Unchanged)?;
        close(staging, notes);
        return Ok(Swapped::Created);
    };
    // After the exchange `new` holds the previous crate; after two renames `old` does.
    let old = match (renames.exchange)(&new, dir) {
        Ok(()) => new,
        Err(error) if cannot_rename(&error) => return in_place(files, dir, previous),
        Err(_) => {
            let old = staging.path().join("old");
            match (renames.rename)(dir, &old) {
                Ok(()) => {}
                Err(error) if cannot_rename(&error) => return in_place(files, dir, previous),
                Err(error) => return Err(Failure::Unchanged(error)),
            }
            if let Err(error) = (renames.rename)(&new, dir) {
                if (renames.rename)(&old, dir).is_ok() {
                    return Err(Failure::Unchanged(error));
                }
                // Keep the staging directory: it holds the previous crate.
                let kept = staging.keep();
                return Err(Failure::PreviousAt(error, kept.join("old")));
            }
            old
        }
    };
    for product in BUILD_PRODUCTS {
        let from = old.join(product);
        if fs::symlink_metadata(&from).is_ok() {
            if let Err(error) = fs::rename(&from, dir.join(product)) {
                notes.push(format!(
                    "could not keep {product} from the previous crate: {error}"
                ));
            }
        }
    }
    close(staging, notes);
    Ok(Swapped::Replaced)
}

/// Removes the staging directory, noting when that fails (it is then a leftover the next run
/// removes).
fn close(staging: tempfile::TempDir, notes: &mut Vec<String>) {
    let path = staging.path().to_path_buf();
    if let Err(error) = staging.close() {
        notes.push(format!("could not remove {}: {error}", path.display()));
    }
}

/// Whether an error says the directory itself cannot be renamed: it is a mount point (busy),
/// or on another file system than its parent.
fn cannot_rename(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ResourceBusy | io::ErrorKind::CrossesDevices
    )
}

/// Whether `dir` is on another file system than `parent` (it is mounted there).
fn is_mount_point(dir: &Path, parent: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(dir), fs::metadata(parent)) {
            (Ok(dir), Ok(parent)) => dir.dev() != parent.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (dir, parent);
        false
    }
}

/// Exchanges two paths atomically (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// Elsewhere there is no atomic exchange: the caller falls back to two renames.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Updates `dir` in place: every file written to a temporary file beside it and renamed over
/// it, then the files of `previous` that are no longer generated removed. The manifest lists
/// the old and new files while this runs, and only the new ones at the end, so an interrupted
/// run leaves a directory the next run still recognises as its own.
pub fn in_place(
    files: &BTreeMap<String, String>,
    dir: &Path,
    previous: &BTreeSet<String>,
) -> Result<Swapped, Failure> {
    let both: BTreeSet<&String> = previous.iter().chain(files.keys()).collect();
    let both: Vec<&String> = both.into_iter().filter(|p| *p != MANIFEST).collect();
    write_file(dir, MANIFEST, &manifest::render(both)).map_err(Failure::Unchanged)?;
    for (path, contents) in files {
        if path == MANIFEST || fs::read(dir.join(path)).is_ok_and(|old| old == contents.as_bytes())
        {
            continue;
        }
        write_file(dir, path, contents).map_err(Failure::PartlyUpdated)?;
    }
    for path in previous.iter().filter(|path| !files.contains_key(*path)) {
        match fs::remove_file(dir.join(path)) {
            Ok(()) => remove_empty_parents(dir, path),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(Failure::PartlyUpdated(error)),
        }
    }
    if let Some(contents) = files.get(MANIFEST) {
        write_file(dir, MANIFEST, contents).map_err(Failure::PartlyUpdated)?;
    }
    Ok(Swapped::InPlace)
}

/// Writes `dir/path` atomically: a temporary file in the same directory, renamed over it.
fn write_file(dir: &Path, path: &str, contents: &str) -> io::Result<()> {
    let target = dir.join(path);
    let parent = target.parent().unwrap_or(dir);
    fs::create_dir_all(parent)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMPORARY_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As `fs::write` would create it: the process umask decides.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(parent)?;
    file.write_all(contents.as_bytes())?;
    file.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Removes the directories above `path` that its removal left empty, up to `dir`.
fn remove_empty_parents(dir: &Path, path: &str) {
    let mut current = Path::new(path).parent();
    while let Some(relative) = current.filter(|p| !p.as_os_str().is_empty()) {
        if fs::remove_dir(dir.join(relative)).is_err() {
            break;
        }
        current = relative.parent();
    }
}

/// Writes `files` below a fresh `root`, the directories first, then the files on every core:
/// creating a file is mostly the file system's work, which some file systems do slowly.
fn write_tree(files: &BTreeMap<String, String>, root: &Path) -> io::Result<()> {
    fs::create_dir(root)?;
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

/// Finds the staging directories earlier runs for `dir` left in its parent. One whose run
/// is over is removed, after putting its previous crate back if `dir` went missing; one
/// whose run may still be going is left alone. Each is reported in `notes`.
pub fn clean_leftovers(dir: &Path, notes: &mut Vec<String>) {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with(TEMPORARY_PREFIX)
                && entry.file_type().is_ok_and(|kind| kind.is_dir())
        })
        .map(|entry| entry.path())
        .collect();
    found.sort();
    let expected_for = format!("for {}", name.to_string_lossy());
    for leftover in found {
        let Ok(marker) = fs::read_to_string(leftover.join(RUN_MARKER)) else {
            continue;
        };
        let mut lines = marker.lines();
        let pid = lines.next().and_then(|line| line.strip_prefix("pid "));
        let Some(pid) = pid.and_then(|pid| pid.parse::<u32>().ok()) else {
            continue;
        };
        if lines.next() != Some(expected_for.as_str()) {
            continue;
        }
        let shown = leftover.display();
        match run_is_over(pid) {
            Some(true) => {}
            Some(false) => {
                notes.push(format!(
                    "left {shown} alone: the codegen run that made it (pid {pid}) is still going"
                ));
                continue;
            }
            None => {
                notes.push(format!(
                    "{shown} was left by a codegen run (pid {pid}) that may have been \
                     interrupted; remove it when no run is going"
                ));
                continue;
            }
        }
        let old = leftover.join("old");
        if old.is_dir() && fs::symlink_metadata(dir).is_err() {
            match fs::rename(&old, dir) {
                Ok(()) => notes.push(format!(
                    "put back the previous crate at {}, moved aside by an interrupted run",
                    dir.display()
                )),
                Err(error) => {
                    notes.push(format!(
                        "the previous crate of {} is at {}, left by an interrupted run; \
                         it could not be put back: {error}",
                        dir.display(),
                        old.display()
                    ));
                    continue;
                }
            }
        }
        match fs::remove_dir_all(&leftover) {
            Ok(()) => notes.push(format!(
                "removed {shown}, left by an interrupted codegen run (pid {pid})"
            )),
            Err(error) => notes.push(format!("could not remove {shown}: {error}")),
        }
    }
}

/// Whether the process `pid` has ended: `None` where that cannot be told.
fn run_is_over(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(false);
    }
    if cfg!(target_os = "linux") {
        Some(!Path::new("/proc").join(pid.to_string()).exists())
    } else {
        None
    }
}

/// Removes the temporary files an interrupted in-place write left among `files`.
pub fn remove_temporaries<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = &'a String>,
    notes: &mut Vec<String>,
) {
    for path in files.into_iter().filter(|path| is_temporary(path)) {
        if fs::remove_file(dir.join(path)).is_ok() {
            notes.push(format!(
                "removed {}, left by an interrupted codegen run",
                dir.join(path).display()
            ));
        }
    }
}

/// `error` with the path it concerns.
pub fn annotate(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}
