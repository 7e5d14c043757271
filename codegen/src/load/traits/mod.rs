//! The traits applied to a shape or member, read once into typed fields. Traits the
//! generator does not know are kept as written, by id, in [`Traits::other`].
//!
//! Where a trait is (which shape or member, which file, which line) is the owner's: a
//! [`Traits`] value always belongs to one [`Shape`](super::Shape) or
//! [`Member`](super::Member), whose id the planner names in its diagnostics.

mod bound;
mod ids;
mod values;

pub use bound::{Bound, Range};
pub use ids::{names_a_protocol, TraitId};
pub use values::{
    Checked, Deprecated, EnumValue, Example, Fault, Length, Paginated, TimestampFormat,
};

use crate::load::number_text;
use serde_json::Value;
use std::collections::BTreeMap;

/// `aws.api#service`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AwsService {
    /// `sdkId`: the service's name in SDKs (`KMS`).
    pub sdk_id: Option<String>,
}

/// `aws.auth#sigv4`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sigv4 {
    /// `name`: the signing name (`kms`).
    pub name: Option<String>,
}

/// The traits of one shape or member.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traits {
    /// `documentation` (CommonMark with HTML, as written).
    pub documentation: Option<String>,
    /// Whether `documentation` is CommonMark proper (an IDL documentation comment), rather
    /// than the HTML that AWS models write in the trait.
    pub documentation_is_commonmark: bool,
    /// `deprecated`.
    pub deprecated: Option<Deprecated>,
    /// `title`.
    pub title: Option<String>,
    /// `required`.
    pub required: bool,
    /// `sensitive`.
    pub sensitive: bool,
    /// `sparse`.
    pub sparse: bool,
    /// `idempotencyToken`.
    pub idempotency_token: bool,
    /// `hostLabel`.
    pub host_label: bool,
    /// `streaming`.
    pub streaming: bool,
    /// `eventHeader`.
    pub event_header: bool,
    /// `eventPayload`.
    pub event_payload: bool,
    /// `mixin`.
    pub mixin: bool,
    /// `enumValue`.
    pub enum_value: Option<EnumValue>,
    /// `default`, a node value; `Null` says explicitly that there is none.
    pub default: Option<Value>,
    /// The default's JSON text, when `default` holds a number only approximately (a
    /// bigInteger past 64 bits, a bigDecimal of many digits).
    pub default_text: Option<String>,
    /// `length`.
    pub length: Option<Checked<Length>>,
    /// `pattern`.
    pub pattern: Option<Checked<String>>,
    /// `range`.
    pub range: Option<Checked<Range>>,
    /// `timestampFormat`.
    pub timestamp_format: Option<Checked<TimestampFormat>>,
    /// `error`.
    pub error: Option<Checked<Fault>>,
    /// `httpError`.
    pub http_error: Option<Checked<u16>>,
    /// `paginated`.
    pub paginated: Option<Paginated>,
    /// `examples`: the list, and each entry.
    pub examples: Option<Checked<Vec<Checked<Example>>>>,
    /// `endpoint`: its `hostPrefix`.
    pub host_prefix: Option<Checked<String>>,
    /// `requestCompression`: its encodings.
    pub request_compression: Option<Vec<String>>,
    /// `aws.api#service`.
    pub aws_service: Option<AwsService>,
    /// `aws.auth#sigv4`.
    pub sigv4: Option<Sigv4>,
    /// `aws.protocols#awsJson1_0`.
    pub aws_json_1_0: bool,
    /// `aws.protocols#awsJson1_1`.
    pub aws_json_1_1: bool,
    /// `aws.protocols#awsQueryCompatible`: requests say so in `x-amzn-query-mode`, and
    /// error responses carry their awsQuery code in `x-amzn-query-error`.
    pub aws_query_compatible: bool,
    /// `aws.protocols#awsQueryError`: the error's awsQuery code (its `httpResponseCode`
    /// belongs to the awsQuery protocol and is not read).
    pub aws_query_error: Option<Checked<String>>,
    /// `smithy.test#httpRequestTests`: the cases, as written.
    pub http_request_tests: Vec<Value>,
    /// `smithy.test#httpResponseTests`: the cases, as written.
    pub http_response_tests: Vec<Value>,
    /// Every other trait, by absolute id, as written.
    pub other: BTreeMap<String, Value>,
}

impl Traits {
    /// Reads a JSON AST trait map.
    pub fn read(raw: &BTreeMap<String, Value>) -> Traits {
        let mut traits = Traits::default();
        // The exact text of a `default` or `range` number, kept beside it by the front ends.
        let text = |id: TraitId| raw.get(&number_text::key(id.id())).and_then(Value::as_str);
        for (id, value) in raw {
            match TraitId::of(id) {
                Some(TraitId::Range) => {
                    traits.range = Some(Range::read(value, text(TraitId::Range)));
                }
                Some(known) => traits.set(known, value),
                None if number_text::is_front_end_key(id) => {}
                None => {
                    traits.other.insert(id.clone(), value.clone());
                }
            }
        }
        traits.documentation_is_commonmark = traits.documentation.is_some()
            && raw.contains_key(number_text::COMMONMARK_DOCUMENTATION);
        traits.default_text = text(TraitId::Default)
            .filter(|_| traits.default.is_some())
            .map(number_text::numbers)
            .and_then(|mut numbers| numbers.remove(""));
        traits
    }

    fn set(&mut self, id: TraitId, value: &Value) {
        let cases = || value.as_array().cloned().unwrap_or_default();
        match id {
            TraitId::Documentation => self.documentation = value.as_str().map(str::to_owned),
            TraitId::Deprecated => self.deprecated = Some(Deprecated::read(value)),
            TraitId::Title => self.title = value.as_str().map(str::to_owned),
            TraitId::Required => self.required = true,
            TraitId::Sensitive => self.sensitive = true,
            TraitId::Sparse => self.sparse = true,
            TraitId::IdempotencyToken => self.idempotency_token = true,
            TraitId::HostLabel => self.host_label = true,
            TraitId::Streaming => self.streaming = true,
            TraitId::EventHeader => self.event_header = true,
            TraitId::EventPayload => self.event_payload = true,
            TraitId::Mixin => self.mixin = true,
            TraitId::EnumValue => self.enum_value = Some(EnumValue::read(value)),
            TraitId::Default => self.default = Some(value.clone()),
            TraitId::Length => self.length = Some(Length::read(value)),
            TraitId::Pattern => self.pattern = Some(values::read_pattern(value)),
            TraitId::Range => self.range = Some(Range::read(value, None)),
            TraitId::TimestampFormat => self.timestamp_format = Some(TimestampFormat::read(value)),
            TraitId::Error => self.error = Some(Fault::read(value)),
            TraitId::HttpError => self.http_error = Some(values::read_http_error(value)),
            TraitId::Paginated => self.paginated = Some(Paginated::read(value)),
            TraitId::Examples => self.examples = Some(values::read_examples(value)),
            TraitId::Endpoint => self.host_prefix = Some(values::read_host_prefix(value)),
            TraitId::RequestCompression => {
                self.request_compression = Some(values::read_encodings(value))
            }
            TraitId::AwsService => {
                self.aws_service = Some(AwsService {
                    sdk_id: values::text(value, "sdkId"),
                })
            }
            TraitId::Sigv4 => {
                self.sigv4 = Some(Sigv4 {
                    name: values::text(value, "name"),
                })
            }
            TraitId::AwsJson1_0 => self.aws_json_1_0 = true,
            TraitId::AwsJson1_1 => self.aws_json_1_1 = true,
            TraitId::AwsQueryCompatible => self.aws_query_compatible = true,
            TraitId::AwsQueryError => {
                self.aws_query_error = Some(values::read_query_error_code(value))
            }
            TraitId::HttpRequestTests => self.http_request_tests = cases(),
            TraitId::HttpResponseTests => self.http_response_tests = cases(),
        }
    }

    /// Whether a known trait is applied (whatever its value).
    pub fn has(&self, id: TraitId) -> bool {
        match id {
            TraitId::Documentation => self.documentation.is_some(),
            TraitId::Deprecated => self.deprecated.is_some(),
            TraitId::Title => self.title.is_some(),
            TraitId::Required => self.required,
            TraitId::Sensitive => self.sensitive,
            TraitId::Sparse => self.sparse,
            TraitId::IdempotencyToken => self.idempotency_token,
            TraitId::HostLabel => self.host_label,
            TraitId::Streaming => self.streaming,
            TraitId::EventHeader => self.event_header,
            TraitId::EventPayload => self.event_payload,
            TraitId::Mixin => self.mixin,
            TraitId::EnumValue => self.enum_value.is_some(),
            TraitId::Default => self.default.is_some(),
            TraitId::Length => self.length.is_some(),
            TraitId::Pattern => self.pattern.is_some(),
            TraitId::Range => self.range.is_some(),
            TraitId::TimestampFormat => self.timestamp_format.is_some(),
            TraitId::Error => self.error.is_some(),
            TraitId::HttpError => self.http_error.is_some(),
            TraitId::Paginated => self.paginated.is_some(),
            TraitId::Examples => self.examples.is_some(),
            TraitId::Endpoint => self.host_prefix.is_some(),
            TraitId::RequestCompression => self.request_compression.is_some(),
            TraitId::AwsService => self.aws_service.is_some(),
            TraitId::Sigv4 => self.sigv4.is_some(),
            TraitId::AwsJson1_0 => self.aws_json_1_0,
            TraitId::AwsJson1_1 => self.aws_json_1_1,
            TraitId::AwsQueryCompatible => self.aws_query_compatible,
            TraitId::AwsQueryError => self.aws_query_error.is_some(),
            TraitId::HttpRequestTests => !self.http_request_tests.is_empty(),
            TraitId::HttpResponseTests => !self.http_response_tests.is_empty(),
        }
    }

    /// The ids of applied traits that define a protocol this generator does not know.
    pub fn other_protocols(&self) -> Vec<&str> {
        self.other
            .keys()
            .map(String::as_str)
            .filter(|id| names_a_protocol(id))
            .collect()
    }

    /// The `#[deprecated]` note, when the trait is applied.
    pub fn deprecation_note(&self) -> Option<String> {
        self.deprecated.as_ref().map(Deprecated::note)
    }

    /// Whether this is an error structure (`error` applied, whatever its value).
    pub fn is_error(&self) -> bool {
        self.error.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(value: Value) -> Traits {
        let map: BTreeMap<String, Value> = serde_json::from_value(value).unwrap();
        Traits::read(&map)
    }

    #[test]
    fn known_traits_are_typed_and_others_kept() {
        let traits = read(json!({
            "smithy.api#required": {},
            "smithy.api#documentation": "Hi.",
            "smithy.api#length": {"min": 1},
            "smithy.api#jsonName": "x",
            "aws.protocols#restJson1": {},
        }));
        assert!(traits.required && traits.has(TraitId::Required));
        assert!(!traits.sensitive && !traits.has(TraitId::Sensitive));
        assert_eq!(traits.documentation.as_deref(), Some("Hi."));
        assert_eq!(
            traits.length,
            Some(Ok(Length {
                min: Some(1),
                max: None
            }))
        );
        assert_eq!(
            traits.other.keys().collect::<Vec<_>>(),
            ["aws.protocols#restJson1", "smithy.api#jsonName"]
        );
        assert_eq!(traits.other_protocols(), ["aws.protocols#restJson1"]);
    }

    #[test]
    fn a_wrong_value_is_kept_with_its_message() {
        let traits = read(json!({"smithy.api#pattern": 7, "smithy.api#error": "nobody"}));
        assert_eq!(
            traits.pattern,
            Some(Err("`pattern` must be a string".to_owned()))
        );
        assert!(traits.is_error());
    }

    #[test]
    fn every_known_trait_reads_as_present() {
        for id in TraitId::ALL {
            let value = match id {
                TraitId::HttpRequestTests | TraitId::HttpResponseTests => json!([{}]),
                TraitId::Documentation | TraitId::Title => json!("text"),
                _ => json!({}),
            };
            let traits = read(json!({ id.id(): value }));
            assert!(traits.has(id), "{id:?}");
            assert!(traits.other.is_empty(), "{id:?}");
        }
    }
}
