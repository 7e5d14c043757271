//! Support types emitted only when the model needs them (see `usage`).

use proc_macro2::TokenStream;
use quote::quote;

/// `Blob`: bytes, base64 on the wire.
pub fn blob() -> TokenStream {
    quote! {
        /// Binary data; base64 on the wire.
        #[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct Blob(::std::vec::Vec<u8>);

        impl Blob {
            /// Wraps bytes.
            pub fn new(bytes: impl ::std::convert::Into<::std::vec::Vec<u8>>) -> Self {
                Blob(bytes.into())
            }

            /// The bytes.
            pub fn as_bytes(&self) -> &[u8] {
                &self.0
            }

            /// The bytes, owned.
            pub fn into_inner(self) -> ::std::vec::Vec<u8> {
                self.0
            }
        }

        impl ::std::convert::From<::std::vec::Vec<u8>> for Blob {
            fn from(bytes: ::std::vec::Vec<u8>) -> Self {
                Blob(bytes)
            }
        }

        impl ::std::convert::From<&[u8]> for Blob {
            fn from(bytes: &[u8]) -> Self {
                Blob(bytes.to_vec())
            }
        }

        impl crate::validation::Measure for Blob {
            fn measure(&self) -> usize {
                self.0.len()
            }
        }

        impl ::std::convert::AsRef<[u8]> for Blob {
            fn as_ref(&self) -> &[u8] {
                &self.0
            }
        }

        impl ::std::fmt::Debug for Blob {
            /// The length only: blobs are often large, and often secret.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "Blob({} bytes)", self.0.len())
            }
        }

        impl ::serde::Serialize for Blob {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::base64::Engine as _;
                serializer.serialize_str(&::base64::engine::general_purpose::STANDARD.encode(&self.0))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Blob {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                use ::base64::Engine as _;
                let text: ::std::string::String = ::serde::Deserialize::deserialize(deserializer)?;
                ::base64::engine::general_purpose::STANDARD
                    .decode(text.as_bytes())
                    .map(Blob)
                    .map_err(|error| <D::Error as ::serde::de::Error>::custom(format!("invalid base64: {error}")))
            }
        }
    }
}

/// `UnknownMember`: a union member the model did not list, kept whole.
pub fn unknown_member() -> TokenStream {
    quote! {
        /// A union member that the model did not list when the crate was generated: its name
        /// and raw JSON value, kept so that reading and re-sending it loses nothing.
        #[derive(Clone, Debug, PartialEq)]
        pub struct UnknownMember {
            name: ::std::string::String,
            value: ::serde_json::Value,
        }

        impl UnknownMember {
            pub(crate) fn new(name: ::std::string::String, value: ::serde_json::Value) -> Self {
                UnknownMember { name, value }
            }

            /// The member's name on the wire.
            pub fn name(&self) -> &str {
                &self.name
            }

            /// The member's value, as received.
            pub fn value(&self) -> &::serde_json::Value {
                &self.value
            }
        }
    }
}

/// `BigInteger` and `BigDecimal`: kept as the exact JSON number text.
pub fn big_numbers() -> TokenStream {
    let one = |name: proc_macro2::Ident, doc: &str, integer: bool| {
        let check = if integer {
            quote!(
                text.bytes()
                    .skip(usize::from(text.starts_with('-')))
                    .all(|b| b.is_ascii_digit())
                    && text.len() > usize::from(text.starts_with('-'))
            )
        } else {
            quote!(::serde_json::from_str::<::serde_json::Number>(text).is_ok())
        };
        quote! {
            #[doc = #doc]
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct #name(::std::string::String);

            impl #name {
                /// Parses the number's text; `None` when it is not a valid number of this kind.
                pub fn parse(text: &str) -> ::std::option::Option<Self> {
                    let text = text.trim();
                    if #check {
                        ::std::option::Option::Some(#name(text.to_owned()))
                    } else {
                        ::std::option::Option::None
                    }
                }

                /// The number's text, exactly as received or given.
                pub fn as_str(&self) -> &str {
                    &self.0
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(&self.0)
                }
            }

            impl ::serde::Serialize for #name {
                /// Writes the number's text as a JSON number, unchanged.
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    let raw = ::serde_json::value::RawValue::from_string(self.0.clone()).map_err(<S::Error as ::serde::ser::Error>::custom)?;
                    raw.serialize(serializer)
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    let raw: ::std::boxed::Box<::serde_json::value::RawValue> = ::serde::Deserialize::deserialize(deserializer)?;
                    #name::parse(raw.get()).ok_or_else(|| <D::Error as ::serde::de::Error>::custom(format!("expected a number, found {}", raw.get())))
                }
            }
        }
    };
    let integer = one(
        quote::format_ident!("BigInteger"),
        " An arbitrary-precision integer, kept exactly as its decimal text.",
        true,
    );
    let decimal = one(
        quote::format_ident!("BigDecimal"),
        " An arbitrary-precision decimal, kept exactly as its text.",
        false,
    );
    quote!(#integer #decimal)
}

/// RFC 3339 and IMF-fixdate conversions for `DateTime` (civil-date arithmetic on the
/// proleptic Gregorian calendar, UTC).
pub fn timestamp_formats() -> TokenStream {
    quote! {
        /// Days since 1970-01-01 for a civil date.
        fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
            let year = if month <= 2 { year - 1 } else { year };
            let era = year.div_euclid(400);
            let year_of_era = year.rem_euclid(400);
            let month = i64::from(month);
            let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
            let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
            era * 146_097 + day_of_era - 719_468
        }

        /// The civil date of a day count since 1970-01-01.
        fn civil_from_days(days: i64) -> (i64, u32, u32) {
            let z = days + 719_468;
            let era = z.div_euclid(146_097);
            let day_of_era = z.rem_euclid(146_097);
            let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
            let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
            let mp = (5 * day_of_year + 2) / 153;
            let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
            let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
            let year = year_of_era + era * 400 + i64::from(month <= 2);
            (year, month, day)
        }

        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

        fn digits(text: &str) -> ::std::option::Option<u32> {
            if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) { text.parse().ok() } else { ::std::option::Option::None }
        }

        /// `HH:MM:SS[.fraction]` to seconds of the day and nanoseconds.
        fn parse_clock(text: &str) -> ::std::option::Option<(i64, u32)> {
            let (clock, fraction) = text.split_once('.').unwrap_or((text, ""));
            let mut parts = clock.split(':');
            let (hours, minutes, seconds) = (digits(parts.next()?)?, digits(parts.next()?)?, digits(parts.next()?)?);
            if parts.next().is_some() || hours > 23 || minutes > 59 || seconds > 60 || (text.contains('.') && digits(fraction).is_none()) {
                return ::std::option::Option::None;
            }
            let nanos: ::std::string::String = fraction.chars().chain(::std::iter::repeat('0')).take(9).collect();
            ::std::option::Option::Some((i64::from(hours * 3600 + minutes * 60 + seconds), nanos.parse().ok()?))
        }

        impl crate::primitives::DateTime {
            fn parts(&self) -> (i64, u32, u32, i64, i64, i64) {
                let days = self.secs().div_euclid(86_400);
                let seconds = self.secs().rem_euclid(86_400);
                let (year, month, day) = civil_from_days(days);
                (year, month, day, seconds / 3600, seconds % 3600 / 60, seconds % 60)
            }

            fn fraction(&self) -> ::std::string::String {
                match self.subsec_nanos() {
                    0 => ::std::string::String::new(),
                    nanos => format!(".{nanos:09}").trim_end_matches('0').to_owned(),
                }
            }

            /// RFC 3339 in UTC (`2019-12-16T23:48:18.52Z`), fraction only when there is one.
            pub fn to_rfc3339(&self) -> ::std::string::String {
                let (year, month, day, hour, minute, second) = self.parts();
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{}Z", self.fraction())
            }

            /// Parses RFC 3339 (`2019-12-16T23:48:18Z`, `...18.123+01:00`).
            pub fn parse_rfc3339(text: &str) -> ::std::option::Option<Self> {
                let text = text.trim();
                let (date, rest) = text.split_once(['T', 't'])?;
                let mut date_parts = date.split('-');
                let year = i64::from(digits(date_parts.next()?)?);
                let (month, day) = (digits(date_parts.next()?)?, digits(date_parts.next()?)?);
                if date_parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
                    return ::std::option::Option::None;
                }
                let (clock, offset) = if let ::std::option::Option::Some(clock) = rest.strip_suffix(['Z', 'z']) {
                    (clock, 0)
                } else {
                    let (clock, zone) = rest.split_at_checked(rest.rfind(['+', '-'])?)?;
                    let (hours, minutes) = zone.get(1..)?.split_once(':')?;
                    let sign = if zone.starts_with('-') { -1 } else { 1 };
                    (clock, sign * i64::from(digits(hours)? * 3600 + digits(minutes)? * 60))
                };
                let (seconds, nanos) = parse_clock(clock)?;
                let total = days_from_civil(year, month, day).checked_mul(86_400)?.checked_add(seconds - offset)?;
                Self::from_secs_and_nanos(total, nanos)
            }

            /// IMF-fixdate (`Tue, 29 Apr 2014 18:30:38 GMT`), with a fraction when there is one.
            pub fn to_http_date(&self) -> ::std::string::String {
                let (year, month, day, hour, minute, second) = self.parts();
                let weekday = WEEKDAYS.get(self.secs().div_euclid(86_400).rem_euclid(7) as usize).copied().unwrap_or("Thu");
                let month = MONTHS.get((month as usize).saturating_sub(1)).copied().unwrap_or("Jan");
                format!("{weekday}, {day:02} {month} {year:04} {hour:02}:{minute:02}:{second:02}{} GMT", self.fraction())
            }

            /// Parses IMF-fixdate (`Tue, 29 Apr 2014 18:30:38 GMT`).
            pub fn parse_http_date(text: &str) -> ::std::option::Option<Self> {
                let (_, rest) = text.trim().split_once(", ")?;
                let mut parts = rest.split(' ');
                let day = digits(parts.next()?)?;
                let month = parts.next()?;
                let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as u32 + 1;
                let year = i64::from(digits(parts.next()?)?);
                let (seconds, nanos) = parse_clock(parts.next()?)?;
                if parts.next()? != "GMT" || parts.next().is_some() || !(1..=31).contains(&day) {
                    return ::std::option::Option::None;
                }
                let total = days_from_civil(year, month, day).checked_mul(86_400)?.checked_add(seconds)?;
                Self::from_secs_and_nanos(total, nanos)
            }
        }
    }
}

/// A fresh idempotency token (a version 4 UUID from the standard library's random hasher keys,
/// the clock and a counter; unique per process and call, which is what the service needs).
pub fn idempotency_token() -> TokenStream {
    quote! {
        /// A fresh idempotency token: a random (version 4) UUID.
        pub fn idempotency_token() -> ::std::string::String {
            use ::std::hash::{BuildHasher, Hasher};
            static COUNTER: ::std::sync::atomic::AtomicU64 = ::std::sync::atomic::AtomicU64::new(0);
            let count = COUNTER.fetch_add(1, ::std::sync::atomic::Ordering::Relaxed);
            let now = ::std::time::SystemTime::now().duration_since(::std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            let half = |salt: u64| {
                let mut hasher = ::std::collections::hash_map::RandomState::new().build_hasher();
                hasher.write_u128(now);
                hasher.write_u64(count);
                hasher.write_u64(salt);
                u128::from(hasher.finish())
            };
            let mut value = (half(0) << 64) | half(1);
            // Version 4 in bits 76..80, the RFC 4122 variant (0b10) in bits 62..64.
            value = (value & !(0xf << 76)) | (0x4 << 76);
            value = (value & !(0x3 << 62)) | (0x2 << 62);
            format!(
                "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
                value >> 96,
                (value >> 80) & 0xffff,
                (value >> 64) & 0xffff,
                (value >> 48) & 0xffff,
                value & 0xffff_ffff_ffff
            )
        }
    }
}
