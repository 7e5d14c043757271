//! The member of a union that the model did not list.

/// A union member that the model did not list when the crate was generated: its name
/// and raw JSON value, kept so that reading and re-sending it loses nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownMember {
    name: String,
    value: serde_json::Value,
}

impl UnknownMember {
    /// Keeps a member as received (used by the generated unions).
    pub(crate) fn new(name: String, value: serde_json::Value) -> Self {
        UnknownMember { name, value }
    }

    /// The member's name on the wire.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The member's value, as received.
    pub fn value(&self) -> &serde_json::Value {
        &self.value
    }
}
