//! Writing: one generic encoder per type ([`Serialize::serialize_into`](crate::Serialize::serialize_into))
//! writes to any [`Output`]. Two outputs do all the work:
//!
//! - [`Length`] only counts: the encoder run on it is the exact length pass
//!   ([`Serialize::serialized_len`](crate::Serialize::serialized_len)), with every byte copy compiled
//!   away;
//! - `&mut [u8]` writes in place: a buffer sized once from that length, each value written over the front
//!   of it and the rest handed back. The cursor is a plain slice passed in and returned by value (two
//!   registers), so a run of writes keeps no length in memory to reload and store, and checks the room
//!   left once per run of fixed-size fields rather than growing a vector.
//!
//! One body serves both passes, so a schema's encoders are type-checked and borrow-checked once, and
//! compiled to machine code only in the crate that calls them.
//!
//! A buffer shorter than the encoding is a bug in the caller's sizing (the length pass is exact, and
//! tested to be), not a property of the input: it panics, once, in a cold function.

/// Where an encoder writes: a buffer written in place (`&mut [u8]`) or a [`Length`] that only counts.
/// Every method takes the output by value and returns what follows what it wrote.
pub trait Output: Sized {
    /// Splits off the next `N` bytes: `Some(run)`, to be filled in place by the caller (a run of
    /// fixed-size fields, at constant offsets), or `None` from an output that only counts.
    fn run<'r, const N: usize>(self) -> (Option<&'r mut [u8; N]>, Self)
    where
        Self: 'r;

    /// Writes `bytes`.
    #[inline(always)]
    fn put<const N: usize>(self, bytes: [u8; N]) -> Self {
        let (run, rest) = self.run::<N>();
        if let Some(run) = run {
            *run = bytes;
        }
        rest
    }

    /// Writes a `bytes` (or `string`) item: the length, the data, zero padding to 4. Lengths are 24-bit
    /// on the wire: data longer than 16 MiB - 1 cannot be encoded and panics, as a programming error.
    fn put_bytes(self, data: &[u8]) -> Self;
}

/// Writing in place over the front of the slice; the rest of it is what follows.
///
/// # Panics
///
/// If the slice is shorter than what is written.
impl Output for &mut [u8] {
    #[inline(always)]
    fn run<'r, const N: usize>(self) -> (Option<&'r mut [u8; N]>, Self)
    where
        Self: 'r,
    {
        let (run, rest) = split_run::<N>(self);
        (Some(run), rest)
    }

    #[inline(always)]
    fn put_bytes(self, data: &[u8]) -> Self {
        write_bytes(data, self)
    }
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
    fn run<'r, const N: usize>(self) -> (Option<&'r mut [u8; N]>, Self)
    where
        Self: 'r,
    {
        (None, Length(self.0 + N))
    }

    #[inline(always)]
    fn put_bytes(self, data: &[u8]) -> Self {
        Length(self.0 + bytes_len(data.len()))
    }
}

/// Splits the first `N` bytes off `out`; the rest of the buffer follows.
#[inline(always)]
fn split_run<const N: usize>(out: &mut [u8]) -> (&mut [u8; N], &mut [u8]) {
    let left = out.len();
    match out.split_first_chunk_mut::<N>() {
        Some(parts) => parts,
        None => too_short(N, left),
    }
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
fn short_bytes_len(len: usize) -> usize {
    (len & !3) + 4
}

/// Items shorter than this take [`write_bytes`]' inline path.
const SHORT_ITEM: usize = 64;

/// [`Output::put_bytes`] in place: the item at the front of `out`; returns the rest.
#[inline(always)]
fn write_bytes<'o>(data: &[u8], out: &'o mut [u8]) -> &'o mut [u8] {
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

/// Writes a boxed `Vector` with `write_item` for each element; returns what follows.
#[inline]
pub fn write_vector<O: Output, T>(items: &[T], out: O, write_item: impl Fn(&T, O) -> O) -> O {
    write_bare_vector(items, out.put(crate::VECTOR_ID.to_le_bytes()), write_item)
}

/// Writes a bare `vector`: the count, then each element; returns what follows.
#[inline]
pub fn write_bare_vector<O: Output, T>(items: &[T], out: O, write_item: impl Fn(&T, O) -> O) -> O {
    let count = u32::try_from(items.len()).expect("a TL vector holds at most 2^32 - 1 elements");
    let mut out = out.put(count.to_le_bytes());
    for item in items {
        out = write_item(item, out);
    }
    out
}
