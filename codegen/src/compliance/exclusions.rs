//! The one place that says which compliance cases are not run, and why.
//!
//! A case is excluded only for a protocol feature this generator has decided not to support:
//! server-side cases, and cases whose operation the planner leaves out of the crate (event
//! streams, streaming blobs). Everything else runs, and a case that cannot be turned into a
//! test counts as a failure.

use crate::load::ShapeId;

use serde_json::Value;

/// Why a case is not run, or `None` when it runs.
pub fn exclusion(case: &Value) -> Option<&'static str> {
    match case.get("appliesTo").and_then(Value::as_str) {
        Some("server") => Some(
            "appliesTo: server: the case checks how a server reads requests or writes \
             responses; this generator builds clients",
        ),
        _ => None,
    }
}

/// Why a case on an operation the planner skipped is not run; `why` is the planner's reason.
pub fn skipped_operation(operation: &ShapeId, why: &str) -> String {
    format!("the operation {operation} is not generated: {why}")
}

/// Why a response case on an error that only skipped operations return is not run.
pub fn error_of_skipped_operation(operation: &ShapeId, why: &str) -> String {
    format!(
        "no generated operation returns this error; it belongs to {operation}, which is not \
         generated: {why}"
    )
}

/// Why a case that no service under the suite's directory can run is not run: its shape is
/// not an operation (or error of one) of a service that speaks the case's protocol.
pub fn no_service(shape: &str, protocol: &str) -> String {
    format!(
        "no service in the suite that speaks {protocol} generates {shape}, so there is no \
         crate to run it against"
    )
}
