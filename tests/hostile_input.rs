//! Every parser of the generated crate, and the model loader, given arbitrary bytes, arbitrary
//! JSON and absurdly deep nesting: each returns `Ok` or `Err`, never panics, never overflows
//! the stack. (The cargo-fuzz targets in fuzz/ explore the same entry points for longer.)

use kms_api::operations::*;
use kms_api::wire::Operation;
use proptest::prelude::*;
use serde_json::Value;

/// Feeds one response to every operation's parser with several statuses.
fn parse_everywhere(body: &[u8]) {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-amzn-requestid", "r".parse().unwrap());
    for status in [200, 204, 400, 404, 500, 503] {
        let _ = connect_custom_key_store::ConnectCustomKeyStore::parse_response_parts(
            status, &headers, body,
        );
        let _ = create_custom_key_store::CreateCustomKeyStore::parse_response_parts(
            status, &headers, body,
        );
        let _ = delete_custom_key_store::DeleteCustomKeyStore::parse_response_parts(
            status, &headers, body,
        );
        let _ = describe_custom_key_stores::DescribeCustomKeyStores::parse_response_parts(
            status, &headers, body,
        );
        let _ = disconnect_custom_key_store::DisconnectCustomKeyStore::parse_response_parts(
            status, &headers, body,
        );
        let _ = update_custom_key_store::UpdateCustomKeyStore::parse_response_parts(
            status, &headers, body,
        );
    }
}

/// JSON values that look like responses: the model's member names and error keys, nested.
fn json_value() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "CustomKeyStores",
        "CreationDate",
        "ConnectionState",
        "ConnectionErrorCode",
        "XksProxyConfiguration",
        "Connectivity",
        "NextMarker",
        "Truncated",
        "CustomKeyStoreId",
        "__type",
        "code",
        "message",
        "Message",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        Just(Value::from("CONNECTED")),
        Just(Value::from("1e400")),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|entries| Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
        parse_everywhere(&body);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        parse_everywhere(value.to_string().as_bytes());
        let wrapped = serde_json::json!({"CustomKeyStores": [value.clone(), {"XksProxyConfiguration": value}]});
        parse_everywhere(wrapped.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_model_loader(text in ".{0,256}") {
        let _ = codegen::load::parse_model(std::path::Path::new("fuzz.json"), &text);
    }
}

/// 10,000 levels of nesting, in every place a parser might recurse.
#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    const DEPTH: usize = 10_000;
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(DEPTH), "}".repeat(DEPTH));
    let unclosed = "[".repeat(DEPTH);
    let bodies = [
        arrays.clone(),
        objects.clone(),
        unclosed,
        format!(r#"{{"CustomKeyStores":{arrays}}}"#),
        format!(r#"{{"CustomKeyStores":[{{"XksProxyConfiguration":{objects}}}]}}"#),
        format!(r#"{{"__type":"KMSInternalException","message":{objects}}}"#),
        format!(r#"{{"NextMarker":{arrays}}}"#),
    ];
    for body in &bodies {
        parse_everywhere(body.as_bytes());
    }
    // The model loader too.
    let model = format!(
        r#"{{"smithy":"2.0","shapes":{{"a#B":{{"type":"structure","traits":{{"x#y":{objects}}}}}}}}}"#
    );
    let loaded = codegen::load::parse_model(std::path::Path::new("deep.json"), &model);
    assert!(loaded.is_err(), "a 10,000-level trait value is refused");
}
