//! Conversion of string and integer enums, and the Rust variant names of enum and union
//! members.

use super::decided::{docs_of, Decided};
use super::ir::{Enum, EnumVariant, IntEnum};
use super::member_names;
use super::names;
use super::problems::Problems;
use crate::load::traits::EnumValue;
use crate::load::{Member, Shape};
use std::collections::BTreeMap;

/// The wire value of a string enum member: its `enumValue`, or its name.
pub(super) fn value_of(member_name: &str, member: &Member) -> String {
    match &member.traits.enum_value {
        Some(EnumValue::String(value)) => value.clone(),
        _ => member_name.to_owned(),
    }
}

/// The Rust variant of each member of an enum, intEnum or union, in model order, with the
/// documentation note of a member renamed because another member kept its converted name
/// (`AlphaBravo2`; see [`member_names::distinct`]). `Unknown` is the catch-all variant for
/// values (or members) the model does not list, so a member of that name becomes
/// `replacement`.
pub(super) fn variant_names(shape: &Shape, replacement: &str) -> Vec<(String, Option<String>)> {
    let natural: Vec<String> = shape
        .members
        .keys()
        .map(|member_name| match names::type_name(member_name) {
            name if name == "Unknown" => replacement.to_owned(),
            name => name,
        })
        .collect();
    let wire: Vec<&String> = shape.members.keys().collect();
    member_names::distinct(&natural, |name, n| format!("{name}{n}"))
        .into_iter()
        .enumerate()
        .map(|(i, named)| {
            let note = named.yielded_to.map(|keeper| {
                member_names::renamed_note(&named.name, wire[i], &natural[i], wire[keeper])
            });
            (named.name, note)
        })
        .collect()
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
    let names = variant_names(shape, "UnknownValue");
    for ((member_name, member), (name, note)) in shape.members.iter().zip(names) {
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
        variants.push(EnumVariant {
            deprecated: member.traits.deprecation_note(),
            name,
            value,
            docs: member_names::with_note(docs_of(&member.traits), note),
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
    let names = variant_names(shape, "UnknownValue");
    for ((member_name, member), (name, note)) in shape.members.iter().zip(names) {
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
        variants.push((
            name,
            value,
            member_names::with_note(docs_of(&member.traits), note),
        ));
    }
    Some(IntEnum {
        id: id.clone(),
        name: decided.names.type_name(id),
        docs: docs_of(&shape.traits),
        variants,
    })
}
