//! Random responses: 200 bodies of each output shape, and error responses with the
//! protocol's variations. Bodies are written as JSON text here, so that number formats
//! (`1650000000.5`) are exactly as drawn.

use super::model::{self, ModelError};
use super::strings::{self, response_text};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};

/// A JSON object from members given as JSON text; `None` leaves a member out.
fn object(members: Vec<(&str, Option<String>)>) -> String {
    let members: Vec<String> = members
        .into_iter()
        .filter_map(|(key, value)| Some(format!("{}:{}", Value::from(key), value?)))
        .collect();
    format!("{{{}}}", members.join(","))
}

/// A member: present (70%), explicitly `null` (10%) or left out (20%). Left out comes first,
/// so that a failing body shrinks to the members that matter.
fn member(value: impl Strategy<Value = String>) -> impl Strategy<Value = Option<String>> {
    prop_oneof![2 => Just(None), 1 => Just(Some("null".to_owned())), 7 => value.prop_map(Some)]
}

/// A member no version of the model has, which both sides must skip.
fn unknown_member() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        4 => Just(None),
        1 => strings::WILD.prop_map(|text| Some(json!({ "nested": [1.5, text, null] }).to_string())),
    ]
}

fn text(valid: &'static str) -> impl Strategy<Value = String> {
    response_text(valid).prop_map(|text| Value::from(text).to_string())
}

/// An enum value: one the model lists (80%), or one it does not.
fn enum_text(shape: &str) -> impl Strategy<Value = String> {
    prop_oneof![4 => select(model::enum_values(shape)), 1 => strings::unknown_enum_value()]
        .prop_map(|value| Value::from(value).to_string())
}

/// Epoch seconds: whole, or with one to three fraction digits; from 1938 to 2128.
fn epoch_seconds() -> impl Strategy<Value = String> {
    let fraction = prop_oneof![
        Just(String::new()),
        (0u32..10).prop_map(|f| format!(".{f}")),
        (0u32..100).prop_map(|f| format!(".{f:02}")),
        (0u32..1000).prop_map(|f| format!(".{f:03}")),
    ];
    (-1_000_000_000i64..=5_000_000_000, fraction).prop_map(|(seconds, f)| format!("{seconds}{f}"))
}

fn xks_proxy_configuration() -> impl Strategy<Value = String> {
    (
        member(enum_text("XksProxyConnectivityType")),
        member(text(strings::ACCESS_KEY_ID)),
        member(text(strings::XKS_PROXY_URI_ENDPOINT)),
        member(text(strings::XKS_PROXY_URI_PATH)),
        member(text(strings::XKS_PROXY_VPC_ENDPOINT_SERVICE_NAME)),
        member(text(strings::ACCOUNT_ID)),
    )
        .prop_map(|(connectivity, key, endpoint, path, service, owner)| {
            object(vec![
                ("Connectivity", connectivity),
                ("AccessKeyId", key),
                ("UriEndpoint", endpoint),
                ("UriPath", path),
                ("VpcEndpointServiceName", service),
                ("VpcEndpointServiceOwner", owner),
            ])
        })
}

fn list_entry() -> impl Strategy<Value = String> {
    (
        (
            member(text(strings::CUSTOM_KEY_STORE_ID)),
            member(text(strings::CUSTOM_KEY_STORE_NAME)),
            member(text(strings::CLOUD_HSM_CLUSTER_ID)),
            member(text(strings::TRUST_ANCHOR_CERTIFICATE)),
            member(enum_text("ConnectionStateType")),
        ),
        (
            member(enum_text("ConnectionErrorCodeType")),
            member(epoch_seconds()),
            member(enum_text("CustomKeyStoreType")),
            member(xks_proxy_configuration()),
            unknown_member(),
        ),
    )
        .prop_map(
            |((id, name, cluster, anchor, state), (code, date, kind, proxy, extra))| {
                object(vec![
                    ("CustomKeyStoreId", id),
                    ("CustomKeyStoreName", name),
                    ("CloudHsmClusterId", cluster),
                    ("TrustAnchorCertificate", anchor),
                    ("ConnectionState", state),
                    ("ConnectionErrorCode", code),
                    ("CreationDate", date),
                    ("CustomKeyStoreType", kind),
                    ("XksProxyConfiguration", proxy),
                    ("FutureMember", extra),
                ])
            },
        )
}

/// A `DescribeCustomKeyStores` body: 0..5 entries, `NextMarker`, `Truncated`.
pub fn describe_body() -> impl Strategy<Value = String> {
    (
        member(
            proptest::collection::vec(list_entry(), 0..5)
                .prop_map(|e| format!("[{}]", e.join(","))),
        ),
        member(text(strings::MARKER)),
        member(any::<bool>().prop_map(|truncated| truncated.to_string())),
        unknown_member(),
    )
        .prop_map(|(entries, marker, truncated, extra)| {
            object(vec![
                ("CustomKeyStores", entries),
                ("NextMarker", marker),
                ("Truncated", truncated),
                ("FutureMember", extra),
            ])
        })
}

/// A `CreateCustomKeyStore` body.
pub fn create_body() -> impl Strategy<Value = String> {
    (member(text(strings::CUSTOM_KEY_STORE_ID)), unknown_member())
        .prop_map(|(id, extra)| object(vec![("CustomKeyStoreId", id), ("FutureMember", extra)]))
}

/// The body of an output without members: empty, `{}`, or with a member to skip.
pub fn empty_body() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("{}".to_owned()),
        unknown_member().prop_map(|extra| object(vec![("FutureMember", extra)])),
    ]
}

/// One error response, and what both sides must read from it.
#[derive(Clone, Debug)]
pub struct ErrorCase {
    pub operation: String,
    pub status: u16,
    /// The code both sides must report.
    pub code: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

impl ErrorCase {
    pub fn header_map(&self) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (name, value) in &self.headers {
            let value = http::HeaderValue::from_str(value).expect("visible ASCII");
            map.append(http::HeaderName::from_static(name), value);
        }
        map
    }
}

/// Where the code travels: the body's `__type`, its `code` (which wins over `__type`), or the
/// `X-Amzn-ErrorType` header (which wins over both).
#[derive(Clone, Copy, Debug)]
enum CodeIn {
    Type,
    Code,
    Header,
}

/// The decoy code put where the code does not travel, which both sides must ignore.
const DECOY: &str = "DecoyException";

/// The response for `code` with random message and request id, in one of the protocol's forms.
fn error_case(operation: String, code: String, status: u16) -> impl Strategy<Value = ErrorCase> {
    (
        prop_oneof![Just(CodeIn::Type), Just(CodeIn::Code), Just(CodeIn::Header)],
        any::<bool>(),
        any::<bool>(),
        proptest::option::weighted(0.8, "(?s).{0,60}"),
        any::<bool>(),
        proptest::option::weighted(0.9, "[A-Za-z0-9-]{1,40}"),
    )
        .prop_map(
            move |(code_in, namespaced, url, message, capitalised, request_id)| {
                let mut wire_code = if namespaced {
                    format!("com.amazonaws.kms#{code}")
                } else {
                    code.clone()
                };
                if url {
                    wire_code
                        .push_str(":http://internal.amazon.com/coral/com.amazon.coral.validate/");
                }
                let mut body = serde_json::Map::new();
                let mut headers = Vec::new();
                match code_in {
                    CodeIn::Type => {
                        body.insert("__type".into(), json!(wire_code));
                    }
                    CodeIn::Code => {
                        body.insert("code".into(), json!(wire_code));
                        body.insert("__type".into(), json!(DECOY));
                    }
                    CodeIn::Header => {
                        headers.push(("x-amzn-errortype", wire_code));
                        body.insert("__type".into(), json!(DECOY));
                    }
                }
                if let Some(message) = message {
                    let key = if capitalised { "Message" } else { "message" };
                    body.insert(key.into(), json!(message));
                }
                if let Some(id) = request_id {
                    headers.push(("x-amzn-requestid", id));
                }
                headers.push(("content-type", "application/x-amz-json-1.1".to_owned()));
                ErrorCase {
                    operation: operation.clone(),
                    status,
                    code: code.clone(),
                    headers,
                    body: Value::Object(body).to_string(),
                }
            },
        )
}

/// An error the operation lists in the model, with its modelled status.
pub fn modelled_error() -> impl Strategy<Value = ErrorCase> {
    let cases: Vec<(String, ModelError)> = model::operations()
        .into_iter()
        .flat_map(|op| {
            model::operation_errors(&op)
                .into_iter()
                .map(move |e| (op.clone(), e))
        })
        .collect();
    select(cases).prop_flat_map(|(op, error)| error_case(op, error.code, error.status))
}

/// A code the operation does not list: a made-up one, a real one throttling sends, or another
/// operation's error; with a status of the kind such errors come with.
pub fn unmodelled_error() -> impl Strategy<Value = ErrorCase> {
    let codes: Vec<String> = model::all_errors()
        .into_iter()
        .map(|e| e.code)
        .chain(["ThrottlingException".to_owned()])
        .collect();
    let code = prop_oneof![select(codes), "[A-Z][A-Za-z]{0,20}Exception"];
    let status = select(vec![400u16, 403, 404, 429, 500, 503]);
    (select(model::operations()), code, status)
        .prop_filter("the operation lists the code", |(op, code, _)| {
            !model::operation_errors(op).iter().any(|e| &e.code == code)
        })
        .prop_flat_map(|(op, code, status)| error_case(op, code, status))
}
