//! The syntax of identifiers and shape ids
//! (<https://smithy.io/2.0/spec/model.html#shape-id>): the lexer reads a shape id as one
//! token, and these functions say whether it is well formed and split it into its parts.

/// A shape id split into its parts; `namespace` is `None` for a relative id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShapeIdParts<'a> {
    pub namespace: Option<&'a str>,
    pub name: &'a str,
    pub member: Option<&'a str>,
}

/// Whether `text` is an identifier: `(1*"_" (ALPHA / DIGIT) / ALPHA) *(ALPHA / DIGIT / "_")`.
pub fn is_identifier(text: &str) -> bool {
    let rest = text.trim_start_matches('_');
    let underscores = text.len() - rest.len();
    let Some(first) = rest.chars().next() else {
        return false;
    };
    let first_ok = if underscores > 0 {
        first.is_ascii_alphanumeric()
    } else {
        first.is_ascii_alphabetic()
    };
    first_ok && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `text` is a namespace: identifiers separated by `.`.
pub fn is_namespace(text: &str) -> bool {
    text.split('.').all(is_identifier)
}

/// Splits a relative or absolute shape id, optionally with a `$member`; `None` when it is not
/// well formed.
pub fn split(text: &str) -> Option<ShapeIdParts<'_>> {
    let (root, member) = match text.split_once('$') {
        Some((root, member)) => (root, Some(member)),
        None => (text, None),
    };
    let (namespace, name) = match root.split_once('#') {
        Some((namespace, name)) => (Some(namespace), name),
        None => (None, root),
    };
    let ok = namespace.is_none_or(is_namespace)
        && is_identifier(name)
        && member.is_none_or(is_identifier);
    ok.then_some(ShapeIdParts {
        namespace,
        name,
        member,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        for good in ["a", "Foo", "_a", "__1", "a_b_9"] {
            assert!(is_identifier(good), "{good}");
        }
        for bad in ["", "_", "__", "1a", "a-b", "a.b", "é"] {
            assert!(!is_identifier(bad), "{bad}");
        }
    }

    #[test]
    fn shape_ids() {
        assert_eq!(
            split("a.b#C$d"),
            Some(ShapeIdParts {
                namespace: Some("a.b"),
                name: "C",
                member: Some("d")
            })
        );
        assert_eq!(split("C").map(|p| p.namespace), Some(None));
        for bad in ["a.b", "#C", "a#", "a#b#c", "C$", "a..b#C", "C$d$e"] {
            assert!(split(bad).is_none(), "{bad}");
        }
    }
}
