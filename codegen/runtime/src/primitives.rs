//! Support types used by the generated shapes.
//!
//! A generated crate's `primitives.rs` is written by the emitter; it declares the same files
//! as this one (only those the model uses).

#[cfg(feature = "big-numbers")]
mod big_numbers;
#[cfg(feature = "blob")]
mod blob;
#[cfg(feature = "required-members")]
mod build_error;
mod date_time;
#[cfg(feature = "formatted-timestamps")]
mod date_time_formats;
mod errors;
mod redacted;
#[cfg(feature = "unions")]
mod unknown_member;
#[cfg(feature = "enums")]
mod unknown_value;

#[cfg(feature = "big-numbers")]
pub use big_numbers::*;
#[cfg(feature = "blob")]
pub use blob::*;
#[cfg(feature = "required-members")]
pub use build_error::*;
pub use date_time::*;
pub use errors::*;
pub use redacted::*;
#[cfg(feature = "unions")]
pub use unknown_member::*;
#[cfg(feature = "enums")]
pub use unknown_value::*;
