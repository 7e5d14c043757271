//! Rust names for Smithy names, written here on their own rather than taken from the
//! generator's planner, so that a test can name the variant or field it expects
//! independently of the code under test (see [`ModelFacts`](super::ModelFacts) and the wire harness).

/// The words of a Smithy name, written here on their own rather than taken from the
/// generator: split at `_` and other separators, before an upper-case letter that follows a
/// lower-case letter or a digit, and before the last capital of an acronym that runs into a
/// word (`KMSInternal` -> `KMS`, `Internal`). A plural acronym stays one word: `CMKs` in
/// `HasCMKsException`, `IDs` (capitals then an `s` that ends the word).
pub fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let previous = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let next = chars.get(i + 1).copied();
            let boundary = match previous {
                Some(p) if c.is_uppercase() => {
                    let after_lower = p.is_lowercase() || p.is_ascii_digit();
                    let acronym_ends = p.is_uppercase()
                        && next.is_some_and(char::is_lowercase)
                        && !plural_acronym(&chars, i);
                    after_lower || acronym_ends
                }
                _ => false,
            };
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Whether the capital at `i` is followed by an `s` that ends a plural acronym: at least two
/// capitals up to `i`, then `s`, then no lower-case letter.
fn plural_acronym(chars: &[char], i: usize) -> bool {
    let capitals = chars[..=i]
        .iter()
        .rev()
        .take_while(|c| c.is_uppercase())
        .count();
    capitals >= 2
        && chars.get(i + 1) == Some(&'s')
        && !chars.get(i + 2).is_some_and(|c| c.is_lowercase())
}

/// The Rust variant name for a member name: its words capitalized and joined
/// (`AWS_CLOUDHSM` -> `AwsCloudhsm`). `Unknown` is the crate's catch-all variant, so a member
/// of that name is `UnknownValue`; `Self` is `Self_`; a leading digit gets a `_`.
pub fn upper_camel_case(name: &str) -> String {
    let mut out: String = name_words(name)
        .iter()
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect();
    if out.starts_with(|c: char| c.is_ascii_digit()) || out.is_empty() {
        out.insert(0, '_');
    }
    match out.as_str() {
        "Unknown" => "UnknownValue".to_owned(),
        "Self" => "Self_".to_owned(),
        _ => out,
    }
}

/// The Rust field name for a member name, as `Debug` prints it: its words in lower case
/// joined by `_` (`CustomKeyStoreId` -> `custom_key_store_id`). Keywords print as themselves
/// (`r#type` prints `type`); `crate`, `self` and `super`, which cannot be raw identifiers, get a
/// trailing `_`; a leading digit gets a `_`.
pub fn snake_case(name: &str) -> String {
    let mut out = name_words(name)
        .iter()
        .map(|word| word.to_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    if out.starts_with(|c: char| c.is_ascii_digit()) || out.is_empty() {
        out.insert(0, '_');
    }
    if matches!(out.as_str(), "crate" | "self" | "super") {
        out.push('_');
    }
    out
}

/// Member names that would shadow a method of the builder or the structure, or of a trait
/// they implement (the README's "Model text is data": `build`, `builder`, `default`, `new`,
/// `validate`, and trait methods such as `clone`, `fmt` and `into`), written out here.
pub const RESERVED_FIELD_NAMES: &[&str] = &[
    "build",
    "builder",
    "default",
    "new",
    "validate",
    "clone",
    "clone_from",
    "fmt",
    "eq",
    "ne",
    "hash",
    "into",
    "from",
    "try_from",
    "try_into",
    "to_owned",
    "to_string",
    "type_id",
];

/// The field names of a structure's members from their snake_case names (model order), by
/// the README's rules: numbered apart (see [`numbered`]), then a name that is reserved
/// (above) or that is another member's setter (`set_x` beside `x`) gets a trailing `_`
/// until it is free. Plain names are settled first, then `set_*` names, then reserved ones,
/// each in model order.
pub fn field_names(converted: &[String]) -> Vec<String> {
    let natural = numbered(converted, "_");
    let mut taken: Vec<String> = RESERVED_FIELD_NAMES
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    let mut result = natural.clone();
    let group = |name: &str| {
        if RESERVED_FIELD_NAMES.contains(&name) {
            2
        } else {
            usize::from(name.starts_with("set_"))
        }
    };
    let mut order: Vec<usize> = (0..natural.len()).collect();
    order.sort_by_key(|i| group(&natural[*i]));
    for i in order {
        let mut field = natural[i].clone();
        while taken.contains(&field) || taken.contains(&format!("set_{field}")) {
            field.push('_');
        }
        taken.push(format!("set_{field}"));
        taken.push(field.clone());
        result[i] = field;
    }
    result
}

/// The Rust names of a shape's members whose names may convert to one name (`converted`, in
/// model order), by the README's rule: the first keeps the name, each later one takes
/// `name{separator}{n}` for the least `n` from 2 that no member converts to and no earlier
/// member was given (`alpha_bravo`, `alpha_bravo_2`; `AlphaBravo`, `AlphaBravo2`).
pub fn numbered(converted: &[String], separator: &str) -> Vec<String> {
    let mut given: Vec<String> = Vec::new();
    for name in converted {
        let mut candidate = name.clone();
        let mut n = 2;
        while given.contains(&candidate) || (candidate != *name && converted.contains(&candidate)) {
            candidate = format!("{name}{separator}{n}");
            n += 1;
        }
        given.push(candidate);
    }
    given
}

#[cfg(test)]
mod tests {
    use super::{field_names, name_words, numbered, snake_case, upper_camel_case};

    #[test]
    fn reserved_names_and_setters_take_a_trailing_underscore() {
        let names = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        // Cognito's `From` member, a member beside its setter, and a name taken twice.
        assert_eq!(
            field_names(&names(&["from", "x", "set_x", "build", "build_"])),
            names(&["from_", "x", "set_x_", "build__", "build_"])
        );
        assert_eq!(
            field_names(&names(&["name", "into"])),
            names(&["name", "into_"])
        );
    }

    #[test]
    fn members_that_convert_to_one_name_are_numbered() {
        let names = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            numbered(&names(&["a_b", "a_b", "a_b_2", "a_b", "c"]), "_"),
            names(&["a_b", "a_b_3", "a_b_2", "a_b_4", "c"])
        );
        assert_eq!(numbered(&names(&["AB", "AB"]), ""), names(&["AB", "AB2"]));
    }

    #[test]
    fn names_convert_like_the_readme_says() {
        assert_eq!(upper_camel_case("AWS_CLOUDHSM"), "AwsCloudhsm");
        assert_eq!(upper_camel_case("EXTERNAL_KEY_STORE"), "ExternalKeyStore");
        assert_eq!(
            upper_camel_case("KMSInternalException"),
            "KmsInternalException"
        );
        assert_eq!(
            upper_camel_case("CustomKeyStoreHasCMKsException"),
            "CustomKeyStoreHasCmksException"
        );
        assert_eq!(upper_camel_case("RSA_2048"), "Rsa2048");
        assert_eq!(upper_camel_case("UNKNOWN"), "UnknownValue");
        assert_eq!(upper_camel_case("low"), "Low");
        assert_eq!(snake_case("CustomKeyStoreId"), "custom_key_store_id");
        assert_eq!(snake_case("XksProxyUriEndpoint"), "xks_proxy_uri_endpoint");
        assert_eq!(snake_case("CloudHsmClusterId"), "cloud_hsm_cluster_id");
        assert_eq!(snake_case("type"), "type");
        assert_eq!(snake_case("self"), "self_");
        assert_eq!(snake_case("CMKs"), "cmks");
        assert_eq!(snake_case("S3Bucket"), "s3_bucket");
        assert_eq!(snake_case("SSEDescription"), "sse_description");
        assert_eq!(name_words("Keys"), ["Keys"]);
        // Only an `s` that ends the word makes a plural acronym.
        assert_eq!(name_words("KMSsomething"), ["KM", "Ssomething"]);
        assert_eq!(name_words("HasCMKsException"), ["Has", "CMKs", "Exception"]);
    }
}
