//! The checks themselves: the `Validate` trait that every validated structure implements,
//! and the `length` and `range` checks its generated impl calls per member. `required` is
//! enforced by the types themselves (plain fields, builders that fail); enums accept unknown
//! values by design.

use super::violations::{ValidationError, Violation, ViolationKind};
use std::collections::BTreeMap;

/// Something that can check its constraints, reporting every violation.
pub trait Validate {
    /// Appends every violation, with member paths below `prefix`.
    fn validate_at(&self, prefix: &str, violations: &mut Vec<Violation>);

    /// All violations at once, or `Ok` when there are none.
    fn validate(&self) -> Result<(), ValidationError> {
        let mut violations = Vec::new();
        self.validate_at("", &mut violations);
        if violations.is_empty() {
            Ok(())
        } else {
            Err(ValidationError::new(violations))
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, prefix: &str, violations: &mut Vec<Violation>) {
        (**self).validate_at(prefix, violations);
    }
}

/// `prefix.name`, or `name` at the top.
pub fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// What `length` measures.
pub trait Measure {
    /// Unicode scalar values for strings, items for lists.
    fn measure(&self) -> usize;
}

impl Measure for String {
    fn measure(&self) -> usize {
        self.chars().count()
    }
}

impl<T> Measure for Vec<T> {
    fn measure(&self) -> usize {
        self.len()
    }
}

impl<T> Measure for BTreeMap<String, T> {
    fn measure(&self) -> usize {
        self.len()
    }
}

/// Checks `length`.
pub fn length(
    path: &dyn Fn() -> String,
    value: &dyn Measure,
    min: Option<u64>,
    max: Option<u64>,
    violations: &mut Vec<Violation>,
) {
    let actual = value.measure();
    let wide = actual as u64;
    if min.is_some_and(|min| wide < min) || max.is_some_and(|max| wide > max) {
        // The path is only built for a violation: most values pass.
        violations.push(Violation::new(
            path(),
            ViolationKind::Length { min, max, actual },
        ));
    }
}

/// Checks `range`.
pub fn range(
    path: &dyn Fn() -> String,
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
    sensitive: bool,
    violations: &mut Vec<Violation>,
) {
    if min.is_some_and(|min| value < min) || max.is_some_and(|max| value > max) {
        let value = if sensitive { None } else { Some(value) };
        violations.push(Violation::new(
            path(),
            ViolationKind::Range { min, max, value },
        ));
    }
}
