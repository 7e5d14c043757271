//! `--state`: kill -9 during a burst of Creates, then restart; a CONNECTING store resumes.

use crate::cloudhsm::cloudhsm;
use crate::proxy::FakeProxy;
use crate::support::{base_config, Running};
use kms_api::operations::connect_custom_key_store::*;
use kms_api::operations::create_custom_key_store::*;
use kms_api::operations::describe_custom_key_stores::*;
use kms_api::types::{
    ConnectionStateType, CustomKeyStoreType, XksProxyAuthenticationCredentialType,
    XksProxyConnectivityType,
};
use kms_api::wire::Operation;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

fn config(proxy: &FakeProxy) -> String {
    format!(
        "max_custom_key_stores = 100000\n[[xks_proxies]]\nuri_endpoint = \"https://xks.example.com\"\nurl = \"{}\"\n",
        proxy.url
    )
}

fn public(client: usize, n: usize) -> CreateCustomKeyStoreRequest {
    CreateCustomKeyStoreRequest::builder()
        .custom_key_store_name(format!("c{client}-{n}"))
        .custom_key_store_type(CustomKeyStoreType::ExternalKeyStore)
        .xks_proxy_connectivity(XksProxyConnectivityType::PublicEndpoint)
        .xks_proxy_uri_endpoint("https://xks.example.com")
        .xks_proxy_uri_path(format!("/c{client}-{n}/kms/xks/v1"))
        .xks_proxy_authentication_credential(
            XksProxyAuthenticationCredentialType::builder()
                .access_key_id(crate::proxy::ACCESS_KEY_ID)
                .raw_secret_access_key(crate::proxy::SECRET)
                .build()
                .unwrap(),
        )
        .build()
        .unwrap()
}

#[tokio::test]
async fn kill_9_during_a_burst_keeps_every_acknowledged_store() {
    let proxy = FakeProxy::start("us-east-1").await;
    let dir = tempfile::tempdir().unwrap();
    let emulator = Running::durable(dir.path(), &config(&proxy));
    let port = emulator.port;
    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let mut clients = Vec::new();
    for client in 0..8 {
        let acknowledged = acknowledged.clone();
        clients.push(tokio::spawn(async move {
            for n in 0..10_000 {
                let request = CreateCustomKeyStore::serialize_request(&public(client, n)).unwrap();
                // After the kill the connection is refused: the client stops.
                let Some(response) = try_send(port, request).await else {
                    return;
                };
                let Ok(output) = CreateCustomKeyStore::parse_response(&response) else {
                    return;
                };
                acknowledged
                    .lock()
                    .unwrap()
                    .insert(output.custom_key_store_id.unwrap());
            }
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    emulator.kill_9();
    for client in clients {
        client.await.unwrap();
    }
    let acknowledged: BTreeSet<String> = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() > 10,
        "only {} creates before the kill",
        acknowledged.len()
    );
    let restarted = Running::durable(dir.path(), &config(&proxy));
    // Every page: more than one page of stores (1000) may have been acknowledged.
    let mut restored = BTreeSet::new();
    let mut marker = None;
    loop {
        let mut request = DescribeCustomKeyStoresRequest::builder().build();
        request.marker = marker;
        let page = restarted
            .call::<DescribeCustomKeyStores>(&request)
            .await
            .unwrap();
        restored.extend(
            page.custom_key_stores
                .unwrap()
                .into_iter()
                .map(|entry| entry.custom_key_store_id.unwrap()),
        );
        if !page.truncated {
            break;
        }
        marker = page.next_marker;
    }
    assert!(
        acknowledged.is_subset(&restored),
        "lost {:?}",
        acknowledged.difference(&restored).collect::<Vec<_>>()
    );
    // Nothing else: at most the Creates in flight at the kill (one per client), whose change
    // was on disk but whose answer never left.
    assert!(
        restored.len() <= acknowledged.len() + 8,
        "{} restored, {} acknowledged",
        restored.len(),
        acknowledged.len()
    );
}

/// Like `support::send`, but `None` once the emulator is gone.
async fn try_send(port: u16, request: http::Request<Vec<u8>>) -> Option<http::Response<Vec<u8>>> {
    use http_body_util::{BodyExt, Full};
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .ok()?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .ok()?;
    tokio::spawn(connection);
    let mut request = request.map(|body| Full::new(bytes::Bytes::from(body)));
    request
        .headers_mut()
        .insert("host", http::HeaderValue::from_static("127.0.0.1"));
    let response = sender.send_request(request).await.ok()?;
    let (parts, body) = response.into_parts();
    let body = body.collect().await.ok()?.to_bytes().to_vec();
    Some(http::Response::from_parts(parts, body))
}

#[tokio::test]
async fn a_connecting_store_resumes_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let slow = base_config().replace("connect_delay_ms = 100", "connect_delay_ms = 60000");
    let emulator = Running::durable(dir.path(), &slow);
    let id =
        crate::cloudhsm::create(&emulator, &cloudhsm("a", "cluster-aaaaaaaaaaa", "anchor-a")).await;
    let request = ConnectCustomKeyStoreRequest::builder()
        .custom_key_store_id(&id)
        .build()
        .unwrap();
    emulator
        .call::<ConnectCustomKeyStore>(&request)
        .await
        .unwrap();
    assert_eq!(
        emulator.entry(&id).await.connection_state,
        Some(ConnectionStateType::Connecting)
    );
    emulator.kill_9();
    let emulator = Running::durable(dir.path(), &base_config());
    assert_eq!(
        emulator.settled(&id).await.connection_state,
        Some(ConnectionStateType::Connected)
    );
}

/// A `NextMarker` handed out before a restart still reads after it (with `--state`), after
/// a graceful stop and after `kill -9`.
#[tokio::test]
async fn a_marker_reads_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let emulator = Running::durable(dir.path(), &base_config());
    let mut ids = Vec::new();
    for (name, cluster, anchor) in [
        ("a", "cluster-aaaaaaaaaaa", "anchor-a"),
        ("b", "cluster-bbbbbbbbbbb", "anchor-b"),
    ] {
        ids.push(crate::cloudhsm::create(&emulator, &cloudhsm(name, cluster, anchor)).await);
    }
    let first_page = DescribeCustomKeyStoresRequest::builder().limit(1).build();
    let first = emulator
        .call::<DescribeCustomKeyStores>(&first_page)
        .await
        .unwrap();
    assert!(first.truncated);
    let marker = first.next_marker.clone().expect("a marker");
    emulator.terminate();
    for restart in ["graceful", "kill -9"] {
        let emulator = Running::durable(dir.path(), &base_config());
        let request = DescribeCustomKeyStoresRequest::builder()
            .marker(&marker)
            .build();
        let second = emulator
            .call::<DescribeCustomKeyStores>(&request)
            .await
            .unwrap_or_else(|error| panic!("after a {restart} restart: {error}"));
        let listed: Vec<String> = second
            .custom_key_stores
            .unwrap()
            .into_iter()
            .map(|entry| entry.custom_key_store_id.unwrap())
            .collect();
        assert_eq!(listed, ids[1..], "after a {restart} restart");
        assert!(!second.truncated);
        if restart == "graceful" {
            emulator.terminate();
        } else {
            emulator.kill_9();
        }
    }
}
