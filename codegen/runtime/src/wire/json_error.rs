//! Why a JSON text could not be read into a type: the message, and where in the text it
//! went wrong (a line and a column, counted as serde_json counts them, so that messages
//! read the same as they did when serde_json read the bodies).

use std::fmt;

/// A read of a JSON text that failed: malformed JSON, or JSON that does not fit the type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    message: String,
    /// Line (from 1) and column (bytes after the line's start), once known.
    position: Option<(usize, usize)>,
}

impl JsonError {
    /// An error at byte `at` of `text`.
    pub(super) fn at(message: impl Into<String>, text: &str, at: usize) -> Self {
        JsonError {
            message: message.into(),
            position: Some(position_of(text, at)),
        }
    }

    /// Places an error that a visitor raised (it knows no position) at byte `at` of `text`.
    pub(super) fn locate(mut self, text: &str, at: usize) -> Self {
        if self.position.is_none() {
            self.position = Some(position_of(text, at));
        }
        self
    }

    /// The message alone, without the position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The line the error is on, from 1 (0 when unknown).
    pub fn line(&self) -> usize {
        self.position.map_or(0, |(line, _)| line)
    }

    /// The column: how many bytes of its line come before the error (0 when unknown).
    pub fn column(&self) -> usize {
        self.position.map_or(0, |(_, column)| column)
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                write!(f, "{} at line {line} column {column}", self.message)
            }
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for JsonError {}

impl serde::de::Error for JsonError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        JsonError {
            message: message.to_string(),
            position: None,
        }
    }

    fn invalid_type(
        unexpected: serde::de::Unexpected<'_>,
        expected: &dyn serde::de::Expected,
    ) -> Self {
        Self::custom(format_args!(
            "invalid type: {}, expected {expected}",
            InJson(unexpected)
        ))
    }

    fn invalid_value(
        unexpected: serde::de::Unexpected<'_>,
        expected: &dyn serde::de::Expected,
    ) -> Self {
        Self::custom(format_args!(
            "invalid value: {}, expected {expected}",
            InJson(unexpected)
        ))
    }
}

/// What was found, named as JSON names it: `null` (serde says "unit value"), and a float
/// as the body would write it.
struct InJson<'a>(serde::de::Unexpected<'a>);

impl fmt::Display for InJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            serde::de::Unexpected::Unit => f.write_str("null"),
            serde::de::Unexpected::Float(value) => {
                let mut text = Vec::new();
                super::float_text::write_f64(&mut text, value);
                write!(f, "floating point `{}`", String::from_utf8_lossy(&text))
            }
            other => other.fmt(f),
        }
    }
}

/// The line and column of byte `at` (clamped to the text).
fn position_of(text: &str, at: usize) -> (usize, usize) {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
    (line, before.len() - line_start)
}
