//! DisconnectCustomKeyStore and DeleteCustomKeyStore.

use super::{find, invalid_state, Exception, Rejection};
use crate::store::{ConnectionState, Registry, StoreRecord};

/// DisconnectCustomKeyStore
/// (<https://docs.aws.amazon.com/kms/latest/APIReference/API_DisconnectCustomKeyStore.html>):
/// a store that is `DISCONNECTED` or `DISCONNECTING` gives
/// `CustomKeyStoreInvalidStateException`; any other becomes `DISCONNECTED`, its connection
/// error cleared (a pending connection attempt is abandoned).
pub fn disconnect(registry: &Registry, id: &str) -> Result<StoreRecord, Rejection> {
    let store = find(registry, id)?;
    if matches!(
        store.state,
        ConnectionState::Disconnected | ConnectionState::Disconnecting
    ) {
        return Err(invalid_state(store, "it is not connected"));
    }
    let mut next = store.clone();
    next.state = ConnectionState::Disconnected;
    next.error_code = None;
    Ok(next)
}

/// DeleteCustomKeyStore
/// (<https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteCustomKeyStore.html>):
/// "Before you can delete a custom key store, you must ... disconnect the custom key store"
/// (`CustomKeyStoreInvalidStateException`, checked first) and "delete all KMS keys from the
/// key store" (`CustomKeyStoreHasCMKsException`).
pub fn delete(registry: &Registry, id: &str) -> Result<(), Rejection> {
    let store = find(registry, id)?;
    if store.state != ConnectionState::Disconnected {
        return Err(invalid_state(store, "disconnect it before deleting it"));
    }
    if store.kms_key_count > 0 {
        return Err(Rejection::new(
            Exception::CustomKeyStoreHasCmksException,
            format!(
                "Custom key store {id} still holds {} KMS keys",
                store.kms_key_count
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::store::Change;

    fn set_state(registry: &mut Registry, id: &str, state: ConnectionState) {
        let mut store = registry.stores[id].clone();
        store.state = state;
        store.error_code =
            (state == ConnectionState::Failed).then(|| "INVALID_CREDENTIALS".to_owned());
        registry.apply(&Change::Put(store));
    }

    #[test]
    fn disconnect_by_state() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        for state in [
            ConnectionState::Disconnected,
            ConnectionState::Disconnecting,
        ] {
            set_state(&mut registry, &id, state);
            assert_eq!(
                disconnect(&registry, &id).unwrap_err().exception,
                Exception::CustomKeyStoreInvalidStateException
            );
        }
        for state in [
            ConnectionState::Connected,
            ConnectionState::Connecting,
            ConnectionState::Failed,
        ] {
            set_state(&mut registry, &id, state);
            let next = disconnect(&registry, &id).unwrap();
            assert_eq!(next.state, ConnectionState::Disconnected);
            assert_eq!(next.error_code, None);
        }
    }

    #[test]
    fn delete_checks_state_first_then_keys() {
        let (mut registry, config) = world();
        let id = created(&mut registry, &config, &cloudhsm_request("a", CLUSTER_A));
        let mut store = registry.stores[&id].clone();
        store.kms_key_count = 2;
        store.state = ConnectionState::Connected;
        registry.apply(&Change::Put(store));
        assert_eq!(
            delete(&registry, &id).unwrap_err().exception,
            Exception::CustomKeyStoreInvalidStateException
        );
        set_state(&mut registry, &id, ConnectionState::Disconnected);
        assert_eq!(
            delete(&registry, &id).unwrap_err().exception,
            Exception::CustomKeyStoreHasCmksException
        );
        let mut store = registry.stores[&id].clone();
        store.kms_key_count = 0;
        registry.apply(&Change::Put(store));
        delete(&registry, &id).unwrap();
        assert_eq!(
            delete(&registry, "cks-nope").unwrap_err().exception,
            Exception::CustomKeyStoreNotFoundException
        );
    }
}
