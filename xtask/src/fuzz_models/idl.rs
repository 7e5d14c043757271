//! Writes a random model as Smithy IDL 2.0, so that the IDL front end sees the same variety
//! as the JSON AST one. Every shape id is written absolute, so a model shape named `String`
//! never stands in for the prelude's.

use super::json_ast::{member_traits, service_traits, shape_traits};
use super::model::{Kind, Model, NAMESPACE};
use super::node::Node;
use std::fmt::Write;

/// The model as IDL text.
pub fn write(model: &Model) -> String {
    let mut out = format!("$version: \"2\"\n\nnamespace {NAMESPACE}\n\n");
    write_traits(&mut out, "", &service_traits(model.seed));
    let operations: Vec<String> = model
        .operations
        .iter()
        .map(|op| format!("{NAMESPACE}#{}", op.name))
        .collect();
    let _ = writeln!(
        out,
        "service {} {{\n    version: \"2024-01-01\"\n    operations: [{}]\n}}\n",
        model.service,
        operations.join(", ")
    );
    for op in &model.operations {
        let _ = writeln!(out, "operation {} {{", op.name);
        let _ = writeln!(out, "    input: {NAMESPACE}#{}", op.input);
        let _ = writeln!(out, "    output: {NAMESPACE}#{}", op.output);
        if !op.errors.is_empty() {
            let errors: Vec<String> = op
                .errors
                .iter()
                .map(|e| format!("{NAMESPACE}#{e}"))
                .collect();
            let _ = writeln!(out, "    errors: [{}]", errors.join(", "));
        }
        out.push_str("}\n\n");
    }
    for shape in &model.shapes {
        write_traits(&mut out, "", &shape_traits(shape));
        let keyword = shape.kind.keyword();
        match shape.kind {
            Kind::Structure | Kind::Union | Kind::Enum | Kind::IntEnum | Kind::List | Kind::Map => {
                let _ = writeln!(out, "{keyword} {} {{", shape.name);
                for member in &shape.members {
                    let mut traits = member_traits(member);
                    // A default is written `= value` half the time, the IDL's own syntax
                    // for it; enum values always are.
                    let mut assigned = None;
                    traits.retain(|(id, value)| {
                        let take = match id.as_str() {
                            "smithy.api#enumValue" => true,
                            "smithy.api#default" => value_hash(value).is_multiple_of(2),
                            _ => false,
                        };
                        if take {
                            assigned = Some(value.clone());
                        }
                        !take
                    });
                    write_traits(&mut out, "    ", &traits);
                    if matches!(shape.kind, Kind::Enum | Kind::IntEnum) {
                        let _ = write!(out, "    {}", member.name);
                    } else {
                        let _ = write!(out, "    {}: {}", member.name, member.target);
                    }
                    if let Some(value) = assigned {
                        let _ = write!(out, " = {}", value.to_idl());
                    }
                    out.push('\n');
                }
                out.push_str("}\n\n");
            }
            _ => {
                let _ = writeln!(out, "{keyword} {}\n", shape.name);
            }
        }
    }
    out
}

/// A stable choice from a value's text.
fn value_hash(value: &Node) -> usize {
    value.to_json().bytes().map(usize::from).sum()
}

fn write_traits(out: &mut String, indent: &str, traits: &[(String, Node)]) {
    for (id, value) in traits {
        match value {
            Node::Object(members) if members.is_empty() => {
                let _ = writeln!(out, "{indent}@{id}");
            }
            value => {
                let _ = writeln!(out, "{indent}@{id}({})", value.to_idl());
            }
        }
    }
}
