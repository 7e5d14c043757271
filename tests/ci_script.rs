//! `.ci/run` fails, rather than skips, a step whose input directory is missing when `CI=true`;
//! elsewhere it prints `SKIPPED <step>: ...` and goes on. Its `need_dir` is run by sourcing
//! the script with `CI_RUN_DEFINE_ONLY=1`, which then only defines the function.

use std::process::Command;
use workspace_tests::root;

/// Runs `need_dir DIR step` from `.ci/run` with `CI` set to `ci` (or unset); returns the exit
/// status, stdout and stderr. The step "runs" when the function returns 0.
fn need_dir(dir: &str, ci: Option<&str>) -> (Option<i32>, String, String) {
    let script = root().join(".ci/run");
    let mut command = Command::new("bash");
    // CI_RUN_DEFINE_ONLY makes the sourced script stop after defining need_dir: without it,
    // sourcing would run the whole CI (and this test again).
    command
        .env("CI_RUN_DEFINE_ONLY", "1")
        .arg("-c")
        .arg(r#"source "$0"; if need_dir "$1" "some step"; then echo RUN; else echo LEFT-OUT; fi"#)
        .arg(&script)
        .arg(dir)
        // Without it the sourced script would run the whole CI, this test included.
        .env("CI_RUN_SOURCED", "1");
    match ci {
        Some(value) => command.env("CI", value),
        None => command.env_remove("CI"),
    };
    let output = command.output().expect("bash runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_missing_directory_is_skipped_outside_ci() {
    for ci in [None, Some("false"), Some("")] {
        let (status, out, err) = need_dir("/nonexistent/shared/models", ci);
        assert_eq!(status, Some(0), "CI={ci:?}: {out}{err}");
        assert_eq!(
            out, "== SKIPPED some step: /nonexistent/shared/models is not present\nLEFT-OUT\n",
            "CI={ci:?}"
        );
    }
}

#[test]
fn a_missing_directory_fails_under_ci() {
    for ci in ["true", "1", "TRUE"] {
        let (status, out, err) = need_dir("/nonexistent/shared/models", Some(ci));
        assert_eq!(status, Some(1), "CI={ci}: {out}{err}");
        assert_eq!(out, "", "nothing runs after the failure (CI={ci})");
        assert!(
            err.contains("FAILED some step: /nonexistent/shared/models is not present"),
            "{err}"
        );
    }
}

#[test]
fn a_present_directory_runs_the_step() {
    let dir = root().join("tests");
    for ci in [None, Some("true")] {
        let (status, out, err) = need_dir(&dir.display().to_string(), ci);
        assert_eq!(status, Some(0), "{err}");
        assert_eq!(out, "RUN\n", "CI={ci:?}");
    }
}
