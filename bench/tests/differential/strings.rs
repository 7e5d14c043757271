//! Valid values of each string shape of the model, as regexes written by hand from its
//! `length` and `pattern` traits: a table independent of both crates. The model's patterns
//! are ECMAScript, where `\d` is `[0-9]`; it is spelled `[0-9]` here because a Rust regex `\d`
//! is any Unicode digit. Free-text shapes draw any characters (`(?s).`), control characters
//! and astral ones included; lengths count characters, as Smithy's do.

use proptest::prelude::*;

/// `CustomKeyStoreIdType`: length 1..=64.
pub const CUSTOM_KEY_STORE_ID: &str = "(?s).{1,64}";
/// `CustomKeyStoreNameType`: length 1..=256.
pub const CUSTOM_KEY_STORE_NAME: &str = "(?s).{1,256}";
/// `CloudHsmClusterIdType`: `^cluster-[2-7a-zA-Z]{11,16}$`, length 19..=24.
pub const CLOUD_HSM_CLUSTER_ID: &str = "cluster-[2-7a-zA-Z]{11,16}";
/// `TrustAnchorCertificateType`: length 1..=5000 (drawn up to 600, to stay quick).
pub const TRUST_ANCHOR_CERTIFICATE: &str = "(?s).{1,600}";
/// `KeyStorePasswordType`: length 7..=32.
pub const KEY_STORE_PASSWORD: &str = "(?s).{7,32}";
/// `XksProxyUriEndpointType`: `^https://[a-zA-Z0-9.-]+$`, length 10..=128.
pub const XKS_PROXY_URI_ENDPOINT: &str = "https://[a-zA-Z0-9.-]{2,120}";
/// `XksProxyUriPathType`: `^(/[a-zA-Z0-9\/_-]+/kms/xks/v\d{1,2})$|^(/kms/xks/v\d{1,2})$`,
/// length 10..=128.
pub const XKS_PROXY_URI_PATH: &str = "(/[a-zA-Z0-9/_-]{1,100})?/kms/xks/v[0-9]{1,2}";
/// `XksProxyVpcEndpointServiceNameType`:
/// `^(com|eu)\.amazonaws\.vpce\.([a-z]+-){2,3}\d+\.vpce-svc-[0-9a-z]+$`, length 20..=64.
pub const XKS_PROXY_VPC_ENDPOINT_SERVICE_NAME: &str =
    r"(com|eu)\.amazonaws\.vpce\.([a-z]{1,4}-){2,3}[0-9]{1,2}\.vpce-svc-[0-9a-z]{1,17}";
/// `AccountIdType`: `^[0-9]{12}$`, length 12.
pub const ACCOUNT_ID: &str = "[0-9]{12}";
/// `XksProxyAuthenticationAccessKeyIdType`: `^[A-Z2-7]+$`, length 20..=30.
pub const ACCESS_KEY_ID: &str = "[A-Z2-7]{20,30}";
/// `XksProxyAuthenticationRawSecretAccessKeyType`: `^[a-zA-Z0-9\/+=]+$`, length 43..=64.
pub const RAW_SECRET_ACCESS_KEY: &str = "[a-zA-Z0-9/+=]{43,64}";
/// `MarkerType`: `^[\u0020-\u00FF]*$`, length 1..=1024 (drawn up to 200).
pub const MARKER: &str = r"[\x20-\xFF]{1,200}";
/// `LimitType`: range 1..=1000.
pub const LIMIT: std::ops::RangeInclusive<i32> = 1..=1000;

/// Any text at all (empty included), for members that need not be valid.
pub const WILD: &str = "(?s).{0,24}";

/// A value of a string shape in a response: valid for the shape mostly, any text sometimes
/// (parsers do not validate).
pub fn response_text(valid: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![4 => valid, 1 => WILD]
}

/// A value no enum of the model lists (almost always): an enum-like name or any text.
pub fn unknown_enum_value() -> impl Strategy<Value = String> {
    prop_oneof!["[A-Z][A-Z0-9_]{0,24}", WILD]
}
