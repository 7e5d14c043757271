//! The automaton walker, the ASCII table walker and `Pattern`, on tables built by hand here
//! (the generator's compiler and determinizer are tested in the codegen crate). Each pattern
//! is checked every way: walked state set by state set (`Automaton::is_match`), and through
//! `Pattern` with and without its ASCII table.
#![cfg(feature = "patterns")]

use codegen_runtime::validation::{AsciiDfa, Automaton, Pattern, ViolationKind};

/// The column of each ASCII byte: `bytes[i]` gets column `i + 1`, every other byte 0.
const fn columns(bytes: &[&[u8]]) -> [u8; 128] {
    let mut column = [0u8; 128];
    let mut i = 0;
    while i < bytes.len() {
        let mut j = 0;
        while j < bytes[i].len() {
            column[bytes[i][j] as usize] = i as u8 + 1;
            j += 1;
        }
        i += 1;
    }
    column
}

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

/// `^a[0-9]+$` over ASCII: columns other, digit, `a` and the end of the value; row 3 has
/// read `a`, row 4 a digit.
static A_DIGITS_DFA: AsciiDfa = AsciiDfa {
    column: columns(&[b"0123456789", b"a"]),
    columns: 4,
    #[rustfmt::skip]
    table: &[
        1, 1, 3, 1, // start
        1, 1, 1, 1, // dead
        2, 2, 2, 2, // matched
        1, 4, 1, 1, // after `a`
        1, 4, 1, 2, // after a digit
    ],
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

/// `^ab` over ASCII: columns other, `a`, `b` and the end; row 3 has read `a`, and `b`
/// then matches.
static AB_PREFIX_DFA: AsciiDfa = AsciiDfa {
    column: columns(&[b"a", b"b"]),
    columns: 4,
    table: &[1, 3, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 2, 1],
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

/// `^[é-ë]*$` over ASCII: no byte can match, the empty value does.
static ACCENTED_DFA: AsciiDfa = AsciiDfa {
    column: [0; 128],
    columns: 2,
    table: &[1, 2, 1, 1, 2, 2],
};

/// Every way of matching agrees, and gives `expected`.
fn matches(automaton: &'static Automaton, dfa: &'static AsciiDfa, value: &str, expected: bool) {
    assert_eq!(automaton.is_match(value), expected, "walk over {value:?}");
    let without_table = Pattern::automaton("(test)", automaton, None);
    assert_eq!(
        without_table.is_match(value),
        expected,
        "walk over {value:?}"
    );
    let with_table = Pattern::automaton("(test)", automaton, Some(dfa));
    assert_eq!(with_table.is_match(value), expected, "table over {value:?}");
    if value.is_ascii() {
        assert_eq!(dfa.is_match(value), Some(expected), "table over {value:?}");
    } else {
        // The table decides from the ASCII bytes before the first other one when it can,
        // and leaves the value to the walk otherwise; it is never wrong.
        assert_ne!(dfa.is_match(value), Some(!expected), "table over {value:?}");
    }
}

#[test]
fn an_anchored_automaton_matches_whole_values_only() {
    for (value, expected) in [
        ("a1", true),
        ("a123", true),
        ("a1234567890", true),
        ("a12345x7890", false),
        ("a12345é", false),
        ("a", false),
        ("", false),
        ("xa1", false),
        ("a1x", false),
        ("b1", false),
        ("a1é", false),
    ] {
        matches(&A_DIGITS, &A_DIGITS_DFA, value, expected);
    }
}

#[test]
fn reaching_an_accept_anywhere_state_matches_at_once() {
    for (value, expected) in [
        ("ab", true),
        ("abzzz", true),
        ("abé", true),
        ("aé", false),
        ("a", false),
        ("ba", false),
    ] {
        matches(&AB_PREFIX, &AB_PREFIX_DFA, value, expected);
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
        matches(&ACCENTED, &ACCENTED_DFA, value, expected);
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
    // The generator sends every byte from the start to the matched row.
    static ALWAYS_DFA: AsciiDfa = AsciiDfa {
        column: [0; 128],
        columns: 2,
        table: &[2, 2, 1, 1, 2, 2],
    };
    for value in ["", "anything", "ü"] {
        matches(&ALWAYS, &ALWAYS_DFA, value, true);
    }
}

#[test]
fn a_failed_check_reports_the_pattern_and_hides_sensitive_values() {
    let pattern = Pattern::automaton("^a[0-9]+$", &A_DIGITS, Some(&A_DIGITS_DFA));
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

/// Whether the pattern, compiled as the generated crate compiles it, finds a match in `value`.
#[cfg(feature = "regex-patterns")]
fn regex_finds(pattern: &str, value: &str) -> bool {
    codegen_runtime::validation::compile_regex(pattern)
        .unwrap_or_else(|e| panic!("{pattern:?} compiles: {e}"))
        .find(value)
        .is_some()
}

/// A leading inline-flags group, the one Java form of AWS models that ECMA-262 lacks
/// (CloudTrail's `QueryStatement` is `^(?s)`), becomes the `RegExp`'s flags; anywhere else,
/// or with another flag, the pattern is refused as ECMA-262 refuses it.
#[cfg(feature = "regex-patterns")]
#[test]
fn a_leading_inline_flags_group_is_read_as_flags() {
    assert!(regex_finds("^(?s)", "any\ntext"));
    assert!(regex_finds("^(?s)", ""));
    assert!(regex_finds("^(?s)a.b$", "a\nb"));
    assert!(
        !regex_finds("^a.b$", "a\nb"),
        "without the flag `.` stops at a line break"
    );
    assert!(regex_finds("(?i)^abc$", "ABC"));
    assert!(!regex_finds("^abc$", "ABC"));
    assert!(regex_finds("^(?is)a.c$", "A\nC"));
    assert!(regex_finds("^(?m)b$", "a\nb\nc"));
    assert!(!regex_finds("^b$", "a\nb\nc"));
    for refused in ["^a(?s)b", "^(?x)a", "^(?)a", "(?s"] {
        assert!(
            codegen_runtime::validation::compile_regex(refused).is_err(),
            "{refused:?} is refused"
        );
    }
    // A Pattern built on the regex engine reads the source the same way, and reports it as
    // written.
    let pattern = Pattern::regex("^(?s)a.b$");
    assert!(pattern.is_match("a\nb"));
    let mut violations = Vec::new();
    pattern.check(&|| "Query".to_owned(), "ab", false, &mut violations);
    assert_eq!(
        violations.iter().map(|v| v.kind()).collect::<Vec<_>>(),
        [&ViolationKind::Pattern {
            pattern: "^(?s)a.b$",
            value: Some("ab".to_owned()),
        }]
    );
}

/// `\p{...}` in AWS models means a Unicode property class (Cognito's
/// `^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$`, ECS's tag pattern), as Java and the services read it;
/// ECMA-262 reads it so only in Unicode mode, which such a pattern is compiled in.
#[cfg(feature = "regex-patterns")]
#[test]
fn unicode_property_classes_are_classes() {
    let cognito = r"^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$";
    for value in ["email", "phone_number", "José", "user@example.com", "名前"] {
        assert!(regex_finds(cognito, value), "{value:?}");
    }
    for value in ["two words", "", "tab\there"] {
        assert!(!regex_finds(cognito, value), "{value:?}");
    }
    let ecs_tag = r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$";
    for value in ["team", "dev", "a b", "x-y@z", ""] {
        assert!(regex_finds(ecs_tag, value), "{value:?}");
    }
    assert!(!regex_finds(ecs_tag, "semi;colon"));
    assert!(regex_finds(r"^\P{L}+$", "123 !"));
    assert!(!regex_finds(r"^\P{L}+$", "abc"));
    // Unicode mode refuses `\_`; read without it, `\p{L}` would be the letters: refused.
    assert!(codegen_runtime::validation::compile_regex(r"^\_\p{L}$").is_err());
}

/// Java's `\A`, `\z`, `\Z` and ASCII classes (`\p{Print}`), which ECMA-262 reads as letters,
/// mean what Java means (Storage Gateway, Application Auto Scaling).
#[cfg(feature = "regex-patterns")]
#[test]
fn java_anchors_and_ascii_classes_mean_what_java_means() {
    let snapshot = r"^\Asnap-([0-9A-Fa-f]{8}|[0-9A-Fa-f]{17})\z$";
    assert!(regex_finds(snapshot, "snap-f47b7b94"));
    assert!(!regex_finds(snapshot, "Asnap-f47b7b94z"));
    assert!(regex_finds(r"\Aab", "abc") && !regex_finds(r"\Aab", "cab"));
    assert!(regex_finds(r"ab\Z", "cab\n") && !regex_finds(r"ab\Z", "abc"));
    let print = r"^\p{Print}+$";
    assert!(regex_finds(print, "cpu75-target-tracking-scaling-policy"));
    assert!(regex_finds(print, "a b~"));
    assert!(!regex_finds(print, "tab\there") && !regex_finds(print, "José"));
    assert!(regex_finds(r"^[\p{Alnum}_-]+$", "a_1-B") && !regex_finds(r"^[\p{Alnum}_-]+$", "a b"));
    assert!(regex_finds(r"^\P{Digit}+$", "abc") && !regex_finds(r"^\P{Digit}+$", "a1"));
    assert!(regex_finds(r"^\p{Punct}$", "!") && !regex_finds(r"^\p{Punct}$", "a"));
    // An escaped bracket opens no class.
    assert!(regex_finds(r"^[\[A]+$", "[A"));
}
