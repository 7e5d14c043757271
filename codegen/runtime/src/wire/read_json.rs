//! [`ReadJson`]: how each type reads itself on the fast path ([`JsonReader`]), for the types
//! every model uses. Generated structures get theirs from `json_structure!`, enums from the
//! emitter; a type the fast path does not handle itself reads its value's text through
//! serde ([`read_via_serde`]).

use super::json_deserializer::from_json_str;
use super::json_reader::{Fast, JsonReader, NotFast};

/// A value the fast path can read.
pub trait ReadJson: Sized {
    /// Reads one value, or gives up.
    fn read_json(reader: &mut JsonReader<'_>) -> Fast<Self>;
}

/// `text` read whole by the fast path: the value, or `None` where the fast path gives up
/// (then serde reads the text, and gives the value or the error with its member path).
/// Inlined into its callers: as a call of its own it cost the parse benchmark 1.3% more
/// instructions.
#[inline]
pub fn read_whole<T: ReadJson>(text: &str) -> Option<T> {
    let mut reader = JsonReader::new(text);
    T::read_json(&mut reader)
        .and_then(|value| reader.end().map(|()| value))
        .ok()
}

/// Reads the next value through serde, from its text: for types the fast path leaves to
/// serde (documents, blobs, unions), so that they need nothing of their own.
pub fn read_via_serde<T: serde::de::DeserializeOwned>(reader: &mut JsonReader<'_>) -> Fast<T> {
    let text = reader.raw()?;
    from_json_str(text).map_err(|_| NotFast)
}

/// Implements [`ReadJson`] through [`read_via_serde`]. Used by model code with unions or int
/// enums, and by blobs and documents: unused in a crate whose model has none.
#[allow(unused_macros)]
macro_rules! read_json_via_serde {
    ($name:ty) => {
        impl crate::wire::ReadJson for $name {
            fn read_json(reader: &mut crate::wire::JsonReader<'_>) -> crate::wire::Fast<Self> {
                crate::wire::read_via_serde(reader)
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use read_json_via_serde;

#[cfg(feature = "documents")]
read_json_via_serde!(serde_json::Value);

impl ReadJson for String {
    fn read_json(reader: &mut JsonReader<'_>) -> Fast<Self> {
        reader.string().map(|text| text.into_owned())
    }
}

impl ReadJson for bool {
    fn read_json(reader: &mut JsonReader<'_>) -> Fast<Self> {
        reader.boolean()
    }
}

/// Integers: a number without fraction or exponent that fits, as serde_json reads them. It
/// refuses `1.0` and `1e2` for an integer, and reads `-0` as a float, so refuses it too.
/// Every width parses through [`read_i64`] and narrows, so a crate compiles one integer
/// parser, not one per width.
macro_rules! read_integer {
    ($($int:ty),*) => {$(
        impl ReadJson for $int {
            fn read_json(reader: &mut JsonReader<'_>) -> Fast<Self> {
                <$int>::try_from(read_i64(reader)?).map_err(|_| NotFast)
            }
        }
    )*};
}

/// An integer that fits an `i64` (see `read_integer!`).
fn read_i64(reader: &mut JsonReader<'_>) -> Fast<i64> {
    let text = reader.number()?;
    if text == "-0" {
        return Err(NotFast);
    }
    text.parse().map_err(|_| NotFast)
}

read_integer!(i8, i16, i32, i64);

impl<T: ReadJson> ReadJson for Box<T> {
    fn read_json(reader: &mut JsonReader<'_>) -> Fast<Self> {
        T::read_json(reader).map(Box::new)
    }
}

/// A string enum: a borrowed string where it can be, so only unknown values allocate.
pub fn read_enum<E: for<'a> From<&'a str>>(reader: &mut JsonReader<'_>) -> Fast<E> {
    reader.string().map(|text| E::from(&*text))
}
