//! Wire rules that are easier to state as code than as case files: exact bytes and member
//! order, exact timestamps, member paths in errors, and hostile bodies.

use http::HeaderMap;
use kms_api::operations::connect_custom_key_store::{
    ConnectCustomKeyStore, ConnectCustomKeyStoreError,
};
use kms_api::operations::create_custom_key_store::{
    CreateCustomKeyStore, CreateCustomKeyStoreRequest,
};
use kms_api::operations::describe_custom_key_stores::{
    DescribeCustomKeyStores, DescribeCustomKeyStoresError,
};
use kms_api::primitives::DateTime;
use kms_api::types::{
    CustomKeyStoreType, CustomKeyStoresListEntry, XksProxyAuthenticationCredentialType,
    XksProxyConnectivityType,
};
use kms_api::wire::{sanitize_error_code, Operation, OperationError, CONTENT_TYPE};
use workspace_tests::generate_bundled;

fn full_external_store_request() -> CreateCustomKeyStoreRequest {
    CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("ExampleExternalKeyStore")
        .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
        .xks_proxy_uri_endpoint("https://myproxy-private.xks.example.com")
        .xks_proxy_uri_path("/kms/xks/v1")
        .xks_proxy_vpc_endpoint_service_name("com.amazonaws.vpce.us-east-1.vpce-svc-example")
        .xks_proxy_vpc_endpoint_service_owner("123456789012")
        .xks_proxy_connectivity(XksProxyConnectivityType::VpcEndpointService)
        .xks_proxy_authentication_credential(
            XksProxyAuthenticationCredentialType::builder()
                .access_key_id("ABCDE23456723EXAMPLE")
                .raw_secret_access_key("DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap()
}

#[test]
fn request_line_headers_and_exact_body() {
    let request = CreateCustomKeyStore::serialize_request(&full_external_store_request()).unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri(), "/");
    assert_eq!(
        request.headers()["content-type"],
        "application/x-amz-json-1.1"
    );
    assert_eq!(CONTENT_TYPE, "application/x-amz-json-1.1");
    assert_eq!(
        request.headers()["x-amz-target"],
        "TrentService.CreateCustomKeyStore"
    );
    assert_eq!(
        request.headers()["content-length"],
        request.body().len().to_string().as_str()
    );
    let body = std::str::from_utf8(request.body()).unwrap();
    assert_eq!(
        body,
        concat!(
            r#"{"CustomKeyStoreName":"ExampleExternalKeyStore","CustomKeyStoreType":"EXTERNAL_KEY_STORE","#,
            r#""XksProxyUriEndpoint":"https://myproxy-private.xks.example.com","XksProxyUriPath":"/kms/xks/v1","#,
            r#""XksProxyVpcEndpointServiceName":"com.amazonaws.vpce.us-east-1.vpce-svc-example","#,
            r#""XksProxyVpcEndpointServiceOwner":"123456789012","#,
            r#""XksProxyAuthenticationCredential":{"AccessKeyId":"ABCDE23456723EXAMPLE","#,
            r#""RawSecretAccessKey":"DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo="},"#,
            r#""XksProxyConnectivity":"VPC_ENDPOINT_SERVICE"}"#
        )
    );
}

/// Members go on the wire in model order: the order the IR (from the model) lists them in.
#[test]
fn members_are_written_in_model_order() {
    let service = generate_bundled().service;
    let create = service
        .structures()
        .find(|s| s.name.name == "CreateCustomKeyStoreRequest")
        .unwrap();
    let model_order: Vec<&str> = create
        .members
        .iter()
        .map(|m| m.wire_name.as_str())
        .collect();
    let mut request = full_external_store_request();
    request.cloud_hsm_cluster_id = Some("cluster-1".into());
    request.trust_anchor_certificate = Some("cert".into());
    request.key_store_password = Some("password".into());
    let body = String::from_utf8(
        CreateCustomKeyStore::serialize_request_unchecked(&request)
            .unwrap()
            .into_body(),
    )
    .unwrap();
    let positions: Vec<usize> = model_order
        .iter()
        .map(|m| {
            body.find(&format!("\"{m}\":"))
                .unwrap_or_else(|| panic!("{m} missing"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{body} is not in model order {model_order:?}"
    );
}

#[test]
fn unset_members_are_left_out_and_empty_input_is_an_empty_object() {
    let request = DescribeCustomKeyStores::serialize_request(&Default::default()).unwrap();
    assert_eq!(request.body(), b"{}");
    let minimal = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("n")
        .build()
        .unwrap();
    let body = CreateCustomKeyStore::serialize_request(&minimal)
        .unwrap()
        .into_body();
    assert_eq!(body, br#"{"CustomKeyStoreName":"n"}"#);
}

#[test]
fn strings_are_escaped_and_unicode_kept_as_utf8() {
    let name = "quote\" back\\ nl\n tab\t bell\u{7} é 日本 🔑";
    let request = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(name)
        .build()
        .unwrap();
    let body = String::from_utf8(
        CreateCustomKeyStore::serialize_request(&request)
            .unwrap()
            .into_body(),
    )
    .unwrap();
    assert_eq!(
        body,
        "{\"CustomKeyStoreName\":\"quote\\\" back\\\\ nl\\n tab\\t bell\\u0007 é 日本 🔑\"}"
    );
}

#[test]
fn unknown_enum_values_are_sent_verbatim() {
    let request = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("n")
        .custom_key_store_type(CustomKeyStoreType::from("FUTURE_KIND"))
        .build()
        .unwrap();
    let body = CreateCustomKeyStore::serialize_request(&request)
        .unwrap()
        .into_body();
    assert_eq!(
        body,
        br#"{"CustomKeyStoreName":"n","CustomKeyStoreType":"FUTURE_KIND"}"#
    );
}

#[test]
fn timestamps_parse_exactly_from_the_number_text() {
    let cases: &[(&str, Option<(i64, u32)>)] = &[
        ("1600000000", Some((1_600_000_000, 0))),
        ("1600000000.123", Some((1_600_000_000, 123_000_000))),
        ("1600000000.123456789", Some((1_600_000_000, 123_456_789))),
        ("1600000000.1234567891", Some((1_600_000_000, 123_456_789))),
        ("1.6E9", Some((1_600_000_000, 0))),
        ("1.600000000123e9", Some((1_600_000_000, 123_000_000))),
        ("16000000001e-1", Some((1_600_000_000, 100_000_000))),
        ("0.05", Some((0, 50_000_000))),
        ("0", Some((0, 0))),
        ("-0", Some((0, 0))),
        ("-1.5", Some((-2, 500_000_000))),
        ("1e-12", Some((0, 0))),
        // Below one second in exponent form, the first significant digit is a fraction digit
        // (a missed mutant of `cargo xtask mutants` read it as zero).
        ("5e-1", Some((0, 500_000_000))),
        ("2.5E-3", Some((0, 2_500_000))),
        ("-5e-1", Some((-1, 500_000_000))),
        // Leading zeros of the fraction do not count against the 19-digit limit, and 20 digits
        // are out of range rather than an overflow (both found by `cargo xtask mutants`).
        ("0.0000000001e19", Some((1_000_000_000, 0))),
        ("99999999999999999999", None),
        ("1.6e+9", Some((1_600_000_000, 0))),
        ("9223372036854775807", Some((i64::MAX, 0))),
        ("9223372036854775808", None),
        ("1e300", None),
        ("\"1600000000\"", None),
        ("1.", None),
        (".5", None),
        ("--1", None),
        ("1e", None),
        ("", None),
    ];
    for (text, expected) in cases {
        let parsed = DateTime::parse_epoch_seconds(text).map(|t| (t.secs(), t.subsec_nanos()));
        assert_eq!(parsed, *expected, "{text}");
    }
}

#[test]
fn timestamps_serialize_as_integers_or_exact_millisecond_decimals() {
    let entry = |t: DateTime| {
        let entry = CustomKeyStoresListEntry::builder().creation_date(t).build();
        serde_json::to_string(&entry).unwrap()
    };
    assert_eq!(
        entry(DateTime::from_secs(1_600_000_000)),
        r#"{"CreationDate":1600000000}"#
    );
    assert_eq!(
        entry(DateTime::from_millis(1_600_000_000_123)),
        r#"{"CreationDate":1600000000.123}"#
    );
    assert_eq!(
        entry(DateTime::from_millis(-1_500)),
        r#"{"CreationDate":-1.5}"#
    );
    let parsed: CustomKeyStoresListEntry =
        serde_json::from_str(r#"{"CreationDate":1600000000.123}"#).unwrap();
    assert_eq!(
        parsed.creation_date,
        Some(DateTime::from_millis(1_600_000_000_123))
    );
}

#[test]
fn wrongly_typed_values_name_the_member_path() {
    let mut headers = HeaderMap::new();
    headers.insert("x-amzn-RequestId", "req-7".parse().unwrap());
    let cases: &[(&[u8], &str)] = &[
        (
            br#"{"CustomKeyStores":[{"CreationDate":"yesterday"}]}"#,
            "CustomKeyStores[0].CreationDate: ",
        ),
        (
            br#"{"CustomKeyStores":[{},{"XksProxyConfiguration":{"UriPath":7}}]}"#,
            "CustomKeyStores[1].XksProxyConfiguration.UriPath: ",
        ),
        (br#"{"Truncated":"yes"}"#, "Truncated: "),
        // The reason says what was expected (missed mutants of `cargo xtask mutants` emptied
        // these `expecting` texts).
        (
            br#"{"CustomKeyStores":{"a":1}}"#,
            "CustomKeyStores: invalid type: map, expected a JSON array",
        ),
        (
            br#"{"CustomKeyStores":[{"ConnectionState":5}]}"#,
            "CustomKeyStores[0].ConnectionState: invalid type: integer `5`, expected a string",
        ),
        (
            br#"{"CustomKeyStores":[["cks-1"]]}"#,
            "CustomKeyStores[0]: ",
        ),
        (br#"["CustomKeyStores"]"#, "expected a JSON object"),
    ];
    for (body, expected) in cases {
        let error = DescribeCustomKeyStores::parse_response_parts(200, &headers, body).unwrap_err();
        let DescribeCustomKeyStoresError::Unhandled(unhandled) = &error else {
            panic!("{error:?}")
        };
        let reason = unhandled.deserialize_error().unwrap_or_default();
        assert!(
            reason.contains(expected),
            "{} -> {reason}",
            String::from_utf8_lossy(body)
        );
        assert_eq!(
            (
                unhandled.http_status(),
                unhandled.request_id(),
                unhandled.code()
            ),
            (200, Some("req-7"), None)
        );
        assert!(error.to_string().contains(expected), "{error}");
    }
}

#[test]
fn parse_response_accepts_http_responses() {
    let response = http::Response::builder()
        .status(200)
        .body(br#"{"CustomKeyStores":[{"CustomKeyStoreId":"cks-1","ConnectionState":"CONNECTED"}],"Truncated":false}"#.to_vec())
        .unwrap();
    let output = DescribeCustomKeyStores::parse_response(&response).unwrap();
    let stores = output.custom_key_stores.unwrap();
    assert_eq!(stores[0].custom_key_store_id.as_deref(), Some("cks-1"));
    let empty = http::Response::builder()
        .status(200)
        .body(Vec::new())
        .unwrap();
    assert!(ConnectCustomKeyStore::parse_response(&empty).is_ok());
    let with_str = http::Response::builder().status(200).body("{}").unwrap();
    assert!(ConnectCustomKeyStore::parse_response(&with_str).is_ok());
}

#[test]
fn error_codes_are_sanitized() {
    assert_eq!(
        sanitize_error_code("com.amazonaws.kms#CustomKeyStoreNotFoundException"),
        "CustomKeyStoreNotFoundException"
    );
    assert_eq!(
        sanitize_error_code("CustomKeyStoreNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
        "CustomKeyStoreNotFoundException"
    );
    assert_eq!(
        sanitize_error_code("aws.protocoltests#FooError:http://x#y"),
        "FooError"
    );
    assert_eq!(sanitize_error_code("Plain"), "Plain");
}

#[test]
fn hostile_bodies_never_panic() {
    let deep_array = "[".repeat(10_000);
    let deep_object = r#"{"a":"#.repeat(10_000);
    let bodies: Vec<Vec<u8>> = vec![
        deep_array.clone().into_bytes(),
        deep_object.clone().into_bytes(),
        format!(r#"{{"CustomKeyStores":{deep_array}"#).into_bytes(),
        vec![0xff, 0xfe, 0x00],
        b"{\"__type\": \"\xff\"}".to_vec(),
        b"null".to_vec(),
        b"{\"CustomKeyStores\":[{\"CreationDate\":1e400}]}".to_vec(),
    ];
    for body in &bodies {
        for status in [200, 400, 500] {
            let result =
                DescribeCustomKeyStores::parse_response_parts(status, &HeaderMap::new(), body);
            let Err(error) = result else {
                panic!(
                    "{status} {:?} parsed as success",
                    String::from_utf8_lossy(body)
                )
            };
            assert!(error.as_unhandled().is_some(), "{error:?}");
        }
    }
}

#[test]
fn typed_errors_that_do_not_fit_their_shape_become_unhandled() {
    let body = br#"{"__type":"CustomKeyStoreNotFoundException","message":42}"#;
    let error =
        ConnectCustomKeyStore::parse_response_parts(400, &HeaderMap::new(), body).unwrap_err();
    let ConnectCustomKeyStoreError::Unhandled(unhandled) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(unhandled.code(), Some("CustomKeyStoreNotFoundException"));
    assert!(
        unhandled
            .deserialize_error()
            .unwrap()
            .starts_with("message: "),
        "{unhandled:?}"
    );
}
