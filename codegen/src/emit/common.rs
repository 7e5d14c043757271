//! Small helpers shared by the emitters: identifiers, type paths, doc attributes, the
//! member an error reads its message from.

use crate::plan::docs;
use crate::plan::ir::{Member, Module, RustType, Structure, StructureRole, TypeName};
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

/// Where emitted code sits, so that a type defined beside it is named without a path.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// Outside the generated types (support code): every type by its path from the crate root.
    Crate,
    /// The file that defines this type. A file of `types` or `errors` defines one type; an
    /// operation's file defines every type of that operation's module.
    Beside(&'a TypeName),
}

impl Scope<'_> {
    /// Whether `name` is defined in the same module, so its bare name resolves to it: a
    /// local item always wins over the prelude, and no two types of a module share a name.
    fn is_local(self, name: &TypeName) -> bool {
        match self {
            Scope::Crate => false,
            Scope::Beside(here) => match (&here.module, &name.module) {
                (Module::Operation(a), Module::Operation(b)) => a == b,
                _ => here == name,
            },
        }
    }
}

/// The path of a generated type, absolute from the crate root.
pub fn type_path(name: &TypeName) -> TokenStream {
    type_path_in(name, Scope::Crate)
}

/// The path of a generated type as written in `scope`: its bare name when it is defined
/// there, its path from the crate root otherwise.
pub fn type_path_in(name: &TypeName, scope: Scope<'_>) -> TokenStream {
    let ty = ident(&name.name);
    if scope.is_local(name) {
        return quote!(#ty);
    }
    match &name.module {
        Module::Types => quote!(crate::types::#ty),
        Module::Errors => quote!(crate::errors::#ty),
        Module::Operation(module) => {
            let module = ident(module);
            quote!(crate::operations::#module::#ty)
        }
    }
}

/// The Rust type of a value (without the `Option` of optional members) as written in
/// `scope`. Standard library types are spelled by absolute path so that a model shape named
/// `Result` or `String` cannot shadow them.
pub fn rust_type_in(ty: &RustType, scope: Scope<'_>) -> TokenStream {
    let path = |name| type_path_in(name, scope);
    match ty {
        RustType::String => quote!(::std::string::String),
        RustType::Boolean => quote!(bool),
        RustType::Byte => quote!(i8),
        RustType::Short => quote!(i16),
        RustType::Integer => quote!(i32),
        RustType::Long => quote!(i64),
        RustType::Float => quote!(f32),
        RustType::Double => quote!(f64),
        RustType::Timestamp(_) => quote!(crate::primitives::DateTime),
        RustType::Blob => quote!(crate::primitives::Blob),
        RustType::Document => quote!(::serde_json::Value),
        RustType::BigInteger => quote!(crate::primitives::BigInteger),
        RustType::BigDecimal => quote!(crate::primitives::BigDecimal),
        RustType::Enum(name) | RustType::IntEnum(name) => path(&name.name),
        RustType::Union { name, boxed: false } | RustType::Structure { name, boxed: false } => {
            path(&name.name)
        }
        RustType::Union { name, boxed: true } | RustType::Structure { name, boxed: true } => {
            let path = path(&name.name);
            quote!(::std::boxed::Box<#path>)
        }
        RustType::List(item) => {
            let item = rust_type_in(item, scope);
            quote!(::std::vec::Vec<#item>)
        }
        RustType::SparseList(item) => {
            let item = rust_type_in(item, scope);
            quote!(::std::vec::Vec<::std::option::Option<#item>>)
        }
        RustType::Map(value) => {
            let value = rust_type_in(value, scope);
            quote!(::std::collections::BTreeMap<::std::string::String, #value>)
        }
        RustType::SparseMap(value) => {
            let value = rust_type_in(value, scope);
            quote!(::std::collections::BTreeMap<::std::string::String, ::std::option::Option<#value>>)
        }
    }
}

/// The wire codec type for a value (see the generated `wire` module): `Plain` where serde's
/// own impls are right, a composition of codecs where they are not.
pub fn codec(ty: &RustType) -> TokenStream {
    use crate::plan::ir::TimestampFormat;
    match ty {
        RustType::Float | RustType::Double => quote!(crate::wire::Float),
        RustType::Timestamp(TimestampFormat::DateTime) => quote!(crate::wire::DateTimeString),
        RustType::Timestamp(TimestampFormat::HttpDate) => quote!(crate::wire::HttpDateString),
        RustType::List(item) => {
            let item = codec(item);
            quote!(crate::wire::List<#item>)
        }
        RustType::SparseList(item) => {
            let item = codec(item);
            quote!(crate::wire::SparseList<#item>)
        }
        RustType::Map(value) => {
            let value = codec(value);
            quote!(crate::wire::Map<#value>)
        }
        RustType::SparseMap(value) => {
            let value = codec(value);
            quote!(crate::wire::SparseMap<#value>)
        }
        _ => quote!(crate::wire::Plain),
    }
}

/// `#[deprecated]` from the model's note, if any.
pub fn deprecated_attr(note: Option<&str>) -> TokenStream {
    match note {
        Some(note) => quote!(#[deprecated(note = #note)]),
        None => quote!(),
    }
}

/// The declared type of a member's field as written in `scope`: plain for required or
/// defaulted members, `Option` otherwise.
pub fn field_type(member: &Member, scope: Scope<'_>) -> TokenStream {
    let ty = rust_type_in(&member.ty, scope);
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

/// The member that an error structure's `message()` reads: a string member named `message`
/// in any case, unless it is sensitive (a message is printed by `Display`). Its field is
/// private, so that `message()` is the one way to read it.
pub fn message_field(structure: &Structure) -> Option<&Member> {
    structure.members.iter().find(|m| {
        structure.role == StructureRole::Error
            && m.wire_name.eq_ignore_ascii_case("message")
            && m.ty == RustType::String
            && !m.sensitive
    })
}
