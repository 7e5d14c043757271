//! The generated crate's own support types (`crate::primitives`): the timestamp type, the
//! opaque unknown enum value, builder and unhandled errors, and the redaction marker. They are
//! emitted into every crate so that it depends on no runtime crate of ours.

use proc_macro2::TokenStream;
use quote::quote;

/// The `primitives` module, with the optional types the model uses.
pub fn emit_primitives(usage: &super::usage::Usage) -> TokenStream {
    let blob = if usage.blob {
        super::primitives_extra::blob()
    } else {
        quote!()
    };
    let big = if usage.big_numbers {
        super::primitives_extra::big_numbers()
    } else {
        quote!()
    };
    let formats = if usage.formatted_timestamps {
        super::primitives_extra::timestamp_formats()
    } else {
        quote!()
    };
    let build_error = if usage.required_members {
        quote! {
        /// A builder's `build()` found a required member unset.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct BuildError {
            shape: &'static str,
            member: &'static str,
        }

        impl BuildError {
            pub(crate) const fn missing(shape: &'static str, member: &'static str) -> Self {
                BuildError { shape, member }
            }

            /// The structure being built.
            pub fn shape(&self) -> &'static str {
                self.shape
            }

            /// The required member that was not set, by its wire name.
            pub fn member(&self) -> &'static str {
                self.member
            }
        }

        impl ::std::fmt::Display for BuildError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "cannot build {}: required member `{}` is not set", self.shape, self.member)
            }
        }

        impl ::std::error::Error for BuildError {}
        }
    } else {
        quote!()
    };
    let unknown_value = if usage.enums {
        quote! {
            /// An enum value that the model did not list when the crate was generated. It is kept
            /// verbatim, so reading and re-sending it loses nothing.
            #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct UnknownValue(::std::string::String);

            impl UnknownValue {
                pub(crate) fn new(value: impl ::std::convert::Into<::std::string::String>) -> Self {
                    UnknownValue(value.into())
                }

                /// The value as received.
                pub fn as_str(&self) -> &str {
                    &self.0
                }
            }
        }
    } else {
        quote!()
    };
    let unknown_member = if usage.unions {
        super::primitives_extra::unknown_member()
    } else {
        quote!()
    };
    quote! {

        //! Support types used by the generated shapes.

        /// A point in time, as seconds and nanoseconds since the Unix epoch (UTC).
        ///
        /// Timestamps travel as epoch seconds; this type keeps them exactly, including
        /// fractions, and converts to and from [`std::time::SystemTime`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct DateTime {
            seconds: i64,
            nanos: u32,
        }

        impl DateTime {
            /// A whole number of seconds since the epoch.
            pub const fn from_secs(seconds: i64) -> Self {
                DateTime { seconds, nanos: 0 }
            }

            /// Seconds since the epoch plus a fraction in nanoseconds; `None` when `nanos` is
            /// not below one billion.
            pub const fn from_secs_and_nanos(seconds: i64, nanos: u32) -> ::std::option::Option<Self> {
                if nanos < 1_000_000_000 {
                    ::std::option::Option::Some(DateTime { seconds, nanos })
                } else {
                    ::std::option::Option::None
                }
            }

            /// Milliseconds since the epoch.
            pub const fn from_millis(millis: i64) -> Self {
                DateTime {
                    seconds: millis.div_euclid(1000),
                    nanos: (millis.rem_euclid(1000) as u32) * 1_000_000,
                }
            }

            /// Whole seconds since the epoch (rounded towards negative infinity).
            pub const fn secs(&self) -> i64 {
                self.seconds
            }

            /// The fraction of the second, in nanoseconds.
            pub const fn subsec_nanos(&self) -> u32 {
                self.nanos
            }

            /// The same instant as a [`std::time::SystemTime`], when the platform can hold it.
            pub fn to_system_time(&self) -> ::std::option::Option<::std::time::SystemTime> {
                let epoch = ::std::time::UNIX_EPOCH;
                if self.seconds >= 0 {
                    let since = ::std::time::Duration::new(self.seconds.unsigned_abs(), self.nanos);
                    epoch.checked_add(since)
                } else {
                    let before = ::std::time::Duration::new(self.seconds.unsigned_abs(), 0);
                    epoch
                        .checked_sub(before)?
                        .checked_add(::std::time::Duration::new(0, self.nanos))
                }
            }
        }

        impl ::std::convert::From<::std::time::SystemTime> for DateTime {
            /// Converts a system time, saturating at the limits of `i64` seconds.
            fn from(time: ::std::time::SystemTime) -> Self {
                match time.duration_since(::std::time::UNIX_EPOCH) {
                    ::std::result::Result::Ok(after) => DateTime {
                        seconds: i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                        nanos: after.subsec_nanos(),
                    },
                    ::std::result::Result::Err(before) => {
                        let before = before.duration();
                        let whole = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                        match before.subsec_nanos() {
                            0 => DateTime { seconds: -whole, nanos: 0 },
                            nanos => DateTime {
                                seconds: (-whole).saturating_sub(1),
                                nanos: 1_000_000_000 - nanos,
                            },
                        }
                    }
                }
            }
        }

        impl ::serde::Serialize for DateTime {
            /// Epoch seconds: an integer when there is no fraction, else a decimal (exact to
            /// the millisecond, the precision AWS services use).
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                if self.nanos == 0 {
                    return serializer.serialize_i64(self.seconds);
                }
                let total = i128::from(self.seconds) * 1_000_000_000 + i128::from(self.nanos);
                let sign = if total < 0 { "-" } else { "" };
                let (whole, fraction) = (total.unsigned_abs() / 1_000_000_000, total.unsigned_abs() % 1_000_000_000);
                let text = format!("{sign}{whole}.{fraction:09}");
                serializer.serialize_f64(text.parse::<f64>().unwrap_or_default())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for DateTime {
            /// Epoch seconds given as a JSON integer or decimal, read from the number's text so
            /// no precision is lost to floating point (digits beyond nanoseconds are dropped).
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let raw: ::std::boxed::Box<::serde_json::value::RawValue> = ::serde::Deserialize::deserialize(deserializer)?;
                DateTime::parse_epoch_seconds(raw.get()).ok_or_else(|| {
                    <D::Error as ::serde::de::Error>::custom(format!("expected epoch seconds as a number, found {}", raw.get()))
                })
            }
        }

        impl DateTime {
            /// Parses epoch seconds from JSON number text (`1600000000`, `1600000000.123`,
            /// `1.6E9`); `None` for anything else or out of range. Works on the digits directly,
            /// without floating point or allocation; digits beyond nanoseconds are dropped.
            pub fn parse_epoch_seconds(text: &str) -> ::std::option::Option<DateTime> {
                let bytes = text.as_bytes();
                let (negative, rest) = match bytes.split_first() {
                    ::std::option::Option::Some((b'-', rest)) => (true, rest),
                    _ => (false, bytes),
                };
                let (mantissa, exponent) = match rest.iter().position(|b| *b == b'e' || *b == b'E') {
                    ::std::option::Option::Some(at) => {
                        let (mantissa, exponent) = rest.split_at(at);
                        (mantissa, parse_exponent(exponent.get(1..)?)?)
                    }
                    ::std::option::Option::None => (rest, 0),
                };
                let (int_part, frac_part): (&[u8], &[u8]) = match mantissa.iter().position(|b| *b == b'.') {
                    ::std::option::Option::Some(at) => {
                        let (int_part, frac_part) = mantissa.split_at(at);
                        let frac_part = frac_part.get(1..)?;
                        if frac_part.is_empty() {
                            return ::std::option::Option::None;
                        }
                        (int_part, frac_part)
                    }
                    ::std::option::Option::None => (mantissa, &[]),
                };
                if int_part.is_empty() || !int_part.iter().chain(frac_part).all(u8::is_ascii_digit) {
                    return ::std::option::Option::None;
                }
                // The common case, a plain decimal that fits: one pass over the digits.
                if exponent == 0 && int_part.len() <= 18 {
                    let whole = int_part.iter().fold(0u64, |value, b| value * 10 + u64::from(b - b'0'));
                    let nanos = (0..9).fold(0u64, |value, k| {
                        value * 10 + frac_part.get(k).map_or(0, |b| u64::from(b - b'0'))
                    });
                    let total = i128::from(whole) * 1_000_000_000 + i128::from(nanos);
                    let total = if negative { -total } else { total };
                    let seconds = i64::try_from(total.div_euclid(1_000_000_000)).ok()?;
                    let nanos = u32::try_from(total.rem_euclid(1_000_000_000)).ok()?;
                    return ::std::option::Option::Some(DateTime { seconds, nanos });
                }
                // The digits of int_part then frac_part, read as one sequence; the decimal point
                // sits after `point` of them once the exponent is applied.
                let len = int_part.len() + frac_part.len();
                let digit = |k: i64| -> u64 {
                    let byte = usize::try_from(k).ok().and_then(|k| {
                        int_part.get(k).or_else(|| frac_part.get(k.checked_sub(int_part.len())?))
                    });
                    byte.map_or(0, |b| u64::from(b - b'0'))
                };
                let leading_zeros = int_part.iter().chain(frac_part).take_while(|b| **b == b'0').count();
                if leading_zeros == len {
                    return ::std::option::Option::Some(DateTime::from_secs(0));
                }
                let first = i64::try_from(leading_zeros).ok()?;
                let point = i64::try_from(int_part.len()).ok()?.checked_add(exponent)?;
                if point - first > 19 {
                    return ::std::option::Option::None;
                }
                let mut whole: u64 = 0;
                for k in first..point {
                    whole = whole.checked_mul(10)?.checked_add(digit(k))?;
                }
                let mut nanos: u64 = 0;
                for k in point..point.saturating_add(9) {
                    nanos = nanos * 10 + if k < first { 0 } else { digit(k) };
                }
                let mut total = i128::from(whole) * 1_000_000_000 + i128::from(nanos);
                if negative {
                    total = -total;
                }
                let seconds = i64::try_from(total.div_euclid(1_000_000_000)).ok()?;
                let nanos = u32::try_from(total.rem_euclid(1_000_000_000)).ok()?;
                ::std::option::Option::Some(DateTime { seconds, nanos })
            }
        }

        /// An exponent's digits with an optional sign, clamped to a range that cannot overflow
        /// the position arithmetic (anything larger is out of range or rounds to zero anyway).
        fn parse_exponent(text: &[u8]) -> ::std::option::Option<i64> {
            let (negative, digits) = match text.split_first() {
                ::std::option::Option::Some((b'-', rest)) => (true, rest),
                ::std::option::Option::Some((b'+', rest)) => (false, rest),
                _ => (false, text),
            };
            if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                return ::std::option::Option::None;
            }
            let value = digits.iter().fold(0i64, |value, b| (value * 10 + i64::from(b - b'0')).min(1_000_000));
            ::std::option::Option::Some(if negative { -value } else { value })
        }

        #unknown_value

        #build_error

        /// Who the model says is at fault for an error.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorFault {
            /// The request was wrong; retrying it unchanged will fail again.
            Client,
            /// The service failed; the request may succeed later.
            Server,
        }

        /// An error response that is not one of the operation's modelled errors: an
        /// unmodelled code (such as a throttling error), or a body that could not be read.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct UnhandledError {
            code: ::std::option::Option<::std::string::String>,
            message: ::std::option::Option<::std::string::String>,
            status: u16,
            request_id: ::std::option::Option<::std::string::String>,
            deserialize_error: ::std::option::Option<::std::string::String>,
        }

        impl UnhandledError {
            /// An unhandled error with the HTTP status it came with.
            pub fn new(status: u16) -> Self {
                UnhandledError {
                    code: ::std::option::Option::None,
                    message: ::std::option::Option::None,
                    status,
                    request_id: ::std::option::Option::None,
                    deserialize_error: ::std::option::Option::None,
                }
            }

            /// Records why the response body could not be read.
            pub fn with_deserialize_error(mut self, error: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.deserialize_error = ::std::option::Option::Some(error.into());
                self
            }

            /// Why the response body could not be read (with the member path), when that is
            /// what made the response unhandled.
            pub fn deserialize_error(&self) -> ::std::option::Option<&str> {
                self.deserialize_error.as_deref()
            }

            /// Sets the error code.
            pub fn with_code(mut self, code: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.code = ::std::option::Option::Some(code.into());
                self
            }

            /// Sets the message.
            pub fn with_message(mut self, message: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.message = ::std::option::Option::Some(message.into());
                self
            }

            /// Sets the request id.
            pub fn with_request_id(mut self, request_id: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.request_id = ::std::option::Option::Some(request_id.into());
                self
            }

            /// The error code, when the response named one.
            pub fn code(&self) -> ::std::option::Option<&str> {
                self.code.as_deref()
            }

            /// The message, when the response carried one.
            pub fn message(&self) -> ::std::option::Option<&str> {
                self.message.as_deref()
            }

            /// The HTTP status of the response.
            pub fn http_status(&self) -> u16 {
                self.status
            }

            /// The `x-amzn-RequestId` of the response, when present.
            pub fn request_id(&self) -> ::std::option::Option<&str> {
                self.request_id.as_deref()
            }
        }

        impl ::std::fmt::Display for UnhandledError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}", self.code.as_deref().unwrap_or("unhandled error"))?;
                write!(f, " (HTTP {})", self.status)?;
                if let ::std::option::Option::Some(message) = &self.message {
                    write!(f, ": {message}")?;
                }
                if let ::std::option::Option::Some(error) = &self.deserialize_error {
                    write!(f, "; unreadable response: {error}")?;
                }
                if let ::std::option::Option::Some(request_id) = &self.request_id {
                    write!(f, " [request id {request_id}]")?;
                }
                ::std::result::Result::Ok(())
            }
        }

        impl ::std::error::Error for UnhandledError {}

        /// The response a modelled error was read from.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct ResponseMeta {
            status: u16,
            request_id: ::std::option::Option<::std::string::String>,
        }

        impl ResponseMeta {
            /// A response's status and request id.
            pub fn new(status: u16, request_id: ::std::option::Option<::std::string::String>) -> Self {
                ResponseMeta { status, request_id }
            }

            /// The HTTP status.
            pub fn status(&self) -> u16 {
                self.status
            }

            /// The `x-amzn-RequestId`, when present.
            pub fn request_id(&self) -> ::std::option::Option<&str> {
                self.request_id.as_deref()
            }
        }

        /// What `Debug` prints in place of a sensitive value.
        #[derive(Clone, Copy, PartialEq, Eq)]
        pub struct Redacted;

        impl Redacted {
            /// The marker text.
            pub const MARKER: &'static str = "<redacted>";
        }

        impl ::std::fmt::Debug for Redacted {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(Self::MARKER)
            }
        }

        #blob
        #big
        #formats
        #unknown_member
    }
}
