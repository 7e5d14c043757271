//! Runs one of our wire operations in a loop, for a profiler (no peer needed):
//!
//! ```sh
//! export CARGO_TARGET_DIR=target/profiling   # keeps the bench build in target/release intact
//! CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release -p kms-bench --example hot_loop
//! perf record --call-graph dwarf target/profiling/release/examples/hot_loop parse 20000
//! valgrind --tool=callgrind target/profiling/release/examples/hot_loop serialize-create 2000
//! ```
//!
//! Cases: `parse` (DescribeCustomKeyStores, 100 entries), `parse-1000` (the same, 1000
//! entries), `error` (400
//! CustomKeyStoreNotFoundException), `serialize-create` and `serialize-create-unchecked`
//! (CreateCustomKeyStore, external key store, VPC endpoint service), `serialize-connect`,
//! `floor` (`serde_json::from_slice::<IgnoredAny>` over the parse body), and the diagnostic
//! `parse-serde-direct` (`wire::from_json_str` into our output type: serde, no fast path),
//! and `parse-fast-only` (the fast path alone, which exits 1 if it gives up).

use kms_api::operations::connect_custom_key_store::ConnectCustomKeyStore;
use kms_api::operations::create_custom_key_store::CreateCustomKeyStore;
use kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStores;
use kms_api::wire::Operation;
use kms_bench::fixtures;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "parse".to_owned());
    let iterations: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let entries = match case.as_str() {
        "parse-1000" => fixtures::DESCRIBE_ENTRIES_LARGE,
        _ => fixtures::DESCRIBE_ENTRIES,
    };
    let describe = fixtures::describe_response_body(entries);
    let describe_headers = fixtures::header_map(describe.len());
    let not_found = fixtures::not_found_body();
    let not_found_headers = fixtures::header_map(not_found.len());
    let create = fixtures::ours_create_xks_vpc();
    let connect = fixtures::ours_connect();
    let started = Instant::now();
    for _ in 0..iterations {
        match case.as_str() {
            "parse" | "parse-1000" => {
                black_box(
                    DescribeCustomKeyStores::parse_response_parts(
                        200,
                        &describe_headers,
                        black_box(&describe),
                    )
                    .is_ok(),
                );
            }
            "error" => {
                black_box(
                    ConnectCustomKeyStore::parse_response_parts(
                        400,
                        &not_found_headers,
                        black_box(&not_found),
                    )
                    .is_err(),
                );
            }
            "serialize-create" => {
                black_box(CreateCustomKeyStore::serialize_request(black_box(&create)).is_ok());
            }
            "serialize-create-unchecked" => {
                black_box(
                    CreateCustomKeyStore::serialize_request_unchecked(black_box(&create)).is_ok(),
                );
            }
            "serialize-connect" => {
                black_box(ConnectCustomKeyStore::serialize_request(black_box(&connect)).is_ok());
            }
            "parse-serde-direct" => {
                // Diagnostic: the generated types' own `Deserialize` through the crate's JSON
                // reader (its serde path), without `parse_output`'s fast path, path tracking,
                // status and header handling.
                let text = std::str::from_utf8(black_box(&describe)).unwrap_or_default();
                black_box(
                    kms_api::wire::from_json_str::<
                        kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresResponse,
                    >(text)
                    .is_ok(),
                );
            }
            "parse-fast-only" => {
                // Diagnostic: the fast path alone (`ReadJson`), which must succeed here.
                let text = std::str::from_utf8(black_box(&describe)).unwrap_or_default();
                let mut reader = kms_api::wire::JsonReader::new(text);
                let read = <kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresResponse as kms_api::wire::ReadJson>::read_json(&mut reader);
                if read.is_err() {
                    eprintln!("the fast path gave up");
                    std::process::exit(1);
                }
                black_box(read.is_ok());
            }
            "floor" => {
                black_box(
                    serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&describe)).is_ok(),
                );
            }
            other => {
                eprintln!("unknown case `{other}`");
                std::process::exit(2);
            }
        }
    }
    let per = started.elapsed() / iterations.max(1);
    eprintln!("{case}: {iterations} iterations, {per:?} each");
}
