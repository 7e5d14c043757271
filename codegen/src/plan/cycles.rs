//! Pass 4, cycles: which members must hold their value in a `Box` so that recursive types
//! have a finite size, and which structures require themselves (no finite value exists).

use super::components::Components;
use super::graph::{Graph, NodeKind};
use super::problems::Problems;
use crate::load::ShapeId;
use std::collections::BTreeSet;

/// The members that close a cycle of directly nested structures and unions: each holds a
/// type from which its own type can be reached again. Lists and maps already add
/// indirection, so members reaching back only through them need no box.
pub(super) fn boxed_members(graph: &Graph) -> BTreeSet<ShapeId> {
    let mut boxed = BTreeSet::new();
    // With the edge owner -> target, target reaches owner exactly when both are in one
    // strongly connected component.
    let direct = Components::of(graph, |edge| edge.direct.iter().collect());
    for (owner, node) in graph.nodes() {
        for edge in &node.edges {
            if let Some(target) = &edge.direct {
                if target == owner || direct.same(target, owner) {
                    boxed.insert(edge.member.clone());
                }
            }
        }
    }
    boxed
}

/// Structures that require each other (through required members without defaults) have no
/// finite value: Smithy forbids such recursion, and no Rust type can be built for it.
pub(super) fn check_required(graph: &Graph, problems: &mut Problems) {
    let needs = |edge: &'_ super::graph::Edge| -> bool { edge.needs_value };
    let requiring = Components::of(graph, |edge| {
        edge.direct
            .iter()
            .filter(|next| {
                needs(edge)
                    && graph
                        .node(next)
                        .is_some_and(|n| n.kind == NodeKind::Structure)
            })
            .collect()
    });
    for (id, node) in graph.nodes() {
        let requires_itself = requiring.in_long_cycle(id)
            || node
                .edges
                .iter()
                .any(|edge| edge.needs_value && edge.direct.as_ref() == Some(id));
        if node.kind == NodeKind::Structure && requires_itself {
            problems.report(id, "requires itself through required structure members, so no finite value exists; make one member of the cycle optional");
        }
    }
}
