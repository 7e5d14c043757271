//! Integer enums: a variant per modelled value and `Unknown`, which keeps any other value.

use super::common::{doc_attrs, ident};
use crate::plan::ir::IntEnum;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The enum and its conversions; an integer on the wire.
pub fn emit_int_enum(e: &IntEnum) -> TokenStream {
    let name = ident(&e.name.name);
    let docs = doc_attrs(
        e.docs.as_deref(),
        &format!("The `{}` integer enum.", e.id.name()),
    );
    let variants = e.variants.iter().map(|(variant, value, docs)| {
        let variant = ident(variant);
        let fallback = format!("`{value}`");
        let docs = match docs {
            Some(d) => doc_attrs(Some(&format!("{d}\n\nWire value: `{value}`.")), ""),
            None => doc_attrs(None, &fallback),
        };
        quote!(#docs #variant,)
    });
    let values: Vec<Literal> = e
        .variants
        .iter()
        .map(|(_, v, _)| Literal::i32_unsuffixed(*v))
        .collect();
    let to_arms = e.variants.iter().map(|(variant, value, _)| {
        let variant = ident(variant);
        let value = Literal::i32_unsuffixed(*value);
        quote!(Self::#variant => #value,)
    });
    let from_arms = e.variants.iter().map(|(variant, value, _)| {
        let variant = ident(variant);
        let value = Literal::i32_unsuffixed(*value);
        quote!(#value => Self::#variant,)
    });
    quote! {
        #docs
        #[non_exhaustive]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants)*
            /// A value the model did not list when this crate was generated, kept as is.
            Unknown(i32),
        }

        impl #name {
            /// Every value the model lists, in model order.
            pub const VALUES: &'static [i32] = &[#(#values),*];

            /// The wire value.
            pub fn value(&self) -> i32 {
                match self {
                    #(#to_arms)*
                    Self::Unknown(value) => *value,
                }
            }
        }

        impl ::std::convert::From<i32> for #name {
            fn from(value: i32) -> Self {
                match value {
                    #(#from_arms)*
                    other => Self::Unknown(other),
                }
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.value())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value: i32 = ::serde::Deserialize::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        /// The unknown variant, as Smithy's client error correction gives a missing member.
        impl crate::wire::ErrorCorrection for #name {
            fn corrected() -> Self {
                Self::Unknown(0)
            }
        }

        crate::wire::read_json_via_serde!(#name);
    }
}
