//! Inputs that nest a recursive type as deep as asked, built from the model: for every type that can hold
//! a value of itself (through a field, an optional field, a vector at any depth, a group, a bare
//! reference), the shortest cycle that leads back to it, and the bytes of that cycle repeated.
//!
//! A decoder that does not count its depth on every cycle overflows the stack on these; one that does
//! fails with `TooDeep` after its limit.

use std::collections::{HashMap, VecDeque};

use tl_codegen::model::{FieldKind, Item, Model, TypeRef, WireValue as Wire};

use crate::samples::minimal_value;

/// A cycle of the type graph: from a type (or a bare constructor) back to itself.
#[derive(Debug, Clone)]
pub struct Cycle {
    /// Where it starts and ends.
    pub start: Start,
    /// Each constructor on the way, with the field that holds the next value.
    pub steps: Vec<Step>,
}

/// The node a cycle starts at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// A boxed type (index into `Model::types`), decoded through its enum.
    Type(usize),
    /// A constructor (index into `Model::constructors`) on a cycle of bare references, decoded as its
    /// struct.
    Bare(usize),
}

/// One constructor of a cycle and the wire position of the field that holds the next value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Index into `Model::constructors`.
    pub constructor: usize,
    /// Index into the constructor's `wire`.
    pub wire: usize,
    /// Whether the constructor is written boxed (its id first): it is, when reached through its type.
    pub boxed: bool,
}

impl Cycle {
    /// A readable name: `JSONValue: jsonArray.value`.
    pub fn describe(&self, model: &Model) -> String {
        let start = match self.start {
            Start::Type(ty) => model.types[ty].tl_name.clone(),
            Start::Bare(constructor) => format!("%{}", model.constructors[constructor].tl_name),
        };
        let steps: Vec<String> = (self.steps.iter())
            .map(|step| {
                let item = &model.constructors[step.constructor];
                format!("{}.{}", item.tl_name, wire_name(item, step.wire))
            })
            .collect();
        format!("{start}: {}", steps.join(" → "))
    }
}

/// A cycle through every recursive edge: for each field of each constructor whose value can hold, at
/// any depth, a value of the constructor's own type (or the constructor itself, bare), the shortest way
/// back. A cycle starts at the first type on it, or at a constructor when it passes through none (bare
/// references only).
pub fn cycles(model: &Model) -> Vec<Cycle> {
    let graph = Graph::new(model);
    let mut cycles: Vec<Cycle> = Vec::new();
    for (constructor, item) in model.constructors.iter().enumerate() {
        for position in 0..item.wire().len() {
            let Some((held, step)) = graph.edge(constructor, position) else {
                continue;
            };
            let Some(path) = graph.shortest_path(held, Node::Constructor(constructor)) else {
                continue;
            };
            let mut steps: Vec<(Step, Node)> = path;
            steps.push((step, held));
            let cycle = graph.cycle_from(held, steps);
            if !cycles.iter().any(|c| c.start == cycle.start && c.steps == cycle.steps) {
                cycles.push(cycle);
            }
        }
    }
    cycles
}

/// The bytes of `cycle` repeated `levels` times, then the smallest value where it started, then what
/// follows the nested value at each level, innermost first: a complete encoding, nested `levels` deep.
pub fn nested(model: &Model, cycle: &Cycle, levels: usize) -> Vec<u8> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    for step in &cycle.steps {
        let (prefix, suffix) = around(model, step);
        before.extend(prefix);
        after.splice(0..0, suffix);
    }
    let mut out = Vec::with_capacity(levels * (before.len() + after.len()) + 64);
    for _ in 0..levels {
        out.extend_from_slice(&before);
    }
    match cycle.start {
        Start::Type(ty) => minimal_value(model, &TypeRef::Enum(ty), &mut out),
        Start::Bare(constructor) => minimal_value(model, &TypeRef::Bare(constructor), &mut out),
    }
    for _ in 0..levels {
        out.extend_from_slice(&after);
    }
    out
}

/// The bytes of one step before the value it holds (its id if boxed, the fields before the holding one,
/// vector headers of one element), and after it (the remaining fields). Conditional fields are absent but
/// for the holding one and those sharing its flag bit.
fn around(model: &Model, step: &Step) -> (Vec<u8>, Vec<u8>) {
    let item = &model.constructors[step.constructor];
    let holding = value_field(item, step.wire);
    let condition = item.fields[holding].condition;
    let mut prefix = Vec::new();
    if step.boxed {
        prefix.extend_from_slice(&item.id.to_le_bytes());
    }
    let mut suffix = Vec::new();
    for (position, wire) in item.wire().iter().enumerate() {
        let out = if position <= step.wire {
            &mut prefix
        } else {
            &mut suffix
        };
        match *wire {
            Wire::Flags(flags) => {
                let bit = condition.filter(|c| c.flags == flags).map_or(0, |c| c.mask());
                out.extend_from_slice(&bit.to_le_bytes());
            }
            Wire::Value { field, member } => {
                let present = item.fields[field].condition.is_none() || item.fields[field].condition == condition;
                if position == step.wire {
                    vector_headers(item.wire_type(field, member), out);
                } else if present {
                    minimal_value(model, item.wire_type(field, member), out);
                }
            }
        }
    }
    (prefix, suffix)
}

/// The headers of vectors around the held value: a boxed vector's id and a count of 1, at each depth.
fn vector_headers(ty: &TypeRef, out: &mut Vec<u8>) {
    match ty {
        TypeRef::Vector(element) => {
            out.extend_from_slice(&tl_runtime::VECTOR_ID.to_le_bytes());
            out.extend_from_slice(&1u32.to_le_bytes());
            vector_headers(element, out);
        }
        TypeRef::BareVector(element) => {
            out.extend_from_slice(&1u32.to_le_bytes());
            vector_headers(element, out);
        }
        _ => {}
    }
}

fn value_field(item: &Item, wire: usize) -> usize {
    match item.wire()[wire] {
        Wire::Value { field, .. } => field,
        Wire::Flags(_) => unreachable!("a cycle goes through values"),
    }
}

fn wire_name(item: &Item, wire: usize) -> &str {
    match item.wire()[wire] {
        Wire::Value {
            field,
            member: Some(member),
        } => match &item.fields[field].kind {
            FieldKind::Group(group) => &item.groups[*group].members[member].tl_name,
            _ => &item.fields[field].tl_name,
        },
        Wire::Value { field, .. } => &item.fields[field].tl_name,
        Wire::Flags(index) => &item.flags_fields[index],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Node {
    Type(usize),
    Constructor(usize),
}

/// The type graph: a type leads to its constructors; a constructor, through each wire position, to the
/// type or bare constructor the value there holds (inside vectors too).
struct Graph<'m> {
    model: &'m Model,
}

impl<'m> Graph<'m> {
    fn new(model: &'m Model) -> Self {
        Graph { model }
    }

    /// Where the value at `position` of `constructor` leads, if to a type or a bare constructor.
    fn edge(&self, constructor: usize, position: usize) -> Option<(Node, Step)> {
        let item = &self.model.constructors[constructor];
        let Wire::Value { field, member } = item.wire()[position] else {
            return None;
        };
        let step = Step {
            constructor,
            wire: position,
            boxed: false,
        };
        match innermost(item.wire_type(field, member)) {
            TypeRef::Enum(ty) => Some((Node::Type(*ty), step)),
            TypeRef::Bare(held) => Some((Node::Constructor(*held), step)),
            _ => None,
        }
    }

    /// `(next node, the step taken, if through a field)` from `node`.
    fn successors(&self, node: Node) -> Vec<(Node, Option<Step>)> {
        match node {
            Node::Type(ty) => (self.model.types[ty].variants.iter())
                .map(|v| (Node::Constructor(v.constructor), None))
                .collect(),
            Node::Constructor(constructor) => (0..self.model.constructors[constructor].wire().len())
                .filter_map(|position| self.edge(constructor, position))
                .map(|(next, step)| (next, Some(step)))
                .collect(),
        }
    }

    /// A shortest path from `from` to `to` (breadth-first), as the steps through fields, each with the
    /// node it leads to.
    fn shortest_path(&self, from: Node, to: Node) -> Option<Vec<(Step, Node)>> {
        let mut came_from: HashMap<Node, (Node, Option<Step>)> = HashMap::new();
        let mut queue = VecDeque::from([from]);
        let mut reached = from == to;
        while let Some(node) = queue.pop_front().filter(|_| !reached) {
            for (next, step) in self.successors(node) {
                if next == from || came_from.contains_key(&next) {
                    continue;
                }
                came_from.insert(next, (node, step));
                reached |= next == to;
                queue.push_back(next);
            }
        }
        if !reached {
            return None;
        }
        let mut path = Vec::new();
        let mut node = to;
        while node != from {
            let (previous, step) = came_from[&node];
            if let Some(step) = step {
                path.push((step, node));
            }
            node = previous;
        }
        path.reverse();
        Some(path)
    }

    /// The cycle of `steps` (each with the node it leads to; the last leads back to `start`), rotated to
    /// begin at its first type, with each constructor marked boxed when it is reached through its type.
    fn cycle_from(&self, start: Node, mut steps: Vec<(Step, Node)>) -> Cycle {
        let start = match start {
            Node::Type(_) => start,
            Node::Constructor(_) => match steps.iter().position(|(_, node)| matches!(node, Node::Type(_))) {
                Some(at) => {
                    steps.rotate_left(at + 1);
                    steps.last().expect("a step").1
                }
                None => start,
            },
        };
        let mut boxed_next = matches!(start, Node::Type(_));
        let steps = (steps.into_iter())
            .map(|(mut step, next)| {
                step.boxed = boxed_next;
                boxed_next = matches!(next, Node::Type(_));
                step
            })
            .collect();
        let start = match start {
            Node::Type(ty) => Start::Type(ty),
            Node::Constructor(constructor) => Start::Bare(constructor),
        };
        Cycle { start, steps }
    }
}

/// The element type inside any number of vectors.
fn innermost(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Vector(element) | TypeRef::BareVector(element) => innermost(element),
        other => other,
    }
}
