//! Sample JSON objects of every constructor and function of a model, as TDLib or tonlib would write them, from a
//! seed: random numbers at the edges of their ranges, text with non-ASCII and escaped characters, bytes of
//! any length, every constructor of a type, optional objects present or left out. Deep values end in the
//! constructor that ends soonest, so every sample is finite.

use base64::Engine as _;
use serde_json::{Map, Value, json};
use tl_codegen::model::{FieldKind, Item, Model, TypeRef};

/// Below this depth, choices are random; from it on, the shortest way to finish.
const RANDOM_DEPTH: usize = 3;

/// Texts that test the JSON escapes and UTF-8.
const TEXTS: [&str; 9] = [
    "",
    "plain",
    "é ü ß",
    "Привет, мир",
    "🎉 emoji 👍🏽",
    "quote \" backslash \\ slash /",
    "control \u{1} \u{1f} tab\t",
    "new\nline\r\n",
    "日本語のテキスト",
];

/// A sample maker over `model`, with its random state.
pub struct Samples<'m> {
    model: &'m Model,
    random: tl_tests::samples::Random,
    /// For each type: how deep its shortest value goes (`usize::MAX` if it has none).
    depth_to_end: Vec<usize>,
}

impl<'m> Samples<'m> {
    /// Samples of `model` from `seed`.
    pub fn new(model: &'m Model, seed: u64) -> Self {
        Samples {
            model,
            random: tl_tests::samples::Random::new(seed),
            depth_to_end: depths_to_end(model),
        }
    }

    /// A sample object of `item` (a constructor or a function).
    pub fn object(&mut self, item: &Item) -> Value {
        self.object_at(item, 0)
    }

    fn object_at(&mut self, item: &Item, depth: usize) -> Value {
        let mut members = Map::new();
        members.insert("@type".to_string(), Value::String(item.tl_name.clone()));
        for field in &item.fields {
            let present = depth < RANDOM_DEPTH && self.next().is_multiple_of(2);
            let value = match &field.kind {
                FieldKind::Required(ty) => Some(self.value(ty, depth)),
                FieldKind::Optional(ty) if present => Some(self.value(ty, depth)),
                // Params that share a bit (tonlib's): members of the object, all there or none.
                FieldKind::Group(group) if present => {
                    for member in &item.groups[*group].members {
                        let value = self.value(&member.ty, depth);
                        members.insert(member.tl_name.clone(), value);
                    }
                    None
                }
                _ => None,
            };
            if let Some(value) = value {
                members.insert(field.tl_name.clone(), value);
            }
        }
        Value::Object(members)
    }

    fn value(&mut self, ty: &TypeRef, depth: usize) -> Value {
        match ty {
            TypeRef::Heap(inner) => self.value(inner, depth),
            TypeRef::Enum(ty) => self.enum_value(*ty, depth),
            TypeRef::Bare(constructor) => self.object_at(&self.model.constructors[*constructor], depth + 1),
            TypeRef::Vector(inner) | TypeRef::BareVector(inner) => {
                let length = if depth < RANDOM_DEPTH { self.next() % 4 } else { 0 };
                Value::Array((0..length).map(|_| self.value(inner, depth + 1)).collect())
            }
            TypeRef::Builtin(builtin) => self.builtin(builtin.get().names[0]),
            other => panic!("td_api.tl has no {other:?}"),
        }
    }

    /// A value of the boxed type `ty`: of one of its constructors; for the universal types (tonlib's
    /// `Object` and `Function`), of any boxed type or any function.
    fn enum_value(&mut self, ty: usize, depth: usize) -> Value {
        let (model, depths) = (self.model, &self.depth_to_end);
        if let Some(functions) = &model.types[ty].functions {
            let choices: Vec<(usize, usize)> = (functions.iter())
                .map(|member| {
                    (
                        member.function,
                        constructor_depth(model, &model.functions[member.function], depths),
                    )
                })
                .collect();
            let function = self.pick(&choices, depth);
            return self.object_at(&model.functions[function], depth + 1);
        }
        if let Some(members) = &model.types[ty].universal {
            let choices: Vec<(usize, usize)> = members.iter().map(|member| (member.ty, depths[member.ty])).collect();
            let member = self.pick(&choices, depth);
            return self.enum_value(member, depth);
        }
        let constructor = self.pick_constructor(ty, depth);
        self.object_at(&model.constructors[constructor], depth + 1)
    }

    /// One of `choices` (a thing and the depth of its shallowest value): any that ends below
    /// [`RANDOM_DEPTH`], else one that ends soonest.
    fn pick(&mut self, choices: &[(usize, usize)], depth: usize) -> usize {
        let finite: Vec<&(usize, usize)> = choices.iter().filter(|(_, depth)| *depth != usize::MAX).collect();
        if depth < RANDOM_DEPTH {
            return finite[self.next() as usize % finite.len()].0;
        }
        finite.iter().min_by_key(|(_, depth)| *depth).expect("a way to end").0
    }

    /// A constructor of type `ty`: any below [`RANDOM_DEPTH`], else one that ends soonest.
    fn pick_constructor(&mut self, ty: usize, depth: usize) -> usize {
        let variants = &self.model.types[ty].variants;
        if depth < RANDOM_DEPTH {
            return variants[self.next() as usize % variants.len()].constructor;
        }
        (variants.iter())
            .map(|variant| variant.constructor)
            .min_by_key(|&constructor| self.constructor_depth(constructor))
            .expect("a type has constructors")
    }

    fn constructor_depth(&self, constructor: usize) -> usize {
        constructor_depth(self.model, &self.model.constructors[constructor], &self.depth_to_end)
    }

    fn builtin(&mut self, name: &str) -> Value {
        let random = self.next();
        let pick = |choices: &[i64]| choices[random as usize % choices.len()];
        match name {
            "int" => json!(pick(&[
                0,
                1,
                -1,
                i32::MIN.into(),
                i32::MAX.into(),
                (random >> 40) as i32 as i64
            ])),
            "int53" => json!(pick(&[0, -1, (1 << 53) - 1, -(1 << 53) + 1, (random >> 11) as i64])),
            "long" => json!(pick(&[0, -1, i64::MIN, i64::MAX, random as i64]).to_string()),
            "double" => json!([0.0, -1.5, 1e300, 3.25, (random >> 12) as f64 / 7.0][random as usize % 5]),
            "string" => json!(TEXTS[random as usize % TEXTS.len()]),
            "Bool" => json!(random.is_multiple_of(2)),
            "bytes" => {
                let bytes: Vec<u8> = (0..random % 40).map(|_| self.next() as u8).collect();
                json!(base64::engine::general_purpose::STANDARD.encode(bytes))
            }
            // tonlib_api.tl's: a `#` as tonlib's `int32` (a `u32` above `i32::MAX` is negative), `int256` as
            // the base64 of its 32 bytes.
            "#" => json!([0, 1, -1, i32::MAX, i32::MIN, (random >> 32) as i32][random as usize % 6]),
            "int256" => {
                let bytes: Vec<u8> = (0..32).map(|_| self.next() as u8).collect();
                json!(base64::engine::general_purpose::STANDARD.encode(bytes))
            }
            other => panic!("no samples of the built-in {other}"),
        }
    }

    fn next(&mut self) -> u64 {
        self.random.next_u64()
    }
}

/// For each type, the depth of its shallowest value, found by iterating to a fixed point.
fn depths_to_end(model: &Model) -> Vec<usize> {
    let mut depths = vec![usize::MAX; model.types.len()];
    loop {
        let next: Vec<usize> = (model.types.iter())
            .map(|ty| match (&ty.functions, &ty.universal) {
                (Some(functions), _) => (functions.iter())
                    .map(|member| constructor_depth(model, &model.functions[member.function], &depths))
                    .min()
                    .unwrap_or(usize::MAX),
                (_, Some(members)) => members
                    .iter()
                    .map(|member| depths[member.ty])
                    .min()
                    .unwrap_or(usize::MAX),
                _ => (ty.variants.iter())
                    .map(|variant| constructor_depth(model, &model.constructors[variant.constructor], &depths))
                    .min()
                    .unwrap_or(usize::MAX),
            })
            .collect();
        if next == depths {
            return depths;
        }
        depths = next;
    }
}

/// The depth of the shallowest value of `item`, given those of the types.
fn constructor_depth(model: &Model, item: &Item, depths: &[usize]) -> usize {
    let field_depth = |ty: &TypeRef| type_depth(model, ty, depths);
    let deepest = (item.fields.iter())
        .filter_map(|field| match &field.kind {
            FieldKind::Required(ty) => Some(field_depth(ty)),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    deepest.saturating_add(1)
}

fn type_depth(model: &Model, ty: &TypeRef, depths: &[usize]) -> usize {
    match ty {
        TypeRef::Heap(inner) => type_depth(model, inner, depths),
        TypeRef::Enum(ty) => depths[*ty],
        TypeRef::Bare(constructor) => {
            let ty = (model.types.iter()).position(|ty| ty.variants.iter().any(|v| v.constructor == *constructor));
            ty.map_or(usize::MAX, |ty| depths[ty])
        }
        _ => 0,
    }
}

/// A sample of every constructor (as its type) and every function of `model` from `seed`, each given to
/// `check` with the TL name of its type or function; the failures, named.
pub fn failures_of_seed(model: &Model, seed: u64, check: impl Fn(&str, &str) -> Result<(), String>) -> Vec<String> {
    let mut samples = Samples::new(model, seed);
    let mut failures = Vec::new();
    for ty in &model.types {
        for variant in &ty.variants {
            let constructor = &model.constructors[variant.constructor];
            if let Err(error) = check(&ty.tl_name, &samples.object(constructor).to_string()) {
                failures.push(format!("{} as {}: {error}", constructor.tl_name, ty.tl_name));
            }
        }
    }
    for function in &model.functions {
        if let Err(error) = check(&function.tl_name, &samples.object(function).to_string()) {
            failures.push(format!("{}: {error}", function.tl_name));
        }
    }
    failures
}
