//! Codecs: how values travel when serde's own impls would give the wrong wire form. Codecs
//! are zero-sized types composed by type (`List<Float>`), so a structure's generated impls
//! name a member's codec (`Encoded::<List<Float>, _>::new(value)`,
//! `Decoded::<List<Float>, _>::new()`) and no per-type wire code is generated. The
//! collection and float codecs have files of their own.

use super::json_reader::{Fast, JsonReader, NotFast};
use super::read_json::ReadJson;
use std::marker::PhantomData;

/// How one kind of value is written and read on the wire.
pub trait Codec<T>: Default {
    /// Writes `value`.
    fn encode<S: serde::Serializer>(&self, value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads a value.
    fn decode<'de, D: serde::Deserializer<'de>>(&self, deserializer: D) -> Result<T, D::Error>;
    /// Reads a value on the fast path: by default, the value's text through [`decode`].
    ///
    /// [`decode`]: Codec::decode
    fn read(&self, reader: &mut JsonReader<'_>) -> Fast<T> {
        let text = reader.raw()?;
        self.decode(&mut super::json_deserializer::JsonDeserializer::new(text))
            .map_err(|_| NotFast)
    }
}

/// `serialize_with` entry point for a field whose type needs codec `C`.
pub fn encode<C: Codec<T>, T, S: serde::Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    C::default().encode(value, serializer)
}

/// `deserialize_with` entry point for a field whose type needs codec `C`.
pub fn decode<'de, C: Codec<T>, T, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    C::default().decode(deserializer)
}

/// A value written through its codec, for use inside other serializers.
pub struct Encoded<'a, C, T>(pub &'a T, pub PhantomData<C>);

impl<'a, C, T> Encoded<'a, C, T> {
    /// `value`, to be written through codec `C`.
    pub fn new(value: &'a T) -> Self {
        Encoded(value, PhantomData)
    }
}

impl<C: Codec<T>, T> serde::Serialize for Encoded<'_, C, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        C::default().encode(self.0, serializer)
    }
}

/// A value read through its codec, as a serde seed.
pub struct Decoded<C, T>(pub PhantomData<(C, fn() -> T)>);

impl<C, T> Decoded<C, T> {
    /// The seed.
    pub fn new() -> Self {
        Decoded(PhantomData)
    }
}

impl<C, T> Default for Decoded<C, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, C: Codec<T>, T> serde::de::DeserializeSeed<'de> for Decoded<C, T> {
    type Value = T;

    #[inline]
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        C::default().decode(deserializer)
    }
}

/// Reads a string enum from a borrowed string when it can: only unknown values
/// allocate.
pub struct EnumVisitor<E>(PhantomData<E>);

impl<E> EnumVisitor<E> {
    /// The visitor.
    pub fn new() -> Self {
        EnumVisitor(PhantomData)
    }
}

impl<E> Default for EnumVisitor<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, E: for<'a> From<&'a str> + From<String>> serde::de::Visitor<'de> for EnumVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<Err: serde::de::Error>(self, value: &str) -> Result<E, Err> {
        Ok(E::from(value))
    }

    fn visit_string<Err: serde::de::Error>(self, value: String) -> Result<E, Err> {
        Ok(E::from(value))
    }
}

/// serde's own form.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plain;

impl<T: serde::Serialize + serde::de::DeserializeOwned + ReadJson> Codec<T> for Plain {
    fn encode<S: serde::Serializer>(&self, value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    #[inline]
    fn decode<'de, D: serde::Deserializer<'de>>(&self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }

    fn read(&self, reader: &mut JsonReader<'_>) -> Fast<T> {
        T::read_json(reader)
    }
}

/// An optional value: `None` is written as `null`; `null` reads as `None`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Optional<C>(pub C);

impl<C: Codec<T>, T> Codec<Option<T>> for Optional<C> {
    fn encode<S: serde::Serializer>(
        &self,
        value: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => self.0.encode(value, serializer),
            None => serializer.serialize_none(),
        }
    }

    #[inline]
    fn decode<'de, D: serde::Deserializer<'de>>(
        &self,
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_option(OptionalVisitor::<C, T>(PhantomData))
    }

    fn read(&self, reader: &mut JsonReader<'_>) -> Fast<Option<T>> {
        if reader.null() {
            return Ok(None);
        }
        self.0.read(reader).map(Some)
    }
}

/// Reads `null` (or nothing) as `None`, and anything else through codec `C`.
struct OptionalVisitor<C, T>(PhantomData<(C, fn() -> T)>);

impl<'de, C: Codec<T>, T> serde::de::Visitor<'de> for OptionalVisitor<C, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    #[inline]
    fn visit_some<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        C::default().decode(deserializer).map(Some)
    }
}
