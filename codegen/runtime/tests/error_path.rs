//! `track` and `within`: an error names the member path of the first read that failed. The
//! expected paths are written by hand from the texts (members joined by dots, wire positions
//! of list elements in brackets, nulls counted).

use codegen_runtime::example::{Gadget, Widget};
use codegen_runtime::wire::track;

fn reason<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
    track(|| serde_json::from_str::<T>(text)).expect_err("the text does not fit")
}

#[test]
fn a_failing_member_is_named() {
    assert_eq!(
        reason::<Widget>(r#"{"Name":7}"#),
        "Name: invalid type: integer `7`, expected a string at line 1 column 9"
    );
}

#[test]
fn a_failing_list_element_is_named_by_its_wire_position() {
    let text = r#"{"Parts":[1.5,null,"x"]}"#;
    let reason = reason::<Gadget>(text);
    assert!(reason.starts_with("Parts[2]: "), "{reason}");
}

#[test]
fn an_error_at_the_top_has_no_path() {
    assert_eq!(
        reason::<Gadget>(r#"{"Count":1}"#),
        "missing field `Parts` at line 1 column 11"
    );
    assert_eq!(
        reason::<Widget>("[]"),
        "invalid type: sequence, expected a JSON object at line 1 column 0"
    );
}

#[test]
fn tracking_starts_afresh_and_nests() {
    // A failure before tracking starts leaves nothing behind.
    assert!(serde_json::from_str::<Widget>(r#"{"Name":7}"#).is_err());
    assert_eq!(
        reason::<Gadget>(r#"{"Parts":[1],"Count":"x"}"#)
            .split(':')
            .next(),
        Some("Count")
    );
    // A tracked read inside another keeps the outer one's trail.
    let outer = track(|| {
        let inner = track(|| serde_json::from_str::<Widget>(r#"{"Name":1}"#));
        assert!(inner.is_err());
        serde_json::from_str::<Gadget>(r#"{"Parts":[true]}"#)
    });
    assert!(outer.expect_err("fails").starts_with("Parts[0]: "));
}
