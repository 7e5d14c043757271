//! `pattern` constraints. Patterns are ECMA-262 regular expressions, as Smithy specifies,
//! not anchored unless the pattern is. The generator compiles each into a small automaton
//! (see `automaton.rs`); a pattern outside the part of ECMA-262 that compiles that way is
//! checked with the `regress` crate instead.

use super::automaton::{AsciiDfa, Automaton};
use super::violations::{Violation, ViolationKind};
#[cfg(feature = "regex-patterns")]
use std::sync::OnceLock;

/// A `pattern`.
pub struct Pattern {
    source: &'static str,
    matcher: Matcher,
}

enum Matcher {
    /// Compiled by the generator, and for ASCII values determinized by it when the table
    /// fits in bytes.
    Automaton(&'static Automaton, Option<&'static AsciiDfa>),
    #[cfg(feature = "regex-patterns")]
    /// Checked with regress, compiled on first use.
    Regex(OnceLock<Option<regress::Regex>>),
}

impl Pattern {
    /// A pattern the generator compiled into an automaton, and determinized over ASCII
    /// when the table fits.
    pub const fn automaton(
        source: &'static str,
        automaton: &'static Automaton,
        ascii: Option<&'static AsciiDfa>,
    ) -> Self {
        Pattern {
            source,
            matcher: Matcher::Automaton(automaton, ascii),
        }
    }

    #[cfg(feature = "regex-patterns")]
    /// A pattern the generator could not compile, checked with regress.
    pub const fn regex(source: &'static str) -> Self {
        Pattern {
            source,
            matcher: Matcher::Regex(OnceLock::new()),
        }
    }

    /// Whether the pattern matches anywhere in `value`.
    pub fn is_match(&self, value: &str) -> bool {
        match &self.matcher {
            Matcher::Automaton(automaton, ascii) => ascii
                .and_then(|dfa| dfa.is_match(value))
                .unwrap_or_else(|| automaton.is_match(value)),
            #[cfg(feature = "regex-patterns")]
            Matcher::Regex(compiled) => {
                // The generator checked that every pattern compiles; one that did not
                // would match nothing.
                compiled
                    .get_or_init(|| compile_regex(self.source).ok())
                    .as_ref()
                    .is_some_and(|regex| regex.find(value).is_some())
            }
        }
    }

    /// Checks `value`.
    pub fn check(
        &self,
        path: &dyn Fn() -> String,
        value: &str,
        sensitive: bool,
        violations: &mut Vec<Violation>,
    ) {
        if !self.is_match(value) {
            let value = if sensitive {
                None
            } else {
                Some(value.to_owned())
            };
            violations.push(Violation::new(
                path(),
                ViolationKind::Pattern {
                    pattern: self.source,
                    value,
                },
            ));
        }
    }
}

#[cfg(feature = "regex-patterns")]
/// Compiles a pattern with regress, as an ECMA-262 `RegExp`, reading the Java forms of AWS
/// models the way Smithy's reference tools (Java) and the services read them:
/// - a leading inline-flags group of `i`, `m` and `s` (`(?s)`, `(?is)`), at the start or
///   right after a leading `^`, is those flags on the `RegExp`;
/// - `\A`, `\z`, `\Z` and the ASCII classes such as `\p{Print}` mean what Java means
///   (`java_escapes`);
/// - other `\p{...}` and `\P{...}` are Unicode property classes (`\p{L}`: any letter), which
///   ECMA-262 reads so only in Unicode mode, so a pattern with one compiles in that mode.
pub fn compile_regex(source: &str) -> Result<regress::Regex, regress::Error> {
    let (pattern, flags) = match leading_flags(source) {
        Some((pattern, flags)) => (pattern, flags.to_owned()),
        None => (source.to_owned(), String::new()),
    };
    let pattern = java_escapes(&pattern);
    // `\p{L}` is a Unicode property class only in Unicode mode (`u`); without it, it is the
    // letters `p`, `{`, `L`, `}`, which no model means: a pattern with one is compiled in
    // Unicode mode, or not at all.
    if pattern.contains("\\p{") || pattern.contains("\\P{") {
        return regress::Regex::with_flags(&pattern, format!("{flags}u").as_str());
    }
    regress::Regex::with_flags(&pattern, flags.as_str())
}

#[cfg(feature = "regex-patterns")]
/// Java's escapes that ECMA-262 reads as something else, outside classes `\A`, `\z` and
/// `\Z` (the input's start and end), and its ASCII classes `\p{Print}`, `\p{Alnum}`, ...
/// (Storage Gateway's `^\Asnap-...\z$`, Application Auto Scaling's `^\p{Print}+$`),
/// written as ECMA-262 reads them. `\P{...}` of an ASCII class inside a class has no such
/// form and is left as it is (Unicode mode then refuses it).
fn java_escapes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        match c {
            '\\' => {
                let Some(next) = rest.chars().next() else {
                    out.push(c);
                    break;
                };
                let name = rest
                    .strip_prefix(['p', 'P'])
                    .and_then(|after| after.strip_prefix('{'))
                    .and_then(|after| after.split_once('}'))
                    .and_then(|(name, after)| Some((ascii_class(name)?, after)));
                match (next, name, in_class) {
                    ('A', _, false) => out.push('^'),
                    ('z', _, false) => out.push('$'),
                    ('Z', _, false) => out.push_str("(?=\\n?$)"),
                    ('p', Some((ranges, _)), true) => out.push_str(ranges),
                    ('p', Some((ranges, _)), false) => out.push_str(&format!("[{ranges}]")),
                    ('P', Some((ranges, _)), false) => out.push_str(&format!("[^{ranges}]")),
                    _ => {
                        out.push(c);
                        out.push(next);
                        rest = rest.get(next.len_utf8()..).unwrap_or_default();
                        continue;
                    }
                }
                rest = match (next, name) {
                    ('p' | 'P', Some((_, after))) if !(next == 'P' && in_class) => after,
                    _ => rest.get(next.len_utf8()..).unwrap_or_default(),
                };
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(feature = "regex-patterns")]
/// Java's ASCII classes (`java.util.regex.Pattern`, "POSIX character classes (US-ASCII
/// only)"), as the contents of an ECMA-262 class.
fn ascii_class(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => "\\x00-\\x7F",
        "Alpha" => "a-zA-Z",
        "Digit" => "0-9",
        "Alnum" => "a-zA-Z0-9",
        "Punct" => "\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E",
        "Graph" => "\\x21-\\x7E",
        "Print" => "\\x20-\\x7E",
        "Blank" => " \\t",
        "Cntrl" => "\\x00-\\x1F\\x7F",
        "XDigit" => "0-9a-fA-F",
        "Space" => " \\t\\n\\x0B\\f\\r",
        _ => return None,
    })
}

#[cfg(feature = "regex-patterns")]
/// The pattern without its leading inline-flags group, and the flags; `None` when it has
/// none (see [`compile_regex`]).
fn leading_flags(source: &str) -> Option<(String, &str)> {
    let (caret, rest) = match source.strip_prefix('^') {
        Some(rest) => ("^", rest),
        None => ("", source),
    };
    let rest = rest.strip_prefix("(?")?;
    let (flags, after) = rest.split_once(')')?;
    let known = !flags.is_empty() && flags.chars().all(|c| matches!(c, 'i' | 'm' | 's'));
    known.then(|| (format!("{caret}{after}"), flags))
}
