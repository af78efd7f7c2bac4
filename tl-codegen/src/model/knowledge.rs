//! What a docs source knows of a schema (descriptions of definitions, params and types, who may call a
//! function, the errors it may return), and the model taking it in: matched by TL name, links to other
//! definitions resolved to the generated items, once, here; the emitter only prints it.

use std::collections::BTreeMap;

use super::{FieldKind, Item, Model, Prose};
use crate::ident::item_path;

/// Documentation for a schema, read from a docs source ([`crate::Config::docs`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocsSource {
    /// The file it was read from, for messages.
    pub name: String,
    /// The docs of constructors and functions, by TL name.
    pub definitions: BTreeMap<String, DefinitionDocs>,
    /// The descriptions of boxed types, by TL name.
    pub types: BTreeMap<String, Prose>,
}

/// What a docs source says of one constructor or function.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DefinitionDocs {
    /// Its id in the docs source, when it gives one.
    pub id: Option<u32>,
    /// What it is.
    pub description: Option<Prose>,
    /// Its params' descriptions, by TL param name.
    pub params: BTreeMap<String, Prose>,
    /// Who may call a function.
    pub available: Option<Availability>,
    /// The errors a function may return.
    pub errors: Vec<PossibleError>,
}

/// Who may call a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Users only.
    Users,
    /// Bots only.
    Bots,
    /// Users and bots.
    Both,
}

/// An RPC error a function may return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PossibleError {
    /// The error code: 400, 420, ...
    pub code: i32,
    /// The error's name as the list writes it: `FLOOD_WAIT_%d`.
    pub name: String,
    /// What it means.
    pub description: Option<Prose>,
    /// Its variant of `errors::RpcError`, when typed errors are generated.
    pub variant: Option<String>,
}

/// What taking in a docs source did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocsReport {
    /// Constructors and functions of the model it documented.
    pub documented: usize,
    /// Names it documents that the schema does not define (its whole schema, not only what the roots
    /// reach), sorted.
    pub unknown: Vec<String>,
    /// Names it documents with another id than the schema's (documented all the same).
    pub other_id: Vec<String>,
}

impl Model {
    /// Takes in `docs`: each constructor, function and boxed type it names gets its description (and each
    /// param its own), a function its availability and errors; links to definitions become links to their
    /// items, or code when not generated. `schema_names` are every name the schema defines, for the
    /// report of the names `docs` has and the schema lacks.
    pub fn document(&mut self, docs: &DocsSource, schema_names: &[&str]) -> DocsReport {
        let paths = self.item_paths();
        let path_of = |tl_name: &str| paths.get(tl_name).cloned();
        let mut report = DocsReport::default();
        for item in self.constructors.iter_mut().chain(self.functions.iter_mut()) {
            if let Some(found) = docs.definitions.get(&item.tl_name) {
                document_item(item, found, &path_of);
                report.documented += 1;
                if found.id.is_some_and(|id| id != item.id) {
                    report.other_id.push(item.tl_name.clone());
                }
            }
        }
        for ty in &mut self.types {
            if let Some(description) = docs.types.get(&ty.tl_name) {
                ty.description = Some(description.resolved(&path_of));
            }
        }
        report.unknown = (docs.definitions.keys())
            .filter(|name| !schema_names.contains(&name.as_str()))
            .cloned()
            .collect();
        report
    }

    /// The path of each generated item from the output's root, by TL name: constructors in `types`,
    /// functions in `functions`, boxed types in `enums`.
    fn item_paths(&self) -> BTreeMap<String, String> {
        let items = |top: &'static str, items: &[Item]| {
            (items.iter())
                .map(move |item| {
                    (
                        item.tl_name.clone(),
                        item_path(top, item.namespace.as_deref(), &item.rust_name),
                    )
                })
                .collect::<Vec<_>>()
        };
        let types = (self.types.iter()).map(|ty| {
            (
                ty.tl_name.clone(),
                item_path("enums", ty.namespace.as_deref(), &ty.rust_name),
            )
        });
        types
            .chain(items("types", &self.constructors))
            .chain(items("functions", &self.functions))
            .collect()
    }
}

/// `item` documented by `docs`.
fn document_item(item: &mut Item, docs: &DefinitionDocs, path_of: &impl Fn(&str) -> Option<String>) {
    if let Some(description) = &docs.description {
        item.description = Some(description.resolved(path_of));
    }
    let param = |name: &str| docs.params.get(name).map(|text| text.resolved(path_of));
    // A group's field is described by its members (it takes its first member's name).
    for field in item
        .fields
        .iter_mut()
        .filter(|field| !matches!(field.kind, FieldKind::Group(_)))
    {
        field.description = param(&field.tl_name).or(field.description.take());
    }
    for member in item.groups.iter_mut().flat_map(|group| group.members.iter_mut()) {
        member.description = param(&member.tl_name).or(member.description.take());
    }
    item.available = docs.available;
    item.errors = (docs.errors.iter())
        .map(|error| PossibleError {
            description: error.description.as_ref().map(|text| text.resolved(path_of)),
            ..error.clone()
        })
        .collect();
}
