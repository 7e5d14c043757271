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

fn encode_float<S: serde::Serializer>(value: f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_nan() {
        serializer.serialize_str("NaN")
    } else if value == f64::INFINITY {
        serializer.serialize_str("Infinity")
    } else if value == f64::NEG_INFINITY {
        serializer.serialize_str("-Infinity")
    } else {
        serializer.serialize_f64(value)
    }
}

impl Codec<f64> for Float {
    fn encode<S: serde::Serializer>(&self, value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        encode_float(*value, serializer)
    }

    fn decode<'de, D: serde::Deserializer<'de>>(&self, deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl Codec<f32> for Float {
    fn encode<S: serde::Serializer>(&self, value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        encode_float(f64::from(*value), serializer)
    }

    fn decode<'de, D: serde::Deserializer<'de>>(&self, deserializer: D) -> Result<f32, D::Error> {
        // `as` rounds to the nearest f32; a value beyond its range becomes an infinity.
        deserializer
            .deserialize_any(FloatVisitor)
            .map(|value| value as f32)
    }
}
