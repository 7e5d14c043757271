//! CreateCustomKeyStore
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html>).

use super::uniqueness::{cluster_is_usable, name_is_free, xks_is_free};
use super::{invalid, Exception, Rejection};
use crate::config::Config;
use crate::store::{
    Backing, CloudHsmSettings, ConnectionState, Connectivity, Registry, StoreRecord, XksSettings,
};
use kms_api::operations::create_custom_key_store::CreateCustomKeyStoreRequest;
use kms_api::types::{CustomKeyStoreType, XksProxyConnectivityType};

/// The new store's identity: its id and creation time, chosen by the caller.
pub struct NewStore {
    /// `cks-` and 17 lowercase hex digits.
    pub id: String,
    /// Milliseconds since the Unix epoch.
    pub now_ms: i64,
}

/// Checks a Create request and returns the record it would add. A `PUBLIC_ENDPOINT` XKS
/// store must then pass the health check before the record is stored; the caller checks
/// again under the lock after it (two simultaneous Creates with one name: one wins).
pub fn plan(
    registry: &Registry,
    config: &Config,
    request: &CreateCustomKeyStoreRequest,
    new: NewStore,
) -> Result<StoreRecord, Rejection> {
    let backing = backing(config, request)?;
    name_is_free(registry, &request.custom_key_store_name, None)?;
    // "You have exceeded the maximum number of custom key stores" is
    // LimitExceededException (see the Errors section).
    if registry.stores.len() >= config.max_custom_key_stores {
        return Err(Rejection::new(
            Exception::LimitExceededException,
            format!(
                "This emulator holds at most {} custom key stores",
                config.max_custom_key_stores
            ),
        ));
    }
    match &backing {
        Backing::CloudHsm(settings) => cluster_is_usable(
            registry,
            &settings.cluster_id,
            Some(&settings.trust_anchor_certificate),
            None,
        )?,
        Backing::Xks(settings) => xks_is_free(registry, config, settings, None)?,
    }
    // "When you create a custom key store, its connection state is DISCONNECTED" (see
    // ConnectCustomKeyStore's documentation).
    Ok(StoreRecord {
        id: new.id,
        name: request.custom_key_store_name.clone(),
        created_ms: new.now_ms,
        seq: registry.next_seq,
        state: ConnectionState::Disconnected,
        error_code: None,
        attempt: 0,
        kms_key_count: 0,
        backing,
    })
}

/// The store's type and settings. `CustomKeyStoreType` defaults to `AWS_CLOUDHSM`; the
/// members the type needs are required ("To create an CloudHSM key store, specify the
/// CustomKeyStoreName, CloudHsmClusterId, KeyStorePassword, and TrustAnchorCertificate";
/// for an external key store, XksProxyConnectivity, XksProxyAuthenticationCredential,
/// XksProxyUriEndpoint and XksProxyUriPath, and for VPC connectivity
/// XksProxyVpcEndpointServiceName).
fn backing(config: &Config, request: &CreateCustomKeyStoreRequest) -> Result<Backing, Rejection> {
    let kind = request
        .custom_key_store_type
        .clone()
        .unwrap_or(CustomKeyStoreType::AwsCloudhsm);
    match kind {
        CustomKeyStoreType::AwsCloudhsm => {
            refuse_present(&xks_members!(request), "AWS_CLOUDHSM")?;
            Ok(Backing::CloudHsm(CloudHsmSettings {
                cluster_id: required(
                    &request.cloud_hsm_cluster_id,
                    "CloudHsmClusterId",
                    "AWS_CLOUDHSM",
                )?,
                trust_anchor_certificate: required(
                    &request.trust_anchor_certificate,
                    "TrustAnchorCertificate",
                    "AWS_CLOUDHSM",
                )?,
                key_store_password: required(
                    &request.key_store_password,
                    "KeyStorePassword",
                    "AWS_CLOUDHSM",
                )?,
            }))
        }
        CustomKeyStoreType::ExternalKeyStore => {
            refuse_present(
                &[
                    ("CloudHsmClusterId", request.cloud_hsm_cluster_id.is_some()),
                    (
                        "TrustAnchorCertificate",
                        request.trust_anchor_certificate.is_some(),
                    ),
                    ("KeyStorePassword", request.key_store_password.is_some()),
                ],
                "EXTERNAL_KEY_STORE",
            )?;
            let connectivity = connectivity(request.xks_proxy_connectivity.as_ref())?;
            let credential = request
                .xks_proxy_authentication_credential
                .as_ref()
                .ok_or_else(|| missing("XksProxyAuthenticationCredential", "EXTERNAL_KEY_STORE"))?;
            let vpc = connectivity == Connectivity::VpcEndpointService;
            let service_name = if vpc {
                Some(required(
                    &request.xks_proxy_vpc_endpoint_service_name,
                    "XksProxyVpcEndpointServiceName",
                    "VPC_ENDPOINT_SERVICE",
                )?)
            } else {
                refuse_present(
                    &[
                        (
                            "XksProxyVpcEndpointServiceName",
                            request.xks_proxy_vpc_endpoint_service_name.is_some(),
                        ),
                        (
                            "XksProxyVpcEndpointServiceOwner",
                            request.xks_proxy_vpc_endpoint_service_owner.is_some(),
                        ),
                    ],
                    "PUBLIC_ENDPOINT",
                )?;
                None
            };
            Ok(Backing::Xks(XksSettings {
                connectivity,
                uri_endpoint: required(
                    &request.xks_proxy_uri_endpoint,
                    "XksProxyUriEndpoint",
                    "EXTERNAL_KEY_STORE",
                )?,
                uri_path: required(
                    &request.xks_proxy_uri_path,
                    "XksProxyUriPath",
                    "EXTERNAL_KEY_STORE",
                )?,
                vpc_endpoint_service_owner: if vpc {
                    Some(
                        request
                            .xks_proxy_vpc_endpoint_service_owner
                            .clone()
                            .unwrap_or_else(|| config.account_id.clone()),
                    )
                } else {
                    None
                },
                vpc_endpoint_service_name: service_name,
                access_key_id: credential.access_key_id.clone(),
                raw_secret_access_key: credential.raw_secret_access_key.clone(),
            }))
        }
        other => Err(invalid(format!(
            "CustomKeyStoreType {} is not supported",
            other.as_str()
        ))),
    }
}

/// The connectivity of an external key store (required).
pub fn connectivity(value: Option<&XksProxyConnectivityType>) -> Result<Connectivity, Rejection> {
    match value {
        Some(XksProxyConnectivityType::PublicEndpoint) => Ok(Connectivity::PublicEndpoint),
        Some(XksProxyConnectivityType::VpcEndpointService) => Ok(Connectivity::VpcEndpointService),
        Some(other) => Err(invalid(format!(
            "XksProxyConnectivity {} is not supported",
            other.as_str()
        ))),
        None => Err(missing("XksProxyConnectivity", "EXTERNAL_KEY_STORE")),
    }
}

fn required(value: &Option<String>, member: &str, kind: &str) -> Result<String, Rejection> {
    value.clone().ok_or_else(|| missing(member, kind))
}

fn missing(member: &str, kind: &str) -> Rejection {
    invalid(format!(
        "{member} is required for a custom key store of type {kind}"
    ))
}

/// Members of the other store type are refused rather than ignored.
pub fn refuse_present(members: &[(&str, bool)], kind: &str) -> Result<(), Rejection> {
    match members.iter().find(|(_, present)| *present) {
        Some((member, _)) => Err(invalid(format!(
            "{member} is not valid for a custom key store of type {kind}"
        ))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn new(id: &str) -> NewStore {
        NewStore {
            id: id.to_owned(),
            now_ms: 1_700_000_000_000,
        }
    }

    #[test]
    fn a_new_store_is_disconnected_with_the_given_id_and_time() {
        let (registry, config) = world();
        let store = plan(
            &registry,
            &config,
            &cloudhsm_request("a", CLUSTER_A),
            new("cks-1"),
        )
        .unwrap();
        assert_eq!(store.state, ConnectionState::Disconnected);
        assert_eq!(store.id, "cks-1");
        assert_eq!(store.created_ms, 1_700_000_000_000);
    }

    #[test]
    fn the_type_defaults_to_cloudhsm_and_its_members_are_required() {
        let (registry, config) = world();
        let request = CreateCustomKeyStoreRequest::builder()
            .custom_key_store_name("a")
            .build()
            .unwrap();
        let rejection = plan(&registry, &config, &request, new("cks-1")).unwrap_err();
        assert_eq!(rejection.exception, Exception::ValidationException);
        assert!(
            rejection.message.contains("CloudHsmClusterId"),
            "{rejection}"
        );
    }

    #[test]
    fn an_external_store_needs_its_members() {
        let (registry, config) = world();
        let request = CreateCustomKeyStoreRequest::builder()
            .custom_key_store_name("x")
            .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
            .xks_proxy_connectivity(XksProxyConnectivityType::PublicEndpoint)
            .build()
            .unwrap();
        let rejection = plan(&registry, &config, &request, new("cks-1")).unwrap_err();
        assert_eq!(rejection.exception, Exception::ValidationException);
    }

    #[test]
    fn cluster_rules_in_order() {
        let (mut registry, config) = world();
        let cases = [
            (
                "cluster-unknown0000",
                Exception::CloudHsmClusterNotFoundException,
            ),
            (
                CLUSTER_INACTIVE,
                Exception::CloudHsmClusterNotActiveException,
            ),
            (
                CLUSTER_ONE_HSM,
                Exception::CloudHsmClusterInvalidConfigurationException,
            ),
        ];
        for (cluster, exception) in cases {
            let rejection = plan(
                &registry,
                &config,
                &cloudhsm_request("a", cluster),
                new("cks-1"),
            )
            .unwrap_err();
            assert_eq!(rejection.exception, exception, "{cluster}");
        }
        let mut request = cloudhsm_request("a", CLUSTER_A);
        request.trust_anchor_certificate = Some("another".to_owned());
        assert_eq!(
            plan(&registry, &config, &request, new("cks-1"))
                .unwrap_err()
                .exception,
            Exception::IncorrectTrustAnchorException
        );
        let store = plan(
            &registry,
            &config,
            &cloudhsm_request("a", CLUSTER_A),
            new("cks-1"),
        )
        .unwrap();
        add(&mut registry, store);
        // The same cluster, and a cluster of the same lineage, are in use.
        for cluster in [CLUSTER_A, CLUSTER_A_RELATED] {
            let rejection = plan(
                &registry,
                &config,
                &cloudhsm_request("b", cluster),
                new("cks-2"),
            )
            .unwrap_err();
            assert_eq!(
                rejection.exception,
                Exception::CloudHsmClusterInUseException,
                "{cluster}"
            );
        }
        plan(
            &registry,
            &config,
            &cloudhsm_request("b", CLUSTER_B),
            new("cks-2"),
        )
        .unwrap();
    }

    #[test]
    fn names_are_unique_and_the_limit_holds() {
        let (mut registry, mut config) = world();
        let store = plan(
            &registry,
            &config,
            &cloudhsm_request("a", CLUSTER_A),
            new("cks-1"),
        )
        .unwrap();
        add(&mut registry, store);
        let rejection = plan(
            &registry,
            &config,
            &cloudhsm_request("a", CLUSTER_B),
            new("cks-2"),
        )
        .unwrap_err();
        assert_eq!(
            rejection.exception,
            Exception::CustomKeyStoreNameInUseException
        );
        config.max_custom_key_stores = 1;
        let rejection = plan(
            &registry,
            &config,
            &cloudhsm_request("b", CLUSTER_B),
            new("cks-2"),
        )
        .unwrap_err();
        assert_eq!(rejection.exception, Exception::LimitExceededException);
    }

    /// The exception a Create is refused with.
    fn refused(
        registry: &Registry,
        config: &Config,
        request: &CreateCustomKeyStoreRequest,
    ) -> Exception {
        plan(registry, config, request, new("cks-new"))
            .unwrap_err()
            .exception
    }

    #[test]
    fn xks_uniqueness() {
        let (mut registry, config) = world();
        let first = public_request("p", PUBLIC, "/a/kms/xks/v1");
        let store = plan(&registry, &config, &first, new("cks-1")).unwrap();
        add(&mut registry, store);
        let same = public_request("q", PUBLIC, "/a/kms/xks/v1");
        assert_eq!(
            refused(&registry, &config, &same),
            Exception::XksProxyUriInUseException
        );
        // Another path on the same public endpoint is fine.
        plan(
            &registry,
            &config,
            &public_request("q", PUBLIC, "/b/kms/xks/v1"),
            new("cks-2"),
        )
        .unwrap();
        let vpc = vpc_request("v", VPC_DNS, VPC_SERVICE, None);
        let store = plan(&registry, &config, &vpc, new("cks-3")).unwrap();
        add(&mut registry, store);
        let public_on_vpc = public_request("q", VPC_DNS, "/c/kms/xks/v1");
        assert_eq!(
            refused(&registry, &config, &public_on_vpc),
            Exception::XksProxyUriEndpointInUseException
        );
        let service_again = vpc_request("w", "https://other.example.com", VPC_SERVICE, None);
        assert_eq!(
            refused(&registry, &config, &service_again),
            Exception::XksProxyVpcEndpointServiceInUseException
        );
    }

    #[test]
    fn vpc_service_rules() {
        let (registry, config) = world();
        let unknown_service = "com.amazonaws.vpce.us-east-1.vpce-svc-unknown";
        let cases = [
            (
                vpc_request("v", VPC_DNS, unknown_service, None),
                Exception::XksProxyVpcEndpointServiceNotFoundException,
            ),
            (
                vpc_request("v", "https://elsewhere.example.com", VPC_SERVICE, None),
                Exception::XksProxyVpcEndpointServiceInvalidConfigurationException,
            ),
            (
                vpc_request("v", VPC_DNS, VPC_SERVICE, Some("999999999999")),
                Exception::XksProxyVpcEndpointServiceInvalidConfigurationException,
            ),
        ];
        for (request, exception) in &cases {
            assert_eq!(
                refused(&registry, &config, request),
                *exception,
                "{request:?}"
            );
        }
        let store = plan(
            &registry,
            &config,
            &vpc_request("v", VPC_DNS, VPC_SERVICE, None),
            new("cks-1"),
        )
        .unwrap();
        let Backing::Xks(settings) = store.backing else {
            panic!("an XKS store")
        };
        assert_eq!(
            settings.vpc_endpoint_service_owner.as_deref(),
            Some("111122223333")
        );
    }
}
