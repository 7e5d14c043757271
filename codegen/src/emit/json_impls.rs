//! A structure's `Serialize` and `FromJsonObject` impls, written out instead of derived: a
//! generated crate then needs no `serde_derive` (and so no `syn`, `quote` or `proc-macro2`
//! in its users' builds), and reading can match member names without allocating and apply
//! defaults as it goes. The wire form is exactly the one serde's derive gave: members in
//! declaration order, unset optional members left out, `null` read as absent, duplicate
//! and missing members refused with serde's messages, unknown members skipped.

use super::common::{codec, ident, Scope};
use super::default_values::{default_value, is_rust_default};
use crate::plan::ir::{Member, RustType, Structure, StructureRole};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// How a member is read and written.
enum Kind {
    /// Not required and no default: an `Option`, left out when `None`.
    Optional,
    /// Required without a default: missing is an error.
    Required,
    /// A model default: `null` or absent reads as `value`, and an input member equal to it
    /// is not sent (`skip_when_default`).
    Defaulted {
        value: Option<TokenStream>,
        skip_when_default: bool,
    },
}

fn kind(member: &Member, scope: Scope<'_>, input: bool) -> Kind {
    match (&member.default, member.required) {
        (Some(default), _) => Kind::Defaulted {
            value: (!is_rust_default(&member.ty, default))
                .then(|| default_value(&member.ty, default, scope)),
            skip_when_default: input,
        },
        (None, true) => Kind::Required,
        (None, false) => Kind::Optional,
    }
}

/// The impls: `Serialize`, `FromJsonObject`, and `Deserialize` through `json_object!`.
pub fn emit_json_impls(structure: &Structure) -> TokenStream {
    let name = ident(&structure.name.name);
    let scope = Scope::Beside(&structure.name);
    let input = structure.role == StructureRole::Input;
    let kinds: Vec<Kind> = structure
        .members
        .iter()
        .map(|m| kind(m, scope, input))
        .collect();
    // A deprecated member is still read and written.
    let allow = if structure.members.iter().any(|m| m.deprecated.is_some()) {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    };
    let serialize = emit_serialize(structure, &kinds);
    let from_map = emit_from_map(structure, &kinds);
    quote! {
        #allow
        #serialize
        #allow
        #from_map
        crate::wire::json_object!(#name);
    }
}

fn emit_serialize(structure: &Structure, kinds: &[Kind]) -> TokenStream {
    let name = ident(&structure.name.name);
    let label = &structure.name.name;
    let mut counts = Vec::new();
    let writes = structure.members.iter().zip(kinds).map(|(member, kind)| {
        let field = ident(&member.field_name);
        let wire = &member.wire_name;
        let write = |value: TokenStream| {
            if member.ty.needs_codec() {
                let codec = codec(&member.ty);
                quote!(state.serialize_field(#wire, &crate::wire::Encoded::<#codec, _>::new(#value))?;)
            } else {
                quote!(state.serialize_field(#wire, #value)?;)
            }
        };
        match kind {
            Kind::Optional => {
                counts.push(quote!(usize::from(self.#field.is_some())));
                let write = write(quote!(value));
                quote! {
                    if let ::std::option::Option::Some(value) = &self.#field {
                        #write
                    }
                }
            }
            Kind::Required
            | Kind::Defaulted {
                skip_when_default: false,
                ..
            } => {
                counts.push(quote!(1));
                write(quote!(&self.#field))
            }
            Kind::Defaulted {
                value,
                skip_when_default: true,
            } => {
                let is_default = match value {
                    Some(value) => quote!(crate::wire::equals_default(&self.#field, #value)),
                    None => quote!(crate::wire::is_default(&self.#field)),
                };
                counts.push(quote!(usize::from(!#is_default)));
                let write = write(quote!(&self.#field));
                quote! {
                    if !#is_default {
                        #write
                    }
                }
            }
        }
    });
    let writes: Vec<TokenStream> = writes.collect();
    let len = if counts.is_empty() {
        quote!(0)
    } else {
        quote!(#(#counts)+*)
    };
    let state = if structure.members.is_empty() {
        quote!(let state = serializer.serialize_struct(#label, #len)?;)
    } else {
        quote!(let mut state = serializer.serialize_struct(#label, #len)?;)
    };
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                #state
                #(#writes)*
                state.end()
            }
        }
    }
}

/// The wire names a structure reads, in member order, then the aliases of an error's
/// message (services spell it `message` or `Message`); with, per member, the positions that
/// name it.
fn wire_names(structure: &Structure) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut names: Vec<String> = structure
        .members
        .iter()
        .map(|m| m.wire_name.clone())
        .collect();
    let mut positions: Vec<Vec<usize>> = (0..names.len()).map(|i| vec![i]).collect();
    if structure.role == StructureRole::Error {
        for (i, member) in structure.members.iter().enumerate() {
            if member.wire_name.eq_ignore_ascii_case("message") {
                let alias = if member.wire_name == "message" {
                    "Message"
                } else {
                    "message"
                };
                positions[i].push(names.len());
                names.push(alias.to_owned());
            }
        }
    }
    (names, positions)
}

fn emit_from_map(structure: &Structure, kinds: &[Kind]) -> TokenStream {
    let name = ident(&structure.name.name);
    let (names, positions) = wire_names(structure);
    let slot = |i: usize| format_ident!("member_{}", i);
    let slots = (0..structure.members.len()).map(|i| {
        let slot = slot(i);
        quote!(let mut #slot = ::std::option::Option::None;)
    });
    let arms = structure
        .members
        .iter()
        .zip(kinds)
        .enumerate()
        .map(|(i, (member, kind))| {
            let slot = slot(i);
            let wire = &member.wire_name;
            let codec = codec(&member.ty);
            let seed = match kind {
                Kind::Required => quote!(crate::wire::Decoded::<#codec, _>::new()),
                _ => quote!(crate::wire::Decoded::<crate::wire::Optional<#codec>, _>::new()),
            };
            let at = positions[i].iter().map(|&p| Literal::usize_unsuffixed(p));
            quote!(#(#at)|* => crate::wire::read_member(&mut map, &mut #slot, #wire, #seed)?,)
        });
    let inits = structure
        .members
        .iter()
        .zip(kinds)
        .enumerate()
        .map(|(i, (member, kind))| {
            let slot = slot(i);
            let field = ident(&member.field_name);
            let wire = &member.wire_name;
            let value = match kind {
                Kind::Optional => quote!(#slot.flatten()),
                Kind::Required => quote!(crate::wire::required(#slot, #wire)?),
                Kind::Defaulted { value: None, .. } => quote!(#slot.flatten().unwrap_or_default()),
                // As the builder does: a closure only where the default allocates.
                Kind::Defaulted {
                    value: Some(value), ..
                } => match member.ty {
                    RustType::String | RustType::Enum(_) => {
                        quote!(#slot.flatten().unwrap_or_else(|| #value))
                    }
                    _ => quote!(#slot.flatten().unwrap_or(#value)),
                },
            };
            quote!(#field: #value,)
        });
    // Errors remember the response they came from (status, request id); not on the wire.
    let response = if structure.role == StructureRole::Error {
        quote!(response: ::std::option::Option::None,)
    } else {
        quote!()
    };
    // Without members every entry is skipped, and there is nothing to match.
    let read = if structure.members.is_empty() {
        quote! {
            while map.next_key::<::serde::de::IgnoredAny>()?.is_some() {
                map.next_value::<::serde::de::IgnoredAny>()?;
            }
        }
    } else {
        quote! {
            #(#slots)*
            while let ::std::option::Option::Some(key) = map.next_key_seed(crate::wire::MemberKey(&[#(#names),*]))? {
                match key {
                    #(#arms)*
                    _ => {
                        map.next_value::<::serde::de::IgnoredAny>()?;
                    }
                }
            }
        }
    };
    quote! {
        impl<'de> crate::wire::FromJsonObject<'de> for #name {
            fn from_map<A: ::serde::de::MapAccess<'de>>(mut map: A) -> ::std::result::Result<Self, A::Error> {
                #read
                ::std::result::Result::Ok(#name {
                    #(#inits)*
                    #response
                })
            }
        }
    }
}
