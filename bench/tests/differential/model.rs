//! Facts read from the bundled Smithy model at test time, so that neither crate under test is
//! the source of what is expected: enum values, each operation's errors and their statuses.

use serde_json::Value;
use std::sync::LazyLock;

const NAMESPACE: &str = "com.amazonaws.kms#";

static MODEL: LazyLock<Value> = LazyLock::new(|| {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../models/kms-custom-key-stores.json"
    );
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("cannot read {path}: {error}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path} is not JSON: {error}"))
});

fn shape(name: &str) -> &'static Value {
    let shape = &MODEL["shapes"][format!("{NAMESPACE}{name}")];
    assert!(shape.is_object(), "the model has no shape `{name}`");
    shape
}

fn local_name(id: &str) -> String {
    id.strip_prefix(NAMESPACE).unwrap_or(id).to_owned()
}

/// The wire values of an enum shape.
pub fn enum_values(name: &str) -> Vec<String> {
    let members = shape(name)["members"]
        .as_object()
        .unwrap_or_else(|| panic!("`{name}` is not an enum with members"));
    members
        .iter()
        .map(|(member, value)| {
            value["traits"]["smithy.api#enumValue"]
                .as_str()
                .unwrap_or(member)
                .to_owned()
        })
        .collect()
}

/// A modelled error: its shape name, which is the code on the wire, and its HTTP status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError {
    /// The shape name (`KMSInternalException`).
    pub code: String,
    /// The status of its `httpError` trait.
    pub status: u16,
}

fn model_error(name: &str) -> ModelError {
    let status = shape(name)["traits"]["smithy.api#httpError"]
        .as_u64()
        .and_then(|status| u16::try_from(status).ok())
        .unwrap_or_else(|| panic!("`{name}` has no httpError status"));
    ModelError {
        code: name.to_owned(),
        status,
    }
}

/// The names of the operations of the model.
pub fn operations() -> Vec<String> {
    shapes_of_type("operation")
}

/// The errors an operation lists.
pub fn operation_errors(operation: &str) -> Vec<ModelError> {
    let errors = shape(operation)["errors"].as_array();
    errors
        .into_iter()
        .flatten()
        .map(|error| {
            let target = error["target"].as_str().unwrap_or_default();
            model_error(&local_name(target))
        })
        .collect()
}

/// Every error structure of the model.
pub fn all_errors() -> Vec<ModelError> {
    shapes_of_type("structure")
        .into_iter()
        .filter(|name| shape(name)["traits"]["smithy.api#error"].is_string())
        .map(|name| model_error(&name))
        .collect()
}

fn shapes_of_type(kind: &str) -> Vec<String> {
    let shapes = MODEL["shapes"].as_object().expect("the model has shapes");
    shapes
        .iter()
        .filter(|(_, shape)| shape["type"] == kind)
        .map(|(id, _)| local_name(id))
        .collect()
}
