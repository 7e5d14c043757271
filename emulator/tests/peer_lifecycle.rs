//! aws-sdk-kms, the official Rust SDK, drives the whole lifecycle against the emulator,
//! signing every request (the emulator is configured with `[[credentials]]`, so each
//! signature is checked). Behind the `peer` feature: `cargo test -p kms-emulator --features peer`.

use aws_sdk_kms::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_kms::types::ConnectionStateType;
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use http_body_util::{BodyExt, Full};
use std::io::BufRead;
use std::process::{Command, Stdio};

/// Plain HTTP/1.1 over hyper: the SDK without its TLS client.
#[derive(Clone, Debug)]
struct PlainHttp;

impl HttpConnector for PlainHttp {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        HttpConnectorFuture::new(async move {
            let request = request
                .try_into_http1x()
                .map_err(|error| ConnectorError::other(error.into(), None))?;
            let (parts, body) = request.into_parts();
            let body = body.bytes().unwrap_or_default().to_vec();
            let authority = parts
                .uri
                .authority()
                .map(|a| a.to_string())
                .unwrap_or_default();
            let io = |error: std::io::Error| ConnectorError::io(error.into());
            let stream = tokio::net::TcpStream::connect(authority.as_str())
                .await
                .map_err(io)?;
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
                    .await
                    .map_err(|error| ConnectorError::io(error.into()))?;
            tokio::spawn(connection);
            let mut request = http::Request::from_parts(parts, Full::new(bytes::Bytes::from(body)));
            // hyper's connection-level client sends no Host of its own.
            if let Ok(host) = http::HeaderValue::from_str(&authority) {
                request
                    .headers_mut()
                    .entry(http::header::HOST)
                    .or_insert(host);
            }
            *request.uri_mut() = request
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/")
                .parse()
                .unwrap();
            let response = sender
                .send_request(request)
                .await
                .map_err(|error| ConnectorError::io(error.into()))?;
            let (parts, body) = response.into_parts();
            let body = body
                .collect()
                .await
                .map_err(|error| ConnectorError::io(error.into()))?
                .to_bytes();
            HttpResponse::try_from(http::Response::from_parts(parts, SdkBody::from(body)))
                .map_err(|error| ConnectorError::other(error.into(), None))
        })
    }
}

impl HttpClient for PlainHttp {
    fn http_connector(
        &self,
        _: &HttpConnectorSettings,
        _: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }
}

const CONFIG: &str = r#"
region = "eu-west-1"
connect_delay_ms = 100
[[credentials]]
access_key_id = "AKIDEXAMPLE"
secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
[[cloudhsm_clusters]]
cluster_id = "cluster-aaaaaaaaaaa"
trust_anchor_certificate = "anchor"
kmsuser_password = "kmsuser-pass"
[[cloudhsm_clusters]]
cluster_id = "cluster-bbbbbbbbbbb"
trust_anchor_certificate = "anchor"
kmsuser_password = "kmsuser-pass"
"#;

struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn client(port: u16, secret: &str) -> aws_sdk_kms::Client {
    let config = aws_sdk_kms::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("eu-west-1"))
        .endpoint_url(format!("http://127.0.0.1:{port}"))
        .credentials_provider(Credentials::new("AKIDEXAMPLE", secret, None, None, "test"))
        .http_client(PlainHttp)
        .build();
    aws_sdk_kms::Client::from_conf(config)
}

#[tokio::test]
async fn aws_sdk_kms_drives_the_lifecycle() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, CONFIG).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kms-emulator"))
        .args(["--listen", "127.0.0.1:0", "--control", "--config"])
        .arg(&config)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _child = Child(child);
    let port: u16 = line.trim_end().rsplit(':').next().unwrap().parse().unwrap();
    let kms = client(port, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    let mut ids = Vec::new();
    for (name, cluster) in [
        ("sdk-a", "cluster-aaaaaaaaaaa"),
        ("sdk-b", "cluster-bbbbbbbbbbb"),
    ] {
        let created = kms
            .create_custom_key_store()
            .custom_key_store_name(name)
            .cloud_hsm_cluster_id(cluster)
            .trust_anchor_certificate("anchor")
            .key_store_password("kmsuser-pass")
            .send()
            .await
            .unwrap();
        ids.push(created.custom_key_store_id().unwrap().to_owned());
    }
    // The SDK's paginator, one store per page.
    let listed: Vec<String> = kms
        .describe_custom_key_stores()
        .limit(1)
        .into_paginator()
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.custom_key_store_id().unwrap().to_owned())
        .collect();
    assert_eq!(listed, ids);

    let id = &ids[0];
    kms.connect_custom_key_store()
        .custom_key_store_id(id)
        .send()
        .await
        .unwrap();
    let mut state = None;
    for _ in 0..200 {
        let described = kms
            .describe_custom_key_stores()
            .custom_key_store_id(id)
            .send()
            .await
            .unwrap();
        state = described.custom_key_stores()[0].connection_state().cloned();
        if state != Some(ConnectionStateType::Connecting) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(state, Some(ConnectionStateType::Connected));
    kms.update_custom_key_store()
        .custom_key_store_id(id)
        .new_custom_key_store_name("sdk-renamed")
        .send()
        .await
        .unwrap();
    let error = kms
        .delete_custom_key_store()
        .custom_key_store_id(id)
        .send()
        .await
        .unwrap_err();
    assert!(
        error
            .as_service_error()
            .unwrap()
            .is_custom_key_store_invalid_state_exception(),
        "{error:?}"
    );
    kms.disconnect_custom_key_store()
        .custom_key_store_id(id)
        .send()
        .await
        .unwrap();
    kms.delete_custom_key_store()
        .custom_key_store_id(id)
        .send()
        .await
        .unwrap();
    let error = kms
        .describe_custom_key_stores()
        .custom_key_store_id(id)
        .send()
        .await
        .unwrap_err();
    assert!(
        error
            .as_service_error()
            .unwrap()
            .is_custom_key_store_not_found_exception(),
        "{error:?}"
    );
    let error = kms
        .connect_custom_key_store()
        .custom_key_store_id(id)
        .send()
        .await
        .unwrap_err();
    assert!(
        error
            .as_service_error()
            .unwrap()
            .is_custom_key_store_not_found_exception(),
        "{error:?}"
    );

    // A wrong secret: the emulator refuses the signature.
    let wrong = client(port, "not-the-secret");
    let error = wrong.describe_custom_key_stores().send().await.unwrap_err();
    assert_eq!(
        error.as_service_error().and_then(|e| e.meta().code()),
        Some("InvalidSignatureException")
    );
}
