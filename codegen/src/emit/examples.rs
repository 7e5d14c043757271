//! `smithy.api#examples` as rustdoc examples on the operation type. Each builds the input
//! with the builders, serializes it and checks the body against the example, then parses the
//! example's response and compares it with the typed output (or matches the typed error).
//! They run as doc tests, so a model example the generated code cannot express is caught.

use crate::plan::ir::{
    Enum, Example, Module, Operation, RustType, Service, Structure, TimestampFormat, TypeName,
    TypeRef,
};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

/// The Markdown `# Examples` section for an operation, or `None` when it has no examples.
pub fn examples_section(service: &Service, operation: &Operation) -> Option<String> {
    if operation.examples.is_empty() {
        return None;
    }
    let mut text = String::from("# Examples");
    let mut any = false;
    for example in &operation.examples {
        // An example this generator cannot express in code is left out of the docs (it still
        // becomes a wire case through the model).
        let Some(code) = example_code(service, operation, example) else {
            continue;
        };
        any = true;
        // The title is model text: one line of plain text, never Markdown or code.
        let title = crate::plan::docs::plain_text(&example.title);
        text.push_str(&format!("\n\n## {title}\n\n"));
        if let Some(docs) = &example.docs {
            text.push_str(docs);
            text.push_str("\n\n");
        }
        text.push_str("```\n");
        text.push_str(&code);
        text.push_str("```");
    }
    any.then_some(text)
}

/// A crate-level "Handling errors" section: parsing an error response of the first operation
/// that has modelled errors, and matching on its typed variants. Runs as a doc test.
pub fn error_handling_section(service: &Service) -> Option<String> {
    let operation = service.operations.iter().find(|op| !op.errors.is_empty())?;
    let error = operation.errors.first()?;
    let status = service
        .error(&error.error.id)
        .map_or(400, |e| e.http_status);
    let names = Names::new(service, &operation.module);
    let krate = &names.krate;
    let module = format_ident!("{}", super::common::file_stem(&operation.module));
    let op = super::common::ident(&operation.rust_name);
    let error_enum = super::common::ident(&operation.error_enum);
    let variant = super::common::ident(&error.variant);
    let body = Literal::string(&format!(
        r#"{{"__type":"{}","message":"details from the service"}}"#,
        error.code
    ));
    let code = render_main(quote! {
        use #krate::operations::#module::{#op, #error_enum};
        use #krate::wire::{Operation, OperationError};

        let response = http::Response::builder()
            .status(#status)
            .header("x-amzn-RequestId", "example-request-id")
            .body(#body)?;
        match #op::parse_response(&response) {
            Ok(output) => println!("{output:?}"),
            Err(#error_enum::#variant(error)) => println!("{error}"),
            Err(other) => match other.as_unhandled() {
                Some(unhandled) => println!("{} {:?}", unhandled.http_status(), unhandled.request_id()),
                None => println!("{other}"),
            },
        }
    })?;
    Some(format!(
        "# Handling errors\n\nEach operation's `parse_response` returns its own error enum: one variant \
         per error the model lists for it, and `Unhandled` for everything else (an unmodelled \
         code such as a throttling error, or a body that could not be read), which keeps the \
         status and request id. Match on the variants you can act on:\n\n```\n{code}```"
    ))
}

/// Renders statements as a doc test body inside a hidden `main` returning `Result`.
fn render_main(body: TokenStream) -> Option<String> {
    let file: syn::File = syn::parse2(quote! {
        fn main() -> ::std::result::Result<(), ::std::boxed::Box<dyn ::std::error::Error>> {
            #body
            Ok(())
        }
    })
    .ok()?;
    let text = prettyplease::unparse(&file);
    let lines: Vec<&str> = text.lines().collect();
    let mut code = String::new();
    for (i, line) in lines.iter().enumerate() {
        let hidden = i == 0 || i + 2 >= lines.len();
        let line = line.strip_prefix("    ").unwrap_or(line);
        if hidden {
            code.push_str("# ");
        }
        code.push_str(line);
        code.push('\n');
    }
    Some(code)
}

/// The doc test's source: visible statements, with the `main` wrapper hidden.
fn example_code(service: &Service, operation: &Operation, example: &Example) -> Option<String> {
    let names = Names::new(service, &operation.module);
    let krate = names.krate.clone();
    let module = format_ident!("{}", super::common::file_stem(&operation.module));
    let op = super::common::ident(&operation.rust_name);
    let input_structure = names.structure(&operation.input)?;
    let input = names.builder(input_structure, &example.input)?;
    let input_json = Literal::string(&example.input.to_string());
    // `@idempotencyToken` members the example leaves out: the client fills them in with a
    // fresh token, so the test checks they are there and compares the rest.
    let filled: Vec<&str> = service
        .structure(&operation.input.id)
        .map(|structure| {
            structure
                .members
                .iter()
                .filter(|m| m.idempotency_token && example.input.get(&m.wire_name).is_none())
                .map(|m| m.wire_name.as_str())
                .collect()
        })
        .unwrap_or_default();
    let read_body = if filled.is_empty() {
        quote!(let body: serde_json::Value = serde_json::from_slice(request.body())?;)
    } else {
        quote! {
            let mut body: serde_json::Value = serde_json::from_slice(request.body())?;
            // Left out of the example, the idempotency token is filled in by the client.
            for token in [#(#filled),*] {
                assert!(body[token].is_string());
                if let Some(members) = body.as_object_mut() {
                    members.remove(token);
                }
            }
        }
    };
    let mut body = quote! {
        use #krate::operations::#module::*;
        use #krate::wire::Operation;

        let input = #input;
        let request = #op::serialize_request(&input)?;
        #read_body
        let expected: serde_json::Value = serde_json::from_str(#input_json)?;
        assert_eq!(body, expected);
    };
    if let Some(output) = &example.output {
        let output_structure = names.structure(&operation.output)?;
        let expected = names.builder(output_structure, output)?;
        let response_body = Literal::string(&output.to_string());
        body.extend(quote! {
            let response = http::Response::builder().status(200).body(#response_body)?;
            let output = #op::parse_response(&response)?;
            let expected = #expected;
            assert_eq!(output, expected);
        });
    }
    if let Some((shape_id, content)) = &example.error {
        let name = shape_id.rsplit('#').next().unwrap_or(shape_id);
        let error = operation.errors.iter().find(|e| e.code == name)?;
        let status = service
            .error(&error.error.id)
            .map_or(400, |e| e.http_status);
        let mut content = content.as_object().cloned().unwrap_or_default();
        content.insert("__type".to_owned(), Value::from(name));
        let response_body = Literal::string(&Value::Object(content).to_string());
        let error_enum = super::common::ident(&operation.error_enum);
        let variant = super::common::ident(&error.variant);
        body.extend(quote! {
            let response = http::Response::builder().status(#status).body(#response_body)?;
            match #op::parse_response(&response) {
                Err(#error_enum::#variant(error)) => println!("{error}"),
                other => return Err(format!("unexpected {other:?}").into()),
            }
        });
    }
    render_main(body)
}

/// Looks up IR types and spells their public paths for doc tests (which see the crate from
/// outside, by its library name).
struct Names<'a> {
    service: &'a Service,
    krate: proc_macro2::Ident,
    /// The operation's module, glob-imported by the example.
    own_module: Module,
}

impl<'a> Names<'a> {
    fn new(service: &'a Service, operation_module: &str) -> Self {
        Names {
            service,
            krate: format_ident!("{}", service.crate_name.replace('-', "_")),
            own_module: Module::Operation(operation_module.to_owned()),
        }
    }

    fn structure(&self, name: &TypeRef) -> Option<&'a Structure> {
        self.service.structure(&name.id)
    }

    fn enumeration(&self, name: &TypeRef) -> Option<&'a Enum> {
        self.service.enumeration(&name.id)
    }

    fn path(&self, name: &TypeName) -> TokenStream {
        let krate = &self.krate;
        let ty = super::common::ident(&name.name);
        match &name.module {
            module if *module == self.own_module => quote!(#ty),
            Module::Types => quote!(#krate::types::#ty),
            Module::Errors => quote!(#krate::errors::#ty),
            Module::Operation(module) => {
                let module = format_ident!("{}", super::common::file_stem(module));
                quote!(#krate::operations::#module::#ty)
            }
        }
    }

    /// `Type::builder().member(value)...build()`, with `?` where building can fail.
    fn builder(&self, structure: &Structure, value: &Value) -> Option<TokenStream> {
        let object = value.as_object()?;
        let path = self.path(&structure.name);
        let mut calls = TokenStream::new();
        for member in &structure.members {
            let Some(member_value) = object.get(&member.wire_name) else {
                continue;
            };
            let setter = super::common::ident(&member.field_name);
            let value = self.value(&member.ty, member_value)?;
            calls.extend(quote!(.#setter(#value)));
        }
        let build = if structure.has_required_without_default() {
            quote!(.build()?)
        } else {
            quote!(.build())
        };
        Some(quote!(#path::builder() #calls #build))
    }

    fn value(&self, ty: &RustType, value: &Value) -> Option<TokenStream> {
        Some(match (ty, value) {
            (RustType::String, Value::String(s)) => quote!(#s),
            (RustType::Boolean, Value::Bool(b)) => quote!(#b),
            (
                RustType::Byte | RustType::Short | RustType::Integer | RustType::Long,
                Value::Number(n),
            ) => {
                let lit = Literal::i64_unsuffixed(n.as_i64()?);
                quote!(#lit)
            }
            (RustType::Float | RustType::Double, Value::Number(n)) => {
                let lit = Literal::f64_unsuffixed(n.as_f64()?);
                quote!(#lit)
            }
            (RustType::Timestamp(TimestampFormat::EpochSeconds), Value::Number(n)) => {
                let krate = &self.krate;
                let millis = (n.as_f64()? * 1000.0).round() as i64;
                quote!(#krate::primitives::DateTime::from_millis(#millis))
            }
            (RustType::Enum(name), Value::String(s)) => {
                let path = self.path(&name.name);
                match self
                    .enumeration(name)?
                    .variants
                    .iter()
                    .find(|v| &v.value == s)
                {
                    Some(variant) => {
                        let variant = super::common::ident(&variant.name);
                        quote!(#path::#variant)
                    }
                    None => quote!(#path::from(#s)),
                }
            }
            (RustType::Structure { name, .. }, Value::Object(_)) => {
                self.builder(self.structure(name)?, value)?
            }
            (RustType::List(item), Value::Array(items)) => {
                let items = items
                    .iter()
                    .map(|v| self.value(item, v))
                    .collect::<Option<Vec<_>>>()?;
                quote!(::std::vec![#(#items),*])
            }
            (RustType::Map(item), Value::Object(entries)) => {
                let entries = entries
                    .iter()
                    .map(|(k, v)| self.value(item, v).map(|v| quote!((#k.to_owned(), #v))))
                    .collect::<Option<Vec<_>>>()?;
                quote!(::std::collections::BTreeMap::from([#(#entries),*]))
            }
            (RustType::IntEnum(name), Value::Number(n)) => {
                let path = self.path(&name.name);
                let value = Literal::i32_unsuffixed(i32::try_from(n.as_i64()?).ok()?);
                quote!(#path::from(#value))
            }
            (RustType::Union { name, .. }, Value::Object(entries)) if entries.len() == 1 => {
                let union = self.service.union(&name.id)?;
                let (key, inner) = entries.iter().next()?;
                let variant = union.variants.iter().find(|v| v.wire_name() == key)?;
                let path = self.path(&name.name);
                let ident = super::common::ident(&variant.variant);
                match variant.value() {
                    None => quote!(#path::#ident),
                    Some(member) => {
                        let inner = self.value(&member.ty, inner)?;
                        quote!(#path::#ident(#inner))
                    }
                }
            }
            (RustType::Document, value) => {
                let text = Literal::string(&value.to_string());
                quote!(serde_json::from_str::<serde_json::Value>(#text)?)
            }
            _ => return None,
        })
    }
}
