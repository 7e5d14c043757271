//! Protocol compliance tests: the `smithy.test#httpRequestTests` and
//! `smithy.test#httpResponseTests` cases of a model, turned into Rust tests of its generated
//! crate.
//!
//! The stages mirror the generator's: [`cases`] reads the test traits from the loaded model
//! and decides what runs (the *plan*), [`values`] turns a case's `params` into Rust
//! expressions that build the typed value through the generated builders, and [`emit`] writes
//! the test file. What is not run, and why, is decided in one place: [`exclusions`].

pub mod cases;
pub mod emit;
pub mod exclusions;
pub mod expected_names;
pub mod facts;
pub mod typed_wire;
pub mod values;

pub use cases::{collect_cases, Case, CaseKind, Disposition};
pub use emit::{test_file, SUPPORT_FILE};
pub use facts::ModelFacts;
pub use typed_wire::{wire_test_file, WireCase};
