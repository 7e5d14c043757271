//! The IDL front end against real Smithy IDL: the awsJson1_1 protocol test suite in
//! `../shared/protocol-tests/awsJson1_1` (read in place, never copied), loaded in one call,
//! and checked against facts read off the `.smithy` sources.

use codegen::load::ast::Shape;
use codegen::load::idl::load_idl_files;
use codegen::load::LoadedFile;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const SUITE: &str = "../shared/protocol-tests/awsJson1_1";

/// The suite directory, or `None` after printing a skip notice.
fn suite_dir(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/protocol-tests/awsJson1_1");
    if dir.is_dir() {
        Some(dir)
    } else {
        // Prints `SKIPPED`, or fails the test under `CI=true`.
        workspace_tests::skipped(test, &format!("{SUITE} is not present"));
        None
    }
}

/// Every `.smithy` file under `dir`, sorted by path, with its text.
fn smithy_files(dir: &Path) -> Vec<(PathBuf, String)> {
    workspace_tests::files_under(dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".smithy"))
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).expect("a .smithy file is UTF-8");
            (dir.join(path), text)
        })
        .collect()
}

fn load_suite(dir: &Path) -> Vec<LoadedFile> {
    let files = smithy_files(dir);
    assert_eq!(
        files.len(),
        19,
        "16 files at the top, 2 in shared/, 1 in services/"
    );
    match load_idl_files(&files) {
        Ok(loaded) => loaded,
        Err(errors) => panic!("the awsJson1_1 suite does not load:\n{errors}"),
    }
}

fn find<'a>(loaded: &'a [LoadedFile], id: &str) -> &'a Shape {
    let mut owners = loaded.iter().filter_map(|f| f.document.shapes.get(id));
    let shape = owners.next().unwrap_or_else(|| panic!("no shape {id}"));
    assert!(owners.next().is_none(), "{id} is in more than one file");
    shape
}

fn file_of<'a>(loaded: &'a [LoadedFile], id: &str) -> &'a LoadedFile {
    loaded
        .iter()
        .find(|f| f.document.shapes.contains_key(id))
        .unwrap_or_else(|| panic!("no shape {id}"))
}

/// All test cases of a protocol test trait, across all shapes.
fn cases<'a>(loaded: &'a [LoadedFile], trait_id: &str) -> Vec<&'a Value> {
    loaded
        .iter()
        .flat_map(|f| f.document.shapes.values())
        .filter_map(|shape| shape.traits.get(trait_id))
        .flat_map(|value| value.as_array().expect("test cases are an array"))
        .collect()
}

fn case<'a>(loaded: &'a [LoadedFile], trait_id: &str, id: &str) -> &'a Value {
    cases(loaded, trait_id)
        .into_iter()
        .find(|c| c["id"] == json!(id))
        .unwrap_or_else(|| panic!("no test case {id}"))
}

#[test]
fn service_and_test_case_counts() {
    let Some(dir) = suite_dir("service_and_test_case_counts") else {
        return;
    };
    let loaded = load_suite(&dir);
    let service = find(&loaded, "aws.protocoltests.json#JsonProtocol");
    assert_eq!(service.kind.as_str(), "service");
    assert_eq!(service.version.as_deref(), Some("2018-01-01"));
    assert_eq!(service.operations.len(), 18);
    assert_eq!(
        service.operations[0].target,
        "aws.protocoltests.json#EmptyOperation"
    );
    assert!(service.traits.contains_key("aws.protocols#awsJson1_1"));
    assert_eq!(
        service.traits["aws.auth#sigv4"],
        json!({"name": "jsonprotocol"})
    );
    assert_eq!(
        service.traits["aws.api#service"]["sdkId"],
        json!("Json Protocol")
    );
    assert_eq!(
        service.traits["smithy.api#title"],
        json!("Sample Json 1.1 Protocol Service")
    );

    let requests = cases(&loaded, "smithy.test#httpRequestTests");
    let responses = cases(&loaded, "smithy.test#httpResponseTests");
    assert_eq!(requests.len(), 60);
    assert_eq!(responses.len(), 63);
    for case in requests.iter().chain(&responses) {
        assert_eq!(
            case["protocol"],
            json!("aws.protocols#awsJson1_1"),
            "{}",
            case["id"]
        );
    }
    // Applied from requestCompression.smithy onto the operation it defines.
    let op = find(&loaded, "aws.protocoltests.json#PutWithContentEncoding");
    assert_eq!(
        op.traits["smithy.test#httpRequestTests"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        op.traits["smithy.api#requestCompression"],
        json!({"encodings": ["gzip"]})
    );
}

#[test]
fn shapes_have_the_right_members_targets_and_traits() {
    let Some(dir) = suite_dir("shapes_have_the_right_members_targets_and_traits") else {
        return;
    };
    let loaded = load_suite(&dir);

    // kitchen-sink.smithy
    let sink = find(&loaded, "aws.protocoltests.json#KitchenSink");
    assert_eq!(sink.members.len(), 26);
    let names: Vec<&str> = sink.members.keys().map(String::as_str).collect();
    assert_eq!(&names[..3], ["Blob", "Boolean", "Double"]);
    assert_eq!(names.last(), Some(&"UnixTimestamp"));
    assert_eq!(sink.members["Blob"].target, "smithy.api#Blob");
    assert_eq!(
        sink.members["RecursiveStruct"].target,
        "aws.protocoltests.json#KitchenSink"
    );
    assert_eq!(
        sink.members["JsonValue"].target,
        "aws.protocoltests.json#JsonValue"
    );
    assert_eq!(
        sink.members["HttpdateTimestamp"].traits["smithy.api#timestampFormat"],
        json!("http-date")
    );
    let op = find(&loaded, "aws.protocoltests.json#KitchenSinkOperation");
    assert_eq!(
        op.input.as_ref().unwrap().target,
        "aws.protocoltests.json#KitchenSink"
    );
    let errors: Vec<&str> = op.errors.iter().map(|e| e.target.as_str()).collect();
    assert_eq!(
        errors,
        [
            "aws.protocoltests.json#ErrorWithMembers",
            "aws.protocoltests.json#ErrorWithoutMembers"
        ]
    );
    assert_eq!(
        find(&loaded, "aws.protocoltests.json#ErrorWithMembers").traits["smithy.api#error"],
        json!("client")
    );
    let long_case = case(
        &loaded,
        "smithy.test#httpRequestTests",
        "serializes_long_shapes",
    );
    assert_eq!(long_case["params"], json!({"Long": 999999999999_i64}));
    assert_eq!(long_case["body"], json!("{\"Long\":999999999999}"));
    assert_eq!(
        case(
            &loaded,
            "smithy.test#httpRequestTests",
            "serializes_float_shapes"
        )["params"]["Float"],
        json!(1234.5)
    );
    // main.smithy: a list and a map, with members defined in another file of the namespace.
    let list = find(&loaded, "aws.protocoltests.json#ListOfStructs");
    assert_eq!(
        list.member.as_ref().unwrap().target,
        "aws.protocoltests.json#SimpleStruct"
    );
    let map = find(&loaded, "aws.protocoltests.json#MapOfListsOfStrings");
    assert_eq!(map.key.as_ref().unwrap().target, "smithy.api#String");
    assert_eq!(
        map.value.as_ref().unwrap().target,
        "aws.protocoltests.json#ListOfStrings"
    );

    // unions.smithy: members imported with `use` from the shared namespace.
    let union = find(&loaded, "aws.protocoltests.json#MyUnion");
    assert_eq!(union.kind.as_str(), "union");
    assert_eq!(union.members.len(), 9);
    assert_eq!(
        union.members["enumValue"].target,
        "aws.protocoltests.shared#FooEnum"
    );
    assert_eq!(
        union.members["structureValue"].target,
        "aws.protocoltests.shared#GreetingStruct"
    );
    assert_eq!(union.members["numberValue"].target, "smithy.api#Integer");
    assert_eq!(
        union.traits["smithy.api#documentation"],
        json!("A union with a representative set of types for members.")
    );
    let unions_op = find(&loaded, "aws.protocoltests.json#JsonUnions");
    assert_eq!(unions_op.traits["smithy.api#idempotent"], json!({}));

    // enums.smithy and shared-types.smithy.
    let foo = find(&loaded, "aws.protocoltests.shared#FooEnum");
    assert_eq!(foo.kind.as_str(), "enum");
    let values: Vec<&Value> = foo
        .members
        .values()
        .map(|m| &m.traits["smithy.api#enumValue"])
        .collect();
    assert_eq!(
        values,
        [
            &json!("Foo"),
            &json!("Baz"),
            &json!("Bar"),
            &json!("1"),
            &json!("0")
        ]
    );
    assert!(foo.members.values().all(|m| m.target == "smithy.api#Unit"));
    let int_enum = find(&loaded, "aws.protocoltests.shared#IntegerEnum");
    assert_eq!(
        int_enum.members["C"].traits["smithy.api#enumValue"],
        json!(3)
    );
    let enums_io = find(&loaded, "aws.protocoltests.json#JsonEnumsInputOutput");
    assert_eq!(
        enums_io.members["fooEnumSet"].target,
        "aws.protocoltests.shared#FooEnumSet"
    );
    assert_eq!(
        find(&loaded, "aws.protocoltests.shared#FooEnumSet").traits["smithy.api#uniqueItems"],
        json!({})
    );

    // An @input structure (the suite has no `input :=` operation; see the next test).
    let input = find(
        &loaded,
        "aws.protocoltests.json#PutWithContentEncodingInput",
    );
    assert_eq!(input.traits["smithy.api#input"], json!({}));
    assert_eq!(
        input.members["encoding"].traits["smithy.api#httpHeader"],
        json!("Content-Encoding")
    );

    // smithy.test.smithy: mixins flattened, with member documentation.
    let request_case = find(&loaded, "smithy.test#HttpRequestTestCase");
    assert_eq!(
        request_case.mixins[0].target,
        "smithy.test#HttpRequestMixin"
    );
    assert!(
        request_case.members.contains_key("method"),
        "inherited from HttpRequestMixin"
    );
    assert_eq!(
        request_case.members["id"].traits["smithy.api#required"],
        json!({})
    );
    assert!(
        request_case.members["id"].traits["smithy.api#documentation"]
            .as_str()
            .unwrap()
            .starts_with(
                "The identifier of the test case. This identifier can be used by\nprotocol test"
            )
    );
    assert!(find(&loaded, "smithy.test#HttpRequestMixin")
        .traits
        .contains_key("smithy.api#mixin"));
    assert_eq!(
        find(&loaded, "smithy.test#AppliesTo").members["CLIENT"].traits["smithy.api#enumValue"],
        json!("client")
    );

    // Positions point into the defining file.
    let kitchen = file_of(&loaded, "aws.protocoltests.json#KitchenSink");
    assert!(kitchen.path.ends_with("kitchen-sink.smithy"));
    assert_eq!(
        kitchen.positions.get("aws.protocoltests.json#KitchenSink"),
        Some(&(770, 11))
    );
    assert_eq!(
        kitchen
            .positions
            .get("aws.protocoltests.json#KitchenSink$Blob"),
        Some(&(771, 5))
    );
}

#[test]
fn text_blocks_and_metadata_are_decoded() {
    let Some(dir) = suite_dir("text_blocks_and_metadata_are_decoded") else {
        return;
    };
    let loaded = load_suite(&dir);
    let compression = case(
        &loaded,
        "smithy.test#httpRequestTests",
        "SDKAppliedContentEncoding_awsJson1_1",
    );
    let data = compression["params"]["data"].as_str().unwrap();
    assert!(data.starts_with("RjCEL3kBwqPivZUXGiyA5JCujtWgJAkKRlnTEsNYfBRGOS0f7LT6R3bCSOXeJ4auSHzQ4BEZZTklUyj5\n1HEojihShQC2"));
    assert!(data.ends_with(
        "EcffzjixWU9FpAyGp2rVl4ETRgqljOGw4UgK31r0ZIEGnH0xGz1FtbW1OcQM008JVujRqulCucEMmntr\n"
    ));
    assert!(
        data.lines().all(|line| line.len() == 80),
        "indentation removed from every line"
    );
    let empty = case(
        &loaded,
        "smithy.test#httpRequestTests",
        "json_1_1_client_sends_empty_payload_for_no_input_shape",
    );
    assert_eq!(
        empty["documentation"],
        json!("Clients must always send an empty JSON object payload for\noperations with no input (that is, `{}`). While AWS service\nimplementations support requests with no payload or requests\nthat send `{}`, always sending `{}` from the client is\npreferred for forward compatibility in case input is ever\nadded to an operation.")
    );
    // Metadata from shared-types.smithy, merged onto the first file's model.
    let metadata = &loaded[0].document.metadata;
    assert!(loaded[1..].iter().all(|f| f.document.metadata.is_empty()));
    assert_eq!(metadata["suppressions"][0]["id"], json!("DeprecatedTrait"));
    assert_eq!(
        metadata["suppressions"][0]["reason"],
        json!("Some of the AWS protocols make use of deprecated traits, and some are\nthemselves deprecated traits. As this package is intended to test those\nprotocols, the warnings should be suppressed.")
    );
    assert_eq!(
        metadata["validators"][0]["namespaces"]
            .as_array()
            .unwrap()
            .len(),
        12
    );
}

/// The suite has no inline operation input; one more in-memory file in the same namespace,
/// loaded with the suite, checks that and cross-file resolution and `apply`.
#[test]
fn inline_input_next_to_the_suite() {
    let Some(dir) = suite_dir("inline_input_next_to_the_suite") else {
        return;
    };
    let mut files = smithy_files(&dir);
    files.push((
        PathBuf::from("extra.smithy"),
        r#"$version: "2"
namespace aws.protocoltests.json
use aws.protocoltests.shared#FooEnum
operation InlineOperation {
    input := @documentation("Inline") {
        @required
        sink: KitchenSink
        choice: FooEnum = "Foo"
    }
}
apply KitchenSink$Blob @sensitive
"#
        .to_owned(),
    ));
    let loaded = load_idl_files(&files).unwrap_or_else(|errors| panic!("{errors}"));
    let op = find(&loaded, "aws.protocoltests.json#InlineOperation");
    assert_eq!(
        op.input.as_ref().unwrap().target,
        "aws.protocoltests.json#InlineOperationInput"
    );
    assert!(op.output.is_none());
    let input = find(&loaded, "aws.protocoltests.json#InlineOperationInput");
    assert_eq!(input.traits["smithy.api#input"], json!({}));
    assert_eq!(input.traits["smithy.api#documentation"], json!("Inline"));
    assert_eq!(
        input.members["sink"].target,
        "aws.protocoltests.json#KitchenSink"
    );
    assert_eq!(
        input.members["choice"].target,
        "aws.protocoltests.shared#FooEnum"
    );
    assert_eq!(
        input.members["choice"].traits["smithy.api#default"],
        json!("Foo")
    );
    let sink = find(&loaded, "aws.protocoltests.json#KitchenSink");
    assert_eq!(
        sink.members["Blob"].traits["smithy.api#sensitive"],
        json!({})
    );
    assert!(file_of(&loaded, "aws.protocoltests.json#KitchenSink")
        .path
        .ends_with("kitchen-sink.smithy"));
}

/// Every prefix of a real file, cut at each character boundary, loads or fails cleanly.
#[test]
fn truncated_real_file_never_panics() {
    let Some(dir) = suite_dir("truncated_real_file_never_panics") else {
        return;
    };
    let text =
        std::fs::read_to_string(dir.join("documents.smithy")).expect("read documents.smithy");
    let mut errors = 0;
    for (cut, _) in text.char_indices() {
        let prefix = text.get(..cut).unwrap_or_default().to_owned();
        if load_idl_files(&[(PathBuf::from("documents.smithy"), prefix)]).is_err() {
            errors += 1;
        }
    }
    assert!(errors > text.len() / 2, "most prefixes are incomplete");
    for garbage in [
        "\u{0}",
        "}}}}",
        "@(",
        "namespace a\n@x(",
        "\"\"\"\n",
        "$version: \"1.0\"",
    ] {
        assert!(
            load_idl_files(&[(PathBuf::from("g.smithy"), garbage.to_owned())]).is_err(),
            "{garbage:?}"
        );
    }
}
