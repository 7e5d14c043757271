//! The wire protocol (here: `awsJson1_1`): requests are `POST /` with `Content-Type:
//! application/x-amz-json-1.1` and `X-Amz-Target: <service>.<operation>`; responses are
//! JSON.
//!
//! Host, signing, retries and the transport stay with the caller: [`Operation`] turns an
//! input into an [`http::Request`] and an [`http::Response`] back into a typed result.
//!
//! A generated crate's `wire.rs` is written by the emitter with the model's protocol; it
//! declares the same files as this one.

mod codecs;
mod collections;
#[cfg(feature = "request-compression")]
mod compression;
mod defaults;
mod error_path;
mod error_response;
mod errors;
mod exact_numbers;
mod float;
mod float_text;
#[cfg(feature = "host-prefixes")]
mod host_label;
#[cfg(feature = "idempotency-tokens")]
mod idempotency;
mod json_access;
mod json_deserializer;
mod json_error;
mod json_object;
mod json_reader;
mod json_skip;
mod json_structure;
mod json_tokens;
mod json_writer;
#[cfg(feature = "message-errors")]
mod message_error;
#[cfg(feature = "modelled-errors")]
mod modelled_error;
mod operation;
mod operation_error;
mod pagination;
mod read_json;
mod request;
mod response;
#[cfg(feature = "enums")]
mod string_enum;
#[cfg(feature = "formatted-timestamps")]
mod timestamp_codecs;

pub use codecs::*;
pub use collections::*;
#[cfg(feature = "request-compression")]
pub use compression::*;
pub use defaults::*;
pub use error_path::*;
pub use error_response::*;
pub use errors::*;
pub use exact_numbers::*;
pub use float::*;
#[cfg(feature = "host-prefixes")]
pub use host_label::*;
#[cfg(feature = "idempotency-tokens")]
pub use idempotency::*;
pub use json_deserializer::*;
pub use json_error::*;
pub use json_object::*;
pub use json_reader::*;
pub use json_structure::*;
pub use json_writer::*;
#[cfg(feature = "message-errors")]
pub use message_error::*;
#[cfg(feature = "modelled-errors")]
pub(crate) use modelled_error::*;
pub use operation::*;
pub(crate) use operation_error::*;
pub use pagination::*;
pub use read_json::*;
pub use request::*;
pub use response::*;
#[cfg(feature = "enums")]
pub(crate) use string_enum::*;
#[cfg(feature = "formatted-timestamps")]
pub use timestamp_codecs::*;

/// The `Content-Type` of every request.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
