//! Side-by-side benchmarks of the generated `kms-api` crate and the official `aws-sdk-kms`.
//!
//! The benchmarks themselves are in `benches/compare.rs` (run them with
//! `cargo bench -p kms-bench --features peer`); this library holds what they share and what
//! the tests check without building the peer: the deterministic inputs and responses
//! ([`fixtures`]), and the step that turns criterion's estimates into ratios and a results
//! file ([`report`]). See `bench/README.md`.

pub mod fixtures;
#[cfg(feature = "peer")]
pub mod peer;
pub mod report;
