//! Generic types: TL-formal's type parameters on constructors (`resultTrue {t:Type} value:t = Maybe t;`,
//! `pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;`). Each becomes a Rust generic: `enums::Maybe<T>`, its
//! constructors `types::ResultTrue<T>`, and `Maybe int` where it is used becomes `Maybe<i32>`.
//!
//! A type's parameters are positional, as its result type lists them; each constructor names them in its
//! own words (`Maybe t`, `Maybe X`), mapped here to the type's positions. A parameter no constructor's
//! fields use carries nothing on the wire and is no Rust parameter: where the type is applied, its
//! argument is dropped. A constructor's struct takes the parameters its own fields use.
//!
//! A natural-number parameter (`{n:#}` in `tuple {t:Type} {n:#} [t] = Tuple t n;`) is a position too,
//! but no Rust parameter: where the type is applied (`(Tuple int 3)`, `(Tuple int n)`), its argument is a
//! count ([`super::CountSource`]) that the decoder is given ([`TypeRef::Counts`]).

use std::collections::BTreeMap;

use tl_parser::{Definition, Diagnostic, Param, TypeExpr};

use super::{CountPattern, CountSource, CountSum, TypeRef};
use crate::ident;

/// The parameters of a generic type, as its constructors declare them.
pub(super) struct TypeGenerics {
    /// How many arguments the TL type takes.
    pub(super) arity: usize,
    /// The Rust name of each parameter (`T` for `t`), from the type's first constructor.
    pub(super) names: Vec<String>,
    /// Whether some constructor's fields use each parameter.
    pub(super) used: Vec<bool>,
    /// Whether each parameter is a natural number (`{n:#}`), not a type.
    pub(super) nats: Vec<bool>,
}

impl TypeGenerics {
    /// How many natural-number parameters the type has.
    pub(super) fn nat_count(&self) -> usize {
        self.nats.iter().filter(|nat| **nat).count()
    }

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
    /// Whether each position is a natural number (`{n:#}`, or a count pattern).
    pub(super) nats: Vec<bool>,
    /// How it takes each of its type's counts (its `#` positions, in order).
    pub(super) counts: Vec<CountPattern>,
}

impl ConstructorGenerics {
    /// Its natural-number parameters, in the order of their positions (those a count pattern names
    /// too: `n` of `(n+1)`).
    pub(super) fn nat_params(&self) -> Vec<String> {
        let nat_vars = (self.vars.iter().zip(&self.nats)).filter(|(_, nat)| **nat);
        (nat_vars.zip(&self.counts))
            .filter(|(_, pattern)| pattern.param.is_some())
            .map(|((var, _), _)| var.clone())
            .collect()
    }

    /// Whether its result holds a count pattern (`= Tuple X 0`, `= Tuple X (n+1)`): its own counts are
    /// not its type's.
    pub(super) fn has_count_patterns(&self) -> bool {
        self.counts.iter().any(|pattern| !pattern.is_plain())
    }
}

/// The form of a generic type or constructor where it is applied.
pub(super) struct Applicable<'g> {
    /// How many arguments it takes.
    pub(super) arity: usize,
    /// Where each argument goes among the type's positions (`None`: in order).
    pub(super) order: Option<&'g [usize]>,
    /// The positions whose argument is kept.
    pub(super) used: &'g [bool],
    /// The positions that take a count (`{n:#}`), not a type.
    pub(super) nats: &'g [bool],
}

/// An argument of an application, as written: a type, or a count for a `{n:#}` parameter.
pub(super) enum Argument {
    /// A type argument, resolved.
    Type(TypeRef),
    /// A count: a number, a `#` field, or a `{n:#}` parameter in scope, maybe plus a number.
    Count(CountSum),
}

/// The variables in scope where a type is resolved: type variables and what they resolve to, and
/// natural-number variables (`{n:#}` parameters, `#` fields made so far) and where their value is.
#[derive(Debug, Default)]
pub(super) struct Scope<'a> {
    /// Type variables.
    pub(super) types: Vec<(&'a str, TypeRef)>,
    /// Natural-number variables.
    pub(super) counts: Vec<(&'a str, CountSource)>,
}

impl Scope<'_> {
    /// Where the natural-number variable `name` is, if it is in scope (the latest binding wins).
    pub(super) fn count(&self, name: &str) -> Option<CountSource> {
        (self.counts.iter().rev())
            .find(|(bound, _)| *bound == name)
            .map(|(_, source)| *source)
    }
}

/// One argument of a generic constructor's result type.
#[derive(Debug, Clone, Copy)]
pub(super) enum ResultArg<'a> {
    /// One of its parameters, of kind `Type` or `#`: `t` of `= Maybe t`.
    Var(&'a str),
    /// A count the constructor is for: a number (`= Tuple X 0`), or one of its `{n:#}` plus a number
    /// (`= Tuple X (n+1)`: counts of at least 1, `n` one less).
    Count(tl_parser::NatSum<'a>),
}

impl<'a> ResultArg<'a> {
    /// The constructor's parameter named here, if any.
    pub(super) fn var(&self) -> Option<&'a str> {
        match self {
            ResultArg::Var(var) => Some(var),
            ResultArg::Count(sum) => sum.var,
        }
    }
}

/// A constructor's result type, argument by argument (`[t]` for `= Maybe t`, `[t, n]` for `= Tuple t n`,
/// `[X, n+1]` for `= Tuple X (n+1)`), or why the definition is not generated: an argument that is
/// neither one of its own parameters nor a count pattern (`= Maybe int`), a variable twice, or a parameter
/// the result does not name. Empty for a type without arguments.
pub(super) fn result_args<'a>(definition: &Definition<'a>) -> Result<Vec<ResultArg<'a>>, Box<Diagnostic>> {
    let mut args: Vec<ResultArg<'a>> = Vec::new();
    for arg in &definition.result.args {
        let parsed = result_arg(definition, arg);
        let seen = |var: &str| args.iter().any(|a| a.var() == Some(var));
        match parsed {
            Some(parsed) if !parsed.var().is_some_and(seen) => args.push(parsed),
            _ => return Err(specialised(definition, arg)),
        }
    }
    let stray = (definition.type_params.iter()).find(|p| !args.iter().any(|a| a.var() == Some(p.name)));
    if let Some(param) = stray {
        return Err(Box::new(
            Diagnostic::error(
                param.span,
                format!("the type parameter `{}` is not in the result type", param.name),
            )
            .with_label(format!("`{}` does not say what `{}` is", definition.result, param.name)),
        ));
    }
    Ok(args)
}

/// `arg` of `definition`'s result as a [`ResultArg`], if it is one: a parameter, a number, or a sum
/// adding to a `{n:#}` parameter.
fn result_arg<'a>(definition: &Definition<'a>, arg: &TypeExpr<'a>) -> Option<ResultArg<'a>> {
    let is_param = |name: &str| definition.type_params.iter().any(|p| p.name == name);
    if arg.percent || !arg.args.is_empty() {
        return None;
    }
    if is_param(arg.name) {
        return Some(ResultArg::Var(arg.name));
    }
    if arg.is_nat_const() {
        let plus = arg.name.parse().ok()?;
        return Some(ResultArg::Count(tl_parser::NatSum { var: None, plus }));
    }
    let sum = arg.nat_sum()?;
    let adds_to_param = sum.var.is_none_or(|var| is_nat_param(definition, var));
    adds_to_param.then_some(ResultArg::Count(sum))
}

/// Why the result argument `arg` of `definition` is not generated.
fn specialised(definition: &Definition<'_>, arg: &TypeExpr<'_>) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::error(
            arg.span,
            format!("`{}`: a specialised result type is not generated yet", definition.result),
        )
        .with_label(
            "a generic constructor's result applies its type to distinct `{t:Type}` or `{n:#}` parameters, or counts (`0`, `(n+1)`)",
        ),
    )
}

/// Whether `var` is a natural-number parameter (`{n:#}`) of `definition`.
fn is_nat_param(definition: &Definition<'_>, var: &str) -> bool {
    (definition.type_params.iter()).any(|p| p.name == var && p.kind.is_nat())
}

/// How the generic constructor `definition` takes its type's parameters, if it has any.
pub(super) fn constructor_generics(definition: &Definition<'_>) -> Option<ConstructorGenerics> {
    let args = result_args(definition).ok().filter(|args| !args.is_empty())?;
    // A count pattern's position is a count's, named by its variable or as written (`0`).
    let vars: Vec<String> = (args.iter().zip(&definition.result.args))
        .map(|(arg, written)| arg.var().unwrap_or(written.name).to_string())
        .collect();
    let nats: Vec<bool> = (args.iter().zip(&vars))
        .map(|(arg, var)| matches!(arg, ResultArg::Count(_)) || is_nat_param(definition, var))
        .collect();
    let order = (definition.type_params.iter())
        .filter_map(|p| args.iter().position(|arg| arg.var() == Some(p.name)))
        .collect();
    Some(ConstructorGenerics {
        order,
        used: (vars.iter().zip(&nats))
            .map(|(var, nat)| !nat && uses_var(definition, var))
            .collect(),
        counts: count_patterns(&args, &nats),
        vars,
        nats,
    })
}

/// How a constructor takes each of its type's counts (the `#` positions of `args`, in order): its own
/// `{n:#}` parameters are those named there, numbered in that order.
fn count_patterns(args: &[ResultArg<'_>], nats: &[bool]) -> Vec<CountPattern> {
    let mut own = 0;
    let mut pattern = |arg: &ResultArg<'_>| {
        let (var, plus) = match arg {
            ResultArg::Var(var) => (Some(*var), 0),
            ResultArg::Count(sum) => (sum.var, sum.plus),
        };
        let param = var.map(|_| {
            own += 1;
            own - 1
        });
        CountPattern { param, plus }
    };
    (args.iter().zip(nats))
        .filter(|(_, nat)| **nat)
        .map(|(arg, _)| pattern(arg))
        .collect()
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
            names: rust_names(&generics.vars, &generics.nats),
            used: vec![false; generics.vars.len()],
            nats: generics.nats.clone(),
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
/// identifier, would repeat, or is `O` (the name encoders give their output). A count's position (`nats`)
/// is no Rust parameter: its name is kept as written and not weighed.
fn rust_names(vars: &[String], nats: &[bool]) -> Vec<String> {
    let names: Vec<String> = vars.iter().map(|var| ident::type_name(var)).collect();
    let types = || (names.iter().zip(nats)).filter(|(_, nat)| !**nat).map(|(name, _)| name);
    let usable = |name: &String| {
        ident::is_identifier(name) && name != "O" && name != "Self" && types().filter(|n| *n == name).count() == 1
    };
    if types().all(usable) {
        return names;
    }
    let mut next = 0;
    let numbered = |(var, nat): (&String, &bool)| match nat {
        true => var.clone(),
        false => {
            next += 1;
            format!("T{next}")
        }
    };
    vars.iter().zip(nats).map(numbered).collect()
}

/// `base` applied to `args` (resolved, in the order written) as `applicable` takes them: the type
/// arguments of the positions kept, in position order (`base` alone when none is kept), and the counts of
/// its `#` positions, in order, around it ([`TypeRef::Counts`]) when it has any.
pub(super) fn apply(
    ty: &TypeExpr<'_>,
    base: TypeRef,
    applicable: &Applicable<'_>,
    args: Vec<Argument>,
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
    let mut by_position: Vec<Option<Argument>> = (0..applicable.arity).map(|_| None).collect();
    for (written, arg) in args.into_iter().enumerate() {
        let position = applicable.order.map_or(written, |order| order[written]);
        let fits = matches!(arg, Argument::Count(_)) == applicable.nats[position];
        if !fits {
            let wanted = if applicable.nats[position] {
                "a number"
            } else {
                "a type"
            };
            return Err(Box::new(
                Diagnostic::error(
                    ty.span,
                    format!("`{}` takes {wanted} as argument {}", ty.name, written + 1),
                )
                .with_label("as its constructors declare it (`{t:Type}` or `{n:#}`)"),
            ));
        }
        by_position[position] = Some(arg);
    }
    let mut kept = Vec::new();
    let mut counts = Vec::new();
    for (arg, used) in by_position.into_iter().zip(applicable.used) {
        match arg {
            Some(Argument::Type(arg)) if *used => kept.push(arg),
            Some(Argument::Count(count)) => counts.push(count),
            _ => {}
        }
    }
    let applied = if kept.is_empty() {
        base
    } else {
        TypeRef::Apply(Box::new(base), kept)
    };
    Ok(if applicable.nats.contains(&true) {
        TypeRef::Counts(Box::new(applied), counts)
    } else {
        applied
    })
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
