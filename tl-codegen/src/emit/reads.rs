//! The pieces of a decoder's reads that the reads into locals ([`super::decode`]) and the reads into the
//! built struct ([`super::fill`]) share: the names of the locals (the flags words' also the encoder's),
//! the tests of flag bits, runs of plain values read with one bounds check, and the error paths. It
//! depends on no other part of the emitter.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{ToTokens, format_ident, quote};
use tl_parser::builtin::Codec;

use super::hex;
use crate::model::{
    Condition, CountSource, CountSum, FixedPart, FixedSource, Item, ItemCondition, ItemValue, TypeRef, mask_of,
};

/// The local holding flags word `index` while encoding and decoding.
pub(super) fn flags_var(index: usize) -> Ident {
    format_ident!("flags_{}", index)
}

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
        CountSource::Item(k) => item_value_local(k).into_token_stream(),
    }
}

/// A count plus a number (TL-formal's `n+1`), as an expression of type `u32`: saturating, so that a
/// count past `u32::MAX` asks for more items than any input holds rather than wrapping.
pub(super) fn sum_expr(sum: CountSum) -> TokenStream {
    match (sum.source, sum.plus) {
        (source, 0) => count_expr(source),
        (CountSource::Const(count), plus) => Literal::u32_unsuffixed(count.saturating_add(plus)).into_token_stream(),
        (source, plus) => {
            let (count, plus) = (count_expr(source), Literal::u32_unsuffixed(plus));
            quote!(#count.saturating_add(#plus))
        }
    }
}

/// The local holding a value of a repetition's item while the item is read (the value) or written (a
/// reference to it).
pub(super) fn item_value_local(value: ItemValue) -> Ident {
    format_ident!("value_{}_{}", value.depth, value.value)
}

/// The local holding member `member` of group field `field`.
pub(super) fn member_local(field: usize, member: usize) -> Ident {
    format_ident!("member_{}_{}", field, member)
}

/// `flags_i & mask != 0`: whether `condition` holds in the decoder, its flags word read.
pub(super) fn test(condition: Condition) -> TokenStream {
    let var = flags_var(condition.flags);
    bit_test(quote!(#var), condition.bit)
}

/// `word & mask != 0` for `bit`, or `word != 0` for the whole word (`None`).
pub(super) fn bit_test(word: TokenStream, bit: Option<u32>) -> TokenStream {
    match bit {
        Some(_) => {
            let mask = hex(mask_of(bit));
            quote!(#word & #mask != 0)
        }
        None => quote!(#word != 0),
    }
}

/// Whether `condition` holds while a repetition's item is read: a bit of a flags word of the decoder, or
/// of a `#` value of the item or of one enclosing it (a local by then).
pub(super) fn item_test(condition: ItemCondition) -> TokenStream {
    match condition {
        ItemCondition::Word(condition) => test(condition),
        ItemCondition::Value(value, bit) => bit_test(item_value_local(value).into_token_stream(), bit),
    }
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
            let rust = crate::rust_text::tokens(builtin.rust).expect("a Rust type");
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
    let read = with_path(quote!(reader.read_array_ref::<#size>()), item, first);
    let mut out = quote!(let run = #read;);
    for (target, convert, at) in values {
        let at = Literal::usize_unsuffixed(at);
        let bytes = quote!(::tl_runtime::run_field(run, #at));
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
