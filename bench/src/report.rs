//! From criterion's estimates to ratios, targets and a results file.
//!
//! Every benchmark's median comes from criterion's own analysis of the run that just ended:
//! `<criterion dir>/<group>/<function>/new/estimates.json`, field `median.point_estimate`
//! (nanoseconds per iteration). A file older than the start of the run is refused, so a
//! ratio never mixes a fresh measurement with one left over from an earlier run (for example
//! when a filter skipped a benchmark).

use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// Reads the median (ns per iteration) criterion estimated for `id` (`group/function`),
/// refusing an estimate written before `not_before`.
pub fn read_median_ns(
    criterion_dir: &Path,
    id: &str,
    not_before: SystemTime,
) -> Result<f64, String> {
    let path = criterion_dir.join(id).join("new").join("estimates.json");
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .map_err(|e| format!("not measured in this run ({}: {e})", path.display()))?;
    if modified < not_before {
        return Err(format!(
            "not measured in this run ({} is from an earlier run)",
            path.display()
        ));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    median_from_estimates(&text)
        .ok_or_else(|| format!("{}: no median.point_estimate", path.display()))
}

/// `median.point_estimate` of a criterion `estimates.json`.
pub fn median_from_estimates(json: &str) -> Option<f64> {
    let value: Value = serde_json::from_str(json).ok()?;
    value.get("median")?.get("point_estimate")?.as_f64()
}

/// The cargo target directory the running benchmark was built in: the nearest ancestor of
/// the executable that holds cargo's `CACHEDIR.TAG`.
pub fn target_dir_of_current_exe() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    exe.ancestors()
        .skip(1)
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .map(Path::to_path_buf)
}

/// Why the running benchmark is not the one cargo meant to run, if it is not: it was
/// compiled in the package at `compiled` (`env!("CARGO_MANIFEST_DIR")`) but cargo runs it for
/// the package at `running` (the `CARGO_MANIFEST_DIR` cargo sets when it runs a target).
///
/// They differ when work trees share a `CARGO_TARGET_DIR`: cargo's fingerprints do not hold
/// the workspace's path, so a build from another work tree looks fresh as long as this tree's
/// files are older, and its measurements and results file would be the other tree's.
pub fn built_elsewhere(compiled: &str, running: Option<std::ffi::OsString>) -> Option<String> {
    let running = running?;
    if Path::new(&running) == Path::new(compiled) {
        return None;
    }
    Some(format!(
        "this benchmark was built from {compiled}, but cargo runs it for {}: the target \
         directory is shared with another work tree, whose build cargo took as fresh. Make this \
         tree's sources newer (`git ls-files -z '*.rs' '*.toml' | xargs -0 touch`) or use a \
         target directory of its own.",
        Path::new(&running).display()
    ))
}

/// `git rev-parse HEAD` in `root`, and whether the work tree has uncommitted changes.
pub fn git_commit(root: &Path) -> (Option<String>, Option<bool>) {
    let run = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let commit = run(&["rev-parse", "HEAD"]);
    let dirty = run(&["status", "--porcelain"]).map(|s| !s.is_empty());
    (commit, dirty)
}

/// The version of package `name` recorded in a `Cargo.lock`.
pub fn locked_version(lockfile: &Path, name: &str) -> Option<String> {
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

/// The 1, 5 and 15 minute load averages (`/proc/loadavg`), to judge how quiet the machine
/// was: other work on the same cores skews the medians.
pub fn loadavg() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// `rustc --version`.
pub fn rustc_version() -> Option<String> {
    let output = Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
        .arg("--version")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// One ratio: `numerator / denominator` of two medians of the same run.
#[derive(Clone, Debug)]
pub struct Ratio {
    /// What it compares, e.g. `parse describe_100: ours / peer`.
    pub name: String,
    /// The numerator's benchmark id.
    pub numerator: String,
    /// The denominator's benchmark id.
    pub denominator: String,
    /// The ratio, when both medians were measured.
    pub value: Option<f64>,
}

/// How one side's time grows with its input: the median at the larger input over the median
/// at the smaller one, set against how much larger the input is. Linear parsing gives a time
/// ratio close to the input ratio, so `per_unit` (their quotient) close to 1.
#[derive(Clone, Debug)]
pub struct Scaling {
    /// What grows, e.g. `parse DescribeCustomKeyStores ours: 1000 / 100 entries`.
    pub name: String,
    /// The smaller input's benchmark id.
    pub small: String,
    /// The larger input's benchmark id.
    pub large: String,
    /// How many times larger the larger input is (entries: 10 for 1000 against 100).
    pub input_ratio: f64,
    /// Median at the larger input / median at the smaller one, when both were measured.
    pub time_ratio: Option<f64>,
}

impl Scaling {
    /// The time ratio over the input ratio: 1 for exactly linear, above 1 when the larger
    /// input costs more per unit.
    pub fn per_unit(&self) -> Option<f64> {
        self.time_ratio
            .filter(|_| self.input_ratio > 0.0)
            .map(|t| t / self.input_ratio)
    }
}

/// A target: a measured value that must be at most `limit`.
#[derive(Clone, Debug)]
pub struct Target {
    /// What the target says, e.g. `parse at least 3x faster than aws-sdk-kms`.
    pub name: String,
    /// The measured value (a ratio or milliseconds); `None` when not measured or pending.
    pub value: Option<f64>,
    /// The largest value that meets the target.
    pub limit: f64,
    /// Why there is no value, when there is none.
    pub note: Option<String>,
}

impl Target {
    /// Whether the target is met; `None` when there is no value.
    pub fn met(&self) -> Option<bool> {
        self.value.map(|v| v <= self.limit)
    }
}

/// An interleaved A/B measurement: rounds of `a` then `b` (order alternating between
/// rounds), the same number of iterations each, so that background load that comes and goes
/// during the run hits both sides alike. The ratio is the median of the per-round ratios.
#[derive(Clone, Debug)]
pub struct Paired {
    /// What it compares, e.g. `parse describe_100: ours / peer`.
    pub name: String,
    /// Median ns per iteration of `a` over the rounds.
    pub a_ns: f64,
    /// Median ns per iteration of `b` over the rounds.
    pub b_ns: f64,
    /// Median of the per-round ratios `a / b`.
    pub ratio: f64,
    /// First and third quartiles of the per-round ratios (their spread).
    pub ratio_quartiles: (f64, f64),
    /// Rounds measured.
    pub rounds: usize,
    /// Iterations per side and round.
    pub batch: u64,
}

/// Measures `a` against `b` in `rounds` interleaved rounds. Each closure runs the given number
/// of iterations and returns the time they took (setup and dropping outputs are theirs to
/// keep outside that time). The batch size is calibrated so one side's batch takes about
/// `batch_time`.
pub fn paired(
    name: &str,
    rounds: usize,
    batch_time: std::time::Duration,
    mut a: impl FnMut(u64) -> std::time::Duration,
    mut b: impl FnMut(u64) -> std::time::Duration,
) -> Paired {
    // Warm-up, then calibration on `a`.
    let warm_until = std::time::Instant::now() + batch_time * 20;
    while std::time::Instant::now() < warm_until {
        a(1);
        b(1);
    }
    let mut batch = 1u64;
    while a(batch) < batch_time && batch < 1 << 24 {
        batch *= 2;
    }
    let mut ratios = Vec::with_capacity(rounds);
    let mut a_ns = Vec::with_capacity(rounds);
    let mut b_ns = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let (ta, tb) = if round % 2 == 0 {
            let ta = a(batch);
            (ta, b(batch))
        } else {
            let tb = b(batch);
            (a(batch), tb)
        };
        let (ta, tb) = (ta.as_nanos() as f64, tb.as_nanos() as f64);
        if tb > 0.0 {
            ratios.push(ta / tb);
        }
        a_ns.push(ta / batch as f64);
        b_ns.push(tb / batch as f64);
    }
    Paired {
        name: name.to_owned(),
        a_ns: quantile(&mut a_ns, 0.5),
        b_ns: quantile(&mut b_ns, 0.5),
        ratio: quantile(&mut ratios, 0.5),
        ratio_quartiles: (quantile(&mut ratios, 0.25), quantile(&mut ratios, 0.75)),
        rounds,
        batch,
    }
}

/// The `q` quantile (nearest rank) of `values`; NaN when empty.
pub fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((values.len() - 1) as f64 * q).round() as usize;
    values[rank.min(values.len() - 1)]
}

/// The medians, ratios and targets of one run.
#[derive(Debug, Default)]
pub struct Report {
    /// Benchmark id to its median in ns, or why there is none (`pending: ...`).
    pub medians: BTreeMap<String, Result<f64, String>>,
    /// The ratios, in the order they were added.
    pub ratios: Vec<Ratio>,
    /// The targets, in the order they were added.
    pub targets: Vec<Target>,
    /// How time grows with the input, per side (linearity), in the order added.
    pub scaling: Vec<Scaling>,
    /// Interleaved A/B ratios, a cross-check of the criterion ratios on a busy machine.
    pub paired: Vec<Paired>,
    /// Facts about the run: commit, versions, input sizes.
    pub facts: Map<String, Value>,
}

impl Report {
    /// Records a benchmark's median, or why it has none.
    pub fn record(&mut self, id: &str, median: Result<f64, String>) {
        self.medians.insert(id.to_owned(), median);
    }

    /// A recorded median in ns.
    pub fn median(&self, id: &str) -> Option<f64> {
        self.medians.get(id).and_then(|m| m.as_ref().ok().copied())
    }

    /// Adds `numerator / denominator` and returns it.
    pub fn ratio(&mut self, name: &str, numerator: &str, denominator: &str) -> Option<f64> {
        let value = match (self.median(numerator), self.median(denominator)) {
            (Some(n), Some(d)) if d > 0.0 => Some(n / d),
            _ => None,
        };
        self.ratios.push(Ratio {
            name: name.to_owned(),
            numerator: numerator.to_owned(),
            denominator: denominator.to_owned(),
            value,
        });
        value
    }

    /// Adds how `large` grows over `small` for an input `input_ratio` times larger, and
    /// returns the time ratio.
    pub fn scaling(
        &mut self,
        name: &str,
        small: &str,
        large: &str,
        input_ratio: f64,
    ) -> Option<f64> {
        let time_ratio = match (self.median(small), self.median(large)) {
            (Some(s), Some(l)) if s > 0.0 => Some(l / s),
            _ => None,
        };
        self.scaling.push(Scaling {
            name: name.to_owned(),
            small: small.to_owned(),
            large: large.to_owned(),
            input_ratio,
            time_ratio,
        });
        time_ratio
    }

    /// Adds a target on a value (`None` with a note when it could not be measured).
    pub fn target(&mut self, name: &str, value: Option<f64>, limit: f64, note: Option<String>) {
        self.targets.push(Target {
            name: name.to_owned(),
            value,
            limit,
            note,
        });
    }

    /// Records a fact about the run.
    pub fn fact(&mut self, key: &str, value: impl Into<Value>) {
        self.facts.insert(key.to_owned(), value.into());
    }

    /// The results file's content.
    pub fn to_json(&self) -> Value {
        let medians: Map<String, Value> = self
            .medians
            .iter()
            .map(|(id, m)| {
                let value = match m {
                    Ok(ns) => json!(round(*ns, 1)),
                    Err(why) => json!(why),
                };
                (id.clone(), value)
            })
            .collect();
        let ratios: Vec<Value> = self
            .ratios
            .iter()
            .map(|r| {
                json!({
                    "name": r.name,
                    "numerator": r.numerator,
                    "denominator": r.denominator,
                    "ratio": r.value.map(|v| round(v, 4)),
                })
            })
            .collect();
        let targets: Vec<Value> = self
            .targets
            .iter()
            .map(|t| {
                json!({
                    "name": t.name,
                    "value": t.value.map(|v| round(v, 4)),
                    "limit": round(t.limit, 4),
                    "met": t.met(),
                    "note": t.note,
                })
            })
            .collect();
        let paired: Vec<Value> = self
            .paired
            .iter()
            .map(|p| {
                json!({
                    "name": p.name,
                    "a_ns": round(p.a_ns, 1),
                    "b_ns": round(p.b_ns, 1),
                    "ratio": round(p.ratio, 4),
                    "ratio_q1": round(p.ratio_quartiles.0, 4),
                    "ratio_q3": round(p.ratio_quartiles.1, 4),
                    "rounds": p.rounds,
                    "batch": p.batch,
                })
            })
            .collect();
        let scaling: Vec<Value> = self
            .scaling
            .iter()
            .map(|g| {
                json!({
                    "name": g.name,
                    "small": g.small,
                    "large": g.large,
                    "input_ratio": round(g.input_ratio, 4),
                    "time_ratio": g.time_ratio.map(|v| round(v, 4)),
                    "per_unit": g.per_unit().map(|v| round(v, 4)),
                })
            })
            .collect();
        let mut root = self.facts.clone();
        root.insert("paired_ratios".to_owned(), Value::Array(paired));
        root.insert("scaling".to_owned(), Value::Array(scaling));
        root.insert("medians_ns".to_owned(), Value::Object(medians));
        root.insert("ratios".to_owned(), Value::Array(ratios));
        root.insert("targets".to_owned(), Value::Array(targets));
        Value::Object(root)
    }

    /// A plain-text summary: medians, ratios, targets.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        let width = self.medians.keys().map(String::len).max().unwrap_or(0);
        let _ = writeln!(text, "medians (this run):");
        for (id, median) in &self.medians {
            match median {
                Ok(ns) => {
                    let _ = writeln!(text, "  {id:width$}  {}", human_ns(*ns));
                }
                Err(why) => {
                    let _ = writeln!(text, "  {id:width$}  {why}");
                }
            }
        }
        let width = self.ratios.iter().map(|r| r.name.len()).max().unwrap_or(0);
        let _ = writeln!(text, "ratios (lower is better for ours; same run):");
        for ratio in &self.ratios {
            match ratio.value {
                Some(v) if v > 0.0 => {
                    let _ = writeln!(text, "  {:width$}  {v:8.3}  ({:.2}x)", ratio.name, 1.0 / v);
                }
                _ => {
                    let _ = writeln!(text, "  {:width$}  not measured", ratio.name);
                }
            }
        }
        if !self.scaling.is_empty() {
            let width = self.scaling.iter().map(|g| g.name.len()).max().unwrap_or(0);
            let _ = writeln!(
                text,
                "scaling (larger / smaller input; linear when the time ratio is the input ratio):"
            );
            for g in &self.scaling {
                match (g.time_ratio, g.per_unit()) {
                    (Some(time), Some(per_unit)) => {
                        let _ = writeln!(
                            text,
                            "  {:width$}  {time:8.3}  (input x{:.2}; per unit {per_unit:.3})",
                            g.name, g.input_ratio
                        );
                    }
                    _ => {
                        let _ = writeln!(text, "  {:width$}  not measured", g.name);
                    }
                }
            }
        }
        if !self.paired.is_empty() {
            let width = self.paired.iter().map(|p| p.name.len()).max().unwrap_or(0);
            let _ = writeln!(
                text,
                "interleaved A/B cross-check (median of per-round ratios [quartiles]):"
            );
            for p in &self.paired {
                let _ = writeln!(
                    text,
                    "  {:width$}  {:8.3}  [{:.3} .. {:.3}]  ({} vs {}, {} rounds of {})",
                    p.name,
                    p.ratio,
                    p.ratio_quartiles.0,
                    p.ratio_quartiles.1,
                    human_ns(p.a_ns),
                    human_ns(p.b_ns),
                    p.rounds,
                    p.batch
                );
            }
        }
        let width = self.targets.iter().map(|t| t.name.len()).max().unwrap_or(0);
        let _ = writeln!(text, "targets:");
        for target in &self.targets {
            let verdict = match target.met() {
                Some(true) => "MET",
                Some(false) => "MISSED",
                None => "PENDING",
            };
            let value = target
                .value
                .map(|v| format!("{v:.3} (limit {:.3})", target.limit))
                .unwrap_or_else(|| target.note.clone().unwrap_or_default());
            let _ = writeln!(text, "  {:width$}  {verdict:7}  {value}", target.name);
        }
        text
    }
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// `1.234 µs` style.
pub fn human_ns(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.3} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_median_point_estimate() {
        let json = r#"{"mean":{"point_estimate":12.5},"median":{"confidence_interval":
            {"confidence_level":0.95,"lower_bound":9.0,"upper_bound":11.0},
            "point_estimate":10.25,"standard_error":0.1}}"#;
        assert_eq!(median_from_estimates(json), Some(10.25));
        assert_eq!(median_from_estimates("{}"), None);
    }

    #[test]
    fn refuses_estimates_from_an_earlier_run() {
        let dir = std::env::temp_dir().join(format!("kms-bench-report-{}", std::process::id()));
        let new = dir.join("g/f/new");
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(
            new.join("estimates.json"),
            r#"{"median":{"point_estimate":3.0}}"#,
        )
        .unwrap();
        let before = SystemTime::now() - std::time::Duration::from_secs(60);
        assert_eq!(read_median_ns(&dir, "g/f", before), Ok(3.0));
        let after = SystemTime::now() + std::time::Duration::from_secs(60);
        assert!(read_median_ns(&dir, "g/f", after)
            .unwrap_err()
            .contains("earlier run"));
        assert!(read_median_ns(&dir, "g/missing", before).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ratios_and_targets() {
        let mut report = Report::default();
        report.record("a/ours", Ok(10.0));
        report.record("a/peer", Ok(40.0));
        report.record(
            "b/full",
            Err("pending: generator refused the model".to_owned()),
        );
        assert_eq!(
            report.ratio("a: ours / peer", "a/ours", "a/peer"),
            Some(0.25)
        );
        assert_eq!(report.ratio("b", "b/full", "a/peer"), None);
        report.target("a 3x", Some(0.25), 1.0 / 3.0, None);
        report.target("b", None, 150.0, Some("pending".to_owned()));
        assert_eq!(report.targets[0].met(), Some(true));
        assert_eq!(report.targets[1].met(), None);
        let json = report.to_json();
        assert_eq!(json["ratios"][0]["ratio"], json!(0.25));
        assert_eq!(json["targets"][1]["met"], Value::Null);
        let text = report.to_text();
        assert!(text.contains("(4.00x)"), "{text}");
        assert!(text.contains("PENDING"), "{text}");
    }

    #[test]
    fn scaling_divides_the_larger_input_by_the_smaller() {
        let mut report = Report::default();
        report.record("parse_100/ours", Ok(50_000.0));
        report.record("parse_1000/ours", Ok(520_000.0));
        report.record("parse_100/peer", Ok(100_000.0));
        report.record(
            "parse_1000/peer",
            Err("not measured in this run".to_owned()),
        );
        let ours = report.scaling(
            "ours: 1000 / 100",
            "parse_100/ours",
            "parse_1000/ours",
            10.0,
        );
        assert_eq!(ours, Some(10.4));
        let peer = report.scaling(
            "peer: 1000 / 100",
            "parse_100/peer",
            "parse_1000/peer",
            10.0,
        );
        assert_eq!(peer, None);
        assert!((report.scaling[0].per_unit().unwrap() - 1.04).abs() < 1e-12);
        assert_eq!(report.scaling[1].per_unit(), None);
        let json = report.to_json();
        assert_eq!(json["scaling"][0]["time_ratio"], json!(10.4));
        assert_eq!(json["scaling"][0]["per_unit"], json!(1.04));
        assert_eq!(json["scaling"][0]["input_ratio"], json!(10.0));
        assert_eq!(json["scaling"][1]["time_ratio"], Value::Null);
        let text = report.to_text();
        assert!(
            text.contains("10.400  (input x10.00; per unit 1.040)"),
            "{text}"
        );
        assert!(text.contains("peer: 1000 / 100  not measured"), "{text}");
    }

    #[test]
    fn paired_measures_both_sides_in_rounds() {
        use std::time::{Duration, Instant};
        let spin = |ns: u64| {
            move |n: u64| {
                let start = Instant::now();
                let until = start + Duration::from_nanos(ns * n);
                while Instant::now() < until {}
                start.elapsed()
            }
        };
        let p = paired(
            "a / b",
            21,
            Duration::from_micros(200),
            spin(2_000),
            spin(1_000),
        );
        assert_eq!(p.rounds, 21);
        assert!(p.batch >= 1);
        assert!(p.ratio > 1.2 && p.ratio < 3.0, "{p:?}");
        assert!(p.ratio_quartiles.0 <= p.ratio && p.ratio <= p.ratio_quartiles.1);
        let mut values = [3.0, 1.0, 2.0, 4.0, 5.0];
        assert_eq!(quantile(&mut values, 0.5), 3.0);
        assert_eq!(quantile(&mut values, 0.0), 1.0);
        assert!(quantile(&mut [], 0.5).is_nan());
    }

    #[test]
    fn a_build_from_another_work_tree_is_refused() {
        let here = "/work/wt-a/bench";
        assert_eq!(built_elsewhere(here, Some(here.into())), None);
        // Not run by cargo: nothing to compare with.
        assert_eq!(built_elsewhere(here, None), None);
        let why = built_elsewhere(here, Some("/work/wt-b/bench".into())).unwrap();
        assert!(why.contains("built from /work/wt-a/bench"), "{why}");
        assert!(why.contains("runs it for /work/wt-b/bench"), "{why}");
    }

    #[test]
    fn finds_a_locked_version() {
        let dir = std::env::temp_dir().join(format!("kms-bench-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let lock = dir.join("Cargo.lock");
        std::fs::write(
            &lock,
            "[[package]]\nname = \"aws-sdk-kms\"\nversion = \"1.2.3\"\nsource = \"x\"\n",
        )
        .unwrap();
        assert_eq!(
            locked_version(&lock, "aws-sdk-kms").as_deref(),
            Some("1.2.3")
        );
        assert_eq!(locked_version(&lock, "serde"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
