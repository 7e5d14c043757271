//! Pass 1b, the closure: every shape the selected operations reach (inputs, outputs,
//! errors, the service's errors, and everything their members target), and how each
//! structure is used, which decides where it is generated. Dangling targets are reported.

use super::problems::Problems;
use super::select::Selection;
use crate::load::{Model, ShapeId, ShapeKind};
use std::collections::{BTreeMap, BTreeSet};

/// The shapes the selected operations reach.
pub(super) struct Closure {
    /// Every shape reached: data shapes, errors, and the prelude shapes they target.
    pub shapes: BTreeSet<ShapeId>,
    /// How each structure is used.
    pub uses: BTreeMap<ShapeId, Uses>,
}

/// Where a structure is used, which decides the module it is emitted into.
#[derive(Default)]
pub(super) struct Uses {
    pub as_input_of: Vec<ShapeId>,
    pub as_output_of: Vec<ShapeId>,
    pub as_member: bool,
}

/// Walks the closure of the selected operations.
pub(super) fn walk(model: &Model, selection: &Selection, problems: &mut Problems) -> Closure {
    let mut closure = Closure {
        shapes: BTreeSet::new(),
        uses: BTreeMap::new(),
    };
    let mut pending: Vec<(ShapeId, ShapeId)> = Vec::new();
    for op_id in &selection.operations {
        let Some(op) = model.get(op_id) else {
            continue;
        };
        for (target, as_input) in [(&op.input, true), (&op.output, false)] {
            let Some(target) = target.as_ref().filter(|t| !t.is_unit()) else {
                continue;
            };
            let uses = closure.uses.entry(target.clone()).or_default();
            if as_input {
                uses.as_input_of.push(op_id.clone());
            } else {
                uses.as_output_of.push(op_id.clone());
            }
            pending.push((op_id.clone(), target.clone()));
        }
        for error in op.errors.iter().chain(&selection.service.errors) {
            pending.push((op_id.clone(), error.clone()));
        }
    }
    while let Some((from, id)) = pending.pop() {
        if id.is_unit() {
            continue;
        }
        let Some(shape) = model.get(&id) else {
            if id.is_prelude() {
                closure.shapes.insert(id);
            } else {
                problems.report(&from, format!("targets {id}, which is not defined"));
            }
            continue;
        };
        if !closure.shapes.insert(id.clone()) {
            continue;
        }
        for member in shape.all_members() {
            if shape.kind == ShapeKind::Structure {
                closure
                    .uses
                    .entry(member.target.clone())
                    .or_default()
                    .as_member = true;
            }
            pending.push((member.id.clone(), member.target.clone()));
        }
    }
    closure
}
