//! Formatting of the emitted Rust files with rustfmt, so that the checked-in crate is exactly
//! what `cargo fmt` would leave. prettyplease gives rustfmt a readable starting point (rustfmt
//! gives up on very long lines); rustfmt has the last word.
//!
//! Printing and formatting are most of a generation's time, so [`format_jobs`] can keep a
//! content-addressed cache: a file whose emitted tokens, header, rustfmt version and generator
//! build are all unchanged is taken from the cache instead of being printed and formatted
//! again. Regenerating after a small model change then costs little more than planning.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How long the two phases of [`format_jobs`] took.
#[derive(Clone, Copy, Debug, Default)]
pub struct Phases {
    /// Emitting, printing and cache lookups, on all cores.
    pub print: std::time::Duration,
    /// The rustfmt pass over files the cache did not have.
    pub rustfmt: std::time::Duration,
}

/// Emits, prints and formats the crate's files: the jobs run on every available core (each
/// file is emitted and printed on one thread, as tokens cannot cross threads), then one
/// rustfmt pass formats the files the cache did not have. The result does not depend on
/// the number of threads.
pub fn format_jobs(
    jobs: Vec<crate::emit::FileJob<'_>>,
    text: BTreeMap<String, String>,
    cache: Option<&Path>,
) -> Result<(BTreeMap<String, String>, Phases), String> {
    let started = std::time::Instant::now();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(jobs.len().max(1));
    let jobs = &jobs;
    let printed: Vec<Result<Printed, String>> = std::thread::scope(|scope| {
        if cache.is_some() {
            // `rustfmt --version` runs while the files are emitted.
            scope.spawn(|| {
                let _ = cache_identity();
            });
        }
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    jobs.iter()
                        .skip(worker)
                        .step_by(workers)
                        .map(|job| print_file(job.path.clone(), job.tokens(), cache))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| vec![Err("internal error: an emitter panicked".to_owned())])
            })
            .collect()
    });
    let printed = printed.into_iter().collect::<Result<Vec<_>, _>>()?;
    let print = started.elapsed();
    let started = std::time::Instant::now();
    let files = finish(printed, text, cache)?;
    Ok((
        files,
        Phases {
            print,
            rustfmt: started.elapsed(),
        },
    ))
}

/// A printed file: its text, and where to cache it once formatted (`None` when it came from
/// the cache, or there is no cache).
struct Printed {
    path: String,
    text: String,
    formatted: bool,
    entry: Option<PathBuf>,
}

/// Looks a file up in the cache, or prints it with prettyplease.
fn print_file(
    path: String,
    tokens: proc_macro2::TokenStream,
    cache: Option<&Path>,
) -> Result<Printed, String> {
    let entry = match cache {
        Some(dir) => {
            let build = cache_identity()?;
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            (tokens.to_string(), crate::emit::HEADER_RUST, build).hash(&mut hasher);
            let entry = dir.join(format!("{:016x}.rs", hasher.finish()));
            if let Ok(text) = std::fs::read_to_string(&entry) {
                return Ok(Printed {
                    path,
                    text,
                    formatted: true,
                    entry: None,
                });
            }
            Some(entry)
        }
        None => None,
    };
    let text = crate::emit::render(tokens).map_err(|err| format!("{path}: {err}"))?;
    Ok(Printed {
        path,
        text,
        formatted: false,
        entry,
    })
}

/// Runs rustfmt over the files that need it and fills the cache.
fn finish(
    printed: Vec<Printed>,
    text: BTreeMap<String, String>,
    cache: Option<&Path>,
) -> Result<BTreeMap<String, String>, String> {
    let mut files = text;
    let mut misses = Vec::new();
    for file in printed {
        if !file.formatted {
            misses.push((file.path.clone(), file.entry));
        }
        files.insert(file.path, file.text);
    }
    if misses.is_empty() {
        return Ok(files);
    }
    // rustfmt follows the modules a file declares: when lib.rs itself is new, one run on it
    // formats everything; otherwise only the new files are named.
    let paths: Vec<&str> = if misses.iter().any(|(path, _)| path == "src/lib.rs") {
        vec!["src/lib.rs"]
    } else {
        misses.iter().map(|(path, _)| path.as_str()).collect()
    };
    rustfmt_files(&mut files, &paths)?;
    if let Some(dir) = cache {
        // A failure to fill the cache only costs time on the next run.
        let _ = std::fs::create_dir_all(dir);
        for (path, entry) in &misses {
            if let (Some(entry), Some(text)) = (entry, files.get(path)) {
                let staging = entry.with_extension(format!("tmp{}", std::process::id()));
                if std::fs::write(&staging, text).is_ok() {
                    let _ = std::fs::rename(&staging, entry);
                }
            }
        }
    }
    Ok(files)
}

/// What, besides a file's tokens, decides its formatted text: the rustfmt version and this
/// build of the generator (the running executable's size and modification time).
fn cache_identity() -> Result<String, String> {
    static IDENTITY: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    IDENTITY
        .get_or_init(|| {
            let binary = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
            let output = Command::new(&binary)
                .arg("--version")
                .output()
                .map_err(|e| format!("cannot run {}: {e}", Path::new(&binary).display()))?;
            let exe = std::env::current_exe()
                .and_then(std::fs::metadata)
                .map_err(|e| e.to_string())?;
            let modified = exe.modified().map_err(|e| e.to_string())?;
            Ok(format!(
                "{} {} {:?}",
                String::from_utf8_lossy(&output.stdout).trim(),
                exe.len(),
                modified
            ))
        })
        .clone()
}

/// Formats the named files in place with rustfmt (edition 2021, default configuration), with
/// the modules they declare; the other files are present beside them, as rustfmt needs to
/// find declared modules. The rustfmt binary is `$RUSTFMT`, else `rustfmt` on the `PATH`.
fn rustfmt_files(files: &mut BTreeMap<String, String>, targets: &[&str]) -> Result<(), String> {
    if !targets.iter().any(|t| files.contains_key(*t)) {
        return Ok(());
    }
    let dir = TempDir::new()?;
    for (path, contents) in files.iter() {
        if path.ends_with(".rs") {
            let target = dir.path().join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(|e| format!("rustfmt staging: {e}"))?;
            }
            std::fs::write(&target, contents).map_err(|e| format!("rustfmt staging: {e}"))?;
        }
    }
    // An empty configuration beside the files, so no rustfmt.toml from a parent directory of
    // the temporary directory can change the output.
    std::fs::write(dir.path().join("rustfmt.toml"), "")
        .map_err(|e| format!("rustfmt staging: {e}"))?;
    let binary = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let output = Command::new(&binary)
        .args(["--edition", "2021"])
        .args(targets.iter().filter(|t| files.contains_key(**t)).map(|t| dir.path().join(t)))
        .output()
        .map_err(|e| {
            format!(
                "cannot run {}: {e}; install it with `rustup component add rustfmt` or point $RUSTFMT at it",
                Path::new(&binary).display()
            )
        })?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt rejected the generated code (a generator bug):\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    for (path, contents) in files.iter_mut() {
        if path.ends_with(".rs") {
            *contents = std::fs::read_to_string(dir.path().join(path))
                .map_err(|e| format!("rustfmt output: {e}"))?;
        }
    }
    Ok(())
}

/// A uniquely named directory under the system temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, String> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("kms-codegen-fmt-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(TempDir(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
