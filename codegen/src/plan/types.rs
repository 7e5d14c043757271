//! Pass 5, member types: the Rust type of every member of the closure's structures and
//! unions, with the boxes the cycle pass asked for. A member whose type cannot be generated
//! is reported and left out of the later passes.

use super::closure::Closure;
use super::ir::{RustType, TimestampFormat};
use super::naming::Names;
use super::problems::Problems;
use crate::load::{Model, ShapeId, ShapeKind, Traits};
use std::collections::{BTreeMap, BTreeSet};

/// The Rust type of each member (by member id) whose type can be generated.
pub(super) fn member_types(
    model: &Model,
    closure: &Closure,
    names: &Names,
    boxed: &BTreeSet<ShapeId>,
    problems: &mut Problems,
) -> BTreeMap<ShapeId, RustType> {
    let mut types = BTreeMap::new();
    for id in &closure.shapes {
        let Some(shape) = model.get(id) else {
            continue;
        };
        let union = match shape.kind {
            ShapeKind::Structure => false,
            ShapeKind::Union => true,
            _ => continue,
        };
        for member in shape.members.values() {
            if union && member.target.is_unit() {
                continue;
            }
            match rust_type(
                model,
                names,
                &member.target,
                &member.traits,
                &mut Vec::new(),
            ) {
                Ok(ty) => {
                    types.insert(member.id.clone(), boxed_if(ty, boxed.contains(&member.id)));
                }
                Err(why) => problems.report(&member.id, why),
            }
        }
    }
    types
}

fn boxed_if(ty: RustType, boxed: bool) -> RustType {
    match ty {
        RustType::Structure { name, .. } => RustType::Structure { name, boxed },
        RustType::Union { name, .. } => RustType::Union { name, boxed },
        other => other,
    }
}

/// Lists and maps nested in each other (with no structure or union between them) deeper
/// than this are refused: each level is a generic type the compiler and the printer nest,
/// and nothing real comes near it.
pub const MAX_COLLECTION_NESTING: usize = 32;

/// The Rust type for a member targeting `id`, with the member's own traits (a member
/// `timestampFormat` overrides the target's). `outer` holds the lists and maps this one is
/// nested in, so the recursion is at most [`MAX_COLLECTION_NESTING`] deep.
fn rust_type(
    model: &Model,
    names: &Names,
    id: &ShapeId,
    member_traits: &Traits,
    outer: &mut Vec<ShapeId>,
) -> Result<RustType, String> {
    let shape = model.get(id);
    let kind = match shape {
        Some(shape) => shape.kind.clone(),
        None if id.is_prelude() => ShapeKind::of_prelude(id.name()),
        None => return Err(format!("targets {id}, which is not defined")),
    };
    let traits = shape.map(|s| &s.traits);
    let sparse = traits.is_some_and(|t| t.sparse);
    Ok(match kind {
        ShapeKind::String => RustType::String,
        ShapeKind::Boolean => RustType::Boolean,
        ShapeKind::Byte => RustType::Byte,
        ShapeKind::Short => RustType::Short,
        ShapeKind::Integer => RustType::Integer,
        ShapeKind::Long => RustType::Long,
        ShapeKind::Float => RustType::Float,
        ShapeKind::Double => RustType::Double,
        ShapeKind::Blob => RustType::Blob,
        ShapeKind::Document => RustType::Document,
        ShapeKind::BigInteger => RustType::BigInteger,
        ShapeKind::BigDecimal => RustType::BigDecimal,
        ShapeKind::Timestamp => {
            let format = member_traits
                .timestamp_format
                .as_ref()
                .or_else(|| traits.and_then(|t| t.timestamp_format.as_ref()));
            RustType::Timestamp(match format {
                None => TimestampFormat::EpochSeconds,
                Some(format) => format.clone()?,
            })
        }
        ShapeKind::Enum => RustType::Enum(names.type_ref(id)),
        ShapeKind::IntEnum => RustType::IntEnum(names.type_ref(id)),
        ShapeKind::Union => RustType::Union {
            name: names.type_ref(id),
            boxed: false,
        },
        ShapeKind::Structure => {
            if traits.is_some_and(Traits::is_error) {
                return Err(format!(
                    "targets the error structure {id}, which cannot be a member"
                ));
            }
            if id.is_unit() {
                return Err(format!(
                    "targets {id}, which only unions and operations may use"
                ));
            }
            RustType::Structure {
                name: names.type_ref(id),
                boxed: false,
            }
        }
        ShapeKind::List | ShapeKind::Set => {
            let member = shape
                .and_then(|s| s.member.as_ref())
                .ok_or_else(|| format!("list {id} has no `member`"))?;
            enter_collection(outer, id)?;
            let item = rust_type(model, names, &member.target, &member.traits, outer)?;
            outer.pop();
            if sparse {
                RustType::SparseList(Box::new(item))
            } else {
                RustType::List(Box::new(item))
            }
        }
        ShapeKind::Map => {
            let key = shape
                .and_then(|s| s.key.as_ref())
                .ok_or_else(|| format!("map {id} has no `key`"))?;
            let key_kind = model
                .kind_of(&key.target)
                .unwrap_or_else(|| ShapeKind::of_prelude(key.target.name()));
            if !matches!(key_kind, ShapeKind::String | ShapeKind::Enum) {
                return Err(format!(
                    "map {id} has `{key_kind}` keys; awsJson maps need string keys"
                ));
            }
            let value = shape
                .and_then(|s| s.value.as_ref())
                .ok_or_else(|| format!("map {id} has no `value`"))?;
            enter_collection(outer, id)?;
            let value = rust_type(model, names, &value.target, &value.traits, outer)?;
            outer.pop();
            if sparse {
                RustType::SparseMap(Box::new(value))
            } else {
                RustType::Map(Box::new(value))
            }
        }
        ShapeKind::Operation | ShapeKind::Service | ShapeKind::Resource => {
            return Err(format!(
                "targets {id}, which is {}, not a data shape",
                kind.with_article()
            ));
        }
        ShapeKind::Other(other) => {
            return Err(format!(
                "targets {id}, a `{other}`, which this generator does not support"
            ))
        }
    })
}

/// Records that the type descends into the list or map `id`, refusing a collection that
/// holds itself with no structure or union between (its Rust type would be infinite) and
/// nesting past [`MAX_COLLECTION_NESTING`].
fn enter_collection(outer: &mut Vec<ShapeId>, id: &ShapeId) -> Result<(), String> {
    if outer.contains(id) {
        return Err(format!(
            "targets {}, which holds itself through lists and maps alone, so its Rust type would be infinite (put a structure or union in the cycle)",
            outer.first().unwrap_or(id)
        ));
    }
    if outer.len() >= MAX_COLLECTION_NESTING {
        return Err(format!(
            "targets {}, whose lists and maps are nested more than {MAX_COLLECTION_NESTING} levels deep (the limit; put a structure between them)",
            outer.first().unwrap_or(id)
        ));
    }
    outer.push(id.clone());
    Ok(())
}
