//! Hostile inputs built from the model, shared by the attack tests and the memory bench: vectors of the
//! element types that hold the most Rust bytes per byte of their smallest encoding.

use tl_codegen::model::{Model, TypeRef};
use tl_runtime::VECTOR_ID;

/// A boxed type used as a vector element, with its Rust size and its smallest encoding.
#[derive(Debug, Clone)]
pub struct Heavy {
    /// Index into `Model::types` (and the tables of [`crate::boxed`]).
    pub index: usize,
    /// The TL name.
    pub name: String,
    /// `size_of` its enum.
    pub size: usize,
    /// Its fewest wire bytes (`MIN_SIZE`).
    pub min_size: usize,
}

impl Heavy {
    /// Rust bytes per wire byte of the smallest encoding.
    pub fn ratio(&self) -> f64 {
        self.size as f64 / self.min_size as f64
    }
}

/// The `count` boxed types that appear as elements of a vector somewhere in the schema with the most Rust
/// bytes per minimum wire byte, heaviest first. `sizes[i]` is `size_of` the `i`-th type's enum.
pub fn heaviest_vector_elements(model: &Model, sizes: &[usize], count: usize) -> Vec<Heavy> {
    let mut elements = std::collections::BTreeSet::new();
    for item in model.constructors.iter().chain(&model.functions) {
        for ty in item.field_types() {
            collect_elements(ty, false, &mut elements);
        }
    }
    let mut heavy: Vec<Heavy> = (elements.into_iter())
        .map(|index| Heavy {
            index,
            name: model.types[index].tl_name.clone(),
            size: sizes[index],
            min_size: model.types[index].min_size,
        })
        .collect();
    heavy.sort_by(|a, b| b.ratio().total_cmp(&a.ratio()).then(a.index.cmp(&b.index)));
    heavy.truncate(count);
    heavy
}

fn collect_elements(ty: &TypeRef, in_vector: bool, out: &mut std::collections::BTreeSet<usize>) {
    match ty {
        TypeRef::Vector(element) | TypeRef::BareVector(element) => collect_elements(element, true, out),
        TypeRef::Enum(index) if in_vector => {
            out.insert(*index);
        }
        _ => {}
    }
}

/// A `Vector` announcing as many elements as `junk` bytes can hold at `min_size` each, followed by
/// `junk` bytes of 0xff (no constructor has the id 0xffffffff): the first element fails.
pub fn vector_of_junk(min_size: usize, junk: usize) -> Vec<u8> {
    let count = u32::try_from(junk / min_size).expect("a count");
    let mut bytes = VECTOR_ID.to_le_bytes().to_vec();
    bytes.extend_from_slice(&count.to_le_bytes());
    bytes.resize(8 + junk, 0xff);
    bytes
}

/// A `Vector` of `count` elements of the `index`-th type, all the smallest value but the last, which is an
/// unknown constructor: everything decodes until the very end.
pub fn vector_failing_at_the_end(model: &Model, index: usize, count: u32) -> Vec<u8> {
    let mut element = Vec::new();
    tl_tests::samples::minimal_value(model, &TypeRef::Enum(index), &mut element);
    let mut bytes = VECTOR_ID.to_le_bytes().to_vec();
    bytes.extend_from_slice(&count.to_le_bytes());
    for _ in 1..count {
        bytes.extend_from_slice(&element);
    }
    bytes.extend_from_slice(&[0xff; 4]);
    bytes.resize(bytes.len().max(8 + count as usize * model.types[index].min_size), 0xff);
    bytes
}
