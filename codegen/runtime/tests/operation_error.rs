//! `operation_error!` through the example model's `PutWidgetError`, implemented by it as a
//! generated crate's operation errors are: the accessors, `Display`, the conversions and
//! the reading of an error response. Expected texts are written out by hand.

use codegen_runtime::example::{PutWidget, PutWidgetError};
use codegen_runtime::primitives::UnhandledError;
use codegen_runtime::wire::{Operation, OperationError};
use std::error::Error as _;

fn response(status: u16, request_id: Option<&'static str>, body: &str) -> PutWidgetError {
    let mut headers = http::HeaderMap::new();
    if let Some(id) = request_id {
        headers.insert("x-amzn-requestid", http::HeaderValue::from_static(id));
    }
    PutWidget::parse_response_parts(status, &headers, body.as_bytes()).expect_err("an error")
}

#[test]
fn an_unhandled_error_answers_from_what_the_response_said() {
    let error = response(
        429,
        Some("req-9"),
        r#"{"__type":"ThrottlingException","message":"slow down"}"#,
    );
    assert!(matches!(error, PutWidgetError::Unhandled(_)));
    assert_eq!(error.code(), Some("ThrottlingException"));
    assert_eq!(error.message(), Some("slow down"));
    assert_eq!(OperationError::http_status(&error), Some(429));
    assert_eq!(OperationError::request_id(&error), Some("req-9"));
    assert_eq!(
        error.to_string(),
        "ThrottlingException (HTTP 429): slow down [request id req-9]"
    );
    assert_eq!(
        error.as_unhandled().and_then(UnhandledError::code),
        Some("ThrottlingException")
    );
}

#[test]
fn the_trait_and_the_inherent_accessors_agree() {
    let errors = [
        response(500, None, "{}"),
        response(400, None, r#"{"__type":"Other","Message":"m"}"#),
        PutWidgetError::from(UnhandledError::new(503).with_code("Busy")),
    ];
    for error in &errors {
        assert_eq!(error.code(), OperationError::code(error), "{error:?}");
        assert_eq!(error.message(), OperationError::message(error), "{error:?}");
    }
    assert_eq!(errors[0].code(), None);
    assert_eq!(errors[1].message(), Some("m"));
    assert_eq!(errors[2].code(), Some("Busy"));
}

#[test]
fn an_error_built_by_hand_converts_and_keeps_its_status() {
    let error: PutWidgetError = UnhandledError::new(502).with_message("bad gateway").into();
    assert_eq!(
        error,
        PutWidgetError::Unhandled(UnhandledError::new(502).with_message("bad gateway"))
    );
    assert_eq!(OperationError::http_status(&error), Some(502));
    assert_eq!(OperationError::request_id(&error), None);
    // The variant's message is this error's message, not a separate cause.
    assert!(error.source().is_none());
}

#[cfg(feature = "modelled-errors")]
mod modelled {
    use super::*;
    use codegen_runtime::example::WidgetNotFound;

    #[test]
    fn a_listed_code_gives_its_variant_with_the_response_facts() {
        let error = response(
            404,
            Some("req-1"),
            r#"{"__type":"WidgetNotFoundException","message":"gone"}"#,
        );
        let PutWidgetError::WidgetNotFound(inner) = &error else {
            panic!("expected the modelled error, got {error:?}");
        };
        assert_eq!(inner.message(), Some("gone"));
        assert_eq!(error.code(), Some("WidgetNotFoundException"));
        assert_eq!(error.code(), Some(WidgetNotFound::CODE));
        assert_eq!(error.message(), Some("gone"));
        assert_eq!(OperationError::http_status(&error), Some(404));
        assert_eq!(OperationError::request_id(&error), Some("req-1"));
        assert_eq!(error.to_string(), "WidgetNotFoundException: gone");
        assert!(error.as_unhandled().is_none());
        assert!(error.source().is_none());
    }

    #[test]
    fn a_modelled_error_built_by_hand_has_no_response() {
        let error = PutWidgetError::from(WidgetNotFound::default());
        assert!(matches!(error, PutWidgetError::WidgetNotFound(_)));
        assert_eq!(error.code(), Some("WidgetNotFoundException"));
        assert_eq!(error.message(), None);
        assert_eq!(OperationError::http_status(&error), None);
        assert_eq!(OperationError::request_id(&error), None);
        assert_eq!(error.to_string(), "WidgetNotFoundException");
    }

    #[test]
    fn each_listed_code_gives_its_own_variant() {
        let error = response(
            409,
            None,
            r#"{"__type":"WidgetLockedException","message":"busy"}"#,
        );
        let PutWidgetError::WidgetLocked(inner) = &error else {
            panic!("expected WidgetLocked, got {error:?}");
        };
        assert_eq!(inner.message(), Some("busy"), "a required message");
        assert_eq!(error.code(), Some("WidgetLockedException"));
        assert_eq!(error.to_string(), "WidgetLockedException: busy");
        assert_eq!(OperationError::http_status(&error), Some(409));
        // Its model requires the message: without one it is error-corrected to "" (smithy.io,
        // "Client error correction"), and the error keeps its modelled variant.
        let error = response(409, None, r#"{"__type":"WidgetLockedException"}"#);
        let PutWidgetError::WidgetLocked(inner) = &error else {
            panic!("expected WidgetLocked, got {error:?}");
        };
        assert_eq!(inner.message(), Some(""));
        // A member of the wrong type is named by its path.
        let error = response(
            409,
            None,
            r#"{"__type":"WidgetLockedException","message":5}"#,
        );
        assert_eq!(
            error.as_unhandled().and_then(|e| e.deserialize_error()),
            Some("message: invalid type: integer `5`, expected a string")
        );
    }

    #[test]
    fn only_the_listed_code_is_typed() {
        // A namespaced code is sanitized to the shape name first; another code is unhandled
        // even when its body would fit.
        let typed = response(400, None, r#"{"__type":"a.b#WidgetNotFoundException:x"}"#);
        assert!(matches!(typed, PutWidgetError::WidgetNotFound(_)));
        let other = response(400, None, r#"{"__type":"WidgetMissingException"}"#);
        assert_eq!(
            other.as_unhandled().and_then(UnhandledError::code),
            Some("WidgetMissingException")
        );
    }
}

#[cfg(feature = "modelled-errors")]
#[test]
fn an_aws_query_compatible_error_keeps_its_query_code_and_fault() {
    use codegen_runtime::wire::ModelledError as _;
    // As the awsJson1_0 suite's QueryCompatibleAwsJson10CustomCodeError: the error is
    // chosen by `__type`, and `x-amzn-query-error: Customized;Sender` is kept on it.
    let mut headers = http::HeaderMap::new();
    headers.insert(
        "x-amzn-query-error",
        http::HeaderValue::from_static("Customized;Sender"),
    );
    let body = r#"{"__type":"WidgetLockedException","message":"Hi"}"#;
    let error =
        PutWidget::parse_response_parts(400, &headers, body.as_bytes()).expect_err("an error");
    let PutWidgetError::WidgetLocked(inner) = &error else {
        panic!("expected WidgetLocked, got {error:?}");
    };
    assert_eq!(inner.message(), Some("Hi"));
    let meta = inner.response().expect("the response is kept");
    assert_eq!(meta.query_error_code(), Some("Customized"));
    assert_eq!(meta.query_error().map(|q| q.fault()), Some("Sender"));
    // QueryCompatibleAwsJson10NoCustomCodeError: without the header there is no query code.
    let error = PutWidget::parse_response_parts(400, &http::HeaderMap::new(), body.as_bytes())
        .expect_err("an error");
    let PutWidgetError::WidgetLocked(inner) = &error else {
        panic!("expected WidgetLocked, got {error:?}");
    };
    assert_eq!(inner.response().and_then(|m| m.query_error_code()), None);
}

#[test]
fn a_query_error_header_is_code_then_fault() {
    use codegen_runtime::primitives::QueryError;
    let parsed =
        QueryError::parse("AWS.SimpleQueueService.NonExistentQueue;Sender").expect("parsed");
    assert_eq!(parsed.code(), "AWS.SimpleQueueService.NonExistentQueue");
    assert_eq!(parsed.fault(), "Sender");
    assert_eq!(QueryError::parse("NoFault"), None);
    assert_eq!(QueryError::parse(";Sender"), None);
}
