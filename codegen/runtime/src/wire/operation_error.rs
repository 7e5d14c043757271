//! The code every operation's error enum shares, written once.
//!
//! An operation's error enum has one variant per error the model lists for the operation,
//! each holding that error's structure, and `Unhandled` for everything else. Its accessors
//! (`code`, `message`, the `wire::OperationError` trait), `Display`, `std::error::Error`,
//! the `From` conversions and the reading of an error response differ between operations
//! only in that list of variants, so the generated file declares the enum and hands the
//! list to [`operation_error!`](operation_error) instead of spelling out each `match`.

/// Implements an operation's error enum from its variants: `Name, Variant(ErrorType), ...`.
///
/// The enum must have exactly those variants plus `Unhandled(crate::primitives::UnhandledError)`,
/// and each `ErrorType` must be a modelled error structure (`CODE`, `message()`,
/// `wire::ModelledError`, `Display`, serde `Deserialize`).
///
/// Besides the public accessors it gives the enum a crate-private `from_response`, which
/// reads an error response into the variant its code names (or `Unhandled` when the code is
/// not one of them, or the body does not fit the error's structure), and, with the `server`
/// feature, the server's writing of the same variants (`server_error!`): one list per
/// operation serves both sides.
macro_rules! operation_error {
    ($name:ident $(, $variant:ident($error:ty))* $(,)?) => {
        impl $name {
            /// The error code, when known.
            pub fn code(&self) -> ::std::option::Option<&str> {
                match self {
                    $(Self::$variant(_) => ::std::option::Option::Some(<$error>::CODE),)*
                    Self::Unhandled(error) => error.code(),
                }
            }

            /// The error message, when the service sent one.
            pub fn message(&self) -> ::std::option::Option<&str> {
                match self {
                    $(Self::$variant(error) => error.message(),)*
                    Self::Unhandled(error) => error.message(),
                }
            }

            /// Reads an error response: the variant whose code the response names, or
            /// `Unhandled` with what could be read of it.
            pub(crate) fn from_response(response: crate::wire::ErrorResponse) -> Self {
                match response.code() {
                    $(::std::option::Option::Some(<$error>::CODE) => response
                        .typed()
                        .map(Self::$variant)
                        .unwrap_or_else(Self::Unhandled),)*
                    _ => Self::Unhandled(response.into_unhandled()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $(Self::$variant(error) => ::std::fmt::Display::fmt(error, f),)*
                    Self::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }

        // The variants' own messages are this error's message (see `Display`), so they are
        // not also reported as its `source`.
        impl ::std::error::Error for $name {}

        impl crate::wire::OperationError for $name {
            fn code(&self) -> ::std::option::Option<&str> {
                Self::code(self)
            }

            fn message(&self) -> ::std::option::Option<&str> {
                Self::message(self)
            }

            fn http_status(&self) -> ::std::option::Option<u16> {
                match self {
                    $(Self::$variant(error) => {
                        crate::wire::ModelledError::response(error).map(|r| r.status())
                    })*
                    Self::Unhandled(error) => ::std::option::Option::Some(error.http_status()),
                }
            }

            fn request_id(&self) -> ::std::option::Option<&str> {
                match self {
                    $(Self::$variant(error) => {
                        crate::wire::ModelledError::response(error).and_then(|r| r.request_id())
                    })*
                    Self::Unhandled(error) => error.request_id(),
                }
            }

            fn as_unhandled(&self) -> ::std::option::Option<&crate::primitives::UnhandledError> {
                match self {
                    Self::Unhandled(error) => ::std::option::Option::Some(error),
                    // An operation without modelled errors has no other variant.
                    #[allow(unreachable_patterns)]
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl ::std::convert::From<crate::primitives::UnhandledError> for $name {
            fn from(error: crate::primitives::UnhandledError) -> Self {
                Self::Unhandled(error)
            }
        }

        $(impl ::std::convert::From<$error> for $name {
            fn from(error: $error) -> Self {
                Self::$variant(error)
            }
        })*

        // The server writes the same modelled variants (cargo feature `server`).
        #[cfg(feature = "server")]
        crate::server::server_error!($name $(, $variant($error))*);
    };
}
pub(crate) use operation_error;
