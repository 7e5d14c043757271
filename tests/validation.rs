//! Input validation from the model's constraints, before anything is serialized.

use kms_api::operations::create_custom_key_store::{
    CreateCustomKeyStore, CreateCustomKeyStoreRequest,
};
use kms_api::operations::describe_custom_key_stores::{
    DescribeCustomKeyStores, DescribeCustomKeyStoresRequest,
};
use kms_api::types::{XksProxyAuthenticationCredentialType, XksProxyConnectivityType};
use kms_api::validation::ViolationKind;
use kms_api::wire::{Operation, RequestError};

const SECRET: &str = "this secret is far too short";

fn credential(access_key_id: &str, secret: &str) -> XksProxyAuthenticationCredentialType {
    XksProxyAuthenticationCredentialType::builder()
        .access_key_id(access_key_id)
        .raw_secret_access_key(secret)
        .build()
        .unwrap()
}

#[test]
fn a_valid_input_passes() {
    let input = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("ExampleKeyStore")
        .cloud_hsm_cluster_id("cluster-234abcdefABCDEF")
        .key_store_password("kmsPswd")
        .xks_proxy_connectivity(XksProxyConnectivityType::from("SOMETHING_NEW"))
        .xks_proxy_authentication_credential(credential(
            "ABCDE23456723EXAMPLE",
            "DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=",
        ))
        .build()
        .unwrap();
    assert_eq!(input.validate(), Ok(()));
    assert!(CreateCustomKeyStore::serialize_request(&input).is_ok());
}

#[test]
fn every_violation_is_reported_at_once_with_its_path() {
    let input = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("")
        .cloud_hsm_cluster_id("cluster-1")
        .xks_proxy_uri_path("/not/a/kms/path")
        .xks_proxy_authentication_credential(credential("short", SECRET))
        .build()
        .unwrap();
    let error = input.validate().unwrap_err();
    let paths: Vec<&str> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(
        paths,
        [
            "CustomKeyStoreName",
            "CloudHsmClusterId",
            "CloudHsmClusterId",
            "XksProxyUriPath",
            "XksProxyAuthenticationCredential.AccessKeyId",
            "XksProxyAuthenticationCredential.AccessKeyId",
            "XksProxyAuthenticationCredential.RawSecretAccessKey",
            "XksProxyAuthenticationCredential.RawSecretAccessKey",
        ]
    );
    assert_eq!(
        error.violations()[0].kind(),
        &ViolationKind::Length {
            min: Some(1),
            max: Some(256),
            actual: 0
        }
    );
    assert!(
        matches!(error.violations()[2].kind(), ViolationKind::Pattern { value: Some(v), .. } if v == "cluster-1")
    );
    assert_eq!(error.to_string().matches("; ").count(), 7);
}

#[test]
fn sensitive_values_are_never_echoed() {
    let input = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("n")
        .key_store_password("x")
        .xks_proxy_authentication_credential(credential("ALSO-A-SECRET-KEY-ID!!", SECRET))
        .build()
        .unwrap();
    let error = CreateCustomKeyStore::serialize_request(&input).unwrap_err();
    let printed = [
        error.to_string(),
        format!("{error:?}"),
        format!("{:#?}", error.violations()),
    ];
    for text in &printed {
        assert!(
            !text.contains(SECRET) && !text.contains("ALSO-A-SECRET-KEY-ID!!"),
            "{text}"
        );
        assert!(!text.contains("\"x\""), "{text}");
    }
    assert!(printed[0].contains(
        "XksProxyAuthenticationCredential.RawSecretAccessKey: the (sensitive) value does not match"
    ));
    assert!(printed[0].contains("KeyStorePassword: length 1 is outside 7..=32"));
    for violation in error.violations() {
        if let ViolationKind::Pattern { value, .. } = violation.kind() {
            assert_eq!(value, &None, "{}", violation.path());
        }
    }
}

#[test]
fn lengths_count_unicode_scalar_values() {
    let name = |n: usize, c: char| {
        CreateCustomKeyStoreRequest::builder()
            .custom_key_store_name(c.to_string().repeat(n))
            .build()
            .unwrap()
    };
    for c in ['a', 'é', '日', '🔑'] {
        assert_eq!(name(256, c).validate(), Ok(()), "256 × {c}");
        let error = name(257, c).validate().unwrap_err();
        assert_eq!(
            error.violations()[0].kind(),
            &ViolationKind::Length {
                min: Some(1),
                max: Some(256),
                actual: 257
            }
        );
    }
}

#[test]
fn ranges_are_checked_at_both_edges() {
    let limit = |n: i32| DescribeCustomKeyStoresRequest::builder().limit(n).build();
    assert_eq!(limit(1).validate(), Ok(()));
    assert_eq!(limit(1000).validate(), Ok(()));
    for bad in [0, 1001, -5, i32::MAX] {
        let error = limit(bad).validate().unwrap_err();
        assert_eq!(error.violations()[0].path(), "Limit");
        assert_eq!(
            error.violations()[0].kind(),
            &ViolationKind::Range {
                min: Some(1.0),
                max: Some(1000.0),
                value: Some(f64::from(bad))
            }
        );
    }
}

#[test]
fn serialization_refuses_invalid_input_unless_asked_not_to_check() {
    let input = DescribeCustomKeyStoresRequest::builder().limit(0).build();
    match DescribeCustomKeyStores::serialize_request(&input) {
        Err(RequestError::Invalid(error)) => assert_eq!(error.violations().len(), 1),
        other => panic!("expected a validation error, got {other:?}"),
    }
    let request = DescribeCustomKeyStores::serialize_request_unchecked(&input).unwrap();
    assert_eq!(request.body(), br#"{"Limit":0}"#);
}

#[test]
fn patterns_are_ecma_262_and_not_anchored_unless_they_say_so() {
    // The model's Marker pattern `^[\u0020-\u00FF]*$` is anchored: Latin-1 only.
    let marker = |m: &str| DescribeCustomKeyStoresRequest::builder().marker(m).build();
    assert_eq!(marker("abc \u{ff}").validate(), Ok(()));
    assert!(marker("日本").validate().is_err());
    // Without anchors a pattern matches anywhere, as ECMA-262 `RegExp.test` does.
    let digit = workspace_tests::generated_pattern("[0-9]");
    assert!(digit.is_match("ab1c"));
    assert!(!digit.is_match("abc"));
    // ECMA-262 semantics: `\d` is ASCII only.
    assert!(!workspace_tests::generated_pattern("^\\d$").is_match("\u{663}"));
    // Look-behind is outside what the generator compiles: such a pattern is left to regress.
    assert!(codegen::pattern::compile("(?<=cks-)[0-9a-f]+").is_none());
}
