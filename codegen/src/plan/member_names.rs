//! The Rust field names of one structure's members, checked against every other name in the
//! structure's scope. Each member gives its builder two methods, `field` and `set_field`,
//! beside the builder's own `build` and the structure's `builder`; a member named after one
//! of those, or after another member's setter (`set_x` beside `x`), would give two methods one
//! name. Such a member's field gets a trailing `_` (`build_`, `set_x_`), deterministically:
//! plain names are kept first, then `set_*` names, then reserved ones, each in model order.
//!
//! Members whose names differ only in case or separators (`alphaBravo`, `alpha_bravo`) would
//! share a field: the first in model order keeps it, each later one takes the first free
//! numeric suffix (`alpha_bravo_2`), and its documentation says which model name it is
//! ([`renamed_note`]). The same rule names enum and union variants (`AlphaBravo2`).

use super::names;
use std::collections::BTreeSet;

/// Names no member method may take: the builder's and the structure's own methods, and
/// methods of the traits they implement that generated and user code call on them.
pub const RESERVED_METHODS: &[&str] = &[
    "build",
    "builder",
    "default",
    "new",
    "validate",
    "clone",
    "clone_from",
    "fmt",
    "eq",
    "ne",
    "hash",
    "into",
    "from",
    "try_from",
    "try_into",
    "to_owned",
    "to_string",
    "type_id",
];

/// A Rust name given to a member, and, when the member had to give up the name its model name
/// converts to, the position of the member that kept it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Named {
    pub name: String,
    pub yielded_to: Option<usize>,
}

/// Distinct names for `natural` (each member's converted name, in model order): the first of
/// each name keeps it, a later one takes `numbered(name, n)` for the first `n` from 2 that no
/// member has or converts to.
pub(super) fn distinct(natural: &[String], numbered: fn(&str, usize) -> String) -> Vec<Named> {
    let taken: BTreeSet<&str> = natural.iter().map(String::as_str).collect();
    let mut given: BTreeSet<String> = BTreeSet::new();
    let mut first: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut named = Vec::with_capacity(natural.len());
    for (i, name) in natural.iter().enumerate() {
        match first.get(name.as_str()) {
            None => {
                first.insert(name, i);
                given.insert(name.clone());
                named.push(Named {
                    name: name.clone(),
                    yielded_to: None,
                });
            }
            Some(&keeper) => {
                let fresh = (2..)
                    .map(|n| numbered(name, n))
                    .find(|fresh| !taken.contains(fresh.as_str()) && !given.contains(fresh))
                    .unwrap_or_default();
                given.insert(fresh.clone());
                named.push(Named {
                    name: fresh,
                    yielded_to: Some(keeper),
                });
            }
        }
    }
    named
}

/// The documentation line of a member renamed by [`distinct`]: which model name it is, and
/// which member kept the Rust name it would have had.
pub(super) fn renamed_note(rust: &str, wire: &str, natural: &str, keeper: &str) -> String {
    use super::docs::code_span;
    format!(
        "Named {} in Rust: the model's member {} would be {}, which the member {} has.",
        code_span(rust.trim_start_matches("r#")),
        code_span(wire),
        code_span(natural.trim_start_matches("r#")),
        code_span(keeper),
    )
}

/// Documentation with a renamed member's note as its last paragraph.
pub(super) fn with_note(docs: Option<String>, note: Option<String>) -> Option<String> {
    match (docs, note) {
        (Some(docs), Some(note)) => Some(format!("{docs}\n\n{note}")),
        (docs, note) => docs.or(note),
    }
}

/// The field name of each member (by position in `wire_names`), each with the member that
/// kept its converted name when it had to give it up (see [`distinct`]).
pub(super) fn field_names(wire_names: &[&str]) -> Vec<Named> {
    let converted: Vec<String> = wire_names.iter().map(|w| names::field_name(w)).collect();
    let mut named = distinct(&converted, |name, n| format!("{}_{n}", bare(name)));
    let natural: Vec<String> = named.iter().map(|named| named.name.clone()).collect();
    let mut taken: BTreeSet<String> = RESERVED_METHODS.iter().map(|m| (*m).to_owned()).collect();
    let mut result = natural.clone();
    // Plain names first, then `set_*` names, then reserved ones, each group in model order.
    let group = |i: &usize| {
        let name = bare(&natural[*i]);
        if RESERVED_METHODS.contains(&name) {
            2
        } else {
            usize::from(name.starts_with("set_"))
        }
    };
    let mut order: Vec<usize> = (0..natural.len()).collect();
    order.sort_by_key(group);
    for i in order {
        let mut field = natural[i].clone();
        while taken.contains(bare(&field)) || taken.contains(&format!("set_{}", bare(&field))) {
            field = format!("{}_", bare(&field));
        }
        taken.insert(bare(&field).to_owned());
        taken.insert(format!("set_{}", bare(&field)));
        result[i] = field;
    }
    for (named, field) in named.iter_mut().zip(result) {
        named.name = field;
    }
    named
}

/// A field name without its raw-identifier prefix, as its methods spell it.
fn bare(field: &str) -> &str {
    field.strip_prefix("r#").unwrap_or(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(wire: &[&str]) -> Vec<String> {
        field_names(wire)
            .into_iter()
            .map(|named| named.name)
            .collect()
    }

    #[test]
    fn ordinary_members_keep_their_names() {
        assert_eq!(
            fields(&["KeyId", "type", "Name"]),
            ["key_id", "r#type", "name"]
        );
    }

    #[test]
    fn builder_methods_and_setters_are_never_shared() {
        assert_eq!(
            fields(&["build", "Builder", "default"]),
            ["build_", "builder_", "default_"]
        );
        assert_eq!(fields(&["setX", "x"]), ["set_x_", "x"]);
        assert_eq!(
            fields(&["x", "set_x", "set_set_x"]),
            ["x", "set_x_", "set_set_x"]
        );
        // A renamed member's setter is checked too: `build_` sets with `set_build_`.
        assert_eq!(fields(&["build", "setBuild"]), ["build_", "set_build"]);
    }

    #[test]
    fn members_that_convert_to_one_name_are_numbered_in_model_order() {
        assert_eq!(
            field_names(&["FooBar", "foo_bar", "x"]),
            [
                Named {
                    name: "foo_bar".to_owned(),
                    yielded_to: None
                },
                Named {
                    name: "foo_bar_2".to_owned(),
                    yielded_to: Some(0)
                },
                Named {
                    name: "x".to_owned(),
                    yielded_to: None
                },
            ]
        );
        // A number another member already converts to is skipped, never shared.
        assert_eq!(
            fields(&["fooBar", "foo_bar_2", "FOO_BAR", "foo_bar"]),
            ["foo_bar", "foo_bar_2", "foo_bar_3", "foo_bar_4"]
        );
        // Keywords: the raw identifier keeps the name, the number needs none.
        assert_eq!(fields(&["type", "Type"]), ["r#type", "type_2"]);
        // Collisions, then setters: `value_2` has the setter `set_value_2`.
        assert_eq!(
            fields(&["value", "Value", "set_value"]),
            ["value", "value_2", "set_value_"]
        );
    }

    #[test]
    fn a_renamed_member_says_which_model_name_it_is() {
        assert_eq!(
            renamed_note("alpha_bravo_2", "alpha_bravo", "alpha_bravo", "alphaBravo"),
            "Named `alpha_bravo_2` in Rust: the model's member `alpha_bravo` would be \
             `alpha_bravo`, which the member `alphaBravo` has."
        );
    }
}
