//! *Plan*: turn loaded model files into a resolved, validated [`ir::Service`].
//!
//! The planner selects the service and operations, walks the shapes they reach, checks every
//! one of them (dangling targets, unsupported shape types and wire traits, invalid trait
//! values, Rust name collisions) and collects all problems before giving up, so a maintainer
//! sees every mistake in one run. Ordering is deterministic throughout (BTreeMap, sorted
//! vectors).

pub mod docs;
pub mod ir;
pub mod names;
pub mod pattern;
mod traits;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::traits::EnumValue;
use crate::load::{LoadedFile, Member as ModelMember, Model, Shape, ShapeId, ShapeKind, Traits};
use ir::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What to generate from the loaded models.
#[derive(Clone, Debug, Default)]
pub struct PlanOptions {
    /// The service shape id; may be left out when the models hold exactly one service.
    pub service: Option<String>,
    /// Operation names to generate; all of the service's operations when `None`.
    pub operations: Option<Vec<String>>,
    /// The generated package's name; derived from the sdkId when `None`.
    pub crate_name: Option<String>,
}

/// Builds the IR for one service of the given model files.
pub fn plan(files: &[LoadedFile], options: &PlanOptions) -> Result<Service, Diagnostics> {
    let model = Model::new(files)?;
    let index = Index { model };
    let service_id = index.select_service(options.service.as_deref())?;
    let operations = index.select_operations(&service_id, options.operations.as_deref())?;
    let planner = Planner::new(&index, service_id, operations, options.operations.is_some())?;
    planner.build(options)
}

/// All shapes of all files, with the lookups the planner needs.
struct Index<'a> {
    model: Model<'a>,
}

impl<'a> Index<'a> {
    fn get(&self, id: &ShapeId) -> Option<&'a Shape> {
        self.model.get(id)
    }

    /// The type of the shape `id` names, prelude shapes included; for an id that names no
    /// shape, what the prelude would call it (`unknown` for most).
    fn kind_of(&self, id: &ShapeId) -> ShapeKind {
        self.model
            .kind_of(id)
            .unwrap_or_else(|| ShapeKind::of_prelude(id.name()))
    }

    fn problem(&self, at: &ShapeId, message: impl Into<String>) -> Diagnostic {
        let mut diagnostic = Diagnostic::at_shape(at, message);
        diagnostic.file = self.model.file_of(at).map(Path::to_path_buf);
        diagnostic
    }

    fn select_service(&self, wanted: Option<&str>) -> Result<ShapeId, Diagnostics> {
        let services: Vec<&ShapeId> = self
            .model
            .shapes()
            .filter(|s| s.kind == ShapeKind::Service)
            .map(|s| &s.id)
            .collect();
        match wanted {
            Some(text) => {
                let id = ShapeId::parse(text).map_err(|why| {
                    Diagnostics::one(Diagnostic::general(format!("--service: {why}")))
                })?;
                match self.get(&id) {
                    Some(shape) if shape.kind == ShapeKind::Service => Ok(id),
                    Some(shape) => Err(Diagnostics::one(
                        self.problem(&id, format!("is a {}, not a service", shape.kind)),
                    )),
                    None => Err(Diagnostics::one(Diagnostic::general(format!(
                        "--service {id}: no such shape; the models define {}",
                        list_or_none(&services)
                    )))),
                }
            }
            None => match services.as_slice() {
                [only] => Ok((*only).clone()),
                [] => Err(Diagnostics::one(Diagnostic::general(
                    "the models define no service shape",
                ))),
                many => Err(Diagnostics::one(Diagnostic::general(format!(
                    "the models define {} services ({}); choose one with --service",
                    many.len(),
                    list_or_none(many)
                )))),
            },
        }
    }

    /// The service's operations (including those bound through resources), filtered by the
    /// `--operations` names when given.
    fn select_operations(
        &self,
        service: &ShapeId,
        wanted: Option<&[String]>,
    ) -> Result<Vec<ShapeId>, Diagnostics> {
        let mut problems = Diagnostics::default();
        let mut found = BTreeSet::new();
        let mut containers = vec![service.clone()];
        let mut visited = BTreeSet::new();
        while let Some(container) = containers.pop() {
            if !visited.insert(container.clone()) {
                continue;
            }
            let Some(shape) = self.get(&container) else {
                continue;
            };
            for target in &shape.operations {
                match self.resolve(&container, target, ShapeKind::Operation) {
                    Ok(id) => {
                        found.insert(id);
                    }
                    Err(problem) => problems.push(problem),
                }
            }
            for resource in &shape.resources {
                match self.resolve(&container, resource, ShapeKind::Resource) {
                    Ok(id) => containers.push(id),
                    Err(problem) => problems.push(problem),
                }
            }
        }
        let found = problems.into_result(found)?;
        let Some(wanted) = wanted else {
            return Ok(found.into_iter().collect());
        };
        let mut selected = Vec::new();
        let mut problems = Diagnostics::default();
        for name in wanted {
            match found.iter().find(|id| id.name() == name) {
                Some(id) => selected.push(id.clone()),
                None => problems.push(Diagnostic::general(format!(
                    "--operations: `{name}` is not an operation of {service}; it has {}",
                    found
                        .iter()
                        .map(ShapeId::name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            }
        }
        selected.sort();
        selected.dedup();
        problems.into_result(selected)
    }

    /// Checks a reference from shape `from`: the target exists and is of the expected kind.
    fn resolve(
        &self,
        from: &ShapeId,
        id: &ShapeId,
        kind: ShapeKind,
    ) -> Result<ShapeId, Diagnostic> {
        match self.get(id) {
            Some(shape) if shape.kind == kind => Ok(id.clone()),
            Some(shape) => Err(self.problem(
                from,
                format!(
                    "refers to {id} as {}, but it is {}",
                    kind.with_article(),
                    shape.kind.with_article()
                ),
            )),
            None => Err(self.problem(from, format!("refers to {id}, which is not defined"))),
        }
    }
}

fn list_or_none(ids: &[&ShapeId]) -> String {
    if ids.is_empty() {
        "none".to_owned()
    } else {
        ids.iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Where a structure is used, which decides the module it is emitted into.
#[derive(Default)]
struct Uses {
    as_input_of: Vec<ShapeId>,
    as_output_of: Vec<ShapeId>,
    as_member: bool,
}

/// Walks the selected operations' closure and builds the IR.
struct Planner<'a> {
    index: &'a Index<'a>,
    service_id: ShapeId,
    service: &'a Shape,
    operations: Vec<ShapeId>,
    /// Every shape reached from the selected operations (data shapes and errors).
    closure: BTreeSet<ShapeId>,
    uses: BTreeMap<ShapeId, Uses>,
    problems: Diagnostics,
    /// Operations left out, with the reason.
    skipped: Vec<(ShapeId, String)>,
    /// The Rust name of every generated type, decided once for the whole closure.
    rust_names: BTreeMap<ShapeId, String>,
    /// Things generated differently from what the model asks, for the caller to report.
    warnings: Vec<String>,
}

impl<'a> Planner<'a> {
    fn new(
        index: &'a Index<'a>,
        service_id: ShapeId,
        operations: Vec<ShapeId>,
        explicitly_selected: bool,
    ) -> Result<Self, Diagnostics> {
        let service = index.get(&service_id).ok_or_else(|| {
            Diagnostics::one(Diagnostic::general(format!("{service_id} is not defined")))
        })?;
        let mut planner = Planner {
            index,
            service_id,
            service,
            operations: Vec::new(),
            closure: BTreeSet::new(),
            uses: BTreeMap::new(),
            problems: Diagnostics::default(),
            skipped: Vec::new(),
            rust_names: BTreeMap::new(),
            warnings: Vec::new(),
        };
        for op in operations {
            match planner.streaming_member(&op) {
                Some(member) if explicitly_selected => planner.problem(
                    &op,
                    format!("uses the streaming member {member}; event streams and streaming blobs are not supported"),
                ),
                Some(member) => planner.skipped.push((
                    op,
                    format!("its member {member} is an event stream or streaming blob, which is not supported"),
                )),
                None => planner.operations.push(op),
            }
        }
        planner.walk();
        planner.assign_type_names();
        Ok(planner)
    }

    /// The first input or output member of an operation that targets a `@streaming` shape.
    fn streaming_member(&self, op_id: &ShapeId) -> Option<ShapeId> {
        let op = self.index.get(op_id)?;
        for io_id in [&op.input, &op.output].into_iter().flatten() {
            for (name, member) in &self.index.get(io_id)?.members {
                if self
                    .index
                    .get(&member.target)
                    .is_some_and(|t| t.traits.streaming)
                {
                    return Some(io_id.with_member(name));
                }
            }
        }
        None
    }

    /// Decides the Rust name of every generated type. Two shapes that would share a name in
    /// the same module are told apart deterministically: the one in the service's namespace
    /// keeps the name, others get their namespace's last segment in front, then a number.
    fn assign_type_names(&mut self) {
        let mut taken: BTreeSet<(Module, String)> = BTreeSet::new();
        for op in &self.operations {
            let module = Module::Operation(names::field_name(self.shape_name(op)));
            let marker = names::type_name(self.shape_name(op));
            taken.insert((module.clone(), format!("{marker}Error")));
            taken.insert((module, marker));
        }
        let mut candidates: Vec<(Module, String, bool, ShapeId)> = Vec::new();
        for id in &self.closure {
            let Some(shape) = self.index.get(id) else {
                continue;
            };
            let module = match shape.kind {
                ShapeKind::Structure if shape.traits.is_error() => Module::Errors,
                ShapeKind::Structure => self.placement(id).1,
                ShapeKind::Enum | ShapeKind::IntEnum | ShapeKind::Union => Module::Types,
                _ => continue,
            };
            let foreign = id.namespace() != self.service_id.namespace();
            candidates.push((
                module,
                names::type_name(self.shape_name(id)),
                foreign,
                id.clone(),
            ));
        }
        candidates.sort();
        for (module, base, _, id) in candidates {
            let is_structure = self
                .index
                .get(&id)
                .is_some_and(|s| s.kind == ShapeKind::Structure);
            let free = |name: &str| {
                let builder_taken =
                    is_structure && taken.contains(&(module.clone(), format!("{name}Builder")));
                !(taken.contains(&(module.clone(), name.to_owned())) || builder_taken)
            };
            let prefixed = names::type_name(&format!(
                "{}_{base}",
                id.namespace().rsplit('.').next().unwrap_or_default()
            ));
            let name = [base.clone(), prefixed.clone()]
                .into_iter()
                .chain((2..).map(|n| format!("{prefixed}{n}")))
                .find(|name| free(name))
                .unwrap_or(base);
            if is_structure {
                taken.insert((module.clone(), format!("{name}Builder")));
            }
            taken.insert((module, name.clone()));
            self.rust_names.insert(id, name);
        }
    }

    /// The Rust name of a generated type (see `assign_type_names`).
    fn type_ident(&self, id: &ShapeId) -> String {
        self.rust_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| names::type_name(self.shape_name(id)))
    }

    fn problem(&mut self, at: &ShapeId, message: impl Into<String>) {
        let diagnostic = self.index.problem(at, message);
        self.problems.push(diagnostic);
    }

    /// The name a shape has in this service (after `rename`).
    fn shape_name<'s>(&'s self, id: &'s ShapeId) -> &'s str {
        self.service
            .rename
            .get(id)
            .map(String::as_str)
            .unwrap_or(id.name())
    }

    /// Collects the closure of the selected operations, reporting dangling references.
    fn walk(&mut self) {
        let mut pending: Vec<(ShapeId, ShapeId)> = Vec::new();
        let service_errors = &self.service.errors;
        for op_id in &self.operations {
            let Some(op) = self.index.get(op_id) else {
                continue;
            };
            for (target, uses_input) in [(&op.input, true), (&op.output, false)] {
                let Some(target) = target else { continue };
                if target.is_unit() {
                    continue;
                }
                let uses = self.uses.entry(target.clone()).or_default();
                if uses_input {
                    uses.as_input_of.push(op_id.clone());
                } else {
                    uses.as_output_of.push(op_id.clone());
                }
                pending.push((op_id.clone(), target.clone()));
            }
            for error in op.errors.iter().chain(service_errors) {
                pending.push((op_id.clone(), error.clone()));
            }
        }
        while let Some((from, id)) = pending.pop() {
            if id.is_unit() {
                continue;
            }
            let Some(shape) = self.index.get(&id) else {
                if id.is_prelude() {
                    self.closure.insert(id);
                } else {
                    self.problem(&from, format!("targets {id}, which is not defined"));
                }
                continue;
            };
            if !self.closure.insert(id.clone()) {
                continue;
            }
            for member in shape.all_members() {
                if shape.kind == ShapeKind::Structure {
                    self.uses
                        .entry(member.target.clone())
                        .or_default()
                        .as_member = true;
                }
                pending.push((member.id.clone(), member.target.clone()));
            }
        }
    }

    fn build(mut self, options: &PlanOptions) -> Result<Service, Diagnostics> {
        let protocol = self.protocol();
        let mut structures = Vec::new();
        let mut enums = Vec::new();
        let mut errors = Vec::new();
        let mut unions = Vec::new();
        let mut int_enums = Vec::new();
        for id in self.closure.clone() {
            let Some(shape) = self.index.get(&id) else {
                continue;
            };
            self.check_traits(&id, shape);
            match &shape.kind {
                ShapeKind::Structure if shape.traits.is_error() => {
                    if let Some(error) = self.error_shape(&id, shape) {
                        errors.push(error);
                    }
                }
                ShapeKind::Structure => {
                    let structure = self.structure(&id, shape);
                    structures.push(structure);
                }
                ShapeKind::Enum => {
                    if let Some(e) = self.enumeration(&id, shape) {
                        enums.push(e);
                    }
                }
                ShapeKind::Union => {
                    if let Some(u) = self.union(&id, shape) {
                        unions.push(u);
                    }
                }
                ShapeKind::IntEnum => {
                    if let Some(e) = self.int_enum(&id, shape) {
                        int_enums.push(e);
                    }
                }
                ShapeKind::Other(other) => self.problem(
                    &id,
                    format!("shape type `{other}` is not supported by this generator yet"),
                ),
                // Plain values and collections need no type of their own; operations,
                // services and resources are reached only as member targets, and the member
                // reports them.
                _ => {}
            }
        }
        let mut operations = Vec::new();
        for op_id in self.operations.clone() {
            if let Some(op) = self.operation(&op_id, &mut structures) {
                operations.push(op);
            }
        }
        self.check_required_cycles(&structures);
        box_recursive_members(&mut structures, &mut errors, &mut unions);
        mark_validated(&mut structures, &mut unions, &operations);
        for op in &mut operations {
            if !self.check_pagination(op, &structures) {
                op.paginated = None;
            }
        }
        for op in &operations {
            for (name, role) in [(&op.input, "input"), (&op.output, "output")] {
                if let Some(s) = structures
                    .iter_mut()
                    .find(|s| &s.name == name && s.docs.is_none())
                {
                    s.docs = Some(format!("The {role} of `{}`.", op.wire_name));
                }
            }
        }
        structures.sort_by(|a, b| a.name.cmp(&b.name));
        enums.sort_by(|a, b| a.name.cmp(&b.name));
        errors.sort_by(|a, b| a.structure.name.cmp(&b.structure.name));
        unions.sort_by(|a, b| a.name.cmp(&b.name));
        int_enums.sort_by(|a, b| a.name.cmp(&b.name));
        operations.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));

        let traits = &self.service.traits;
        let sdk_id = traits
            .aws_service
            .as_ref()
            .and_then(|service| service.sdk_id.as_deref())
            .unwrap_or(self.service_id.name())
            .to_owned();
        let crate_name = options
            .crate_name
            .clone()
            .unwrap_or_else(|| default_crate_name(&sdk_id));
        let patterns = number_patterns(&mut structures, &mut errors, &mut unions);
        let service = Service {
            id: self.service_id.clone(),
            sdk_id,
            crate_name,
            version: self.service.version.clone().unwrap_or_default(),
            title: traits.title.clone(),
            docs: traits.documentation.as_deref().map(docs::to_markdown),
            protocol: protocol.unwrap_or(Protocol::AwsJson1_1),
            signing_name: traits.sigv4.as_ref().and_then(|sigv4| sigv4.name.clone()),
            operations,
            structures,
            enums,
            errors,
            unions,
            int_enums,
            patterns,
            skipped: std::mem::take(&mut self.skipped),
            warnings: std::mem::take(&mut self.warnings),
            shape_count: self.closure.len() + self.operations.len(),
        };
        self.problems.into_result(service)
    }

    fn protocol(&mut self) -> Option<Protocol> {
        let traits = &self.service.traits;
        match (traits.aws_json_1_0, traits.aws_json_1_1) {
            (true, false) => Some(Protocol::AwsJson1_0),
            (false, true) => Some(Protocol::AwsJson1_1),
            (true, true) => Some(Protocol::AwsJson1_1),
            (false, false) => {
                let others = traits.other_protocols();
                let id = self.service_id.clone();
                let supported = format!(
                    "this generator supports {} and {}",
                    Protocol::AwsJson1_0.trait_id(),
                    Protocol::AwsJson1_1.trait_id()
                );
                let message = if others.is_empty() {
                    format!("the service has no protocol trait; {supported}")
                } else {
                    format!("unsupported protocol {}; {supported}", others.join(", "))
                };
                self.problem(&id, message);
                None
            }
        }
    }

    /// Reports traits on a shape or its members that change the wire in unsupported ways.
    fn check_traits(&mut self, id: &ShapeId, shape: &Shape) {
        let member_traits = shape
            .members
            .iter()
            .map(|(n, m)| (id.with_member(n), &m.traits));
        let all = std::iter::once((id.clone(), &shape.traits)).chain(member_traits);
        let mut found = Vec::new();
        for (at, traits) in all {
            for why in traits::unsupported(traits) {
                found.push((at.clone(), why));
            }
        }
        for (at, message) in found {
            self.problem(&at, message);
        }
    }

    fn docs(&self, traits: &Traits) -> Option<String> {
        traits
            .documentation
            .as_deref()
            .map(docs::to_markdown)
            .filter(|d| !d.is_empty())
    }

    fn structure(&mut self, id: &ShapeId, shape: &Shape) -> Structure {
        let (role, module) = self.placement(id);
        let name = TypeName {
            module,
            name: self.type_ident(id),
        };
        let members = self.members(id, shape);
        Structure {
            id: id.clone(),
            name,
            docs: self.docs(&shape.traits),
            members,
            role,
            validated: false,
            deprecated: shape.traits.deprecation_note(),
        }
    }

    fn members(&mut self, id: &ShapeId, shape: &Shape) -> Vec<Member> {
        let mut members = Vec::new();
        let mut field_names: BTreeMap<String, String> = BTreeMap::new();
        for (wire_name, member) in &shape.members {
            let member_id = id.with_member(wire_name);
            let field_name = names::field_name(wire_name);
            if let Some(other) = field_names.insert(field_name.clone(), wire_name.clone()) {
                self.problem(
                    &member_id,
                    format!("members `{other}` and `{wire_name}` both become the Rust field `{field_name}`"),
                );
            }
            if let Some(m) = self.member(&member_id, wire_name, field_name, member) {
                members.push(m);
            }
        }
        members
    }

    fn member(
        &mut self,
        member_id: &ShapeId,
        wire_name: &str,
        field_name: String,
        member: &ModelMember,
    ) -> Option<Member> {
        let target_id = member.target.clone();
        let target = self.index.get(&target_id);
        let ty = match self.rust_type(&target_id, &member.traits) {
            Ok(ty) => ty,
            Err(why) => {
                self.problem(member_id, why);
                return None;
            }
        };
        let kind = self.index.kind_of(&target_id);
        let no_traits = Traits::default();
        let target_traits = target.map_or(&no_traits, |t| &t.traits);
        let mut constraints = match traits::constraints(target_traits, &kind) {
            Ok(c) => c,
            Err(why) => {
                self.problem(&target_id, why);
                Constraints::default()
            }
        };
        match traits::constraints(&member.traits, &kind) {
            Ok(own) => {
                constraints.length = own.length.or(constraints.length);
                constraints.pattern = own.pattern.or(constraints.pattern);
                constraints.range = own.range.or(constraints.range);
            }
            Err(why) => self.problem(member_id, why),
        }
        let default = match &member.traits.default {
            Some(serde_json::Value::Null) => None,
            Some(value) => Some(value.clone()),
            None => target_traits.default.clone().filter(|v| !v.is_null()),
        };
        if let Some(value) = &default {
            let enum_values: Vec<String> = target
                .map(|t| t.members.iter().map(|(n, m)| enum_value(n, m)).collect())
                .unwrap_or_default();
            if let Err(why) = traits::check_default(value, &kind, &enum_values) {
                self.problem(member_id, why);
            }
        }
        let docs = self.docs(&member.traits).or_else(|| {
            let simple = target.is_some_and(|t| t.kind.is_plain_value());
            if simple {
                self.docs(target_traits)
            } else {
                None
            }
        });
        let item_constraints = self.item_constraints(&target_id, target);
        Some(Member {
            wire_name: wire_name.to_owned(),
            field_name,
            docs,
            ty,
            required: member.traits.required,
            default,
            sensitive: self.is_sensitive(&target_id, 0),
            constraints,
            item_constraints,
            idempotency_token: member.traits.idempotency_token,
            nested_checks: false,
            deprecated: member.traits.deprecation_note(),
            target: target_id,
        })
    }

    /// The Rust variant for a member of an enum, intEnum or union. `Unknown` is the catch-all
    /// variant for values (or members) the model does not list, so a member of that name
    /// becomes `replacement`; two members with the same variant name are reported.
    fn variant_name(
        &mut self,
        member_id: &ShapeId,
        member_name: &str,
        replacement: &str,
        seen: &mut BTreeMap<String, String>,
    ) -> String {
        let mut name = names::type_name(member_name);
        if name == "Unknown" {
            name = replacement.to_owned();
        }
        if let Some(other) = seen.insert(name.clone(), member_name.to_owned()) {
            self.problem(
                member_id,
                format!(
                    "members `{other}` and `{member_name}` both become the Rust variant `{name}`"
                ),
            );
        }
        name
    }

    fn union(&mut self, id: &ShapeId, shape: &Shape) -> Option<Union> {
        if shape.members.is_empty() {
            self.problem(id, "a union needs at least one member");
            return None;
        }
        let mut variants = Vec::new();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for (wire_name, member) in &shape.members {
            let member_id = id.with_member(wire_name);
            let variant = self.variant_name(&member_id, wire_name, "UnknownMember", &mut seen);
            let unit = member.target.is_unit();
            let member = if unit {
                Member {
                    wire_name: wire_name.clone(),
                    field_name: names::field_name(wire_name),
                    docs: self.docs(&member.traits),
                    ty: RustType::Structure {
                        name: TypeName {
                            module: Module::Types,
                            name: String::new(),
                        },
                        boxed: false,
                    },
                    required: false,
                    default: None,
                    sensitive: false,
                    constraints: Constraints::default(),
                    item_constraints: Constraints::default(),
                    idempotency_token: false,
                    nested_checks: false,
                    deprecated: member.traits.deprecation_note(),
                    target: ShapeId::unit(),
                }
            } else {
                self.member(&member_id, wire_name, names::field_name(wire_name), member)?
            };
            variants.push(UnionVariant {
                variant,
                member,
                unit,
            });
        }
        Some(Union {
            id: id.clone(),
            name: TypeName {
                module: Module::Types,
                name: self.type_ident(id),
            },
            docs: self.docs(&shape.traits),
            variants,
            validated: false,
            deprecated: shape.traits.deprecation_note(),
        })
    }

    fn int_enum(&mut self, id: &ShapeId, shape: &Shape) -> Option<IntEnum> {
        if shape.members.is_empty() {
            self.problem(id, "an intEnum needs at least one member");
            return None;
        }
        let mut variants = Vec::new();
        let mut seen_values: BTreeMap<i64, String> = BTreeMap::new();
        let mut seen_names: BTreeMap<String, String> = BTreeMap::new();
        for (member_name, member) in &shape.members {
            let member_id = id.with_member(member_name);
            let value = match member.traits.enum_value {
                Some(EnumValue::Integer(value)) => i32::try_from(value).ok(),
                _ => None,
            };
            let Some(value) = value else {
                self.problem(
                    &member_id,
                    "an intEnum member needs an integer `enumValue` that fits in 32 bits",
                );
                continue;
            };
            if let Some(other) = seen_values.insert(i64::from(value), member_name.clone()) {
                self.problem(
                    &member_id,
                    format!("value {value} is also the value of member `{other}`"),
                );
            }
            let name = self.variant_name(&member_id, member_name, "UnknownValue", &mut seen_names);
            variants.push((name, value, self.docs(&member.traits)));
        }
        Some(IntEnum {
            id: id.clone(),
            name: TypeName {
                module: Module::Types,
                name: self.type_ident(id),
            },
            docs: self.docs(&shape.traits),
            variants,
        })
    }

    /// The constraints on each item of a list: its member's target's, overridden by the
    /// list member's own.
    fn item_constraints(&mut self, list_id: &ShapeId, list: Option<&Shape>) -> Constraints {
        let Some(item) = list
            .filter(|l| l.kind.is_list())
            .and_then(|l| l.member.as_ref())
        else {
            return Constraints::default();
        };
        let item_id = &item.target;
        let item_shape = self.index.get(item_id);
        let kind = self.index.kind_of(item_id);
        let base = item_shape
            .map(|s| traits::constraints(&s.traits, &kind))
            .unwrap_or(Ok(Constraints::default()));
        match (base, traits::constraints(&item.traits, &kind)) {
            (Ok(base), Ok(own)) => Constraints {
                length: own.length.or(base.length),
                pattern: own.pattern.or(base.pattern),
                pattern_index: None,
                range: own.range.or(base.range),
            },
            (_, Err(why)) => {
                self.problem(&list_id.with_member("member"), why);
                Constraints::default()
            }
            (Err(_), _) => Constraints::default(), // reported where the item shape is used
        }
    }

    /// Whether values of this shape must never be printed.
    fn is_sensitive(&self, id: &ShapeId, depth: usize) -> bool {
        let Some(shape) = self.index.get(id) else {
            return false;
        };
        if shape.traits.sensitive {
            return true;
        }
        match (&shape.member, depth < 32) {
            (Some(member), true) => self.is_sensitive(&member.target, depth + 1),
            _ => false,
        }
    }

    /// The Rust type for a member targeting `id`, with the member's own traits (a member
    /// `timestampFormat` overrides the target's).
    fn rust_type(&self, id: &ShapeId, member_traits: &Traits) -> Result<RustType, String> {
        let shape = self.index.get(id);
        let kind = match shape {
            Some(shape) => shape.kind.clone(),
            None if id.is_prelude() => ShapeKind::of_prelude(id.name()),
            None => return Err(format!("targets {id}, which is not defined")),
        };
        let traits = shape.map(|s| &s.traits);
        let sparse = traits.is_some_and(|t| t.sparse);
        let generated = || TypeName {
            module: Module::Types,
            name: self.type_ident(id),
        };
        Ok(match kind {
            ShapeKind::String => RustType::String,
            ShapeKind::Boolean => RustType::Boolean,
            ShapeKind::Byte => RustType::Byte,
            ShapeKind::Short => RustType::Short,
            ShapeKind::Integer => RustType::Integer,
            ShapeKind::Long => RustType::Long,
            ShapeKind::Float => RustType::Float,
            ShapeKind::Double => RustType::Double,
            ShapeKind::Blob => RustType::Blob,
            ShapeKind::Document => RustType::Document,
            ShapeKind::BigInteger => RustType::BigInteger,
            ShapeKind::BigDecimal => RustType::BigDecimal,
            ShapeKind::Timestamp => {
                let format = member_traits
                    .timestamp_format
                    .as_ref()
                    .or_else(|| traits.and_then(|t| t.timestamp_format.as_ref()));
                RustType::Timestamp(match format {
                    None => TimestampFormat::EpochSeconds,
                    Some(format) => format.clone()?,
                })
            }
            ShapeKind::Enum => RustType::Enum(generated()),
            ShapeKind::IntEnum => RustType::IntEnum(generated()),
            ShapeKind::Union => RustType::Union {
                name: generated(),
                boxed: false,
            },
            ShapeKind::Structure => {
                if traits.is_some_and(Traits::is_error) {
                    return Err(format!(
                        "targets the error structure {id}, which cannot be a member"
                    ));
                }
                if id.is_unit() {
                    return Err(format!(
                        "targets {id}, which only unions and operations may use"
                    ));
                }
                let module = self.structure_module(id);
                RustType::Structure {
                    name: TypeName {
                        module,
                        name: self.type_ident(id),
                    },
                    boxed: false,
                }
            }
            ShapeKind::List | ShapeKind::Set => {
                let member = shape
                    .and_then(|s| s.member.as_ref())
                    .ok_or_else(|| format!("list {id} has no `member`"))?;
                let item = self.rust_type(&member.target, &member.traits)?;
                if sparse {
                    RustType::SparseList(Box::new(item))
                } else {
                    RustType::List(Box::new(item))
                }
            }
            ShapeKind::Map => {
                let key = shape
                    .and_then(|s| s.key.as_ref())
                    .ok_or_else(|| format!("map {id} has no `key`"))?;
                let key_kind = self.index.kind_of(&key.target);
                if !matches!(key_kind, ShapeKind::String | ShapeKind::Enum) {
                    return Err(format!(
                        "map {id} has `{key_kind}` keys; awsJson maps need string keys"
                    ));
                }
                let value = shape
                    .and_then(|s| s.value.as_ref())
                    .ok_or_else(|| format!("map {id} has no `value`"))?;
                let value = self.rust_type(&value.target, &value.traits)?;
                if sparse {
                    RustType::SparseMap(Box::new(value))
                } else {
                    RustType::Map(Box::new(value))
                }
            }
            ShapeKind::Operation | ShapeKind::Service | ShapeKind::Resource => {
                return Err(format!(
                    "targets {id}, which is {}, not a data shape",
                    kind.with_article()
                ));
            }
            ShapeKind::Other(other) => {
                return Err(format!(
                    "targets {id}, a `{other}`, which this generator does not support"
                ))
            }
        })
    }

    fn structure_module(&self, id: &ShapeId) -> Module {
        self.placement(id).1
    }

    /// A structure used by exactly one operation as its input or output, and nowhere else,
    /// lives in that operation's module; every other structure is shared.
    fn placement(&self, id: &ShapeId) -> (StructureRole, Module) {
        let Some(uses) = self.uses.get(id) else {
            return (StructureRole::Shared, Module::Types);
        };
        let own_module = |op: &ShapeId| Module::Operation(names::field_name(self.shape_name(op)));
        match (
            uses.as_member,
            uses.as_input_of.as_slice(),
            uses.as_output_of.as_slice(),
        ) {
            (false, [op], []) => (StructureRole::Input, own_module(op)),
            (false, [], [op]) => (StructureRole::Output, own_module(op)),
            (_, [_, ..], _) => (StructureRole::Input, Module::Types),
            (_, _, [_, ..]) => (StructureRole::Output, Module::Types),
            _ => (StructureRole::Shared, Module::Types),
        }
    }

    fn enumeration(&mut self, id: &ShapeId, shape: &Shape) -> Option<Enum> {
        if shape.members.is_empty() {
            self.problem(id, "an enum needs at least one member");
            return None;
        }
        let mut variants = Vec::new();
        let mut seen_values: BTreeMap<String, String> = BTreeMap::new();
        let mut seen_names: BTreeMap<String, String> = BTreeMap::new();
        for (member_name, member) in &shape.members {
            let member_id = id.with_member(member_name);
            match &member.traits.enum_value {
                None | Some(EnumValue::String(_)) => {}
                Some(other) => {
                    self.problem(
                        &member_id,
                        format!(
                            "`enumValue` of a string enum must be a string, not {}",
                            other.as_written()
                        ),
                    );
                    continue;
                }
            }
            let value = enum_value(member_name, member);
            if value.is_empty() {
                self.problem(&member_id, "enum values cannot be empty");
            }
            if let Some(other) = seen_values.insert(value.clone(), member_name.clone()) {
                self.problem(
                    &member_id,
                    format!("value `{value}` is also the value of member `{other}`"),
                );
            }
            let name = self.variant_name(&member_id, member_name, "UnknownValue", &mut seen_names);
            variants.push(EnumVariant {
                deprecated: member.traits.deprecation_note(),
                name,
                value,
                docs: self.docs(&member.traits),
            });
        }
        Some(Enum {
            id: id.clone(),
            name: TypeName {
                module: Module::Types,
                name: self.type_ident(id),
            },
            docs: self.docs(&shape.traits),
            variants,
        })
    }

    fn error_shape(&mut self, id: &ShapeId, shape: &Shape) -> Option<ErrorShape> {
        let fault = match shape.traits.error.clone()? {
            Ok(fault) => fault,
            Err(why) => {
                self.problem(id, why);
                return None;
            }
        };
        let http_status = match shape.traits.http_error.clone() {
            None => fault.default_status(),
            Some(Ok(status)) => status,
            Some(Err(why)) => {
                self.problem(id, why);
                return None;
            }
        };
        let mut structure = self.structure(id, shape);
        structure.name.module = Module::Errors;
        structure.role = StructureRole::Error;
        Some(ErrorShape {
            code: self.shape_name(id).to_owned(),
            structure,
            fault,
            http_status,
        })
    }

    fn operation(&mut self, op_id: &ShapeId, structures: &mut Vec<Structure>) -> Option<Operation> {
        let op = self.index.get(op_id)?;
        let rust_name = names::type_name(self.shape_name(op_id));
        let module = names::field_name(self.shape_name(op_id));
        let mut io = Vec::new();
        for (target, suffix, role) in [
            (&op.input, "Input", StructureRole::Input),
            (&op.output, "Output", StructureRole::Output),
        ] {
            match target.as_ref().filter(|t| !t.is_unit()) {
                None => {
                    // No input or output in the model: an empty structure keeps the API uniform.
                    let name = TypeName {
                        module: Module::Operation(module.clone()),
                        name: format!("{rust_name}{suffix}"),
                    };
                    structures.push(Structure {
                        id: op_id.with_member(suffix),
                        name: name.clone(),
                        docs: None,
                        members: Vec::new(),
                        role,
                        validated: false,
                        deprecated: None,
                    });
                    io.push(name);
                }
                Some(id) => {
                    match self.index.get(id) {
                        Some(shape)
                            if shape.kind == ShapeKind::Structure && !shape.traits.is_error() =>
                        {
                            io.push(TypeName {
                                module: self.structure_module(id),
                                name: self.type_ident(id),
                            });
                        }
                        Some(shape) => {
                            self.problem(
                                op_id,
                                format!(
                                    "{} {id} must be a structure, not a {}",
                                    suffix.to_lowercase(),
                                    shape.kind
                                ),
                            );
                            return None;
                        }
                        None => return None, // reported by the walk
                    }
                }
            }
        }
        let [input, output] = <[TypeName; 2]>::try_from(io).ok()?;
        let service_errors = self.service.errors.iter();
        let mut errors = Vec::new();
        let mut seen = BTreeSet::new();
        for error_id in op.errors.iter().chain(service_errors) {
            if !seen.insert(error_id.clone()) {
                continue;
            }
            match self.index.get(error_id) {
                Some(shape) if shape.kind == ShapeKind::Structure && shape.traits.is_error() => {
                    let name = self.type_ident(error_id);
                    errors.push(OperationError {
                        variant: name.clone(),
                        error: TypeName { module: Module::Errors, name },
                        code: self.shape_name(error_id).to_owned(),
                    });
                }
                Some(_) => self.problem(op_id, format!("lists {error_id} in `errors`, but it is not a structure with the `error` trait")),
                None => {}
            }
        }
        let mut variants = BTreeSet::new();
        for error in &errors {
            if error.variant == "Unhandled" || !variants.insert(error.variant.clone()) {
                self.problem(
                    op_id,
                    format!(
                        "error {} cannot be a variant of {rust_name}Error: the name `{}` is taken",
                        error.code, error.variant
                    ),
                );
            }
        }
        let paginated = self.paginated(op_id, op);
        let examples = self.examples(op_id, op);
        let target_header = format!("{}.{}", self.service_id.name(), op_id.name());
        let host_prefix = self.host_prefix(op_id, op);
        Some(Operation {
            id: op_id.clone(),
            wire_name: op_id.name().to_owned(),
            error_enum: format!("{rust_name}Error"),
            rust_name,
            module,
            docs: self.docs(&op.traits),
            input,
            output,
            errors,
            target_header,
            paginated,
            examples,
            deprecated: op.traits.deprecation_note(),
            host_prefix,
            request_compression: op
                .traits
                .request_compression
                .as_ref()
                .is_some_and(|encodings| encodings.iter().any(|e| e == "gzip")),
        })
    }

    /// `smithy.api#endpoint`'s `hostPrefix`, split into text and `{label}`s; each label must
    /// name a required string input member with `@hostLabel`.
    fn host_prefix(&mut self, op_id: &ShapeId, op: &Shape) -> Option<Vec<HostPrefixPart>> {
        let template = match op.traits.host_prefix.as_ref()? {
            Ok(template) => template.as_str(),
            Err(why) => {
                self.problem(op_id, why.clone());
                return None;
            }
        };
        let input = op.input.as_ref().and_then(|id| self.index.get(id));
        let mut parts = Vec::new();
        let mut rest = template;
        while !rest.is_empty() {
            match rest.find('{') {
                Some(0) => {
                    let Some(end) = rest.find('}') else {
                        self.problem(
                            op_id,
                            format!("hostPrefix `{template}` has a `{{` without `}}`"),
                        );
                        return None;
                    };
                    let label = &rest[1..end];
                    let member = input.and_then(|shape| shape.members.get(label));
                    let valid = member.is_some_and(|m| {
                        m.traits.host_label
                            && m.traits.required
                            && self.index.kind_of(&m.target) == ShapeKind::String
                    });
                    if !valid {
                        self.problem(
                            op_id,
                            format!("hostPrefix label `{{{label}}}` must name a required string input member with `@hostLabel`"),
                        );
                        return None;
                    }
                    parts.push(HostPrefixPart::Label(label.to_owned()));
                    rest = &rest[end + 1..];
                }
                found => {
                    let end = found.unwrap_or(rest.len());
                    parts.push(HostPrefixPart::Literal(rest[..end].to_owned()));
                    rest = &rest[end..];
                }
            }
        }
        Some(parts)
    }

    fn paginated(&mut self, op_id: &ShapeId, op: &Shape) -> Option<Paginated> {
        let own = op.traits.paginated.as_ref()?;
        let defaults = self.service.traits.paginated.clone().unwrap_or_default();
        let field = |own: &Option<String>, default: Option<String>| own.clone().or(default);
        match (
            field(&own.input_token, defaults.input_token),
            field(&own.output_token, defaults.output_token),
        ) {
            (Some(input_token), Some(output_token)) => Some(Paginated {
                input_token,
                output_token,
                items: field(&own.items, defaults.items),
                page_size: field(&own.page_size, defaults.page_size),
            }),
            _ => {
                self.problem(op_id, "`paginated` needs `inputToken` and `outputToken` (on the operation or the service)");
                None
            }
        }
    }

    /// Structures that require each other (through required members without defaults) have
    /// no finite value: Smithy forbids such recursion, and no Rust type can be built for it.
    fn check_required_cycles(&mut self, structures: &[Structure]) {
        let required = |s: &Structure| -> Vec<TypeName> {
            s.members
                .iter()
                .filter(|m| m.required && m.default.is_none())
                .filter_map(|m| match &m.ty {
                    RustType::Structure { name, .. } => Some(name.clone()),
                    _ => None,
                })
                .collect()
        };
        let edges: BTreeMap<&TypeName, Vec<TypeName>> =
            structures.iter().map(|s| (&s.name, required(s))).collect();
        for s in structures {
            let mut stack = edges.get(&s.name).cloned().unwrap_or_default();
            let mut seen = BTreeSet::new();
            while let Some(next) = stack.pop() {
                if next == s.name {
                    self.problem(&s.id, "requires itself through required structure members, so no finite value exists; make one member of the cycle optional");
                    break;
                }
                if seen.insert(next.clone()) {
                    stack.extend(edges.get(&next).cloned().unwrap_or_default());
                }
            }
        }
    }

    /// The paginated trait must name top-level members: string tokens, a list of items and a
    /// numeric page size.
    fn check_pagination(&mut self, op: &Operation, structures: &[Structure]) -> bool {
        let Some(paginated) = &op.paginated else {
            return true;
        };
        let find = |name: &TypeName, member: &str| {
            structures
                .iter()
                .find(|s| &s.name == name)
                .and_then(|s| s.members.iter().find(|m| m.wire_name == member))
                .map(|m| m.ty.clone())
        };
        let numeric = |ty: &RustType| {
            matches!(
                ty,
                RustType::Byte | RustType::Short | RustType::Integer | RustType::Long
            )
        };
        let checks: [PaginationCheck; 4] = [
            (
                "inputToken",
                Some(&paginated.input_token),
                &op.input,
                |t| *t == RustType::String,
                "a string",
            ),
            (
                "outputToken",
                Some(&paginated.output_token),
                &op.output,
                |t| *t == RustType::String,
                "a string",
            ),
            (
                "items",
                paginated.items.as_ref(),
                &op.output,
                |t| matches!(t, RustType::List(_)),
                "a list",
            ),
            (
                "pageSize",
                paginated.page_size.as_ref(),
                &op.input,
                numeric,
                "an integer",
            ),
        ];
        let mut supported = true;
        for (key, member, structure, fits, expected) in checks {
            let Some(member) = member else { continue };
            // Shapes that are valid Smithy but that the generated pagers do not handle
            // (nested paths, non-string tokens such as DynamoDB's key maps) leave the
            // operation without pagination helpers, with a warning; wrong names are errors.
            let unsupported = if member.contains('.') {
                format!("`paginated.{key}` `{member}` is a nested path")
            } else {
                match find(structure, member) {
                    None => {
                        self.problem(
                            &op.id,
                            format!(
                                "`paginated.{key}` names `{member}`, which is not a member of {}",
                                structure.name
                            ),
                        );
                        supported = false;
                        continue;
                    }
                    Some(ty) if !fits(&ty) => {
                        format!("`paginated.{key}` member `{member}` is not {expected}")
                    }
                    Some(_) => continue,
                }
            };
            self.warnings
                .push(format!("{}: no pagination helpers: {unsupported}", op.id));
            supported = false;
        }
        supported
    }

    fn examples(&mut self, op_id: &ShapeId, op: &Shape) -> Vec<Example> {
        let list = match &op.traits.examples {
            None => return Vec::new(),
            Some(Err(why)) => {
                self.problem(op_id, why.clone());
                return Vec::new();
            }
            Some(Ok(list)) => list,
        };
        let mut examples = Vec::new();
        for example in list {
            match example {
                Ok(example) => examples.push(Example {
                    title: example.title.clone(),
                    docs: example.documentation.as_deref().map(docs::to_markdown),
                    input: example.input.clone(),
                    output: example.output.clone(),
                    error: example.error.clone(),
                }),
                Err(why) => self.problem(op_id, why.clone()),
            }
        }
        examples
    }
}

/// The enum value of a member: `enumValue`, or the member name.
fn enum_value(member_name: &str, member: &ModelMember) -> String {
    match &member.traits.enum_value {
        Some(EnumValue::String(value)) => value.clone(),
        _ => member_name.to_owned(),
    }
}

/// Collects the distinct patterns of validated members, sorted by source and compiled once,
/// and points every member's constraints at its entry.
fn number_patterns(
    structures: &mut [Structure],
    errors: &mut [ErrorShape],
    unions: &mut [Union],
) -> Vec<PatternConstraint> {
    let mut members: Vec<(&mut Member, bool)> = Vec::new();
    for structure in structures.iter_mut() {
        let validated = structure.validated;
        members.extend(structure.members.iter_mut().map(|m| (m, validated)));
    }
    for error in errors.iter_mut() {
        let validated = error.structure.validated;
        members.extend(error.structure.members.iter_mut().map(|m| (m, validated)));
    }
    for union in unions.iter_mut() {
        let validated = union.validated;
        members.extend(
            union
                .variants
                .iter_mut()
                .map(|v| (&mut v.member, validated)),
        );
    }
    let sources: BTreeSet<String> = members
        .iter()
        .filter(|(_, validated)| *validated)
        .flat_map(|(m, _)| [&m.constraints.pattern, &m.item_constraints.pattern])
        .flatten()
        .cloned()
        .collect();
    let patterns: Vec<PatternConstraint> = sources
        .into_iter()
        .map(|source| PatternConstraint {
            program: pattern::compile(&source),
            source,
        })
        .collect();
    for (member, _) in members {
        for constraints in [&mut member.constraints, &mut member.item_constraints] {
            constraints.pattern_index = constraints
                .pattern
                .as_ref()
                .and_then(|source| patterns.binary_search_by(|p| p.source.cmp(source)).ok());
        }
    }
    patterns
}

/// `KMS` -> `kms-api`, `CloudWatch Logs` -> `cloudwatch-logs-api`.
fn default_crate_name(sdk_id: &str) -> String {
    let words: Vec<String> = sdk_id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    format!("{}-api", words.join("-"))
}

/// One `paginated` member to check: the trait key, the member it names, the structure it must
/// be in, the type test, and what the type must be (for the message).
type PaginationCheck<'a> = (
    &'static str,
    Option<&'a String>,
    &'a TypeName,
    fn(&RustType) -> bool,
    &'static str,
);

/// The generated structures and unions a type refers to, through collections too.
fn referenced_types(ty: &RustType, out: &mut Vec<TypeName>) {
    match ty {
        RustType::Structure { name, .. } | RustType::Union { name, .. } => out.push(name.clone()),
        other => {
            if let Some(element) = other.element() {
                referenced_types(element, out);
            }
        }
    }
}

/// Marks the structures and unions reachable from an operation input: they get client-side
/// validation.
fn mark_validated(structures: &mut [Structure], unions: &mut [Union], operations: &[Operation]) {
    let mut pending: Vec<TypeName> = operations.iter().map(|op| op.input.clone()).collect();
    let mut reached = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        let members = structures
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.members.iter().collect::<Vec<_>>())
            .or_else(|| {
                unions.iter().find(|u| u.name == name).map(|u| {
                    u.variants
                        .iter()
                        .filter(|v| !v.unit)
                        .map(|v| &v.member)
                        .collect()
                })
            });
        for member in members.into_iter().flatten() {
            referenced_types(&member.ty, &mut pending);
        }
    }
    for s in structures.iter_mut() {
        s.validated = reached.contains(&s.name);
    }
    for u in unions.iter_mut() {
        u.validated = reached.contains(&u.name);
    }
    // Which types have a constraint somewhere inside them: a fixpoint over the type graph.
    let own = |m: &Member| !m.constraints.is_empty() || !m.item_constraints.is_empty();
    let mut with_checks: BTreeSet<TypeName> = BTreeSet::new();
    loop {
        let before = with_checks.len();
        let members = structures
            .iter()
            .map(|s| (&s.name, s.members.iter().collect::<Vec<_>>()))
            .chain(unions.iter().map(|u| {
                (
                    &u.name,
                    u.variants
                        .iter()
                        .filter(|v| !v.unit)
                        .map(|v| &v.member)
                        .collect(),
                )
            }));
        let mut found = Vec::new();
        for (name, members) in members {
            let inner = members.iter().any(|m| {
                let mut refs = Vec::new();
                referenced_types(&m.ty, &mut refs);
                own(m) || refs.iter().any(|r| with_checks.contains(r))
            });
            if inner {
                found.push(name.clone());
            }
        }
        with_checks.extend(found);
        if with_checks.len() == before {
            break;
        }
    }
    let nested = |m: &mut Member| {
        let mut refs = Vec::new();
        referenced_types(&m.ty, &mut refs);
        m.nested_checks = refs.iter().any(|r| with_checks.contains(r));
    };
    structures
        .iter_mut()
        .flat_map(|s| s.members.iter_mut())
        .for_each(nested);
    unions
        .iter_mut()
        .flat_map(|u| u.variants.iter_mut())
        .for_each(|v| nested(&mut v.member));
}

/// Boxes members that close a cycle of directly nested structures and unions, so the
/// generated types have a finite size. Lists and maps already add indirection.
fn box_recursive_members(
    structures: &mut [Structure],
    errors: &mut [ErrorShape],
    unions: &mut [Union],
) {
    let direct = |ty: &RustType| match ty {
        RustType::Structure { name, .. } | RustType::Union { name, .. }
            if !name.name.is_empty() =>
        {
            Some(name.clone())
        }
        _ => None,
    };
    let mut edges: BTreeMap<TypeName, Vec<TypeName>> = BTreeMap::new();
    for s in structures.iter().chain(errors.iter().map(|e| &e.structure)) {
        edges
            .entry(s.name.clone())
            .or_default()
            .extend(s.members.iter().filter_map(|m| direct(&m.ty)));
    }
    for u in unions.iter() {
        edges.entry(u.name.clone()).or_default().extend(
            u.variants
                .iter()
                .filter(|v| !v.unit)
                .filter_map(|v| direct(&v.member.ty)),
        );
    }
    let reaches = |from: &TypeName, to: &TypeName| -> bool {
        let mut stack = vec![from.clone()];
        let mut seen = BTreeSet::new();
        while let Some(next) = stack.pop() {
            if &next == to {
                return true;
            }
            if seen.insert(next.clone()) {
                stack.extend(edges.get(&next).into_iter().flatten().cloned());
            }
        }
        false
    };
    let set_boxed = |owner: &TypeName, member: &mut Member| {
        if let RustType::Structure { name, boxed } | RustType::Union { name, boxed } =
            &mut member.ty
        {
            *boxed = !name.name.is_empty() && reaches(name, owner);
        }
    };
    for s in structures
        .iter_mut()
        .chain(errors.iter_mut().map(|e| &mut e.structure))
    {
        let owner = s.name.clone();
        s.members.iter_mut().for_each(|m| set_boxed(&owner, m));
    }
    for u in unions.iter_mut() {
        let owner = u.name.clone();
        u.variants
            .iter_mut()
            .filter(|v| !v.unit)
            .for_each(|v| set_boxed(&owner, &mut v.member));
    }
}
