//! Round-trip properties for every structure of the generated crate: a wire value parsed,
//! serialized and parsed again gives an equal value, and serializing is stable. The values are
//! generated from the planner's IR of the bundled model, so every member of every structure is
//! exercised and a structure added to the model cannot be left out (see `covers_every_structure`).

use codegen::plan::ir::{RustType, Service, Structure};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use workspace_tests::generate_bundled;

/// A strategy for wire values of a type.
fn value_of(
    ty: &RustType,
    structures: &BTreeMap<String, Structure>,
    depth: u32,
) -> BoxedStrategy<Value> {
    match ty {
        RustType::String => any::<String>().prop_map(Value::from).boxed(),
        RustType::Boolean => any::<bool>().prop_map(Value::from).boxed(),
        RustType::Byte => any::<i8>().prop_map(Value::from).boxed(),
        RustType::Short => any::<i16>().prop_map(Value::from).boxed(),
        RustType::Integer => any::<i32>().prop_map(Value::from).boxed(),
        RustType::Long => any::<i64>().prop_map(Value::from).boxed(),
        RustType::Float => (-1.0e6f32..1.0e6)
            .prop_map(|f| Value::from(f64::from(f)))
            .boxed(),
        RustType::Double => (-1.0e12f64..1.0e12).prop_map(Value::from).boxed(),
        // Epoch seconds with millisecond precision, the precision the wire keeps exactly.
        RustType::Timestamp(_) => (-10_000_000_000i64..10_000_000_000, 0u32..1000)
            .prop_map(|(secs, millis)| {
                if millis == 0 {
                    Value::from(secs)
                } else {
                    let text = format!("{}.{millis:03}", secs);
                    serde_json::from_str(&text).unwrap()
                }
            })
            .boxed(),
        RustType::Enum(_) => prop_oneof![
            "[A-Z_]{1,24}".prop_map(Value::from),
            any::<String>().prop_map(Value::from),
        ]
        .boxed(),
        RustType::Structure { name, .. } => {
            structure_value(&structures[&name.name], structures, depth + 1)
        }
        RustType::List(item) => prop::collection::vec(value_of(item, structures, depth + 1), 0..4)
            .prop_map(Value::from)
            .boxed(),
        // The bundled model has none of these; the other models' crates are checked by
        // `cargo xtask verify-models` and their own wire cases.
        other => panic!("no strategy for {other:?} in the bundled model"),
    }
}

/// A strategy for a structure's wire object: required members always, others sometimes.
fn structure_value(
    structure: &Structure,
    structures: &BTreeMap<String, Structure>,
    depth: u32,
) -> BoxedStrategy<Value> {
    let members: Vec<BoxedStrategy<Option<(String, Value)>>> = structure
        .members
        .iter()
        .map(|member| {
            let name = member.wire_name.clone();
            let value = value_of(&member.ty, structures, depth);
            if member.required || depth > 3 {
                if member.required {
                    value.prop_map(move |v| Some((name.clone(), v))).boxed()
                } else {
                    Just(None).boxed()
                }
            } else {
                prop::option::of(value)
                    .prop_map(move |v| v.map(|v| (name.clone(), v)))
                    .boxed()
            }
        })
        .collect();
    members
        .prop_map(|entries| Value::Object(entries.into_iter().flatten().collect::<Map<_, _>>()))
        .boxed()
}

/// The property for one Rust type: parse, serialize, parse again, compare.
fn round_trip<T>(wire: &Value) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let first: T = serde_json::from_value(wire.clone())
        .map_err(|e| TestCaseError::fail(format!("parse {wire}: {e}")))?;
    let bytes = serde_json::to_vec(&first).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let second: T = kms_api::wire::parse_output(&bytes)
        .map_err(|e| TestCaseError::fail(format!("reparse: {e}")))?;
    prop_assert_eq!(&first, &second);
    let again = serde_json::to_vec(&second).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&bytes, &again, "serialization is stable");
    // Every member the wire value had is present after the round trip, unchanged.
    let reserialized: Value = serde_json::from_slice(&bytes).unwrap();
    for (key, value) in wire.as_object().into_iter().flatten() {
        prop_assert!(reserialized.get(key).is_some(), "member {} was lost", key);
        if !matches!(value, Value::Number(_)) && !value.is_object() && !value.is_array() {
            prop_assert_eq!(reserialized.get(key), Some(value));
        }
    }
    Ok(())
}

/// Every structure of the bundled model, by Rust name, with its round-trip check.
macro_rules! structures {
    ($($path:path),* $(,)?) => {
        fn check_by_name(name: &str, wire: &Value) -> Option<Result<(), TestCaseError>> {
            $(
                if name == stringify!($path).rsplit("::").next().unwrap().trim() {
                    return Some(round_trip::<$path>(wire));
                }
            )*
            None
        }
    };
}

structures!(
    kms_api::types::CustomKeyStoresListEntry,
    kms_api::types::XksProxyAuthenticationCredentialType,
    kms_api::types::XksProxyConfigurationType,
    kms_api::operations::connect_custom_key_store::ConnectCustomKeyStoreRequest,
    kms_api::operations::connect_custom_key_store::ConnectCustomKeyStoreResponse,
    kms_api::operations::create_custom_key_store::CreateCustomKeyStoreRequest,
    kms_api::operations::create_custom_key_store::CreateCustomKeyStoreResponse,
    kms_api::operations::delete_custom_key_store::DeleteCustomKeyStoreRequest,
    kms_api::operations::delete_custom_key_store::DeleteCustomKeyStoreResponse,
    kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresRequest,
    kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresResponse,
    kms_api::operations::disconnect_custom_key_store::DisconnectCustomKeyStoreRequest,
    kms_api::operations::disconnect_custom_key_store::DisconnectCustomKeyStoreResponse,
    kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreRequest,
    kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreResponse,
    kms_api::errors::CloudHsmClusterInUseException,
    kms_api::errors::CloudHsmClusterInvalidConfigurationException,
    kms_api::errors::CloudHsmClusterNotActiveException,
    kms_api::errors::CloudHsmClusterNotFoundException,
    kms_api::errors::CloudHsmClusterNotRelatedException,
    kms_api::errors::CustomKeyStoreHasCmksException,
    kms_api::errors::CustomKeyStoreInvalidStateException,
    kms_api::errors::CustomKeyStoreNameInUseException,
    kms_api::errors::CustomKeyStoreNotFoundException,
    kms_api::errors::IncorrectTrustAnchorException,
    kms_api::errors::InvalidMarkerException,
    kms_api::errors::KmsInternalException,
    kms_api::errors::LimitExceededException,
    kms_api::errors::XksProxyIncorrectAuthenticationCredentialException,
    kms_api::errors::XksProxyInvalidConfigurationException,
    kms_api::errors::XksProxyInvalidResponseException,
    kms_api::errors::XksProxyUriEndpointInUseException,
    kms_api::errors::XksProxyUriInUseException,
    kms_api::errors::XksProxyUriUnreachableException,
    kms_api::errors::XksProxyVpcEndpointServiceInUseException,
    kms_api::errors::XksProxyVpcEndpointServiceInvalidConfigurationException,
    kms_api::errors::XksProxyVpcEndpointServiceNotFoundException,
);

fn all_structures(service: &Service) -> BTreeMap<String, Structure> {
    service
        .structures
        .iter()
        .cloned()
        .chain(service.errors.iter().map(|e| e.structure.clone()))
        .map(|s| (s.name.name.clone(), s))
        .collect()
}

#[test]
fn covers_every_structure() {
    let structures = all_structures(&generate_bundled().service);
    assert_eq!(structures.len(), 37);
    for name in structures.keys() {
        assert!(
            check_by_name(name, &serde_json::json!({})).is_some(),
            "{name} has no round-trip check"
        );
    }
}

#[test]
fn every_structure_round_trips() {
    let structures = all_structures(&generate_bundled().service);
    for (name, structure) in &structures {
        let strategy = structure_value(structure, &structures, 0);
        let mut runner = TestRunner::new(Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy, |wire| {
            check_by_name(name, &wire).expect("covered")
        });
        if let Err(failure) = result {
            panic!("{name}: {failure}");
        }
    }
}
