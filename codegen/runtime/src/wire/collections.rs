//! List and map codecs. Dense collections (the default) drop null items and values;
//! `@sparse` ones keep them as `None`. Maps have string keys, as JSON objects do.

use super::codecs::{Codec, Decoded, Encoded, Optional};
use super::error_path::{within, Step};
use super::json_reader::{Fast, JsonReader};
use std::collections::BTreeMap;
use std::marker::PhantomData;

/// A list whose null items are dropped (the default for lists).
#[derive(Clone, Copy, Debug, Default)]
pub struct List<C>(pub C);

/// A `@sparse` list: null items are kept as `None`.
#[derive(Clone, Copy, Debug, Default)]
pub struct SparseList<C>(pub C);

fn encode_seq<'a, C: Codec<T>, T: 'a, S: serde::Serializer>(
    items: impl Iterator<Item = &'a T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(items.map(|item| Encoded::<C, T>(item, PhantomData)))
}

/// Reads a JSON array item by item through `Optional<C>`, keeping nulls as `None`.
struct SparseSeqVisitor<C, T>(PhantomData<(C, fn() -> T)>);

impl<'de, C: Codec<T>, T> serde::de::Visitor<'de> for SparseSeqVisitor<C, T> {
    type Value = Vec<Option<T>>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON array")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // The size hint comes from the input: trust it only so far.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = within(Step::Index(items.len()), || {
            seq.next_element_seed(Decoded::<Optional<C>, Option<T>>::new())
        })? {
            items.push(item);
        }
        Ok(items)
    }
}

/// Reads a JSON array straight into a `Vec<T>`, dropping null items.
struct DenseSeqVisitor<C, T>(PhantomData<(C, fn() -> T)>);

impl<'de, C: Codec<T>, T> serde::de::Visitor<'de> for DenseSeqVisitor<C, T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON array")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        // Positions on the wire, nulls included, name the element that fails.
        let mut position = 0;
        while let Some(item) = within(Step::Index(position), || {
            seq.next_element_seed(Decoded::<Optional<C>, Option<T>>::new())
        })? {
            position += 1;
            if let Some(item) = item {
                items.push(item);
            }
        }
        Ok(items)
    }
}

/// At most how much memory a list reserves from its first item's size.
const LIST_RESERVE_BYTES: usize = 64 * 1024;

impl<C: Codec<T>, T> Codec<Vec<T>> for List<C> {
    fn encode<S: serde::Serializer>(
        &self,
        value: &Vec<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        encode_seq::<C, T, S>(value.iter(), serializer)
    }

    fn decode<'de, D: serde::Deserializer<'de>>(
        &self,
        deserializer: D,
    ) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(DenseSeqVisitor::<C, T>(PhantomData))
    }

    fn read(&self, reader: &mut JsonReader<'_>) -> Fast<Vec<T>> {
        let mut items = Vec::new();
        let mut array = reader.array()?;
        let start = reader.position();
        while array.next(reader)? {
            if !reader.null() {
                items.push(C::default().read(reader)?);
                if items.len() == 1 {
                    // Guess the length from the first item's size and what is left of the
                    // text (an eighth more, as items vary), within a memory bound: fewer
                    // copies of a long list as it grows.
                    let first = reader.position().saturating_sub(start).max(1);
                    let guess = reader.remaining().div_euclid(first);
                    let bound = (LIST_RESERVE_BYTES / std::mem::size_of::<T>().max(1)).max(16);
                    items.reserve((guess + guess / 8).min(bound));
                }
            }
        }
        // A short list inside a long text reserved too much: give it back.
        if items.capacity() > 2 * items.len() {
            items.shrink_to_fit();
        }
        Ok(items)
    }
}

impl<C: Codec<T>, T> Codec<Vec<Option<T>>> for SparseList<C> {
    fn encode<S: serde::Serializer>(
        &self,
        value: &Vec<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        encode_seq::<Optional<C>, Option<T>, S>(value.iter(), serializer)
    }

    fn decode<'de, D: serde::Deserializer<'de>>(
        &self,
        deserializer: D,
    ) -> Result<Vec<Option<T>>, D::Error> {
        deserializer.deserialize_seq(SparseSeqVisitor::<C, T>(PhantomData))
    }
}

/// A map with string keys whose null values are dropped (the default for maps).
#[derive(Clone, Copy, Debug, Default)]
pub struct Map<C>(pub C);

/// A `@sparse` map: null values are kept as `None`.
#[derive(Clone, Copy, Debug, Default)]
pub struct SparseMap<C>(pub C);

type StringMap<T> = BTreeMap<String, T>;

/// Reads a JSON object entry by entry through `Optional<C>`, keeping or dropping nulls.
struct MapVisitor<C, T, const KEEP_NULLS: bool>(PhantomData<(C, fn() -> T)>);

impl<'de, C: Codec<T>, T, const KEEP_NULLS: bool> serde::de::Visitor<'de>
    for MapVisitor<C, T, KEEP_NULLS>
{
    type Value = StringMap<Option<T>>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = StringMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = within(Step::Key(key.clone()), || {
                map.next_value_seed(Decoded::<Optional<C>, Option<T>>::new())
            })?;
            if KEEP_NULLS || value.is_some() {
                entries.insert(key, value);
            }
        }
        Ok(entries)
    }
}

impl<C: Codec<T>, T> Codec<StringMap<T>> for Map<C> {
    fn encode<S: serde::Serializer>(
        &self,
        value: &StringMap<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            value
                .iter()
                .map(|(k, v)| (k, Encoded::<C, T>(v, PhantomData))),
        )
    }

    fn decode<'de, D: serde::Deserializer<'de>>(
        &self,
        deserializer: D,
    ) -> Result<StringMap<T>, D::Error> {
        let entries = deserializer.deserialize_map(MapVisitor::<C, T, false>(PhantomData))?;
        Ok(entries
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect())
    }
}

impl<C: Codec<T>, T> Codec<StringMap<Option<T>>> for SparseMap<C> {
    fn encode<S: serde::Serializer>(
        &self,
        value: &StringMap<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            value
                .iter()
                .map(|(k, v)| (k, Encoded::<Optional<C>, Option<T>>(v, PhantomData))),
        )
    }

    fn decode<'de, D: serde::Deserializer<'de>>(
        &self,
        deserializer: D,
    ) -> Result<StringMap<Option<T>>, D::Error> {
        deserializer.deserialize_map(MapVisitor::<C, T, true>(PhantomData))
    }
}
