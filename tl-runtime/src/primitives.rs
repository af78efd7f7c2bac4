//! The TL built-ins: `int`, `long`, `double`, `int128`, `int256` (and other fixed byte arrays), `#`, `Bool`,
//! `string`, `bytes`, `Vector` and bare `vector`.
//!
//! `string` and `bytes` share one encoding. A `string` that is not valid UTF-8 (Telegram sends some) is
//! decoded with each invalid sequence replaced by U+FFFD rather than failing the whole message; valid text,
//! the common case, is copied once. Fields whose bytes matter exactly should be `bytes` in the schema.
//!
//! `bytes` fields are `Vec<u8>`, which cannot also be a `Vector<T>`, so they are written with
//! [`Output::put_bytes`] and read with [`read_bytes`] rather than through the traits; so are bare vectors
//! and vectors of `bytes`, with the element codec passed as a closure.

use std::borrow::Cow;

use compact_str::CompactString;

use crate::error::{Error, ErrorKind, Result};
use crate::reader::Reader;
use crate::traits::{Deserialize, DeserializeBorrowed, Serialize};
use crate::write::{Output, write_vector};

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
            fn serialize_into<O: Output>(&self, out: O) -> O {
                out.put(self.to_le_bytes())
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
// `#`, a natural number (`count:#`): a `#` param that no condition names.
fixed_size!(u32, 4, read_u32);
fixed_size!(i64, 8, read_i64);
fixed_size!(f64, 8, read_f64);
// VK's `float`.
fixed_size!(f32, 4, read_f32);

/// A fixed run of raw bytes, written as it is: `int128` (`[u8; 16]`), `int256` (`[u8; 32]`), and arrays a
/// schema declares (`int512 16*[ int ] = Int512;` is `[u8; 64]`).
impl<const N: usize> Serialize for [u8; N] {
    #[inline]
    fn serialize_into<O: Output>(&self, out: O) -> O {
        out.put(*self)
    }
}

impl<const N: usize> Deserialize for [u8; N] {
    const MIN_SIZE: usize = N;

    #[inline]
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
        reader.read_array()
    }
}

/// `Bool`: `boolTrue` or `boolFalse`.
impl Serialize for bool {
    #[inline]
    fn serialize_into<O: Output>(&self, out: O) -> O {
        let id = if *self { BOOL_TRUE_ID } else { BOOL_FALSE_ID };
        out.put(id.to_le_bytes())
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
            fn serialize_into<O: Output>(&self, out: O) -> O {
                out.put_bytes(self.as_bytes())
            }
        }

        impl Deserialize for $ty {
            const MIN_SIZE: usize = 4;

            // Always inlined in optimised builds. As a plain `#[inline]`, decoding text stayed a call from
            // large decoders such as `user`'s (a dozen strings), and the call with its result returned
            // through memory was a quarter of decoding 1000 users; inlined, they decode about 15% faster,
            // owned and borrowed (issue 19; the history of BENCHMARKS.md). Only a hint in builds with debug assertions
            // (unoptimised, as a rule): there inlined frames are not merged, a decoder would hold a copy of
            // this frame per string, and the decoders of recursive types would overflow the stack sooner.
            #[cfg_attr(debug_assertions, inline)]
            #[cfg_attr(not(debug_assertions), inline(always))]
            fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
                // Not `read_text(reader).map(<$ty>::from)`: converting the `Cow` measured 13% slower on
                // owned (c) (issue 19; the history of BENCHMARKS.md).
                let data = reader.read_tl_bytes()?;
                Ok(match text_of(data) {
                    Some(text) => <$ty>::from(text),
                    None => <$ty>::from(String::from_utf8_lossy(data)),
                })
            }
        }
    };
}

text!(String);

/// `data` as text, if it is valid UTF-8. ASCII (most of what Telegram sends: usernames, language codes,
/// URLs, many names) is recognised in place, a word at a time, without the call to `from_utf8`, whose
/// result comes back through memory (a measurable stall on every short string); anything else goes
/// through `from_utf8`.
#[inline(always)]
#[allow(unsafe_code)]
fn text_of(data: &[u8]) -> Option<&str> {
    if data.is_ascii() {
        // SAFETY: every byte is below 0x80, and a byte below 0x80 is a whole UTF-8 sequence (a one-byte
        // code point): an all-ASCII slice is valid UTF-8, which is all `from_utf8_unchecked` requires.
        Some(unsafe { std::str::from_utf8_unchecked(data) })
    } else {
        std::str::from_utf8(data).ok()
    }
}

/// A borrowed `string` (the borrowed types' text): the input's bytes when they are valid UTF-8, else a
/// copy with each invalid sequence replaced by U+FFFD, as the owned types decode it.
impl<'a> DeserializeBorrowed<'a> for Cow<'a, str> {
    const MIN_SIZE: usize = 4;

    // Inlined as the owned text types' decoders are, for the same reasons (see `text!`).
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self> {
        let data = reader.read_tl_bytes()?;
        // Valid text first: `from_utf8_lossy` walks the text in chunks, several times slower on the valid
        // text that nearly every string is.
        Ok(match text_of(data) {
            Some(text) => Cow::Borrowed(text),
            None => String::from_utf8_lossy(data),
        })
    }
}

impl Serialize for Cow<'_, str> {
    #[inline]
    fn serialize_into<O: Output>(&self, out: O) -> O {
        out.put_bytes(self.as_bytes())
    }
}
// The type generated code holds `string` in: text of up to 24 bytes is stored inline, so decoding the
// short strings Telegram is full of (names, usernames, language codes) allocates nothing.
text!(CompactString);

/// `Vector<T>`: the vector id, a count, then the elements.
impl<T: Serialize> Serialize for Vec<T> {
    #[inline]
    fn serialize_into<O: Output>(&self, out: O) -> O {
        write_vector(self, out, T::serialize_into)
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
    fn serialize_into<O: Output>(&self, out: O) -> O {
        match self {
            Some(value) => value.serialize_into(out),
            None => out,
        }
    }
}

/// A boxed value (a large or recursive enum variant) encodes as the value.
impl<T: Serialize> Serialize for Box<T> {
    #[inline]
    fn serialize_into<O: Output>(&self, out: O) -> O {
        T::serialize_into(self, out)
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

/// Reads a variant that leads back to its own type (a `T` made a variant with `wrap`), one level of
/// nesting deeper: the level is counted against the reader's depth limit (see [`Reader::enter`]), and the
/// read is never inlined, so that the decoder of a recursive type's enum keeps a small frame and one level
/// costs the stack of the one variant being read rather than of every variant at once. For the owned and
/// the borrowed types alike (every owned type is `DeserializeBorrowed`).
#[inline(never)]
pub fn read_nested_variant<'a, T: DeserializeBorrowed<'a>, E>(
    reader: &mut Reader<'a>,
    wrap: impl FnOnce(T) -> E,
) -> Result<E> {
    // Not `reader.nested(..)`: unoptimised, its call and the closure's were two more frames per level.
    reader.enter()?;
    let value = T::deserialize_borrowed(reader).map(wrap);
    reader.leave();
    value
}

/// [`read_nested_variant`] for a variant held in a `Box`.
#[inline(never)]
pub fn read_nested_boxed_variant<'a, T: DeserializeBorrowed<'a>, E>(
    reader: &mut Reader<'a>,
    wrap: impl FnOnce(Box<T>) -> E,
) -> Result<E> {
    reader.enter()?;
    let value = T::deserialize_borrowed(reader).map(|value| wrap(Box::new(value)));
    reader.leave();
    value
}

/// Reads a variant of a recursive type that cannot lead back to it, held in a `Box` (a large one): out
/// of line, as [`read_nested_variant`], but without counting a level.
#[inline(never)]
pub fn read_boxed_variant<'a, T: DeserializeBorrowed<'a>, E>(
    reader: &mut Reader<'a>,
    wrap: impl FnOnce(Box<T>) -> E,
) -> Result<E> {
    T::deserialize_borrowed(reader).map(|value| wrap(Box::new(value)))
}

/// Reads a small variant of a recursive type that cannot lead back to it, without counting a level: in
/// place in optimised builds, where the enum's decoder then builds the value where it goes (out of line,
/// the result came back through memory and was copied on, which measured a tenth of decoding
/// `messages.requestUrlAuth`; issue 19; the history of BENCHMARKS.md). Out of line in builds with debug assertions
/// (unoptimised, as a rule), whose frames keep every inlined variant apart: a recursive type's decoder
/// would hold them all at every level of nesting.
#[cfg_attr(debug_assertions, inline(never))]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn read_small_variant<'a, T: DeserializeBorrowed<'a>, E>(
    reader: &mut Reader<'a>,
    wrap: impl FnOnce(T) -> E,
) -> Result<E> {
    T::deserialize_borrowed(reader).map(wrap)
}

/// Reads a conditional field: a `T` if `present` (its flag bit is set), else nothing. For the owned and
/// the borrowed types alike.
#[inline]
pub fn read_if<'a, T: DeserializeBorrowed<'a>>(reader: &mut Reader<'a>, present: bool) -> Result<Option<T>> {
    if present {
        T::deserialize_borrowed(reader).map(Some)
    } else {
        Ok(None)
    }
}

/// Reads a boxed `Vector` with `read_item` for each element of at least `min_size` bytes.
#[inline]
pub fn read_vector<'a, T>(
    reader: &mut Reader<'a>,
    min_size: usize,
    read_item: impl FnMut(&mut Reader<'a>) -> Result<T>,
) -> Result<Vec<T>> {
    reader.expect_id(VECTOR_ID, "Vector")?;
    read_bare_vector(reader, min_size, read_item)
}

/// The most bytes of Rust values that the vectors of one decode reserve before their elements decode,
/// all together ([`read_bare_vector`], [`Reader::reserve`]).
pub const MAX_VECTOR_RESERVATION: usize = 64 * 1024;

/// Reads a bare `vector`. The count is checked against the input left (at `min_size` bytes an element)
/// before anything is allocated. Memory then follows what is really there: the first reservation is the
/// count but no more than what is left of the decode's one budget of [`MAX_VECTOR_RESERVATION`] bytes,
/// shared by every vector being read, nested ones too (a count that fits the input can still claim far
/// more memory than the input holds when `T` is large and its encoding small); beyond that the vector
/// doubles as its elements decode, never past the count.
#[inline]
pub fn read_bare_vector<'a, T>(
    reader: &mut Reader<'a>,
    min_size: usize,
    read_item: impl FnMut(&mut Reader<'a>) -> Result<T>,
) -> Result<Vec<T>> {
    let count = reader.read_count(min_size)?;
    read_items(reader, count, read_item)
}

/// Reads a repetition whose count is not on the wire (`n:# a:n*[int] b:n*[int]`, `3*[string]`): `count`
/// elements, checked against the input left as [`read_bare_vector`] checks a count it reads.
#[inline]
pub fn read_counted<'a, T>(
    reader: &mut Reader<'a>,
    count: u32,
    min_size: usize,
    read_item: impl FnMut(&mut Reader<'a>) -> Result<T>,
) -> Result<Vec<T>> {
    let count = reader.check_count(count, min_size, reader.offset())?;
    read_items(reader, count, read_item)
}

/// Reads `count` elements (checked against the input), reserving as [`read_bare_vector`] says.
#[inline]
fn read_items<'a, T>(
    reader: &mut Reader<'a>,
    count: usize,
    mut read_item: impl FnMut(&mut Reader<'a>) -> Result<T>,
) -> Result<Vec<T>> {
    let reservation = reader.reserve::<T>(count);
    let mut items = Vec::with_capacity(reservation);
    for index in 0..count {
        if items.len() == items.capacity() {
            items.reserve_exact(index.max(1).min(count - index));
        }
        match read_item(reader) {
            Ok(item) => items.push(item),
            // The reservation is not given back: the decode ends here.
            Err(error) => return Err(error.in_element(index)),
        }
    }
    reader.release::<T>(reservation);
    Ok(items)
}
