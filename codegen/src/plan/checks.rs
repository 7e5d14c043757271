//! Pass 7, client-side checks: which structures and unions validate their values (those an
//! operation input reaches), which members hold a type with checks of its own (validation
//! descends into them), and the distinct patterns the checks use, numbered.

use super::constraints::MemberLimits;
use super::graph::{Graph, NodeKind};
use super::ir::{Constraints, PatternConstraint, PatternId};
use super::{pattern, pattern_dfa};
use crate::load::ShapeId;
use std::collections::{BTreeMap, BTreeSet};

/// What validation covers.
pub(super) struct Checks {
    /// Structures and unions reachable from an operation input.
    validated: BTreeSet<ShapeId>,
    /// Members whose value holds a structure or union with checks inside it.
    nested: BTreeSet<ShapeId>,
    /// The distinct patterns of validated members, sorted by source.
    pub patterns: Vec<PatternConstraint>,
}

impl Checks {
    /// Whether a structure or union gets client-side validation.
    pub fn is_validated(&self, id: &ShapeId) -> bool {
        self.validated.contains(id)
    }

    /// Whether validation descends into a member's value.
    pub fn has_nested(&self, member: &ShapeId) -> bool {
        self.nested.contains(member)
    }

    /// A member's constraints, as the IR has them: a member of a validated type points at
    /// the pattern entry it is checked with.
    pub fn constraints(
        &self,
        owner: &ShapeId,
        limits: &MemberLimits,
    ) -> (Constraints, Vec<Constraints>) {
        let validated = self.is_validated(owner);
        let pattern = |source: &str| {
            self.patterns
                .binary_search_by(|p| p.source.as_str().cmp(source))
                .ok()
                .filter(|_| validated)
                .map(PatternId)
        };
        let items = limits.items.iter().map(|l| l.resolve(pattern)).collect();
        (limits.own.resolve(pattern), items)
    }
}

/// Decides validation from the graph, the members' constraints and the operations' inputs.
pub(super) fn plan(
    graph: &Graph,
    limits: &BTreeMap<ShapeId, MemberLimits>,
    inputs: impl IntoIterator<Item = ShapeId>,
) -> Checks {
    let validated = graph.reachable(inputs);
    let own = |member: &ShapeId| limits.get(member).is_some_and(|l| !l.is_empty());
    // Which types have a constraint somewhere inside them: a fixpoint over the graph.
    let checked_nodes = || {
        graph
            .nodes()
            .filter(|(_, node)| node.kind != NodeKind::Error)
    };
    let mut with_checks: BTreeSet<&ShapeId> = BTreeSet::new();
    loop {
        let found: Vec<&ShapeId> = checked_nodes()
            .filter(|(id, node)| {
                !with_checks.contains(id)
                    && node.edges.iter().any(|edge| {
                        own(&edge.member) || edge.holds.iter().any(|h| with_checks.contains(h))
                    })
            })
            .map(|(id, _)| id)
            .collect();
        if found.is_empty() {
            break;
        }
        with_checks.extend(found);
    }
    let nested = checked_nodes()
        .flat_map(|(_, node)| &node.edges)
        .filter(|edge| edge.holds.iter().any(|h| with_checks.contains(h)))
        .map(|edge| edge.member.clone())
        .collect();
    let sources: BTreeSet<&String> = checked_nodes()
        .filter(|(id, _)| validated.contains(*id))
        .flat_map(|(_, node)| &node.edges)
        .filter_map(|edge| limits.get(&edge.member))
        .flat_map(|l| std::iter::once(&l.own).chain(&l.items))
        .filter_map(|l| l.pattern.as_ref())
        .collect();
    let patterns = sources
        .into_iter()
        .map(|source| {
            let program = pattern::compile(source);
            PatternConstraint {
                ascii_dfa: program.as_ref().and_then(pattern_dfa::determinize),
                program,
                source: source.clone(),
            }
        })
        .collect();
    Checks {
        validated,
        nested,
        patterns,
    }
}
