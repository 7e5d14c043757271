//! Structures: the struct itself, its builder, and a `Debug` that hides sensitive members
//! (their JSON impls are written by `json_impls`).

use super::common::{
    deprecated_attr, doc_attrs, field_type, ident, message_field, rust_type_in, Scope,
};
use super::default_values::{default_value, is_rust_default};
use crate::plan::ir::{DefaultValue, Member, RustType, Structure, StructureRole};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The struct, its builder and their trait impls; `eq_hash` when the struct derives `Eq`
/// and `Hash` (see [`EqHash`](super::derives::EqHash)).
pub fn emit_structure(structure: &Structure, eq_hash: bool) -> TokenStream {
    let name = ident(&structure.name.name);
    let scope = Scope::Beside(&structure.name);
    let fallback = format!("The `{}` structure.", structure.id.name());
    let docs = doc_attrs(structure.docs.as_deref(), &fallback);
    let fields = structure.members.iter().map(|member| {
        let field = ident(&member.field_name);
        let ty = field_type(member, scope);
        let docs = member_docs(member);
        let deprecated = deprecated_attr(member.deprecated.as_deref());
        // `message()` is the one way to read an error's message.
        let visibility =
            if message_field(structure).is_some_and(|m| m.wire_name == member.wire_name) {
                quote!()
            } else {
                quote!(pub)
            };
        quote! {
            #docs
            #deprecated
            #visibility #field: #ty,
        }
    });
    let debug_derive = if structure.has_sensitive() {
        quote!()
    } else {
        quote!(Debug,)
    };
    let debug_impl = if structure.has_sensitive() {
        redacting_debug(&name, &structure.name.name, &structure.members, false)
    } else {
        quote!()
    };
    let builder = emit_builder(structure);
    let validate = super::validation::emit_validate(structure);
    let json = super::json_impls::emit_json_impls(structure);
    // Errors remember the response they came from (status, request id); not on the wire.
    let response_field = if structure.role == StructureRole::Error {
        quote!(response: ::std::option::Option<crate::primitives::ResponseMeta>,)
    } else {
        quote!()
    };
    let struct_deprecated = deprecated_attr(structure.deprecated.as_deref());
    let eq_hash = if eq_hash { quote!(Eq, Hash,) } else { quote!() };
    let default_impl = if structure.has_required_without_default() {
        quote!()
    } else {
        quote! {
            impl ::std::default::Default for #name {
                fn default() -> Self {
                    Self::builder().build()
                }
            }
        }
    };
    quote! {
        #docs
        #struct_deprecated
        #[non_exhaustive]
        #[derive(Clone, #debug_derive PartialEq, #eq_hash)]
        pub struct #name {
            #(#fields)*
            #response_field
        }

        #json

        #default_impl
        #debug_impl
        #builder
        #validate
    }
}

/// A member's docs, with the wire name and constraints a user needs when building it.
fn member_docs(member: &Member) -> TokenStream {
    let mut text = member
        .docs
        .clone()
        .unwrap_or_else(|| format!("The `{}` member.", member.wire_name));
    let mut facts = vec![format!("Wire name: `{}`", member.wire_name)];
    if member.required {
        facts.push("required".to_owned());
    }
    if let Some(default) = &member.default {
        facts.push(format!("default `{default}`"));
    }
    if let Some(default) = &member.server_default {
        facts.push(format!(
            "default `{default}`, which a server fills in and a client does not send"
        ));
    }
    if let Some((min, max)) = member.constraints.length {
        facts.push(format!("length {}", bounds(min, max)));
    }
    if let Some((min, max)) = &member.constraints.range {
        facts.push(format!("range {}", bounds(min.as_ref(), max.as_ref())));
    }
    if let Some(pattern) = &member.constraints.pattern {
        facts.push(format!("pattern `` {} ``", pattern.source));
    }
    if member.sensitive {
        facts.push("sensitive: never printed by `Debug`".to_owned());
    }
    text.push_str("\n\n");
    text.push_str(&facts.join("; "));
    text.push('.');
    doc_attrs(Some(&text), "")
}

fn bounds<T: std::fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("{min}..={max}"),
        (Some(min), None) => format!("{min}.."),
        (None, Some(max)) => format!("..={max}"),
        (None, None) => "..".to_owned(),
    }
}

/// A `Debug` impl that prints sensitive members as a redaction marker. For a builder
/// (`builder == true`) every field is an `Option`.
pub fn redacting_debug(
    name: &proc_macro2::Ident,
    label: &str,
    members: &[Member],
    builder: bool,
) -> TokenStream {
    let fields = members.iter().map(|member| {
        let field = ident(&member.field_name);
        let label = member.field_name.trim_start_matches("r#");
        if !member.sensitive {
            quote!(.field(#label, &self.#field))
        } else if member.is_plain() && !builder {
            quote!(.field(#label, &crate::primitives::Redacted))
        } else {
            quote!(.field(#label, &self.#field.as_ref().map(|_| crate::primitives::Redacted)))
        }
    });
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#label)
                    #(#fields)*
                    .finish()
            }
        }
    }
}

/// The `FooBuilder` type: optional fields, one setter and one `set_` per member, and
/// `build()`, which fails only when the structure has required members without defaults.
fn emit_builder(structure: &Structure) -> TokenStream {
    let response_init = if structure.role == StructureRole::Error {
        quote!(response: ::std::option::Option::None,)
    } else {
        quote!()
    };
    let name = ident(&structure.name.name);
    let scope = Scope::Beside(&structure.name);
    let builder = format_ident!("{}", crate::plan::names::builder_name(&structure.name.name));
    let builder_doc = format!(
        " Builds a [`{}`]; start with [`{}::builder`].",
        structure.name.name, structure.name.name
    );
    let fields = structure.members.iter().map(|member| {
        let field = ident(&member.field_name);
        let ty = rust_type_in(&member.ty, scope);
        quote!(#field: ::std::option::Option<#ty>,)
    });
    let setters = structure.members.iter().map(|member| {
        let field = ident(&member.field_name);
        let setter = format_ident!("set_{}", member.field_name.trim_start_matches("r#"));
        let ty = rust_type_in(&member.ty, scope);
        let set_doc = format!(" Sets `{}`.", member.wire_name);
        let set_opt_doc = format!(" Sets or clears `{}`.", member.wire_name);
        // A builder setter is named after its member, even when the member's name reads like
        // a conversion (`IsDynamic` -> `is_dynamic`); renaming it would hide the wire name.
        let bare = member.field_name.trim_start_matches("r#");
        let convention = ["is_", "as_", "to_", "into_", "from_"]
            .iter()
            .any(|p| bare.starts_with(p));
        let allow = if convention {
            quote!(#[allow(clippy::wrong_self_convention)])
        } else {
            quote!()
        };
        quote! {
            #[doc = #set_doc]
            #allow
            pub fn #field(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
                self.#field = ::std::option::Option::Some(value.into());
                self
            }
            #[doc = #set_opt_doc]
            pub fn #setter(mut self, value: ::std::option::Option<#ty>) -> Self {
                self.#field = value;
                self
            }
        }
    });
    let type_label = &structure.name.name;
    let inits = structure.members.iter().map(|member| {
        let field = ident(&member.field_name);
        let wire = &member.wire_name;
        match (&member.default, member.required) {
            (Some(default), _) => match (&member.ty, default) {
                (ty, default) if is_rust_default(ty, default) => {
                    quote!(#field: self.#field.unwrap_or_default(),)
                }
                // Defaults that allocate are built only when the member is left unset.
                (
                    RustType::String
                    | RustType::Enum(_)
                    | RustType::Blob
                    | RustType::BigInteger
                    | RustType::BigDecimal
                    | RustType::List(_)
                    | RustType::SparseList(_)
                    | RustType::Map(_)
                    | RustType::SparseMap(_),
                    _,
                )
                | (RustType::Document, DefaultValue::Document(serde_json::Value::String(_))) => {
                    let value = default_value(&member.ty, default, scope);
                    quote!(#field: self.#field.unwrap_or_else(|| #value),)
                }
                _ => {
                    let value = default_value(&member.ty, default, scope);
                    quote!(#field: self.#field.unwrap_or(#value),)
                }
            },
            (None, true) => quote! {
                #field: self.#field.ok_or(crate::primitives::BuildError::missing(#type_label, #wire))?,
            },
            (None, false) => quote!(#field: self.#field,),
        }
    });
    let (build_ret, build_body, build_doc) = if structure.has_required_without_default() {
        (
            quote!(::std::result::Result<#name, crate::primitives::BuildError>),
            quote!(::std::result::Result::Ok(#name { #(#inits)* #response_init })),
            " Builds the value; fails naming the first required member that is not set.",
        )
    } else {
        (
            quote!(#name),
            quote!(#name { #(#inits)* #response_init }),
            " Builds the value; members left unset take their defaults.",
        )
    };
    let debug = if structure.has_sensitive() {
        redacting_debug(
            &builder,
            &crate::plan::names::builder_name(&structure.name.name),
            &structure.members,
            true,
        )
    } else {
        quote!()
    };
    let debug_derive = if structure.has_sensitive() {
        quote!()
    } else {
        quote!(Debug,)
    };
    let start_doc = format!(" Starts building a `{}`.", structure.name.name);
    quote! {
        impl #name {
            #[doc = #start_doc]
            pub fn builder() -> #builder {
                #builder::default()
            }
        }

        #[doc = #builder_doc]
        #[derive(Clone, #debug_derive Default, PartialEq)]
        pub struct #builder {
            #(#fields)*
        }

        #debug

        impl #builder {
            #(#setters)*

            #[doc = #build_doc]
            pub fn build(self) -> #build_ret {
                #build_body
            }
        }
    }
}
