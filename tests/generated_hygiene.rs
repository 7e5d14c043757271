//! The generated crates never panic on their own: no `unwrap`, `expect`, panicking macros,
//! indexing that can go out of bounds, or `unsafe`. Checked on the syntax tree of every
//! generated file (doc comments, where examples live, are attributes and not checked).

use std::path::Path;
use syn::visit::Visit;
use workspace_tests::{generate_from, root, shared_dir, skipped};

#[derive(Default)]
struct Findings {
    file: String,
    found: Vec<String>,
}

impl<'ast> Visit<'ast> for Findings {
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let name = call.method.to_string();
        if name == "unwrap" || name == "expect" || name == "unwrap_unchecked" {
            self.found.push(format!("{}: `.{name}()`", self.file));
        }
        syn::visit::visit_expr_method_call(self, call);
    }

    fn visit_expr_index(&mut self, index: &'ast syn::ExprIndex) {
        self.found.push(format!("{}: indexing `[..]`", self.file));
        syn::visit::visit_expr_index(self, index);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if matches!(
            name.as_str(),
            "panic" | "unreachable" | "todo" | "unimplemented" | "assert" | "assert_eq"
        ) {
            self.found.push(format!("{}: `{name}!`", self.file));
        }
        syn::visit::visit_macro(self, mac);
    }

    fn visit_expr_unsafe(&mut self, block: &'ast syn::ExprUnsafe) {
        self.found.push(format!("{}: `unsafe` block", self.file));
        syn::visit::visit_expr_unsafe(self, block);
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if matches!(item.sig.safety, syn::Safety::Unsafe(_)) {
            self.found.push(format!("{}: `unsafe fn`", self.file));
        }
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        if item.unsafety.is_some() {
            self.found.push(format!("{}: `unsafe impl`", self.file));
        }
        syn::visit::visit_item_impl(self, item);
    }
}

fn scan(files: impl IntoIterator<Item = (String, String)>) -> (usize, Vec<String>) {
    let mut found = Vec::new();
    let mut scanned = 0;
    for (path, text) in files {
        if !path.ends_with(".rs") {
            continue;
        }
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{path} does not parse: {e}"));
        let mut findings = Findings {
            file: path,
            found: Vec::new(),
        };
        findings.visit_file(&file);
        found.extend(findings.found);
        scanned += 1;
    }
    (scanned, found)
}

fn generated_files(model: &Path) -> Vec<(String, String)> {
    let generation =
        generate_from(model, None).unwrap_or_else(|e| panic!("{}: {e}", model.display()));
    generation.files.into_iter().collect()
}

#[test]
fn the_checked_in_crate_cannot_panic() {
    let dir = root().join("generated/src");
    let files = workspace_tests::files_under(&dir)
        .into_iter()
        .map(|(path, bytes)| {
            (
                format!("generated/src/{path}"),
                String::from_utf8(bytes).unwrap(),
            )
        });
    let (scanned, found) = scan(files);
    assert!(scanned > 30);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_model_generates_code_that_cannot_panic() {
    let mut models = vec![root().join("tests/models/kinds.json")];
    match shared_dir() {
        Some(shared) => models.extend(
            [
                "kms.smithy-rs.json",
                "dynamodb.smithy-rs.json",
                "cloudwatch-logs.smithy-rs.json",
            ]
            .map(|m| shared.join("models").join(m)),
        ),
        None => skipped(
            "every_model_generates_code_that_cannot_panic (real models)",
            "../shared is not present",
        ),
    }
    for model in models {
        let (scanned, found) = scan(generated_files(&model));
        assert!(scanned > 10, "{}", model.display());
        assert!(found.is_empty(), "{}: {found:#?}", model.display());
    }
}

/// The scanner itself finds what it is meant to find.
#[test]
fn the_scanner_finds_panics() {
    let source = "fn f(v: Vec<u8>) -> u8 { let x: Option<u8> = None; x.unwrap(); v[3]; unsafe { panic!() } }";
    let (_, found) = scan([("sample.rs".to_owned(), source.to_owned())]);
    assert_eq!(found.len(), 4, "{found:?}");
}
