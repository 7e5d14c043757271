//! The two front ends agree: our bundled model, written by hand in Smithy IDL 2.0
//! (`tests/idl/kms-custom-key-stores.smithy`), loads to exactly the model of the JSON AST in
//! `models/`, generates the same crate, and `cargo xtask codegen --model *.smithy` works.

use codegen::load::{load_file, LoadedFile};
use std::path::PathBuf;
use workspace_tests::{generate_bundled, generate_from, models_dir, root, TempDir};

fn idl_fixture() -> PathBuf {
    root().join("tests/idl/kms-custom-key-stores.smithy")
}

fn load_idl() -> LoadedFile {
    let path = idl_fixture();
    let text = std::fs::read_to_string(&path).expect("the IDL fixture is readable");
    let mut files = codegen::load::idl::load_idl_files(&[(path, text)])
        .unwrap_or_else(|problems| panic!("the IDL fixture must load:\n{problems}"));
    assert_eq!(files.len(), 1, "one file in, one file out");
    files.remove(0)
}

#[test]
fn the_idl_and_json_forms_of_the_bundled_model_load_to_identical_models() {
    let json = load_file(&models_dir().join("kms-custom-key-stores.json")).expect("JSON loads");
    let idl = load_idl();
    assert_eq!(
        json.document.smithy.trim_end_matches(".0"),
        idl.document.smithy.trim_end_matches(".0")
    );
    assert_eq!(json.document.metadata, idl.document.metadata, "metadata");
    let json_ids: Vec<&String> = json.document.shapes.keys().collect();
    let idl_ids: Vec<&String> = idl.document.shapes.keys().collect();
    assert_eq!(json_ids, idl_ids, "the same shape ids");
    for (id, shape) in &json.document.shapes {
        // Debug prints every field, members in order, so equal text is an equal shape.
        assert_eq!(
            format!("{shape:#?}"),
            format!("{:#?}", idl.document.shapes[id]),
            "{id} differs between the JSON AST and the IDL"
        );
    }
    // The typed models agree too (the typing is shared, but this also covers what the two
    // front ends leave out of the JSON AST, such as resource properties).
    assert_eq!(json.shapes, idl.shapes, "typed shapes");
    // Every shape and member defined in the IDL has a position for diagnostics.
    for (id, shape) in &idl.document.shapes {
        assert!(idl.positions.contains_key(id), "{id} has no position");
        for member in shape.members.keys() {
            let member_id = format!("{id}${member}");
            assert!(
                idl.positions.contains_key(&member_id),
                "{member_id} has no position"
            );
        }
    }
}

#[test]
fn the_idl_form_generates_the_same_crate() {
    let from_json = generate_bundled();
    let from_idl = generate_from(&idl_fixture(), None)
        .unwrap_or_else(|problems| panic!("the IDL fixture must generate:\n{problems}"));
    assert_eq!(
        from_json.files.keys().collect::<Vec<_>>(),
        from_idl.files.keys().collect::<Vec<_>>()
    );
    for (path, text) in &from_json.files {
        assert!(
            text == &from_idl.files[path],
            "{path} differs when generated from the IDL"
        );
    }
}

#[test]
fn cargo_xtask_codegen_accepts_a_smithy_model() {
    let model = idl_fixture();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "codegen",
        "--model",
        model.to_str().expect("UTF-8 path"),
        "--check",
    ]
    .map(String::from);
    let status = xtask::run(&args, &mut out, &mut err);
    let (out, err) = (String::from_utf8_lossy(&out), String::from_utf8_lossy(&err));
    assert_eq!(status, 0, "stdout: {out}\nstderr: {err}");
    assert!(
        out.contains("(up to date)"),
        "generated/ matches the IDL: {out}"
    );
}

#[test]
fn an_idl_syntax_error_names_file_line_column_and_the_expected_token() {
    let dir = TempDir::new("idl-syntax-error");
    let model = dir.path().join("broken.smithy");
    std::fs::write(
        &model,
        "$version: \"2.0\"\nnamespace example.broken\n\nstructure Oops {\n    name: String\n",
    )
    .expect("write the model");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "codegen",
        "--model",
        model.to_str().expect("UTF-8 path"),
        "--out",
    ]
    .map(String::from)
    .into_iter()
    .chain([dir.path().join("out").display().to_string()])
    .collect::<Vec<_>>();
    let status = xtask::run(&args, &mut out, &mut err);
    let err = String::from_utf8_lossy(&err);
    assert_eq!(status, 1, "{err}");
    assert!(
        err.contains("broken.smithy:6:1: "),
        "file, line and column: {err}"
    );
    assert!(
        err.contains("expected") && err.contains('}'),
        "says what was expected: {err}"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

#[test]
fn a_planning_problem_in_an_idl_model_points_at_the_member() {
    let dir = TempDir::new("idl-plan-error");
    let model = dir.path().join("service.smithy");
    std::fs::write(
        &model,
        "$version: \"2.0\"\nnamespace example.plan\n\nuse aws.protocols#awsJson1_1\n\n\
         @awsJson1_1\nservice Example {\n    version: \"2024-01-01\"\n    operations: [Get]\n}\n\n\
         operation Get {\n    input := {\n        @length(min: \"x\")\n        id: String\n    }\n}\n",
    )
    .expect("write the model");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "codegen",
        "--model",
        model.to_str().expect("UTF-8 path"),
        "--check",
    ]
    .map(String::from);
    let status = xtask::run(&args, &mut out, &mut err);
    let err = String::from_utf8_lossy(&err);
    assert_eq!(status, 1, "{err}");
    // The planner finds this one; the position comes from the IDL loader's source map.
    assert!(
        err.contains("service.smithy:15:9: example.plan#GetInput$id: `length.min`"),
        "the member's line: {err}"
    );
}
