//! The compliance test file: one `#[test]` per case that runs, calling the checks of
//! [`SUPPORT_FILE`] (which the test crate includes as `support`).

use super::case_headers::header_pairs;
use super::cases::{Case, CaseKind, Disposition, Side};
use super::facts::ModelFacts;
use super::values::{contains_nan, Values};
use crate::emit::common::ident;
use crate::plan::ir::{Operation, Service};
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

/// The checks the generated tests call: request comparison (method, uri, headers, body as
/// JSON or bytes) and value comparison. Written into the test crate as `tests/support.rs`.
pub const SUPPORT_FILE: &str = include_str!("support.rs.txt");

/// The test file for `cases` of the crate generated for `service`, whose package is
/// imported as `api`.
pub fn test_file(service: &Service, facts: &ModelFacts, cases: &[Case]) -> String {
    let krate = ident(&service.crate_name.replace('-', "_"));
    let values = Values::new(service, facts);
    let tests = cases
        .iter()
        .filter(|case| case.disposition == Disposition::Run)
        .map(|case| {
            let name = ident(&case.test_name());
            let operation = &service.operations[case.operation];
            let body = match case.side {
                Side::Client => test_body(&values, operation, case),
                Side::Server => super::server_emit::test_body(&values, operation, case),
            };
            let body = match body {
                Ok(body) => body,
                Err(problem) => {
                    let message = format!("the case cannot be built: {problem}");
                    quote!(panic!(#message);)
                }
            };
            let doc = format!(
                " `{}` ({}, {} side).",
                case.id,
                case.shape,
                case.side.name()
            );
            quote! {
                #[doc = #doc]
                #[test]
                fn #name() {
                    #body
                }
            }
        });
    let server_requests = cases.iter().any(|case| {
        case.side == Side::Server
            && case.kind == CaseKind::Request
            && case.disposition == Disposition::Run
    });
    let capture = if server_requests {
        super::server_emit::capture_service(service)
    } else {
        quote!()
    };
    let file = quote! {
        //! Protocol compliance cases, written by `cargo xtask protocol-tests`.
        #![allow(deprecated, clippy::all)]

        use #krate as api;

        #[path = "support.rs"]
        mod support;

        #capture

        #(#tests)*
    };
    let parsed: syn::File = match syn::parse2(file) {
        Ok(parsed) => parsed,
        Err(err) => return format!("compile_error!({:?});\n", err.to_string()),
    };
    prettyplease::unparse(&parsed)
}

fn operation_path(operation: &Operation) -> TokenStream {
    let module = ident(&operation.module);
    let name = ident(&operation.rust_name);
    quote!(api::operations::#module::#name)
}

fn test_body(values: &Values, operation: &Operation, case: &Case) -> Result<TokenStream, String> {
    let op = operation_path(operation);
    let empty = Value::Object(Default::default());
    let params = case.data.get("params").unwrap_or(&empty);
    match &case.kind {
        CaseKind::Request => {
            let input = values.structure_value(&operation.input, params, "params")?;
            let text = |key: &str| match case.text(key) {
                Some(text) => quote!(::std::option::Option::Some(#text)),
                None => quote!(::std::option::Option::None),
            };
            let method = case.text("method").unwrap_or("POST");
            let uri = case.text("uri").unwrap_or("/");
            let headers = header_pairs(case.data.get("headers"));
            let forbid = strings(case.data.get("forbidHeaders"));
            let require = strings(case.data.get("requireHeaders"));
            let body = text("body");
            let json = case
                .text("bodyMediaType")
                .is_some_and(|media| media.contains("json"));
            let host = text("host");
            let resolved_host = text("resolvedHost");
            let host_prefix = if operation.host_prefix.is_some() {
                quote!(<#op as api::wire::Operation>::host_prefix(&input).expect("the host prefix is valid"))
            } else {
                quote!(::std::option::Option::None)
            };
            // A gzipped body must decompress to exactly what is sent uncompressed.
            let gzip_check = if operation.request_compression {
                quote! {
                    if request.headers().get("content-encoding").is_some_and(|v| v == "gzip") {
                        let mut plain = ::std::vec::Vec::new();
                        ::std::io::Read::read_to_end(&mut ::flate2::read::GzDecoder::new(&request.body()[..]), &mut plain)
                            .expect("the body is valid gzip");
                        let uncompressed = <#op as api::wire::Operation>::serialize_request_with(
                            &input,
                            &api::wire::Compression { disabled: true, ..::std::default::Default::default() },
                        )
                        .expect("the input serializes");
                        assert_eq!(plain, *uncompressed.body(), "the gzipped body decompresses to the JSON body");
                    }
                }
            } else {
                quote!()
            };
            Ok(quote! {
                let input = #input;
                let request = <#op as api::wire::Operation>::serialize_request(&input)
                    .expect("the input serializes");
                #gzip_check
                support::check_request(&request, &support::ExpectedRequest {
                    method: #method,
                    uri: #uri,
                    headers: &[#(#headers),*],
                    forbid_headers: &[#(#forbid),*],
                    require_headers: &[#(#require),*],
                    body: #body,
                    body_is_json: #json,
                    host: #host,
                    resolved_host: #resolved_host,
                    host_prefix: #host_prefix,
                });
            })
        }
        CaseKind::Response | CaseKind::ErrorResponse(_) => {
            let code = case.status_code()?;
            let headers = header_pairs(case.data.get("headers"));
            let body = case.text("body").unwrap_or("");
            let nan = contains_nan(params);
            let parsed = quote! {
                let response = support::response(#code, &[#(#headers),*], #body);
                let parsed = <#op as api::wire::Operation>::parse_response(&response);
            };
            if let CaseKind::ErrorResponse(error) = &case.kind {
                let expected = values.structure_value(error, params, "params")?;
                let structure = values
                    .structure(error)
                    .ok_or_else(|| format!("the crate has no error {}", error.name.name))?;
                let variant = operation
                    .errors
                    .iter()
                    .find(|e| &e.error == error)
                    .ok_or_else(|| {
                        format!(
                            "{} does not return {}",
                            operation.wire_name, error.name.name
                        )
                    })?;
                let error_enum = {
                    let module = ident(&operation.module);
                    let name = ident(&operation.error_enum);
                    quote!(api::operations::#module::#name)
                };
                let variant_ident = ident(&variant.variant);
                let message = crate::emit::common::message_field(structure);
                let fields = structure.members.iter().map(|member| {
                    let label = &member.wire_name;
                    // The message is read through `message()`, its field being private.
                    let read = if message.is_some_and(|m| m.wire_name == member.wire_name) {
                        quote!(message())
                    } else {
                        let field = ident(&member.field_name);
                        quote!(#field)
                    };
                    quote!(support::assert_same(#label, &actual.#read, &expected.#read, #nan);)
                });
                let wanted = format!("the modelled error {}", error.name.name);
                Ok(quote! {
                    #parsed
                    let expected = #expected;
                    match parsed {
                        ::std::result::Result::Err(#error_enum::#variant_ident(actual)) => {
                            #(#fields)*
                        }
                        other => panic!("expected {}, got {:?}", #wanted, other),
                    }
                })
            } else {
                let expected = values.structure_value(&operation.output, params, "params")?;
                Ok(quote! {
                    #parsed
                    let expected = #expected;
                    let actual = parsed.expect("the response parses into the output");
                    support::assert_same("output", &actual, &expected, #nan);
                })
            }
        }
    }
}

fn strings(list: Option<&Value>) -> Vec<TokenStream> {
    list.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(|s| quote!(#s))
                .collect()
        })
        .unwrap_or_default()
}
