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
        let fallback = format!("`{}`", v.value);
        let docs = match &v.docs {
            Some(d) => doc_attrs(Some(&format!("{d}\n\nWire value: `{}`.", v.value)), ""),
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

        crate::wire::string_enum!(#name);
    }
}
