//! Which standard traits each generated type can have, decided once for the whole schema:
//!
//! - **`Default`, the TL way.** A struct has `Default` when every field has a natural default: `None` for
//!   an optional field, `false` for a flag bit, zero for numbers, empty strings, bytes and vectors, zero
//!   bytes for `int128`, `int256` and declared arrays, and for a boxed type its `<type>Empty` constructor
//!   (`inputPeerEmpty` for `InputPeer`, `userEmpty` for `User`: the constructor of the same namespace named
//!   like the type with `Empty` appended), itself with default fields; a type with exactly one
//!   constructor defaults to it, when that constructor has a default. Any other type, a generic
//!   parameter and an extern type have no default, and neither has the struct holding one outside an
//!   `Option` or a vector.
//! - **`Eq` and `Hash`**, where no field holds a `double` or an extern type, at any depth.
//! - **A lifetime**, for the borrowed types (`Config::borrowed_types`): where a field holds a `string` or
//!   `bytes`, at any depth. Types without one are shared with the owned types.
//!
//! All are fixpoints over the graph of types and constructors, solved with worklists (linear in the
//! schema, no recursion over its shape).

use tl_parser::builtin::Codec;

use super::analysis;
use super::shape::{DefaultImpl, Derives, ItemTraits, Resolved, Shape, TypeTraits};
use super::{FieldKind, TypeRef};

/// The largest array the standard library implements `Default` for.
pub(super) const MAX_DEFAULT_ARRAY: usize = 32;

/// The graph's nodes: constructors, then functions, then types.
struct Nodes {
    constructors: usize,
    functions: usize,
    types: usize,
}

impl Nodes {
    /// The node of a bare constructor or an enum.
    fn of(&self, ty: &TypeRef) -> Option<usize> {
        match ty {
            TypeRef::Bare(constructor) => Some(*constructor),
            TypeRef::Enum(index) => Some(self.constructors + self.functions + index),
            _ => None,
        }
    }

    fn len(&self) -> usize {
        self.constructors + self.functions + self.types
    }
}

/// Which nodes are neither `Eq` nor `Hash`: those holding a float or an extern type, and `Function` (any
/// function), which is compared but not hashed (it holds the owned function structs).
fn solve_not_eq(resolved: &Resolved, items: &[&Shape], nodes: &Nodes) -> Vec<bool> {
    let types_start = nodes.constructors + nodes.functions;
    let any_function: Vec<usize> = (resolved.types.iter().enumerate())
        .filter(|(_, ty)| ty.any_function)
        .map(|(t, _)| types_start + t)
        .collect();
    let not_eq = Holds {
        also: &any_function,
        never: &[],
        walk: visit_all,
    };
    not_eq.solve(resolved, items, nodes, |ty| match ty {
        TypeRef::Extern(_) => true,
        TypeRef::Builtin(builtin) => matches!(builtin.get().rust, "f64" | "f32"),
        _ => false,
    })
}

/// Which nodes borrow in their borrowed form: those holding text or bytes, except generic types, which
/// have no borrowed form and hold their arguments owned.
fn solve_borrows(resolved: &Resolved, items: &[&Shape], nodes: &Nodes) -> Vec<bool> {
    let generic = generic_nodes(resolved, items, nodes);
    let borrows = Holds {
        also: &[],
        never: &generic,
        walk: visit_but_arguments,
    };
    borrows.solve(resolved, items, nodes, |ty| {
        ty.builtin()
            .is_some_and(|builtin| matches!(builtin.codec, Codec::Text | Codec::Bytes))
    })
}

/// Decides `Default` and `Eq`/`Hash` for every item and type of `resolved`.
pub(super) fn solve(resolved: &Resolved) -> Derives {
    let nodes = Nodes {
        constructors: resolved.constructors.len(),
        functions: resolved.functions.len(),
        types: resolved.types.len(),
    };
    let items: Vec<&Shape> = resolved.constructors.iter().chain(&resolved.functions).collect();
    let empty = default_constructors(resolved);
    let defaults = solve_defaults(resolved, &items, &empty, &nodes);
    let types_start = nodes.constructors + nodes.functions;
    let not_eq = solve_not_eq(resolved, &items, &nodes);
    let borrows = solve_borrows(resolved, &items, &nodes);
    let item_facts = |index: usize| ItemTraits {
        default: defaults[index].then(|| default_impl(items[index])),
        without_default: match defaults[index] {
            true => Vec::new(),
            false => fields_without_default(items[index], &defaults, &nodes),
        },
        eq_hash: !not_eq[index],
        borrows: borrows[index],
    };
    Derives {
        constructors: (0..nodes.constructors).map(item_facts).collect(),
        functions: (nodes.constructors..types_start).map(item_facts).collect(),
        types: (0..nodes.types)
            .map(|t| {
                let variant = empty[t].filter(|_| defaults[types_start + t]);
                let position = variant.and_then(|c| resolved.types[t].constructors.iter().position(|&x| x == c));
                TypeTraits {
                    default_variant: position,
                    eq_hash: !not_eq[types_start + t],
                    borrows: borrows[types_start + t],
                }
            })
            .collect(),
    }
}

/// `ty` and every type inside it.
fn visit_all(ty: &TypeRef, visit: &mut dyn FnMut(&TypeRef)) {
    ty.visit(&mut |inner| visit(inner));
}

/// `ty` and every type inside it but the arguments of generic types.
fn visit_but_arguments(ty: &TypeRef, visit: &mut dyn FnMut(&TypeRef)) {
    visit(ty);
    match ty {
        TypeRef::Vector(element)
        | TypeRef::BareVector(element)
        | TypeRef::Heap(element)
        | TypeRef::Counted(element, _) => visit_but_arguments(element, visit),
        TypeRef::Tuple(values) => values.iter().for_each(|value| visit_but_arguments(value, visit)),
        TypeRef::Counts(inner, _) | TypeRef::Flagged(inner, _) => visit_but_arguments(inner, visit),
        TypeRef::Apply(generic, _) => visit(generic),
        _ => {}
    }
}

/// Whether each node is generic: a struct with type parameters, or a generic type.
fn generic_nodes(resolved: &Resolved, items: &[&Shape], nodes: &Nodes) -> Vec<bool> {
    // A type with `#` parameters has no borrowed form either.
    let items = items
        .iter()
        .map(|item| !item.generics.is_empty() || !item.nat_params.is_empty());
    let types = resolved
        .types
        .iter()
        .map(|ty| !ty.generics.is_empty() || ty.nat_params > 0);
    let generic: Vec<bool> = items.chain(types).collect();
    debug_assert_eq!(generic.len(), nodes.len());
    generic
}

/// Per type, the constructor its default would be (index into the constructors): its `<type>Empty`
/// constructor, or its only constructor.
fn default_constructors(resolved: &Resolved) -> Vec<Option<usize>> {
    (resolved.types.iter())
        .map(|ty| {
            if let [only] = ty.constructors.as_slice() {
                return Some(*only);
            }
            let (namespace, name) = tl_parser::Name::split(&ty.tl_name);
            let mut chars = name.chars();
            let lowered: String = match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => String::new(),
            };
            let wanted = match namespace {
                Some(namespace) => format!("{namespace}.{lowered}Empty"),
                None => format!("{lowered}Empty"),
            };
            (ty.constructors.iter().copied()).find(|&c| resolved.constructors[c].tl_name == wanted)
        })
        .collect()
}

/// `Default` (the least fixpoint): a node has one when every node it requires has one. Counts what each
/// node still waits for, and frees its dependents as nodes are settled.
fn solve_defaults(resolved: &Resolved, items: &[&Shape], empty: &[Option<usize>], nodes: &Nodes) -> Vec<bool> {
    let mut waiting = vec![0usize; nodes.len()];
    let mut blocked = vec![false; nodes.len()];
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (index, item) in items.iter().enumerate() {
        for field in &item.fields {
            let FieldKind::Required(ty) = &field.kind else { continue };
            if never_defaults(ty) {
                blocked[index] = true;
            } else if let Some(needed) = nodes.of(ty) {
                dependents[needed].push(index);
                waiting[index] += 1;
            }
        }
    }
    let types_start = nodes.constructors + nodes.functions;
    for (t, constructor) in empty.iter().enumerate() {
        let ty = &resolved.types[t];
        match constructor {
            Some(constructor) if !ty.universal && ty.generics.is_empty() => {
                dependents[*constructor].push(types_start + t);
                waiting[types_start + t] += 1;
            }
            _ => blocked[types_start + t] = true,
        }
    }
    let mut settled = vec![false; nodes.len()];
    let mut ready: Vec<usize> = (0..nodes.len()).filter(|&n| waiting[n] == 0 && !blocked[n]).collect();
    while let Some(node) = ready.pop() {
        settled[node] = true;
        for &dependent in &dependents[node] {
            waiting[dependent] -= 1;
            if waiting[dependent] == 0 && !blocked[dependent] {
                ready.push(dependent);
            }
        }
    }
    settled
}

/// Whether a required field of this type keeps its struct from having `Default` whatever the schema's
/// other definitions: a type parameter, an extern type, or a vector of a fixed, non-zero number of items
/// (an empty vector is no default where the schema says how many items there are).
fn never_defaults(ty: &TypeRef) -> bool {
    matches!(
        ty,
        TypeRef::Generic(_)
            | TypeRef::Param(_)
            | TypeRef::Apply(..)
            | TypeRef::Counts(..)
            | TypeRef::Extern(_)
            | TypeRef::Counted(_, super::CountSource::Const(1..))
    )
}

/// The required fields of `item` without an empty value: of a type that never has one, or of a
/// constructor or type that `defaults` (per node) says has none.
fn fields_without_default(item: &Shape, defaults: &[bool], nodes: &Nodes) -> Vec<usize> {
    (item.fields.iter().enumerate())
        .filter(|(_, field)| match &field.kind {
            FieldKind::Required(ty) => never_defaults(ty) || nodes.of(ty).is_some_and(|node| !defaults[node]),
            _ => false,
        })
        .map(|(index, _)| index)
        .collect()
}

/// How an item with `Default` implements it.
fn default_impl(item: &Shape) -> DefaultImpl {
    let large_array = (item.fields.iter())
        .any(|field| matches!(field.kind, FieldKind::Required(TypeRef::Array(size)) if size > MAX_DEFAULT_ARRAY));
    if large_array {
        DefaultImpl::ByField
    } else {
        DefaultImpl::Derive
    }
}

/// How a field's type is walked: calls the visitor with each type inside it that counts.
type Walk = fn(&TypeRef, &mut dyn FnMut(&TypeRef));

/// A "holds" relation to solve: see [`Holds::solve`].
struct Holds<'n> {
    /// Nodes that hold it whatever their fields.
    also: &'n [usize],
    /// Nodes that never hold it (`never[node]`; empty: none).
    never: &'n [bool],
    /// How a field's type is walked: the types inside it that count.
    walk: Walk,
}

impl Holds<'_> {
    /// Which nodes hold, at any depth, a type `direct` picks (`double` and extern types for `Eq` and
    /// `Hash`, which a node has unless it holds one; `string` and `bytes` for a lifetime), or one of the
    /// `also` nodes. Spreads "holds" from the nodes that hold such a value directly to every node that
    /// holds them.
    fn solve(
        &self,
        resolved: &Resolved,
        items: &[&Shape],
        nodes: &Nodes,
        direct: impl Fn(&TypeRef) -> bool,
    ) -> Vec<bool> {
        let mut holds = vec![false; nodes.len()];
        let never = |node: usize| self.never.get(node).copied().unwrap_or(false);
        let (holders, mut holding) = self.edges(resolved, items, nodes, direct);
        holding.retain(|&node| !never(node));
        for &node in &holding {
            holds[node] = true;
        }
        while let Some(node) = holding.pop() {
            for &holder in &holders[node] {
                if !holds[holder] && !never(holder) {
                    holds[holder] = true;
                    holding.push(holder);
                }
            }
        }
        holds
    }

    /// The holders of each node, and the nodes that hold a `direct` type themselves.
    fn edges(
        &self,
        resolved: &Resolved,
        items: &[&Shape],
        nodes: &Nodes,
        direct: impl Fn(&TypeRef) -> bool,
    ) -> (Vec<Vec<usize>>, Vec<usize>) {
        let mut holders: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        let mut holding: Vec<usize> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let mut holds_directly = false;
            for ty in analysis::field_types(item) {
                (self.walk)(ty, &mut |inner| {
                    if direct(inner) {
                        holds_directly = true;
                    } else if let Some(held) = nodes.of(inner) {
                        holders[held].push(index);
                    }
                });
            }
            if holds_directly {
                holding.push(index);
            }
        }
        holding.extend_from_slice(self.also);
        let types_start = nodes.constructors + nodes.functions;
        for (t, ty) in resolved.types.iter().enumerate() {
            for &constructor in &ty.constructors {
                holders[constructor].push(types_start + t);
            }
            if ty.universal {
                // The universal type holds every other type.
                for other in (0..nodes.types).filter(|&other| other != t) {
                    holders[types_start + other].push(types_start + t);
                }
            }
        }
        (holders, holding)
    }
}
