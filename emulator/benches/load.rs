//! Load: 50 concurrent clients issue 10,000 mixed requests to the emulator (the release
//! binary, in memory) over keep-alive HTTP/1.1 connections, and every answer is read with the
//! generated client. Prints throughput and latency percentiles, and fails if any answer is
//! not modelled (an `Unhandled` error: a 5xx, an unknown code, an unreadable body).
//!
//! `cargo bench -p kms-emulator --bench load` (`KMS_LOAD_CLIENTS`, `KMS_LOAD_REQUESTS` change
//! the counts). A bench, not a test: timings belong in a run on a quiet machine.

use http_body_util::{BodyExt, Full};
use kms_api::operations::{
    connect_custom_key_store::*, create_custom_key_store::*, delete_custom_key_store::*,
    describe_custom_key_stores::*, disconnect_custom_key_store::*, update_custom_key_store::*,
};
use kms_api::wire::{Operation, OperationError};
use std::io::BufRead;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Sender = hyper::client::conn::http1::SendRequest<Full<bytes::Bytes>>;

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn cluster_id(client: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    format!(
        "cluster-loadxxxxx{}{}",
        letters[client / 26 % 26] as char,
        letters[client % 26] as char
    )
}

/// What one client saw.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    modelled_errors: usize,
    unmodelled: Vec<String>,
}

async fn send<O: Operation>(
    sender: &mut Sender,
    input: &O::Input,
    tally: &mut Tally,
) -> Option<O::Output> {
    let request = match O::serialize_request(input) {
        Ok(request) => request,
        Err(error) => {
            tally
                .unmodelled
                .push(format!("{}: cannot serialize: {error}", O::NAME));
            return None;
        }
    };
    let mut request = request.map(|body| Full::new(bytes::Bytes::from(body)));
    request.headers_mut().insert(
        http::header::HOST,
        http::HeaderValue::from_static("127.0.0.1"),
    );
    let started = Instant::now();
    let answer = async {
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| e.to_string())?;
        let (parts, body) = response.into_parts();
        let body = body.collect().await.map_err(|e| e.to_string())?.to_bytes();
        Ok::<_, String>(http::Response::from_parts(parts, body))
    }
    .await;
    tally.latencies.push(started.elapsed());
    let response = match answer {
        Ok(response) => response,
        Err(error) => {
            tally
                .unmodelled
                .push(format!("{}: transport: {error}", O::NAME));
            return None;
        }
    };
    match O::parse_response(&response) {
        Ok(output) => Some(output),
        Err(error) if error.as_unhandled().is_some() => {
            tally.unmodelled.push(format!("{}: {error}", O::NAME));
            None
        }
        Err(_) => {
            tally.modelled_errors += 1;
            None
        }
    }
}

/// One client: a cycle of nine requests (create, describe, connect, list, rename, disconnect,
/// delete, and two modelled errors) until its share is done.
async fn client(port: u16, index: usize, requests: usize) -> Tally {
    let mut tally = Tally::default();
    let stream = match tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
        Ok(stream) => stream,
        Err(error) => {
            tally.unmodelled.push(format!("connect: {error}"));
            return tally;
        }
    };
    let Ok((mut sender, connection)) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await
    else {
        tally.unmodelled.push("handshake failed".to_owned());
        return tally;
    };
    tokio::spawn(connection);
    let cluster = cluster_id(index);
    let mut cycle = 0usize;
    let mut id = String::from("cks-00000000000000000");
    while tally.latencies.len() < requests {
        let step = tally.latencies.len() % 9;
        let s = &mut sender;
        let t = &mut tally;
        match step {
            0 => {
                cycle += 1;
                let Ok(input) = CreateCustomKeyStoreRequest::builder()
                    .custom_key_store_name(format!("load-{index}-{cycle}"))
                    .cloud_hsm_cluster_id(&cluster)
                    .trust_anchor_certificate("anchor")
                    .key_store_password("kmsuser-pass")
                    .build()
                else {
                    return tally;
                };
                if let Some(output) = send::<CreateCustomKeyStore>(s, &input, t).await {
                    id = output.custom_key_store_id.unwrap_or_default();
                }
            }
            1 => {
                let input = DescribeCustomKeyStoresRequest::builder()
                    .custom_key_store_id(&id)
                    .build();
                send::<DescribeCustomKeyStores>(s, &input, t).await;
            }
            2 => {
                if let Ok(input) = ConnectCustomKeyStoreRequest::builder()
                    .custom_key_store_id(&id)
                    .build()
                {
                    send::<ConnectCustomKeyStore>(s, &input, t).await;
                }
            }
            3 => {
                let input = DescribeCustomKeyStoresRequest::builder().limit(10).build();
                send::<DescribeCustomKeyStores>(s, &input, t).await;
            }
            4 => {
                if let Ok(input) = UpdateCustomKeyStoreRequest::builder()
                    .custom_key_store_id(&id)
                    .new_custom_key_store_name(format!("load-{index}-{cycle}-renamed"))
                    .build()
                {
                    send::<UpdateCustomKeyStore>(s, &input, t).await;
                }
            }
            5 => {
                if let Ok(input) = DisconnectCustomKeyStoreRequest::builder()
                    .custom_key_store_id(&id)
                    .build()
                {
                    send::<DisconnectCustomKeyStore>(s, &input, t).await;
                }
            }
            6 => {
                if let Ok(input) = DeleteCustomKeyStoreRequest::builder()
                    .custom_key_store_id(&id)
                    .build()
                {
                    send::<DeleteCustomKeyStore>(s, &input, t).await;
                }
            }
            7 => {
                let input = DescribeCustomKeyStoresRequest::builder()
                    .custom_key_store_id("cks-00000000000000000")
                    .build();
                send::<DescribeCustomKeyStores>(s, &input, t).await;
            }
            _ => {
                if let Ok(input) = ConnectCustomKeyStoreRequest::builder()
                    .custom_key_store_id("cks-00000000000000000")
                    .build()
                {
                    send::<ConnectCustomKeyStore>(s, &input, t).await;
                }
            }
        }
    }
    tally
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index =
        ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(index).copied().unwrap_or_default()
}

fn main() {
    let clients = env_count("KMS_LOAD_CLIENTS", 50).max(1);
    let requests = env_count("KMS_LOAD_REQUESTS", 10_000);
    let dir = std::env::temp_dir().join(format!("kms-emulator-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let mut config = String::from("connect_delay_ms = 10\nmax_custom_key_stores = 100000\n");
    for index in 0..clients {
        config.push_str(&format!(
            "[[cloudhsm_clusters]]\ncluster_id = \"{}\"\ntrust_anchor_certificate = \"anchor\"\nkmsuser_password = \"kmsuser-pass\"\nbackup_lineage = \"lineage-{index}\"\n",
            cluster_id(index)
        ));
    }
    let config_path = dir.join("config.toml");
    std::fs::write(&config_path, config).expect("the config file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kms-emulator"))
        .args(["--listen", "127.0.0.1:0", "--config"])
        .arg(&config_path)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the emulator starts");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the listening line");
    let port: u16 = line
        .trim_end()
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let started = Instant::now();
    let tallies: Vec<Tally> = runtime.block_on(async {
        let share = requests / clients;
        let extra = requests % clients;
        let tasks: Vec<_> = (0..clients)
            .map(|index| tokio::spawn(client(port, index, share + usize::from(index < extra))))
            .collect();
        let mut tallies = Vec::new();
        for task in tasks {
            tallies.push(task.await.unwrap_or_default());
        }
        tallies
    });
    let elapsed = started.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);

    let mut latencies: Vec<Duration> = tallies
        .iter()
        .flat_map(|t| t.latencies.iter().copied())
        .collect();
    latencies.sort();
    let modelled: usize = tallies.iter().map(|t| t.modelled_errors).sum();
    let unmodelled: Vec<&String> = tallies.iter().flat_map(|t| t.unmodelled.iter()).collect();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "kms-emulator load: {} clients, {} requests in {:.3} s: {:.0} requests/s; latency p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms; {} modelled errors, {} unmodelled; load average {}",
        clients,
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
        modelled,
        unmodelled.len(),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    );
    if !unmodelled.is_empty() {
        for problem in unmodelled.iter().take(10) {
            eprintln!("unmodelled: {problem}");
        }
        std::process::exit(1);
    }
}
