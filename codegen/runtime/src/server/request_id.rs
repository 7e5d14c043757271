//! Fresh request ids: random version-4 UUIDs, drawn without a dependency from the standard
//! library's randomly keyed hasher (an id must be unique, not secret).

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts the ids drawn, so that two draws never hash the same input.
static DRAWN: AtomicU64 = AtomicU64::new(0);

/// 64 random bits: a freshly keyed hash of the draw count and the time.
fn random_u64() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(DRAWN.fetch_add(1, Ordering::Relaxed));
    if let Ok(since) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(since.as_nanos());
    }
    hasher.finish()
}

/// A fresh random UUID (version 4, RFC 9562 variant), lowercase with hyphens.
pub fn fresh_request_id() -> String {
    let high = random_u64();
    let low = random_u64();
    let high = (high & !0xf000) | 0x4000;
    let low = (low & !(0b11 << 62)) | (0b10 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}
