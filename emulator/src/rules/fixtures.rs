//! A small world for the rules' unit tests: clusters, proxies and request builders.

use crate::config::Config;
use crate::store::{Registry, StoreRecord};
use kms_api::operations::create_custom_key_store::CreateCustomKeyStoreRequest;
use kms_api::types::{
    CustomKeyStoreType, XksProxyAuthenticationCredentialType, XksProxyConnectivityType,
};

pub const CLUSTER_A: &str = "cluster-aaaaaaaaaaa";
pub const CLUSTER_A_RELATED: &str = "cluster-aaaaaaaaaab";
pub const CLUSTER_B: &str = "cluster-bbbbbbbbbbb";
pub const CLUSTER_INACTIVE: &str = "cluster-ccccccccccc";
pub const CLUSTER_ONE_HSM: &str = "cluster-ddddddddddd";
pub const PUBLIC: &str = "https://xks.example.com";
pub const VPC_DNS: &str = "https://xks.private.example.com";
pub const VPC_SERVICE: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

pub fn world() -> (Registry, Config) {
    let config = Config::parse(&format!(
        r#"
[[cloudhsm_clusters]]
cluster_id = "{CLUSTER_A}"
trust_anchor_certificate = "anchor"
kmsuser_password = "password"
backup_lineage = "lineage-a"
[[cloudhsm_clusters]]
cluster_id = "{CLUSTER_A_RELATED}"
trust_anchor_certificate = "anchor"
kmsuser_password = "password"
backup_lineage = "lineage-a"
[[cloudhsm_clusters]]
cluster_id = "{CLUSTER_B}"
trust_anchor_certificate = "anchor"
kmsuser_password = "password"
backup_lineage = "lineage-b"
[[cloudhsm_clusters]]
cluster_id = "{CLUSTER_INACTIVE}"
state = "UNINITIALIZED"
trust_anchor_certificate = "anchor"
[[cloudhsm_clusters]]
cluster_id = "{CLUSTER_ONE_HSM}"
active_hsms = 1
trust_anchor_certificate = "anchor"
[[xks_proxies]]
uri_endpoint = "{PUBLIC}"
url = "http://127.0.0.1:1"
[[vpc_endpoint_services]]
name = "{VPC_SERVICE}"
owner = "111122223333"
private_dns_name = "xks.private.example.com"
url = "http://127.0.0.1:1"
"#
    ))
    .unwrap();
    (Registry::new(&config), config)
}

pub fn add(registry: &mut Registry, store: StoreRecord) {
    registry.apply(&crate::store::Change::Put(store));
}

pub fn cloudhsm_request(name: &str, cluster: &str) -> CreateCustomKeyStoreRequest {
    CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(name)
        .cloud_hsm_cluster_id(cluster)
        .trust_anchor_certificate("anchor")
        .key_store_password("password")
        .build()
        .unwrap()
}

fn credential() -> XksProxyAuthenticationCredentialType {
    XksProxyAuthenticationCredentialType::builder()
        .access_key_id("ABCDEFGHIJKLMNOPQRST")
        .raw_secret_access_key("secretsecretsecretsecretsecretsecretsecret")
        .build()
        .unwrap()
}

pub fn public_request(name: &str, endpoint: &str, path: &str) -> CreateCustomKeyStoreRequest {
    CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(name)
        .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
        .xks_proxy_connectivity(XksProxyConnectivityType::PublicEndpoint)
        .xks_proxy_uri_endpoint(endpoint)
        .xks_proxy_uri_path(path)
        .xks_proxy_authentication_credential(credential())
        .build()
        .unwrap()
}

pub fn vpc_request(
    name: &str,
    endpoint: &str,
    service: &str,
    owner: Option<&str>,
) -> CreateCustomKeyStoreRequest {
    let mut request = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(name)
        .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
        .xks_proxy_connectivity(XksProxyConnectivityType::VpcEndpointService)
        .xks_proxy_uri_endpoint(endpoint)
        .xks_proxy_uri_path("/kms/xks/v1")
        .xks_proxy_vpc_endpoint_service_name(service)
        .xks_proxy_authentication_credential(credential())
        .build()
        .unwrap();
    request.xks_proxy_vpc_endpoint_service_owner = owner.map(str::to_owned);
    request
}

/// A store created from a request, with an id and added to the registry; returns its id.
pub fn created(
    registry: &mut Registry,
    config: &Config,
    request: &CreateCustomKeyStoreRequest,
) -> String {
    let id = format!("cks-{:017x}", registry.next_seq);
    let store = super::create::plan(
        registry,
        config,
        request,
        super::create::NewStore {
            id: id.clone(),
            now_ms: 1_700_000_000_000 + registry.next_seq as i64,
        },
    )
    .unwrap();
    add(registry, store);
    id
}
