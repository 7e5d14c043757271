//! The model-independent runtime of a generated crate.
//!
//! Every file under `wire/`, `primitives/` and `validation/` is copied verbatim into each
//! generated crate by the emitter (`codegen/src/emit/runtime.rs`), at the same path relative
//! to the crate root, so `crate::` paths inside these files mean the same thing here and
//! there. The module roots (`wire.rs`, `primitives.rs`, `validation.rs`) are not copied: the
//! emitter writes them per model, with the model's protocol and patterns, declaring the same
//! files as here (only those the model uses).
//!
//! Optional pieces sit behind this crate's features, named as in the emitter's usage scan.
//! Inside a copied file, a line `#[cfg(feature = "...")]` marks an item the emitter keeps
//! (without the line) when the model uses the feature and drops otherwise.
//!
//! This crate exists so that the code is compiled, linted, unit-tested and documented on its
//! own, before any model is involved.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "documents")]
pub mod example;
pub mod primitives;
#[cfg(feature = "server")]
pub mod server;
pub mod validation;
pub mod wire;
