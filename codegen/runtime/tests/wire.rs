//! The wire module end to end, through the example model's `PutWidget`: the request it
//! builds, the responses it reads, the errors it reports. Expected headers and texts follow
//! the awsJson 1.1 protocol description and are written out by hand.

use codegen_runtime::example::{PutWidget, PutWidgetError, Widget};
use codegen_runtime::primitives::UnhandledError;
use codegen_runtime::wire::{self, ErrorResponse, Operation, OperationError, RequestError};
use std::error::Error as _;

fn header<'a>(request: &'a http::Request<Vec<u8>>, name: &str) -> Option<&'a str> {
    request
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
}

#[test]
fn a_request_is_a_post_with_the_protocol_headers_and_a_json_body() {
    let input = Widget {
        name: Some("gear".to_owned()),
    };
    let request = PutWidget::serialize_request(&input).expect("a valid input");
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(
        header(&request, "content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(
        header(&request, "x-amz-target"),
        Some("WidgetService.PutWidget")
    );
    assert_eq!(header(&request, "content-length"), Some("15"));
    assert_eq!(request.body(), br#"{"Name":"gear"}"#);
    assert_eq!(
        wire::request(
            http::HeaderValue::from_static("T.Op"),
            &Widget::default(),
            false
        )
        .map(|r| r.into_body())
        .ok(),
        Some(b"{}".to_vec())
    );
    // Only an `@awsQueryCompatible` service's requests say so (the awsJson1_0 suite's
    // NonQueryCompatibleAwsJson10ForbidsQueryModeHeader and
    // QueryCompatibleAwsJson10CborSendsQueryModeHeader).
    assert_eq!(header(&request, "x-amzn-query-mode"), None);
    let query = wire::request(
        http::HeaderValue::from_static("T.Op"),
        &Widget::default(),
        true,
    )
    .expect("a request");
    assert_eq!(header(&query, "x-amzn-query-mode"), Some("true"));
}

#[test]
fn content_length_is_the_body_length_in_decimal() {
    // Bodies of 2 bytes (`{}`) up to six digits: the header is written digit by digit.
    let overhead = br#"{"Name":""}"#.len();
    for name_length in [
        None,
        Some(0),
        Some(1),
        Some(87),
        Some(88),
        Some(989),
        Some(123_456),
    ] {
        let input = Widget {
            name: name_length.map(|length| "g".repeat(length)),
        };
        let request = wire::request(http::HeaderValue::from_static("T.Op"), &input, false)
            .expect("a request");
        let expected = match name_length {
            None => "2".to_owned(),
            Some(length) => (overhead + length).to_string(),
        };
        assert_eq!(header(&request, "content-length"), Some(expected.as_str()));
        assert_eq!(request.body().len().to_string(), expected);
    }
}

#[test]
fn an_invalid_input_is_refused_unless_sent_unchecked() {
    let input = Widget {
        name: Some(String::new()),
    };
    let error = PutWidget::serialize_request(&input).expect_err("too short");
    assert_eq!(error.violations().len(), 1);
    assert_eq!(
        error.to_string(),
        "the input is invalid: 1 constraint violation(s): Name: length 0 is outside 1..=8"
    );
    let source = error.source().map(ToString::to_string);
    assert_eq!(
        source.as_deref(),
        Some("1 constraint violation(s): Name: length 0 is outside 1..=8")
    );
    assert!(PutWidget::serialize_request_unchecked(&input).is_ok());
    let serialize = RequestError::Serialize("no".to_owned());
    assert_eq!(serialize.to_string(), "cannot serialize the request: no");
    assert!(serialize.source().is_none() && serialize.violations().is_empty());
}

#[test]
fn a_2xx_body_is_read_as_the_output() {
    let parse = |body: &[u8]| PutWidget::parse_response_parts(200, &http::HeaderMap::new(), body);
    assert_eq!(
        parse(br#"{"Name":"gear","Unknown":1}"#).ok(),
        Some(Widget {
            name: Some("gear".to_owned())
        })
    );
    assert_eq!(
        parse(b"").ok(),
        Some(Widget::default()),
        "an empty body counts as {{}}"
    );
    assert_eq!(parse(b" \n").ok(), Some(Widget::default()));
    let unreadable = |body: &[u8]| match parse(body) {
        Err(PutWidgetError::Unhandled(error)) => error.deserialize_error().map(str::to_owned),
        other => panic!("expected an unhandled error, got {other:?}"),
    };
    assert_eq!(
        unreadable(br#"{"Name":5}"#),
        Some("Name: invalid type: integer `5`, expected a string at line 1 column 9".to_owned())
    );
    assert!(unreadable(br#"["gear"]"#)
        .is_some_and(|error| error.starts_with("invalid type: sequence, expected a JSON object")));
    assert!(unreadable(b"\xff").is_some_and(|error| error.starts_with("the body is not UTF-8: ")));
}

#[test]
fn error_codes_are_sanitized_and_taken_from_the_header_first() {
    // The examples of the awsJson 1.1 protocol's error code rules.
    for raw in [
        "FooError",
        "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        "aws.protocoltests.restjson#FooError",
        "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
    ] {
        assert_eq!(wire::sanitize_error_code(raw), "FooError", "{raw}");
    }
    let mut headers = http::HeaderMap::new();
    let body = br#"{"code":"FromCode","__type":"FromType","Message":"capitalized"}"#;
    assert_eq!(
        ErrorResponse::new(400, &headers, body).code(),
        Some("FromCode")
    );
    assert_eq!(
        ErrorResponse::new(400, &headers, br#"{"__type":"a#FromType"}"#).code(),
        Some("FromType")
    );
    headers.insert(
        "x-amzn-errortype",
        http::HeaderValue::from_static("FromHeader:extra"),
    );
    let response = ErrorResponse::new(418, &headers, body);
    assert_eq!(
        (response.code(), response.status()),
        (Some("FromHeader"), 418)
    );
    let unhandled = response.into_unhandled();
    assert_eq!(unhandled.message(), Some("capitalized"));
    assert_eq!(
        ErrorResponse::new(500, &http::HeaderMap::new(), b"not json").code(),
        None
    );
}

/// The body's members count only when they are strings; the rest of the body is only checked
/// for being JSON, as a map would hold it (the last of a repeated member wins).
#[test]
fn error_fields_are_strings_of_an_object_body() {
    let headers = http::HeaderMap::new();
    let read = |body: &[u8]| {
        let response = ErrorResponse::new(400, &headers, body);
        let code = response.code().map(str::to_owned);
        (code, response.into_unhandled().message().map(str::to_owned))
    };
    let some = |code: &str, message: &str| (Some(code.to_owned()), Some(message.to_owned()));
    // A `code` that is not a string gives way to `__type`; a `message` that is not one, to
    // `Message`.
    assert_eq!(
        read(br#"{"code":5,"__type":"FromType","message":null,"Message":"m"}"#),
        some("FromType", "m")
    );
    assert_eq!(
        read(br#"{"__type":"First","__type":"Last","message":"a","message":"b"}"#),
        some("Last", "b")
    );
    assert_eq!(read(br#"{"__type":"X","__type":7}"#), (None, None));
    // Other members of any kind, however deep or large, are skipped.
    assert_eq!(
        read(br#"{"n":1e999,"deep":[[[{"a":"\ud800"}]]],"__type":"X","message":"\u00e9"}"#),
        some("X", "é")
    );
    // Not an object, not JSON, not UTF-8: nothing.
    for body in [
        &b"[]"[..],
        b"\"__type\"",
        b"{\"__type\":\"X\"",
        b"{\"__type\":\"X\"} x",
        b"\xff",
    ] {
        assert_eq!(read(body), (None, None), "{body:?}");
    }
}

#[test]
fn an_unmodelled_error_keeps_status_code_message_and_request_id() {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-amzn-requestid", http::HeaderValue::from_static("req-1"));
    let body = br#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#;
    let error = PutWidget::parse_response_parts(400, &headers, body).expect_err("an error");
    assert_eq!(error.code(), Some("ThrottlingException"));
    assert_eq!(error.http_status(), Some(400));
    assert_eq!(error.request_id(), Some("req-1"));
    assert_eq!(
        error.to_string(),
        "ThrottlingException (HTTP 400): Rate exceeded [request id req-1]"
    );
    assert!(error.as_unhandled().is_some());
}

#[test]
fn unhandled_error_text_names_what_is_known() {
    assert_eq!(
        UnhandledError::new(500).to_string(),
        "unhandled error (HTTP 500)"
    );
    let error = UnhandledError::new(200)
        .with_deserialize_error("Name: bad")
        .with_request_id("r");
    assert_eq!(
        error.to_string(),
        "unhandled error (HTTP 200); unreadable response: Name: bad [request id r]"
    );
}

#[cfg(feature = "modelled-errors")]
#[test]
fn a_modelled_error_is_typed_and_remembers_its_response() {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-amzn-requestid", http::HeaderValue::from_static("req-2"));
    let body = br#"{"__type":"WidgetNotFoundException","Message":"no such widget"}"#;
    let error = PutWidget::parse_response_parts(404, &headers, body).expect_err("an error");
    let PutWidgetError::WidgetNotFound(typed) = &error else {
        panic!("expected the modelled error, got {error:?}");
    };
    assert_eq!(
        typed.message(),
        Some("no such widget"),
        "`Message` is an alias of `message`"
    );
    assert_eq!(error.to_string(), "WidgetNotFoundException: no such widget");
    assert_eq!(
        (error.code(), error.http_status(), error.request_id()),
        (Some("WidgetNotFoundException"), Some(404), Some("req-2"))
    );
    assert!(error.as_unhandled().is_none());
    // A body that does not fit the error's structure makes it unhandled, saying why.
    let misfit = br#"{"__type":"WidgetNotFoundException","message":7}"#;
    let error = PutWidget::parse_response_parts(404, &headers, misfit).expect_err("an error");
    let unhandled = error.as_unhandled().expect("unhandled");
    assert_eq!(unhandled.code(), Some("WidgetNotFoundException"));
    assert!(unhandled
        .deserialize_error()
        .is_some_and(|e| e.starts_with("message: invalid type: integer `7`")));
}

#[test]
fn structures_are_read_from_objects_only() {
    assert!(serde_json::from_str::<Widget>(r#"{"Name":"gear"}"#).is_ok());
    let error = serde_json::from_str::<Widget>(r#"["gear"]"#).expect_err("an array");
    assert!(
        error
            .to_string()
            .starts_with("invalid type: sequence, expected a JSON object"),
        "{error}"
    );
}

#[cfg(feature = "required-members")]
#[test]
fn a_missing_required_member_names_the_shape_and_member() {
    let error = Widget::named(None).expect_err("no name");
    assert_eq!((error.shape(), error.member()), ("Widget", "Name"));
    assert_eq!(
        error.to_string(),
        "cannot build Widget: required member `Name` is not set"
    );
}

#[cfg(feature = "enums")]
#[test]
fn an_unlisted_enum_value_is_kept_verbatim() {
    use codegen_runtime::example::Color;
    assert_eq!(Color::from("RED"), Color::Red);
    match Color::from("ULTRAVIOLET".to_owned()) {
        Color::Unknown(value) => assert_eq!(value.as_str(), "ULTRAVIOLET"),
        other => panic!("expected an unknown value, got {other:?}"),
    }
}

#[cfg(feature = "unions")]
#[test]
fn an_unlisted_union_member_is_kept_whole() {
    let member = codegen_runtime::example::unknown_member("Later", serde_json::json!({"a": [1]}));
    assert_eq!(
        (member.name(), member.value()),
        ("Later", &serde_json::json!({"a": [1]}))
    );
}

#[test]
fn redacted_values_print_a_marker() {
    assert_eq!(
        format!("{:?}", codegen_runtime::primitives::Redacted),
        "<redacted>"
    );
}

#[cfg(feature = "host-prefixes")]
#[test]
fn host_labels_are_dns_labels() {
    for valid in ["a", "foo-bar", "foo.bar.9", &"x".repeat(63)] {
        assert_eq!(
            wire::host_label("Member", valid).ok(),
            Some(valid),
            "{valid}"
        );
    }
    for invalid in [
        "",
        ".",
        "-foo",
        "foo-",
        "foo..bar",
        "foo_bar",
        "föo",
        &"x".repeat(64),
    ] {
        assert!(wire::host_label("Member", invalid).is_err(), "{invalid}");
    }
    let error = wire::host_label("Label", "a b").expect_err("a space");
    assert_eq!(
        error.to_string(),
        "cannot serialize the request: `Label` is used in the host name, but \"a b\" is not a valid host label"
    );
    assert_eq!(PutWidget::host_prefix(&Widget::default()).ok(), Some(None));
}

#[cfg(feature = "idempotency-tokens")]
#[test]
fn idempotency_tokens_are_fresh_version_4_uuids() {
    let token = wire::idempotency_token();
    let groups: Vec<&str> = token.split('-').collect();
    assert_eq!(
        groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
        [8, 4, 4, 4, 12],
        "{token}"
    );
    assert!(token
        .chars()
        .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert!(
        groups.get(2).is_some_and(|g| g.starts_with('4')),
        "version 4: {token}"
    );
    assert!(
        groups
            .get(3)
            .is_some_and(|g| g.starts_with(['8', '9', 'a', 'b'])),
        "RFC 4122 variant: {token}"
    );
    assert_ne!(token, wire::idempotency_token());
}

#[cfg(feature = "request-compression")]
#[test]
fn large_bodies_are_gzipped_when_allowed() {
    use std::io::Read as _;
    let small = wire::request(
        http::HeaderValue::from_static("T.Op"),
        &Widget {
            name: Some("x".to_owned()),
        },
        false,
    )
    .expect("a request");
    let settings = wire::Compression {
        disabled: false,
        min_size_bytes: 8,
    };
    let mut request = small.clone();
    request.headers_mut().insert(
        http::header::CONTENT_ENCODING,
        http::HeaderValue::from_static("br"),
    );
    let compressed = wire::compress(request, &settings).expect("compresses");
    assert_eq!(header(&compressed, "content-encoding"), Some("br, gzip"));
    assert_eq!(
        compressed.body().get(..2),
        Some(&[0x1f, 0x8b][..]),
        "the gzip magic number"
    );
    let length = compressed.body().len().to_string();
    assert_eq!(header(&compressed, "content-length"), Some(length.as_str()));
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(compressed.body().as_slice())
        .read_to_end(&mut plain)
        .expect("gzip");
    assert_eq!(plain, small.body().as_slice());
    let below = wire::Compression {
        disabled: false,
        min_size_bytes: 1_000,
    };
    assert_eq!(
        wire::compress(small.clone(), &below)
            .map(|r| r.into_body())
            .ok(),
        Some(small.body().clone())
    );
    let off = wire::Compression {
        disabled: true,
        min_size_bytes: 0,
    };
    assert_eq!(
        wire::compress(small.clone(), &off)
            .map(|r| r.into_body())
            .ok(),
        Some(small.body().clone())
    );
    assert_eq!(wire::Compression::default().min_size_bytes, 10_240);
    const { assert!(!PutWidget::COMPRESSES_REQUESTS) };
    let unchanged =
        PutWidget::serialize_request_with(&Widget::default(), &settings).expect("a request");
    assert_eq!(unchanged.body(), b"{}");
}
