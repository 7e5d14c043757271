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

/// Checks `name` against Cargo's rules for a package name, and the stricter ones of
/// crates.io, since the name also becomes the library's Rust name (`-` read as `_`): ASCII
/// letters, digits, `-` and `_`, a letter first, at most 64 characters, and neither a Rust
/// keyword nor the name of a library Rust provides. `Err` says which rule it breaks.
pub fn check_package_name(name: &str) -> Result<(), String> {
    const MAX_LEN: usize = 64;
    // Strict and reserved keywords of every edition, and the names `cargo new` refuses
    // because a library of Rust's own has them.
    const RESERVED: [&str; 57] = [
        "as",
        "async",
        "await",
        "break",
        "const",
        "continue",
        "crate",
        "dyn",
        "else",
        "enum",
        "extern",
        "false",
        "fn",
        "for",
        "if",
        "impl",
        "in",
        "let",
        "loop",
        "match",
        "mod",
        "move",
        "mut",
        "pub",
        "ref",
        "return",
        "self",
        "Self",
        "static",
        "struct",
        "super",
        "trait",
        "true",
        "type",
        "unsafe",
        "use",
        "where",
        "while",
        "abstract",
        "become",
        "box",
        "do",
        "final",
        "gen",
        "macro",
        "override",
        "priv",
        "try",
        "typeof",
        "unsized",
        "virtual",
        "yield",
        "alloc",
        "core",
        "std",
        "proc_macro",
        "test",
    ];
    let Some(first) = name.chars().next() else {
        return Err("it is empty".to_owned());
    };
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(format!(
            "{bad:?} is not allowed (only ASCII letters, digits, `-` and `_`)"
        ));
    }
    if !first.is_ascii_alphabetic() {
        return Err("it must start with an ASCII letter".to_owned());
    }
    if name.len() > MAX_LEN {
        return Err(format!("it is longer than {MAX_LEN} characters"));
    }
    let rust_name = name.replace('-', "_");
    if RESERVED.contains(&rust_name.as_str()) {
        return Err(format!(
            "`{rust_name}` is a Rust keyword or the name of a library Rust provides"
        ));
    }
    Ok(())
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

    #[test]
    fn package_names_follow_cargos_rules() {
        for good in ["kms-api", "a", "my_crate2", "A-b_c", &"a".repeat(64)] {
            assert_eq!(check_package_name(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("", "it is empty"),
            ("1abc", "it must start with an ASCII letter"),
            ("_x", "it must start with an ASCII letter"),
            ("-x", "it must start with an ASCII letter"),
            (
                "my crate",
                "' ' is not allowed (only ASCII letters, digits, `-` and `_`)",
            ),
            (
                "a::b",
                "':' is not allowed (only ASCII letters, digits, `-` and `_`)",
            ),
            (
                "a\"b",
                "'\"' is not allowed (only ASCII letters, digits, `-` and `_`)",
            ),
            (
                "caf\u{e9}",
                "'\u{e9}' is not allowed (only ASCII letters, digits, `-` and `_`)",
            ),
            (
                "fn",
                "`fn` is a Rust keyword or the name of a library Rust provides",
            ),
            (
                "self",
                "`self` is a Rust keyword or the name of a library Rust provides",
            ),
            (
                "proc-macro",
                "`proc_macro` is a Rust keyword or the name of a library Rust provides",
            ),
            (&"a".repeat(65), "it is longer than 64 characters"),
        ] {
            assert_eq!(check_package_name(bad), Err(why.to_owned()), "{bad:?}");
        }
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
