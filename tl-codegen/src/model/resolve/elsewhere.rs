//! The extern table: the types and definitions the user maps to Rust paths instead of generating.

use std::collections::BTreeMap;

use tl_parser::{Definition, Name};

use crate::ident;
use crate::model::{ExternType, Externs, path_matches};

/// What is not generated here, gathered while the definitions are sorted: the user's extern types, then
/// the types and constructors of the schema that an extern path matches.
pub(super) struct Elsewhere<'d> {
    paths: &'d [crate::model::ExternPath],
    pub(super) types: Vec<ExternType>,
    pub(super) boxed: BTreeMap<String, usize>,
    pub(super) bare: BTreeMap<String, usize>,
    /// Per boxed type generated elsewhere: its constructors' indices into `types`.
    constructors_of: BTreeMap<String, Vec<usize>>,
}

impl<'d> Elsewhere<'d> {
    pub(super) fn new(externs: &'d Externs) -> Self {
        let types = externs.types.clone();
        let boxed = types.iter().enumerate().map(|(i, e)| (e.tl_name.clone(), i)).collect();
        Elsewhere {
            paths: &externs.paths,
            types,
            boxed,
            bare: BTreeMap::new(),
            constructors_of: BTreeMap::new(),
        }
    }

    /// The root of the other crate that generates TL name `name`, if an extern path matches it.
    fn root(&self, name: &str) -> Option<&'d str> {
        let paths = self.paths;
        paths
            .iter()
            .find(|p| path_matches(&p.path, name))
            .map(|p| p.root.as_str())
    }

    /// True (and recorded) if `definition`'s boxed type is generated in another crate.
    pub(super) fn takes_constructor(&mut self, definition: &Definition<'_>) -> bool {
        let type_name = definition.result.name;
        let Some(root) = self.root(type_name) else {
            return false;
        };
        if !self.boxed.contains_key(type_name) {
            let (namespace, _) = Name::split(type_name);
            let path = ident::item_path("enums", namespace, &ident::type_name(type_name));
            let index = self.push(type_name, format!("{root}::{path}"));
            self.boxed.insert(type_name.to_string(), index);
        }
        let name = definition.name.full;
        let path = ident::item_path("types", definition.name.namespace(), &ident::type_name(name));
        let index = self.push(name, format!("{root}::{path}"));
        self.bare.insert(name.to_string(), index);
        let constructors = self.constructors_of.entry(type_name.to_string()).or_default();
        constructors.push(index);
        // `%Type` names the only constructor of a type.
        match constructors.as_slice() {
            [only] => self.bare.insert(type_name.to_string(), *only),
            _ => self.bare.remove(type_name),
        };
        true
    }

    /// True if `definition` (a function) is generated in another crate.
    pub(super) fn takes_function(&self, definition: &Definition<'_>) -> bool {
        self.root(definition.name.full).is_some()
    }

    fn push(&mut self, tl_name: &str, rust_path: String) -> usize {
        self.types.push(ExternType {
            tl_name: tl_name.to_string(),
            rust_path,
        });
        self.types.len() - 1
    }
}
