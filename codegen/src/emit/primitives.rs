//! The generated crate's `primitives` module root: the support types (the timestamp type,
//! the opaque unknown enum value, builder and unhandled errors, the redaction marker) are the
//! runtime's (`codegen/runtime/src/primitives/`), copied by [`super::runtime`] so that the
//! crate depends on no runtime crate of ours; this root declares the ones the model uses.

use proc_macro2::TokenStream;
use quote::quote;

/// The `primitives` module root, with the optional types the model uses.
pub fn emit_primitives(usage: &super::usage::Usage) -> TokenStream {
    let declarations = super::runtime::declarations("src/primitives.rs", usage);
    quote! {
        //! Support types used by the generated shapes.

        #declarations
    }
}
