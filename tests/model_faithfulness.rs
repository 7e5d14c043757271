//! Our model must state exactly the facts of the official KMS model for the custom key store
//! family (everything but documentation), and its documentation must be our own words.

use codegen::load::ast::{Document, MemberShape, Shape};
use codegen::load::load_file;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use workspace_tests::{models_dir, official_kms_model, CUSTOM_KEY_STORE_OPERATIONS};

const NS: &str = "com.amazonaws.kms#";

fn ours() -> Document {
    load_file(&models_dir().join("kms-custom-key-stores.json"))
        .expect("our model loads")
        .document
}

/// Every shape id reached from the six operations.
fn closure(model: &Document) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut pending: Vec<String> = CUSTOM_KEY_STORE_OPERATIONS
        .iter()
        .map(|op| format!("{NS}{op}"))
        .collect();
    while let Some(id) = pending.pop() {
        let Some(shape) = model.shapes.get(&id) else {
            continue;
        };
        if !seen.insert(id) {
            continue;
        }
        let refs = shape
            .input
            .iter()
            .chain(&shape.output)
            .chain(&shape.errors)
            .map(|r| r.target.clone());
        let members = shape
            .members
            .values()
            .chain(&shape.member)
            .chain(&shape.key)
            .chain(&shape.value);
        pending.extend(refs.chain(members.map(|m| m.target.clone())));
    }
    seen
}

/// Traits without documentation; examples keep their input, output and error only.
fn facts(traits: &BTreeMap<String, Value>) -> BTreeMap<String, Value> {
    let mut traits = traits.clone();
    traits.remove("smithy.api#documentation");
    if let Some(Value::Array(examples)) = traits.get_mut("smithy.api#examples") {
        for example in examples {
            if let Value::Object(fields) = example {
                fields.remove("title");
                fields.remove("documentation");
            }
        }
    }
    traits
}

fn member_facts(member: &MemberShape) -> (String, BTreeMap<String, Value>) {
    (member.target.clone(), facts(&member.traits))
}

/// Everything about a shape except documentation, with member order kept.
fn shape_facts(shape: &Shape) -> Value {
    let members: Vec<Value> = shape
        .members
        .iter()
        .map(|(name, m)| {
            let (target, traits) = member_facts(m);
            serde_json::json!([name, target, traits])
        })
        .collect();
    let targets = |refs: &[codegen::load::ast::ShapeRef]| {
        refs.iter().map(|r| r.target.clone()).collect::<Vec<_>>()
    };
    serde_json::json!({
        "type": shape.kind,
        "members": members,
        "member": shape.member.as_ref().map(member_facts),
        "key": shape.key.as_ref().map(member_facts),
        "value": shape.value.as_ref().map(member_facts),
        "input": shape.input.as_ref().map(|r| r.target.clone()),
        "output": shape.output.as_ref().map(|r| r.target.clone()),
        "errors": targets(&shape.errors),
        "traits": facts(&shape.traits),
    })
}

#[test]
fn facts_match_the_official_model() {
    let Some(official_path) = official_kms_model("facts_match_the_official_model") else {
        return;
    };
    let official = load_file(&official_path)
        .expect("official model loads")
        .document;
    let ours = ours();
    let their_closure = closure(&official);
    let our_closure = closure(&ours);
    assert_eq!(
        their_closure.len(),
        64,
        "the official closure of the six operations"
    );
    assert_eq!(our_closure, their_closure, "the same shapes are reached");
    let mut differences = Vec::new();
    for id in &their_closure {
        let (a, b) = (
            shape_facts(&ours.shapes[id]),
            shape_facts(&official.shapes[id]),
        );
        if a != b {
            differences.push(format!("{id}:\n  ours:     {a}\n  official: {b}"));
        }
    }
    assert!(
        differences.is_empty(),
        "facts differ:\n{}",
        differences.join("\n")
    );

    let extra: Vec<&String> = ours
        .shapes
        .keys()
        .filter(|id| !our_closure.contains(*id) && !id.ends_with("#TrentService"))
        .collect();
    assert!(extra.is_empty(), "shapes outside the closure: {extra:?}");
}

#[test]
fn service_shape_carries_the_official_facts() {
    let Some(official_path) = official_kms_model("service_shape_carries_the_official_facts") else {
        return;
    };
    let official = load_file(&official_path)
        .expect("official model loads")
        .document;
    let ours = ours();
    let (our_service, their_service) = (
        &ours.shapes[&format!("{NS}TrentService")],
        &official.shapes[&format!("{NS}TrentService")],
    );
    assert_eq!(our_service.kind.as_str(), "service");
    assert_eq!(our_service.version, their_service.version);
    assert_eq!(our_service.version.as_deref(), Some("2014-11-01"));
    for trait_id in [
        "aws.api#service",
        "aws.auth#sigv4",
        "aws.protocols#awsJson1_1",
        "smithy.api#title",
    ] {
        assert_eq!(
            our_service.traits.get(trait_id),
            their_service.traits.get(trait_id),
            "{trait_id}"
        );
    }
    assert_eq!(our_service.traits["aws.api#service"]["sdkId"], "KMS");
    assert_eq!(our_service.traits["aws.auth#sigv4"]["name"], "kms");
    let operations: Vec<&str> = our_service
        .operations
        .iter()
        .map(|r| r.target.trim_start_matches(NS))
        .collect();
    assert_eq!(operations, CUSTOM_KEY_STORE_OPERATIONS);
}

/// Lower-cased words of a documentation string, HTML tags removed.
fn words(doc: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in doc.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn all_docs(model: &Document) -> Vec<String> {
    let mut docs = Vec::new();
    let mut take = |traits: &BTreeMap<String, Value>| {
        if let Some(doc) = traits
            .get("smithy.api#documentation")
            .and_then(Value::as_str)
        {
            docs.push(doc.to_owned());
        }
        if let Some(Value::Array(examples)) = traits.get("smithy.api#examples") {
            for example in examples {
                for key in ["title", "documentation"] {
                    if let Some(text) = example.get(key).and_then(Value::as_str) {
                        docs.push(text.to_owned());
                    }
                }
            }
        }
    };
    for shape in model.shapes.values() {
        take(&shape.traits);
        for member in shape.members.values() {
            take(&member.traits);
        }
    }
    docs
}

/// Our documentation is written by us: no run of eight words matches the official text.
#[test]
fn documentation_is_our_own_words() {
    const RUN: usize = 8;
    let Some(official_path) = official_kms_model("documentation_is_our_own_words") else {
        return;
    };
    let official = load_file(&official_path)
        .expect("official model loads")
        .document;
    let mut theirs = HashSet::new();
    for doc in all_docs(&official) {
        for window in words(&doc).windows(RUN) {
            theirs.insert(window.join(" "));
        }
    }
    let ours = all_docs(&ours());
    assert!(
        ours.len() > 100,
        "our model documents its shapes ({} strings)",
        ours.len()
    );
    let copied: Vec<String> = ours
        .iter()
        .flat_map(|doc| {
            words(doc)
                .windows(RUN)
                .map(|w| w.join(" "))
                .collect::<Vec<_>>()
        })
        .filter(|run| theirs.contains(run))
        .collect();
    assert!(
        copied.is_empty(),
        "runs of {RUN} words copied from the official documentation: {copied:?}"
    );
}
