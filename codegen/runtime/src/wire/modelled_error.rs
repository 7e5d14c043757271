//! `modelled_error!`: what every error structure has alike (its wire facts, `message()`,
//! `Display`, `std::error::Error` and `ModelledError`), written once instead of per error.

/// Implements the wire facts, `message()`, `Display`, `std::error::Error` and
/// `ModelledError` for an error structure with a `response` field (its body is read with
/// [`read_error_body`](crate::wire::read_error_body)).
///
/// `message()` reads the field named last (an `Option<String>`, or a `String` when the
/// model requires the message), the only way to read it. Without one (no such member, or a
/// sensitive one, which `Display` must not print) `message()` is always `None`.
macro_rules! modelled_error {
    // The macro expands inside model modules, where a model shape may be named `Result` or
    // `Option`: every path in it is absolute.
    (
        $name:ident, $code:literal, $status:literal, $fault:ident, $message:ident
        $(; wire_type = $type:literal)? $(; query_error = $query:literal)?
    ) => {
        impl $name {
            /// The message the service sent with the error, if any.
            pub fn message(&self) -> ::std::option::Option<&str> {
                // `Option<&String>` from either `&Option<String>` or `&String`.
                ::std::option::Option::<&::std::string::String>::from(&self.$message)
                    .map(::std::string::String::as_str)
            }
        }

        crate::wire::modelled_error!(
            @common $name, $code, $status, $fault, crate::wire::read_error_body::<$name>,
            [$($type)?], [$($query)?]
        );
    };
    (
        $name:ident, $code:literal, $status:literal, $fault:ident
        $(; wire_type = $type:literal)? $(; query_error = $query:literal)?
    ) => {
        impl $name {
            /// The message the service sent with the error (never one that is sensitive).
            pub fn message(&self) -> ::std::option::Option<&str> {
                ::std::option::Option::None
            }
        }

        crate::wire::modelled_error!(
            @common $name, $code, $status, $fault, crate::wire::read_error_body::<$name>,
            [$($type)?], [$($query)?]
        );
    };
    // What every error has alike; `$read` reads its body (`fn(&[u8]) -> Result<Self, String>`),
    // then come the server's `__type` when it is not the code, and its `x-amzn-query-error`.
    (
        @common $name:ident, $code:literal, $status:literal, $fault:ident, $read:expr,
        [$($type:literal)?], [$($query:literal)?]
    ) => {
        impl $name {
            /// The error code on the wire.
            pub const CODE: &'static str = $code;
            /// The HTTP status the model gives this error.
            pub const HTTP_STATUS: u16 = $status;
            /// Whether the caller or the service is at fault.
            pub const FAULT: crate::primitives::ErrorFault = crate::primitives::ErrorFault::$fault;
            /// What a server sends in the body's `__type`: the shape name (the code) under
            /// awsJson1_1, the full shape id under awsJson1_0.
            pub const WIRE_TYPE: &'static str = crate::wire::modelled_error!(@first $($type,)? $code);
            /// The `x-amzn-query-error` header (`Code;Fault`) a server sends with the error,
            /// for an `@awsQueryError` of an `@awsQueryCompatible` service.
            pub const QUERY_ERROR: ::std::option::Option<&'static str> =
                crate::wire::modelled_error!(@option $($query)?);
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(Self::CODE)?;
                if let ::std::option::Option::Some(message) = self.message() {
                    write!(f, ": {message}")?;
                }
                ::std::result::Result::Ok(())
            }
        }

        impl ::std::error::Error for $name {}

        impl crate::wire::ModelledError for $name {
            fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::std::string::String> {
                ($read)(body)
            }

            fn attach_response(&mut self, response: crate::primitives::ResponseMeta) {
                self.response = ::std::option::Option::Some(response);
            }

            fn response(&self) -> ::std::option::Option<&crate::primitives::ResponseMeta> {
                self.response.as_ref()
            }
        }
    };
    (@first $first:literal $(, $rest:literal)*) => {
        $first
    };
    (@option) => {
        ::std::option::Option::None
    };
    (@option $value:literal) => {
        ::std::option::Option::Some($value)
    };
}
pub(crate) use modelled_error;
