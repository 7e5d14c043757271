//! Which optional support code a service needs, so that a crate carries (and depends on) only
//! what its model uses: a model without blobs has no `Blob` type and no base64 dependency.

use super::json_impls::shared_message_body;
use crate::plan::ir::{RustType, Service, TimestampFormat, UnionVariant};

/// What the planned service uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Blob members (base64 on the wire).
    pub blob: bool,
    /// bigInteger or bigDecimal members.
    pub big_numbers: bool,
    /// Document members (`serde_json::Value`, so serde_json becomes a dependency).
    pub documents: bool,
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
    /// Any modelled error (their shared impls come from `modelled_error!`).
    pub modelled_errors: bool,
    /// Any error that is only its message (`message_error!`, read as a `MessageBody`).
    pub message_errors: bool,
}

impl Usage {
    /// Whether the crate depends on serde_json: only for the types it names in public
    /// (a document is a `serde_json::Value`, and so is a union's unknown member). Bodies are
    /// read and written by the runtime's own JSON code either way.
    pub fn serde_json(&self) -> bool {
        self.documents || self.unions
    }

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
            modelled_errors: service.errors().next().is_some(),
            message_errors: service
                .errors()
                .any(|e| shared_message_body(&e.structure).is_some()),
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
                    || member.item_constraints.iter().any(|c| c.pattern.is_some()));
            usage.idempotency_tokens |= member.idempotency_token;
        }
        usage.regex_patterns = service.patterns.iter().any(|p| p.program.is_none());
        usage
    }

    /// The features of the codegen-runtime crate, one per optional piece of the runtime.
    #[cfg(test)]
    pub const FEATURES: &'static [&'static str] = &[
        "big-numbers",
        "blob",
        "documents",
        "enums",
        "formatted-timestamps",
        "host-prefixes",
        "idempotency-tokens",
        "message-errors",
        "modelled-errors",
        "patterns",
        "regex-patterns",
        "request-compression",
        "required-members",
        "unions",
    ];

    /// Whether the service uses the runtime feature `name` (see the features of
    /// codegen-runtime); `None` for a name that is not one.
    pub fn feature(&self, name: &str) -> Option<bool> {
        Some(match name {
            "big-numbers" => self.big_numbers,
            "blob" => self.blob,
            "documents" => self.documents,
            "enums" => self.enums,
            "formatted-timestamps" => self.formatted_timestamps,
            "host-prefixes" => self.host_prefixes,
            "idempotency-tokens" => self.idempotency_tokens,
            "message-errors" => self.message_errors,
            "modelled-errors" => self.modelled_errors,
            "patterns" => self.patterns,
            // The regress fallback is part of the pattern support.
            "regex-patterns" => self.patterns && self.regex_patterns,
            "request-compression" => self.request_compression,
            "required-members" => self.required_members,
            "unions" => self.unions,
            _ => return None,
        })
    }

    /// Turns the runtime feature `name` on; false for a name that is not one.
    #[cfg(test)]
    pub fn set_feature(&mut self, name: &str) -> bool {
        let flag = match name {
            "big-numbers" => &mut self.big_numbers,
            "blob" => &mut self.blob,
            "documents" => &mut self.documents,
            "enums" => &mut self.enums,
            "formatted-timestamps" => &mut self.formatted_timestamps,
            "host-prefixes" => &mut self.host_prefixes,
            "idempotency-tokens" => &mut self.idempotency_tokens,
            "message-errors" => {
                self.modelled_errors = true;
                &mut self.message_errors
            }
            "modelled-errors" => &mut self.modelled_errors,
            "patterns" => &mut self.patterns,
            "regex-patterns" => {
                self.patterns = true;
                &mut self.regex_patterns
            }
            "request-compression" => &mut self.request_compression,
            "required-members" => &mut self.required_members,
            "unions" => &mut self.unions,
            _ => return false,
        };
        *flag = true;
        true
    }

    fn scan(&mut self, ty: &RustType) {
        match ty {
            RustType::Blob => self.blob = true,
            RustType::BigInteger | RustType::BigDecimal => self.big_numbers = true,
            RustType::Document => self.documents = true,
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
