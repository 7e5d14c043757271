//! What a handler learns about the request besides its typed input.

/// The request's headers, its request id and its raw `X-Amz-Target`.
#[derive(Clone, Debug)]
pub struct RequestContext {
    headers: http::HeaderMap,
    request_id: String,
    target: String,
}

impl RequestContext {
    /// A context for a request with these headers and target, and a fresh request id.
    pub fn new(headers: http::HeaderMap, target: impl Into<String>) -> Self {
        RequestContext {
            headers,
            request_id: super::request_id::fresh_request_id(),
            target: target.into(),
        }
    }

    /// The request's headers.
    pub fn headers(&self) -> &http::HeaderMap {
        &self.headers
    }

    /// The id sent back in `x-amzn-RequestId`: a fresh UUID unless the handler chose one.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// Chooses the request id the response carries. One that is not a valid header value
    /// is replaced by a fresh UUID when the response is written.
    pub fn set_request_id(&mut self, id: impl Into<String>) {
        self.request_id = id.into();
    }

    /// The raw `X-Amz-Target` (empty when the request had none, or not as text).
    pub fn target(&self) -> &str {
        &self.target
    }
}
