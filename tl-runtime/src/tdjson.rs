//! TDLib's JSON for generated code (`Config::tdjson`): the pieces the generated serde impls call.
//!
//! TDLib's JSON interface writes every object as a JSON object whose first member is `"@type"`, the TL
//! name of its constructor (`{"@type":"formattedText","text":"a","entities":[]}`), also nested and in
//! arrays; `int64` as a string and the other numbers as numbers; `bytes` as base64; an absent object by
//! leaving its member out. A struct writes its `"@type"` through serde's own struct tag; an enum reads the
//! `"@type"` and hands the rest of the object to its variant's struct ([`deserialize_tagged`]), without
//! buffering when `"@type"` comes first, as TDLib writes it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};

/// Any JSON value: the answer of a function whose result type the schema gives no constructor (in the
/// binary form, `tl_runtime::Opaque`).
pub use serde_json::Value;

/// A function of TDLib's JSON interface: what it answers. The `tl_runtime::RemoteCall` of a TDLib
/// function, whose wire is JSON.
pub trait Function: serde::Serialize {
    /// The TL name of the function (its `"@type"`).
    const TYPE: &'static str;
    /// The type of the answer.
    type Return: serde::de::DeserializeOwned;
}

/// An enum of a TL type in TDLib's JSON: a variant per constructor, chosen by `"@type"`.
pub trait Tagged: Sized {
    /// The TL name of the type, for messages.
    const NAME: &'static str;
    /// The `"@type"` of every variant, for messages.
    const TAGS: &'static [&'static str];
    /// Reads the variant whose `"@type"` is `tag` from `rest`, the object's other members.
    fn read_variant<'de, D: Deserializer<'de>>(tag: &str, rest: D) -> Result<Self, D::Error>;
}

/// Reads an enum tagged by `"@type"` ([`Tagged`]).
pub fn deserialize_tagged<'de, T: Tagged, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(TaggedVisitor(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "an object of TL type `{}` with its \"@type\"", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Err(de::Error::missing_field("@type"));
        };
        if first == "@type" {
            let tag: String = map.next_value()?;
            return T::read_variant(&tag, MapAccessDeserializer::new(map));
        }
        read_buffered(first, map)
    }
}

/// The slow path, for an object whose `"@type"` is not its first member: its members are collected first.
fn read_buffered<'de, T: Tagged, A: MapAccess<'de>>(first: String, mut map: A) -> Result<T, A::Error> {
    let mut members = serde_json::Map::new();
    let value = map.next_value()?;
    members.insert(first, value);
    while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
        members.insert(key, value);
    }
    let tag = match members.remove("@type") {
        Some(serde_json::Value::String(tag)) => tag,
        Some(_) => return Err(de::Error::custom("\"@type\" is not a string")),
        None => return Err(de::Error::missing_field("@type")),
    };
    T::read_variant(&tag, serde_json::Value::Object(members)).map_err(de::Error::custom)
}

/// The error for a `"@type"` that names no variant of `T`.
pub fn unknown_tag<T: Tagged, E: de::Error>(tag: &str) -> E {
    E::unknown_variant(tag, T::TAGS)
}

/// Reads the rest of an object of a constructor without fields (its members, if any, are ignored as
/// serde ignores unknown members of a struct).
pub fn read_unit<'de, D: Deserializer<'de>>(rest: D) -> Result<(), D::Error> {
    rest.deserialize_map(IgnoredAny).map(drop)
}

/// Writes a constructor without fields: `{"@type":"textEntityTypeBold"}`.
pub fn serialize_unit<S: Serializer>(serializer: S, tag: &'static str) -> Result<S::Ok, S::Error> {
    let mut object = serializer.serialize_struct(tag, 1)?;
    object.serialize_field("@type", tag)?;
    object.end()
}

/// `int64` in TDLib's JSON (for `#[serde(with = "::tl_runtime::tdjson::int64")]`): written as a string
/// (JavaScript's numbers hold 53 bits), read from a string or a number. Also inside `Option` and `Vec`.
pub mod int64 {
    use super::*;

    /// A value holding `int64`s, at any depth of `Option` and `Vec`.
    pub trait Int64Json: Sized {
        /// Writes the value.
        fn serialize_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
        /// Reads a value.
        fn deserialize_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
    }

    /// For `#[serde(with = ...)]`: writes `value`.
    pub fn serialize<T: Int64Json, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize_json(serializer)
    }

    /// For `#[serde(with = ...)]`: reads a value.
    pub fn deserialize<'de, T: Int64Json, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize_json(deserializer)
    }

    impl Int64Json for i64 {
        fn serialize_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self)
        }

        fn deserialize_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(Int64Visitor)
        }
    }

    impl<T: Int64Json> Int64Json for Option<T> {
        fn serialize_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(value) => value.serialize_json(serializer),
                None => serializer.serialize_none(),
            }
        }

        fn deserialize_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let value: Option<Wrapped<T>> = serde::Deserialize::deserialize(deserializer)?;
            Ok(value.map(|Wrapped(value)| value))
        }
    }

    impl<T: Int64Json> Int64Json for Vec<T> {
        fn serialize_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.iter().map(Borrowed))
        }

        fn deserialize_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let values: Vec<Wrapped<T>> = serde::Deserialize::deserialize(deserializer)?;
            Ok(values.into_iter().map(|Wrapped(value)| value).collect())
        }
    }

    /// A value read through [`Int64Json`].
    struct Wrapped<T>(T);

    impl<'de, T: Int64Json> serde::Deserialize<'de> for Wrapped<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            T::deserialize_json(deserializer).map(Wrapped)
        }
    }

    /// A value written through [`Int64Json`].
    struct Borrowed<'v, T>(&'v T);

    impl<T: Int64Json> serde::Serialize for Borrowed<'_, T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.0.serialize_json(serializer)
        }
    }

    struct Int64Visitor;

    impl Visitor<'_> for Int64Visitor {
        type Value = i64;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a 64-bit integer as a string or a number")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<i64, E> {
            text.parse()
                .map_err(|_| E::invalid_value(de::Unexpected::Str(text), &self))
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
            Ok(value)
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
            i64::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
        }
    }
}

/// `#` in the JSON interface (for `#[serde(with = "::tl_runtime::tdjson::nat")]`): TON's tonlib holds a
/// `#` in a C++ `int32` and reads only numbers in its range, so a `u32` above `i32::MAX` is written as the
/// negative number of the same 32 bits (`4294967295` as `-1`); read from either form. Also inside
/// `Option` and `Vec`.
pub mod nat {
    use super::*;

    /// A value holding `#`s: `u32`, `Option<u32>`, `Vec<u32>`.
    pub trait NatJson: Sized {
        /// Writes the value.
        fn serialize_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
        /// Reads a value.
        fn deserialize_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
    }

    /// For `#[serde(with = ...)]`: writes `value`.
    pub fn serialize<T: NatJson, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize_json(serializer)
    }

    /// For `#[serde(with = ...)]`: reads a value.
    pub fn deserialize<'de, T: NatJson, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize_json(deserializer)
    }

    /// The 32 bits of `value` as the `int32` the library holds.
    fn signed(value: u32) -> i32 {
        value as i32
    }

    /// A number read, as the `#` of the same 32 bits, if it has 32.
    fn bits<E: de::Error>(value: i64) -> Result<u32, E> {
        if (i64::from(i32::MIN)..=i64::from(u32::MAX)).contains(&value) {
            Ok(value as u32)
        } else {
            Err(E::invalid_value(
                de::Unexpected::Signed(value),
                &"a 32-bit natural number",
            ))
        }
    }

    impl NatJson for u32 {
        fn serialize_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_i32(signed(*self))
        }

        fn deserialize_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            bits(<i64 as serde::Deserialize>::deserialize(deserializer)?)
        }
    }

    impl NatJson for Option<u32> {
        fn serialize_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serde::Serialize::serialize(&self.map(signed), serializer)
        }

        fn deserialize_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let value: Option<i64> = serde::Deserialize::deserialize(deserializer)?;
            value.map(bits).transpose()
        }
    }

    impl NatJson for Vec<u32> {
        fn serialize_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.iter().map(|value| signed(*value)))
        }

        fn deserialize_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let values: Vec<i64> = serde::Deserialize::deserialize(deserializer)?;
            values.into_iter().map(bits).collect()
        }
    }
}
