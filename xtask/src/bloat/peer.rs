//! The crate on aws-sdk-kms that is built for comparison: a client and the six custom key
//! store operations, nothing else.

use std::path::Path;

/// The package whose code the generated crate is compared with.
pub const PACKAGE: &str = "aws-sdk-kms";

/// The minimal crate on aws-sdk-kms that is built for comparison.
const MANIFEST: &str = r#"[package]
name = "kms-bloat-peer"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
aws-sdk-kms = { version = "1", default-features = false, features = ["rt-tokio", "behavior-version-latest"] }

[workspace]
"#;

/// Its `src/lib.rs`: a client and the six operations, so that exactly what they need is built.
const LIB: &str = r#"//! A minimal crate on aws-sdk-kms: a client and the six custom key store operations.

use aws_sdk_kms::Client;

/// Calls each of the six custom key store operations once.
pub async fn custom_key_store_calls(client: &Client) -> Result<usize, aws_sdk_kms::Error> {
    let id = "cks-1234567890abcdef0";
    client.connect_custom_key_store().custom_key_store_id(id).send().await?;
    client.create_custom_key_store().custom_key_store_name("example").send().await?;
    client.delete_custom_key_store().custom_key_store_id(id).send().await?;
    let stores = client.describe_custom_key_stores().send().await?;
    client.disconnect_custom_key_store().custom_key_store_id(id).send().await?;
    client.update_custom_key_store().custom_key_store_id(id).send().await?;
    Ok(stores.custom_key_stores().len())
}
"#;

/// Writes the crate (manifest and `src/lib.rs`) into `dir`.
pub fn write_crate(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::write(dir.join("Cargo.toml"), MANIFEST)?;
    std::fs::write(dir.join("src/lib.rs"), LIB)
}
