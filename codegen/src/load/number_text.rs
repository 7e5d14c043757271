//! The exact text of the numbers in `default` and `range` traits.
//!
//! A `serde_json::Value` holds a number exactly only up to 64-bit integers; anything with a
//! fraction, an exponent or more digits becomes the nearest `f64`. A bigInteger default of
//! `-388531337837038913783703891378`, or two bigDecimal bounds that differ in the 30th digit,
//! need the text. Both front ends therefore keep the JSON text of such a trait value beside
//! it, under [`key`]: the trait id with `#text` appended, which no shape id can spell (so no
//! model can write it; the JSON loader drops any such key a file holds). Mixins and `apply`
//! copy it with the trait, and [`Traits::read`](super::Traits::read) reads the two together.
//!
//! The IDL front end marks a documentation comment the same way
//! ([`COMMONMARK_DOCUMENTATION`]): it is CommonMark, where the trait in AWS models holds HTML.

use super::ast;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;

/// The trait ids whose numbers are kept as text.
pub const TRAITS: [&str; 2] = ["smithy.api#default", "smithy.api#range"];

/// The key under which the text of `trait_id`'s value is kept.
pub fn key(trait_id: &str) -> String {
    format!("{trait_id}{SUFFIX}")
}

/// Beside `smithy.api#documentation` when it came from an IDL documentation comment.
pub const COMMONMARK_DOCUMENTATION: &str = "smithy.api#documentation#commonmark";

/// Whether a trait key is one a front end adds (a second `#`, which no shape id has).
pub fn is_front_end_key(id: &str) -> bool {
    id.matches('#').count() > 1
}

/// What [`key`] appends.
pub const SUFFIX: &str = "#text";

/// Whether a trait value holds a number that `Value` keeps only approximately: the value
/// itself, or an object's member (`range`'s `min` and `max`).
pub fn is_approximate(value: &Value) -> bool {
    let number = |value: &Value| value.as_number().is_some_and(serde_json::Number::is_f64);
    match value {
        Value::Object(entries) => entries.values().any(number),
        value => number(value),
    }
}

/// The numbers of a trait value's text: the number itself, or the members of an object
/// (`{"min": ...}`) that are numbers, each as written.
pub fn numbers(text: &str) -> BTreeMap<String, String> {
    let mut numbers = BTreeMap::new();
    let is_number = |raw: &RawValue| {
        let raw = raw.get().trim();
        raw.starts_with(|c: char| c == '-' || c.is_ascii_digit())
    };
    if let Ok(raw) = serde_json::from_str::<&RawValue>(text) {
        if is_number(raw) {
            numbers.insert(String::new(), raw.get().trim().to_owned());
        }
    }
    if let Ok(entries) = serde_json::from_str::<BTreeMap<String, &RawValue>>(text) {
        for (name, raw) in entries {
            if is_number(raw) {
                numbers.insert(name, raw.get().trim().to_owned());
            }
        }
    }
    numbers
}

/// A JSON AST file, read again for the raw text of its traits.
#[derive(Deserialize)]
struct RawDocument<'a> {
    #[serde(borrow, default)]
    shapes: BTreeMap<String, RawShape<'a>>,
}

#[derive(Deserialize)]
struct RawShape<'a> {
    #[serde(borrow, default)]
    members: BTreeMap<String, RawMember<'a>>,
    #[serde(borrow)]
    member: Option<RawMember<'a>>,
    #[serde(borrow)]
    key: Option<RawMember<'a>>,
    #[serde(borrow)]
    value: Option<RawMember<'a>>,
    #[serde(borrow, default)]
    traits: BTreeMap<String, &'a RawValue>,
}

#[derive(Deserialize)]
struct RawMember<'a> {
    #[serde(borrow, default)]
    traits: BTreeMap<String, &'a RawValue>,
}

/// Drops the keys a front end adds that a JSON AST file wrote itself, then keeps the text of every `default`
/// and `range` value whose numbers `Value` rounded, reading `text` (the file) again only
/// when there is one.
pub fn keep_in_json(document: &mut ast::Document, text: &str) {
    let mut approximate = false;
    for shape in document.shapes.values_mut() {
        for traits in trait_maps(shape) {
            traits.retain(|id, _| !is_front_end_key(id));
            approximate |= TRAITS
                .iter()
                .any(|id| traits.get(*id).is_some_and(is_approximate));
        }
    }
    if !approximate {
        return;
    }
    let Ok(mut raw) = serde_json::from_str::<RawDocument<'_>>(text) else {
        return;
    };
    for (id, shape) in &mut document.shapes {
        let Some(raw) = raw.shapes.remove(id) else {
            continue;
        };
        keep(&mut shape.traits, &raw.traits);
        for (name, member) in &mut shape.members {
            if let Some(raw) = raw.members.get(name) {
                keep(&mut member.traits, &raw.traits);
            }
        }
        for (member, raw) in [
            (&mut shape.member, &raw.member),
            (&mut shape.key, &raw.key),
            (&mut shape.value, &raw.value),
        ] {
            if let (Some(member), Some(raw)) = (member, raw) {
                keep(&mut member.traits, &raw.traits);
            }
        }
    }
}

/// Every trait map of a shape: its own and its members'.
fn trait_maps(shape: &mut ast::Shape) -> Vec<&mut BTreeMap<String, Value>> {
    let mut maps = vec![&mut shape.traits];
    maps.extend(shape.members.values_mut().map(|member| &mut member.traits));
    for member in [&mut shape.member, &mut shape.key, &mut shape.value]
        .into_iter()
        .flatten()
    {
        maps.push(&mut member.traits);
    }
    maps
}

fn keep(traits: &mut BTreeMap<String, Value>, raw: &BTreeMap<String, &RawValue>) {
    for id in TRAITS {
        let approximate = traits.get(id).is_some_and(is_approximate);
        if let (true, Some(raw)) = (approximate, raw.get(id)) {
            traits.insert(key(id), Value::String(raw.get().to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_written() {
        assert_eq!(
            numbers("-388531337837038913783703891378"),
            BTreeMap::from([(String::new(), "-388531337837038913783703891378".to_owned())])
        );
        assert_eq!(
            numbers(r#"{"min": 0.10000000000000000001, "max": 1e400, "x": "y"}"#),
            BTreeMap::from([
                ("max".to_owned(), "1e400".to_owned()),
                ("min".to_owned(), "0.10000000000000000001".to_owned()),
            ])
        );
        assert!(numbers("\"text\"").is_empty());
    }

    #[test]
    fn json_files_keep_the_text_of_rounded_numbers_only() {
        let text = r#"{"smithy": "2.0", "shapes": {"a#B": {"type": "structure", "members": {
            "big": {"target": "smithy.api#BigInteger",
                    "traits": {"smithy.api#default": 12345678901234567890123}},
            "small": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 7,
                      "smithy.api#default#text": "8"}}}}}}"#;
        let mut document: ast::Document = serde_json::from_str(text).unwrap();
        keep_in_json(&mut document, text);
        let members = &document.shapes["a#B"].members;
        assert_eq!(
            members["big"].traits.get("smithy.api#default#text"),
            Some(&Value::String("12345678901234567890123".to_owned()))
        );
        // A file cannot write the text itself: the key it wrote is gone.
        assert_eq!(members["small"].traits.get("smithy.api#default#text"), None);
    }
}
