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
