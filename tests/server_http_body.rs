//! The adapter for HTTP servers (feature `http-body`): `Router::handle_body` takes a request
//! whose body is any `http_body::Body`, as hyper 1.x and axum give it, and answers with a body
//! they send as it is. A body that fails to arrive is a `400 SerializationException`.

mod server_common;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
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
use kms_api::server::{HandlerError, RequestContext, Router, TrentService};
use server_common::block_on;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Answers `DescribeCustomKeyStores` with the name it was asked about; the rest is unused.
struct Names;

fn unused<T, E>() -> Result<T, HandlerError<E>> {
    Err(HandlerError::internal("not used by this test"))
}

impl TrentService for Names {
    async fn connect_custom_key_store(
        &self,
        _: ConnectCustomKeyStoreRequest,
        _: &mut RequestContext,
    ) -> Result<ConnectCustomKeyStoreResponse, HandlerError<ConnectCustomKeyStoreError>> {
        unused()
    }

    async fn create_custom_key_store(
        &self,
        _: CreateCustomKeyStoreRequest,
        _: &mut RequestContext,
    ) -> Result<CreateCustomKeyStoreResponse, HandlerError<CreateCustomKeyStoreError>> {
        unused()
    }

    async fn delete_custom_key_store(
        &self,
        _: DeleteCustomKeyStoreRequest,
        _: &mut RequestContext,
    ) -> Result<DeleteCustomKeyStoreResponse, HandlerError<DeleteCustomKeyStoreError>> {
        unused()
    }

    async fn describe_custom_key_stores(
        &self,
        input: DescribeCustomKeyStoresRequest,
        _: &mut RequestContext,
    ) -> Result<DescribeCustomKeyStoresResponse, HandlerError<DescribeCustomKeyStoresError>> {
        Ok(DescribeCustomKeyStoresResponse::builder()
            .set_next_marker(input.custom_key_store_name)
            .build())
    }

    async fn disconnect_custom_key_store(
        &self,
        _: DisconnectCustomKeyStoreRequest,
        _: &mut RequestContext,
    ) -> Result<DisconnectCustomKeyStoreResponse, HandlerError<DisconnectCustomKeyStoreError>> {
        unused()
    }

    async fn update_custom_key_store(
        &self,
        _: UpdateCustomKeyStoreRequest,
        _: &mut RequestContext,
    ) -> Result<UpdateCustomKeyStoreResponse, HandlerError<UpdateCustomKeyStoreError>> {
        unused()
    }
}

fn with_body<B>(body: B) -> http::Request<B> {
    let mut request = http::Request::new(body);
    *request.method_mut() = http::Method::POST;
    let headers = request.headers_mut();
    headers.insert(
        "content-type",
        http::HeaderValue::from_static("application/x-amz-json-1.1"),
    );
    headers.insert(
        "x-amz-target",
        http::HeaderValue::from_static("TrentService.DescribeCustomKeyStores"),
    );
    request
}

fn sent_body(response: http::Response<Full<Bytes>>) -> (u16, String) {
    let status = response.status().as_u16();
    let collected = block_on(response.into_body().collect()).expect("a full body never fails");
    let text = String::from_utf8(collected.to_bytes().to_vec()).expect("UTF-8");
    (status, text)
}

#[test]
fn a_streamed_body_is_collected_and_answered() {
    let request = with_body(Full::new(Bytes::from_static(
        br#"{"CustomKeyStoreName":"from-hyper"}"#,
    )));
    let response = block_on(Router::new(Names).handle_body(request));
    assert_eq!(
        response.headers()["content-type"],
        "application/x-amz-json-1.1"
    );
    assert_eq!(
        sent_body(response),
        (
            200,
            r#"{"NextMarker":"from-hyper","Truncated":false}"#.to_owned()
        )
    );
}

/// A body whose only frame is an error, as a dropped connection gives.
struct Broken;

impl http_body::Body for Broken {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::other("connection reset"))))
    }
}

#[test]
fn a_body_that_fails_to_arrive_is_a_serialization_exception() {
    let response = block_on(Router::new(Names).handle_body(with_body(Broken)));
    assert!(response.headers().contains_key("x-amzn-requestid"));
    assert_eq!(
        sent_body(response),
        (
            400,
            r#"{"__type":"SerializationException","message":"the request body could not be read: connection reset"}"#
                .to_owned()
        )
    );
}
