//! Data-driven wire tests: every `*.json` case file under `tests/wire/`, and under
//! `$WIRE_CASES_DIR` when set, run against the generated crate, plus the cases derived from
//! the model's examples. A file is an array of cases (or `{"model": "<model file>", "cases":
//! [...]}` for a case file that targets another model's crate, run by `cargo xtask
//! verify-models`):
//!
//! - `{"kind": "request", "name", "operation", "input", "expect": {"method", "uri", "headers", "body"}}`:
//!   the input (wire JSON) is serialized and compared; the body as JSON, numbers by value,
//!   headers by name case-insensitively (listed headers must match, others may exist).
//! - `{"kind": "response", "name", "operation", "status", "headers", "body", "expect": {"output" | "error"}}`:
//!   the response is parsed; an output is re-serialized and must equal `expect.output`
//!   exactly; an error must be `expect.error.variant` (the modelled error's wire name or
//!   `Unhandled`) with the optional `code`, `message`, `status` and `request_id`.
//! - A request case may expect `{"rejected": "<member path>"}` instead, and may list
//!   `"generated"` body members (idempotency tokens) that must be present but are not compared.
//!
//! Keys left out of `expect` are not checked, but every key given must be one of these and of
//! the right JSON type: an unknown key (top level, `expect`, `expect.error`), a mistyped value
//! or an unknown `kind` makes the case fail as malformed, so a typo cannot switch a check off.
//!
//! Beyond the JSON comparison, every enum value and union member in a request's `input` and a
//! response's `expect.output` must be the Rust variant named after its model member, as the
//! parsed value's `Debug` output shows: the model's facts come from the load stage
//! (`xtask::verify_models::harness_facts`), not from the planner, so a crate that reads
//! `"CONNECTED"` as `Disconnected` and writes `Disconnected` as `"CONNECTED"` (a perfect JSON
//! round trip) fails.
//!
//! Every failure is reported with its file, name and a diff, and the count of cases run is
//! printed, so an empty directory cannot pass silently.

use kms_api as api;
use serde_json::json;
use std::path::PathBuf as CasePath;
use workspace_tests::root;

include!("wire_harness.rs");

fn dispatch(case: &Value, facts: &ModelFacts) -> Result<(), String> {
    use api::operations::*;
    match field(case, "operation")?.as_str() {
        Some("ConnectCustomKeyStore") => {
            run_case::<connect_custom_key_store::ConnectCustomKeyStore>(case, facts)
        }
        Some("CreateCustomKeyStore") => {
            run_case::<create_custom_key_store::CreateCustomKeyStore>(case, facts)
        }
        Some("DeleteCustomKeyStore") => {
            run_case::<delete_custom_key_store::DeleteCustomKeyStore>(case, facts)
        }
        Some("DescribeCustomKeyStores") => {
            run_case::<describe_custom_key_stores::DescribeCustomKeyStores>(case, facts)
        }
        Some("DisconnectCustomKeyStore") => {
            run_case::<disconnect_custom_key_store::DisconnectCustomKeyStore>(case, facts)
        }
        Some("UpdateCustomKeyStore") => {
            run_case::<update_custom_key_store::UpdateCustomKeyStore>(case, facts)
        }
        other => Err(format!("unknown operation {other:?}")),
    }
}

#[test]
fn wire_cases() {
    let mut dirs = vec![root().join("tests/wire")];
    if let Some(extra) = std::env::var_os("WIRE_CASES_DIR") {
        dirs.push(CasePath::from(extra));
    }
    let examples: Vec<Case> =
        codegen::wire_cases::from_examples(&workspace_tests::generate_bundled().service)
            .cases
            .into_iter()
            .map(|body| Case {
                file: CasePath::from("models/ (smithy.api#examples)"),
                name: body["name"].as_str().unwrap_or_default().to_owned(),
                body,
            })
            .collect();
    assert!(examples.len() >= 10, "every model example becomes a case");
    let facts = bundled_facts();
    let failures = run_suite(&dirs, None, examples, dispatch, &facts);
    assert!(
        failures.is_empty(),
        "{} wire cases failed (see FAILED lines above)",
        failures.len()
    );
    // The variant check reached the enums of the cases' outputs and inputs.
    assert!(
        facts.enums_checked.get() >= 20,
        "only {} enum values were checked against their variants",
        facts.enums_checked.get()
    );
}

/// The bundled model's facts, from the load stage (not the planner).
fn bundled_facts() -> ModelFacts {
    let loaded = codegen::load_models(&[workspace_tests::models_dir()])
        .unwrap_or_else(|problems| panic!("the bundled model loads:\n{problems}"));
    ModelFacts::new(xtask::verify_models::harness_facts(&loaded))
}

/// Writes `files` (name, text) to a fresh directory and runs its cases (without the suite's
/// summary line); returns (passed, failed, failures).
fn run_files(test: &str, files: &[(&str, &str)]) -> (usize, usize, Vec<String>) {
    let dir = workspace_tests::TempDir::new(test);
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write a case file");
    }
    run_cases(
        &[dir.path().to_path_buf()],
        None,
        Vec::new(),
        dispatch,
        &bundled_facts(),
    )
}

/// Every malformed case is a failure naming its file, its case and what is wrong; nothing is
/// silently ignored.
#[test]
fn malformed_cases_are_reported_not_ignored() {
    let request = r#"{"kind": "request", "name": "NAME", "operation": "DeleteCustomKeyStore",
        "input": {"CustomKeyStoreId": "cks-1234567890abcdef0"}, "expect": EXPECT}"#;
    let response = r#"{"kind": "response", "name": "NAME", "operation": "DeleteCustomKeyStore",
        "status": STATUS, "headers": HEADERS, "body": "{}", "expect": EXPECT}"#;
    let request_case =
        |name: &str, expect: &str| request.replace("NAME", name).replace("EXPECT", expect);
    let response_case = |name: &str, status: &str, headers: &str, expect: &str| {
        response
            .replace("NAME", name)
            .replace("STATUS", status)
            .replace("HEADERS", headers)
            .replace("EXPECT", expect)
    };
    let cases = [
        (
            request_case("unknown-expect-key", r#"{"method": "POST", "metod": "GET"}"#),
            "unknown key `expect.metod`",
        ),
        (
            request_case("method-not-a-string", r#"{"method": 1}"#),
            "`expect.method` must be a string",
        ),
        (
            request_case("header-not-a-string", r#"{"headers": {"X-Amz-Target": 5}}"#),
            "`expect.headers.X-Amz-Target` must be a string",
        ),
        (
            request_case("rejected-not-a-string", r#"{"rejected": ["CustomKeyStoreId"]}"#),
            "`expect.rejected` must be a string",
        ),
        (
            request_case("generated-not-strings", r#"{"body": "{}", "generated": [1]}"#),
            "`expect.generated` must be an array of strings",
        ),
        (
            request_case("generated-not-an-array", r#"{"body": "{}", "generated": "Token"}"#),
            "`expect.generated` must be an array of strings",
        ),
        (
            request_case("body-not-json", r#"{"body": "{not json"}"#),
            "`expect.body` is not JSON",
        ),
        (
            request_case("rejected-with-checks", r#"{"rejected": "X", "method": "POST"}"#),
            "`expect.rejected` cannot be combined",
        ),
        (request_case("empty-expect", "{}"), "`expect` checks nothing"),
        (
            request.replace("NAME", "unknown-top-key").replace("EXPECT", r#"{"method": "POST"}, "inptu": {}"#),
            "unknown key `inptu`",
        ),
        (
            r#"{"kind": "requets", "name": "unknown-kind", "operation": "DeleteCustomKeyStore", "input": {}, "expect": {"method": "POST"}}"#.to_owned(),
            "unknown `kind` \"requets\"",
        ),
        (
            r#"{"kind": "request", "name": "no-input", "operation": "DeleteCustomKeyStore", "expect": {"method": "POST"}}"#.to_owned(),
            "the case has no `input`",
        ),
        (
            response_case("status-not-a-number", r#""200""#, "{}", r#"{"output": {}}"#),
            "`status` must be an HTTP status number",
        ),
        (
            response_case("headers-value-not-a-string", "200", r#"{"x-amzn-RequestId": 1}"#, r#"{"output": {}}"#),
            "`headers.x-amzn-RequestId` must be a string",
        ),
        (
            response_case("error-unknown-key", "400", "{}", r#"{"error": {"variant": "Unhandled", "mesage": "x"}}"#),
            "unknown key `expect.error.mesage`",
        ),
        (
            response_case("error-status-not-a-number", "400", "{}", r#"{"error": {"variant": "Unhandled", "status": "400"}}"#),
            "`expect.error.status` must be a number",
        ),
        (
            response_case("error-without-variant", "400", "{}", r#"{"error": {"message": "x"}}"#),
            "`expect.error` has no `variant`",
        ),
        (
            response_case("output-and-error", "200", "{}", r#"{"output": {}, "error": {"variant": "Unhandled"}}"#),
            "`expect` has both `output` and `error`",
        ),
        (
            response_case("request-key-in-response", "200", "{}", r#"{"output": {}, "method": "POST"}"#),
            "unknown key `expect.method`",
        ),
        (
            response_case("output-contains-not-strings", "200", "{}", r#"{"output": {}, "output_contains": "x"}"#),
            "`expect.output_contains` must be an array of strings",
        ),
    ];
    let text = format!(
        "[{}]",
        cases
            .iter()
            .map(|(case, _)| case.as_str())
            .collect::<Vec<_>>()
            .join(",\n")
    );
    let (passed, failed, failures) = run_files("malformed-cases", &[("malformed.json", &text)]);
    assert_eq!((passed, failed), (0, cases.len()), "{failures:#?}");
    assert_eq!(failures.len(), cases.len(), "{failures:#?}");
    for (case, problem) in &cases {
        let name = serde_json::from_str::<Value>(case).expect("valid JSON")["name"]
            .as_str()
            .expect("a name")
            .to_owned();
        let failure = failures
            .iter()
            .find(|f| f.contains(&format!(":: {name}\n")))
            .unwrap_or_else(|| panic!("{name} is reported: {failures:#?}"));
        assert!(
            failure.contains("malformed.json"),
            "names the file: {failure}"
        );
        assert!(failure.contains("malformed case"), "{failure}");
        assert!(
            failure.contains(problem),
            "{name}: expected {problem:?} in {failure}"
        );
    }
}

/// A case file object with a key besides `model` and `cases` is refused as a whole.
#[test]
fn a_case_file_with_an_unknown_key_is_reported() {
    let (_, _, failures) = run_files(
        "unknown-file-key",
        &[(
            "typo.json",
            r#"{"model": "kinds.json", "cases": [], "case": []}"#,
        )],
    );
    assert!(
        failures
            .iter()
            .any(|f| f.contains("typo.json") && f.contains("unknown key(s) [\"case\"]")),
        "{failures:#?}"
    );
}

/// Well-formed cases in the same form still run and pass (the checks above are not
/// refusing everything).
#[test]
fn well_formed_cases_pass() {
    let (passed, _, failures) = run_files(
        "well-formed",
        &[(
            "good.json",
            r#"[{"kind": "request", "name": "good-request", "operation": "DeleteCustomKeyStore",
                 "input": {"CustomKeyStoreId": "cks-1234567890abcdef0"},
                 "expect": {"method": "POST", "headers": {"X-Amz-Target": "TrentService.DeleteCustomKeyStore"},
                            "body": "{\"CustomKeyStoreId\":\"cks-1234567890abcdef0\"}"}},
                {"kind": "response", "name": "good-error", "operation": "DeleteCustomKeyStore",
                 "status": 400, "headers": {"x-amzn-RequestId": "r-1"},
                 "body": "{\"__type\":\"CustomKeyStoreNotFoundException\",\"message\":\"gone\"}",
                 "expect": {"error": {"variant": "CustomKeyStoreNotFoundException", "message": "gone",
                                      "status": 400, "request_id": "r-1", "code": "CustomKeyStoreNotFoundException"}}}]"#,
        )],
    );
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(passed, 2, "both cases ran");
}

#[test]
fn debug_output_parses_into_a_tree() {
    use DebugTree::*;
    let text = r#"Outer { a: Some("x \"q\" \\ \n \u{1f600}"), b: None, c: [1, -2.5, 1e-7, NaN, -inf], d: {"k": Unit, "l": Tuple(true, 'c')}, e: <redacted>, f: Blob(11 bytes), g: Object {"n": Number(1)}, h: Array [Null], i: Inner { .. }, j: Empty, k: Part { x: 1, .. } }"#;
    let tree = parse_debug(text).expect("parses");
    let Struct(name, fields, false) = &tree else {
        panic!("{tree:?}")
    };
    assert_eq!(name, "Outer");
    let field = |f: &str| &fields.iter().find(|(n, _)| n == f).expect(f).1;
    assert_eq!(
        field("a"),
        &Tuple("Some".into(), vec![Str("x \"q\" \\ \n \u{1f600}".into())])
    );
    assert_eq!(field("b"), &Unit("None".into()));
    assert_eq!(
        field("c"),
        &Seq(vec![
            Number("1".into()),
            Number("-2.5".into()),
            Number("1e-7".into()),
            Unit("NaN".into()),
            Unit("-inf".into())
        ])
    );
    assert_eq!(
        field("d"),
        &Map(vec![
            (Str("k".into()), Unit("Unit".into())),
            (
                Str("l".into()),
                Tuple("Tuple".into(), vec![Unit("true".into()), Char('c')])
            )
        ])
    );
    assert_eq!(field("e"), &Redacted("<redacted>".into()));
    assert_eq!(
        field("f"),
        &Tuple("Blob".into(), vec![Raw("11 bytes".into())])
    );
    assert_eq!(
        field("g"),
        &Tuple(
            "Object".into(),
            vec![Map(vec![(
                Str("n".into()),
                Tuple("Number".into(), vec![Number("1".into())])
            )])]
        )
    );
    assert_eq!(
        field("h"),
        &Tuple("Array".into(), vec![Seq(vec![Unit("Null".into())])])
    );
    assert_eq!(field("i"), &Struct("Inner".into(), vec![], true));
    assert_eq!(field("j"), &Unit("Empty".into()));
    assert_eq!(
        field("k"),
        &Struct("Part".into(), vec![("x".into(), Number("1".into()))], true)
    );
    // Real Debug output of the crate's types reads back.
    let entry = api::types::CustomKeyStoresListEntry::builder()
        .custom_key_store_id("cks-1")
        .connection_state(api::types::ConnectionStateType::from("SOMETHING_NEW"))
        .build();
    assert!(parse_debug(&format!("{entry:?}")).is_ok(), "{entry:?}");
    for broken in ["Name {", "[1, 2", "\"open", "Name(1", "{\"k\": }"] {
        assert!(parse_debug(broken).is_err(), "{broken} is refused");
    }
}

/// The walk names the wrong variant, for enums inside lists, maps and unions, and for unions
/// themselves; it accepts redaction only where the model says @sensitive.
#[test]
fn the_variant_walk_catches_wrong_variants() {
    let facts = ModelFacts::new(serde_json::json!({
        "operations": {"Op": {"input": null, "output": "t#Out"}},
        "shapes": {
            "t#Out": {"type": "structure", "members": {
                "States": {"target": "t#States", "field": "states", "sensitive": false},
                "ByName": {"target": "t#ByName", "field": "by_name", "sensitive": false},
                "Choice": {"target": "t#Choice", "field": "choice", "sensitive": false},
                "Secret": {"target": "t#State", "field": "secret", "sensitive": true},
                "Plain": {"target": "t#State", "field": "plain", "sensitive": false}}},
            "t#States": {"type": "list", "member": "t#State", "sensitive": false},
            "t#ByName": {"type": "map", "value": "t#State", "sensitive": false},
            "t#Choice": {"type": "union", "members": {
                "state": {"target": "t#State", "variant": "State", "sensitive": false},
                "count": {"target": "smithy.api#Integer", "variant": "Count", "sensitive": false}}},
            "t#State": {"type": "enum", "values": {
                "ON": {"member": "ON", "variant": "On"},
                "OFF": {"member": "OFF", "variant": "Off"}}}
        }
    }));
    let expected = serde_json::json!({
        "States": ["ON", "OFF", "NEW"], "ByName": {"a": "ON"}, "Choice": {"state": "OFF"},
        "Secret": "ON", "Plain": "OFF"
    });
    let right = "Out { states: Some([On, Off, Unknown(UnknownValue(\"NEW\"))]), by_name: Some({\"a\": On}), choice: Some(State(Off)), secret: Some(<redacted>), plain: Some(Off) }";
    facts
        .check_value("Op", Side::Output, &expected, right)
        .expect("the right variants pass");
    assert_eq!(facts.enums_checked.get(), 6);
    assert_eq!(facts.unions_checked.get(), 1);
    for (wrong, says) in [
        (
            right.replace("[On, Off", "[Off, Off"),
            "output.States[0]: the enum value \"ON\"",
        ),
        (
            right.replace("Unknown(UnknownValue(\"NEW\"))", "On"),
            "must be the variant Unknown",
        ),
        (
            right.replace("{\"a\": On}", "{\"a\": Off}"),
            "output.ByName.a",
        ),
        (
            right.replace("State(Off)", "State(On)"),
            "output.Choice.state",
        ),
        (
            right.replace("State(Off)", "Count(1)"),
            "the union member \"state\" must be the variant State",
        ),
        (
            right.replace("plain: Some(Off)", "plain: Some(<redacted>)"),
            "output.Plain: Debug redacts it",
        ),
        (right.replace("by_name", "by_nam"), "has no field `by_name`"),
    ] {
        let error = facts
            .check_value("Op", Side::Output, &expected, &wrong)
            .expect_err(&wrong);
        assert!(error.contains(says), "{says:?} in {error}");
    }
}

/// What the cases made from a model's examples expect beyond the example's own values.
/// Plans a small awsJson1_1 model whose one operation has `examples`.
fn service_with_examples(examples: Value) -> codegen::ir::Service {
    let model = json!({
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}],
                       "traits": {"aws.protocols#awsJson1_1": {}}},
            "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"},
                      "output": {"target": "ex#OpOutput"},
                      "traits": {"smithy.api#examples": examples}},
            "ex#OpInput": {"type": "structure", "members": {
                "Name": {"target": "smithy.api#String"},
                "Limit": {"target": "smithy.api#Integer",
                          "traits": {"smithy.api#required": {}, "smithy.api#default": 5}},
                "Page": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 1}},
                "Inner": {"target": "ex#Inner"},
                "Token": {"target": "smithy.api#String",
                          "traits": {"smithy.api#idempotencyToken": {}}}
            }},
            "ex#OpOutput": {"type": "structure", "members": {
                "Inners": {"target": "ex#InnerList"},
                "When": {"target": "smithy.api#Timestamp"}
            }},
            "ex#InnerList": {"type": "list", "member": {"target": "ex#Inner"}},
            "ex#Inner": {"type": "structure", "members": {
                "Tag": {"target": "smithy.api#String", "traits": {"smithy.api#default": "t"}},
                "Count": {"target": "smithy.api#Integer"},
                "Score": {"target": "smithy.api#Float"}
            }}
        }
    });
    let dir = std::env::temp_dir().join(format!("wire-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("model.json");
    std::fs::write(&path, model.to_string()).expect("the model is written");
    let options = codegen::Options {
        models: vec![path],
        ..Default::default()
    };
    codegen::generate(&options)
        .expect("the model generates")
        .service
}

#[test]
fn example_cases_expect_the_defaults_and_tokens_a_client_adds() {
    let service = service_with_examples(json!([
        {"title": "one", "input": {"Name": "n", "Inner": {"Count": 1}},
         "output": {"Inners": [{"Count": 2, "Score": 0.9375374913215637}, {"Tag": "u"}]}},
        {"title": "date-time string", "input": {}, "output": {"When": "2016-08-29T16:13:47.298Z"}},
        {"title": "epoch number", "input": {"Token": "mine"}, "output": {"When": 1472487227.298}}
    ]));
    let result = codegen::wire_cases::from_examples(&service);
    let token = codegen::wire_cases::EXAMPLE_IDEMPOTENCY_TOKEN;
    let body = |case: &Value| -> Value {
        serde_json::from_str(case["expect"]["body"].as_str().unwrap_or_default())
            .unwrap_or_default()
    };
    // The request: the required default (`Limit`) and the nested one (`Tag`) are sent, the
    // input's optional default (`Page`) is not; the token is given in input and body.
    let first = &result.cases[0];
    assert_eq!(
        body(first),
        json!({"Name": "n", "Inner": {"Count": 1, "Tag": "t"}, "Limit": 5, "Token": token})
    );
    assert_eq!(
        first["input"],
        json!({"Name": "n", "Inner": {"Count": 1}, "Token": token})
    );
    // The response: every default, at every level, is in the parsed output, and a `float`
    // reads as the nearest `f32` (AWS examples write an `f64`'s digits).
    assert_eq!(
        result.cases[1]["expect"]["output"],
        json!({"Inners": [{"Count": 2, "Tag": "t", "Score": 0.9375375}, {"Tag": "u"}]})
    );
    // A date-time string where the wire has epoch seconds is not wire data: left out.
    assert_eq!(result.skipped.len(), 1, "{:?}", result.skipped);
    assert!(result.skipped[0].contains("date-time string"));
    // A token the example gives is kept.
    let last = &result.cases[result.cases.len() - 2];
    assert_eq!(body(last)["Token"], json!("mine"));
    assert_eq!(result.cases.len(), 4);
}
