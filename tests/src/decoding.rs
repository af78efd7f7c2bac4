//! Decoding one value of a generated type, for the tables `tables::write_boxed_types` writes: a decoder
//! by function pointer, and the round trip the fuzz targets run.

use tl_runtime::{Deserialize, Reader, Serialize};

/// Decodes one value from a reader, dropping it.
pub type Decoder = fn(&mut Reader<'_>) -> tl_runtime::Result<()>;

/// A [`Decoder`] of `T`.
pub fn decode<T: Deserialize>(reader: &mut Reader<'_>) -> tl_runtime::Result<()> {
    T::deserialize(reader).map(drop)
}

/// What a decode target did with one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded {
    /// The input decoded as the chosen type.
    pub decoded: bool,
    /// Bytes the decoder read: up to the error, or the whole value.
    pub read: usize,
}

impl Decoded {
    /// Nothing decoded, nothing read.
    pub const NOTHING: Decoded = Decoded {
        decoded: false,
        read: 0,
    };
}

/// Decodes a `T` from the front of `bytes`. If that succeeds, the value must encode to exactly
/// `serialized_len` bytes, those bytes must decode, as a whole message, to a value that encodes the same
/// again (decode, encode, decode gives equal values; bytes are compared so that a NaN `double` counts as
/// equal to itself).
///
/// The first encoding may differ from the input: unknown flag bits, non-canonical invalid UTF-8 and
/// trailing bytes are not kept.
pub fn round_trip<T: Serialize + Deserialize>(bytes: &[u8]) -> Decoded {
    let mut reader = Reader::new(bytes);
    let value = match T::deserialize(&mut reader) {
        Ok(value) => value,
        Err(error) => {
            return Decoded {
                decoded: false,
                read: error.offset(),
            };
        }
    };
    let encoded = value.to_bytes();
    assert_eq!(encoded.len(), value.serialized_len(), "serialized_len is exact");
    if let Err(problem) = appends_agree(&value, &encoded) {
        panic!("{problem}");
    }
    let again = T::from_bytes(&encoded).unwrap_or_else(|error| panic!("our own encoding does not decode: {error}"));
    assert_eq!(again.to_bytes(), encoded, "decode, encode, decode changed the value");
    Decoded {
        decoded: true,
        read: reader.offset(),
    }
}

/// `value` appended with `serialize` to a buffer that already holds a few bytes, with every kind of room
/// after them (none, too little, exactly enough, more; stale bytes in it from an earlier message): each
/// time the same bytes as `encoded`, after the few.
pub fn appends_agree<T: Serialize + ?Sized>(value: &T, encoded: &[u8]) -> Result<(), String> {
    const HEAD: &[u8] = b"msg";
    for room in [
        0,
        encoded.len() / 2,
        encoded.len().saturating_sub(1),
        encoded.len(),
        encoded.len() + 64,
    ] {
        let mut buffer = Vec::with_capacity(HEAD.len() + room);
        buffer.resize(HEAD.len() + room, 0xaa);
        buffer.truncate(0);
        buffer.extend_from_slice(HEAD);
        value.serialize(&mut buffer);
        if buffer[..HEAD.len()] != *HEAD || buffer[HEAD.len()..] != *encoded {
            return Err(format!(
                "serialize into a buffer with {room} bytes of room wrote other bytes"
            ));
        }
    }
    Ok(())
}
