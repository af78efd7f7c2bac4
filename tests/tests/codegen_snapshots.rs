//! Snapshots of generated Rust: one per feature fixture in `fixtures/codegen/`, and the url-auth bindings.
//! Review changes with `cargo insta review`.

use tl_parser::{ParseOptions, SourceFile};

fn generate(files: &[SourceFile]) -> String {
    tl_codegen::generate(files, &[], &ParseOptions::new())
        .unwrap_or_else(|e| panic!("{e}"))
        .source
}

#[test]
fn every_feature_fixture() {
    insta::glob!("../fixtures/codegen", "*.tl", |path| {
        let text = std::fs::read_to_string(path).expect("a readable fixture");
        let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
        insta::assert_snapshot!(generate(&[SourceFile::new(name, text)]));
    });
}

#[test]
fn url_auth_bindings() {
    let path = tl_tests::workspace_root().join("schema/url_auth.tl");
    let file = SourceFile::read(&path).expect("the bundled schema");
    let file = SourceFile::new("url_auth.tl", file.text);
    insta::assert_snapshot!(generate(&[file]));
}
