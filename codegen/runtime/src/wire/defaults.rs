//! Members with a model default: `null` on the wire reads as the default, and an input
//! member equal to its default is not sent.

use super::codecs::{Codec, Optional};

/// `deserialize_with` for a defaulted member whose type needs codec `C`: `null` gives the
/// default.
pub fn decode_or_default<'de, C, T, D>(deserializer: D) -> Result<T, D::Error>
where
    C: Codec<T>,
    T: Default,
    D: serde::Deserializer<'de>,
{
    Optional::<C>::default()
        .decode(deserializer)
        .map(Option::unwrap_or_default)
}

/// Whether a value equals its type's default (input members equal to their model
/// default are not sent).
pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Whether a value equals its model default, when that is not the type's `Default`.
pub fn equals_default<T: PartialEq>(value: &T, default: T) -> bool {
    *value == default
}

/// Reads a member that has a model default: `null` counts as absent and gives the default.
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de> + Default,
{
    let value: Option<T> = serde::Deserialize::deserialize(deserializer)?;
    Ok(value.unwrap_or_default())
}
