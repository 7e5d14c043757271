//! Pagination (`smithy.api#paginated`): iterators over the pages, or the items, of an
//! operation whose next request carries the previous response's token. Sending stays with
//! the caller, as a closure, so this works with any transport.

use super::operation::Operation;
use std::collections::HashSet;

/// An operation whose results come in pages (`smithy.api#paginated`): the next request
/// carries the previous response's token.
pub trait Paginated: Operation {
    /// The input member carrying the continuation token (wire name).
    const INPUT_TOKEN: &'static str;
    /// The output member carrying the next token (wire name).
    const OUTPUT_TOKEN: &'static str;
    /// The input member limiting the page size, if the operation has one (wire name).
    const PAGE_SIZE: Option<&'static str>;

    /// The token an input continues from.
    fn input_token(input: &Self::Input) -> Option<&str>;
    /// Sets the token the next request continues from.
    fn set_input_token(input: &mut Self::Input, token: Option<String>);
    /// The token for the next page; absent or empty on the last page.
    fn output_token(output: &Self::Output) -> Option<&str>;

    /// Pages from `first` on: `send` sends one request and returns its output (sign,
    /// transport and parse are yours). Stops after the page without a next token, at the
    /// first error, or with [`PaginationError::RepeatedToken`] when the service hands
    /// back a token already used, instead of looping forever.
    fn pages<F, E>(first: Self::Input, send: F) -> Pages<Self, F>
    where
        Self: Sized,
        F: FnMut(&Self::Input) -> Result<Self::Output, E>,
    {
        Pages {
            cursor: Cursor::new(first),
            send,
            repeated: None,
        }
    }
}

/// A paginated operation whose pages hold a list of items.
pub trait PaginatedItems: Paginated {
    /// One item.
    type Item;
    /// The output member holding the items (wire name).
    const ITEMS: &'static str;
    /// Takes a page's items.
    fn into_items(output: Self::Output) -> Vec<Self::Item>;
}

/// Why paging stopped early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaginationError<E> {
    /// Sending a request failed.
    Send(E),
    /// The service returned a token that was already used; continuing would loop.
    RepeatedToken(String),
}

impl<E: std::fmt::Display> std::fmt::Display for PaginationError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PaginationError::Send(error) => write!(f, "a page request failed: {error}"),
            PaginationError::RepeatedToken(token) => {
                write!(
                    f,
                    "the service returned the pagination token {token:?} twice; stopping instead of looping"
                )
            }
        }
    }
}

/// The source of a failed send is the sender's own error, so `E` must be an error type
/// itself (wrap a `Box<dyn Error>` or a `String` in one to use it here).
impl<E: std::error::Error + 'static> std::error::Error for PaginationError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PaginationError::Send(error) => Some(error),
            PaginationError::RepeatedToken(_) => None,
        }
    }
}

/// Token bookkeeping shared by the sync and async pagers.
struct Cursor<O: Paginated> {
    next: Option<O::Input>,
    seen: HashSet<String>,
}

impl<O: Paginated> Cursor<O> {
    fn new(first: O::Input) -> Self {
        let mut seen = HashSet::new();
        if let Some(token) = O::input_token(&first).filter(|t| !t.is_empty()) {
            seen.insert(token.to_owned());
        }
        Cursor {
            next: Some(first),
            seen,
        }
    }

    /// Prepares the request after `output`; `Err(token)` when the token repeats.
    fn advance(&mut self, mut input: O::Input, output: &O::Output) -> Result<(), String> {
        let Some(token) = O::output_token(output).filter(|t| !t.is_empty()) else {
            return Ok(());
        };
        if !self.seen.insert(token.to_owned()) {
            return Err(token.to_owned());
        }
        O::set_input_token(&mut input, Some(token.to_owned()));
        self.next = Some(input);
        Ok(())
    }
}

/// The pages of a paginated operation, one request each; see [`Paginated::pages`].
pub struct Pages<O: Paginated, F> {
    cursor: Cursor<O>,
    send: F,
    repeated: Option<String>,
}

impl<O: Paginated, F> Pages<O, F> {
    /// The items of every page, in order.
    pub fn items(self) -> Items<O, F>
    where
        O: PaginatedItems,
    {
        Items {
            pages: self,
            current: Vec::new().into_iter(),
        }
    }
}

impl<O, F, E> Iterator for Pages<O, F>
where
    O: Paginated,
    F: FnMut(&O::Input) -> Result<O::Output, E>,
{
    type Item = Result<O::Output, PaginationError<E>>;

    fn next(&mut self) -> Option<Self::Item> {
        // A repeated token ends the pages after the page that carried it.
        if let Some(token) = self.repeated.take() {
            return Some(Err(PaginationError::RepeatedToken(token)));
        }
        let input = self.cursor.next.take()?;
        match (self.send)(&input) {
            Err(error) => Some(Err(PaginationError::Send(error))),
            Ok(output) => {
                if let Err(token) = self.cursor.advance(input, &output) {
                    self.repeated = Some(token);
                }
                Some(Ok(output))
            }
        }
    }
}

/// The items of every page; see [`Pages::items`].
pub struct Items<O: PaginatedItems, F> {
    pages: Pages<O, F>,
    current: std::vec::IntoIter<O::Item>,
}

impl<O, F, E> Iterator for Items<O, F>
where
    O: PaginatedItems,
    F: FnMut(&O::Input) -> Result<O::Output, E>,
{
    type Item = Result<O::Item, PaginationError<E>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.current.next() {
                return Some(Ok(item));
            }
            match self.pages.next()? {
                Ok(output) => self.current = O::into_items(output).into_iter(),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

/// The async form of [`Paginated::pages`]: awaits `send` for each page and hands every
/// page to `on_page`, stopping the same way. Needs no particular async runtime.
pub async fn for_each_page<O, F, Fut, E>(
    first: O::Input,
    mut send: F,
    mut on_page: impl FnMut(O::Output),
) -> Result<(), PaginationError<E>>
where
    O: Paginated,
    O::Input: Clone,
    F: FnMut(O::Input) -> Fut,
    Fut: std::future::Future<Output = Result<O::Output, E>>,
{
    let mut cursor = Cursor::<O>::new(first);
    while let Some(input) = cursor.next.take() {
        let output = send(input.clone()).await.map_err(PaginationError::Send)?;
        let advanced = cursor.advance(input, &output);
        // The page that carried a repeated token is still handed over, as with `pages`.
        on_page(output);
        advanced.map_err(PaginationError::RepeatedToken)?;
    }
    Ok(())
}
