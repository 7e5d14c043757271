//! Strongly connected components of the type graph, found once in linear time, so that
//! the cycle pass asks "are these two in one cycle?" in constant time instead of walking
//! the graph for every member (quadratic on a long chain of structures). Iterative, so a
//! chain of any length cannot overflow the stack.

use super::graph::{Edge, Graph};
use crate::load::ShapeId;
use std::collections::BTreeMap;

/// Which component each node of the graph belongs to, following the edges `next` allows.
pub(super) struct Components {
    component: BTreeMap<ShapeId, usize>,
    /// How many nodes each component holds.
    sizes: Vec<usize>,
}

/// Tarjan's bookkeeping: each node's discovery index and low link, and the nodes on the
/// component stack.
struct Search<'g> {
    index: BTreeMap<&'g ShapeId, usize>,
    low: BTreeMap<&'g ShapeId, usize>,
    on_stack: BTreeMap<&'g ShapeId, bool>,
    stack: Vec<&'g ShapeId>,
    /// The depth-first path: each node with its successors and the next one to look at.
    path: Vec<(&'g ShapeId, Vec<&'g ShapeId>, usize)>,
}

impl<'g> Search<'g> {
    fn visit(&mut self, id: &'g ShapeId, successors: Vec<&'g ShapeId>) {
        let n = self.index.len();
        self.index.insert(id, n);
        self.low.insert(id, n);
        self.stack.push(id);
        self.on_stack.insert(id, true);
        self.path.push((id, successors, 0));
    }

    fn lower(&mut self, id: &'g ShapeId, to: usize) {
        if let Some(low) = self.low.get_mut(id) {
            *low = (*low).min(to);
        }
    }
}

impl Components {
    /// Tarjan's algorithm with an explicit stack instead of recursion.
    pub(super) fn of<'g>(graph: &'g Graph, next: impl Fn(&'g Edge) -> Vec<&'g ShapeId>) -> Self {
        let successors = |id: &ShapeId| -> Vec<&'g ShapeId> {
            graph
                .node(id)
                .map(|node| {
                    node.edges
                        .iter()
                        .flat_map(&next)
                        .filter(|target| graph.node(target).is_some())
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut search = Search {
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            on_stack: BTreeMap::new(),
            stack: Vec::new(),
            path: Vec::new(),
        };
        let mut found = Components {
            component: BTreeMap::new(),
            sizes: Vec::new(),
        };
        for (root, _) in graph.nodes() {
            if search.index.contains_key(root) {
                continue;
            }
            search.visit(root, successors(root));
            while let Some((id, succ, at)) = search.path.last_mut() {
                let id: &'g ShapeId = id;
                if let Some(target) = succ.get(*at).copied() {
                    *at += 1;
                    match search.index.get(target).copied() {
                        None => search.visit(target, successors(target)),
                        Some(target_index) if search.on_stack.get(target) == Some(&true) => {
                            search.lower(id, target_index);
                        }
                        Some(_) => {}
                    }
                    continue;
                }
                let id_low = search.low.get(id).copied().unwrap_or(0);
                if Some(&id_low) == search.index.get(id) {
                    let number = found.sizes.len();
                    let mut size = 0;
                    while let Some(member) = search.stack.pop() {
                        search.on_stack.insert(member, false);
                        found.component.insert(member.clone(), number);
                        size += 1;
                        if member == id {
                            break;
                        }
                    }
                    found.sizes.push(size);
                }
                search.path.pop();
                if let Some(&(parent, _, _)) = search.path.last() {
                    search.lower(parent, id_low);
                }
            }
        }
        found
    }

    /// Whether `a` and `b` lie on one cycle (or are the same node).
    pub(super) fn same(&self, a: &ShapeId, b: &ShapeId) -> bool {
        match (self.component.get(a), self.component.get(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    /// Whether `id` lies on a cycle of two or more nodes.
    pub(super) fn in_long_cycle(&self, id: &ShapeId) -> bool {
        self.component
            .get(id)
            .is_some_and(|&c| self.sizes.get(c).is_some_and(|&size| size > 1))
    }
}
