//! The decoder of an item: a walk over its wire plan, each value into a local, then the struct built from
//! the locals; the values after the last one that must be read first are read into the built struct in
//! place (see [`super::fill`]). Every read passes its error out with `constructor.field` added to the
//! path.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::reads::{
    count_expr, field_local, flags_var, from_run_bytes, member_index, member_local, read_or_return, read_plain_run,
    run_offsets, test, with_path, with_path_of,
};
use super::types::read_by_trait;
use super::{Emitter, Place, fill};
use crate::ident::ident;
use crate::model::{CountSource, FieldKind, FixedPart, FixedSource, GroupPart, Item, Member, Step, TypeRef};

impl Emitter<'_> {
    /// The body of `deserialize` after any id: the reads of the plan, then the value.
    pub(super) fn decoder(&self, item: &Item, place: Place<'_>) -> TokenStream {
        let (before, after) = item.plan.split_at(fill::construction_step(item));
        // The flags words given where the type is applied (its `{n:#}` masks), before any read; those that
        // are fields of their own (read under by a repetition's items), once their field is read.
        let given = (item.flags_given.iter().enumerate()).filter_map(|(index, given)| match given {
            Some(param @ CountSource::Param(_)) => {
                let (var, value) = (flags_var(index), count_expr(*param));
                Some(quote!(let #var = #value;))
            }
            _ => None,
        });
        let mut out: TokenStream = given.collect();
        for step in before {
            out.extend(self.read_step(item, place, step));
            out.extend(flags_of_fields_read(item, step));
        }
        if item.plan.is_empty() {
            out.extend(quote!(let _ = reader;));
        }
        let filled = fill::filled_fields(item, after);
        let construct = self.construct(item, place, &filled);
        if after.is_empty() {
            return quote! {
                #out
                Ok(#construct)
            };
        }
        let fills: TokenStream = (after.iter())
            .map(|step| {
                let fill = self.fill_step(item, place, step);
                let word = flags_of_optional_filled(item, step);
                quote!(#fill #word)
            })
            .collect();
        quote! {
            #out
            let mut this = #construct;
            #fills
            Ok(this)
        }
    }

    fn read_step(&self, item: &Item, place: Place<'_>, step: &Step) -> TokenStream {
        match step {
            Step::Fixed(parts) if parts.len() > 1 => read_run(item, parts),
            Step::Fixed(parts) => match parts[0].source {
                FixedSource::Flags(index) => read_flags(item, index),
                FixedSource::Field(field) => self.read_required(item, place, field),
                FixedSource::Member(_) => unreachable!("members are in groups"),
            },
            Step::Required(field) => self.read_required(item, place, *field),
            Step::Optional(field) => {
                let condition = item.fields[*field].condition.expect("optional fields are conditional");
                let ty = item.wire_type(*field, None);
                let path = with_path_of(item, &item.fields[*field].tl_name);
                self.read_optional(place, ty, field_local(*field), test(condition), path)
            }
            Step::Group { field, parts } if item.group_in_one_step(*field) => {
                self.read_whole_group(item, place, *field, parts)
            }
            Step::Group { field, parts } => {
                let condition = item.fields[*field].condition.expect("groups are conditional");
                let FieldKind::Group(group) = item.fields[*field].kind else {
                    unreachable!("a group field")
                };
                let members = crate::model::group_members(parts);
                let reads = members.map(|member| {
                    let member_field = &item.groups[group].members[member];
                    let path = with_path_of(item, &member_field.tl_name);
                    let local = member_local(*field, member);
                    self.read_optional(place, &member_field.ty, local, test(condition), path)
                });
                reads.collect()
            }
        }
    }

    /// `let field_i = if <bit> { <each member read>; Some(Group { .. }) } else { None };`: a group whose
    /// members are all in this step, read under one test, plain fixed-size neighbours with one bounds check.
    fn read_whole_group(&self, item: &Item, place: Place<'_>, field: usize, parts: &[GroupPart]) -> TokenStream {
        let condition = item.fields[field].condition.expect("groups are conditional");
        let FieldKind::Group(group) = item.fields[field].kind else {
            unreachable!("a group field")
        };
        let members = &item.groups[group].members;
        let reads: TokenStream = (parts.iter())
            .map(|part| self.read_group_part(item, place, field, members, part))
            .collect();
        let local = field_local(field);
        let group_path = self.group_path(item, group, place);
        let inits = members.iter().enumerate().map(|(index, member)| {
            let name = ident(&member.rust_name);
            let value = member_local(field, index);
            quote!(#name: #value)
        });
        let test = test(condition);
        quote! {
            let #local = if #test {
                #reads
                ::core::option::Option::Some(#group_path { #(#inits),* })
            } else {
                ::core::option::Option::None
            };
        }
    }

    /// The reads of one part of a group's step into the locals of its members.
    pub(super) fn read_group_part(
        &self,
        item: &Item,
        place: Place<'_>,
        field: usize,
        members: &[Member],
        part: &GroupPart,
    ) -> TokenStream {
        match part {
            GroupPart::Fixed(run) if run.len() > 1 => {
                let first = &members[member_index(&run[0])].tl_name;
                let values = run_offsets(run).map(|(part, at)| {
                    let member = member_index(part);
                    let local = member_local(field, member);
                    (quote!(let #local), from_run_bytes(&members[member].ty), at)
                });
                read_plain_run(item, first, run, values)
            }
            GroupPart::Fixed(run) => self.read_member(item, place, field, members, member_index(&run[0])),
            GroupPart::Value(member) => self.read_member(item, place, field, members, *member),
        }
    }

    /// `let member_f_m = <read>;`.
    fn read_member(
        &self,
        item: &Item,
        place: Place<'_>,
        field: usize,
        members: &[Member],
        member: usize,
    ) -> TokenStream {
        let local = member_local(field, member);
        let path = with_path_of(item, &members[member].tl_name);
        let read = self.read_value_or_return(place, &members[member].ty, &path);
        quote!(let #local = #read;)
    }

    /// `let field_i = <read>;`.
    fn read_required(&self, item: &Item, place: Place<'_>, field: usize) -> TokenStream {
        let local = field_local(field);
        let path = with_path_of(item, &item.fields[field].tl_name);
        let read = self.read_value_or_return(place, item.wire_type(field, None), &path);
        quote!(let #local = #read;)
    }

    /// `let local = <T present when test>;`: one generic runtime call for trait-codable types.
    fn read_optional(
        &self,
        place: Place<'_>,
        ty: &TypeRef,
        local: Ident,
        test: TokenStream,
        path: String,
    ) -> TokenStream {
        if read_by_trait(place, ty) && !ty.is_raw() {
            let rust = self.rust_type(place, ty);
            let read = read_or_return(quote!(::tl_runtime::read_if::<#rust>(reader, #test)), &path);
            quote!(let #local = #read;)
        } else {
            let read = self.read_value_or_return(place, ty, &path);
            quote! {
                let #local = if #test { ::core::option::Option::Some(#read) } else { ::core::option::Option::None };
            }
        }
    }
}

/// A flags word read alone: bound when a field depends on it, else read and dropped (its bits, if any,
/// are unknown to us).
fn read_flags(item: &Item, index: usize) -> TokenStream {
    let read = with_path(quote!(reader.read_u32()), item, &item.flags_fields[index]);
    if flags_used(item, index) {
        let var = flags_var(index);
        quote!(let #var = #read;)
    } else {
        quote!(#read;)
    }
}

/// Whether any field is conditional on flags word `index`.
fn flags_used(item: &Item, index: usize) -> bool {
    item.fields
        .iter()
        .any(|f| f.condition.is_some_and(|c| c.flags == index))
}

/// Reads a run of plain fixed-size values of the item's own (flags words, required fields) with one
/// bounds check; each becomes its local (a flags word no field depends on is read and dropped).
fn read_run(item: &Item, parts: &[FixedPart]) -> TokenStream {
    let first = match parts[0].source {
        FixedSource::Flags(index) => &item.flags_fields[index],
        FixedSource::Field(field) => &item.fields[field].tl_name,
        FixedSource::Member(_) => unreachable!("members are in groups"),
    };
    let values = run_offsets(parts).filter_map(|(part, at)| match part.source {
        FixedSource::Flags(index) if flags_used(item, index) => {
            let var = flags_var(index);
            Some((quote!(let #var), quote!(u32::from_le_bytes), at))
        }
        FixedSource::Flags(_) => None,
        FixedSource::Field(field) => {
            let local = field_local(field);
            Some((quote!(let #local), from_run_bytes(item.wire_type(field, None)), at))
        }
        FixedSource::Member(_) => unreachable!("members are in groups"),
    });
    read_plain_run(item, first, parts, values)
}

impl Emitter<'_> {
    /// The struct from the locals: `Self { a: field_0, b: flags_0 & 0x.. != 0, group: match (...) { .. } }`;
    /// a field marked in `filled` gets its placeholder, to be read in place later.
    fn construct(&self, item: &Item, place: Place<'_>, filled: &[bool]) -> TokenStream {
        if item.fields.is_empty() && item.generics.is_empty() {
            return quote!(Self);
        }
        let inits = item.fields.iter().enumerate().map(|(index, field)| {
            let name = ident(&field.rust_name);
            let value = match &field.kind {
                _ if filled[index] => fill::placeholder(item, index),
                FieldKind::Required(_) | FieldKind::Optional(_) => {
                    let local = field_local(index);
                    quote!(#local)
                }
                FieldKind::Bit => test(field.condition.expect("bits are conditional")),
                FieldKind::Group(_) if item.group_in_one_step(index) => {
                    let local = field_local(index);
                    quote!(#local)
                }
                FieldKind::Group(group) => construct_group(item, index, *group, self.group_path(item, *group, place)),
            };
            quote!(#name: #value)
        });
        quote!(Self { #(#inits),* })
    }
}

/// A group's value (a struct at `group_name`): present when every member was read.
fn construct_group(item: &Item, field: usize, group: usize, group_name: TokenStream) -> TokenStream {
    let group = &item.groups[group];
    let locals = (0..group.members.len()).map(|m| member_local(field, m));
    let bindings: Vec<_> = (0..group.members.len()).map(|m| format_ident!("m{}", m)).collect();
    let members = group.members.iter().map(|member| ident(&member.rust_name));
    quote! {
        match (#(#locals),*) {
            (#(::core::option::Option::Some(#bindings)),*) => ::core::option::Option::Some(#group_name { #(#members: #bindings),* }),
            _ => ::core::option::Option::None,
        }
    }
}

/// `let flags_i = field_j;` for each flags word that is a field read by `step` (a flags word that items of
/// a repetition are read under).
fn flags_of_fields_read(item: &Item, step: &Step) -> TokenStream {
    let fields: Vec<usize> = match step {
        Step::Fixed(parts) => (parts.iter())
            .filter_map(|part| match part.source {
                FixedSource::Field(field) => Some(field),
                _ => None,
            })
            .collect(),
        Step::Required(field) => vec![*field],
        _ => Vec::new(),
    };
    let bindings = fields.into_iter().filter_map(|field| {
        let (var, local) = (flags_var(item.flags_of_field(field)?), field_local(field));
        Some(quote!(let #var = #local;))
    });
    let mut out: TokenStream = bindings.collect();
    // A word under a condition of its own (`f1:f0.0?#`), read into a local: nothing is set when absent.
    if let Step::Optional(field) = step
        && let Some(index) = item.flags_of_field(*field)
    {
        let (var, local) = (flags_var(index), field_local(*field));
        out.extend(quote!(let #var = #local.unwrap_or(0);));
    }
    out
}

/// After an optional flags word (`f1:f0.0?#`) is read into the built struct, its local: nothing is set
/// when it is absent.
fn flags_of_optional_filled(item: &Item, step: &Step) -> TokenStream {
    let Step::Optional(field) = step else {
        return TokenStream::new();
    };
    let Some(index) = item.flags_of_field(*field) else {
        return TokenStream::new();
    };
    let (var, name) = (flags_var(index), ident(&item.fields[*field].rust_name));
    quote!(let #var = this.#name.unwrap_or(0);)
}
