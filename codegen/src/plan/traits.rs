//! Which traits would change the wire in ways this generator does not implement (those are
//! errors, never silently dropped).

use super::closure::Closure;
use super::problems::Problems;
use crate::load::{Model, TraitId, Traits};

/// Traits that change the awsJson wire format and are not implemented: generating code while
/// ignoring them would produce a crate that silently speaks the wrong protocol.
/// (`requestCompression` is implemented: see `Operation::request_compression`.)
const UNSUPPORTED_WIRE_TRAITS: &[(TraitId, &str)] = &[
    (
        TraitId::Streaming,
        "streaming blobs and event streams are not supported",
    ),
    (TraitId::EventHeader, "event streams are not supported"),
    (TraitId::EventPayload, "event streams are not supported"),
];

/// Reports the traits on the closure's shapes and their members that this generator cannot
/// honour.
pub(super) fn check_closure(model: &Model, closure: &Closure, problems: &mut Problems) {
    for shape in closure.shapes.iter().filter_map(|id| model.get(id)) {
        for why in unsupported(&shape.traits) {
            problems.report(&shape.id, why);
        }
        for member in shape.members.values() {
            for why in unsupported(&member.traits) {
                problems.report(&member.id, why);
            }
        }
    }
}

/// Why each trait of a shape or member cannot be generated, for the traits this generator
/// cannot honour: unsupported wire traits and unknown timestamp formats.
fn unsupported(traits: &Traits) -> Vec<String> {
    let mut found: Vec<String> = UNSUPPORTED_WIRE_TRAITS
        .iter()
        .filter(|(id, _)| traits.has(*id))
        .map(|(id, why)| format!("trait `{}`: {why}", id.id()))
        .collect();
    if let Some(Err(why)) = &traits.timestamp_format {
        found.push(format!("trait `{}`: {why}", TraitId::TimestampFormat.id()));
    }
    found
}
