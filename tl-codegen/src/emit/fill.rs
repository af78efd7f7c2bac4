//! The tail of a decoder that reads into the built struct in place. Once every value that has no
//! placeholder is read (flags words, required values other than plain numbers, groups split across the
//! wire), the struct is built, the fields still to come holding placeholders (`None` for optional fields
//! and groups, zero for plain fixed-size values), and the rest of the plan is read straight into it; a
//! group's trailing plain members likewise into the group once it is in the struct. Only small tails are
//! read so (see [`construction_step`]).
//!
//! Why: built from locals at the end, each value was written to the stack and then copied into the
//! struct, and the struct into the result, each copy reloading as 16-byte vectors what was just stored as
//! narrower scalars (store-forwarding stalls). Read in place, `messages.requestUrlAuth` decoded in 20 ns
//! instead of 28 ns (issue 19; the history of BENCHMARKS.md).

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use tl_parser::builtin::Codec;

use super::reads::{from_run_bytes, member_index, member_local, read_plain_run, run_offsets, test, with_path_of};
use super::{Emitter, Place};
use crate::ident::ident;
use crate::model::{FieldKind, FixedPart, FixedSource, GroupPart, Item, Member, Step, TypeRef};

/// How many steps of the plan are read into locals before the struct is built: all up to the last one
/// that cannot be read in place. All of them for a constructor on a cycle of the schema (in an
/// unoptimised build, its frame with the built struct beside the locals is paid at every level of
/// nesting, and the million-deep attack tests overflowed their 256 KiB stack), and for one that would
/// read more than [`MAX_FIELDS_IN_PLACE`] fields in place.
pub(super) fn construction_step(item: &Item) -> usize {
    let split = (item.plan.iter())
        .rposition(|step| !reads_in_place(item, step))
        .map_or(0, |last| last + 1);
    let in_place = filled_fields(item, &item.plan[split..])
        .into_iter()
        .filter(|&filled| filled)
        .count();
    if item.nests || in_place > MAX_FIELDS_IN_PLACE {
        item.plan.len()
    } else {
        split
    }
}

/// The most fields a decoder reads in place. Past a few, the placeholders and the assignments cost more
/// than the copies they spare: with every optional field of `user` (21) read in place, decoding 1000
/// users took 320 µs instead of 255 µs (issue 19; the history of BENCHMARKS.md).
const MAX_FIELDS_IN_PLACE: usize = 8;

/// Whether `step` can be read into the built struct: it reads only fields with a placeholder, and no
/// flags word (the struct's `?true` bits are computed from the flags words when it is built).
fn reads_in_place(item: &Item, step: &Step) -> bool {
    match step {
        // A field that is a flags word is read first: the reads after it test it.
        Step::Fixed(parts) => (parts.iter())
            .all(|part| matches!(part.source, FixedSource::Field(field) if item.flags_of_field(field).is_none())),
        Step::Required(_) => false,
        Step::Optional(_) => true,
        Step::Group { field, .. } => item.group_in_one_step(*field),
    }
}

/// Per field of `item`: whether one of the steps `after` reads it (the struct is built with its
/// placeholder).
pub(super) fn filled_fields(item: &Item, after: &[Step]) -> Vec<bool> {
    let mut filled = vec![false; item.fields.len()];
    for step in after {
        match step {
            Step::Fixed(parts) => {
                for part in parts {
                    if let FixedSource::Field(field) = part.source {
                        filled[field] = true;
                    }
                }
            }
            Step::Required(field) | Step::Optional(field) | Step::Group { field, .. } => filled[*field] = true,
        }
    }
    filled
}

/// The value field `field` of `item` holds until it is read in place.
pub(super) fn placeholder(item: &Item, field: usize) -> TokenStream {
    match &item.fields[field].kind {
        FieldKind::Required(ty) => zero(ty),
        FieldKind::Optional(_) | FieldKind::Group(_) => quote!(::core::option::Option::None),
        FieldKind::Bit => unreachable!("a `?true` bit is not read"),
    }
}

/// The zero of a plain fixed-size type (a number or a raw byte array).
fn zero(ty: &TypeRef) -> TokenStream {
    match ty.builtin().map(|builtin| (builtin.codec, builtin.rust)) {
        Some((Codec::LittleEndian(_), "f64" | "f32")) => quote!(0.0),
        Some((Codec::LittleEndian(_), _)) => quote!(0),
        _ => {
            let size = Literal::usize_unsuffixed(ty.plain_size().expect("a plain fixed-size type"));
            quote!([0; #size])
        }
    }
}

impl Emitter<'_> {
    /// The reads of one step into the built struct `this`.
    pub(super) fn fill_step(&self, item: &Item, place: Place<'_>, step: &Step) -> TokenStream {
        match step {
            Step::Fixed(parts) => {
                let FixedSource::Field(first) = parts[0].source else {
                    unreachable!("flags words are read before the struct is built")
                };
                let values = run_offsets(parts).map(|(part, at)| {
                    let FixedSource::Field(field) = part.source else {
                        unreachable!("flags words are read before the struct is built")
                    };
                    let name = ident(&item.fields[field].rust_name);
                    (quote!(this.#name), from_run_bytes(item.wire_type(field, None)), at)
                });
                read_plain_run(item, &item.fields[first].tl_name, parts, values)
            }
            Step::Optional(field) => {
                let condition = item.fields[*field].condition.expect("optional fields are conditional");
                let name = ident(&item.fields[*field].rust_name);
                let path = with_path_of(item, &item.fields[*field].tl_name);
                let ty = item.wire_type(*field, None);
                let test = test(condition);
                let read = self.read_value_or_return(place, ty, &path);
                quote!(if #test { this.#name = ::core::option::Option::Some(#read); })
            }
            Step::Group { field, parts } => self.fill_group(item, place, *field, parts),
            Step::Required(_) => unreachable!("required values are read before the struct is built"),
        }
    }

    /// A group read under its bit: its members up to the last that has no placeholder into locals, the
    /// group then put in the struct, and its trailing plain members read into it in place.
    fn fill_group(&self, item: &Item, place: Place<'_>, field: usize, parts: &[GroupPart]) -> TokenStream {
        let condition = item.fields[field].condition.expect("groups are conditional");
        let FieldKind::Group(group) = item.fields[field].kind else {
            unreachable!("a group field")
        };
        let members = &item.groups[group].members;
        let split = (parts.iter())
            .rposition(|part| matches!(part, GroupPart::Value(_)))
            .map_or(0, |last| last + 1);
        let (before, after) = parts.split_at(split);
        let reads: TokenStream = (before.iter())
            .map(|part| self.read_group_part(item, place, field, members, part))
            .collect();
        let trailing: Vec<usize> = crate::model::group_members(after).collect();
        let inits = members.iter().enumerate().map(|(index, member)| {
            let name = ident(&member.rust_name);
            match trailing.contains(&index) {
                true => {
                    let zero = zero(&member.ty);
                    quote!(#name: #zero)
                }
                false => {
                    let local = member_local(field, index);
                    quote!(#name: #local)
                }
            }
        });
        let group_path = self.group_path(item, group, place);
        let value = quote!(#group_path { #(#inits),* });
        let name = ident(&item.fields[field].rust_name);
        let test = test(condition);
        if after.is_empty() {
            return quote!(if #test { #reads this.#name = ::core::option::Option::Some(#value); });
        }
        let fills: TokenStream = after.iter().map(|part| fill_member_run(item, members, part)).collect();
        quote! {
            if #test {
                #reads
                let group = this.#name.insert(#value);
                #fills
            }
        }
    }
}

/// The read of a run of a group's plain members into the group in place (`group`).
fn fill_member_run(item: &Item, members: &[Member], part: &GroupPart) -> TokenStream {
    let GroupPart::Fixed(run) = part else {
        unreachable!("only plain members are read in place")
    };
    let values = run_offsets(run).map(|(part, at): (&FixedPart, usize)| {
        let member = &members[member_index(part)];
        let name = ident(&member.rust_name);
        (quote!(group.#name), from_run_bytes(&member.ty), at)
    });
    read_plain_run(item, &members[member_index(&run[0])].tl_name, run, values)
}
