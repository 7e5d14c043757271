//! Code lines: what counts as a line of code, the one place the rules live.

use super::report::LineGroup;
use std::path::PathBuf;

/// The code lines of `files`, as one group named `label`.
pub fn count_group(label: String, files: &[PathBuf]) -> Result<LineGroup, String> {
    let mut lines = 0;
    for file in files {
        let source = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        lines += count_code_lines(&without_server_items(&source));
    }
    Ok(LineGroup {
        label,
        files: files.len(),
        lines,
    })
}

/// The gate of the server half: a client build (the generated crate without its `server`
/// feature, which is what is measured) compiles none of what it gates.
const SERVER_GATE: &str = "#[cfg(feature = \"server\")]";

/// The source without the items behind [`SERVER_GATE`]: each runs from the gate to the first
/// line at the gate's indentation that ends with `;`, `,` or `}` (the files are
/// rustfmt-formatted, as the emitter's own pruning assumes).
pub fn without_server_items(source: &str) -> String {
    let indent = |line: &str| line.len() - line.trim_start().len();
    let mut out = String::with_capacity(source.len());
    let mut lines = source.split_inclusive('\n');
    while let Some(line) = lines.next() {
        if line.trim() != SERVER_GATE {
            out.push_str(line);
            continue;
        }
        let depth = indent(line);
        for item_line in lines.by_ref() {
            let text = item_line.trim();
            let is_item =
                indent(item_line) == depth && !text.starts_with("//") && !text.starts_with("#[");
            if is_item && (text.ends_with(';') || text.ends_with(',') || text.ends_with('}')) {
                break;
            }
        }
    }
    out
}

/// Counts the code lines of a Rust source file. The one place the counting rules live:
///
/// - A line counts when, once its comments are removed, it has a non-whitespace character.
///   Blank lines do not count.
/// - Comments are `//` to the end of the line (so `///` and `//!` doc comments too) and
///   `/* ... */`, which may nest (so `/** */` and `/*! */` doc comments too). A line with
///   code and a trailing comment counts.
/// - A line whose only code is a one-line doc attribute (`#[doc = "..."]`, `#![doc = ...]`)
///   is a doc comment in attribute form and does not count.
/// - Nothing inside a string, raw string, byte string or character literal is a comment:
///   `"// not a comment"` is code. A line inside a multi-line string literal counts when it
///   has a non-whitespace character.
pub fn count_code_lines(source: &str) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Code,
        LineComment,
        Block(u32),
        Str,
        RawStr(usize),
    }
    let chars: Vec<char> = source.chars().collect();
    let mut state = State::Code;
    let mut line = String::new();
    let mut count = 0;
    let mut finish_line = |line: &mut String| {
        let code = line.trim();
        let doc_attribute =
            (code.starts_with("#[doc") || code.starts_with("#![doc")) && code.ends_with(']');
        if !code.is_empty() && !doc_attribute {
            count += 1;
        }
        line.clear();
    };
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            if state == State::LineComment {
                state = State::Code;
            }
            finish_line(&mut line);
            i += 1;
            continue;
        }
        match state {
            State::LineComment => {}
            State::Block(depth) => {
                if c == '/' && next == Some('*') {
                    state = State::Block(depth + 1);
                    i += 1;
                } else if c == '*' && next == Some('/') {
                    state = if depth == 1 {
                        State::Code
                    } else {
                        State::Block(depth - 1)
                    };
                    i += 1;
                }
            }
            State::Str => {
                line.push(c);
                if c == '\\' {
                    // An escaped character (or an escaped newline, which ends the line).
                    if let Some(n) = next {
                        if n != '\n' {
                            line.push(n);
                            i += 1;
                        }
                    }
                } else if c == '"' {
                    state = State::Code;
                }
            }
            State::RawStr(hashes) => {
                line.push(c);
                if c == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    line.extend(std::iter::repeat_n('#', hashes));
                    i += hashes;
                    state = State::Code;
                }
            }
            State::Code => {
                let prev = if i > 0 { Some(chars[i - 1]) } else { None };
                let starts_token = !prev.is_some_and(is_ident);
                if c == '/' && next == Some('/') {
                    state = State::LineComment;
                    i += 1;
                } else if c == '/' && next == Some('*') {
                    state = State::Block(1);
                    i += 1;
                } else if c == '"' {
                    line.push(c);
                    state = State::Str;
                } else if let Some(hashes) = raw_string_start(&chars, i, starts_token) {
                    // `r"`, `r#"`, `br"`, `cr#"`...: push the prefix through the quote.
                    let prefix_len = chars[i..].iter().position(|&ch| ch == '"').unwrap_or(0);
                    line.extend(&chars[i..=i + prefix_len]);
                    i += prefix_len;
                    state = State::RawStr(hashes);
                } else if c == '\'' {
                    // A character literal (`'a'`, `'\n'`, `'\u{1F600}'`), or a lifetime.
                    if next == Some('\\') {
                        // Skip the escaped character, then find the closing quote.
                        let end = (i + 3..chars.len())
                            .find(|&k| chars[k] == '\'' || chars[k] == '\n')
                            .filter(|&k| chars[k] == '\'')
                            .unwrap_or(i + 1);
                        line.extend(&chars[i..=end]);
                        i = end;
                    } else if chars.get(i + 2) == Some(&'\'') && next != Some('\n') {
                        line.extend(&chars[i..i + 3]);
                        i += 2;
                    } else {
                        line.push(c);
                    }
                } else {
                    line.push(c);
                }
            }
        }
        i += 1;
    }
    finish_line(&mut line);
    count
}

/// When a raw string literal starts at `i` (`r"`, `r#"`, `br##"`, `cr"`), how many `#` it uses.
fn raw_string_start(chars: &[char], i: usize, starts_token: bool) -> Option<usize> {
    if !starts_token {
        return None;
    }
    let mut k = i;
    if matches!(chars.get(k), Some('b' | 'c')) {
        k += 1;
    }
    if chars.get(k) != Some(&'r') {
        return None;
    }
    k += 1;
    let mut hashes = 0;
    while chars.get(k) == Some(&'#') {
        hashes += 1;
        k += 1;
    }
    (chars.get(k) == Some(&'"')).then_some(hashes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_not_comments_or_blank_lines() {
        let source = "\
//! Crate docs.
/// Item docs.
pub struct A; // trailing comment: the line counts

/* a block
   comment */
/** a doc block */
fn f() {
    /* nested /* block */ still comment */
    let s = \"// not a comment\";
}
#[doc = \"attribute docs\"]
#[derive(Debug)]
";
        // `pub struct A;`, `fn f() {`, `let s = ...`, `}`, `#[derive(Debug)]`.
        assert_eq!(count_code_lines(source), 5);
    }

    #[test]
    fn strings_and_chars_hide_comment_markers() {
        let source = r####"
let a = r#"/* not a comment
    still the string */ "#;
let b = '/';
let c = '\'';
let c2 = '\\'; let c3 = '\u{1F600}';
let d: &'static str = "x"; // comment
let e = b"//";
let f = '"'; let g = 1; /* c */
"####;
        assert_eq!(count_code_lines(source), 8);
        assert_eq!(count_code_lines("let s = \"a\n\n b\";"), 2);
        assert_eq!(count_code_lines("/* open\n\n*/\nx"), 1);
        assert_eq!(count_code_lines(""), 0);
        assert_eq!(count_code_lines("fn f<'a>(x: &'a str) {}\n// c"), 1);
    }

    #[test]
    fn server_items_are_not_client_code() {
        let source = "pub mod errors;\n#[cfg(feature = \"server\")]\npub mod server;\nfn f() {\n    if x {\n        #[cfg(feature = \"server\")]\n        note(\n            a,\n        );\n        y();\n    }\n}\n";
        assert_eq!(
            without_server_items(source),
            "pub mod errors;\nfn f() {\n    if x {\n        y();\n    }\n}\n"
        );
    }
}
