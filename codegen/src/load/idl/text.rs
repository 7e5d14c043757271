//! Decoding of string literals: line-ending normalisation, escapes, and the incidental
//! whitespace removal of text blocks
//! (<https://smithy.io/2.0/spec/idl.html#string-escape-characters>,
//! <https://smithy.io/2.0/spec/idl.html#text-blocks>).
//!
//! The lexer hands over the raw characters between the delimiters (escapes still written as
//! escapes); these functions turn them into the string value.

/// Replaces CRLF and lone CR with LF, as the spec requires for every string.
pub fn normalize_newlines(raw: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(raw.len());
    let mut chars = raw.iter().copied().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Interprets escapes in already-normalised content. `\` followed by a new line is a line
/// continuation and expands to nothing; any escape the spec does not list is an error.
pub fn unescape(raw: &[char]) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&c) = raw.get(i) {
        i += 1;
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(&escaped) = raw.get(i) else {
            return Err("a string cannot end with a lone `\\`".to_owned());
        };
        i += 1;
        match escaped {
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            '/' => out.push('/'),
            '\'' => out.push('\''),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '\n' => {}
            'u' => {
                let first = hex4(raw, i)?;
                i += 4;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by `\u` and a low surrogate.
                    let low = match (raw.get(i), raw.get(i + 1)) {
                        (Some('\\'), Some('u')) => hex4(raw, i + 2)?,
                        _ => {
                            return Err(format!(
                                "the escape `\\u{first:04X}` is a high surrogate and must be followed by a `\\u` low surrogate"
                            ))
                        }
                    };
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(format!(
                            "the escape `\\u{first:04X}` is a high surrogate and must be followed by a low surrogate, found `\\u{low:04X}`"
                        ));
                    }
                    i += 6;
                    0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(decoded) => out.push(decoded),
                    None => {
                        return Err(format!(
                            "the escape `\\u{code:04X}` is not a Unicode scalar value (a lone surrogate)"
                        ))
                    }
                }
            }
            other => {
                return Err(format!(
                    "invalid escape `\\{other}` in a string (valid escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX and an escaped new line)"
                ))
            }
        }
    }
    Ok(out)
}

/// Reads four hex digits at `at`.
fn hex4(raw: &[char], at: usize) -> Result<u32, String> {
    let digits: String = raw.iter().skip(at).take(4).collect();
    if digits.chars().count() != 4 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "expected four hex digits after `\\u`, found `{digits}`"
        ));
    }
    u32::from_str_radix(&digits, 16).map_err(|err| err.to_string())
}

/// Decodes a quoted string's content.
pub fn decode_quoted(raw: &[char]) -> Result<String, String> {
    unescape(&normalize_newlines(raw))
}

/// Decodes a text block's content: `raw` is everything after the new line that follows the
/// opening `"""`, up to (not including) the closing `"""`.
///
/// Incidental whitespace: the common leading whitespace of the non-blank lines (and of the
/// last line, the one holding the closing delimiter, even when blank) is removed, then
/// trailing whitespace on every line; escapes are interpreted afterwards. Spaces and tabs
/// both count as one whitespace character each (the spec speaks of spaces; tabs are treated
/// the same way, as in JEP 355 that text blocks follow).
pub fn decode_text_block(raw: &[char]) -> Result<String, String> {
    let normalized = normalize_newlines(raw);
    let lines: Vec<&[char]> = normalized.split(|&c| c == '\n').collect();
    let is_ws = |c: &char| *c == ' ' || *c == '\t';
    let last = lines.len().saturating_sub(1);
    let indent = lines
        .iter()
        .enumerate()
        .filter(|(i, line)| *i == last || !line.iter().all(is_ws))
        .map(|(_, line)| line.iter().take_while(|c| is_ws(c)).count())
        .min()
        .unwrap_or(0);
    let mut joined: Vec<char> = Vec::with_capacity(normalized.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            joined.push('\n');
        }
        let rest = line.get(indent..).unwrap_or(&[]);
        let keep = rest.len() - rest.iter().rev().take_while(|c| is_ws(c)).count();
        joined.extend_from_slice(rest.get(..keep).unwrap_or(&[]));
    }
    unescape(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn block(s: &str) -> String {
        decode_text_block(&chars(s)).unwrap()
    }

    #[test]
    fn escapes_are_decoded() {
        let decoded = decode_quoted(&chars(r#"a\"b\\c\/d\b\f\n\r\t\u00e9\'"#)).unwrap();
        assert_eq!(decoded, "a\"b\\c/d\u{8}\u{c}\n\r\t\u{e9}'");
    }

    #[test]
    fn surrogate_pairs_combine_and_lone_surrogates_fail() {
        assert_eq!(decode_quoted(&chars(r"\uD83D\uDE00")).unwrap(), "\u{1F600}");
        assert!(decode_quoted(&chars(r"\uD83D")).is_err());
        assert!(decode_quoted(&chars(r"\uDE00")).is_err());
        assert!(decode_quoted(&chars(r"\uD83Dx")).is_err());
    }

    #[test]
    fn bad_escapes_are_errors() {
        let err = decode_quoted(&chars(r"a\.b")).unwrap_err();
        assert!(err.contains("invalid escape `\\.`"), "{err}");
        assert!(decode_quoted(&chars(r"\u12")).is_err());
        assert!(decode_quoted(&chars(r"\u12G4")).is_err());
        assert!(decode_quoted(&chars("\\")).is_err());
    }

    #[test]
    fn new_lines_are_normalized_and_escaped_new_lines_vanish() {
        assert_eq!(decode_quoted(&chars("a\r\nb\rc\nd")).unwrap(), "a\nb\nc\nd");
        assert_eq!(decode_quoted(&chars("a\\\r\nb")).unwrap(), "ab");
    }

    #[test]
    fn text_block_removes_common_indentation_and_keeps_trailing_new_line() {
        // The spec's example: closing delimiter on its own line adds a trailing new line.
        let raw = "        <div>\n            <p>Hello!</p>\n        </div>\n        ";
        assert_eq!(block(raw), "<div>\n    <p>Hello!</p>\n</div>\n");
        // Closing delimiter on the last content line: no trailing new line.
        let raw = "        <div>\n            <p>Hello!</p>\n        </div>";
        assert_eq!(block(raw), "<div>\n    <p>Hello!</p>\n</div>");
    }

    #[test]
    fn text_block_blank_lines_do_not_count_but_the_closing_line_does() {
        let raw = "    Foo\n        Baz\n\n  \n    Bar\n    ";
        assert_eq!(block(raw), "Foo\n    Baz\n\n\nBar\n");
        // Closing delimiter at the margin: nothing is incidental.
        let raw = "    Foo\n        Baz\n    Bar\n";
        assert_eq!(block(raw), "    Foo\n        Baz\n    Bar\n");
        // Closing delimiter right of the content: no bearing on the prefix.
        let raw = "    Foo\n        Baz\n    Bar\n            ";
        assert_eq!(block(raw), "Foo\n    Baz\nBar\n");
    }

    #[test]
    fn text_block_escapes_apply_after_whitespace_removal() {
        let raw = "  <div>\n    <p>Hi\\n    bar</p>\n  </div>\n  ";
        assert_eq!(block(raw), "<div>\n  <p>Hi\n    bar</p>\n</div>\n");
        assert_eq!(block("    Foo \\\n    Baz \\\n    Bam"), "Foo Baz Bam");
        assert_eq!(block("    Foo\n    Baz \\\n    Bam"), "Foo\nBaz Bam");
        assert_eq!(block("    \"hello!\"\n    "), "\"hello!\"\n");
        assert_eq!(block("    foo \\\"\"\"\n    baz"), "foo \"\"\"\nbaz");
    }

    #[test]
    fn text_block_trailing_whitespace_and_crlf() {
        assert_eq!(block("  a  \r\n  b\t\r\n  "), "a\nb\n");
    }
}
