//! ConnectCustomKeyStore
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_ConnectCustomKeyStore.html>):
//! the call starts the connection and answers at once; the store is `CONNECTING` until the
//! attempt settles as `CONNECTED` or `FAILED`.

use super::{find, invalid_state, Rejection};
use crate::store::{Backing, ConnectionState, Registry, StoreRecord};

/// What a Connect request does.
#[derive(Debug, PartialEq, Eq)]
pub enum ConnectStart {
    /// `CONNECTED` or `CONNECTING` already: "If the custom key store is already connected
    /// ... the operation succeeds" with no change.
    Nothing,
    /// The store as it becomes: `CONNECTING`, with a new attempt number.
    Begin(Box<StoreRecord>),
}

/// Checks a Connect request.
///
/// - `FAILED` or `DISCONNECTING`: `CustomKeyStoreInvalidStateException` ("You requested the
///   ConnectCustomKeyStore operation on a custom key store with a ConnectionState of
///   DISCONNECTING or FAILED. This operation is valid for all other ConnectionState values").
/// - CloudHSM, checked at once: the cluster must be `ACTIVE`
///   (`CloudHsmClusterNotActiveException`).
pub fn start(registry: &Registry, id: &str) -> Result<ConnectStart, Rejection> {
    let store = find(registry, id)?;
    match store.state {
        ConnectionState::Failed | ConnectionState::Disconnecting => {
            return Err(invalid_state(
                store,
                "disconnect it before connecting again",
            ))
        }
        ConnectionState::Connected | ConnectionState::Connecting => {
            return Ok(ConnectStart::Nothing)
        }
        ConnectionState::Disconnected => {}
    }
    if let Backing::CloudHsm(settings) = &store.backing {
        if let Some(cluster) = registry.clusters.get(&settings.cluster_id) {
            if cluster.state != "ACTIVE" {
                return Err(Rejection::new(
                    super::Exception::CloudHsmClusterNotActiveException,
                    format!(
                        "CloudHSM cluster {} is {}, not ACTIVE",
                        cluster.cluster_id, cluster.state
                    ),
                ));
            }
        }
    }
    let mut next = store.clone();
    next.state = ConnectionState::Connecting;
    next.error_code = None;
    next.attempt += 1;
    Ok(ConnectStart::Begin(Box::new(next)))
}

/// How a CloudHSM store's attempt ends, from the cluster as it is when the delay is over:
/// cluster gone `CLUSTER_NOT_FOUND`, no active HSM `INSUFFICIENT_CLOUDHSM_HSMS` ("the
/// cluster must contain at least one active HSM"), password not the `kmsuser` password
/// `INVALID_CREDENTIALS` (see `ConnectionErrorCode` in
/// <https://docs.aws.amazon.com/kms/latest/APIReference/API_CustomKeyStoresListEntry.html>).
pub fn cloudhsm_outcome(registry: &Registry, store: &StoreRecord) -> Option<&'static str> {
    let Backing::CloudHsm(settings) = &store.backing else {
        return None;
    };
    match registry.clusters.get(&settings.cluster_id) {
        None => Some("CLUSTER_NOT_FOUND"),
        Some(cluster) if cluster.active_hsms == 0 => Some("INSUFFICIENT_CLOUDHSM_HSMS"),
        Some(cluster) if cluster.kmsuser_password != settings.key_store_password => {
            Some("INVALID_CREDENTIALS")
        }
        Some(_) => None,
    }
}

/// The store once attempt `attempt` settles with `error` (`None`: connected); `None` when
/// the store has moved on (deleted, disconnected, or a later attempt).
pub fn settle(
    registry: &Registry,
    id: &str,
    attempt: u64,
    error: Option<&str>,
) -> Option<StoreRecord> {
    let store = registry.stores.get(id)?;
    if store.state != ConnectionState::Connecting || store.attempt != attempt {
        return None;
    }
    let mut next = store.clone();
    match error {
        None => next.state = ConnectionState::Connected,
        Some(code) => {
            next.state = ConnectionState::Failed;
            next.error_code = Some(code.to_owned());
        }
    }
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::store::Change;

    fn begin(registry: &mut Registry, id: &str) -> StoreRecord {
        let ConnectStart::Begin(next) = start(registry, id).unwrap() else {
            panic!("begins")
        };
        registry.apply(&Change::Put((*next).clone()));
        *next
    }

    #[test]
    fn connecting_then_connected() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let next = begin(&mut registry, &id);
        assert_eq!(next.state, ConnectionState::Connecting);
        assert_eq!(start(&registry, &id).unwrap(), ConnectStart::Nothing);
        assert_eq!(cloudhsm_outcome(&registry, &next), None);
        let done = settle(&registry, &id, next.attempt, None).unwrap();
        assert_eq!(done.state, ConnectionState::Connected);
        registry.apply(&Change::Put(done));
        assert_eq!(start(&registry, &id).unwrap(), ConnectStart::Nothing);
    }

    #[test]
    fn failed_and_disconnecting_are_invalid_states() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        for state in [ConnectionState::Failed, ConnectionState::Disconnecting] {
            let mut store = registry.stores[&id].clone();
            store.state = state;
            registry.apply(&Change::Put(store));
            assert_eq!(
                start(&registry, &id).unwrap_err().exception,
                super::super::Exception::CustomKeyStoreInvalidStateException
            );
        }
    }

    #[test]
    fn unknown_id() {
        let (registry, _) = world();
        assert_eq!(
            start(&registry, "cks-00000000000000000")
                .unwrap_err()
                .exception,
            super::super::Exception::CustomKeyStoreNotFoundException
        );
    }

    #[test]
    fn cloudhsm_outcomes() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let store = registry.stores[&id].clone();
        let mut cluster = registry.clusters[CLUSTER_A].clone();
        cluster.kmsuser_password = "changed".to_owned();
        registry.apply(&Change::Cluster(cluster.clone()));
        assert_eq!(
            cloudhsm_outcome(&registry, &store),
            Some("INVALID_CREDENTIALS")
        );
        cluster.active_hsms = 0;
        registry.apply(&Change::Cluster(cluster.clone()));
        assert_eq!(
            cloudhsm_outcome(&registry, &store),
            Some("INSUFFICIENT_CLOUDHSM_HSMS")
        );
        registry.clusters.remove(CLUSTER_A);
        assert_eq!(
            cloudhsm_outcome(&registry, &store),
            Some("CLUSTER_NOT_FOUND")
        );
        cluster.state = "UNINITIALIZED".to_owned();
        registry.apply(&Change::Cluster(cluster));
        assert_eq!(
            start(&registry, &id).unwrap_err().exception,
            super::super::Exception::CloudHsmClusterNotActiveException
        );
    }

    #[test]
    fn a_stale_attempt_settles_nothing() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let first = begin(&mut registry, &id);
        let mut store = registry.stores[&id].clone();
        store.state = ConnectionState::Disconnected;
        registry.apply(&Change::Put(store));
        let second = begin(&mut registry, &id);
        assert!(settle(&registry, &id, first.attempt, None).is_none());
        let failed = settle(&registry, &id, second.attempt, Some("INVALID_CREDENTIALS")).unwrap();
        assert_eq!(failed.state, ConnectionState::Failed);
        assert_eq!(failed.error_code.as_deref(), Some("INVALID_CREDENTIALS"));
    }
}
