// Cases that are wrong on purpose: `tests/protocol_tests.rs` runs
// `cargo xtask protocol-tests --dir tests/protocol/failing` and checks that each one is
// reported as failed, with the reason, and that the command exits non-zero.
$version: "2.0"

namespace example.failing

use aws.api#service
use aws.protocols#awsJson1_1
use smithy.test#httpRequestTests
use smithy.test#httpResponseTests

@service(sdkId: "Failing Fixture")
@awsJson1_1
service Failing {
    version: "2025-01-01"
    operations: [Put]
}

@httpRequestTests([
    {
        id: "RightBody"
        protocol: awsJson1_1
        method: "POST"
        uri: "/"
        headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Failing.Put" }
        body: "{\"Name\": \"a\", \"Size\": 1}"
        bodyMediaType: "application/json"
        params: { Name: "a", Size: 1 }
    }
    {
        id: "WrongBody"
        protocol: awsJson1_1
        method: "POST"
        uri: "/"
        body: "{\"Name\": \"b\", \"Size\": 1}"
        bodyMediaType: "application/json"
        params: { Name: "a", Size: 1 }
    }
    {
        id: "WrongTarget"
        protocol: awsJson1_1
        method: "POST"
        uri: "/"
        headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Failing.Get" }
        params: {}
    }
    {
        id: "UnknownMember"
        protocol: awsJson1_1
        method: "POST"
        uri: "/"
        params: { Colour: "red" }
    }
])
@httpResponseTests([
    {
        id: "WrongOutput"
        protocol: awsJson1_1
        code: 200
        body: "{\"Size\": 2}"
        bodyMediaType: "application/json"
        params: { Size: 3 }
    }
    {
        id: "UntypedError"
        protocol: awsJson1_1
        code: 400
        body: "{\"__type\": \"SomethingElse\"}"
        bodyMediaType: "application/json"
        params: {}
    }
])
operation Put {
    input := {
        Name: String
        Size: Integer
    }
    output := {
        Size: Integer
    }
    errors: [Broken]
}

@httpResponseTests([
    {
        id: "UntypedErrorForBroken"
        protocol: awsJson1_1
        code: 400
        body: "{\"__type\": \"SomethingElse\"}"
        bodyMediaType: "application/json"
        params: {}
    }
])
@error("client")
structure Broken {}
