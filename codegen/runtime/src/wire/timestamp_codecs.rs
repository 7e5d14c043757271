//! Codecs for timestamps in string formats (`@timestampFormat("date-time")` and
//! `"http-date"`); the default format, epoch seconds, is `DateTime`'s own serde form.

use super::codecs::Codec;
use crate::primitives::DateTime;

/// Timestamps as RFC 3339 `date-time` strings.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateTimeString;

/// Timestamps as RFC 7231 IMF-fixdate strings.
#[derive(Clone, Copy, Debug, Default)]
pub struct HttpDateString;

fn decode_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    parse: fn(&str) -> Option<DateTime>,
    what: &str,
) -> Result<DateTime, D::Error> {
    let text: String = serde::Deserialize::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| {
        <D::Error as serde::de::Error>::custom(format!("expected {what}, found {text:?}"))
    })
}

impl Codec<DateTime> for DateTimeString {
    fn encode<S: serde::Serializer>(
        &self,
        value: &DateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.to_rfc3339())
    }

    fn decode<'de, D: serde::Deserializer<'de>>(
        &self,
        deserializer: D,
    ) -> Result<DateTime, D::Error> {
        decode_text(
            deserializer,
            DateTime::parse_rfc3339,
            "an RFC 3339 date-time",
        )
    }
}

impl Codec<DateTime> for HttpDateString {
    fn encode<S: serde::Serializer>(
        &self,
        value: &DateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.to_http_date())
    }

    fn decode<'de, D: serde::Deserializer<'de>>(
        &self,
        deserializer: D,
    ) -> Result<DateTime, D::Error> {
        decode_text(deserializer, DateTime::parse_http_date, "an HTTP date")
    }
}
