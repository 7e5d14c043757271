//! `DateTime`: a timestamp kept exactly, as seconds and nanoseconds since the Unix epoch,
//! with its default wire form (epoch seconds as a JSON number).

/// A point in time, as seconds and nanoseconds since the Unix epoch (UTC).
///
/// Timestamps travel as epoch seconds; this type keeps them exactly, including
/// fractions, and converts to and from [`std::time::SystemTime`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    seconds: i64,
    // Always below one billion: the constructors check it.
    nanos: u32,
}

impl DateTime {
    /// A whole number of seconds since the epoch.
    pub const fn from_secs(seconds: i64) -> Self {
        DateTime { seconds, nanos: 0 }
    }

    /// Seconds since the epoch plus a fraction in nanoseconds; `None` when `nanos` is
    /// not below one billion.
    pub const fn from_secs_and_nanos(seconds: i64, nanos: u32) -> Option<Self> {
        if nanos < 1_000_000_000 {
            Some(DateTime { seconds, nanos })
        } else {
            None
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
    pub fn to_system_time(&self) -> Option<std::time::SystemTime> {
        let epoch = std::time::UNIX_EPOCH;
        if self.seconds >= 0 {
            let since = std::time::Duration::new(self.seconds.unsigned_abs(), self.nanos);
            epoch.checked_add(since)
        } else {
            // Whole seconds back, then the (positive) fraction forward.
            let before = std::time::Duration::new(self.seconds.unsigned_abs(), 0);
            epoch
                .checked_sub(before)?
                .checked_add(std::time::Duration::new(0, self.nanos))
        }
    }
}

impl From<std::time::SystemTime> for DateTime {
    /// Converts a system time, saturating at the limits of `i64` seconds.
    fn from(time: std::time::SystemTime) -> Self {
        match time.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => DateTime {
                seconds: i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                nanos: after.subsec_nanos(),
            },
            Err(before) => {
                let before = before.duration();
                let whole = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                // 1.25 s before the epoch is -2 s plus 0.75 s: the fraction counts forward.
                match before.subsec_nanos() {
                    0 => DateTime {
                        seconds: -whole,
                        nanos: 0,
                    },
                    nanos => DateTime {
                        seconds: (-whole).saturating_sub(1),
                        nanos: 1_000_000_000 - nanos,
                    },
                }
            }
        }
    }
}

impl serde::Serialize for DateTime {
    /// Epoch seconds: an integer when there is no fraction, else a decimal (exact to
    /// the millisecond, the precision AWS services use).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.nanos == 0 {
            return serializer.serialize_i64(self.seconds);
        }
        // The decimal text, parsed once, is the f64 nearest to the exact value.
        let total = i128::from(self.seconds) * 1_000_000_000 + i128::from(self.nanos);
        let sign = if total < 0 { "-" } else { "" };
        let (whole, fraction) = (
            total.unsigned_abs() / 1_000_000_000,
            total.unsigned_abs() % 1_000_000_000,
        );
        let text = format!("{sign}{whole}.{fraction:09}");
        serializer.serialize_f64(text.parse::<f64>().unwrap_or_default())
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    /// Epoch seconds given as a JSON integer or decimal. The crate's own reader gives the
    /// number's text, so no precision is lost to floating point (digits beyond nanoseconds
    /// are dropped); another deserializer gives the number as it holds it (a float keeps
    /// about 16 significant digits: microseconds, for present-day times).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = crate::wire::read_number_text(deserializer, false)?;
        DateTime::parse_epoch_seconds(&text).ok_or_else(|| {
            <D::Error as serde::de::Error>::custom(format!(
                "expected epoch seconds as a number, found {text}"
            ))
        })
    }
}

impl crate::wire::ReadJson for DateTime {
    /// As `Deserialize` reads it: epoch seconds from the number's text.
    fn read_json(reader: &mut crate::wire::JsonReader<'_>) -> crate::wire::Fast<Self> {
        let text = reader.number()?;
        DateTime::parse_plain_epoch_seconds(text)
            .or_else(|| DateTime::parse_epoch_seconds(text))
            .ok_or(crate::wire::NotFast)
    }
}

impl DateTime {
    /// The common case of [`parse_epoch_seconds`](Self::parse_epoch_seconds) in one pass:
    /// seconds with at most nine fractional digits, no sign and no exponent (`1650000000.123`,
    /// as services send them). `None` for anything else, which the general parser reads.
    fn parse_plain_epoch_seconds(text: &str) -> Option<DateTime> {
        let bytes = text.as_bytes();
        let mut seconds: i64 = 0;
        let mut at = 0;
        while let Some(&digit) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            if at == 18 {
                return None;
            }
            seconds = seconds * 10 + i64::from(digit - b'0');
            at += 1;
        }
        if at == 0 {
            return None;
        }
        let mut nanos: u32 = 0;
        let mut scale: u32 = 1_000_000_000;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !bytes.get(at).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            while let Some(&digit) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
                if scale == 1 {
                    return None;
                }
                scale /= 10;
                nanos += u32::from(digit - b'0') * scale;
                at += 1;
            }
        }
        (at == bytes.len()).then_some(DateTime { seconds, nanos })
    }

    /// Parses epoch seconds from JSON number text (`1600000000`, `1600000000.123`,
    /// `1.6E9`); `None` for anything else or out of range. Works on the digits directly,
    /// without floating point or allocation; digits beyond nanoseconds are dropped.
    pub fn parse_epoch_seconds(text: &str) -> Option<DateTime> {
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, bytes),
        };
        let (mantissa, exponent) = match rest.iter().position(|b| *b == b'e' || *b == b'E') {
            Some(at) => {
                let (mantissa, exponent) = rest.split_at(at);
                (mantissa, parse_exponent(exponent.get(1..)?)?)
            }
            None => (rest, 0),
        };
        let (int_part, frac_part): (&[u8], &[u8]) = match mantissa.iter().position(|b| *b == b'.') {
            Some(at) => {
                let (int_part, frac_part) = mantissa.split_at(at);
                let frac_part = frac_part.get(1..)?;
                if frac_part.is_empty() {
                    return None;
                }
                (int_part, frac_part)
            }
            None => (mantissa, &[]),
        };
        if int_part.is_empty() || !int_part.iter().chain(frac_part).all(u8::is_ascii_digit) {
            return None;
        }
        // The common case, a plain decimal that fits: one pass over the digits.
        if exponent == 0 && int_part.len() <= 18 {
            let whole = int_part
                .iter()
                .fold(0u64, |value, b| value * 10 + u64::from(b - b'0'));
            let nanos = (0..9).fold(0u64, |value, k| {
                value * 10 + frac_part.get(k).map_or(0, |b| u64::from(b - b'0'))
            });
            // At most 18 digits: no overflow below, and no 128-bit division.
            let whole = i64::try_from(whole).ok()?;
            let nanos = u32::try_from(nanos).ok()?;
            return Some(match (negative, nanos) {
                (false, _) => DateTime {
                    seconds: whole,
                    nanos,
                },
                (true, 0) => DateTime {
                    seconds: -whole,
                    nanos: 0,
                },
                (true, _) => DateTime {
                    seconds: -whole - 1,
                    nanos: 1_000_000_000 - nanos,
                },
            });
        }
        // The digits of int_part then frac_part, read as one sequence; the decimal point
        // sits after `point` of them once the exponent is applied.
        let len = int_part.len() + frac_part.len();
        let digit = |k: i64| -> u64 {
            let byte = usize::try_from(k).ok().and_then(|k| {
                int_part
                    .get(k)
                    .or_else(|| frac_part.get(k.checked_sub(int_part.len())?))
            });
            byte.map_or(0, |b| u64::from(b - b'0'))
        };
        let leading_zeros = int_part
            .iter()
            .chain(frac_part)
            .take_while(|b| **b == b'0')
            .count();
        if leading_zeros == len {
            return Some(DateTime::from_secs(0));
        }
        let first = i64::try_from(leading_zeros).ok()?;
        let point = i64::try_from(int_part.len()).ok()?.checked_add(exponent)?;
        // More than 19 whole digits cannot fit in i64 seconds.
        if point - first > 19 {
            return None;
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
        Some(DateTime { seconds, nanos })
    }
}

/// An exponent's digits with an optional sign, clamped to a range that cannot overflow
/// the position arithmetic (anything larger is out of range or rounds to zero anyway).
fn parse_exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits.iter().fold(0i64, |value, b| {
        (value * 10 + i64::from(b - b'0')).min(1_000_000)
    });
    Some(if negative { -value } else { value })
}
