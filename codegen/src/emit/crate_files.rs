//! The files around the shapes: `Cargo.toml`, `lib.rs` and the module indexes.

use super::common::{file_stem, ident, inner_doc_attrs};
use crate::plan::ir::{Service, TypeName};
use proc_macro2::TokenStream;
use quote::quote;

/// The generated crate's dependencies: bytes (http's own, to share a static header value
/// instead of copying it on every request), serde's traits (the `serde_core` crate, under the name
/// `serde`: the same traits as `serde`'s, without building `serde` itself), http for the
/// request and response types; serde_json only when the model has documents or unions
/// (their public types are serde_json's `Value`; bodies are read and written by the crate's
/// own JSON code, which keeps serde_json off the build of most crates); regress
/// (ECMAScript regexes) only when the model has patterns, base64 only when it has blobs,
/// flate2 (pure Rust gzip) only when an operation compresses requests; http-body and
/// http-body-util, optional, for the `http-body` feature only.
fn dependencies(usage: &super::usage::Usage) -> String {
    let mut deps = vec!["bytes = \"1\"", "http = \"1\""];
    if usage.blob {
        deps.push("base64 = \"0.22\"");
    }
    if usage.request_compression {
        deps.push(
            "flate2 = { version = \"1\", default-features = false, features = [\"rust_backend\"] }",
        );
    }
    if usage.regex_patterns {
        deps.push("regress = \"0.12\"");
    }
    deps.push("http-body = { version = \"1\", optional = true }");
    deps.push("http-body-util = { version = \"0.1\", optional = true }");
    deps.push("serde = { package = \"serde_core\", version = \"1.0.220\" }");
    if usage.serde_json() {
        deps.push("serde_json = \"1\"");
    }
    deps.join("\n") + "\n"
}

/// The oldest Rust the crate builds with, every feature on: serde_json's own minimum (1.71),
/// raised by what the crate's code needs (`usize::div_ceil` in the validation checks every
/// crate has: 1.73; `impl Future` returned from the `server` feature's trait: 1.75;
/// `str::split_at_checked` in the formatted timestamps: 1.80). A package has one
/// `rust-version` whatever its features, so it is the highest of these. Clippy's
/// `incompatible_msrv` lint, on by default, holds every generated crate to it: a standard
/// library API newer than this fails `clippy -D warnings`.
fn rust_version(usage: &super::usage::Usage) -> &'static str {
    if usage.formatted_timestamps {
        "1.80"
    } else {
        "1.75"
    }
}

/// The crate's features: `server`, the server half (`src/server.rs`), off by default so that
/// a client build compiles none of it; and
/// `http-body`, the router's adapter for HTTP servers, with its two optional dependencies.
const FEATURES: &str = "[features]\n# The server half: a service trait and a router (src/server.rs).\nserver = []\n# The router served from an HTTP server (hyper 1.x, axum): `Router::handle_body`.\nhttp-body = [\"server\", \"dep:http-body\", \"dep:http-body-util\"]\n";

/// The dev-dependencies: serde_json, which the examples' doc tests use to compare bodies as
/// JSON values, unless it is a dependency already.
fn dev_dependencies(usage: &super::usage::Usage) -> &'static str {
    if usage.serde_json() {
        ""
    } else {
        "\n[dev-dependencies]\n# The examples' doc tests compare bodies as JSON values.\nserde_json = \"1\"\n"
    }
}

/// The generated package's manifest.
pub fn cargo_toml(service: &Service) -> String {
    let usage = super::usage::Usage::of(service);
    let title = service.title.as_deref().unwrap_or(&service.sdk_id);
    format!(
        "{header}\n[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\nrust-version = \"{rust_version}\"\ndescription = \"Types for {title} ({id} {version}), generated from its Smithy model.\"\npublish = false\n\n[lib]\npath = \"src/lib.rs\"\n\n[dependencies]\n{deps}{dev_deps}\n{features}",
        features = FEATURES,
        dev_deps = dev_dependencies(&usage),
        deps = dependencies(&usage),
        rust_version = rust_version(&usage),
        header = super::HEADER_TOML,
        name = service.crate_name,
        title = toml_escape(title),
        id = service.id,
        version = toml_escape(&service.version),
    )
}

/// Model text as the inside of a TOML basic string: quotes, backslashes and every control
/// character escaped, so that no model text can end the string or add a key.
fn toml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// `src/lib.rs`: crate documentation and the module tree.
pub fn lib_rs(service: &Service) -> TokenStream {
    let title = service.title.as_deref().unwrap_or(&service.sdk_id);
    let operations: Vec<String> = service
        .operations
        .iter()
        .map(|op| {
            format!(
                "- [`{}`](operations::{})",
                op.wire_name,
                file_stem(&op.module)
            )
        })
        .collect();
    // The title and version are model text: plain text and a code span, never Markdown.
    let mut text = format!(
        "Types for {title} (`{id}`, version {version}, protocol `{protocol}`).\n\n",
        title = crate::plan::docs::plain_text(title),
        id = service.id,
        version = crate::plan::docs::code_span(&service.version),
        protocol = service.protocol.name(),
    );
    if let Some(docs) = &service.docs {
        text.push_str(docs);
        text.push_str("\n\n");
    }
    if let Some(section) = super::examples::error_handling_section(service) {
        text.push_str(&section);
        text.push_str("\n\n");
    }
    text.push_str("# Operations\n\n");
    text.push_str(&operations.join("\n"));
    text.push_str(
        "\n\nModules: `operations` holds each operation's input, output and error enum; \
         `types` the structures and enums they share; `errors` the modelled errors; \
         `primitives` the support types; `validation` the model's constraints; `wire` the protocol.",
    );
    let docs = inner_doc_attrs(&text);
    quote! {
        #docs
        #![warn(missing_docs)]
        #![forbid(unsafe_code)]
        // Deprecated shapes stay usable (and warn) for users; the crate itself must handle them.
        #![allow(deprecated)]
        // A field's type spells the model's nesting (a sparse list of sparse maps of ...), which
        // can pass clippy's complexity score; an alias per nesting would name nothing the model
        // names.
        #![allow(clippy::type_complexity)]

        pub mod errors;
        pub mod operations;
        pub mod primitives;
        #[cfg(feature = "server")]
        pub mod server;
        pub mod types;
        pub mod validation;
        pub mod wire;
    }
}

/// A module index that declares one private file module per type and re-exports the type.
pub fn flat_module_index(doc: &str, types: &[&TypeName]) -> TokenStream {
    let docs = inner_doc_attrs(doc);
    let items = types.iter().map(|t| {
        let module = ident(&crate::plan::names::field_name(&t.name));
        let name = ident(&t.name);
        quote! {
            mod #module;
            pub use #module::#name;
        }
    });
    quote! {
        #docs
        #(#items)*
    }
}

/// `src/operations/mod.rs`: one public module per operation.
pub fn operations_index(service: &Service) -> TokenStream {
    let items = service.operations.iter().map(|op| {
        let module = ident(&op.module);
        quote!(pub mod #module;)
    });
    quote! {
        //! One module per operation: its input, output and error enum.
        #(#items)*
    }
}
