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
    assert!(
        out.starts_with(&format!(
            "codegen: 6 operations, 64 shapes, {} files, ",
            snapshot_dir(&root().join("generated")).len()
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
            snapshot_dir(&root().join("generated")).len()
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
fn a_failed_write_keeps_the_previous_output() {
    let dir = TempDir::new("cli-write-fails");
    let out = dir.path().join("crate");
    let (status, _, _) = xtask(&["codegen", "--out", out.to_str().unwrap()]);
    assert_eq!(status, 0);
    std::fs::write(out.join("src/lib.rs"), "// previous contents\n").unwrap();
    let before = snapshot_dir(&out);
    // A file where the staging directory would go makes the write fail midway.
    std::fs::write(
        dir.path()
            .join(format!(".crate.new-{}", std::process::id())),
        "in the way",
    )
    .unwrap();
    let (status, _, err) = xtask(&["codegen", "--out", out.to_str().unwrap()]);
    assert_eq!(status, 1);
    assert!(
        err.contains("cannot write") && err.contains("left unchanged"),
        "{err}"
    );
    assert_eq!(snapshot_dir(&out), before);

    let blocked = dir.path().join("a-file");
    std::fs::write(&blocked, "").unwrap();
    let (status, _, err) = xtask(&["codegen", "--out", blocked.join("crate").to_str().unwrap()]);
    assert_eq!(status, 1, "{err}");
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
