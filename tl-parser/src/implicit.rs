//! Type variables a definition uses without declaring them (`{T:Type}` left out): TL-formal's implicit
//! parameters, declared here once the whole schema is read, since a name is a variable only where it is
//! no type of the schema.

use rustc_hash::FxHashSet;

use crate::ast::{Category, Definition, Schema, TypeExpr, TypeParam};
use crate::{builtin, syntax};

/// Declares the implicit type variables of every definition: a name its result applies that is no type
/// of the schema, used in its params (`response.ok value:T = Response T;`) or at a place of the result
/// where another constructor of the type has a type variable (`response.err code:int = Response T;`).
pub(crate) fn add_implicit_type_params(schema: &mut Schema<'_>) {
    // Most schemas apply no result type to a name (`= Vector t` only in built-ins).
    let applies_a_name = |d: &Definition<'_>| {
        !d.builtin && (d.result.args.iter()).any(|arg| arg.args.is_empty() && !arg.percent && !arg.is_nat_const())
    };
    if !schema.definitions.iter().any(applies_a_name) {
        return;
    }
    let mut known: FxHashSet<&str> = FxHashSet::default();
    for definition in schema.of_category(Category::Type) {
        known.insert(definition.result.name);
        known.insert(definition.name.full);
    }
    let is_known = |name: &str| builtin::is_builtin(name) || known.contains(name);
    syntax::add_implicit_type_params(&mut schema.definitions, &is_known);
    add_result_only_type_params(&mut schema.definitions, &is_known);
}

/// A constructor whose result applies an unknown name at a place where another constructor of the same
/// type has a type variable (`response.ok {T:Type} value:T = Response T; response.err code:int =
/// Response T;`): the name is a variable of this one too, which it does not use.
fn add_result_only_type_params(definitions: &mut [Definition<'_>], known: &dyn Fn(&str) -> bool) {
    let variable_places = type_variable_places(definitions);
    if variable_places.is_empty() {
        return;
    }
    for definition in definitions
        .iter_mut()
        .filter(|d| d.category == Category::Type && !d.builtin)
    {
        let result_name = definition.result.name;
        let added: Vec<TypeParam<'_>> = (definition.result.args.iter().enumerate())
            .filter(|(place, arg)| variable_places.contains(&(result_name, *place)) && is_free(definition, arg, known))
            .map(|(_, arg)| implicit_type_param(arg))
            .collect();
        definition.type_params.extend(added);
    }
}

/// The places of result types' arguments (type name, position) where some constructor has a type
/// variable of kind `Type`.
fn type_variable_places<'a>(definitions: &[Definition<'a>]) -> FxHashSet<(&'a str, usize)> {
    let mut places = FxHashSet::default();
    for definition in definitions.iter().filter(|d| d.category == Category::Type) {
        for (place, arg) in definition.result.args.iter().enumerate() {
            let is_variable = (definition.type_params.iter()).any(|p| p.name == arg.name && !p.kind.is_nat());
            if is_variable && arg.args.is_empty() {
                places.insert((definition.result.name, place));
            }
        }
    }
    places
}

/// Whether a result's argument is a name that nothing declares: no type, parameter or param.
fn is_free(definition: &Definition<'_>, arg: &TypeExpr<'_>, known: &dyn Fn(&str) -> bool) -> bool {
    let declared = definition.type_params.iter().any(|p| p.name == arg.name)
        || (definition.params.iter().filter_map(|p| p.as_field())).any(|f| f.name == Some(arg.name));
    arg.args.is_empty() && !arg.percent && !arg.is_nat_const() && !arg.is_nat_sum() && !declared && !known(arg.name)
}

/// The implicit `{X:Type}` of a name a result applies (not written, so not hashed).
pub(crate) fn implicit_type_param<'a>(arg: &TypeExpr<'a>) -> TypeParam<'a> {
    TypeParam {
        name: arg.name,
        kind: TypeExpr {
            name: "Type",
            percent: false,
            generic_query: false,
            args: Vec::new(),
            span: arg.span,
        },
        span: arg.span,
        implicit: true,
    }
}
