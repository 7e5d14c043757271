//! The command line, read the same way by every subcommand: one lexopt parser, so `--flag
//! value` and `--flag=value` both work everywhere, `-h` and `--help` print the subcommand's
//! usage, and every mistake gives `error: ...`, the usage, and exit status 2.

use std::ffi::OsString;
use std::io::Write;

pub use lexopt::prelude::*;
pub use lexopt::{Error, Parser};

/// What a subcommand's arguments asked for.
#[derive(Debug, PartialEq)]
pub enum Parsed<T> {
    /// Run with these settings.
    Run(T),
    /// Print the usage and exit 0.
    Help,
}

/// Exit status for success.
pub const SUCCESS: u8 = 0;
/// Exit status for a model, generation, build or staleness failure.
pub const FAILURE: u8 = 1;
/// Exit status for a command-line mistake.
pub const USAGE_ERROR: u8 = 2;

/// The arguments as text: every argument must be UTF-8. `Err` holds the first one that is
/// not, shown lossily.
pub fn utf8_args<I>(args: I) -> Result<Vec<String>, String>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    args.into_iter()
        .map(|arg| {
            arg.into()
                .into_string()
                .map_err(|bad| format!("argument `{}` is not valid UTF-8", bad.to_string_lossy()))
        })
        .collect()
}

/// The message for a parse error, in the words this tool has always used.
pub fn message(error: Error) -> String {
    match error {
        Error::MissingValue {
            option: Some(option),
        } => format!("{option} needs a value"),
        Error::MissingValue { option: None } => "a value is missing".to_owned(),
        Error::UnexpectedOption(option) => format!("unknown option `{option}`"),
        Error::UnexpectedArgument(argument) => {
            format!("unknown option `{}`", argument.to_string_lossy())
        }
        Error::UnexpectedValue { option, .. } => format!("{option} takes no value"),
        other => other.to_string(),
    }
}

/// Prints `error: MESSAGE`, a blank line and `usage` to `err`; returns [`USAGE_ERROR`].
pub fn usage_error(message: &str, usage: &str, err: &mut dyn Write) -> u8 {
    let _ = writeln!(err, "error: {message}\n\n{usage}");
    USAGE_ERROR
}

/// Runs a subcommand: parses its arguments with `parse`, prints `usage` on `--help` or a
/// mistake, and otherwise hands the settings to `run`.
pub fn dispatch<T>(
    parser: &mut Parser,
    usage: &str,
    parse: impl FnOnce(&mut Parser) -> Result<Parsed<T>, Error>,
    run: impl FnOnce(T, &mut dyn Write, &mut dyn Write) -> u8,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    match parse(parser) {
        Ok(Parsed::Run(settings)) => run(settings, out, err),
        Ok(Parsed::Help) => {
            let _ = writeln!(out, "{usage}");
            SUCCESS
        }
        Err(error) => usage_error(&message(error), usage, err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_keep_the_tools_wording() {
        let mut parser = Parser::from_args(["--model"]);
        let _ = parser.next();
        let missing = parser.value().map(drop).unwrap_err();
        assert_eq!(message(missing), "--model needs a value");

        let mut parser = Parser::from_args(["--check=yes", "--frob", "stray"]);
        let _ = parser.next();
        assert_eq!(
            message(parser.next().unwrap_err()),
            "--check takes no value"
        );
        let unknown = parser.next().unwrap().unwrap().unexpected();
        assert_eq!(message(unknown), "unknown option `--frob`");
        let stray = parser.next().unwrap().unwrap().unexpected();
        assert_eq!(message(stray), "unknown option `stray`");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_arguments_are_refused_by_name() {
        use std::os::unix::ffi::OsStrExt;
        let bad = std::ffi::OsStr::from_bytes(b"--out=\xff").to_owned();
        let error = utf8_args([OsString::from("codegen"), bad]).unwrap_err();
        assert_eq!(error, "argument `--out=\u{fffd}` is not valid UTF-8");
        assert_eq!(utf8_args(["a", "b"]).unwrap(), ["a", "b"]);
    }
}
