//! The inputs and responses every benchmark uses, built deterministically.
//!
//! Inputs are described once in their wire (JSON) form; our crate's values are read from that
//! form with serde (every generated type deserializes exactly its wire form), and the peer's
//! are built with its builders from the same constants (see `peer`), so both sides serialize
//! the same request.

use kms_api::operations::connect_custom_key_store::ConnectCustomKeyStoreRequest;
use kms_api::operations::create_custom_key_store::CreateCustomKeyStoreRequest;
use std::fmt::Write as _;

/// `CreateCustomKeyStore` for an external key store reached through a VPC endpoint service.
pub mod create_xks_vpc {
    /// `CustomKeyStoreName`.
    pub const NAME: &str = "ExampleVPCEndpointKeyStore";
    /// `CustomKeyStoreType`.
    pub const STORE_TYPE: &str = "EXTERNAL_KEY_STORE";
    /// `XksProxyConnectivity`.
    pub const CONNECTIVITY: &str = "VPC_ENDPOINT_SERVICE";
    /// `XksProxyUriEndpoint` (`^https://[a-zA-Z0-9.-]+$`, length 10..=128).
    pub const URI_ENDPOINT: &str = "https://myproxy-private.xks.example.com";
    /// `XksProxyUriPath` (`.../kms/xks/v<n>`, length 10..=128).
    pub const URI_PATH: &str = "/example-prefix/kms/xks/v1";
    /// `XksProxyVpcEndpointServiceName`.
    pub const VPC_ENDPOINT_SERVICE_NAME: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-example1234";
    /// `XksProxyVpcEndpointServiceOwner` (`^[0-9]{12}$`).
    pub const VPC_ENDPOINT_SERVICE_OWNER: &str = "111122223333";
    /// `XksProxyAuthenticationCredential.AccessKeyId` (`^[A-Z2-7]+$`, length 20..=30).
    pub const ACCESS_KEY_ID: &str = "ABCDEFGHIJKLMNOPQRST234567";
    /// `XksProxyAuthenticationCredential.RawSecretAccessKey` (`^[a-zA-Z0-9\/+=]+$`, 43..=64).
    pub const RAW_SECRET_ACCESS_KEY: &str = "K9eHWhrVT2g8Ghx3ZoD1TYbq0HUDc3mK/Gl+oFwZ5TmXkLp=";
}

/// `ConnectCustomKeyStore`'s `CustomKeyStoreId`.
pub const CONNECT_STORE_ID: &str = "cks-1234567890abcdef0";

/// The `CreateCustomKeyStore` input in its wire form.
pub fn create_xks_vpc_json() -> serde_json::Value {
    use create_xks_vpc::*;
    serde_json::json!({
        "CustomKeyStoreName": NAME,
        "CustomKeyStoreType": STORE_TYPE,
        "XksProxyConnectivity": CONNECTIVITY,
        "XksProxyUriEndpoint": URI_ENDPOINT,
        "XksProxyUriPath": URI_PATH,
        "XksProxyVpcEndpointServiceName": VPC_ENDPOINT_SERVICE_NAME,
        "XksProxyVpcEndpointServiceOwner": VPC_ENDPOINT_SERVICE_OWNER,
        "XksProxyAuthenticationCredential": {
            "AccessKeyId": ACCESS_KEY_ID,
            "RawSecretAccessKey": RAW_SECRET_ACCESS_KEY,
        },
    })
}

/// The `ConnectCustomKeyStore` input in its wire form.
pub fn connect_json() -> serde_json::Value {
    serde_json::json!({ "CustomKeyStoreId": CONNECT_STORE_ID })
}

/// Our `CreateCustomKeyStore` input.
pub fn ours_create_xks_vpc() -> CreateCustomKeyStoreRequest {
    serde_json::from_value(create_xks_vpc_json()).expect("the wire form fits our input type")
}

/// Our `ConnectCustomKeyStore` input.
pub fn ours_connect() -> ConnectCustomKeyStoreRequest {
    serde_json::from_value(connect_json()).expect("the wire form fits our input type")
}

/// How many entries the `DescribeCustomKeyStores` benchmark response holds.
pub const DESCRIBE_ENTRIES: usize = 100;

/// How many entries the large `DescribeCustomKeyStores` response holds: ten times
/// [`DESCRIBE_ENTRIES`] (about 470 KB), to show that parse time grows linearly with the input.
pub const DESCRIBE_ENTRIES_LARGE: usize = 1000;

/// The sizes the parse benchmarks run at, smallest first.
pub const DESCRIBE_SIZES: [usize; 2] = [DESCRIBE_ENTRIES, DESCRIBE_ENTRIES_LARGE];

/// `NextMarker` of the `DescribeCustomKeyStores` response.
pub const DESCRIBE_NEXT_MARKER: &str = "AQICAHhm2e2Lx9dX4bWk9yQ0Dr3pk7vqNsTnExampleMarker0001";

const CONNECTION_STATES: [&str; 5] = [
    "CONNECTED",
    "CONNECTING",
    "FAILED",
    "DISCONNECTED",
    "DISCONNECTING",
];
const CLOUDHSM_ERROR_CODES: [&str; 8] = [
    "INVALID_CREDENTIALS",
    "CLUSTER_NOT_FOUND",
    "NETWORK_ERRORS",
    "INSUFFICIENT_CLOUDHSM_HSMS",
    "USER_LOCKED_OUT",
    "USER_NOT_FOUND",
    "SUBNET_NOT_FOUND",
    "INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET",
];
const XKS_ERROR_CODES: [&str; 8] = [
    "XKS_PROXY_ACCESS_DENIED",
    "XKS_PROXY_NOT_REACHABLE",
    "XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND",
    "XKS_PROXY_INVALID_RESPONSE",
    "XKS_PROXY_INVALID_CONFIGURATION",
    "XKS_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION",
    "XKS_PROXY_TIMED_OUT",
    "XKS_PROXY_INVALID_TLS_CONFIGURATION",
];
/// Base32 digits, valid in both `CloudHsmClusterId` and `AccessKeyId`.
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn base32(mut n: u64, width: usize) -> String {
    let mut digits = vec![b'A'; width];
    for digit in digits.iter_mut().rev() {
        *digit = BASE32[(n % 32) as usize];
        n /= 32;
    }
    String::from_utf8(digits).expect("ASCII")
}

/// A PEM-looking (stub) trust anchor certificate: one 48-column line of deterministic base64
/// text between the PEM markers, newlines JSON-escaped on the wire.
fn trust_anchor(i: usize) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\\n");
    let mut state = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for _line in 0..1 {
        for _ in 0..48 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            pem.push(B64[(state % 64) as usize] as char);
        }
        pem.push_str("\\n");
    }
    pem.push_str("-----END CERTIFICATE-----\\n");
    pem
}

/// The body of a `DescribeCustomKeyStores` 200 response with `entries` entries: even ones are
/// CloudHSM key stores, odd ones external key stores with VPC endpoint service connectivity,
/// and every member that applies to the store's type is set (including
/// `ConnectionErrorCode`), as are `NextMarker` and `Truncated`. 100 entries make 46.7 KB
/// (compact JSON, as KMS sends it), 1000 entries 470 KB; entry `i` is the same whatever the
/// count, so a larger body holds the smaller one's entries and more of the same kind.
pub fn describe_response_body(entries: usize) -> Vec<u8> {
    let mut body = String::with_capacity(entries * 450 + 128);
    body.push_str("{\"CustomKeyStores\":[");
    for i in 0..entries {
        if i > 0 {
            body.push(',');
        }
        let state = CONNECTION_STATES[i % CONNECTION_STATES.len()];
        let created = 1_650_000_000 + 86_399 * i as u64;
        let millis = (i * 37) % 1000;
        let _ = write!(
            body,
            "{{\"CustomKeyStoreId\":\"cks-{:017x}\",\"CustomKeyStoreName\":\"KeyStore-{i:03}\",\
             \"ConnectionState\":\"{state}\",\"CreationDate\":{created}.{millis:03},",
            0x1234_5678_9abc_u64 + i as u64
        );
        if i % 2 == 0 {
            let code = CLOUDHSM_ERROR_CODES[(i / 2) % CLOUDHSM_ERROR_CODES.len()];
            let _ = write!(
                body,
                "\"CustomKeyStoreType\":\"AWS_CLOUDHSM\",\"ConnectionErrorCode\":\"{code}\",\
                 \"CloudHsmClusterId\":\"cluster-{}\",\"TrustAnchorCertificate\":\"{}\"}}",
                base32(i as u64 * 7919, 13),
                trust_anchor(i)
            );
        } else {
            let code = XKS_ERROR_CODES[(i / 2) % XKS_ERROR_CODES.len()];
            let _ = write!(
                body,
                "\"CustomKeyStoreType\":\"EXTERNAL_KEY_STORE\",\"ConnectionErrorCode\":\"{code}\",\
                 \"XksProxyConfiguration\":{{\"Connectivity\":\"VPC_ENDPOINT_SERVICE\",\
                 \"AccessKeyId\":\"{}\",\"UriEndpoint\":\"https://xks-{i:03}.example.com\",\
                 \"UriPath\":\"/kms/xks/v1\",\
                 \"VpcEndpointServiceName\":\"com.amazonaws.vpce.us-east-1.vpce-svc-{:017x}\",\
                 \"VpcEndpointServiceOwner\":\"{:012}\"}}}}",
                base32(i as u64 * 104_729, 20),
                0xfeed_0000_u64 + i as u64,
                111_122_223_333_u64 + i as u64
            );
        }
    }
    let _ = write!(
        body,
        "],\"NextMarker\":\"{DESCRIBE_NEXT_MARKER}\",\"Truncated\":true}}"
    );
    body.into_bytes()
}

/// The `x-amzn-RequestId` of every benchmark response.
pub const REQUEST_ID: &str = "6ef2a3d4-1b2c-4d5e-8f90-a1b2c3d4e5f6";

/// The body of a 400 `CustomKeyStoreNotFoundException` response, as KMS sends it.
pub fn not_found_body() -> Vec<u8> {
    br#"{"__type":"CustomKeyStoreNotFoundException","message":"The request was rejected because AWS KMS cannot find a custom key store with the specified key store name or ID."}"#
        .to_vec()
}

/// The headers of every benchmark response: `Content-Type` and `x-amzn-RequestId`, plus
/// `Content-Length` of `body_len`.
pub fn response_headers(body_len: usize) -> Vec<(&'static str, String)> {
    vec![
        ("content-type", kms_api::wire::CONTENT_TYPE.to_owned()),
        ("x-amzn-requestid", REQUEST_ID.to_owned()),
        ("content-length", body_len.to_string()),
    ]
}

/// The response headers as an [`http::HeaderMap`], for our parser.
pub fn header_map(body_len: usize) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (name, value) in response_headers(body_len) {
        map.insert(
            http::header::HeaderName::from_static(name),
            value.parse().expect("a valid header value"),
        );
    }
    map
}
