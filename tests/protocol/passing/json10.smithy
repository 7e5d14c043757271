// Our own cases for what a server does differently under awsJson1_0 and for a
// query-compatible service, written from smithy.io ("Differences between awsJson1_0 and
// awsJson1_1", "aws.protocols#awsQueryCompatible trait", "Default value serialization"):
// - an error's `__type` is its full shape id (awsJson1_1 sends the shape name);
// - an `@awsQueryError` error carries `x-amzn-query-error: Code;Sender` (or `;Receiver`);
// - a server fills in the default of an `@input` member that a request leaves out (a client
//   ignores those defaults and sends only what it was given).
$version: "2.0"

namespace example.json10

use aws.api#service
use aws.protocols#awsJson1_0
use aws.protocols#awsQueryCompatible
use aws.protocols#awsQueryError
use smithy.test#httpRequestTests
use smithy.test#httpResponseTests

@service(sdkId: "Json10 Fixture")
@awsJson1_0
@awsQueryCompatible
service Json10Fixture {
    version: "2025-01-01"
    operations: [Greet]
}

@httpRequestTests([
    {
        id: "Json10ServerFillsInputDefaults"
        documentation: "A request without the defaulted members gets their defaults on the server."
        appliesTo: "server"
        protocol: awsJson1_0
        method: "POST"
        uri: "/"
        headers: { "Content-Type": "application/x-amz-json-1.0" }
        body: "{}"
        bodyMediaType: "application/json"
        params: { Greeting: "hello", Times: 2 }
    }
    {
        id: "Json10ServerKeepsGivenValues"
        documentation: "Values the request gives are kept, defaults or not."
        appliesTo: "server"
        protocol: awsJson1_0
        method: "POST"
        uri: "/"
        headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "Json10Fixture.Greet" }
        body: "{\"Greeting\": \"hi\", \"Times\": 0, \"Name\": \"Ada\"}"
        bodyMediaType: "application/json"
        params: { Greeting: "hi", Times: 0, Name: "Ada" }
    }
    {
        id: "Json10ClientSendsOnlyWhatItIsGiven"
        documentation: "A client ignores the defaults of an @input structure."
        appliesTo: "client"
        protocol: awsJson1_0
        method: "POST"
        uri: "/"
        headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "Json10Fixture.Greet" }
        body: "{\"Name\": \"Ada\"}"
        bodyMediaType: "application/json"
        params: { Name: "Ada" }
    }
])
operation Greet {
    input := {
        Name: String
        Greeting: String = "hello"
        Times: Integer = 2
    }
    errors: [Unknown, Throttled]
}

@httpResponseTests([
    {
        id: "Json10ErrorTypeIsTheShapeId"
        documentation: "Under awsJson1_0 a server sends the error's full shape id."
        protocol: awsJson1_0
        params: { message: "who?" }
        code: 400
        headers: { "Content-Type": "application/x-amz-json-1.0" }
        body: "{\"__type\": \"example.json10#Unknown\", \"message\": \"who?\"}"
        bodyMediaType: "application/json"
    }
])
@error("client")
structure Unknown {
    message: String
}

@httpResponseTests([
    {
        id: "Json10QueryErrorHeader"
        documentation: "A query-compatible service sends the awsQuery code and fault."
        protocol: awsJson1_0
        params: { message: "slow down" }
        code: 503
        headers: {
            "Content-Type": "application/x-amz-json-1.0"
            "x-amzn-query-error": "Throttling.Busy;Receiver"
        }
        body: "{\"__type\": \"example.json10#Throttled\", \"message\": \"slow down\"}"
        bodyMediaType: "application/json"
    }
])
@awsQueryError(code: "Throttling.Busy", httpResponseCode: 400)
@error("server")
@httpError(503)
structure Throttled {
    message: String
}
