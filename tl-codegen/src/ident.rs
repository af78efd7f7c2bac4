//! Rust names for TL names: case conversion (heck), keyword escaping, and collision detection.
//!
//! Naming rules:
//! - constructors and functions become `UpperCamelCase` structs named after the part after the last `.`
//!   (`messages.requestUrlAuth` → `functions::messages::RequestUrlAuth`); boxed types become enums the
//!   same way (`UrlAuthResult`); namespaces become `snake_case` modules;
//! - parameters become `snake_case` fields;
//! - an enum variant is the constructor name without the type name in front (`urlAuthResultAccepted` in
//!   `UrlAuthResult` → `Accepted`), or the whole constructor name when that leaves nothing, a keyword, or a
//!   name another variant of the enum already takes;
//! - keywords get a raw identifier (`type` → `r#type`), except those that cannot be raw (`self`, `Self`,
//!   `super`, `crate`, `_`), which get a trailing underscore (`self` → `self_`);
//! - two TL names that become one Rust name in the same scope are an error ([`NameScope`]).

use std::collections::BTreeMap;

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::Ident;
use tl_parser::Span;

/// Strict and reserved keywords of Rust 2024.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that `r#` cannot escape.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// True if `name` is a Rust keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// An identifier for `name`, escaped if it is a keyword. `name` must already be a valid identifier
/// apart from being a keyword (TL names always are after case conversion).
pub fn ident(name: &str) -> Ident {
    if NOT_RAW.contains(&name) {
        Ident::new(&format!("{name}_"), proc_macro2::Span::call_site())
    } else if is_keyword(name) {
        Ident::new_raw(name, proc_macro2::Span::call_site())
    } else {
        Ident::new(name, proc_macro2::Span::call_site())
    }
}

/// The text [`ident`] produces for `name` (`r#type`, `self_`), for collision checks and docs.
pub fn escaped(name: &str) -> String {
    ident(name).to_string()
}

/// `inputPeerUser` → `InputPeerUser`; the namespace is dropped (`messages.requestUrlAuth` → `RequestUrlAuth`).
pub fn type_name(tl_name: &str) -> String {
    base(tl_name).to_upper_camel_case()
}

/// `msg_id` → `msg_id`; `flags2` → `flags2`.
pub fn field_name(tl_name: &str) -> String {
    tl_name.to_snake_case()
}

/// True if `name` can be a Rust identifier (after keyword escaping): a letter or `_` first, then letters,
/// digits and `_`, and not `_` alone. Case conversion can leave a TL name without one (`_` becomes empty).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if first.is_ascii_alphabetic() || first == '_' => {
            name != "_" && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        _ => false,
    }
}

/// `messages` → `messages`; `phone.calls` (nested) → `phone_calls`.
pub fn module_name(namespace: &str) -> String {
    namespace.to_snake_case()
}

fn base(tl_name: &str) -> &str {
    tl_parser::Name::split(tl_name).1
}

/// The variant name for constructor `constructor` of type `type_name` (both TL names), before collision
/// handling: the constructor's name without the type's name in front, if that leaves a capitalised name
/// that is not a keyword.
pub fn variant_name(constructor: &str, type_name_tl: &str) -> String {
    let full = type_name(constructor);
    let prefix = type_name(type_name_tl);
    match full.strip_prefix(&prefix) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) && !is_keyword(rest) => rest.to_string(),
        _ => full,
    }
}

/// One Rust scope (a module's items, a struct's fields, an enum's variants): remembers which TL name took
/// each Rust name, and where, so that two TL names mapping to one Rust name are caught.
#[derive(Debug, Default)]
pub struct NameScope {
    taken: BTreeMap<String, (String, Span)>,
}

impl NameScope {
    /// Claims `rust` (as escaped) for `tl`, written at `span`. Claiming it again for the same TL name is
    /// fine.
    pub fn claim(&mut self, rust: &str, tl: &str, span: Span) -> Result<(), NameCollision> {
        let rust = escaped(rust);
        match self.taken.get(&rust) {
            Some((owner, first_span)) if owner != tl => Err(NameCollision {
                rust,
                first: owner.clone(),
                first_span: *first_span,
                second: tl.to_string(),
                second_span: span,
            }),
            Some(_) => Ok(()),
            None => {
                self.taken.insert(rust, (tl.to_string(), span));
                Ok(())
            }
        }
    }
}

/// Two TL names that map to one Rust name in one scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCollision {
    /// The Rust name both map to.
    pub rust: String,
    /// The TL name that claimed it first.
    pub first: String,
    /// Where that name is.
    pub first_span: Span,
    /// The TL name that claimed it second.
    pub second: String,
    /// Where that name is.
    pub second_span: Span,
}

impl std::fmt::Display for NameCollision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` and `{}` both become the Rust name `{}`",
            self.first, self.second, self.rust
        )
    }
}

/// The path of an item from the root of the generated code, as text: `enums::messages::Messages`
/// (`top` is `types`, `enums` or `functions`). The model (for the names it reports), the emitter and the
/// tests and build scripts that name generated items all use it, so they follow one naming and escaping.
pub fn item_path(top: &str, namespace: Option<&str>, rust_name: &str) -> String {
    match namespace {
        Some(namespace) => format!("{top}::{}::{}", escaped(&module_name(namespace)), escaped(rust_name)),
        None => format!("{top}::{}", escaped(rust_name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// syn knows Rust's keywords (the lexer does not), so this needs `format`, a default feature.
    #[cfg(feature = "format")]
    #[test]
    fn every_keyword_becomes_a_valid_identifier() {
        for keyword in KEYWORDS {
            let text = escaped(keyword);
            let parsed: syn::Ident = syn::parse_str(&text).unwrap_or_else(|e| panic!("{keyword} → {text}: {e}"));
            assert_eq!(parsed.to_string(), text);
            if NOT_RAW.contains(keyword) {
                assert_eq!(text, format!("{keyword}_"));
            } else {
                assert_eq!(text, format!("r#{keyword}"));
            }
        }
    }

    #[test]
    fn tl_keywords_seen_in_telegram_schemas() {
        assert_eq!(escaped("self"), "self_");
        assert_eq!(escaped("type"), "r#type");
        assert_eq!(escaped("static"), "r#static");
        assert_eq!(escaped("loop"), "r#loop");
        assert_eq!(escaped("final"), "r#final");
        assert_eq!(escaped("msg_id"), "msg_id");
    }

    #[test]
    fn case_conversion() {
        assert_eq!(type_name("messages.requestUrlAuth"), "RequestUrlAuth");
        assert_eq!(type_name("inputPeerUser"), "InputPeerUser");
        assert_eq!(type_name("p_q_inner_data_DH"), "PQInnerDataDh");
        assert_eq!(field_name("msg_id"), "msg_id");
        assert_eq!(module_name("messages"), "messages");
    }

    #[test]
    fn variants_drop_the_type_name() {
        assert_eq!(variant_name("urlAuthResultAccepted", "UrlAuthResult"), "Accepted");
        assert_eq!(variant_name("inputPeerEmpty", "InputPeer"), "Empty");
        assert_eq!(variant_name("user", "User"), "User");
        assert_eq!(variant_name("inputPeerSelf", "InputPeer"), "InputPeerSelf");
        assert_eq!(
            variant_name("inputEmojiStatusCollectible", "EmojiStatus"),
            "InputEmojiStatusCollectible"
        );
        assert_eq!(variant_name("messages.messagesSlice", "messages.Messages"), "Slice");
    }

    #[test]
    fn collisions_are_detected() {
        let mut scope = NameScope::default();
        let span = Span::default();
        scope.claim(&field_name("someField"), "someField", span).expect("first");
        scope
            .claim(&field_name("someField"), "someField", span)
            .expect("same TL name again");
        let error = scope
            .claim(&field_name("some_field"), "some_field", span)
            .expect_err("collision");
        assert_eq!(
            error.to_string(),
            "`someField` and `some_field` both become the Rust name `some_field`"
        );
    }
}
