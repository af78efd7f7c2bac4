//! Definitions that share a TL name and are all generated, so each needs a name of its own: the forms of
//! a name in several layer sections (`===N===`), and a name defined differently in two files of one
//! schema (mtproto.tl's `message` beside api.tl's).

use std::collections::BTreeMap;

use tl_parser::{Category, Definition, FileId};

/// The TL names definitions are generated under, where they are not their own.
#[derive(Default)]
pub(super) struct Renames {
    /// By the definition's position (file, start): its name, and why it is not the plain one.
    renamed: BTreeMap<(FileId, u32), (String, String)>,
}

impl Renames {
    /// Each form of a name that a later layer section defines again is named with its layer, as TDLib
    /// spells such forms (`decryptedMessage8`), the last form keeping the plain name; a name defined in
    /// an earlier file too is named with its file's stem (`message_mtproto`). `file_stems` are the stems
    /// of the schema's files, by file id.
    pub(super) fn of(definitions: &[&Definition<'_>], file_stems: &[String]) -> Self {
        let mut renamed = BTreeMap::new();
        let mut last_layer: BTreeMap<(Category, &str), u32> = BTreeMap::new();
        let mut first_file: BTreeMap<(Category, &str), FileId> = BTreeMap::new();
        for definition in definitions {
            let key = (definition.category, definition.name.full);
            if let Some(layer) = definition.section_layer {
                let last = last_layer.entry(key).or_insert(layer);
                *last = (*last).max(layer);
            }
            first_file.entry(key).or_insert(definition.span.file);
        }
        for definition in definitions {
            let key = (definition.category, definition.name.full);
            let name = definition.name.full;
            let new_name = match (definition.section_layer, last_layer.get(&key)) {
                _ if name == "_" => Some(anonymous_name(definition)),
                (Some(layer), Some(&last)) if layer != last => Some((
                    format!("{name}{layer}"),
                    format!("The form of `{name}` from layer {layer} (`==={layer}===`), superseded in a later layer."),
                )),
                _ if first_file[&key] != definition.span.file => {
                    let stem = file_stems
                        .get(definition.span.file as usize)
                        .map_or("file", String::as_str);
                    Some((
                        format!("{name}_{stem}"),
                        format!("`{name}` of `{stem}`: an earlier file of the schema defines another `{name}`."),
                    ))
                }
                _ => None,
            };
            if let Some(new_name) = new_name {
                renamed.insert((definition.span.file, definition.span.start), new_name);
            }
        }
        Renames { renamed }
    }

    /// The TL name `definition` is generated under.
    pub(super) fn of_definition(&self, definition: &Definition<'_>) -> String {
        let key = (definition.span.file, definition.span.start);
        (self.renamed.get(&key)).map_or_else(|| definition.name.full.to_string(), |(name, _)| name.clone())
    }

    /// Why `definition` has another name, for its docs.
    pub(super) fn why(&self, definition: &Definition<'_>) -> Option<String> {
        let key = (definition.span.file, definition.span.start);
        self.renamed.get(&key).map(|(_, why)| why.clone())
    }
}

/// The name of TL-formal's anonymous constructor (`_ = Empty;`, `_ {X:Type} result:X = ReqResult X;`):
/// `anonymous` and its type's name, in the type's namespace (`ns.anonymousEmpty`).
fn anonymous_name(definition: &Definition<'_>) -> (String, String) {
    let (namespace, base) = tl_parser::ast::Name::split(definition.result.name);
    let name = format!("anonymous{base}");
    let name = namespace.map_or_else(|| name.clone(), |namespace| format!("{namespace}.{name}"));
    let why = format!("The anonymous constructor, _, of {}.", definition.result.name);
    (name, why)
}
