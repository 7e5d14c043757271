//! The server side of a compliance case, as a test body: a request case is sent through the
//! generated router to a handler that captures its input, which must equal the case's
//! `params`; a response case's `params` are written by the server as the output (or the
//! modelled error), and the response must have the case's status, headers and body.

use super::cases::{Case, CaseKind};
use super::values::{contains_nan, Values};
use crate::emit::common::ident;
use crate::plan::ir::{Operation, Service};
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

/// The handler the request cases go through: every method keeps its input and answers an
/// internal failure (only the input is checked).
pub fn capture_service(service: &Service) -> TokenStream {
    let service_trait = ident(&crate::emit::server::trait_name(service));
    let methods = service.operations.iter().map(|operation| {
        let method = ident(&operation.module);
        let input = Values::type_path(&operation.input.name);
        let output = Values::type_path(&operation.output.name);
        let error = error_enum(operation);
        quote! {
            async fn #method(
                &self,
                input: #input,
                _context: &mut api::server::RequestContext,
            ) -> ::std::result::Result<#output, api::server::HandlerError<#error>> {
                *self.0.lock().unwrap() = ::std::option::Option::Some(::std::boxed::Box::new(input));
                ::std::result::Result::Err(api::server::HandlerError::internal("captured"))
            }
        }
    });
    quote! {
        /// Keeps the input the router hands it.
        #[derive(Default)]
        struct Capture(::std::sync::Mutex<::std::option::Option<::std::boxed::Box<dyn ::std::any::Any + ::std::marker::Send>>>);

        impl api::server::#service_trait for Capture {
            #(#methods)*
        }
    }
}

fn error_enum(operation: &Operation) -> TokenStream {
    let module = ident(&operation.module);
    let name = ident(&operation.error_enum);
    quote!(api::operations::#module::#name)
}

fn operation_path(operation: &Operation) -> TokenStream {
    let module = ident(&operation.module);
    let name = ident(&operation.rust_name);
    quote!(api::operations::#module::#name)
}

/// The test body of the server side of `case`.
pub fn test_body(
    values: &Values,
    operation: &Operation,
    case: &Case,
) -> Result<TokenStream, String> {
    let op = operation_path(operation);
    let empty = Value::Object(Default::default());
    let params = case.data.get("params").unwrap_or(&empty);
    let nan = contains_nan(params);
    let headers = super::case_headers::header_pairs(case.data.get("headers"));
    let body = case.text("body").unwrap_or("");
    match &case.kind {
        CaseKind::Request => {
            let input = values.structure_value(&operation.input, params, "params")?;
            let input_type = Values::type_path(&operation.input.name);
            let method = case.text("method").unwrap_or("POST");
            let uri = server_uri(case);
            Ok(quote! {
                let request = support::server_request(#method, #uri, &[#(#headers),*], #body);
                let router = api::server::Router::new(Capture::default());
                let response = support::block_on(router.handle(request));
                let captured = router.service().0.lock().unwrap().take();
                let captured = captured.unwrap_or_else(|| panic!(
                    "the router did not call the handler: {} {}",
                    response.status(),
                    String::from_utf8_lossy(response.body()),
                ));
                let actual = *captured.downcast::<#input_type>().expect("the operation's input");
                let expected = #input;
                support::assert_same("input", &actual, &expected, #nan);
            })
        }
        CaseKind::Response | CaseKind::ErrorResponse(_) => {
            let code = case.status_code()?;
            let json = case
                .text("bodyMediaType")
                .is_some_and(|media| media.contains("json"));
            let result = match &case.kind {
                CaseKind::ErrorResponse(error) => {
                    let value = values.structure_value(error, params, "params")?;
                    quote!(::std::result::Result::Err(api::server::HandlerError::modelled(#value)))
                }
                _ => {
                    let value = values.structure_value(&operation.output, params, "params")?;
                    quote!(::std::result::Result::Ok(#value))
                }
            };
            let target = &operation.target_header;
            let respond = crate::emit::server::respond_function(operation);
            // The request id is the handler's choice: the case's, when it gives one.
            let request_id = case
                .data
                .get("headers")
                .and_then(Value::as_object)
                .and_then(|headers| {
                    headers
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case("x-amzn-requestid"))
                })
                .and_then(|(_, id)| id.as_str())
                .map(|id| quote!(context.set_request_id(#id);));
            Ok(quote! {
                #[allow(unused_mut)]
                let mut context = api::server::RequestContext::new(::std::default::Default::default(), #target);
                #request_id
                let response = api::server::#respond::<#op>(#result, &context);
                support::check_response(&response, #code, &[#(#headers),*], #body, #json);
            })
        }
    }
}

/// The path the request reaches the server at: the case's `uri` without the endpoint's base
/// path (the part of `host` after the first `/`), where the server is mounted.
fn server_uri(case: &Case) -> String {
    let uri = case.text("uri").unwrap_or("/");
    let base = case
        .text("host")
        .and_then(|host| host.split_once('/'))
        .map(|(_, path)| path.trim_end_matches('/'))
        .unwrap_or("");
    if base.is_empty() {
        return uri.to_owned();
    }
    match uri.strip_prefix(&format!("/{base}")) {
        Some(rest) if rest.starts_with('/') => rest.to_owned(),
        Some("") => "/".to_owned(),
        _ => uri.to_owned(),
    }
}
