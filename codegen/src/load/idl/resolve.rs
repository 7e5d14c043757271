//! Turns the syntax trees of a set of IDL files into JSON AST shapes: resolves relative
//! shape ids, applies `apply` statements, flattens mixins, fills in elided member targets
//! and merges metadata.
//!
//! Files are resolved together because all of these may cross files: a relative id resolves
//! to a shape defined in the same namespace in *any* file, `apply` may target a shape of
//! another file, and mixins may live elsewhere. Each resulting shape still belongs to the
//! file that defines it.
//!
//! Order of work: (1) index every defined shape id and each file's `use` imports; (2) build
//! each shape with resolved references and traits; (3) merge `apply` traits into shapes and
//! into members written in the shape; (4) flatten mixins (members, traits, service and
//! operation properties) and resolve elided targets; (5) apply traits to members that only
//! exist after flattening (these supersede inherited values, as the mixin spec says); (6)
//! emit one model per file.

use super::ids;
use super::lexer::Pos;
use super::node::{Node, NodeValue};
use super::parser::{Body, IdRef, IdlFile, MemberDef, ShapeDef, TraitApp};
use super::prelude;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::ast::{Document, MemberShape, Shape, ShapeRef};
use crate::load::{ShapeKind, TraitId};
use indexmap::IndexMap;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Trait ids the resolver adds or reads.
const DOCUMENTATION: &str = TraitId::Documentation.id();
const DEFAULT: &str = TraitId::Default.id();
const ENUM_VALUE: &str = TraitId::EnumValue.id();
const MIXIN: &str = TraitId::Mixin.id();
const UNIT: &str = "smithy.api#Unit";

/// Mixin chains longer than this are refused, wherever the chain starts: flattening recurses
/// along the chain, and each level copies the members of the levels below it.
pub const MAX_MIXIN_DEPTH: usize = 100;

/// How much flattening may copy into the shapes that use mixins, in total: each inherited
/// member or trait counts its size (string bytes plus one per value). Past it the model is
/// refused, so a small model cannot expand into gigabytes.
pub const MAX_MIXIN_COPY: usize = 4 * 1024 * 1024;

/// One parsed file with its path.
pub struct ParsedFile {
    pub path: PathBuf,
    pub file: IdlFile,
}

/// One file's shapes in JSON AST form, with where each shape and member is written.
pub struct ResolvedFile {
    pub path: PathBuf,
    pub document: Document,
    pub positions: BTreeMap<String, (usize, usize)>,
}

/// Resolves a set of parsed files into one JSON AST document per file.
pub fn resolve(files: Vec<ParsedFile>) -> Result<Vec<ResolvedFile>, Diagnostics> {
    let mut resolver = Resolver {
        files: &files,
        copied: 0,
        scopes: Vec::new(),
        defined: HashMap::new(),
        errors: Diagnostics::default(),
    };
    resolver.index();
    let mut defs = resolver.build_defs();
    let deferred = resolver.apply_statements(&mut defs);
    let mut flats = resolver.flatten_all(&defs);
    resolver.apply_to_inherited(&defs, &mut flats, deferred);
    let metadata = resolver.metadata();
    let loaded = resolver.emit(&defs, flats, metadata);
    let Resolver { errors, .. } = resolver;
    errors.into_result(loaded)
}

/// What a file's relative shape ids resolve against.
struct Scope {
    namespace: Option<String>,
    /// Imported name -> absolute shape id.
    uses: HashMap<String, String>,
}

/// A shape with resolved references, before mixins are flattened.
struct Def {
    id: String,
    file: usize,
    pos: Pos,
    kind: String,
    traits: BTreeMap<String, Value>,
    mixins: Vec<(String, Pos)>,
    for_resource: Option<(String, Pos)>,
    members: IndexMap<String, LocalMember>,
    input: Option<String>,
    output: Option<String>,
    errors: Vec<String>,
    version: Option<String>,
    operations: Vec<String>,
    resources: Vec<String>,
    rename: BTreeMap<String, String>,
    other: BTreeMap<String, Value>,
}

/// A member as written in its shape; `target` is `None` when elided.
struct LocalMember {
    pos: Pos,
    /// The resolved target; `None` when elided (`$name`) or when it failed to resolve.
    target: Option<String>,
    /// Whether the member was written `$name`, so its target comes from a mixin or resource.
    elided: bool,
    traits: BTreeMap<String, Value>,
}

/// A shape after mixins are flattened.
#[derive(Clone, Default)]
struct Flat {
    members: IndexMap<String, FlatMember>,
    traits: BTreeMap<String, Value>,
    errors: Vec<String>,
    operations: Vec<String>,
    resources: Vec<String>,
    rename: BTreeMap<String, String>,
    version: Option<String>,
}

#[derive(Clone)]
struct FlatMember {
    target: String,
    traits: BTreeMap<String, Value>,
    /// Where the member is written; the using shape's name for inherited members.
    pos: Pos,
}

/// Traits from `apply` statements aimed at members that the shape does not write itself.
type Deferred = Vec<(String, usize, Pos, BTreeMap<String, Value>)>;

/// Flattening progress of one shape.
enum State {
    InProgress,
    Done(Box<Flat>),
    Failed,
}

struct Resolver<'a> {
    files: &'a [ParsedFile],
    /// What flattening has copied so far (see [`MAX_MIXIN_COPY`]).
    copied: usize,
    scopes: Vec<Scope>,
    /// Every shape defined in the set: root id -> (file index, position).
    defined: HashMap<String, (usize, Pos)>,
    errors: Diagnostics,
}

/// Merges a trait value per the spec's trait conflict rules: arrays concatenate, equal
/// values are fine, anything else conflicts.
fn merge_trait(
    map: &mut BTreeMap<String, Value>,
    name: String,
    value: Value,
) -> Result<(), String> {
    match map.get_mut(&name) {
        None => {
            map.insert(name, value);
            Ok(())
        }
        Some(Value::Array(existing)) => match value {
            Value::Array(more) => {
                existing.extend(more);
                Ok(())
            }
            _ => Err(format!(
                "the trait `{name}` is applied more than once with conflicting values"
            )),
        },
        Some(existing) if *existing == value => Ok(()),
        Some(_) => Err(format!(
            "the trait `{name}` is applied more than once with conflicting values"
        )),
    }
}

/// Appends ids not already present (mixin list properties keep first occurrences).
/// The size of what inheriting `flat` copies: members (name, target, traits) and traits.
fn flat_weight(flat: &Flat) -> usize {
    let traits = |traits: &BTreeMap<String, Value>| -> usize {
        traits
            .iter()
            .map(|(name, value)| name.len() + value_weight(value))
            .sum()
    };
    let members: usize = flat
        .members
        .iter()
        .map(|(name, m)| 1 + name.len() + m.target.len() + traits(&m.traits))
        .sum();
    members
        + traits(&flat.traits)
        + flat.errors.len()
        + flat.operations.len()
        + flat.resources.len()
}

/// A node value's size: one per value plus its string bytes. Node values are nested at
/// most 64 levels deep (the parser's limit), so the recursion is bounded.
fn value_weight(value: &Value) -> usize {
    match value {
        Value::String(s) => 1 + s.len(),
        Value::Array(items) => 1 + items.iter().map(value_weight).sum::<usize>(),
        Value::Object(map) => {
            1 + map
                .iter()
                .map(|(k, v)| k.len() + value_weight(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

fn extend_unique(list: &mut Vec<String>, more: &[String]) {
    for id in more {
        if !list.contains(id) {
            list.push(id.clone());
        }
    }
}

fn shape_ref(target: &str) -> ShapeRef {
    ShapeRef {
        target: target.to_owned(),
    }
}

impl Resolver<'_> {
    fn error(&mut self, file: usize, pos: Pos, shape: Option<&str>, message: impl Into<String>) {
        self.errors.push(Diagnostic {
            file: self.files.get(file).map(|f| f.path.clone()),
            position: Some(pos),
            shape: shape.map(str::to_owned),
            message: message.into(),
        });
    }

    fn location(&self, file: usize, pos: Pos) -> String {
        let path = self
            .files
            .get(file)
            .map_or_else(String::new, |f| f.path.display().to_string());
        format!("{path}:{}:{}", pos.0, pos.1)
    }

    fn namespace(&self, file: usize) -> &str {
        self.scopes
            .get(file)
            .and_then(|s| s.namespace.as_deref())
            .unwrap_or("")
    }

    /// Step 1: every file's namespace and imports, and every defined shape id.
    fn index(&mut self) {
        for (index, parsed) in self.files.iter().enumerate() {
            let mut uses: HashMap<String, String> = HashMap::new();
            for import in &parsed.file.uses {
                let name = import
                    .text
                    .rsplit('#')
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                match uses.get(&name) {
                    Some(existing) if *existing != import.text => {
                        let message = format!(
                            "`use {}` conflicts with `use {existing}`: both import the name `{name}`",
                            import.text
                        );
                        self.error(index, import.pos, None, message);
                    }
                    _ => {
                        uses.insert(name, import.text.clone());
                    }
                }
            }
            self.scopes.push(Scope {
                namespace: parsed.file.namespace.as_ref().map(|(ns, _)| ns.clone()),
                uses,
            });
        }
        for (index, parsed) in self.files.iter().enumerate() {
            let namespace = self.namespace(index).to_owned();
            for shape in &parsed.file.shapes {
                let id = format!("{namespace}#{}", shape.name);
                if let Some(imported) = self.scopes[index].uses.get(&shape.name) {
                    let message = format!(
                        "the shape `{}` has the same name as the shape `{imported}` imported with `use`",
                        shape.name
                    );
                    self.error(index, shape.pos, Some(&id), message);
                }
                if let Some(&(first_file, first_pos)) = self.defined.get(&id) {
                    let message = format!(
                        "the shape `{id}` is defined twice: first at {}, again here",
                        self.location(first_file, first_pos)
                    );
                    self.error(index, shape.pos, Some(&id), message);
                } else {
                    self.defined.insert(id, (index, shape.pos));
                }
            }
        }
    }

    /// Resolves a shape id that must name a shape: imports, then the current namespace
    /// (across all files), then the public prelude; anything else is an error.
    fn resolve_ref(&self, file: usize, text: &str) -> Result<String, String> {
        let Some(parts) = ids::split(text) else {
            return Err(format!("`{text}` is not a valid shape id"));
        };
        if parts.namespace.is_some() {
            return Ok(text.to_owned());
        }
        let root = self.resolve_relative(file, parts.name).ok_or_else(|| {
            format!(
                "cannot resolve the shape id `{text}`: it is not imported with `use`, not defined in the namespace `{}` in the loaded files, and not a prelude shape",
                self.namespace(file)
            )
        })?;
        Ok(match parts.member {
            Some(member) => format!("{root}${member}"),
            None => root,
        })
    }

    fn resolve_relative(&self, file: usize, name: &str) -> Option<String> {
        let scope = self.scopes.get(file)?;
        if let Some(imported) = scope.uses.get(name) {
            return Some(imported.clone());
        }
        if let Some(namespace) = &scope.namespace {
            let id = format!("{namespace}#{name}");
            if self.defined.contains_key(&id) {
                return Some(id);
            }
        }
        prelude::is_public(name).then(|| format!("{}#{name}", prelude::NAMESPACE))
    }

    /// Resolves a syntactic shape id in a node value. Per the spec, one that matches no
    /// import, no shape of the namespace and no prelude shape takes the current namespace
    /// (Smithy flags such ids with a `SyntacticShapeIdTarget` warning; it is not an error).
    /// Without a namespace (metadata in a file with none), the text is kept as written.
    fn resolve_syntactic(&self, file: usize, text: &str) -> String {
        if let Ok(id) = self.resolve_ref(file, text) {
            return id;
        }
        match (
            ids::split(text),
            self.scopes.get(file).and_then(|s| s.namespace.as_ref()),
        ) {
            (Some(parts), Some(namespace)) => match parts.member {
                Some(member) => format!("{namespace}#{}${member}", parts.name),
                None => format!("{namespace}#{}", parts.name),
            },
            _ => text.to_owned(),
        }
    }

    fn json(&self, file: usize, node: &Node) -> Value {
        node.to_json(&|id| self.resolve_syntactic(file, id))
    }

    /// Resolves a reference, reporting failure at `pos`.
    fn reference(&mut self, file: usize, id_ref: &IdRef, shape: &str) -> Option<String> {
        match self.resolve_ref(file, &id_ref.text) {
            Ok(id) => Some(id),
            Err(message) => {
                self.error(file, id_ref.pos, Some(shape), message);
                None
            }
        }
    }

    /// A node that must be a shape reference (unquoted or quoted), resolved strictly.
    fn node_reference(
        &mut self,
        file: usize,
        node: &Node,
        shape: &str,
        what: &str,
    ) -> Option<String> {
        match node.as_text() {
            Some(text) => self.reference(
                file,
                &IdRef {
                    text: text.to_owned(),
                    pos: node.pos,
                },
                shape,
            ),
            None => {
                let message = format!("expected a shape id for {what}, found {}", node.kind_name());
                self.error(file, node.pos, Some(shape), message);
                None
            }
        }
    }

    /// An array of shape references.
    fn node_references(
        &mut self,
        file: usize,
        node: &Node,
        shape: &str,
        what: &str,
    ) -> Vec<String> {
        match &node.value {
            NodeValue::Array(items) => items
                .iter()
                .filter_map(|item| self.node_reference(file, item, shape, what))
                .collect(),
            _ => {
                let message = format!(
                    "expected an array of shape ids for {what}, found {}",
                    node.kind_name()
                );
                self.error(file, node.pos, Some(shape), message);
                Vec::new()
            }
        }
    }

    /// Keeps the exact text of a `default` or `range` value beside it when the JSON value
    /// rounds a number of it (see [`crate::load::number_text`]).
    fn keep_number_text(&self, map: &mut BTreeMap<String, Value>, name: &str, node: &Node) {
        if crate::load::number_text::TRAITS.contains(&name) {
            if let Some(text) = super::node::number_text(node) {
                map.insert(crate::load::number_text::key(name), Value::String(text));
            }
        }
    }

    /// Resolves trait applications (plus documentation comments) into a trait map.
    fn traits(
        &mut self,
        file: usize,
        shape: &str,
        docs: Option<&String>,
        apps: &[TraitApp],
    ) -> BTreeMap<String, Value> {
        let mut map = BTreeMap::new();
        for app in apps {
            let Some(name) = self.reference(file, &app.name, shape) else {
                continue;
            };
            let value = self.json(file, &app.value);
            self.keep_number_text(&mut map, &name, &app.value);
            if let Err(message) = merge_trait(&mut map, name, value) {
                self.error(file, app.name.pos, Some(shape), message);
            }
        }
        // An explicit `@documentation` wins over a documentation comment. A comment is
        // CommonMark and marked so, unless it opens with an HTML tag: then it is HTML, as the
        // trait holds in AWS models (and as Smithy writes those models' comments in IDL).
        if let Some(docs) = docs {
            if !map.contains_key(DOCUMENTATION) {
                map.insert(DOCUMENTATION.to_owned(), Value::String(docs.clone()));
                if !opens_with_html_tag(docs) {
                    map.insert(
                        crate::load::number_text::COMMONMARK_DOCUMENTATION.to_owned(),
                        Value::Bool(true),
                    );
                }
            }
        }
        map
    }

    /// Step 2: builds every shape with resolved references.
    fn build_defs(&mut self) -> IndexMap<String, Def> {
        let mut defs = IndexMap::new();
        for (file, parsed) in self.files.iter().enumerate() {
            let namespace = self.namespace(file).to_owned();
            for shape in &parsed.file.shapes {
                let id = format!("{namespace}#{}", shape.name);
                let is_first = self
                    .defined
                    .get(&id)
                    .is_some_and(|&(f, pos)| f == file && pos == shape.pos);
                if is_first && !defs.contains_key(&id) {
                    let def = self.build_def(file, id.clone(), shape);
                    defs.insert(id, def);
                }
            }
        }
        defs
    }

    fn build_def(&mut self, file: usize, id: String, shape: &ShapeDef) -> Def {
        let traits = self.traits(file, &id, shape.docs.as_ref(), &shape.traits);
        let mixins = shape
            .mixins
            .iter()
            .filter_map(|m| self.reference(file, m, &id).map(|target| (target, m.pos)))
            .collect();
        let for_resource = shape
            .for_resource
            .as_ref()
            .and_then(|r| self.reference(file, r, &id).map(|target| (target, r.pos)));
        let mut def = Def {
            id,
            file,
            pos: shape.pos,
            kind: shape.kind.clone(),
            traits,
            mixins,
            for_resource,
            members: IndexMap::new(),
            input: None,
            output: None,
            errors: Vec::new(),
            version: None,
            operations: Vec::new(),
            resources: Vec::new(),
            rename: BTreeMap::new(),
            other: BTreeMap::new(),
        };
        match &shape.body {
            Body::None => {}
            Body::Members(members) => {
                for member in members {
                    let local = self.build_member(file, &def.id, &def.kind, member);
                    def.members.insert(member.name.clone(), local);
                }
            }
            Body::Operation {
                input,
                output,
                errors,
            } => {
                let id = def.id.clone();
                def.input = input
                    .as_ref()
                    .and_then(|io| self.reference(file, &io.target, &id));
                def.output = output
                    .as_ref()
                    .and_then(|io| self.reference(file, &io.target, &id));
                def.errors = errors
                    .iter()
                    .filter_map(|e| self.reference(file, e, &id))
                    .collect();
            }
            Body::Properties(entries) => {
                for (key, pos, value) in entries {
                    if def.kind == "service" {
                        self.service_property(&mut def, key, *pos, value);
                    } else {
                        self.resource_property(&mut def, key, *pos, value);
                    }
                }
            }
        }
        def
    }

    fn build_member(
        &mut self,
        file: usize,
        shape: &str,
        kind: &str,
        member: &MemberDef,
    ) -> LocalMember {
        let member_id = format!("{shape}${}", member.name);
        let mut traits = self.traits(file, &member_id, member.docs.as_ref(), &member.traits);
        let mut target = member
            .target
            .as_ref()
            .and_then(|t| self.reference(file, t, &member_id));
        match kind {
            "enum" | "intEnum" => {
                target = Some(UNIT.to_owned());
                let value = match (&member.value, kind) {
                    (Some(node), "enum") => match &node.value {
                        NodeValue::Str(text) => Some(Value::String(text.clone())),
                        _ => {
                            let message = format!(
                                "expected a string value for the enum member `{}`, found {}",
                                member.name,
                                node.kind_name()
                            );
                            self.error(file, node.pos, Some(&member_id), message);
                            None
                        }
                    },
                    (Some(node), _) => {
                        match &node.value {
                            NodeValue::Number(n, _) if n.is_i64() || n.is_u64() => {
                                Some(Value::Number(n.clone()))
                            }
                            _ => {
                                let message = format!("expected an integer value for the intEnum member `{}`, found {}", member.name, node.kind_name());
                                self.error(file, node.pos, Some(&member_id), message);
                                None
                            }
                        }
                    }
                    (None, _) => None,
                };
                if let Some(value) = value {
                    if let Err(message) = merge_trait(&mut traits, ENUM_VALUE.to_owned(), value) {
                        self.error(file, member.pos, Some(&member_id), message);
                    }
                }
                if !traits.contains_key(ENUM_VALUE) {
                    if kind == "enum" {
                        traits.insert(ENUM_VALUE.to_owned(), Value::String(member.name.clone()));
                    } else if member.value.is_none() {
                        let message = format!(
                            "the intEnum member `{}` needs a value (`{} = 1`)",
                            member.name, member.name
                        );
                        self.error(file, member.pos, Some(&member_id), message);
                    }
                }
            }
            _ => {
                if let Some(node) = &member.value {
                    let value = self.json(file, node);
                    self.keep_number_text(&mut traits, DEFAULT, node);
                    if let Err(message) = merge_trait(&mut traits, DEFAULT.to_owned(), value) {
                        self.error(file, node.pos, Some(&member_id), message);
                    }
                }
            }
        }
        LocalMember {
            pos: member.pos,
            target,
            elided: member.target.is_none() && !matches!(kind, "enum" | "intEnum"),
            traits,
        }
    }

    fn service_property(&mut self, def: &mut Def, key: &str, pos: Pos, value: &Node) {
        let (file, id) = (def.file, def.id.clone());
        match key {
            "version" => match &value.value {
                NodeValue::Str(text) => def.version = Some(text.clone()),
                _ => {
                    let message = format!(
                        "expected a string for the service `version`, found {}",
                        value.kind_name()
                    );
                    self.error(file, value.pos, Some(&id), message);
                }
            },
            "operations" => def.operations = self.node_references(file, value, &id, "`operations`"),
            "resources" => def.resources = self.node_references(file, value, &id, "`resources`"),
            "errors" => def.errors = self.node_references(file, value, &id, "`errors`"),
            "rename" => match &value.value {
                NodeValue::Object(entries) => {
                    for (from, from_pos, to) in entries {
                        let from_ref = IdRef {
                            text: from.clone(),
                            pos: *from_pos,
                        };
                        let Some(from) = self.reference(file, &from_ref, &id) else {
                            continue;
                        };
                        match &to.value {
                            NodeValue::Str(name) => {
                                def.rename.insert(from, name.clone());
                            }
                            _ => {
                                let message = format!(
                                    "expected a string (the new name) in `rename`, found {}",
                                    to.kind_name()
                                );
                                self.error(file, to.pos, Some(&id), message);
                            }
                        }
                    }
                }
                _ => {
                    let message = format!(
                        "expected an object for `rename`, found {}",
                        value.kind_name()
                    );
                    self.error(file, value.pos, Some(&id), message);
                }
            },
            other => {
                let message = format!(
                    "unknown service property `{other}` (expected `version`, `operations`, `resources`, `errors` or `rename`)"
                );
                self.error(file, pos, Some(&id), message);
            }
        }
    }

    fn resource_property(&mut self, def: &mut Def, key: &str, pos: Pos, value: &Node) {
        let (file, id) = (def.file, def.id.clone());
        match key {
            "identifiers" | "properties" => match &value.value {
                NodeValue::Object(entries) => {
                    let mut map = Map::new();
                    for (name, _, target) in entries {
                        if let Some(target) =
                            self.node_reference(file, target, &id, &format!("`{key}`"))
                        {
                            map.insert(name.clone(), json!({ "target": target }));
                        }
                    }
                    def.other.insert(key.to_owned(), Value::Object(map));
                }
                _ => {
                    let message = format!(
                        "expected an object for `{key}`, found {}",
                        value.kind_name()
                    );
                    self.error(file, value.pos, Some(&id), message);
                }
            },
            "create" | "put" | "read" | "update" | "delete" | "list" => {
                if let Some(target) = self.node_reference(file, value, &id, &format!("`{key}`")) {
                    def.other
                        .insert(key.to_owned(), json!({ "target": target }));
                }
            }
            "operations" => def.operations = self.node_references(file, value, &id, "`operations`"),
            "resources" => def.resources = self.node_references(file, value, &id, "`resources`"),
            "collectionOperations" => {
                let targets = self.node_references(file, value, &id, "`collectionOperations`");
                let refs: Vec<Value> = targets.iter().map(|t| json!({ "target": t })).collect();
                def.other.insert(key.to_owned(), Value::Array(refs));
            }
            other => {
                let message = format!(
                    "unknown resource property `{other}` (expected `identifiers`, `properties`, `create`, `put`, `read`, `update`, `delete`, `list`, `operations`, `collectionOperations` or `resources`)"
                );
                self.error(file, pos, Some(&id), message);
            }
        }
    }

    /// Step 3: `apply` statements. Traits for shapes and for members written in the shape
    /// are merged now (so mixin users inherit them); the rest wait for flattening.
    fn apply_statements(&mut self, defs: &mut IndexMap<String, Def>) -> Deferred {
        let mut deferred = Vec::new();
        for (file, parsed) in self.files.iter().enumerate() {
            for apply in &parsed.file.applies {
                let target = match self.resolve_ref(file, &apply.target.text) {
                    Ok(target) => target,
                    Err(message) => {
                        self.error(file, apply.target.pos, None, message);
                        continue;
                    }
                };
                let (root, member) = match target.split_once('$') {
                    Some((root, member)) => (root.to_owned(), Some(member.to_owned())),
                    None => (target.clone(), None),
                };
                if prelude::is_prelude_id(&root) {
                    let message = format!("cannot apply traits to the prelude shape `{target}`: the prelude cannot be changed");
                    self.error(file, apply.target.pos, Some(&target), message);
                    continue;
                }
                let traits = self.traits(file, &target, None, &apply.traits);
                let Some(def) = defs.get_mut(&root) else {
                    let message = format!("cannot apply traits to `{target}`: no shape `{root}` is defined in the loaded files");
                    self.error(file, apply.target.pos, Some(&target), message);
                    continue;
                };
                let destination = match &member {
                    None => Some(&mut def.traits),
                    Some(name) => def.members.get_mut(name).map(|m| &mut m.traits),
                };
                match destination {
                    Some(map) => {
                        let mut conflicts = Vec::new();
                        for (name, value) in traits {
                            if let Err(message) = merge_trait(map, name, value) {
                                conflicts.push(message);
                            }
                        }
                        for message in conflicts {
                            self.error(file, apply.target.pos, Some(&target), message);
                        }
                    }
                    None => deferred.push((target, file, apply.target.pos, traits)),
                }
            }
        }
        deferred
    }

    /// Step 4: flattens every shape's mixins.
    fn flatten_all(&mut self, defs: &IndexMap<String, Def>) -> HashMap<String, Flat> {
        let mut states: HashMap<String, State> = HashMap::new();
        self.refuse_deep_chains(defs, &mut states);
        for id in defs.keys() {
            self.flatten(defs, &mut states, id, 0);
        }
        states
            .into_iter()
            .filter_map(|(id, state)| match state {
                State::Done(flat) => Some((id, *flat)),
                _ => None,
            })
            .collect()
    }

    fn flatten(
        &mut self,
        defs: &IndexMap<String, Def>,
        states: &mut HashMap<String, State>,
        id: &str,
        depth: usize,
    ) -> Option<Flat> {
        match states.get(id) {
            Some(State::Done(flat)) => return Some(Flat::clone(flat)),
            Some(State::Failed) => return None,
            Some(State::InProgress) => return None,
            None => {}
        }
        let def = defs.get(id)?;
        if depth > MAX_MIXIN_DEPTH {
            let message = format!("mixins are nested more than {MAX_MIXIN_DEPTH} levels deep");
            self.error(def.file, def.pos, Some(id), message);
            states.insert(id.to_owned(), State::Failed);
            return None;
        }
        states.insert(id.to_owned(), State::InProgress);
        let mut flat = Flat::default();
        for (mixin_id, pos) in &def.mixins {
            let Some(mixin) = defs.get(mixin_id) else {
                let message = format!("the mixin `{mixin_id}` is not defined in the loaded files");
                self.error(def.file, *pos, Some(id), message);
                continue;
            };
            if !mixin.traits.contains_key(MIXIN) {
                let message =
                    format!("`{mixin_id}` is used as a mixin but does not have the `@mixin` trait");
                self.error(def.file, *pos, Some(id), message);
                continue;
            }
            if mixin.kind != def.kind {
                let message = format!(
                    "the {} `{id}` cannot use the {} `{mixin_id}` as a mixin (a mixin must be of the same shape type)",
                    def.kind, mixin.kind
                );
                self.error(def.file, *pos, Some(id), message);
                continue;
            }
            if let Some(State::InProgress) = states.get(mixin_id.as_str()) {
                let message = format!("mixins form a cycle: `{id}` uses `{mixin_id}`, which (through its mixins) uses `{id}`");
                self.error(def.file, *pos, Some(id), message);
                continue;
            }
            let Some(mixed) = self.flatten(defs, states, mixin_id, depth + 1) else {
                continue;
            };
            if !self.copy_allowed(def, flat_weight(&mixed)) {
                states.insert(id.to_owned(), State::Failed);
                return None;
            }
            for (name, member) in mixed.members {
                match flat.members.get_mut(&name) {
                    Some(existing) if existing.target != member.target => {
                        let message = format!(
                            "the mixins define the member `{name}` with different targets (`{}` and `{}`)",
                            existing.target, member.target
                        );
                        self.error(def.file, *pos, Some(id), message);
                    }
                    Some(existing) => existing.traits.extend(member.traits),
                    None => {
                        flat.members.insert(
                            name,
                            FlatMember {
                                pos: def.pos,
                                ..member
                            },
                        );
                    }
                }
            }
            let local_traits = self.local_traits(mixin);
            for (name, value) in mixed.traits {
                if name != MIXIN && !local_traits.contains(&name) {
                    flat.traits.insert(name, value);
                }
            }
            extend_unique(&mut flat.errors, &mixed.errors);
            extend_unique(&mut flat.operations, &mixed.operations);
            extend_unique(&mut flat.resources, &mixed.resources);
            flat.rename.extend(mixed.rename);
            if mixed.version.is_some() {
                flat.version = mixed.version;
            }
        }
        for (name, local) in &def.members {
            let member_id = format!("{id}${name}");
            let target = match &local.target {
                Some(target) => Some(target.clone()),
                None if local.elided => self.elide(defs, def, &flat, name),
                // The reference did not resolve; that is already reported.
                None => None,
            };
            let Some(target) = target else {
                continue;
            };
            if let Some((other, _)) = flat
                .members
                .iter()
                .find(|(other, _)| *other != name && other.eq_ignore_ascii_case(name))
            {
                let message = format!("the member `{name}` conflicts with the mixin member `{other}` (member names must be unique, ignoring case)");
                self.error(def.file, local.pos, Some(&member_id), message);
                continue;
            }
            match flat.members.get_mut(name) {
                Some(existing) if existing.target != target => {
                    let message = format!(
                        "the member `{name}` targets `{target}`, but the mixin member it redefines targets `{}` (a redefined mixin member must keep its target)",
                        existing.target
                    );
                    self.error(def.file, local.pos, Some(&member_id), message);
                }
                Some(existing) => {
                    existing.traits.extend(local.traits.clone());
                    existing.pos = local.pos;
                }
                None => {
                    flat.members.insert(
                        name.clone(),
                        FlatMember {
                            target,
                            traits: local.traits.clone(),
                            pos: local.pos,
                        },
                    );
                }
            }
        }
        flat.traits.extend(def.traits.clone());
        extend_unique(&mut flat.errors, &def.errors);
        extend_unique(&mut flat.operations, &def.operations);
        extend_unique(&mut flat.resources, &def.resources);
        flat.rename.extend(def.rename.clone());
        if def.version.is_some() {
            flat.version = def.version.clone();
        }
        states.insert(id.to_owned(), State::Done(Box::new(flat.clone())));
        Some(flat)
    }

    /// Finds every shape's mixin depth (the longest chain of mixins below it) without
    /// recursion, and marks the shapes past [`MAX_MIXIN_DEPTH`] as failed before flattening
    /// starts, so the limit holds whatever order the shapes are written in. Each chain is
    /// reported once, at the shapes that use it and are not themselves mixins of a refused
    /// shape.
    fn refuse_deep_chains(
        &mut self,
        defs: &IndexMap<String, Def>,
        states: &mut HashMap<String, State>,
    ) {
        // 0: not seen; 1: on the path; 2: done (depth known).
        let mut mark: HashMap<&str, u8> = HashMap::new();
        let mut depth: HashMap<&str, usize> = HashMap::new();
        for root in defs.keys() {
            let mut path: Vec<(&str, usize)> = vec![(root.as_str(), 0)];
            while let Some((id, at)) = path.last_mut() {
                let id: &str = id;
                mark.entry(id).or_insert(1);
                let mixins = defs.get(id).map_or(&[][..], |d| &d.mixins[..]);
                if let Some((next, _)) = mixins.get(*at) {
                    *at += 1;
                    if defs.contains_key(next.as_str()) && !mark.contains_key(next.as_str()) {
                        path.push((next.as_str(), 0));
                    }
                    continue;
                }
                // A mixin still on the path is a cycle, which flattening reports.
                let below = mixins
                    .iter()
                    .filter(|(m, _)| mark.get(m.as_str()) == Some(&2))
                    .filter_map(|(m, _)| depth.get(m.as_str()))
                    .map(|d| d + 1)
                    .max()
                    .unwrap_or(0);
                depth.insert(id, below);
                mark.insert(id, 2);
                path.pop();
            }
        }
        let too_deep = |id: &str| depth.get(id).is_some_and(|&d| d > MAX_MIXIN_DEPTH);
        let mut under_refused: std::collections::HashSet<&str> = Default::default();
        for (id, def) in defs {
            if too_deep(id) {
                under_refused.extend(def.mixins.iter().map(|(m, _)| m.as_str()));
            }
        }
        for (id, def) in defs {
            if !too_deep(id) {
                continue;
            }
            states.insert(id.clone(), State::Failed);
            if !under_refused.contains(id.as_str()) {
                let levels = depth.get(id.as_str()).copied().unwrap_or(0);
                let message = format!(
                    "its mixins are nested {levels} levels deep; at most {MAX_MIXIN_DEPTH} are allowed"
                );
                self.error(def.file, def.pos, Some(id), message);
            }
        }
    }

    /// Counts what flattening copies; false (reported once) past [`MAX_MIXIN_COPY`].
    fn copy_allowed(&mut self, def: &Def, weight: usize) -> bool {
        if self.copied > MAX_MIXIN_COPY {
            return false;
        }
        self.copied += weight;
        if self.copied > MAX_MIXIN_COPY {
            let message = format!(
                "flattening the mixins would copy more than {} MiB of members and traits into the shapes that use them (the limit)",
                MAX_MIXIN_COPY / (1024 * 1024)
            );
            self.error(def.file, def.pos, Some(&def.id), message);
            return false;
        }
        true
    }

    /// The traits a mixin keeps to itself (`@mixin(localTraits: [...])`), as absolute ids.
    fn local_traits(&self, mixin: &Def) -> Vec<String> {
        let Some(list) = mixin
            .traits
            .get(MIXIN)
            .and_then(|m| m.get("localTraits"))
            .and_then(Value::as_array)
        else {
            return Vec::new();
        };
        list.iter()
            .filter_map(Value::as_str)
            .map(|text| {
                if text.contains('#') {
                    text.to_owned()
                } else {
                    self.resolve_syntactic(mixin.file, text)
                }
            })
            .collect()
    }

    /// The target of an elided member (`$name`): the `for` resource's identifier or property
    /// of that name, else the mixin member of that name.
    fn elide(
        &mut self,
        defs: &IndexMap<String, Def>,
        def: &Def,
        flat: &Flat,
        name: &str,
    ) -> Option<String> {
        let member_id = format!("{}${name}", def.id);
        let pos = def.members.get(name).map_or(def.pos, |m| m.pos);
        if let Some((resource_id, resource_pos)) = &def.for_resource {
            match defs.get(resource_id).filter(|r| r.kind == "resource") {
                Some(resource) => {
                    for key in ["identifiers", "properties"] {
                        let target = resource
                            .other
                            .get(key)
                            .and_then(|map| map.get(name))
                            .and_then(|r| r.get("target"))
                            .and_then(Value::as_str);
                        if let Some(target) = target {
                            return Some(target.to_owned());
                        }
                    }
                }
                None => {
                    let message = format!("the resource `{resource_id}` named after `for` is not a resource defined in the loaded files");
                    self.error(def.file, *resource_pos, Some(&def.id), message);
                    return None;
                }
            }
        }
        if let Some(member) = flat.members.get(name) {
            return Some(member.target.clone());
        }
        let message = match (&def.for_resource, def.mixins.is_empty()) {
            (Some((resource, _)), false) => format!(
                "cannot elide the target of `${name}`: neither the resource `{resource}` (identifiers and properties) nor the mixins have a member `{name}`"
            ),
            (Some((resource, _)), true) => format!(
                "cannot elide the target of `${name}`: the resource `{resource}` has no identifier or property `{name}` and the shape has no mixins"
            ),
            (None, false) => format!(
                "cannot elide the target of `${name}`: no mixin has a member `{name}`"
            ),
            (None, true) => format!(
                "cannot elide the target of `${name}`: the shape has no mixins and no `for` resource to take it from"
            ),
        };
        self.error(def.file, pos, Some(&member_id), message);
        None
    }

    /// Step 5: applied traits for members that only exist through mixins; they supersede
    /// the inherited values.
    fn apply_to_inherited(
        &mut self,
        defs: &IndexMap<String, Def>,
        flats: &mut HashMap<String, Flat>,
        deferred: Deferred,
    ) {
        for (target, file, pos, traits) in deferred {
            let (root, member) = target.split_once('$').unwrap_or((&target, ""));
            if defs.contains_key(root) && !flats.contains_key(root) {
                // Flattening failed; that error is already reported.
                continue;
            }
            match flats
                .get_mut(root)
                .and_then(|flat| flat.members.get_mut(member))
            {
                Some(member) => member.traits.extend(traits),
                None => {
                    let message = format!(
                        "cannot apply traits to `{target}`: `{root}` has no member `{member}`"
                    );
                    self.error(file, pos, Some(&target), message);
                }
            }
        }
    }

    /// Merges metadata of all files per the spec: arrays concatenate, equal values are
    /// fine, other conflicts are errors.
    fn metadata(&mut self) -> BTreeMap<String, Value> {
        let mut merged = BTreeMap::new();
        for (file, parsed) in self.files.iter().enumerate() {
            for (key, pos, node) in &parsed.file.metadata {
                let value = self.json(file, node);
                if merge_trait(&mut merged, key.clone(), value).is_err() {
                    let message = format!("the metadata key `{key}` is set more than once with conflicting values (only arrays can be combined)");
                    self.error(file, *pos, None, message);
                }
            }
        }
        merged
    }

    /// Step 6: one JSON AST model per file. The merged metadata goes on the first file.
    fn emit(
        &mut self,
        defs: &IndexMap<String, Def>,
        mut flats: HashMap<String, Flat>,
        metadata: BTreeMap<String, Value>,
    ) -> Vec<ResolvedFile> {
        let mut loaded: Vec<ResolvedFile> = self
            .files
            .iter()
            .map(|parsed| ResolvedFile {
                path: parsed.path.clone(),
                document: Document {
                    smithy: "2.0".to_owned(),
                    metadata: BTreeMap::new(),
                    shapes: BTreeMap::new(),
                },
                positions: BTreeMap::new(),
            })
            .collect();
        if let Some(first) = loaded.first_mut() {
            first.document.metadata = metadata;
        }
        for (id, def) in defs {
            let Some(flat) = flats.remove(id) else {
                continue;
            };
            let Some(out) = loaded.get_mut(def.file) else {
                continue;
            };
            out.positions.insert(id.clone(), def.pos);
            for (name, member) in &flat.members {
                out.positions.insert(format!("{id}${name}"), member.pos);
            }
            let mut members: IndexMap<String, MemberShape> = flat
                .members
                .into_iter()
                .map(|(name, m)| {
                    (
                        name,
                        MemberShape {
                            target: m.target,
                            traits: m.traits,
                        },
                    )
                })
                .collect();
            let (mut member, mut key, mut value) = (None, None, None);
            match def.kind.as_str() {
                "list" | "set" => {
                    member = members.shift_remove("member");
                    if member.is_none() {
                        self.error(
                            def.file,
                            def.pos,
                            Some(id),
                            format!("the {} `{id}` has no `member`", def.kind),
                        );
                    }
                }
                "map" => {
                    key = members.shift_remove("key");
                    value = members.shift_remove("value");
                    if key.is_none() || value.is_none() {
                        self.error(
                            def.file,
                            def.pos,
                            Some(id),
                            format!("the map `{id}` needs both a `key` and a `value`"),
                        );
                    }
                }
                _ => {}
            }
            let shape = Shape {
                kind: ShapeKind::parse(&def.kind),
                members,
                member,
                key,
                value,
                input: def.input.as_deref().map(shape_ref),
                output: def.output.as_deref().map(shape_ref),
                errors: flat.errors.iter().map(|e| shape_ref(e)).collect(),
                version: flat.version,
                operations: flat.operations.iter().map(|o| shape_ref(o)).collect(),
                resources: flat.resources.iter().map(|r| shape_ref(r)).collect(),
                rename: flat.rename,
                mixins: def.mixins.iter().map(|(m, _)| shape_ref(m)).collect(),
                traits: flat.traits,
                other: def.other.clone(),
            };
            out.document.shapes.insert(id.clone(), shape);
        }
        loaded
    }
}

/// Whether text opens with an HTML tag (`<p>`, `<div class="x">`, `<br/>`), not with an
/// autolink (`<https://...>`) or a bare `<`.
fn opens_with_html_tag(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix('<') else {
        return false;
    };
    let name = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .len();
    name > 0
        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
        && rest[name..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
}
