//! The serde path for reading JSON: a `serde::Deserializer` over a text, for what the fast
//! path ([`JsonReader`](super::JsonReader)) leaves to serde. It reads JSON as RFC 8259
//! writes it and as serde_json reads it: numbers go to `visit_u64`, `visit_i64` or (with a
//! fraction, an exponent, `-0` or too many digits) `visit_f64`, correctly rounded; strings
//! are borrowed from the text when they have no escapes; nesting stops at 128 levels; and
//! messages read as serde_json's did. Being the crate's own, it keeps serde_json off a
//! client's build unless the model has documents or unions.
//!
//! A number's exact text is available to a type that asks for it (see `exact_numbers.rs`).
//! Skipped values are in `json_skip.rs`, arrays' and objects' entries in `json_access.rs`.

use super::exact_numbers::{NotANumber, NUMBER_TEXT};
use super::json_access::{Elements, Entries};
use super::json_error::JsonError;
use super::json_reader::plain_run;
use super::json_tokens::{decode_escape, scan_number, BadEscape, BadNumber};
use serde::de::{self, DeserializeOwned, Visitor};

/// serde_json's nesting limit: a container 128 levels deep is refused.
const MAX_DEPTH: usize = 128;

/// Reads `text`, which must hold one JSON value and nothing else but whitespace, into `T`.
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let mut deserializer = JsonDeserializer::new(text);
    match T::deserialize(&mut deserializer) {
        Ok(value) => match deserializer.peek() {
            None => Ok(value),
            Some(_) => Err(deserializer.fail("trailing characters")),
        },
        Err(error) => Err(error.locate(text, deserializer.at)),
    }
}

/// A cursor over a JSON text, read through serde.
#[derive(Debug)]
pub struct JsonDeserializer<'de> {
    text: &'de str,
    pub(super) at: usize,
    depth: usize,
    /// Where strings with escapes are decoded.
    pub(super) scratch: String,
}

/// A number as JSON gives it to a visitor.
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl<'de> JsonDeserializer<'de> {
    /// A deserializer at the start of `text`, for serde adapters that take a deserializer
    /// (such as `serde_path_to_error`). [`from_json_str`] is the whole read: it also checks
    /// that nothing but whitespace follows the value, and gives every error its position.
    pub fn new(text: &'de str) -> Self {
        JsonDeserializer {
            text,
            at: 0,
            depth: 0,
            scratch: String::new(),
        }
    }

    pub(super) fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not whitespace, without taking it.
    pub(super) fn peek(&mut self) -> Option<u8> {
        while let Some(&byte) = self.bytes().get(self.at) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(byte);
            }
            self.at += 1;
        }
        None
    }

    /// A syntax error at the byte being looked at.
    pub(super) fn fail(&self, message: &str) -> JsonError {
        JsonError::at(message, self.text, (self.at + 1).min(self.text.len()))
    }

    /// Takes the rest of the literal `word`, whose first byte is next.
    pub(super) fn literal(&mut self, word: &str) -> Result<(), JsonError> {
        for &expected in word.as_bytes() {
            match self.bytes().get(self.at) {
                Some(&byte) if byte == expected => self.at += 1,
                Some(_) => return Err(self.fail("expected ident")),
                None => return Err(self.fail("EOF while parsing a value")),
            }
        }
        Ok(())
    }

    /// Reads a string (the opening quote is next): `Some` when it could be borrowed from the
    /// text, `None` when it had escapes and was decoded into `scratch`.
    pub(super) fn string(&mut self) -> Result<Option<&'de str>, JsonError> {
        self.at += 1;
        let start = self.at;
        let mut decoding = false;
        loop {
            let bytes = self.bytes();
            let run = plain_run(bytes.get(self.at..).unwrap_or_default());
            let run_end = self.at + run;
            if decoding {
                self.scratch.push_str(self.slice(self.at, run_end)?);
            }
            self.at = run_end;
            match bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return match decoding {
                        true => Ok(None),
                        false => self.slice(start, run_end).map(Some),
                    };
                }
                Some(b'\\') => {
                    if !decoding {
                        decoding = true;
                        self.scratch.clear();
                        self.scratch.push_str(self.slice(start, run_end)?);
                    }
                    self.at += 1;
                    let decoded = self.escape()?;
                    self.scratch.push(decoded);
                }
                Some(_) => {
                    return Err(self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                None => return Err(self.fail("EOF while parsing a string")),
            }
        }
    }

    fn slice(&self, start: usize, end: usize) -> Result<&'de str, JsonError> {
        self.text
            .get(start..end)
            .ok_or_else(|| self.fail("invalid unicode code point"))
    }

    /// Decodes the escape after the backslash before the cursor.
    fn escape(&mut self) -> Result<char, JsonError> {
        match decode_escape(self.bytes(), self.at) {
            Ok((decoded, next)) => {
                self.at = next;
                Ok(decoded)
            }
            Err(bad) => Err(self.fail_at(bad)),
        }
    }

    /// The error for an escape that is not JSON.
    pub(super) fn fail_at(&mut self, bad: BadEscape) -> JsonError {
        self.at = bad.at;
        self.fail(bad.message)
    }

    /// The text of the number that is next, checked against JSON's grammar.
    pub(super) fn number_text(&mut self) -> Result<&'de str, JsonError> {
        let start = self.at;
        match scan_number(self.bytes(), start) {
            Ok(end) => {
                self.at = end;
                self.slice(start, end)
            }
            Err(BadNumber { at }) => {
                self.at = at;
                // Cut short by the end of the text, or by another character.
                match self.bytes().get(at) {
                    None => Err(self.fail("EOF while parsing a value")),
                    Some(_) => Err(self.fail("invalid number")),
                }
            }
        }
    }

    /// The number that is next, as serde_json gives numbers to visitors.
    fn number(&mut self) -> Result<Number, JsonError> {
        let text = self.number_text()?;
        let integral = !text.contains(['.', 'e', 'E']);
        if integral && text != "-0" {
            if text.starts_with('-') {
                if let Ok(value) = text.parse() {
                    return Ok(Number::Signed(value));
                }
            } else if let Ok(value) = text.parse() {
                return Ok(Number::Unsigned(value));
            }
        }
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(Number::Float(value)),
            _ => Err(self.fail("number out of range")),
        }
    }

    /// Enters a container (its opening bracket next).
    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.fail("recursion limit exceeded"));
        }
        self.at += 1;
        Ok(())
    }

    /// Leaves a container whose visitor is done: its closing bracket must be next.
    fn leave(&mut self, close: u8) -> Result<(), JsonError> {
        self.depth -= 1;
        match self.peek() {
            Some(byte) if byte == close => {
                self.at += 1;
                Ok(())
            }
            Some(b',') => {
                self.at += 1;
                match self.peek() {
                    Some(byte) if byte == close => Err(self.fail("trailing comma")),
                    _ => Err(self.fail("trailing characters")),
                }
            }
            Some(_) => Err(self.fail("trailing characters")),
            None if close == b']' => Err(self.fail("EOF while parsing a list")),
            None => Err(self.fail("EOF while parsing an object")),
        }
    }
}

impl<'de> de::Deserializer<'de> for &mut JsonDeserializer<'de> {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.peek() {
            None => Err(self.fail("EOF while parsing a value")),
            Some(b'n') => {
                self.literal("null")?;
                visitor.visit_unit()
            }
            Some(b't') => {
                self.literal("true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.literal("false")?;
                visitor.visit_bool(false)
            }
            Some(b'"') => match self.string()? {
                Some(text) => visitor.visit_borrowed_str(text),
                None => visitor.visit_str(&self.scratch),
            },
            Some(b'-' | b'0'..=b'9') => match self.number()? {
                Number::Unsigned(value) => visitor.visit_u64(value),
                Number::Signed(value) => visitor.visit_i64(value),
                Number::Float(value) => visitor.visit_f64(value),
            },
            Some(b'[') => {
                self.enter()?;
                let value = visitor.visit_seq(Elements {
                    deserializer: &mut *self,
                    first: true,
                })?;
                self.leave(b']')?;
                Ok(value)
            }
            Some(b'{') => {
                self.enter()?;
                let value = visitor.visit_map(Entries {
                    deserializer: &mut *self,
                    first: true,
                })?;
                self.leave(b'}')?;
                Ok(value)
            }
            Some(_) => Err(self.fail("expected value")),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            return visitor.visit_none();
        }
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        if name != NUMBER_TEXT {
            return visitor.visit_newtype_struct(self);
        }
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {
                let text = self.number_text()?;
                visitor.visit_borrowed_bytes(text.as_bytes())
            }
            // Not a number: refused here, as the visitor would take a string for a number's
            // text.
            _ => match self.deserialize_any(NotANumber) {
                Ok(never) => match never {},
                Err(error) => Err(error),
            },
        }
    }

    /// An unknown member's value: checked as JSON and dropped, as serde_json drops it (numbers
    /// by their syntax only, strings without decoding, nesting without a limit).
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.ignore()?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier
    }
}
