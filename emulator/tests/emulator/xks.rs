//! External key stores: the health check's request and signature, its whole outcome table
//! for Create/Update and Connect, and the XKS uniqueness rules.

use crate::proxy::{FakeProxy, Reply, ACCESS_KEY_ID, SECRET};
use crate::support::{code, Running};
use kms_api::operations::connect_custom_key_store::*;
use kms_api::operations::create_custom_key_store::*;
use kms_api::operations::disconnect_custom_key_store::*;
use kms_api::operations::update_custom_key_store::*;
use kms_api::types::{
    ConnectionErrorCodeType, ConnectionStateType, CustomKeyStoreType,
    XksProxyAuthenticationCredentialType, XksProxyConnectivityType,
};
use std::time::Duration;

const PUBLIC: &str = "https://xks.example.com";
const DOWN: &str = "https://down.example.com";
const PRIVATE: &str = "https://xks.private.example.com";
const SERVICE: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";
const OTHER_SERVICE: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef1";

fn config(proxy: &FakeProxy, with_vpc: bool) -> String {
    let mut config = format!(
        r#"
region = "eu-west-1"
connect_delay_ms = 50
max_custom_key_stores = 100
xks_timeout_ms = 250
[[xks_proxies]]
uri_endpoint = "{PUBLIC}"
url = "{url}"
[[xks_proxies]]
uri_endpoint = "{DOWN}"
url = "http://127.0.0.1:1"
[[vpc_endpoint_services]]
name = "{OTHER_SERVICE}"
owner = "111122223333"
private_dns_name = "other.private.example.com"
url = "{url}"
"#,
        url = proxy.url
    );
    if with_vpc {
        config += &format!(
            "[[vpc_endpoint_services]]\nname = \"{SERVICE}\"\nowner = \"111122223333\"\nprivate_dns_name = \"xks.private.example.com\"\nurl = \"{}\"\n",
            proxy.url
        );
    }
    config
}

fn credential(secret: &str) -> XksProxyAuthenticationCredentialType {
    XksProxyAuthenticationCredentialType::builder()
        .access_key_id(ACCESS_KEY_ID)
        .raw_secret_access_key(secret)
        .build()
        .unwrap()
}

fn public(name: &str, endpoint: &str, path: &str) -> CreateCustomKeyStoreRequest {
    CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(name)
        .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
        .xks_proxy_connectivity(XksProxyConnectivityType::PublicEndpoint)
        .xks_proxy_uri_endpoint(endpoint)
        .xks_proxy_uri_path(path)
        .xks_proxy_authentication_credential(credential(SECRET))
        .build()
        .unwrap()
}

fn vpc(name: &str, endpoint: &str, service: &str) -> CreateCustomKeyStoreRequest {
    CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(name)
        .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
        .xks_proxy_connectivity(XksProxyConnectivityType::VpcEndpointService)
        .xks_proxy_uri_endpoint(endpoint)
        .xks_proxy_uri_path("/kms/xks/v1")
        .xks_proxy_vpc_endpoint_service_name(service)
        .xks_proxy_authentication_credential(credential(SECRET))
        .build()
        .unwrap()
}

fn with_owner(
    mut request: CreateCustomKeyStoreRequest,
    owner: &str,
) -> CreateCustomKeyStoreRequest {
    request.xks_proxy_vpc_endpoint_service_owner = Some(owner.to_owned());
    request
}

async fn connect(emulator: &Running, id: &str) {
    let request = ConnectCustomKeyStoreRequest::builder()
        .custom_key_store_id(id)
        .build()
        .unwrap();
    emulator
        .call::<ConnectCustomKeyStore>(&request)
        .await
        .unwrap();
}

async fn disconnect(emulator: &Running, id: &str) {
    let request = DisconnectCustomKeyStoreRequest::builder()
        .custom_key_store_id(id)
        .build()
        .unwrap();
    emulator
        .call::<DisconnectCustomKeyStore>(&request)
        .await
        .unwrap();
}

fn unavailable_body() -> String {
    crate::proxy::HEALTHY_BODY
        .replace("DEGRADED", "UNAVAILABLE")
        .replace("ACTIVE", "UNAVAILABLE")
}

/// The issue's table: proxy outcome, Create/Update exception, Connect error code.
fn table() -> Vec<(Reply, &'static str, ConnectionErrorCodeType)> {
    vec![
        (
            Reply::Status(401),
            "XksProxyIncorrectAuthenticationCredentialException",
            ConnectionErrorCodeType::InvalidCredentials,
        ),
        (
            Reply::Status(403),
            "XksProxyIncorrectAuthenticationCredentialException",
            ConnectionErrorCodeType::XksProxyAccessDenied,
        ),
        (
            Reply::Status(404),
            "XksProxyInvalidConfigurationException",
            ConnectionErrorCodeType::XksProxyInvalidConfiguration,
        ),
        (
            Reply::Status(400),
            "XksProxyInvalidResponseException",
            ConnectionErrorCodeType::XksProxyInvalidResponse,
        ),
        (
            Reply::Status(500),
            "XksProxyInvalidResponseException",
            ConnectionErrorCodeType::XksProxyInvalidResponse,
        ),
        (
            Reply::Body("{\"xksProxyFleetSize\":1}".to_owned()),
            "XksProxyInvalidResponseException",
            ConnectionErrorCodeType::XksProxyInvalidResponse,
        ),
        (
            Reply::Body("not json".to_owned()),
            "XksProxyInvalidResponseException",
            ConnectionErrorCodeType::XksProxyInvalidResponse,
        ),
        (
            Reply::Status(429),
            "XksProxyUriUnreachableException",
            ConnectionErrorCodeType::XksProxyNotReachable,
        ),
        (
            Reply::Status(503),
            "XksProxyUriUnreachableException",
            ConnectionErrorCodeType::XksProxyNotReachable,
        ),
        (
            Reply::Slow(Duration::from_millis(1000)),
            "XksProxyUriUnreachableException",
            ConnectionErrorCodeType::XksProxyTimedOut,
        ),
        (
            Reply::Body(unavailable_body()),
            "XksProxyUriUnreachableException",
            ConnectionErrorCodeType::XksProxyNotReachable,
        ),
    ]
}

#[tokio::test]
async fn the_health_check_request_is_signed_as_the_specification_says() {
    let proxy = FakeProxy::start("eu-west-1").await;
    let emulator = Running::start(&config(&proxy, true), &[]);
    let id = emulator
        .call::<CreateCustomKeyStore>(&public("p", PUBLIC, "/tenant/kms/xks/v1"))
        .await
        .unwrap()
        .custom_key_store_id
        .unwrap();
    let seen = proxy.seen();
    assert_eq!(seen.len(), 1);
    let request = &seen[0];
    assert!(request.signature_ok, "{request:?}");
    assert_eq!(request.path, "/tenant/kms/xks/v1/health");
    assert_eq!(request.host, "xks.example.com");
    assert_eq!(
        request.body["requestMetadata"]["kmsOperation"],
        "CreateCustomKeyStore"
    );
    let request_id = request.body["requestMetadata"]["kmsRequestId"]
        .as_str()
        .unwrap();
    assert!(uuid::Uuid::parse_str(request_id).is_ok(), "{request_id}");
    assert!(
        request
            .signed_by
            .contains("/eu-west-1/kms-xks-proxy/aws4_request"),
        "{}",
        request.signed_by
    );

    connect(&emulator, &id).await;
    assert_eq!(
        emulator.settled(&id).await.connection_state,
        Some(ConnectionStateType::Connected)
    );
    assert_eq!(
        proxy.seen()[1].body["requestMetadata"]["kmsOperation"],
        "ConnectCustomKeyStore"
    );

    // The entry: the proxy configuration, no secret, no CloudHSM members.
    let entry = emulator.entry(&id).await;
    assert!(entry.cloud_hsm_cluster_id.is_none() && entry.trust_anchor_certificate.is_none());
    let configuration = entry.xks_proxy_configuration.unwrap();
    assert_eq!(configuration.access_key_id.as_deref(), Some(ACCESS_KEY_ID));
    assert_eq!(
        configuration.uri_path.as_deref(),
        Some("/tenant/kms/xks/v1")
    );
    assert_eq!(configuration.vpc_endpoint_service_name, None);

    // A credential the proxy does not know: it answers 401 after checking the signature.
    let mut wrong = public("q", PUBLIC, "/other/kms/xks/v1");
    wrong.xks_proxy_authentication_credential =
        Some(credential("AnotherSecretAnotherSecretAnotherSecret0000"));
    let error = emulator
        .call::<CreateCustomKeyStore>(&wrong)
        .await
        .unwrap_err();
    assert_eq!(
        code(&error),
        "XksProxyIncorrectAuthenticationCredentialException"
    );
    assert!(!proxy.seen().last().unwrap().signature_ok);
}

#[tokio::test]
async fn create_outcomes() {
    let proxy = FakeProxy::start("eu-west-1").await;
    let emulator = Running::start(&config(&proxy, true), &[]);
    for (n, (reply, exception, _)) in table().into_iter().enumerate() {
        proxy.reply(reply.clone());
        let request = public(&format!("s{n}"), PUBLIC, &format!("/p{n}/kms/xks/v1"));
        let error = emulator
            .call::<CreateCustomKeyStore>(&request)
            .await
            .unwrap_err();
        assert_eq!(code(&error), exception, "{reply:?}");
    }
    let error = emulator
        .call::<CreateCustomKeyStore>(&public("refused", DOWN, "/kms/xks/v1"))
        .await
        .unwrap_err();
    assert_eq!(code(&error), "XksProxyUriUnreachableException");
    assert!(proxy.seen().iter().all(|seen| seen.signature_ok));
}

#[tokio::test]
async fn connect_outcomes() {
    let proxy = FakeProxy::start("eu-west-1").await;
    let emulator = Running::start(&config(&proxy, true), &[]);
    for (n, (reply, _, expected)) in table().into_iter().enumerate() {
        proxy.reply(Reply::Healthy);
        let request = public(&format!("s{n}"), PUBLIC, &format!("/p{n}/kms/xks/v1"));
        let id = emulator
            .call::<CreateCustomKeyStore>(&request)
            .await
            .unwrap()
            .custom_key_store_id
            .unwrap();
        proxy.reply(reply.clone());
        connect(&emulator, &id).await;
        let entry = emulator.settled(&id).await;
        assert_eq!(
            entry.connection_state,
            Some(ConnectionStateType::Failed),
            "{reply:?}"
        );
        assert_eq!(entry.connection_error_code, Some(expected), "{reply:?}");
        disconnect(&emulator, &id).await;
        assert_eq!(emulator.entry(&id).await.connection_error_code, None);
    }
}

#[tokio::test]
async fn vpc_stores_and_uniqueness() {
    let proxy = FakeProxy::start("eu-west-1").await;
    let dir = tempfile::tempdir().unwrap();
    let emulator = Running::durable(dir.path(), &config(&proxy, true));
    let id = emulator
        .call::<CreateCustomKeyStore>(&vpc("v", PRIVATE, SERVICE))
        .await
        .unwrap()
        .custom_key_store_id
        .unwrap();
    assert!(
        proxy.seen().is_empty(),
        "VPC stores are checked when they connect"
    );
    let entry = emulator.entry(&id).await;
    let configuration = entry.xks_proxy_configuration.unwrap();
    assert_eq!(
        configuration.vpc_endpoint_service_owner.as_deref(),
        Some("111122223333")
    );

    let cases = [
        (vpc("w", PRIVATE, SERVICE), "XksProxyUriInUseException"),
        (
            public("w", PRIVATE, "/other/kms/xks/v1"),
            "XksProxyUriEndpointInUseException",
        ),
        (
            vpc("w", "https://third.example.com", SERVICE),
            "XksProxyVpcEndpointServiceInUseException",
        ),
        (
            vpc(
                "w",
                "https://third.example.com",
                "com.amazonaws.vpce.us-east-1.vpce-svc-0000000000000000a",
            ),
            "XksProxyVpcEndpointServiceNotFoundException",
        ),
        (
            vpc("w", "https://third.example.com", OTHER_SERVICE),
            "XksProxyVpcEndpointServiceInvalidConfigurationException",
        ),
        (
            with_owner(
                vpc("w", "https://other.private.example.com", OTHER_SERVICE),
                "444455556666",
            ),
            "XksProxyVpcEndpointServiceInvalidConfigurationException",
        ),
    ];
    for (request, expected) in &cases {
        let error = emulator
            .call::<CreateCustomKeyStore>(request)
            .await
            .unwrap_err();
        assert_eq!(code(&error), *expected, "{request:?}");
    }

    connect(&emulator, &id).await;
    assert_eq!(
        emulator.settled(&id).await.connection_state,
        Some(ConnectionStateType::Connected)
    );
    let seen = proxy.seen();
    assert_eq!(seen[0].host, "xks.private.example.com");
    assert!(seen[0].signature_ok);
    disconnect(&emulator, &id).await;

    // The service disappears (a restart with a config without it): Connect fails.
    drop(emulator);
    let emulator = Running::durable(dir.path(), &config(&proxy, false));
    connect(&emulator, &id).await;
    let entry = emulator.settled(&id).await;
    assert_eq!(
        entry.connection_error_code,
        Some(ConnectionErrorCodeType::XksVpcEndpointServiceNotFound)
    );
}

#[tokio::test]
async fn updates_while_connected() {
    let proxy = FakeProxy::start("eu-west-1").await;
    let emulator = Running::start(&config(&proxy, true), &[]);
    let id = emulator
        .call::<CreateCustomKeyStore>(&public("p", PUBLIC, "/a/kms/xks/v1"))
        .await
        .unwrap()
        .custom_key_store_id
        .unwrap();
    connect(&emulator, &id).await;
    emulator.settled(&id).await;
    let update = |builder: UpdateCustomKeyStoreRequestBuilder| builder.build().unwrap();
    let base = || UpdateCustomKeyStoreRequest::builder().custom_key_store_id(&id);

    let error = emulator
        .call::<UpdateCustomKeyStore>(&update(base().xks_proxy_uri_endpoint(DOWN)))
        .await
        .unwrap_err();
    assert_eq!(code(&error), "CustomKeyStoreInvalidStateException");

    // A new path is health-checked: the proxy does not serve it.
    proxy.reply(Reply::Status(404));
    let error = emulator
        .call::<UpdateCustomKeyStore>(&update(base().xks_proxy_uri_path("/b/kms/xks/v1")))
        .await
        .unwrap_err();
    assert_eq!(code(&error), "XksProxyInvalidConfigurationException");
    assert_eq!(
        proxy.seen().last().unwrap().body["requestMetadata"]["kmsOperation"],
        "UpdateCustomKeyStore"
    );
    proxy.reply(Reply::Healthy);
    emulator
        .call::<UpdateCustomKeyStore>(&update(base().xks_proxy_uri_path("/b/kms/xks/v1")))
        .await
        .unwrap();
    let entry = emulator.entry(&id).await;
    assert_eq!(
        entry.xks_proxy_configuration.unwrap().uri_path.as_deref(),
        Some("/b/kms/xks/v1")
    );
    assert_eq!(proxy.seen().last().unwrap().path, "/b/kms/xks/v1/health");
}
