//! The random model generator (`cargo xtask fuzz-models`): a fixed seed set is generated,
//! built clippy-clean and property-tested on every test run; the generator itself is checked
//! to be deterministic, to write valid models that both front ends load to the same model, and
//! to cover every shape kind and trait it promises; and every model a run once failed on
//! (`tests/regression-models/`) still generates a crate that builds and passes its checks.

use std::collections::BTreeSet;
use xtask::fuzz_models::builder::{build, Features};
use xtask::fuzz_models::{idl, json_ast, run_seeds};

/// The seeds every test run checks. Built with [`Features::SETTLED`]: the classes of known
/// failures whose fixes are under way elsewhere are left out (see
/// `tests/regression-models/README.md`).
const FIXED_SEEDS: std::ops::Range<u64> = 1..9;

#[test]
fn the_fixed_seeds_build_clippy_clean_and_pass_their_property_tests() {
    let work = codegen::workspace_root().join("target/fuzz-models-test");
    let seeds: Vec<u64> = FIXED_SEEDS.collect();
    let (mut progress, mut details) = (Vec::new(), Vec::new());
    let failures = run_seeds(
        &seeds,
        Features::SETTLED,
        &work,
        &mut progress,
        &mut details,
    );
    let report: Vec<String> = failures
        .iter()
        .map(|f| {
            format!(
                "seed {} failed ({}), model {}:\n{}",
                f.seed,
                f.stage,
                f.model.display(),
                f.details
            )
        })
        .collect();
    assert!(failures.is_empty(), "{}", report.join("\n\n"));
    let progress = String::from_utf8_lossy(&progress);
    assert!(
        progress.contains(&format!("{} models, 0 failed", seeds.len().min(12))),
        "{progress}"
    );
}

#[test]
fn a_seed_always_names_the_same_model() {
    for seed in [0, 7, 12345] {
        let a = build(seed, Features::ALL);
        let b = build(seed, Features::ALL);
        assert_eq!(json_ast::write(&a), json_ast::write(&b));
        assert_eq!(idl::write(&a), idl::write(&b));
    }
    assert_ne!(
        json_ast::write(&build(1, Features::ALL)),
        json_ast::write(&build(2, Features::ALL))
    );
}

/// Over a few hundred seeds the generator makes every shape kind and every trait the issue
/// lists, hazardous names among them, and writes a third of the models as IDL.
#[test]
fn the_generator_covers_every_kind_and_trait() {
    let mut seen = BTreeSet::new();
    let mut idl_models = 0;
    let seeds = 0..300u64;
    for seed in seeds.clone() {
        let model = build(seed, Features::ALL);
        idl_models += usize::from(model.idl);
        let text: serde_json::Value =
            serde_json::from_str(&json_ast::write(&model)).expect("the JSON AST is JSON");
        for shape in text["shapes"].as_object().expect("shapes").values() {
            seen.insert(format!("kind {}", shape["type"].as_str().unwrap_or("?")));
            let members = shape["members"].as_object().into_iter().flatten();
            let parts = ["member", "key", "value"].map(|part| &shape[part]);
            for (name, member) in members {
                seen.insert(format!("member {name}"));
                collect_traits(member, &mut seen);
            }
            for member in parts {
                collect_traits(member, &mut seen);
            }
            collect_traits(shape, &mut seen);
        }
    }
    let expected = [
        "kind structure",
        "kind union",
        "kind list",
        "kind map",
        "kind blob",
        "kind boolean",
        "kind string",
        "kind byte",
        "kind short",
        "kind integer",
        "kind long",
        "kind float",
        "kind double",
        "kind bigInteger",
        "kind bigDecimal",
        "kind timestamp",
        "kind document",
        "kind enum",
        "kind intEnum",
        "kind operation",
        "kind service",
        "trait smithy.api#required",
        "trait smithy.api#default",
        "trait smithy.api#clientOptional",
        "trait smithy.api#sparse",
        "trait smithy.api#range",
        "trait smithy.api#length",
        "trait smithy.api#pattern",
        "trait smithy.api#timestampFormat",
        "trait smithy.api#jsonName",
        "trait smithy.api#idempotencyToken",
        "trait smithy.api#sensitive",
        "trait smithy.api#deprecated",
        "trait smithy.api#enumValue",
        "trait smithy.api#error",
        "trait smithy.api#input",
        "trait smithy.api#output",
        "member type",
        "member self",
        "member Result",
        "member Option",
        "member Default",
        "member Box",
        "member builder",
        "member build",
        "member validate",
        "member default",
        "member new",
        "member value",
        "member set_value",
        "member alphaBravo",
        "member alpha_bravo",
        "default of every form",
    ];
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|e| !seen.contains(*e))
        .collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
    assert!(
        (80..=120).contains(&idl_models),
        "{idl_models} of 300 models as IDL"
    );
}

/// Records the traits of a shape or member, and when it has a `@default`, the value's form.
fn collect_traits(node: &serde_json::Value, seen: &mut BTreeSet<String>) {
    let Some(traits) = node["traits"].as_object() else {
        return;
    };
    for (id, value) in traits {
        seen.insert(format!("trait {id}"));
        if id == "smithy.api#default" {
            let form = match value {
                serde_json::Value::Array(_) => "list",
                serde_json::Value::Object(_) => "map",
                serde_json::Value::String(_) => "string",
                serde_json::Value::Number(_) => "number",
                serde_json::Value::Bool(_) => "boolean",
                serde_json::Value::Null => "null",
            };
            seen.insert(format!("default {form}"));
        }
    }
    let forms = ["list", "map", "string", "number", "boolean"];
    if forms.iter().all(|f| seen.contains(&format!("default {f}"))) {
        seen.insert("default of every form".to_owned());
    }
}

/// Both front ends load every random model, to the same typed model: the IDL writer and the
/// IDL front end agree with the JSON AST on every shape, member and trait.
#[test]
fn the_json_and_idl_forms_of_random_models_load_to_the_same_model() {
    let dir = codegen::workspace_root().join("target/fuzz-models-test/agreement");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    for seed in 0..60u64 {
        let model = build(seed, Features::ALL);
        let json_path = dir.join(format!("seed-{seed}.json"));
        std::fs::write(&json_path, json_ast::write(&model)).expect("write the JSON AST");
        let json = codegen::load::load_file(&json_path).unwrap_or_else(|problems| {
            panic!("seed {seed}: the JSON AST does not load:\n{problems}")
        });
        let idl_path = dir.join(format!("seed-{seed}.smithy"));
        let idl = codegen::load::idl::load_idl_files(&[(idl_path, idl::write(&model))])
            .unwrap_or_else(|problems| {
                panic!(
                    "seed {seed}: the IDL does not load:\n{problems}\n{}",
                    idl::write(&model)
                )
            })
            .remove(0);
        assert_eq!(json.shapes, idl.shapes, "seed {seed}: the two forms differ");
    }
}

/// Every model a run has failed on, once fixed, generates a crate that builds clippy-clean
/// and passes its wire cases (`cargo xtask verify-models`).
#[test]
fn regression_models_generate_and_build() {
    let dir = codegen::workspace_root().join("tests/regression-models");
    let cases = dir.join("cases");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = xtask::run(
        [
            "verify-models",
            "--dir",
            dir.to_str().expect("UTF-8 path"),
            "--cases",
            cases.to_str().expect("UTF-8 path"),
        ],
        &mut out,
        &mut err,
    );
    let out = String::from_utf8_lossy(&out);
    assert_eq!(status, 0, "{out}\n{}", String::from_utf8_lossy(&err));
    assert!(out.contains(" 0 failed"), "{out}");
}
