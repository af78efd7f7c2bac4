//! Generic types: TL-formal's type parameters on constructors (`resultTrue {t:Type} value:t = Maybe t;`,
//! `pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;`). Each becomes a Rust generic: `enums::Maybe<T>`, its
//! constructors `types::ResultTrue<T>`, and `Maybe int` where it is used becomes `Maybe<i32>`.
//!
//! A type's parameters are positional, as its result type lists them; each constructor names them in its
//! own words (`Maybe t`, `Maybe X`), mapped here to the type's positions. A parameter no constructor's
//! fields use carries nothing on the wire and is no Rust parameter: where the type is applied, its
//! argument is dropped. A constructor's struct takes the parameters its own fields use.

use std::collections::BTreeMap;

use tl_parser::{Definition, Diagnostic, Param, TypeExpr};

use super::TypeRef;
use crate::ident;

/// The parameters of a generic type, as its constructors declare them.
pub(super) struct TypeGenerics {
    /// How many arguments the TL type takes.
    pub(super) arity: usize,
    /// The Rust name of each parameter (`T` for `t`), from the type's first constructor.
    pub(super) names: Vec<String>,
    /// Whether some constructor's fields use each parameter.
    pub(super) used: Vec<bool>,
}

impl TypeGenerics {
    /// The Rust names of the parameters used: the enum's generic parameters, in order.
    pub(super) fn rust_params(&self) -> Vec<String> {
        (self.names.iter().zip(&self.used))
            .filter(|(_, used)| **used)
            .map(|(name, _)| name.clone())
            .collect()
    }
}

/// How a generic constructor takes its type's parameters.
pub(super) struct ConstructorGenerics {
    /// For each of its own type parameters (kind `Type`, in the order written), the position in its
    /// result type: where the arguments of an application by the constructor's name (`(pair int long)`)
    /// go.
    pub(super) order: Vec<usize>,
    /// Whether its fields use each position of its type.
    pub(super) used: Vec<bool>,
    /// Its type variable at each position of its result type (`t` of `= Maybe t`).
    pub(super) vars: Vec<String>,
}

/// The form of a generic type or constructor where it is applied.
pub(super) struct Applicable<'g> {
    /// How many arguments it takes.
    pub(super) arity: usize,
    /// Where each argument goes among the type's positions (`None`: in order).
    pub(super) order: Option<&'g [usize]>,
    /// The positions whose argument is kept.
    pub(super) used: &'g [bool],
}

/// A type variable in scope and what it resolves to.
pub(super) type Scope<'a> = [(&'a str, TypeRef)];

/// A constructor's type variable at each position of its result type (`[t]` for `= Maybe t`), or why the
/// definition is not generated: an argument that is not one of its own type variables (`= Maybe int`),
/// a variable twice, or a type parameter the result does not name. Empty for a type without arguments.
pub(super) fn result_vars<'a>(definition: &Definition<'a>) -> Result<Vec<&'a str>, Box<Diagnostic>> {
    let is_type_param = |name: &str| (definition.type_params.iter()).any(|p| p.name == name && !p.kind.is_nat());
    let mut vars: Vec<&str> = Vec::new();
    for arg in &definition.result.args {
        let is_var = arg.args.is_empty() && !arg.percent && is_type_param(arg.name);
        if !is_var || vars.contains(&arg.name) {
            return Err(Box::new(
                Diagnostic::error(
                    arg.span,
                    format!(
                        "`{}`: a specialised result type is not generated yet",
                        definition.result
                    ),
                )
                .with_label("a generic constructor's result applies its type to distinct `{t:Type}` parameters"),
            ));
        }
        vars.push(arg.name);
    }
    let stray = (definition.type_params.iter()).find(|p| !p.kind.is_nat() && !vars.contains(&p.name));
    if let Some(param) = stray {
        return Err(Box::new(
            Diagnostic::error(
                param.span,
                format!("the type parameter `{}` is not in the result type", param.name),
            )
            .with_label(format!("`{}` does not say what `{}` is", definition.result, param.name)),
        ));
    }
    Ok(vars)
}

/// How the generic constructor `definition` takes its type's parameters, if it has any.
pub(super) fn constructor_generics(definition: &Definition<'_>) -> Option<ConstructorGenerics> {
    let vars = result_vars(definition).ok().filter(|vars| !vars.is_empty())?;
    let order = (definition.type_params.iter())
        .filter(|p| !p.kind.is_nat())
        .filter_map(|p| vars.iter().position(|var| *var == p.name))
        .collect();
    Some(ConstructorGenerics {
        order,
        used: vars.iter().map(|var| uses_var(definition, var)).collect(),
        vars: vars.iter().map(|var| var.to_string()).collect(),
    })
}

/// Whether a param of `definition` names the type variable `var`, at any depth.
fn uses_var(definition: &Definition<'_>, var: &str) -> bool {
    fn in_type(ty: &TypeExpr<'_>, var: &str) -> bool {
        ty.name == var || ty.args.iter().any(|arg| in_type(arg, var))
    }
    fn in_params(params: &[Param<'_>], var: &str) -> bool {
        params.iter().any(|param| match param {
            Param::Field(field) => in_type(&field.ty, var),
            Param::Repeat(repeat) => in_params(&repeat.items, var),
        })
    }
    in_params(&definition.params, var)
}

/// The generics of each generic type, from its constructors in order: the first with type variables
/// sets the arity and the Rust names, and a parameter is used if any constructor of that arity uses it.
pub(super) fn type_generics<'a>(
    constructors: &[(&'a str, Option<&ConstructorGenerics>)],
) -> BTreeMap<&'a str, TypeGenerics> {
    let mut types: BTreeMap<&str, TypeGenerics> = BTreeMap::new();
    for &(type_name, generics) in constructors {
        let Some(generics) = generics else { continue };
        let entry = types.entry(type_name).or_insert_with(|| TypeGenerics {
            arity: generics.vars.len(),
            names: rust_names(&generics.vars),
            used: vec![false; generics.vars.len()],
        });
        if entry.arity == generics.used.len() {
            for (used, uses) in entry.used.iter_mut().zip(&generics.used) {
                *used |= uses;
            }
        }
    }
    types
}

/// Rust names for type variables: `T` for `t`, `X` for `X`; `T1`, `T2`, ... where that would not be an
/// identifier, would repeat, or is `O` (the name encoders give their output).
fn rust_names(vars: &[String]) -> Vec<String> {
    let names: Vec<String> = vars.iter().map(|var| ident::type_name(var)).collect();
    let usable = |name: &String| {
        ident::is_identifier(name) && name != "O" && name != "Self" && names.iter().filter(|n| *n == name).count() == 1
    };
    if names.iter().all(usable) {
        names
    } else {
        (1..=vars.len()).map(|n| format!("T{n}")).collect()
    }
}

/// `base` applied to `args` (resolved, in the order written) as `applicable` takes them: the arguments
/// of the positions kept, in position order (`base` alone when none is kept).
pub(super) fn apply(
    ty: &TypeExpr<'_>,
    base: TypeRef,
    applicable: &Applicable<'_>,
    args: Vec<TypeRef>,
) -> Result<TypeRef, Box<Diagnostic>> {
    if args.len() != applicable.arity {
        let plural = if applicable.arity == 1 { "" } else { "s" };
        return Err(Box::new(
            Diagnostic::error(
                ty.span,
                format!("`{}` takes {} type argument{plural}", ty.name, applicable.arity),
            )
            .with_label(format!("given {}", args.len())),
        ));
    }
    let mut by_position: Vec<Option<TypeRef>> = vec![None; applicable.arity];
    for (written, arg) in args.into_iter().enumerate() {
        let position = applicable.order.map_or(written, |order| order[written]);
        by_position[position] = Some(arg);
    }
    let kept: Vec<TypeRef> = (by_position.into_iter().zip(applicable.used))
        .filter(|(_, used)| **used)
        .filter_map(|(arg, _)| arg)
        .collect();
    Ok(if kept.is_empty() {
        base
    } else {
        TypeRef::Apply(Box::new(base), kept)
    })
}

/// Refuses an argument that the Rust traits cannot carry: `bytes` and bare `vector`s are `Vec`s like a
/// boxed `Vector`, so a generic type could not tell them apart (`Maybe bytes`).
pub(super) fn check_argument(arg: &TypeRef, written: &TypeExpr<'_>) -> Result<(), Box<Diagnostic>> {
    fn codable(ty: &TypeRef) -> bool {
        match ty {
            TypeRef::BareVector(_) => false,
            TypeRef::Vector(element) => codable(element),
            TypeRef::Builtin(builtin) => builtin.get().codec != tl_parser::builtin::Codec::Bytes,
            _ => true,
        }
    }
    if codable(arg) {
        return Ok(());
    }
    Err(Box::new(
        Diagnostic::error(
            written.span,
            format!("`{written}` as a type argument is not generated yet"),
        )
        .with_label("`bytes` and bare vectors are Rust vectors, which a generic type cannot tell from a `Vector`"),
    ))
}

/// The type parameters `fields` use (the [`TypeRef::Param`]s in them), in the order of `params`.
pub(super) fn params_used<'t>(params: &[String], types: impl Iterator<Item = &'t TypeRef>) -> Vec<String> {
    let mut found = vec![false; params.len()];
    for ty in types {
        ty.visit(&mut |inner| {
            if let TypeRef::Param(name) = inner
                && let Some(at) = params.iter().position(|p| p == name)
            {
                found[at] = true;
            }
        });
    }
    (params.iter().zip(found))
        .filter(|(_, found)| *found)
        .map(|(name, _)| name.clone())
        .collect()
}
