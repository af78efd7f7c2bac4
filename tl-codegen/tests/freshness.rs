//! The checked-in `generated/` is exactly what the generator makes from `schema/url_auth.tl` now.
//!
//! Like rust-analyzer's codegen tests: when stale, the test rewrites the files locally (so a plain
//! `cargo test` fixes them) and fails, so the change shows up; on CI (`CI` set) it only fails.

use std::path::Path;

use tl_codegen::{Config, crate_files, generate, read_sources};
use tl_parser::ParseOptions;

#[test]
fn generated_crate_is_fresh() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let mut config = Config::new();
    config.schema(root.join("schema/url_auth.tl"));
    let generated = config.generate().expect("generates");
    let mut stale = Vec::new();
    for (name, content) in crate_files(&config, &generated) {
        let path = root.join("generated/src").join(&name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(content.as_str()) {
            if std::env::var_os("CI").is_none() {
                std::fs::write(&path, &content).expect("rewrite the stale file");
            }
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "generated/src/{stale:?} was stale (rewritten unless on CI); run `cargo run -p tl-codegen`"
    );
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
