//! JSON's number syntax and string escapes (RFC 8259 sections 6 and 7), scanned and decoded
//! in one place for both readers: the fast path gives up on any error, the serde path
//! reports it with serde_json's message.

/// An escape that is not JSON: serde_json's message for it, and the byte it was found at.
#[derive(Debug)]
pub(super) struct BadEscape {
    pub(super) message: &'static str,
    pub(super) at: usize,
}

fn bad(message: &'static str, at: usize) -> BadEscape {
    BadEscape { message, at }
}

/// The character of the escape after the backslash before `at`, and where the text goes on.
/// A `\u` escape of a surrogate must be a leading one followed by a trailing one, which
/// together are one character (as serde_json reads strings into `String`s).
pub(super) fn decode_escape(bytes: &[u8], at: usize) -> Result<(char, usize), BadEscape> {
    let Some(&escape) = bytes.get(at) else {
        return Err(bad("EOF while parsing a string", at));
    };
    let simple = match escape {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return unicode_escape(bytes, at + 1),
        _ => return Err(bad("invalid escape", at)),
    };
    Ok((simple, at + 1))
}

/// The character of a `\uXXXX` escape whose digits start at `at`, joining a surrogate pair.
fn unicode_escape(bytes: &[u8], at: usize) -> Result<(char, usize), BadEscape> {
    let first = hex4(bytes, at)?;
    let mut next = at + 4;
    let code = match first {
        // A trailing surrogate first (serde_json's message calls it leading).
        0xDC00..=0xDFFF => return Err(bad("lone leading surrogate in hex escape", next)),
        0xD800..=0xDBFF => {
            match (bytes.get(next), bytes.get(next + 1)) {
                (Some(b'\\'), Some(b'u')) => {}
                (None, _) | (Some(b'\\'), None) => {
                    return Err(bad("EOF while parsing a string", bytes.len()))
                }
                _ => return Err(bad("unexpected end of hex escape", next)),
            }
            let second = hex4(bytes, next + 2)?;
            next += 6;
            if !(0xDC00..=0xDFFF).contains(&second) {
                return Err(bad("lone leading surrogate in hex escape", next));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        }
        code => code,
    };
    char::from_u32(code)
        .map(|decoded| (decoded, next))
        .ok_or_else(|| bad("invalid unicode code point", next))
}

/// The four hex digits from `at` (either case), as a number.
pub(super) fn hex4(bytes: &[u8], at: usize) -> Result<u32, BadEscape> {
    let digits = bytes
        .get(at..at + 4)
        .ok_or_else(|| bad("EOF while parsing a string", bytes.len()))?;
    let mut value = 0;
    for (offset, &digit) in digits.iter().enumerate() {
        let digit = char::from(digit)
            .to_digit(16)
            .ok_or_else(|| bad("invalid escape", at + offset))?;
        value = value * 16 + digit;
    }
    Ok(value)
}

/// A number whose syntax is not JSON's, found wrong at byte `at`.
#[derive(Debug)]
pub(super) struct BadNumber {
    pub(super) at: usize,
}

/// The end of the JSON number that starts at `start`:
/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. A leading zero followed by a
/// digit is refused, as serde_json refuses it.
#[inline]
pub(super) fn scan_number(bytes: &[u8], start: usize) -> Result<usize, BadNumber> {
    let mut at = start;
    if bytes.get(at) == Some(&b'-') {
        at += 1;
    }
    match bytes.get(at) {
        Some(b'0') => {
            at += 1;
            if bytes.get(at).is_some_and(u8::is_ascii_digit) {
                return Err(BadNumber { at });
            }
        }
        Some(b'1'..=b'9') => at += digits(bytes, at),
        _ => return Err(BadNumber { at }),
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        let fraction = digits(bytes, at);
        if fraction == 0 {
            return Err(BadNumber { at });
        }
        at += fraction;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(bytes, at);
        if exponent == 0 {
            return Err(BadNumber { at });
        }
        at += exponent;
    }
    Ok(at)
}

/// Whether `text` is one JSON number and nothing else.
pub(super) fn is_json_number(text: &[u8]) -> bool {
    scan_number(text, 0).is_ok_and(|end| end == text.len())
}

/// How many ASCII digits `bytes` holds from `at` on.
fn digits(bytes: &[u8], at: usize) -> usize {
    bytes
        .iter()
        .skip(at)
        .take_while(|byte| byte.is_ascii_digit())
        .count()
}
