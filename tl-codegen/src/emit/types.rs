//! Rust types and paths, and the expressions that measure, write and read one value of a type.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, format_ident, quote};
use tl_parser::builtin::Codec;

use super::tuples::tuple_of;
use super::{Emitter, Form, Place};
use crate::ident::{self, ident};
use crate::model::{CountSource, ItemCondition, ItemValue, TypeRef};

/// One step of a value's codec, for a vector's element.
#[derive(Clone, Copy)]
pub(super) enum Pass {
    Write,
    Read,
}

impl Emitter<'_> {
    /// `super::super::types::messages::Foo` from `place`, or for a borrowed `target`
    /// `super::super::super::borrowed::types::messages::Foo<'a>`.
    pub(super) fn path_to(
        &self,
        place: Place<'_>,
        target: Form,
        module: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> TokenStream {
        let supers = (0..place.depth()).map(|_| quote!(super::));
        let module = format_ident!("{}", module);
        let namespace = namespace.map(|ns| {
            let ns = ident(&ident::module_name(ns));
            quote!(#ns::)
        });
        let name = ident(name);
        match target {
            Form::Owned => quote!(#(#supers)* #module:: #namespace #name),
            Form::Borrowed => quote!(#(#supers)* borrowed:: #module:: #namespace #name<'a>),
        }
    }

    pub(super) fn constructor_path(&self, place: Place<'_>, index: usize) -> TokenStream {
        let item = &self.model.constructors[index];
        let target = place.form_of(item.borrows);
        self.path_to(place, target, "types", item.namespace.as_deref(), &item.rust_name)
    }

    pub(super) fn rust_type(&self, place: Place<'_>, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Builtin(builtin) if place.values == Form::Borrowed => match builtin.get().codec {
                Codec::Text => quote!(::std::borrow::Cow<'a, str>),
                Codec::Bytes => quote!(&'a [u8]),
                _ => self.builtin_types[usize::from(builtin.0)].clone(),
            },
            TypeRef::Builtin(builtin) => self.builtin_types[usize::from(builtin.0)].clone(),
            TypeRef::Enum(index) => {
                let ty = &self.model.types[*index];
                let target = place.form_of(ty.borrows);
                self.path_to(place, target, "enums", ty.namespace.as_deref(), &ty.rust_name)
            }
            TypeRef::Bare(index) => self.constructor_path(place, *index),
            TypeRef::Vector(element) | TypeRef::BareVector(element) | TypeRef::Counted(element, _) => {
                let element = self.rust_type(place, element);
                quote!(::std::vec::Vec<#element>)
            }
            TypeRef::Heap(inner) => {
                let inner = self.rust_type(place, inner);
                quote!(::std::boxed::Box<#inner>)
            }
            TypeRef::Flagged(inner, _) => {
                let inner = self.rust_type(place, inner);
                quote!(::core::option::Option<#inner>)
            }
            TypeRef::FlagBit(_) => quote!(bool),
            TypeRef::Tuple(values) => tuple_of(values.iter().map(|value| self.rust_type(place, value)).collect()),
            TypeRef::Counts(inner, _) => self.rust_type(place, inner),
            TypeRef::Generic(name) | TypeRef::Param(name) => {
                let name = ident(name);
                quote!(#name)
            }
            TypeRef::Apply(generic, args) => {
                let generic = self.rust_type(place, generic);
                let args = args.iter().map(|arg| self.rust_type(place.owned_values(), arg));
                quote!(#generic<#(#args),*>)
            }
            TypeRef::Array(size) => {
                let size = Literal::usize_unsuffixed(*size);
                quote!([u8; #size])
            }
            TypeRef::Extern(index) => crate::rust_text::tokens(&self.model.externs[*index].rust_path)
                .expect("extern type paths are checked when they are given"),
        }
    }

    /// Writes `value` (an expression of type `&T`) to `out` (a `tl_runtime::Output`): an expression for
    /// what follows.
    pub(super) fn write_expr(&self, place: Place<'_>, ty: &TypeRef, value: TokenStream) -> TokenStream {
        if trait_codable(ty) {
            return quote!(::tl_runtime::Serialize::serialize_into(#value, out));
        }
        match ty {
            TypeRef::Vector(element) | TypeRef::BareVector(element) => {
                let function = vector_function(ty, "write_vector", "write_bare_vector");
                let write_item = self.element_fn(place, element, Pass::Write);
                quote!(::tl_runtime::#function(#value, out, #write_item))
            }
            TypeRef::Heap(inner) => self.write_expr(place, inner, quote!(::core::ops::Deref::deref(#value))),
            TypeRef::Counted(element, count) => {
                let check = item_count_checked(*count, &value);
                let write_item = self.element_fn(place, element, Pass::Write);
                quote!({ #check ::tl_runtime::write_items(#value, out, #write_item) })
            }
            // Written as any value: what it holds says how many.
            TypeRef::Counts(..) => quote!(::tl_runtime::Serialize::serialize_into(#value, out)),
            TypeRef::Tuple(values) => self.write_tuple(place, values, value),
            // Present or not as the value says: the word it is read under must agree.
            TypeRef::Flagged(inner, condition) => {
                let check = item_condition_checked(*condition, quote!(#value.is_some()));
                let write = self.write_expr(place, inner, quote!(value));
                quote!({
                    #check
                    match #value {
                        ::core::option::Option::Some(value) => #write,
                        ::core::option::Option::None => out,
                    }
                })
            }
            // No bytes: the word says it.
            TypeRef::FlagBit(condition) => {
                let check = item_condition_checked(*condition, quote!(*#value));
                quote!({ #check let _ = #value; out })
            }
            _ => quote!(::tl_runtime::Output::put_bytes(out, #value)),
        }
    }

    /// Writes a repetition's item of several values (`value` a reference to the tuple): each value in
    /// turn, from locals that the checks of later values (and of items inside) name.
    fn write_tuple(&self, place: Place<'_>, values: &[TypeRef], value: TokenStream) -> TokenStream {
        let locals = item_locals(place, values.len());
        let pattern = tuple_of(locals.iter().map(ToTokens::to_token_stream).collect());
        let mut writes: Vec<TokenStream> = (values.iter().zip(&locals))
            .map(|(value_type, local)| self.write_expr(place.inside_item(), value_type, quote!(#local)))
            .collect();
        // Each value written after the one before; the last gives what follows.
        let last = writes.pop();
        quote!({ let #pattern = #value; #(let out = #writes;)* #last })
    }

    /// Reads a `T` from `reader`: an expression of type `Result<T>`.
    pub(super) fn read_expr(&self, place: Place<'_>, ty: &TypeRef) -> TokenStream {
        if read_by_trait(place, ty) {
            let read = self.read_fn(place, self.rust_type(place, ty));
            return quote!(#read(reader));
        }
        match ty {
            TypeRef::Vector(_) | TypeRef::BareVector(_) | TypeRef::Counted(..) => self.read_vector_expr(place, ty),
            TypeRef::Heap(inner) => {
                let read = self.read_expr(place, inner);
                quote!(#read.map(::std::boxed::Box::new))
            }
            TypeRef::FlagBit(condition) => {
                let test = super::reads::item_test(*condition);
                quote!(::core::result::Result::Ok(#test))
            }
            TypeRef::Flagged(inner, condition) => {
                let (read, test) = (self.read_expr(place, inner), super::reads::item_test(*condition));
                quote!(if #test {
                    #read.map(::core::option::Option::Some)
                } else {
                    ::core::result::Result::Ok(::core::option::Option::None)
                })
            }
            TypeRef::Counts(inner, counts) => {
                let rust = self.rust_type(place, inner);
                let counts = counts.iter().map(|sum| super::reads::sum_expr(*sum));
                match self.argument_readers(place, inner) {
                    Some(readers) => quote!(<#rust>::deserialize_with(reader, [#(#counts),*], #(#readers),*)),
                    None => quote!(<#rust>::deserialize_with_counts(reader, [#(#counts),*])),
                }
            }
            TypeRef::Param(name) => {
                let read = param_reader(name);
                quote!(#read(reader))
            }
            TypeRef::Apply(generic, args) if self.is_bare_vector_argument(generic) => {
                let read = self.read_expr(place, &TypeRef::BareVector(Box::new(args[0].clone())));
                quote!(#read.map(::tl_runtime::BareVector))
            }
            TypeRef::Apply(..) => {
                let rust = self.rust_type(place, ty);
                let readers = self.argument_readers(place, ty).unwrap_or_default();
                quote!(<#rust>::deserialize_with(reader, #(#readers),*))
            }
            TypeRef::Tuple(values) => self.read_tuple_expr(place, ty, values),
            _ if place.values == Form::Borrowed => quote!(reader.read_tl_bytes()),
            _ => quote!(::tl_runtime::read_bytes(reader)),
        }
    }

    /// Reads a vector (`ty` is a `Vector`, a bare `vector` or a counted repetition): an expression of type
    /// `Result<Vec<T>>`.
    fn read_vector_expr(&self, place: Place<'_>, ty: &TypeRef) -> TokenStream {
        let (TypeRef::Vector(element) | TypeRef::BareVector(element) | TypeRef::Counted(element, _)) = ty else {
            unreachable!("read_vector_expr reads vectors")
        };
        let min = self.min_size_expr(place, element);
        let read_item = self.element_fn(place, element, Pass::Read);
        match ty {
            TypeRef::Counted(_, count) => {
                let count = super::reads::count_expr(*count);
                quote!(::tl_runtime::read_counted(reader, #count, #min, #read_item))
            }
            _ => {
                let function = vector_function(ty, "read_vector", "read_bare_vector");
                quote!(::tl_runtime::#function(reader, #min, #read_item))
            }
        }
    }

    /// Reads an item of several values (`ty`, a tuple of `values`): the values in order, each into a local
    /// (a later repetition of the item may be counted by one), the first error ending the read.
    fn read_tuple_expr(&self, place: Place<'_>, ty: &TypeRef, values: &[TypeRef]) -> TokenStream {
        let locals = item_locals(place, values.len());
        let reads = values.iter().map(|value| self.read_expr(place.inside_item(), value));
        let rust = self.rust_type(place, ty);
        let tuple = tuple_of(locals.iter().map(ToTokens::to_token_stream).collect());
        quote!((|| -> ::tl_runtime::Result<#rust> {
            #(let #locals = #reads?;)*
            ::core::result::Result::Ok(#tuple)
        })())
    }

    /// The readers of a generic type's arguments (`ty` is the type applied), for its `deserialize_with`:
    /// a type parameter's own reader, a type's `Deserialize`, or a closure reading one (a type read given
    /// counts, `Maybe (Tuple int 3)`). `None` when `ty` takes no type arguments.
    fn argument_readers(&self, place: Place<'_>, ty: &TypeRef) -> Option<Vec<TokenStream>> {
        let TypeRef::Apply(_, args) = ty else { return None };
        // Arguments are owned values, read as such whatever the module's form.
        let place = place.owned_values();
        let reader_of = |arg: &TypeRef| match arg {
            TypeRef::Param(name) => param_reader(name).into_token_stream(),
            _ if read_by_trait(place, arg) => {
                let read = self.read_fn(place, self.rust_type(place, arg));
                quote!(&#read)
            }
            _ => {
                let read = self.read_expr(place, arg);
                quote!(&|reader: &mut ::tl_runtime::Reader<'_>| #read)
            }
        };
        Some(args.iter().map(reader_of).collect())
    }

    /// Whether `generic` is the runtime's `BareVector`, the type of a bare vector as a type argument.
    fn is_bare_vector_argument(&self, generic: &TypeRef) -> bool {
        matches!(generic, TypeRef::Extern(index) if self.model.externs[*index].rust_path == crate::model::BARE_VECTOR_ARGUMENT)
    }

    /// The value of a read of `ty`, or a return of its error with `path` added ([`read_or_return`]). A raw
    /// array (`int256`) is borrowed from the input and copied once to where it goes: a `Result<[u8; N]>`
    /// holds its 1-aligned array at an odd offset, and the copies out of there stall store forwarding
    /// (measured: a 64-link `liteServer.partialBlockProof` decoded in 2.6 µs instead of 4.0).
    ///
    /// [`read_or_return`]: super::reads::read_or_return
    pub(super) fn read_value_or_return(&self, place: Place<'_>, ty: &TypeRef, path: &str) -> TokenStream {
        match ty.plain_size().filter(|_| ty.is_raw()) {
            Some(size) => {
                let size = Literal::usize_unsuffixed(size);
                let read = super::reads::read_or_return(quote!(reader.read_array_ref::<#size>()), path);
                quote!(*#read)
            }
            None => super::reads::read_or_return(self.read_expr(place, ty), path),
        }
    }

    /// The trait function that reads a `rust` in `place`'s form: `<T as Deserialize>::deserialize`, or
    /// `<T as DeserializeBorrowed<'a>>::deserialize_borrowed`.
    pub(super) fn read_fn(&self, place: Place<'_>, rust: TokenStream) -> TokenStream {
        match place.values {
            Form::Owned => quote!(<#rust as ::tl_runtime::Deserialize>::deserialize),
            Form::Borrowed => quote!(<#rust as ::tl_runtime::DeserializeBorrowed<'a>>::deserialize_borrowed),
        }
    }

    /// The reader's type in `place`'s form, for closures.
    pub(super) fn reader_type(&self, place: Place<'_>) -> TokenStream {
        match place.values {
            Form::Owned => quote!(::tl_runtime::Reader<'_>),
            Form::Borrowed => quote!(::tl_runtime::Reader<'a>),
        }
    }

    /// The fewest bytes of `ty`: a literal, or the `MIN_SIZE` of an extern type (known only to its crate).
    fn min_size_expr(&self, place: Place<'_>, ty: &TypeRef) -> TokenStream {
        if let TypeRef::Extern(_) = ty {
            let rust = self.rust_type(place, ty);
            return quote!(<#rust as ::tl_runtime::Deserialize>::MIN_SIZE);
        }
        let min = Literal::usize_unsuffixed(self.model.min_size(ty));
        quote!(#min)
    }

    /// A function or closure doing one pass for a vector element.
    fn element_fn(&self, place: Place<'_>, element: &TypeRef, pass: Pass) -> TokenStream {
        let rust = self.rust_type(place, element);
        match pass {
            Pass::Write if trait_codable(element) => quote!(<#rust as ::tl_runtime::Serialize>::serialize_into),
            Pass::Read if read_by_trait(place, element) => self.read_fn(place, rust),
            Pass::Read if is_bytes(element) && place.values == Form::Borrowed => {
                quote!(::tl_runtime::Reader::read_tl_bytes)
            }
            Pass::Read if is_bytes(element) => quote!(::tl_runtime::read_bytes),
            Pass::Write => {
                let write = self.write_expr(place, element, quote!(item));
                quote!(|item: &#rust, out| #write)
            }
            Pass::Read => {
                let read = self.read_expr(place, element);
                let reader = self.reader_type(place);
                quote!(|reader: &mut #reader| #read)
            }
        }
    }
}

/// The locals of the values of a tuple read or written in `place`, by position.
fn item_locals(place: Place<'_>, len: usize) -> Vec<proc_macro2::Ident> {
    let local = |value| {
        super::reads::item_value_local(ItemValue {
            depth: place.item_depth,
            value,
        })
    };
    (0..len).map(local).collect()
}

/// In debug builds, that a repetition counted by a `#` value of an item (`rows:n*[ m:# cells:m*[int] ]`)
/// holds that many items (`held` a reference to it): the encoding would be read back otherwise. Nothing
/// for other counts (checked with the fields).
fn item_count_checked(count: CountSource, held: &TokenStream) -> TokenStream {
    let CountSource::Item(value) = count else {
        return TokenStream::new();
    };
    let local = super::reads::item_value_local(value);
    let message = format!(
        "an item's repetition must hold as many items as its `#` (value {}) says",
        value.value
    );
    quote!(debug_assert_eq!(#held.len(), *#local as usize, #message);)
}

/// In debug builds, that a value of an item is present (`present`: a `bool` expression) exactly when the
/// `#` value of an item it is read under says. A flags word of the definition is checked with the fields.
fn item_condition_checked(condition: ItemCondition, present: TokenStream) -> TokenStream {
    let ItemCondition::Value(value, bit) = condition else {
        return TokenStream::new();
    };
    let local = super::reads::item_value_local(value);
    let test = super::reads::bit_test(quote!(*#local), bit);
    let message = format!(
        "a value of an item must be present exactly when its condition on value {} holds",
        value.value
    );
    quote!(debug_assert_eq!(#test, #present, #message);)
}

/// `boxed` for a `Vector`, `bare` for a `vector`.
fn vector_function(ty: &TypeRef, boxed: &str, bare: &str) -> proc_macro2::Ident {
    match ty {
        TypeRef::Vector(_) => format_ident!("{}", boxed),
        _ => format_ident!("{}", bare),
    }
}

/// Whether `ty` is `bytes`.
pub(super) fn is_bytes(ty: &TypeRef) -> bool {
    ty.builtin().is_some_and(|builtin| builtin.codec == Codec::Bytes)
}

/// Types read through a trait in `place`'s form: the trait-codable ones, except that a borrowed vector is
/// read with the runtime's vector functions (`DeserializeBorrowed` has no impl for `Vec`: the owned
/// types' blanket impl covers the vectors of owned values).
pub(super) fn read_by_trait(place: Place<'_>, ty: &TypeRef) -> bool {
    match (place.values, ty) {
        (Form::Borrowed, TypeRef::Vector(_)) => false,
        _ => trait_codable(ty) && !needs_readers(ty),
    }
}

/// Whether reading `ty` takes more than its type's `Deserialize`: it holds a type parameter (read by the
/// reader its generic type's decoder was given) or a type read given counts (`Maybe (Tuple int 3)`).
fn needs_readers(ty: &TypeRef) -> bool {
    let mut needs = false;
    ty.visit(&mut |inner| needs |= matches!(inner, TypeRef::Param(_) | TypeRef::Counts(..)));
    needs
}

/// The reader of type parameter `name` in a generic type's decoder: `read_t` for `T`.
pub(super) fn param_reader(name: &str) -> proc_macro2::Ident {
    format_ident!("read_{}", heck::ToSnakeCase::to_snake_case(name))
}

/// Types whose encoding the runtime traits cover (a constructor struct's traits are its bare encoding).
/// `bytes` is a `Vec<u8>`, which cannot also be a `Vector`, and a bare vector has no id: both go through
/// runtime functions.
pub(super) fn trait_codable(ty: &TypeRef) -> bool {
    match ty {
        // A box is written and read as its value, by the value's own code.
        TypeRef::BareVector(_)
        | TypeRef::Heap(_)
        | TypeRef::Counted(..)
        | TypeRef::Tuple(_)
        | TypeRef::Counts(..)
        | TypeRef::Flagged(..)
        | TypeRef::FlagBit(_) => false,
        TypeRef::Vector(element) => trait_codable(element),
        other => !is_bytes(other),
    }
}
