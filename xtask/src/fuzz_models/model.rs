//! The random model as the generator made it: shapes, members and traits, with the facts the
//! value writer needs (constraints, enum values, formats) kept in typed form beside the trait
//! values that the JSON AST and IDL writers print.

use super::node::Node;

/// The namespace of every generated shape.
pub const NAMESPACE: &str = "fuzz.models";

/// A shape kind the generator makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    Enum,
    IntEnum,
    List,
    Map,
    Structure,
    Union,
}

impl Kind {
    /// The kind's name in the JSON AST and the IDL.
    pub fn keyword(self) -> &'static str {
        match self {
            Kind::Blob => "blob",
            Kind::Boolean => "boolean",
            Kind::String => "string",
            Kind::Byte => "byte",
            Kind::Short => "short",
            Kind::Integer => "integer",
            Kind::Long => "long",
            Kind::Float => "float",
            Kind::Double => "double",
            Kind::BigInteger => "bigInteger",
            Kind::BigDecimal => "bigDecimal",
            Kind::Timestamp => "timestamp",
            Kind::Document => "document",
            Kind::Enum => "enum",
            Kind::IntEnum => "intEnum",
            Kind::List => "list",
            Kind::Map => "map",
            Kind::Structure => "structure",
            Kind::Union => "union",
        }
    }

    /// The simple kinds, in the order the builder draws from.
    pub const SIMPLE: [Kind; 15] = [
        Kind::Blob,
        Kind::Boolean,
        Kind::String,
        Kind::Byte,
        Kind::Short,
        Kind::Integer,
        Kind::Long,
        Kind::Float,
        Kind::Double,
        Kind::BigInteger,
        Kind::BigDecimal,
        Kind::Timestamp,
        Kind::Document,
        Kind::Enum,
        Kind::IntEnum,
    ];

    /// The numeric kinds, which take `@range`.
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Kind::Byte
                | Kind::Short
                | Kind::Integer
                | Kind::Long
                | Kind::Float
                | Kind::Double
                | Kind::BigInteger
                | Kind::BigDecimal
        )
    }

    /// The smallest and largest value of the kind, in thousandths ([`SCALE`]), and the step
    /// its values take (1 for integers, 0.5 for floats so that every value is exact in `f32`).
    pub fn value_space(self) -> (i128, i128, i128) {
        const BIG: i128 = 10i128.pow(30) * SCALE;
        match self {
            Kind::Byte => (i8::MIN as i128 * SCALE, i8::MAX as i128 * SCALE, SCALE),
            Kind::Short => (i16::MIN as i128 * SCALE, i16::MAX as i128 * SCALE, SCALE),
            Kind::Integer => (i32::MIN as i128 * SCALE, i32::MAX as i128 * SCALE, SCALE),
            Kind::Long => (i64::MIN as i128 * SCALE, i64::MAX as i128 * SCALE, SCALE),
            Kind::Float | Kind::Double => (-1_000_000 * SCALE, 1_000_000 * SCALE, SCALE / 2),
            Kind::BigInteger => (-BIG, BIG, SCALE),
            _ => (-BIG, BIG, 1),
        }
    }
}

/// Numbers are kept in thousandths, exactly, as `i128`.
pub const SCALE: i128 = 1000;

/// A scaled number as JSON number text (`-12`, `3.5`, `0.125`).
pub fn scaled_text(value: i128) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let magnitude = value.unsigned_abs();
    let (whole, frac) = (magnitude / SCALE as u128, magnitude % SCALE as u128);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let frac = format!("{frac:03}");
        format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
    }
}

/// The constraints a shape or member carries (a member's own add to its target's).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    /// `@length`: the smallest and largest count (characters, bytes, entries).
    pub length: (Option<u64>, Option<u64>),
    /// `@range`, in thousandths.
    pub range: (Option<i128>, Option<i128>),
    /// `@pattern`, one of [`PATTERNS`].
    pub pattern: Option<usize>,
}

/// Patterns the generator uses: the regex, characters that make a matching string of any
/// length of at least one, a character no match may hold where `needs` is absent, and a
/// character the string must contain somewhere (the unanchored pattern searches for it).
pub struct PatternKind {
    pub regex: &'static str,
    pub alphabet: &'static str,
    pub needs: Option<char>,
}

/// The patterns of [`Constraints::pattern`].
pub const PATTERNS: [PatternKind; 4] = [
    PatternKind {
        regex: "^[a-z]+$",
        alphabet: "abcdefghijklmnopqrstuvwxyz",
        needs: None,
    },
    PatternKind {
        regex: "^[0-9A-F]+$",
        alphabet: "0123456789ABCDEF",
        needs: None,
    },
    PatternKind {
        regex: "^[A-Za-z_]{1,}$",
        alphabet: "abcXYZ_",
        needs: None,
    },
    // Not anchored: Smithy patterns search, so any string holding a digit matches.
    PatternKind {
        regex: "[0-9]",
        alphabet: "abc!?",
        needs: Some('7'),
    },
];

/// A member of a structure, union, list or map, or a value of an enum.
#[derive(Clone, Debug)]
pub struct Member {
    pub name: String,
    /// The target's shape id (`fuzz.models#X` or `smithy.api#Unit` for enum values).
    pub target: String,
    /// Trait id (absolute) and value, in order.
    pub traits: Vec<(String, Node)>,
    /// The member's own constraints.
    pub constraints: Constraints,
    /// Whether a value must be present (`@required`).
    pub required: bool,
    /// The member's `@default` value, if it has one.
    pub default: Option<Node>,
    /// The member's `@timestampFormat`, if it has one.
    pub timestamp_format: Option<&'static str>,
    /// An enum value (its `@enumValue`, a string or an integer).
    pub enum_value: Option<Node>,
    /// Whether the member closes a cycle back to a shape made later or to its own shape.
    pub recursive: bool,
    /// Whether the member is an `@idempotencyToken`.
    pub idempotency_token: bool,
}

impl Member {
    /// A member with no traits.
    pub fn new(name: impl Into<String>, target: impl Into<String>) -> Self {
        Member {
            name: name.into(),
            target: target.into(),
            traits: Vec::new(),
            constraints: Constraints::default(),
            required: false,
            default: None,
            timestamp_format: None,
            enum_value: None,
            recursive: false,
            idempotency_token: false,
        }
    }
}

/// A shape of the model.
#[derive(Clone, Debug)]
pub struct Shape {
    pub name: String,
    pub kind: Kind,
    /// Structure and union members, enum values, a list's `member`, a map's `key` and `value`.
    pub members: Vec<Member>,
    pub traits: Vec<(String, Node)>,
    pub constraints: Constraints,
    pub sparse: bool,
    pub timestamp_format: Option<&'static str>,
}

impl Shape {
    /// The shape's id.
    pub fn id(&self) -> String {
        format!("{NAMESPACE}#{}", self.name)
    }
}

/// An operation of the service.
#[derive(Clone, Debug)]
pub struct Operation {
    pub name: String,
    /// Input and output structure names.
    pub input: String,
    pub output: String,
    /// Error structure names.
    pub errors: Vec<String>,
}

/// A whole random model: one awsJson1_1 service.
#[derive(Clone, Debug)]
pub struct Model {
    pub seed: u64,
    pub service: String,
    pub operations: Vec<Operation>,
    pub shapes: Vec<Shape>,
    /// Whether to write it as IDL rather than JSON AST.
    pub idl: bool,
}

impl Model {
    /// The shape with this id, if the model defines it.
    pub fn shape(&self, id: &str) -> Option<&Shape> {
        let name = id.strip_prefix(NAMESPACE)?.strip_prefix('#')?;
        self.shapes.iter().find(|s| s.name == name)
    }

    /// The crate name the model is generated under.
    pub fn crate_name(&self) -> String {
        format!("fuzz-{}", self.seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_numbers_print_as_json() {
        assert_eq!(scaled_text(-12_000), "-12");
        assert_eq!(scaled_text(3_500), "3.5");
        assert_eq!(scaled_text(125), "0.125");
        assert_eq!(scaled_text(-5), "-0.005");
        assert_eq!(scaled_text(i64::MAX as i128 * SCALE), "9223372036854775807");
    }
}
