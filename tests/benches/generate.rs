//! Generating Rust for the full layer-230 api.tl + mtproto.tl, from text to formatted source in memory:
//! tl-codegen against grammers-tl-gen 0.11.0 (the peer's generator, with its default features), in one run.
//! Also the url-auth subset, for scale, TDLib's td_api.tl (which needs `../shared/schema/wild/`), and the
//! full layer through `Config` (what build.rs and the command run), in one file and split by namespace.
//!
//! Run with `cargo bench -p tl-tests --bench generate`.

use divan::Bencher;
use tl_parser::{ParseOptions, SourceFile};

fn main() {
    divan::main();
}

fn full() -> [SourceFile; 2] {
    [tl_tests::api_layer230(), tl_tests::mtproto()]
}

/// Ours: parse, check, build the model, emit tokens, format with prettyplease.
#[divan::bench(sample_count = 10)]
fn tl_codegen_full(bencher: Bencher) {
    let files = full();
    let options = ParseOptions::new();
    bencher.bench(|| {
        tl_codegen::generate(divan::black_box(&files), &[], &options)
            .expect("generates")
            .source
            .len()
    });
}

/// Ours through `Config`, as build.rs and the command run it (the files read from disk), into one file.
#[divan::bench(sample_count = 10)]
fn tl_codegen_full_config_one_file(bencher: Bencher) {
    let config = full_config();
    bencher.bench(|| config.generate().expect("generates").source.len());
}

/// The same, split into one file per namespace (`Config::split_by_namespace`).
#[divan::bench(sample_count = 10)]
fn tl_codegen_full_config_split(bencher: Bencher) {
    let mut config = full_config();
    config.split_by_namespace();
    bencher.bench(|| config.generate().expect("generates").pieces.len());
}

/// A `Config` of the full layer's two files.
fn full_config() -> tl_codegen::Config {
    let mut config = tl_codegen::Config::new();
    for file in full() {
        config.schema(file.name);
    }
    config
}

/// The peer: grammers-tl-parser, then grammers-tl-gen writing its four outputs into memory.
#[divan::bench(sample_count = 10)]
fn grammers_tl_gen_full(bencher: Bencher) {
    let files = full();
    let config = grammers_tl_gen::Config {
        gen_name_for_id: true,
        deserializable_functions: false,
        impl_debug: true,
        impl_from_enum: true,
        impl_from_type: true,
        impl_serde: false,
    };
    bencher.bench(|| {
        let mut definitions = Vec::new();
        for file in divan::black_box(&files) {
            definitions.extend(grammers_tl_parser::parse_tl_file(&file.text).filter_map(Result::ok));
        }
        let mut outputs = grammers_tl_gen::Outputs {
            common: Vec::new(),
            types: Vec::new(),
            functions: Vec::new(),
            enums: Vec::new(),
        };
        grammers_tl_gen::generate_rust_code(&mut outputs, &definitions, 230, &config).expect("generates");
        outputs.common.len() + outputs.types.len() + outputs.functions.len() + outputs.enums.len()
    });
}

/// Ours on the bundled url-auth subset.
#[divan::bench]
fn tl_codegen_url_auth(bencher: Bencher) {
    let files = [SourceFile::read(tl_tests::workspace_root().join("schema/url_auth.tl")).expect("the schema")];
    bencher.bench(|| tl_codegen::generate(divan::black_box(&files), &[], &ParseOptions::new()).expect("generates"));
}

/// Ours on TDLib's td_api.tl (3169 definitions with their docs), from `../shared/schema/wild/`.
#[divan::bench(sample_count = 10)]
fn tl_codegen_td_api(bencher: Bencher) {
    let files =
        [tl_tests::shared_schema("wild/td_api.tl").expect("../shared/schema/wild/td_api.tl beside the checkout")];
    let options = ParseOptions::new();
    bencher.bench(|| {
        tl_codegen::generate(divan::black_box(&files), &[], &options)
            .expect("generates")
            .source
            .len()
    });
}
