//! Degrade, don't refuse: a definition the generator cannot represent is left out, not the whole schema.
//!
//! Each such definition becomes a warning that names it, says why (the problem the parser or the model
//! found, with its snippet and the option that would include it), and lists what is left out with it: the
//! definitions that reach it and cannot exist without it (a constructor whose field has the left-out
//! type, when that type has no other constructor). [`Strictness::Strict`] makes every one of these an
//! error instead, as it was before degradation.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Model, ModelInput};
use rustc_hash::FxHashMap;
use tl_parser::{Category, Definition, Diagnostic, Diagnostics, OptionHint, Param, Severity, Span, TypeExpr};

/// What happens to a definition the generator cannot represent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strictness {
    /// It is left out, with a warning (the default for a whole schema; `Config::degrade()`, `--degrade`,
    /// `strict = false` with roots).
    #[default]
    Degrade,
    /// It is an error: nothing is generated (the default with roots; `Config::strict()`, `--strict`,
    /// `strict = true`).
    Strict,
}

impl Strictness {
    /// The default for these roots: with roots the user named what they want, so a definition they reach
    /// that cannot be generated is an error ([`Strictness::Strict`]), not a silently smaller closure;
    /// without roots (a whole third-party schema) it is left out with a warning.
    pub fn for_roots(roots: &[String]) -> Self {
        if roots.is_empty() {
            Strictness::Degrade
        } else {
            Strictness::Strict
        }
    }
}

/// The index of the definition of `definitions` (in source order: by file, then position) whose text
/// holds `span`.
pub(crate) fn owner(definitions: &[&Definition<'_>], span: Span) -> Option<usize> {
    let key = (span.file, span.start);
    let after = definitions.partition_point(|d| (d.span.file, d.span.start) <= key);
    let candidate = after.checked_sub(1)?;
    let holder = definitions[candidate].span;
    (holder.file == span.file && span.end <= holder.end).then_some(candidate)
}

/// Whether a parser error concerns one definition and so only leaves it out. Errors the user asked for
/// by option (`strict_ids`: their hint names the option that accepts the id) stay errors, and so do
/// syntax errors, which no definition holds.
pub(crate) fn is_degradable(diagnostic: &Diagnostic) -> bool {
    diagnostic.severity == Severity::Error && !matches!(diagnostic.hint, Some(OptionHint::AllowIdMismatch(_)))
}

/// The problems that leave definitions out, by the index of the definition (into the list they were
/// found in).
#[derive(Debug, Clone, Default)]
pub(crate) struct Refusals {
    by_definition: BTreeMap<usize, Vec<Diagnostic>>,
}

impl Refusals {
    /// Adds `diagnostic` as a reason to leave out definition `index`.
    pub(crate) fn add(&mut self, index: usize, diagnostic: Diagnostic) {
        self.by_definition.entry(index).or_default().push(diagnostic);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.by_definition.is_empty()
    }

    /// Every reason as the error it is in strict mode.
    pub(crate) fn into_errors(self) -> Diagnostics {
        let mut errors = Diagnostics::default();
        self.by_definition.into_values().flatten().for_each(|d| errors.push(d));
        errors.sort();
        errors
    }

    fn refused(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_definition.keys().copied()
    }
}

/// Which definitions are left out: for each one, the refused definition it is left out for (itself, when
/// it is refused).
pub(crate) struct LeftOut {
    cause: Vec<Option<usize>>,
}

impl LeftOut {
    /// The refused definitions of `definitions` and, transitively, every definition that needs one: whose
    /// params name a left-out constructor, or a type all of whose constructors are left out. A function's
    /// answer is not a need: a function whose answer cannot be generated still exists (its answer opaque).
    pub(crate) fn compute(definitions: &[&Definition<'_>], refusals: &Refusals) -> Self {
        let graph = Needs::new(definitions);
        let mut cause = vec![None; definitions.len()];
        let mut remaining = graph.constructor_counts.clone();
        let mut queue: Vec<usize> = refusals.refused().collect();
        for &index in &queue {
            cause[index] = Some(index);
        }
        while let Some(index) = queue.pop() {
            let definition = definitions[index];
            let mut lost = vec![definition.name.full];
            if definition.category == Category::Type {
                let count = remaining.entry(definition.result.name).or_insert(1);
                *count -= 1;
                if *count == 0 {
                    lost.push(definition.result.name);
                }
            }
            for user in lost.iter().flat_map(|name| graph.users.get(name).into_iter().flatten()) {
                if cause[*user].is_none() {
                    cause[*user] = cause[index];
                    queue.push(*user);
                }
            }
        }
        LeftOut { cause }
    }

    /// The definitions kept, in order.
    pub(crate) fn kept<'s, 'a>(&self, definitions: &[&'s Definition<'a>]) -> Vec<&'s Definition<'a>> {
        (definitions.iter().zip(&self.cause))
            .filter(|(_, cause)| cause.is_none())
            .map(|(definition, _)| *definition)
            .collect()
    }

    /// One warning per reason, the first of each definition listing what is left out with it.
    pub(crate) fn warnings(&self, definitions: &[&Definition<'_>], refusals: Refusals) -> Diagnostics {
        // What each refused definition takes with it, gathered in one pass (not one per refusal: a
        // hostile schema may refuse thousands).
        let mut with: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for (other, cause) in self.cause.iter().enumerate() {
            if let Some(cause) = cause.filter(|&cause| cause != other) {
                with.entry(cause).or_default().push(definitions[other].name.full);
            }
        }
        let mut warnings = Diagnostics::default();
        for (index, reasons) in refusals.by_definition {
            let name = definitions[index].name.full;
            let with_it = with.remove(&index).unwrap_or_default();
            for (position, reason) in reasons.into_iter().enumerate() {
                let mut warning = as_warning(name, reason);
                if position == 0 && !with_it.is_empty() {
                    warning = warning.with_note(also_left_out(&with_it));
                }
                warnings.push(warning);
            }
        }
        warnings.sort();
        warnings
    }
}

/// The reason turned into a warning that names what is left out.
fn as_warning(name: &str, reason: Diagnostic) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        message: format!("`{name}` is left out: {}", reason.message),
        ..reason
    }
}

/// How many names a warning lists before it counts the rest.
const LISTED: usize = 8;

fn also_left_out(names: &[&str]) -> String {
    let mut listed: Vec<String> = names.iter().take(LISTED).map(|name| format!("`{name}`")).collect();
    if names.len() > LISTED {
        listed.push(format!("and {} more", names.len() - LISTED));
    }
    format!(
        "left out with it, as {} it: {}",
        if names.len() == 1 { "it needs" } else { "they need" },
        listed.join(", ")
    )
}

/// Who names what: for each constructor or type name, the definitions whose params name it.
struct Needs<'a> {
    users: FxHashMap<&'a str, Vec<usize>>,
    /// Per boxed type, how many constructors it has.
    constructor_counts: FxHashMap<&'a str, usize>,
}

impl<'a> Needs<'a> {
    fn new(definitions: &[&Definition<'a>]) -> Self {
        let mut constructor_counts: FxHashMap<&str, usize> = FxHashMap::default();
        for definition in definitions.iter().filter(|d| d.category == Category::Type) {
            *constructor_counts.entry(definition.result.name).or_default() += 1;
        }
        let mut users: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (index, definition) in definitions.iter().enumerate() {
            let params: BTreeSet<&str> = (definition.type_params.iter()).map(|p| p.name).collect();
            let mut names = BTreeSet::new();
            visit_names(&definition.params, &mut |name| {
                // Built-ins stay whatever their defining lines (`vector`, `boolTrue`) say.
                if !params.contains(name) && !tl_parser::builtin::is_builtin(name) {
                    names.insert(name);
                }
            });
            for name in names {
                users.entry(name).or_default().push(index);
            }
        }
        Needs {
            users,
            constructor_counts,
        }
    }
}

/// Every type name the params write, at any depth (type arguments, repetitions).
fn visit_names<'a>(params: &[Param<'a>], visit: &mut impl FnMut(&'a str)) {
    fn visit_type<'a>(ty: &TypeExpr<'a>, visit: &mut impl FnMut(&'a str)) {
        visit(ty.name);
        ty.args.iter().for_each(|arg| visit_type(arg, visit));
    }
    for param in params {
        match param {
            Param::Field(field) => visit_type(&field.ty, visit),
            Param::Repeat(repeat) => visit_names(&repeat.items, visit),
        }
    }
}

/// The parser's errors in `selected` definitions, as reasons to leave them out. With
/// [`Strictness::Degrade`], an error in a function's answer is no reason: the model makes the answer
/// opaque instead.
pub(crate) fn refusals(selected: &[&Definition<'_>], errors: &Diagnostics, strictness: Strictness) -> Refusals {
    let mut refusals = Refusals::default();
    for error in errors {
        let Some(index) = owner(selected, error.span) else {
            continue;
        };
        let definition = selected[index];
        let in_answer = definition.category == Category::Function && within(error.span, definition.result.span);
        if !(in_answer && strictness == Strictness::Degrade) {
            refusals.add(index, error.clone());
        }
    }
    refusals
}

fn within(inner: Span, outer: Span) -> bool {
    inner.file == outer.file && outer.start <= inner.start && inner.end <= outer.end
}

/// How many times the model is built, each time without the definitions its last errors were in, before
/// the errors stand. Each round leaves out at least one more definition; one or two rounds are the rule
/// (the model's errors come from a few definitions, each found in the first round that builds it).
const MAX_ROUNDS: usize = 16;

/// The model of `input`'s definitions without those `refusals` and the model's own errors leave out,
/// with one warning per reason (and the model's warnings) and how many definitions were left out; with
/// [`Strictness::Strict`], every reason is an error. Errors that no definition holds are errors in either
/// mode.
pub(crate) fn build_model(
    input: &ModelInput<'_, '_>,
    mut refusals: Refusals,
) -> Result<(Model, Diagnostics, usize), Diagnostics> {
    let selected = input.definitions;
    if input.strictness == Strictness::Strict && !refusals.is_empty() {
        return Err(refusals.into_errors());
    }
    for _ in 0..MAX_ROUNDS {
        let left_out = LeftOut::compute(selected, &refusals);
        let kept = left_out.kept(selected);
        let errors = match Model::build(&ModelInput {
            definitions: &kept,
            ..*input
        }) {
            Ok((model, model_warnings)) => {
                let count = selected.len() - kept.len();
                let mut warnings = left_out.warnings(selected, refusals);
                warnings.extend(model_warnings);
                warnings.sort();
                return Ok((model, warnings, count));
            }
            Err(errors) => errors,
        };
        if input.strictness == Strictness::Strict || !refuse_owners(selected, &errors, &mut refusals) {
            return Err(errors);
        }
    }
    Err(refusals.into_errors())
}

/// Adds each error of the model to the refusals of the definition that holds it; false if one is held by
/// none (or by a definition already left out), so that leaving definitions out cannot help.
fn refuse_owners(selected: &[&Definition<'_>], errors: &Diagnostics, refusals: &mut Refusals) -> bool {
    let errors: Vec<&Diagnostic> = errors.iter().filter(|d| d.severity == Severity::Error).collect();
    let owners: Vec<Option<usize>> = errors.iter().map(|error| owner(selected, error.span)).collect();
    if owners
        .iter()
        .any(|o| o.is_none_or(|index| refusals.by_definition.contains_key(&index)))
    {
        return false;
    }
    for (error, index) in errors.into_iter().zip(owners) {
        refusals.add(index.expect("checked above"), error.clone());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use tl_parser::{ParseOptions, SourceFile};

    fn left_out(text: &str) -> (Vec<String>, Diagnostics) {
        let files = [SourceFile::new("t.tl", text)];
        let parsed = tl_parser::parse(&files, &ParseOptions::new());
        let definitions: Vec<&Definition<'_>> = parsed.schema.definitions.iter().collect();
        let errors: Diagnostics = {
            let mut errors = Diagnostics::default();
            parsed
                .diagnostics
                .iter()
                .filter(|d| is_degradable(d))
                .for_each(|d| errors.push(d.clone()));
            errors
        };
        let refusals = refusals(&definitions, &errors, Strictness::Degrade);
        let left = LeftOut::compute(&definitions, &refusals);
        let kept = left
            .kept(&definitions)
            .iter()
            .map(|d| d.name.full.to_string())
            .collect();
        (kept, left.warnings(&definitions, refusals))
    }

    #[test]
    fn what_needs_a_left_out_definition_goes_with_it_through_any_chain() {
        let (kept, warnings) = left_out(
            "a x:Nope = A;\nb y:A = B;\nc z:B = C;\nother = C;\nd w:C = D;\ne v:int = E;\n---functions---\nf q:B = E;",
        );
        // `c` needs `B` (gone with `a`), but `C` keeps `other`, so `d` stays.
        assert_eq!(kept, ["other", "d", "e"]);
        let warning = warnings.iter().next().expect("one warning");
        assert_eq!(warnings.len(), 1);
        assert!(
            warning.message.starts_with("`a` is left out: unknown type `Nope`"),
            "{}",
            warning.message
        );
        assert_eq!(warning.notes[0], "left out with it, as they need it: `b`, `c`, `f`");
    }

    #[test]
    fn an_answer_with_no_constructor_is_no_reason_to_leave_a_function_out() {
        let (kept, warnings) = left_out("a = A;\n---functions---\nf = Nope;");
        assert_eq!(kept, ["a", "f"]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn long_lists_are_counted() {
        let names: Vec<String> = (0..12).map(|i| format!("n{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(
            also_left_out(&refs),
            "left out with it, as they need it: `n0`, `n1`, `n2`, `n3`, `n4`, `n5`, `n6`, `n7`, and 4 more"
        );
    }
}
