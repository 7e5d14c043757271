// Part of the wire-case runner (`wire_harness.rs` includes it): the model's facts, the check
// that each enum value and union member in a case is the variant the model names, and the reader
// of Rust `Debug` output that check compares against. Like the runner, it names no crate.

/// Facts of the model a crate was generated from, as the caller computed them from the load
/// stage (never from the planner): for each operation its input and output shape, and for each
/// aggregate shape its members, with the Rust field or variant name that an independent
/// conversion of the member name gives. The JSON form:
///
/// ```text
/// {"operations": {"Name": {"input": "ns#In", "output": "ns#Out"}},
///  "shapes": {"ns#S": {"type": "structure", "members": {"Wire": {"target": "ns#T", "field": "wire", "sensitive": false}}},
///             "ns#U": {"type": "union", "members": {"m": {"target": "ns#T", "variant": "M", "sensitive": false}}},
///             "ns#L": {"type": "list", "member": "ns#T", "sensitive": false, "sparse": false},
///             "ns#M": {"type": "map", "value": "ns#T", "sensitive": false, "sparse": false},
///             "ns#E": {"type": "enum", "values": {"WIRE_VALUE": {"member": "WIRE_VALUE", "variant": "WireValue"}}},
///             "ns#I": {"type": "intEnum", "values": {"1": {"member": "LOW", "variant": "Low"}}}}}
/// ```
struct ModelFacts {
    facts: Value,
    enums_checked: std::cell::Cell<usize>,
    unions_checked: std::cell::Cell<usize>,
}

/// Which side of an operation a value is.
#[derive(Clone, Copy)]
enum Side {
    Input,
    Output,
}

impl ModelFacts {
    fn new(facts: Value) -> ModelFacts {
        ModelFacts { facts, enums_checked: std::cell::Cell::new(0), unions_checked: std::cell::Cell::new(0) }
    }

    /// Checks a parsed value (its `Debug` text) against the wire JSON it was read from, or is
    /// expected to equal: every enum value and union member must be its model's variant.
    fn check_value(&self, operation: &str, side: Side, expected: &Value, debug: &str) -> Result<(), String> {
        let key = match side {
            Side::Input => "input",
            Side::Output => "output",
        };
        let Some(op) = self.facts.get("operations").and_then(|ops| ops.get(operation)) else {
            return Err(format!("the model facts have no operation {operation:?}"));
        };
        let Some(shape) = op.get(key).and_then(Value::as_str) else {
            return Ok(()); // smithy.api#Unit: nothing to walk
        };
        let tree = parse_debug(debug).map_err(|e| format!("cannot read the {key}'s Debug output: {e}\n  {debug}"))?;
        let mut problems = Vec::new();
        self.walk(shape, false, expected, &tree, key, &mut problems);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("enum-variant check of the {key} failed:\n{}\n  Debug: {debug}", problems.join("\n")))
        }
    }

    fn shape(&self, id: &str) -> Option<&Value> {
        self.facts.get("shapes").and_then(|shapes| shapes.get(id))
    }

    /// Walks the JSON value, its shape and the Debug tree in parallel.
    fn walk(&self, shape_id: &str, sensitive: bool, expected: &Value, actual: &DebugTree, path: &str, problems: &mut Vec<String>) {
        if expected.is_null() {
            return;
        }
        let shape = self.shape(shape_id);
        let kind = shape.and_then(|s| s.get("type")).and_then(Value::as_str).unwrap_or("simple");
        // `Some(x)` is an `Option` field around the value, unless the value itself is an enum
        // or union with a member that becomes `Some`.
        let has_some_variant = match kind {
            "enum" | "intEnum" => shape
                .and_then(|s| s.get("values"))
                .and_then(Value::as_object)
                .is_some_and(|values| values.values().any(|v| v.get("variant").and_then(Value::as_str) == Some("Some"))),
            "union" => shape
                .and_then(|s| s.get("members"))
                .and_then(Value::as_object)
                .is_some_and(|members| members.values().any(|m| m.get("variant").and_then(Value::as_str) == Some("Some"))),
            _ => false,
        };
        let actual = match actual {
            DebugTree::Tuple(name, items) if name == "Some" && items.len() == 1 && !has_some_variant => &items[0],
            other => other,
        };
        if let DebugTree::Redacted(_) = actual {
            // A list of sensitive values is redacted whole (see the README).
            let sensitive_items = kind == "list"
                && shape.and_then(|s| s.get("sensitive")).and_then(Value::as_bool) == Some(true);
            if !sensitive && !sensitive_items {
                problems.push(format!("  {path}: Debug redacts it, but the model does not mark it @sensitive"));
            }
            return;
        }
        let Some(shape) = shape else {
            return; // a simple shape: nothing to check here
        };
        let members = shape.get("members").and_then(Value::as_object);
        match kind {
            "structure" => {
                let Some(object) = expected.as_object() else {
                    return; // the JSON comparison reports a wrong type
                };
                let (name, fields): (&str, &[(String, DebugTree)]) = match actual {
                    DebugTree::Struct(name, fields, _) => (name, fields),
                    DebugTree::Unit(name) => (name, &[]),
                    other => {
                        problems.push(format!("  {path}: expected a structure in the Debug output, found {}", other.describe()));
                        return;
                    }
                };
                for (wire, value) in object {
                    if value.is_null() {
                        continue;
                    }
                    let at = format!("{path}.{wire}");
                    let Some(member) = members.and_then(|m| m.get(wire)) else {
                        problems.push(format!("  {at}: {shape_id} has no member {wire:?} in the model"));
                        continue;
                    };
                    let field = member.get("field").and_then(Value::as_str).unwrap_or_default();
                    let Some((_, inner)) = fields.iter().find(|(f, _)| f == field) else {
                        problems.push(format!("  {at}: the Debug output of {name} has no field `{field}` (the member {wire} in snake_case)"));
                        continue;
                    };
                    self.walk(target(member), flag(member, "sensitive"), value, inner, &at, problems);
                }
            }
            "list" => {
                let (Some(items), DebugTree::Seq(actual_items)) = (expected.as_array(), actual) else {
                    if expected.is_array() {
                        problems.push(format!("  {path}: expected a list in the Debug output, found {}", actual.describe()));
                    }
                    return;
                };
                // A list that is not @sparse drops nulls (inputs may hold them); a sparse one
                // keeps them as `None`.
                let items: Vec<&Value> = items.iter().filter(|v| flag(shape, "sparse") || !v.is_null()).collect();
                if items.len() != actual_items.len() {
                    problems.push(format!("  {path}: {} items expected, the Debug output has {}", items.len(), actual_items.len()));
                    return;
                }
                for (i, (value, inner)) in items.into_iter().zip(actual_items).enumerate() {
                    self.walk(target_of(shape, "member"), flag(shape, "sensitive"), value, inner, &format!("{path}[{i}]"), problems);
                }
            }
            "map" => {
                let (Some(object), DebugTree::Map(entries)) = (expected.as_object(), actual) else {
                    if expected.is_object() {
                        problems.push(format!("  {path}: expected a map in the Debug output, found {}", actual.describe()));
                    }
                    return;
                };
                // Null values: dropped by a map that is not @sparse, `None` in a sparse one.
                for (key, value) in object.iter().filter(|(_, v)| !v.is_null()) {
                    let at = format!("{path}.{key}");
                    match entries.iter().find(|(k, _)| matches!(k, DebugTree::Str(s) if s == key)) {
                        Some((_, inner)) => self.walk(target_of(shape, "value"), flag(shape, "sensitive"), value, inner, &at, problems),
                        None => problems.push(format!("  {at}: the key is missing from the Debug output")),
                    }
                }
            }
            "union" => {
                let Some((wire, value)) = expected.as_object().and_then(|o| o.iter().find(|(_, v)| !v.is_null())) else {
                    return;
                };
                let at = format!("{path}.{wire}");
                let Some(member) = members.and_then(|m| m.get(wire)) else {
                    return; // a member the model does not list: the crate's Unknown variant
                };
                let want = member.get("variant").and_then(Value::as_str).unwrap_or_default();
                let (got, inner) = match actual {
                    DebugTree::Tuple(name, items) => (name.as_str(), items.first()),
                    DebugTree::Unit(name) => (name.as_str(), None),
                    DebugTree::Struct(name, _, _) => (name.as_str(), None),
                    other => {
                        problems.push(format!("  {at}: expected the union variant {want}, found {}", other.describe()));
                        return;
                    }
                };
                self.unions_checked.set(self.unions_checked.get() + 1);
                if got != want {
                    problems.push(format!("  {at}: the union member {wire:?} must be the variant {want}, the parsed value is {got}"));
                    return;
                }
                if let Some(inner) = inner {
                    self.walk(target(member), flag(member, "sensitive"), value, inner, &at, problems);
                }
            }
            "enum" | "intEnum" => {
                let key = match expected {
                    Value::String(text) if kind == "enum" => text.clone(),
                    Value::Number(number) if kind == "intEnum" => number.to_string(),
                    _ => return, // the JSON comparison reports a wrong type
                };
                let known = shape.get("values").and_then(|v| v.get(&key));
                let want = known.and_then(|v| v.get("variant")).and_then(Value::as_str).unwrap_or("Unknown");
                let got = match actual {
                    DebugTree::Unit(name) | DebugTree::Tuple(name, _) => name.as_str(),
                    other => {
                        problems.push(format!("  {path}: expected the enum variant {want}, found {}", other.describe()));
                        return;
                    }
                };
                self.enums_checked.set(self.enums_checked.get() + 1);
                if got != want {
                    let member = match known.and_then(|v| v.get("member")).and_then(Value::as_str) {
                        Some(member) => format!("the model's member {member}"),
                        None => "a value the model does not list".to_owned(),
                    };
                    problems.push(format!(
                        "  {path}: the {kind} value {expected} ({member} of {shape_id}) must be the variant {want}, the parsed value is {got}"
                    ));
                }
            }
            _ => {}
        }
    }
}

fn target(member: &Value) -> &str {
    member.get("target").and_then(Value::as_str).unwrap_or_default()
}

fn target_of<'a>(shape: &'a Value, key: &str) -> &'a str {
    shape.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn flag(value: &Value, key: &str) -> bool {
    value.get(key).and_then(Value::as_bool).unwrap_or(false)
}

// ---------------------------------------------------------------------------------------------
// Reading Rust `Debug` output.

/// A value as Rust's `Debug` (`{:?}`) prints it.
#[derive(Clone, Debug, PartialEq)]
enum DebugTree {
    /// `Name { field: value, .. }` (the flag: ends with `..`).
    Struct(String, Vec<(String, DebugTree)>, bool),
    /// `Name(a, b)`, and `Name [..]` / `Name {k: v}` (serde_json's `Array [..]`, `Object {..}`)
    /// as a tuple of one.
    Tuple(String, Vec<DebugTree>),
    /// `Name`: a unit variant or struct, `None`, `true`, `NaN`, `inf`.
    Unit(String),
    /// `{k: v, ..}`.
    Map(Vec<(DebugTree, DebugTree)>),
    /// `[a, b]`, and sets `{a, b}`.
    Seq(Vec<DebugTree>),
    /// A string, unescaped.
    Str(String),
    /// A char, unescaped.
    Char(char),
    /// A number as printed.
    Number(String),
    /// `<redacted>` and other `<...>` markers.
    Redacted(String),
    /// Text that is not a `Debug` value of its own (`11 bytes` in `Blob(11 bytes)`).
    Raw(String),
}

impl DebugTree {
    fn describe(&self) -> String {
        match self {
            DebugTree::Struct(name, _, _) => format!("the structure {name} {{..}}"),
            DebugTree::Tuple(name, _) => format!("{name}(..)"),
            DebugTree::Unit(name) => name.clone(),
            DebugTree::Map(_) => "a map".to_owned(),
            DebugTree::Seq(_) => "a list".to_owned(),
            DebugTree::Str(text) => format!("the string {text:?}"),
            DebugTree::Char(c) => format!("the char {c:?}"),
            DebugTree::Number(n) => format!("the number {n}"),
            DebugTree::Redacted(text) => text.clone(),
            DebugTree::Raw(text) => format!("`{text}`"),
        }
    }
}

/// Parses one `Debug` value; the whole text must be used.
fn parse_debug(text: &str) -> Result<DebugTree, String> {
    let mut parser = DebugParser { chars: text.chars().collect(), pos: 0 };
    let value = parser.value()?;
    parser.skip_ws();
    if parser.pos != parser.chars.len() {
        return Err(format!("unexpected text at {}: {:?}", parser.pos, parser.rest()));
    }
    Ok(value)
}

struct DebugParser {
    chars: Vec<char>,
    pos: usize,
}

impl DebugParser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn rest(&self) -> String {
        self.chars.get(self.pos..).unwrap_or_default().iter().take(40).collect()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect_char(&mut self, c: char) -> Result<(), String> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(format!("expected `{c}` at {}: {:?}", self.pos, self.rest()))
        }
    }

    fn value(&mut self) -> Result<DebugTree, String> {
        self.skip_ws();
        match self.peek() {
            Some('"') => self.string().map(DebugTree::Str),
            Some('\'') => self.char_literal().map(DebugTree::Char),
            Some('[') => {
                self.pos += 1;
                self.items(']').map(DebugTree::Seq)
            }
            Some('{') => {
                self.pos += 1;
                self.map_or_set()
            }
            Some('<') => {
                let start = self.pos;
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '>' {
                        return Ok(DebugTree::Redacted(self.chars[start..self.pos].iter().collect()));
                    }
                }
                Err("unterminated `<...>`".to_owned())
            }
            Some(c) if c == '-' && self.peek_at(1).is_some_and(|n| n.is_alphabetic()) => {
                self.pos += 1;
                let name = self.ident();
                Ok(DebugTree::Unit(format!("-{name}")))
            }
            Some(c) if c == '-' || c.is_ascii_digit() => Ok(DebugTree::Number(self.number())),
            Some(c) if c.is_alphabetic() || c == '_' => self.named(),
            Some(c) => Err(format!("unexpected `{c}` at {}: {:?}", self.pos, self.rest())),
            None => Err("unexpected end".to_owned()),
        }
    }

    fn ident(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '#') {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    fn number(&mut self) -> String {
        let start = self.pos;
        while let Some(c) = self.peek() {
            let sign_after_exponent = (c == '-' || c == '+')
                && self.pos > start
                && matches!(self.chars.get(self.pos - 1), Some('e' | 'E'));
            if c.is_ascii_digit() || c == '.' || c == 'e' || c == 'E' || c == '_' || (c == '-' && self.pos == start) || sign_after_exponent {
                self.pos += 1;
            } else {
                break;
            }
        }
        self.chars[start..self.pos].iter().collect()
    }

    /// `Name`, `Name(..)`, `Name { .. }`, `Name [..]`.
    fn named(&mut self) -> Result<DebugTree, String> {
        let name = self.ident();
        let after_name = self.pos;
        self.skip_ws();
        match self.peek() {
            Some('(') => {
                self.pos += 1;
                Ok(DebugTree::Tuple(name, self.items(')')?))
            }
            Some('[') => {
                self.pos += 1;
                Ok(DebugTree::Tuple(name, vec![DebugTree::Seq(self.items(']')?)]))
            }
            Some('{') => {
                self.pos += 1;
                self.skip_ws();
                if self.is_field_start() || self.peek() == Some('}') || self.at_rest_marker() {
                    self.struct_body(name)
                } else {
                    Ok(DebugTree::Tuple(name, vec![self.map_or_set()?]))
                }
            }
            _ => {
                self.pos = after_name;
                Ok(DebugTree::Unit(name))
            }
        }
    }

    fn at_rest_marker(&self) -> bool {
        self.peek() == Some('.') && self.peek_at(1) == Some('.')
    }

    /// Whether an identifier followed by a single `:` starts here.
    fn is_field_start(&self) -> bool {
        let mut i = self.pos;
        if !self.chars.get(i).is_some_and(|c| c.is_alphabetic() || *c == '_') {
            return false;
        }
        while self.chars.get(i).is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '#') {
            i += 1;
        }
        self.chars.get(i) == Some(&':') && self.chars.get(i + 1) != Some(&':')
    }

    fn struct_body(&mut self, name: String) -> Result<DebugTree, String> {
        let mut fields = Vec::new();
        let mut rest = false;
        loop {
            self.skip_ws();
            if self.eat('}') {
                break;
            }
            if self.at_rest_marker() {
                self.pos += 2;
                rest = true;
                self.expect_char('}')?;
                break;
            }
            let field = self.ident();
            let field = field.strip_prefix("r#").map(str::to_owned).unwrap_or(field);
            self.expect_char(':')?;
            let value = self.item('}')?;
            fields.push((field, value));
            if !self.eat(',') {
                self.expect_char('}')?;
                break;
            }
        }
        Ok(DebugTree::Struct(name, fields, rest))
    }

    /// After `{`: a map `{k: v, ..}` or a set `{a, b}`.
    fn map_or_set(&mut self) -> Result<DebugTree, String> {
        if self.eat('}') {
            return Ok(DebugTree::Map(Vec::new()));
        }
        let first = self.value()?;
        if self.eat(':') {
            let mut entries = vec![(first, self.item('}')?)];
            while self.eat(',') {
                if self.eat('}') {
                    return Ok(DebugTree::Map(entries));
                }
                let key = self.value()?;
                self.expect_char(':')?;
                entries.push((key, self.item('}')?));
            }
            self.expect_char('}')?;
            Ok(DebugTree::Map(entries))
        } else {
            let mut items = vec![first];
            if self.eat(',') {
                items.extend(self.items('}')?);
            } else {
                self.expect_char('}')?;
            }
            Ok(DebugTree::Seq(items))
        }
    }

    /// Comma-separated items up to `close` (consumed).
    fn items(&mut self, close: char) -> Result<Vec<DebugTree>, String> {
        let mut items = Vec::new();
        loop {
            if self.eat(close) {
                return Ok(items);
            }
            items.push(self.item(close)?);
            if !self.eat(',') {
                self.expect_char(close)?;
                return Ok(items);
            }
        }
    }

    /// One item inside a bracket closed by `close`: a value, or the raw text up to the next
    /// `,` or `close` when the text is not a value of its own.
    fn item(&mut self, close: char) -> Result<DebugTree, String> {
        let start = self.pos;
        if let Ok(value) = self.value() {
            self.skip_ws();
            if matches!(self.peek(), Some(c) if c == ',' || c == close) {
                return Ok(value);
            }
        }
        self.pos = start;
        self.skip_ws();
        let from = self.pos;
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '"' => {
                    self.string()?;
                    continue;
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                c if depth == 0 && (c == ',' || c == close) => break,
                _ => {}
            }
            self.pos += 1;
        }
        let raw: String = self.chars[from..self.pos].iter().collect();
        if raw.trim().is_empty() {
            return Err(format!("expected a value at {from}"));
        }
        Ok(DebugTree::Raw(raw.trim_end().to_owned()))
    }

    fn string(&mut self) -> Result<String, String> {
        self.pos += 1; // the opening quote
        let mut text = String::new();
        loop {
            match self.peek() {
                None => return Err("unterminated string".to_owned()),
                Some('"') => {
                    self.pos += 1;
                    return Ok(text);
                }
                Some('\\') => {
                    self.pos += 1;
                    text.push(self.escape()?);
                }
                Some(c) => {
                    self.pos += 1;
                    text.push(c);
                }
            }
        }
    }

    fn char_literal(&mut self) -> Result<char, String> {
        self.pos += 1; // the opening quote
        let c = match self.peek() {
            Some('\\') => {
                self.pos += 1;
                self.escape()?
            }
            Some(c) => {
                self.pos += 1;
                c
            }
            None => return Err("unterminated char".to_owned()),
        };
        if self.peek() == Some('\'') {
            self.pos += 1;
            Ok(c)
        } else {
            Err("unterminated char".to_owned())
        }
    }

    /// After a backslash: `\n`, `\t`, `\r`, `\0`, `\\`, `\"`, `\'`, `\u{..}`.
    fn escape(&mut self) -> Result<char, String> {
        let c = self.peek().ok_or("unterminated escape")?;
        self.pos += 1;
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            '\\' | '"' | '\'' => c,
            'u' => {
                if self.peek() != Some('{') {
                    return Err("expected `{` after `\\u`".to_owned());
                }
                self.pos += 1;
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                    self.pos += 1;
                }
                let hex: String = self.chars[start..self.pos].iter().collect();
                if self.peek() != Some('}') {
                    return Err("unterminated `\\u{..}`".to_owned());
                }
                self.pos += 1;
                u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("invalid `\\u{{{hex}}}`"))?
            }
            other => return Err(format!("unknown escape `\\{other}`")),
        })
    }
}
