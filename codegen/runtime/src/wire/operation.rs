//! The `Operation` trait: one zero-sized type per operation implements it, and the default
//! methods here do all the work of building requests and reading responses, so that per
//! operation only its names, types and error-code dispatch are generated.

#[cfg(feature = "request-compression")]
use super::compression::{compress, Compression};
use super::error_response::ErrorResponse;
use super::errors::{OperationError, RequestError};
use super::request::request;
use super::response::{header, parse_output};
use crate::primitives::UnhandledError;

/// One operation of the service, implemented by a zero-sized type per operation.
pub trait Operation {
    /// The operation's name on the wire.
    const NAME: &'static str;
    /// The `X-Amz-Target` header value.
    const TARGET: &'static str;
    /// [`Operation::TARGET`] as a header value, checked when the crate is compiled rather
    /// than on every request (a target is `Service.Operation`, two shape names, so it is
    /// always a valid header value).
    const TARGET_HEADER: http::HeaderValue = http::HeaderValue::from_static(Self::TARGET);
    /// The input structure.
    type Input: serde::Serialize + crate::validation::Validate;
    /// The output structure (read through the fast path, with serde behind it).
    type Output: serde::de::DeserializeOwned + super::ReadJson;
    /// The operation's error enum.
    type Error: OperationError;

    /// Maps an error response to the operation's error enum: a modelled code gives its
    /// typed variant, anything else `Unhandled`.
    fn error_from_response(response: ErrorResponse) -> Self::Error;

    /// The input with the members the caller may leave empty filled in (a fresh
    /// `@idempotencyToken`); `None` when nothing needed filling.
    fn fill_defaults(_input: &Self::Input) -> Option<Self::Input> {
        None
    }

    #[cfg(feature = "host-prefixes")]
    /// What goes before the caller's host for this input (`smithy.api#endpoint`):
    /// `Some("foo.bar.")` sends to `foo.bar.example.com`. `None` when the operation
    /// has no prefix; an error when a `@hostLabel` member is not a valid host label.
    fn host_prefix(_input: &Self::Input) -> Result<Option<String>, RequestError> {
        Ok(None)
    }

    #[cfg(feature = "request-compression")]
    /// Whether the operation compresses large request bodies (`@requestCompression`).
    const COMPRESSES_REQUESTS: bool = false;

    /// Whether the service is `@awsQueryCompatible`: its requests carry
    /// `x-amzn-query-mode: true`, so that it answers errors with their awsQuery code in
    /// `x-amzn-query-error` (kept on the error, see
    /// [`ResponseMeta::query_error_code`](crate::primitives::ResponseMeta::query_error_code)).
    const QUERY_COMPATIBLE: bool = false;

    #[cfg(feature = "request-compression")]
    /// [`Operation::serialize_request`] with explicit compression settings (the default
    /// settings compress bodies of 10 240 bytes or more for operations that allow it).
    fn serialize_request_with(
        input: &Self::Input,
        compression: &Compression,
    ) -> Result<http::Request<Vec<u8>>, RequestError> {
        let filled = Self::fill_defaults(input);
        let input = filled.as_ref().unwrap_or(input);
        crate::validation::Validate::validate(input).map_err(RequestError::Invalid)?;
        let request = request(Self::TARGET_HEADER, input, Self::QUERY_COMPATIBLE)?;
        if Self::COMPRESSES_REQUESTS {
            compress(request, compression)
        } else {
            Ok(request)
        }
    }

    /// Checks the input against the model's constraints, then serializes it into a
    /// request: `POST /` with the protocol's headers and the JSON body. The caller adds
    /// the host, signs and sends it.
    fn serialize_request(input: &Self::Input) -> Result<http::Request<Vec<u8>>, RequestError> {
        let filled = Self::fill_defaults(input);
        let input = filled.as_ref().unwrap_or(input);
        crate::validation::Validate::validate(input).map_err(RequestError::Invalid)?;
        encode::<Self>(input)
    }

    /// Serializes the input exactly as built, without checking the model's constraints
    /// (for callers who must send what they built, and let the service decide).
    fn serialize_request_unchecked(
        input: &Self::Input,
    ) -> Result<http::Request<Vec<u8>>, RequestError> {
        let filled = Self::fill_defaults(input);
        let input = filled.as_ref().unwrap_or(input);
        encode::<Self>(input)
    }

    /// Parses a response into the output (2xx) or the operation's error (anything else).
    fn parse_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<Self::Output, Self::Error> {
        Self::parse_response_parts(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// [`Operation::parse_response`] from the response's parts.
    fn parse_response_parts(
        status: u16,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<Self::Output, Self::Error> {
        if (200..300).contains(&status) {
            parse_output(body).map_err(|error| {
                let mut unhandled = UnhandledError::new(status).with_deserialize_error(error);
                if let Some(id) = header(headers, "x-amzn-requestid") {
                    unhandled = unhandled.with_request_id(id);
                }
                Self::Error::from(unhandled)
            })
        } else {
            Err(Self::error_from_response(ErrorResponse::new(
                status, headers, body,
            )))
        }
    }
}

/// The request for an input whose defaults are filled in: the JSON body with the protocol's
/// headers, compressed with the default settings when the operation allows it.
fn encode<O: Operation + ?Sized>(input: &O::Input) -> Result<http::Request<Vec<u8>>, RequestError> {
    let request = request(O::TARGET_HEADER, input, O::QUERY_COMPATIBLE)?;
    #[cfg(feature = "request-compression")]
    let request = if O::COMPRESSES_REQUESTS {
        compress(request, &Compression::default())?
    } else {
        request
    };
    Ok(request)
}
