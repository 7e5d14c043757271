//! Answering KMS requests: `POST /` with `X-Amz-Target: TrentService.<Operation>`.

use crate::rules::{Exception, Rejection};
use crate::service::{Emulator, Failure};
use kms_api::validation::Validate;
use kms_api::wire::Operation;

/// A finished KMS answer: status and JSON body.
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// JSON body.
    pub body: Vec<u8>,
}

/// An error body: `{"__type": code, "message": ...}`, as awsJson1_1 errors are sent.
pub fn error_answer(status: u16, code: &str, message: &str) -> Answer {
    Answer {
        status,
        body: serde_json::json!({"__type": code, "message": message})
            .to_string()
            .into_bytes(),
    }
}

fn failure_answer(failure: Failure) -> Answer {
    match failure {
        Failure::Rejected(Rejection { exception, message }) => {
            error_answer(400, exception.code(), &message)
        }
        Failure::Internal(why) => {
            tracing::error!("internal failure: {why}");
            error_answer(
                500,
                "KMSInternalException",
                "The request processing has failed because of an unknown error",
            )
        }
    }
}

async fn run<O, F, Fut>(body: &[u8], handler: F) -> Answer
where
    O: Operation,
    O::Input: serde::de::DeserializeOwned,
    O::Output: serde::Serialize,
    F: FnOnce(O::Input) -> Fut,
    Fut: std::future::Future<Output = Result<O::Output, Failure>>,
{
    let input: O::Input = match serde_json::from_slice(if body.is_empty() { b"{}" } else { body }) {
        Ok(input) => input,
        Err(error) => return error_answer(400, "SerializationException", &error.to_string()),
    };
    if let Err(error) = input.validate() {
        return error_answer(
            400,
            Exception::ValidationException.code(),
            &error.to_string(),
        );
    }
    match handler(input).await {
        Ok(output) => match serde_json::to_vec(&output) {
            Ok(body) => Answer { status: 200, body },
            Err(error) => failure_answer(Failure::Internal(error.to_string())),
        },
        Err(failure) => failure_answer(failure),
    }
}

/// Dispatches on the target.
pub async fn answer(emulator: &Emulator, target: &str, body: &[u8]) -> Answer {
    use kms_api::operations::{
        connect_custom_key_store::ConnectCustomKeyStore,
        create_custom_key_store::CreateCustomKeyStore,
        delete_custom_key_store::DeleteCustomKeyStore,
        describe_custom_key_stores::DescribeCustomKeyStores,
        disconnect_custom_key_store::DisconnectCustomKeyStore,
        update_custom_key_store::UpdateCustomKeyStore,
    };
    match target {
        CreateCustomKeyStore::TARGET => {
            run::<CreateCustomKeyStore, _, _>(body, |r| emulator.create(r)).await
        }
        ConnectCustomKeyStore::TARGET => {
            run::<ConnectCustomKeyStore, _, _>(body, |r| emulator.connect(r)).await
        }
        DisconnectCustomKeyStore::TARGET => {
            run::<DisconnectCustomKeyStore, _, _>(body, |r| emulator.disconnect(r)).await
        }
        DeleteCustomKeyStore::TARGET => {
            run::<DeleteCustomKeyStore, _, _>(body, |r| emulator.delete(r)).await
        }
        UpdateCustomKeyStore::TARGET => {
            run::<UpdateCustomKeyStore, _, _>(body, |r| emulator.update(r)).await
        }
        DescribeCustomKeyStores::TARGET => {
            run::<DescribeCustomKeyStores, _, _>(body, |r| emulator.describe(r)).await
        }
        _ => error_answer(
            400,
            "UnknownOperationException",
            "The X-Amz-Target header does not name an operation",
        ),
    }
}
