//! The server half's model-independent pieces: request ids, error bodies, AWS's wording of
//! validation messages, and the modelled error bodies of the example model's `PutWidget`.
//! Expected texts are written out by hand. (The router itself is generated: see the
//! workspace's tests/server_router.rs.)
#![cfg(feature = "server")]

use codegen_runtime::server::*;

#[test]
fn request_ids_are_version_4_uuids_and_differ() {
    let first = fresh_request_id();
    let second = fresh_request_id();
    assert_ne!(first, second);
    for id in [&first, &second] {
        let groups: Vec<&str> = id.split('-').collect();
        let lengths: Vec<usize> = groups.iter().map(|group| group.len()).collect();
        assert_eq!(lengths, [8, 4, 4, 4, 12], "{id}");
        assert!(groups[2].starts_with('4'), "{id}");
        assert!("89ab".contains(&groups[3][..1]), "{id}");
        assert!(
            id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()),
            "{id}"
        );
    }
}

#[test]
fn an_error_body_names_its_type_and_message() {
    assert_eq!(
        error_body("Oops", Some("a \"quoted\" word")),
        br#"{"__type":"Oops","message":"a \"quoted\" word"}"#.to_vec()
    );
    assert_eq!(error_body("Oops", None), br#"{"__type":"Oops"}"#.to_vec());
}

#[test]
fn every_response_has_the_protocol_headers_and_an_unusable_id_is_replaced() {
    let response = json_response(201, b"{}".to_vec(), "chosen");
    assert_eq!(response.status(), 201);
    assert_eq!(
        response.headers()["content-type"],
        "application/x-amz-json-1.1"
    );
    assert_eq!(response.headers()["content-length"], "2");
    assert_eq!(response.headers()["x-amzn-requestid"], "chosen");
    let response = json_response(200, b"{}".to_vec(), "bad\nid");
    let id = response.headers()["x-amzn-requestid"].to_str().unwrap();
    assert_eq!(id.len(), 36);
}

#[test]
fn a_modelled_error_body_puts_the_type_first() {
    let body = modelled_error_body("Oops", &serde_json::json!({"message": "m"})).unwrap();
    assert_eq!(body, br#"{"__type":"Oops","message":"m"}"#.to_vec());
    let body = modelled_error_body("Oops", &serde_json::json!({})).unwrap();
    assert_eq!(body, br#"{"__type":"Oops"}"#.to_vec());
}

#[test]
fn member_paths_are_lower_camel_per_segment() {
    assert_eq!(aws_member_path("CustomKeyStoreName"), "customKeyStoreName");
    assert_eq!(
        aws_member_path("XksProxyAuthenticationCredential.AccessKeyId"),
        "xksProxyAuthenticationCredential.accessKeyId"
    );
    assert_eq!(aws_member_path("Items[3].Name"), "items[3].name");
}

#[test]
fn counts_are_singular_or_plural() {
    assert_eq!(
        join_violation_messages(&["a".to_owned()]),
        "1 validation error detected: a"
    );
    assert_eq!(
        join_violation_messages(&["a".to_owned(), "b".to_owned()]),
        "2 validation errors detected: a; b"
    );
}

#[test]
fn a_missing_member_reads_as_null() {
    assert_eq!(
        missing_member_message("CustomKeyStoreId"),
        "Value null at 'customKeyStoreId' failed to satisfy constraint: Member must not be null"
    );
}

#[cfg(feature = "modelled-errors")]
#[test]
fn only_modelled_variants_are_written_as_modelled_errors() {
    use codegen_runtime::example::PutWidgetError;
    use codegen_runtime::primitives::UnhandledError;
    use codegen_runtime::wire::{ErrorResponse, Operation};
    let read = |body: &str| {
        codegen_runtime::example::PutWidget::error_from_response(ErrorResponse::new(
            404,
            &http::HeaderMap::new(),
            body.as_bytes(),
        ))
    };
    let not_found = read(r#"{"__type":"WidgetNotFoundException","message":"gone"}"#);
    assert_eq!(
        not_found.error_body(),
        Some((
            404,
            br#"{"__type":"WidgetNotFoundException","message":"gone"}"#.to_vec()
        ))
    );
    let unhandled = PutWidgetError::Unhandled(UnhandledError::new(503));
    assert_eq!(unhandled.error_body(), None);
}

#[test]
fn a_strict_read_finds_every_missing_required_member() {
    use codegen_runtime::example::{Gadget, Receipt};
    use codegen_runtime::wire::track_strict;
    // An input's required member: recorded, and the read goes on.
    let (gadget, missing) = track_strict(|| serde_json::from_str::<Gadget>("{}"));
    assert!(gadget.is_ok(), "{gadget:?}");
    assert_eq!(missing, ["Parts"]);
    // Every corrected member of a structure, with its path.
    let (receipt, missing) =
        track_strict(|| serde_json::from_str::<Receipt>(r#"{"Id":"r-1","Widget":{}}"#));
    assert!(receipt.is_ok(), "{receipt:?}");
    assert_eq!(missing, ["Total", "Paid", "Amounts", "Extra", "Issued"]);
    // Outside a strict read nothing is recorded, and an input's missing member is an error.
    let plain = serde_json::from_str::<Gadget>("{}")
        .unwrap_err()
        .to_string();
    assert!(plain.starts_with("missing field `Parts`"), "{plain}");
}
