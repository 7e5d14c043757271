//! Which structures derive `Eq` and `Hash`: those whose members all allow both, decided over
//! the whole type graph at once so that recursive types are decided too.
//!
//! Floats (`f32`, `f64`) have neither, and neither do documents. A union never derives them:
//! its `Unknown` variant keeps a member the crate does not know as raw JSON, which is a
//! document. Enums, timestamps, blobs and the big numbers have both.

use crate::load::ShapeId;
use crate::plan::ir::{RustType, Service, TypeDef};
use std::collections::BTreeSet;

/// The structures (errors included) that derive `Eq` and `Hash`, by shape id.
#[derive(Clone, Debug, Default)]
pub struct EqHash {
    types: BTreeSet<ShapeId>,
}

impl EqHash {
    /// Decides every structure of the service. Starts from all of them and drops any with a
    /// member that rules the derives out, until nothing changes: a cycle of types that only
    /// hold each other keeps them, one float anywhere on the cycle rules out all of it.
    pub fn of(service: &Service) -> Self {
        let structures: Vec<_> = service
            .types
            .values()
            .filter_map(|def| match def {
                TypeDef::Structure(s) => Some(s),
                TypeDef::Error(e) => Some(&e.structure),
                _ => None,
            })
            .collect();
        let mut types: BTreeSet<ShapeId> = structures.iter().map(|s| s.id.clone()).collect();
        loop {
            let ruled_out: Vec<ShapeId> = structures
                .iter()
                .filter(|s| types.contains(&s.id))
                .filter(|s| !s.members.iter().all(|m| allows(&m.ty, &types)))
                .map(|s| s.id.clone())
                .collect();
            if ruled_out.is_empty() {
                return EqHash { types };
            }
            for id in &ruled_out {
                types.remove(id);
            }
        }
    }

    /// Whether the structure with this id derives `Eq` and `Hash`.
    pub fn derives(&self, id: &ShapeId) -> bool {
        self.types.contains(id)
    }
}

/// Whether a member of this type allows `Eq` and `Hash`, given the structures that still do.
fn allows(ty: &RustType, structures: &BTreeSet<ShapeId>) -> bool {
    match ty {
        RustType::Float | RustType::Double | RustType::Document => false,
        RustType::Union { .. } => false,
        RustType::Structure { name, .. } => structures.contains(&name.id),
        RustType::List(item)
        | RustType::SparseList(item)
        | RustType::Map(item)
        | RustType::SparseMap(item) => allows(item, structures),
        RustType::String
        | RustType::Boolean
        | RustType::Byte
        | RustType::Short
        | RustType::Integer
        | RustType::Long
        | RustType::Timestamp(_)
        | RustType::Blob
        | RustType::BigInteger
        | RustType::BigDecimal
        | RustType::Enum(_)
        | RustType::IntEnum(_) => true,
    }
}
