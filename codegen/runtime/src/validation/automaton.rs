//! The automaton walkers. The generator compiles a pattern into a position automaton (one
//! state per position that matches a character, sets of states as bit masks) and writes it
//! out as a static table; checking a value walks the table once over its characters. For
//! ASCII values the generator also writes the automaton determinized, so that each byte
//! costs two lookups.

/// A pattern's position automaton, written out by the generator: one state per
/// position that matches a character, sets of states as bit masks.
pub struct Automaton {
    /// The distinct character classes (inclusive ranges).
    pub classes: &'static [&'static [(char, char)]],
    /// Per class, its ASCII members as a bitmap (bit `c` for character `c`).
    pub ascii: &'static [u128],
    /// Per state, the index of the class it matches.
    pub state_class: &'static [u8],
    /// The states that may match the first character.
    pub first: u128,
    /// Per state, the states that may match the next character.
    pub follow: &'static [u128],
    /// Reaching one of these states is a match.
    pub accept_anywhere: u128,
    /// Ending the value in one of these states is a match.
    pub accept_at_end: u128,
    /// Whether the empty value matches.
    pub empty_matches: bool,
    /// Whether every value matches.
    pub always_matches: bool,
}

impl Automaton {
    /// Walks the value once, keeping the set of states reached: over bytes with the
    /// ASCII bitmaps when the value is ASCII, over characters and ranges otherwise.
    pub fn is_match(&self, value: &str) -> bool {
        if self.always_matches {
            return true;
        }
        if value.is_empty() {
            return self.empty_matches;
        }
        if value.is_ascii() {
            self.walk(value.bytes(), |class, byte| {
                self.ascii_accepts(class, byte.into())
            })
        } else {
            self.walk(value.chars(), |class, c| {
                self.classes
                    .get(class)
                    .is_some_and(|ranges| ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi))
            })
        }
    }

    fn walk<T: Copy>(
        &self,
        items: impl Iterator<Item = T>,
        accepts: impl Fn(usize, T) -> bool,
    ) -> bool {
        let mut active: u128 = 0;
        let mut candidates = self.first;
        for item in items {
            active = self.taking(candidates, item, &accepts);
            if active & self.accept_anywhere != 0 {
                return true;
            }
            if active == 0 {
                return false;
            }
            candidates = self.after(active);
        }
        active & self.accept_at_end != 0
    }

    /// The states among `candidates` whose class takes `item`.
    fn taking<T: Copy>(
        &self,
        candidates: u128,
        item: T,
        accepts: &impl Fn(usize, T) -> bool,
    ) -> u128 {
        let mut active: u128 = 0;
        let mut each = candidates;
        while each != 0 {
            let state = each.trailing_zeros() as usize;
            each &= each - 1;
            let class = self
                .state_class
                .get(state)
                .map_or(usize::MAX, |&class| usize::from(class));
            if accepts(class, item) {
                active |= 1 << state;
            }
        }
        active
    }

    /// The states that may match the character after one matched by `active`.
    fn after(&self, active: u128) -> u128 {
        let mut next: u128 = 0;
        let mut rest = active;
        while rest != 0 {
            next |= self
                .follow
                .get(rest.trailing_zeros() as usize)
                .copied()
                .unwrap_or(0);
            rest &= rest - 1;
        }
        next
    }

    /// Whether class `class` holds the ASCII character `byte`.
    fn ascii_accepts(&self, class: usize, byte: u32) -> bool {
        self.ascii
            .get(class)
            .is_some_and(|bits| (bits >> byte) & 1 != 0)
    }
}

/// An [`Automaton`] determinized over ASCII by the generator, written out as a static
/// table: an ASCII value costs two lookups per byte, and nothing is built at run time.
/// Rows 0 to 2 are the start, "no match possible" and "matched already"; the last column
/// is the end of the value.
pub struct AsciiDfa {
    /// The column of each ASCII byte (bytes that every class treats alike share one).
    pub column: [u8; 128],
    /// How many columns there are, the end of the value's included.
    pub columns: usize,
    /// Per row, `columns` next rows.
    pub table: &'static [u8],
}

impl AsciiDfa {
    const START: usize = 0;
    const DEAD: usize = 1;
    const MATCHED: usize = 2;

    /// Whether the pattern matches `value`, or `None` when the value is not ASCII (the
    /// automaton's walk decides those values).
    pub fn is_match(&self, value: &str) -> Option<bool> {
        // A value with any other byte is the walk's. Deciding that first, a word at a
        // time, lets each byte below index the column table without a bounds check: the
        // index is masked to 0..128, which the compiler sees.
        if !value.is_ascii() {
            return None;
        }
        let mut row = Self::START;
        let mut offset = 0;
        for &byte in value.as_bytes() {
            let column = self
                .column
                .get(usize::from(byte & 0x7f))
                .map_or(0, |&column| usize::from(column));
            let next = self.next(offset + column);
            // A byte that keeps the row (the body of `[a-z]+`) changes nothing, so that
            // the lookups of a run of them need not wait for one another.
            if next != row {
                match next {
                    Self::DEAD => return Some(false),
                    Self::MATCHED => return Some(true),
                    _ => {}
                }
                row = next;
                offset = row * self.columns;
            }
        }
        Some(self.next(offset + self.columns.saturating_sub(1)) == Self::MATCHED)
    }

    /// The row at `index` of the table.
    fn next(&self, index: usize) -> usize {
        self.table
            .get(index)
            .map_or(Self::DEAD, |&next| usize::from(next))
    }
}
