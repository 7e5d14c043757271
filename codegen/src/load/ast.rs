//! Serde types for the Smithy 2.0 JSON AST (<https://smithy.io/2.0/spec/json-ast.html>): the
//! model as a file writes it, before it is typed into [`Shape`](super::Shape)s. Tools that
//! compare a model with its source (and the IDL front end, which writes this form) read it.

use super::ShapeKind;
use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A whole JSON AST document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The Smithy IDL version (`"2.0"`).
    pub smithy: String,
    /// Free-form metadata; not used for generation.
    #[serde(default)]
    pub metadata: BTreeMap<String, Value>,
    /// Every shape, keyed by absolute shape id.
    #[serde(default)]
    pub shapes: BTreeMap<String, Shape>,
}

/// One shape. All shape types share this struct: which fields are meaningful depends on
/// `type`, and the planner checks that.
#[derive(Debug, Deserialize)]
pub struct Shape {
    /// The shape type (`structure`, `string`, `enum`, ...).
    #[serde(rename = "type")]
    pub kind: ShapeKind,
    /// Members of structures, unions, enums and intEnums, in model order (order is wire order).
    #[serde(default)]
    pub members: IndexMap<String, MemberShape>,
    /// The member of a list or set.
    pub member: Option<MemberShape>,
    /// The key of a map.
    pub key: Option<MemberShape>,
    /// The value of a map.
    pub value: Option<MemberShape>,
    /// An operation's input.
    pub input: Option<ShapeRef>,
    /// An operation's output.
    pub output: Option<ShapeRef>,
    /// An operation's or service's errors.
    #[serde(default)]
    pub errors: Vec<ShapeRef>,
    /// A service's version.
    pub version: Option<String>,
    /// A service's or resource's operations.
    #[serde(default)]
    pub operations: Vec<ShapeRef>,
    /// A service's or resource's resources.
    #[serde(default)]
    pub resources: Vec<ShapeRef>,
    /// A service's shape renames (`shape id -> new name`).
    #[serde(default)]
    pub rename: BTreeMap<String, String>,
    /// Mixins: a JSON AST lists them beside the shape's own members and traits (the loader
    /// refuses them there); the IDL front end has flattened them.
    #[serde(default)]
    pub mixins: Vec<ShapeRef>,
    /// Applied traits, keyed by absolute trait shape id.
    #[serde(default)]
    pub traits: BTreeMap<String, Value>,
    /// Resource and other fields this generator does not read.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// A reference to another shape: `{"target": "ns#Name"}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShapeRef {
    /// The absolute shape id of the target.
    pub target: String,
}

/// A member: a target plus member traits.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberShape {
    /// The absolute shape id of the member's target.
    pub target: String,
    /// Traits applied to the member.
    #[serde(default)]
    pub traits: BTreeMap<String, Value>,
}
