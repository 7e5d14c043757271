//! Integration tests: the `kms-emulator` binary on port 0, driven over real HTTP with the
//! generated kms-api client (requests from `serialize_request`, answers through
//! `parse_response`), and a fake XKS proxy that checks the signatures it receives.

mod cli;
mod cloudhsm;
mod describe;
mod durability;
mod proxy;
mod signing;
mod support;
mod xks;
