//! Package facts (versions, where a crate's source lives) as cargo knows them, from
//! `cargo metadata --format-version 1`, instead of guessing registry paths or reading
//! `Cargo.lock` by hand.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The part of `cargo metadata`'s answer that we read.
#[derive(Debug, Deserialize)]
struct Metadata {
    packages: Vec<Package>,
}

/// One package of the resolved dependency graph.
#[derive(Debug, Deserialize)]
pub struct Package {
    /// The package name, as in its manifest.
    pub name: String,
    /// The exact version that was resolved.
    pub version: String,
    /// Where it comes from (`registry+...`); `None` for a path package, such as a member.
    pub source: Option<String>,
    targets: Vec<Target>,
}

/// A build target of a package.
#[derive(Debug, Deserialize)]
struct Target {
    kind: Vec<String>,
    src_path: PathBuf,
}

impl Package {
    /// The directory of the library's root file (`src/` for most crates).
    pub fn source_dir(&self) -> Option<&Path> {
        self.targets
            .iter()
            .find(|target| target.kind.iter().any(|kind| kind == "lib"))
            .and_then(|target| target.src_path.parent())
    }
}

/// Every package cargo resolves for the crate or workspace in `dir`, offline (run
/// `cargo fetch` first); with `no_deps`, only the workspace's own members.
fn packages(dir: &Path, no_deps: bool) -> Result<Vec<Package>, String> {
    let mut command = super::builds::cargo(dir);
    command.args(["metadata", "--format-version", "1", "--offline"]);
    if no_deps {
        command.arg("--no-deps");
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed in {}:\n{}",
            dir.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: Metadata = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cannot read cargo metadata's answer: {e}"))?;
    Ok(metadata.packages)
}

/// The dependency `name` of the crate in `dir`, as resolved there.
pub fn dependency(dir: &Path, name: &str) -> Result<Package, String> {
    packages(dir, false)?
        .into_iter()
        .find(|package| package.name == name && package.source.is_some())
        .ok_or_else(|| format!("{name} is not among the dependencies of {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Offline and without dependencies, so no network: the workspace's own members.
    #[test]
    fn cargo_metadata_locates_a_packages_source_and_version() {
        let root = codegen::workspace_root();
        let members = packages(&root, true).expect("cargo metadata runs");
        let generated = members
            .iter()
            .find(|package| package.name == "kms-api")
            .expect("the generated crate is a member");
        assert_eq!(generated.version, "0.1.0");
        assert_eq!(generated.source, None);
        assert_eq!(
            generated.source_dir(),
            Some(root.join("generated/src").as_path())
        );
    }

    #[test]
    fn the_library_target_decides_the_source_directory() {
        let text = r#"{"packages": [{"name": "p", "version": "1.2.3", "source": "registry+x",
            "targets": [
                {"kind": ["bin"], "src_path": "/r/p-1.2.3/src/bin/tool.rs"},
                {"kind": ["lib"], "src_path": "/r/p-1.2.3/lib/root.rs"}]}]}"#;
        let metadata: Metadata = serde_json::from_str(text).unwrap();
        assert_eq!(
            metadata.packages[0].source_dir(),
            Some(Path::new("/r/p-1.2.3/lib"))
        );
    }
}
