//! A corpus of broken models (tests/broken-models/): each one gives a clear message naming the
//! file, the line and column, the shape id (and member) and what is wrong, never a panic. The
//! rendered diagnostics are one insta snapshot, so a reviewer sees every message at once.

use std::fmt::Write as _;
use std::path::Path;
use workspace_tests::{root, TempDir};

/// Generates from one model file; the diagnostics with the path shown relative to the root.
fn diagnostics(path: &Path) -> String {
    let options = codegen::Options {
        models: vec![path.to_path_buf()],
        ..Default::default()
    };
    let outcome = std::panic::catch_unwind(|| codegen::generate(&options));
    match outcome {
        Err(_) => panic!("{}: the generator panicked", path.display()),
        Ok(Ok(_)) => panic!("{}: the broken model generated", path.display()),
        Ok(Err(problems)) => problems
            .to_string()
            .replace(&format!("{}/", root().display()), ""),
    }
}

#[test]
fn every_broken_model_is_reported_clearly() {
    let dir = root().join("tests/broken-models");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 40, "the corpus holds {} models", files.len());
    let mut report = String::new();
    for file in &files {
        let text = diagnostics(file);
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(
            text.contains(&format!("tests/broken-models/{name}")),
            "{name}: no file named in\n{text}"
        );
        assert!(
            text.lines()
                .all(|l| l.starts_with("error: ") || l.ends_with("problems found")),
            "{name}:\n{text}"
        );
        writeln!(report, "## {name}\n{text}\n").unwrap();
    }
    insta::assert_snapshot!("broken_models", report);
}

/// Every problem that names a shape also names its line and column, and independent problems
/// arrive together.
#[test]
fn shape_problems_carry_positions_and_come_together() {
    let text = diagnostics(&root().join("tests/broken-models/45-several-problems-at-once.json"));
    assert!(text.ends_with("3 problems found"), "{text}");
    for line in text.lines().filter(|l| l.starts_with("error: ")) {
        let location = line.split(": ").nth(1).unwrap();
        let parts: Vec<&str> = location.rsplitn(3, ':').collect();
        assert!(
            parts.len() == 3
                && parts[0].parse::<usize>().is_ok()
                && parts[1].parse::<usize>().is_ok(),
            "no line:column in {line}"
        );
    }
}

/// A 50 MB file is refused up front with a clear message, not read.
#[test]
fn a_huge_file_is_refused() {
    let dir = TempDir::new("huge-model");
    let path = dir.path().join("huge.json");
    let filler = " ".repeat(50 * 1024 * 1024);
    std::fs::write(
        &path,
        format!("{{\"smithy\": \"2.0\",{filler}\"shapes\": {{}}}}"),
    )
    .unwrap();
    let text = diagnostics(&path);
    assert!(
        text.contains("huge.json: the model is 50.0 MiB; files over 32 MiB are refused"),
        "{text}"
    );
}

/// The command line exits with status 1 and the message for a broken model.
#[test]
fn the_command_exits_1_with_the_message() {
    let model = root().join("tests/broken-models/10-dangling-member-target.json");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = xtask::run(
        &[
            "codegen".into(),
            "--check".into(),
            "--model".into(),
            model.display().to_string(),
        ],
        &mut out,
        &mut err,
    );
    let err = String::from_utf8(err).unwrap();
    assert_eq!(status, 1);
    assert!(
        err.contains("10-dangling-member-target.json:")
            && err.contains("ex#OpInput$Name: targets ex#Missing"),
        "{err}"
    );
}
