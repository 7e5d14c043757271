//! Running cargo: fetching dependencies, timed clean builds, and the load average beside them.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One timed build.
#[derive(Clone, Debug)]
pub struct Build {
    /// Wall-clock seconds.
    pub seconds: f64,
    /// How many crates cargo compiled (its `Compiling` lines).
    pub crates: usize,
}

/// The build with the median wall-clock time (the lower middle one of an even count); `None`
/// for no builds.
pub fn median<'a>(builds: impl Iterator<Item = &'a Build>) -> Option<Build> {
    let mut sorted: Vec<&Build> = builds.collect();
    sorted.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let middle = sorted.len().checked_sub(1)? / 2;
    sorted.get(middle).map(|build| (*build).clone())
}

/// A cargo command without anything that could reuse earlier compiler output.
pub fn cargo(dir: &Path) -> Command {
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
pub fn fetch(dir: &Path) -> Result<(), String> {
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
pub fn build(
    dir: &Path,
    target: &Path,
    release: bool,
    out: &mut dyn Write,
) -> Result<Build, String> {
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
pub fn loadavg() -> String {
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

/// Copies `from` into `to`, leaving out any `target/` directory.
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn build(seconds: f64) -> Build {
        Build { seconds, crates: 1 }
    }

    #[test]
    fn the_median_is_the_middle_build_or_the_lower_middle_one() {
        let seconds = |builds: &[Build]| median(builds.iter()).map(|b| b.seconds);
        assert_eq!(seconds(&[]), None);
        assert_eq!(seconds(&[build(3.0)]), Some(3.0));
        assert_eq!(seconds(&[build(3.5), build(3.1), build(9.0)]), Some(3.5));
        assert_eq!(
            seconds(&[build(4.0), build(3.0), build(2.0), build(1.0)]),
            Some(2.0)
        );
    }
}
