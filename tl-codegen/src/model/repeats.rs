//! Repetitions (`n*[ ... ]`, `[ ... ]`) in the forms the generator writes: a bare vector counted by the
//! `#` just before it, a number of plain values held as bytes, or a vector whose count is another field
//! or a number. The element is the one item, or a tuple of several (TL-formal's anonymous combinator).

use tl_parser::{Count, Definition, Field, Param, Repeat};

/// The largest declared array generated, in bytes: it is a Rust array held inline (on the stack while
/// decoded), and real schemas declare 16 to 256 bytes (`int128` to 2048-bit keys).
pub(super) const MAX_DECLARED_ARRAY: usize = 4096;

/// What a repetition is generated as. The items are those of the repetition (see [`generated_items`]).
pub(super) enum RepeatForm<'d, 'a> {
    /// A bare `vector`: the count is the `#` just before it.
    Vector(&'d [Param<'a>]),
    /// This many bytes: a number of one plain fixed-size value.
    Bytes(usize),
    /// A `Vec`, its count not written before it: a number, or a `#` named in the count that is a field of
    /// its own (used by several repetitions, or not just before).
    Counted(&'d [Param<'a>], Count<'a>),
}

/// Why a repetition is not generated, as the label under it.
pub(super) const NOT_GENERATED: &str = "generated are repetitions of values (`n:# items:n*[ t ]`, `n*[ \
                                        id:int name:string ]`, `3*[ t ]`), a repetition inside one with a \
                                        count or just after its `#`";

/// Whether the items of a repetition have a form the generator writes: one value or more, a
/// repetition among them with a count (a number, or a `#` in scope where it is written: of the
/// definition, of an enclosing item, or of this item before it, a value of its tuple then) or just after
/// its `#` (a bare vector then: `rows:n*[ id:int m:# cells:m*[int] ]`), and itself of such items.
/// A value may have a condition on a `#` in scope.
pub(super) fn generated_items(items: &[Param<'_>]) -> bool {
    let generated = |(position, param): (usize, &Param<'_>)| match param {
        Param::Field(_) => true,
        Param::Repeat(inner) => {
            let counted_here = position
                .checked_sub(1)
                .is_some_and(|count| counts_next_item(items, count));
            // A repetition under a condition inside an item is not generated yet.
            let counted = counted_here || inner.count.is_some();
            counted && inner.condition.is_none() && generated_items(&inner.items)
        }
    };
    let values = items.len() - (0..items.len()).filter(|&p| counts_next_item(items, p)).count();
    values >= 1 && items.iter().enumerate().all(generated)
}

/// Whether the item at `position` is a `#` that only counts the repetition right after it in the same
/// item (`m:# m*[ t ]`, `# [ t ]`): together the two are one bare vector.
pub(super) fn counts_next_item(items: &[Param<'_>], position: usize) -> bool {
    let Some((count, _)) = count_then_repeat(items, position) else {
        return false;
    };
    // Used by another param, or inside the repetition it counts (`m:# inner:m*[ xs:m*[int] ]`).
    let used_elsewhere = count.name.is_some_and(|name| {
        (items.iter().enumerate()).any(|(p, param)| match param {
            Param::Repeat(counted) if p == position + 1 => used_in(&counted.items, name),
            other => used_in(std::slice::from_ref(other), name),
        })
    });
    !used_elsewhere
}

/// Whether `name` is used in `params` or in the items of their repetitions, at any depth: as a count, an
/// argument of a type, or the word a condition tests.
fn used_in(params: &[Param<'_>], name: &str) -> bool {
    params.iter().any(|param| match param {
        Param::Field(field) => {
            names_in_args(&field.ty, name) || field.condition.as_ref().is_some_and(|c| c.field == name)
        }
        Param::Repeat(repeat) => {
            repeat.count == Some(Count::Var(name))
                || repeat.condition.as_ref().is_some_and(|c| c.field == name)
                || used_in(&repeat.items, name)
        }
    })
}

/// The `#` param at `position` and the repetition right after it, when the `#` is what counts it (named in
/// its count, or the count left out) and has no condition.
fn count_then_repeat<'p, 'a>(params: &'p [Param<'a>], position: usize) -> Option<(&'p Field<'a>, &'p Repeat<'a>)> {
    let (Some(Param::Field(count)), Some(Param::Repeat(repeat))) = (params.get(position), params.get(position + 1))
    else {
        return None;
    };
    let counts_it = match (repeat.count, count.name) {
        (None, _) => true,
        (Some(Count::Var(var)), Some(name)) => var == name,
        _ => false,
    };
    // Under a condition the repetition may be absent where its count is not: the count is a field then.
    let unconditional = count.condition.is_none() && repeat.condition.is_none();
    (count.ty.is_nat() && unconditional && counts_it).then_some((count, repeat))
}

/// The form of the repetition at `position` of `definition`'s params, if it is generated.
pub(super) fn repetition_form<'d, 'a>(definition: &'d Definition<'a>, position: usize) -> Option<RepeatForm<'d, 'a>> {
    let Param::Repeat(repeat) = &definition.params[position] else {
        return None;
    };
    let items = repeat.items.as_slice();
    if !generated_items(items) {
        return None;
    }
    let after_its_count = position
        .checked_sub(1)
        .is_some_and(|count| is_vector_count(definition, count));
    match repeat.count {
        Some(Count::Const(count)) => match plain_bytes(items, count) {
            Some(size) if size <= MAX_DECLARED_ARRAY => Some(RepeatForm::Bytes(size)),
            _ => Some(RepeatForm::Counted(items, Count::Const(count))),
        },
        _ if after_its_count => Some(RepeatForm::Vector(items)),
        Some(count) => Some(RepeatForm::Counted(items, count)),
        None => implicit_count(definition, position).map(|name| RepeatForm::Counted(items, Count::Var(name))),
    }
}

/// The count of a repetition written without one (`[ t ]`): the last `#` before it, a named field or
/// else a `{n:#}` parameter (`tuple {t:Type} {n:#} [t] = Tuple t n;`).
pub(super) fn implicit_count<'a>(definition: &Definition<'a>, position: usize) -> Option<&'a str> {
    let last_field = definition.params[..position]
        .iter()
        .rev()
        .find_map(|param| match param {
            Param::Field(field) if field.ty.is_nat() && field.condition.is_none() => Some(field.name),
            _ => None,
        });
    match last_field {
        Some(name) => name,
        None => (definition.type_params.iter().rev())
            .find(|p| p.kind.is_nat())
            .map(|p| p.name),
    }
}

/// The size in bytes of `count` times the one plain fixed-size value of `items`, if that is what they are.
fn plain_bytes(items: &[Param<'_>], count: u32) -> Option<usize> {
    let [Param::Field(item)] = items else { return None };
    if item.condition.is_some() {
        return None;
    }
    let size = tl_parser::builtin::find(item.ty.name)?.get().codec.plain_size()?;
    usize::try_from(count).ok()?.checked_mul(size)
}

/// Whether the param at `position` is a `#` that only counts the repetition right after it (named in
/// its count, or the count left out): `n:# items:n*[ t ]`, `# [ t ]`. That repetition is a bare vector,
/// whose length the count is, so the `#` is no field of its own.
pub(super) fn is_vector_count(definition: &Definition<'_>, position: usize) -> bool {
    let Some((count, repeat)) = count_then_repeat(&definition.params, position) else {
        return false;
    };
    let used_elsewhere = count.name.is_some_and(|name| {
        let counts = |p: usize, repeat: &tl_parser::Repeat<'_>| match repeat.count {
            Some(count) => count == Count::Var(name),
            None => implicit_count(definition, p) == Some(name),
        };
        let in_counts = (definition.params.iter().enumerate())
            .any(|(p, param)| p != position + 1 && matches!(param, Param::Repeat(r) if counts(p, r)));
        let in_types = (definition.params.iter().filter_map(Param::as_field)).any(|f| names_in_args(&f.ty, name));
        let in_conditions = (definition.params.iter().filter_map(Param::as_field))
            .any(|f| f.condition.as_ref().is_some_and(|c| c.field == name));
        let in_items = (definition.params.iter()).any(|p| matches!(p, Param::Repeat(r) if used_in(&r.items, name)));
        in_counts || in_conditions || in_types || in_items || definition.result.args.iter().any(|arg| arg.name == name)
    });
    generated_items(&repeat.items) && !used_elsewhere
}

/// The names the definition uses as counts: arguments of a type applied in its params or its result
/// (`header:(ns.header fields_mask)`, `= Tuple int n`), and counts of its repetitions (`n*[ ... ]`), at
/// any depth. A flags word among them is a value of its own, which its fields must agree with.
pub(super) fn names_used_as_counts<'a>(definition: &Definition<'a>) -> Vec<&'a str> {
    fn of_type<'a>(ty: &tl_parser::TypeExpr<'a>, names: &mut Vec<&'a str>) {
        for arg in &ty.args {
            if arg.args.is_empty() {
                names.push(arg.name);
            }
            of_type(arg, names);
        }
    }
    fn of_params<'a>(params: &[Param<'a>], names: &mut Vec<&'a str>) {
        for param in params {
            match param {
                Param::Field(field) => of_type(&field.ty, names),
                Param::Repeat(repeat) => {
                    if let Some(Count::Var(name)) = repeat.count {
                        names.push(name);
                    }
                    of_params(&repeat.items, names);
                }
            }
        }
    }
    let mut names = Vec::new();
    of_params(&definition.params, &mut names);
    of_type(&definition.result, &mut names);
    names
}

/// Whether `name` is an argument of a type application inside `ty` (`(Tuple int n)` names `n`).
fn names_in_args(ty: &tl_parser::TypeExpr<'_>, name: &str) -> bool {
    ty.args.iter().any(|arg| arg.name == name || names_in_args(arg, name))
}

/// The flags words of the definition that conditions inside the repetitions of `params` name (at any
/// depth): those are fields of their own, which the items' values are read under. A word that is a `#`
/// of the item or of one enclosing it (`items:n*[ m:# a:m.0?int ]`) is not the definition's.
pub(super) fn flags_inside_repetitions<'a>(params: &[Param<'a>]) -> Vec<&'a str> {
    fn inside<'a>(items: &[Param<'a>], bound: &mut Vec<&'a str>, found: &mut Vec<&'a str>) {
        let enclosing = bound.len();
        for param in items {
            match param {
                Param::Field(field) => {
                    let word = field.condition.as_ref().map(|c| c.field);
                    found.extend(word.filter(|word| !bound.contains(word)));
                    if field.ty.is_nat() && field.condition.is_none() {
                        bound.extend(field.name);
                    }
                }
                Param::Repeat(repeat) => inside(&repeat.items, bound, found),
            }
        }
        bound.truncate(enclosing);
    }
    let mut found = Vec::new();
    for param in params {
        if let Param::Repeat(repeat) = param {
            inside(&repeat.items, &mut Vec::new(), &mut found);
        }
    }
    found
}
