//! `cargo xtask protocol-tests` on our own fixture suites in `tests/protocol/`: the passing
//! suite covers host prefixes and request compression (features KMS does not use) and must
//! pass whole; the failing suite holds cases that are wrong on purpose, and each must be
//! reported as failed with its reason; the skipped suite holds cases that cannot run (an
//! event-stream operation, an operation no service binds), each reported as excluded with
//! its reason, never dropped. Each case is reported per side it applies to (`client`,
//! `server`), with a summary line per side before the total. A directory with no case at all
//! fails. The official awsJson1_1 suite runs in `.ci/run`.

use workspace_tests::root;

fn run(args: &[&str]) -> (u8, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = xtask::run(&args, &mut out, &mut err);
    (
        status,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

fn suite(name: &str) -> String {
    root()
        .join("tests/protocol")
        .join(name)
        .display()
        .to_string()
}

/// The report line of one case on one side (`service side OUTCOME id`).
fn side_line<'a>(out: &'a str, side: &str, id: &str) -> &'a str {
    out.lines()
        .find(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            words.get(1) == Some(&side) && words.get(3).map(|i| i.trim_end_matches(':')) == Some(id)
        })
        .unwrap_or_else(|| panic!("no {side} report line for {id}:\n{out}"))
}

/// The client's report line of one case.
fn line<'a>(out: &'a str, id: &str) -> &'a str {
    side_line(out, "client", id)
}

/// The last three lines: the client's and the server's summaries, and the total.
fn summaries(out: &str) -> Vec<&str> {
    let lines: Vec<&str> = out.lines().collect();
    lines[lines.len().saturating_sub(3)..].to_vec()
}

#[test]
fn the_fixture_suite_passes_whole() {
    let (status, out, err) = run(&["protocol-tests", "--dir", &suite("passing")]);
    assert_eq!(status, 0, "stdout:\n{out}\nstderr:\n{err}");
    assert_eq!(
        summaries(&out),
        [
            "client: 9 passed, 0 failed, 0 excluded",
            "server: 7 passed, 0 failed, 2 excluded",
            "16 passed, 0 failed, 2 excluded",
        ],
        "{out}"
    );
    for id in [
        "FixtureHostPrefixWithLabel",
        "FixtureHostPrefixLabelWithDots",
        "FixtureSmallBodyIsNotCompressed",
        "FixtureLargeBodyIsGzipped",
        "FixtureEchoOutput",
        "FixtureRefused",
    ] {
        assert!(line(&out, id).contains(" PASS "), "{id} passes:\n{out}");
    }
    let prefix = line(&out, "FixtureHostPrefixWithLabel");
    assert!(
        prefix.contains("host prefix") && prefix.contains("caller"),
        "the note says what the caller owns: {prefix}"
    );
    // The server side: a server-only case, a response written, a request routed, and
    // (json10.smithy) awsJson1_0's shape-id `__type`, a query-compatible service's
    // `x-amzn-query-error`, and `@input` defaults filled in by the server.
    for id in [
        "FixtureServerOnly",
        "FixtureEchoOutput",
        "FixtureHostPrefixWithLabel",
        "Json10ErrorTypeIsTheShapeId",
        "Json10QueryErrorHeader",
        "Json10ServerFillsInputDefaults",
        "Json10ServerKeepsGivenValues",
    ] {
        let server = side_line(&out, "server", id);
        assert!(
            server.contains(" PASS "),
            "{id} passes on the server:\n{out}"
        );
    }
    assert!(
        !out.contains("client PASS     FixtureServerOnly"),
        "a server-only case has no client side:\n{out}"
    );
    // A request case without X-Amz-Target is not a request a server could route, unless it
    // was written for servers only: then it is sent with its operation's target, and says so.
    let unrouted = side_line(&out, "server", "FixtureHostPrefixLabelWithDots");
    assert!(
        unrouted.contains(" EXCLUDED ") && unrouted.contains("no X-Amz-Target"),
        "{unrouted}"
    );
    let routed = side_line(&out, "server", "Json10ServerFillsInputDefaults");
    assert!(
        routed.contains(" PASS ") && routed.contains("`Json10Fixture.Greet`"),
        "{routed}"
    );
    assert!(
        !out.contains("client PASS     Json10ServerFillsInputDefaults"),
        "{out}"
    );
}

#[test]
fn wrong_cases_fail_with_their_reasons() {
    let (status, out, _) = run(&["protocol-tests", "--dir", &suite("failing")]);
    assert_eq!(status, 1, "any failed case fails the command:\n{out}");
    assert_eq!(
        summaries(&out),
        [
            "client: 1 passed, 6 failed, 0 excluded",
            "server: 1 passed, 4 failed, 2 excluded",
            "2 passed, 10 failed, 2 excluded",
        ],
        "{out}"
    );
    assert!(line(&out, "RightBody").contains(" PASS "), "{out}");
    assert!(
        side_line(&out, "server", "RightBody").contains(" PASS "),
        "{out}"
    );
    let expectations = [
        ("WrongBody", "body differs"),
        ("WrongTarget", "header X-Amz-Target"),
        ("UnknownMember", "has no member `Colour`"),
        ("WrongOutput", "Some(3)"),
        ("UntypedError", "the response parses into the output"),
        (
            "UntypedErrorForBroken",
            "expected the modelled error Broken",
        ),
    ];
    for (id, reason) in expectations {
        let line = line(&out, id);
        assert!(line.contains(" FAIL "), "{id} fails: {line}");
        assert!(line.contains(reason), "{id} says why ({reason}): {line}");
    }
    let server_expectations = [
        ("WrongTarget", "UnknownOperationException"),
        ("WrongOutput", "body differs"),
        ("UntypedError", "status"),
        ("UntypedErrorForBroken", "body differs"),
    ];
    for (id, reason) in server_expectations {
        let line = side_line(&out, "server", id);
        assert!(line.contains(" FAIL "), "{id} fails on the server: {line}");
        assert!(line.contains(reason), "{id} says why ({reason}): {line}");
    }
}

#[test]
fn usage_mistakes_exit_2() {
    let (status, _, err) = run(&["protocol-tests"]);
    assert_eq!(status, 2);
    assert!(err.contains("--dir is required"), "{err}");
    let (status, _, err) = run(&["protocol-tests", "--dir", "/nonexistent/suite"]);
    assert_eq!(status, 1);
    assert!(err.contains("is not a directory"), "{err}");
}

#[test]
fn cases_that_cannot_run_are_excluded_with_their_reason_not_dropped() {
    let (status, out, err) = run(&["protocol-tests", "--dir", &suite("skipped")]);
    assert_eq!(status, 0, "stdout:\n{out}\nstderr:\n{err}");
    assert_eq!(
        summaries(&out),
        [
            "client: 1 passed, 0 failed, 4 excluded",
            "server: 1 passed, 0 failed, 4 excluded",
            "2 passed, 0 failed, 8 excluded",
        ],
        "{out}"
    );
    assert!(
        line(&out, "SkippedFixturePlain").contains(" PASS "),
        "{out}"
    );
    for id in [
        "SkippedFixtureSubscribeRequest",
        "SkippedFixtureSubscribeResponse",
    ] {
        let line = line(&out, id);
        assert!(line.contains(" EXCLUDED "), "{line}");
        assert!(
            line.contains("example.skipped#Subscribe is not generated")
                && line.contains("event stream"),
            "says which operation was left out and why: {line}"
        );
    }
    let error = line(&out, "SkippedFixtureSubscribeRefused");
    assert!(
        error.contains(" EXCLUDED ")
            && error.contains("no generated operation returns this error")
            && error.contains("example.skipped#Subscribe"),
        "{error}"
    );
    let unbound = out
        .lines()
        .find(|l| l.contains("SkippedFixtureUnbound"))
        .unwrap_or_else(|| panic!("the unbound case is reported:\n{out}"));
    assert!(
        unbound.starts_with("(no service) client EXCLUDED SkippedFixtureUnbound: ")
            && unbound.contains("example.skipped#Unbound"),
        "{unbound}"
    );
}

#[test]
fn a_directory_without_cases_fails() {
    // tests/models holds a valid model with a service, but no smithy.test trait.
    let models = root().join("tests/models").display().to_string();
    let (status, out, err) = run(&["protocol-tests", "--dir", &models]);
    assert_eq!(status, 1, "nothing tested is a failure:\n{out}\n{err}");
    assert_eq!(
        summaries(&out),
        [
            "client: 0 passed, 0 failed, 0 excluded",
            "server: 0 passed, 0 failed, 0 excluded",
            "0 passed, 0 failed, 0 excluded",
        ]
    );
    assert!(
        err.contains("no smithy.test compliance cases") && err.contains("nothing was tested"),
        "{err}"
    );
    // A directory with no model at all fails too.
    let empty = workspace_tests::TempDir::new("protocol-tests-empty");
    let (status, _, err) = run(&[
        "protocol-tests",
        "--dir",
        &empty.path().display().to_string(),
    ]);
    assert_eq!(status, 1, "{err}");
    assert!(err.contains("holds no"), "{err}");
}
