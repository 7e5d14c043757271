//! Fuzzes the Smithy IDL front end, then the planner and the emitters, with arbitrary text:
//! any input must give a model or diagnostics, never a panic, a stack overflow or unbounded
//! memory (the loader's limits: node values 64 levels, mixin chains 100, mixin copies 4 MiB;
//! the planner's: collections 32 levels). A line `//---` splits the input into several
//! files, so `use`, `apply` and mixins across files are fuzzed too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let files: Vec<(PathBuf, String)> = text
        .split("\n//---\n")
        .take(4)
        .enumerate()
        .map(|(i, part)| (PathBuf::from(format!("fuzz{i}.smithy")), part.to_owned()))
        .collect();
    let Ok(loaded) = codegen::load::idl::load_idl_files(&files) else { return };
    let _ = codegen::generate_loaded(&loaded, &codegen::Options::default());
});
