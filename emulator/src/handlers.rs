//! The generated server trait, implemented by the emulator: each method runs the operation
//! and turns a rejection into the operation's modelled error.

use crate::rules::{Exception, Rejection};
use crate::service::{Emulator, Failure};
use kms_api::operations::{
    connect_custom_key_store::*, create_custom_key_store::*, delete_custom_key_store::*,
    describe_custom_key_stores::*, disconnect_custom_key_store::*, update_custom_key_store::*,
};
use kms_api::server::{HandlerError, RequestContext, TrentService};
use kms_api::wire::{ErrorResponse, Operation, OperationError};

/// The trait's implementor.
#[derive(Clone)]
pub struct Handlers {
    /// The operations.
    pub emulator: Emulator,
}

/// Maps a failure to `HandlerError<O::Error>`. The exception becomes the operation's modelled
/// variant the way a client reads it (`Operation::error_from_response`), so which errors an
/// operation has is the model's list, not one kept here. An exception the operation does not
/// list would be a bug in the rules, and is answered as an internal failure.
fn handler_error<O: Operation>(failure: Failure) -> HandlerError<O::Error> {
    let Rejection { exception, message } = match failure {
        Failure::Internal(why) => return HandlerError::Internal(why),
        Failure::Rejected(rejection) => rejection,
    };
    if exception == Exception::ValidationException {
        return HandlerError::Invalid(message);
    }
    let body = serde_json::json!({ "__type": exception.code(), "message": message }).to_string();
    let error = O::error_from_response(ErrorResponse::new(
        400,
        &http::HeaderMap::new(),
        body.as_bytes(),
    ));
    if error.as_unhandled().is_some() {
        return HandlerError::Internal(format!(
            "{} is not an error of {}: {message}",
            exception.code(),
            O::NAME
        ));
    }
    HandlerError::Modelled(error)
}

impl TrentService for Handlers {
    async fn connect_custom_key_store(
        &self,
        input: ConnectCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<ConnectCustomKeyStoreResponse, HandlerError<ConnectCustomKeyStoreError>> {
        self.emulator
            .connect(input)
            .await
            .map_err(handler_error::<ConnectCustomKeyStore>)
    }

    async fn create_custom_key_store(
        &self,
        input: CreateCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<CreateCustomKeyStoreResponse, HandlerError<CreateCustomKeyStoreError>> {
        self.emulator
            .create(input)
            .await
            .map_err(handler_error::<CreateCustomKeyStore>)
    }

    async fn delete_custom_key_store(
        &self,
        input: DeleteCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<DeleteCustomKeyStoreResponse, HandlerError<DeleteCustomKeyStoreError>> {
        self.emulator
            .delete(input)
            .await
            .map_err(handler_error::<DeleteCustomKeyStore>)
    }

    async fn describe_custom_key_stores(
        &self,
        input: DescribeCustomKeyStoresRequest,
        _context: &mut RequestContext,
    ) -> Result<DescribeCustomKeyStoresResponse, HandlerError<DescribeCustomKeyStoresError>> {
        self.emulator
            .describe(input)
            .await
            .map_err(handler_error::<DescribeCustomKeyStores>)
    }

    async fn disconnect_custom_key_store(
        &self,
        input: DisconnectCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<DisconnectCustomKeyStoreResponse, HandlerError<DisconnectCustomKeyStoreError>> {
        self.emulator
            .disconnect(input)
            .await
            .map_err(handler_error::<DisconnectCustomKeyStore>)
    }

    async fn update_custom_key_store(
        &self,
        input: UpdateCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<UpdateCustomKeyStoreResponse, HandlerError<UpdateCustomKeyStoreError>> {
        self.emulator
            .update(input)
            .await
            .map_err(handler_error::<UpdateCustomKeyStore>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exception_the_operation_lists_becomes_its_variant_with_the_message() {
        let failure = Failure::Rejected(Rejection::new(
            Exception::CustomKeyStoreHasCmksException,
            "cks-1 holds 2 KMS keys",
        ));
        match handler_error::<DeleteCustomKeyStore>(failure) {
            HandlerError::Modelled(DeleteCustomKeyStoreError::CustomKeyStoreHasCmksException(
                error,
            )) => assert_eq!(error.message(), Some("cks-1 holds 2 KMS keys")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn codes_are_spelled_as_kms_spells_them() {
        // From the AWS KMS API reference, where one code differs from its Rust name.
        assert_eq!(
            Exception::CustomKeyStoreHasCmksException.code(),
            "CustomKeyStoreHasCMKsException"
        );
        assert_eq!(
            Exception::XksProxyUriUnreachableException.code(),
            "XksProxyUriUnreachableException"
        );
        assert_eq!(Exception::ValidationException.code(), "ValidationException");
    }

    #[test]
    fn an_exception_the_operation_does_not_list_is_an_internal_failure() {
        let failure = Failure::Rejected(Rejection::new(Exception::LimitExceededException, "m"));
        match handler_error::<DescribeCustomKeyStores>(failure) {
            HandlerError::Internal(why) => assert_eq!(
                why,
                "LimitExceededException is not an error of DescribeCustomKeyStores: m"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_validation_exception_keeps_its_own_message() {
        let failure = Failure::Rejected(Rejection::new(Exception::ValidationException, "why"));
        assert!(matches!(
            handler_error::<CreateCustomKeyStore>(failure),
            HandlerError::Invalid(message) if message == "why"
        ));
    }
}
