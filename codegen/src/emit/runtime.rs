//! The model-independent runtime of every generated crate: the files of the codegen-runtime
//! crate (`codegen/runtime/src`), copied verbatim at the same paths, so that they are
//! compiled, linted, tested and documented there and each generated crate stays
//! self-contained. Only the optional pieces a model does not use are left out:
//! - a whole file, when its module declaration in the runtime's module root (`wire.rs`,
//!   `primitives.rs`, `validation.rs`) carries `#[cfg(feature = "...")]`;
//! - an item inside a file, when the line before it is `#[cfg(feature = "...")]`.
//!
//! A kept item loses its `#[cfg]` line, as the generated crate has no such features. The
//! feature names are the runtime crate's features, decided per model by [`Usage::feature`],
//! except [`CRATE_FEATURES`]: real cargo features of every generated crate, whose `#[cfg]`
//! lines are copied as they are.

use super::usage::Usage;
use proc_macro2::TokenStream;
use std::collections::BTreeMap;

/// The features that generated crates declare themselves (the server half, and its adapter
/// for HTTP servers): lines gated on them are kept, `#[cfg]` included.
pub(crate) const CRATE_FEATURES: [&str; 2] = ["server", "http-body"];

/// One file of the runtime, by its path relative to the crate root.
pub(crate) struct RuntimeFile {
    /// The path, the same in codegen-runtime and in a generated crate.
    pub(crate) path: &'static str,
    /// The file's text.
    pub(crate) text: &'static str,
}

macro_rules! runtime_file {
    ($path:literal) => {
        RuntimeFile {
            path: concat!("src/", $path),
            text: include_str!(concat!("../../runtime/src/", $path)),
        }
    };
}

/// The module roots. They are not copied: the emitter writes each one with the model's own
/// documentation and items, and takes only their module declarations from here.
pub(crate) const ROOTS: [RuntimeFile; 4] = [
    runtime_file!("primitives.rs"),
    runtime_file!("server.rs"),
    runtime_file!("validation.rs"),
    runtime_file!("wire.rs"),
];

/// Every file below the module roots, copied when its module is declared for the model.
pub(crate) const FILES: &[RuntimeFile] = &[
    runtime_file!("primitives/big_numbers.rs"),
    runtime_file!("primitives/blob.rs"),
    runtime_file!("primitives/build_error.rs"),
    runtime_file!("primitives/date_time.rs"),
    runtime_file!("primitives/date_time_formats.rs"),
    runtime_file!("primitives/errors.rs"),
    runtime_file!("primitives/redacted.rs"),
    runtime_file!("primitives/unknown_member.rs"),
    runtime_file!("primitives/unknown_value.rs"),
    runtime_file!("server/answer.rs"),
    runtime_file!("server/context.rs"),
    runtime_file!("server/dispatch.rs"),
    runtime_file!("server/handler_error.rs"),
    runtime_file!("server/http_adapter.rs"),
    runtime_file!("server/request_id.rs"),
    runtime_file!("server/server_error.rs"),
    runtime_file!("server/validation_message.rs"),
    runtime_file!("validation/automaton.rs"),
    runtime_file!("validation/checks.rs"),
    runtime_file!("validation/pattern.rs"),
    runtime_file!("validation/violations.rs"),
    runtime_file!("wire/codecs.rs"),
    runtime_file!("wire/collections.rs"),
    runtime_file!("wire/compression.rs"),
    runtime_file!("wire/defaults.rs"),
    runtime_file!("wire/error_path.rs"),
    runtime_file!("wire/error_response.rs"),
    runtime_file!("wire/errors.rs"),
    runtime_file!("wire/exact_numbers.rs"),
    runtime_file!("wire/float.rs"),
    runtime_file!("wire/float_text.rs"),
    runtime_file!("wire/host_label.rs"),
    runtime_file!("wire/idempotency.rs"),
    runtime_file!("wire/json_access.rs"),
    runtime_file!("wire/json_deserializer.rs"),
    runtime_file!("wire/json_error.rs"),
    runtime_file!("wire/json_object.rs"),
    runtime_file!("wire/json_reader.rs"),
    runtime_file!("wire/json_skip.rs"),
    runtime_file!("wire/json_structure.rs"),
    runtime_file!("wire/json_tokens.rs"),
    runtime_file!("wire/json_writer.rs"),
    runtime_file!("wire/message_error.rs"),
    runtime_file!("wire/modelled_error.rs"),
    runtime_file!("wire/operation.rs"),
    runtime_file!("wire/operation_error.rs"),
    runtime_file!("wire/pagination.rs"),
    runtime_file!("wire/read_json.rs"),
    runtime_file!("wire/request.rs"),
    runtime_file!("wire/response.rs"),
    runtime_file!("wire/string_enum.rs"),
    runtime_file!("wire/timestamp_codecs.rs"),
];

/// The runtime files the model needs, by path, with the generated-file header.
pub(crate) fn runtime_files(usage: &Usage) -> Result<BTreeMap<String, String>, String> {
    let mut files = BTreeMap::new();
    for root in &ROOTS {
        let directory = root.path.trim_end_matches(".rs");
        for module in declared_modules(&strip_optional(root.text, usage)?) {
            let path = format!("{directory}/{module}.rs");
            let file = FILES
                .iter()
                .find(|file| file.path == path)
                .ok_or_else(|| format!("{}: no runtime file for `mod {module};`", root.path))?;
            let text = strip_optional(file.text, usage).map_err(|err| format!("{path}: {err}"))?;
            files.insert(path, format!("{}{text}", super::HEADER_RUST));
        }
    }
    Ok(files)
}

/// The module declarations and re-exports of the runtime's module root at `path` (such as
/// `src/wire.rs`), for the model: what the emitted root declares.
pub(crate) fn module_declarations(path: &str, usage: &Usage) -> Result<TokenStream, String> {
    declaration_lines(path, usage)?
        .parse()
        .map_err(|err| format!("{path}: module declarations do not parse: {err}"))
}

/// [`module_declarations`] as text, one per line.
fn declaration_lines(path: &str, usage: &Usage) -> Result<String, String> {
    let root = ROOTS
        .iter()
        .find(|root| root.path == path)
        .ok_or_else(|| format!("no runtime module root {path}"))?;
    let text = strip_optional(root.text, usage).map_err(|err| format!("{path}: {err}"))?;
    Ok(text
        .lines()
        .filter(|line| is_declaration(line))
        .map(|line| format!("{line}\n"))
        .collect())
}

/// [`module_declarations`], or a `compile_error!` naming the internal error (the runtime is
/// fixed at build time, so the tests rule this out).
pub(crate) fn declarations(path: &str, usage: &Usage) -> TokenStream {
    module_declarations(path, usage).unwrap_or_else(|err| {
        let message = format!("internal error: {err}");
        quote::quote!(compile_error!(#message);)
    })
}

/// Whether a line of a module root declares a module or re-exports one, or gates the next
/// declaration on a feature of the generated crate.
fn is_declaration(line: &str) -> bool {
    ["mod ", "pub use ", "pub(crate) use "]
        .iter()
        .any(|start| line.starts_with(start))
        || cfg_feature(line).is_some_and(|feature| CRATE_FEATURES.contains(&feature))
}

/// The modules a (stripped) module root declares, in order.
fn declared_modules(root: &str) -> Vec<&str> {
    root.lines()
        .filter_map(|line| line.strip_prefix("mod ")?.strip_suffix(';'))
        .collect()
}

/// The feature a `#[cfg(feature = "name")]` line names.
fn cfg_feature(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix("#[cfg(feature = \"")?
        .strip_suffix("\")]")
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The text without the items whose feature the model does not use, and without the
/// `#[cfg]` lines of the items it keeps. The files are rustfmt-formatted, so an item starts
/// on the line after its `#[cfg]` line, at the same indentation, and ends at the first line
/// at that indentation that ends with `;`, `,` or `}` (doc comments and attributes before
/// it included).
pub(crate) fn strip_optional(text: &str, usage: &Usage) -> Result<String, String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut at = 0;
    while let Some(&line) = lines.get(at) {
        let Some(feature) = cfg_feature(line).filter(|feature| !CRATE_FEATURES.contains(feature))
        else {
            out.push(line);
            at += 1;
            continue;
        };
        let used = usage
            .feature(feature)
            .ok_or_else(|| format!("line {}: unknown runtime feature {feature:?}", at + 1))?;
        if used {
            at += 1;
            continue;
        }
        let end = item_end(&lines, at)
            .ok_or_else(|| format!("line {}: no item ends after this #[cfg] line", at + 1))?;
        at = end + 1;
        // Leave no doubled blank line, and none before a closing brace.
        let blank_before = out.last().is_none_or(|line| line.trim().is_empty());
        match lines.get(at).map(|line| line.trim()) {
            Some("") if blank_before => at += 1,
            Some(next) if next.starts_with('}') && blank_before => {
                out.pop();
            }
            _ => {}
        }
    }
    Ok(out.concat())
}

/// The last line of the item after the `#[cfg]` line at `cfg`.
fn item_end(lines: &[&str], cfg: usize) -> Option<usize> {
    let depth = indent(lines.get(cfg)?);
    for (at, line) in lines.iter().enumerate().skip(cfg + 1) {
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if indent(line) < depth {
            return None;
        }
        let item_line = indent(line) == depth && !text.starts_with("//") && !text.starts_with("#[");
        if item_line && (text.ends_with(';') || text.ends_with(',') || text.ends_with('}')) {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage_with(features: &[&str]) -> Usage {
        let mut usage = Usage::default();
        for feature in features {
            assert!(usage.set_feature(feature), "unknown feature {feature}");
        }
        usage
    }

    const SOURCE: &str = "\
use std::fmt;
#[cfg(feature = \"blob\")]
use base64::Engine as _;

/// A trait.
pub trait Thing {
    /// Always.
    fn always(&self);

    #[cfg(feature = \"blob\")]
    /// Only with blobs.
    fn blob(&self) -> Result<(), String> {
        Ok(())
    }

    #[cfg(feature = \"unions\")]
    /// Only with unions.
    const UNIONS: bool = false;
}

fn body() {
    let request = make();
    #[cfg(feature = \"unions\")]
    let request = if flag {
        wrap(request)
    } else {
        request
    };
    Ok(request)
}
";

    #[test]
    fn a_used_feature_keeps_its_items_without_the_cfg_lines() {
        let text = strip_optional(SOURCE, &usage_with(&["blob", "unions"])).unwrap();
        assert_eq!(
            text,
            SOURCE
                .replace("    #[cfg(feature = \"blob\")]\n", "")
                .replace("#[cfg(feature = \"blob\")]\n", "")
                .replace("    #[cfg(feature = \"unions\")]\n", "")
        );
    }

    #[test]
    fn an_unused_feature_drops_whole_items_and_their_blank_lines() {
        let text = strip_optional(SOURCE, &usage_with(&[])).unwrap();
        let expected = "\
use std::fmt;

/// A trait.
pub trait Thing {
    /// Always.
    fn always(&self);
}

fn body() {
    let request = make();
    Ok(request)
}
";
        assert_eq!(text, expected);
    }

    #[test]
    fn a_match_arm_and_an_enum_variant_are_items() {
        let source = "\
enum Matcher {
    Plain,
    #[cfg(feature = \"regex-patterns\")]
    /// Checked with regress.
    Regex(Lazy),
}

fn check(m: &Matcher) -> bool {
    match m {
        Matcher::Plain => true,
        #[cfg(feature = \"regex-patterns\")]
        Matcher::Regex(lazy) => {
            lazy.get()
        }
    }
}
";
        let text = strip_optional(source, &usage_with(&["patterns"])).unwrap();
        assert_eq!(
            text,
            "enum Matcher {\n    Plain,\n}\n\nfn check(m: &Matcher) -> bool {\n    match m {\n        Matcher::Plain => true,\n    }\n}\n"
        );
    }

    #[test]
    fn an_unknown_feature_or_an_unterminated_item_is_an_error() {
        let unknown = strip_optional("#[cfg(feature = \"nope\")]\nfn f() {}\n", &Usage::default());
        assert_eq!(
            unknown,
            Err("line 1: unknown runtime feature \"nope\"".to_owned())
        );
        let open = strip_optional(
            "    #[cfg(feature = \"blob\")]\n    fn f() {\n",
            &Usage::default(),
        );
        assert_eq!(
            open,
            Err("line 1: no item ends after this #[cfg] line".to_owned())
        );
    }

    /// Every `.rs` file of the runtime crate below its module roots, by crate path.
    fn runtime_sources() -> Vec<String> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/src");
        let mut found = Vec::new();
        for root in &ROOTS {
            let dir = src.join(root.path.trim_start_matches("src/").trim_end_matches(".rs"));
            for entry in std::fs::read_dir(&dir).unwrap() {
                let name = entry.unwrap().file_name().into_string().unwrap();
                let directory = root.path.trim_end_matches(".rs");
                found.push(format!("{directory}/{name}"));
            }
        }
        found.sort();
        found
    }

    #[test]
    fn every_runtime_file_is_included_and_declared() {
        let listed: Vec<String> = FILES.iter().map(|file| file.path.to_owned()).collect();
        assert_eq!(
            listed,
            runtime_sources(),
            "FILES must list every runtime file, sorted"
        );
        let every = usage_with(Usage::FEATURES);
        let copied: Vec<String> = runtime_files(&every).unwrap().into_keys().collect();
        assert_eq!(copied, listed, "every file is declared in its module root");
    }

    #[test]
    fn every_feature_is_one_of_the_runtime_crate() {
        let manifest = include_str!("../../runtime/Cargo.toml");
        for feature in Usage::FEATURES {
            assert!(
                manifest.contains(&format!("\n{feature} = [")),
                "{feature} is not a feature of codegen-runtime"
            );
        }
    }

    /// Each feature alone, all of them and none: every file the model gets still parses,
    /// and has no `#[cfg]` line left.
    #[test]
    fn every_feature_set_leaves_files_that_parse() {
        let mut sets: Vec<Vec<&str>> = vec![vec![], Usage::FEATURES.to_vec()];
        sets.extend(Usage::FEATURES.iter().map(|feature| vec![*feature]));
        for set in sets {
            let usage = usage_with(&set);
            for (path, text) in runtime_files(&usage).unwrap() {
                let left: Vec<&str> = text.lines().filter_map(cfg_feature).collect();
                assert!(
                    left.iter().all(|feature| CRATE_FEATURES.contains(feature)),
                    "{path} with {set:?}"
                );
                if let Err(err) = syn::parse_file(&text) {
                    panic!("{path} with {set:?} does not parse: {err}");
                }
            }
            for root in &ROOTS {
                module_declarations(root.path, &usage).unwrap();
            }
        }
    }

    /// The manifest lists serde_json for documents and unions only: with every other piece,
    /// no copied line of code names it.
    #[test]
    fn only_documents_and_unions_need_serde_json() {
        let others: Vec<&str> = Usage::FEATURES
            .iter()
            .copied()
            .filter(|feature| !["documents", "unions"].contains(feature))
            .collect();
        let usage = usage_with(&others);
        assert!(!usage.serde_json());
        for (path, text) in runtime_files(&usage).unwrap() {
            let naming: Vec<&str> = text
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .filter(|line| line.contains("serde_json"))
                .collect();
            assert!(naming.is_empty(), "{path} names serde_json: {naming:?}");
        }
        assert!(usage_with(&["documents"]).serde_json());
        assert!(usage_with(&["unions"]).serde_json());
    }

    #[test]
    fn the_declarations_follow_the_features() {
        let wire =
            |features: &[&str]| declaration_lines("src/wire.rs", &usage_with(features)).unwrap();
        let none = wire(&[]);
        assert!(none.contains("\nmod operation;\n") && none.contains("\npub use operation::*;\n"));
        assert!(!none.contains("compression"), "{none}");
        let compressing = wire(&["request-compression"]);
        assert!(compressing.contains("\nmod compression;\n"));
        assert!(compressing.contains("\npub use compression::*;\n"));
        let errors = wire(&["modelled-errors"]);
        assert!(errors.contains("\npub(crate) use modelled_error::*;\n"));
        assert!(!none.contains("modelled_error"), "{none}");
    }
}
