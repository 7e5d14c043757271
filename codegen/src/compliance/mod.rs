//! Protocol compliance tests: the `smithy.test#httpRequestTests` and
//! `smithy.test#httpResponseTests` cases of a model, turned into Rust tests of its generated
//! crate.
//!
//! The stages mirror the generator's: `cases` reads the test traits from the loaded model
//! and decides what runs (the *plan*), `values` turns a case's `params` into Rust
//! expressions that build the typed value through the generated builders, and `emit` writes
//! the test file. What is not run, and why, is decided in one place: `exclusions`.

mod case_headers;
mod cases;
mod emit;
mod exclusions;
pub mod expected_names;
mod facts;
mod server_emit;
mod side;
mod typed_wire;
mod values;

pub use cases::{
    collect_cases, unplanned_cases, Case, CaseKind, Disposition, Side, REQUEST_TESTS,
    RESPONSE_TESTS,
};
pub use emit::{test_file, SUPPORT_FILE};
pub use exclusions::no_service;
pub use facts::ModelFacts;
pub use typed_wire::{wire_test_file, WireCase};
