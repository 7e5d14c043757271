//! Random inputs of the six operations. Each is one description, built into our input and
//! the peer's through their typed builders (never through our crate's serde `Deserialize`).

use super::enums::{self, Paired};
use super::strings;
use aws_sdk_kms::operation as theirs;
use aws_sdk_kms::types as their_types;
use kms_api::operations as ours;
use kms_api::types as our_types;
use proptest::prelude::*;
use std::fmt::Debug;

/// Whether every member keeps the model's constraints (our input then goes through
/// `serialize_request`, which validates) or any member may break them
/// (`serialize_request_unchecked`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checks {
    /// Valid for the model: our crate must accept it.
    Valid,
    /// Possibly invalid: serialized without validation.
    Unchecked,
}

impl Checks {
    /// A string member: valid for its shape, or, when unchecked, sometimes anything at all.
    fn string(self, valid: &'static str) -> BoxedStrategy<String> {
        match self {
            Checks::Valid => valid.boxed(),
            Checks::Unchecked => prop_oneof![valid, strings::WILD].boxed(),
        }
    }

    fn limit(self) -> BoxedStrategy<i32> {
        match self {
            Checks::Valid => strings::LIMIT.boxed(),
            Checks::Unchecked => prop_oneof![strings::LIMIT, any::<i32>()].boxed(),
        }
    }
}

fn checks() -> impl Strategy<Value = Checks> {
    prop_oneof![6 => Just(Checks::Valid), 1 => Just(Checks::Unchecked)]
}

/// An optional member: set 70% of the time.
fn optional<S: Strategy>(member: S) -> impl Strategy<Value = Option<S::Value>>
where
    S::Value: Debug,
{
    proptest::option::weighted(0.7, member)
}

/// The input of `ConnectCustomKeyStore`, `DeleteCustomKeyStore` and
/// `DisconnectCustomKeyStore`: a `CustomKeyStoreId`.
#[derive(Clone, Debug)]
pub struct StoreId {
    pub checks: Checks,
    pub custom_key_store_id: String,
}

pub fn store_id() -> impl Strategy<Value = StoreId> {
    checks().prop_flat_map(|checks| {
        checks
            .string(strings::CUSTOM_KEY_STORE_ID)
            .prop_map(move |custom_key_store_id| StoreId {
                checks,
                custom_key_store_id,
            })
    })
}

impl StoreId {
    pub fn ours_connect(&self) -> ours::connect_custom_key_store::ConnectCustomKeyStoreRequest {
        ours::connect_custom_key_store::ConnectCustomKeyStoreRequest::builder()
            .custom_key_store_id(&self.custom_key_store_id)
            .build()
            .expect("CustomKeyStoreId is set")
    }

    pub fn theirs_connect(&self) -> theirs::connect_custom_key_store::ConnectCustomKeyStoreInput {
        theirs::connect_custom_key_store::ConnectCustomKeyStoreInput::builder()
            .custom_key_store_id(&self.custom_key_store_id)
            .build()
            .expect("the peer's input builder checks nothing")
    }

    pub fn ours_delete(&self) -> ours::delete_custom_key_store::DeleteCustomKeyStoreRequest {
        ours::delete_custom_key_store::DeleteCustomKeyStoreRequest::builder()
            .custom_key_store_id(&self.custom_key_store_id)
            .build()
            .expect("CustomKeyStoreId is set")
    }

    pub fn theirs_delete(&self) -> theirs::delete_custom_key_store::DeleteCustomKeyStoreInput {
        theirs::delete_custom_key_store::DeleteCustomKeyStoreInput::builder()
            .custom_key_store_id(&self.custom_key_store_id)
            .build()
            .expect("the peer's input builder checks nothing")
    }

    pub fn ours_disconnect(
        &self,
    ) -> ours::disconnect_custom_key_store::DisconnectCustomKeyStoreRequest {
        ours::disconnect_custom_key_store::DisconnectCustomKeyStoreRequest::builder()
            .custom_key_store_id(&self.custom_key_store_id)
            .build()
            .expect("CustomKeyStoreId is set")
    }

    pub fn theirs_disconnect(
        &self,
    ) -> theirs::disconnect_custom_key_store::DisconnectCustomKeyStoreInput {
        theirs::disconnect_custom_key_store::DisconnectCustomKeyStoreInput::builder()
            .custom_key_store_id(&self.custom_key_store_id)
            .build()
            .expect("the peer's input builder checks nothing")
    }
}

/// The input of `DescribeCustomKeyStores`.
#[derive(Clone, Debug)]
pub struct Describe {
    pub checks: Checks,
    pub custom_key_store_id: Option<String>,
    pub custom_key_store_name: Option<String>,
    pub limit: Option<i32>,
    pub marker: Option<String>,
}

pub fn describe() -> impl Strategy<Value = Describe> {
    checks().prop_flat_map(|checks| {
        (
            optional(checks.string(strings::CUSTOM_KEY_STORE_ID)),
            optional(checks.string(strings::CUSTOM_KEY_STORE_NAME)),
            optional(checks.limit()),
            optional(checks.string(strings::MARKER)),
        )
            .prop_map(move |(id, name, limit, marker)| Describe {
                checks,
                custom_key_store_id: id,
                custom_key_store_name: name,
                limit,
                marker,
            })
    })
}

impl Describe {
    pub fn ours(&self) -> ours::describe_custom_key_stores::DescribeCustomKeyStoresRequest {
        ours::describe_custom_key_stores::DescribeCustomKeyStoresRequest::builder()
            .set_custom_key_store_id(self.custom_key_store_id.clone())
            .set_custom_key_store_name(self.custom_key_store_name.clone())
            .set_limit(self.limit)
            .set_marker(self.marker.clone())
            .build()
    }

    pub fn theirs(&self) -> theirs::describe_custom_key_stores::DescribeCustomKeyStoresInput {
        theirs::describe_custom_key_stores::DescribeCustomKeyStoresInput::builder()
            .set_custom_key_store_id(self.custom_key_store_id.clone())
            .set_custom_key_store_name(self.custom_key_store_name.clone())
            .set_limit(self.limit)
            .set_marker(self.marker.clone())
            .build()
            .expect("the peer's input builder checks nothing")
    }
}

type Connectivity =
    Paired<our_types::XksProxyConnectivityType, their_types::XksProxyConnectivityType>;
type StoreType = Paired<our_types::CustomKeyStoreType, their_types::CustomKeyStoreType>;

/// The members `CreateCustomKeyStore` and `UpdateCustomKeyStore` share.
#[derive(Clone, Debug)]
pub struct Shared {
    pub cloud_hsm_cluster_id: Option<String>,
    pub key_store_password: Option<String>,
    pub xks_proxy_uri_endpoint: Option<String>,
    pub xks_proxy_uri_path: Option<String>,
    pub xks_proxy_vpc_endpoint_service_name: Option<String>,
    pub xks_proxy_vpc_endpoint_service_owner: Option<String>,
    /// `XksProxyAuthenticationCredential`: `AccessKeyId` and `RawSecretAccessKey`.
    pub xks_proxy_authentication_credential: Option<(String, String)>,
    pub xks_proxy_connectivity: Option<Connectivity>,
}

fn shared(checks: Checks) -> impl Strategy<Value = Shared> {
    (
        optional(checks.string(strings::CLOUD_HSM_CLUSTER_ID)),
        optional(checks.string(strings::KEY_STORE_PASSWORD)),
        optional(checks.string(strings::XKS_PROXY_URI_ENDPOINT)),
        optional(checks.string(strings::XKS_PROXY_URI_PATH)),
        optional(checks.string(strings::XKS_PROXY_VPC_ENDPOINT_SERVICE_NAME)),
        optional(checks.string(strings::ACCOUNT_ID)),
        optional((
            checks.string(strings::ACCESS_KEY_ID),
            checks.string(strings::RAW_SECRET_ACCESS_KEY),
        )),
        optional(enums::pick(enums::xks_proxy_connectivity())),
    )
        .prop_map(
            |(cluster, password, endpoint, path, service, owner, credential, connectivity)| {
                Shared {
                    cloud_hsm_cluster_id: cluster,
                    key_store_password: password,
                    xks_proxy_uri_endpoint: endpoint,
                    xks_proxy_uri_path: path,
                    xks_proxy_vpc_endpoint_service_name: service,
                    xks_proxy_vpc_endpoint_service_owner: owner,
                    xks_proxy_authentication_credential: credential,
                    xks_proxy_connectivity: connectivity,
                }
            },
        )
}

impl Shared {
    fn our_credential(&self) -> Option<our_types::XksProxyAuthenticationCredentialType> {
        self.xks_proxy_authentication_credential
            .as_ref()
            .map(|(id, secret)| {
                our_types::XksProxyAuthenticationCredentialType::builder()
                    .access_key_id(id)
                    .raw_secret_access_key(secret)
                    .build()
                    .expect("both members are set")
            })
    }

    fn their_credential(&self) -> Option<their_types::XksProxyAuthenticationCredentialType> {
        self.xks_proxy_authentication_credential
            .as_ref()
            .map(|(id, secret)| {
                their_types::XksProxyAuthenticationCredentialType::builder()
                    .access_key_id(id)
                    .raw_secret_access_key(secret)
                    .build()
                    .expect("both members are set")
            })
    }

    fn our_connectivity(&self) -> Option<our_types::XksProxyConnectivityType> {
        self.xks_proxy_connectivity
            .as_ref()
            .map(|(ours, _)| ours.clone())
    }

    fn their_connectivity(&self) -> Option<their_types::XksProxyConnectivityType> {
        self.xks_proxy_connectivity
            .as_ref()
            .map(|(_, theirs)| theirs.clone())
    }
}

/// The input of `CreateCustomKeyStore`.
#[derive(Clone, Debug)]
pub struct Create {
    pub checks: Checks,
    pub custom_key_store_name: String,
    pub trust_anchor_certificate: Option<String>,
    pub custom_key_store_type: Option<StoreType>,
    pub shared: Shared,
}

pub fn create() -> impl Strategy<Value = Create> {
    checks().prop_flat_map(|checks| {
        (
            checks.string(strings::CUSTOM_KEY_STORE_NAME),
            optional(checks.string(strings::TRUST_ANCHOR_CERTIFICATE)),
            optional(enums::pick(enums::custom_key_store_type())),
            shared(checks),
        )
            .prop_map(move |(name, anchor, store_type, shared)| Create {
                checks,
                custom_key_store_name: name,
                trust_anchor_certificate: anchor,
                custom_key_store_type: store_type,
                shared,
            })
    })
}

/// Sets the members `Create` and `Update` share (the CloudHSM password and cluster, the external
/// key store proxy settings) on either crate's builder: the two builders have the same setter
/// names, and only the credential and connectivity conversions differ per crate.
macro_rules! with_shared {
    ($builder:expr, $shared:expr, $credential:ident, $connectivity:ident) => {
        $builder
            .set_key_store_password($shared.key_store_password.clone())
            .set_cloud_hsm_cluster_id($shared.cloud_hsm_cluster_id.clone())
            .set_xks_proxy_uri_endpoint($shared.xks_proxy_uri_endpoint.clone())
            .set_xks_proxy_uri_path($shared.xks_proxy_uri_path.clone())
            .set_xks_proxy_vpc_endpoint_service_name(
                $shared.xks_proxy_vpc_endpoint_service_name.clone(),
            )
            .set_xks_proxy_vpc_endpoint_service_owner(
                $shared.xks_proxy_vpc_endpoint_service_owner.clone(),
            )
            .set_xks_proxy_authentication_credential($shared.$credential())
            .set_xks_proxy_connectivity($shared.$connectivity())
    };
}

impl Create {
    pub fn ours(&self) -> ours::create_custom_key_store::CreateCustomKeyStoreRequest {
        let builder = ours::create_custom_key_store::CreateCustomKeyStoreRequest::builder()
            .custom_key_store_name(&self.custom_key_store_name)
            .set_trust_anchor_certificate(self.trust_anchor_certificate.clone())
            .set_custom_key_store_type(self.custom_key_store_type.as_ref().map(|(o, _)| o.clone()));
        with_shared!(builder, self.shared, our_credential, our_connectivity)
            .build()
            .expect("CustomKeyStoreName is set")
    }

    pub fn theirs(&self) -> theirs::create_custom_key_store::CreateCustomKeyStoreInput {
        let builder = theirs::create_custom_key_store::CreateCustomKeyStoreInput::builder()
            .custom_key_store_name(&self.custom_key_store_name)
            .set_trust_anchor_certificate(self.trust_anchor_certificate.clone())
            .set_custom_key_store_type(self.custom_key_store_type.as_ref().map(|(_, t)| t.clone()));
        with_shared!(builder, self.shared, their_credential, their_connectivity)
            .build()
            .expect("the peer's input builder checks nothing")
    }
}

/// The input of `UpdateCustomKeyStore`.
#[derive(Clone, Debug)]
pub struct Update {
    pub checks: Checks,
    pub custom_key_store_id: String,
    pub new_custom_key_store_name: Option<String>,
    pub shared: Shared,
}

pub fn update() -> impl Strategy<Value = Update> {
    checks().prop_flat_map(|checks| {
        (
            checks.string(strings::CUSTOM_KEY_STORE_ID),
            optional(checks.string(strings::CUSTOM_KEY_STORE_NAME)),
            shared(checks),
        )
            .prop_map(move |(id, new_name, shared)| Update {
                checks,
                custom_key_store_id: id,
                new_custom_key_store_name: new_name,
                shared,
            })
    })
}

impl Update {
    pub fn ours(&self) -> ours::update_custom_key_store::UpdateCustomKeyStoreRequest {
        let builder = ours::update_custom_key_store::UpdateCustomKeyStoreRequest::builder()
            .custom_key_store_id(&self.custom_key_store_id)
            .set_new_custom_key_store_name(self.new_custom_key_store_name.clone());
        with_shared!(builder, self.shared, our_credential, our_connectivity)
            .build()
            .expect("CustomKeyStoreId is set")
    }

    pub fn theirs(&self) -> theirs::update_custom_key_store::UpdateCustomKeyStoreInput {
        let builder = theirs::update_custom_key_store::UpdateCustomKeyStoreInput::builder()
            .custom_key_store_id(&self.custom_key_store_id)
            .set_new_custom_key_store_name(self.new_custom_key_store_name.clone());
        with_shared!(builder, self.shared, their_credential, their_connectivity)
            .build()
            .expect("the peer's input builder checks nothing")
    }
}
