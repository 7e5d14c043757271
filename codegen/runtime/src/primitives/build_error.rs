//! The error of a builder whose required member was not set.

/// A builder's `build()` found a required member unset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    shape: &'static str,
    member: &'static str,
}

impl BuildError {
    /// The error for `shape`'s unset `member` (used by the generated builders).
    pub(crate) const fn missing(shape: &'static str, member: &'static str) -> Self {
        BuildError { shape, member }
    }

    /// The structure being built.
    pub fn shape(&self) -> &'static str {
        self.shape
    }

    /// The required member that was not set, by its wire name.
    pub fn member(&self) -> &'static str {
        self.member
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot build {}: required member `{}` is not set",
            self.shape, self.member
        )
    }
}

impl std::error::Error for BuildError {}
