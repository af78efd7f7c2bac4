//! TDLib's JSON (`EmitOptions::tdjson`): an enum's serde impls by `"@type"` (through
//! `tl_runtime::tdjson`) and a function's `tl_runtime::tdjson::Function`. A struct writes its own
//! `"@type"` through serde's struct tag ([`Emitter::tdjson_struct_tag`]).

use proc_macro2::TokenStream;
use quote::quote;

use super::items::Generics;
use super::{Emitter, Place};
use crate::ident::ident;
use crate::model::{BoxedType, Item};

impl Emitter<'_> {
    /// `#[serde(tag = "@type", rename = "...")]`: a struct's JSON object starts with its TL name.
    pub(super) fn tdjson_struct_tag(&self, item: &Item) -> Option<TokenStream> {
        let tl_name = &item.tl_name;
        self.options
            .tdjson
            .then(|| quote!(#[serde(tag = "@type", rename = #tl_name)]))
    }

    /// serde's `Serialize` and `Deserialize` of the enum of `ty`, and its `Tagged`: each variant is the
    /// JSON object of its constructor, `"@type"` first.
    pub(super) fn tdjson_enum_impls(&self, ty: &BoxedType) -> TokenStream {
        let name = ident(&ty.rust_name);
        let generics = Generics::named(&ty.generics);
        let params = generics.params();
        let serializable = generics.bounded(quote!(::tl_runtime::serde::Serialize));
        let readable = generics.bounded(quote!(::tl_runtime::serde::de::DeserializeOwned));
        let mut write = Vec::new();
        let mut read = Vec::new();
        let mut tags = Vec::new();
        for variant in &ty.variants {
            let constructor = &self.model.constructors[variant.constructor];
            let (variant_name, tag) = (ident(&variant.rust_name), constructor.tl_name.as_str());
            tags.push(tag);
            if constructor.fields.is_empty() {
                write.push(quote!(Self::#variant_name => ::tl_runtime::tdjson::serialize_unit(serializer, #tag),));
                read.push(quote!(#tag => ::tl_runtime::tdjson::read_unit(rest).map(|()| Self::#variant_name),));
                continue;
            }
            write.push(
                quote!(Self::#variant_name(value) => ::tl_runtime::serde::Serialize::serialize(value, serializer),),
            );
            let value = match variant.boxed {
                true => quote!(::std::boxed::Box::new(value)),
                false => quote!(value),
            };
            read.push(quote! {
                #tag => ::tl_runtime::serde::Deserialize::deserialize(rest).map(|value| Self::#variant_name(#value)),
            });
        }
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
            impl #readable ::tl_runtime::tdjson::Tagged for #name #params {
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
