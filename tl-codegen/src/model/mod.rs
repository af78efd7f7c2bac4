//! The checked schema model between the AST and the Rust output. Lower first, then print: everything the
//! emitter needs is computed here, once and complete, and the emitter only prints it.
//!
//! [`Model::build`] works in stages, each producing final values (no placeholder is filled in later):
//! 1. `resolve`: definitions sorted and indexed; every type resolved ([`TypeRef`]); each constructor
//!    and function becomes an [`Item`] shape: its struct fields, the groups of params that share a flag
//!    bit, the `?true` bits derived from a value, and its wire `plan`.
//! 2. `names`: every Rust name checked for collisions (modules, structs, fields, variants).
//! 3. `analysis`: the graph of types and constructors: cycles of bare references (refused), exact
//!    minimum sizes (a type with none has no finite value: refused), the variants to box, what must count
//!    nesting depth when decoded.
//!
//! Every problem is a diagnostic with the span of the definition (or param) it concerns, and one run
//! reports all of them, like the parser.

mod analysis;
mod derives;
mod generics;
mod heap;
mod knowledge;
mod names;
mod nullable;
mod plan;
mod prose;
mod renames;
mod repeats;
mod resolve;
mod rpc_errors;
mod shape;
mod tdjson;

use tl_parser::builtin::BuiltinId;
use tl_parser::{ClassDoc, Definition, Diagnostics, Span};

pub use knowledge::{Availability, DefinitionDocs, DocsReport, DocsSource, PossibleError};
pub use plan::{FixedPart, FixedSource, GroupPart, Step, WireValue, group_members};
pub use prose::{Prose, Span as ProseSpan};
pub use rpc_errors::{ErrorList, ErrorNumber, ErrorVariant, ListedError, OTHER_VARIANT, RpcErrors};
pub use shape::DefaultImpl;

/// What a model is built from.
#[derive(Debug, Clone, Copy)]
pub struct ModelInput<'s, 'a> {
    /// The definitions (a closure, or a whole schema).
    pub definitions: &'s [&'s Definition<'a>],
    /// The schema's layer.
    pub layer: Option<u32>,
    /// The docs of boxed types (`//@class`).
    pub class_docs: &'s [ClassDoc<'a>],
    /// Types defined outside the schema, and types generated in another crate.
    pub externs: &'s Externs,
    /// Whether a function whose answer cannot be generated is an error, or answers
    /// [`OPAQUE_ANSWER`] with a warning.
    pub strictness: crate::Strictness,
    /// The stems of the schema's files, by file id (`mtproto` for `mtproto.tl`): a name defined again in
    /// a later file is generated as `name_<stem>`.
    pub file_stems: &'s [String],
}

/// The Rust type of an answer the schema gives no constructor for: its bytes as they came.
pub const OPAQUE_ANSWER: &str = "::tl_runtime::Opaque";

/// [`OPAQUE_ANSWER`] in TDLib's JSON (`Config::tdjson`): the answer as the JSON value it came as.
pub const OPAQUE_JSON_ANSWER: &str = "::tl_runtime::tdjson::Value";

/// The Rust type of `bytes` as a type argument (`Maybe bytes` is `Maybe<tl_runtime::Bytes>`): a
/// `Vec<u8>` there would be read and written as a `Vector`.
pub const BYTES_ARGUMENT: &str = "::tl_runtime::Bytes";

/// The Rust type of a bare `vector` as a type argument (`Maybe (vector int)` is
/// `Maybe<tl_runtime::BareVector<i32>>`), applied to its element ([`TypeRef::Apply`] of the extern type).
pub const BARE_VECTOR_ARGUMENT: &str = "::tl_runtime::BareVector";

/// What is not generated here: types the schema uses but does not define, and types generated in another
/// crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Externs {
    /// Types the schema uses but does not define, mapped to Rust types.
    pub types: Vec<ExternType>,
    /// Types generated in another crate from the same schema.
    pub paths: Vec<ExternPath>,
}

/// Types of the schema generated in another crate (prost-build's `extern_path`): the boxed types `path`
/// matches (a TL type name, a namespace, or `.`; see [`path_matches`]), with their constructors, and the
/// functions it matches, are not generated; fields refer to them under `root` (the module of the other
/// crate where its `types`, `enums` and `functions` are: `::tl_generated`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternPath {
    /// What it matches.
    pub path: String,
    /// The Rust path of the other crate's generated module.
    pub root: String,
}

/// Whether a TL path matches the TL name `name`: `.` matches everything, any other path a name equal to
/// it or starting with it and a `.` (`messages` matches `messages.sendMessage` and
/// `messages.sendMessage.peer`, not `messagesX`). A leading `.` is ignored.
pub fn path_matches(path: &str, name: &str) -> bool {
    let path = path.trim();
    if path == "." {
        return true;
    }
    let path = path.strip_prefix('.').unwrap_or(path);
    name.strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// A resolved TL type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// A built-in value type (`int`, `string`, `Bool`, ...): see [`tl_parser::builtin`].
    Builtin(BuiltinId),
    /// A boxed type: an enum (index into [`Model::types`]).
    Enum(usize),
    /// A bare constructor (index into [`Model::constructors`]), written without its id.
    Bare(usize),
    /// `Vector<T>`.
    Vector(Box<TypeRef>),
    /// Bare `vector<T>`.
    BareVector(Box<TypeRef>),
    /// A type parameter of a generic function (`X` of `{X:Type}`), written as `!X`.
    Generic(String),
    /// A type parameter of a generic type (`t` of `resultTrue {t:Type} value:t = Maybe t;`), by its Rust
    /// name (`T`): any TL type the type is applied to where it is used.
    Param(String),
    /// A generic type applied to arguments: `Maybe int` is `Apply(Enum(maybe), [int])`, the bare
    /// `%(DictionaryField string)` is `Apply(Bare(dictionaryField), [string])`. The arguments are those of
    /// the Rust type's parameters, in order: a TL argument that no constructor uses is left out.
    Apply(Box<TypeRef>, Vec<TypeRef>),
    /// A value held in a `Box`, written as it is: an optional field (or a member of a group) whose bare
    /// value leads back to its own constructor (`list {X:Type} flag:# head:flag.0?X tail:flag.0?(list X)
    /// = List X;`), which would otherwise hold itself inline.
    Heap(Box<TypeRef>),
    /// A repetition whose count is not written before its items (`Vec<T>`): another field of the item
    /// (`n:# a:n*[int] b:n*[int]`, the count of both) or a number (`3*[string]`). The vector must hold
    /// that many items; the encoder writes the items it holds.
    Counted(Box<TypeRef>, CountSource),
    /// A type with natural-number parameters (`{n:#}`: `tuple {t:Type} {n:#} [t] = Tuple t n;`) applied
    /// to counts (`(Tuple int 3)`, `(Tuple int n)` after `n:#`): the type (an enum, a bare constructor, or
    /// either applied to type arguments), and where each of its counts comes from, in the order of its
    /// `#` parameters. The counts are not on the wire: the type is read given them
    /// (`deserialize_with_counts`), and holds as many items as they say.
    Counts(Box<TypeRef>, Vec<CountSum>),
    /// A value of a repetition's item present under a condition (`flags:# n:# items:n*[ a:flags.0?int ]`,
    /// `n:# items:n*[ m:# a:m.0?int ]`): an `Option<T>`. The word tested is a flags word of the definition,
    /// a field of its own ([`Item::flags_given`]), or a `#` value of the item or of an item enclosing it;
    /// the value must agree with it. Only ever inside a repetition.
    Flagged(Box<TypeRef>, ItemCondition),
    /// `name:w.N?true` inside a repetition's item: a `bool`, no bytes on the wire, set when the condition
    /// holds (it must agree with the word).
    FlagBit(ItemCondition),
    /// An item of a repetition of several values (TL-formal's anonymous combinator, `n*[ id:int
    /// name:string ]`): a Rust tuple, `(i32, CompactString)`, written as its values in order. Only ever the
    /// element of a vector.
    Tuple(Vec<TypeRef>),
    /// A fixed-size value the schema declares as `N` plain values (`int512 16*[ int ] = Int512;`): this
    /// many raw bytes.
    Array(usize),
    /// A type defined outside the schema (index into [`Model::externs`]).
    Extern(usize),
}

/// Where a [`TypeRef::Counted`] repetition's count comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CountSource {
    /// A `#` field of the same item (index into [`Item::fields`]), written before the repetition.
    Field(usize),
    /// A number written in the schema.
    Const(u32),
    /// A natural-number parameter (`{n:#}`) of the item, by its position among them ([`Item::nat_params`]):
    /// given to its decoder.
    Param(usize),
    /// A `#` value of the same repetition's item or of one enclosing it, read before the repetition it
    /// counts (`rows:n*[ m:# id:int cells:m*[int] ]`: `cells` is counted by value 0 of its item).
    Item(ItemValue),
}

/// A count a type with `#` parameters is applied to: where it comes from, plus a number (TL-formal's
/// `(n+1)`; 0 for a count as it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CountSum {
    /// The count added to (a number for a number alone).
    pub source: CountSource,
    /// The number added.
    pub plus: u32,
}

impl From<CountSource> for CountSum {
    fn from(source: CountSource) -> Self {
        CountSum { source, plus: 0 }
    }
}

/// How a constructor of a type with `#` parameters takes one of the type's counts, as its result type
/// writes it: `= Tuple X n` (its own `n` is the count), `= Tuple X (n+1)` (for counts of at least 1, its
/// `n` one less), `= Tuple X 0` (for the count 0 only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountPattern {
    /// The constructor's own `{n:#}` the count gives, by position in [`Item::nat_params`], if any.
    pub param: Option<usize>,
    /// What the count is more than that parameter; without one, the count itself.
    pub plus: u32,
}

impl CountPattern {
    /// Whether the count is the constructor's own parameter as it is (`= Tuple X n`).
    pub fn is_plain(&self) -> bool {
        self.param.is_some() && self.plus == 0
    }

    /// Whether the constructor is for the type's count `count` (the decoders' guard says the same).
    pub fn allows(&self, count: u32) -> bool {
        match self.param {
            Some(_) => count >= self.plus,
            None => count == self.plus,
        }
    }
}

/// A value of a repetition's item of several values (a [`TypeRef::Tuple`]), seen from inside it: which
/// item, by how many items of several values enclose it (0: the outermost), and its position in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ItemValue {
    /// How many tuples enclose the item.
    pub depth: usize,
    /// The value's position in the item's tuple.
    pub value: usize,
}

/// The condition a value of a repetition's item is read under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemCondition {
    /// A flags word of the definition (a field of its own): `flags:# n:# items:n*[ a:flags.0?int ]`.
    Word(Condition),
    /// A bit (`m.0?`), or the whole (`m?`, `None`), of a `#` value of the item or of one enclosing it.
    Value(ItemValue, Option<u32>),
}

impl TypeRef {
    /// The built-in's table entry, for a built-in.
    pub fn builtin(&self) -> Option<&'static tl_parser::builtin::Builtin> {
        match self {
            TypeRef::Builtin(id) => Some(id.get()),
            _ => None,
        }
    }

    /// The encoded size, if it never varies.
    pub fn fixed_size(&self) -> Option<usize> {
        match self {
            TypeRef::Array(size) => Some(*size),
            _ => self.builtin().and_then(|builtin| builtin.codec.fixed_size()),
        }
    }

    /// The size of a value read and written as plain bytes with no check (see
    /// [`tl_parser::builtin::Codec::plain_size`]).
    pub fn plain_size(&self) -> Option<usize> {
        match self {
            TypeRef::Array(size) => Some(*size),
            _ => self.builtin().and_then(|builtin| builtin.codec.plain_size()),
        }
    }

    /// True for raw byte arrays (`int128`, `int256`, declared arrays): written as they are.
    pub fn is_raw(&self) -> bool {
        matches!(self, TypeRef::Array(_))
            || self
                .builtin()
                .is_some_and(|builtin| matches!(builtin.codec, tl_parser::builtin::Codec::Raw(_)))
    }

    /// `self` and every type inside it (the elements of vectors, a generic type and its arguments, at any
    /// depth), outermost first.
    pub fn visit(&self, visit: &mut impl FnMut(&TypeRef)) {
        visit(self);
        match self {
            TypeRef::Vector(element)
            | TypeRef::BareVector(element)
            | TypeRef::Heap(element)
            | TypeRef::Counted(element, _) => element.visit(visit),
            TypeRef::Tuple(values) => values.iter().for_each(|value| value.visit(visit)),
            TypeRef::Counts(inner, _) | TypeRef::Flagged(inner, _) => inner.visit(visit),
            TypeRef::Apply(generic, args) => {
                generic.visit(visit);
                args.iter().for_each(|arg| arg.visit(visit));
            }
            _ => {}
        }
    }

    /// `self` with each type parameter named in `params` replaced by the argument at its place in `args`.
    pub fn substitute(&self, params: &[String], args: &[TypeRef]) -> TypeRef {
        match self {
            TypeRef::Param(name) => (params.iter().position(|p| p == name))
                .and_then(|at| args.get(at))
                .map_or_else(|| self.clone(), Clone::clone),
            TypeRef::Vector(element) => TypeRef::Vector(Box::new(element.substitute(params, args))),
            TypeRef::BareVector(element) => TypeRef::BareVector(Box::new(element.substitute(params, args))),
            TypeRef::Heap(inner) => TypeRef::Heap(Box::new(inner.substitute(params, args))),
            TypeRef::Counted(element, count) => TypeRef::Counted(Box::new(element.substitute(params, args)), *count),
            TypeRef::Counts(inner, counts) => TypeRef::Counts(Box::new(inner.substitute(params, args)), counts.clone()),
            TypeRef::Flagged(inner, condition) => {
                TypeRef::Flagged(Box::new(inner.substitute(params, args)), *condition)
            }
            TypeRef::Tuple(values) => {
                TypeRef::Tuple(values.iter().map(|value| value.substitute(params, args)).collect())
            }
            TypeRef::Apply(generic, applied) => TypeRef::Apply(
                generic.clone(),
                applied.iter().map(|arg| arg.substitute(params, args)).collect(),
            ),
            other => other.clone(),
        }
    }
}

/// A constructor or a function: one Rust struct.
#[derive(Debug, Clone)]
pub struct Item {
    /// `messages.requestUrlAuth`.
    pub tl_name: String,
    /// `messages`, if namespaced.
    pub namespace: Option<String>,
    /// `RequestUrlAuth`.
    pub rust_name: String,
    /// The constructor id.
    pub id: u32,
    /// The definition as canonical TL, for the docs.
    pub definition: String,
    /// What the schema's doc comment (or a docs source) says it is.
    pub description: Option<Prose>,
    /// Who may call a function, when a docs source says.
    pub available: Option<Availability>,
    /// The errors a function may return, when a docs source or an error list says.
    pub errors: Vec<PossibleError>,
    /// Where the definition's name is, for diagnostics.
    pub span: Span,
    /// The struct's fields, in TL order (a group takes the place of its first member).
    pub fields: Vec<Field>,
    /// Structs for params that share one flag bit.
    pub groups: Vec<Group>,
    /// `?true` params that share their bit with a valued param: methods, not fields.
    pub derived: Vec<DerivedBit>,
    /// Names of the flags fields (`flags`, `flags2`), indexed by [`Condition::flags`].
    pub flags_fields: Vec<String>,
    /// For each flags word, where it comes from when it is not on the wire: a natural-number parameter
    /// named in conditions (VK's `{fields_mask:#} a:fields_mask.0?int = T fields_mask;`), the mask the
    /// type is applied to. `None` for a flags word on the wire (computed from the fields when writing).
    pub flags_given: Vec<Option<CountSource>>,
    /// The bare encoding, step by step in wire order.
    pub plan: Vec<Step>,
    /// Generic parameters: a function's (`X`, as written), or those of a generic type's constructor that its
    /// fields use (their Rust names, as its type names them: `T`).
    pub generics: Vec<String>,
    /// For a constructor, its enum (`TypeRef::Enum`); for a function, its return type.
    pub result: TypeRef,
    /// A constructor's natural-number parameters (`n` of `{n:#}`), in the order its result type lists
    /// them: its decoder is given their values (`deserialize_with_counts`), as they are not on the wire.
    pub nat_params: Vec<String>,
    /// A constructor of a type with `#` parameters: how it takes each of its type's counts (its own
    /// counts may differ: `cons {X:Type} {n:#} ... = Tuple X (n+1)`). Empty for others.
    pub count_patterns: Vec<CountPattern>,
    /// A function's answer type when it has `#` parameters whose counts are the function's own fields
    /// (`getTuple n:# = Tuple int n;`): `RemoteCall::Return` is then [`OPAQUE_ANSWER`], and the struct's
    /// `read_answer` reads this type with the request's counts.
    pub counted_answer: Option<TypeRef>,
    /// The fewest bytes the bare encoding takes.
    pub min_bare_size: usize,
    /// A constructor on a cycle of bare references (`a items:vector<%a> = A;`): decoding its struct can
    /// recurse without passing through any enum, so the struct's decoder counts nesting depth.
    pub recursive_bare: bool,
    /// The constructor lies on a cycle of the schema (it can hold, at some depth, another value of its
    /// own type): its decoder runs at every level of such nesting, so it keeps the smallest frame and
    /// reads nothing in place (see `emit::fill`). Never set for a function. For a constructor of any
    /// type but the universal one, the same fact as its variant's `recurses`.
    pub nests: bool,
    /// How the struct implements `Default`, if every field has a default (the rule is in docs/generated-code.md).
    pub default: Option<DefaultImpl>,
    /// Without `Default`: the fields (indexes into `fields`) that have no empty value, the reason it has
    /// none; they are what the struct's `new` takes. Empty when `default` is set.
    pub without_default: Vec<usize>,
    /// Whether the struct (and its group structs) derive `Eq` and `Hash`: no field holds a `double` or an
    /// extern type, at any depth.
    pub eq_hash: bool,
    /// Whether a field holds a `string` or `bytes` at some depth: the borrowed form of the struct
    /// (`Config::borrowed_types`) then has a lifetime; without one, the owned struct serves both.
    pub borrows: bool,
}

impl Item {
    /// Every flags word and value in wire order (the plan, flattened).
    pub fn wire(&self) -> Vec<WireValue> {
        plan::flatten(&self.plan)
    }

    /// The type of a value on the wire.
    pub fn wire_type(&self, field: usize, member: Option<usize>) -> &TypeRef {
        match (&self.fields[field].kind, member) {
            (FieldKind::Required(ty) | FieldKind::Optional(ty), _) => ty,
            (FieldKind::Group(group), Some(member)) => &self.groups[*group].members[member].ty,
            _ => unreachable!("a `?true` bit is not on the wire"),
        }
    }

    /// The item with the type parameters `params` replaced by `args`: the struct a generic constructor is
    /// where it is applied, to its own parameters (`%(Pair int string)`: `params` is
    /// [`Item::generics`]) or to its type's (`Maybe int`: [`BoxedType::generics`]).
    pub fn instantiate(&self, params: &[String], args: &[TypeRef]) -> Item {
        let mut item = self.clone();
        let substitute = |ty: &mut TypeRef| *ty = ty.substitute(params, args);
        for field in &mut item.fields {
            if let FieldKind::Required(ty) | FieldKind::Optional(ty) = &mut field.kind {
                substitute(ty);
            }
        }
        for member in item.groups.iter_mut().flat_map(|group| &mut group.members) {
            substitute(&mut member.ty);
        }
        item.generics.clear();
        item
    }

    /// The flags word (index into [`Item::flags_fields`]) whose value is field `field`, if it is one: a
    /// flags word that items of a repetition are read under is a field of its own.
    pub fn flags_of_field(&self, field: usize) -> Option<usize> {
        self.flags_given
            .iter()
            .position(|given| *given == Some(CountSource::Field(field)))
    }

    /// Where each of a constructor's own `{n:#}` ([`Item::nat_params`], in order) is among its type's
    /// counts: the count's position, and the number its result adds to the parameter (`= Chain X (n+1)`:
    /// `n` is the count less 1). Empty for a function.
    pub fn own_counts_in_type(&self) -> Vec<(usize, u32)> {
        // Numbered in the order of the positions that name them.
        (self.count_patterns.iter().enumerate())
            .filter(|(_, pattern)| pattern.param.is_some())
            .map(|(at, pattern)| (at, pattern.plus))
            .collect()
    }

    /// Whether the item's fields read each of its natural-number parameters (by position).
    pub fn count_params_used(&self) -> Vec<bool> {
        let mut used = vec![false; self.nat_params.len()];
        for given in self.flags_given.iter().flatten() {
            if let CountSource::Param(k) = given {
                used[*k] = true;
            }
        }
        for ty in self.field_types() {
            ty.visit(&mut |inner| {
                let mut mark = |source: &CountSource| {
                    if let CountSource::Param(k) = source {
                        used[*k] = true;
                    }
                };
                match inner {
                    TypeRef::Counted(_, source) => mark(source),
                    TypeRef::Counts(_, sums) => sums.iter().for_each(|sum| mark(&sum.source)),
                    _ => {}
                }
            });
        }
        used
    }

    /// The item with its natural-number parameters given (`counts`, in [`Item::nat_params`] order): the
    /// struct as read where its type is applied to those numbers.
    pub fn with_counts(&self, counts: &[u32]) -> Item {
        fn given(ty: &mut TypeRef, counts: &[u32]) {
            let fix = |source: &mut CountSource| {
                if let CountSource::Param(k) = *source {
                    *source = CountSource::Const(counts[k]);
                }
            };
            match ty {
                TypeRef::Counted(inner, source) => {
                    fix(source);
                    given(inner, counts);
                }
                TypeRef::Counts(inner, sums) => {
                    sums.iter_mut().for_each(|sum| fix(&mut sum.source));
                    given(inner, counts);
                }
                TypeRef::Vector(inner)
                | TypeRef::BareVector(inner)
                | TypeRef::Heap(inner)
                | TypeRef::Flagged(inner, _) => given(inner, counts),
                TypeRef::Tuple(values) => values.iter_mut().for_each(|value| given(value, counts)),
                TypeRef::Apply(_, args) => args.iter_mut().for_each(|arg| given(arg, counts)),
                _ => {}
            }
        }
        let mut item = self.clone();
        for field in &mut item.fields {
            if let FieldKind::Required(ty) | FieldKind::Optional(ty) = &mut field.kind {
                given(ty, counts);
            }
        }
        for member in item.groups.iter_mut().flat_map(|group| &mut group.members) {
            given(&mut member.ty, counts);
        }
        for given in item.flags_given.iter_mut().flatten() {
            if let CountSource::Param(k) = *given {
                *given = CountSource::Const(counts[k]);
            }
        }
        item.nat_params.clear();
        item
    }

    /// Whether the members of group field `field` are next to each other on the wire (one step of the
    /// plan), so that the decoder reads them all under one test of their bit.
    pub fn group_in_one_step(&self, field: usize) -> bool {
        let steps = (self.plan.iter()).filter(|step| matches!(step, Step::Group { field: f, .. } if *f == field));
        steps.count() == 1
    }

    /// Every type the item's fields hold, group members included.
    pub fn field_types(&self) -> impl Iterator<Item = &TypeRef> {
        self.fields.iter().flat_map(move |field| match &field.kind {
            FieldKind::Required(ty) | FieldKind::Optional(ty) => vec![ty],
            FieldKind::Bit => Vec::new(),
            FieldKind::Group(group) => self.groups[*group].members.iter().map(|m| &m.ty).collect(),
        })
    }
}

/// A struct field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Rust name (unescaped; see [`crate::ident::ident`]).
    pub rust_name: String,
    /// The TL param it came from (for a group: its first member).
    pub tl_name: String,
    /// That param as written in canonical TL: `peer:flags.1?InputPeer`.
    pub tl_param: String,
    /// Where the param is, for diagnostics.
    pub span: Span,
    /// Its shape.
    pub kind: FieldKind,
    /// The flag bit that says whether it is present, if conditional.
    pub condition: Option<Condition>,
    /// What the schema's doc comment says of the param.
    pub description: Option<Prose>,
}

/// `flags.N?`: flags field index and bit; TL-formal's `n?`: the whole word, not zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Condition {
    /// Index into [`Item::flags_fields`].
    pub flags: usize,
    /// Bit number, 0..=31; `None` for a condition on the whole word (`n?`), whose word is then a field
    /// of its own ([`Item::flags_given`]).
    pub bit: Option<u32>,
}

impl Condition {
    /// The bits of the word tested: one bit, or all of them (present when the word is not zero).
    pub fn mask(&self) -> u32 {
        mask_of(self.bit)
    }
}

/// The bits a condition on `bit` tests: that bit, or all of them for the whole word (`None`).
pub fn mask_of(bit: Option<u32>) -> u32 {
    bit.map_or(u32::MAX, |bit| 1 << bit)
}

/// The shape of a field.
#[derive(Debug, Clone)]
pub enum FieldKind {
    /// Always present: `T`.
    Required(TypeRef),
    /// The only valued param on its bit: `Option<T>`.
    Optional(TypeRef),
    /// `flags.N?true` alone on its bit: `bool`.
    Bit,
    /// Several valued params on one bit: `Option<GroupStruct>` (index into [`Item::groups`]).
    Group(usize),
}

/// Params that share one flag bit, generated as one struct so they are all present or all absent.
#[derive(Debug, Clone)]
pub struct Group {
    /// `RequestUrlAuthPeerMsgIdButtonId`: the owner's name followed by the members' names.
    pub rust_name: String,
    /// The owner's type parameters its members use (see [`Item::generics`]).
    pub generics: Vec<String>,
    /// The members in TL order.
    pub members: Vec<Member>,
}

/// A param inside a [`Group`].
#[derive(Debug, Clone)]
pub struct Member {
    /// Rust field name.
    pub rust_name: String,
    /// The TL param name.
    pub tl_name: String,
    /// The param as written in canonical TL: `url:flags.2?string`.
    pub tl_param: String,
    /// Its type.
    pub ty: TypeRef,
    /// What the schema's doc comment says of the param.
    pub description: Option<Prose>,
}

/// A `?true` whose bit is set exactly when a valued field (or group) is present.
#[derive(Debug, Clone)]
pub struct DerivedBit {
    /// The method name (the `?true` param's name).
    pub rust_name: String,
    /// The TL param name.
    pub tl_name: String,
    /// Where the param is, for diagnostics.
    pub span: Span,
    /// The field whose presence it reports (index into [`Item::fields`]).
    pub from_field: usize,
}

/// A boxed type: an enum over its constructors.
#[derive(Debug, Clone)]
pub struct BoxedType {
    /// `UrlAuthResult` or `messages.Messages`.
    pub tl_name: String,
    /// Its namespace.
    pub namespace: Option<String>,
    /// `UrlAuthResult`.
    pub rust_name: String,
    /// What the schema's doc comment (`//@class`) says it is.
    pub description: Option<Prose>,
    /// For a generic type (`Maybe t`), the Rust names of its parameters that a constructor uses (`T`).
    pub generics: Vec<String>,
    /// How many natural-number parameters (`Tuple t n`: one) the type has: its decoder is given their
    /// values (`deserialize_with_counts`).
    pub nat_params: usize,
    /// Constructors, sorted by Rust name.
    pub variants: Vec<Variant>,
    /// A value of this type can hold another value of this type, through anything (a field, a vector, an
    /// optional field, a bare reference), so decoding it counts nesting depth.
    pub recursive: bool,
    /// The fewest bytes the boxed encoding takes: the id and the smallest constructor.
    pub min_size: usize,
    /// For the universal type (`Object`), a variant per other boxed type: its values are any boxed value
    /// of the schema (or a `Vector` of them). `None` for every other type.
    pub universal: Option<Vec<UniversalMember>>,
    /// For the universal function type (`Function`), a variant per function of the schema (generic
    /// functions excepted: they wrap a query of a type parameter): its values are any function, boxed.
    /// `None` for every other type.
    pub functions: Option<Vec<FunctionMember>>,
    /// The variant `Default` gives (index into `variants`): the `<type>Empty` constructor, when it has a
    /// default itself.
    pub default_variant: Option<usize>,
    /// Whether the enum derives `Eq` and `Hash`.
    pub eq_hash: bool,
    /// Whether a variant holds a `string` or `bytes` at some depth (see [`Item::borrows`]).
    pub borrows: bool,
}

/// A variant of the universal type that holds a value of another boxed type.
#[derive(Debug, Clone)]
pub struct UniversalMember {
    /// Index into [`Model::types`].
    pub ty: usize,
    /// The variant's name: the type's name with its namespace (`MessagesMessages`).
    pub rust_name: String,
}

/// A variant of the universal function type: one function.
#[derive(Debug, Clone)]
pub struct FunctionMember {
    /// Index into [`Model::functions`].
    pub function: usize,
    /// The variant's name: the function's struct name, with its namespace where two would collide.
    pub rust_name: String,
}

/// A type the schema uses but does not define, mapped by the user to a Rust type that implements the
/// runtime's traits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternType {
    /// The TL name.
    pub tl_name: String,
    /// The Rust path of the type (`crate::mtproto::FutureSalts`).
    pub rust_path: String,
}

/// One variant of a boxed type's enum.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Index into [`Model::constructors`].
    pub constructor: usize,
    /// `Accepted`.
    pub rust_name: String,
    /// Held in a `Box`: the constructor contains its own type (directly or through others), or is larger
    /// than [`MAX_INLINE_VARIANT`] bytes.
    pub boxed: bool,
    /// The constructor leads back to its own type, through anything (both are on one cycle): reading
    /// this variant nests one level deeper, and a recursive type's decoder counts the level here. The
    /// type's other variants cannot come back to it and are read without counting.
    pub recurses: bool,
}

/// The largest estimated struct size kept inline in an enum; larger variants are boxed so that every enum
/// stays small (a `Vec<User>` of a million `userEmpty` must not cost a full `user` each).
pub const MAX_INLINE_VARIANT: usize = 64;

/// The whole checked schema.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The schema's layer.
    pub layer: Option<u32>,
    /// Constructors (structs in `types`), sorted by namespace and name.
    pub constructors: Vec<Item>,
    /// Functions (structs in `functions`), sorted by namespace and name.
    pub functions: Vec<Item>,
    /// Boxed types (enums in `enums`), sorted by namespace and name.
    pub types: Vec<BoxedType>,
    /// Types defined outside the schema.
    pub externs: Vec<ExternType>,
    /// The typed RPC errors, when an error list was given ([`Model::add_errors`]).
    pub errors: Option<RpcErrors>,
}

impl Model {
    /// Builds the model for `definitions` (a closure, or a whole schema), with its warnings (answers made
    /// opaque): every problem found is a diagnostic, and all of them are returned together.
    pub fn build(input: &ModelInput<'_, '_>) -> Result<(Model, Diagnostics), Diagnostics> {
        let (resolved, warnings) = resolve::resolve(input)?;
        let mut diagnostics = Diagnostics::default();
        let variant_names = names::variant_names(&resolved, &mut diagnostics);
        let universal = names::universal_members(&resolved, &mut diagnostics);
        let functions = names::function_members(&resolved);
        names::check_items(&resolved, &mut diagnostics);
        let facts = analysis::analyse(&resolved, variant_names, universal, &mut diagnostics);
        match facts {
            Some(facts) if !diagnostics.has_errors() => {
                let derives = derives::solve(&resolved);
                Ok((resolved.into_model(input.layer, facts, derives, functions), warnings))
            }
            _ => Err(diagnostics),
        }
    }

    /// Whether a value of `ty` holds a `string` or `bytes` at some depth (its borrowed form borrows).
    pub fn borrows(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Builtin(builtin) => {
                matches!(
                    builtin.get().codec,
                    tl_parser::builtin::Codec::Text | tl_parser::builtin::Codec::Bytes
                )
            }
            TypeRef::Enum(index) => self.types[*index].borrows,
            TypeRef::Bare(constructor) => self.constructors[*constructor].borrows,
            TypeRef::Vector(element)
            | TypeRef::BareVector(element)
            | TypeRef::Heap(element)
            | TypeRef::Counted(element, _)
            | TypeRef::Flagged(element, _) => self.borrows(element),
            TypeRef::Tuple(values) => values.iter().any(|value| self.borrows(value)),
            // A type with `#` parameters has no borrowed form, as a generic type.
            TypeRef::Counts(..) | TypeRef::FlagBit(_) => false,
            // A generic type has no borrowed form: it holds its arguments owned.
            TypeRef::Generic(_) | TypeRef::Param(_) | TypeRef::Apply(..) | TypeRef::Array(_) | TypeRef::Extern(_) => {
                false
            }
        }
    }

    /// Whether a constructor or function holds a repetition's item of several values (a Rust tuple), at
    /// any depth.
    pub fn holds_tuples(&self) -> bool {
        let items = self.constructors.iter().chain(&self.functions);
        items.flat_map(Item::field_types).any(|ty| {
            let mut found = false;
            ty.visit(&mut |inner| found |= matches!(inner, TypeRef::Tuple(_)));
            found
        })
    }

    /// Whether any member of `group` borrows (see [`Model::borrows`]).
    pub fn group_borrows(&self, group: &Group) -> bool {
        group.members.iter().any(|member| self.borrows(&member.ty))
    }

    /// The fewest bytes a value of `ty` takes on the wire.
    pub fn min_size(&self, ty: &TypeRef) -> usize {
        match ty {
            TypeRef::Enum(index) => self.types[*index].min_size,
            TypeRef::Bare(constructor) => self.constructors[*constructor].min_bare_size,
            TypeRef::Apply(generic, _) | TypeRef::Heap(generic) | TypeRef::Counts(generic, _) => self.min_size(generic),
            TypeRef::Tuple(values) => values
                .iter()
                .map(|value| self.min_size(value))
                .fold(0, usize::saturating_add),
            other => analysis::leaf_min_size(other),
        }
    }
}
