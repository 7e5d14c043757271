//! The generated server trait, implemented by the emulator: each method runs the operation
//! and turns a rejection into the operation's modelled error.

use crate::rules::{Exception, Rejection};
use crate::service::{Emulator, Failure};
use kms_api::errors;
use kms_api::operations::{
    connect_custom_key_store::*, create_custom_key_store::*, delete_custom_key_store::*,
    describe_custom_key_stores::*, disconnect_custom_key_store::*, update_custom_key_store::*,
};
use kms_api::server::{HandlerError, RequestContext, TrentService};

/// The trait's implementor.
#[derive(Clone)]
pub struct Handlers {
    /// The operations.
    pub emulator: Emulator,
}

/// Maps a failure to `HandlerError<$error>`; exceptions the operation does not list would be
/// a bug in the rules, and are answered as internal failures.
macro_rules! handler_error {
    ($failure:expr, $error:ident { $($variant:ident),* $(,)? }) => {
        match $failure {
            Failure::Internal(why) => HandlerError::Internal(why),
            Failure::Rejected(Rejection { exception, message }) => match exception {
                $(Exception::$variant => HandlerError::Modelled($error::$variant(
                    errors::$variant::builder().message(message).build(),
                )),)*
                Exception::ValidationException => HandlerError::Invalid(message),
                other => HandlerError::Internal(format!(
                    "{} is not an error of {}: {message}",
                    other.code(),
                    stringify!($error)
                )),
            },
        }
    };
}

impl TrentService for Handlers {
    async fn connect_custom_key_store(
        &self,
        input: ConnectCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<ConnectCustomKeyStoreResponse, HandlerError<ConnectCustomKeyStoreError>> {
        self.emulator.connect(input).await.map_err(|failure| {
            handler_error!(
                failure,
                ConnectCustomKeyStoreError {
                    CloudHsmClusterInvalidConfigurationException,
                    CloudHsmClusterNotActiveException,
                    CustomKeyStoreInvalidStateException,
                    CustomKeyStoreNotFoundException,
                }
            )
        })
    }

    async fn create_custom_key_store(
        &self,
        input: CreateCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<CreateCustomKeyStoreResponse, HandlerError<CreateCustomKeyStoreError>> {
        self.emulator.create(input).await.map_err(|failure| {
            handler_error!(
                failure,
                CreateCustomKeyStoreError {
                    CloudHsmClusterInUseException,
                    CloudHsmClusterInvalidConfigurationException,
                    CloudHsmClusterNotActiveException,
                    CloudHsmClusterNotFoundException,
                    CustomKeyStoreNameInUseException,
                    IncorrectTrustAnchorException,
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
                }
            )
        })
    }

    async fn delete_custom_key_store(
        &self,
        input: DeleteCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<DeleteCustomKeyStoreResponse, HandlerError<DeleteCustomKeyStoreError>> {
        self.emulator.delete(input).await.map_err(|failure| {
            handler_error!(
                failure,
                DeleteCustomKeyStoreError {
                    CustomKeyStoreHasCmksException,
                    CustomKeyStoreInvalidStateException,
                    CustomKeyStoreNotFoundException,
                }
            )
        })
    }

    async fn describe_custom_key_stores(
        &self,
        input: DescribeCustomKeyStoresRequest,
        _context: &mut RequestContext,
    ) -> Result<DescribeCustomKeyStoresResponse, HandlerError<DescribeCustomKeyStoresError>> {
        self.emulator.describe(input).await.map_err(|failure| {
            handler_error!(
                failure,
                DescribeCustomKeyStoresError {
                    CustomKeyStoreNotFoundException,
                    InvalidMarkerException,
                }
            )
        })
    }

    async fn disconnect_custom_key_store(
        &self,
        input: DisconnectCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<DisconnectCustomKeyStoreResponse, HandlerError<DisconnectCustomKeyStoreError>> {
        self.emulator.disconnect(input).await.map_err(|failure| {
            handler_error!(
                failure,
                DisconnectCustomKeyStoreError {
                    CustomKeyStoreInvalidStateException,
                    CustomKeyStoreNotFoundException,
                }
            )
        })
    }

    async fn update_custom_key_store(
        &self,
        input: UpdateCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<UpdateCustomKeyStoreResponse, HandlerError<UpdateCustomKeyStoreError>> {
        self.emulator.update(input).await.map_err(|failure| {
            handler_error!(
                failure,
                UpdateCustomKeyStoreError {
                    CloudHsmClusterInvalidConfigurationException,
                    CloudHsmClusterNotActiveException,
                    CloudHsmClusterNotFoundException,
                    CloudHsmClusterNotRelatedException,
                    CustomKeyStoreInvalidStateException,
                    CustomKeyStoreNameInUseException,
                    CustomKeyStoreNotFoundException,
                    XksProxyIncorrectAuthenticationCredentialException,
                    XksProxyInvalidConfigurationException,
                    XksProxyInvalidResponseException,
                    XksProxyUriEndpointInUseException,
                    XksProxyUriInUseException,
                    XksProxyUriUnreachableException,
                    XksProxyVpcEndpointServiceInUseException,
                    XksProxyVpcEndpointServiceInvalidConfigurationException,
                    XksProxyVpcEndpointServiceNotFoundException,
                }
            )
        })
    }
}
