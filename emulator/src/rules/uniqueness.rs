//! Checks that Create and Update share: unique names, usable clusters and XKS settings that
//! no other store holds.

use super::{Exception, Rejection};
use crate::config::Config;
use crate::store::{Backing, Connectivity, Registry, XksSettings};

/// Names are unique (the emulator is one account in one Region):
/// `CustomKeyStoreNameInUseException`, "the specified custom key store name is already
/// assigned to another custom key store in the account"
/// (<https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html#API_CreateCustomKeyStore_Errors>).
pub fn name_is_free(
    registry: &Registry,
    name: &str,
    except: Option<&str>,
) -> Result<(), Rejection> {
    match registry.by_name(name) {
        Some(store) if Some(store.id.as_str()) != except => Err(Rejection::new(
            Exception::CustomKeyStoreNameInUseException,
            format!(
                "The custom key store name {name} is already used by {}",
                store.id
            ),
        )),
        _ => Ok(()),
    }
}

/// The cluster checks of CreateCustomKeyStore, in the order the issue lists them: unknown,
/// in use (the same cluster, or one that shares its backup lineage), not active, fewer than
/// two active HSMs, another trust anchor. See the Errors section of
/// <https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html>:
/// `CloudHsmClusterInUseException` also covers "a cluster that shares a backup history",
/// and `CloudHsmClusterInvalidConfigurationException` "at least two active HSMs".
pub fn cluster_is_usable(
    registry: &Registry,
    cluster_id: &str,
    trust_anchor: Option<&str>,
    except: Option<&str>,
) -> Result<(), Rejection> {
    let Some(cluster) = registry.clusters.get(cluster_id) else {
        return Err(Rejection::new(
            Exception::CloudHsmClusterNotFoundException,
            format!("CloudHSM cluster {cluster_id} was not found"),
        ));
    };
    for store in registry.stores.values() {
        if Some(store.id.as_str()) == except {
            continue;
        }
        if let Backing::CloudHsm(settings) = &store.backing {
            let other = registry.clusters.get(&settings.cluster_id);
            let shares_lineage = match (
                other.and_then(|c| c.backup_lineage.as_ref()),
                &cluster.backup_lineage,
            ) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            };
            if settings.cluster_id == cluster_id || shares_lineage {
                return Err(Rejection::new(
                    Exception::CloudHsmClusterInUseException,
                    format!(
                        "CloudHSM cluster {cluster_id} (or a related cluster) is already associated with {}",
                        store.id
                    ),
                ));
            }
        }
    }
    cluster_is_active_with_two_hsms(registry, cluster_id)?;
    if let Some(anchor) = trust_anchor {
        if anchor != cluster.trust_anchor_certificate {
            return Err(Rejection::new(
                Exception::IncorrectTrustAnchorException,
                format!("The trust anchor certificate does not match cluster {cluster_id}'s"),
            ));
        }
    }
    Ok(())
}

/// Not `ACTIVE`: `CloudHsmClusterNotActiveException`; fewer than two active HSMs:
/// `CloudHsmClusterInvalidConfigurationException`
/// (<https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html#API_CreateCustomKeyStore_Errors>).
pub fn cluster_is_active_with_two_hsms(
    registry: &Registry,
    cluster_id: &str,
) -> Result<(), Rejection> {
    let Some(cluster) = registry.clusters.get(cluster_id) else {
        return Err(Rejection::new(
            Exception::CloudHsmClusterNotFoundException,
            format!("CloudHSM cluster {cluster_id} was not found"),
        ));
    };
    if cluster.state != "ACTIVE" {
        return Err(Rejection::new(
            Exception::CloudHsmClusterNotActiveException,
            format!(
                "CloudHSM cluster {cluster_id} is {}, not ACTIVE",
                cluster.state
            ),
        ));
    }
    if cluster.active_hsms < 2 {
        return Err(Rejection::new(
            Exception::CloudHsmClusterInvalidConfigurationException,
            format!(
                "CloudHSM cluster {cluster_id} has {} active HSMs; at least two are required",
                cluster.active_hsms
            ),
        ));
    }
    Ok(())
}

/// The XKS checks of CreateCustomKeyStore and UpdateCustomKeyStore
/// (<https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html#API_CreateCustomKeyStore_Errors>):
/// - `XksProxyUriInUseException`: "the concatenation of the XksProxyUriEndpoint and
///   XksProxyUriPath is already associated with an external key store";
/// - `XksProxyUriEndpointInUseException`: "the XksProxyUriEndpoint is already associated with
///   another external key store" (each VPC store needs an endpoint of its own, and a public
///   store may not take a VPC store's);
/// - `XksProxyVpcEndpointServiceInUseException`: "the specified Amazon VPC endpoint service
///   is already associated with another external key store";
/// - `XksProxyVpcEndpointServiceNotFoundException`: the service does not exist;
/// - `XksProxyVpcEndpointServiceInvalidConfigurationException`: the private DNS name is not
///   the endpoint, or the owner is not the service's.
pub fn xks_is_free(
    registry: &Registry,
    config: &Config,
    xks: &XksSettings,
    except: Option<&str>,
) -> Result<(), Rejection> {
    let endpoint = xks.uri_endpoint.trim_end_matches('/');
    let others = registry
        .stores
        .values()
        .filter(|store| Some(store.id.as_str()) != except);
    for store in others {
        let Backing::Xks(other) = &store.backing else {
            continue;
        };
        let other_endpoint = other.uri_endpoint.trim_end_matches('/');
        if other_endpoint == endpoint && other.uri_path == xks.uri_path {
            return Err(Rejection::new(
                Exception::XksProxyUriInUseException,
                format!("{endpoint}{} is already used by {}", xks.uri_path, store.id),
            ));
        }
        let either_is_vpc = other.connectivity == Connectivity::VpcEndpointService
            || xks.connectivity == Connectivity::VpcEndpointService;
        if other_endpoint == endpoint && either_is_vpc {
            return Err(Rejection::new(
                Exception::XksProxyUriEndpointInUseException,
                format!("{endpoint} is already the endpoint of {}", store.id),
            ));
        }
        if xks.connectivity == Connectivity::VpcEndpointService
            && other.vpc_endpoint_service_name.is_some()
            && other.vpc_endpoint_service_name == xks.vpc_endpoint_service_name
        {
            return Err(Rejection::new(
                Exception::XksProxyVpcEndpointServiceInUseException,
                format!(
                    "VPC endpoint service {} is already used by {}",
                    xks.vpc_endpoint_service_name.as_deref().unwrap_or_default(),
                    store.id
                ),
            ));
        }
    }
    if xks.connectivity == Connectivity::VpcEndpointService {
        let name = xks.vpc_endpoint_service_name.as_deref().unwrap_or_default();
        let Some(service) = config.vpc_service(name) else {
            return Err(Rejection::new(
                Exception::XksProxyVpcEndpointServiceNotFoundException,
                format!("VPC endpoint service {name} was not found"),
            ));
        };
        let owner = xks
            .vpc_endpoint_service_owner
            .as_deref()
            .unwrap_or(&config.account_id);
        if endpoint != format!("https://{}", service.private_dns_name) {
            return Err(Rejection::new(
                Exception::XksProxyVpcEndpointServiceInvalidConfigurationException,
                format!(
                    "The endpoint {endpoint} is not the private DNS name of {name} ({})",
                    service.private_dns_name
                ),
            ));
        }
        if owner != service.owner {
            return Err(Rejection::new(
                Exception::XksProxyVpcEndpointServiceInvalidConfigurationException,
                format!("VPC endpoint service {name} is not owned by {owner}"),
            ));
        }
    }
    Ok(())
}
