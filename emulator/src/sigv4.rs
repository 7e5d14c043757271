//! Verifying the SigV4 signature of KMS requests when `[[credentials]]` are configured:
//! the signature is recomputed with the `aws-sigv4` crate over the headers the client says
//! it signed, and compared in constant time. See "Signing AWS API requests"
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html>) and KMS's common
//! errors (<https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html>):
//! `MissingAuthenticationTokenException`, `UnrecognizedClientException` and
//! `InvalidSignatureException`, all HTTP 400.

use crate::config::Credential;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How far the request's `X-Amz-Date` may be from the emulator's clock.
pub const MAX_SKEW: Duration = Duration::from_secs(5 * 60);

/// Why a request's signature was not accepted: the `__type` and a message.
#[derive(Debug, PartialEq, Eq)]
pub struct AuthFailure {
    /// `MissingAuthenticationTokenException`, `UnrecognizedClientException` or
    /// `InvalidSignatureException`.
    pub code: &'static str,
    /// Why.
    pub message: String,
}

fn missing(message: &str) -> AuthFailure {
    AuthFailure {
        code: "MissingAuthenticationTokenException",
        message: message.to_owned(),
    }
}

fn invalid(message: impl Into<String>) -> AuthFailure {
    AuthFailure {
        code: "InvalidSignatureException",
        message: message.into(),
    }
}

/// The parts of `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.
struct Authorization<'a> {
    access_key_id: &'a str,
    date: &'a str,
    region: &'a str,
    service: &'a str,
    signed_headers: Vec<&'a str>,
    signature: &'a str,
}

fn parse_authorization(value: &str) -> Option<Authorization<'_>> {
    let rest = value.strip_prefix("AWS4-HMAC-SHA256 ")?;
    let (mut credential, mut signed, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (key, value) = part.trim().split_once('=')?;
        match key {
            "Credential" => credential = Some(value),
            "SignedHeaders" => signed = Some(value),
            "Signature" => signature = Some(value),
            _ => {}
        }
    }
    let mut scope = credential?.split('/');
    let authorization = Authorization {
        access_key_id: scope.next()?,
        date: scope.next()?,
        region: scope.next()?,
        service: scope.next()?,
        signed_headers: signed?.split(';').collect(),
        signature: signature?,
    };
    (scope.next()? == "aws4_request" && scope.next().is_none()).then_some(authorization)
}

/// Checks a request's signature against the configured credentials, at time `now`.
pub fn verify(
    parts: &http::request::Parts,
    body: &[u8],
    credentials: &[Credential],
    region: &str,
    now: SystemTime,
) -> Result<(), AuthFailure> {
    let Some(header) = parts.headers.get(http::header::AUTHORIZATION) else {
        return Err(missing("Missing Authentication Token"));
    };
    let header = header
        .to_str()
        .map_err(|_| invalid("The Authorization header is not valid"))?;
    let auth = parse_authorization(header)
        .ok_or_else(|| invalid("The Authorization header is not a SigV4 header"))?;
    let Some(credential) = credentials
        .iter()
        .find(|c| c.access_key_id == auth.access_key_id)
    else {
        return Err(AuthFailure {
            code: "UnrecognizedClientException",
            message: "The security token included in the request is invalid.".to_owned(),
        });
    };
    if auth.service != "kms" || auth.region != region {
        return Err(invalid(format!(
            "Credential should be scoped to a valid region and service: expected {region}/kms, got {}/{}",
            auth.region, auth.service
        )));
    }
    let amz_date = parts
        .headers
        .get("x-amz-date")
        .and_then(|value| value.to_str().ok())
        .ok_or_else(|| invalid("The request has no X-Amz-Date header"))?;
    let signed_at =
        parse_amz_date(amz_date).ok_or_else(|| invalid("X-Amz-Date is not a valid date"))?;
    if !amz_date.starts_with(auth.date) {
        return Err(invalid(
            "The credential scope's date is not the request's date",
        ));
    }
    let skew = now
        .duration_since(signed_at)
        .unwrap_or_else(|error| error.duration());
    if skew > MAX_SKEW {
        return Err(invalid(format!(
            "Signature expired: {amz_date} is more than 5 minutes from now"
        )));
    }
    if !auth.signed_headers.contains(&"host") || !auth.signed_headers.contains(&"x-amz-date") {
        return Err(invalid(
            "The signed headers must include host and x-amz-date",
        ));
    }
    let mut headers = Vec::new();
    for name in &auth.signed_headers {
        let values: Vec<&str> = parts
            .headers
            .get_all(*name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        if values.is_empty() {
            return Err(invalid(format!(
                "The signed header {name} is not in the request"
            )));
        }
        for value in values {
            headers.push((*name, value));
        }
    }
    let expected = recompute(parts, body, credential, region, signed_at, headers)?;
    if constant_time_eq(expected.as_bytes(), auth.signature.as_bytes()) {
        Ok(())
    } else {
        Err(invalid(
            "The request signature we calculated does not match the signature you provided.",
        ))
    }
}

fn recompute(
    parts: &http::request::Parts,
    body: &[u8],
    credential: &Credential,
    region: &str,
    time: SystemTime,
    headers: Vec<(&str, &str)>,
) -> Result<String, AuthFailure> {
    use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
    let identity = aws_credential_types::Credentials::new(
        &credential.access_key_id,
        &credential.secret_access_key,
        None,
        None,
        "kms-emulator",
    )
    .into();
    let mut settings = SigningSettings::default();
    // Sign exactly what the client says it signed.
    settings.excluded_headers = Some(Vec::new());
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("kms")
        .time(time)
        .settings(settings)
        .build()
        .map_err(|error| invalid(error.to_string()))?
        .into();
    let uri = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let signable = SignableRequest::new(
        parts.method.as_str(),
        uri,
        headers.into_iter(),
        SignableBody::Bytes(body),
    )
    .map_err(|error| invalid(error.to_string()))?;
    let output = sign(signable, &params).map_err(|error| invalid(error.to_string()))?;
    Ok(output.signature().to_owned())
}

/// Equal bytes, in time that depends only on the lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `YYYYMMDDTHHMMSSZ` as a time.
pub fn parse_amz_date(text: &str) -> Option<SystemTime> {
    let bytes = text.as_bytes();
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = text.get(range)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(4..6)?, number(6..8)?);
    let (hour, minute, second) = (number(9..11)?, number(11..13)?, number(13..15)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second;
    Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(seconds).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amz_dates() {
        let time = parse_amz_date("20150830T123600Z").unwrap();
        assert_eq!(
            time.duration_since(UNIX_EPOCH).unwrap().as_secs(),
            1_440_938_160
        );
        assert!(parse_amz_date("2015-08-30T12:36Z").is_none());
        assert!(parse_amz_date("20151330T123600Z").is_none());
    }

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
