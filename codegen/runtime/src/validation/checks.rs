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

/// Checks a nested structure or union, with the paths of its violations below `path`
/// (which is only built when there are some: most values pass).
pub fn nested<T: Validate + ?Sized>(
    path: &dyn Fn() -> String,
    value: &T,
    violations: &mut Vec<Violation>,
) {
    let start = violations.len();
    value.validate_at("", violations);
    if let Some(added) = violations
        .get_mut(start..)
        .filter(|added| !added.is_empty())
    {
        let prefix = path();
        for violation in added {
            violation.nest_below(&prefix);
        }
    }
}

/// What `length` measures.
pub trait Measure {
    /// Unicode scalar values for strings, items for lists.
    fn measure(&self) -> usize;

    /// The least and the most [`Measure::measure`] can be, known without counting.
    fn measure_bounds(&self) -> (usize, usize) {
        let measure = self.measure();
        (measure, measure)
    }
}

impl Measure for String {
    fn measure(&self) -> usize {
        self.chars().count()
    }

    /// A scalar value takes one to four UTF-8 bytes.
    fn measure_bounds(&self) -> (usize, usize) {
        (self.len().div_ceil(4), self.len())
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
    let outside = |measure: usize| {
        let wide = measure as u64;
        min.is_some_and(|min| wide < min) || max.is_some_and(|max| wide > max)
    };
    // Most strings are decided by their byte length alone: no need to count characters.
    let (least, most) = value.measure_bounds();
    if !outside(least) && !outside(most) {
        return;
    }
    let actual = value.measure();
    if outside(actual) {
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
