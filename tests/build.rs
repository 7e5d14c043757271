//! Writes the typed wire tests into `OUT_DIR` for `typed_wire_cases.rs`: every case of
//! `tests/wire/*.json` and every example of the bundled model, with inputs and expected values
//! built through the generated crate's builders (see `codegen::compliance::typed_wire`).

use codegen::compliance::{wire_test_file, ModelFacts, WireCase};
use std::path::{Path, PathBuf};

fn main() {
    if let Err(problem) = write_tests() {
        eprintln!("error: cannot write the typed wire tests: {problem}");
        std::process::exit(1);
    }
}

fn write_tests() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let models = root.join("models");
    let wire = root.join("tests/wire");
    println!("cargo:rerun-if-changed={}", models.display());
    println!("cargo:rerun-if-changed={}", wire.display());
    let loaded = codegen::load_models(&[models]).map_err(|problems| problems.to_string())?;
    let service = codegen::plan(&loaded, &codegen::PlanOptions::default())
        .map_err(|problems| problems.to_string())?;
    let facts = ModelFacts::from_loaded(&loaded);
    let mut cases = Vec::new();
    for file in case_files(&wire)? {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let items: Vec<serde_json::Value> =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let source = format!(
            "tests/wire/{}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        cases.extend(items.into_iter().map(|case| WireCase {
            source: source.clone(),
            case,
        }));
    }
    let examples = codegen::wire_cases::from_examples(&service);
    cases.extend(examples.cases.into_iter().map(|case| WireCase {
        source: "models/ (smithy.api#examples)".to_owned(),
        case,
    }));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    let text = wire_test_file(&service, &facts, &cases);
    std::fs::write(out.join("typed_wire_cases.rs"), text).map_err(|e| e.to_string())
}

/// The `*.json` files of `dir`, sorted.
fn case_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    Ok(files)
}
