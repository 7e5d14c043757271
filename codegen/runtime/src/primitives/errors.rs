//! The parts of an error response that are not modelled: who is at fault, the response a
//! modelled error was read from, and the unhandled error that carries everything else.

/// Who the model says is at fault for an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorFault {
    /// The request was wrong; retrying it unchanged will fail again.
    Client,
    /// The service failed; the request may succeed later.
    Server,
}

/// An error response that is not one of the operation's modelled errors: an
/// unmodelled code (such as a throttling error), or a body that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnhandledError {
    code: Option<String>,
    message: Option<String>,
    status: u16,
    request_id: Option<String>,
    deserialize_error: Option<String>,
}

impl UnhandledError {
    /// An unhandled error with the HTTP status it came with.
    pub fn new(status: u16) -> Self {
        UnhandledError {
            code: None,
            message: None,
            status,
            request_id: None,
            deserialize_error: None,
        }
    }

    /// Records why the response body could not be read.
    pub fn with_deserialize_error(mut self, error: impl Into<String>) -> Self {
        self.deserialize_error = Some(error.into());
        self
    }

    /// Why the response body could not be read (with the member path), when that is
    /// what made the response unhandled.
    pub fn deserialize_error(&self) -> Option<&str> {
        self.deserialize_error.as_deref()
    }

    /// Sets the error code.
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets the message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets the request id.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The error code, when the response named one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The message, when the response carried one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The HTTP status of the response.
    pub fn http_status(&self) -> u16 {
        self.status
    }

    /// The `x-amzn-RequestId` of the response, when present.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl std::fmt::Display for UnhandledError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code.as_deref().unwrap_or("unhandled error"))?;
        write!(f, " (HTTP {})", self.status)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(error) = &self.deserialize_error {
            write!(f, "; unreadable response: {error}")?;
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " [request id {request_id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnhandledError {}

/// The response a modelled error was read from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResponseMeta {
    status: u16,
    request_id: Option<String>,
    query_error: Option<QueryError>,
}

/// The awsQuery error code and fault an `@awsQueryCompatible` service sends in the
/// `x-amzn-query-error` header (`Code;Fault`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QueryError {
    code: String,
    fault: String,
}

impl QueryError {
    /// Reads `Code;Fault`; `None` unless both parts are there and the code is not empty.
    pub fn parse(header: &str) -> Option<QueryError> {
        let (code, fault) = header.split_once(';')?;
        let (code, fault) = (code.trim(), fault.trim());
        (!code.is_empty()).then(|| QueryError {
            code: code.to_owned(),
            fault: fault.to_owned(),
        })
    }

    /// The awsQuery code (`AWS.SimpleQueueService.NonExistentQueue`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The awsQuery fault: `Sender` or `Receiver`.
    pub fn fault(&self) -> &str {
        &self.fault
    }
}

impl ResponseMeta {
    /// A response's status and request id.
    pub fn new(status: u16, request_id: Option<String>) -> Self {
        ResponseMeta {
            status,
            request_id,
            query_error: None,
        }
    }

    /// The same, with the awsQuery code and fault an `@awsQueryCompatible` service sent.
    pub fn with_query_error(mut self, query_error: Option<QueryError>) -> Self {
        self.query_error = query_error;
        self
    }

    /// The awsQuery error code from `x-amzn-query-error`, when an `@awsQueryCompatible`
    /// service sent one (the code its awsQuery clients know the error by).
    pub fn query_error_code(&self) -> Option<&str> {
        self.query_error.as_ref().map(QueryError::code)
    }

    /// The awsQuery code and fault from `x-amzn-query-error`.
    pub fn query_error(&self) -> Option<&QueryError> {
        self.query_error.as_ref()
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The `x-amzn-RequestId`, when present.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}
