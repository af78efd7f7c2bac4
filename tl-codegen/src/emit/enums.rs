//! An enum per boxed type: a variant per constructor (boxed where the model says), the boxed encoding
//! (the variant's id, then its struct's bare encoding), and `From` each struct.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::items::Generics;
use super::{Emitter, Form, Place, description, doc_attr, doc_lines, hex, hex_u32};
use crate::ident::ident;
use crate::model::{BoxedType, CountPattern, FunctionMember, Item, UniversalMember, Variant};

/// The pieces of an enum, gathered variant by variant.
#[derive(Default)]
struct Arms {
    variants: Vec<TokenStream>,
    write: Vec<TokenStream>,
    /// `(ids, value)`: the constructor ids a variant is read for (after the id), and the expression read.
    read: Vec<(TokenStream, TokenStream)>,
    /// `From` each variant's value, and `TryFrom` the enum back to it. Each is `#[inline]`, as is an
    /// enum's `Default`: a crate that does not call one then generates no machine code for it (in an
    /// optimised build of the whole schema, these 1,900 small functions and their drop glue were most
    /// of the LLVM work).
    conversions: Vec<TokenStream>,
}

impl Arms {
    /// The match arms that read each variant once its id is read.
    fn read_after_id(&self) -> impl Iterator<Item = TokenStream> + '_ {
        self.read.iter().map(|(ids, value)| quote!(#ids => #value,))
    }
}

impl Emitter<'_> {
    /// The enum of boxed type `ty`.
    pub(super) fn enumeration(&self, ty: &BoxedType, place: Place<'_>) -> TokenStream {
        if let Some(members) = &ty.universal {
            return self.universal(ty, members, place);
        }
        if let Some(members) = &ty.functions {
            return self.any_function(ty, members, place);
        }
        let constructors: Vec<String> = (ty.variants.iter())
            .map(|v| format!("`{}`", self.model.constructors[v.constructor].tl_name))
            .collect();
        let described = description(ty.description.as_ref(), place);
        let listed = doc_lines(&[format!(
            "The TL type `{}`: one of {}.",
            ty.tl_name,
            constructors.join(", ")
        )]);
        let link = (self.options.telegram_doc_links)
            .then(|| doc_lines(&[String::new(), super::docs::telegram_link("type", &ty.tl_name)]));
        let borrowed = (place.form == Form::Borrowed)
            .then(|| super::docs::borrowed_form("enums", ty.namespace.as_deref(), &ty.rust_name));
        let docs = quote!(#borrowed #described #listed #link);
        let mut arms = Arms::default();
        for variant in &ty.variants {
            self.variant(ty, variant, place, &mut arms);
        }
        let deserialize = deserialize_body(ty, arms.read_after_id().collect());
        let extra = match place.form {
            Form::Owned => self.default_impl(ty),
            Form::Borrowed => Some(self.enum_into_owned(ty, place)),
        };
        let item = self.enum_item(ty, place, docs, arms, deserialize);
        quote!(#item #extra)
    }

    /// The declaration, the codec arms and the `From` of one variant.
    fn variant(&self, ty: &BoxedType, variant: &Variant, place: Place<'_>, arms: &mut Arms) {
        let parts = self.variant_parts(ty, variant, place);
        let VariantParts {
            name,
            variant_name,
            path,
            path_type,
            write_id,
            docs,
            rename,
            ..
        } = &parts;
        let constructor = &self.model.constructors[variant.constructor];
        let id = hex(constructor.id);
        // A constructor for some counts only (`= Tuple X 0`) is read for those: others are not its type.
        let id = match count_guard(&constructor.count_patterns) {
            Some(guard) => quote!(#id if #guard),
            None => id,
        };
        if constructor.fields.is_empty() {
            // A unit variant; the struct still writes and reads whatever flags words it has.
            arms.variants.push(quote!(#docs #rename #variant_name,));
            arms.write.push(quote!(Self::#variant_name => {
                #write_id
                ::tl_runtime::Serialize::serialize_into(&#path, out)
            }));
            let read = self.struct_read(constructor, place, path);
            let read = quote!({
                #read?;
                ::core::result::Result::Ok(#name::#variant_name)
            });
            arms.read.push((id, read));
            if place.form == Form::Owned {
                arms.conversions.push(parts.unit_conversions(ty));
            }
            return;
        }
        let held = if variant.boxed {
            quote!(::std::boxed::Box<#path_type>)
        } else {
            quote!(#path_type)
        };
        arms.variants.push(quote!(#docs #rename #variant_name(#held),));
        arms.write.push(quote!(Self::#variant_name(value) => {
            #write_id
            ::tl_runtime::Serialize::serialize_into(value, out)
        }));
        arms.read.push((id, self.read_value(ty, variant, place, path_type)));
        if place.form == Form::Owned {
            arms.conversions.push(parts.value_conversions(ty, variant.boxed));
        }
    }

    /// The names, paths and docs one variant's code is printed from.
    fn variant_parts(&self, ty: &BoxedType, variant: &Variant, place: Place<'_>) -> VariantParts {
        let name = ident(&ty.rust_name);
        let impl_generics = Generics::named(&ty.generics).params();
        let constructor = &self.model.constructors[variant.constructor];
        let path = self.constructor_path(place, variant.constructor);
        let constructor_params = Generics::named(&constructor.generics).params();
        let id_u32 = hex_u32(constructor.id);
        let lines = constructor
            .description
            .as_ref()
            .map(|text| super::docs::prose(text, place.depth()))
            .unwrap_or_default();
        let (type_text, variant_text) = (
            super::item_path("types", constructor.namespace.as_deref(), &constructor.rust_name),
            super::item_path("enums", ty.namespace.as_deref(), &ty.rust_name),
        );
        VariantParts {
            name_type: quote!(#name #impl_generics),
            path_type: quote!(#path #constructor_params),
            variant_name: ident(&variant.rust_name),
            write_id: quote!(let out = ::tl_runtime::Output::put(out, #id_u32.to_le_bytes());),
            docs: lines.iter().map(|line| doc_attr(line)).collect(),
            rename: self.serde_rename(place, &constructor.tl_name),
            conversion_docs: conversion_docs(ty, &type_text, &variant_text, &variant.rust_name),
            unit_value: match self.options.tdjson {
                true => quote!(#path {}),
                false => path.clone(),
            },
            name,
            impl_generics,
            path,
        }
    }
}

/// What one variant's code is printed from (see [`Emitter::variant_parts`]).
struct VariantParts {
    /// The enum's name.
    name: proc_macro2::Ident,
    /// Its generic parameters, or nothing.
    impl_generics: Option<TokenStream>,
    /// The enum's type: its name and parameters.
    name_type: TokenStream,
    /// The variant's name.
    variant_name: proc_macro2::Ident,
    /// The constructor's struct.
    path: TokenStream,
    /// The struct's type: its path and parameters.
    path_type: TokenStream,
    /// The statement writing the constructor id.
    write_id: TokenStream,
    /// The variant's doc attributes.
    docs: TokenStream,
    /// serde's rename of the variant, if any.
    rename: Option<TokenStream>,
    /// The docs of `From` and `TryFrom`.
    conversion_docs: [String; 2],
    /// The constructor's struct as a value when it has no fields: `path`, or `path {}` in TDLib's JSON
    /// (where such a struct has braces, for serde's tag).
    unit_value: TokenStream,
}

impl VariantParts {
    /// `From` and `TryFrom` between a unit variant and its empty struct.
    fn unit_conversions(&self, ty: &BoxedType) -> TokenStream {
        let Self {
            name,
            impl_generics,
            name_type,
            variant_name,
            path,
            unit_value,
            conversion_docs: [from_doc, try_from_doc],
            ..
        } = self;
        let rest = has_other_variants(ty).then(|| quote!(other => ::core::result::Result::Err(other),));
        quote! {
            #[doc = #from_doc]
            impl #impl_generics ::core::convert::From<#path> for #name_type {
                #[inline]
                fn from(_: #path) -> Self { Self::#variant_name }
            }
            #[doc = #try_from_doc]
            impl #impl_generics ::core::convert::TryFrom<#name_type> for #path {
                type Error = #name_type;
                #[inline]
                fn try_from(value: #name_type) -> ::core::result::Result<Self, #name_type> {
                    match value {
                        #name::#variant_name => ::core::result::Result::Ok(#unit_value),
                        #rest
                    }
                }
            }
        }
    }

    /// `From` and `TryFrom` between a variant and the struct it holds (in a `Box` when `boxed`).
    fn value_conversions(&self, ty: &BoxedType, boxed: bool) -> TokenStream {
        let Self {
            name,
            impl_generics,
            name_type,
            variant_name,
            path_type,
            conversion_docs: [from_doc, try_from_doc],
            ..
        } = self;
        let (wrap, unwrap) = if boxed {
            (quote!(::std::boxed::Box::new(value)), quote!(*value))
        } else {
            (quote!(value), quote!(value))
        };
        let rest = has_other_variants(ty).then(|| quote!(other => ::core::result::Result::Err(other),));
        quote! {
            #[doc = #from_doc]
            impl #impl_generics ::core::convert::From<#path_type> for #name_type {
                #[inline]
                fn from(value: #path_type) -> Self { Self::#variant_name(#wrap) }
            }
            #[doc = #try_from_doc]
            impl #impl_generics ::core::convert::TryFrom<#name_type> for #path_type {
                type Error = #name_type;
                #[inline]
                fn try_from(value: #name_type) -> ::core::result::Result<Self, #name_type> {
                    match value {
                        #name::#variant_name(value) => ::core::result::Result::Ok(#unwrap),
                        #rest
                    }
                }
            }
        }
    }
}

impl Emitter<'_> {
    /// The universal type's enum: its own constructors (`gzip_packed = Object`) as in any enum, a variant
    /// holding each other boxed type, and `Vector` for a vector of objects. Decoding looks at the
    /// constructor id first and hands the value to the type that has it.
    fn universal(&self, ty: &BoxedType, members: &[UniversalMember], place: Place<'_>) -> TokenStream {
        let name = ident(&ty.rust_name);
        let mut arms = Arms::default();
        for variant in &ty.variants {
            self.variant(ty, variant, place, &mut arms);
        }
        // The decoder only looked at the id: the universal type's own constructors read it first.
        for (_, value) in &mut arms.read {
            *value = quote!({ reader.read_u32()?; #value });
        }
        for member in members {
            self.universal_member(&name, member, place, &mut arms);
        }
        let docs = doc_lines(&[
            format!(
                "The TL type `{}`, universal: any boxed value of the schema, held as the type its",
                ty.tl_name
            ),
            "constructor id belongs to, or a `Vector` of such values (a vector of bare values, such as".to_string(),
            "`Vector<long>`, has no ids and cannot be read as one).".to_string(),
        ]);
        let unexpected = unexpected_constructor(&ty.tl_name);
        let read = arms.read_after_id().collect::<Vec<_>>();
        let (lifetime, read_vector) = match place.form {
            Form::Owned => (None, quote!(::tl_runtime::Deserialize::deserialize(reader)?)),
            Form::Borrowed => {
                let min = Literal::usize_unsuffixed(ty.min_size);
                let read = self.read_fn(place, quote!(#name<'a>));
                (
                    Some(quote!(<'a>)),
                    quote!(::tl_runtime::read_vector(reader, #min, #read)?),
                )
            }
        };
        let read_value = quote! {
            let offset = reader.offset();
            match reader.peek_u32()? {
                #(#read)*
                ::tl_runtime::VECTOR_ID => ::core::result::Result::Ok(#name::Vector(#read_vector)),
                #unexpected
            }
        };
        let deserialize = counting_depth(ty, place, read_value);
        let rename = self.serde_rename(place, "Vector");
        arms.variants
            .push(quote!(#rename Vector(::std::vec::Vec<#name #lifetime>),));
        arms.write
            .push(quote!(Self::Vector(values) => ::tl_runtime::Serialize::serialize_into(values, out),));
        let into_owned = (place.form == Form::Borrowed).then(|| self.enum_into_owned(ty, place));
        let item = self.enum_item(ty, place, docs, arms, deserialize);
        quote!(#item #into_owned)
    }

    /// A variant of the universal type `name` holding another boxed type: read for any of its ids.
    fn universal_member(&self, name: &proc_macro2::Ident, member: &UniversalMember, place: Place<'_>, arms: &mut Arms) {
        let other = &self.model.types[member.ty];
        let variant = ident(&member.rust_name);
        let path = self.rust_type(place, &crate::model::TypeRef::Enum(member.ty));
        let read = self.read_fn(place, path.clone());
        let ids: Vec<TokenStream> = (other.variants.iter())
            .map(|v| hex(self.model.constructors[v.constructor].id))
            .collect();
        let rename = self.serde_rename(place, &other.tl_name);
        arms.variants.push(quote!(#rename #variant(#path),));
        arms.write
            .push(quote!(Self::#variant(value) => ::tl_runtime::Serialize::serialize_into(value, out),));
        arms.read
            .push((quote!(#(#ids)|*), quote!(#read(reader).map(#name::#variant))));
        if place.form == Form::Borrowed {
            return;
        }
        let from_doc = format!(" Wraps any `{}` as the universal type.", other.tl_name);
        let try_from_doc = format!(
            " The `{}` in the universal type; a value of any other type is given back as the error.",
            other.tl_name
        );
        arms.conversions.push(quote! {
            #[doc = #from_doc]
            impl ::core::convert::From<#path> for #name {
                #[inline]
                fn from(value: #path) -> Self { Self::#variant(value) }
            }
            #[doc = #try_from_doc]
            impl ::core::convert::TryFrom<#name> for #path {
                type Error = #name;
                #[inline]
                fn try_from(value: #name) -> ::core::result::Result<Self, #name> {
                    match value {
                        #name::#variant(value) => ::core::result::Result::Ok(value),
                        other => ::core::result::Result::Err(other),
                    }
                }
            }
        });
    }
}

impl Emitter<'_> {
    /// The universal function type's enum: a variant per function, boxed (a field of this type holds one
    /// call), written as the function is (its id, then its params). Decoding peeks at the id, hands the
    /// bytes to that function's decoder, and counts a level of nesting (a function may hold another
    /// `Function`). It holds the owned function structs, so it has no borrowed form.
    fn any_function(&self, ty: &BoxedType, members: &[FunctionMember], place: Place<'_>) -> TokenStream {
        let name = ident(&ty.rust_name);
        let mut arms = Arms::default();
        for member in members {
            let function = &self.model.functions[member.function];
            let variant = ident(&member.rust_name);
            let path = self.path_to(
                place,
                Form::Owned,
                "functions",
                function.namespace.as_deref(),
                &function.rust_name,
            );
            let rename = self.serde_rename(place, &function.tl_name);
            arms.variants.push(quote!(#rename #variant(::std::boxed::Box<#path>),));
            arms.write
                .push(quote!(Self::#variant(value) => ::tl_runtime::Serialize::serialize_into(&**value, out),));
            let read = self.read_fn(place, path.clone());
            let id = hex(function.id);
            arms.read.push((
                id,
                quote!(#read(reader).map(|value| #name::#variant(::std::boxed::Box::new(value)))),
            ));
            let doc = format!(" Wraps a call of `{}` as any function.", function.tl_name);
            arms.conversions.push(quote! {
                #[doc = #doc]
                impl ::core::convert::From<#path> for #name {
                    #[inline]
                    fn from(value: #path) -> Self { Self::#variant(::std::boxed::Box::new(value)) }
                }
            });
        }
        let docs = doc_lines(&[format!(
            "The TL type `{}`, universal: any function of the schema (but the generic ones), boxed.",
            ty.tl_name
        )]);
        let unexpected = unexpected_constructor(&ty.tl_name);
        let read = arms.read_after_id().collect::<Vec<_>>();
        let read_value = quote! {
            let offset = reader.offset();
            match reader.peek_u32()? {
                #(#read)*
                #unexpected
            }
        };
        let deserialize = counting_depth(ty, place, read_value);
        self.enum_item(ty, place, docs, arms, deserialize)
    }

    /// The enum of `ty` and its impls, from its docs, its variants' arms and its decoder's body.
    fn enum_item(
        &self,
        ty: &BoxedType,
        place: Place<'_>,
        docs: TokenStream,
        arms: Arms,
        deserialize: TokenStream,
    ) -> TokenStream {
        let name = ident(&ty.rust_name);
        let Arms {
            variants,
            write,
            conversions,
            ..
        } = arms;
        let generics = Generics::named(&ty.generics);
        let (attributes, lifetime) = match place.form {
            Form::Owned => (self.enum_attributes(ty), generics.params()),
            Form::Borrowed => (self.borrowed_attributes(ty.eq_hash), Some(quote!(<'a>))),
        };
        let deserialize = enum_decoder(ty, place, deserialize);
        let (eq_generics, encodable) = match place.form {
            Form::Owned => (
                generics.bounded(quote!(::core::cmp::Eq)),
                generics.bounded(quote!(::tl_runtime::Serialize)),
            ),
            Form::Borrowed => (lifetime.clone(), lifetime.clone()),
        };
        let eq = self.eq_impl(ty.eq_hash, eq_generics, quote!(#name #lifetime));
        let codec = match self.options.tdjson {
            true => self.tdjson_enum_impls(ty),
            false => quote! {
                impl #encodable ::tl_runtime::Serialize for #name #lifetime {
                    #[inline]
                    fn serialize_into<O: ::tl_runtime::Output>(&self, out: O) -> O {
                        match self { #(#write)* }
                    }
                }
                #deserialize
            },
        };
        quote! {
            #docs
            #attributes
            #[allow(clippy::large_enum_variant)]
            pub enum #name #lifetime { #(#variants)* }
            #eq
            #codec
            #(#conversions)*
        }
    }

    /// `impl Default`: the `<type>Empty` variant, when the model found one with a default.
    fn default_impl(&self, ty: &BoxedType) -> Option<TokenStream> {
        let variant = &ty.variants[ty.default_variant?];
        let constructor = &self.model.constructors[variant.constructor];
        let (name, variant_name) = (ident(&ty.rust_name), ident(&variant.rust_name));
        let value = if constructor.fields.is_empty() {
            quote!(Self::#variant_name)
        } else {
            quote!(Self::#variant_name(::core::default::Default::default()))
        };
        let doc = format!(" `{}`, with default fields.", constructor.tl_name);
        Some(quote! {
            impl ::core::default::Default for #name {
                #[doc = #doc]
                #[inline]
                fn default() -> Self { #value }
            }
        })
    }
}

/// Whether a value of `ty` can be another variant than a given one (a `TryFrom` then has an error arm).
fn has_other_variants(ty: &BoxedType) -> bool {
    ty.variants.len() > 1 || ty.universal.is_some()
}

/// The docs of the `From` and `TryFrom` between a struct (`type_text`) and the variant of `ty`'s enum
/// (`enum_text`).
fn conversion_docs(ty: &BoxedType, type_text: &str, enum_text: &str, variant: &str) -> [String; 2] {
    let rest = if has_other_variants(ty) {
        "any other variant is given back as the error"
    } else {
        "the only variant, so this never fails"
    };
    [
        format!(" Wraps a `{type_text}` as the variant `{enum_text}::{variant}`."),
        format!(" The `{type_text}` in the variant `{enum_text}::{variant}`: {rest}."),
    ]
}

/// `read_value` (the universal type's decoder) counting one level of nesting when `ty` is recursive.
fn counting_depth(ty: &BoxedType, place: Place<'_>, read_value: TokenStream) -> TokenStream {
    if !ty.recursive {
        return read_value;
    }
    let name = ident(&ty.rust_name);
    let generics = Generics::named(&ty.generics);
    let (decodable, params) = (generics.bounded(quote!(::tl_runtime::Deserialize)), generics.params());
    let signature = match place.form {
        Form::Owned => {
            quote!(fn read #decodable(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<#name #params>)
        }
        Form::Borrowed => {
            quote!(fn read<'a>(reader: &mut ::tl_runtime::Reader<'a>) -> ::tl_runtime::Result<#name<'a>>)
        }
    };
    quote! {
        #[inline]
        #signature { #read_value }
        reader.enter()?;
        let value = read(reader);
        reader.leave();
        value
    }
}

impl Emitter<'_> {
    /// The read of `constructor`'s struct (at `path`), a `Result`: given its counts (the type's, as its
    /// result takes them) and the readers of the type parameters it uses, or by its trait.
    fn struct_read(&self, constructor: &Item, place: Place<'_>, path: &TokenStream) -> TokenStream {
        let readers = constructor.generics.iter().map(|name| super::types::param_reader(name));
        match (own_counts(constructor), constructor.generics.is_empty()) {
            (Some(counts), true) => quote!(<#path>::deserialize_with_counts(reader, #counts)),
            (Some(counts), false) => quote!(<#path>::deserialize_with(reader, #counts, #(#readers),*)),
            (None, false) => quote!(<#path>::deserialize_with(reader, #(#readers),*)),
            (None, true) => {
                let read = self.read_fn(place, path.clone());
                quote!(#read(reader))
            }
        }
    }

    /// The read of a variant with fields, after its id. A recursive type (other than the universal one,
    /// which counts every value it reads) counts a level of nesting in each variant that leads back to
    /// it, read out of line so that a level costs the stack of that variant only; its other variants are
    /// read without counting, the small ones in place in optimised builds.
    fn read_value(&self, ty: &BoxedType, variant: &Variant, place: Place<'_>, path: &TokenStream) -> TokenStream {
        let name = ident(&ty.rust_name);
        let variant_name = ident(&variant.rust_name);
        let constructor = &self.model.constructors[variant.constructor];
        let struct_generics = &constructor.generics;
        if ty.nat_params > 0 || !struct_generics.is_empty() {
            // One level deeper on a recursive type.
            let read = self.struct_read(constructor, place, path);
            let wrap = match variant.boxed {
                true => quote!(|value| #name::#variant_name(::std::boxed::Box::new(value))),
                false => quote!(#name::#variant_name),
            };
            return match ty.recursive {
                true => quote!(reader.nested(|reader| #read).map(#wrap)),
                false => quote!(#read.map(#wrap)),
            };
        }
        let read_fn = self.read_fn(place, path.clone());
        let read = quote!(#read_fn(reader)?);
        let counts_here = ty.recursive && ty.universal.is_none();
        let runtime_read = match (variant.recurses, variant.boxed) {
            (true, true) => quote!(read_nested_boxed_variant),
            (true, false) => quote!(read_nested_variant),
            (false, true) => quote!(read_boxed_variant),
            (false, false) => quote!(read_small_variant),
        };
        match (counts_here, variant.boxed) {
            (true, _) => quote!(::tl_runtime::#runtime_read(reader, #name::#variant_name)),
            (false, true) => quote!(::core::result::Result::Ok(#name::#variant_name(::std::boxed::Box::new(#read)))),
            // The result mapped into the variant rather than `Ok(Variant(read?))`: the same machine code,
            // without the `?` operator's trait calls for the compiler to check (debug builds of a client
            // 5% faster; issue 19; the history of BENCHMARKS.md).
            (false, false) => quote!(#read_fn(reader).map(#name::#variant_name)),
        }
    }
}

/// The guard on the id of a constructor for some counts of its type only: `counts[1] == 0` for `= Tuple
/// X 0`, `counts[1] >= 1` for `= Tuple X (n+1)`; nothing when it is for every count.
fn count_guard(patterns: &[CountPattern]) -> Option<TokenStream> {
    let tests: Vec<TokenStream> = (patterns.iter().enumerate())
        .filter(|(_, pattern)| !pattern.is_plain())
        .map(|(position, pattern)| {
            let (at, plus) = (
                Literal::usize_unsuffixed(position),
                Literal::u32_unsuffixed(pattern.plus),
            );
            match pattern.param {
                Some(_) => quote!(counts[#at] >= #plus),
                None => quote!(counts[#at] == #plus),
            }
        })
        .collect();
    (!tests.is_empty()).then(|| quote!(#(#tests)&&*))
}

/// The counts `constructor`'s struct is read with, from its type's `counts`: those as they are when its
/// result takes them so, else each of its own `{n:#}` from the count naming it (`counts[1] - 1` for
/// `(n+1)`, after [`count_guard`]); `None` when it takes none.
fn own_counts(constructor: &Item) -> Option<TokenStream> {
    let sources = constructor.own_counts_in_type();
    if sources.is_empty() {
        return None;
    }
    if constructor.count_patterns.iter().all(CountPattern::is_plain) {
        return Some(quote!(counts));
    }
    let own = sources.into_iter().map(|(at, plus)| {
        let at = Literal::usize_unsuffixed(at);
        match plus {
            0 => quote!(counts[#at]),
            plus => {
                let plus = Literal::u32_unsuffixed(plus);
                quote!(counts[#at] - #plus)
            }
        }
    });
    Some(quote!([#(#own),*]))
}

/// The enum's decoder around `body` (the match on the id): `Deserialize`, `DeserializeBorrowed` in the
/// borrowed types, or for a type with `#` parameters an inherent `deserialize_with_counts`.
fn enum_decoder(ty: &BoxedType, place: Place<'_>, body: TokenStream) -> TokenStream {
    let name = ident(&ty.rust_name);
    let min_size = Literal::usize_unsuffixed(ty.min_size);
    let generics = Generics::named(&ty.generics);
    let (decodable, params) = (generics.bounded(quote!(::tl_runtime::Deserialize)), generics.params());
    match place.form {
        Form::Owned if !ty.generics.is_empty() => generic_enum_decoder(ty, body),
        Form::Owned if ty.nat_params > 0 => {
            let doc = format!(
                " Reads a boxed `{}` given its counts, which are not on the wire.",
                ty.tl_name
            );
            let function = super::items::with_counts_fn(&doc, ty.nat_params, body);
            quote!(impl #decodable #name #params { #function })
        }
        Form::Owned => quote! {
            impl #decodable ::tl_runtime::Deserialize for #name #params {
                const MIN_SIZE: usize = #min_size;
                #[inline]
                fn deserialize(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<Self> {
                    #body
                }
            }
        },
        Form::Borrowed => quote! {
            impl<'a> ::tl_runtime::DeserializeBorrowed<'a> for #name<'a> {
                const MIN_SIZE: usize = #min_size;
                #[inline]
                fn deserialize_borrowed(reader: &mut ::tl_runtime::Reader<'a>) -> ::tl_runtime::Result<Self> {
                    #body
                }
            }
        },
    }
}

/// The decoder of a generic type's enum: `deserialize_with`, given a reader per type parameter (and its
/// counts, for a type with `#` parameters), and the trait's `deserialize` (or `deserialize_with_counts`)
/// reading each parameter by its `Deserialize`.
fn generic_enum_decoder(ty: &BoxedType, body: TokenStream) -> TokenStream {
    let name = ident(&ty.rust_name);
    let generics = Generics::named(&ty.generics);
    let params = generics.params();
    let names: Vec<_> = ty.generics.iter().map(|g| ident(g)).collect();
    let read_by = super::items::read_by_doc(&names);
    if ty.nat_params == 0 {
        let doc = format!(" Reads a boxed `{}`, {read_by}.", ty.tl_name);
        let with_readers = super::items::with_readers_fn(&doc, &names, None, body);
        let deserialize = generics.delegating_deserialize(&name, &Literal::usize_unsuffixed(ty.min_size));
        return quote! {
            impl #params #name #params { #with_readers }
            #deserialize
        };
    }
    let doc = format!(
        " Reads a boxed `{}` given its counts, which are not on the wire.",
        ty.tl_name
    );
    let doc_with = format!("{}, {read_by}.", doc.trim_end_matches('.'));
    let with_readers = super::items::with_readers_fn(&doc_with, &names, Some(ty.nat_params), body);
    let with_counts = generics.delegating_with_counts(&name, &doc, ty.nat_params);
    quote! {
        impl #params #name #params { #with_readers }
        #with_counts
    }
}

/// The body of the enum's `deserialize`: the id, then the variant's struct. (A recursive type's variants
/// that lead back to it count the nesting, so hostile input cannot overflow the stack.)
fn deserialize_body(ty: &BoxedType, read_arms: Vec<TokenStream>) -> TokenStream {
    let unexpected = unexpected_constructor(&ty.tl_name);
    quote! {
        let offset = reader.offset();
        match reader.read_u32()? {
            #(#read_arms)*
            #unexpected
        }
    }
}

/// The last arm of a decoder's match on the constructor id (`found`, read at `offset`): the error that
/// names the type expected.
fn unexpected_constructor(tl_name: &str) -> TokenStream {
    quote! {
        found => ::core::result::Result::Err(::tl_runtime::Error::new(
            ::tl_runtime::ErrorKind::UnexpectedConstructor { expected: #tl_name, found },
            offset,
        )),
    }
}
