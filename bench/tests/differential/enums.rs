//! Every enum an input reaches, its variants paired by NAME between our crate and the peer:
//! a request built from one pair must carry the same wire value on both sides, so a variant
//! whose wire value is wrong on our side shows up as a body difference.

use super::strings;
use proptest::prelude::*;
use std::fmt::Debug;

/// One value on each side: ours, then the peer's.
pub type Paired<O, T> = (O, T);

macro_rules! paired {
    ($(#[$doc:meta])* $name:ident => $enum:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        pub fn $name() -> Vec<Paired<kms_api::types::$enum, aws_sdk_kms::types::$enum>> {
            vec![$((kms_api::types::$enum::$variant, aws_sdk_kms::types::$enum::$variant)),+]
        }
    };
}

paired!(
    /// `CustomKeyStoreType`, sent by `CreateCustomKeyStore`.
    custom_key_store_type => CustomKeyStoreType { AwsCloudhsm, ExternalKeyStore }
);
paired!(
    /// `XksProxyConnectivityType`, sent by `CreateCustomKeyStore` and `UpdateCustomKeyStore`.
    xks_proxy_connectivity => XksProxyConnectivityType { PublicEndpoint, VpcEndpointService }
);

/// A pair from `table` most of the time (80%), else a value neither crate knows, built with
/// `from` on both sides.
pub fn pick<O, T>(table: Vec<Paired<O, T>>) -> impl Strategy<Value = Paired<O, T>>
where
    O: Clone + Debug + for<'a> From<&'a str> + 'static,
    T: Clone + Debug + for<'a> From<&'a str> + 'static,
{
    prop_oneof![
        4 => proptest::sample::select(table),
        1 => strings::unknown_enum_value()
            .prop_map(|raw| (O::from(raw.as_str()), T::from(raw.as_str()))),
    ]
}
