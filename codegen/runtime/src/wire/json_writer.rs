//! Writing request bodies: a serde `Serializer` that writes compact JSON, byte for byte as
//! serde_json's compact writer does, and faster where request bodies spend their time
//! (escaping strings, eight bytes at a time). Being the crate's own, it keeps serde_json off
//! a client's build unless the model has documents or unions.
//!
//! It writes what generated impls and documents produce: structures, lists, maps with
//! string keys, strings, booleans, integers, floats, `None` and unit, and the exact text of
//! a number given as the newtype struct [`NUMBER_TEXT`], and tuples and arrays as arrays.
//! Enum variants and bytes (which no generated type writes) are refused with
//! [`JsonWriteError`].

use super::exact_numbers::{write_number_text, NUMBER_TEXT};
use super::float_text::{write_f32, write_f64};
use super::json_reader::plain_run;
use serde::ser::{self, Serialize};
use std::fmt;

/// A value JSON bodies cannot carry, or that the writer does not write (see the module
/// docs), or an error a value's own `Serialize` raised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonWriteError(String);

impl JsonWriteError {
    pub(super) fn kind_of(what: &str) -> Self {
        JsonWriteError(format!("{what} cannot be written as a JSON body"))
    }
}

impl fmt::Display for JsonWriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JsonWriteError {}

impl ser::Error for JsonWriteError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        JsonWriteError(message.to_string())
    }
}

/// Writes `value` as compact JSON, appended to `out` (which is left as it was on an error).
pub fn to_json<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), JsonWriteError> {
    let start = out.len();
    let written = value.serialize(JsonWriter { out: &mut *out });
    if written.is_err() {
        out.truncate(start);
    }
    written
}

/// The writer: appends to `out`.
struct JsonWriter<'a> {
    out: &'a mut Vec<u8>,
}

/// Writes an integer.
fn number(out: &mut Vec<u8>, value: impl fmt::Display) -> Result<(), JsonWriteError> {
    use std::io::Write as _;
    write!(out, "{value}").map_err(|error| JsonWriteError(error.to_string()))
}

/// Writes `text` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the
/// short forms `\b \f \n \r \t`, and `\u00XX` (lowercase hex) for other control characters.
fn string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let run = plain_run(bytes.get(start..).unwrap_or_default());
        out.extend_from_slice(bytes.get(start..start + run).unwrap_or_default());
        start += run;
        let Some(&byte) = bytes.get(start) else { break };
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let high = HEX.get(usize::from(byte >> 4)).copied().unwrap_or(b'0');
                let low = HEX.get(usize::from(byte & 0xf)).copied().unwrap_or(b'0');
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', high, low]);
            }
        }
        start += 1;
    }
    out.push(b'"');
}

/// An open object or array: whether a comma goes before the next entry.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.out.push(b',');
        }
    }
}

impl<'a> ser::Serializer for JsonWriter<'a> {
    type Ok = ();
    type Error = JsonWriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), JsonWriteError>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), JsonWriteError>;

    fn serialize_bool(self, value: bool) -> Result<(), JsonWriteError> {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, value: i8) -> Result<(), JsonWriteError> {
        number(self.out, value)
    }

    fn serialize_i16(self, value: i16) -> Result<(), JsonWriteError> {
        number(self.out, value)
    }

    fn serialize_i32(self, value: i32) -> Result<(), JsonWriteError> {
        number(self.out, value)
    }

    fn serialize_i64(self, value: i64) -> Result<(), JsonWriteError> {
        number(self.out, value)
    }

    fn serialize_u8(self, value: u8) -> Result<(), JsonWriteError> {
        number(self.out, value)
    }

    fn serialize_u16(self, value: u16) -> Result<(), JsonWriteError> {
        number(self.out, value)
    }

    fn serialize_u32(self, value: u32) -> Result<(), JsonWriteError> {
        number(self.out, value)
    }

    fn serialize_u64(self, value: u64) -> Result<(), JsonWriteError> {
        number(self.out, value)
    }

    fn serialize_f32(self, value: f32) -> Result<(), JsonWriteError> {
        write_f32(self.out, value);
        Ok(())
    }

    fn serialize_f64(self, value: f64) -> Result<(), JsonWriteError> {
        write_f64(self.out, value);
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), JsonWriteError> {
        string(self.out, value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), JsonWriteError> {
        string(self.out, value);
        Ok(())
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<(), JsonWriteError> {
        Err(JsonWriteError::kind_of("bytes"))
    }

    fn serialize_none(self) -> Result<(), JsonWriteError> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), JsonWriteError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), JsonWriteError> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), JsonWriteError> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
    ) -> Result<(), JsonWriteError> {
        Err(JsonWriteError::kind_of("an enum variant"))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), JsonWriteError> {
        if name == NUMBER_TEXT {
            return write_number_text(self.out, value);
        }
        // As serde_json: the value inside.
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), JsonWriteError> {
        Err(JsonWriteError::kind_of("an enum variant"))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, JsonWriteError> {
        self.out.push(b'[');
        Ok(Compound {
            out: self.out,
            first: true,
        })
    }

    /// A tuple (and a fixed-size array, which serde writes as one) is an array.
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, JsonWriteError> {
        self.serialize_seq(None)
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, JsonWriteError> {
        self.serialize_seq(None)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonWriteError> {
        Err(JsonWriteError::kind_of("an enum variant"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, JsonWriteError> {
        self.out.push(b'{');
        Ok(Compound {
            out: self.out,
            first: true,
        })
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, JsonWriteError> {
        self.serialize_map(None)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, JsonWriteError> {
        Err(JsonWriteError::kind_of("an enum variant"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = JsonWriteError;

    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), JsonWriteError> {
        self.comma();
        value.serialize(JsonWriter { out: self.out })
    }

    fn end(self) -> Result<(), JsonWriteError> {
        self.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = JsonWriteError;

    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), JsonWriteError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), JsonWriteError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonWriteError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonWriteError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), JsonWriteError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = JsonWriteError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), JsonWriteError> {
        self.comma();
        // Keys are strings: JSON's are, and so are Smithy's map keys.
        key.serialize(KeyWriter { out: self.out })?;
        self.out.push(b':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonWriteError> {
        value.serialize(JsonWriter { out: self.out })
    }

    fn end(self) -> Result<(), JsonWriteError> {
        self.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonWriteError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonWriteError> {
        self.comma();
        string(self.out, key);
        self.out.push(b':');
        value.serialize(JsonWriter { out: self.out })
    }

    fn end(self) -> Result<(), JsonWriteError> {
        self.out.push(b'}');
        Ok(())
    }
}

/// Writes a map key: a string, or gives up.
struct KeyWriter<'a> {
    out: &'a mut Vec<u8>,
}

/// Every key kind but strings gives up.
macro_rules! no_key {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), JsonWriteError> {
            Err(JsonWriteError::kind_of("a map key that is not a string"))
        }
    )*};
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = JsonWriteError;
    type SerializeSeq = ser::Impossible<(), JsonWriteError>;
    type SerializeTuple = ser::Impossible<(), JsonWriteError>;
    type SerializeTupleStruct = ser::Impossible<(), JsonWriteError>;
    type SerializeTupleVariant = ser::Impossible<(), JsonWriteError>;
    type SerializeMap = ser::Impossible<(), JsonWriteError>;
    type SerializeStruct = ser::Impossible<(), JsonWriteError>;
    type SerializeStructVariant = ser::Impossible<(), JsonWriteError>;

    fn serialize_str(self, value: &str) -> Result<(), JsonWriteError> {
        string(self.out, value);
        Ok(())
    }

    no_key!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _value: &T,
    ) -> Result<(), JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, JsonWriteError> {
        Err(JsonWriteError::kind_of("a map key that is not a string"))
    }
}
