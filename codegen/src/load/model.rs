//! The typed model: every shape with its kind, its references as parsed [`ShapeId`]s and its
//! traits read into [`Traits`]. Both front ends (JSON AST and IDL) produce the same JSON AST
//! [`Document`](super::ast::Document), and this module turns it into shapes, so the two
//! cannot disagree.

use super::ast;
use super::{ShapeId, ShapeKind, Traits};
use indexmap::IndexMap;
use serde_json::Value;
use std::collections::BTreeMap;

/// One shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Its absolute id.
    pub id: ShapeId,
    /// Its type.
    pub kind: ShapeKind,
    /// Members of structures, unions, enums and intEnums, in model order (the wire order).
    pub members: IndexMap<String, Member>,
    /// The member of a list or set.
    pub member: Option<Member>,
    /// The key of a map.
    pub key: Option<Member>,
    /// The value of a map.
    pub value: Option<Member>,
    /// An operation's input.
    pub input: Option<ShapeId>,
    /// An operation's output.
    pub output: Option<ShapeId>,
    /// An operation's or service's errors.
    pub errors: Vec<ShapeId>,
    /// A service's version.
    pub version: Option<String>,
    /// A service's or resource's operations, a resource's lifecycle operations included.
    pub operations: Vec<ShapeId>,
    /// A service's or resource's resources.
    pub resources: Vec<ShapeId>,
    /// A service's shape renames.
    pub rename: BTreeMap<ShapeId, String>,
    /// Traits applied to the shape.
    pub traits: Traits,
}

/// A member: its id (`ns#Shape$name`), target and traits.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The member's id.
    pub id: ShapeId,
    /// The shape it targets.
    pub target: ShapeId,
    /// Traits applied to the member.
    pub traits: Traits,
}

impl Member {
    fn read(
        shape: &ShapeId,
        name: &str,
        raw: &ast::MemberShape,
        problems: &mut Vec<Problem>,
    ) -> Option<Member> {
        let id = shape.with_member(name);
        if !super::shape_id::is_identifier(name) {
            // A member name becomes Rust names, wire names in code and docs: only Smithy
            // identifiers are accepted, so no member name can carry code or Markdown.
            let message = format!(
                "the member name {name:?} is not a Smithy identifier (a letter or `_`, then letters, digits and `_`)"
            );
            problems.push((shape.clone(), message));
            return None;
        }
        let target = targets(&id, [raw.target.as_str()], problems).pop()?;
        Some(Member {
            id,
            target,
            traits: Traits::read(&raw.traits),
        })
    }

    /// The member name (`CustomKeyStoreId`).
    pub fn name(&self) -> &str {
        self.id.member().unwrap_or_default()
    }
}

/// The resource properties that bind operations to a resource.
const LIFECYCLE_OPERATIONS: [&str; 6] = ["create", "put", "read", "update", "delete", "list"];

/// A problem found while typing a document: the shape (or member) and what is wrong.
pub(super) type Problem = (ShapeId, String);

impl Shape {
    /// Types one JSON AST shape. References that are not valid shape ids are left out and
    /// reported.
    pub(super) fn read(id: ShapeId, raw: &ast::Shape, problems: &mut Vec<Problem>) -> Shape {
        let mut members = IndexMap::new();
        for (name, raw) in &raw.members {
            if let Some(member) = Member::read(&id, name, raw, problems) {
                members.insert(name.clone(), member);
            }
        }
        let mut member_of = |name: &str, raw: &Option<ast::MemberShape>| {
            raw.as_ref()
                .and_then(|raw| Member::read(&id, name, raw, problems))
        };
        let (member, key, value) = (
            member_of("member", &raw.member),
            member_of("key", &raw.key),
            member_of("value", &raw.value),
        );
        let operations = refs(&raw.operations).chain(lifecycle_targets(raw));
        let operations = targets(&id, operations, problems);
        let resources = targets(&id, refs(&raw.resources), problems);
        let errors = targets(&id, refs(&raw.errors), problems);
        let input = targets(&id, refs(raw.input.as_slice()), problems).pop();
        let output = targets(&id, refs(raw.output.as_slice()), problems).pop();
        let rename = raw
            .rename
            .iter()
            .filter_map(|(from, to)| {
                Some((targets(&id, [from.as_str()], problems).pop()?, to.clone()))
            })
            .collect();
        Shape {
            kind: raw.kind.clone(),
            members,
            member,
            key,
            value,
            input,
            output,
            errors,
            version: raw.version.clone(),
            operations,
            resources,
            rename,
            traits: Traits::read(&raw.traits),
            id,
        }
    }

    /// The members of the shape whatever its type: the named members, then a list's
    /// `member` or a map's `key` and `value`.
    pub fn all_members(&self) -> impl Iterator<Item = &Member> {
        self.members
            .values()
            .chain(&self.member)
            .chain(&self.key)
            .chain(&self.value)
    }
}

/// The target texts of shape references.
fn refs(refs: &[ast::ShapeRef]) -> impl Iterator<Item = &str> {
    refs.iter().map(|r| r.target.as_str())
}

/// Parses the shape ids a shape refers to, reporting (at `from`) and leaving out those that
/// are not valid.
fn targets<'t>(
    from: &ShapeId,
    texts: impl IntoIterator<Item = &'t str>,
    problems: &mut Vec<Problem>,
) -> Vec<ShapeId> {
    texts
        .into_iter()
        .filter_map(|text| match ShapeId::parse(text) {
            Ok(id) => Some(id),
            Err(why) => {
                problems.push((from.clone(), why));
                None
            }
        })
        .collect()
}

/// The targets of a resource's lifecycle operations (`create`, ..., `collectionOperations`),
/// which a JSON AST keeps as resource properties.
fn lifecycle_targets(raw: &ast::Shape) -> impl Iterator<Item = &str> {
    let single = LIFECYCLE_OPERATIONS
        .iter()
        .filter_map(|key| raw.other.get(*key)?.get("target")?.as_str());
    let collection = raw
        .other
        .get("collectionOperations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|value| value.get("target")?.as_str());
    single.chain(collection)
}
