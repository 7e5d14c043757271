//! `pattern` constraints compiled at generation time into a small automaton, so that the
//! generated crate checks them with a few table lookups per character instead of a regex
//! engine (no dependency, no compilation at run time, no allocation per check).
//!
//! The supported part of ECMA-262 covers the patterns of AWS models: literals and escapes,
//! `.`, classes (`[a-z]`, `[^...]`, `\d \w \s` and their negations), groups, alternation,
//! and the quantifiers `* + ? {n} {n,} {n,m}` (greedy or lazy: whether a match exists does not
//! depend on it), with `^` and `$` at the start and end of the top-level alternatives.
//! Anything else (look-around, back-references, word boundaries, anchors inside groups, or
//! an automaton of more than 128 positions) returns `None`, and the crate falls back to the
//! `regress` engine for that pattern.
//!
//! The automaton is the position (Glushkov) automaton of the pattern: one state per
//! character-matching position, `first` holding the states that can match the first
//! character, `follow[p]` the states that can come after `p`. Sets of states are `u128`
//! bit masks. A pattern that is not anchored at the start gets one extra state that matches
//! any character and loops, so that a match may begin anywhere; one not anchored at the end
//! matches as soon as one of its last positions is reached.

/// The most positions an automaton may have (the width of the `u128` masks).
pub const MAX_STATES: usize = 128;

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternProgram {
    /// The distinct character classes, each as sorted inclusive ranges.
    pub classes: Vec<Vec<(char, char)>>,
    /// Per class, its ASCII members as a bitmap (bit `c` for character `c`), so that ASCII
    /// values are checked without looking at ranges.
    pub ascii: Vec<u128>,
    /// Per state, the index of the class it matches.
    pub state_class: Vec<u8>,
    /// States that may match the first character.
    pub first: u128,
    /// Per state, the states that may match the next character.
    pub follow: Vec<u128>,
    /// Reaching one of these states is a match (alternatives without `$`).
    pub accept_anywhere: u128,
    /// Ending the input in one of these states is a match (alternatives with `$`).
    pub accept_at_end: u128,
    /// The empty input matches (an alternative `^...$` that can match nothing).
    pub empty_matches: bool,
    /// Every input matches (an alternative that can match nothing, and is not held to both
    /// ends).
    pub always_matches: bool,
}

/// Compiles an ECMA-262 pattern, or `None` when it uses something outside the supported part.
pub fn compile(source: &str) -> Option<PatternProgram> {
    let mut parser = Parser {
        chars: source.chars().collect(),
        at: 0,
        depth: 0,
    };
    let alternatives = parser.top_level()?;
    let mut builder = Builder::default();
    let mut program = PatternProgram {
        classes: Vec::new(),
        ascii: Vec::new(),
        state_class: Vec::new(),
        first: 0,
        follow: Vec::new(),
        accept_anywhere: 0,
        accept_at_end: 0,
        empty_matches: false,
        always_matches: false,
    };
    let mut unanchored_first = 0u128;
    let mut any_unanchored_start = false;
    for alternative in alternatives {
        let sets = builder.node(&alternative.body)?;
        program.first |= sets.first;
        if !alternative.start {
            any_unanchored_start = true;
            unanchored_first |= sets.first;
        }
        if alternative.end {
            program.accept_at_end |= sets.last;
        } else {
            program.accept_anywhere |= sets.last;
        }
        if sets.nullable {
            if alternative.start && alternative.end {
                program.empty_matches = true;
            } else {
                program.always_matches = true;
            }
        }
    }
    if any_unanchored_start {
        // A state matching any character that loops on itself: the match may start later.
        let lead = builder.state(vec![('\0', char::MAX)])?;
        program.first |= 1 << lead;
        builder.follow[lead] |= (1 << lead) | unanchored_first;
    }
    program.follow = builder.follow;
    for class in builder.classes {
        let index = match program.classes.iter().position(|c| *c == class) {
            Some(index) => index,
            None => {
                program.ascii.push(ascii_bitmap(&class));
                program.classes.push(class);
                program.classes.len() - 1
            }
        };
        program.state_class.push(u8::try_from(index).ok()?);
    }
    Some(program)
}

/// One top-level alternative: its anchors and its body.
struct Alternative {
    start: bool,
    end: bool,
    body: Node,
}

/// The syntax tree of the supported part.
#[derive(Clone)]
enum Node {
    /// One character from the set.
    Class(Vec<(char, char)>),
    /// One after the other.
    Concat(Vec<Node>),
    /// One of.
    Alternation(Vec<Node>),
    /// `min` to `max` (unbounded when `None`) repetitions.
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
    /// Zero or more, looping on one copy of the positions.
    Star(Box<Node>),
    /// One or more, looping on one copy of the positions.
    Plus(Box<Node>),
    /// Zero or one.
    Optional(Box<Node>),
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn top_level(&mut self) -> Option<Vec<Alternative>> {
        let mut alternatives = Vec::new();
        loop {
            let start = self.eat('^');
            let mut items = Vec::new();
            let mut end = false;
            while let Some(c) = self.peek() {
                if c == '|' {
                    break;
                }
                if c == '$' {
                    self.at += 1;
                    end = true;
                    // `$` must close the alternative.
                    if !matches!(self.peek(), None | Some('|')) {
                        return None;
                    }
                    break;
                }
                items.push(self.item()?);
            }
            alternatives.push(Alternative {
                start,
                end,
                body: Node::Concat(items),
            });
            if !self.eat('|') {
                break;
            }
        }
        (self.at == self.chars.len()).then_some(alternatives)
    }

    /// `a|b|...` inside a group.
    fn alternation(&mut self) -> Option<Node> {
        self.depth += 1;
        if self.depth > 32 {
            return None;
        }
        let mut branches = Vec::new();
        loop {
            let mut items = Vec::new();
            while let Some(c) = self.peek() {
                if c == '|' || c == ')' {
                    break;
                }
                items.push(self.item()?);
            }
            branches.push(Node::Concat(items));
            if !self.eat('|') {
                break;
            }
        }
        self.depth -= 1;
        Some(Node::Alternation(branches))
    }

    fn item(&mut self) -> Option<Node> {
        let atom = self.atom()?;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => return self.counted(atom),
            _ => return Some(atom),
        };
        self.at += 1;
        self.eat('?'); // lazy: the same set of matches
        Some(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
        })
    }

    fn counted(&mut self, atom: Node) -> Option<Node> {
        self.at += 1; // `{`
        let min = self.number()?;
        let max = if self.eat(',') {
            if self.peek() == Some('}') {
                None
            } else {
                Some(self.number()?)
            }
        } else {
            Some(min)
        };
        if !self.eat('}') || max.is_some_and(|max| max < min) {
            return None;
        }
        self.eat('?');
        Some(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
        })
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let digits: String = self.chars.get(start..self.at)?.iter().collect();
        digits.parse().ok().filter(|n| *n <= 1000)
    }

    fn atom(&mut self) -> Option<Node> {
        let c = self.peek()?;
        self.at += 1;
        match c {
            '(' => {
                if self.eat('?') && !self.eat(':') {
                    return None; // look-around or named groups
                }
                let inner = self.alternation()?;
                self.eat(')').then_some(inner)
            }
            '[' => self.class().map(Node::Class),
            '.' => Some(Node::Class(negate(&[
                ('\n', '\n'),
                ('\r', '\r'),
                ('\u{2028}', '\u{2029}'),
            ]))),
            '\\' => self.escape(false).map(Node::Class),
            '^' | '$' | ')' | '*' | '+' | '?' | '{' | '}' | ']' | '|' => None,
            c => Some(Node::Class(vec![(c, c)])),
        }
    }

    /// After a `\`: the set of characters the escape stands for.
    fn escape(&mut self, in_class: bool) -> Option<Vec<(char, char)>> {
        let c = self.peek()?;
        self.at += 1;
        let single = |c: char| Some(vec![(c, c)]);
        match c {
            'd' => Some(DIGIT.to_vec()),
            'D' => Some(negate(DIGIT)),
            'w' => Some(WORD.to_vec()),
            'W' => Some(negate(WORD)),
            's' => Some(SPACE.to_vec()),
            'S' => Some(negate(SPACE)),
            't' => single('\t'),
            'n' => single('\n'),
            'r' => single('\r'),
            'v' => single('\u{b}'),
            'f' => single('\u{c}'),
            'b' if in_class => single('\u{8}'),
            '0' if !self.peek().is_some_and(|c| c.is_ascii_digit()) => single('\0'),
            'u' => self.hex(4).and_then(single),
            'x' => self.hex(2).and_then(single),
            // Identity escapes of syntax characters (and `/`, `-`).
            c if !c.is_ascii_alphanumeric() && c != '_' => single(c),
            _ => None, // \b, back-references, \c, \p, ...
        }
    }

    fn hex(&mut self, digits: usize) -> Option<char> {
        let text: String = self.chars.get(self.at..self.at + digits)?.iter().collect();
        let value = u32::from_str_radix(&text, 16).ok()?;
        self.at += digits;
        // A lone surrogate is not a Rust `char`: such a pattern falls back to regress.
        char::from_u32(value)
    }

    /// After `[`: a class, negated with `^`.
    fn class(&mut self) -> Option<Vec<(char, char)>> {
        let negated = self.eat('^');
        let mut ranges = Vec::new();
        loop {
            let c = self.peek()?;
            if c == ']' {
                self.at += 1;
                break;
            }
            let low = self.class_atom()?;
            if self.peek() == Some('-') && self.chars.get(self.at + 1) != Some(&']') {
                self.at += 1;
                let high = self.class_atom()?;
                match (low.as_slice(), high.as_slice()) {
                    ([(a, a2)], [(b, b2)]) if a == a2 && b == b2 && a <= b => ranges.push((*a, *b)),
                    _ => return None, // a range of a class, or out of order
                }
            } else {
                ranges.extend(low);
            }
        }
        let ranges = normalize(ranges);
        Some(if negated { negate(&ranges) } else { ranges })
    }

    fn class_atom(&mut self) -> Option<Vec<(char, char)>> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\\' {
            self.escape(true)
        } else {
            Some(vec![(c, c)])
        }
    }
}

const DIGIT: &[(char, char)] = &[('0', '9')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
/// ECMA-262 white space and line terminators.
const SPACE: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{feff}', '\u{feff}'),
];

/// The ASCII members of a class as a bitmap.
fn ascii_bitmap(ranges: &[(char, char)]) -> u128 {
    (0u8..128)
        .filter(|&b| {
            ranges
                .iter()
                .any(|&(lo, hi)| lo <= char::from(b) && char::from(b) <= hi)
        })
        .fold(0, |bits, b| bits | 1 << b)
}

/// Sorted, merged ranges.
fn normalize(mut ranges: Vec<(char, char)>) -> Vec<(char, char)> {
    ranges.sort();
    let mut merged: Vec<(char, char)> = Vec::new();
    for (lo, hi) in ranges {
        match merged.last_mut() {
            Some(last) if (lo as u32) <= (last.1 as u32).saturating_add(1) => {
                if hi > last.1 {
                    last.1 = hi;
                }
            }
            _ => merged.push((lo, hi)),
        }
    }
    merged
}

/// Every character not in `ranges` (which must be sorted and merged).
fn negate(ranges: &[(char, char)]) -> Vec<(char, char)> {
    let ranges = normalize(ranges.to_vec());
    let mut result = Vec::new();
    let mut next: u32 = 0;
    for (lo, hi) in ranges {
        if (lo as u32) > next {
            push_chars(&mut result, next, lo as u32 - 1);
        }
        next = hi as u32 + 1;
    }
    if next <= char::MAX as u32 {
        push_chars(&mut result, next, char::MAX as u32);
    }
    result
}

/// Adds `lo..=hi` as char ranges, skipping the surrogate gap.
fn push_chars(out: &mut Vec<(char, char)>, lo: u32, hi: u32) {
    for (a, b) in [(lo, hi.min(0xd7ff)), (lo.max(0xe000), hi)] {
        if let (Some(a), Some(b)) = (char::from_u32(a), char::from_u32(b)) {
            if a <= b {
                out.push((a, b));
            }
        }
    }
}

/// First, last and nullable of a sub-pattern.
struct Sets {
    nullable: bool,
    first: u128,
    last: u128,
}

#[derive(Default)]
struct Builder {
    classes: Vec<Vec<(char, char)>>,
    follow: Vec<u128>,
}

impl Builder {
    fn state(&mut self, class: Vec<(char, char)>) -> Option<usize> {
        if self.classes.len() >= MAX_STATES {
            return None;
        }
        self.classes.push(class);
        self.follow.push(0);
        Some(self.classes.len() - 1)
    }

    fn link(&mut self, from: u128, to: u128) {
        let mut rest = from;
        while rest != 0 {
            let state = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            self.follow[state] |= to;
        }
    }

    fn node(&mut self, node: &Node) -> Option<Sets> {
        match node {
            Node::Class(class) => {
                let state = self.state(class.clone())?;
                Some(Sets {
                    nullable: false,
                    first: 1 << state,
                    last: 1 << state,
                })
            }
            Node::Concat(items) => {
                let mut sets = Sets {
                    nullable: true,
                    first: 0,
                    last: 0,
                };
                for item in items {
                    let next = self.node(item)?;
                    self.link(sets.last, next.first);
                    if sets.nullable {
                        sets.first |= next.first;
                    }
                    sets.last = if next.nullable {
                        sets.last | next.last
                    } else {
                        next.last
                    };
                    sets.nullable &= next.nullable;
                }
                Some(sets)
            }
            Node::Alternation(branches) => {
                let mut sets = Sets {
                    nullable: false,
                    first: 0,
                    last: 0,
                };
                for branch in branches {
                    let next = self.node(branch)?;
                    sets.nullable |= next.nullable;
                    sets.first |= next.first;
                    sets.last |= next.last;
                }
                Some(sets)
            }
            Node::Repeat { node, min, max } => {
                // `min` required copies, then a looping copy (unbounded) or `max - min`
                // optional ones; each copy gets fresh positions.
                let mut parts: Vec<Node> = (0..*min).map(|_| (**node).clone()).collect();
                match max {
                    // `x{n,}` is `x{n-1}x+`: the last required copy loops.
                    None if *min > 0 => {
                        parts.pop();
                        parts.push(Node::Plus(node.clone()));
                    }
                    None => parts.push(Node::Star(node.clone())),
                    Some(max) => parts.extend((*min..*max).map(|_| Node::Optional(node.clone()))),
                }
                self.node(&Node::Concat(parts))
            }
            Node::Star(node) => {
                let inner = self.node(node)?;
                self.link(inner.last, inner.first);
                Some(Sets {
                    nullable: true,
                    ..inner
                })
            }
            Node::Plus(node) => {
                let inner = self.node(node)?;
                self.link(inner.last, inner.first);
                Some(inner)
            }
            Node::Optional(node) => {
                let inner = self.node(node)?;
                Some(Sets {
                    nullable: true,
                    ..inner
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsupported_syntax_falls_back() {
        for pattern in [
            r"(?=a)b", r"(a)\1", r"\bword", "a(^b)", "^a$b", "[z-a]", "a{2,1}", "(a",
        ] {
            assert!(compile(pattern).is_none(), "{pattern}");
        }
        // Too many positions for the masks.
        assert!(compile("^a{200}$").is_none());
        // `{0}` is supported (it matches the empty string; see tests/pattern_engine.rs).
        assert!(compile("^ab{0}$").is_some());
    }
}
