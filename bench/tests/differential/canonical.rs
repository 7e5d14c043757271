//! Both crates' parsed values in one canonical `serde_json::Value` form, written by hand per
//! type from the typed values, never through our crate's serde `Serialize` (which would compare
//! our crate with itself):
//!
//! - an enum is its Rust variant NAME, taken from `Debug` (`"Connected"`); a value the crate
//!   does not know is `{"Unknown": <raw value>}`;
//! - a timestamp is `[seconds, nanos]`, nanos rounded to the millisecond (see [`timestamp`]);
//! - strings are strings, absent members `null`;
//! - an error is its variant name, code, message and request id (one variant is spelled
//!   differently by the two generators: see [`theirs_error`]).

use aws_sdk_kms::error::ProvideErrorMetadata;
use aws_sdk_kms::operation::RequestId;
use kms_api::wire::OperationError;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt::Debug;

/// The leading identifier of a value's `Debug` text: an enum's variant name.
pub fn variant_name(value: &impl Debug) -> String {
    format!("{value:?}")
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// An enum value: its variant name, or the raw value under `Unknown`.
pub fn enum_value<E: Debug + AsRef<str>>(value: &E) -> Value {
    match variant_name(value).as_str() {
        "Unknown" => json!({ "Unknown": value.as_ref() }),
        name => json!(name),
    }
}

/// A timestamp as `[seconds, nanos]`, rounded to the millisecond: the peer reads epoch
/// seconds through an `f64` (`DateTime::from_secs_f64`), so `.123` becomes 122999906 ns,
/// while ours keeps the digits. AWS sends milliseconds, and so do the generated responses.
pub fn timestamp(seconds: i64, nanos: u32) -> Value {
    let millis = seconds
        .saturating_mul(1000)
        .saturating_add(i64::from((nanos + 500_000) / 1_000_000));
    json!([millis.div_euclid(1000), millis.rem_euclid(1000) * 1_000_000])
}

/// An output without members.
pub fn empty<T>(_output: &T) -> Value {
    json!({})
}

/// Our error: variant, code, message, request id.
pub fn ours_error<E: OperationError>(error: &E) -> Value {
    json!({
        "variant": variant_name(error),
        "code": error.code(),
        "message": error.message(),
        "request_id": error.request_id(),
    })
}

/// Error variants the two generators name differently, the peer's name first: they split the
/// acronym in `CustomKeyStoreHasCMKsException` differently. The canonical form uses ours; any
/// other difference in a variant name still counts.
const PEER_SPELLINGS: [(&str, &str); 1] = [(
    "CustomKeyStoreHasCmKsException",
    "CustomKeyStoreHasCmksException",
)];

/// The peer's error, from its `ProvideErrorMetadata` and `RequestId`.
pub fn theirs_error<E: ProvideErrorMetadata + RequestId + Debug>(error: &E) -> Value {
    let variant = variant_name(error);
    let variant = PEER_SPELLINGS
        .iter()
        .find(|(peer, _)| *peer == variant)
        .map_or(variant.clone(), |(_, ours)| (*ours).to_owned());
    json!({
        "variant": variant,
        "code": ProvideErrorMetadata::code(error),
        "message": ProvideErrorMetadata::message(error),
        "request_id": RequestId::request_id(error),
    })
}

/// The output adapters, written once for both crates: each module below names its crate's
/// types, and the members are read the same way on both sides (the field names agree).
macro_rules! output_adapters {
    () => {
        use super::{enum_value, timestamp};
        use serde_json::{json, Value};

        pub fn create(output: &CreateOutput) -> Value {
            json!({ "custom_key_store_id": output.custom_key_store_id })
        }

        pub fn describe(output: &DescribeOutput) -> Value {
            json!({
                "custom_key_stores": output
                    .custom_key_stores
                    .as_ref()
                    .map(|entries| entries.iter().map(entry).collect::<Vec<_>>()),
                "next_marker": output.next_marker,
                "truncated": output.truncated,
            })
        }

        pub fn entry(entry: &CustomKeyStoresListEntry) -> Value {
            json!({
                "custom_key_store_id": entry.custom_key_store_id,
                "custom_key_store_name": entry.custom_key_store_name,
                "cloud_hsm_cluster_id": entry.cloud_hsm_cluster_id,
                "trust_anchor_certificate": entry.trust_anchor_certificate,
                "connection_state": entry.connection_state.as_ref().map(enum_value),
                "connection_error_code": entry.connection_error_code.as_ref().map(enum_value),
                "creation_date": entry.creation_date.map(|t| timestamp(t.secs(), t.subsec_nanos())),
                "custom_key_store_type": entry.custom_key_store_type.as_ref().map(enum_value),
                "xks_proxy_configuration": entry.xks_proxy_configuration.as_ref().map(proxy),
            })
        }

        fn proxy(proxy: &XksProxyConfigurationType) -> Value {
            json!({
                "connectivity": proxy.connectivity.as_ref().map(enum_value),
                "access_key_id": proxy.access_key_id,
                "uri_endpoint": proxy.uri_endpoint,
                "uri_path": proxy.uri_path,
                "vpc_endpoint_service_name": proxy.vpc_endpoint_service_name,
                "vpc_endpoint_service_owner": proxy.vpc_endpoint_service_owner,
            })
        }
    };
}

/// Our crate's outputs.
pub mod ours {
    use kms_api::operations::create_custom_key_store::CreateCustomKeyStoreResponse as CreateOutput;
    use kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresResponse as DescribeOutput;
    use kms_api::types::{CustomKeyStoresListEntry, XksProxyConfigurationType};

    output_adapters!();
}

/// The peer's outputs, member for member as in [`ours`].
pub mod theirs {
    use aws_sdk_kms::operation::create_custom_key_store::CreateCustomKeyStoreOutput as CreateOutput;
    use aws_sdk_kms::operation::describe_custom_key_stores::DescribeCustomKeyStoresOutput as DescribeOutput;
    use aws_sdk_kms::types::{CustomKeyStoresListEntry, XksProxyConfigurationType};

    output_adapters!();
}

/// Where two canonical values differ, one line per path: `path: ours <value>, peer <value>`.
pub fn differences(ours: &Value, theirs: &Value) -> String {
    let mut lines = Vec::new();
    walk("$", Some(ours), Some(theirs), &mut lines);
    lines.join("\n")
}

fn walk(path: &str, ours: Option<&Value>, theirs: Option<&Value>, lines: &mut Vec<String>) {
    match (ours, theirs) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            for key in a.keys().chain(b.keys()).collect::<BTreeSet<_>>() {
                walk(&format!("{path}.{key}"), a.get(key), b.get(key), lines);
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) if a.len() == b.len() => {
            for (i, (a, b)) in a.iter().zip(b).enumerate() {
                walk(&format!("{path}[{i}]"), Some(a), Some(b), lines);
            }
        }
        (a, b) if a == b => {}
        (a, b) => {
            let show = |v: Option<&Value>| v.map_or("(absent)".to_owned(), Value::to_string);
            lines.push(format!("{path}: ours {}, peer {}", show(a), show(b)));
        }
    }
}
