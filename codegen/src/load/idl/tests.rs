//! End-to-end tests of the IDL front end: text in, JSON AST shapes out.

use super::load_idl_files;
use crate::diagnostics::Diagnostic;
use crate::load::ast::Shape;
use crate::load::LoadedFile;
use serde_json::json;
use std::path::PathBuf;

fn inputs(files: &[(&str, &str)]) -> Vec<(PathBuf, String)> {
    files
        .iter()
        .map(|(name, text)| (PathBuf::from(name), text.to_string()))
        .collect()
}

fn load(files: &[(&str, &str)]) -> Vec<LoadedFile> {
    match load_idl_files(&inputs(files)) {
        Ok(loaded) => loaded,
        Err(errors) => panic!("{errors}"),
    }
}

fn load_one(text: &str) -> LoadedFile {
    load(&[("a.smithy", text)]).remove(0)
}

fn errors(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    match load_idl_files(&inputs(files)) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors.into_sorted(),
    }
}

fn shape<'a>(file: &'a LoadedFile, id: &str) -> &'a Shape {
    file.document
        .shapes
        .get(id)
        .unwrap_or_else(|| panic!("no shape {id}; have {:?}", file.document.shapes.keys()))
}

fn member_target(shape: &Shape, name: &str) -> String {
    shape.members[name].target.clone()
}

fn member_names(shape: &Shape) -> Vec<&str> {
    shape.members.keys().map(String::as_str).collect()
}

/// Asserts one error whose message contains `needle`, at `pos` in `file`.
fn assert_error(errors: &[Diagnostic], file: &str, pos: (usize, usize), needle: &str) {
    assert!(
        errors.iter().any(|e| e.file == Some(PathBuf::from(file))
            && e.position == Some(pos)
            && e.message.contains(needle)),
        "no error at {file}:{pos:?} containing {needle:?} in {errors:#?}"
    );
}

#[test]
fn structure_members_traits_docs_and_defaults() {
    let file = load_one(
        r#"$version: "2.0"
namespace ex

/// The thing.
///
///  Indented.
@deprecated(message: "old", since: "1")
structure Thing {
    /// Name docs
    @required
    name: String

    @length(min: 1)
    tags: TagList = []

    count: Integer = 0

    @documentation("explicit")
    /// ignored: after a trait
    other: smithy.api#Boolean
}

list TagList {
    @length(min: 1)
    member: String
}

map Labels {
    key: String
    value: TagList
}
"#,
    );
    let thing = shape(&file, "ex#Thing");
    assert_eq!(thing.kind.as_str(), "structure");
    assert_eq!(member_names(thing), ["name", "tags", "count", "other"]);
    assert_eq!(
        thing.traits["smithy.api#documentation"],
        json!("The thing.\n\n Indented.")
    );
    assert_eq!(
        thing.traits["smithy.api#deprecated"],
        json!({"message": "old", "since": "1"})
    );
    let name = &thing.members["name"];
    assert_eq!(name.target, "smithy.api#String");
    assert_eq!(name.traits["smithy.api#required"], json!({}));
    assert_eq!(name.traits["smithy.api#documentation"], json!("Name docs"));
    assert_eq!(member_target(thing, "tags"), "ex#TagList");
    assert_eq!(
        thing.members["tags"].traits["smithy.api#default"],
        json!([])
    );
    assert_eq!(
        thing.members["count"].traits["smithy.api#default"],
        json!(0)
    );
    assert_eq!(
        thing.members["other"].traits["smithy.api#documentation"],
        json!("explicit")
    );
    assert_eq!(member_target(thing, "other"), "smithy.api#Boolean");

    let list = shape(&file, "ex#TagList");
    let member = list.member.as_ref().unwrap();
    assert_eq!(member.target, "smithy.api#String");
    assert_eq!(member.traits["smithy.api#length"], json!({"min": 1}));
    assert!(list.members.is_empty());
    let map = shape(&file, "ex#Labels");
    assert_eq!(map.key.as_ref().unwrap().target, "smithy.api#String");
    assert_eq!(map.value.as_ref().unwrap().target, "ex#TagList");
    assert!(file
        .document
        .shapes
        .keys()
        .all(|id| !id.starts_with("smithy.api#")));
}

#[test]
fn positions_cover_shapes_and_members() {
    let file = load_one("namespace ex\n\nstructure S {\n    a: String\n}\nlist L { member: S }\n");
    assert_eq!(file.positions.get("ex#S"), Some(&(3, 11)));
    assert_eq!(file.positions.get("ex#S$a"), Some(&(4, 5)));
    assert_eq!(file.positions.get("ex#L$member"), Some(&(6, 10)));
}

#[test]
fn enum_values() {
    let file = load_one(
        r#"namespace ex
enum Suit {
    /// Diamonds
    @deprecated
    DIAMOND = "diamond"
    CLUB
    @enumValue("h")
    HEART
}
intEnum Level { LOW = 1, HIGH = 2 }
"#,
    );
    let suit = shape(&file, "ex#Suit");
    assert_eq!(member_names(suit), ["DIAMOND", "CLUB", "HEART"]);
    for (name, value) in [("DIAMOND", "diamond"), ("CLUB", "CLUB"), ("HEART", "h")] {
        let member = &suit.members[name];
        assert_eq!(member.target, "smithy.api#Unit");
        assert_eq!(
            member.traits["smithy.api#enumValue"],
            json!(value),
            "{name}"
        );
    }
    assert_eq!(
        suit.members["DIAMOND"].traits["smithy.api#documentation"],
        json!("Diamonds")
    );
    let level = shape(&file, "ex#Level");
    assert_eq!(level.kind.as_str(), "intEnum");
    assert_eq!(
        level.members["HIGH"].traits["smithy.api#enumValue"],
        json!(2)
    );
    assert_eq!(level.members["HIGH"].target, "smithy.api#Unit");
}

#[test]
fn enum_value_errors() {
    let errs = errors(&[(
        "a.smithy",
        "namespace ex\nintEnum L {\n  A\n  B = \"x\"\n}\nenum E { C = 1 }\n",
    )]);
    assert_error(
        &errs,
        "a.smithy",
        (3, 3),
        "the intEnum member `A` needs a value",
    );
    assert_error(&errs, "a.smithy", (4, 7), "expected an integer value");
    assert_error(&errs, "a.smithy", (6, 14), "expected a string value");
}

#[test]
fn operations_with_inline_input_and_output() {
    let file = load_one(
        r#"$version: "2"
$operationOutputSuffix: "Response"
namespace ex

@mixin
structure Base { id: String }

operation GetThing {
    input := @sensitive {
        @required
        name: String
    }
    output := with [Base] {
        size: Long
    }
    errors: [NotFound]
}

operation Ping {}

operation Plain {
    input: GetThingInput
    output: Unit
}

@error("client")
structure NotFound {}
"#,
    );
    let op = shape(&file, "ex#GetThing");
    assert_eq!(op.input.as_ref().unwrap().target, "ex#GetThingInput");
    assert_eq!(op.output.as_ref().unwrap().target, "ex#GetThingResponse");
    assert_eq!(op.errors[0].target, "ex#NotFound");
    let input = shape(&file, "ex#GetThingInput");
    assert_eq!(input.traits["smithy.api#input"], json!({}));
    assert_eq!(input.traits["smithy.api#sensitive"], json!({}));
    assert_eq!(
        input.members["name"].traits["smithy.api#required"],
        json!({})
    );
    let output = shape(&file, "ex#GetThingResponse");
    assert_eq!(output.traits["smithy.api#output"], json!({}));
    assert_eq!(member_names(output), ["id", "size"]);
    assert_eq!(output.mixins[0].target, "ex#Base");
    assert!(!output.traits.contains_key("smithy.api#mixin"));
    let ping = shape(&file, "ex#Ping");
    assert!(ping.input.is_none() && ping.output.is_none() && ping.errors.is_empty());
    let plain = shape(&file, "ex#Plain");
    assert_eq!(plain.output.as_ref().unwrap().target, "smithy.api#Unit");
    assert_eq!(file.positions.get("ex#GetThingInput"), Some(&(9, 5)));
}

#[test]
fn mixin_member_order_and_trait_precedence() {
    let file = load_one(
        r#"namespace ex
/// A
@tags(["a"])
@title("one")
@mixin
structure StructA { a: String }

/// B
@title("two")
@internal
@mixin
structure StructB { b: String }

/// C
@since("3")
@mixin
structure StructC with [StructA, StructB] { c: String }

/// D
structure StructD with [StructC] { d: String }

@private
@mixin(localTraits: [private])
structure PrivateMixin { p: String }

structure Public with [PrivateMixin] {}
"#,
    );
    let d = shape(&file, "ex#StructD");
    assert_eq!(member_names(d), ["a", "b", "c", "d"]);
    assert_eq!(d.traits["smithy.api#documentation"], json!("D"));
    assert_eq!(d.traits["smithy.api#title"], json!("two"));
    assert_eq!(d.traits["smithy.api#since"], json!("3"));
    assert_eq!(d.traits["smithy.api#tags"], json!(["a"]));
    assert!(d.traits.contains_key("smithy.api#internal"));
    assert!(!d.traits.contains_key("smithy.api#mixin"));
    assert_eq!(d.mixins.len(), 1);
    assert_eq!(d.mixins[0].target, "ex#StructC");
    // Mixin shapes stay, with their trait.
    assert!(shape(&file, "ex#StructC")
        .traits
        .contains_key("smithy.api#mixin"));
    assert_eq!(member_names(shape(&file, "ex#StructC")), ["a", "b", "c"]);
    let public = shape(&file, "ex#Public");
    assert!(
        !public.traits.contains_key("smithy.api#private"),
        "localTraits stay on the mixin"
    );
    assert_eq!(member_names(public), ["p"]);
    // Inherited members are located at the using shape.
    assert_eq!(
        file.positions.get("ex#Public$p"),
        file.positions.get("ex#Public")
    );
}

#[test]
fn redefined_mixin_members_add_traits() {
    let file = load_one(
        r#"namespace ex
@mixin
structure A1 {
    @documentation("Generic docs")
    a: String
}
@mixin
structure A2 {
    @required
    a: String
}
structure Valid with [A1, A2] {
    @documentation("Specific docs")
    a: String
}
@mixin
structure IdBearer { id: String }
structure IdRequired with [IdBearer] {
    @required
    $id
}
@mixin
list Strings { member: String }
list Aliases with [Strings] {}
@mixin
@pattern("^a")
string Alpha
@length(min: 1)
string Name with [Alpha]
"#,
    );
    let valid = shape(&file, "ex#Valid");
    assert_eq!(member_names(valid), ["a"]);
    let a = &valid.members["a"];
    assert_eq!(a.traits["smithy.api#documentation"], json!("Specific docs"));
    assert_eq!(a.traits["smithy.api#required"], json!({}));
    let id = &shape(&file, "ex#IdRequired").members["id"];
    assert_eq!(id.target, "smithy.api#String");
    assert_eq!(id.traits["smithy.api#required"], json!({}));
    assert_eq!(
        shape(&file, "ex#Aliases").member.as_ref().unwrap().target,
        "smithy.api#String"
    );
    let name = shape(&file, "ex#Name");
    assert_eq!(name.traits["smithy.api#pattern"], json!("^a"));
    assert_eq!(name.traits["smithy.api#length"], json!({"min": 1}));
}

#[test]
fn mixin_errors() {
    let errs = errors(&[(
        "a.smithy",
        r#"namespace ex
@mixin
structure CycleA with [CycleB] {}
@mixin
structure CycleB with [CycleA] {}
structure NotMixin {}
structure UsesPlain with [NotMixin] {}
@mixin
string S
structure WrongKind with [S] {}
@mixin
structure M { a: String }
structure Redefined with [M] { a: Integer }
structure Elided { $x }
structure Missing with [M] { $y }
"#,
    )]);
    assert!(
        errs.iter()
            .any(|e| e.message.contains("mixins form a cycle")),
        "{errs:#?}"
    );
    assert_error(
        &errs,
        "a.smithy",
        (7, 27),
        "does not have the `@mixin` trait",
    );
    assert_error(
        &errs,
        "a.smithy",
        (10, 27),
        "a mixin must be of the same shape type",
    );
    assert_error(
        &errs,
        "a.smithy",
        (13, 32),
        "a redefined mixin member must keep its target",
    );
    assert_error(
        &errs,
        "a.smithy",
        (14, 20),
        "the shape has no mixins and no `for` resource",
    );
    assert_error(&errs, "a.smithy", (15, 30), "no mixin has a member `y`");
}

#[test]
fn service_mixin_properties_merge() {
    let file = load_one(
        r#"namespace ex
operation A {}
operation B {}
operation C {}
@error("client")
structure Oops {}
@mixin
service Base { version: "1", operations: [A, B], errors: [Oops], rename: {"ex#A": "Alpha"} }
service Svc with [Base] { version: "2", operations: [C], rename: {"ex#B": "Beta"} }
@mixin
operation Validated { errors: [Oops] }
operation Get with [Validated] {}
"#,
    );
    let svc = shape(&file, "ex#Svc");
    assert_eq!(svc.version.as_deref(), Some("2"));
    let ops: Vec<&str> = svc.operations.iter().map(|o| o.target.as_str()).collect();
    assert_eq!(ops, ["ex#A", "ex#B", "ex#C"]);
    assert_eq!(svc.errors[0].target, "ex#Oops");
    assert_eq!(svc.rename["ex#A"], "Alpha");
    assert_eq!(svc.rename["ex#B"], "Beta");
    assert_eq!(shape(&file, "ex#Get").errors[0].target, "ex#Oops");
}

#[test]
fn target_elision_from_resource_identifiers_and_properties() {
    let file = load_one(
        r#"namespace ex
resource User {
    identifiers: { name: String, uuid: String }
    properties: { age: Short }
    read: GetUser
    list: ListUsers
    operations: [Other]
    collectionOperations: [Other]
    resources: [Child]
}
resource Child {}
operation GetUser {}
operation ListUsers {}
operation Other {}
structure UserSummary for User {
    $name
    $age
    nickname: String
}
"#,
    );
    let summary = shape(&file, "ex#UserSummary");
    assert_eq!(member_names(summary), ["name", "age", "nickname"]);
    assert_eq!(member_target(summary, "name"), "smithy.api#String");
    assert_eq!(member_target(summary, "age"), "smithy.api#Short");
    let user = shape(&file, "ex#User");
    assert_eq!(
        user.other["identifiers"],
        json!({"name": {"target": "smithy.api#String"}, "uuid": {"target": "smithy.api#String"}})
    );
    assert_eq!(
        user.other["properties"],
        json!({"age": {"target": "smithy.api#Short"}})
    );
    assert_eq!(user.other["read"], json!({"target": "ex#GetUser"}));
    assert_eq!(user.other["list"], json!({"target": "ex#ListUsers"}));
    assert_eq!(
        user.other["collectionOperations"],
        json!([{"target": "ex#Other"}])
    );
    assert_eq!(user.operations[0].target, "ex#Other");
    assert_eq!(user.resources[0].target, "ex#Child");
    let errs = errors(&[(
        "a.smithy",
        "namespace ex\nresource R { identifiers: { id: String } }\nstructure S for R {\n  $nope\n}\nresource Bad { nonsense: 1 }\nservice Svc { version: 1 }\n",
    )]);
    assert_error(
        &errs,
        "a.smithy",
        (4, 3),
        "the resource `ex#R` has no identifier or property `nope`",
    );
    assert_error(
        &errs,
        "a.smithy",
        (6, 16),
        "unknown resource property `nonsense`",
    );
    assert_error(
        &errs,
        "a.smithy",
        (7, 24),
        "expected a string for the service `version`",
    );
}

#[test]
fn inline_io_can_be_for_a_resource_and_use_mixins() {
    let file = load_one(
        r#"namespace ex
resource Thing {
    identifiers: { thingId: String }
    properties: { colour: Integer }
    read: GetThing
}
@mixin
structure Audited {
    createdAt: Timestamp
}
@readonly
operation GetThing {
    input := for Thing {
        @required
        $thingId
    }
    output := @sensitive for Thing with [Audited] {
        $colour
        size: Integer = 3
    }
}
"#,
    );
    let input = shape(&file, "ex#GetThingInput");
    assert_eq!(member_names(input), ["thingId"]);
    assert_eq!(member_target(input, "thingId"), "smithy.api#String");
    let output = shape(&file, "ex#GetThingOutput");
    assert_eq!(member_names(output), ["createdAt", "colour", "size"]);
    assert_eq!(member_target(output, "colour"), "smithy.api#Integer");
    assert_eq!(
        output.members["size"].traits["smithy.api#default"],
        json!(3)
    );
    assert_eq!(output.traits["smithy.api#output"], json!({}));
    assert_eq!(output.traits["smithy.api#sensitive"], json!({}));
}

#[test]
fn apply_across_files_and_to_members() {
    let files = load(&[
        (
            "a.smithy",
            r#"namespace ex
@tags(["a"])
structure S {
    a: String
}
@mixin
structure M {
    /// Generic docs
    m: String
}
structure UsesM with [M] {}
"#,
        ),
        (
            "b.smithy",
            r#"namespace ex
use smithy.api#tags
apply S @tags(["b"])
apply S$a {
    @required
    @documentation("A")
}
apply UsesM$m @documentation("Specific docs")
apply M$m @sensitive
"#,
        ),
    ]);
    let (a, b) = (&files[0], &files[1]);
    assert!(
        b.document.shapes.is_empty(),
        "applied traits go to the defining file"
    );
    let s = shape(a, "ex#S");
    assert_eq!(s.traits["smithy.api#tags"], json!(["a", "b"]));
    assert_eq!(s.members["a"].traits["smithy.api#required"], json!({}));
    assert_eq!(
        s.members["a"].traits["smithy.api#documentation"],
        json!("A")
    );
    let m = &shape(a, "ex#UsesM").members["m"];
    assert_eq!(m.traits["smithy.api#documentation"], json!("Specific docs"));
    assert_eq!(
        m.traits["smithy.api#sensitive"],
        json!({}),
        "applied to the mixin's member, inherited"
    );
    assert_eq!(
        shape(a, "ex#M").members["m"].traits["smithy.api#documentation"],
        json!("Generic docs")
    );
}

#[test]
fn apply_errors() {
    let errs = errors(&[(
        "a.smithy",
        "namespace ex\nstring S\napply Nope @sensitive\napply String @sensitive\napply S$x @sensitive\napply other#T @sensitive\n@title(\"a\")\nstring T\napply T @title(\"b\")\n",
    )]);
    assert_error(
        &errs,
        "a.smithy",
        (3, 7),
        "cannot resolve the shape id `Nope`",
    );
    assert_error(&errs, "a.smithy", (4, 7), "the prelude cannot be changed");
    assert_error(&errs, "a.smithy", (5, 7), "`ex#S` has no member `x`");
    assert_error(&errs, "a.smithy", (6, 7), "no shape `other#T` is defined");
    assert_error(&errs, "a.smithy", (9, 7), "conflicting values");
}

#[test]
fn resolution_order_use_then_namespace_then_prelude() {
    let files = load(&[
        (
            "a.smithy",
            r#"namespace ex
use other.ns#String
use aws.protocols#awsJson1_1
@awsJson1_1
structure S {
    a: String
    b: Integer
    c: Long
    d: Shared
    @ex#marker
    e: smithy.api#String
}
string Integer
@trait
structure marker {}
"#,
        ),
        ("b.smithy", "namespace ex\nstring Shared\n"),
    ]);
    let s = shape(&files[0], "ex#S");
    assert_eq!(member_target(s, "a"), "other.ns#String", "use wins");
    assert_eq!(
        member_target(s, "b"),
        "ex#Integer",
        "namespace beats prelude"
    );
    assert_eq!(member_target(s, "c"), "smithy.api#Long", "prelude last");
    assert_eq!(
        member_target(s, "d"),
        "ex#Shared",
        "namespace shapes of other files"
    );
    assert_eq!(member_target(s, "e"), "smithy.api#String");
    assert!(s.traits.contains_key("aws.protocols#awsJson1_1"));
    assert!(s.members["e"].traits.contains_key("ex#marker"));
}

#[test]
fn unresolved_ids_are_errors_with_positions() {
    let errs = errors(&[(
        "a.smithy",
        "namespace ex\n@unknownTrait\nstructure S {\n    a: Missing\n    b: NonEmptyString\n}\n",
    )]);
    assert_error(
        &errs,
        "a.smithy",
        (2, 2),
        "cannot resolve the shape id `unknownTrait`",
    );
    assert_error(
        &errs,
        "a.smithy",
        (4, 8),
        "cannot resolve the shape id `Missing`",
    );
    // Private prelude shapes do not resolve from other namespaces.
    assert_error(&errs, "a.smithy", (5, 8), "`NonEmptyString`");
    assert!(errs.iter().all(|e| e.shape.is_some()));
}

#[test]
fn syntactic_shape_ids_in_node_values() {
    let file = load_one(
        r#"metadata foo = { String: String, proto: awsJson1_1, quoted: "String" }
namespace ex
use aws.protocols#awsJson1_1
@tags([Thing, awsJson1_1, NotAShape, a.b#C, Thing$member])
structure Thing {}
"#,
    );
    assert_eq!(
        file.document.metadata["foo"],
        json!({"String": "smithy.api#String", "proto": "aws.protocols#awsJson1_1", "quoted": "String"})
    );
    assert_eq!(
        shape(&file, "ex#Thing").traits["smithy.api#tags"],
        json!([
            "ex#Thing",
            "aws.protocols#awsJson1_1",
            "ex#NotAShape",
            "a.b#C",
            "ex#Thing$member"
        ])
    );
}

#[test]
fn text_blocks_in_traits() {
    let file = load_one(
        "namespace ex\n@documentation(\"\"\"\n    <div>\n        <p>Hi</p>\n    </div>\n    \"\"\")\nstring S\n",
    );
    assert_eq!(
        shape(&file, "ex#S").traits["smithy.api#documentation"],
        json!("<div>\n    <p>Hi</p>\n</div>\n")
    );
}

#[test]
fn numbers_in_traits() {
    let file = load_one(
        "namespace ex\n@range(min: -5, max: 1.5e3)\ninteger I\n@tags([18446744073709551615])\nstring S\n",
    );
    let range = &shape(&file, "ex#I").traits["smithy.api#range"];
    assert_eq!(range["min"], json!(-5));
    assert!(range["min"].is_i64());
    assert_eq!(range["max"], json!(1500.0));
    assert!(range["max"].is_f64());
    assert_eq!(
        shape(&file, "ex#S").traits["smithy.api#tags"][0],
        json!(u64::MAX)
    );
}

#[test]
fn duplicate_shapes_name_both_locations() {
    let errs = errors(&[
        ("a.smithy", "namespace ex\nstring S\n"),
        ("b.smithy", "namespace ex\n\nstructure S {}\n"),
    ]);
    assert_error(
        &errs,
        "b.smithy",
        (3, 11),
        "the shape `ex#S` is defined twice: first at a.smithy:2:8",
    );
    let errs = errors(&[(
        "a.smithy",
        "namespace ex\noperation Op { input := {} }\nstructure OpInput {}\n",
    )]);
    assert_error(&errs, "a.smithy", (3, 11), "defined twice");
}

#[test]
fn use_conflicts() {
    let errs = errors(&[(
        "a.smithy",
        "namespace ex\nuse a#Foo\nuse b#Foo\nuse c#Bar\nstring Bar\n",
    )]);
    assert_error(&errs, "a.smithy", (3, 5), "both import the name `Foo`");
    assert_error(
        &errs,
        "a.smithy",
        (5, 8),
        "same name as the shape `c#Bar` imported",
    );
}

#[test]
fn services() {
    let file = load_one(
        r#"namespace ex
service Svc {
    version: "2020-01-01"
    operations: [Op]
    resources: [Res]
    errors: [Err]
    rename: { "other#Thing": "OtherThing" }
}
operation Op {}
resource Res {}
@error("server")
structure Err {}
"#,
    );
    let svc = shape(&file, "ex#Svc");
    assert_eq!(svc.kind.as_str(), "service");
    assert_eq!(svc.version.as_deref(), Some("2020-01-01"));
    assert_eq!(svc.operations[0].target, "ex#Op");
    assert_eq!(svc.resources[0].target, "ex#Res");
    assert_eq!(svc.errors[0].target, "ex#Err");
    assert_eq!(svc.rename["other#Thing"], "OtherThing");
    let errs = errors(&[(
        "a.smithy",
        "namespace ex\nservice S { operations: [Nope], colour: 1 }\n",
    )]);
    assert_error(
        &errs,
        "a.smithy",
        (2, 26),
        "cannot resolve the shape id `Nope`",
    );
    assert_error(
        &errs,
        "a.smithy",
        (2, 33),
        "unknown service property `colour`",
    );
}

#[test]
fn metadata_merges_across_files() {
    let files = load(&[
        (
            "a.smithy",
            "metadata list = [1]\nmetadata same = \"x\"\nnamespace a\n",
        ),
        (
            "b.smithy",
            "$version: \"2\"\nmetadata list = [2, 3]\nmetadata same = \"x\"\n",
        ),
    ]);
    assert_eq!(files[0].document.metadata["list"], json!([1, 2, 3]));
    assert_eq!(files[0].document.metadata["same"], json!("x"));
    assert!(files[1].document.metadata.is_empty());
    assert_eq!(files[1].document.smithy, "2.0");
    let errs = errors(&[
        ("a.smithy", "metadata k = 1\n"),
        ("b.smithy", "metadata k = 2\n"),
    ]);
    assert_error(&errs, "b.smithy", (1, 10), "conflicting values");
}

#[test]
fn syntax_errors_are_reported_per_file() {
    let errs = errors(&[
        ("a.smithy", "$version: \"1.0\"\nnamespace a\n"),
        ("b.smithy", "namespace b\nstructure S {\n"),
        ("c.smithy", "namespace c\nstring Ok\n"),
    ]);
    assert_eq!(errs.len(), 2);
    assert_error(&errs, "a.smithy", (1, 11), "only IDL 2.0 is supported");
    assert_error(
        &errs,
        "b.smithy",
        (3, 1),
        "expected `}` to close the structure body, found end of file",
    );
}

#[test]
fn list_and_map_members_are_required() {
    let errs = errors(&[(
        "a.smithy",
        "namespace ex\nlist L {}\nmap M { key: String }\n",
    )]);
    assert_error(&errs, "a.smithy", (2, 6), "has no `member`");
    assert_error(
        &errs,
        "a.smithy",
        (3, 5),
        "needs both a `key` and a `value`",
    );
}

const SAMPLE: &str = r#"$version: "2.0"
$operationInputSuffix: "Request"
metadata m = [{ a: "é", b: """
    text ✓
    """ }]
namespace ex.sample
use other#Imported

/// Docs
@mixin(localTraits: [internal])
@internal
structure Base for Res { $id, n: Integer = 1 }
resource Res { identifiers: { id: String } read: Op }
structure User with [Base] { @required $n }
operation Op { input := @sensitive { a: Imported } output: Unit errors: [E] }
@error("client") structure E {}
enum Suit { A = "a", B }
intEnum Level { LOW = 1 }
list L { member: User }
map Mp { key: String, value: L }
service Svc { version: "1", operations: [Op], resources: [Res] }
apply User$n @documentation("n")
apply Svc { @title("t") @tags(["x", 1.5e2, -3, true, null]) }
"#;

#[test]
fn sample_loads() {
    let file = load_one(SAMPLE);
    assert_eq!(file.document.shapes.len(), 11);
    let user = shape(&file, "ex.sample#User");
    assert_eq!(member_names(user), ["id", "n"]);
    assert_eq!(user.members["n"].traits["smithy.api#default"], json!(1));
    assert_eq!(
        user.members["n"].traits["smithy.api#documentation"],
        json!("n")
    );
    assert!(!user.traits.contains_key("smithy.api#internal"));
    assert_eq!(
        file.document.metadata["m"],
        json!([{"a": "é", "b": "text ✓\n"}])
    );
    assert!(file.document.shapes.contains_key("ex.sample#OpRequest"));
}

/// Every prefix of a valid file, cut at each character boundary, and assorted garbage:
/// loading returns (usually `Err`) and never panics.
#[test]
fn truncated_and_garbage_inputs_never_panic() {
    for (cut, _) in SAMPLE.char_indices() {
        let prefix = SAMPLE.get(..cut).unwrap_or_default();
        let _ = load_idl_files(&[(PathBuf::from("t.smithy"), prefix.to_owned())]);
    }
    let garbage = [
        "\u{0}\u{1}\u{2}",
        "@@@@",
        "$",
        "$version",
        "$version:",
        "namespace",
        "namespace ex\nstructure",
        "namespace ex\nstructure S with",
        "namespace ex\nstructure S with [",
        "namespace ex\n@a(",
        "namespace ex\n@a(b:",
        "namespace ex\napply",
        "namespace ex\napply X {",
        "namespace ex\noperation O { input :=",
        "\"\\u",
        "\"\\uD800\\u",
        "metadata x = \"\"\"",
        "metadata x = -",
        "namespace ex\nstructure S { $",
        "namespace ex\nstructure S with [S] {}\n@mixin\nstructure T with [T] {}",
        "namespace ex#bad",
        "namespace ex\nenum E { A = }",
        "\u{feff}namespace ex\nstring S",
        "ü ü ü",
        "namespace ex\nstructure S { a: S$b }",
    ];
    for text in garbage {
        let _ = load_idl_files(&[(PathBuf::from("g.smithy"), text.to_owned())]);
    }
    let deep = format!("metadata x = {}", "{a:".repeat(10_000));
    assert!(load_idl_files(&[(PathBuf::from("d.smithy"), deep)]).is_err());
    let mut chain = String::from("namespace ex\n");
    for i in 0..300 {
        chain.push_str(&format!("@mixin\nstructure M{i} with [M{}] {{}}\n", i + 1));
    }
    chain.push_str("@mixin\nstructure M300 {}\n");
    let err = load_idl_files(&[(PathBuf::from("c.smithy"), chain)]).unwrap_err();
    // One error, at the head of the chain, however the shapes are ordered.
    assert_eq!(
        err.to_string(),
        "error: c.smithy:3:11: ex#M0: its mixins are nested 300 levels deep; at most 100 are allowed"
    );
    let mut reversed = String::from("namespace ex\n@mixin\nstructure M300 {}\n");
    for i in (0..300).rev() {
        reversed.push_str(&format!("@mixin\nstructure M{i} with [M{}] {{}}\n", i + 1));
    }
    let err = load_idl_files(&[(PathBuf::from("r.smithy"), reversed)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "error: r.smithy:603:11: ex#M0: its mixins are nested 300 levels deep; at most 100 are allowed"
    );
}

#[test]
fn big_numbers_in_defaults_and_ranges_keep_their_text() {
    use crate::load::ShapeId;
    let file = load_one(
        "$version: \"2\"\nnamespace ex\n\
         @range(min: 499999999999999999999999999990.125, max: 500000000000000000000000000009.625)\n\
         bigDecimal Share\n\
         @mixin\nstructure Base { total: BigInteger = -388531337837038913783703891378 }\n\
         structure S with [Base] { share: Share, small: Integer = 3 }\n",
    );
    let typed = |id: &str| &file.shapes[&ShapeId::parse(id).unwrap()];
    let range = typed("ex#Share").traits.range.clone().unwrap().unwrap();
    assert_eq!(
        range.min.unwrap().to_string(),
        "499999999999999999999999999990.125"
    );
    assert_eq!(
        range.max.unwrap().to_string(),
        "500000000000000000000000000009.625"
    );
    // The text travels with the default through the mixin.
    let members = &typed("ex#S").members;
    let total = &members["total"];
    assert_eq!(
        total.traits.default_text.as_deref(),
        Some("-388531337837038913783703891378")
    );
    // A number a JSON value holds exactly needs no text.
    let small = &members["small"];
    assert_eq!(small.traits.default_text, None);
}

#[test]
fn documentation_comments_are_marked_commonmark_unless_they_open_with_html() {
    use crate::load::ShapeId;
    let file = load_one(
        "namespace ex\n/// A *Markdown* comment.\nstring A\n/// <p>An HTML comment.</p>\nstring B\n\
         /// <https://example.com> opens with an autolink.\nstring C\n\
         @documentation(\"A trait.\")\nstring D\n",
    );
    let commonmark = |id: &str| {
        file.shapes[&ShapeId::parse(id).unwrap()]
            .traits
            .documentation_is_commonmark
    };
    assert!(commonmark("ex#A"));
    assert!(!commonmark("ex#B"));
    assert!(commonmark("ex#C"));
    assert!(!commonmark("ex#D"));
}
