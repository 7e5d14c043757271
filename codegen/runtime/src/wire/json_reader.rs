//! The fast path for reading responses: a JSON reader that walks the body once, straight into
//! the output's fields, with no serde visitors in between.
//!
//! It does not report errors. Whatever it cannot read exactly as serde_json would (a
//! malformed body, a wrongly typed value, a duplicate member, an escaped key, nesting past
//! serde_json's limit) ends the fast path with [`NotFast`], and the caller reads the body
//! again through serde, which gives the value or the error with its member path. So the
//! reader must only ever succeed where serde succeeds, with the same value; it may give up
//! wherever it likes.

use super::json_tokens::{decode_escape, scan_number};
use std::borrow::Cow;

/// The fast path gave up; serde reads the body instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFast;

/// What the fast path gives: a value, or [`NotFast`].
pub type Fast<T> = Result<T, NotFast>;

/// Nesting this deep gives up: serde_json refuses a value nested 128 deep (its recursion
/// limit) when it reads it into a type.
const MAX_DEPTH: usize = 128;

/// A cursor over a JSON text.
#[derive(Debug)]
pub struct JsonReader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
    /// Where strings with escapes are decoded.
    scratch: String,
}

impl<'a> JsonReader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        JsonReader {
            text,
            at: 0,
            depth: 0,
            scratch: String::new(),
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not whitespace, without taking it.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&byte) = bytes.get(self.at) {
            // Every JSON whitespace byte is at most a space: one comparison decides the
            // usual case, a token.
            if byte > b' ' {
                return Some(byte);
            }
            match byte {
                b' ' | b'\n' | b'\r' | b'\t' => self.at += 1,
                _ => return Some(byte),
            }
        }
        None
    }

    /// Takes `byte` as the next byte that is not whitespace.
    fn take(&mut self, byte: u8) -> Fast<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(NotFast)
        }
    }

    /// Takes the literal `word` (`true`, `false`, `null`) at the current position.
    fn literal(&mut self, word: &str) -> Fast<()> {
        if self
            .bytes()
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()))
        {
            self.at += word.len();
            Ok(())
        } else {
            Err(NotFast)
        }
    }

    fn enter(&mut self) -> Fast<()> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(NotFast);
        }
        Ok(())
    }

    /// The text from `start` to `end` (byte positions the reader found, always on character
    /// boundaries: the check only keeps this free of panics).
    #[inline]
    fn slice(&self, start: usize, end: usize) -> Fast<&'a str> {
        self.text.get(start..end).ok_or(NotFast)
    }

    /// How far the reader is into the text, in bytes.
    pub fn position(&self) -> usize {
        self.at
    }

    /// How many bytes of the text are left.
    pub fn remaining(&self) -> usize {
        self.text.len().saturating_sub(self.at)
    }

    /// Checks that only whitespace is left.
    pub fn end(&mut self) -> Fast<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(NotFast),
        }
    }

    /// Takes `null` if it comes next.
    pub fn null(&mut self) -> bool {
        if self.peek() == Some(b'n') && self.literal("null").is_ok() {
            return true;
        }
        false
    }

    /// The next key of the object being read, positioned at its value (a key with escapes
    /// gives up), or `None` at the object's end. `first`: no entry has been read yet.
    fn key(&mut self, first: bool) -> Fast<Option<&'a str>> {
        match self.peek() {
            Some(b'}') => {
                self.at += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if !first => self.at += 1,
            Some(b'"') if first => {}
            _ => return Err(NotFast),
        }
        if self.peek() != Some(b'"') {
            return Err(NotFast);
        }
        // A key without escapes, borrowed; one with escapes gives up (a member name has
        // none, and serde then matches it unescaped).
        let start = self.at + 1;
        let end = start + plain_run(self.bytes().get(start..).unwrap_or_default());
        if self.bytes().get(end) != Some(&b'"') {
            return Err(NotFast);
        }
        let key = self.slice(start, end)?;
        self.at = end + 1;
        self.take(b':')?;
        Ok(Some(key))
    }

    /// Iterates over an object's keys: `Object::next` gives each key, positioned at its
    /// value, which the caller must read or skip.
    pub fn object(&mut self) -> Fast<Object> {
        self.take(b'{')?;
        self.enter()?;
        Ok(Object { first: true })
    }

    /// Starts an array: then call [`Array::next`] until it gives false.
    pub fn array(&mut self) -> Fast<Array> {
        self.take(b'[')?;
        self.enter()?;
        Ok(Array { first: true })
    }

    /// Reads a string, borrowed from the text when it has no escapes.
    pub fn string(&mut self) -> Fast<Cow<'a, str>> {
        self.take(b'"')?;
        let bytes = self.bytes();
        let start = self.at;
        let end = start + plain_run(bytes.get(start..).unwrap_or_default());
        match bytes.get(end) {
            Some(b'"') => {
                self.at = end + 1;
                self.slice(start, end).map(Cow::Borrowed)
            }
            Some(b'\\') => {
                // Unescaped into the reader's scratch string, which keeps its capacity from
                // string to string; the result is then allocated once, at its size.
                self.at = end;
                let mut out = std::mem::take(&mut self.scratch);
                out.clear();
                out.push_str(self.slice(start, end)?);
                let done = self
                    .unescape_rest(&mut out)
                    .map(|()| Cow::Owned(out.as_str().to_owned()));
                self.scratch = out;
                done
            }
            // A control character, or the end of the text.
            _ => Err(NotFast),
        }
    }

    /// Continues a string at a backslash, appending to `out` up to the closing quote.
    fn unescape_rest(&mut self, out: &mut String) -> Fast<()> {
        let bytes = self.bytes();
        loop {
            match bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    let (decoded, next) = decode_escape(bytes, self.at + 1).map_err(|_| NotFast)?;
                    self.at = next;
                    out.push(decoded);
                }
                Some(_) => {
                    let start = self.at;
                    let end = start + plain_run(bytes.get(start..).unwrap_or_default());
                    if end == start {
                        // A control character.
                        return Err(NotFast);
                    }
                    out.push_str(self.slice(start, end)?);
                    self.at = end;
                }
                None => return Err(NotFast),
            }
        }
    }

    /// The text of a number, checked against JSON's grammar.
    pub fn number(&mut self) -> Fast<&'a str> {
        self.peek();
        let start = self.at;
        let end = scan_number(self.bytes(), start).map_err(|_| NotFast)?;
        self.at = end;
        self.slice(start, end)
    }

    /// Reads `true` or `false`.
    pub fn boolean(&mut self) -> Fast<bool> {
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(NotFast),
        }
    }

    /// Skips one value of any kind, checking it as serde_json would.
    pub fn skip(&mut self) -> Fast<()> {
        // Iterative, with the open containers as a stack of bits (1 for an object): the
        // depth limit keeps it within 128 bits, and nothing recurses.
        let mut objects: u128 = 0;
        let mut open: u32 = 0;
        'value: loop {
            match self.peek().ok_or(NotFast)? {
                b'{' => {
                    self.at += 1;
                    self.enter()?;
                    if self.peek() == Some(b'}') {
                        self.at += 1;
                        self.depth -= 1;
                    } else {
                        objects = objects << 1 | 1;
                        open += 1;
                        self.skipped_key()?;
                        continue 'value;
                    }
                }
                b'[' => {
                    self.at += 1;
                    self.enter()?;
                    if self.peek() == Some(b']') {
                        self.at += 1;
                        self.depth -= 1;
                    } else {
                        objects <<= 1;
                        open += 1;
                        continue 'value;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                b't' | b'f' => {
                    self.boolean()?;
                }
                b'n' => self.literal("null")?,
                _ => {
                    self.number()?;
                }
            }
            // A value is complete: close the containers it completes, then go on to the
            // next value.
            while open > 0 {
                let in_object = objects & 1 == 1;
                match self.peek().ok_or(NotFast)? {
                    b',' => {
                        self.at += 1;
                        if in_object {
                            self.skipped_key()?;
                        }
                        continue 'value;
                    }
                    b'}' if in_object => {}
                    b']' if !in_object => {}
                    _ => return Err(NotFast),
                }
                self.at += 1;
                self.depth -= 1;
                objects >>= 1;
                open -= 1;
            }
            return Ok(());
        }
    }

    /// Reads a key and its colon inside a skipped object (escapes allowed).
    fn skipped_key(&mut self) -> Fast<()> {
        if self.peek() != Some(b'"') {
            return Err(NotFast);
        }
        self.string()?;
        self.take(b':')
    }

    /// The text of the next value, skipped.
    pub fn raw(&mut self) -> Fast<&'a str> {
        self.peek();
        let start = self.at;
        self.skip()?;
        self.slice(start, self.at)
    }
}

/// The state of an object being read: whether an entry has been read yet.
#[derive(Debug)]
pub struct Object {
    first: bool,
}

impl Object {
    /// The next key, positioned at its value, or `None` at the end of the object.
    pub fn next<'a>(&mut self, reader: &mut JsonReader<'a>) -> Fast<Option<&'a str>> {
        let key = reader.key(self.first)?;
        self.first = false;
        Ok(key)
    }
}

/// The state of an array being read: whether an element has been read yet.
#[derive(Debug)]
pub struct Array {
    first: bool,
}

impl Array {
    /// Whether another element follows (the reader is then positioned at it).
    pub fn next(&mut self, reader: &mut JsonReader<'_>) -> Fast<bool> {
        match reader.peek() {
            Some(b']') => {
                reader.at += 1;
                reader.depth -= 1;
                Ok(false)
            }
            Some(b',') if !self.first => {
                reader.at += 1;
                Ok(true)
            }
            Some(_) if self.first => {
                self.first = false;
                Ok(true)
            }
            _ => Err(NotFast),
        }
    }
}

/// How many bytes from the start of `bytes` can sit in a JSON string as they are: everything
/// up to a quote, a backslash or a control character (what the reader stops at, and what the
/// writer escapes). Eight bytes are tested at a time.
pub(super) fn plain_run(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let stops = stops(u64::from_le_bytes(word));
        if stops != 0 {
            // Little-endian: the lowest flag is the first such byte.
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let rest = chunks.remainder();
    if rest.is_empty() {
        return at;
    }
    // The last eight bytes as one more word: those before `at` are already known to be
    // plain, so the lowest flag is still the first stop, and no byte is tested alone.
    let last = bytes
        .len()
        .checked_sub(8)
        .and_then(|start| bytes.get(start..))
        .and_then(|tail| <[u8; 8]>::try_from(tail).ok());
    match last {
        Some(word) => match stops(u64::from_le_bytes(word)) {
            0 => bytes.len(),
            stops => bytes.len() - 8 + (stops.trailing_zeros() / 8) as usize,
        },
        // Fewer than eight bytes in all.
        None => rest
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
            .unwrap_or(rest.len()),
    }
}

/// A high bit in each byte of `word` that is a quote, a backslash or a control character.
/// A byte above a flagged one may be flagged too (a borrow runs on), so only the lowest
/// flag counts.
fn stops(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_bytes = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    zero_bytes(word ^ (ONES * u64::from(b'"')))
        | zero_bytes(word ^ (ONES * u64::from(b'\\')))
        // Bytes below 0x20: subtracting 0x20 borrows into a high bit `word` lacks.
        | (word.wrapping_sub(ONES * 0x20) & !word & HIGHS)
}
