//! String enums: one variant per modelled value plus `Unknown`, which keeps values this
//! version of the crate has not heard of, so a new service value never breaks parsing.

use super::common::{doc_attrs, ident};
use crate::plan::ir::Enum;
use proc_macro2::TokenStream;
use quote::quote;

/// The enum and its conversions.
pub fn emit_enum(e: &Enum) -> TokenStream {
    let name = ident(&e.name.name);
    let fallback = format!("The `{}` enum.", e.id.name());
    let docs = doc_attrs(e.docs.as_deref(), &fallback);
    let variants = e.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let deprecated = super::common::deprecated_attr(v.deprecated.as_deref());
        let value = crate::plan::docs::code_span(&v.value);
        let fallback = value.clone();
        let docs = match &v.docs {
            Some(d) => doc_attrs(Some(&format!("{d}\n\nWire value: {value}.")), ""),
            None => doc_attrs(None, &fallback),
        };
        quote! { #docs #deprecated #variant, }
    });
    let values: Vec<&str> = e.variants.iter().map(|v| v.value.as_str()).collect();
    let as_str_arms = e.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let value = &v.value;
        quote!(Self::#variant => #value,)
    });
    let known_arms = e.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let value = &v.value;
        quote!(#value => ::std::option::Option::Some(Self::#variant),)
    });
    quote! {
        #docs
        #[non_exhaustive]
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants)*
            /// A value the model did not list when this crate was generated, kept verbatim.
            Unknown(crate::primitives::UnknownValue),
        }

        impl #name {
            /// Every value the model lists, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::Unknown(value) => value.as_str(),
                }
            }

            fn known(value: &str) -> ::std::option::Option<Self> {
                match value {
                    #(#known_arms)*
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::Unknown(crate::primitives::UnknownValue::new(value)))
            }
        }

        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                Self::known(&value).unwrap_or_else(|| Self::Unknown(crate::primitives::UnknownValue::new(value)))
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, ::std::convert::Infallible> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_str(crate::wire::EnumVisitor::<Self>::new())
            }
        }
    }
}
