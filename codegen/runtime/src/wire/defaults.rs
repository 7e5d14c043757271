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

/// The value a response member gets when a misconfigured service leaves out a `@required`
/// member: Smithy's "client error correction" (smithy.io, structure member optionality),
/// so that a client keeps working while the service is in error instead of failing.
pub trait ErrorCorrection {
    /// The spec's value: `false`, `0`, `""`, empty bytes, the epoch, a `null` document, an
    /// empty list or map, the unknown variant of an enum, intEnum or union, and `{}` for a
    /// structure (its own required members corrected in turn).
    fn corrected() -> Self;
}

/// A required member's value once every entry is read: the one read, or its correction
/// (which a server's strict read records as missing).
pub fn or_corrected<T: ErrorCorrection>(read: Option<T>, _name: &'static str) -> T {
    #[cfg(feature = "server")]
    if read.is_none() {
        let _recorded = super::error_path::note_missing(_name);
    }
    match read {
        Some(value) => value,
        None => T::corrected(),
    }
}

/// Types whose `Default` is the spec's correction (`false`, `0`, `""`, empty collections).
macro_rules! corrected_by_default {
    ($($ty:ty),*) => {
        $(impl ErrorCorrection for $ty {
            fn corrected() -> Self {
                <$ty>::default()
            }
        })*
    };
}

corrected_by_default!(bool, i8, i16, i32, i64, f32, f64, String);

impl<T> ErrorCorrection for Vec<T> {
    fn corrected() -> Self {
        Vec::new()
    }
}

impl<T> ErrorCorrection for std::collections::BTreeMap<String, T> {
    fn corrected() -> Self {
        std::collections::BTreeMap::new()
    }
}

impl<T: ErrorCorrection> ErrorCorrection for Box<T> {
    fn corrected() -> Self {
        Box::new(T::corrected())
    }
}

#[cfg(feature = "documents")]
/// A document: `null`.
impl ErrorCorrection for serde_json::Value {
    fn corrected() -> Self {
        serde_json::Value::Null
    }
}

/// A timestamp: 0 seconds since the Unix epoch.
impl ErrorCorrection for crate::primitives::DateTime {
    fn corrected() -> Self {
        crate::primitives::DateTime::from_secs(0)
    }
}

#[cfg(feature = "blob")]
/// A blob: empty bytes.
impl ErrorCorrection for crate::primitives::Blob {
    fn corrected() -> Self {
        crate::primitives::Blob::new(Vec::new())
    }
}

#[cfg(feature = "big-numbers")]
/// A bigInteger: 0.
impl ErrorCorrection for crate::primitives::BigInteger {
    fn corrected() -> Self {
        crate::primitives::BigInteger::zero()
    }
}

#[cfg(feature = "big-numbers")]
/// A bigDecimal: 0.
impl ErrorCorrection for crate::primitives::BigDecimal {
    fn corrected() -> Self {
        crate::primitives::BigDecimal::zero()
    }
}
