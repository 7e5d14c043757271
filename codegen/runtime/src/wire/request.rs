//! Building a request: the JSON body and the protocol's headers.

use super::errors::RequestError;
use super::json_writer::to_json;
use super::CONTENT_TYPE;

/// Builds the request for an operation target and input; `query_compatible` adds
/// `x-amzn-query-mode: true` (for an `@awsQueryCompatible` service).
pub fn request<T: serde::Serialize + ?Sized>(
    target: &'static str,
    input: &T,
    query_compatible: bool,
) -> Result<http::Request<Vec<u8>>, RequestError> {
    // Most request bodies fit; a larger one grows once or twice.
    let mut body = Vec::with_capacity(1024);
    to_json(input, &mut body).map_err(|error| RequestError::Serialize(error.to_string()))?;
    // The target is checked as a header value, and shared, not copied: it lives as long as
    // the program.
    let target = http::HeaderValue::from_maybe_shared(bytes::Bytes::from_static(target.as_bytes()))
        .map_err(|error| RequestError::Serialize(error.to_string()))?;
    let mut request = http::Request::new(body);
    *request.method_mut() = http::Method::POST;
    let length = http::HeaderValue::from(request.body().len());
    let headers = request.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(CONTENT_TYPE),
    );
    headers.insert(http::HeaderName::from_static("x-amz-target"), target);
    headers.insert(http::header::CONTENT_LENGTH, length);
    if query_compatible {
        headers.insert(
            http::HeaderName::from_static("x-amzn-query-mode"),
            http::HeaderValue::from_static("true"),
        );
    }
    Ok(request)
}
