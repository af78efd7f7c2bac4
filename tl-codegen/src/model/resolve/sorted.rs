//! The definitions by what becomes of them.

use std::collections::BTreeMap;

use tl_parser::{Category, Definition, Param};

use super::elsewhere::Elsewhere;
use crate::model::Externs;

/// The definitions by what becomes of them: constructors and functions to generate (in source order),
/// declared arrays, what is generated elsewhere, and built-ins with no known encoding.
pub(super) struct Sorted<'d, 'a> {
    pub(super) constructors: Vec<&'d Definition<'a>>,
    pub(super) functions: Vec<&'d Definition<'a>>,
    pub(super) arrays: BTreeMap<&'a str, Option<usize>>,
    pub(super) elsewhere: Elsewhere<'d>,
    pub(super) unknown_builtins: std::collections::BTreeSet<&'a str>,
}

impl<'d, 'a> Sorted<'d, 'a> {
    pub(super) fn of(
        definitions: &[&'d Definition<'a>],
        externs: &'d Externs,
        layer_names: &crate::model::renames::Renames,
    ) -> Self {
        let mut sorted = Sorted {
            constructors: Vec::new(),
            functions: Vec::new(),
            arrays: BTreeMap::new(),
            elsewhere: Elsewhere::new(externs),
            unknown_builtins: std::collections::BTreeSet::new(),
        };
        let mut constructor_names = std::collections::BTreeSet::new();
        for definition in definitions {
            if definition.builtin && !tl_parser::builtin::is_builtin(definition.result.name) {
                sorted
                    .unknown_builtins
                    .extend([definition.name.full, definition.result.name]);
            }
            match definition.category {
                Category::Type if !is_runtime_builtin(definition) && sorted.elsewhere.takes_constructor(definition) => {
                }
                Category::Function if sorted.elsewhere.takes_function(definition) => {}
                Category::Type if is_runtime_builtin(definition) => {
                    if let Some(size) = declared_array(definition) {
                        sorted.arrays.insert(definition.name.full, size);
                        sorted.arrays.insert(definition.result.name, size);
                    }
                }
                // A constructor repeated word for word in a second file is taken once.
                Category::Type if !constructor_names.insert(layer_names.of_definition(definition)) => {}
                Category::Type => sorted.constructors.push(definition),
                Category::Function => sorted.functions.push(definition),
            }
        }
        sorted
    }
}

/// True for definitions the runtime provides: the built-in forms (`int ? = Int;`, `int128 4*[ int ] =
/// Int128;`, `object ? = Object;`), `vector`, `boolTrue`/`boolFalse`, `true`: those whose name or type
/// is a built-in. A constructor of the universal type with ordinary params (`gzip_packed packed_data:bytes
/// = Object;`) is one of its variants, not a built-in.
fn is_runtime_builtin(definition: &Definition<'_>) -> bool {
    let built_in_form = definition.builtin || declared_array(definition).is_some();
    if is_universal(definition.result.name) {
        return built_in_form;
    }
    // `true = True;` is an ordinary constructor (the boxed `True` a function may answer, the bare `true`
    // of zero bytes a field may hold); only `flags.N?true` is a built-in bit.
    let builtin_name = |name: &str| !matches!(name, "true" | "True") && tl_parser::builtin::is_builtin(name);
    built_in_form || builtin_name(definition.result.name) || builtin_name(definition.name.full)
}

/// The universal type, `Object` (its bare name `object` too): any boxed value of the schema.
pub(super) fn is_universal(name: &str) -> bool {
    matches!(name, "Object" | "object")
}

/// The TL name the universal type is generated under.
pub(super) const UNIVERSAL: &str = "Object";

/// The universal function type, `Function` (its bare name `function` too): any function, boxed.
pub(super) fn is_any_function(name: &str) -> bool {
    matches!(name, "Function" | "function")
}

/// The TL name the universal function type is generated under.
pub(super) const ANY_FUNCTION: &str = "Function";

/// `name N*[ t ] = Type;` declaring a fixed-size value of `N` plain fixed-size values (`int512 16*[ int
/// ] = Int512;`): `Some` of its size in bytes (`None` inside if that overflows `usize`), or `None` if the
/// definition is not of this form.
fn declared_array(definition: &Definition<'_>) -> Option<Option<usize>> {
    let [Param::Repeat(repeat)] = definition.params.as_slice() else {
        return None;
    };
    if repeat.name.is_some() {
        return None;
    }
    let [Param::Field(item)] = repeat.items.as_slice() else {
        return None;
    };
    let size = tl_parser::builtin::find(item.ty.name)?.get().codec.plain_size()?;
    let Some(tl_parser::Count::Const(count)) = repeat.count else {
        return None;
    };
    Some(usize::try_from(count).ok().and_then(|count| count.checked_mul(size)))
}
