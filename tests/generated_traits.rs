//! Traits of the generated types that no single behaviour test would notice missing:
//! every public error type can cross threads and be boxed as `dyn Error + Send + Sync`, and
//! data types derive `Eq` and `Hash` exactly where all their members allow it.
//!
//! The types are found by reading the generated source with syn, so a new error type or a
//! new shape cannot be left out: the test fails until it is listed here.

use std::collections::{BTreeMap, BTreeSet};
use syn::{Item, Visibility};
use workspace_tests::{files_under, generate_from, root};

/// Lists every public error type of `kms-api`, by its path in the crate, and checks at
/// compile time that each is an error that is `Send + Sync + 'static`.
macro_rules! error_types {
    ($($path:literal => $ty:ty,)*) => {
        const LISTED_ERRORS: &[&str] = &[$($path),*];

        // The bounds are checked when this compiles; running it checks nothing more.
        #[test]
        fn every_listed_error_is_send_sync_static() {
            fn check<T: std::error::Error + Send + Sync + 'static>() {}
            $(check::<$ty>();)*
        }
    };
}

error_types! {
    "errors::CloudHsmClusterInUseException" => kms_api::errors::CloudHsmClusterInUseException,
    "errors::CloudHsmClusterInvalidConfigurationException" => kms_api::errors::CloudHsmClusterInvalidConfigurationException,
    "errors::CloudHsmClusterNotActiveException" => kms_api::errors::CloudHsmClusterNotActiveException,
    "errors::CloudHsmClusterNotFoundException" => kms_api::errors::CloudHsmClusterNotFoundException,
    "errors::CloudHsmClusterNotRelatedException" => kms_api::errors::CloudHsmClusterNotRelatedException,
    "errors::CustomKeyStoreHasCmksException" => kms_api::errors::CustomKeyStoreHasCmksException,
    "errors::CustomKeyStoreInvalidStateException" => kms_api::errors::CustomKeyStoreInvalidStateException,
    "errors::CustomKeyStoreNameInUseException" => kms_api::errors::CustomKeyStoreNameInUseException,
    "errors::CustomKeyStoreNotFoundException" => kms_api::errors::CustomKeyStoreNotFoundException,
    "errors::IncorrectTrustAnchorException" => kms_api::errors::IncorrectTrustAnchorException,
    "errors::InvalidMarkerException" => kms_api::errors::InvalidMarkerException,
    "errors::KmsInternalException" => kms_api::errors::KmsInternalException,
    "errors::LimitExceededException" => kms_api::errors::LimitExceededException,
    "errors::XksProxyIncorrectAuthenticationCredentialException" => kms_api::errors::XksProxyIncorrectAuthenticationCredentialException,
    "errors::XksProxyInvalidConfigurationException" => kms_api::errors::XksProxyInvalidConfigurationException,
    "errors::XksProxyInvalidResponseException" => kms_api::errors::XksProxyInvalidResponseException,
    "errors::XksProxyUriEndpointInUseException" => kms_api::errors::XksProxyUriEndpointInUseException,
    "errors::XksProxyUriInUseException" => kms_api::errors::XksProxyUriInUseException,
    "errors::XksProxyUriUnreachableException" => kms_api::errors::XksProxyUriUnreachableException,
    "errors::XksProxyVpcEndpointServiceInUseException" => kms_api::errors::XksProxyVpcEndpointServiceInUseException,
    "errors::XksProxyVpcEndpointServiceInvalidConfigurationException" => kms_api::errors::XksProxyVpcEndpointServiceInvalidConfigurationException,
    "errors::XksProxyVpcEndpointServiceNotFoundException" => kms_api::errors::XksProxyVpcEndpointServiceNotFoundException,
    "operations::connect_custom_key_store::ConnectCustomKeyStoreError" => kms_api::operations::connect_custom_key_store::ConnectCustomKeyStoreError,
    "operations::create_custom_key_store::CreateCustomKeyStoreError" => kms_api::operations::create_custom_key_store::CreateCustomKeyStoreError,
    "operations::delete_custom_key_store::DeleteCustomKeyStoreError" => kms_api::operations::delete_custom_key_store::DeleteCustomKeyStoreError,
    "operations::describe_custom_key_stores::DescribeCustomKeyStoresError" => kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresError,
    "operations::disconnect_custom_key_store::DisconnectCustomKeyStoreError" => kms_api::operations::disconnect_custom_key_store::DisconnectCustomKeyStoreError,
    "operations::update_custom_key_store::UpdateCustomKeyStoreError" => kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreError,
    "primitives::BuildError" => kms_api::primitives::BuildError,
    // Generic over the operation's error enum: as thread-safe as that enum.
    "server::HandlerError" => kms_api::server::HandlerError<kms_api::operations::connect_custom_key_store::ConnectCustomKeyStoreError>,
    "primitives::UnhandledError" => kms_api::primitives::UnhandledError,
    "validation::ValidationError" => kms_api::validation::ValidationError,
    "wire::RequestError" => kms_api::wire::RequestError,
    "wire::JsonError" => kms_api::wire::JsonError,
    "wire::JsonWriteError" => kms_api::wire::JsonWriteError,
    // Generic over the sender's error: it is as thread-safe as that error.
    "wire::PaginationError" => kms_api::wire::PaginationError<kms_api::primitives::UnhandledError>,
}

/// A parsed file of a generated crate, with the module its items are public at.
struct SourceFile {
    module: String,
    items: Vec<Item>,
}

/// Parses every Rust file of a generated crate's `src/`, given by path relative to it. Only
/// `operations/` has public submodules: the files under `types/`, `errors/` and the runtime's
/// `primitives/`, `wire/` and `validation/` are private, their types re-exported by the
/// module's index.
fn parse_crate(files: impl IntoIterator<Item = (String, String)>) -> Vec<SourceFile> {
    files
        .into_iter()
        .filter(|(path, _)| path.ends_with(".rs"))
        .map(|(path, text)| {
            let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let stem = path.trim_end_matches(".rs").trim_end_matches("/mod");
            let module = match stem.split_once('/') {
                Some(("operations", _)) | None => stem.replace('/', "::"),
                Some((dir, _)) => dir.to_owned(),
            };
            SourceFile {
                module,
                items: file.items,
            }
        })
        .collect()
}

fn checked_in_crate() -> Vec<SourceFile> {
    let dir = root().join("generated/src");
    parse_crate(files_under(&dir).into_iter().map(|(path, bytes)| {
        let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        (path, text)
    }))
}

/// The type an item declares publicly: its name, when it is a `pub` struct or enum.
fn public_type(item: &Item) -> Option<String> {
    match item {
        Item::Struct(s) if matches!(s.vis, Visibility::Public(_)) => Some(s.ident.to_string()),
        Item::Enum(e) if matches!(e.vis, Visibility::Public(_)) => Some(e.ident.to_string()),
        _ => None,
    }
}

/// Whether a path names `std::error::Error` (with or without a leading `::`).
fn is_std_error(path: &syn::Path) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    names == ["std", "error", "Error"]
}

/// The name of an impl's self type (`PaginationError` for `PaginationError<E>`).
fn self_type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// The public types that implement `std::error::Error`, as `module::Name`: by an `impl`
/// item, or by invoking a `macro_rules!` whose body implements it for its first argument
/// (`modelled_error!`, `operation_error!`), itself or through another such macro
/// (`message_error!`, through `modelled_error!`).
fn error_types(crate_files: &[SourceFile]) -> BTreeSet<String> {
    let macro_bodies: BTreeMap<String, String> = crate_files
        .iter()
        .flat_map(|file| &file.items)
        .filter_map(|item| match item {
            Item::Macro(m) if m.mac.path.is_ident("macro_rules") => {
                Some((m.ident.as_ref()?.to_string(), m.mac.tokens.to_string()))
            }
            _ => None,
        })
        .collect();
    let mut error_macros: BTreeSet<String> = macro_bodies
        .iter()
        .filter(|(_, body)| body.contains("std :: error :: Error for $"))
        .map(|(name, _)| name.clone())
        .collect();
    loop {
        let through: Vec<String> = macro_bodies
            .iter()
            .filter(|(name, body)| {
                !error_macros.contains(*name)
                    && error_macros
                        .iter()
                        .any(|inner| body.contains(&format!("{inner} ! (")))
            })
            .map(|(name, _)| name.clone())
            .collect();
        if through.is_empty() {
            break;
        }
        error_macros.extend(through);
    }
    assert!(
        error_macros.len() >= 2,
        "modelled_error! and operation_error! implement Error: {error_macros:?}"
    );
    let mut found = BTreeSet::new();
    for file in crate_files {
        let public: BTreeSet<String> = file.items.iter().filter_map(public_type).collect();
        for item in &file.items {
            let implemented = match item {
                Item::Impl(i) => i
                    .trait_
                    .as_ref()
                    .filter(|(path, _)| is_std_error(path))
                    .and_then(|_| self_type_name(&i.self_ty)),
                Item::Macro(m) => m
                    .mac
                    .path
                    .segments
                    .last()
                    .filter(|name| error_macros.contains(&name.ident.to_string()))
                    .and_then(|_| m.mac.parse_body_with(first_ident).ok()),
                _ => None,
            };
            if let Some(name) = implemented.filter(|name| public.contains(name)) {
                found.insert(format!("{}::{name}", file.module));
            }
        }
    }
    found
}

/// A macro's first argument, when it is an identifier; the rest is left unread.
fn first_ident(input: syn::parse::ParseStream<'_>) -> syn::Result<String> {
    let ident: syn::Ident = input.parse()?;
    input.parse::<proc_macro2::TokenStream>()?;
    Ok(ident.to_string())
}

#[test]
fn every_public_error_type_is_send_sync_static() {
    let found = error_types(&checked_in_crate());
    let listed: BTreeSet<String> = LISTED_ERRORS.iter().map(|s| s.to_string()).collect();
    let unlisted: Vec<_> = found.difference(&listed).collect();
    let gone: Vec<_> = listed.difference(&found).collect();
    assert!(
        unlisted.is_empty() && gone.is_empty(),
        "the crate's error types changed: add to error_types! {unlisted:?}, remove {gone:?}"
    );
}

/// The finder itself sees errors implemented by hand and through a macro, and only public ones.
#[test]
fn the_error_finder_sees_impls_and_macros() {
    let source = r#"
        macro_rules! failure { ($name:ident) => { impl ::std::error::Error for $name {} }; }
        pub struct ByHand;
        impl std::error::Error for ByHand {}
        pub struct ByMacro;
        crate::failure!(ByMacro);
        pub enum Generic<E> { A(E) }
        impl<E: std::fmt::Debug> ::std::error::Error for Generic<E> {}
        struct Private;
        impl std::error::Error for Private {}
        pub struct NotAnError;
        impl std::fmt::Display for NotAnError {}
        macro_rules! second { () => { impl ::std::error::Error for $x {} }; }
        macro_rules! through { ($name:ident) => { crate::failure!($name); }; }
        pub struct ByTwoMacros;
        crate::through!(ByTwoMacros);
        macro_rules! unrelated { ($name:ident) => { impl Clone for $name {} }; }
        pub struct NotByMacro;
        crate::unrelated!(NotByMacro);
    "#;
    let files = parse_crate([("wire.rs".to_owned(), source.to_owned())]);
    let found: Vec<String> = error_types(&files).into_iter().collect();
    assert_eq!(
        found,
        [
            "wire::ByHand",
            "wire::ByMacro",
            "wire::ByTwoMacros",
            "wire::Generic"
        ]
    );
}

/// The derives of every public struct and enum but unit structs (operation markers):
/// name -> derived trait names.
fn derives(crate_files: &[SourceFile]) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for file in crate_files {
        for item in &file.items {
            if matches!(item, Item::Struct(s) if matches!(s.fields, syn::Fields::Unit)) {
                continue;
            }
            let (Some(name), attrs) = (public_type(item), attributes(item)) else {
                continue;
            };
            let mut traits = BTreeSet::new();
            for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
                let _ = attr.parse_nested_meta(|meta| {
                    if let Some(last) = meta.path.segments.last() {
                        traits.insert(last.ident.to_string());
                    }
                    Ok(())
                });
            }
            found.insert(name, traits);
        }
    }
    found
}

fn attributes(item: &Item) -> &[syn::Attribute] {
    match item {
        Item::Struct(s) => &s.attrs,
        Item::Enum(e) => &e.attrs,
        _ => &[],
    }
}

/// The data types of `tests/models/kinds.json` (one of every shape kind) and whether each
/// derives `Eq` and `Hash`, decided by hand from the model.
const KINDS_EQ_HASH: &[(&str, bool, &str)] = &[
    ("Circle", false, "a double"),
    ("Colour", true, "an enum"),
    ("CreateThingInput", true, "strings only"),
    ("Everything", false, "floats and a document"),
    ("ForeignThing", true, "a string"),
    ("GetTreeInput", true, "an integer"),
    ("Level", true, "an integer enum"),
    ("Oops", true, "an error of a string and an integer"),
    ("Option", true, "a string"),
    ("OtherWidget", true, "a string"),
    ("PingInput", true, "no members"),
    ("PingOutput", true, "no members"),
    ("Result", true, "a boolean"),
    ("Shape", false, "a union keeps unknown members as raw JSON"),
    ("Square", false, "a float"),
    (
        "Thing",
        true,
        "strings and structures of strings and integers",
    ),
    (
        "Tree",
        true,
        "recursive through itself and a list, strings otherwise",
    ),
    ("Widget", true, "an integer"),
];

/// The source files of the crate generated from `tests/models/kinds.json` whose module starts
/// with one of `modules`.
fn kinds_files(modules: &[&str]) -> Vec<SourceFile> {
    let model = root().join("tests/models/kinds.json");
    let generation = generate_from(&model, None).expect("the kinds model generates");
    let files = generation
        .files
        .into_iter()
        .filter_map(|(path, text)| Some((path.strip_prefix("src/")?.to_owned(), text)));
    parse_crate(files)
        .into_iter()
        .filter(|file| modules.iter().any(|module| file.module.starts_with(module)))
        .collect()
}

#[test]
fn data_types_derive_eq_and_hash_exactly_where_their_members_allow() {
    let derived = derives(&kinds_files(&["types", "errors", "operations::"]));
    // Builders and error enums are not data types (operation markers are left out already).
    let data: BTreeMap<&String, &BTreeSet<String>> = derived
        .iter()
        .filter(|(name, _)| !name.ends_with("Builder") && !name.ends_with("Error"))
        .collect();
    let listed: BTreeSet<&str> = KINDS_EQ_HASH.iter().map(|(name, ..)| *name).collect();
    let found: BTreeSet<&str> = data.keys().map(|name| name.as_str()).collect();
    assert_eq!(found, listed, "the kinds model's data types");
    for (name, expected, why) in KINDS_EQ_HASH {
        let traits = data[&name.to_string()];
        let (eq, hash) = (traits.contains("Eq"), traits.contains("Hash"));
        assert_eq!(
            (eq, hash),
            (*expected, *expected),
            "{name} ({why}) derives {traits:?}"
        );
    }
}

/// Operation error enums are `Eq` when every error they hold is (`UnhandledError` is), and
/// never `Hash`. Every error of the kinds model (`Oops`) is `Eq`.
#[test]
fn operation_error_enums_are_eq_when_their_errors_are() {
    let derived = derives(&kinds_files(&["operations::"]));
    let enums: BTreeMap<&String, &BTreeSet<String>> = derived
        .iter()
        .filter(|(name, _)| name.ends_with("Error"))
        .collect();
    let names: Vec<&str> = enums.keys().map(|name| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "CreateThingError",
            "GetTreeError",
            "PingError",
            "PutEverythingError"
        ]
    );
    for (name, traits) in enums {
        assert!(traits.contains("Eq"), "{name} derives {traits:?}");
        assert!(!traits.contains("Hash"), "{name} derives {traits:?}");
    }
    fn check<T: Eq>() {}
    check::<kms_api::operations::connect_custom_key_store::ConnectCustomKeyStoreError>();
    check::<kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreError>();
}

/// The checked-in crate's data types, all free of floats and documents, derive both.
#[test]
fn every_kms_data_type_derives_eq_and_hash() {
    fn check<T: Eq + std::hash::Hash>() {}
    check::<kms_api::types::CustomKeyStoresListEntry>();
    check::<kms_api::types::XksProxyConfigurationType>();
    check::<kms_api::types::XksProxyAuthenticationCredentialType>();
    check::<kms_api::operations::update_custom_key_store::UpdateCustomKeyStoreRequest>();
    check::<kms_api::operations::describe_custom_key_stores::DescribeCustomKeyStoresResponse>();
    check::<kms_api::errors::CustomKeyStoreNotFoundException>();
}
