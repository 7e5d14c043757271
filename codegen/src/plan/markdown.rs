//! Documentation written in CommonMark (IDL `///` comments) to rustdoc Markdown: parsed by
//! pulldown-cmark and written again from its events, so that emphasis, links, lists and code
//! survive while the model text stays data. Every code block (fenced or indented, whatever
//! its info string) becomes a `text` block that no backtick run inside it can close, so none
//! is ever a doc test; raw HTML is shown as escaped text; headings become bold paragraphs;
//! and no line starts indented, so nothing turns into an indented code block.
//!
//! HTML documentation (the AWS models') keeps its own converter in [`super::docs`]:
//! pulldown-cmark reads HTML only as opaque blocks and spans, so it cannot convert it.

use super::docs::{code_span, escape_text, fenced_text, safe_href};
use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd, TextMergeStream};

/// Converts CommonMark documentation into rustdoc Markdown blocks separated by blank lines.
pub fn to_rustdoc(doc: &str) -> String {
    let mut writer = Writer::default();
    // No extensions: tables, footnotes and the like read as the plain text they are.
    // Adjacent text merged, so that a line's start is seen whole (`1986\\.` is one text).
    for event in TextMergeStream::new(Parser::new(&super::docs::clean_controls(doc))) {
        writer.event(event);
    }
    writer.finish()
}

/// Accumulates blocks; `current` is the block being written.
#[derive(Default)]
struct Writer {
    blocks: Vec<String>,
    current: String,
    /// Open lists: the next number of an ordered one, `None` for a bullet list.
    lists: Vec<Option<u64>>,
    /// The marker width of the open item of each open list (`- ` 2, `10. ` 4): a nested
    /// list is indented by its parents' widths, as CommonMark requires.
    widths: Vec<usize>,
    /// The text of the open code block, fenced when it closes.
    code: Option<String>,
    /// Link destinations of the open links and images, written when they close; `None` for
    /// an autolink, written whole when it opens.
    links: Vec<Option<String>>,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        if let Some(code) = &mut self.code {
            match event {
                Event::End(TagEnd::CodeBlock) => {
                    let block = fenced_text(code);
                    self.code = None;
                    self.block_break();
                    self.blocks.push(block);
                }
                Event::Text(text) => code.push_str(&text),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            // An autolink's text is its destination, already written.
            Event::Text(_) if self.links.last().is_some_and(Option::is_none) => {}
            Event::Text(text) => {
                let text = escape_text(&text.replace('\n', " "));
                if self.at_line_start() {
                    self.inline(&guard_line_start(&text));
                } else {
                    self.inline(&text);
                }
            }
            Event::Code(code) => self.inline(&code_span(&code)),
            // Raw HTML is model text like any other: shown, never interpreted.
            Event::Html(html) | Event::InlineHtml(html) => {
                self.inline(&escape_text(&html.replace('\n', " ")))
            }
            Event::SoftBreak => self.inline(" "),
            Event::HardBreak => self.line_break(),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.inline(&code_span(&text)),
            Event::FootnoteReference(label) => self.inline(&escape_text(&format!("[^{label}]"))),
            Event::TaskListMarker(done) => self.inline(if done { "\\[x\\] " } else { "\\[ \\] " }),
            Event::Rule => self.block_break(),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::BlockQuote(_) | Tag::HtmlBlock if self.lists.is_empty() => {
                self.block_break()
            }
            Tag::Paragraph | Tag::BlockQuote(_) | Tag::HtmlBlock => self.inline(" "),
            Tag::Heading { .. } => {
                self.block_break();
                self.current.push_str("**");
            }
            // The info string (`rust`, `ignore`) is dropped: the block is always text.
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.block_break();
                }
                self.lists.push(first);
            }
            Tag::Item => {
                self.line_break();
                let depth = self.lists.len().saturating_sub(1);
                self.widths.truncate(depth);
                let indent: usize = self.widths.iter().sum();
                self.current.push_str(&" ".repeat(indent));
                let marker = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}. ", *number - 1)
                    }
                    _ => "- ".to_owned(),
                };
                self.widths.push(marker.len());
                self.current.push_str(&marker);
            }
            Tag::Emphasis => self.inline("*"),
            Tag::Strong => self.inline("**"),
            Tag::Strikethrough => self.inline("~~"),
            Tag::Link {
                link_type,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                ..
            } => {
                let href = match link_type {
                    LinkType::Email => safe_href(&format!("mailto:{dest_url}")),
                    _ => safe_href(&dest_url),
                };
                if let LinkType::Autolink | LinkType::Email = link_type {
                    self.inline(&format!("<{href}>"));
                    self.links.push(None);
                } else {
                    self.inline("[");
                    self.links.push(Some(href));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::HtmlBlock
                if self.lists.is_empty() =>
            {
                self.block_break()
            }
            TagEnd::Heading(_) => {
                self.trim_end();
                self.current.push_str("**");
                self.block_break();
            }
            TagEnd::List(_) => {
                self.lists.pop();
                self.widths.truncate(self.lists.len());
                if self.lists.is_empty() {
                    self.block_break();
                }
            }
            TagEnd::Emphasis => self.inline("*"),
            TagEnd::Strong => self.inline("**"),
            TagEnd::Strikethrough => self.inline("~~"),
            TagEnd::Link | TagEnd::Image => {
                if let Some(Some(href)) = self.links.pop() {
                    self.trim_end();
                    self.current.push_str(&format!("]({href})"));
                }
            }
            _ => {}
        }
    }

    fn at_line_start(&self) -> bool {
        self.current.is_empty() || self.current.ends_with('\n')
    }

    fn inline(&mut self, text: &str) {
        if self.at_line_start() || self.current.ends_with(' ') {
            self.current.push_str(text.trim_start());
        } else {
            self.current.push_str(text);
        }
    }

    fn trim_end(&mut self) {
        let trimmed = self.current.trim_end().len();
        self.current.truncate(trimmed);
    }

    fn line_break(&mut self) {
        self.trim_end();
        if !self.current.is_empty() {
            self.current.push('\n');
        }
    }

    fn block_break(&mut self) {
        let block = self.current.trim().to_owned();
        if !block.is_empty() {
            self.blocks.push(block);
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        if let Some(code) = self.code.take() {
            self.block_break();
            self.blocks.push(fenced_text(&code));
        }
        self.block_break();
        self.blocks.join("\n\n")
    }
}

/// Text that would start a line as a list item or a heading underline (`- `, `+ `, `1. `,
/// `=`), escaped there; `escape_text` has escaped the rest (`#`, `>`, `*`).
fn guard_line_start(text: &str) -> String {
    let text = text.trim_start();
    if text.starts_with(['-', '+', '=', '|']) {
        return format!("\\{text}");
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match text[digits..].starts_with(['.', ')']) && digits > 0 {
        true => format!("{}\\{}", &text[..digits], &text[digits..]),
        false => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::to_rustdoc;

    #[test]
    fn emphasis_links_and_code_survive() {
        assert_eq!(
            to_rustdoc("Encrypts *up to* **4 KiB** with [KMS](https://aws.amazon.com/kms/)\nand `Encrypt`."),
            "Encrypts *up to* **4 KiB** with [KMS](https://aws.amazon.com/kms/) and `Encrypt`."
        );
        assert_eq!(
            to_rustdoc("See <https://example.com/a_b> or <ops@example.com>."),
            "See <https://example.com/a_b> or <mailto:ops@example.com>."
        );
    }

    #[test]
    fn paragraphs_lists_and_headings() {
        assert_eq!(
            to_rustdoc("# Usage\n\nFirst.\n\n- one\n- two\n  - nested\n\n1. a\n2. b\n\nLast."),
            "**Usage**\n\nFirst.\n\n- one\n- two\n  - nested\n\n1. a\n2. b\n\nLast."
        );
        // Under `1. ` an item's content starts three columns in, and so does its sublist.
        assert_eq!(
            to_rustdoc("1. a\n   - b\n     - c\n2. d"),
            "1. a\n   - b\n     - c\n2. d"
        );
    }

    #[test]
    fn code_blocks_are_text_and_never_doc_tests() {
        assert_eq!(
            to_rustdoc("Run:\n\n```rust\nfn main() {}\n```\n\nDone."),
            "Run:\n\n```text\nfn main() {}\n```\n\nDone."
        );
        // An indented block is code too, and a backtick run inside cannot close the fence.
        assert_eq!(
            to_rustdoc("Before.\n\n    ````\n    x\n\nAfter."),
            "Before.\n\n`````text\n````\nx\n`````\n\nAfter."
        );
        // An unclosed fence runs to the end, still as text.
        assert_eq!(to_rustdoc("```\nopen"), "```text\nopen\n```");
    }

    #[test]
    fn raw_html_and_markdown_specials_are_escaped() {
        assert_eq!(
            to_rustdoc("A <b>bold</b> claim.\n\n<div>\nblock\n</div>"),
            "A \\<b\\>bold\\</b\\> claim.\n\n\\<div\\> block \\</div\\>"
        );
        assert_eq!(to_rustdoc("a \\[b\\] c\\_d"), "a \\[b\\] c\\_d");
        assert_eq!(to_rustdoc("---"), "");
        // Escaped in the source, still escaped at the start of a line.
        assert_eq!(to_rustdoc("1986\\. was a year"), "1986\\. was a year");
        assert_eq!(to_rustdoc("\\- not a list"), "\\- not a list");
    }
}
