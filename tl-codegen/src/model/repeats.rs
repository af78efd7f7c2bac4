//! Repetitions (`n*[ ... ]`, `[ ... ]`) in the forms the generator writes: a bare vector counted by the
//! `#` just before it, or a number of plain values held as bytes.

use tl_parser::{Definition, Param, TypeExpr};

/// What a repetition is generated as.
pub(super) enum RepeatForm<'d, 'a> {
    /// A bare `vector` of the one nameless item: the count is the `#` just before it.
    Vector(&'d TypeExpr<'a>),
    /// This many bytes: a number of plain fixed-size values.
    Bytes(usize),
}

/// The form of the repetition at `position` of `definition`'s params, if it is generated.
pub(super) fn repetition_form<'d, 'a>(definition: &'d Definition<'a>, position: usize) -> Option<RepeatForm<'d, 'a>> {
    let Param::Repeat(repeat) = &definition.params[position] else {
        return None;
    };
    let [Param::Field(item)] = repeat.items.as_slice() else {
        return None;
    };
    if item.name.is_some() || item.condition.is_some() {
        return None;
    }
    match repeat.count {
        Some(tl_parser::Count::Const(count)) => {
            let size = tl_parser::builtin::find(item.ty.name)?.get().codec.plain_size()?;
            usize::try_from(count).ok()?.checked_mul(size).map(RepeatForm::Bytes)
        }
        _ => position
            .checked_sub(1)
            .filter(|&count| is_vector_count(definition, count))
            .map(|_| RepeatForm::Vector(&item.ty)),
    }
}

/// Whether the param at `position` is a `#` that only counts the repetition right after it (named in
/// its count, or the count left out): `n:# items:n*[ t ]`, `# [ t ]`. That repetition is a bare vector,
/// whose length the count is, so the `#` is no field of its own.
pub(super) fn is_vector_count(definition: &Definition<'_>, position: usize) -> bool {
    let Some(Param::Field(count)) = definition.params.get(position) else {
        return false;
    };
    let Some(Param::Repeat(repeat)) = definition.params.get(position + 1) else {
        return false;
    };
    let counts_it = match (repeat.count, count.name) {
        (None, _) => true,
        (Some(tl_parser::Count::Var(var)), Some(name)) => var == name,
        _ => false,
    };
    let one_item =
        matches!(repeat.items.as_slice(), [Param::Field(item)] if item.name.is_none() && item.condition.is_none());
    let used_elsewhere = count.name.is_some_and(|name| {
        let in_counts = (definition.params.iter().enumerate()).any(|(p, param)| {
            p != position + 1 && matches!(param, Param::Repeat(r) if r.count == Some(tl_parser::Count::Var(name)))
        });
        let in_conditions = (definition.params.iter().filter_map(Param::as_field))
            .any(|f| f.condition.as_ref().is_some_and(|c| c.field == name));
        in_counts || in_conditions || definition.result.args.iter().any(|arg| arg.name == name)
    });
    count.ty.is_nat() && count.condition.is_none() && counts_it && one_item && !used_elsewhere
}
