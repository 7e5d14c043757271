//! Skipping a value nobody reads (an unknown member's): checked as serde_json checks it, which
//! is less than reading it. Numbers by their syntax only (`1e999` passes), strings without
//! decoding (a lone surrogate passes), and nesting without a limit, since nothing is built.

use super::json_deserializer::JsonDeserializer;
use super::json_error::JsonError;
use super::json_reader::plain_run;
use super::json_tokens::hex4;

impl JsonDeserializer<'_> {
    /// Skips one value. Iterative, with the closing bracket of each open container on a
    /// stack, so that however deep the value, nothing recurses.
    pub(super) fn ignore(&mut self) -> Result<(), JsonError> {
        let mut open: Vec<u8> = Vec::new();
        'value: loop {
            match self.peek() {
                None => return Err(self.fail("EOF while parsing a value")),
                Some(b'n') => self.literal("null")?,
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'"') => self.ignore_string()?,
                Some(b'-' | b'0'..=b'9') => {
                    if self.number_text().is_err() {
                        return Err(self.fail("invalid number"));
                    }
                }
                Some(open_bracket @ (b'[' | b'{')) => {
                    self.at += 1;
                    let close = if open_bracket == b'[' { b']' } else { b'}' };
                    match self.peek() {
                        Some(byte) if byte == close => self.at += 1,
                        None if close == b']' => return Err(self.fail("EOF while parsing a list")),
                        None => return Err(self.fail("EOF while parsing an object")),
                        Some(_) => {
                            open.push(close);
                            if close == b'}' {
                                self.ignore_key()?;
                            }
                            continue 'value;
                        }
                    }
                }
                Some(_) => return Err(self.fail("expected value")),
            }
            // A value is complete: close what it completes, up to the next value.
            while let Some(&close) = open.last() {
                match self.peek() {
                    Some(b',') => {
                        self.at += 1;
                        if close == b'}' {
                            self.ignore_key()?;
                        }
                        continue 'value;
                    }
                    Some(byte) if byte == close => {
                        self.at += 1;
                        open.pop();
                    }
                    Some(_) if close == b']' => return Err(self.fail("expected `,` or `]`")),
                    Some(_) => return Err(self.fail("expected `,` or `}`")),
                    None if close == b']' => return Err(self.fail("EOF while parsing a list")),
                    None => return Err(self.fail("EOF while parsing an object")),
                }
            }
            return Ok(());
        }
    }

    /// Skips a key of a skipped object, and its colon.
    fn ignore_key(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'"') => self.ignore_string()?,
            Some(_) => return Err(self.fail("key must be a string")),
            None => return Err(self.fail("EOF while parsing an object")),
        }
        match self.peek() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.fail("expected `:`")),
            None => Err(self.fail("EOF while parsing an object")),
        }
    }

    /// Skips a string (the opening quote next): its escapes are checked for their form
    /// only, as a skipped string is never decoded.
    fn ignore_string(&mut self) -> Result<(), JsonError> {
        self.at += 1;
        loop {
            self.at += plain_run(self.bytes().get(self.at..).unwrap_or_default());
            match self.bytes().get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.bytes().get(self.at) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.at += 1
                        }
                        Some(b'u') => match hex4(self.bytes(), self.at + 1) {
                            Ok(_) => self.at += 5,
                            Err(bad) => return Err(self.fail_at(bad)),
                        },
                        Some(_) => return Err(self.fail("invalid escape")),
                        None => return Err(self.fail("EOF while parsing a string")),
                    }
                }
                Some(_) => {
                    return Err(self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                None => return Err(self.fail("EOF while parsing a string")),
            }
        }
    }
}
