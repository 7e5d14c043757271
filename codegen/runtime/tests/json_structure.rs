//! `json_structure!`, through the example model's `Gadget` (one member of each kind) and
//! `Nothing` (no members). The expected JSON and messages are written by hand from the
//! rules in the macro's documentation and serde_json's own messages for derived structures.

use codegen_runtime::example::{Gadget, Nothing};

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
