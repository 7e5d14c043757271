//! Builds a random, valid Smithy model from a seed: simple shapes of every kind with their
//! constraints, then lists, maps, structures and unions over them (with cycles), errors, and
//! operations, with every trait the generator honours on every kind it applies to.

use super::model::{
    Constraints, Kind, Member, Model, Operation, Shape, NAMESPACE, PATTERNS, SCALE,
};
use super::names::{
    Case, Scope, GENERATED_MEMBERS, HAZARD_MEMBERS, HAZARD_SHAPES, HAZARD_VALUES, UNCAMELLED_SHAPES,
};
use super::node::Node;
use super::rng::Rng;
use super::simple_values::{self, round_down, round_up};

/// What the generator may put in a model. Each switch keeps a class of known failures out of
/// the fixed seed set until the fix for it lands (see `tests/regression-models/README.md`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Features {
    /// Rust keywords, prelude names and generated names as shape, member and value names.
    pub hazard_names: bool,
    /// Member names that collide once converted to Rust (`fooBar` and `foo_bar`, `x` and
    /// `set_x`) or with the items we generate (`default`, `builder`), and shape names not in
    /// upper camel case (`Self_`): numbered or escaped since issues 15 and 16.
    pub name_collisions: bool,
    /// `@default` on bigInteger and bigDecimal members (past 2^53 once read through `f64` and
    /// refused; exact since the loaders keep the number's text).
    pub pending_defaults: bool,
    /// `@range` on bigInteger and bigDecimal, and on longs past 2^53; bigInteger and
    /// bigDecimal members in error structures (once compared or read through `f64`; exact
    /// since the loaders keep the number's text and error bodies are read from their text).
    pub exact_ranges: bool,
}

impl Features {
    /// Everything the generator knows how to make.
    pub const ALL: Features = Features {
        hazard_names: true,
        name_collisions: true,
        pending_defaults: true,
        exact_ranges: true,
    };

    /// What the fixed seed set of the test command uses: everything but the classes whose
    /// fixes are still under way elsewhere.
    pub const SETTLED: Features = Features {
        hazard_names: true,
        name_collisions: true,
        pending_defaults: true,
        exact_ranges: true,
    };
}

const FORMATS: [&str; 3] = ["epoch-seconds", "date-time", "http-date"];

/// The random model for `seed`.
pub fn build(seed: u64, features: Features) -> Model {
    let mut builder = Builder {
        rng: Rng::new(seed),
        features,
        shapes: Vec::new(),
        scope: Scope::default(),
        data: Vec::new(),
    };
    builder.simple_shapes();
    let aggregates = builder.rng.between(3, 8);
    for _ in 0..aggregates {
        match builder.rng.below(4) {
            0 => builder.list(),
            1 => builder.map(),
            2 => builder.union(),
            _ => {
                builder.structure(Role::Data);
            }
        }
    }
    builder.cycles();
    let errors: Vec<String> = (0..builder.rng.below(3))
        .map(|_| builder.structure(Role::Error))
        .collect();
    let operations = (0..builder.rng.between(1, 3))
        .map(|_| builder.operation(&errors))
        .collect();
    Model {
        seed,
        service: "FuzzService".to_owned(),
        operations,
        shapes: builder.shapes,
        idl: seed.is_multiple_of(3),
    }
}

/// What a structure is for.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Data,
    Input,
    Output,
    Error,
}

struct Builder {
    rng: Rng,
    features: Features,
    shapes: Vec<Shape>,
    scope: Scope,
    /// Indexes of the aggregate data shapes, which members may target.
    data: Vec<usize>,
}

impl Builder {
    fn name(&mut self, hint: &str) -> String {
        let hazard = if self.features.hazard_names { 8 } else { 0 };
        let hazards: Vec<&str> = if self.features.name_collisions {
            HAZARD_SHAPES
                .iter()
                .chain(&UNCAMELLED_SHAPES)
                .copied()
                .collect()
        } else {
            HAZARD_SHAPES.to_vec()
        };
        let name = self
            .scope
            .fresh(&mut self.rng, &hazards, hazard, Case::Upper);
        if hint.is_empty() || hazards.contains(&name.as_str()) {
            name
        } else {
            // Ids are kept distinct by the scope; the hint only helps a reader.
            let named = format!("{name}{hint}");
            if self.scope.take(&named) {
                named
            } else {
                name
            }
        }
    }

    fn push(&mut self, shape: Shape) -> String {
        let id = shape.id();
        self.shapes.push(shape);
        id
    }

    fn shape(&mut self, kind: Kind, hint: &str) -> Shape {
        let name = self.name(hint);
        let mut shape = Shape {
            name,
            kind,
            members: Vec::new(),
            traits: Vec::new(),
            constraints: Constraints::default(),
            sparse: false,
            timestamp_format: None,
        };
        if self.rng.chance(5) {
            shape.traits.push(trait_(
                "deprecated",
                Node::object([("message", Node::str("old"))]),
            ));
        }
        if self.rng.chance(10) {
            shape.traits.push(trait_(
                "documentation",
                Node::str("A shape made by the random model generator."),
            ));
        }
        shape
    }

    /// One shape of every simple kind, a second of a few, each with random constraints.
    fn simple_shapes(&mut self) {
        let mut kinds: Vec<Kind> = Kind::SIMPLE.to_vec();
        for _ in 0..self.rng.below(5) {
            kinds.push(*self.rng.pick(&Kind::SIMPLE));
        }
        for kind in kinds {
            let mut shape = self.shape(kind, "");
            match kind {
                Kind::String => {
                    if self.rng.chance(40) {
                        shape.constraints.length = self.length(0);
                    }
                    if self.rng.chance(40) && shape.constraints.length.1 != Some(0) {
                        shape.constraints.pattern = Some(self.rng.below(PATTERNS.len()));
                        shape.constraints.length.0 =
                            Some(shape.constraints.length.0.unwrap_or(0).max(1));
                        if shape.constraints.length.1.is_some_and(|max| max < 1) {
                            shape.constraints.length.1 = Some(1);
                        }
                    }
                    if self.rng.chance(15) {
                        shape
                            .traits
                            .push(trait_("sensitive", Node::object::<&str>([])));
                    }
                }
                Kind::Blob => {
                    if self.rng.chance(40) {
                        shape.constraints.length = self.length(0);
                    }
                    if self.rng.chance(15) {
                        shape
                            .traits
                            .push(trait_("sensitive", Node::object::<&str>([])));
                    }
                }
                Kind::Timestamp if self.rng.chance(50) => {
                    shape.timestamp_format = Some(*self.rng.pick(&FORMATS));
                }
                Kind::Enum => self.enum_values(&mut shape, false),
                Kind::IntEnum => self.enum_values(&mut shape, true),
                kind if kind.is_number() && self.rng.chance(60) => {
                    shape.constraints.range = self.range(kind);
                }
                _ => {}
            }
            let index = self.shapes.len();
            self.push(shape);
            self.data.push(index);
        }
    }

    fn enum_values(&mut self, shape: &mut Shape, int: bool) {
        let mut scope = Scope::default();
        let mut used = std::collections::BTreeSet::new();
        let hazard = if self.features.hazard_names { 15 } else { 0 };
        for _ in 0..self.rng.between(1, 4) {
            let name = scope.fresh(&mut self.rng, &HAZARD_VALUES, hazard, Case::Screaming);
            let value = if int {
                let mut v = self.rng.between(-3, 40);
                while !used.insert(v.to_string()) {
                    v += 1;
                }
                Node::num(v)
            } else {
                let text = match self.rng.below(3) {
                    0 => name.clone(),
                    1 => name.to_lowercase().replace('_', "-"),
                    _ => format!("{} value", name.to_lowercase()),
                };
                if !used.insert(text.clone()) {
                    continue;
                }
                Node::String(text)
            };
            let mut member = Member::new(name, "smithy.api#Unit");
            member.enum_value = Some(value.clone());
            member.traits.push(trait_("enumValue", value));
            shape.members.push(member);
        }
    }

    /// A random `@length`: a minimum of at least `floor`, a maximum, or both.
    fn length(&mut self, floor: u64) -> (Option<u64>, Option<u64>) {
        let min = self.rng.between(floor as i64, 3) as u64;
        let max = min + self.rng.below(6) as u64;
        match self.rng.below(3) {
            0 => (Some(min), None),
            1 => (None, Some(max.max(floor))),
            _ => (Some(min), Some(max)),
        }
    }

    /// A random `@range` for the kind, in thousandths: small, near 2^53 (for longs and big
    /// numbers), or near the kind's own limits.
    fn range(&mut self, kind: Kind) -> (Option<i128>, Option<i128>) {
        let (space_low, space_high, step) = kind.value_space();
        let exact = self.features.exact_ranges;
        if !exact && matches!(kind, Kind::BigInteger | Kind::BigDecimal) {
            return (None, None);
        }
        let centre: i128 = match self.rng.below(3) {
            0 => 0,
            1 if exact && matches!(kind, Kind::Long | Kind::BigInteger | Kind::BigDecimal) => {
                (1i128 << 53) * SCALE
            }
            _ if !exact && kind == Kind::Long => 0,
            _ => round_down(space_high / 2, step),
        };
        let width = match self.rng.below(3) {
            0 => 10 * SCALE,
            1 => 1_000 * SCALE,
            _ if !exact && kind == Kind::Long => (1i128 << 50) * SCALE,
            _ => (space_high - space_low) / 4,
        };
        let low = round_up((centre - width).max(space_low), step);
        let high = round_down((centre + width).min(space_high), step);
        let (low, high) = if kind == Kind::BigDecimal && self.rng.chance(50) {
            (low + 125, high - 375)
        } else {
            (low, high)
        };
        match self.rng.below(3) {
            0 => (Some(low), None),
            1 => (None, Some(high)),
            _ => (Some(low), Some(high)),
        }
    }

    fn target(&mut self) -> (String, usize) {
        let index = *self.rng.pick(&self.data.clone());
        (self.shapes[index].id(), index)
    }

    fn list(&mut self) {
        let (target, _) = self.target();
        let mut shape = self.shape(Kind::List, "List");
        shape.members.push(Member::new("member", target));
        if self.rng.chance(30) {
            shape.constraints.length = self.length(0);
        }
        shape.sparse = self.rng.chance(25);
        self.data.push(self.shapes.len());
        self.push(shape);
    }

    fn map(&mut self) {
        let key = {
            let key = self.shape(Kind::String, "Key");
            self.push(key)
        };
        let (target, _) = self.target();
        let mut shape = self.shape(Kind::Map, "Map");
        shape.members.push(Member::new("key", key));
        shape.members.push(Member::new("value", target));
        if self.rng.chance(30) {
            shape.constraints.length = self.length(0);
        }
        shape.sparse = self.rng.chance(25);
        self.data.push(self.shapes.len());
        self.push(shape);
    }

    fn union(&mut self) {
        let mut shape = self.shape(Kind::Union, "Choice");
        let mut scope = Scope::default();
        let count = self.rng.between(1, 4);
        for i in 0..count {
            // The first variant targets a simple shape, so that every union value can end.
            let target = if i == 0 {
                let index = self.rng.below(Kind::SIMPLE.len());
                self.shapes[index].id()
            } else {
                self.target().0
            };
            let name = self.member_name(&mut scope);
            let mut member = Member::new(name, target);
            if self.rng.chance(5) {
                member
                    .traits
                    .push(trait_("deprecated", Node::object::<&str>([])));
            }
            shape.members.push(member);
        }
        self.data.push(self.shapes.len());
        self.push(shape);
    }

    fn member_name(&mut self, scope: &mut Scope) -> String {
        let hazard = if self.features.hazard_names { 12 } else { 0 };
        if self.features.name_collisions && self.rng.chance(4) {
            let name = *self.rng.pick(&GENERATED_MEMBERS);
            if scope.take(name) {
                return name.to_owned();
            }
        }
        scope.fresh(&mut self.rng, &HAZARD_MEMBERS, hazard, Case::Lower)
    }

    fn structure(&mut self, role: Role) -> String {
        let hint = match role {
            Role::Data => "",
            Role::Input => "Input",
            Role::Output => "Output",
            Role::Error => "Error",
        };
        let mut shape = self.shape(Kind::Structure, hint);
        let mut scope = Scope::default();
        match role {
            Role::Error => {
                let fault = if self.rng.chance(70) {
                    "client"
                } else {
                    "server"
                };
                shape.traits.push(trait_("error", Node::str(fault)));
                if self.rng.chance(60) {
                    let name = if self.rng.chance(50) {
                        "message"
                    } else {
                        "Message"
                    };
                    scope.take(name);
                    let string = self.simple_id(Kind::String, true);
                    shape.members.push(Member::new(name, string));
                    // Most errors of real models are only their message, a layout of its
                    // own in the generated crate (`message_error!`).
                    if self.rng.chance(35) {
                        return self.push(shape);
                    }
                }
            }
            Role::Input if self.rng.chance(30) => {
                shape.traits.push(trait_("input", Node::object::<&str>([])));
            }
            Role::Output if self.rng.chance(30) => {
                shape
                    .traits
                    .push(trait_("output", Node::object::<&str>([])));
            }
            _ => {}
        }
        let mut json_names = Scope::default();
        for _ in 0..self.rng.between(0, 6) {
            let name = self.member_name(&mut scope);
            let (mut target, mut index) = self.target();
            if role == Role::Error && !self.features.exact_ranges {
                // A simple shape other than the big numbers.
                index = loop {
                    let i = self.rng.below(Kind::SIMPLE.len());
                    if !matches!(self.shapes[i].kind, Kind::BigInteger | Kind::BigDecimal) {
                        break i;
                    }
                };
                target = self.shapes[index].id();
            }
            let member = self.structure_member(name, target, index, &mut json_names);
            shape.members.push(member);
        }
        if self.features.name_collisions && self.rng.chance(30) {
            self.colliding_pair(&mut shape, &mut scope);
        }
        if role == Role::Input && self.rng.chance(30) && scope.take("clientToken") {
            let token = self.simple_id(Kind::String, true);
            let mut member = Member::new("clientToken", token);
            member.idempotency_token = true;
            member
                .traits
                .push(trait_("idempotencyToken", Node::object::<&str>([])));
            shape.members.push(member);
        }
        if role == Role::Data {
            self.data.push(self.shapes.len());
        }
        self.push(shape)
    }

    /// Two members whose Rust names meet: `fooBar` and `foo_bar`, or `x` and `set_x`.
    fn colliding_pair(&mut self, shape: &mut Shape, scope: &mut Scope) {
        let pairs = [
            ("alphaBravo", "alpha_bravo"),
            ("value", "set_value"),
            ("Item", "item_"),
        ];
        let (a, b) = *self.rng.pick(&pairs);
        if scope.take(a) && scope.take(b) {
            for name in [a, b] {
                let string = self.simple_id(Kind::String, true);
                shape.members.push(Member::new(name, string));
            }
        }
    }

    /// The id of a simple shape of `kind` (the first one made), or of a fresh, unconstrained
    /// one when `plain` and the first one has constraints.
    fn simple_id(&mut self, kind: Kind, plain: bool) -> String {
        let found = self
            .shapes
            .iter()
            .find(|s| s.kind == kind && (!plain || s.constraints == Constraints::default()));
        match found {
            Some(shape) => shape.id(),
            None => {
                let shape = self.shape(kind, "Text");
                self.push(shape)
            }
        }
    }

    fn structure_member(
        &mut self,
        name: String,
        target: String,
        index: usize,
        json_names: &mut Scope,
    ) -> Member {
        let kind = self.shapes[index].kind;
        let mut member = Member::new(name, target);
        // Member-level constraints, of a kind the target has none of.
        let own = self.shapes[index].constraints.clone();
        if self.rng.chance(15) {
            match kind {
                Kind::String | Kind::Blob | Kind::List | Kind::Map
                    if own.length == (None, None) && own.pattern.is_none() =>
                {
                    member.constraints.length = self.length(0);
                }
                kind if kind.is_number() && own.range == (None, None) => {
                    member.constraints.range = self.range(kind);
                }
                _ => {}
            }
        }
        if kind == Kind::Timestamp && self.rng.chance(40) {
            member.timestamp_format = Some(*self.rng.pick(&FORMATS));
        }
        member.required = self.rng.chance(30);
        let pending = matches!(kind, Kind::BigInteger | Kind::BigDecimal);
        let defaultable = !matches!(kind, Kind::Structure | Kind::Union)
            && (!pending || self.features.pending_defaults);
        if defaultable && self.rng.chance(25) {
            member.default = self.default_value(index, &member);
        }
        if (member.required || member.default.is_some()) && self.rng.chance(20) {
            member
                .traits
                .push(trait_("clientOptional", Node::object::<&str>([])));
        }
        if self.rng.chance(10) {
            let json = format!("json_{}", member.name);
            if json_names.take(&json) {
                member.traits.push(trait_("jsonName", Node::str(json)));
            }
        }
        if self.rng.chance(5) {
            member
                .traits
                .push(trait_("deprecated", Node::object::<&str>([])));
        }
        if self.rng.chance(5) {
            member
                .traits
                .push(trait_("sensitive", Node::object::<&str>([])));
        }
        member
    }

    /// A default for a member targeting shape `index` that meets the member's constraints;
    /// `None` when no default can (a list whose minimum length is above zero).
    fn default_value(&mut self, index: usize, member: &Member) -> Option<Node> {
        let target = &self.shapes[index];
        let constraints = simple_values::effective(&target.constraints, Some(&member.constraints));
        let enum_values: Vec<Node> = target
            .members
            .iter()
            .filter_map(|m| m.enum_value.clone())
            .collect();
        let kind = target.kind;
        Some(match kind {
            Kind::List | Kind::Map => {
                if constraints.length.0.unwrap_or(0) > 0 {
                    return None;
                }
                if kind == Kind::List {
                    Node::Array(Vec::new())
                } else {
                    Node::object::<&str>([])
                }
            }
            Kind::Document => match self.rng.below(5) {
                0 => Node::Bool(true),
                1 => Node::str("text"),
                2 => Node::num(3),
                3 => Node::Array(Vec::new()),
                _ => Node::object::<&str>([]),
            },
            // Epoch seconds, or the date-time form, whatever the member's format.
            Kind::Timestamp => {
                if self.rng.chance(50) {
                    Node::num(self.rng.between(0, 2_000_000_000))
                } else {
                    simple_values::timestamp(&mut self.rng, "date-time")
                }
            }
            kind => simple_values::valid(
                &mut self.rng,
                kind,
                &constraints,
                "epoch-seconds",
                &enum_values,
            ),
        })
    }

    /// Closes a few cycles: an optional member from a structure or union to a data shape made
    /// later, or to itself.
    fn cycles(&mut self) {
        let aggregates: Vec<usize> = self
            .data
            .iter()
            .copied()
            .filter(|&i| matches!(self.shapes[i].kind, Kind::Structure | Kind::Union))
            .collect();
        if aggregates.is_empty() {
            return;
        }
        for _ in 0..self.rng.below(3) {
            let from = *self.rng.pick(&aggregates);
            let to = *self.rng.pick(&self.data[Kind::SIMPLE.len()..]);
            let mut scope = Scope::default();
            for member in &self.shapes[from].members {
                scope.take(&member.name);
            }
            let name = self.member_name(&mut scope);
            let mut member = Member::new(name, self.shapes[to].id());
            member.recursive = true;
            self.shapes[from].members.push(member);
        }
    }

    fn operation(&mut self, errors: &[String]) -> Operation {
        let name = self.name("");
        let input = self.structure(Role::Input);
        let output = self.structure(Role::Output);
        let errors: Vec<String> = errors
            .iter()
            .filter(|_| self.rng.chance(60))
            .cloned()
            .collect();
        let local = |id: String| {
            id.trim_start_matches(NAMESPACE)
                .trim_start_matches('#')
                .to_owned()
        };
        Operation {
            name,
            input: local(input),
            output: local(output),
            errors: errors.into_iter().map(local).collect(),
        }
    }
}

/// A trait of the prelude by its short name.
pub fn trait_(name: &str, value: Node) -> (String, Node) {
    (format!("smithy.api#{name}"), value)
}
