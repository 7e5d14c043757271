//! The checked-in `generated/` must be exactly what the generator makes from `models/`, and
//! generation must be deterministic and independent of the model file's documentation.

use codegen::output::{check, Staleness};
use workspace_tests::{
    generate_bundled, generate_from, official_kms_model, root, TempDir, CUSTOM_KEY_STORE_OPERATIONS,
};

#[test]
fn generated_crate_is_up_to_date() {
    let generation = generate_bundled();
    let stale = check(&generation.files, &root().join("generated")).expect("read generated/");
    if !stale.is_empty() {
        let list: Vec<String> = stale.iter().map(|s| format!("  {s}")).collect();
        panic!(
            "generated/ is stale; run `cargo xtask codegen` and commit the result:\n{}",
            list.join("\n")
        );
    }
}

#[test]
fn check_reports_changed_missing_and_extra_files() {
    let generation = generate_bundled();
    let dir = TempDir::new("check-detects");
    codegen::output::write_atomically(&generation.files, dir.path()).expect("write");
    assert!(check(&generation.files, dir.path()).unwrap().is_empty());

    std::fs::write(dir.path().join("src/lib.rs"), "// edited by hand\n").unwrap();
    std::fs::remove_file(dir.path().join("src/primitives.rs")).unwrap();
    std::fs::write(dir.path().join("src/leftover.rs"), "").unwrap();
    let stale = check(&generation.files, dir.path()).unwrap();
    assert_eq!(
        stale,
        vec![
            Staleness::Missing("src/primitives.rs".into()),
            Staleness::Changed("src/lib.rs".into()),
            Staleness::Extra("src/leftover.rs".into()),
        ]
    );
}

#[test]
fn generation_is_byte_identical_across_runs() {
    let first = generate_bundled();
    let second = generate_bundled();
    assert_eq!(first.files, second.files);
}

/// Generating the six operations from the official model gives the same code as our model,
/// documentation aside: nothing in `generated/` depends on hand edits or on our doc text.
#[test]
fn official_model_generates_the_same_code_documentation_aside() {
    let Some(official) =
        official_kms_model("official_model_generates_the_same_code_documentation_aside")
    else {
        return;
    };
    let ours = generate_bundled();
    let theirs = generate_from(&official, Some(&CUSTOM_KEY_STORE_OPERATIONS))
        .expect("official model generates");
    assert_eq!(
        ours.files.keys().collect::<Vec<_>>(),
        theirs.files.keys().collect::<Vec<_>>()
    );
    let strip_docs = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| {
                let t = line.trim_start();
                !(t.starts_with("///") || t.starts_with("//!"))
            })
            .map(str::to_owned)
            .collect()
    };
    for (path, contents) in &ours.files {
        assert_eq!(
            strip_docs(contents),
            strip_docs(&theirs.files[path]),
            "{path} differs beyond documentation"
        );
    }
}

/// The full official KMS model (54 operations) loads and plans the custom key store family.
#[test]
fn full_official_model_loads() {
    let Some(official) = official_kms_model("full_official_model_loads") else {
        return;
    };
    let loaded = codegen::load::load_file(&official).expect("the full KMS model loads");
    assert_eq!(loaded.shapes.len(), 306);
    let operations = loaded
        .shapes
        .values()
        .filter(|s| s.kind == codegen::load::ShapeKind::Operation)
        .count();
    assert_eq!(operations, 54);
}

/// Generating the three real models and our kinds model is deterministic too.
#[test]
fn every_model_generates_byte_identical_output_twice() {
    let mut models = vec![workspace_tests::root().join("tests/models/kinds.json")];
    match workspace_tests::shared_dir() {
        Some(shared) => {
            for name in [
                "kms.smithy-rs.json",
                "dynamodb.smithy-rs.json",
                "cloudwatch-logs.smithy-rs.json",
            ] {
                models.push(shared.join("models").join(name));
            }
        }
        None => workspace_tests::skipped(
            "every_model_generates_byte_identical_output_twice (real models)",
            "../shared is not present",
        ),
    }
    for model in &models {
        let first =
            generate_from(model, None).unwrap_or_else(|e| panic!("{}: {e}", model.display()));
        let second =
            generate_from(model, None).unwrap_or_else(|e| panic!("{}: {e}", model.display()));
        assert_eq!(
            first.files,
            second.files,
            "{} is not deterministic",
            model.display()
        );
    }
}

/// The formatting cache changes nothing but time: a cold run (filling it) and a warm run
/// (reading it) give exactly the files of a run without it.
#[test]
fn the_format_cache_gives_identical_output() {
    let cache = TempDir::new("format-cache");
    let with_cache = |dir: &std::path::Path| {
        let options = codegen::Options {
            models: vec![workspace_tests::models_dir()],
            ..Default::default()
        };
        xtask::format::generate(&options, Some(dir))
            .expect("generates")
            .generation
    };
    let plain = generate_bundled();
    let cold = with_cache(cache.path());
    // The formatting cache is one pack file holding every formatted Rust file.
    let rust_bytes: usize = (cold.files.iter())
        .filter(|(path, _)| path.ends_with(".rs"))
        .map(|(_, text)| text.len())
        .sum();
    let packed = std::fs::metadata(cache.path().join("formatted")).map_or(0, |m| m.len());
    assert!(
        packed as usize >= rust_bytes,
        "the cold run fills the cache ({packed} bytes for {rust_bytes})"
    );
    let warm = with_cache(cache.path());
    assert_eq!(plain.files, cold.files);
    assert_eq!(plain.files, warm.files);
}

/// The codegen cache (the printing memo and the formatting cache) never gives a stale file:
/// with a cache warmed on the bundled model, a changed model generates exactly what a run
/// without any cache generates, and the unchanged model still gives what it gave.
#[test]
fn a_warm_cache_gives_a_changed_model_what_a_cold_run_gives() {
    let cache = TempDir::new("warm-cache");
    let changed_model = TempDir::new("changed-model");
    let generate = |models: &std::path::Path, cache: Option<&std::path::Path>| {
        let options = codegen::Options {
            models: vec![models.to_path_buf()],
            ..Default::default()
        };
        match xtask::format::generate(&options, cache) {
            Ok(formatted) => formatted.generation.files,
            Err(problems) => panic!("generates:\n{problems}"),
        }
    };
    let bundled = root().join("models");
    let cold = generate(&bundled, None);
    assert_eq!(
        generate(&bundled, Some(cache.path())),
        cold,
        "filling the cache"
    );
    assert_eq!(
        generate(&bundled, Some(cache.path())),
        cold,
        "from the cache"
    );

    // A documentation change (one file's text) and a constraint change (code).
    let model = std::fs::read_to_string(bundled.join("kms-custom-key-stores.json")).unwrap();
    let edited = model
        .replacen(
            "What went wrong, as reported by KMS.",
            "What went wrong.",
            1,
        )
        .replacen("\"max\": 64", "\"max\": 65", 1);
    assert_ne!(edited, model, "the edits apply");
    let path = changed_model.path().join("kms-custom-key-stores.json");
    std::fs::write(&path, edited).unwrap();
    let changed_cold = generate(&path, None);
    assert_ne!(changed_cold, cold, "the edits change the crate");
    assert_eq!(generate(&path, Some(cache.path())), changed_cold);
    assert_eq!(generate(&bundled, Some(cache.path())), cold);
}
