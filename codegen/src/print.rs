//! Printing: each emitted file's tokens become text with prettyplease, on every available
//! core. Formatting that text with rustfmt is the caller's business (`cargo xtask` does it),
//! so the library runs no external program.

use crate::emit::FileJob;
use std::collections::BTreeMap;

/// Emits and prints the crate's Rust files and adds them to `text` (the files emitted as
/// text, such as the manifest). Each file is emitted and printed on one thread, as tokens
/// cannot cross threads; the result does not depend on the number of threads.
pub(crate) fn print_jobs(
    jobs: Vec<FileJob<'_>>,
    text: BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, String> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(jobs.len().max(1));
    let jobs = &jobs;
    let printed: Vec<Result<(String, String), String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    jobs.iter()
                        .skip(worker)
                        .step_by(workers)
                        .map(|job| {
                            crate::emit::render(job.tokens())
                                .map(|printed| (job.path.clone(), printed))
                                .map_err(|err| format!("{}: {err}", job.path))
                        })
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
    });
    let mut files = text;
    for file in printed {
        let (path, printed) = file?;
        files.insert(path, printed);
    }
    Ok(files)
}
