//! The model in the JSON interface of TDLib and tonlib (`Config::json_interface`): what changes when
//! JSON, not TL's binary form, is the wire.

use super::{CountSource, Field, FieldKind, Item, Model, OPAQUE_ANSWER, OPAQUE_JSON_ANSWER, Prose, TypeRef};

impl Model {
    /// Lowers the model to the JSON interface: fields documented as nullable become `Option`s, flags
    /// words become fields, and an answer the schema gives no constructor is read as any JSON value
    /// rather than as bytes.
    pub fn lower_to_tdjson(&mut self) {
        self.make_documented_nulls_optional();
        let items = self.constructors.iter_mut().chain(self.functions.iter_mut());
        items.for_each(give_flags_words_as_fields);
        (self.externs.iter_mut())
            .filter(|external| external.rust_path == OPAQUE_ANSWER)
            .for_each(|external| external.rust_path = OPAQUE_JSON_ANSWER.to_string());
    }
}

/// Makes each flags word of `item` that is computed in TL's binary form a `u32` field of its own, after
/// the others. The JSON interface has no computed words: TON's tonlib reads and writes `mode` of
/// `blocks.getOutMsgQueueSizes mode:# wc:mode.0?int32 ...` as a member like any other, and reads the
/// conditional members only where its bits say so; the conditional fields stay `Option`s, left out when
/// `None`.
fn give_flags_words_as_fields(item: &mut Item) {
    let nat = tl_parser::builtin::find("#").expect("`#` is a built-in type");
    for (index, word) in item.flags_fields.iter().enumerate() {
        if item.flags_given[index].is_some() {
            continue;
        }
        item.flags_given[index] = Some(CountSource::Field(item.fields.len()));
        item.fields.push(Field {
            rust_name: crate::ident::field_name(word),
            tl_name: word.clone(),
            tl_param: format!("{word}:#"),
            span: item.span,
            kind: FieldKind::Required(TypeRef::Builtin(nat)),
            condition: None,
            description: Some(Prose::plain(format!(
                "The flags word, a member of its own in the JSON interface: its bits say which of the \
                 conditional fields ({}) the library reads.",
                conditional_fields(&item.fields, index)
            ))),
        });
    }
}

/// The TL names of the fields of `fields` that flags word `word` conditions.
fn conditional_fields(fields: &[Field], word: usize) -> String {
    let names: Vec<String> = (fields.iter())
        .filter(|field| field.condition.is_some_and(|condition| condition.flags == word))
        .map(|field| format!("`{}`", field.tl_param))
        .collect();
    names.join(", ")
}
