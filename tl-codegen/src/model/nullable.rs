//! TDLib's nullable objects: td_api.tl has no flags, and says in its doc comments which objects may be
//! absent ("may be null", "pass null to ..."). In TDLib's JSON (`Config::tdjson`) those fields are
//! `Option`s, as TDLib leaves such an object out of what it writes and reads a missing one as null.

use super::{FieldKind, Item, Model, TypeRef};

impl Model {
    /// Makes every field of an object type whose description says it may be null an `Option`.
    pub(super) fn make_documented_nulls_optional(&mut self) {
        let items = self.constructors.iter_mut().chain(self.functions.iter_mut());
        items.for_each(make_item_nulls_optional);
    }
}

fn make_item_nulls_optional(item: &mut Item) {
    for (index, field) in item.fields.iter_mut().enumerate() {
        let FieldKind::Required(ty) = &field.kind else { continue };
        if is_object(ty) && field.description.as_ref().is_some_and(|d| says_null(&d.text())) {
            field.kind = FieldKind::Optional(ty.clone());
            // An option's empty value is `None`: the field no longer keeps `new` from leaving it empty.
            item.without_default.retain(|&without| without != index);
        }
    }
}

/// An object of a TL type (not a number, text, bytes or vector): what TDLib holds by a pointer.
fn is_object(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Enum(_) | TypeRef::Bare(_) => true,
        TypeRef::Heap(inner) => is_object(inner),
        _ => false,
    }
}

/// Whether a description says the value may be null: "may be null", "pass null to ...", "or null",
/// "If null, ..." (the word `null`, in any case).
fn says_null(description: &str) -> bool {
    description
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case("null"))
}

#[cfg(test)]
mod tests {
    use super::says_null;

    #[test]
    fn null_is_a_word_of_the_description() {
        assert!(says_null("Chat photo; may be null"));
        assert!(says_null("The new message; pass null to remove it"));
        assert!(says_null("If null, the default is used"));
        assert!(!says_null("The nullable flag; nullify it"));
        assert!(!says_null("Identifier of the chat"));
    }
}
