//! `json_structure!`, through the example model's `Gadget` (one member of each kind) and
//! `Nothing` (no members). The expected JSON and messages are written by hand from the
//! rules in the macro's documentation and serde_json's own messages for derived structures.

use codegen_runtime::example::{Gadget, Nothing, Receipt, Widget};
use codegen_runtime::primitives::DateTime;

fn gadget() -> Gadget {
    Gadget {
        parts: vec![1.5],
        count: 7,
        flag: false,
        mode: "auto".to_owned(),
        ratio: None,
        note: None,
    }
}

fn read(text: &str) -> Result<Gadget, String> {
    serde_json::from_str(text).map_err(|error| error.to_string())
}

#[test]
fn members_at_their_default_are_omitted_only_where_the_kind_says_so() {
    assert_eq!(
        serde_json::to_string(&gadget()).unwrap(),
        r#"{"Parts":[1.5],"Mode":"auto"}"#
    );
}

#[test]
fn set_members_are_written_in_declaration_order_through_their_codecs() {
    let set = Gadget {
        count: 3,
        flag: true,
        ratio: Some(0.25),
        note: Some("kept out of the wire".to_owned()),
        ..gadget()
    };
    assert_eq!(
        serde_json::to_string(&set).unwrap(),
        r#"{"Parts":[1.5],"Count":3,"Flag":true,"Mode":"auto","Ratio":0.25}"#
    );
    let nan = Gadget {
        parts: vec![f32::NAN],
        ratio: Some(f64::INFINITY),
        ..gadget()
    };
    assert_eq!(
        serde_json::to_string(&nan).unwrap(),
        r#"{"Parts":["NaN"],"Mode":"auto","Ratio":"Infinity"}"#
    );
}

#[test]
fn missing_and_null_members_read_as_their_defaults() {
    assert_eq!(read(r#"{"Parts":[1.5]}"#), Ok(gadget()));
    assert_eq!(
        read(r#"{"Parts":[1.5],"Count":null,"Flag":null,"Mode":null,"Ratio":null}"#),
        Ok(gadget())
    );
    assert_eq!(
        read(r#"{"Ratio":"-Infinity","Mode":"manual","Parts":[2],"Count":0}"#),
        Ok(Gadget {
            parts: vec![2.0],
            count: 0,
            mode: "manual".to_owned(),
            ratio: Some(f64::NEG_INFINITY),
            ..gadget()
        })
    );
}

#[test]
fn a_local_field_is_neither_read_nor_written() {
    assert_eq!(
        read(r#"{"Parts":[1.5],"note":"x","Note":"y"}"#),
        Ok(gadget())
    );
}

#[test]
fn required_duplicate_and_mistyped_members_fail_as_derived_structures_do() {
    assert_eq!(
        read(r#"{"Count":1}"#),
        Err("missing field `Parts` at line 1 column 11".to_owned())
    );
    assert_eq!(
        read(r#"{"Parts":[],"Parts":[]}"#),
        Err("duplicate field `Parts` at line 1 column 19".to_owned())
    );
    assert!(
        read(r#"{"Parts":null}"#).is_err(),
        "a required member is not nullable"
    );
    assert!(read(r#"{"Parts":[],"Count":"7"}"#).is_err());
    assert!(
        read(r#"[[1.5]]"#).is_err(),
        "a structure is read from an object only"
    );
}

#[test]
fn a_structure_without_members_skips_every_entry() {
    let nothing: Nothing =
        serde_json::from_str(r#"{"a":{"b":[1,null,"c"]},"d":2}"#).expect("reads");
    assert_eq!(nothing, Nothing {});
    assert_eq!(serde_json::to_string(&Nothing {}).unwrap(), "{}");
    assert!(serde_json::from_str::<Nothing>("[]").is_err());
}

/// The values smithy.io's "Client error correction" lists: false, 0, "", [], a null
/// document, 0 seconds since the epoch, `{}` for a structure.
fn corrected_receipt() -> Receipt {
    Receipt {
        id: String::new(),
        total: 0,
        paid: false,
        amounts: Vec::new(),
        extra: serde_json::Value::Null,
        issued: DateTime::from_secs(0),
        widget: Widget { name: None },
        note: None,
    }
}

#[test]
fn a_response_missing_required_members_is_error_corrected() {
    let read = |text: &str| serde_json::from_str::<Receipt>(text).map_err(|e| e.to_string());
    assert_eq!(read("{}"), Ok(corrected_receipt()));
    // `null` is how awsJson writes an absent member: corrected the same way.
    assert_eq!(
        read(r#"{"Id":null,"Total":null,"Paid":null,"Extra":null,"Widget":null}"#),
        Ok(corrected_receipt())
    );
    // Members that are there are read as sent.
    assert_eq!(
        read(r#"{"Id":"r-1","Total":9,"Widget":{"Name":"gear"}}"#),
        Ok(Receipt {
            id: "r-1".to_owned(),
            total: 9,
            widget: Widget {
                name: Some("gear".to_owned())
            },
            ..corrected_receipt()
        })
    );
    // Correction is for missing members only: a wrongly typed one is still an error.
    assert!(read(r#"{"Total":"nine"}"#).is_err());
}

#[test]
fn an_input_missing_a_required_member_is_not_corrected() {
    assert!(read(r#"{}"#).is_err());
}
