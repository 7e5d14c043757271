//! Wire-test cases derived from a model's `smithy.api#examples`, in the data-driven case
//! format of the workspace's wire tests: each example's input must serialize to exactly that
//! body, and its output must parse to exactly that output (members with a model default appear
//! with their default when the example leaves them out). An `@idempotencyToken` member the
//! input leaves out is given [`EXAMPLE_IDEMPOTENCY_TOKEN`], in the input and the body alike.

use crate::plan::ir::{RustType, Service, Structure, TimestampFormat, TypeRef};
use serde_json::{json, Value};

/// The cases, and the examples left out because their values are not wire data (AWS models
/// write placeholders such as `"<binary data>"` for blobs).
#[derive(Debug, Default)]
pub struct ExampleCases {
    /// Case objects in the wire-case format.
    pub cases: Vec<Value>,
    /// `Operation: title: why` for each example left out.
    pub skipped: Vec<String>,
}

/// One request case per example, and one response case per example with an output.
pub fn from_examples(service: &Service) -> ExampleCases {
    let mut result = ExampleCases::default();
    let cases = &mut result.cases;
    for op in &service.operations {
        for (i, example) in op.examples.iter().enumerate() {
            let name = format!("{}-example-{i}-{}", op.wire_name, example.title);
            let output_fits = example
                .output
                .as_ref()
                .is_none_or(|output| fits_structure(service, &op.output, output));
            if !fits_structure(service, &op.input, &example.input) || !output_fits {
                result.skipped.push(format!(
                    "{}: {}: a value is not valid wire data (a placeholder?)",
                    op.wire_name, example.title
                ));
                continue;
            }
            let headers = json!({"X-Amz-Target": op.target_header, "Content-Type": service.protocol.content_type()});
            let mut input = example.input.clone();
            let mut body = input.clone();
            if let Some(structure) = service.structure(&op.input.id) {
                give_idempotency_tokens(structure, &mut input);
                give_idempotency_tokens(structure, &mut body);
                fill_defaults(service, structure, &mut body, Sent::Input);
            }
            cases.push(json!({
                "kind": "request", "name": name, "operation": op.wire_name, "input": input,
                "expect": {"method": "POST", "uri": "/", "headers": headers, "body": body.to_string()},
            }));
            if let Some(output) = &example.output {
                let mut expected = output.clone();
                if let Some(structure) = service.structure(&op.output.id) {
                    fill_defaults(service, structure, &mut expected, Sent::Output);
                }
                cases.push(json!({
                    "kind": "response", "name": name, "operation": op.wire_name, "status": 200,
                    "headers": {}, "body": output.to_string(), "expect": {"output": expected},
                }));
            }
        }
    }
    result
}

fn fits_structure(service: &Service, name: &TypeRef, value: &Value) -> bool {
    let Some(structure) = service.structure(&name.id) else {
        return true;
    };
    let Some(object) = value.as_object() else {
        return false;
    };
    structure.members.iter().all(|m| {
        object
            .get(&m.wire_name)
            .is_none_or(|v| fits(service, &m.ty, v))
    })
}

/// Whether an example value can be read as the type (blobs must be base64, and an
/// epoch-seconds timestamp a number: AWS models often write them as date-time strings).
fn fits(service: &Service, ty: &RustType, value: &Value) -> bool {
    match (ty, value) {
        (_, Value::Null) => true,
        (RustType::Blob, Value::String(text)) => is_base64(text),
        (RustType::Blob, _) => false,
        (RustType::Timestamp(TimestampFormat::EpochSeconds), value) => value.is_number(),
        (RustType::Structure { name, .. }, _) => fits_structure(service, name, value),
        (RustType::List(item) | RustType::SparseList(item), Value::Array(items)) => {
            items.iter().all(|v| fits(service, item, v))
        }
        (RustType::Map(item) | RustType::SparseMap(item), Value::Object(entries)) => {
            entries.values().all(|v| fits(service, item, v))
        }
        _ => true,
    }
}

/// Standard base64 with padding.
fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    text.len().is_multiple_of(4)
        && text.len() - body.len() <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// The token an example's request is given for each `@idempotencyToken` member it leaves
/// out. A client fills such a member with a fresh token, so the body of an example that
/// leaves it out is not known in advance; given one, the body is the example's plus the token.
pub const EXAMPLE_IDEMPOTENCY_TOKEN: &str = "00000000-0000-4000-8000-000000000000";

fn give_idempotency_tokens(structure: &Structure, value: &mut Value) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    for member in structure.members.iter().filter(|m| m.idempotency_token) {
        object
            .entry(member.wire_name.clone())
            .or_insert_with(|| Value::from(EXAMPLE_IDEMPOTENCY_TOKEN));
    }
}

/// Which defaults a value holds beyond what the example gives.
#[derive(Clone, Copy, PartialEq)]
enum Sent {
    /// The body a client sends for an operation's input: the input's required members with
    /// a default, and every default of the structures inside it (smithy.io, "Default value
    /// serialization"; the optional members of the input itself are sent only when set).
    Input,
    /// What a structure inside a sent input holds: every default.
    Nested,
    /// An output as a client reads it: every default, at every level.
    Output,
}

/// Adds the defaults of `structure`'s members that `value` leaves out (see [`Sent`]), and
/// those of the structures, lists and maps inside it.
fn fill_defaults(service: &Service, structure: &Structure, value: &mut Value, sent: Sent) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    let inner = if sent == Sent::Output {
        Sent::Output
    } else {
        Sent::Nested
    };
    for member in &structure.members {
        if let Some(default) = &member.default {
            if sent != Sent::Input || member.required {
                object
                    .entry(member.wire_name.clone())
                    .or_insert_with(|| default.to_json());
            }
        }
        if let Some(value) = object.get_mut(&member.wire_name) {
            fill_within(service, &member.ty, value, inner);
        }
    }
}

/// [`fill_defaults`] for the structures inside a value of type `ty`; in an output, a `float`
/// (an `f32`) as it reads: AWS examples write such values with an `f64`'s digits.
fn fill_within(service: &Service, ty: &RustType, value: &mut Value, sent: Sent) {
    match (ty, value) {
        (RustType::Float, value) if sent == Sent::Output => {
            if let Some(number) = value.as_f64().filter(|n| n.is_finite()) {
                // The shortest text of the nearest `f32`, which is how the crate reads it.
                let read = number as f32;
                if let Ok(as_read) = serde_json::from_str::<Value>(&read.to_string()) {
                    *value = as_read;
                }
            }
        }
        (RustType::Structure { name, .. }, value) => {
            if let Some(structure) = service.structure(&name.id) {
                fill_defaults(service, structure, value, sent);
            }
        }
        (RustType::List(item) | RustType::SparseList(item), Value::Array(items)) => {
            for value in items {
                fill_within(service, item, value, sent);
            }
        }
        (RustType::Map(item) | RustType::SparseMap(item), Value::Object(entries)) => {
            for value in entries.values_mut() {
                fill_within(service, item, value, sent);
            }
        }
        _ => {}
    }
}
