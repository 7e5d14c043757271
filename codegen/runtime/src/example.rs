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

impl serde::Serialize for Widget {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut state = serializer.serialize_struct("Widget", usize::from(self.name.is_some()))?;
        if let Some(value) = &self.name {
            state.serialize_field("Name", value)?;
        }
        state.end()
    }
}

impl<'de> crate::wire::FromJsonObject<'de> for Widget {
    fn from_map<A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut member_0 = None;
        while let Some(key) = map.next_key_seed(crate::wire::MemberKey(&["Name"]))? {
            match key {
                0 => crate::wire::read_member(
                    &mut map,
                    &mut member_0,
                    "Name",
                    crate::wire::Decoded::<crate::wire::Optional<crate::wire::Plain>, _>::new(),
                )?,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(Widget {
            name: member_0.flatten(),
        })
    }
}
crate::wire::json_object!(Widget);

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
impl From<&str> for Color {
    fn from(value: &str) -> Self {
        match value {
            "RED" => Color::Red,
            other => Color::Unknown(crate::primitives::UnknownValue::new(other)),
        }
    }
}

#[cfg(feature = "enums")]
impl From<String> for Color {
    fn from(value: String) -> Self {
        Color::from(value.as_str())
    }
}

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
#[cfg(feature = "modelled-errors")]
impl serde::Serialize for WidgetNotFound {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let len = usize::from(self.message.is_some());
        let mut state = serializer.serialize_struct("WidgetNotFound", len)?;
        if let Some(value) = &self.message {
            state.serialize_field("message", value)?;
        }
        state.end()
    }
}
#[cfg(feature = "modelled-errors")]
impl<'de> crate::wire::FromJsonObject<'de> for WidgetNotFound {
    fn from_map<A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut member_0 = None;
        while let Some(key) = map.next_key_seed(crate::wire::MemberKey(&["message", "Message"]))? {
            match key {
                0 | 1 => crate::wire::read_member(
                    &mut map,
                    &mut member_0,
                    "message",
                    crate::wire::Decoded::<crate::wire::Optional<crate::wire::Plain>, _>::new(),
                )?,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(WidgetNotFound {
            message: member_0.flatten(),
            response: None,
        })
    }
}
#[cfg(feature = "modelled-errors")]
crate::wire::json_object!(WidgetNotFound);
#[cfg(feature = "modelled-errors")]
crate::wire::modelled_error!(
    WidgetNotFound,
    "WidgetNotFoundException",
    404,
    Client,
    message
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
impl serde::Serialize for WidgetLocked {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut state = serializer.serialize_struct("WidgetLocked", 1)?;
        state.serialize_field("message", &self.message)?;
        state.end()
    }
}
#[cfg(feature = "modelled-errors")]
impl<'de> crate::wire::FromJsonObject<'de> for WidgetLocked {
    fn from_map<A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut member_0 = None;
        while let Some(key) = map.next_key_seed(crate::wire::MemberKey(&["message", "Message"]))? {
            match key {
                0 | 1 => crate::wire::read_member(
                    &mut map,
                    &mut member_0,
                    "message",
                    crate::wire::Decoded::<crate::wire::Plain, _>::new(),
                )?,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(WidgetLocked {
            message: crate::wire::required(member_0, "message")?,
            response: None,
        })
    }
}
#[cfg(feature = "modelled-errors")]
crate::wire::json_object!(WidgetLocked);
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
