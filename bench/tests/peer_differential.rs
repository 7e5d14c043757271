//! The official SDK, aws-sdk-kms, as a differential oracle for our generated crate.
//!
//! Why this test exists: round trips through our own serde cannot see a mapping that is wrong
//! in both directions. An enum whose `"CONNECTED"` reads as `Disconnected` and whose
//! `Disconnected` writes `"CONNECTED"` round-trips perfectly, and every such test passed. Here
//! every check puts our crate next to the SDK, generated independently from the same service
//! model, on random data drawn by proptest:
//!
//! - **requests**, all six operations: random inputs from a hand-written table of the model's
//!   constraints (`differential/strings.rs`), built on both sides through the typed builders,
//!   enum members paired by variant NAME (`differential/enums.rs`), sometimes unknown values;
//!   method, `X-Amz-Target`, `Content-Type` and the body (as a JSON value) must be equal;
//! - **responses**, all six outputs: random bodies of each output shape, parsed by both and
//!   compared in a canonical form written by hand from the typed values
//!   (`differential/canonical.rs`), enums by variant name, timestamps as seconds and nanos;
//! - **errors**: every error every operation lists in the model, with random messages and
//!   request ids and the protocol's variations (`__type` or `code`, a `namespace#` prefix, a
//!   `:url` suffix, the `X-Amzn-ErrorType` header, `Message`), and codes the operation does not
//!   list: same variant, code, message and request id; ours also keeps the HTTP status.
//!
//! Each property runs 256 cases from a fixed seed, failures not persisted; set
//! `PROPTEST_CASES` or `PROPTEST_RNG_SEED` to explore further.

mod differential;

use aws_smithy_runtime_api::client::interceptors::context::Input;
use differential::inputs::{self, Checks};
use differential::ops::{self, Pair};
use differential::{canonical, enums, model, responses};
use kms_api::wire::Operation;
use kms_bench::peer;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde_json::Value;
use std::fmt::Debug;

/// 256 cases unless `PROPTEST_CASES` says otherwise; the seed is fixed unless
/// `PROPTEST_RNG_SEED` is set.
fn config() -> Config {
    let base = Config::default();
    Config {
        failure_persistence: None,
        rng_seed: match base.rng_seed {
            RngSeed::Random => RngSeed::Fixed(0x6b6d_735f_6469_6666),
            seed => seed,
        },
        ..base
    }
}

/// Serializes one input on both sides and compares the requests.
fn requests_agree<P: Pair>(
    checks: Checks,
    ours: &<P::Ours as Operation>::Input,
    theirs: impl Debug + Send + Sync + 'static,
) -> Result<(), TestCaseError> {
    let ours = match checks {
        Checks::Valid => P::Ours::serialize_request(ours),
        Checks::Unchecked => P::Ours::serialize_request_unchecked(ours),
    };
    let ours = ours.map_err(|error| {
        TestCaseError::fail(format!("our crate refused a {checks:?} input: {error}"))
    })?;
    let op = P::peer();
    let theirs = peer::serialize(op.serializer(), Input::erase(theirs), &mut op.config_bag());
    let (ours, theirs) = (ops::request_of_ours(&ours), ops::request_of_theirs(&theirs));
    let target = format!("TrentService.{}", P::Ours::NAME);
    prop_assert_eq!(ours["x-amz-target"].as_str(), Some(target.as_str()));
    prop_assert_eq!(
        &ours,
        &theirs,
        "requests differ:\n{}",
        canonical::differences(&ours, &theirs)
    );
    Ok(())
}

/// Parses one 200 response on both sides and compares the outputs.
fn outputs_agree(operation: &str, body: &str) -> Result<(), TestCaseError> {
    let headers = kms_bench::fixtures::header_map(body.len());
    let parsed = ops::parse_named(operation, 200, &headers, body.as_bytes());
    let (Ok(ours), Ok(theirs)) = (&parsed.ours, &parsed.theirs) else {
        return Err(TestCaseError::fail(format!(
            "a side failed to read a valid {operation} body:\nours {:?}\npeer {:?}",
            parsed.ours, parsed.theirs
        )));
    };
    prop_assert_eq!(
        ours,
        theirs,
        "outputs differ:\n{}",
        canonical::differences(ours, theirs)
    );
    Ok(())
}

/// Parses one error response on both sides; returns the variant name they agree on.
fn errors_agree(case: &responses::ErrorCase) -> Result<String, TestCaseError> {
    let parsed = ops::parse_named(
        &case.operation,
        case.status,
        &case.header_map(),
        case.body.as_bytes(),
    );
    let (Err(ours), Err(theirs)) = (&parsed.ours, &parsed.theirs) else {
        return Err(TestCaseError::fail(format!(
            "an error response parsed as an output:\nours {:?}\npeer {:?}",
            parsed.ours, parsed.theirs
        )));
    };
    prop_assert_eq!(
        ours,
        theirs,
        "errors differ:\n{}",
        canonical::differences(ours, theirs)
    );
    prop_assert_eq!(
        parsed.our_http_status,
        Some(case.status),
        "our http_status()"
    );
    prop_assert_eq!(
        ours["code"].as_str(),
        Some(case.code.as_str()),
        "the code sent"
    );
    Ok(ours["variant"].as_str().unwrap_or_default().to_owned())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn connect_requests_agree(input in inputs::store_id()) {
        requests_agree::<ops::Connect>(input.checks, &input.ours_connect(), input.theirs_connect())?;
    }

    #[test]
    fn create_requests_agree(input in inputs::create()) {
        requests_agree::<ops::Create>(input.checks, &input.ours(), input.theirs())?;
    }

    #[test]
    fn delete_requests_agree(input in inputs::store_id()) {
        requests_agree::<ops::Delete>(input.checks, &input.ours_delete(), input.theirs_delete())?;
    }

    #[test]
    fn describe_requests_agree(input in inputs::describe()) {
        requests_agree::<ops::Describe>(input.checks, &input.ours(), input.theirs())?;
    }

    #[test]
    fn disconnect_requests_agree(input in inputs::store_id()) {
        requests_agree::<ops::Disconnect>(
            input.checks,
            &input.ours_disconnect(),
            input.theirs_disconnect(),
        )?;
    }

    #[test]
    fn update_requests_agree(input in inputs::update()) {
        requests_agree::<ops::Update>(input.checks, &input.ours(), input.theirs())?;
    }

    #[test]
    fn describe_outputs_agree(body in responses::describe_body()) {
        outputs_agree("DescribeCustomKeyStores", &body)?;
    }

    #[test]
    fn create_outputs_agree(body in responses::create_body()) {
        outputs_agree("CreateCustomKeyStore", &body)?;
    }

    #[test]
    fn empty_outputs_agree(
        operation in proptest::sample::select(&ops::EMPTY_OUTPUTS[..]),
        body in responses::empty_body(),
    ) {
        outputs_agree(operation, &body)?;
    }

    #[test]
    fn modelled_errors_agree(case in responses::modelled_error()) {
        let variant = errors_agree(&case)?;
        // `KMSInternalException` is the variant `KmsInternalException` on both sides.
        prop_assert!(variant.eq_ignore_ascii_case(&case.code), "variant {variant} for {}", case.code);
    }

    #[test]
    fn unmodelled_errors_agree(case in responses::unmodelled_error()) {
        let variant = errors_agree(&case)?;
        prop_assert_eq!(variant, "Unhandled");
    }
}

/// The pairing tables list every value of their enum in the model (their peer side spells the
/// model's values), so no known value goes untested.
#[test]
fn enum_pairs_cover_the_model() {
    fn wire_values<O, T: AsRef<str>>(pairs: Vec<(O, T)>) -> Vec<String> {
        let mut values: Vec<String> = pairs.iter().map(|(_, t)| t.as_ref().to_owned()).collect();
        values.sort();
        values
    }
    let sorted = |mut values: Vec<String>| {
        values.sort();
        values
    };
    assert_eq!(
        wire_values(enums::custom_key_store_type()),
        sorted(model::enum_values("CustomKeyStoreType"))
    );
    assert_eq!(
        wire_values(enums::xks_proxy_connectivity()),
        sorted(model::enum_values("XksProxyConnectivityType"))
    );
}

/// `AWS_CLOUDHSM` → `AwsCloudhsm`: the variant name both generators derive from a wire value.
fn upper_camel(wire: &str) -> String {
    wire.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
            })
        })
        .collect()
}

/// Every value of every enum of an output, deterministically: both sides read the variant
/// named after the value.
#[test]
fn every_enum_value_reads_as_its_variant() {
    // The enum shape, a body with the value at `VALUE`, where the canonical output holds it.
    let places = [
        (
            "ConnectionStateType",
            r#"{"CustomKeyStores":[{"ConnectionState":VALUE}]}"#,
            "/custom_key_stores/0/connection_state",
        ),
        (
            "ConnectionErrorCodeType",
            r#"{"CustomKeyStores":[{"ConnectionErrorCode":VALUE}]}"#,
            "/custom_key_stores/0/connection_error_code",
        ),
        (
            "CustomKeyStoreType",
            r#"{"CustomKeyStores":[{"CustomKeyStoreType":VALUE}]}"#,
            "/custom_key_stores/0/custom_key_store_type",
        ),
        (
            "XksProxyConnectivityType",
            r#"{"CustomKeyStores":[{"XksProxyConfiguration":{"Connectivity":VALUE}}]}"#,
            "/custom_key_stores/0/xks_proxy_configuration/connectivity",
        ),
    ];
    for (shape, template, pointer) in places {
        for value in model::enum_values(shape) {
            let body = template.replace("VALUE", &Value::from(value.as_str()).to_string());
            let parsed =
                ops::parse_both::<ops::Describe>(200, &http::HeaderMap::new(), body.as_bytes());
            let read = |side: &Result<Value, Value>| {
                side.as_ref()
                    .ok()
                    .and_then(|output| output.pointer(pointer))
                    .cloned()
            };
            let expected = Some(Value::from(upper_camel(&value)));
            assert_eq!(read(&parsed.ours), expected, "ours, {shape} {value}");
            assert_eq!(read(&parsed.theirs), expected, "peer, {shape} {value}");
        }
    }
}

/// Every error of the model against every operation, deterministically: a listed error gives
/// its variant on both sides, any other error `Unhandled` on both.
#[test]
fn every_error_of_every_operation() {
    for operation in model::operations() {
        let listed = model::operation_errors(&operation);
        for error in model::all_errors() {
            let body = format!(r#"{{"__type":"{}","message":"m"}}"#, error.code);
            let parsed = ops::parse_named(
                &operation,
                error.status,
                &http::HeaderMap::new(),
                body.as_bytes(),
            );
            let context = format!("{operation} answering {}", error.code);
            assert_eq!(parsed.ours, parsed.theirs, "{context}");
            let variant = parsed
                .ours
                .as_ref()
                .err()
                .and_then(|e| e["variant"].as_str());
            let variant = variant.unwrap_or_default();
            if listed.contains(&error) {
                // Up to case: `KMSInternalException` is the variant `KmsInternalException`.
                assert!(
                    variant.eq_ignore_ascii_case(&error.code),
                    "{context}: {variant}"
                );
            } else {
                assert_eq!(variant, "Unhandled", "{context}");
            }
            assert_eq!(parsed.our_http_status, Some(error.status), "{context}");
        }
    }
}
