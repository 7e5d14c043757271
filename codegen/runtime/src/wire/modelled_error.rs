//! `modelled_error!`: what every error structure has alike (its wire facts, `Display`,
//! `std::error::Error` and `ModelledError`), written once instead of per error. The error's
//! own `message()` gives the text `Display` appends.

/// Implements the wire facts, `Display`, `std::error::Error` and `ModelledError` for an
/// error structure with a `response` field and a `message()` method.
macro_rules! modelled_error {
    // The macro expands inside model modules, where a model shape may be named `Result` or
    // `Option`: every path in it is absolute.
    ($name:ident, $code:literal, $status:literal, $fault:ident) => {
        impl $name {
            /// The error code on the wire.
            pub const CODE: &'static str = $code;
            /// The HTTP status the model gives this error.
            pub const HTTP_STATUS: u16 = $status;
            /// Whether the caller or the service is at fault.
            pub const FAULT: crate::primitives::ErrorFault = crate::primitives::ErrorFault::$fault;
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
            fn attach_response(&mut self, response: crate::primitives::ResponseMeta) {
                self.response = ::std::option::Option::Some(response);
            }

            fn response(&self) -> ::std::option::Option<&crate::primitives::ResponseMeta> {
                self.response.as_ref()
            }
        }
    };
}
pub(crate) use modelled_error;
