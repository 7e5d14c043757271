//! Typed values of the known traits, each read from its JSON node once. A value that is
//! present but wrong becomes an `Err` with the message the planner reports, so a broken trait
//! on a shape no selected operation reaches costs nothing, as Smithy's own selectors work.

use serde_json::Value;

/// A trait value that was read, or why it cannot be.
pub type Checked<T> = Result<T, String>;

/// `smithy.api#deprecated`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deprecated {
    /// `message`.
    pub message: Option<String>,
    /// `since`.
    pub since: Option<String>,
}

impl Deprecated {
    pub(super) fn read(value: &Value) -> Deprecated {
        Deprecated {
            message: text(value, "message"),
            since: text(value, "since"),
        }
    }

    /// The note for `#[deprecated]`: the message and `since`, if any.
    pub fn note(&self) -> String {
        match (&self.message, &self.since) {
            (Some(message), Some(since)) => format!("{message} (deprecated since {since})"),
            (Some(message), None) => message.clone(),
            (None, Some(since)) => format!("deprecated since {since}"),
            (None, None) => "deprecated in the model".to_owned(),
        }
    }
}

/// `smithy.api#enumValue`: a string for enums, an integer for intEnums.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnumValue {
    /// A string value.
    String(String),
    /// An integer value (checked against 32 bits by the planner).
    Integer(i64),
    /// Any other value, as the model writes it (for messages).
    Other(String),
}

impl EnumValue {
    pub(super) fn read(value: &Value) -> EnumValue {
        match value {
            Value::String(text) => EnumValue::String(text.clone()),
            other => match other.as_i64() {
                Some(number) => EnumValue::Integer(number),
                None => EnumValue::Other(other.to_string()),
            },
        }
    }

    /// The value as the model writes it (JSON text: strings quoted).
    pub fn as_written(&self) -> String {
        match self {
            EnumValue::String(text) => Value::from(text.as_str()).to_string(),
            EnumValue::Integer(number) => number.to_string(),
            EnumValue::Other(text) => text.clone(),
        }
    }
}

/// `smithy.api#length` bounds: Unicode scalar values for strings, entries for lists and maps,
/// bytes for blobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Length {
    /// `min`.
    pub min: Option<u64>,
    /// `max`.
    pub max: Option<u64>,
}

impl Length {
    pub(super) fn read(value: &Value) -> Checked<Length> {
        let (min, max) = bounds(
            value,
            "length",
            |_, bound| bound.as_u64(),
            "a non-negative integer",
        )?;
        if min.is_none() && max.is_none() {
            return Err("`length` needs `min` or `max`".to_owned());
        }
        Ok(Length { min, max })
    }
}

/// The `min` and `max` of a `length` or `range` trait (`trait_name`), each absent, `null` or
/// what `read` (given the key) accepts (`expected`), and not crossed.
pub(super) fn bounds<T: PartialOrd + std::fmt::Display>(
    value: &Value,
    trait_name: &str,
    read: impl Fn(&str, &Value) -> Option<T>,
    expected: &str,
) -> Checked<(Option<T>, Option<T>)> {
    let bound = |key: &str| match value.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(bound) => read(key, bound)
            .map(Some)
            .ok_or_else(|| format!("`{trait_name}.{key}` must be {expected}, not {bound}")),
    };
    let (min, max) = (bound("min")?, bound("max")?);
    if let (Some(min), Some(max)) = (&min, &max) {
        if min > max {
            return Err(format!(
                "`{trait_name}` has min {min} greater than max {max}"
            ));
        }
    }
    Ok((min, max))
}

/// `smithy.api#pattern`: a string. Whether it compiles is the planner's question (a pattern
/// that ECMA-262 cannot read is left unchecked there, with a warning).
pub(super) fn read_pattern(value: &Value) -> Checked<String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| "`pattern` must be a string".to_owned())
}

/// `smithy.api#timestampFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimestampFormat {
    /// Seconds since the epoch, as a number (the awsJson default).
    EpochSeconds,
    /// RFC 3339 `date-time`, as a string.
    DateTime,
    /// RFC 7231 IMF-fixdate, as a string.
    HttpDate,
}

impl TimestampFormat {
    pub(super) fn read(value: &Value) -> Checked<TimestampFormat> {
        match value.as_str() {
            Some("epoch-seconds") => Ok(TimestampFormat::EpochSeconds),
            Some("date-time") => Ok(TimestampFormat::DateTime),
            Some("http-date") => Ok(TimestampFormat::HttpDate),
            Some(other) => Err(format!("unknown timestamp format `{other}`")),
            None => Err("`timestampFormat` must be a string".to_owned()),
        }
    }
}

/// `smithy.api#error`: whether an error is the caller's fault or the service's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// `client`.
    Client,
    /// `server`.
    Server,
}

impl Fault {
    pub(super) fn read(value: &Value) -> Checked<Fault> {
        match value.as_str() {
            Some("client") => Ok(Fault::Client),
            Some("server") => Ok(Fault::Server),
            other => Err(format!(
                "`error` must be \"client\" or \"server\", not {}",
                other.map_or("a non-string".to_owned(), |o| format!("\"{o}\""))
            )),
        }
    }

    /// The HTTP status an error of this fault has when the model gives none.
    pub fn default_status(self) -> u16 {
        match self {
            Fault::Client => 400,
            Fault::Server => 500,
        }
    }
}

/// `smithy.api#httpError`: an HTTP error status.
pub(super) fn read_http_error(value: &Value) -> Checked<u16> {
    value
        .as_u64()
        .filter(|status| (400..=599).contains(status))
        .and_then(|status| u16::try_from(status).ok())
        .ok_or_else(|| {
            format!("`httpError` must be an HTTP error status from 400 to 599, not {value}")
        })
}

/// `aws.protocols#awsQueryError`'s `code`: what a query-compatible service sends as the
/// `Code` of `x-amzn-query-error: Code;Fault`, so it must be a header value without `;`
/// (visible ASCII, no spaces).
pub(super) fn read_query_error_code(value: &Value) -> Checked<String> {
    match value.get("code").and_then(Value::as_str) {
        Some(code)
            if !code.is_empty() && code.bytes().all(|b| b.is_ascii_graphic() && b != b';') =>
        {
            Ok(code.to_owned())
        }
        Some(code) => Err(format!(
            "`awsQueryError` code {code:?} cannot be sent in the `x-amzn-query-error` header: \
             it must be visible ASCII without spaces or `;`"
        )),
        None => Err("`awsQueryError` needs a string `code`".to_owned()),
    }
}

/// `smithy.api#paginated` member names, as one shape gives them (an operation's are merged
/// with its service's by the planner).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paginated {
    /// `inputToken`.
    pub input_token: Option<String>,
    /// `outputToken`.
    pub output_token: Option<String>,
    /// `items`.
    pub items: Option<String>,
    /// `pageSize`.
    pub page_size: Option<String>,
}

impl Paginated {
    pub(super) fn read(value: &Value) -> Paginated {
        Paginated {
            input_token: text(value, "inputToken"),
            output_token: text(value, "outputToken"),
            items: text(value, "items"),
            page_size: text(value, "pageSize"),
        }
    }
}

/// One `smithy.api#examples` entry; input, output and error content are node values in wire
/// form.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// `title`.
    pub title: String,
    /// `documentation`.
    pub documentation: Option<String>,
    /// `input` (an empty object when absent).
    pub input: Value,
    /// `output`.
    pub output: Option<Value>,
    /// `error`: the error shape id and its content.
    pub error: Option<(String, Value)>,
}

/// `smithy.api#examples`: a list whose entries each need a title.
pub(super) fn read_examples(value: &Value) -> Checked<Vec<Checked<Example>>> {
    let list = value.as_array().ok_or("`examples` must be a list")?;
    Ok(list
        .iter()
        .enumerate()
        .map(|(i, example)| {
            let title = text(example, "title").ok_or(format!("example {i} has no `title`"))?;
            let error = example.get("error").and_then(|e| {
                Some((
                    e.get("shapeId")?.as_str()?.to_owned(),
                    e.get("content").cloned().unwrap_or(Value::Null),
                ))
            });
            Ok(Example {
                title,
                documentation: text(example, "documentation"),
                input: example
                    .get("input")
                    .cloned()
                    .unwrap_or_else(|| Value::Object(Default::default())),
                output: example.get("output").cloned(),
                error,
            })
        })
        .collect())
}

/// `smithy.api#endpoint`: its `hostPrefix` template.
pub(super) fn read_host_prefix(value: &Value) -> Checked<String> {
    text(value, "hostPrefix").ok_or_else(|| "`endpoint` needs a string `hostPrefix`".to_owned())
}

/// `smithy.api#requestCompression`: the encodings it lists.
pub(super) fn read_encodings(value: &Value) -> Vec<String> {
    value
        .get("encodings")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// A string member of an object node.
pub(super) fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn length_bounds_are_checked() {
        assert_eq!(
            Length::read(&json!({"min": 1})),
            Ok(Length {
                min: Some(1),
                max: None
            })
        );
        assert_eq!(
            Length::read(&json!({"min": 5, "max": 2})),
            Err("`length` has min 5 greater than max 2".to_owned())
        );
        assert_eq!(
            Length::read(&json!({"min": -1})),
            Err("`length.min` must be a non-negative integer, not -1".to_owned())
        );
        assert_eq!(
            Length::read(&json!({})),
            Err("`length` needs `min` or `max`".to_owned())
        );
    }

    #[test]
    fn faults_statuses_and_formats() {
        assert_eq!(Fault::read(&json!("server")), Ok(Fault::Server));
        assert_eq!(
            Fault::read(&json!(3)),
            Err("`error` must be \"client\" or \"server\", not a non-string".to_owned())
        );
        assert_eq!(read_http_error(&json!(418)), Ok(418));
        assert!(read_http_error(&json!(200)).is_err());
        assert!(read_http_error(&json!(70000)).is_err());
        assert_eq!(
            TimestampFormat::read(&json!("julian")),
            Err("unknown timestamp format `julian`".to_owned())
        );
    }

    #[test]
    fn examples_need_titles() {
        let read = read_examples(&json!([{"title": "a"}, {"input": {}}])).unwrap();
        assert_eq!(read[0].as_ref().unwrap().input, json!({}));
        assert_eq!(read[1], Err("example 1 has no `title`".to_owned()));
        assert!(read_examples(&json!({})).is_err());
    }

    #[test]
    fn enum_values_keep_what_the_model_wrote() {
        assert_eq!(EnumValue::read(&json!(7)).as_written(), "7");
        assert_eq!(EnumValue::read(&json!(1.5)).as_written(), "1.5");
        assert_eq!(EnumValue::read(&json!("a")).as_written(), "\"a\"");
    }
}
