//! The float codec: JSON has no `NaN` or infinities, so the protocol carries them as the
//! strings `"NaN"`, `"Infinity"` and `"-Infinity"`.

use super::codecs::Codec;

/// Floats: numbers, with `NaN`, `Infinity` and `-Infinity` as those strings.
#[derive(Clone, Copy, Debug, Default)]
pub struct Float;

struct FloatVisitor;

impl<'de> serde::de::Visitor<'de> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<f64, E> {
        match value {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            other => Err(E::invalid_value(serde::de::Unexpected::Str(other), &self)),
        }
    }
}

/// The string a non-finite value is sent as, or `None` for a number.
fn non_finite(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value == f64::INFINITY {
        Some("Infinity")
    } else if value == f64::NEG_INFINITY {
        Some("-Infinity")
    } else {
        None
    }
}

impl Codec<f64> for Float {
    fn encode<S: serde::Serializer>(&self, value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        match non_finite(*value) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.serialize_f64(*value),
        }
    }

    fn decode<'de, D: serde::Deserializer<'de>>(&self, deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl Codec<f32> for Float {
    /// Written as an `f32`: the shortest text that reads back as the same `f32` (`0.1`),
    /// not the `f64` it widens to (`0.10000000149011612`).
    fn encode<S: serde::Serializer>(&self, value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        match non_finite(f64::from(*value)) {
            Some(text) => serializer.serialize_str(text),
            None => serializer.serialize_f32(*value),
        }
    }

    fn decode<'de, D: serde::Deserializer<'de>>(&self, deserializer: D) -> Result<f32, D::Error> {
        // `as` rounds to the nearest f32; a value beyond its range becomes an infinity.
        deserializer
            .deserialize_any(FloatVisitor)
            .map(|value| value as f32)
    }
}
