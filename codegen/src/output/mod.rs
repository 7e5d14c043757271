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
mod tests {
    // Full paths: tests/architecture.rs reads `super` here as the crate root.
    use crate::output::manifest::MANIFEST;
    use crate::output::swap::{Renames, SYSTEM};
    use crate::output::{check, list_files, write_atomically, write_with, Outcome, Problem};
    use std::collections::BTreeMap;
    use std::fs;
    use std::io;
    #[cfg(unix)]
    use std::os::unix::fs::MetadataExt;
    use std::path::{Path, PathBuf};

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, String> {
        list.iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect()
    }

    /// A fresh directory for one test, removed on drop.
    fn scratch() -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix("codegen-output-")
            .tempdir()
            .expect("a temporary directory")
    }

    /// The paths `files` puts in a directory, with the manifest.
    fn written_paths(files: &BTreeMap<String, String>) -> Vec<String> {
        let mut paths: Vec<String> = files.keys().cloned().collect();
        paths.push(MANIFEST.to_owned());
        paths.sort();
        paths
    }

    /// Every entry directly in `dir`, sorted.
    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// The directory's identity: a swap puts a new directory (a new inode) in its place.
    #[cfg(unix)]
    fn inode(dir: &Path) -> u64 {
        fs::metadata(dir).expect("directory exists").ino()
    }

    #[cfg(unix)]
    #[test]
    fn an_up_to_date_directory_is_left_untouched() {
        let scratch = scratch();
        let dir = scratch.path().join("crate");
        let crate_files = files(&[("src/lib.rs", "pub mod a;\n"), ("src/a.rs", "")]);
        let first = write_atomically(&crate_files, &dir).expect("first write");
        assert_eq!(first.outcome, Outcome::Created);
        let before = inode(&dir);
        let second = write_atomically(&crate_files, &dir).expect("second write");
        assert_eq!(second.outcome, Outcome::Unchanged);
        assert_eq!(
            inode(&dir),
            before,
            "an identical output was swapped in again"
        );
        assert!(check(&crate_files, &dir).unwrap().is_empty());
        assert_eq!(entries(scratch.path()), ["crate"], "no staging left behind");
    }

    #[test]
    fn a_changed_missing_or_extra_file_replaces_the_whole_directory() {
        let scratch = scratch();
        let dir = scratch.path().join("crate");
        let old = files(&[("a.rs", "old"), ("b.rs", "b"), ("extra.rs", "")]);
        write_atomically(&old, &dir).expect("first write");
        for new in [
            files(&[("a.rs", "new"), ("b.rs", "b"), ("extra.rs", "")]),
            files(&[("a.rs", "new"), ("b.rs", "b")]),
            files(&[("a.rs", "new"), ("b.rs", "b"), ("c.rs", "c")]),
        ] {
            let written = write_atomically(&new, &dir).expect("rewrite");
            assert_eq!(written.outcome, Outcome::Replaced);
            assert_eq!(list_files(&dir).unwrap(), written_paths(&new));
            assert!(check(&new, &dir).unwrap().is_empty());
        }
        assert_eq!(entries(scratch.path()), ["crate"], "no staging left behind");
    }

    #[test]
    fn a_file_the_generator_did_not_write_is_refused_and_kept() {
        let scratch = scratch();
        let dir = scratch.path().join("crate");
        let crate_files = files(&[("src/lib.rs", "// @generated by the kms-codegen workspace\n")]);
        write_atomically(&crate_files, &dir).expect("first write");
        fs::write(dir.join("src/notes.md"), "mine").unwrap();
        let error = write_atomically(&files(&[("src/lib.rs", "new")]), &dir).unwrap_err();
        assert!(matches!(&error.problem, Problem::Refused(_)), "{error:?}");
        assert!(
            error.to_string().contains(
                "`src/notes.md`, which is neither listed in its manifest nor marked `@generated`"
            ),
            "{error}"
        );
        assert_eq!(
            fs::read_to_string(dir.join("src/notes.md")).unwrap(),
            "mine"
        );
        assert_eq!(
            fs::read_to_string(dir.join("src/lib.rs")).unwrap(),
            crate_files["src/lib.rs"]
        );
    }

    #[test]
    fn cargo_lock_and_target_of_a_built_crate_are_kept() {
        let scratch = scratch();
        let dir = scratch.path().join("crate");
        write_atomically(&files(&[("src/lib.rs", "old")]), &dir).expect("first write");
        fs::write(dir.join("Cargo.lock"), "lock").unwrap();
        fs::create_dir_all(dir.join("target/debug")).unwrap();
        fs::write(dir.join("target/debug/x"), "built").unwrap();
        let new = files(&[("src/lib.rs", "new")]);
        let stale: Vec<String> = check(&new, &dir)
            .unwrap()
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            stale,
            ["stale:   src/lib.rs"],
            "the build's files are not extra"
        );
        write_atomically(&new, &dir).expect("rewrite");
        assert_eq!(fs::read_to_string(dir.join("Cargo.lock")).unwrap(), "lock");
        assert_eq!(
            fs::read_to_string(dir.join("target/debug/x")).unwrap(),
            "built"
        );
        assert_eq!(fs::read_to_string(dir.join("src/lib.rs")).unwrap(), "new");
    }

    fn busy(_: &Path, _: &Path) -> io::Result<()> {
        Err(io::ErrorKind::ResourceBusy.into())
    }

    fn unsupported(_: &Path, _: &Path) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }

    /// A mount point cannot be renamed (EBUSY, or EXDEV): simulated here by renames that
    /// fail so, since mounting needs privileges. The directory is then updated in place.
    #[test]
    fn a_directory_that_cannot_be_renamed_is_updated_in_place() {
        let scratch = scratch();
        let dir = scratch.path().join("mounted");
        write_atomically(&files(&[("a.rs", "a"), ("old/gone.rs", "gone")]), &dir)
            .expect("first write");
        let new = files(&[("a.rs", "a2"), ("b/c.rs", "c")]);
        let mount_point = Renames {
            exchange: busy,
            rename: busy,
        };
        let written = write_with(&new, &dir, mount_point).expect("in place");
        assert_eq!(written.outcome, Outcome::UpdatedInPlace);
        assert_eq!(list_files(&dir).unwrap(), written_paths(&new));
        assert!(check(&new, &dir).unwrap().is_empty());
        assert!(!dir.join("old").exists(), "emptied directories are removed");
        assert_eq!(
            entries(scratch.path()),
            ["mounted"],
            "no staging left behind"
        );
        // The updated directory is still recognised as the generator's.
        write_atomically(&files(&[("a.rs", "a3")]), &dir).expect("ours");
    }

    /// Without an atomic exchange the swap is two renames; when the second fails the
    /// previous crate is put back and the error says nothing changed.
    #[test]
    fn without_exchange_two_renames_swap_and_a_failure_puts_the_old_crate_back() {
        let scratch = scratch();
        let dir = scratch.path().join("crate");
        write_atomically(&files(&[("a.rs", "a")]), &dir).expect("first write");
        let two_renames = Renames {
            exchange: unsupported,
            rename: SYSTEM.rename,
        };
        let written = write_with(&files(&[("a.rs", "b")]), &dir, two_renames).expect("swap");
        assert_eq!(written.outcome, Outcome::Replaced);
        assert_eq!(fs::read_to_string(dir.join("a.rs")).unwrap(), "b");

        fn second_fails(from: &Path, to: &Path) -> io::Result<()> {
            if from.ends_with("new") {
                return Err(io::Error::other("simulated failure"));
            }
            fs::rename(from, to)
        }
        let failing = Renames {
            exchange: unsupported,
            rename: second_fails,
        };
        let error = write_with(&files(&[("a.rs", "c")]), &dir, failing).unwrap_err();
        assert!(matches!(error.problem, Problem::Unchanged(_)), "{error:?}");
        assert!(error.to_string().ends_with("(left unchanged)"), "{error}");
        assert_eq!(fs::read_to_string(dir.join("a.rs")).unwrap(), "b");
        assert_eq!(entries(scratch.path()), ["crate"], "no staging left behind");
    }

    /// A run killed between the two renames leaves the output missing and the previous crate
    /// in its staging directory: the next run puts it back, removes the leftover and says so.
    #[test]
    fn an_interrupted_runs_leftover_is_restored_and_removed() {
        let scratch = scratch();
        let dir = scratch.path().join("crate");
        let leftover = scratch.path().join(".kms-codegen-tmp-AbC123");
        write_atomically(&files(&[("a.rs", "previous")]), &dir).expect("first write");
        fs::create_dir(&leftover).unwrap();
        fs::write(leftover.join(".gitignore"), "*\n").unwrap();
        // No process has this id: Linux ids stop at 2^22.
        fs::write(
            leftover.join(".kms-codegen-run"),
            "pid 4194305\nfor crate\n",
        )
        .unwrap();
        fs::rename(&dir, leftover.join("old")).unwrap();
        // A leftover for another output beside it is not touched.
        let other: PathBuf = scratch.path().join(".kms-codegen-tmp-other");
        fs::create_dir(&other).unwrap();
        fs::write(
            other.join(".kms-codegen-run"),
            "pid 4194305\nfor elsewhere\n",
        )
        .unwrap();

        let failing = Renames {
            exchange: unsupported,
            rename: unsupported,
        };
        let error = write_with(&files(&[("a.rs", "new")]), &dir, failing).unwrap_err();
        assert_eq!(fs::read_to_string(dir.join("a.rs")).unwrap(), "previous");
        assert!(!leftover.exists());
        assert!(other.exists());
        let notes = error.notes.join("\n");
        assert!(notes.contains("put back the previous crate"), "{notes}");
        assert!(
            notes.contains("left by an interrupted codegen run (pid 4194305)"),
            "{notes}"
        );
    }

    /// What `git status --porcelain` printed while the staging directory held the new crate.
    static SEEN_BY_GIT: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

    /// Renames, after asking git what it sees in the repository two levels up.
    fn rename_after_git_status(from: &Path, to: &Path) -> io::Result<()> {
        let repository = from.parent().and_then(Path::parent).expect("staging/new");
        let status = std::process::Command::new("git")
            .args(["status", "--porcelain", "--untracked-files=all"])
            .current_dir(repository)
            .output()?;
        *SEEN_BY_GIT.lock().unwrap() = Some(String::from_utf8_lossy(&status.stdout).into_owned());
        fs::rename(from, to)
    }

    /// The staging directory, full of the new crate at the moment of the swap, is invisible
    /// to git: it holds a `.gitignore` of `*`.
    #[test]
    fn git_does_not_see_the_staging_directory() {
        let scratch = scratch();
        let init = std::process::Command::new("git")
            .args(["init", "-q"])
            .current_dir(scratch.path())
            .status();
        if !init.is_ok_and(|status| status.success()) {
            eprintln!("skipped: git is not installed");
            return;
        }
        let renames = Renames {
            exchange: unsupported,
            rename: rename_after_git_status,
        };
        let dir = scratch.path().join("crate");
        write_with(&files(&[("src/lib.rs", "x")]), &dir, renames).expect("written");
        let seen = SEEN_BY_GIT.lock().unwrap().take();
        assert_eq!(seen.as_deref(), Some(""), "git saw the staging directory");
        assert!(dir.join("src/lib.rs").is_file());
    }
}
