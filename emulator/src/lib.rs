//! `kms-emulator`: a local AWS KMS custom key store service built on the generated kms-api
//! crate. See the README's emulator section for how to run it.

pub mod config;
pub mod durable;
pub mod handlers;
pub mod http;
pub mod rules;
pub mod service;
pub mod sigv4;
pub mod store;
pub mod xks;
