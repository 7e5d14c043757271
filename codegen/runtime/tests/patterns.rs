//! The automaton walker and `Pattern`, on automata built by hand here (the generator's
//! compiler is tested in the codegen crate). Each automaton is checked both ways: walked
//! state set by state set (`Automaton::is_match`) and through the ASCII DFA that
//! `Pattern::is_match` builds on first use.
#![cfg(feature = "patterns")]

use codegen_runtime::validation::{Automaton, Pattern, ViolationKind};

/// `^a[0-9]+$`: state 0 takes `a`, state 1 takes a digit and may repeat.
static A_DIGITS: Automaton = Automaton {
    classes: &[&[('a', 'a')], &[('0', '9')]],
    ascii: &[1 << b'a', 0x3ff << b'0'],
    state_class: &[0, 1],
    first: 0b01,
    follow: &[0b10, 0b10],
    accept_anywhere: 0,
    accept_at_end: 0b10,
    empty_matches: false,
    always_matches: false,
};

/// `^ab` (not anchored at the end): reaching state 1 is a match whatever follows.
static AB_PREFIX: Automaton = Automaton {
    classes: &[&[('a', 'a')], &[('b', 'b')]],
    ascii: &[1 << b'a', 1 << b'b'],
    state_class: &[0, 1],
    first: 0b01,
    follow: &[0b10, 0],
    accept_anywhere: 0b10,
    accept_at_end: 0,
    empty_matches: false,
    always_matches: false,
};

/// `^[é-ë]*$`: one state over a non-ASCII range, which has no ASCII members.
static ACCENTED: Automaton = Automaton {
    classes: &[&[('é', 'ë')]],
    ascii: &[0],
    state_class: &[0],
    first: 0b1,
    follow: &[0b1],
    accept_anywhere: 0,
    accept_at_end: 0b1,
    empty_matches: true,
    always_matches: false,
};

/// Both ways of matching agree, and give `expected`.
fn matches(automaton: &'static Automaton, value: &str, expected: bool) {
    let pattern = Pattern::automaton("(test)", automaton);
    assert_eq!(automaton.is_match(value), expected, "walk over {value:?}");
    assert_eq!(pattern.is_match(value), expected, "DFA over {value:?}");
}

#[test]
fn an_anchored_automaton_matches_whole_values_only() {
    for (value, expected) in [
        ("a1", true),
        ("a123", true),
        ("a", false),
        ("", false),
        ("xa1", false),
        ("a1x", false),
        ("b1", false),
        ("a1é", false),
    ] {
        matches(&A_DIGITS, value, expected);
    }
}

#[test]
fn reaching_an_accept_anywhere_state_matches_at_once() {
    for (value, expected) in [
        ("ab", true),
        ("abzzz", true),
        ("abé", true),
        ("a", false),
        ("ba", false),
    ] {
        matches(&AB_PREFIX, value, expected);
    }
}

#[test]
fn non_ascii_values_walk_the_character_ranges() {
    for (value, expected) in [
        ("", true),
        ("é", true),
        ("éêë", true),
        ("e", false),
        ("éè", false),
    ] {
        matches(&ACCENTED, value, expected);
    }
}

#[test]
fn the_flags_decide_before_any_state() {
    static ALWAYS: Automaton = Automaton {
        classes: &[],
        ascii: &[],
        state_class: &[],
        first: 0,
        follow: &[],
        accept_anywhere: 0,
        accept_at_end: 0,
        empty_matches: true,
        always_matches: true,
    };
    for value in ["", "anything", "ü"] {
        matches(&ALWAYS, value, true);
    }
}

#[test]
fn a_failed_check_reports_the_pattern_and_hides_sensitive_values() {
    let pattern = Pattern::automaton("^a[0-9]+$", &A_DIGITS);
    let mut violations = Vec::new();
    pattern.check(&|| "Name".to_owned(), "a1", false, &mut violations);
    assert!(violations.is_empty());
    pattern.check(&|| "Name".to_owned(), "b2", false, &mut violations);
    pattern.check(&|| "Secret".to_owned(), "b2", true, &mut violations);
    let texts: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "Name: \"b2\" does not match the pattern ^a[0-9]+$",
            "Secret: the (sensitive) value does not match the pattern ^a[0-9]+$",
        ]
    );
    assert_eq!(
        violations.first().map(|v| v.kind().clone()),
        Some(ViolationKind::Pattern {
            pattern: "^a[0-9]+$",
            value: Some("b2".to_owned())
        })
    );
}

#[cfg(feature = "regex-patterns")]
#[test]
fn a_regex_pattern_matches_anywhere_unless_anchored() {
    let unanchored = Pattern::regex("[0-9]{2}");
    assert!(unanchored.is_match("ab12cd"));
    assert!(!unanchored.is_match("a1b2"));
    let anchored = Pattern::regex("^(?:[a-z]+)$");
    assert!(anchored.is_match("abc") && !anchored.is_match("abc1"));
    // A pattern regress cannot compile matches nothing.
    assert!(!Pattern::regex("(").is_match("("));
}
