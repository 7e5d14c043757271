//! *Plan*: turn loaded model files into a resolved, validated [`ir::Service`].
//!
//! The planner runs in passes, each in its own file, each taking the typed results of the
//! ones before it:
//!
//! 1. `select` the service and operations, walk their `closure`, and refuse the
//!    `traits` it uses that the generator cannot honour;
//! 2. `naming`: the module and Rust name of every generated type and operation;
//! 3. `graph`: one walk over the members of structures and unions, recording what each
//!    holds, which the next passes read;
//! 4. `cycles`: members boxed to break recursion, and required cycles refused;
//! 5. `types`: the Rust type of every member;
//! 6. `constraints`: the `length`, `pattern` and `range` of every member;
//! 7. `checks`: what client-side validation covers, and the numbered patterns;
//! 8. `convert` (and `enums`): the type table, every entry complete when built;
//! 9. `operations` (and `pagination`), planned against the table.
//!
//! Every pass reports into one collection of problems (dangling targets, unsupported shape
//! types and wire traits, invalid trait values, Rust name collisions), so a maintainer sees
//! every mistake in one run. Ordering is deterministic throughout (BTreeMap, sorted vectors).

mod checks;
mod closure;
mod components;
mod constraints;
mod convert;
mod cycles;
mod decided;
mod defaults;
pub mod docs;
mod enums;
mod graph;
pub mod ir;
mod markdown;
mod member_names;
pub mod names;
mod naming;
mod operations;
mod pagination;
pub mod pattern;
pub mod pattern_dfa;
mod problems;
mod select;
mod traits;
mod types;

use crate::diagnostics::Diagnostics;
use crate::load::{LoadedFile, Model, ShapeId, ShapeKind};
use ir::{Protocol, Service};
use problems::Problems;
use select::Selection;

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
    let mut problems = Problems::new(&model);
    let selection = select::select(&model, options, &mut problems)?;
    let closure = closure::walk(&model, &selection, &mut problems);
    traits::check_closure(&model, &closure, &mut problems);
    let names = naming::assign(&model, &selection, &closure);
    let graph = graph::references(&model, &closure);
    let boxed = cycles::boxed_members(&graph);
    cycles::check_required(&graph, &mut problems);
    let types = types::member_types(&model, &closure, &names, &boxed, &mut problems);
    let limits = constraints::member_limits(&model, &types, &mut problems);
    let inputs = names
        .operations()
        .into_iter()
        .map(|(_, op)| op.input.clone());
    let checks = checks::plan(&graph, &limits, inputs);
    let decided = decided::Decided {
        model: &model,
        selection: &selection,
        names: &names,
        types: &types,
        limits: &limits,
        checks: &checks,
    };
    let table = convert::table(&decided, &closure, &mut problems);
    let (operations, mut warnings) = operations::plan(&decided, &table, &mut problems);
    warnings.extend(problems.take_warnings());
    let protocol = protocol(&selection, &mut problems);
    let traits = &selection.service.traits;
    let sdk_id = traits
        .aws_service
        .as_ref()
        .and_then(|service| service.sdk_id.as_deref())
        .unwrap_or(selection.service_id.name())
        .to_owned();
    let service = Service {
        crate_name: options
            .crate_name
            .clone()
            .unwrap_or_else(|| default_crate_name(&sdk_id)),
        sdk_id,
        version: selection.service.version.clone().unwrap_or_default(),
        title: traits.title.clone(),
        docs: decided::docs_of(traits),
        protocol: protocol.unwrap_or(Protocol::AwsJson1_1),
        query_compatible: selection.service.traits.aws_query_compatible,
        signing_name: traits.sigv4.as_ref().and_then(|sigv4| sigv4.name.clone()),
        operations,
        types: table,
        patterns: checks.patterns,
        warnings,
        shape_count: closure.shapes.len() + selection.operations.len(),
        id: selection.service_id,
        skipped: selection.skipped,
    };
    problems.into_result(service)
}

/// The service's protocol: awsJson 1.1 when it has both.
fn protocol(selection: &Selection, problems: &mut Problems) -> Option<Protocol> {
    let traits = &selection.service.traits;
    match (traits.aws_json_1_0, traits.aws_json_1_1) {
        (true, false) => Some(Protocol::AwsJson1_0),
        (_, true) => Some(Protocol::AwsJson1_1),
        (false, false) => {
            let others = traits.other_protocols();
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
            problems.report(&selection.service_id, message);
            None
        }
    }
}

/// The type of the shape `id` names, prelude shapes included; for an id that names no
/// shape, what the prelude would call a shape of that name (`unknown` for most).
fn kind_of(model: &Model, id: &ShapeId) -> ShapeKind {
    model
        .kind_of(id)
        .unwrap_or_else(|| ShapeKind::of_prelude(id.name()))
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
