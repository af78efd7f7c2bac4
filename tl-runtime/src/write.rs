//! Writing in place: every encoder writes over the front of a `&mut [u8]` and hands back the rest.
//!
//! [`Serialize::serialized_len`](crate::Serialize::serialized_len) is exact, so a buffer is sized once
//! and each value is written into its own part of it. The cursor is a plain slice passed in and returned
//! by value (two registers), so a run of appends keeps no length in memory to reload and store, and
//! checks the room left once per item rather than growing a vector.
//!
//! A buffer shorter than the encoding is a bug in a `serialized_len` (the generated ones are exact and
//! tested to be), not a property of the input: it panics, once, in a cold function.

/// Splits the first `N` bytes off `out`, to be filled in place by the caller (a run of fixed-size fields);
/// the rest of the buffer follows.
#[inline(always)]
pub fn split_run<const N: usize>(out: &mut [u8]) -> (&mut [u8; N], &mut [u8]) {
    let left = out.len();
    match out.split_first_chunk_mut::<N>() {
        Some(parts) => parts,
        None => too_short(N, left),
    }
}

/// Writes `bytes` at the front of `out`; returns the rest.
#[inline(always)]
pub fn put<const N: usize>(out: &mut [u8], bytes: [u8; N]) -> &mut [u8] {
    let (head, rest) = split_run::<N>(out);
    *head = bytes;
    rest
}

/// Splits the first `len` bytes off `out`.
#[inline(always)]
fn split_item(out: &mut [u8], len: usize) -> (&mut [u8], &mut [u8]) {
    let left = out.len();
    match out.split_at_mut_checked(len) {
        Some(parts) => parts,
        None => too_short(len, left),
    }
}

#[cold]
#[inline(never)]
fn too_short(needed: usize, left: usize) -> ! {
    panic!("TL output buffer too short: {needed} bytes to write, {left} left (a serialized_len is not exact)")
}

/// The encoded size of a `bytes` or `string` of `len` bytes: header, data, padding to 4.
#[inline]
pub fn bytes_len(len: usize) -> usize {
    if len < 254 {
        short_bytes_len(len)
    } else {
        (4 + len).next_multiple_of(4)
    }
}

/// [`bytes_len`] of an item under 254 bytes (one length byte): `1 + len` rounded up to 4.
#[inline]
pub(crate) fn short_bytes_len(len: usize) -> usize {
    (len & !3) + 4
}

/// Items shorter than this take [`write_bytes`]' inline path.
const SHORT_ITEM: usize = 64;

/// Writes a `bytes` (or `string`) item at the front of `out`: the length, the data, zero padding to 4;
/// returns the rest. Lengths are 24-bit on the wire: data longer than 16 MiB - 1 cannot be encoded and
/// panics, as a programming error.
#[inline(always)]
pub fn write_bytes<'o>(data: &[u8], out: &'o mut [u8]) -> &'o mut [u8] {
    let len = data.len();
    // Most TL strings are short and most have 64 bytes of room after them: write within a 64-byte window,
    // where every index is provably in range (no bounds checks) and every copy has a fixed size (no call
    // to memcpy or memset).
    if let (true, Some((window, _))) = (len < SHORT_ITEM, out.split_first_chunk_mut::<SHORT_ITEM>()) {
        put_short(window, data);
        // The item's size, `short_bytes_len(len)` masked so that its bound (64) is plain to the compiler.
        return &mut out[(len & 0x3c) + 4..];
    }
    write_bytes_exactly(data, out)
}

/// Writes a short item (`data` under 64 bytes) at the front of `window`: zero the item's last word (where
/// any padding is), then put the length byte and the data over it.
#[inline(always)]
fn put_short(window: &mut [u8; SHORT_ITEM], data: &[u8]) {
    let len = data.len();
    // The last word starts at `len` rounded down to 4; masked so the bound (60) is plain to the compiler.
    let last_word = len & 0x3c;
    window[last_word..last_word + 4].copy_from_slice(&[0; 4]);
    window[0] = len as u8;
    copy_short(&mut window[1..], data);
}

/// [`write_bytes`] where the item must fill `out` to within 64 bytes of its end, or is long.
#[inline(never)]
fn write_bytes_exactly<'o>(data: &[u8], out: &'o mut [u8]) -> &'o mut [u8] {
    let len = data.len();
    if len >= SHORT_ITEM {
        return write_long_bytes(data, out);
    }
    let total = short_bytes_len(len);
    let mut window = [0; SHORT_ITEM];
    put_short(&mut window, data);
    let (item, rest) = split_item(out, total);
    item.copy_from_slice(&window[..total]);
    rest
}

/// Copies `src` (shorter than 64 bytes) to the front of `dst` with two overlapping fixed-size copies,
/// which compile to a few moves where a copy of variable length would call `memcpy`.
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    #[inline(always)]
    fn two<const N: usize>(dst: &mut [u8], src: &[u8]) {
        let len = src.len();
        dst[..N].copy_from_slice(&src[..N]);
        dst[len - N..len].copy_from_slice(&src[len - N..]);
    }
    match src.len() {
        0 => {}
        len @ 1..4 => {
            dst[0] = src[0];
            dst[len / 2] = src[len / 2];
            dst[len - 1] = src[len - 1];
        }
        4..8 => two::<4>(dst, src),
        8..16 => two::<8>(dst, src),
        16..32 => two::<16>(dst, src),
        _ => two::<32>(dst, src),
    }
}

/// [`write_bytes`] for items of 64 bytes or more.
#[inline(never)]
fn write_long_bytes<'o>(data: &[u8], out: &'o mut [u8]) -> &'o mut [u8] {
    let len = data.len();
    assert!(len < 1 << 24, "TL bytes are at most 16 MiB - 1 long, got {len}");
    let (item, rest) = split_item(out, bytes_len(len));
    let header = if len < 254 {
        item[0] = len as u8;
        1
    } else {
        item[..4].copy_from_slice(&[0xfe, len as u8, (len >> 8) as u8, (len >> 16) as u8]);
        4
    };
    let (body, padding) = item[header..].split_at_mut(len);
    body.copy_from_slice(data);
    padding.fill(0);
    rest
}

/// Encoded size of a boxed `Vector` whose elements have the sizes `item_len` gives.
#[inline]
pub fn vector_len<T>(items: &[T], item_len: impl Fn(&T) -> usize) -> usize {
    4 + bare_vector_len(items, item_len)
}

/// Encoded size of a bare `vector`: a count and the elements.
#[inline]
pub fn bare_vector_len<T>(items: &[T], item_len: impl Fn(&T) -> usize) -> usize {
    4 + items.iter().map(item_len).sum::<usize>()
}

/// Writes a boxed `Vector` with `write_item` for each element; returns the rest of `out`.
#[inline]
pub fn write_vector<'o, T>(
    items: &[T],
    out: &'o mut [u8],
    write_item: impl for<'x> Fn(&T, &'x mut [u8]) -> &'x mut [u8],
) -> &'o mut [u8] {
    write_bare_vector(items, put(out, crate::VECTOR_ID.to_le_bytes()), write_item)
}

/// Writes a bare `vector`: the count, then each element; returns the rest of `out`.
#[inline]
pub fn write_bare_vector<'o, T>(
    items: &[T],
    out: &'o mut [u8],
    write_item: impl for<'x> Fn(&T, &'x mut [u8]) -> &'x mut [u8],
) -> &'o mut [u8] {
    let count = u32::try_from(items.len()).expect("a TL vector holds at most 2^32 - 1 elements");
    let mut out = put(out, count.to_le_bytes());
    for item in items {
        out = write_item(item, out);
    }
    out
}
