//! The fast paths against serde_json, the reference. Requests: `to_json` must write the
//! same bytes as `serde_json::to_vec` for every input (the wire cases' inputs, and inputs
//! with random strings). Responses (`ReadJson` over `JsonReader`): wherever the fast path
//! gives a value, serde_json must accept the same text, and the crate's serde path must give
//! the same value; where serde_json fails, the fast path must give up (and leave the error
//! to serde). Bodies are the wire cases' responses, a hand-written body with every kind of
//! string escape, and systematic mutations of them: every prefix, every byte deleted, and
//! every byte replaced by each JSON punctuation and a few others. Random bodies come from
//! proptest.

use kms_api::errors::{
    CustomKeyStoreInvalidStateException, CustomKeyStoreNotFoundException, KmsInternalException,
    XksProxyUriUnreachableException,
};
use kms_api::operations::connect_custom_key_store::ConnectCustomKeyStoreResponse;
use kms_api::operations::create_custom_key_store::CreateCustomKeyStoreRequest;
use kms_api::operations::create_custom_key_store::CreateCustomKeyStoreResponse;
use kms_api::operations::delete_custom_key_store::DeleteCustomKeyStoreResponse;
use kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresResponse;
use kms_api::operations::disconnect_custom_key_store::DisconnectCustomKeyStoreResponse;
use kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreResponse;
use kms_api::wire::{from_json_str, to_json, JsonReader, ReadJson};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use std::fmt::Debug;
use std::path::Path;

/// Whether the fast path read `text` as `T` (and then agreed with serde). The values are
/// compared with the crate's serde path, which reads timestamps from the number's text
/// (serde_json would hand them over as floats, rounded); whether the text is accepted at
/// all is also asked of serde_json.
fn agree<T: DeserializeOwned + ReadJson + PartialEq + Debug>(text: &str) -> bool {
    let mut reader = JsonReader::new(text);
    let fast = T::read_json(&mut reader).and_then(|value| reader.end().map(|()| value));
    let Ok(fast) = fast else { return false };
    if let Err(error) = serde_json::from_str::<T>(text) {
        panic!("serde_json refuses {text:?} ({error}), the fast path read {fast:?}");
    }
    match from_json_str::<T>(text) {
        Ok(reference) => assert_eq!(fast, reference, "the two readers differ on {text:?}"),
        Err(error) => panic!("serde refuses {text:?} ({error}), the fast path read {fast:?}"),
    }
    true
}

/// `agree` for the output of every operation; how many read it on the fast path.
fn agree_for_every_output(text: &str) -> usize {
    [
        agree::<DescribeCustomKeyStoresResponse>(text),
        agree::<CreateCustomKeyStoreResponse>(text),
        agree::<ConnectCustomKeyStoreResponse>(text),
        agree::<DeleteCustomKeyStoreResponse>(text),
        agree::<DisconnectCustomKeyStoreResponse>(text),
        agree::<UpdateCustomKeyStoreResponse>(text),
    ]
    .into_iter()
    .filter(|read| *read)
    .count()
}

/// A DescribeCustomKeyStores body with both store types, unknown members of every JSON
/// kind, and strings with every escape JSON has (a surrogate pair among them).
const RICH_BODY: &str = r#"{
  "CustomKeyStores": [
    {"CustomKeyStoreId": "cks-1234567890abcdef0", "CustomKeyStoreName": "caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t",
     "CloudHsmClusterId": "cluster-1a23b4cdefg", "TrustAnchorCertificate": "-----BEGIN-----\nAAAA\n-----END-----\n",
     "ConnectionState": "CONNECTED", "CreationDate": 1.65E9, "CustomKeyStoreType": "AWS_CLOUDHSM",
     "Unknown": {"a": [1, -2.5e-3, true, false, null, {"b": "\u0000"}], "c": {}}, "Empty": []},
    null,
    {"CustomKeyStoreId": "cks-0000000000000000b", "ConnectionState": "FAILED", "ConnectionErrorCode": "SOMETHING_NEW",
     "CreationDate": -1.5, "CustomKeyStoreType": "EXTERNAL_KEY_STORE",
     "XksProxyConfiguration": {"Connectivity": "PUBLIC_ENDPOINT", "AccessKeyId": "ABCDEFGHIJKLMNOPQRST",
       "UriEndpoint": "https://xks.example.com", "UriPath": "/kms/xks/v1", "VpcEndpointServiceName": null}}
  ],
  "NextMarker": "m", "Truncated": false
}"#;

fn wire_case_bodies() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("wire");
    let mut bodies = Vec::new();
    for file in ["outputs.json", "malformed.json", "errors.json"] {
        let text = std::fs::read_to_string(dir.join(file)).expect("a wire case file");
        let cases: Vec<serde_json::Value> = serde_json::from_str(&text).expect("wire cases");
        for case in cases {
            if let Some(body) = case.get("body").and_then(|body| body.as_str()) {
                bodies.push(body.to_owned());
            }
        }
    }
    assert!(bodies.len() > 90, "only {} bodies", bodies.len());
    bodies
}

#[test]
fn the_fast_path_reads_every_valid_output_body_and_agrees() {
    // Every output reads it: the others skip its members as unknown.
    assert_eq!(agree_for_every_output(RICH_BODY), 6);
    let mut read = 0;
    for body in wire_case_bodies() {
        read += agree_for_every_output(&body);
    }
    // `{}` and the other outputs' bodies are read by several outputs: most cases read.
    assert!(
        read > 60,
        "the fast path read only {read} (case, output) pairs"
    );
}

/// `agree` for a few modelled errors (modelled errors are read as outputs are: the fast path
/// first, serde for what it gives up on); how many read it on the fast path.
fn agree_for_errors(text: &str) -> usize {
    [
        agree::<CustomKeyStoreNotFoundException>(text),
        agree::<CustomKeyStoreInvalidStateException>(text),
        agree::<KmsInternalException>(text),
        agree::<XksProxyUriUnreachableException>(text),
    ]
    .into_iter()
    .filter(|read| *read)
    .count()
}

#[test]
fn error_bodies_are_read_alike_or_left_to_serde() {
    let bodies = [
        r#"{"__type":"CustomKeyStoreNotFoundException","message":"no store cks-1"}"#,
        r#"{"__type":"KMSInternalException","Message":"caf\u00e9 \"q\"","extra":[1,{"a":null}]}"#,
        r#"{"message":null}"#,
    ];
    let mut read = 0;
    for body in bodies {
        read += agree_for_errors(body);
        for text in mutations(body) {
            agree_for_errors(&text);
        }
    }
    for body in wire_case_bodies() {
        read += agree_for_errors(&body);
    }
    assert!(
        read > 12,
        "the fast path read only {read} (body, error) pairs"
    );
}

/// Every prefix, every one-byte deletion, and every byte replaced by each of `REPLACEMENTS`.
fn mutations(body: &str) -> Vec<String> {
    const REPLACEMENTS: &[&str] = &[
        "\"", "\\", "{", "}", "[", "]", ",", ":", "0", "-", "n", " ", "\u{1}", "e", ".", "9",
    ];
    let boundaries: Vec<usize> = (0..=body.len())
        .filter(|at| body.is_char_boundary(*at))
        .collect();
    let mut out = Vec::new();
    for pair in boundaries.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        out.push(body[..start].to_owned());
        out.push(format!("{}{}", &body[..start], &body[end..]));
        for replacement in REPLACEMENTS {
            out.push(format!("{}{replacement}{}", &body[..start], &body[end..]));
        }
    }
    out
}

#[test]
fn mutated_bodies_are_read_alike_or_left_to_serde() {
    let small = [
        r#"{"CustomKeyStores":[{"CustomKeyStoreId":"cks-1","CreationDate":12.5,"ConnectionState":"CONNECTED"}],"Truncated":true}"#,
        r#"{"CustomKeyStoreId":"cks-1","x":[-0,1e2,{"y":"\u00e9"}]}"#,
        r#"{"CustomKeyStores":[{"CreationDate":-0.0},{"XksProxyConfiguration":{"UriPath":"/p\n"}}],"NextMarker":"\ud83d\ude00"}"#,
    ];
    let mut tried = 0;
    for body in small.iter().copied().chain([RICH_BODY]) {
        for text in mutations(body) {
            agree_for_every_output(&text);
            tried += 1;
        }
    }
    assert!(tried > 10_000, "{tried} mutations");
}

#[test]
fn nesting_past_serde_jsons_limit_is_left_to_serde() {
    for depth in [100, 126, 127, 128, 129, 300] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        agree_for_every_output(&format!(r#"{{"Unknown":{deep}}}"#));
        let nested =
            format!(r#"{{"CustomKeyStores":[{{"XksProxyConfiguration":{{"Unknown":{deep}}}}}]}}"#);
        agree_for_every_output(&nested);
    }
}

/// A JSON value of any kind, as text, nested a few levels.
fn any_json() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,12})?([eE][+-]?[0-9]{1,3})?",
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap_or_default()),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5)
                .prop_map(|items| format!("[{}]", items.join(","))),
            prop::collection::vec(("[A-Za-z]{1,8}", inner), 0..5).prop_map(|entries| {
                let entries: Vec<String> = entries
                    .into_iter()
                    .map(|(k, v)| format!("\"{k}\":{v}"))
                    .collect();
                format!("{{{}}}", entries.join(","))
            }),
        ]
    })
}

/// A member of a list entry with a value of the right kind or of any kind.
fn entry_member() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("CustomKeyStoreId"),
        Just("CustomKeyStoreName"),
        Just("ConnectionState"),
        Just("ConnectionErrorCode"),
        Just("CreationDate"),
        Just("CustomKeyStoreType"),
        Just("XksProxyConfiguration"),
        Just("Other"),
    ];
    let value = prop_oneof![
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap_or_default()),
        "-?(0|[1-9][0-9]{0,19})(\\.[0-9]{1,12})?([eE][+-]?[0-9]{1,2})?",
        Just(r#"{"Connectivity":"VPC_ENDPOINT_SERVICE","UriPath":"/x"}"#.to_owned()),
        any_json(),
    ];
    (name, value).prop_map(|(name, value)| format!("\"{name}\":{value}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_describe_bodies_are_read_alike_or_left_to_serde(
        entries in prop::collection::vec(prop::collection::vec(entry_member(), 0..6), 0..4),
        truncated in prop_oneof![Just("true"), Just("false"), Just("null"), Just("1")],
        space in prop_oneof![Just(""), Just(" "), Just("\n\t ")],
    ) {
        let entries: Vec<String> = entries
            .into_iter()
            .map(|members| format!("{{{}}}", members.join(&format!(",{space}"))))
            .collect();
        let body = format!(
            "{space}{{\"CustomKeyStores\":[{}],{space}\"Truncated\":{truncated}}}{space}",
            entries.join(",")
        );
        agree_for_every_output(&body);
    }

    #[test]
    fn random_json_is_read_alike_or_left_to_serde(text in any_json()) {
        agree_for_every_output(&text);
        agree_for_every_output(&format!("{{\"CustomKeyStores\":[{text}]}}"));
    }
}

/// `to_json` and serde_json write the same bytes for `value`.
fn writes_alike<T: serde::Serialize>(value: &T) {
    let mut fast = Vec::new();
    to_json(value, &mut fast).expect("writes");
    let reference = serde_json::to_vec(value).expect("serde_json writes");
    assert_eq!(
        String::from_utf8_lossy(&fast),
        String::from_utf8_lossy(&reference)
    );
}

/// Reads `input` as the input of `operation` and checks that both writers agree on it.
fn input_writes_alike(operation: &str, input: &serde_json::Value) {
    use kms_api::operations::*;
    fn check<T: DeserializeOwned + serde::Serialize>(input: &serde_json::Value) {
        if let Ok(value) = serde_json::from_value::<T>(input.clone()) {
            writes_alike(&value);
        }
    }
    match operation {
        "ConnectCustomKeyStore" => {
            check::<connect_custom_key_store::ConnectCustomKeyStoreRequest>(input)
        }
        "CreateCustomKeyStore" => check::<CreateCustomKeyStoreRequest>(input),
        "DeleteCustomKeyStore" => {
            check::<delete_custom_key_store::DeleteCustomKeyStoreRequest>(input)
        }
        "DescribeCustomKeyStores" => {
            check::<describe_custom_key_stores::DescribeCustomKeyStoresRequest>(input)
        }
        "DisconnectCustomKeyStore" => {
            check::<disconnect_custom_key_store::DisconnectCustomKeyStoreRequest>(input)
        }
        "UpdateCustomKeyStore" => {
            check::<update_custom_key_store::UpdateCustomKeyStoreRequest>(input)
        }
        other => panic!("unknown operation {other}"),
    }
}

#[test]
fn every_wire_case_input_is_written_alike() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("wire");
    let mut inputs = 0;
    for file in ["requests.json", "validation.json"] {
        let text = std::fs::read_to_string(dir.join(file)).expect("a wire case file");
        let cases: Vec<serde_json::Value> = serde_json::from_str(&text).expect("wire cases");
        for case in cases {
            if let (Some(operation), Some(input)) = (
                case.get("operation").and_then(|o| o.as_str()),
                case.get("input"),
            ) {
                input_writes_alike(operation, input);
                inputs += 1;
            }
        }
    }
    assert!(inputs > 25, "only {inputs} inputs");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn inputs_with_any_strings_are_written_alike(
        name in any::<String>(),
        path in "[\\x00-\\x7f]{0,40}",
        owner in any::<String>(),
    ) {
        let input = serde_json::json!({
            "CustomKeyStoreName": name,
            "XksProxyUriPath": path,
            "XksProxyVpcEndpointServiceOwner": owner,
            "CustomKeyStoreType": "EXTERNAL_KEY_STORE",
            "XksProxyAuthenticationCredential": {"AccessKeyId": name, "RawSecretAccessKey": path},
        });
        input_writes_alike("CreateCustomKeyStore", &input);
    }
}

#[test]
fn a_short_list_before_a_long_text_keeps_no_spare_room() {
    // The reader guesses a list's length from its first item and what is left of the text:
    // a long member after a short list must not leave the list holding room for many more.
    let body = format!(
        r#"{{"CustomKeyStores":[{{"CustomKeyStoreId":"a"}},{{"CustomKeyStoreId":"b"}}],"NextMarker":"{}"}}"#,
        "m".repeat(20_000)
    );
    let mut reader = JsonReader::new(&body);
    let output = DescribeCustomKeyStoresResponse::read_json(&mut reader).expect("read fast");
    let stores = output.custom_key_stores.expect("two stores");
    assert_eq!(stores.len(), 2);
    assert!(stores.capacity() <= 4, "capacity {}", stores.capacity());
}
