//! Checks that need whole definitions or the whole schema: ids, flags, duplicates, unknown types.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::ParseOptions;
use crate::ast::{Category, Definition, Field, Param, Schema, TypeExpr};
use crate::diagnostic::{Diagnostic, Diagnostics, OptionHint};
use crate::source::Span;

/// Runs every per-definition check; returns the definitions that use an unknown type.
pub(crate) fn check_schema(
    schema: &Schema<'_>,
    options: &ParseOptions,
    diagnostics: &mut Diagnostics,
) -> FxHashSet<usize> {
    let mut known = known_types(schema);
    known.extend(options.extern_types().iter().map(String::as_str));
    let mut types = TypeCheck {
        known,
        suggestions_left: MAX_SUGGESTED_TYPES,
    };
    let mut fields = FieldIndex::default();
    let mut unresolved = FxHashSet::default();
    for (index, definition) in schema.definitions.iter().enumerate() {
        fields.reset(definition);
        check_params(definition, &fields, diagnostics);
        check_counts(definition, diagnostics);
        let before = diagnostics.len();
        types.check_references(definition, diagnostics);
        if diagnostics.len() > before {
            unresolved.insert(index);
        }
    }
    unresolved
}

/// Unknown types get "did you mean" suggestions up to this many times per run (a hostile schema full of
/// unknown names must not cost a distance to every known name for each of them).
const MAX_SUGGESTED_TYPES: usize = 64;

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

/// The count of each repetition (`n*[ ... ]`) names a `#` param before it or a `{n:#}` parameter.
fn check_counts(definition: &Definition<'_>, diagnostics: &mut Diagnostics) {
    if !definition.params.iter().any(|p| matches!(p, Param::Repeat(_))) {
        return;
    }
    let nat_params: Vec<&str> = (definition.type_params.iter())
        .filter(|p| p.kind.is_nat())
        .map(|p| p.name)
        .collect();
    let mut nat_fields: Vec<&str> = Vec::new();
    for param in &definition.params {
        match param {
            Param::Field(field) if field.ty.is_nat() && field.condition.is_none() => {
                nat_fields.extend(field.name);
            }
            Param::Repeat(repeat) => {
                if let Some(condition) = &repeat.condition {
                    check_repeat_condition(definition, repeat, condition, diagnostics);
                }
                let Some(crate::ast::Count::Var(name)) = repeat.count else {
                    continue;
                };
                if !nat_params.contains(&name) && !nat_fields.contains(&name) {
                    diagnostics.push(
                        Diagnostic::error(repeat.span, format!("`{name}` does not name a count")).with_label(
                            "a repetition's count is a number, a `#` param before it, or a `{n:#}` parameter",
                        ),
                    );
                }
            }
            Param::Field(_) => {}
        }
    }
}

/// The condition of a repetition (`c:n.2?3*[int]`) names a `#` param before it or a `{n:#}` parameter,
/// and a bit in range.
fn check_repeat_condition(
    definition: &Definition<'_>,
    repeat: &crate::ast::Repeat<'_>,
    condition: &crate::ast::FlagCondition<'_>,
    diagnostics: &mut Diagnostics,
) {
    if let Some(bit) = condition.bit.filter(|&bit| bit > 31) {
        diagnostics.push(
            Diagnostic::error(condition.span, format!("flag bit {bit} is out of range"))
                .with_label("a flags field has 32 bits, numbered 0 to 31"),
        );
    }
    let is_nat_param = (definition.type_params.iter()).any(|p| p.name == condition.field && p.kind.is_nat());
    let before = (definition.params.iter())
        .take_while(|param| param.span() != repeat.span)
        .filter_map(Param::as_field)
        .any(|field| field.name == Some(condition.field) && field.ty.is_nat());
    if !is_nat_param && !before {
        diagnostics.push(
            Diagnostic::error(
                condition.span,
                format!("no flags field named `{}` before it", condition.field),
            )
            .with_label("a condition names a `#` param before it, or a `{n:#}` parameter"),
        );
    }
}

/// Duplicate parameter names and flag conditions. A condition names a `#` field before it, or a `{n:#}`
/// parameter (VK's `{fields_mask:#} a:fields_mask.0?int = T fields_mask;`: a mask its users give).
fn check_params(definition: &Definition<'_>, fields: &FieldIndex<'_, '_>, diagnostics: &mut Diagnostics) {
    let is_nat_param = |name: &str| (definition.type_params.iter()).any(|p| p.name == name && p.kind.is_nat());
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
        if let Some(bit) = condition.bit.filter(|&bit| bit > 31) {
            diagnostics.push(
                Diagnostic::error(condition.span, format!("flag bit {bit} is out of range"))
                    .with_label("a flags field has 32 bits, numbered 0 to 31"),
            );
        }
        let target = fields.first_named(condition.field).map(|i| (i, fields.fields[i]));
        match target {
            None if is_nat_param(condition.field) => {}
            None => diagnostics.push(
                Diagnostic::error(condition.span, format!("no flags field named `{}`", condition.field))
                    .with_label("declare it before this parameter, as `name:#`"),
            ),
            // A `#` under a condition of its own is a flags word too (`f1:f0.0?# x:f1.1?int`).
            Some((_, flags)) if !flags.ty.is_nat() => diagnostics.push(
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
    for name in crate::builtin::all_names() {
        known.insert(name);
    }
    for definition in schema.of_category(Category::Type) {
        known.insert(definition.result.name);
        known.insert(definition.name.full);
    }
    known
}

/// Type references checked against the known names.
struct TypeCheck<'a> {
    known: FxHashSet<&'a str>,
    suggestions_left: usize,
}

impl TypeCheck<'_> {
    fn check_references(&mut self, definition: &Definition<'_>, diagnostics: &mut Diagnostics) {
        // Type parameters, and `#` fields, which a type's `{n:#}` parameter may be applied to (`(Tuple int n)`).
        let mut generics: Vec<&str> = definition.type_params.iter().map(|p| p.name).collect();
        let counts = (definition.params.iter().filter_map(|p| p.as_field())).filter(|f| f.ty.is_nat());
        generics.extend(counts.filter_map(|f| f.name));
        let said = self.missing_colons(&definition.params, &generics, diagnostics);
        let mut check = |ty: &TypeExpr<'_>| {
            if !said.contains(&ty.span) {
                self.check_type(ty, &generics, diagnostics);
            }
        };
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

    /// `peer InputPeer`: an anonymous param whose type names nothing, followed by another anonymous param,
    /// is a name whose colon is missing. Said so (rather than "unknown type `peer`"); returns the spans of
    /// the types said, which are not checked again.
    fn missing_colons<'p, 'a>(
        &self,
        params: &'p [Param<'a>],
        generics: &[&str],
        diagnostics: &mut Diagnostics,
    ) -> Vec<Span> {
        let anonymous = |param: &'p Param<'a>| param.as_field().filter(|f| f.name.is_none() && f.condition.is_none());
        let mut said = Vec::new();
        for pair in params.windows(2) {
            let (Some(first), Some(second)) = (anonymous(&pair[0]), anonymous(&pair[1])) else {
                continue;
            };
            let name = first.ty.name;
            let names_nothing = first.ty.args.is_empty()
                && !first.ty.generic_query
                && !crate::builtin::is_builtin(name)
                && !generics.contains(&name)
                && !self.known.contains(name);
            if names_nothing {
                diagnostics.push(
                    Diagnostic::error(
                        first.ty.span,
                        format!("`{name}` is no type: is the colon after a param's name missing?"),
                    )
                    .with_label(format!("read as a param of type `{name}`, with no name"))
                    .with_note(format!(
                        "help: a param is written `name:Type`, as `{name}:{}`",
                        second.ty
                    )),
                );
                said.push(first.ty.span);
            }
        }
        said
    }

    fn check_type(&mut self, ty: &TypeExpr<'_>, generics: &[&str], diagnostics: &mut Diagnostics) {
        let plain = ty.args.is_empty() && !ty.generic_query;
        if plain && (crate::builtin::is_builtin(ty.name) || ty.is_nat_const()) {
            return;
        }
        let is_generic = generics.contains(&ty.name);
        if ty.is_nat_sum() {
            // A count in scope plus numbers: where it is in scope, the generator knows.
            if ty.nat_sum().is_none() {
                diagnostics.push(
                    Diagnostic::error(ty.span, format!("`{}` is not a count TL computes", ty.name))
                        .with_label("TL-formal's sums add numbers (below 2^32) to one count: `n+1`, `2 + n`"),
                );
            }
        } else if ty.generic_query && !is_generic {
            diagnostics.push(
                Diagnostic::error(ty.span, format!("`!{}` does not name a type parameter", ty.name))
                    .with_label("declare it as `{X:Type}` after the definition name"),
            );
        } else if !is_generic && !self.known.contains(ty.name) {
            let mut diagnostic = Diagnostic::error(ty.span, format!("unknown type `{}`", ty.name))
                .with_label("no constructor has this type and it is not a built-in type");
            diagnostic = match self.suggest(ty.name) {
                Some(note) => diagnostic.with_note(note),
                None => diagnostic.with_hint(OptionHint::ExternType(ty.name.to_string())),
            };
            diagnostics.push(diagnostic);
        }
        for arg in &ty.args {
            self.check_type(arg, generics, diagnostics);
        }
    }

    /// `help: did you mean ...?` with the known names closest to `name` (built-ins included).
    fn suggest(&mut self, name: &str) -> Option<String> {
        self.suggestions_left = self.suggestions_left.checked_sub(1)?;
        // A built-in is suggested by its first (bare) name only: `long`, not also `Long`.
        let candidates = self
            .known
            .iter()
            .copied()
            .filter(|known| crate::builtin::find(known).is_none_or(|builtin| builtin.get().names[0] == *known));
        let names = closest_names(name, candidates);
        (!names.is_empty()).then(|| format!("help: did you mean {}?", names.join(" or ")))
    }
}

/// Up to three of `candidates` within a small edit distance of `name` (ignoring case) and starting with
/// the same letter (a typo seldom changes the first one), closest first, each in backticks.
fn closest_names<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let wanted = name.to_lowercase();
    let limit = (name.chars().count() / 3).max(1);
    let first = wanted.chars().next();
    let mut scored: Vec<(usize, &str)> = candidates
        .map(|candidate| (candidate, candidate.to_lowercase()))
        .filter(|(_, lower)| lower.chars().next() == first)
        .map(|(candidate, lower)| (strsim::levenshtein(&wanted, &lower), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .collect();
    scored.sort_unstable();
    scored
        .into_iter()
        .take(3)
        .map(|(_, name)| format!("`{name}`"))
        .collect()
}

fn visit_param_types<'p, 'a: 'p>(params: &'p [Param<'a>], visit: &mut impl FnMut(&'p TypeExpr<'a>)) {
    for param in params {
        match param {
            Param::Field(field) => visit(&field.ty),
            Param::Repeat(repeat) => visit_param_types(&repeat.items, visit),
        }
    }
}
