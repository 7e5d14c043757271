//! The first level of the codegen cache: text that this build of the generator printed from
//! tokens before, so that a file whose tokens did not change is not printed again. The second
//! level (`format`) then maps printed text to formatted text.
//!
//! Printing is a pure function of the tokens within one build of the generator, but another
//! build may print differently, so each build keeps its own memo, in
//! `<cache>/printed-<build>/`, named by the running executable's path, size and modification
//! time; a new build removes the memos of the builds before it.

use std::path::{Path, PathBuf};

/// A [`codegen::PrintMemo`] kept as one file per key in a directory.
#[derive(Debug)]
pub struct DirMemo {
    dir: PathBuf,
}

impl DirMemo {
    /// The memo of the running build below `cache`; `None` when the build cannot be
    /// identified (then every file is printed).
    pub fn open(cache: &Path) -> Option<DirMemo> {
        let dir = cache.join(format!("printed-{}", build_identity()?));
        if !dir.is_dir() {
            remove_other_builds(cache);
        }
        Some(DirMemo { dir })
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.dir.join(key)
    }
}

impl codegen::PrintMemo for DirMemo {
    fn recall(&self, key: &str) -> Option<String> {
        std::fs::read_to_string(self.entry(key)).ok()
    }

    /// Written beside the entry, then renamed, so that a reader never sees half an entry; a
    /// failure only costs printing on the next run.
    fn keep(&self, key: &str, printed: &str) {
        let entry = self.entry(key);
        let staging = entry.with_extension(format!("tmp{}", std::process::id()));
        let _ = std::fs::create_dir_all(&self.dir);
        if std::fs::write(&staging, printed).is_ok() && std::fs::rename(&staging, &entry).is_err() {
            let _ = std::fs::remove_file(&staging);
        }
    }
}

/// The running executable's path, size and modification time, hashed: a rebuild changes it.
fn build_identity() -> Option<String> {
    use std::hash::{Hash, Hasher};
    let exe = std::env::current_exe().ok()?;
    let metadata = std::fs::metadata(&exe).ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (exe, metadata.len(), modified).hash(&mut hasher);
    Some(format!("{:016x}", hasher.finish()))
}

/// Removes the memos of other builds; they would never be read again.
fn remove_other_builds(cache: &Path) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with("printed-") {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codegen::PrintMemo;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-memo-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_kept_text_is_recalled_by_its_key_only() {
        let cache = scratch("recall");
        let memo = DirMemo::open(&cache).expect("the test binary has an identity");
        assert_eq!(memo.recall("k1"), None);
        memo.keep("k1", "fn a() {}\n");
        assert_eq!(memo.recall("k1").as_deref(), Some("fn a() {}\n"));
        assert_eq!(memo.recall("k2"), None);
        let _ = std::fs::remove_dir_all(&cache);
    }

    #[test]
    fn the_memos_of_other_builds_are_removed() {
        let cache = scratch("builds");
        let old = cache.join("printed-0000000000000000");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("k1.rs"), "stale").unwrap();
        std::fs::write(cache.join("formatted.rs"), "kept").unwrap();
        let memo = DirMemo::open(&cache).expect("identity");
        assert!(!old.exists());
        assert!(cache.join("formatted.rs").exists());
        assert_eq!(memo.recall("k1"), None);
        let _ = std::fs::remove_dir_all(&cache);
    }
}
