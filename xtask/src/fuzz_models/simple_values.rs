//! Random values of the simple kinds that satisfy (or, on request, break) a set of
//! constraints. The builder draws `@default` values from here, the value writer draws every
//! leaf of a test value.

use super::model::{scaled_text, Constraints, Kind, PATTERNS, SCALE};
use super::node::Node;
use super::rng::Rng;

/// Characters of strings without a pattern: ASCII, and characters of two and four UTF-8
/// bytes, since `@length` counts characters, not bytes.
const TEXT: [char; 8] = ['a', 'Z', '0', ' ', '-', 'é', '漢', '😀'];

/// The constraints that hold for a member: its own, else its target's (the builder puts a
/// kind of constraint on a member only when its target has none of that kind).
pub fn effective(target: &Constraints, member: Option<&Constraints>) -> Constraints {
    let mut out = target.clone();
    if let Some(member) = member {
        if member.length != (None, None) {
            out.length = member.length;
        }
        if member.range != (None, None) {
            out.range = member.range;
        }
        if member.pattern.is_some() {
            out.pattern = member.pattern;
        }
    }
    out
}

/// A count within `@length` (at most 6 above its minimum, so values stay small).
pub fn count(rng: &mut Rng, length: (Option<u64>, Option<u64>), floor: u64) -> u64 {
    let low = length.0.unwrap_or(0).max(floor);
    let high = length.1.unwrap_or(low + 4).min(low + 6);
    if high < low {
        return low;
    }
    rng.between(low as i64, high as i64) as u64
}

/// A count that breaks `@length`, if there is one.
pub fn bad_count(rng: &mut Rng, length: (Option<u64>, Option<u64>)) -> Option<u64> {
    let below = length.0.filter(|min| *min > 0).map(|min| min - 1);
    let above = length.1.map(|max| max + 1);
    match (below, above) {
        (Some(b), Some(a)) => Some(if rng.chance(50) { b } else { a }),
        (b, a) => b.or(a),
    }
}

/// A string of `n` characters matching the constraints' pattern (any text without one).
pub fn text(rng: &mut Rng, n: u64, pattern: Option<usize>) -> String {
    let Some(pattern) = pattern.map(|p| &PATTERNS[p]) else {
        return (0..n).map(|_| *rng.pick(&TEXT)).collect();
    };
    let alphabet: Vec<char> = pattern.alphabet.chars().collect();
    let mut chars: Vec<char> = (0..n).map(|_| *rng.pick(&alphabet)).collect();
    if let (Some(needed), false) = (pattern.needs, chars.is_empty()) {
        let at = rng.below(chars.len());
        chars[at] = needed;
    }
    chars.into_iter().collect()
}

/// A valid value of a simple kind.
pub fn valid(
    rng: &mut Rng,
    kind: Kind,
    constraints: &Constraints,
    timestamp_format: &str,
    enum_values: &[Node],
) -> Node {
    match kind {
        Kind::Boolean => Node::Bool(rng.chance(50)),
        Kind::String => {
            let floor = u64::from(constraints.pattern.is_some());
            let n = count(rng, constraints.length, floor);
            Node::String(text(rng, n, constraints.pattern))
        }
        Kind::Blob => {
            let n = count(rng, constraints.length, 0);
            Node::String(base64(&bytes(rng, n)))
        }
        Kind::Timestamp => timestamp(rng, timestamp_format),
        // Never a bare `null`: a null member or union variant is absent in awsJson.
        Kind::Document => match document(rng, 2) {
            Node::Null => Node::Bool(false),
            value => value,
        },
        Kind::Enum | Kind::IntEnum => rng.pick(enum_values).clone(),
        number => Node::Number(scaled_text(in_range(rng, number, constraints.range))),
    }
}

/// A value of a simple kind that breaks its constraints, if it has any that can be broken.
pub fn invalid(rng: &mut Rng, kind: Kind, constraints: &Constraints) -> Option<Node> {
    match kind {
        Kind::String => {
            let pattern = constraints.pattern.map(|p| &PATTERNS[p]);
            if let (Some(p), true) = (pattern, rng.chance(50)) {
                // Same length as a valid value, but one character no match allows.
                let n = count(rng, constraints.length, 1);
                let alphabet: Vec<char> = p.alphabet.chars().collect();
                let mut chars: Vec<char> = (0..n).map(|_| *rng.pick(&alphabet)).collect();
                if p.needs.is_none() {
                    let at = rng.below(chars.len());
                    chars[at] = '!';
                }
                return Some(Node::String(chars.into_iter().collect()));
            }
            let n = bad_count(rng, constraints.length)?;
            Some(Node::String(text(rng, n, constraints.pattern)))
        }
        Kind::Blob => {
            let n = bad_count(rng, constraints.length)?;
            Some(Node::String(base64(&bytes(rng, n))))
        }
        kind if kind.is_number() => {
            let (low, high, step) = kind.value_space();
            let below = constraints
                .range
                .0
                .map(|min| min - step)
                .filter(|v| *v >= low);
            let above = constraints
                .range
                .1
                .map(|max| max + step)
                .filter(|v| *v <= high);
            let value = match (below, above) {
                (Some(b), Some(a)) => {
                    if rng.chance(50) {
                        b
                    } else {
                        a
                    }
                }
                (b, a) => b.or(a)?,
            };
            Some(Node::Number(scaled_text(value)))
        }
        _ => None,
    }
}

/// A number of the kind within `range` (thousandths), a bound itself a quarter of the time.
pub fn in_range(rng: &mut Rng, kind: Kind, range: (Option<i128>, Option<i128>)) -> i128 {
    let (space_low, space_high, step) = kind.value_space();
    let low = range.0.unwrap_or(space_low).max(space_low);
    let high = range.1.unwrap_or(space_high).min(space_high);
    let low = round_up(low, step);
    let high = round_down(high, step);
    if high <= low {
        return low;
    }
    match rng.below(8) {
        0 if range.0.is_some() => low,
        1 if range.1.is_some() => high,
        // Small values, where most traffic is, when the range allows them.
        2 | 3 if low <= 0 && high >= 100 * SCALE => {
            round_down(rng.between(0, 100) as i128 * SCALE / 4, step)
        }
        _ => {
            let steps = ((high - low) / step) as u128;
            let wide = (u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64());
            low + (wide % (steps + 1)) as i128 * step
        }
    }
}

pub fn round_up(value: i128, step: i128) -> i128 {
    -round_down(-value, step)
}

pub fn round_down(value: i128, step: i128) -> i128 {
    value.div_euclid(step) * step
}

fn bytes(rng: &mut Rng, n: u64) -> Vec<u8> {
    (0..n).map(|_| rng.next_u64() as u8).collect()
}

/// Standard base64 with padding, as awsJson sends blobs.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A random JSON document, nested at most `depth` levels.
pub fn document(rng: &mut Rng, depth: u32) -> Node {
    match rng.below(if depth == 0 { 4 } else { 6 }) {
        0 => Node::Null,
        1 => Node::Bool(rng.chance(50)),
        2 => Node::num(rng.between(-1000, 1000)),
        3 => {
            let n = rng.below(5) as u64;
            Node::str(text(rng, n, None))
        }
        4 => Node::Array(
            (0..rng.below(3))
                .map(|_| document(rng, depth - 1))
                .collect(),
        ),
        _ => Node::Object(
            (0..rng.below(3))
                .map(|i| (format!("k{i}"), document(rng, depth - 1)))
                .collect(),
        ),
    }
}

/// A timestamp in `format`, between 1970 and 2100, sometimes with a fraction of a second.
pub fn timestamp(rng: &mut Rng, format: &str) -> Node {
    let seconds = rng.between(0, 4_102_444_799);
    let millis = if rng.chance(25) {
        rng.between(1, 999)
    } else {
        0
    };
    match format {
        "date-time" => {
            let (date, time) = civil(seconds);
            let fraction = if millis > 0 {
                format!(".{millis:03}")
            } else {
                String::new()
            };
            Node::String(format!("{date}T{time}{fraction}Z"))
        }
        "http-date" => {
            const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let (date, time) = civil(seconds);
            let (y, rest) = date.split_at(4);
            let month: usize = rest[1..3].parse().unwrap_or(1);
            let day = &rest[4..6];
            let weekday = DAYS[(seconds / 86_400 % 7) as usize];
            Node::String(format!(
                "{weekday}, {day} {} {y} {time} GMT",
                MONTHS[month - 1]
            ))
        }
        _ if millis > 0 => Node::Number(format!("{seconds}.{millis:03}")),
        _ => Node::num(seconds),
    }
}

/// `YYYY-MM-DD` and `hh:mm:ss` of seconds since 1970 (Howard Hinnant's days-to-civil).
fn civil(seconds: i64) -> (String, String) {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        format!("{year:04}-{month:02}-{day:02}"),
        format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_name_real_dates() {
        assert_eq!(civil(0).0, "1970-01-01");
        assert_eq!(civil(951_782_400).0, "2000-02-29");
        assert_eq!(
            civil(1_614_834_367),
            ("2021-03-04".into(), "05:06:07".into())
        );
        assert_eq!(base64(b"hello"), "aGVsbG8=");
        assert_eq!(base64(b""), "");
    }

    #[test]
    fn values_keep_to_their_ranges() {
        let mut rng = Rng::new(1);
        let range = (Some(-5 * SCALE), Some(7 * SCALE));
        for _ in 0..500 {
            let v = in_range(&mut rng, Kind::Byte, range);
            assert!((-5 * SCALE..=7 * SCALE).contains(&v) && v % SCALE == 0);
            let f = in_range(&mut rng, Kind::Float, range);
            assert!(f % (SCALE / 2) == 0);
        }
    }
}
