//! An operation's module: the operation's documentation, its own input and output
//! structures, and its error enum.

use super::common::{
    doc_attrs, ident, inner_doc_attrs, rust_type_in, type_path, type_path_in, Scope,
};
use super::derives::EqHash;
use super::error::emit_operation_error;
use super::structure::emit_structure;
use crate::plan::ir::{Module, Operation, Service};
use proc_macro2::TokenStream;
use quote::quote;

/// The whole `operations/<name>.rs` file.
pub fn emit_operation(service: &Service, operation: &Operation, eq_hash: &EqHash) -> TokenStream {
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
        .structures()
        .filter(|s| s.name.module == own_module)
        .map(|s| emit_structure(s, eq_hash.derives(&s.id)));
    let error_enum = emit_operation_error(operation, eq_hash);
    let marker = emit_marker(service, operation);
    let pagination = emit_pagination(service, operation);
    quote! {
        #docs

        #marker

        #pagination

        #(#structures)*

        #error_enum
    }
}

/// The zero-sized operation type and its `wire::Operation` impl. Only the error-code dispatch
/// is operation-specific; everything else is the trait's shared code.
fn emit_marker(service: &Service, operation: &Operation) -> TokenStream {
    let name = ident(&operation.rust_name);
    let wire_name = &operation.wire_name;
    let target = &operation.target_header;
    let here = operation_scope(operation);
    let input = type_path_in(&operation.input.name, Scope::Beside(&here));
    let output = type_path_in(&operation.output.name, Scope::Beside(&here));
    let error = ident(&operation.error_enum);
    let input_name = &operation.input.name;
    let input_link = if input_name.module == Module::Operation(operation.module.clone()) {
        format!("[`{}`]", input_name.name)
    } else {
        format!("[`{}`]({})", input_name.name, type_path_text(input_name))
    };
    let mut text = format!(
        "The `{wire_name}` operation: use it through [`Operation`](crate::wire::Operation) to \
         serialize a {input_link} and parse the response."
    );
    if let Some(examples) = super::examples::examples_section(service, operation) {
        text.push_str("\n\n");
        text.push_str(&examples);
    }
    let doc = doc_attrs(Some(&text), "");
    let deprecated = super::common::deprecated_attr(operation.deprecated.as_deref());
    let fill_defaults = idempotency_fill(service, operation);
    let host_prefix = host_prefix(service, operation);
    let compresses = if operation.request_compression {
        quote!(
            const COMPRESSES_REQUESTS: bool = true;
        )
    } else {
        quote!()
    };
    let query_compatible = if service.query_compatible {
        quote!(
            const QUERY_COMPATIBLE: bool = true;
        )
    } else {
        quote!()
    };
    quote! {
        #doc
        #deprecated
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct #name;

        impl crate::wire::Operation for #name {
            const NAME: &'static str = #wire_name;
            const TARGET: &'static str = #target;
            type Input = #input;
            type Output = #output;
            type Error = #error;

            #fill_defaults

            #host_prefix

            #compresses

            #query_compatible

            fn error_from_response(response: crate::wire::ErrorResponse) -> Self::Error {
                #error::from_response(response)
            }
        }
    }
}

/// `Paginated` (and `PaginatedItems`) for an operation with `smithy.api#paginated`. The
/// planner has checked that the named members exist with the right types.
fn emit_pagination(service: &Service, operation: &Operation) -> TokenStream {
    let Some(paginated) = &operation.paginated else {
        return quote!();
    };
    let find = |name: &crate::plan::ir::TypeRef, member: &str| {
        service
            .structure(&name.id)
            .and_then(|s| s.members.iter().find(|m| m.wire_name == member))
    };
    let (Some(input_token), Some(output_token)) = (
        find(&operation.input, &paginated.input_token),
        find(&operation.output, &paginated.output_token),
    ) else {
        return quote!();
    };
    let name = ident(&operation.rust_name);
    let (input_wire, output_wire) = (&paginated.input_token, &paginated.output_token);
    let page_size = match &paginated.page_size {
        Some(size) => quote!(::std::option::Option::Some(#size)),
        None => quote!(::std::option::Option::None),
    };
    let input_field = ident(&input_token.field_name);
    let output_field = ident(&output_token.field_name);
    let (read_input, write_input) = if input_token.is_plain() {
        (
            quote!(::std::option::Option::Some(input.#input_field.as_str())),
            quote!(input.#input_field = token.unwrap_or_default();),
        )
    } else {
        (
            quote!(input.#input_field.as_deref()),
            quote!(input.#input_field = token;),
        )
    };
    let read_output = if output_token.is_plain() {
        quote!(::std::option::Option::Some(output.#output_field.as_str()))
    } else {
        quote!(output.#output_field.as_deref())
    };
    let items = paginated
        .items
        .as_ref()
        .and_then(|items| find(&operation.output, items))
        .and_then(|member| {
            let crate::plan::ir::RustType::List(item) = &member.ty else {
                return None;
            };
            let here = operation_scope(operation);
            let item = rust_type_in(item, Scope::Beside(&here));
            let field = ident(&member.field_name);
            let wire = &member.wire_name;
            let take = if member.is_plain() {
                quote!(output.#field)
            } else {
                quote!(output.#field.unwrap_or_default())
            };
            Some(quote! {
                impl crate::wire::PaginatedItems for #name {
                    type Item = #item;
                    const ITEMS: &'static str = #wire;

                    fn into_items(output: Self::Output) -> ::std::vec::Vec<Self::Item> {
                        #take
                    }
                }
            })
        });
    quote! {
        impl crate::wire::Paginated for #name {
            const INPUT_TOKEN: &'static str = #input_wire;
            const OUTPUT_TOKEN: &'static str = #output_wire;
            const PAGE_SIZE: ::std::option::Option<&'static str> = #page_size;

            fn input_token(input: &Self::Input) -> ::std::option::Option<&str> {
                #read_input
            }

            fn set_input_token(input: &mut Self::Input, token: ::std::option::Option<::std::string::String>) {
                #write_input
            }

            fn output_token(output: &Self::Output) -> ::std::option::Option<&str> {
                #read_output
            }
        }

        #items
    }
}

/// `fill_defaults` for an input with `@idempotencyToken` members: a fresh token where the
/// caller left the member unset (or empty).
fn idempotency_fill(service: &Service, operation: &Operation) -> TokenStream {
    let Some(input) = service.structure(&operation.input.id) else {
        return quote!();
    };
    let fills: Vec<TokenStream> = input
        .members
        .iter()
        .filter(|m| m.idempotency_token && m.ty == crate::plan::ir::RustType::String)
        .map(|m| {
            let field = ident(&m.field_name);
            if m.is_plain() {
                quote! {
                    if input.#field.is_empty() {
                        filled.get_or_insert_with(|| input.clone()).#field = crate::wire::idempotency_token();
                    }
                }
            } else {
                quote! {
                    if input.#field.as_deref().map_or(true, str::is_empty) {
                        filled.get_or_insert_with(|| input.clone()).#field = ::std::option::Option::Some(crate::wire::idempotency_token());
                    }
                }
            }
        })
        .collect();
    if fills.is_empty() {
        return quote!();
    }
    quote! {
        fn fill_defaults(input: &Self::Input) -> ::std::option::Option<Self::Input> {
            let mut filled: ::std::option::Option<Self::Input> = ::std::option::Option::None;
            #(#fills)*
            filled
        }
    }
}

/// A name in the operation's own module, standing for the module in [`Scope::Beside`].
fn operation_scope(operation: &Operation) -> crate::plan::ir::TypeName {
    crate::plan::ir::TypeName {
        module: Module::Operation(operation.module.clone()),
        name: operation.rust_name.clone(),
    }
}

/// A type's path as rustdoc link text.
fn type_path_text(name: &crate::plan::ir::TypeName) -> String {
    type_path(name).to_string().replace(' ', "")
}

/// `Operation::host_prefix` for an operation with `smithy.api#endpoint`: the literal parts
/// and the checked `@hostLabel` members, in order.
fn host_prefix(service: &Service, operation: &Operation) -> TokenStream {
    use crate::plan::ir::HostPrefixPart;
    let Some(parts) = &operation.host_prefix else {
        return quote!();
    };
    let input = service.structure(&operation.input.id);
    let pushes = parts.iter().map(|part| match part {
        HostPrefixPart::Literal(text) => match text.chars().collect::<Vec<_>>().as_slice() {
            [one] => quote!(prefix.push(#one);),
            _ => quote!(prefix.push_str(#text);),
        },
        HostPrefixPart::Label(wire) => {
            let field = input
                .and_then(|s| s.members.iter().find(|m| &m.wire_name == wire))
                .map(|m| ident(&m.field_name))
                .unwrap_or_else(|| ident(wire));
            quote!(prefix.push_str(crate::wire::host_label(#wire, &input.#field)?);)
        }
    });
    // Without labels the input is not read.
    let input_arg = if parts.iter().any(|p| matches!(p, HostPrefixPart::Label(_))) {
        quote!(input)
    } else {
        quote!(_input)
    };
    quote! {
        fn host_prefix(#input_arg: &Self::Input) -> ::std::result::Result<::std::option::Option<::std::string::String>, crate::wire::RequestError> {
            let mut prefix = ::std::string::String::new();
            #(#pushes)*
            ::std::result::Result::Ok(::std::option::Option::Some(prefix))
        }
    }
}
