//! The emulator's state behind a lock, and the six operations as async methods: each plans
//! with [`crate::rules`], runs the XKS health check (without the lock) when the rules ask
//! for one, then re-plans under the lock and makes the change durable before it answers.

use crate::config::Config;
use crate::durable::Wal;
use crate::rules::{self, connect::ConnectStart, Rejection};
use crate::store::{Backing, Change, ConnectionState, Registry, StoreRecord};
use kms_api::operations::{
    connect_custom_key_store as connect, create_custom_key_store as create,
    delete_custom_key_store as delete, describe_custom_key_stores as describe,
    disconnect_custom_key_store as disconnect, update_custom_key_store as update,
};
use std::sync::Arc;
use tokio::sync::Mutex;

/// Why an operation failed.
#[derive(Debug)]
pub enum Failure {
    /// The rules turned it down.
    Rejected(Rejection),
    /// The state could not be made durable (answered as a 500, nothing echoed).
    Internal(String),
}

impl From<Rejection> for Failure {
    fn from(rejection: Rejection) -> Self {
        Failure::Rejected(rejection)
    }
}

struct Locked {
    registry: Registry,
    wal: Option<Wal>,
}

struct Inner {
    config: Config,
    locked: Mutex<Locked>,
    marker_key: u64,
}

/// The emulator; cheap to clone.
#[derive(Clone)]
pub struct Emulator {
    inner: Arc<Inner>,
}

impl Emulator {
    /// Opens the state (replaying `--state` if given) and resumes the stores that were
    /// `CONNECTING`.
    pub fn open(config: Config, state: Option<&std::path::Path>) -> Result<Emulator, String> {
        let mut registry = Registry::new(&config);
        let mut wal = match state {
            Some(path) => Some(Wal::open(path, &mut registry, &config)?),
            None => None,
        };
        let connecting: Vec<(String, u64)> = registry
            .stores
            .values()
            .filter(|store| store.state == ConnectionState::Connecting)
            .map(|store| (store.id.clone(), store.attempt))
            .collect();
        // Markers stay valid across restarts with `--state`: the key is chosen once and kept.
        let marker_key = match registry.marker_key {
            Some(key) => key,
            None => {
                let key = u64::from_le_bytes(
                    uuid::Uuid::new_v4().as_bytes()[..8]
                        .try_into()
                        .unwrap_or_default(),
                );
                let change = Change::MarkerKey(key);
                if let Some(wal) = wal.as_mut() {
                    wal.append(std::slice::from_ref(&change))
                        .map_err(|error| format!("cannot write the state file: {error}"))?;
                }
                registry.apply(&change);
                key
            }
        };
        let emulator = Emulator {
            inner: Arc::new(Inner {
                config,
                locked: Mutex::new(Locked { registry, wal }),
                marker_key,
            }),
        };
        for (id, attempt) in connecting {
            emulator.spawn_settle(id, attempt);
        }
        Ok(emulator)
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Makes changes durable, then applies them.
    fn commit(&self, locked: &mut Locked, changes: Vec<Change>) -> Result<(), Failure> {
        if let Some(wal) = &mut locked.wal {
            wal.append(&changes).map_err(|error| {
                Failure::Internal(format!("cannot write the state file: {error}"))
            })?;
        }
        for change in &changes {
            locked.registry.apply(change);
        }
        if let Some(wal) = &mut locked.wal {
            wal.maybe_snapshot(&locked.registry, &self.inner.config)
                .map_err(Failure::Internal)?;
        }
        Ok(())
    }

    /// CreateCustomKeyStore.
    pub async fn create(
        &self,
        request: create::CreateCustomKeyStoreRequest,
    ) -> Result<create::CreateCustomKeyStoreResponse, Failure> {
        let config = &self.inner.config;
        let id = new_store_id();
        let now_ms = now_ms();
        let new = || rules::create::NewStore {
            id: id.clone(),
            now_ms,
        };
        let planned = rules::create::plan(
            &self.inner.locked.lock().await.registry,
            config,
            &request,
            new(),
        )?;
        if let Backing::Xks(settings) = &planned.backing {
            if settings.connectivity == crate::store::Connectivity::PublicEndpoint {
                let outcome =
                    crate::xks::health_check(config, settings, "CreateCustomKeyStore").await;
                if let Some(rejection) = outcome.rejection() {
                    return Err(rejection.into());
                }
            }
        }
        let mut locked = self.inner.locked.lock().await;
        let store = rules::create::plan(&locked.registry, config, &request, new())?;
        self.commit(&mut locked, vec![Change::Put(store)])?;
        Ok(create::CreateCustomKeyStoreResponse::builder()
            .custom_key_store_id(id)
            .build())
    }

    /// ConnectCustomKeyStore: answers at once; the attempt settles after `connect_delay_ms`.
    pub async fn connect(
        &self,
        request: connect::ConnectCustomKeyStoreRequest,
    ) -> Result<connect::ConnectCustomKeyStoreResponse, Failure> {
        let mut locked = self.inner.locked.lock().await;
        if let ConnectStart::Begin(store) =
            rules::connect::start(&locked.registry, &request.custom_key_store_id)?
        {
            let (id, attempt) = (store.id.clone(), store.attempt);
            self.commit(&mut locked, vec![Change::Put(*store)])?;
            self.spawn_settle(id, attempt);
        }
        Ok(connect::ConnectCustomKeyStoreResponse::builder().build())
    }

    fn spawn_settle(&self, id: String, attempt: u64) {
        let emulator = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(
                emulator.inner.config.connect_delay_ms,
            ))
            .await;
            if let Err(Failure::Internal(why)) = emulator.settle(&id, attempt).await {
                tracing::error!(store = %id, "connection attempt could not be recorded: {why}");
            }
        });
    }

    /// Ends a connection attempt: CloudHSM from the cluster as it is now, XKS from a health
    /// check.
    async fn settle(&self, id: &str, attempt: u64) -> Result<(), Failure> {
        let store: StoreRecord = match self.inner.locked.lock().await.registry.stores.get(id) {
            Some(store)
                if store.attempt == attempt && store.state == ConnectionState::Connecting =>
            {
                store.clone()
            }
            _ => return Ok(()),
        };
        let error = match &store.backing {
            Backing::CloudHsm(_) => None,
            Backing::Xks(settings) => {
                crate::xks::health_check(&self.inner.config, settings, "ConnectCustomKeyStore")
                    .await
                    .connection_error_code()
            }
        };
        let mut locked = self.inner.locked.lock().await;
        let error = match &store.backing {
            Backing::CloudHsm(_) => rules::connect::cloudhsm_outcome(&locked.registry, &store),
            Backing::Xks(_) => error,
        };
        if let Some(next) = rules::connect::settle(&locked.registry, id, attempt, error) {
            self.commit(&mut locked, vec![Change::Put(next)])?;
        }
        Ok(())
    }

    /// DisconnectCustomKeyStore.
    pub async fn disconnect(
        &self,
        request: disconnect::DisconnectCustomKeyStoreRequest,
    ) -> Result<disconnect::DisconnectCustomKeyStoreResponse, Failure> {
        let mut locked = self.inner.locked.lock().await;
        let store = rules::lifecycle::disconnect(&locked.registry, &request.custom_key_store_id)?;
        self.commit(&mut locked, vec![Change::Put(store)])?;
        Ok(disconnect::DisconnectCustomKeyStoreResponse::builder().build())
    }

    /// DeleteCustomKeyStore.
    pub async fn delete(
        &self,
        request: delete::DeleteCustomKeyStoreRequest,
    ) -> Result<delete::DeleteCustomKeyStoreResponse, Failure> {
        let mut locked = self.inner.locked.lock().await;
        rules::lifecycle::delete(&locked.registry, &request.custom_key_store_id)?;
        self.commit(
            &mut locked,
            vec![Change::Delete(request.custom_key_store_id.clone())],
        )?;
        Ok(delete::DeleteCustomKeyStoreResponse::builder().build())
    }

    /// UpdateCustomKeyStore.
    pub async fn update(
        &self,
        request: update::UpdateCustomKeyStoreRequest,
    ) -> Result<update::UpdateCustomKeyStoreResponse, Failure> {
        let config = &self.inner.config;
        let planned =
            rules::update::plan(&self.inner.locked.lock().await.registry, config, &request)?;
        if planned.health_check {
            if let Backing::Xks(settings) = &planned.store.backing {
                let outcome =
                    crate::xks::health_check(config, settings, "UpdateCustomKeyStore").await;
                if let Some(rejection) = outcome.rejection() {
                    return Err(rejection.into());
                }
            }
        }
        let mut locked = self.inner.locked.lock().await;
        let planned = rules::update::plan(&locked.registry, config, &request)?;
        self.commit(&mut locked, vec![Change::Put(planned.store)])?;
        Ok(update::UpdateCustomKeyStoreResponse::builder().build())
    }

    /// DescribeCustomKeyStores.
    pub async fn describe(
        &self,
        request: describe::DescribeCustomKeyStoresRequest,
    ) -> Result<describe::DescribeCustomKeyStoresResponse, Failure> {
        let locked = self.inner.locked.lock().await;
        Ok(rules::describe::describe(
            &locked.registry,
            &request,
            self.inner.marker_key,
        )?)
    }

    /// Control API: changes a cluster's state, HSM count or `kmsuser` password; `None` for
    /// an unknown cluster.
    pub async fn set_cluster(
        &self,
        cluster_id: &str,
        patch: ClusterPatch,
    ) -> Result<Option<crate::config::Cluster>, Failure> {
        let mut locked = self.inner.locked.lock().await;
        let Some(mut cluster) = locked.registry.clusters.get(cluster_id).cloned() else {
            return Ok(None);
        };
        if let Some(state) = patch.state {
            cluster.state = state;
        }
        if let Some(count) = patch.active_hsms {
            cluster.active_hsms = count;
        }
        if let Some(password) = patch.kmsuser_password {
            cluster.kmsuser_password = password;
        }
        self.commit(&mut locked, vec![Change::Cluster(cluster.clone())])?;
        Ok(Some(cluster))
    }

    /// Control API: sets how many KMS keys a store holds; `None` for an unknown store.
    pub async fn set_kms_key_count(
        &self,
        id: &str,
        count: u64,
    ) -> Result<Option<StoreRecord>, Failure> {
        let mut locked = self.inner.locked.lock().await;
        let Some(mut store) = locked.registry.stores.get(id).cloned() else {
            return Ok(None);
        };
        store.kms_key_count = count;
        self.commit(&mut locked, vec![Change::Put(store.clone())])?;
        Ok(Some(store))
    }

    /// Waits until no operation holds the state (every acknowledged change is already on
    /// disk; this only lets in-flight writes finish).
    pub async fn flush(&self) {
        drop(self.inner.locked.lock().await);
    }
}

/// The body of `PUT /_emulator/cloudhsm-clusters/{cluster_id}`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClusterPatch {
    /// `ACTIVE`, `UNINITIALIZED`, ...
    pub state: Option<String>,
    /// Active HSMs.
    pub active_hsms: Option<u32>,
    /// The `kmsuser` password.
    pub kmsuser_password: Option<String>,
}

/// `cks-` followed by 17 lowercase hex digits (the `CustomKeyStoreId` format shown
/// throughout the API reference, for example `cks-1234567890abcdef0`).
pub fn new_store_id() -> String {
    let hex = uuid::Uuid::new_v4().simple().to_string();
    format!("cks-{}", hex.get(..17).unwrap_or(&hex))
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
