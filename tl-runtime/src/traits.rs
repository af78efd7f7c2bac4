//! The traits generated code implements.

use crate::error::Result;
use crate::reader::Reader;
use crate::write::{Length, Output, append_in_spare};

/// A value with a TL encoding.
///
/// One generic encoder, [`Serialize::serialize_into`], writes to any [`Output`]: run on a [`Length`] it
/// is the exact length pass ([`Serialize::serialized_len`]); run on a vector's spare capacity it writes
/// the encoding in one pass ([`Serialize::serialize`]), so a request into a reused buffer is written
/// without a length pass and without zeroing, and [`Serialize::to_bytes`] allocates once.
pub trait Serialize {
    /// Writes the encoding to `out` and returns what follows it. Implementations write each part in turn
    /// (`let out = self.a.serialize_into(out); self.b.serialize_into(out)`); call
    /// [`Serialize::serialize`] or [`Serialize::to_bytes`] to encode a value.
    fn serialize_into<O: Output>(&self, out: O) -> O;

    /// The exact number of bytes the encoding takes: the encoder run on a [`Length`].
    #[inline]
    fn serialized_len(&self) -> usize {
        self.serialize_into(Length::new()).get()
    }

    /// Appends the encoding to `out`. When the vector's spare capacity holds it (a buffer reused for
    /// requests, as a rule), in one pass; otherwise the vector grows once, by the exact length, and the
    /// encoding is written then (the first pass stops where the room ran out, so an encoding that nearly
    /// fits costs up to two passes and the length pass).
    fn serialize(&self, out: &mut Vec<u8>) {
        if !append_in_spare(self, out) {
            grow_and_append(self, out);
        }
    }

    /// The encoding in a new buffer, allocated once at its exact size.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.serialized_len());
        append_in_room_made(self, &mut out);
        out
    }
}

/// [`Serialize::serialize`] when the vector's room was too small: grow it by the exact length, then write.
#[inline(never)]
fn grow_and_append<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    out.reserve(value.serialized_len());
    append_in_room_made(value, out);
}

/// Appends `value` to `out` after room for [`Serialize::serialized_len`] bytes was made: it must fit.
fn append_in_room_made<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    let appended = append_in_spare(value, out);
    assert!(appended, "serialized_len must be exact");
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
        spanning_all(Self::deserialize(&mut reader), &reader)
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
        spanning_all(Self::deserialize_borrowed(&mut reader), &reader)
    }
}

/// `read` (a decoder's result), or the error of the bytes `reader` left unread. The result is passed on
/// as it came, not taken apart and rebuilt around the check (`let value = read?; reader.finish()?;
/// Ok(value)`): that form copies the whole value once more right after it was written, and on a small
/// value such as `messages.requestUrlAuth` the copy, stalled on the stores just made, cost a fifth of the
/// decode (issue 19; the history of BENCHMARKS.md).
#[inline]
fn spanning_all<T>(read: Result<T>, reader: &Reader<'_>) -> Result<T> {
    if read.is_ok() {
        reader.finish()?;
    }
    read
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
