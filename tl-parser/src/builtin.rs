//! The built-in types: every type a schema may use without defining it, in one table that every stage of
//! the generator asks (the checks here, the closure by roots, the model, the emitter, the test samples).
//!
//! Adding a built-in whose encoding is one of the [`Codec`]s is one entry in the `builtins!` list below.

/// A built-in value type: its names, its encoding and the Rust type that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Builtin {
    /// Every name a schema writes it with, bare and boxed (`int`, `Int`).
    pub names: &'static [&'static str],
    /// How it is encoded.
    pub codec: Codec,
    /// The Rust type generated code holds it in, as written in generated code.
    pub rust: &'static str,
    /// `size_of` that Rust type and of an `Option` of it (8-byte aligned estimates where it holds a
    /// number), for the generator's decision to box large enum variants.
    pub rust_sizes: (usize, usize),
}

/// How a built-in value is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// A little-endian number of this many bytes (`from_le_bytes` / `to_le_bytes`).
    LittleEndian(usize),
    /// This many bytes, as they are (`[u8; N]`).
    Raw(usize),
    /// `boolTrue` or `boolFalse`: 4 bytes, but only two values are valid.
    Bool,
    /// TL `bytes` holding UTF-8 text (invalid sequences decode as U+FFFD).
    Text,
    /// TL `bytes`: a length, the data, zero padding to 4.
    Bytes,
}

impl Codec {
    /// The encoded size, if it never varies.
    pub fn fixed_size(self) -> Option<usize> {
        match self {
            Codec::LittleEndian(size) | Codec::Raw(size) => Some(size),
            Codec::Bool => Some(4),
            Codec::Text | Codec::Bytes => None,
        }
    }

    /// The fewest bytes a value takes.
    pub fn min_size(self) -> usize {
        self.fixed_size().unwrap_or(4)
    }

    /// The size of a value that is read and written as plain bytes, with no check: such values next to
    /// each other form a run that is read with one bounds check (`Bool` is fixed-size but checked).
    pub fn plain_size(self) -> Option<usize> {
        match self {
            Codec::LittleEndian(size) | Codec::Raw(size) => Some(size),
            Codec::Bool | Codec::Text | Codec::Bytes => None,
        }
    }
}

/// Defines [`BUILTINS`] and [`find`] from one list, so that lookups compile to a `match` (length and
/// byte comparisons, cheaper than hashing for the names every schema is full of).
macro_rules! builtins {
    ($($index:literal: [$($name:literal),+] => $codec:expr, $rust:literal, $sizes:expr;)*) => {
        /// Every built-in value type. The index of an entry is its [`BuiltinId`].
        pub const BUILTINS: &[Builtin] =
            &[$(Builtin { names: &[$($name),+], codec: $codec, rust: $rust, rust_sizes: $sizes }),*];

        /// The built-in value type a schema names `name`, if any.
        pub fn find(name: &str) -> Option<BuiltinId> {
            match name {
                $($($name)|+ => Some(BuiltinId($index)),)*
                _ => None,
            }
        }
    };
}

builtins! {
    0: ["int", "Int", "int32", "Int32"] => Codec::LittleEndian(4), "i32", (4, 8);
    1: ["long", "Long", "int64", "Int64"] => Codec::LittleEndian(8), "i64", (8, 16);
    2: ["double", "Double"] => Codec::LittleEndian(8), "f64", (8, 16);
    3: ["int128", "Int128"] => Codec::Raw(16), "[u8; 16]", (16, 24);
    4: ["int256", "Int256"] => Codec::Raw(32), "[u8; 32]", (32, 40);
    5: ["Bool"] => Codec::Bool, "bool", (1, 1);
    6: ["string", "String", "secureString", "SecureString"] => Codec::Text, "::tl_runtime::CompactString", (24, 24);
    7: ["bytes", "Bytes", "secureBytes", "SecureBytes"] => Codec::Bytes, "::std::vec::Vec<u8>", (24, 24);
    // `#`: a natural number. A `#` param that a condition names is a flags word, computed from the
    // fields; any other (`count:#`) is a value like this one.
    8: ["#"] => Codec::LittleEndian(4), "u32", (4, 8);
    // TDLib's 53-bit integer: a `long` on the wire, an entry of its own because TDLib's JSON writes it
    // as a number where it writes `int64` as a string.
    9: ["int53", "Int53"] => Codec::LittleEndian(8), "i64", (8, 16);
    // A 64-byte signature (Ed25519), used undeclared by Telegram's end-to-end call chain
    // (`e2e.chain.block signature:int512`) and TON's and Everscale's schemas.
    10: ["int512", "Int512"] => Codec::Raw(64), "[u8; 64]", (64, 72);
    // VK's single-precision float (`float#824dab22 ? = Float;`, 4 bytes), used undeclared in some of
    // its schemas.
    11: ["float", "Float"] => Codec::LittleEndian(4), "f32", (4, 8);
    // An unsigned 32-bit number, used undeclared in some schemas: 4 bytes, as `#` is.
    12: ["uint32", "Uint32"] => Codec::LittleEndian(4), "u32", (4, 8);
}

/// Built-in names that are not value types: the flag bit (`true`, `True`), the kind of type parameters
/// (`Type`), the boxed and bare vectors (`Vector`, `vector`), which take a type argument, and the universal
/// types (`Object`, any boxed value, and `Function`, any function, with their bare names).
pub const STRUCTURAL: &[&str] = &[
    "true", "True", "Type", "Vector", "vector", "Object", "object", "Function", "function",
];

/// An index into [`BUILTINS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BuiltinId(pub u8);

impl BuiltinId {
    /// The table entry.
    pub fn get(self) -> &'static Builtin {
        &BUILTINS[usize::from(self.0)]
    }
}

/// True if a schema may use `name` without defining it: a value type or a structural name.
pub fn is_builtin(name: &str) -> bool {
    matches!(
        name,
        "true" | "True" | "Type" | "Vector" | "vector" | "Object" | "object" | "Function" | "function"
    ) || find(name).is_some()
}

/// Every built-in name, for suggestions and docs.
pub fn all_names() -> impl Iterator<Item = &'static str> {
    let values = BUILTINS.iter().flat_map(|builtin| builtin.names.iter().copied());
    STRUCTURAL.iter().copied().chain(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_finds_its_own_entry_and_no_name_is_listed_twice() {
        let mut seen = std::collections::BTreeSet::new();
        for (index, builtin) in BUILTINS.iter().enumerate() {
            for name in builtin.names {
                assert_eq!(find(name), Some(BuiltinId(index as u8)), "{name}");
                assert!(seen.insert(*name), "{name} is listed twice");
            }
        }
        for name in STRUCTURAL {
            assert!(find(name).is_none() && is_builtin(name) && seen.insert(*name), "{name}");
        }
        assert_eq!(all_names().count(), seen.len());
        assert!(!is_builtin("InputPeer"));
    }

    #[test]
    fn sizes() {
        let size = |name| find(name).expect("a built-in").get().codec;
        assert_eq!(size("int").plain_size(), Some(4));
        assert_eq!(size("int256").plain_size(), Some(32));
        assert_eq!(size("Bool").fixed_size(), Some(4));
        assert_eq!(size("Bool").plain_size(), None);
        assert_eq!(size("string").fixed_size(), None);
        assert_eq!(size("bytes").min_size(), 4);
    }
}
