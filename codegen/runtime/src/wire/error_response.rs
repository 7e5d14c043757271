//! Reading an error response: its code, message and request id, and its body as a modelled
//! error structure when it fits one.

use super::error_path::track;
use super::errors::ModelledError;
use super::read_json::{read_whole, ReadJson};
use super::response::header;
use crate::primitives::{QueryError, ResponseMeta, UnhandledError};

/// Reduces a raw error code to the shape name: drops everything from the first `:` and
/// everything up to the last `#`.
pub fn sanitize_error_code(raw: &str) -> &str {
    let before_colon = raw.split(':').next().unwrap_or(raw);
    before_colon
        .rsplit('#')
        .next()
        .unwrap_or(before_colon)
        .trim()
}

/// What could be read from an error response: its code (from `X-Amzn-ErrorType`, else
/// the body's `code`, else its `__type`), message (`message` or `Message`), status,
/// request id, JSON body, and the awsQuery code and fault of an `@awsQueryCompatible`
/// service (`x-amzn-query-error: Code;Fault`).
#[derive(Clone, Debug)]
pub struct ErrorResponse {
    status: u16,
    code: Option<String>,
    query_error: Option<QueryError>,
    message: Option<String>,
    request_id: Option<String>,
    /// The body when it is a JSON object, as received: a modelled error is read from the
    /// text itself, so that a bigInteger or bigDecimal keeps every digit (a `Value` would
    /// round it to `f64`).
    body: Box<[u8]>,
}

impl ErrorResponse {
    /// Reads an error response. Never fails: a body that is not a JSON object simply
    /// contributes nothing.
    pub fn new(status: u16, headers: &http::HeaderMap, body: &[u8]) -> Self {
        let (fields, body) = match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(serde_json::Value::Object(map)) => (map, Box::from(body)),
            _ => (serde_json::Map::new(), Box::from(b"{}".as_slice())),
        };
        let text = |key: &str| fields.get(key).and_then(serde_json::Value::as_str);
        let code = header(headers, "x-amzn-errortype")
            .or_else(|| text("code"))
            .or_else(|| text("__type"))
            .map(sanitize_error_code)
            .filter(|code| !code.is_empty())
            .map(str::to_owned);
        let message = text("message")
            .or_else(|| text("Message"))
            .map(str::to_owned);
        let request_id = header(headers, "x-amzn-requestid").map(str::to_owned);
        let query_error = header(headers, "x-amzn-query-error").and_then(QueryError::parse);
        ErrorResponse {
            status,
            code,
            query_error,
            message,
            request_id,
            body,
        }
    }

    /// The sanitized error code, when the response named one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The awsQuery code and fault from `x-amzn-query-error`, when the service sent them.
    pub fn query_error(&self) -> Option<&QueryError> {
        self.query_error.as_ref()
    }

    /// Reads the body as a modelled error structure; when the body does not fit it,
    /// the response is returned as an unhandled error instead.
    pub fn typed<T: ModelledError>(self) -> Result<T, UnhandledError> {
        // Generic, so compiled once per error type: everything but the read and the
        // attaching is left to the functions below, compiled once.
        match T::from_body(&self.body) {
            Ok(mut error) => {
                error.attach_response(self.into_meta());
                Ok(error)
            }
            Err(reason) => Err(self.into_unhandled_because(reason)),
        }
    }

    /// What a modelled error remembers of the response.
    fn into_meta(self) -> ResponseMeta {
        ResponseMeta::new(self.status, self.request_id).with_query_error(self.query_error)
    }

    /// The response as an unhandled error, with why its body did not fit the error's shape.
    fn into_unhandled_because(self, reason: String) -> UnhandledError {
        self.into_unhandled().with_deserialize_error(reason)
    }

    /// The response as an unhandled error.
    pub fn into_unhandled(self) -> UnhandledError {
        let mut error = UnhandledError::new(self.status);
        if let Some(code) = self.code {
            error = error.with_code(code);
        }
        if let Some(message) = self.message {
            error = error.with_message(message);
        }
        if let Some(request_id) = self.request_id {
            error = error.with_request_id(request_id);
        }
        error
    }
}

/// Reads an error structure from an error response's body, as `ModelledError::from_body`
/// does: the fast path first, and serde for whatever it gives up on (which gives the error
/// with its member path). Errors of the same shape share one instance of this function
/// (see `message_error!`), which keeps a crate with many errors quick to compile.
pub fn read_error_body<T: serde::de::DeserializeOwned + ReadJson>(
    body: &[u8],
) -> Result<T, String> {
    match std::str::from_utf8(body).ok().and_then(read_whole) {
        Some(error) => Ok(error),
        None => track(|| serde_json::from_slice::<T>(body).map_err(without_position)),
    }
}

/// A reading error's message without the `at line L column C` that reading from text adds:
/// the member path says where, as it did when the body was read from a `Value`.
fn without_position(error: serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => message,
    }
}
