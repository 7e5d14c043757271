//! Formatting of the emitted Rust files with rustfmt, so that the checked-in crate is exactly
//! what `cargo fmt` would leave. prettyplease gives rustfmt a readable starting point (rustfmt
//! gives up on very long lines); rustfmt has the last word.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Formats every `.rs` file of a crate in place with one rustfmt run (edition 2021, default
/// configuration). The rustfmt binary is `$RUSTFMT`, else `rustfmt` on the `PATH`.
pub fn rustfmt_crate(files: &mut BTreeMap<String, String>) -> Result<(), String> {
    if !files.contains_key("src/lib.rs") {
        return Ok(());
    }
    let dir = TempDir::new()?;
    for (path, contents) in files.iter() {
        if path.ends_with(".rs") {
            let target = dir.path().join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(|e| format!("rustfmt staging: {e}"))?;
            }
            std::fs::write(&target, contents).map_err(|e| format!("rustfmt staging: {e}"))?;
        }
    }
    // An empty configuration beside the files, so no rustfmt.toml from a parent directory of
    // the temporary directory can change the output.
    std::fs::write(dir.path().join("rustfmt.toml"), "")
        .map_err(|e| format!("rustfmt staging: {e}"))?;
    let binary = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let output = Command::new(&binary)
        .args(["--edition", "2021"])
        .arg(dir.path().join("src/lib.rs"))
        .output()
        .map_err(|e| {
            format!(
                "cannot run {}: {e}; install it with `rustup component add rustfmt` or point $RUSTFMT at it",
                Path::new(&binary).display()
            )
        })?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt rejected the generated code (a generator bug):\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    for (path, contents) in files.iter_mut() {
        if path.ends_with(".rs") {
            *contents = std::fs::read_to_string(dir.path().join(path))
                .map_err(|e| format!("rustfmt output: {e}"))?;
        }
    }
    Ok(())
}

/// A uniquely named directory under the system temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, String> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("kms-codegen-fmt-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(TempDir(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
