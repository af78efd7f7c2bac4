//! The encoder of an item: walks over its wire plan. One generic body writes to any
//! `tl_runtime::Output`, so it is also the length pass (run on a `Length`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::reads::flags_var;
use super::types::trait_codable;
use super::{Emitter, Place, hex, hex_u32};
use crate::ident::ident;
use crate::model::{CountSource, FieldKind, FixedPart, FixedSource, GroupPart, Item, Member, Step, TypeRef};

impl Emitter<'_> {
    /// `serialize_into`: the flags words computed from the fields, then the plan; a function's `id` goes
    /// first, inside the leading run when the plan starts with one.
    pub(super) fn encoder(&self, item: &Item, place: Place<'_>, id: Option<u32>) -> TokenStream {
        let mut out = Writes::default();
        let id_in_run = id.filter(|_| matches!(item.plan.first(), Some(Step::Fixed(_))));
        if let Some(id) = id.filter(|_| id_in_run.is_none()) {
            let id = hex_u32(id);
            out.write(quote!(::tl_runtime::Output::put(out, #id.to_le_bytes())));
        }
        // A flags word given where the type is applied is not written: the fields are, as they are.
        for (index, _) in item.flags_given.iter().enumerate().filter(|(_, given)| given.is_none()) {
            out.statements(flags_word(item, index));
        }
        let checks = [counts_checked(item), flags_checked(item)];
        for checks in checks.into_iter().filter(|checks| !checks.is_empty()) {
            out.statements(checks);
        }
        for (position, step) in item.plan.iter().enumerate() {
            let leading_id = id_in_run.filter(|_| position == 0);
            self.write_step(item, place, step, leading_id, &mut out);
        }
        out.finish()
    }

    fn write_step(&self, item: &Item, place: Place<'_>, step: &Step, leading_id: Option<u32>, out: &mut Writes) {
        match step {
            Step::Fixed(parts) if parts.len() > 1 || leading_id.is_some() => {
                let id = leading_id.map(|id| {
                    let id = hex_u32(id);
                    (quote!(&#id.to_le_bytes()), 4)
                });
                let parts = parts.iter().map(|part| (field_bytes(item, part), part.size));
                out.write(write_run(id.into_iter().chain(parts)));
            }
            Step::Fixed(parts) => out.write(match parts[0].source {
                FixedSource::Flags(index) => {
                    let var = flags_var(index);
                    quote!(::tl_runtime::Output::put(out, #var.to_le_bytes()))
                }
                FixedSource::Field(field) => self.write_field(item, place, field),
                FixedSource::Member(_) => unreachable!("members are in groups"),
            }),
            Step::Required(field) => out.write(self.write_field(item, place, *field)),
            Step::Optional(field) => out.write(self.write_optional(item, place, *field)),
            Step::Group { field, parts } => {
                let name = ident(&item.fields[*field].rust_name);
                let writes = self.write_group(item, place, *field, parts);
                out.write(quote! {
                    match &self.#name {
                        ::core::option::Option::Some(group) => { #writes }
                        ::core::option::Option::None => out,
                    }
                });
            }
        }
    }

    /// Writes required field `field`.
    fn write_field(&self, item: &Item, place: Place<'_>, field: usize) -> TokenStream {
        let name = ident(&item.fields[field].rust_name);
        let FieldKind::Required(ty) = &item.fields[field].kind else {
            unreachable!("a required field")
        };
        self.write_expr(place, ty, quote!(&self.#name))
    }

    /// Writes optional field `field`: nothing when absent.
    fn write_optional(&self, item: &Item, place: Place<'_>, field: usize) -> TokenStream {
        let name = ident(&item.fields[field].rust_name);
        let FieldKind::Optional(ty) = &item.fields[field].kind else {
            unreachable!("an optional field")
        };
        if trait_codable(ty) {
            return quote!(::tl_runtime::Serialize::serialize_into(&self.#name, out));
        }
        let write = self.write_expr(place, ty, quote!(value));
        quote! {
            match &self.#name {
                ::core::option::Option::Some(value) => #write,
                ::core::option::Option::None => out,
            }
        }
    }

    /// Writes the members of a present group (`group.<member>`) in wire order, runs of plain fixed-size
    /// members with one copy each at a constant offset.
    fn write_group(&self, item: &Item, place: Place<'_>, field: usize, parts: &[GroupPart]) -> TokenStream {
        let FieldKind::Group(group) = item.fields[field].kind else {
            unreachable!("a group field")
        };
        let members = &item.groups[group].members;
        let mut out = Writes::default();
        for part in parts {
            match part {
                GroupPart::Fixed(run) if run.len() > 1 => {
                    let parts = run.iter().map(|part| (member_bytes(members, part), part.size));
                    out.write(write_run(parts));
                }
                GroupPart::Fixed(run) => out.write(self.write_member(place, members, member_index(&run[0]))),
                GroupPart::Value(member) => out.write(self.write_member(place, members, *member)),
            }
        }
        out.finish()
    }

    fn write_member(&self, place: Place<'_>, members: &[Member], member: usize) -> TokenStream {
        let name = ident(&members[member].rust_name);
        self.write_expr(place, &members[member].ty, quote!(&group.#name))
    }
}

fn member_index(part: &FixedPart) -> usize {
    match part.source {
        FixedSource::Member(member) => member,
        _ => unreachable!("a group's runs hold members"),
    }
}

/// The bytes of a part of an item's run: a flags word or a required field of `self`.
fn field_bytes(item: &Item, part: &FixedPart) -> TokenStream {
    match part.source {
        FixedSource::Flags(index) => {
            let var = flags_var(index);
            quote!(&#var.to_le_bytes())
        }
        FixedSource::Field(field) => {
            plain_bytes(&item.fields[field].rust_name, item.wire_type(field, None), quote!(self))
        }
        FixedSource::Member(_) => unreachable!("members are in groups"),
    }
}

/// The bytes of a part of a group's run: a member of `group`.
fn member_bytes(members: &[Member], part: &FixedPart) -> TokenStream {
    let member = &members[member_index(part)];
    plain_bytes(&member.rust_name, &member.ty, quote!(group))
}

/// `&owner.name.to_le_bytes()`, or `&owner.name` for the raw byte arrays (`int128`, `int256`, declared
/// arrays).
fn plain_bytes(name: &str, ty: &TypeRef, owner: TokenStream) -> TokenStream {
    let name = ident(name);
    if ty.is_raw() {
        quote!(&#owner.#name)
    } else {
        quote!(&#owner.#name.to_le_bytes())
    }
}

/// `let flags_i: u32 = ...;`: the bits of the fields conditional on flags word `index`.
fn flags_word(item: &Item, index: usize) -> TokenStream {
    let var = flags_var(index);
    let bits: Vec<TokenStream> = (item.fields.iter())
        .filter(|f| f.condition.is_some_and(|c| c.flags == index))
        .map(|field| {
            let name = ident(&field.rust_name);
            let mask = hex(field.condition.expect("filtered").mask());
            let present = match field.kind {
                FieldKind::Bit => quote!(self.#name),
                _ => quote!(self.#name.is_some()),
            };
            quote!(if #present { #mask } else { 0 })
        })
        .collect();
    match bits.as_slice() {
        [] => quote!(let #var: u32 = 0;),
        [bit] => quote!(let #var: u32 = #bit;),
        _ => quote!(let #var: u32 = #((#bits))|*;),
    }
}

/// Fixed-size parts (`(bytes expression, width)`) written as one array, assembled at constant offsets (no
/// bounds checks; the compiler stores each part straight into the output, and drops them all when the
/// output only counts).
fn write_run(parts: impl Iterator<Item = (TokenStream, usize)>) -> TokenStream {
    let mut offset = 0;
    let mut puts = Vec::new();
    for (value, width) in parts {
        let (from, to) = (
            Literal::usize_unsuffixed(offset),
            Literal::usize_unsuffixed(offset + width),
        );
        puts.push(quote!(run[#from..#to].copy_from_slice(#value);));
        offset += width;
    }
    let size = Literal::usize_unsuffixed(offset);
    quote! {
        ::tl_runtime::Output::put(out, {
            let mut run = [0_u8; #size];
            #(#puts)*
            run
        })
    }
}

/// The body of an encoder: statements that each leave `out` bound to what follows what they wrote, ending
/// in an expression for the `out` after everything (the last write itself, so no `let out = ...; out`).
#[derive(Default)]
struct Writes {
    statements: TokenStream,
    last: Option<TokenStream>,
}

impl Writes {
    /// A write: an expression (using `out`) for what follows it.
    fn write(&mut self, rest: TokenStream) {
        self.bind_last();
        self.last = Some(rest);
    }

    /// Statements that rebind `out` themselves, or leave it alone.
    fn statements(&mut self, statements: TokenStream) {
        self.bind_last();
        self.statements.extend(statements);
    }

    fn bind_last(&mut self) {
        if let Some(rest) = self.last.take() {
            self.statements.extend(quote!(let out = #rest;));
        }
    }

    fn finish(self) -> TokenStream {
        let Writes { statements, last } = self;
        let last = last.unwrap_or_else(|| quote!(out));
        quote!(#statements #last)
    }
}

/// In debug builds, that every repetition whose count is not written before it holds that many items
/// (`n:# a:n*[int] b:n*[int]`: `a` and `b` hold `n` each): the encoding would be read back otherwise.
fn counts_checked(item: &Item) -> TokenStream {
    let checks = item.fields.iter().filter_map(|field| {
        let FieldKind::Required(TypeRef::Counted(_, count)) = &field.kind else {
            return None;
        };
        let name = ident(&field.rust_name);
        let (expected, what) = match count {
            CountSource::Field(count) => {
                let count_name = ident(&item.fields[*count].rust_name);
                (
                    quote!(self.#count_name as usize),
                    format!("`{}`", item.fields[*count].tl_name),
                )
            }
            CountSource::Const(count) => {
                let count = Literal::usize_unsuffixed(*count as usize);
                (quote!(#count), format!("{count}"))
            }
            // Given to the decoder only: the encoder writes what the vector holds. (An item's own count
            // is checked where the item is written.)
            CountSource::Param(_) | CountSource::Item(_) => return None,
        };
        let message = format!("`{}.{}` must hold {what} items", item.tl_name, field.tl_name);
        Some(quote!(debug_assert_eq!(self.#name.len(), #expected, #message);))
    });
    checks.collect()
}

/// In debug builds, that the fields read under a flags word that is a field of its own (one that items of
/// a repetition are read under, or one tested whole) agree with it: present exactly when their bit is set.
fn flags_checked(item: &Item) -> TokenStream {
    let checks = item.fields.iter().filter_map(|field| {
        let condition = field.condition?;
        let CountSource::Field(flags) = item.flags_given[condition.flags]? else {
            return None;
        };
        let (name, flags_name) = (ident(&field.rust_name), ident(&item.fields[flags].rust_name));
        let present = match field.kind {
            FieldKind::Bit => quote!(self.#name),
            _ => quote!(self.#name.is_some()),
        };
        // A word under a condition of its own (`f1:f0.0?#`) flags nothing when it is absent.
        let word = match item.fields[flags].kind {
            FieldKind::Optional(_) => quote!(self.#flags_name.unwrap_or(0)),
            _ => quote!(self.#flags_name),
        };
        let set = super::reads::bit_test(word, condition.bit);
        let message = format!(
            "`{}.{}` must be present exactly when {} is set",
            item.tl_name,
            field.tl_name,
            super::docs::condition_bits(&condition, &item.fields[flags].tl_name)
        );
        Some(quote!(debug_assert_eq!(#set, #present, #message);))
    });
    checks.collect()
}
