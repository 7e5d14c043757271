//! The traits the generator knows, by shape id: the one place where trait ids are spelled.
//! Every other module names a trait through [`TraitId`].

/// A trait the generator reads (or knows it must refuse).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TraitId {
    /// `smithy.api#documentation`.
    Documentation,
    /// `smithy.api#deprecated`.
    Deprecated,
    /// `smithy.api#title`.
    Title,
    /// `smithy.api#required`.
    Required,
    /// `smithy.api#sensitive`.
    Sensitive,
    /// `smithy.api#sparse`.
    Sparse,
    /// `smithy.api#idempotencyToken`.
    IdempotencyToken,
    /// `smithy.api#hostLabel`.
    HostLabel,
    /// `smithy.api#streaming`.
    Streaming,
    /// `smithy.api#eventHeader`.
    EventHeader,
    /// `smithy.api#eventPayload`.
    EventPayload,
    /// `smithy.api#mixin`.
    Mixin,
    /// `smithy.api#enumValue`.
    EnumValue,
    /// `smithy.api#default`.
    Default,
    /// `smithy.api#length`.
    Length,
    /// `smithy.api#pattern`.
    Pattern,
    /// `smithy.api#range`.
    Range,
    /// `smithy.api#timestampFormat`.
    TimestampFormat,
    /// `smithy.api#error`.
    Error,
    /// `smithy.api#httpError`.
    HttpError,
    /// `smithy.api#paginated`.
    Paginated,
    /// `smithy.api#examples`.
    Examples,
    /// `smithy.api#endpoint`.
    Endpoint,
    /// `smithy.api#requestCompression`.
    RequestCompression,
    /// `aws.api#service`.
    AwsService,
    /// `aws.auth#sigv4`.
    Sigv4,
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#awsQueryCompatible`.
    AwsQueryCompatible,
    /// `aws.protocols#awsQueryError`.
    AwsQueryError,
    /// `smithy.test#httpRequestTests`.
    HttpRequestTests,
    /// `smithy.test#httpResponseTests`.
    HttpResponseTests,
}

impl TraitId {
    /// Every known trait.
    pub const ALL: [TraitId; 32] = [
        TraitId::Documentation,
        TraitId::Deprecated,
        TraitId::Title,
        TraitId::Required,
        TraitId::Sensitive,
        TraitId::Sparse,
        TraitId::IdempotencyToken,
        TraitId::HostLabel,
        TraitId::Streaming,
        TraitId::EventHeader,
        TraitId::EventPayload,
        TraitId::Mixin,
        TraitId::EnumValue,
        TraitId::Default,
        TraitId::Length,
        TraitId::Pattern,
        TraitId::Range,
        TraitId::TimestampFormat,
        TraitId::Error,
        TraitId::HttpError,
        TraitId::Paginated,
        TraitId::Examples,
        TraitId::Endpoint,
        TraitId::RequestCompression,
        TraitId::AwsService,
        TraitId::Sigv4,
        TraitId::AwsJson1_0,
        TraitId::AwsJson1_1,
        TraitId::AwsQueryCompatible,
        TraitId::AwsQueryError,
        TraitId::HttpRequestTests,
        TraitId::HttpResponseTests,
    ];

    /// The trait's absolute shape id.
    pub const fn id(self) -> &'static str {
        match self {
            TraitId::Documentation => "smithy.api#documentation",
            TraitId::Deprecated => "smithy.api#deprecated",
            TraitId::Title => "smithy.api#title",
            TraitId::Required => "smithy.api#required",
            TraitId::Sensitive => "smithy.api#sensitive",
            TraitId::Sparse => "smithy.api#sparse",
            TraitId::IdempotencyToken => "smithy.api#idempotencyToken",
            TraitId::HostLabel => "smithy.api#hostLabel",
            TraitId::Streaming => "smithy.api#streaming",
            TraitId::EventHeader => "smithy.api#eventHeader",
            TraitId::EventPayload => "smithy.api#eventPayload",
            TraitId::Mixin => "smithy.api#mixin",
            TraitId::EnumValue => "smithy.api#enumValue",
            TraitId::Default => "smithy.api#default",
            TraitId::Length => "smithy.api#length",
            TraitId::Pattern => "smithy.api#pattern",
            TraitId::Range => "smithy.api#range",
            TraitId::TimestampFormat => "smithy.api#timestampFormat",
            TraitId::Error => "smithy.api#error",
            TraitId::HttpError => "smithy.api#httpError",
            TraitId::Paginated => "smithy.api#paginated",
            TraitId::Examples => "smithy.api#examples",
            TraitId::Endpoint => "smithy.api#endpoint",
            TraitId::RequestCompression => "smithy.api#requestCompression",
            TraitId::AwsService => "aws.api#service",
            TraitId::Sigv4 => "aws.auth#sigv4",
            TraitId::AwsJson1_0 => "aws.protocols#awsJson1_0",
            TraitId::AwsJson1_1 => "aws.protocols#awsJson1_1",
            TraitId::AwsQueryCompatible => "aws.protocols#awsQueryCompatible",
            TraitId::AwsQueryError => "aws.protocols#awsQueryError",
            TraitId::HttpRequestTests => "smithy.test#httpRequestTests",
            TraitId::HttpResponseTests => "smithy.test#httpResponseTests",
        }
    }

    /// The known trait with this absolute shape id.
    pub fn of(id: &str) -> Option<TraitId> {
        TraitId::ALL.into_iter().find(|known| known.id() == id)
    }
}

/// Whether an unknown trait id looks like a protocol definition (`aws.protocols#restJson1`,
/// `smithy.protocols#rpcv2Cbor`), so that a service using only such a protocol is told which
/// one is unsupported.
pub fn names_a_protocol(trait_id: &str) -> bool {
    trait_id.starts_with("aws.protocols#")
        || trait_id.contains("#restJson")
        || trait_id.contains("rpcv2")
}

#[cfg(test)]
mod tests {
    use super::TraitId;

    #[test]
    fn ids_are_distinct_and_found_by_id() {
        for known in TraitId::ALL {
            assert_eq!(TraitId::of(known.id()), Some(known));
        }
        let mut ids: Vec<&str> = TraitId::ALL.iter().map(|t| t.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TraitId::ALL.len());
        assert_eq!(TraitId::of("smithy.api#jsonName"), None);
    }
}
