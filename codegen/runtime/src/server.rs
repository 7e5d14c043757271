//! The server half of the protocol (cargo feature `server`): a request is accepted (`POST /`,
//! the protocol's `Content-Type`, an `X-Amz-Target`), its body read into the operation's
//! typed input and checked against the model's constraints, the handler called, and its
//! result written as the response a client of the protocol expects.
//!
//! A generated crate's `server.rs` is written by the emitter: it declares these files, the
//! service trait (one method per operation) and the router that dispatches on the target.

mod answer;
mod context;
mod dispatch;
mod handler_error;
#[cfg(feature = "http-body")]
mod http_adapter;
mod request_id;
mod server_error;
mod validation_message;

pub use answer::*;
pub use context::*;
pub use dispatch::*;
pub use handler_error::*;
#[cfg(feature = "http-body")]
pub use http_adapter::*;
pub use request_id::*;
pub use server_error::*;
pub use validation_message::*;
