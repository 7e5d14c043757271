//! Errors: a struct per modelled error shape, and per operation an enum of exactly the
//! errors the model lists for it plus `Unhandled` for everything else.

use super::common::{ident, message_field, type_path};
use super::derives::EqHash;
use super::json_impls::shared_message_body;
use super::structure::emit_structure;
use crate::plan::ir::{ErrorShape, Fault, Operation, Protocol, Service};
use proc_macro2::TokenStream;
use quote::quote;

/// An error structure: the struct (with builder), and `modelled_error!` for its wire facts,
/// `message()` and `std::error::Error`; or, for an error that is only its message,
/// `message_error!` for those and its wire form both.
pub fn emit_error_struct(error: &ErrorShape, eq_hash: bool, service: &Service) -> TokenStream {
    let structure = emit_structure(&error.structure, eq_hash);
    let name = ident(&error.structure.name.name);
    let code = &error.code;
    let status = error.http_status;
    let fault = match error.fault {
        Fault::Client => quote!(Client),
        Fault::Server => quote!(Server),
    };
    // `modelled_error!` gives `message()`, reading the message field when there is one.
    let message = message_field(&error.structure).map(|m| {
        let field = ident(&m.field_name);
        quote!(, #field)
    });
    let status = proc_macro2::Literal::u16_unsuffixed(status);
    let server_wire = server_wire(error, service);
    let impls = match shared_message_body(&error.structure) {
        Some(member) => {
            let field = ident(&member.field_name);
            quote!(crate::wire::message_error!(#name, #field, #code, #status, #fault #server_wire);)
        }
        None => {
            quote!(crate::wire::modelled_error!(#name, #code, #status, #fault #message #server_wire);)
        }
    };
    quote! {
        #structure

        #impls
    }
}

/// What a server sends for the error where it is not its code (see `modelled_error!`):
/// under awsJson1_0 the full shape id in `__type` (awsJson1_1 sends the shape name, the
/// code), and for an `@awsQueryError` of a query-compatible service the
/// `x-amzn-query-error` value, `Code;Sender` or `Code;Receiver`.
fn server_wire(error: &ErrorShape, service: &Service) -> TokenStream {
    let wire_type = (service.protocol == Protocol::AwsJson1_0).then(|| {
        let shape_id = format!("{}#{}", error.structure.id.namespace(), error.code);
        quote!(; wire_type = #shape_id)
    });
    let query_error = error.query_code.as_ref().map(|code| {
        let fault = match error.fault {
            Fault::Client => "Sender",
            Fault::Server => "Receiver",
        };
        let value = format!("{code};{fault}");
        quote!(; query_error = #value)
    });
    quote!(#wire_type #query_error)
}

/// The operation's error enum, and the `operation_error!` invocation that implements it
/// (see the runtime's `wire/operation_error.rs`): the model-specific part is the list of variants.
/// The enum is `Eq` when every error it holds is (`UnhandledError` is).
pub fn emit_operation_error(operation: &Operation, eq_hash: &EqHash) -> TokenStream {
    let name = ident(&operation.error_enum);
    let docs = format!(
        " Errors `{}` can return: every error the model lists for it, and `Unhandled` for any other.",
        operation.wire_name
    );
    let variants = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let path = type_path(&e.error.name);
        let doc = format!(
            " The service returned {}.",
            crate::plan::docs::code_span(&e.code)
        );
        quote! {
            #[doc = #doc]
            #variant(#path),
        }
    });
    let implemented = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let path = type_path(&e.error.name);
        quote!(, #variant(#path))
    });
    // Variants hold the modelled errors by value, so callers can match and move out of them;
    // an error with many members makes its variant large, which only the failure path pays.
    let large_variant_allow = if operation.errors.is_empty() {
        quote!()
    } else {
        quote!(#[allow(clippy::large_enum_variant)])
    };
    let eq = operation
        .errors
        .iter()
        .all(|e| eq_hash.derives(&e.error.id))
        .then(|| quote!(, Eq));
    quote! {
        #[doc = #docs]
        #[non_exhaustive]
        #[derive(Clone, Debug, PartialEq #eq)]
        #large_variant_allow
        pub enum #name {
            #(#variants)*
            /// An error the model does not list for this operation (throttling, an unexpected
            /// status, a body that is not JSON, ...), with what could be read of it.
            Unhandled(crate::primitives::UnhandledError),
        }

        crate::wire::operation_error!(#name #(#implemented)*);
    }
}
