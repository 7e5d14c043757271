//! Client-side validation from the model's constraint traits: the crate's `validation`
//! module root with the model's patterns, and a `Validate` impl for every structure
//! reachable from an operation input.
//! `required` is enforced by the types themselves (plain fields, builders that fail), so the
//! checks here are `length`, `pattern` and `range`; enums accept unknown values by design.

use super::common::ident;
use super::default_values::f32_literal;
use crate::plan::ir::{Bound, Constraints, Member, PatternId, PatternRef, RustType, Structure};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The `validation` module root: the runtime's checks (`codegen/runtime/src/validation/`,
/// copied by [`super::runtime`]; the pattern types only when the model has patterns), and
/// the model's patterns as statics.
pub fn emit_validation_module(
    usage: &super::usage::Usage,
    service_patterns: &[crate::plan::ir::PatternConstraint],
) -> TokenStream {
    let declarations = super::runtime::declarations("src/validation.rs", usage);
    let statics = service_patterns
        .iter()
        .enumerate()
        .filter(|_| usage.patterns)
        .map(|(index, pattern)| pattern_static(index, pattern));
    quote! {
        //! Client-side checks of the model's constraints (`length`, `pattern`, `range`), run
        //! before a request is serialized so that mistakes are found without a round trip.
        //!
        //! Patterns are ECMA-262 regular expressions, as Smithy specifies, not anchored
        //! unless the pattern is. The generator compiles each into a small automaton (a
        //! table walked once over the value's characters); a pattern outside the part of
        //! ECMA-262 that compiles that way is checked with the `regress` crate instead.
        //! Lengths of strings count Unicode scalar values. A `@sensitive` value is never
        //! echoed in a violation.

        #declarations

        #(#statics)*
    }
}

/// The name of the static holding the service's pattern number `index`.
fn pattern_static_name(index: usize) -> proc_macro2::Ident {
    quote::format_ident!("PATTERN_{}", index)
}

/// The `Pattern` static for one of the service's patterns: the automaton (and its ASCII
/// table) when the generator compiled one, regress otherwise.
fn pattern_static(index: usize, pattern: &crate::plan::ir::PatternConstraint) -> TokenStream {
    let name = pattern_static_name(index);
    let source = &pattern.source;
    let doc = format!(" {}", crate::plan::docs::code_span(source));
    let Some(program) = &pattern.program else {
        return quote! {
            #[doc = #doc]
            pub(crate) static #name: Pattern = Pattern::regex(#source);
        };
    };
    let classes = program.classes.iter().map(|ranges| {
        let ranges = ranges.iter().map(|(lo, hi)| {
            let (lo, hi) = (Literal::character(*lo), Literal::character(*hi));
            quote!((#lo, #hi))
        });
        quote!(&[#(#ranges),*])
    });
    let follow = program.follow.iter().map(|bits| mask(*bits));
    let ascii = program.ascii.iter().map(|bits| mask(*bits));
    let state_class = program
        .state_class
        .iter()
        .map(|index| Literal::u8_unsuffixed(*index));
    let (first, anywhere, at_end) = (
        mask(program.first),
        mask(program.accept_anywhere),
        mask(program.accept_at_end),
    );
    let (empty, always) = (program.empty_matches, program.always_matches);
    let ascii_dfa = match &pattern.ascii_dfa {
        Some(dfa) => ascii_dfa(dfa),
        None => quote!(::std::option::Option::None),
    };
    quote! {
        #[doc = #doc]
        pub(crate) static #name: Pattern = Pattern::automaton(
            #source,
            &Automaton {
                classes: &[#(#classes),*],
                ascii: &[#(#ascii),*],
                state_class: &[#(#state_class),*],
                first: #first,
                follow: &[#(#follow),*],
                accept_anywhere: #anywhere,
                accept_at_end: #at_end,
                empty_matches: #empty,
                always_matches: #always,
            },
            #ascii_dfa,
        );
    }
}

/// A set of states or of ASCII bytes, as a hexadecimal literal.
fn mask(bits: u128) -> TokenStream {
    let literal = syn::LitInt::new(&format!("{bits:#x}"), proc_macro2::Span::call_site());
    quote!(#literal)
}

/// `Some(&AsciiDfa { .. })`: the table the generator determinized for ASCII values.
fn ascii_dfa(dfa: &crate::plan::pattern_dfa::AsciiDfa) -> TokenStream {
    let column = dfa.column.iter().map(|c| Literal::u8_unsuffixed(*c));
    let columns = Literal::usize_unsuffixed(dfa.columns);
    let table = dfa.table.iter().map(|row| Literal::u8_unsuffixed(*row));
    quote! {
        ::std::option::Option::Some(&AsciiDfa {
            column: [#(#column),*],
            columns: #columns,
            table: &[#(#table),*],
        })
    }
}

/// `impl Validate` for a structure, and its inherent `validate()`.
pub fn emit_validate(structure: &Structure) -> TokenStream {
    if !structure.validated {
        return quote!();
    }
    let name = ident(&structure.name.name);
    let checks: Vec<TokenStream> = structure.members.iter().map(member_checks).collect();
    let prefix = if checks.iter().all(TokenStream::is_empty) {
        quote!(_prefix)
    } else {
        quote!(prefix)
    };
    let violations = if checks.iter().all(TokenStream::is_empty) {
        quote!(_violations)
    } else {
        quote!(violations)
    };
    quote! {
        impl crate::validation::Validate for #name {
            fn validate_at(&self, #prefix: &str, #violations: &mut ::std::vec::Vec<crate::validation::Violation>) {
                #(#checks)*
            }
        }

        impl #name {
            /// Checks the model's constraints on this value and everything it contains,
            /// returning every violation at once.
            pub fn validate(&self) -> ::std::result::Result<(), crate::validation::ValidationError> {
                crate::validation::Validate::validate(self)
            }
        }
    }
}

/// `impl Validate` for a union: the checks of whichever member is set.
pub fn emit_union_validate(union: &crate::plan::ir::Union) -> TokenStream {
    if !union.validated {
        return quote!();
    }
    let name = ident(&union.name.name);
    let mut arms: Vec<(TokenStream, TokenStream)> = Vec::new();
    for v in &union.variants {
        let Some(member) = v.value() else {
            continue;
        };
        let body = value_checks(quote!(value), &member.ty, &Spec::of(member), 0);
        if body.is_empty() {
            continue;
        }
        let variant = ident(&v.variant);
        let wire = &member.wire_name;
        arms.push((
            quote!(#name::#variant(value)),
            quote! {
                let path_0 = || crate::validation::join(prefix, #wire);
                #body
            },
        ));
    }
    let body = match arms.as_slice() {
        [] => {
            return quote! {
                impl crate::validation::Validate for #name {
                    fn validate_at(&self, _prefix: &str, _violations: &mut ::std::vec::Vec<crate::validation::Violation>) {}
                }
            };
        }
        [(pattern, body)] => quote!(if let #pattern = self { #body }),
        many => {
            let arms = many
                .iter()
                .map(|(pattern, body)| quote!(#pattern => { #body }));
            quote!(match self { #(#arms)* _ => {} })
        }
    };
    quote! {
        impl crate::validation::Validate for #name {
            fn validate_at(&self, prefix: &str, violations: &mut ::std::vec::Vec<crate::validation::Violation>) {
                #body
            }
        }
    }
}

/// The checks for one member, reading the field (unwrapping `Option`).
fn member_checks(member: &Member) -> TokenStream {
    let field = ident(&member.field_name);
    let wire = &member.wire_name;
    let body = value_checks(quote!(value), &member.ty, &Spec::of(member), 0);
    if body.is_empty() {
        return body;
    }
    let path = quote!(let path_0 = || crate::validation::join(prefix, #wire););
    if member.is_plain() {
        quote! { { let value = &self.#field; #path #body } }
    } else {
        quote! {
            if let ::std::option::Option::Some(value) = &self.#field {
                #path
                #body
            }
        }
    }
}

/// What to check on a member's value: its constraints, its items' constraints, whether it
/// is sensitive, and whether structures or unions inside it have checks of their own.
#[derive(Clone, Copy)]
struct Spec<'a> {
    constraints: &'a Constraints,
    item_constraints: &'a [Constraints],
    sensitive: bool,
    nested: bool,
}

impl<'a> Spec<'a> {
    fn of(member: &'a Member) -> Spec<'a> {
        Spec {
            constraints: &member.constraints,
            item_constraints: &member.item_constraints,
            sensitive: member.sensitive,
            nested: member.nested_checks,
        }
    }
}

/// Checks on one value of type `ty` (a reference expression `value`); the closure
/// `path_<depth>` gives its member path.
fn value_checks(value: TokenStream, ty: &RustType, spec: &Spec, depth: usize) -> TokenStream {
    let Spec {
        constraints,
        item_constraints,
        sensitive,
        nested,
    } = *spec;
    let path_var = quote::format_ident!("path_{depth}");
    let path = quote!(&#path_var);
    let mut out = TokenStream::new();
    // An enum's `length` and `pattern` are its value's, known or not.
    let value = match ty {
        RustType::Enum(_) if constraints.length.is_some() || constraints.pattern.is_some() => {
            quote!(&::std::string::String::from(#value.as_str()))
        }
        _ => value,
    };
    if let Some((min, max)) = constraints.length {
        let (min, max) = (option_u64(min), option_u64(max));
        out.extend(quote!(crate::validation::length(#path, #value, #min, #max, violations);));
    }
    match &constraints.pattern {
        Some(PatternRef {
            id: Some(PatternId(index)),
            ..
        }) => {
            let static_name = pattern_static_name(*index);
            out.extend(quote!(crate::validation::#static_name.check(#path, #value, #sensitive, violations);));
        }
        Some(PatternRef { source, id: None }) => {
            let message = format!("internal error: the pattern {source:?} has no static");
            out.extend(quote!(compile_error!(#message);));
        }
        None => {}
    }
    if let Some((min, max)) = &constraints.range {
        out.extend(range_check(
            ty,
            &path,
            &value,
            min.as_ref(),
            max.as_ref(),
            sensitive,
        ));
    }
    match ty {
        RustType::Structure { .. } | RustType::Union { .. } if nested => {
            out.extend(quote!(crate::validation::nested(#path, #value, violations);));
        }
        RustType::List(item)
        | RustType::SparseList(item)
        | RustType::Map(item)
        | RustType::SparseMap(item) => {
            let no_constraints = Constraints::default();
            let item_spec = Spec {
                constraints: item_constraints.first().unwrap_or(&no_constraints),
                item_constraints: item_constraints.get(1..).unwrap_or_default(),
                sensitive,
                nested,
            };
            let inner = value_checks(quote!(item), item, &item_spec, depth + 1);
            if !inner.is_empty() {
                let item_path = quote::format_ident!("path_{}", depth + 1);
                let inner = match ty {
                    RustType::SparseList(_) | RustType::SparseMap(_) => quote! {
                        if let ::std::option::Option::Some(item) = item { #inner }
                    },
                    _ => inner,
                };
                out.extend(match ty {
                    RustType::List(_) | RustType::SparseList(_) => quote! {
                        for (index, item) in #value.iter().enumerate() {
                            let #item_path = || format!("{}[{index}]", #path_var());
                            #inner
                        }
                    },
                    _ => quote! {
                        for (key, item) in #value.iter() {
                            let #item_path = || format!("{}[{key:?}]", #path_var());
                            #inner
                        }
                    },
                });
            }
        }
        _ => {}
    }
    out
}

fn option_u64(value: Option<u64>) -> TokenStream {
    match value {
        Some(v) => {
            let lit = Literal::u64_unsuffixed(v);
            quote!(::std::option::Option::Some(#lit))
        }
        None => quote!(::std::option::Option::None),
    }
}

/// A `range` check compared exactly in the member's own type: integer bounds rounded inward
/// to whole numbers of that width (on their digits), float bounds to the nearest value of
/// that float, and big numbers compared on their decimal text (nothing goes through `f64`).
fn range_check(
    ty: &RustType,
    path: &TokenStream,
    value: &TokenStream,
    min: Option<&Bound>,
    max: Option<&Bound>,
    sensitive: bool,
) -> TokenStream {
    let integer = |bits: u32, suffix: fn(i128) -> Literal| {
        let limit = 1_i128 << (bits - 1);
        let at = |bound: Option<&Bound>, up: bool| {
            option(bound.map(|bound| suffix(bound.whole(up, -limit, limit - 1))))
        };
        let (min, max) = (at(min, true), at(max, false));
        quote!(crate::validation::range(#path, *#value, #min, #max, #sensitive, violations);)
    };
    match ty {
        RustType::Byte => integer(8, |v| Literal::i8_suffixed(v as i8)),
        RustType::Short => integer(16, |v| Literal::i16_suffixed(v as i16)),
        RustType::Integer => integer(32, |v| Literal::i32_suffixed(v as i32)),
        RustType::Long => integer(64, |v| Literal::i64_suffixed(v as i64)),
        RustType::Float => {
            // The text's nearest `f32`, not the nearest `f32` to its nearest `f64`.
            let at = |bound: Option<&Bound>| {
                option(bound.map(|bound| {
                    f32_literal(bound.text.parse::<f32>().map_or(bound.value, f64::from))
                }))
            };
            let (min, max) = (at(min), at(max));
            quote!(crate::validation::range(#path, *#value, #min, #max, #sensitive, violations);)
        }
        RustType::Double => {
            let at = |bound: Option<&Bound>| {
                option(bound.map(|bound| Literal::f64_suffixed(bound.value)))
            };
            let (min, max) = (at(min), at(max));
            quote!(crate::validation::range(#path, *#value, #min, #max, #sensitive, violations);)
        }
        RustType::BigInteger | RustType::BigDecimal => {
            let at =
                |bound: Option<&Bound>| option(bound.map(|bound| Literal::string(&bound.text)));
            let (min, max) = (at(min), at(max));
            quote!(crate::validation::big_range(#path, #value.as_str(), #min, #max, #sensitive, violations);)
        }
        _ => TokenStream::new(),
    }
}

/// `Some(literal)` or `None`.
fn option(literal: Option<Literal>) -> TokenStream {
    match literal {
        Some(literal) => quote!(::std::option::Option::Some(#literal)),
        None => quote!(::std::option::Option::None),
    }
}
