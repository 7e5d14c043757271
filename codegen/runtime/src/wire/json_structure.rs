//! `json_structure!`: a structure's `Serialize`, `FromJsonObject` and `Deserialize` impls
//! from one line per member. The wire rules live here, once, as real code; a generated file
//! only lists its members, so it stays short and a user's build expands a `macro_rules!`
//! (cheap) instead of running a proc macro.
//!
//! The wire form is the one serde's derive gives: members in declaration order, unset optional
//! members left out, `null` read as absent, duplicate members refused with serde's
//! messages, unknown members skipped without allocating. A missing required member of a
//! response is corrected (Smithy's client error correction), not refused.

/// Implements `Serialize`, [`FromJsonObject`](crate::wire::FromJsonObject), `Deserialize`
/// (from a JSON object only) and [`ReadJson`](crate::wire::ReadJson) (the fast path) for a
/// structure.
///
/// ```text
/// json_structure!(Name, KIND(field, "Wire" | "alias", Codec, default), ...);
/// ```
///
/// Each member gives its field, its wire name with any aliases it is also read under, and
/// optionally its codec ([`Plain`](crate::wire::Plain) when left out; written with `::<>` so
/// that the invocation reads as a call and rustfmt lays it out) and its model default:
/// - `optional`: an `Option`, left out when `None`;
/// - `required`: always written; missing or `null` reads as its
///   [`ErrorCorrection`](crate::wire::ErrorCorrection) (a response from a misconfigured
///   service still reads, as Smithy's client error correction says);
/// - `required_input`: as `required`, but missing or `null` is an error (an input, which a
///   client builds and sends, is never corrected);
/// - `defaulted`: always written; missing or `null` reads as the default (the type's
///   `Default` unless a default expression is given);
/// - `omit_default`: as `defaulted`, but not written while equal to its default (input
///   members: the service applies the default itself);
/// - `server_defaulted`: as `optional` (an `@input` member, whose default a client ignores),
///   but a server reading a request that leaves it out gets the default;
/// - `local(field)`: not on the wire at all; read as the field type's `Default`.
macro_rules! json_structure {
    // The macro expands inside model modules, where a model shape may be named `Result`,
    // `Option` or `Default`: every path in it is absolute, and the one item it declares
    // (`Member_`, in a function body) has a name no model type is given.
    ($name:ident $(, $kind:ident($field:ident $(, $wire:literal $(| $alias:literal)* $(, $($rest:tt)+)?)?))* $(,)?) => {
        #[allow(deprecated)]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                let len = 0 $(+ crate::wire::json_structure!(@count $kind, &self.$field $($(, $($rest)+)?)?))*;
                #[allow(unused_mut)]
                let mut state = serializer.serialize_struct(::std::stringify!($name), len)?;
                $(crate::wire::json_structure!(@write $kind, state, &self.$field $(, $wire $(, $($rest)+)?)?);)*
                state.end()
            }
        }

        #[allow(deprecated)]
        impl<'de> crate::wire::FromJsonObject<'de> for $name {
            // Each member's slot is a local named after its field, which may be a name
            // clippy would not have a person choose (`foo`).
            #[allow(clippy::disallowed_names)]
            fn from_map<A: ::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> ::std::result::Result<Self, A::Error> {
                // One variant per member on the wire (a `local` field gets one too, never
                // matched, so that every field has a slot).
                #[allow(non_camel_case_types, dead_code)]
                enum Member_ {
                    $($field,)*
                }
                $(
                    #[allow(unused_mut)]
                    let mut $field = ::std::option::Option::None;
                )*
                while let ::std::option::Option::Some(key) = ::serde::de::MapAccess::next_key_seed(
                    &mut map,
                    crate::wire::MemberKey(|name: &str| -> ::std::option::Option<Member_> { match name {
                        $($($wire $(| $alias)* => ::std::option::Option::Some(Member_::$field),)?)*
                        _ => ::std::option::Option::None,
                    }}),
                )? {
                    match key {
                        $($(::std::option::Option::Some(Member_::$field) => crate::wire::read_member(
                            &mut map,
                            &mut $field,
                            $wire,
                            crate::wire::json_structure!(@seed $kind $(, $($rest)+)?),
                        )?,)?)*
                        _ => {
                            ::serde::de::MapAccess::next_value::<::serde::de::IgnoredAny>(&mut map)?;
                        }
                    }
                }
                ::std::result::Result::Ok(Self {
                    $($field: crate::wire::json_structure!(@init $kind, $field $(, $wire $(, $($rest)+)?)?),)*
                })
            }
        }

        #[allow(deprecated)]
        impl crate::wire::ReadJson for $name {
            // As in `from_map`: slots are named after their fields.
            #[allow(clippy::disallowed_names)]
            fn read_json(reader: &mut crate::wire::JsonReader<'_>) -> crate::wire::Fast<Self> {
                $(
                    #[allow(unused_mut)]
                    let mut $field = ::std::option::Option::None;
                )*
                let mut object = reader.object()?;
                while let ::std::option::Option::Some(key) = object.next(reader)? {
                    match key {
                        $($($wire $(| $alias)* => {
                            if $field.is_some() {
                                // A duplicate: serde gives the error.
                                return ::std::result::Result::Err(crate::wire::NotFast);
                            }
                            $field = ::std::option::Option::Some(crate::wire::Codec::read(
                                &<crate::wire::json_structure!(@codec_of $kind $(, $($rest)+)?)
                                    as ::std::default::Default>::default(),
                                reader,
                            )?);
                        })?)*
                        _ => reader.skip()?,
                    }
                }
                ::std::result::Result::Ok(Self {
                    $($field: crate::wire::json_structure!(@init_fast $kind, $field $(, $wire $(, $($rest)+)?)?),)*
                })
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_map(crate::wire::ObjectVisitor::<$name>::new())
            }
        }

        /// `{}`: what an empty object reads as, each required member corrected in turn.
        #[allow(deprecated)]
        impl crate::wire::ErrorCorrection for $name {
            fn corrected() -> Self {
                Self {
                    $($field: crate::wire::json_structure!(@corrected $kind $(, $wire $(, $($rest)+)?)?),)*
                }
            }
        }
    };

    // A field's value in the correction of a structure (`{}`).
    (@corrected optional $(, $($rest:tt)+)?) => {
        ::std::option::Option::None
    };
    (@corrected server_defaulted $(, $($rest:tt)+)?) => {
        ::std::option::Option::None
    };
    (@corrected required $(, $($rest:tt)+)?) => {
        crate::wire::ErrorCorrection::corrected()
    };
    (@corrected required_input $(, $($rest:tt)+)?) => {
        crate::wire::ErrorCorrection::corrected()
    };
    (@corrected $kind:ident $(, $wire:literal $(, $codec:ty)?)?) => {
        ::std::default::Default::default()
    };
    (@corrected $kind:ident, $wire:literal, $codec:ty, $default:expr) => {
        $default
    };

    // How many entries a member writes (0 or 1).
    (@count optional, $value:expr $(, $($rest:tt)+)?) => {
        usize::from(::std::option::Option::is_some($value))
    };
    (@count server_defaulted, $value:expr $(, $($rest:tt)+)?) => {
        usize::from(::std::option::Option::is_some($value))
    };
    (@count omit_default, $value:expr $(, $($rest:tt)+)?) => {
        usize::from(!crate::wire::json_structure!(@is_default $value $(, $($rest)+)?))
    };
    (@count local, $value:expr) => {
        0
    };
    (@count $kind:ident, $value:expr $(, $($rest:tt)+)?) => {
        1
    };

    // Whether an `omit_default` member holds its default.
    (@is_default $value:expr) => {
        crate::wire::is_default($value)
    };
    (@is_default $value:expr, $codec:ty) => {
        crate::wire::is_default($value)
    };
    (@is_default $value:expr, $codec:ty, $default:expr) => {
        crate::wire::equals_default($value, $default)
    };

    // Writes a member.
    (@write optional, $state:ident, $value:expr, $wire:literal $(, $codec:ty $(, $default:expr)?)?) => {
        if let ::std::option::Option::Some(value) = $value {
            $state.serialize_field(
                $wire,
                &crate::wire::Encoded::<crate::wire::json_structure!(@codec $($codec)?), _>::new(value),
            )?;
        }
    };
    (@write server_defaulted, $state:ident, $value:expr, $wire:literal, $codec:ty, $default:expr) => {
        crate::wire::json_structure!(@write optional, $state, $value, $wire, $codec)
    };
    (@write omit_default, $state:ident, $value:expr, $wire:literal $(, $codec:ty $(, $default:expr)?)?) => {
        if !crate::wire::json_structure!(@is_default $value $(, $codec $(, $default)?)?) {
            $state.serialize_field(
                $wire,
                &crate::wire::Encoded::<crate::wire::json_structure!(@codec $($codec)?), _>::new($value),
            )?;
        }
    };
    (@write local, $state:ident, $value:expr) => {};
    (@write $kind:ident, $state:ident, $value:expr, $wire:literal $(, $codec:ty $(, $default:expr)?)?) => {
        $state.serialize_field(
            $wire,
            &crate::wire::Encoded::<crate::wire::json_structure!(@codec $($codec)?), _>::new($value),
        )?
    };

    // The seed that reads a member's value: `null` is absent except for a required input
    // member.
    (@seed required_input $(, $codec:ty $(, $default:expr)?)?) => {
        crate::wire::Decoded::<crate::wire::json_structure!(@codec $($codec)?), _>::new()
    };
    (@seed $kind:ident $(, $codec:ty $(, $default:expr)?)?) => {
        crate::wire::Decoded::<
            crate::wire::Optional<crate::wire::json_structure!(@codec $($codec)?)>,
            _,
        >::new()
    };

    // The codec that reads a member's value on the fast path: as `@seed`.
    (@codec_of required_input $(, $codec:ty $(, $default:expr)?)?) => {
        crate::wire::json_structure!(@codec $($codec)?)
    };
    (@codec_of $kind:ident $(, $codec:ty $(, $default:expr)?)?) => {
        crate::wire::Optional<crate::wire::json_structure!(@codec $($codec)?)>
    };

    // A field's value once every entry is read on the fast path: a missing required input
    // member gives up, so that serde reports it (a response's is corrected as serde does).
    (@init_fast required_input, $slot:ident $(, $($rest:tt)+)?) => {
        $slot.ok_or(crate::wire::NotFast)?
    };
    (@init_fast $($rest:tt)+) => {
        crate::wire::json_structure!(@init $($rest)+)
    };

    // A field's value once every entry is read.
    (@init optional, $slot:ident, $wire:literal $(, $($rest:tt)+)?) => {
        ::std::option::Option::flatten($slot)
    };
    (@init required, $slot:ident, $wire:literal $(, $($rest:tt)+)?) => {
        crate::wire::or_corrected(::std::option::Option::flatten($slot), $wire)
    };
    (@init required_input, $slot:ident, $wire:literal $(, $($rest:tt)+)?) => {{
        // A server's strict read records a missing member and reads on.
        #[cfg(feature = "server")]
        let $slot = crate::wire::correct_missing($slot, $wire);
        crate::wire::required($slot, $wire)?
    }};
    (@init server_defaulted, $slot:ident, $wire:literal, $codec:ty, $default:expr) => {{
        let value = ::std::option::Option::flatten($slot);
        // A server fills in what the request left out; a client keeps it absent.
        #[cfg(feature = "server")]
        let value = ::std::option::Option::or_else(value, || ::std::option::Option::Some($default));
        value
    }};
    (@init local, $slot:ident) => {{
        let _: ::std::option::Option<()> = $slot;
        ::std::default::Default::default()
    }};
    (@init $kind:ident, $slot:ident, $wire:literal $(, $codec:ty)?) => {
        ::std::option::Option::unwrap_or_default(::std::option::Option::flatten($slot))
    };
    (@init $kind:ident, $slot:ident, $wire:literal, $codec:ty, $default:expr) => {
        crate::wire::or_default_value(::std::option::Option::flatten($slot), || $default)
    };

    (@codec) => {
        crate::wire::Plain
    };
    (@codec $codec:ty) => {
        $codec
    };
}
pub(crate) use json_structure;

/// A defaulted member's value: the one read, or its model default (built only when needed).
pub fn or_default_value<T>(read: Option<T>, default: impl FnOnce() -> T) -> T {
    match read {
        Some(value) => value,
        None => default(),
    }
}
