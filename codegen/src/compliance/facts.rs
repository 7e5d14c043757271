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
use crate::load::LoadedFile;
use serde_json::Value;
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
    /// Reads the facts from loaded models (the load stage's JSON AST, not the plan).
    pub fn from_loaded(files: &[LoadedFile]) -> Self {
        let mut facts = ModelFacts::default();
        for file in files {
            for (id, shape) in &file.model.shapes {
                match shape.kind.as_str() {
                    "enum" => {
                        let values = shape
                            .members
                            .iter()
                            .map(|(name, member)| {
                                let value = match member.traits.get("smithy.api#enumValue") {
                                    Some(Value::String(value)) => value.clone(),
                                    _ => name.clone(),
                                };
                                (value, upper_camel_case(name))
                            })
                            .collect();
                        facts.enums.insert(id.clone(), values);
                    }
                    "intEnum" => {
                        let values = shape
                            .members
                            .iter()
                            .filter_map(|(name, member)| {
                                let value = member.traits.get("smithy.api#enumValue")?.as_i64()?;
                                Some((value, upper_camel_case(name)))
                            })
                            .collect();
                        facts.int_enums.insert(id.clone(), values);
                    }
                    "structure" => {
                        if let Some(status) = error_status(&shape.traits) {
                            facts.error_statuses.insert(id.clone(), status);
                        }
                    }
                    _ => {}
                }
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

fn error_status(traits: &BTreeMap<String, Value>) -> Option<u16> {
    let fault = traits.get("smithy.api#error")?.as_str()?;
    let status = traits
        .get("smithy.api#httpError")
        .and_then(Value::as_u64)
        .and_then(|status| u16::try_from(status).ok());
    match (status, fault) {
        (Some(status), _) => Some(status),
        (None, "server") => Some(500),
        (None, _) => Some(400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_statuses_follow_http_error_then_the_fault() {
        let traits = |pairs: &[(&str, Value)]| -> BTreeMap<String, Value> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect()
        };
        let client = traits(&[("smithy.api#error", "client".into())]);
        let server = traits(&[("smithy.api#error", "server".into())]);
        let teapot = traits(&[
            ("smithy.api#error", "client".into()),
            ("smithy.api#httpError", 418.into()),
        ]);
        assert_eq!(error_status(&client), Some(400));
        assert_eq!(error_status(&server), Some(500));
        assert_eq!(error_status(&teapot), Some(418));
        assert_eq!(error_status(&traits(&[])), None);
    }
}
