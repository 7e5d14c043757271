//! The generated crates never panic on their own: no `unwrap`, `expect`, panicking macros,
//! indexing that can go out of bounds, or `unsafe`. Checked on the syntax tree of every
//! generated file (doc comments, where examples live, are attributes and not checked), and
//! on the raw tokens inside every macro, which syn does not parse: `macro_rules!` bodies
//! (such as `modelled_error!` in `wire.rs`) and the arguments of macro invocations. They also
//! need no `serde_derive`: no derived serde impl, no `#[serde]` attribute.

use proc_macro2::{Delimiter, TokenTree};
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
        // syn leaves a macro's tokens unparsed: a `macro_rules!` body, or the arguments of
        // any invocation. Walk them for the same things.
        let what = if name == "macro_rules" {
            "in a `macro_rules!` body"
        } else {
            "in macro arguments"
        };
        let tokens: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
        scan_tokens(
            &tokens,
            &format!("{}: {what} (`{name}!`)", self.file),
            &mut self.found,
        );
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

/// Macros that panic, by name (`assert*` and `debug_assert*` are matched by prefix).
const PANICKING_MACROS: &[&str] = &["panic", "unreachable", "todo", "unimplemented"];

fn is_panicking_macro(name: &str) -> bool {
    PANICKING_MACROS.contains(&name)
        || name.starts_with("assert")
        || name.starts_with("debug_assert")
}

/// Looks through raw tokens (recursively, into every group) for `.unwrap(`, `.expect(`,
/// `.unwrap_unchecked(` (or `::unwrap` paths), a panicking macro `name!`, and `unsafe`.
fn scan_tokens(tokens: &[TokenTree], at: &str, found: &mut Vec<String>) {
    for (i, token) in tokens.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|j| tokens.get(j));
        let next = tokens.get(i + 1);
        match token {
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let after_dot_or_path = matches!(previous, Some(TokenTree::Punct(p)) if p.as_char() == '.' || p.as_char() == ':');
                let bang_follows = matches!(next, Some(TokenTree::Punct(p)) if p.as_char() == '!');
                if after_dot_or_path
                    && matches!(name.as_str(), "unwrap" | "expect" | "unwrap_unchecked")
                {
                    found.push(format!("{at}: `.{name}()`"));
                } else if bang_follows && is_panicking_macro(&name) {
                    found.push(format!("{at}: `{name}!`"));
                } else if name == "unsafe" {
                    found.push(format!("{at}: `unsafe`"));
                }
            }
            TokenTree::Group(group) => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                scan_tokens(&inner, at, found);
                // `x[i]`, `f()[i]`, `a[0][1]`: a bracket right after a value is indexing
                // (after `#`, `!`, `=`, `,`, `(`, `&`, `:`, ... it is an attribute, a macro
                // call, an array or a type).
                let lifetime = i >= 2
                    && matches!(tokens.get(i - 2), Some(TokenTree::Punct(p)) if p.as_char() == '\'');
                let indexes = group.delimiter() == Delimiter::Bracket
                    && match previous {
                        Some(TokenTree::Ident(_)) if lifetime => false, // `&'static [u8]`
                        Some(TokenTree::Ident(ident)) => !matches!(
                            ident.to_string().as_str(),
                            "in" | "return"
                                | "mut"
                                | "break"
                                | "as"
                                | "else"
                                | "match"
                                | "if"
                                | "move"
                        ),
                        Some(TokenTree::Group(g)) => g.delimiter() != Delimiter::Brace,
                        _ => false,
                    };
                if indexes {
                    found.push(format!("{at}: indexing `[..]`"));
                }
            }
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
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
    let mut models = vec![
        root().join("tests/models/kinds.json"),
        root().join("tests/models/client-rules.json"),
    ];
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

/// Inside `macro_rules!` bodies and macro arguments, which syn leaves as tokens, the scanner
/// finds the same things.
#[test]
fn the_scanner_looks_inside_macros() {
    let source = r#"
        macro_rules! modelled_error {
            ($name:ident) => {
                impl $name {
                    fn first(&self) -> u8 { self.values.first().copied().unwrap() }
                    fn second(&self) -> u8 { self.values[1] }
                    fn third(&self) -> u8 { Option::<u8>::None.expect("three") }
                    fn fourth(&self) { debug_assert!(true); unreachable!() }
                    fn fifth(&self) -> u8 { unsafe { *self.values.as_ptr() } }
                }
            };
        }
        modelled_error!(Thing);
        fn g() { other!(x.unwrap(), todo!()); }
    "#;
    let (_, found) = scan([("sample.rs".to_owned(), source.to_owned())]);
    let expected = [
        "sample.rs: in a `macro_rules!` body (`macro_rules!`): `.unwrap()`",
        "sample.rs: in a `macro_rules!` body (`macro_rules!`): indexing `[..]`",
        "sample.rs: in a `macro_rules!` body (`macro_rules!`): `.expect()`",
        "sample.rs: in a `macro_rules!` body (`macro_rules!`): `debug_assert!`",
        "sample.rs: in a `macro_rules!` body (`macro_rules!`): `unreachable!`",
        "sample.rs: in a `macro_rules!` body (`macro_rules!`): `unsafe`",
        "sample.rs: in macro arguments (`other!`): `.unwrap()`",
        "sample.rs: in macro arguments (`other!`): `todo!`",
    ];
    assert_eq!(found, expected);
    // What macros legitimately hold is not flagged: attributes, arrays, slice types, macro
    // calls with brackets, paths, and method names that only resemble the forbidden ones.
    let clean = r#"
        macro_rules! fine {
            ($name:ident, $($v:expr),*) => {
                #[derive(Debug)]
                struct $name { a: [u8; 4], b: &'static [u8] }
                fn f(x: Option<u8>) -> Vec<u8> {
                    let v = vec![1, 2];
                    for i in [1, 2] { let _ = i; }
                    let _ = x.unwrap_or(0).expected_len();
                    let _ = [$($v),*];
                    v
                }
            };
        }
    "#;
    let (_, found) = scan([("clean.rs".to_owned(), clean.to_owned())]);
    assert!(found.is_empty(), "{found:?}");
}

/// Finds what would need `serde_derive`: `#[derive(Serialize)]`, `#[derive(Deserialize)]`
/// and `#[serde(..)]` attributes.
#[derive(Default)]
struct DeriveFindings {
    file: String,
    found: Vec<String>,
}

impl<'ast> Visit<'ast> for DeriveFindings {
    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        let tokens = match &attr.meta {
            syn::Meta::List(list) => list.tokens.to_string(),
            _ => String::new(),
        };
        if attr.path().is_ident("serde")
            || (attr.path().is_ident("derive")
                && (tokens.contains("Serialize") || tokens.contains("Deserialize")))
        {
            self.found.push(format!("{}: `({tokens})`", self.file));
        }
    }
}

/// Generated crates depend on serde's traits alone (`serde_core`, under the name `serde`), so
/// no user builds `syn`, `serde_derive` or even `serde` for them: every impl is written out.
#[test]
fn generated_crates_need_no_serde_derive() {
    let mut models = vec![
        root().join("tests/models/kinds.json"),
        root().join("tests/models/client-rules.json"),
    ];
    if let Some(shared) = shared_dir() {
        models.extend(
            [
                "kms.smithy-rs.json",
                "dynamodb.smithy-rs.json",
                "cloudwatch-logs.smithy-rs.json",
            ]
            .map(|m| shared.join("models").join(m)),
        );
    }
    for model in models {
        let mut findings = DeriveFindings::default();
        for (file, text) in generated_files(&model) {
            if file == "Cargo.toml" {
                let serde = text.lines().find(|l| l.starts_with("serde ="));
                assert_eq!(
                    serde,
                    Some("serde = { package = \"serde_core\", version = \"1.0.220\" }"),
                    "{}",
                    model.display()
                );
            } else if file.ends_with(".rs") {
                findings.file = file;
                let syntax = syn::parse_file(&text).unwrap();
                findings.visit_file(&syntax);
            }
        }
        assert!(
            findings.found.is_empty(),
            "{}: {:#?}",
            model.display(),
            findings.found
        );
    }
}

/// The derive scanner finds a derived impl and a serde attribute.
#[test]
fn the_derive_scanner_finds_derives() {
    let mut findings = DeriveFindings::default();
    let syntax = syn::parse_file(
        "#[derive(Clone, serde::Serialize)] struct A { #[serde(rename = \"B\")] b: u8 }",
    )
    .unwrap();
    findings.visit_file(&syntax);
    assert_eq!(findings.found.len(), 2, "{:#?}", findings.found);
}

/// The `rust-version` a generated crate declares: 1.75 for what every crate has (its
/// `server` feature returns `impl Future` from a trait method, stable since Rust 1.75, and
/// one `rust-version` covers every feature), 1.80 with formatted timestamps (kinds.json has `date-time` and `http-date` members, the bundled KMS
/// model only epoch seconds), and the runtime crate declares the highest, with every piece
/// on. Clippy's `incompatible_msrv` (on by default, so in every `clippy -D warnings` of a
/// generated crate) then refuses any newer standard library API.
#[test]
fn rust_version_follows_the_runtime_pieces_the_model_uses() {
    let declared = |manifest: &str| {
        manifest
            .lines()
            .find_map(|line| line.strip_prefix("rust-version = "))
            .map(|value| value.trim_matches('"').to_owned())
    };
    let of_model = |model: &str| {
        let files = generated_files(&root().join(model));
        let manifest = files
            .iter()
            .find(|(path, _)| path == "Cargo.toml")
            .map(|(_, text)| text.clone())
            .unwrap_or_default();
        declared(&manifest)
    };
    assert_eq!(of_model("models"), Some("1.75".to_owned()));
    assert_eq!(of_model("tests/models/kinds.json"), Some("1.80".to_owned()));
    let runtime = std::fs::read_to_string(root().join("codegen/runtime/Cargo.toml")).unwrap();
    assert_eq!(declared(&runtime), Some("1.80".to_owned()));
}
