//! A JSON array's elements and a JSON object's entries, as serde's visitors take them from
//! [`JsonDeserializer`]: commas, colons and keys are checked here, values are read by the
//! deserializer.

use super::json_deserializer::JsonDeserializer;
use super::json_error::JsonError;
use serde::de::{self, DeserializeSeed, Visitor};

/// A JSON array's elements, for a visitor.
pub(super) struct Elements<'a, 'de> {
    pub(super) deserializer: &'a mut JsonDeserializer<'de>,
    pub(super) first: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = JsonError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, JsonError> {
        let de = &mut *self.deserializer;
        match de.peek() {
            Some(b']') => return Ok(None),
            Some(b',') if !self.first => {
                de.at += 1;
                if de.peek() == Some(b']') {
                    return Err(de.fail("trailing comma"));
                }
            }
            Some(_) if self.first => self.first = false,
            Some(_) => return Err(de.fail("expected `,` or `]`")),
            None => return Err(de.fail("EOF while parsing a list")),
        }
        seed.deserialize(&mut *de).map(Some)
    }
}

/// A JSON object's entries, for a visitor.
pub(super) struct Entries<'a, 'de> {
    pub(super) deserializer: &'a mut JsonDeserializer<'de>,
    pub(super) first: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = JsonError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, JsonError> {
        let de = &mut *self.deserializer;
        match de.peek() {
            Some(b'}') => return Ok(None),
            Some(b',') if !self.first => {
                de.at += 1;
                match de.peek() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(de.fail("trailing comma")),
                    Some(_) => return Err(de.fail("key must be a string")),
                    None => return Err(de.fail("EOF while parsing a value")),
                }
            }
            Some(b'"') if self.first => {}
            Some(_) if self.first => return Err(de.fail("key must be a string")),
            Some(_) => return Err(de.fail("expected `,` or `}`")),
            None => return Err(de.fail("EOF while parsing an object")),
        }
        self.first = false;
        seed.deserialize(Key { deserializer: de }).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, JsonError> {
        let de = &mut *self.deserializer;
        match de.peek() {
            Some(b':') => de.at += 1,
            Some(_) => return Err(de.fail("expected `:`")),
            None => return Err(de.fail("EOF while parsing an object")),
        }
        seed.deserialize(&mut *de)
    }
}

/// An object's key (its opening quote next): always a string.
struct Key<'a, 'de> {
    deserializer: &'a mut JsonDeserializer<'de>,
}

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        let de = self.deserializer;
        match de.string()? {
            Some(text) => visitor.visit_borrowed_str(text),
            None => visitor.visit_str(&de.scratch),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}
