//! Names for shapes and members: plain ones, and the hazardous ones the issue lists (Rust
//! keywords, prelude names, the names of our own generated items), drawn so that shape names
//! stay case-insensitively unique in the model and member names within their shape, as Smithy
//! requires.

use super::rng::Rng;
use std::collections::BTreeSet;

/// Plain words that names are made of.
const WORDS: [&str; 16] = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima", "mike", "november", "oscar", "papa",
];

/// Member names that are Rust keywords or prelude names.
pub const HAZARD_MEMBERS: [&str; 18] = [
    "type", "match", "self", "Self", "crate", "super", "async", "await", "dyn", "fn", "impl",
    "mod", "ref", "move", "Result", "Option", "Box", "Some",
];

/// Member names that are also the names of items we generate beside the member's own
/// (`builder()`, `build()`, `validate()`, `Default::default()`, `new()`).
pub const GENERATED_MEMBERS: [&str; 6] =
    ["builder", "build", "validate", "default", "Default", "new"];

/// Shape names that are prelude names, keywords once in snake case, or generated names.
pub const HAZARD_SHAPES: [&str; 13] = [
    "Result", "Option", "Default", "Box", "String", "Vec", "Type", "Error", "Builder", "Unknown",
    "Validate", "Some", "Match",
];

/// Names that are not in upper camel case as written (`Self_`, whose builder was once
/// `Self_Builder`, tripping `non_camel_case_types`).
pub const UNCAMELLED_SHAPES: [&str; 2] = ["Self_", "Snake_Case"];

/// Enum value names the generated enums could clash with.
pub const HAZARD_VALUES: [&str; 5] = ["Unknown", "UNKNOWN", "Self_", "DEFAULT", "TYPE"];

/// Names already taken in one scope, compared case-insensitively.
#[derive(Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// Takes `name` if it is free; whether it was.
    pub fn take(&mut self, name: &str) -> bool {
        self.taken.insert(name.to_ascii_lowercase())
    }

    /// A fresh name: a hazard from `hazards` with probability `hazard_percent`, else a word
    /// in the requested case with a number when needed.
    pub fn fresh(
        &mut self,
        rng: &mut Rng,
        hazards: &[&str],
        hazard_percent: u64,
        case: Case,
    ) -> String {
        if !hazards.is_empty() && rng.chance(hazard_percent) {
            let name = *rng.pick(hazards);
            if self.take(name) {
                return name.to_owned();
            }
        }
        loop {
            let word = *rng.pick(&WORDS);
            let second = *rng.pick(&WORDS);
            let base = match case {
                Case::Upper => format!("{}{}", capitalise(word), capitalise(second)),
                Case::Lower => format!("{word}{}", capitalise(second)),
                Case::Screaming => format!("{}_{}", word.to_uppercase(), second.to_uppercase()),
            };
            let name = if self.take(&base) {
                base
            } else {
                let numbered = format!("{base}{}", rng.below(1000));
                if !self.take(&numbered) {
                    continue;
                }
                numbered
            };
            return name;
        }
    }
}

/// The case a fresh name is written in.
#[derive(Clone, Copy)]
pub enum Case {
    /// `AlphaBravo`: shapes.
    Upper,
    /// `alphaBravo`: members.
    Lower,
    /// `ALPHA_BRAVO`: enum values.
    Screaming,
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
