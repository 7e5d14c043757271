//! Errors: a struct per modelled error shape, and per operation an enum of exactly the
//! errors the model lists for it plus `Unhandled` for everything else.

use super::common::{ident, type_path};
use super::structure::emit_structure;
use crate::plan::ir::{ErrorShape, Fault, Operation, RustType};
use proc_macro2::TokenStream;
use quote::quote;

/// An error structure: the struct (with builder), its wire facts and `std::error::Error`.
pub fn emit_error_struct(error: &ErrorShape) -> TokenStream {
    let structure = emit_structure(&error.structure);
    let name = ident(&error.structure.name.name);
    let code = &error.code;
    let status = error.http_status;
    let fault = match error.fault {
        Fault::Client => quote!(Client),
        Fault::Server => quote!(Server),
    };
    let message_member = error
        .structure
        .members
        .iter()
        .find(|m| m.wire_name.eq_ignore_ascii_case("message") && m.ty == RustType::String);
    let message_fn = match message_member {
        Some(m) if !m.sensitive => {
            let field = ident(&m.field_name);
            let value = if m.is_plain() {
                quote!(::std::option::Option::Some(self.#field.as_str()))
            } else {
                quote!(self.#field.as_deref())
            };
            quote! {
                /// The message the service sent with the error, if any.
                pub fn message(&self) -> ::std::option::Option<&str> {
                    #value
                }
            }
        }
        _ => quote! {
            /// The message the service sent with the error (never one that is sensitive).
            pub fn message(&self) -> ::std::option::Option<&str> {
                ::std::option::Option::None
            }
        },
    };
    let status = proc_macro2::Literal::u16_unsuffixed(status);
    quote! {
        #structure

        impl #name {
            #message_fn
        }

        crate::wire::modelled_error!(#name, #code, #status, #fault);
    }
}

/// The operation's error enum.
pub fn emit_operation_error(operation: &Operation) -> TokenStream {
    let name = ident(&operation.error_enum);
    let docs = format!(
        " Errors `{}` can return: every error the model lists for it, and `Unhandled` for any other.",
        operation.wire_name
    );
    let variants = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let path = type_path(&e.error.name);
        let doc = format!(" The service returned `{}`.", e.code);
        quote! {
            #[doc = #doc]
            #variant(#path),
        }
    });
    let code_arms = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let path = type_path(&e.error.name);
        quote!(#name::#variant(_) => ::std::option::Option::Some(#path::CODE),)
    });
    let message_arms = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        quote!(#name::#variant(error) => error.message(),)
    });
    let display_arms = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        quote!(#name::#variant(error) => ::std::fmt::Display::fmt(error, f),)
    });
    let froms = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let path = type_path(&e.error.name);
        quote! {
            impl ::std::convert::From<#path> for #name {
                fn from(error: #path) -> Self {
                    #name::#variant(error)
                }
            }
        }
    });
    let status_arms = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        quote!(#name::#variant(error) => crate::wire::ModelledError::response(error).map(|r| r.status()),)
    });
    let request_id_arms = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        quote!(#name::#variant(error) => crate::wire::ModelledError::response(error).and_then(|r| r.request_id()),)
    });
    let other_arm = if operation.errors.is_empty() {
        quote!()
    } else {
        quote!(_ => ::std::option::Option::None,)
    };
    // Variants hold the modelled errors by value, so callers can match and move out of them;
    // an error with many members makes its variant large, which only the failure path pays.
    let large_variant_allow = if operation.errors.is_empty() {
        quote!()
    } else {
        quote!(#[allow(clippy::large_enum_variant)])
    };
    quote! {
        #[doc = #docs]
        #[non_exhaustive]
        #[derive(Clone, Debug, PartialEq)]
        #large_variant_allow
        pub enum #name {
            #(#variants)*
            /// An error the model does not list for this operation (throttling, an unexpected
            /// status, a body that is not JSON, ...), with what could be read of it.
            Unhandled(crate::primitives::UnhandledError),
        }

        impl #name {
            /// The error code, when known.
            pub fn code(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#code_arms)*
                    #name::Unhandled(error) => error.code(),
                }
            }

            /// The error message, when the service sent one.
            pub fn message(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#message_arms)*
                    #name::Unhandled(error) => error.message(),
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display_arms)*
                    #name::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }

        impl ::std::error::Error for #name {}

        impl crate::wire::OperationError for #name {
            fn code(&self) -> ::std::option::Option<&str> {
                #name::code(self)
            }

            fn message(&self) -> ::std::option::Option<&str> {
                #name::message(self)
            }

            fn http_status(&self) -> ::std::option::Option<u16> {
                match self {
                    #(#status_arms)*
                    #name::Unhandled(error) => ::std::option::Option::Some(error.http_status()),
                }
            }

            fn request_id(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#request_id_arms)*
                    #name::Unhandled(error) => error.request_id(),
                }
            }

            fn as_unhandled(&self) -> ::std::option::Option<&crate::primitives::UnhandledError> {
                match self {
                    #name::Unhandled(error) => ::std::option::Option::Some(error),
                    #other_arm
                }
            }
        }

        impl ::std::convert::From<crate::primitives::UnhandledError> for #name {
            fn from(error: crate::primitives::UnhandledError) -> Self {
                #name::Unhandled(error)
            }
        }

        #(#froms)*
    }
}
