//! serde of raw bytes for generated code (`#[serde(with = "::tl_runtime::serde_bytes")]` on fields that
//! hold TL `bytes`, `int128`, `int256` or a declared array, also inside `Option` and vectors).
//!
//! In human-readable formats (JSON, TOML, ...) bytes are one base64 string (standard alphabet, padded):
//! `"AAEC"`, not serde's default array of numbers; in binary formats they are serde bytes. Reading takes
//! a base64 string, serde bytes, or an array of numbers.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::de::{Error as _, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value made of raw bytes, at any depth of `Option` and `Vec`.
pub trait RawBytes: Sized {
    /// Writes the value.
    fn serialize_raw<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads a value.
    fn deserialize_raw<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// For `#[serde(with = ...)]`: writes `value`.
pub fn serialize<T: RawBytes, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    value.serialize_raw(serializer)
}

/// For `#[serde(with = ...)]`: reads a value.
pub fn deserialize<'de, T: RawBytes, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    T::deserialize_raw(deserializer)
}

fn serialize_bytes<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        serializer.serialize_str(&STANDARD.encode(bytes))
    } else {
        serializer.serialize_bytes(bytes)
    }
}

/// Reads bytes in any of the accepted forms.
struct BytesVisitor;

impl<'de> Visitor<'de> for BytesVisitor {
    type Value = Vec<u8>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("bytes as a base64 string, serde bytes or an array of numbers")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Vec<u8>, E> {
        STANDARD
            .decode(text)
            .map_err(|error| E::custom(format_args!("invalid base64: {error}")))
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Vec<u8>, E> {
        Ok(bytes.to_vec())
    }

    fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<Vec<u8>, E> {
        Ok(bytes)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
        // The hint is the input's claim: bounded, so a hostile length cannot reserve much.
        let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(byte) = seq.next_element()? {
            bytes.push(byte);
        }
        Ok(bytes)
    }
}

impl RawBytes for Vec<u8> {
    fn serialize_raw<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_bytes(self, serializer)
    }

    fn deserialize_raw<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(BytesVisitor)
        } else {
            deserializer.deserialize_byte_buf(BytesVisitor)
        }
    }
}

impl<const N: usize> RawBytes for [u8; N] {
    fn serialize_raw<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_bytes(self, serializer)
    }

    fn deserialize_raw<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let bytes = Vec::<u8>::deserialize_raw(deserializer)?;
        let len = bytes.len();
        bytes
            .try_into()
            .map_err(|_| D::Error::invalid_length(len, &format!("{N} bytes").as_str()))
    }
}

impl<T: RawBytes> RawBytes for Option<T> {
    fn serialize_raw<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&Raw(value)),
            None => serializer.serialize_none(),
        }
    }

    fn deserialize_raw<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Option::<Owned<T>>::deserialize(deserializer)?;
        Ok(value.map(|owned| owned.0))
    }
}

impl<T: RawBytes> RawBytes for Vec<T> {
    fn serialize_raw<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&Raw(item))?;
        }
        seq.end()
    }

    fn deserialize_raw<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items = Vec::<Owned<T>>::deserialize(deserializer)?;
        Ok(items.into_iter().map(|owned| owned.0).collect())
    }
}

/// A borrowed [`RawBytes`] value as `Serialize`.
struct Raw<'a, T>(&'a T);

impl<T: RawBytes> Serialize for Raw<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_raw(serializer)
    }
}

/// A [`RawBytes`] value as `Deserialize`.
struct Owned<T>(T);

impl<'de, T: RawBytes> Deserialize<'de> for Owned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_raw(deserializer).map(Owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        #[serde(with = "crate::serde_bytes")]
        bytes: Vec<u8>,
        #[serde(with = "crate::serde_bytes")]
        key: [u8; 4],
        #[serde(with = "crate::serde_bytes")]
        maybe: Option<Vec<u8>>,
        #[serde(with = "crate::serde_bytes")]
        many: Vec<Vec<u8>>,
    }

    #[test]
    fn bytes_are_base64_in_json_and_read_back() {
        let holder = Holder {
            bytes: vec![0, 1, 2],
            key: [255, 0, 255, 0],
            maybe: Some(vec![104, 105]),
            many: vec![vec![], vec![1]],
        };
        let json = serde_json::to_string(&holder).expect("serializes");
        assert_eq!(
            json,
            r#"{"bytes":"AAEC","key":"/wD/AA==","maybe":"aGk=","many":["","AQ=="]}"#
        );
        assert_eq!(serde_json::from_str::<Holder>(&json).expect("reads back"), holder);
        let numbers = r#"{"bytes":[0,1,2],"key":[255,0,255,0],"maybe":null,"many":[[1]]}"#;
        let read: Holder = serde_json::from_str(numbers).expect("arrays of numbers are read too");
        assert_eq!(
            (read.bytes, read.maybe, read.many),
            (vec![0, 1, 2], None, vec![vec![1]])
        );
    }

    #[test]
    fn bad_input_is_an_error() {
        for bad in [
            r#"{"bytes":"!!","key":"AAAAAA==","maybe":null,"many":[]}"#,
            r#"{"bytes":"","key":"AAA=","maybe":null,"many":[]}"#,
            r#"{"bytes":[256],"key":"AAAAAA==","maybe":null,"many":[]}"#,
        ] {
            assert!(serde_json::from_str::<Holder>(bad).is_err(), "{bad}");
        }
    }
}
