//! The codec part of the generated `wire` module: how values travel when serde's own impls
//! would give the wrong wire form. Dense lists and maps drop nulls, sparse ones keep them,
//! floats carry `NaN`/`Infinity`/`-Infinity` as strings, and formatted timestamps are strings.
//! Codecs are zero-sized types composed by type (`List<Float>`), so a field names its codec in
//! its serde attributes and no per-field code is generated.

use proc_macro2::TokenStream;
use quote::quote;

/// Codec items, spliced into the `wire` module.
pub fn emit_codecs() -> TokenStream {
    quote! {
        /// How one kind of value is written and read on the wire.
        pub trait Codec<T>: ::std::default::Default {
            /// Writes `value`.
            fn encode<S: ::serde::Serializer>(&self, value: &T, serializer: S) -> ::std::result::Result<S::Ok, S::Error>;
            /// Reads a value.
            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<T, D::Error>;
        }

        /// `serialize_with` entry point for a field whose type needs codec `C`.
        pub fn encode<C: Codec<T>, T, S: ::serde::Serializer>(value: &T, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
            C::default().encode(value, serializer)
        }

        /// `deserialize_with` entry point for a field whose type needs codec `C`.
        pub fn decode<'de, C: Codec<T>, T, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<T, D::Error> {
            C::default().decode(deserializer)
        }

        /// A value written through its codec, for use inside other serializers.
        pub struct Encoded<'a, C, T>(pub &'a T, pub ::std::marker::PhantomData<C>);

        impl<C: Codec<T>, T> ::serde::Serialize for Encoded<'_, C, T> {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                C::default().encode(self.0, serializer)
            }
        }

        /// A value read through its codec, as a serde seed.
        pub struct Decoded<C, T>(pub ::std::marker::PhantomData<(C, fn() -> T)>);

        impl<C, T> Decoded<C, T> {
            /// The seed.
            pub fn new() -> Self {
                Decoded(::std::marker::PhantomData)
            }
        }

        impl<C, T> ::std::default::Default for Decoded<C, T> {
            fn default() -> Self {
                Self::new()
            }
        }

        impl<'de, C: Codec<T>, T> ::serde::de::DeserializeSeed<'de> for Decoded<C, T> {
            type Value = T;

            fn deserialize<D: ::serde::Deserializer<'de>>(self, deserializer: D) -> ::std::result::Result<T, D::Error> {
                C::default().decode(deserializer)
            }
        }

                /// Reads a string enum from a borrowed string when it can: only unknown values
        /// allocate.
        pub struct EnumVisitor<E>(::std::marker::PhantomData<E>);

        impl<E> EnumVisitor<E> {
            /// The visitor.
            pub fn new() -> Self {
                EnumVisitor(::std::marker::PhantomData)
            }
        }

        impl<E> ::std::default::Default for EnumVisitor<E> {
            fn default() -> Self {
                Self::new()
            }
        }

        impl<'de, E: for<'a> ::std::convert::From<&'a str> + ::std::convert::From<::std::string::String>> ::serde::de::Visitor<'de> for EnumVisitor<E> {
            type Value = E;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<Err: ::serde::de::Error>(self, value: &str) -> ::std::result::Result<E, Err> {
                ::std::result::Result::Ok(E::from(value))
            }

            fn visit_string<Err: ::serde::de::Error>(self, value: ::std::string::String) -> ::std::result::Result<E, Err> {
                ::std::result::Result::Ok(E::from(value))
            }
        }

        /// serde's own form.
        #[derive(Clone, Copy, Debug, Default)]
        pub struct Plain;

        impl<T: ::serde::Serialize + ::serde::de::DeserializeOwned> Codec<T> for Plain {
            fn encode<S: ::serde::Serializer>(&self, value: &T, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                value.serialize(serializer)
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<T, D::Error> {
                T::deserialize(deserializer)
            }
        }

        /// An optional value: `None` is written as `null`; `null` reads as `None`.
        #[derive(Clone, Copy, Debug, Default)]
        pub struct Optional<C>(pub C);

        impl<C: Codec<T>, T> Codec<::std::option::Option<T>> for Optional<C> {
            fn encode<S: ::serde::Serializer>(&self, value: &::std::option::Option<T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match value {
                    ::std::option::Option::Some(value) => self.0.encode(value, serializer),
                    ::std::option::Option::None => serializer.serialize_none(),
                }
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<::std::option::Option<T>, D::Error> {
                struct Visit<C, T>(::std::marker::PhantomData<(C, fn() -> T)>);
                impl<'de, C: Codec<T>, T> ::serde::de::Visitor<'de> for Visit<C, T> {
                    type Value = ::std::option::Option<T>;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str("a value or null")
                    }
                    fn visit_none<E: ::serde::de::Error>(self) -> ::std::result::Result<Self::Value, E> {
                        ::std::result::Result::Ok(::std::option::Option::None)
                    }
                    fn visit_unit<E: ::serde::de::Error>(self) -> ::std::result::Result<Self::Value, E> {
                        ::std::result::Result::Ok(::std::option::Option::None)
                    }
                    fn visit_some<D: ::serde::Deserializer<'de>>(self, deserializer: D) -> ::std::result::Result<Self::Value, D::Error> {
                        C::default().decode(deserializer).map(::std::option::Option::Some)
                    }
                }
                deserializer.deserialize_option(Visit::<C, T>(::std::marker::PhantomData))
            }
        }

        /// A list whose null items are dropped (the default for lists).
        #[derive(Clone, Copy, Debug, Default)]
        pub struct List<C>(pub C);

        /// A `@sparse` list: null items are kept as `None`.
        #[derive(Clone, Copy, Debug, Default)]
        pub struct SparseList<C>(pub C);

        fn encode_seq<'a, C: Codec<T>, T: 'a, S: ::serde::Serializer>(items: impl ::std::iter::Iterator<Item = &'a T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.collect_seq(items.map(|item| Encoded::<C, T>(item, ::std::marker::PhantomData)))
        }

                        /// Reads a JSON array item by item through `Optional<C>`, keeping nulls as `None`.
        struct SparseSeqVisitor<C, T>(::std::marker::PhantomData<(C, fn() -> T)>);

                impl<'de, C: Codec<T>, T> ::serde::de::Visitor<'de> for SparseSeqVisitor<C, T> {
            type Value = ::std::vec::Vec<::std::option::Option<T>>;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a JSON array")
            }

            fn visit_seq<A: ::serde::de::SeqAccess<'de>>(self, mut seq: A) -> ::std::result::Result<Self::Value, A::Error> {
                let mut items = ::std::vec::Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let ::std::option::Option::Some(item) = seq.next_element_seed(Decoded::<Optional<C>, ::std::option::Option<T>>::new())? {
                                        items.push(item);
                }
                ::std::result::Result::Ok(items)
            }
        }

                /// Reads a JSON array straight into a `Vec<T>`, dropping null items.
        struct DenseSeqVisitor<C, T>(::std::marker::PhantomData<(C, fn() -> T)>);

        impl<'de, C: Codec<T>, T> ::serde::de::Visitor<'de> for DenseSeqVisitor<C, T> {
            type Value = ::std::vec::Vec<T>;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a JSON array")
            }

            fn visit_seq<A: ::serde::de::SeqAccess<'de>>(self, mut seq: A) -> ::std::result::Result<Self::Value, A::Error> {
                let mut items = ::std::vec::Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let ::std::option::Option::Some(item) = seq.next_element_seed(Decoded::<Optional<C>, ::std::option::Option<T>>::new())? {
                    if let ::std::option::Option::Some(item) = item {
                        items.push(item);
                    }
                }
                ::std::result::Result::Ok(items)
            }
        }

        impl<C: Codec<T>, T> Codec<::std::vec::Vec<T>> for List<C> {
            fn encode<S: ::serde::Serializer>(&self, value: &::std::vec::Vec<T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                encode_seq::<C, T, S>(value.iter(), serializer)
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<::std::vec::Vec<T>, D::Error> {
                deserializer.deserialize_seq(DenseSeqVisitor::<C, T>(::std::marker::PhantomData))
            }
        }

        impl<C: Codec<T>, T> Codec<::std::vec::Vec<::std::option::Option<T>>> for SparseList<C> {
            fn encode<S: ::serde::Serializer>(&self, value: &::std::vec::Vec<::std::option::Option<T>>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                encode_seq::<Optional<C>, ::std::option::Option<T>, S>(value.iter(), serializer)
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<::std::vec::Vec<::std::option::Option<T>>, D::Error> {
                deserializer.deserialize_seq(SparseSeqVisitor::<C, T>(::std::marker::PhantomData))
            }
        }

        /// A map with string keys whose null values are dropped (the default for maps).
        #[derive(Clone, Copy, Debug, Default)]
        pub struct Map<C>(pub C);

        /// A `@sparse` map: null values are kept as `None`.
        #[derive(Clone, Copy, Debug, Default)]
        pub struct SparseMap<C>(pub C);

        type StringMap<T> = ::std::collections::BTreeMap<::std::string::String, T>;

        /// Reads a JSON object entry by entry through `Optional<C>`, keeping or dropping nulls.
        struct MapVisitor<C, T, const KEEP_NULLS: bool>(::std::marker::PhantomData<(C, fn() -> T)>);

        impl<'de, C: Codec<T>, T, const KEEP_NULLS: bool> ::serde::de::Visitor<'de> for MapVisitor<C, T, KEEP_NULLS> {
            type Value = StringMap<::std::option::Option<T>>;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<Self::Value, A::Error> {
                let mut entries = StringMap::new();
                while let ::std::option::Option::Some(key) = map.next_key::<::std::string::String>()? {
                    let value = map.next_value_seed(Decoded::<Optional<C>, ::std::option::Option<T>>::new())?;
                    if KEEP_NULLS || value.is_some() {
                        entries.insert(key, value);
                    }
                }
                ::std::result::Result::Ok(entries)
            }
        }

        impl<C: Codec<T>, T> Codec<StringMap<T>> for Map<C> {
            fn encode<S: ::serde::Serializer>(&self, value: &StringMap<T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.collect_map(value.iter().map(|(k, v)| (k, Encoded::<C, T>(v, ::std::marker::PhantomData))))
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<StringMap<T>, D::Error> {
                let entries = deserializer.deserialize_map(MapVisitor::<C, T, false>(::std::marker::PhantomData))?;
                ::std::result::Result::Ok(entries.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect())
            }
        }

        impl<C: Codec<T>, T> Codec<StringMap<::std::option::Option<T>>> for SparseMap<C> {
            fn encode<S: ::serde::Serializer>(&self, value: &StringMap<::std::option::Option<T>>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.collect_map(value.iter().map(|(k, v)| (k, Encoded::<Optional<C>, ::std::option::Option<T>>(v, ::std::marker::PhantomData))))
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<StringMap<::std::option::Option<T>>, D::Error> {
                deserializer.deserialize_map(MapVisitor::<C, T, true>(::std::marker::PhantomData))
            }
        }

        /// Floats: numbers, with `NaN`, `Infinity` and `-Infinity` as those strings.
        #[derive(Clone, Copy, Debug, Default)]
        pub struct Float;

        struct FloatVisitor;

        impl<'de> ::serde::de::Visitor<'de> for FloatVisitor {
            type Value = f64;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
            }

            fn visit_f64<E: ::serde::de::Error>(self, value: f64) -> ::std::result::Result<f64, E> {
                ::std::result::Result::Ok(value)
            }

            fn visit_i64<E: ::serde::de::Error>(self, value: i64) -> ::std::result::Result<f64, E> {
                ::std::result::Result::Ok(value as f64)
            }

            fn visit_u64<E: ::serde::de::Error>(self, value: u64) -> ::std::result::Result<f64, E> {
                ::std::result::Result::Ok(value as f64)
            }

            fn visit_str<E: ::serde::de::Error>(self, value: &str) -> ::std::result::Result<f64, E> {
                match value {
                    "NaN" => ::std::result::Result::Ok(f64::NAN),
                    "Infinity" => ::std::result::Result::Ok(f64::INFINITY),
                    "-Infinity" => ::std::result::Result::Ok(f64::NEG_INFINITY),
                    other => ::std::result::Result::Err(E::invalid_value(::serde::de::Unexpected::Str(other), &self)),
                }
            }
        }

        fn encode_float<S: ::serde::Serializer>(value: f64, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
            if value.is_nan() {
                serializer.serialize_str("NaN")
            } else if value == f64::INFINITY {
                serializer.serialize_str("Infinity")
            } else if value == f64::NEG_INFINITY {
                serializer.serialize_str("-Infinity")
            } else {
                serializer.serialize_f64(value)
            }
        }

        impl Codec<f64> for Float {
            fn encode<S: ::serde::Serializer>(&self, value: &f64, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                encode_float(*value, serializer)
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<f64, D::Error> {
                deserializer.deserialize_any(FloatVisitor)
            }
        }

        impl Codec<f32> for Float {
            fn encode<S: ::serde::Serializer>(&self, value: &f32, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                encode_float(f64::from(*value), serializer)
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<f32, D::Error> {
                deserializer.deserialize_any(FloatVisitor).map(|value| value as f32)
            }
        }
    }
}

/// Codecs for timestamps in string formats, emitted only when the model uses them.
pub fn emit_timestamp_codecs() -> TokenStream {
    quote! {
        /// Timestamps as RFC 3339 `date-time` strings.
        #[derive(Clone, Copy, Debug, Default)]
        pub struct DateTimeString;

        /// Timestamps as RFC 7231 IMF-fixdate strings.
        #[derive(Clone, Copy, Debug, Default)]
        pub struct HttpDateString;

        fn decode_text<'de, D: ::serde::Deserializer<'de>>(
            deserializer: D,
            parse: fn(&str) -> ::std::option::Option<crate::primitives::DateTime>,
            what: &str,
        ) -> ::std::result::Result<crate::primitives::DateTime, D::Error> {
            let text: ::std::string::String = ::serde::Deserialize::deserialize(deserializer)?;
            parse(&text).ok_or_else(|| <D::Error as ::serde::de::Error>::custom(format!("expected {what}, found {text:?}")))
        }

        impl Codec<crate::primitives::DateTime> for DateTimeString {
            fn encode<S: ::serde::Serializer>(&self, value: &crate::primitives::DateTime, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(&value.to_rfc3339())
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<crate::primitives::DateTime, D::Error> {
                decode_text(deserializer, crate::primitives::DateTime::parse_rfc3339, "an RFC 3339 date-time")
            }
        }

        impl Codec<crate::primitives::DateTime> for HttpDateString {
            fn encode<S: ::serde::Serializer>(&self, value: &crate::primitives::DateTime, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(&value.to_http_date())
            }

            fn decode<'de, D: ::serde::Deserializer<'de>>(&self, deserializer: D) -> ::std::result::Result<crate::primitives::DateTime, D::Error> {
                decode_text(deserializer, crate::primitives::DateTime::parse_http_date, "an HTTP date")
            }
        }
    }
}
