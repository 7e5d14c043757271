//! The `length` and `range` checks and the violation texts, through the example model's
//! `Widget` (a name of 1 to 8 characters) and directly.

use codegen_runtime::example::Widget;
use codegen_runtime::validation::{self, Validate, ViolationKind};

#[test]
fn lengths_count_unicode_scalar_values() {
    let widget = |name: &str| Widget {
        name: Some(name.to_owned()),
    };
    assert_eq!(
        widget("ééééééé").validate(),
        Ok(()),
        "7 characters, 14 bytes"
    );
    assert_eq!(
        Widget::default().validate(),
        Ok(()),
        "absent members are not checked"
    );
    let error = widget("").validate().expect_err("too short");
    assert_eq!(
        error.to_string(),
        "1 constraint violation(s): Name: length 0 is outside 1..=8"
    );
    assert_eq!(
        error
            .violations()
            .first()
            .map(|v| (v.path(), v.kind().clone())),
        Some((
            "Name",
            ViolationKind::Length {
                min: Some(1),
                max: Some(8),
                actual: 0
            }
        ))
    );
}

#[test]
fn lengths_near_the_bounds_count_characters_not_bytes() {
    // A name of 1 to 8 characters; the byte lengths here are 1 to 36.
    let actual = |name: &str| {
        let widget = Widget {
            name: Some(name.to_owned()),
        };
        match widget.validate() {
            Ok(()) => None,
            Err(error) => match error.violations().first().map(|v| v.kind().clone()) {
                Some(ViolationKind::Length { actual, .. }) => Some(actual),
                other => panic!("{other:?}"),
            },
        }
    };
    assert_eq!(actual("a"), None);
    assert_eq!(actual("abcdefgh"), None);
    assert_eq!(actual("abcdefghi"), Some(9));
    assert_eq!(actual("😀😀"), None, "2 characters, 8 bytes");
    assert_eq!(actual("😀😀😀😀😀😀😀😀"), None, "8 characters, 32 bytes");
    assert_eq!(actual("😀😀😀😀😀😀😀😀😀"), Some(9), "36 bytes");
    assert_eq!(actual("éééééééée"), Some(9), "17 bytes");
    assert_eq!(
        actual("abcdefgé"),
        None,
        "ASCII then one more: 8 characters, 9 bytes"
    );
    assert_eq!(actual("abcdefgéi"), Some(9), "10 bytes");
}

#[test]
fn nested_paths_join_with_dots_and_every_violation_is_reported() {
    let mut violations = Vec::new();
    let long = Widget {
        name: Some("ninechars".to_owned()),
    };
    long.validate_at("Outer", &mut violations);
    // A nested value's path is built only when it has violations.
    let built = std::cell::Cell::new(0);
    let path = || {
        built.set(built.get() + 1);
        "Items[2]".to_owned()
    };
    validation::nested(&path, &long, &mut violations);
    validation::nested(&path, &Widget::default(), &mut violations);
    assert_eq!(built.get(), 1);
    Box::new(long).validate_at("Boxed", &mut violations);
    validation::range(
        &|| "Count".to_owned(),
        11.0,
        None,
        Some(10.0),
        false,
        &mut violations,
    );
    validation::range(
        &|| "Pin".to_owned(),
        -1.0,
        Some(0.0),
        None,
        true,
        &mut violations,
    );
    validation::range(
        &|| "Fine".to_owned(),
        5.0,
        Some(0.0),
        Some(10.0),
        false,
        &mut violations,
    );
    let texts: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "Outer.Name: length 9 is outside 1..=8",
            "Items[2].Name: length 9 is outside 1..=8",
            "Boxed.Name: length 9 is outside 1..=8",
            "Count: 11 is outside ..=10",
            "Pin: the (sensitive) value is outside 0..",
        ]
    );
    assert_eq!(validation::join("", "Name"), "Name");
    assert_eq!(validation::join("A[0]", "Name"), "A[0].Name");
}

#[test]
fn lists_and_maps_measure_their_items() {
    let mut violations = Vec::new();
    let items = vec![1, 2, 3];
    validation::length(
        &|| "Items".to_owned(),
        &items,
        Some(4),
        None,
        &mut violations,
    );
    let map = std::collections::BTreeMap::from([("k".to_owned(), 1)]);
    validation::length(&|| "Tags".to_owned(), &map, None, Some(0), &mut violations);
    let texts: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "Items: length 3 is outside 4..",
            "Tags: length 1 is outside ..=0"
        ]
    );
}

#[test]
fn integer_ranges_are_exact_past_two_to_the_53() {
    // 2^53 + 1 and 2^53 + 2 are the same `f64`; compared as `i64` they differ.
    let mut violations = Vec::new();
    let path = || "Long".to_owned();
    let (min, max) = (
        Some(9_007_199_254_740_993_i64),
        Some(9_007_199_254_740_995_i64),
    );
    for inside in [
        9_007_199_254_740_993_i64,
        9_007_199_254_740_994,
        9_007_199_254_740_995,
    ] {
        validation::range(&path, inside, min, max, false, &mut violations);
    }
    assert!(violations.is_empty(), "{violations:?}");
    validation::range(
        &path,
        9_007_199_254_740_992_i64,
        min,
        max,
        false,
        &mut violations,
    );
    validation::range(
        &path,
        9_007_199_254_740_996_i64,
        min,
        max,
        false,
        &mut violations,
    );
    validation::range(&path, i64::MAX, min, max, false, &mut violations);
    assert_eq!(violations.len(), 3);
    // A float member is compared as the float it is: 0.1f32 is within 0.1f32..=1.5f32.
    let mut floats = Vec::new();
    validation::range(&path, 0.1_f32, Some(0.1_f32), Some(1.5), false, &mut floats);
    assert!(floats.is_empty());
}

#[cfg(feature = "big-numbers")]
#[test]
fn big_number_ranges_compare_the_decimal_text_exactly() {
    use codegen_runtime::primitives::compare_numbers;
    use std::cmp::Ordering::{Equal, Greater, Less};
    // Written by hand: each pair and how its values compare.
    for (a, b, expected) in [
        ("1e3", "1000", Equal),
        ("1000.000", "1e3", Equal),
        ("-0", "0", Equal),
        ("0.0e10", "0", Equal),
        ("100000000000000000001", "1e20", Greater),
        ("99999999999999999999", "1e20", Less),
        ("-100000000000000000001", "-1e20", Less),
        ("0.30000000000000000001", "0.3", Greater),
        ("0.1", "0.3", Less),
        ("-1.5", "1e-400", Less),
        ("1e400", "9e399", Greater),
        ("12.5", "125e-1", Equal),
        ("0.0120e2", "1.2", Equal),
    ] {
        assert_eq!(compare_numbers(a, b), Some(expected), "{a} vs {b}");
        assert_eq!(
            compare_numbers(b, a),
            Some(expected.reverse()),
            "{b} vs {a}"
        );
    }
    assert_eq!(compare_numbers("x", "1"), None);
    let mut violations = Vec::new();
    let path = || "Big".to_owned();
    let (min, max) = (Some("-1e20"), Some("100000000000000000000"));
    validation::big_range(&path, "1e20", min, max, false, &mut violations);
    validation::big_range(
        &path,
        "-100000000000000000000",
        min,
        max,
        false,
        &mut violations,
    );
    assert!(violations.is_empty(), "{violations:?}");
    validation::big_range(
        &path,
        "100000000000000000001",
        min,
        max,
        false,
        &mut violations,
    );
    validation::big_range(
        &path,
        "0.1",
        Some("0.1000000000000000000001"),
        None,
        false,
        &mut violations,
    );
    assert_eq!(violations.len(), 2);
}
