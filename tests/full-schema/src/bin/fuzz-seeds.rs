//! Writes the seed corpus of the fuzz targets into `fuzz/seeds/<target>/`: the project's own schemas for
//! `parse` and `codegen`; for the decoders, a two-byte type selector followed by a sample encoding of
//! every constructor (every optional field present) built from the model, and the benchmark objects.
//!
//! Run with `cargo run -p tl-full-schema --bin fuzz-seeds`; it rewrites the folders from scratch.

use std::path::Path;

use tl_codegen::model::Model;
use tl_full_schema::fuzzing::{LAYER230_BOXED_TYPES, URL_AUTH_BOXED_TYPES};
use tl_full_schema::objects;
use tl_runtime::Serialize;
use tl_tests::samples::{Fill, boxed};

fn main() -> std::io::Result<()> {
    let seeds = tl_tests::workspace_root().join("fuzz/seeds");
    let root = tl_tests::workspace_root();

    let mut schemas = vec![(
        "url_auth.tl".to_string(),
        std::fs::read(root.join("schema/url_auth.tl"))?,
    )];
    for folder in [
        "tests/fixtures/codegen",
        "tests/fixtures/invalid",
        "tests/fixtures/warnings",
        "tests/fixtures/tl-language",
    ] {
        for entry in std::fs::read_dir(root.join(folder))? {
            let path = entry?.path();
            let name = path.file_name().expect("a file").to_string_lossy().into_owned();
            schemas.push((name, std::fs::read(&path)?));
        }
    }
    write_all(&seeds.join("parse"), &schemas)?;
    write_all(&seeds.join("codegen"), &schemas)?;

    let url_auth = samples(&tl_tests::samples::url_auth_model(), URL_AUTH_BOXED_TYPES);
    write_all(&seeds.join("decode_url_auth"), &url_auth)?;

    let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
    let mut layer230 = samples(&model, LAYER230_BOXED_TYPES);
    let mut object = |name: &str, tl_type: &str, bytes: Vec<u8>| {
        layer230.push((name.to_string(), with_selector(LAYER230_BOXED_TYPES, tl_type, &bytes)));
    };
    object(
        "object-b.url_auth_result",
        "UrlAuthResult",
        objects::url_auth_result().to_bytes(),
    );
    object("object-c.users_10", "users.Users", objects::users(10).to_bytes());
    write_all(&seeds.join("decode_layer230"), &layer230)?;
    Ok(())
}

/// The selector that makes the fuzz target decode `tl_type`, then `bytes`.
fn with_selector(types: &[&str], tl_type: &str, bytes: &[u8]) -> Vec<u8> {
    let index = types.iter().position(|t| *t == tl_type).expect("a boxed type");
    let mut seed = u16::try_from(index)
        .expect("fewer than 65536 types")
        .to_le_bytes()
        .to_vec();
    seed.extend_from_slice(bytes);
    seed
}

/// One seed per constructor: its type's selector and a sample with every optional field.
fn samples(model: &Model, types: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut seeds = Vec::new();
    for ty in &model.types {
        for variant in &ty.variants {
            let constructor = &model.constructors[variant.constructor];
            let bytes = boxed(model, constructor, Fill::All);
            seeds.push((constructor.tl_name.clone(), with_selector(types, &ty.tl_name, &bytes)));
        }
    }
    seeds
}

fn write_all(folder: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    if folder.exists() {
        std::fs::remove_dir_all(folder)?;
    }
    std::fs::create_dir_all(folder)?;
    for (name, bytes) in files {
        std::fs::write(folder.join(name), bytes)?;
    }
    println!("{}: {} seeds", folder.display(), files.len());
    Ok(())
}
