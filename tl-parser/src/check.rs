//! Checks that need whole definitions or the whole schema: ids, flags, duplicates, unknown types.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::ParseOptions;
use crate::ast::{Category, Definition, Field, Param, Schema, TypeExpr};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::id::{IdHasher, write_normal_form};

/// Types every schema may use without defining them.
pub const BUILTIN_TYPES: &[&str] = &[
    "#", "int", "long", "double", "string", "bytes", "int128", "int256", "true", "Bool", "Vector", "vector", "Type",
];

/// A match compiles to length and byte comparisons: cheaper than hashing for the commonest names.
fn is_builtin(name: &str) -> bool {
    matches!(
        name,
        "#" | "int"
            | "long"
            | "double"
            | "string"
            | "bytes"
            | "int128"
            | "int256"
            | "true"
            | "Bool"
            | "Vector"
            | "vector"
            | "Type"
    )
}

/// Gives every definition its id and reports explicit ids that differ from the computed one.
pub(crate) fn assign_ids(schema: &mut Schema<'_>, options: &ParseOptions, diagnostics: &mut Diagnostics) {
    let mut hasher = IdHasher::new();
    for definition in &mut schema.definitions {
        let computed = hasher.compute(definition);
        match definition.explicit_id {
            None => definition.id = computed,
            Some(explicit) => {
                definition.id = explicit;
                if explicit != computed && !options.allows_id_mismatch(definition.name.full) {
                    diagnostics.push(
                        Diagnostic::error(
                            definition.name.span,
                            format!("constructor id mismatch for `{}`", definition.name.full),
                        )
                        .with_label(format!(
                            "written as #{explicit:08x}, but the definition hashes to #{computed:08x}"
                        ))
                        .with_note(format!(
                            "if the id was assigned by hand, allow it with `allow_id_mismatch(\"{}\")`",
                            definition.name.full
                        )),
                    );
                }
            }
        }
    }
}

/// Runs every per-definition and whole-schema check.
pub(crate) fn check_schema(schema: &Schema<'_>, diagnostics: &mut Diagnostics) {
    let known = known_types(schema);
    let mut fields = FieldIndex::default();
    for definition in &schema.definitions {
        fields.reset(definition);
        check_params(&fields, diagnostics);
        check_type_references(definition, &known, diagnostics);
    }
    check_duplicates(schema, diagnostics);
}

/// The fields of one definition, found by name. Reused across definitions so checking allocates
/// nothing per definition; short lists (all of Telegram's) are searched linearly, long ones hashed.
#[derive(Default)]
struct FieldIndex<'d, 'a> {
    fields: Vec<&'d Field<'a>>,
    by_name: FxHashMap<&'a str, usize>,
}

impl<'d, 'a> FieldIndex<'d, 'a> {
    const LINEAR_LIMIT: usize = 32;

    fn reset(&mut self, definition: &'d Definition<'a>) {
        self.fields.clear();
        self.fields.extend(definition.params.iter().filter_map(Param::as_field));
        self.by_name.clear();
        if self.fields.len() > Self::LINEAR_LIMIT {
            for (index, field) in self.fields.iter().enumerate() {
                if let Some(name) = field.name {
                    self.by_name.entry(name).or_insert(index);
                }
            }
        }
    }

    /// The index of the first field called `name`.
    fn first_named(&self, name: &str) -> Option<usize> {
        if self.fields.len() > Self::LINEAR_LIMIT {
            self.by_name.get(name).copied()
        } else {
            self.fields.iter().position(|f| f.name == Some(name))
        }
    }
}

/// Duplicate parameter names and flag conditions.
fn check_params(fields: &FieldIndex<'_, '_>, diagnostics: &mut Diagnostics) {
    for (index, field) in fields.fields.iter().enumerate() {
        let Some(name) = field.name else { continue };
        let first = fields.first_named(name).expect("the field itself has this name");
        if first != index {
            diagnostics.push(
                Diagnostic::error(field.span, format!("duplicate parameter `{name}`"))
                    .with_label("declared again here")
                    .with_related(fields.fields[first].span, "first declared here"),
            );
        }
    }
    for (index, field) in fields.fields.iter().enumerate() {
        let Some(condition) = &field.condition else { continue };
        if condition.bit > 31 {
            diagnostics.push(
                Diagnostic::error(condition.span, format!("flag bit {} is out of range", condition.bit))
                    .with_label("a flags field has 32 bits, numbered 0 to 31"),
            );
        }
        let target = fields.first_named(condition.field).map(|i| (i, fields.fields[i]));
        match target {
            None => diagnostics.push(
                Diagnostic::error(condition.span, format!("no flags field named `{}`", condition.field))
                    .with_label("declare it before this parameter, as `name:#`"),
            ),
            Some((_, flags)) if !flags.is_flags() => diagnostics.push(
                Diagnostic::error(condition.span, format!("`{}` is not a flags field", condition.field))
                    .with_label("a condition must name a field of type `#`")
                    .with_related(flags.span, "declared here"),
            ),
            Some((flags_index, flags)) if flags_index > index => diagnostics.push(
                Diagnostic::error(
                    condition.span,
                    format!(
                        "flags field `{}` is declared after the parameter that uses it",
                        condition.field
                    ),
                )
                .with_label("used here")
                .with_related(flags.span, "declared here"),
            ),
            Some(_) => {}
        }
    }
}

/// Boxed type names (results of constructors) and bare constructor names.
fn known_types<'a>(schema: &Schema<'a>) -> FxHashSet<&'a str> {
    let mut known = FxHashSet::with_capacity_and_hasher(schema.definitions.len() * 2, Default::default());
    known.extend(BUILTIN_TYPES.iter().copied());
    for definition in schema.of_category(Category::Type) {
        known.insert(definition.result.name);
        known.insert(definition.name.full);
    }
    known
}

fn check_type_references(definition: &Definition<'_>, known: &FxHashSet<&str>, diagnostics: &mut Diagnostics) {
    let generics: Vec<&str> = definition.type_params.iter().map(|p| p.name).collect();
    let mut check = |ty: &TypeExpr<'_>| check_type(ty, &generics, known, diagnostics);
    for type_param in &definition.type_params {
        check(&type_param.kind);
    }
    visit_param_types(&definition.params, &mut check);
    if definition.category == Category::Function {
        check(&definition.result);
    } else {
        // A constructor defines its result type; only the arguments (`Vector t`) must be in scope.
        definition.result.args.iter().for_each(check);
    }
    if definition.result.percent {
        diagnostics.push(
            Diagnostic::error(
                definition.result.span,
                format!("a result type cannot be bare: `%{}`", definition.result.name),
            )
            .with_label("write the boxed type's name, without `%`"),
        );
    }
}

fn visit_param_types<'p, 'a: 'p>(params: &'p [Param<'a>], visit: &mut impl FnMut(&'p TypeExpr<'a>)) {
    for param in params {
        match param {
            Param::Field(field) => visit(&field.ty),
            Param::Repeat(repeat) => visit_param_types(&repeat.items, visit),
        }
    }
}

fn check_type(ty: &TypeExpr<'_>, generics: &[&str], known: &FxHashSet<&str>, diagnostics: &mut Diagnostics) {
    if ty.args.is_empty() && !ty.generic_query && is_builtin(ty.name) {
        return;
    }
    let is_generic = generics.contains(&ty.name);
    if ty.generic_query && !is_generic {
        diagnostics.push(
            Diagnostic::error(ty.span, format!("`!{}` does not name a type parameter", ty.name))
                .with_label("declare it as `{X:Type}` after the definition name"),
        );
    } else if !is_generic && !known.contains(ty.name) {
        diagnostics.push(
            Diagnostic::error(ty.span, format!("unknown type `{}`", ty.name))
                .with_label("no constructor has this type and it is not a built-in type"),
        );
    }
    for arg in &ty.args {
        check_type(arg, generics, known, diagnostics);
    }
}

/// Two definitions with one name in one section, or two definitions with one id. A definition repeated
/// word for word in another file (the `vector` of both api.tl and mtproto.tl) is not a conflict.
fn check_duplicates(schema: &Schema<'_>, diagnostics: &mut Diagnostics) {
    let capacity = schema.definitions.len();
    let mut by_name = FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    let mut by_id = FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    for definition in &schema.definitions {
        if let Some(first) = by_name.insert((definition.category, definition.name.full), definition) {
            if !same_in_other_file(first, definition) {
                diagnostics.push(
                    Diagnostic::error(
                        definition.name.span,
                        format!("duplicate definition of `{}`", definition.name.full),
                    )
                    .with_label("defined again here")
                    .with_related(first.name.span, "first defined here"),
                );
            }
            continue;
        }
        if definition.builtin {
            continue;
        }
        if let Some(first) = by_id.insert(definition.id, definition) {
            diagnostics.push(
                Diagnostic::error(
                    definition.name.span,
                    format!("duplicate constructor id #{:08x}", definition.id),
                )
                .with_label(format!(
                    "`{}` has the same id as `{}`",
                    definition.name.full, first.name.full
                ))
                .with_related(first.name.span, "first used here"),
            );
        }
    }
}

fn same_in_other_file(a: &Definition<'_>, b: &Definition<'_>) -> bool {
    let normal = |d: &Definition<'_>| {
        let mut text = String::new();
        write_normal_form(d, &mut text);
        text
    };
    a.span.file != b.span.file && a.id == b.id && normal(a) == normal(b)
}
