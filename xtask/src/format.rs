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
//! The files that must be formatted are, on several cores, formatted by several rustfmt
//! processes at once (see `rustfmt_files`).

use crate::cache_pack::Pack;
use codegen::diagnostics::{Diagnostic, Diagnostics};
use codegen::{Generation, Options};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::process::Command;
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
    let generation = match crate::print_memo::PackMemo::open(dir) {
        Some(memo) => {
            let generation = codegen::generate_with_memo(options, &memo)?;
            memo.save();
            generation
        }
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
    let cache = match cache {
        Some(dir) => Some((Pack::open(&dir.join("formatted")), rustfmt_version()?)),
        None => None,
    };
    // Rust files the cache does not have, with their cache keys.
    let mut misses: Vec<(String, Option<String>)> = Vec::new();
    for (path, text) in files.iter_mut() {
        if !path.ends_with(".rs") {
            continue;
        }
        let key = cache
            .as_ref()
            .map(|(_, identity)| cache_key(text, identity));
        let cached = cache
            .as_ref()
            .zip(key.as_deref())
            .and_then(|((pack, _), key)| pack.get(key));
        match cached {
            Some(formatted) => *text = formatted,
            None => misses.push((path.clone(), key)),
        }
    }
    if misses.is_empty() {
        return Ok(());
    }
    let targets: Vec<&str> = misses.iter().map(|(path, _)| path.as_str()).collect();
    rustfmt_files(files, &targets)?;
    if let Some((pack, _)) = &cache {
        for (path, key) in &misses {
            if let (Some(key), Some(text)) = (key, files.get(path)) {
                pack.insert(key, text);
            }
        }
        pack.save();
    }
    Ok(())
}

/// The cache key of `printed`: a hash of the printed text and the rustfmt version.
fn cache_key(printed: &str, identity: &str) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (printed, identity).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
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

/// Formats the named files in place with rustfmt (edition 2021, default configuration).
///
/// rustfmt formats a file together with the module files it declares, and needs them present.
/// So the files that declare modules ("parents": another file lies in their module directory)
/// are formatted in one batch beside empty stand-ins for their modules, and the others
/// ("leaves"), split by size into one batch per core, alone: no file is formatted twice, and
/// the batches run at once, each in its own directory.
fn rustfmt_files(files: &mut BTreeMap<String, String>, targets: &[&str]) -> Result<(), String> {
    let rust: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|path| path.ends_with(".rs"))
        .collect();
    let (parents, leaves): (Vec<&str>, Vec<&str>) = targets
        .iter()
        .copied()
        .filter(|target| files.contains_key(*target))
        .partition(|target| rust.iter().any(|other| declares(target, other)));
    let mut batches = split_by_size(&leaves, files);
    if !parents.is_empty() {
        batches.push(parents);
    }
    let shared: &BTreeMap<String, String> = files;
    let formatted: Vec<Result<Vec<(String, String)>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = batches
            .iter()
            .map(|batch| scope.spawn(|| rustfmt_batch(shared, &rust, batch)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err("internal error: a rustfmt batch panicked".to_owned()))
            })
            .collect()
    });
    for batch in formatted {
        for (path, text) in batch? {
            files.insert(path, text);
        }
    }
    Ok(())
}

/// Whether `other` lies in the module directory of `parent` (so `parent` may declare it):
/// `src/` for `src/lib.rs`, `src/a/` for `src/a/mod.rs` and for `src/a.rs`.
fn declares(parent: &str, other: &str) -> bool {
    let module_dir = match parent.rsplit_once('/') {
        Some((dir, "lib.rs" | "mod.rs")) => format!("{dir}/"),
        None if parent == "lib.rs" || parent == "mod.rs" => String::new(),
        _ => format!("{}/", parent.trim_end_matches(".rs")),
    };
    other != parent && other.starts_with(&module_dir)
}

/// `leaves` in one batch per core (at most four), each about the same number of bytes; one
/// batch when there is too little to share.
fn split_by_size<'a>(leaves: &[&'a str], files: &BTreeMap<String, String>) -> Vec<Vec<&'a str>> {
    const WORTH_A_PROCESS: usize = 128 << 10;
    let size = |path: &str| files.get(path).map_or(0, String::len);
    let total: usize = leaves.iter().map(|path| size(path)).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let count = cores.clamp(1, 4).min(total / WORTH_A_PROCESS + 1);
    let mut by_size = leaves.to_vec();
    by_size.sort_by_key(|path| std::cmp::Reverse(size(path)));
    let mut batches: Vec<(usize, Vec<&str>)> = vec![(0, Vec::new()); count];
    for path in by_size {
        if let Some(lightest) = batches.iter_mut().min_by_key(|(bytes, _)| *bytes) {
            lightest.0 += size(path);
            lightest.1.push(path);
        }
    }
    batches
        .into_iter()
        .map(|(_, batch)| batch)
        .filter(|batch| !batch.is_empty())
        .collect()
}

/// Runs one rustfmt on `batch` in a directory of its own, where the modules the batch
/// declares are empty stand-ins; returns the batch's files formatted.
fn rustfmt_batch(
    files: &BTreeMap<String, String>,
    rust: &[&str],
    batch: &[&str],
) -> Result<Vec<(String, String)>, String> {
    let dir = temp_dir()?;
    let staging = |e: std::io::Error| format!("rustfmt staging: {e}");
    for path in rust {
        let contents = if batch.contains(path) {
            files.get(*path).map_or("", String::as_str)
        } else if batch.iter().any(|parent| declares(parent, path)) {
            ""
        } else {
            continue;
        };
        let target = dir.path().join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(staging)?;
        }
        std::fs::write(&target, contents).map_err(staging)?;
    }
    // An empty configuration beside the files, so no rustfmt.toml from a parent directory of
    // the temporary directory can change the output.
    std::fs::write(dir.path().join("rustfmt.toml"), "").map_err(staging)?;
    let binary = rustfmt_binary();
    let output = Command::new(&binary)
        .args(["--edition", "2021"])
        .args(batch.iter().map(|path| dir.path().join(path)))
        .output()
        .map_err(|e| cannot_run(&binary, &e))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt rejected the generated code (a generator bug):\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    batch
        .iter()
        .map(|path| {
            std::fs::read_to_string(dir.path().join(path))
                .map(|text| ((*path).to_owned(), text))
                .map_err(|e| format!("rustfmt output: {e}"))
        })
        .collect()
}

/// A fresh directory, removed on drop: created by `tempfile` (atomically, with an
/// unpredictable name, readable by this user only), so no other local user can have made it
/// first or put files in it. In memory (`/dev/shm`) where the system has it, as creating
/// files there costs far less than on a disk, else in the system temporary directory.
fn temp_dir() -> Result<tempfile::TempDir, String> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("kms-codegen-fmt-");
    let memory = Path::new("/dev/shm");
    if memory.is_dir() {
        if let Ok(dir) = builder.tempdir_in(memory) {
            return Ok(dir);
        }
    }
    builder
        .tempdir()
        .map_err(|e| format!("cannot create a temporary directory: {e}"))
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
        let cache = temp_dir().unwrap();
        let identity = rustfmt_version().expect("rustfmt --version");
        let (a, b) = ("pub struct   A;\n", "pub struct   B;\n");
        // An entry rustfmt would never write: only a cache hit can produce it.
        let pack = Pack::open(&cache.path().join("formatted"));
        pack.insert(&cache_key(a, &identity), "// cached\n");
        pack.save();
        let mut crate_files = files(&[("src/a.rs", a), ("src/b.rs", b)]);
        format_files(&mut crate_files, Some(cache.path())).expect("formats");
        assert_eq!(
            crate_files,
            files(&[("src/a.rs", "// cached\n"), ("src/b.rs", "pub struct B;\n")])
        );
        let stored = Pack::open(&cache.path().join("formatted")).get(&cache_key(b, &identity));
        assert_eq!(stored.as_deref(), Some("pub struct B;\n"));
    }

    #[test]
    fn a_file_declares_the_files_in_its_module_directory() {
        assert!(declares("src/lib.rs", "src/a.rs"));
        assert!(declares("src/lib.rs", "src/a/b.rs"));
        assert!(declares("src/a.rs", "src/a/b.rs"));
        assert!(declares("src/a/mod.rs", "src/a/b.rs"));
        assert!(declares("lib.rs", "a.rs"));
        assert!(!declares("src/a.rs", "src/b.rs"));
        assert!(!declares("src/a.rs", "src/ab/c.rs"));
        assert!(!declares("src/a/mod.rs", "src/a/mod.rs"));
        assert!(!declares("src/lib.rs", "tests/t.rs"));
    }

    /// A crate large enough to be formatted in several batches, with modules below modules,
    /// comes out as one rustfmt run would leave it: every file formatted, once.
    #[test]
    fn files_formatted_in_batches_come_out_as_one_run_leaves_them() {
        let many = |prefix: &str| -> (String, String) {
            let printed: String = (0..3000)
                .map(|i| format!("fn  {prefix}{i}(){{let  x=1;}}\n"))
                .collect();
            let formatted: String = (0..3000)
                .map(|i| format!("fn {prefix}{i}() {{\n    let x = 1;\n}}\n"))
                .collect();
            (printed, formatted)
        };
        let (a, a_formatted) = many("a");
        let (c, c_formatted) = many("c");
        let (d, d_formatted) = many("d");
        let mut crate_files = files(&[
            ("src/lib.rs", "pub mod a;\npub  mod b;\n"),
            ("src/a.rs", &a),
            ("src/b/mod.rs", "pub mod c;\npub mod d;\nstruct   B;\n"),
            ("src/b/c.rs", &c),
            ("src/b/d.rs", &d),
        ]);
        format_files(&mut crate_files, None).expect("rustfmt runs");
        assert_eq!(
            crate_files,
            files(&[
                ("src/lib.rs", "pub mod a;\npub mod b;\n"),
                ("src/a.rs", &a_formatted),
                ("src/b/mod.rs", "pub mod c;\npub mod d;\nstruct B;\n"),
                ("src/b/c.rs", &c_formatted),
                ("src/b/d.rs", &d_formatted),
            ])
        );
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
