//! Data-driven wire tests: every `*.json` case file under `tests/wire/`, and under
//! `$WIRE_CASES_DIR` when set, run against the generated crate. A file is an array of cases:
//!
//! - `{"kind": "request", "name", "operation", "input", "expect": {"method", "uri", "headers", "body"}}`:
//!   the input (wire JSON) is serialized and compared; the body as JSON, numbers by value,
//!   headers by name case-insensitively (listed headers must match, others may exist).
//! - `{"kind": "response", "name", "operation", "status", "headers", "body", "expect": {"output" | "error"}}`:
//!   the response is parsed; an output is re-serialized and must equal `expect.output`
//!   exactly; an error must be `expect.error.variant` (the modelled error's wire name or
//!   `Unhandled`) with the optional `code`, `message`, `status` and `request_id`.
//! - A request case may expect `{"rejected": "<member path>"}` instead.
//!
//! Keys left out of `expect` are not checked. Every failure is reported with its file, name and
//! a diff, and the count of cases run is printed, so an empty directory cannot pass silently.

use kms_api::operations::connect_custom_key_store::ConnectCustomKeyStore;
use kms_api::operations::create_custom_key_store::CreateCustomKeyStore;
use kms_api::operations::delete_custom_key_store::DeleteCustomKeyStore;
use kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStores;
use kms_api::operations::disconnect_custom_key_store::DisconnectCustomKeyStore;
use kms_api::operations::update_custom_key_store::UpdateCustomKeyStore;
use kms_api::wire::{Operation, OperationError};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::{Path, PathBuf};
use workspace_tests::root;

/// One case, with where it came from.
struct Case {
    file: PathBuf,
    name: String,
    body: Value,
}

/// Runs a case against one operation type.
fn run_case<O>(case: &Value) -> Result<(), String>
where
    O: Operation,
    O::Input: DeserializeOwned,
    O::Output: serde::Serialize,
{
    let expect = field(case, "expect")?;
    match field(case, "kind")?.as_str() {
        Some("request") => {
            let parsed: Result<O::Input, _> =
                serde_path_to_error::deserialize(field(case, "input")?.clone());
            if let Some(path) = expect.get("rejected") {
                let path = path
                    .as_str()
                    .ok_or("`expect.rejected` must be a member path")?;
                return check_rejected::<O>(path, parsed);
            }
            let input = parsed.map_err(|e| {
                format!(
                    "`input` does not fit {}: {e}",
                    std::any::type_name::<O::Input>()
                )
            })?;
            let request =
                O::serialize_request(&input).map_err(|e| format!("serialization failed: {e}"))?;
            check_request(expect, &request)
        }
        Some("response") => {
            let status = field(case, "status")?
                .as_u64()
                .and_then(|s| u16::try_from(s).ok())
                .ok_or("`status` must be a number")?;
            let headers = header_map(field(case, "headers")?)?;
            let body = field(case, "body")?
                .as_str()
                .ok_or("`body` must be a string")?;
            let result = O::parse_response_parts(status, &headers, body.as_bytes());
            match (result, expect.get("output"), expect.get("error")) {
                (Ok(output), Some(expected), _) => {
                    let actual = serde_json::to_value(&output).map_err(|e| e.to_string())?;
                    compare_json("output", expected, &actual)
                }
                (Err(error), _, Some(expected)) => check_error(expected, &error),
                (Ok(output), None, _) => Err(format!(
                    "expected an error, got output {}",
                    serde_json::to_string(&output).unwrap_or_default()
                )),
                (Err(error), _, None) => Err(format!("expected output, got error {error:?}")),
            }
        }
        other => Err(format!("unknown case kind {other:?}")),
    }
}

/// A `rejected` case passes when the input cannot be built because a required member at
/// `path` is missing (the types enforce `required`), or when serialization refuses it with a
/// violation at `path`.
fn check_rejected<O: Operation>(
    path: &str,
    parsed: Result<O::Input, serde_path_to_error::Error<serde_json::Error>>,
) -> Result<(), String> {
    let input = match parsed {
        Ok(input) => input,
        Err(error) => {
            let message = error.inner().to_string();
            let missing = message
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next());
            let at = error.path().to_string();
            let missing_path = match (missing, at.as_str()) {
                (Some(member), ".") => member.to_owned(),
                (Some(member), parent) => format!("{parent}.{member}"),
                (None, _) => return Err(format!("`input` does not fit the input type: {error}")),
            };
            return if missing_path == path {
                Ok(())
            } else {
                Err(format!("expected a rejection at {path}, but the required member {missing_path} is missing"))
            };
        }
    };
    match O::serialize_request(&input) {
        Ok(request) => Err(format!(
            "expected a rejection at {path}, but the input was accepted: {}",
            String::from_utf8_lossy(request.body())
        )),
        Err(error) if error.violations().iter().any(|v| v.path() == path) => Ok(()),
        Err(error) => Err(format!("rejected, but not at {path}: {error}")),
    }
}

fn field<'a>(value: &'a Value, key: &str) -> Result<&'a Value, String> {
    value
        .get(key)
        .ok_or_else(|| format!("the case has no `{key}`"))
}

fn header_map(headers: &Value) -> Result<http::HeaderMap, String> {
    let mut map = http::HeaderMap::new();
    for (name, value) in headers.as_object().ok_or("`headers` must be an object")? {
        let value = value
            .as_str()
            .ok_or_else(|| format!("header {name} must be a string"))?;
        let name = http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| format!("header {name}: {e}"))?;
        map.insert(
            name,
            http::HeaderValue::from_str(value).map_err(|e| e.to_string())?,
        );
    }
    Ok(map)
}

fn check_request(expect: &Value, request: &http::Request<Vec<u8>>) -> Result<(), String> {
    let mut problems = Vec::new();
    if let Some(method) = expect.get("method").and_then(Value::as_str) {
        if request.method().as_str() != method {
            problems.push(format!(
                "method: expected {method}, got {}",
                request.method()
            ));
        }
    }
    if let Some(uri) = expect.get("uri").and_then(Value::as_str) {
        if *request.uri() != uri {
            problems.push(format!("uri: expected {uri}, got {}", request.uri()));
        }
    }
    if let Some(headers) = expect.get("headers").and_then(Value::as_object) {
        for (name, value) in headers {
            let actual = request
                .headers()
                .get(name.as_str())
                .and_then(|v| v.to_str().ok());
            if actual != value.as_str() {
                problems.push(format!("header {name}: expected {value}, got {actual:?}"));
            }
        }
    }
    if let Some(body) = expect.get("body").and_then(Value::as_str) {
        let expected: Value =
            serde_json::from_str(body).map_err(|e| format!("`expect.body` is not JSON: {e}"))?;
        let actual: Value = serde_json::from_slice(request.body())
            .map_err(|e| format!("the request body is not JSON: {e}"))?;
        if let Err(diff) = compare_json("body", &expected, &actual) {
            problems.push(diff);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn check_error<E: OperationError + std::fmt::Debug>(
    expected: &Value,
    error: &E,
) -> Result<(), String> {
    let variant = expected
        .get("variant")
        .and_then(Value::as_str)
        .ok_or("`expect.error.variant` must be a string")?;
    let unhandled = error.as_unhandled();
    let actual_variant = if unhandled.is_some() {
        "Unhandled"
    } else {
        error.code().unwrap_or("?")
    };
    let mut problems = Vec::new();
    if actual_variant != variant {
        problems.push(format!(
            "variant: expected {variant}, got {actual_variant} ({error:?})"
        ));
    }
    let mut check = |key: &str, actual: Option<Value>| {
        if let Some(want) = expected.get(key) {
            let actual = actual.unwrap_or(Value::Null);
            if !json_equal(want, &actual) {
                problems.push(format!("{key}: expected {want}, got {actual}"));
            }
        }
    };
    check("code", error.code().map(Value::from));
    check("message", error.message().map(Value::from));
    check("status", unhandled.map(|u| Value::from(u.http_status())));
    check(
        "request_id",
        unhandled.and_then(|u| u.request_id()).map(Value::from),
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// JSON equality with numbers compared by value (`1600000000` equals `1600000000.0`).
fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => x.as_f64() == y.as_f64(),
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_equal(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}

fn compare_json(what: &str, expected: &Value, actual: &Value) -> Result<(), String> {
    if json_equal(expected, actual) {
        return Ok(());
    }
    let mut lines = vec![format!("{what} differs:")];
    diff_json("", expected, actual, &mut lines);
    Err(lines.join("\n"))
}

/// Lists the paths at which two JSON values differ.
fn diff_json(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for key in keys {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match (x.get(key), y.get(key)) {
                    (Some(a), Some(b)) => diff_json(&at, a, b, out),
                    (Some(a), None) => out.push(format!("  - {at}: expected {a}, missing")),
                    (None, Some(b)) => out.push(format!("  + {at}: unexpected {b}")),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (a, b)) in x.iter().zip(y).enumerate() {
                diff_json(&format!("{path}[{i}]"), a, b, out);
            }
        }
        _ if !json_equal(expected, actual) => {
            out.push(format!("  ~ {path}: expected {expected}, got {actual}"))
        }
        _ => {}
    }
}

fn dispatch(case: &Value) -> Result<(), String> {
    match field(case, "operation")?.as_str() {
        Some("ConnectCustomKeyStore") => run_case::<ConnectCustomKeyStore>(case),
        Some("CreateCustomKeyStore") => run_case::<CreateCustomKeyStore>(case),
        Some("DeleteCustomKeyStore") => run_case::<DeleteCustomKeyStore>(case),
        Some("DescribeCustomKeyStores") => run_case::<DescribeCustomKeyStores>(case),
        Some("DisconnectCustomKeyStore") => run_case::<DisconnectCustomKeyStore>(case),
        Some("UpdateCustomKeyStore") => run_case::<UpdateCustomKeyStore>(case),
        other => Err(format!("unknown operation {other:?}")),
    }
}

/// Cases derived from the model's `smithy.api#examples`: each example's input must serialize to
/// exactly that body, and its output must parse to exactly that output (members with a model
/// default, like `Truncated`, appear with their default when the example leaves them out).
fn example_cases(cases: &mut Vec<Case>) {
    let service = workspace_tests::generate_bundled().service;
    let structures: std::collections::BTreeMap<_, _> = service
        .structures
        .iter()
        .map(|s| (s.name.clone(), s))
        .collect();
    for op in &service.operations {
        for (i, example) in op.examples.iter().enumerate() {
            let name = format!("{}-example-{i}-{}", op.wire_name, example.title);
            let headers = serde_json::json!({"X-Amz-Target": op.target_header, "Content-Type": "application/x-amz-json-1.1"});
            let request = serde_json::json!({
                "kind": "request", "name": name, "operation": op.wire_name, "input": example.input,
                "expect": {"method": "POST", "uri": "/", "headers": headers, "body": example.input.to_string()},
            });
            cases.push(Case {
                file: PathBuf::from("models/ (smithy.api#examples)"),
                name: name.clone(),
                body: request,
            });
            if let Some(output) = &example.output {
                let mut expected = output.clone();
                if let Some(structure) = structures.get(&op.output) {
                    fill_defaults(structure, &mut expected);
                }
                let response = serde_json::json!({
                    "kind": "response", "name": name, "operation": op.wire_name, "status": 200,
                    "headers": {}, "body": output.to_string(), "expect": {"output": expected},
                });
                cases.push(Case {
                    file: PathBuf::from("models/ (smithy.api#examples)"),
                    name,
                    body: response,
                });
            }
        }
    }
}

fn fill_defaults(structure: &codegen::plan::ir::Structure, value: &mut Value) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    for member in &structure.members {
        if let Some(default) = &member.default {
            object
                .entry(member.wire_name.clone())
                .or_insert_with(|| default.clone());
        }
    }
}

fn load_cases(dir: &Path, cases: &mut Vec<Case>, problems: &mut Vec<String>) {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            problems.push(format!("{}: cannot read the directory: {e}", dir.display()));
            return;
        }
    };
    files.sort();
    for file in files {
        let parsed = std::fs::read_to_string(&file)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()));
        match parsed {
            Ok(Value::Array(items)) => {
                for (i, body) in items.into_iter().enumerate() {
                    let name = body
                        .get("name")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                        .unwrap_or_else(|| format!("#{i}"));
                    cases.push(Case {
                        file: file.clone(),
                        name,
                        body,
                    });
                }
            }
            Ok(_) => problems.push(format!(
                "{}: a case file must hold a JSON array",
                file.display()
            )),
            Err(e) => problems.push(format!("{}: {e}", file.display())),
        }
    }
}

#[test]
fn wire_cases() {
    let mut dirs = vec![root().join("tests/wire")];
    if let Some(extra) = std::env::var_os("WIRE_CASES_DIR") {
        dirs.push(PathBuf::from(extra));
    }
    let (mut cases, mut failures) = (Vec::new(), Vec::new());
    for dir in &dirs {
        load_cases(dir, &mut cases, &mut failures);
    }
    let from_files = cases.len();
    example_cases(&mut cases);
    assert!(
        cases.len() - from_files >= 10,
        "every model example becomes a case"
    );
    let mut passed = 0;
    for case in &cases {
        match dispatch(&case.body) {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!(
                "{} :: {}\n{}",
                case.file.display(),
                case.name,
                indent(&why)
            )),
        }
    }
    let failed = cases.len() - passed;
    for failure in &failures {
        eprintln!("FAILED {failure}\n");
    }
    // Written to the stdout handle, not with `println!`, so the count shows even when the
    // test passes and its output is captured.
    use std::io::Write;
    let _ = writeln!(
        std::io::stdout(),
        "wire cases from {}: {passed} passed, {failed} failed",
        dirs.iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(!cases.is_empty(), "no wire cases were found in {dirs:?}");
    assert!(
        failures.is_empty(),
        "{} of {} wire cases failed (see FAILED lines above)",
        failures.len(),
        cases.len()
    );
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
