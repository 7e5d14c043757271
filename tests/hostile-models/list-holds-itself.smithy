// A list whose member is the list itself: its Rust type would be infinite.
$version: "2.0"
namespace hostile.nesting
use aws.protocols#awsJson1_1
@awsJson1_1
service Svc { version: "1" operations: [Nest] }
operation Nest { input: NestInput }
structure NestInput { tree: Tree }
list Tree { member: Forest }
map Forest { key: String, value: Tree }
