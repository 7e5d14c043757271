//! The behaviour of the six operations as pure functions over the registry, the
//! configuration and kms-api's request types. Nothing here does I/O: the XKS health check is
//! done by the caller between planning a change and applying it, and its outcome is mapped
//! by [`health`]. Each rule cites the AWS KMS documentation it follows.

/// The XKS members a Create or Update request carries (both spell them alike), for
/// [`create::refuse_present`].
macro_rules! xks_members {
    ($request:expr) => {
        [
            (
                "XksProxyUriEndpoint",
                $request.xks_proxy_uri_endpoint.is_some(),
            ),
            ("XksProxyUriPath", $request.xks_proxy_uri_path.is_some()),
            (
                "XksProxyVpcEndpointServiceName",
                $request.xks_proxy_vpc_endpoint_service_name.is_some(),
            ),
            (
                "XksProxyVpcEndpointServiceOwner",
                $request.xks_proxy_vpc_endpoint_service_owner.is_some(),
            ),
            (
                "XksProxyAuthenticationCredential",
                $request.xks_proxy_authentication_credential.is_some(),
            ),
            (
                "XksProxyConnectivity",
                $request.xks_proxy_connectivity.is_some(),
            ),
        ]
    };
}

pub mod connect;
pub mod create;
pub mod describe;
pub mod health;
pub mod lifecycle;
pub mod uniqueness;
pub mod update;

#[cfg(test)]
mod fixtures;

/// Every exception the emulator answers with, named as on the wire (`__type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs, clippy::enum_variant_names)]
pub enum Exception {
    CloudHsmClusterInUseException,
    CloudHsmClusterInvalidConfigurationException,
    CloudHsmClusterNotActiveException,
    CloudHsmClusterNotFoundException,
    CloudHsmClusterNotRelatedException,
    CustomKeyStoreHasCmksException,
    CustomKeyStoreInvalidStateException,
    CustomKeyStoreNameInUseException,
    CustomKeyStoreNotFoundException,
    IncorrectTrustAnchorException,
    InvalidMarkerException,
    LimitExceededException,
    XksProxyIncorrectAuthenticationCredentialException,
    XksProxyInvalidConfigurationException,
    XksProxyInvalidResponseException,
    XksProxyUriEndpointInUseException,
    XksProxyUriInUseException,
    XksProxyUriUnreachableException,
    XksProxyVpcEndpointServiceInUseException,
    XksProxyVpcEndpointServiceInvalidConfigurationException,
    XksProxyVpcEndpointServiceNotFoundException,
    /// Input the model's constraints allow but the operation does not (a member the
    /// chosen store type requires is missing, a member of the other type is present).
    ValidationException,
}

impl Exception {
    /// The `__type` code on the wire, as the model spells it (`CustomKeyStoreHasCMKsException`
    /// for `CustomKeyStoreHasCmksException`): taken from the generated error types.
    pub fn code(self) -> &'static str {
        use kms_api::errors;
        match self {
            Exception::CloudHsmClusterInUseException => errors::CloudHsmClusterInUseException::CODE,
            Exception::CloudHsmClusterInvalidConfigurationException => {
                errors::CloudHsmClusterInvalidConfigurationException::CODE
            }
            Exception::CloudHsmClusterNotActiveException => {
                errors::CloudHsmClusterNotActiveException::CODE
            }
            Exception::CloudHsmClusterNotFoundException => {
                errors::CloudHsmClusterNotFoundException::CODE
            }
            Exception::CloudHsmClusterNotRelatedException => {
                errors::CloudHsmClusterNotRelatedException::CODE
            }
            Exception::CustomKeyStoreHasCmksException => {
                errors::CustomKeyStoreHasCmksException::CODE
            }
            Exception::CustomKeyStoreInvalidStateException => {
                errors::CustomKeyStoreInvalidStateException::CODE
            }
            Exception::CustomKeyStoreNameInUseException => {
                errors::CustomKeyStoreNameInUseException::CODE
            }
            Exception::CustomKeyStoreNotFoundException => {
                errors::CustomKeyStoreNotFoundException::CODE
            }
            Exception::IncorrectTrustAnchorException => errors::IncorrectTrustAnchorException::CODE,
            Exception::InvalidMarkerException => errors::InvalidMarkerException::CODE,
            Exception::LimitExceededException => errors::LimitExceededException::CODE,
            Exception::XksProxyIncorrectAuthenticationCredentialException => {
                errors::XksProxyIncorrectAuthenticationCredentialException::CODE
            }
            Exception::XksProxyInvalidConfigurationException => {
                errors::XksProxyInvalidConfigurationException::CODE
            }
            Exception::XksProxyInvalidResponseException => {
                errors::XksProxyInvalidResponseException::CODE
            }
            Exception::XksProxyUriEndpointInUseException => {
                errors::XksProxyUriEndpointInUseException::CODE
            }
            Exception::XksProxyUriInUseException => errors::XksProxyUriInUseException::CODE,
            Exception::XksProxyUriUnreachableException => {
                errors::XksProxyUriUnreachableException::CODE
            }
            Exception::XksProxyVpcEndpointServiceInUseException => {
                errors::XksProxyVpcEndpointServiceInUseException::CODE
            }
            Exception::XksProxyVpcEndpointServiceInvalidConfigurationException => {
                errors::XksProxyVpcEndpointServiceInvalidConfigurationException::CODE
            }
            Exception::XksProxyVpcEndpointServiceNotFoundException => {
                errors::XksProxyVpcEndpointServiceNotFoundException::CODE
            }
            // Not a modelled error of KMS: the server side's own exception.
            Exception::ValidationException => "ValidationException",
        }
    }
}

/// A request the rules turn down: which exception, and the message that goes with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// The exception.
    pub exception: Exception,
    /// Its message.
    pub message: String,
}

impl Rejection {
    /// A rejection with a message.
    pub fn new(exception: Exception, message: impl Into<String>) -> Rejection {
        Rejection {
            exception,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.exception.code(), self.message)
    }
}

/// `CustomKeyStoreNotFoundException` for an id: every operation that names a store answers
/// so for an unknown one (for example
/// <https://docs.aws.amazon.com/kms/latest/APIReference/API_ConnectCustomKeyStore.html#API_ConnectCustomKeyStore_Errors>).
pub fn find<'r>(
    registry: &'r crate::store::Registry,
    id: &str,
) -> Result<&'r crate::store::StoreRecord, Rejection> {
    registry.stores.get(id).ok_or_else(|| {
        Rejection::new(
            Exception::CustomKeyStoreNotFoundException,
            format!("Custom key store {id} was not found"),
        )
    })
}

/// `CustomKeyStoreInvalidStateException` naming the state and what needs another one.
pub fn invalid_state(store: &crate::store::StoreRecord, why: &str) -> Rejection {
    Rejection::new(
        Exception::CustomKeyStoreInvalidStateException,
        format!(
            "Custom key store {} is {}: {why}",
            store.id,
            store.state.as_str()
        ),
    )
}

/// A `ValidationException` with a message.
pub fn invalid(message: impl Into<String>) -> Rejection {
    Rejection::new(Exception::ValidationException, message)
}
