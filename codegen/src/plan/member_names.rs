//! The Rust field names of one structure's members, checked against every other name in the
//! structure's scope. Each member gives its builder two methods, `field` and `set_field`,
//! beside the builder's own `build` and the structure's `builder`; a member named after one
//! of those, or after another member's setter (`set_x` beside `x`), would give two methods one
//! name. Such a member's field gets a trailing `_` (`build_`, `set_x_`), deterministically:
//! plain names are kept first, then `set_*` names, then reserved ones, each in model order.

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

/// The field name of each member (by position in `wire_names`), and for each pair of
/// members whose fields would be one name after case conversion, their wire names.
pub(super) fn field_names(wire_names: &[&str]) -> (Vec<String>, Vec<(String, String)>) {
    let natural: Vec<String> = wire_names.iter().map(|w| names::field_name(w)).collect();
    let mut same = Vec::new();
    let mut seen: std::collections::BTreeMap<&str, &str> = Default::default();
    for (field, wire) in natural.iter().zip(wire_names) {
        if let Some(other) = seen.insert(field, wire) {
            same.push((other.to_owned(), (*wire).to_owned()));
        }
    }
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
    (result, same)
}

/// A field name without its raw-identifier prefix, as its methods spell it.
fn bare(field: &str) -> &str {
    field.strip_prefix("r#").unwrap_or(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(wire: &[&str]) -> Vec<String> {
        field_names(wire).0
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
    fn members_that_convert_to_one_name_are_reported() {
        let (_, same) = field_names(&["FooBar", "foo_bar"]);
        assert_eq!(same, [("FooBar".to_owned(), "foo_bar".to_owned())]);
    }
}
