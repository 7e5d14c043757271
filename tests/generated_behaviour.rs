//! Behaviour of the generated crate itself: enums, builders, redaction, errors, time.

use kms_api::errors::{
    CustomKeyStoreHasCmksException, CustomKeyStoreNotFoundException, KmsInternalException,
};
use kms_api::operations::connect_custom_key_store::{
    ConnectCustomKeyStoreError, ConnectCustomKeyStoreRequest,
};
use kms_api::operations::create_custom_key_store::CreateCustomKeyStoreRequest;
use kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresResponse;
use kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreRequest;
use kms_api::primitives::{DateTime, ErrorFault, Redacted, UnhandledError};
use kms_api::types::{
    ConnectionErrorCodeType, ConnectionStateType, CustomKeyStoreType, CustomKeyStoresListEntry,
    XksProxyAuthenticationCredentialType, XksProxyConnectivityType,
};
use std::str::FromStr;

/// Every known value of an enum survives `as_str` -> `from` -> `as_str`, is not `Unknown`,
/// and `Display`/`FromStr` agree with `as_str`.
fn round_trips<E>(values: &[&str])
where
    E: for<'a> From<&'a str>
        + FromStr
        + std::fmt::Display
        + std::fmt::Debug
        + PartialEq
        + AsRef<str>,
    <E as FromStr>::Err: std::fmt::Debug,
{
    assert!(!values.is_empty());
    for value in values {
        let parsed = E::from(value);
        assert_eq!(parsed.as_ref(), *value);
        assert_eq!(parsed.to_string(), *value);
        assert_eq!(E::from_str(value).unwrap(), parsed);
        assert!(
            !format!("{parsed:?}").starts_with("Unknown"),
            "{value} parsed as {parsed:?}"
        );
    }
}

#[test]
fn enums_round_trip_every_known_value() {
    round_trips::<ConnectionErrorCodeType>(ConnectionErrorCodeType::VALUES);
    round_trips::<ConnectionStateType>(ConnectionStateType::VALUES);
    round_trips::<CustomKeyStoreType>(CustomKeyStoreType::VALUES);
    round_trips::<XksProxyConnectivityType>(XksProxyConnectivityType::VALUES);
    assert_eq!(ConnectionErrorCodeType::VALUES.len(), 18);
    assert_eq!(
        ConnectionStateType::VALUES,
        [
            "CONNECTED",
            "CONNECTING",
            "FAILED",
            "DISCONNECTED",
            "DISCONNECTING"
        ]
    );
}

#[test]
fn enum_variants_keep_the_wire_names() {
    assert_eq!(CustomKeyStoreType::AwsCloudhsm.as_str(), "AWS_CLOUDHSM");
    assert_eq!(
        CustomKeyStoreType::from("AWS_CLOUDHSM"),
        CustomKeyStoreType::AwsCloudhsm
    );
    assert_eq!(
        CustomKeyStoreType::from("EXTERNAL_KEY_STORE"),
        CustomKeyStoreType::ExternalKeyStore
    );
    assert_eq!(
        XksProxyConnectivityType::from("VPC_ENDPOINT_SERVICE"),
        XksProxyConnectivityType::VpcEndpointService
    );
    assert_eq!(
        ConnectionErrorCodeType::XksProxyTimedOut.as_str(),
        "XKS_PROXY_TIMED_OUT"
    );
}

#[test]
fn unknown_enum_values_are_preserved_verbatim() {
    for raw in ["QUANTUM_HSM", "connected", "", "CONNECTED ", "Ünïcode"] {
        let state = ConnectionStateType::from(raw);
        assert!(
            matches!(state, ConnectionStateType::Unknown(_)),
            "{raw:?} -> {state:?}"
        );
        assert_eq!(state.as_str(), raw);
        assert_eq!(state.to_string(), raw);
        assert_eq!(ConnectionStateType::from(raw.to_owned()), state);
    }
}

#[test]
fn builders_enforce_required_members() {
    let missing = ConnectCustomKeyStoreRequest::builder().build().unwrap_err();
    assert_eq!(missing.member(), "CustomKeyStoreId");
    assert_eq!(missing.shape(), "ConnectCustomKeyStoreRequest");
    assert_eq!(
        missing.to_string(),
        "cannot build ConnectCustomKeyStoreRequest: required member `CustomKeyStoreId` is not set"
    );

    let request = ConnectCustomKeyStoreRequest::builder()
        .custom_key_store_id("cks-1234567890abcdef0")
        .build()
        .unwrap();
    assert_eq!(request.custom_key_store_id, "cks-1234567890abcdef0");

    let credential = XksProxyAuthenticationCredentialType::builder()
        .access_key_id("ABCDEFGHIJKLMNOPQRST")
        .build();
    assert_eq!(credential.unwrap_err().member(), "RawSecretAccessKey");

    let create = CreateCustomKeyStoreRequest::builder().build().unwrap_err();
    assert_eq!(create.member(), "CustomKeyStoreName");
}

#[test]
fn optional_members_start_unset_and_defaults_apply() {
    let request = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("store")
        .build()
        .unwrap();
    assert_eq!(request.cloud_hsm_cluster_id, None);
    assert_eq!(request.custom_key_store_type, None);

    // `Truncated` has the model default `false`: a plain bool, false unless set.
    let page = DescribeCustomKeyStoresResponse::builder().build();
    assert!(!page.truncated);
    assert_eq!(page, DescribeCustomKeyStoresResponse::default());
    let page = DescribeCustomKeyStoresResponse::builder()
        .truncated(true)
        .next_marker("m")
        .build();
    assert!(page.truncated);
    assert_eq!(page.next_marker.as_deref(), Some("m"));
    let cleared = DescribeCustomKeyStoresResponse::builder()
        .next_marker("m")
        .set_next_marker(None)
        .build();
    assert_eq!(cleared.next_marker, None);
}

#[test]
fn debug_never_prints_sensitive_values() {
    const PASSWORD: &str = "kmsuser-Pa55word";
    const KEY_ID: &str = "ABCDEFGHIJKLMNOPQRST";
    const SECRET: &str = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA";
    let credential = XksProxyAuthenticationCredentialType::builder()
        .access_key_id(KEY_ID)
        .raw_secret_access_key(SECRET)
        .build()
        .unwrap();
    let create = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("visible-name")
        .key_store_password(PASSWORD)
        .xks_proxy_authentication_credential(credential.clone())
        .build()
        .unwrap();
    let update = UpdateCustomKeyStoreRequest::builder()
        .custom_key_store_id("cks-1")
        .key_store_password(PASSWORD)
        .xks_proxy_authentication_credential(credential.clone());
    let printed = [
        format!("{credential:?}"),
        format!("{credential:#?}"),
        format!("{create:?}"),
        format!("{update:?}"),
        format!("{:?}", update.clone().build().unwrap()),
        format!(
            "{:?}",
            XksProxyAuthenticationCredentialType::builder().raw_secret_access_key(SECRET)
        ),
    ];
    for text in &printed {
        for secret in [PASSWORD, KEY_ID, SECRET] {
            assert!(!text.contains(secret), "secret leaked in {text}");
        }
        assert!(
            text.contains(Redacted::MARKER),
            "no redaction marker in {text}"
        );
    }
    // Non-sensitive members are still shown, and an unset secret shows as unset.
    assert!(printed[2].contains("visible-name"));
    let unset = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("n")
        .build()
        .unwrap();
    assert!(format!("{unset:?}").contains("key_store_password: None"));
    // The value itself is untouched.
    assert_eq!(create.key_store_password.as_deref(), Some(PASSWORD));
    // A builder of a structure with a sensitive member prints its other members (a missed
    // mutant of `cargo xtask mutants` printed nothing at all).
    let proxy = kms_api::types::XksProxyConfigurationType::builder()
        .access_key_id(KEY_ID)
        .uri_endpoint("https://xks.example.com");
    let text = format!("{proxy:?}");
    assert!(!text.contains(KEY_ID), "{text}");
    for shown in [
        "XksProxyConfigurationTypeBuilder",
        "uri_endpoint",
        "https://xks.example.com",
        Redacted::MARKER,
    ] {
        assert!(text.contains(shown), "{shown} is not in {text}");
    }
}

#[test]
fn modelled_errors_carry_their_wire_facts() {
    assert_eq!(KmsInternalException::CODE, "KMSInternalException");
    assert_eq!(KmsInternalException::HTTP_STATUS, 500);
    assert_eq!(KmsInternalException::FAULT, ErrorFault::Server);
    assert_eq!(
        CustomKeyStoreHasCmksException::CODE,
        "CustomKeyStoreHasCMKsException"
    );
    assert_eq!(CustomKeyStoreNotFoundException::HTTP_STATUS, 400);
    assert_eq!(CustomKeyStoreNotFoundException::FAULT, ErrorFault::Client);

    let error = CustomKeyStoreNotFoundException::builder()
        .message("no such store")
        .build();
    assert_eq!(
        error.to_string(),
        "CustomKeyStoreNotFoundException: no such store"
    );
    assert_eq!(
        CustomKeyStoreNotFoundException::default().to_string(),
        "CustomKeyStoreNotFoundException"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(error.clone());
    assert_eq!(
        boxed.to_string(),
        "CustomKeyStoreNotFoundException: no such store"
    );
}

#[test]
fn operation_error_enums_wrap_exactly_their_errors() {
    let not_found = CustomKeyStoreNotFoundException::builder()
        .message("gone")
        .build();
    let error = ConnectCustomKeyStoreError::from(not_found.clone());
    assert_eq!(
        error,
        ConnectCustomKeyStoreError::CustomKeyStoreNotFoundException(not_found)
    );
    assert_eq!(error.code(), Some("CustomKeyStoreNotFoundException"));
    assert_eq!(error.message(), Some("gone"));
    assert_eq!(error.to_string(), "CustomKeyStoreNotFoundException: gone");

    let throttled = UnhandledError::new(400)
        .with_code("ThrottlingException")
        .with_message("slow down")
        .with_request_id("r-1");
    let error = ConnectCustomKeyStoreError::from(throttled);
    assert_eq!(error.code(), Some("ThrottlingException"));
    assert_eq!(error.message(), Some("slow down"));
    assert_eq!(
        error.to_string(),
        "ThrottlingException (HTTP 400): slow down [request id r-1]"
    );
    let ConnectCustomKeyStoreError::Unhandled(inner) = &error else {
        panic!("expected Unhandled")
    };
    assert_eq!(
        (inner.http_status(), inner.request_id()),
        (400, Some("r-1"))
    );
    assert_eq!(
        UnhandledError::new(502).to_string(),
        "unhandled error (HTTP 502)"
    );
}

#[test]
fn date_time_converts_to_and_from_system_time() {
    use std::time::{Duration, UNIX_EPOCH};
    let t = DateTime::from_secs_and_nanos(1_600_000_000, 123_000_000).unwrap();
    assert_eq!(
        t.to_system_time(),
        Some(UNIX_EPOCH + Duration::new(1_600_000_000, 123_000_000))
    );
    assert_eq!(
        DateTime::from(UNIX_EPOCH + Duration::new(1_600_000_000, 123_000_000)),
        t
    );
    assert_eq!(DateTime::from_millis(1_600_000_000_123), t);
    let before = DateTime::from_millis(-1_500);
    assert_eq!((before.secs(), before.subsec_nanos()), (-2, 500_000_000));
    assert_eq!(
        DateTime::from(UNIX_EPOCH - Duration::from_millis(1_500)),
        before
    );
    assert_eq!(
        before.to_system_time(),
        Some(UNIX_EPOCH - Duration::from_millis(1_500))
    );
    assert_eq!(DateTime::from_secs_and_nanos(0, 1_000_000_000), None);
    // Whole seconds before the epoch are negative seconds with no fraction (a missed mutant
    // of `cargo xtask mutants` dropped the sign here).
    let whole = DateTime::from(UNIX_EPOCH - Duration::from_secs(5));
    assert_eq!((whole.secs(), whole.subsec_nanos()), (-5, 0));
    assert_eq!(whole, DateTime::from_secs(-5));
}

#[test]
fn list_entries_hold_typed_state() {
    let entry = CustomKeyStoresListEntry::builder()
        .custom_key_store_id("cks-1")
        .connection_state(ConnectionStateType::Failed)
        .connection_error_code(ConnectionErrorCodeType::from("BRAND_NEW_CODE"))
        .creation_date(DateTime::from_secs(1_700_000_000))
        .build();
    assert_eq!(entry.connection_state, Some(ConnectionStateType::Failed));
    assert_eq!(
        entry.connection_error_code.as_ref().map(|c| c.as_str()),
        Some("BRAND_NEW_CODE")
    );
}
