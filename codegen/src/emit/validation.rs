//! Client-side validation from the model's constraint traits: the crate's `validation`
//! module, and a `Validate` impl for every structure reachable from an operation input.
//! `required` is enforced by the types themselves (plain fields, builders that fail), so the
//! checks here are `length`, `pattern` and `range`; enums accept unknown values by design.

use super::common::ident;
use crate::plan::ir::{Constraints, Member, PatternId, PatternRef, RustType, Structure};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The `validation` module; the `Pattern` type only when the model has patterns.
pub fn emit_validation_module(
    usage: &super::usage::Usage,
    service_patterns: &[crate::plan::ir::PatternConstraint],
) -> TokenStream {
    let patterns = if usage.patterns {
        let statics = service_patterns
            .iter()
            .enumerate()
            .map(|(index, pattern)| pattern_static(index, pattern));
        let pattern_type = pattern_type(usage.regex_patterns);
        quote! {
            #pattern_type

            #(#statics)*
        }
    } else {
        quote!()
    };
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

        /// Something that can check its constraints, reporting every violation.
        pub trait Validate {
            /// Appends every violation, with member paths below `prefix`.
            fn validate_at(&self, prefix: &str, violations: &mut ::std::vec::Vec<Violation>);

            /// All violations at once, or `Ok` when there are none.
            fn validate(&self) -> ::std::result::Result<(), ValidationError> {
                let mut violations = ::std::vec::Vec::new();
                self.validate_at("", &mut violations);
                if violations.is_empty() {
                    ::std::result::Result::Ok(())
                } else {
                    ::std::result::Result::Err(ValidationError { violations })
                }
            }
        }

        impl<T: Validate + ?Sized> Validate for ::std::boxed::Box<T> {
            fn validate_at(&self, prefix: &str, violations: &mut ::std::vec::Vec<Violation>) {
                (**self).validate_at(prefix, violations);
            }
        }

        /// The input broke one or more of the model's constraints.
        #[derive(Clone, Debug, PartialEq)]
        pub struct ValidationError {
            violations: ::std::vec::Vec<Violation>,
        }

        impl ValidationError {
            /// Every violation, in member order.
            pub fn violations(&self) -> &[Violation] {
                &self.violations
            }
        }

        impl ::std::fmt::Display for ValidationError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{} constraint violation(s): ", self.violations.len())?;
                for (i, violation) in self.violations.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{violation}")?;
                }
                ::std::result::Result::Ok(())
            }
        }

        impl ::std::error::Error for ValidationError {}

        /// One broken constraint.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Violation {
            path: ::std::string::String,
            kind: ViolationKind,
        }

        /// Which constraint was broken, and how.
        #[non_exhaustive]
        #[derive(Clone, Debug, PartialEq)]
        pub enum ViolationKind {
            /// `length`: the actual length (characters, or items for lists).
            Length {
                /// The minimum, if any.
                min: ::std::option::Option<u64>,
                /// The maximum, if any.
                max: ::std::option::Option<u64>,
                /// The actual length.
                actual: usize,
            },
            /// `pattern`: the value does not match (the value is `None` when sensitive).
            Pattern {
                /// The ECMA-262 pattern.
                pattern: &'static str,
                /// The offending value, unless it is sensitive.
                value: ::std::option::Option<::std::string::String>,
            },
            /// `range`: the number is out of range (the value is `None` when sensitive).
            Range {
                /// The minimum, if any.
                min: ::std::option::Option<f64>,
                /// The maximum, if any.
                max: ::std::option::Option<f64>,
                /// The offending value, unless it is sensitive.
                value: ::std::option::Option<f64>,
            },
        }

        impl Violation {
            /// The member path, with wire names (`XksProxyAuthenticationCredential.RawSecretAccessKey`).
            pub fn path(&self) -> &str {
                &self.path
            }

            /// The broken constraint.
            pub fn kind(&self) -> &ViolationKind {
                &self.kind
            }
        }

        fn bounds<T: ::std::fmt::Display>(min: &::std::option::Option<T>, max: &::std::option::Option<T>) -> ::std::string::String {
            match (min, max) {
                (::std::option::Option::Some(min), ::std::option::Option::Some(max)) => format!("{min}..={max}"),
                (::std::option::Option::Some(min), ::std::option::Option::None) => format!("{min}.."),
                (::std::option::Option::None, ::std::option::Option::Some(max)) => format!("..={max}"),
                (::std::option::Option::None, ::std::option::Option::None) => "..".to_owned(),
            }
        }

        impl ::std::fmt::Display for Violation {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match &self.kind {
                    ViolationKind::Length { min, max, actual } => {
                        write!(f, "{}: length {actual} is outside {}", self.path, bounds(min, max))
                    }
                    ViolationKind::Pattern { pattern, value: ::std::option::Option::Some(value) } => {
                        write!(f, "{}: {value:?} does not match the pattern {pattern}", self.path)
                    }
                    ViolationKind::Pattern { pattern, value: ::std::option::Option::None } => {
                        write!(f, "{}: the (sensitive) value does not match the pattern {pattern}", self.path)
                    }
                    ViolationKind::Range { min, max, value: ::std::option::Option::Some(value) } => {
                        write!(f, "{}: {value} is outside {}", self.path, bounds(min, max))
                    }
                    ViolationKind::Range { min, max, value: ::std::option::Option::None } => {
                        write!(f, "{}: the (sensitive) value is outside {}", self.path, bounds(min, max))
                    }
                }
            }
        }

        /// `prefix.name`, or `name` at the top.
        pub fn join(prefix: &str, name: &str) -> ::std::string::String {
            if prefix.is_empty() { name.to_owned() } else { format!("{prefix}.{name}") }
        }

        /// What `length` measures.
        pub trait Measure {
            /// Unicode scalar values for strings, items for lists.
            fn measure(&self) -> usize;
        }

        impl Measure for ::std::string::String {
            fn measure(&self) -> usize {
                self.chars().count()
            }
        }

        impl<T> Measure for ::std::vec::Vec<T> {
            fn measure(&self) -> usize {
                self.len()
            }
        }

        impl<T> Measure for ::std::collections::BTreeMap<::std::string::String, T> {
            fn measure(&self) -> usize {
                self.len()
            }
        }

        /// Checks `length`.
        pub fn length(path: &dyn Fn() -> ::std::string::String, value: &dyn Measure, min: ::std::option::Option<u64>, max: ::std::option::Option<u64>, violations: &mut ::std::vec::Vec<Violation>) {
            let actual = value.measure();
            let wide = actual as u64;
            if min.is_some_and(|min| wide < min) || max.is_some_and(|max| wide > max) {
                violations.push(Violation { path: path(), kind: ViolationKind::Length { min, max, actual } });
            }
        }

        /// Checks `range`.
        pub fn range(path: &dyn Fn() -> ::std::string::String, value: f64, min: ::std::option::Option<f64>, max: ::std::option::Option<f64>, sensitive: bool, violations: &mut ::std::vec::Vec<Violation>) {
            if min.is_some_and(|min| value < min) || max.is_some_and(|max| value > max) {
                let value = if sensitive { ::std::option::Option::None } else { ::std::option::Option::Some(value) };
                violations.push(Violation { path: path(), kind: ViolationKind::Range { min, max, value } });
            }
        }

        #patterns
    }
}

/// `Pattern` and `Automaton`: patterns compiled by the generator, and (only when some
/// pattern needs it) the regress fallback, compiled once on first use.
fn pattern_type(with_regex: bool) -> TokenStream {
    let (regex_variant, regex_constructor, regex_arm) = if with_regex {
        (
            quote! {
                /// Checked with regress, compiled on first use.
                Regex(::std::sync::OnceLock<::std::option::Option<::regress::Regex>>),
            },
            quote! {
                /// A pattern the generator could not compile, checked with regress.
                pub const fn regex(source: &'static str) -> Self {
                    Pattern { source, matcher: Matcher::Regex(::std::sync::OnceLock::new()) }
                }
            },
            quote! {
                // The generator checked that every pattern compiles; one that did not would
                // match nothing.
                Matcher::Regex(compiled) => compiled
                    .get_or_init(|| ::regress::Regex::new(self.source).ok())
                    .as_ref()
                    .is_some_and(|regex| regex.find(value).is_some()),
            },
        )
    } else {
        (quote!(), quote!(), quote!())
    };
    quote! {
        /// A `pattern`.
        pub struct Pattern {
            source: &'static str,
            matcher: Matcher,
        }

        enum Matcher {
            /// Compiled by the generator; for ASCII values, determinized on first use.
            Automaton(&'static Automaton, ::std::sync::OnceLock<::std::option::Option<AsciiDfa>>),
            #regex_variant
        }

        impl Pattern {
            /// A pattern the generator compiled into an automaton.
            pub const fn automaton(source: &'static str, automaton: &'static Automaton) -> Self {
                Pattern { source, matcher: Matcher::Automaton(automaton, ::std::sync::OnceLock::new()) }
            }

            #regex_constructor

            /// Whether the pattern matches anywhere in `value`.
            pub fn is_match(&self, value: &str) -> bool {
                match &self.matcher {
                    Matcher::Automaton(automaton, dfa) => {
                        if value.is_ascii() {
                            if let ::std::option::Option::Some(dfa) = dfa.get_or_init(|| automaton.ascii_dfa()) {
                                return dfa.is_match(automaton, value.as_bytes());
                            }
                        }
                        automaton.is_match(value)
                    }
                    #regex_arm
                }
            }

            /// Checks `value`.
            pub fn check(&self, path: &dyn Fn() -> ::std::string::String, value: &str, sensitive: bool, violations: &mut ::std::vec::Vec<Violation>) {
                if !self.is_match(value) {
                    let value = if sensitive { ::std::option::Option::None } else { ::std::option::Option::Some(value.to_owned()) };
                    violations.push(Violation { path: path(), kind: ViolationKind::Pattern { pattern: self.source, value } });
                }
            }
        }

        /// A pattern's position automaton, written out by the generator: one state per
        /// position that matches a character, sets of states as bit masks.
        pub struct Automaton {
            /// The distinct character classes (inclusive ranges).
            pub classes: &'static [&'static [(char, char)]],
            /// Per class, its ASCII members as a bitmap (bit `c` for character `c`).
            pub ascii: &'static [u128],
            /// Per state, the index of the class it matches.
            pub state_class: &'static [u8],
            /// The states that may match the first character.
            pub first: u128,
            /// Per state, the states that may match the next character.
            pub follow: &'static [u128],
            /// Reaching one of these states is a match.
            pub accept_anywhere: u128,
            /// Ending the value in one of these states is a match.
            pub accept_at_end: u128,
            /// Whether the empty value matches.
            pub empty_matches: bool,
            /// Whether every value matches.
            pub always_matches: bool,
        }

        impl Automaton {
            /// Walks the value once, keeping the set of states reached: over bytes with the
            /// ASCII bitmaps when the value is ASCII, over characters and ranges otherwise.
            pub fn is_match(&self, value: &str) -> bool {
                if self.always_matches {
                    return true;
                }
                if value.is_empty() {
                    return self.empty_matches;
                }
                if value.is_ascii() {
                    self.walk(value.bytes(), |class, byte| self.ascii_accepts(class, byte.into()))
                } else {
                    self.walk(value.chars(), |class, c| {
                        self.classes
                            .get(class)
                            .is_some_and(|ranges| ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi))
                    })
                }
            }

            /// The automaton determinized over ASCII: bytes that every class treats alike share
            /// a column, and each set of active states gets a row of next states, so an ASCII
            /// value costs two small lookups per byte. `None` when it would need more than 256
            /// states (the walk then does the work).
            fn ascii_dfa(&self) -> ::std::option::Option<AsciiDfa> {
                // Column of each byte: the set of classes it belongs to, numbered in order.
                let mut signatures: ::std::vec::Vec<u128> = ::std::vec::Vec::new();
                let mut column = [0u8; 128];
                for (byte, slot) in (0u32..).zip(column.iter_mut()) {
                    let signature = (0u32..)
                        .zip(self.ascii.iter())
                        .filter(|(_, bits)| (*bits >> byte) & 1 != 0)
                        .fold(0u128, |set, (class, _)| set | 1u128.checked_shl(class).unwrap_or(0));
                    let index = match signatures.iter().position(|&known| known == signature) {
                        ::std::option::Option::Some(index) => index,
                        ::std::option::Option::None => {
                            signatures.push(signature);
                            signatures.len() - 1
                        }
                    };
                    *slot = u8::try_from(index).ok()?;
                }
                let columns = signatures.len();
                let mut sets: ::std::vec::Vec<u128> = ::std::vec![0, 0, 0];
                let mut table = ::std::vec::Vec::new();
                let mut at_end = ::std::vec![false, false, true];
                let mut row = 0;
                while row < sets.len() {
                    if row == AsciiDfa::DEAD || row == AsciiDfa::MATCHED {
                        table.extend(::std::iter::repeat_n(row as u8, columns));
                        row += 1;
                        continue;
                    }
                    let candidates = if row == AsciiDfa::START {
                        self.first
                    } else {
                        self.after(sets.get(row).copied().unwrap_or(0))
                    };
                    for representative in 0..columns {
                        let byte = column.iter().position(|&c| usize::from(c) == representative).unwrap_or(0) as u32;
                        let active = self.taking(candidates, byte, &|class, byte| self.ascii_accepts(class, byte));
                        let next = if active & self.accept_anywhere != 0 {
                            AsciiDfa::MATCHED
                        } else if active == 0 {
                            AsciiDfa::DEAD
                        } else if let ::std::option::Option::Some(known) = sets.iter().skip(3).position(|&set| set == active) {
                            known + 3
                        } else {
                            if sets.len() >= 256 {
                                return ::std::option::Option::None;
                            }
                            sets.push(active);
                            at_end.push(active & self.accept_at_end != 0);
                            sets.len() - 1
                        };
                        table.push(u8::try_from(next).ok()?);
                    }
                    row += 1;
                }
                ::std::option::Option::Some(AsciiDfa { column, columns, table, at_end })
            }

            fn walk<T: Copy>(&self, items: impl Iterator<Item = T>, accepts: impl Fn(usize, T) -> bool) -> bool {
                let mut active: u128 = 0;
                let mut candidates = self.first;
                for item in items {
                    active = self.taking(candidates, item, &accepts);
                    if active & self.accept_anywhere != 0 {
                        return true;
                    }
                    if active == 0 {
                        return false;
                    }
                    candidates = self.after(active);
                }
                active & self.accept_at_end != 0
            }

            /// The states among `candidates` whose class takes `item`.
            fn taking<T: Copy>(&self, candidates: u128, item: T, accepts: &impl Fn(usize, T) -> bool) -> u128 {
                let mut active: u128 = 0;
                let mut each = candidates;
                while each != 0 {
                    let state = each.trailing_zeros() as usize;
                    each &= each - 1;
                    let class = self.state_class.get(state).map_or(usize::MAX, |&class| usize::from(class));
                    if accepts(class, item) {
                        active |= 1 << state;
                    }
                }
                active
            }

            /// The states that may match the character after one matched by `active`.
            fn after(&self, active: u128) -> u128 {
                let mut next: u128 = 0;
                let mut rest = active;
                while rest != 0 {
                    next |= self.follow.get(rest.trailing_zeros() as usize).copied().unwrap_or(0);
                    rest &= rest - 1;
                }
                next
            }

            /// Whether class `class` holds the ASCII character `byte`.
            fn ascii_accepts(&self, class: usize, byte: u32) -> bool {
                self.ascii.get(class).is_some_and(|bits| (bits >> byte) & 1 != 0)
            }
        }

        /// An [`Automaton`] determinized over ASCII (see `Automaton::ascii_dfa`).
        struct AsciiDfa {
            /// The column of each ASCII byte.
            column: [u8; 128],
            /// How many columns there are.
            columns: usize,
            /// `columns` next states per state.
            table: ::std::vec::Vec<u8>,
            /// Per state, whether ending the value there is a match.
            at_end: ::std::vec::Vec<bool>,
        }

        impl AsciiDfa {
            const START: usize = 0;
            const DEAD: usize = 1;
            const MATCHED: usize = 2;

            fn is_match(&self, automaton: &Automaton, value: &[u8]) -> bool {
                if automaton.always_matches {
                    return true;
                }
                if value.is_empty() {
                    return automaton.empty_matches;
                }
                let mut state = Self::START;
                for &byte in value {
                    let column = self.column.get(usize::from(byte)).map_or(0, |&c| usize::from(c));
                    state = self.table.get(state * self.columns + column).map_or(Self::DEAD, |&next| usize::from(next));
                    match state {
                        Self::DEAD => return false,
                        Self::MATCHED => return true,
                        _ => {}
                    }
                }
                self.at_end.get(state).copied().unwrap_or(false)
            }
        }
    }
}

/// The name of the static holding the service's pattern number `index`.
fn pattern_static_name(index: usize) -> proc_macro2::Ident {
    quote::format_ident!("PATTERN_{}", index)
}

/// The `Pattern` static for one of the service's patterns: the automaton when the generator
/// compiled one, regress otherwise.
fn pattern_static(index: usize, pattern: &crate::plan::ir::PatternConstraint) -> TokenStream {
    let name = pattern_static_name(index);
    let source = &pattern.source;
    let doc = format!(" `` {source} ``");
    let Some(program) = &pattern.program else {
        return quote! {
            #[doc = #doc]
            pub(crate) static #name: Pattern = Pattern::regex(#source);
        };
    };
    let mask = |bits: u128| -> TokenStream {
        let literal = syn::LitInt::new(&format!("{bits:#x}"), proc_macro2::Span::call_site());
        quote!(#literal)
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
        );
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
    item_constraints: &'a Constraints,
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
    let numeric = matches!(
        ty,
        RustType::Byte
            | RustType::Short
            | RustType::Integer
            | RustType::Long
            | RustType::Float
            | RustType::Double
    );
    if let Some((min, max)) = constraints.range.filter(|_| numeric) {
        let (min, max) = (option_f64(min), option_f64(max));
        out.extend(quote!(crate::validation::range(#path, *#value as f64, #min, #max, #sensitive, violations);));
    }
    match ty {
        RustType::Structure { .. } | RustType::Union { .. } if nested => {
            out.extend(
                quote!(crate::validation::Validate::validate_at(#value, &#path_var(), violations);),
            );
        }
        RustType::List(item)
        | RustType::SparseList(item)
        | RustType::Map(item)
        | RustType::SparseMap(item) => {
            let no_constraints = Constraints::default();
            let item_spec = Spec {
                constraints: item_constraints,
                item_constraints: &no_constraints,
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

fn option_f64(value: Option<f64>) -> TokenStream {
    match value {
        Some(v) => {
            let lit = Literal::f64_suffixed(v);
            quote!(::std::option::Option::Some(#lit))
        }
        None => quote!(::std::option::Option::None),
    }
}
