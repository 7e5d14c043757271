//! Parses the tokens of one IDL file into a syntax tree
//! (<https://smithy.io/2.0/spec/idl.html#smithy-idl-abnf>).
//!
//! Nothing is resolved here: shape ids stay as written, so that resolution can see every
//! file's shapes first (relative ids may refer to shapes in other files). The parser does
//! apply what is purely syntactic sugar within one file: documentation comments, the
//! `$operationInputSuffix`/`$operationOutputSuffix` names of inline operation input and
//! output, and the `input`/`output` traits those inline structures get.

use super::ids;
use super::lexer::{self, Pos, Token, TokenKind};
use super::node::{self, Node, NodeValue};

/// A syntax error: where, and what was expected and found.
#[derive(Debug)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

type PResult<T> = Result<T, SyntaxError>;

/// A shape id as written, with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct IdRef {
    pub text: String,
    pub pos: Pos,
}

/// One trait application: `@name` (value `{}`), `@name(...)`.
#[derive(Clone, Debug)]
pub struct TraitApp {
    pub name: IdRef,
    pub value: Node,
}

/// A member of a structure, union, enum, list or map.
#[derive(Clone, Debug)]
pub struct MemberDef {
    pub name: String,
    pub pos: Pos,
    /// `None` for an elided target (`$name`).
    pub target: Option<IdRef>,
    pub traits: Vec<TraitApp>,
    pub docs: Option<String>,
    /// The value after `=`: the default of a structure member, the value of an enum member.
    pub value: Option<Node>,
}

/// An operation's `input` or `output`.
#[derive(Clone, Debug)]
pub struct IoRef {
    /// The target; for inline structures, the absolute id of the generated shape.
    pub target: IdRef,
}

/// What follows a shape's name.
#[derive(Clone, Debug)]
pub enum Body {
    /// Simple shapes.
    None,
    /// Structures, unions, enums, intEnums, lists, sets and maps.
    Members(Vec<MemberDef>),
    Operation {
        input: Option<IoRef>,
        output: Option<IoRef>,
        errors: Vec<IdRef>,
    },
    /// Services and resources: the properties of their node object.
    Properties(Vec<(String, Pos, Node)>),
}

/// One shape statement.
#[derive(Clone, Debug)]
pub struct ShapeDef {
    /// The shape type keyword (`structure`, `string`, ...).
    pub kind: String,
    pub name: String,
    /// Where the shape's name is.
    pub pos: Pos,
    pub docs: Option<String>,
    pub traits: Vec<TraitApp>,
    pub mixins: Vec<IdRef>,
    /// `structure X for Resource`.
    pub for_resource: Option<IdRef>,
    pub body: Body,
}

/// `apply Target @trait` or `apply Target { ... }`.
#[derive(Clone, Debug)]
pub struct Apply {
    pub target: IdRef,
    pub traits: Vec<TraitApp>,
}

/// A parsed file.
#[derive(Clone, Debug, Default)]
pub struct IdlFile {
    pub metadata: Vec<(String, Pos, Node)>,
    pub namespace: Option<(String, Pos)>,
    pub uses: Vec<IdRef>,
    pub shapes: Vec<ShapeDef>,
    pub applies: Vec<Apply>,
}

/// The simple shape type keywords.
const SIMPLE_TYPES: &[&str] = &[
    "blob",
    "boolean",
    "document",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
];

/// Every shape type keyword, for messages and dispatch.
const AGGREGATE_TYPES: &[&str] = &[
    "enum",
    "intEnum",
    "list",
    "set",
    "map",
    "structure",
    "union",
    "service",
    "resource",
    "operation",
];

/// Parses one file's text.
pub fn parse(text: &str) -> Result<IdlFile, SyntaxError> {
    let tokens = lexer::lex(text).map_err(|err| SyntaxError {
        pos: err.pos,
        message: err.message,
    })?;
    let eof = tokens.last().cloned().unwrap_or(Token {
        kind: TokenKind::Eof,
        pos: (1, 1),
        start: 0,
        end: 0,
        newline_before: true,
        docs: None,
    });
    let mut parser = Parser {
        tokens,
        i: 0,
        eof,
        input_suffix: "Input".to_owned(),
        output_suffix: "Output".to_owned(),
        namespace: None,
        version_seen: false,
    };
    parser.file()
}

struct Parser {
    tokens: Vec<Token>,
    i: usize,
    eof: Token,
    input_suffix: String,
    output_suffix: String,
    namespace: Option<String>,
    version_seen: bool,
}

/// Which section of the file the parser is in; statements must come in this order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Control,
    Metadata,
    Namespace,
    Use,
    Shapes,
}

impl Parser {
    fn peek(&self) -> &Token {
        self.tokens.get(self.i).unwrap_or(&self.eof)
    }

    fn peek_at(&self, ahead: usize) -> &Token {
        self.tokens.get(self.i + ahead).unwrap_or(&self.eof)
    }

    fn next(&mut self) -> Token {
        let token = self.peek().clone();
        if self.i < self.tokens.len() {
            self.i += 1;
        }
        token
    }

    fn is(&self, kind: &TokenKind) -> bool {
        &self.peek().kind == kind
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(&self.peek().kind, TokenKind::Id(text) if text == word)
    }

    fn error<T>(&self, token: &Token, expected: &str) -> PResult<T> {
        Err(SyntaxError {
            pos: token.pos,
            message: format!("expected {expected}, found {}", token.describe()),
        })
    }

    /// Consumes a token of `kind` or fails with "expected {what}, found ...".
    fn expect(&mut self, kind: TokenKind, what: &str) -> PResult<Token> {
        if self.is(&kind) {
            Ok(self.next())
        } else {
            self.error(self.peek(), what)
        }
    }

    /// Consumes an identifier token (no `.`, `#` or `$`).
    fn identifier(&mut self, what: &str) -> PResult<(String, Pos)> {
        let token = self.peek().clone();
        match &token.kind {
            TokenKind::Id(text) if ids::is_identifier(text) => {
                self.next();
                Ok((text.clone(), token.pos))
            }
            _ => self.error(&token, what),
        }
    }

    /// Consumes a shape id token (relative or absolute; `$member` only when allowed).
    fn shape_id(&mut self, what: &str, member_allowed: bool) -> PResult<IdRef> {
        let token = self.peek().clone();
        if let TokenKind::Id(text) = &token.kind {
            if let Some(parts) = ids::split(text) {
                if parts.member.is_some() && !member_allowed {
                    return Err(SyntaxError {
                        pos: token.pos,
                        message: format!(
                            "expected {what}, found the member id `{text}` (a member cannot be used here)"
                        ),
                    });
                }
                self.next();
                return Ok(IdRef {
                    text: text.clone(),
                    pos: token.pos,
                });
            }
        }
        self.error(&token, what)
    }

    fn file(&mut self) -> PResult<IdlFile> {
        let mut file = IdlFile::default();
        let mut section = Section::Control;
        let mut first = true;
        while !self.is(&TokenKind::Eof) {
            let token = self.peek().clone();
            if !first && !token.newline_before {
                return self.error(&token, "a line break before the next statement");
            }
            first = false;
            let (wanted, name) = match &token.kind {
                TokenKind::Dollar => (Section::Control, "control statements (`$version: ...`)"),
                TokenKind::Id(word) if word == "metadata" => (Section::Metadata, "`metadata`"),
                TokenKind::Id(word) if word == "namespace" => (Section::Namespace, "`namespace`"),
                TokenKind::Id(word) if word == "use" => (Section::Use, "`use` statements"),
                _ => (Section::Shapes, "shapes"),
            };
            if wanted < section || (wanted == Section::Namespace && file.namespace.is_some()) {
                let message = match wanted {
                    Section::Control => "control statements must come first in the file",
                    Section::Metadata => {
                        "metadata statements must come before the namespace statement"
                    }
                    Section::Namespace => "a file can have only one namespace statement",
                    _ => "use statements must come right after the namespace statement, before any shape",
                };
                return Err(SyntaxError {
                    pos: token.pos,
                    message: format!("{message}; found {name} here"),
                });
            }
            if wanted >= Section::Use && self.namespace.is_none() {
                let what = match &token.kind {
                    TokenKind::Id(word) if word == "use" || word == "apply" => {
                        format!("a `namespace` statement before `{word}`")
                    }
                    _ => "a `namespace` statement before the first shape".to_owned(),
                };
                return self.error(&token, &what);
            }
            section = wanted;
            match wanted {
                Section::Control => self.control()?,
                Section::Metadata => {
                    self.next();
                    let (key, pos) = self.object_key("a metadata key after `metadata`")?;
                    self.expect(
                        TokenKind::Equals,
                        &format!("`=` after the metadata key `{key}`"),
                    )?;
                    let value = self.node_value(0)?;
                    file.metadata.push((key, pos, value));
                }
                Section::Namespace => {
                    self.next();
                    let token = self.peek().clone();
                    match &token.kind {
                        TokenKind::Id(text) if ids::is_namespace(text) => {
                            self.next();
                            self.namespace = Some(text.clone());
                            file.namespace = Some((text.clone(), token.pos));
                        }
                        _ => return self.error(&token, "a namespace after `namespace`"),
                    }
                }
                Section::Use => {
                    self.next();
                    let id = self.shape_id("a shape id after `use`", false)?;
                    if !id.text.contains('#') {
                        return Err(SyntaxError {
                            pos: id.pos,
                            message: format!(
                                "expected an absolute shape id (`namespace#Name`) after `use`, found `{}`",
                                id.text
                            ),
                        });
                    }
                    file.uses.push(id);
                }
                Section::Shapes => {
                    if self.is_word("apply") {
                        let apply = self.apply()?;
                        file.applies.push(apply);
                    } else {
                        self.shape_statement(&mut file.shapes)?;
                    }
                }
            }
        }
        Ok(file)
    }

    /// `$key: value`; `version` and the operation suffixes are interpreted, others ignored.
    fn control(&mut self) -> PResult<()> {
        let dollar = self.next();
        let key_token = self.peek().clone();
        if key_token.start != dollar.end {
            return self.error(&key_token, "a control statement name right after `$`");
        }
        let (key, _) = self.object_key("a control statement name after `$`")?;
        self.expect(TokenKind::Colon, &format!("`:` after `${key}`"))?;
        let value = self.node_value(0)?;
        let text = match &value.value {
            NodeValue::Str(text) => Some(text.clone()),
            _ => None,
        };
        match key.as_str() {
            "version" => {
                if self.version_seen {
                    return Err(SyntaxError {
                        pos: key_token.pos,
                        message: "a file can have only one `$version` statement".to_owned(),
                    });
                }
                self.version_seen = true;
                let Some(version) = text else {
                    return Err(SyntaxError {
                        pos: value.pos,
                        message: format!(
                            "expected a string for `$version`, found {}",
                            value.kind_name()
                        ),
                    });
                };
                check_version(&version).map_err(|message| SyntaxError {
                    pos: value.pos,
                    message,
                })?;
            }
            "operationInputSuffix" | "operationOutputSuffix" => {
                let suffix = match text {
                    Some(suffix)
                        if suffix
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                    {
                        suffix
                    }
                    _ => {
                        return Err(SyntaxError {
                            pos: value.pos,
                            message: format!(
                            "expected a string of letters, digits and `_` for `${key}`, found {}",
                            value.kind_name()
                        ),
                        })
                    }
                };
                if key == "operationInputSuffix" {
                    self.input_suffix = suffix;
                } else {
                    self.output_suffix = suffix;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// An object key: an identifier or a quoted string.
    fn object_key(&mut self, what: &str) -> PResult<(String, Pos)> {
        let token = self.peek().clone();
        match &token.kind {
            TokenKind::Id(text) if ids::is_identifier(text) => {
                self.next();
                Ok((text.clone(), token.pos))
            }
            TokenKind::Str(text) => {
                self.next();
                Ok((text.clone(), token.pos))
            }
            _ => self.error(&token, what),
        }
    }

    /// `apply Target @trait` or `apply Target { @a @b }`.
    fn apply(&mut self) -> PResult<Apply> {
        self.next();
        let target = self.shape_id("a shape id after `apply`", true)?;
        let traits = if self.is(&TokenKind::At) {
            vec![self.trait_app()?]
        } else if self.is(&TokenKind::LBrace) {
            self.next();
            let traits = self.trait_statements()?;
            self.expect(TokenKind::RBrace, "`}` to close the apply block")?;
            traits
        } else {
            return self.error(
                self.peek(),
                &format!("a trait (`@...`) or `{{` after `apply {}`", target.text),
            );
        };
        Ok(Apply { target, traits })
    }

    fn trait_statements(&mut self) -> PResult<Vec<TraitApp>> {
        let mut traits = Vec::new();
        while self.is(&TokenKind::At) {
            traits.push(self.trait_app()?);
        }
        Ok(traits)
    }

    /// `@name`, `@name()`, `@name(value)` or `@name(key: value, ...)`.
    fn trait_app(&mut self) -> PResult<TraitApp> {
        let at = self.next();
        let name_token = self.peek().clone();
        if name_token.start != at.end || !matches!(name_token.kind, TokenKind::Id(_)) {
            return self.error(&name_token, "a trait shape id right after `@`");
        }
        let name = self.shape_id("a trait shape id after `@`", false)?;
        let paren = self.peek().clone();
        if paren.kind != TokenKind::LParen || paren.start != name_token.end {
            return Ok(TraitApp {
                name,
                value: Node::empty_object(at.pos),
            });
        }
        self.next();
        if self.is(&TokenKind::RParen) {
            self.next();
            return Ok(TraitApp {
                name,
                value: Node::empty_object(paren.pos),
            });
        }
        let is_key = matches!(&self.peek().kind, TokenKind::Id(t) if ids::is_identifier(t))
            || matches!(self.peek().kind, TokenKind::Str(_));
        let value = if is_key && self.peek_at(1).kind == TokenKind::Colon {
            let entries = self.object_entries(
                0,
                &TokenKind::RParen,
                &format!("`)` to close the value of `@{}`", name.text),
            )?;
            Node {
                value: NodeValue::Object(entries),
                pos: paren.pos,
            }
        } else {
            let value = self.node_value(0)?;
            self.expect(
                TokenKind::RParen,
                &format!("`)` to close the value of `@{}`", name.text),
            )?;
            value
        };
        Ok(TraitApp { name, value })
    }

    /// `key: value` pairs up to and including `close`.
    fn object_entries(
        &mut self,
        depth: usize,
        close: &TokenKind,
        close_what: &str,
    ) -> PResult<Vec<(String, Pos, Node)>> {
        let mut entries: Vec<(String, Pos, Node)> = Vec::new();
        loop {
            if self.is(close) {
                self.next();
                return Ok(entries);
            }
            if self.is(&TokenKind::Eof) {
                return self.error(self.peek(), close_what);
            }
            let (key, pos) = self.object_key(&format!(
                "an object key (an identifier or a quoted string) or {close_what}"
            ))?;
            if let Some((_, first, _)) = entries.iter().find(|(k, _, _)| *k == key) {
                return Err(SyntaxError {
                    pos,
                    message: format!(
                        "the key `{key}` appears twice in the same object (first at {}:{})",
                        first.0, first.1
                    ),
                });
            }
            self.expect(TokenKind::Colon, &format!("`:` after the key `{key}`"))?;
            let value = self.node_value(depth + 1)?;
            entries.push((key, pos, value));
        }
    }

    /// A node value; `depth` counts the enclosing arrays and objects.
    fn node_value(&mut self, depth: usize) -> PResult<Node> {
        let token = self.peek().clone();
        if depth >= node::MAX_DEPTH {
            return Err(SyntaxError {
                pos: token.pos,
                message: format!(
                    "node values are nested more than {} levels deep",
                    node::MAX_DEPTH
                ),
            });
        }
        let value = match &token.kind {
            TokenKind::LBrace => {
                self.next();
                NodeValue::Object(self.object_entries(depth, &TokenKind::RBrace, "`}` to close the object")?)
            }
            TokenKind::LBracket => {
                self.next();
                let mut items = Vec::new();
                loop {
                    if self.is(&TokenKind::RBracket) {
                        self.next();
                        break;
                    }
                    if self.is(&TokenKind::Eof) {
                        return self.error(self.peek(), "`]` to close the array");
                    }
                    items.push(self.node_value(depth + 1)?);
                }
                NodeValue::Array(items)
            }
            TokenKind::Number(text) => {
                let number = node::parse_number(text).map_err(|message| SyntaxError {
                    pos: token.pos,
                    message,
                })?;
                let text = text.clone();
                self.next();
                NodeValue::Number(number, text)
            }
            TokenKind::Str(text) | TokenKind::TextBlock(text) => {
                let text = text.clone();
                self.next();
                NodeValue::Str(text)
            }
            TokenKind::Id(word) => match word.as_str() {
                "true" => {
                    self.next();
                    NodeValue::Bool(true)
                }
                "false" => {
                    self.next();
                    NodeValue::Bool(false)
                }
                "null" => {
                    self.next();
                    NodeValue::Null
                }
                _ => NodeValue::ShapeId(self.shape_id("a node value", true)?.text),
            },
            _ => {
                return self.error(
                    &token,
                    "a node value (a string, number, `true`, `false`, `null`, shape id, array or object)",
                )
            }
        };
        Ok(Node {
            value,
            pos: token.pos,
        })
    }

    /// `with [A, B]`, when present.
    fn mixins(&mut self) -> PResult<Vec<IdRef>> {
        if !self.is_word("with") {
            return Ok(Vec::new());
        }
        self.next();
        self.expect(TokenKind::LBracket, "`[` after `with`")?;
        let mut mixins = Vec::new();
        while !self.is(&TokenKind::RBracket) {
            mixins.push(self.shape_id("a mixin shape id or `]` to close the mixin list", false)?);
        }
        self.next();
        if mixins.is_empty() {
            return self.error(self.peek(), "at least one mixin in `with [...]`");
        }
        Ok(mixins)
    }

    /// A shape statement; inline operation input and output add more shapes to `out`.
    fn shape_statement(&mut self, out: &mut Vec<ShapeDef>) -> PResult<()> {
        let docs = self.peek().docs.clone();
        let traits = self.trait_statements()?;
        let keyword = self.peek().clone();
        let kind =
            match &keyword.kind {
                TokenKind::Id(word)
                    if SIMPLE_TYPES.contains(&word.as_str())
                        || AGGREGATE_TYPES.contains(&word.as_str()) =>
                {
                    word.clone()
                }
                _ if !traits.is_empty() => {
                    return self.error(&keyword, "a shape definition after its traits")
                }
                _ => return self.error(
                    &keyword,
                    "a shape definition (a shape type such as `structure` or `string`) or `apply`",
                ),
            };
        self.next();
        let (name, pos) = self.identifier(&format!("a shape name after `{kind}`"))?;
        let for_resource = if kind == "structure" && self.is_word("for") {
            self.next();
            Some(self.shape_id("a resource shape id after `for`", false)?)
        } else {
            None
        };
        let mixins = self.mixins()?;
        let body = match kind.as_str() {
            k if SIMPLE_TYPES.contains(&k) => Body::None,
            "service" | "resource" => {
                if !self.is(&TokenKind::LBrace) {
                    return self.error(self.peek(), &format!("`{{` to open the {kind} body"));
                }
                let body = self.node_value(0)?;
                match body.value {
                    NodeValue::Object(entries) => Body::Properties(entries),
                    _ => Body::Properties(Vec::new()),
                }
            }
            "operation" => self.operation_body(&name, out)?,
            _ => Body::Members(self.members(&kind)?),
        };
        out.push(ShapeDef {
            kind,
            name,
            pos,
            docs,
            traits,
            mixins,
            for_resource,
            body,
        });
        Ok(())
    }

    /// `{ members }` of a structure, union, enum, intEnum, list, set or map.
    fn members(&mut self, kind: &str) -> PResult<Vec<MemberDef>> {
        let body_name = kind;
        self.expect(
            TokenKind::LBrace,
            &format!("`{{` to open the {body_name} body"),
        )?;
        let mut members: Vec<MemberDef> = Vec::new();
        loop {
            if self.is(&TokenKind::RBrace) {
                self.next();
                return Ok(members);
            }
            if self.is(&TokenKind::Eof) {
                return self.error(self.peek(), &format!("`}}` to close the {body_name} body"));
            }
            let member = self.member(kind)?;
            if let Some(first) = members
                .iter()
                .find(|m| m.name.eq_ignore_ascii_case(&member.name))
            {
                return Err(SyntaxError {
                    pos: member.pos,
                    message: format!(
                        "the member `{}` conflicts with the member `{}` defined at {}:{} (member names must be unique, ignoring case)",
                        member.name, first.name, first.pos.0, first.pos.1
                    ),
                });
            }
            members.push(member);
        }
    }

    /// One member, with its traits and documentation.
    fn member(&mut self, kind: &str) -> PResult<MemberDef> {
        let docs = self.peek().docs.clone();
        let traits = self.trait_statements()?;
        let start = self.peek().clone();
        let is_enum = kind == "enum" || kind == "intEnum";
        let (name, pos, target) = if is_enum {
            let (name, pos) = self.identifier(&format!(
                "an enum member name or `}}` to close the {kind} body"
            ))?;
            (name, pos, None)
        } else if start.kind == TokenKind::Dollar {
            self.next();
            let name_token = self.peek().clone();
            if name_token.start != start.end {
                return self.error(&name_token, "a member name right after `$`");
            }
            let (name, _) = self.identifier("a member name after `$`")?;
            (name, start.pos, None)
        } else {
            let what = if traits.is_empty() {
                format!("a member name or `}}` to close the {kind} body")
            } else {
                "a member name after its traits".to_owned()
            };
            let (name, pos) = self.identifier(&what)?;
            self.expect(
                TokenKind::Colon,
                &format!("`:` after the member name `{name}`"),
            )?;
            let target = self.shape_id(
                &format!("the target shape id of the member `{name}`"),
                false,
            )?;
            (name, pos, Some(target))
        };
        match kind {
            "list" | "set" if name != "member" => {
                return Err(SyntaxError {
                    pos,
                    message: format!("expected `member` in the {kind} body, found `{name}`"),
                })
            }
            "map" if name != "key" && name != "value" => {
                return Err(SyntaxError {
                    pos,
                    message: format!("expected `key` or `value` in the map body, found `{name}`"),
                })
            }
            _ => {}
        }
        let value = if self.is(&TokenKind::Equals) {
            let equals = self.next();
            if !matches!(kind, "structure" | "enum" | "intEnum") {
                return Err(SyntaxError {
                    pos: equals.pos,
                    message: format!(
                        "`=` (a default value) is only allowed on structure and enum members, not in a {kind}"
                    ),
                });
            }
            Some(self.node_value(0)?)
        } else {
            None
        };
        Ok(MemberDef {
            name,
            pos,
            target,
            traits,
            docs,
            value,
        })
    }

    /// `{ input ... output ... errors ... }`; inline structures are added to `out`.
    fn operation_body(&mut self, operation: &str, out: &mut Vec<ShapeDef>) -> PResult<Body> {
        self.expect(TokenKind::LBrace, "`{` to open the operation body")?;
        let (mut input, mut output, mut errors) = (None, None, None);
        loop {
            let token = self.peek().clone();
            let word = match &token.kind {
                TokenKind::RBrace => {
                    self.next();
                    break;
                }
                TokenKind::Id(word) if matches!(word.as_str(), "input" | "output" | "errors") => {
                    word.clone()
                }
                _ => {
                    return self.error(
                        &token,
                        "`input`, `output`, `errors` or `}` to close the operation body",
                    )
                }
            };
            self.next();
            let already = match word.as_str() {
                "input" => input.is_some(),
                "output" => output.is_some(),
                _ => errors.is_some(),
            };
            if already {
                return Err(SyntaxError {
                    pos: token.pos,
                    message: format!("the operation `{operation}` defines `{word}` twice"),
                });
            }
            if word == "errors" {
                self.expect(TokenKind::Colon, "`:` after `errors`")?;
                self.expect(TokenKind::LBracket, "`[` after `errors:`")?;
                let mut list = Vec::new();
                while !self.is(&TokenKind::RBracket) {
                    list.push(
                        self.shape_id("an error shape id or `]` to close the errors list", false)?,
                    );
                }
                self.next();
                errors = Some(list);
                continue;
            }
            let io = if self.is(&TokenKind::Walrus) {
                self.next();
                let suffix = if word == "input" {
                    self.input_suffix.clone()
                } else {
                    self.output_suffix.clone()
                };
                let name = format!("{operation}{suffix}");
                let docs = self.peek().docs.clone();
                let mut traits = self.trait_statements()?;
                traits.push(TraitApp {
                    name: IdRef {
                        text: format!("smithy.api#{word}"),
                        pos: token.pos,
                    },
                    value: Node::empty_object(token.pos),
                });
                // `:= [traits] [for Resource] [with [mixins]] { members }`
                let for_resource = if self.is_word("for") {
                    self.next();
                    Some(self.shape_id("a resource shape id after `for`", false)?)
                } else {
                    None
                };
                let mixins = self.mixins()?;
                let members = self.members("structure")?;
                let namespace = self.namespace.clone().unwrap_or_default();
                out.push(ShapeDef {
                    kind: "structure".to_owned(),
                    name: name.clone(),
                    pos: token.pos,
                    docs,
                    traits,
                    mixins,
                    for_resource,
                    body: Body::Members(members),
                });
                IoRef {
                    target: IdRef {
                        text: format!("{namespace}#{name}"),
                        pos: token.pos,
                    },
                }
            } else {
                self.expect(TokenKind::Colon, &format!("`:` or `:=` after `{word}`"))?;
                IoRef {
                    target: self.shape_id(&format!("the {word} shape id"), false)?,
                }
            };
            if word == "input" {
                input = Some(io);
            } else {
                output = Some(io);
            }
        }
        Ok(Body::Operation {
            input,
            output,
            errors: errors.unwrap_or_default(),
        })
    }
}

/// Accepts IDL 2.x versions (`2`, `2.0`, `2.1`, ...).
fn check_version(version: &str) -> Result<(), String> {
    let (major, minor) = match version.split_once('.') {
        Some((major, minor)) => (major, Some(minor)),
        None => (version, None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(major) || !minor.is_none_or(digits) {
        return Err(format!(
            "`$version` must be a version number such as \"2.0\", found \"{version}\""
        ));
    }
    match major.trim_start_matches('0') {
        "2" => Ok(()),
        "1" | "" => Err(format!(
            "this file is Smithy IDL {version}, but only IDL 2.0 is supported (see https://smithy.io/2.0/guides/model-translations/migrating-idl-1-to-2.html)"
        )),
        _ => Err(format!(
            "unsupported Smithy IDL version \"{version}\": only IDL 2.0 is supported"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> IdlFile {
        match parse(text) {
            Ok(file) => file,
            Err(err) => panic!("{}:{}: {}", err.pos.0, err.pos.1, err.message),
        }
    }

    fn parse_err(text: &str) -> SyntaxError {
        match parse(text) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(err) => err,
        }
    }

    #[test]
    fn sections_in_order() {
        let file = parse_ok(
            "$version: \"2.0\"\n$unknown: [1]\nmetadata a = 1\nmetadata \"b\" = [x]\nnamespace a.b\nuse c.d#E\nstring S\napply S @sensitive\n",
        );
        assert_eq!(file.metadata.len(), 2);
        assert_eq!(file.namespace.as_ref().map(|n| n.0.as_str()), Some("a.b"));
        assert_eq!(file.uses[0].text, "c.d#E");
        assert_eq!(file.shapes[0].name, "S");
        assert_eq!(file.applies[0].target.text, "S");
    }

    #[test]
    fn versions() {
        parse_ok("$version: \"2\"\n");
        parse_ok("$version: \"2.0\"\n");
        let err = parse_err("$version: \"1.0\"\n");
        assert_eq!(err.pos, (1, 11));
        assert!(
            err.message.contains("only IDL 2.0 is supported"),
            "{}",
            err.message
        );
        assert!(parse_err("$version: 2\n")
            .message
            .contains("expected a string"));
        assert!(parse_err("$version: \"x\"\n")
            .message
            .contains("version number"));
        assert!(parse_err("$version: \"2\"\n$version: \"2\"\n")
            .message
            .contains("only one"));
    }

    #[test]
    fn misordered_statements_are_errors() {
        let err = parse_err("namespace a\nmetadata x = 1\n");
        assert_eq!(err.pos, (2, 1));
        assert!(err
            .message
            .contains("metadata statements must come before the namespace"));
        let err = parse_err("namespace a\nstring S\nuse b#C\n");
        assert!(err.message.contains("use statements"), "{}", err.message);
        let err = parse_err("string S\n");
        assert_eq!(
            err.message,
            "expected a `namespace` statement before the first shape, found `string`"
        );
        assert!(parse_err("namespace a\nnamespace b\n")
            .message
            .contains("only one namespace"));
        let err = parse_err("use a#B\n");
        assert_eq!(
            err.message,
            "expected a `namespace` statement before `use`, found `use`"
        );
        let err = parse_err("$version: \"2\"\napply a#B @sensitive\n");
        assert_eq!(err.pos, (2, 1));
        assert!(err.message.contains("before `apply`"), "{}", err.message);
        let err = parse_err("namespace a\nstring A string B\n");
        assert_eq!(err.pos, (2, 10));
        assert!(
            err.message.starts_with("expected a line break"),
            "{}",
            err.message
        );
    }

    #[test]
    fn syntax_errors_name_expected_and_found() {
        let err = parse_err("namespace a\nstructure S {\n  a: String\n");
        assert_eq!(err.pos, (4, 1));
        assert_eq!(
            err.message,
            "expected `}` to close the structure body, found end of file"
        );
        let err = parse_err("namespace a\nuse {\n");
        assert_eq!(err.pos, (2, 5));
        assert_eq!(err.message, "expected a shape id after `use`, found `{`");
        let err = parse_err("namespace a\nstructure S { a String }\n");
        assert_eq!(
            err.message,
            "expected `:` after the member name `a`, found `String`"
        );
        let err = parse_err("namespace a\n@foo\n");
        assert_eq!(
            err.message,
            "expected a shape definition after its traits, found end of file"
        );
        let err = parse_err("namespace a\nstrucure S {}\n");
        assert!(err.message.contains("found `strucure`"), "{}", err.message);
        let err = parse_err("namespace a\n@foo(a: 1\n");
        assert!(
            err.message.contains("`)` to close the value of `@foo`"),
            "{}",
            err.message
        );
        let err = parse_err("namespace a\nstructure S { a: String, A: Integer }\n");
        assert!(
            err.message.contains("conflicts with the member `a`"),
            "{}",
            err.message
        );
        let err = parse_err("namespace a\nlist L { item: String }\n");
        assert!(
            err.message.contains("expected `member` in the list body"),
            "{}",
            err.message
        );
        let err = parse_err("namespace a\nunion U { a: String = \"x\" }\n");
        assert!(err
            .message
            .contains("only allowed on structure and enum members"));
        let err = parse_err("namespace a\n@foo (1)\nstring S\n");
        assert!(err.message.contains("shape definition"), "{}", err.message);
    }

    #[test]
    fn traits_forms() {
        let file = parse_ok(
            "namespace a\n@required @foo() @bar(1) @baz(a: 1, \"b\": [x]) @qux(\"s\") @obj({k: v})\nstring S\n",
        );
        let traits = &file.shapes[0].traits;
        let empty = NodeValue::Object(Vec::new());
        assert_eq!(traits[0].value.value, empty);
        assert_eq!(traits[1].value.value, empty);
        assert!(matches!(traits[2].value.value, NodeValue::Number(..)));
        match &traits[3].value.value {
            NodeValue::Object(entries) => {
                assert_eq!(entries.len(), 2);
                assert_eq!(entries[1].0, "b");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(traits[4].value.value, NodeValue::Str("s".into()));
        assert!(matches!(traits[5].value.value, NodeValue::Object(_)));
    }

    #[test]
    fn doc_comments_apply_only_before_traits() {
        let file = parse_ok(
            "namespace a\n/// Shape docs\n@deprecated\n/// ignored\nstring S\nstructure T {\n  /// Member docs\n  @required\n  m: String\n}\n",
        );
        assert_eq!(file.shapes[0].docs.as_deref(), Some("Shape docs"));
        match &file.shapes[1].body {
            Body::Members(members) => assert_eq!(members[0].docs.as_deref(), Some("Member docs")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inline_operation_io_uses_suffixes() {
        let file = parse_ok(
            "$version: \"2\"\n$operationInputSuffix: \"Request\"\nnamespace a\noperation Op {\n  input := @foo with [M] { a: String }\n  output := {}\n  errors: [E1, b#E2]\n}\n",
        );
        let names: Vec<&str> = file.shapes.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["OpRequest", "OpOutput", "Op"]);
        let input = &file.shapes[0];
        let trait_names: Vec<&str> = input.traits.iter().map(|t| t.name.text.as_str()).collect();
        assert_eq!(trait_names, ["foo", "smithy.api#input"]);
        assert_eq!(input.mixins[0].text, "M");
        match &file.shapes[2].body {
            Body::Operation {
                input,
                output,
                errors,
            } => {
                assert_eq!(input.as_ref().unwrap().target.text, "a#OpRequest");
                assert_eq!(output.as_ref().unwrap().target.text, "a#OpOutput");
                assert_eq!(errors.len(), 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn elided_members_and_values() {
        let file = parse_ok(
            "namespace a\nstructure S for R with [M] { $id\n @required $other, b: Integer = 1 }\nenum E { A, B = \"b\" }\n",
        );
        let shape = &file.shapes[0];
        assert_eq!(shape.for_resource.as_ref().unwrap().text, "R");
        match &shape.body {
            Body::Members(members) => {
                assert!(members[0].target.is_none());
                assert_eq!(members[1].name, "other");
                assert_eq!(members[1].traits.len(), 1);
                assert!(members[2].value.is_some());
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_err("namespace a\nstructure S { $ id }\n")
            .message
            .contains("right after `$`"));
    }

    #[test]
    fn node_depth_is_limited() {
        let deep = format!("metadata x = {}{}\n", "[".repeat(100), "]".repeat(100));
        let err = parse_err(&deep);
        assert!(
            err.message.contains("nested more than 64"),
            "{}",
            err.message
        );
        let ok = format!("metadata x = {}{}\n", "[".repeat(60), "]".repeat(60));
        parse_ok(&ok);
    }

    #[test]
    fn duplicate_object_keys_are_errors() {
        let err = parse_err("metadata x = {a: 1, a: 2}\n");
        assert_eq!(err.pos, (1, 21));
        assert!(err.message.contains("appears twice"));
    }
}
