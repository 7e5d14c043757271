//! Pass 8, conversion: every structure, error and union of the closure (and the empty
//! inputs and outputs of operations that have none) becomes an entry of the type table,
//! complete when it is built: names, member types, boxes, constraints and validation come
//! from the earlier passes. Enums are converted in [`enums`](super::enums).

use super::closure::Closure;
use super::decided::{docs_of, Decided};
use super::ir::{ErrorShape, Member, Structure, TypeDef, Union, UnionVariant, VariantMember};
use super::problems::Problems;
use super::{defaults, enums, kind_of, member_names, names};
use crate::load::{Member as ModelMember, Model, Shape, ShapeId, ShapeKind};
use std::collections::BTreeMap;

/// Builds the type table.
pub(super) fn table(
    decided: &Decided,
    closure: &Closure,
    problems: &mut Problems,
) -> BTreeMap<ShapeId, TypeDef> {
    let io_docs = io_docs(decided);
    let mut table = BTreeMap::new();
    for id in &closure.shapes {
        let Some(shape) = decided.model.get(id) else {
            continue;
        };
        let def = match &shape.kind {
            ShapeKind::Structure if shape.traits.is_error() => {
                error_shape(decided, shape, problems).map(TypeDef::Error)
            }
            ShapeKind::Structure => Some(TypeDef::Structure(structure(
                decided,
                shape,
                io_docs.get(id),
                problems,
            ))),
            ShapeKind::Enum => enums::enumeration(decided, shape, problems).map(TypeDef::Enum),
            ShapeKind::IntEnum => enums::int_enum(decided, shape, problems).map(TypeDef::IntEnum),
            ShapeKind::Union => union(decided, shape, problems).map(TypeDef::Union),
            ShapeKind::Other(other) => {
                problems.report(
                    id,
                    format!("shape type `{other}` is not supported by this generator yet"),
                );
                None
            }
            // Plain values and collections need no type of their own; operations, services
            // and resources are reached only as member targets, and the member reports them.
            _ => None,
        };
        if let Some(def) = def {
            table.insert(id.clone(), def);
        }
    }
    for (_, op) in decided.names.operations() {
        for id in [&op.input, &op.output] {
            if decided.names.is_synthesized(id) {
                let structure = Structure {
                    id: id.clone(),
                    name: decided.names.type_name(id),
                    docs: io_docs.get(id).cloned(),
                    members: Vec::new(),
                    role: decided.names.role(id),
                    validated: decided.checks.is_validated(id),
                    deprecated: None,
                };
                table.insert(id.clone(), TypeDef::Structure(structure));
            }
        }
    }
    table
}

/// "The input of `Operation`." for input and output structures without documentation of
/// their own; a structure several operations use names the first (by shape id).
fn io_docs(decided: &Decided) -> BTreeMap<ShapeId, String> {
    let mut io_docs = BTreeMap::new();
    for op_id in &decided.selection.operations {
        let Some(op) = decided.names.operation(op_id) else {
            continue;
        };
        for (id, role) in [(&op.input, "input"), (&op.output, "output")] {
            io_docs
                .entry(id.clone())
                .or_insert_with(|| format!("The {role} of `{}`.", op_id.name()));
        }
    }
    io_docs
}

/// A structure; `io_docs` documents it when the model does not.
fn structure(
    decided: &Decided,
    shape: &Shape,
    io_docs: Option<&String>,
    problems: &mut Problems,
) -> Structure {
    let id = &shape.id;
    Structure {
        id: id.clone(),
        name: decided.names.type_name(id),
        docs: docs_of(&shape.traits).or_else(|| io_docs.cloned()),
        members: members(decided, shape, problems),
        role: decided.names.role(id),
        validated: decided.checks.is_validated(id),
        deprecated: shape.traits.deprecation_note(),
    }
}

fn members(decided: &Decided, shape: &Shape, problems: &mut Problems) -> Vec<Member> {
    let mut members = Vec::new();
    let wire_names: Vec<&str> = shape.members.keys().map(String::as_str).collect();
    let field_names = member_names::field_names(&wire_names);
    for ((wire_name, member), named) in shape.members.iter().zip(field_names) {
        let note = named.yielded_to.map(|keeper| {
            member_names::renamed_note(
                &named.name,
                wire_name,
                &names::field_name(wire_name),
                wire_names[keeper],
            )
        });
        if let Some(mut m) = convert_member(decided, shape, member, named.name, problems) {
            m.docs = member_names::with_note(m.docs, note);
            members.push(m);
        }
    }
    members
}

/// A member whose type could be generated.
fn convert_member(
    decided: &Decided,
    owner: &Shape,
    member: &ModelMember,
    field_name: String,
    problems: &mut Problems,
) -> Option<Member> {
    let model = decided.model;
    let ty = decided.types.get(&member.id)?.clone();
    let target = model.get(&member.target);
    let kind = kind_of(model, &member.target);
    let limits = decided.limits.get(&member.id).cloned().unwrap_or_default();
    let (constraints, item_constraints) = decided.checks.constraints(&owner.id, &limits);
    let enum_values: Vec<String> = target
        .map(|t| {
            t.members
                .iter()
                .map(|(n, m)| enums::value_of(n, m))
                .collect()
        })
        .unwrap_or_default();
    let default = defaults::of_member(model, member).and_then(|written| {
        defaults::typed(written, &kind, &enum_values)
            .map_err(|why| problems.report(&member.id, why))
            .ok()
    });
    // A client ignores the defaults of an `@input` structure's optional members: it sends
    // what the caller set, even a value equal to the default, and nothing otherwise. A server
    // still applies them to a request that leaves the member out.
    let (default, server_default) = if defaults::ignored_in_input(owner, member) {
        (None, default)
    } else {
        (default, None)
    };
    let docs = docs_of(&member.traits).or_else(|| {
        target
            .filter(|t| t.kind.is_plain_value())
            .and_then(|t| docs_of(&t.traits))
    });
    Some(Member {
        wire_name: member.name().to_owned(),
        field_name,
        docs,
        ty,
        required: member.traits.required && !defaults::client_optional(member),
        default,
        server_default,
        sensitive: is_sensitive(model, &member.target, 0),
        constraints,
        item_constraints,
        idempotency_token: member.traits.idempotency_token,
        nested_checks: decided.checks.has_nested(&member.id),
        deprecated: member.traits.deprecation_note(),
        target: member.target.clone(),
    })
}

/// Whether values of this shape must never be printed: it is `@sensitive`, or a list of
/// sensitive values.
fn is_sensitive(model: &Model, id: &ShapeId, depth: usize) -> bool {
    let Some(shape) = model.get(id) else {
        return false;
    };
    if shape.traits.sensitive {
        return true;
    }
    match (&shape.member, depth < 32) {
        (Some(member), true) => is_sensitive(model, &member.target, depth + 1),
        _ => false,
    }
}

fn union(decided: &Decided, shape: &Shape, problems: &mut Problems) -> Option<Union> {
    let id = &shape.id;
    if !enums::has_members(shape, problems) {
        return None;
    }
    let mut variants = Vec::new();
    let names = enums::variant_names(shape, "UnknownMember");
    for ((wire_name, member), (variant, note)) in shape.members.iter().zip(names) {
        let member = if member.target.is_unit() {
            VariantMember::Unit {
                wire_name: wire_name.clone(),
                docs: member_names::with_note(docs_of(&member.traits), note),
                deprecated: member.traits.deprecation_note(),
            }
        } else {
            let field_name = names::field_name(wire_name);
            let mut member = convert_member(decided, shape, member, field_name, problems)?;
            member.docs = member_names::with_note(member.docs, note);
            VariantMember::Value(Box::new(member))
        };
        variants.push(UnionVariant { variant, member });
    }
    Some(Union {
        id: id.clone(),
        name: decided.names.type_name(id),
        docs: docs_of(&shape.traits),
        variants,
        validated: decided.checks.is_validated(id),
        deprecated: shape.traits.deprecation_note(),
    })
}

fn error_shape(decided: &Decided, shape: &Shape, problems: &mut Problems) -> Option<ErrorShape> {
    let id = &shape.id;
    let fault = match shape.traits.error.clone()? {
        Ok(fault) => fault,
        Err(why) => {
            problems.report(id, why);
            return None;
        }
    };
    let http_status = match shape.traits.http_error.clone() {
        None => fault.default_status(),
        Some(Ok(status)) => status,
        Some(Err(why)) => {
            problems.report(id, why);
            return None;
        }
    };
    // Only a query-compatible service sends the awsQuery code (`x-amzn-query-error`).
    let query_code = match shape.traits.aws_query_error.clone() {
        Some(Ok(code)) if decided.selection.service.traits.aws_query_compatible => Some(code),
        Some(Err(why)) if decided.selection.service.traits.aws_query_compatible => {
            problems.report(id, why);
            return None;
        }
        _ => None,
    };
    let structure = structure(decided, shape, None, problems);
    Some(ErrorShape {
        code: decided.selection.shape_name(id).to_owned(),
        structure,
        fault,
        http_status,
        query_code,
    })
}
