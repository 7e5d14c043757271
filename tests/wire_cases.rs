//! Data-driven wire tests: every `*.json` case file under `tests/wire/`, and under
//! `$WIRE_CASES_DIR` when set, run against the generated crate, plus the cases derived from
//! the model's examples. A file is an array of cases (or `{"model": "<model file>", "cases":
//! [...]}` for a case file that targets another model's crate, run by `cargo xtask
//! verify-models`):
//!
//! - `{"kind": "request", "name", "operation", "input", "expect": {"method", "uri", "headers", "body"}}`:
//!   the input (wire JSON) is serialized and compared; the body as JSON, numbers by value,
//!   headers by name case-insensitively (listed headers must match, others may exist).
//! - `{"kind": "response", "name", "operation", "status", "headers", "body", "expect": {"output" | "error"}}`:
//!   the response is parsed; an output is re-serialized and must equal `expect.output`
//!   exactly; an error must be `expect.error.variant` (the modelled error's wire name or
//!   `Unhandled`) with the optional `code`, `message`, `status` and `request_id`.
//! - A request case may expect `{"rejected": "<member path>"}` instead, and may list
//!   `"generated"` body members (idempotency tokens) that must be present but are not compared.
//!
//! Keys left out of `expect` are not checked. Every failure is reported with its file, name and
//! a diff, and the count of cases run is printed, so an empty directory cannot pass silently.

use kms_api as api;
use std::path::PathBuf as CasePath;
use workspace_tests::root;

include!("wire_harness.rs");

fn dispatch(case: &Value) -> Result<(), String> {
    use api::operations::*;
    match field(case, "operation")?.as_str() {
        Some("ConnectCustomKeyStore") => {
            run_case::<connect_custom_key_store::ConnectCustomKeyStore>(case)
        }
        Some("CreateCustomKeyStore") => {
            run_case::<create_custom_key_store::CreateCustomKeyStore>(case)
        }
        Some("DeleteCustomKeyStore") => {
            run_case::<delete_custom_key_store::DeleteCustomKeyStore>(case)
        }
        Some("DescribeCustomKeyStores") => {
            run_case::<describe_custom_key_stores::DescribeCustomKeyStores>(case)
        }
        Some("DisconnectCustomKeyStore") => {
            run_case::<disconnect_custom_key_store::DisconnectCustomKeyStore>(case)
        }
        Some("UpdateCustomKeyStore") => {
            run_case::<update_custom_key_store::UpdateCustomKeyStore>(case)
        }
        other => Err(format!("unknown operation {other:?}")),
    }
}

#[test]
fn wire_cases() {
    let mut dirs = vec![root().join("tests/wire")];
    if let Some(extra) = std::env::var_os("WIRE_CASES_DIR") {
        dirs.push(CasePath::from(extra));
    }
    let examples: Vec<Case> =
        codegen::wire_cases::from_examples(&workspace_tests::generate_bundled().service)
            .cases
            .into_iter()
            .map(|body| Case {
                file: CasePath::from("models/ (smithy.api#examples)"),
                name: body["name"].as_str().unwrap_or_default().to_owned(),
                body,
            })
            .collect();
    assert!(examples.len() >= 10, "every model example becomes a case");
    let failures = run_suite(&dirs, None, examples, dispatch);
    assert!(
        failures.is_empty(),
        "{} wire cases failed (see FAILED lines above)",
        failures.len()
    );
}
