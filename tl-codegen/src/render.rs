//! Tokens to source text. With the `format` feature (the command's, for code that is checked in and read
//! in diffs) prettyplease formats it as rustfmt would. Without it (a build script's, writing to `OUT_DIR`
//! where nobody reads it) the same tokens are printed as they are, a line break after each `;`, `{` and
//! `}` so that rustc's messages and debuggers have lines to point at: the build then needs neither syn nor
//! prettyplease, and the generator skips a third of its work.

use proc_macro2::TokenStream;
#[cfg(any(test, not(feature = "format")))]
use {
    proc_macro2::{Delimiter, Spacing, TokenTree},
    std::fmt::Write,
};

/// `tokens` (a whole file's items) as source: formatted with the `format` feature, else [`plain`].
#[cfg(feature = "format")]
pub(crate) fn source(tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens).expect("the emitter produces valid Rust");
    prettyplease::unparse(&file)
}

/// `tokens` (a whole file's items) as source: formatted with the `format` feature, else [`plain`].
#[cfg(not(feature = "format"))]
pub(crate) fn source(tokens: TokenStream) -> String {
    plain(tokens)
}

/// The tokens as written, a space between two unless the first is joint punctuation (`::`, `->`, `'a`),
/// and a line break after each `;`, `{` and `}`.
#[cfg(any(test, not(feature = "format")))]
pub(crate) fn plain(tokens: TokenStream) -> String {
    let mut out = String::new();
    print_stream(tokens, &mut out);
    out
}

#[cfg(any(test, not(feature = "format")))]
fn print_stream(tokens: TokenStream, out: &mut String) {
    for tree in tokens {
        match tree {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Brace => ("{\n", "}\n"),
                    Delimiter::Parenthesis => ("(", ") "),
                    Delimiter::Bracket => ("[", "] "),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                print_stream(group.stream(), out);
                out.push_str(close);
            }
            TokenTree::Punct(punct) => {
                out.push(punct.as_char());
                match (punct.as_char(), punct.spacing()) {
                    (';', _) => out.push('\n'),
                    (_, Spacing::Alone) => out.push(' '),
                    (_, Spacing::Joint) => {}
                }
            }
            TokenTree::Ident(ident) => write!(out, "{ident} ").expect("a String takes any text"),
            TokenTree::Literal(literal) => write!(out, "{literal} ").expect("a String takes any text"),
        }
    }
}
