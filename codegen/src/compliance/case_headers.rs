//! A case's `headers`, as the tests write them.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

/// The `(name, value)` pairs of a case's `headers`.
pub fn header_pairs(headers: Option<&Value>) -> Vec<TokenStream> {
    headers
        .and_then(Value::as_object)
        .map(|headers| {
            headers
                .iter()
                .filter_map(|(name, value)| value.as_str().map(|value| quote!((#name, #value))))
                .collect()
        })
        .unwrap_or_default()
}
