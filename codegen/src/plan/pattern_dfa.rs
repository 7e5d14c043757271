//! A compiled pattern determinized over ASCII at generation time, so that the generated
//! crate checks an ASCII value with two table lookups per byte, and builds nothing (and
//! takes no lock) when it runs.
//!
//! Bytes that every class of the automaton treats alike share a column, and one more
//! column, the last, stands for the end of the value. Each row is a set of active automaton
//! states, numbered in the order first reached; rows 0 to 2 are reserved for the start, "no
//! match possible" and "matched already" states, which need no set. A value matches when
//! its walk reaches "matched already", through its bytes or through the end column.

use super::pattern::PatternProgram;

/// The most rows a table may have (its entries are `u8`).
pub const MAX_ROWS: usize = 256;

/// A pattern's automaton determinized over ASCII.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsciiDfa {
    /// The column of each ASCII byte.
    pub column: [u8; 128],
    /// How many columns there are, the end of the value's included.
    pub columns: usize,
    /// Per row, `columns` next rows; the last is [`MATCHED`] when the value may end there,
    /// [`DEAD`] when it may not.
    pub table: Vec<u8>,
}

/// The row a value starts in.
pub const START: u8 = 0;
/// The row of values that can no longer match.
pub const DEAD: u8 = 1;
/// The row of values that already matched, whatever follows.
pub const MATCHED: u8 = 2;

/// Determinizes `program` over ASCII (its flags included: a pattern that matches every
/// value goes from the start straight to [`MATCHED`]), or `None` when the table would need more than
/// [`MAX_ROWS`] rows (the generated crate then walks the automaton).
pub fn determinize(program: &PatternProgram) -> Option<AsciiDfa> {
    let (column, representatives) = columns(program)?;
    let mut sets: Vec<u128> = vec![0, 0, 0];
    // Ending at the start is the empty value.
    let empty = program.empty_matches || program.always_matches;
    let mut at_end = vec![empty, false, true];
    let mut table = Vec::with_capacity((representatives.len() + 1) * 8);
    let mut row = 0;
    while row < sets.len() {
        if row == usize::from(DEAD) || row == usize::from(MATCHED) {
            table.extend(std::iter::repeat_n(row as u8, representatives.len() + 1));
            row += 1;
            continue;
        }
        let candidates = if row == usize::from(START) {
            program.first
        } else {
            follow_of(program, sets[row])
        };
        for &byte in &representatives {
            let active = taking(program, candidates, byte);
            let next = if active & program.accept_anywhere != 0
                || (row == usize::from(START) && program.always_matches)
            {
                usize::from(MATCHED)
            } else if active == 0 {
                usize::from(DEAD)
            } else if let Some(known) = sets.iter().skip(3).position(|&set| set == active) {
                known + 3
            } else {
                if sets.len() >= MAX_ROWS {
                    return None;
                }
                sets.push(active);
                at_end.push(active & program.accept_at_end != 0);
                sets.len() - 1
            };
            table.push(u8::try_from(next).ok()?);
        }
        table.push(if at_end[row] { MATCHED } else { DEAD });
        row += 1;
    }
    Some(AsciiDfa {
        column,
        columns: representatives.len() + 1,
        table,
    })
}

/// The column of each ASCII byte (bytes in the same classes share one, numbered in byte
/// order), and the first byte of each column.
fn columns(program: &PatternProgram) -> Option<([u8; 128], Vec<u8>)> {
    let mut signatures: Vec<Vec<bool>> = Vec::new();
    let mut representatives = Vec::new();
    let mut column = [0u8; 128];
    for (byte, slot) in (0u8..128).zip(column.iter_mut()) {
        let signature: Vec<bool> = program
            .ascii
            .iter()
            .map(|bits| bits >> byte & 1 != 0)
            .collect();
        let index = match signatures.iter().position(|known| *known == signature) {
            Some(index) => index,
            None => {
                signatures.push(signature);
                representatives.push(byte);
                signatures.len() - 1
            }
        };
        *slot = u8::try_from(index).ok()?;
    }
    Some((column, representatives))
}

/// The states among `candidates` whose class holds the ASCII `byte`.
fn taking(program: &PatternProgram, candidates: u128, byte: u8) -> u128 {
    states(candidates)
        .filter(|&state| {
            let class = usize::from(program.state_class[state]);
            program.ascii[class] >> byte & 1 != 0
        })
        .fold(0, |set, state| set | 1 << state)
}

/// The states that may match the character after one matched by a state of `active`.
fn follow_of(program: &PatternProgram, active: u128) -> u128 {
    states(active).fold(0, |set, state| set | program.follow[state])
}

/// The states of a set, lowest first.
fn states(mut set: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let state = set.trailing_zeros() as usize;
            set &= set - 1;
            state
        })
    })
}

#[cfg(test)]
mod tests {
    use super::determinize;
    use crate::plan::pattern::compile;

    #[test]
    fn an_anchored_pattern_gets_one_row_per_set_of_states() {
        let dfa = compile("^a[0-9]+$").and_then(|program| determinize(&program));
        let Some(dfa) = dfa else {
            panic!("`^a[0-9]+$` determinizes");
        };
        // Columns in byte order: bytes in no class, the digits, `a`; then the end.
        assert_eq!(dfa.columns, 4);
        assert_eq!((dfa.column[0], dfa.column[b'5' as usize]), (0, 1));
        assert_eq!(
            (dfa.column[b'a' as usize], dfa.column[b'b' as usize]),
            (2, 0)
        );
        // Row 3 has seen `a`, row 4 `a` and digits.
        #[rustfmt::skip]
        assert_eq!(dfa.table, [
            1, 1, 3, 1, // start
            1, 1, 1, 1, // dead
            2, 2, 2, 2, // matched
            1, 4, 1, 1, // after `a`
            1, 4, 1, 2, // after a digit
        ]);
    }

    #[test]
    fn a_pattern_not_anchored_at_the_end_matches_as_soon_as_it_is_reached() {
        let dfa = compile("^ab").and_then(|program| determinize(&program));
        let Some(dfa) = dfa else {
            panic!("`^ab` determinizes");
        };
        // Columns: other bytes, `a`, `b`, the end; after `a` then `b` comes the matched row.
        assert_eq!(dfa.table[12..], [1, 1, 2, 1]);
    }

    #[test]
    fn a_table_that_would_grow_past_its_rows_is_left_to_the_walk() {
        // The ninth character from the end must be `a`: one row per window of nine.
        let program = compile("a[ab]{8}$");
        assert!(program.is_some_and(|program| determinize(&program).is_none()));
        assert!(compile("a[ab]{6}$").is_some_and(|program| determinize(&program).is_some()));
    }

    #[test]
    fn the_empty_value_and_patterns_that_match_anything_are_decided_at_the_start() {
        let table = |source: &str| {
            compile(source)
                .and_then(|program| determinize(&program))
                .map(|dfa| dfa.table[..dfa.columns].to_vec())
        };
        // `x*` matches every value, the empty one included.
        assert_eq!(table("x*"), Some(vec![2, 2, 2]));
        // `^$` matches the empty value only.
        assert_eq!(table("^$"), Some(vec![1, 2]));
        // `^x` needs an `x`.
        assert_eq!(table("^x"), Some(vec![1, 2, 1]));
    }
}
