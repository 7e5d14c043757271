// Cases that cannot run must still be counted: an event-stream operation the planner leaves
// out (its request and response cases, and the cases of an error only it returns), and an
// operation no service binds. `cargo xtask protocol-tests --dir tests/protocol/skipped`
// reports each as EXCLUDED with its reason; the one ordinary case passes.
$version: "2.0"

namespace example.skipped

use aws.api#service
use aws.protocols#awsJson1_1
use smithy.test#httpRequestTests
use smithy.test#httpResponseTests

@service(sdkId: "Skipped Fixture")
@awsJson1_1
service SkippedFixture {
    version: "2025-01-01"
    operations: [Plain, Subscribe]
}

@httpRequestTests([
    {
        id: "SkippedFixturePlain"
        protocol: awsJson1_1
        method: "POST"
        uri: "/"
        headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "SkippedFixture.Plain" }
        body: "{\"Name\": \"a\"}"
        bodyMediaType: "application/json"
        params: { Name: "a" }
    }
])
operation Plain {
    input := {
        Name: String
    }
}

@httpRequestTests([
    {
        id: "SkippedFixtureSubscribeRequest"
        protocol: awsJson1_1
        method: "POST"
        uri: "/"
        body: "{}"
        bodyMediaType: "application/json"
        params: {}
    }
])
@httpResponseTests([
    {
        id: "SkippedFixtureSubscribeResponse"
        protocol: awsJson1_1
        code: 200
        body: "{}"
        bodyMediaType: "application/json"
        params: {}
    }
])
operation Subscribe {
    input := {}
    output := {
        Events: Events
    }
    errors: [SubscribeRefused]
}

@streaming
union Events {
    Tick: Tick
}

structure Tick {
    N: Integer
}

@error("client")
@httpResponseTests([
    {
        id: "SkippedFixtureSubscribeRefused"
        protocol: awsJson1_1
        code: 400
        headers: { "X-Amzn-Errortype": "SubscribeRefused" }
        body: "{}"
        bodyMediaType: "application/json"
        params: {}
    }
])
structure SubscribeRefused {
    message: String
}

/// No service binds this operation.
@httpRequestTests([
    {
        id: "SkippedFixtureUnbound"
        protocol: awsJson1_1
        method: "POST"
        uri: "/"
        body: "{}"
        bodyMediaType: "application/json"
        params: {}
    }
])
operation Unbound {
    input := {}
}
