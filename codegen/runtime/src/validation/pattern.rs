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
/// Compiles a pattern with regress, as an ECMA-262 `RegExp`, reading two Java forms of AWS
/// models the way Smithy's reference tools (Java) and the services read them:
/// - a leading inline-flags group of `i`, `m` and `s` (`(?s)`, `(?is)`), at the start or
///   right after a leading `^`, is those flags on the `RegExp`;
/// - `\p{...}` and `\P{...}` are Unicode property classes (`\p{L}`: any letter), which
///   ECMA-262 reads so only in Unicode mode, so a pattern with one compiles in that mode.
pub fn compile_regex(source: &str) -> Result<regress::Regex, regress::Error> {
    let (pattern, flags) = match leading_flags(source) {
        Some((pattern, flags)) => (pattern, flags.to_owned()),
        None => (source.to_owned(), String::new()),
    };
    // `\p{L}` is a Unicode property class only in Unicode mode (`u`); without it, it is the
    // letters `p`, `{`, `L`, `}`. AWS models mean the class (as Java reads it), so a pattern
    // with one is compiled in Unicode mode, unless Unicode mode refuses it.
    if pattern.contains("\\p{") || pattern.contains("\\P{") {
        if let Ok(regex) = regress::Regex::with_flags(&pattern, format!("{flags}u").as_str()) {
            return Ok(regex);
        }
    }
    regress::Regex::with_flags(&pattern, flags.as_str())
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
