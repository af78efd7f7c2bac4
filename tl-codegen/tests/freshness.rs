//! The checked-in `generated/` and `generated/layer230/` are exactly what the generator makes from
//! `schema/url_auth.tl` and `schema/url_auth_230.tl` now.
//!
//! Like rust-analyzer's codegen tests: when stale, the test rewrites the files locally (so a plain
//! `cargo test` fixes them) and fails, so the change shows up; on CI (`CI` set) it only fails.

use std::path::Path;

use tl_codegen::output::{FileStatus, Overwrite, check_files, write_files};
use tl_codegen::{Config, crate_files, generate, read_sources};
use tl_parser::ParseOptions;

#[test]
fn generated_crates_are_fresh() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    for (schema, out) in [
        ("schema/url_auth.tl", "generated/src"),
        ("schema/url_auth_230.tl", "generated/layer230/src"),
    ] {
        let mut config = Config::new();
        // As tl-codegen.toml asks: the tests read requests too.
        config.schema(root.join(schema)).deserialize_functions(true);
        let generated = config.generate().expect("generates");
        let files = crate_files(&config, &generated, &root.join(out));
        let statuses = check_files(&files).expect("readable");
        let stale: Vec<_> = (files.iter().zip(&statuses))
            .filter(|&(_, &status)| status != FileStatus::Unchanged)
            .map(|(file, _)| file.path.file_name().expect("a file name").to_owned())
            .collect();
        if !stale.is_empty() && std::env::var_os("CI").is_none() {
            write_files(&files, Overwrite::GeneratedOnly).expect("rewrite the stale files");
        }
        assert!(
            stale.is_empty(),
            "{out}/{stale:?} was stale (rewritten unless on CI); run `cargo run -p tl-codegen`"
        );
    }
}

#[test]
fn generation_is_deterministic() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let files = read_sources(&[root.join("schema/url_auth.tl")]).expect("the bundled schema");
    let first = generate(&files, &[], &ParseOptions::new()).expect("generates");
    for _ in 0..3 {
        assert_eq!(generate(&files, &[], &ParseOptions::new()).expect("generates"), first);
    }
}
