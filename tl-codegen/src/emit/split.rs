//! The split output ([`super::EmitOptions::split`]): the items of `types`, `enums` and `functions` in
//! files of their own, one per namespace and, for the items outside any namespace, one per first letter
//! of their Rust name, so that no file of a whole Telegram schema is large. The main file keeps the
//! module tree and `include!`s each piece in its place (paths relative to the main file, which works in
//! `OUT_DIR` too, so `include_tl!` stays the one line a user writes).

use std::cell::RefCell;
use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, Form};
use crate::ident;

/// The pieces emitted so far: (path relative to the main file, tokens).
#[derive(Default)]
pub(super) struct Pieces(RefCell<Vec<(String, TokenStream)>>);

impl Pieces {
    /// Every piece, in the order emitted.
    pub(super) fn take(&self) -> Vec<(String, TokenStream)> {
        self.0.take()
    }
}

impl Emitter<'_> {
    /// The body of module `top`'s `namespace` (`top` is `types`, `enums` or `functions`), from its items'
    /// `(Rust name, tokens)`: inline, or (split, owned form) in pieces `include!`d here.
    pub(super) fn namespace_body(
        &self,
        top: &str,
        form: Form,
        namespace: Option<&str>,
        items: Vec<(&str, TokenStream)>,
    ) -> TokenStream {
        let Some(folder) = self.options.split.as_deref().filter(|_| form == Form::Owned) else {
            return items.into_iter().map(|(_, tokens)| tokens).collect();
        };
        let mut files: BTreeMap<String, TokenStream> = BTreeMap::new();
        for (rust_name, tokens) in items {
            let file = match namespace {
                Some(namespace) => ident::module_name(namespace),
                None => format!("root_{}", first_letter(rust_name)),
            };
            files.entry(file).or_default().extend(tokens);
        }
        let mut includes = TokenStream::new();
        for (file, tokens) in files {
            let path = format!("{folder}/{top}/{file}.rs");
            includes.extend(quote!(include!(#path);));
            self.pieces.0.borrow_mut().push((path, tokens));
        }
        includes
    }
}

/// The lowercase first letter of a Rust name (`_` for anything else).
fn first_letter(rust_name: &str) -> char {
    match rust_name.trim_start_matches("r#").chars().next() {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
        _ => '_',
    }
}
