//! What a handler may answer instead of an output.

use crate::validation::ValidationError;

/// A handler's failure: one of the operation's modelled errors, a validation failure, or an
/// internal failure.
///
/// - `Modelled`: the operation's error enum. A modelled variant is answered with the status
///   the model gives it, `__type` set to its shape name, and its members; the enum's
///   `Unhandled` variant is not modelled, and is answered as an internal failure.
/// - `Validation`: answered as the `400 ValidationException` the router gives for
///   constraint violations.
/// - `Internal`: `500 InternalFailure`; the text is for the server's own logs and never
///   reaches the wire.
#[derive(Clone, Debug, PartialEq)]
pub enum HandlerError<E> {
    /// One of the operation's modelled errors.
    Modelled(E),
    /// The input breaks a constraint the handler checked.
    Validation(ValidationError),
    /// Anything else; answered without details.
    Internal(String),
}

impl<E> HandlerError<E> {
    /// A modelled error, from its error structure or the operation's error enum.
    pub fn modelled(error: impl Into<E>) -> Self {
        HandlerError::Modelled(error.into())
    }

    /// An internal failure, with a description for the server's logs only.
    pub fn internal(description: impl Into<String>) -> Self {
        HandlerError::Internal(description.into())
    }
}

/// `?` on the operation's error enum.
impl<E> From<E> for HandlerError<E> {
    fn from(error: E) -> Self {
        HandlerError::Modelled(error)
    }
}

impl<E: std::fmt::Display> std::fmt::Display for HandlerError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HandlerError::Modelled(error) => write!(f, "{error}"),
            HandlerError::Validation(error) => write!(f, "{error}"),
            HandlerError::Internal(description) => write!(f, "internal failure: {description}"),
        }
    }
}

impl<E: std::fmt::Debug + std::fmt::Display> std::error::Error for HandlerError<E> {}
