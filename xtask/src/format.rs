//! Formatting of the generated crate with rustfmt, so that the checked-in crate is exactly what
//! `cargo fmt` would leave. The generator library prints its files with prettyplease, which
//! gives rustfmt a readable starting point (rustfmt gives up on very long lines); rustfmt has
//! the last word. It lives here, in the maintainer tool, so that the library runs no external
//! program.
//!
//! rustfmt is most of a generation's time, so [`format_crate`] can keep a content-addressed
//! cache: a file whose printed text and rustfmt version are unchanged is taken from the cache
//! instead of being formatted again. The printed text alone decides rustfmt's output (the
//! configuration is fixed: edition 2021, defaults), so the cache stays valid across builds of
//! the generator, and regenerating after a small change formats only the files it changed.

use codegen::diagnostics::{Diagnostic, Diagnostics};
use codegen::{Generation, Options};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A generation whose Rust files are formatted as `cargo fmt` leaves them.
#[derive(Debug)]
pub struct Formatted {
    /// The generation, its files formatted.
    pub generation: Generation,
    /// How long formatting took: cache lookups, the rustfmt pass, filling the cache.
    pub rustfmt: Duration,
}

/// Generates the crate described by `options` and formats it ([`format_crate`]): the crate
/// exactly as `cargo xtask codegen` writes it. With a `cache` directory, files whose tokens
/// this build printed before are not printed again ([`crate::print_memo`]).
pub fn generate(options: &Options, cache: Option<&Path>) -> Result<Formatted, Diagnostics> {
    let Some(dir) = cache else {
        return format_crate(codegen::generate(options)?, None);
    };
    // `rustfmt --version` names the cache entries; asking it takes tens of milliseconds
    // (rustup's proxy, then rustfmt's start-up), so it runs while the crate is generated.
    std::thread::spawn(|| {
        let _ = rustfmt_version();
    });
    let generation = match crate::print_memo::DirMemo::open(dir) {
        Some(memo) => codegen::generate_with_memo(options, &memo)?,
        None => codegen::generate(options)?,
    };
    format_crate(generation, cache)
}

/// Formats every Rust file of `generation` with rustfmt; other files are left as they are.
/// With a `cache` directory, files formatted before (same printed text, same rustfmt) are
/// taken from it, and newly formatted files are added to it. The result is the same with or
/// without the cache. Every caller that needs the crate as checked in comes through here.
pub fn format_crate(
    mut generation: Generation,
    cache: Option<&Path>,
) -> Result<Formatted, Diagnostics> {
    let started = Instant::now();
    format_files(&mut generation.files, cache)
        .map_err(|problem| Diagnostics::one(Diagnostic::general(problem)))?;
    Ok(Formatted {
        generation,
        rustfmt: started.elapsed(),
    })
}

/// Formats the Rust files among `files` (path to text) in place; see [`format_crate`].
fn format_files(files: &mut BTreeMap<String, String>, cache: Option<&Path>) -> Result<(), String> {
    let identity = match cache {
        Some(_) => Some(rustfmt_version()?),
        None => None,
    };
    // Rust files the cache does not have, with where to cache them once formatted.
    let mut misses: Vec<(String, Option<PathBuf>)> = Vec::new();
    for (path, text) in files.iter_mut() {
        if !path.ends_with(".rs") {
            continue;
        }
        let entry = match (cache, &identity) {
            (Some(dir), Some(identity)) => Some(cache_entry(dir, text, identity)),
            _ => None,
        };
        match entry.as_deref().map(std::fs::read_to_string) {
            Some(Ok(formatted)) => *text = formatted,
            _ => misses.push((path.clone(), entry)),
        }
    }
    if misses.is_empty() {
        return Ok(());
    }
    // rustfmt follows the modules a file declares: when lib.rs itself is new, one run on it
    // formats everything; otherwise only the new files are named.
    let targets: Vec<&str> = if misses.iter().any(|(path, _)| path == "src/lib.rs") {
        vec!["src/lib.rs"]
    } else {
        misses.iter().map(|(path, _)| path.as_str()).collect()
    };
    rustfmt_files(files, &targets)?;
    fill_cache(cache, &misses, files);
    Ok(())
}

/// Where the formatted form of `printed` is cached: named by a hash of the printed text and
/// the rustfmt version.
fn cache_entry(dir: &Path, printed: &str, identity: &str) -> PathBuf {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (printed, identity).hash(&mut hasher);
    dir.join(format!("{:016x}.rs", hasher.finish()))
}

/// Stores the newly formatted files; a failure only costs time on the next run.
fn fill_cache(
    cache: Option<&Path>,
    misses: &[(String, Option<PathBuf>)],
    files: &BTreeMap<String, String>,
) {
    let Some(dir) = cache else {
        return;
    };
    let _ = std::fs::create_dir_all(dir);
    for (path, entry) in misses {
        if let (Some(entry), Some(text)) = (entry, files.get(path)) {
            let staging = entry.with_extension(format!("tmp{}", std::process::id()));
            if std::fs::write(&staging, text).is_ok() {
                let _ = std::fs::rename(&staging, entry);
            }
        }
    }
}

/// The rustfmt binary: `$RUSTFMT`, else `rustfmt` on the `PATH`.
fn rustfmt_binary() -> std::ffi::OsString {
    std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into())
}

/// `rustfmt --version`, which with the printed text decides the formatted text; asked once.
fn rustfmt_version() -> Result<String, String> {
    static VERSION: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    VERSION
        .get_or_init(|| {
            let binary = rustfmt_binary();
            let output = Command::new(&binary)
                .arg("--version")
                .output()
                .map_err(|e| cannot_run(&binary, &e))?;
            Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
        })
        .clone()
}

fn cannot_run(binary: &std::ffi::OsStr, error: &std::io::Error) -> String {
    format!(
        "cannot run {}: {error}; install it with `rustup component add rustfmt` or point $RUSTFMT at it",
        Path::new(binary).display()
    )
}

/// Formats the named files in place with rustfmt (edition 2021, default configuration), with
/// the modules they declare; the other files are present beside them, as rustfmt needs to
/// find declared modules.
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
    let binary = rustfmt_binary();
    let output = Command::new(&binary)
        .args(["--edition", "2021"])
        .args(
            targets
                .iter()
                .filter(|t| files.contains_key(**t))
                .map(|t| dir.path().join(t)),
        )
        .output()
        .map_err(|e| cannot_run(&binary, &e))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, String> {
        list.iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect()
    }

    #[test]
    fn rust_files_are_formatted_and_other_files_left_alone() {
        let mut crate_files = files(&[
            ("src/lib.rs", "pub mod a ;\nfn  main(){let x=1;}\n"),
            ("src/a.rs", "pub struct   A;\n"),
            ("Cargo.toml", "[package]\nname =   \"x\"\n"),
        ]);
        format_files(&mut crate_files, None).expect("rustfmt runs");
        assert_eq!(
            crate_files,
            files(&[
                ("src/lib.rs", "pub mod a;\nfn main() {\n    let x = 1;\n}\n"),
                ("src/a.rs", "pub struct A;\n"),
                ("Cargo.toml", "[package]\nname =   \"x\"\n"),
            ])
        );
    }

    #[test]
    fn a_cached_file_is_taken_from_the_cache_and_new_ones_are_added() {
        let cache = TempDir::new().unwrap();
        let identity = rustfmt_version().expect("rustfmt --version");
        let (a, b) = ("pub struct   A;\n", "pub struct   B;\n");
        // An entry rustfmt would never write: only a cache hit can produce it.
        std::fs::write(cache_entry(cache.path(), a, &identity), "// cached\n").unwrap();
        let mut crate_files = files(&[("src/a.rs", a), ("src/b.rs", b)]);
        format_files(&mut crate_files, Some(cache.path())).expect("formats");
        assert_eq!(
            crate_files,
            files(&[("src/a.rs", "// cached\n"), ("src/b.rs", "pub struct B;\n")])
        );
        let stored = std::fs::read_to_string(cache_entry(cache.path(), b, &identity));
        assert_eq!(stored.ok().as_deref(), Some("pub struct B;\n"));
    }

    #[test]
    fn rustfmt_rejecting_the_code_is_an_error_not_a_panic() {
        let mut crate_files = files(&[("src/lib.rs", "fn (\n")]);
        let error = format_files(&mut crate_files, None).unwrap_err();
        assert!(
            error.starts_with("rustfmt rejected the generated code"),
            "{error}"
        );
    }
}
