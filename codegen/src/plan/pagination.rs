//! `smithy.api#paginated`: the operation's member names merged with the service's defaults,
//! and checked against the input and output structures. Shapes that are valid Smithy but
//! that the generated pagers do not handle (nested paths, non-string tokens such as
//! DynamoDB's key maps) leave the operation without pagination helpers, with a warning;
//! names of members that do not exist are errors.

use super::ir::{Paginated, RustType, TypeDef, TypeRef};
use super::problems::Problems;
use crate::load::{Shape, ShapeId};
use std::collections::BTreeMap;

/// The operation's pagination, when it has the trait and the pagers support it.
pub(super) fn plan(
    op: &Shape,
    service: &Shape,
    io: [&TypeRef; 2],
    table: &BTreeMap<ShapeId, TypeDef>,
    problems: &mut Problems,
    warnings: &mut Vec<String>,
) -> Option<Paginated> {
    let own = op.traits.paginated.as_ref()?;
    let defaults = service.traits.paginated.clone().unwrap_or_default();
    let field = |own: &Option<String>, default: Option<String>| own.clone().or(default);
    let (Some(input_token), Some(output_token)) = (
        field(&own.input_token, defaults.input_token),
        field(&own.output_token, defaults.output_token),
    ) else {
        problems.report(
            &op.id,
            "`paginated` needs `inputToken` and `outputToken` (on the operation or the service)",
        );
        return None;
    };
    let paginated = Paginated {
        input_token,
        output_token,
        items: field(&own.items, defaults.items),
        page_size: field(&own.page_size, defaults.page_size),
    };
    supported(&op.id, &paginated, io, table, problems, warnings).then_some(paginated)
}

/// One member `paginated` names: the trait key, the member, the structure it must be in,
/// the type test, and what the type must be (for the message).
type Check<'a> = (
    &'static str,
    Option<&'a String>,
    &'a TypeRef,
    fn(&RustType) -> bool,
    &'static str,
);

/// The paginated trait must name top-level members: string tokens, a list of items and a
/// numeric page size.
fn supported(
    op_id: &ShapeId,
    paginated: &Paginated,
    [input, output]: [&TypeRef; 2],
    table: &BTreeMap<ShapeId, TypeDef>,
    problems: &mut Problems,
    warnings: &mut Vec<String>,
) -> bool {
    let numeric = |ty: &RustType| {
        matches!(
            ty,
            RustType::Byte | RustType::Short | RustType::Integer | RustType::Long
        )
    };
    let checks: [Check; 4] = [
        (
            "inputToken",
            Some(&paginated.input_token),
            input,
            |t| *t == RustType::String,
            "a string",
        ),
        (
            "outputToken",
            Some(&paginated.output_token),
            output,
            |t| *t == RustType::String,
            "a string",
        ),
        (
            "items",
            paginated.items.as_ref(),
            output,
            |t| matches!(t, RustType::List(_)),
            "a list",
        ),
        (
            "pageSize",
            paginated.page_size.as_ref(),
            input,
            numeric,
            "an integer",
        ),
    ];
    let mut supported = true;
    let member_type = |structure: &TypeRef, member: &str| match table.get(&structure.id) {
        Some(TypeDef::Structure(s)) => s.members.iter().find(|m| m.wire_name == member),
        _ => None,
    };
    for (key, member, structure, fits, expected) in checks {
        let Some(member) = member else { continue };
        let unsupported = if member.contains('.') {
            format!("`paginated.{key}` `{member}` is a nested path")
        } else {
            match member_type(structure, member) {
                None => {
                    problems.report(
                        op_id,
                        format!(
                            "`paginated.{key}` names `{member}`, which is not a member of {}",
                            structure.name.name
                        ),
                    );
                    supported = false;
                    continue;
                }
                Some(m) if !fits(&m.ty) => {
                    format!("`paginated.{key}` member `{member}` is not {expected}")
                }
                Some(_) => continue,
            }
        };
        warnings.push(format!("{op_id}: no pagination helpers: {unsupported}"));
        supported = false;
    }
    supported
}
