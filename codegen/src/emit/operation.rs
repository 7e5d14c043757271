//! An operation's module: the operation's documentation, its own input and output
//! structures, and its error enum.

use super::common::inner_doc_attrs;
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
    quote! {
        #docs

        #(#structures)*

        #error_enum
    }
}
