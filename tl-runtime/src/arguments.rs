//! TL values that need a Rust type of their own where a generic type is applied to them: [`Bytes`]
//! (`Maybe bytes`) and [`BareVector`] (`Maybe (vector int)`). Elsewhere they are `Vec`s, which as a type
//! argument would be read and written as a boxed `Vector`.

use crate::error::Result;
use crate::reader::Reader;
use crate::traits::{Deserialize, Serialize};
use crate::write::Output;
use crate::{read_bare_vector, write_bare_vector};

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

/// A bare TL `vector` (a count, then the items, no `Vector` id) as the argument of a generic type:
/// `(Maybe (vector int))` is `Maybe<BareVector<i32>>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BareVector<T>(pub Vec<T>);

impl<T: Serialize> Serialize for BareVector<T> {
    #[inline]
    fn serialize_into<O: Output>(&self, out: O) -> O {
        write_bare_vector(&self.0, out, T::serialize_into)
    }
}

impl<T: Deserialize> Deserialize for BareVector<T> {
    /// The count.
    const MIN_SIZE: usize = 4;

    #[inline]
    fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
        read_bare_vector(reader, T::MIN_SIZE, T::deserialize).map(BareVector)
    }
}

impl<T> From<Vec<T>> for BareVector<T> {
    fn from(items: Vec<T>) -> Self {
        BareVector(items)
    }
}

impl<T> From<BareVector<T>> for Vec<T> {
    fn from(items: BareVector<T>) -> Self {
        items.0
    }
}

#[cfg(feature = "serde")]
impl<T: serde::Serialize> serde::Serialize for BareVector<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&self.0, serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for BareVector<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        <Vec<T> as serde::Deserialize<'de>>::deserialize(deserializer).map(BareVector)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_vector_is_its_count_and_items() {
        let value = BareVector(vec![7i32, 8]);
        assert_eq!(value.to_bytes(), [2, 0, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0]);
        assert_eq!(
            BareVector::<i32>::from_bytes(&value.to_bytes()).expect("a vector"),
            value
        );
        assert!(BareVector::<i32>::from_bytes(&[9, 0, 0, 0, 1, 0, 0, 0]).is_err());
    }

    #[test]
    fn is_written_and_read_as_tl_bytes() {
        let value = Bytes(vec![1, 2, 3]);
        assert_eq!(value.to_bytes(), [3, 1, 2, 3]);
        assert_eq!(Bytes::from_bytes(&[3, 1, 2, 3]).expect("bytes"), value);
        assert!(Bytes::from_bytes(&[9, 1, 2, 3]).is_err());
    }
}
