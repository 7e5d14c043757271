//! `cargo xtask bloat`: what the generated crate costs to build and to read, side by side with
//! the official aws-sdk-kms, measured in one run.
//!
//! - **Clean build** (with dependencies): a copy of `generated/` as a standalone crate (an
//!   empty `[workspace]` table appended to its `Cargo.toml`), and a minimal crate that
//!   depends on aws-sdk-kms (`default-features = false`, features `rt-tokio` and
//!   `behavior-version-latest`, so no TLS stack) and calls the six custom key store
//!   operations through `aws_sdk_kms::Client`. Each is built with `cargo build --offline`
//!   in its own fresh `CARGO_TARGET_DIR`, one after the other, timed wall-clock. Both copy
//!   the workspace's `Cargo.lock`, so they build the same dependency versions as the
//!   workspace. Debug (the `dev` profile, what `cargo build` gives) always; release too
//!   with `--release`.
//! - **Incremental rebuild** of the generated crate: after its clean debug build, a comment
//!   is appended to one file of the copy and `cargo build` runs again.
//! - **Code lines** (see [`count_code_lines`] for the rules): every Rust file of the
//!   generated crate (it holds exactly the six operations, plus its protocol support) against
//!   aws-sdk-kms's source files for the same six operations (see [`peer_files`]).
//!
//! Dependencies are fetched once (`cargo fetch`, which needs crates.io only when the
//! registry cache lacks a crate); the timed builds then run `--offline`. `RUSTC_WRAPPER`
//! is removed from the builds' environment so that no compiler cache shortens a clean build.

use crate::cli::{Long, Parsed, Parser, Short};
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: cargo xtask bloat [OPTIONS]

Measures, side by side with aws-sdk-kms, the generated crate's clean build time (with its
dependencies, each in a fresh target directory), its incremental rebuild after touching one
file, and the lines of Rust code for the six custom key store operations.

options:
  --release      also time clean release builds (`cargo build --release`)
  --lines-only   count lines only; build nothing
  --json PATH    also write the figures as JSON to PATH
  --keep         keep the temporary crates and target directories (their path is printed)
  -h, --help     this text";

/// The six operations, as aws-sdk-kms names their modules.
pub const OPERATIONS: [&str; 6] = [
    "connect_custom_key_store",
    "create_custom_key_store",
    "delete_custom_key_store",
    "describe_custom_key_stores",
    "disconnect_custom_key_store",
    "update_custom_key_store",
];

/// The structures and enums the six operations use, as aws-sdk-kms names their files
/// (`types/_<name>.rs`, builders included) and serde shapes (`protocol_serde/shape_<name>.rs`,
/// where the shape has one).
pub const SHAPES: [&str; 7] = [
    "custom_key_stores_list_entry",
    "xks_proxy_configuration_type",
    "xks_proxy_authentication_credential_type",
    "connection_state_type",
    "connection_error_code_type",
    "custom_key_store_type",
    "xks_proxy_connectivity_type",
];

/// Lists the six operations' outputs use that have their own serde shape file.
pub const LIST_SHAPES: [&str; 1] = ["custom_key_stores_list"];

/// The 22 errors the six operations can return.
pub const ERRORS: [&str; 22] = [
    "cloud_hsm_cluster_in_use_exception",
    "cloud_hsm_cluster_invalid_configuration_exception",
    "cloud_hsm_cluster_not_active_exception",
    "cloud_hsm_cluster_not_found_exception",
    "cloud_hsm_cluster_not_related_exception",
    "custom_key_store_has_cmks_exception",
    "custom_key_store_invalid_state_exception",
    "custom_key_store_name_in_use_exception",
    "custom_key_store_not_found_exception",
    "incorrect_trust_anchor_exception",
    "invalid_marker_exception",
    "kms_internal_exception",
    "limit_exceeded_exception",
    "xks_proxy_incorrect_authentication_credential_exception",
    "xks_proxy_invalid_configuration_exception",
    "xks_proxy_invalid_response_exception",
    "xks_proxy_uri_endpoint_in_use_exception",
    "xks_proxy_uri_in_use_exception",
    "xks_proxy_uri_unreachable_exception",
    "xks_proxy_vpc_endpoint_service_in_use_exception",
    "xks_proxy_vpc_endpoint_service_invalid_configuration_exception",
    "xks_proxy_vpc_endpoint_service_not_found_exception",
];

/// The minimal crate on aws-sdk-kms that is built for comparison.
const PEER_MANIFEST: &str = r#"[package]
name = "kms-bloat-peer"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
aws-sdk-kms = { version = "1", default-features = false, features = ["rt-tokio", "behavior-version-latest"] }

[workspace]
"#;

const PEER_LIB: &str = r#"//! A minimal crate on aws-sdk-kms: a client and the six custom key store operations.

use aws_sdk_kms::Client;

/// Calls each of the six custom key store operations once.
pub async fn custom_key_store_calls(client: &Client) -> Result<usize, aws_sdk_kms::Error> {
    let id = "cks-1234567890abcdef0";
    client.connect_custom_key_store().custom_key_store_id(id).send().await?;
    client.create_custom_key_store().custom_key_store_name("example").send().await?;
    client.delete_custom_key_store().custom_key_store_id(id).send().await?;
    let stores = client.describe_custom_key_stores().send().await?;
    client.disconnect_custom_key_store().custom_key_store_id(id).send().await?;
    client.update_custom_key_store().custom_key_store_id(id).send().await?;
    Ok(stores.custom_key_stores().len())
}
"#;

/// The generated file that the incremental rebuild touches.
const TOUCHED_FILE: &str = "src/operations/create_custom_key_store.rs";

/// Parsed `bloat` arguments.
#[derive(Debug, Default, PartialEq)]
struct BloatArgs {
    release: bool,
    lines_only: bool,
    json: Option<PathBuf>,
    keep: bool,
}

fn parse(parser: &mut Parser) -> Result<Parsed<BloatArgs>, crate::cli::Error> {
    let mut parsed = BloatArgs::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("release") => parsed.release = true,
            Long("lines-only") => parsed.lines_only = true,
            Long("keep") => parsed.keep = true,
            Long("json") => {
                let path = parser.value()?;
                if path.is_empty() {
                    return Err("--json needs a value".into());
                }
                parsed.json = Some(PathBuf::from(path));
            }
            Short('h') | Long("help") => return Ok(Parsed::Help),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Parsed::Run(parsed))
}

/// Runs `cargo xtask bloat` with the arguments after its name; returns the exit status: 0, 1
/// when a build or the count failed, 2 for a command-line mistake.
pub(crate) fn run(parser: &mut Parser, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    crate::cli::dispatch(parser, USAGE, parse, bloat, out, err)
}

fn bloat(parsed: BloatArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let work = std::env::temp_dir().join(format!("kms-bloat-{}", std::process::id()));
    let result = measure(&parsed, &work, out);
    if parsed.keep {
        let _ = writeln!(out, "kept {}", work.display());
    } else {
        let _ = std::fs::remove_dir_all(&work);
    }
    match result {
        Ok(figures) => {
            let _ = write!(out, "{}", figures.table());
            if let Some(path) = &parsed.json {
                if let Err(error) = std::fs::write(path, figures.json()) {
                    let _ = writeln!(err, "error: cannot write {}: {error}", path.display());
                    return 1;
                }
                let _ = writeln!(out, "figures written to {}", path.display());
            }
            0
        }
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            1
        }
    }
}

/// One timed build.
#[derive(Clone, Debug)]
struct Build {
    seconds: f64,
    /// How many crates cargo compiled (its `Compiling` lines).
    crates: usize,
}

/// Code lines of a group of files.
#[derive(Clone, Debug, PartialEq)]
pub struct LineGroup {
    /// What the files are.
    pub label: String,
    /// How many files.
    pub files: usize,
    /// Code lines in them.
    pub lines: usize,
}

/// Everything `bloat` measured.
#[derive(Debug, Default)]
struct Figures {
    peer_version: String,
    ours_debug: Option<Build>,
    peer_debug: Option<Build>,
    ours_release: Option<Build>,
    peer_release: Option<Build>,
    ours_incremental: Option<Build>,
    ours_lines: Vec<LineGroup>,
    peer_lines: Vec<LineGroup>,
    peer_missing: Vec<String>,
    /// `/proc/loadavg` before and after the builds: other work on the same cores skews them.
    loadavg: (String, String),
}

fn total(groups: &[LineGroup]) -> usize {
    groups.iter().map(|g| g.lines).sum()
}

/// The peer's lines as the issue lists them: without the errors' serde shape files.
fn peer_listed_total(groups: &[LineGroup]) -> usize {
    groups
        .iter()
        .filter(|g| !g.label.starts_with(ERROR_SHAPES_LABEL))
        .map(|g| g.lines)
        .sum()
}

const ERROR_SHAPES_LABEL: &str = "protocol_serde/shape_<error>.rs";

fn ratio(ours: f64, peer: f64) -> String {
    if peer > 0.0 {
        format!(
            "{:.3} (1/{:.1})",
            ours / peer,
            peer / ours.max(f64::MIN_POSITIVE)
        )
    } else {
        "-".to_owned()
    }
}

impl Figures {
    fn table(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(
            t,
            "\nbloat: kms-api (generated/) vs aws-sdk-kms {} (default-features = false, \
             rt-tokio, behavior-version-latest)",
            self.peer_version
        );
        let _ = writeln!(
            t,
            "{:<44} {:>14} {:>14}  ours / aws-sdk-kms",
            "", "ours", "aws-sdk-kms"
        );
        let mut build_row = |label: &str, ours: &Option<Build>, peer: &Option<Build>| {
            let cell = |b: &Option<Build>| {
                b.as_ref()
                    .map(|b| format!("{:.1} s", b.seconds))
                    .unwrap_or_else(|| "-".to_owned())
            };
            let crates = |b: &Option<Build>| {
                b.as_ref()
                    .map(|b| b.crates.to_string())
                    .unwrap_or_else(|| "-".to_owned())
            };
            let r = match (ours, peer) {
                (Some(o), Some(p)) => ratio(o.seconds, p.seconds),
                _ => "-".to_owned(),
            };
            let _ = writeln!(t, "{label:<44} {:>14} {:>14}  {r}", cell(ours), cell(peer));
            let _ = writeln!(
                t,
                "{:<44} {:>14} {:>14}",
                "  crates compiled",
                crates(ours),
                crates(peer)
            );
        };
        if self.ours_debug.is_some() || self.peer_debug.is_some() {
            build_row(
                "clean build with deps, debug (cargo build)",
                &self.ours_debug,
                &self.peer_debug,
            );
        }
        if self.ours_release.is_some() || self.peer_release.is_some() {
            build_row(
                "clean build with deps, release",
                &self.ours_release,
                &self.peer_release,
            );
        }
        if let Some(b) = &self.ours_incremental {
            let _ = writeln!(
                t,
                "{:<44} {:>14} {:>14}",
                "incremental rebuild, debug (1 file touched)",
                format!("{:.2} s", b.seconds),
                "-"
            );
        }
        if !self.loadavg.0.is_empty() && self.ours_debug.is_some() {
            let _ = writeln!(
                t,
                "  load average (1, 5, 15 min): {} before the builds, {} after",
                self.loadavg.0, self.loadavg.1
            );
        }
        let (ours, peer) = (total(&self.ours_lines), total(&self.peer_lines));
        let _ = writeln!(
            t,
            "{:<44} {:>14} {:>14}  {}",
            "code lines, six operations",
            ours,
            peer,
            ratio(ours as f64, peer as f64)
        );
        let listed = peer_listed_total(&self.peer_lines);
        let _ = writeln!(
            t,
            "{:<44} {:>14} {:>14}  {}",
            "  (peer without the errors' serde shapes)",
            "",
            listed,
            ratio(ours as f64, listed as f64)
        );
        let _ = writeln!(
            t,
            "\ncode lines (no blank lines, comments or doc comments; see count_code_lines):"
        );
        for (side, groups) in [
            ("ours: generated/src", &self.ours_lines),
            ("aws-sdk-kms: src", &self.peer_lines),
        ] {
            let _ = writeln!(t, "  {side}");
            for g in groups {
                let _ = writeln!(t, "    {:<58} {:>4} files {:>7}", g.label, g.files, g.lines);
            }
            let files: usize = groups.iter().map(|g| g.files).sum();
            let _ = writeln!(
                t,
                "    {:<58} {:>4} files {:>7}",
                "total",
                files,
                total(groups)
            );
        }
        if !self.peer_missing.is_empty() {
            let _ = writeln!(
                t,
                "  not found in aws-sdk-kms (not counted): {}",
                self.peer_missing.join(", ")
            );
        }
        t
    }

    fn json(&self) -> String {
        let build = |b: &Option<Build>| match b {
            Some(b) => format!("{{\"seconds\":{:.3},\"crates\":{}}}", b.seconds, b.crates),
            None => "null".to_owned(),
        };
        let groups = |groups: &[LineGroup]| {
            let items: Vec<String> = groups
                .iter()
                .map(|g| {
                    format!(
                        "{{\"label\":{},\"files\":{},\"lines\":{}}}",
                        json_string(&g.label),
                        g.files,
                        g.lines
                    )
                })
                .collect();
            format!("[{}]", items.join(","))
        };
        let seconds_ratio = |o: &Option<Build>, p: &Option<Build>| match (o, p) {
            (Some(o), Some(p)) if p.seconds > 0.0 => format!("{:.4}", o.seconds / p.seconds),
            _ => "null".to_owned(),
        };
        let (ours, peer) = (total(&self.ours_lines), total(&self.peer_lines));
        format!(
            "{{\n  \"aws_sdk_kms\": {},\n  \"build_debug\": {{\"ours\":{},\"peer\":{},\"ratio\":{}}},\n  \
             \"build_release\": {{\"ours\":{},\"peer\":{},\"ratio\":{}}},\n  \
             \"incremental_debug\": {},\n  \"loadavg\": [{}, {}],\n  \
             \"lines\": {{\"ours\":{ours},\"peer\":{peer},\"peer_listed\":{},\"ratio\":{:.4},\n    \
             \"ours_groups\":{},\n    \"peer_groups\":{}}}\n}}\n",
            json_string(&self.peer_version),
            build(&self.ours_debug),
            build(&self.peer_debug),
            seconds_ratio(&self.ours_debug, &self.peer_debug),
            build(&self.ours_release),
            build(&self.peer_release),
            seconds_ratio(&self.ours_release, &self.peer_release),
            build(&self.ours_incremental),
            json_string(&self.loadavg.0),
            json_string(&self.loadavg.1),
            peer_listed_total(&self.peer_lines),
            if peer > 0 { ours as f64 / peer as f64 } else { 0.0 },
            groups(&self.ours_lines),
            groups(&self.peer_lines),
        )
    }
}

fn json_string(s: &str) -> String {
    let mut quoted = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(quoted, "\\u{:04x}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

fn measure(args: &BloatArgs, work: &Path, out: &mut dyn Write) -> Result<Figures, String> {
    let root = codegen::workspace_root();
    let _ = std::fs::remove_dir_all(work);
    let ours = work.join("kms-api");
    let peer = work.join("kms-bloat-peer");
    copy_dir(&root.join("generated"), &ours)
        .map_err(|e| format!("cannot copy generated/ to {}: {e}", ours.display()))?;
    let manifest = ours.join("Cargo.toml");
    let mut text = std::fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
    text.push_str("\n[workspace]\n");
    std::fs::write(&manifest, text).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(peer.join("src")).map_err(|e| e.to_string())?;
    std::fs::write(peer.join("Cargo.toml"), PEER_MANIFEST).map_err(|e| e.to_string())?;
    std::fs::write(peer.join("src/lib.rs"), PEER_LIB).map_err(|e| e.to_string())?;
    // The workspace's lock file pins both to the versions the workspace builds.
    let lock = root.join("Cargo.lock");
    for dir in [&ours, &peer] {
        if lock.is_file() {
            std::fs::copy(&lock, dir.join("Cargo.lock")).map_err(|e| e.to_string())?;
        }
        fetch(dir)?;
    }
    let mut figures = Figures {
        peer_version: locked_version(&peer.join("Cargo.lock"), "aws-sdk-kms")
            .ok_or("aws-sdk-kms is not in the peer crate's Cargo.lock")?,
        ..Figures::default()
    };

    figures.loadavg.0 = loadavg();
    if !args.lines_only {
        let _ = writeln!(
            out,
            "clean debug builds, one after the other (not cached)..."
        );
        figures.ours_debug = Some(build(&ours, &work.join("target-ours-debug"), false, out)?);
        figures.peer_debug = Some(build(&peer, &work.join("target-peer-debug"), false, out)?);
        let touched = ours.join(TOUCHED_FILE);
        let mut source = std::fs::read_to_string(&touched).map_err(|e| e.to_string())?;
        source.push_str("\n// touched by cargo xtask bloat\n");
        std::fs::write(&touched, source).map_err(|e| e.to_string())?;
        figures.ours_incremental = Some(build(&ours, &work.join("target-ours-debug"), false, out)?);
        if args.release {
            let _ = writeln!(out, "clean release builds...");
            figures.ours_release =
                Some(build(&ours, &work.join("target-ours-release"), true, out)?);
            figures.peer_release =
                Some(build(&peer, &work.join("target-peer-release"), true, out)?);
        }
    }

    figures.loadavg.1 = loadavg();
    figures.ours_lines = ours_files(&root.join("generated").join("src"))
        .into_iter()
        .map(|(label, files)| count_group(label, &files))
        .collect::<Result<_, _>>()?;
    let peer_src = registry_source("aws-sdk-kms", &figures.peer_version)
        .ok_or_else(|| {
            format!(
                "aws-sdk-kms {} is not in the registry cache",
                figures.peer_version
            )
        })?
        .join("src");
    let (groups, missing) = peer_files(&peer_src);
    figures.peer_lines = groups
        .into_iter()
        .map(|(label, files)| count_group(label, &files))
        .collect::<Result<_, _>>()?;
    figures.peer_missing = missing;
    Ok(figures)
}

fn count_group(label: String, files: &[PathBuf]) -> Result<LineGroup, String> {
    let mut lines = 0;
    for file in files {
        let source = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        lines += count_code_lines(&source);
    }
    Ok(LineGroup {
        label,
        files: files.len(),
        lines,
    })
}

/// A cargo command without anything that could reuse earlier compiler output.
fn cargo(dir: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .current_dir(dir)
        .env_remove("RUSTC_WRAPPER")
        .env_remove("CARGO_BUILD_RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("CARGO_TARGET_DIR")
        .stdin(Stdio::null());
    command
}

/// Downloads what the crate needs, if the registry cache lacks it (not timed).
fn fetch(dir: &Path) -> Result<(), String> {
    let offline = cargo(dir).args(["fetch", "--offline"]).output();
    if matches!(&offline, Ok(o) if o.status.success()) {
        return Ok(());
    }
    let online = cargo(dir)
        .arg("fetch")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if online.status.success() {
        Ok(())
    } else {
        Err(format!(
            "cargo fetch failed in {}:\n{}",
            dir.display(),
            String::from_utf8_lossy(&online.stderr)
        ))
    }
}

/// Builds the crate in `dir` into `target` and times it (wall clock).
fn build(dir: &Path, target: &Path, release: bool, out: &mut dyn Write) -> Result<Build, String> {
    let mut command = cargo(dir);
    command
        .args(["build", "--offline"])
        .env("CARGO_TARGET_DIR", target);
    if release {
        command.arg("--release");
    }
    let started = Instant::now();
    let output = command
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!(
            "cargo build{} failed in {}:\n{stderr}",
            if release { " --release" } else { "" },
            dir.display()
        ));
    }
    let crates = stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("Compiling "))
        .count();
    let _ = writeln!(
        out,
        "  {} ({}): {:.1} s, {crates} crates compiled",
        dir.file_name().unwrap_or_default().to_string_lossy(),
        if release { "release" } else { "debug" },
        secs(elapsed)
    );
    Ok(Build {
        seconds: secs(elapsed),
        crates,
    })
}

/// The 1, 5 and 15 minute load averages, or `?` where there is no `/proc/loadavg`.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "?".to_owned())
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// The version of package `name` recorded in a `Cargo.lock`.
fn locked_version(lockfile: &Path, name: &str) -> Option<String> {
    let text = std::fs::read_to_string(lockfile).ok()?;
    let needle = format!("name = \"{name}\"");
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            let version = lines.next()?.trim();
            return version
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_owned);
        }
    }
    None
}

/// `$CARGO_HOME/registry/src/<index>/<name>-<version>`, where cargo unpacks a crate.
fn registry_source(name: &str, version: &str) -> Option<PathBuf> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let mut indexes: Vec<PathBuf> = std::fs::read_dir(cargo_home.join("registry").join("src"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    indexes.sort();
    indexes
        .into_iter()
        .map(|index| index.join(format!("{name}-{version}")))
        .find(|dir| dir.join("src").is_dir())
}

/// Our files, grouped: the generated crate's `src/` holds the six operations and nothing
/// else, so every `.rs` file counts (its protocol support too, which aws-sdk-kms keeps in
/// its runtime crates and which is therefore not counted on its side).
pub fn ours_files(src: &Path) -> Vec<(String, Vec<PathBuf>)> {
    let mut all = Vec::new();
    rust_files(src, &mut all);
    let mut groups: Vec<(String, Vec<PathBuf>)> = vec![
        (
            "operations/ (inputs, outputs, error enums, wire impls)".to_owned(),
            vec![],
        ),
        ("types/ (structures and enums)".to_owned(), vec![]),
        ("errors/ (the 22 errors)".to_owned(), vec![]),
        (
            "lib.rs, wire.rs, validation.rs, primitives.rs".to_owned(),
            vec![],
        ),
    ];
    for file in all {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let index = match relative
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
        {
            Some(first) if first == "operations" => 0,
            Some(first) if first == "types" => 1,
            Some(first) if first == "errors" => 2,
            _ => 3,
        };
        groups[index].1.push(file);
    }
    groups
}

/// aws-sdk-kms's files for the six operations, grouped, and the expected files it lacks:
///
/// - `operation/<op>.rs` and everything under `operation/<op>/` (input, output, builders,
///   the error enum, paginators);
/// - `protocol_serde/shape_<op>*.rs` (the operation's request serializer and response and
///   error deserializers);
/// - `types/_<shape>.rs` for the [`SHAPES`] (each file holds the type and its builder) and
///   `protocol_serde/shape_<shape>.rs` where the shape has one ([`SHAPES`], [`LIST_SHAPES`]);
/// - `types/error/_<error>.rs` for the 22 [`ERRORS`], and their deserializers
///   `protocol_serde/shape_<error>.rs` (a separate group, which the table also shows left
///   out).
///
/// Service-wide files (`lib.rs`, `config/`, `client/`, `error_meta.rs`, `protocol_serde.rs`
/// ...) serve every KMS operation and are not counted.
pub fn peer_files(src: &Path) -> (Vec<(String, Vec<PathBuf>)>, Vec<String>) {
    let mut missing = Vec::new();
    let mut operations = Vec::new();
    let mut operation_serde = Vec::new();
    let mut protocol_serde: Vec<PathBuf> = std::fs::read_dir(src.join("protocol_serde"))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    protocol_serde.sort();
    for op in OPERATIONS {
        let file = src.join("operation").join(format!("{op}.rs"));
        if file.is_file() {
            operations.push(file);
        } else {
            missing.push(format!("operation/{op}.rs"));
        }
        rust_files(&src.join("operation").join(op), &mut operations);
        let prefix = format!("shape_{op}");
        let before = operation_serde.len();
        operation_serde.extend(
            protocol_serde
                .iter()
                .filter(|p| {
                    let name = p.file_name().unwrap_or_default().to_string_lossy();
                    name.starts_with(&prefix) && name.ends_with(".rs")
                })
                .cloned(),
        );
        if operation_serde.len() == before {
            missing.push(format!("protocol_serde/{prefix}*.rs"));
        }
    }
    let mut existing = |path: PathBuf, list: &mut Vec<PathBuf>, required: bool| {
        if path.is_file() {
            list.push(path);
        } else if required {
            missing.push(
                path.strip_prefix(src)
                    .unwrap_or(&path)
                    .display()
                    .to_string(),
            );
        }
    };
    let mut types = Vec::new();
    let mut type_serde = Vec::new();
    for shape in SHAPES {
        existing(
            src.join("types").join(format!("_{shape}.rs")),
            &mut types,
            true,
        );
        // Enums have no serde shape file; structures do.
        existing(
            src.join("protocol_serde").join(format!("shape_{shape}.rs")),
            &mut type_serde,
            false,
        );
    }
    for list in LIST_SHAPES {
        existing(
            src.join("protocol_serde").join(format!("shape_{list}.rs")),
            &mut type_serde,
            true,
        );
    }
    let mut errors = Vec::new();
    let mut error_serde = Vec::new();
    for error in ERRORS {
        existing(
            src.join("types").join("error").join(format!("_{error}.rs")),
            &mut errors,
            true,
        );
        existing(
            src.join("protocol_serde").join(format!("shape_{error}.rs")),
            &mut error_serde,
            true,
        );
    }
    let groups = vec![
        (
            "operation/<op>.rs, operation/<op>/**".to_owned(),
            operations,
        ),
        ("protocol_serde/shape_<op>*.rs".to_owned(), operation_serde),
        (
            "types/_<shape>.rs (types and their builders)".to_owned(),
            types,
        ),
        ("protocol_serde/shape_<shape>.rs".to_owned(), type_serde),
        ("types/error/_<error>.rs (22 errors)".to_owned(), errors),
        (format!("{ERROR_SHAPES_LABEL} (22 errors)"), error_serde),
    ];
    (groups, missing)
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&path, &to.join(entry.file_name()))?;
            }
        } else {
            std::fs::copy(&path, to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// Counts the code lines of a Rust source file. The one place the counting rules live:
///
/// - A line counts when, once its comments are removed, it has a non-whitespace character.
///   Blank lines do not count.
/// - Comments are `//` to the end of the line (so `///` and `//!` doc comments too) and
///   `/* ... */`, which may nest (so `/** */` and `/*! */` doc comments too). A line with
///   code and a trailing comment counts.
/// - A line whose only code is a one-line doc attribute (`#[doc = "..."]`, `#![doc = ...]`)
///   is a doc comment in attribute form and does not count.
/// - Nothing inside a string, raw string, byte string or character literal is a comment:
///   `"// not a comment"` is code. A line inside a multi-line string literal counts when it
///   has a non-whitespace character.
pub fn count_code_lines(source: &str) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Code,
        LineComment,
        Block(u32),
        Str,
        RawStr(usize),
    }
    let chars: Vec<char> = source.chars().collect();
    let mut state = State::Code;
    let mut line = String::new();
    let mut count = 0;
    let mut finish_line = |line: &mut String| {
        let code = line.trim();
        let doc_attribute =
            (code.starts_with("#[doc") || code.starts_with("#![doc")) && code.ends_with(']');
        if !code.is_empty() && !doc_attribute {
            count += 1;
        }
        line.clear();
    };
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            if state == State::LineComment {
                state = State::Code;
            }
            finish_line(&mut line);
            i += 1;
            continue;
        }
        match state {
            State::LineComment => {}
            State::Block(depth) => {
                if c == '/' && next == Some('*') {
                    state = State::Block(depth + 1);
                    i += 1;
                } else if c == '*' && next == Some('/') {
                    state = if depth == 1 {
                        State::Code
                    } else {
                        State::Block(depth - 1)
                    };
                    i += 1;
                }
            }
            State::Str => {
                line.push(c);
                if c == '\\' {
                    // An escaped character (or an escaped newline, which ends the line).
                    if let Some(n) = next {
                        if n != '\n' {
                            line.push(n);
                            i += 1;
                        }
                    }
                } else if c == '"' {
                    state = State::Code;
                }
            }
            State::RawStr(hashes) => {
                line.push(c);
                if c == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    line.extend(std::iter::repeat_n('#', hashes));
                    i += hashes;
                    state = State::Code;
                }
            }
            State::Code => {
                let prev = if i > 0 { Some(chars[i - 1]) } else { None };
                let starts_token = !prev.is_some_and(is_ident);
                if c == '/' && next == Some('/') {
                    state = State::LineComment;
                    i += 1;
                } else if c == '/' && next == Some('*') {
                    state = State::Block(1);
                    i += 1;
                } else if c == '"' {
                    line.push(c);
                    state = State::Str;
                } else if let Some(hashes) = raw_string_start(&chars, i, starts_token) {
                    // `r"`, `r#"`, `br"`, `cr#"`...: push the prefix through the quote.
                    let prefix_len = chars[i..].iter().position(|&ch| ch == '"').unwrap_or(0);
                    line.extend(&chars[i..=i + prefix_len]);
                    i += prefix_len;
                    state = State::RawStr(hashes);
                } else if c == '\'' {
                    // A character literal (`'a'`, `'\n'`, `'\u{1F600}'`), or a lifetime.
                    if next == Some('\\') {
                        // Skip the escaped character, then find the closing quote.
                        let end = (i + 3..chars.len())
                            .find(|&k| chars[k] == '\'' || chars[k] == '\n')
                            .filter(|&k| chars[k] == '\'')
                            .unwrap_or(i + 1);
                        line.extend(&chars[i..=end]);
                        i = end;
                    } else if chars.get(i + 2) == Some(&'\'') && next != Some('\n') {
                        line.extend(&chars[i..i + 3]);
                        i += 2;
                    } else {
                        line.push(c);
                    }
                } else {
                    line.push(c);
                }
            }
        }
        i += 1;
    }
    finish_line(&mut line);
    count
}

/// When a raw string literal starts at `i` (`r"`, `r#"`, `br##"`, `cr"`), how many `#` it uses.
fn raw_string_start(chars: &[char], i: usize, starts_token: bool) -> Option<usize> {
    if !starts_token {
        return None;
    }
    let mut k = i;
    if matches!(chars.get(k), Some('b' | 'c')) {
        k += 1;
    }
    if chars.get(k) != Some(&'r') {
        return None;
    }
    k += 1;
    let mut hashes = 0;
    while chars.get(k) == Some(&'#') {
        hashes += 1;
        k += 1;
    }
    (chars.get(k) == Some(&'"')).then_some(hashes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_not_comments_or_blank_lines() {
        let source = "\
//! Crate docs.
/// Item docs.
pub struct A; // trailing comment: the line counts

/* a block
   comment */
/** a doc block */
fn f() {
    /* nested /* block */ still comment */
    let s = \"// not a comment\";
}
#[doc = \"attribute docs\"]
#[derive(Debug)]
";
        // `pub struct A;`, `fn f() {`, `let s = ...`, `}`, `#[derive(Debug)]`.
        assert_eq!(count_code_lines(source), 5);
    }

    #[test]
    fn strings_and_chars_hide_comment_markers() {
        let source = r####"
let a = r#"/* not a comment
    still the string */ "#;
let b = '/';
let c = '\'';
let c2 = '\\'; let c3 = '\u{1F600}';
let d: &'static str = "x"; // comment
let e = b"//";
let f = '"'; let g = 1; /* c */
"####;
        assert_eq!(count_code_lines(source), 8);
        assert_eq!(count_code_lines("let s = \"a\n\n b\";"), 2);
        assert_eq!(count_code_lines("/* open\n\n*/\nx"), 1);
        assert_eq!(count_code_lines(""), 0);
        assert_eq!(count_code_lines("fn f<'a>(x: &'a str) {}\n// c"), 1);
    }

    #[test]
    fn parses_the_options() {
        let parse_all = |list: &[&str]| parse(&mut Parser::from_args(list));
        assert_eq!(
            parse_all(&["--release", "--json", "x.json", "--keep"]).ok(),
            Some(Parsed::Run(BloatArgs {
                release: true,
                lines_only: false,
                json: Some(PathBuf::from("x.json")),
                keep: true,
            }))
        );
        assert_eq!(
            parse_all(&["--json=x.json"]).ok(),
            parse_all(&["--json", "x.json"]).ok()
        );
        assert_eq!(parse_all(&["--help"]).ok(), Some(Parsed::Help));
        assert!(parse_all(&["--json"]).is_err());
        assert!(parse_all(&["--json="]).is_err());
        assert!(parse_all(&["--fast"]).is_err());
        let mut out = Vec::new();
        let mut err = Vec::new();
        assert_eq!(crate::run(["bloat", "--nope"], &mut out, &mut err), 2);
        assert!(String::from_utf8_lossy(&err).contains("usage: cargo xtask bloat"));
    }

    #[test]
    fn every_generated_file_is_counted_in_one_group() {
        let src = codegen::workspace_root().join("generated").join("src");
        let mut all = Vec::new();
        rust_files(&src, &mut all);
        let grouped: usize = ours_files(&src).iter().map(|(_, files)| files.len()).sum();
        assert_eq!(grouped, all.len());
        assert!(grouped > 0);
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
    }
}
