//! Random values of a model's structures, as JSON: valid ones (every constraint met, every
//! required member present), and the same with one constraint broken on purpose. The
//! property-test writer embeds them; the facts come from the model as the builder made it.

use super::model::{Kind, Member, Model, Shape};
use super::node::Node;
use super::rng::Rng;
use super::simple_values::{self as simple, effective};

/// How deep a value may nest before optional members are left out and lists are kept short.
const DEPTH: u32 = 4;

/// A valid value of the structure `id`, and, when it holds a constraint that can be broken,
/// an invalid variant of it.
pub fn structure_value(rng: &mut Rng, model: &Model, id: &str) -> (Node, Option<(String, Node)>) {
    let mut writer = Writer {
        rng,
        model,
        breakable: Vec::new(),
    };
    let mut path = Vec::new();
    let value = writer.shape_value(id, None, 0, &mut path);
    let invalid = if writer.breakable.is_empty() {
        None
    } else {
        let at = writer.rng.below(writer.breakable.len());
        let (path, bad) = writer.breakable.swap_remove(at);
        let mut broken = value.clone();
        let shown: Vec<String> = path
            .iter()
            .map(|step| match step {
                Step::Key(key) => key.clone(),
                Step::Index(i) => i.to_string(),
            })
            .collect();
        replace(&mut broken, &path, bad).then(|| (shown.join("/"), broken))
    };
    (value, invalid)
}

/// A step into a JSON value.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

struct Writer<'a> {
    rng: &'a mut Rng,
    model: &'a Model,
    /// Where a value could be replaced by one that breaks a constraint, and that value.
    breakable: Vec<(Vec<Step>, Node)>,
}

impl Writer<'_> {
    fn shape_value(
        &mut self,
        id: &str,
        member: Option<&Member>,
        depth: u32,
        path: &mut Vec<Step>,
    ) -> Node {
        let Some(shape) = self.model.shape(id) else {
            return Node::Null;
        };
        let constraints = effective(&shape.constraints, member.map(|m| &m.constraints));
        let format = member
            .and_then(|m| m.timestamp_format)
            .or(shape.timestamp_format)
            .unwrap_or("epoch-seconds");
        match shape.kind {
            Kind::Structure => self.structure(shape, depth, path),
            Kind::Union => self.union(shape, depth, path),
            Kind::List | Kind::Map => {
                let shallow = depth >= DEPTH;
                let n = if shallow {
                    constraints.length.0.unwrap_or(0)
                } else {
                    simple::count(self.rng, constraints.length, 0)
                        .min(3)
                        .max(constraints.length.0.unwrap_or(0))
                };
                let value = self.collection(shape, n, depth, path);
                if let Some(bad) = simple::bad_count(self.rng, constraints.length) {
                    let broken = self.collection(shape, bad, DEPTH, &mut path.clone());
                    self.breakable.push((path.clone(), broken));
                }
                value
            }
            kind => {
                let values: Vec<Node> = shape
                    .members
                    .iter()
                    .filter_map(|m| m.enum_value.clone())
                    .collect();
                if let Some(bad) = simple::invalid(self.rng, kind, &constraints) {
                    self.breakable.push((path.clone(), bad));
                }
                simple::valid(self.rng, kind, &constraints, format, &values)
            }
        }
    }

    fn collection(&mut self, shape: &Shape, n: u64, depth: u32, path: &mut Vec<Step>) -> Node {
        if shape.kind == Kind::List {
            let target = &shape.members[0].target;
            let items = (0..n as usize)
                .map(|i| {
                    if shape.sparse && self.rng.chance(20) {
                        return Node::Null;
                    }
                    path.push(Step::Index(i));
                    let item = self.shape_value(target, None, depth + 1, path);
                    path.pop();
                    item
                })
                .collect();
            return Node::Array(items);
        }
        let target = &shape.members[1].target;
        let entries = (0..n as usize)
            .map(|i| {
                let key = format!("key{i}");
                if shape.sparse && self.rng.chance(20) {
                    return (key, Node::Null);
                }
                path.push(Step::Key(key.clone()));
                let value = self.shape_value(target, None, depth + 1, path);
                path.pop();
                (key, value)
            })
            .collect();
        Node::Object(entries)
    }

    fn structure(&mut self, shape: &Shape, depth: u32, path: &mut Vec<Step>) -> Node {
        let mut members = Vec::new();
        for member in &shape.members {
            let must = member.required || member.idempotency_token;
            let may = if member.recursive {
                depth < DEPTH
            } else {
                depth < DEPTH + 2
            };
            if !(must || may && self.rng.chance(70)) {
                continue;
            }
            if member.idempotency_token {
                // An empty token counts as unset, and is filled in by the client.
                let token = format!("token-{}", self.rng.next_u64());
                members.push((member.name.clone(), Node::String(token)));
                continue;
            }
            path.push(Step::Key(member.name.clone()));
            let value = self.shape_value(&member.target, Some(member), depth + 1, path);
            path.pop();
            members.push((member.name.clone(), value));
        }
        Node::Object(members)
    }

    fn union(&mut self, shape: &Shape, depth: u32, path: &mut Vec<Step>) -> Node {
        let member = if depth >= DEPTH {
            &shape.members[0]
        } else {
            self.rng.pick(&shape.members)
        };
        path.push(Step::Key(member.name.clone()));
        let value = self.shape_value(&member.target, Some(member), depth + 1, path);
        path.pop();
        Node::object([(member.name.clone(), value)])
    }
}

/// Replaces the value at `path`; whether it was there.
fn replace(node: &mut Node, path: &[Step], value: Node) -> bool {
    let Some((first, rest)) = path.split_first() else {
        *node = value;
        return true;
    };
    let next = match (node, first) {
        (Node::Object(members), Step::Key(key)) => {
            members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
        }
        (Node::Array(items), Step::Index(i)) => items.get_mut(*i),
        _ => None,
    };
    next.is_some_and(|next| replace(next, rest, value))
}

/// Response bodies no parser should panic on: valid bodies cut short, with a byte changed,
/// with the wrong type of value, and odd JSON.
pub fn hostile_bodies(rng: &mut Rng, valid: &str) -> Vec<String> {
    let mut bodies = vec![
        String::new(),
        "null".to_owned(),
        "[]".to_owned(),
        "{\"a\":".to_owned(),
        "{}".repeat(3),
        "[".repeat(200),
        "{\"x\":1e999999}".to_owned(),
        "\u{feff}{}".to_owned(),
    ];
    if !valid.is_empty() {
        let cut = rng.below(valid.len());
        bodies.push(valid.chars().take(cut).collect());
        let mut bytes: Vec<char> = valid.chars().collect();
        let at = rng.below(bytes.len());
        bytes[at] = *rng.pick(&['"', '{', ']', '1', 'x', ',', ':', '\\', '-']);
        bodies.push(bytes.into_iter().collect());
        // Every scalar of the valid body swapped for another type.
        for swap in [
            "\"s\"",
            "[]",
            "{}",
            "-1.5e300",
            "true",
            "99999999999999999999999",
        ] {
            bodies.push(swap_scalars(valid, swap));
        }
    }
    bodies
}

/// `body` with every number and literal replaced by `with`.
fn swap_scalars(body: &str, with: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut in_scalar = false;
    for c in body.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        let scalar = c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.');
        if scalar {
            if !in_scalar {
                out.push_str(with);
                in_scalar = true;
            }
            continue;
        }
        in_scalar = false;
        if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    out
}
