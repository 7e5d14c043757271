//! The generated paginator for DescribeCustomKeyStores, driven by scripted fake senders.

use kms_api::operations::describe_custom_key_stores::{
    DescribeCustomKeyStores, DescribeCustomKeyStoresRequest, DescribeCustomKeyStoresResponse,
};
use kms_api::types::CustomKeyStoresListEntry;
use kms_api::wire::{for_each_page, Paginated, PaginatedItems, PaginationError};
use std::cell::RefCell;

fn page(ids: &[&str], next: Option<&str>) -> DescribeCustomKeyStoresResponse {
    let entries: Vec<CustomKeyStoresListEntry> = ids
        .iter()
        .map(|id| {
            CustomKeyStoresListEntry::builder()
                .custom_key_store_id(*id)
                .build()
        })
        .collect();
    DescribeCustomKeyStoresResponse::builder()
        .custom_key_stores(entries)
        .set_next_marker(next.map(str::to_owned))
        .truncated(next.is_some())
        .build()
}

type Answer = Result<DescribeCustomKeyStoresResponse, String>;
type Markers = RefCell<Vec<Option<String>>>;

/// A sender's state: the markers it saw, and the scripted answers still to give.
fn scripted(pages: Vec<Answer>) -> (Markers, RefCell<std::vec::IntoIter<Answer>>) {
    (RefCell::new(Vec::new()), RefCell::new(pages.into_iter()))
}

#[test]
fn trait_facts_come_from_the_model() {
    assert_eq!(DescribeCustomKeyStores::INPUT_TOKEN, "Marker");
    assert_eq!(DescribeCustomKeyStores::OUTPUT_TOKEN, "NextMarker");
    assert_eq!(DescribeCustomKeyStores::PAGE_SIZE, Some("Limit"));
    assert_eq!(DescribeCustomKeyStores::ITEMS, "CustomKeyStores");
}

#[test]
fn follows_tokens_until_the_last_page() {
    let (markers, script) = scripted(vec![
        Ok(page(&["a", "b"], Some("m1"))),
        Ok(page(&["c"], Some("m2"))),
        Ok(page(&[], None)),
    ]);
    let first = DescribeCustomKeyStoresRequest::builder().limit(2).build();
    let send = |input: &DescribeCustomKeyStoresRequest| {
        markers.borrow_mut().push(input.marker.clone());
        assert_eq!(input.limit, Some(2), "the page size is kept");
        script
            .borrow_mut()
            .next()
            .expect("no more requests than pages")
    };
    let items: Vec<String> = DescribeCustomKeyStores::pages(first, send)
        .items()
        .map(|item| item.unwrap().custom_key_store_id.unwrap())
        .collect();
    assert_eq!(items, ["a", "b", "c"]);
    assert_eq!(
        *markers.borrow(),
        [None, Some("m1".to_owned()), Some("m2".to_owned())]
    );
}

#[test]
fn an_empty_token_ends_paging() {
    let (_, script) = scripted(vec![Ok(page(&["a"], Some("")))]);
    let pages: Vec<_> = DescribeCustomKeyStores::pages(Default::default(), |_: &_| {
        script.borrow_mut().next().unwrap()
    })
    .collect();
    assert_eq!(pages.len(), 1);
    assert!(pages[0].is_ok());
}

#[test]
fn a_repeated_token_stops_with_an_error_instead_of_looping() {
    let (_, script) = scripted(
        (0..100)
            .map(|_| Ok(page(&["same"], Some("again"))))
            .collect(),
    );
    let results: Vec<_> = DescribeCustomKeyStores::pages(Default::default(), |_: &_| {
        script.borrow_mut().next().unwrap()
    })
    .collect();
    assert_eq!(results.len(), 3, "two pages, then the error");
    assert!(results[0].is_ok() && results[1].is_ok());
    assert_eq!(
        results[2].as_ref().unwrap_err(),
        &PaginationError::RepeatedToken("again".to_owned())
    );
    assert!(results[2]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("\"again\" twice"));

    // A token equal to the one the caller started from also counts as repeated.
    let (_, script) = scripted(vec![Ok(page(&[], Some("start")))]);
    let first = DescribeCustomKeyStoresRequest::builder()
        .marker("start")
        .build();
    let results: Vec<_> =
        DescribeCustomKeyStores::pages(first, |_: &_| script.borrow_mut().next().unwrap())
            .collect();
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[1].as_ref().unwrap_err(),
        &PaginationError::RepeatedToken("start".to_owned())
    );
}

#[test]
fn an_error_in_the_middle_is_surfaced_and_ends_paging() {
    let (_, script) = scripted(vec![
        Ok(page(&["a"], Some("m1"))),
        Err("connection reset".to_owned()),
        Ok(page(&["never"], None)),
    ]);
    let items: Vec<_> = DescribeCustomKeyStores::pages(Default::default(), |_: &_| {
        script.borrow_mut().next().unwrap()
    })
    .items()
    .collect();
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].as_ref().unwrap().custom_key_store_id.as_deref(),
        Some("a")
    );
    assert_eq!(
        items[1].as_ref().unwrap_err(),
        &PaginationError::Send("connection reset".to_owned())
    );
    assert!(
        script.borrow_mut().next().is_some(),
        "no request after the error"
    );
}

/// Polls a future that never waits (the fake sender is immediately ready).
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

#[test]
fn the_async_pager_follows_the_same_rules() {
    let (markers, script) = scripted(vec![Ok(page(&["a"], Some("m1"))), Ok(page(&["b"], None))]);
    let mut seen = Vec::new();
    let result = block_on(for_each_page::<DescribeCustomKeyStores, _, _, _>(
        Default::default(),
        |input: DescribeCustomKeyStoresRequest| {
            markers.borrow_mut().push(input.marker.clone());
            let answer = script.borrow_mut().next().unwrap();
            async move { answer }
        },
        |output| seen.extend(DescribeCustomKeyStores::into_items(output)),
    ));
    assert_eq!(result, Ok(()));
    assert_eq!(seen.len(), 2);
    assert_eq!(*markers.borrow(), [None, Some("m1".to_owned())]);

    let (_, script) = scripted(vec![Ok(page(&[], Some("x"))), Ok(page(&[], Some("x")))]);
    let result = block_on(for_each_page::<DescribeCustomKeyStores, _, _, _>(
        Default::default(),
        |_| {
            let answer = script.borrow_mut().next().unwrap();
            async move { answer }
        },
        |_| {},
    ));
    assert_eq!(result, Err(PaginationError::RepeatedToken("x".to_owned())));
}
