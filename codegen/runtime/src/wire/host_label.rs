//! Host labels: a `@hostLabel` member's value goes into the host name of an operation with
//! an endpoint prefix (`smithy.api#endpoint`), so it must be a valid host label.

use super::errors::RequestError;

/// Checks that a `@hostLabel` member's value can go into a host name: dot-separated
/// labels of 1 to 63 letters, digits and hyphens, none starting or ending with a hyphen.
pub fn host_label<'a>(member: &str, value: &'a str) -> Result<&'a str, RequestError> {
    let valid = !value.is_empty()
        && value.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
    if valid {
        Ok(value)
    } else {
        Err(RequestError::Serialize(format!(
            "`{member}` is used in the host name, but {value:?} is not a valid host label"
        )))
    }
}
