//! Answering an operation's error enum: its modelled variants are written with their
//! status, `__type` and members; `Unhandled` is not modelled and is never written as if it
//! were.

use crate::wire::to_json;

/// An operation's error enum, as the server writes it.
pub trait ServerError {
    /// The status and body of a modelled error; `None` for `Unhandled`.
    fn error_body(&self) -> Option<(u16, Vec<u8>)>;
    /// The `x-amzn-query-error` header of a modelled error, when it has one (see
    /// `QUERY_ERROR` on the error types).
    fn query_error(&self) -> Option<&'static str>;
}

/// A modelled error's body: its members, with `__type` first (the error's `WIRE_TYPE`: its
/// shape name, or under awsJson1_0 its shape id).
pub fn modelled_error_body<T: serde::Serialize + ?Sized>(code: &str, error: &T) -> Option<Vec<u8>> {
    let mut members = Vec::with_capacity(128);
    to_json(error, &mut members).ok()?;
    let rest = members.strip_prefix(b"{")?;
    let mut body = Vec::with_capacity(members.len() + code.len() + 16);
    body.extend_from_slice(b"{\"__type\":");
    to_json(code, &mut body).ok()?;
    if rest != b"}" {
        body.push(b',');
    }
    body.extend_from_slice(rest);
    Some(body)
}

/// Implements [`ServerError`] for an operation's error enum from its modelled variants:
/// `Name, Variant(ErrorType), ...`. `operation_error!` invokes it with its own list.
macro_rules! server_error {
    ($name:ty $(, $variant:ident($error:ty))* $(,)?) => {
        impl crate::server::ServerError for $name {
            fn error_body(&self) -> ::std::option::Option<(u16, ::std::vec::Vec<u8>)> {
                match self {
                    $(Self::$variant(error) => crate::server::modelled_error_body(<$error>::WIRE_TYPE, error)
                        .map(|body| (<$error>::HTTP_STATUS, body)),)*
                    // `Unhandled`, and nothing else: only modelled errors are written as such.
                    #[allow(unreachable_patterns)]
                    _ => ::std::option::Option::None,
                }
            }

            fn query_error(&self) -> ::std::option::Option<&'static str> {
                match self {
                    $(Self::$variant(_) => <$error>::QUERY_ERROR,)*
                    #[allow(unreachable_patterns)]
                    _ => ::std::option::Option::None,
                }
            }
        }
    };
}
pub(crate) use server_error;
