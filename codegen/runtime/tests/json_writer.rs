//! `to_json`, the fast request writer, against serde_json's compact writer (the reference):
//! the bytes must be identical for every value, whether the fast writer writes it or gives
//! it to serde_json.

use codegen_runtime::example::{Gadget, Widget};
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
    same_bytes(&(i8::MIN, u8::MAX, i16::MIN, u16::MAX, i32::MIN, u32::MAX));
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
fn what_the_fast_writer_leaves_to_serde_json_comes_out_the_same() {
    let raw = serde_json::value::RawValue::from_string("{\"raw\": [1, 2]}".to_owned())
        .expect("valid JSON");
    same_bytes(&json!({ "outer": 1 }));
    same_bytes(&raw);
    same_bytes(&std::collections::BTreeMap::from([(1, "integer keys")]));
    same_bytes(&(1, "tuple"));
    same_bytes(&serde_bytes_like());
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
