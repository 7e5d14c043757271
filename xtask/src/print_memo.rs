//! The first level of the codegen cache: text that this build of the generator printed from
//! tokens before, so that a file whose tokens did not change is not printed again (and a crate
//! whose IR did not change is not even emitted). The second level (`format`) then maps printed
//! text to formatted text.
//!
//! Printing is a pure function of the tokens within one build of the generator, but another
//! build may print differently, so each build keeps its own memo, `<cache>/printed-<build>`,
//! named by the running executable's path, size and modification time. A new build removes the
//! memos of all but the most recent builds before it (a debug and a release build of the
//! xtask, run in turn, keep theirs).

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

/// How many memos of other builds a new build keeps: the most recently written ones.
const OTHER_BUILDS_KEPT: usize = 3;

/// Removes the memos of older builds: the rebuilt generator will never read them again.
fn remove_other_builds(cache: &Path) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    let mut memos: Vec<(std::time::SystemTime, std::path::PathBuf)> = entries
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("printed-"))
        .map(|entry| {
            let written = entry.metadata().and_then(|m| m.modified());
            (written.unwrap_or(std::time::UNIX_EPOCH), entry.path())
        })
        .collect();
    memos.sort_by(|a, b| b.cmp(a));
    for (_, path) in memos.iter().skip(OTHER_BUILDS_KEPT) {
        let _ = std::fs::remove_file(path);
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
    fn only_the_most_recent_memos_of_other_builds_are_kept() {
        let cache = scratch("builds");
        std::fs::create_dir_all(&cache).unwrap();
        let builds: Vec<PathBuf> = (0..OTHER_BUILDS_KEPT + 2)
            .map(|n| cache.join(format!("printed-{n:016x}")))
            .collect();
        for (age, build) in builds.iter().enumerate() {
            std::fs::write(build, "another build").unwrap();
            let written =
                std::time::SystemTime::now() - std::time::Duration::from_secs(age as u64 * 60);
            let file = std::fs::File::options().write(true).open(build).unwrap();
            file.set_modified(written).unwrap();
        }
        std::fs::write(cache.join("formatted"), "kept").unwrap();
        let memo = PackMemo::open(&cache).expect("identity");
        let kept: Vec<bool> = builds.iter().map(|build| build.exists()).collect();
        let mut expected = vec![true; OTHER_BUILDS_KEPT];
        expected.extend([false, false]);
        assert_eq!(kept, expected, "the newest are kept");
        assert!(cache.join("formatted").exists());
        assert_eq!(memo.recall("k1"), None);
        let _ = std::fs::remove_dir_all(&cache);
    }
}
