//! The command line: the listening line, graceful shutdown, the control API switch, and
//! refusals at start-up.

use crate::support::{base_config, Running};
use std::process::Command;

#[tokio::test]
async fn sigterm_exits_zero() {
    let emulator = Running::start(&base_config(), &[]);
    let status = emulator.terminate();
    assert_eq!(status.code(), Some(0));
}

#[tokio::test]
async fn control_api_answers_404_for_unknown_ids_and_without_the_flag() {
    let emulator = Running::start(&base_config(), &[]);
    let (status, _) = emulator
        .control(
            "/_emulator/cloudhsm-clusters/cluster-nope0000000",
            serde_json::json!({"state": "ACTIVE"}),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = emulator
        .control(
            "/_emulator/custom-key-stores/cks-00000000000000000/kms-key-count",
            serde_json::json!({"count": 1}),
        )
        .await;
    assert_eq!(status, 404);
    let (status, body) = emulator
        .control(
            "/_emulator/cloudhsm-clusters/cluster-bbbbbbbbbbb",
            serde_json::json!({"state": "UNINITIALIZED"}),
        )
        .await;
    assert_eq!(
        (status, body["state"].as_str()),
        (200, Some("UNINITIALIZED"))
    );

    // Without --control: 404 even for a known cluster.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, base_config()).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kms-emulator"))
        .args(["--listen", "127.0.0.1:0", "--config"])
        .arg(&config)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let port: u16 = line.trim_end().rsplit(':').next().unwrap().parse().unwrap();
    let request = http::Request::builder()
        .method("PUT")
        .uri("/_emulator/cloudhsm-clusters/cluster-bbbbbbbbbbb")
        .body(b"{\"state\":\"ACTIVE\"}".to_vec())
        .unwrap();
    assert_eq!(crate::support::send(port, request).await.status(), 404);
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_bad_config_or_corrupt_state_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "max_custom_key_stores = \"ten\"\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kms-emulator"))
        .args(["--listen", "127.0.0.1:0", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("config.toml"));
    assert!(output.stdout.is_empty());

    let state = dir.path().join("state.log");
    std::fs::write(
        &state,
        "kms-emulator state v1\n00000000 {\"Delete\":\"x\"}\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kms-emulator"))
        .args(["--listen", "127.0.0.1:0", "--state"])
        .arg(&state)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2 is corrupt"), "{stderr}");
    assert!(
        std::fs::read_to_string(&state).unwrap().contains("Delete"),
        "the file is kept"
    );

    let output = Command::new(env!("CARGO_BIN_EXE_kms-emulator"))
        .arg("--bogus")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
