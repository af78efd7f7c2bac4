//! Sample encodings built from the checked model, independently of the generated code: for any
//! constructor or function, the bytes of a value with every optional field present, or every one absent,
//! or of a random value (every choice drawn from a seed, for property tests). Decoding them with the
//! generated types and encoding again must give the same bytes.

use tl_codegen::model::{CountSource, CountSum, FieldKind, FixedSource, Item, Model, Step, TypeRef, group_members};
use tl_parser::builtin::{Builtin, Codec};

/// Which conditional fields a sample has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Every conditional field present, every `?true` set.
    All,
    /// Every conditional field absent.
    None,
}

/// Nested values deeper than this are filled minimally, so samples stay small.
const FULL_DEPTH: usize = 2;

/// The choices a sample makes: which optional fields are present, which constructor of a type, how many
/// vector elements, and the values of the built-ins.
trait Choices {
    /// Whether a conditional field at `depth` is present.
    fn present(&mut self, depth: usize) -> bool;
    /// Which of `count` constructors to use at `depth` (`None`: the one that ends recursion soonest).
    fn variant(&mut self, count: usize, depth: usize) -> Option<usize>;
    /// How many elements a vector at `depth` has.
    fn vector_len(&mut self, depth: usize) -> u32;
    /// Appends a value of a built-in type.
    fn builtin(&mut self, builtin: &Builtin, out: &mut Vec<u8>);
    /// Appends `size` raw bytes (a fixed-size value the schema declares).
    fn array(&mut self, size: usize, out: &mut Vec<u8>);
}

impl Choices for Fill {
    fn present(&mut self, depth: usize) -> bool {
        *self == Fill::All && depth <= FULL_DEPTH
    }

    fn variant(&mut self, _: usize, _: usize) -> Option<usize> {
        None
    }

    /// One item near the top, none deeper (so recursive types end).
    fn vector_len(&mut self, depth: usize) -> u32 {
        u32::from(depth <= FULL_DEPTH)
    }

    fn builtin(&mut self, builtin: &Builtin, out: &mut Vec<u8>) {
        match builtin.codec {
            // `#`: 0, valid both as a count and as flags (peers that take every `#` for flags agree).
            _ if builtin.names[0] == "#" => out.extend_from_slice(&0u32.to_le_bytes()),
            Codec::LittleEndian(4) => out.extend_from_slice(&7i32.to_le_bytes()),
            Codec::LittleEndian(8) if builtin.rust == "f64" => out.extend_from_slice(&0.25f64.to_le_bytes()),
            Codec::LittleEndian(size) => out.extend_from_slice(&(-9i64).to_le_bytes()[..size]),
            Codec::Text => out.extend_from_slice(&[5, b'h', b'e', b'l', b'l', b'o', 0, 0]),
            Codec::Bytes => out.extend_from_slice(&[3, 1, 2, 3]),
            Codec::Raw(size) => out.extend(std::iter::repeat_n(if size == 16 { 0x11 } else { 0x22 }, size)),
            Codec::Bool => out.extend_from_slice(&0x997275b5u32.to_le_bytes()),
        }
    }

    fn array(&mut self, size: usize, out: &mut Vec<u8>) {
        out.extend(std::iter::repeat_n(0x33, size));
    }
}

/// The boxed encoding (id, then fields) of a sample of `item`.
pub fn boxed(model: &Model, item: &Item, fill: Fill) -> Vec<u8> {
    boxed_with(model, item, &mut { fill })
}

/// The boxed encoding of a random value of `item`, every choice drawn from `seed` (splitmix64): random
/// optional fields, constructors, vector lengths (up to 3, none below depth 4), integers biased to their
/// edges, valid UTF-8 strings and bytes of up to 300 bytes (so both length forms appear).
pub fn random_boxed(model: &Model, item: &Item, seed: u64) -> Vec<u8> {
    boxed_with(model, item, &mut Random { state: seed })
}

/// Appends the smallest value of `ty` (every conditional field absent, every vector empty, the
/// constructor with the fewest required nested values).
pub fn minimal_value(model: &Model, ty: &TypeRef, out: &mut Vec<u8>) {
    value(model, ty, &mut Fill::None, FULL_DEPTH + 1, out);
}

fn boxed_with(model: &Model, item: &Item, choices: &mut impl Choices) -> Vec<u8> {
    let mut out = item.id.to_le_bytes().to_vec();
    bare(model, item, choices, 0, &mut out);
    out
}

/// The bare encoding of a sample of `item`: a walk over its wire plan, as the generated encoder does.
fn bare(model: &Model, item: &Item, choices: &mut impl Choices, depth: usize, out: &mut Vec<u8>) {
    // A flags word given where the type is applied decides; samples write every `#` field as 0.
    let given = |flags: usize| match item.flags_given[flags] {
        Some(CountSource::Const(mask)) => Some(mask),
        Some(_) => Some(0),
        None => None,
    };
    let present: Vec<bool> = (item.fields.iter())
        .map(|field| match field.condition {
            None => true,
            Some(condition) => match given(condition.flags) {
                Some(mask) => mask & condition.mask() != 0,
                None => choices.present(depth),
            },
        })
        .collect();
    let mut value_of = |ty: &TypeRef, out: &mut Vec<u8>| value(model, ty, choices, depth + 1, out);
    for step in &item.plan {
        match step {
            Step::Fixed(parts) => {
                for part in parts {
                    match part.source {
                        FixedSource::Flags(flags) => {
                            out.extend_from_slice(&flags_word(item, flags, &present).to_le_bytes())
                        }
                        FixedSource::Field(field) => value_of(item.wire_type(field, None), out),
                        FixedSource::Member(_) => unreachable!("members are in groups"),
                    }
                }
            }
            Step::Required(field) => value_of(item.wire_type(*field, None), out),
            Step::Optional(field) if present[*field] => value_of(item.wire_type(*field, None), out),
            Step::Group { field, parts } if present[*field] => {
                for member in group_members(parts) {
                    value_of(item.wire_type(*field, Some(member)), out);
                }
            }
            Step::Optional(_) | Step::Group { .. } => {}
        }
    }
}

/// The flags word `flags` of a sample: the bit of every present field conditional on it.
fn flags_word(item: &Item, flags: usize, present: &[bool]) -> u32 {
    let conditions = item.fields.iter().zip(present).filter(|(_, present)| **present);
    conditions
        .filter_map(|(field, _)| field.condition.filter(|c| c.flags == flags))
        .fold(0, |word, condition| word | condition.mask())
}

fn value(model: &Model, ty: &TypeRef, choices: &mut impl Choices, depth: usize, out: &mut Vec<u8>) {
    match ty {
        TypeRef::Enum(index) if model.types[*index].universal.is_some() => {
            universal_value(model, *index, choices, depth, out)
        }
        TypeRef::Enum(index) if model.types[*index].functions.is_some() => {
            any_function_value(model, *index, choices, depth, out)
        }
        TypeRef::Enum(index) => {
            let constructor = chosen_constructor(model, *index, choices, depth);
            out.extend_from_slice(&constructor.id.to_le_bytes());
            bare(model, constructor, choices, depth, out);
        }
        TypeRef::Bare(index) => bare(model, &model.constructors[*index], choices, depth, out),
        TypeRef::Apply(generic, args) => match **generic {
            TypeRef::Enum(index) => {
                let constructor = chosen_constructor(model, index, choices, depth);
                out.extend_from_slice(&constructor.id.to_le_bytes());
                let instance = constructor.instantiate(&model.types[index].generics, args);
                bare(model, &instance, choices, depth, out);
            }
            TypeRef::Bare(index) => {
                let constructor = &model.constructors[index];
                let instance = constructor.instantiate(&constructor.generics, args);
                bare(model, &instance, choices, depth, out);
            }
            TypeRef::Extern(index) if model.externs[index].rust_path == tl_codegen::model::BARE_VECTOR_ARGUMENT => {
                vector_items(model, &args[0], choices, depth, out)
            }
            _ => unreachable!("a generic type or constructor is applied"),
        },
        TypeRef::Param(_) => panic!("a type parameter is sampled where its generic type is applied"),
        TypeRef::Vector(element) => {
            out.extend_from_slice(&0x1cb5c415u32.to_le_bytes());
            vector_items(model, element, choices, depth, out);
        }
        TypeRef::BareVector(element) => vector_items(model, element, choices, depth, out),
        TypeRef::Heap(inner) => value(model, inner, choices, depth, out),
        // Samples write every `#` as 0, the count of such a repetition too.
        TypeRef::Counted(_, CountSource::Field(_) | CountSource::Item(_)) => {}
        TypeRef::Counted(element, CountSource::Const(count)) => {
            for _ in 0..*count {
                value(model, element, choices, depth, out);
            }
        }
        TypeRef::Counted(_, CountSource::Param(_)) => panic!("a `#` parameter is sampled where its type is applied"),
        TypeRef::Counts(inner, counts) => counted_value(model, inner, counts, choices, depth, out),
        // Read under a flags word that is a `#` (a field, or a value of an item): samples write it as 0, so
        // the value is absent; a bit has no bytes.
        TypeRef::Flagged(..) | TypeRef::FlagBit(_) => {}
        TypeRef::Tuple(values) => (values.iter()).for_each(|ty| value(model, ty, choices, depth, out)),
        TypeRef::Generic(_) => panic!("samples of generic functions need a concrete query"),
        TypeRef::Builtin(builtin) => choices.builtin(builtin.get(), out),
        TypeRef::Array(size) => choices.array(*size, out),
        TypeRef::Extern(index) if model.externs[*index].rust_path == tl_codegen::model::BYTES_ARGUMENT => {
            let bytes = tl_parser::builtin::find("bytes").expect("a built-in");
            choices.builtin(bytes.get(), out)
        }
        TypeRef::Extern(_) => panic!("samples of extern types need a value from the crate that defines them"),
    }
}

/// A value of a type with `#` parameters applied to `counts` (each a number, or a `#` field, which samples
/// write as 0): its constructor with the counts given.
fn counted_value(
    model: &Model,
    ty: &TypeRef,
    counts: &[CountSum],
    choices: &mut impl Choices,
    depth: usize,
    out: &mut Vec<u8>,
) {
    let counts: Vec<u32> = (counts.iter())
        .map(|sum| match sum.source {
            CountSource::Const(count) => count.saturating_add(sum.plus),
            CountSource::Field(_) | CountSource::Item(_) => sum.plus,
            CountSource::Param(_) => panic!("a `#` parameter is sampled where its type is applied"),
        })
        .collect();
    let (base, args) = match ty {
        TypeRef::Apply(generic, args) => (&**generic, args.as_slice()),
        other => (other, &[][..]),
    };
    match *base {
        TypeRef::Enum(index) => {
            let (constructor, own) = counted_constructor(model, index, &counts, choices, depth);
            out.extend_from_slice(&constructor.id.to_le_bytes());
            let instance = constructor
                .instantiate(&model.types[index].generics, args)
                .with_counts(&own);
            bare(model, &instance, choices, depth, out);
        }
        TypeRef::Bare(index) => {
            let constructor = &model.constructors[index];
            let instance = constructor
                .instantiate(&constructor.generics, args)
                .with_counts(&counts);
            bare(model, &instance, choices, depth, out);
        }
        _ => unreachable!("a type or constructor with `#` parameters is applied"),
    }
}

/// The constructor of type `index` (with `#` parameters) a sample takes for `counts`, among those its
/// result type allows (`= Tuple X 0` for 0 only), as chosen or the one with the fewest required nested
/// values; and its own counts (`n` of `= Tuple X (n+1)` one less).
fn counted_constructor<'m>(
    model: &'m Model,
    index: usize,
    counts: &[u32],
    choices: &mut impl Choices,
    depth: usize,
) -> (&'m Item, Vec<u32>) {
    let own_counts = |constructor: &Item| -> Option<Vec<u32>> {
        let patterns = &constructor.count_patterns;
        let allowed = (patterns.iter().zip(counts)).all(|(pattern, count)| pattern.allows(*count));
        let own = constructor.own_counts_in_type().into_iter();
        allowed.then(|| own.map(|(at, plus)| counts[at] - plus).collect())
    };
    let allowed: Vec<(&Item, Vec<u32>)> = (model.types[index].variants.iter())
        .map(|variant| &model.constructors[variant.constructor])
        .filter_map(|constructor| Some((constructor, own_counts(constructor)?)))
        .collect();
    assert!(
        !allowed.is_empty(),
        "a constructor of `{}` for {counts:?}",
        model.types[index].tl_name
    );
    match choices.variant(allowed.len(), depth) {
        Some(chosen) => allowed[chosen].clone(),
        None => (allowed.into_iter())
            .min_by_key(|(constructor, _)| nested_required(constructor))
            .expect("not empty"),
    }
}

/// The constructor of type `index` a sample takes: as chosen, or the one with the fewest required nested
/// values (it ends the recursion soonest).
fn chosen_constructor<'m>(model: &'m Model, index: usize, choices: &mut impl Choices, depth: usize) -> &'m Item {
    let ty = &model.types[index];
    let variant = match choices.variant(ty.variants.len(), depth) {
        Some(chosen) => &ty.variants[chosen],
        None => (ty.variants.iter())
            .min_by_key(|v| nested_required(&model.constructors[v.constructor]))
            .expect("a type has constructors"),
    };
    &model.constructors[variant.constructor]
}

/// A value of the universal type `index`: a value of one of the types it holds, as chosen, or an empty
/// `Vector` (the value that needs no other type).
fn universal_value(model: &Model, index: usize, choices: &mut impl Choices, depth: usize, out: &mut Vec<u8>) {
    let members = model.types[index].universal.as_deref().unwrap_or_default();
    match choices
        .variant(members.len() + 1, depth)
        .filter(|&chosen| chosen < members.len())
    {
        Some(chosen) => value(model, &TypeRef::Enum(members[chosen].ty), choices, depth, out),
        None => {
            out.extend_from_slice(&0x1cb5c415u32.to_le_bytes());
            out.extend_from_slice(&0u32.to_le_bytes());
        }
    }
}

/// A value of the universal function type `index`: a call of one of its functions, as chosen, or of the
/// one with the fewest nested values.
fn any_function_value(model: &Model, index: usize, choices: &mut impl Choices, depth: usize, out: &mut Vec<u8>) {
    let members = model.types[index].functions.as_deref().unwrap_or_default();
    let member = match choices.variant(members.len(), depth) {
        Some(chosen) => &members[chosen],
        None => (members.iter())
            .min_by_key(|m| nested_required(&model.functions[m.function]))
            .expect("a schema that uses `Function` has functions"),
    };
    let function = &model.functions[member.function];
    out.extend_from_slice(&function.id.to_le_bytes());
    bare(model, function, choices, depth, out);
}

/// A count and the items.
fn vector_items(model: &Model, element: &TypeRef, choices: &mut impl Choices, depth: usize, out: &mut Vec<u8>) {
    let count = choices.vector_len(depth);
    out.extend_from_slice(&count.to_le_bytes());
    for _ in 0..count {
        value(model, element, choices, depth, out);
    }
}

/// Choices drawn from a splitmix64 stream (deterministic, for samples, not for secrets).
pub struct Random {
    state: u64,
}

/// Below this depth, random samples take the constructor that ends recursion soonest and empty vectors.
const RANDOM_DEPTH: usize = 4;

impl Random {
    /// The stream from `seed`.
    pub fn new(seed: u64) -> Self {
        Random { state: seed }
    }

    /// The next number of the stream.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    /// A length from 0 to 300: short most of the time, past 253 (the long form) sometimes.
    fn len(&mut self) -> usize {
        match self.below(4) {
            0 => 254 + self.below(47) as usize,
            _ => self.below(20) as usize,
        }
    }

    /// A random `u64`, or one of the edge values 0, 1, all ones and the sign bit alone.
    fn edgy(&mut self) -> u64 {
        match self.below(8) {
            0 => 0,
            1 => 1,
            2 => u64::MAX,
            3 => 1 << 63,
            _ => self.next_u64(),
        }
    }
}

impl Choices for Random {
    fn present(&mut self, depth: usize) -> bool {
        depth < RANDOM_DEPTH && self.below(2) == 0
    }

    fn variant(&mut self, count: usize, depth: usize) -> Option<usize> {
        (depth < RANDOM_DEPTH).then(|| self.below(count as u64) as usize)
    }

    fn vector_len(&mut self, depth: usize) -> u32 {
        if depth < RANDOM_DEPTH { self.below(4) as u32 } else { 0 }
    }

    fn builtin(&mut self, builtin: &Builtin, out: &mut Vec<u8>) {
        match builtin.codec {
            _ if builtin.names[0] == "#" => out.extend_from_slice(&0u32.to_le_bytes()),
            Codec::LittleEndian(4) => {
                out.extend_from_slice(&(self.edgy() as u32 ^ (self.edgy() >> 32) as u32).to_le_bytes())
            }
            Codec::LittleEndian(size) => out.extend_from_slice(&self.edgy().to_le_bytes()[..size]),
            Codec::Text => {
                let text: String = (0..self.len())
                    .map(|_| match self.below(8) {
                        0 => 'é',
                        1 => '\u{1f600}',
                        2 => '\u{fffd}',
                        _ => char::from(b' ' + self.below(95) as u8),
                    })
                    .collect();
                push_tl_bytes(text.as_bytes(), out);
            }
            Codec::Bytes => {
                let data: Vec<u8> = (0..self.len()).map(|_| self.next_u64() as u8).collect();
                push_tl_bytes(&data, out);
            }
            Codec::Raw(size) => out.extend((0..size).map(|_| self.next_u64() as u8)),
            Codec::Bool => {
                let id = if self.below(2) == 0 { 0x997275b5u32 } else { 0xbc799737 };
                out.extend_from_slice(&id.to_le_bytes());
            }
        }
    }

    fn array(&mut self, size: usize, out: &mut Vec<u8>) {
        out.extend((0..size).map(|_| self.next_u64() as u8));
    }
}

/// A TL `bytes` item spelled out, independently of the runtime's writer: the length (one byte, or 0xfe and
/// three), the data, zero padding to 4.
fn push_tl_bytes(data: &[u8], out: &mut Vec<u8>) {
    let len = data.len();
    let header: &[u8] = if len < 254 {
        &[len as u8]
    } else {
        &[0xfe, len as u8, (len >> 8) as u8, (len >> 16) as u8]
    };
    out.extend_from_slice(header);
    out.extend_from_slice(data);
    let padding = (4 - (header.len() + len) % 4) % 4;
    out.extend_from_slice(&[0; 3][..padding]);
}

/// How many required fields of `item` hold other TL objects directly (vectors end up empty when deep).
fn nested_required(item: &Item) -> usize {
    item.fields
        .iter()
        .filter(|f| {
            matches!(
                &f.kind,
                FieldKind::Required(TypeRef::Enum(_) | TypeRef::Bare(_) | TypeRef::Apply(..) | TypeRef::Param(_))
            )
        })
        .count()
}

/// The model of `schema/url_auth.tl`, as the generator builds it.
pub fn url_auth_model() -> Model {
    model_of(&[tl_parser::SourceFile::read(crate::workspace_root().join("schema/url_auth.tl")).expect("the schema")])
}

/// The model the generator builds for `files` (mtproto.tl's hand-assigned ids allowed), through the
/// generator's own pipeline steps.
pub fn model_of(files: &[tl_parser::SourceFile]) -> Model {
    let options = tl_parser::ParseOptions::new();
    let loaded = tl_codegen::load(files, &options).unwrap_or_else(|error| panic!("{error}"));
    let selected = tl_codegen::select(&loaded.schema, &[]).unwrap_or_else(|error| panic!("{error}"));
    let degrade = tl_codegen::Strictness::Degrade;
    let (model, _) = tl_codegen::build_model(files, &loaded, &selected, &Default::default(), degrade)
        .unwrap_or_else(|error| panic!("{error}"));
    model
}

/// Decodes `bytes` as `T`, checks `serialized_len` and that encoding gives the same bytes back.
pub fn round_trip<T: tl_runtime::Serialize + tl_runtime::Deserialize>(bytes: &[u8]) -> Result<(), String> {
    let value = T::from_bytes(bytes).map_err(|e| format!("we cannot read: {e}"))?;
    if value.serialized_len() != bytes.len() {
        return Err(format!(
            "serialized_len {} for {} bytes",
            value.serialized_len(),
            bytes.len()
        ));
    }
    if value.to_bytes() != bytes {
        return Err("we write back differently".into());
    }
    crate::decoding::appends_agree(&value, bytes)
}

/// What checking a sample of every constructor (or function) found.
#[derive(Debug, Default)]
pub struct Sweep {
    /// How many samples were checked.
    pub checked: usize,
    /// `(TL name, error)` for each sample that failed.
    pub failures: Vec<(String, String)>,
}

impl Sweep {
    /// The failures, one a line, for an assertion message.
    pub fn report(&self) -> String {
        let lines: Vec<String> = self
            .failures
            .iter()
            .map(|(name, error)| format!("{name}: {error}"))
            .collect();
        format!("{} failures:\n{}", lines.len(), lines.join("\n"))
    }
}

/// Checks a `fill` sample of every constructor with `check(tl_type, bytes)`.
pub fn sweep_constructors(model: &Model, fill: Fill, check: impl Fn(&str, &[u8]) -> Result<(), String>) -> Sweep {
    sweep_constructors_with(model, |item| (boxed(model, item, fill), format!("{fill:?}")), check)
}

/// Checks a random sample (from `seed`) of every constructor with `check(tl_type, bytes)`.
pub fn sweep_constructors_random(model: &Model, seed: u64, check: impl Fn(&str, &[u8]) -> Result<(), String>) -> Sweep {
    sweep_constructors_with(model, |item| random_sample(model, item, seed), check)
}

/// Checks a `fill` sample of every function but the generic wrappers with `check(tl_name, bytes)`.
pub fn sweep_functions(model: &Model, fill: Fill, check: impl Fn(&str, &[u8]) -> Result<(), String>) -> Sweep {
    sweep_functions_with(model, |item| (boxed(model, item, fill), format!("{fill:?}")), check)
}

/// Checks a random sample (from `seed`) of every function but the generic wrappers.
pub fn sweep_functions_random(model: &Model, seed: u64, check: impl Fn(&str, &[u8]) -> Result<(), String>) -> Sweep {
    sweep_functions_with(model, |item| random_sample(model, item, seed), check)
}

/// A random sample of `item`: each item gets its own stream, so one seed varies every item differently.
fn random_sample(model: &Model, item: &Item, seed: u64) -> (Vec<u8>, String) {
    let seed = seed ^ u64::from(item.id).wrapping_mul(0x2545_f491_4f6c_dd1d);
    (random_boxed(model, item, seed), format!("seed {seed:#x}"))
}

fn sweep_constructors_with(
    model: &Model,
    sample: impl Fn(&Item) -> (Vec<u8>, String),
    check: impl Fn(&str, &[u8]) -> Result<(), String>,
) -> Sweep {
    let mut sweep = Sweep::default();
    for ty in &model.types {
        for variant in &ty.variants {
            let constructor = &model.constructors[variant.constructor];
            let (bytes, label) = sample(constructor);
            if let Err(error) = check(&ty.tl_name, &bytes) {
                sweep
                    .failures
                    .push((constructor.tl_name.clone(), format!("{error} ({label})")));
            }
            sweep.checked += 1;
        }
    }
    sweep
}

fn sweep_functions_with(
    model: &Model,
    sample: impl Fn(&Item) -> (Vec<u8>, String),
    check: impl Fn(&str, &[u8]) -> Result<(), String>,
) -> Sweep {
    let mut sweep = Sweep::default();
    for function in model.functions.iter().filter(|f| f.generics.is_empty()) {
        let (bytes, label) = sample(function);
        if let Err(error) = check(&function.tl_name, &bytes) {
            sweep
                .failures
                .push((function.tl_name.clone(), format!("{error} ({label})")));
        }
        sweep.checked += 1;
    }
    sweep
}
