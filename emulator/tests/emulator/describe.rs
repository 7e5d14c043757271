//! DescribeCustomKeyStores: filters, creation order, paging, markers, Truncated.

use crate::cloudhsm::{cloudhsm, create};
use crate::support::{base_config, code, send, Running};
use kms_api::operations::describe_custom_key_stores::*;
use kms_api::wire::Operation;

#[tokio::test]
async fn filters_pages_and_markers() {
    let emulator = Running::start(&base_config(), &[]);
    let a = create(&emulator, &cloudhsm("a", "cluster-aaaaaaaaaaa", "anchor-a")).await;
    let b = create(&emulator, &cloudhsm("b", "cluster-bbbbbbbbbbb", "anchor-b")).await;
    let all = emulator
        .call::<DescribeCustomKeyStores>(&DescribeCustomKeyStoresRequest::builder().build())
        .await
        .unwrap();
    let ids: Vec<String> = all
        .custom_key_stores
        .unwrap()
        .into_iter()
        .map(|e| e.custom_key_store_id.unwrap())
        .collect();
    assert_eq!(ids, [a.clone(), b.clone()]);
    assert!(!all.truncated && all.next_marker.is_none());

    let first = emulator
        .call::<DescribeCustomKeyStores>(
            &DescribeCustomKeyStoresRequest::builder().limit(1).build(),
        )
        .await
        .unwrap();
    assert!(first.truncated);
    assert_eq!(
        first.custom_key_stores.unwrap()[0]
            .custom_key_store_id
            .as_deref(),
        Some(a.as_str())
    );
    let marker = first.next_marker.unwrap();
    let second = emulator
        .call::<DescribeCustomKeyStores>(
            &DescribeCustomKeyStoresRequest::builder()
                .limit(1)
                .marker(marker)
                .build(),
        )
        .await
        .unwrap();
    assert!(!second.truncated && second.next_marker.is_none());
    assert_eq!(
        second.custom_key_stores.unwrap()[0]
            .custom_key_store_id
            .as_deref(),
        Some(b.as_str())
    );

    let forged = DescribeCustomKeyStoresRequest::builder()
        .marker("0000000000000001ffffffffffffffff")
        .build();
    assert_eq!(
        code(
            &emulator
                .call::<DescribeCustomKeyStores>(&forged)
                .await
                .unwrap_err()
        ),
        "InvalidMarkerException"
    );
    let by_name = DescribeCustomKeyStoresRequest::builder()
        .custom_key_store_name("b")
        .build();
    let found = emulator
        .call::<DescribeCustomKeyStores>(&by_name)
        .await
        .unwrap();
    assert_eq!(found.custom_key_stores.unwrap().len(), 1);
    for request in [
        DescribeCustomKeyStoresRequest::builder()
            .custom_key_store_name("nobody")
            .build(),
        DescribeCustomKeyStoresRequest::builder()
            .custom_key_store_id("cks-00000000000000000")
            .build(),
    ] {
        let error = emulator
            .call::<DescribeCustomKeyStores>(&request)
            .await
            .unwrap_err();
        assert_eq!(code(&error), "CustomKeyStoreNotFoundException");
    }
    let too_many = DescribeCustomKeyStoresRequest::builder()
        .limit(1001)
        .build();
    let error = emulator
        .call_unchecked::<DescribeCustomKeyStores>(&too_many)
        .await
        .unwrap_err();
    assert_eq!(code(&error), "ValidationException");
}

#[tokio::test]
async fn truncated_is_always_on_the_wire_and_secrets_never_are() {
    let emulator = Running::start(&base_config(), &[]);
    create(&emulator, &cloudhsm("a", "cluster-aaaaaaaaaaa", "anchor-a")).await;
    let request = DescribeCustomKeyStores::serialize_request(
        &DescribeCustomKeyStoresRequest::builder().build(),
    )
    .unwrap();
    let response = send(emulator.port, request).await;
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["Truncated"], false);
    assert!(body.get("NextMarker").is_none());
    let text = String::from_utf8(response.body().clone()).unwrap();
    assert!(
        !text.contains("kmsuser-pass") && !text.contains("KeyStorePassword"),
        "{text}"
    );
    assert!(response.headers().contains_key("x-amzn-requestid"));
}
