//! Pass 6, constraints: the `length`, `pattern` and `range` of every member whose type can
//! be generated: its target's, overridden by its own, and for lists each item's. A
//! constraint that cannot apply to the type it is on is reported where it is written.

use super::ir::{Constraints, PatternId, PatternRef, RustType};
use super::kind_of;
use super::problems::Problems;
use crate::load::traits::Bound;
use crate::load::{Member, Model, Shape, ShapeId, ShapeKind, Traits};
use std::collections::BTreeMap;

/// A member's constraints, before patterns are numbered.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Limits {
    pub length: Option<(Option<u64>, Option<u64>)>,
    pub pattern: Option<String>,
    /// Why the model's pattern is not checked (it is not ECMA-262), to warn about.
    pub unchecked_pattern: Option<String>,
    pub range: Option<(Option<Bound>, Option<Bound>)>,
}

impl Limits {
    /// Whether there is nothing to check.
    pub fn is_empty(&self) -> bool {
        self.length.is_none() && self.pattern.is_none() && self.range.is_none()
    }

    /// Each limit of `self`, else of `base`.
    fn or(self, base: Limits) -> Limits {
        // A member's own pattern replaces its target's, whether it can be checked or not.
        let own_pattern = self.pattern.is_some() || self.unchecked_pattern.is_some();
        let (pattern, unchecked_pattern) = if own_pattern {
            (self.pattern, self.unchecked_pattern)
        } else {
            (base.pattern, base.unchecked_pattern)
        };
        Limits {
            length: self.length.or(base.length),
            pattern,
            unchecked_pattern,
            range: self.range.or(base.range),
        }
    }

    /// The IR's constraints, the pattern pointing at its entry when validation checks it.
    pub fn resolve(&self, pattern: impl Fn(&str) -> Option<PatternId>) -> Constraints {
        Constraints {
            length: self.length,
            pattern: self.pattern.as_ref().map(|source| PatternRef {
                source: source.clone(),
                id: pattern(source),
            }),
            range: self.range.clone(),
        }
    }
}

/// A member's constraints and, for a list or map member, its items' (a map's values'), one
/// entry per level of nesting: a list of lists of strings has the inner lists' and the
/// strings'.
#[derive(Clone, Debug, Default)]
pub(super) struct MemberLimits {
    pub own: Limits,
    pub items: Vec<Limits>,
}

impl MemberLimits {
    /// Whether the member has something to check of its own.
    pub fn is_empty(&self) -> bool {
        self.own.is_empty() && self.items.iter().all(Limits::is_empty)
    }
}

/// The constraints of every member that has a type (`types`), by member id.
pub(super) fn member_limits(
    model: &Model,
    types: &BTreeMap<ShapeId, RustType>,
    problems: &mut Problems,
) -> BTreeMap<ShapeId, MemberLimits> {
    let mut limits = BTreeMap::new();
    for member_id in types.keys() {
        let Some(member) = model
            .get(member_id)
            .and_then(|shape| shape.members.get(member_id.member()?))
        else {
            continue;
        };
        let own = own_limits(model, member, problems);
        let items = item_limits(model, model.get(&member.target), problems);
        limits.insert(member_id.clone(), MemberLimits { own, items });
    }
    limits
}

/// The member's target's constraints, overridden by the member's own.
fn own_limits(model: &Model, member: &Member, problems: &mut Problems) -> Limits {
    let kind = kind_of(model, &member.target);
    let no_traits = Traits::default();
    let target_traits = model.get(&member.target).map_or(&no_traits, |t| &t.traits);
    let base = match constraints(target_traits, &kind) {
        Ok(base) => warned(base, &member.target, problems),
        Err(why) => {
            problems.report(&member.target, why);
            Limits::default()
        }
    };
    match constraints(&member.traits, &kind) {
        Ok(own) => warned(own, &member.id, problems).or(base),
        Err(why) => {
            problems.report(&member.id, why);
            base
        }
    }
}

/// `limits`, after warning (once per shape) about a pattern they leave unchecked.
fn warned(limits: Limits, at: &ShapeId, problems: &mut Problems) -> Limits {
    if let Some(why) = &limits.unchecked_pattern {
        problems.warn(at, why.clone());
    }
    limits
}

/// The constraints on the items of a list, or the values of a map, at each level of nesting
/// (outermost first, none past the last level that has any): each level's member's target's,
/// overridden by the member's own.
fn item_limits(model: &Model, collection: Option<&Shape>, problems: &mut Problems) -> Vec<Limits> {
    // Deeper than any model nests collections without a structure between them.
    const MAX_LEVELS: usize = 32;
    let mut levels = Vec::new();
    let mut collection = collection;
    while let Some(item) = collection.and_then(collection_item) {
        if levels.len() == MAX_LEVELS {
            break;
        }
        let kind = kind_of(model, &item.target);
        let target = model.get(&item.target);
        let base = target
            .map(|s| constraints(&s.traits, &kind))
            .unwrap_or(Ok(Limits::default()));
        levels.push(match (base, constraints(&item.traits, &kind)) {
            (Ok(base), Ok(own)) => {
                let base = warned(base, &item.target, problems);
                warned(own, &item.id, problems).or(base)
            }
            (_, Err(why)) => {
                problems.report(&item.id, why);
                Limits::default()
            }
            (Err(_), _) => Limits::default(), // reported where the item shape is used
        });
        collection = target;
    }
    while levels.last().is_some_and(Limits::is_empty) {
        levels.pop();
    }
    levels
}

/// Whether a pattern's groups and classes close, escapes aside (a class's first `]`, or the
/// one after its `^`, is a character, as in Java and ECMA-262 alike).
fn balanced(pattern: &str) -> bool {
    let mut depth = 0usize;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // The guard takes the escaped character (or finds none).
            '\\' if chars.next().is_none() => return false,
            '\\' => {}
            '[' => {
                if chars.peek() == Some(&'^') {
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    chars.next();
                }
                loop {
                    match chars.next() {
                        None => return false,
                        Some('\\') if chars.next().is_none() => return false,
                        Some(']') => break,
                        Some(_) => {}
                    }
                }
            }
            '(' => depth += 1,
            ')' => match depth.checked_sub(1) {
                Some(less) => depth = less,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// The member a list's items or a map's values are.
fn collection_item(collection: &Shape) -> Option<&Member> {
    match collection.kind {
        ShapeKind::Map => collection.value.as_ref(),
        ref kind if kind.is_list() => collection.member.as_ref(),
        _ => None,
    }
}

/// The `length`, `pattern` and `range` of a shape or member, checked against `kind`, the type
/// of the shape they constrain. The first problem is returned.
fn constraints(traits: &Traits, kind: &ShapeKind) -> Result<Limits, String> {
    let mut constraints = Limits::default();
    if let Some(length) = &traits.length {
        // An enum is a string (smithy.io: enum is a specialization of string), and AWS
        // models put `length` on enums (Glue, DataSync): its value's length is checked.
        if !matches!(
            kind,
            ShapeKind::String
                | ShapeKind::Enum
                | ShapeKind::List
                | ShapeKind::Set
                | ShapeKind::Map
                | ShapeKind::Blob
                | ShapeKind::Document
        ) {
            return Err(format!("`length` cannot apply to {}", kind.with_article()));
        }
        let length = length.clone()?;
        constraints.length = Some((length.min, length.max));
    }
    if let Some(pattern) = &traits.pattern {
        if !matches!(kind, ShapeKind::String | ShapeKind::Enum) {
            return Err(format!("`pattern` cannot apply to {}", kind.with_article()));
        }
        let pattern = pattern.clone()?;
        // The generated crate checks a pattern as an ECMA-262 `RegExp` (with the Java forms
        // `compile_regex` reads). One it cannot read (Java's inline flags inside a group,
        // `[\p{Z}-_]`: AWS models have such) is left unchecked rather than refuse the model.
        // A pattern that is not even balanced is broken whatever the dialect: refused.
        match codegen_runtime::validation::compile_regex(&pattern) {
            Ok(_) => constraints.pattern = Some(pattern),
            Err(e) if !balanced(&pattern) => {
                return Err(format!(
                    "`pattern` {pattern:?} is not a valid ECMA-262 regular expression: {e}"
                ))
            }
            Err(e) => {
                constraints.unchecked_pattern = Some(format!(
                    "`pattern` {pattern:?} is not an ECMA-262 regular expression ({e}): \
                     the generated crate does not check it"
                ))
            }
        }
    }
    if let Some(range) = &traits.range {
        if !kind.is_number() {
            return Err(format!(
                "`range` applies to numbers, not to {}",
                kind.with_article()
            ));
        }
        let range = range.clone()?;
        constraints.range = Some((range.min, range.max));
    }
    Ok(constraints)
}
