//! [`Bytes`]: TL `bytes` where a generic type is applied to it (`Maybe bytes`).

use crate::error::Result;
use crate::reader::Reader;
use crate::traits::{Deserialize, Serialize};
use crate::write::Output;

/// A TL `bytes` value as the argument of a generic type (`(Maybe bytes)` is `Maybe<Bytes>`). Everywhere
/// else `bytes` is a `Vec<u8>`; as a type argument it needs a type of its own, because a `Vec<u8>` there
/// would be read and written as a `Vector` of bytes, not as `bytes`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    #[inline]
    fn serialize_into<O: Output>(&self, out: O) -> O {
        out.put_bytes(&self.0)
    }
}

impl Deserialize for Bytes {
    /// A length byte and its padding.
    const MIN_SIZE: usize = 4;

    #[inline]
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
        crate::read_bytes(reader).map(Bytes)
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Self {
        Bytes(bytes)
    }
}

impl From<Bytes> for Vec<u8> {
    fn from(bytes: Bytes) -> Self {
        bytes.0
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        crate::serde_bytes::serialize(&self.0, serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::serde_bytes::deserialize(deserializer).map(Bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_written_and_read_as_tl_bytes() {
        let value = Bytes(vec![1, 2, 3]);
        assert_eq!(value.to_bytes(), [3, 1, 2, 3]);
        assert_eq!(Bytes::from_bytes(&[3, 1, 2, 3]).expect("bytes"), value);
        assert!(Bytes::from_bytes(&[9, 1, 2, 3]).is_err());
    }
}
