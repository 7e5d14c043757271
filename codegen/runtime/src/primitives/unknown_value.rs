//! The value of a string enum that the model did not list.

/// An enum value that the model did not list when the crate was generated. It is kept
/// verbatim, so reading and re-sending it loses nothing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// Keeps a value as received (used by the generated enums).
    pub(crate) fn new(value: impl Into<String>) -> Self {
        UnknownValue(value.into())
    }

    /// The value as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
