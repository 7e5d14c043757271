//! With the peer built (`--features peer`): aws-sdk-kms serializes the same request bodies
//! and reads the same responses as our crate, so the benchmarks compare equal work. Both
//! sides' parsed values are compared in the canonical form of `peer_differential`, which does
//! the same on random data.

// Shared with `peer_differential`, which uses all of it; this test only part.
#[allow(dead_code)]
#[path = "differential/canonical.rs"]
mod canonical;

use aws_sdk_kms::operation::connect_custom_key_store::ConnectCustomKeyStoreError;
use aws_sdk_kms::operation::describe_custom_key_stores::DescribeCustomKeyStoresOutput;
use aws_smithy_runtime_api::client::interceptors::context::Input;
use kms_api::operations::connect_custom_key_store::ConnectCustomKeyStore;
use kms_api::operations::create_custom_key_store::CreateCustomKeyStore;
use kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStores;
use kms_api::wire::Operation;
use kms_bench::fixtures;
use kms_bench::peer::{self, PeerOperation};

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("a JSON body")
}

#[test]
fn same_request_bodies() {
    let op = PeerOperation::create_custom_key_store();
    let theirs = peer::serialize(
        op.serializer(),
        Input::erase(peer::create_xks_vpc_input()),
        &mut op.config_bag(),
    );
    let ours = CreateCustomKeyStore::serialize_request(&fixtures::ours_create_xks_vpc())
        .expect("the fixture is valid");
    assert_eq!(json(peer::request_body(&theirs)), json(ours.body()));
    assert_eq!(
        theirs.headers().get("x-amz-target"),
        Some("TrentService.CreateCustomKeyStore")
    );

    let op = PeerOperation::connect_custom_key_store();
    let theirs = peer::serialize(
        op.serializer(),
        Input::erase(peer::connect_input()),
        &mut op.config_bag(),
    );
    let ours = ConnectCustomKeyStore::serialize_request(&fixtures::ours_connect())
        .expect("the fixture is valid");
    assert_eq!(json(peer::request_body(&theirs)), json(ours.body()));
}

#[test]
fn peer_reads_every_entry() {
    for entries in fixtures::DESCRIBE_SIZES {
        peer_reads_every_entry_of(entries);
    }
}

/// Both sides read the `DescribeCustomKeyStores` response with `entries` entries alike.
fn peer_reads_every_entry_of(entries: usize) {
    let body = fixtures::describe_response_body(entries);
    let op = PeerOperation::describe_custom_key_stores();
    let theirs = peer::deserialize(
        op.deserializer(),
        &peer::http_response(200, &body),
        &op.config_bag(),
    )
    .expect("the peer reads the response")
    .downcast::<DescribeCustomKeyStoresOutput>()
    .expect("the peer's output type");
    let ours = DescribeCustomKeyStores::parse_response_parts(
        200,
        &fixtures::header_map(body.len()),
        &body,
    )
    .expect("our crate reads the response");

    assert_eq!(theirs.custom_key_stores().len(), entries);
    assert_eq!(theirs.next_marker(), Some(fixtures::DESCRIBE_NEXT_MARKER));
    let (ours, theirs) = (
        canonical::ours::describe(&ours),
        canonical::theirs::describe(&theirs),
    );
    assert!(
        ours == theirs,
        "the sides read the {entries} entries differently:\n{}",
        canonical::differences(&ours, &theirs)
    );
}

#[test]
fn peer_reads_the_modelled_error() {
    let body = fixtures::not_found_body();
    let op = PeerOperation::connect_custom_key_store();
    let theirs = peer::deserialize(
        op.deserializer(),
        &peer::http_response(400, &body),
        &op.config_bag(),
    )
    .expect_err("a 400 is an error");
    let theirs = theirs
        .as_operation_error()
        .and_then(|e| e.downcast_ref::<ConnectCustomKeyStoreError>())
        .expect("the peer's operation error");
    let ours =
        ConnectCustomKeyStore::parse_response_parts(400, &fixtures::header_map(body.len()), &body)
            .expect_err("a 400 is an error");

    assert!(theirs.is_custom_key_store_not_found_exception());
    let (ours, theirs) = (
        canonical::ours_error(&ours),
        canonical::theirs_error(theirs),
    );
    assert_eq!(ours["variant"], "CustomKeyStoreNotFoundException");
    assert_eq!(ours["request_id"], fixtures::REQUEST_ID);
    assert!(
        ours == theirs,
        "the sides read the error differently:\n{}",
        canonical::differences(&ours, &theirs)
    );
}
