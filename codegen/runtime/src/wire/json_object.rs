//! Structures travel as JSON objects and only as objects: serde's derived `Deserialize`
//! would also accept an array, positionally. `json_object!` gives a structure impls that
//! accept nothing else.

use std::marker::PhantomData;

/// Implements `Serialize` and `Deserialize` for a structure from the functions that
/// `#[serde(remote = "Self")]` derives, so that a structure is read only from a JSON
/// object: derived impls would also accept an array, positionally.
macro_rules! json_object {
    // The macro expands inside model modules, where a model shape may be named `Result` or
    // `Option`: every path in it is absolute.
    ($name:ident) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                $name::serialize(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_map(crate::wire::ObjectVisitor::<$name>::new())
            }
        }

        impl<'de> crate::wire::FromJsonObject<'de> for $name {
            fn from_map<A: ::serde::de::MapAccess<'de>>(
                map: A,
            ) -> ::std::result::Result<Self, A::Error> {
                $name::deserialize(::serde::de::value::MapAccessDeserializer::new(map))
            }
        }
    };
}
pub(crate) use json_object;

/// A structure read from the entries of a JSON object.
pub trait FromJsonObject<'de>: Sized {
    /// Reads the structure from an object's entries.
    fn from_map<A: serde::de::MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
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

impl<'de, T: FromJsonObject<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
}
