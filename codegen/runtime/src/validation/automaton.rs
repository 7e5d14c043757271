//! The automaton walker. The generator compiles a pattern into a position automaton (one
//! state per position that matches a character, sets of states as bit masks) and writes it
//! out as a static table; checking a value walks the table once over its characters. For
//! ASCII values the automaton is determinized on first use, so each byte costs two lookups.

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

    /// The automaton determinized over ASCII: bytes that every class treats alike share
    /// a column, and each set of active states gets a row of next states, so an ASCII
    /// value costs two small lookups per byte. `None` when it would need more than 256
    /// states (the walk then does the work).
    pub(super) fn ascii_dfa(&self) -> Option<AsciiDfa> {
        // Column of each byte: the set of classes it belongs to, numbered in order.
        let mut signatures: Vec<u128> = Vec::new();
        let mut column = [0u8; 128];
        for (byte, slot) in (0u32..).zip(column.iter_mut()) {
            let signature = (0u32..)
                .zip(self.ascii.iter())
                .filter(|(_, bits)| (*bits >> byte) & 1 != 0)
                .fold(0u128, |set, (class, _)| {
                    set | 1u128.checked_shl(class).unwrap_or(0)
                });
            let index = match signatures.iter().position(|&known| known == signature) {
                Some(index) => index,
                None => {
                    signatures.push(signature);
                    signatures.len() - 1
                }
            };
            *slot = u8::try_from(index).ok()?;
        }
        let columns = signatures.len();
        // Rows 0 to 2 are the start, dead and matched states; every other row is a set of
        // active automaton states, in the order first reached.
        let mut sets: Vec<u128> = vec![0, 0, 0];
        let mut table = Vec::new();
        let mut at_end = vec![false, false, true];
        let mut row = 0;
        while row < sets.len() {
            if row == AsciiDfa::DEAD || row == AsciiDfa::MATCHED {
                table.extend(std::iter::repeat_n(row as u8, columns));
                row += 1;
                continue;
            }
            let candidates = if row == AsciiDfa::START {
                self.first
            } else {
                self.after(sets.get(row).copied().unwrap_or(0))
            };
            for representative in 0..columns {
                let byte = column
                    .iter()
                    .position(|&c| usize::from(c) == representative)
                    .unwrap_or(0) as u32;
                let active = self.taking(candidates, byte, &|class, byte| {
                    self.ascii_accepts(class, byte)
                });
                let next = if active & self.accept_anywhere != 0 {
                    AsciiDfa::MATCHED
                } else if active == 0 {
                    AsciiDfa::DEAD
                } else if let Some(known) = sets.iter().skip(3).position(|&set| set == active) {
                    known + 3
                } else {
                    if sets.len() >= 256 {
                        return None;
                    }
                    sets.push(active);
                    at_end.push(active & self.accept_at_end != 0);
                    sets.len() - 1
                };
                table.push(u8::try_from(next).ok()?);
            }
            row += 1;
        }
        Some(AsciiDfa {
            column,
            columns,
            table,
            at_end,
        })
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

/// An [`Automaton`] determinized over ASCII (see `Automaton::ascii_dfa`).
pub(super) struct AsciiDfa {
    /// The column of each ASCII byte.
    column: [u8; 128],
    /// How many columns there are.
    columns: usize,
    /// `columns` next states per state.
    table: Vec<u8>,
    /// Per state, whether ending the value there is a match.
    at_end: Vec<bool>,
}

impl AsciiDfa {
    const START: usize = 0;
    const DEAD: usize = 1;
    const MATCHED: usize = 2;

    /// Whether `automaton`, which this was built from, matches the ASCII `value`.
    pub(super) fn is_match(&self, automaton: &Automaton, value: &[u8]) -> bool {
        if automaton.always_matches {
            return true;
        }
        if value.is_empty() {
            return automaton.empty_matches;
        }
        let mut state = Self::START;
        for &byte in value {
            let column = self
                .column
                .get(usize::from(byte))
                .map_or(0, |&c| usize::from(c));
            state = self
                .table
                .get(state * self.columns + column)
                .map_or(Self::DEAD, |&next| usize::from(next));
            match state {
                Self::DEAD => return false,
                Self::MATCHED => return true,
                _ => {}
            }
        }
        self.at_end.get(state).copied().unwrap_or(false)
    }
}
