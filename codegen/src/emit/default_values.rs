//! Model defaults as Rust: the expression for a default, and whether it is simply the Rust
//! type's `Default` (shared by the builder and the JSON impls).

use super::common::{type_path_in, Scope};
use crate::plan::ir::{DefaultValue, RustType};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Whether a model default is what `Default::default()` gives for the Rust type, so
/// `unwrap_or_default` can supply it.
pub fn is_rust_default(ty: &RustType, value: &DefaultValue) -> bool {
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

/// The expression for a member's model default (checked against the type by the planner).
pub fn default_value(ty: &RustType, value: &DefaultValue, scope: Scope<'_>) -> TokenStream {
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
