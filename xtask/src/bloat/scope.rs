//! What is counted on each side: the generated crate's files, and aws-sdk-kms's files for the
//! same six operations.

use std::path::{Path, PathBuf};

/// The six operations, as aws-sdk-kms names their modules.
pub const OPERATIONS: [&str; 6] = [
    "connect_custom_key_store",
    "create_custom_key_store",
    "delete_custom_key_store",
    "describe_custom_key_stores",
    "disconnect_custom_key_store",
    "update_custom_key_store",
];

/// The structures and enums the six operations use, as aws-sdk-kms names their files
/// (`types/_<name>.rs`, builders included) and serde shapes (`protocol_serde/shape_<name>.rs`,
/// where the shape has one).
pub const SHAPES: [&str; 7] = [
    "custom_key_stores_list_entry",
    "xks_proxy_configuration_type",
    "xks_proxy_authentication_credential_type",
    "connection_state_type",
    "connection_error_code_type",
    "custom_key_store_type",
    "xks_proxy_connectivity_type",
];

/// Lists the six operations' outputs use that have their own serde shape file.
pub const LIST_SHAPES: [&str; 1] = ["custom_key_stores_list"];

/// The 22 errors the six operations can return.
pub const ERRORS: [&str; 22] = [
    "cloud_hsm_cluster_in_use_exception",
    "cloud_hsm_cluster_invalid_configuration_exception",
    "cloud_hsm_cluster_not_active_exception",
    "cloud_hsm_cluster_not_found_exception",
    "cloud_hsm_cluster_not_related_exception",
    "custom_key_store_has_cmks_exception",
    "custom_key_store_invalid_state_exception",
    "custom_key_store_name_in_use_exception",
    "custom_key_store_not_found_exception",
    "incorrect_trust_anchor_exception",
    "invalid_marker_exception",
    "kms_internal_exception",
    "limit_exceeded_exception",
    "xks_proxy_incorrect_authentication_credential_exception",
    "xks_proxy_invalid_configuration_exception",
    "xks_proxy_invalid_response_exception",
    "xks_proxy_uri_endpoint_in_use_exception",
    "xks_proxy_uri_in_use_exception",
    "xks_proxy_uri_unreachable_exception",
    "xks_proxy_vpc_endpoint_service_in_use_exception",
    "xks_proxy_vpc_endpoint_service_invalid_configuration_exception",
    "xks_proxy_vpc_endpoint_service_not_found_exception",
];

/// The label of the errors' serde shape files, which the figure leaves out.
pub const ERROR_SHAPES_LABEL: &str = "protocol_serde/shape_<error>.rs";

/// The label of our group of model-independent runtime files ([`is_verbatim_runtime`]).
pub const RUNTIME_LABEL: &str = "runtime: verbatim copies of codegen/runtime/src";

/// Our files, grouped: the generated crate's `src/` holds the six operations and nothing
/// else, so every `.rs` file counts (its protocol support too, which aws-sdk-kms keeps in
/// its runtime crates and which is therefore not counted on its side). The last group,
/// [`RUNTIME_LABEL`], holds the files that are the same whatever the model: each is a
/// verbatim copy of the file at the same path under `runtime_src` (`codegen/runtime/src`).
pub fn ours_files(src: &Path, runtime_src: &Path) -> Vec<(String, Vec<PathBuf>)> {
    let mut all = Vec::new();
    rust_files(src, &mut all);
    let mut groups: Vec<(String, Vec<PathBuf>)> = vec![
        (
            "operations/ (inputs, outputs, error enums, wire impls)".to_owned(),
            vec![],
        ),
        ("types/ (structures and enums)".to_owned(), vec![]),
        ("errors/ (the 22 errors)".to_owned(), vec![]),
        (
            "lib.rs, module roots, runtime files pruned for the model".to_owned(),
            vec![],
        ),
        (RUNTIME_LABEL.to_owned(), vec![]),
    ];
    for file in all {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        // The server half (cargo feature `server`) is not part of a client build.
        if relative.starts_with("server") || relative == Path::new("server.rs") {
            continue;
        }
        let index = match relative
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
        {
            Some(first) if first == "operations" => 0,
            Some(first) if first == "types" => 1,
            Some(first) if first == "errors" => 2,
            _ if copies_runtime(&file, &runtime_src.join(relative)) => 4,
            _ => 3,
        };
        groups[index].1.push(file);
    }
    groups
}

/// Whether the generated file at `generated` is a verbatim copy of the runtime source file at
/// `source` (false when either cannot be read).
fn copies_runtime(generated: &Path, source: &Path) -> bool {
    match (
        std::fs::read_to_string(generated),
        std::fs::read_to_string(source),
    ) {
        (Ok(generated), Ok(source)) => is_verbatim_runtime(&generated, &source),
        _ => false,
    }
}

/// Whether `generated` is `source` behind the generated-file header (plain `// ` comment
/// lines starting with `// @generated`, then blank lines), and nothing else.
///
/// This is what makes a file model-independent. The emitter copies each runtime file it
/// needs, removing the `#[cfg(feature = "...")]` items the model does not use and the
/// `#[cfg]` lines of those it keeps; so a copy equals its source exactly when the source has
/// no such item, and then every model that needs the file gets the same text. A file the
/// emitter pruned, a module root (`wire.rs`, written with the model's items) and `lib.rs`
/// depend on the model and are counted as generated code.
pub fn is_verbatim_runtime(generated: &str, source: &str) -> bool {
    let Some(header) = generated.strip_suffix(source) else {
        return false;
    };
    header.starts_with("// @generated")
        && header
            .lines()
            .all(|line| line.is_empty() || line.starts_with("// "))
}

/// aws-sdk-kms's files for the six operations, grouped, and the expected files it lacks:
///
/// - `operation/<op>.rs` and everything under `operation/<op>/` (input, output, builders,
///   the error enum, paginators);
/// - `protocol_serde/shape_<op>*.rs` (the operation's request serializer and response and
///   error deserializers);
/// - `types/_<shape>.rs` for the [`SHAPES`] (each file holds the type and its builder) and
///   `protocol_serde/shape_<shape>.rs` where the shape has one ([`SHAPES`], [`LIST_SHAPES`]);
/// - `types/error/_<error>.rs` for the 22 [`ERRORS`], and their deserializers
///   `protocol_serde/shape_<error>.rs` (a separate group, which the table also shows left
///   out).
///
/// Service-wide files (`lib.rs`, `config/`, `client/`, `error_meta.rs`, `protocol_serde.rs`
/// ...) serve every KMS operation and are not counted.
pub fn peer_files(src: &Path) -> (Vec<(String, Vec<PathBuf>)>, Vec<String>) {
    let mut missing = Vec::new();
    let mut operations = Vec::new();
    let mut operation_serde = Vec::new();
    let mut protocol_serde: Vec<PathBuf> = std::fs::read_dir(src.join("protocol_serde"))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    protocol_serde.sort();
    for op in OPERATIONS {
        let file = src.join("operation").join(format!("{op}.rs"));
        if file.is_file() {
            operations.push(file);
        } else {
            missing.push(format!("operation/{op}.rs"));
        }
        rust_files(&src.join("operation").join(op), &mut operations);
        let prefix = format!("shape_{op}");
        let before = operation_serde.len();
        operation_serde.extend(
            protocol_serde
                .iter()
                .filter(|p| {
                    let name = p.file_name().unwrap_or_default().to_string_lossy();
                    name.starts_with(&prefix) && name.ends_with(".rs")
                })
                .cloned(),
        );
        if operation_serde.len() == before {
            missing.push(format!("protocol_serde/{prefix}*.rs"));
        }
    }
    let mut existing = |path: PathBuf, list: &mut Vec<PathBuf>, required: bool| {
        if path.is_file() {
            list.push(path);
        } else if required {
            missing.push(
                path.strip_prefix(src)
                    .unwrap_or(&path)
                    .display()
                    .to_string(),
            );
        }
    };
    let mut types = Vec::new();
    let mut type_serde = Vec::new();
    for shape in SHAPES {
        existing(
            src.join("types").join(format!("_{shape}.rs")),
            &mut types,
            true,
        );
        // Enums have no serde shape file; structures do.
        existing(
            src.join("protocol_serde").join(format!("shape_{shape}.rs")),
            &mut type_serde,
            false,
        );
    }
    for list in LIST_SHAPES {
        existing(
            src.join("protocol_serde").join(format!("shape_{list}.rs")),
            &mut type_serde,
            true,
        );
    }
    let mut errors = Vec::new();
    let mut error_serde = Vec::new();
    for error in ERRORS {
        existing(
            src.join("types").join("error").join(format!("_{error}.rs")),
            &mut errors,
            true,
        );
        existing(
            src.join("protocol_serde").join(format!("shape_{error}.rs")),
            &mut error_serde,
            true,
        );
    }
    let groups = vec![
        (
            "operation/<op>.rs, operation/<op>/**".to_owned(),
            operations,
        ),
        ("protocol_serde/shape_<op>*.rs".to_owned(), operation_serde),
        (
            "types/_<shape>.rs (types and their builders)".to_owned(),
            types,
        ),
        ("protocol_serde/shape_<shape>.rs".to_owned(), type_serde),
        ("types/error/_<error>.rs (22 errors)".to_owned(), errors),
        (format!("{ERROR_SHAPES_LABEL} (22 errors)"), error_serde),
    ];
    (groups, missing)
}

/// Every `.rs` file under `dir`, sorted.
pub fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_file_of_a_client_build_is_counted_in_one_group() {
        let root = codegen::workspace_root();
        let src = root.join("generated").join("src");
        let mut all = Vec::new();
        rust_files(&src, &mut all);
        let server = src.join("server");
        let (server_files, client_files): (Vec<_>, Vec<_>) = all
            .iter()
            .partition(|file| file.starts_with(&server) || **file == src.join("server.rs"));
        let groups = ours_files(&src, &root.join("codegen/runtime/src"));
        let grouped: Vec<&PathBuf> = groups.iter().flat_map(|(_, files)| files).collect();
        assert_eq!(grouped.len(), client_files.len());
        assert!(!grouped.is_empty());
        assert!(!server_files.is_empty(), "the server half is generated");
        assert!(
            server_files.iter().all(|file| !grouped.contains(file)),
            "the server half is not part of a client build"
        );
    }

    const HEADER: &str = "// @generated by a generator. Do not edit by hand:\n// regenerate.\n\n";

    #[test]
    fn a_copy_behind_the_header_is_runtime_and_anything_else_is_not() {
        let source = "//! Docs.\n\npub fn f() {}\n";
        assert!(is_verbatim_runtime(&format!("{HEADER}{source}"), source));
        // Pruned: one item fewer, or a `#[cfg]` line removed.
        let with_cfg = "//! Docs.\n\n#[cfg(feature = \"blob\")]\npub fn f() {}\n";
        assert!(!is_verbatim_runtime(&format!("{HEADER}{source}"), with_cfg));
        assert!(!is_verbatim_runtime(
            &format!("{HEADER}//! Docs.\n"),
            source
        ));
        // Anything but the header before the copy: code, a doc comment, no header at all.
        assert!(!is_verbatim_runtime(
            &format!("{HEADER}use x;\n{source}"),
            source
        ));
        assert!(!is_verbatim_runtime(
            &format!("{HEADER}//! More.\n{source}"),
            source
        ));
        assert!(!is_verbatim_runtime(source, source));
        assert!(!is_verbatim_runtime(&format!("// note\n{source}"), source));
    }

    /// The runtime group is what the issue calls runtime: files identical whatever the
    /// model. Checked against a crate generated from a different model (tests/models/kinds.json,
    /// which uses optional runtime pieces the KMS model does not), as `cargo xtask codegen`
    /// writes it: every file of generated/ counted as runtime that the other crate has is
    /// there with the same text.
    #[test]
    fn runtime_files_are_identical_in_a_crate_from_another_model() {
        let root = codegen::workspace_root();
        let src = root.join("generated").join("src");
        let groups = ours_files(&src, &root.join("codegen/runtime/src"));
        let runtime: Vec<String> = groups
            .iter()
            .find(|(label, _)| label == RUNTIME_LABEL)
            .map(|(_, files)| {
                files
                    .iter()
                    .map(|f| {
                        let relative = f.strip_prefix(root.join("generated")).unwrap();
                        relative.to_string_lossy().replace('\\', "/")
                    })
                    .collect()
            })
            .unwrap();
        // Today's runtime: most of wire/, validation/ and primitives/, never a module root.
        assert!(runtime.len() >= 10, "{runtime:?}");
        assert!(runtime.iter().all(|path| {
            ["src/wire/", "src/validation/", "src/primitives/"]
                .iter()
                .any(|dir| path.starts_with(dir))
        }));

        let options = codegen::Options {
            models: vec![root.join("tests/models/kinds.json")],
            ..codegen::Options::default()
        };
        let kinds = crate::format::generate(&options, None).expect("the kinds model generates");
        let kinds = &kinds.generation.files;
        let mut compared = 0;
        for path in &runtime {
            let ours = std::fs::read_to_string(root.join("generated").join(path)).unwrap();
            // A runtime file the other model does not need is absent there, not different.
            if let Some(theirs) = kinds.get(path) {
                assert_eq!(
                    theirs, &ours,
                    "{path} is counted as runtime but differs in the kinds crate"
                );
                compared += 1;
            }
        }
        assert!(compared * 2 >= runtime.len(), "{compared} of {runtime:?}");
    }
}
