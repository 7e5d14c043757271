//! For every `@sensitive` member of every shape in the bundled model, nested ones included: no
//! `Debug`, `Display` or error output (validation included) contains the secret, while the
//! wire form (`Serialize`, the request body) still does. The set of shapes checked here is
//! compared with the planner's, so a new sensitive member cannot be forgotten.

use codegen::ir::{RustType, Service, Structure};
use kms_api::operations::create_custom_key_store::{
    CreateCustomKeyStore, CreateCustomKeyStoreRequest,
};
use kms_api::operations::update_custom_key_store::{
    UpdateCustomKeyStore, UpdateCustomKeyStoreRequest,
};
use kms_api::types::XksProxyAuthenticationCredentialType;
use kms_api::wire::Operation;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use workspace_tests::generate_bundled;

/// Secrets that break the model's constraints (so validation reports them) and ones that
/// satisfy them (so the request is built).
const INVALID: [&str; 3] = ["pw!", "lowercase-key-id-secret", "not*base64*secret!"];
const VALID: [&str; 3] = [
    "correct-horse-battery",
    "SECRETKEYIDABCDEFGHIJ",
    "c2VjcmV0LWtleS1tYXRlcmlhbC1mb3ItdGhlLXByb3h5LTEyMzQ=",
];

/// Structures that hold a sensitive value, directly or through nested structures.
fn with_secrets(service: &Service) -> BTreeSet<String> {
    fn holds(service: &Service, s: &Structure, depth: usize) -> bool {
        depth < 8
            && s.members.iter().any(|m| {
                                m.sensitive || {
                    let mut ty = &m.ty;
                    while let Some(element) = ty.element() {
                        ty = element;
                    }
                    matches!(ty, RustType::Structure { name, .. }
                        if service.structure(&name.id).is_some_and(|t| holds(service, t, depth + 1)))
                }
            })
    }
    let errors = service.errors().map(|e| &e.structure);
    service
        .structures()
        .chain(errors)
        .filter(|s| holds(service, s, 0))
        .map(|s| s.name.name.clone())
        .collect()
}

fn credential(secrets: [&str; 3]) -> Value {
    json!({"AccessKeyId": secrets[1], "RawSecretAccessKey": secrets[2]})
}

fn assert_hidden(text: &str, secrets: [&str; 3], what: &str) {
    for secret in secrets {
        assert!(!text.contains(secret), "{what} leaks {secret}: {text}");
    }
}

fn assert_on_wire(text: &str, secrets: [&str; 3], what: &str) {
    for secret in secrets {
        assert!(text.contains(secret), "{what} lacks {secret}: {text}");
    }
}

#[test]
fn the_checked_shapes_are_all_the_sensitive_ones() {
    let expected: BTreeSet<String> = [
        "CreateCustomKeyStoreRequest",
        "UpdateCustomKeyStoreRequest",
        "XksProxyAuthenticationCredentialType",
        "XksProxyConfigurationType",
        "CustomKeyStoresListEntry",
        "DescribeCustomKeyStoresResponse",
    ]
    .map(String::from)
    .into();
    assert_eq!(with_secrets(&generate_bundled().service), expected);
}

#[test]
fn the_credential_hides_its_secrets() {
    for secrets in [INVALID, VALID] {
        let value: XksProxyAuthenticationCredentialType =
            serde_json::from_value(credential(secrets)).unwrap();
        assert_hidden(
            &format!("{value:?} {value:#?}"),
            [secrets[1], secrets[2], secrets[2]],
            "Debug",
        );
        assert_on_wire(
            &serde_json::to_string(&value).unwrap(),
            [secrets[1], secrets[2], secrets[2]],
            "Serialize",
        );
        if let Err(error) = value.validate() {
            assert_hidden(
                &format!("{error} {error:?}"),
                [secrets[1], secrets[2], secrets[2]],
                "validation",
            );
        }
    }
}

fn input_json(id_member: &str, password_member: &str, secrets: [&str; 3]) -> Value {
    json!({
        id_member: "cks-1234567890abcdef0",
        password_member: secrets[0],
        "XksProxyAuthenticationCredential": credential(secrets),
    })
}

#[test]
fn create_and_update_inputs_hide_their_secrets() {
    for secrets in [INVALID, VALID] {
        let create: CreateCustomKeyStoreRequest = serde_json::from_value(input_json(
            "CustomKeyStoreName",
            "KeyStorePassword",
            secrets,
        ))
        .unwrap();
        let update: UpdateCustomKeyStoreRequest =
            serde_json::from_value(input_json("CustomKeyStoreId", "KeyStorePassword", secrets))
                .unwrap();
        assert_hidden(
            &format!("{create:?} {create:#?} {update:?} {update:#?}"),
            secrets,
            "Debug",
        );
        assert_on_wire(
            &serde_json::to_string(&create).unwrap(),
            secrets,
            "Serialize",
        );
        assert_on_wire(
            &serde_json::to_string(&update).unwrap(),
            secrets,
            "Serialize",
        );

        let results = [
            CreateCustomKeyStore::serialize_request(&create).map(|r| r.into_body()),
            UpdateCustomKeyStore::serialize_request(&update).map(|r| r.into_body()),
        ];
        for result in results {
            match result {
                Ok(body) => {
                    assert_eq!(secrets, VALID, "valid secrets serialize");
                    assert_on_wire(
                        &String::from_utf8(body).unwrap(),
                        secrets,
                        "the request body",
                    );
                }
                Err(error) => {
                    assert_eq!(secrets, INVALID, "invalid secrets are refused");
                    assert!(!error.violations().is_empty());
                    assert_hidden(
                        &format!("{error} {error:?} {:?}", error.violations()),
                        secrets,
                        "the request error",
                    );
                }
            }
        }
    }
}

/// The output side: a described external key store shows its proxy's access key id only on
/// the wire, never in `Debug`, whether reached through the response, the entry or the
/// configuration.
#[test]
fn described_proxy_configurations_hide_the_access_key_id() {
    use kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStores;
    const KEY_ID: &str = "SECRETKEYIDFROMTHEPROXY";
    let body = json!({"CustomKeyStores": [{
        "CustomKeyStoreId": "cks-1",
        "XksProxyConfiguration": {"Connectivity": "PUBLIC_ENDPOINT", "AccessKeyId": KEY_ID, "UriPath": "/kms/xks/v1"}
    }]})
    .to_string();
    let output = DescribeCustomKeyStores::parse_response_parts(
        200,
        &http::HeaderMap::new(),
        body.as_bytes(),
    )
    .unwrap();
    let entry = &output.custom_key_stores.as_ref().unwrap()[0];
    let configuration = entry.xks_proxy_configuration.as_ref().unwrap();
    let printed = format!("{output:?} {output:#?} {entry:?} {configuration:?}");
    assert!(!printed.contains(KEY_ID), "{printed}");
    assert!(
        printed.contains("/kms/xks/v1"),
        "other members stay visible: {printed}"
    );
    assert!(serde_json::to_string(&output).unwrap().contains(KEY_ID));
    assert_eq!(configuration.access_key_id.as_deref(), Some(KEY_ID));
}
