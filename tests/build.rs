//! Generates Rust for every schema in `fixtures/codegen/` into `OUT_DIR/codegen/`, so that the library can
//! include (and so compile, lint and test) each one.

use std::path::Path;

fn main() {
    let fixtures = Path::new("fixtures/codegen");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("codegen");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/codegen");
    let mut paths: Vec<_> = std::fs::read_dir(fixtures)
        .expect("fixtures/codegen exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "tl"))
        .collect();
    paths.sort();
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let files = tl_codegen::read_sources(&[&path]).expect("a readable fixture");
        let generated = tl_codegen::generate(&files, &[], &tl_parser::ParseOptions::new())
            .unwrap_or_else(|error| panic!("{}:\n{error}", path.display()));
        let name = path.file_stem().expect("a file name").to_string_lossy();
        std::fs::write(out.join(format!("{name}.rs")), generated.source).expect("write the generated fixture");
    }
}
