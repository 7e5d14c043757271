//! Smithy documentation (CommonMark with embedded HTML, as AWS models write it) to clean
//! rustdoc Markdown: no raw HTML tags left, links kept, whitespace normalised so that model
//! indentation never turns into a code block, and the characters rustdoc would misread
//! (`[`, `]`, `<`, `>`, bare URLs) escaped.

/// Converts model documentation into rustdoc Markdown paragraphs separated by blank lines.
///
/// Model text is data: whatever it holds (code fences, indentation, control characters,
/// `*/`), the result holds no code block but the `text` blocks written for `<pre>`, so no
/// model text ever becomes a doc test.
pub fn to_markdown(doc: &str) -> String {
    let mut writer = Writer::default();
    let mut rest = doc;
    let mut link_stack: Vec<Option<String>> = Vec::new();
    while !rest.is_empty() {
        if let Some(tag_start) = rest.find('<') {
            writer.text(&rest[..tag_start]);
            let after = &rest[tag_start..];
            match parse_tag(after) {
                Some((tag, len)) => {
                    writer.tag(&tag, &mut link_stack);
                    rest = &after[len..];
                }
                None => {
                    writer.text("<");
                    rest = &after[1..];
                }
            }
        } else {
            writer.text(rest);
            rest = "";
        }
    }
    writer.finish()
}

/// An HTML tag as far as this converter cares: its lower-cased name, whether it closes, and
/// its `href` attribute.
struct Tag {
    name: String,
    closing: bool,
    href: Option<String>,
}

/// Parses `<name attr="v">`, `</name>` or `<name/>` at the start of `text`.
fn parse_tag(text: &str) -> Option<(Tag, usize)> {
    let end = text.find('>')?;
    let inner = &text[1..end];
    let closing = inner.starts_with('/');
    let inner = inner.trim_start_matches('/').trim_end_matches('/');
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let href = inner.find("href=").and_then(|pos| {
        let value = &inner[pos + 5..];
        let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let value = &value[1..];
        value
            .find(quote)
            .map(|close| safe_href(&decode_entities(&value[..close])))
    });
    Some((
        Tag {
            name: name.to_ascii_lowercase(),
            closing,
            href,
        },
        end + 1,
    ))
}

/// Accumulates Markdown blocks.
#[derive(Default)]
struct Writer {
    blocks: Vec<String>,
    current: String,
    list_depth: usize,
    in_code: bool,
    code_text: String,
    pre: bool,
    /// The text of the open `<pre>` block, fenced when it closes.
    pre_text: String,
    /// An emphasis marker was just written and no text has followed it yet.
    after_open: bool,
}

impl Writer {
    fn text(&mut self, raw: &str) {
        let decoded = clean_controls(&decode_entities(raw));
        if self.in_code {
            self.code_text.push_str(&decoded);
            return;
        }
        if self.pre {
            self.pre_text.push_str(&decoded);
            return;
        }
        let escaped = escape_text(&collapse_whitespace(&decoded));
        if self.current.is_empty()
            || self.current.ends_with(' ')
            || self.current.ends_with('\n')
            || self.after_open
        {
            // Right after an emphasis marker the space goes before it instead.
            let text = escaped.trim_start();
            if self.after_open && text.len() < escaped.len() {
                self.space_before_marker();
            }
            self.current.push_str(text);
        } else {
            self.current.push_str(&escaped);
        }
        if !escaped.trim().is_empty() {
            self.after_open = false;
        }
    }

    /// Moves a space before the emphasis markers that end `current` (`a **` + ` b` gives
    /// `a **b`, `a**` + ` b` gives `a **b`).
    fn space_before_marker(&mut self) {
        let markers = self.current.len() - self.current.trim_end_matches('*').len();
        let at = self.current.len() - markers;
        let before = &self.current[..at];
        if !before.is_empty() && !before.ends_with([' ', '\n']) {
            self.current.insert(at, ' ');
        }
    }

    fn tag(&mut self, tag: &Tag, links: &mut Vec<Option<String>>) {
        match (tag.name.as_str(), tag.closing) {
            // Paragraphs inside list items stay in the item.
            ("p" | "para" | "div", _) if self.list_depth > 0 => self.space(),
            ("p" | "para" | "div" | "dl", _) => self.break_block(),
            ("note" | "important", false) => {
                self.break_block();
                let label = if tag.name == "note" {
                    "**Note:** "
                } else {
                    "**Important:** "
                };
                self.current.push_str(label);
            }
            ("note" | "important", true) => self.break_block(),
            ("ul" | "ol", false) => {
                self.break_block();
                self.list_depth += 1;
            }
            ("ul" | "ol", true) => {
                self.break_block();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            ("li", false) => {
                self.break_line();
                let indent = "  ".repeat(self.list_depth.saturating_sub(1));
                self.current.push_str(&indent);
                self.current.push_str("- ");
            }
            ("li", true) => self.break_line(),
            ("dt", false) => {
                self.break_block();
                self.current.push_str("**");
            }
            ("dt", true) => {
                self.trim_end();
                self.current.push_str("**");
                self.break_block();
            }
            ("dd", _) => self.break_block(),
            ("br", _) => self.break_line(),
            ("code", false) => {
                self.in_code = true;
                self.code_text.clear();
            }
            ("code", true) => {
                self.in_code = false;
                let code = collapse_whitespace(&std::mem::take(&mut self.code_text));
                self.push_inline(&code_span(code.trim()));
            }
            ("pre", false) if !self.pre => {
                self.break_block();
                self.pre = true;
            }
            ("pre", true) => self.close_pre(),
            ("b" | "strong", closing) => self.emphasis("**", closing),
            ("i" | "em", closing) => self.emphasis("*", closing),
            ("a", false) => {
                links.push(tag.href.clone());
                if tag.href.is_some() {
                    self.push_inline("[");
                } else {
                    // A link without a target names another shape: show it as code.
                    self.in_code = true;
                    self.code_text.clear();
                }
            }
            ("a", true) => match links.pop() {
                Some(Some(href)) => {
                    self.trim_end();
                    self.current.push_str(&format!("]({href})"));
                }
                Some(None) => {
                    self.in_code = false;
                    let code = collapse_whitespace(&std::mem::take(&mut self.code_text));
                    self.push_inline(&code_span(code.trim()));
                }
                None => {}
            },
            _ => {}
        }
    }

    /// Writes the `<pre>` text as a `text` block, fenced with more backticks than any run in
    /// it, so that nothing inside can close the block and open a code block.
    fn close_pre(&mut self) {
        if !self.pre {
            return;
        }
        self.pre = false;
        let text = std::mem::take(&mut self.pre_text);
        self.current.push_str(&fenced_text(&text));
        self.break_block();
    }

    fn push_inline(&mut self, text: &str) {
        self.current.push_str(text);
    }

    /// An emphasis marker, kept against the text it marks: CommonMark reads `* x *` as
    /// literal asterisks, and a line starting `* ` as a list item (AWS docs write
    /// `<i> <b>...</b> </i>`). The space moves outside the markers, and a pair with nothing
    /// between them is dropped (`****` alone is a thematic break).
    fn emphasis(&mut self, marker: &str, closing: bool) {
        if !closing {
            self.current.push_str(marker);
            self.after_open = true;
            return;
        }
        let spaced = self.current.ends_with([' ', '\n']);
        self.trim_end();
        if self.after_open && self.current.ends_with(marker) {
            let kept = self.current.len() - marker.len();
            self.current.truncate(kept);
        } else {
            self.current.push_str(marker);
        }
        self.after_open = false;
        if spaced {
            self.current.push(' ');
        }
    }

    fn space(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
            self.current.push(' ');
        }
    }

    fn trim_end(&mut self) {
        let trimmed = self.current.trim_end().len();
        self.current.truncate(trimmed);
    }

    fn break_line(&mut self) {
        self.trim_end();
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
    }

    fn break_block(&mut self) {
        let block = self.current.trim().to_owned();
        if !block.is_empty() && block != "-" {
            self.blocks.push(block);
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.close_pre();
        if self.in_code {
            let code = std::mem::take(&mut self.code_text);
            self.push_inline(&code_span(code.trim()));
        }
        self.break_block();
        self.blocks
            .retain(|block| !block.trim_matches(|c| c == '*' || c == ' ').is_empty());
        self.blocks.join("\n\n")
    }
}

/// Text as a `text` block, fenced with more backticks than any run in it, so that nothing
/// inside can close the block (and the block is never a doc test).
pub(super) fn fenced_text(text: &str) -> String {
    let fence = "`".repeat(longest_backtick_run(text).max(2) + 1);
    format!("{fence}text\n{}\n{fence}", text.trim_matches('\n'))
}

/// Wraps text in a code span on one line, fenced with more backticks than any run in it.
/// Model text (an enum value, a pattern, a version) goes into docs this way.
pub fn code_span(code: &str) -> String {
    let code = collapse_whitespace(&clean_controls(code));
    let code = code.trim();
    if code.is_empty() {
        return String::new();
    }
    let run = longest_backtick_run(code);
    if run == 0 {
        format!("`{code}`")
    } else {
        let fence = "`".repeat(run + 1);
        format!("{fence} {code} {fence}")
    }
}

/// Model text (a title, an example's title) as one line of plain Markdown text: whitespace
/// collapsed, control characters replaced, and everything Markdown would read escaped.
pub fn plain_text(text: &str) -> String {
    escape_text(collapse_whitespace(&clean_controls(text)).trim())
}

/// Line breaks as `\n`; every other control character (which rustdoc or the compiler would
/// refuse in a doc comment, such as a bare `\r`) as U+FFFD.
pub(super) fn clean_controls(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' | '\u{2028}' | '\u{2029}' => '\n',
            '\n' | '\t' => c,
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// A link target that stays one Markdown token: anything but URL characters is
/// percent-encoded (spaces, line breaks, parentheses, brackets, backticks, quotes).
pub(super) fn safe_href(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for byte in href.trim().bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~:/?#@!$&'*+,;=%".contains(&byte);
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out
}

/// Escapes what rustdoc would otherwise read as links, HTML or emphasis, and wraps bare URLs.
pub(super) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(' ') {
        let bare = word.trim_end();
        if bare.starts_with("http://") || bare.starts_with("https://") {
            let url = bare.trim_end_matches(['.', ',', ';', ')']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            out.push_str(&word[url.len()..]);
            continue;
        }
        for c in word.chars() {
            if matches!(
                c,
                '[' | ']' | '<' | '>' | '*' | '_' | '`' | '\\' | '#' | '~'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Splits Markdown into lines of at most `width` characters for `///` comments, never
/// breaking inside a code span or link, and never starting a line with something Markdown
/// would read as a list item or heading.
///
/// A fence closes only on a line of at least as many backticks as opened it, as in
/// CommonMark. Outside fences, a line after a blank line loses its indentation, so that no
/// text becomes an indented code block (rustdoc runs those as doc tests).
pub fn wrap(markdown: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    // The backtick run that opened the current fence (0: not in a fence).
    let mut fence = 0usize;
    for source_line in markdown.split('\n') {
        let source_line = source_line.trim_end();
        let run = source_line.len() - source_line.trim_start_matches('`').len();
        if fence == 0 && run >= 3 && !source_line[run..].contains('`') {
            fence = run;
            lines.push(source_line.to_owned());
            continue;
        }
        if fence > 0 {
            if run >= fence && source_line.len() == run {
                fence = 0;
            }
            // Code is never re-wrapped.
            lines.push(source_line.to_owned());
            continue;
        }
        if source_line.trim().is_empty() {
            lines.push(String::new());
            continue;
        }
        let after_blank = lines.last().is_none_or(String::is_empty);
        let source_line = if after_blank {
            source_line.trim_start()
        } else {
            source_line
        };
        let indent: String = source_line.chars().take_while(|c| *c == ' ').collect();
        let continuation = if source_line.trim_start().starts_with("- ") {
            format!("{indent}  ")
        } else {
            indent.clone()
        };
        let mut line = indent.clone();
        for word in unbreakable_words(source_line.trim_start()) {
            let only_marker = matches!(line.trim(), "" | "-");
            let fits = only_marker || line.len() + 1 + word.len() <= width;
            if fits || starts_block(word) {
                if !line.trim().is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            } else {
                lines.push(std::mem::replace(&mut line, continuation.clone()));
                line.push_str(word);
            }
        }
        lines.push(line);
    }
    lines
}

/// Words that Markdown reads specially at the start of a line.
fn starts_block(word: &str) -> bool {
    matches!(word, "-" | "+" | "*" | ">" | "=" | "|")
        || word.starts_with('#')
        || (word.ends_with('.') || word.ends_with(')'))
            && word[..word.len() - 1].chars().all(|c| c.is_ascii_digit())
}

/// Splits on spaces, keeping code spans and link texts whole. Works on bytes: every
/// delimiter is ASCII, so the words are slices of the line.
fn unbreakable_words(line: &str) -> Vec<&str> {
    let bytes = line.as_bytes();
    let mut words = Vec::new();
    let mut start = 0usize;
    // Length of the backtick run that opened the current code span (0: not in code).
    let mut code_fence = 0usize;
    let mut bracket_depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let escaped = i > 0 && bytes[i - 1] == b'\\';
        if c == b'`' && !escaped {
            let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            if code_fence == 0 {
                code_fence = run;
            } else if run == code_fence {
                code_fence = 0;
            }
            i += run;
            continue;
        }
        if code_fence == 0 && !escaped {
            match c {
                b'[' => bracket_depth += 1,
                b']' => bracket_depth = bracket_depth.saturating_sub(1),
                _ => {}
            }
        }
        if c == b' ' && code_fence == 0 && bracket_depth == 0 {
            if start < i {
                words.push(&line[start..i]);
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < line.len() {
        words.push(&line[start..]);
    }
    words
}

#[cfg(test)]
#[path = "docs_tests.rs"]
mod tests;
