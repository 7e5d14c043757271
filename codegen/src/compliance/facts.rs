//! What a test expects, read from the loaded model rather than from the planner, so that a
//! test written from these facts can catch the planner and the emitters: which Rust variant
//! an enum's wire value names, and which HTTP status an error's model gives.
//!
//! The variant name is the enum member's name in `UpperCamelCase`, converted on its own by
//! [`expected_names`](super::expected_names) (`AWS_CLOUDHSM` -> `AwsCloudhsm`), never taken
//! from the IR: a generated crate whose mapping
//! is wrong in both directions (`"CONNECTED"` read as `Disconnected`, `Disconnected` sent as
//! `"CONNECTED"`) round-trips perfectly, and only a test that names the variant in code sees it.

use super::expected_names::upper_camel_case;
use crate::load::traits::EnumValue;
use crate::load::{LoadedFile, ShapeKind, Traits};
use std::collections::BTreeMap;

/// Facts of every shape of the loaded models, keyed by absolute shape id.
#[derive(Clone, Debug, Default)]
pub struct ModelFacts {
    /// String enums: wire value -> Rust variant name.
    enums: BTreeMap<String, BTreeMap<String, String>>,
    /// Integer enums: value -> Rust variant name.
    int_enums: BTreeMap<String, BTreeMap<i64, String>>,
    /// Error structures: the HTTP status their model gives.
    error_statuses: BTreeMap<String, u16>,
}

impl ModelFacts {
    /// Reads the facts from loaded models (the load stage's typed shapes, not the plan).
    pub fn from_loaded(files: &[LoadedFile]) -> Self {
        let mut facts = ModelFacts::default();
        for shape in files.iter().flat_map(|file| file.shapes.values()) {
            let id = shape.id.to_string();
            match shape.kind {
                ShapeKind::Enum => {
                    let values = shape
                        .members
                        .iter()
                        .map(|(name, member)| {
                            let value = match &member.traits.enum_value {
                                Some(EnumValue::String(value)) => value.clone(),
                                _ => name.clone(),
                            };
                            (value, upper_camel_case(name))
                        })
                        .collect();
                    facts.enums.insert(id, values);
                }
                ShapeKind::IntEnum => {
                    let values = shape
                        .members
                        .iter()
                        .filter_map(|(name, member)| match member.traits.enum_value {
                            Some(EnumValue::Integer(value)) => {
                                Some((value, upper_camel_case(name)))
                            }
                            _ => None,
                        })
                        .collect();
                    facts.int_enums.insert(id, values);
                }
                ShapeKind::Structure => {
                    if let Some(status) = error_status(&shape.traits) {
                        facts.error_statuses.insert(id, status);
                    }
                }
                _ => {}
            }
        }
        facts
    }

    /// The variant a string enum's wire value names; `None` for a value the model does not
    /// list.
    pub fn enum_variant(&self, enum_id: &str, value: &str) -> Option<&str> {
        self.enums.get(enum_id)?.get(value).map(String::as_str)
    }

    /// The variant an integer enum's value names; `None` for a value the model does not list.
    pub fn int_enum_variant(&self, enum_id: &str, value: i64) -> Option<&str> {
        self.int_enums.get(enum_id)?.get(&value).map(String::as_str)
    }

    /// The HTTP status an error structure's model gives: `httpError`, else 400 for a client
    /// error and 500 for a server error.
    pub fn error_status(&self, error_id: &str) -> Option<u16> {
        self.error_statuses.get(error_id).copied()
    }
}

/// `httpError`, else what the `error` trait's fault implies; `None` for a structure that is
/// not an error (or whose `error` value is wrong).
fn error_status(traits: &Traits) -> Option<u16> {
    let fault = traits.error.clone()?.ok()?;
    Some(match traits.http_error {
        Some(Ok(status)) => status,
        _ => fault.default_status(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::traits::Fault;

    #[test]
    fn error_statuses_follow_http_error_then_the_fault() {
        let error = |fault: Fault, status: Option<u16>| Traits {
            error: Some(Ok(fault)),
            http_error: status.map(Ok),
            ..Traits::default()
        };
        assert_eq!(error_status(&error(Fault::Client, None)), Some(400));
        assert_eq!(error_status(&error(Fault::Server, None)), Some(500));
        assert_eq!(error_status(&error(Fault::Client, Some(418))), Some(418));
        assert_eq!(error_status(&Traits::default()), None);
    }
}
