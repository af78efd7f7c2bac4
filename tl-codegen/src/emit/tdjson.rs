//! TDLib's JSON (`EmitOptions::tdjson`): an enum's serde impls by `"@type"` (through
//! `tl_runtime::tdjson`) and a function's `tl_runtime::tdjson::Function`. A struct writes its own
//! `"@type"` through serde's struct tag ([`Emitter::tdjson_struct_tag`]).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::items::Generics;
use super::{Emitter, Place};
use crate::ident::ident;
use crate::model::{BoxedType, Item};

/// One variant of an enum in TDLib's JSON.
enum JsonVariant<'m> {
    /// A constructor without fields: `{"@type":"tag"}`.
    Unit { variant: Ident, tag: &'m str },
    /// A struct (a constructor, or a function of the universal function type), read from the object's
    /// other members; held in a `Box` when `boxed`.
    Struct { variant: Ident, tag: &'m str, boxed: bool },
    /// Another type's enum, in the universal type: read for any of its constructors' tags.
    Enum { variant: Ident, tags: Vec<&'m str> },
    /// The universal type's vector: a JSON array (written; TDLib's JSON has no untyped array to read).
    Vector,
}

impl Emitter<'_> {
    /// `#[serde(tag = "@type", rename = "...")]`: a struct's JSON object starts with its TL name.
    pub(super) fn tdjson_struct_tag(&self, item: &Item) -> Option<TokenStream> {
        let tl_name = &item.tl_name;
        let bounds = self.tdjson_bounds(item);
        self.options
            .tdjson
            .then(|| quote!(#[serde(tag = "@type", rename = #tl_name)] #bounds))
    }

    /// `#[serde(bound(...))]` of a generic item's structs: each type parameter `Serialize` and
    /// `DeserializeOwned`, as the enums' impls ask (serde's own bounds would ask `Default` of a parameter
    /// in an `Option` field, and too little of one inside another generic type).
    pub(super) fn tdjson_bounds(&self, item: &Item) -> Option<TokenStream> {
        if !self.options.tdjson || item.generics.is_empty() {
            return None;
        }
        let each = |bound: &str| -> String {
            let bounds = item.generics.iter().map(|name| format!("{name}: {bound}"));
            bounds.collect::<Vec<_>>().join(", ")
        };
        let serialize = each("::tl_runtime::serde::Serialize");
        let deserialize = each("::tl_runtime::serde::de::DeserializeOwned");
        Some(quote!(#[serde(bound(serialize = #serialize, deserialize = #deserialize))]))
    }

    /// serde's `Serialize` and `Deserialize` of the enum of `ty`, and its `Tagged`: each variant is the
    /// JSON object of its constructor, `"@type"` first.
    pub(super) fn tdjson_enum_impls(&self, ty: &BoxedType) -> TokenStream {
        let name = ident(&ty.rust_name);
        let generics = Generics::named(&ty.generics);
        let params = generics.params();
        let serializable = generics.bounded(quote!(::tl_runtime::serde::Serialize));
        let readable = generics.bound_list(quote!(::tl_runtime::serde::de::DeserializeOwned));
        let variants = self.json_variants(ty);
        let write = variants.iter().map(write_arm);
        let read = variants.iter().map(read_arm);
        let tags = variants.iter().flat_map(JsonVariant::tags);
        let tl_name = &ty.tl_name;
        quote! {
            impl #serializable ::tl_runtime::serde::Serialize for #name #params {
                fn serialize<S: ::tl_runtime::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    match self { #(#write)* }
                }
            }
            impl<'de, #readable> ::tl_runtime::serde::Deserialize<'de> for #name #params {
                fn deserialize<D: ::tl_runtime::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    ::tl_runtime::tdjson::deserialize_tagged(deserializer)
                }
            }
            impl<#readable> ::tl_runtime::tdjson::Tagged for #name #params {
                const NAME: &'static str = #tl_name;
                const TAGS: &'static [&'static str] = &[#(#tags),*];
                fn read_variant<'de, D: ::tl_runtime::serde::Deserializer<'de>>(tag: &str, rest: D) -> ::core::result::Result<Self, D::Error> {
                    match tag {
                        #(#read)*
                        _ => ::core::result::Result::Err(::tl_runtime::tdjson::unknown_tag::<Self, D::Error>(tag)),
                    }
                }
            }
        }
    }

    /// The variants of `ty`'s enum: its constructors, and for a universal type the types or functions it
    /// holds.
    fn json_variants(&self, ty: &BoxedType) -> Vec<JsonVariant<'_>> {
        let mut variants: Vec<JsonVariant<'_>> = (ty.variants.iter())
            .map(|variant| {
                let constructor = &self.model.constructors[variant.constructor];
                let (variant_name, tag) = (ident(&variant.rust_name), constructor.tl_name.as_str());
                match constructor.fields.is_empty() {
                    true => JsonVariant::Unit {
                        variant: variant_name,
                        tag,
                    },
                    false => JsonVariant::Struct {
                        variant: variant_name,
                        tag,
                        boxed: variant.boxed,
                    },
                }
            })
            .collect();
        for member in ty.universal.iter().flatten() {
            let tags = (self.model.types[member.ty].variants.iter())
                .map(|variant| self.model.constructors[variant.constructor].tl_name.as_str())
                .collect();
            variants.push(JsonVariant::Enum {
                variant: ident(&member.rust_name),
                tags,
            });
        }
        if ty.universal.is_some() {
            variants.push(JsonVariant::Vector);
        }
        for member in ty.functions.iter().flatten() {
            let tag = self.model.functions[member.function].tl_name.as_str();
            variants.push(JsonVariant::Struct {
                variant: ident(&member.rust_name),
                tag,
                boxed: true,
            });
        }
        variants
    }

    /// `tl_runtime::tdjson::Function` of a function: its `"@type"` and its answer (none for a generic
    /// function, whose answer is its query's: TDLib has none).
    pub(super) fn tdjson_function(&self, item: &Item, place: Place<'_>) -> Option<TokenStream> {
        if !item.generics.is_empty() {
            return None;
        }
        let name = ident(&item.rust_name);
        let tl_name = &item.tl_name;
        let answer = self.rust_type(place, &item.result);
        Some(quote! {
            impl ::tl_runtime::tdjson::Function for #name {
                const TYPE: &'static str = #tl_name;
                type Return = #answer;
            }
        })
    }
}

impl JsonVariant<'_> {
    /// The `"@type"`s it is read for.
    fn tags(&self) -> Vec<&str> {
        match self {
            JsonVariant::Unit { tag, .. } | JsonVariant::Struct { tag, .. } => vec![tag],
            JsonVariant::Enum { tags, .. } => tags.clone(),
            JsonVariant::Vector => Vec::new(),
        }
    }
}

/// The arm of `serialize` for `variant`.
fn write_arm(variant: &JsonVariant<'_>) -> TokenStream {
    match variant {
        JsonVariant::Unit { variant, tag } => {
            quote!(Self::#variant => ::tl_runtime::tdjson::serialize_unit(serializer, #tag),)
        }
        JsonVariant::Struct { variant, .. } | JsonVariant::Enum { variant, .. } => {
            quote!(Self::#variant(value) => ::tl_runtime::serde::Serialize::serialize(value, serializer),)
        }
        JsonVariant::Vector => {
            quote!(Self::Vector(values) => ::tl_runtime::serde::Serialize::serialize(values, serializer),)
        }
    }
}

/// The arm of `read_variant` for `variant` (none for the vector).
fn read_arm(variant: &JsonVariant<'_>) -> TokenStream {
    match variant {
        JsonVariant::Unit { variant, tag } => {
            quote!(#tag => ::tl_runtime::tdjson::read_unit(rest).map(|()| Self::#variant),)
        }
        JsonVariant::Struct { variant, tag, boxed } => {
            let wrap = match boxed {
                true => quote!(|value| Self::#variant(::std::boxed::Box::new(value))),
                false => quote!(Self::#variant),
            };
            quote!(#tag => ::tl_runtime::serde::Deserialize::deserialize(rest).map(#wrap),)
        }
        JsonVariant::Enum { variant, tags } => {
            quote!(#(#tags)|* => ::tl_runtime::tdjson::Tagged::read_variant(tag, rest).map(Self::#variant),)
        }
        JsonVariant::Vector => TokenStream::new(),
    }
}
