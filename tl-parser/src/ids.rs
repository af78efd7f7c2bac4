//! Constructor ids: each definition's id (the written one, or its hash), written ids that differ from the
//! hash (a warning that explains the known causes, or an error in strict mode), and ids that two
//! definitions share.
//!
//! A written id is the wire truth: it is what a peer sends. It is accepted silently when it is the hash of
//! the definition under any [`HashRule`]; otherwise the check looks for the known reasons a schema keeps an
//! id that is not its hash.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::ParseOptions;
use crate::ast::{Category, Definition, Param, Schema};
use crate::diagnostic::{Diagnostic, Diagnostics, OptionHint, Severity};
use crate::id::{BytesAs, HashRule, IdHasher, NormalForm, TrueParams, write_normal_form};

/// A written id that is the hash of its definition under no rule.
pub(crate) struct IdMismatch {
    definition: usize,
    computed: u32,
}

/// Gives every definition its id (the written one if any, else its hash under the schema's rule, see
/// [`schema_rule`]) and returns the written ids that are the hash of their definition under no rule.
pub(crate) fn assign_ids(schema: &mut Schema<'_>) -> Vec<IdMismatch> {
    let mut hasher = IdHasher::new();
    let rule = schema_rule(schema, &mut hasher);
    schema.hash_rule = rule;
    let mut mismatches = Vec::new();
    for (index, definition) in schema.definitions.iter_mut().enumerate() {
        let form = NormalForm::of(definition, rule);
        let computed = hasher.compute(&form);
        let written = definition.explicit_id;
        let mismatch =
            written.is_some_and(|written| written != computed && !hashes(&mut hasher, form).contains(&written));
        definition.id = written.unwrap_or(computed);
        if mismatch {
            mismatches.push(IdMismatch {
                definition: index,
                computed,
            });
        }
    }
    mismatches
}

/// The rule the schema's written ids show: Telegram's if some written id is the hash under that rule and
/// not as written (api.tl), else as written (td_api.tl and lite_api.tl write almost no ids). Definitions
/// written without an id are hashed by it, like their neighbours: mtproto.tl's `tlsBlockString
/// data:bytes = TlsBlock;` is #4218a164 beside api.tl, TON's `liteServer.listBlockTransactions` keeps its
/// `?true` params.
fn schema_rule(schema: &Schema<'_>, hasher: &mut IdHasher) -> HashRule {
    let telegram = schema.definitions.iter().any(|definition| {
        definition.explicit_id.is_some_and(|written| {
            let form = NormalForm::of(definition, HashRule::TELEGRAM);
            form.rule_points() != (false, false)
                && written == hasher.compute(&form)
                && written != hasher.compute(&NormalForm::of(definition, HashRule::AS_WRITTEN))
        })
    });
    if telegram {
        HashRule::TELEGRAM
    } else {
        HashRule::AS_WRITTEN
    }
}

/// The hashes of `form` under every rule that changes it (one hash if it has no `bytes` or `?true`
/// param).
fn hashes(hasher: &mut IdHasher, form: NormalForm<'_, '_>) -> Vec<u32> {
    let (bytes, true_params) = form.rule_points();
    let bytes_choices: &[BytesAs] = if bytes {
        &[BytesAs::Written, BytesAs::String]
    } else {
        &[BytesAs::Written]
    };
    let true_choices: &[TrueParams] = if true_params {
        &[TrueParams::Dropped, TrueParams::Kept]
    } else {
        &[TrueParams::Dropped]
    };
    let mut out = Vec::with_capacity(4);
    for &bytes in bytes_choices {
        for &true_params in true_choices {
            out.push(hasher.compute(&NormalForm {
                rule: HashRule { bytes, true_params },
                ..form
            }));
        }
    }
    out
}

/// Why a schema keeps a written id that is not its hash.
enum Cause<'s> {
    /// The name carries a layer suffix that the id does not hash (`decryptedMessage46`): the name hashed.
    LayerSuffix(&'s str),
    /// The id was fixed before the last conditional fields were added.
    TrailingConditionals(usize),
    /// The definition describes the beginning of a generic function's encoding and takes its id.
    PrefixOf(&'s str),
    /// None of the above.
    Unknown,
}

/// Reports the id mismatches the options do not allow: warnings (errors in strict mode) that explain the
/// known causes. Definitions that use an unknown type are left out (`unresolved`): a misspelt type
/// changes the hash, and the unknown type is the error worth reading.
pub(crate) fn report_id_mismatches(
    schema: &Schema<'_>,
    mismatches: &[IdMismatch],
    unresolved: &FxHashSet<usize>,
    options: &ParseOptions,
    diagnostics: &mut Diagnostics,
) {
    let mut hasher = IdHasher::new();
    for mismatch in mismatches {
        let definition = &schema.definitions[mismatch.definition];
        let name = definition.name.full;
        let known = definition
            .explicit_id
            .is_some_and(|id| crate::is_mtproto_service_id(name, id));
        if unresolved.contains(&mismatch.definition) || options.allows_id_mismatch(name) || known {
            continue;
        }
        let cause = explain(schema, definition, &mut hasher);
        diagnostics.push(mismatch_diagnostic(definition, mismatch.computed, &cause, options));
    }
}

fn mismatch_diagnostic(
    definition: &Definition<'_>,
    computed: u32,
    cause: &Cause<'_>,
    options: &ParseOptions,
) -> Diagnostic {
    let name = definition.name.full;
    let severity = if options.strict_ids {
        Severity::Error
    } else {
        Severity::Warning
    };
    let note = match cause {
        Cause::LayerSuffix(base) => format!("the name carries a layer suffix: the written id is the hash of `{base}`"),
        Cause::TrailingConditionals(1) => {
            "the written id is the hash of the definition without its last conditional param, added after the id was fixed"
                .to_string()
        }
        Cause::TrailingConditionals(count) => format!(
            "the written id is the hash of the definition without its last {count} conditional params, added after the id was fixed"
        ),
        Cause::PrefixOf(function) => {
            format!("it describes the beginning of `{function}`'s encoding and is written with its id")
        }
        Cause::Unknown => "no known reason explains the difference".to_string(),
    };
    let hint = OptionHint::AllowIdMismatch(name.to_string());
    let written = definition.explicit_id.expect("a mismatch has a written id");
    Diagnostic::new(
        severity,
        definition.name.span,
        format!("the written id of `{name}` is not its hash"),
    )
    .with_label(format!(
        "written as #{written:08x}, but the definition hashes to #{computed:08x}"
    ))
    .with_note(format!("{note}; the written id is the one used on the wire"))
    .with_hint(hint)
}

/// The known cause of a mismatch, if any.
fn explain<'s>(schema: &'s Schema<'_>, definition: &'s Definition<'_>, hasher: &mut IdHasher) -> Cause<'s> {
    let written = definition.explicit_id.expect("a mismatch has a written id");
    let form = NormalForm::of(definition, HashRule::AS_WRITTEN);
    let hashes_to = |hasher: &mut IdHasher, form: NormalForm<'_, '_>| hashes(hasher, form).contains(&written);
    let base = definition.name.full.trim_end_matches(|c: char| c.is_ascii_digit());
    if base != definition.name.full && hashes_to(hasher, NormalForm { name: base, ..form }) {
        return Cause::LayerSuffix(base);
    }
    for (count, params) in trailing_conditionals_removed(&definition.params) {
        if hashes_to(hasher, NormalForm { params, ..form }) {
            return Cause::TrailingConditionals(count);
        }
    }
    if let Some(function) = prefixed_function(schema, definition) {
        return Cause::PrefixOf(function.name.full);
    }
    Cause::Unknown
}

/// The params without their last 1, 2, ... conditional params (`?true` bits count too, though the hash
/// skips them), with how many were dropped.
fn trailing_conditionals_removed<'p, 'a>(params: &'p [Param<'a>]) -> impl Iterator<Item = (usize, &'p [Param<'a>])> {
    let conditional = |param: &Param<'_>| matches!(param, Param::Field(field) if field.condition.is_some());
    let trailing = params.iter().rev().take_while(|param| conditional(param)).count();
    (1..=trailing).map(move |count| (count, &params[..params.len() - count]))
}

/// The generic function whose params begin with `definition`'s and that is written with its id (TDLib's
/// `invokeWithReCaptchaPrefix` and `invokeWithReCaptcha {X:Type} token:string query:!X = X`).
fn prefixed_function<'s, 'a>(schema: &'s Schema<'a>, definition: &Definition<'_>) -> Option<&'s Definition<'a>> {
    schema.definitions.iter().find(|other| {
        other.id == definition.id
            && other.name.full != definition.name.full
            && !other.type_params.is_empty()
            && other.params.len() > definition.params.len()
            && (other.params.iter().zip(&definition.params)).all(|(a, b)| a.to_string() == b.to_string())
    })
}

/// Two definitions with one name in one section, or two definitions with one id. A definition repeated
/// word for word in another file (the `vector` of both api.tl and mtproto.tl) is not a conflict. An id
/// shared by a constructor and a function, or by a generic function and the definition of its beginning,
/// is a warning: each section decodes its own ids. Two constructors (or two functions) that share an id
/// cannot both be decoded: an error.
pub(crate) fn check_duplicates(schema: &Schema<'_>, diagnostics: &mut Diagnostics) {
    let capacity = schema.definitions.len();
    let mut by_name = FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    let mut by_id: FxHashMap<(Category, u32), &Definition<'_>> =
        FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    let mut any_category: FxHashMap<u32, &Definition<'_>> =
        FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    for definition in &schema.definitions {
        // Layer sections (`===N===`) each define their layer's form of a name: not duplicates. Anonymous
        // constructors (`_`) are one per type.
        let name = match definition.name.full {
            "_" => definition.result.name,
            name => name,
        };
        let key = (definition.category, name, definition.section_layer);
        if let Some(first) = by_name.insert(key, definition) {
            if first.span.file != definition.span.file && !same_in_other_file(first, definition) {
                // Two files of one schema (mtproto.tl's `message` beside api.tl's): both are meant.
                diagnostics.push(
                    Diagnostic::warning(
                        definition.name.span,
                        format!("`{}` is defined in two files, differently", definition.name.full),
                    )
                    .with_label("defined again here, in another file")
                    .with_related(first.name.span, "first defined here")
                    .with_note("both are kept: a generator names the later one apart (tl-codegen: `name_<file>`)"),
                );
            } else if !same_in_other_file(first, definition) {
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
        let shared = by_id.insert((definition.category, definition.id), definition);
        let across = any_category
            .insert(definition.id, definition)
            .filter(|first| first.category != definition.category);
        if let Some(diagnostic) = shared_id(schema, definition, shared.or(across)) {
            diagnostics.push(diagnostic);
        }
    }
}

/// The diagnostic for `definition` sharing its id with `first`, if it does.
fn shared_id(schema: &Schema<'_>, definition: &Definition<'_>, first: Option<&Definition<'_>>) -> Option<Diagnostic> {
    let first = first?;
    let prefix = [(definition, first), (first, definition)]
        .into_iter()
        .find(|(part, _)| prefixed_function(schema, part).is_some());
    let (severity, reason) = match (prefix, first.category == definition.category) {
        (Some((part, whole)), _) => (
            Severity::Warning,
            format!(
                "`{}` describes the beginning of `{}`'s encoding",
                part.name.full, whole.name.full
            ),
        ),
        (None, false) => (
            Severity::Warning,
            "a constructor and a function: each is decoded where only its kind is expected".to_string(),
        ),
        (None, true) => (
            Severity::Error,
            "two definitions of one kind cannot be told apart on the wire".to_string(),
        ),
    };
    Some(
        Diagnostic::new(
            severity,
            definition.name.span,
            format!(
                "`{}` and `{}` share the id #{:08x}",
                first.name.full, definition.name.full, definition.id
            ),
        )
        .with_label(reason)
        .with_related(first.name.span, "first used here"),
    )
}

fn same_in_other_file(a: &Definition<'_>, b: &Definition<'_>) -> bool {
    let normal = |d: &Definition<'_>| {
        let mut text = String::new();
        write_normal_form(d, HashRule::AS_WRITTEN, &mut text);
        text
    };
    a.span.file != b.span.file && a.id == b.id && normal(a) == normal(b)
}
