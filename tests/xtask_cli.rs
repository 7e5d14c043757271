//! The maintainer's interface, driven in-process through `xtask::run`.

use workspace_tests::{official_kms_model, root, TempDir, CUSTOM_KEY_STORE_OPERATIONS};

fn xtask(args: &[&str]) -> (u8, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = xtask::run(&args, &mut out, &mut err);
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn snapshot_dir(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    workspace_tests::files_under(dir)
}

#[test]
fn check_passes_on_the_checked_in_crate_and_prints_a_summary() {
    let (status, out, err) = xtask(&["codegen", "--check"]);
    assert_eq!(status, 0, "{err}");
    // Every file of generated/ but its manifest.
    assert!(
        out.starts_with(&format!(
            "codegen: 6 operations, 64 shapes, {} files, ",
            snapshot_dir(&root().join("generated")).len() - 1
        )),
        "{out}"
    );
    assert!(
        out.contains(" ms -> ") && out.trim_end().ends_with("(up to date)"),
        "{out}"
    );
}

#[test]
fn out_writes_a_complete_crate_and_check_finds_every_difference() {
    let dir = TempDir::new("cli-out");
    let out = dir.path().join("crate");
    let out_str = out.to_str().unwrap();
    let (status, _, err) = xtask(&["codegen", "--out", out_str]);
    assert_eq!(status, 0, "{err}");
    let written = snapshot_dir(&out);
    let checked_in = snapshot_dir(&root().join("generated"));
    let differing: Vec<&String> = written
        .iter()
        .zip(&checked_in)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| &a.0)
        .collect();
    assert!(
        written.len() == checked_in.len() && differing.is_empty(),
        "--out writes exactly what generated/ holds; differing: {differing:?} ({} vs {} files)",
        written.len(),
        checked_in.len()
    );
    assert!(written.iter().any(|(path, _)| path == "Cargo.toml"));

    std::fs::write(out.join("src/types/mod.rs"), "// stale\n").unwrap();
    std::fs::remove_file(out.join("src/errors/kms_internal_exception.rs")).unwrap();
    let before = snapshot_dir(&out);
    let (status, _, err) = xtask(&["codegen", "--check", "--out", out_str]);
    assert_eq!(status, 1);
    assert!(err.contains("stale:   src/types/mod.rs"), "{err}");
    assert!(
        err.contains("missing: src/errors/kms_internal_exception.rs"),
        "{err}"
    );
    assert!(err.contains("run `cargo xtask codegen`"), "{err}");
    assert_eq!(snapshot_dir(&out), before, "--check writes nothing");
}

#[test]
fn generates_from_the_official_model_with_selected_operations() {
    let Some(model) =
        official_kms_model("generates_from_the_official_model_with_selected_operations")
    else {
        return;
    };
    let dir = TempDir::new("cli-official");
    let out = dir.path().join("kms");
    let operations = CUSTOM_KEY_STORE_OPERATIONS.join(",");
    let (status, stdout, err) = xtask(&[
        "codegen",
        "--model",
        model.to_str().unwrap(),
        "--service",
        "com.amazonaws.kms#TrentService",
        "--operations",
        &operations,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{err}");
    assert!(
        stdout.starts_with(&format!(
            "codegen: 6 operations, 64 shapes, {} files, ",
            snapshot_dir(&root().join("generated")).len() - 1
        )),
        "{stdout}"
    );
    let files: Vec<String> = snapshot_dir(&out).into_iter().map(|(p, _)| p).collect();
    let ours: Vec<String> = snapshot_dir(&root().join("generated"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(files, ours);
}

#[test]
fn a_broken_model_fails_cleanly_and_leaves_the_output_untouched() {
    let dir = TempDir::new("cli-broken");
    let out = dir.path().join("crate");
    let (status, _, err) = xtask(&["codegen", "--out", out.to_str().unwrap()]);
    assert_eq!(status, 0, "{err}");
    let before = snapshot_dir(&out);

    let model = dir.path().join("broken.json");
    std::fs::write(&model, r#"{"smithy": "2.0", "shapes": {"ex#S": {"type": "service", "version": "1", "operations": [{"target": "ex#Gone"}]}}}"#).unwrap();
    let (status, stdout, err) = xtask(&[
        "codegen",
        "--model",
        model.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    assert!(stdout.is_empty());
    assert!(
        err.contains("broken.json") && err.contains("ex#S") && err.contains("ex#Gone"),
        "{err}"
    );
    assert_eq!(snapshot_dir(&out), before);
}

#[test]
fn a_failed_write_says_the_output_was_left_unchanged() {
    let dir = TempDir::new("cli-write-fails");
    // A file where a parent directory of the output should be.
    let blocked = dir.path().join("a-file");
    std::fs::write(&blocked, "mine").unwrap();
    let out = blocked.join("crate");
    let (status, stdout, err) = xtask(&["codegen", "--out", out.to_str().unwrap()]);
    assert_eq!(status, 1, "{err}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        err.starts_with(&format!(
            "error: cannot write {} (left unchanged): ",
            out.display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&blocked).unwrap(), "mine");
}

#[test]
fn usage_errors_exit_2_with_the_usage() {
    for args in [
        &["codegen", "--frobnicate"][..],
        &["codegen", "--model"],
        &["codegen", "--operations", ","],
        &["deploy"],
        &[],
    ] {
        let (status, _, err) = xtask(args);
        assert_eq!(status, 2, "{args:?}");
        assert!(
            err.starts_with("error: ") && err.contains("usage: cargo xtask codegen"),
            "{err}"
        );
    }
    let (status, out, _) = xtask(&["codegen", "--help"]);
    assert_eq!(status, 0);
    assert!(out.contains("--operations A,B,..."));
}

/// Every subcommand, with one flag of its own that takes a value.
const SUBCOMMANDS: [&str; 6] = [
    "codegen",
    "verify-models",
    "protocol-tests",
    "bloat",
    "mutants",
    "fuzz-models",
];

fn xtask_os(args: Vec<std::ffi::OsString>) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = xtask::run(args, &mut out, &mut err);
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// The summary line without its timing, which differs from run to run.
fn without_timing(line: &str) -> String {
    match (line.find(" in "), line.find(" ms -> ")) {
        (Some(start), Some(end)) if start < end => format!("{}{}", &line[..start], &line[end..]),
        _ => line.to_owned(),
    }
}

#[test]
fn help_works_on_every_subcommand_and_at_the_top_level() {
    for command in SUBCOMMANDS {
        for flag in ["--help", "-h"] {
            let (status, out, err) = xtask(&[command, flag]);
            assert_eq!(status, 0, "{command} {flag}: {err}");
            assert!(
                out.starts_with(&format!("usage: cargo xtask {command}")),
                "{command} {flag}: {out}"
            );
            assert!(err.is_empty(), "{command} {flag}: {err}");
        }
    }
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let (status, out, _) = xtask(args);
        assert_eq!(status, 0, "{args:?}");
        assert!(out.starts_with("usage: cargo xtask <COMMAND>"), "{out}");
        for command in SUBCOMMANDS {
            assert!(
                out.lines()
                    .any(|line| line.trim_start().starts_with(command)),
                "the top-level help lists `{command}`: {out}"
            );
        }
    }
}

#[test]
fn unknown_flags_and_stray_arguments_exit_2_with_the_subcommands_usage() {
    // mutants hands every argument but its own to cargo-mutants, so it has no unknown flags.
    for command in [
        "codegen",
        "verify-models",
        "protocol-tests",
        "bloat",
        "fuzz-models",
    ] {
        for args in [
            vec![command, "--frobnicate"],
            vec![command, "--frobnicate=1"],
            vec![command, "-z"],
            vec![command, "stray"],
        ] {
            let (status, out, err) = xtask(&args);
            assert_eq!(status, 2, "{args:?}");
            assert!(out.is_empty(), "{args:?}: {out}");
            assert!(
                err.starts_with("error: ")
                    && err.contains(&format!("usage: cargo xtask {command}")),
                "{args:?}: {err}"
            );
        }
    }
    // A flag without a value, and a value given to a flag that takes none.
    for args in [
        &["verify-models", "--dir"][..],
        &["verify-models", "--dir", "x", "--cases"],
        &["protocol-tests", "--dir"],
        &["bloat", "--json"],
        &["bloat", "--json="],
        &["bloat", "--keep=yes"],
        &["codegen", "--check=yes"],
        &["codegen", "--timings=1"],
        &["mutants", "--known", "--shard", "1/4"],
        &["fuzz-models", "--count"],
        &["fuzz-models", "--count", "many"],
        &["fuzz-models", "--seed=-1"],
        &["fuzz-models", "--settled=yes"],
    ] {
        let (status, _, err) = xtask(args);
        assert_eq!(status, 2, "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_exits_2_without_panicking() {
    use std::ffi::{OsStr, OsString};
    use std::os::unix::ffi::OsStrExt;
    let bad = || OsStr::from_bytes(b"caf\xe9").to_owned();
    let mut cases: Vec<Vec<OsString>> = vec![vec![bad()]];
    for command in SUBCOMMANDS {
        cases.push(vec![command.into(), bad()]);
        let mut flag = OsString::from("--dir=");
        flag.push(bad());
        cases.push(vec![command.into(), flag]);
    }
    cases.push(vec!["codegen".into(), "--service".into(), bad()]);
    cases.push(vec!["mutants".into(), "--file".into(), bad()]);
    for args in cases {
        let shown = format!("{args:?}");
        let (status, out, err) = xtask_os(args);
        assert_eq!(status, 2, "{shown}");
        assert!(out.is_empty(), "{shown}: {out}");
        assert!(
            err.starts_with("error: argument `") && err.contains("is not valid UTF-8"),
            "{shown}: {err}"
        );
    }
}

/// `--flag value` and `--flag=value` are the same request, for each subcommand's flags.
#[test]
fn flag_equals_value_is_the_same_as_flag_space_value() {
    let spaced = |pairs: &[(&str, &str)]| -> Vec<String> {
        pairs
            .iter()
            .flat_map(|(flag, value)| [flag.to_string(), value.to_string()])
            .collect()
    };
    let joined = |pairs: &[(&str, &str)]| -> Vec<String> {
        pairs
            .iter()
            .map(|(flag, value)| format!("{flag}={value}"))
            .collect()
    };
    let run = |command: &str, flags: Vec<String>, extra: &[&str]| {
        let mut args = vec![command.to_owned()];
        args.extend(flags);
        args.extend(extra.iter().map(|s| s.to_string()));
        let (status, out, err) = xtask_os(args.into_iter().map(Into::into).collect());
        (status, without_timing(&out), err)
    };

    let models = root().join("models");
    let generated = root().join("generated");
    let operations = CUSTOM_KEY_STORE_OPERATIONS.join(",");
    let codegen = [
        ("--model", models.to_str().unwrap()),
        ("--service", "com.amazonaws.kms#TrentService"),
        ("--operations", operations.as_str()),
        ("--crate-name", "kms-api"),
        ("--out", generated.to_str().unwrap()),
    ];
    let first = run("codegen", spaced(&codegen), &["--check"]);
    assert_eq!(first.0, 0, "{}", first.2);
    assert!(first.1.trim_end().ends_with("(up to date)"), "{}", first.1);
    assert_eq!(first, run("codegen", joined(&codegen), &["--check"]));

    // Directories that hold no model: each subcommand reads the flag, then fails (status 1)
    // with the same message whichever form named it.
    let empty = TempDir::new("cli-flag-forms");
    let empty = empty.path().to_str().unwrap();
    let verify = [("--dir", empty), ("--cases", empty)];
    let first = run("verify-models", spaced(&verify), &[]);
    assert_eq!(first.0, 1, "{first:?}");
    assert!(
        first.2.contains("holds no *.json or *.smithy model"),
        "{first:?}"
    );
    assert_eq!(first, run("verify-models", joined(&verify), &[]));

    let suite = [("--dir", empty)];
    let first = run("protocol-tests", spaced(&suite), &[]);
    assert_eq!(first.0, 1, "{first:?}");
    assert!(first.2.contains("holds no"), "{first:?}");
    assert_eq!(first, run("protocol-tests", joined(&suite), &[]));
}

/// `fuzz-models --count 0` runs nothing and says so, with the seed it was given.
#[test]
fn fuzz_models_with_no_models_reports_its_seed_and_passes() {
    let (status, out, err) = xtask(&["fuzz-models", "--count", "0", "--seed=42"]);
    assert_eq!(status, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "fuzz-models: seed 42, 0 models");
    assert!(
        lines[1].starts_with("fuzz-models: 0 models, 0 ok, 0 failed in "),
        "{out}"
    );
}
