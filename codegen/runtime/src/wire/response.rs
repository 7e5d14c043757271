//! Reading a successful response, and the helpers that error responses share with it.

use super::json_reader::JsonReader;
use super::read_json::ReadJson;

/// Parses a 2xx body into an output: the body must be UTF-8 JSON, an empty body counts
/// as `{}`, unknown members are ignored, and a wrongly typed value is an error naming
/// its member path.
pub fn parse_output<T: serde::de::DeserializeOwned + ReadJson>(body: &[u8]) -> Result<T, String> {
    let body =
        std::str::from_utf8(body).map_err(|error| format!("the body is not UTF-8: {error}"))?;
    let body = if body.trim().is_empty() { "{}" } else { body };
    // The fast path reads the body straight into the output. Whatever it gives up on is
    // read by serde, first without tracking member paths; only a body that fails is read a
    // third time, with tracking, to say where it went wrong.
    let mut reader = JsonReader::new(body);
    if let Ok(value) = T::read_json(&mut reader).and_then(|value| reader.end().map(|()| value)) {
        return Ok(value);
    }
    match serde_json::from_str(body) {
        Ok(value) => Ok(value),
        Err(_) => {
            let mut deserializer = serde_json::Deserializer::from_str(body);
            let value: T =
                serde_path_to_error::deserialize(&mut deserializer).map_err(path_error)?;
            deserializer.end().map_err(|error| error.to_string())?;
            Ok(value)
        }
    }
}

/// A deserialization error with the member path it happened at (`Keys[0].Id: ...`), or
/// without one when it happened at the top.
pub(super) fn path_error<E: std::fmt::Display>(error: serde_path_to_error::Error<E>) -> String {
    let path = error.path().to_string();
    if path == "." {
        error.inner().to_string()
    } else {
        format!("{path}: {}", error.inner())
    }
}

/// A header's value, when present and readable as text.
pub(super) fn header<'h>(headers: &'h http::HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}
