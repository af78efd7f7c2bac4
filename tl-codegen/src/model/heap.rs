//! Optional values that would hold their own constructor inline: `list {X:Type} flag:# head:flag.0?X
//! tail:flag.0?(list X) = List X;` holds a bare `list` in an optional field, so its struct would contain
//! itself. Such a field (or group member) is held in a `Box` ([`TypeRef::Heap`]); a required one has no
//! finite value and stays an error (`analysis`).

use super::analysis::{held_inline, strongly_connected_components};
use super::shape::Shape;
use super::{FieldKind, TypeRef};

/// Boxes every optional field and group member of `constructors` whose bare value leads back, inline,
/// to the constructor that holds it (both on one cycle of inline bare references).
pub(super) fn box_optional_cycles(constructors: &mut [Shape]) {
    let edges: Vec<Vec<usize>> = constructors.iter().map(bare_inline).collect();
    if edges.iter().all(Vec::is_empty) {
        return;
    }
    let component = strongly_connected_components(&edges);
    for (index, constructor) in constructors.iter_mut().enumerate() {
        let on_cycle = |ty: &TypeRef| bare_in(ty).any(|held| component[held] == component[index]);
        let box_it = |ty: &mut TypeRef| {
            if on_cycle(ty) {
                *ty = TypeRef::Heap(Box::new(ty.clone()));
            }
        };
        for field in &mut constructor.fields {
            if let FieldKind::Optional(ty) = &mut field.kind {
                box_it(ty);
            }
        }
        for member in constructor.groups.iter_mut().flat_map(|group| &mut group.members) {
            box_it(&mut member.ty);
        }
    }
}

/// The bare constructors (indices) `shape`'s fields hold inline, required or not.
fn bare_inline(shape: &Shape) -> Vec<usize> {
    super::analysis::field_types(shape).flat_map(bare_in).collect()
}

/// The bare constructors a value of `ty` holds inline.
fn bare_in(ty: &TypeRef) -> impl Iterator<Item = usize> + '_ {
    held_inline(ty).into_iter().filter_map(|held| match held {
        TypeRef::Bare(constructor) => Some(*constructor),
        _ => None,
    })
}
