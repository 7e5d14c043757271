//! An operation's module: the operation's documentation, its own input and output
//! structures, and its error enum.

use super::common::{doc_attrs, ident, inner_doc_attrs, type_path};
use super::error::emit_operation_error;
use super::structure::emit_structure;
use crate::plan::ir::{Module, Operation, Service};
use proc_macro2::TokenStream;
use quote::quote;

/// The whole `operations/<name>.rs` file.
pub fn emit_operation(service: &Service, operation: &Operation) -> TokenStream {
    let mut text = format!(
        "The `{}` operation (`X-Amz-Target: {}`).",
        operation.wire_name, operation.target_header
    );
    if let Some(docs) = &operation.docs {
        text.push_str("\n\n");
        text.push_str(docs);
    }
    let docs = inner_doc_attrs(&text);
    let own_module = Module::Operation(operation.module.clone());
    let structures = service
        .structures
        .iter()
        .filter(|s| s.name.module == own_module)
        .map(emit_structure);
    let error_enum = emit_operation_error(operation);
    let marker = emit_marker(operation);
    quote! {
        #docs

        #marker

        #(#structures)*

        #error_enum
    }
}

/// The zero-sized operation type and its `wire::Operation` impl. Only the error-code dispatch
/// is operation-specific; everything else is the trait's shared code.
fn emit_marker(operation: &Operation) -> TokenStream {
    let name = ident(&operation.rust_name);
    let wire_name = &operation.wire_name;
    let target = &operation.target_header;
    let input = type_path(&operation.input);
    let output = type_path(&operation.output);
    let error = ident(&operation.error_enum);
    let input_link = if operation.input.module == Module::Operation(operation.module.clone()) {
        format!("[`{}`]", operation.input.name)
    } else {
        format!(
            "[`{}`]({})",
            operation.input.name,
            type_path_text(&operation.input)
        )
    };
    let doc = doc_attrs(
        Some(&format!(
            "The `{wire_name}` operation: use it through [`Operation`](crate::wire::Operation) to \
             serialize a {input_link} and parse the response."
        )),
        "",
    );
    let arms = operation.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let path = type_path(&e.error);
        quote! {
            ::std::option::Option::Some(#path::CODE) => response.typed().map(#error::#variant).unwrap_or_else(#error::Unhandled),
        }
    });
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct #name;

        impl crate::wire::Operation for #name {
            const NAME: &'static str = #wire_name;
            const TARGET: &'static str = #target;
            type Input = #input;
            type Output = #output;
            type Error = #error;

            fn error_from_response(response: crate::wire::ErrorResponse) -> Self::Error {
                match response.code() {
                    #(#arms)*
                    _ => #error::Unhandled(response.into_unhandled()),
                }
            }
        }
    }
}

/// A type's path as rustdoc link text.
fn type_path_text(name: &crate::plan::ir::TypeName) -> String {
    type_path(name).to_string().replace(' ', "")
}
