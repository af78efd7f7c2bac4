//! Generates Rust for every schema in `fixtures/codegen/` (with the borrowed types) into `OUT_DIR/codegen/`,
//! so that the library can include (and so compile, lint and test) each one.

use std::path::Path;

fn main() {
    let fixtures = Path::new("fixtures/codegen");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("codegen");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/codegen");
    for path in tl_fixtures(fixtures) {
        println!("cargo:rerun-if-changed={}", path.display());
        let files = tl_codegen::read_sources(&[&path]).expect("a readable fixture");
        // The borrowed forms and `Hash` too, so that their output for every feature compiles and lints.
        let emit_options = tl_codegen::emit::EmitOptions {
            borrowed_types: true,
            derive_hash: true,
            deserialize_functions: true,
            ..Default::default()
        };
        let parse_options = tl_parser::ParseOptions::new();
        let externs = tl_codegen::model::Externs::default();
        // Strict: every fixture is generated whole, nothing left out.
        let strict = tl_codegen::Strictness::Strict;
        let generated = tl_codegen::generate_with(&files, &[], &parse_options, &externs, &emit_options, strict)
            .unwrap_or_else(|error| panic!("{}:\n{error}", path.display()));
        let name = path.file_stem().expect("a file name").to_string_lossy();
        std::fs::write(out.join(format!("{name}.rs")), generated.source).expect("write the generated fixture");
    }
    options(&out);
    reuse(&out);
    tl_language(&out);
    odd_schemas(&out);
}

/// Every schema the `codegen` fuzz target starts from or once failed on (`fuzz/seeds/codegen/`,
/// `fuzz/regressions/codegen/`), and the malformed and warned-about fixtures, generated with the default
/// options as a user would: whatever it generates must compile without a warning
/// (`tl_tests::codegen_fixtures::odd_schemas`). A schema that generates nothing (a syntax error, or
/// nothing left) is skipped. `schemas.rs` lists the modules.
fn odd_schemas(out: &Path) {
    let out = out.join("odd-schemas");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/codegen/odd-schemas");
    let mut modules = String::new();
    let folders = [
        ("seed", "../fuzz/seeds/codegen"),
        ("regression", "../fuzz/regressions/codegen"),
        ("invalid", "fixtures/invalid"),
        ("warned", "fixtures/warnings"),
    ];
    for (prefix, folder) in folders {
        let folder = Path::new(folder);
        println!("cargo:rerun-if-changed={}", folder.display());
        let mut paths: Vec<_> = (std::fs::read_dir(folder).expect("the fuzz folder exists"))
            .map(|entry| entry.expect("a directory entry").path())
            .collect();
        paths.sort();
        for path in paths {
            let mut config = tl_codegen::Config::new();
            config.schema(&path).emit_rerun_if_changed(false);
            let Ok(generated) = config.generate() else { continue };
            let stem = path.file_stem().expect("a file name").to_string_lossy();
            let name: String = (stem.chars())
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let name = format!("{prefix}_{}", name.to_ascii_lowercase());
            std::fs::write(out.join(format!("{name}.rs")), generated.source).expect("write a schema's output");
            modules.push_str(&format!(
                "#[doc = \"Generated from `{}`.\"]\npub mod {name} {{ include!(concat!(env!(\"OUT_DIR\"), \"/codegen/odd-schemas/{name}.rs\")); }}\n",
                path.display()
            ));
        }
    }
    std::fs::write(out.join("schemas.rs"), modules).expect("write the list of schemas");
}

/// Every schema of `fixtures/tl-language/` (one TL construct each) with the default options, as a user
/// gets it: what the generator cannot represent yet is left out with a warning (snapshotted by
/// `tests/tl_language.rs`), the rest must compile here, with the default options, with every option
/// that adds code (serde, `Hash`, the borrowed types), and in TDLib's JSON form (`tdjson`).
fn tl_language(out: &Path) {
    let fixtures = Path::new("fixtures/tl-language");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let out = out.join("tl-language");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/codegen/tl-language");
    for path in tl_fixtures(fixtures) {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_stem().expect("a file name").to_string_lossy().into_owned();
        let mut config = tl_codegen::Config::new();
        // The functions' decoders too: the tests read functions back.
        config
            .schema(&path)
            .emit_rerun_if_changed(false)
            .out_dir(&out)
            .deserialize_functions(true);
        let generated = config
            .generate()
            .unwrap_or_else(|error| panic!("{}:\n{error}", path.display()));
        std::fs::write(out.join(format!("{name}.rs")), generated.source).expect("write the generated fixture");
        // The same with every option that adds code: each construct must compile with them too.
        config.serde().derive_hash().borrowed_types();
        let generated = config
            .generate()
            .unwrap_or_else(|error| panic!("{} (all options):\n{error}", path.display()));
        let all_options = out.join(format!("{name}_all_options.rs"));
        std::fs::write(all_options, generated.source).expect("write the generated fixture");
        // In TDLib's JSON form, without the binary codec: each construct must compile that way too.
        let mut tdjson = tl_codegen::Config::new();
        tdjson.schema(&path).emit_rerun_if_changed(false).tdjson();
        let generated = tdjson
            .generate()
            .unwrap_or_else(|error| panic!("{} (tdjson):\n{error}", path.display()));
        std::fs::write(out.join(format!("{name}_tdjson.rs")), generated.source).expect("write the generated fixture");
    }
}

/// The `.tl` files of a fixture folder, sorted.
fn tl_fixtures(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("the fixture folder exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "tl"))
        .collect();
    paths.sort();
    paths
}

/// `fixtures/options/shop.tl` with every option of `Config` that changes the output.
fn options(out: &Path) {
    let schema = Path::new("fixtures/options/shop.tl");
    println!("cargo:rerun-if-changed={}", schema.display());
    let mut config = tl_codegen::Config::new();
    config
        .schema(schema)
        .deserialize_functions(true)
        .serde()
        .derive_hash()
        .borrowed_types()
        .telegram_doc_links()
        .type_attribute("peerEmpty", "#[derive(PartialOrd)]")
        .type_attribute("peerUser", "#[derive(PartialOrd)]")
        .type_attribute("peerChat", "#[derive(PartialOrd)]")
        .enum_attribute("Peer", "#[derive(PartialOrd)]")
        .type_attribute("shop", "#[doc(alias = \"shop_item\")]")
        .field_attribute("shop.item.name", "#[serde(rename = \"title\")]")
        .emit_rerun_if_changed(false)
        .out_dir(out)
        .file_name("options.rs");
    config.compile().unwrap_or_else(|error| panic!("{error}"));
}

/// The bundled url-auth schema again, with `InputPeer` and `UrlAuthResult` taken from the crate
/// `tl_generated` (which generates the same schema) instead of generated here.
fn reuse(out: &Path) {
    let schema = Path::new("../schema/url_auth.tl");
    println!("cargo:rerun-if-changed={}", schema.display());
    let mut config = tl_codegen::Config::new();
    config
        .schema(schema)
        .extern_path("InputPeer", "::tl_generated")
        .extern_path("UrlAuthResult", "::tl_generated")
        .emit_rerun_if_changed(false)
        .out_dir(out)
        .file_name("reuse.rs");
    config.compile().unwrap_or_else(|error| panic!("{error}"));
}
