//! `string_enum!`: what every generated string enum has alike, written once. The emitter
//! writes the enum, its `as_str` and its `known` (the modelled values); this gives the
//! conversions, `Display` and the wire impls from those two.

/// Implements `From<&str>`, `From<String>`, `FromStr`, `AsRef<str>`, `Display`, `Serialize`,
/// `Deserialize`, [`ErrorCorrection`](crate::wire::ErrorCorrection) and
/// [`ReadJson`](crate::wire::ReadJson) for a string enum with an
/// `Unknown(UnknownValue)` variant, an `as_str(&self) -> &str` and a
/// `known(&str) -> Option<Self>`. Reading never fails on a value: one the model does not
/// list is kept in `Unknown`.
macro_rules! string_enum {
    // The macro expands inside model modules, where a model shape may be named `Result` or
    // `Option`: every path in it is absolute.
    ($name:ident) => {
        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::known(value)
                    .unwrap_or_else(|| Self::Unknown(crate::primitives::UnknownValue::new(value)))
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown(crate::primitives::UnknownValue::new(value)))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_str(crate::wire::EnumVisitor::<Self>::new())
            }
        }

        /// The unknown variant (Smithy's client error correction), with an empty value.
        impl crate::wire::ErrorCorrection for $name {
            fn corrected() -> Self {
                Self::Unknown(crate::primitives::UnknownValue::new(""))
            }
        }

        impl crate::wire::ReadJson for $name {
            fn read_json(reader: &mut crate::wire::JsonReader<'_>) -> crate::wire::Fast<Self> {
                crate::wire::read_enum(reader)
            }
        }
    };
}
pub(crate) use string_enum;
