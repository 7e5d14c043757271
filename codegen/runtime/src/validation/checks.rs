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
    /// Scalar values; an ASCII string (most values) has one per byte, and telling that is
    /// a word-at-a-time scan, cheaper than counting short strings character by character.
    fn measure(&self) -> usize {
        if self.is_ascii() {
            self.len()
        } else {
            self.chars().count()
        }
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

/// A number `range` compares in its own type: bounds are given in that type, so the check is
/// exact (an `i64` past 2^53 is not rounded through `f64`).
pub trait RangeNumber: Copy + PartialOrd {
    /// The number for a violation's message.
    fn to_f64(self) -> f64;
}

macro_rules! range_number_from {
    ($($ty:ty),*) => {
        $(impl RangeNumber for $ty {
            fn to_f64(self) -> f64 {
                f64::from(self)
            }
        })*
    };
}

range_number_from!(i8, i16, i32, f32, f64);

impl RangeNumber for i64 {
    /// Nearest `f64`: only the message is rounded, never the check.
    fn to_f64(self) -> f64 {
        self as f64
    }
}

/// Checks `range`, comparing in the member's own type.
pub fn range<T: RangeNumber>(
    path: &dyn Fn() -> String,
    value: T,
    min: Option<T>,
    max: Option<T>,
    sensitive: bool,
    violations: &mut Vec<Violation>,
) {
    if min.is_some_and(|min| value < min) || max.is_some_and(|max| value > max) {
        let value = if sensitive {
            None
        } else {
            Some(value.to_f64())
        };
        violations.push(Violation::new(
            path(),
            ViolationKind::Range {
                min: min.map(RangeNumber::to_f64),
                max: max.map(RangeNumber::to_f64),
                value,
            },
        ));
    }
}

#[cfg(feature = "big-numbers")]
/// Checks `range` on a bigInteger or bigDecimal, comparing the decimal texts exactly.
pub fn big_range(
    path: &dyn Fn() -> String,
    value: &str,
    min: Option<&str>,
    max: Option<&str>,
    sensitive: bool,
    violations: &mut Vec<Violation>,
) {
    use std::cmp::Ordering;
    let compare = crate::primitives::compare_numbers;
    let below = min.is_some_and(|min| compare(value, min) == Some(Ordering::Less));
    let above = max.is_some_and(|max| compare(value, max) == Some(Ordering::Greater));
    if below || above {
        // Messages carry the nearest `f64`; the check above did not.
        let approximate = |text: &str| text.parse::<f64>().ok();
        violations.push(Violation::new(
            path(),
            ViolationKind::Range {
                min: min.and_then(approximate),
                max: max.and_then(approximate),
                value: if sensitive { None } else { approximate(value) },
            },
        ));
    }
}
