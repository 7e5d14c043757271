//! What an XKS proxy health check's outcome means for Create/Update (an exception) and for
//! Connect (a `ConnectionErrorCode`). The mapping follows the Errors sections of
//! CreateCustomKeyStore and UpdateCustomKeyStore, and the connection error codes of
//! <https://docs.aws.amazon.com/kms/latest/developerguide/xks-troubleshooting.html#fix-xks-connection>
//! and <https://docs.aws.amazon.com/kms/latest/APIReference/API_CustomKeyStoresListEntry.html>.

use super::{Exception, Rejection};

/// How a `GetHealthStatus` call to the proxy ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HealthOutcome {
    /// 200 with a valid body and at least one key manager not `UNAVAILABLE`.
    Healthy,
    /// 401: the proxy did not accept the signature (`AuthenticationFailedException`).
    Unauthenticated,
    /// 403: the proxy refused the caller.
    AccessDenied,
    /// 404: the URI path is not the proxy's (`InvalidUriPathException`).
    NotFound,
    /// Any other 4xx/5xx, or a 200 whose body is malformed or misses a required field.
    InvalidResponse(String),
    /// Connection refused, 429 or 503.
    Unreachable(String),
    /// No answer within `xks_timeout_ms`.
    TimedOut,
    /// Every entry of `ekmFleetDetails` is `UNAVAILABLE`.
    AllUnavailable,
    /// The store's VPC endpoint service no longer exists (Connect only).
    VpcServiceGone,
}

impl HealthOutcome {
    /// The exception Create and Update answer with; `None` when healthy.
    ///
    /// - 401: `XksProxyIncorrectAuthenticationCredentialException` ("the proxy does not
    ///   recognize the authentication credential"); 403 is not mapped by the specification:
    ///   we choose the same exception, since the proxy turned the caller down.
    /// - 404: `XksProxyInvalidConfigurationException`.
    /// - anything malformed: `XksProxyInvalidResponseException` ("KMS cannot interpret the
    ///   response from the external key store proxy").
    /// - unreachable, timed out, or all key managers unavailable:
    ///   `XksProxyUriUnreachableException` ("This exception is also thrown when the external
    ///   key store proxy response to a GetHealthStatus request indicates that all external
    ///   key manager instances are unavailable").
    pub fn rejection(&self) -> Option<Rejection> {
        let (exception, message) = match self {
            HealthOutcome::Healthy => return None,
            HealthOutcome::Unauthenticated => (
                Exception::XksProxyIncorrectAuthenticationCredentialException,
                "The external key store proxy rejected the authentication credential (401)"
                    .to_owned(),
            ),
            HealthOutcome::AccessDenied => (
                Exception::XksProxyIncorrectAuthenticationCredentialException,
                "The external key store proxy denied access (403)".to_owned(),
            ),
            HealthOutcome::NotFound => (
                Exception::XksProxyInvalidConfigurationException,
                "The external key store proxy does not serve this URI path (404)".to_owned(),
            ),
            HealthOutcome::InvalidResponse(why) => (
                Exception::XksProxyInvalidResponseException,
                format!("The external key store proxy's response is invalid: {why}"),
            ),
            HealthOutcome::Unreachable(why) => (
                Exception::XksProxyUriUnreachableException,
                format!("The external key store proxy is unreachable: {why}"),
            ),
            HealthOutcome::TimedOut => (
                Exception::XksProxyUriUnreachableException,
                "The external key store proxy did not answer in time".to_owned(),
            ),
            HealthOutcome::AllUnavailable => (
                Exception::XksProxyUriUnreachableException,
                "Every external key manager of the proxy is UNAVAILABLE".to_owned(),
            ),
            HealthOutcome::VpcServiceGone => (
                Exception::XksProxyVpcEndpointServiceNotFoundException,
                "The VPC endpoint service was not found".to_owned(),
            ),
        };
        Some(Rejection::new(exception, message))
    }

    /// The `ConnectionErrorCode` a connection attempt fails with; `None` when healthy.
    pub fn connection_error_code(&self) -> Option<&'static str> {
        Some(match self {
            HealthOutcome::Healthy => return None,
            HealthOutcome::Unauthenticated => "INVALID_CREDENTIALS",
            HealthOutcome::AccessDenied => "XKS_PROXY_ACCESS_DENIED",
            HealthOutcome::NotFound => "XKS_PROXY_INVALID_CONFIGURATION",
            HealthOutcome::InvalidResponse(_) => "XKS_PROXY_INVALID_RESPONSE",
            HealthOutcome::Unreachable(_) | HealthOutcome::AllUnavailable => {
                "XKS_PROXY_NOT_REACHABLE"
            }
            HealthOutcome::TimedOut => "XKS_PROXY_TIMED_OUT",
            HealthOutcome::VpcServiceGone => "XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND",
        })
    }

    /// Classifies a status and body as the specification defines a `GetHealthStatus`
    /// response (<https://github.com/aws/aws-kms-xksproxy-api-spec>, "GetHealthStatus" and
    /// "Error codes").
    pub fn from_response(status: u16, body: &[u8]) -> HealthOutcome {
        match status {
            200 => check_body(body),
            401 => HealthOutcome::Unauthenticated,
            403 => HealthOutcome::AccessDenied,
            404 => HealthOutcome::NotFound,
            429 | 503 => HealthOutcome::Unreachable(format!("HTTP {status}")),
            other => HealthOutcome::InvalidResponse(format!("HTTP {other}")),
        }
    }
}

/// "The following attributes MUST be present in response payload": `xksProxyFleetSize` (an
/// integer greater than zero), `xksProxyVendor`, `xksProxyModel`, `ekmVendor`, and
/// `ekmFleetDetails` with one to ten entries, each with `id`, `model` and a `healthStatus`
/// of `ACTIVE`, `DEGRADED` or `UNAVAILABLE`.
fn check_body(body: &[u8]) -> HealthOutcome {
    match body_problem(body) {
        Err(why) => HealthOutcome::InvalidResponse(why),
        Ok(true) => HealthOutcome::AllUnavailable,
        Ok(false) => HealthOutcome::Healthy,
    }
}

/// Ok(whether every key manager is unavailable), or what is wrong with the body.
fn body_problem(body: &[u8]) -> Result<bool, String> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|error| format!("the body is not JSON ({error})"))?;
    let object = value.as_object().ok_or("the body is not a JSON object")?;
    match object
        .get("xksProxyFleetSize")
        .and_then(serde_json::Value::as_u64)
    {
        Some(size) if size > 0 => {}
        _ => return Err("xksProxyFleetSize must be an integer greater than zero".to_owned()),
    }
    for field in ["xksProxyVendor", "xksProxyModel", "ekmVendor"] {
        if !object.get(field).is_some_and(serde_json::Value::is_string) {
            return Err(format!("{field} must be a string"));
        }
    }
    let details = object
        .get("ekmFleetDetails")
        .and_then(serde_json::Value::as_array)
        .ok_or("ekmFleetDetails must be an array")?;
    if details.is_empty() || details.len() > 10 {
        return Err(format!(
            "ekmFleetDetails must hold 1 to 10 entries, not {}",
            details.len()
        ));
    }
    let mut all_unavailable = true;
    for entry in details {
        for field in ["id", "model"] {
            if !entry.get(field).is_some_and(serde_json::Value::is_string) {
                return Err(format!("ekmFleetDetails[].{field} must be a string"));
            }
        }
        match entry
            .get("healthStatus")
            .and_then(serde_json::Value::as_str)
        {
            Some("UNAVAILABLE") => {}
            Some("ACTIVE" | "DEGRADED") => all_unavailable = false,
            _ => {
                return Err(
                    "ekmFleetDetails[].healthStatus must be ACTIVE, DEGRADED or UNAVAILABLE"
                        .to_owned(),
                )
            }
        }
    }
    Ok(all_unavailable)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"xksProxyFleetSize":2,"xksProxyVendor":"Acme Corp","xksProxyModel":"Acme XKS Proxy 1.0","ekmVendor":"Thales Group","ekmFleetDetails":[{"id":"hsm-id-1","model":"Luna 5.0","healthStatus":"DEGRADED"},{"id":"hsm-id-2","model":"Luna 5.1","healthStatus":"ACTIVE"}]}"#;

    #[test]
    fn the_specification_example_is_healthy() {
        assert_eq!(
            HealthOutcome::from_response(200, GOOD.as_bytes()),
            HealthOutcome::Healthy
        );
    }

    #[test]
    fn every_required_field_is_checked() {
        let bad = [
            GOOD.replace("\"xksProxyFleetSize\":2", "\"xksProxyFleetSize\":0"),
            GOOD.replace("\"xksProxyFleetSize\":2", "\"xksProxyFleetSize\":\"2\""),
            GOOD.replace("xksProxyVendor", "vendor"),
            GOOD.replace("xksProxyModel", "model0"),
            GOOD.replace("ekmVendor", "ekm"),
            GOOD.replace("\"id\":\"hsm-id-1\",", ""),
            GOOD.replace("\"model\":\"Luna 5.0\",", ""),
            GOOD.replace("DEGRADED", "SICK"),
            r#"{"xksProxyFleetSize":1,"xksProxyVendor":"a","xksProxyModel":"b","ekmVendor":"c","ekmFleetDetails":[]}"#.to_owned(),
            "not json".to_owned(),
        ];
        for body in bad {
            assert!(
                matches!(
                    HealthOutcome::from_response(200, body.as_bytes()),
                    HealthOutcome::InvalidResponse(_)
                ),
                "{body}"
            );
        }
    }

    #[test]
    fn all_unavailable_is_unreachable() {
        let body = GOOD
            .replace("DEGRADED", "UNAVAILABLE")
            .replace("ACTIVE", "UNAVAILABLE");
        let outcome = HealthOutcome::from_response(200, body.as_bytes());
        assert_eq!(outcome, HealthOutcome::AllUnavailable);
        assert_eq!(
            outcome.connection_error_code(),
            Some("XKS_PROXY_NOT_REACHABLE")
        );
        assert_eq!(
            outcome.rejection().unwrap().exception,
            Exception::XksProxyUriUnreachableException
        );
    }

    #[test]
    fn the_outcome_table() {
        let table = [
            (
                401,
                Exception::XksProxyIncorrectAuthenticationCredentialException,
                "INVALID_CREDENTIALS",
            ),
            (
                403,
                Exception::XksProxyIncorrectAuthenticationCredentialException,
                "XKS_PROXY_ACCESS_DENIED",
            ),
            (
                404,
                Exception::XksProxyInvalidConfigurationException,
                "XKS_PROXY_INVALID_CONFIGURATION",
            ),
            (
                400,
                Exception::XksProxyInvalidResponseException,
                "XKS_PROXY_INVALID_RESPONSE",
            ),
            (
                500,
                Exception::XksProxyInvalidResponseException,
                "XKS_PROXY_INVALID_RESPONSE",
            ),
            (
                429,
                Exception::XksProxyUriUnreachableException,
                "XKS_PROXY_NOT_REACHABLE",
            ),
            (
                503,
                Exception::XksProxyUriUnreachableException,
                "XKS_PROXY_NOT_REACHABLE",
            ),
        ];
        for (status, exception, code) in table {
            let outcome = HealthOutcome::from_response(status, b"{}");
            assert_eq!(
                outcome.rejection().unwrap().exception,
                exception,
                "{status}"
            );
            assert_eq!(outcome.connection_error_code(), Some(code), "{status}");
        }
        assert_eq!(
            HealthOutcome::TimedOut.connection_error_code(),
            Some("XKS_PROXY_TIMED_OUT")
        );
        assert_eq!(
            HealthOutcome::TimedOut.rejection().unwrap().exception,
            Exception::XksProxyUriUnreachableException
        );
        assert_eq!(
            HealthOutcome::VpcServiceGone.connection_error_code(),
            Some("XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND")
        );
    }
}
