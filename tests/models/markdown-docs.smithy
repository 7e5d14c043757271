// Documentation comments are CommonMark: emphasis, links, lists and code render as Markdown in
// the generated crate; code blocks become `text` blocks (never doc tests) and raw HTML shows as
// text. `tests/snapshots.rs` snapshots what this model generates.
$version: "2.0"

namespace example.markdown

use aws.api#service
use aws.protocols#awsJson1_1

/// A service documented in **Markdown**.
///
/// See the [Smithy IDL](https://smithy.io/2.0/spec/idl.html) or <https://smithy.io>.
@service(sdkId: "Markdown Docs")
@awsJson1_1
service MarkdownDocs {
    version: "2025-01-01"
    operations: [Describe]
}

/// Describes a *thing*.
///
/// # Usage
///
/// 1. Build the input.
/// 2. Call `Describe`:
///    - once per thing;
///    - never in a loop.
///
/// ```rust
/// fn main() { panic!("never run as a doc test") }
/// ```
///
///     indented_code_is_text_too();
///
/// Raw <b>HTML</b> is shown, not interpreted: <script>alert(1)</script> */
operation Describe {
    input := {
        /// The thing's name, `[a-z]+` and at most 8 characters (a_b is *not* emphasis here).
        @required
        name: String

        /// <p>An HTML comment stays HTML: <code>Legacy</code>.</p>
        legacy: String
    }
    output := {
        /// Where the thing lives:
        ///
        /// * on disk
        /// * in memory
        location: String
    }
}
