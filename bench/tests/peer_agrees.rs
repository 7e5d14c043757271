//! With the peer built (`--features peer`): aws-sdk-kms serializes the same request bodies
//! and reads the same responses as our crate, so the benchmarks compare equal work.

use aws_smithy_runtime_api::client::interceptors::context::Input;
use kms_api::operations::connect_custom_key_store::ConnectCustomKeyStore;
use kms_api::operations::create_custom_key_store::CreateCustomKeyStore;
use kms_api::wire::Operation;
use kms_bench::fixtures;
use kms_bench::peer::{self, aws_sdk_kms, PeerOperation};

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn same_request_bodies() {
    let op = PeerOperation::create_custom_key_store();
    let theirs = peer::serialize(
        op.serializer(),
        Input::erase(peer::create_xks_vpc_input()),
        &mut op.config_bag(),
    );
    let ours = CreateCustomKeyStore::serialize_request(&fixtures::ours_create_xks_vpc()).unwrap();
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
    let ours = ConnectCustomKeyStore::serialize_request(&fixtures::ours_connect()).unwrap();
    assert_eq!(json(peer::request_body(&theirs)), json(ours.body()));
}

#[test]
fn peer_reads_every_entry() {
    use aws_sdk_kms::types::{ConnectionErrorCodeType, CustomKeyStoreType};
    let body = fixtures::describe_response_body(fixtures::DESCRIBE_ENTRIES);
    let op = PeerOperation::describe_custom_key_stores();
    let output = peer::deserialize(
        op.deserializer(),
        &peer::http_response(200, &body),
        &op.config_bag(),
    )
    .unwrap()
    .downcast::<aws_sdk_kms::operation::describe_custom_key_stores::DescribeCustomKeyStoresOutput>()
    .unwrap();
    assert_eq!(output.custom_key_stores().len(), fixtures::DESCRIBE_ENTRIES);
    assert_eq!(output.next_marker(), Some(fixtures::DESCRIBE_NEXT_MARKER));
    for entry in output.custom_key_stores() {
        assert!(entry.creation_date().is_some());
        let code = entry.connection_error_code().unwrap().as_str();
        assert!(ConnectionErrorCodeType::values().contains(&code), "{code}");
        match entry.custom_key_store_type() {
            Some(CustomKeyStoreType::AwsCloudhsm) => {
                assert!(entry.trust_anchor_certificate().is_some());
            }
            Some(CustomKeyStoreType::ExternalKeyStore) => {
                let proxy = entry.xks_proxy_configuration().unwrap();
                assert!(proxy.vpc_endpoint_service_owner().is_some());
            }
            other => panic!("unexpected type {other:?}"),
        }
    }
}

#[test]
fn peer_reads_the_modelled_error() {
    let body = fixtures::not_found_body();
    let op = PeerOperation::connect_custom_key_store();
    let error = peer::deserialize(
        op.deserializer(),
        &peer::http_response(400, &body),
        &op.config_bag(),
    )
    .unwrap_err();
    let error = error
        .as_operation_error()
        .and_then(|e| {
            e.downcast_ref::<aws_sdk_kms::operation::connect_custom_key_store::ConnectCustomKeyStoreError>()
        })
        .unwrap();
    assert!(error.is_custom_key_store_not_found_exception());
}
