//! Every name a type may be written with, and the resolution of a written type.

use std::collections::BTreeMap;

use tl_parser::docs::Docs;
use tl_parser::{Category, ClassDoc, Definition, Diagnostic, Diagnostics, Name, Param, TypeExpr};

use super::sorted::{ANY_FUNCTION, Sorted, UNIVERSAL, is_any_function, is_universal};
use crate::ident;
use crate::model::generics::{self, Applicable, Argument, ConstructorGenerics, Scope, TypeGenerics};
use crate::model::repeats::MAX_DECLARED_ARRAY;
use crate::model::shape::TypeShape;
use crate::model::{CountSource, CountSum, ExternType, Externs, Prose, TypeRef};

/// Whether any type in `definitions` names the universal type.
fn uses_universal(definitions: &[&Definition<'_>]) -> bool {
    uses_type(definitions, is_universal)
}

/// Whether any type in `definitions` (a param's, at any depth of repetitions, or a function's answer) is
/// one `is_it` picks.
fn uses_type(definitions: &[&Definition<'_>], is_it: fn(&str) -> bool) -> bool {
    fn names(ty: &TypeExpr<'_>, is_it: fn(&str) -> bool) -> bool {
        is_it(ty.name) || ty.args.iter().any(|arg| names(arg, is_it))
    }
    fn in_params(params: &[Param<'_>], is_it: fn(&str) -> bool) -> bool {
        params.iter().any(|param| match param {
            Param::Field(field) => names(&field.ty, is_it),
            Param::Repeat(repeat) => in_params(&repeat.items, is_it),
        })
    }
    definitions.iter().any(|definition| {
        let answer = definition.category == Category::Function && names(&definition.result, is_it);
        answer || in_params(&definition.params, is_it)
    })
}

/// The boxed types, sorted: those of the constructors, and the universal types that a definition uses
/// (`Function` where there is a function for it to hold).
fn boxed_type_names<'a>(
    definitions: &[&Definition<'a>],
    functions: &[&Definition<'a>],
    of_constructors: impl Iterator<Item = &'a str>,
) -> Vec<&'a str> {
    let mut type_names: Vec<&str> = of_constructors.collect();
    if uses_universal(definitions) {
        type_names.push(UNIVERSAL);
    }
    if uses_type(definitions, is_any_function) && functions.iter().any(|f| f.type_params.is_empty()) {
        type_names.push(ANY_FUNCTION);
    }
    // Equal names must be adjacent for `dedup`, also among names with one Rust spelling (`richText`, `RichText`).
    type_names.sort_by_key(|name| (sort_key(name), *name));
    type_names.dedup();
    type_names
}

/// `(module, type name)` of a TL name: the order of modules and items in the output.
fn sort_key(name: &str) -> (Option<String>, String) {
    let (namespace, _) = Name::split(name);
    (namespace.map(ident::module_name), ident::type_name(name))
}

/// The definitions sorted, and found by name.
pub(super) struct Index<'d, 'a> {
    pub(super) constructors: Vec<&'d Definition<'a>>,
    pub(super) functions: Vec<&'d Definition<'a>>,
    /// Fixed-size values the schema declares (`int512 16*[ int ] = Int512;`), by bare and boxed name: their
    /// size in bytes (`None` if it overflows).
    arrays: BTreeMap<&'a str, Option<usize>>,
    /// Types not generated here: those defined outside the schema and those generated in another crate.
    pub(super) extern_types: Vec<ExternType>,
    /// Their boxed TL names → index into `extern_types`.
    externs: BTreeMap<String, usize>,
    /// Constructors generated in another crate, by constructor name and (for a type of one constructor)
    /// by type name, for bare references → index into `extern_types`.
    extern_bare: BTreeMap<String, usize>,
    /// TL type name → index into the sorted type list.
    pub(super) type_index: BTreeMap<&'a str, usize>,
    /// Constructor TL name (with its layer, if superseded) → index into `constructors`.
    constructor_index: BTreeMap<String, usize>,
    /// TL type name → its constructors (indices into `constructors`), for bare references.
    type_constructors: BTreeMap<&'a str, Vec<usize>>,
    /// The names of definitions superseded in a later layer section, or defined again in another file.
    pub(super) layer_names: crate::model::renames::Renames,
    /// Functions whose answer cannot be generated → the opaque answer's index into `extern_types`.
    pub(super) opaque_answers: BTreeMap<&'a str, usize>,
    /// `bytes` as a type argument (`Maybe bytes`): index into `extern_types` of [`crate::model::BYTES_ARGUMENT`].
    bytes_argument: usize,
    /// A bare vector as a type argument: index of [`crate::model::BARE_VECTOR_ARGUMENT`].
    bare_vector_argument: usize,
    /// The answer of a function whose answer type has `#` parameters (`getTuple n:# = Tuple int n;`): index
    /// of [`crate::model::OPAQUE_ANSWER`], the function decoding it typed by `read_answer` with its own counts.
    pub(super) counted_answer: usize,
    /// Names the schema declares as built-ins (`bigBytes ? = BigBytes;`) with no encoding known here.
    unknown_builtins: std::collections::BTreeSet<&'a str>,
    /// The parameters of each generic type, by TL type name.
    type_generics: BTreeMap<&'a str, TypeGenerics>,
    /// How each constructor (index into `constructors`) takes its type's parameters, if generic.
    constructor_generics: Vec<Option<ConstructorGenerics>>,
}

/// `types` defined elsewhere, then the runtime's stand-ins at the indices `Index` records for them:
/// `bytes` and a bare `vector` as type arguments, and an answer read with its request's counts.
fn with_runtime_stand_ins(types: Vec<ExternType>) -> Vec<ExternType> {
    let stand_ins = [
        ("bytes", crate::model::BYTES_ARGUMENT),
        ("vector", crate::model::BARE_VECTOR_ARGUMENT),
        ("an answer read with its request's counts", crate::model::OPAQUE_ANSWER),
    ];
    let stand_ins = stand_ins.map(|(tl_name, rust_path)| ExternType {
        tl_name: tl_name.to_string(),
        rust_path: rust_path.to_string(),
    });
    types.into_iter().chain(stand_ins).collect()
}

impl<'d, 'a> Index<'d, 'a> {
    pub(super) fn new(definitions: &[&'d Definition<'a>], externs: &'d Externs, file_stems: &[String]) -> Self {
        let layer_names = crate::model::renames::Renames::of(definitions, file_stems);
        let Sorted {
            mut constructors,
            mut functions,
            arrays,
            elsewhere,
            unknown_builtins,
        } = Sorted::of(definitions, externs, &layer_names);
        constructors.sort_by_cached_key(|d| sort_key(&layer_names.of_definition(d)));
        functions.sort_by_cached_key(|d| sort_key(&layer_names.of_definition(d)));
        let type_of = |d: &Definition<'a>| {
            if is_universal(d.result.name) {
                UNIVERSAL
            } else {
                d.result.name
            }
        };
        let type_names = boxed_type_names(definitions, &functions, constructors.iter().map(|d| type_of(d)));
        let mut type_constructors: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for name in &type_names {
            type_constructors.insert(name, Vec::new());
        }
        for (index, constructor) in constructors.iter().enumerate() {
            type_constructors.entry(type_of(constructor)).or_default().push(index);
        }
        let constructor_generics: Vec<_> = constructors.iter().map(|d| generics::constructor_generics(d)).collect();
        let typed: Vec<_> = (constructors.iter().zip(&constructor_generics))
            .map(|(d, g)| (type_of(d), g.as_ref()))
            .collect();
        Index {
            type_generics: generics::type_generics(&typed),
            constructor_generics,
            arrays,
            externs: elsewhere.boxed,
            extern_bare: elsewhere.bare,
            bytes_argument: elsewhere.types.len(),
            bare_vector_argument: elsewhere.types.len() + 1,
            counted_answer: elsewhere.types.len() + 2,
            extern_types: with_runtime_stand_ins(elsewhere.types),
            type_index: type_names.iter().enumerate().map(|(i, name)| (*name, i)).collect(),
            constructor_index: (constructors.iter().enumerate())
                .map(|(i, d)| (layer_names.of_definition(d), i))
                .collect(),
            constructors,
            functions,
            type_constructors,
            opaque_answers: BTreeMap::new(),
            unknown_builtins,
            layer_names,
        }
    }

    /// Gives every function whose answer cannot be resolved (a type with no constructor, one the schema
    /// never defines) the opaque answer, [`crate::model::OPAQUE_ANSWER`]: the function is still generated. One
    /// warning each, with the reason.
    pub(super) fn make_opaque_answers(&mut self) -> Diagnostics {
        let mut warnings = Diagnostics::default();
        for function in &self.functions {
            // An answer of a type with `#` parameters resolves: the function reads it (`read_answer`).
            let Err(reason) = self.resolve(&function.result, &answer_scope(function)) else {
                continue;
            };
            let message = format!(
                "`{}` answers `{}`, which cannot be generated: its `RemoteCall::Return` is `tl_runtime::Opaque`, \
                 the answer's bytes",
                function.name.full, function.result
            );
            warnings.push(
                tl_parser::Diagnostic::warning(function.result.span, message)
                    .with_label(reason.message)
                    .with_hint(tl_parser::OptionHint::ExternType(function.result.name.to_string())),
            );
            self.extern_types.push(ExternType {
                tl_name: function.result.to_string(),
                rust_path: crate::model::OPAQUE_ANSWER.to_string(),
            });
            self.opaque_answers
                .insert(function.name.full, self.extern_types.len() - 1);
        }
        warnings
    }

    /// How the generic constructor `definition` takes its type's parameters (`None` if not generic).
    pub(super) fn generics_of(&self, definition: &Definition<'_>) -> Option<&ConstructorGenerics> {
        let index = self
            .constructor_index
            .get(&self.layer_names.of_definition(definition))?;
        self.constructor_generics[*index].as_ref()
    }

    /// Refuses a constructor whose result type is not applied to its own type variables, or to another
    /// number of them than the type's first constructor.
    pub(super) fn check_arity(&self, definition: &Definition<'_>) -> Result<(), Box<Diagnostic>> {
        let vars = generics::result_args(definition)?;
        let of_type = self.type_generics.get(definition.result.name);
        let arity = of_type.map_or(0, |g| g.arity);
        let same_kinds = match (of_type, self.generics_of(definition)) {
            (Some(of_type), Some(own)) => of_type.nats == own.nats,
            _ => true,
        };
        if vars.len() == arity && same_kinds {
            return Ok(());
        }
        if vars.len() == arity {
            return Err(Box::new(
                Diagnostic::error(
                    definition.result.span,
                    format!(
                        "`{}`: a `#` parameter where its first constructor has a type, or the reverse",
                        definition.result
                    ),
                )
                .with_label("the constructors of a type declare the kinds of its parameters alike"),
            ));
        }
        Err(Box::new(
            Diagnostic::error(
                definition.result.span,
                format!("`{}` takes {arity} type arguments", definition.result.name),
            )
            .with_label(format!("as its first constructor declares; here {}", vars.len())),
        ))
    }

    /// A generic constructor's variables: each type variable bound to its type's parameter at its
    /// position, each `{n:#}` to its place among the constructor's counts.
    pub(super) fn constructor_scope(&self, definition: &Definition<'a>) -> Scope<'a> {
        let (Some(generics), Some(of_type)) = (
            self.generics_of(definition),
            self.type_generics.get(definition.result.name),
        ) else {
            return Scope::default();
        };
        if of_type.arity != generics.vars.len() || of_type.nats != generics.nats {
            return Scope::default();
        }
        let mut scope = Scope::default();
        let args = generics::result_args(definition).unwrap_or_default();
        for ((arg, name), nat) in args.iter().zip(&of_type.names).zip(&of_type.nats) {
            match (arg.var(), nat) {
                // Its own `{n:#}`, numbered as the counts its decoder is given.
                (Some(var), true) => scope.counts.push((var, CountSource::Param(scope.counts.len()))),
                (Some(var), false) => scope.types.push((var, TypeRef::Param(name.clone()))),
                (None, _) => {}
            }
        }
        scope
    }

    pub(super) fn type_shapes(&self, class_docs: &[ClassDoc<'_>]) -> Vec<TypeShape> {
        let mut names: Vec<(&str, usize)> = self.type_index.iter().map(|(name, &i)| (*name, i)).collect();
        names.sort_by_key(|&(_, index)| index);
        names
            .into_iter()
            .map(|(name, _)| TypeShape {
                tl_name: name.to_string(),
                namespace: Name::split(name).0.map(String::from),
                rust_name: ident::type_name(name),
                constructors: self.type_constructors[name].clone(),
                generics: self
                    .type_generics
                    .get(name)
                    .map(TypeGenerics::rust_params)
                    .unwrap_or_default(),
                nat_params: self.type_generics.get(name).map_or(0, TypeGenerics::nat_count),
                universal: name == UNIVERSAL,
                any_function: name == ANY_FUNCTION,
                description: (class_docs.iter().rfind(|doc| doc.name == name))
                    .and_then(|doc| Docs::parse(&doc.lines).description)
                    .map(Prose::plain),
            })
            .collect()
    }

    /// Resolves a TL type used where the type variables of `scope` are bound.
    pub(super) fn resolve(&self, ty: &TypeExpr<'_>, scope: &Scope<'_>) -> Result<TypeRef, Box<Diagnostic>> {
        let bound = scope.types.iter().find(|(name, _)| *name == ty.name).map(|(_, to)| to);
        if let Some(bound) = bound.filter(|_| ty.args.is_empty()) {
            return Ok(bound.clone());
        }
        if ty.generic_query {
            return Ok(TypeRef::Generic(ty.name.to_string()));
        }
        match self.resolve_name(ty, scope)? {
            base @ (TypeRef::Enum(_) | TypeRef::Bare(_)) => self.apply(ty, base, scope),
            other => Ok(other),
        }
    }

    /// `base` (what `ty` names) applied to `ty`'s arguments, for a generic type or constructor; `base` for
    /// any other written without arguments.
    fn apply(&self, ty: &TypeExpr<'_>, base: TypeRef, scope: &Scope<'_>) -> Result<TypeRef, Box<Diagnostic>> {
        let by_type = self.type_generics.get(ty.name);
        let applicable = match (&base, by_type) {
            (TypeRef::Enum(_), Some(generics)) => Some(Applicable {
                arity: generics.arity,
                order: None,
                used: &generics.used,
                nats: &generics.nats,
            }),
            (TypeRef::Bare(c), _) => self.constructor_generics[*c].as_ref().map(|generics| Applicable {
                arity: generics.used.len(),
                // By the constructor's name, the arguments follow its own parameters; by `%Type`, the type's.
                order: by_type.is_none().then_some(generics.order.as_slice()),
                used: &generics.used,
                nats: &generics.nats,
            }),
            _ => None,
        };
        if let TypeRef::Bare(c) = base
            && self.constructor_generics[c]
                .as_ref()
                .is_some_and(ConstructorGenerics::has_count_patterns)
        {
            return Err(Box::new(
                Diagnostic::error(ty.span, format!("`{ty}`: a bare constructor for some counts only is not generated"))
                    .with_label("its result applies its type to a count pattern (`0`, `(n+1)`): apply the boxed type, which reads the constructor its counts allow"),
            ));
        }
        let Some(applicable) = applicable else {
            return match ty.args.first() {
                None => Ok(base),
                Some(arg) => Err(Box::new(
                    Diagnostic::error(arg.span, format!("`{}` takes no type arguments", ty.name))
                        .with_label("no constructor of it has type parameters"),
                )),
            };
        };
        let args = (ty.args.iter())
            .map(|arg| self.argument(arg, ty, scope))
            .collect::<Result<Vec<_>, _>>()?;
        generics::apply(ty, base, &applicable, args)
    }

    /// One argument of the application `ty`: a count (a number, or a `#` variable in scope), or a type.
    fn argument(&self, arg: &TypeExpr<'_>, ty: &TypeExpr<'_>, scope: &Scope<'_>) -> Result<Argument, Box<Diagnostic>> {
        if arg.is_nat_const() {
            let count = arg.name.parse::<u32>().map_err(|_| {
                Box::new(
                    Diagnostic::error(arg.span, "this count is too large")
                        .with_label(format!("in `{ty}`: a `#` is at most {}", u32::MAX)),
                )
            })?;
            return Ok(Argument::Count(CountSource::Const(count).into()));
        }
        if let Some(sum) = arg.nat_sum() {
            return counts_sum(arg, sum, scope).map(Argument::Count);
        }
        if let Some(source) = scope.count(arg.name).filter(|_| arg.args.is_empty() && !arg.percent) {
            return Ok(Argument::Count(source.into()));
        }
        if arg.is_nat() {
            return Err(Box::new(
                Diagnostic::error(arg.span, "`#` is not a type argument")
                    .with_label(format!("in `{ty}`: write a number or a `#` param's name")),
            ));
        }
        Ok(Argument::Type(self.argument_type(self.resolve(arg, scope)?)))
    }

    /// `ty` as a type argument: `bytes` and bare vectors, which are `Vec`s elsewhere, in types of their own
    /// (a `Vec` there would be read and written as a boxed `Vector`), at any depth of vectors.
    fn argument_type(&self, ty: TypeRef) -> TypeRef {
        match ty {
            TypeRef::Builtin(builtin) if builtin.get().codec == tl_parser::builtin::Codec::Bytes => {
                TypeRef::Extern(self.bytes_argument)
            }
            TypeRef::BareVector(element) => TypeRef::Apply(
                Box::new(TypeRef::Extern(self.bare_vector_argument)),
                vec![self.argument_type(*element)],
            ),
            TypeRef::Vector(element) => TypeRef::Vector(Box::new(self.argument_type(*element))),
            other => other,
        }
    }

    /// What the name of `ty` resolves to, its arguments aside (but a vector's element).
    fn resolve_name(&self, ty: &TypeExpr<'_>, scope: &Scope<'_>) -> Result<TypeRef, Box<Diagnostic>> {
        let element = || match ty.args.as_slice() {
            [arg] => self.resolve(arg, scope).map(Box::new),
            _ => Err(Box::new(
                Diagnostic::error(ty.span, format!("`{}` needs one type argument", ty.name))
                    .with_label("write `Vector<T>` or `vector<T>`"),
            )),
        };
        if let Some(builtin) = tl_parser::builtin::find(ty.name) {
            // `int512` is a raw value longer than Rust's own impls cover (`Default`, serde): an array as if
            // the schema had declared it (`int512 16*[ int ] = Int512;`), with what arrays get.
            return Ok(match builtin.get().codec {
                tl_parser::builtin::Codec::Raw(size) if size > crate::model::derives::MAX_DEFAULT_ARRAY => {
                    TypeRef::Array(size)
                }
                _ => TypeRef::Builtin(builtin),
            });
        }
        if let Some(&size) = self.arrays.get(ty.name) {
            return match size {
                Some(size) if size <= MAX_DECLARED_ARRAY => Ok(TypeRef::Array(size)),
                _ => Err(Box::new(
                    Diagnostic::error(ty.span, format!("`{}` is too large to generate", ty.name)).with_label(format!(
                        "its declaration (`N*[ t ]`) makes it more than {MAX_DECLARED_ARRAY} bytes, held inline"
                    )),
                )),
            };
        }
        if let Some(&index) = ty.percent.then(|| self.extern_bare.get(ty.name)).flatten() {
            return Ok(TypeRef::Extern(index));
        }
        if let Some(&index) = self.externs.get(ty.name) {
            return Ok(TypeRef::Extern(index));
        }
        match ty.name {
            "Vector" if ty.percent => return element().map(TypeRef::BareVector),
            "Vector" => return element().map(TypeRef::Vector),
            "vector" => return element().map(TypeRef::BareVector),
            name if is_universal(name) => return Ok(TypeRef::Enum(self.type_index[UNIVERSAL])),
            name if is_any_function(name) => {
                return match self.type_index.get(ANY_FUNCTION) {
                    Some(&index) => Ok(TypeRef::Enum(index)),
                    None => Err(Box::new(
                        Diagnostic::error(ty.span, "`Function` (any function) has no function to hold")
                            .with_label("the schema (or the roots' closure) defines no function that is not generic"),
                    )),
                };
            }
            _ => {}
        }
        self.resolve_defined(ty)
    }

    /// A type or constructor the schema defines (`%T` the bare form of a type of one constructor), or
    /// why there is none.
    fn resolve_defined(&self, ty: &TypeExpr<'_>) -> Result<TypeRef, Box<Diagnostic>> {
        if ty.percent {
            return match self.type_constructors.get(ty.name).map_or(&[][..], Vec::as_slice) {
                [only] => Ok(TypeRef::Bare(*only)),
                // `%` on a constructor's name (`%(dictionaryField t)`) says again that it is bare.
                [] if self.constructor_index.contains_key(ty.name) => {
                    Ok(TypeRef::Bare(self.constructor_index[ty.name]))
                }
                several => Err(Box::new(
                    Diagnostic::error(
                        ty.span,
                        format!("`%{}`: a bare type needs exactly one constructor", ty.name),
                    )
                    .with_label(format!("`{}` has {} constructors", ty.name, several.len())),
                )),
            };
        }
        match (self.type_index.get(ty.name), self.constructor_index.get(ty.name)) {
            (Some(&index), _) => Ok(TypeRef::Enum(index)),
            (None, Some(&index)) => Ok(TypeRef::Bare(index)),
            (None, None) if self.extern_bare.contains_key(ty.name) => Ok(TypeRef::Extern(self.extern_bare[ty.name])),
            (None, None) if self.unknown_builtins.contains(ty.name) => Err(Box::new(
                Diagnostic::error(ty.span, format!("`{}` is a built-in with no known encoding", ty.name))
                    .with_label("the schema declares it with `?`, and the generator knows no encoding of this name")
                    .with_hint(tl_parser::OptionHint::ExternType(ty.name.to_string())),
            )),
            (None, None) => Err(Box::new(
                Diagnostic::error(ty.span, format!("type `{}` has no constructor", ty.name))
                    .with_label("no constructor of the schema (or of the roots' closure) has this type"),
            )),
        }
    }
}

/// The Rust name of a type parameter in a constructor's scope.
pub(super) fn to_param_name(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Param(name) => name.clone(),
        _ => unreachable!("a constructor's scope binds type parameters"),
    }
}

/// The count TL-formal's sum `arg` (`n+1`) stands for: the `#` in scope it adds to (or none), plus the
/// numbers.
fn counts_sum(arg: &TypeExpr<'_>, sum: tl_parser::NatSum<'_>, scope: &Scope<'_>) -> Result<CountSum, Box<Diagnostic>> {
    let Some(var) = sum.var else {
        return Ok(CountSource::Const(sum.plus).into());
    };
    let source = scope.count(var).ok_or_else(|| {
        Box::new(
            Diagnostic::error(arg.span, format!("`{var}` of `{}` is no count here", arg.name))
                .with_label("a sum adds to a `#` field or `{n:#}` parameter written before it"),
        )
    })?;
    Ok(CountSum { source, plus: sum.plus })
}

/// A function's type variables, each a [`TypeRef::Generic`] by its TL name, and its natural-number
/// parameters, each bound to its place among them.
pub(super) fn function_scope<'a>(definition: &Definition<'a>) -> Scope<'a> {
    let (nats, types): (Vec<_>, Vec<_>) = definition.type_params.iter().partition(|p| p.kind.is_nat());
    Scope {
        types: (types.iter())
            .map(|p| (p.name, TypeRef::Generic(p.name.to_string())))
            .collect(),
        counts: (nats.iter().enumerate())
            .map(|(k, p)| (p.name, CountSource::Param(k)))
            .collect(),
    }
}

/// A function's type variables and its `#` params (each bound to its position among the params), where
/// its answer type is resolved.
fn answer_scope<'a>(definition: &Definition<'a>) -> Scope<'a> {
    let mut scope = function_scope(definition);
    for (position, param) in definition.params.iter().enumerate() {
        if let Some(name) = param.as_field().filter(|f| f.ty.is_nat()).and_then(|f| f.name) {
            scope.counts.push((name, CountSource::Field(position)));
        }
    }
    scope
}
