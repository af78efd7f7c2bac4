//! The attributes on generated items: the derives the model allows (`Default`, `Eq`, `Hash`), serde's when
//! asked for, and the user's own, matched by TL path in the style of prost-build's `type_attribute`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, Form, Place};
use crate::model::{BoxedType, DefaultImpl, FieldKind, Item, TypeRef};

/// What a [`UserAttribute`] is put on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeTarget {
    /// Every struct (constructors, functions and their group structs) and enum the path matches.
    Type,
    /// Every enum the path matches.
    Enum,
    /// Every field the path matches (`messages.sendMessage.message`, or all fields of what a shorter
    /// path matches).
    Field,
}

/// An attribute the user adds to what `path` matches: a TL name (`messages.sendMessage`, `InputPeer`,
/// `messages.sendMessage.message` for a field), a namespace (`messages`), or everything (`.`). A path
/// matches a name equal to it or starting with it followed by a `.`; a leading `.` is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAttribute {
    /// What it goes on.
    pub target: AttributeTarget,
    /// The TL path it matches.
    pub path: String,
    /// The attribute as written in Rust: `#[derive(Hash)]`.
    pub attribute: String,
}

impl UserAttribute {
    /// The attribute's tokens, if it is one or more outer attributes (`#[...]`).
    pub fn tokens(&self) -> Option<TokenStream> {
        crate::rust_text::outer_attributes(&self.attribute)
    }

    /// Whether the path matches the TL name `name` (`messages.sendMessage`, `messages.sendMessage.peer`).
    pub fn matches(&self, name: &str) -> bool {
        crate::model::path_matches(&self.path, name)
    }
}

/// The derives of a generated type besides `Debug`, `Clone` and `PartialEq` (`Eq` is an impl of its own:
/// [`Emitter::eq_impl`]).
struct Derives {
    default: bool,
    eq_hash: bool,
}

impl Emitter<'_> {
    /// The derives and attributes of an item's struct.
    pub(super) fn struct_attributes(&self, item: &Item) -> TokenStream {
        let derives = Derives {
            default: item.default == Some(DefaultImpl::Derive),
            eq_hash: item.eq_hash,
        };
        let derive = self.derive(&derives);
        let tag = self.tdjson_struct_tag(item);
        let user = self.user_attributes(&[AttributeTarget::Type], &item.tl_name);
        quote!(#derive #tag #user)
    }

    /// The derives and attributes of a group struct of `owner`.
    pub(super) fn group_attributes(&self, owner: &Item) -> TokenStream {
        let derives = Derives {
            default: false,
            eq_hash: owner.eq_hash,
        };
        let derive = self.derive(&derives);
        let bounds = self.tdjson_bounds(owner);
        let user = self.user_attributes(&[AttributeTarget::Type], &owner.tl_name);
        quote!(#derive #bounds #user)
    }

    /// The derives and attributes of an enum.
    pub(super) fn enum_attributes(&self, ty: &BoxedType) -> TokenStream {
        let derives = Derives {
            default: false,
            eq_hash: ty.eq_hash,
        };
        // In TDLib's JSON an enum's serde impls are written out (`Emitter::tdjson_enum_impls`).
        let derive = match self.options.tdjson {
            true => self.derive_without_serde(&derives),
            false => self.derive(&derives),
        };
        let user = self.user_attributes(&[AttributeTarget::Type, AttributeTarget::Enum], &ty.tl_name);
        quote!(#derive #user)
    }

    /// The derives of a borrowed struct or enum: those of its owned form but `Default` (and serde); the
    /// user's attributes are for the owned types.
    pub(super) fn borrowed_attributes(&self, eq_hash: bool) -> TokenStream {
        let hash = self.hash_derive(eq_hash);
        quote!(#[derive(Debug, Clone, PartialEq, #hash)])
    }

    /// The attributes of field `rust_name` for TL param `param` of `owner`, of shape `kind`.
    pub(super) fn field_attributes(&self, owner: &str, param: &str, rust_name: &str, kind: &FieldKind) -> TokenStream {
        let serde = self.options.serde.then(|| {
            let (ty, optional) = match kind {
                FieldKind::Required(ty) => (Some(ty), false),
                FieldKind::Optional(ty) => (Some(ty), true),
                FieldKind::Bit | FieldKind::Group(_) => (None, false),
            };
            let with = ty.and_then(|ty| self.serde_with(ty));
            let with = with.map(|path| quote!(with = #path,));
            // `with` takes away serde's rule that a missing `Option` is `None`: `default` restores it. TDLib
            // leaves an absent object out.
            let skip = (optional && self.options.tdjson)
                .then(|| quote!(skip_serializing_if = "::core::option::Option::is_none",));
            let default = (optional && (with.is_some() || skip.is_some())).then(|| quote!(default,));
            let codec = (with.is_some() || skip.is_some()).then(|| quote!(#[serde(#default #skip #with)]));
            // Params that share a bit are members of the object itself in the JSON interface (tonlib's
            // `wc` and `shard` of `blocks.getOutMsgQueueSizes`), all there or none.
            let codec = match kind {
                FieldKind::Group(_) if self.options.tdjson => {
                    Some(quote!(#[serde(flatten, default, skip_serializing_if = "::core::option::Option::is_none")]))
                }
                _ => codec,
            };
            // serde names a field by its identifier without `r#`; `self_` and its kin are renamed back. The
            // JSON interface names it as the schema does (tonlib's `promise_A`).
            let escaped = crate::ident::escaped(rust_name);
            let name = match kind {
                FieldKind::Group(_) => rust_name,
                _ if self.options.tdjson => param,
                _ => rust_name,
            };
            let rename =
                (escaped.strip_prefix("r#").unwrap_or(&escaped) != name).then(|| quote!(#[serde(rename = #name)]));
            quote!(#codec #rename)
        });
        let user = self.user_attributes(&[AttributeTarget::Field], &format!("{owner}.{param}"));
        quote!(#serde #user)
    }

    /// The module that writes and reads a value of `ty` (`#[serde(with = ...)]`), where serde's own impls
    /// would not do: raw bytes as base64, `int64` as a string and `#` as an `int32` in the JSON interface.
    fn serde_with(&self, ty: &TypeRef) -> Option<&'static str> {
        if holds_bytes(ty) {
            Some("::tl_runtime::serde_bytes")
        } else if self.options.tdjson && holds_int64(ty) {
            Some("::tl_runtime::tdjson::int64")
        } else if self.options.tdjson && is_nat_or_nats(ty) {
            Some("::tl_runtime::tdjson::nat")
        } else {
            None
        }
    }

    /// `#[serde(rename = "...")]` for a variant named `tl_name` on the wire, when serde is on (for the
    /// owned types).
    pub(super) fn serde_rename(&self, place: Place<'_>, tl_name: &str) -> Option<TokenStream> {
        let derived = self.options.serde && !self.options.tdjson;
        (derived && place.form == Form::Owned).then(|| quote!(#[serde(rename = #tl_name)]))
    }

    fn derive(&self, derives: &Derives) -> TokenStream {
        let plain = self.derive_without_serde(derives);
        let serde = self.options.serde.then(|| {
            quote!(
                #[derive(::tl_runtime::serde::Serialize, ::tl_runtime::serde::Deserialize)]
                #[serde(crate = "::tl_runtime::serde")]
            )
        });
        quote!(#plain #serde)
    }

    fn derive_without_serde(&self, derives: &Derives) -> TokenStream {
        let default = derives.default.then(|| quote!(Default,));
        let hash = self.hash_derive(derives.eq_hash);
        quote!(#[derive(Debug, Clone, PartialEq, #hash #default)])
    }

    /// `Hash` where the model allows `Eq` and it was asked for (`Config::derive_hash`).
    fn hash_derive(&self, allowed: bool) -> Option<TokenStream> {
        (allowed && self.options.derive_hash).then(|| quote!(Hash,))
    }

    /// `Eq` for `ty` where the model allows it, as an empty impl (`impl_generics` bounds each type
    /// parameter by `Eq`). Not derived: the derive only adds a hidden method that checks every field is
    /// `Eq`, which the model has already proven, and that method's body, one per type, cost about 1 s and
    /// 76 MiB of the 16 s debug build of the whole layer-230 schema (issue 19; the history of BENCHMARKS.md).
    pub(super) fn eq_impl(
        &self,
        allowed: bool,
        impl_generics: Option<TokenStream>,
        ty: TokenStream,
    ) -> Option<TokenStream> {
        allowed.then(|| quote!(impl #impl_generics ::core::cmp::Eq for #ty {}))
    }

    fn user_attributes(&self, targets: &[AttributeTarget], name: &str) -> TokenStream {
        (self.attributes.iter())
            .filter(|(attribute, _)| targets.contains(&attribute.target) && attribute.matches(name))
            .map(|(_, tokens)| tokens.clone())
            .collect()
    }
}

/// Whether a value of `ty` holds raw bytes (`bytes`, `int128`, declared arrays), at any depth: serde
/// writes those through `tl_runtime::serde_bytes`. Not inside a tuple (an item of a repetition of several
/// values): serde's own impls write it, raw bytes as a sequence of numbers.
fn holds_bytes(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Tuple(_) => false,
        TypeRef::Vector(inner) | TypeRef::BareVector(inner) | TypeRef::Counted(inner, _) | TypeRef::Heap(inner) => {
            holds_bytes(inner)
        }
        TypeRef::Apply(_, args) => args.iter().any(holds_bytes),
        other => {
            other.is_raw()
                || other
                    .builtin()
                    .is_some_and(|builtin| builtin.codec == tl_parser::builtin::Codec::Bytes)
        }
    }
}

/// Whether a value of `ty` is a 64-bit integer (`long`, `int64`; not TDLib's `int53`), also in vectors.
fn holds_int64(ty: &TypeRef) -> bool {
    holds_builtin(ty, "int64")
}

/// Whether `ty` is `#` or a vector of `#`s (what `tl_runtime::tdjson::nat` writes, also in an `Option`).
fn is_nat_or_nats(ty: &TypeRef) -> bool {
    let nat = |ty: &TypeRef| ty.builtin().is_some_and(|builtin| builtin.names.contains(&"#"));
    match ty {
        TypeRef::Vector(inner) | TypeRef::BareVector(inner) => nat(inner),
        other => nat(other),
    }
}

/// Whether `ty` is the built-in named `name`, or a vector of it (at any depth).
fn holds_builtin(ty: &TypeRef, name: &str) -> bool {
    match ty {
        TypeRef::Vector(inner) | TypeRef::BareVector(inner) | TypeRef::Heap(inner) => holds_builtin(inner, name),
        other => other.builtin().is_some_and(|builtin| builtin.names.contains(&name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(path: &str) -> UserAttribute {
        UserAttribute {
            target: AttributeTarget::Type,
            path: path.to_string(),
            attribute: "#[derive(Hash)]".to_string(),
        }
    }

    #[test]
    fn paths_match_names_namespaces_and_everything() {
        assert!(on(".").matches("messages.sendMessage"));
        assert!(on("messages").matches("messages.sendMessage"));
        assert!(on(".messages").matches("messages.sendMessage.peer"));
        assert!(on("messages.sendMessage").matches("messages.sendMessage"));
        assert!(!on("messages.send").matches("messages.sendMessage"));
        assert!(!on("messages").matches("messagesX.a"));
        assert!(on("inputPeerEmpty").matches("inputPeerEmpty"));
        assert!(!on("inputPeer").matches("inputPeerEmpty"));
    }

    #[test]
    fn attributes_must_be_outer_attributes() {
        assert!(on("x").tokens().is_some());
        let mut two = on("x");
        two.attribute = "#[derive(Hash)] #[serde(default)]".to_string();
        assert!(two.tokens().is_some());
        for bad in ["derive(Hash)", "#[derive(Hash)", "", "#![allow(x)]"] {
            let mut attribute = on("x");
            attribute.attribute = bad.to_string();
            assert!(attribute.tokens().is_none(), "{bad}");
        }
    }
}
