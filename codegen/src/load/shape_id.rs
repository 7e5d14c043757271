//! Smithy shape ids: `namespace#Name` and `namespace#Name$member`.

use std::fmt;

/// The prelude's namespace.
const PRELUDE: &str = "smithy.api";

/// An absolute shape id, parsed into its parts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId {
    namespace: String,
    name: String,
    member: Option<String>,
}

impl ShapeId {
    /// Parses an absolute shape id (`com.amazonaws.kms#TrentService`, optionally `$member`).
    pub fn parse(text: &str) -> Result<ShapeId, String> {
        let (namespace, rest) = text
            .split_once('#')
            .ok_or_else(|| format!("shape id `{text}` has no `#` between namespace and name"))?;
        let (name, member) = match rest.split_once('$') {
            Some((name, member)) => (name, Some(member)),
            None => (rest, None),
        };
        if namespace.is_empty() || !namespace.split('.').all(is_identifier) {
            return Err(format!(
                "shape id `{text}` has an invalid namespace `{namespace}`"
            ));
        }
        if !is_identifier(name) {
            return Err(format!("shape id `{text}` has an invalid name `{name}`"));
        }
        if let Some(member) = member {
            if !is_identifier(member) {
                return Err(format!(
                    "shape id `{text}` has an invalid member name `{member}`"
                ));
            }
        }
        Ok(ShapeId {
            namespace: namespace.to_owned(),
            name: name.to_owned(),
            member: member.map(str::to_owned),
        })
    }

    /// The namespace (`com.amazonaws.kms`).
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// The shape name (`TrentService`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The member name, for member ids.
    pub fn member(&self) -> Option<&str> {
        self.member.as_deref()
    }

    /// The id of a member of this shape.
    pub fn with_member(&self, member: &str) -> ShapeId {
        ShapeId {
            member: Some(member.to_owned()),
            ..self.clone()
        }
    }

    /// The prelude's unit shape, `smithy.api#Unit`: the input or output of an operation that
    /// has none, and the target of a union member without a value.
    pub fn unit() -> ShapeId {
        ShapeId {
            namespace: PRELUDE.to_owned(),
            name: "Unit".to_owned(),
            member: None,
        }
    }

    /// Whether this is `smithy.api#Unit`.
    pub fn is_unit(&self) -> bool {
        self.is_prelude() && self.name == "Unit" && self.member.is_none()
    }

    /// Whether the shape is in the prelude (`smithy.api`).
    pub fn is_prelude(&self) -> bool {
        self.namespace == PRELUDE
    }

    /// The shape this id names, without its member part.
    pub fn root(&self) -> ShapeId {
        ShapeId {
            member: None,
            ..self.clone()
        }
    }
}

/// A Smithy identifier: a letter or `_` first, then letters, digits and `_`
/// (<https://smithy.io/2.0/spec/idl.html#shape-ids>).
pub(super) fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_ascii_alphabetic() || first == '_' => {}
        _ => return false,
    }
    text != "_" && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.namespace, self.name)?;
        if let Some(member) = &self.member {
            write!(f, "${member}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::ShapeId;

    #[test]
    fn parses_parts() {
        let id = ShapeId::parse("com.amazonaws.kms#XksProxyConfigurationType$UriPath").unwrap();
        assert_eq!(id.namespace(), "com.amazonaws.kms");
        assert_eq!(id.name(), "XksProxyConfigurationType");
        assert_eq!(id.member(), Some("UriPath"));
        assert_eq!(
            id.to_string(),
            "com.amazonaws.kms#XksProxyConfigurationType$UriPath"
        );
        assert_eq!(
            id.root().to_string(),
            "com.amazonaws.kms#XksProxyConfigurationType"
        );
    }

    #[test]
    fn rejects_bad_syntax() {
        for bad in [
            "NoHash", "#Name", "ns#", "ns#1abc", "ns..x#A", "ns#A$", "ns#A$b-c", "ns#_",
        ] {
            assert!(ShapeId::parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
