//! Member defaults: the member's `default`, else its target's (`null` on the member says there
//! is none), checked against the shape type and typed for the IR.

use super::ir::DefaultValue;
use crate::load::{Member, Model, Shape, ShapeKind};
use serde_json::Value;

/// Whether a member has `@clientOptional`: a client (a non-authoritative consumer) treats
/// it as neither required nor defaulted (smithy.io, "Structure member optionality").
pub(super) fn client_optional(member: &Member) -> bool {
    member
        .traits
        .other
        .contains_key("smithy.api#clientOptional")
}

/// Whether a member's default is ignored because it belongs to an `@input` structure and is
/// not `@required`: smithy.io's "Structure member optionality" makes every `@input` member
/// optional for a client, and "Default value serialization" has a client that ignores a
/// default send any value given explicitly. (A required member keeps its default: it MUST
/// be sent.)
pub(super) fn ignored_in_input(owner: &Shape, member: &Member) -> bool {
    owner.traits.other.contains_key("smithy.api#input") && !member.traits.required
}

/// A default as the model writes it: its JSON value, and its exact JSON text when the value
/// holds a number only approximately (see [`crate::load::number_text`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Written<'m> {
    pub value: &'m Value,
    pub text: Option<&'m str>,
}

/// The default a member has in the model, as written; none for a `@clientOptional` member,
/// whose default a client ignores.
pub(super) fn of_member<'m>(model: &Model<'m>, member: &'m Member) -> Option<Written<'m>> {
    if client_optional(member) {
        return None;
    }
    let written = |traits: &'m crate::load::Traits| {
        traits.default.as_ref().map(|value| Written {
            value,
            text: traits.default_text.as_deref(),
        })
    };
    match written(&member.traits) {
        Some(Written {
            value: Value::Null, ..
        }) => None,
        Some(default) => Some(default),
        None => model
            .get(&member.target)
            .and_then(|target| written(&target.traits))
            .filter(|default| !default.value.is_null()),
    }
}

/// A default value checked against the type it defaults (`enum_values` lists an enum's
/// values).
pub(super) fn typed(
    written: Written<'_>,
    kind: &ShapeKind,
    enum_values: &[String],
) -> Result<DefaultValue, String> {
    let value = written.value;
    // A big number's text, every digit as written: the exact text when the JSON value
    // rounded it, else the value's own (exact) text.
    let big_text = || {
        value.as_number().map(|number| {
            written
                .text
                .map_or_else(|| number.to_string(), str::to_owned)
        })
    };
    use codegen_runtime::primitives::{BigDecimal, BigInteger};
    let number = || match value {
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Some(DefaultValue::Integer(i128::from(i))),
            (_, Some(u), _) => Some(DefaultValue::Integer(i128::from(u))),
            (_, _, Some(f)) => Some(DefaultValue::Float(f)),
            _ => None,
        },
        _ => None,
    };
    let integer = || number().filter(|n| matches!(n, DefaultValue::Integer(_)));
    let string = || value.as_str().map(|s| DefaultValue::String(s.to_owned()));
    let typed = match kind {
        ShapeKind::String => string(),
        // Base64 text, as the runtime reads a blob on the wire.
        ShapeKind::Blob => string().filter(|_| {
            serde_json::from_value::<codegen_runtime::primitives::Blob>(value.clone()).is_ok()
        }),
        ShapeKind::Enum => string().filter(|_| {
            value
                .as_str()
                .is_some_and(|v| enum_values.iter().any(|e| e == v))
        }),
        ShapeKind::Boolean => value.as_bool().map(DefaultValue::Boolean),
        ShapeKind::Byte
        | ShapeKind::Short
        | ShapeKind::Integer
        | ShapeKind::Long
        | ShapeKind::IntEnum => integer(),
        ShapeKind::BigInteger => big_text()
            .filter(|text| BigInteger::parse(text).is_some())
            .map(DefaultValue::BigNumber),
        ShapeKind::BigDecimal => big_text()
            .filter(|text| BigDecimal::parse(text).is_some())
            .map(DefaultValue::BigNumber),
        ShapeKind::Float | ShapeKind::Double => number(),
        // Epoch seconds, or `date-time` text that names an instant that exists.
        ShapeKind::Timestamp => number()
            .filter(|_| {
                codegen_runtime::primitives::DateTime::parse_epoch_seconds(&value.to_string())
                    .is_some()
            })
            .or_else(|| {
                string().filter(|_| {
                    value
                        .as_str()
                        .and_then(codegen_runtime::primitives::DateTime::parse_rfc3339)
                        .is_some()
                })
            }),
        ShapeKind::List | ShapeKind::Set => value
            .as_array()
            .filter(|items| items.is_empty())
            .map(|_| DefaultValue::EmptyList),
        ShapeKind::Map => value
            .as_object()
            .filter(|entries| entries.is_empty())
            .map(|_| DefaultValue::EmptyMap),
        ShapeKind::Document => Some(DefaultValue::Document(value.clone())),
        _ => None,
    };
    typed.ok_or_else(|| {
        let value = written
            .text
            .map_or_else(|| value.to_string(), str::to_owned);
        format!("default value {value} does not fit {}", kind.with_article())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plain(value: &Value) -> Written<'_> {
        Written { value, text: None }
    }

    /// The default a JSON file writes as `text`, typed as `kind`.
    fn typed_text(text: &str, kind: ShapeKind) -> Result<DefaultValue, String> {
        let value: Value = serde_json::from_str(text).unwrap();
        let written = Written {
            value: &value,
            text: Some(text),
        };
        typed(written, &kind, &[])
    }

    #[test]
    fn big_number_defaults_keep_every_digit() {
        let text = "-388531337837038913783703891378";
        assert_eq!(
            typed_text(text, ShapeKind::BigInteger),
            Ok(DefaultValue::BigNumber(text.to_owned()))
        );
        assert_eq!(
            typed_text(text, ShapeKind::BigInteger).unwrap().to_string(),
            text
        );
        let decimal = "0.1000000000000000000001";
        assert_eq!(
            typed_text(decimal, ShapeKind::BigDecimal),
            Ok(DefaultValue::BigNumber(decimal.to_owned()))
        );
        // Not whole: no bigInteger, and the message quotes the digits as written.
        assert_eq!(
            typed_text(decimal, ShapeKind::BigInteger),
            Err(format!("default value {decimal} does not fit a bigInteger"))
        );
        // Whole numbers in any form are bigIntegers; 64-bit ones need no text.
        assert_eq!(
            typed(plain(&json!(1.5e1)), &ShapeKind::BigInteger, &[]),
            Ok(DefaultValue::BigNumber("15.0".to_owned()))
        );
        assert_eq!(
            typed(plain(&json!(-7)), &ShapeKind::BigInteger, &[]),
            Ok(DefaultValue::BigNumber("-7".to_owned()))
        );
    }

    #[test]
    fn defaults_are_typed_by_what_the_model_writes() {
        let ok = |value: Value, kind: ShapeKind| typed(plain(&value), &kind, &[]).unwrap();
        assert_eq!(ok(json!(0), ShapeKind::Double), DefaultValue::Integer(0));
        assert_eq!(ok(json!(1.5), ShapeKind::Double), DefaultValue::Float(1.5));
        assert_eq!(ok(json!(-3), ShapeKind::Long), DefaultValue::Integer(-3));
        assert_eq!(
            ok(json!(false), ShapeKind::Boolean),
            DefaultValue::Boolean(false)
        );
        assert_eq!(ok(json!([]), ShapeKind::List), DefaultValue::EmptyList);
        assert_eq!(ok(json!({}), ShapeKind::Map), DefaultValue::EmptyMap);
        assert_eq!(
            ok(json!("2020-01-01T00:00:00Z"), ShapeKind::Timestamp),
            DefaultValue::String("2020-01-01T00:00:00Z".to_owned())
        );
        assert_eq!(
            ok(json!({"a": [1]}), ShapeKind::Document),
            DefaultValue::Document(json!({"a": [1]}))
        );
    }

    #[test]
    fn defaults_that_do_not_fit_are_refused_with_the_value() {
        let wrong = |value: Value, kind: ShapeKind| typed(plain(&value), &kind, &["A".to_owned()]);
        assert_eq!(
            wrong(json!("ten"), ShapeKind::Integer),
            Err("default value \"ten\" does not fit an integer".to_owned())
        );
        assert_eq!(
            wrong(json!(1.5), ShapeKind::Integer),
            Err("default value 1.5 does not fit an integer".to_owned())
        );
        assert!(wrong(json!("B"), ShapeKind::Enum).is_err());
        assert!(wrong(json!("A"), ShapeKind::Enum).is_ok());
        assert!(wrong(json!([1]), ShapeKind::List).is_err());
        assert!(wrong(json!({"k": 1}), ShapeKind::Map).is_err());
        // Blob defaults are base64; timestamp text is an RFC 3339 instant that exists.
        assert!(wrong(json!("aGk="), ShapeKind::Blob).is_ok());
        assert!(wrong(json!("not base64!"), ShapeKind::Blob).is_err());
        assert!(wrong(json!("2019-02-28T00:00:00Z"), ShapeKind::Timestamp).is_ok());
        assert!(wrong(json!("2019-02-29T00:00:00Z"), ShapeKind::Timestamp).is_err());
    }

    #[test]
    fn json_text_is_what_the_model_wrote() {
        for text in ["0", "1.5", "-7", "\"x\\\"y\"", "[]", "{}", "true", "1e300"] {
            let value: Value = serde_json::from_str(text).unwrap();
            let kind = match &value {
                Value::Bool(_) => ShapeKind::Boolean,
                Value::String(_) => ShapeKind::String,
                Value::Array(_) => ShapeKind::List,
                Value::Object(_) => ShapeKind::Map,
                _ => ShapeKind::Double,
            };
            let typed = typed(plain(&value), &kind, &[]).unwrap();
            assert_eq!(typed.to_string(), value.to_string(), "{text}");
            assert_eq!(typed.to_json(), value, "{text}");
        }
    }
}
