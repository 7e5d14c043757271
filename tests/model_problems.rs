//! A broken model gives a clear message naming the file, the shape id (and member) and what
//! is wrong; independent problems are reported together; nothing panics.

use serde_json::{json, Value};
use workspace_tests::TempDir;

/// A small valid awsJson1_1 model that the cases below break in one place each.
fn base() -> Value {
    json!({
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}],
                       "traits": {"aws.protocols#awsJson1_1": {}}},
            "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"},
                      "output": {"target": "ex#OpOutput"}, "errors": [{"target": "ex#Oops"}]},
            "ex#OpInput": {"type": "structure", "members": {"Name": {"target": "ex#Name"}}},
            "ex#OpOutput": {"type": "structure", "members": {}},
            "ex#Name": {"type": "string"},
            "ex#Oops": {"type": "structure", "members": {"message": {"target": "smithy.api#String"}},
                        "traits": {"smithy.api#error": "client"}}
        }
    })
}

fn generate_text(
    name: &str,
    text: &str,
    operations: Option<Vec<String>>,
) -> Result<codegen::Generation, String> {
    let dir = TempDir::new(&format!("problem-{name}"));
    let path = dir.path().join("model.json");
    std::fs::write(&path, text).unwrap();
    let options = codegen::Options {
        models: vec![path],
        plan: codegen::PlanOptions {
            operations,
            ..Default::default()
        },
    };
    codegen::generate(&options).map_err(|problems| problems.to_string())
}

/// The rendered diagnostics for a model; fails the test if the model generates.
fn problems_of(name: &str, model: &Value) -> String {
    match generate_text(name, &serde_json::to_string_pretty(model).unwrap(), None) {
        Ok(_) => panic!("{name}: the broken model generated"),
        Err(text) => text,
    }
}

fn assert_mentions(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "expected {part:?} in:\n{text}");
    }
}

fn with(mut model: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = model
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    parent
        .as_object_mut()
        .unwrap()
        .insert(key.replace("~1", "/"), value);
    model
}

#[test]
fn base_model_generates() {
    let generation =
        generate_text("base", &base().to_string(), None).expect("base model generates");
    assert!(generation.files.contains_key("src/operations/op.rs"));
}

#[test]
fn dangling_member_target() {
    let model = with(
        base(),
        "/shapes/ex#OpInput/members/Name",
        json!({"target": "ex#Missing"}),
    );
    let text = problems_of("dangling", &model);
    assert_mentions(
        &text,
        &["model.json", "ex#OpInput$Name", "ex#Missing", "not defined"],
    );
}

#[test]
fn unsupported_shape_type_names_the_shape() {
    let model = with(base(), "/shapes/ex#Name", json!({"type": "quaternion"}));
    let text = problems_of("unsupported-type", &model);
    assert_mentions(
        &text,
        &["ex#OpInput$Name", "`quaternion`", "does not support"],
    );
    let model = with(
        base(),
        "/shapes/ex#Name",
        json!({"type": "map",
        "key": {"target": "smithy.api#Integer"}, "value": {"target": "smithy.api#String"}}),
    );
    let text = problems_of("int-keys", &model);
    assert_mentions(
        &text,
        &[
            "ex#OpInput$Name",
            "map ex#Name has `integer` keys",
            "string keys",
        ],
    );
}

#[test]
fn unsupported_wire_trait_is_an_error() {
    let model = with(
        base(),
        "/shapes/ex#Name",
        json!({"type": "timestamp", "traits": {"smithy.api#timestampFormat": "julian-day"}}),
    );
    let text = problems_of("wire-trait", &model);
    assert_mentions(
        &text,
        &[
            "ex#Name",
            "timestampFormat",
            "unknown timestamp format `julian-day`",
        ],
    );
    let model = with(
        base(),
        "/shapes/ex#OpInput/members/Name",
        json!({"target": "ex#Name", "traits": {"smithy.api#eventHeader": {}}}),
    );
    let text = problems_of("event-header", &model);
    assert_mentions(
        &text,
        &[
            "ex#OpInput$Name",
            "eventHeader",
            "event streams are not supported",
        ],
    );
}

#[test]
fn invalid_trait_values() {
    let length = with(
        base(),
        "/shapes/ex#Name/traits",
        json!({"smithy.api#length": {"min": 5, "max": 2}}),
    );
    assert_mentions(
        &problems_of("length", &length),
        &["ex#Name", "`length` has min 5 greater than max 2"],
    );
    let range = with(
        base(),
        "/shapes/ex#Name/traits",
        json!({"smithy.api#range": {"min": 1}}),
    );
    assert_mentions(
        &problems_of("range", &range),
        &["ex#Name", "`range` applies to numbers, not to a string"],
    );
    let pattern = with(
        base(),
        "/shapes/ex#Name/traits",
        json!({"smithy.api#pattern": 7}),
    );
    assert_mentions(
        &problems_of("pattern", &pattern),
        &["ex#Name", "`pattern` must be a string"],
    );
    // Java's inline flags: read as flags at the start (CloudTrail's `^(?s)`), refused
    // anywhere else, as ECMA-262 has no such group.
    for leading in ["^(?s)", "(?i)^[a-z]+$"] {
        let model = with(
            base(),
            "/shapes/ex#Name/traits",
            json!({ "smithy.api#pattern": leading }),
        );
        let generation = generate_text("leading-flags", &model.to_string(), None);
        assert!(generation.is_ok(), "{leading}: {generation:?}");
    }
    // Java forms ECMA-262 cannot read anywhere (inline flags inside the pattern, as in
    // Budgets and IdentityStore; a range from a class, as in Cost Explorer): the crate is
    // generated, the pattern is not checked, and a warning names the shape and says so.
    for java in [
        "^a(?s)b",
        "^(?!(?i)(arn|aws):)[a-z]+$",
        r"^[\p{L}\p{Z}-_]*$",
    ] {
        let model = with(
            base(),
            "/shapes/ex#Name/traits",
            json!({ "smithy.api#pattern": java }),
        );
        let generation = generate_text("java-pattern", &model.to_string(), None)
            .unwrap_or_else(|problems| panic!("{java}: {problems}"));
        let warnings = generation.service.warnings.join("\n");
        assert!(
            warnings.contains("ex#Name") && warnings.contains("does not check it"),
            "{java}: {warnings}"
        );
        assert!(
            !generation.files["src/validation.rs"].contains("PATTERN_0"),
            "{java}: no pattern is checked"
        );
    }
    // The control: a pattern ECMA-262 reads is checked.
    let plain = with(
        base(),
        "/shapes/ex#Name/traits",
        json!({"smithy.api#pattern": "^[a-z]+$"}),
    );
    let generation = generate_text("plain-pattern", &plain.to_string(), None).unwrap();
    assert!(generation.files["src/validation.rs"].contains("PATTERN_0"));
    assert!(generation.service.warnings.is_empty());
    // One that does not even close its groups or classes is broken in any dialect: refused.
    let unbalanced = with(
        base(),
        "/shapes/ex#Name/traits",
        json!({"smithy.api#pattern": "^[a-z(+$"}),
    );
    assert_mentions(
        &problems_of("unbalanced", &unbalanced),
        &["ex#Name", "not a valid ECMA-262 regular expression"],
    );
    let error = with(
        base(),
        "/shapes/ex#Oops/traits",
        json!({"smithy.api#error": "nobody"}),
    );
    assert_mentions(
        &problems_of("error-kind", &error),
        &["ex#Oops", "\"client\" or \"server\""],
    );
    let status = with(
        base(),
        "/shapes/ex#Oops/traits",
        json!({"smithy.api#error": "client", "smithy.api#httpError": 200}),
    );
    assert_mentions(
        &problems_of("http-error", &status),
        &["ex#Oops", "`httpError`", "400 to 599"],
    );
    let default = with(
        base(),
        "/shapes/ex#OpInput/members/Name",
        json!({"target": "ex#Name", "traits": {"smithy.api#required": {}, "smithy.api#default": 3}}),
    );
    assert_mentions(
        &problems_of("default", &default),
        &["ex#OpInput$Name", "default value 3 does not fit a string"],
    );
}

#[test]
fn enums_need_distinct_values() {
    let empty = with(
        base(),
        "/shapes/ex#Name",
        json!({"type": "enum", "members": {}}),
    );
    assert_mentions(
        &problems_of("enum-empty", &empty),
        &["ex#Name", "at least one member"],
    );
    let duplicate = with(
        base(),
        "/shapes/ex#Name",
        json!({"type": "enum", "members": {
        "A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "X"}},
        "B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "X"}}}}),
    );
    assert_mentions(
        &problems_of("enum-dup", &duplicate),
        &["ex#Name$B", "value `X` is also the value of member `A`"],
    );
}

#[test]
fn rust_name_collisions_are_reported_or_resolved() {
    let model = with(
        base(),
        "/shapes/ex#OpInput/members/name",
        json!({"target": "ex#Name"}),
    );
    // Members that would share a field are numbered in model order; the renamed one says
    // which model member it is, and keeps its wire name.
    let generation = generate_text("field-collision", &model.to_string(), None)
        .expect("members that share a Rust name are numbered");
    let op = &generation.files["src/operations/op.rs"];
    assert_mentions(
        op,
        &[
            "pub name: ",
            "pub name_2: ",
            "Named `name_2` in Rust: the model's member `name` would be `name`",
            "optional(name_2, \"name\")",
        ],
    );
    let mut model = with(
        base(),
        "/shapes/other#Name",
        json!({"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}}),
    );
    model = with(
        model,
        "/shapes/ex#OpInput/members/Other",
        json!({"target": "other#Name"}),
    );
    model = with(
        model,
        "/shapes/ex#Name",
        json!({"type": "enum", "members": {"B": {"target": "smithy.api#Unit"}}}),
    );
    // Two shapes that would share a Rust name are told apart deterministically: the one in
    // the service's namespace keeps the name, the other gets its namespace in front.
    let generation =
        generate_text("type-collision", &model.to_string(), None).expect("collisions are resolved");
    let op = &generation.files["src/operations/op.rs"];
    assert_mentions(op, &["crate::types::Name", "crate::types::OtherName"]);
    assert!(generation.files.contains_key("src/types/other_name.rs"));
    let again = generate_text("type-collision-again", &model.to_string(), None).unwrap();
    assert_eq!(generation.files, again.files);
}

#[test]
fn operation_errors_must_be_error_structures() {
    let model = with(
        base(),
        "/shapes/ex#Op/errors",
        json!([{"target": "ex#OpOutput"}]),
    );
    assert_mentions(
        &problems_of("non-error", &model),
        &[
            "ex#Op",
            "ex#OpOutput",
            "not a structure with the `error` trait",
        ],
    );
}

#[test]
fn member_targeting_an_operation() {
    let model = with(
        base(),
        "/shapes/ex#OpInput/members/Name",
        json!({"target": "ex#Op"}),
    );
    assert_mentions(
        &problems_of("member-op", &model),
        &["ex#OpInput$Name", "operation, not a data shape"],
    );
}

#[test]
fn protocol_problems() {
    let none = with(base(), "/shapes/ex#Svc/traits", json!({}));
    assert_mentions(
        &problems_of("no-protocol", &none),
        &["ex#Svc", "no protocol trait", "awsJson1_1"],
    );
    let rest = with(
        base(),
        "/shapes/ex#Svc/traits",
        json!({"aws.protocols#restJson1": {}}),
    );
    assert_mentions(
        &problems_of("rest", &rest),
        &["ex#Svc", "unsupported protocol aws.protocols#restJson1"],
    );
}

#[test]
fn file_level_problems_name_the_file_and_position() {
    let text =
        generate_text("bad-json", "{\"smithy\": \"2.0\",\n \"shapes\": {,}}", None).unwrap_err();
    assert_mentions(
        &text,
        &["model.json", "not a valid Smithy JSON AST", "model.json:2:"],
    );
    let text = generate_text("version", r#"{"smithy": "1.0", "shapes": {}}"#, None).unwrap_err();
    assert_mentions(&text, &["model.json", "unsupported Smithy version \"1.0\""]);
    let text = generate_text("empty", "", None).unwrap_err();
    assert_mentions(&text, &["model.json", "not a valid Smithy JSON AST"]);
    let bad_id = with(base(), "/shapes/ex#1Bad", json!({"type": "string"}));
    assert_mentions(
        &problems_of("bad-id", &bad_id),
        &["model.json", "shape id `ex#1Bad` has an invalid name"],
    );
}

#[test]
fn service_and_operation_selection() {
    let two = with(
        base(),
        "/shapes/ex#Other",
        json!({"type": "service", "version": "1"}),
    );
    assert_mentions(
        &problems_of("two-services", &two),
        &["2 services", "ex#Other", "ex#Svc", "--service"],
    );
    let text =
        generate_text("unknown-op", &base().to_string(), Some(vec!["Nope".into()])).unwrap_err();
    assert_mentions(
        &text,
        &["--operations: `Nope` is not an operation of ex#Svc; it has Op"],
    );
}

#[test]
fn independent_problems_are_reported_together() {
    let mut model = with(
        base(),
        "/shapes/ex#OpInput/members/Name",
        json!({"target": "ex#Missing"}),
    );
    model = with(
        model,
        "/shapes/ex#Oops/traits",
        json!({"smithy.api#error": "client", "smithy.api#httpError": 99}),
    );
    let text = problems_of("several", &model);
    assert_mentions(&text, &["ex#Missing", "`httpError`", "2 problems found"]);
}

#[test]
fn keywords_and_reserved_names_are_escaped() {
    let mut model = with(
        base(),
        "/shapes/ex#OpInput/members",
        json!({
        "type": {"target": "ex#Name"}, "self": {"target": "ex#Name"}, "Match": {"target": "ex#Kind"}}),
    );
    model = with(
        model,
        "/shapes/ex#Kind",
        json!({"type": "enum", "members": {
        "UNKNOWN": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "UNKNOWN"}},
        "SELF": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "self"}}}}),
    );
    let generation =
        generate_text("keywords", &model.to_string(), None).expect("keywords generate");
    let op = &generation.files["src/operations/op.rs"];
    assert_mentions(
        op,
        &[
            "pub r#type:",
            "pub self_:",
            "pub r#match:",
            "Wire name: `type`",
            "Wire name: `self`",
        ],
    );
    let kind = &generation.files["src/types/kind.rs"];
    assert_mentions(
        kind,
        &[
            "UnknownValue,",
            "Self_,",
            "Self::UnknownValue => \"UNKNOWN\"",
            "Self::Self_ => \"self\"",
        ],
    );
}
