//! Stage 3 of the model: the graph of types and constructors. Cycles of bare references are refused;
//! exact minimum sizes are settled (a type with none has no finite value and is refused); variants are
//! boxed where a cycle or their size asks for it; and what must count nesting depth is marked.
//!
//! Every step is linear in the schema and free of recursion over its shape (strongly connected
//! components, worklists, a depth-bounded size estimate), so hostile schemas with long chains and cycles
//! build quickly and cannot overflow the stack.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use tl_parser::{Diagnostic, Diagnostics, Span};

use super::shape::{Facts, ItemFacts, Resolved, Shape, VariantFacts};
use super::{FieldKind, MAX_INLINE_VARIANT, TypeRef};

/// The analysis of `resolved`, with `variant_names` from the name stage: `None` (and diagnostics) when
/// the schema has cycles of bare references or types with no finite value.
pub(super) fn analyse(
    resolved: &Resolved,
    variant_names: Vec<Vec<String>>,
    universal: Vec<Option<Vec<super::UniversalMember>>>,
    diagnostics: &mut Diagnostics,
) -> Option<Facts> {
    let on_bare_cycles = check_bare_cycles(resolved, diagnostics);
    let sizes = MinSizes::solve(resolved);
    if !check_finite_values(resolved, &sizes, &on_bare_cycles, diagnostics) || !on_bare_cycles.is_empty() {
        return None;
    }
    let boxed = boxed_variants(resolved);
    let recursion = Recursion::mark(resolved);
    let types = (sizes.types.iter().zip(&recursion.types))
        .map(|(size, &recursive)| (size.expect("every type is finite"), recursive))
        .collect();
    let variants = (variant_names.into_iter().zip(boxed).zip(recursion.variants))
        .map(|((names, boxed), recurses)| {
            (names.into_iter().zip(boxed).zip(recurses))
                .map(|((rust_name, boxed), recurses)| VariantFacts {
                    rust_name,
                    boxed,
                    recurses,
                })
                .collect()
        })
        .collect();
    let constructors = (sizes.constructors.iter().zip(&recursion.bare_constructors))
        .zip(&recursion.constructors)
        .map(|((size, &recursive_bare), &nests)| ItemFacts {
            min_bare_size: size.expect("finite types have finite constructors"),
            recursive_bare,
            nests,
        })
        .collect();
    let functions = (resolved.functions.iter())
        .map(|f| ItemFacts {
            min_bare_size: sizes.item_size(f),
            recursive_bare: false,
            nests: false,
        })
        .collect();
    Some(Facts {
        types,
        variants,
        constructors,
        functions,
        universal,
    })
}

/// Refuses constructors that hold themselves through bare references (`a x:%A = A;`, or
/// `a flags:# x:flags.0?%A = A;`): a bare value is stored inline, so such a struct has no size. Kahn's
/// algorithm on the bare-reference graph (vectors store on the heap and break a cycle); whatever is never
/// freed of its references is on a cycle. Returns those constructors.
fn check_bare_cycles(resolved: &Resolved, diagnostics: &mut Diagnostics) -> Vec<usize> {
    let count = resolved.constructors.len();
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut held_count = vec![0usize; count];
    for (index, constructor) in resolved.constructors.iter().enumerate() {
        for ty in field_types(constructor).flat_map(held_inline) {
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
    let cyclic: Vec<usize> = (0..count).filter(|&i| held_count[i] > 0).collect();
    let named: Vec<(&str, Span)> = (cyclic.iter())
        .map(|&i| (resolved.constructors[i].tl_name.as_str(), resolved.constructors[i].span))
        .collect();
    let message = match named.as_slice() {
        [] => return cyclic,
        [(one, _)] => format!("`{one}` holds itself through bare references (`%T`), so it has no size"),
        several => format!(
            "{} hold each other through bare references (`%T`), so they have no size",
            listed(several)
        ),
    };
    diagnostics.push(one_diagnostic_for(
        &named,
        message,
        "reference the boxed type instead, or hold it in a vector",
    ));
    cyclic
}

/// The names of `items` for a message: all of them up to 8, then how many more.
fn listed(items: &[(&str, Span)]) -> String {
    let shown: Vec<String> = items.iter().take(8).map(|(name, _)| format!("`{name}`")).collect();
    match items.len().checked_sub(8) {
        Some(more) if more > 0 => format!("{} and {more} more", shown.join(", ")),
        _ => shown.join(", "),
    }
}

/// One diagnostic for a problem several definitions share: at the first, with the next few as related
/// places (a hostile schema's thousand-type cycle is one message, not a thousand).
fn one_diagnostic_for(items: &[(&str, Span)], message: String, label: &str) -> Diagnostic {
    let (_, first) = items[0];
    let related = items.iter().skip(1).take(7);
    related.fold(
        Diagnostic::error(first, message).with_label(label),
        |diagnostic, (name, span)| diagnostic.with_related(*span, format!("`{name}`")),
    )
}

/// Refuses each type none of whose constructors can be built without another value of a type that
/// cannot be built either (`a x:A = A;`): no bytes decode to it and no Rust value can be written. Types
/// with a constructor on a cycle of bare references are left to that diagnostic. False if there is one.
fn check_finite_values(
    resolved: &Resolved,
    sizes: &MinSizes,
    on_bare_cycles: &[usize],
    diagnostics: &mut Diagnostics,
) -> bool {
    let empty: Vec<(&str, Span)> = (resolved.types.iter().zip(&sizes.types))
        .filter(|(ty, size)| size.is_none() && !ty.constructors.iter().any(|c| on_bare_cycles.contains(c)))
        .map(|(ty, _)| (ty.tl_name.as_str(), resolved.constructors[ty.constructors[0]].span))
        .collect();
    let (message, label) = match empty.as_slice() {
        [] => return true,
        [(one, _)] => (
            format!("the type `{one}` has no finite value"),
            "each of its constructors requires another value of it",
        ),
        several => (
            format!("the types {} have no finite value", listed(several)),
            "each of their constructors requires a value of one of them",
        ),
    };
    diagnostics.push(one_diagnostic_for(&empty, message, label));
    false
}

/// Every type an item's fields hold, group members included.
pub(super) fn field_types(item: &Shape) -> impl Iterator<Item = &TypeRef> {
    item.fields.iter().flat_map(move |field| match &field.kind {
        FieldKind::Required(ty) | FieldKind::Optional(ty) => vec![ty],
        FieldKind::Bit => Vec::new(),
        FieldKind::Group(group) => item.groups[*group].members.iter().map(|m| &m.ty).collect(),
    })
}

/// The enums and bare structs a value of `ty` holds inline (not behind a vector or a box): itself, or a
/// generic type and what its arguments hold inline (`Pair<Foo, Bar>` holds both).
pub(super) fn held_inline(ty: &TypeRef) -> Vec<&TypeRef> {
    match ty {
        TypeRef::Enum(_) | TypeRef::Bare(_) => vec![ty],
        TypeRef::Apply(generic, args) => {
            // An extern generic (a bare vector as a type argument) holds its arguments on the heap.
            let mut held = held_inline(generic);
            if !held.is_empty() {
                held.extend(args.iter().flat_map(held_inline));
            }
            held
        }
        TypeRef::Counts(inner, _) => held_inline(inner),
        _ => Vec::new(),
    }
}

/// The enum or bare constructor a required value of `ty` needs, if it is one (a generic type or a type
/// with `#` parameters applied needs the type itself).
fn required_node(ty: &TypeRef) -> Option<&TypeRef> {
    match ty {
        TypeRef::Enum(_) | TypeRef::Bare(_) => Some(ty),
        TypeRef::Apply(generic, _) | TypeRef::Counts(generic, _) => required_node(generic),
        _ => None,
    }
}

/// The enums and bare constructors an item requires, once per required field (optional fields and
/// vectors may be empty, so they require nothing). A generic type applied requires the type itself,
/// sized with its parameters as nothing: a lower bound, as its arguments may not be held.
fn required_values(item: &Shape) -> impl Iterator<Item = &TypeRef> {
    item.fields.iter().filter_map(|field| match &field.kind {
        FieldKind::Required(ty) => required_node(ty),
        _ => None,
    })
}

/// An item's fewest bytes apart from the enums and bare constructors it requires: its flags words and
/// its other required fields.
fn leaf_fields_min_size(item: &Shape) -> usize {
    let fields = item.fields.iter().filter_map(|field| match &field.kind {
        FieldKind::Required(ty) if required_node(ty).is_some() => None,
        FieldKind::Required(ty) => Some(leaf_min_size(ty)),
        _ => None,
    });
    let on_wire = item.flags_given.iter().filter(|given| given.is_none()).count();
    fields.fold(4 * on_wire, usize::saturating_add)
}

/// The fewest bytes of a type that is neither an enum nor a bare constructor.
pub(super) fn leaf_min_size(ty: &TypeRef) -> usize {
    match ty {
        TypeRef::Builtin(builtin) => builtin.get().codec.min_size(),
        TypeRef::Array(size) => *size,
        // Unknown here: nothing is a safe lower bound (`MIN_SIZE` of the Rust type is used where it counts).
        TypeRef::Extern(_) => 0,
        TypeRef::BareVector(_) | TypeRef::Generic(_) => 4,
        // The items only, which may be none (a count of 0): nothing is a safe lower bound. A tuple is only
        // ever a vector's element, sized by `Model::min_size`.
        TypeRef::Counted(..) | TypeRef::Tuple(_) | TypeRef::Flagged(..) | TypeRef::FlagBit(_) => 0,
        // Any type, bare ones of no bytes too (`%True`).
        TypeRef::Param(_) => 0,
        TypeRef::Vector(_) => 8,
        // An extern generic type (a bare vector as a type argument): nothing is a safe lower bound.
        TypeRef::Apply(generic, _) => leaf_min_size(generic),
        TypeRef::Enum(_) | TypeRef::Bare(_) | TypeRef::Counts(..) => unreachable!("sized by MinSizes"),
        TypeRef::Heap(_) => unreachable!("only optional values are held in a box"),
    }
}

/// The fewest bytes of every encoding: each constructor's bare encoding, each boxed type's (its id and its
/// smallest constructor). These are the least solution of
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
/// never sized has no finite value. `None` for what has none.
struct MinSizes {
    types: Vec<Option<usize>>,
    constructors: Vec<Option<usize>>,
}

impl MinSizes {
    fn solve(resolved: &Resolved) -> Self {
        // Nodes: types first, then constructors. `waiting[node]` lists the constructors that require it,
        // once per field; `unmet` counts what each constructor still waits for, `partial` its size so far.
        let types = resolved.types.len();
        let mut waiting: Vec<Vec<usize>> = vec![Vec::new(); types + resolved.constructors.len()];
        let mut unmet = vec![0usize; resolved.constructors.len()];
        let mut partial: Vec<usize> = resolved.constructors.iter().map(leaf_fields_min_size).collect();
        let mut settle_next = BinaryHeap::new();
        for (index, constructor) in resolved.constructors.iter().enumerate() {
            for ty in required_values(constructor) {
                waiting[node(types, ty)].push(index);
                unmet[index] += 1;
            }
            if unmet[index] == 0 {
                settle_next.push(Reverse((partial[index], types + index)));
            }
        }
        // The universal type holds any boxed value: at least a constructor id, and always finite (an
        // empty `Vector` is one). So does the universal function type (any function: an id at least).
        let universal = |ty: &&super::shape::TypeShape| ty.universal || ty.any_function;
        for (index, _) in resolved.types.iter().enumerate().filter(|(_, ty)| universal(ty)) {
            settle_next.push(Reverse((4, index)));
        }
        let type_of = constructor_types(resolved);
        let mut settled: Vec<Option<usize>> = vec![None; waiting.len()];
        while let Some(Reverse((size, node))) = settle_next.pop() {
            if settled[node].is_some() {
                continue;
            }
            settled[node] = Some(size);
            if let Some(constructor) = node.checked_sub(types) {
                settle_next.push(Reverse((size.saturating_add(4), type_of[constructor])));
            }
            for &needer in &waiting[node] {
                partial[needer] = partial[needer].saturating_add(size);
                unmet[needer] -= 1;
                if unmet[needer] == 0 {
                    settle_next.push(Reverse((partial[needer], types + needer)));
                }
            }
        }
        let constructors = settled.split_off(types);
        MinSizes {
            types: settled,
            constructors,
        }
    }

    /// The fewest bytes of a function's bare encoding (everything it holds is sized).
    fn item_size(&self, item: &Shape) -> usize {
        let held = required_values(item).map(|ty| match ty {
            TypeRef::Enum(index) => self.types[*index].expect("finite"),
            TypeRef::Bare(index) => self.constructors[*index].expect("finite"),
            _ => unreachable!("required_values yields enums and bare constructors"),
        });
        held.fold(leaf_fields_min_size(item), usize::saturating_add)
    }
}

/// The node of an enum or a bare constructor in a graph of types first, then constructors.
fn node(types: usize, ty: &TypeRef) -> usize {
    match ty {
        TypeRef::Enum(index) => *index,
        TypeRef::Bare(index) => types + index,
        _ => unreachable!("an enum or a bare constructor"),
    }
}

/// The type of each constructor (index into `Resolved::types`).
fn constructor_types(resolved: &Resolved) -> Vec<usize> {
    let mut type_of = vec![0; resolved.constructors.len()];
    for (index, ty) in resolved.types.iter().enumerate() {
        for &constructor in &ty.constructors {
            type_of[constructor] = index;
        }
    }
    type_of
}

/// Which variants are held in a `Box`, per type in constructor order: those whose constructor holds,
/// inline, a type from which its own enum is reachable inline (exactly the variants that would otherwise
/// make the enum infinitely large), and those larger than [`MAX_INLINE_VARIANT`] in an enum of several.
///
/// For the first kind, the graph has a node per type and per constructor: a type leads to its
/// constructors, a constructor to the enums and bare constructors its fields hold inline (a `Vec` stores
/// on the heap and leads nowhere). A variant must be boxed exactly when its constructor leads back to its
/// type, that is when both are in one strongly connected component.
fn boxed_variants(resolved: &Resolved) -> Vec<Vec<bool>> {
    let types = resolved.types.len();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); types + resolved.constructors.len()];
    add_type_edges(resolved, &mut edges);
    for (index, constructor) in resolved.constructors.iter().enumerate() {
        let inline = field_types(constructor).flat_map(held_inline);
        edges[types + index].extend(inline.map(|ty| node(types, ty)));
    }
    let component = strongly_connected_components(&edges);
    let in_cycle: Vec<Vec<bool>> = (resolved.types.iter().enumerate())
        .map(|(index, ty)| {
            let component_of = |c: &usize| component[types + c] == component[index];
            ty.constructors.iter().map(component_of).collect()
        })
        .collect();
    let mut sizes = SizeEstimate::new(resolved, &in_cycle);
    (resolved.types.iter().zip(&in_cycle))
        .map(|(ty, cycle_boxed)| {
            let several = ty.constructors.len() > 1;
            (ty.constructors.iter().zip(cycle_boxed))
                .map(|(&c, &boxed)| {
                    boxed || (several && sizes.struct_size(&resolved.constructors[c]) > MAX_INLINE_VARIANT)
                })
                .collect()
        })
        .collect()
}

/// The edges out of each type node (the first nodes of `edges`): to its constructors, and for the
/// universal type, whose variants hold every other type inline, to every other type too.
fn add_type_edges(resolved: &Resolved, edges: &mut [Vec<usize>]) {
    let types = resolved.types.len();
    for (index, ty) in resolved.types.iter().enumerate() {
        edges[index].extend(ty.constructors.iter().map(|c| types + c));
        if ty.universal {
            edges[index].extend((0..types).filter(|&other| other != index));
        }
    }
}

/// What counts nesting depth when decoded.
struct Recursion {
    /// Per type: on a cycle of the full graph.
    types: Vec<bool>,
    /// Per type, per constructor: the constructor leads back to the type (both on one cycle).
    variants: Vec<Vec<bool>>,
    /// Per constructor: on a cycle of the full graph.
    constructors: Vec<bool>,
    /// Per constructor: on a cycle of bare references only.
    bare_constructors: Vec<bool>,
}

impl Recursion {
    /// The graph has a node per type and per constructor: a type leads to its constructors, a constructor
    /// to every type and bare constructor it mentions anywhere (in a field, an optional field, a vector at
    /// any depth, a group). A type on a cycle is recursive: its enum's decoder counts depth. A cycle that
    /// passes through no type is made of constructors holding each other bare inside vectors; the
    /// constructors on such cycles count depth in their own decoders. So every recursion of the decoders
    /// passes through something that counts, whatever it runs through.
    ///
    /// A recursive type counts a level only when it reads a variant that leads back to it (one in its
    /// strongly connected component): every cycle through the type leaves it by such a variant, and the
    /// other variants, read in place, cannot come back to it.
    fn mark(resolved: &Resolved) -> Self {
        let types = resolved.types.len();
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); types + resolved.constructors.len()];
        let mut bare_edges: Vec<Vec<usize>> = vec![Vec::new(); resolved.constructors.len()];
        add_type_edges(resolved, &mut edges);
        for (index, constructor) in resolved.constructors.iter().enumerate() {
            for ty in field_types(constructor) {
                ty.visit(&mut |mentioned| match mentioned {
                    TypeRef::Enum(held) => edges[types + index].push(*held),
                    TypeRef::Bare(held) => {
                        edges[types + index].push(types + held);
                        bare_edges[index].push(*held);
                    }
                    _ => {}
                });
            }
        }
        let component = strongly_connected_components(&edges);
        let mut on_cycle = on_cycles(&edges, &component);
        let constructors = on_cycle.split_off(types);
        let variants = (resolved.types.iter().enumerate())
            .map(|(index, ty)| {
                (ty.constructors.iter())
                    .map(|c| component[types + c] == component[index])
                    .collect()
            })
            .collect();
        Recursion {
            types: on_cycle,
            variants,
            constructors,
            bare_constructors: nodes_on_cycles(&bare_edges),
        }
    }
}

/// Whether each node of a directed graph lies on a cycle: its strongly connected component has another
/// node, or it has an edge to itself.
fn nodes_on_cycles(edges: &[Vec<usize>]) -> Vec<bool> {
    on_cycles(edges, &strongly_connected_components(edges))
}

/// [`nodes_on_cycles`] with the strongly connected `component` of each node already found.
fn on_cycles(edges: &[Vec<usize>], component: &[usize]) -> Vec<bool> {
    let mut component_sizes = vec![0usize; edges.len()];
    for &id in component {
        component_sizes[id] += 1;
    }
    (0..edges.len())
        .map(|node| component_sizes[component[node]] > 1 || edges[node].contains(&node))
        .collect()
}

/// The strongly connected component of each node of a directed graph (Kosaraju's algorithm, with explicit
/// stacks so that a hostile schema's long chains cannot overflow the call stack).
pub(super) fn strongly_connected_components(edges: &[Vec<usize>]) -> Vec<usize> {
    let finished = finishing_order(edges);
    // On the reversed graph, in reverse finishing order, each search collects one component.
    let mut reversed = vec![Vec::new(); edges.len()];
    for (from, targets) in edges.iter().enumerate() {
        for &to in targets {
            reversed[to].push(from);
        }
    }
    let mut component = vec![usize::MAX; edges.len()];
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

/// The nodes in the order a depth-first search finishes them.
fn finishing_order(edges: &[Vec<usize>]) -> Vec<usize> {
    let mut finished = Vec::with_capacity(edges.len());
    let mut visited = vec![false; edges.len()];
    for root in 0..edges.len() {
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
    finished
}

/// Enums nested deeper than this (only hostile schemas have such chains) are estimated as large, so the
/// estimate's recursion stays shallow; the cost is a box that a precise estimate might have spared.
const MAX_ESTIMATE_DEPTH: usize = 64;

/// Estimated in-memory sizes (bytes) of generated types, for the boxing decision.
struct SizeEstimate<'r> {
    resolved: &'r Resolved,
    /// Per type, per variant: boxed because of a cycle.
    cycle_boxed: &'r [Vec<bool>],
    enum_sizes: Vec<Option<usize>>,
    visiting: Vec<bool>,
    /// Enums and bare structs being estimated, one inside the other.
    depth: usize,
}

impl<'r> SizeEstimate<'r> {
    fn new(resolved: &'r Resolved, cycle_boxed: &'r [Vec<bool>]) -> Self {
        SizeEstimate {
            resolved,
            cycle_boxed,
            enum_sizes: vec![None; resolved.types.len()],
            visiting: vec![false; resolved.types.len()],
            depth: 0,
        }
    }

    fn enum_size(&mut self, index: usize) -> usize {
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
        let size = self.estimate_enum(index);
        self.depth -= 1;
        size
    }

    fn estimate_enum(&mut self, index: usize) -> usize {
        self.visiting[index] = true;
        let resolved = self.resolved;
        let constructors = &resolved.types[index].constructors;
        let mut largest = 0;
        for (&constructor, &boxed) in constructors.iter().zip(&self.cycle_boxed[index]) {
            let size = if boxed {
                8
            } else {
                let size = self.struct_size(&resolved.constructors[constructor]);
                if constructors.len() > 1 && size > MAX_INLINE_VARIANT {
                    8
                } else {
                    size
                }
            };
            largest = largest.max(size);
        }
        self.visiting[index] = false;
        let size = (largest + 8).next_multiple_of(8);
        self.enum_sizes[index] = Some(size);
        size
    }

    fn struct_size(&mut self, item: &Shape) -> usize {
        let mut size = 0;
        for field in &item.fields {
            size += match &field.kind {
                FieldKind::Required(ty) => self.type_size(ty),
                FieldKind::Optional(ty) => self.option_size(ty),
                FieldKind::Bit => 1,
                FieldKind::Group(group) => {
                    let members = &item.groups[*group].members;
                    members.iter().map(|m| self.type_size(&m.ty)).sum::<usize>() + 8
                }
            };
        }
        size.next_multiple_of(8)
    }

    fn type_size(&mut self, ty: &TypeRef) -> usize {
        match ty {
            TypeRef::Builtin(builtin) => builtin.get().rust_sizes.0,
            TypeRef::Array(size) => *size,
            TypeRef::Extern(_) => 24,
            TypeRef::Generic(_) | TypeRef::Param(_) => 8,
            TypeRef::Apply(generic, _) | TypeRef::Counts(generic, _) => self.type_size(generic),
            TypeRef::Heap(_) => 8,
            TypeRef::Vector(_) | TypeRef::BareVector(_) | TypeRef::Counted(..) => 24,
            TypeRef::Tuple(values) => values.iter().map(|value| self.type_size(value)).sum(),
            TypeRef::Flagged(inner, _) => self.option_size(inner),
            TypeRef::FlagBit(_) => 1,
            TypeRef::Enum(index) => self.enum_size(*index),
            TypeRef::Bare(_) if self.depth >= MAX_ESTIMATE_DEPTH => MAX_INLINE_VARIANT + 8,
            TypeRef::Bare(index) => {
                self.depth += 1;
                let size = self.struct_size(&self.resolved.constructors[*index]);
                self.depth -= 1;
                size
            }
        }
    }

    /// `Option<T>`: free for types with a niche (pointers, enums), else a tag rounded to the alignment.
    fn option_size(&mut self, ty: &TypeRef) -> usize {
        match ty {
            TypeRef::Builtin(builtin) => builtin.get().rust_sizes.1,
            TypeRef::Vector(_)
            | TypeRef::BareVector(_)
            | TypeRef::Counted(..)
            | TypeRef::Enum(_)
            | TypeRef::Heap(_) => self.type_size(ty),
            _ => self.type_size(ty) + 8,
        }
    }
}
