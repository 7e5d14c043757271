//! Which optional support code a service needs, so that a crate carries (and depends on) only
//! what its model uses: a model without blobs has no `Blob` type and no base64 dependency.

use crate::plan::ir::{RustType, Service, TimestampFormat};

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
    /// Any `@idempotencyToken` member.
    pub idempotency_tokens: bool,
    /// Any union.
    pub unions: bool,
}

impl Usage {
    /// Scans every member of every generated type.
    pub fn of(service: &Service) -> Usage {
        let mut usage = Usage {
            unions: !service.unions.is_empty(),
            ..Usage::default()
        };
        let members = service
            .structures
            .iter()
            .chain(service.errors.iter().map(|e| &e.structure))
            .flat_map(|s| s.members.iter().map(move |m| (m, s.validated)))
            .chain(service.unions.iter().flat_map(|u| {
                u.variants
                    .iter()
                    .filter(|v| !v.unit)
                    .map(move |v| (&v.member, u.validated))
            }));
        for (member, validated) in members {
            usage.scan(&member.ty);
            usage.patterns |= validated
                && (member.constraints.pattern.is_some()
                    || member.item_constraints.pattern.is_some());
            usage.idempotency_tokens |= member.idempotency_token;
        }
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
