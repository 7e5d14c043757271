//! Structures travel as JSON objects and only as objects. A generated structure implements
//! `Serialize` and [`FromJsonObject`] itself (no `serde_derive`, so no proc macro in a user's
//! build), and `json_object!` gives it the `Deserialize` that accepts an object and nothing
//! else. The helpers below keep each generated `from_map` short: member names are matched
//! without allocating, and duplicate and missing members fail as serde's derive fails.

use serde::de::{DeserializeSeed, Error, MapAccess, Visitor};
use std::marker::PhantomData;

/// Implements `Deserialize` for a structure from its [`FromJsonObject`] impl, so that it is
/// read only from a JSON object: derived impls would also accept an array, positionally.
macro_rules! json_object {
    // The macro expands inside model modules, where a model shape may be named `Result` or
    // `Option`: every path in it is absolute.
    ($name:ident) => {
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_map(crate::wire::ObjectVisitor::<$name>::new())
            }
        }
    };
}
pub(crate) use json_object;

/// A structure read from the entries of a JSON object.
pub trait FromJsonObject<'de>: Sized {
    /// Reads the structure from an object's entries.
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Accepts a JSON object, and nothing else, for a structure.
pub struct ObjectVisitor<T>(PhantomData<T>);

impl<T> ObjectVisitor<T> {
    /// The visitor.
    pub fn new() -> Self {
        ObjectVisitor(PhantomData)
    }
}

impl<T> Default for ObjectVisitor<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, T: FromJsonObject<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
}

/// Reads an object key as the position of the member it names in a structure's list of
/// wire names (aliases included), or the list's length for a member the structure does not
/// know. The key is compared where it lies in the input: nothing is allocated.
#[derive(Clone, Copy, Debug)]
pub struct MemberKey(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for MemberKey {
    type Value = usize;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for MemberKey {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: Error>(self, name: &str) -> Result<usize, E> {
        self.visit_bytes(name.as_bytes())
    }

    fn visit_bytes<E: Error>(self, name: &[u8]) -> Result<usize, E> {
        let names = self.0;
        Ok(names
            .iter()
            .position(|known| known.as_bytes() == name)
            .unwrap_or(names.len()))
    }
}

/// Reads the value of member `name` into its slot through `seed`; a member that comes twice
/// is an error, as with serde's derive.
pub fn read_member<'de, A: MapAccess<'de>, S: DeserializeSeed<'de>>(
    map: &mut A,
    slot: &mut Option<S::Value>,
    name: &'static str,
    seed: S,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value_seed(seed)?);
    Ok(())
}

/// The value of required member `name`, or the error serde's derive gives when it is missing.
pub fn required<T, E: Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}
