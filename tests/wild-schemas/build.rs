//! Generates every schema of `../shared/schema/wild/` (TL files of TDLib and TON) into OUT_DIR with the
//! default options, and tables over their types for the tests. Without the folder nothing is generated
//! (`has_wild` stays off); on CI (`CI` set) its absence is a failure.

use std::path::Path;

/// `(module, file)`: the schemas of `wild/`.
const SCHEMAS: [(&str, &str); 8] = [
    ("td_api", "td_api.tl"),
    ("td_api_1_8_65", "td_api-1.8.65.tl"),
    ("ton_api", "ton_api.tl"),
    ("tonlib_api", "tonlib_api.tl"),
    ("telegram_api", "tdlib-telegram_api.tl"),
    ("mtproto_api", "tdlib-mtproto_api.tl"),
    ("secret_api", "secret_api.tl"),
    ("lite_api", "lite_api.tl"),
];

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_wild)");
    let wild = tl_tests::workspace_root().join("../shared/schema/wild");
    if !wild.is_dir() {
        tl_tests::shared_input_absent_at_build(&wild, "tests/wild-schemas/tests/wild.rs runs no schema test");
        return;
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (module, file) in SCHEMAS {
        let path = wild.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        generate(&path, &out, module);
    }
    println!("cargo:rustc-cfg=has_wild");
}

/// The bindings of one schema, `<module>.rs`, and its tables. Written without `Config::compile`, whose
/// `cargo:warning` lines would show on every build: the schemas' warnings are snapshotted by a test.
fn generate(path: &Path, out: &Path, module: &str) {
    let mut config = tl_codegen::Config::new();
    config.schema(path).deserialize_functions(true); // the round trips read functions too
    let generated = config.generate().unwrap_or_else(|error| panic!("{error}"));
    let file = tl_codegen::output::OutputFile {
        path: out.join(format!("{module}.rs")),
        content: generated.source,
    };
    tl_codegen::output::write_files(&[file], tl_codegen::output::Overwrite::GeneratedOnly)
        .unwrap_or_else(|error| panic!("{error}"));
    let files = [tl_parser::SourceFile::read(path).expect("a readable schema")];
    let model = tl_tests::samples::model_of(&files);
    let root = format!("crate::{module}");
    tl_tests::tables::write_boxed_types(&model, &root, &out.join(format!("{module}_boxed.rs")));
    tl_tests::tables::write_round_trips(&model, &root, &out.join(format!("{module}_round_trips.rs")));
}
