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

            /// Zero (`0`).
            pub fn zero() -> Self {
                $name("0".to_owned())
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
            /// Writes the number's text as a JSON number, unchanged. (Another serializer than
            /// the crate's own writes it as a string, which `Deserialize` reads back.)
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_newtype_struct(crate::wire::NUMBER_TEXT, self.0.as_str())
            }
        }

        impl crate::wire::ReadJson for $name {
            /// As `Deserialize` reads it through the crate's reader: the number's exact text.
            fn read_json(reader: &mut crate::wire::JsonReader<'_>) -> crate::wire::Fast<Self> {
                let text = reader.number()?;
                $name::parse(text).ok_or(crate::wire::NotFast)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// Reads a JSON number from its exact text, so no digit is lost.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = crate::wire::read_number_text(deserializer, true)?;
                $name::parse(&text).ok_or_else(|| {
                    <D::Error as serde::de::Error>::custom(format!(
                        "expected a number, found {text}"
                    ))
                })
            }
        }
    };
}

big_number!(
    /// An arbitrary-precision integer, kept exactly as its text: any JSON number whose value
    /// is a whole number (`12`, `-12`, `1e3`, `1.5e1`, `10e-1`).
    BigInteger,
    |text| json_number(text).is_some_and(|number| number.is_integral())
);

big_number!(
    /// An arbitrary-precision decimal, kept exactly as its text: any JSON number, however
    /// many digits or however large its exponent (`1e400` is not rounded to a float).
    BigDecimal,
    |text| json_number(text).is_some()
);

/// The digits of a JSON number (RFC 8259 section 6) that decide whether it is whole.
struct JsonNumber<'t> {
    /// The digits before the decimal point.
    integer: &'t str,
    /// The digits after the decimal point.
    fraction: &'t str,
    /// Whether the exponent is negative, and its digits (`"0"` when there is none).
    exponent: (bool, &'t str),
}

impl JsonNumber<'_> {
    /// Whether the value is a whole number, decided on the digits (no float involved).
    fn is_integral(&self) -> bool {
        let fraction = self.fraction.trim_end_matches('0');
        let integer_zeros = self.integer.len() - self.integer.trim_end_matches('0').len();
        let is_zero = fraction.is_empty() && self.integer.bytes().all(|b| b == b'0');
        // An exponent of more digits than `usize` holds moves past any digit of the text.
        let shift: usize = self.exponent.1.trim_start_matches('0').parse().unwrap_or(
            if self.exponent.1.bytes().all(|b| b == b'0') {
                0
            } else {
                usize::MAX
            },
        );
        match self.exponent.0 {
            // `1.5e1`: the exponent moves every nonzero fractional digit before the point.
            false => fraction.len() <= shift,
            // `10e-1`: the exponent divides away trailing zeros of the integer part only.
            true => is_zero || (fraction.is_empty() && shift <= integer_zeros),
        }
    }
}

/// Parses JSON number text: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn json_number(text: &str) -> Option<JsonNumber<'_>> {
    /// Splits a leading run of ASCII digits off `text`.
    fn digits(text: &str) -> (&str, &str) {
        text.split_at(
            text.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(text.len()),
        )
    }
    let (integer, rest) = digits(text.strip_prefix('-').unwrap_or(text));
    if integer.is_empty() || (integer.len() > 1 && integer.starts_with('0')) {
        return None;
    }
    let (fraction, rest) = match rest.strip_prefix('.') {
        Some(after) => digits(after),
        None => ("", rest),
    };
    if rest.starts_with('.') || (fraction.is_empty() && text.contains('.')) {
        return None;
    }
    let exponent = match rest.strip_prefix(['e', 'E']) {
        Some(after) => {
            let (negative, unsigned) = match after.strip_prefix('-') {
                Some(unsigned) => (true, unsigned),
                None => (false, after.strip_prefix('+').unwrap_or(after)),
            };
            let (exponent, rest) = digits(unsigned);
            if exponent.is_empty() || !rest.is_empty() {
                return None;
            }
            (negative, exponent)
        }
        None if rest.is_empty() => (false, "0"),
        None => return None,
    };
    Some(JsonNumber {
        integer,
        fraction,
        exponent,
    })
}

/// Compares two JSON number texts by value, exactly (`1e3` equals `1000`, and
/// `100000000000000000001` is more than `1e20`); `None` when either is not a JSON number.
pub fn compare_numbers(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    let (a, b) = (Decimal::of(a.trim())?, Decimal::of(b.trim())?);
    Some(a.cmp(&b))
}

/// A number as sign, significant digits and the power of ten of its first digit, so that
/// two compare without any arithmetic: `-0.0120e2` is negative, digits `12`, exponent 0
/// (`-1.2`).
#[derive(PartialEq, Eq)]
struct Decimal {
    negative: bool,
    /// No leading or trailing zeros; empty for zero.
    digits: String,
    /// The value is `0.d1d2... * 10^exponent` (meaningless for zero).
    exponent: i128,
}

impl Decimal {
    fn of(text: &str) -> Option<Decimal> {
        let number = json_number(text)?;
        let all = format!("{}{}", number.integer, number.fraction);
        let leading = all.len() - all.trim_start_matches('0').len();
        let digits = all.trim_matches('0').to_owned();
        // An exponent too long for `i128` moves past any digits a text can hold.
        let written: i128 = number.exponent.1.parse().unwrap_or(i128::from(i64::MAX));
        let written = if number.exponent.0 { -written } else { written };
        let integer_digits = i128::try_from(number.integer.len()).ok()?;
        let leading = i128::try_from(leading).ok()?;
        Some(Decimal {
            negative: text.starts_with('-') && !digits.is_empty(),
            exponent: written + integer_digits - leading,
            digits,
        })
    }

    fn magnitude_cmp(&self, other: &Decimal) -> std::cmp::Ordering {
        match (self.digits.is_empty(), other.digits.is_empty()) {
            (true, true) => std::cmp::Ordering::Equal,
            (true, false) => std::cmp::Ordering::Less,
            (false, true) => std::cmp::Ordering::Greater,
            // Digit strings without leading zeros compare as the fractions they are.
            (false, false) => self
                .exponent
                .cmp(&other.exponent)
                .then_with(|| self.digits.as_str().cmp(other.digits.as_str())),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> std::cmp::Ordering {
        match (self.negative, other.negative) {
            (false, false) => self.magnitude_cmp(other),
            (true, true) => other.magnitude_cmp(self),
            (false, true) => std::cmp::Ordering::Greater,
            (true, false) => std::cmp::Ordering::Less,
        }
    }
}
