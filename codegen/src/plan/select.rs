//! Pass 1a, selection: the service, and the operations to generate (those bound through
//! resources included, filtered by `--operations`). Operations that stream are left out, or
//! refused when asked for by name.

use super::problems::{located, Problems};
use super::PlanOptions;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{Model, Shape, ShapeId, ShapeKind};
use std::collections::BTreeSet;

/// The service and its operations to generate.
pub(super) struct Selection<'a> {
    /// The service's id.
    pub service_id: ShapeId,
    /// The service shape.
    pub service: &'a Shape,
    /// The operations to generate, sorted by id.
    pub operations: Vec<ShapeId>,
    /// Operations left out, with why.
    pub skipped: Vec<(ShapeId, String)>,
}

impl Selection<'_> {
    /// The name a shape has in this service (after `rename`).
    pub fn shape_name<'s>(&'s self, id: &'s ShapeId) -> &'s str {
        self.service
            .rename
            .get(id)
            .map(String::as_str)
            .unwrap_or(id.name())
    }
}

/// Selects the service and operations. A wrong `--service` or `--operations` stops planning
/// at once; a streaming operation asked for by name is a problem among others.
pub(super) fn select<'a>(
    model: &Model<'a>,
    options: &PlanOptions,
    problems: &mut Problems,
) -> Result<Selection<'a>, Diagnostics> {
    let service_id = select_service(model, options.service.as_deref())?;
    let found = select_operations(model, &service_id, options.operations.as_deref())?;
    let service = model.get(&service_id).ok_or_else(|| {
        Diagnostics::one(Diagnostic::general(format!("{service_id} is not defined")))
    })?;
    let explicitly_selected = options.operations.is_some();
    let mut selection = Selection {
        service_id,
        service,
        operations: Vec::new(),
        skipped: Vec::new(),
    };
    for op in found {
        match streaming_member(model, &op) {
            Some(member) if explicitly_selected => problems.report(
                &op,
                format!("uses the streaming member {member}; event streams and streaming blobs are not supported"),
            ),
            Some(member) => selection.skipped.push((
                op,
                format!("its member {member} is an event stream or streaming blob, which is not supported"),
            )),
            None => selection.operations.push(op),
        }
    }
    Ok(selection)
}

fn select_service(model: &Model, wanted: Option<&str>) -> Result<ShapeId, Diagnostics> {
    let services: Vec<&ShapeId> = model
        .shapes()
        .filter(|s| s.kind == ShapeKind::Service)
        .map(|s| &s.id)
        .collect();
    let Some(text) = wanted else {
        return match services.as_slice() {
            [only] => Ok((*only).clone()),
            [] => Err(Diagnostics::one(Diagnostic::general(
                "the models define no service shape",
            ))),
            many => Err(Diagnostics::one(Diagnostic::general(format!(
                "the models define {} services ({}); choose one with --service",
                many.len(),
                list_or_none(many)
            )))),
        };
    };
    let id = ShapeId::parse(text)
        .map_err(|why| Diagnostics::one(Diagnostic::general(format!("--service: {why}"))))?;
    match model.get(&id) {
        Some(shape) if shape.kind == ShapeKind::Service => Ok(id),
        Some(shape) => Err(Diagnostics::one(located(
            model,
            &id,
            format!("is a {}, not a service", shape.kind),
        ))),
        None => Err(Diagnostics::one(Diagnostic::general(format!(
            "--service {id}: no such shape; the models define {}",
            list_or_none(&services)
        )))),
    }
}

/// The service's operations (including those bound through resources), filtered by the
/// `--operations` names when given.
fn select_operations(
    model: &Model,
    service: &ShapeId,
    wanted: Option<&[String]>,
) -> Result<Vec<ShapeId>, Diagnostics> {
    let mut problems = Diagnostics::default();
    let mut found = BTreeSet::new();
    let mut containers = vec![service.clone()];
    let mut visited = BTreeSet::new();
    while let Some(container) = containers.pop() {
        if !visited.insert(container.clone()) {
            continue;
        }
        let Some(shape) = model.get(&container) else {
            continue;
        };
        for target in &shape.operations {
            match resolve(model, &container, target, ShapeKind::Operation) {
                Ok(id) => {
                    found.insert(id);
                }
                Err(problem) => problems.push(problem),
            }
        }
        for resource in &shape.resources {
            match resolve(model, &container, resource, ShapeKind::Resource) {
                Ok(id) => containers.push(id),
                Err(problem) => problems.push(problem),
            }
        }
    }
    let found = problems.into_result(found)?;
    let Some(wanted) = wanted else {
        return Ok(found.into_iter().collect());
    };
    let mut selected = Vec::new();
    let mut problems = Diagnostics::default();
    for name in wanted {
        match found.iter().find(|id| id.name() == name) {
            Some(id) => selected.push(id.clone()),
            None => problems.push(Diagnostic::general(format!(
                "--operations: `{name}` is not an operation of {service}; it has {}",
                found
                    .iter()
                    .map(ShapeId::name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }
    selected.sort();
    selected.dedup();
    problems.into_result(selected)
}

/// Checks a reference from shape `from`: the target exists and is of the expected kind.
fn resolve(
    model: &Model,
    from: &ShapeId,
    id: &ShapeId,
    kind: ShapeKind,
) -> Result<ShapeId, Diagnostic> {
    match model.get(id) {
        Some(shape) if shape.kind == kind => Ok(id.clone()),
        Some(shape) => Err(located(
            model,
            from,
            format!(
                "refers to {id} as {}, but it is {}",
                kind.with_article(),
                shape.kind.with_article()
            ),
        )),
        None => Err(located(
            model,
            from,
            format!("refers to {id}, which is not defined"),
        )),
    }
}

fn list_or_none(ids: &[&ShapeId]) -> String {
    if ids.is_empty() {
        "none".to_owned()
    } else {
        ids.iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The first input or output member of an operation that targets a `@streaming` shape.
fn streaming_member(model: &Model, op_id: &ShapeId) -> Option<ShapeId> {
    let op = model.get(op_id)?;
    for io_id in [&op.input, &op.output].into_iter().flatten() {
        for (name, member) in &model.get(io_id)?.members {
            if model
                .get(&member.target)
                .is_some_and(|t| t.traits.streaming)
            {
                return Some(io_id.with_member(name));
            }
        }
    }
    None
}
