//! The error types every operation shares: what an operation's error enum offers, what a
//! modelled error structure remembers, and why a request could not be built.

use crate::primitives::{ResponseMeta, UnhandledError};
use crate::validation::{ValidationError, Violation};

/// What every operation's error enum offers, for code that handles errors generically
/// (logging, retry decisions).
pub trait OperationError: std::error::Error + From<UnhandledError> {
    /// The error code: a modelled error's wire code, or the unhandled response's code.
    fn code(&self) -> Option<&str>;
    /// The message the service sent, if any.
    fn message(&self) -> Option<&str>;
    /// The HTTP status of the response the error came from (`None` for an error built
    /// by hand).
    fn http_status(&self) -> Option<u16>;
    /// The `x-amzn-RequestId` of the response the error came from, when present.
    fn request_id(&self) -> Option<&str>;
    /// The unhandled error, when the response was not one of the operation's modelled
    /// errors.
    fn as_unhandled(&self) -> Option<&UnhandledError>;
}

/// A modelled error structure, which remembers the response it was read from.
pub trait ModelledError {
    /// Reads the error from an error response's body (a JSON object): the value, or why the
    /// body does not fit the error's shape, with the member path.
    fn from_body(body: &[u8]) -> Result<Self, String>
    where
        Self: Sized;
    /// Records the response the error was read from.
    fn attach_response(&mut self, response: ResponseMeta);
    /// The response the error was read from, if it was read from one.
    fn response(&self) -> Option<&ResponseMeta>;
}

/// Why a request could not be built.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub enum RequestError {
    /// The input breaks the model's constraints; nothing was serialized.
    Invalid(ValidationError),
    /// The input could not be serialized.
    Serialize(String),
}

impl RequestError {
    /// The constraint violations, when that is why the request was refused.
    pub fn violations(&self) -> &[Violation] {
        match self {
            RequestError::Invalid(error) => error.violations(),
            RequestError::Serialize(_) => &[],
        }
    }
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestError::Invalid(error) => write!(f, "the input is invalid: {error}"),
            RequestError::Serialize(message) => {
                write!(f, "cannot serialize the request: {message}")
            }
        }
    }
}

impl std::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RequestError::Invalid(error) => Some(error),
            // The serializer's error is kept as text only.
            RequestError::Serialize(_) => None,
        }
    }
}
