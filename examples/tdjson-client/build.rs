//! Generates the td_api types of TDLib 1.8.61 into OUT_DIR in TDLib's JSON form, the way a client crate
//! uses tl-codegen. td_api.tl is TDLib's (not shipped here): the path in `TD_API_TL`, else the one
//! `bash scripts/fetch-tdjson.sh` puts in its cache (`tl_tdjson::fetch_cache`). Without it the crate
//! builds empty (`has_td_api` off), says so in a cargo warning, and the example says what to run; on CI
//! (`CI` set) its absence is a failure.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rustc-check-cfg=cfg(has_td_api)");
    println!("cargo:rerun-if-env-changed=TD_API_TL");
    println!("cargo:rerun-if-env-changed=TDJSON_CACHE");
    let schema = match std::env::var_os("TD_API_TL") {
        Some(path) => PathBuf::from(path),
        None => tl_tdjson::fetch_cache().unwrap_or_default().join("td_api.tl"),
    };
    println!("cargo:rerun-if-changed={}", schema.display());
    if !schema.is_file() {
        let missing = format!(
            "{} is missing: run `bash scripts/fetch-tdjson.sh` (or set TD_API_TL to TDLib {}'s td_api.tl)",
            schema.display(),
            tl_tdjson::FETCHED_TDLIB_VERSION
        );
        assert!(std::env::var_os("CI").is_none(), "CI must have td_api.tl: {missing}");
        println!("cargo:warning=tdjson-client is built without td_api types: {missing}");
        return Ok(());
    }
    tl_codegen::Config::new()
        .schema(&schema)
        .file_name("td_api.rs")
        .tdjson()
        .compile()?;
    println!("cargo:rustc-cfg=has_td_api");
    Ok(())
}
