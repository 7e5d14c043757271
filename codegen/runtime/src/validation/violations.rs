//! What a failed check reports: every violation, each with its member path and the
//! constraint it broke. A `@sensitive` value is never echoed in a violation.

/// The input broke one or more of the model's constraints.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationError {
    violations: Vec<Violation>,
}

impl ValidationError {
    /// The error for a non-empty list of violations (see `Validate::validate`).
    pub(crate) fn new(violations: Vec<Violation>) -> Self {
        ValidationError { violations }
    }

    /// Every violation, in member order.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} constraint violation(s): ", self.violations.len())?;
        for (i, violation) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// One broken constraint.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    path: String,
    kind: ViolationKind,
}

/// Which constraint was broken, and how.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub enum ViolationKind {
    /// `length`: the actual length (characters, or items for lists).
    Length {
        /// The minimum, if any.
        min: Option<u64>,
        /// The maximum, if any.
        max: Option<u64>,
        /// The actual length.
        actual: usize,
    },
    /// `pattern`: the value does not match (the value is `None` when sensitive).
    Pattern {
        /// The ECMA-262 pattern.
        pattern: &'static str,
        /// The offending value, unless it is sensitive.
        value: Option<String>,
    },
    /// `range`: the number is out of range (the value is `None` when sensitive).
    Range {
        /// The minimum, if any.
        min: Option<f64>,
        /// The maximum, if any.
        max: Option<f64>,
        /// The offending value, unless it is sensitive.
        value: Option<f64>,
    },
}

impl Violation {
    /// A violation at a member path (used by the checks).
    pub(crate) fn new(path: String, kind: ViolationKind) -> Self {
        Violation { path, kind }
    }

    /// Moves the violation below `prefix` (see `nested`): `prefix.path`.
    pub(crate) fn nest_below(&mut self, prefix: &str) {
        self.path = super::checks::join(prefix, &self.path);
    }

    /// The member path, with wire names (`XksProxyAuthenticationCredential.RawSecretAccessKey`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The broken constraint.
    pub fn kind(&self) -> &ViolationKind {
        &self.kind
    }
}

/// `min..=max`, with either end left out when absent.
fn bounds<T: std::fmt::Display>(min: &Option<T>, max: &Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("{min}..={max}"),
        (Some(min), None) => format!("{min}.."),
        (None, Some(max)) => format!("..={max}"),
        (None, None) => "..".to_owned(),
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            ViolationKind::Length { min, max, actual } => {
                write!(
                    f,
                    "{}: length {actual} is outside {}",
                    self.path,
                    bounds(min, max)
                )
            }
            ViolationKind::Pattern {
                pattern,
                value: Some(value),
            } => {
                write!(
                    f,
                    "{}: {value:?} does not match the pattern {pattern}",
                    self.path
                )
            }
            ViolationKind::Pattern {
                pattern,
                value: None,
            } => {
                write!(
                    f,
                    "{}: the (sensitive) value does not match the pattern {pattern}",
                    self.path
                )
            }
            ViolationKind::Range {
                min,
                max,
                value: Some(value),
            } => {
                write!(f, "{}: {value} is outside {}", self.path, bounds(min, max))
            }
            ViolationKind::Range {
                min,
                max,
                value: None,
            } => {
                write!(
                    f,
                    "{}: the (sensitive) value is outside {}",
                    self.path,
                    bounds(min, max)
                )
            }
        }
    }
}
