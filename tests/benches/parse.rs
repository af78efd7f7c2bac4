//! Parsing the full layer-230 api.tl: tl-parser against grammers-tl-parser (the peer), in one run; and
//! TDLib's td_api.tl (ours only), which needs `../shared/schema/wild/`.
//!
//! Run with `cargo bench -p tl-tests --bench parse`.

use divan::Bencher;
use tl_parser::{ParseOptions, SourceFile, parse};

fn main() {
    divan::main();
}

fn api() -> SourceFile {
    tl_tests::api_layer230()
}

/// Ours: syntax, spans, id computation and verification, and every schema check.
#[divan::bench]
fn tl_parser_full(bencher: Bencher) {
    let files = [api()];
    let options = ParseOptions::new();
    bencher
        .counter(divan::counter::BytesCount::new(files[0].text.len()))
        .bench(|| {
            let parsed = parse(divan::black_box(&files), &options);
            assert!(parsed.diagnostics.is_empty());
            parsed.schema.definitions.len()
        });
}

/// The peer: grammers-tl-parser, collecting every definition it yields. It answers `NotImplemented` for
/// the one `vector {t:Type} # [ t ] = Vector t` line and parses the other 2553.
#[divan::bench]
fn grammers_tl_parser(bencher: Bencher) {
    let text = api().text;
    bencher.counter(divan::counter::BytesCount::new(text.len())).bench(|| {
        let definitions: Vec<_> = grammers_tl_parser::parse_tl_file(divan::black_box(&text)).collect();
        assert_eq!(definitions.iter().filter(|d| d.is_ok()).count(), 2553);
        definitions.len()
    });
}

/// TDLib's td_api.tl (doc comments on every definition, no written ids), from `../shared/schema/wild/`.
#[divan::bench]
fn tl_parser_td_api(bencher: Bencher) {
    let files = [td_api()];
    let options = ParseOptions::new();
    bencher
        .counter(divan::counter::BytesCount::new(files[0].text.len()))
        .bench(|| {
            let parsed = parse(divan::black_box(&files), &options);
            assert!(!parsed.diagnostics.has_errors());
            parsed.schema.definitions.len()
        });
}

/// TDLib's td_api.tl; the benches that read it need `../shared/schema/wild/` beside the checkout.
fn td_api() -> SourceFile {
    tl_tests::shared_schema("wild/td_api.tl").expect("../shared/schema/wild/td_api.tl beside the checkout")
}
