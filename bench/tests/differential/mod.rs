//! The pieces of `peer_differential`: the model facts it reads at test time (`model`), the
//! hand-written value tables (`strings`, `enums`), the random inputs and responses
//! (`inputs`, `responses`), each operation on both sides (`ops`) and the canonical form both
//! sides are compared in (`canonical`, shared with `peer_agrees`).

pub mod canonical;
pub mod enums;
pub mod inputs;
pub mod model;
pub mod ops;
pub mod responses;
pub mod strings;
