//! `message_error!`: an error structure whose only member is an optional `message`, which is
//! most errors of most AWS models. Such errors read their bodies through one shared type,
//! [`MessageBody`], instead of each through its own serde impls: a crate with many errors
//! then compiles one reader for them all, not one per error.

/// The wire form of an error with an optional `message` (also read as `Message`) and no
/// other member. Errors declared with `message_error!` read their bodies through it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MessageBody {
    /// The message, if the service sent one.
    pub message: Option<String>,
}
crate::wire::json_structure!(MessageBody, optional(message, "message" | "Message"));

/// Implements, for an error structure with exactly two fields, an optional message (wire
/// name `message`, also read as `Message`) and the `response` it was read from, what
/// `json_structure!` and `modelled_error!` implement for any other error structure: the same
/// wire form, with every read going through [`MessageBody`].
///
/// ```text
/// message_error!(Name, field, "WireCode", status, Client | Server);
/// ```
///
/// followed, as for `modelled_error!`, by `; wire_type = "ns#Name"` when a server sends the
/// full shape id and `; query_error = "Code;Fault"` when it sends that header.
macro_rules! message_error {
    // The macro expands inside model modules, where a model shape may be named `Result`,
    // `Option` or `Default`: every path in it is absolute.
    (
        $name:ident, $field:ident, $code:literal, $status:literal, $fault:ident
        $(; wire_type = $type:literal)? $(; query_error = $query:literal)?
    ) => {
        impl $name {
            fn from_message_body(body: crate::wire::MessageBody) -> Self {
                Self {
                    $field: body.message,
                    response: ::std::option::Option::None,
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                // Written as `json_structure!` writes an optional member.
                use ::serde::ser::SerializeStruct as _;
                let len = crate::wire::json_structure!(@count optional, &self.$field);
                let mut state = serializer.serialize_struct(::std::stringify!($name), len)?;
                crate::wire::json_structure!(@write optional, state, &self.$field, "message");
                state.end()
            }
        }

        impl<'de> crate::wire::FromJsonObject<'de> for $name {
            fn from_map<A: ::serde::de::MapAccess<'de>>(
                map: A,
            ) -> ::std::result::Result<Self, A::Error> {
                <crate::wire::MessageBody as crate::wire::FromJsonObject<'de>>::from_map(map)
                    .map(Self::from_message_body)
            }
        }

        impl crate::wire::ReadJson for $name {
            fn read_json(reader: &mut crate::wire::JsonReader<'_>) -> crate::wire::Fast<Self> {
                <crate::wire::MessageBody as crate::wire::ReadJson>::read_json(reader)
                    .map(Self::from_message_body)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                <crate::wire::MessageBody as ::serde::Deserialize<'de>>::deserialize(deserializer)
                    .map(Self::from_message_body)
            }
        }

        impl $name {
            /// The message the service sent with the error, if any.
            pub fn message(&self) -> ::std::option::Option<&str> {
                self.$field.as_deref()
            }
        }

        crate::wire::modelled_error!(
            @common $name, $code, $status, $fault,
            |body| {
                crate::wire::read_error_body::<crate::wire::MessageBody>(body)
                    .map(Self::from_message_body)
            },
            [$($type)?], [$($query)?]
        );
    };
}
pub(crate) use message_error;
