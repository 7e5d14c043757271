//! Client-side checks of the model's constraints (`length`, `pattern`, `range`), run
//! before a request is serialized so that mistakes are found without a round trip.
//!
//! A generated crate's `validation.rs` is written by the emitter, with the model's patterns
//! as statics; it declares the same files as this one (only those the model uses).

#[cfg(feature = "patterns")]
mod automaton;
mod checks;
#[cfg(feature = "patterns")]
mod pattern;
mod violations;

#[cfg(feature = "patterns")]
pub use automaton::*;
pub use checks::*;
#[cfg(feature = "patterns")]
pub use pattern::*;
pub use violations::*;
