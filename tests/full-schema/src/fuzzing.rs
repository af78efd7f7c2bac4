//! The bodies of the fuzz targets in `fuzz/` (cargo-fuzz), kept in this library so that the regression
//! test replays every saved input through exactly the code the fuzzer ran. Each takes arbitrary bytes and
//! panics only when it finds a bug.

use tl_runtime::{Deserialize, Reader, Serialize};

mod url_auth {
    include!(concat!(env!("OUT_DIR"), "/boxed_url_auth.rs"));
}

mod layer230 {
    include!(concat!(env!("OUT_DIR"), "/boxed230.rs"));
}

/// The TL names of the url-auth boxed types, in the order the `decode_url_auth` selector picks them.
pub const URL_AUTH_BOXED_TYPES: &[&str] = url_auth::BOXED_TYPES;
/// The TL names of the layer-230 + mtproto.tl boxed types, in the order the `decode_layer230` selector
/// picks them.
pub const LAYER230_BOXED_TYPES: &[&str] = layer230::BOXED_TYPES;

/// Decodes a `T` from the front of `bytes`. If that succeeds, the value must encode to exactly
/// `serialized_len` bytes, those bytes must decode, as a whole message, to a value that encodes the same
/// again (decode, encode, decode gives equal values; bytes are compared so that a NaN `double` counts as
/// equal to itself). Returns whether `bytes` decoded.
///
/// The first encoding may differ from the input: unknown flag bits, non-canonical invalid UTF-8 and
/// trailing bytes are not kept.
pub fn round_trip<T: Serialize + Deserialize>(bytes: &[u8]) -> bool {
    let Ok(value) = T::deserialize(&mut Reader::new(bytes)) else {
        return false;
    };
    let encoded = value.to_bytes();
    assert_eq!(encoded.len(), value.serialized_len(), "serialized_len is exact");
    let again = T::from_bytes(&encoded).unwrap_or_else(|error| panic!("our own encoding does not decode: {error}"));
    assert_eq!(again.to_bytes(), encoded, "decode, encode, decode changed the value");
    true
}

/// The selector for a boxed type: the first two bytes, little-endian, modulo `count`.
fn pick(data: &[u8], count: usize) -> Option<(usize, &[u8])> {
    match data {
        [low, high, rest @ ..] => Some((usize::from(u16::from_le_bytes([*low, *high])) % count, rest)),
        _ => None,
    }
}

/// Fuzz target `decode_url_auth`: the first two bytes pick a boxed type of the checked-in url-auth bindings,
/// the rest is decoded as it and round-tripped.
pub fn decode_url_auth(data: &[u8]) -> bool {
    pick(data, URL_AUTH_BOXED_TYPES.len())
        .and_then(|(index, bytes)| url_auth::round_trip_boxed(index, bytes))
        .unwrap_or(false)
}

/// Fuzz target `decode_layer230`: the same over every boxed type of layer 230 + mtproto.tl.
pub fn decode_layer230(data: &[u8]) -> bool {
    pick(data, LAYER230_BOXED_TYPES.len())
        .and_then(|(index, bytes)| layer230::round_trip_boxed(index, bytes))
        .unwrap_or(false)
}

/// Fuzz target `parse`: arbitrary text through the parser and the diagnostic renderer. A schema that parses
/// must print (canonically) to text that parses to the same definitions and ids.
pub fn parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files = [tl_parser::SourceFile::new("fuzz.tl", text)];
    let parsed = tl_parser::parse(&files, &tl_parser::ParseOptions::new());
    let _ = parsed.diagnostics.render(&files);
    let Ok(schema) = parsed.into_result() else {
        return;
    };
    let mut printed = String::new();
    for category in [tl_parser::Category::Type, tl_parser::Category::Function] {
        if category == tl_parser::Category::Function {
            printed.push_str("---functions---\n");
        }
        for definition in schema.definitions.iter().filter(|d| d.category == category) {
            printed.push_str(&format!("{definition}\n"));
        }
    }
    let reprinted_files = [tl_parser::SourceFile::new("printed.tl", printed)];
    let reparsed = tl_parser::parse(&reprinted_files, &tl_parser::ParseOptions::new())
        .into_result()
        .unwrap_or_else(|d| panic!("the printed schema does not parse:\n{}", d.render(&reprinted_files)));
    let ids = |s: &tl_parser::Schema<'_>| {
        let mut ids: Vec<_> = (s.definitions.iter())
            .map(|d| (d.name.full.to_string(), d.id, d.category))
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&reparsed), ids(&schema), "printing changed the definitions");
}

/// Fuzz target `codegen`: arbitrary text through the whole generator (parse, model, emit, format). A
/// refusal is fine; a panic is a bug.
pub fn codegen(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files = [tl_parser::SourceFile::new("fuzz.tl", text)];
    let _ = tl_codegen::generate(&files, &[], &tl_parser::ParseOptions::new());
}
