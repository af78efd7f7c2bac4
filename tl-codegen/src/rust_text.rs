//! Rust written as text (the built-in types' table, the user's extern types, extern roots and attributes)
//! turned into tokens, and checked to be what it claims at the level of tokens. proc-macro2's lexer does
//! the work: the build path does not need syn. What the tokens cannot show (a type's inner grammar) rustc
//! checks when it compiles the generated code.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// The tokens of `text`, if it lexes as Rust (balanced delimiters, valid literals and punctuation).
pub(crate) fn tokens(text: &str) -> Option<TokenStream> {
    text.parse().ok()
}

/// The tokens of `text` if it is one or more outer attributes: `#[...]`, `#[...] #[...]`.
pub(crate) fn outer_attributes(text: &str) -> Option<TokenStream> {
    let stream = tokens(text)?;
    let trees: Vec<TokenTree> = stream.clone().into_iter().collect();
    let attributes = trees.chunks(2).all(|pair| match pair {
        [TokenTree::Punct(hash), TokenTree::Group(body)] => {
            hash.as_char() == '#' && body.delimiter() == Delimiter::Bracket && !body.stream().is_empty()
        }
        _ => false,
    });
    (!trees.is_empty() && attributes).then_some(stream)
}

/// Whether `text` is a simple path: `a::b`, `::a`, `crate::a`, `super::super::a`.
pub(crate) fn is_path(text: &str) -> bool {
    let Some(stream) = tokens(text) else {
        return false;
    };
    let mut trees = stream.into_iter().peekable();
    skip_leading_colons(&mut trees);
    let (mut names, mut expect_name) = (0, true);
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Ident(_) if expect_name => {
                names += 1;
                expect_name = false;
            }
            TokenTree::Punct(colon) if !expect_name && colon.as_char() == ':' && is_second_colon(&mut trees) => {
                expect_name = true;
            }
            _ => return false,
        }
    }
    names > 0 && !expect_name
}

/// Whether `text` can be a type: it lexes, is not empty, starts as a type does, and holds no `,`, `;` or
/// `=` outside brackets and angle brackets (`Vec<u8>, u8` or `u8;` are not types; `[u8; 32]` is).
pub(crate) fn is_type(text: &str) -> bool {
    let Some(stream) = tokens(text) else {
        return false;
    };
    let trees: Vec<TokenTree> = stream.into_iter().collect();
    let starts_as_type = match trees.first() {
        Some(TokenTree::Ident(_) | TokenTree::Group(_)) => true,
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), ':' | '&' | '*' | '<' | '!'),
        _ => false,
    };
    starts_as_type && one_type_at_top_level(&trees)
}

/// `<` and `>` balance (an `->` is an arrow, not a bracket), with no `,`, `;` or `=` outside them.
fn one_type_at_top_level(trees: &[TokenTree]) -> bool {
    let mut depth = 0usize;
    let mut after_minus = false;
    for tree in trees {
        let TokenTree::Punct(punct) = tree else {
            after_minus = false;
            continue;
        };
        match punct.as_char() {
            '<' => depth += 1,
            '>' if after_minus => {}
            '>' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            ',' | ';' | '=' if depth == 0 => return false,
            _ => {}
        }
        after_minus = punct.as_char() == '-' && punct.spacing() == Spacing::Joint;
    }
    depth == 0
}

/// Consumes a leading `::` (or a lone `:`, which leaves no path to accept).
fn skip_leading_colons(trees: &mut std::iter::Peekable<proc_macro2::token_stream::IntoIter>) {
    if matches!(trees.peek(), Some(TokenTree::Punct(colon)) if colon.as_char() == ':') {
        trees.next();
        is_second_colon(trees);
    }
}

/// Consumes the second `:` of a `::`.
fn is_second_colon(trees: &mut std::iter::Peekable<proc_macro2::token_stream::IntoIter>) -> bool {
    matches!(trees.next(), Some(TokenTree::Punct(colon)) if colon.as_char() == ':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        for good in [
            "a",
            "a::b",
            "::shop_crate",
            "crate::peers",
            "super::super::x",
            "r#type::a",
        ] {
            assert!(is_path(good), "{good}");
        }
        for bad in ["", "a::", "a:b", "a b", "a::b<T>", "1::a", "::", "a::::b", "a,b"] {
            assert!(!is_path(bad), "{bad}");
        }
    }

    #[test]
    fn types() {
        let good = [
            "u8",
            "[u8; 32]",
            "Vec<u8>",
            "::std::collections::HashMap<u8, Vec<u8>>",
            "(u8, u16)",
        ];
        for good in good
            .into_iter()
            .chain(["&'static str", "fn(u8) -> u8", "Box<dyn Fn(u8) -> u8>", "<T as A>::B"])
        {
            assert!(is_type(good), "{good}");
        }
        for bad in [
            "", "Vec<u8", "Vec<u8>>", "u8, u16", "u8;", "x = 1", "[u8; 32", "'a", "\"text\"", "1",
        ] {
            assert!(!is_type(bad), "{bad}");
        }
    }

    #[test]
    fn attributes() {
        for good in [
            "#[derive(Hash)]",
            "#[a] #[b = \"c\"]",
            "#[serde(rename_all = \"camelCase\")]",
        ] {
            assert!(outer_attributes(good).is_some(), "{good}");
        }
        for bad in ["", "derive(Hash)", "#[]", "#![a]", "#[a] b", "#(a)", "#[a"] {
            assert!(outer_attributes(bad).is_none(), "{bad}");
        }
    }
}
