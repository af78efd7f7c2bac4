//! The Rust shape of a repetition's item of several values (TL-formal's anonymous combinator): a tuple,
//! or past twelve values a tuple of tuples of up to twelve each, since Rust implements `Debug`,
//! `PartialEq`, `Hash`, `Default` and serde's traits for tuples of up to twelve. The model holds the values
//! flat, by position; these functions print them in that shape.

use proc_macro2::TokenStream;
use quote::quote;

/// The most values of one Rust tuple.
const MAX_TUPLE: usize = 12;

/// `(a, b, c)` from `parts`, or `((a, ..., l), (m,))` for more than [`MAX_TUPLE`]: a type, a pattern or a
/// value alike.
pub(super) fn tuple_of(parts: Vec<TokenStream>) -> TokenStream {
    if parts.len() <= MAX_TUPLE {
        return flat(&parts);
    }
    let chunks = parts.chunks(MAX_TUPLE).map(flat);
    quote!((#(#chunks),*))
}

/// `(a, b)`, and `(a,)` for one part.
fn flat(parts: &[TokenStream]) -> TokenStream {
    match parts {
        [one] => quote!((#one,)),
        _ => quote!((#(#parts),*)),
    }
}
