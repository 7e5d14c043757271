//! Which traits would change the wire in ways this generator does not implement (those are
//! errors, never silently dropped), and the checks that depend on the shape a trait is on:
//! constraints that cannot apply to a type, and defaults that do not fit it.

use super::ir::Constraints;
use crate::load::{ShapeKind, TraitId, Traits};
use serde_json::Value;

/// Traits that change the awsJson wire format and are not implemented: generating code while
/// ignoring them would produce a crate that silently speaks the wrong protocol.
/// (`requestCompression` is implemented: see `Operation::request_compression`.)
const UNSUPPORTED_WIRE_TRAITS: &[(TraitId, &str)] = &[
    (
        TraitId::Streaming,
        "streaming blobs and event streams are not supported",
    ),
    (TraitId::EventHeader, "event streams are not supported"),
    (TraitId::EventPayload, "event streams are not supported"),
];

/// Why each trait of a shape or member cannot be generated, for the traits this generator
/// cannot honour: unsupported wire traits and unknown timestamp formats.
pub fn unsupported(traits: &Traits) -> Vec<String> {
    let mut found: Vec<String> = UNSUPPORTED_WIRE_TRAITS
        .iter()
        .filter(|(id, _)| traits.has(*id))
        .map(|(id, why)| format!("trait `{}`: {why}", id.id()))
        .collect();
    if let Some(Err(why)) = &traits.timestamp_format {
        found.push(format!("trait `{}`: {why}", TraitId::TimestampFormat.id()));
    }
    found
}

/// The `length`, `pattern` and `range` of a shape or member, checked against `kind`, the type
/// of the shape they constrain. The first problem is returned.
pub fn constraints(traits: &Traits, kind: &ShapeKind) -> Result<Constraints, String> {
    let mut constraints = Constraints::default();
    if let Some(length) = &traits.length {
        if !matches!(
            kind,
            ShapeKind::String
                | ShapeKind::List
                | ShapeKind::Set
                | ShapeKind::Map
                | ShapeKind::Blob
                | ShapeKind::Document
        ) {
            return Err(format!("`length` cannot apply to {}", kind.with_article()));
        }
        let length = length.clone()?;
        constraints.length = Some((length.min, length.max));
    }
    if let Some(pattern) = &traits.pattern {
        if *kind != ShapeKind::String {
            return Err(format!("`pattern` cannot apply to {}", kind.with_article()));
        }
        constraints.pattern = Some(pattern.clone()?);
    }
    if let Some(range) = &traits.range {
        if !kind.is_number() {
            return Err(format!(
                "`range` applies to numbers, not to {}",
                kind.with_article()
            ));
        }
        let range = range.clone()?;
        constraints.range = Some((range.min, range.max));
    }
    Ok(constraints)
}

/// Checks a `default` value against the shape type it defaults.
pub fn check_default(
    value: &Value,
    kind: &ShapeKind,
    enum_values: &[String],
) -> Result<(), String> {
    let fits = match kind {
        ShapeKind::String => value.is_string(),
        ShapeKind::Enum => value
            .as_str()
            .is_some_and(|v| enum_values.iter().any(|e| e == v)),
        ShapeKind::Boolean => value.is_boolean(),
        ShapeKind::Byte
        | ShapeKind::Short
        | ShapeKind::Integer
        | ShapeKind::Long
        | ShapeKind::IntEnum
        | ShapeKind::BigInteger => value.is_i64() || value.is_u64(),
        ShapeKind::Float | ShapeKind::Double | ShapeKind::BigDecimal => value.is_number(),
        ShapeKind::Timestamp => value.is_number() || value.is_string(),
        ShapeKind::List | ShapeKind::Set => value.as_array().is_some_and(Vec::is_empty),
        ShapeKind::Map | ShapeKind::Document => true,
        ShapeKind::Blob => value.is_string(),
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(format!(
            "default value {value} does not fit {}",
            kind.with_article()
        ))
    }
}
