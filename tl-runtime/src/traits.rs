//! The traits generated code implements.

use crate::error::Result;
use crate::reader::Reader;
use crate::write::{Length, Output};

/// A value with a TL encoding.
///
/// One generic encoder, [`Serialize::serialize_into`], writes to any [`Output`]: run on a [`Length`] it
/// is the exact length pass, run on a slice it writes in place over the front of it and returns the rest.
/// So a whole message is written into one buffer allocated once, with no growth and no per-append length
/// bookkeeping.
pub trait Serialize {
    /// Writes the encoding to `out` and returns what follows it. On a `&mut [u8]`, that is the bytes after
    /// the encoding.
    ///
    /// # Panics
    ///
    /// On a slice shorter than [`Serialize::serialized_len`].
    fn serialize_into<O: Output>(&self, out: O) -> O;

    /// The exact number of bytes [`Serialize::serialize_into`] writes: the encoder run on a [`Length`].
    #[inline]
    fn serialized_len(&self) -> usize {
        self.serialize_into(Length::new()).get()
    }

    /// Appends the encoding to `out`, growing it at most once. A short encoding (64 bytes or less) asks
    /// for 64 bytes of room, so that a buffer reused for small requests is prepared with two fixed-size
    /// stores rather than a call to `memset`.
    fn serialize(&self, out: &mut Vec<u8>) {
        let len = self.serialized_len();
        if len <= SHORT_ENCODING {
            append_short_encoding(self, len, out);
        } else {
            append_encoding(self, len, out);
        }
    }

    /// The encoding in a new buffer, allocated once at its exact size.
    fn to_bytes(&self) -> Vec<u8> {
        let len = self.serialized_len();
        // Not `vec![0; len]`: that is `calloc`, which some allocators (glibc before 2.41) serve without
        // their per-thread cache, several times slower for the small buffers most requests are.
        let mut out = Vec::with_capacity(len);
        append_encoding(self, len, &mut out);
        out
    }
}

/// The longest encoding [`Serialize::serialize`] appends through [`append_short_encoding`].
const SHORT_ENCODING: usize = 64;

/// [`append_encoding`] for an encoding of at most [`SHORT_ENCODING`] bytes: 64 zero bytes appended (a
/// copy of fixed size, compiled to a few stores) and cut back to `len`, where zeroing `len` bytes would
/// call `memset` for a length known only at run time.
#[inline]
fn append_short_encoding<T: Serialize + ?Sized>(value: &T, len: usize, out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(&[0; SHORT_ENCODING]);
    out.truncate(start + len);
    let rest = value.serialize_into(&mut out[start..]);
    assert!(rest.is_empty(), "serialized_len must be exact");
}

/// Appends `value`'s encoding, `len` bytes long, to `out`: zeroed room first (safe code writes only into
/// initialized bytes), then the encoding written over it.
#[inline]
fn append_encoding<T: Serialize + ?Sized>(value: &T, len: usize, out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(start + len, 0);
    let rest = value.serialize_into(&mut out[start..]);
    assert!(rest.is_empty(), "serialized_len must be exact");
}

/// A value that can be read back from its TL encoding.
pub trait Deserialize: Sized {
    /// The fewest bytes any encoding of this type takes (4 for a boxed type: its id). Vector decoding
    /// uses it to reject counts the input cannot hold before allocating.
    const MIN_SIZE: usize;

    /// Reads one value, advancing the reader.
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self>;

    /// Reads one value that must span all of `bytes` (trailing bytes are an error).
    fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut reader = Reader::new(bytes);
        let value = Self::deserialize(&mut reader)?;
        reader.finish()?;
        Ok(value)
    }
}

/// A value read from its TL encoding that may borrow from the input: the borrowed types
/// (`tl_codegen::Config::borrowed_types`) hold `string` fields as `Cow<'a, str>` (borrowed when the text
/// is valid UTF-8) and `bytes` fields as `&'a [u8]`, so decoding copies no text and no bytes.
///
/// Every owned type ([`Deserialize`]) is one too: a borrowed struct holds the owned form of any part that
/// has nothing to borrow.
pub trait DeserializeBorrowed<'a>: Sized {
    /// The fewest bytes any encoding of this type takes (see [`Deserialize::MIN_SIZE`]).
    const MIN_SIZE: usize;

    /// Reads one value, advancing the reader; the value may borrow from the reader's input.
    fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self>;

    /// Reads one value that must span all of `bytes` (trailing bytes are an error).
    fn from_bytes_borrowed(bytes: &'a [u8]) -> Result<Self> {
        let mut reader = Reader::new(bytes);
        let value = Self::deserialize_borrowed(&mut reader)?;
        reader.finish()?;
        Ok(value)
    }
}

impl<'a, T: Deserialize> DeserializeBorrowed<'a> for T {
    const MIN_SIZE: usize = <T as Deserialize>::MIN_SIZE;

    #[inline]
    fn deserialize_borrowed(reader: &mut Reader<'a>) -> Result<Self> {
        T::deserialize(reader)
    }
}

/// A constructor or function with a fixed id, written before its fields when boxed.
pub trait Identifiable {
    /// The TL constructor id.
    const CONSTRUCTOR_ID: u32;
}

/// A TL function: a request whose answer is a [`RemoteCall::Return`].
pub trait RemoteCall: Serialize {
    /// The type the server answers with.
    type Return: Deserialize;
}
