//! An enum per boxed type: a variant per constructor (boxed where the model says), the boxed encoding
//! (the variant's id, then its struct's bare encoding), and `From` each struct.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Emitter, Place, doc_lines, hex, hex_u32};
use crate::ident::ident;
use crate::model::{BoxedType, Variant};

/// The pieces of an enum, gathered variant by variant.
#[derive(Default)]
struct Arms {
    variants: Vec<TokenStream>,
    len: Vec<TokenStream>,
    write: Vec<TokenStream>,
    read: Vec<TokenStream>,
    froms: Vec<TokenStream>,
}

impl Emitter<'_> {
    /// The enum of boxed type `ty`.
    pub(super) fn enumeration(&self, ty: &BoxedType, place: Place<'_>) -> TokenStream {
        let name = ident(&ty.rust_name);
        let constructors: Vec<String> = (ty.variants.iter())
            .map(|v| format!("`{}`", self.model.constructors[v.constructor].tl_name))
            .collect();
        let docs = doc_lines(&[format!(
            "The TL type `{}`: one of {}.",
            ty.tl_name,
            constructors.join(", ")
        )]);
        let mut arms = Arms::default();
        for variant in &ty.variants {
            self.variant(ty, variant, place, &mut arms);
        }
        let Arms {
            variants,
            len,
            write,
            read,
            froms,
        } = arms;
        let deserialize = deserialize_body(ty, read);
        let min_size = Literal::usize_unsuffixed(ty.min_size);
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq)]
            #[allow(clippy::large_enum_variant)]
            pub enum #name { #(#variants)* }
            impl ::tl_runtime::Serialize for #name {
                #[inline]
                fn serialized_len(&self) -> usize {
                    match self { #(#len)* }
                }
                #[inline]
                fn serialize_into<'o>(&self, out: &'o mut [u8]) -> &'o mut [u8] {
                    match self { #(#write)* }
                }
            }
            impl ::tl_runtime::Deserialize for #name {
                const MIN_SIZE: usize = #min_size;
                #[inline]
                fn deserialize(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<Self> {
                    #deserialize
                }
            }
            #(#froms)*
        }
    }

    /// The declaration, the codec arms and the `From` of one variant.
    fn variant(&self, ty: &BoxedType, variant: &Variant, place: Place<'_>, arms: &mut Arms) {
        let name = ident(&ty.rust_name);
        let constructor = &self.model.constructors[variant.constructor];
        let variant_name = ident(&variant.rust_name);
        let path = self.constructor_path(place, variant.constructor);
        let (id, id_u32) = (hex(constructor.id), hex_u32(constructor.id));
        let write_id = quote!(let out = ::tl_runtime::put(out, #id_u32.to_le_bytes()););
        if constructor.fields.is_empty() {
            // A unit variant; the struct still writes and reads whatever flags words it has.
            arms.variants.push(quote!(#variant_name,));
            arms.len
                .push(quote!(Self::#variant_name => 4 + ::tl_runtime::Serialize::serialized_len(&#path),));
            arms.write.push(quote!(Self::#variant_name => {
                #write_id
                ::tl_runtime::Serialize::serialize_into(&#path, out)
            }));
            arms.read.push(quote!(#id => {
                <#path as ::tl_runtime::Deserialize>::deserialize(reader)?;
                ::core::result::Result::Ok(#name::#variant_name)
            }));
            arms.froms.push(quote! {
                impl ::core::convert::From<#path> for #name {
                    fn from(_: #path) -> Self { Self::#variant_name }
                }
            });
            return;
        }
        let (held, wrap) = if variant.boxed {
            (quote!(::std::boxed::Box<#path>), quote!(::std::boxed::Box::new(value)))
        } else {
            (quote!(#path), quote!(value))
        };
        arms.variants.push(quote!(#variant_name(#held),));
        arms.len
            .push(quote!(Self::#variant_name(value) => 4 + ::tl_runtime::Serialize::serialized_len(value),));
        arms.write.push(quote!(Self::#variant_name(value) => {
            #write_id
            ::tl_runtime::Serialize::serialize_into(value, out)
        }));
        arms.read.push(read_arm(ty, variant, &path, constructor.id));
        arms.froms.push(quote! {
            impl ::core::convert::From<#path> for #name {
                fn from(value: #path) -> Self { Self::#variant_name(#wrap) }
            }
        });
    }
}

/// The read of a variant with fields. A recursive type's variants are read out of line, so that one
/// level of nesting costs the stack of the variant being read only.
fn read_arm(ty: &BoxedType, variant: &Variant, path: &TokenStream, id: u32) -> TokenStream {
    let name = ident(&ty.rust_name);
    let variant_name = ident(&variant.rust_name);
    let id = hex(id);
    let read = quote!(<#path as ::tl_runtime::Deserialize>::deserialize(reader)?);
    match (ty.recursive, variant.boxed) {
        (true, true) => quote!(#id => ::tl_runtime::read_boxed_variant(reader, #name::#variant_name),),
        (true, false) => quote!(#id => ::tl_runtime::read_variant(reader, #name::#variant_name),),
        (false, true) => {
            quote!(#id => ::core::result::Result::Ok(#name::#variant_name(::std::boxed::Box::new(#read))),)
        }
        (false, false) => quote!(#id => ::core::result::Result::Ok(#name::#variant_name(#read)),),
    }
}

/// The body of the enum's `deserialize`: the id, then the variant's struct. A recursive type counts its
/// nesting, so hostile input cannot overflow the stack; others pay nothing.
fn deserialize_body(ty: &BoxedType, read_arms: Vec<TokenStream>) -> TokenStream {
    let name = ident(&ty.rust_name);
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
    if !ty.recursive {
        return read_variant;
    }
    quote! {
        fn read(reader: &mut ::tl_runtime::Reader<'_>) -> ::tl_runtime::Result<#name> { #read_variant }
        reader.enter()?;
        let value = read(reader);
        reader.leave();
        value
    }
}
