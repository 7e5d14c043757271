//! Writes a random model's property test: random valid inputs must validate and survive
//! serialize-then-parse unchanged, inputs with one constraint broken must be refused by
//! `validate()` and `serialize_request`, valid responses must parse the same through the fast
//! path and serde and survive a round trip, modelled errors must come back as their typed
//! variant, and hostile response bodies must never panic. The values are data the generator
//! drew from its own facts about the model; the test code is one fixed harness.

use super::model::{Model, NAMESPACE};
use super::node::Node;
use super::rng::Rng;
use super::values;
use std::fmt::Write;

/// How many valid values of each operation's input and output the test checks.
const VALUES_PER_SIDE: usize = 6;

/// One case: operation wire name, what to check, the JSON body.
type Case = (String, String, String);

/// The cases for every operation of `model`.
fn cases(model: &Model, rng: &mut Rng) -> Vec<Case> {
    let mut cases = Vec::new();
    for op in &model.operations {
        let name = &op.name;
        for _ in 0..VALUES_PER_SIDE {
            let (valid, invalid) =
                values::structure_value(rng, model, &format!("{NAMESPACE}#{}", op.input));
            cases.push((name.clone(), "input".to_owned(), valid.to_json()));
            if let Some((path, invalid)) = invalid {
                cases.push((
                    name.clone(),
                    format!("invalid-input:{path}"),
                    invalid.to_json(),
                ));
            }
            let (output, _) =
                values::structure_value(rng, model, &format!("{NAMESPACE}#{}", op.output));
            let body = output.to_json();
            for hostile in values::hostile_bodies(rng, &body) {
                cases.push((name.clone(), "hostile".to_owned(), hostile));
            }
            cases.push((name.clone(), "output".to_owned(), body));
        }
        for error in &op.errors {
            let (value, _) = values::structure_value(rng, model, &format!("{NAMESPACE}#{error}"));
            let Node::Object(mut members) = value else {
                continue;
            };
            members.insert(0, ("__type".to_owned(), Node::str(error)));
            let body = Node::Object(members).to_json();
            cases.push((name.clone(), format!("error:{error}"), body));
        }
    }
    cases
}

/// The test file for the crate generated from `model`.
pub fn write(model: &Model, generation: &codegen::Generation) -> String {
    let mut rng = Rng::new(model.seed ^ 0x5EED_CA5E);
    let krate = generation.service.crate_name.replace('-', "_");
    let mut arms = String::new();
    for op in &generation.service.operations {
        // A module named after a keyword stays a raw identifier (`r#match`) in the path.
        let module = &op.module;
        let _ = writeln!(
            arms,
            "        {:?} => run::<api::operations::{module}::{}>(kind, body),",
            op.wire_name, op.rust_name
        );
    }
    let mut table = String::new();
    for (op, kind, body) in cases(model, &mut rng) {
        let _ = writeln!(table, "    ({op:?}, {kind:?}, {body:?}),");
    }
    format!(
        r#"//! Property test for the random model of seed {seed}, written by `cargo xtask fuzz-models`.
// Deprecated shapes and members are still tested.
#![allow(deprecated)]

use {krate} as api;
use api::validation::Validate;
use api::wire::{{from_json_str, to_json, Operation, OperationError, RequestError}};

/// (operation, what to check, JSON body)
const CASES: &[(&str, &str, &str)] = &[
{table}];

#[test]
fn properties() {{
    let mut failures = Vec::new();
    for (op, kind, body) in CASES {{
        let outcome = std::panic::catch_unwind(|| dispatch(op, kind, body))
            .unwrap_or_else(|_| Err("panicked".to_owned()));
        if let Err(why) = outcome {{
            failures.push(format!("{{op}} {{kind}}: {{why}}\n    body: {{body}}"));
        }}
    }}
    assert!(failures.is_empty(), "{{}} of {{}} cases failed:\n{{}}", failures.len(), CASES.len(), failures.join("\n"));
}}

fn dispatch(op: &str, kind: &str, body: &str) -> Result<(), String> {{
    match op {{
{arms}        other => Err(format!("no operation {{other}}")),
    }}
}}

fn run<O>(kind: &str, body: &str) -> Result<(), String>
where
    O: Operation,
    O::Input: serde::de::DeserializeOwned + std::fmt::Debug + PartialEq,
    O::Output: serde::Serialize + std::fmt::Debug + PartialEq,
{{
    let headers = http::HeaderMap::new();
    match kind {{
        "input" => {{
            let input: O::Input = from_json_str(body).map_err(|e| format!("a valid input does not deserialize: {{e}}"))?;
            input.validate().map_err(|e| format!("validate() refuses a valid input: {{e}}"))?;
            let request = O::serialize_request(&input).map_err(|e| format!("serialize_request refuses a valid input: {{e}}"))?;
            let text = std::str::from_utf8(request.body()).map_err(|e| format!("the request body is not UTF-8: {{e}}"))?;
            let back: O::Input = from_json_str(text).map_err(|e| format!("the request body does not parse back: {{e}}"))?;
            if back != input {{
                return Err(format!("serialize then parse changed the input:\n    before {{input:?}}\n    after  {{back:?}}"));
            }}
            Ok(())
        }}
        broken if broken.starts_with("invalid-input:") => {{
            let input: O::Input = from_json_str(body).map_err(|e| format!("an input breaking a constraint does not deserialize: {{e}}"))?;
            if input.validate().is_ok() {{
                return Err("validate() accepts an input that breaks a constraint".to_owned());
            }}
            match O::serialize_request(&input) {{
                Err(RequestError::Invalid(_)) => Ok(()),
                other => Err(format!("serialize_request does not refuse an invalid input: {{:?}}", other.map(|r| r.body().len()))),
            }}
        }}
        "output" => {{
            let parsed = O::parse_response_parts(200, &headers, body.as_bytes()).map_err(|e| format!("a valid response does not parse: {{e}}"))?;
            let reference: O::Output = from_json_str(body).map_err(|e| format!("serde does not read a valid response: {{e}}"))?;
            if reference != parsed {{
                return Err(format!("the fast path and serde disagree:\n    fast  {{parsed:?}}\n    serde {{reference:?}}"));
            }}
            let mut again = Vec::new();
            to_json(&parsed, &mut again).map_err(|e| e.to_string())?;
            let back = O::parse_response_parts(200, &headers, &again).map_err(|e| format!("the output serialized does not parse back: {{e}}"))?;
            if back != parsed {{
                return Err(format!("serialize then parse changed the output:\n    before {{parsed:?}}\n    after  {{back:?}}"));
            }}
            Ok(())
        }}
        "hostile" => {{
            for status in [200, 400, 500] {{
                let _ = O::parse_response_parts(status, &headers, body.as_bytes());
            }}
            Ok(())
        }}
        error => {{
            let code = error.trim_start_matches("error:");
            match O::parse_response_parts(400, &headers, body.as_bytes()) {{
                Ok(_) => Err("an error response parsed as the output".to_owned()),
                Err(e) if e.code() == Some(code) && e.as_unhandled().is_none() => Ok(()),
                Err(e) => Err(format!("error {{code}} came back as {{e:?}} (code {{:?}})", e.code())),
            }}
        }}
    }}
}}
"#,
        seed = model.seed
    )
}
