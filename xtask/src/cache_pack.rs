//! A cache file holding many entries (key to text), read whole and replaced whole. Creating a
//! file costs far more than writing a large one on some file systems (about a millisecond per
//! file on this project's CI disk), so the codegen caches keep one pack each instead of one
//! file per entry.
//!
//! Entries are content-addressed by their callers, so a lost update (two saves at once: the
//! last rename wins) only costs time, and a damaged pack reads as empty.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The first line of every pack, so that another format is never misread.
const MAGIC: &str = "kms-codegen cache pack 1\n";

/// A pack larger than this keeps only the entries used by the run that saves it.
const PRUNE_ABOVE_BYTES: usize = 64 << 20;

/// The entries of one pack file, shared by the threads of a generation.
#[derive(Debug)]
pub struct Pack {
    path: PathBuf,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    entries: BTreeMap<String, String>,
    used: BTreeSet<String>,
    changed: bool,
}

impl Pack {
    /// The pack at `path`; empty when the file is missing or damaged.
    pub fn open(path: &Path) -> Pack {
        let entries = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| parse(&text))
            .unwrap_or_default();
        Pack {
            path: path.to_path_buf(),
            state: Mutex::new(State {
                entries,
                ..State::default()
            }),
        }
    }

    /// The text stored under `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        let mut state = self.state.lock().ok()?;
        let text = state.entries.get(key).cloned()?;
        state.used.insert(key.to_owned());
        Some(text)
    }

    /// Stores `text` under `key` (saved by [`Pack::save`]).
    pub fn insert(&self, key: &str, text: &str) {
        if let Ok(mut state) = self.state.lock() {
            state.used.insert(key.to_owned());
            if state.entries.get(key).map(String::as_str) != Some(text) {
                state.entries.insert(key.to_owned(), text.to_owned());
                state.changed = true;
            }
        }
    }

    /// Writes the pack when entries were added: beside the file, then renamed over it, so
    /// that a reader never sees half a pack. A failure only costs time on the next run.
    pub fn save(&self) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if !state.changed {
            return;
        }
        let size: usize = state.entries.values().map(String::len).sum();
        if size > PRUNE_ABOVE_BYTES {
            let used = std::mem::take(&mut state.used);
            state.entries.retain(|key, _| used.contains(key));
            state.used = used;
        }
        let mut text = String::with_capacity(size + MAGIC.len());
        text.push_str(MAGIC);
        for (key, value) in &state.entries {
            text.push_str(&format!("{key} {}\n", value.len()));
            text.push_str(value);
            text.push('\n');
        }
        if let Some(parent) = self.path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        // Unique to this save, so that two saves at once (threads or processes) never write
        // into one file.
        static SAVES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let save = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let staging = self
            .path
            .with_extension(format!("tmp{}-{save}", std::process::id()));
        if std::fs::write(&staging, text).is_ok() && std::fs::rename(&staging, &self.path).is_ok() {
            state.changed = false;
        } else {
            let _ = std::fs::remove_file(&staging);
        }
    }
}

/// The entries of a pack's text; `None` when it is not a whole pack.
fn parse(text: &str) -> Option<BTreeMap<String, String>> {
    let mut rest = text.strip_prefix(MAGIC)?;
    let mut entries = BTreeMap::new();
    while !rest.is_empty() {
        let (header, after) = rest.split_once('\n')?;
        let (key, len) = header.split_once(' ')?;
        let len: usize = len.parse().ok()?;
        let value = after.get(..len)?;
        rest = after.get(len..)?.strip_prefix('\n')?;
        entries.insert(key.to_owned(), value.to_owned());
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-pack-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn saved_entries_read_back_exactly() {
        let dir = scratch("roundtrip");
        let path = dir.join("p.pack");
        let pack = Pack::open(&path);
        assert_eq!(pack.get("a"), None);
        pack.insert("a", "line one\nline two 7\n");
        pack.insert("b", "");
        pack.insert("c", "ünïcödé 3\n\n");
        pack.save();
        let again = Pack::open(&path);
        assert_eq!(again.get("a").as_deref(), Some("line one\nline two 7\n"));
        assert_eq!(again.get("b").as_deref(), Some(""));
        assert_eq!(again.get("c").as_deref(), Some("ünïcödé 3\n\n"));
        assert_eq!(again.get("d"), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_pack_reads_as_empty() {
        let whole = format!("{MAGIC}a 3\nabc\nb 2\nxy\n");
        assert_eq!(parse(&whole).map(|e| e.len()), Some(2));
        for damaged in [
            &whole[..whole.len() - 2],
            "a 3\nabc\n",
            &whole.replace("a 3", "a 4"),
            &whole.replace("b 2", "b two"),
        ] {
            assert_eq!(parse(damaged), None, "{damaged:?}");
        }
    }
}
