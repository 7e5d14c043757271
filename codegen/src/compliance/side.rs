//! Which end of the protocol a compliance case checks.

use serde_json::Value;

/// Which end of the protocol a case checks. A case without `appliesTo` checks both: a
/// request case is serialized by the client and read by the server, a response case is
/// written by the server and read by the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// The client: requests serialized, responses parsed.
    Client,
    /// The server: requests read through the router, responses written.
    Server,
}

impl Side {
    /// `client` or `server`, as the report writes it.
    pub fn name(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Server => "server",
        }
    }

    /// The sides a case checks, from its `appliesTo`.
    pub fn of(case: &Value) -> &'static [Side] {
        match case.get("appliesTo").and_then(Value::as_str) {
            Some("client") => &[Side::Client],
            Some("server") => &[Side::Server],
            _ => &[Side::Client, Side::Server],
        }
    }
}
