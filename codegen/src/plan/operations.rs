//! Pass 9, operations: each selected operation's input, output, errors, pagination,
//! examples, host prefix and compression, planned against the finished type table.

use super::decided::{docs_of, Decided};
use super::ir::{Example, HostPrefixPart, Operation, OperationError, TypeDef, TypeRef};
use super::problems::Problems;
use super::{docs, pagination};
use crate::load::{Shape, ShapeId, ShapeKind};
use std::collections::{BTreeMap, BTreeSet};

/// The selected operations, sorted by Rust name, and the warnings planning them gave (in
/// the order of the operations' ids).
pub(super) fn plan(
    decided: &Decided,
    table: &BTreeMap<ShapeId, TypeDef>,
    problems: &mut Problems,
) -> (Vec<Operation>, Vec<String>) {
    let mut operations = Vec::new();
    let mut warnings = Vec::new();
    for op_id in &decided.selection.operations {
        if let Some(op) = operation(decided, op_id, table, problems, &mut warnings) {
            operations.push(op);
        }
    }
    operations.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
    (operations, warnings)
}

fn operation(
    decided: &Decided,
    op_id: &ShapeId,
    table: &BTreeMap<ShapeId, TypeDef>,
    problems: &mut Problems,
    warnings: &mut Vec<String>,
) -> Option<Operation> {
    let model = decided.model;
    let op = model.get(op_id)?;
    let names = decided.names.operation(op_id)?;
    let input = io_structure(decided, op_id, &names.input, "input", problems)?;
    let output = io_structure(decided, op_id, &names.output, "output", problems)?;
    let errors = errors(decided, op, &names.rust_name, problems);
    let service = decided.selection.service;
    let paginated = pagination::plan(op, service, [&input, &output], table, problems, warnings);
    Some(Operation {
        id: op_id.clone(),
        wire_name: op_id.name().to_owned(),
        error_enum: super::names::with_suffix(&names.rust_name, "Error"),
        rust_name: names.rust_name.clone(),
        module: names.module.clone(),
        docs: docs_of(&op.traits),
        input,
        output,
        errors,
        target_header: format!("{}.{}", decided.selection.service_id.name(), op_id.name()),
        paginated,
        examples: examples(op, problems),
        deprecated: op.traits.deprecation_note(),
        host_prefix: host_prefix(decided, op, problems),
        request_compression: op
            .traits
            .request_compression
            .as_ref()
            .is_some_and(|encodings| encodings.iter().any(|e| e == "gzip")),
    })
}

/// The input or output structure: an empty one when the model gives none, else the model's,
/// which must be a structure that is not an error.
fn io_structure(
    decided: &Decided,
    op_id: &ShapeId,
    id: &ShapeId,
    role: &str,
    problems: &mut Problems,
) -> Option<TypeRef> {
    if decided.names.is_synthesized(id) {
        return Some(decided.names.type_ref(id));
    }
    match decided.model.get(id) {
        Some(shape) if shape.kind == ShapeKind::Structure && !shape.traits.is_error() => {
            Some(decided.names.type_ref(id))
        }
        Some(shape) => {
            problems.report(
                op_id,
                format!("{role} {id} must be a structure, not a {}", shape.kind),
            );
            None
        }
        None => None, // reported by the closure
    }
}

/// The operation's errors and the service's, each once, in model order: the variants of the
/// operation's error enum.
fn errors(
    decided: &Decided,
    op: &Shape,
    rust_name: &str,
    problems: &mut Problems,
) -> Vec<OperationError> {
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for error_id in op.errors.iter().chain(&decided.selection.service.errors) {
        if !seen.insert(error_id) {
            continue;
        }
        match decided.model.get(error_id) {
            Some(shape) if shape.kind == ShapeKind::Structure && shape.traits.is_error() => {
                let error = decided.names.type_ref(error_id);
                errors.push(OperationError {
                    variant: error.name.name.clone(),
                    error,
                    code: decided.selection.shape_name(error_id).to_owned(),
                });
            }
            Some(_) => problems.report(
                &op.id,
                format!("lists {error_id} in `errors`, but it is not a structure with the `error` trait"),
            ),
            None => {}
        }
    }
    let mut variants = BTreeSet::new();
    for error in &errors {
        if error.variant == "Unhandled" || !variants.insert(error.variant.clone()) {
            problems.report(
                &op.id,
                format!(
                    "error {} cannot be a variant of {rust_name}Error: the name `{}` is taken",
                    error.code, error.variant
                ),
            );
        }
    }
    errors
}

/// `smithy.api#endpoint`'s `hostPrefix`, split into text and `{label}`s; each label must
/// name a required string input member with `@hostLabel`.
fn host_prefix(
    decided: &Decided,
    op: &Shape,
    problems: &mut Problems,
) -> Option<Vec<HostPrefixPart>> {
    let template = match op.traits.host_prefix.as_ref()? {
        Ok(template) => template.as_str(),
        Err(why) => {
            problems.report(&op.id, why.clone());
            return None;
        }
    };
    let model = decided.model;
    let input = op.input.as_ref().and_then(|id| model.get(id));
    let mut parts = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        match rest.find('{') {
            Some(0) => {
                let Some(end) = rest.find('}') else {
                    problems.report(
                        &op.id,
                        format!("hostPrefix `{template}` has a `{{` without `}}`"),
                    );
                    return None;
                };
                let label = &rest[1..end];
                let member = input.and_then(|shape| shape.members.get(label));
                let valid = member.is_some_and(|m| {
                    m.traits.host_label
                        && m.traits.required
                        && model.kind_of(&m.target) == Some(ShapeKind::String)
                });
                if !valid {
                    problems.report(
                        &op.id,
                        format!("hostPrefix label `{{{label}}}` must name a required string input member with `@hostLabel`"),
                    );
                    return None;
                }
                parts.push(HostPrefixPart::Label(label.to_owned()));
                rest = &rest[end + 1..];
            }
            found => {
                let end = found.unwrap_or(rest.len());
                parts.push(HostPrefixPart::Literal(rest[..end].to_owned()));
                rest = &rest[end..];
            }
        }
    }
    Some(parts)
}

/// `smithy.api#examples`; an entry without a title is reported.
fn examples(op: &Shape, problems: &mut Problems) -> Vec<Example> {
    let list = match &op.traits.examples {
        None => return Vec::new(),
        Some(Err(why)) => {
            problems.report(&op.id, why.clone());
            return Vec::new();
        }
        Some(Ok(list)) => list,
    };
    let mut examples = Vec::new();
    for example in list {
        match example {
            Ok(example) => examples.push(Example {
                title: example.title.clone(),
                docs: example.documentation.as_deref().map(docs::to_markdown),
                input: example.input.clone(),
                output: example.output.clone(),
                error: example.error.clone(),
            }),
            Err(why) => problems.report(&op.id, why.clone()),
        }
    }
    examples
}
