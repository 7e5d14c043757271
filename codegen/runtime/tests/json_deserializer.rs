//! `from_json_str`, the crate's JSON reader behind serde, against serde_json (the reference):
//! the same texts are accepted, with the same values, and the same are refused, with the same
//! messages. The inputs are a table written by hand from RFC 8259, and random documents with
//! random damage.

use codegen_runtime::example::{Gadget, Widget};
use codegen_runtime::wire::from_json_str;
use serde::de::IgnoredAny;
use serde_json::Value;

/// serde_json's message without its ` at line L column C`.
fn reference_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    message
        .strip_suffix(&position)
        .map(str::to_owned)
        .unwrap_or(message)
}

/// Reads `text` as a `T` both ways and requires the same outcome.
fn same_read<T>(text: &str)
where
    T: serde::de::DeserializeOwned + std::fmt::Debug,
{
    let ours = from_json_str::<T>(text);
    let reference = serde_json::from_str::<T>(text);
    match (ours, reference) {
        // As debug texts, so that NaN equals NaN.
        (Ok(ours), Ok(reference)) => {
            assert_eq!(format!("{ours:?}"), format!("{reference:?}"), "{text:?}")
        }
        (Err(ours), Err(reference)) => assert_eq!(
            ours.message(),
            reference_message(&reference),
            "{text:?}: {ours}"
        ),
        (ours, reference) => panic!("{text:?}: ours {ours:?}, serde_json {reference:?}"),
    }
}

#[test]
fn values_are_read_as_serde_json_reads_them() {
    for text in [
        "null",
        "true",
        " false ",
        "0",
        "-0",
        "-0.0",
        "1.5",
        "1e3",
        "1E-3",
        "1e+3",
        "-12345678901234567890",
        "12345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "2.2250738585072011e-308",
        "4.9e-324",
        "1e-400",
        "0.1000000000000000055511151231257827",
        "\"\"",
        "\"plain\"",
        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
        "\"\\u00e9\\u20ac\\ud83d\\ude00\"",
        "\"é€😀\"",
        "[]",
        "[1,[2,[3,[]]],{}]",
        "{}",
        "{\"a\":1,\"a\":2}",
        "{\"\\u0061\":\"escaped key\"}",
        " \n\t\r{ \"a\" : [ 1 , 2 ] } \n",
    ] {
        same_read::<Value>(text);
    }
}

#[test]
fn malformed_texts_are_refused_with_serde_json_messages() {
    for text in [
        "",
        "   ",
        "nul",
        "nulL",
        "tru",
        "falsy",
        "01",
        "-",
        "-a",
        "1.",
        "1.e3",
        "1e",
        "1e+",
        ".5",
        "+1",
        "1e400",
        "-1e400",
        "\"unterminated",
        "\"tab\there\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "\"\\ud800\"",
        "\"\\ud800x\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800\\",
        "[",
        "[1",
        "[1,",
        "[1,]",
        "[1 2]",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "{,}",
        "[,1]",
        "1 2",
        "{} x",
        "x",
    ] {
        same_read::<Value>(text);
        same_read::<IgnoredAny>(text);
    }
}

#[test]
fn skipped_values_are_checked_as_serde_json_checks_them() {
    // An unknown member's value is only checked for its form: numbers out of range, lone
    // surrogates and any depth pass.
    let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
    for text in [
        "-0.6351e597",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        deep.as_str(),
        "{\"a\":[1,{\"b\":\"\\u00e9\"}],\"c\":{}}",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "{\"a\" 1}",
        "{1:2}",
        "\"\\x\"",
        "\"\\u12\"",
        "\"tab\there\"",
        "[",
        "{\"a\":",
        "01",
    ] {
        same_read::<IgnoredAny>(text);
        same_read::<Widget>(&format!("{{\"Other\":{text}}}"));
    }
}

#[test]
fn nesting_stops_where_serde_json_stops() {
    for depth in [126, 127, 128, 129, 200] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        same_read::<Value>(&text);
        let text = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        same_read::<Value>(&text);
    }
}

#[test]
fn structures_read_and_refuse_as_serde_json_reads_them() {
    for text in [
        "{}",
        "{\"Name\":\"gear\"}",
        "{\"Name\":null}",
        "{\"Name\":\"a\\\"b\",\"Other\":[1,{\"x\":null}]}",
        "{\"Name\":5}",
        "{\"Name\":[]}",
        "{\"Name\":\"a\",\"Name\":\"b\"}",
        "[\"gear\"]",
        "\"gear\"",
        "null",
    ] {
        same_read::<Widget>(text);
    }
    for text in [
        "{\"Parts\":[1.5,\"NaN\",\"Infinity\",\"-Infinity\",2e-3],\"Count\":3,\"Flag\":true,\"Mode\":\"m\",\"Ratio\":0.25}",
        "{\"Parts\":[1]}",
        "{\"Parts\":[\"nan\"]}",
        "{\"Parts\":[1],\"Count\":2147483648}",
        "{\"Parts\":[1],\"Count\":1.0}",
        "{\"Parts\":[1],\"Count\":-0}",
        "{\"Parts\":[1],\"Flag\":\"true\"}",
        "{\"Parts\":{}}",
    ] {
        same_read::<Gadget>(text);
    }
}

/// A xorshift generator: the same choices every run.
struct Choices(u64);

impl Choices {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below.max(1)
    }

    fn value(&mut self, depth: u32) -> Value {
        let kinds = if depth > 4 { 5 } else { 7 };
        match self.next(kinds) {
            0 => Value::Null,
            1 => Value::Bool(self.next(2) == 1),
            2 => Value::from(self.next(u64::MAX) as i64 >> self.next(64)),
            3 => Value::from(f64::from_bits(self.next(u64::MAX)) % 1e30),
            4 => Value::from(
                [
                    "",
                    "a",
                    "é",
                    "\"",
                    "\\",
                    "\n",
                    "\u{1}",
                    "😀",
                    "long text here",
                ][self.next(9) as usize]
                    .repeat(self.next(3) as usize + 1),
            ),
            5 => (0..self.next(4)).map(|_| self.value(depth + 1)).collect(),
            _ => Value::Object(
                (0..self.next(4))
                    .map(|i| (format!("k{i}\u{7f}\""), self.value(depth + 1)))
                    .collect(),
            ),
        }
    }
}

#[test]
fn random_documents_and_their_damaged_copies_read_alike() {
    let mut choices = Choices(0x5851_f42d_4c95_7f2d);
    const DAMAGE: &[u8] = b"{}[],:\"\\ 0-.e1nul";
    for _ in 0..20_000 {
        let value = choices.value(0);
        let compact = serde_json::to_string(&value).expect("writes");
        let pretty = serde_json::to_string_pretty(&value).expect("writes");
        same_read::<Value>(&compact);
        same_read::<Value>(&pretty);
        same_read::<IgnoredAny>(&pretty);
        // Cut short, or one byte replaced (on a character boundary, so the text stays UTF-8).
        let cut = choices.next(compact.len() as u64 + 1) as usize;
        if compact.is_char_boundary(cut) {
            same_read::<Value>(&compact[..cut]);
            same_read::<IgnoredAny>(&compact[..cut]);
        }
        let at = choices.next(pretty.len() as u64) as usize;
        if pretty.is_char_boundary(at) && pretty.is_char_boundary(at + 1) {
            let mut damaged = pretty.clone().into_bytes();
            damaged[at] = DAMAGE[choices.next(DAMAGE.len() as u64) as usize];
            if let Ok(damaged) = String::from_utf8(damaged) {
                same_read::<Value>(&damaged);
                same_read::<IgnoredAny>(&damaged);
            }
        }
    }
}

#[test]
fn positions_are_lines_and_columns_of_the_text() {
    let error = from_json_str::<Value>("{\n  \"a\": x\n}").expect_err("malformed");
    assert_eq!(error.message(), "expected value");
    assert_eq!((error.line(), error.column()), (2, 8));
    assert_eq!(error.to_string(), "expected value at line 2 column 8");
}
