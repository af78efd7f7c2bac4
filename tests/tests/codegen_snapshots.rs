//! Snapshots of generated Rust: one per feature fixture in `fixtures/codegen/`, and the url-auth bindings.
//! Review changes with `cargo insta review`.

use tl_parser::{ParseOptions, SourceFile};

/// The default options and the functions' decoders (a server's and the tests' code is shown too).
fn generate(files: &[SourceFile]) -> String {
    let externs = tl_codegen::model::Externs::default();
    let emit_options = tl_codegen::emit::EmitOptions {
        deserialize_functions: true,
        ..Default::default()
    };
    let strictness = tl_codegen::Strictness::for_roots(&[]);
    tl_codegen::generate_with(files, &[], &ParseOptions::new(), &externs, &emit_options, strictness)
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
/// snapshot per option (and one with none), each with the functions' decoders but the last, which shows
/// the default: functions only written.
#[test]
fn each_option() {
    let schema = tl_tests::workspace_root().join("tests/fixtures/options/shop.tl");
    type SetOption = fn(&mut tl_codegen::Config);
    let options: [(&str, SetOption); 6] = [
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
        ("no_function_decoding", |config| {
            config.deserialize_functions(false);
        }),
    ];
    for (name, option) in options {
        let mut config = tl_codegen::Config::new();
        config.schema(&schema).deserialize_functions(true);
        option(&mut config);
        let generated = config.generate().unwrap_or_else(|error| panic!("{name}: {error}"));
        insta::assert_snapshot!(format!("option_{name}"), generated.source);
    }
}
