//! Naming where a body went wrong (`CustomKeyStores[0].CreationDate: ...`). Only the serde
//! path needs it, and serde runs only where the fast path gave up, so it is kept simple: the
//! generated impls mark each member, element and entry they read ([`within`]), and the first
//! read that fails records the path it was on, for the caller that started the read
//! ([`track`]) to put in front of serde's message. A server's strict read also records
//! every required member that was missing, which a client corrects and a server refuses.

use std::cell::RefCell;

/// One step of a member path.
#[derive(Clone, Debug)]
pub enum Step {
    /// A structure member, by its wire name.
    Member(&'static str),
    /// A list element, by its index.
    Index(usize),
    /// A map entry, by its key.
    Key(String),
}

#[derive(Default)]
struct Trail {
    /// The steps being read, outermost first.
    steps: Vec<Step>,
    /// The path of the first read that failed since tracking started.
    failed: Option<String>,
}

thread_local! {
    static TRAIL: RefCell<Trail> = RefCell::new(Trail::default());
}

/// Runs `read` as the read of `step`: if it fails, and nothing inside it failed first, the
/// path to `step` is what [`track`] reports.
pub fn within<T, E>(step: Step, read: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
    TRAIL.with(|trail| trail.borrow_mut().steps.push(step));
    let result = read();
    TRAIL.with(|trail| {
        let mut trail = trail.borrow_mut();
        if result.is_err() && trail.failed.is_none() {
            trail.failed = Some(render(&trail.steps));
        }
        trail.steps.pop();
    });
    result
}

/// Runs `read` and, when it fails, prefixes its error with the member path of the first read
/// inside it that failed (none when it failed at the top).
pub fn track<T, E: std::fmt::Display>(read: impl FnOnce() -> Result<T, E>) -> Result<T, String> {
    let saved = TRAIL.with(|trail| std::mem::take(&mut *trail.borrow_mut()));
    let result = read();
    let failed = TRAIL.with(|trail| std::mem::replace(&mut *trail.borrow_mut(), saved).failed);
    result.map_err(|error| match failed.filter(|path| !path.is_empty()) {
        Some(path) => format!("{path}: {error}"),
        None => error.to_string(),
    })
}

fn render(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        let name = match step {
            Step::Member(name) => name,
            Step::Key(key) => key.as_str(),
            Step::Index(index) => {
                path.push_str(&format!("[{index}]"));
                continue;
            }
        };
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(name);
    }
    path
}

#[cfg(feature = "server")]
thread_local! {
    /// The paths of the required members found missing, while a strict read records them.
    static MISSING: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

#[cfg(feature = "server")]
/// [`track`], also giving the paths of the required members that were missing (each
/// corrected, so that the read goes on and finds them all).
pub fn track_strict<T, E: std::fmt::Display>(
    read: impl FnOnce() -> Result<T, E>,
) -> (Result<T, String>, Vec<String>) {
    let saved = MISSING.with(|missing| missing.replace(Some(Vec::new())));
    let result = track(read);
    let missing = MISSING.with(|missing| missing.replace(saved));
    (result, missing.unwrap_or_default())
}

#[cfg(feature = "server")]
/// Records that required member `name` of the structure being read was missing, when a
/// strict read is going on (and says whether one is).
pub fn note_missing(name: &'static str) -> bool {
    MISSING.with(|missing| match missing.borrow_mut().as_mut() {
        Some(missing) => {
            let steps = TRAIL.with(|trail| trail.borrow().steps.clone());
            missing.push(render(&[steps.as_slice(), &[Step::Member(name)]].concat()));
            true
        }
        None => false,
    })
}

#[cfg(feature = "server")]
/// A required input member's slot: during a strict read a missing one is recorded and
/// corrected, so that the read goes on to find every other; otherwise it stays missing, and
/// the read fails as serde's derive does.
pub fn correct_missing<T: super::ErrorCorrection>(
    slot: Option<T>,
    name: &'static str,
) -> Option<T> {
    match slot {
        None if note_missing(name) => Some(T::corrected()),
        slot => slot,
    }
}
