//! Stage 1 of the model: definitions sorted and indexed, every type resolved, and each constructor and
//! function made into an item shape (fields, groups, derived bits, wire plan). In four parts:
//!
//! - [`sorted`]: the definitions by what becomes of them (generated, declared arrays, built-ins with no
//!   known encoding, what is generated elsewhere);
//! - [`elsewhere`]: the extern table, the types and definitions the user maps to Rust paths;
//! - [`index`]: every name a type may be written with, and the resolution of a written type;
//! - [`item`]: each definition made into a shape, param by param.

use tl_parser::{Definition, Diagnostic, Diagnostics, Param};

use super::shape::{Resolved, Shape};
use super::{ModelInput, TypeRef};
use crate::ident;
use index::Index;
use item::ItemBuilder;

mod elsewhere;
mod index;
mod item;
mod sorted;

/// A type resolved, or why it is not generated.
type TypeOrWhy = Result<TypeRef, Box<Diagnostic>>;

/// Resolves `definitions` (stage 1), with the warnings of answers made opaque. Any problem stops the
/// model here, with every problem of this stage.
pub(super) fn resolve(input: &ModelInput<'_, '_>) -> Result<(Resolved, Diagnostics), Diagnostics> {
    let mut index = Index::new(input.definitions, input.externs, input.file_stems);
    let warnings = match input.strictness {
        crate::Strictness::Degrade => index.make_opaque_answers(),
        crate::Strictness::Strict => Diagnostics::default(),
    };
    let mut diagnostics = Diagnostics::default();
    for definition in index.constructors.iter().chain(&index.functions) {
        check_identifiers(definition, &index.layer_names, &mut diagnostics);
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut shape = |definition: &Definition<'_>| match ItemBuilder::new(&index, definition).build() {
        Ok(shape) => Some(shape),
        Err(errors) => {
            errors.into_iter().for_each(|error| diagnostics.push(error));
            None
        }
    };
    let constructors: Vec<Option<Shape>> = index.constructors.iter().map(|d| shape(d)).collect();
    let functions: Vec<Option<Shape>> = index.functions.iter().map(|d| shape(d)).collect();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut constructors: Vec<Shape> = constructors.into_iter().map(|s| s.expect("no errors")).collect();
    super::heap::box_optional_cycles(&mut constructors);
    let resolved = Resolved {
        externs: index.extern_types.clone(),
        types: index.type_shapes(input.class_docs),
        constructors,
        functions: functions.into_iter().map(|s| s.expect("no errors")).collect(),
    };
    Ok((resolved, warnings))
}

/// Refuses TL names that leave no Rust identifier after case conversion (`_1`, a field `_`): every later
/// step turns names into identifiers. A definition generated under another name (TL-formal's anonymous
/// constructor `_`) is checked by that name.
fn check_identifiers(definition: &Definition<'_>, renames: &super::renames::Renames, diagnostics: &mut Diagnostics) {
    let name = definition.name;
    let generated_name = renames.of_definition(definition);
    let mut names = vec![
        (ident::type_name(&generated_name), name.full, name.span),
        (
            ident::type_name(definition.result.name),
            definition.result.name,
            definition.result.span,
        ),
    ];
    if let Some(namespace) = name.namespace() {
        names.push((ident::module_name(namespace), namespace, name.span));
    }
    for field in definition.params.iter().filter_map(Param::as_field) {
        // A nameless param's field is `value` or `valueN`: always an identifier.
        if let Some(param) = field.name {
            names.push((ident::field_name(param), param, field.span));
        }
    }
    for (rust, tl, span) in names.into_iter().filter(|(rust, _, _)| !ident::is_identifier(rust)) {
        diagnostics.push(
            Diagnostic::error(
                span,
                format!("`{tl}` becomes `{rust}` in Rust, which is not an identifier"),
            )
            .with_label(format!("in `{}`", name.full)),
        );
    }
}
