//! Which errors read their bodies through the runtime's shared `MessageBody`
//! (`message_error!`): exactly those whose only member is an optional, printable,
//! undeprecated `message`. Every other layout keeps its own impls (`json_structure!` and
//! `modelled_error!`). The expected layouts are written out by hand for
//! `tests/models/error-layouts.json`, whose wire cases (`tests/wire-models/error-layouts.json`,
//! run by `cargo xtask verify-models --dir tests/models`) check that both kinds read alike.

use workspace_tests::{generate_bundled, generate_from, root};

/// Each error of the error-layouts model, and whether it is only its message.
const LAYOUTS: &[(&str, bool, &str)] = &[
    ("gone", true, "an optional `message`"),
    ("expired", true, "an optional `message`, server fault"),
    ("capitalised", false, "spelled `Message` on the wire"),
    ("required", false, "the model requires the message"),
    ("hidden", false, "the message is sensitive"),
    ("detailed", false, "a `Code` beside the message"),
    ("bare", false, "no members"),
    ("outdated", false, "the message is deprecated"),
];

/// How the generated error file declares its impls.
fn declaration(text: &str) -> &'static str {
    match (
        text.contains("crate::wire::message_error!("),
        text.contains("crate::wire::modelled_error!("),
        text.contains("crate::wire::json_structure!("),
    ) {
        (true, false, false) => "message_error",
        (false, true, true) => "json_structure + modelled_error",
        _ => "something else",
    }
}

#[test]
fn only_errors_that_are_only_their_message_share_the_message_body() {
    let model = root().join("tests/models/error-layouts.json");
    let generation = generate_from(&model, None).expect("the error-layouts model generates");
    for (name, shared, why) in LAYOUTS {
        let path = format!("src/errors/{name}.rs");
        let text = generation
            .files
            .get(&path)
            .unwrap_or_else(|| panic!("no {path}"));
        let expected = if *shared {
            "message_error"
        } else {
            "json_structure + modelled_error"
        };
        assert_eq!(declaration(text), expected, "{name} ({why})");
    }
    let errors = generation
        .files
        .keys()
        .filter(|path| path.starts_with("src/errors/") && !path.ends_with("mod.rs"))
        .count();
    assert_eq!(errors, LAYOUTS.len(), "every error of the model is listed");
    assert!(generation.files["src/wire.rs"].contains("mod message_error;"));
}

#[test]
fn a_model_without_such_errors_carries_no_message_body() {
    // The kinds model's one error (`Oops`) has a `Code` beside its message.
    let model = root().join("tests/models/kinds.json");
    let generation = generate_from(&model, None).expect("the kinds model generates");
    assert!(!generation.files.contains_key("src/wire/message_error.rs"));
    assert!(!generation.files["src/wire.rs"].contains("message_error"));
    assert!(generation.files["src/wire.rs"].contains("mod modelled_error;"));
}

#[test]
fn every_kms_error_shares_the_message_body() {
    let generation = generate_bundled();
    let errors: Vec<(&String, &String)> = generation
        .files
        .iter()
        .filter(|(path, _)| path.starts_with("src/errors/") && !path.ends_with("mod.rs"))
        .collect();
    assert_eq!(errors.len(), 22);
    for (path, text) in errors {
        assert_eq!(declaration(text), "message_error", "{path}");
    }
}
