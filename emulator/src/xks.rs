//! The XKS proxy health check (`GetHealthStatus`), as the XKS Proxy API specification
//! defines it (<https://github.com/aws/aws-kms-xksproxy-api-spec>, "GetHealthStatus"):
//! `POST {url}{XksProxyUriPath}/health` with `requestMetadata`, SigV4-signed with the store's
//! proxy authentication credential for service `kms-xks-proxy`, the `Host` being the host of
//! the store's `XksProxyUriEndpoint` (for VPC connectivity, the private DNS name).

use crate::config::Config;
use crate::rules::health::HealthOutcome;
use crate::store::{Connectivity, XksSettings};
use http_body_util::{BodyExt, Full};
use std::time::{Duration, SystemTime};

/// The SigV4 signing name of XKS proxy calls.
pub const SIGNING_NAME: &str = "kms-xks-proxy";

/// Runs one health check for a store's settings and classifies the outcome.
/// `operation` is the `kmsOperation` (`CreateCustomKeyStore`, `UpdateCustomKeyStore` or
/// `ConnectCustomKeyStore`).
pub async fn health_check(
    config: &Config,
    settings: &XksSettings,
    operation: &str,
) -> HealthOutcome {
    let url = match settings.connectivity {
        Connectivity::PublicEndpoint => match config.proxy_for(&settings.uri_endpoint) {
            Some(proxy) => proxy.url.clone(),
            None => {
                return HealthOutcome::Unreachable(format!(
                    "nothing serves {}",
                    settings.uri_endpoint
                ))
            }
        },
        Connectivity::VpcEndpointService => {
            let name = settings
                .vpc_endpoint_service_name
                .as_deref()
                .unwrap_or_default();
            match config.vpc_service(name) {
                Some(service) => service.url.clone(),
                None => return HealthOutcome::VpcServiceGone,
            }
        }
    };
    let timeout = Duration::from_millis(config.xks_timeout_ms);
    match tokio::time::timeout(timeout, call(config, settings, operation, &url)).await {
        Err(_) => HealthOutcome::TimedOut,
        Ok(Err(why)) => HealthOutcome::Unreachable(why),
        Ok(Ok((status, body))) => HealthOutcome::from_response(status, &body),
    }
}

/// The request body: `{"requestMetadata":{"kmsRequestId":...,"kmsOperation":...}}`.
pub fn request_body(request_id: &str, operation: &str) -> Vec<u8> {
    serde_json::json!({"requestMetadata": {"kmsRequestId": request_id, "kmsOperation": operation}})
        .to_string()
        .into_bytes()
}

async fn call(
    config: &Config,
    settings: &XksSettings,
    operation: &str,
    url: &str,
) -> Result<(u16, Vec<u8>), String> {
    let base: http::Uri = url
        .parse()
        .map_err(|_| format!("the proxy URL {url} is not valid"))?;
    let authority = base
        .authority()
        .ok_or_else(|| format!("the proxy URL {url} has no host"))?
        .clone();
    let prefix = base.path().trim_end_matches('/');
    let path = format!("{prefix}{}/health", settings.uri_path);
    let host = endpoint_host(&settings.uri_endpoint);
    let body = request_body(&uuid::Uuid::new_v4().to_string(), operation);
    let mut request = http::Request::builder()
        .method("POST")
        .uri(&path)
        .header("host", &host)
        .header("content-type", "application/json")
        .body(body.clone())
        .map_err(|error| error.to_string())?;
    sign(
        &mut request,
        &format!("https://{host}{}/health", settings.uri_path),
        settings,
        &config.region,
    )?;
    let stream = tokio::net::TcpStream::connect(authority.as_str())
        .await
        .map_err(|error| error.to_string())?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|error| error.to_string())?;
    tokio::spawn(connection);
    let request = request.map(|body| Full::new(bytes::Bytes::from(body)));
    let response = sender
        .send_request(request)
        .await
        .map_err(|error| error.to_string())?;
    let status = response.status().as_u16();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|error| error.to_string())?
        .to_bytes();
    Ok((status, body.to_vec()))
}

/// The host (and port, if any) of `https://host[:port]`.
pub fn endpoint_host(uri_endpoint: &str) -> String {
    uri_endpoint
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_owned()
}

fn sign(
    request: &mut http::Request<Vec<u8>>,
    signed_uri: &str,
    settings: &XksSettings,
    region: &str,
) -> Result<(), String> {
    use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
    let identity = aws_credential_types::Credentials::new(
        &settings.access_key_id,
        &settings.raw_secret_access_key,
        None,
        None,
        "kms-emulator",
    )
    .into();
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(SIGNING_NAME)
        .time(SystemTime::now())
        .settings(SigningSettings::default())
        .build()
        .map_err(|error| error.to_string())?
        .into();
    let headers: Vec<(&str, &str)> = request
        .headers()
        .iter()
        .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
        .collect();
    let signable = SignableRequest::new(
        "POST",
        signed_uri,
        headers.into_iter(),
        SignableBody::Bytes(request.body()),
    )
    .map_err(|error| error.to_string())?;
    let (instructions, _) = sign(signable, &params)
        .map_err(|error| error.to_string())?
        .into_parts();
    instructions.apply_to_request_http1x(request);
    Ok(())
}
