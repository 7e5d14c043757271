//! Shape types (<https://smithy.io/2.0/spec/model.html#shape-types>).

use serde::{Deserialize, Serialize};
use std::fmt;

/// The type of a shape. A type this generator does not know is kept by name, so that the
/// planner can say which shape uses it (and only when a selected operation reaches it).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(from = "String", into = "String")]
pub enum ShapeKind {
    /// `blob`.
    Blob,
    /// `boolean`.
    Boolean,
    /// `string`.
    String,
    /// `byte`.
    Byte,
    /// `short`.
    Short,
    /// `integer`.
    Integer,
    /// `long`.
    Long,
    /// `float`.
    Float,
    /// `double`.
    Double,
    /// `bigInteger`.
    BigInteger,
    /// `bigDecimal`.
    BigDecimal,
    /// `timestamp`.
    Timestamp,
    /// `document`.
    Document,
    /// `enum`.
    Enum,
    /// `intEnum`.
    IntEnum,
    /// `list`.
    List,
    /// `set` (Smithy 1.0; read as a list).
    Set,
    /// `map`.
    Map,
    /// `structure`.
    Structure,
    /// `union`.
    Union,
    /// `operation`.
    Operation,
    /// `service`.
    Service,
    /// `resource`.
    Resource,
    /// Any other name.
    Other(String),
}

/// Every known shape type with its name in the model.
const NAMES: &[(ShapeKind, &str)] = &[
    (ShapeKind::Blob, "blob"),
    (ShapeKind::Boolean, "boolean"),
    (ShapeKind::String, "string"),
    (ShapeKind::Byte, "byte"),
    (ShapeKind::Short, "short"),
    (ShapeKind::Integer, "integer"),
    (ShapeKind::Long, "long"),
    (ShapeKind::Float, "float"),
    (ShapeKind::Double, "double"),
    (ShapeKind::BigInteger, "bigInteger"),
    (ShapeKind::BigDecimal, "bigDecimal"),
    (ShapeKind::Timestamp, "timestamp"),
    (ShapeKind::Document, "document"),
    (ShapeKind::Enum, "enum"),
    (ShapeKind::IntEnum, "intEnum"),
    (ShapeKind::List, "list"),
    (ShapeKind::Set, "set"),
    (ShapeKind::Map, "map"),
    (ShapeKind::Structure, "structure"),
    (ShapeKind::Union, "union"),
    (ShapeKind::Operation, "operation"),
    (ShapeKind::Service, "service"),
    (ShapeKind::Resource, "resource"),
];

impl ShapeKind {
    /// The shape type named `name` in a model.
    pub fn parse(name: &str) -> ShapeKind {
        NAMES.iter().find(|(_, known)| *known == name).map_or_else(
            || ShapeKind::Other(name.to_owned()),
            |(kind, _)| kind.clone(),
        )
    }

    /// The name as a model writes it (`intEnum`).
    pub fn as_str(&self) -> &str {
        match self {
            ShapeKind::Other(name) => name,
            known => NAMES
                .iter()
                .find(|(kind, _)| kind == known)
                .map_or("", |(_, name)| name),
        }
    }

    /// The name with its article, for messages (`an integer`, `a string`).
    pub fn with_article(&self) -> String {
        let name = self.as_str();
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {name}")
    }

    /// Simple shapes that become plain Rust values (`String`, `bool`, numbers, timestamps),
    /// as opposed to blobs, documents and big numbers, which have types of their own.
    pub fn is_plain_value(&self) -> bool {
        matches!(
            self,
            ShapeKind::String
                | ShapeKind::Boolean
                | ShapeKind::Byte
                | ShapeKind::Short
                | ShapeKind::Integer
                | ShapeKind::Long
                | ShapeKind::Float
                | ShapeKind::Double
                | ShapeKind::Timestamp
        )
    }

    /// Numbers, the integer enum included.
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            ShapeKind::Byte
                | ShapeKind::Short
                | ShapeKind::Integer
                | ShapeKind::Long
                | ShapeKind::Float
                | ShapeKind::Double
                | ShapeKind::BigInteger
                | ShapeKind::BigDecimal
                | ShapeKind::IntEnum
        )
    }

    /// Lists, and sets (read as lists).
    pub fn is_list(&self) -> bool {
        matches!(self, ShapeKind::List | ShapeKind::Set)
    }

    /// Operations, services and resources: shapes that are not data.
    pub fn is_service_shape(&self) -> bool {
        matches!(
            self,
            ShapeKind::Operation | ShapeKind::Service | ShapeKind::Resource
        )
    }

    /// The type of a prelude shape that a JSON AST leaves out (`smithy.api#String` is a
    /// string); `Other("unknown")` for a name the prelude does not define.
    pub fn of_prelude(name: &str) -> ShapeKind {
        match name {
            "String" => ShapeKind::String,
            "Boolean" | "PrimitiveBoolean" => ShapeKind::Boolean,
            "Byte" | "PrimitiveByte" => ShapeKind::Byte,
            "Short" | "PrimitiveShort" => ShapeKind::Short,
            "Integer" | "PrimitiveInteger" => ShapeKind::Integer,
            "Long" | "PrimitiveLong" => ShapeKind::Long,
            "Float" | "PrimitiveFloat" => ShapeKind::Float,
            "Double" | "PrimitiveDouble" => ShapeKind::Double,
            "Timestamp" => ShapeKind::Timestamp,
            "Blob" => ShapeKind::Blob,
            "BigInteger" => ShapeKind::BigInteger,
            "BigDecimal" => ShapeKind::BigDecimal,
            "Document" => ShapeKind::Document,
            "Unit" => ShapeKind::Structure,
            _ => ShapeKind::Other("unknown".to_owned()),
        }
    }
}

impl From<String> for ShapeKind {
    fn from(name: String) -> ShapeKind {
        ShapeKind::parse(&name)
    }
}

impl From<ShapeKind> for String {
    fn from(kind: ShapeKind) -> String {
        kind.as_str().to_owned()
    }
}

impl fmt::Display for ShapeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ShapeKind;

    #[test]
    fn names_round_trip_and_unknown_names_are_kept() {
        for name in ["intEnum", "bigDecimal", "structure", "set", "resource"] {
            assert_eq!(ShapeKind::parse(name).as_str(), name);
        }
        assert_eq!(
            ShapeKind::parse("quaternion"),
            ShapeKind::Other("quaternion".to_owned())
        );
        assert_eq!(ShapeKind::parse("Structure").as_str(), "Structure");
    }

    #[test]
    fn articles_follow_the_first_letter() {
        assert_eq!(ShapeKind::Integer.with_article(), "an integer");
        assert_eq!(ShapeKind::Operation.with_article(), "an operation");
        assert_eq!(ShapeKind::String.with_article(), "a string");
    }
}
