//! The generated data types: structures, errors, enums, unions, and their members.

use super::{PatternId, TypeName, TypeRef};
pub use crate::load::traits::{Bound, Fault, TimestampFormat};
use crate::load::ShapeId;
use serde_json::Value;

/// The Rust type of a member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Boolean,
    /// `i8`.
    Byte,
    /// `i16`.
    Short,
    /// `i32`.
    Integer,
    /// `i64`.
    Long,
    /// `f32`.
    Float,
    /// `f64`.
    Double,
    /// The crate's own `DateTime`, in a wire format.
    Timestamp(TimestampFormat),
    /// The crate's own `Blob` (base64 on the wire).
    Blob,
    /// Any JSON value (`serde_json::Value`).
    Document,
    /// An arbitrary-precision integer, kept as its decimal text.
    BigInteger,
    /// An arbitrary-precision decimal, kept as its text.
    BigDecimal,
    /// A generated enum.
    Enum(TypeRef),
    /// A generated structure (`boxed` where it is part of a cycle).
    Structure {
        /// The structure.
        name: TypeRef,
        /// Whether the member holds it in a `Box` to break a recursive cycle.
        boxed: bool,
    },
    /// A generated union.
    Union {
        /// The union.
        name: TypeRef,
        /// Whether the member holds it in a `Box` to break a recursive cycle.
        boxed: bool,
    },
    /// A generated integer enum.
    IntEnum(TypeRef),
    /// A list of values; nulls on the wire are dropped.
    List(Box<RustType>),
    /// A `@sparse` list: items may be null.
    SparseList(Box<RustType>),
    /// A map with string keys; null values on the wire are dropped.
    Map(Box<RustType>),
    /// A `@sparse` map: values may be null.
    SparseMap(Box<RustType>),
}

impl RustType {
    /// The item or value type of a collection.
    pub fn element(&self) -> Option<&RustType> {
        match self {
            RustType::List(item)
            | RustType::SparseList(item)
            | RustType::Map(item)
            | RustType::SparseMap(item) => Some(item),
            _ => None,
        }
    }

    /// Whether serde's own impls give the wrong wire form for this type, so the field goes
    /// through the wire module's codecs: collections (nulls dropped or kept), floats (`NaN`
    /// and infinities as strings) and timestamps in a non-default format.
    pub fn needs_codec(&self) -> bool {
        match self {
            RustType::Float | RustType::Double => true,
            RustType::Timestamp(format) => *format != TimestampFormat::EpochSeconds,
            RustType::List(_)
            | RustType::SparseList(_)
            | RustType::Map(_)
            | RustType::SparseMap(_) => true,
            _ => false,
        }
    }
}

/// A structure (an error's too).
#[derive(Clone, Debug)]
pub struct Structure {
    /// Its shape id.
    pub id: ShapeId,
    /// Where it lives and its Rust name.
    pub name: TypeName,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// Members in model (wire) order.
    pub members: Vec<Member>,
    /// What the structure is for.
    pub role: StructureRole,
    /// Whether it is reachable from an operation input, so it gets client-side validation.
    pub validated: bool,
    /// `smithy.api#deprecated`, as the note for `#[deprecated]`.
    pub deprecated: Option<String>,
}

/// What a structure is for, which decides where it lives and how it is documented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructureRole {
    /// An operation's input (`smithy.api#input` or referenced as input).
    Input,
    /// An operation's output.
    Output,
    /// Any other structure.
    Shared,
    /// An error structure.
    Error,
}

impl Structure {
    /// Whether any member must be set before the structure can be built.
    pub fn has_required_without_default(&self) -> bool {
        self.members
            .iter()
            .any(|m| m.required && m.default.is_none())
    }

    /// Whether `Debug` must hide something.
    pub fn has_sensitive(&self) -> bool {
        self.members.iter().any(|m| m.sensitive)
    }
}

/// One structure or union member.
#[derive(Clone, Debug)]
pub struct Member {
    /// The member name as on the wire (`CustomKeyStoreId`).
    pub wire_name: String,
    /// The Rust field name (`custom_key_store_id`).
    pub field_name: String,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// The Rust type, without the `Option` that optional members add.
    pub ty: RustType,
    /// `smithy.api#required`.
    pub required: bool,
    /// `smithy.api#default` (member or target): a plain field filled with this when unset.
    pub default: Option<DefaultValue>,
    /// The default of an `@input` structure's optional member, which a client ignores (the
    /// field is an `Option`, and `default` is `None`) but a server applies to a request that
    /// leaves the member out.
    pub server_default: Option<DefaultValue>,
    /// Whether the value must never be printed (`smithy.api#sensitive` on the target).
    pub sensitive: bool,
    /// Constraints from the target shape and the member.
    pub constraints: Constraints,
    /// For list and map members: the constraints on each item (a map's values), one entry
    /// per level of nesting, outermost first (each from the item member's target and traits).
    pub item_constraints: Vec<Constraints>,
    /// `smithy.api#idempotencyToken`: filled with a fresh token when left unset.
    pub idempotency_token: bool,
    /// Whether the member's value holds a structure or union with constraints to check
    /// (so validation descends into it).
    pub nested_checks: bool,
    /// `smithy.api#deprecated` on the member.
    pub deprecated: Option<String>,
    /// The target shape id.
    pub target: ShapeId,
}

impl Member {
    /// Whether the field is a plain value rather than an `Option`.
    pub fn is_plain(&self) -> bool {
        self.required || self.default.is_some()
    }
}

/// A `smithy.api#default` value, checked against the member's type: what the model writes,
/// for the kind of value it is.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    /// A boolean.
    Boolean(bool),
    /// A string: for strings, enums (the wire value), blobs (base64) and timestamps written
    /// as text.
    String(String),
    /// A number written without fraction or exponent (for any numeric type, timestamps in
    /// epoch seconds included).
    Integer(i128),
    /// A number written with a fraction or an exponent.
    Float(f64),
    /// A bigInteger or bigDecimal default: its JSON number text, every digit as written
    /// (`-388531337837038913783703891378`, `0.1000000000000000000001`).
    BigNumber(String),
    /// `[]`, the only default a list may have.
    EmptyList,
    /// `{}`, the only default a map may have.
    EmptyMap,
    /// A document's default: any JSON value (a document is one).
    Document(Value),
}

impl DefaultValue {
    /// The value as JSON, as the model writes it (documentation shows it so, and wire
    /// checks fill absent members with it).
    pub fn to_json(&self) -> Value {
        match self {
            DefaultValue::Boolean(value) => Value::Bool(*value),
            DefaultValue::String(value) => Value::String(value.clone()),
            DefaultValue::Integer(value) => match (i64::try_from(*value), u64::try_from(*value)) {
                (Ok(value), _) => Value::from(value),
                (_, Ok(value)) => Value::from(value),
                _ => Value::from(*value as f64),
            },
            DefaultValue::Float(value) => Value::from(*value),
            // The nearest JSON value (a `Value` has no room for more digits).
            DefaultValue::BigNumber(text) => serde_json::from_str(text).unwrap_or(Value::Null),
            DefaultValue::EmptyList => Value::Array(Vec::new()),
            DefaultValue::EmptyMap => Value::Object(Default::default()),
            DefaultValue::Document(value) => value.clone(),
        }
    }

    /// The value as a number, for numeric members.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            DefaultValue::Integer(value) => Some(*value as f64),
            DefaultValue::Float(value) => Some(*value),
            _ => None,
        }
    }
}

impl std::fmt::Display for DefaultValue {
    /// The JSON text of the value (`0`, `"abc"`, `[]`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DefaultValue::BigNumber(text) => f.write_str(text),
            value => write!(f, "{}", value.to_json()),
        }
    }
}

/// Value constraints from `length`, `pattern` and `range`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    /// `smithy.api#length` bounds (Unicode scalar values for strings, items for lists).
    pub length: Option<(Option<u64>, Option<u64>)>,
    /// `smithy.api#pattern`.
    pub pattern: Option<PatternRef>,
    /// `smithy.api#range` bounds.
    pub range: Option<(Option<Bound>, Option<Bound>)>,
}

impl Constraints {
    /// Whether there is nothing to check.
    pub fn is_empty(&self) -> bool {
        self.length.is_none() && self.pattern.is_none() && self.range.is_none()
    }
}

/// A member's `pattern`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternRef {
    /// The ECMA-262 source (not anchored unless it says so).
    pub source: String,
    /// The pattern's entry in [`Service::patterns`](super::Service::patterns), for members
    /// of types that get validation; `None` for the others, which only document it.
    pub id: Option<PatternId>,
}

/// One distinct `pattern` of the service.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternConstraint {
    /// The ECMA-262 source.
    pub source: String,
    /// The pattern as an automaton, when it is in the part of ECMA-262 that compiles to one
    /// (see [`pattern`](crate::plan::pattern)); `None` leaves it to a regex engine.
    pub program: Option<crate::plan::pattern::PatternProgram>,
    /// The automaton determinized over ASCII, when it fits in a byte table (see
    /// [`pattern_dfa`](crate::plan::pattern_dfa)).
    pub ascii_dfa: Option<crate::plan::pattern_dfa::AsciiDfa>,
}

/// A union: exactly one member is set.
#[derive(Clone, Debug)]
pub struct Union {
    /// Its shape id.
    pub id: ShapeId,
    /// Where it lives and its Rust name.
    pub name: TypeName,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// The members, in model order.
    pub variants: Vec<UnionVariant>,
    /// Whether it is reachable from an operation input.
    pub validated: bool,
    /// `smithy.api#deprecated`.
    pub deprecated: Option<String>,
}

/// One union member.
#[derive(Clone, Debug)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub variant: String,
    /// The member.
    pub member: VariantMember,
}

/// What a union member holds.
#[derive(Clone, Debug)]
pub enum VariantMember {
    /// A member targeting `smithy.api#Unit`: a variant without a value.
    Unit {
        /// The member name as on the wire.
        wire_name: String,
        /// Rustdoc Markdown.
        docs: Option<String>,
        /// `smithy.api#deprecated` on the member.
        deprecated: Option<String>,
    },
    /// A member with a value, as for structures (`field_name` is unused).
    Value(Box<Member>),
}

impl UnionVariant {
    /// The member name as on the wire.
    pub fn wire_name(&self) -> &str {
        match &self.member {
            VariantMember::Unit { wire_name, .. } => wire_name,
            VariantMember::Value(member) => &member.wire_name,
        }
    }

    /// Rustdoc Markdown.
    pub fn docs(&self) -> Option<&str> {
        match &self.member {
            VariantMember::Unit { docs, .. } => docs.as_deref(),
            VariantMember::Value(member) => member.docs.as_deref(),
        }
    }

    /// The `#[deprecated]` note.
    pub fn deprecated(&self) -> Option<&str> {
        match &self.member {
            VariantMember::Unit { deprecated, .. } => deprecated.as_deref(),
            VariantMember::Value(member) => member.deprecated.as_deref(),
        }
    }

    /// The member, when the variant holds a value.
    pub fn value(&self) -> Option<&Member> {
        match &self.member {
            VariantMember::Unit { .. } => None,
            VariantMember::Value(member) => Some(member),
        }
    }
}

/// An integer enum.
#[derive(Clone, Debug)]
pub struct IntEnum {
    /// Its shape id.
    pub id: ShapeId,
    /// Where it lives and its Rust name.
    pub name: TypeName,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// Known values in model order: Rust variant name, value, docs.
    pub variants: Vec<(String, i32, Option<String>)>,
}

/// A string enum.
#[derive(Clone, Debug)]
pub struct Enum {
    /// Its shape id.
    pub id: ShapeId,
    /// Where it lives and its Rust name.
    pub name: TypeName,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// Known values in model order.
    pub variants: Vec<EnumVariant>,
}

/// One known enum value.
#[derive(Clone, Debug)]
pub struct EnumVariant {
    /// The Rust variant name (`AwsCloudhsm`).
    pub name: String,
    /// The wire value (`AWS_CLOUDHSM`).
    pub value: String,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// `smithy.api#deprecated`.
    pub deprecated: Option<String>,
}

/// An error structure.
#[derive(Clone, Debug)]
pub struct ErrorShape {
    /// The structure itself.
    pub structure: Structure,
    /// The error code on the wire (the shape name, after service renames).
    pub code: String,
    /// Client or server fault.
    pub fault: Fault,
    /// The HTTP status the model gives (`httpError`, else 400 for client and 500 for server).
    pub http_status: u16,
    /// `aws.protocols#awsQueryError`'s code, kept only when the service is
    /// `awsQueryCompatible` (a server then sends `x-amzn-query-error: Code;Fault`).
    pub query_code: Option<String>,
}
