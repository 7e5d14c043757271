//! Building a request: the JSON body and the protocol's headers.

use super::errors::RequestError;
use super::json_writer::to_json;
use super::CONTENT_TYPE;

/// `X-Amz-Target`, built when the crate is compiled: `HeaderName::from_static` is a
/// `const fn`, and calling it at run time would check the name on every request.
const X_AMZ_TARGET: http::HeaderName = http::HeaderName::from_static("x-amz-target");
const X_AMZN_QUERY_MODE: http::HeaderName = http::HeaderName::from_static("x-amzn-query-mode");

/// Builds the request for an operation's target header and input; `query_compatible` adds
/// `x-amzn-query-mode: true` (for an `@awsQueryCompatible` service).
pub fn request<T: serde::Serialize + ?Sized>(
    target: http::HeaderValue,
    input: &T,
    query_compatible: bool,
) -> Result<http::Request<Vec<u8>>, RequestError> {
    // Most request bodies fit; a larger one grows once or twice.
    let mut body = Vec::with_capacity(1024);
    to_json(input, &mut body).map_err(|error| RequestError::Serialize(error.to_string()))?;
    let length = decimal_header(body.len());
    let mut request = http::Request::new(body);
    *request.method_mut() = http::Method::POST;
    // Room for every header at once, so the map allocates once instead of growing.
    let mut headers = http::HeaderMap::with_capacity(4);
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(CONTENT_TYPE),
    );
    headers.insert(X_AMZ_TARGET, target);
    headers.insert(http::header::CONTENT_LENGTH, length);
    if query_compatible {
        headers.insert(X_AMZN_QUERY_MODE, http::HeaderValue::from_static("true"));
    }
    *request.headers_mut() = headers;
    Ok(request)
}

/// `value` in decimal as a header value. `HeaderValue::from(usize)` formats into a growable
/// buffer and shares it; copying the digits from the stack makes one small, plain
/// allocation instead.
fn decimal_header(mut value: usize) -> http::HeaderValue {
    // 20 digits hold any 64-bit value.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start = start.saturating_sub(1);
        if let Some(slot) = digits.get_mut(start) {
            // `value % 10` is below 10, so the cast keeps every bit.
            *slot = b'0' + (value % 10) as u8;
        }
        value /= 10;
        if value == 0 {
            break;
        }
    }
    // Digits are always a valid header value; the fallback is never taken.
    http::HeaderValue::from_bytes(digits.get(start..).unwrap_or_default())
        .unwrap_or(http::HeaderValue::from_static("0"))
}
