//! Writes a random model as a Smithy JSON AST document.

use super::model::{Kind, Member, Model, Shape, NAMESPACE};
use super::node::Node;

/// The model as JSON AST text.
pub fn write(model: &Model) -> String {
    let mut shapes = vec![(format!("{NAMESPACE}#{}", model.service), service(model))];
    for operation in &model.operations {
        let mut members = vec![
            ("input", target(&format!("{NAMESPACE}#{}", operation.input))),
            (
                "output",
                target(&format!("{NAMESPACE}#{}", operation.output)),
            ),
        ];
        if !operation.errors.is_empty() {
            let errors = operation
                .errors
                .iter()
                .map(|e| target(&format!("{NAMESPACE}#{e}")))
                .collect();
            members.push(("errors", Node::Array(errors)));
        }
        let mut node = vec![("type".to_owned(), Node::str("operation"))];
        node.extend(members.into_iter().map(|(k, v)| (k.to_owned(), v)));
        shapes.push((
            format!("{NAMESPACE}#{}", operation.name),
            Node::Object(node),
        ));
    }
    for shape in &model.shapes {
        shapes.push((shape.id(), shape_node(shape)));
    }
    Node::object([
        ("smithy", Node::str("2.0")),
        ("shapes", Node::Object(shapes)),
    ])
    .to_json_pretty()
}

fn target(id: &str) -> Node {
    Node::object([("target", Node::str(id))])
}

fn service(model: &Model) -> Node {
    let operations = model
        .operations
        .iter()
        .map(|op| target(&format!("{NAMESPACE}#{}", op.name)))
        .collect();
    Node::object([
        ("type", Node::str("service")),
        ("version", Node::str("2024-01-01")),
        ("operations", Node::Array(operations)),
        ("traits", Node::Object(service_traits(model.seed))),
    ])
}

/// The service's traits: awsJson1_1 and an sdkId.
pub fn service_traits(seed: u64) -> Vec<(String, Node)> {
    vec![
        (
            "aws.protocols#awsJson1_1".to_owned(),
            Node::object::<&str>([]),
        ),
        (
            "aws.api#service".to_owned(),
            Node::object([("sdkId", Node::str(format!("Fuzz {seed}")))]),
        ),
    ]
}

/// Every trait of a shape: its own list, then those its typed facts stand for.
pub fn shape_traits(shape: &Shape) -> Vec<(String, Node)> {
    let mut traits = shape.traits.clone();
    traits.extend(constraint_traits(&shape.constraints));
    if shape.sparse {
        traits.push(("smithy.api#sparse".to_owned(), Node::object::<&str>([])));
    }
    if let Some(format) = shape.timestamp_format {
        traits.push(("smithy.api#timestampFormat".to_owned(), Node::str(format)));
    }
    traits
}

/// Every trait of a member.
pub fn member_traits(member: &Member) -> Vec<(String, Node)> {
    let mut traits = member.traits.clone();
    traits.extend(constraint_traits(&member.constraints));
    if member.required {
        traits.push(("smithy.api#required".to_owned(), Node::object::<&str>([])));
    }
    if let Some(default) = &member.default {
        traits.push(("smithy.api#default".to_owned(), default.clone()));
    }
    if let Some(format) = member.timestamp_format {
        traits.push(("smithy.api#timestampFormat".to_owned(), Node::str(format)));
    }
    traits
}

fn constraint_traits(c: &super::model::Constraints) -> Vec<(String, Node)> {
    use super::model::{scaled_text, PATTERNS};
    let mut traits = Vec::new();
    let bounds = |(min, max): (Option<Node>, Option<Node>)| {
        let mut members = Vec::new();
        if let Some(min) = min {
            members.push(("min".to_owned(), min));
        }
        if let Some(max) = max {
            members.push(("max".to_owned(), max));
        }
        Node::Object(members)
    };
    if c.length != (None, None) {
        let node = bounds((c.length.0.map(Node::num), c.length.1.map(Node::num)));
        traits.push(("smithy.api#length".to_owned(), node));
    }
    if c.range != (None, None) {
        let text = |v: i128| Node::Number(scaled_text(v));
        let node = bounds((c.range.0.map(text), c.range.1.map(text)));
        traits.push(("smithy.api#range".to_owned(), node));
    }
    if let Some(pattern) = c.pattern {
        traits.push((
            "smithy.api#pattern".to_owned(),
            Node::str(PATTERNS[pattern].regex),
        ));
    }
    traits
}

fn traits_member(traits: Vec<(String, Node)>) -> Option<(String, Node)> {
    (!traits.is_empty()).then(|| ("traits".to_owned(), Node::Object(traits)))
}

fn member_node(member: &Member) -> Node {
    let mut node = vec![("target".to_owned(), Node::str(&member.target))];
    node.extend(traits_member(member_traits(member)));
    Node::Object(node)
}

fn shape_node(shape: &Shape) -> Node {
    let mut node = vec![("type".to_owned(), Node::str(shape.kind.keyword()))];
    match shape.kind {
        Kind::List => node.push(("member".to_owned(), member_node(&shape.members[0]))),
        Kind::Map => {
            node.push(("key".to_owned(), member_node(&shape.members[0])));
            node.push(("value".to_owned(), member_node(&shape.members[1])));
        }
        Kind::Structure | Kind::Union | Kind::Enum | Kind::IntEnum => {
            let members = shape
                .members
                .iter()
                .map(|m| (m.name.clone(), member_node(m)))
                .collect();
            node.push(("members".to_owned(), Node::Object(members)));
        }
        _ => {}
    }
    node.extend(traits_member(shape_traits(shape)));
    Node::Object(node)
}
