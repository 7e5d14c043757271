//! `BigInteger` and `BigDecimal`: arbitrary-precision numbers, kept as the exact JSON number
//! text so that no digit is lost to a fixed-size type.

/// The text of a number of either kind, and its wire form: the two types differ only in
/// which texts they accept.
macro_rules! big_number {
    ($(#[$doc:meta])* $name:ident, $valid:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            /// Parses the number's text; `None` when it is not a valid number of this kind.
            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim();
                let valid: fn(&str) -> bool = $valid;
                if valid(text) {
                    Some($name(text.to_owned()))
                } else {
                    None
                }
            }

            /// The number's text, exactly as received or given.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl serde::Serialize for $name {
            /// Writes the number's text as a JSON number, unchanged.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let raw = serde_json::value::RawValue::from_string(self.0.clone())
                    .map_err(<S::Error as serde::ser::Error>::custom)?;
                raw.serialize(serializer)
            }
        }

        crate::wire::read_json_via_serde!($name);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw: Box<serde_json::value::RawValue> =
                    serde::Deserialize::deserialize(deserializer)?;
                $name::parse(raw.get()).ok_or_else(|| {
                    <D::Error as serde::de::Error>::custom(format!(
                        "expected a number, found {}",
                        raw.get()
                    ))
                })
            }
        }
    };
}

big_number!(
    /// An arbitrary-precision integer, kept exactly as its decimal text.
    BigInteger,
    |text| {
        // Digits, with an optional leading minus sign.
        let sign = usize::from(text.starts_with('-'));
        text.bytes().skip(sign).all(|b| b.is_ascii_digit()) && text.len() > sign
    }
);

big_number!(
    /// An arbitrary-precision decimal, kept exactly as its text.
    BigDecimal,
    |text| serde_json::from_str::<serde_json::Number>(text).is_ok()
);
