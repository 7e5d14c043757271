//! A JSON value whose numbers are kept as their text, so that `long` bounds past 2^53 and
//! bigInteger/bigDecimal values reach the model and the test data exactly (`serde_json::Value`
//! would round them through `f64`). Also the node values of Smithy traits and defaults.

use std::fmt::Write;

/// A JSON (Smithy node) value.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    /// A number, as its JSON text.
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in order.
    Object(Vec<(String, Node)>),
}

impl Node {
    /// A number node from anything that prints as a JSON number.
    pub fn num(value: impl std::fmt::Display) -> Node {
        Node::Number(value.to_string())
    }

    /// A string node.
    pub fn str(value: impl Into<String>) -> Node {
        Node::String(value.into())
    }

    /// An object node from its members.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Node)>) -> Node {
        Node::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The value as compact JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out, None, 0);
        out
    }

    /// The value as indented JSON text.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out, Some(2), 0);
        out.push('\n');
        out
    }

    fn write_json(&self, out: &mut String, indent: Option<usize>, depth: usize) {
        let newline = |out: &mut String, depth: usize| {
            if let Some(width) = indent {
                out.push('\n');
                out.push_str(&" ".repeat(width * depth));
            }
        };
        match self {
            Node::Null => out.push_str("null"),
            Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Node::Number(text) => out.push_str(text),
            Node::String(text) => quote_json(out, text),
            Node::Array(items) if items.is_empty() => out.push_str("[]"),
            Node::Object(members) if members.is_empty() => out.push_str("{}"),
            Node::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    item.write_json(out, indent, depth + 1);
                }
                newline(out, depth);
                out.push(']');
            }
            Node::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    quote_json(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write_json(out, indent, depth + 1);
                }
                newline(out, depth);
                out.push('}');
            }
        }
    }

    /// The value as a Smithy IDL node value.
    pub fn to_idl(&self) -> String {
        match self {
            Node::Null => "null".to_owned(),
            Node::Bool(b) => b.to_string(),
            Node::Number(text) => text.clone(),
            Node::String(text) => {
                let mut out = String::new();
                quote_json(&mut out, text);
                out
            }
            Node::Array(items) => {
                let items: Vec<String> = items.iter().map(Node::to_idl).collect();
                format!("[{}]", items.join(", "))
            }
            Node::Object(members) => {
                let members: Vec<String> = members
                    .iter()
                    .map(|(k, v)| {
                        let mut key = String::new();
                        quote_json(&mut key, k);
                        format!("{key}: {}", v.to_idl())
                    })
                    .collect();
                format!("{{{}}}", members.join(", "))
            }
        }
    }
}

/// Appends `text` as a JSON string literal (also a valid IDL string: both use `\"`, `\\`,
/// `\n` and `\uXXXX`).
pub fn quote_json(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text() {
        let node = Node::object([
            ("big", Node::num("123456789012345678901234567890")),
            ("s", Node::str("a\"b\n")),
        ]);
        assert_eq!(
            node.to_json(),
            r#"{"big":123456789012345678901234567890,"s":"a\"b\n"}"#
        );
        let parsed: serde_json::Value = serde_json::from_str(&node.to_json_pretty()).unwrap();
        assert_eq!(parsed["s"], "a\"b\n");
        assert_eq!(
            node.to_idl(),
            r#"{"big": 123456789012345678901234567890, "s": "a\"b\n"}"#
        );
    }
}
