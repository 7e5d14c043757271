//! What the server tests share: running a router's future to its end without an async
//! runtime (the handlers here never wait), and building requests as a client sends them.
// Each test binary uses the part it needs.
#![allow(dead_code)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Polls a future until it is ready. The test handlers never wait on anything, so the
/// first poll finishes it; the loop only guards against one that yields.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

/// A `POST /` with the protocol's headers, the target and the body.
pub fn request(target: &str, body: &str) -> http::Request<Vec<u8>> {
    http::Request::builder()
        .method("POST")
        .uri("/")
        .header("content-type", "application/x-amz-json-1.1")
        .header("x-amz-target", target)
        .body(body.as_bytes().to_vec())
        .expect("a valid request")
}

/// The response's body as text.
pub fn body_text(response: &http::Response<Vec<u8>>) -> &str {
    std::str::from_utf8(response.body()).expect("a UTF-8 body")
}
