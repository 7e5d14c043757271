//! A JSON number's exact text through serde, for the types that must not lose a digit to a
//! float: epoch-second timestamps (read) and big numbers (read and written). They ask for the
//! newtype struct named [`NUMBER_TEXT`]; the crate's own deserializer and writer know it and
//! hand over the text, and any other serializer or deserializer sees an ordinary newtype
//! struct around the text.

use super::json_writer::{to_json, JsonWriteError};
use serde::de::{self, Visitor};
use serde::Serialize;
use std::borrow::Cow;

/// The newtype-struct name through which a value asks for a JSON number's text, or gives
/// one to be written as a number.
pub const NUMBER_TEXT: &str = "$codegen_runtime::NumberText";

/// Refuses any value (it is not a number), naming what it is.
pub(super) struct NotANumber;

/// No value: [`NotANumber`] never gives one.
pub(super) enum Never {}

impl Visitor<'_> for NotANumber {
    type Value = Never;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number")
    }
}

/// Reads a JSON number as its exact text. This crate's deserializer gives the text as
/// written (as bytes, which no JSON deserializer gives for a string), and refuses anything
/// but a number. Another gives the number as it holds it (an integer's digits, a float's
/// shortest text), or, when `strings` allows, a string, as another serializer writes a
/// number text.
pub fn read_number_text<'de, D: de::Deserializer<'de>>(
    deserializer: D,
    strings: bool,
) -> Result<Cow<'de, str>, D::Error> {
    deserializer.deserialize_newtype_struct(NUMBER_TEXT, NumberTextVisitor { strings })
}

struct NumberTextVisitor {
    strings: bool,
}

impl<'de> Visitor<'de> for NumberTextVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number")
    }

    fn visit_borrowed_bytes<E: de::Error>(self, text: &'de [u8]) -> Result<Self::Value, E> {
        std::str::from_utf8(text)
            .map(Cow::Borrowed)
            .map_err(|_| E::invalid_value(de::Unexpected::Bytes(text), &self))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        if !self.strings {
            return Err(E::invalid_type(de::Unexpected::Str(text), &self));
        }
        Ok(Cow::Owned(text.to_owned()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        let mut text = Vec::new();
        super::float_text::write_f64(&mut text, value);
        String::from_utf8(text)
            .map(Cow::Owned)
            .map_err(|_| E::custom("a float without its text"))
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Writes the number whose text `value` holds (a string of a valid JSON number), as the
/// number itself.
pub(super) fn write_number_text<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), JsonWriteError> {
    let mut quoted = Vec::new();
    to_json(value, &mut quoted)?;
    // Digits, signs, points and exponents are never escaped: the string's text is inside
    // the quotes as it is.
    let text = quoted
        .strip_prefix(b"\"")
        .and_then(|rest| rest.strip_suffix(b"\""))
        .filter(|text| super::json_tokens::is_json_number(text))
        .ok_or_else(|| JsonWriteError::kind_of("a number text that is not a JSON number"))?;
    out.extend_from_slice(text);
    Ok(())
}
