//! Printing: each emitted file's tokens become text with prettyplease, on every available
//! core. Formatting that text with rustfmt is the caller's business (`cargo xtask` does it),
//! so the library runs no external program.
//!
//! Printing (parsing the tokens with syn, then prettyplease) costs several times more than
//! hashing the tokens, so a caller may hand in a [`PrintMemo`]: a file whose tokens hash to a
//! key the memo knows takes the text printed from them before instead of being printed again.

use crate::emit::FileJob;
use proc_macro2::TokenStream;
use std::collections::BTreeMap;
use std::hash::Hasher;

/// Text printed in earlier generations, keyed by a hash of the tokens it was printed from
/// ([`token_key`]). Printing is a pure function of the tokens, so a memo gives exactly what
/// printing would, provided it is kept apart for each build of the generator (a new build may
/// print differently).
pub trait PrintMemo: Sync {
    /// The text printed earlier from tokens with this key, if the memo has it.
    fn recall(&self, key: &str) -> Option<String>;
    /// Records that tokens with this key print as `printed`.
    fn keep(&self, key: &str, printed: &str);
}

/// A 128-bit hash of `tokens` as 32 hex digits, taken over their text. A token stream's text
/// reads back as the same tokens (spacing included: `<=` is not `< =`), so two streams with
/// the same key print the same; the one thing the text does not show, an invisible
/// (`Delimiter::None`) group, is never emitted. Writing the text walks the tokens in place,
/// where walking them one by one would copy every one.
pub fn token_key(tokens: &TokenStream) -> String {
    use std::io::Write;
    let mut bytes = Vec::new();
    let _ = write!(bytes, "{tokens}");
    bytes_key(&bytes)
}

/// 128 bits of hash of `bytes`, as 32 hex digits.
fn bytes_key(bytes: &[u8]) -> String {
    let mut first = std::collections::hash_map::DefaultHasher::new();
    let mut second = std::collections::hash_map::DefaultHasher::new();
    second.write(b"the second of two token hashes");
    first.write(bytes);
    second.write(bytes);
    format!("{:016x}{:016x}", first.finish(), second.finish())
}

/// The key of a whole crate: a 128-bit hash of the IR's `Debug` form, which describes every
/// field of it. The emitters are pure functions of the IR, so within one build of the
/// generator the same key means the same files.
pub(crate) fn crate_key(service: &crate::ir::Service) -> String {
    use std::io::Write;
    let mut bytes = Vec::new();
    let _ = write!(bytes, "{service:?}");
    format!("crate-{}", bytes_key(&bytes))
}

/// Emits and prints one file, or takes its text from the memo: its path, token key (without a
/// memo, none is computed) and text.
fn print_job(
    job: &FileJob<'_>,
    memo: Option<&dyn PrintMemo>,
) -> Result<(String, String, String), String> {
    let render = |tokens| crate::emit::render(tokens).map_err(|err| format!("{}: {err}", job.path));
    let Some(memo) = memo else {
        return Ok((job.path.clone(), String::new(), render(job.tokens())?));
    };
    let tokens = job.tokens();
    let key = token_key(&tokens);
    if let Some(printed) = memo.recall(&key) {
        return Ok((job.path.clone(), key, printed));
    }
    let printed = render(tokens)?;
    memo.keep(&key, &printed);
    Ok((job.path.clone(), key, printed))
}

/// Emits and prints the crate's Rust files and adds them to `text` (the files emitted as
/// text, such as the manifest). Each file is emitted and printed on one thread, as tokens
/// cannot cross threads; the result does not depend on the number of threads, nor on the
/// memo.
///
/// With a memo, the crate's `key` ([`crate_key`]) names a list of each file's token key: when
/// the memo has that list and every text on it, nothing is emitted at all.
pub(crate) fn print_jobs(
    jobs: Vec<FileJob<'_>>,
    text: BTreeMap<String, String>,
    memo: Option<(&dyn PrintMemo, &str)>,
) -> Result<BTreeMap<String, String>, String> {
    let mut files = text;
    let known: BTreeMap<String, String> = memo
        .and_then(|(memo, key)| memo.recall(key))
        .map(|list| parse_file_keys(&list))
        .unwrap_or_default();
    let mut keys = Vec::new();
    let mut pending = Vec::new();
    for job in jobs {
        let recalled = known.get(&job.path).and_then(|key| {
            let printed = memo?.0.recall(key)?;
            Some((key.clone(), printed))
        });
        match recalled {
            Some((key, printed)) => {
                keys.push((job.path.clone(), key));
                files.insert(job.path, printed);
            }
            None => pending.push(job),
        }
    }
    let emitted = !pending.is_empty();
    for file in print_pending(&pending, memo.map(|(memo, _)| memo)) {
        let (path, key, printed) = file?;
        keys.push((path.clone(), key));
        files.insert(path, printed);
    }
    if let (Some((memo, key)), true) = (memo, emitted || known.is_empty()) {
        keys.sort();
        let list: String = keys
            .iter()
            .map(|(path, key)| format!("{path}\t{key}\n"))
            .collect();
        memo.keep(key, &list);
    }
    Ok(files)
}

/// Reads a list written by [`print_jobs`]: one `path<TAB>key` line per file.
fn parse_file_keys(list: &str) -> BTreeMap<String, String> {
    list.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(path, key)| (path.to_owned(), key.to_owned()))
        .collect()
}

/// Emits and prints `jobs` on every available core: each file's path, token key and text.
fn print_pending(
    jobs: &[FileJob<'_>],
    memo: Option<&dyn PrintMemo>,
) -> Vec<Result<(String, String, String), String>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(jobs.len().max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    jobs.iter()
                        .skip(worker)
                        .step_by(workers)
                        .map(|job| print_job(job, memo))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| vec![Err("internal error: an emitter panicked".to_owned())])
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn key(source: &str) -> String {
        token_key(&TokenStream::from_str(source).expect("tokens"))
    }

    #[test]
    fn the_key_follows_the_tokens_not_their_layout() {
        assert_eq!(key("fn a() { b(1); }"), key("fn  a ( ) {\n b ( 1 ) ;\n}"));
        assert_eq!(key("fn a() {}").len(), 32);
    }

    #[test]
    fn streams_that_print_differently_have_different_keys() {
        let distinct = [
            "fn a() {}",
            "fn b() {}",
            "fn ab() {}",
            "fn a b() {}",
            "fn a() []",
            "fn a() ()",
            "x < = y",
            "x <= y",
            "x(1)",
            "x(\"1\")",
            "x 1",
            "x(1) ()",
            "x(1 ())",
            "",
        ];
        let keys: std::collections::BTreeSet<String> = distinct.iter().map(|s| key(s)).collect();
        assert_eq!(keys.len(), distinct.len());
    }
}
