//! Client and server agree: for all six operations, random valid inputs (from a seeded
//! generator written here) go client serialize -> router -> handler, which must receive the
//! very input, and the handler's planned answer (a random output, or each modelled error of
//! the operation in turn) goes server serialize -> client parse, which must give it back.
//! A few hand-written bodies pin the wire form on both sides, so that the crate's own round
//! trip is not the only oracle.

mod server_common;

use kms_api::errors::*;
use kms_api::operations::connect_custom_key_store::*;
use kms_api::operations::create_custom_key_store::*;
use kms_api::operations::delete_custom_key_store::*;
use kms_api::operations::describe_custom_key_stores::*;
use kms_api::operations::disconnect_custom_key_store::*;
use kms_api::operations::update_custom_key_store::*;
use kms_api::primitives::DateTime;
use kms_api::server::{HandlerError, RequestContext, Router, TrentService};
use kms_api::types::*;
use kms_api::wire::Operation;
use server_common::{block_on, body_text, request};
use std::any::Any;
use std::sync::Mutex;

/// xorshift64*: small, seeded, the same sequence on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    fn chance(&mut self) -> bool {
        self.next().is_multiple_of(2)
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.between(0, items.len() - 1)].clone()
    }

    /// `low..=high` characters drawn from `alphabet`.
    fn text(&mut self, alphabet: &[char], low: usize, high: usize) -> String {
        let length = self.between(low, high);
        (0..length).map(|_| self.pick(alphabet)).collect()
    }

    /// Any text, JSON's awkward characters included.
    fn any_text(&mut self, low: usize, high: usize) -> String {
        self.text(ANY, low, high)
    }

    fn maybe<T>(&mut self, make: impl FnOnce(&mut Rng) -> T) -> Option<T> {
        if self.chance() {
            Some(make(self))
        } else {
            None
        }
    }
}

const ANY: &[char] = &[
    'a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\u{1}', 'é', '中', '😀', '\u{7f}', '{', '}',
];
const BASE32: &[char] = &['A', 'B', 'C', 'K', 'Q', 'Z', '2', '3', '4', '5', '6', '7'];
const SECRET: &[char] = &['a', 'z', 'A', 'Z', '0', '9', '/', '+', '='];
const HOST: &[char] = &['a', 'z', 'A', 'Z', '0', '9', '.', '-'];
const PATH: &[char] = &['a', 'Z', '0', '/', '_', '-'];
const CLUSTER: &[char] = &['2', '7', 'a', 'q', 'z', 'A', 'Q', 'Z'];
const DIGITS: &[char] = &['0', '1', '5', '9'];
const LOWER: &[char] = &['a', 'k', 'z'];
const LATIN1: &[char] = &[' ', '~', '\u{a0}', 'ÿ', 'A', '"'];

fn cluster_id(rng: &mut Rng) -> String {
    format!("cluster-{}", rng.text(CLUSTER, 11, 16))
}

fn uri_endpoint(rng: &mut Rng) -> String {
    format!("https://{}", rng.text(HOST, 2, 120))
}

fn uri_path(rng: &mut Rng) -> String {
    let version = rng.text(DIGITS, 1, 2);
    if rng.chance() {
        format!("/kms/xks/v{version}")
    } else {
        format!("/{}/kms/xks/v{version}", rng.text(PATH, 1, 100))
    }
}

fn vpc_service_name(rng: &mut Rng) -> String {
    let words = rng.between(2, 3);
    let region: String = (0..words)
        .map(|_| format!("{}-", rng.text(LOWER, 1, 2)))
        .collect();
    let prefix = rng.pick(&["com", "eu"]);
    let name = format!(
        "{prefix}.amazonaws.vpce.{region}{}.vpce-svc-{}",
        rng.text(DIGITS, 1, 2),
        rng.text(&['0', '9', 'a', 'z'], 1, 10)
    );
    assert!((20..=64).contains(&name.len()), "{name}");
    name
}

fn credential(rng: &mut Rng) -> XksProxyAuthenticationCredentialType {
    XksProxyAuthenticationCredentialType::builder()
        .access_key_id(rng.text(BASE32, 20, 30))
        .raw_secret_access_key(rng.text(SECRET, 43, 64))
        .build()
        .expect("both members are set")
}

fn store_type(rng: &mut Rng) -> CustomKeyStoreType {
    rng.pick(&[
        CustomKeyStoreType::AwsCloudhsm,
        CustomKeyStoreType::ExternalKeyStore,
        // A value the model does not list travels as it is.
        CustomKeyStoreType::from("FUTURE_STORE_TYPE"),
    ])
}

fn connectivity(rng: &mut Rng) -> XksProxyConnectivityType {
    rng.pick(&[
        XksProxyConnectivityType::PublicEndpoint,
        XksProxyConnectivityType::VpcEndpointService,
    ])
}

fn connect_input(rng: &mut Rng) -> ConnectCustomKeyStoreRequest {
    ConnectCustomKeyStoreRequest::builder()
        .custom_key_store_id(rng.any_text(1, 64))
        .build()
        .expect("required member set")
}

fn create_input(rng: &mut Rng) -> CreateCustomKeyStoreRequest {
    CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(rng.any_text(1, 40))
        .set_cloud_hsm_cluster_id(rng.maybe(cluster_id))
        .set_trust_anchor_certificate(rng.maybe(|rng| rng.any_text(1, 200)))
        .set_key_store_password(rng.maybe(|rng| rng.any_text(7, 32)))
        .set_custom_key_store_type(rng.maybe(store_type))
        .set_xks_proxy_uri_endpoint(rng.maybe(uri_endpoint))
        .set_xks_proxy_uri_path(rng.maybe(uri_path))
        .set_xks_proxy_vpc_endpoint_service_name(rng.maybe(vpc_service_name))
        .set_xks_proxy_vpc_endpoint_service_owner(rng.maybe(|rng| rng.text(DIGITS, 12, 12)))
        .set_xks_proxy_authentication_credential(rng.maybe(credential))
        .set_xks_proxy_connectivity(rng.maybe(connectivity))
        .build()
        .expect("required member set")
}

fn delete_input(rng: &mut Rng) -> DeleteCustomKeyStoreRequest {
    DeleteCustomKeyStoreRequest::builder()
        .custom_key_store_id(rng.any_text(1, 64))
        .build()
        .expect("required member set")
}

fn describe_input(rng: &mut Rng) -> DescribeCustomKeyStoresRequest {
    DescribeCustomKeyStoresRequest::builder()
        .set_custom_key_store_id(rng.maybe(|rng| rng.any_text(1, 64)))
        .set_custom_key_store_name(rng.maybe(|rng| rng.any_text(1, 40)))
        .set_limit(rng.maybe(|rng| rng.between(1, 1000) as i32))
        .set_marker(rng.maybe(|rng| rng.text(LATIN1, 1, 50)))
        .build()
}

fn disconnect_input(rng: &mut Rng) -> DisconnectCustomKeyStoreRequest {
    DisconnectCustomKeyStoreRequest::builder()
        .custom_key_store_id(rng.any_text(1, 64))
        .build()
        .expect("required member set")
}

fn update_input(rng: &mut Rng) -> UpdateCustomKeyStoreRequest {
    UpdateCustomKeyStoreRequest::builder()
        .custom_key_store_id(rng.any_text(1, 64))
        .set_new_custom_key_store_name(rng.maybe(|rng| rng.any_text(1, 40)))
        .set_key_store_password(rng.maybe(|rng| rng.any_text(7, 32)))
        .set_cloud_hsm_cluster_id(rng.maybe(cluster_id))
        .set_xks_proxy_uri_endpoint(rng.maybe(uri_endpoint))
        .set_xks_proxy_uri_path(rng.maybe(uri_path))
        .set_xks_proxy_vpc_endpoint_service_name(rng.maybe(vpc_service_name))
        .set_xks_proxy_vpc_endpoint_service_owner(rng.maybe(|rng| rng.text(DIGITS, 12, 12)))
        .set_xks_proxy_authentication_credential(rng.maybe(credential))
        .set_xks_proxy_connectivity(rng.maybe(connectivity))
        .build()
        .expect("required member set")
}

fn list_entry(rng: &mut Rng) -> CustomKeyStoresListEntry {
    let configuration = rng.maybe(|rng| {
        XksProxyConfigurationType::builder()
            .set_connectivity(rng.maybe(connectivity))
            .set_access_key_id(rng.maybe(|rng| rng.text(BASE32, 20, 30)))
            .set_uri_endpoint(rng.maybe(uri_endpoint))
            .set_uri_path(rng.maybe(uri_path))
            .set_vpc_endpoint_service_name(rng.maybe(vpc_service_name))
            .set_vpc_endpoint_service_owner(rng.maybe(|rng| rng.text(DIGITS, 12, 12)))
            .build()
    });
    CustomKeyStoresListEntry::builder()
        .set_custom_key_store_id(rng.maybe(|rng| rng.any_text(1, 64)))
        .set_custom_key_store_name(rng.maybe(|rng| rng.any_text(1, 40)))
        .set_cloud_hsm_cluster_id(rng.maybe(cluster_id))
        .set_trust_anchor_certificate(rng.maybe(|rng| rng.any_text(1, 100)))
        .set_connection_state(rng.maybe(|rng| {
            rng.pick(&[
                ConnectionStateType::Connected,
                ConnectionStateType::Failed,
                ConnectionStateType::from("SOMETHING_NEW"),
            ])
        }))
        .set_connection_error_code(rng.maybe(|rng| {
            rng.pick(&[
                ConnectionErrorCodeType::NetworkErrors,
                ConnectionErrorCodeType::UserLockedOut,
            ])
        }))
        .set_creation_date(
            rng.maybe(|rng| DateTime::from_secs(rng.between(0, 4_000_000_000) as i64)),
        )
        .set_custom_key_store_type(rng.maybe(store_type))
        .set_xks_proxy_configuration(configuration)
        .build()
}

fn describe_output(rng: &mut Rng) -> DescribeCustomKeyStoresResponse {
    let count = rng.between(0, 4);
    DescribeCustomKeyStoresResponse::builder()
        .set_custom_key_stores(rng.maybe(|rng| (0..count).map(|_| list_entry(rng)).collect()))
        .set_next_marker(rng.maybe(|rng| rng.text(LATIN1, 1, 50)))
        .truncated(rng.chance())
        .build()
}

fn create_output(rng: &mut Rng) -> CreateCustomKeyStoreResponse {
    CreateCustomKeyStoreResponse::builder()
        .set_custom_key_store_id(rng.maybe(|rng| rng.any_text(1, 64)))
        .build()
}

/// A handler that keeps what it receives and answers what the test planned.
#[derive(Default)]
struct Echo {
    received: Mutex<Option<Box<dyn Any + Send>>>,
    planned: Mutex<Option<Box<dyn Any + Send>>>,
}

impl Echo {
    fn answer<I: Send + 'static, R: 'static>(&self, input: I) -> R {
        *self.received.lock().unwrap() = Some(Box::new(input));
        let planned = self
            .planned
            .lock()
            .unwrap()
            .take()
            .expect("an answer was planned");
        *planned
            .downcast::<R>()
            .expect("the planned answer has the operation's type")
    }
}

macro_rules! echo_methods {
    ($($method:ident($input:ty) -> $output:ty, $error:ty;)*) => {
        impl TrentService for Echo {
            $(async fn $method(
                &self,
                input: $input,
                _context: &mut RequestContext,
            ) -> Result<$output, HandlerError<$error>> {
                self.answer(input)
            })*
        }
    };
}

echo_methods! {
    connect_custom_key_store(ConnectCustomKeyStoreRequest) -> ConnectCustomKeyStoreResponse, ConnectCustomKeyStoreError;
    create_custom_key_store(CreateCustomKeyStoreRequest) -> CreateCustomKeyStoreResponse, CreateCustomKeyStoreError;
    delete_custom_key_store(DeleteCustomKeyStoreRequest) -> DeleteCustomKeyStoreResponse, DeleteCustomKeyStoreError;
    describe_custom_key_stores(DescribeCustomKeyStoresRequest) -> DescribeCustomKeyStoresResponse, DescribeCustomKeyStoresError;
    disconnect_custom_key_store(DisconnectCustomKeyStoreRequest) -> DisconnectCustomKeyStoreResponse, DisconnectCustomKeyStoreError;
    update_custom_key_store(UpdateCustomKeyStoreRequest) -> UpdateCustomKeyStoreResponse, UpdateCustomKeyStoreError;
}

/// The response, and the client's reading of it.
type Answered<O> = (
    http::Response<Vec<u8>>,
    Result<<O as Operation>::Output, <O as Operation>::Error>,
);

/// Sends `input` through client serialize -> router -> the echo handler (which must receive
/// it unchanged) and answers `planned`; gives the client's reading of the response.
fn round_trip<O: Operation>(
    input: &O::Input,
    planned: Result<O::Output, HandlerError<O::Error>>,
) -> Answered<O>
where
    O::Input: PartialEq + std::fmt::Debug + 'static,
    O::Output: Send + 'static,
    O::Error: Send + 'static,
{
    let router = Router::new(Echo::default());
    *router.service().planned.lock().unwrap() = Some(Box::new(planned));
    let request = O::serialize_request(input).expect("a valid input serializes");
    let response = block_on(router.handle(request));
    let received = router
        .service()
        .received
        .lock()
        .unwrap()
        .take()
        .unwrap_or_else(|| panic!("the handler was not called: {}", body_text(&response)));
    let received = received
        .downcast::<O::Input>()
        .expect("the operation's input");
    assert_eq!(*received, *input, "the server reads what the client sent");
    let parsed = O::parse_response(&response);
    (response, parsed)
}

/// Random valid inputs and outputs of one operation make the round trip.
fn outputs_round_trip<O: Operation>(
    seed: u64,
    input: impl Fn(&mut Rng) -> O::Input,
    output: impl Fn(&mut Rng) -> O::Output,
) where
    O::Input: PartialEq + std::fmt::Debug + 'static,
    O::Output: Clone + PartialEq + std::fmt::Debug + Send + 'static,
    O::Error: std::fmt::Debug + Send + 'static,
{
    let mut rng = Rng(seed);
    for _ in 0..200 {
        let input = input(&mut rng);
        let output = output(&mut rng);
        let (response, parsed) = round_trip::<O>(&input, Ok(output.clone()));
        assert_eq!(response.status(), 200, "{}", body_text(&response));
        assert_eq!(parsed.expect("the client reads the output"), output);
    }
}

#[test]
fn every_operation_round_trips_random_valid_inputs_and_outputs() {
    outputs_round_trip::<ConnectCustomKeyStore>(1, connect_input, |_| {
        ConnectCustomKeyStoreResponse::builder().build()
    });
    outputs_round_trip::<CreateCustomKeyStore>(2, create_input, create_output);
    outputs_round_trip::<DeleteCustomKeyStore>(3, delete_input, |_| {
        DeleteCustomKeyStoreResponse::builder().build()
    });
    outputs_round_trip::<DescribeCustomKeyStores>(4, describe_input, describe_output);
    outputs_round_trip::<DisconnectCustomKeyStore>(5, disconnect_input, |_| {
        DisconnectCustomKeyStoreResponse::builder().build()
    });
    outputs_round_trip::<UpdateCustomKeyStore>(6, update_input, |_| {
        UpdateCustomKeyStoreResponse::builder().build()
    });
}

/// Each modelled error of an operation, with a random message or none, reaches the client
/// as its own variant, with the status the model gives it and the same members.
macro_rules! errors_round_trip {
    ($seed:literal, $operation:ty, $input:ident, $enum:ident, [$($error:ident),* $(,)?]) => {{
        let mut rng = Rng($seed);
        $(for _ in 0..5 {
            let input = $input(&mut rng);
            let error = $error::builder()
                .set_message(rng.maybe(|rng| rng.any_text(0, 60)))
                .build();
            let (response, parsed) = round_trip::<$operation>(
                &input,
                Err(HandlerError::modelled(error.clone())),
            );
            assert_eq!(response.status().as_u16(), $error::HTTP_STATUS, "{}", stringify!($error));
            match parsed {
                Err($enum::$error(actual)) => {
                    assert_eq!(actual.message(), error.message(), "{}", stringify!($error));
                    assert_eq!(
                        serde_json::to_value(&actual).unwrap(),
                        serde_json::to_value(&error).unwrap(),
                        "{}",
                        stringify!($error)
                    );
                }
                other => panic!("expected {}, got {other:?}", stringify!($error)),
            }
        })*
    }};
}

#[test]
fn every_modelled_error_of_every_operation_round_trips() {
    errors_round_trip!(
        11,
        ConnectCustomKeyStore,
        connect_input,
        ConnectCustomKeyStoreError,
        [
            CloudHsmClusterInvalidConfigurationException,
            CloudHsmClusterNotActiveException,
            CustomKeyStoreInvalidStateException,
            CustomKeyStoreNotFoundException,
            KmsInternalException,
        ]
    );
    errors_round_trip!(
        12,
        CreateCustomKeyStore,
        create_input,
        CreateCustomKeyStoreError,
        [
            CloudHsmClusterInUseException,
            CloudHsmClusterInvalidConfigurationException,
            CloudHsmClusterNotActiveException,
            CloudHsmClusterNotFoundException,
            CustomKeyStoreNameInUseException,
            IncorrectTrustAnchorException,
            KmsInternalException,
            LimitExceededException,
            XksProxyIncorrectAuthenticationCredentialException,
            XksProxyInvalidConfigurationException,
            XksProxyInvalidResponseException,
            XksProxyUriEndpointInUseException,
            XksProxyUriInUseException,
            XksProxyUriUnreachableException,
            XksProxyVpcEndpointServiceInUseException,
            XksProxyVpcEndpointServiceInvalidConfigurationException,
            XksProxyVpcEndpointServiceNotFoundException,
        ]
    );
    errors_round_trip!(
        13,
        DeleteCustomKeyStore,
        delete_input,
        DeleteCustomKeyStoreError,
        [
            CustomKeyStoreHasCmksException,
            CustomKeyStoreInvalidStateException,
            CustomKeyStoreNotFoundException,
            KmsInternalException,
        ]
    );
    errors_round_trip!(
        14,
        DescribeCustomKeyStores,
        describe_input,
        DescribeCustomKeyStoresError,
        [
            CustomKeyStoreNotFoundException,
            InvalidMarkerException,
            KmsInternalException,
        ]
    );
    errors_round_trip!(
        15,
        DisconnectCustomKeyStore,
        disconnect_input,
        DisconnectCustomKeyStoreError,
        [
            CustomKeyStoreInvalidStateException,
            CustomKeyStoreNotFoundException,
            KmsInternalException,
        ]
    );
    errors_round_trip!(
        16,
        UpdateCustomKeyStore,
        update_input,
        UpdateCustomKeyStoreError,
        [
            CloudHsmClusterInvalidConfigurationException,
            CloudHsmClusterNotActiveException,
            CloudHsmClusterNotFoundException,
            CloudHsmClusterNotRelatedException,
            CustomKeyStoreInvalidStateException,
            CustomKeyStoreNameInUseException,
            CustomKeyStoreNotFoundException,
            KmsInternalException,
            XksProxyIncorrectAuthenticationCredentialException,
            XksProxyInvalidConfigurationException,
            XksProxyInvalidResponseException,
            XksProxyUriEndpointInUseException,
            XksProxyUriInUseException,
            XksProxyUriUnreachableException,
            XksProxyVpcEndpointServiceInUseException,
            XksProxyVpcEndpointServiceInvalidConfigurationException,
            XksProxyVpcEndpointServiceNotFoundException,
        ]
    );
}

/// A request body written by hand (as AWS documents it, not by our client) reads into the
/// expected input, and the answers are the bodies written out here.
#[test]
fn hand_written_bodies_read_and_write_as_expected() {
    let router = Router::new(Echo::default());
    let planned: Result<CreateCustomKeyStoreResponse, HandlerError<CreateCustomKeyStoreError>> =
        Ok(CreateCustomKeyStoreResponse::builder()
            .custom_key_store_id("cks-1234567890abcdef0")
            .build());
    *router.service().planned.lock().unwrap() = Some(Box::new(planned));
    let body = r#"{
        "CustomKeyStoreName": "ExampleExternalKeyStore",
        "CustomKeyStoreType": "EXTERNAL_KEY_STORE",
        "XksProxyConnectivity": "PUBLIC_ENDPOINT",
        "XksProxyUriEndpoint": "https://myproxy.xks.example.com",
        "XksProxyUriPath": "/kms/xks/v1",
        "XksProxyAuthenticationCredential": {
            "AccessKeyId": "ABCDE23456723EXAMPLE",
            "RawSecretAccessKey": "DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo="
        }
    }"#;
    let response = block_on(router.handle(request("TrentService.CreateCustomKeyStore", body)));
    assert_eq!(
        body_text(&response),
        r#"{"CustomKeyStoreId":"cks-1234567890abcdef0"}"#
    );
    let received = router.service().received.lock().unwrap().take().unwrap();
    let expected = CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name("ExampleExternalKeyStore")
        .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
        .xks_proxy_connectivity(XksProxyConnectivityType::PublicEndpoint)
        .xks_proxy_uri_endpoint("https://myproxy.xks.example.com")
        .xks_proxy_uri_path("/kms/xks/v1")
        .xks_proxy_authentication_credential(
            XksProxyAuthenticationCredentialType::builder()
                .access_key_id("ABCDE23456723EXAMPLE")
                .raw_secret_access_key("DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    assert_eq!(
        *received.downcast::<CreateCustomKeyStoreRequest>().unwrap(),
        expected
    );

    let router = Router::new(Echo::default());
    let planned: Result<
        DescribeCustomKeyStoresResponse,
        HandlerError<DescribeCustomKeyStoresError>,
    > = Ok(DescribeCustomKeyStoresResponse::builder()
        .custom_key_stores(vec![CustomKeyStoresListEntry::builder()
            .custom_key_store_id("cks-1")
            .connection_state(ConnectionStateType::Connected)
            .creation_date(DateTime::from_secs(1_700_000_000))
            .build()])
        .build());
    *router.service().planned.lock().unwrap() = Some(Box::new(planned));
    let response = block_on(router.handle(request("TrentService.DescribeCustomKeyStores", "")));
    assert_eq!(
        body_text(&response),
        r#"{"CustomKeyStores":[{"CustomKeyStoreId":"cks-1","ConnectionState":"CONNECTED","CreationDate":1700000000}],"Truncated":false}"#
    );

    let router = Router::new(Echo::default());
    let planned: Result<DeleteCustomKeyStoreResponse, HandlerError<DeleteCustomKeyStoreError>> =
        Err(HandlerError::modelled(
            CustomKeyStoreHasCmksException::builder()
                .message("Custom key store cks-1 has KMS keys")
                .build(),
        ));
    *router.service().planned.lock().unwrap() = Some(Box::new(planned));
    let response = block_on(router.handle(request(
        "TrentService.DeleteCustomKeyStore",
        r#"{"CustomKeyStoreId":"cks-1"}"#,
    )));
    assert_eq!(response.status(), 400);
    assert_eq!(
        body_text(&response),
        r#"{"__type":"CustomKeyStoreHasCMKsException","message":"Custom key store cks-1 has KMS keys"}"#
    );
}
