//! The names of the shapes in the Smithy prelude (`smithy.api`).
//!
//! A relative shape id that is neither imported with `use` nor defined in the current
//! namespace resolves to the prelude when the prelude defines a public shape of that name
//! (<https://smithy.io/2.0/spec/idl.html#relative-shape-id-resolution>). Only the names are
//! needed: prelude shapes are never emitted into a loaded model (a JSON AST does not contain
//! them), and traits are not checked against their definitions.

/// The prelude namespace.
pub const NAMESPACE: &str = "smithy.api";

/// Public prelude shapes: the simple shapes, `Unit`, and every prelude trait. Includes traits
/// that only some Smithy releases define (`box`, `enumDefault`, `traitValidators`), so models
/// written for any 2.x release resolve.
const PUBLIC: &[&str] = &[
    // Simple shapes and the unit type.
    "String",
    "Blob",
    "BigInteger",
    "BigDecimal",
    "Timestamp",
    "Document",
    "Boolean",
    "Byte",
    "Short",
    "Integer",
    "Long",
    "Float",
    "Double",
    "PrimitiveBoolean",
    "PrimitiveByte",
    "PrimitiveShort",
    "PrimitiveInteger",
    "PrimitiveLong",
    "PrimitiveFloat",
    "PrimitiveDouble",
    "Unit",
    // Traits.
    "trait",
    "deprecated",
    "box",
    "documentation",
    "externalDocumentation",
    "auth",
    "protocolDefinition",
    "authDefinition",
    "httpBasicAuth",
    "httpDigestAuth",
    "httpBearerAuth",
    "httpApiKeyAuth",
    "default",
    "addedDefault",
    "clientOptional",
    "optionalAuth",
    "examples",
    "error",
    "retryable",
    "readonly",
    "idempotent",
    "idempotencyToken",
    "internal",
    "jsonName",
    "xmlAttribute",
    "xmlFlattened",
    "xmlName",
    "xmlNamespace",
    "noReplace",
    "mediaType",
    "references",
    "resourceIdentifier",
    "private",
    "sensitive",
    "since",
    "streaming",
    "requiresLength",
    "tags",
    "title",
    "enum",
    "enumValue",
    "enumDefault",
    "length",
    "range",
    "pattern",
    "required",
    "property",
    "notProperty",
    "nestedProperties",
    "recommended",
    "sparse",
    "uniqueItems",
    "unstable",
    "paginated",
    "http",
    "httpLabel",
    "httpQuery",
    "httpQueryParams",
    "httpHeader",
    "httpPrefixHeaders",
    "httpPayload",
    "httpError",
    "httpResponseCode",
    "cors",
    "eventPayload",
    "eventHeader",
    "idRef",
    "timestampFormat",
    "endpoint",
    "hostLabel",
    "suppress",
    "httpChecksumRequired",
    "input",
    "output",
    "unitType",
    "mixin",
    "requestCompression",
    "traitValidators",
];

/// Private prelude shapes: they exist, but a relative id never resolves to them (the
/// `private` trait forbids references from other namespaces). Listed so that `apply` to one
/// can say it is a prelude shape.
const PRIVATE: &[&str] = &[
    "TraitDiffRules",
    "TraitDiffRule",
    "TraitChangeType",
    "TraitChangeSeverity",
    "StructurallyExclusive",
    "AuthTraitReference",
    "TraitShapeIdList",
    "TraitShapeId",
    "HttpApiKeyLocations",
    "Example",
    "ExampleError",
    "NonEmptyString",
    "NonEmptyStringList",
    "NonEmptyStringMap",
    "Reference",
    "EnumDefinition",
    "EnumConstantBodyName",
    "LocalMixinTraitList",
    "LocalMixinTrait",
    "RequestCompressionEncodingsList",
];

/// Whether a relative id `name` may resolve to `smithy.api#name`.
pub fn is_public(name: &str) -> bool {
    PUBLIC.contains(&name)
}

/// Whether the absolute id names a prelude shape (public or private, no member part).
pub fn is_prelude_id(id: &str) -> bool {
    let root = id.split('$').next().unwrap_or(id);
    match root.split_once('#') {
        Some((NAMESPACE, name)) => PUBLIC.contains(&name) || PRIVATE.contains(&name),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_shapes_and_traits_are_public() {
        for name in ["String", "PrimitiveLong", "Unit", "required", "httpQuery"] {
            assert!(is_public(name), "{name}");
        }
        assert!(
            !is_public("NonEmptyString"),
            "private prelude shapes do not resolve"
        );
        assert!(!is_public("string"), "names are case-sensitive");
    }

    #[test]
    fn prelude_ids_include_private_shapes_and_members() {
        assert!(is_prelude_id("smithy.api#String"));
        assert!(is_prelude_id("smithy.api#NonEmptyString"));
        assert!(is_prelude_id("smithy.api#paginated$items"));
        assert!(!is_prelude_id("smithy.api#Nope"));
        assert!(!is_prelude_id("other#String"));
    }
}
