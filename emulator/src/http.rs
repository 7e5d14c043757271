//! The HTTP/1.1 front: the control API (with `--control`), SigV4 verification (with
//! `[[credentials]]`), then the KMS operations; one log line per request.

use crate::handlers::Handlers;
use crate::service::{ClusterPatch, Emulator};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use kms_api::server::Router;
use std::time::Instant;

/// Requests larger than this are refused (KMS's own request limit is far smaller).
const MAX_BODY: usize = 1 << 20;

/// What every connection shares.
#[derive(Clone)]
pub struct App {
    /// The state and operations.
    pub emulator: Emulator,
    /// The generated router over the emulator's handlers.
    pub router: std::sync::Arc<Router<Handlers>>,
    /// Whether the control API answers.
    pub control: bool,
}

/// An awsJson error body: `{"__type": code, "message": ...}`.
fn error_body(code: &str, message: &str) -> Vec<u8> {
    serde_json::json!({"__type": code, "message": message})
        .to_string()
        .into_bytes()
}

type Response = http::Response<Full<bytes::Bytes>>;

/// A JSON answer of our own (control API, signature failures), with a fresh request id.
fn own_response(status: u16, body: Vec<u8>) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body);
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/x-amz-json-1.1"),
    );
    if let Ok(value) = http::HeaderValue::from_str(&kms_api::server::fresh_request_id()) {
        headers.insert("x-amzn-requestid", value);
    }
    response
}

impl App {
    /// A new front over an emulator.
    pub fn new(emulator: Emulator, control: bool) -> App {
        let router = std::sync::Arc::new(Router::new(Handlers {
            emulator: emulator.clone(),
        }));
        App {
            emulator,
            router,
            control,
        }
    }

    /// Answers one request (never fails: every problem is an HTTP answer).
    pub async fn handle(
        &self,
        request: http::Request<Incoming>,
    ) -> Result<Response, std::convert::Infallible> {
        let started = Instant::now();
        let (parts, body) = request.into_parts();
        let operation = parts
            .headers
            .get("x-amz-target")
            .and_then(|value| value.to_str().ok())
            .map(|target| target.rsplit('.').next().unwrap_or(target).to_owned())
            .unwrap_or_else(|| format!("{} {}", parts.method, parts.uri.path()));
        let response = match Limited::new(body, MAX_BODY).collect().await {
            Err(_) => own_response(
                413,
                error_body("RequestEntityTooLarge", "The request body is too large"),
            ),
            Ok(collected) => {
                let body = collected.to_bytes();
                if parts.uri.path().starts_with("/_emulator/") {
                    let (status, body) = self.control(&parts, &body).await;
                    own_response(status, body)
                } else {
                    self.kms(parts, body).await
                }
            }
        };
        let request_id = response
            .headers()
            .get("x-amzn-requestid")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        tracing::info!(
            operation,
            status = response.status().as_u16(),
            duration_ms = format!("{:.3}", started.elapsed().as_secs_f64() * 1000.0),
            request_id,
            "request"
        );
        Ok(response.map(|body| Full::new(bytes::Bytes::from(body))))
    }

    /// SigV4 (with `[[credentials]]`), then the generated router.
    async fn kms(
        &self,
        parts: http::request::Parts,
        body: bytes::Bytes,
    ) -> http::Response<Vec<u8>> {
        let config = self.emulator.config();
        if !config.credentials.is_empty() {
            let verified = crate::sigv4::verify(
                &parts,
                &body,
                &config.credentials,
                &config.region,
                std::time::SystemTime::now(),
            );
            if let Err(failure) = verified {
                return own_response(400, error_body(failure.code, &failure.message));
            }
        }
        let request = http::Request::from_parts(parts, body);
        self.router.handle(request).await
    }

    /// `PUT /_emulator/cloudhsm-clusters/{cluster_id}` and
    /// `PUT /_emulator/custom-key-stores/{id}/kms-key-count`; 404 without `--control`.
    async fn control(&self, parts: &http::request::Parts, body: &[u8]) -> (u16, Vec<u8>) {
        let not_found = (404, b"{\"message\":\"not found\"}".to_vec());
        if !self.control || parts.method != http::Method::PUT {
            return not_found;
        }
        let path = parts.uri.path();
        let bad = |why: String| {
            (
                400,
                serde_json::json!({ "message": why })
                    .to_string()
                    .into_bytes(),
            )
        };
        let answer = if let Some(cluster_id) = path.strip_prefix("/_emulator/cloudhsm-clusters/") {
            let patch: ClusterPatch = match serde_json::from_slice(body) {
                Ok(patch) => patch,
                Err(error) => return bad(error.to_string()),
            };
            self.emulator
                .set_cluster(cluster_id, patch)
                .await
                .map(|cluster| cluster.map(serde_json::to_value))
        } else if let Some(id) = path
            .strip_prefix("/_emulator/custom-key-stores/")
            .and_then(|rest| rest.strip_suffix("/kms-key-count"))
        {
            #[derive(serde::Deserialize)]
            #[serde(deny_unknown_fields)]
            struct Count {
                count: u64,
            }
            let count: Count = match serde_json::from_slice(body) {
                Ok(count) => count,
                Err(error) => return bad(error.to_string()),
            };
            self.emulator
                .set_kms_key_count(id, count.count)
                .await
                .map(|store| {
                    store.map(|store| {
                        Ok(serde_json::json!({
                            "id": store.id,
                            "name": store.name,
                            "state": store.state.as_str(),
                            "kms_key_count": store.kms_key_count,
                        }))
                    })
                })
        } else {
            return not_found;
        };
        match answer {
            Ok(Some(Ok(value))) => (200, value.to_string().into_bytes()),
            Ok(None) => not_found,
            Ok(Some(Err(error))) => (
                500,
                serde_json::json!({ "message": error.to_string() })
                    .to_string()
                    .into_bytes(),
            ),
            Err(_) => (
                500,
                b"{\"message\":\"the state could not be written\"}".to_vec(),
            ),
        }
    }
}

/// Serves connections until `shutdown` resolves, then lets in-flight requests finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: App,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let app = app.clone();
                let service = hyper::service::service_fn(move |request| {
                    let app = app.clone();
                    async move { app.handle(request).await }
                });
                let connection = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    if let Err(error) = connection.await {
                        tracing::debug!("connection ended: {error}");
                    }
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    graceful.shutdown().await;
    app.emulator.flush().await;
}
