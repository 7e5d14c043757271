//! Splits IDL text into tokens, each with its 1-based line and column (columns count
//! characters, not bytes).
//!
//! Whitespace, commas and `//` comments separate tokens and are dropped; `///` documentation
//! comments that begin a line are collected and attached to the next token, so that the
//! parser can turn them into the documentation trait of the shape or member that token
//! starts. Shape ids (`ns.a#Name$member`) are one token, so the parser can check adjacency
//! rules (`@trait(`, `$member`) by comparing offsets.

use super::text;

/// A 1-based line and column.
pub type Pos = (usize, usize);

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    /// An identifier, namespace or shape id as written (`String`, `a.b#C$d`, `a.b`).
    Id(String),
    /// A quoted string, decoded.
    Str(String),
    /// A text block, decoded.
    TextBlock(String),
    /// A number as written (validated against the spec's grammar).
    Number(String),
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    LParen,
    RParen,
    At,
    Colon,
    /// `:=` (inline operation input and output).
    Walrus,
    Equals,
    Dollar,
    Eof,
}

/// One token.
#[derive(Clone, Debug)]
pub struct Token {
    pub kind: TokenKind,
    /// Where the token starts.
    pub pos: Pos,
    /// Character offsets of the token's start and end, to check that tokens touch.
    pub start: usize,
    pub end: usize,
    /// Whether a line break separates this token from the previous one (or it is first).
    pub newline_before: bool,
    /// The documentation comment lines right before this token, joined with `\n`.
    pub docs: Option<String>,
}

impl Token {
    /// How the token is named in "expected X, found Y" messages.
    pub fn describe(&self) -> String {
        describe(&self.kind)
    }
}

/// How a token kind is named in messages.
pub fn describe(kind: &TokenKind) -> String {
    match kind {
        TokenKind::Id(text) => format!("`{}`", shorten(text)),
        TokenKind::Str(text) => format!("the string \"{}\"", shorten(text)),
        TokenKind::TextBlock(_) => "a text block".to_owned(),
        TokenKind::Number(text) => format!("the number `{}`", shorten(text)),
        TokenKind::LBrace => "`{`".to_owned(),
        TokenKind::RBrace => "`}`".to_owned(),
        TokenKind::LBracket => "`[`".to_owned(),
        TokenKind::RBracket => "`]`".to_owned(),
        TokenKind::LParen => "`(`".to_owned(),
        TokenKind::RParen => "`)`".to_owned(),
        TokenKind::At => "`@`".to_owned(),
        TokenKind::Colon => "`:`".to_owned(),
        TokenKind::Walrus => "`:=`".to_owned(),
        TokenKind::Equals => "`=`".to_owned(),
        TokenKind::Dollar => "`$`".to_owned(),
        TokenKind::Eof => "end of file".to_owned(),
    }
}

/// At most 40 characters of a token's text, for messages.
fn shorten(text: &str) -> String {
    if text.chars().count() > 40 {
        let head: String = text.chars().take(40).collect();
        format!("{head}...")
    } else {
        text.to_owned()
    }
}

/// A lexing error: where, and what was expected and found.
#[derive(Debug)]
pub struct LexError {
    pub pos: Pos,
    pub message: String,
}

/// Splits `text` into tokens, ending with one `Eof` token.
pub fn lex(text: &str) -> Result<Vec<Token>, LexError> {
    let mut lexer = Lexer {
        chars: text.chars().collect(),
        i: 0,
        line: 1,
        column: 1,
        line_has_token: false,
    };
    if lexer.peek(0) == Some('\u{feff}') {
        lexer.i = 1;
    }
    let mut tokens = Vec::new();
    loop {
        let (newline_before, docs) = lexer.skip_trivia()?;
        let pos = (lexer.line, lexer.column);
        let start = lexer.i;
        let docs = (!docs.is_empty()).then(|| docs.join("\n"));
        let newline_before = newline_before || tokens.is_empty();
        let Some(c) = lexer.peek(0) else {
            tokens.push(Token {
                kind: TokenKind::Eof,
                pos,
                start,
                end: start,
                newline_before,
                docs,
            });
            return Ok(tokens);
        };
        lexer.line_has_token = true;
        let kind = match c {
            '{' | '}' | '[' | ']' | '(' | ')' | '@' | '=' | '$' => {
                lexer.bump();
                match c {
                    '{' => TokenKind::LBrace,
                    '}' => TokenKind::RBrace,
                    '[' => TokenKind::LBracket,
                    ']' => TokenKind::RBracket,
                    '(' => TokenKind::LParen,
                    ')' => TokenKind::RParen,
                    '@' => TokenKind::At,
                    '=' => TokenKind::Equals,
                    _ => TokenKind::Dollar,
                }
            }
            ':' => {
                lexer.bump();
                if lexer.peek(0) == Some('=') {
                    lexer.bump();
                    TokenKind::Walrus
                } else {
                    TokenKind::Colon
                }
            }
            '"' => lexer.string(pos)?,
            '-' | '0'..='9' => lexer.number(pos)?,
            c if is_ident_start(c) => lexer.shape_id(),
            other => {
                return Err(LexError {
                    pos,
                    message: format!(
                        "expected a token, found the character {}",
                        quote_char(other)
                    ),
                })
            }
        };
        tokens.push(Token {
            kind,
            pos,
            start,
            end: lexer.i,
            newline_before,
            docs,
        });
        // A multi-line string ends on a later line, which now has a token too.
        lexer.line_has_token = true;
    }
}

/// A character in a message: printable ones in backticks, others as `U+XXXX`.
fn quote_char(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("`{c}`")
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

struct Lexer {
    chars: Vec<char>,
    i: usize,
    line: usize,
    column: usize,
    /// Whether a token already started on the current line (then `///` is a plain comment).
    line_has_token: bool,
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
            self.line_has_token = false;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn pos(&self) -> Pos {
        (self.line, self.column)
    }

    /// Skips whitespace, commas and comments; returns whether a new line was crossed and
    /// the documentation comment lines seen.
    fn skip_trivia(&mut self) -> Result<(bool, Vec<String>), LexError> {
        let mut newline = false;
        let mut docs = Vec::new();
        while let Some(c) = self.peek(0) {
            match c {
                ' ' | '\t' | '\r' | ',' => {
                    self.bump();
                }
                '\n' => {
                    newline = true;
                    self.bump();
                }
                '/' if self.peek(1) == Some('/') => {
                    let is_doc = self.peek(2) == Some('/') && !self.line_has_token;
                    let mut line = String::new();
                    self.bump();
                    self.bump();
                    if is_doc {
                        self.bump();
                    }
                    while let Some(c) = self.peek(0) {
                        if c == '\n' {
                            break;
                        }
                        line.push(c);
                        self.bump();
                    }
                    if is_doc {
                        if line.ends_with('\r') {
                            line.pop();
                        }
                        let line = line.strip_prefix(' ').unwrap_or(&line);
                        docs.push(line.to_owned());
                    }
                }
                '/' => {
                    return Err(LexError {
                        pos: self.pos(),
                        message: "expected `//` to start a comment, found a single `/`".to_owned(),
                    })
                }
                _ => break,
            }
        }
        Ok((newline, docs))
    }

    /// An identifier, namespace or shape id: `ident(.ident)*(#ident)?($ident)?`.
    fn shape_id(&mut self) -> TokenKind {
        let mut text = String::new();
        self.ident_into(&mut text);
        let followed_by_ident = |lexer: &Lexer| lexer.peek(1).is_some_and(is_ident_start);
        while self.peek(0) == Some('.') && followed_by_ident(self) {
            text.push('.');
            self.bump();
            self.ident_into(&mut text);
        }
        if self.peek(0) == Some('#') && followed_by_ident(self) {
            text.push('#');
            self.bump();
            self.ident_into(&mut text);
        }
        if self.peek(0) == Some('$') && followed_by_ident(self) {
            text.push('$');
            self.bump();
            self.ident_into(&mut text);
        }
        TokenKind::Id(text)
    }

    fn ident_into(&mut self, text: &mut String) {
        while let Some(c) = self.peek(0).filter(|&c| is_ident_char(c)) {
            text.push(c);
            self.bump();
        }
    }

    /// A number per the spec: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self, pos: Pos) -> Result<TokenKind, LexError> {
        let mut text = String::new();
        let err = |lexer: &Lexer, what: &str| {
            let found = lexer.peek(0).map_or("end of file".to_owned(), quote_char);
            LexError {
                pos: lexer.pos(),
                message: format!(
                    "expected {what} in the number starting at {}:{}, found {found}",
                    pos.0, pos.1
                ),
            }
        };
        if self.peek(0) == Some('-') {
            text.push('-');
            self.bump();
        }
        match self.peek(0) {
            Some('0') => {
                text.push('0');
                self.bump();
                if self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                    return Err(LexError {
                        pos,
                        message: "a number cannot have a leading zero".to_owned(),
                    });
                }
            }
            Some(c) if c.is_ascii_digit() => self.digits_into(&mut text),
            _ => return Err(err(self, "a digit")),
        }
        if self.peek(0) == Some('.') {
            text.push('.');
            self.bump();
            if !self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                return Err(err(self, "a digit after `.`"));
            }
            self.digits_into(&mut text);
        }
        if let Some(e @ ('e' | 'E')) = self.peek(0) {
            text.push(e);
            self.bump();
            if let Some(sign @ ('+' | '-')) = self.peek(0) {
                text.push(sign);
                self.bump();
            }
            if !self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                return Err(err(self, "a digit in the exponent"));
            }
            self.digits_into(&mut text);
        }
        if self
            .peek(0)
            .is_some_and(|c| is_ident_char(c) || c == '.' || c == '"')
        {
            return Err(err(self, "whitespace or a delimiter after the number"));
        }
        Ok(TokenKind::Number(text))
    }

    fn digits_into(&mut self, text: &mut String) {
        while let Some(c) = self.peek(0).filter(|c| c.is_ascii_digit()) {
            text.push(c);
            self.bump();
        }
    }

    /// A quoted string or a text block; the opening `"` is next.
    fn string(&mut self, pos: Pos) -> Result<TokenKind, LexError> {
        let block = self.peek(1) == Some('"') && self.peek(2) == Some('"');
        if !block {
            self.bump();
            let raw = self.raw_until(1, pos, "`\"` to close the string")?;
            return text::decode_quoted(&raw)
                .map(TokenKind::Str)
                .map_err(|message| LexError { pos, message });
        }
        for _ in 0..3 {
            self.bump();
        }
        while let Some(' ' | '\t') = self.peek(0) {
            self.bump();
        }
        match (self.peek(0), self.peek(1)) {
            (Some('\n'), _) => {
                self.bump();
            }
            (Some('\r'), Some('\n')) => {
                self.bump();
                self.bump();
            }
            (found, _) => {
                let found = found.map_or("end of file".to_owned(), quote_char);
                return Err(LexError {
                    pos: self.pos(),
                    message: format!(
                        "expected a new line after the opening `\"\"\"` of a text block, found {found}"
                    ),
                });
            }
        }
        let raw = self.raw_until(3, pos, "`\"\"\"` to close the text block")?;
        text::decode_text_block(&raw)
            .map(TokenKind::TextBlock)
            .map_err(|message| LexError { pos, message })
    }

    /// Collects raw characters up to `quotes` unescaped `"` in a row and consumes them.
    fn raw_until(&mut self, quotes: usize, pos: Pos, what: &str) -> Result<Vec<char>, LexError> {
        let mut raw = Vec::new();
        loop {
            match self.peek(0) {
                None => {
                    return Err(LexError {
                        pos: self.pos(),
                        message: format!(
                            "expected {what} started at {}:{}, found end of file",
                            pos.0, pos.1
                        ),
                    })
                }
                Some('"') if (0..quotes).all(|k| self.peek(k) == Some('"')) => {
                    for _ in 0..quotes {
                        self.bump();
                    }
                    return Ok(raw);
                }
                Some('\\') => {
                    raw.push('\\');
                    self.bump();
                    if let Some(next) = self.bump() {
                        raw.push(next);
                    }
                }
                Some(c) => {
                    raw.push(c);
                    self.bump();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        lex(text).unwrap().into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let tokens = lex("namespace a.b\n\n  \"é\": \"x\" 12").unwrap();
        let positions: Vec<Pos> = tokens.iter().map(|t| t.pos).collect();
        // `é` is one character (two bytes): the colon is in column 6.
        assert_eq!(
            positions,
            vec![(1, 1), (1, 11), (3, 3), (3, 6), (3, 8), (3, 12), (3, 14)]
        );
    }

    #[test]
    fn shape_ids_are_single_tokens() {
        assert_eq!(
            kinds("a.b#C$d Foo$bar ns.x#Y"),
            vec![
                TokenKind::Id("a.b#C$d".into()),
                TokenKind::Id("Foo$bar".into()),
                TokenKind::Id("ns.x#Y".into()),
                TokenKind::Eof
            ]
        );
        // `$` not followed by an identifier start ends the id.
        assert_eq!(
            kinds("$version: \"2\""),
            vec![
                TokenKind::Dollar,
                TokenKind::Id("version".into()),
                TokenKind::Colon,
                TokenKind::Str("2".into()),
                TokenKind::Eof
            ]
        );
    }

    #[test]
    fn commas_are_whitespace_and_walrus_is_one_token() {
        assert_eq!(
            kinds("input := {,,}"),
            vec![
                TokenKind::Id("input".into()),
                TokenKind::Walrus,
                TokenKind::LBrace,
                TokenKind::RBrace,
                TokenKind::Eof
            ]
        );
    }

    #[test]
    fn numbers_follow_the_grammar() {
        assert_eq!(
            kinds("0 -1 1.5 1e+2 1.0E-10"),
            vec![
                TokenKind::Number("0".into()),
                TokenKind::Number("-1".into()),
                TokenKind::Number("1.5".into()),
                TokenKind::Number("1e+2".into()),
                TokenKind::Number("1.0E-10".into()),
                TokenKind::Eof
            ]
        );
        for bad in ["01", "1.", "-", "1e", "1abc", "1.x"] {
            assert!(lex(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn doc_comments_attach_to_the_next_token() {
        let tokens =
            lex("/// One\n///Two\n///   three\n// plain\nstring A /// not docs\nstring B").unwrap();
        assert_eq!(tokens[0].docs.as_deref(), Some("One\nTwo\n  three"));
        assert_eq!(tokens[1].docs, None);
        // A `///` after a token on the same line is a plain comment.
        assert_eq!(tokens[2].docs, None);
        assert!(tokens[2].newline_before);
        assert!(!tokens[1].newline_before);
    }

    #[test]
    fn doc_comments_lose_carriage_returns() {
        let tokens = lex("/// Hi \r\nstring A").unwrap();
        assert_eq!(tokens[0].docs.as_deref(), Some("Hi "));
        // `///` after a multi-line string that ends on its line is a plain comment.
        let tokens = lex("\"a\nb\" /// no\nx").unwrap();
        assert_eq!(tokens[1].docs, None);
    }

    #[test]
    fn strings_and_text_blocks() {
        assert_eq!(
            kinds("\"a\\\"b\" \"\"\"\n    x\n    \"\"\""),
            vec![
                TokenKind::Str("a\"b".into()),
                TokenKind::TextBlock("x\n".into()),
                TokenKind::Eof
            ]
        );
        assert_eq!(
            kinds("\"\""),
            vec![TokenKind::Str(String::new()), TokenKind::Eof]
        );
    }

    #[test]
    fn lexing_errors_name_what_was_expected() {
        let err = lex("\"abc").unwrap_err();
        assert!(
            err.message
                .contains("expected `\"` to close the string started at 1:1, found end of file"),
            "{}",
            err.message
        );
        let err = lex("x \"\"\"foo\"\"\"").unwrap_err();
        assert_eq!(err.pos, (1, 6));
        assert!(
            err.message
                .contains("expected a new line after the opening"),
            "{}",
            err.message
        );
        let err = lex("a ; b").unwrap_err();
        assert_eq!(err.pos, (1, 3));
        assert!(err.message.contains("found the character `;`"));
        assert!(lex("a / b").is_err());
        assert!(lex("\"\"\"\n abc").is_err());
    }
}
