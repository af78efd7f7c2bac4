//! Sample JSON objects of every constructor and function of a model, as TDLib would write them, from a
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
            let value = match &field.kind {
                FieldKind::Required(ty) => Some(self.value(ty, depth)),
                FieldKind::Optional(ty) if depth < RANDOM_DEPTH && self.next().is_multiple_of(2) => {
                    Some(self.value(ty, depth))
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
            TypeRef::Enum(ty) => {
                let constructor = self.pick_constructor(*ty, depth);
                self.object_at(&self.model.constructors[constructor], depth + 1)
            }
            TypeRef::Bare(constructor) => self.object_at(&self.model.constructors[*constructor], depth + 1),
            TypeRef::Vector(inner) | TypeRef::BareVector(inner) => {
                let length = if depth < RANDOM_DEPTH { self.next() % 4 } else { 0 };
                Value::Array((0..length).map(|_| self.value(inner, depth + 1)).collect())
            }
            TypeRef::Builtin(builtin) => self.builtin(builtin.get().names[0]),
            other => panic!("td_api.tl has no {other:?}"),
        }
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
            other => panic!("td_api.tl has no built-in {other}"),
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
            .map(|ty| {
                (ty.variants.iter())
                    .map(|variant| constructor_depth(model, &model.constructors[variant.constructor], &depths))
                    .min()
                    .unwrap_or(usize::MAX)
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
