//! The wire plan of an item: its bare encoding as a sequence of steps, computed once from the params in
//! wire order. The length pass, the encoder and the decoder are each a walk over the same plan.

use super::{FieldKind, Group, TypeRef};

/// One flags word or one value, in wire order (a plan, flattened: see [`super::Item::wire`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireValue {
    /// A flags word (index into `Item::flags_fields`), computed from the fields when writing.
    Flags(usize),
    /// A value: field index, and the member index when the field is a group.
    Value {
        /// Index into `Item::fields`.
        field: usize,
        /// Index into the group's members, if the field is a group.
        member: Option<usize>,
    },
}

/// One step of an item's bare encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Always-present values of fixed size read and written as plain bytes (flags words, `int`, `long`,
    /// `double`, `int128`, `int256`), next to each other: read with one bounds check and written at
    /// constant offsets. A run of one is read and written alone.
    Fixed(Vec<FixedPart>),
    /// An always-present value of any other type (index into `Item::fields`).
    Required(usize),
    /// A value present when its flag bit is set (index into `Item::fields`).
    Optional(usize),
    /// Members of one group, next to each other on the wire and present together: written under one
    /// test of the group's presence.
    Group {
        /// Index into `Item::fields`.
        field: usize,
        /// The members in wire order, plain fixed-size neighbours in runs.
        parts: Vec<GroupPart>,
    },
}

/// A part of a group step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupPart {
    /// Plain fixed-size members next to each other ([`FixedSource::Member`]s).
    Fixed(Vec<FixedPart>),
    /// Any other member (index into the group's members).
    Value(usize),
}

/// One value of a run of plain fixed-size values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedPart {
    /// What it is.
    pub source: FixedSource,
    /// Its size in bytes.
    pub size: usize,
}

/// Where a value of a run comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixedSource {
    /// A flags word (index into `Item::flags_fields`).
    Flags(usize),
    /// A required field (index into `Item::fields`).
    Field(usize),
    /// A member of the group of a [`Step::Group`] (index into its members).
    Member(usize),
}

/// The plan of the values `wire`, whose fields are `fields` and groups `groups`.
pub(super) fn plan(wire: &[WireValue], fields: &[FieldKind], groups: &[Group]) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut rest = wire;
    while let Some(&first) = rest.first() {
        let plain_len = rest.iter().take_while(|v| plain_part(v, fields).is_some()).count();
        let (step, taken) = match first {
            _ if plain_len > 0 => {
                let parts = rest[..plain_len].iter().map(|v| plain_part(v, fields).expect("plain"));
                (Step::Fixed(parts.collect()), plain_len)
            }
            WireValue::Value { field, member: None } => match fields[field] {
                FieldKind::Required(_) => (Step::Required(field), 1),
                _ => (Step::Optional(field), 1),
            },
            WireValue::Value { field, member: Some(_) } => group_step(rest, field, fields, groups),
            WireValue::Flags(_) => unreachable!("a flags word is plain"),
        };
        steps.push(step);
        rest = &rest[taken..];
    }
    steps
}

/// The run part of a flags word or of a required plain fixed-size field.
fn plain_part(value: &WireValue, fields: &[FieldKind]) -> Option<FixedPart> {
    match *value {
        WireValue::Flags(index) => Some(FixedPart {
            source: FixedSource::Flags(index),
            size: 4,
        }),
        WireValue::Value { field, member: None } => match &fields[field] {
            FieldKind::Required(ty) => ty.plain_size().map(|size| FixedPart {
                source: FixedSource::Field(field),
                size,
            }),
            _ => None,
        },
        WireValue::Value { .. } => None,
    }
}

/// The group step for the members of `field` at the front of `rest`, and how many values it takes.
fn group_step(rest: &[WireValue], field: usize, fields: &[FieldKind], groups: &[Group]) -> (Step, usize) {
    let FieldKind::Group(group) = fields[field] else {
        unreachable!("members belong to groups")
    };
    let members: Vec<usize> = rest
        .iter()
        .map_while(|value| match *value {
            WireValue::Value {
                field: next,
                member: Some(member),
            } if next == field => Some(member),
            _ => None,
        })
        .collect();
    let mut parts: Vec<GroupPart> = Vec::new();
    for &member in &members {
        let part = plain_member(&groups[group].members[member].ty, member);
        match (part, parts.last_mut()) {
            (Some(part), Some(GroupPart::Fixed(run))) => run.push(part),
            (Some(part), _) => parts.push(GroupPart::Fixed(vec![part])),
            (None, _) => parts.push(GroupPart::Value(member)),
        }
    }
    (Step::Group { field, parts }, members.len())
}

fn plain_member(ty: &TypeRef, member: usize) -> Option<FixedPart> {
    ty.plain_size().map(|size| FixedPart {
        source: FixedSource::Member(member),
        size,
    })
}

/// Every flags word and value of `plan`, in wire order.
pub(super) fn flatten(plan: &[Step]) -> Vec<WireValue> {
    let mut out = Vec::new();
    for step in plan {
        match step {
            Step::Fixed(parts) => out.extend(parts.iter().map(|part| match part.source {
                FixedSource::Flags(index) => WireValue::Flags(index),
                FixedSource::Field(field) => WireValue::Value { field, member: None },
                FixedSource::Member(_) => unreachable!("members are in groups"),
            })),
            Step::Required(field) | Step::Optional(field) => out.push(WireValue::Value {
                field: *field,
                member: None,
            }),
            Step::Group { field, parts } => {
                for member in group_members(parts) {
                    out.push(WireValue::Value {
                        field: *field,
                        member: Some(member),
                    });
                }
            }
        }
    }
    out
}

/// The members of a group step, in wire order.
pub fn group_members(parts: &[GroupPart]) -> impl Iterator<Item = usize> + '_ {
    parts.iter().flat_map(|part| match part {
        GroupPart::Fixed(run) => run
            .iter()
            .map(|part| match part.source {
                FixedSource::Member(member) => member,
                _ => unreachable!("a group's runs hold members"),
            })
            .collect(),
        GroupPart::Value(member) => vec![*member],
    })
}
