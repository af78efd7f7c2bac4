//! The traits generated code implements.

use crate::error::Result;
use crate::reader::Reader;

/// A value with a TL encoding. Writing appends to the caller's buffer.
pub trait Serialize {
    /// The exact number of bytes [`Serialize::serialize`] appends.
    fn serialized_len(&self) -> usize;

    /// Appends the encoding to `out`.
    fn serialize(&self, out: &mut Vec<u8>);

    /// The encoding in a new buffer, allocated once at its exact size.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.serialized_len());
        self.serialize(&mut out);
        debug_assert_eq!(out.len(), out.capacity(), "serialized_len must be exact");
        out
    }
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
