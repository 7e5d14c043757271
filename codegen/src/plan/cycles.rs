//! Pass 4, cycles: which members must hold their value in a `Box` so that recursive types
//! have a finite size, and which structures require themselves (no finite value exists).

use super::graph::{Graph, NodeKind};
use super::problems::Problems;
use crate::load::ShapeId;
use std::collections::BTreeSet;

/// The members that close a cycle of directly nested structures and unions: each holds a
/// type from which its own type can be reached again. Lists and maps already add
/// indirection, so members reaching back only through them need no box.
pub(super) fn boxed_members(graph: &Graph) -> BTreeSet<ShapeId> {
    let mut boxed = BTreeSet::new();
    for (owner, node) in graph.nodes() {
        for edge in &node.edges {
            if let Some(target) = &edge.direct {
                if target == owner || graph.reaches_directly(target, owner) {
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
    for (id, node) in graph.nodes() {
        if node.kind == NodeKind::Structure && graph.requires(id, id) {
            problems.report(id, "requires itself through required structure members, so no finite value exists; make one member of the cycle optional");
        }
    }
}
