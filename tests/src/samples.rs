//! Sample encodings built from the checked model, independently of the generated code: for any
//! constructor or function, the bytes of a value with every optional field present, or every one absent.
//! Decoding them with the generated types and encoding again must give the same bytes.

use tl_codegen::model::{FieldKind, Item, Model, TypeRef, Wire};

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

/// The boxed encoding (id, then fields) of a sample of `item`.
pub fn boxed(model: &Model, item: &Item, fill: Fill) -> Vec<u8> {
    let mut out = item.id.to_le_bytes().to_vec();
    bare(model, item, fill, 0, &mut out);
    out
}

fn bare(model: &Model, item: &Item, fill: Fill, depth: usize, out: &mut Vec<u8>) {
    let fill = if depth > FULL_DEPTH { Fill::None } else { fill };
    let present = |index: usize| item.fields[index].condition.is_none() || fill == Fill::All;
    for wire in &item.wire {
        match *wire {
            Wire::Flags(flags) => {
                let mut word = 0u32;
                for (index, field) in item.fields.iter().enumerate() {
                    if let Some(condition) = field.condition
                        && condition.flags == flags
                        && present(index)
                    {
                        word |= 1 << condition.bit;
                    }
                }
                out.extend_from_slice(&word.to_le_bytes());
            }
            Wire::Value { field, member } => {
                if !present(field) {
                    continue;
                }
                let ty = match (&item.fields[field].kind, member) {
                    (FieldKind::Required(ty) | FieldKind::Optional(ty), _) => ty,
                    (FieldKind::Group(group), Some(member)) => &item.groups[*group].members[member].2,
                    _ => unreachable!("bits are not on the wire"),
                };
                value(model, ty, fill, depth + 1, out);
            }
        }
    }
}

fn value(model: &Model, ty: &TypeRef, fill: Fill, depth: usize, out: &mut Vec<u8>) {
    match ty {
        TypeRef::Int => out.extend_from_slice(&7i32.to_le_bytes()),
        TypeRef::Long => out.extend_from_slice(&(-9i64).to_le_bytes()),
        TypeRef::Double => out.extend_from_slice(&0.25f64.to_le_bytes()),
        TypeRef::String => out.extend_from_slice(&[5, b'h', b'e', b'l', b'l', b'o', 0, 0]),
        TypeRef::Bytes => out.extend_from_slice(&[3, 1, 2, 3]),
        TypeRef::Int128 => out.extend_from_slice(&[0x11; 16]),
        TypeRef::Int256 => out.extend_from_slice(&[0x22; 32]),
        TypeRef::Bool => out.extend_from_slice(&0x997275b5u32.to_le_bytes()),
        TypeRef::Enum(index) => {
            // The constructor with the fewest required nested values ends the recursion soonest.
            let ty = &model.types[*index];
            let variant = ty
                .variants
                .iter()
                .min_by_key(|v| nested_required(&model.constructors[v.constructor]))
                .expect("a type has constructors");
            let constructor = &model.constructors[variant.constructor];
            out.extend_from_slice(&constructor.id.to_le_bytes());
            bare(model, constructor, fill, depth, out);
        }
        TypeRef::Bare(index) => bare(model, &model.constructors[*index], fill, depth, out),
        TypeRef::Vector(element) => {
            out.extend_from_slice(&0x1cb5c415u32.to_le_bytes());
            vector_items(model, element, fill, depth, out);
        }
        TypeRef::BareVector(element) => vector_items(model, element, fill, depth, out),
        TypeRef::Generic(_) => panic!("samples of generic functions need a concrete query"),
    }
}

/// A count and the items: one item near the top, none deeper (so recursive types end).
fn vector_items(model: &Model, element: &TypeRef, fill: Fill, depth: usize, out: &mut Vec<u8>) {
    if depth > FULL_DEPTH {
        out.extend_from_slice(&0u32.to_le_bytes());
    } else {
        out.extend_from_slice(&1u32.to_le_bytes());
        value(model, element, fill, depth, out);
    }
}

/// How many required fields of `item` hold other TL objects directly (vectors end up empty when deep).
fn nested_required(item: &Item) -> usize {
    item.fields
        .iter()
        .filter(|f| matches!(&f.kind, FieldKind::Required(TypeRef::Enum(_) | TypeRef::Bare(_))))
        .count()
}

/// The model of `schema/url_auth.tl`, as the generator builds it.
pub fn url_auth_model() -> Model {
    model_of(&[tl_parser::SourceFile::read(crate::workspace_root().join("schema/url_auth.tl")).expect("the schema")])
}

/// The model the generator builds for `files` (mtproto.tl's hand-assigned ids allowed).
pub fn model_of(files: &[tl_parser::SourceFile]) -> Model {
    let options = tl_parser::ParseOptions::new().allow_mtproto_hand_assigned_ids();
    let schema = tl_parser::parse(files, &options).into_result().expect("a valid schema");
    let definitions: Vec<_> = schema.definitions.iter().collect();
    Model::build(&definitions, schema.layer).expect("a model")
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
    Ok(())
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
    let mut sweep = Sweep::default();
    for ty in &model.types {
        for variant in &ty.variants {
            let constructor = &model.constructors[variant.constructor];
            if let Err(error) = check(&ty.tl_name, &boxed(model, constructor, fill)) {
                sweep
                    .failures
                    .push((constructor.tl_name.clone(), format!("{error} ({fill:?})")));
            }
            sweep.checked += 1;
        }
    }
    sweep
}

/// Checks a `fill` sample of every function but the generic wrappers with `check(tl_name, bytes)`.
pub fn sweep_functions(model: &Model, fill: Fill, check: impl Fn(&str, &[u8]) -> Result<(), String>) -> Sweep {
    let mut sweep = Sweep::default();
    for function in model.functions.iter().filter(|f| f.generics.is_empty()) {
        if let Err(error) = check(&function.tl_name, &boxed(model, function, fill)) {
            sweep
                .failures
                .push((function.tl_name.clone(), format!("{error} ({fill:?})")));
        }
        sweep.checked += 1;
    }
    sweep
}
