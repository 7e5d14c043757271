//! Fresh idempotency tokens for `@idempotencyToken` members the caller leaves empty.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// A fresh idempotency token: a random (version 4) UUID.
pub fn idempotency_token() -> String {
    // The randomness comes from the standard library's random hasher keys, mixed with the
    // clock and a counter: unique per process and call, which is what the service needs,
    // without a dependency on a random number crate.
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let half = |salt: u64| {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(now);
        hasher.write_u64(count);
        hasher.write_u64(salt);
        u128::from(hasher.finish())
    };
    let mut value = (half(0) << 64) | half(1);
    // Version 4 in bits 76..80, the RFC 4122 variant (0b10) in bits 62..64.
    value = (value & !(0xf << 76)) | (0x4 << 76);
    value = (value & !(0x3 << 62)) | (0x2 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        value >> 96,
        (value >> 80) & 0xffff,
        (value >> 64) & 0xffff,
        (value >> 48) & 0xffff,
        value & 0xffff_ffff_ffff
    )
}
