//! What the emulator remembers about one custom key store, and the registry of all of them.
//! Records are plain data (serde) so that the write-ahead log can hold them as they are.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `ConnectionState`, as the `CustomKeyStoresListEntry` documentation lists it
/// (<https://docs.aws.amazon.com/kms/latest/APIReference/API_CustomKeyStoresListEntry.html>).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ConnectionState {
    /// Connected to its backing key store.
    Connected,
    /// A connection attempt is under way.
    Connecting,
    /// Not connected (the state of a new store).
    Disconnected,
    /// Being disconnected.
    Disconnecting,
    /// The last connection attempt failed; `ConnectionErrorCode` says why.
    Failed,
}

impl ConnectionState {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionState::Connected => "CONNECTED",
            ConnectionState::Connecting => "CONNECTING",
            ConnectionState::Disconnected => "DISCONNECTED",
            ConnectionState::Disconnecting => "DISCONNECTING",
            ConnectionState::Failed => "FAILED",
        }
    }
}

/// The settings of a CloudHSM key store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudHsmSettings {
    /// The associated cluster.
    pub cluster_id: String,
    /// The trust anchor certificate presented at creation.
    pub trust_anchor_certificate: String,
    /// The `kmsuser` password (never returned).
    pub key_store_password: String,
}

/// How KMS reaches an external key store proxy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Connectivity {
    /// Over the internet, at `XksProxyUriEndpoint`.
    PublicEndpoint,
    /// Through a VPC endpoint service.
    VpcEndpointService,
}

impl Connectivity {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Connectivity::PublicEndpoint => "PUBLIC_ENDPOINT",
            Connectivity::VpcEndpointService => "VPC_ENDPOINT_SERVICE",
        }
    }
}

/// The settings of an external key store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct XksSettings {
    /// Public endpoint or VPC endpoint service.
    pub connectivity: Connectivity,
    /// `https://host[:port]`
    pub uri_endpoint: String,
    /// `/.../kms/xks/v1`
    pub uri_path: String,
    /// The VPC endpoint service, for VPC connectivity.
    pub vpc_endpoint_service_name: Option<String>,
    /// Its owner, for VPC connectivity (defaults to the account).
    pub vpc_endpoint_service_owner: Option<String>,
    /// The proxy authentication credential's access key id.
    pub access_key_id: String,
    /// Its secret (never returned).
    pub raw_secret_access_key: String,
}

/// Which kind of backing key store, with its settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Backing {
    /// `AWS_CLOUDHSM`
    CloudHsm(CloudHsmSettings),
    /// `EXTERNAL_KEY_STORE`
    Xks(XksSettings),
}

/// One custom key store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreRecord {
    /// `cks-` and 17 lowercase hex digits.
    pub id: String,
    /// Unique within the emulator.
    pub name: String,
    /// Creation time, milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// Creation order (entries are described in it).
    pub seq: u64,
    /// The connection state.
    pub state: ConnectionState,
    /// Why the last connection failed (`FAILED` only).
    pub error_code: Option<String>,
    /// Counts connection attempts, so that a timer from an attempt that a disconnect
    /// ended does not settle a later one.
    pub attempt: u64,
    /// How many KMS keys the store holds (set through the control API).
    pub kms_key_count: u64,
    /// The type and its settings.
    pub backing: Backing,
}

/// Every store and the run-time cluster records, in memory.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    /// Stores by id.
    pub stores: BTreeMap<String, StoreRecord>,
    /// Clusters as the control API last set them (overrides of the config's records).
    pub clusters: BTreeMap<String, crate::config::Cluster>,
    /// The next creation sequence number.
    pub next_seq: u64,
    /// The key that signs `DescribeCustomKeyStores` markers: random when first needed, and
    /// kept in the state file, so that a marker still reads after a restart.
    pub marker_key: Option<u64>,
}

impl Registry {
    /// A registry whose clusters are the configured ones.
    pub fn new(config: &crate::config::Config) -> Registry {
        let clusters = config
            .cloudhsm_clusters
            .iter()
            .map(|cluster| (cluster.cluster_id.clone(), cluster.clone()))
            .collect();
        Registry {
            stores: BTreeMap::new(),
            clusters,
            next_seq: 0,
            marker_key: None,
        }
    }

    /// Stores in creation order.
    pub fn in_creation_order(&self) -> Vec<&StoreRecord> {
        let mut stores: Vec<&StoreRecord> = self.stores.values().collect();
        stores.sort_by_key(|store| store.seq);
        stores
    }

    /// A store by name.
    pub fn by_name(&self, name: &str) -> Option<&StoreRecord> {
        self.stores.values().find(|store| store.name == name)
    }

    /// Applies one change (the unit the write-ahead log records).
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Put(store) => {
                self.next_seq = self.next_seq.max(store.seq + 1);
                self.stores.insert(store.id.clone(), store.clone());
            }
            Change::Delete(id) => {
                self.stores.remove(id);
            }
            Change::Cluster(cluster) => {
                self.clusters
                    .insert(cluster.cluster_id.clone(), cluster.clone());
            }
            Change::MarkerKey(key) => self.marker_key = Some(*key),
        }
    }
}

/// One durable change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// A store was created or changed: its whole new record.
    Put(StoreRecord),
    /// A store was deleted.
    Delete(String),
    /// The control API changed a cluster: its whole new record.
    Cluster(crate::config::Cluster),
    /// The key that signs Describe markers was chosen.
    MarkerKey(u64),
}
