//! The one place that says which compliance cases are not run, and why.
//!
//! A case is excluded only for a protocol feature this generator has decided not to support.
//! Everything else runs, and a case that cannot be turned into a test counts as a failure.

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
