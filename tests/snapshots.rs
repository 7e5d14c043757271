//! insta snapshots of the emitted code: one per operation (its input, output and error enum
//! live in one file) and one per shared type, error and support module, so a reviewer sees
//! exactly what a model or generator change does to the output (`cargo insta review`).

use workspace_tests::generate_bundled;

#[test]
fn every_generated_file_matches_its_snapshot() {
    let generation = generate_bundled();
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (path, contents) in &generation.files {
            let name = path.trim_start_matches("src/").replace(['/', '.'], "_");
            insta::assert_snapshot!(name, contents);
        }
    });
    assert!(
        generation.files.len() > 30,
        "expected the full crate, got {} files",
        generation.files.len()
    );
}

/// One representative shape of each kind the bundled model lacks, from tests/models/kinds.json:
/// a union (recursive, with a unit member), an integer enum, a structure with every member kind
/// (blob, document, big numbers, floats, timestamps in three formats, sparse and dense
/// collections, jsonName, keyword and defaulted members), a recursive structure, a renamed and
/// a collision-resolved shape, a Unit operation, an idempotent deprecated operation, and the
/// optional support code.
#[test]
fn representative_shapes_of_every_kind() {
    let model = workspace_tests::root().join("tests/models/kinds.json");
    let generation =
        workspace_tests::generate_from(&model, None).expect("the kinds model generates");
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for path in [
            "src/types/shape.rs",
            "src/types/level.rs",
            "src/types/everything.rs",
            "src/types/tree.rs",
            "src/types/foreign_thing.rs",
            "src/types/other_widget.rs",
            "src/types/result.rs",
            "src/operations/ping.rs",
            "src/operations/create_thing.rs",
            "src/primitives.rs",
            "src/wire.rs",
            "src/server.rs",
            "Cargo.toml",
        ] {
            let name = format!(
                "kinds_{}",
                path.trim_start_matches("src/").replace(['/', '.'], "_")
            );
            insta::assert_snapshot!(name, &generation.files[path]);
        }
    });
}

/// The endpoint host prefix and request compression support, from our protocol fixture
/// suite (`tests/protocol/passing/fixture.smithy`): the two operations that use them, the
/// wire module that declares `host_label` and `compress`, and the `Operation` trait with the
/// methods that only such models get.
#[test]
fn host_prefix_and_request_compression() {
    let model = workspace_tests::root().join("tests/protocol/passing/fixture.smithy");
    let generation =
        workspace_tests::generate_from(&model, None).expect("the fixture model generates");
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for path in [
            "src/operations/prefixed.rs",
            "src/operations/compressed.rs",
            "src/wire.rs",
            "src/wire/operation.rs",
            "Cargo.toml",
        ] {
            let name = format!(
                "fixture_{}",
                path.trim_start_matches("src/").replace(['/', '.'], "_")
            );
            insta::assert_snapshot!(name, &generation.files[path]);
        }
    });
}

/// Snapshots `paths` of the crate generated from `model` (relative to the workspace), each
/// named `{prefix}_{path}`.
fn snapshot_files(model: &str, prefix: &str, paths: &[&str]) {
    let model = workspace_tests::root().join(model);
    let generation = workspace_tests::generate_from(&model, None)
        .unwrap_or_else(|problems| panic!("{} generates: {problems:?}", model.display()));
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for path in paths {
            let name = format!(
                "{prefix}_{}",
                path.trim_start_matches("src/").replace(['/', '.'], "_")
            );
            insta::assert_snapshot!(name, &generation.files[*path]);
        }
    });
}

/// Members, union members and enum values whose names convert to one Rust name
/// (`tests/regression-models/colliding-names.json`): the first in model order keeps it, later
/// ones are numbered, each says in its documentation which model name it is, and the wire
/// names are untouched.
#[test]
fn names_that_collide_after_case_conversion() {
    snapshot_files(
        "tests/regression-models/colliding-names.json",
        "colliding_names",
        &[
            "src/operations/run.rs",
            "src/types/choice.rs",
            "src/types/level.rs",
            "src/types/rank.rs",
        ],
    );
}

/// Documentation comments written in CommonMark (`tests/models/markdown-docs.smithy`) render
/// as Markdown: emphasis, links and lists survive, code blocks are `text` blocks, raw HTML is
/// shown as text, and a comment that opens with HTML is converted as HTML.
#[test]
fn commonmark_documentation_comments() {
    snapshot_files(
        "tests/models/markdown-docs.smithy",
        "markdown_docs",
        &["src/lib.rs", "src/operations/describe.rs"],
    );
}
