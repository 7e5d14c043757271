//! Pass 3, the type graph: one walk over the members of every structure and union of the
//! closure, recording which generated types each member's value holds. Boxing, validation,
//! nested checks and the required-cycle check all read this graph.

use super::closure::Closure;
use super::defaults;
use crate::load::{Member, Model, ShapeId, ShapeKind};
use std::collections::{BTreeMap, BTreeSet};

/// The structures and unions of the closure, and what their members hold.
pub(super) struct Graph {
    nodes: BTreeMap<ShapeId, Node>,
}

/// A structure or union.
pub(super) struct Node {
    pub kind: NodeKind,
    pub edges: Vec<Edge>,
}

/// What kind of type a node is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum NodeKind {
    Structure,
    Error,
    Union,
}

/// One member, and the types its value holds.
pub(super) struct Edge {
    /// The member's id.
    pub member: ShapeId,
    /// The structure or union the member holds directly (not through a list or map).
    pub direct: Option<ShapeId>,
    /// Every structure and union the member's value holds, directly or in collections.
    pub holds: Vec<ShapeId>,
    /// Whether the member is required and has no default, so a value must be given.
    pub needs_value: bool,
}

/// Walks the members of the closure's structures and unions once.
pub(super) fn references(model: &Model, closure: &Closure) -> Graph {
    let mut nodes = BTreeMap::new();
    for id in &closure.shapes {
        let Some(shape) = model.get(id) else {
            continue;
        };
        let kind = match shape.kind {
            ShapeKind::Structure if shape.traits.is_error() => NodeKind::Error,
            ShapeKind::Structure => NodeKind::Structure,
            ShapeKind::Union => NodeKind::Union,
            _ => continue,
        };
        let edges = shape
            .members
            .values()
            .filter(|member| !member.target.is_unit())
            .map(|member| edge(model, member))
            .collect();
        nodes.insert(id.clone(), Node { kind, edges });
    }
    Graph { nodes }
}

fn edge(model: &Model, member: &Member) -> Edge {
    let mut holds = Vec::new();
    held_types(model, &member.target, &mut holds, 0);
    let direct = is_generated_aggregate(model, &member.target).then(|| member.target.clone());
    Edge {
        member: member.id.clone(),
        direct,
        holds,
        needs_value: member.traits.required && defaults::of_member(model, member).is_none(),
    }
}

/// Whether a shape becomes a generated structure or union (errors and the unit cannot be
/// members).
fn is_generated_aggregate(model: &Model, id: &ShapeId) -> bool {
    model.get(id).is_some_and(|shape| match shape.kind {
        ShapeKind::Structure => !shape.traits.is_error() && !id.is_unit(),
        ShapeKind::Union => true,
        _ => false,
    })
}

/// The structures and unions a value of shape `id` holds, through lists and maps too.
fn held_types(model: &Model, id: &ShapeId, out: &mut Vec<ShapeId>, depth: usize) {
    if is_generated_aggregate(model, id) {
        out.push(id.clone());
        return;
    }
    let Some(shape) = model.get(id).filter(|_| depth < 32) else {
        return;
    };
    let element = match shape.kind {
        ShapeKind::List | ShapeKind::Set => shape.member.as_ref(),
        ShapeKind::Map => shape.value.as_ref(),
        _ => None,
    };
    if let Some(element) = element {
        held_types(model, &element.target, out, depth + 1);
    }
}

impl Graph {
    /// The node of a structure or union.
    pub fn node(&self, id: &ShapeId) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// Every node, by id.
    pub fn nodes(&self) -> impl Iterator<Item = (&ShapeId, &Node)> {
        self.nodes.iter()
    }

    /// The structures and unions (not errors) reachable from `starts` through any member,
    /// the starts included.
    pub fn reachable(&self, starts: impl IntoIterator<Item = ShapeId>) -> BTreeSet<ShapeId> {
        let mut pending: Vec<ShapeId> = starts.into_iter().collect();
        let mut reached = BTreeSet::new();
        while let Some(id) = pending.pop() {
            if !reached.insert(id.clone()) {
                continue;
            }
            if let Some(node) = self.nodes.get(&id).filter(|n| n.kind != NodeKind::Error) {
                pending.extend(node.edges.iter().flat_map(|e| e.holds.iter().cloned()));
            }
        }
        reached
    }
}
