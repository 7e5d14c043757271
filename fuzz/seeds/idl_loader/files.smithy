$version: "2.0"
namespace ex
use aws.protocols#awsJson1_1
@awsJson1_1
service S { version: "1" operations: [Op] }
operation Op { input: In }
structure In with [other#Base] { a: String }
//---
$version: "2.0"
namespace other
@mixin
structure Base with [Deeper] { b: Tags }
@mixin
structure Deeper { c: String }
list Tags { member: String }
apply ex#In$a @documentation("```\nx();\n```")
