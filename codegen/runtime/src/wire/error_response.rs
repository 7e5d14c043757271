//! Reading an error response: its code, message and request id, and its body as a modelled
//! error structure when it fits one.

use super::error_path::track;
use super::errors::ModelledError;
use super::json_deserializer::from_json_str;
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
        let read = std::str::from_utf8(body)
            .ok()
            .and_then(|text| from_json_str::<ErrorFields>(text).ok());
        let (fields, body) = match read {
            Some(fields) => (fields, Box::from(body)),
            None => (ErrorFields::default(), Box::from(b"{}".as_slice())),
        };
        let code = header(headers, "x-amzn-errortype")
            .or(fields.code.as_deref())
            .or(fields.type_.as_deref())
            .map(sanitize_error_code)
            .filter(|code| !code.is_empty())
            .map(str::to_owned);
        let message = fields.message.or(fields.message_capitalized);
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
        None => track(|| {
            let text = std::str::from_utf8(body).map_err(|error| error.to_string())?;
            // Without the `at line L column C`: the member path says where.
            from_json_str::<T>(text).map_err(|error| error.message().to_owned())
        }),
    }
}

/// What an error body's members say about the error: its code (`code`, else `__type`) and
/// message (`message`, else `Message`), each only when it is a string. A member given twice
/// counts as its last value, as when the body is read into a map.
#[derive(Default)]
struct ErrorFields {
    code: Option<String>,
    type_: Option<String>,
    message: Option<String>,
    message_capitalized: Option<String>,
}

impl<'de> serde::Deserialize<'de> for ErrorFields {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ErrorFieldsVisitor)
    }
}

struct ErrorFieldsVisitor;

impl<'de> serde::de::Visitor<'de> for ErrorFieldsVisitor {
    type Value = ErrorFields;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<ErrorFields, A::Error> {
        let mut fields = ErrorFields::default();
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "code" => &mut fields.code,
                "__type" => &mut fields.type_,
                "message" => &mut fields.message,
                "Message" => &mut fields.message_capitalized,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    continue;
                }
            };
            *slot = map.next_value::<TextOrNone>()?.0;
        }
        Ok(fields)
    }
}

/// Any JSON value, kept only when it is a string.
struct TextOrNone(Option<String>);

impl<'de> serde::Deserialize<'de> for TextOrNone {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextOrNoneVisitor)
    }
}

struct TextOrNoneVisitor;

/// Everything but a string is read (and checked) and dropped.
macro_rules! not_text {
    ($($method:ident($ty:ty)),*) => {$(
        fn $method<E: serde::de::Error>(self, _value: $ty) -> Result<TextOrNone, E> {
            Ok(TextOrNone(None))
        }
    )*};
}

impl<'de> serde::de::Visitor<'de> for TextOrNoneVisitor {
    type Value = TextOrNone;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<TextOrNone, E> {
        Ok(TextOrNone(Some(text.to_owned())))
    }

    not_text!(
        visit_bool(bool),
        visit_u64(u64),
        visit_i64(i64),
        visit_f64(f64)
    );

    fn visit_unit<E: serde::de::Error>(self) -> Result<TextOrNone, E> {
        Ok(TextOrNone(None))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<TextOrNone, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(TextOrNone(None))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<TextOrNone, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(TextOrNone(None))
    }
}
