//! Floats as request bodies write them: the shortest text that reads back as the same
//! value, laid out as serde_json lays it out, so that a body's bytes stay what they were when
//! serde_json wrote them: plain while the decimal exponent is from -5 to 15 (`1.0`, `0.001`,
//! `123.5`), else in exponent form (`1e+16`, `1.5e-7`); an `f32` is plain from -6 to 12.
//! Non-finite values are `null`, as in serde_json; the float codec never sends them as
//! numbers.

use std::io::Write as _;

/// Writes a finite `f64`; `null` for NaN and the infinities.
pub(super) fn write_f64(out: &mut Vec<u8>, value: f64) {
    if !value.is_finite() {
        out.extend_from_slice(b"null");
        return;
    }
    let (negative, digits, exponent) = shortest(value);
    lay_out(out, negative, &digits, exponent, 16, -5);
}

/// Writes a finite `f32` with the digits of an `f32` (`0.1`, not the `0.10000000149011612`
/// it widens to); `null` for NaN and the infinities.
pub(super) fn write_f32(out: &mut Vec<u8>, value: f32) {
    if !value.is_finite() {
        out.extend_from_slice(b"null");
        return;
    }
    let (negative, digits, exponent) = shortest(value);
    lay_out(out, negative, &digits, exponent, 13, -6);
}

/// A float type, as far as finding its shortest text goes.
trait Float: Copy + PartialEq + std::fmt::LowerExp + std::str::FromStr {}

impl Float for f32 {}
impl Float for f64 {}

/// The sign, the shortest digits that read back as `value`, and the decimal exponent of the
/// first digit. Where two texts of that length are equally near (`1765629.25f32` lies halfway
/// between `1765629.2` and `1765629.3`), the one whose last digit is even, as serde_json
/// picks it.
fn shortest<F: Float>(value: F) -> (bool, Vec<u8>, i32) {
    let mut text = Vec::with_capacity(32);
    // `{:e}` gives the shortest digits that read back as `value`, the nearest of them.
    let _ = write!(text, "{value:e}");
    let (negative, digits, exponent) = split_scientific(&text);
    match halfway_even(value, digits.len()) {
        Some((even, even_exponent)) => (negative, even, even_exponent),
        None => (negative, digits, exponent),
    }
}

/// Splits `-d.ddde-N` (as `{:e}` writes it) into the sign, the digits and the exponent.
fn split_scientific(text: &[u8]) -> (bool, Vec<u8>, i32) {
    let (negative, unsigned) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut parts = unsigned.splitn(2, |&byte| byte == b'e');
    let mantissa = parts.next().unwrap_or_default();
    let exponent = parts
        .next()
        .and_then(|exponent| std::str::from_utf8(exponent).ok())
        .and_then(|exponent| exponent.parse().ok())
        .unwrap_or(0);
    let digits = mantissa
        .iter()
        .copied()
        .filter(u8::is_ascii_digit)
        .collect();
    (negative, digits, exponent)
}

/// When `value` lies exactly halfway between two texts of `length` digits, the one whose
/// last digit is even (and its exponent); `None` otherwise.
fn halfway_even<F: Float>(value: F, length: usize) -> Option<(Vec<u8>, i32)> {
    // One digit more than the shortest text, rounded: a tie shows a `5` there exactly.
    let mut text = Vec::with_capacity(32);
    let _ = write!(text, "{value:.length$e}");
    let (_, digits, _) = split_scientific(&text);
    if digits.last() != Some(&b'5') {
        return None;
    }
    // Every digit of the exact value (an f64 has at most 767): a tie has nothing after the 5.
    text.clear();
    let _ = write!(text, "{value:.800e}");
    let (negative, exact, exponent) = split_scientific(&text);
    let (low, rest) = exact.split_at(length.min(exact.len()));
    if !rest.starts_with(b"5") || rest.iter().skip(1).any(|&digit| digit != b'0') {
        return None;
    }
    let mut even = low.to_vec();
    if even.last().is_some_and(|digit| digit % 2 == 1) {
        // Round up to the even neighbour; a carry out of every digit is left to `{:e}`.
        for digit in even.iter_mut().rev() {
            if *digit == b'9' {
                *digit = b'0';
            } else {
                *digit += 1;
                break;
            }
        }
        if even.iter().all(|&digit| digit == b'0') {
            return None;
        }
    }
    // The even text must still read back as `value`.
    let mut check = Vec::with_capacity(even.len() + 8);
    if negative {
        check.push(b'-');
    }
    check.extend_from_slice(&even);
    let _ = write!(check, "e{}", exponent - i32::try_from(length).ok()? + 1);
    let reads_back = std::str::from_utf8(&check)
        .ok()
        .and_then(|text| text.parse::<F>().ok())
        .is_some_and(|read| read == value);
    reads_back.then_some((even, exponent))
}

/// Lays out `digits` (the value is `0.digits × 10^(exponent + 1)`) as a plain decimal
/// while the point falls within `max_point` digits of the start (or, for small values, while
/// it is more than `min_point` places left of the first digit), and in exponent form
/// otherwise.
fn lay_out(
    out: &mut Vec<u8>,
    negative: bool,
    digits: &[u8],
    exponent: i32,
    max_point: i32,
    min_point: i32,
) {
    let length = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    // The value is `0.digits × 10^point`, and `digits × 10^last`.
    let point = exponent + 1;
    let last = point - length;
    if negative {
        out.push(b'-');
    }
    if last >= 0 && point <= max_point {
        out.extend_from_slice(digits);
        out.resize(out.len() + last.unsigned_abs() as usize, b'0');
        out.extend_from_slice(b".0");
    } else if 0 < point && point <= max_point {
        let (whole, fraction) = digits.split_at((point.unsigned_abs() as usize).min(digits.len()));
        out.extend_from_slice(whole);
        out.push(b'.');
        out.extend_from_slice(fraction);
    } else if min_point < point && point <= 0 {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + point.unsigned_abs() as usize, b'0');
        out.extend_from_slice(digits);
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.extend_from_slice(first);
        if !rest.is_empty() {
            out.push(b'.');
            out.extend_from_slice(rest);
        }
        let exponent = point - 1;
        let sign = if exponent < 0 { '-' } else { '+' };
        let _ = write!(out, "e{sign}{}", exponent.unsigned_abs());
    }
}
