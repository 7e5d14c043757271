//! The marker that `Debug` prints in place of a `@sensitive` value.

/// What `Debug` prints in place of a sensitive value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Redacted;

impl Redacted {
    /// The marker text.
    pub const MARKER: &'static str = "<redacted>";
}

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(Self::MARKER)
    }
}
