//! The intermediate representation: a resolved, validated view of one service, with Rust names
//! decided and the wire names kept beside them. Emitters read only this, never the model.
//!
//! Every generated type is an entry of one table, [`Service::types`], keyed by its shape id;
//! a type refers to another by a [`TypeRef`] (the id, and the path the id's entry has), and
//! whoever needs the definition looks the id up in the table. Everything a type needs is
//! decided before it is built: nothing in it is filled in afterwards.

mod operation;
mod types;

pub use operation::*;
pub use types::*;

use crate::load::{ShapeId, TraitId};
use std::collections::BTreeMap;

/// One service, restricted to the selected operations and the shapes they reach. Its derived
/// `Debug` form, like that of every IR type, must show all of it: the printing memo keys a
/// whole generated crate by that form.
#[derive(Clone, Debug)]
pub struct Service {
    /// The service shape id (`com.amazonaws.kms#TrentService`).
    pub id: ShapeId,
    /// The `aws.api#service` sdkId, or the shape name when absent.
    pub sdk_id: String,
    /// The Cargo package name of the generated crate.
    pub crate_name: String,
    /// The service version (`2014-11-01`).
    pub version: String,
    /// The service title, when the model gives one.
    pub title: Option<String>,
    /// Service documentation as rustdoc Markdown.
    pub docs: Option<String>,
    /// The wire protocol.
    pub protocol: Protocol,
    /// Whether the service has `aws.protocols#awsQueryCompatible`.
    pub query_compatible: bool,
    /// The SigV4 signing name, when the model gives one.
    pub signing_name: Option<String>,
    /// Selected operations, sorted by Rust name.
    pub operations: Vec<Operation>,
    /// Every generated type (structures, errors, enums, unions), by shape id. An operation
    /// without input or output in the model gets an empty structure, keyed
    /// `ns#Operation$Input` (or `$Output`).
    pub types: BTreeMap<ShapeId, TypeDef>,
    /// The distinct `pattern`s that validation checks, by [`PatternId`], sorted by source:
    /// each is one static in the generated crate, shared by every member that uses it.
    pub patterns: Vec<PatternConstraint>,
    /// Operations left out, with why (event streams, ...); the caller reports them.
    pub skipped: Vec<(ShapeId, String)>,
    /// Parts of the model generated in a reduced form, with why; the caller reports them.
    pub warnings: Vec<String>,
    /// How many model shapes the selected operations reach, the operations included.
    pub shape_count: usize,
}

/// One generated type.
#[derive(Clone, Debug)]
pub enum TypeDef {
    /// A structure that is not an error.
    Structure(Structure),
    /// An error structure.
    Error(ErrorShape),
    /// A string enum.
    Enum(Enum),
    /// An integer enum.
    IntEnum(IntEnum),
    /// A union.
    Union(Union),
}

impl TypeDef {
    /// Where the type lives and its Rust name.
    pub fn name(&self) -> &TypeName {
        match self {
            TypeDef::Structure(s) => &s.name,
            TypeDef::Error(e) => &e.structure.name,
            TypeDef::Enum(e) => &e.name,
            TypeDef::IntEnum(e) => &e.name,
            TypeDef::Union(u) => &u.name,
        }
    }
}

impl Service {
    /// The structure (not an error) with this id.
    pub fn structure(&self, id: &ShapeId) -> Option<&Structure> {
        match self.types.get(id)? {
            TypeDef::Structure(s) => Some(s),
            _ => None,
        }
    }

    /// The structure with this id, an error's included.
    pub fn any_structure(&self, id: &ShapeId) -> Option<&Structure> {
        match self.types.get(id)? {
            TypeDef::Structure(s) => Some(s),
            TypeDef::Error(e) => Some(&e.structure),
            _ => None,
        }
    }

    /// The error structure with this id.
    pub fn error(&self, id: &ShapeId) -> Option<&ErrorShape> {
        match self.types.get(id)? {
            TypeDef::Error(e) => Some(e),
            _ => None,
        }
    }

    /// The string enum with this id.
    pub fn enumeration(&self, id: &ShapeId) -> Option<&Enum> {
        match self.types.get(id)? {
            TypeDef::Enum(e) => Some(e),
            _ => None,
        }
    }

    /// The union with this id.
    pub fn union(&self, id: &ShapeId) -> Option<&Union> {
        match self.types.get(id)? {
            TypeDef::Union(u) => Some(u),
            _ => None,
        }
    }

    /// Every structure that is not an error, sorted by Rust name.
    pub fn structures(&self) -> impl Iterator<Item = &Structure> {
        self.sorted(|def| match def {
            TypeDef::Structure(s) => Some(s),
            _ => None,
        })
    }

    /// Every error structure, sorted by Rust name.
    pub fn errors(&self) -> impl Iterator<Item = &ErrorShape> {
        self.sorted(|def| match def {
            TypeDef::Error(e) => Some(e),
            _ => None,
        })
    }

    /// Every string enum, sorted by Rust name.
    pub fn enums(&self) -> impl Iterator<Item = &Enum> {
        self.sorted(|def| match def {
            TypeDef::Enum(e) => Some(e),
            _ => None,
        })
    }

    /// Every integer enum, sorted by Rust name.
    pub fn int_enums(&self) -> impl Iterator<Item = &IntEnum> {
        self.sorted(|def| match def {
            TypeDef::IntEnum(e) => Some(e),
            _ => None,
        })
    }

    /// Every union, sorted by Rust name.
    pub fn unions(&self) -> impl Iterator<Item = &Union> {
        self.sorted(|def| match def {
            TypeDef::Union(u) => Some(u),
            _ => None,
        })
    }

    /// The pattern a [`PatternId`] names.
    pub fn pattern(&self, id: PatternId) -> Option<&PatternConstraint> {
        self.patterns.get(id.0)
    }

    /// The entries of one kind, sorted by Rust name (the order emitters write them in).
    fn sorted<'a, T: 'a>(
        &'a self,
        pick: impl Fn(&'a TypeDef) -> Option<&'a T>,
    ) -> impl Iterator<Item = &'a T> {
        let mut found: Vec<(&TypeName, &T)> = self
            .types
            .values()
            .filter_map(|def| Some((def.name(), pick(def)?)))
            .collect();
        found.sort_by(|a, b| a.0.cmp(b.0));
        found.into_iter().map(|(_, def)| def)
    }
}

/// The awsJson protocol variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
}

impl Protocol {
    /// The `Content-Type` of requests.
    pub fn content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
        }
    }

    /// The protocol's name as the model's trait spells it.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "awsJson1_0",
            Protocol::AwsJson1_1 => "awsJson1_1",
        }
    }

    /// The id of the protocol's trait (`aws.protocols#awsJson1_1`).
    pub fn trait_id(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => TraitId::AwsJson1_0.id(),
            Protocol::AwsJson1_1 => TraitId::AwsJson1_1.id(),
        }
    }
}

/// Where a generated type lives in the crate.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Module {
    /// `crate::types`: structures and enums shared by operations.
    Types,
    /// `crate::errors`: error structures.
    Errors,
    /// `crate::operations::<name>`: an operation's own input, output and error enum.
    Operation(String),
}

/// Where a generated type lives and its Rust name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeName {
    /// The module it lives in.
    pub module: Module,
    /// The Rust type name.
    pub name: String,
}

/// A reference to a generated type: the key of its entry in [`Service::types`], and the
/// entry's name, so that printing a path needs no lookup.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeRef {
    /// The type's shape id.
    pub id: ShapeId,
    /// Where it lives and its Rust name.
    pub name: TypeName,
}

/// An entry of [`Service::patterns`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PatternId(pub usize);
