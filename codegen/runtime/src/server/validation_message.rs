//! The message of a `ValidationException`, in the wording AWS services use:
//! `1 validation error detected: Value at 'customKeyStoreName' failed to satisfy constraint:
//! Member must have length greater than or equal to 1`. Paths are written as AWS writes
//! them, each member name in lower camel case; several violations are joined with `; `. A
//! value is echoed only where the check kept it (never a `@sensitive` one, never for
//! `length`).

use crate::validation::{ValidationError, Violation, ViolationKind};

/// A member path as AWS writes it: `XksProxyAuthenticationCredential.AccessKeyId` becomes
/// `xksProxyAuthenticationCredential.accessKeyId`.
pub fn aws_member_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut segment_start = true;
    for c in path.chars() {
        if segment_start {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        segment_start = c == '.';
    }
    out
}

/// A bound as AWS prints it: an integral bound without a fraction.
fn number(value: f64) -> String {
    format!("{value}")
}

/// One violation: `Value ['value' ]at 'path' failed to satisfy constraint: Member must ...`.
pub fn violation_message(violation: &Violation) -> String {
    let path = aws_member_path(violation.path());
    let (value, constraint) = match violation.kind() {
        ViolationKind::Length { min, actual, max } => {
            let too_short = min.is_some_and(|min| (*actual as u64) < min);
            let constraint = match (too_short, min, max) {
                (true, Some(min), _) | (false, Some(min), None) => {
                    format!("Member must have length greater than or equal to {min}")
                }
                (_, _, Some(max)) => format!("Member must have length less than or equal to {max}"),
                (_, None, None) => "Member must have a valid length".to_owned(),
            };
            (None, constraint)
        }
        ViolationKind::Pattern { pattern, value } => (
            value.clone(),
            format!("Member must satisfy regular expression pattern: {pattern}"),
        ),
        ViolationKind::Range { min, max, value } => {
            let too_small = matches!((value, min), (Some(value), Some(min)) if value < min);
            let constraint = match (too_small, min, max) {
                (true, Some(min), _) | (false, Some(min), None) => {
                    format!(
                        "Member must have value greater than or equal to {}",
                        number(*min)
                    )
                }
                (_, _, Some(max)) => {
                    format!(
                        "Member must have value less than or equal to {}",
                        number(*max)
                    )
                }
                (_, None, None) => "Member must have a valid value".to_owned(),
            };
            (value.map(number), constraint)
        }
    };
    match value {
        Some(value) => {
            format!("Value '{value}' at '{path}' failed to satisfy constraint: {constraint}")
        }
        None => format!("Value at '{path}' failed to satisfy constraint: {constraint}"),
    }
}

/// The message for a required member that is missing or `null`.
pub fn missing_member_message(wire_path: &str) -> String {
    format!(
        "Value null at '{}' failed to satisfy constraint: Member must not be null",
        aws_member_path(wire_path)
    )
}

/// `N validation error(s) detected: ` and every message, joined with `; `.
pub fn join_violation_messages(messages: &[String]) -> String {
    let count = messages.len();
    let noun = if count == 1 { "error" } else { "errors" };
    format!(
        "{count} validation {noun} detected: {}",
        messages.join("; ")
    )
}

/// The whole `ValidationException` message for a failed check.
pub fn validation_message(error: &ValidationError) -> String {
    let messages: Vec<String> = error.violations().iter().map(violation_message).collect();
    join_violation_messages(&messages)
}
