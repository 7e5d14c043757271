//! The generated crate's `wire` module root: the protocol's documentation and content type.
//! Everything else in the module is the runtime's (`codegen/runtime/src/wire/`), copied by
//! [`super::runtime`]; per operation, only the error-code dispatch is generated (in the
//! operation's module).

use super::usage::Usage;
use crate::plan::ir::Service;
use proc_macro2::TokenStream;
use quote::quote;

/// The `wire` module root for a service; `runtime_error` is an internal error copying the
/// runtime files, reported as a `compile_error!`.
pub fn emit_wire(service: &Service, runtime_error: Option<&str>) -> TokenStream {
    let content_type = service.protocol.content_type();
    let protocol = service.protocol.name();
    let declarations = super::runtime::declarations("src/wire.rs", &Usage::of(service));
    let runtime_error = runtime_error.map(|err| {
        let message = format!("internal error: {err}");
        quote!(compile_error!(#message);)
    });
    let module_doc = format!(
        " The `{protocol}` wire protocol: requests are `POST /` with `Content-Type: {content_type}` and \
         `X-Amz-Target: <service>.<operation>`; responses are JSON."
    );
    quote! {
        #![doc = #module_doc]
        //!
        //! Host, signing, retries and the transport stay with the caller: [`Operation`] turns an
        //! input into an [`http::Request`] and an [`http::Response`] back into a typed result.

        #runtime_error
        #declarations

        /// The `Content-Type` of every request.
        pub const CONTENT_TYPE: &str = #content_type;
    }
}
