//! The steps of answering one request, in order; the generated router calls them around the
//! dispatch on `X-Amz-Target`, which is all that differs between services.

use super::answer::{json_response, Rejection};
use super::context::RequestContext;
use super::handler_error::HandlerError;
use super::server_error::ServerError;
use super::validation_message::{
    join_violation_messages, missing_member_message, validation_message, violation_message,
};
use crate::wire::{from_json_str, to_json, track_strict, Operation, CONTENT_TYPE};

/// Accepts a request's head: `POST /` (else `404`/`405`), the protocol's `Content-Type`
/// (parameters such as `charset` ignored; else `415`) and an `X-Amz-Target` (else `400
/// UnknownOperationException`). Gives the context the handler will see, or the response.
// The error is the finished response, built once per refused request and returned as it is.
#[allow(clippy::result_large_err)]
pub fn accept(parts: http::request::Parts) -> Result<RequestContext, http::Response<Vec<u8>>> {
    let target = parts
        .headers
        .get("x-amz-target")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let context = RequestContext::new(parts.headers, target);
    let rejection = if parts.uri.path() != "/" {
        Some(Rejection::new(
            404,
            "UnknownOperationException",
            "Requests go to the path /",
        ))
    } else if parts.method != http::Method::POST {
        Some(Rejection::new(
            405,
            "MethodNotAllowedException",
            "Requests use the method POST",
        ))
    } else if !is_protocol_content_type(context.headers()) {
        Some(Rejection::new(
            415,
            "UnsupportedMediaTypeException",
            format!("Requests have the Content-Type {CONTENT_TYPE}"),
        ))
    } else if context.target().is_empty() {
        Some(Rejection::unknown_operation())
    } else {
        None
    };
    match rejection {
        Some(rejection) => Err(rejection.answer(&context)),
        None => Ok(context),
    }
}

/// Whether the `Content-Type` is the protocol's, ignoring parameters and case.
fn is_protocol_content_type(headers: &http::HeaderMap) -> bool {
    headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case(CONTENT_TYPE))
}

/// Reads the body into the operation's input, as a client reads a response (an empty body
/// is `{}`, `null` members are absent, unknown members are skipped, defaults are filled),
/// except that a missing required member is not corrected: it is a `ValidationException`,
/// reported with every broken constraint. A body that is not JSON of the input's shape is a
/// `SerializationException`.
pub fn read_input<O: Operation>(body: &[u8]) -> Result<O::Input, Rejection>
where
    O::Input: serde::de::DeserializeOwned,
{
    let body = std::str::from_utf8(body)
        .map_err(|error| Rejection::serialization(format!("the body is not UTF-8: {error}")))?;
    let body = if body.trim().is_empty() { "{}" } else { body };
    // serde, not the fast path: it follows member paths, which name what is missing.
    let (input, missing) = track_strict(|| from_json_str::<O::Input>(body));
    let input = input.map_err(|error| match missing_member(&error) {
        Some(path) => {
            Rejection::validation(join_violation_messages(&[missing_member_message(&path)]))
        }
        None => Rejection::serialization(error),
    })?;
    let mut messages: Vec<String> = missing
        .iter()
        .map(|path| missing_member_message(path))
        .collect();
    if let Err(error) = crate::validation::Validate::validate(&input) {
        // A missing member was corrected to read on; its correction's violations are not the
        // caller's.
        let corrected = |path: &str| {
            missing.iter().any(|missing| {
                path.strip_prefix(missing.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            })
        };
        messages.extend(
            error
                .violations()
                .iter()
                .filter(|violation| !corrected(violation.path()))
                .map(violation_message),
        );
    }
    if messages.is_empty() {
        Ok(input)
    } else {
        Err(Rejection::validation(join_violation_messages(&messages)))
    }
}

/// The wire path of a required member that a read error says is missing or `null`: the
/// reader reports `Path: missing field `Name` at ...`, or `Path.Name: invalid type: null,
/// ...`.
fn missing_member(error: &str) -> Option<String> {
    // The path, when there is one, comes before the first `: ` (serde's own messages come
    // after it).
    let (path, reason) = match error.split_once(": ") {
        Some((path, reason)) if !path.contains(' ') => (path, reason),
        _ => ("", error),
    };
    if let Some(rest) = reason.strip_prefix("missing field `") {
        let name = rest.split('`').next()?;
        return Some(if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        });
    }
    if reason.starts_with("invalid type: null") && !path.is_empty() {
        return Some(path.to_owned());
    }
    None
}

/// Writes the handler's result: the output with `200`, a modelled error with its status and
/// body, a validation failure as `400 ValidationException`, anything else as `500
/// InternalFailure` with no details.
pub fn respond<O: Operation>(
    result: Result<O::Output, HandlerError<O::Error>>,
    context: &RequestContext,
) -> http::Response<Vec<u8>>
where
    O::Output: serde::Serialize,
    O::Error: ServerError,
{
    answer(result, context, true)
}

/// [`respond`] for an operation whose model gives no output: success is `200` with an empty
/// body, as the protocol asks of a service.
pub fn respond_without_payload<O: Operation>(
    result: Result<O::Output, HandlerError<O::Error>>,
    context: &RequestContext,
) -> http::Response<Vec<u8>>
where
    O::Output: serde::Serialize,
    O::Error: ServerError,
{
    answer(result, context, false)
}

/// [`respond`], writing the output's body only when `payload` says so.
fn answer<T: serde::Serialize, E: ServerError>(
    result: Result<T, HandlerError<E>>,
    context: &RequestContext,
    payload: bool,
) -> http::Response<Vec<u8>> {
    let rejection = match result {
        Ok(_) if !payload => return json_response(200, Vec::new(), context.request_id()),
        Ok(output) => {
            let mut body = Vec::with_capacity(256);
            return match to_json(&output, &mut body) {
                Ok(()) => json_response(200, body, context.request_id()),
                Err(_) => Rejection::internal().answer(context),
            };
        }
        Err(HandlerError::Modelled(error)) => match error.error_body() {
            Some((status, body)) => {
                let mut response = json_response(status, body, context.request_id());
                // Checked to be a header value when the crate was generated.
                if let Some(value) = error
                    .query_error()
                    .and_then(|value| http::HeaderValue::from_str(value).ok())
                {
                    response.headers_mut().insert("x-amzn-query-error", value);
                }
                return response;
            }
            None => Rejection::internal(),
        },
        Err(HandlerError::Validation(error)) => Rejection::validation(validation_message(&error)),
        Err(HandlerError::Invalid(message)) => Rejection::validation(message),
        Err(HandlerError::Internal(_)) => Rejection::internal(),
    };
    rejection.answer(context)
}

/// The answer to a target that names no operation of the service.
pub fn unknown_operation(context: &RequestContext) -> http::Response<Vec<u8>> {
    Rejection::unknown_operation().answer(context)
}
