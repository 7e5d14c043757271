//! Small token helpers shared by the emitters: identifiers, type paths, doc attributes.

use crate::plan::docs;
use crate::plan::ir::{Member, Module, RustType, TypeName};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// Width that generated doc comments are wrapped at (before the `/// ` prefix and indent).
const DOC_WIDTH: usize = 88;

/// An identifier, raw when the name was escaped as `r#name`.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The path of a generated type, absolute from the crate root.
pub fn type_path(name: &TypeName) -> TokenStream {
    let ty = ident(&name.name);
    match &name.module {
        Module::Types => quote!(crate::types::#ty),
        Module::Errors => quote!(crate::errors::#ty),
        Module::Operation(module) => {
            let module = ident(module);
            quote!(crate::operations::#module::#ty)
        }
    }
}

/// The Rust type of a value (without the `Option` of optional members). Standard library
/// types are spelled by absolute path so that a model shape named `Result` or `String`
/// cannot shadow them.
pub fn rust_type(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(::std::string::String),
        RustType::Boolean => quote!(bool),
        RustType::Byte => quote!(i8),
        RustType::Short => quote!(i16),
        RustType::Integer => quote!(i32),
        RustType::Long => quote!(i64),
        RustType::Float => quote!(f32),
        RustType::Double => quote!(f64),
        RustType::Timestamp => quote!(crate::primitives::DateTime),
        RustType::Enum(name) => type_path(name),
        RustType::Structure { name, boxed: false } => type_path(name),
        RustType::Structure { name, boxed: true } => {
            let path = type_path(name);
            quote!(::std::boxed::Box<#path>)
        }
        RustType::List(item) => {
            let item = rust_type(item);
            quote!(::std::vec::Vec<#item>)
        }
    }
}

/// The declared type of a member's field: plain for required or defaulted members,
/// `Option` otherwise.
pub fn field_type(member: &Member) -> TokenStream {
    let ty = rust_type(&member.ty);
    if member.is_plain() {
        ty
    } else {
        quote!(::std::option::Option<#ty>)
    }
}

/// Outer `#[doc]` attributes from Markdown, or from `fallback` when the model has none.
pub fn doc_attrs(markdown: Option<&str>, fallback: &str) -> TokenStream {
    let text = markdown
        .filter(|m| !m.trim().is_empty())
        .unwrap_or(fallback);
    let lines = docs::wrap(text, DOC_WIDTH).into_iter().map(|line| {
        let line = if line.is_empty() {
            line
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Inner `#![doc]` attributes, for module documentation.
pub fn inner_doc_attrs(markdown: &str) -> TokenStream {
    let lines = docs::wrap(markdown, DOC_WIDTH).into_iter().map(|line| {
        let line = if line.is_empty() {
            line
        } else {
            format!(" {line}")
        };
        quote!(#![doc = #line])
    });
    quote!(#(#lines)*)
}

/// A module's file name for a (possibly raw) module identifier.
pub fn file_stem(module: &str) -> &str {
    module.strip_prefix("r#").unwrap_or(module)
}
