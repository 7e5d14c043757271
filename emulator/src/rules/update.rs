//! UpdateCustomKeyStore
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateCustomKeyStore.html>).

use super::create::{connectivity, refuse_present};
use super::uniqueness::{cluster_is_active_with_two_hsms, name_is_free, xks_is_free};
use super::{find, invalid, invalid_state, Exception, Rejection};
use crate::config::Config;
use crate::store::{Backing, ConnectionState, Connectivity, Registry, StoreRecord};
use kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreRequest;

/// The store as an Update would leave it, and whether the change must pass the XKS health
/// check first (a public-endpoint store whose endpoint, path, credential or connectivity
/// changes: "KMS ... validates the new settings" by calling the proxy).
#[derive(Debug)]
pub struct UpdatePlan {
    /// The updated record.
    pub store: StoreRecord,
    /// Whether to health-check the new settings before storing them.
    pub health_check: bool,
}

/// Checks an Update request.
///
/// - While the store is not `DISCONNECTED`, only `NewCustomKeyStoreName` may change, and for
///   an external key store `XksProxyAuthenticationCredential` and `XksProxyUriPath` too
///   ("you can update the custom key store name, the proxy authentication credential and the
///   proxy URI path while the external key store is connected"; the other settings need a
///   disconnected store): anything else is `CustomKeyStoreInvalidStateException`.
/// - A new cluster must be related to the current one ("a cluster that shares a backup
///   history with the original cluster"): `CloudHsmClusterNotRelatedException`.
/// - Create's uniqueness rules apply, excluding the store itself.
pub fn plan(
    registry: &Registry,
    config: &Config,
    request: &UpdateCustomKeyStoreRequest,
) -> Result<UpdatePlan, Rejection> {
    let store = find(registry, &request.custom_key_store_id)?;
    let mut next = store.clone();
    let disconnected = store.state == ConnectionState::Disconnected;
    if let Some(name) = &request.new_custom_key_store_name {
        name_is_free(registry, name, Some(&store.id))?;
        next.name = name.clone();
    }
    let mut health_check = false;
    match &mut next.backing {
        Backing::CloudHsm(settings) => {
            refuse_present(&xks_members!(request), "AWS_CLOUDHSM")?;
            if !disconnected {
                for (member, present) in [
                    ("KeyStorePassword", request.key_store_password.is_some()),
                    ("CloudHsmClusterId", request.cloud_hsm_cluster_id.is_some()),
                ] {
                    if present {
                        return Err(invalid_state(
                            store,
                            &format!("{member} can change only while it is DISCONNECTED"),
                        ));
                    }
                }
            }
            if let Some(password) = &request.key_store_password {
                settings.key_store_password = password.clone();
            }
            if let Some(cluster_id) = &request.cloud_hsm_cluster_id {
                if *cluster_id != settings.cluster_id {
                    related(registry, &settings.cluster_id, cluster_id)?;
                    cluster_is_active_with_two_hsms(registry, cluster_id)?;
                    settings.cluster_id = cluster_id.clone();
                }
            }
        }
        Backing::Xks(settings) => {
            refuse_present(
                &[
                    ("KeyStorePassword", request.key_store_password.is_some()),
                    ("CloudHsmClusterId", request.cloud_hsm_cluster_id.is_some()),
                ],
                "EXTERNAL_KEY_STORE",
            )?;
            if !disconnected {
                for (member, present) in [
                    (
                        "XksProxyUriEndpoint",
                        request.xks_proxy_uri_endpoint.is_some(),
                    ),
                    (
                        "XksProxyVpcEndpointServiceName",
                        request.xks_proxy_vpc_endpoint_service_name.is_some(),
                    ),
                    (
                        "XksProxyVpcEndpointServiceOwner",
                        request.xks_proxy_vpc_endpoint_service_owner.is_some(),
                    ),
                    (
                        "XksProxyConnectivity",
                        request.xks_proxy_connectivity.is_some(),
                    ),
                ] {
                    if present {
                        return Err(invalid_state(
                            store,
                            &format!("{member} can change only while it is DISCONNECTED"),
                        ));
                    }
                }
            }
            let before = settings.clone();
            if let Some(value) = &request.xks_proxy_connectivity {
                settings.connectivity = connectivity(Some(value))?;
            }
            if let Some(value) = &request.xks_proxy_uri_endpoint {
                settings.uri_endpoint = value.clone();
            }
            if let Some(value) = &request.xks_proxy_uri_path {
                settings.uri_path = value.clone();
            }
            if let Some(credential) = &request.xks_proxy_authentication_credential {
                settings.access_key_id = credential.access_key_id.clone();
                settings.raw_secret_access_key = credential.raw_secret_access_key.clone();
            }
            match settings.connectivity {
                Connectivity::PublicEndpoint => {
                    if request.xks_proxy_vpc_endpoint_service_name.is_some()
                        || request.xks_proxy_vpc_endpoint_service_owner.is_some()
                    {
                        return Err(invalid(
                            "XksProxyVpcEndpointService members are not valid for PUBLIC_ENDPOINT connectivity",
                        ));
                    }
                    settings.vpc_endpoint_service_name = None;
                    settings.vpc_endpoint_service_owner = None;
                }
                Connectivity::VpcEndpointService => {
                    if let Some(name) = &request.xks_proxy_vpc_endpoint_service_name {
                        settings.vpc_endpoint_service_name = Some(name.clone());
                    }
                    if let Some(owner) = &request.xks_proxy_vpc_endpoint_service_owner {
                        settings.vpc_endpoint_service_owner = Some(owner.clone());
                    }
                    if settings.vpc_endpoint_service_name.is_none() {
                        return Err(invalid(
                            "XksProxyVpcEndpointServiceName is required for VPC_ENDPOINT_SERVICE connectivity",
                        ));
                    }
                    if settings.vpc_endpoint_service_owner.is_none() {
                        settings.vpc_endpoint_service_owner = Some(config.account_id.clone());
                    }
                }
            }
            xks_is_free(registry, config, settings, Some(&store.id))?;
            health_check =
                settings.connectivity == Connectivity::PublicEndpoint && *settings != before;
        }
    }
    Ok(UpdatePlan {
        store: next,
        health_check,
    })
}

/// `CloudHsmClusterNotFoundException` for an unknown cluster; `CloudHsmClusterNotRelatedException`
/// unless both clusters have the same backup lineage.
fn related(registry: &Registry, current: &str, new: &str) -> Result<(), Rejection> {
    let Some(cluster) = registry.clusters.get(new) else {
        return Err(Rejection::new(
            Exception::CloudHsmClusterNotFoundException,
            format!("CloudHSM cluster {new} was not found"),
        ));
    };
    let current_lineage = registry
        .clusters
        .get(current)
        .and_then(|c| c.backup_lineage.as_ref());
    match (current_lineage, &cluster.backup_lineage) {
        (Some(a), Some(b)) if a == b => Ok(()),
        _ => Err(Rejection::new(
            Exception::CloudHsmClusterNotRelatedException,
            format!("CloudHSM cluster {new} is not related to {current}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::store::Change;
    use kms_api::types::XksProxyAuthenticationCredentialType;

    fn request(
        id: &str,
    ) -> kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreRequestBuilder {
        UpdateCustomKeyStoreRequest::builder().custom_key_store_id(id)
    }

    fn connect(registry: &mut Registry, id: &str) {
        let mut store = registry.stores[id].clone();
        store.state = ConnectionState::Connected;
        registry.apply(&Change::Put(store));
    }

    #[test]
    fn while_connected_only_the_name_changes_for_cloudhsm() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        connect(&mut registry, &id);
        let renamed = plan(
            &registry,
            &config,
            &request(&id).new_custom_key_store_name("b").build().unwrap(),
        )
        .unwrap();
        assert_eq!(renamed.store.name, "b");
        assert!(!renamed.health_check);
        let password = plan(
            &registry,
            &config,
            &request(&id).key_store_password("pw").build().unwrap(),
        );
        assert_eq!(
            password.unwrap_err().exception,
            Exception::CustomKeyStoreInvalidStateException
        );
    }

    #[test]
    fn while_connected_xks_credential_and_path_may_change() {
        let (mut registry, config) = world();
        let id = created(
            &mut registry,
            &config,
            &public_request("p", PUBLIC, "/a/kms/xks/v1"),
        );
        connect(&mut registry, &id);
        let credential = XksProxyAuthenticationCredentialType::builder()
            .access_key_id("ZYXWVUTSRQPONMLKJIHG")
            .raw_secret_access_key("anothersecretanothersecretanothersecret00")
            .build()
            .unwrap();
        let changed = plan(
            &registry,
            &config,
            &request(&id)
                .xks_proxy_authentication_credential(credential)
                .xks_proxy_uri_path("/b/kms/xks/v1")
                .build()
                .unwrap(),
        )
        .unwrap();
        assert!(changed.health_check);
        let endpoint = plan(
            &registry,
            &config,
            &request(&id)
                .xks_proxy_uri_endpoint("https://other.example.com")
                .build()
                .unwrap(),
        );
        assert_eq!(
            endpoint.unwrap_err().exception,
            Exception::CustomKeyStoreInvalidStateException
        );
    }

    #[test]
    fn a_new_cluster_must_be_related() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let unrelated = plan(
            &registry,
            &config,
            &request(&id)
                .cloud_hsm_cluster_id(CLUSTER_B)
                .build()
                .unwrap(),
        );
        assert_eq!(
            unrelated.unwrap_err().exception,
            Exception::CloudHsmClusterNotRelatedException
        );
        let unknown = plan(
            &registry,
            &config,
            &request(&id)
                .cloud_hsm_cluster_id("cluster-zzzzzzzzzzz")
                .build()
                .unwrap(),
        );
        assert_eq!(
            unknown.unwrap_err().exception,
            Exception::CloudHsmClusterNotFoundException
        );
        let related = plan(
            &registry,
            &config,
            &request(&id)
                .cloud_hsm_cluster_id(CLUSTER_A_RELATED)
                .build()
                .unwrap(),
        )
        .unwrap();
        let Backing::CloudHsm(settings) = related.store.backing else {
            panic!("CloudHSM")
        };
        assert_eq!(settings.cluster_id, CLUSTER_A_RELATED);
    }

    #[test]
    fn uniqueness_applies_without_the_store_itself() {
        let (mut registry, config) = world();
        let a = created(
            &mut registry,
            &config,
            &public_request("a", PUBLIC, "/a/kms/xks/v1"),
        );
        created(
            &mut registry,
            &config,
            &public_request("b", PUBLIC, "/b/kms/xks/v1"),
        );
        let taken = plan(
            &registry,
            &config,
            &request(&a).new_custom_key_store_name("b").build().unwrap(),
        );
        assert_eq!(
            taken.unwrap_err().exception,
            Exception::CustomKeyStoreNameInUseException
        );
        plan(
            &registry,
            &config,
            &request(&a).new_custom_key_store_name("a").build().unwrap(),
        )
        .unwrap();
        let path = plan(
            &registry,
            &config,
            &request(&a)
                .xks_proxy_uri_path("/b/kms/xks/v1")
                .build()
                .unwrap(),
        );
        assert_eq!(
            path.unwrap_err().exception,
            Exception::XksProxyUriInUseException
        );
    }

    #[test]
    fn members_of_the_other_type_are_invalid() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let wrong = plan(
            &registry,
            &config,
            &request(&id)
                .xks_proxy_uri_path("/kms/xks/v1")
                .build()
                .unwrap(),
        );
        assert_eq!(wrong.unwrap_err().exception, Exception::ValidationException);
    }
}
