//! Node values (the IDL's JSON-like values used for traits, metadata and service bodies),
//! as parsed, and their conversion to JSON.
//!
//! Unquoted strings are kept apart from quoted ones until conversion, because they are
//! *syntactic shape ids* that resolve against `use` statements and namespaces
//! (<https://smithy.io/2.0/spec/idl.html#syntactic-shape-ids>); object keys never are.

use super::lexer::Pos;
use serde_json::{Map, Number, Value};

/// Node values nested deeper than this are refused (protects the parser's stack).
pub const MAX_DEPTH: usize = 64;

/// A node value with where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: NodeValue,
    pub pos: Pos,
}

/// The kinds of node values.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeValue {
    Null,
    Bool(bool),
    /// A number, and its text as written (a `Number` past 64-bit integers is rounded).
    Number(Number, String),
    /// A quoted string or text block.
    Str(String),
    /// An unquoted shape id, as written (relative or absolute).
    ShapeId(String),
    Array(Vec<Node>),
    /// Keys in source order with their positions.
    Object(Vec<(String, Pos, Node)>),
}

impl Node {
    /// The empty object, used for annotation traits (`@required`, `@foo()`).
    pub fn empty_object(pos: Pos) -> Node {
        Node {
            value: NodeValue::Object(Vec::new()),
            pos,
        }
    }

    /// The string value of a quoted string or syntactic shape id (as written).
    pub fn as_text(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Str(text) | NodeValue::ShapeId(text) => Some(text),
            _ => None,
        }
    }

    /// A short name of the value's kind, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            NodeValue::Null => "null",
            NodeValue::Bool(_) => "a boolean",
            NodeValue::Number(..) => "a number",
            NodeValue::Str(_) => "a string",
            NodeValue::ShapeId(_) => "a shape id",
            NodeValue::Array(_) => "an array",
            NodeValue::Object(_) => "an object",
        }
    }

    /// Converts to JSON; `resolve` turns each syntactic shape id into its absolute form.
    pub fn to_json(&self, resolve: &dyn Fn(&str) -> String) -> Value {
        match &self.value {
            NodeValue::Null => Value::Null,
            NodeValue::Bool(b) => Value::Bool(*b),
            NodeValue::Number(n, _) => Value::Number(n.clone()),
            NodeValue::Str(s) => Value::String(s.clone()),
            NodeValue::ShapeId(id) => Value::String(resolve(id)),
            NodeValue::Array(items) => {
                Value::Array(items.iter().map(|item| item.to_json(resolve)).collect())
            }
            NodeValue::Object(entries) => {
                let mut map = Map::new();
                for (key, _, value) in entries {
                    map.insert(key.clone(), value.to_json(resolve));
                }
                Value::Object(map)
            }
        }
    }
}

/// The JSON text of a `default` or `range` value that holds a number `Value` rounds (see
/// [`crate::load::number_text`]): the number, or an object of its number members.
pub fn number_text(node: &Node) -> Option<String> {
    let approximate = |node: &Node| matches!(&node.value, NodeValue::Number(n, _) if n.is_f64());
    match &node.value {
        NodeValue::Number(_, text) if approximate(node) => Some(text.clone()),
        NodeValue::Object(entries) if entries.iter().any(|(_, _, value)| approximate(value)) => {
            let numbers: Vec<String> = entries
                .iter()
                .filter_map(|(key, _, value)| match &value.value {
                    NodeValue::Number(_, text) => {
                        Some(format!("{}:{text}", Value::from(key.as_str())))
                    }
                    _ => None,
                })
                .collect();
            Some(format!("{{{}}}", numbers.join(",")))
        }
        _ => None,
    }
}

/// Parses a number literal already checked by the lexer. Integers stay integers (`i64`,
/// else `u64`); integers beyond 64 bits, decimals and exponents become `f64` (the JSON value
/// type has no arbitrary precision here). Infinite results are refused.
pub fn parse_number(text: &str) -> Result<Number, String> {
    let is_integer = !text.contains(['.', 'e', 'E']);
    if is_integer {
        if let Ok(n) = text.parse::<i64>() {
            return Ok(Number::from(n));
        }
        if let Ok(n) = text.parse::<u64>() {
            return Ok(Number::from(n));
        }
    }
    text.parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .ok_or_else(|| format!("the number `{text}` is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_kind() {
        assert_eq!(parse_number("12").unwrap(), Number::from(12));
        assert_eq!(parse_number("-12").unwrap(), Number::from(-12));
        assert_eq!(
            parse_number("18446744073709551615").unwrap(),
            Number::from(u64::MAX)
        );
        assert!(parse_number("1.5").unwrap().is_f64());
        assert!(parse_number("1e2").unwrap().is_f64());
        assert!(parse_number("1e999").is_err());
    }

    #[test]
    fn syntactic_shape_ids_resolve_but_keys_do_not() {
        let node = Node {
            value: NodeValue::Object(vec![(
                "String".into(),
                (1, 2),
                Node {
                    value: NodeValue::ShapeId("String".into()),
                    pos: (1, 10),
                },
            )]),
            pos: (1, 1),
        };
        let json = node.to_json(&|id| format!("smithy.api#{id}"));
        assert_eq!(json, serde_json::json!({"String": "smithy.api#String"}));
    }
}
