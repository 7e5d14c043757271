$version: "2.0"
namespace ex
use aws.protocols#awsJson1_1
/// Fence ```
/// ```rust
/// std::process::exit(3);
/// ```
/// ~~~
///     indented();
/// */ "# "### ]] #![no_std]
@awsJson1_1
@title("T\"\n```\nx();\n```")
service S { version: "1\"\n[x]" operations: [Op] }
@examples([{ title: "```\nx();\n```", documentation: "<pre>```rust\nx();\n```</pre>", input: { a: "```" } }])
operation Op { input := { a: E } }
enum E { A = "```\n\"#" B = "]]" }
