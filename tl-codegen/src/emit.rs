//! Rust tokens for a [`Model`]: `types` (a struct per constructor), `enums` (an enum per boxed type),
//! `functions` (a struct per function), `LAYER` and `name_for_id`.
//!
//! Every path is fully qualified (`::std::vec::Vec`, `::tl_runtime::Serialize`) so TL names such as `Error`
//! or `Result` cannot clash, and items refer to each other with `super::` so the output also works when
//! `include!`d into any module.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::ident::{self, ident};
use crate::model::{BoxedType, FieldKind, Item, Model, TypeRef, Wire, min_size};

/// Where an item lives inside its top module (`types`, `enums`, `functions`): its namespace, which gives
/// its depth for `super::` paths.
#[derive(Clone, Copy)]
struct Place<'m> {
    namespace: Option<&'m str>,
}

impl Place<'_> {
    fn depth(&self) -> usize {
        1 + usize::from(self.namespace.is_some())
    }
}

/// Choices about what to generate beyond the types and their encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmitOptions {
    /// Generate `Deserialize` for functions too (a server or a test reads requests; a client only writes them).
    pub deserialize_functions: bool,
}

impl Default for EmitOptions {
    fn default() -> Self {
        Self {
            deserialize_functions: true,
        }
    }
}

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
    /// `name_for_id`.
    NameForId,
}

impl Part {
    /// Every part, in output order.
    pub const ALL: [Part; 5] = [Part::Layer, Part::Types, Part::Enums, Part::Functions, Part::NameForId];
}

/// Emits the whole model.
pub fn emit(model: &Model, options: EmitOptions) -> TokenStream {
    Part::ALL.iter().map(|&part| emit_part(model, options, part)).collect()
}

/// Emits one top-level part of the output.
pub fn emit_part(model: &Model, options: EmitOptions, part: Part) -> TokenStream {
    match part {
        Part::Layer => match model.layer {
            Some(layer) => {
                let layer = Literal::i32_unsuffixed(layer as i32);
                quote! {
                    /// The schema layer these definitions come from.
                    pub const LAYER: i32 = #layer;
                }
            }
            None => TokenStream::new(),
        },
        Part::Types => {
            let types = modules(&model.constructors, |item, place| {
                emit_item(model, item, place, false, true)
            });
            quote! {
                /// A struct per constructor. Fields are named like the TL params shown in each struct's
                /// documentation. A struct's `Serialize` and `Deserialize` are its bare encoding (no constructor
                /// id): the boxed encoding is its enum's.
                #[allow(missing_docs)]
                pub mod types { #types }
            }
        }
        Part::Enums => {
            let enums = enum_modules(model);
            quote! {
                /// An enum per boxed type, with a variant per constructor (named in the enum's documentation),
                /// and the boxed encoding.
                #[allow(missing_docs)]
                pub mod enums { #enums }
            }
        }
        Part::Functions => {
            let functions = modules(&model.functions, |item, place| {
                emit_item(model, item, place, true, options.deserialize_functions)
            });
            quote! {
                /// A struct per function, with the type it returns (`RemoteCall::Return`). A function's
                /// `Serialize` writes its constructor id first, as a request is sent.
                #[allow(missing_docs)]
                pub mod functions { #functions }
            }
        }
        Part::NameForId => name_for_id(model),
    }
}

fn namespaces<T>(items: &[T], namespace: impl Fn(&T) -> Option<&str>) -> Vec<Option<&str>> {
    let mut namespaces: Vec<Option<&str>> = items.iter().map(namespace).collect();
    namespaces.sort();
    namespaces.dedup();
    namespaces
}

fn modules(items: &[Item], emit: impl Fn(&Item, Place<'_>) -> TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    for namespace in namespaces(items, |i| i.namespace.as_deref()) {
        let place = Place { namespace };
        let body: TokenStream = items
            .iter()
            .filter(|i| i.namespace.as_deref() == namespace)
            .map(|i| emit(i, place))
            .collect();
        out.extend(wrap_namespace(namespace, body));
    }
    out
}

fn wrap_namespace(namespace: Option<&str>, body: TokenStream) -> TokenStream {
    match namespace {
        None => body,
        Some(namespace) => {
            let name = ident(&ident::module_name(namespace));
            let doc = format!("The `{namespace}` namespace.");
            let doc = doc_attr(&doc);
            quote! { #doc pub mod #name { #body } }
        }
    }
}

fn enum_modules(model: &Model) -> TokenStream {
    let mut out = TokenStream::new();
    for namespace in namespaces(&model.types, |t| t.namespace.as_deref()) {
        let place = Place { namespace };
        let body: TokenStream = (model.types.iter())
            .filter(|t| t.namespace.as_deref() == namespace)
            .map(|t| emit_enum(model, t, place))
            .collect();
        out.extend(wrap_namespace(namespace, body));
    }
    out
}

/// `super::super::types::messages::Foo` from `place`.
fn path_to(place: Place<'_>, module: &str, namespace: Option<&str>, name: &str) -> TokenStream {
    let supers = (0..place.depth()).map(|_| quote!(super::));
    let module = format_ident!("{}", module);
    let namespace = namespace.map(|ns| {
        let ns = ident(&ident::module_name(ns));
        quote!(#ns::)
    });
    let name = ident(name);
    quote!(#(#supers)* #module:: #namespace #name)
}

fn constructor_path(model: &Model, place: Place<'_>, index: usize) -> TokenStream {
    let item = &model.constructors[index];
    path_to(place, "types", item.namespace.as_deref(), &item.rust_name)
}

fn enum_path(model: &Model, place: Place<'_>, index: usize) -> TokenStream {
    let ty = &model.types[index];
    path_to(place, "enums", ty.namespace.as_deref(), &ty.rust_name)
}

fn rust_type(model: &Model, place: Place<'_>, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Int => quote!(i32),
        TypeRef::Long => quote!(i64),
        TypeRef::Double => quote!(f64),
        TypeRef::String => quote!(::tl_runtime::CompactString),
        TypeRef::Bytes => quote!(::std::vec::Vec<u8>),
        TypeRef::Int128 => quote!([u8; 16]),
        TypeRef::Int256 => quote!([u8; 32]),
        TypeRef::Bool => quote!(bool),
        TypeRef::Enum(index) => enum_path(model, place, *index),
        TypeRef::Bare(index) => constructor_path(model, place, *index),
        TypeRef::Vector(element) | TypeRef::BareVector(element) => {
            let element = rust_type(model, place, element);
            quote!(::std::vec::Vec<#element>)
        }
        TypeRef::Generic(name) => {
            let name = ident(name);
            quote!(#name)
        }
    }
}

/// Types whose encoding the runtime traits cover (a constructor struct's traits are its bare encoding).
fn trait_codable(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Bytes | TypeRef::BareVector(_) => false,
        TypeRef::Vector(element) => trait_codable(element),
        _ => true,
    }
}

/// The encoded length of `value` (an expression of type `&T`).
fn len_expr(model: &Model, place: Place<'_>, ty: &TypeRef, value: TokenStream) -> TokenStream {
    if trait_codable(ty) {
        return quote!(::tl_runtime::Serialize::serialized_len(#value));
    }
    match ty {
        TypeRef::Bytes => quote!(::tl_runtime::bytes_len(<[u8]>::len(#value))),
        TypeRef::Vector(element) | TypeRef::BareVector(element) => {
            let function = if matches!(ty, TypeRef::Vector(_)) {
                quote!(vector_len)
            } else {
                quote!(bare_vector_len)
            };
            let item_len = element_fn(model, place, element, Codec::Len);
            quote!(::tl_runtime::#function(#value, #item_len))
        }
        _ => unreachable!("trait-codable types returned above"),
    }
}

/// Writes `value` (an expression of type `&T`) at the front of `out`: an expression for the rest of `out`.
fn write_expr(model: &Model, place: Place<'_>, ty: &TypeRef, value: TokenStream) -> TokenStream {
    if trait_codable(ty) {
        return quote!(::tl_runtime::Serialize::serialize_into(#value, out));
    }
    match ty {
        TypeRef::Bytes => quote!(::tl_runtime::write_bytes(#value, out)),
        TypeRef::Vector(element) | TypeRef::BareVector(element) => {
            let function = if matches!(ty, TypeRef::Vector(_)) {
                quote!(write_vector)
            } else {
                quote!(write_bare_vector)
            };
            let write_item = element_fn(model, place, element, Codec::Write);
            quote!(::tl_runtime::#function(#value, out, #write_item))
        }
        _ => unreachable!("trait-codable types returned above"),
    }
}

/// Reads a `T` from `reader`: an expression of type `Result<T>`.
fn read_expr(model: &Model, place: Place<'_>, ty: &TypeRef) -> TokenStream {
    if trait_codable(ty) {
        let rust = rust_type(model, place, ty);
        return quote!(<#rust as ::tl_runtime::Deserialize>::deserialize(reader));
    }
    match ty {
        TypeRef::Bytes => quote!(::tl_runtime::read_bytes(reader)),
        TypeRef::Vector(element) | TypeRef::BareVector(element) => {
            let function = if matches!(ty, TypeRef::Vector(_)) {
                quote!(read_vector)
            } else {
                quote!(read_bare_vector)
            };
            let min = Literal::usize_unsuffixed(min_size(model, element));
            let read_item = element_fn(model, place, element, Codec::Read);
            quote!(::tl_runtime::#function(reader, #min, #read_item))
        }
        _ => unreachable!("trait-codable types returned above"),
    }
}

#[derive(Clone, Copy)]
enum Codec {
    Len,
    Write,
    Read,
}

/// A function or closure doing one codec step for a vector element.
fn element_fn(model: &Model, place: Place<'_>, element: &TypeRef, codec: Codec) -> TokenStream {
    let rust = rust_type(model, place, element);
    match (codec, element) {
        (Codec::Len, _) if trait_codable(element) => quote!(<#rust as ::tl_runtime::Serialize>::serialized_len),
        (Codec::Write, _) if trait_codable(element) => quote!(<#rust as ::tl_runtime::Serialize>::serialize_into),
        (Codec::Read, _) if trait_codable(element) => quote!(<#rust as ::tl_runtime::Deserialize>::deserialize),
        (Codec::Read, TypeRef::Bytes) => quote!(::tl_runtime::read_bytes),
        (Codec::Len, _) => {
            let len = len_expr(model, place, element, quote!(item));
            quote!(|item: &#rust| #len)
        }
        (Codec::Write, _) => {
            let write = write_expr(model, place, element, quote!(item));
            quote!(|item: &#rust, out| #write)
        }
        (Codec::Read, _) => {
            let read = read_expr(model, place, element);
            quote!(|reader: &mut ::tl_runtime::Reader<'_>| #read)
        }
    }
}

/// `0x12345678_u32`: typed, for `.to_le_bytes()`.
fn hex_u32(value: u32) -> TokenStream {
    let literal: syn::LitInt = syn::parse_str(&format!("{value:#010x}_u32")).expect("a hex literal");
    quote!(#literal)
}

fn hex(value: u32) -> TokenStream {
    let literal: syn::LitInt = syn::parse_str(&format!("{value:#010x}")).expect("a hex literal");
    quote!(#literal)
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

/// A struct for a constructor or a function. A constructor's `Serialize`/`Deserialize` are its bare
/// encoding (its enum adds the id); a function's are boxed (id first), as sent.
fn emit_item(model: &Model, item: &Item, place: Place<'_>, is_function: bool, deserialize: bool) -> TokenStream {
    let name = ident(&item.rust_name);
    let generics: Vec<_> = item.generics.iter().map(|g| ident(g)).collect();
    let kind = if is_function { "function" } else { "constructor" };
    let docs = doc_lines(&[
        format!("The TL {kind} `{}`:", item.tl_name),
        String::new(),
        format!("```tl\n{}\n```", item.definition),
    ]);
    let field_decls = item.fields.iter().map(|field| {
        let field_name = ident(&field.rust_name);
        let ty = field_type(model, item, place, &field.kind);
        // Fields are named like their TL params, which the struct's doc shows; only groups need words.
        let doc = match &field.kind {
            FieldKind::Group(group) => {
                let members: Vec<String> = item.groups[*group]
                    .members
                    .iter()
                    .map(|(_, tl, _)| format!("`{tl}`"))
                    .collect();
                Some(doc_attr(&format!(
                    "The params {} (they share one flag bit: all or none).",
                    members.join(", ")
                )))
            }
            _ => None,
        };
        quote!(#doc pub #field_name: #ty,)
    });
    let body = if item.fields.is_empty() && generics.is_empty() {
        quote!(;)
    } else {
        quote!({ #(#field_decls)* })
    };
    let generic_params = (!generics.is_empty()).then(|| quote!(<#(#generics),*>));
    let bounded = |bound: TokenStream| (!generics.is_empty()).then(|| quote!(<#(#generics: #bound),*>));
    let self_ty = quote!(#name #generic_params);
    let inherent_bounds = (!generics.is_empty()).then(|| quote!(<#(#generics),*>));

    let groups = item.groups.iter().map(|group| {
        let group_name = ident(&group.rust_name);
        let doc = doc_attr(&format!(
            "The params of `{}` that share one flag bit: present together or absent together.",
            item.tl_name
        ));
        let members = group.members.iter().map(|(rust, tl, ty)| {
            let member = ident(rust);
            let _ = tl;
            let ty = rust_type(model, place, ty);
            quote!(pub #member: #ty,)
        });
        quote! {
            #doc
            #[derive(Debug, Clone, PartialEq)]
            pub struct #group_name { #(#members)* }
        }
    });
    let derived: Vec<TokenStream> = item
        .derived
        .iter()
        .map(|derived| {
            let method = ident(&derived.rust_name);
            let from = ident(&derived.from_field);
            let owner = item
                .fields
                .iter()
                .find(|f| f.rust_name == derived.from_field)
                .expect("the owner field");
            let value = match owner.kind {
                FieldKind::Bit => quote!(self.#from),
                _ => quote!(self.#from.is_some()),
            };
            let doc = doc_attr(&format!(
                "`{}`: a flag bit, set exactly when `{}` is present.",
                derived.tl_name, derived.from_field
            ));
            quote!(#doc pub fn #method(&self) -> bool { #value })
        })
        .collect();
    let derived_impl = (!derived.is_empty()).then(|| quote!(impl #inherent_bounds #self_ty { #(#derived)* }));

    let id = hex(item.id);
    let tl_name = &item.tl_name;
    let (id_len, check_id) = if is_function {
        (4, quote!(reader.expect_id(#id, #tl_name)?;))
    } else {
        (0, TokenStream::new())
    };
    let len = fields_len(model, item, place, id_len);
    let write = serialize_body(model, item, place, is_function.then_some(item.id));
    let ser_bounds = bounded(quote!(::tl_runtime::Serialize));
    let de_bounds = bounded(quote!(::tl_runtime::Deserialize));
    let deserialize_impl = deserialize.then(|| {
        let mut body = deserialize_body(model, item, place);
        if item.recursive_bare {
            // On a cycle of bare references no enum sees: the struct counts its own nesting.
            body = quote!(reader.nested(|reader| { #body }));
        }
        let min = Literal::usize_unsuffixed(id_len + item.min_bare_size);
        // What `with_path` and the final value use: `Err` only when something is read.
        let imports = if item.wire.is_empty() {
            quote!(
                use ::core::result::Result::Ok;
            )
        } else {
            quote!(
                use ::core::result::Result::{Err, Ok};
            )
        };
        quote! {
            impl #de_bounds ::tl_runtime::Deserialize for #self_ty {
                const MIN_SIZE: usize = #min;
                fn deserialize(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<Self> {
                    #imports
                    #check_id
                    #body
                }
            }
        }
    });
    let remote_call = is_function.then(|| {
        let (bounds, ret) = match &item.result {
            TypeRef::Generic(name) => {
                let name = ident(name);
                (
                    bounded(quote!(::tl_runtime::RemoteCall)),
                    quote!(<#name as ::tl_runtime::RemoteCall>::Return),
                )
            }
            other => (ser_bounds.clone(), rust_type(model, place, other)),
        };
        quote!(impl #bounds ::tl_runtime::RemoteCall for #self_ty { type Return = #ret; })
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub struct #name #generic_params #body
        #(#groups)*
        #derived_impl
        impl #inherent_bounds ::tl_runtime::Identifiable for #self_ty {
            const CONSTRUCTOR_ID: u32 = #id;
        }
        impl #ser_bounds ::tl_runtime::Serialize for #self_ty {
            fn serialized_len(&self) -> usize { #len }
            #[inline]
            fn serialize_into<'o>(&self, out: &'o mut [u8]) -> &'o mut [u8] {
                #write
            }
        }
        #deserialize_impl
        #remote_call
    }
}

fn field_type(model: &Model, item: &Item, place: Place<'_>, kind: &FieldKind) -> TokenStream {
    match kind {
        FieldKind::Required(ty) => rust_type(model, place, ty),
        FieldKind::Optional(ty) => {
            let ty = rust_type(model, place, ty);
            quote!(::core::option::Option<#ty>)
        }
        FieldKind::Bit => quote!(bool),
        FieldKind::Group(group) => {
            let name = ident(&item.groups[*group].rust_name);
            quote!(::core::option::Option<#name>)
        }
    }
}

fn flags_var(index: usize) -> proc_macro2::Ident {
    format_ident!("flags_{}", index)
}

/// The encoded size of types whose size never varies.
fn fixed_size(ty: &TypeRef) -> Option<usize> {
    match ty {
        TypeRef::Int | TypeRef::Bool => Some(4),
        TypeRef::Long | TypeRef::Double => Some(8),
        TypeRef::Int128 => Some(16),
        TypeRef::Int256 => Some(32),
        _ => None,
    }
}

/// The size of a wire item that is always present, has a fixed size and needs no check when read: a flags
/// word, or an unconditional `int`, `long`, `double`, `int128` or `int256`. Consecutive ones form a run
/// that is read with one bounds check and written with one append.
fn plain_fixed_size(item: &Item, wire: &Wire) -> Option<usize> {
    match *wire {
        Wire::Flags(_) => Some(4),
        Wire::Value { field, member: None } => match &item.fields[field].kind {
            FieldKind::Required(ty) if *ty != TypeRef::Bool => fixed_size(ty),
            _ => None,
        },
        Wire::Value { .. } => None,
    }
}

/// The length of the run of plain fixed-size items starting at `wire[start]`, in items and in bytes; runs
/// of one item are not worth it and count as none.
fn fixed_run(item: &Item, start: usize) -> Option<(usize, usize)> {
    fixed_run_of_at_least(item, start, 2)
}

/// [`fixed_run`] of at least `min_items` items: a function's id makes a run of one item worth joining.
fn fixed_run_of_at_least(item: &Item, start: usize, min_items: usize) -> Option<(usize, usize)> {
    let sizes: Vec<usize> = item.wire[start..]
        .iter()
        .map_while(|wire| plain_fixed_size(item, wire))
        .collect();
    (sizes.len() >= min_items.max(1)).then(|| (sizes.len(), sizes.iter().sum()))
}

/// The TL name of a wire item, for error paths: the flags field's or the param's.
fn wire_tl_name<'i>(item: &'i Item, wire: &Wire) -> &'i str {
    match *wire {
        Wire::Flags(index) => &item.flags_fields[index],
        Wire::Value { field, .. } => &item.fields[field].tl_name,
    }
}

/// Whether any param is conditional on the flags word `index` (else it is read and dropped: its bits, if
/// any, are unknown to us).
fn flags_used(item: &Item, index: usize) -> bool {
    item.fields
        .iter()
        .any(|f| f.condition.is_some_and(|c| c.flags == index))
}

/// Writes a run of plain fixed-size items (`count` items from `wire[start]`), after `id` if given, with
/// one check of the room left.
fn write_fixed_run(item: &Item, start: usize, count: usize, id: Option<u32>) -> TokenStream {
    let id = id.map(|id| {
        let id = hex_u32(id);
        (quote!(&#id.to_le_bytes()), 4)
    });
    let items = item.wire[start..start + count].iter().map(|wire| {
        let width = plain_fixed_size(item, wire).expect("a run holds plain fixed-size items");
        let value = match *wire {
            Wire::Flags(index) => {
                let var = flags_var(index);
                quote!(&#var.to_le_bytes())
            }
            Wire::Value { field, .. } => {
                let name = ident(&item.fields[field].rust_name);
                let FieldKind::Required(ty) = &item.fields[field].kind else {
                    unreachable!("plain fixed-size items are required fields")
                };
                fixed_bytes(ty, quote!(self.#name))
            }
        };
        (value, width)
    });
    write_run(id.into_iter().chain(items))
}

/// `&value.to_le_bytes()`, or `&value` for the byte arrays `int128` and `int256` already are.
fn fixed_bytes(ty: &TypeRef, value: TokenStream) -> TokenStream {
    match ty {
        TypeRef::Int128 | TypeRef::Int256 => quote!(&#value),
        _ => quote!(&#value.to_le_bytes()),
    }
}

/// Fixed-size parts (`(bytes expression, width)`) written in place into one run split off `out` (the
/// offsets are constants, so the copies need no bounds checks).
fn write_run(parts: impl Iterator<Item = (TokenStream, usize)>) -> TokenStream {
    let mut offset = 0;
    let mut puts = Vec::new();
    for (value, width) in parts {
        let (from, to) = (
            Literal::usize_unsuffixed(offset),
            Literal::usize_unsuffixed(offset + width),
        );
        puts.push(quote!(run[#from..#to].copy_from_slice(#value);));
        offset += width;
    }
    let size = Literal::usize_unsuffixed(offset);
    quote! {
        let (run, out) = ::tl_runtime::split_run::<#size>(out);
        #(#puts)*
    }
}

/// Reads a run of plain fixed-size items with one bounds check; each becomes its local.
fn read_fixed_run(item: &Item, start: usize, count: usize, size: usize) -> TokenStream {
    let size_literal = Literal::usize_unsuffixed(size);
    let read = with_path(
        quote!(reader.read_array::<#size_literal>()),
        &item.tl_name,
        wire_tl_name(item, &item.wire[start]),
    );
    let mut out = quote!(let run = #read;);
    let mut offset = 0;
    for wire in &item.wire[start..start + count] {
        let width = plain_fixed_size(item, wire).expect("a run holds plain fixed-size items");
        let at = Literal::usize_unsuffixed(offset);
        let bytes = quote!(::tl_runtime::run_field(&run, #at));
        out.extend(match *wire {
            Wire::Flags(index) if flags_used(item, index) => {
                let var = flags_var(index);
                quote!(let #var = u32::from_le_bytes(#bytes);)
            }
            Wire::Flags(_) => TokenStream::new(),
            Wire::Value { field, .. } => {
                let var = format_ident!("field_{}", field);
                match &item.fields[field].kind {
                    FieldKind::Required(TypeRef::Int) => quote!(let #var = i32::from_le_bytes(#bytes);),
                    FieldKind::Required(TypeRef::Long) => quote!(let #var = i64::from_le_bytes(#bytes);),
                    FieldKind::Required(TypeRef::Double) => quote!(let #var = f64::from_le_bytes(#bytes);),
                    _ => quote!(let #var = #bytes;),
                }
            }
        });
        offset += width;
    }
    out
}

/// A sum of lengths: one constant for the id (`extra`), flags and fixed-size fields, plus the variable parts.
fn fields_len(model: &Model, item: &Item, place: Place<'_>, extra: usize) -> TokenStream {
    let mut fixed = extra + 4 * item.flags_fields.len();
    let mut variable = Vec::new();
    let mut optional = Vec::new();
    for field in &item.fields {
        let name = ident(&field.rust_name);
        match &field.kind {
            FieldKind::Required(ty) => match fixed_size(ty) {
                Some(size) => fixed += size,
                None => variable.push(len_expr(model, place, ty, quote!(&self.#name))),
            },
            // `Option<T>` is `Serialize` (nothing when absent), so most optionals join the flat sum.
            FieldKind::Optional(ty) if trait_codable(ty) => {
                variable.push(len_expr(model, place, ty, quote!(&self.#name)))
            }
            FieldKind::Optional(ty) => {
                let len = len_expr(model, place, ty, quote!(value));
                optional.push(quote!(if let ::core::option::Option::Some(value) = &self.#name { len += #len; }));
            }
            FieldKind::Bit => {}
            FieldKind::Group(group) => {
                let lens = item.groups[*group].members.iter().map(|(member, _, ty)| {
                    let member = ident(member);
                    len_expr(model, place, ty, quote!(&group.#member))
                });
                optional.push(quote!(if let ::core::option::Option::Some(group) = &self.#name { len += #(#lens)+*; }));
            }
        }
    }
    let mut terms = Vec::new();
    if fixed > 0 || variable.is_empty() {
        let fixed = Literal::usize_unsuffixed(fixed);
        terms.push(quote!(#fixed));
    }
    terms.extend(variable);
    if optional.is_empty() {
        quote!(#(#terms)+*)
    } else {
        quote! {
            let mut len = #(#terms)+*;
            #(#optional)*
            len
        }
    }
}

/// The writes of `item`'s flags and fields; a function's `id` goes first, inside the leading fixed-size
/// run when there is one.
fn serialize_body(model: &Model, item: &Item, place: Place<'_>, id: Option<u32>) -> TokenStream {
    let mut out = Writes::default();
    let id_in_run = id.is_some() && fixed_run_of_at_least(item, 0, 1).is_some();
    if let Some(id) = id.filter(|_| !id_in_run) {
        let id = hex_u32(id);
        out.write(quote!(::tl_runtime::put(out, #id.to_le_bytes())));
    }
    for (index, _) in item.flags_fields.iter().enumerate() {
        let var = flags_var(index);
        let bits: Vec<TokenStream> = item
            .fields
            .iter()
            .filter(|f| f.condition.is_some_and(|c| c.flags == index))
            .map(|field| {
                let name = ident(&field.rust_name);
                let mask = hex(1 << field.condition.expect("filtered").bit);
                let present = match field.kind {
                    FieldKind::Bit => quote!(self.#name),
                    _ => quote!(self.#name.is_some()),
                };
                quote!(if #present { #mask } else { 0 })
            })
            .collect();
        out.statements(match bits.as_slice() {
            [] => quote!(let #var: u32 = 0;),
            [bit] => quote!(let #var: u32 = #bit;),
            _ => quote!(let #var: u32 = #((#bits))|*;),
        });
    }
    let mut wires = item.wire.iter().enumerate().peekable();
    while let Some((position, wire)) = wires.next() {
        let leading_id = id.filter(|_| id_in_run && position == 0);
        let min_items = if leading_id.is_some() { 1 } else { 2 };
        if let Some((count, _)) = fixed_run_of_at_least(item, position, min_items) {
            out.statements(write_fixed_run(item, position, count, leading_id));
            for _ in 1..count {
                wires.next();
            }
            continue;
        }
        out.write(match *wire {
            Wire::Flags(index) => {
                let var = flags_var(index);
                quote!(::tl_runtime::put(out, #var.to_le_bytes()))
            }
            Wire::Value { field: index, member } => {
                let field = &item.fields[index];
                let name = ident(&field.rust_name);
                match (&field.kind, member) {
                    (FieldKind::Required(ty), _) => write_expr(model, place, ty, quote!(&self.#name)),
                    (FieldKind::Optional(ty), _) if trait_codable(ty) => {
                        quote!(::tl_runtime::Serialize::serialize_into(&self.#name, out))
                    }
                    (FieldKind::Optional(ty), _) => {
                        let write = write_expr(model, place, ty, quote!(value));
                        quote! {
                            match &self.#name {
                                ::core::option::Option::Some(value) => #write,
                                ::core::option::Option::None => out,
                            }
                        }
                    }
                    (FieldKind::Group(group), Some(member)) => {
                        // Members of one group next to each other on the wire share one presence test.
                        let mut members = vec![member];
                        while let Some((
                            _,
                            Wire::Value {
                                field: next,
                                member: Some(next_member),
                            },
                        )) = wires.peek()
                        {
                            if *next != index {
                                break;
                            }
                            members.push(*next_member);
                            wires.next();
                        }
                        let writes = write_group_members(model, place, &item.groups[*group].members, &members);
                        quote! {
                            match &self.#name {
                                ::core::option::Option::Some(group) => { #writes }
                                ::core::option::Option::None => out,
                            }
                        }
                    }
                    _ => unreachable!("bits are not on the wire; groups have members"),
                }
            }
        });
    }
    out.finish()
}

/// The body of an encoder: statements that each leave `out` bound to the bytes after what they wrote,
/// ending in an expression for the rest of `out` (the last write itself, so no `let out = ...; out`).
#[derive(Default)]
struct Writes {
    statements: TokenStream,
    last: Option<TokenStream>,
}

impl Writes {
    /// A write: an expression (using `out`) for the rest of `out`.
    fn write(&mut self, rest: TokenStream) {
        self.bind_last();
        self.last = Some(rest);
    }

    /// Statements that rebind `out` themselves, or leave it alone.
    fn statements(&mut self, statements: TokenStream) {
        self.bind_last();
        self.statements.extend(statements);
    }

    fn bind_last(&mut self) {
        if let Some(rest) = self.last.take() {
            self.statements.extend(quote!(let out = #rest;));
        }
    }

    fn finish(self) -> TokenStream {
        let Writes { statements, last } = self;
        let last = last.unwrap_or_else(|| quote!(out));
        quote!(#statements #last)
    }
}

/// Writes the members of a present group (`group.<member>`) in wire order, each statement rebinding `out`
/// to what is left; consecutive `int`, `long`, `double`, `int128` and `int256` members go out as one run,
/// like a struct's fixed-size runs.
fn write_group_members(
    model: &Model,
    place: Place<'_>,
    all: &[(String, String, TypeRef)],
    members: &[usize],
) -> TokenStream {
    let plain = |ty: &TypeRef| fixed_size(ty).filter(|_| *ty != TypeRef::Bool);
    let mut out = Writes::default();
    let mut rest = members;
    while let Some((&first, _)) = rest.split_first() {
        let run_len = rest.iter().take_while(|&&m| plain(&all[m].2).is_some()).count();
        if run_len < 2 {
            let (member_name, _, ty) = &all[first];
            let member_name = ident(member_name);
            out.write(write_expr(model, place, ty, quote!(&group.#member_name)));
            rest = &rest[1..];
            continue;
        }
        let parts = rest[..run_len].iter().map(|&member| {
            let (member_name, _, ty) = &all[member];
            let member_name = ident(member_name);
            (
                fixed_bytes(ty, quote!(group.#member_name)),
                plain(ty).expect("counted as plain"),
            )
        });
        out.statements(write_run(parts));
        rest = &rest[run_len..];
    }
    out.finish()
}

fn deserialize_body(model: &Model, item: &Item, place: Place<'_>) -> TokenStream {
    let local = |field: usize| format_ident!("field_{}", field);
    let member_local = |field: usize, member: usize| format_ident!("member_{}_{}", field, member);
    let test = |condition: crate::model::Condition| {
        let var = flags_var(condition.flags);
        let mask = hex(1 << condition.bit);
        quote!(#var & #mask != 0)
    };
    let mut out = TokenStream::new();
    let mut position = 0;
    while let Some(wire) = item.wire.get(position) {
        if let Some((count, size)) = fixed_run(item, position) {
            out.extend(read_fixed_run(item, position, count, size));
            position += count;
            continue;
        }
        position += 1;
        out.extend(match *wire {
            Wire::Flags(index) => {
                let var = flags_var(index);
                let read = with_path(quote!(reader.read_u32()), &item.tl_name, &item.flags_fields[index]);
                if flags_used(item, index) {
                    quote!(let #var = #read;)
                } else {
                    quote!(#read;)
                }
            }
            Wire::Value { field: index, member } => {
                let field = &item.fields[index];
                match (&field.kind, member) {
                    (FieldKind::Required(ty), _) => {
                        let var = local(index);
                        let read = with_path(read_expr(model, place, ty), &item.tl_name, &field.tl_name);
                        quote!(let #var = #read;)
                    }
                    (FieldKind::Optional(ty), _) => {
                        let var = local(index);
                        let test = test(field.condition.expect("optional fields are conditional"));
                        let path = (item.tl_name.as_str(), field.tl_name.as_str());
                        read_optional(model, place, ty, var, test, path)
                    }
                    (FieldKind::Group(group), Some(member)) => {
                        let var = member_local(index, member);
                        let test = test(field.condition.expect("groups are conditional"));
                        let (_, tl_name, ty) = &item.groups[*group].members[member];
                        read_optional(model, place, ty, var, test, (&item.tl_name, tl_name))
                    }
                    _ => unreachable!("bits are not on the wire; groups have members"),
                }
            }
        });
    }
    let mut inits = Vec::new();
    for (index, field) in item.fields.iter().enumerate() {
        let name = ident(&field.rust_name);
        let value = match &field.kind {
            FieldKind::Required(_) | FieldKind::Optional(_) => {
                let var = local(index);
                quote!(#var)
            }
            FieldKind::Bit => test(field.condition.expect("bits are conditional")),
            FieldKind::Group(group) => {
                let group = &item.groups[*group];
                let group_name = ident(&group.rust_name);
                let vars = (0..group.members.len()).map(|m| member_local(index, m));
                let bindings: Vec<_> = (0..group.members.len()).map(|m| format_ident!("m{}", m)).collect();
                let members = group.members.iter().map(|(rust, _, _)| ident(rust));
                quote! {
                    match (#(#vars),*) {
                        (#(::core::option::Option::Some(#bindings)),*) => ::core::option::Option::Some(#group_name { #(#members: #bindings),* }),
                        _ => ::core::option::Option::None,
                    }
                }
            }
        };
        inits.push(quote!(#name: #value));
    }
    let construct = if item.fields.is_empty() && item.generics.is_empty() {
        quote!(Self)
    } else {
        quote!(Self { #(#inits),* })
    };
    if item.wire.is_empty() {
        out.extend(quote!(let _ = reader;));
    }
    quote! {
        #out
        Ok(#construct)
    }
}

/// `let var = <T present when test>;`: one generic runtime call for trait-codable types. `path` is the
/// item's and the param's TL names, for errors.
fn read_optional(
    model: &Model,
    place: Place<'_>,
    ty: &TypeRef,
    var: proc_macro2::Ident,
    test: TokenStream,
    (item, param): (&str, &str),
) -> TokenStream {
    if trait_codable(ty) {
        let rust = rust_type(model, place, ty);
        let read = with_path(quote!(::tl_runtime::read_if::<#rust>(reader, #test)), item, param);
        quote!(let #var = #read;)
    } else {
        let read = with_path(read_expr(model, place, ty), item, param);
        quote! {
            let #var = if #test { ::core::option::Option::Some(#read) } else { ::core::option::Option::None };
        }
    }
}

/// The value of `read` (a `Result` expression), or a return of its error with `item.param` added to the
/// path. A `match` rather than `in_field(read, path)?`: in unoptimised builds each step of that keeps its
/// own copy of the value on the stack, which recursive decoders pay at every level. (`Ok` and `Err` are
/// imported at the top of each decoder.)
fn with_path(read: TokenStream, item: &str, param: &str) -> TokenStream {
    let path = format!("{item}.{param}");
    quote! {
        match #read {
            Ok(value) => value,
            Err(error) => return Err(error.in_field(#path)),
        }
    }
}

fn emit_enum(model: &Model, ty: &BoxedType, place: Place<'_>) -> TokenStream {
    let name = ident(&ty.rust_name);
    let constructor_list: Vec<String> = ty
        .variants
        .iter()
        .map(|v| format!("`{}`", model.constructors[v.constructor].tl_name))
        .collect();
    let docs = doc_lines(&[format!(
        "The TL type `{}`: one of {}.",
        ty.tl_name,
        constructor_list.join(", ")
    )]);
    let mut variants = Vec::new();
    let mut len_arms = Vec::new();
    let mut write_arms = Vec::new();
    let mut read_arms = Vec::new();
    let mut froms = Vec::new();
    for variant in &ty.variants {
        let constructor = &model.constructors[variant.constructor];
        let variant_name = ident(&variant.rust_name);
        let path = constructor_path(model, place, variant.constructor);
        let id = hex(constructor.id);
        let id_u32 = hex_u32(constructor.id);
        if constructor.fields.is_empty() {
            // A unit variant; the struct still writes and reads whatever flags words it has.
            variants.push(quote!(#variant_name,));
            len_arms.push(quote!(Self::#variant_name => 4 + ::tl_runtime::Serialize::serialized_len(&#path),));
            write_arms.push(quote!(Self::#variant_name => {
                let out = ::tl_runtime::put(out, #id_u32.to_le_bytes());
                ::tl_runtime::Serialize::serialize_into(&#path, out)
            }));
            read_arms.push(quote!(#id => {
                <#path as ::tl_runtime::Deserialize>::deserialize(reader)?;
                ::core::result::Result::Ok(#name::#variant_name)
            }));
            froms.push(quote! {
                impl ::core::convert::From<#path> for #name {
                    fn from(_: #path) -> Self { Self::#variant_name }
                }
            });
            continue;
        }
        let read = quote!(<#path as ::tl_runtime::Deserialize>::deserialize(reader)?);
        let (held, wrap, read) = if variant.boxed {
            (
                quote!(::std::boxed::Box<#path>),
                quote!(::std::boxed::Box::new(value)),
                quote!(::std::boxed::Box::new(#read)),
            )
        } else {
            (quote!(#path), quote!(value), read)
        };
        variants.push(quote!(#variant_name(#held),));
        len_arms.push(quote!(Self::#variant_name(value) => 4 + ::tl_runtime::Serialize::serialized_len(value),));
        write_arms.push(quote!(Self::#variant_name(value) => {
            let out = ::tl_runtime::put(out, #id_u32.to_le_bytes());
            ::tl_runtime::Serialize::serialize_into(value, out)
        }));
        read_arms.push(if ty.recursive {
            // Out of line, so that one level of nesting costs the stack of the variant being read only.
            let read_out_of_line = if variant.boxed {
                quote!(read_boxed_variant)
            } else {
                quote!(read_variant)
            };
            quote!(#id => ::tl_runtime::#read_out_of_line(reader, #name::#variant_name),)
        } else {
            quote!(#id => ::core::result::Result::Ok(#name::#variant_name(#read)),)
        });
        froms.push(quote! {
            impl ::core::convert::From<#path> for #name {
                fn from(value: #path) -> Self { Self::#variant_name(#wrap) }
            }
        });
    }
    let tl_name = &ty.tl_name;
    let read_variant = quote! {
        let offset = reader.offset();
        match reader.read_u32()? {
            #(#read_arms)*
            found => ::core::result::Result::Err(::tl_runtime::Error::new(
                ::tl_runtime::ErrorKind::UnexpectedConstructor { expected: #tl_name, found },
                offset,
            )),
        }
    };
    let min_size = Literal::usize_unsuffixed(ty.min_size);
    // A recursive type counts its nesting, so hostile input cannot overflow the stack; others pay nothing.
    let deserialize_body = if ty.recursive {
        quote! {
            fn read(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<#name> { #read_variant }
            reader.enter()?;
            let value = read(reader);
            reader.leave();
            value
        }
    } else {
        read_variant
    };
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name { #(#variants)* }
        impl ::tl_runtime::Serialize for #name {
            #[inline]
            fn serialized_len(&self) -> usize {
                match self { #(#len_arms)* }
            }
            #[inline]
            fn serialize_into<'o>(&self, out: &'o mut [u8]) -> &'o mut [u8] {
                match self { #(#write_arms)* }
            }
        }
                        impl ::tl_runtime::Deserialize for #name {
            const MIN_SIZE: usize = #min_size;
            #[inline]
            fn deserialize(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<Self> {
                #deserialize_body
            }
        }
        #(#froms)*
    }
}

fn name_for_id(model: &Model) -> TokenStream {
    let mut entries: Vec<(u32, &str)> = model
        .constructors
        .iter()
        .chain(&model.functions)
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
        pub fn name_for_id(id: u32) -> ::core::option::Option<&'static str> {
            match id {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }
    }
}
