//! Which traits this generator understands, which it may safely ignore, and which would change
//! the wire in ways it does not implement (those are errors, never silently dropped). Also the
//! readers for the constraint traits, which validate the trait values.

use super::ir::Constraints;
use serde_json::Value;
use std::collections::BTreeMap;

/// Traits that change the awsJson wire format and are not implemented: generating code while
/// ignoring them would produce a crate that silently speaks the wrong protocol.
const UNSUPPORTED_WIRE_TRAITS: &[(&str, &str)] = &[
    (
        "smithy.api#streaming",
        "streaming blobs and event streams are not supported",
    ),
    ("smithy.api#eventHeader", "event streams are not supported"),
    ("smithy.api#eventPayload", "event streams are not supported"),
    (
        "smithy.api#requestCompression",
        "compressed request bodies are not supported",
    ),
];

/// Returns why a trait cannot be generated, when it is one this generator cannot honour.
pub fn unsupported_reason(trait_id: &str, value: &Value) -> Option<String> {
    if trait_id == "smithy.api#timestampFormat" {
        return match value.as_str() {
            Some("epoch-seconds" | "date-time" | "http-date") => None,
            Some(other) => Some(format!("unknown timestamp format `{other}`")),
            None => Some("`timestampFormat` must be a string".to_owned()),
        };
    }
    UNSUPPORTED_WIRE_TRAITS
        .iter()
        .find(|(id, _)| *id == trait_id)
        .map(|(_, why)| (*why).to_owned())
}

/// The `smithy.api#documentation` text, if any.
pub fn documentation(traits: &BTreeMap<String, Value>) -> Option<&str> {
    traits
        .get("smithy.api#documentation")
        .and_then(Value::as_str)
}

/// `smithy.api#deprecated` as a note for `#[deprecated]`: the message and `since`, if any.
pub fn deprecated(traits: &BTreeMap<String, Value>) -> Option<String> {
    let value = traits.get("smithy.api#deprecated")?;
    let message = value.get("message").and_then(Value::as_str);
    let since = value.get("since").and_then(Value::as_str);
    Some(match (message, since) {
        (Some(message), Some(since)) => format!("{message} (deprecated since {since})"),
        (Some(message), None) => message.to_owned(),
        (None, Some(since)) => format!("deprecated since {since}"),
        (None, None) => "deprecated in the model".to_owned(),
    })
}

/// Whether a presence trait (`required`, `sensitive`, `input`, ...) is applied.
pub fn has(traits: &BTreeMap<String, Value>, trait_id: &str) -> bool {
    traits.contains_key(trait_id)
}

/// Reads `length`, `pattern` and `range` from a trait map, validating each value.
/// `kind` is the shape type the traits constrain, to reject constraints that cannot apply.
pub fn constraints(traits: &BTreeMap<String, Value>, kind: &str) -> Result<Constraints, String> {
    let mut constraints = Constraints::default();
    if let Some(length) = traits.get("smithy.api#length") {
        if !matches!(
            kind,
            "string" | "list" | "set" | "map" | "blob" | "document"
        ) {
            return Err(format!("`length` cannot apply to {}", a(kind)));
        }
        let min = bound_u64(length, "min", "length")?;
        let max = bound_u64(length, "max", "length")?;
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                return Err(format!("`length` has min {min} greater than max {max}"));
            }
        }
        if min.is_none() && max.is_none() {
            return Err("`length` needs `min` or `max`".to_owned());
        }
        constraints.length = Some((min, max));
    }
    if let Some(pattern) = traits.get("smithy.api#pattern") {
        if kind != "string" {
            return Err(format!("`pattern` cannot apply to {}", a(kind)));
        }
        let pattern = pattern.as_str().ok_or("`pattern` must be a string")?;
        // Smithy patterns are ECMA-262 regular expressions; the generated crate checks them
        // with the same engine, so a pattern that compiles here compiles there.
        regress::Regex::new(pattern).map_err(|e| {
            format!("`pattern` {pattern:?} is not a valid ECMA-262 regular expression: {e}")
        })?;
        constraints.pattern = Some(pattern.to_owned());
    }
    if let Some(range) = traits.get("smithy.api#range") {
        if !is_number_kind(kind) {
            return Err(format!("`range` applies to numbers, not to {}", a(kind)));
        }
        let min = bound_f64(range, "min")?;
        let max = bound_f64(range, "max")?;
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                return Err(format!("`range` has min {min} greater than max {max}"));
            }
        }
        constraints.range = Some((min, max));
    }
    Ok(constraints)
}

/// A shape type with its article, for messages (`an integer`, `a string`).
pub fn a(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

/// Whether a shape type is numeric.
pub fn is_number_kind(kind: &str) -> bool {
    matches!(
        kind,
        "byte"
            | "short"
            | "integer"
            | "long"
            | "float"
            | "double"
            | "bigInteger"
            | "bigDecimal"
            | "intEnum"
    )
}

fn bound_u64(object: &Value, key: &str, trait_name: &str) -> Result<Option<u64>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value.as_u64().map(Some).ok_or_else(|| {
            format!("`{trait_name}.{key}` must be a non-negative integer, not {value}")
        }),
    }
}

fn bound_f64(object: &Value, key: &str) -> Result<Option<f64>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value
            .as_f64()
            .map(Some)
            .ok_or_else(|| format!("`range.{key}` must be a number, not {value}")),
    }
}

/// Checks a `default` value against the shape type it defaults.
pub fn check_default(value: &Value, kind: &str, enum_values: &[String]) -> Result<(), String> {
    let fits = match kind {
        "string" => value.is_string(),
        "enum" => value
            .as_str()
            .is_some_and(|v| enum_values.iter().any(|e| e == v)),
        "boolean" => value.is_boolean(),
        "byte" | "short" | "integer" | "long" | "intEnum" | "bigInteger" => {
            value.is_i64() || value.is_u64()
        }
        "float" | "double" | "bigDecimal" => value.is_number(),
        "timestamp" => value.is_number() || value.is_string(),
        "list" | "set" => value.as_array().is_some_and(Vec::is_empty),
        "map" | "document" => true,
        "blob" => value.is_string(),
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(format!("default value {value} does not fit {}", a(kind)))
    }
}
