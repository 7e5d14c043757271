//! The generated crate's `server` module root (cargo feature `server`): the service trait,
//! one method per operation, and the router that dispatches on `X-Amz-Target`. Everything
//! model-independent (accepting a request, reading and checking the input, writing the
//! answer) is the runtime's (`codegen/runtime/src/server/`), copied by [`super::runtime`].

use super::common::{doc_attrs, ident, type_path};
use super::usage::Usage;
use crate::plan::ir::{Operation, Service};
use proc_macro2::TokenStream;
use quote::quote;

/// The names the runtime's server module declares, which the service trait must not take.
const RUNTIME_NAMES: &[&str] = &[
    "HandlerError",
    "Rejection",
    "RequestContext",
    "Router",
    "ServerError",
];

/// The service trait's name: the service shape's, unless the runtime has that name.
pub fn trait_name(service: &Service) -> String {
    let name = crate::plan::names::type_name(service.id.name());
    if RUNTIME_NAMES.contains(&name.as_str()) {
        format!("{name}Service")
    } else {
        name
    }
}

/// The `server` module root for a service.
pub fn emit_server(service: &Service) -> TokenStream {
    let declarations = super::runtime::declarations("src/server.rs", &Usage::of(service));
    let service_trait = ident(&trait_name(service));
    let service_name = service.id.name();
    let module_doc = super::common::inner_doc_attrs(&format!(
        "The server half of `{service_name}` (cargo feature `server`): implement \
         [`{service_trait}`], one `async` method per operation, and answer requests with \
         [`Router::handle`].\n\n\
         The router accepts `POST /` with the protocol's `Content-Type`, routes on an exact \
         `X-Amz-Target`, reads the body into the operation's input (a missing required \
         member or a broken constraint is a `400 ValidationException`, a body that does not \
         read a `400 SerializationException`), calls the handler, and writes its answer \
         with `Content-Type`, `x-amzn-RequestId` and `Content-Length`. It depends on no \
         async runtime and no HTTP server: give it an `http::Request` with the body's bytes."
    ));
    let methods = service.operations.iter().map(trait_method);
    let arms = service.operations.iter().map(router_arm);
    let trait_doc = doc_attrs(
        Some(&format!(
            "The operations of `{service_name}`, one method per operation. A method gets the \
             typed input, already checked against the model's constraints, and answers with \
             the output or a [`HandlerError`].\n\n\
             Implementors may write `async fn`; the futures must be `Send`."
        )),
        "",
    );
    quote! {
        #module_doc

        #declarations

        #trait_doc
        pub trait #service_trait: ::std::marker::Send + ::std::marker::Sync + 'static {
            #(#methods)*
        }

        /// Answers requests with a service's handlers.
        #[derive(Clone, Debug, Default)]
        pub struct Router<S> {
            service: S,
        }

        impl<S: #service_trait> Router<S> {
            /// A router over the service's handlers.
            pub fn new(service: S) -> Self {
                Router { service }
            }

            /// The service's handlers.
            pub fn service(&self) -> &S {
                &self.service
            }

            #[cfg(feature = "http-body")]
            /// [`Router::handle`] for an HTTP server's request (hyper 1.x's `Incoming`, axum's
            /// `Body`): the body is collected first, and the response's body is one HTTP
            /// servers send as it is.
            pub async fn handle_body<B>(&self, request: http::Request<B>) -> http::Response<FullBody>
            where
                B: ::http_body::Body,
                B::Error: ::std::fmt::Display,
            {
                match collect_request(request).await {
                    ::std::result::Result::Ok(request) => full_response(self.handle(request).await),
                    ::std::result::Result::Err(response) => response,
                }
            }

            /// Answers one request. Never panics: every failure is an awsJson error response.
            pub async fn handle<B: ::std::convert::AsRef<[u8]>>(
                &self,
                request: http::Request<B>,
            ) -> http::Response<::std::vec::Vec<u8>> {
                let (parts, body) = request.into_parts();
                #[allow(unused_mut)]
                let mut context = match accept(parts) {
                    ::std::result::Result::Ok(context) => context,
                    ::std::result::Result::Err(response) => return response,
                };
                let body = body.as_ref();
                match context.target() {
                    #(#arms)*
                    _ => unknown_operation(&context),
                }
            }
        }

    }
}

/// The trait method of one operation.
fn trait_method(operation: &Operation) -> TokenStream {
    let method = ident(&operation.module);
    let input = type_path(&operation.input.name);
    let output = type_path(&operation.output.name);
    let error = error_enum_path(operation);
    let doc = doc_attrs(
        Some(&format!(
            "Handles `{}` (`X-Amz-Target: {}`).",
            operation.wire_name, operation.target_header
        )),
        "",
    );
    quote! {
        #doc
        fn #method(
            &self,
            input: #input,
            context: &mut RequestContext,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<#output, HandlerError<#error>>,
        > + ::std::marker::Send;
    }
}

/// The runtime function that writes an operation's answer: an operation whose model gives
/// no output answers success with an empty body, as the protocol says.
pub fn respond_function(operation: &Operation) -> TokenStream {
    if operation.output.id == operation.id.with_member("Output") {
        quote!(respond_without_payload)
    } else {
        quote!(respond)
    }
}

/// The router's arm for one operation: read the input, call the handler, write the answer.
fn router_arm(operation: &Operation) -> TokenStream {
    let target = &operation.target_header;
    let method = ident(&operation.module);
    let marker = marker_path(operation);
    let respond = respond_function(operation);
    quote! {
        #target => match read_input::<#marker>(body) {
            ::std::result::Result::Ok(input) => {
                let result = self.service.#method(input, &mut context).await;
                #respond::<#marker>(result, &context)
            }
            ::std::result::Result::Err(rejection) => rejection.answer(&context),
        },
    }
}

fn operation_module(operation: &Operation) -> TokenStream {
    let module = ident(&operation.module);
    quote!(crate::operations::#module)
}

fn marker_path(operation: &Operation) -> TokenStream {
    let module = operation_module(operation);
    let name = ident(&operation.rust_name);
    quote!(#module::#name)
}

fn error_enum_path(operation: &Operation) -> TokenStream {
    let module = operation_module(operation);
    let name = ident(&operation.error_enum);
    quote!(#module::#name)
}
