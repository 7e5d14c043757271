//! `cargo xtask verify-models --dir DIR`: for every model in DIR (`*.json`, the JSON AST, or
//! `*.smithy`, the IDL; each file a whole model), generate its crate,
//! build it with `cargo clippy --all-targets -- -D warnings` (so it compiles without warnings
//! and is clippy-clean), and its library again with the `server` and `http-body` features,
//! and run the wire cases that target it (`tests/wire-models/*.json` with a matching
//! `"model"`, plus the model's own examples). One line per model, then a summary;
//! exit status 1 when any model fails.

use crate::cli::{Long, Parsed, Parser, Short};
use codegen::compliance::expected_names::{field_names, numbered, snake_case, upper_camel_case};
use codegen::workspace_root;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Usage of the subcommand.
pub const USAGE: &str = "\
usage: cargo xtask verify-models --dir DIR [--cases DIR]

Generates a crate from every model in DIR (*.json or *.smithy, each file a whole model), builds it
clippy-clean (-D warnings) and runs its wire cases. Builds go to target/verify-models/ so later runs reuse compiled dependencies.

options:
  --dir DIR     the directory of models (required)
  --cases DIR   the directory of model-targeted case files (default: tests/wire-models)";

/// Settings of `verify-models`.
#[derive(Debug, PartialEq)]
struct VerifyArgs {
    dir: PathBuf,
    cases: PathBuf,
}

fn parse(parser: &mut Parser) -> Result<Parsed<VerifyArgs>, crate::cli::Error> {
    let mut dir = None;
    let mut cases = workspace_root().join("tests/wire-models");
    while let Some(arg) = parser.next()? {
        match arg {
            Long("dir") => dir = Some(PathBuf::from(parser.value()?)),
            // Absolute: the case files are read by the test crate, from its own directory.
            Long("cases") => {
                let given = PathBuf::from(parser.value()?);
                cases = std::path::absolute(&given).unwrap_or(given);
            }
            Short('h') | Long("help") => return Ok(Parsed::Help),
            _ => return Err(arg.unexpected()),
        }
    }
    let dir = dir.ok_or("--dir is required")?;
    Ok(Parsed::Run(VerifyArgs { dir, cases }))
}

/// Runs the subcommand with the arguments after its name; returns the exit status.
pub(crate) fn run(parser: &mut Parser, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    crate::cli::dispatch(parser, USAGE, parse, verify_all, out, err)
}

fn verify_all(
    VerifyArgs { dir, cases }: VerifyArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let models = match model_files(&dir) {
        Ok(models) if !models.is_empty() => models,
        Ok(_) => {
            let _ = writeln!(
                err,
                "error: {} holds no *.json or *.smithy model",
                dir.display()
            );
            return 1;
        }
        Err(e) => {
            let _ = writeln!(err, "error: cannot read {}: {e}", dir.display());
            return 1;
        }
    };
    let mut failed = 0;
    for model in &models {
        let report = verify(model, &cases);
        let _ = writeln!(out, "verify-models: {}", report.line);
        if !report.ok {
            failed += 1;
            let _ = writeln!(err, "{}", report.details);
        }
    }
    let _ = writeln!(
        out,
        "verify-models: {} models, {} ok, {failed} failed",
        models.len(),
        models.len() - failed
    );
    u8::from(failed > 0)
}

fn model_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.is_file()
                && path
                    .extension()
                    .is_some_and(|ext| ext == "json" || ext == "smithy")
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The outcome for one model: its report line, whether it passed, and what to show if not.
struct Report {
    line: String,
    ok: bool,
    details: String,
}

fn verify(model: &Path, cases: &Path) -> Report {
    let name = model
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let started = Instant::now();
    let options = codegen::Options {
        models: vec![model.to_path_buf()],
        ..Default::default()
    };
    let generation = match crate::format::generate(&options, None) {
        Ok(formatted) => formatted.generation,
        Err(problems) => {
            return Report {
                line: format!("{name}: generation failed"),
                ok: false,
                details: problems.to_string(),
            };
        }
    };
    let generated_ms = started.elapsed().as_millis();
    let service = &generation.service;
    let summary = format!(
        "{name}: {} operations, {} shapes, {} lines, generated in {generated_ms} ms",
        service.operations.len(),
        generation.shape_count(),
        generation.line_count()
    );
    let stem = model
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let crate_dir = workspace_root()
        .join("target/verify-models/crates")
        .join(&stem);
    let (example_cases, skipped_examples) =
        match write_test_crate(&generation, model, &name, &crate_dir) {
            Ok(counts) => counts,
            Err(e) => {
                return Report {
                    line: format!("{summary}; cannot write the crate"),
                    ok: false,
                    details: e.to_string(),
                }
            }
        };
    let target = workspace_root().join("target/verify-models/target");
    let manifest = crate_dir.join("Cargo.toml");

    let clippy_started = Instant::now();
    // The client build, then the library with the server half and its adapter (a second,
    // check-only pass over the crate alone: its dependencies are built already).
    let passes: [(&[&str], &str); 2] = [
        (&["--all-targets"], ""),
        (
            &["--lib", "--features", "server,http-body"],
            "with --features server,http-body: ",
        ),
    ];
    for (flags, label) in passes {
        let clippy = cargo(&target)
            .args(["clippy", "--quiet"])
            .args(flags)
            .arg("--manifest-path")
            .arg(&manifest)
            .args(["--", "-D", "warnings"])
            .output();
        match clippy {
            Ok(output) if output.status.success() => {}
            Ok(output) => {
                return Report {
                    line: format!("{summary}; clippy -D warnings: FAILED"),
                    ok: false,
                    details: format!("{label}{}", String::from_utf8_lossy(&output.stderr)),
                };
            }
            Err(e) => {
                return Report {
                    line: format!("{summary}; cannot run cargo"),
                    ok: false,
                    details: e.to_string(),
                }
            }
        }
    }
    let clippy_s = clippy_started.elapsed().as_secs();

    let file_cases = targeted_case_files(cases, &name);
    let skipped_note = if skipped_examples > 0 {
        format!(" ({skipped_examples} examples with placeholder values left out)")
    } else {
        String::new()
    };
    if example_cases == 0 && file_cases == 0 {
        return Report {
            line: format!("{summary}; clippy -D warnings: ok ({clippy_s} s); wire cases: none for this model{skipped_note}"),
            ok: true,
            details: String::new(),
        };
    }
    let dirs = [cases.to_path_buf(), crate_dir.join("tests/cases")];
    let joined = std::env::join_paths(dirs).unwrap_or_default();
    let test = cargo(&target)
        .args(["test", "--quiet", "--test", "wire", "--manifest-path"])
        .arg(&manifest)
        .env("WIRE_CASES_DIRS", joined)
        .env("WIRE_CASES_MODEL", &name)
        .output();
    match test {
        Ok(output) => {
            let stdout = String::from_utf8_lossy(&output.stdout);
            let counts = stdout
                .lines()
                .find_map(|line| {
                    line.split_once("wire cases from ")
                        .and_then(|(_, rest)| rest.rsplit_once(": "))
                        .map(|(_, c)| c.to_owned())
                })
                .unwrap_or_else(|| "no count".to_owned());
            let variants = stdout
                .lines()
                .find_map(|line| line.strip_prefix("variant checks: "))
                .map(|text| format!("; variant checks: {text}"))
                .unwrap_or_default();
            Report {
                line: format!(
                    "{summary}; clippy -D warnings: ok ({clippy_s} s); wire cases: {counts}{skipped_note}{variants}"),
                ok: output.status.success(),
                details: format!("{stdout}{}", String::from_utf8_lossy(&output.stderr)),
            }
        }
        Err(e) => Report {
            line: format!("{summary}; cannot run cargo"),
            ok: false,
            details: e.to_string(),
        },
    }
}

/// How many case files in `dir` name `model`.
fn targeted_case_files(dir: &Path, model: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .filter_map(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .filter(|file| file.get("model").and_then(|m| m.as_str()) == Some(model))
        .count()
}

/// The generated manifest with the harness's dev-dependencies: they replace the generator's
/// own (serde_json for the doc tests), which they include, so that no table is declared
/// twice. serde_json with `raw_value`: the harness compares bodies by their raw text.
fn harness_manifest(manifest: &str) -> String {
    let mut out = String::with_capacity(manifest.len() + 200);
    let mut in_dev_dependencies = false;
    for line in manifest.lines() {
        if line.starts_with('[') {
            in_dev_dependencies = line.trim() == "[dev-dependencies]";
        }
        if !in_dev_dependencies {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(concat!(
        "\n[dev-dependencies]\n",
        "serde_json = { version = \"1\", features = [\"raw_value\", \"float_roundtrip\"] }\n",
        "serde_path_to_error = \"0.1\"\n",
        "\n[workspace]\n",
    ));
    out
}

/// `cargo` (the one running this xtask, when known) building into `target`.
pub(crate) fn cargo(target: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.env("CARGO_TARGET_DIR", target);
    command
}

/// The generated crate as its own workspace, with a `tests/wire.rs` that runs the shared
/// harness against it and the model's examples as cases.
/// Returns how many example cases were written and how many examples were left out.
fn write_test_crate(
    generation: &codegen::Generation,
    model_path: &Path,
    model_name: &str,
    dir: &Path,
) -> std::io::Result<(usize, usize)> {
    let mut files = generation.files.clone();
    if let Some(manifest) = files.get_mut("Cargo.toml") {
        // Its own workspace: the crate lives under this repository's target directory. The
        // harness names the member path of an input it cannot read with serde_path_to_error,
        // which the generated crate itself no longer needs.
        *manifest = harness_manifest(manifest);
    }
    let harness = std::fs::read_to_string(workspace_root().join("tests/wire_harness.rs"))?;
    // What the harness checks enum and union variants by: the load stage's view of the model.
    let loaded = codegen::load_models(&[model_path.to_path_buf()])
        .map_err(|problems| std::io::Error::other(problems.to_string()))?;
    files.insert(
        "tests/support/model_facts.json".to_owned(),
        format!("{:#}\n", harness_facts(&loaded)),
    );
    // Below `tests/`, a file in a subdirectory is not a test target of its own.
    files.insert("tests/support/wire_harness.rs".to_owned(), harness);
    let variants =
        std::fs::read_to_string(workspace_root().join("tests/wire_harness_variants.rs"))?;
    files.insert(
        "tests/support/wire_harness_variants.rs".to_owned(),
        variants,
    );
    files.insert(
        "tests/wire.rs".to_owned(),
        wire_test(generation, model_name),
    );
    let examples = codegen::wire_cases::from_examples(&generation.service);
    let skipped = examples.skipped.len();
    let count = examples.cases.len();
    let file = serde_json::json!({"model": model_name, "cases": examples.cases});
    files.insert(
        "tests/cases/examples.json".to_owned(),
        format!("{file:#}\n"),
    );
    crate::write_scratch_crate(&files, dir)?;
    Ok((count, skipped))
}

/// The test file: the crate as `api`, the harness, and a dispatch over the operations.
fn wire_test(generation: &codegen::Generation, model_name: &str) -> String {
    let service = &generation.service;
    let krate = service.crate_name.replace('-', "_");
    let arms: String = service
        .operations
        .iter()
        .map(|op| {
            // A module named after a keyword stays a raw identifier (`r#match`) in the path.
            let module = &op.module;
            format!(
                "        Some({:?}) => run_case::<api::operations::{module}::{}>(case, facts),\n",
                op.wire_name, op.rust_name
            )
        })
        .collect();
    format!(
        r#"//! Wire cases for `{model_name}`, written by `cargo xtask verify-models`.
// Deprecated operations are still tested.
#![allow(deprecated)]

use {krate} as api;

include!("support/wire_harness.rs");

fn dispatch(case: &Value, facts: &ModelFacts) -> Result<(), String> {{
    match field(case, "operation")?.as_str() {{
{arms}        other => Err(format!("unknown operation {{other:?}}")),
    }}
}}

#[test]
fn wire() {{
    let dirs: Vec<PathBuf> = std::env::var_os("WIRE_CASES_DIRS")
        .map(|dirs| std::env::split_paths(&dirs).collect())
        .unwrap_or_default();
    let model = std::env::var("WIRE_CASES_MODEL").unwrap_or_default();
    let facts: Value = match serde_json::from_str(include_str!("support/model_facts.json")) {{
        Ok(facts) => facts,
        Err(e) => panic!("tests/support/model_facts.json: {{e}}"),
    }};
    let failures = run_suite(&dirs, Some(&model), Vec::new(), dispatch, &ModelFacts::new(facts));
    assert!(failures.is_empty(), "{{}} wire cases failed", failures.len());
}}
"#
    )
}

/// The model facts the wire harness checks parsed values by (`ModelFacts` in
/// `tests/wire_harness.rs`), read from the load stage's JSON AST, never from the planner: each
/// operation's input and output shape, and each aggregate shape's members with the Rust field
/// or variant name that [`snake_case`] and [`upper_camel_case`] give for the member's name.
/// Enum values map to their member (`enumValue`, or the member name when it has none).
pub fn harness_facts(files: &[codegen::load::LoadedFile]) -> serde_json::Value {
    use codegen::load::TraitId;
    use serde_json::{json, Map, Value};
    const SENSITIVE: &str = TraitId::Sensitive.id();
    let shapes: std::collections::BTreeMap<&str, &codegen::load::ast::Shape> = files
        .iter()
        .flat_map(|file| file.document.shapes.iter())
        .map(|(id, shape)| (id.as_str(), shape))
        .collect();
    let sensitive_target = |target: &str| {
        shapes
            .get(target)
            .is_some_and(|shape| shape.traits.contains_key(SENSITIVE))
    };
    let sensitive_member = |member: &codegen::load::ast::MemberShape| {
        member.traits.contains_key(SENSITIVE) || sensitive_target(&member.target)
    };
    // Members with those of mixins first, as Smithy applies them.
    fn all_members<'a>(
        shapes: &std::collections::BTreeMap<&str, &'a codegen::load::ast::Shape>,
        shape: &'a codegen::load::ast::Shape,
        depth: usize,
    ) -> Vec<(&'a String, &'a codegen::load::ast::MemberShape)> {
        let mut members = Vec::new();
        if depth < 16 {
            for mixin in &shape.mixins {
                if let Some(mixin) = shapes.get(mixin.target.as_str()) {
                    members.extend(all_members(shapes, mixin, depth + 1));
                }
            }
        }
        for (name, member) in &shape.members {
            members.retain(|(other, _)| *other != name);
            members.push((name, member));
        }
        members
    }
    let sparse =
        |shape: &codegen::load::ast::Shape| shape.traits.contains_key(TraitId::Sparse.id());
    let mut operations = Map::new();
    let mut facts = Map::new();
    for (id, shape) in &shapes {
        let fact = match shape.kind.as_str() {
            "operation" => {
                let side = |io: &Option<codegen::load::ast::ShapeRef>| match io {
                    Some(r) if r.target != "smithy.api#Unit" => Value::from(r.target.clone()),
                    _ => Value::Null,
                };
                let name = id.rsplit('#').next().unwrap_or(id);
                operations.insert(
                    name.to_owned(),
                    json!({"input": side(&shape.input), "output": side(&shape.output)}),
                );
                continue;
            }
            "structure" | "union" => {
                let all = all_members(&shapes, shape, 0);
                let is_union = shape.kind == codegen::load::ShapeKind::Union;
                let converted: Vec<String> = all
                    .iter()
                    .map(|(name, _)| match is_union {
                        true => upper_camel_case(name),
                        false => snake_case(name),
                    })
                    .collect();
                let rust_names = if is_union {
                    numbered(&converted, "")
                } else {
                    field_names(&converted)
                };
                let members: Map<String, Value> = all
                    .into_iter()
                    .zip(rust_names)
                    .map(|((name, member), rust)| {
                        let mut fact = json!({
                            "target": member.target,
                            "sensitive": sensitive_member(member),
                        });
                        let key = if is_union { "variant" } else { "field" };
                        fact[key] = Value::from(rust);
                        (name.clone(), fact)
                    })
                    .collect();
                json!({"type": shape.kind, "members": members})
            }
            "list" | "set" => {
                let Some(member) = &shape.member else {
                    continue;
                };
                json!({"type": "list", "member": member.target, "sensitive": sensitive_member(member), "sparse": sparse(shape)})
            }
            "map" => {
                let Some(value) = &shape.value else {
                    continue;
                };
                json!({"type": "map", "value": value.target, "sensitive": sensitive_member(value), "sparse": sparse(shape)})
            }
            "enum" | "intEnum" => {
                let all = all_members(&shapes, shape, 0);
                let converted: Vec<String> =
                    all.iter().map(|(name, _)| upper_camel_case(name)).collect();
                let variants = numbered(&converted, "");
                let values: Map<String, Value> = all
                    .into_iter()
                    .zip(variants)
                    .map(|((name, member), variant)| {
                        let value = match member.traits.get(TraitId::EnumValue.id()) {
                            Some(Value::String(text)) => text.clone(),
                            Some(Value::Number(number)) => number.to_string(),
                            _ => name.clone(),
                        };
                        (value, json!({"member": name, "variant": variant}))
                    })
                    .collect();
                json!({"type": shape.kind, "values": values})
            }
            _ => continue,
        };
        facts.insert((*id).to_owned(), fact);
    }
    json!({"operations": operations, "shapes": facts})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_are_the_json_and_idl_files_in_name_order() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        for name in ["b.smithy", "a.json", "c.txt", "d.smithy.bak", "e.JSON"] {
            std::fs::write(dir.path().join(name), "").expect("a file");
        }
        std::fs::create_dir(dir.path().join("f.json")).expect("a directory");
        let names: Vec<String> = model_files(dir.path())
            .expect("the directory reads")
            .iter()
            .filter_map(|path| path.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.json", "b.smithy"]);
    }
}
