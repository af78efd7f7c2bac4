//! The model under construction: what stage 1 ([`super::resolve`]) makes of each definition, what the
//! later stages (the names, the analysis, the derives) settle about it, and the assembly of it all into
//! the [`Model`]. Every stage reads and writes these; none of them is needed to define them, so no stage
//! depends on another through them.

use super::{CountPattern, CountSource, DerivedBit, ExternType, Field, Group, Item, Model, Prose, TypeRef, plan};

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
    pub(super) description: Option<Prose>,
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
    pub(super) description: Option<Prose>,
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
            available: None,
            errors: Vec::new(),
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
        let constructors = items(self.constructors, facts.constructors, derives.constructors);
        let functions = items(self.functions, facts.functions, derives.functions);
        Model {
            layer,
            constructors,
            functions,
            types,
            externs: self.externs,
            errors: None,
        }
    }
}

/// The items of `shapes`, with their facts and traits (in the same order).
fn items(shapes: Vec<Shape>, facts: Vec<ItemFacts>, traits: Vec<ItemTraits>) -> Vec<Item> {
    (shapes.into_iter().zip(facts).zip(traits))
        .map(|((shape, facts), traits)| shape.into_item(facts, traits))
        .collect()
}

/// How a struct implements `Default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultImpl {
    /// `#[derive(Default)]`.
    Derive,
    /// An `impl Default` listing each field: a field holds an array longer than 32 bytes, for which the
    /// standard library has no `Default`.
    ByField,
}

/// What the solver decided, per item and per type.
pub(super) struct Derives {
    pub(super) constructors: Vec<ItemTraits>,
    pub(super) functions: Vec<ItemTraits>,
    pub(super) types: Vec<TypeTraits>,
}

/// The traits of a constructor's or function's struct.
#[derive(Debug, Clone)]
pub(super) struct ItemTraits {
    pub(super) default: Option<DefaultImpl>,
    /// Without `Default`: the fields (indexes) that have no empty value, which keep it from having one.
    pub(super) without_default: Vec<usize>,
    pub(super) eq_hash: bool,
    /// Holds a `string` or `bytes` at some depth: its borrowed form has a lifetime.
    pub(super) borrows: bool,
}

/// The traits of a boxed type's enum.
#[derive(Debug, Clone, Copy)]
pub(super) struct TypeTraits {
    /// The index (among its constructors) of its default.
    pub(super) default_variant: Option<usize>,
    pub(super) eq_hash: bool,
    /// Holds a `string` or `bytes` at some depth.
    pub(super) borrows: bool,
}
