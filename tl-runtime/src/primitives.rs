//! The TL built-ins: `int`, `long`, `double`, `int128`, `int256`, `Bool`, `string`, `bytes`, `Vector` and
//! bare `vector`.
//!
//! `string` and `bytes` share one encoding. A `string` that is not valid UTF-8 (Telegram sends some) is
//! decoded with each invalid sequence replaced by U+FFFD rather than failing the whole message; valid text,
//! the common case, is copied once. Fields whose bytes matter exactly should be `bytes` in the schema.
//!
//! `bytes` fields are `Vec<u8>`, which cannot also be a `Vector<T>`, so they are written with the
//! functions here ([`write_bytes`], [`read_bytes`]) rather than through the traits; so are bare vectors
//! and vectors of `bytes`, with the element codec passed as a closure.

use compact_str::CompactString;

use crate::error::{Error, ErrorKind, Result};
use crate::reader::Reader;
use crate::traits::{Deserialize, Serialize};

/// The id of `vector#1cb5c415`, written before a boxed `Vector`.
pub const VECTOR_ID: u32 = 0x1cb5c415;
/// `boolTrue#997275b5`.
pub const BOOL_TRUE_ID: u32 = 0x997275b5;
/// `boolFalse#bc799737`.
pub const BOOL_FALSE_ID: u32 = 0xbc799737;

macro_rules! fixed_size {
    ($ty:ty, $size:literal, $read:ident) => {
        impl Serialize for $ty {
            #[inline]
            fn serialized_len(&self) -> usize {
                $size
            }

            #[inline]
            fn serialize(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }

        impl Deserialize for $ty {
            const MIN_SIZE: usize = $size;

            #[inline]
            fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
                reader.$read()
            }
        }
    };
}

fixed_size!(i32, 4, read_i32);
fixed_size!(i64, 8, read_i64);
fixed_size!(f64, 8, read_f64);

macro_rules! big_int {
    ($size:literal, $tl:literal) => {
        #[doc = concat!("`", $tl, "`: ", stringify!($size), " bytes, written as they are.")]
        impl Serialize for [u8; $size] {
            #[inline]
            fn serialized_len(&self) -> usize {
                $size
            }

            #[inline]
            fn serialize(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(self);
            }
        }

        impl Deserialize for [u8; $size] {
            const MIN_SIZE: usize = $size;

            #[inline]
            fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
                reader.read_array()
            }
        }
    };
}

big_int!(16, "int128");
big_int!(32, "int256");

/// `Bool`: `boolTrue` or `boolFalse`.
impl Serialize for bool {
    #[inline]
    fn serialized_len(&self) -> usize {
        4
    }

    #[inline]
    fn serialize(&self, out: &mut Vec<u8>) {
        let id = if *self { BOOL_TRUE_ID } else { BOOL_FALSE_ID };
        out.extend_from_slice(&id.to_le_bytes());
    }
}

impl Deserialize for bool {
    const MIN_SIZE: usize = 4;

    #[inline]
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
        let offset = reader.offset();
        match reader.read_u32()? {
            BOOL_TRUE_ID => Ok(true),
            BOOL_FALSE_ID => Ok(false),
            found => Err(Error::new(
                ErrorKind::UnexpectedConstructor {
                    expected: "Bool",
                    found,
                },
                offset,
            )),
        }
    }
}

/// The encoded size of a `bytes` or `string` of `len` bytes: header, data, padding to 4.
#[inline]
pub fn bytes_len(len: usize) -> usize {
    let header = if len < 254 { 1 } else { 4 };
    (header + len).next_multiple_of(4)
}

/// Writes a `bytes` (or `string`) payload. Lengths are 24-bit on the wire: data longer than 16 MiB - 1
/// cannot be encoded and panics, as a programming error.
#[inline(always)]
pub fn write_bytes(data: &[u8], out: &mut Vec<u8>) {
    let len = data.len();
    // Most TL strings are short: with room to spare, append a fixed-size run of zeros (the padding), put
    // the header and data over its front with fixed-size copies (no call to memcpy), and cut it to size.
    if len < SHORT_ITEM - 1 && out.capacity() - out.len() >= SHORT_ITEM {
        let start = out.len();
        out.extend_from_slice(&[0; SHORT_ITEM]);
        let item = &mut out[start..start + SHORT_ITEM];
        item[0] = len as u8;
        copy_short(&mut item[1..], data);
        out.truncate(start + bytes_len(len));
        return;
    }
    write_bytes_in_parts(data, out);
}

/// The size of the chunk [`write_bytes`] writes short items with.
const SHORT_ITEM: usize = 64;

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

/// [`write_bytes`] for long items, or when the buffer has no room to spare (an exact-size buffer's end).
#[inline(never)]
fn write_bytes_in_parts(data: &[u8], out: &mut Vec<u8>) {
    let len = data.len();
    assert!(len < 1 << 24, "TL bytes are at most 16 MiB - 1 long, got {len}");
    if len < 254 {
        out.push(len as u8);
    } else {
        out.extend_from_slice(&[0xfe, len as u8, (len >> 8) as u8, (len >> 16) as u8]);
    }
    out.extend_from_slice(data);
    // Fixed-size appends: a zero-fill of variable length would be a call to memset, a loop a check a byte.
    let header = if len < 254 { 1 } else { 4 };
    match bytes_len(len) - header - len {
        1 => out.push(0),
        2 => out.extend_from_slice(&[0; 2]),
        3 => out.extend_from_slice(&[0; 3]),
        _ => {}
    }
}

/// Reads a `bytes` payload into a new vector (one allocation, after the length was checked).
#[inline]
pub fn read_bytes(reader: &mut Reader<'_>) -> Result<Vec<u8>> {
    reader.read_tl_bytes().map(<[u8]>::to_vec)
}

/// `string`: UTF-8 text in the `bytes` encoding, for a text type built `From` a `&str` or a `Cow<str>`.
macro_rules! text {
    ($ty:ty) => {
        impl Serialize for $ty {
            #[inline]
            fn serialized_len(&self) -> usize {
                bytes_len(self.len())
            }

            #[inline]
            fn serialize(&self, out: &mut Vec<u8>) {
                write_bytes(self.as_bytes(), out);
            }
        }

        impl Deserialize for $ty {
            const MIN_SIZE: usize = 4;

            #[inline]
            fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
                let data = reader.read_tl_bytes()?;
                Ok(match std::str::from_utf8(data) {
                    Ok(text) => <$ty>::from(text),
                    Err(_) => <$ty>::from(String::from_utf8_lossy(data)),
                })
            }
        }
    };
}

text!(String);
// The type generated code holds `string` in: text of up to 24 bytes is stored inline, so decoding the
// short strings Telegram is full of (names, usernames, language codes) allocates nothing.
text!(CompactString);

/// `Vector<T>`: the vector id, a count, then the elements.
impl<T: Serialize> Serialize for Vec<T> {
    #[inline]
    fn serialized_len(&self) -> usize {
        vector_len(self, T::serialized_len)
    }

    #[inline]
    fn serialize(&self, out: &mut Vec<u8>) {
        write_vector(self, out, T::serialize);
    }
}

impl<T: Deserialize> Deserialize for Vec<T> {
    const MIN_SIZE: usize = 8;

    #[inline]
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
        read_vector(reader, T::MIN_SIZE, T::deserialize)
    }
}

/// A conditional field (`flags.N?T`): the value when present, nothing at all when absent (the flag bit,
/// written elsewhere, says which).
impl<T: Serialize> Serialize for Option<T> {
    #[inline]
    fn serialized_len(&self) -> usize {
        self.as_ref().map_or(0, T::serialized_len)
    }

    #[inline]
    fn serialize(&self, out: &mut Vec<u8>) {
        if let Some(value) = self {
            value.serialize(out);
        }
    }
}

/// A boxed value (a large or recursive enum variant) encodes as the value.
impl<T: Serialize> Serialize for Box<T> {
    #[inline]
    fn serialized_len(&self) -> usize {
        T::serialized_len(self)
    }

    #[inline]
    fn serialize(&self, out: &mut Vec<u8>) {
        T::serialize(self, out);
    }
}

/// The `N` bytes at `at` of a run of fixed-size fields that a generated decoder read at once (one bounds
/// check for the run; with constant offsets these copies compile to plain loads).
#[inline(always)]
pub fn run_field<const N: usize, const M: usize>(run: &[u8; M], at: usize) -> [u8; N] {
    let mut field = [0; N];
    field.copy_from_slice(&run[at..at + N]);
    field
}

/// `result`, with `field` (`constructor.field`) added to its error's path. Generated decoders pass each
/// field's read through it; on success it is the value, untouched.
#[inline(always)]
pub fn in_field<T>(result: Result<T>, field: &'static str) -> Result<T> {
    match result {
        Ok(value) => Ok(value),
        Err(error) => Err(error.in_field(field)),
    }
}

/// Reads a conditional field: a `T` if `present` (its flag bit is set), else nothing.
#[inline]
pub fn read_if<T: Deserialize>(reader: &mut Reader<'_>, present: bool) -> Result<Option<T>> {
    if present {
        T::deserialize(reader).map(Some)
    } else {
        Ok(None)
    }
}

/// Encoded size of a boxed `Vector` whose elements have the sizes `item_len` gives.
#[inline]
pub fn vector_len<T>(items: &[T], item_len: impl Fn(&T) -> usize) -> usize {
    4 + bare_vector_len(items, item_len)
}

/// Writes a boxed `Vector` with `write_item` for each element.
#[inline]
pub fn write_vector<T>(items: &[T], out: &mut Vec<u8>, write_item: impl Fn(&T, &mut Vec<u8>)) {
    out.extend_from_slice(&VECTOR_ID.to_le_bytes());
    write_bare_vector(items, out, write_item);
}

/// Reads a boxed `Vector` with `read_item` for each element of at least `min_size` bytes.
#[inline]
pub fn read_vector<T>(
    reader: &mut Reader<'_>,
    min_size: usize,
    read_item: impl FnMut(&mut Reader<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    reader.expect_id(VECTOR_ID, "Vector")?;
    read_bare_vector(reader, min_size, read_item)
}

/// Encoded size of a bare `vector`: a count and the elements.
#[inline]
pub fn bare_vector_len<T>(items: &[T], item_len: impl Fn(&T) -> usize) -> usize {
    4 + items.iter().map(item_len).sum::<usize>()
}

/// Writes a bare `vector`: the count, then each element.
#[inline]
pub fn write_bare_vector<T>(items: &[T], out: &mut Vec<u8>, write_item: impl Fn(&T, &mut Vec<u8>)) {
    let count = u32::try_from(items.len()).expect("a TL vector holds at most 2^32 - 1 elements");
    out.extend_from_slice(&count.to_le_bytes());
    for item in items {
        write_item(item, out);
    }
}

/// Reads a bare `vector`. The count is checked against the input left (at `min_size` bytes an element)
/// before the vector is allocated, so memory stays proportional to the input.
#[inline]
pub fn read_bare_vector<T>(
    reader: &mut Reader<'_>,
    min_size: usize,
    mut read_item: impl FnMut(&mut Reader<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let count = reader.read_count(min_size)?;
    let mut items = Vec::with_capacity(count);
    for index in 0..count {
        match read_item(reader) {
            Ok(item) => items.push(item),
            Err(error) => return Err(error.in_element(index)),
        }
    }
    Ok(items)
}
