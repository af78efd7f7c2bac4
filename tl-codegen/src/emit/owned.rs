//! `into_owned` of the borrowed types: each borrowed struct, group and enum becomes its owned form,
//! copying the text and bytes it points to; parts with nothing to borrow are moved as they are. Each
//! `into_owned` is `#[inline]`, so that a crate calling few of them compiles only those (in an optimised
//! build of the whole schema with borrowed types, the 1,535 of them were 12 s of LLVM work).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use tl_parser::builtin::Codec;

use super::{Emitter, Form, Place};
use crate::ident::ident;
use crate::model::{BoxedType, FieldKind, Group, Item, TypeRef};

impl Emitter<'_> {
    /// `impl X<'a> { fn into_owned(self) -> types::X }`.
    pub(super) fn struct_into_owned(&self, item: &Item, place: Place<'_>) -> TokenStream {
        let name = ident(&item.rust_name);
        let owned = self.owned_path("types", item.namespace.as_deref(), &item.rust_name, place);
        let fields = item.fields.iter().map(|field| {
            let field_name = ident(&field.rust_name);
            let value = quote!(self.#field_name);
            let converted = match &field.kind {
                FieldKind::Required(ty) => self.owned_value(ty, place, value),
                FieldKind::Optional(ty) => self.owned_option(ty, place, value),
                FieldKind::Bit => value,
                FieldKind::Group(group) if self.model.group_borrows(&item.groups[*group]) => {
                    let group = ident(&item.groups[*group].rust_name);
                    quote!(#value.map(#group::into_owned))
                }
                FieldKind::Group(_) => value,
            };
            quote!(#field_name: #converted,)
        });
        let doc = format!(" The owned `{}`: text and bytes copied.", item.tl_name);
        quote! {
            impl<'a> #name<'a> {
                #[doc = #doc]
                #[inline]
                pub fn into_owned(self) -> #owned { #owned { #(#fields)* } }
            }
        }
    }

    /// `impl G<'a> { fn into_owned(self) -> types::G }` for a group struct of `item`.
    pub(super) fn group_into_owned(&self, item: &Item, group: &Group, place: Place<'_>) -> TokenStream {
        let name = ident(&group.rust_name);
        let owned = self.owned_path("types", item.namespace.as_deref(), &group.rust_name, place);
        let members = group.members.iter().map(|member| {
            let member_name = ident(&member.rust_name);
            let converted = self.owned_value(&member.ty, place, quote!(self.#member_name));
            quote!(#member_name: #converted,)
        });
        quote! {
            impl<'a> #name<'a> {
                /// The owned group: text and bytes copied.
                #[inline]
                pub fn into_owned(self) -> #owned { #owned { #(#members)* } }
            }
        }
    }

    /// `impl E<'a> { fn into_owned(self) -> enums::E }`: each variant to its owned variant.
    pub(super) fn enum_into_owned(&self, ty: &BoxedType, place: Place<'_>) -> TokenStream {
        let name = ident(&ty.rust_name);
        let owned = self.owned_path("enums", ty.namespace.as_deref(), &ty.rust_name, place);
        let mut arms: Vec<TokenStream> = (ty.variants.iter())
            .map(|variant| {
                let constructor = &self.model.constructors[variant.constructor];
                let variant_name = ident(&variant.rust_name);
                if constructor.fields.is_empty() {
                    return quote!(Self::#variant_name => #owned::#variant_name,);
                }
                let value = match (constructor.borrows, variant.boxed) {
                    (true, true) => quote!(::std::boxed::Box::new((*value).into_owned())),
                    (true, false) => quote!(value.into_owned()),
                    (false, _) => quote!(value),
                };
                quote!(Self::#variant_name(value) => #owned::#variant_name(#value),)
            })
            .collect();
        for member in ty.universal.iter().flatten() {
            let variant_name = ident(&member.rust_name);
            let value = self.owned_value(&TypeRef::Enum(member.ty), place, quote!(value));
            arms.push(quote!(Self::#variant_name(value) => #owned::#variant_name(#value),));
        }
        if ty.universal.is_some() {
            arms.push(
                quote!(Self::Vector(values) => #owned::Vector(values.into_iter().map(#name::into_owned).collect()),),
            );
        }
        let doc = format!(" The owned `{}`: text and bytes copied.", ty.tl_name);
        quote! {
            impl<'a> #name<'a> {
                #[doc = #doc]
                #[inline]
                pub fn into_owned(self) -> #owned { match self { #(#arms)* } }
            }
        }
    }

    /// The owned form of `value`, a borrowed value of type `ty`.
    fn owned_value(&self, ty: &TypeRef, place: Place<'_>, value: TokenStream) -> TokenStream {
        if !self.model.borrows(ty) {
            return value;
        }
        match ty {
            TypeRef::Vector(element) | TypeRef::BareVector(element) | TypeRef::Counted(element, _) => {
                let convert = self.owned_items(element, place);
                quote!(#value.into_iter()#convert.collect::<::std::vec::Vec<_>>())
            }
            // Written out rather than as a closure called in place (`(|v| ..)(value)`).
            TypeRef::Flagged(inner, _) => self.owned_option(inner, place, value),
            TypeRef::Heap(inner) => {
                let owned = self.owned_value(inner, place, quote!((*#value)));
                quote!(::std::boxed::Box::new(#owned))
            }
            TypeRef::Tuple(values) => {
                let (pattern, owned) = self.owned_tuple(values, place);
                quote!({
                    let #pattern = #value;
                    #owned
                })
            }
            _ => {
                let convert = self.owned_fn(ty, place);
                quote!(#convert(#value))
            }
        }
    }

    /// The function (or closure) from a borrowed value of type `ty`, which borrows, to its owned form.
    fn owned_fn(&self, ty: &TypeRef, place: Place<'_>) -> TokenStream {
        match ty {
            TypeRef::Builtin(builtin) if builtin.get().codec == Codec::Text => {
                quote!(::tl_runtime::CompactString::from)
            }
            TypeRef::Builtin(_) => quote!(<[u8]>::to_vec),
            TypeRef::Heap(inner) => {
                let convert = self.owned_fn(inner, place);
                quote!(|value: ::std::boxed::Box<_>| ::std::boxed::Box::new(#convert(*value)))
            }
            TypeRef::Vector(element) | TypeRef::BareVector(element) | TypeRef::Counted(element, _) => {
                let convert = self.owned_items(element, place);
                quote!(|items: ::std::vec::Vec<_>| items.into_iter()#convert.collect::<::std::vec::Vec<_>>())
            }
            TypeRef::Flagged(inner, _) => {
                let convert = self.owned_fn(inner, place);
                quote!(|value: ::core::option::Option<_>| value.map(#convert))
            }
            TypeRef::Tuple(values) => {
                let (pattern, owned) = self.owned_tuple(values, place);
                quote!(|#pattern| #owned)
            }
            _ => {
                let borrowed = self.rust_type(place, ty);
                quote!(<#borrowed>::into_owned)
            }
        }
    }

    /// The pattern binding each value of a borrowed tuple of `values`, and the owned tuple made of them.
    fn owned_tuple(&self, values: &[TypeRef], place: Place<'_>) -> (TokenStream, TokenStream) {
        let names: Vec<_> = (0..values.len()).map(|n| format_ident!("value{}", n)).collect();
        let owned = (values.iter().zip(&names)).map(|(ty, name)| self.owned_value(ty, place, quote!(#name)));
        let pattern = super::tuples::tuple_of(names.iter().map(|name| quote!(#name)).collect());
        (pattern, super::tuples::tuple_of(owned.collect()))
    }

    /// `.map(<element to owned>)` for the items of a vector, or nothing when they borrow nothing.
    fn owned_items(&self, element: &TypeRef, place: Place<'_>) -> Option<TokenStream> {
        self.model.borrows(element).then(|| {
            let convert = self.owned_fn(element, place);
            quote!(.map(#convert))
        })
    }

    /// The owned form of `value`, an optional borrowed value of type `ty`.
    fn owned_option(&self, ty: &TypeRef, place: Place<'_>, value: TokenStream) -> TokenStream {
        if !self.model.borrows(ty) {
            return value;
        }
        let convert = self.owned_fn(ty, place);
        quote!(#value.map(#convert))
    }

    /// The owned item `name` of `module` (`types` or `enums`), from a place among the borrowed types.
    fn owned_path(&self, module: &str, namespace: Option<&str>, name: &str, place: Place<'_>) -> TokenStream {
        debug_assert!(place.form == Form::Borrowed);
        self.path_to(place, Form::Owned, module, namespace, name)
    }
}
