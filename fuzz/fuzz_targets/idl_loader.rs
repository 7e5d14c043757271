//! Fuzzes the Smithy IDL front end, then the planner and the emitters, with arbitrary text:
//! any input must give a model or diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let files = [(PathBuf::from("fuzz.smithy"), text.to_owned())];
    let Ok(loaded) = codegen::load::idl::load_idl_files(&files) else { return };
    let _ = codegen::generate_loaded(&loaded, &codegen::Options::default());
});
