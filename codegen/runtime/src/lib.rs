//! The model-independent runtime of a generated crate.
//!
//! Every module below is a file that the emitter copies verbatim into each generated crate, at
//! the same path relative to the crate root, so `crate::` paths inside these files mean the
//! same thing here and there. This crate exists so that the code is compiled, linted,
//! unit-tested and documented on its own, before any model is involved.

// Used by the generated operation files, which this crate does not have.
#[allow(unused_macros, unused_imports)]
mod operation_error;
