// The wire-case runner, shared by the workspace's own wire tests (against `generated/`) and
// by `cargo xtask verify-models` (against each model's generated crate). It is `include!`d
// into a test file that brings the crate under test into scope as `api` and defines
// `dispatch`, so this file names no particular crate. See tests/wire_cases.rs for the format.
//
// Case files are checked strictly before anything runs: an unknown key, a value of the wrong
// JSON type or an unknown `kind` is a failing case naming its file, case and the problem, so a
// typo can never turn a check off. Parsed values are also checked against the model's facts
// (`ModelFacts`, read from the load stage by the caller, never from the planner): every enum
// value and union member in a case's input or expected output must be the Rust variant named
// after its model member, read off the value's `Debug` output (`DebugTree`).

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Where the loader keeps the exact text of a case's `input`.
const RAW_INPUT: &str = "__raw_input";

/// The exact text of every case's `input` in a case file (an array, or `{"cases": [...]}`).
fn raw_inputs(text: &str) -> Vec<Option<String>> {
    // Objects as maps of raw values: the generated crate's serde has no derive.
    type RawObject<'a> = std::collections::BTreeMap<String, &'a serde_json::value::RawValue>;
    let cases: Vec<&serde_json::value::RawValue> = serde_json::from_str(text)
        .or_else(|_| {
            serde_json::from_str::<RawObject>(text).map(|file| {
                file.get("cases")
                    .and_then(|cases| serde_json::from_str(cases.get()).ok())
                    .unwrap_or_default()
            })
        })
        .unwrap_or_default();
    cases
        .into_iter()
        .map(|case| {
            let case = serde_json::from_str::<RawObject>(case.get()).ok()?;
            let input = case.get("input")?.get();
            (input != "null").then(|| input.to_owned())
        })
        .collect()
}

/// One case, with where it came from.
struct Case {
    file: PathBuf,
    name: String,
    body: Value,
}

/// Runs a case against one operation type. The case has passed `case_problems` already.
fn run_case<O>(case: &Value, facts: &ModelFacts) -> Result<(), String>
where
    O: api::wire::Operation,
    O::Input: serde::de::DeserializeOwned + std::fmt::Debug,
    O::Output: serde::Serialize + std::fmt::Debug,
{
    let expect = field(case, "expect")?;
    let operation = str_field(case, "operation")?;
    match field(case, "kind")?.as_str() {
        Some("request") => {
            // The input is read from the case file's own text when available, so numbers beyond
            // f64 (bigInteger, bigDecimal, longs) reach the crate exactly; it is read by the
            // crate's own JSON reader, as the crate reads JSON.
            let raw = match case.get(RAW_INPUT).and_then(Value::as_str) {
                Some(raw) => raw.to_owned(),
                None => field(case, "input")?.to_string(),
            };
            let parsed: Result<O::Input, _> =
                serde_path_to_error::deserialize(&mut api::wire::JsonDeserializer::new(&raw));
            if let Some(path) = opt_str(expect, "rejected", "expect.rejected")? {
                return check_rejected::<O>(path, parsed);
            }
            let input = parsed.map_err(|e| {
                format!(
                    "`input` does not fit {}: {e}",
                    std::any::type_name::<O::Input>()
                )
            })?;
            // The input as parsed must hold the variants the model names for its values.
            facts.check_value(operation, Side::Input, field(case, "input")?, &format!("{input:?}"))?;
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
                    let text = written(&output)?;
                    let actual: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
                    let mut problems = Vec::new();
                    if let Err(diff) = compare_json("output", expected, &actual) {
                        problems.push(diff);
                    }
                    // The JSON round trip cannot see a value read as the wrong variant and
                    // written back as the right string: the variant itself is checked.
                    if let Err(wrong) = facts.check_value(operation, Side::Output, expected, &format!("{output:?}")) {
                        problems.push(wrong);
                    }
                    if let Err(missing) = contains("output", expect.get("output_contains"), &text) {
                        problems.push(missing);
                    }
                    if problems.is_empty() {
                        Ok(())
                    } else {
                        Err(problems.join("\n"))
                    }
                }
                (Err(error), _, Some(expected)) => check_error(expected, &error),
                (Ok(output), None, _) => Err(format!(
                    "expected an error, got output {}",
                    written(&output).unwrap_or_default()
                )),
                (Err(error), _, None) => Err(format!("expected output, got error {error:?}")),
            }
        }
        other => Err(format!("unknown case kind {other:?}")),
    }
}

/// `value` as the crate writes JSON.
fn written<T: serde::Serialize>(value: &T) -> Result<String, String> {
    let mut out = Vec::new();
    api::wire::to_json(value, &mut out).map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

/// A `rejected` case passes when the input cannot be built because a required member at
/// `path` is missing (the types enforce `required`), or when serialization refuses it with a
/// violation at `path`.
fn check_rejected<O: api::wire::Operation>(
    path: &str,
    parsed: Result<O::Input, serde_path_to_error::Error<api::wire::JsonError>>,
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
    let needles = match expected {
        None => Vec::new(),
        Some(value) => string_array(value).ok_or_else(|| format!("`{what}_contains` must be an array of strings"))?,
    };
    let missing: Vec<&str> = needles.into_iter().filter(|needle| !text.contains(needle)).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("the {what} lacks {missing:?}: {text}"))
    }
}

/// The strings of a JSON array of strings, or `None` when it is anything else.
fn string_array(value: &Value) -> Option<Vec<&str>> {
    value.as_array()?.iter().map(Value::as_str).collect()
}

/// A string member that must be present.
fn str_field<'a>(value: &'a Value, key: &str) -> Result<&'a str, String> {
    field(value, key)?
        .as_str()
        .ok_or_else(|| format!("`{key}` must be a string"))
}

/// An optional string member: absent is `None`, any other type is an error.
fn opt_str<'a>(value: &'a Value, key: &str, what: &str) -> Result<Option<&'a str>, String> {
    match value.get(key) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(format!("`{what}` must be a string, not {other}")),
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
    if let Some(method) = opt_str(expect, "method", "expect.method")? {
        if request.method().as_str() != method {
            problems.push(format!(
                "method: expected {method}, got {}",
                request.method()
            ));
        }
    }
    if let Some(uri) = opt_str(expect, "uri", "expect.uri")? {
        if *request.uri() != uri {
            problems.push(format!("uri: expected {uri}, got {}", request.uri()));
        }
    }
    if let Some(headers) = expect.get("headers") {
        let headers = headers.as_object().ok_or("`expect.headers` must be an object")?;
        for (name, value) in headers {
            let value = value
                .as_str()
                .ok_or_else(|| format!("`expect.headers.{name}` must be a string"))?;
            let actual = request
                .headers()
                .get(name.as_str())
                .and_then(|v| v.to_str().ok());
            if actual != Some(value) {
                problems.push(format!("header {name}: expected {value:?}, got {actual:?}"));
            }
        }
    }
    if let Some(body) = opt_str(expect, "body", "expect.body")? {
        let expected: Value =
            serde_json::from_str(body).map_err(|e| format!("`expect.body` is not JSON: {e}"))?;
        let mut actual: Value = serde_json::from_slice(request.body())
            .map_err(|e| format!("the request body is not JSON: {e}"))?;
        // Members the client generates (idempotency tokens) must be present and non-empty;
        // their values are not compared.
        let generated = match expect.get("generated") {
            None => Vec::new(),
            Some(value) => string_array(value).ok_or("`expect.generated` must be an array of strings")?,
        };
        for name in generated {
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
    let variant = str_field(expected, "variant").map_err(|e| format!("`expect.error`: {e}"))?;
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
                (Some(Value::String(target)), Some(Value::Array(items))) if file_object.is_empty() => Ok((Some(target.as_str()) == model).then_some(items)),
                (Some(Value::String(_)), Some(Value::Array(_))) => Err(format!(
                    "unknown key(s) {:?} in the case file object (expected only `model` and `cases`)",
                    file_object.keys().collect::<Vec<_>>()
                )),
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
/// (with file, name and a diff). A malformed case (see `case_problems`) fails without running.
/// Fails when no case ran at all.
fn run_suite(
    dirs: &[PathBuf],
    model: Option<&str>,
    extra: Vec<Case>,
    dispatch: fn(&Value, &ModelFacts) -> Result<(), String>,
    facts: &ModelFacts,
) -> Vec<String> {
    let (passed, failed, mut failures) = run_cases(dirs, model, extra, dispatch, facts);
    for failure in &failures {
        eprintln!("FAILED {failure}\n");
    }
    // Written to the stdout handle, not with `println!`, so the count shows even when the
    // test passes and its output is captured.
    use std::io::Write;
    let dirs: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    let _ = writeln!(std::io::stdout(), "wire cases from {}: {passed} passed, {failed} failed", dirs.join(", "));
    let _ = writeln!(
        std::io::stdout(),
        "variant checks: {} enum values and {} union members matched the model's variants",
        facts.enums_checked.get(),
        facts.unions_checked.get()
    );
    if passed + failed == 0 {
        failures.push(format!("no wire cases were found in {dirs:?}"));
    }
    failures
}

/// Loads and runs the cases without printing: (passed, failed, failures). A malformed case
/// (see `case_problems`) fails without running.
fn run_cases(
    dirs: &[PathBuf],
    model: Option<&str>,
    extra: Vec<Case>,
    dispatch: fn(&Value, &ModelFacts) -> Result<(), String>,
    facts: &ModelFacts,
) -> (usize, usize, Vec<String>) {
    let (mut cases, mut failures) = (Vec::new(), Vec::new());
    for dir in dirs {
        load_cases(dir, model, &mut cases, &mut failures);
    }
    cases.extend(extra);
    let mut passed = 0;
    for case in &cases {
        let problems = case_problems(&case.body);
        let outcome = if problems.is_empty() {
            dispatch(&case.body, facts)
        } else {
            Err(format!("malformed case:\n{}", problems.join("\n")))
        };
        match outcome {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!("{} :: {}\n{}", case.file.display(), case.name, indent(&why))),
        }
    }
    (passed, cases.len() - passed, failures)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}


// ---------------------------------------------------------------------------------------------
// The case format, checked strictly.

/// The keys a case of each kind may have (besides the loader's own `__raw_input`).
const REQUEST_KEYS: &[&str] = &["kind", "name", "operation", "input", "expect"];
const RESPONSE_KEYS: &[&str] = &["kind", "name", "operation", "status", "headers", "body", "expect"];
/// The keys of `expect`, by kind.
const REQUEST_EXPECT_KEYS: &[&str] = &["method", "uri", "headers", "body", "body_contains", "generated", "rejected"];
const RESPONSE_EXPECT_KEYS: &[&str] = &["output", "output_contains", "error"];
/// The keys of `expect.error`.
const ERROR_KEYS: &[&str] = &["variant", "code", "message", "status", "request_id"];

/// Everything wrong with a case's form, each problem naming the key; empty when it is well
/// formed. Checked before a case runs, so that no misspelt or mistyped key is ignored.
fn case_problems(case: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(object) = case.as_object() else {
        return vec![format!("a case must be a JSON object, not {case}")];
    };
    let (keys, expect_keys) = match object.get("kind") {
        Some(Value::String(kind)) if kind == "request" => (REQUEST_KEYS, REQUEST_EXPECT_KEYS),
        Some(Value::String(kind)) if kind == "response" => (RESPONSE_KEYS, RESPONSE_EXPECT_KEYS),
        Some(Value::String(kind)) => {
            return vec![format!("unknown `kind` {kind:?} (expected \"request\" or \"response\")")]
        }
        Some(other) => return vec![format!("`kind` must be a string, not {other}")],
        None => return vec!["the case has no `kind`".to_owned()],
    };
    unknown_keys("", object, keys, &mut problems);
    for key in keys {
        if !object.contains_key(*key) {
            problems.push(format!("the case has no `{key}`"));
        }
    }
    let mut expect_type = |key: &str, ok: bool, what: &str| {
        if object.contains_key(key) && !ok {
            problems.push(format!("`{key}` must be {what}, not {}", object[key]));
        }
    };
    expect_type("name", object.get("name").is_some_and(Value::is_string), "a string");
    expect_type("operation", object.get("operation").is_some_and(Value::is_string), "a string");
    expect_type("input", object.get("input").is_some_and(Value::is_object), "an object");
    expect_type(
        "status",
        object.get("status").and_then(Value::as_u64).is_some_and(|s| (100..=599).contains(&s)),
        "an HTTP status number",
    );
    expect_type("body", object.get("body").is_some_and(Value::is_string), "a string");
    if let Some(headers) = object.get("headers") {
        string_map("headers", headers, &mut problems);
    }
    match object.get("expect") {
        None => {}
        Some(Value::Object(expect)) => {
            unknown_keys("expect.", expect, expect_keys, &mut problems);
            expect_problems(expect, expect_keys == REQUEST_EXPECT_KEYS, &mut problems);
        }
        Some(other) => problems.push(format!("`expect` must be an object, not {other}")),
    }
    problems
}

fn expect_problems(expect: &serde_json::Map<String, Value>, request: bool, problems: &mut Vec<String>) {
    for key in ["method", "uri", "body", "rejected"] {
        if let Some(value) = expect.get(key).filter(|v| !v.is_string()) {
            problems.push(format!("`expect.{key}` must be a string, not {value}"));
        }
    }
    for key in ["body_contains", "generated", "output_contains"] {
        if let Some(value) = expect.get(key).filter(|v| string_array(v).is_none()) {
            problems.push(format!("`expect.{key}` must be an array of strings, not {value}"));
        }
    }
    if let Some(headers) = expect.get("headers") {
        string_map("expect.headers", headers, problems);
    }
    if let Some(Value::String(body)) = expect.get("body") {
        if let Err(e) = serde_json::from_str::<Value>(body) {
            problems.push(format!("`expect.body` is not JSON: {e}"));
        }
    }
    if request {
        if expect.contains_key("rejected") && expect.len() > 1 {
            problems.push(format!(
                "`expect.rejected` cannot be combined with {:?}: a rejected input sends no request",
                expect.keys().filter(|k| *k != "rejected").collect::<Vec<_>>()
            ));
        }
        if expect.is_empty() {
            problems.push("`expect` checks nothing: give `rejected` or any of method, uri, headers, body, body_contains".to_owned());
        }
        return;
    }
    match (expect.get("output"), expect.get("error")) {
        (Some(_), Some(_)) => problems.push("`expect` has both `output` and `error`".to_owned()),
        (None, None) => problems.push("`expect` needs `output` or `error`".to_owned()),
        (Some(output), None) if !output.is_object() => {
            problems.push(format!("`expect.output` must be an object, not {output}"))
        }
        (None, Some(Value::Object(error))) => {
            unknown_keys("expect.error.", error, ERROR_KEYS, problems);
            match error.get("variant") {
                Some(Value::String(_)) => {}
                Some(other) => problems.push(format!("`expect.error.variant` must be a string, not {other}")),
                None => problems.push("`expect.error` has no `variant`".to_owned()),
            }
            for key in ["code", "message", "request_id"] {
                if let Some(value) = error.get(key).filter(|v| !v.is_string() && !v.is_null()) {
                    problems.push(format!("`expect.error.{key}` must be a string or null, not {value}"));
                }
            }
            if let Some(value) = error.get("status").filter(|v| v.as_u64().is_none()) {
                problems.push(format!("`expect.error.status` must be a number, not {value}"));
            }
        }
        (None, Some(other)) => problems.push(format!("`expect.error` must be an object, not {other}")),
        (Some(_), None) => {}
    }
}

fn unknown_keys(prefix: &str, object: &serde_json::Map<String, Value>, allowed: &[&str], problems: &mut Vec<String>) {
    for key in object.keys() {
        let internal = prefix.is_empty() && key == RAW_INPUT;
        if !internal && !allowed.contains(&key.as_str()) {
            problems.push(format!("unknown key `{prefix}{key}` (allowed: {})", allowed.join(", ")));
        }
    }
}

fn string_map(what: &str, value: &Value, problems: &mut Vec<String>) {
    match value.as_object() {
        Some(map) => {
            for (name, value) in map {
                if !value.is_string() {
                    problems.push(format!("`{what}.{name}` must be a string, not {value}"));
                }
            }
        }
        None => problems.push(format!("`{what}` must be an object of strings, not {value}")),
    }
}

// The model's facts and the enum-variant check, with the `Debug` reader they use.
include!("wire_harness_variants.rs");
