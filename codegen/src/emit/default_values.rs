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
        (RustType::Document, DefaultValue::Document(value)) => value.is_null(),
        (RustType::Blob, DefaultValue::String(s)) => s.is_empty(),
        _ => false,
    }
}

/// The expression for a member's model default (checked against the type by the planner),
/// for every kind a default may have.
pub fn default_value(ty: &RustType, value: &DefaultValue, scope: Scope<'_>) -> TokenStream {
    match (ty, value) {
        (RustType::Boolean, DefaultValue::Boolean(b)) => quote!(#b),
        (RustType::String, DefaultValue::String(s)) => quote!(::std::string::String::from(#s)),
        (RustType::Enum(name), DefaultValue::String(s)) => {
            let path = type_path_in(&name.name, scope);
            quote!(#path::from(#s))
        }
        (RustType::IntEnum(name), value) => {
            let path = type_path_in(&name.name, scope);
            let value = int_literal(value, Literal::i32_suffixed);
            quote!(#path::from(#value))
        }
        (RustType::Byte, value) => int_literal(value, Literal::i8_suffixed),
        (RustType::Short, value) => int_literal(value, Literal::i16_suffixed),
        (RustType::Integer, value) => int_literal(value, Literal::i32_suffixed),
        (RustType::Long, value) => int_literal(value, Literal::i64_suffixed),
        (RustType::Float, value) => {
            let lit = f32_literal(value.as_f64().unwrap_or_default());
            quote!(#lit)
        }
        (RustType::Double, value) => {
            let lit = Literal::f64_suffixed(value.as_f64().unwrap_or_default());
            quote!(#lit)
        }
        (RustType::Timestamp(_), value) => {
            let (secs, nanos) = timestamp_parts(value).unwrap_or_default();
            if nanos == 0 {
                quote!(crate::primitives::DateTime::from_secs(#secs))
            } else {
                // `from_secs_and_nanos` refuses only nanoseconds past a second, which the
                // runtime's parser never gives.
                quote!(crate::primitives::DateTime::from_secs_and_nanos(#secs, #nanos)
                    .unwrap_or(crate::primitives::DateTime::from_secs(#secs)))
            }
        }
        (RustType::Blob, DefaultValue::String(text)) => {
            let bytes = blob_bytes(text).unwrap_or_default();
            let bytes = Literal::byte_string(&bytes);
            quote!(crate::primitives::Blob::new(#bytes.as_slice()))
        }
        (RustType::BigInteger, value) => {
            let text = value.to_string();
            quote!(crate::primitives::BigInteger::parse(#text)
                .unwrap_or_else(crate::primitives::BigInteger::zero))
        }
        (RustType::BigDecimal, value) => {
            let text = value.to_string();
            quote!(crate::primitives::BigDecimal::parse(#text)
                .unwrap_or_else(crate::primitives::BigDecimal::zero))
        }
        (RustType::Document, DefaultValue::Document(value)) => document(value),
        (RustType::List(_) | RustType::SparseList(_), _) => quote!(::std::vec::Vec::new()),
        (RustType::Map(_) | RustType::SparseMap(_), _) => {
            quote!(::std::collections::BTreeMap::new())
        }
        _ => quote!(::std::default::Default::default()),
    }
}

/// A timestamp default as seconds and nanoseconds since the epoch: epoch seconds as a
/// number, or `date-time` text (read by the runtime's own parser).
pub fn timestamp_parts(value: &DefaultValue) -> Option<(i64, u32)> {
    let time = match value {
        DefaultValue::Integer(n) => {
            codegen_runtime::primitives::DateTime::from_secs(i64::try_from(*n).ok()?)
        }
        DefaultValue::Float(_) => {
            codegen_runtime::primitives::DateTime::parse_epoch_seconds(&value.to_string())?
        }
        DefaultValue::String(text) => codegen_runtime::primitives::DateTime::parse_rfc3339(text)?,
        _ => return None,
    };
    Some((time.secs(), time.subsec_nanos()))
}

/// A blob default's bytes, decoded from its base64 text by the runtime's own decoder.
pub fn blob_bytes(text: &str) -> Option<Vec<u8>> {
    serde_json::from_value::<codegen_runtime::primitives::Blob>(serde_json::Value::from(text))
        .ok()
        .map(codegen_runtime::primitives::Blob::into_inner)
}

/// A document default as a `serde_json::Value` expression (`null`, a boolean, a string, a
/// number, `[]` or `{}`).
fn document(value: &serde_json::Value) -> TokenStream {
    use serde_json::Value;
    match value {
        Value::Null => quote!(::serde_json::Value::Null),
        Value::Bool(b) => quote!(::serde_json::Value::Bool(#b)),
        Value::String(s) => quote!(::serde_json::Value::String(::std::string::String::from(#s))),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => quote!(::serde_json::Value::from(#i)),
            (_, Some(u), _) => quote!(::serde_json::Value::from(#u)),
            (_, _, f) => {
                let f = Literal::f64_suffixed(f.unwrap_or_default());
                quote!(::serde_json::Value::from(#f))
            }
        },
        Value::Array(_) => quote!(::serde_json::Value::Array(::std::vec::Vec::new())),
        Value::Object(_) => quote!(::serde_json::Value::Object(::serde_json::Map::new())),
    }
}

/// The `f32` literal nearest `value`; past the largest `f32`, that finite bound (a literal
/// cannot be infinite, and every `f32` lies within such a bound anyway).
pub fn f32_literal(value: f64) -> Literal {
    Literal::f32_suffixed((value as f32).clamp(f32::MIN, f32::MAX))
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
