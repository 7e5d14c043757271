//! Starting the binary on port 0 and talking to it with the generated client.

use http_body_util::{BodyExt, Full};
use kms_api::wire::Operation;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running emulator; killed when dropped.
pub struct Running {
    child: Child,
    /// The port it listens on.
    pub port: u16,
    /// Its directory (config, state, stderr log).
    pub dir: PathBuf,
    guard: Option<tempfile::TempDir>,
}

/// The config file every test starts from: two related clusters, one unrelated, fast
/// connections.
pub fn base_config() -> String {
    r#"
connect_delay_ms = 100
xks_timeout_ms = 250
[[cloudhsm_clusters]]
cluster_id = "cluster-aaaaaaaaaaa"
trust_anchor_certificate = "anchor-a"
kmsuser_password = "kmsuser-pass"
backup_lineage = "lineage-a"
[[cloudhsm_clusters]]
cluster_id = "cluster-aaaaaaaaaab"
trust_anchor_certificate = "anchor-a"
kmsuser_password = "kmsuser-pass"
backup_lineage = "lineage-a"
[[cloudhsm_clusters]]
cluster_id = "cluster-bbbbbbbbbbb"
trust_anchor_certificate = "anchor-b"
kmsuser_password = "kmsuser-pass"
backup_lineage = "lineage-b"
[[cloudhsm_clusters]]
cluster_id = "cluster-ccccccccccc"
state = "UNINITIALIZED"
trust_anchor_certificate = "anchor-c"
[[cloudhsm_clusters]]
cluster_id = "cluster-ddddddddddd"
active_hsms = 1
trust_anchor_certificate = "anchor-d"
"#
    .to_owned()
}

impl Running {
    /// Starts the binary in `dir` with `--state DIR/state.log`.
    pub fn durable(dir: &Path, config: &str) -> Running {
        let state = dir.join("state.log").display().to_string();
        Running::start_in(dir, config, &["--state", &state])
    }

    /// Starts the binary with a config file in a fresh directory.
    pub fn start(config: &str, args: &[&str]) -> Running {
        let guard = tempfile::tempdir().unwrap();
        let mut running = Running::start_in(guard.path(), config, args);
        running.guard = Some(guard);
        running
    }

    /// Starts the binary in `dir` (reused across restarts), with `--control`.
    pub fn start_in(dir: &Path, config: &str, args: &[&str]) -> Running {
        let config_path = dir.join("config.toml");
        std::fs::write(&config_path, config).unwrap();
        let stderr = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("stderr.log"))
            .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_kms-emulator"))
            .args(["--listen", "127.0.0.1:0", "--control", "--config"])
            .arg(&config_path)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .strip_prefix("listening on http://127.0.0.1:")
            .and_then(|rest| rest.trim_end().parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {line:?}; stderr: {}", read_log(dir)));
        Running {
            child,
            port,
            dir: dir.to_owned(),
            guard: None,
        }
    }

    /// Sends SIGKILL and waits.
    pub fn kill_9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Sends SIGTERM and returns the exit status.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the emulator did not stop on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The emulator's stderr so far.
    pub fn log(&self) -> String {
        read_log(&self.dir)
    }

    /// Sends one operation, checked by the client's validation first.
    pub async fn call<O: Operation>(&self, input: &O::Input) -> Result<O::Output, O::Error> {
        let request = O::serialize_request(input).unwrap();
        let response = send(self.port, request).await;
        O::parse_response(&response)
    }

    /// Sends one operation as built, without the client's validation.
    pub async fn call_unchecked<O: Operation>(
        &self,
        input: &O::Input,
    ) -> Result<O::Output, O::Error> {
        let request = O::serialize_request_unchecked(input).unwrap();
        O::parse_response(&send(self.port, request).await)
    }

    /// `PUT /_emulator/...` with a JSON body.
    pub async fn control(&self, path: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        let request = http::Request::builder()
            .method("PUT")
            .uri(path)
            .body(body.to_string().into_bytes())
            .unwrap();
        let response = send(self.port, request).await;
        let value = serde_json::from_slice(response.body()).unwrap_or(serde_json::Value::Null);
        (response.status().as_u16(), value)
    }

    /// Describes one store by id.
    pub async fn entry(&self, id: &str) -> kms_api::types::CustomKeyStoresListEntry {
        use kms_api::operations::describe_custom_key_stores::*;
        let request = DescribeCustomKeyStoresRequest::builder()
            .custom_key_store_id(id)
            .build();
        let response = self
            .call::<DescribeCustomKeyStores>(&request)
            .await
            .unwrap();
        response.custom_key_stores.unwrap().remove(0)
    }

    /// Waits until a store is no longer `CONNECTING`, and returns its entry.
    pub async fn settled(&self, id: &str) -> kms_api::types::CustomKeyStoresListEntry {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let entry = self.entry(id).await;
            if entry.connection_state != Some(kms_api::types::ConnectionStateType::Connecting) {
                return entry;
            }
            assert!(Instant::now() < deadline, "{id} stayed CONNECTING");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_log(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("stderr.log")).unwrap_or_default()
}

/// Sends a request over a new HTTP/1.1 connection and reads the whole response.
pub async fn send(port: u16, mut request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    request.headers_mut().insert(
        http::header::HOST,
        http::HeaderValue::from_str(&format!("127.0.0.1:{port}")).unwrap(),
    );
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .unwrap();
    tokio::spawn(connection);
    let response = sender
        .send_request(request.map(|body| Full::new(bytes::Bytes::from(body))))
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let body = body.collect().await.unwrap().to_bytes().to_vec();
    http::Response::from_parts(parts, body)
}

/// The `__type` code of an operation error.
pub fn code<E: kms_api::wire::OperationError>(error: &E) -> String {
    error.code().unwrap_or("<none>").to_owned()
}
