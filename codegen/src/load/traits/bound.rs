//! `smithy.api#range`: bounds kept as the model writes them, so that they compare and round
//! exactly (no bound goes through `f64` where the member's type is wider than it).

use super::values::{bounds, Checked};
use crate::load::number_text;
use codegen_runtime::primitives::compare_numbers;
use serde_json::Value;
use std::cmp::Ordering;

/// `smithy.api#range` bounds.
#[derive(Clone, Debug, PartialEq)]
pub struct Range {
    /// `min`.
    pub min: Option<Bound>,
    /// `max`.
    pub max: Option<Bound>,
}

impl Range {
    /// Reads the trait's value; `text` is its JSON text when the value holds a number only
    /// approximately (see [`number_text`]).
    pub(super) fn read(value: &Value, text: Option<&str>) -> Checked<Range> {
        let texts = text.map(number_text::numbers).unwrap_or_default();
        let (min, max) = bounds(
            value,
            "range",
            |key, bound| Bound::read(bound, texts.get(key).map(String::as_str)),
            "a number",
        )?;
        Ok(Range { min, max })
    }
}

/// A `range` bound: its JSON number text exactly as written, with the whole number it is
/// (when it is one that fits `i128`) and its nearest `f64`.
#[derive(Clone, Debug, PartialEq)]
pub struct Bound {
    /// The bound, exact, when it is written as a whole number that fits `i128`.
    pub integer: Option<i128>,
    /// The bound's nearest `f64` (for messages and for `double` members).
    pub value: f64,
    /// The bound as JSON number text, every digit as written (`1e400`,
    /// `500000000000000000000000000009.625`).
    pub text: String,
}

impl Bound {
    /// A bound from its JSON number, and its text when the number holds it approximately.
    fn read(value: &Value, text: Option<&str>) -> Option<Bound> {
        let number = value.as_number()?;
        let text = match text {
            Some(text) if compare_numbers(text, text).is_some() => text.to_owned(),
            _ => number.to_string(),
        };
        let integer = match text.contains(['.', 'e', 'E']) {
            false => text.parse().ok(),
            true => None,
        };
        Some(Bound {
            integer,
            value: number.as_f64()?,
            text,
        })
    }

    /// The bound rounded to a whole number, down (`floor`) or up, then clamped to
    /// `low..=high`: exact, whatever the number of digits.
    pub fn whole(&self, up: bool, low: i128, high: i128) -> i128 {
        // How `n` compares with the bound, on the digits.
        let cmp = |n: i128| compare_numbers(&n.to_string(), &self.text).unwrap_or(Ordering::Equal);
        if cmp(low) != Ordering::Less {
            return low;
        }
        if cmp(high) != Ordering::Greater {
            return high;
        }
        // low < bound < high: start from the nearest `f64`, within a few thousand of the
        // answer below 2^64, and step to the exact floor.
        let mut floor = (self.value.floor() as i128).clamp(low, high);
        while cmp(floor) == Ordering::Greater {
            floor -= 1;
        }
        while cmp(floor + 1) != Ordering::Greater {
            floor += 1;
        }
        if up && cmp(floor) == Ordering::Less {
            floor + 1
        } else {
            floor
        }
    }
}

impl PartialOrd for Bound {
    fn partial_cmp(&self, other: &Bound) -> Option<Ordering> {
        compare_numbers(&self.text, &other.text)
    }
}

impl std::fmt::Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bound(text: &str) -> Bound {
        let value: Value = serde_json::from_str(text).unwrap();
        Bound::read(&value, Some(text)).unwrap()
    }

    #[test]
    fn range_bounds_are_checked() {
        assert_eq!(
            Range::read(&json!({"min": 10, "max": 1}), None),
            Err("`range` has min 10 greater than max 1".to_owned())
        );
        assert_eq!(
            Range::read(&json!({"max": "x"}), None),
            Err("`range.max` must be a number, not \"x\"".to_owned())
        );
        assert_eq!(
            Range::read(&json!({"min": 0.5}), None),
            Ok(Range {
                min: Some(Bound {
                    integer: None,
                    value: 0.5,
                    text: "0.5".to_owned(),
                }),
                max: None
            })
        );
        // 2^53 + 1 and 2^53 + 3 have no f64 of their own: kept exact, and ordered exactly.
        let exact = Range::read(
            &json!({"min": 9_007_199_254_740_993_i64, "max": 9_007_199_254_740_995_i64}),
            None,
        )
        .expect("a range");
        assert_eq!(
            exact.min.and_then(|b| b.integer),
            Some(9_007_199_254_740_993)
        );
        assert_eq!(
            exact.max.map(|b| b.to_string()),
            Some("9007199254740995".to_owned())
        );
        assert_eq!(
            Range::read(
                &json!({"min": 9_007_199_254_740_995_i64, "max": 9_007_199_254_740_994_i64}),
                None
            ),
            Err("`range` has min 9007199254740995 greater than max 9007199254740994".to_owned())
        );
        assert!(Range::read(&json!({"min": u64::MAX, "max": u64::MAX}), None).is_ok());
    }

    #[test]
    fn bounds_that_differ_past_f64_keep_their_digits() {
        // Both round to the f64 5e29; the text keeps them apart, and in order.
        let text = r#"{"min": 499999999999999999999999999990.125, "max": 500000000000000000000000000009.625}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let range = Range::read(&value, Some(text)).unwrap();
        let (min, max) = (range.min.unwrap(), range.max.unwrap());
        assert_eq!(min.value, max.value);
        assert_eq!(min.to_string(), "499999999999999999999999999990.125");
        assert_eq!(max.to_string(), "500000000000000000000000000009.625");
        assert!(min < max);
        // Crossed bounds that f64 cannot tell apart are still refused.
        let crossed = r#"{"min": 500000000000000000000000000000.5, "max": 500000000000000000000000000000.25}"#;
        let value: Value = serde_json::from_str(crossed).unwrap();
        assert_eq!(
            Range::read(&value, Some(crossed)),
            Err("`range` has min 500000000000000000000000000000.5 greater than max 500000000000000000000000000000.25".to_owned())
        );
    }

    #[test]
    fn whole_numbers_round_exactly_and_clamp() {
        let (low, high) = (i128::from(i64::MIN), i128::from(i64::MAX));
        // 2^53 + 1.5: f64 reads 9007199254740994 (2^53 + 2).
        assert_eq!(
            bound("9007199254740993.5").whole(false, low, high),
            9_007_199_254_740_993
        );
        assert_eq!(
            bound("9007199254740993.5").whole(true, low, high),
            9_007_199_254_740_994
        );
        assert_eq!(bound("-0.5").whole(true, low, high), 0);
        assert_eq!(bound("-0.5").whole(false, low, high), -1);
        assert_eq!(bound("7").whole(true, low, high), 7);
        assert_eq!(bound("7e0").whole(false, low, high), 7);
        assert_eq!(bound("1e300").whole(false, low, high), high);
        assert_eq!(bound("-1e300").whole(true, low, high), low);
        assert_eq!(bound("9223372036854775807.5").whole(false, low, high), high);
        assert_eq!(bound("300").whole(false, -128, 127), 127);
    }
}
