//! Fuzzes the model loader, the planner and the emitters (everything but the rustfmt pass,
//! which is an external process) with arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(loaded) = codegen::load::parse_model(Path::new("fuzz.json"), text) else { return };
    let _ = codegen::generate_loaded(&[loaded], &codegen::Options::default());
});
