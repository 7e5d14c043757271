//! DescribeCustomKeyStores
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeCustomKeyStores.html>).

use super::{invalid, Exception, Rejection};
use crate::store::{Backing, Connectivity, Registry, StoreRecord};
use kms_api::operations::describe_custom_key_stores::{
    DescribeCustomKeyStoresRequest, DescribeCustomKeyStoresResponse,
};
use kms_api::primitives::DateTime;
use kms_api::types::{
    ConnectionErrorCodeType, ConnectionStateType, CustomKeyStoreType, CustomKeyStoresListEntry,
    XksProxyConfigurationType, XksProxyConnectivityType,
};
use std::hash::{Hash, Hasher};

/// One page of stores.
///
/// - `CustomKeyStoreId` or `CustomKeyStoreName` filters; an unknown one is
///   `CustomKeyStoreNotFoundException` ("KMS cannot find a custom key store with the
///   specified key store name or ID").
/// - Entries come in creation order; `Limit` is 1..1000 (the model's range; by default
///   every store); `Marker` is what a previous page's `NextMarker` gave, and anything else is
///   `InvalidMarkerException`.
/// - `Truncated` is always present; `NextMarker` only when it is true.
///
/// `marker_key` makes markers unforgeable: a marker is the next entry's creation number and
/// a keyed hash of it.
pub fn describe(
    registry: &Registry,
    request: &DescribeCustomKeyStoresRequest,
    marker_key: u64,
) -> Result<DescribeCustomKeyStoresResponse, Rejection> {
    let limit = match request.limit {
        None => 1000,
        Some(limit @ 1..=1000) => limit as usize,
        Some(other) => {
            return Err(invalid(format!(
                "Limit must be between 1 and 1000, not {other}"
            )))
        }
    };
    let from = match &request.marker {
        None => 0,
        Some(marker) => read_marker(marker, marker_key).ok_or_else(|| {
            Rejection::new(
                Exception::InvalidMarkerException,
                "The marker was not issued by this service",
            )
        })?,
    };
    let stores: Vec<&StoreRecord> = registry
        .in_creation_order()
        .into_iter()
        .filter(|store| {
            request
                .custom_key_store_id
                .as_ref()
                .is_none_or(|id| *id == store.id)
        })
        .filter(|store| {
            request
                .custom_key_store_name
                .as_ref()
                .is_none_or(|name| *name == store.name)
        })
        .collect();
    if stores.is_empty()
        && (request.custom_key_store_id.is_some() || request.custom_key_store_name.is_some())
    {
        let what = request
            .custom_key_store_id
            .as_ref()
            .or(request.custom_key_store_name.as_ref());
        return Err(Rejection::new(
            Exception::CustomKeyStoreNotFoundException,
            format!(
                "Custom key store {} was not found",
                what.map(String::as_str).unwrap_or_default()
            ),
        ));
    }
    let mut remaining = stores.into_iter().filter(|store| store.seq >= from);
    let page: Vec<CustomKeyStoresListEntry> = remaining.by_ref().take(limit).map(entry).collect();
    let next = remaining.next();
    let mut response = DescribeCustomKeyStoresResponse::builder()
        .custom_key_stores(page)
        .truncated(next.is_some());
    if let Some(next) = next {
        response = response.next_marker(write_marker(next.seq, marker_key));
    }
    Ok(response.build())
}

fn tag(seq: u64, key: u64) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (key, seq, "kms-emulator marker").hash(&mut hasher);
    hasher.finish()
}

fn write_marker(seq: u64, key: u64) -> String {
    format!("{seq:016x}{:016x}", tag(seq, key))
}

fn read_marker(marker: &str, key: u64) -> Option<u64> {
    if marker.len() != 32
        || !marker
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    {
        return None;
    }
    let seq = u64::from_str_radix(marker.get(..16)?, 16).ok()?;
    let tagged = u64::from_str_radix(marker.get(16..)?, 16).ok()?;
    (tagged == tag(seq, key)).then_some(seq)
}

/// One entry, with only the members of the store's type: "This field appears only when the
/// CustomKeyStoreType is AWS_CLOUDHSM" (or `EXTERNAL_KEY_STORE`), and `ConnectionErrorCode`
/// "only when the ConnectionState is FAILED"
/// (<https://docs.aws.amazon.com/kms/latest/APIReference/API_CustomKeyStoresListEntry.html>).
/// The password and the raw secret access key are never returned.
pub fn entry(store: &StoreRecord) -> CustomKeyStoresListEntry {
    let mut entry = CustomKeyStoresListEntry::builder()
        .custom_key_store_id(store.id.clone())
        .custom_key_store_name(store.name.clone())
        .connection_state(ConnectionStateType::from(store.state.as_str()))
        .creation_date(DateTime::from_millis(store.created_ms));
    if let Some(code) = &store.error_code {
        entry = entry.connection_error_code(ConnectionErrorCodeType::from(code.as_str()));
    }
    match &store.backing {
        Backing::CloudHsm(settings) => entry
            .custom_key_store_type(CustomKeyStoreType::AwsCloudhsm)
            .cloud_hsm_cluster_id(settings.cluster_id.clone())
            .trust_anchor_certificate(settings.trust_anchor_certificate.clone())
            .build(),
        Backing::Xks(settings) => {
            let mut configuration = XksProxyConfigurationType::builder()
                .connectivity(match settings.connectivity {
                    Connectivity::PublicEndpoint => XksProxyConnectivityType::PublicEndpoint,
                    Connectivity::VpcEndpointService => {
                        XksProxyConnectivityType::VpcEndpointService
                    }
                })
                .access_key_id(settings.access_key_id.clone())
                .uri_endpoint(settings.uri_endpoint.clone())
                .uri_path(settings.uri_path.clone());
            if let Some(name) = &settings.vpc_endpoint_service_name {
                configuration = configuration.vpc_endpoint_service_name(name.clone());
            }
            if let Some(owner) = &settings.vpc_endpoint_service_owner {
                configuration = configuration.vpc_endpoint_service_owner(owner.clone());
            }
            entry
                .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
                .xks_proxy_configuration(configuration.build())
                .build()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    const KEY: u64 = 42;

    fn page(
        registry: &Registry,
        limit: i32,
        marker: Option<String>,
    ) -> DescribeCustomKeyStoresResponse {
        let mut request = DescribeCustomKeyStoresRequest::builder()
            .limit(limit)
            .build();
        request.marker = marker;
        describe(registry, &request, KEY).unwrap()
    }

    fn ids(response: &DescribeCustomKeyStoresResponse) -> Vec<String> {
        response
            .custom_key_stores
            .iter()
            .flatten()
            .map(|entry| entry.custom_key_store_id.clone().unwrap())
            .collect()
    }

    #[test]
    fn pages_in_creation_order() {
        let (mut registry, config) = world();
        let a = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let b = created(&mut registry, &config, &cloudhsm_request("b", CLUSTER_B));
        let c = created(
            &mut registry,
            &config,
            &public_request("c", PUBLIC, "/kms/xks/v1"),
        );
        let first = page(&registry, 2, None);
        assert_eq!(ids(&first), [a, b]);
        assert!(first.truncated);
        let second = page(&registry, 2, first.next_marker.clone());
        assert_eq!(ids(&second), [c]);
        assert!(!second.truncated);
        assert_eq!(second.next_marker, None);
    }

    #[test]
    fn markers_we_did_not_issue_are_refused() {
        let (registry, _) = world();
        for marker in [
            "",
            "abc",
            "00000000000000010000000000000000",
            &write_marker(1, KEY + 1),
        ] {
            let mut request = DescribeCustomKeyStoresRequest::builder().build();
            request.marker = Some(marker.to_owned());
            let rejection = describe(&registry, &request, KEY).unwrap_err();
            assert_eq!(
                rejection.exception,
                Exception::InvalidMarkerException,
                "{marker}"
            );
        }
    }

    #[test]
    fn filters_and_unknown_filters() {
        let (mut registry, config) = world();
        created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let b = created(&mut registry, &config, &cloudhsm_request("b", CLUSTER_B));
        let by_name = DescribeCustomKeyStoresRequest::builder()
            .custom_key_store_name("b")
            .build();
        assert_eq!(
            ids(&describe(&registry, &by_name, KEY).unwrap()),
            std::slice::from_ref(&b)
        );
        let by_id = DescribeCustomKeyStoresRequest::builder()
            .custom_key_store_id(b.clone())
            .build();
        assert_eq!(ids(&describe(&registry, &by_id, KEY).unwrap()), [b]);
        let unknown = DescribeCustomKeyStoresRequest::builder()
            .custom_key_store_name("zzz")
            .build();
        assert_eq!(
            describe(&registry, &unknown, KEY).unwrap_err().exception,
            Exception::CustomKeyStoreNotFoundException
        );
    }

    #[test]
    fn entries_hold_only_their_type_and_no_secrets() {
        let (mut registry, config) = world();
        let a = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let x = created(
            &mut registry,
            &config,
            &public_request("x", PUBLIC, "/kms/xks/v1"),
        );
        let hsm = entry(&registry.stores[&a]);
        assert!(hsm.xks_proxy_configuration.is_none());
        assert_eq!(hsm.cloud_hsm_cluster_id.as_deref(), Some(CLUSTER_A));
        assert_eq!(hsm.connection_error_code, None);
        let xks = entry(&registry.stores[&x]);
        assert!(xks.cloud_hsm_cluster_id.is_none() && xks.trust_anchor_certificate.is_none());
        let configuration = xks.xks_proxy_configuration.unwrap();
        assert_eq!(configuration.vpc_endpoint_service_name, None);
        assert_eq!(
            configuration.access_key_id.as_deref(),
            Some("ABCDEFGHIJKLMNOPQRST")
        );
    }
}
