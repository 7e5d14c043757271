//! Every outcome of the generated router, each with its exact status, headers and body:
//! success, a handler's modelled, validation and internal failures, the router's own
//! validation (required members, length, pattern, range, several at once, nested, sensitive),
//! unreadable bodies, unknown targets, wrong method, path and content type. The expected
//! messages are written out here, in the wording AWS services use.

mod server_common;

use kms_api::errors::{CustomKeyStoreNotFoundException, KmsInternalException};
use kms_api::operations::connect_custom_key_store::{
    ConnectCustomKeyStoreError, ConnectCustomKeyStoreRequest, ConnectCustomKeyStoreResponse,
};
use kms_api::operations::create_custom_key_store::{
    CreateCustomKeyStoreError, CreateCustomKeyStoreRequest, CreateCustomKeyStoreResponse,
};
use kms_api::operations::delete_custom_key_store::{
    DeleteCustomKeyStoreError, DeleteCustomKeyStoreRequest, DeleteCustomKeyStoreResponse,
};
use kms_api::operations::describe_custom_key_stores::{
    DescribeCustomKeyStoresError, DescribeCustomKeyStoresRequest, DescribeCustomKeyStoresResponse,
};
use kms_api::operations::disconnect_custom_key_store::{
    DisconnectCustomKeyStoreError, DisconnectCustomKeyStoreRequest,
    DisconnectCustomKeyStoreResponse,
};
use kms_api::operations::update_custom_key_store::{
    UpdateCustomKeyStoreError, UpdateCustomKeyStoreRequest, UpdateCustomKeyStoreResponse,
};
use kms_api::primitives::UnhandledError;
use kms_api::server::{HandlerError, RequestContext, Router, TrentService};
use kms_api::types::CustomKeyStoresListEntry;
use server_common::{block_on, body_text, request};

/// A test double whose answer depends on the key store id it is given.
struct Double;

impl TrentService for Double {
    async fn connect_custom_key_store(
        &self,
        input: ConnectCustomKeyStoreRequest,
        context: &mut RequestContext,
    ) -> Result<ConnectCustomKeyStoreResponse, HandlerError<ConnectCustomKeyStoreError>> {
        match input.custom_key_store_id.as_str() {
            "cks-missing" => Err(HandlerError::modelled(
                CustomKeyStoreNotFoundException::builder()
                    .message("no store cks-missing")
                    .build(),
            )),
            "cks-internal" => Err(HandlerError::modelled(
                KmsInternalException::builder().build(),
            )),
            "cks-unhandled" => Err(HandlerError::Modelled(
                ConnectCustomKeyStoreError::Unhandled(
                    UnhandledError::new(503).with_message("detail that stays inside"),
                ),
            )),
            "cks-crash" => Err(HandlerError::internal("the database password is hunter2")),
            "cks-invalid" => {
                let checked = DescribeCustomKeyStoresRequest::builder().limit(0).build();
                match checked.validate() {
                    Err(error) => Err(HandlerError::Validation(error)),
                    Ok(()) => Err(HandlerError::internal("limit 0 passed its check")),
                }
            }
            "cks-named" => {
                context.set_request_id("chosen-by-the-handler");
                Ok(ConnectCustomKeyStoreResponse::builder().build())
            }
            "cks-unusable-id" => {
                context.set_request_id("two\nlines");
                Ok(ConnectCustomKeyStoreResponse::builder().build())
            }
            _ => Ok(ConnectCustomKeyStoreResponse::builder().build()),
        }
    }

    async fn create_custom_key_store(
        &self,
        input: CreateCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<CreateCustomKeyStoreResponse, HandlerError<CreateCustomKeyStoreError>> {
        Ok(CreateCustomKeyStoreResponse::builder()
            .custom_key_store_id(format!("cks-for-{}", input.custom_key_store_name))
            .build())
    }

    async fn delete_custom_key_store(
        &self,
        _input: DeleteCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<DeleteCustomKeyStoreResponse, HandlerError<DeleteCustomKeyStoreError>> {
        Ok(DeleteCustomKeyStoreResponse::builder().build())
    }

    /// Echoes what the context holds: the target as the marker, a header as the store name.
    async fn describe_custom_key_stores(
        &self,
        _input: DescribeCustomKeyStoresRequest,
        context: &mut RequestContext,
    ) -> Result<DescribeCustomKeyStoresResponse, HandlerError<DescribeCustomKeyStoresError>> {
        let name = context
            .headers()
            .get("x-test-name")
            .and_then(|value| value.to_str().ok())
            .unwrap_or("none")
            .to_owned();
        Ok(DescribeCustomKeyStoresResponse::builder()
            .custom_key_stores(vec![CustomKeyStoresListEntry::builder()
                .custom_key_store_id("cks-1")
                .custom_key_store_name(name)
                .build()])
            .next_marker(context.target())
            .truncated(true)
            .build())
    }

    async fn disconnect_custom_key_store(
        &self,
        _input: DisconnectCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<DisconnectCustomKeyStoreResponse, HandlerError<DisconnectCustomKeyStoreError>> {
        Ok(DisconnectCustomKeyStoreResponse::builder().build())
    }

    async fn update_custom_key_store(
        &self,
        _input: UpdateCustomKeyStoreRequest,
        _context: &mut RequestContext,
    ) -> Result<UpdateCustomKeyStoreResponse, HandlerError<UpdateCustomKeyStoreError>> {
        Ok(UpdateCustomKeyStoreResponse::builder().build())
    }
}

fn handle(request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    block_on(Router::new(Double).handle(request))
}

fn header<'r>(response: &'r http::Response<Vec<u8>>, name: &str) -> &'r str {
    response
        .headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .expect("a text header")
}

/// Checks the status, the body exactly, and the headers every response carries: the
/// protocol's content type, the body's length and a request id (a UUID unless `request_id`
/// names the one expected).
fn assert_answer(
    response: &http::Response<Vec<u8>>,
    status: u16,
    body: &str,
    request_id: Option<&str>,
) {
    assert_eq!(
        response.status().as_u16(),
        status,
        "{}",
        body_text(response)
    );
    assert_eq!(body_text(response), body);
    assert_eq!(
        header(response, "content-type"),
        "application/x-amz-json-1.1"
    );
    assert_eq!(header(response, "content-length"), body.len().to_string());
    let id = header(response, "x-amzn-requestid");
    match request_id {
        Some(expected) => assert_eq!(id, expected),
        None => {
            let lengths: Vec<usize> = id.split('-').map(str::len).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{id} is not a UUID");
        }
    }
}

const CONNECT: &str = "TrentService.ConnectCustomKeyStore";
const CREATE: &str = "TrentService.CreateCustomKeyStore";
const DESCRIBE: &str = "TrentService.DescribeCustomKeyStores";

#[test]
fn an_output_is_answered_200_with_its_body() {
    let response = handle(request(CONNECT, r#"{"CustomKeyStoreId":"cks-1"}"#));
    assert_answer(&response, 200, "{}", None);
    let response = handle(request(
        CREATE,
        r#"{"CustomKeyStoreName":"store","KeyStorePassword":"kmsPswd"}"#,
    ));
    assert_answer(
        &response,
        200,
        r#"{"CustomKeyStoreId":"cks-for-store"}"#,
        None,
    );
}

#[test]
fn each_response_gets_a_fresh_request_id_unless_the_handler_chose_one() {
    let first = handle(request(CONNECT, r#"{"CustomKeyStoreId":"cks-1"}"#));
    let second = handle(request(CONNECT, r#"{"CustomKeyStoreId":"cks-1"}"#));
    assert_ne!(
        header(&first, "x-amzn-requestid"),
        header(&second, "x-amzn-requestid")
    );
    let named = handle(request(CONNECT, r#"{"CustomKeyStoreId":"cks-named"}"#));
    assert_answer(&named, 200, "{}", Some("chosen-by-the-handler"));
    // An id that cannot be a header value is replaced by a fresh UUID.
    let unusable = handle(request(
        CONNECT,
        r#"{"CustomKeyStoreId":"cks-unusable-id"}"#,
    ));
    assert_answer(&unusable, 200, "{}", None);
}

#[test]
fn the_handler_sees_the_headers_and_the_raw_target() {
    let mut described = request(DESCRIBE, "{}");
    described.headers_mut().insert(
        "x-test-name",
        http::HeaderValue::from_static("from-a-header"),
    );
    let response = handle(described);
    assert_answer(
        &response,
        200,
        r#"{"CustomKeyStores":[{"CustomKeyStoreId":"cks-1","CustomKeyStoreName":"from-a-header"}],"NextMarker":"TrentService.DescribeCustomKeyStores","Truncated":true}"#,
        None,
    );
}

#[test]
fn an_empty_body_is_an_empty_object() {
    let response = handle(request(DESCRIBE, ""));
    assert_eq!(response.status(), 200);
    let response = handle(request(DESCRIBE, "  \n"));
    assert_eq!(response.status(), 200);
}

#[test]
fn unknown_members_are_skipped_and_null_is_absent() {
    let response = handle(request(
        CONNECT,
        r#"{"CustomKeyStoreId":"cks-1","NotAMember":{"deep":[1,2]}}"#,
    ));
    assert_answer(&response, 200, "{}", None);
    let response = handle(request(DESCRIBE, r#"{"Limit":null,"Marker":null}"#));
    assert_eq!(response.status(), 200);
}

#[test]
fn a_modelled_error_has_its_status_type_and_members() {
    let response = handle(request(CONNECT, r#"{"CustomKeyStoreId":"cks-missing"}"#));
    assert_answer(
        &response,
        400,
        r#"{"__type":"CustomKeyStoreNotFoundException","message":"no store cks-missing"}"#,
        None,
    );
    // The model gives KMSInternalException HTTP 500; it has no message here.
    let response = handle(request(CONNECT, r#"{"CustomKeyStoreId":"cks-internal"}"#));
    assert_answer(&response, 500, r#"{"__type":"KMSInternalException"}"#, None);
}

#[test]
fn an_unhandled_or_internal_failure_is_500_without_details() {
    let expected = r#"{"__type":"InternalFailure","message":"The request processing has failed because of an unknown error"}"#;
    for id in ["cks-unhandled", "cks-crash"] {
        let response = handle(request(
            CONNECT,
            &format!(r#"{{"CustomKeyStoreId":"{id}"}}"#),
        ));
        assert_answer(&response, 500, expected, None);
    }
}

#[test]
fn a_handler_validation_failure_is_a_validation_exception() {
    let response = handle(request(CONNECT, r#"{"CustomKeyStoreId":"cks-invalid"}"#));
    assert_answer(
        &response,
        400,
        r#"{"__type":"ValidationException","message":"1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"}"#,
        None,
    );
}

fn validation_body(message: &str) -> String {
    serde_json::json!({"__type": "ValidationException", "message": message}).to_string()
}

#[test]
fn a_length_violation_reads_as_aws_writes_it() {
    let response = handle(request(
        CREATE,
        r#"{"CustomKeyStoreName":"","KeyStorePassword":"kmsPswd"}"#,
    ));
    assert_answer(
        &response,
        400,
        &validation_body("1 validation error detected: Value at 'customKeyStoreName' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        None,
    );
    let long = "x".repeat(65);
    let response = handle(request(
        CONNECT,
        &format!(r#"{{"CustomKeyStoreId":"{long}"}}"#),
    ));
    assert_answer(
        &response,
        400,
        &validation_body("1 validation error detected: Value at 'customKeyStoreId' failed to satisfy constraint: Member must have length less than or equal to 64"),
        None,
    );
}

#[test]
fn a_missing_or_null_required_member_is_a_validation_exception() {
    let expected = validation_body("1 validation error detected: Value null at 'customKeyStoreId' failed to satisfy constraint: Member must not be null");
    for body in ["{}", "", r#"{"CustomKeyStoreId":null}"#] {
        let response = handle(request(CONNECT, body));
        assert_answer(&response, 400, &expected, None);
    }
}

#[test]
fn every_violation_is_reported_and_sensitive_values_are_not_echoed() {
    let response = handle(request(
        CREATE,
        r#"{"CustomKeyStoreName":"","KeyStorePassword":"short","XksProxyUriPath":"/not/a/proxy/path","XksProxyVpcEndpointServiceOwner":"12345678901x"}"#,
    ));
    assert_answer(
        &response,
        400,
        &validation_body(concat!(
            "4 validation errors detected: ",
            "Value at 'customKeyStoreName' failed to satisfy constraint: Member must have length greater than or equal to 1; ",
            "Value at 'keyStorePassword' failed to satisfy constraint: Member must have length greater than or equal to 7; ",
            "Value '/not/a/proxy/path' at 'xksProxyUriPath' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(/[a-zA-Z0-9\\/_-]+/kms/xks/v\\d{1,2})$|^(/kms/xks/v\\d{1,2})$; ",
            "Value '12345678901x' at 'xksProxyVpcEndpointServiceOwner' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9]{12}$",
        )),
        None,
    );
}

#[test]
fn nested_members_are_checked_without_correction() {
    // A credential without its access key id: a client would correct it to "", a server
    // refuses it as missing (and does not also report the corrected value's length).
    let secret = "a".repeat(43);
    let response = handle(request(
        CREATE,
        &format!(
            r#"{{"CustomKeyStoreName":"s","XksProxyAuthenticationCredential":{{"RawSecretAccessKey":"{secret}"}}}}"#
        ),
    ));
    assert_answer(
        &response,
        400,
        &validation_body("1 validation error detected: Value null at 'xksProxyAuthenticationCredential.accessKeyId' failed to satisfy constraint: Member must not be null"),
        None,
    );
    // Both members broken: the sensitive values are never echoed.
    let response = handle(request(
        CREATE,
        r#"{"CustomKeyStoreName":"s","XksProxyAuthenticationCredential":{"AccessKeyId":"lowercase-not-base32","RawSecretAccessKey":"!"}}"#,
    ));
    let body = body_text(&response);
    assert!(
        !body.contains("lowercase-not-base32") && !body.contains("'!'"),
        "{body}"
    );
    assert_answer(
        &response,
        400,
        &validation_body(concat!(
            "3 validation errors detected: ",
            "Value at 'xksProxyAuthenticationCredential.accessKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Z2-7]+$; ",
            "Value at 'xksProxyAuthenticationCredential.rawSecretAccessKey' failed to satisfy constraint: Member must have length greater than or equal to 43; ",
            "Value at 'xksProxyAuthenticationCredential.rawSecretAccessKey' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9\\/+=]+$",
        )),
        None,
    );
}

#[test]
fn a_range_violation_echoes_the_number() {
    let response = handle(request(DESCRIBE, r#"{"Limit":1001}"#));
    assert_answer(
        &response,
        400,
        &validation_body("1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000"),
        None,
    );
}

#[test]
fn a_body_that_does_not_read_is_a_serialization_exception() {
    for body in ["{", "[]", "not json", r#"{"CustomKeyStoreId":5}"#] {
        let response = handle(request(CONNECT, body));
        assert_eq!(response.status(), 400, "{body}");
        let answer: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(answer["__type"], "SerializationException", "{body}");
        assert!(answer["message"].is_string(), "{body}");
    }
    let response = handle(request(DESCRIBE, r#"{"Limit":"ten"}"#));
    let answer: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(answer["__type"], "SerializationException");
    let message = answer["message"].as_str().unwrap();
    assert!(
        message.starts_with("Limit: invalid type: string"),
        "{message}"
    );
    let mut not_utf8 = request(DESCRIBE, "");
    *not_utf8.body_mut() = vec![b'{', 0xff, b'}'];
    let response = handle(not_utf8);
    assert_eq!(response.status(), 400);
    assert!(body_text(&response).starts_with(r#"{"__type":"SerializationException""#));
}

#[test]
fn an_unknown_or_missing_target_is_an_unknown_operation() {
    let expected = r#"{"__type":"UnknownOperationException","message":"The X-Amz-Target header does not name an operation of this service"}"#;
    for target in [
        "TrentService.Encrypt",
        "OtherService.ConnectCustomKeyStore",
        "trentservice.connectcustomkeystore",
        "TrentService.ConnectCustomKeyStore ",
    ] {
        let response = handle(request(target, "{}"));
        assert_answer(&response, 400, expected, None);
    }
    let mut untargeted = request(CONNECT, "{}");
    untargeted.headers_mut().remove("x-amz-target");
    assert_answer(&handle(untargeted), 400, expected, None);
}

#[test]
fn a_wrong_method_or_path_is_refused_with_an_error_body() {
    let mut get = request(CONNECT, "");
    *get.method_mut() = http::Method::GET;
    let response = handle(get);
    assert_answer(
        &response,
        405,
        r#"{"__type":"MethodNotAllowedException","message":"Requests use the method POST"}"#,
        None,
    );
    assert_eq!(header(&response, "allow"), "POST");
    let mut elsewhere = request(CONNECT, "{}");
    *elsewhere.uri_mut() = http::Uri::from_static("/keys");
    assert_answer(
        &handle(elsewhere),
        404,
        r#"{"__type":"UnknownOperationException","message":"Requests go to the path /"}"#,
        None,
    );
}

#[test]
fn the_content_type_is_checked_but_its_parameters_are_not() {
    let expected = r#"{"__type":"UnsupportedMediaTypeException","message":"Requests have the Content-Type application/x-amz-json-1.1"}"#;
    for content_type in [
        Some("application/json"),
        Some("application/x-amz-json-1.0"),
        None,
    ] {
        let mut sent = request(CONNECT, r#"{"CustomKeyStoreId":"cks-1"}"#);
        match content_type {
            Some(value) => {
                sent.headers_mut()
                    .insert("content-type", http::HeaderValue::from_static(value));
            }
            None => {
                sent.headers_mut().remove("content-type");
            }
        }
        assert_answer(&handle(sent), 415, expected, None);
    }
    let mut with_charset = request(CONNECT, r#"{"CustomKeyStoreId":"cks-1"}"#);
    with_charset.headers_mut().insert(
        "content-type",
        http::HeaderValue::from_static("application/x-amz-json-1.1; charset=utf-8"),
    );
    assert_answer(&handle(with_charset), 200, "{}", None);
}
