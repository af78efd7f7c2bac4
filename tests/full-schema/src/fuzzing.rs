//! The bodies of the fuzz targets in `fuzz/` (cargo-fuzz), kept in this library so that the regression
//! test replays every saved input through exactly the code the fuzzer ran. Each takes arbitrary bytes and
//! panics only when it finds a bug.
//!
//! The decode targets look for the two classes of hostile input a decoder must survive: each input is
//! decoded on a thread with a small stack ([`DECODE_STACK`]), so recursion that is not counted overflows
//! it, and the targets' allocator checks the peak heap against [`heap_allowed`] for the bytes the decoder
//! really read, so memory reserved for elements the input only claims is a finding.

pub use tl_tests::decoding::{Decoded, round_trip};

use crate::boxed::{layer230, url_auth};

/// The TL names of the url-auth boxed types, in the order the `decode_url_auth` selector picks them.
pub const URL_AUTH_BOXED_TYPES: &[&str] = url_auth::BOXED_TYPES;
/// The TL names of the layer-230 + mtproto.tl boxed types, in the order the `decode_layer230` selector
/// picks them.
pub const LAYER230_BOXED_TYPES: &[&str] = layer230::BOXED_TYPES;

/// The stack each decode runs on: smaller than any thread a client runs decoders on (async runtimes give
/// their workers 2 MiB), and enough for the default depth limit in an unoptimised build.
pub const DECODE_STACK: usize = 256 * 1024;

/// Heap bytes a decode (and the round trip after it) may use per input byte the decoder read: decoding
/// makes Rust values of up to 43 bytes per wire byte (`userFull` with every optional field absent), the
/// round trip holds two values and an encoding, and a growing vector is briefly held twice.
pub const HEAP_PER_BYTE_READ: usize = 128;

/// The most heap a decode target may use after the decoder read `read` bytes: the first reservation of
/// a vector ([`tl_runtime::MAX_VECTOR_RESERVATION`]), some slack for the error and the thread, and
/// [`HEAP_PER_BYTE_READ`] per byte.
pub fn heap_allowed(read: usize) -> usize {
    tl_runtime::MAX_VECTOR_RESERVATION + 32 * 1024 + HEAP_PER_BYTE_READ * read
}

/// Panics unless `peak` heap bytes are within [`heap_allowed`] for what the decode read: the fuzz targets
/// call this with the peak their counting allocator saw.
pub fn check_heap(peak: usize, decoded: Decoded) {
    let allowed = heap_allowed(decoded.read);
    assert!(
        peak <= allowed,
        "decoding used {peak} bytes of heap after reading {} bytes (at most {allowed} allowed)",
        decoded.read
    );
}

/// Runs `decode` on a new thread with a [`DECODE_STACK`] stack; a panic there is a panic here.
fn on_small_stack<T: Send>(decode: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .stack_size(DECODE_STACK)
            .spawn_scoped(scope, decode)
            .expect("a thread");
        thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The selector for a boxed type: the first two bytes, little-endian, modulo `count`.
fn pick(data: &[u8], count: usize) -> Option<(usize, &[u8])> {
    match data {
        [low, high, rest @ ..] => Some((usize::from(u16::from_le_bytes([*low, *high])) % count, rest)),
        _ => None,
    }
}

/// Fuzz target `decode_url_auth`: the first two bytes pick a boxed type of the checked-in url-auth bindings,
/// the rest is decoded as it and round-tripped, on a small stack.
pub fn decode_url_auth(data: &[u8]) -> Decoded {
    let Some((index, bytes)) = pick(data, URL_AUTH_BOXED_TYPES.len()) else {
        return Decoded::NOTHING;
    };
    let round_trip = url_auth::round_tripper(index).expect("an index below the count");
    on_small_stack(|| round_trip(bytes))
}

/// Fuzz target `decode_layer230`: the same over every boxed type of layer 230 + mtproto.tl, and the
/// borrowed types (`Config::borrowed_types`) must read the same bytes the same way: both succeed, or both
/// fail with the same error.
pub fn decode_layer230(data: &[u8]) -> Decoded {
    let Some((index, bytes)) = pick(data, LAYER230_BOXED_TYPES.len()) else {
        return Decoded::NOTHING;
    };
    let round_trip = layer230::round_tripper(index).expect("an index below the count");
    let owned = layer230::decoder(index).expect("an index below the count");
    let borrowed = layer230::borrowed_decoder(index).expect("an index below the count");
    on_small_stack(|| {
        let decoded = round_trip(bytes);
        let by_owned = owned(&mut tl_runtime::Reader::new(bytes));
        let by_borrowed = borrowed(&mut tl_runtime::Reader::new(bytes));
        assert_eq!(by_borrowed, by_owned, "the borrowed types read these bytes otherwise");
        decoded
    })
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
    // In source order, with the section markers that keep each definition in its section and layer.
    let mut printed = String::new();
    let (mut category, mut layer) = (tl_parser::Category::Type, None);
    for definition in &schema.definitions {
        if definition.category != category {
            category = definition.category;
            printed.push_str(match category {
                tl_parser::Category::Type => "---types---\n",
                tl_parser::Category::Function => "---functions---\n",
            });
        }
        if definition.section_layer != layer {
            layer = definition.section_layer;
            printed.push_str(&format!("==={}===\n", layer.unwrap_or_default()));
        }
        printed.push_str(&format!("{definition}\n"));
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
/// refusal is fine; a panic is a bug, and so is generated text that is not Rust (syn parses it again).
/// Whether it compiles is checked on a sample: `tl-tests` compiles what every seed and regression of this
/// target generates (`codegen_fixtures::odd_schemas`).
pub fn codegen(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files = [tl_parser::SourceFile::new("fuzz.tl", text)];
    if let Ok(generated) = tl_codegen::generate(&files, &[], &tl_parser::ParseOptions::new())
        && let Err(error) = syn::parse_file(&generated.source)
    {
        panic!("the generated code is not Rust: {error}\n{}", generated.source);
    }
}
