//! Which optional support code a service needs, so that a crate carries (and depends on) only
//! what its model uses: a model without blobs has no `Blob` type and no base64 dependency.

use crate::plan::ir::{RustType, Service, TimestampFormat, UnionVariant};

/// What the planned service uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Blob members (base64 on the wire).
    pub blob: bool,
    /// bigInteger or bigDecimal members.
    pub big_numbers: bool,
    /// Timestamps in `date-time` or `http-date` format.
    pub formatted_timestamps: bool,
    /// Any `pattern` constraint on a validated structure.
    pub patterns: bool,
    /// Any such pattern that does not compile to an automaton (checked with regress).
    pub regex_patterns: bool,
    /// Any `@idempotencyToken` member.
    pub idempotency_tokens: bool,
    /// Any union.
    pub unions: bool,
    /// Any string enum (they keep unlisted values in `UnknownValue`).
    pub enums: bool,
    /// Any structure with a required member and no default (its `build()` can fail with
    /// `BuildError`).
    pub required_members: bool,
    /// Any operation with a host prefix (`smithy.api#endpoint`).
    pub host_prefixes: bool,
    /// Any operation with `@requestCompression` (gzip, with flate2).
    pub request_compression: bool,
}

impl Usage {
    /// Scans every member of every generated type.
    pub fn of(service: &Service) -> Usage {
        let mut usage = Usage {
            unions: service.unions().next().is_some(),
            enums: service.enums().next().is_some(),
            required_members: service
                .structures()
                .chain(service.errors().map(|e| &e.structure))
                .any(|s| s.has_required_without_default()),
            host_prefixes: service.operations.iter().any(|op| op.host_prefix.is_some()),
            request_compression: service.operations.iter().any(|op| op.request_compression),
            ..Usage::default()
        };
        let members = service
            .structures()
            .chain(service.errors().map(|e| &e.structure))
            .flat_map(|s| s.members.iter().map(move |m| (m, s.validated)))
            .chain(service.unions().flat_map(|u| {
                u.variants
                    .iter()
                    .filter_map(UnionVariant::value)
                    .map(move |m| (m, u.validated))
            }));
        for (member, validated) in members {
            usage.scan(&member.ty);
            usage.patterns |= validated
                && (member.constraints.pattern.is_some()
                    || member.item_constraints.pattern.is_some());
            usage.idempotency_tokens |= member.idempotency_token;
        }
        usage.regex_patterns = service.patterns.iter().any(|p| p.program.is_none());
        usage
    }

    fn scan(&mut self, ty: &RustType) {
        match ty {
            RustType::Blob => self.blob = true,
            RustType::BigInteger | RustType::BigDecimal => self.big_numbers = true,
            RustType::Timestamp(format) => {
                self.formatted_timestamps |= *format != TimestampFormat::EpochSeconds
            }
            other => {
                if let Some(element) = other.element() {
                    self.scan(element);
                }
            }
        }
    }
}
