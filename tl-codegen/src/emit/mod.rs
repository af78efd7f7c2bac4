//! Rust tokens for a [`Model`]: `types` (a struct per constructor), `enums` (an enum per boxed type),
//! `functions` (a struct per function), `LAYER` and `name_for_id`.
//!
//! The emitter only prints what the model decided: one `Emitter` context with a method per kind of item
//! (`Emitter::constructor`, `Emitter::function`, `Emitter::enumeration`); the length pass, the
//! encoder and the decoder of an item are each a walk over its wire plan ([`crate::model::Step`]).
//!
//! Every path is fully qualified (`::std::vec::Vec`, `::tl_runtime::Serialize`) so TL names such as `Error`
//! or `Result` cannot clash, and items refer to each other with `super::` so the output also works when
//! `include!`d into any module.

mod attributes;
mod decode;
mod docs;
mod encode;
mod enums;
mod fill;
mod items;
mod owned;
mod reads;
mod rpc_errors;
mod split;
mod tdjson;
mod tuples;
mod types;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::ident::{self, ident};
use crate::model::{Item, Model};

/// Where generated items are, as text (kept here too for the tests and build scripts that name them).
pub use crate::ident::item_path;

/// Choices about what to generate beyond the types and their encodings. The default is none of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmitOptions {
    /// Generate `Deserialize` for functions too (a server or a test reads requests; a client only writes
    /// them, so the default is no: the peer grammers-tl-types leaves it out too).
    pub deserialize_functions: bool,
    /// Derive `serde::Serialize` and `serde::Deserialize` on every type (through `tl_runtime::serde`).
    pub serde: bool,
    /// The JSON interface of TDLib and tonlib instead of the TL binary encoding: serde in their form
    /// (`"@type"` on every object, `int64` as a string, flags words as members) and
    /// `tl_runtime::tdjson::Function` for functions. Implies `serde`.
    pub tdjson: bool,
    /// Attributes the user adds to matching types and fields.
    pub attributes: Vec<UserAttribute>,
    /// Link each item to its page in Telegram's API reference.
    pub telegram_doc_links: bool,
    /// Derive `Hash` where `Eq` is derived.
    pub derive_hash: bool,
    /// Also generate `borrowed`: the constructors and types that hold text or bytes, with a lifetime,
    /// decoded without copying (`DeserializeBorrowed`), and `into_owned`.
    pub borrowed_types: bool,
    /// Split the output: the items of `types`, `enums` and `functions` in files under this folder
    /// (relative to the main file; `api` for `api.rs`), one per namespace and one per first letter outside
    /// any namespace, `include!`d by the main file ([`emit_split`]).
    pub split: Option<String>,
}

pub use attributes::{AttributeTarget, UserAttribute};

/// The top-level parts of the output, in output order. Each can be emitted (and formatted) on its own
/// thread; their concatenation is the whole output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `LAYER`, when the schema names one.
    Layer,
    /// `pub mod types`.
    Types,
    /// `pub mod enums`.
    Enums,
    /// `pub mod functions`.
    Functions,
    /// `pub mod borrowed`, when asked for.
    Borrowed,
    /// `pub mod errors`, when an error list was given.
    Errors,
    /// `name_for_id`.
    NameForId,
}

/// Emits one top-level part of the output.
pub fn emit_part(model: &Model, options: &EmitOptions, part: Part) -> TokenStream {
    Emitter::new(model, options).part(part)
}

/// Emits one top-level part of the output, and the pieces it put in files of their own when
/// [`EmitOptions::split`] is set: (path relative to the main file, tokens).
pub fn emit_split(model: &Model, options: &EmitOptions, part: Part) -> (TokenStream, Vec<(String, TokenStream)>) {
    let emitter = Emitter::new(model, options);
    let tokens = emitter.part(part);
    (tokens, emitter.pieces.take())
}

/// Where an item lives inside its top module (`types`, `enums`, `functions`, or those of `borrowed`): its
/// namespace and its form, which give its depth for `super::` paths.
#[derive(Clone, Copy)]
struct Place<'m> {
    namespace: Option<&'m str>,
    form: Form,
    /// The form of the values named here: the module's, but owned in the arguments of a generic type
    /// (which has no borrowed form: `Maybe<String>` in a borrowed struct).
    values: Form,
    /// How many repetition items of several values (tuples) enclose the code: the depth of the item
    /// a tuple read or written here is, which names its values' locals.
    item_depth: usize,
}

/// The owned types (the top modules) or their borrowed forms (in `borrowed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Owned,
    Borrowed,
}

impl Place<'_> {
    fn depth(&self) -> usize {
        1 + usize::from(self.namespace.is_some()) + usize::from(self.form == Form::Borrowed)
    }

    /// The same module, naming owned values (the arguments of a generic type).
    fn owned_values(self) -> Self {
        Place {
            values: Form::Owned,
            ..self
        }
    }

    /// Inside a repetition's item of several values, whose values are locals of this depth.
    fn inside_item(self) -> Self {
        Place {
            item_depth: self.item_depth + 1,
            ..self
        }
    }

    /// The form of an item or type with `borrows` as seen from here: borrowed only where both are.
    fn form_of(&self, borrows: bool) -> Form {
        match self.values {
            Form::Borrowed if borrows => Form::Borrowed,
            _ => Form::Owned,
        }
    }
}

/// Everything an emitting method needs: the model, the options, and the Rust type of each built-in
/// (parsed once from the table).
struct Emitter<'m> {
    model: &'m Model,
    options: &'m EmitOptions,
    builtin_types: Vec<TokenStream>,
    /// The user's attributes, parsed.
    attributes: Vec<(&'m UserAttribute, TokenStream)>,
    /// What the split output put in files of its own.
    pieces: split::Pieces,
}

impl<'m> Emitter<'m> {
    fn new(model: &'m Model, options: &'m EmitOptions) -> Self {
        let builtin_types = (tl_parser::builtin::BUILTINS.iter())
            .map(|builtin| crate::rust_text::tokens(builtin.rust))
            .collect::<Option<_>>()
            .expect("the built-in table holds Rust types");
        let attributes = (options.attributes.iter())
            .map(|attribute| {
                (
                    attribute,
                    attribute.tokens().expect("attributes are checked when they are given"),
                )
            })
            .collect();
        Emitter {
            model,
            options,
            builtin_types,
            attributes,
            pieces: split::Pieces::default(),
        }
    }

    fn part(&self, part: Part) -> TokenStream {
        match part {
            Part::Layer => self.layer(),
            Part::Types => {
                let tuples = self.tuples_allowed();
                let types = self.modules("types", &self.model.constructors, Form::Owned, |item, place| {
                    self.constructor(item, place)
                });
                let doc = self.module_doc(part);
                quote! {
                    #(#[doc = #doc])*
                    #[allow(missing_docs, dead_code)]
                    #tuples
                    pub mod types { #types }
                }
            }
            Part::Enums => {
                let enums = self.enum_modules(Form::Owned);
                let doc = self.module_doc(part);
                quote! {
                    #(#[doc = #doc])*
                    #[allow(missing_docs, dead_code)]
                    pub mod enums { #enums }
                }
            }
            Part::Functions => {
                let tuples = self.tuples_allowed();
                let functions = self.modules("functions", &self.model.functions, Form::Owned, |item, place| {
                    self.function(item, place)
                });
                let doc = self.module_doc(part);
                quote! {
                    #(#[doc = #doc])*
                    #[allow(missing_docs, dead_code)]
                    #tuples
                    pub mod functions { #functions }
                }
            }
            Part::Borrowed => self.borrowed(),
            Part::Errors => self.errors_module(),
            Part::NameForId => self.name_for_id(),
        }
    }

    /// Where the schema has repetitions of several values: the tuples they are (`Vec<(u32, i32,
    /// Vec<CompactString>)>`) are what clippy's `type_complexity` reports, and a type alias per item would
    /// only move the tuple out of sight of the field's docs.
    fn tuples_allowed(&self) -> Option<TokenStream> {
        self.model
            .holds_tuples()
            .then(|| quote!(#[allow(clippy::type_complexity)]))
    }

    /// The documentation lines of the module of `part` (`types`, `enums` or `functions`): what its items
    /// are, and how they are encoded (TL's binary form, or TDLib's JSON).
    fn module_doc(&self, part: Part) -> &'static [&'static str] {
        match (part, self.options.tdjson) {
            (Part::Types, false) => &[
                " A struct per constructor. Fields are named like the TL params shown in each struct's",
                " documentation. A struct's `Serialize` and `Deserialize` are its bare encoding (no constructor",
                " id): the boxed encoding is its enum's.",
            ],
            (Part::Enums, false) => &[
                " An enum per boxed type, with a variant per constructor (named in the enum's documentation),",
                " and the boxed encoding.",
            ],
            (Part::Functions, false) => &[
                " A struct per function, with the type it returns (`RemoteCall::Return`). A function's",
                " `Serialize` writes its constructor id first, as a request is sent.",
            ],
            (Part::Types, true) => &[
                " A struct per constructor, in TDLib's JSON: an object whose `\"@type\"` is the constructor's",
                " TL name, with a member per field.",
            ],
            (Part::Enums, true) => &[" An enum per type, read from JSON by the `\"@type\"` of its object."],
            (Part::Functions, true) => {
                &[" A struct per function, with the type it answers (`tl_runtime::tdjson::Function::Return`)."]
            }
            _ => &[],
        }
    }

    /// `pub mod borrowed`: the borrowed form of every constructor and type that holds text or bytes.
    fn borrowed(&self) -> TokenStream {
        if !self.options.borrowed_types {
            return TokenStream::new();
        }
        let types = self.modules("types", &self.model.constructors, Form::Borrowed, |item, place| {
            self.constructor(item, place)
        });
        let enums = self.enum_modules(Form::Borrowed);
        let tuples = self.tuples_allowed();
        quote! {
            /// The constructors and types that hold text or bytes, in a form that borrows them from the input:
            /// `string` is a `Cow<'a, str>` (borrowed unless the text is not valid UTF-8), `bytes` a `&'a [u8]`.
            /// Decode with `tl_runtime::DeserializeBorrowed`; `into_owned` gives the owned value. Parts with
            /// nothing to borrow are the owned types themselves.
            // Fields are borrowed alike for every type (`&self.field`), also where a field is a `&[u8]`.
            #[allow(clippy::needless_borrow, dead_code)]
            #tuples
            pub mod borrowed {
                /// A struct per constructor that holds text or bytes.
                #[allow(missing_docs, dead_code)]
                pub mod types { #types }
                /// An enum per type that holds text or bytes.
                #[allow(missing_docs, dead_code)]
                pub mod enums { #enums }
            }
        }
    }

    fn layer(&self) -> TokenStream {
        let Some(layer) = self.model.layer else {
            return TokenStream::new();
        };
        let layer = Literal::i32_unsuffixed(layer as i32);
        quote! {
            /// The schema layer these definitions come from.
            #[allow(dead_code)]
            pub const LAYER: i32 = #layer;
        }
    }

    /// The items of `form` (for the borrowed form, those that borrow), by namespace.
    fn modules(
        &self,
        top: &str,
        items: &[Item],
        form: Form,
        emit: impl Fn(&Item, Place<'_>) -> TokenStream,
    ) -> TokenStream {
        let items: Vec<&Item> = items.iter().filter(|i| form == Form::Owned || i.borrows).collect();
        let mut out = TokenStream::new();
        for namespace in namespaces(&items, |i| i.namespace.as_deref()) {
            let place = Place {
                namespace,
                form,
                values: form,
                item_depth: 0,
            };
            let emitted = (items.iter())
                .filter(|i| i.namespace.as_deref() == namespace)
                .map(|i| (i.rust_name.as_str(), emit(i, place)))
                .collect();
            out.extend(wrap_namespace(
                namespace,
                self.namespace_body(top, form, namespace, emitted),
            ));
        }
        out
    }

    fn enum_modules(&self, form: Form) -> TokenStream {
        let types: Vec<_> = (self.model.types.iter())
            .filter(|t| form == Form::Owned || t.borrows)
            .collect();
        let mut out = TokenStream::new();
        for namespace in namespaces(&types, |t| t.namespace.as_deref()) {
            let place = Place {
                namespace,
                form,
                values: form,
                item_depth: 0,
            };
            let emitted = (types.iter())
                .filter(|t| t.namespace.as_deref() == namespace)
                .map(|t| (t.rust_name.as_str(), self.enumeration(t, place)))
                .collect();
            out.extend(wrap_namespace(
                namespace,
                self.namespace_body("enums", form, namespace, emitted),
            ));
        }
        out
    }

    fn name_for_id(&self) -> TokenStream {
        let mut entries: Vec<(u32, &str)> = (self.model.constructors.iter().chain(&self.model.functions))
            .map(|item| (item.id, item.tl_name.as_str()))
            .collect();
        entries.sort();
        entries.dedup_by_key(|(id, _)| *id);
        let arms = entries.iter().map(|(id, name)| {
            let id = hex(*id);
            quote!(#id => ::core::option::Option::Some(#name),)
        });
        quote! {
            /// The TL name of a constructor or function id, for messages about unexpected ids.
            #[allow(dead_code)]
            pub fn name_for_id(id: u32) -> ::core::option::Option<&'static str> {
                match id {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    }
}

fn namespaces<T>(items: &[T], namespace: impl Fn(&T) -> Option<&str>) -> Vec<Option<&str>> {
    let mut namespaces: Vec<Option<&str>> = items.iter().map(namespace).collect();
    namespaces.sort();
    namespaces.dedup();
    namespaces
}

fn wrap_namespace(namespace: Option<&str>, body: TokenStream) -> TokenStream {
    match namespace {
        None => body,
        Some(namespace) => {
            let name = ident(&ident::module_name(namespace));
            let doc = doc_attr(&format!("The `{namespace}` namespace."));
            quote! { #doc pub mod #name { #body } }
        }
    }
}

/// `0x12345678_u32`: typed, for `.to_le_bytes()`.
fn hex_u32(value: u32) -> TokenStream {
    crate::rust_text::tokens(&format!("{value:#010x}_u32")).expect("a hex literal")
}

fn hex(value: u32) -> TokenStream {
    crate::rust_text::tokens(&format!("{value:#010x}")).expect("a hex literal")
}

/// The schema's description of something as `#[doc]` attributes followed by an empty line, or nothing.
fn description(text: Option<&crate::model::Prose>, place: Place<'_>) -> TokenStream {
    let Some(text) = text else {
        return TokenStream::new();
    };
    let mut lines = docs::prose(text, place.depth());
    lines.push(String::new());
    lines.iter().map(|line| doc_attr(line)).collect()
}

/// `#[doc]` attributes, one per line, each with the leading space `///` comments have.
fn doc_lines(lines: &[String]) -> TokenStream {
    lines.iter().flat_map(|text| text.split('\n')).map(doc_attr).collect()
}

fn doc_attr(line: &str) -> TokenStream {
    let line = if line.is_empty() {
        String::new()
    } else {
        format!(" {line}")
    };
    quote!(#[doc = #line])
}
