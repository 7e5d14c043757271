//! Reading a successful response, and the helpers that error responses share with it.

use super::error_path::track;
use super::json_deserializer::from_json_str;
use super::read_json::{read_whole, ReadJson};

/// Parses a 2xx body into an output: the body must be UTF-8 JSON, an empty body counts
/// as `{}`, unknown members are ignored, and a wrongly typed value is an error naming
/// its member path.
pub fn parse_output<T: serde::de::DeserializeOwned + ReadJson>(body: &[u8]) -> Result<T, String> {
    let body =
        std::str::from_utf8(body).map_err(|error| format!("the body is not UTF-8: {error}"))?;
    let body = if body.trim().is_empty() { "{}" } else { body };
    // The fast path reads the body straight into the output. Whatever it gives up on is
    // read by serde, which gives the value, or the error with the member path where it
    // happened.
    match read_whole(body) {
        Some(value) => Ok(value),
        None => track(|| from_json_str(body)),
    }
}

/// A header's value, when present and readable as text.
pub(super) fn header<'h>(headers: &'h http::HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}
