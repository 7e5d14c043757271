//! Round-trip properties for every structure of the generated crate: a wire value parsed,
//! serialized and parsed again gives an equal value, and serializing is stable. The values are
//! generated from the planner's IR of the bundled model, so every member of every structure is
//! exercised and a structure added to the model cannot be left out (see `covers_every_structure`).
//! Enum members draw the model's own values (read by the load stage, not the planner) most of
//! the time, and unknown values sometimes. After the round trip every member the wire value had
//! must come back equal: numbers by value (as `f32` for floats), strings and enums exactly,
//! lists and structures member by member.

use codegen::ir::{RustType, Service, Structure, TypeRef};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use workspace_tests::generate_bundled;

/// What the strategies draw from: every structure by Rust name, and every enum's values as
/// the model lists them, by the enum's Rust name.
struct Shapes {
    structures: BTreeMap<String, Structure>,
    enum_values: BTreeMap<String, Vec<String>>,
}

impl Shapes {
    fn of(service: &Service) -> Shapes {
        Shapes {
            structures: all_structures(service),
            enum_values: enum_values(service),
        }
    }

    fn known_values(&self, name: &TypeRef) -> &[String] {
        self.enum_values
            .get(&name.name.name)
            .unwrap_or_else(|| panic!("the model lists values for {}", name.name.name))
    }
}

/// Each enum's values, read from the model by the load stage: the `enumValue` of each member,
/// or its name. The IR only says which shape an enum type is.
fn enum_values(service: &Service) -> BTreeMap<String, Vec<String>> {
    let loaded = codegen::load_models(&[workspace_tests::models_dir()])
        .unwrap_or_else(|problems| panic!("the bundled model loads:\n{problems}"));
    service
        .enums()
        .map(|e| {
            let id = e.id.to_string();
            let shape = loaded
                .iter()
                .find_map(|file| file.document.shapes.get(&id))
                .unwrap_or_else(|| panic!("{id} is in the model"));
            let values: Vec<String> = shape
                .members
                .iter()
                .map(
                    |(name, member)| match member.traits.get("smithy.api#enumValue") {
                        Some(Value::String(value)) => value.clone(),
                        _ => name.clone(),
                    },
                )
                .collect();
            assert!(!values.is_empty(), "{id} has values");
            (e.name.name.clone(), values)
        })
        .collect()
}

/// A strategy for wire values of a type.
fn value_of(ty: &RustType, shapes: &Shapes, depth: u32) -> BoxedStrategy<Value> {
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
        // Mostly the model's values, so the known variants are what is exercised; sometimes
        // a value it does not list, which must be kept verbatim.
        RustType::Enum(name) => prop_oneof![
            8 => prop::sample::select(shapes.known_values(name).to_vec()).prop_map(Value::from),
            1 => "[A-Z_]{1,24}".prop_map(Value::from),
            1 => any::<String>().prop_map(Value::from),
        ]
        .boxed(),
        RustType::Structure { name, .. } => {
            structure_value(&shapes.structures[&name.name.name], shapes, depth + 1)
        }
        RustType::List(item) => prop::collection::vec(value_of(item, shapes, depth + 1), 0..4)
            .prop_map(Value::from)
            .boxed(),
        // The bundled model has none of these; the other models' crates are checked by
        // `cargo xtask verify-models` and their own wire cases.
        other => panic!("no strategy for {other:?} in the bundled model"),
    }
}

/// A strategy for a structure's wire object: required members always, others sometimes.
fn structure_value(structure: &Structure, shapes: &Shapes, depth: u32) -> BoxedStrategy<Value> {
    let members: Vec<BoxedStrategy<Option<(String, Value)>>> = structure
        .members
        .iter()
        .map(|member| {
            let name = member.wire_name.clone();
            let value = value_of(&member.ty, shapes, depth);
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

/// The property for one Rust type: parse, serialize, parse again, compare; then every member
/// of the wire value must come back equal (`same_value`).
fn round_trip<T>(structure: &Structure, shapes: &Shapes, wire: &Value) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug + kms_api::wire::ReadJson,
{
    let first: T = serde_json::from_value(wire.clone())
        .map_err(|e| TestCaseError::fail(format!("parse {wire}: {e}")))?;
    let bytes = serde_json::to_vec(&first).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let second: T = kms_api::wire::parse_output(&bytes)
        .map_err(|e| TestCaseError::fail(format!("reparse: {e}")))?;
    prop_assert_eq!(&first, &second);
    let again = serde_json::to_vec(&second).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&bytes, &again, "serialization is stable");
    let reserialized: Value = serde_json::from_slice(&bytes)
        .map_err(|e| TestCaseError::fail(format!("the output is not JSON: {e}")))?;
    same_structure(structure, shapes, wire, &reserialized, "").map_err(TestCaseError::fail)
}

/// Every member of `wire` is in `actual` with the same value (members `actual` adds, such as
/// defaults, are allowed).
fn same_structure(
    structure: &Structure,
    shapes: &Shapes,
    wire: &Value,
    actual: &Value,
    path: &str,
) -> Result<(), String> {
    for member in &structure.members {
        let at = format!("{path}.{}", member.wire_name);
        match (wire.get(&member.wire_name), actual.get(&member.wire_name)) {
            (None, _) => {}
            (Some(_), None) => return Err(format!("{at} was lost")),
            (Some(w), Some(a)) => same_value(&member.ty, shapes, w, a, &at)?,
        }
    }
    Ok(())
}

/// Whether a value of `ty` came back the same: numbers by value (a float as the `f32` it is,
/// an integer exactly, a timestamp as its number), lists item by item, structures member by
/// member, anything else exactly.
fn same_value(
    ty: &RustType,
    shapes: &Shapes,
    wire: &Value,
    actual: &Value,
    path: &str,
) -> Result<(), String> {
    let differs = || Err(format!("{path}: sent {wire}, got back {actual}"));
    match ty {
        RustType::Structure { name, .. } => same_structure(
            &shapes.structures[&name.name.name],
            shapes,
            wire,
            actual,
            path,
        ),
        RustType::List(item) => match (wire.as_array(), actual.as_array()) {
            (Some(w), Some(a)) if w.len() == a.len() => {
                w.iter().zip(a).enumerate().try_for_each(|(i, (w, a))| {
                    same_value(item, shapes, w, a, &format!("{path}[{i}]"))
                })
            }
            _ => differs(),
        },
        RustType::Byte | RustType::Short | RustType::Integer | RustType::Long => {
            match (wire.as_i64(), actual.as_i64()) {
                (Some(w), Some(a)) if w == a => Ok(()),
                _ => differs(),
            }
        }
        RustType::Float => match (wire.as_f64(), actual.as_f64()) {
            (Some(w), Some(a)) if w as f32 == a as f32 => Ok(()),
            _ => differs(),
        },
        RustType::Double | RustType::Timestamp(_) => match (wire.as_f64(), actual.as_f64()) {
            (Some(w), Some(a)) if w == a => Ok(()),
            _ => differs(),
        },
        _ if wire == actual => Ok(()),
        _ => differs(),
    }
}

/// The comparison itself sees a changed number, a lost member and a changed enum value.
#[test]
fn the_comparison_sees_changed_values() {
    let service = generate_bundled().service;
    let shapes = Shapes::of(&service);
    let entry = &shapes.structures["CustomKeyStoresListEntry"];
    let wire = serde_json::json!({"CreationDate": 1600000000.123, "ConnectionState": "CONNECTED", "CustomKeyStoreId": "cks-1"});
    let same = serde_json::json!({"CreationDate": 1600000000.123, "ConnectionState": "CONNECTED", "CustomKeyStoreId": "cks-1"});
    assert_eq!(same_structure(entry, &shapes, &wire, &same, ""), Ok(()));
    for (changed, says) in [
        (
            serde_json::json!({"CreationDate": 1600000000.124, "ConnectionState": "CONNECTED", "CustomKeyStoreId": "cks-1"}),
            ".CreationDate: sent 1600000000.123",
        ),
        (
            serde_json::json!({"CreationDate": 1600000000, "ConnectionState": "CONNECTED", "CustomKeyStoreId": "cks-1"}),
            ".CreationDate",
        ),
        (
            serde_json::json!({"CreationDate": 1600000000.123, "ConnectionState": "DISCONNECTED", "CustomKeyStoreId": "cks-1"}),
            ".ConnectionState",
        ),
        (
            serde_json::json!({"CreationDate": 1600000000.123, "ConnectionState": "CONNECTED"}),
            ".CustomKeyStoreId was lost",
        ),
    ] {
        let error =
            same_structure(entry, &shapes, &wire, &changed, "").expect_err("a change is seen");
        assert!(error.contains(says), "{says:?} in {error}");
    }
    // A timestamp is its number, whichever way it is written.
    let timestamp = entry
        .members
        .iter()
        .find(|m| m.wire_name == "CreationDate")
        .expect("a member")
        .ty
        .clone();
    assert_eq!(
        same_value(
            &timestamp,
            &shapes,
            &serde_json::json!(1600000000),
            &serde_json::json!(1600000000.0),
            ""
        ),
        Ok(())
    );
    assert!(same_value(
        &RustType::Long,
        &shapes,
        &serde_json::json!(i64::MAX),
        &serde_json::json!(i64::MAX - 1),
        ""
    )
    .is_err());
}

/// The enum strategy draws the model's values most of the time, and others sometimes.
#[test]
fn enum_values_are_mostly_the_models() {
    let service = generate_bundled().service;
    let shapes = Shapes::of(&service);
    let name = service
        .enums()
        .find(|e| e.name.name == "ConnectionStateType")
        .map(|e| TypeRef {
            id: e.id.clone(),
            name: e.name.clone(),
        })
        .expect("in the model");
    let known = shapes.known_values(&name);
    assert_eq!(
        known,
        [
            "CONNECTED",
            "CONNECTING",
            "FAILED",
            "DISCONNECTED",
            "DISCONNECTING"
        ]
    );
    let strategy = value_of(&RustType::Enum(name), &shapes, 0);
    let mut runner = TestRunner::deterministic();
    let draws = 1000;
    let mut hits = 0;
    for _ in 0..draws {
        let value = strategy.new_tree(&mut runner).expect("a value").current();
        if known.iter().any(|k| value == k.as_str()) {
            hits += 1;
        }
    }
    assert!(
        (700..=900).contains(&hits),
        "{hits} of {draws} draws were known values"
    );
}

/// Every structure of the bundled model, by Rust name, with its round-trip check.
macro_rules! structures {
    ($($path:path),* $(,)?) => {
        fn check_by_name(name: &str, shapes: &Shapes, wire: &Value) -> Option<Result<(), TestCaseError>> {
            $(
                if name == stringify!($path).rsplit("::").next().unwrap().trim() {
                    return Some(round_trip::<$path>(&shapes.structures[name], shapes, wire));
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
        .structures()
        .cloned()
        .chain(service.errors().map(|e| e.structure.clone()))
        .map(|s| (s.name.name.clone(), s))
        .collect()
}

#[test]
fn covers_every_structure() {
    let shapes = Shapes::of(&generate_bundled().service);
    assert_eq!(shapes.structures.len(), 37);
    for name in shapes.structures.keys() {
        assert!(
            check_by_name(name, &shapes, &serde_json::json!({})).is_some(),
            "{name} has no round-trip check"
        );
    }
}

#[test]
fn every_structure_round_trips() {
    let shapes = Shapes::of(&generate_bundled().service);
    for (name, structure) in &shapes.structures {
        let strategy = structure_value(structure, &shapes, 0);
        let mut runner = TestRunner::new(Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy, |wire| {
            check_by_name(name, &shapes, &wire).expect("covered")
        });
        if let Err(failure) = result {
            panic!("{name}: {failure}");
        }
    }
}
