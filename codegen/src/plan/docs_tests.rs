//! Tests of the HTML-to-Markdown conversion of model documentation (`docs.rs`).

use super::*;

#[test]
fn paragraphs_code_and_links() {
    let html = "<p>Connects a <a href=\"https://docs.aws.amazon.com/kms\">custom\n   key store</a>.\n      Use <code>ConnectCustomKeyStore</code> or <a>DescribeCustomKeyStores</a>.</p>\n <p>Second &amp; last.</p>";
    assert_eq!(
        to_markdown(html),
        "Connects a [custom key store](https://docs.aws.amazon.com/kms). Use \
         `ConnectCustomKeyStore` or `DescribeCustomKeyStores`.\n\nSecond & last."
    );
}

#[test]
fn emphasis_markers_hold_to_their_text() {
    // Pricing's GetPriceListFileUrl: `<i>` and `<b>` around whitespace, which as
    // `* **...** *` made a list item of the first line (and a clippy failure).
    let html = "<p>\n <i>\n <b>In preview. Terms apply.</b>\n </i>\n </p><p>Then.</p>";
    assert_eq!(to_markdown(html), "***In preview. Terms apply.***\n\nThen.");
    assert_eq!(to_markdown("a<b> bold </b>b"), "a **bold** b");
    assert_eq!(to_markdown("a <i>x</i>, <em>y</em>."), "a *x*, *y*.");
    // Nothing marked: no marker, and no `****` (a thematic break).
    assert_eq!(to_markdown("a <b> </b> b"), "a b");
    assert_eq!(to_markdown("<p><b></b></p><p>x</p>"), "x");
}

#[test]
fn lists_and_notes() {
    let html = "<p>States:</p><ul><li><p><code>CONNECTED</code> - ready</p></li><li>FAILED</li></ul><note><p>Poll it.</p></note>";
    assert_eq!(
        to_markdown(html),
        "States:\n\n- `CONNECTED` - ready\n- FAILED\n\n**Note:**\n\nPoll it."
    );
}

#[test]
fn escapes_what_rustdoc_misreads() {
    assert_eq!(
        to_markdown("a [b] &lt;c&gt; x_y"),
        "a \\[b\\] \\<c\\> x\\_y"
    );
    assert_eq!(
        to_markdown("see https://example.com/x."),
        "see <https://example.com/x>."
    );
    assert_eq!(to_markdown("<p>a < b</p>"), "a \\< b");
}

#[test]
fn model_text_never_opens_a_code_block() {
    let pre = to_markdown("<pre>```\nrun();\n```</pre>after");
    assert_eq!(pre, "````text\n```\nrun();\n```\n````\n\nafter");
    let unclosed = to_markdown("<pre>a ```` b");
    assert_eq!(unclosed, "`````text\na ```` b\n`````");
    let text = to_markdown("x\n```rust\nrun();\n```\n~~~\n    indented();");
    assert_eq!(
        text,
        "x \\`\\`\\`rust run(); \\`\\`\\` \\~\\~\\~ indented();"
    );
    let link = to_markdown("<a href=\"https://a.b/(x)\n```\">t</a>");
    assert_eq!(link, "[t](https://a.b/%28x%29%0A%60%60%60)");
    assert_eq!(to_markdown("a\rb\u{1b}c"), "a b\u{fffd}c");
    // Nested list markers after a blank line lose their indentation.
    let lines = wrap("a\n\n    - code();", 80);
    assert_eq!(lines, ["a", "", "- code();"]);
}

#[test]
fn code_spans_and_plain_text_stay_on_one_line() {
    assert_eq!(code_span("a`b"), "`` a`b ``");
    assert_eq!(code_span("``\n```x"), "```` `` ```x ````");
    assert_eq!(plain_text("T\n```\n# x"), "T \\`\\`\\` \\# x");
}

#[test]
fn wraps_without_starting_blocks() {
    let lines = wrap("aaaa bbbb - cccc `x y z` 1. dddd", 10);
    assert!(
        lines
            .iter()
            .all(|l| !l.starts_with("- ") && !l.starts_with("1.")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("`x y z`")), "{lines:?}");
    let lines = wrap("pattern `` ^[a-z\\/+=]+$ `` here", 12);
    assert!(
        lines.iter().any(|l| l.contains("`` ^[a-z\\/+=]+$ ``")),
        "{lines:?}"
    );
}
