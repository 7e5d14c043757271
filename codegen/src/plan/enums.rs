//! Conversion of string and integer enums, and the Rust variant names of enum and union
//! members.

use super::decided::{docs_of, Decided};
use super::ir::{Enum, EnumVariant, IntEnum};
use super::names;
use super::problems::Problems;
use crate::load::traits::EnumValue;
use crate::load::{Member, Shape, ShapeId};
use std::collections::BTreeMap;

/// The wire value of a string enum member: its `enumValue`, or its name.
pub(super) fn value_of(member_name: &str, member: &Member) -> String {
    match &member.traits.enum_value {
        Some(EnumValue::String(value)) => value.clone(),
        _ => member_name.to_owned(),
    }
}

/// The Rust variant for a member of an enum, intEnum or union. `Unknown` is the catch-all
/// variant for values (or members) the model does not list, so a member of that name
/// becomes `replacement`; two members with the same variant name are reported.
pub(super) fn variant_name(
    member_id: &ShapeId,
    member_name: &str,
    replacement: &str,
    seen: &mut BTreeMap<String, String>,
    problems: &mut Problems,
) -> String {
    let mut name = names::type_name(member_name);
    if name == "Unknown" {
        name = replacement.to_owned();
    }
    if let Some(other) = seen.insert(name.clone(), member_name.to_owned()) {
        problems.report(
            member_id,
            format!("members `{other}` and `{member_name}` both become the Rust variant `{name}`"),
        );
    }
    name
}

/// Whether an enum, intEnum or union has members; one without is reported.
pub(super) fn has_members(shape: &Shape, problems: &mut Problems) -> bool {
    if shape.members.is_empty() {
        problems.report(
            &shape.id,
            format!("{} needs at least one member", shape.kind.with_article()),
        );
    }
    !shape.members.is_empty()
}

/// A string enum: its values must be distinct, non-empty strings.
pub(super) fn enumeration(
    decided: &Decided,
    shape: &Shape,
    problems: &mut Problems,
) -> Option<Enum> {
    let id = &shape.id;
    if !has_members(shape, problems) {
        return None;
    }
    let mut variants = Vec::new();
    let mut seen_values: BTreeMap<String, String> = BTreeMap::new();
    let mut seen_names: BTreeMap<String, String> = BTreeMap::new();
    for (member_name, member) in &shape.members {
        if let Some(other @ (EnumValue::Integer(_) | EnumValue::Other(_))) =
            &member.traits.enum_value
        {
            problems.report(
                &member.id,
                format!(
                    "`enumValue` of a string enum must be a string, not {}",
                    other.as_written()
                ),
            );
            continue;
        }
        let value = value_of(member_name, member);
        if value.is_empty() {
            problems.report(&member.id, "enum values cannot be empty");
        }
        if let Some(other) = seen_values.insert(value.clone(), member_name.clone()) {
            problems.report(
                &member.id,
                format!("value `{value}` is also the value of member `{other}`"),
            );
        }
        let name = variant_name(
            &member.id,
            member_name,
            "UnknownValue",
            &mut seen_names,
            problems,
        );
        variants.push(EnumVariant {
            deprecated: member.traits.deprecation_note(),
            name,
            value,
            docs: docs_of(&member.traits),
        });
    }
    Some(Enum {
        id: id.clone(),
        name: decided.names.type_name(id),
        docs: docs_of(&shape.traits),
        variants,
    })
}

/// An integer enum: its values must be distinct and fit in 32 bits.
pub(super) fn int_enum(
    decided: &Decided,
    shape: &Shape,
    problems: &mut Problems,
) -> Option<IntEnum> {
    let id = &shape.id;
    if !has_members(shape, problems) {
        return None;
    }
    let mut variants = Vec::new();
    let mut seen_values: BTreeMap<i32, String> = BTreeMap::new();
    let mut seen_names: BTreeMap<String, String> = BTreeMap::new();
    for (member_name, member) in &shape.members {
        let value = match member.traits.enum_value {
            Some(EnumValue::Integer(value)) => i32::try_from(value).ok(),
            _ => None,
        };
        let Some(value) = value else {
            problems.report(
                &member.id,
                "an intEnum member needs an integer `enumValue` that fits in 32 bits",
            );
            continue;
        };
        if let Some(other) = seen_values.insert(value, member_name.clone()) {
            problems.report(
                &member.id,
                format!("value {value} is also the value of member `{other}`"),
            );
        }
        let name = variant_name(
            &member.id,
            member_name,
            "UnknownValue",
            &mut seen_names,
            problems,
        );
        variants.push((name, value, docs_of(&member.traits)));
    }
    Some(IntEnum {
        id: id.clone(),
        name: decided.names.type_name(id),
        docs: docs_of(&shape.traits),
        variants,
    })
}
