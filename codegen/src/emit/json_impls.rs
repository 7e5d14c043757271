//! A structure's serde impls, as one `json_structure!` invocation of the runtime instead of a
//! derive: a generated crate then needs no `serde_derive` (and so no `syn`, `quote` or
//! `proc-macro2` in its users' builds), a generated file lists its members instead of
//! spelling out the impls, and the wire rules (in `runtime/src/wire/json_structure.rs`) are
//! real code, tested once.

use super::common::{codec, ident, Scope};
use super::default_values::{default_value, is_rust_default};
use crate::plan::ir::{Member, RustType, Structure, StructureRole};
use proc_macro2::{Punct, Spacing, TokenStream, TokenTree};
use quote::quote;

/// The `json_structure!` invocation that gives a structure `Serialize`, `FromJsonObject` and
/// `Deserialize`: one entry per member, naming its kind, field, wire names, codec (left out
/// when it is `Plain`) and model default.
pub fn emit_json_impls(structure: &Structure) -> TokenStream {
    if shared_message_body(structure).is_some() {
        // `message_error!` (emitted with the error's other impls) reads it as a `MessageBody`.
        return quote!();
    }
    let name = ident(&structure.name.name);
    let scope = Scope::Beside(&structure.name);
    let input = structure.role == StructureRole::Input;
    let members = structure.members.iter().map(|member| {
        let field = ident(&member.field_name);
        let wire = wire_names(structure, member);
        let codec = member
            .ty
            .needs_codec()
            .then(|| as_expression(codec(&member.ty)));
        let default = member
            .default
            .as_ref()
            .filter(|value| !is_rust_default(&member.ty, value))
            .map(|value| default_value(&member.ty, value, scope));
        // A default only a server applies: always written out, as the field is an `Option`.
        let server_default = member
            .server_default
            .as_ref()
            .map(|value| default_value(&member.ty, value, scope));
        // Smithy's default value serialization: a required member is always sent, defaults
        // included; an input's other defaulted members are the service's to fill in. A
        // response missing a required member is corrected; an input is never.
        let kind = match (&member.default, member.required) {
            (Some(_), false) if input => quote!(omit_default),
            (Some(_), _) => quote!(defaulted),
            (None, true) if input => quote!(required_input),
            (None, true) => quote!(required),
            (None, false) if server_default.is_some() => quote!(server_defaulted),
            (None, false) => quote!(optional),
        };
        let tail = match (codec, default.or(server_default)) {
            (None, None) => quote!(),
            (Some(codec), None) => quote!(, #codec),
            (codec, Some(default)) => {
                let codec = codec.unwrap_or_else(|| quote!(crate::wire::Plain));
                quote!(, #codec, #default)
            }
        };
        quote!(#kind(#field, #wire #tail))
    });
    // Errors remember the response they came from (status, request id); not on the wire.
    let local = (structure.role == StructureRole::Error).then(|| quote!(local(response)));
    let entries = members.chain(local);
    quote! {
        crate::wire::json_structure!(#name, #(#entries),*);
    }
}

/// The member of an error that reads its body as the runtime's shared `MessageBody`: its only
/// member, an optional, printable, undeprecated string on the wire as `message`. Such errors
/// (most of most AWS models) share one reader, so a crate with many compiles only one.
pub fn shared_message_body(structure: &Structure) -> Option<&Member> {
    match structure.members.as_slice() {
        [member]
            if structure.role == StructureRole::Error
                && member.wire_name == "message"
                && member.ty == RustType::String
                && !member.required
                && member.default.is_none()
                && !member.sensitive
                && member.deprecated.is_none() =>
        {
            Some(member)
        }
        _ => None,
    }
}

/// The wire names a member is read under, as a pattern: its own, then for an error's message
/// the other spelling services use (`message` or `Message`).
fn wire_names(structure: &Structure, member: &Member) -> TokenStream {
    let wire = &member.wire_name;
    if structure.role == StructureRole::Error && wire.eq_ignore_ascii_case("message") {
        let alias = if wire == "message" {
            "Message"
        } else {
            "message"
        };
        quote!(#wire | #alias)
    } else {
        quote!(#wire)
    }
}

/// A codec type written as an expression path (`List::<Plain>`), so that the macro
/// invocation parses as a call and rustfmt lays it out; a type path reads the same.
fn as_expression(codec: TokenStream) -> TokenStream {
    let mut out = Vec::new();
    let mut after_ident = false;
    for token in codec {
        if let TokenTree::Punct(punct) = &token {
            if punct.as_char() == '<' && after_ident {
                out.push(TokenTree::Punct(Punct::new(':', Spacing::Joint)));
                out.push(TokenTree::Punct(Punct::new(':', Spacing::Alone)));
            }
        }
        after_ident = matches!(token, TokenTree::Ident(_));
        out.push(token);
    }
    out.into_iter().collect()
}
