//! A fake XKS proxy: answers `GetHealthStatus` as told, and checks the SigV4 signature of
//! every request it receives with the aws-sigv4 crate (a wrong signature gets 401, as the
//! specification's `AuthenticationFailedException`).

use http_body_util::{BodyExt, Full};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The proxy authentication credential the fake proxy accepts.
pub const ACCESS_KEY_ID: &str = "ABCDEFGHIJKLMNOPQRST";
pub const SECRET: &str = "XksProxySecretXksProxySecretXksProxySecret0";

/// How the proxy answers.
#[derive(Clone, Debug)]
pub enum Reply {
    /// 200 with the specification's example body.
    Healthy,
    /// This status with an error body.
    Status(u16),
    /// 200 with this body.
    Body(String),
    /// Sleep this long, then answer healthy.
    Slow(Duration),
}

/// One request the proxy received.
#[derive(Clone, Debug)]
pub struct Seen {
    pub path: String,
    pub host: String,
    pub body: serde_json::Value,
    pub signed_by: String,
    pub signature_ok: bool,
}

struct State {
    reply: Reply,
    seen: Vec<Seen>,
}

/// A running fake proxy.
#[derive(Clone)]
pub struct FakeProxy {
    pub url: String,
    state: Arc<Mutex<State>>,
}

pub const HEALTHY_BODY: &str = r#"{"xksProxyFleetSize":2,"xksProxyVendor":"Acme Corp","xksProxyModel":"Acme XKS Proxy 1.0","ekmVendor":"Thales Group","ekmFleetDetails":[{"id":"hsm-id-1","model":"Luna 5.0","healthStatus":"DEGRADED"},{"id":"hsm-id-2","model":"Luna 5.1","healthStatus":"ACTIVE"}]}"#;

impl FakeProxy {
    /// Starts a proxy on a free port, verifying signatures for `region`.
    pub async fn start(region: &'static str) -> FakeProxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let proxy = FakeProxy {
            url,
            state: Arc::new(Mutex::new(State {
                reply: Reply::Healthy,
                seen: Vec::new(),
            })),
        };
        let serving = proxy.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let proxy = serving.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let proxy = proxy.clone();
                        async move {
                            Ok::<_, std::convert::Infallible>(proxy.answer(request, region).await)
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        proxy
    }

    /// Sets how the proxy answers from now on.
    pub fn reply(&self, reply: Reply) {
        self.state.lock().unwrap().reply = reply;
    }

    /// Every request received so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }

    async fn answer(
        &self,
        request: http::Request<hyper::body::Incoming>,
        region: &str,
    ) -> http::Response<Full<bytes::Bytes>> {
        let (parts, body) = request.into_parts();
        let body = body.collect().await.unwrap().to_bytes().to_vec();
        let host = parts
            .headers
            .get("host")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let (signed_by, signature_ok) = verify(&parts, &body, &host, region);
        let seen = Seen {
            path: parts.uri.path().to_owned(),
            host,
            body: serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null),
            signed_by,
            signature_ok,
        };
        let reply = {
            let mut state = self.state.lock().unwrap();
            state.seen.push(seen);
            state.reply.clone()
        };
        let (status, body) = if !signature_ok {
            (
                401,
                r#"{"errorName":"AuthenticationFailedException"}"#.to_owned(),
            )
        } else {
            match reply {
                Reply::Healthy => (200, HEALTHY_BODY.to_owned()),
                Reply::Status(status) => {
                    (status, r#"{"errorName":"InternalException"}"#.to_owned())
                }
                Reply::Body(body) => (200, body),
                Reply::Slow(delay) => {
                    tokio::time::sleep(delay).await;
                    (200, HEALTHY_BODY.to_owned())
                }
            }
        };
        let mut response = http::Response::new(Full::new(bytes::Bytes::from(body)));
        *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
        response
    }
}

/// Recomputes the signature with aws-sigv4 over the signed headers, with the secret of
/// [`ACCESS_KEY_ID`], service `kms-xks-proxy`, and `https://{Host}{path}` as the URI.
fn verify(parts: &http::request::Parts, body: &[u8], host: &str, region: &str) -> (String, bool) {
    use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
    let Some(authorization) = parts
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
    else {
        return (String::new(), false);
    };
    let field = |name: &str| -> String {
        authorization
            .split([' ', ','])
            .find_map(|part| part.strip_prefix(name))
            .unwrap_or_default()
            .to_owned()
    };
    let credential = field("Credential=");
    let signed_headers = field("SignedHeaders=");
    let signature = field("Signature=");
    let scope: Vec<&str> = credential.split('/').collect();
    if scope.len() != 5
        || scope[0] != ACCESS_KEY_ID
        || scope[2] != region
        || scope[3] != "kms-xks-proxy"
    {
        return (credential.clone(), false);
    }
    let Some(date) = parts
        .headers
        .get("x-amz-date")
        .and_then(|v| v.to_str().ok())
    else {
        return (credential, false);
    };
    let time = kms_emulator::sigv4::parse_amz_date(date).unwrap();
    let headers: Vec<(&str, &str)> = signed_headers
        .split(';')
        .filter_map(|name| Some((name, parts.headers.get(name)?.to_str().ok()?)))
        .collect();
    let identity =
        aws_credential_types::Credentials::new(ACCESS_KEY_ID, SECRET, None, None, "test").into();
    let mut settings = SigningSettings::default();
    settings.excluded_headers = Some(Vec::new());
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("kms-xks-proxy")
        .time(time)
        .settings(settings)
        .build()
        .unwrap()
        .into();
    let uri = format!("https://{host}{}", parts.uri.path());
    let signable =
        SignableRequest::new("POST", &uri, headers.into_iter(), SignableBody::Bytes(body)).unwrap();
    let expected = sign(signable, &params).unwrap().signature().to_owned();
    (credential, expected == signature)
}
