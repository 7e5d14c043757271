//! Writing a response: every one carries the protocol's `Content-Type`, `x-amzn-RequestId`
//! and `Content-Length`; an error's body is a JSON object with `__type` (the error's shape
//! name, which clients read as its code) and `message` where there is one.

use super::context::RequestContext;
use super::request_id::fresh_request_id;
use crate::wire::{to_json, CONTENT_TYPE};

/// A response with a JSON body and the headers every response carries.
pub fn json_response(status: u16, body: Vec<u8>, request_id: &str) -> http::Response<Vec<u8>> {
    let length = http::HeaderValue::from(body.len());
    // The handler may have chosen an id that cannot be a header value: a fresh one is sent.
    let request_id = http::HeaderValue::from_str(request_id)
        .or_else(|_| http::HeaderValue::from_str(&fresh_request_id()));
    let mut response = http::Response::new(body);
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(CONTENT_TYPE),
    );
    if let Ok(request_id) = request_id {
        headers.insert(
            http::HeaderName::from_static("x-amzn-requestid"),
            request_id,
        );
    }
    headers.insert(http::header::CONTENT_LENGTH, length);
    response
}

/// An error body: `{"__type":"<code>","message":"<message>"}`, the message left out when
/// there is none.
pub fn error_body(code: &str, message: Option<&str>) -> Vec<u8> {
    let mut body = Vec::with_capacity(32 + code.len() + message.map_or(0, str::len));
    body.extend_from_slice(b"{\"__type\":");
    // A string is always written: nothing to fail.
    let _ = to_json(code, &mut body);
    if let Some(message) = message {
        body.extend_from_slice(b",\"message\":");
        let _ = to_json(message, &mut body);
    }
    body.push(b'}');
    body
}

/// A request the router answers itself, with an error the protocol (not the model) defines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    status: u16,
    code: &'static str,
    message: String,
}

impl Rejection {
    /// A rejection with its status, `__type` and message.
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Rejection {
            status,
            code,
            message: message.into(),
        }
    }

    /// `400 SerializationException`: the body is not JSON, or not of the input's shape.
    pub fn serialization(message: impl Into<String>) -> Self {
        Rejection::new(400, "SerializationException", message)
    }

    /// `400 ValidationException`: the input breaks the model's constraints.
    pub fn validation(message: impl Into<String>) -> Self {
        Rejection::new(400, "ValidationException", message)
    }

    /// `400 UnknownOperationException`: the target names no operation of the service.
    pub fn unknown_operation() -> Self {
        Rejection::new(
            400,
            "UnknownOperationException",
            "The X-Amz-Target header does not name an operation of this service",
        )
    }

    /// `500 InternalFailure`: the handler failed; no details are sent.
    pub fn internal() -> Self {
        Rejection::new(
            500,
            "InternalFailure",
            "The request processing has failed because of an unknown error",
        )
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The `__type` of the body.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The `message` of the body.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The response, with the context's request id.
    pub fn answer(&self, context: &RequestContext) -> http::Response<Vec<u8>> {
        self.answer_with_id(context.request_id())
    }

    /// The response, with this request id.
    pub fn answer_with_id(&self, request_id: &str) -> http::Response<Vec<u8>> {
        let mut response = json_response(
            self.status,
            error_body(self.code, Some(&self.message)),
            request_id,
        );
        if self.status == 405 {
            response
                .headers_mut()
                .insert(http::header::ALLOW, http::HeaderValue::from_static("POST"));
        }
        response
    }
}
