//! Each operation on both sides ([`Pair`]), and the two checks every property ends in: both
//! serialize a request ([`request_of_ours`], [`request_of_theirs`]) and both parse a response
//! ([`parse_both`]), each side turned into the canonical form.

use super::canonical;
use aws_sdk_kms::error::ProvideErrorMetadata;
use aws_sdk_kms::operation::RequestId;
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use kms_api::wire::{Operation, OperationError};
use kms_bench::peer::{self, PeerOperation};
use serde_json::{json, Value};
use std::fmt::Debug;

/// One operation: our `Operation` type, the peer's, and the canonical form of their outputs.
pub trait Pair {
    type Ours: Operation;
    type TheirOutput: Debug + Send + Sync + 'static;
    type TheirError: std::error::Error + ProvideErrorMetadata + RequestId + Send + Sync + 'static;
    /// The peer's serializer and deserializer.
    fn peer() -> PeerOperation;
    fn ours_output(output: &<Self::Ours as Operation>::Output) -> Value;
    fn theirs_output(output: &Self::TheirOutput) -> Value;
}

macro_rules! pair {
    ($pair:ident: $module:ident, $ours:ident, $output:ident, $error:ident, $canonical:ident) => {
        pub struct $pair;
        impl Pair for $pair {
            type Ours = kms_api::operations::$module::$ours;
            type TheirOutput = aws_sdk_kms::operation::$module::$output;
            type TheirError = aws_sdk_kms::operation::$module::$error;
            fn peer() -> PeerOperation {
                PeerOperation::$module()
            }
            fn ours_output(output: &<Self::Ours as Operation>::Output) -> Value {
                pair!(@ours $canonical, output)
            }
            fn theirs_output(output: &Self::TheirOutput) -> Value {
                pair!(@theirs $canonical, output)
            }
        }
    };
    (@ours empty, $output:ident) => { canonical::empty($output) };
    (@theirs empty, $output:ident) => { canonical::empty($output) };
    (@ours $canonical:ident, $output:ident) => { canonical::ours::$canonical($output) };
    (@theirs $canonical:ident, $output:ident) => { canonical::theirs::$canonical($output) };
}

pair!(Connect: connect_custom_key_store, ConnectCustomKeyStore,
    ConnectCustomKeyStoreOutput, ConnectCustomKeyStoreError, empty);
pair!(Create: create_custom_key_store, CreateCustomKeyStore,
    CreateCustomKeyStoreOutput, CreateCustomKeyStoreError, create);
pair!(Delete: delete_custom_key_store, DeleteCustomKeyStore,
    DeleteCustomKeyStoreOutput, DeleteCustomKeyStoreError, empty);
pair!(Describe: describe_custom_key_stores, DescribeCustomKeyStores,
    DescribeCustomKeyStoresOutput, DescribeCustomKeyStoresError, describe);
pair!(Disconnect: disconnect_custom_key_store, DisconnectCustomKeyStore,
    DisconnectCustomKeyStoreOutput, DisconnectCustomKeyStoreError, empty);
pair!(Update: update_custom_key_store, UpdateCustomKeyStore,
    UpdateCustomKeyStoreOutput, UpdateCustomKeyStoreError, empty);

/// The operations whose output has no members.
pub const EMPTY_OUTPUTS: [&str; 4] = [
    "ConnectCustomKeyStore",
    "DeleteCustomKeyStore",
    "DisconnectCustomKeyStore",
    "UpdateCustomKeyStore",
];

/// A request as compared: method, the protocol's two headers, and the body as a JSON value
/// with numbers compared by value.
fn request(method: &str, target: Option<&str>, content_type: Option<&str>, body: &[u8]) -> Value {
    let body = match serde_json::from_slice::<Value>(body) {
        Ok(body) => by_value(body),
        Err(error) => json!({ "not JSON": error.to_string() }),
    };
    json!({
        "method": method,
        "x-amz-target": target,
        "content-type": content_type,
        "body": body,
    })
}

fn by_value(value: Value) -> Value {
    match value {
        Value::Number(n) => json!(n.as_f64()),
        Value::Array(items) => Value::Array(items.into_iter().map(by_value).collect()),
        Value::Object(map) => map.into_iter().map(|(k, v)| (k, by_value(v))).collect(),
        other => other,
    }
}

/// Our request, canonical.
pub fn request_of_ours(ours: &http::Request<Vec<u8>>) -> Value {
    let header = |name: &str| ours.headers().get(name).and_then(|v| v.to_str().ok());
    request(
        ours.method().as_str(),
        header("x-amz-target"),
        header("content-type"),
        ours.body(),
    )
}

/// The peer's request, canonical.
pub fn request_of_theirs(theirs: &HttpRequest) -> Value {
    request(
        theirs.method(),
        theirs.headers().get("x-amz-target"),
        theirs.headers().get("content-type"),
        peer::request_body(theirs),
    )
}

/// What both sides read from one response, canonical; `Err` holds the canonical error.
pub struct Parsed {
    pub ours: Result<Value, Value>,
    pub theirs: Result<Value, Value>,
    /// Our error's `http_status()`.
    pub our_http_status: Option<u16>,
}

/// Parses one response with both crates.
pub fn parse_both<P: Pair>(status: u16, headers: &http::HeaderMap, body: &[u8]) -> Parsed {
    let ours = <P::Ours as Operation>::parse_response_parts(status, headers, body);
    let op = P::peer();
    let response = peer::http_response_with(status, headers, body);
    let theirs = match peer::deserialize(op.deserializer(), &response, &op.config_bag()) {
        Ok(output) => match output.downcast_ref::<P::TheirOutput>() {
            Some(output) => Ok(P::theirs_output(output)),
            None => Err(json!({ "peer": "an output of another type" })),
        },
        Err(error) => Err(
            match error
                .as_operation_error()
                .and_then(|e| e.downcast_ref::<P::TheirError>())
            {
                Some(error) => canonical::theirs_error(error),
                None => json!({ "peer failed outside the operation": format!("{error:?}") }),
            },
        ),
    };
    Parsed {
        our_http_status: ours.as_ref().err().and_then(OperationError::http_status),
        ours: ours
            .as_ref()
            .map(P::ours_output)
            .map_err(canonical::ours_error),
        theirs,
    }
}

/// [`parse_both`] for an operation named as in the model.
pub fn parse_named(operation: &str, status: u16, headers: &http::HeaderMap, body: &[u8]) -> Parsed {
    match operation {
        "ConnectCustomKeyStore" => parse_both::<Connect>(status, headers, body),
        "CreateCustomKeyStore" => parse_both::<Create>(status, headers, body),
        "DeleteCustomKeyStore" => parse_both::<Delete>(status, headers, body),
        "DescribeCustomKeyStores" => parse_both::<Describe>(status, headers, body),
        "DisconnectCustomKeyStore" => parse_both::<Disconnect>(status, headers, body),
        "UpdateCustomKeyStore" => parse_both::<Update>(status, headers, body),
        other => panic!("no operation pair for `{other}`: add one to ops.rs"),
    }
}
