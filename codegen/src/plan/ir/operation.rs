//! Operations: what each one sends and returns, and how it is called.

use super::TypeRef;
use crate::load::ShapeId;
use serde_json::Value;

/// One operation.
#[derive(Clone, Debug)]
pub struct Operation {
    /// Its shape id.
    pub id: ShapeId,
    /// The operation name on the wire (`ConnectCustomKeyStore`).
    pub wire_name: String,
    /// The Rust name of the operation's marker type (`ConnectCustomKeyStore`).
    pub rust_name: String,
    /// The module holding the operation (`connect_custom_key_store`).
    pub module: String,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// The input structure.
    pub input: TypeRef,
    /// The output structure.
    pub output: TypeRef,
    /// The operation's error enum (`ConnectCustomKeyStoreError`).
    pub error_enum: String,
    /// The errors it can return, in model order: the error enum's variants.
    pub errors: Vec<OperationError>,
    /// `X-Amz-Target` value (`TrentService.ConnectCustomKeyStore`).
    pub target_header: String,
    /// Pagination, from `smithy.api#paginated`, when the generated pagers support it.
    pub paginated: Option<Paginated>,
    /// `smithy.api#examples`, values kept as JSON in wire form.
    pub examples: Vec<Example>,
    /// `smithy.api#deprecated`.
    pub deprecated: Option<String>,
    /// `smithy.api#endpoint` `hostPrefix`: what to put before the caller's host.
    pub host_prefix: Option<Vec<HostPrefixPart>>,
    /// `smithy.api#requestCompression` lists `gzip`: large request bodies are compressed.
    pub request_compression: bool,
}

/// A piece of an operation's host prefix (`foo.{label}.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostPrefixPart {
    /// Text taken as it is (`foo.`).
    Literal(String),
    /// The value of a `@hostLabel` input member, by its wire name (`label`).
    Label(String),
}

/// An error an operation can return.
#[derive(Clone, Debug)]
pub struct OperationError {
    /// The error enum variant name.
    pub variant: String,
    /// The error structure.
    pub error: TypeRef,
    /// The wire error code.
    pub code: String,
}

/// `smithy.api#paginated` member names, after merging the service's defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paginated {
    /// Input member carrying the continuation token.
    pub input_token: String,
    /// Output member carrying the next token.
    pub output_token: String,
    /// Output member holding the page's items.
    pub items: Option<String>,
    /// Input member limiting the page size.
    pub page_size: Option<String>,
}

/// One `smithy.api#examples` entry. Its values are examples of the wire form, as the model
/// writes them: JSON, by definition.
#[derive(Clone, Debug)]
pub struct Example {
    /// Its title.
    pub title: String,
    /// Rustdoc Markdown.
    pub docs: Option<String>,
    /// The input, in wire form.
    pub input: Value,
    /// The output, in wire form, when the example succeeds.
    pub output: Option<Value>,
    /// The error shape id and content, when the example fails.
    pub error: Option<(String, Value)>,
}
