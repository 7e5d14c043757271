//! `--state FILE`: a write-ahead log with snapshots.
//!
//! Why our own log rather than an embedded database such as redb: the state is a handful of
//! small records (the store limit is in the tens), every change replaces one whole record,
//! and the only guarantee needed is "acknowledged means on disk". An append-only file of
//! checksummed JSON lines gives exactly that with `fsync` per change, stays readable with
//! `cat` when a test fails, and adds no dependency beyond a CRC. A database would bring
//! its own file format, page cache and upgrade story for no gain at this size.
//!
//! Format: a header line, then one line per [`Change`]: the CRC-32 of the JSON as eight hex
//! digits, a space, the JSON, `\n`. A change is acknowledged only after its line is written
//! and `fsync`ed, so after `kill -9` the file holds every acknowledged change, plus at most
//! one torn line at the very end (a write that was never acknowledged), which start-up
//! drops. Anything else that does not read back (a bad checksum or JSON on a complete line,
//! a wrong header) stops start-up with a message: the file is never discarded silently.
//!
//! Snapshots: at start-up, and again every [`SNAPSHOT_EVERY`] changes, the registry is
//! written as its marker key, changed clusters and one `Put` per store into `FILE.tmp`, `fsync`ed, and renamed over the log (then
//! the directory is `fsync`ed), so the log never grows without bound.

use crate::store::{Change, Registry};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

const HEADER: &str = "kms-emulator state v1";

/// How many changes the log takes before it is compacted into a snapshot.
pub const SNAPSHOT_EVERY: usize = 10_000;

/// The open log.
pub struct Wal {
    path: PathBuf,
    file: File,
    since_snapshot: usize,
}

impl Wal {
    /// Opens (or creates) the state file, replays it into `registry`, and compacts it.
    pub fn open(
        path: &Path,
        registry: &mut Registry,
        config: &crate::config::Config,
    ) -> Result<Wal, String> {
        let shown = path.display();
        match File::open(path) {
            Ok(file) => {
                replay(file, registry).map_err(|why| format!("state file {shown}: {why}"))?
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(format!("cannot read state file {shown}: {error}")),
        }
        let mut wal = Wal {
            path: path.to_owned(),
            file: write_snapshot(path, registry, config)?,
            since_snapshot: 0,
        };
        wal.file
            .seek(SeekFrom::End(0))
            .map_err(|error| format!("state file {shown}: {error}"))?;
        Ok(wal)
    }

    /// Appends changes and waits until they are on disk.
    pub fn append(&mut self, changes: &[Change]) -> std::io::Result<()> {
        let mut text = String::new();
        for change in changes {
            text.push_str(&line(change)?);
        }
        self.file.write_all(text.as_bytes())?;
        self.file.sync_data()?;
        self.since_snapshot += changes.len();
        Ok(())
    }

    /// Compacts the log once it has grown by [`SNAPSHOT_EVERY`] changes (after `append`,
    /// with the registry those changes produced).
    pub fn maybe_snapshot(
        &mut self,
        registry: &Registry,
        config: &crate::config::Config,
    ) -> Result<(), String> {
        if self.since_snapshot >= SNAPSHOT_EVERY {
            self.file = write_snapshot(&self.path, registry, config)?;
            self.file
                .seek(SeekFrom::End(0))
                .map_err(|error| error.to_string())?;
            self.since_snapshot = 0;
        }
        Ok(())
    }
}

fn line(change: &Change) -> std::io::Result<String> {
    let json = serde_json::to_string(change)?;
    Ok(format!("{:08x} {json}\n", crc32fast::hash(json.as_bytes())))
}

fn replay(file: File, registry: &mut Registry) -> Result<(), String> {
    let mut reader = BufReader::new(file);
    let mut number = 0usize;
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let read = reader
            .read_until(b'\n', &mut buffer)
            .map_err(|error| error.to_string())?;
        if read == 0 {
            return Ok(());
        }
        number += 1;
        if buffer.last() != Some(&b'\n') {
            // A torn last line: its write was never acknowledged (see the module docs).
            tracing::warn!(
                line = number,
                "dropping an incomplete last line of the state file"
            );
            return Ok(());
        }
        let text = std::str::from_utf8(&buffer[..buffer.len() - 1])
            .map_err(|_| format!("line {number} is not UTF-8: the file is corrupt"))?;
        if number == 1 {
            if text != HEADER {
                return Err(format!("line 1 is not `{HEADER}`: this is not a kms-emulator state file, or it is corrupt"));
            }
            continue;
        }
        registry
            .apply(&parse_line(text).map_err(|why| format!("line {number} is corrupt: {why}"))?);
    }
}

fn parse_line(text: &str) -> Result<Change, String> {
    let (crc, json) = text.split_once(' ').ok_or("no checksum")?;
    let expected = u32::from_str_radix(crc, 16).map_err(|_| "the checksum is not hex")?;
    if crc.len() != 8 || crc32fast::hash(json.as_bytes()) != expected {
        return Err("the checksum does not match".to_owned());
    }
    serde_json::from_str(json).map_err(|error| error.to_string())
}

fn write_snapshot(
    path: &Path,
    registry: &Registry,
    config: &crate::config::Config,
) -> Result<File, String> {
    let shown = path.display();
    let temporary = path.with_extension("tmp");
    let mut text = format!("{HEADER}\n");
    if let Some(key) = registry.marker_key {
        text.push_str(&line(&Change::MarkerKey(key)).map_err(|error| error.to_string())?);
    }
    let configured: std::collections::BTreeMap<&str, &crate::config::Cluster> = config
        .cloudhsm_clusters
        .iter()
        .map(|cluster| (cluster.cluster_id.as_str(), cluster))
        .collect();
    for cluster in registry.clusters.values() {
        if configured.get(cluster.cluster_id.as_str()) != Some(&cluster) {
            text.push_str(
                &line(&Change::Cluster(cluster.clone())).map_err(|error| error.to_string())?,
            );
        }
    }
    for store in registry.in_creation_order() {
        text.push_str(&line(&Change::Put(store.clone())).map_err(|error| error.to_string())?);
    }
    let write = || -> std::io::Result<File> {
        let mut file = File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)?;
        if let Some(directory) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            File::open(directory)?.sync_all()?;
        }
        OpenOptions::new().append(true).read(true).open(path)
    };
    write().map_err(|error| format!("cannot write state file {shown}: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::store::{Backing, CloudHsmSettings, ConnectionState, StoreRecord};

    fn store(n: u64) -> StoreRecord {
        StoreRecord {
            id: format!("cks-{n:017x}"),
            name: format!("store {n}"),
            created_ms: 1,
            seq: n,
            state: ConnectionState::Disconnected,
            error_code: None,
            attempt: 0,
            kms_key_count: 0,
            backing: Backing::CloudHsm(CloudHsmSettings {
                cluster_id: "cluster-aaaaaaaaaaa".to_owned(),
                trust_anchor_certificate: "a".to_owned(),
                key_store_password: "p".to_owned(),
            }),
        }
    }

    fn reopen(path: &Path) -> Result<Registry, String> {
        let config = Config::default();
        let mut registry = Registry::new(&config);
        Wal::open(path, &mut registry, &config).map(|_| registry)
    }

    #[test]
    fn changes_survive_a_reopen_and_a_torn_tail_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state");
        let config = Config::default();
        let mut registry = Registry::new(&config);
        let mut wal = Wal::open(&path, &mut registry, &config).unwrap();
        wal.append(&[Change::Put(store(0)), Change::Put(store(1))])
            .unwrap();
        wal.append(&[Change::Delete(store(0).id)]).unwrap();
        drop(wal);
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"0000abcd {\"Put\":").unwrap();
        let registry = reopen(&path).unwrap();
        assert_eq!(registry.stores.keys().collect::<Vec<_>>(), [&store(1).id]);
        assert_eq!(registry.next_seq, 2);
    }

    #[test]
    fn a_corrupt_line_stops_start_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state");
        drop(reopen(&path).unwrap());
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(
            line(&Change::Put(store(0)))
                .unwrap()
                .replace("store 0", "store 9")
                .as_bytes(),
        )
        .unwrap();
        let error = reopen(&path).unwrap_err();
        assert!(error.contains("line 2 is corrupt"), "{error}");
        std::fs::write(&path, "something else\n").unwrap();
        assert!(reopen(&path)
            .unwrap_err()
            .contains("not a kms-emulator state file"));
    }
}
