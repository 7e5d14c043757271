//! SigV4 on KMS requests when `[[credentials]]` are configured.

use crate::support::{send, Running};
use kms_api::operations::describe_custom_key_stores::*;
use kms_api::wire::Operation;
use std::time::{Duration, SystemTime};

const CONFIG: &str = r#"
region = "eu-west-1"
[[credentials]]
access_key_id = "AKIDEXAMPLE"
secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
"#;

fn signed(
    port: u16,
    key: &str,
    secret: &str,
    region: &str,
    time: SystemTime,
) -> http::Request<Vec<u8>> {
    use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
    let mut request = DescribeCustomKeyStores::serialize_request(
        &DescribeCustomKeyStoresRequest::builder().build(),
    )
    .unwrap();
    request
        .headers_mut()
        .insert("host", format!("127.0.0.1:{port}").parse().unwrap());
    let identity = aws_credential_types::Credentials::new(key, secret, None, None, "test").into();
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("kms")
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let headers: Vec<(&str, &str)> = request
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str(), v.to_str().unwrap()))
        .collect();
    let uri = format!("http://127.0.0.1:{port}/");
    let signable = SignableRequest::new(
        "POST",
        &uri,
        headers.into_iter(),
        SignableBody::Bytes(request.body()),
    )
    .unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    instructions.apply_to_request_http1x(&mut request);
    request
}

async fn type_of(port: u16, request: http::Request<Vec<u8>>) -> (u16, String) {
    let response = send(port, request).await;
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    (
        response.status().as_u16(),
        body["__type"].as_str().unwrap_or("").to_owned(),
    )
}

#[tokio::test]
async fn every_outcome() {
    let emulator = Running::start(CONFIG, &[]);
    let port = emulator.port;
    let now = SystemTime::now();
    let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    assert_eq!(
        type_of(port, signed(port, "AKIDEXAMPLE", secret, "eu-west-1", now)).await,
        (200, String::new())
    );
    let unsigned = DescribeCustomKeyStores::serialize_request(
        &DescribeCustomKeyStoresRequest::builder().build(),
    )
    .unwrap();
    assert_eq!(
        type_of(port, unsigned).await,
        (400, "MissingAuthenticationTokenException".to_owned())
    );
    assert_eq!(
        type_of(port, signed(port, "AKIDUNKNOWN", secret, "eu-west-1", now)).await,
        (400, "UnrecognizedClientException".to_owned())
    );
    for request in [
        signed(port, "AKIDEXAMPLE", "not-the-secret", "eu-west-1", now),
        signed(port, "AKIDEXAMPLE", secret, "us-east-1", now),
        signed(
            port,
            "AKIDEXAMPLE",
            secret,
            "eu-west-1",
            now - Duration::from_secs(6 * 60),
        ),
        signed(
            port,
            "AKIDEXAMPLE",
            secret,
            "eu-west-1",
            now + Duration::from_secs(6 * 60),
        ),
    ] {
        assert_eq!(
            type_of(port, request).await,
            (400, "InvalidSignatureException".to_owned())
        );
    }
    // A body changed after signing.
    let mut tampered = signed(port, "AKIDEXAMPLE", secret, "eu-west-1", now);
    *tampered.body_mut() = b"{\"Limit\":5}".to_vec();
    tampered.headers_mut().remove("content-length");
    assert_eq!(
        type_of(port, tampered).await,
        (400, "InvalidSignatureException".to_owned())
    );
}
