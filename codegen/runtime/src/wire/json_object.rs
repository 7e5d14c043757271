//! Structures travel as JSON objects and only as objects. `json_structure!` gives a generated
//! structure `Serialize`, [`FromJsonObject`] and a `Deserialize` that accepts an object and
//! nothing else (no `serde_derive`, so no proc macro in a user's build). The helpers below are
//! what its `from_map` calls: member names are matched without allocating, and duplicate and
//! missing members fail as serde's derive fails.

use super::error_path::{within, Step};
use serde::de::{DeserializeSeed, Error, MapAccess, Visitor};
use std::marker::PhantomData;

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

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
}

/// Reads an object key as the member it names, through `match_name` (`None` for a member the
/// structure does not know). The key is compared where it lies in the input: nothing is
/// allocated.
#[derive(Clone, Copy, Debug)]
pub struct MemberKey<F>(pub F);

impl<'de, M, F: FnOnce(&str) -> Option<M>> DeserializeSeed<'de> for MemberKey<F> {
    type Value = Option<M>;

    #[inline]
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Option<M>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, M, F: FnOnce(&str) -> Option<M>> Visitor<'de> for MemberKey<F> {
    type Value = Option<M>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_str<E: Error>(self, name: &str) -> Result<Option<M>, E> {
        Ok((self.0)(name))
    }

    fn visit_bytes<E: Error>(self, name: &[u8]) -> Result<Option<M>, E> {
        // Member names are UTF-8: other bytes name no member.
        Ok(std::str::from_utf8(name).ok().and_then(self.0))
    }
}

/// Reads the value of member `name` into its slot through `seed`; a member that comes twice
/// is an error, as with serde's derive.
#[inline]
pub fn read_member<'de, A: MapAccess<'de>, S: DeserializeSeed<'de>>(
    map: &mut A,
    slot: &mut Option<S::Value>,
    name: &'static str,
    seed: S,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(within(Step::Member(name), || map.next_value_seed(seed))?);
    Ok(())
}

/// The value of required member `name`, or the error serde's derive gives when it is missing.
#[inline]
pub fn required<T, E: Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}
