//! Pass 2, names: the module and Rust name of every generated type, decided once for the
//! whole closure, and each operation's names. A structure used by exactly one operation as
//! its input or output, and nowhere else, lives in that operation's module; every other
//! type is shared. Two types that would share a name in one module are told apart
//! deterministically: the one in the service's namespace keeps the name, others get their
//! namespace's last segment in front, then a number.

use super::closure::Closure;
use super::ir::{Module, StructureRole, TypeName, TypeRef};
use super::names;
use super::select::Selection;
use crate::load::{Model, ShapeId, ShapeKind};
use std::collections::{BTreeMap, BTreeSet};

/// The names of everything generated.
pub(super) struct Names {
    types: BTreeMap<ShapeId, TypeName>,
    roles: BTreeMap<ShapeId, StructureRole>,
    operations: BTreeMap<ShapeId, OperationNames>,
    /// Inputs and outputs the model does not give (see [`OperationNames::input`]).
    synthesized: BTreeSet<ShapeId>,
}

/// What an operation's generated items are called.
pub(super) struct OperationNames {
    /// The marker type's name (`ConnectCustomKeyStore`).
    pub rust_name: String,
    /// The module's name (`connect_custom_key_store`).
    pub module: String,
    /// The input structure: the model's, or `ns#Operation$Input` when the model has none
    /// (or `smithy.api#Unit`).
    pub input: ShapeId,
    /// The output structure, likewise.
    pub output: ShapeId,
}

impl Names {
    /// A reference to the generated type of shape `id`.
    pub fn type_ref(&self, id: &ShapeId) -> TypeRef {
        TypeRef {
            id: id.clone(),
            name: self.type_name(id),
        }
    }

    /// The module and Rust name of the generated type of shape `id`.
    pub fn type_name(&self, id: &ShapeId) -> TypeName {
        self.types.get(id).cloned().unwrap_or_else(|| TypeName {
            module: Module::Types,
            name: names::type_name(id.name()),
        })
    }

    /// What a structure is for.
    pub fn role(&self, id: &ShapeId) -> StructureRole {
        self.roles.get(id).copied().unwrap_or(StructureRole::Shared)
    }

    /// Whether `id` is an input or output the model does not give: an empty structure of
    /// that id stands in, so that every operation has the same API.
    pub fn is_synthesized(&self, id: &ShapeId) -> bool {
        self.synthesized.contains(id)
    }

    /// An operation's names.
    pub fn operation(&self, id: &ShapeId) -> Option<&OperationNames> {
        self.operations.get(id)
    }

    /// The selected operations with their names, sorted by Rust name (as generated).
    pub fn operations(&self) -> Vec<(&ShapeId, &OperationNames)> {
        let mut sorted: Vec<_> = self.operations.iter().collect();
        sorted.sort_by(|a, b| a.1.rust_name.cmp(&b.1.rust_name));
        sorted
    }
}

/// Names the closure's types and the selected operations.
pub(super) fn assign(model: &Model, selection: &Selection, closure: &Closure) -> Names {
    let mut names = Names {
        types: BTreeMap::new(),
        roles: BTreeMap::new(),
        operations: BTreeMap::new(),
        synthesized: BTreeSet::new(),
    };
    let mut taken: BTreeSet<(Module, String)> = BTreeSet::new();
    // Operations whose names differ only in case or underscores (`GetThing`, `Get_Thing`,
    // `getThing`) would share a module and a marker type: in shape id order, the first keeps
    // the name and the others get a number, so no operation is ever lost.
    let mut operation_names: BTreeSet<String> = BTreeSet::new();
    let mut operation_modules: BTreeSet<String> = BTreeSet::new();
    let mut sorted_operations: Vec<&ShapeId> = selection.operations.iter().collect();
    sorted_operations.sort();
    for op_id in sorted_operations {
        let base_module = names::field_name(selection.shape_name(op_id));
        let base_name = names::type_name(selection.shape_name(op_id));
        let (module, rust_name) = (1..)
            .map(|n| match n {
                1 => (base_module.clone(), base_name.clone()),
                n => (
                    format!("{}{n}", base_module.trim_start_matches("r#")),
                    format!("{base_name}{n}"),
                ),
            })
            .find(|(module, name)| {
                !operation_modules.contains(module) && !operation_names.contains(name)
            })
            .unwrap_or((base_module, base_name));
        operation_modules.insert(module.clone());
        operation_names.insert(rust_name.clone());
        let own_module = Module::Operation(module.clone());
        taken.insert((own_module.clone(), names::with_suffix(&rust_name, "Error")));
        taken.insert((own_module.clone(), rust_name.clone()));
        let op = model.get(op_id);
        let mut io = |target: Option<&ShapeId>, suffix: &str, role| match target {
            Some(id) if !id.is_unit() => id.clone(),
            _ => {
                let id = op_id.with_member(suffix);
                let name = TypeName {
                    module: own_module.clone(),
                    name: names::with_suffix(&rust_name, suffix),
                };
                names.types.insert(id.clone(), name);
                names.roles.insert(id.clone(), role);
                names.synthesized.insert(id.clone());
                id
            }
        };
        let input = io(
            op.and_then(|op| op.input.as_ref()),
            "Input",
            StructureRole::Input,
        );
        let output = io(
            op.and_then(|op| op.output.as_ref()),
            "Output",
            StructureRole::Output,
        );
        names.operations.insert(
            op_id.clone(),
            OperationNames {
                rust_name,
                module,
                input,
                output,
            },
        );
    }
    let mut candidates: Vec<(Module, String, bool, ShapeId)> = Vec::new();
    for id in &closure.shapes {
        let Some(shape) = model.get(id) else {
            continue;
        };
        let module = match shape.kind {
            ShapeKind::Structure if shape.traits.is_error() => {
                names.roles.insert(id.clone(), StructureRole::Error);
                Module::Errors
            }
            ShapeKind::Structure => {
                let (role, module) = placement(selection, closure, id);
                names.roles.insert(id.clone(), role);
                module
            }
            ShapeKind::Enum | ShapeKind::IntEnum | ShapeKind::Union => Module::Types,
            _ => continue,
        };
        let foreign = id.namespace() != selection.service_id.namespace();
        let base = names::type_name(selection.shape_name(id));
        candidates.push((module, base, foreign, id.clone()));
    }
    candidates.sort();
    for (module, base, _, id) in candidates {
        let is_structure = model
            .get(&id)
            .is_some_and(|s| s.kind == ShapeKind::Structure);
        let free = |name: &str| {
            let builder_taken =
                is_structure && taken.contains(&(module.clone(), names::builder_name(name)));
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
            taken.insert((module.clone(), names::builder_name(&name)));
        }
        taken.insert((module.clone(), name.clone()));
        names.types.insert(id, TypeName { module, name });
    }
    names
}

/// A structure used by exactly one operation as its input or output, and nowhere else,
/// lives in that operation's module; every other structure is shared.
fn placement(selection: &Selection, closure: &Closure, id: &ShapeId) -> (StructureRole, Module) {
    let Some(uses) = closure.uses.get(id) else {
        return (StructureRole::Shared, Module::Types);
    };
    let own_module = |op: &ShapeId| Module::Operation(names::field_name(selection.shape_name(op)));
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
