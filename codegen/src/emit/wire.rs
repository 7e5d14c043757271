//! The generated crate's `wire` module: the awsJson protocol shared by every operation. Per
//! operation, only the error-code dispatch is generated (in the operation's module); building
//! requests and reading responses is written once here.

use super::usage::Usage;
use crate::plan::ir::Service;
use proc_macro2::TokenStream;
use quote::quote;

/// The `wire` module for a service.
pub fn emit_wire(service: &Service) -> TokenStream {
    let content_type = service.protocol.content_type();
    let protocol = service.protocol.name();
    let usage = Usage::of(service);
    let codecs = super::codecs::emit_codecs();
    let timestamp_codecs = if usage.formatted_timestamps {
        super::codecs::emit_timestamp_codecs()
    } else {
        quote!()
    };
    let idempotency = if usage.idempotency_tokens {
        super::primitives_extra::idempotency_token()
    } else {
        quote!()
    };
    let (host_prefix_method, host_label_fn) = if usage.host_prefixes {
        host_prefix_support()
    } else {
        (quote!(), quote!())
    };
    let (compression_method, compression_support) = if usage.request_compression {
        compression_support()
    } else {
        (quote!(), quote!())
    };
    // With request compression, every serialization path ends in the compression step.
    let finish_request = if usage.request_compression {
        quote! {
            let request = request(Self::TARGET, input)?;
            if Self::COMPRESSES_REQUESTS {
                compress(request, &Compression::default())
            } else {
                ::std::result::Result::Ok(request)
            }
        }
    } else {
        quote!(request(Self::TARGET, input))
    };
    let modelled_error_macro = if service.errors().next().is_none() {
        quote!()
    } else {
        modelled_error_macro()
    };
    let module_doc = format!(
        " The `{protocol}` wire protocol: requests are `POST /` with `Content-Type: {content_type}` and \
         `X-Amz-Target: <service>.<operation>`; responses are JSON."
    );
    quote! {
        #![doc = #module_doc]
        //!
        //! Host, signing, retries and the transport stay with the caller: [`Operation`] turns an
        //! input into an [`http::Request`] and an [`http::Response`] back into a typed result.

        use crate::primitives::UnhandledError;

        /// The `Content-Type` of every request.
        pub const CONTENT_TYPE: &str = #content_type;

        /// One operation of the service, implemented by a zero-sized type per operation.
        pub trait Operation {
            /// The operation's name on the wire.
            const NAME: &'static str;
            /// The `X-Amz-Target` header value.
            const TARGET: &'static str;
            /// The input structure.
            type Input: ::serde::Serialize + crate::validation::Validate;
            /// The output structure.
            type Output: ::serde::de::DeserializeOwned;
            /// The operation's error enum.
            type Error: OperationError;

            /// Maps an error response to the operation's error enum: a modelled code gives its
            /// typed variant, anything else `Unhandled`.
            fn error_from_response(response: ErrorResponse) -> Self::Error;

            /// The input with the members the caller may leave empty filled in (a fresh
            /// `@idempotencyToken`); `None` when nothing needed filling.
            fn fill_defaults(_input: &Self::Input) -> ::std::option::Option<Self::Input> {
                ::std::option::Option::None
            }

            #host_prefix_method

            #compression_method

            /// Checks the input against the model's constraints, then serializes it into a
            /// request: `POST /` with the protocol's headers and the JSON body. The caller adds
            /// the host, signs and sends it.
            fn serialize_request(input: &Self::Input) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, RequestError> {
                let filled = Self::fill_defaults(input);
                let input = filled.as_ref().unwrap_or(input);
                crate::validation::Validate::validate(input).map_err(RequestError::Invalid)?;
                #finish_request
            }

            /// Serializes the input exactly as built, without checking the model's constraints
            /// (for callers who must send what they built, and let the service decide).
            fn serialize_request_unchecked(input: &Self::Input) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, RequestError> {
                let filled = Self::fill_defaults(input);
                let input = filled.as_ref().unwrap_or(input);
                #finish_request
            }

            /// Parses a response into the output (2xx) or the operation's error (anything else).
            fn parse_response<B: ::std::convert::AsRef<[u8]>>(response: &::http::Response<B>) -> ::std::result::Result<Self::Output, Self::Error> {
                Self::parse_response_parts(response.status().as_u16(), response.headers(), response.body().as_ref())
            }

            /// [`Operation::parse_response`] from the response's parts.
            fn parse_response_parts(status: u16, headers: &::http::HeaderMap, body: &[u8]) -> ::std::result::Result<Self::Output, Self::Error> {
                if (200..300).contains(&status) {
                    parse_output(body).map_err(|error| {
                        let mut unhandled = UnhandledError::new(status).with_deserialize_error(error);
                        if let ::std::option::Option::Some(id) = header(headers, "x-amzn-requestid") {
                            unhandled = unhandled.with_request_id(id);
                        }
                        Self::Error::from(unhandled)
                    })
                } else {
                    ::std::result::Result::Err(Self::error_from_response(ErrorResponse::new(status, headers, body)))
                }
            }
        }

        /// An operation whose results come in pages (`smithy.api#paginated`): the next request
        /// carries the previous response's token.
        pub trait Paginated: Operation {
            /// The input member carrying the continuation token (wire name).
            const INPUT_TOKEN: &'static str;
            /// The output member carrying the next token (wire name).
            const OUTPUT_TOKEN: &'static str;
            /// The input member limiting the page size, if the operation has one (wire name).
            const PAGE_SIZE: ::std::option::Option<&'static str>;

            /// The token an input continues from.
            fn input_token(input: &Self::Input) -> ::std::option::Option<&str>;
            /// Sets the token the next request continues from.
            fn set_input_token(input: &mut Self::Input, token: ::std::option::Option<::std::string::String>);
            /// The token for the next page; absent or empty on the last page.
            fn output_token(output: &Self::Output) -> ::std::option::Option<&str>;

            /// Pages from `first` on: `send` sends one request and returns its output (sign,
            /// transport and parse are yours). Stops after the page without a next token, at the
            /// first error, or with [`PaginationError::RepeatedToken`] when the service hands
            /// back a token already used, instead of looping forever.
            fn pages<F, E>(first: Self::Input, send: F) -> Pages<Self, F>
            where
                Self: ::std::marker::Sized,
                F: ::std::ops::FnMut(&Self::Input) -> ::std::result::Result<Self::Output, E>,
            {
                Pages { cursor: Cursor::new(first), send, repeated: ::std::option::Option::None }
            }
        }

        /// A paginated operation whose pages hold a list of items.
        pub trait PaginatedItems: Paginated {
            /// One item.
            type Item;
            /// The output member holding the items (wire name).
            const ITEMS: &'static str;
            /// Takes a page's items.
            fn into_items(output: Self::Output) -> ::std::vec::Vec<Self::Item>;
        }

        /// Why paging stopped early.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum PaginationError<E> {
            /// Sending a request failed.
            Send(E),
            /// The service returned a token that was already used; continuing would loop.
            RepeatedToken(::std::string::String),
        }

        impl<E: ::std::fmt::Display> ::std::fmt::Display for PaginationError<E> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    PaginationError::Send(error) => write!(f, "a page request failed: {error}"),
                    PaginationError::RepeatedToken(token) => {
                        write!(f, "the service returned the pagination token {token:?} twice; stopping instead of looping")
                    }
                }
            }
        }

        impl<E: ::std::fmt::Debug + ::std::fmt::Display> ::std::error::Error for PaginationError<E> {}

        /// Token bookkeeping shared by the sync and async pagers.
        struct Cursor<O: Paginated> {
            next: ::std::option::Option<O::Input>,
            seen: ::std::collections::HashSet<::std::string::String>,
        }

        impl<O: Paginated> Cursor<O> {
            fn new(first: O::Input) -> Self {
                let mut seen = ::std::collections::HashSet::new();
                if let ::std::option::Option::Some(token) = O::input_token(&first).filter(|t| !t.is_empty()) {
                    seen.insert(token.to_owned());
                }
                Cursor { next: ::std::option::Option::Some(first), seen }
            }

            /// Prepares the request after `output`; `Err(token)` when the token repeats.
            fn advance(&mut self, mut input: O::Input, output: &O::Output) -> ::std::result::Result<(), ::std::string::String> {
                let ::std::option::Option::Some(token) = O::output_token(output).filter(|t| !t.is_empty()) else {
                    return ::std::result::Result::Ok(());
                };
                if !self.seen.insert(token.to_owned()) {
                    return ::std::result::Result::Err(token.to_owned());
                }
                O::set_input_token(&mut input, ::std::option::Option::Some(token.to_owned()));
                self.next = ::std::option::Option::Some(input);
                ::std::result::Result::Ok(())
            }
        }

        /// The pages of a paginated operation, one request each; see [`Paginated::pages`].
        pub struct Pages<O: Paginated, F> {
            cursor: Cursor<O>,
            send: F,
            repeated: ::std::option::Option<::std::string::String>,
        }

        impl<O: Paginated, F> Pages<O, F> {
            /// The items of every page, in order.
            pub fn items(self) -> Items<O, F>
            where
                O: PaginatedItems,
            {
                Items { pages: self, current: ::std::vec::Vec::new().into_iter() }
            }
        }

        impl<O, F, E> ::std::iter::Iterator for Pages<O, F>
        where
            O: Paginated,
            F: ::std::ops::FnMut(&O::Input) -> ::std::result::Result<O::Output, E>,
        {
            type Item = ::std::result::Result<O::Output, PaginationError<E>>;

            fn next(&mut self) -> ::std::option::Option<Self::Item> {
                if let ::std::option::Option::Some(token) = self.repeated.take() {
                    return ::std::option::Option::Some(::std::result::Result::Err(PaginationError::RepeatedToken(token)));
                }
                let input = self.cursor.next.take()?;
                match (self.send)(&input) {
                    ::std::result::Result::Err(error) => ::std::option::Option::Some(::std::result::Result::Err(PaginationError::Send(error))),
                    ::std::result::Result::Ok(output) => {
                        if let ::std::result::Result::Err(token) = self.cursor.advance(input, &output) {
                            self.repeated = ::std::option::Option::Some(token);
                        }
                        ::std::option::Option::Some(::std::result::Result::Ok(output))
                    }
                }
            }
        }

        /// The items of every page; see [`Pages::items`].
        pub struct Items<O: PaginatedItems, F> {
            pages: Pages<O, F>,
            current: ::std::vec::IntoIter<O::Item>,
        }

        impl<O, F, E> ::std::iter::Iterator for Items<O, F>
        where
            O: PaginatedItems,
            F: ::std::ops::FnMut(&O::Input) -> ::std::result::Result<O::Output, E>,
        {
            type Item = ::std::result::Result<O::Item, PaginationError<E>>;

            fn next(&mut self) -> ::std::option::Option<Self::Item> {
                loop {
                    if let ::std::option::Option::Some(item) = self.current.next() {
                        return ::std::option::Option::Some(::std::result::Result::Ok(item));
                    }
                    match self.pages.next()? {
                        ::std::result::Result::Ok(output) => self.current = O::into_items(output).into_iter(),
                        ::std::result::Result::Err(error) => return ::std::option::Option::Some(::std::result::Result::Err(error)),
                    }
                }
            }
        }

        /// The async form of [`Paginated::pages`]: awaits `send` for each page and hands every
        /// page to `on_page`, stopping the same way. Needs no particular async runtime.
        pub async fn for_each_page<O, F, Fut, E>(
            first: O::Input,
            mut send: F,
            mut on_page: impl ::std::ops::FnMut(O::Output),
        ) -> ::std::result::Result<(), PaginationError<E>>
        where
            O: Paginated,
            O::Input: ::std::clone::Clone,
            F: ::std::ops::FnMut(O::Input) -> Fut,
            Fut: ::std::future::Future<Output = ::std::result::Result<O::Output, E>>,
        {
            let mut cursor = Cursor::<O>::new(first);
            while let ::std::option::Option::Some(input) = cursor.next.take() {
                let output = send(input.clone()).await.map_err(PaginationError::Send)?;
                let advanced = cursor.advance(input, &output);
                on_page(output);
                advanced.map_err(PaginationError::RepeatedToken)?;
            }
            ::std::result::Result::Ok(())
        }

        /// What every operation's error enum offers, for code that handles errors generically
        /// (logging, retry decisions).
        pub trait OperationError: ::std::error::Error + ::std::convert::From<UnhandledError> {
            /// The error code: a modelled error's wire code, or the unhandled response's code.
            fn code(&self) -> ::std::option::Option<&str>;
            /// The message the service sent, if any.
            fn message(&self) -> ::std::option::Option<&str>;
            /// The HTTP status of the response the error came from (`None` for an error built
            /// by hand).
            fn http_status(&self) -> ::std::option::Option<u16>;
            /// The `x-amzn-RequestId` of the response the error came from, when present.
            fn request_id(&self) -> ::std::option::Option<&str>;
            /// The unhandled error, when the response was not one of the operation's modelled
            /// errors.
            fn as_unhandled(&self) -> ::std::option::Option<&UnhandledError>;
        }

        /// A modelled error structure, which remembers the response it was read from.
        pub trait ModelledError {
            /// Records the response the error was read from.
            fn attach_response(&mut self, response: crate::primitives::ResponseMeta);
            /// The response the error was read from, if it was read from one.
            fn response(&self) -> ::std::option::Option<&crate::primitives::ResponseMeta>;
        }

        /// Why a request could not be built.
        #[non_exhaustive]
        #[derive(Clone, Debug, PartialEq)]
        pub enum RequestError {
            /// The input breaks the model's constraints; nothing was serialized.
            Invalid(crate::validation::ValidationError),
            /// The input could not be serialized.
            Serialize(::std::string::String),
        }

        impl RequestError {
            /// The constraint violations, when that is why the request was refused.
            pub fn violations(&self) -> &[crate::validation::Violation] {
                match self {
                    RequestError::Invalid(error) => error.violations(),
                    RequestError::Serialize(_) => &[],
                }
            }
        }

        impl ::std::fmt::Display for RequestError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    RequestError::Invalid(error) => write!(f, "the input is invalid: {error}"),
                    RequestError::Serialize(message) => write!(f, "cannot serialize the request: {message}"),
                }
            }
        }

        impl ::std::error::Error for RequestError {}

        #host_label_fn

        #compression_support

        /// Builds the request for an operation target and input.
        pub fn request<T: ::serde::Serialize + ?Sized>(target: &str, input: &T) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, RequestError> {
                                    // Most request bodies fit; a larger one grows once or twice.
            let mut body = ::std::vec::Vec::with_capacity(1024);
            ::serde_json::to_writer(&mut body, input).map_err(|error| RequestError::Serialize(error.to_string()))?;
            let target = ::http::HeaderValue::from_str(target).map_err(|error| RequestError::Serialize(error.to_string()))?;
            let mut request = ::http::Request::new(body);
            *request.method_mut() = ::http::Method::POST;
            let length = ::http::HeaderValue::from(request.body().len());
            let headers = request.headers_mut();
            headers.insert(::http::header::CONTENT_TYPE, ::http::HeaderValue::from_static(CONTENT_TYPE));
            headers.insert(::http::HeaderName::from_static("x-amz-target"), target);
            headers.insert(::http::header::CONTENT_LENGTH, length);
            ::std::result::Result::Ok(request)
        }

        /// Parses a 2xx body into an output: the body must be UTF-8 JSON, an empty body counts
        /// as `{}`, unknown members are ignored, and a wrongly typed value is an error naming
        /// its member path.
        pub fn parse_output<T: ::serde::de::DeserializeOwned>(body: &[u8]) -> ::std::result::Result<T, ::std::string::String> {
                        let body = ::std::str::from_utf8(body).map_err(|error| format!("the body is not UTF-8: {error}"))?;
            let body = if body.trim().is_empty() { "{}" } else { body };
            // The fast path reads without tracking member paths; only a body that fails is read
            // again, with tracking, to say where it went wrong.
            match ::serde_json::from_str(body) {
                ::std::result::Result::Ok(value) => ::std::result::Result::Ok(value),
                ::std::result::Result::Err(_) => {
                    let mut deserializer = ::serde_json::Deserializer::from_str(body);
                    let value: T = ::serde_path_to_error::deserialize(&mut deserializer).map_err(path_error)?;
                    deserializer.end().map_err(|error| error.to_string())?;
                    ::std::result::Result::Ok(value)
                }
            }
        }

        fn path_error<E: ::std::fmt::Display>(error: ::serde_path_to_error::Error<E>) -> ::std::string::String {
            let path = error.path().to_string();
            if path == "." {
                error.inner().to_string()
            } else {
                format!("{path}: {}", error.inner())
            }
        }

        fn header<'h>(headers: &'h ::http::HeaderMap, name: &str) -> ::std::option::Option<&'h str> {
            headers.get(name).and_then(|value| value.to_str().ok())
        }

        /// Reduces a raw error code to the shape name: drops everything from the first `:` and
        /// everything up to the last `#`.
        pub fn sanitize_error_code(raw: &str) -> &str {
            let before_colon = raw.split(':').next().unwrap_or(raw);
            before_colon.rsplit('#').next().unwrap_or(before_colon).trim()
        }

        /// What could be read from an error response: its code (from `X-Amzn-ErrorType`, else
        /// the body's `code`, else its `__type`), message (`message` or `Message`), status,
        /// request id and JSON body.
        #[derive(Clone, Debug)]
        pub struct ErrorResponse {
            status: u16,
            code: ::std::option::Option<::std::string::String>,
            message: ::std::option::Option<::std::string::String>,
            request_id: ::std::option::Option<::std::string::String>,
            body: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        impl ErrorResponse {
            /// Reads an error response. Never fails: a body that is not a JSON object simply
            /// contributes nothing.
            pub fn new(status: u16, headers: &::http::HeaderMap, body: &[u8]) -> Self {
                let body = match ::serde_json::from_slice::<::serde_json::Value>(body) {
                    ::std::result::Result::Ok(::serde_json::Value::Object(map)) => map,
                    _ => ::serde_json::Map::new(),
                };
                let text = |key: &str| body.get(key).and_then(::serde_json::Value::as_str);
                let code = header(headers, "x-amzn-errortype")
                    .or_else(|| text("code"))
                    .or_else(|| text("__type"))
                    .map(sanitize_error_code)
                    .filter(|code| !code.is_empty())
                    .map(str::to_owned);
                let message = text("message").or_else(|| text("Message")).map(str::to_owned);
                let request_id = header(headers, "x-amzn-requestid").map(str::to_owned);
                ErrorResponse { status, code, message, request_id, body }
            }

            /// The sanitized error code, when the response named one.
            pub fn code(&self) -> ::std::option::Option<&str> {
                self.code.as_deref()
            }

            /// The HTTP status.
            pub fn status(&self) -> u16 {
                self.status
            }

            /// Reads the body as a modelled error structure; when the body does not fit it,
            /// the response is returned as an unhandled error instead.
            pub fn typed<T: ::serde::de::DeserializeOwned + ModelledError>(self) -> ::std::result::Result<T, UnhandledError> {
                let body = ::serde_json::Value::Object(self.body.clone());
                match ::serde_path_to_error::deserialize::<_, T>(body) {
                    ::std::result::Result::Ok(mut error) => {
                        error.attach_response(crate::primitives::ResponseMeta::new(self.status, self.request_id));
                        ::std::result::Result::Ok(error)
                    }
                    ::std::result::Result::Err(error) => {
                        ::std::result::Result::Err(self.into_unhandled().with_deserialize_error(path_error(error)))
                    }
                }
            }

            /// The response as an unhandled error.
            pub fn into_unhandled(self) -> UnhandledError {
                let mut error = UnhandledError::new(self.status);
                if let ::std::option::Option::Some(code) = self.code {
                    error = error.with_code(code);
                }
                if let ::std::option::Option::Some(message) = self.message {
                    error = error.with_message(message);
                }
                if let ::std::option::Option::Some(request_id) = self.request_id {
                    error = error.with_request_id(request_id);
                }
                error
            }
        }

        /// Implements `Serialize` and `Deserialize` for a structure from the functions that
        /// `#[serde(remote = "Self")]` derives, so that a structure is read only from a JSON
        /// object: derived impls would also accept an array, positionally.
        macro_rules! json_object {
            ($name:ident) => {
                impl ::serde::Serialize for $name {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        $name::serialize(self, serializer)
                    }
                }

                impl<'de> ::serde::Deserialize<'de> for $name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        deserializer.deserialize_map(crate::wire::ObjectVisitor::<$name>::new())
                    }
                }

                impl<'de> crate::wire::FromJsonObject<'de> for $name {
                    fn from_map<A: ::serde::de::MapAccess<'de>>(map: A) -> ::std::result::Result<Self, A::Error> {
                        $name::deserialize(::serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
            };
        }
        pub(crate) use json_object;

        #modelled_error_macro

        /// A structure read from the entries of a JSON object.
        pub trait FromJsonObject<'de>: Sized {
            /// Reads the structure from an object's entries.
            fn from_map<A: ::serde::de::MapAccess<'de>>(map: A) -> ::std::result::Result<Self, A::Error>;
        }

        /// Accepts a JSON object, and nothing else, for a structure.
        pub struct ObjectVisitor<T>(::std::marker::PhantomData<T>);

        impl<T> ObjectVisitor<T> {
            /// The visitor.
            pub fn new() -> Self {
                ObjectVisitor(::std::marker::PhantomData)
            }
        }

        impl<T> ::std::default::Default for ObjectVisitor<T> {
            fn default() -> Self {
                Self::new()
            }
        }

        impl<'de, T: FromJsonObject<'de>> ::serde::de::Visitor<'de> for ObjectVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: ::serde::de::MapAccess<'de>>(self, map: A) -> ::std::result::Result<T, A::Error> {
                T::from_map(map)
            }
        }

        #codecs
        #timestamp_codecs
        #idempotency

        /// `deserialize_with` for a defaulted member whose type needs codec `C`: `null` gives the
        /// default.
        pub fn decode_or_default<'de, C, T, D>(deserializer: D) -> ::std::result::Result<T, D::Error>
        where
            C: Codec<T>,
            T: ::std::default::Default,
            D: ::serde::Deserializer<'de>,
        {
            Optional::<C>::default().decode(deserializer).map(::std::option::Option::unwrap_or_default)
        }

        /// Whether a value equals its type's default (input members equal to their model
        /// default are not sent).
        pub fn is_default<T: ::std::default::Default + ::std::cmp::PartialEq>(value: &T) -> bool {
            *value == T::default()
        }

        /// Reads a member that has a model default: `null` counts as absent and gives the default.
        pub fn null_as_default<'de, D, T>(deserializer: D) -> ::std::result::Result<T, D::Error>
        where
            D: ::serde::Deserializer<'de>,
            T: ::serde::Deserialize<'de> + ::std::default::Default,
        {
            let value: ::std::option::Option<T> = ::serde::Deserialize::deserialize(deserializer)?;
            ::std::result::Result::Ok(value.unwrap_or_default())
        }
    }
}

/// The `Operation::host_prefix` method and the host label check, for services whose
/// operations put a prefix before the host (`smithy.api#endpoint`).
fn host_prefix_support() -> (TokenStream, TokenStream) {
    let method = quote! {
        /// What goes before the caller's host for this input (`smithy.api#endpoint`):
        /// `Some("foo.bar.")` sends to `foo.bar.example.com`. `None` when the operation
        /// has no prefix; an error when a `@hostLabel` member is not a valid host label.
        fn host_prefix(_input: &Self::Input) -> ::std::result::Result<::std::option::Option<::std::string::String>, RequestError> {
            ::std::result::Result::Ok(::std::option::Option::None)
        }
    };
    let check = quote! {
        /// Checks that a `@hostLabel` member's value can go into a host name: dot-separated
        /// labels of 1 to 63 letters, digits and hyphens, none starting or ending with a hyphen.
        pub fn host_label<'a>(member: &str, value: &'a str) -> ::std::result::Result<&'a str, RequestError> {
            let valid = !value.is_empty()
                && value.split('.').all(|label| {
                    (1..=63).contains(&label.len())
                        && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                });
            if valid {
                ::std::result::Result::Ok(value)
            } else {
                ::std::result::Result::Err(RequestError::Serialize(format!(
                    "`{member}` is used in the host name, but {value:?} is not a valid host label"
                )))
            }
        }
    };
    (method, check)
}

/// Request compression (`smithy.api#requestCompression`): the settings, the gzip step, and
/// the trait method that applies it to an operation's requests.
fn compression_support() -> (TokenStream, TokenStream) {
    let method = quote! {
        /// Whether the operation compresses large request bodies (`@requestCompression`).
        const COMPRESSES_REQUESTS: bool = false;

        /// [`Operation::serialize_request`] with explicit compression settings (the default
        /// settings compress bodies of 10 240 bytes or more for operations that allow it).
        fn serialize_request_with(
            input: &Self::Input,
            compression: &Compression,
        ) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, RequestError> {
            let filled = Self::fill_defaults(input);
            let input = filled.as_ref().unwrap_or(input);
            crate::validation::Validate::validate(input).map_err(RequestError::Invalid)?;
            let request = request(Self::TARGET, input)?;
            if Self::COMPRESSES_REQUESTS {
                compress(request, compression)
            } else {
                ::std::result::Result::Ok(request)
            }
        }
    };
    let support = quote! {
        /// When to gzip the body of an operation with `@requestCompression`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Compression {
            /// Never compress.
            pub disabled: bool,
            /// Compress bodies of at least this many bytes (Smithy's default: 10 240).
            pub min_size_bytes: usize,
        }

        impl ::std::default::Default for Compression {
            fn default() -> Self {
                Compression { disabled: false, min_size_bytes: 10_240 }
            }
        }

        /// Gzips the body when the settings allow, appending `gzip` to `Content-Encoding`
        /// and updating `Content-Length`.
        pub fn compress(
            mut request: ::http::Request<::std::vec::Vec<u8>>,
            compression: &Compression,
        ) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, RequestError> {
            use ::std::io::Write as _;
            if compression.disabled || request.body().len() < compression.min_size_bytes {
                return ::std::result::Result::Ok(request);
            }
            let mut encoder = ::flate2::write::GzEncoder::new(
                ::std::vec::Vec::with_capacity(request.body().len() / 2),
                ::flate2::Compression::default(),
            );
            let compressed = encoder
                .write_all(request.body())
                .and_then(|()| encoder.finish())
                .map_err(|error| RequestError::Serialize(error.to_string()))?;
            let encoding = match request.headers().get(::http::header::CONTENT_ENCODING) {
                ::std::option::Option::Some(existing) => {
                    let existing = existing.to_str().map_err(|error| RequestError::Serialize(error.to_string()))?;
                    ::http::HeaderValue::from_str(&format!("{existing}, gzip"))
                        .map_err(|error| RequestError::Serialize(error.to_string()))?
                }
                ::std::option::Option::None => ::http::HeaderValue::from_static("gzip"),
            };
            *request.body_mut() = compressed;
            let length = ::http::HeaderValue::from(request.body().len());
            let headers = request.headers_mut();
            headers.insert(::http::header::CONTENT_ENCODING, encoding);
            headers.insert(::http::header::CONTENT_LENGTH, length);
            ::std::result::Result::Ok(request)
        }
    };
    (method, support)
}

/// `modelled_error!`: what every error structure has alike (its wire facts, `Display`,
/// `std::error::Error` and `ModelledError`), written once instead of per error. The error's
/// own `message()` gives the text `Display` appends.
fn modelled_error_macro() -> TokenStream {
    quote! {
        /// Implements the wire facts, `Display`, `std::error::Error` and `ModelledError` for an
        /// error structure with a `response` field and a `message()` method.
        macro_rules! modelled_error {
            ($name:ident, $code:literal, $status:literal, $fault:ident) => {
                impl $name {
                    /// The error code on the wire.
                    pub const CODE: &'static str = $code;
                    /// The HTTP status the model gives this error.
                    pub const HTTP_STATUS: u16 = $status;
                    /// Whether the caller or the service is at fault.
                    pub const FAULT: crate::primitives::ErrorFault = crate::primitives::ErrorFault::$fault;
                }

                impl ::std::fmt::Display for $name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(Self::CODE)?;
                        if let ::std::option::Option::Some(message) = self.message() {
                            write!(f, ": {message}")?;
                        }
                        ::std::result::Result::Ok(())
                    }
                }

                impl ::std::error::Error for $name {}

                impl crate::wire::ModelledError for $name {
                    fn attach_response(&mut self, response: crate::primitives::ResponseMeta) {
                        self.response = ::std::option::Option::Some(response);
                    }

                    fn response(&self) -> ::std::option::Option<&crate::primitives::ResponseMeta> {
                        self.response.as_ref()
                    }
                }
            };
        }
        pub(crate) use modelled_error;
    }
}
