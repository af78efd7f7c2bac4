//! The checked schema model between the AST and the Rust output: every type resolved, every flag bit
//! grouped, recursion found, every Rust name chosen and checked for collisions.

use std::collections::BTreeMap;

use tl_parser::{Category, Definition, Param, TypeExpr};

use crate::ident::{self, NameScope};

/// A resolved TL type as a Rust type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// `int`: `i32`.
    Int,
    /// `long`: `i64`.
    Long,
    /// `double`: `f64`.
    Double,
    /// `string`: `String`.
    String,
    /// `bytes`: `Vec<u8>`.
    Bytes,
    /// `int128`: `[u8; 16]`.
    Int128,
    /// `int256`: `[u8; 32]`.
    Int256,
    /// `Bool`: `bool`.
    Bool,
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
    /// The struct's fields, in TL order (a group takes the place of its first member).
    pub fields: Vec<Field>,
    /// The parameters as they are on the wire, in TL order.
    pub wire: Vec<Wire>,
    /// Names of the flags fields (`flags`, `flags2`), indexed by [`Wire::Flags`] and [`Condition`].
    pub flags_fields: Vec<String>,
    /// Structs for params that share one flag bit.
    pub groups: Vec<Group>,
    /// `?true` params that share their bit with a valued param: methods, not fields.
    pub derived: Vec<DerivedBit>,
    /// Generic parameters (`X`), functions only.
    pub generics: Vec<String>,
    /// For a constructor, its enum (`TypeRef::Enum`); for a function, its return type.
    pub result: TypeRef,
    /// The fewest bytes the bare encoding takes.
    pub min_bare_size: usize,
    /// A constructor on a cycle of bare references (`a items:vector<%a> = A;`): decoding its struct can
    /// recurse without passing through any enum, so the struct's decoder counts nesting depth.
    pub recursive_bare: bool,
}

/// A struct field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Rust name (unescaped; see [`ident::ident`]).
    pub rust_name: String,
    /// The TL param it came from (for a group: its first member).
    pub tl_name: String,
    /// Its shape.
    pub kind: FieldKind,
    /// The flag bit that says whether it is present, if conditional.
    pub condition: Option<Condition>,
}

impl Field {
    fn new(tl_name: &str, kind: FieldKind, condition: Option<Condition>) -> Self {
        Field {
            rust_name: ident::field_name(tl_name),
            tl_name: tl_name.to_string(),
            kind,
            condition,
        }
    }
}

impl Item {
    /// Adds a field that is on the wire by itself, in TL order.
    fn push_wire_field(&mut self, field: Field) {
        self.wire.push(Wire::Value {
            field: self.fields.len(),
            member: None,
        });
        self.fields.push(field);
    }
}

/// `flags.N?`: flags field index and bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    /// Index into [`Item::flags_fields`].
    pub flags: usize,
    /// Bit number, 0..=31.
    pub bit: u32,
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
    /// The members in TL order: Rust field name, TL name, type.
    pub members: Vec<(String, String, TypeRef)>,
}

/// A `?true` whose bit is set exactly when a valued field (or group) is present.
#[derive(Debug, Clone)]
pub struct DerivedBit {
    /// The method name (the `?true` param's name).
    pub rust_name: String,
    /// The TL param name.
    pub tl_name: String,
    /// The field whose presence it reports.
    pub from_field: String,
}

/// One parameter as it is on the wire.
#[derive(Debug, Clone, Copy)]
pub enum Wire {
    /// A flags field (index into [`Item::flags_fields`]), computed from the fields when writing.
    Flags(usize),
    /// A value: field index, and the member index when the field is a group.
    Value {
        /// Index into [`Item::fields`].
        field: usize,
        /// Index into the group's members, if the field is a group.
        member: Option<usize>,
    },
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
    /// Constructors, sorted by Rust name.
    pub variants: Vec<Variant>,
    /// A value of this type can hold another value of this type, through anything (a field, a vector, an
    /// optional field, a bare reference), so decoding it counts nesting depth.
    pub recursive: bool,
    /// The fewest bytes the boxed encoding takes: the id and the smallest constructor.
    pub min_size: usize,
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
}

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
}

/// A schema the model cannot represent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// What is wrong, naming the TL definition.
    pub message: String,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error: {}", self.message)
    }
}

impl std::error::Error for ModelError {}

fn error(message: impl Into<String>) -> ModelError {
    ModelError {
        message: message.into(),
    }
}

/// True for definitions the runtime provides: `int ? = Int`, `vector`, `boolTrue`/`boolFalse`, `true`.
fn is_runtime_builtin(definition: &Definition<'_>) -> bool {
    definition.builtin
        || !definition.params.iter().all(|p| matches!(p, Param::Field(_)))
        || matches!(definition.result.name, "Vector" | "Bool" | "True")
        || matches!(definition.name.full, "int128" | "int256")
}

impl Model {
    /// Builds the model for `definitions` (a closure, or a whole schema).
    pub fn build(definitions: &[&Definition<'_>], layer: Option<u32>) -> Result<Model, ModelError> {
        Builder::new(definitions)?.build(layer)
    }
}

struct Builder<'d, 'a> {
    constructors: Vec<&'d Definition<'a>>,
    functions: Vec<&'d Definition<'a>>,
    /// TL type name → index into the sorted type list.
    type_index: BTreeMap<&'a str, usize>,
    /// Constructor TL name → index into `constructors`.
    constructor_index: BTreeMap<&'a str, usize>,
    /// TL type name → its constructors (indices into `constructors`), for bare references.
    type_constructors: BTreeMap<&'a str, Vec<usize>>,
}

fn sort_key(name: &str) -> (Option<String>, String) {
    match name.rsplit_once('.') {
        Some((ns, base)) => (Some(ident::module_name(ns)), ident::type_name(base)),
        None => (None, ident::type_name(name)),
    }
}

impl<'d, 'a> Builder<'d, 'a> {
    fn new(definitions: &[&'d Definition<'a>]) -> Result<Self, ModelError> {
        let mut constructors: Vec<&Definition<'_>> = Vec::new();
        let mut functions: Vec<&Definition<'_>> = Vec::new();
        let mut constructor_names = std::collections::BTreeSet::new();
        for definition in definitions {
            match definition.category {
                Category::Type if is_runtime_builtin(definition) => {}
                Category::Type => {
                    // A constructor repeated word for word in a second file is taken once.
                    if constructor_names.insert(definition.name.full) {
                        constructors.push(definition);
                    }
                }
                Category::Function => functions.push(definition),
            }
        }
        constructors.sort_by_key(|d| sort_key(d.name.full));
        functions.sort_by_key(|d| sort_key(d.name.full));
        let mut type_names: Vec<&str> = constructors.iter().map(|d| d.result.name).collect();
        // Equal names must be adjacent for `dedup`, also among names with one Rust spelling (`richText`, `RichText`).
        type_names.sort_by_key(|name| (sort_key(name), *name));
        type_names.dedup();
        let type_index = type_names.iter().enumerate().map(|(i, name)| (*name, i)).collect();
        let constructor_index = constructors.iter().enumerate().map(|(i, d)| (d.name.full, i)).collect();
        let mut type_constructors: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, constructor) in constructors.iter().enumerate() {
            type_constructors
                .entry(constructor.result.name)
                .or_default()
                .push(index);
        }
        Ok(Builder {
            constructors,
            functions,
            type_index,
            constructor_index,
            type_constructors,
        })
    }

    /// Refuses TL names that leave no Rust identifier after case conversion (`_`, `_1`): every later step
    /// turns names into identifiers.
    fn check_identifiers(&self) -> Result<(), ModelError> {
        for definition in self.constructors.iter().chain(&self.functions) {
            let name = definition.name.full;
            let mut names = vec![
                (ident::type_name(name), name),
                (ident::type_name(definition.result.name), definition.result.name),
            ];
            if let Some((namespace, _)) = name.rsplit_once('.') {
                names.push((ident::module_name(namespace), namespace));
            }
            for field in definition.params.iter().filter_map(Param::as_field) {
                if let Some(param) = field.name {
                    names.push((ident::field_name(param), param));
                }
            }
            if let Some((rust, tl)) = names.iter().find(|(rust, _)| !ident::is_identifier(rust)) {
                return Err(error(format!(
                    "in `{name}`: `{tl}` becomes `{rust}` in Rust, which is not an identifier"
                )));
            }
        }
        Ok(())
    }

    fn build(self, layer: Option<u32>) -> Result<Model, ModelError> {
        self.check_identifiers()?;
        let mut model = Model {
            layer,
            ..Model::default()
        };
        let mut type_names: Vec<&str> = vec![""; self.type_index.len()];
        for (name, &index) in &self.type_index {
            type_names[index] = name;
        }
        model.types = type_names
            .iter()
            .map(|name| BoxedType {
                tl_name: name.to_string(),
                namespace: name.rsplit_once('.').map(|(ns, _)| ns.to_string()),
                rust_name: ident::type_name(name),
                variants: Vec::new(),
                recursive: false,
                min_size: 0,
            })
            .collect();
        for definition in &self.constructors {
            let result = TypeRef::Enum(self.type_index[definition.result.name]);
            model.constructors.push(self.item(definition, result)?);
        }
        for definition in &self.functions {
            let generics: Vec<&str> = definition.type_params.iter().map(|p| p.name).collect();
            let result = self.resolve(&definition.result, &generics, definition)?;
            model.functions.push(self.item(definition, result)?);
        }
        for (index, constructor) in model.constructors.iter().enumerate() {
            let TypeRef::Enum(ty) = constructor.result else {
                unreachable!("constructors return their enum")
            };
            model.types[ty].variants.push(Variant {
                constructor: index,
                rust_name: String::new(),
                boxed: false,
            });
        }
        name_variants(&mut model)?;
        check_bare_cycles(&model)?;
        compute_min_sizes(&mut model)?;
        mark_boxed_variants(&mut model);
        mark_recursion(&mut model);
        mark_large_variants(&mut model);
        check_item_names(&model)?;
        Ok(model)
    }

    /// Resolves a TL type used in `definition`.
    fn resolve(
        &self,
        ty: &TypeExpr<'_>,
        generics: &[&str],
        definition: &Definition<'_>,
    ) -> Result<TypeRef, ModelError> {
        let element = |this: &Self| -> Result<TypeRef, ModelError> {
            match ty.args.as_slice() {
                [arg] => this.resolve(arg, generics, definition),
                _ => Err(error(format!(
                    "`{}` in `{}` needs one type argument",
                    ty.name, definition.name.full
                ))),
            }
        };
        if ty.generic_query || (generics.contains(&ty.name) && ty.args.is_empty()) {
            return Ok(TypeRef::Generic(ty.name.to_string()));
        }
        Ok(match ty.name {
            "int" | "Int" => TypeRef::Int,
            "long" | "Long" => TypeRef::Long,
            "double" | "Double" => TypeRef::Double,
            "string" | "String" => TypeRef::String,
            "bytes" | "Bytes" => TypeRef::Bytes,
            "int128" | "Int128" => TypeRef::Int128,
            "int256" | "Int256" => TypeRef::Int256,
            "Bool" => TypeRef::Bool,
            "Vector" => TypeRef::Vector(Box::new(element(self)?)),
            "vector" => TypeRef::BareVector(Box::new(element(self)?)),
            name if ty.percent => match self.type_constructors.get(name).map_or(&[][..], Vec::as_slice) {
                [only] => TypeRef::Bare(*only),
                _ => {
                    return Err(error(format!(
                        "`%{name}` in `{}`: a bare type needs exactly one constructor",
                        definition.name.full
                    )));
                }
            },
            name => match (self.type_index.get(name), self.constructor_index.get(name)) {
                (Some(&index), _) => TypeRef::Enum(index),
                (None, Some(&index)) => TypeRef::Bare(index),
                (None, None) => {
                    return Err(error(format!(
                        "type `{name}` used by `{}` has no constructor",
                        definition.name.full
                    )));
                }
            },
        })
    }

    fn item(&self, definition: &Definition<'_>, result: TypeRef) -> Result<Item, ModelError> {
        let generics: Vec<&str> = definition.type_params.iter().map(|p| p.name).collect();
        let owner = ident::type_name(definition.name.full);
        let fields_of = || definition.params.iter().filter_map(Param::as_field);

        let flags_fields: Vec<String> = fields_of()
            .filter(|f| f.is_flags())
            .filter_map(|f| f.name)
            .map(String::from)
            .collect();
        let condition_of = |field: &tl_parser::Field<'_>| {
            field.condition.as_ref().map(|c| Condition {
                flags: flags_fields
                    .iter()
                    .position(|name| name == c.field)
                    .expect("the parser checked flags fields"),
                bit: c.bit,
            })
        };
        // Which params share each bit.
        let mut by_bit: BTreeMap<(usize, u32), Vec<&tl_parser::Field<'_>>> = BTreeMap::new();
        for field in fields_of() {
            if let Some(condition) = condition_of(field) {
                by_bit.entry((condition.flags, condition.bit)).or_default().push(field);
            }
        }

        let mut item = Item {
            tl_name: definition.name.full.to_string(),
            namespace: definition.name.namespace().map(String::from),
            rust_name: owner.clone(),
            id: definition.id,
            definition: definition.to_string(),
            fields: Vec::new(),
            wire: Vec::new(),
            flags_fields: flags_fields.clone(),
            groups: Vec::new(),
            derived: Vec::new(),
            generics: generics.iter().map(|g| g.to_string()).collect(),
            result,
            min_bare_size: 0,
            recursive_bare: false,
        };
        // Field index of each bit's field (or group), once created.
        let mut bit_field: BTreeMap<(usize, u32), usize> = BTreeMap::new();
        for field in fields_of() {
            let name = field.name.unwrap_or("_");
            if field.is_flags() {
                let index = flags_fields.iter().position(|f| f == name).expect("collected above");
                item.wire.push(Wire::Flags(index));
                continue;
            }
            let Some(condition) = condition_of(field) else {
                let ty = self.resolve(&field.ty, &generics, definition)?;
                item.push_wire_field(Field::new(name, FieldKind::Required(ty), None));
                continue;
            };
            let sharing = &by_bit[&(condition.flags, condition.bit)];
            let valued: Vec<&&tl_parser::Field<'_>> = sharing.iter().filter(|f| !f.is_flag_bit()).collect();
            if field.is_flag_bit() {
                // A bit alone (or the first of several bare bits) is a bool; a bit shared with a value is
                // derived from the value's presence.
                let first_bit = sharing.iter().find(|f| f.is_flag_bit()).map(|f| f.name);
                if valued.is_empty() && first_bit == Some(field.name) {
                    bit_field.insert((condition.flags, condition.bit), item.fields.len());
                    item.fields.push(Field::new(name, FieldKind::Bit, Some(condition)));
                } else {
                    item.derived.push(DerivedBit {
                        rust_name: ident::field_name(name),
                        tl_name: name.to_string(),
                        from_field: String::new(), // filled in below, once the owner field exists
                    });
                }
                continue;
            }
            let ty = self.resolve(&field.ty, &generics, definition)?;
            if valued.len() == 1 {
                bit_field.insert((condition.flags, condition.bit), item.fields.len());
                item.push_wire_field(Field::new(name, FieldKind::Optional(ty), Some(condition)));
                continue;
            }
            // Several values on one bit: one group struct, created at its first member.
            let field_index = match bit_field.get(&(condition.flags, condition.bit)) {
                Some(&index) => index,
                None => {
                    let member_names: Vec<&str> = valued.iter().filter_map(|f| f.name).collect();
                    let group_field = member_names
                        .iter()
                        .map(|n| ident::field_name(n))
                        .collect::<Vec<_>>()
                        .join("_");
                    let group_struct = format!(
                        "{owner}{}",
                        member_names.iter().map(|n| ident::type_name(n)).collect::<String>()
                    );
                    item.groups.push(Group {
                        rust_name: group_struct,
                        members: Vec::new(),
                    });
                    let index = item.fields.len();
                    bit_field.insert((condition.flags, condition.bit), index);
                    item.fields.push(Field {
                        rust_name: group_field,
                        tl_name: name.to_string(),
                        kind: FieldKind::Group(item.groups.len() - 1),
                        condition: Some(condition),
                    });
                    index
                }
            };
            let FieldKind::Group(group) = item.fields[field_index].kind else {
                unreachable!("a group field")
            };
            let members = &mut item.groups[group].members;
            item.wire.push(Wire::Value {
                field: field_index,
                member: Some(members.len()),
            });
            members.push((ident::field_name(name), name.to_string(), ty));
        }
        // Point each derived bit at the field that carries its bit.
        for derived in &mut item.derived {
            let field = fields_of()
                .find(|f| f.name == Some(derived.tl_name.as_str()))
                .expect("a param");
            let condition = condition_of(field).expect("derived bits are conditional");
            let owner = bit_field
                .get(&(condition.flags, condition.bit))
                .expect("the bit's value field");
            derived.from_field = item.fields[*owner].rust_name.clone();
        }
        Ok(item)
    }
}

/// Chooses variant names: the short form unless two constructors of one type would share it.
fn name_variants(model: &mut Model) -> Result<(), ModelError> {
    for ty in &mut model.types {
        let short: Vec<String> = ty
            .variants
            .iter()
            .map(|v| ident::variant_name(&model.constructors[v.constructor].tl_name, &ty.tl_name))
            .collect();
        let mut scope = NameScope::default();
        for (variant, name) in ty.variants.iter_mut().zip(&short) {
            let constructor = &model.constructors[variant.constructor];
            let clashes = short.iter().filter(|other| *other == name).count() > 1;
            variant.rust_name = if clashes {
                constructor.rust_name.clone()
            } else {
                name.clone()
            };
            scope
                .claim(&variant.rust_name, &constructor.tl_name)
                .map_err(|e| error(format!("in enum `{}`: {e}", ty.tl_name)))?;
        }
    }
    Ok(())
}

/// Refuses constructors that hold themselves through bare references (`a x:%A = A;`, or
/// `a flags:# x:flags.0?%A = A;`): a bare value is stored inline, so such a struct has no size. Kahn's
/// algorithm on the bare-reference graph (vectors store on the heap and break a cycle); whatever is never
/// freed of its references is on a cycle.
fn check_bare_cycles(model: &Model) -> Result<(), ModelError> {
    let count = model.constructors.len();
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut held_count = vec![0usize; count];
    for (index, constructor) in model.constructors.iter().enumerate() {
        for ty in field_types(constructor) {
            if let TypeRef::Bare(held) = ty {
                holders[*held].push(index);
                held_count[index] += 1;
            }
        }
    }
    let mut free: Vec<usize> = (0..count).filter(|&i| held_count[i] == 0).collect();
    while let Some(done) = free.pop() {
        for &holder in &holders[done] {
            held_count[holder] -= 1;
            if held_count[holder] == 0 {
                free.push(holder);
            }
        }
    }
    let cyclic: Vec<String> = (0..count)
        .filter(|&i| held_count[i] > 0)
        .map(|i| format!("`{}`", model.constructors[i].tl_name))
        .collect();
    match cyclic.as_slice() {
        [] => Ok(()),
        [one] => Err(error(format!(
            "{one} holds itself through bare references (`%T`), so it has no size; reference the boxed type instead"
        ))),
        _ => Err(error(format!(
            "{} hold each other through bare references (`%T`), so they have no size; reference the boxed types instead",
            cyclic.join(", ")
        ))),
    }
}

/// The fewest bytes of every encoding: each constructor's bare encoding, each boxed type's (its id and its
/// smallest constructor), each function's. These are the least solution of
///
/// ```text
/// size(constructor) = its flags words + Σ size of its required fields
/// size(type)        = 4 + min over its constructors of size(constructor)
/// ```
///
/// where optional fields count nothing and vectors their header (both may be empty). They are settled in
/// increasing order, as Dijkstra settles distances (Knuth's generalisation to such grammars): a constructor
/// is sized once every value it requires is, and the first constructor of a type to be sized is its
/// smallest. So cycles through optional fields or vectors need no guessed number of passes, and a type
/// that is never sized has no finite value: no bytes decode to it and no Rust value can be written, since
/// each of its constructors requires another value of a type that cannot be built (`a x:A = A;`).
fn compute_min_sizes(model: &mut Model) -> Result<(), ModelError> {
    let sizes = MinSizes::solve(model);
    let empty: Vec<String> = (model.types.iter().zip(&sizes.types))
        .filter(|(_, size)| size.is_none())
        .map(|(ty, _)| format!("`{}`", ty.tl_name))
        .collect();
    match empty.as_slice() {
        [] => {}
        [one] => {
            return Err(error(format!(
                "the type {one} has no finite value: each of its constructors requires another value of it"
            )));
        }
        _ => {
            return Err(error(format!(
                "the types {} have no finite value: each of their constructors requires a value of one of them",
                empty.join(", ")
            )));
        }
    }
    for (ty, size) in model.types.iter_mut().zip(&sizes.types) {
        ty.min_size = size.expect("every type has a finite value");
    }
    for (constructor, size) in model.constructors.iter_mut().zip(&sizes.constructors) {
        constructor.min_bare_size = size.expect("the constructors of finite types are finite");
    }
    for index in 0..model.functions.len() {
        let function = &model.functions[index];
        let required = required_values(function)
            .map(|ty| min_size(model, ty))
            .fold(fixed_min_size(function), usize::saturating_add);
        model.functions[index].min_bare_size = required;
    }
    Ok(())
}

/// The least fixed point of [`compute_min_sizes`]: `None` for what has no finite encoding.
struct MinSizes {
    types: Vec<Option<usize>>,
    constructors: Vec<Option<usize>>,
}

impl MinSizes {
    fn solve(model: &Model) -> Self {
        // Nodes: types first, then constructors. `waiting[node]` lists the constructors that require it,
        // once per field; `unmet` counts what each constructor still waits for, `partial` its size so far.
        let types = model.types.len();
        let mut waiting: Vec<Vec<usize>> = vec![Vec::new(); types + model.constructors.len()];
        let mut unmet = vec![0usize; model.constructors.len()];
        let mut partial = vec![0usize; model.constructors.len()];
        let mut settle_next = std::collections::BinaryHeap::new();
        for (index, constructor) in model.constructors.iter().enumerate() {
            partial[index] = fixed_min_size(constructor);
            for ty in required_values(constructor) {
                match ty {
                    TypeRef::Enum(held) => waiting[*held].push(index),
                    TypeRef::Bare(held) => waiting[types + held].push(index),
                    _ => unreachable!("required_values yields enums and bare constructors"),
                }
                unmet[index] += 1;
            }
            if unmet[index] == 0 {
                settle_next.push(std::cmp::Reverse((partial[index], types + index)));
            }
        }
        let mut settled: Vec<Option<usize>> = vec![None; waiting.len()];
        while let Some(std::cmp::Reverse((size, node))) = settle_next.pop() {
            if settled[node].is_some() {
                continue;
            }
            settled[node] = Some(size);
            if let Some(constructor) = node.checked_sub(types) {
                let TypeRef::Enum(ty) = model.constructors[constructor].result else {
                    unreachable!("constructors return their enum")
                };
                settle_next.push(std::cmp::Reverse((size.saturating_add(4), ty)));
            }
            for &needer in &waiting[node] {
                partial[needer] = partial[needer].saturating_add(size);
                unmet[needer] -= 1;
                if unmet[needer] == 0 {
                    settle_next.push(std::cmp::Reverse((partial[needer], types + needer)));
                }
            }
        }
        let constructors = settled.split_off(types);
        MinSizes {
            types: settled,
            constructors,
        }
    }
}

/// The enums and bare constructors an item requires, once per required field (optional fields and
/// vectors may be empty, so they require nothing).
fn required_values(item: &Item) -> impl Iterator<Item = &TypeRef> {
    item.fields.iter().filter_map(|field| match &field.kind {
        FieldKind::Required(ty @ (TypeRef::Enum(_) | TypeRef::Bare(_))) => Some(ty),
        _ => None,
    })
}

/// An item's fewest bytes apart from the enums and bare constructors it requires: its flags words and
/// its other required fields.
fn fixed_min_size(item: &Item) -> usize {
    let fields = item.fields.iter().filter_map(|field| match &field.kind {
        FieldKind::Required(TypeRef::Enum(_) | TypeRef::Bare(_)) => None,
        FieldKind::Required(ty) => Some(scalar_min_size(ty)),
        _ => None,
    });
    fields.fold(4 * item.flags_fields.len(), usize::saturating_add)
}

/// The fewest bytes of a type that is neither an enum nor a bare constructor.
fn scalar_min_size(ty: &TypeRef) -> usize {
    match ty {
        TypeRef::Int | TypeRef::Bool | TypeRef::String | TypeRef::Bytes => 4,
        TypeRef::BareVector(_) | TypeRef::Generic(_) => 4,
        TypeRef::Long | TypeRef::Double | TypeRef::Vector(_) => 8,
        TypeRef::Int128 => 16,
        TypeRef::Int256 => 32,
        TypeRef::Enum(_) | TypeRef::Bare(_) => unreachable!("sized by MinSizes"),
    }
}

/// Marks what counts nesting depth when decoded. The graph has a node per type and per constructor: a
/// type leads to its constructors, a constructor to every type and bare constructor it mentions anywhere
/// (in a field, an optional field, a vector at any depth, a group). A type on a cycle is recursive: its
/// enum's decoder counts depth. A cycle that passes through no type is made of constructors holding each
/// other bare inside vectors; the constructors on such cycles count depth in their own decoders. So every
/// recursion of the decoders passes through something that counts, whatever it runs through.
fn mark_recursion(model: &mut Model) {
    let types = model.types.len();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); types + model.constructors.len()];
    let mut bare_edges: Vec<Vec<usize>> = vec![Vec::new(); model.constructors.len()];
    for (index, ty) in model.types.iter().enumerate() {
        edges[index].extend(ty.variants.iter().map(|v| types + v.constructor));
    }
    for (index, constructor) in model.constructors.iter().enumerate() {
        for ty in field_types(constructor) {
            visit_mentions(ty, &mut |mentioned| match mentioned {
                TypeRef::Enum(held) => edges[types + index].push(*held),
                TypeRef::Bare(held) => {
                    edges[types + index].push(types + held);
                    bare_edges[index].push(*held);
                }
                _ => {}
            });
        }
    }
    let on_cycle = nodes_on_cycles(&edges);
    for (index, ty) in model.types.iter_mut().enumerate() {
        ty.recursive = on_cycle[index];
    }
    for (constructor, on_cycle) in model.constructors.iter_mut().zip(nodes_on_cycles(&bare_edges)) {
        constructor.recursive_bare = on_cycle;
    }
}

/// `ty` and every type inside it (the elements of vectors, at any depth).
fn visit_mentions<'t>(ty: &'t TypeRef, visit: &mut impl FnMut(&'t TypeRef)) {
    visit(ty);
    if let TypeRef::Vector(element) | TypeRef::BareVector(element) = ty {
        visit_mentions(element, visit);
    }
}

/// Whether each node of a directed graph lies on a cycle: its strongly connected component has another
/// node, or it has an edge to itself.
fn nodes_on_cycles(edges: &[Vec<usize>]) -> Vec<bool> {
    let component = strongly_connected_components(edges);
    let mut component_sizes = vec![0usize; edges.len()];
    for &id in &component {
        component_sizes[id] += 1;
    }
    (0..edges.len())
        .map(|node| component_sizes[component[node]] > 1 || edges[node].contains(&node))
        .collect()
}

/// Every type an item's fields hold, group members included.
pub fn field_types(item: &Item) -> Vec<&TypeRef> {
    let mut types = Vec::new();
    for field in &item.fields {
        match &field.kind {
            FieldKind::Required(ty) | FieldKind::Optional(ty) => types.push(ty),
            FieldKind::Bit => {}
            FieldKind::Group(group) => types.extend(item.groups[*group].members.iter().map(|(_, _, ty)| ty)),
        }
    }
    types
}

/// Boxes each variant whose constructor holds, inline, a type from which its own enum is reachable
/// inline: exactly the variants that would otherwise make the enum infinitely large.
///
/// The graph has a node per type and per constructor: a type leads to its constructors, a constructor to
/// the enums and bare constructors its fields hold inline (a `Vec` stores on the heap and leads nowhere).
/// A variant must be boxed exactly when its constructor leads back to its type, that is when both are in
/// one strongly connected component.
fn mark_boxed_variants(model: &mut Model) {
    let types = model.types.len();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); types + model.constructors.len()];
    for (index, ty) in model.types.iter().enumerate() {
        edges[index].extend(ty.variants.iter().map(|v| types + v.constructor));
    }
    for (index, constructor) in model.constructors.iter().enumerate() {
        for ty in field_types(constructor) {
            match ty {
                TypeRef::Enum(held) => edges[types + index].push(*held),
                TypeRef::Bare(held) => edges[types + index].push(types + held),
                _ => {}
            }
        }
    }
    let component = strongly_connected_components(&edges);
    for (index, ty) in model.types.iter_mut().enumerate() {
        for variant in &mut ty.variants {
            if component[types + variant.constructor] == component[index] {
                variant.boxed = true;
            }
        }
    }
}

/// The strongly connected component of each node of a directed graph (Kosaraju's algorithm, with explicit
/// stacks so that a hostile schema's long chains cannot overflow the call stack).
fn strongly_connected_components(edges: &[Vec<usize>]) -> Vec<usize> {
    let count = edges.len();
    // Pass 1: nodes in order of finishing a depth-first search.
    let mut finished = Vec::with_capacity(count);
    let mut visited = vec![false; count];
    for root in 0..count {
        if std::mem::replace(&mut visited[root], true) {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        while let Some((node, next_edge)) = stack.last_mut() {
            if let Some(&target) = edges[*node].get(*next_edge) {
                *next_edge += 1;
                if !std::mem::replace(&mut visited[target], true) {
                    stack.push((target, 0));
                }
            } else {
                finished.push(*node);
                stack.pop();
            }
        }
    }
    // Pass 2: on the reversed graph, in reverse finishing order, each search collects one component.
    let mut reversed = vec![Vec::new(); count];
    for (from, targets) in edges.iter().enumerate() {
        for &to in targets {
            reversed[to].push(from);
        }
    }
    let mut component = vec![usize::MAX; count];
    for (id, &root) in finished.iter().rev().enumerate() {
        if component[root] != usize::MAX {
            continue;
        }
        component[root] = id;
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            for &source in &reversed[node] {
                if component[source] == usize::MAX {
                    component[source] = id;
                    stack.push(source);
                }
            }
        }
    }
    component
}

/// The largest estimated struct size kept inline in an enum; larger variants are boxed so that every enum
/// stays small (a `Vec<User>` of a million `userEmpty` must not cost a full `user` each).
pub const MAX_INLINE_VARIANT: usize = 64;

/// Boxes the variants whose struct is larger than [`MAX_INLINE_VARIANT`] (an estimate of the Rust layout), in
/// enums of more than one variant (with one variant there is no smaller value to keep small).
fn mark_large_variants(model: &mut Model) {
    let mut sizes = SizeEstimate {
        enum_sizes: vec![None; model.types.len()],
        visiting: vec![false; model.types.len()],
        depth: 0,
    };
    let mut large = Vec::new();
    for (type_index, ty) in model.types.iter().enumerate() {
        sizes.enum_size(model, type_index);
        for (variant_index, variant) in ty.variants.iter().enumerate() {
            if ty.variants.len() > 1
                && !variant.boxed
                && sizes.struct_size(model, &model.constructors[variant.constructor]) > MAX_INLINE_VARIANT
            {
                large.push((type_index, variant_index));
            }
        }
    }
    for (type_index, variant_index) in large {
        model.types[type_index].variants[variant_index].boxed = true;
    }
}

/// Estimated in-memory sizes (bytes) of generated types, for the boxing decision.
struct SizeEstimate {
    enum_sizes: Vec<Option<usize>>,
    visiting: Vec<bool>,
    /// Enums and bare structs being estimated, one inside the other.
    depth: usize,
}

/// Enums nested deeper than this (only hostile schemas have such chains) are estimated as large, so the
/// estimate's recursion stays shallow; the cost is a box that a precise estimate might have spared.
const MAX_ESTIMATE_DEPTH: usize = 64;

impl SizeEstimate {
    fn enum_size(&mut self, model: &Model, index: usize) -> usize {
        if let Some(size) = self.enum_sizes[index] {
            return size;
        }
        if self.visiting[index] {
            return 16; // a cycle goes through a boxed variant
        }
        if self.depth >= MAX_ESTIMATE_DEPTH {
            return MAX_INLINE_VARIANT + 8;
        }
        self.depth += 1;
        let size = self.estimate_enum(model, index);
        self.depth -= 1;
        size
    }

    fn estimate_enum(&mut self, model: &Model, index: usize) -> usize {
        self.visiting[index] = true;
        let mut largest = 0;
        for variant in &model.types[index].variants {
            let several = model.types[index].variants.len() > 1;
            let size = if variant.boxed {
                8
            } else {
                let size = self.struct_size(model, &model.constructors[variant.constructor]);
                if several && size > MAX_INLINE_VARIANT { 8 } else { size }
            };
            largest = largest.max(size);
        }
        self.visiting[index] = false;
        let size = (largest + 8).next_multiple_of(8);
        self.enum_sizes[index] = Some(size);
        size
    }

    fn struct_size(&mut self, model: &Model, item: &Item) -> usize {
        let mut size = 0;
        for field in &item.fields {
            size += match &field.kind {
                FieldKind::Required(ty) => self.type_size(model, ty),
                FieldKind::Optional(ty) => self.option_size(model, ty),
                FieldKind::Bit => 1,
                FieldKind::Group(group) => {
                    let members: usize = item.groups[*group]
                        .members
                        .iter()
                        .map(|(_, _, ty)| self.type_size(model, ty))
                        .sum();
                    members + 8
                }
            };
        }
        size.next_multiple_of(8)
    }

    fn type_size(&mut self, model: &Model, ty: &TypeRef) -> usize {
        match ty {
            TypeRef::Bool => 1,
            TypeRef::Int => 4,
            TypeRef::Long | TypeRef::Double | TypeRef::Generic(_) => 8,
            TypeRef::Int128 => 16,
            TypeRef::Int256 => 32,
            TypeRef::String | TypeRef::Bytes | TypeRef::Vector(_) | TypeRef::BareVector(_) => 24,
            TypeRef::Enum(index) => self.enum_size(model, *index),
            TypeRef::Bare(_) if self.depth >= MAX_ESTIMATE_DEPTH => MAX_INLINE_VARIANT + 8,
            TypeRef::Bare(index) => {
                self.depth += 1;
                let size = self.struct_size(model, &model.constructors[*index]);
                self.depth -= 1;
                size
            }
        }
    }

    /// `Option<T>`: free for types with a niche (pointers, enums), else a tag rounded to the alignment.
    fn option_size(&mut self, model: &Model, ty: &TypeRef) -> usize {
        let size = self.type_size(model, ty);
        match ty {
            TypeRef::String | TypeRef::Bytes | TypeRef::Vector(_) | TypeRef::BareVector(_) | TypeRef::Enum(_) => size,
            TypeRef::Bool => 1,
            TypeRef::Int => 8,
            _ => size + 8,
        }
    }
}

/// The fewest bytes a value of `ty` takes on the wire (once the model is built).
pub fn min_size(model: &Model, ty: &TypeRef) -> usize {
    match ty {
        TypeRef::Enum(index) => model.types[*index].min_size,
        TypeRef::Bare(constructor) => model.constructors[*constructor].min_bare_size,
        scalar => scalar_min_size(scalar),
    }
}

/// Rust names inside each item (fields, derived methods, the generated methods) and in each module.
fn check_item_names(model: &Model) -> Result<(), ModelError> {
    let mut modules: BTreeMap<(&str, Option<&str>), NameScope> = BTreeMap::new();
    for (kind, items) in [("types", &model.constructors), ("functions", &model.functions)] {
        for item in items {
            let scope = modules.entry((kind, item.namespace.as_deref())).or_default();
            let claim = |scope: &mut NameScope, rust: &str, tl: &str| {
                scope
                    .claim(rust, tl)
                    .map_err(|e| error(format!("in module `{kind}`: {e}")))
            };
            claim(scope, &item.rust_name, &item.tl_name)?;
            for group in &item.groups {
                claim(scope, &group.rust_name, &format!("{} (shared flag bit)", item.tl_name))?;
            }
            let mut members = NameScope::default();
            let names = item
                .fields
                .iter()
                .map(|f| (&f.rust_name, &f.tl_name))
                .chain(item.derived.iter().map(|d| (&d.rust_name, &d.tl_name)));
            for (rust, tl) in names {
                members
                    .claim(rust, tl)
                    .map_err(|e| error(format!("in `{}`: {e}", item.tl_name)))?;
            }
        }
    }
    let mut enums: BTreeMap<Option<&str>, NameScope> = BTreeMap::new();
    for ty in &model.types {
        let scope = enums.entry(ty.namespace.as_deref()).or_default();
        scope
            .claim(&ty.rust_name, &ty.tl_name)
            .map_err(|e| error(format!("in module `enums`: {e}")))?;
    }
    Ok(())
}
