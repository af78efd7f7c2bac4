//! `pub mod errors`: the typed RPC errors of [`crate::model::RpcErrors`] (`errors::RpcError`, made from a
//! code and a message and displayed back to the exact message), and each function's `POSSIBLE_ERRORS`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Emitter, doc_lines};
use crate::ident::ident;
use crate::model::{ErrorVariant, Item, OTHER_VARIANT, RpcErrors};

/// The errors module is `errors`, one level below the output's root.
const ERRORS_DEPTH: usize = 1;

impl Emitter<'_> {
    /// `pub mod errors`, when an error list was given.
    pub(super) fn errors_module(&self) -> TokenStream {
        let Some(errors) = &self.model.errors else {
            return TokenStream::new();
        };
        let sources = errors.sources.join(", ");
        let variants = errors.variants.iter().map(variant_declaration);
        let other = ident(OTHER_VARIANT);
        let methods = methods(errors);
        let display = display(errors);
        let conversions = conversions(errors);
        let module_doc = format!(" The RPC errors of {sources}, typed.");
        let enum_doc = doc_lines(&[
            format!("An RPC error: one of those {sources} lists, by its code and message, or `{OTHER_VARIANT}`."),
            String::new(),
            "Made from a code and a message with [`RpcError::new`]; displayed back as the exact message.".to_string(),
        ]);
        quote! {
            #[doc = #module_doc]
            #[allow(dead_code)]
            pub mod errors {
                #enum_doc
                #[derive(Debug, Clone, PartialEq, Eq, Hash)]
                pub enum RpcError {
                    #(#variants)*
                    /// Any other error (not in the list, or with another code): its code and message.
                    #other {
                        /// Its code.
                        code: i32,
                        /// Its message, as it came.
                        message: ::std::string::String,
                    },
                }
                #methods
                #display
                impl ::std::error::Error for RpcError {}
                #conversions
            }
        }
    }

    /// `impl F { pub const POSSIBLE_ERRORS }`: for every function when typed errors are generated (empty
    /// when no list names an error of it), else for one with errors a docs source lists.
    pub(super) fn possible_errors_const(&self, item: &Item) -> TokenStream {
        if item.errors.is_empty() && self.model.errors.is_none() {
            return TokenStream::new();
        }
        let name = ident(&item.rust_name);
        let params = super::items::Generics::named(&item.generics).params();
        let names = item.errors.iter().map(|error| Literal::string(&error.name));
        let doc = format!(
            " The RPC errors `{}` may return, by name (`FLOOD_WAIT_%d` for a number): compare with `RpcError::name`.",
            item.tl_name
        );
        quote! {
            impl #params #name #params {
                #[doc = #doc]
                pub const POSSIBLE_ERRORS: &'static [&'static str] = &[#(#names),*];
            }
        }
    }
}

/// A variant and its docs: `` `420 FLOOD_WAIT_%d`: what it means``.
fn variant_declaration(variant: &ErrorVariant) -> TokenStream {
    let codes: Vec<String> = variant.codes.iter().map(i32::to_string).collect();
    let mut lines = vec![format!("`{} {}`", codes.join("/"), variant.name.replace('`', "'"))];
    if let Some(description) = &variant.description {
        lines.push(String::new());
        lines.extend(super::docs::prose(description, ERRORS_DEPTH));
    }
    let docs = doc_lines(&lines);
    let name = ident(&variant.rust_name);
    let mut fields = Vec::new();
    if let Some(number) = &variant.number {
        let field = ident(&number.field);
        let doc = format!(" The number in the message: `{}N{}`.", number.prefix, number.suffix);
        fields.push(quote!(#[doc = #doc] #field: u32));
    }
    if variant.codes.len() > 1 {
        fields.push(quote!(#[doc = " The code it came with."] code: i32));
    }
    match fields.is_empty() {
        true => quote!(#docs #name,),
        false => quote!(#docs #name { #(#fields),* },),
    }
}

/// The pattern that matches `variant` in `match self`, its fields bound.
fn pattern(variant: &ErrorVariant) -> TokenStream {
    let name = ident(&variant.rust_name);
    let number = variant.number.as_ref().map(|number| ident(&number.field));
    let code = (variant.codes.len() > 1).then(|| quote!(code));
    match (number, code) {
        (None, None) => quote!(Self::#name),
        (number, code) => {
            let bound = number.into_iter().map(|n| quote!(#n)).chain(code);
            quote!(Self::#name { #(#bound),* })
        }
    }
}

/// `new`, `code` and `name`.
fn methods(errors: &RpcErrors) -> TokenStream {
    let other = ident(OTHER_VARIANT);
    let new = new_fn(errors);
    let codes = errors.variants.iter().map(|variant| {
        let value = pattern(variant);
        match variant.codes.as_slice() {
            [single] => {
                let code = Literal::i32_unsuffixed(*single);
                quote!(#value => #code,)
            }
            _ => quote!(#value => *code,),
        }
    });
    let names = errors.variants.iter().map(|variant| {
        let value = pattern(variant);
        let name = Literal::string(&variant.name);
        quote!(#value => #name,)
    });
    quote! {
        impl RpcError {
            #new

            /// Its code.
            #[allow(unused_variables)]
            pub fn code(&self) -> i32 {
                match self {
                    #(#codes)*
                    Self::#other { code, .. } => *code,
                }
            }

            /// Its name as the list writes it (`FLOOD_WAIT_%d`), or an `Other`'s message: what
            /// `POSSIBLE_ERRORS` of a function holds.
            #[allow(unused_variables)]
            pub fn name(&self) -> &str {
                match self {
                    #(#names)*
                    Self::#other { message, .. } => message,
                }
            }
        }
    }
}

/// `new`: the messages without a number matched whole, then each with a number by its prefix and suffix.
fn new_fn(errors: &RpcErrors) -> TokenStream {
    let other = ident(OTHER_VARIANT);
    let fixed = (errors.variants.iter()).filter(|v| v.number.is_none()).map(|variant| {
        let codes = variant.codes.iter().map(|&code| Literal::i32_unsuffixed(code));
        let message = Literal::string(&variant.name);
        let value = pattern(variant);
        quote!((#(#codes)|*, #message) => return #value,)
    });
    let numbered = (errors.variants.iter()).filter_map(|variant| {
        let number = variant.number.as_ref()?;
        let (prefix, suffix) = (Literal::string(&number.prefix), Literal::string(&number.suffix));
        let codes = variant.codes.iter().map(|&code| Literal::i32_unsuffixed(code));
        let field = ident(&number.field);
        let value = pattern(variant);
        Some(quote! {
            if let (#(#codes)|*, ::core::option::Option::Some(#field)) =
                (code, ::tl_runtime::rpc_error::number_in(message, #prefix, #suffix))
            {
                return #value;
            }
        })
    });
    quote! {
        /// The error of `code` and `message` (an `rpc_error`'s two fields): a known one when the
        /// message is one the list has with that code (a number in it written as Telegram writes it),
        /// else `Other`.
        #[allow(unused_variables, clippy::match_overlapping_arm, clippy::match_single_binding)]
        pub fn new(code: i32, message: &str) -> Self {
            match (code, message) {
                #(#fixed)*
                _ => {}
            }
            #(#numbered)*
            Self::#other { code, message: ::std::string::String::from(message) }
        }
    }
}

/// `Display`: the exact message.
fn display(errors: &RpcErrors) -> TokenStream {
    let other = ident(OTHER_VARIANT);
    let arms = errors.variants.iter().map(|variant| {
        let value = pattern(variant);
        match &variant.number {
            None => {
                let message = Literal::string(&variant.name);
                quote!(#value => f.write_str(#message),)
            }
            Some(number) => {
                let (prefix, suffix) = (Literal::string(&number.prefix), Literal::string(&number.suffix));
                let field = ident(&number.field);
                quote!(#value => {
                    f.write_str(#prefix)?;
                    ::core::fmt::Display::fmt(#field, f)?;
                    f.write_str(#suffix)
                })
            }
        }
    });
    quote! {
        /// The exact message: `FLOOD_WAIT_17`.
        impl ::core::fmt::Display for RpcError {
            #[allow(unused_variables)]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(#arms)*
                    Self::#other { message, .. } => f.write_str(message),
                }
            }
        }
    }
}

/// From and to the schema's `rpc_error`, when it has one.
fn conversions(errors: &RpcErrors) -> TokenStream {
    let Some(rpc_error) = &errors.rpc_error else {
        return TokenStream::new();
    };
    let rpc_error = ident(rpc_error);
    quote! {
        /// The typed form of an `rpc_error` answer.
        impl ::core::convert::From<&super::types::#rpc_error> for RpcError {
            fn from(error: &super::types::#rpc_error) -> Self {
                Self::new(error.error_code, &error.error_message)
            }
        }
        /// The `rpc_error` of the same code and message.
        impl ::core::convert::From<&RpcError> for super::types::#rpc_error {
            fn from(error: &RpcError) -> Self {
                Self {
                    error_code: error.code(),
                    error_message: ::core::convert::From::from(::std::string::ToString::to_string(error)),
                }
            }
        }
    }
}
