//! Paging through a hand-written paginated operation: pages stop at an absent or empty
//! token, a repeated token ends the pages with an error instead of a loop, and a failed send
//! is the error's source.

use codegen_runtime::example::{PutWidget, Widget};
use codegen_runtime::wire::{Paginated, PaginationError};
use std::error::Error as _;

/// `PutWidget` paged by its name: the output's name is the next request's token.
struct Paged;

impl codegen_runtime::wire::Operation for Paged {
    const NAME: &'static str = PutWidget::NAME;
    const TARGET: &'static str = PutWidget::TARGET;
    type Input = Widget;
    type Output = Widget;
    type Error = <PutWidget as codegen_runtime::wire::Operation>::Error;

    fn error_from_response(response: codegen_runtime::wire::ErrorResponse) -> Self::Error {
        PutWidget::error_from_response(response)
    }
}

impl Paginated for Paged {
    const INPUT_TOKEN: &'static str = "Name";
    const OUTPUT_TOKEN: &'static str = "Name";
    const PAGE_SIZE: Option<&'static str> = None;

    fn input_token(input: &Widget) -> Option<&str> {
        input.name.as_deref()
    }

    fn set_input_token(input: &mut Widget, token: Option<String>) {
        input.name = token;
    }

    fn output_token(output: &Widget) -> Option<&str> {
        output.name.as_deref()
    }
}

fn widget(name: &str) -> Widget {
    Widget {
        name: Some(name.to_owned()),
    }
}

/// One page's result.
type Page = Result<Widget, PaginationError<std::fmt::Error>>;

/// The requests' tokens, and the pages' results, for a service that answers each token
/// with the next one from `answers`.
fn run(first: Widget, answers: &[&str]) -> (Vec<Option<String>>, Vec<Page>) {
    let mut sent = Vec::new();
    let mut answers = answers.iter();
    let pages = Paged::pages(first, |input: &Widget| {
        sent.push(input.name.clone());
        Ok(widget(answers.next().copied().unwrap_or("")))
    })
    .collect();
    (sent, pages)
}

#[test]
fn pages_follow_the_tokens_until_an_empty_one() {
    let (sent, pages) = run(Widget::default(), &["b", "c", ""]);
    assert_eq!(sent, [None, Some("b".to_owned()), Some("c".to_owned())]);
    assert_eq!(pages.len(), 3);
    assert!(pages.iter().all(Result::is_ok));
}

#[test]
fn a_repeated_token_ends_the_pages_with_an_error() {
    let (sent, pages) = run(widget("a"), &["b", "a"]);
    assert_eq!(sent, [Some("a".to_owned()), Some("b".to_owned())]);
    let error = pages
        .last()
        .and_then(|page| page.as_ref().err())
        .expect("an error last");
    assert_eq!(error, &PaginationError::RepeatedToken("a".to_owned()));
    assert_eq!(
        error.to_string(),
        "the service returned the pagination token \"a\" twice; stopping instead of looping"
    );
    assert!(error.source().is_none());
}

#[test]
fn a_failed_send_is_the_source_of_the_error() {
    let mut pages = Paged::pages(Widget::default(), |_: &Widget| {
        Err::<Widget, _>(std::fmt::Error)
    });
    let error = pages.next().and_then(Result::err).expect("the send failed");
    assert_eq!(
        error.to_string(),
        "a page request failed: an error occurred when formatting an argument"
    );
    assert_eq!(
        error.source().map(ToString::to_string),
        Some(std::fmt::Error.to_string())
    );
    assert!(pages.next().is_none(), "nothing is sent after a failure");
}
