//! Request compression (`smithy.api#requestCompression`): the settings and the gzip step
//! that `Operation::serialize_request` applies to the operations that allow it.

use super::errors::RequestError;
use std::io::Write as _;

/// When to gzip the body of an operation with `@requestCompression`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compression {
    /// Never compress.
    pub disabled: bool,
    /// Compress bodies of at least this many bytes (Smithy's default: 10 240).
    pub min_size_bytes: usize,
}

impl Default for Compression {
    fn default() -> Self {
        Compression {
            disabled: false,
            min_size_bytes: 10_240,
        }
    }
}

/// Gzips the body when the settings allow, appending `gzip` to `Content-Encoding`
/// and updating `Content-Length`.
pub fn compress(
    mut request: http::Request<Vec<u8>>,
    compression: &Compression,
) -> Result<http::Request<Vec<u8>>, RequestError> {
    if compression.disabled || request.body().len() < compression.min_size_bytes {
        return Ok(request);
    }
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(request.body().len() / 2),
        flate2::Compression::default(),
    );
    let compressed = encoder
        .write_all(request.body())
        .and_then(|()| encoder.finish())
        .map_err(|error| RequestError::Serialize(error.to_string()))?;
    let encoding = match request.headers().get(http::header::CONTENT_ENCODING) {
        Some(existing) => {
            let existing = existing
                .to_str()
                .map_err(|error| RequestError::Serialize(error.to_string()))?;
            http::HeaderValue::from_str(&format!("{existing}, gzip"))
                .map_err(|error| RequestError::Serialize(error.to_string()))?
        }
        None => http::HeaderValue::from_static("gzip"),
    };
    *request.body_mut() = compressed;
    let length = http::HeaderValue::from(request.body().len());
    let headers = request.headers_mut();
    headers.insert(http::header::CONTENT_ENCODING, encoding);
    headers.insert(http::header::CONTENT_LENGTH, length);
    Ok(request)
}
