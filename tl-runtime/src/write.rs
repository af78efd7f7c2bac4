//! Writing: one generic encoder per type ([`Serialize::serialize_into`]) writes to any [`Output`]. Two
//! outputs do all the work:
//!
//! - [`Length`] only counts: the encoder run on it is the exact length pass
//!   ([`Serialize::serialized_len`]), with every byte copy compiled away;
//! - the spare capacity of a `Vec<u8>` ([`Serialize::serialize`]): each value is written from the front
//!   of the room left and the rest handed back. The cursor is a plain slice passed in and returned by
//!   value (two registers), so a run of writes keeps no length in memory to reload and store, and checks
//!   the room left once per run of fixed-size fields rather than growing the vector. Nothing is zeroed first: every write initialises all the bytes it claims, and the vector's
//!   length is set once, at the end, to what was written. When the room runs out the output says so, and
//!   the caller grows the vector (once, by the exact length) and writes again.
//!
//! One body serves both, so a schema's encoders are type-checked and borrow-checked once, and compiled to
//! machine code only in the crate that calls them.

use std::mem::MaybeUninit;

use crate::traits::Serialize;

/// Where an encoder writes: a vector's spare capacity, or a [`Length`] that only counts. Every method
/// takes the output by value and returns what follows what it wrote. Each method writes every byte it
/// claims: an encoder cannot leave a gap.
pub trait Output: Sized {
    /// Writes `bytes`: one fixed-size value, or a run of them (the encoders build runs of fixed-size
    /// fields as one array).
    fn put<const N: usize>(self, bytes: [u8; N]) -> Self;

    /// Writes a `bytes` (or `string`) item: the length, the data, zero padding to 4. Lengths are 24-bit
    /// on the wire: data longer than 16 MiB - 1 cannot be encoded and panics, as a programming error.
    fn put_bytes(self, data: &[u8]) -> Self;

    /// Writes `data` as it is, with no length and no padding: bytes already encoded (an opaque answer,
    /// [`crate::Opaque`]).
    fn put_raw(self, data: &[u8]) -> Self;
}

/// An output that writes nothing and counts the bytes an encoding takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Length(usize);

impl Length {
    /// No bytes yet.
    pub fn new() -> Self {
        Length(0)
    }

    /// The bytes counted.
    pub fn get(self) -> usize {
        self.0
    }
}

impl Output for Length {
    #[inline(always)]
    fn put<const N: usize>(self, _: [u8; N]) -> Self {
        Length(self.0 + N)
    }

    #[inline(always)]
    fn put_bytes(self, data: &[u8]) -> Self {
        Length(self.0 + bytes_len(data.len()))
    }

    #[inline(always)]
    fn put_raw(self, data: &[u8]) -> Self {
        Length(self.0 + data.len())
    }
}

/// The room left in a vector's spare capacity, written from the front; `None` once a write did not fit
/// (and every later write is then skipped). Made only by [`append_in_spare`]; an encoder, generic over
/// its output, can only write to it through [`Output`].
pub(crate) struct Spare<'o>(Option<&'o mut [MaybeUninit<u8>]>);

impl Output for Spare<'_> {
    #[inline(always)]
    fn put<const N: usize>(self, bytes: [u8; N]) -> Self {
        let Some(room) = self.0 else { return Spare(None) };
        match room.split_first_chunk_mut::<N>() {
            Some((head, rest)) => {
                // A copy, not `bytes.map(MaybeUninit::new)`: that map is not inlined for large `N` (an
                // `int256`), and goes through a call and a copy on the stack.
                write_all(head, &bytes);
                Spare(Some(rest))
            }
            None => Spare(None),
        }
    }

    #[inline(always)]
    fn put_bytes(self, data: &[u8]) -> Self {
        match self.0 {
            Some(room) => Spare(write_bytes(data, room)),
            None => Spare(None),
        }
    }

    #[inline]
    fn put_raw(self, data: &[u8]) -> Self {
        let Some(room) = self.0 else { return Spare(None) };
        match room.split_at_mut_checked(data.len()) {
            Some((head, rest)) => {
                write_all(head, data);
                Spare(Some(rest))
            }
            None => Spare(None),
        }
    }
}

/// Appends `value`'s encoding to `out` in one pass through the room `out` already has. Returns false,
/// with `out` unchanged, if it does not fit.
#[inline]
#[allow(unsafe_code)]
pub(crate) fn append_in_spare<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> bool {
    let start = out.len();
    let spare = out.spare_capacity_mut();
    let room = spare.len();
    let Spare(Some(rest)) = value.serialize_into(Spare(Some(spare))) else {
        return false;
    };
    let written = room - rest.len();
    // SAFETY: `set_len` needs the first `start + written` bytes initialised. The first `start` were.
    // `rest` is a tail of `spare` (the bytes after `out`'s length): the encoder is generic over its
    // output, so the only `Spare` it can return is the one it was given, as handed back by `Spare`'s
    // `put`, `put_bytes` and `put_raw`, and each of those returns the tail after a front part it initialised
    // in full (`put`: all `N` bytes; `write_bytes`: the header, the data and the padding, see `put_short`,
    // its medium-item path and `write_exactly`; `put_raw`: all of `data`, copied by `write_all`). So the `written` bytes before `rest` are initialised.
    unsafe { out.set_len(start + written) };
    true
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
fn short_bytes_len(len: usize) -> usize {
    (len & !3) + 4
}

/// Items shorter than this take [`write_bytes`]' inline path.
const SHORT_ITEM: usize = 64;

/// Writes a `bytes` item at the front of `room`; returns the rest, or `None` if it does not fit.
#[inline(always)]
fn write_bytes<'o>(data: &[u8], room: &'o mut [MaybeUninit<u8>]) -> Option<&'o mut [MaybeUninit<u8>]> {
    let len = data.len();
    // Most TL strings are short and most have 64 bytes of room after them: write within a 64-byte window,
    // where every index is provably in range (no bounds checks) and every copy has a fixed size (no call
    // to memcpy or memset).
    if let (true, Some((window, _))) = (len < SHORT_ITEM, room.split_first_chunk_mut::<SHORT_ITEM>()) {
        put_short(window, data);
        // The item's size, `short_bytes_len(len)` masked so that its bound (64) is plain to the compiler.
        return Some(&mut room[(len & 0x3c) + 4..]);
    }
    if len < 254 && room.len() >= short_bytes_len(len) {
        // A medium item (a signature, a hash list): the same layout, the data copied by length.
        let (item, rest) = room.split_at_mut(short_bytes_len(len));
        let last_word = len & !3;
        write_all(&mut item[last_word..last_word + 4], &[0; 4]);
        item[0].write(len as u8);
        write_all(&mut item[1..=len], data);
        return Some(rest);
    }
    write_exactly(data, room)
}

/// Writes a short item (`data` under 64 bytes) at the front of `window`: zero the item's last word (where
/// any padding is), then put the length byte and the data over it. Every byte of the item is written:
/// the length byte is byte 0, the data bytes 1 to `len`, and the zeroed word ends the item and starts at
/// or before byte `len` (it starts at `len` rounded down to 4).
#[inline(always)]
fn put_short(window: &mut [MaybeUninit<u8>; SHORT_ITEM], data: &[u8]) {
    let len = data.len();
    // The last word starts at `len` rounded down to 4; masked so the bound (60) is plain to the compiler.
    let last_word = len & 0x3c;
    write_all(&mut window[last_word..last_word + 4], &[0; 4]);
    window[0].write(len as u8);
    copy_short(&mut window[1..], data);
}

/// [`write_bytes`] where fewer than 64 bytes of room are left, or the item is long: the item assembled
/// whole (header, data, zero padding) and copied in.
#[inline(never)]
fn write_exactly<'o>(data: &[u8], room: &'o mut [MaybeUninit<u8>]) -> Option<&'o mut [MaybeUninit<u8>]> {
    let len = data.len();
    assert!(len < 1 << 24, "TL bytes are at most 16 MiB - 1 long, got {len}");
    let (item, rest) = room.split_at_mut_checked(bytes_len(len))?;
    let header = if len < 254 {
        item[0].write(len as u8);
        1
    } else {
        write_all(&mut item[..4], &[0xfe, len as u8, (len >> 8) as u8, (len >> 16) as u8]);
        4
    };
    let (body, padding) = item[header..].split_at_mut(len);
    write_all(body, data);
    for byte in padding {
        byte.write(0);
    }
    Some(rest)
}

/// Copies `src` (shorter than 64 bytes) to the front of `dst` with two overlapping fixed-size copies,
/// which compile to a few moves where a copy of variable length would call `memcpy`.
#[inline(always)]
fn copy_short(dst: &mut [MaybeUninit<u8>], src: &[u8]) {
    #[inline(always)]
    fn two<const N: usize>(dst: &mut [MaybeUninit<u8>], src: &[u8]) {
        let len = src.len();
        write_all(&mut dst[..N], &src[..N]);
        write_all(&mut dst[len - N..len], &src[len - N..]);
    }
    match src.len() {
        0 => {}
        len @ 1..4 => {
            dst[0].write(src[0]);
            dst[len / 2].write(src[len / 2]);
            dst[len - 1].write(src[len - 1]);
        }
        4..8 => two::<4>(dst, src),
        8..16 => two::<8>(dst, src),
        16..32 => two::<16>(dst, src),
        _ => two::<32>(dst, src),
    }
}

/// Copies `src` over `dst`, of the same length: `<[MaybeUninit<u8>]>::write_copy_of_slice`, stable only
/// since Rust 1.93 (the crate supports 1.88). A copy, not a loop: a loop over the bytes is not
/// vectorised once inlined (the compiler cannot tell the two slices apart), and strings are written a
/// byte at a time.
#[inline(always)]
#[allow(unsafe_code)]
fn write_all(dst: &mut [MaybeUninit<u8>], src: &[u8]) {
    assert_eq!(dst.len(), src.len(), "copies are between slices of one length");
    // SAFETY: both pointers are valid for `src.len()` bytes (the lengths are equal); `dst` is borrowed
    // mutably and `src` shared, so they do not overlap; `MaybeUninit<u8>` has the layout of `u8`, and
    // writing initialised bytes over possibly uninitialised ones is always allowed.
    unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr().cast::<u8>(), src.len()) };
}

/// Writes a boxed `Vector` with `write_item` for each element; returns what follows.
#[inline]
pub fn write_vector<O: Output, T>(items: &[T], out: O, write_item: impl Fn(&T, O) -> O) -> O {
    write_bare_vector(items, out.put(crate::VECTOR_ID.to_le_bytes()), write_item)
}

/// Writes a bare `vector`: the count, then each element; returns what follows.
#[inline]
pub fn write_bare_vector<O: Output, T>(items: &[T], out: O, write_item: impl Fn(&T, O) -> O) -> O {
    let count = u32::try_from(items.len()).expect("a TL vector holds at most 2^32 - 1 elements");
    write_items(items, out.put(count.to_le_bytes()), write_item)
}

/// Writes each element of a repetition whose count is not on the wire (it is another field, or a
/// number); returns what follows.
#[inline]
pub fn write_items<O: Output, T>(items: &[T], out: O, write_item: impl Fn(&T, O) -> O) -> O {
    let mut out = out;
    for item in items {
        out = write_item(item, out);
    }
    out
}
