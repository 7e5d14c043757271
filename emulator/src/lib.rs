//! `kms-emulator`: a local AWS KMS custom key store service built on the generated kms-api
//! crate. See the README's emulator section for how to run it.

pub mod config;
pub mod rules;
pub mod store;
