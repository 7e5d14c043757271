//! Structures: the struct itself, its builder, and a `Debug` that hides sensitive members.

use super::common::{
    codec, deprecated_attr, doc_attrs, field_type, ident, message_field, rust_type_in,
    type_path_in, Scope,
};
use crate::plan::ir::{DefaultValue, Member, RustType, Structure, StructureRole, TypeName};
use proc_macro2::{Literal, TokenStream};
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
        let mut serde = serde_attrs(
            &structure.name.name,
            member,
            structure.role == StructureRole::Input,
        );
        if structure.role == StructureRole::Error
            && member.wire_name.eq_ignore_ascii_case("message")
        {
            // Services spell the error message `message` or `Message`; accept both.
            let alias = if member.wire_name == "message" {
                "Message"
            } else {
                "message"
            };
            serde.extend(quote!(#[serde(alias = #alias)]));
        }
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
            #serde
            #visibility #field: #ty,
        }
    });
    let default_fns = structure
        .members
        .iter()
        .filter_map(|m| default_fns(&structure.name, m, structure.role == StructureRole::Input));
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
    // Errors remember the response they came from (status, request id); not on the wire.
    let response_field = if structure.role == StructureRole::Error {
        quote!(#[serde(skip)] response: ::std::option::Option<crate::primitives::ResponseMeta>,)
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
        #[derive(Clone, #debug_derive PartialEq, #eq_hash ::serde::Serialize, ::serde::Deserialize)]
        #[serde(remote = "Self")]
        pub struct #name {
            #(#fields)*
            #response_field
        }

        crate::wire::json_object!(#name);

        #(#default_fns)*

        #default_impl
        #debug_impl
        #builder
        #validate
    }
}

/// The serde attributes that give a field its wire form: the member name, optional members
/// left out when unset, and `null` read as absent (or as the default, for defaulted members).
fn serde_attrs(type_name: &str, member: &Member, skip_defaults: bool) -> TokenStream {
    let wire = &member.wire_name;
    // Types whose wire form serde's own impls get wrong go through the wire module's codecs.
    let codec = member
        .ty
        .needs_codec()
        .then(|| codec(&member.ty).to_string());
    let with = |encode: &str, decode: &str| -> TokenStream {
        match &codec {
            Some(codec) => {
                let encode = format!("crate::wire::{encode}::<{codec}, _, _>");
                let decode = format!("crate::wire::{decode}::<{codec}, _, _>");
                quote!(#[serde(serialize_with = #encode, deserialize_with = #decode)])
            }
            None => quote!(),
        }
    };
    match (&member.default, member.required) {
        // Inputs leave out members equal to their model default: the service fills them in,
        // and a client that sends them would pin an old default.
        (Some(default), _) if is_rust_default(&member.ty, default) => {
            let skip = if skip_defaults {
                quote!(#[serde(skip_serializing_if = "crate::wire::is_default")])
            } else {
                quote!()
            };
            if codec.is_some() {
                let with = with("encode", "decode_or_default");
                quote!(#[serde(rename = #wire, default)] #with #skip)
            } else {
                quote!(#[serde(rename = #wire, default, deserialize_with = "crate::wire::null_as_default")] #skip)
            }
        }
        (Some(_), _) => {
            let (default_fn, deserialize_fn) = default_fn_names(type_name, member);
            let default_fn = default_fn.to_string();
            let deserialize_fn = deserialize_fn.to_string();
            let encode = codec.as_ref().map(|codec| {
                let encode = format!("crate::wire::encode::<{codec}, _, _>");
                quote!(#[serde(serialize_with = #encode)])
            });
            let skip = if skip_defaults {
                let is_default = format!("{default_fn}_is");
                quote!(#[serde(skip_serializing_if = #is_default)])
            } else {
                quote!()
            };
            quote! {
                #[serde(rename = #wire, default = #default_fn, deserialize_with = #deserialize_fn)]
                #encode
                #skip
            }
        }
        (None, true) => {
            let with = with("encode", "decode");
            quote!(#[serde(rename = #wire)] #with)
        }
        (None, false) => {
            let optional = codec.as_ref().map(|codec| {
                let encode = format!("crate::wire::encode::<crate::wire::Optional<{codec}>, _, _>");
                let decode = format!("crate::wire::decode::<crate::wire::Optional<{codec}>, _, _>");
                quote!(#[serde(serialize_with = #encode, deserialize_with = #decode)])
            });
            quote! {
                #[serde(rename = #wire, default, skip_serializing_if = "::std::option::Option::is_none")]
                #optional
            }
        }
    }
}

/// Whether a model default is what `Default::default()` gives for the Rust type, so serde's
/// plain `default` can supply it.
fn is_rust_default(ty: &RustType, value: &DefaultValue) -> bool {
    match (ty, value) {
        (RustType::Boolean, DefaultValue::Boolean(b)) => !b,
        (RustType::String, DefaultValue::String(s)) => s.is_empty(),
        (RustType::List(_) | RustType::SparseList(_), DefaultValue::EmptyList) => true,
        (RustType::Map(_) | RustType::SparseMap(_), DefaultValue::EmptyMap) => true,
        (
            RustType::Byte | RustType::Short | RustType::Integer | RustType::Long,
            DefaultValue::Integer(n),
        ) => *n == 0,
        (RustType::Float | RustType::Double, value) => value.as_f64() == Some(0.0),
        _ => false,
    }
}

fn default_fn_names(type_name: &str, member: &Member) -> (proc_macro2::Ident, proc_macro2::Ident) {
    let base = crate::plan::names::field_name(type_name);
    let field = member.field_name.trim_start_matches("r#");
    (
        format_ident!("{base}_{field}_default"),
        format_ident!("{base}_{field}_or_default"),
    )
}

/// For a member whose model default is not the Rust type's `Default`: a function giving the
/// default and one reading `null` as that default.
fn default_fns(owner: &TypeName, member: &Member, skip_defaults: bool) -> Option<TokenStream> {
    let default = member.default.as_ref()?;
    if is_rust_default(&member.ty, default) {
        return None;
    }
    let scope = Scope::Beside(owner);
    let (default_fn, deserialize_fn) = default_fn_names(&owner.name, member);
    let is_default_fn = quote::format_ident!("{default_fn}_is");
    let ty = rust_type_in(&member.ty, scope);
    let is_default = if skip_defaults {
        quote! {
            fn #is_default_fn(value: &#ty) -> bool {
                *value == #default_fn()
            }
        }
    } else {
        quote!()
    };
    let codec = codec(&member.ty);
    let value = default_value(&member.ty, default, scope);
    Some(quote! {
        fn #default_fn() -> #ty {
            #value
        }

        #is_default

        fn #deserialize_fn<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<#ty, D::Error> {
            let value: ::std::option::Option<#ty> = crate::wire::decode::<crate::wire::Optional<#codec>, _, _>(deserializer)?;
            ::std::result::Result::Ok(value.unwrap_or_else(#default_fn))
        }
    })
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
    if let Some((min, max)) = member.constraints.length {
        facts.push(format!(
            "length {}",
            bounds(min.map(|v| v as f64), max.map(|v| v as f64))
        ));
    }
    if let Some((min, max)) = member.constraints.range {
        facts.push(format!("range {}", bounds(min, max)));
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

fn bounds(min: Option<f64>, max: Option<f64>) -> String {
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
    let builder = format_ident!("{}Builder", structure.name.name);
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
                (RustType::List(_), _) => quote!(#field: self.#field.unwrap_or_default(),),
                (RustType::String | RustType::Enum(_), _) => {
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
            &format!("{}Builder", structure.name.name),
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

/// The expression for a member's model default (checked against the type by the planner).
fn default_value(ty: &RustType, value: &DefaultValue, scope: Scope<'_>) -> TokenStream {
    match (ty, value) {
        (RustType::Boolean, DefaultValue::Boolean(b)) => quote!(#b),
        (RustType::String, DefaultValue::String(s)) => quote!(::std::string::String::from(#s)),
        (RustType::Enum(name), DefaultValue::String(s)) => {
            let path = type_path_in(&name.name, scope);
            quote!(#path::from(#s))
        }
        (RustType::Byte, value) => int_literal(value, Literal::i8_suffixed),
        (RustType::Short, value) => int_literal(value, Literal::i16_suffixed),
        (RustType::Integer, value) => int_literal(value, Literal::i32_suffixed),
        (RustType::Long, value) => int_literal(value, Literal::i64_suffixed),
        (RustType::Float, value) => {
            let lit = Literal::f32_suffixed(value.as_f64().unwrap_or_default() as f32);
            quote!(#lit)
        }
        (RustType::Double, value) => {
            let lit = Literal::f64_suffixed(value.as_f64().unwrap_or_default());
            quote!(#lit)
        }
        (RustType::Timestamp(_), DefaultValue::Integer(_) | DefaultValue::Float(_)) => {
            let secs = match value {
                DefaultValue::Integer(n) => i64::try_from(*n).unwrap_or_default(),
                _ => 0,
            };
            quote!(crate::primitives::DateTime::from_secs(#secs))
        }
        (RustType::List(_), _) => quote!(::std::vec::Vec::new()),
        _ => quote!(::std::default::Default::default()),
    }
}

fn int_literal<T: TryFrom<i128> + Default>(
    value: &DefaultValue,
    make: fn(T) -> Literal,
) -> TokenStream {
    let value = match value {
        DefaultValue::Integer(n) => T::try_from(*n).ok(),
        _ => None,
    }
    .unwrap_or_default();
    let lit = make(value);
    quote!(#lit)
}
