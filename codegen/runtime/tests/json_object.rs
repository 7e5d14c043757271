//! Structures read and written through the example model's hand-written impls, in the form
//! the emitter writes them. Expected texts are serde_json's own messages for derived
//! structures (`duplicate field`, `missing field`), written out by hand.

use codegen_runtime::example::Widget;
use codegen_runtime::wire::{self, MemberKey};
use serde::de::DeserializeSeed;

fn key(names: &'static [&'static str], text: &str) -> Option<usize> {
    let mut reader = serde_json::Deserializer::from_str(text);
    MemberKey(|name: &str| names.iter().position(|known| *known == name))
        .deserialize(&mut reader)
        .expect("a key")
}

#[test]
fn member_keys_go_through_the_matcher_and_unknown_names_give_none() {
    let names = &["Name", "Size", "Message"];
    assert_eq!(key(names, r#""Name""#), Some(0));
    assert_eq!(key(names, r#""Message""#), Some(2));
    assert_eq!(key(names, r#""name""#), None);
    assert_eq!(key(names, r#""Nam""#), None);
    // An escaped key is unescaped before it is compared.
    assert_eq!(key(names, r#""Si\u007ae""#), Some(1));
}

#[test]
fn a_structure_skips_unknown_members_and_reads_null_as_absent() {
    let widget: Widget =
        serde_json::from_str(r#"{"Other":{"a":[1,2,{"b":null}]},"Name":"gear","x":1}"#)
            .expect("a widget");
    assert_eq!(widget.name.as_deref(), Some("gear"));
    let widget: Widget = serde_json::from_str(r#"{"Name":null}"#).expect("a widget");
    assert_eq!(widget, Widget::default());
    assert_eq!(
        serde_json::to_string(&widget).expect("serializes"),
        "{}",
        "an unset member is left out"
    );
}

#[test]
fn a_member_given_twice_is_refused_as_serde_refuses_it() {
    let error = serde_json::from_str::<Widget>(r#"{"Name":"a","Name":"b"}"#)
        .expect_err("a duplicate member");
    assert_eq!(
        error.to_string(),
        "duplicate field `Name` at line 1 column 18"
    );
}

#[test]
fn a_structure_is_read_only_from_an_object() {
    let error = serde_json::from_str::<Widget>(r#"["gear"]"#).expect_err("an array");
    assert_eq!(
        error.to_string(),
        "invalid type: sequence, expected a JSON object at line 1 column 0"
    );
}

#[test]
fn a_missing_required_member_is_named() {
    let error = wire::required::<String, serde_json::Error>(None, "Name").expect_err("missing");
    assert_eq!(error.to_string(), "missing field `Name`");
    assert_eq!(
        wire::required::<_, serde_json::Error>(Some(3), "Name").ok(),
        Some(3)
    );
}

#[cfg(feature = "modelled-errors")]
mod errors {
    use codegen_runtime::example::{WidgetLocked, WidgetNotFound};

    #[test]
    fn an_error_message_is_read_in_either_casing_but_only_once() {
        for text in [r#"{"message":"gone"}"#, r#"{"Message":"gone"}"#] {
            let error: WidgetNotFound = serde_json::from_str(text).expect("an error");
            assert_eq!(error.message(), Some("gone"));
        }
        let twice = serde_json::from_str::<WidgetNotFound>(r#"{"message":"a","Message":"b"}"#)
            .expect_err("the message twice");
        assert!(twice.to_string().starts_with("duplicate field `message`"));
    }

    #[test]
    fn a_missing_required_message_is_error_corrected() {
        // smithy.io, "Client error correction": a missing required string reads as "".
        let error: WidgetLocked = serde_json::from_str(r#"{"Other":1}"#).expect("corrected");
        assert_eq!(error.message(), Some(""));
        let locked: WidgetLocked = serde_json::from_str(r#"{"Message":"busy"}"#).expect("an error");
        assert_eq!(locked.message(), Some("busy"));
        assert_eq!(
            serde_json::to_string(&locked).expect("serializes"),
            r#"{"message":"busy"}"#
        );
    }
}
