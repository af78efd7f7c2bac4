//! The decoder of an item: a walk over its wire plan, each value into a local, then the struct built from
//! the locals; the values after the last one that must be read first are read into the built struct in
//! place (see [`super::fill`]). Every read passes its error out with `constructor.field` added to the
//! path.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{ToTokens, format_ident, quote};
use tl_parser::builtin::Codec;

use super::encode::flags_var;
use super::types::read_by_trait;
use super::{Emitter, Place, fill, hex};
use crate::ident::ident;
use crate::model::{Condition, CountSource, FieldKind, FixedPart, FixedSource, GroupPart, Item, Member, Step, TypeRef};

/// The local holding field `field`.
pub(super) fn field_local(field: usize) -> Ident {
    format_ident!("field_{}", field)
}

/// The local holding the item's natural-number parameter `k` (given to its decoder).
pub(super) fn count_local(k: usize) -> Ident {
    format_ident!("count_{}", k)
}

/// Where a count comes from, as an expression of type `u32` inside a decoder.
pub(super) fn count_expr(count: CountSource) -> TokenStream {
    match count {
        CountSource::Field(field) => field_local(field).into_token_stream(),
        CountSource::Const(count) => Literal::u32_unsuffixed(count).into_token_stream(),
        CountSource::Param(k) => count_local(k).into_token_stream(),
    }
}

/// The local holding member `member` of group field `field`.
pub(super) fn member_local(field: usize, member: usize) -> Ident {
    format_ident!("member_{}_{}", field, member)
}

/// `flags_i & mask != 0`.
pub(super) fn test(condition: Condition) -> TokenStream {
    let var = flags_var(condition.flags);
    let mask = hex(1 << condition.bit);
    quote!(#var & #mask != 0)
}

impl Emitter<'_> {
    /// The body of `deserialize` after any id: the reads of the plan, then the value.
    pub(super) fn decoder(&self, item: &Item, place: Place<'_>) -> TokenStream {
        let (before, after) = item.plan.split_at(fill::construction_step(item));
        // The flags words given where the type is applied (its `{n:#}` masks), before any read.
        let given = (item.flags_given.iter().enumerate()).filter_map(|(index, given)| {
            let (var, value) = (flags_var(index), count_expr((*given)?));
            Some(quote!(let #var = #value;))
        });
        let mut out: TokenStream = given.collect();
        out.extend(before.iter().map(|step| self.read_step(item, place, step)));
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
        let fills: TokenStream = after.iter().map(|step| self.fill_step(item, place, step)).collect();
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
        let read = with_path(
            self.read_expr(place, &members[member].ty),
            item,
            &members[member].tl_name,
        );
        quote!(let #local = #read;)
    }

    /// `let field_i = <read>;`.
    fn read_required(&self, item: &Item, place: Place<'_>, field: usize) -> TokenStream {
        let local = field_local(field);
        let read = with_path(
            self.read_expr(place, item.wire_type(field, None)),
            item,
            &item.fields[field].tl_name,
        );
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
        if read_by_trait(place, ty) {
            let rust = self.rust_type(place, ty);
            let read = read_or_return(quote!(::tl_runtime::read_if::<#rust>(reader, #test)), &path);
            quote!(let #local = #read;)
        } else {
            let read = read_or_return(self.read_expr(place, ty), &path);
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

/// Each part of a run with its offset in the run.
pub(super) fn run_offsets(parts: &[FixedPart]) -> impl Iterator<Item = (&FixedPart, usize)> {
    parts.iter().scan(0, |offset, part| {
        let at = *offset;
        *offset += part.size;
        Some((part, at))
    })
}

/// How a plain value is made from its bytes: numbers with `from_le_bytes`; raw arrays (`int128`,
/// declared arrays) are the bytes (nothing).
pub(super) fn from_run_bytes(ty: &TypeRef) -> TokenStream {
    match ty.builtin() {
        Some(builtin) if matches!(builtin.codec, Codec::LittleEndian(_)) => {
            let rust: syn::Type = syn::parse_str(builtin.rust).expect("a Rust type");
            quote!(#rust::from_le_bytes)
        }
        _ => TokenStream::new(),
    }
}

/// Reads a run of plain fixed-size values (`parts`; `first` is the TL name of the first) with one bounds
/// check; each of `values` (where it goes: `let local` or a place, the conversion from its bytes, its
/// offset) is assigned there.
pub(super) fn read_plain_run(
    item: &Item,
    first: &str,
    parts: &[FixedPart],
    values: impl Iterator<Item = (TokenStream, TokenStream, usize)>,
) -> TokenStream {
    let size = Literal::usize_unsuffixed(parts.iter().map(|part| part.size).sum());
    let read = with_path(quote!(reader.read_array::<#size>()), item, first);
    let mut out = quote!(let run = #read;);
    for (target, convert, at) in values {
        let at = Literal::usize_unsuffixed(at);
        let bytes = quote!(::tl_runtime::run_field(&run, #at));
        out.extend(match convert.is_empty() {
            true => quote!(#target = #bytes;),
            false => quote!(#target = #convert(#bytes);),
        });
    }
    out
}

/// The member index of a run part of a group.
pub(super) fn member_index(part: &FixedPart) -> usize {
    match part.source {
        FixedSource::Member(member) => member,
        _ => unreachable!("a group's runs hold members"),
    }
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

/// `item.param`, the step a read adds to an error's path.
pub(super) fn with_path_of(item: &Item, param: &str) -> String {
    format!("{}.{param}", item.tl_name)
}

/// [`read_or_return`] with the path `item.param`.
pub(super) fn with_path(read: TokenStream, item: &Item, param: &str) -> TokenStream {
    read_or_return(read, &with_path_of(item, param))
}

/// The value of `read` (a `Result` expression), or a return of its error with `path` added. A `match`
/// rather than `in_field(read, path)?`: in unoptimised builds each step of that keeps its own copy of the
/// value on the stack, which recursive decoders pay at every level. (`Ok` and `Err` are imported at the
/// top of each decoder.)
pub(super) fn read_or_return(read: TokenStream, path: &str) -> TokenStream {
    quote! {
        match #read {
            Ok(value) => value,
            Err(error) => return Err(error.in_field(#path)),
        }
    }
}
