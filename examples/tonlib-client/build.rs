//! Generates the tonlib_api types into OUT_DIR in tonlib's JSON form, the way a client crate uses
//! tl-codegen. tonlib_api.tl is TON's (not shipped here): the path in `TONLIB_API_TL`, else the one
//! `bash scripts/fetch-tonlib.sh` puts in its cache (`tl_tdjson::tonlib::fetch_cache`). Without it the
//! crate builds empty (`has_tonlib_api` off), says so in a cargo warning, and the example says what to
//! run; on CI (`CI` set) its absence is a failure.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rustc-check-cfg=cfg(has_tonlib_api)");
    println!("cargo:rerun-if-env-changed=TONLIB_API_TL");
    println!("cargo:rerun-if-env-changed=TONLIB_CACHE");
    let schema = match std::env::var_os("TONLIB_API_TL") {
        Some(path) => PathBuf::from(path),
        None => tl_tdjson::tonlib::fetch_cache()
            .unwrap_or_default()
            .join("tonlib_api.tl"),
    };
    println!("cargo:rerun-if-changed={}", schema.display());
    if !schema.is_file() {
        let missing = format!(
            "{} is missing: run `bash scripts/fetch-tonlib.sh` (or set TONLIB_API_TL to the tonlib_api.tl of \
             the library's version)",
            schema.display()
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have tonlib_api.tl: {missing}"
        );
        println!("cargo:warning=tonlib-client is built without tonlib_api types: {missing}");
        return Ok(());
    }
    tl_codegen::Config::new()
        .schema(&schema)
        .file_name("tonlib_api.rs")
        .json_interface()
        .compile()?;
    println!("cargo:rustc-cfg=has_tonlib_api");
    Ok(())
}
