//! The codecs: floats with their three special strings, dense and sparse collections,
//! defaults, blobs and big numbers. Expected JSON is written out by hand.

use codegen_runtime::wire::{
    self, Codec, Float, List, Map, Optional, Plain, SparseList, SparseMap,
};
use serde_json::json;
use std::collections::BTreeMap;

/// Writes `value` through codec `C` as JSON text.
fn write<C: Codec<T>, T>(value: &T) -> String {
    let mut out = Vec::new();
    C::default()
        .encode(value, &mut serde_json::Serializer::new(&mut out))
        .expect("writes");
    String::from_utf8(out).expect("UTF-8")
}

/// Reads `text` through codec `C`.
fn read<C: Codec<T>, T>(text: &str) -> Result<T, serde_json::Error> {
    C::default().decode(&mut serde_json::Deserializer::from_str(text))
}

#[test]
fn floats_carry_nan_and_the_infinities_as_strings() {
    assert_eq!(write::<Float, f64>(&f64::NAN), "\"NaN\"");
    assert_eq!(write::<Float, f64>(&f64::INFINITY), "\"Infinity\"");
    assert_eq!(write::<Float, f64>(&f64::NEG_INFINITY), "\"-Infinity\"");
    assert_eq!(write::<Float, f64>(&1.5), "1.5");
    assert_eq!(write::<Float, f32>(&f32::NEG_INFINITY), "\"-Infinity\"");
    assert!(read::<Float, f64>("\"NaN\"").expect("NaN").is_nan());
    assert_eq!(read::<Float, f64>("\"Infinity\"").ok(), Some(f64::INFINITY));
    assert_eq!(
        read::<Float, f64>("\"-Infinity\"").ok(),
        Some(f64::NEG_INFINITY)
    );
    assert_eq!(read::<Float, f64>("7").ok(), Some(7.0));
    assert_eq!(read::<Float, f64>("-7").ok(), Some(-7.0));
    assert_eq!(read::<Float, f32>("0.1").ok(), Some(0.1f32));
}

#[test]
fn floats_are_written_in_their_shortest_form() {
    // The shortest decimal text that reads back as the same value, for each width: an
    // `f32` is not widened to the `f64` nearest it first (`0.10000000149011612`).
    assert_eq!(write::<Float, f32>(&0.1), "0.1");
    assert_eq!(write::<Float, f32>(&16_777_216.0), "16777216.0");
    assert_eq!(write::<Float, f32>(&1.1), "1.1");
    assert_eq!(write::<Float, f32>(&f32::MAX), "3.4028235e+38");
    assert_eq!(write::<Float, f32>(&f32::NAN), "\"NaN\"");
    assert_eq!(write::<Float, f64>(&0.1), "0.1");
    assert_eq!(
        write::<Float, f64>(&f64::from(0.1f32)),
        "0.10000000149011612"
    );
}

#[test]
fn other_float_strings_are_refused_with_what_was_expected() {
    for text in ["\"nan\"", "\"inf\"", "\"1.5\"", "true", "null"] {
        let error = read::<Float, f64>(text).expect_err(text);
        assert!(
            error
                .to_string()
                .contains("expected a number, \"NaN\", \"Infinity\" or \"-Infinity\""),
            "{text}: {error}"
        );
    }
}

#[test]
fn dense_lists_and_maps_drop_nulls_and_sparse_ones_keep_them() {
    assert_eq!(
        read::<List<Plain>, Vec<i32>>("[1,null,2]").ok(),
        Some(vec![1, 2])
    );
    assert_eq!(
        read::<SparseList<Plain>, Vec<Option<i32>>>("[1,null,2]").ok(),
        Some(vec![Some(1), None, Some(2)])
    );
    assert_eq!(
        write::<SparseList<Plain>, Vec<Option<i32>>>(&vec![None, Some(3)]),
        "[null,3]"
    );
    let dense: BTreeMap<String, i32> = read::<Map<Plain>, _>(r#"{"a":1,"b":null}"#).expect("map");
    assert_eq!(dense, BTreeMap::from([("a".to_owned(), 1)]));
    let sparse: BTreeMap<String, Option<i32>> =
        read::<SparseMap<Plain>, _>(r#"{"a":1,"b":null}"#).expect("sparse map");
    assert_eq!(
        sparse,
        BTreeMap::from([("a".to_owned(), Some(1)), ("b".to_owned(), None)])
    );
    assert_eq!(write::<SparseMap<Plain>, _>(&sparse), r#"{"a":1,"b":null}"#);
}

#[test]
fn codecs_compose_by_type() {
    let nested = vec![vec![f64::NAN], vec![]];
    assert_eq!(
        write::<List<List<Float>>, Vec<Vec<f64>>>(&nested),
        r#"[["NaN"],[]]"#
    );
    let read_back =
        read::<Map<List<Float>>, BTreeMap<String, Vec<f64>>>(r#"{"k":["Infinity",null,2]}"#)
            .expect("map of lists");
    assert_eq!(
        read_back,
        BTreeMap::from([("k".to_owned(), vec![f64::INFINITY, 2.0])])
    );
    assert_eq!(write::<Optional<Float>, Option<f64>>(&None), "null");
}

#[test]
fn a_collection_must_be_the_right_json_kind() {
    let error = read::<List<Plain>, Vec<i32>>(r#"{"a":1}"#).expect_err("an object");
    assert!(
        error.to_string().contains("expected a JSON array"),
        "{error}"
    );
    let error = read::<Map<Plain>, BTreeMap<String, i32>>("[1]").expect_err("an array");
    assert!(
        error.to_string().contains("expected a JSON object"),
        "{error}"
    );
}

#[test]
fn defaults_read_null_as_the_default() {
    let mut reader = serde_json::Deserializer::from_str("null");
    assert_eq!(wire::null_as_default::<_, i32>(&mut reader).ok(), Some(0));
    let mut reader = serde_json::Deserializer::from_str("null");
    let floats: Vec<f64> = wire::decode_or_default::<List<Float>, _, _>(&mut reader).expect("null");
    assert!(floats.is_empty());
    assert!(wire::is_default(&0u8) && wire::is_default(&String::new()));
    assert!(wire::is_default(&None::<u8>));
    assert!(!wire::is_default(&Some(0u8)));
    assert!(wire::equals_default(&5i32, 5) && !wire::equals_default(&true, false));
}

#[cfg(feature = "blob")]
#[test]
fn blobs_are_base64_and_debug_only_shows_their_length() {
    use codegen_runtime::primitives::Blob;
    // The test vectors of RFC 4648, section 10.
    for (bytes, text) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foobar", "Zm9vYmFy"),
    ] {
        let blob = Blob::from(bytes.as_bytes());
        assert_eq!(serde_json::to_value(&blob).ok(), Some(json!(text)));
        let read: Blob = serde_json::from_value(json!(text)).expect("base64");
        assert_eq!(read.as_bytes(), bytes.as_bytes());
    }
    assert_eq!(format!("{:?}", Blob::new(vec![0; 6])), "Blob(6 bytes)");
    let error = serde_json::from_value::<Blob>(json!("not base64!")).expect_err("invalid");
    assert!(error.to_string().starts_with("invalid base64: "), "{error}");
}

#[cfg(feature = "big-numbers")]
#[test]
fn big_numbers_keep_their_exact_text() {
    use codegen_runtime::primitives::{BigDecimal, BigInteger};
    let huge = "123456789012345678901234567890";
    assert_eq!(
        BigInteger::parse(huge).map(|n| n.to_string()),
        Some(huge.to_owned())
    );
    assert_eq!(
        BigInteger::parse(" -12 ").map(|n| n.as_str().to_owned()),
        Some("-12".to_owned())
    );
    for text in [
        "", "-", "1.5", "+1", "--1", "1e-1", "15e-1", "1.55e1", "01", "1.", ".5", "1e", "1e+",
        "1E3x",
    ] {
        assert_eq!(BigInteger::parse(text), None, "{text:?}");
    }
    // Every JSON number form (RFC 8259 section 6) whose value is whole, exponents included,
    // kept as written.
    for text in [
        "1e3", "1E3", "1e+3", "1.5e1", "10e-1", "-2.50E2", "0e-7", "0.0", "1e400", "100e-2",
    ] {
        assert_eq!(
            BigInteger::parse(text).map(|n| n.as_str().to_owned()),
            Some(text.to_owned()),
            "{text:?}"
        );
    }
    for text in ["1e400", "-1E-400", "0.5e+2", "12"] {
        assert!(BigDecimal::parse(text).is_some(), "{text:?}");
    }
    for text in ["1e", "1.", "+1", "0x10", "1e4.5", "NaN", "--1"] {
        assert_eq!(BigDecimal::parse(text), None, "{text:?}");
    }
    // More digits than an f64 holds, and a trailing zero: the text is kept as it is.
    for text in ["-1.50e300", "0.1000000000000000000000001"] {
        let decimal = BigDecimal::parse(text).expect("a JSON number");
        let mut written = Vec::new();
        codegen_runtime::wire::to_json(&decimal, &mut written).expect("writes");
        assert_eq!(String::from_utf8(written).ok(), Some(text.to_owned()));
        // Through another serializer, the text travels as a string, and reads back.
        let foreign = serde_json::to_string(&decimal).expect("writes");
        assert_eq!(foreign, format!("\"{text}\""));
        let back: BigDecimal = serde_json::from_str(&foreign).expect("reads back");
        assert_eq!(back, decimal);
    }
    assert_eq!(BigDecimal::parse("1."), None);
    let read: BigInteger = codegen_runtime::wire::from_json_str(huge).expect("a number");
    assert_eq!(read.as_str(), huge);
    // The fast path reads the same text; what is not a number it leaves to serde.
    let fast: Option<BigInteger> = codegen_runtime::wire::read_whole(huge);
    assert_eq!(fast.as_ref().map(BigInteger::as_str), Some(huge));
    assert_eq!(
        codegen_runtime::wire::read_whole::<BigInteger>("\"12\""),
        None
    );
    assert_eq!(codegen_runtime::wire::read_whole::<BigInteger>("1.5"), None);
    // The crate's reader takes only a number, not a string holding one.
    assert!(codegen_runtime::wire::from_json_str::<BigInteger>("\"12\"").is_err());
    let error =
        codegen_runtime::wire::from_json_str::<BigInteger>("1.5").expect_err("not an integer");
    assert!(
        error
            .to_string()
            .starts_with("expected a number, found 1.5"),
        "{error}"
    );
}
