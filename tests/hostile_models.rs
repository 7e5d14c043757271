//! A corpus of hostile models (tests/hostile-models/), each written to break the generator:
//! model text holding code fences, quotes, `*/`, `]]`, attributes and control characters;
//! names that collide with builder methods, setters, each other and the prelude; lists
//! nested hundreds deep; long mixin chains; huge trait values. Each has one exact outcome:
//! a crate that builds clippy-clean (and whose only doc tests are the ones the generator
//! writes), or exit status 1 with its messages in the `hostile_models` snapshot. The models
//! too big to check in are written by the memory-cap test, which runs the `xtask` binary
//! under `prlimit`.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use workspace_tests::{root, TempDir};

/// The models that must give a crate; every other model of the corpus must be refused.
const BUILDS: &[&str] = &[
    "names-builder-methods.json",
    "names-operations-differ-in-case.json",
    "names-prelude.json",
    "text-in-docs.json",
];

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/hostile-models"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The JSON of a corpus model, read here to write expectations from the model itself.
fn model_json(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("tests/hostile-models").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn refused_models_are_reported_exactly() {
    let mut report = String::new();
    for path in corpus() {
        let name = file_name(&path);
        if BUILDS.contains(&name.as_str()) {
            continue;
        }
        let options = codegen::Options {
            models: vec![path.clone()],
            ..Default::default()
        };
        let outcome = std::panic::catch_unwind(|| codegen::generate(&options));
        let text = match outcome {
            Err(_) => panic!("{name}: the generator panicked"),
            Ok(Ok(_)) => panic!("{name}: the hostile model generated"),
            Ok(Err(problems)) => problems
                .to_string()
                .replace(&format!("{}/", root().display()), ""),
        };
        for line in text.lines().filter(|l| !l.ends_with(" problems found")) {
            let located = line
                .strip_prefix(&format!("error: tests/hostile-models/{name}:"))
                .and_then(|rest| rest.split(": ").next())
                .is_some_and(|at| at.split(':').all(|n| n.parse::<usize>().is_ok()));
            assert!(located, "{name}: not located at file:line:col:\n{line}");
        }
        writeln!(report, "## {name}\n{text}\n").unwrap();
    }
    insta::assert_snapshot!("hostile_models", report);
}

/// Generates every model of [`BUILDS`] into one scratch workspace under `target/`, so the
/// four crates share one build of their dependencies.
fn write_workspace() -> PathBuf {
    let dir = root().join("target/hostile-models");
    let mut members = Vec::new();
    for name in BUILDS {
        let stem = name.trim_end_matches(".json");
        let options = codegen::Options {
            models: vec![root().join("tests/hostile-models").join(name)],
            plan: codegen::PlanOptions {
                crate_name: Some(format!("hostile-{stem}")),
                ..Default::default()
            },
        };
        let generation = match xtask::format::generate(&options, None) {
            Ok(formatted) => formatted.generation,
            Err(problems) => panic!("{name} must generate:\n{problems}"),
        };
        let crate_dir = dir.join(stem);
        let _ = std::fs::remove_dir_all(&crate_dir);
        for (path, text) in &generation.files {
            let path = crate_dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        members.push(format!("{stem:?}"));
    }
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[workspace]\nmembers = [{}]\nresolver = \"2\"\n",
            members.join(", ")
        ),
    )
    .unwrap();
    dir
}

fn cargo(dir: &Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// The valid hostile models build clippy-clean; their doc tests are exactly the ones the
/// generator writes (the error-handling example and one per model example), and they pass;
/// no model text wrote a file; the manifest holds the model's title and version verbatim.
#[test]
fn valid_hostile_models_build_and_model_text_stays_text() {
    let dir = write_workspace();
    let (ok, log) = cargo(
        &dir,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    );
    assert!(ok, "the hostile crates must build clippy-clean:\n{log}");
    let (ok, log) = cargo(&dir, &["test", "--workspace", "--doc"]);
    assert!(ok, "the generator's doc tests must pass:\n{log}");
    let ran: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with("test ") && !l.starts_with("test result"))
        .collect();
    let mut expected = vec![
        // The lib.rs "Handling errors" example of each crate whose operations have errors.
        "test names-operations-differ-in-case/src/lib.rs - (line ",
        "test names-prelude/src/lib.rs - (line ",
        "test text-in-docs/src/lib.rs - (line ",
        // The model's one example.
        "test text-in-docs/src/operations/run.rs - operations::run::Run (line ",
    ];
    expected.sort();
    let mut seen: Vec<&str> = ran
        .iter()
        .map(|l| &l[..l.find("(line ").map_or(l.len(), |i| i + 6)])
        .collect();
    seen.sort();
    assert_eq!(seen, expected, "doc tests that ran:\n{}", ran.join("\n"));
    for place in [dir.clone(), dir.join("text-in-docs")] {
        for entry in std::fs::read_dir(&place).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                !name.starts_with("hostile-marker"),
                "model text ran: {name}"
            );
        }
    }

    // The manifest's description holds the title and version exactly as the model has them.
    let (ok, metadata) = cargo(
        &dir,
        &[
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ],
    );
    assert!(ok, "{metadata}");
    let metadata: Value = serde_json::from_str(metadata.lines().last().unwrap()).unwrap();
    let package = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "hostile-text-in-docs")
        .unwrap();
    let model = model_json("text-in-docs.json");
    let service = &model["shapes"]["hostile.text#Svc"];
    let expected = format!(
        "Types for {} (hostile.text#Svc {}), generated from its Smithy model.",
        service["traits"]["smithy.api#title"].as_str().unwrap(),
        service["version"].as_str().unwrap()
    );
    assert_eq!(package["description"], Value::String(expected));
    assert_eq!(
        package["name"], "hostile-text-in-docs",
        "no model text added a key"
    );
}

/// Operations whose names differ only in case or underscores each get a module and keep
/// their wire name: none is dropped.
#[test]
fn operations_differing_in_case_are_all_generated() {
    let model = model_json("names-operations-differ-in-case.json");
    let mut wire_names: Vec<String> = model["shapes"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, shape)| shape["type"] == "operation")
        .map(|(id, _)| id.rsplit('#').next().unwrap().to_owned())
        .collect();
    wire_names.sort();
    let generation = workspace_tests::generate_from(
        &root().join("tests/hostile-models/names-operations-differ-in-case.json"),
        None,
    )
    .unwrap();
    let mut generated: Vec<String> = generation
        .service
        .operations
        .iter()
        .map(|op| op.wire_name.clone())
        .collect();
    generated.sort();
    assert_eq!(generated, wire_names);
    let modules: Vec<&String> = generation
        .files
        .keys()
        .filter(|p| p.starts_with("src/operations/") && !p.ends_with("/mod.rs"))
        .collect();
    assert_eq!(modules.len(), wire_names.len(), "{modules:?}");
    for wire in &wire_names {
        let target = format!("Svc.{wire}");
        assert!(
            generation.files.values().any(|text| text.contains(&target)),
            "no X-Amz-Target {target}"
        );
    }
}

/// The `xtask` binary of this build, built if needed.
fn xtask_binary() -> PathBuf {
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "-p", "xtask", "--quiet"])
        .current_dir(root())
        .status()
        .unwrap();
    assert!(status.success(), "cargo build -p xtask failed");
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap();
    profile_dir.join(format!("xtask{}", std::env::consts::EXE_SUFFIX))
}

/// Address space allowed to one generation (threads' stacks and rustfmt included).
const MEMORY_CAP: u64 = 512 * 1024 * 1024;
const TIME_CAP: Duration = Duration::from_secs(300);

/// Runs `xtask codegen` on `model` under [`MEMORY_CAP`] and [`TIME_CAP`]: exit status and
/// standard error.
fn capped_codegen(xtask: &Path, model: &Path, out: &Path) -> (Option<i32>, String) {
    let mut child = Command::new("prlimit")
        .arg(format!("--as={MEMORY_CAP}"))
        .arg(xtask)
        .args(["codegen", "--model"])
        .arg(model)
        .arg("--out")
        .arg(out)
        // The cap counts reserved address space; glibc reserves 64 MiB per malloc arena and
        // makes up to eight arenas a core, which on a large machine alone would pass it.
        .env("MALLOC_ARENA_MAX", "2")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("prlimit (util-linux) runs");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            return (status.code(), err);
        }
        if started.elapsed() > TIME_CAP {
            let _ = child.kill();
            panic!("{}: still running after {TIME_CAP:?}", model.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A chain of `n` mixins in IDL (each adding a member), the head used as an input.
fn mixin_chain_idl(n: usize) -> String {
    let mut text = String::from(
        "$version: \"2.0\"\nnamespace hostile.mixins\nuse aws.protocols#awsJson1_1\n@awsJson1_1\nservice Svc { version: \"1\" operations: [Mix] }\noperation Mix { input: M0 }\n",
    );
    writeln!(text, "@mixin\nstructure M{n} {{ m{n}: String }}").unwrap();
    for i in (1..n).rev() {
        writeln!(
            text,
            "@mixin\nstructure M{i} with [M{}] {{ m{i}: String }}",
            i + 1
        )
        .unwrap();
    }
    text.push_str("structure M0 with [M1] { m0: String }\n");
    text
}

/// The same chain as a JSON AST (each shape lists its mixin and its own member).
fn mixin_chain_json(n: usize) -> String {
    let mut shapes = serde_json::Map::new();
    shapes.insert(
        "hostile.mixins#Svc".into(),
        serde_json::json!({"type": "service", "version": "1",
            "operations": [{"target": "hostile.mixins#Mix"}],
            "traits": {"aws.protocols#awsJson1_1": {}}}),
    );
    shapes.insert(
        "hostile.mixins#Mix".into(),
        serde_json::json!({"type": "operation", "input": {"target": "hostile.mixins#M0"}}),
    );
    for i in 0..=n {
        let mut shape = serde_json::json!({"type": "structure",
            "members": {format!("m{i}"): {"target": "smithy.api#String"}}});
        if i < n {
            shape["mixins"] = serde_json::json!([{"target": format!("hostile.mixins#M{}", i + 1)}]);
        }
        if i > 0 {
            shape["traits"] = serde_json::json!({"smithy.api#mixin": {}});
        }
        shapes.insert(format!("hostile.mixins#M{i}"), shape);
    }
    serde_json::json!({"smithy": "2.0", "shapes": shapes}).to_string()
}

/// `n` lists nested in each other as a JSON AST.
fn nested_lists_json(n: usize) -> String {
    let mut shapes = serde_json::Map::new();
    shapes.insert(
        "hostile.nesting#Svc".into(),
        serde_json::json!({"type": "service", "version": "1",
            "operations": [{"target": "hostile.nesting#Nest"}],
            "traits": {"aws.protocols#awsJson1_1": {}}}),
    );
    shapes.insert(
        "hostile.nesting#Nest".into(),
        serde_json::json!({"type": "operation", "input": {"target": "hostile.nesting#In"}}),
    );
    shapes.insert(
        "hostile.nesting#In".into(),
        serde_json::json!({"type": "structure", "members": {"lists": {"target": "hostile.nesting#L0"}}}),
    );
    for i in 0..n {
        shapes.insert(
            format!("hostile.nesting#L{i}"),
            serde_json::json!({"type": "list", "member": {"target": format!("hostile.nesting#L{}", i + 1)}}),
        );
    }
    shapes.insert(
        format!("hostile.nesting#L{n}"),
        serde_json::json!({"type": "string"}),
    );
    serde_json::json!({"smithy": "2.0", "shapes": shapes}).to_string()
}

/// A model whose trait values are huge: a 4 MiB documentation string and a 200,000-entry
/// `@tags` list, on a valid service.
fn huge_values_idl() -> String {
    let tags: Vec<String> = (0..200_000).map(|i| format!("\"t{i}\"")).collect();
    format!(
        "$version: \"2.0\"\nnamespace hostile.values\nuse aws.protocols#awsJson1_1\n@awsJson1_1\nservice Svc {{ version: \"1\" operations: [Op] }}\noperation Op {{ input: In }}\n@tags([{}])\n@documentation(\"{}\")\nstructure In {{ a: String }}\n",
        tags.join(", "),
        "word ".repeat(800_000)
    )
}

/// Mixins within the depth limit that would copy more than the flattening limit allows.
fn wide_mixins_idl() -> String {
    let mut text = String::from(
        "$version: \"2.0\"\nnamespace hostile.mixins\nuse aws.protocols#awsJson1_1\n@awsJson1_1\nservice Svc { version: \"1\" operations: [Mix] }\noperation Mix { input: M0 }\n",
    );
    for i in (0..=100).rev() {
        let members: Vec<String> = (0..2000).map(|j| format!("m{i}_{j}: String")).collect();
        let mixin = if i < 100 {
            format!(" with [M{}]", i + 1)
        } else {
            String::new()
        };
        let trait_line = if i > 0 { "@mixin\n" } else { "" };
        writeln!(
            text,
            "{trait_line}structure M{i}{mixin} {{ {} }}",
            members.join(" ")
        )
        .unwrap();
    }
    text
}

/// Deep and long models finish under a memory cap and a time limit, with a located
/// diagnostic or a crate; never a stack overflow or an abort.
#[test]
fn deep_and_long_models_finish_under_a_memory_cap() {
    if Command::new("prlimit").arg("--version").output().is_err() {
        workspace_tests::skipped(
            "deep_and_long_models_finish_under_a_memory_cap",
            "prlimit (util-linux) is not installed",
        );
        return;
    }
    let xtask = xtask_binary();
    let dir = TempDir::new("hostile-capped");
    let cases: Vec<(&str, String, Option<i32>, &str)> = vec![
        (
            "mixin-chain-3000.smithy",
            mixin_chain_idl(3000),
            Some(1),
            "mixin-chain-3000.smithy:6007:11: hostile.mixins#M0: its mixins are nested 3000 levels deep; at most 100 are allowed",
        ),
        // The JSON AST lists each shape's own members beside its mixins; mixins are
        // flattened in IDL only, so the JSON form is refused rather than read short.
        (
            "mixin-chain-3000.json",
            mixin_chain_json(3000),
            Some(1),
            "hostile.mixins#M0: uses mixins, which this generator flattens only in IDL models",
        ),
        (
            "nested-lists-400.json",
            nested_lists_json(400),
            Some(1),
            "hostile.nesting#In$lists: targets hostile.nesting#L0, whose lists and maps are nested more than 32 levels deep",
        ),
        ("huge-values.smithy", huge_values_idl(), Some(0), ""),
        (
            "wide-mixins.smithy",
            wide_mixins_idl(),
            Some(1),
            "flattening the mixins would copy more than 4 MiB of members and traits",
        ),
    ];
    for (name, text, code, message) in cases {
        let model = dir.path().join(name);
        std::fs::write(&model, text).unwrap();
        let out = dir.path().join(format!("out-{name}"));
        let (status, err) = capped_codegen(&xtask, &model, &out);
        assert_eq!(status, code, "{name}: exit status; stderr:\n{err}");
        assert!(err.contains(message), "{name}: stderr:\n{err}");
        assert!(!err.contains("overflow"), "{name}: {err}");
    }
}
