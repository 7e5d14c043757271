//! Rust names for Smithy names. The wire name is always kept beside the Rust name in the IR;
//! these functions only decide what the Rust side is called.
//!
//! The traps: `KMSInternalException` (an acronym run), `CustomKeyStoreHasCMKsException` (a
//! plural acronym that naive word splitting turns into `CmKs`), `AWS_CLOUDHSM`
//! (SCREAMING_SNAKE enum members), and members named after Rust keywords.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords (strict and reserved, all editions) that cannot be used as plain identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers either; they get a trailing underscore.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// `UpperCamelCase` name for a type or enum variant (`KMSInternalException` ->
/// `KmsInternalException`, `CustomKeyStoreHasCMKsException` -> `CustomKeyStoreHasCmksException`,
/// `AWS_CLOUDHSM` -> `AwsCloudhsm`).
pub fn type_name(smithy_name: &str) -> String {
    escape(fold_plural_acronyms(smithy_name).to_upper_camel_case())
}

/// `snake_case` name for a field or module (`XksProxyUriEndpoint` -> `xks_proxy_uri_endpoint`,
/// `type` -> `r#type`).
pub fn field_name(smithy_name: &str) -> String {
    escape(fold_plural_acronyms(smithy_name).to_snake_case())
}

/// The builder type of a structure named `type_name`: `KeyBuilder`; `SelfBuilder` for a
/// structure escaped to `Self_` (`Self_Builder` would not be upper camel case).
pub fn builder_name(type_name: &str) -> String {
    with_suffix(type_name, "Builder")
}

/// A type name made of another and a word (`EncryptError`, `EncryptInput`): an escaped name's
/// trailing `_` is dropped first (`Self_` gives `SelfError`, as `Self_Error` would not be upper
/// camel case).
pub fn with_suffix(type_name: &str, suffix: &str) -> String {
    format!("{}{suffix}", type_name.trim_end_matches('_'))
}

/// Makes a name usable as an identifier: raw identifier for keywords where Rust allows it,
/// a trailing underscore otherwise; a leading digit gets an underscore in front.
fn escape(name: String) -> String {
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("_{name}");
    }
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Turns a plural acronym (`CMKs`, `HSMs`, `IDs`) into one word by upper-casing its `s`, so that
/// the case converters see `CMKS` rather than `CM` + `Ks`.
fn fold_plural_acronyms(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut upper_run = 0;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let ends_word = next.is_none_or(|n| !n.is_ascii_lowercase());
        if c == 's' && upper_run >= 2 && ends_word {
            out.push('S');
        } else {
            out.push(c);
        }
        upper_run = if c.is_ascii_uppercase() {
            upper_run + 1
        } else {
            0
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        assert_eq!(type_name("KMSInternalException"), "KmsInternalException");
        assert_eq!(
            type_name("CustomKeyStoreHasCMKsException"),
            "CustomKeyStoreHasCmksException"
        );
        assert_eq!(type_name("AWS_CLOUDHSM"), "AwsCloudhsm");
        assert_eq!(type_name("EXTERNAL_KEY_STORE"), "ExternalKeyStore");
        assert_eq!(
            type_name("CloudHsmClusterNotActiveException"),
            "CloudHsmClusterNotActiveException"
        );
        assert_eq!(
            type_name("XksProxyUriEndpointInUseException"),
            "XksProxyUriEndpointInUseException"
        );
        assert_eq!(type_name("Self"), "Self_");
    }

    #[test]
    fn field_names() {
        assert_eq!(field_name("CustomKeyStoreId"), "custom_key_store_id");
        assert_eq!(field_name("XksProxyUriEndpoint"), "xks_proxy_uri_endpoint");
        assert_eq!(field_name("CloudHsmClusterId"), "cloud_hsm_cluster_id");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("Type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("CMKs"), "cmks");
        assert_eq!(field_name("message"), "message");
    }

    #[test]
    fn plural_acronym_only_at_word_end() {
        assert_eq!(fold_plural_acronyms("HasCMKsException"), "HasCMKSException");
        assert_eq!(fold_plural_acronyms("KMSsomething"), "KMSsomething");
        assert_eq!(fold_plural_acronyms("Keys"), "Keys");
    }
}
