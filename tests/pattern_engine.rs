//! The pattern automaton (`codegen::pattern`) against the regress ECMAScript engine:
//! for every pattern it accepts, both must agree on whether random and hand-picked inputs
//! match. The patterns are ours, tricky ones, and every pattern of the three real models in
//! `../shared/models` when present.

use codegen::pattern::compile;
use codegen::pattern_dfa::determinize;
use proptest::prelude::*;
use workspace_tests::{generated_automaton, generated_pattern, shared_dir};

/// Patterns that exercise each supported construct.
const PATTERNS: &[&str] = &[
    "^[A-Z2-7]+$",
    "^[0-9]{12}$",
    r"^[\u0020-\u00FF]*$",
    r"^[a-zA-Z0-9\/+=]+$",
    "^cluster-[2-7a-zA-Z]{11,16}$",
    "^https://[a-zA-Z0-9.-]+$",
    r"^(com|eu)\.amazonaws\.vpce\.([a-z]+-){2,3}\d+\.vpce-svc-[0-9a-z]+$",
    r"^(/[a-zA-Z0-9\/_-]+/kms/xks/v\d{1,2})$|^(/kms/xks/v\d{1,2})$",
    "a",
    "a+b",
    "^a|b$",
    "(ab|a)(c|bcd)(d*)",
    r"^\s*\S+\s*$",
    r"\w+@\w+\.\w{2,}",
    "^[^/]*$",
    "^.{2,5}$",
    "x?y??z*?$",
    "^(a|)+b$",
    "^(?:ab){2,}$",
    r"[\d\-]{3}",
    r"^[\w.-]{1,64}$",
    "^$",
    "",
    "é+",
    r"^\x41\u00e9[\t ]$",
];

/// Inputs built from characters the patterns care about.
fn input() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "aAbBcdxyzZ2701-_./:+=@ \t\né☃😀".chars().collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..24)
        .prop_map(|chars| chars.into_iter().collect())
}

fn regress_matches(pattern: &str, value: &str) -> bool {
    regress::Regex::new(pattern)
        .expect("a valid ECMA-262 pattern")
        .find(value)
        .is_some()
}

/// The generated crate's two ways to check a pattern against regress: the automaton walk
/// (used for non-ASCII values) and `Pattern`, which reads the generator's ASCII table first.
fn check(pattern: &str, value: &str) -> Result<(), TestCaseError> {
    let expected = regress_matches(pattern, value);
    prop_assert_eq!(
        generated_automaton(pattern).is_match(value),
        expected,
        "automaton walk, pattern {:?} on {:?}",
        pattern,
        value
    );
    prop_assert_eq!(
        generated_pattern(pattern).is_match(value),
        expected,
        "generated crate, pattern {:?} on {:?}",
        pattern,
        value
    );
    Ok(())
}

/// Whether the generated crate's pattern check accepts `value` (both paths must agree).
fn matches(pattern: &str, value: &str) -> bool {
    let walk = generated_automaton(pattern).is_match(value);
    assert_eq!(
        walk,
        generated_pattern(pattern).is_match(value),
        "{pattern:?} on {value:?}"
    );
    walk
}

#[test]
fn anchored_classes() {
    assert!(matches("^[A-Z2-7]+$", "ABC234"));
    assert!(!matches("^[A-Z2-7]+$", "ABC18"));
    assert!(!matches("^[A-Z2-7]+$", ""));
    assert!(matches("^[0-9]{12}$", "123456789012"));
    assert!(!matches("^[0-9]{12}$", "12345678901"));
    assert!(!matches("^[0-9]{12}$", "1234567890123"));
}

#[test]
fn alternatives_groups_and_counts() {
    let vpce = r"^(com|eu)\.amazonaws\.vpce\.([a-z]+-){2,3}\d+\.vpce-svc-[0-9a-z]+$";
    assert!(matches(vpce, "com.amazonaws.vpce.us-east-1.vpce-svc-0abc"));
    assert!(matches(vpce, "eu.amazonaws.vpce.eu-west-b-2.vpce-svc-1"));
    assert!(!matches(vpce, "com.amazonaws.vpce.us-1.vpce-svc-0abc"));
    let path = r"^(/[a-zA-Z0-9\/_-]+/kms/xks/v\d{1,2})$|^(/kms/xks/v\d{1,2})$";
    assert!(matches(path, "/kms/xks/v1"));
    assert!(matches(path, "/a/b/kms/xks/v12"));
    assert!(!matches(path, "/kms/xks/v123"));
    assert!(!matches(path, "kms/xks/v1"));
}

#[test]
fn unanchored_and_nullable() {
    assert!(matches("b+", "aaabbb"));
    assert!(!matches("b+", "aaa"));
    assert!(matches("x*", "anything"));
    assert!(matches("^a*$", ""));
    assert!(!matches("^a*$", "ab"));
    assert!(matches("c$", "abc"));
    assert!(!matches("c$", "cab"));
    assert!(matches(r"^[\u0020-\u00FF]*$", "héllo"));
    assert!(!matches(r"^[\u0020-\u00FF]*$", "snow ☃"));
    assert!(matches("^.$", "☃"));
    assert!(!matches("^.$", "\n"));
    assert!(matches(r"^[^a-c]\s\w$", "d x"));
    // `{0}` matches nothing at all, which is the empty string.
    assert!(matches("^ab{0}$", "a"));
    assert!(!matches("^ab{0}$", "ab"));
}

#[test]
fn every_pattern_here_has_an_ascii_table() {
    // So that the checks above go through the table for ASCII values, not only the walk.
    for pattern in PATTERNS {
        assert!(
            compile(pattern).is_some_and(|program| determinize(&program).is_some()),
            "{pattern:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_automaton_agrees_with_regress(index in 0..PATTERNS.len(), value in input()) {
        check(PATTERNS[index], &value)?;
    }
}

#[test]
fn hand_picked_inputs_agree() {
    let inputs = [
        "",
        "ABCDEFGHIJKLMNOPQRSTUV2345",
        "123456789012",
        "cluster-234567abcdef",
        "https://xks.example.com",
        "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        "/kms/xks/v1",
        "/prefix/kms/xks/v12",
        "abcd",
        "user@example.com",
        "ab ab",
        "Aé\t",
        "aaab",
        "ababab",
    ];
    for pattern in PATTERNS {
        for value in inputs {
            check(pattern, value).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

#[test]
fn every_pattern_of_the_real_models_agrees_or_falls_back() {
    let Some(shared) = shared_dir() else {
        workspace_tests::skipped(
            "every_pattern_of_the_real_models_agrees_or_falls_back",
            "../shared/models is not present",
        );
        return;
    };
    let mut patterns = std::collections::BTreeSet::new();
    for name in [
        "kms.smithy-rs.json",
        "dynamodb.smithy-rs.json",
        "cloudwatch-logs.smithy-rs.json",
    ] {
        let text = std::fs::read_to_string(shared.join("models").join(name)).expect("model");
        collect_patterns(&serde_json::from_str(&text).expect("JSON"), &mut patterns);
    }
    assert!(patterns.len() > 20, "found {} patterns", patterns.len());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(300));
    let mut compiled = 0;
    for pattern in &patterns {
        if compile(pattern).is_none() {
            continue;
        }
        compiled += 1;
        runner
            .run(&input(), |value| check(pattern, &value))
            .unwrap_or_else(|e| panic!("{pattern}: {e}"));
    }
    // The automaton takes most of them (45 of 53 today); the rest (`\p{L}`, lone
    // surrogates, more than 128 positions) use regress in the generated crate.
    assert!(
        compiled * 5 >= patterns.len() * 4,
        "{compiled} of {} compiled",
        patterns.len()
    );
}

fn collect_patterns(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("smithy.api#pattern", serde_json::Value::String(p)) => {
                        out.insert(p.clone());
                    }
                    _ => collect_patterns(value, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_patterns(v, out)),
        _ => {}
    }
}
