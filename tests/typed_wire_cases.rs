//! The wire cases of `tests/wire/` and the model's examples, with typed expectations: each
//! case's input and expected output are built through the generated builders with enum
//! variants named in code (written by `build.rs` from the case files and the model), so a
//! mapping that is wrong in both directions fails here even though it round-trips. Every
//! error of every operation is also read with the status its model gives and a request id,
//! and both must be kept. `wire_cases.rs` runs the same files as JSON comparisons.
#![allow(
    deprecated,
    clippy::redundant_closure_call,
    clippy::needless_question_mark
)]

use kms_api as api;
use kms_api::wire::OperationError as _;

#[path = "../codegen/src/compliance/support.rs.txt"]
mod support;

include!(concat!(env!("OUT_DIR"), "/typed_wire_cases.rs"));
