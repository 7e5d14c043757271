//! Serving the router from an HTTP server (cargo feature `http-body`): the request body is
//! any [`http_body::Body`] (hyper 1.x's `Incoming`, axum's `Body`), collected into bytes;
//! the response body is a [`http_body_util::Full`], which hyper and axum send as it is.

use super::answer::Rejection;
use super::request_id::fresh_request_id;
use http_body_util::BodyExt;

/// The response body the adapter gives.
pub type FullBody = http_body_util::Full<bytes::Bytes>;

/// Collects a request's body into bytes; a body that fails to arrive is answered
/// `400 SerializationException`.
pub async fn collect_request<B>(
    request: http::Request<B>,
) -> Result<http::Request<bytes::Bytes>, http::Response<FullBody>>
where
    B: http_body::Body,
    B::Error: std::fmt::Display,
{
    let (parts, body) = request.into_parts();
    match body.collect().await {
        Ok(collected) => Ok(http::Request::from_parts(parts, collected.to_bytes())),
        Err(error) => {
            let rejection =
                Rejection::serialization(format!("the request body could not be read: {error}"));
            Err(full_response(rejection.answer_with_id(&fresh_request_id())))
        }
    }
}

/// The router's response with a body HTTP servers send.
pub fn full_response(response: http::Response<Vec<u8>>) -> http::Response<FullBody> {
    response.map(|body| http_body_util::Full::new(bytes::Bytes::from(body)))
}
