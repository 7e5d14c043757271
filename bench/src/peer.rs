//! The peer, aws-sdk-kms, reduced to its request serializer and response deserializer.
//!
//! Each operation type of aws-sdk-kms is a `RuntimePlugin` whose `config()` layer holds the
//! operation's `SharedRequestSerializer` and `SharedResponseDeserializer`: exactly what the
//! SDK's orchestrator calls, without endpoint resolution, signing, retries or transport.

use crate::fixtures::{self, create_xks_vpc};
use aws_sdk_kms::operation::connect_custom_key_store::{
    ConnectCustomKeyStore, ConnectCustomKeyStoreInput,
};
use aws_sdk_kms::operation::create_custom_key_store::{
    CreateCustomKeyStore, CreateCustomKeyStoreInput,
};
use aws_sdk_kms::operation::delete_custom_key_store::DeleteCustomKeyStore;
use aws_sdk_kms::operation::describe_custom_key_stores::DescribeCustomKeyStores;
use aws_sdk_kms::operation::disconnect_custom_key_store::DisconnectCustomKeyStore;
use aws_sdk_kms::operation::update_custom_key_store::UpdateCustomKeyStore;
use aws_sdk_kms::types::{
    CustomKeyStoreType, XksProxyAuthenticationCredentialType, XksProxyConnectivityType,
};
use aws_smithy_runtime_api::client::interceptors::context::{Error, Input, Output};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse, OrchestratorError};
use aws_smithy_runtime_api::client::runtime_plugin::RuntimePlugin;
use aws_smithy_runtime_api::client::ser_de::{
    DeserializeResponse, SerializeRequest, SharedRequestSerializer, SharedResponseDeserializer,
};
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::{ConfigBag, FrozenLayer};

pub use aws_sdk_kms;

/// An operation's config layer, which holds its serializer and deserializer.
pub struct PeerOperation {
    layer: FrozenLayer,
}

impl PeerOperation {
    /// Takes the config layer of the operation's runtime plugin.
    pub fn new(plugin: &dyn RuntimePlugin) -> Self {
        let layer = plugin
            .config()
            .expect("the operation plugin has a config layer");
        PeerOperation { layer }
    }

    /// The operation's request serializer (look it up once, outside a timed loop).
    pub fn serializer(&self) -> &SharedRequestSerializer {
        self.layer
            .load::<SharedRequestSerializer>()
            .expect("the layer holds a request serializer")
    }

    /// The operation's response deserializer (look it up once, outside a timed loop).
    pub fn deserializer(&self) -> &SharedResponseDeserializer {
        self.layer
            .load::<SharedResponseDeserializer>()
            .expect("the layer holds a response deserializer")
    }

    /// `CreateCustomKeyStore`.
    pub fn create_custom_key_store() -> Self {
        Self::new(&CreateCustomKeyStore::new())
    }

    /// `ConnectCustomKeyStore`.
    pub fn connect_custom_key_store() -> Self {
        Self::new(&ConnectCustomKeyStore::new())
    }

    /// `DescribeCustomKeyStores`.
    pub fn describe_custom_key_stores() -> Self {
        Self::new(&DescribeCustomKeyStores::new())
    }

    /// `DeleteCustomKeyStore`.
    pub fn delete_custom_key_store() -> Self {
        Self::new(&DeleteCustomKeyStore::new())
    }

    /// `DisconnectCustomKeyStore`.
    pub fn disconnect_custom_key_store() -> Self {
        Self::new(&DisconnectCustomKeyStore::new())
    }

    /// `UpdateCustomKeyStore`.
    pub fn update_custom_key_store() -> Self {
        Self::new(&UpdateCustomKeyStore::new())
    }

    /// A config bag holding the operation's layer.
    pub fn config_bag(&self) -> ConfigBag {
        let mut bag = ConfigBag::base();
        bag.push_shared_layer(self.layer.clone());
        bag
    }
}

/// Serializes a type-erased input into a request, as the orchestrator does.
pub fn serialize(
    serializer: &SharedRequestSerializer,
    input: Input,
    cfg: &mut ConfigBag,
) -> HttpRequest {
    serializer
        .serialize_input(input, cfg)
        .expect("the peer serializes the input")
}

/// Deserializes a whole response into the type-erased output or error, as the orchestrator
/// does for a non-streaming operation.
pub fn deserialize(
    deserializer: &SharedResponseDeserializer,
    response: &HttpResponse,
    cfg: &ConfigBag,
) -> Result<Output, OrchestratorError<Error>> {
    deserializer.deserialize_nonstreaming_with_config(response, cfg)
}

/// The peer's `CreateCustomKeyStore` input, from the same constants as ours.
pub fn create_xks_vpc_input() -> CreateCustomKeyStoreInput {
    use create_xks_vpc::*;
    CreateCustomKeyStoreInput::builder()
        .custom_key_store_name(NAME)
        .custom_key_store_type(CustomKeyStoreType::from(STORE_TYPE))
        .xks_proxy_connectivity(XksProxyConnectivityType::from(CONNECTIVITY))
        .xks_proxy_uri_endpoint(URI_ENDPOINT)
        .xks_proxy_uri_path(URI_PATH)
        .xks_proxy_vpc_endpoint_service_name(VPC_ENDPOINT_SERVICE_NAME)
        .xks_proxy_vpc_endpoint_service_owner(VPC_ENDPOINT_SERVICE_OWNER)
        .xks_proxy_authentication_credential(
            XksProxyAuthenticationCredentialType::builder()
                .access_key_id(ACCESS_KEY_ID)
                .raw_secret_access_key(RAW_SECRET_ACCESS_KEY)
                .build()
                .expect("both credential members are set"),
        )
        .build()
        .expect("a valid input")
}

/// The peer's `ConnectCustomKeyStore` input.
pub fn connect_input() -> ConnectCustomKeyStoreInput {
    ConnectCustomKeyStoreInput::builder()
        .custom_key_store_id(fixtures::CONNECT_STORE_ID)
        .build()
        .expect("a valid input")
}

/// A complete (non-streaming) response as the peer's deserializer receives it.
pub fn http_response(status: u16, body: &[u8]) -> HttpResponse {
    let mut response = HttpResponse::new(
        status.try_into().expect("a valid status"),
        SdkBody::from(body.to_vec()),
    );
    for (name, value) in fixtures::response_headers(body.len()) {
        response.headers_mut().insert(name, value);
    }
    response
}

/// A complete response with exactly the given headers: the same `http::HeaderMap` that our
/// parser reads, so both sides see one response.
pub fn http_response_with(status: u16, headers: &http::HeaderMap, body: &[u8]) -> HttpResponse {
    let mut response = http::Response::new(SdkBody::from(body.to_vec()));
    *response.status_mut() = http::StatusCode::from_u16(status).expect("a valid status");
    *response.headers_mut() = headers.clone();
    HttpResponse::try_from(response).expect("header values the peer accepts (UTF-8)")
}

/// The request body bytes.
pub fn request_body(request: &HttpRequest) -> &[u8] {
    request.body().bytes().expect("an in-memory body")
}
