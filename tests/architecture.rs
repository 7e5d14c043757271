//! The generator's module graph, read from its source: the stages depend on each other in one
//! direction only (load, then plan, then emit), no two modules import each other, and no file
//! of the planner or the emitters grows past what one can read in a sitting.
//!
//! Paths are read with syn, so comments and strings do not count. A path counts when it
//! starts with `crate::`, `super::` or `self::`; the module it names is the longest prefix
//! that is a module file of codegen/src.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// Top-level modules in stage order: a module may use modules listed before it, and never
/// one after it. Modules outside this list are free to use any of them but are used by none
/// of the stages.
const STAGES: &[&[&str]] = &[
    &["diagnostics"],
    &["load"],
    &["plan"],
    &["emit"],
    &["compliance", "wire_cases", "output"],
];

/// The longest a planner or emitter file may be.
const MAX_LINES: usize = 600;

fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/src")
}

/// Every `.rs` file below `dir` with its module path (`plan/ir.rs` is `["plan", "ir"]`,
/// `plan/mod.rs` is `["plan"]`, `lib.rs` is `[]`).
fn module_files(root: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut found = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("codegen/src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let relative = path.strip_prefix(root).expect("below the root");
            let mut module: Vec<String> = relative
                .with_extension("")
                .components()
                .map(|part| part.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            found.insert(module, path);
        }
    }
    found
}

/// Collects the module paths a file's code names.
struct PathCollector {
    current: Vec<String>,
    named: BTreeSet<Vec<String>>,
}

impl PathCollector {
    /// Turns `crate::a::b`, `super::a` or `self::a` into an absolute segment list.
    fn absolute(&self, segments: &[String]) -> Option<Vec<String>> {
        let (first, rest) = segments.split_first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "self" => self.current.clone(),
            "super" => {
                let mut parent = self.current.clone();
                parent.pop();
                let mut rest = rest;
                while rest.first().is_some_and(|s| s == "super") {
                    parent.pop();
                    rest = &rest[1..];
                }
                parent.extend(rest.iter().cloned());
                return Some(parent);
            }
            _ => return None,
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    fn record(&mut self, segments: Vec<String>) {
        if let Some(path) = self.absolute(&segments) {
            self.named.insert(path);
        }
    }
}

fn use_paths(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            use_paths(&path.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(name) => {
            let mut full = prefix.clone();
            full.push(name.ident.to_string());
            out.push(full);
        }
        syn::UseTree::Rename(rename) => {
            let mut full = prefix.clone();
            full.push(rename.ident.to_string());
            out.push(full);
        }
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(group) => {
            for item in &group.items {
                use_paths(item, prefix, out);
            }
        }
    }
}

impl<'ast> Visit<'ast> for PathCollector {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.record(segments);
        syn::visit::visit_path(self, path);
    }

    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {
        // `pub(crate)` and `pub(super)` say who may look, not what is used.
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let mut found = Vec::new();
        use_paths(&item.tree, &mut Vec::new(), &mut found);
        for path in found {
            self.record(path);
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // Paths inside `quote!` are the generated crate's, not ours; other macros' bodies
        // are read as expressions where they parse as such (format!, matches!, ...).
        let name = mac.path.segments.last().map(|s| s.ident.to_string());
        if matches!(
            name.as_deref(),
            Some("quote" | "quote_spanned" | "parse_quote")
        ) {
            return;
        }
        if let Ok(args) = mac.parse_body_with(
            syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
        ) {
            for arg in &args {
                self.visit_expr(arg);
            }
        }
    }
}

/// Module path -> the modules its code names (themselves excluded).
fn module_graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = module_files(&source_root());
    let mut graph = BTreeMap::new();
    for (module, path) in &files {
        let text = std::fs::read_to_string(path).expect("a source file");
        let file = syn::parse_file(&text)
            .unwrap_or_else(|err| panic!("{} does not parse: {err}", path.display()));
        let mut collector = PathCollector {
            current: module.clone(),
            named: BTreeSet::new(),
        };
        collector.visit_file(&file);
        let mut targets = BTreeSet::new();
        for named in collector.named {
            // The longest prefix that is a module file.
            let target = (0..=named.len())
                .rev()
                .map(|len| named[..len].to_vec())
                .find(|prefix| files.contains_key(prefix));
            if let Some(target) = target {
                if &target != module {
                    targets.insert(target);
                }
            }
        }
        graph.insert(module.clone(), targets);
    }
    graph
}

fn top(module: &[String]) -> &str {
    module.first().map(String::as_str).unwrap_or("(crate root)")
}

fn stage_of(module: &str) -> Option<usize> {
    STAGES.iter().position(|stage| stage.contains(&module))
}

#[test]
fn the_stages_depend_on_earlier_stages_only() {
    let mut wrong = Vec::new();
    for (module, targets) in module_graph() {
        let Some(from) = stage_of(top(&module)) else {
            continue;
        };
        for target in targets {
            let to = stage_of(top(&target));
            if to.is_none_or(|to| to > from) {
                wrong.push(format!("{} uses {}", display(&module), display(&target)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a stage reaches forward (order: {STAGES:?}):\n{}",
        wrong.join("\n")
    );
}

/// Depth-first search for a cycle in a graph of names.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, bool>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(true) => return None,
            Some(false) => {
                let start = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            None => {}
        }
        state.insert(node.to_string(), false);
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(node.to_string(), true);
        None
    }
    let mut state = BTreeMap::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, edges, &mut state, &mut Vec::new()) {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn top_level_modules_have_no_import_cycle() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, targets) in module_graph() {
        if module.is_empty() {
            continue; // lib.rs is the facade: it names everything and nothing names it back.
        }
        let entry = edges.entry(top(&module).to_string()).or_default();
        for target in targets {
            if !target.is_empty() && top(&target) != top(&module) {
                entry.insert(top(&target).to_string());
            }
        }
    }
    assert_eq!(find_cycle(&edges), None, "an import cycle: {edges:#?}");
}

#[test]
fn sibling_modules_have_no_import_cycle() {
    // Within each directory, between its files (mod.rs, which declares them, excluded):
    // `plan/ir.rs` may be used by every pass, but a pass and the IR must not use each other.
    let graph = module_graph();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, targets) in &graph {
        let Some((_, parent)) = module.split_last() else {
            continue;
        };
        for target in targets {
            let Some((_, target_parent)) = target.split_last() else {
                continue;
            };
            let both_children = target_parent == parent && graph.contains_key(target);
            // Names inside a child module count as naming that child.
            let sibling = if both_children {
                Some(target.clone())
            } else if target.len() > module.len() && target[..parent.len()] == parent[..] {
                Some(target[..module.len()].to_vec())
            } else {
                None
            };
            if let Some(sibling) = sibling.filter(|s| s != module) {
                edges
                    .entry(module.join("::"))
                    .or_default()
                    .insert(sibling.join("::"));
            }
        }
    }
    assert_eq!(find_cycle(&edges), None, "an import cycle: {edges:#?}");
}

#[test]
fn no_planner_or_emitter_file_is_too_long_to_read() {
    let mut long = Vec::new();
    for (module, path) in module_files(&source_root()) {
        if !matches!(top(&module), "plan" | "emit") {
            continue;
        }
        let lines = std::fs::read_to_string(&path)
            .expect("a source file")
            .lines()
            .count();
        if lines > MAX_LINES {
            long.push(format!("{}: {lines} lines", path.display()));
        }
    }
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_module_reader_sees_known_edges() {
    // The checks above are only as good as the reader: it must see that the planner uses
    // the loader and the emitters use the IR.
    let graph = module_graph();
    let uses = |from: &str, to: &str| {
        graph
            .iter()
            .any(|(m, targets)| top(m) == from && targets.iter().any(|t| top(t) == to))
    };
    assert!(uses("plan", "load"));
    assert!(uses("emit", "plan"));
    assert!(!uses("load", "emit"));
    let mut cycle = BTreeMap::new();
    cycle.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    cycle.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert!(find_cycle(&cycle).is_some());
}

fn display(module: &[String]) -> String {
    if module.is_empty() {
        "the crate root".to_string()
    } else {
        module.join("::")
    }
}
