// The wire-case runner, shared by the workspace's own wire tests (against `generated/`) and
// by `cargo xtask verify-models` (against each model's generated crate). It is `include!`d
// into a test file that brings the crate under test into scope as `api` and defines
// `dispatch`, so this file names no particular crate. See tests/wire_cases.rs for the format.

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Where the loader keeps the exact text of a case's `input`.
const RAW_INPUT: &str = "__raw_input";

/// The exact text of every case's `input` in a case file (an array, or `{"cases": [...]}`).
fn raw_inputs(text: &str) -> Vec<Option<String>> {
    #[derive(serde::Deserialize)]
    struct RawCase<'a> {
        #[serde(borrow, default)]
        input: Option<&'a serde_json::value::RawValue>,
    }
    #[derive(serde::Deserialize)]
    struct RawFile<'a> {
        #[serde(borrow)]
        cases: Vec<&'a serde_json::value::RawValue>,
    }
    let cases: Vec<&serde_json::value::RawValue> = serde_json::from_str(text)
        .or_else(|_| serde_json::from_str::<RawFile>(text).map(|file| file.cases))
        .unwrap_or_default();
    cases
        .into_iter()
        .map(|case| serde_json::from_str::<RawCase>(case.get()).ok().and_then(|c| c.input).map(|raw| raw.get().to_owned()))
        .collect()
}

/// One case, with where it came from.
struct Case {
    file: PathBuf,
    name: String,
    body: Value,
}

/// Runs a case against one operation type.
fn run_case<O>(case: &Value) -> Result<(), String>
where
    O: api::wire::Operation,
    O::Input: serde::de::DeserializeOwned,
    O::Output: serde::Serialize,
{
    let expect = field(case, "expect")?;
    match field(case, "kind")?.as_str() {
        Some("request") => {
            // The input is read from the case file's own text when available, so numbers beyond
            // f64 (bigInteger, bigDecimal, longs) reach the crate exactly.
            let parsed: Result<O::Input, _> = match case.get(RAW_INPUT).and_then(Value::as_str) {
                Some(raw) => serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(raw)),
                None => serde_path_to_error::deserialize(field(case, "input")?.clone()),
            };
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
            check_request(expect, &request)?;
            contains("body", expect.get("body_contains"), &String::from_utf8_lossy(request.body()))
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
                    let text = serde_json::to_string(&output).map_err(|e| e.to_string())?;
                    let actual: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
                    compare_json("output", expected, &actual)?;
                    contains("output", expect.get("output_contains"), &text)
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
fn check_rejected<O: api::wire::Operation>(
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

/// `body_contains` / `output_contains`: texts that must appear verbatim in the serialized
/// JSON, for what value comparison cannot see (the exact digits of big numbers).
fn contains(what: &str, expected: Option<&Value>, text: &str) -> Result<(), String> {
    let missing: Vec<&str> = expected
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|needle| !text.contains(needle))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("the {what} lacks {missing:?}: {text}"))
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
        let mut actual: Value = serde_json::from_slice(request.body())
            .map_err(|e| format!("the request body is not JSON: {e}"))?;
        // Members the client generates (idempotency tokens) must be present and non-empty;
        // their values are not compared.
        let generated = expect.get("generated").and_then(Value::as_array).cloned().unwrap_or_default();
        for name in generated.iter().filter_map(Value::as_str) {
            match actual.as_object_mut().and_then(|body| body.remove(name)) {
                Some(Value::String(token)) if !token.is_empty() => {}
                other => problems.push(format!("generated member {name}: expected a non-empty string, got {other:?}")),
            }
        }
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

fn check_error<E: api::wire::OperationError + std::fmt::Debug>(
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
    check("status", error.http_status().map(Value::from));
    check("request_id", error.request_id().map(Value::from));
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

/// Loads the cases of every `*.json` file in `dir` that target `model`: a file that is a plain
/// array targets the bundled model (`model == None`); a file `{"model": "x.json", "cases": [...]}`
/// targets that model file.
fn load_cases(dir: &Path, model: Option<&str>, cases: &mut Vec<Case>, problems: &mut Vec<String>) {
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
        let text = std::fs::read_to_string(&file).map_err(|e| e.to_string());
        let raw = text.as_deref().map(raw_inputs).unwrap_or_default();
        let parsed = text.and_then(|text| serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()));
        // A plain array targets the bundled model; `{"model", "cases"}` names its model.
        let items = match parsed {
            Ok(Value::Array(items)) if model.is_none() => Ok(Some(items)),
            Ok(Value::Array(_)) => Ok(None),
            Ok(Value::Object(mut file_object)) => match (file_object.remove("model"), file_object.remove("cases")) {
                (Some(Value::String(target)), Some(Value::Array(items))) => Ok((Some(target.as_str()) == model).then_some(items)),
                _ => Err("a case file object needs a string `model` and an array `cases`".to_owned()),
            },
            Ok(_) => Err("a case file must hold a JSON array or {\"model\", \"cases\"}".to_owned()),
            Err(e) => Err(e),
        };
        match items {
            Ok(None) => {}
            Ok(Some(items)) => {
                for (i, mut body) in items.into_iter().enumerate() {
                    if let (Some(object), Some(Some(input))) = (body.as_object_mut(), raw.get(i)) {
                        object.insert(RAW_INPUT.to_owned(), Value::String(input.clone()));
                    }
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
            Err(e) => problems.push(format!("{}: {e}", file.display())),
        }
    }
}

/// Runs every case, prints a summary line that cannot be captured, and returns the failures
/// (with file, name and a diff). Fails when no case ran at all.
fn run_suite(dirs: &[PathBuf], model: Option<&str>, extra: Vec<Case>, dispatch: fn(&Value) -> Result<(), String>) -> Vec<String> {
    let (mut cases, mut failures) = (Vec::new(), Vec::new());
    for dir in dirs {
        load_cases(dir, model, &mut cases, &mut failures);
    }
    cases.extend(extra);
    let mut passed = 0;
    for case in &cases {
        match dispatch(&case.body) {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!("{} :: {}\n{}", case.file.display(), case.name, indent(&why))),
        }
    }
    let failed = cases.len() - passed;
    for failure in &failures {
        eprintln!("FAILED {failure}\n");
    }
    // Written to the stdout handle, not with `println!`, so the count shows even when the
    // test passes and its output is captured.
    use std::io::Write;
    let dirs: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    let _ = writeln!(std::io::stdout(), "wire cases from {}: {passed} passed, {failed} failed", dirs.join(", "));
    if cases.is_empty() {
        failures.push(format!("no wire cases were found in {dirs:?}"));
    }
    failures
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
