//! The workspace's data-driven wire cases (`tests/wire/*.json` and the model's examples) as
//! Rust tests with typed expectations: inputs and expected outputs are built through the
//! generated builders, enum variants are named in code, and every modelled error is checked
//! against the status its model gives. The wire-case format is described in
//! `tests/wire_cases.rs`; the checks called are those of [`SUPPORT_FILE`](super::SUPPORT_FILE).
//!
//! The file holds test functions only: the including test file brings the crate in as `api`,
//! the support module as `support`, and `api::wire::OperationError` into scope.

use super::facts::ModelFacts;
use super::values::{contains_nan, Build, Setters, Values};
use crate::emit::common::ident;
use crate::plan::ir::{Operation, Service};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// One case of a case file.
#[derive(Clone, Debug)]
pub struct WireCase {
    /// Where it came from (`tests/wire/outputs.json`).
    pub source: String,
    /// The case object.
    pub case: Value,
}

/// The test file: one test per case, then one per error of every operation. A case that
/// cannot be turned into typed values becomes a test that fails with the reason.
pub fn wire_test_file(service: &Service, facts: &ModelFacts, cases: &[WireCase]) -> String {
    let values = Values::new(service, facts);
    let mut names = BTreeSet::new();
    let mut tests = Vec::new();
    for (index, wire) in cases.iter().enumerate() {
        // Every other case sets members with the plain setters, so that both kinds of
        // setter are under test.
        let setters = if index % 2 == 0 {
            Setters::Optional
        } else {
            Setters::Plain
        };
        let values = values.clone().with_setters(setters);
        let label = wire
            .case
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("unnamed");
        let name = unique_name(&mut names, &format!("{}_{label}", stem(&wire.source)));
        let body = case_body(service, facts, &values, &wire.case).unwrap_or_else(|problem| {
            let message = format!(
                "{} :: {label}: the case cannot be built: {problem}",
                wire.source
            );
            quote!(panic!("{}", #message);)
        });
        let doc = format!(" `{label}` from {}.", wire.source);
        tests.push(quote!(#[doc = #doc] #[test] fn #name() { #body }));
    }
    for operation in &service.operations {
        for error in &operation.errors {
            let name = unique_name(
                &mut names,
                &format!("every_error_{}_{}", operation.module, error.variant),
            );
            let body = every_error_body(service, facts, operation, &error.code);
            tests.push(quote!(#[test] fn #name() { #body }));
        }
    }
    let file = quote!(#(#tests)*);
    match syn::parse2::<syn::File>(file) {
        Ok(parsed) => prettyplease::unparse(&parsed),
        Err(err) => format!("compile_error!({:?});\n", err.to_string()),
    }
}

/// A test function name: the source file's stem and the case name in snake case, made
/// unique by a counter.
fn unique_name(taken: &mut BTreeSet<String>, text: &str) -> proc_macro2::Ident {
    let mut base: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if base.starts_with(|c: char| c.is_ascii_digit()) {
        base.insert(0, '_');
    }
    let mut name = base.clone();
    let mut n = 1;
    while !taken.insert(name.clone()) {
        n += 1;
        name = format!("{base}_{n}");
    }
    format_ident!("{}", name)
}

fn stem(source: &str) -> &str {
    let file = source.rsplit(['/', '\\']).next().unwrap_or(source);
    file.split('.').next().unwrap_or(file)
}

/// The keys a case may have, by kind, and the keys of its `expect`.
const REQUEST_KEYS: &[&str] = &["kind", "name", "operation", "input", "expect"];
const RESPONSE_KEYS: &[&str] = &[
    "kind",
    "name",
    "operation",
    "status",
    "headers",
    "body",
    "expect",
];
const REQUEST_EXPECT: &[&str] = &[
    "method",
    "uri",
    "headers",
    "body",
    "rejected",
    "body_contains",
];
const RESPONSE_EXPECT: &[&str] = &["output", "error", "output_contains"];
const ERROR_EXPECT: &[&str] = &["variant", "code", "message", "status", "request_id"];

fn only_keys(object: &Value, allowed: &[&str], what: &str) -> Result<(), String> {
    let object = object
        .as_object()
        .ok_or_else(|| format!("{what} must be an object"))?;
    match object.keys().find(|key| !allowed.contains(&key.as_str())) {
        Some(key) => Err(format!("{what} has an unknown key `{key}`")),
        None => Ok(()),
    }
}

fn text<'a>(object: &'a Value, key: &str) -> Result<&'a str, String> {
    object
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("`{key}` must be a string"))
}

fn case_body(
    service: &Service,
    facts: &ModelFacts,
    values: &Values,
    case: &Value,
) -> Result<TokenStream, String> {
    let wanted = text(case, "operation")?;
    let operation = service
        .operations
        .iter()
        .find(|op| op.wire_name == wanted)
        .ok_or_else(|| format!("the crate has no operation {wanted}"))?;
    let expect = case.get("expect").ok_or("the case has no `expect`")?;
    match text(case, "kind")? {
        "request" => {
            only_keys(case, REQUEST_KEYS, "a request case")?;
            only_keys(expect, REQUEST_EXPECT, "`expect`")?;
            let input = case.get("input").ok_or("the case has no `input`")?;
            match expect.get("rejected") {
                Some(path) => {
                    let path = path
                        .as_str()
                        .ok_or("`expect.rejected` must be a member path")?;
                    rejected_body(values, operation, input, path)
                }
                None => request_body(values, operation, input, expect),
            }
        }
        "response" => {
            only_keys(case, RESPONSE_KEYS, "a response case")?;
            only_keys(expect, RESPONSE_EXPECT, "`expect`")?;
            response_body(service, facts, values, operation, case, expect)
        }
        other => Err(format!("unknown case kind `{other}`")),
    }
}

fn operation_path(operation: &Operation) -> TokenStream {
    let module = ident(&operation.module);
    let name = ident(&operation.rust_name);
    quote!(<api::operations::#module::#name as api::wire::Operation>)
}

fn request_body(
    values: &Values,
    operation: &Operation,
    input: &Value,
    expect: &Value,
) -> Result<TokenStream, String> {
    let op = operation_path(operation);
    let input = values.structure_value(&operation.input, input, "input")?;
    let method = text(expect, "method")?;
    let uri = text(expect, "uri")?;
    let body = text(expect, "body")?;
    let headers = string_pairs(expect.get("headers"), "expect.headers")?;
    Ok(quote! {
        let input = #input;
        if let ::std::result::Result::Err(report) = input.validate() {
            panic!("validate() refuses an input the case sends: {report}");
        }
        let request = #op::serialize_request(&input).expect("the input serializes");
        support::check_request(&request, &support::ExpectedRequest {
            method: #method,
            uri: #uri,
            headers: &[#(#headers),*],
            forbid_headers: &[],
            require_headers: &[],
            body: ::std::option::Option::Some(#body),
            body_is_json: true,
            host: ::std::option::Option::None,
            resolved_host: ::std::option::Option::None,
            host_prefix: ::std::option::Option::None,
        });
    })
}

/// The input is refused at `path`: a required member there is missing (the builder fails),
/// or validation reports a violation there.
fn rejected_body(
    values: &Values,
    operation: &Operation,
    input: &Value,
    path: &str,
) -> Result<TokenStream, String> {
    let op = operation_path(operation);
    let values = values.clone().with_build(Build::Try);
    let input = values.structure_value(&operation.input, input, "input")?;
    let member = path.rsplit('.').next().unwrap_or(path);
    Ok(quote! {
        let built = (|| ::std::result::Result::<_, api::primitives::BuildError>::Ok(#input))();
        match built {
            ::std::result::Result::Err(missing) => {
                assert_eq!(missing.member(), #member, "the required member left out at {}", #path);
            }
            ::std::result::Result::Ok(input) => match #op::serialize_request(&input) {
                _ if !input.validate().is_err_and(|report| report.violations().iter().any(|v| v.path() == #path)) => {
                    panic!("validate() does not refuse the input at {}", #path)
                }
                ::std::result::Result::Err(error) => assert!(
                    error.violations().iter().any(|v| v.path() == #path),
                    "refused, but not at {}: {error}", #path
                ),
                ::std::result::Result::Ok(request) => panic!(
                    "expected a refusal at {}, but the input was sent: {}",
                    #path,
                    String::from_utf8_lossy(request.body())
                ),
            },
        }
    })
}

fn response_body(
    service: &Service,
    facts: &ModelFacts,
    values: &Values,
    operation: &Operation,
    case: &Value,
    expect: &Value,
) -> Result<TokenStream, String> {
    let op = operation_path(operation);
    let status = case
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .ok_or("`status` must be an HTTP status")?;
    let headers = string_pairs(case.get("headers"), "headers")?;
    let body = text(case, "body")?;
    let parsed = quote! {
        let response = support::response(#status, &[#(#headers),*], #body);
        let parsed = #op::parse_response(&response);
    };
    match (expect.get("output"), expect.get("error")) {
        (Some(output), None) => {
            let expected = values.structure_value(&operation.output, output, "expect.output")?;
            let nan = contains_nan(output);
            Ok(quote! {
                #parsed
                let expected = #expected;
                let actual = parsed.expect("the response parses into the output");
                support::assert_same("output", &actual, &expected, #nan);
            })
        }
        (None, Some(error)) => {
            only_keys(error, ERROR_EXPECT, "`expect.error`")?;
            let request_id = header(case.get("headers"), "x-amzn-requestid");
            let checks = error_checks(service, facts, operation, error, status, request_id)?;
            Ok(quote! {
                #parsed
                let error = parsed.expect_err("the response is an error");
                #checks
            })
        }
        _ => Err("`expect` needs exactly one of `output` and `error`".to_owned()),
    }
}

/// What an `expect.error` asks, plus, for a modelled error, its status and request id.
fn error_checks(
    service: &Service,
    facts: &ModelFacts,
    operation: &Operation,
    expected: &Value,
    status: u16,
    request_id: Option<&str>,
) -> Result<TokenStream, String> {
    let variant = text(expected, "variant")?;
    let kind = if variant == "Unhandled" {
        quote! {
            assert!(error.as_unhandled().is_some(), "expected an unhandled error, got {error:?}");
        }
    } else {
        modelled(service, facts, operation, variant, status, request_id)?
    };
    let optional = |key: &str| -> Result<TokenStream, String> {
        Ok(match expected.get(key) {
            None => quote!(),
            Some(Value::Null) => quote!(::std::option::Option::None),
            Some(Value::String(text)) => quote!(::std::option::Option::Some(#text)),
            Some(other) => {
                return Err(format!(
                    "`expect.error.{key}` must be a string, not {other}"
                ))
            }
        })
    };
    let mut checks = vec![kind];
    for (key, accessor) in [
        ("code", quote!(code)),
        ("message", quote!(message)),
        ("request_id", quote!(request_id)),
    ] {
        let want = optional(key)?;
        if !want.is_empty() {
            checks.push(quote!(assert_eq!(error.#accessor(), #want, #key);));
        }
    }
    if let Some(want) = expected.get("status") {
        let want = want
            .as_u64()
            .and_then(|s| u16::try_from(s).ok())
            .ok_or("`expect.error.status` must be an HTTP status")?;
        checks.push(
            quote!(assert_eq!(error.http_status(), ::std::option::Option::Some(#want), "status");),
        );
    }
    Ok(quote!(#(#checks)*))
}

/// The error is the operation's variant for the wire code `code`, carries the response's
/// status and request id, and its structure declares the status its model gives.
fn modelled(
    service: &Service,
    facts: &ModelFacts,
    operation: &Operation,
    code: &str,
    status: u16,
    request_id: Option<&str>,
) -> Result<TokenStream, String> {
    let listed = operation
        .errors
        .iter()
        .find(|e| e.code == code)
        .ok_or_else(|| format!("{} lists no error {code}", operation.wire_name))?;
    let shape = service.error(&listed.error.id).ok_or_else(|| {
        format!(
            "the crate has no error structure {}",
            listed.error.name.name
        )
    })?;
    let model_status = facts
        .error_status(&shape.structure.id.to_string())
        .ok_or_else(|| format!("the model gives {} no error trait", shape.structure.id))?;
    let module = ident(&operation.module);
    let error_enum = ident(&operation.error_enum);
    let variant = ident(&listed.variant);
    let structure = Values::type_path(&listed.error.name);
    let request_id = match request_id {
        Some(id) => quote!(::std::option::Option::Some(#id)),
        None => quote!(::std::option::Option::None),
    };
    Ok(quote! {
        assert!(
            matches!(error, api::operations::#module::#error_enum::#variant(_)),
            "expected {}, got {error:?}", #code
        );
        assert_eq!(#structure::CODE, #code, "the wire code");
        assert_eq!(#structure::HTTP_STATUS, #model_status, "the status the model gives");
        assert_eq!(error.code(), ::std::option::Option::Some(#code), "code()");
        assert_eq!(error.http_status(), ::std::option::Option::Some(#status), "the response's status");
        assert_eq!(error.request_id(), #request_id, "the response's request id");
    })
}

/// Every error an operation lists, sent with the status its model gives and a request id,
/// is read as that error with both kept.
fn every_error_body(
    service: &Service,
    facts: &ModelFacts,
    operation: &Operation,
    code: &str,
) -> TokenStream {
    let status = service
        .errors()
        .find(|e| e.code == code)
        .and_then(|e| facts.error_status(&e.structure.id.to_string()))
        .unwrap_or(400);
    let request_id = format!("req-{}-{code}", operation.wire_name);
    let body =
        serde_json::json!({"__type": code, "message": format!("{code} happened")}).to_string();
    let op = operation_path(operation);
    let message = format!("{code} happened");
    match modelled(service, facts, operation, code, status, Some(&request_id)) {
        Ok(checks) => quote! {
            let response = support::response(#status, &[("x-amzn-RequestId", #request_id)], #body);
            let error = #op::parse_response(&response).expect_err("the response is an error");
            #checks
            assert_eq!(error.message(), ::std::option::Option::Some(#message), "message");
        },
        Err(problem) => quote!(panic!("{}", #problem);),
    }
}

fn header<'a>(headers: Option<&'a Value>, name: &str) -> Option<&'a str> {
    headers?
        .as_object()?
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .and_then(|(_, value)| value.as_str())
}

fn string_pairs(pairs: Option<&Value>, what: &str) -> Result<Vec<TokenStream>, String> {
    let empty = Map::new();
    let pairs = match pairs {
        None => &empty,
        Some(Value::Object(pairs)) => pairs,
        Some(_) => return Err(format!("`{what}` must be an object")),
    };
    pairs
        .iter()
        .map(|(name, value)| match value.as_str() {
            Some(value) => Ok(quote!((#name, #value))),
            None => Err(format!("`{what}.{name}` must be a string")),
        })
        .collect()
}
