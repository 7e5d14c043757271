//! `to_json`, the request writer, against serde_json's compact writer (the reference): the
//! bytes must be identical for every value it writes, and what it does not write is refused
//! with nothing written.

use codegen_runtime::example::{Gadget, Widget};
use codegen_runtime::primitives::{BigDecimal, BigInteger};
use codegen_runtime::wire::to_json;
use serde::Serialize;
use serde_json::json;

fn same_bytes<T: Serialize + ?Sized>(value: &T) {
    let mut fast = b"prefix".to_vec();
    to_json(value, &mut fast).expect("writes");
    let reference = serde_json::to_vec(value).expect("serde_json writes");
    assert_eq!(
        String::from_utf8_lossy(&fast[6..]),
        String::from_utf8_lossy(&reference)
    );
    assert!(fast.starts_with(b"prefix"), "appends to what is there");
}

#[test]
fn every_character_is_escaped_as_serde_json_escapes_it() {
    let all_ascii: String = (0u8..=0x7f).map(char::from).collect();
    same_bytes(&all_ascii);
    // Runs longer than eight bytes around each escape, and text beyond ASCII.
    for text in [
        "",
        "plain text longer than eight bytes",
        "ends with a quote\"",
        "\"starts with one",
        "\u{1f}\u{0}\u{7f}\u{80}é€😀",
        "a\\b\\\\c\nd\re\tf\u{8}g\u{c}h",
        "12345678\"12345678\\12345678\u{1}",
    ] {
        same_bytes(text);
        same_bytes(&json!({ text: text }));
    }
}

#[test]
fn an_escape_at_any_position_of_any_length_is_found() {
    // Strings are scanned eight bytes at a time, the last word overlapping the one before:
    // every length up to three words, with each kind of stop at every position.
    for length in 0..=24 {
        same_bytes(&"p".repeat(length));
        for at in 0..length {
            for stop in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                let text: String = (0..length)
                    .map(|i| if i == at { stop } else { 'p' })
                    .collect();
                same_bytes(&text);
            }
        }
    }
}

#[test]
fn numbers_are_written_by_serde_json_formatting() {
    same_bytes(&json!([
        0,
        -1,
        i64::MIN,
        i64::MAX,
        u64::MAX,
        0.1,
        -0.0,
        1e20,
        1e-7,
        5e-324,
        f64::MAX,
        1.5
    ]));
    same_bytes(&[0.1f32, 16_777_217.0, f32::MIN_POSITIVE]);
    same_bytes(&[f64::NAN, f64::INFINITY]);
    same_bytes(&i8::MIN);
    same_bytes(&u8::MAX);
    same_bytes(&i16::MIN);
    same_bytes(&u16::MAX);
    same_bytes(&i32::MIN);
    same_bytes(&u32::MAX);
}

/// A xorshift generator: the same bit patterns every run.
fn bit_patterns(seed: u64) -> impl Iterator<Item = u64> {
    let mut state = seed;
    std::iter::repeat_with(move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    })
}

#[test]
fn floats_of_every_magnitude_are_laid_out_as_serde_json_lays_them_out() {
    // Random bit patterns cover every exponent; the powers of ten and their neighbours sit on
    // the edges between plain and exponent form.
    for bits in bit_patterns(0x9e37_79b9_7f4a_7c15).take(100_000) {
        same_bytes(&f64::from_bits(bits));
        same_bytes(&f32::from_bits((bits >> 32) as u32));
    }
    for exponent in -30..=30 {
        let power = 10f64.powi(exponent);
        for value in [
            power,
            power * 1.5,
            power * 1.234_567_8,
            power * 9.999_999_999_999,
        ] {
            same_bytes(&value);
            same_bytes(&-value);
            same_bytes(&(value as f32));
        }
    }
    // Values exactly halfway between two shortest texts, where the even one is written:
    // quarters of f32s near 2^20, and f64 integers beyond 2^53.
    for bits in bit_patterns(0x2545_f491_4f6c_dd1d).take(30_000) {
        let whole = (1u32 << 20) + (bits as u32 & 0xf_ffff);
        for quarter in [0.25f32, 0.5, 0.75] {
            same_bytes(&(whole as f32 + quarter));
        }
        same_bytes(&((bits >> 4) as f64));
        same_bytes(&((bits >> 9) as f64 * 0.5));
    }
    same_bytes(&0.0f32);
    same_bytes(&-0.0f32);
    same_bytes(&f64::MIN_POSITIVE);
    same_bytes(&f32::MAX);
}

#[test]
fn structures_lists_maps_and_options_are_written_alike() {
    same_bytes(&json!({
        "a": [], "b": {}, "c": [null, true, false, {"d": [[]]}],
        "e": {"f": {"g": "h"}}, "": ""
    }));
    same_bytes(&Widget {
        name: Some("gear".to_owned()),
    });
    same_bytes(&Widget::default());
    same_bytes(&Gadget {
        parts: vec![1.5, f32::NAN],
        count: 3,
        flag: true,
        mode: "x\"y".to_owned(),
        ratio: Some(f64::NEG_INFINITY),
        note: None,
    });
    same_bytes(&Some(vec![Option::<String>::None]));
    same_bytes(&std::collections::BTreeMap::from([("k\u{1}", 1), ("l", 2)]));
}

#[test]
fn documents_come_out_as_serde_json_writes_them() {
    same_bytes(&json!({ "outer": 1, "list": [1.5, -2, "x", null, {"deep": [true]}] }));
    same_bytes(&json!(null));
    same_bytes(&json!(u64::MAX));
}

#[test]
fn big_numbers_are_written_as_their_exact_text() {
    let mut out = Vec::new();
    let big = BigInteger::parse("123456789012345678901234567890").expect("an integer");
    to_json(&big, &mut out).expect("writes");
    assert_eq!(out, b"123456789012345678901234567890");
    out.clear();
    let decimal = BigDecimal::parse("-1.50e-400").expect("a decimal");
    to_json(&[decimal], &mut out).expect("writes");
    assert_eq!(out, b"[-1.50e-400]");
}

#[test]
fn what_no_generated_type_writes_is_refused_and_nothing_is_left_behind() {
    fn refused<T: Serialize>(value: &T, kind: &str) {
        let mut out = b"before".to_vec();
        let error = to_json(value, &mut out).expect_err("refused");
        assert_eq!(out, b"before");
        assert!(error.to_string().contains(kind), "{error}");
    }
    refused(
        &std::collections::BTreeMap::from([(1, "integer keys")]),
        "map key",
    );
    refused(&Enumerated::Unit, "enum variant");
    refused(&serde_bytes_like(), "bytes");
    refused(&[Failing], "its own reason");
}

/// A value whose `Serialize` fails, after the writer has started on the list around it.
struct Failing;

impl Serialize for Failing {
    fn serialize<S: serde::Serializer>(&self, _serializer: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("its own reason"))
    }
}

/// Bytes, which serde_json writes as an array of numbers.
fn serde_bytes_like() -> impl Serialize {
    struct Bytes;
    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(b"\x00\xff")
        }
    }
    Bytes
}

/// An enum, which serde writes as a variant.
#[derive(Debug)]
enum Enumerated {
    Unit,
}

impl Serialize for Enumerated {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Enumerated", 0, "Unit")
    }
}

#[test]
fn tuples_and_arrays_are_arrays() {
    same_bytes(&(1, "tuple", [1.5, 2.0]));
}
