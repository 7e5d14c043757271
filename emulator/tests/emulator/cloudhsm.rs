//! The CloudHSM key store lifecycle and every CloudHSM rule.

use crate::support::{base_config, code, Running};
use kms_api::operations::connect_custom_key_store::*;
use kms_api::operations::create_custom_key_store::*;
use kms_api::operations::delete_custom_key_store::*;
use kms_api::operations::disconnect_custom_key_store::*;
use kms_api::operations::update_custom_key_store::*;
use kms_api::types::{ConnectionErrorCodeType, ConnectionStateType, CustomKeyStoreType};

pub fn cloudhsm(name: &str, cluster: &str, anchor: &str) -> CreateCustomKeyStoreRequest {
    CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(name)
        .cloud_hsm_cluster_id(cluster)
        .trust_anchor_certificate(anchor)
        .key_store_password("kmsuser-pass")
        .build()
        .unwrap()
}

pub async fn create(emulator: &Running, request: &CreateCustomKeyStoreRequest) -> String {
    emulator
        .call::<CreateCustomKeyStore>(request)
        .await
        .unwrap()
        .custom_key_store_id
        .unwrap()
}

async fn connect(
    emulator: &Running,
    id: &str,
) -> Result<ConnectCustomKeyStoreResponse, ConnectCustomKeyStoreError> {
    let request = ConnectCustomKeyStoreRequest::builder()
        .custom_key_store_id(id)
        .build()
        .unwrap();
    emulator.call::<ConnectCustomKeyStore>(&request).await
}

async fn disconnect(
    emulator: &Running,
    id: &str,
) -> Result<DisconnectCustomKeyStoreResponse, DisconnectCustomKeyStoreError> {
    let request = DisconnectCustomKeyStoreRequest::builder()
        .custom_key_store_id(id)
        .build()
        .unwrap();
    emulator.call::<DisconnectCustomKeyStore>(&request).await
}

async fn delete(
    emulator: &Running,
    id: &str,
) -> Result<DeleteCustomKeyStoreResponse, DeleteCustomKeyStoreError> {
    let request = DeleteCustomKeyStoreRequest::builder()
        .custom_key_store_id(id)
        .build()
        .unwrap();
    emulator.call::<DeleteCustomKeyStore>(&request).await
}

#[tokio::test]
async fn the_whole_lifecycle() {
    let emulator = Running::start(&base_config(), &[]);
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let id = create(
        &emulator,
        &cloudhsm("store-a", "cluster-aaaaaaaaaaa", "anchor-a"),
    )
    .await;
    assert!(id.len() == 21 && id.starts_with("cks-"), "{id}");
    assert!(
        id[4..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "{id}"
    );
    let entry = emulator.entry(&id).await;
    assert_eq!(
        entry.connection_state,
        Some(ConnectionStateType::Disconnected)
    );
    assert_eq!(
        entry.custom_key_store_type,
        Some(CustomKeyStoreType::AwsCloudhsm)
    );
    assert_eq!(
        entry.cloud_hsm_cluster_id.as_deref(),
        Some("cluster-aaaaaaaaaaa")
    );
    assert_eq!(entry.trust_anchor_certificate.as_deref(), Some("anchor-a"));
    assert!(entry.xks_proxy_configuration.is_none());
    let created = entry.creation_date.unwrap().secs();
    assert!(
        (before..=before + 5).contains(&created),
        "{created} vs {before}"
    );

    connect(&emulator, &id).await.unwrap();
    assert_eq!(
        emulator.entry(&id).await.connection_state,
        Some(ConnectionStateType::Connecting)
    );
    // CONNECTING: 200, no change.
    connect(&emulator, &id).await.unwrap();
    let entry = emulator.settled(&id).await;
    assert_eq!(entry.connection_state, Some(ConnectionStateType::Connected));
    connect(&emulator, &id).await.unwrap();

    // While connected only the name may change.
    let rename = UpdateCustomKeyStoreRequest::builder()
        .custom_key_store_id(&id)
        .new_custom_key_store_name("store-b")
        .build()
        .unwrap();
    emulator
        .call::<UpdateCustomKeyStore>(&rename)
        .await
        .unwrap();
    assert_eq!(
        emulator.entry(&id).await.custom_key_store_name.as_deref(),
        Some("store-b")
    );
    let password = UpdateCustomKeyStoreRequest::builder()
        .custom_key_store_id(&id)
        .key_store_password("another-pass")
        .build()
        .unwrap();
    let error = emulator
        .call::<UpdateCustomKeyStore>(&password)
        .await
        .unwrap_err();
    assert_eq!(code(&error), "CustomKeyStoreInvalidStateException");

    // Deleting a connected store: invalid state, checked before the keys.
    let (status, _) = emulator
        .control(
            &format!("/_emulator/custom-key-stores/{id}/kms-key-count"),
            serde_json::json!({"count": 3}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        code(&delete(&emulator, &id).await.unwrap_err()),
        "CustomKeyStoreInvalidStateException"
    );

    disconnect(&emulator, &id).await.unwrap();
    let entry = emulator.entry(&id).await;
    assert_eq!(
        entry.connection_state,
        Some(ConnectionStateType::Disconnected)
    );
    assert_eq!(entry.connection_error_code, None);
    assert_eq!(
        code(&disconnect(&emulator, &id).await.unwrap_err()),
        "CustomKeyStoreInvalidStateException"
    );

    assert_eq!(
        code(&delete(&emulator, &id).await.unwrap_err()),
        "CustomKeyStoreHasCMKsException"
    );
    emulator
        .control(
            &format!("/_emulator/custom-key-stores/{id}/kms-key-count"),
            serde_json::json!({"count": 0}),
        )
        .await;
    delete(&emulator, &id).await.unwrap();
    for error in [
        code(&connect(&emulator, &id).await.unwrap_err()),
        code(&disconnect(&emulator, &id).await.unwrap_err()),
        code(&delete(&emulator, &id).await.unwrap_err()),
        code(
            &emulator
                .call::<UpdateCustomKeyStore>(&rename)
                .await
                .unwrap_err(),
        ),
    ] {
        assert_eq!(error, "CustomKeyStoreNotFoundException");
    }
    let log = emulator.log();
    assert!(
        log.contains("DeleteCustomKeyStore") && log.contains("request_id"),
        "{log}"
    );
}

#[tokio::test]
async fn create_rules() {
    let emulator = Running::start(&base_config(), &[]);
    let cases = [
        (
            cloudhsm("x", "cluster-zzzzzzzzzzz", "anchor-a"),
            "CloudHsmClusterNotFoundException",
        ),
        (
            cloudhsm("x", "cluster-ccccccccccc", "anchor-c"),
            "CloudHsmClusterNotActiveException",
        ),
        (
            cloudhsm("x", "cluster-ddddddddddd", "anchor-d"),
            "CloudHsmClusterInvalidConfigurationException",
        ),
        (
            cloudhsm("x", "cluster-aaaaaaaaaaa", "anchor-b"),
            "IncorrectTrustAnchorException",
        ),
    ];
    for (request, expected) in &cases {
        let error = emulator
            .call::<CreateCustomKeyStore>(request)
            .await
            .unwrap_err();
        assert_eq!(code(&error), *expected);
    }
    create(&emulator, &cloudhsm("a", "cluster-aaaaaaaaaaa", "anchor-a")).await;
    for cluster in ["cluster-aaaaaaaaaaa", "cluster-aaaaaaaaaab"] {
        let error = emulator
            .call::<CreateCustomKeyStore>(&cloudhsm("b", cluster, "anchor-a"))
            .await
            .unwrap_err();
        assert_eq!(code(&error), "CloudHsmClusterInUseException", "{cluster}");
    }
    let error = emulator
        .call::<CreateCustomKeyStore>(&cloudhsm("a", "cluster-bbbbbbbbbbb", "anchor-b"))
        .await
        .unwrap_err();
    assert_eq!(code(&error), "CustomKeyStoreNameInUseException");
    // Members the type requires: ValidationException from the emulator, not the client.
    let missing = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("m")
        .cloud_hsm_cluster_id("cluster-bbbbbbbbbbb")
        .build()
        .unwrap();
    let error = emulator
        .call::<CreateCustomKeyStore>(&missing)
        .await
        .unwrap_err();
    assert_eq!(code(&error), "ValidationException");
    // A pattern violation the server side catches (the client would refuse it).
    let bad = cloudhsm("p", "not-a-cluster", "anchor-b");
    let error = emulator
        .call_unchecked::<CreateCustomKeyStore>(&bad)
        .await
        .unwrap_err();
    assert_eq!(code(&error), "ValidationException");
}

#[tokio::test]
async fn the_store_limit() {
    let config = base_config().replace(
        "connect_delay_ms = 100",
        "connect_delay_ms = 100\nmax_custom_key_stores = 1",
    );
    let emulator = Running::start(&config, &[]);
    create(&emulator, &cloudhsm("a", "cluster-aaaaaaaaaaa", "anchor-a")).await;
    let error = emulator
        .call::<CreateCustomKeyStore>(&cloudhsm("b", "cluster-bbbbbbbbbbb", "anchor-b"))
        .await
        .unwrap_err();
    assert_eq!(code(&error), "LimitExceededException");
}

#[tokio::test]
async fn connection_failures() {
    let emulator = Running::start(&base_config(), &[]);
    let mut request = cloudhsm("a", "cluster-aaaaaaaaaaa", "anchor-a");
    request.key_store_password = Some("wrong-password".to_owned());
    let id = create(&emulator, &request).await;
    connect(&emulator, &id).await.unwrap();
    let entry = emulator.settled(&id).await;
    assert_eq!(entry.connection_state, Some(ConnectionStateType::Failed));
    assert_eq!(
        entry.connection_error_code,
        Some(ConnectionErrorCodeType::InvalidCredentials)
    );
    assert_eq!(
        code(&connect(&emulator, &id).await.unwrap_err()),
        "CustomKeyStoreInvalidStateException"
    );
    disconnect(&emulator, &id).await.unwrap();
    assert_eq!(emulator.entry(&id).await.connection_error_code, None);

    // No active HSMs.
    let (status, body) = emulator
        .control(
            "/_emulator/cloudhsm-clusters/cluster-aaaaaaaaaaa",
            serde_json::json!({"active_hsms": 0, "kmsuser_password": "wrong-password"}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["active_hsms"], 0);
    connect(&emulator, &id).await.unwrap();
    let entry = emulator.settled(&id).await;
    assert_eq!(
        entry.connection_error_code,
        Some(ConnectionErrorCodeType::InsufficientCloudhsmHsms)
    );
    disconnect(&emulator, &id).await.unwrap();

    // The password now matches.
    emulator
        .control(
            "/_emulator/cloudhsm-clusters/cluster-aaaaaaaaaaa",
            serde_json::json!({"active_hsms": 2}),
        )
        .await;
    connect(&emulator, &id).await.unwrap();
    assert_eq!(
        emulator.settled(&id).await.connection_state,
        Some(ConnectionStateType::Connected)
    );
    disconnect(&emulator, &id).await.unwrap();

    // Not ACTIVE: refused at once.
    emulator
        .control(
            "/_emulator/cloudhsm-clusters/cluster-aaaaaaaaaaa",
            serde_json::json!({"state": "UNINITIALIZED"}),
        )
        .await;
    assert_eq!(
        code(&connect(&emulator, &id).await.unwrap_err()),
        "CloudHsmClusterNotActiveException"
    );
}

#[tokio::test]
async fn update_rules() {
    let emulator = Running::start(&base_config(), &[]);
    let a = create(&emulator, &cloudhsm("a", "cluster-aaaaaaaaaaa", "anchor-a")).await;
    create(&emulator, &cloudhsm("b", "cluster-bbbbbbbbbbb", "anchor-b")).await;
    let update = |builder: UpdateCustomKeyStoreRequestBuilder| builder.build().unwrap();
    let base = || UpdateCustomKeyStoreRequest::builder().custom_key_store_id(&a);
    let error = emulator
        .call::<UpdateCustomKeyStore>(&update(base().cloud_hsm_cluster_id("cluster-bbbbbbbbbbb")))
        .await
        .unwrap_err();
    assert_eq!(code(&error), "CloudHsmClusterNotRelatedException");
    let error = emulator
        .call::<UpdateCustomKeyStore>(&update(base().new_custom_key_store_name("b")))
        .await
        .unwrap_err();
    assert_eq!(code(&error), "CustomKeyStoreNameInUseException");
    emulator
        .call::<UpdateCustomKeyStore>(&update(
            base()
                .cloud_hsm_cluster_id("cluster-aaaaaaaaaab")
                .key_store_password("new-password"),
        ))
        .await
        .unwrap();
    assert_eq!(
        emulator.entry(&a).await.cloud_hsm_cluster_id.as_deref(),
        Some("cluster-aaaaaaaaaab")
    );
}

#[tokio::test]
async fn concurrent_creates_with_one_name() {
    let emulator = std::sync::Arc::new(Running::start(&base_config(), &[]));
    let clusters = ["cluster-aaaaaaaaaaa", "cluster-bbbbbbbbbbb"];
    let mut tasks = Vec::new();
    for n in 0..16 {
        let emulator = emulator.clone();
        let cluster = clusters[n % 2];
        let anchor = if n % 2 == 0 { "anchor-a" } else { "anchor-b" };
        tasks.push(tokio::spawn(async move {
            emulator
                .call::<CreateCustomKeyStore>(&cloudhsm("same-name", cluster, anchor))
                .await
        }));
    }
    let mut created = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => created += 1,
            Err(error) => assert!(
                [
                    "CustomKeyStoreNameInUseException",
                    "CloudHsmClusterInUseException"
                ]
                .contains(&code(&error).as_str()),
                "{error:?}"
            ),
        }
    }
    assert_eq!(created, 1);
}
