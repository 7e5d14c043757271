//! The intermediate representation: a resolved, validated view of one service, with Rust names
//! decided and the wire names kept beside them. Emitters read only this, never raw JSON.

pub use crate::load::traits::{Fault, TimestampFormat};
use crate::load::{ShapeId, TraitId};
use serde_json::Value;

/// One service, restricted to the selected operations and the shapes they reach.
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
    /// The SigV4 signing name, when the model gives one.
    pub signing_name: Option<String>,
    /// Selected operations, sorted by name.
    pub operations: Vec<Operation>,
    /// Every non-error structure reached, sorted by Rust name.
    pub structures: Vec<Structure>,
    /// Every enum reached, sorted by Rust name.
    pub enums: Vec<Enum>,
    /// Every error structure reached, sorted by Rust name.
    pub errors: Vec<ErrorShape>,
    /// Every union reached, sorted by Rust name.
    pub unions: Vec<Union>,
    /// Every integer enum reached, sorted by Rust name.
    pub int_enums: Vec<IntEnum>,
    /// The distinct `pattern`s that validation checks, sorted by source: each is one static
    /// in the generated crate, shared by every member that uses it.
    pub patterns: Vec<PatternConstraint>,
    /// Operations left out, with why (event streams, ...); the caller reports them.
    pub skipped: Vec<(ShapeId, String)>,
    /// Parts of the model generated in a reduced form, with why; the caller reports them.
    pub warnings: Vec<String>,
    /// How many model shapes the selected operations reach, the operations included.
    pub shape_count: usize,
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

/// A reference to a generated type: its module and Rust name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeName {
    /// The module it lives in.
    pub module: Module,
    /// The Rust type name.
    pub name: String,
}

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
    Enum(TypeName),
    /// A generated structure (`boxed` where it is part of a cycle).
    Structure {
        /// The structure.
        name: TypeName,
        /// Whether the member holds it in a `Box` to break a recursive cycle.
        boxed: bool,
    },
    /// A generated union.
    Union {
        /// The union.
        name: TypeName,
        /// Whether the member holds it in a `Box` to break a recursive cycle.
        boxed: bool,
    },
    /// A generated integer enum.
    IntEnum(TypeName),
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

/// A structure that is not an error.
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

/// A union: exactly one member is set.
#[derive(Clone, Debug)]
pub struct Union {
    /// Its shape id.
    pub id: ShapeId,
    /// Where it lives and its Rust name.
    pub name: TypeName,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// The members, in model order; `field_name` is unused and `variant` names the variant.
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
    /// The member, as for structures; `ty` is `None` for a `smithy.api#Unit` member.
    pub member: Member,
    /// Whether the member targets `smithy.api#Unit` (a variant without a value).
    pub unit: bool,
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

/// What a structure is for, which decides where it lives and how it is documented.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// One structure member.
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
    /// `smithy.api#default` (member or target), a plain field filled with this when unset.
    pub default: Option<Value>,
    /// Whether the value must never be printed (`smithy.api#sensitive` on the target).
    pub sensitive: bool,
    /// Constraints from the target shape and the member.
    pub constraints: Constraints,
    /// For list members: the constraints on each item (the list member's target and traits).
    pub item_constraints: Constraints,
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

impl Constraints {
    /// Whether there is nothing to check.
    pub fn is_empty(&self) -> bool {
        self.length.is_none() && self.pattern.is_none() && self.range.is_none()
    }
}

impl Member {
    /// Whether the field is a plain value rather than an `Option`.
    pub fn is_plain(&self) -> bool {
        self.required || self.default.is_some()
    }
}

/// Value constraints from `length`, `pattern` and `range`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    /// `smithy.api#length` bounds (Unicode scalar values for strings, items for lists).
    pub length: Option<(Option<u64>, Option<u64>)>,
    /// `smithy.api#pattern` (ECMA-262 regular expression, not anchored unless it says so).
    pub pattern: Option<String>,
    /// Where the pattern is in [`Service::patterns`] (set for every validated member).
    pub pattern_index: Option<usize>,
    /// `smithy.api#range` bounds.
    pub range: Option<(Option<f64>, Option<f64>)>,
}

/// One distinct `pattern` of the service.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternConstraint {
    /// The ECMA-262 source.
    pub source: String,
    /// The pattern as an automaton, when it is in the part of ECMA-262 that compiles to one
    /// (see [`pattern`](super::pattern)); `None` leaves it to a regex engine.
    pub program: Option<super::pattern::PatternProgram>,
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
}

/// One operation.
#[derive(Clone, Debug)]
pub struct Operation {
    /// Its shape id.
    pub id: ShapeId,
    /// The operation name on the wire (`ConnectCustomKeyStore`).
    pub wire_name: String,
    /// The Rust name of the operation's marker type (`ConnectCustomKeyStore`).
    pub rust_name: String,
    /// The module holding the operation (`connect_custom_key_store`).
    pub module: String,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// The input structure.
    pub input: TypeName,
    /// The output structure.
    pub output: TypeName,
    /// The operation's error enum (`ConnectCustomKeyStoreError`).
    pub error_enum: String,
    /// The errors it can return, in model order: the error enum's variants.
    pub errors: Vec<OperationError>,
    /// `X-Amz-Target` value (`TrentService.ConnectCustomKeyStore`).
    pub target_header: String,
    /// Pagination, from `smithy.api#paginated`.
    pub paginated: Option<Paginated>,
    /// `smithy.api#examples`, values kept as JSON in wire form.
    pub examples: Vec<Example>,
    /// `smithy.api#deprecated`.
    pub deprecated: Option<String>,
    /// `smithy.api#endpoint` `hostPrefix`: what to put before the caller's host.
    pub host_prefix: Option<Vec<HostPrefixPart>>,
    /// `smithy.api#requestCompression` lists `gzip`: large request bodies are compressed.
    pub request_compression: bool,
}

/// A piece of an operation's host prefix (`foo.{label}.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostPrefixPart {
    /// Text taken as it is (`foo.`).
    Literal(String),
    /// The value of a `@hostLabel` input member, by its wire name (`label`).
    Label(String),
}

/// An error an operation can return.
#[derive(Clone, Debug)]
pub struct OperationError {
    /// The error enum variant name.
    pub variant: String,
    /// The error structure.
    pub error: TypeName,
    /// The wire error code.
    pub code: String,
}

/// `smithy.api#paginated` member names, after merging the service's defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paginated {
    /// Input member carrying the continuation token.
    pub input_token: String,
    /// Output member carrying the next token.
    pub output_token: String,
    /// Output member holding the page's items.
    pub items: Option<String>,
    /// Input member limiting the page size.
    pub page_size: Option<String>,
}

/// One `smithy.api#examples` entry.
#[derive(Clone, Debug)]
pub struct Example {
    /// Its title.
    pub title: String,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// The input, in wire form.
    pub input: Value,
    /// The output, in wire form, when the example succeeds.
    pub output: Option<Value>,
    /// The error shape id and content, when the example fails.
    pub error: Option<(String, Value)>,
}
