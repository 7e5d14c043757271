//! The one place that says which compliance cases are not run, and why.
//!
//! A case is excluded only for a protocol feature this generator has decided not to support
//! (cases whose operation the planner leaves out of the crate: event streams, streaming
//! blobs), or, on the server side, when the case is not a whole request or response of the
//! protocol (it was written for clients and applies to both sides only by default). A
//! request case written for servers only (`appliesTo: server`) that forgets `X-Amz-Target`
//! is not excluded: it is sent with its operation's target (see `cases.rs`), with a note.
//! Everything else runs, on each side it applies to (client and server), and a case that
//! cannot be turned into a test counts as a failure.

use super::side::Side;
use crate::load::ShapeId;

use serde_json::Value;

/// Why a case is not run on `side`, or `None` when it runs.
pub fn exclusion(case: &Value, side: Side, is_request: bool) -> Option<&'static str> {
    if side == Side::Client {
        return None;
    }
    let has_target = case
        .get("headers")
        .and_then(Value::as_object)
        .is_some_and(|headers| {
            headers
                .keys()
                .any(|name| name.eq_ignore_ascii_case("x-amz-target"))
        });
    match (is_request, has_target) {
        (true, false) => Some(
            "server side: the case gives no X-Amz-Target header, so it is not a request a \
             server could route; it checks what a client adds to its requests",
        ),
        (false, true) => Some(
            "server side: the case expects the response to carry X-Amz-Target, a request \
             header that no awsJson response has; the client side, which only reads the \
             response, runs it",
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
