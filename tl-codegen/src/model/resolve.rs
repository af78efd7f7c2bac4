//! Stage 1 of the model: definitions sorted and indexed, every type resolved, and each constructor and
//! function made into an item shape (fields, groups, derived bits, wire plan).

use std::collections::BTreeMap;

use tl_parser::docs::Docs;
use tl_parser::{Category, ClassDoc, Definition, Diagnostic, Diagnostics, Name, Param, TypeExpr};

use super::derives::{Derives, ItemTraits};
use super::generics::{self, Applicable, Argument, ConstructorGenerics, Scope, TypeGenerics};
use super::plan::{self, WireValue};
use super::repeats::{
    NOT_GENERATED, RepeatForm, counts_next_item, flags_inside_repetitions, is_vector_count, repetition_form,
};
use super::{
    Condition, CountPattern, CountSource, CountSum, DerivedBit, ExternType, Externs, Field, FieldKind, Group, Item,
    ItemCondition, ItemValue, Member, Model, ModelInput, TypeRef, path_matches,
};
use crate::ident;

/// A type resolved, or why it is not generated.
type TypeOrWhy = Result<TypeRef, Box<Diagnostic>>;

/// Everything resolved: the items without what the analysis adds, and the boxed types with their
/// constructors.
pub(super) struct Resolved {
    /// Constructors, sorted by namespace and Rust name.
    pub(super) constructors: Vec<Shape>,
    /// Functions, sorted the same way.
    pub(super) functions: Vec<Shape>,
    /// Boxed types, sorted the same way, each with its constructors (indices into `constructors`).
    pub(super) types: Vec<TypeShape>,
    /// Types defined outside the schema.
    pub(super) externs: Vec<ExternType>,
}

/// An [`Item`] before the analysis: everything but its minimum size and whether it recurses bare.
pub(super) struct Shape {
    pub(super) tl_name: String,
    pub(super) namespace: Option<String>,
    pub(super) rust_name: String,
    pub(super) id: u32,
    pub(super) definition: String,
    pub(super) description: Option<String>,
    pub(super) span: tl_parser::Span,
    pub(super) fields: Vec<Field>,
    pub(super) groups: Vec<Group>,
    pub(super) derived: Vec<DerivedBit>,
    pub(super) flags_fields: Vec<String>,
    pub(super) flags_given: Vec<Option<CountSource>>,
    pub(super) plan: Vec<plan::Step>,
    pub(super) generics: Vec<String>,
    pub(super) result: TypeRef,
    pub(super) nat_params: Vec<String>,
    pub(super) count_patterns: Vec<CountPattern>,
    pub(super) counted_answer: Option<TypeRef>,
}

/// A boxed type before the analysis.
pub(super) struct TypeShape {
    pub(super) tl_name: String,
    pub(super) namespace: Option<String>,
    pub(super) rust_name: String,
    /// Indices into `Resolved::constructors`, in constructor order.
    pub(super) constructors: Vec<usize>,
    /// The universal type: its values are also those of every other type.
    pub(super) universal: bool,
    /// The universal function type: its values are those of every (non-generic) function.
    pub(super) any_function: bool,
    /// What the `//@class` comment says.
    pub(super) description: Option<String>,
    /// For a generic type, the Rust names of the parameters its constructors use.
    pub(super) generics: Vec<String>,
    /// How many natural-number parameters it has.
    pub(super) nat_params: usize,
}

/// What the name checks and the analysis add.
pub(super) struct Facts {
    /// Per type: its minimum size and whether it recurses.
    pub(super) types: Vec<(usize, bool)>,
    /// Per type, per constructor (in `TypeShape::constructors` order).
    pub(super) variants: Vec<Vec<VariantFacts>>,
    /// Per constructor.
    pub(super) constructors: Vec<ItemFacts>,
    /// Per function.
    pub(super) functions: Vec<ItemFacts>,
    /// Per type: for the universal type, the variant holding each other type (else `None`).
    pub(super) universal: Vec<Option<Vec<super::UniversalMember>>>,
}

/// What the analysis settles about one variant (see [`super::Variant`]).
pub(super) struct VariantFacts {
    pub(super) rust_name: String,
    pub(super) boxed: bool,
    pub(super) recurses: bool,
}

/// What the analysis settles about one constructor or function (see [`super::Item`]).
pub(super) struct ItemFacts {
    pub(super) min_bare_size: usize,
    pub(super) recursive_bare: bool,
    pub(super) nests: bool,
}

impl Shape {
    fn into_item(self, facts: ItemFacts, traits: ItemTraits) -> Item {
        let p = self;
        Item {
            tl_name: p.tl_name,
            namespace: p.namespace,
            rust_name: p.rust_name,
            id: p.id,
            definition: p.definition,
            description: p.description,
            span: p.span,
            fields: p.fields,
            groups: p.groups,
            derived: p.derived,
            flags_fields: p.flags_fields,
            flags_given: p.flags_given,
            plan: p.plan,
            generics: p.generics,
            result: p.result,
            nat_params: p.nat_params,
            count_patterns: p.count_patterns,
            counted_answer: p.counted_answer,
            min_bare_size: facts.min_bare_size,
            recursive_bare: facts.recursive_bare,
            nests: facts.nests,
            default: traits.default,
            without_default: traits.without_default,
            eq_hash: traits.eq_hash,
            borrows: traits.borrows,
        }
    }
}

impl Resolved {
    /// The model, with the analysis' facts.
    pub(super) fn into_model(
        self,
        layer: Option<u32>,
        facts: Facts,
        derives: Derives,
        functions: Vec<Option<Vec<super::FunctionMember>>>,
    ) -> Model {
        let types = (self
            .types
            .into_iter()
            .zip(facts.types)
            .zip(facts.variants)
            .zip(facts.universal)
            .zip(derives.types)
            .zip(functions))
        .map(
            |(((((shape, (min_size, recursive)), variants), universal), traits), functions)| super::BoxedType {
                tl_name: shape.tl_name,
                namespace: shape.namespace,
                rust_name: shape.rust_name,
                description: shape.description,
                generics: shape.generics,
                nat_params: shape.nat_params,
                variants: (shape.constructors.iter().zip(variants))
                    .map(|(&constructor, facts)| super::Variant {
                        constructor,
                        rust_name: facts.rust_name,
                        boxed: facts.boxed,
                        recurses: facts.recurses,
                    })
                    .collect(),
                // Any function may hold another `Function` at some depth: its decoder always counts.
                recursive: recursive || shape.any_function,
                min_size,
                universal,
                functions,
                default_variant: traits.default_variant,
                eq_hash: traits.eq_hash,
                borrows: traits.borrows,
            },
        )
        .collect();
        let constructors = (self
            .constructors
            .into_iter()
            .zip(facts.constructors)
            .zip(derives.constructors))
        .map(|((shape, facts), derives)| shape.into_item(facts, derives))
        .collect();
        let functions = (self.functions.into_iter().zip(facts.functions).zip(derives.functions))
            .map(|((shape, facts), derives)| shape.into_item(facts, derives))
            .collect();
        Model {
            layer,
            constructors,
            functions,
            types,
            externs: self.externs,
        }
    }
}

/// Resolves `definitions` (stage 1), with the warnings of answers made opaque. Any problem stops the
/// model here, with every problem of this stage.
pub(super) fn resolve(input: &ModelInput<'_, '_>) -> Result<(Resolved, Diagnostics), Diagnostics> {
    let mut index = Index::new(input.definitions, input.externs, input.file_stems);
    let warnings = match input.strictness {
        crate::Strictness::Degrade => index.make_opaque_answers(),
        crate::Strictness::Strict => Diagnostics::default(),
    };
    let mut diagnostics = Diagnostics::default();
    for definition in index.constructors.iter().chain(&index.functions) {
        check_identifiers(definition, &index.layer_names, &mut diagnostics);
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut shape = |definition: &Definition<'_>| match ItemBuilder::new(&index, definition).build() {
        Ok(shape) => Some(shape),
        Err(errors) => {
            errors.into_iter().for_each(|error| diagnostics.push(error));
            None
        }
    };
    let constructors: Vec<Option<Shape>> = index.constructors.iter().map(|d| shape(d)).collect();
    let functions: Vec<Option<Shape>> = index.functions.iter().map(|d| shape(d)).collect();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut constructors: Vec<Shape> = constructors.into_iter().map(|s| s.expect("no errors")).collect();
    super::heap::box_optional_cycles(&mut constructors);
    let resolved = Resolved {
        externs: index.extern_types.clone(),
        types: index.type_shapes(input.class_docs),
        constructors,
        functions: functions.into_iter().map(|s| s.expect("no errors")).collect(),
    };
    Ok((resolved, warnings))
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
fn is_universal(name: &str) -> bool {
    matches!(name, "Object" | "object")
}

/// The TL name the universal type is generated under.
const UNIVERSAL: &str = "Object";

/// The universal function type, `Function` (its bare name `function` too): any function, boxed.
fn is_any_function(name: &str) -> bool {
    matches!(name, "Function" | "function")
}

/// The TL name the universal function type is generated under.
const ANY_FUNCTION: &str = "Function";

/// The largest declared array generated, in bytes: it is a Rust array held inline (on the stack while
/// decoded), and real schemas declare 16 to 256 bytes (`int128` to 2048-bit keys).
pub(super) const MAX_DECLARED_ARRAY: usize = 4096;

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
struct Index<'d, 'a> {
    constructors: Vec<&'d Definition<'a>>,
    functions: Vec<&'d Definition<'a>>,
    /// Fixed-size values the schema declares (`int512 16*[ int ] = Int512;`), by bare and boxed name: their
    /// size in bytes (`None` if it overflows).
    arrays: BTreeMap<&'a str, Option<usize>>,
    /// Types not generated here: those defined outside the schema and those generated in another crate.
    extern_types: Vec<ExternType>,
    /// Their boxed TL names → index into `extern_types`.
    externs: BTreeMap<String, usize>,
    /// Constructors generated in another crate, by constructor name and (for a type of one constructor)
    /// by type name, for bare references → index into `extern_types`.
    extern_bare: BTreeMap<String, usize>,
    /// TL type name → index into the sorted type list.
    type_index: BTreeMap<&'a str, usize>,
    /// Constructor TL name (with its layer, if superseded) → index into `constructors`.
    constructor_index: BTreeMap<String, usize>,
    /// TL type name → its constructors (indices into `constructors`), for bare references.
    type_constructors: BTreeMap<&'a str, Vec<usize>>,
    /// The names of definitions superseded in a later layer section, or defined again in another file.
    layer_names: super::renames::Renames,
    /// Functions whose answer cannot be generated → the opaque answer's index into `extern_types`.
    opaque_answers: BTreeMap<&'a str, usize>,
    /// `bytes` as a type argument (`Maybe bytes`): index into `extern_types` of [`super::BYTES_ARGUMENT`].
    bytes_argument: usize,
    /// A bare vector as a type argument: index of [`super::BARE_VECTOR_ARGUMENT`].
    bare_vector_argument: usize,
    /// The answer of a function whose answer type has `#` parameters (`getTuple n:# = Tuple int n;`): index
    /// of [`super::OPAQUE_ANSWER`], the function decoding it typed by `read_answer` with its own counts.
    counted_answer: usize,
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
        ("bytes", super::BYTES_ARGUMENT),
        ("vector", super::BARE_VECTOR_ARGUMENT),
        ("an answer read with its request's counts", super::OPAQUE_ANSWER),
    ];
    let stand_ins = stand_ins.map(|(tl_name, rust_path)| ExternType {
        tl_name: tl_name.to_string(),
        rust_path: rust_path.to_string(),
    });
    types.into_iter().chain(stand_ins).collect()
}

impl<'d, 'a> Index<'d, 'a> {
    fn new(definitions: &[&'d Definition<'a>], externs: &'d Externs, file_stems: &[String]) -> Self {
        let layer_names = super::renames::Renames::of(definitions, file_stems);
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
    /// never defines) the opaque answer, [`super::OPAQUE_ANSWER`]: the function is still generated. One
    /// warning each, with the reason.
    fn make_opaque_answers(&mut self) -> Diagnostics {
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
                rust_path: super::OPAQUE_ANSWER.to_string(),
            });
            self.opaque_answers
                .insert(function.name.full, self.extern_types.len() - 1);
        }
        warnings
    }

    /// How the generic constructor `definition` takes its type's parameters (`None` if not generic).
    fn generics_of(&self, definition: &Definition<'_>) -> Option<&ConstructorGenerics> {
        let index = self
            .constructor_index
            .get(&self.layer_names.of_definition(definition))?;
        self.constructor_generics[*index].as_ref()
    }

    /// Refuses a constructor whose result type is not applied to its own type variables, or to another
    /// number of them than the type's first constructor.
    fn check_arity(&self, definition: &Definition<'_>) -> Result<(), Box<Diagnostic>> {
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
    fn constructor_scope(&self, definition: &Definition<'a>) -> Scope<'a> {
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

    fn type_shapes(&self, class_docs: &[ClassDoc<'_>]) -> Vec<TypeShape> {
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
                    .and_then(|doc| Docs::parse(&doc.lines).description),
            })
            .collect()
    }

    /// Resolves a TL type used where the type variables of `scope` are bound.
    fn resolve(&self, ty: &TypeExpr<'_>, scope: &Scope<'_>) -> Result<TypeRef, Box<Diagnostic>> {
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
                tl_parser::builtin::Codec::Raw(size) if size > super::derives::MAX_DEFAULT_ARRAY => {
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

/// The definitions by what becomes of them: constructors and functions to generate (in source order),
/// declared arrays, what is generated elsewhere, and built-ins with no known encoding.
struct Sorted<'d, 'a> {
    constructors: Vec<&'d Definition<'a>>,
    functions: Vec<&'d Definition<'a>>,
    arrays: BTreeMap<&'a str, Option<usize>>,
    elsewhere: Elsewhere<'d>,
    unknown_builtins: std::collections::BTreeSet<&'a str>,
}

impl<'d, 'a> Sorted<'d, 'a> {
    fn of(definitions: &[&'d Definition<'a>], externs: &'d Externs, layer_names: &super::renames::Renames) -> Self {
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

/// What is not generated here, gathered while the definitions are sorted: the user's extern types, then
/// the types and constructors of the schema that an extern path matches.
struct Elsewhere<'d> {
    paths: &'d [super::ExternPath],
    types: Vec<ExternType>,
    boxed: BTreeMap<String, usize>,
    bare: BTreeMap<String, usize>,
    /// Per boxed type generated elsewhere: its constructors' indices into `types`.
    constructors_of: BTreeMap<String, Vec<usize>>,
}

impl<'d> Elsewhere<'d> {
    fn new(externs: &'d Externs) -> Self {
        let types = externs.types.clone();
        let boxed = types.iter().enumerate().map(|(i, e)| (e.tl_name.clone(), i)).collect();
        Elsewhere {
            paths: &externs.paths,
            types,
            boxed,
            bare: BTreeMap::new(),
            constructors_of: BTreeMap::new(),
        }
    }

    /// The root of the other crate that generates TL name `name`, if an extern path matches it.
    fn root(&self, name: &str) -> Option<&'d str> {
        let paths = self.paths;
        paths
            .iter()
            .find(|p| path_matches(&p.path, name))
            .map(|p| p.root.as_str())
    }

    /// True (and recorded) if `definition`'s boxed type is generated in another crate.
    fn takes_constructor(&mut self, definition: &Definition<'_>) -> bool {
        let type_name = definition.result.name;
        let Some(root) = self.root(type_name) else {
            return false;
        };
        if !self.boxed.contains_key(type_name) {
            let (namespace, _) = Name::split(type_name);
            let path = ident::item_path("enums", namespace, &ident::type_name(type_name));
            let index = self.push(type_name, format!("{root}::{path}"));
            self.boxed.insert(type_name.to_string(), index);
        }
        let name = definition.name.full;
        let path = ident::item_path("types", definition.name.namespace(), &ident::type_name(name));
        let index = self.push(name, format!("{root}::{path}"));
        self.bare.insert(name.to_string(), index);
        let constructors = self.constructors_of.entry(type_name.to_string()).or_default();
        constructors.push(index);
        // `%Type` names the only constructor of a type.
        match constructors.as_slice() {
            [only] => self.bare.insert(type_name.to_string(), *only),
            _ => self.bare.remove(type_name),
        };
        true
    }

    /// True if `definition` (a function) is generated in another crate.
    fn takes_function(&self, definition: &Definition<'_>) -> bool {
        self.root(definition.name.full).is_some()
    }

    fn push(&mut self, tl_name: &str, rust_path: String) -> usize {
        self.types.push(ExternType {
            tl_name: tl_name.to_string(),
            rust_path,
        });
        self.types.len() - 1
    }
}

/// Refuses TL names that leave no Rust identifier after case conversion (`_1`, a field `_`): every later
/// step turns names into identifiers. A definition generated under another name (TL-formal's anonymous
/// constructor `_`) is checked by that name.
fn check_identifiers(definition: &Definition<'_>, renames: &super::renames::Renames, diagnostics: &mut Diagnostics) {
    let name = definition.name;
    let generated_name = renames.of_definition(definition);
    let mut names = vec![
        (ident::type_name(&generated_name), name.full, name.span),
        (
            ident::type_name(definition.result.name),
            definition.result.name,
            definition.result.span,
        ),
    ];
    if let Some(namespace) = name.namespace() {
        names.push((ident::module_name(namespace), namespace, name.span));
    }
    for field in definition.params.iter().filter_map(Param::as_field) {
        // A nameless param's field is `value` or `valueN`: always an identifier.
        if let Some(param) = field.name {
            names.push((ident::field_name(param), param, field.span));
        }
    }
    for (rust, tl, span) in names.into_iter().filter(|(rust, _, _)| !ident::is_identifier(rust)) {
        diagnostics.push(
            Diagnostic::error(
                span,
                format!("`{tl}` becomes `{rust}` in Rust, which is not an identifier"),
            )
            .with_label(format!("in `{}`", name.full)),
        );
    }
}

/// One item, param by param in TL order.
struct ItemBuilder<'i, 'd, 'a> {
    index: &'i Index<'d, 'a>,
    definition: &'d Definition<'a>,
    /// The variables in scope: a function's type variables, or a generic constructor's (its type's
    /// parameters, `#` ones too); and the `#` fields made so far.
    scope: Scope<'a>,
    flags_fields: Vec<String>,
    flags_given: Vec<Option<CountSource>>,
    /// The flags words that items of repetitions are read under: fields of their own, not computed.
    field_flags: Vec<&'a str>,
    /// The params on each flag bit.
    by_bit: BTreeMap<Condition, Vec<&'d tl_parser::Field<'a>>>,
    /// The field (or group) created for each bit.
    bit_field: BTreeMap<Condition, usize>,
    fields: Vec<Field>,
    groups: Vec<Group>,
    /// `?true` params sharing a bit with a value: resolved once every field exists.
    derived_bits: Vec<(&'d tl_parser::Field<'a>, Condition)>,
    wire: Vec<WireValue>,
    errors: Vec<Diagnostic>,
    /// The definition's doc comment.
    docs: Docs,
    /// The names of the nameless params (see [`nameless_names`]), found once.
    nameless: Vec<(&'d tl_parser::Field<'a>, String)>,
    /// How many of them have become fields.
    nameless_seen: usize,
}

impl<'i, 'd, 'a> ItemBuilder<'i, 'd, 'a> {
    fn new(index: &'i Index<'d, 'a>, definition: &'d Definition<'a>) -> Self {
        let fields = || definition.params.iter().filter_map(Param::as_field);
        // A `#` param is a flags word when a condition names it; any other (`count:#`) is a value. A
        // `{n:#}` parameter a condition names is a flags word given where the type is applied.
        // Words that items of a repetition are read under, and words tested whole (`n?`: not zero), are
        // fields of their own, written as they are.
        let mut inside = flags_inside_repetitions(&definition.params);
        inside.extend(fields().filter_map(|f| f.condition.as_ref().filter(|c| c.bit.is_none()).map(|c| c.field)));
        let mut conditions: Vec<&str> = fields().filter_map(|f| f.condition.as_ref().map(|c| c.field)).collect();
        conditions.extend(&inside);
        conditions.extend(repeat_conditions(definition).map(|c| c.field));
        let scope = match definition.category {
            Category::Function => function_scope(definition),
            Category::Type => index.constructor_scope(definition),
        };
        let on_wire = (fields().filter(|f| f.is_flags()))
            .filter_map(|f| f.name)
            .filter(|name| conditions.contains(name))
            .map(|name| (name, None));
        let given = (scope.counts.iter())
            .filter(|(name, _)| conditions.contains(name))
            .map(|(name, source)| (*name, Some(*source)));
        let (flags_fields, flags_given): (Vec<String>, Vec<Option<CountSource>>) = on_wire
            .chain(given)
            .map(|(name, source)| (name.to_string(), source))
            .unzip();
        let mut builder = ItemBuilder {
            index,
            definition,
            scope,
            flags_fields,
            flags_given,
            field_flags: inside,
            by_bit: BTreeMap::new(),
            bit_field: BTreeMap::new(),
            fields: Vec::new(),
            groups: Vec::new(),
            derived_bits: Vec::new(),
            wire: Vec::new(),
            errors: Vec::new(),
            docs: Docs::parse(&definition.docs),
            nameless: nameless_names(definition),
            nameless_seen: 0,
        };
        for field in fields() {
            if let Some(condition) = builder.condition(field) {
                builder.by_bit.entry(condition).or_default().push(field);
            }
        }
        builder
    }

    /// The flags word and bit of a conditional field: `None` for a field without a condition, and for a
    /// condition on a `{n:#}` parameter that is no flags word here, which [`Self::param`] refuses (the
    /// parser checked every other condition).
    fn condition(&self, field: &tl_parser::Field<'_>) -> Option<Condition> {
        let c = field.condition.as_ref()?;
        Some(Condition {
            flags: self.flags_fields.iter().position(|name| name == c.field)?,
            bit: c.bit,
        })
    }

    fn build(mut self) -> Result<Shape, Vec<Diagnostic>> {
        let definition = self.definition;
        if definition.category == Category::Type {
            self.index.check_arity(definition).map_err(|error| vec![*error])?;
        } else {
            check_function_variables(definition).map_err(|error| vec![*error])?;
        }
        for (position, param) in definition.params.iter().enumerate() {
            match param {
                Param::Field(_) if is_vector_count(definition, position) => {}
                Param::Field(field) => self.param(field),
                Param::Repeat(repeat) => self.repeat(repeat, position),
            }
        }
        // After the params: a function's answer may name its `#` params (`= Tuple int n`).
        let result = self.result_type().map_err(|error| self.errors.push(*error)).ok();
        let derived = self.derived();
        let generics = self.generics();
        let counted_answer = self.counted_answer();
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let kinds: Vec<FieldKind> = self.fields.iter().map(|f| f.kind.clone()).collect();
        let tl_name = self.index.layer_names.of_definition(definition);
        let superseded = self.index.layer_names.why(definition);
        Ok(Shape {
            rust_name: ident::type_name(&tl_name),
            tl_name,
            namespace: definition.name.namespace().map(String::from),
            id: definition.id,
            definition: definition.to_string(),
            description: superseded
                .into_iter()
                .chain(self.docs.description.clone())
                .reduce(|a, b| format!("{a} {b}")),
            span: definition.name.span,
            plan: plan::plan(&self.wire, &kinds, &self.groups),
            fields: self.fields,
            groups: self.groups,
            derived,
            flags_fields: self.flags_fields,
            flags_given: self.flags_given,
            generics,
            result: result.expect("no errors"),
            counted_answer,
            nat_params: match definition.category {
                Category::Type => (self.index.generics_of(definition))
                    .map(ConstructorGenerics::nat_params)
                    .unwrap_or_default(),
                Category::Function => function_nat_params(definition),
            },
            count_patterns: (self.index.generics_of(definition))
                .map(|generics| generics.counts.clone())
                .unwrap_or_default(),
        })
    }

    /// What the item is: a constructor's enum, or a function's answer (the opaque one where the answer
    /// cannot be generated). An answer of a type with `#` parameters is refused here in strict mode (by
    /// default it was made opaque): it is read without the counts it needs.
    fn result_type(&self) -> Result<TypeRef, Box<Diagnostic>> {
        let definition = self.definition;
        if definition.category == Category::Type {
            let ty = match is_universal(definition.result.name) {
                true => UNIVERSAL,
                false => definition.result.name,
            };
            return Ok(TypeRef::Enum(self.index.type_index[ty]));
        }
        if let Some(&opaque) = self.index.opaque_answers.get(definition.name.full) {
            return Ok(TypeRef::Extern(opaque));
        }
        match self.index.resolve(&definition.result, &self.scope)? {
            // `RemoteCall::Return` is read without counts: the answer's bytes, read typed by `read_answer`.
            answer if holds_counts(&answer) => Ok(TypeRef::Extern(self.index.counted_answer)),
            answer => Ok(answer),
        }
    }

    /// A function's answer type when it holds a type with `#` parameters (`getTuple n:# = Tuple int n;`,
    /// `= Maybe (Tuple int 3)`), their counts the function's own fields or numbers: what its `read_answer`
    /// reads.
    fn counted_answer(&self) -> Option<TypeRef> {
        let definition = self.definition;
        let is_function = definition.category == Category::Function;
        let answer = is_function.then(|| self.index.resolve(&definition.result, &self.scope).ok());
        answer.flatten().filter(holds_counts)
    }

    /// The struct's type parameters: a function's, as written; a generic constructor's, those its fields
    /// use, which must be those its TL params name (an error otherwise: a parameter used only in an
    /// argument that another generic type drops).
    fn generics(&mut self) -> Vec<String> {
        let definition = self.definition;
        if definition.category == Category::Function {
            let types = definition.type_params.iter().filter(|p| !p.kind.is_nat());
            return types.map(|p| p.name.to_string()).collect();
        }
        let Some(index) = self.index.generics_of(definition) else {
            return Vec::new();
        };
        let params: Vec<String> = self.scope.types.iter().map(|(_, to)| to_param_name(to)).collect();
        // The type positions (a `#` position binds a count, not a type).
        let type_used = (index.used.iter().zip(&index.nats))
            .filter(|(_, nat)| !**nat)
            .map(|(used, _)| used);
        let named: Vec<String> = (params.iter().zip(type_used))
            .filter(|(_, used)| **used)
            .map(|(name, _)| name.clone())
            .collect();
        let types = self.fields.iter().flat_map(|field| match &field.kind {
            FieldKind::Required(ty) | FieldKind::Optional(ty) => vec![ty],
            _ => Vec::new(),
        });
        let members = self.groups.iter().flat_map(|group| group.members.iter().map(|m| &m.ty));
        let used = generics::params_used(&params, types.chain(members));
        if used != named {
            self.errors.push(
                Diagnostic::error(definition.name.span, "a type parameter used only where it is dropped")
                    .with_label("it is an argument of a generic type that no constructor of that type uses"),
            );
        }
        for group in &mut self.groups {
            group.generics = generics::params_used(&used, group.members.iter().map(|m| &m.ty));
        }
        used
    }

    /// One param: a flags field, a required value, or a conditional bit or value.
    fn param(&mut self, field: &'d tl_parser::Field<'a>) {
        let flags = field
            .name
            .and_then(|name| self.flags_fields.iter().position(|f| f == name));
        if let Some(index) = flags.filter(|_| field.is_flags()) {
            if field.name.is_some_and(|name| self.field_flags.contains(&name)) {
                // Items of a repetition are read under it: a value of its own, which they must agree with.
                self.flags_given[index] = Some(CountSource::Field(self.fields.len()));
                let nat = TypeRef::Builtin(tl_parser::builtin::find("#").expect("`#` is a built-in"));
                return self.push_value(field, FieldKind::Required(nat), None);
            }
            self.wire.push(WireValue::Flags(index));
            return;
        }
        match self.condition(field) {
            None if field.condition.is_some() => {
                let condition = field.condition.as_ref().expect("a condition");
                let error = Diagnostic::error(condition.span, format!("`{}` is no flags word here", condition.field));
                let conditional_word = (self.definition.params.iter().filter_map(Param::as_field))
                    .any(|f| f.name == Some(condition.field) && f.ty.is_nat() && f.condition.is_some());
                self.errors.push(match conditional_word {
                    true => error.with_label(format!(
                        "a flags word under a condition of its own (`{}:w.N?#`) is not generated yet",
                        condition.field
                    )),
                    false => error
                        .with_label("a `{n:#}` parameter is a flags word where the result names it as its type's does"),
                });
            }
            None => {
                if let Some(ty) = self.resolve(field) {
                    self.push_value(field, FieldKind::Required(ty), None);
                }
            }
            Some(condition) if field.is_flag_bit() => self.flag_bit(field, condition),
            Some(condition) => self.conditional_value(field, condition),
        }
    }

    fn resolve(&mut self, field: &tl_parser::Field<'_>) -> Option<TypeRef> {
        let resolved = self.index.resolve(&field.ty, &self.scope);
        resolved.map_err(|error| self.errors.push(*error)).ok()
    }

    /// A repetition: a bare vector when its count is the `#` just before it (a field of its own no
    /// more), an array of bytes when its count is a number and its item a plain fixed-size value, a
    /// vector of that many when its count is another `#` field or a number; any other form is not
    /// generated yet.
    fn repeat(&mut self, repeat: &'d tl_parser::Repeat<'a>, position: usize) {
        let definition = self.definition;
        let ty = match repetition_form(definition, position) {
            Some(RepeatForm::Vector(items)) => self
                .element(items, repeat.span, &self.scope, 0)
                .map(|t| TypeRef::BareVector(Box::new(t))),
            Some(RepeatForm::Bytes(size)) => Ok(TypeRef::Array(size)),
            Some(RepeatForm::Counted(items, count)) => self.counted(items, count, repeat.span, &self.scope, 0),
            None => Err(Box::new(
                Diagnostic::error(repeat.span, "this repetition is not generated yet").with_label(NOT_GENERATED),
            )),
        };
        let count_name = (position.checked_sub(1).and_then(|p| definition.params[p].as_field()))
            .filter(|_| is_vector_count(definition, position - 1))
            .and_then(|count| count.name);
        let (ty, condition) = match ty.and_then(|ty| self.repeat_condition(repeat).map(|c| (ty, c))) {
            Ok(found) => found,
            Err(error) => return self.errors.push(*error),
        };
        let kind = match condition {
            Some(condition) => {
                self.bit_field.insert(condition, self.fields.len());
                FieldKind::Optional(ty)
            }
            None => FieldKind::Required(ty),
        };
        // A repetition named neither itself nor by its count is the nameless `value`.
        let name = repeat.name.or(count_name).unwrap_or("value");
        let index = self.fields.len();
        self.wire.push(WireValue::Value {
            field: index,
            member: None,
        });
        self.fields.push(Field {
            rust_name: ident::field_name(name),
            tl_name: name.to_string(),
            tl_param: definition.params[position].to_string(),
            span: repeat.span,
            kind,
            condition,
            description: self.docs.param(name).map(String::from),
        });
    }

    /// The condition of a repetition written under one (`c:n.2?3*[int]`): an `Option` of it, alone on
    /// its bit (a repetition sharing its bit with other params is not generated yet).
    fn repeat_condition(&self, repeat: &tl_parser::Repeat<'_>) -> Result<Option<Condition>, Box<Diagnostic>> {
        let Some(written) = &repeat.condition else {
            return Ok(None);
        };
        let flags = self.flags_fields.iter().position(|name| name == written.field);
        let Some(condition) = flags.map(|flags| Condition {
            flags,
            bit: written.bit,
        }) else {
            let why = format!("`{}` is no flags word here", written.field);
            return Err(Box::new(Diagnostic::error(written.span, why).with_label(NOT_GENERATED)));
        };
        let shared = self.by_bit.contains_key(&condition)
            || repeat_conditions(self.definition)
                .filter(|c| c.field == written.field && c.bit == written.bit)
                .count()
                > 1;
        if shared {
            let why = "a repetition that shares its condition with other params is not generated yet";
            return Err(Box::new(Diagnostic::error(written.span, why).with_label(NOT_GENERATED)));
        }
        Ok(Some(condition))
    }

    /// The element of a repetition: its one item's type, or a tuple of its items' types (at `depth`: how
    /// many tuples enclose it). A repetition among them is a vector of its own count: a number, a `#`
    /// field of the definition, or a `#` value of this item or of one enclosing it, read before it.
    fn element(&self, items: &[Param<'a>], span: tl_parser::Span, outer: &Scope<'a>, depth: usize) -> TypeOrWhy {
        let mut scope = Scope {
            types: outer.types.clone(),
            counts: outer.counts.clone(),
        };
        let values = (0..items.len()).filter(|&p| !counts_next_item(items, p)).count();
        let inner_depth = depth + usize::from(values > 1);
        let mut types = Vec::new();
        for (position, param) in items.iter().enumerate() {
            // `m:# m*[ t ]` inside the item: one bare vector, its length the count.
            if counts_next_item(items, position) {
                continue;
            }
            let after_its_count = position
                .checked_sub(1)
                .is_some_and(|count| counts_next_item(items, count));
            let ty = match param {
                Param::Repeat(inner) if after_its_count => self
                    .element(&inner.items, inner.span, &scope, inner_depth)
                    .map(|t| TypeRef::BareVector(Box::new(t)))?,
                Param::Repeat(inner) => {
                    let count = inner.count.expect("generated_items: an inner repetition has a count");
                    self.counted(&inner.items, count, inner.span, &scope, inner_depth)?
                }
                Param::Field(field) if field.condition.is_some() => self.flagged_item(field, &scope)?,
                Param::Field(field) => self.index.resolve(&field.ty, &scope)?,
            };
            if let Param::Field(field) = param
                && let Some(name) = field.name.filter(|_| field.ty.is_nat() && field.condition.is_none())
            {
                let value = ItemValue {
                    depth,
                    value: types.len(),
                };
                scope.counts.push((name, CountSource::Item(value)));
            }
            types.push(ty);
        }
        debug_assert!(!types.is_empty(), "{span:?}: generated_items: at least one item");
        Ok(match types.len() {
            1 => types.remove(0),
            _ => TypeRef::Tuple(types),
        })
    }

    /// A value of a repetition's item read under a condition: an `Option` (a `bool` for `?true`). The
    /// word is a `#` of the item or of one enclosing it, read before it, or else a flags word of the
    /// definition.
    fn flagged_item(&self, field: &tl_parser::Field<'_>, scope: &Scope<'_>) -> TypeOrWhy {
        let c = field.condition.as_ref().expect("a condition");
        let condition = match scope.count(c.field) {
            Some(CountSource::Item(value)) => ItemCondition::Value(value, c.bit),
            _ => ItemCondition::Word(self.condition(field).ok_or_else(|| {
                Box::new(
                    Diagnostic::error(c.span, format!("`{}` is no flags word here", c.field)).with_label(
                        "an item's condition names a `#` of the definition, of the item or of an item enclosing it, written before it",
                    ),
                )
            })?),
        };
        if field.is_flag_bit() {
            return Ok(TypeRef::FlagBit(condition));
        }
        let ty = self.index.resolve(&field.ty, scope)?;
        Ok(TypeRef::Flagged(Box::new(ty), condition))
    }

    /// A repetition of `items` (at `depth`) counted by `count` (a number, or a `#` in `scope`), the count
    /// not written before it.
    fn counted(
        &self,
        items: &[Param<'a>],
        count: tl_parser::Count<'_>,
        span: tl_parser::Span,
        scope: &Scope<'a>,
        depth: usize,
    ) -> TypeOrWhy {
        let source = match count {
            tl_parser::Count::Const(count) => CountSource::Const(count),
            tl_parser::Count::Var(name) => scope.count(name).ok_or_else(|| {
                Box::new(
                    Diagnostic::error(span, format!("a repetition counted by `{name}`, which is no `#` written before it"))
                        .with_label("a count is a number, a `#` field or `{n:#}` parameter, or a `#` of this item or of an enclosing one, written before the repetition"),
                )
            })?,
        };
        Ok(TypeRef::Counted(
            Box::new(self.element(items, span, scope, depth)?),
            source,
        ))
    }

    /// A field that is on the wire by itself.
    fn push_value(&mut self, field: &'d tl_parser::Field<'a>, kind: FieldKind, condition: Option<Condition>) {
        let index = self.fields.len();
        self.wire.push(WireValue::Value {
            field: index,
            member: None,
        });
        let mut new = new_field(field, kind, condition, &self.docs);
        if field.name.is_none() {
            // Nameless params come here in order, as `nameless_names` lists them.
            let named = self
                .nameless
                .get(self.nameless_seen)
                .filter(|(f, _)| std::ptr::eq(*f, field));
            self.nameless_seen += 1;
            new.rust_name = named.map_or_else(|| "value".to_string(), |(_, name)| name.clone());
            new.tl_name.clone_from(&new.rust_name);
        }
        // A `#` value counts what names it later: a repetition, a type's `#` parameter.
        let is_nat = matches!(&new.kind, FieldKind::Required(ty) if ty.builtin().is_some_and(|b| b.names[0] == "#"));
        if let Some(name) = field.name.filter(|_| is_nat) {
            self.scope.counts.push((name, CountSource::Field(index)));
        }
        self.fields.push(new);
    }

    /// `name:flags.N?true`: a `bool` when it is alone on its bit (or the first of several bare bits),
    /// else derived from the value that shares its bit.
    fn flag_bit(&mut self, field: &'d tl_parser::Field<'a>, condition: Condition) {
        let sharing = &self.by_bit[&condition];
        let has_value = sharing.iter().any(|f| !f.is_flag_bit());
        let first_bit = sharing.iter().find(|f| f.is_flag_bit()).map(|f| f.name);
        if !has_value && first_bit == Some(field.name) {
            self.bit_field.insert(condition, self.fields.len());
            self.fields
                .push(new_field(field, FieldKind::Bit, Some(condition), &self.docs));
        } else {
            self.derived_bits.push((field, condition));
        }
    }

    /// `name:flags.N?T`: an `Option<T>` alone on its bit, else a member of the bit's group.
    fn conditional_value(&mut self, field: &'d tl_parser::Field<'a>, condition: Condition) {
        let Some(ty) = self.resolve(field) else { return };
        let valued: Vec<&tl_parser::Field<'_>> = self.by_bit[&condition]
            .iter()
            .copied()
            .filter(|f| !f.is_flag_bit())
            .collect();
        if valued.len() == 1 {
            self.bit_field.insert(condition, self.fields.len());
            self.push_value(field, FieldKind::Optional(ty), Some(condition));
            return;
        }
        let field_index = match self.bit_field.get(&condition) {
            Some(&index) => index,
            None => self.new_group(field, condition, &valued),
        };
        let FieldKind::Group(group) = self.fields[field_index].kind else {
            unreachable!("a group field")
        };
        self.wire.push(WireValue::Value {
            field: field_index,
            member: Some(self.groups[group].members.len()),
        });
        let name = field.name.expect("conditional params are named");
        let description = self.docs.param(name).map(String::from);
        let members = &mut self.groups[group].members;
        members.push(Member {
            rust_name: ident::field_name(name),
            tl_name: name.to_string(),
            tl_param: field.to_string(),
            ty,
            description,
        });
    }

    /// The group of the values on `condition`'s bit, created at its first member: its field is named by
    /// joining the members' names, its struct by the owner's name followed by the members'.
    fn new_group(
        &mut self,
        first: &tl_parser::Field<'_>,
        condition: Condition,
        valued: &[&tl_parser::Field<'_>],
    ) -> usize {
        let names: Vec<&str> = valued.iter().filter_map(|f| f.name).collect();
        let field_name = names.iter().map(|n| ident::field_name(n)).collect::<Vec<_>>().join("_");
        let owner = ident::type_name(self.definition.name.full);
        let struct_name = format!(
            "{owner}{}",
            names.iter().map(|n| ident::type_name(n)).collect::<String>()
        );
        self.groups.push(Group {
            rust_name: struct_name,
            generics: Vec::new(),
            members: Vec::new(),
        });
        let index = self.fields.len();
        self.bit_field.insert(condition, index);
        self.fields.push(Field {
            rust_name: field_name,
            tl_name: first.name.expect("conditional params are named").to_string(),
            tl_param: first.to_string(),
            span: first.span,
            kind: FieldKind::Group(self.groups.len() - 1),
            condition: Some(condition),
            description: None,
        });
        index
    }

    /// The `?true` bits that share their bit with a value, each pointing at that value's field.
    fn derived(&self) -> Vec<DerivedBit> {
        (self.derived_bits.iter())
            .filter_map(|(field, condition)| {
                let name = field.name.expect("bits are named");
                Some(DerivedBit {
                    rust_name: ident::field_name(name),
                    tl_name: name.to_string(),
                    span: field.span,
                    // Absent only when the value did not resolve (already an error).
                    from_field: *self.bit_field.get(condition)?,
                })
            })
            .collect()
    }
}

/// A function's natural-number parameters (`{n:#}`), in order: not on the wire, given to its decoder and
/// to `read_answer`, as a constructor's are.
fn function_nat_params(definition: &Definition<'_>) -> Vec<String> {
    let nats = definition.type_params.iter().filter(|p| p.kind.is_nat());
    nats.map(|p| p.name.to_string()).collect()
}

/// A function's type variables, each a [`TypeRef::Generic`] by its TL name, and its natural-number
/// parameters, each bound to its place among them.
fn function_scope<'a>(definition: &Definition<'a>) -> Scope<'a> {
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

/// The Rust name of a type parameter in a constructor's scope.
fn to_param_name(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Param(name) => name.clone(),
        _ => unreachable!("a constructor's scope binds type parameters"),
    }
}

/// The field names of the nameless params (TL-formal's `_`, or a type alone: `foo int string = Foo;`), in
/// order: `value` when the definition has one, else `value1`, `value2`, ...
fn nameless_names<'d, 'a>(definition: &'d Definition<'a>) -> Vec<(&'d tl_parser::Field<'a>, String)> {
    let nameless: Vec<&tl_parser::Field<'_>> = (definition.params.iter().enumerate())
        .filter(|&(position, _)| !is_vector_count(definition, position))
        .filter_map(|(_, param)| param.as_field())
        .filter(|f| f.name.is_none())
        .collect();
    let count = nameless.len();
    (nameless.into_iter().enumerate())
        .map(|(index, field)| match count {
            1 => (field, "value".to_string()),
            _ => (field, format!("value{}", index + 1)),
        })
        .collect()
}

/// A function's type variables are its queries (`query:!X`): one used as the type of a value (`{t:Type}
/// [t]`, `x:t`) is not generated yet.
fn check_function_variables(definition: &Definition<'_>) -> Result<(), Box<Diagnostic>> {
    fn value_of<'p>(params: &'p [Param<'_>], name: &str) -> Option<&'p Param<'p>> {
        params.iter().find(|param| match param {
            Param::Field(field) => !field.ty.generic_query && mentions(&field.ty, name),
            Param::Repeat(repeat) => value_of(&repeat.items, name).is_some(),
        })
    }
    fn mentions(ty: &TypeExpr<'_>, name: &str) -> bool {
        ty.name == name || ty.args.iter().any(|arg| mentions(arg, name))
    }
    let variables = definition.type_params.iter().filter(|p| !p.kind.is_nat());
    for variable in variables {
        if let Some(param) = value_of(&definition.params, variable.name) {
            let why = format!(
                "the function's type variable `{}` is the type of a value here",
                variable.name
            );
            return Err(Box::new(Diagnostic::error(param.span(), why).with_label(
                "a function's `{X:Type}` is generated as the query it sends (`query:!X`); other uses are not generated yet",
            )));
        }
    }
    Ok(())
}

/// The conditions of the definition's repetitions (`c:n.2?3*[int]`), at the top level.
fn repeat_conditions<'d, 'a>(definition: &'d Definition<'a>) -> impl Iterator<Item = &'d tl_parser::FlagCondition<'a>> {
    (definition.params.iter()).filter_map(|param| match param {
        Param::Repeat(repeat) => repeat.condition.as_ref(),
        Param::Field(_) => None,
    })
}

fn new_field(field: &tl_parser::Field<'_>, kind: FieldKind, condition: Option<Condition>, docs: &Docs) -> Field {
    let name = field.name.unwrap_or("_");
    Field {
        rust_name: ident::field_name(name),
        tl_name: name.to_string(),
        tl_param: field.to_string(),
        span: field.span,
        kind,
        condition,
        description: docs.param(name).map(String::from),
    }
}

/// Whether `ty` is or holds a type read given counts ([`TypeRef::Counts`]): it has no `Deserialize`.
fn holds_counts(ty: &TypeRef) -> bool {
    let mut found = false;
    ty.visit(&mut |inner| found |= matches!(inner, TypeRef::Counts(..)));
    found
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
