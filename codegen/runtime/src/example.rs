//! A tiny model written the way the emitter writes one: a structure, a string enum, an
//! error, a union's unlisted member, and one operation. In a generated crate, model code is
//! what calls the macros and the `pub(crate)` constructors of the runtime; here this module
//! does, so that they are compiled and linted with the rest, and the tests use it to drive
//! the runtime end to end.
//!
//! It is not copied into generated crates.

use crate::wire::{ErrorResponse, Operation};

/// A structure: read only from a JSON object, checked against a `length` constraint.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Widget {
    /// A name of 1 to 8 characters (wire name `Name`).
    pub name: Option<String>,
}

crate::wire::json_structure!(Widget, optional(name, "Name"));

/// A structure with a member of each kind `json_structure!` knows, as an input declares
/// them.
#[derive(Clone, Debug, PartialEq)]
pub struct Gadget {
    /// Required, read through a codec (wire name `Parts`, a list of floats); an input's, so
    /// never corrected when missing.
    pub parts: Vec<f32>,
    /// Model default 7, not sent while it is 7 (`Count`).
    pub count: i32,
    /// Model default `false` (the type's), not sent while false (`Flag`).
    pub flag: bool,
    /// Model default `"auto"`, always written (`Mode`).
    pub mode: String,
    /// Optional, through a codec (`Ratio`).
    pub ratio: Option<f64>,
    /// Not on the wire.
    pub note: Option<String>,
}

crate::wire::json_structure!(
    Gadget,
    required_input(parts, "Parts", crate::wire::List::<crate::wire::Float>),
    omit_default(count, "Count", crate::wire::Plain, 7),
    omit_default(flag, "Flag"),
    defaulted(mode, "Mode", crate::wire::Plain, String::from("auto")),
    optional(ratio, "Ratio", crate::wire::Float),
    local(note),
);

/// A response structure whose members are all required: one missing from a response reads
/// as Smithy's client error correction says, instead of failing.
#[derive(Clone, Debug, PartialEq)]
pub struct Receipt {
    /// `Id`, a string.
    pub id: String,
    /// `Total`, a long.
    pub total: i64,
    /// `Paid`, a boolean.
    pub paid: bool,
    /// `Amounts`, a list of doubles.
    pub amounts: Vec<f64>,
    /// `Extra`, a document.
    pub extra: serde_json::Value,
    /// `Issued`, a timestamp.
    pub issued: crate::primitives::DateTime,
    /// `Widget`, a structure.
    pub widget: Widget,
    /// `Note`, optional.
    pub note: Option<String>,
}

crate::wire::json_structure!(
    Receipt,
    required(id, "Id"),
    required(total, "Total"),
    required(paid, "Paid"),
    required(amounts, "Amounts", crate::wire::List::<crate::wire::Float>),
    required(extra, "Extra"),
    required(issued, "Issued"),
    required(widget, "Widget"),
    optional(note, "Note"),
);

/// A structure without members: any object reads as it, and it writes `{}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Nothing {}

crate::wire::json_structure!(Nothing,);

impl crate::validation::Validate for Widget {
    fn validate_at(&self, prefix: &str, violations: &mut Vec<crate::validation::Violation>) {
        if let Some(value) = &self.name {
            let path = || crate::validation::join(prefix, "Name");
            crate::validation::length(&path, value, Some(1), Some(8), violations);
        }
    }
}

#[cfg(feature = "required-members")]
impl Widget {
    /// Builds a widget whose name is required: unset, it is a [`BuildError`].
    ///
    /// [`BuildError`]: crate::primitives::BuildError
    pub fn named(name: Option<String>) -> Result<Widget, crate::primitives::BuildError> {
        match name {
            Some(name) => Ok(Widget { name: Some(name) }),
            None => Err(crate::primitives::BuildError::missing("Widget", "Name")),
        }
    }
}

/// A string enum: an unlisted value is kept, not refused.
#[cfg(feature = "enums")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Color {
    /// `RED`.
    Red,
    /// A value the model did not list.
    Unknown(crate::primitives::UnknownValue),
}

#[cfg(feature = "enums")]
impl Color {
    fn as_str(&self) -> &str {
        match self {
            Color::Red => "RED",
            Color::Unknown(value) => value.as_str(),
        }
    }

    fn known(value: &str) -> Option<Self> {
        match value {
            "RED" => Some(Color::Red),
            _ => None,
        }
    }
}

#[cfg(feature = "enums")]
crate::wire::string_enum!(Color);

/// A union member the model does not list, as a generated union keeps it.
#[cfg(feature = "unions")]
pub fn unknown_member(name: &str, value: serde_json::Value) -> crate::primitives::UnknownMember {
    crate::primitives::UnknownMember::new(name.to_owned(), value)
}

/// A modelled error (`WidgetNotFoundException`, HTTP 404, the caller's fault).
#[cfg(feature = "modelled-errors")]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WidgetNotFound {
    /// What went wrong (wire name `message`, also read as `Message`).
    message: Option<String>,
    response: Option<crate::primitives::ResponseMeta>,
}
#[cfg(feature = "message-errors")]
crate::wire::message_error!(
    WidgetNotFound,
    message,
    "WidgetNotFoundException",
    404,
    Client
);

/// A modelled error whose model requires its message (`WidgetLockedException`, HTTP 409).
#[cfg(feature = "modelled-errors")]
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetLocked {
    /// Why the widget is locked (wire name `message`, required).
    message: String,
    response: Option<crate::primitives::ResponseMeta>,
}
#[cfg(feature = "modelled-errors")]
crate::wire::json_structure!(
    WidgetLocked,
    required(message, "message" | "Message"),
    local(response),
);
#[cfg(feature = "modelled-errors")]
crate::wire::modelled_error!(WidgetLocked, "WidgetLockedException", 409, Client, message);

/// The operation `PutWidget`: a widget in, a widget out.
#[derive(Clone, Copy, Debug)]
pub struct PutWidget;

impl Operation for PutWidget {
    const NAME: &'static str = "PutWidget";
    const TARGET: &'static str = "WidgetService.PutWidget";
    type Input = Widget;
    type Output = Widget;
    type Error = PutWidgetError;

    fn error_from_response(response: ErrorResponse) -> PutWidgetError {
        PutWidgetError::from_response(response)
    }
}

/// `PutWidget`'s errors: its enum is declared as generated crates declare theirs, and
/// implemented by `operation_error!`.
#[derive(Clone, Debug, PartialEq)]
pub enum PutWidgetError {
    /// A modelled error.
    #[cfg(feature = "modelled-errors")]
    WidgetNotFound(WidgetNotFound),
    /// Another modelled error.
    #[cfg(feature = "modelled-errors")]
    WidgetLocked(WidgetLocked),
    /// Anything else.
    Unhandled(crate::primitives::UnhandledError),
}

#[cfg(feature = "modelled-errors")]
crate::wire::operation_error!(
    PutWidgetError,
    WidgetNotFound(WidgetNotFound),
    WidgetLocked(WidgetLocked)
);
// Without modelled errors, an operation's enum has `Unhandled` alone.
#[cfg(not(feature = "modelled-errors"))]
crate::wire::operation_error!(PutWidgetError);
