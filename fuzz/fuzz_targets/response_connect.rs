//! Fuzzes `ConnectCustomKeyStore`'s response parser: the first byte picks the status, the rest is the body.
#![no_main]

use kms_api::operations::connect_custom_key_store::ConnectCustomKeyStore;
use kms_api::wire::Operation;
use libfuzzer_sys::fuzz_target;

const STATUSES: [u16; 8] = [200, 201, 204, 400, 403, 404, 500, 503];

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data.split_first() {
        Some((first, rest)) => (STATUSES[usize::from(*first) % STATUSES.len()], rest),
        None => (200, data),
    };
    let mut headers = http::HeaderMap::new();
    headers.insert("x-amzn-requestid", http::HeaderValue::from_static("fuzz"));
    let _ = ConnectCustomKeyStore::parse_response_parts(status, &headers, body);
});
