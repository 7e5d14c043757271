//! Unions: a Rust enum with a variant per member and `Unknown`, which keeps the name of a
//! member this version of the crate has not heard of. On the wire a union is a JSON object
//! with exactly one non-null member; `__type` is ignored.

use super::common::{codec, deprecated_attr, doc_attrs, ident, rust_type_in, Scope};
use crate::plan::ir::Union;
use proc_macro2::TokenStream;
use quote::quote;

/// The union enum, its serde impls, `Debug` and validation.
pub fn emit_union(union: &Union) -> TokenStream {
    let name = ident(&union.name.name);
    let scope = Scope::Beside(&union.name);
    let label = union.id.name();
    let docs = doc_attrs(union.docs.as_deref(), &format!("The `{label}` union."));
    let deprecated = deprecated_attr(union.deprecated.as_deref());
    let variants = union.variants.iter().map(|v| {
        let variant = ident(&v.variant);
        let wire = v.wire_name();
        let docs = doc_attrs(v.docs(), &format!("The `{wire}` member."));
        let deprecated = deprecated_attr(v.deprecated());
        match v.value() {
            None => quote!(#docs #deprecated #variant,),
            Some(member) => {
                let ty = rust_type_in(&member.ty, scope);
                quote!(#docs #deprecated #variant(#ty),)
            }
        }
    });
    let serialize_arms = union.variants.iter().map(|v| {
        let variant = ident(&v.variant);
        let wire = v.wire_name();
        match v.value() {
            None => {
                quote!(Self::#variant => map.serialize_entry(#wire, &::serde_json::Map::new())?,)
            }
            Some(member) => {
                let ty = rust_type_in(&member.ty, scope);
                let codec = codec(&member.ty);
                quote!(Self::#variant(value) => map.serialize_entry(#wire, &crate::wire::Encoded::<#codec, #ty>(value, ::std::marker::PhantomData))?,)
            }
        }
    });
    let deserialize_arms = union.variants.iter().map(|v| {
        let variant = ident(&v.variant);
        let wire = v.wire_name();
        match v.value() {
            None => {
                quote!(#wire => map.next_value::<::std::option::Option<::serde::de::IgnoredAny>>()?.map(|_| #name::#variant),)
            }
            Some(member) => {
                let ty = rust_type_in(&member.ty, scope);
                let codec = codec(&member.ty);
                // Marked as a step of the member path, for the error of a value that fails.
                quote! {
                    #wire => crate::wire::within(crate::wire::Step::Member(#wire), || {
                        map.next_value_seed(crate::wire::Decoded::<crate::wire::Optional<#codec>, ::std::option::Option<#ty>>::new())
                    })?
                    .map(#name::#variant),
                }
            }
        }
    });
    let expecting = format!("a `{label}` union: an object with exactly one member set");
    let sensitive = union
        .variants
        .iter()
        .any(|v| v.value().is_some_and(|m| m.sensitive));
    let (debug_derive, debug_impl) = if sensitive {
        let arms = union.variants.iter().map(|v| {
            let variant = ident(&v.variant);
            let label = v.variant.as_str();
            match v.value().map(|m| m.sensitive) {
                None => quote!(Self::#variant => f.write_str(#label),),
                Some(true) => quote!(Self::#variant(_) => f.debug_tuple(#label).field(&crate::primitives::Redacted).finish(),),
                Some(false) => quote!(Self::#variant(value) => f.debug_tuple(#label).field(value).finish(),),
            }
        });
        (
            quote!(),
            quote! {
                impl ::std::fmt::Debug for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        match self {
                            #(#arms)*
                            Self::Unknown(member) => f.debug_tuple("Unknown").field(&member.name()).finish(),
                        }
                    }
                }
            },
        )
    } else {
        (quote!(Debug,), quote!())
    };
    let validate = super::validation::emit_union_validate(union);
    quote! {
        #docs
        #deprecated
        #[non_exhaustive]
        #[derive(Clone, #debug_derive PartialEq)]
        // Variants hold the members as the model defines them; boxing large ones would cost
        // every user an allocation and a less direct API.
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
            /// A member the model did not list when this crate was generated, with its name and
            /// raw value, so a new member never breaks parsing and is written back unchanged.
            Unknown(crate::primitives::UnknownMember),
        }

        #debug_impl

        /// The unknown variant (no name, a `null` value), as Smithy's client error correction
        /// gives a missing required member.
        impl crate::wire::ErrorCorrection for #name {
            fn corrected() -> Self {
                Self::Unknown(crate::primitives::UnknownMember::new(::std::string::String::new(), ::serde_json::Value::Null))
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::Some(1))?;
                match self {
                    #(#serialize_arms)*
                    Self::Unknown(member) => map.serialize_entry(member.name(), member.value())?,
                }
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;

                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#name, A::Error> {
                        let mut found: ::std::option::Option<#name> = ::std::option::Option::None;
                        while let ::std::option::Option::Some(key) = map.next_key::<::std::string::String>()? {
                            let value = match key.as_str() {
                                #(#deserialize_arms)*
                                "__type" => {
                                    map.next_value::<::serde::de::IgnoredAny>()?;
                                    ::std::option::Option::None
                                }
                                _ => match map.next_value::<::serde_json::Value>()? {
                                    ::serde_json::Value::Null => ::std::option::Option::None,
                                    value => ::std::option::Option::Some(#name::Unknown(crate::primitives::UnknownMember::new(key, value))),
                                },
                            };
                            if let ::std::option::Option::Some(value) = value {
                                if found.is_some() {
                                    return ::std::result::Result::Err(<A::Error as ::serde::de::Error>::custom("more than one union member is set"));
                                }
                                found = ::std::option::Option::Some(value);
                            }
                        }
                        found.ok_or_else(|| <A::Error as ::serde::de::Error>::custom("no union member is set"))
                    }
                }

                deserializer.deserialize_map(Visitor)
            }
        }

        crate::wire::read_json_via_serde!(#name);

        #validate
    }
}
