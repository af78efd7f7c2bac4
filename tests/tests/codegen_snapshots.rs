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

/// `fixtures/options/shop.tl` generated with each option of `Config` that changes the output, one
/// snapshot per option (and one with none).
#[test]
fn each_option() {
    let schema = tl_tests::workspace_root().join("tests/fixtures/options/shop.tl");
    type SetOption = fn(&mut tl_codegen::Config);
    let options: [(&str, SetOption); 5] = [
        ("none", |_| {}),
        ("serde", |config| {
            config.serde();
        }),
        ("attributes", |config| {
            config
                .type_attribute("shop", "#[doc(alias = \"shop_item\")]")
                .enum_attribute(".", "#[non_exhaustive]")
                .field_attribute("cart.note", "#[doc(alias = \"comment\")]");
        }),
        ("telegram_doc_links", |config| {
            config.telegram_doc_links();
        }),
        ("extern_path", |config| {
            config
                .extern_path("shop", "::shop_crate")
                .extern_path("Peer", "crate::peers");
        }),
    ];
    for (name, option) in options {
        let mut config = tl_codegen::Config::new();
        config.schema(&schema);
        option(&mut config);
        let generated = config.generate().unwrap_or_else(|error| panic!("{name}: {error}"));
        insta::assert_snapshot!(format!("option_{name}"), generated.source);
    }
}
