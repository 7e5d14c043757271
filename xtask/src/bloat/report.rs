//! The figures `bloat` measured, as a table for people and as JSON for tools.

use super::builds::Build;
use super::scope::{ERROR_SHAPES_LABEL, RUNTIME_LABEL};
use serde::Serialize;
use std::fmt::Write as _;

/// Code lines of a group of files.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
pub struct Figures {
    /// The aws-sdk-kms version built and counted.
    pub peer_version: String,
    /// Clean debug build of the generated crate.
    pub ours_debug: Option<Build>,
    /// Clean debug build of the crate on aws-sdk-kms.
    pub peer_debug: Option<Build>,
    /// Each round's clean debug builds, (ours, peer) in seconds; `ours_debug` and
    /// `peer_debug` are their medians.
    pub debug_rounds: Vec<(f64, f64)>,
    /// Clean release build of the generated crate (`--release`).
    pub ours_release: Option<Build>,
    /// Clean release build of the crate on aws-sdk-kms (`--release`).
    pub peer_release: Option<Build>,
    /// Rebuild of the generated crate after one file was touched.
    pub ours_incremental: Option<Build>,
    /// Our code lines, by group; the model-independent runtime is the group labelled
    /// [`RUNTIME_LABEL`].
    pub ours_lines: Vec<LineGroup>,
    /// The files counted as the model-independent runtime, relative to the crate root
    /// (`src/wire/codecs.rs`).
    pub runtime_files: Vec<String>,
    /// aws-sdk-kms's code lines for the same operations, by group.
    pub peer_lines: Vec<LineGroup>,
    /// Files expected in aws-sdk-kms that it lacks (not counted).
    pub peer_missing: Vec<String>,
    /// `/proc/loadavg` before and after the builds: other work on the same cores skews them.
    pub loadavg: (String, String),
}

fn total(groups: &[LineGroup]) -> usize {
    groups.iter().map(|g| g.lines).sum()
}

/// Our lines in the model-independent runtime group.
fn runtime_total(groups: &[LineGroup]) -> usize {
    groups
        .iter()
        .filter(|g| g.label == RUNTIME_LABEL)
        .map(|g| g.lines)
        .sum()
}

/// A ratio rounded to four decimals, 0 when the denominator is 0.
fn lines_ratio(ours: usize, peer: usize) -> f64 {
    if peer > 0 {
        rounded(ours as f64 / peer as f64, 4)
    } else {
        0.0
    }
}

/// The peer's lines as the issue lists them: without the errors' serde shape files.
fn peer_listed_total(groups: &[LineGroup]) -> usize {
    groups
        .iter()
        .filter(|g| !g.label.starts_with(ERROR_SHAPES_LABEL))
        .map(|g| g.lines)
        .sum()
}

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
    /// The table printed at the end of a run.
    pub fn table(&self) -> String {
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
        if self.debug_rounds.len() > 1 {
            let each: Vec<String> = self
                .debug_rounds
                .iter()
                .map(|(ours, peer)| format!("{ours:.1} / {peer:.1} s"))
                .collect();
            let _ = writeln!(
                t,
                "  medians of {} rounds (ours / aws-sdk-kms): {}",
                self.debug_rounds.len(),
                each.join(", ")
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
        let without = ours - runtime_total(&self.ours_lines).min(ours);
        let _ = writeln!(
            t,
            "{:<44} {:>14} {:>14}  {}",
            "code lines, six operations, without runtime",
            without,
            peer,
            ratio(without as f64, peer as f64)
        );
        let _ = writeln!(
            t,
            "{:<44} {:>14} {:>14}  {}",
            "  (peer without the errors' serde shapes)",
            "",
            listed,
            ratio(without as f64, listed as f64)
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
        let _ = writeln!(
            t,
            "  runtime ({} files): the generated files that are codegen/runtime/src's file at the \
             same path\n  behind the @generated header, so the same whatever the model:",
            self.runtime_files.len()
        );
        for chunk in self.runtime_files.chunks(4) {
            let _ = writeln!(t, "    {}", chunk.join(", "));
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

    /// The figures as JSON (`--json PATH`): seconds to the millisecond, ratios to four
    /// decimals, `null` for what was not measured.
    pub fn json(&self) -> Result<String, serde_json::Error> {
        let (ours, peer) = (total(&self.ours_lines), total(&self.peer_lines));
        let peer_listed = peer_listed_total(&self.peer_lines);
        let runtime = runtime_total(&self.ours_lines).min(ours);
        let report = JsonReport {
            aws_sdk_kms: &self.peer_version,
            build_debug: BuildPair::of(&self.ours_debug, &self.peer_debug),
            build_debug_rounds: self
                .debug_rounds
                .iter()
                .map(|(ours, peer)| [rounded(*ours, 3), rounded(*peer, 3)])
                .collect(),
            build_release: BuildPair::of(&self.ours_release, &self.peer_release),
            incremental_debug: self.ours_incremental.as_ref().map(JsonBuild::of),
            loadavg: [&self.loadavg.0, &self.loadavg.1],
            lines: JsonLines {
                ours,
                peer,
                peer_listed,
                ratio: lines_ratio(ours, peer),
                ratio_listed: lines_ratio(ours, peer_listed),
                ours_runtime: runtime,
                ours_without_runtime: ours - runtime,
                ratio_without_runtime: lines_ratio(ours - runtime, peer),
                ratio_without_runtime_listed: lines_ratio(ours - runtime, peer_listed),
                runtime_files: &self.runtime_files,
                ours_groups: &self.ours_lines,
                peer_groups: &self.peer_lines,
            },
        };
        let mut text = serde_json::to_string_pretty(&report)?;
        text.push('\n');
        Ok(text)
    }
}

/// `value` rounded to `decimals` decimal places.
fn rounded(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// The JSON document, field for field.
#[derive(Serialize)]
struct JsonReport<'a> {
    aws_sdk_kms: &'a str,
    build_debug: BuildPair,
    /// Each round's clean debug builds, `[ours, peer]` in seconds (`build_debug` holds
    /// their medians).
    build_debug_rounds: Vec<[f64; 2]>,
    build_release: BuildPair,
    incremental_debug: Option<JsonBuild>,
    loadavg: [&'a str; 2],
    lines: JsonLines<'a>,
}

#[derive(Serialize)]
struct JsonBuild {
    seconds: f64,
    crates: usize,
}

impl JsonBuild {
    fn of(build: &Build) -> JsonBuild {
        JsonBuild {
            seconds: rounded(build.seconds, 3),
            crates: build.crates,
        }
    }
}

/// One kind of build on both sides, and ours / theirs in seconds.
#[derive(Serialize)]
struct BuildPair {
    ours: Option<JsonBuild>,
    peer: Option<JsonBuild>,
    ratio: Option<f64>,
}

impl BuildPair {
    fn of(ours: &Option<Build>, peer: &Option<Build>) -> BuildPair {
        let ratio = match (ours, peer) {
            (Some(o), Some(p)) if p.seconds > 0.0 => Some(rounded(o.seconds / p.seconds, 4)),
            _ => None,
        };
        BuildPair {
            ours: ours.as_ref().map(JsonBuild::of),
            peer: peer.as_ref().map(JsonBuild::of),
            ratio,
        }
    }
}

#[derive(Serialize)]
struct JsonLines<'a> {
    ours: usize,
    peer: usize,
    peer_listed: usize,
    ratio: f64,
    ratio_listed: f64,
    ours_runtime: usize,
    ours_without_runtime: usize,
    ratio_without_runtime: f64,
    ratio_without_runtime_listed: f64,
    runtime_files: &'a [String],
    ours_groups: &'a [LineGroup],
    peer_groups: &'a [LineGroup],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_has_every_figure_and_null_for_what_was_not_measured() {
        let group = |label: &str, lines| LineGroup {
            label: label.to_owned(),
            files: 2,
            lines,
        };
        let figures = Figures {
            peer_version: "1.2.3".to_owned(),
            ours_debug: Some(Build {
                seconds: 10.12345,
                crates: 40,
            }),
            peer_debug: Some(Build {
                seconds: 40.0,
                crates: 200,
            }),
            debug_rounds: vec![(10.12345, 41.0), (11.0, 40.0), (9.5, 39.0)],
            ours_lines: vec![group("ours \"quoted\"", 100), group(RUNTIME_LABEL, 40)],
            runtime_files: vec!["src/wire/a.rs".to_owned(), "src/wire/b.rs".to_owned()],
            peer_lines: vec![
                group("peer", 300),
                group(&format!("{ERROR_SHAPES_LABEL} (22 errors)"), 100),
            ],
            loadavg: ("0.5 0.4 0.3".to_owned(), "1.0 0.8 0.4".to_owned()),
            ..Figures::default()
        };
        let json: serde_json::Value = serde_json::from_str(&figures.json().unwrap()).unwrap();
        let expected = serde_json::json!({
            "aws_sdk_kms": "1.2.3",
            "build_debug": {
                "ours": {"seconds": 10.123, "crates": 40},
                "peer": {"seconds": 40.0, "crates": 200},
                "ratio": 0.2531
            },
            "build_debug_rounds": [[10.123, 41.0], [11.0, 40.0], [9.5, 39.0]],
            "build_release": {"ours": null, "peer": null, "ratio": null},
            "incremental_debug": null,
            "loadavg": ["0.5 0.4 0.3", "1.0 0.8 0.4"],
            "lines": {
                "ours": 140, "peer": 400, "peer_listed": 300, "ratio": 0.35,
                "ratio_listed": 0.4667,
                "ours_runtime": 40, "ours_without_runtime": 100,
                "ratio_without_runtime": 0.25, "ratio_without_runtime_listed": 0.3333,
                "runtime_files": ["src/wire/a.rs", "src/wire/b.rs"],
                "ours_groups": [
                    {"label": "ours \"quoted\"", "files": 2, "lines": 100},
                    {"label": RUNTIME_LABEL, "files": 2, "lines": 40}
                ],
                "peer_groups": [
                    {"label": "peer", "files": 2, "lines": 300},
                    {"label": "protocol_serde/shape_<error>.rs (22 errors)", "files": 2, "lines": 100}
                ]
            }
        });
        assert_eq!(json, expected);
        let text = figures.json().unwrap();
        assert!(
            text.find("\"aws_sdk_kms\"") < text.find("\"lines\""),
            "{text}"
        );
        // The table says the same: with the runtime 140 / 400, without it 100 / 400 and
        // 100 / 300 (peer without the errors' serde shapes), and which files are runtime.
        let table = figures.table();
        let row = |start: &str| {
            table
                .lines()
                .filter(|line| line.starts_with(start))
                .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            row("code lines, six operations"),
            [
                "code lines, six operations 140 400 0.350 (1/2.9)",
                "code lines, six operations, without runtime 100 400 0.250 (1/4.0)",
            ],
            "{table}"
        );
        assert!(table.contains("300  0.333 (1/3.0)"), "{table}");
        assert!(table.contains("src/wire/a.rs, src/wire/b.rs"), "{table}");
        assert!(table.contains("runtime (2 files)"), "{table}");
        assert!(
            table.contains(
                "medians of 3 rounds (ours / aws-sdk-kms): 10.1 / 41.0 s, 11.0 / 40.0 s, 9.5 / 39.0 s"
            ),
            "{table}"
        );
    }
}
