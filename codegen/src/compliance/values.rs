//! A case's `params` (a Smithy node value) as a Rust expression that builds the typed value
//! through the generated crate's public API: builders for structures, variants for unions and
//! enums. The value is built directly, never by deserializing wire JSON, so a request test
//! really checks the serializer and a response test really checks the parser. Enum variants are
//! named in code from the [model's facts](super::facts), so a mapping that is wrong both ways
//! is caught; a value the model does not list is built with `From` and checked to be `Unknown`.
//!
//! Node conventions of the protocol tests: blobs are their raw text, timestamps are epoch
//! seconds, floats may be the strings `NaN`, `Infinity` and `-Infinity`, `null` leaves a
//! member unset (or is a null item of a sparse collection).

use super::facts::ModelFacts;
use crate::emit::common::ident;
use crate::plan::ir::{
    Member, Module, RustType, Service, Structure, TypeDef, TypeName, TypeRef, Union,
};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

/// Builds expressions for one generated crate, imported in the tests as `api`.
#[derive(Clone)]
pub struct Values<'a> {
    service: &'a Service,
    facts: &'a ModelFacts,
    build: Build,
    setters: Setters,
}

/// Which builder setters set a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setters {
    /// `set_x(Some(value))`.
    Optional,
    /// `x(value)`, the setter taking `impl Into<T>`.
    Plain,
}

/// How structures with required members are built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// `.build().expect(..)`: the case sets every required member.
    Expect,
    /// `.build()?`: the expression is the body of a closure returning
    /// `Result<_, api::primitives::BuildError>`, for cases that leave one out on purpose.
    Try,
}

/// Where in the params a problem is, and what it is.
pub type Problem = String;

impl<'a> Values<'a> {
    /// Expressions for the types of `service`, naming enum variants from `facts`.
    pub fn new(service: &'a Service, facts: &'a ModelFacts) -> Self {
        Values {
            service,
            facts,
            build: Build::Expect,
            setters: Setters::Optional,
        }
    }

    /// The same, building structures as `build` says.
    pub fn with_build(self, build: Build) -> Self {
        Values { build, ..self }
    }

    /// The same, setting members with `setters`.
    pub fn with_setters(self, setters: Setters) -> Self {
        Values { setters, ..self }
    }

    /// The path of a generated type from the test crate (`api::types::Foo`).
    pub fn type_path(name: &TypeName) -> TokenStream {
        let ty = ident(&name.name);
        match &name.module {
            Module::Types => quote!(api::types::#ty),
            Module::Errors => quote!(api::errors::#ty),
            Module::Operation(module) => {
                let module = ident(module);
                quote!(api::operations::#module::#ty)
            }
        }
    }

    /// The structure (error structures included) a reference names.
    pub fn structure(&self, name: &TypeRef) -> Option<&'a Structure> {
        self.service.any_structure(&name.id)
    }

    fn union(&self, name: &TypeRef) -> Option<&'a Union> {
        self.service.union(&name.id)
    }

    /// A structure built from an object of params (`{}` when the case has none).
    pub fn structure_value(
        &self,
        reference: &TypeRef,
        params: &Value,
        path: &str,
    ) -> Result<TokenStream, Problem> {
        let name = &reference.name;
        let structure = self
            .structure(reference)
            .ok_or_else(|| format!("{path}: the crate has no structure {}", name.name))?;
        let fields = match params {
            Value::Object(fields) => fields,
            Value::Null => &serde_json::Map::new(),
            other => {
                return Err(format!(
                    "{path}: expected an object for {}, found {other}",
                    name.name
                ))
            }
        };
        for key in fields.keys() {
            if !structure.members.iter().any(|m| &m.wire_name == key) {
                return Err(format!("{path}: {} has no member `{key}`", name.name));
            }
        }
        let path_ty = Self::type_path(name);
        let mut setters = Vec::new();
        for member in &structure.members {
            let Some(value) = fields.get(&member.wire_name) else {
                continue;
            };
            if value.is_null() {
                continue;
            }
            let value =
                self.member_value(member, value, &format!("{path}.{}", member.wire_name))?;
            setters.push(match self.setters {
                Setters::Optional => {
                    let setter = ident(&format!(
                        "set_{}",
                        member.field_name.trim_start_matches("r#")
                    ));
                    quote!(.#setter(::std::option::Option::Some(#value)))
                }
                Setters::Plain => {
                    let setter = ident(&member.field_name);
                    quote!(.#setter(#value))
                }
            });
        }
        let build = match (structure.has_required_without_default(), self.build) {
            (false, _) => quote!(.build()),
            (true, Build::Try) => quote!(.build()?),
            (true, Build::Expect) => {
                let message = format!("`{path}` sets every required member of {}", name.name);
                quote!(.build().expect(#message))
            }
        };
        Ok(quote!(#path_ty::builder() #(#setters)* #build))
    }

    fn member_value(
        &self,
        member: &Member,
        value: &Value,
        path: &str,
    ) -> Result<TokenStream, Problem> {
        self.value(&member.ty, value, path)
    }

    /// A value of `ty`.
    pub fn value(&self, ty: &RustType, node: &Value, path: &str) -> Result<TokenStream, Problem> {
        let mismatch = |what: &str| format!("{path}: expected {what}, found {node}");
        Ok(match ty {
            RustType::String => {
                let text = node.as_str().ok_or_else(|| mismatch("a string"))?;
                quote!(::std::string::String::from(#text))
            }
            RustType::Boolean => {
                let flag = node.as_bool().ok_or_else(|| mismatch("a boolean"))?;
                quote!(#flag)
            }
            RustType::Byte => integer::<i8>(node, path)?,
            RustType::Short => integer::<i16>(node, path)?,
            RustType::Integer => integer::<i32>(node, path)?,
            RustType::Long => integer::<i64>(node, path)?,
            RustType::Float => float(node, path, quote!(f32), |v| Literal::f32_suffixed(v as f32))?,
            RustType::Double => float(node, path, quote!(f64), Literal::f64_suffixed)?,
            RustType::Timestamp(_) => {
                let (seconds, nanos) =
                    epoch_seconds(node).ok_or_else(|| mismatch("epoch seconds"))?;
                quote!(api::primitives::DateTime::from_secs_and_nanos(#seconds, #nanos).expect("nanos below a second"))
            }
            RustType::Blob => {
                let text = node
                    .as_str()
                    .ok_or_else(|| mismatch("a string of the blob's bytes"))?;
                let bytes = Literal::byte_string(text.as_bytes());
                quote!(api::primitives::Blob::new(#bytes.to_vec()))
            }
            RustType::Document => {
                let json = serde_json::to_string(node).map_err(|e| format!("{path}: {e}"))?;
                quote!(::serde_json::from_str::<::serde_json::Value>(#json).expect("a JSON document"))
            }
            RustType::BigInteger | RustType::BigDecimal => {
                let text = match node {
                    Value::Number(n) => n.to_string(),
                    Value::String(s) => s.clone(),
                    _ => return Err(mismatch("a number")),
                };
                let ty = if *ty == RustType::BigInteger {
                    quote!(BigInteger)
                } else {
                    quote!(BigDecimal)
                };
                quote!(api::primitives::#ty::parse(#text).expect("a valid number"))
            }
            RustType::Enum(name) => {
                let text = node
                    .as_str()
                    .ok_or_else(|| mismatch("an enum value string"))?;
                let id = self.enum_id(name, path)?;
                let variant = self.facts.enum_variant(&id, text);
                enum_value(&name.name, variant, quote!(#text))
            }
            RustType::IntEnum(name) => {
                let value = node
                    .as_i64()
                    .ok_or_else(|| mismatch("an integer enum value"))?;
                let id = self.enum_id(name, path)?;
                let variant = self.facts.int_enum_variant(&id, value);
                enum_value(&name.name, variant, integer::<i32>(node, path)?)
            }
            RustType::Structure { name, boxed } => {
                let value = self.structure_value(name, node, path)?;
                boxed_if(*boxed, value)
            }
            RustType::Union { name, boxed } => {
                let value = self.union_value(name, node, path)?;
                boxed_if(*boxed, value)
            }
            RustType::List(item) | RustType::SparseList(item) => {
                let items = node.as_array().ok_or_else(|| mismatch("a list"))?;
                let sparse = matches!(ty, RustType::SparseList(_));
                let mut values = Vec::new();
                for (i, value) in items.iter().enumerate() {
                    let at = format!("{path}[{i}]");
                    values.push(match (sparse, value) {
                        (true, Value::Null) => quote!(::std::option::Option::None),
                        (true, value) => {
                            let value = self.value(item, value, &at)?;
                            quote!(::std::option::Option::Some(#value))
                        }
                        (false, Value::Null) => {
                            return Err(format!("{at}: null in a list that is not @sparse"))
                        }
                        (false, value) => self.value(item, value, &at)?,
                    });
                }
                quote!(::std::vec![#(#values),*])
            }
            RustType::Map(value_ty) | RustType::SparseMap(value_ty) => {
                let entries = node.as_object().ok_or_else(|| mismatch("a map"))?;
                let sparse = matches!(ty, RustType::SparseMap(_));
                let mut pairs = Vec::new();
                for (key, value) in entries {
                    let at = format!("{path}.{key}");
                    let value = match (sparse, value) {
                        (true, Value::Null) => quote!(::std::option::Option::None),
                        (true, value) => {
                            let value = self.value(value_ty, value, &at)?;
                            quote!(::std::option::Option::Some(#value))
                        }
                        (false, Value::Null) => {
                            return Err(format!("{at}: null in a map that is not @sparse"))
                        }
                        (false, value) => self.value(value_ty, value, &at)?,
                    };
                    pairs.push(quote!((::std::string::String::from(#key), #value)));
                }
                quote!(::std::collections::BTreeMap::from([#(#pairs),*]))
            }
        })
    }

    /// The shape id of a string or integer enum of the crate.
    fn enum_id(&self, name: &TypeRef, path: &str) -> Result<String, Problem> {
        match self.service.types.get(&name.id) {
            Some(TypeDef::Enum(_) | TypeDef::IntEnum(_)) => Ok(name.id.to_string()),
            _ => Err(format!("{path}: the crate has no enum {}", name.name.name)),
        }
    }

    fn union_value(
        &self,
        reference: &TypeRef,
        node: &Value,
        path: &str,
    ) -> Result<TokenStream, Problem> {
        let name = &reference.name;
        let union = self
            .union(reference)
            .ok_or_else(|| format!("{path}: the crate has no union {}", name.name))?;
        let object = node.as_object().filter(|o| o.len() == 1).ok_or_else(|| {
            format!(
                "{path}: expected an object with exactly one member for the union {}",
                name.name
            )
        })?;
        let (key, value) = object
            .iter()
            .next()
            .ok_or_else(|| format!("{path}: empty union"))?;
        let variant = union
            .variants
            .iter()
            .find(|v| v.wire_name() == key)
            .ok_or_else(|| format!("{path}: the union {} has no member `{key}`", name.name))?;
        let ty = Self::type_path(name);
        let variant_ident = ident(&variant.variant);
        let Some(member) = variant.value() else {
            return Ok(quote!(#ty::#variant_ident));
        };
        let value = self.value(&member.ty, value, &format!("{path}.{key}"))?;
        Ok(quote!(#ty::#variant_ident(#value)))
    }
}

/// An enum value: the variant the model names, in code; for a value the model does not list,
/// `From`, checked to give `Unknown` (a known variant there would hide a value).
fn enum_value(name: &TypeName, variant: Option<&str>, raw: TokenStream) -> TokenStream {
    let path = Values::type_path(name);
    match variant {
        Some(variant) => {
            let variant = ident(variant);
            quote!(#path::#variant)
        }
        None => {
            let message = format!("{} is not a value {} lists", raw, name.name);
            quote!({
                let value = #path::from(#raw);
                assert!(matches!(value, #path::Unknown(_)), "{}", #message);
                value
            })
        }
    }
}

/// Whether a node holds a float that `==` cannot compare (`NaN`), so tests compare such
/// values through their `Debug` text instead.
pub fn contains_nan(node: &Value) -> bool {
    match node {
        Value::String(text) => text == "NaN",
        Value::Array(items) => items.iter().any(contains_nan),
        Value::Object(fields) => fields.values().any(contains_nan),
        _ => false,
    }
}

fn boxed_if(boxed: bool, value: TokenStream) -> TokenStream {
    if boxed {
        quote!(::std::boxed::Box::new(#value))
    } else {
        value
    }
}

/// An integer literal of type `T`, checked to fit.
fn integer<T>(node: &Value, path: &str) -> Result<TokenStream, Problem>
where
    T: TryFrom<i64> + IntegerLiteral,
{
    let value = node
        .as_i64()
        .ok_or_else(|| format!("{path}: expected an integer, found {node}"))?;
    let value = T::try_from(value).map_err(|_| {
        format!(
            "{path}: {value} does not fit in {}",
            std::any::type_name::<T>()
        )
    })?;
    Ok(value.literal())
}

/// A suffixed literal for each integer width.
trait IntegerLiteral {
    fn literal(self) -> TokenStream;
}

macro_rules! integer_literal {
    ($($ty:ty => $make:ident),*) => {
        $(impl IntegerLiteral for $ty {
            fn literal(self) -> TokenStream {
                let literal = Literal::$make(self);
                quote!(#literal)
            }
        })*
    };
}

integer_literal!(i8 => i8_suffixed, i16 => i16_suffixed, i32 => i32_suffixed, i64 => i64_suffixed);

/// A float: a number, or `NaN`/`Infinity`/`-Infinity` as strings.
fn float(
    node: &Value,
    path: &str,
    ty: TokenStream,
    literal: fn(f64) -> Literal,
) -> Result<TokenStream, Problem> {
    match node {
        Value::Number(number) => {
            let value = number
                .as_f64()
                .ok_or_else(|| format!("{path}: {number} is not a float"))?;
            let literal = literal(value);
            Ok(quote!(#literal))
        }
        Value::String(text) => match text.as_str() {
            "NaN" => Ok(quote!(#ty::NAN)),
            "Infinity" => Ok(quote!(#ty::INFINITY)),
            "-Infinity" => Ok(quote!(#ty::NEG_INFINITY)),
            other => Err(format!("{path}: `{other}` is not a float")),
        },
        other => Err(format!("{path}: expected a float, found {other}")),
    }
}

/// Epoch seconds from a node number, exactly: whole seconds and nanoseconds read from the
/// number's decimal text, so `1.123` is 1 s and 123 000 000 ns.
pub fn epoch_seconds(node: &Value) -> Option<(i64, u32)> {
    let text = match node {
        Value::Number(number) => number.to_string(),
        _ => return None,
    };
    if text.contains(['e', 'E']) {
        let value = node.as_f64()?;
        let seconds = value.floor();
        let nanos = ((value - seconds) * 1e9).round() as u32;
        return Some((seconds as i64, nanos.min(999_999_999)));
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole: i64 = whole.parse().ok()?;
    let mut digits: String = fraction.chars().take(9).collect();
    while digits.len() < 9 {
        digits.push('0');
    }
    let nanos: u32 = digits.parse().ok()?;
    if whole < 0 && nanos > 0 {
        Some((whole - 1, 1_000_000_000 - nanos))
    } else {
        Some((whole, nanos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn epoch_seconds_are_read_exactly_from_the_decimal_text() {
        assert_eq!(epoch_seconds(&json!(946845296)), Some((946845296, 0)));
        assert_eq!(epoch_seconds(&json!(1.123)), Some((1, 123_000_000)));
        assert_eq!(
            epoch_seconds(&json!(1576540098.5)),
            Some((1576540098, 500_000_000))
        );
        // Before the epoch, the fraction counts forwards from the second below.
        assert_eq!(epoch_seconds(&json!(-1.25)), Some((-2, 750_000_000)));
        assert_eq!(epoch_seconds(&json!("1")), None);
    }

    #[test]
    fn nan_anywhere_in_the_params_is_found() {
        assert!(contains_nan(&json!({"a": [1, {"b": "NaN"}]})));
        assert!(!contains_nan(&json!({"a": "Infinity", "b": 1.5})));
    }

    #[test]
    fn integers_that_do_not_fit_are_refused() {
        assert!(integer::<i8>(&json!(127), "x").is_ok());
        let err = integer::<i8>(&json!(128), "params.Byte").unwrap_err();
        assert!(err.contains("params.Byte") && err.contains("i8"), "{err}");
        assert!(integer::<i32>(&json!(1.5), "x").is_err());
    }

    #[test]
    fn floats_accept_the_three_special_strings_only() {
        let text =
            |node| float(&node, "x", quote!(f64), Literal::f64_suffixed).map(|t| t.to_string());
        assert_eq!(text(json!("NaN")).unwrap(), "f64 :: NAN");
        assert_eq!(text(json!("-Infinity")).unwrap(), "f64 :: NEG_INFINITY");
        assert_eq!(text(json!(1.5)).unwrap(), "1.5f64");
        assert!(text(json!("nan")).is_err());
    }
}
