//! Reading the compliance cases of a service from its model: which cases exist, which
//! operation each one exercises, and whether it runs.

use super::exclusions::exclusion;
pub use super::side::Side;
use crate::load::{LoadedFile, Shape, ShapeId, TraitId};
use crate::plan::ir::{Operation, Service, TypeRef};
use serde_json::Value;

/// The trait holding request cases.
pub const REQUEST_TESTS: &str = TraitId::HttpRequestTests.id();
/// The trait holding response cases.
pub const RESPONSE_TESTS: &str = TraitId::HttpResponseTests.id();

/// What a case checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseKind {
    /// Build the input from `params`, serialize it, compare with the expected request.
    Request,
    /// Parse the response, compare the output with `params`.
    Response,
    /// Parse the error response, expect this typed error, compare it with `params`.
    ErrorResponse(TypeRef),
}

/// Whether a case runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// It becomes a test.
    Run,
    /// It is not run, for the reason given (see `compliance::exclusions`).
    Excluded(&'static str),
}

/// One compliance case.
#[derive(Clone, Debug)]
pub struct Case {
    /// The case's `id`.
    pub id: String,
    /// The end of the protocol it checks.
    pub side: Side,
    /// Request, response or error response.
    pub kind: CaseKind,
    /// The shape the trait is on (an operation, or an error structure).
    pub shape: ShapeId,
    /// The operation it exercises (an index into the service's operations).
    pub operation: usize,
    /// The whole case object, as the model gives it.
    pub data: Value,
    /// Whether it runs.
    pub disposition: Disposition,
    /// What the case checks that a transport-agnostic crate leaves to its caller.
    pub notes: Vec<String>,
}

impl Case {
    /// The name of the Rust test function: `server_` for the server side, the kind, then the
    /// id in snake case.
    pub fn test_name(&self) -> String {
        let prefix = match (self.side, &self.kind) {
            (Side::Client, CaseKind::Request) => "request",
            (Side::Client, _) => "response",
            (Side::Server, CaseKind::Request) => "server_request",
            (Side::Server, _) => "server_response",
        };
        let mut name = format!("{prefix}_");
        let mut previous_lower = false;
        for c in self.id.chars() {
            if c.is_ascii_uppercase() {
                if previous_lower {
                    name.push('_');
                }
                name.push(c.to_ascii_lowercase());
                previous_lower = false;
            } else if c.is_ascii_alphanumeric() {
                name.push(c);
                previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            } else {
                if !name.ends_with('_') {
                    name.push('_');
                }
                previous_lower = false;
            }
        }
        name.trim_end_matches('_').to_owned()
    }

    /// A string member of the case object.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.data.get(key).and_then(Value::as_str)
    }

    /// A response case's HTTP status (`code`).
    pub fn status_code(&self) -> Result<u16, &'static str> {
        self.data
            .get("code")
            .and_then(Value::as_u64)
            .and_then(|code| u16::try_from(code).ok())
            .ok_or("the case has no valid `code`")
    }
}

/// A case of the service's protocol that cannot become a test because the generated crate has
/// no operation for it (the planner left its operation out), with why. It is reported as
/// excluded, never dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplanned {
    /// The case's `id`.
    pub id: String,
    /// The end of the protocol it checks.
    pub side: Side,
    /// The shape the trait is on (an operation, or an error structure).
    pub shape: ShapeId,
    /// Why it is not run (see [`exclusions`](super::exclusions)).
    pub reason: String,
}

/// Every case of the service's protocol found on its operations and on the errors they
/// return, in a stable order (by shape, then as the model lists them). Cases for other
/// protocols are left out: they are not this service's. Cases on operations the planner left
/// out, and on errors only those operations return, are not here: see [`unplanned_cases`].
pub fn collect_cases(files: &[LoadedFile], service: &Service) -> Vec<Case> {
    let shape = |id: &ShapeId| -> Option<&Shape> { find_shape(files, id) };
    let protocol = protocol_id(service);
    let mut cases = Vec::new();
    for (index, operation) in service.operations.iter().enumerate() {
        let Some(raw) = shape(&operation.id) else {
            continue;
        };
        for (written, kind) in [
            (&raw.traits.http_request_tests, CaseKind::Request),
            (&raw.traits.http_response_tests, CaseKind::Response),
        ] {
            for data in entries(written, protocol) {
                for &side in Side::of(data) {
                    cases.push(case(
                        &operation.id,
                        index,
                        operation,
                        kind.clone(),
                        data,
                        side,
                    ));
                }
            }
        }
    }
    for error in service.errors() {
        let Some(raw) = shape(&error.structure.id) else {
            continue;
        };
        let Some(index) = service
            .operations
            .iter()
            .position(|op| op.errors.iter().any(|e| e.error.id == error.structure.id))
        else {
            continue;
        };
        let operation = &service.operations[index];
        for data in entries(&raw.traits.http_response_tests, protocol) {
            let kind = CaseKind::ErrorResponse(TypeRef {
                id: error.structure.id.clone(),
                name: error.structure.name.clone(),
            });
            for &side in Side::of(data) {
                cases.push(case(
                    &error.structure.id,
                    index,
                    operation,
                    kind.clone(),
                    data,
                    side,
                ));
            }
        }
    }
    cases
}

/// The cases of the service's protocol that [`collect_cases`] cannot turn into tests because
/// their operation is not in the generated crate: the cases on each operation the planner
/// skipped (`Service::skipped`, event streams for example), and the response cases on errors
/// that no generated operation returns. In a stable order, each with its reason.
pub fn unplanned_cases(files: &[LoadedFile], service: &Service) -> Vec<Unplanned> {
    let protocol = protocol_id(service);
    let mut unplanned = Vec::new();
    // Errors some generated operation returns: their cases are collected.
    let generated_errors: std::collections::BTreeSet<String> = service
        .errors()
        .filter(|error| {
            service
                .operations
                .iter()
                .any(|op| op.errors.iter().any(|e| e.error.id == error.structure.id))
        })
        .map(|error| error.structure.id.to_string())
        .collect();
    let service_errors: Vec<ShapeId> = find_shape(files, &service.id)
        .map(|raw| raw.errors.clone())
        .unwrap_or_default();
    let mut seen_errors = std::collections::BTreeSet::new();
    for (operation, why) in &service.skipped {
        let Some(raw) = find_shape(files, operation) else {
            continue;
        };
        let reason = super::exclusions::skipped_operation(operation, why);
        for cases in [
            &raw.traits.http_request_tests,
            &raw.traits.http_response_tests,
        ] {
            for data in entries(cases, protocol) {
                for &side in Side::of(data) {
                    unplanned.push(Unplanned {
                        id: case_id(data),
                        side,
                        shape: operation.clone(),
                        reason: reason.clone(),
                    });
                }
            }
        }
        for error_id in raw.errors.iter().chain(&service_errors) {
            let error = error_id.to_string();
            if generated_errors.contains(&error) || !seen_errors.insert(error) {
                continue;
            }
            let Some(raw_error) = find_shape(files, error_id) else {
                continue;
            };
            let reason = super::exclusions::error_of_skipped_operation(operation, why);
            for data in entries(&raw_error.traits.http_response_tests, protocol) {
                for &side in Side::of(data) {
                    unplanned.push(Unplanned {
                        id: case_id(data),
                        side,
                        shape: error_id.clone(),
                        reason: reason.clone(),
                    });
                }
            }
        }
    }
    unplanned
}

/// The shape with this id in any of the loaded files.
fn find_shape<'a>(files: &'a [LoadedFile], id: &ShapeId) -> Option<&'a Shape> {
    files.iter().find_map(|file| file.shapes.get(id))
}

/// The protocol trait id of the service (`aws.protocols#awsJson1_1`).
fn protocol_id(service: &Service) -> &'static str {
    service.protocol.trait_id()
}

/// A case's `id`.
fn case_id(data: &Value) -> String {
    data.get("id")
        .and_then(Value::as_str)
        .unwrap_or("(no id)")
        .to_owned()
}

/// The cases of one trait (`httpRequestTests` or `httpResponseTests`) that are for
/// `protocol`.
fn entries<'a>(cases: &'a [Value], protocol: &str) -> Vec<&'a Value> {
    cases
        .iter()
        .filter(|case| case.get("protocol").and_then(Value::as_str) == Some(protocol))
        .collect()
}

fn case(
    shape: &ShapeId,
    index: usize,
    operation: &Operation,
    kind: CaseKind,
    data: &Value,
    side: Side,
) -> Case {
    let routed = routed_server_case(data, side, &kind, operation);
    let data = routed.as_ref().unwrap_or(data);
    let disposition = match exclusion(data, side, kind == CaseKind::Request) {
        Some(reason) => Disposition::Excluded(reason),
        None => Disposition::Run,
    };
    let mut case = Case {
        id: case_id(data),
        side,
        kind,
        shape: shape.clone(),
        operation: index,
        data: data.clone(),
        disposition,
        notes: Vec::new(),
    };
    case.notes = host_notes(&case, operation);
    if routed.is_some() {
        case.notes.push(format!(
            "written for servers only but without `X-Amz-Target`, which an awsJson server \
             routes by: sent with the operation's own, `{}`",
            operation.target_header
        ));
    }
    case
}

/// A request case written for servers only (`appliesTo: server`) that gives no
/// `X-Amz-Target`, with the one of the operation it is attached to added: the case tests that
/// operation, and no awsJson server can route a request without it. `None` for any other case
/// (one that applies to clients too is left as written, and excluded on the server side).
fn routed_server_case(
    data: &Value,
    side: Side,
    kind: &CaseKind,
    operation: &Operation,
) -> Option<Value> {
    let server_only = data.get("appliesTo").and_then(Value::as_str) == Some("server");
    if side != Side::Server || *kind != CaseKind::Request || !server_only {
        return None;
    }
    let mut routed = data.clone();
    let headers = routed
        .as_object_mut()?
        .entry("headers")
        .or_insert_with(|| Value::Object(serde_json::Map::new()))
        .as_object_mut()?;
    if headers
        .keys()
        .any(|name| name.eq_ignore_ascii_case("x-amz-target"))
    {
        return None;
    }
    headers.insert(
        "X-Amz-Target".to_owned(),
        Value::from(operation.target_header.clone()),
    );
    Some(routed)
}

/// What the `host` and `resolvedHost` of a request case ask for, and which part of it the
/// caller owns.
fn host_notes(case: &Case, operation: &Operation) -> Vec<String> {
    let mut notes = Vec::new();
    let Some(host) = case.text("host") else {
        return notes;
    };
    if let Some((_, path)) = host.split_once('/') {
        notes.push(format!(
            "the endpoint `{host}` is the caller's: the test joins its path `/{path}` with the \
             request's path"
        ));
    }
    if let Some(resolved) = case.text("resolvedHost") {
        if operation.host_prefix.is_some() {
            notes.push(format!(
                "checks the operation's host prefix applied to `{host}` gives `{resolved}`; \
                 sending it there is the caller's part"
            ));
        } else if resolved != host {
            notes.push(format!(
                "`{resolved}` comes from a service customization, not from the protocol; the \
                 endpoint is the caller's choice, the headers and body are checked"
            ));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(id: &str, kind: CaseKind) -> String {
        Case {
            id: id.to_owned(),
            side: Side::Client,
            kind,
            shape: ShapeId::parse("a#B").expect("valid id"),
            operation: 0,
            data: Value::Null,
            disposition: Disposition::Run,
            notes: Vec::new(),
        }
        .test_name()
    }

    #[test]
    fn test_names_are_snake_case_and_say_the_kind() {
        assert_eq!(
            named("AwsJson11Enums", CaseKind::Request),
            "request_aws_json11_enums"
        );
        assert_eq!(
            named("SDKAppliedContentEncoding_awsJson1_1", CaseKind::Response),
            "response_sdkapplied_content_encoding_aws_json1_1"
        );
        assert_eq!(
            named("sends_requests_to_slash", CaseKind::Request),
            "request_sends_requests_to_slash"
        );
    }

    #[test]
    fn server_cases_must_be_whole_requests_and_responses() {
        let routed = serde_json::json!({"headers": {"X-Amz-Target": "S.Op"}});
        let unrouted = serde_json::json!({"headers": {"Content-Encoding": "gzip"}});
        assert!(exclusion(&routed, Side::Server, true).is_none());
        assert!(exclusion(&unrouted, Side::Server, true).is_some());
        assert!(exclusion(&unrouted, Side::Client, true).is_none());
        assert!(exclusion(&unrouted, Side::Server, false).is_none());
        assert!(exclusion(&routed, Side::Server, false).is_some());
        assert!(exclusion(&routed, Side::Client, false).is_none());
    }

    #[test]
    fn a_case_without_applies_to_checks_both_sides() {
        let both = Side::of(&serde_json::json!({}));
        assert_eq!(both, [Side::Client, Side::Server]);
        let server = Side::of(&serde_json::json!({"appliesTo": "server"}));
        assert_eq!(server, [Side::Server]);
        let client = Side::of(&serde_json::json!({"appliesTo": "client"}));
        assert_eq!(client, [Side::Client]);
    }
}
