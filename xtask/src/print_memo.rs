//! The first level of the codegen cache: text that this build of the generator printed from
//! tokens before, so that a file whose tokens did not change is not printed again (and a crate
//! whose IR did not change is not even emitted). The second level (`format`) then maps printed
//! text to formatted text.
//!
//! Printing is a pure function of the tokens within one build of the generator, but another
//! build may print differently, so each build keeps its own memo, `<cache>/printed-<build>`,
//! named by the running executable's path, size and modification time; a new build removes the
//! memos of the builds before it.

use crate::cache_pack::Pack;
use std::path::Path;

/// A [`codegen::PrintMemo`] kept in one [`Pack`].
#[derive(Debug)]
pub struct PackMemo {
    pack: Pack,
}

impl PackMemo {
    /// The memo of the running build below `cache`; `None` when the build cannot be
    /// identified (then every file is printed).
    pub fn open(cache: &Path) -> Option<PackMemo> {
        let path = cache.join(format!("printed-{}", build_identity()?));
        if !path.is_file() {
            remove_other_builds(cache);
        }
        Some(PackMemo {
            pack: Pack::open(&path),
        })
    }

    /// Keeps what this run printed for the next runs.
    pub fn save(&self) {
        self.pack.save();
    }
}

impl codegen::PrintMemo for PackMemo {
    fn recall(&self, key: &str) -> Option<String> {
        self.pack.get(key)
    }

    fn keep(&self, key: &str, printed: &str) {
        self.pack.insert(key, printed);
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
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codegen::PrintMemo;
    use std::path::PathBuf;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-memo-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_kept_text_is_recalled_by_its_key_only_and_survives_the_run() {
        let cache = scratch("recall");
        let memo = PackMemo::open(&cache).expect("the test binary has an identity");
        assert_eq!(memo.recall("k1"), None);
        memo.keep("k1", "fn a() {}\n");
        assert_eq!(memo.recall("k1").as_deref(), Some("fn a() {}\n"));
        assert_eq!(memo.recall("k2"), None);
        memo.save();
        let next_run = PackMemo::open(&cache).expect("identity");
        assert_eq!(next_run.recall("k1").as_deref(), Some("fn a() {}\n"));
        let _ = std::fs::remove_dir_all(&cache);
    }

    #[test]
    fn the_memos_of_other_builds_are_removed() {
        let cache = scratch("builds");
        std::fs::create_dir_all(&cache).unwrap();
        let old = cache.join("printed-0000000000000000");
        std::fs::write(&old, "stale").unwrap();
        std::fs::write(cache.join("formatted"), "kept").unwrap();
        let memo = PackMemo::open(&cache).expect("identity");
        assert!(!old.exists());
        assert!(cache.join("formatted").exists());
        assert_eq!(memo.recall("k1"), None);
        let _ = std::fs::remove_dir_all(&cache);
    }
}
