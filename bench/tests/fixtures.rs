//! The benchmark inputs are valid and the responses mean what the benchmarks say, checked
//! against our crate alone (no peer build needed).

use kms_api::operations::connect_custom_key_store::ConnectCustomKeyStore;
use kms_api::operations::create_custom_key_store::CreateCustomKeyStore;
use kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStores;
use kms_api::wire::{Operation, OperationError};
use kms_bench::fixtures;
use serde_json::Value;

fn body_json(request: &http::Request<Vec<u8>>) -> Value {
    serde_json::from_slice(request.body()).expect("a JSON body")
}

#[test]
fn create_input_is_valid_and_serializes_to_its_wire_form() {
    let input = fixtures::ours_create_xks_vpc();
    let request = CreateCustomKeyStore::serialize_request(&input).expect("the input is valid");
    assert_eq!(body_json(&request), fixtures::create_xks_vpc_json());
    assert_eq!(
        request.headers()["x-amz-target"],
        "TrentService.CreateCustomKeyStore"
    );
    let unchecked = CreateCustomKeyStore::serialize_request_unchecked(&input).unwrap();
    assert_eq!(unchecked.body(), request.body());
}

#[test]
fn connect_input_is_valid_and_serializes_to_its_wire_form() {
    let request = ConnectCustomKeyStore::serialize_request(&fixtures::ours_connect()).unwrap();
    assert_eq!(body_json(&request), fixtures::connect_json());
}

#[test]
fn describe_response_is_about_45_kb_and_every_member_is_read() {
    let body = fixtures::describe_response_body(fixtures::DESCRIBE_ENTRIES);
    assert!(
        (42_000..=48_000).contains(&body.len()),
        "{} bytes",
        body.len()
    );
    check_describe_body(&body, fixtures::DESCRIBE_ENTRIES);
}

#[test]
fn describe_1000_is_about_470_kb_and_every_member_is_read() {
    let body = fixtures::describe_response_body(fixtures::DESCRIBE_ENTRIES_LARGE);
    assert_eq!(fixtures::DESCRIBE_ENTRIES_LARGE, 1000);
    assert!(
        (440_000..=490_000).contains(&body.len()),
        "{} bytes",
        body.len()
    );
    check_describe_body(&body, fixtures::DESCRIBE_ENTRIES_LARGE);
}

/// The linearity claim compares times at two sizes: the larger body must be ten times the
/// smaller one in bytes and in entries, made of entries of the same kind (the smaller body's
/// entries come first, unchanged), and each entry distinct (no repeated key store id).
#[test]
fn describe_1000_is_ten_times_describe_100_of_the_same_kind() {
    assert_eq!(
        fixtures::DESCRIBE_SIZES,
        [fixtures::DESCRIBE_ENTRIES, fixtures::DESCRIBE_ENTRIES_LARGE]
    );
    let small = fixtures::describe_response_body(fixtures::DESCRIBE_ENTRIES);
    let large = fixtures::describe_response_body(fixtures::DESCRIBE_ENTRIES_LARGE);
    let bytes_ratio = large.len() as f64 / small.len() as f64;
    assert!((9.9..=10.2).contains(&bytes_ratio), "{bytes_ratio}");

    let entries = |body: &[u8]| {
        let wire: Value = serde_json::from_slice(body).unwrap();
        wire["CustomKeyStores"].as_array().unwrap().clone()
    };
    let (small, large) = (entries(&small), entries(&large));
    assert_eq!(large[..small.len()], small[..]);
    let ids: std::collections::BTreeSet<&str> = large
        .iter()
        .map(|e| e["CustomKeyStoreId"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), large.len());
    let names: std::collections::BTreeSet<&str> = large
        .iter()
        .map(|e| e["CustomKeyStoreName"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), large.len());
}

/// The body is deterministic, holds `entries` entries, half of each store type, with every
/// member that applies to the type set, and our crate reads all of it.
fn check_describe_body(body: &[u8], entries: usize) {
    assert_eq!(body, fixtures::describe_response_body(entries));
    let wire: Value = serde_json::from_slice(body).unwrap();
    let list = wire["CustomKeyStores"].as_array().unwrap();
    assert_eq!(list.len(), entries);
    let kinds = |kind: &str| {
        list.iter()
            .filter(|e| e["CustomKeyStoreType"] == kind)
            .count()
    };
    assert_eq!(kinds("AWS_CLOUDHSM"), entries / 2);
    assert_eq!(kinds("EXTERNAL_KEY_STORE"), entries / 2);
    // Every member that applies to the store's type is set: the six common ones, then the
    // CloudHSM pair or the external key store's proxy configuration with all six members.
    for entry in list {
        let members = entry.as_object().unwrap().len();
        if entry["CustomKeyStoreType"] == "AWS_CLOUDHSM" {
            assert_eq!(members, 8, "{entry}");
        } else {
            assert_eq!(members, 7, "{entry}");
            let proxy = entry["XksProxyConfiguration"].as_object().unwrap();
            assert_eq!(proxy.len(), 6, "{entry}");
        }
    }

    let headers = fixtures::header_map(body.len());
    let output = DescribeCustomKeyStores::parse_response_parts(200, &headers, body)
        .expect("a valid response");
    // Written back in the wire form, the output is the body: nothing was dropped.
    // (Numbers compared by value: `1650000000.000` may come back as `1650000000`.)
    assert_eq!(
        by_value(serde_json::to_value(&output).unwrap()),
        by_value(wire)
    );
}

fn by_value(value: Value) -> Value {
    match value {
        Value::Number(n) => serde_json::json!(n.as_f64()),
        Value::Array(items) => Value::Array(items.into_iter().map(by_value).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, by_value(v))).collect())
        }
        other => other,
    }
}

#[test]
fn not_found_response_is_the_modelled_error() {
    let body = fixtures::not_found_body();
    let headers = fixtures::header_map(body.len());
    let error = ConnectCustomKeyStore::parse_response_parts(400, &headers, &body).unwrap_err();
    assert_eq!(error.code(), Some("CustomKeyStoreNotFoundException"));
    assert!(error.as_unhandled().is_none());
}

#[test]
fn inputs_break_no_constraint_in_the_model() {
    use fixtures::create_xks_vpc::*;
    assert!((20..=30).contains(&ACCESS_KEY_ID.len()));
    assert!((43..=64).contains(&RAW_SECRET_ACCESS_KEY.len()));
}
